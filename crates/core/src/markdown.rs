//! Markdown: the one place that sets the parser options, the renderer used in
//! the browser, and the analysis the content build makes of each body
//! (words for the reading time, summary, plain text for search, links).

use std::cell::{Cell, RefCell};
use std::collections::HashSet;

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};

use crate::sanitize::{escape_html, Sanitizer};
use crate::text::slugify;
use crate::urls::{Internal, LinkFrom, LinkTarget, Urls};

/// Reading speed used for "N min read".
pub const WORDS_PER_MINUTE: usize = 220;

/// Longest derived summary, in characters, before it is cut at a word.
pub const SUMMARY_MAX_CHARS: usize = 300;

/// The markdown dialect of posts: CommonMark with GitHub's tables, footnotes,
/// strikethrough, task lists and alerts, `{#id}` heading attributes and smart punctuation.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_GFM
}

/// What the browser asks its renderer (a worker, loaded only when a post is
/// reached by client-side navigation) to render: a body and its post.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RenderRequest {
    /// Matches the answer to the question.
    pub id: u32,
    pub markdown: String,
    /// The site's base path, `/` or `/blog/`.
    pub base: String,
    pub slug: String,
    pub source: String,
    /// (source path, slug) of every post, to resolve links between posts.
    pub posts: Vec<(String, String)>,
    /// The post's addresses on the site it moved from.
    #[serde(default)]
    pub old_urls: Vec<String>,
    /// The ids the build gave the body's headings, in order (a moved blog's
    /// follow its old generator's rules, which the browser does not carry).
    #[serde(default)]
    pub heading_ids: Vec<String>,
}

/// The renderer's answer: the body's HTML.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RenderResponse {
    pub id: u32,
    pub html: String,
}

impl RenderRequest {
    /// Renders the body as [`render`] does on the host.
    pub fn render(&self) -> RenderResponse {
        let urls = Urls::new(&self.base);
        let lookup = |source: &str| {
            self.posts
                .iter()
                .find(|(s, _)| s == source)
                .map(|(_, slug)| slug.clone())
        };
        let given = GivenIds::new(&self.heading_ids);
        let html = render(
            &self.markdown,
            &PostContext {
                urls: &urls,
                slug: &self.slug,
                source: &self.source,
                old_urls: &self.old_urls,
                post_for_source: &lookup,
                heading_id: &|text| given.next(text),
            },
        )
        .html;
        RenderResponse { id: self.id, html }
    }
}

/// The post a body belongs to, for resolving its links.
pub struct PostContext<'a> {
    pub urls: &'a Urls,
    pub slug: &'a str,
    /// Source path relative to `content/`.
    pub source: &'a str,
    /// Its addresses on the site it moved from ([`crate::urls::old_url_key`]s).
    pub old_urls: &'a [String],
    /// Finds the slug of the post whose source path is given.
    pub post_for_source: &'a dyn Fn(&str) -> Option<String>,
    /// The id of a heading with this text, before it is made unique; called
    /// once for every heading, in order (also those with an explicit `{#id}`).
    /// [`slugify`] for this blog's own posts.
    pub heading_id: &'a dyn Fn(&str) -> String,
}

/// Heading ids given by the build, handed out in order; past them, ours.
struct GivenIds<'a> {
    ids: &'a [String],
    next: Cell<usize>,
}

impl<'a> GivenIds<'a> {
    fn new(ids: &'a [String]) -> Self {
        GivenIds {
            ids,
            next: Cell::new(0),
        }
    }

    fn next(&self, text: &str) -> String {
        let i = self.next.get();
        self.next.set(i + 1);
        self.ids.get(i).cloned().unwrap_or_else(|| slugify(text))
    }
}

impl PostContext<'_> {
    fn resolve(&self, href: &str) -> LinkTarget {
        let from = LinkFrom {
            slug: self.slug,
            source: self.source,
            old_urls: self.old_urls,
        };
        self.urls.resolve_link(&from, href, self.post_for_source)
    }
}

/// A heading of a body, for its table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A body rendered, and what the content build needs to know about it, all
/// from the one pass that renders it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    /// The body's headings in order, for a table of contents.
    pub headings: Vec<Heading>,
    pub analysis: Analysis,
}

/// A link or image destination in a body, as written and as resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub href: String,
    pub target: LinkTarget,
    /// Its line in the body (from 0).
    pub line: usize,
}

