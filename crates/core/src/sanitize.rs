//! Raw HTML in posts, filtered through an allowlist.
//!
//! Authors may write harmless HTML (`<kbd>`, `<details>`, `<sup>`, a table...),
//! but nothing in a post may run script or load active content. The filter
//! re-writes every tag it keeps from its own parse: unknown tags are dropped
//! (their text kept), dangerous elements are dropped with their content, only
//! listed attributes survive, URL attributes go through the same link policy
//! as markdown links, and every value is re-escaped. What the browser parses is
//! therefore exactly what was checked.
//!
//! Tags are balanced: an end tag closes only an element that the post's own
//! raw HTML opened inside the same markdown block, and whatever is still open
//! when that block ends is closed there. So no post can close, or leave open,
//! an element of the page around it.

use crate::urls::{Internal, LinkTarget};

/// Elements dropped together with everything inside them.
const DROP_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "noscript",
    "noembed",
    "noframes",
    "template",
    "svg",
    "math",
    "textarea",
    "title",
    "xmp",
    "plaintext",
    "select",
    "head",
    "portal",
    "fencedframe",
    "audio",
    "video",
    "canvas",
    "dialog",
];

/// Elements whose content the browser reads as raw text (no tags inside).
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "iframe",
    "noscript",
    "noembed",
    "noframes",
    "textarea",
    "title",
    "xmp",
    "plaintext",
];

/// Elements kept (with filtered attributes).
const ALLOWED: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

const VOID: &[&str] = &["br", "col", "hr", "img", "wbr"];

const GLOBAL_ATTRS: &[&str] = &["title", "lang", "dir", "class"];

fn allowed_attr(tag: &str, attr: &str) -> bool {
    GLOBAL_ATTRS.contains(&attr)
        || matches!(
            (tag, attr),
            ("a", "href")
                | ("img", "src" | "alt" | "width" | "height")
                | ("td" | "th", "colspan" | "rowspan" | "align")
                | ("col" | "colgroup", "span")
                | ("ol", "start" | "reversed" | "type")
                | ("li", "value")
                | ("time", "datetime")
                | ("details", "open")
                | ("q" | "blockquote" | "del" | "ins", "cite")
        )
}

