//! The whole site: every post parsed and checked together, then written out.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use blog_core::markdown::{
    render, truncate_words, Analysis, Heading, PostContext, SUMMARY_MAX_CHARS,
};
use blog_core::model::{newest_first, Manifest, PostMeta, Site};
use blog_core::text::category_slug;
use blog_core::urls::Urls;

use crate::config::SiteConfig;
use crate::diagnostic::{self, Diagnostic};
use crate::links;
use crate::moved::{Generator, TemplateContext};
use crate::search::{self, SearchFiles};
use crate::timings::Timings;
use rayon::prelude::*;

/// One file read: the post with its warnings, or its errors.
type Parsed = Result<(SourcePost, Vec<Diagnostic>), Vec<Diagnostic>>;

/// A published post: its card, its plain text (for search), (source, markdown).
type Entry = (PostMeta, String, (String, String));

/// A post's body rendered, with what the browser's renderer needs to render
/// it the same: the posts its links lead to, as (source path or old address,
/// slug), and the post's own old addresses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RenderedPost {
    pub html: String,
    pub headings: Vec<Heading>,
    pub links: Vec<(String, String)>,
    pub old_urls: Vec<String>,
}

/// A body rendered, the ids of its elements, and what the build reads of it
/// (words, summary, text, links), from the one pass that renders it.
struct Body {
    rendered: RenderedPost,
    ids: HashSet<String>,
    analysis: Analysis,
}

/// Renders `post`'s body for `urls`, recording the posts its links lead to.
fn render_body(
    post: &SourcePost,
    urls: &Urls,
    lookup: &dyn Fn(&str) -> Option<String>,
    heading_id: &dyn Fn(&str) -> String,
) -> Body {
    let links = RefCell::new(Vec::new());
    let old_urls = post.old_url_keys();
    let recording = |key: &str| {
        let slug = lookup(key);
        if let Some(slug) = &slug {
            links.borrow_mut().push((key.to_string(), slug.clone()));
        }
        slug
    };
    let blog_core::markdown::Rendered {
        html,
        headings,
        analysis,
    } = render(
        &post.body,
        &PostContext {
            urls,
            slug: &post.slug,
            source: &post.source,
            old_urls: &old_urls,
            post_for_source: &recording,
            heading_id,
        },
    );
    let mut links = links.into_inner();
    links.sort();
    links.dedup();
    let ids = element_ids(&html);
    Body {
        rendered: RenderedPost {
            html,
            headings,
            links,
            old_urls,
        },
        ids,
        analysis,
    }
}

/// The `id`s in rendered HTML: what a `#fragment` can lead to.
fn element_ids(html: &str) -> HashSet<String> {
    html.split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(id, _)| id))
        .map(blog_core::sanitize::decode_entities)
        .collect()
}
use crate::post::{parse_post, SourcePost};

/// A file under the content folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the content folder, `/`-separated.
    pub rel: String,
    /// Markdown text, for posts; `None` for other files (images...).
    pub text: Option<String>,
    /// For a markdown file that is not UTF-8 text: where it stops being so.
    pub not_utf8: Option<NotUtf8>,
}

/// The first byte of a file that is not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotUtf8 {
    /// 1-based line and column (in characters) of the byte.
    pub line: usize,
    pub column: usize,
    pub byte: u8,
}

impl NotUtf8 {
    /// Where `bytes` stop being UTF-8, if they do.
    pub fn find(bytes: &[u8]) -> Option<Self> {
        let error = std::str::from_utf8(bytes).err()?;
        let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
        let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
        Some(NotUtf8 {
            line: valid.matches('\n').count() + 1,
            column: valid[line_start..].chars().count() + 1,
            byte: bytes[error.valid_up_to()],
        })
    }
}