/// Reads the words, summary and plain text of a body as it is rendered:
/// text the page does not show (inside a dropped `<script>` or `<svg>`)
/// is not read.
#[derive(Default)]
struct Reader {
    prose: String,
    code: String,
    plain: String,
    in_code: bool,
    paragraphs: Vec<String>,
    paragraph: Option<String>,
    depth: usize,
    more_at: Option<usize>,
}

impl Reader {
    fn read(&mut self, event: &Event, shown: bool) {
        match event {
            Event::Start(tag) => {
                match tag {
                    Tag::CodeBlock(_) => self.in_code = true,
                    Tag::Paragraph if self.depth == 0 => self.paragraph = Some(String::new()),
                    _ => {}
                }
                self.depth += 1;
            }
            Event::End(end) => {
                self.depth = self.depth.saturating_sub(1);
                match end {
                    TagEnd::CodeBlock => self.in_code = false,
                    TagEnd::Paragraph if self.depth == 0 => {
                        if let Some(p) = self.paragraph.take() {
                            self.paragraphs
                                .push(p.split_whitespace().collect::<Vec<_>>().join(" "));
                        }
                    }
                    _ => {}
                }
                let inline = matches!(
                    end,
                    TagEnd::Emphasis
                        | TagEnd::Strong
                        | TagEnd::Strikethrough
                        | TagEnd::Link
                        | TagEnd::Image
                );
                if !inline {
                    self.prose.push(' ');
                    self.code.push(' ');
                    self.plain.push(' ');
                }
            }
            Event::Text(t) | Event::Code(t) if shown => {
                if self.in_code {
                    self.code.push_str(t);
                } else {
                    self.prose.push_str(t);
                }
                self.plain.push_str(t);
                if let Some(p) = self.paragraph.as_mut() {
                    p.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                self.prose.push(' ');
                self.plain.push(' ');
                if let Some(p) = self.paragraph.as_mut() {
                    p.push(' ');
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                let t = h.trim();
                if self.more_at.is_none()
                    && t.starts_with("<!--")
                    && t.trim_start_matches("<!--").trim_end_matches("-->").trim() == "more"
                {
                    self.more_at = Some(self.paragraphs.len());
                }
            }
            _ => {}
        }
    }

    fn finish(self, links: Vec<Link>) -> Analysis {
        let summary = match self.more_at {
            Some(n) if n > 0 => self.paragraphs[..n].join(" "),
            _ => self.paragraphs.first().cloned().unwrap_or_default(),
        };
        Analysis {
            prose_words: count_words(&self.prose),
            code_words: count_words(&self.code),
            summary,
            plain_text: self.plain.split_whitespace().collect::<Vec<_>>().join(" "),
            links,
        }
    }
}

/// The line (from 0) of each byte offset of a text.
struct Lines(Vec<usize>);

impl Lines {
    fn of(text: &str) -> Self {
        Lines(text.match_indices('\n').map(|(i, _)| i).collect())
    }

    fn at(&self, offset: usize) -> usize {
        self.0.partition_point(|&newline| newline < offset)
    }
}

/// Hands out ids that are unique within one document: `x`, then `x-1`, `x-2`...
#[derive(Default)]
struct Ids {
    used: HashSet<String>,
}

impl Ids {
    fn unique(&mut self, wanted: &str) -> String {
        let base = if wanted.is_empty() { "section" } else { wanted };
        if self.used.insert(base.to_string()) {
            return base.to_string();
        }
        let mut n = 1;
        loop {
            let candidate = format!("{base}-{n}");
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

struct OpenHeading {
    level: HeadingLevel,
    explicit_id: Option<String>,
    start: usize,
    text: String,
    has_link: bool,
}

struct Footnote {
    label: String,
    number: usize,
    events: Vec<Event<'static>>,
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Renders a post body to HTML that is safe to insert into the page.
// Large and called from one place: never inlined into the (generic) view code.
#[inline(never)]
pub fn render(markdown: &str, ctx: &PostContext) -> Rendered {
    let lines = Lines::of(markdown);
    let mut reader = Reader::default();
    // Every link resolved, with the line of the event being rendered.
    let resolved: RefCell<Vec<Link>> = RefCell::new(Vec::new());
    let line = Cell::new(0);
    let mut out: Vec<Event<'static>> = Vec::new();
    let mut headings = Vec::new();
    let mut ids = Ids::default();
    let mut sanitizer = Sanitizer::new();
    let mut heading: Option<OpenHeading> = None;
    let mut links: Vec<&'static str> = Vec::new();
    let mut referenced: HashSet<String> = HashSet::new();
    let mut image: Option<(String, String, String)> = None;
    let mut html_block: Option<String> = None;
    // A code block's language and text, highlighted as a whole at its end.
    let mut code_block: Option<(String, String)> = None;
    let mut footnotes: Vec<Footnote> = Vec::new();
    let mut in_footnote: Option<usize> = None;
    let resolve = |href: &str| {
        let target = ctx.resolve(href);
        resolved.borrow_mut().push(Link {
            href: href.to_string(),
            target: target.clone(),
            line: line.get(),
        });
        target
    };

    let number_of = |footnotes: &mut Vec<Footnote>, label: &str| -> usize {
        if let Some(f) = footnotes.iter().find(|f| f.label == label) {
            return f.number;
        }
        let number = footnotes.iter().filter(|f| f.number > 0).count() + 1;
        footnotes.push(Footnote {
            label: label.to_string(),
            number,
            events: Vec::new(),
        });
        number
    };

    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        line.set(lines.at(range.start));
        reader.read(&event, !sanitizer.is_skipping());
        // Collect an image's alt text until its end.
        if let Some((_, _, alt)) = image.as_mut() {
            match event {
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::End(TagEnd::Image) => {
                    let (src, title, alt) = image.take().unwrap_or_default();
                    let html = match resolve(&src) {
                        LinkTarget::Internal(Internal { url, .. }) | LinkTarget::External(url) => {
                            let title = if title.is_empty() {
                                String::new()
                            } else {
                                format!(" title=\"{}\"", escape_html(&title))
                            };
                            format!(
                                "<img src=\"{}\" alt=\"{}\"{title} loading=\"lazy\" decoding=\"async\">",
                                escape_html(&url),
                                escape_html(&alt)
                            )
                        }
                        _ => escape_html(&alt),
                    };
                    push(
                        &mut out,
                        &mut footnotes,
                        in_footnote,
                        Event::Html(html.into()),
                    );
                }
                _ => {}
            }
            continue;
        }
        // Raw HTML is balanced within the markdown element it appears in.
        match &event {
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Start(_) => sanitizer.enter(),
            Event::End(_) => {
                let mut closes = String::new();
                sanitizer.leave(&mut closes);
                if !closes.is_empty() {
                    push(
                        &mut out,
                        &mut footnotes,
                        in_footnote,
                        Event::Html(closes.into()),
                    );
                }
            }
            _ => {}
        }
        let event: Option<Event<'static>> = match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some(OpenHeading {
                    level,
                    explicit_id: id.map(|i| i.to_string()),
                    start: out.len(),
                    text: String::new(),
                    has_link: false,
                });
                None
            }
            Event::End(TagEnd::Heading(_)) => {
                sanitizer.end_block();
                if let Some(h) = heading.take() {
                    let automatic = (ctx.heading_id)(&h.text);
                    let wanted = h.explicit_id.clone().unwrap_or(automatic);
                    let id = ids.unique(&wanted);
                    // One h1 per page: the post's title. Body headings start at h2.
                    let level = heading_number(h.level).max(2);
                    let mut open = format!("<h{level} id=\"{}\">", escape_html(&id));
                    let mut close = format!("</h{level}>\n");
                    if !h.has_link {
                        open.push_str(&format!(
                            "<a class=\"heading-anchor\" href=\"{}\">",
                            escape_html(&ctx.urls.post_section(ctx.slug, &id))
                        ));
                        close.insert_str(0, "</a>");
                    }
                    out.insert(h.start, Event::Html(open.into()));
                    out.push(Event::Html(close.into()));
                    headings.push(Heading {
                        level,
                        id,
                        text: h.text.trim().to_string(),
                    });
                }
                None
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                if let Some(h) = heading.as_mut() {
                    h.has_link = true;
                }
                let href = if link_type == LinkType::Email {
                    format!("mailto:{dest_url}")
                } else {
                    dest_url.to_string()
                };
                let title = if title.is_empty() {
                    String::new()
                } else {
                    format!(" title=\"{}\"", escape_html(&title))
                };
                let (html, opened) = match resolve(&href) {
                    LinkTarget::Internal(Internal { url, .. }) | LinkTarget::Other(url) => {
                        (format!("<a href=\"{}\"{title}>", escape_html(&url)), true)
                    }
                    LinkTarget::External(url) => (
                        format!(
                            "<a href=\"{}\"{title} target=\"_blank\" rel=\"noopener noreferrer\">",
                            escape_html(&url)
                        ),
                        true,
                    ),
                    LinkTarget::Broken(_) | LinkTarget::NoScheme(_) => {
                        ("<span class=\"broken-link\">".to_string(), true)
                    }
                    LinkTarget::Rejected => (String::new(), false),
                };
                links.push(match (opened, html.starts_with("<span")) {
                    (false, _) => "",
                    (true, true) => "</span>",
                    (true, false) => "</a>",
                });
                opened.then(|| Event::Html(html.into()))
            }
            Event::End(TagEnd::Link) => links
                .pop()
                .filter(|close| !close.is_empty())
                .map(|close| Event::Html(close.into())),
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                image = Some((dest_url.to_string(), title.to_string(), String::new()));
                None
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match &kind {
                    CodeBlockKind::Fenced(info) => info
                        .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
                        .next()
                        .unwrap_or("")
                        .to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let open = if lang.is_empty() {
                    "<div class=\"code-block\"><pre><code>".into()
                } else {
                    let l = escape_html(&lang);
                    format!("<div class=\"code-block\"><pre data-lang=\"{l}\"><code class=\"language-{l}\">")
                };
                code_block = Some((lang, String::new()));
                Some(Event::Html(open.into()))
            }
            Event::Text(text) if code_block.is_some() => {
                if let Some((_, code)) = code_block.as_mut() {
                    code.push_str(&text);
                }
                None
            }
            Event::End(TagEnd::CodeBlock) => {
                let (lang, code) = code_block.take().unwrap_or_default();
                let body =
                    crate::syntax::highlight(&lang, &code).unwrap_or_else(|| escape_html(&code));
                // The copy button shows once the app runs (it needs a script).
                Some(Event::Html(
                    format!("{body}</code></pre>\n<button type=\"button\" class=\"copy\" aria-label=\"Copy code\">Copy</button></div>\n")
                        .into(),
                ))
            }
            Event::Start(Tag::Table(alignments)) => {
                push(
                    &mut out,
                    &mut footnotes,
                    in_footnote,
                    Event::Html("<div class=\"table-wrap\">".into()),
                );
                Some(Event::Start(Tag::Table(alignments)))
            }
            Event::End(TagEnd::Table) => {
                push(
                    &mut out,
                    &mut footnotes,
                    in_footnote,
                    Event::End(TagEnd::Table),
                );
                Some(Event::Html("</div>\n".into()))
            }
            // An HTML block arrives a line at a time: filter it whole, so that
            // a tag spread over lines is read as one tag.
            Event::Start(Tag::HtmlBlock) => {
                html_block = Some(String::new());
                None
            }
            Event::Html(html) if html_block.is_some() => {
                html_block.get_or_insert_with(String::new).push_str(&html);
                None
            }
            Event::End(TagEnd::HtmlBlock) => {
                let mut clean = String::new();
                sanitizer.push(&html_block.take().unwrap_or_default(), &mut clean, &resolve);
                sanitizer.end_block();
                (!clean.is_empty()).then(|| Event::Html(clean.into()))
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let mut clean = String::new();
                sanitizer.push(&html, &mut clean, &resolve);
                (!clean.is_empty()).then(|| Event::Html(clean.into()))
            }
            Event::Text(_) | Event::Code(_) if sanitizer.is_skipping() => None,
            Event::Text(text) => {
                if let Some(h) = heading.as_mut() {
                    h.text.push_str(&text);
                }
                Some(Event::Text(CowStr::from(text.into_string())))
            }
            Event::Code(code) => {
                if let Some(h) = heading.as_mut() {
                    h.text.push_str(&code);
                }
                Some(Event::Code(CowStr::from(code.into_string())))
            }
            Event::FootnoteReference(label) => {
                let number = number_of(&mut footnotes, &label);
                let id = format!("fn-{}", slugify(&label));
                let ref_id = if referenced.insert(label.to_string()) {
                    format!(" id=\"fnref-{}\"", escape_html(&slugify(&label)))
                } else {
                    String::new()
                };
                Some(Event::Html(
                    format!(
                        "<sup class=\"footnote-ref\"><a href=\"{}\"{ref_id} aria-label=\"Footnote {number}\">{number}</a></sup>",
                        escape_html(&ctx.urls.post_section(ctx.slug, &id)),
                    )
                    .into(),
                ))
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let label = label.to_string();
                let index = match footnotes.iter().position(|f| f.label == label) {
                    Some(i) => i,
                    None => {
                        footnotes.push(Footnote {
                            label,
                            number: 0,
                            events: Vec::new(),
                        });
                        footnotes.len() - 1
                    }
                };
                in_footnote = Some(index);
                None
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                in_footnote = None;
                None
            }
            Event::End(end) => {
                if matches!(
                    end,
                    TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::BlockQuote(_)
                ) {
                    sanitizer.end_block();
                }
                Some(Event::End(end))
            }
            Event::Start(tag) => Some(Event::Start(tag.into_static())),
            other => Some(other.into_static()),
        };
        if let Some(event) = event {
            push(&mut out, &mut footnotes, in_footnote, event);
        }
    }

    let mut closes = String::new();
    sanitizer.finish(&mut closes);
    if !closes.is_empty() {
        out.push(Event::Html(closes.into()));
    }

    // Footnotes: numbered in order of first reference, listed at the end.
    footnotes.retain(|f| !f.events.is_empty() || f.number > 0);
    if !footnotes.is_empty() {
        let mut next = footnotes.iter().map(|f| f.number).max().unwrap_or(0);
        for f in footnotes.iter_mut().filter(|f| f.number == 0) {
            next += 1;
            f.number = next;
        }
        footnotes.sort_by_key(|f| f.number);
        out.push(Event::Html(
            "<section class=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n".into(),
        ));
        for f in footnotes {
            let slug = slugify(&f.label);
            out.push(Event::Html(
                format!("<li id=\"fn-{}\">\n", escape_html(&slug)).into(),
            ));
            out.extend(f.events);
            out.push(Event::Html(
                format!(
                    "<a class=\"footnote-back\" href=\"{}\" aria-label=\"Back to reference {}\">↩</a></li>\n",
                    escape_html(&ctx.urls.post_section(ctx.slug, &format!("fnref-{slug}"))),
                    f.number
                )
                .into(),
            ));
        }
        out.push(Event::Html("</ol>\n</section>\n".into()));
    }

    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    Rendered {
        html,
        headings,
        analysis: reader.finish(resolved.into_inner()),
    }
}

fn push(
    out: &mut Vec<Event<'static>>,
    footnotes: &mut [Footnote],
    in_footnote: Option<usize>,
    event: Event<'static>,
) {
    match in_footnote.and_then(|i| footnotes.get_mut(i)) {
        Some(f) => f.events.push(event),
        None => out.push(event),
    }
}

/// What the content build needs to know about a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Words of prose (everything outside code blocks).
    pub prose_words: usize,
    /// Words inside code blocks, which readers skim: they count half.
    pub code_words: usize,
    /// Plain text of the paragraphs before `<!-- more -->`, or of the first paragraph.
    pub summary: String,
    /// All the text, for the search index.
    pub plain_text: String,
    /// Every link and image destination, in the text and in raw HTML.
    pub links: Vec<Link>,
}