fn is_url_attr(attr: &str) -> bool {
    matches!(attr, "href" | "src" | "cite")
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Skip {
    /// Inside a raw-text element: everything up to `</name` is dropped.
    RawText(String),
    /// Inside another dropped element: nested elements of the same name are counted.
    Nested(String, usize),
}

/// Filters the raw HTML pieces of one document. Keeps state between pieces,
/// because markdown splits inline HTML into one piece per tag.
#[derive(Debug, Default)]
pub struct Sanitizer {
    skip: Option<Skip>,
    /// Elements opened by raw HTML and not closed yet, with the markdown depth
    /// they were opened at.
    open: Vec<(String, usize)>,
    /// How many markdown elements (blocks and inline spans) are open.
    depth: usize,
}

struct Attr {
    name: String,
    value: Option<String>,
}

enum Token<'a> {
    Text(&'a str),
    Start {
        name: String,
        attrs: Vec<Attr>,
        self_closing: bool,
    },
    End(String),
    /// Comments, doctypes, processing instructions: dropped.
    Ignored,
    /// A `<` that starts no tag: shown as text.
    Lt,
}

impl Sanitizer {
    pub fn new() -> Self {
        Self::default()
    }

    /// True while inside an element being dropped with its content: the
    /// caller drops markdown text too until it ends.
    pub fn is_skipping(&self) -> bool {
        self.skip.is_some()
    }

    /// Ends any dropped element: called at the end of a markdown block, so an
    /// unclosed inline `<script>` cannot hide the rest of the post.
    pub fn end_block(&mut self) {
        self.skip = None;
    }

    /// A markdown element starts: raw HTML from here on is inside it.
    pub fn enter(&mut self) {
        self.depth += 1;
    }

    /// The markdown element entered last ends: closes, into `out`, what raw
    /// HTML opened inside it.
    pub fn leave(&mut self, out: &mut String) {
        self.close_from(self.depth, out);
        self.depth = self.depth.saturating_sub(1);
    }

    /// The document ends: closes everything raw HTML left open.
    pub fn finish(&mut self, out: &mut String) {
        self.close_from(0, out);
    }

    fn close_from(&mut self, depth: usize, out: &mut String) {
        while self.open.last().is_some_and(|(_, d)| *d >= depth) {
            if let Some((name, _)) = self.open.pop() {
                out.push_str(&format!("</{name}>"));
            }
        }
    }

    /// Filters `html` into `out`. `resolve` decides where URLs lead.
    pub fn push(&mut self, html: &str, out: &mut String, resolve: &dyn Fn(&str) -> LinkTarget) {
        let mut rest = html;
        while !rest.is_empty() {
            if let Some(Skip::RawText(name)) = &self.skip {
                match find_end_tag(rest, name) {
                    Some(after) => {
                        rest = &rest[after..];
                        self.skip = None;
                    }
                    None => return,
                }
                continue;
            }
            let (token, len) = next_token(rest);
            rest = &rest[len..];
            if let Some(Skip::Nested(name, depth)) = &mut self.skip {
                match token {
                    Token::Start {
                        name: n,
                        self_closing: false,
                        ..
                    } if n == *name => *depth += 1,
                    Token::End(n) if n == *name => {
                        *depth -= 1;
                        if *depth == 0 {
                            self.skip = None;
                        }
                    }
                    _ => {}
                }
                continue;
            }
            match token {
                Token::Text(text) => out.push_str(text),
                Token::Lt => out.push_str("&lt;"),
                Token::Ignored => {}
                Token::End(name) => {
                    // Only what was opened at this depth, closing what it contains.
                    let depth = self.depth;
                    let found = self
                        .open
                        .iter()
                        .rev()
                        .take_while(|(_, d)| *d == depth)
                        .position(|(n, _)| *n == name);
                    if let Some(from_top) = found {
                        for _ in 0..=from_top {
                            if let Some((n, _)) = self.open.pop() {
                                out.push_str(&format!("</{n}>"));
                            }
                        }
                    }
                }
                Token::Start {
                    name,
                    attrs,
                    self_closing,
                } => {
                    if DROP_WITH_CONTENT.contains(&name.as_str()) {
                        if !self_closing {
                            self.skip = Some(if RAW_TEXT.contains(&name.as_str()) {
                                Skip::RawText(name)
                            } else {
                                Skip::Nested(name, 1)
                            });
                        }
                    } else if ALLOWED.contains(&name.as_str()) {
                        let void = VOID.contains(&name.as_str());
                        if write_start_tag(&name, attrs, out, resolve) && !void && !self_closing {
                            self.open.push((name, self.depth));
                        }
                    }
                }
            }
        }
    }
}

/// Writes the filtered start tag; false if it was dropped.
fn write_start_tag(
    name: &str,
    attrs: Vec<Attr>,
    out: &mut String,
    resolve: &dyn Fn(&str) -> LinkTarget,
) -> bool {
    let mut tag = format!("<{name}");
    let mut external = false;
    let mut has_src = false;
    let mut seen: Vec<String> = Vec::new();
    for Attr { name: attr, value } in attrs {
        if !allowed_attr(name, &attr) || seen.contains(&attr) {
            continue;
        }
        seen.push(attr.clone());
        let value = value.unwrap_or_default();
        let value = if is_url_attr(&attr) {
            match resolve(&value) {
                LinkTarget::Internal(Internal { url, .. }) | LinkTarget::Other(url) => url,
                LinkTarget::External(url) => {
                    external = true;
                    url
                }
                LinkTarget::Broken(_) | LinkTarget::NoScheme(_) | LinkTarget::Rejected => continue,
            }
        } else {
            value
        };
        has_src |= attr == "src";
        tag.push_str(&format!(" {attr}=\"{}\"", escape_html(&value)));
    }
    if name == "img" {
        if !has_src {
            return false;
        }
        tag.push_str(" loading=\"lazy\" decoding=\"async\"");
    }
    if name == "a" && external {
        tag.push_str(" target=\"_blank\" rel=\"noopener noreferrer\"");
    }
    tag.push('>');
    out.push_str(&tag);
    true
}

/// Escapes text for HTML content and double-quoted attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

/// Appends `s` to `out`, escaped as [`escape_html`] does.
pub fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Byte index just past `</name ...>` in `s` (name compared without case).
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase();
    let needle = format!("</{name}");
    let mut from = 0;
    while let Some(i) = lower[from..].find(&needle) {
        let at = from + i + needle.len();
        let next = lower[at..].chars().next();
        if matches!(
            next,
            None | Some('>' | '/' | ' ' | '\t' | '\n' | '\r' | '\x0c')
        ) {
            return Some(lower[at..].find('>').map_or(s.len(), |j| at + j + 1));
        }
        from = at;
    }
    None
}