impl SourceFile {
    /// A file next to the posts, copied as it is (an image, say).
    pub fn is_asset(&self) -> bool {
        self.text.is_none() && self.not_utf8.is_none()
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    /// How messages name the content folder, e.g. `content`.
    pub display_dir: String,
    /// Keep drafts and future-dated posts (the dev server does).
    pub include_drafts: bool,
    /// Unix seconds of "now": posts dated later are future posts.
    pub now: i64,
    pub site: Site,
    /// Links that lead nowhere are warnings, not errors (`broken_links = "warn"`
    /// in `site.toml`, while a migration is in progress).
    pub broken_links_warn: bool,
    /// The generator the posts come from: its dates, heading ids, template
    /// syntax and addresses are read; links its site already had broken warn.
    pub moved_from: Option<Generator>,
    /// The old site's address patterns, by section (`site.toml`'s `[permalinks]`).
    pub permalinks: BTreeMap<String, String>,
    /// Values shortcodes read (`site.toml`'s `[params]`).
    pub params: toml::Table,
    /// Files served at the site's root (the static folder), `/`-separated.
    pub static_files: BTreeSet<String>,
    /// Where the old site published its feeds (`/feed.xml`): they are served.
    pub old_feeds: Vec<String>,
    /// The path the site is served under (`/`, `/blog/`): bodies are rendered for it.
    pub base: String,
}

impl Options {
    /// The options `config` gives, for a release build at `/` at the instant `now`.
    pub fn new(config: &SiteConfig, now: i64) -> Self {
        Options {
            display_dir: "content".into(),
            include_drafts: false,
            now,
            site: config.site.clone(),
            broken_links_warn: config.broken_links_warn,
            moved_from: config.moved_from,
            permalinks: config.permalinks.clone(),
            params: config.params.clone(),
            static_files: BTreeSet::new(),
            old_feeds: config.old_feeds.clone(),
            base: "/".into(),
        }
    }

    /// The generator's heading id for a heading's text, or ours.
    fn heading_id(&self, text: &str) -> String {
        match self.moved_from {
            Some(generator) => generator.heading_id(text),
            None => blog_core::text::slugify(text),
        }
    }
}

/// What the build writes.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub manifest: Manifest,
    pub manifest_json: String,
    /// The search index's files, in `manifest.search_index`.
    pub search: SearchFiles,
    /// (path relative to content, body markdown) of each published post.
    pub bodies: Vec<(String, String)>,
    /// Each post's body rendered (manifest order).
    pub rendered: Vec<RenderedPost>,
    /// Files other than posts, relative to content, to copy.
    pub assets: Vec<String>,
    /// (old address as a lookup key, slug): the pages that send a moved
    /// post's old URLs on to it.
    pub redirects: Vec<(String, String)>,
    pub warnings: Vec<Diagnostic>,
    /// Drafts and future posts left out.
    pub left_out: usize,
    /// How long each step took.
    pub timings: Timings,
}

pub use blog_core::urls::is_markdown_file as is_markdown;

/// A section's own page (Hugo's and Zola's `_index.md`): not a post.
pub fn is_section_page(rel: &str) -> bool {
    let file = rel.rsplit('/').next().unwrap_or(rel);
    file.rsplit_once('.')
        .is_some_and(|(stem, _)| stem.eq_ignore_ascii_case("_index"))
}

/// A name a site keeps to itself (`.git`, `.DS_Store`), not one it serves:
/// dot-names but `.well-known/` (security.txt, domain verifications).
pub fn is_hidden(name: &str) -> bool {
    name.starts_with('.') && name != ".well-known"
}

/// Every file under `dir` (hidden files and folders and links skipped), as (path,
/// path relative to `dir`, `/`-separated), sorted by the relative path.
pub fn list_files(dir: &Path) -> io::Result<Vec<(PathBuf, String)>> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, String)>) -> io::Result<()> {
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            if is_hidden(&entry.file_name().to_string_lossy()) {
                continue;
            }
            let path = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() {
                walk(root, &path, out)?;
                continue;
            }
            // A link is not followed: it may lead out of the folder.
            if !kind.is_file() {
                continue;
            }
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().to_string())
                .collect::<Vec<_>>()
                .join("/");
            out.push((path, rel));
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

/// Reads every file under `dir` (hidden files and folders skipped), sorted by path.
pub fn load(dir: &Path) -> io::Result<Vec<SourceFile>> {
    list_files(dir)?
        .into_iter()
        .map(|(path, rel)| {
            let mut file = SourceFile {
                rel,
                ..SourceFile::default()
            };
            if is_markdown(&file.rel) {
                let bytes = fs::read(&path)?;
                match NotUtf8::find(&bytes) {
                    // Reported by `compile` with the other problems of the run.
                    Some(at) => file.not_utf8 = Some(at),
                    None => file.text = String::from_utf8(bytes).ok(),
                }
            }
            Ok(file)
        })
        .collect()
}