impl Analysis {
    /// "N min read": words at [`WORDS_PER_MINUTE`], code at half weight, at least 1.
    pub fn reading_minutes(&self) -> u32 {
        reading_minutes(self.prose_words, self.code_words)
    }
}

/// Minutes for `prose` words plus `code` words counted at half weight,
/// rounded to the nearest minute, at least 1.
pub fn reading_minutes(prose: usize, code: usize) -> u32 {
    let doubled = 2 * prose + code;
    let per = 2 * WORDS_PER_MINUTE;
    (((doubled + per / 2) / per).max(1)) as u32
}

/// Words of `s`: runs of non-space holding a letter or digit. One pass over
/// the characters, ASCII first (every body's text goes through it).
fn count_words(s: &str) -> usize {
    let (mut words, mut counted) = (0, false);
    for c in s.chars() {
        let (space, alphanumeric) = if c.is_ascii() {
            let b = c as u8;
            (
                b.is_ascii_whitespace() || b == 0x0b,
                b.is_ascii_alphanumeric(),
            )
        } else {
            (c.is_whitespace(), c.is_alphanumeric())
        };
        if space {
            counted = false;
        } else if alphanumeric && !counted {
            words += 1;
            counted = true;
        }
    }
    words
}

/// Cuts `s` to at most `max` characters at a word boundary, adding "…".
pub fn truncate_words(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut,
    };
    format!(
        "{}…",
        cut.trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
    )
}

#[cfg(test)]
mod tests;