fn next_token(s: &str) -> (Token<'_>, usize) {
    if !s.starts_with('<') {
        let end = s.find('<').unwrap_or(s.len());
        return (Token::Text(&s[..end]), end);
    }
    if let Some(rest) = s.strip_prefix("<!--") {
        let len = rest.find("-->").map_or(s.len(), |i| 4 + i + 3);
        return (Token::Ignored, len);
    }
    if s.starts_with("<!") || s.starts_with("<?") {
        let len = s.find('>').map_or(s.len(), |i| i + 1);
        return (Token::Ignored, len);
    }
    let (is_end, name_start) = if s.starts_with("</") {
        (true, 2)
    } else {
        (false, 1)
    };
    if !s[name_start..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return (Token::Lt, 1);
    }
    let bytes = s.as_bytes();
    let mut i = name_start;
    while i < bytes.len()
        && !matches!(
            bytes[i],
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'
        )
    {
        i += 1;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
            i += 1;
        }
        if i >= bytes.len() {
            // no closing `>`: not a tag after all
            return (Token::Lt, 1);
        }
        match bytes[i] {
            b'>' => {
                i += 1;
                break;
            }
            b'/' => {
                self_closing = true;
                i += 1;
                continue;
            }
            _ => {}
        }
        self_closing = false;
        let attr_start = i;
        while i < bytes.len()
            && !matches!(
                bytes[i],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>' | b'='
            )
        {
            i += 1;
        }
        if i == attr_start {
            // a stray `=`: skip it
            i += 1;
            continue;
        }
        let attr_name = s[attr_start..i].to_ascii_lowercase();
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
            i += 1;
        }
        let mut value = None;
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                i += 1;
            }
            if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                let start = i + 1;
                let Some(len) = s[start..].find(quote as char) else {
                    return (Token::Lt, 1);
                };
                value = Some(decode_entities(&s[start..start + len]));
                i = start + len + 1;
            } else {
                let start = i;
                while i < bytes.len()
                    && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>')
                {
                    i += 1;
                }
                value = Some(decode_entities(&s[start..i]));
            }
        }
        attrs.push(Attr {
            name: attr_name,
            value,
        });
    }
    let token = if is_end {
        Token::End(name)
    } else {
        Token::Start {
            name,
            attrs,
            self_closing,
        }
    };
    (token, i)
}

/// Decodes character references in an attribute value: numeric ones and the
/// named ones that matter for URLs (and every one [`escape_html`] writes).
/// Unknown names stay as written and are re-escaped on output, so the browser
/// sees the same text we checked.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map_or(rest.len(), |i| i + 1);
        let body = &rest[1..end];
        let decoded = if let Some(num) = body.strip_prefix('#') {
            let n = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            };
            n.map(|n| {
                char::from_u32(n)
                    .filter(|c| *c != '\0')
                    .unwrap_or('\u{fffd}')
            })
        } else {
            match body {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "colon" => Some(':'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                "nbsp" => Some('\u{a0}'),
                "lpar" => Some('('),
                "rpar" => Some(')'),
                "sol" => Some('/'),
                _ => None,
            }
        };
        match decoded {
            Some(c) if end > 1 => {
                out.push(c);
                let skip = if rest[end..].starts_with(';') {
                    end + 1
                } else {
                    end
                };
                rest = &rest[skip..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::urls::Urls;

    fn clean(html: &str) -> String {
        let urls = Urls::new("/");
        let resolve = |href: &str| {
            urls.resolve_link(&crate::urls::LinkFrom::new("p", "p.md"), href, &|_| None)
        };
        let mut out = String::new();
        Sanitizer::new().push(html, &mut out, &resolve);
        out
    }

    #[test]
    fn keeps_harmless_markup() {
        assert_eq!(
            clean("<kbd>Ctrl</kbd>+<kbd>C</kbd>"),
            "<kbd>Ctrl</kbd>+<kbd>C</kbd>"
        );
        assert_eq!(
            clean("<details open><summary>Logs</summary>x &amp; y</details>"),
            "<details open=\"\"><summary>Logs</summary>x &amp; y</details>"
        );
        assert_eq!(clean("H<sub>2</sub>O <br/>"), "H<sub>2</sub>O <br>");
        assert_eq!(
            clean("<a href=\"https://example.com\" title='x'>e</a>"),
            "<a href=\"https://example.com\" title=\"x\" target=\"_blank\" rel=\"noopener noreferrer\">e</a>"
        );
        assert_eq!(
            clean("<img src=\"graph.png\" alt=\"p99\">"),
            "<img src=\"/content/graph.png\" alt=\"p99\" loading=\"lazy\" decoding=\"async\">"
        );
        assert_eq!(clean("a < b and c > d"), "a &lt; b and c > d");
        assert_eq!(clean("<!-- more -->"), "");
        assert_eq!(clean("<font color=red>red</font>"), "red");
    }

    #[test]
    fn state_carries_across_pieces() {
        let urls = Urls::new("/");
        let resolve = |href: &str| {
            urls.resolve_link(&crate::urls::LinkFrom::new("p", "p.md"), href, &|_| None)
        };
        let mut s = Sanitizer::new();
        let mut out = String::new();
        s.push("<script>", &mut out, &resolve);
        assert!(s.is_skipping());
        s.push("alert(1)", &mut out, &resolve);
        s.push("</script>after", &mut out, &resolve);
        assert!(!s.is_skipping());
        assert_eq!(out, "after");
        s.push(
            "<svg><svg></svg>still hidden</svg>shown",
            &mut out,
            &resolve,
        );
        assert_eq!(out, "aftershown");
        s.push("<style>", &mut out, &resolve);
        s.end_block();
        assert!(!s.is_skipping());
    }

    #[test]
    fn decodes_entities_in_attributes() {
        assert_eq!(
            decode_entities("a&amp;b&#58;&#x3A;&colon&unknown;"),
            "a&b:::&unknown;"
        );
        assert_eq!(decode_entities("&#0;&#xD800;"), "\u{fffd}\u{fffd}");
    }
}