/// The files of the static folder, relative to it (none without one).
pub fn static_files(dir: Option<&Path>) -> io::Result<BTreeSet<String>> {
    match dir {
        Some(dir) => Ok(list_files(dir)?.into_iter().map(|(_, rel)| rel).collect()),
        None => Ok(BTreeSet::new()),
    }
}

/// A stable content hash for cache-busting versions.
fn version_of(text: &str) -> String {
    blog_core::text::content_hash(&[text.as_bytes()])
}

/// What the stages of [`compile`] find wrong: errors stop the build.
#[derive(Default)]
struct Problems {
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

/// Parses and checks every post, and builds the manifest and search index.
/// Returns every error of every post, sorted, if there is any.
///
/// The stages, in order: read every post (front matter, then the old
/// generator's template syntax translated); give a moved blog's posts the
/// addresses their old site gave them; check slugs and categories; set drafts
/// and future posts aside; map old addresses to posts; render every body;
/// check every link; make the cards; then the search index and the manifest.
pub fn compile(files: &[SourceFile], opts: &Options) -> Result<Compiled, Vec<Diagnostic>> {
    let display = |rel: &str| format!("{}/{rel}", opts.display_dir.trim_end_matches('/'));
    let mut found = Problems::default();
    let mut timings = Timings::default();
    let mut posts = read_posts(files, opts, &display, &mut found);
    timings.done("parse");
    if let Some(generator) = opts.moved_from {
        add_old_site_addresses(generator, opts, &mut posts, &display, &mut found);
    }
    check_unique_slugs(&mut posts, opts.moved_from.is_some(), &display, &mut found);
    let categories = one_spelling_each(&mut posts, &display, &mut found);
    let (published, left_out): (Vec<&SourcePost>, Vec<&SourcePost>) = posts
        .iter()
        .partition(|p| opts.include_drafts || (!p.draft && p.date.timestamp <= opts.now));
    let moved = opts.moved_from.is_some();
    let (redirects, mut source_to_slug) =
        map_old_addresses(&published, moved, &display, &mut found);
    for p in &published {
        source_to_slug.insert(p.source.clone(), p.slug.clone());
    }

    // Every body rendered once, on all cores, for the site's base; the link
    // check needs every post's ids (a `#section` must exist).
    let render_urls = Urls::new(&opts.base);
    let lookup = |key: &str| source_to_slug.get(key).cloned();
    let heading_id = |text: &str| opts.heading_id(text);
    let mut bodies: HashMap<&str, Body> = published
        .par_iter()
        .map(|post| {
            let body = render_body(post, &render_urls, &lookup, &heading_id);
            (post.slug.as_str(), body)
        })
        .collect();
    timings.done("render");

    let checked = check_and_card(
        &published,
        &left_out,
        &bodies,
        files,
        &categories,
        opts,
        &display,
    );
    let entries = entries_of(checked, &published, &mut bodies, opts, &mut found);
    let Problems {
        mut errors,
        mut warnings,
    } = found;
    if !errors.is_empty() {
        diagnostic::sort(&mut errors);
        return Err(errors);
    }
    diagnostic::sort(&mut warnings);
    timings.done("check");
    let mut compiled = finish(entries, bodies, opts, &mut timings)?;
    compiled.redirects = redirects;
    compiled.assets = files
        .iter()
        .filter(|f| f.is_asset())
        .map(|f| f.rel.clone())
        .collect();
    compiled.warnings = warnings;
    compiled.left_out = left_out.len();
    compiled.timings = timings;
    Ok(compiled)
}

/// Every published post's links checked against the whole site, and its
/// card made, on all cores (in the order of `published`).
fn check_and_card(
    published: &[&SourcePost],
    left_out: &[&SourcePost],
    bodies: &HashMap<&str, Body>,
    files: &[SourceFile],
    categories: &BTreeSet<String>,
    opts: &Options,
    display: &(dyn Fn(&str) -> String + Sync),
) -> Vec<(PostMeta, links::Checked)> {
    let site = links::Site {
        ids: bodies.iter().map(|(slug, b)| (*slug, &b.ids)).collect(),
        left_out: left_out.iter().map(|p| (p.source.as_str(), *p)).collect(),
        content_files: files
            .iter()
            .filter(|f| f.is_asset())
            .map(|f| f.rel.as_str())
            .collect(),
        static_files: &opts.static_files,
        old_feeds: opts
            .old_feeds
            .iter()
            .map(|f| f.trim_start_matches('/'))
            .collect(),
        categories: categories.iter().map(String::as_str).collect(),
    };
    published
        .par_iter()
        .map(|post| {
            card(
                post,
                &bodies[post.slug.as_str()].analysis,
                &site,
                opts,
                display,
            )
        })
        .collect()
}

/// Each post's card, plain text (for search) and markdown, with the problems
/// its links have: links that lead nowhere are errors, or warnings while a
/// migration is in progress and in a blog that moved in (its old site had
/// the same links, and built).
fn entries_of(
    checked: Vec<(PostMeta, links::Checked)>,
    published: &[&SourcePost],
    bodies: &mut HashMap<&str, Body>,
    opts: &Options,
    found: &mut Problems,
) -> Vec<Entry> {
    let warn = opts.broken_links_warn || opts.moved_from.is_some();
    let mut entries = Vec::with_capacity(checked.len());
    for ((meta, checked), post) in checked.into_iter().zip(published) {
        let text = bodies
            .get_mut(meta.slug.as_str())
            .map(|body| std::mem::take(&mut body.analysis.plain_text))
            .unwrap_or_default();
        entries.push((meta, text, (post.source.clone(), post.body.clone())));
        found.warnings.extend(checked.warnings);
        match warn {
            true => found
                .warnings
                .extend(checked.broken.into_iter().map(Diagnostic::into_warning)),
            false => found.errors.extend(checked.broken),
        }
    }
    entries
}

/// Reads every post, on all cores, keeping the files' order: front matter,
/// then the body with the old generator's template syntax translated (what
/// cannot be is shown as code, with a warning).
fn read_posts(
    files: &[SourceFile],
    opts: &Options,
    display: &(dyn Fn(&str) -> String + Sync),
    found: &mut Problems,
) -> Vec<SourcePost> {
    let sources: Vec<String> = files
        .iter()
        .filter(|f| is_markdown(&f.rel))
        .map(|f| f.rel.clone())
        .collect();
    let parsed: Vec<Parsed> = files
        .par_iter()
        .filter(|file| !is_section_page(&file.rel))
        .filter_map(|file| {
            if let Some(at) = file.not_utf8 {
                return Some(Err(vec![Diagnostic::error(
                    &display(&file.rel),
                    at.line,
                    "encoding",
                    format!(
                        "byte 0x{:02X} at column {} is not UTF-8 text (expected UTF-8: save the file as UTF-8)",
                        at.byte, at.column
                    ),
                )]));
            }
            let text = file.text.as_ref()?;
            let path = display(&file.rel);
            let parsed = parse_post(&path, &file.rel, text, opts.moved_from);
            Some(parsed.map(|(post, w)| translate_body(post, w, &sources, opts, &path)))
        })
        .collect();
    let mut posts = Vec::with_capacity(parsed.len());
    for result in parsed {
        match result {
            Ok((post, w)) => {
                found.warnings.extend(w);
                posts.push(post);
            }
            // A file left out says so with a warning; anything else is an error.
            Err(e) => {
                let (errors, warnings) = e.into_iter().partition::<Vec<_>, _>(Diagnostic::is_error);
                found.errors.extend(errors);
                found.warnings.extend(warnings);
            }
        }
    }
    posts
}

/// The post with its body's template syntax translated, for its generator.
fn translate_body(
    mut post: SourcePost,
    mut warnings: Vec<Diagnostic>,
    sources: &[String],
    opts: &Options,
    path: &str,
) -> (SourcePost, Vec<Diagnostic>) {
    if !post.body.contains("{{") && !post.body.contains("{%") {
        return (post, warnings);
    }
    let ctx = TemplateContext {
        sources,
        source: &post.source,
        params: &opts.params,
    };
    let translated = match opts.moved_from {
        Some(generator) => generator.translate(&post.body, &ctx),
        None => crate::moved::template::plain(&post.body),
    };
    let expected = match opts.moved_from {
        Some(g) => format!("expected one this blog translates from {}: see the README's \"Moving in\"", g.title()),
        None => "expected markdown; set `moved_from` in site.toml to translate another generator's shortcodes".to_string(),
    };
    for u in &translated.unsupported {
        warnings.push(Diagnostic::warning(
            path,
            post.body_line + u.line,
            "shortcode",
            format!(
                "`{}` is not something this blog can translate; it shows as text ({expected})",
                u.code
            ),
        ));
    }
    post.body = translated.text;
    (post, warnings)
}

/// A moved blog's posts keep the address their old site gave them: by the
/// site-wide pattern for their section, or the generator's default (a post
/// that names its own address in its front matter has it already).
fn add_old_site_addresses(
    generator: Generator,
    opts: &Options,
    posts: &mut [SourcePost],
    display: &(dyn Fn(&str) -> String + Sync),
    found: &mut Problems,
) {
    for post in posts.iter_mut() {
        let named = post
            .old_urls
            .iter()
            .any(|o| matches!(o.field.as_str(), "permalink" | "url" | "path"));
        if named || post.slug.is_empty() {
            continue;
        }
        match crate::moved::old_address(generator, &opts.permalinks, post) {
            Ok(Some(old)) => post.old_urls.push(old),
            Ok(None) => {}
            Err(message) => found.errors.push(Diagnostic::error(
                &display(&post.source),
                1,
                "permalinks",
                message,
            )),
        }
    }
}

/// Slugs are unique across the site. In a blog that moved in, two posts of
/// one name (a weekly post's, in different years: distinct addresses on the
/// old site) both build: the later file's slug gets `-2`, `-3`…, with a
/// warning; in an author's own blog it is an error.
fn check_unique_slugs(
    posts: &mut [SourcePost],
    moved: bool,
    display: &(dyn Fn(&str) -> String + Sync),
    found: &mut Problems,
) {
    // Every post's own name is taken before any suffix is handed out: a
    // `weekly-2.md` keeps its name.
    let natural: HashSet<String> = posts.iter().map(|p| p.slug.clone()).collect();
    let mut taken: HashMap<String, String> = HashMap::new();
    for post in posts.iter_mut().filter(|p| !p.slug.is_empty()) {
        let Some(first) = taken.get(&post.slug) else {
            taken.insert(post.slug.clone(), post.source.clone());
            continue;
        };
        let (path, first) = (display(&post.source), display(first));
        if !moved {
            found.errors.push(Diagnostic::error(&path, post.slug_line, "slug", format!("`{}` is already used by {first} (expected a unique slug: rename the file or set `slug:`)", post.slug)));
            continue;
        }
        let free = (2..)
            .map(|n| format!("{}-{n}", post.slug))
            .find(|s| !taken.contains_key(s) && !natural.contains(s))
            .unwrap_or_default();
        found.warnings.push(Diagnostic::warning(&path, post.slug_line, "slug", format!("`{}` is already used by {first}: this post is `{free}` here (expected a unique slug: rename the file or set `slug:`)", post.slug)));
        post.slug = free;
        taken.insert(post.slug.clone(), post.source.clone());
    }
}

/// One spelling per category and per tag. Names that differ only in case
/// (`Team`, `team`: one address on the old site too) become the spelling
/// most posts use, with a warning; names that differ otherwise but would
/// share a URL (`CI/CD`, `ci-cd`) are an error. Returns the category slugs.
fn one_spelling_each(
    posts: &mut [SourcePost],
    display: &(dyn Fn(&str) -> String + Sync),
    found: &mut Problems,
) -> BTreeSet<String> {
    let chosen = |names: &mut dyn Iterator<Item = &str>| -> HashMap<String, String> {
        let mut counts: HashMap<String, Vec<(String, usize)>> = HashMap::new();
        for name in names {
            let spellings = counts.entry(name.to_lowercase()).or_default();
            match spellings.iter_mut().find(|(s, _)| s == name) {
                Some((_, n)) => *n += 1,
                None => spellings.push((name.to_string(), 1)),
            }
        }
        counts
            .into_iter()
            .map(|(key, spellings)| {
                // The most used; the first seen of those.
                let most = spellings.iter().map(|(_, n)| *n).max().unwrap_or(0);
                let best = spellings.iter().find(|(_, n)| *n == most);
                (key, best.map(|(s, _)| s.clone()).unwrap_or_default())
            })
            .collect()
    };
    let category_names = chosen(&mut posts.iter().filter_map(|p| p.category.as_deref()));
    let tag_names = chosen(&mut posts.iter().flat_map(|p| p.tags.iter().map(String::as_str)));
    for post in posts.iter_mut() {
        let path = display(&post.source);
        if let Some(name) = &mut post.category {
            let best = &category_names[&name.to_lowercase()];
            if best != name {
                found.warnings.push(Diagnostic::warning(&path, post.category_line, "category", format!("`{name}` is written `{best}` in other posts: shown as `{best}`, one category (expected one spelling)")));
                name.clone_from(best);
            }
        }
        for tag in &mut post.tags {
            let best = &tag_names[&tag.to_lowercase()];
            if best != tag {
                found.warnings.push(Diagnostic::warning(&path, 1, "tags", format!("`{tag}` is written `{best}` in other posts: shown as `{best}`, one tag (expected one spelling)")));
                tag.clone_from(best);
            }
        }
    }
    let mut by_slug: HashMap<String, (&str, &SourcePost)> = HashMap::new();
    for post in posts.iter() {
        let Some(name) = post.category.as_deref() else {
            continue;
        };
        match by_slug.get(&category_slug(name)) {
            Some((first, other)) if *first != name => found.errors.push(Diagnostic::error(
                &display(&post.source),
                post.category_line,
                "category",
                format!("`{name}` and `{first}` ({}) differ only in spelling (expected one spelling for one category)", display(&other.source)),
            )),
            Some(_) => {}
            None => {
                by_slug.insert(category_slug(name), (name, post));
            }
        }
    }
    by_slug.into_keys().collect()
}

/// Old addresses: each leads to its post, once, outside the site's own
/// pages. Returns the redirects (old address, slug), sorted, and a lookup
/// for links of every old address, those that are the post's address here
/// too included.
fn map_old_addresses(
    published: &[&SourcePost],
    moved: bool,
    display: &(dyn Fn(&str) -> String + Sync),
    found: &mut Problems,
) -> (Vec<(String, String)>, HashMap<String, String>) {
    let mut redirects: Vec<(String, String)> = Vec::new();
    let mut claimed: HashMap<&str, &SourcePost> = HashMap::new();
    // Old addresses that are the post's address here too.
    let mut same: Vec<(String, String)> = Vec::new();
    let own_pages: HashSet<String> = published
        .iter()
        .map(|p| format!("/posts/{}", p.slug))
        .collect();
    for post in published {
        for old in &post.old_urls {
            let key = &old.key;
            let own = format!("/posts/{}", post.slug);
            if *key == own {
                // No page to write, but links written to it lead to the post.
                same.push((key.clone(), post.slug.clone()));
                continue;
            }
            // A moved blog's old `/posts/2019-05-07-launch/` (Hugo keeps the
            // file's name) is no page here unless a post has that address.
            let free_post_path = moved && key.starts_with("/posts/") && !own_pages.contains(key);
            let ours = ["/posts/", "/category/", "/search/", "/content/"]
                .iter()
                .filter(|_| !free_post_path)
                .find(|p| key.starts_with(*p) || key.as_str() == p.trim_end_matches('/'));
            let problem = if let Some(prefix) = ours {
                Some(format!("`{key}` is inside `{prefix}`, where this site's own pages are (expected the post's address on the old site; its address here is `{own}/`)"))
            } else if key == "/404.html" {
                Some(format!("`{key}` is this site's not-found page (expected the post's address on the old site)"))
            } else {
                claimed.get(key.as_str()).map(|other| {
                    format!("`{key}` is already an old address of {} (expected each old address on one post)", display(&other.source))
                })
            };
            match problem {
                Some(message) => found.errors.push(Diagnostic::error(
                    &display(&post.source),
                    old.line,
                    &old.field,
                    message,
                )),
                None => {
                    claimed.insert(key, post);
                    redirects.push((key.clone(), post.slug.clone()));
                }
            }
        }
    }
    redirects.sort();
    let lookup = redirects.iter().cloned().chain(same).collect();
    (redirects, lookup)
}

/// A post's card, and its links checked.
fn card(
    post: &SourcePost,
    analysis: &Analysis,
    site: &links::Site,
    opts: &Options,
    display: &(dyn Fn(&str) -> String + Sync),
) -> (PostMeta, links::Checked) {
    let path = display(&post.source);
    let mut checked = site.check(&path, post.body_line, &analysis.links);
    let summary = post
        .summary
        .clone()
        .unwrap_or_else(|| truncate_words(&analysis.summary, SUMMARY_MAX_CHARS));
    if summary.is_empty() {
        checked.warnings.push(Diagnostic::warning(
            &path,
            1,
            "summary",
            "is empty: the post has no `summary:` and no paragraph to take one from",
        ));
    }
    let meta = PostMeta {
        slug: post.slug.clone(),
        title: post.title.clone(),
        date: post.date.ymd.clone(),
        timestamp: post.date.timestamp,
        updated: post.updated.clone(),
        category: post.category.clone(),
        tags: post.tags.clone(),
        authors: post.authors.clone(),
        summary,
        reading_minutes: analysis.reading_minutes(),
        source: post.source.clone(),
        version: version_of(&post.body),
        draft: post.draft || post.date.timestamp > opts.now,
    };
    (meta, checked)
}

/// The search index and the manifest, over the cards newest first.
fn finish(
    mut entries: Vec<Entry>,
    mut bodies: HashMap<&str, Body>,
    opts: &Options,
    timings: &mut Timings,
) -> Result<Compiled, Vec<Diagnostic>> {
    // The manifest's order (newest first) for every list, the index's post numbers included.
    entries.sort_by(|a, b| newest_first(&a.0, &b.0));
    let metas: Vec<PostMeta> = entries.iter().map(|e| e.0.clone()).collect();
    let texts: Vec<&str> = entries.iter().map(|e| e.1.as_str()).collect();
    let search = search::build(&metas, &texts);
    timings.done("search index");
    let rendered: Vec<RenderedPost> = metas
        .iter()
        .map(|m| {
            bodies
                .remove(m.slug.as_str())
                .map(|b| b.rendered)
                .unwrap_or_default()
        })
        .collect();
    let manifest = Manifest {
        site: opts.site.clone(),
        posts: metas,
        search_index: search.dir.clone(),
    };
    let manifest_json = serde_json::to_string(&manifest)
        .map_err(|e| vec![Diagnostic::error("manifest.json", 1, "json", e.to_string())])?;
    timings.done("manifest");
    Ok(Compiled {
        manifest,
        manifest_json,
        search,
        bodies: entries.into_iter().map(|e| e.2).collect(),
        rendered,
        redirects: Vec::new(),
        assets: Vec::new(),
        warnings: Vec::new(),
        left_out: 0,
        timings: Timings::default(),
    })
}

/// Writes the build into `out`: `manifest.json`, the search index, and
/// `content/` with every file next to the posts (images...). A post's markdown
/// is not copied: the app gets it with the post's data (`data.json`).
pub fn write(compiled: &Compiled, content_dir: &Path, out: &Path) -> io::Result<()> {
    let content_out = out.join("content");
    if content_out.exists() {
        fs::remove_dir_all(&content_out)?;
    }
    fs::create_dir_all(&content_out)?;
    let target = |rel: &str| -> io::Result<PathBuf> {
        let path = content_out.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        Ok(path)
    };
    for rel in &compiled.assets {
        fs::copy(content_dir.join(rel), target(rel)?)?;
    }
    fs::write(out.join("manifest.json"), &compiled.manifest_json)?;
    search::write(&compiled.search, out)?;
    Ok(())
}

/// Copies the static folder's files to the build's root, leaving out those
/// the build has already written (Trunk's): returns those left out.
pub fn copy_static(dir: Option<&Path>, out: &Path) -> io::Result<Vec<String>> {
    let mut skipped = Vec::new();
    let Some(dir) = dir else {
        return Ok(skipped);
    };
    for (path, rel) in list_files(dir)? {
        let target = out.join(&rel);
        if target.exists() {
            skipped.push(rel);
            continue;
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(path, target)?;
    }
    Ok(skipped)
}

#[cfg(test)]
mod tests;
