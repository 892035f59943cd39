//! The whole site: every post parsed and checked together, then written out.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use blog_core::markdown::{
    render, truncate_words, Analysis, Heading, Link, PostContext, SUMMARY_MAX_CHARS,
};
use blog_core::model::{newest_first, Manifest, PostMeta, Site};
use blog_core::text::category_slug;
use blog_core::urls::{Dest, Internal, LinkTarget, Urls};

use crate::diagnostic::{self, Diagnostic};
use crate::moved::Generator;
use crate::search::{self, SearchFiles};
use crate::timings::Timings;
use rayon::prelude::*;

/// Where `generator` put `post` by default: Jekyll by date
/// (`/:categories/:year/:month/:day/:title.html`), Hugo and Zola by folder
/// (`/<folder>/<slug>/`, a page bundle's folder being the post's own).
fn default_old_url(generator: Generator, post: &SourcePost) -> Option<crate::post::OldUrl> {
    // The post's name, without the folders its slug starts with.
    let name = post.slug.rsplit('/').next().unwrap_or(&post.slug);
    let key = match generator {
        Generator::Jekyll => crate::post::old_url(
            "/:categories/:year/:month/:day/:title.html",
            name,
            &post.date,
            post.category.as_deref(),
        )
        .ok()
        .flatten()?,
        Generator::Hugo | Generator::Zola => {
            let mut dir = post.source.rsplit_once('/').map_or("", |(d, _)| d);
            let file = post.source.rsplit('/').next().unwrap_or("");
            if file.eq_ignore_ascii_case("index.md") {
                dir = dir.rsplit_once('/').map_or("", |(d, _)| d);
            }
            blog_core::urls::old_url_key(&format!("{dir}/{name}/"))
        }
    };
    Some(crate::post::OldUrl {
        key,
        field: "moved_from".into(),
        line: 1,
    })
}

/// One file read: the post with its warnings, or its errors.
type Parsed = Result<(SourcePost, Vec<Diagnostic>), Vec<Diagnostic>>;

/// A published post: its card, its plain text (for search), (source, markdown).
type Entry = (PostMeta, String, (String, String));

/// A post checked: its card, (source, markdown), warnings, broken links.
type Checked = (PostMeta, (String, String), Vec<Diagnostic>, Vec<Diagnostic>);

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
fn render_body(post: &SourcePost, urls: &Urls, lookup: &dyn Fn(&str) -> Option<String>) -> Body {
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
    /// The generator the posts come from: their default addresses there are kept.
    pub moved_from: Option<Generator>,
    /// The path the site is served under (`/`, `/blog/`): bodies are rendered for it.
    pub base: String,
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

pub fn is_markdown(rel: &str) -> bool {
    let lower = rel.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// Reads every file under `dir` (hidden files and folders skipped), sorted by path.
pub fn load(dir: &Path) -> io::Result<Vec<SourceFile>> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<SourceFile>) -> io::Result<()> {
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().to_string();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                walk(root, &path, out)?;
                continue;
            }
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().to_string())
                .collect::<Vec<_>>()
                .join("/");
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
            out.push(file);
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

/// A stable content hash for cache-busting versions.
fn version_of(text: &str) -> String {
    blog_core::text::content_hash(&[text.as_bytes()])
}

/// Parses and checks every post, and builds the manifest and search index.
/// Returns every error of every post, sorted, if there is any.
pub fn compile(files: &[SourceFile], opts: &Options) -> Result<Compiled, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut posts: Vec<SourcePost> = Vec::new();
    let display = |rel: &str| format!("{}/{rel}", opts.display_dir.trim_end_matches('/'));
    let mut timings = Timings::default();

    // Each file is read on its own: share them out over the cores, keeping their order.
    let parsed: Vec<Parsed> = files
        .par_iter()
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
            Some(parse_post(&display(&file.rel), &file.rel, text))
        })
        .collect();
    for result in parsed {
        match result {
            Ok((post, w)) => {
                warnings.extend(w);
                posts.push(post);
            }
            Err(e) => errors.extend(e),
        }
    }

    timings.done("parse");

    // A moved blog's posts keep the address its generator gave them by default.
    if let Some(generator) = opts.moved_from {
        for post in &mut posts {
            let named = post
                .old_urls
                .iter()
                .any(|o| matches!(o.field.as_str(), "permalink" | "url" | "path"));
            if !named && !post.slug.is_empty() {
                post.old_urls.extend(default_old_url(generator, post));
            }
        }
    }

    // Slugs are unique across the site.
    let mut by_slug: HashMap<&str, &SourcePost> = HashMap::new();
    for post in &posts {
        if post.slug.is_empty() {
            continue;
        }
        if let Some(first) = by_slug.get(post.slug.as_str()) {
            errors.push(Diagnostic::error(
                &display(&post.source),
                post.slug_line,
                "slug",
                format!("`{}` is already used by {} (expected a unique slug: rename the file or set `slug:`)", post.slug, display(&first.source)),
            ));
        } else {
            by_slug.insert(&post.slug, post);
        }
    }

    // Category names that differ only in spelling would share a URL.
    let mut categories: HashMap<String, (&str, &SourcePost)> = HashMap::new();
    for post in &posts {
        let Some(name) = post.category.as_deref() else {
            continue;
        };
        let slug = category_slug(name);
        match categories.get(&slug) {
            Some((first, other)) if *first != name => errors.push(Diagnostic::error(
                &display(&post.source),
                post.category_line,
                "category",
                format!("`{name}` and `{first}` ({}) differ only in spelling (expected one spelling for one category)", display(&other.source)),
            )),
            Some(_) => {}
            None => {
                categories.insert(slug, (name, post));
            }
        }
    }

    // Drafts and future posts are kept only in development.
    let (published, left_out): (Vec<&SourcePost>, Vec<&SourcePost>) = posts
        .iter()
        .partition(|p| opts.include_drafts || (!p.draft && p.date.timestamp <= opts.now));
    let mut source_to_slug: HashMap<&str, &str> = published
        .iter()
        .map(|p| (p.source.as_str(), p.slug.as_str()))
        .collect();
    // Old addresses: each leads to its post, once, outside the site's own pages.
    let mut redirects: Vec<(String, String)> = Vec::new();
    let mut claimed: HashMap<&str, &SourcePost> = HashMap::new();
    for post in &published {
        for old in &post.old_urls {
            let key = &old.key;
            let own = format!("/posts/{}", post.slug);
            if *key == own {
                continue;
            }
            let ours = ["/posts/", "/category/", "/search/", "/content/"]
                .iter()
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
                Some(message) => errors.push(Diagnostic::error(
                    &display(&post.source),
                    old.line,
                    &old.field,
                    message,
                )),
                None => {
                    claimed.insert(key, post);
                    source_to_slug.insert(key, &post.slug);
                    redirects.push((key.clone(), post.slug.clone()));
                }
            }
        }
    }
    redirects.sort();
    let left_out_sources: HashMap<&str, &SourcePost> =
        left_out.iter().map(|p| (p.source.as_str(), *p)).collect();
    let slugs: HashMap<&str, ()> = published.iter().map(|p| (p.slug.as_str(), ())).collect();
    let asset_set: HashMap<&str, ()> = files
        .iter()
        .filter(|f| f.is_asset())
        .map(|f| (f.rel.as_str(), ()))
        .collect();

    // Every body rendered once, on all cores, for the site's base; the link
    // check below needs every post's ids (a `#section` must exist).
    let render_urls = Urls::new(&opts.base);
    let lookup_all = |key: &str| source_to_slug.get(key).map(|s| s.to_string());
    let mut rendered_bodies: HashMap<&str, Body> = published
        .par_iter()
        .map(|post| {
            (
                post.slug.as_str(),
                render_body(post, &render_urls, &lookup_all),
            )
        })
        .collect();
    timings.done("render");
    // Links that lead nowhere: errors, or warnings while a migration is in progress.
    let mut broken: Vec<Diagnostic> = Vec::new();
    // Each post's links are checked, and its card made, on all cores.
    let analysed: Vec<Checked> = published
        .par_iter()
        .map(|post| {
        let mut warnings = Vec::new();
        let mut broken = Vec::new();
        let analysis = &rendered_bodies[post.slug.as_str()].analysis;
        let path = display(&post.source);
        for (code, line) in &analysis.unsupported {
            warnings.push(Diagnostic::warning(
                &path,
                post.body_line + line,
                "shortcode",
                format!("`{code}` is not something this blog can translate; it shows as text (expected a link: Hugo's `ref` or `relref`, Jekyll's `post_url`, `link` or `site.baseurl`)"),
            ));
        }
        for Link { href, target, line } in &analysis.links {
            let line = post.body_line + line;
            match target {
                LinkTarget::Broken(target) => {
                    let why = match left_out_sources.get(target.as_str()) {
                        Some(p) if p.draft => format!("`{href}` is a draft, left out of this build"),
                        Some(_) => format!("`{href}` is dated in the future, left out of this build"),
                        None => format!("`{href}` does not match any post"),
                    };
                    broken.push(Diagnostic::error(&path, line, "link", format!("{why} (expected the path of a published post's file, relative to this one)")));
                }
                LinkTarget::NoScheme(_) => warnings.push(Diagnostic::warning(
                    &path,
                    line,
                    "link",
                    format!("`{href}` has no scheme, so it leads nowhere and shows as plain text (expected a full address: add `https://`)"),
                )),
                LinkTarget::Rejected => warnings.push(Diagnostic::warning(
                    &path,
                    line,
                    "link",
                    format!("`{href}` was removed: only http, https, mailto and tel links, and paths, are kept"),
                )),
                LinkTarget::Internal(Internal { to, .. }) => {
                    let missing = match to {
                        Dest::Post { slug, .. } => !slugs.contains_key(slug.as_str()),
                        Dest::File(file) => !asset_set.contains_key(file.as_str()),
                        Dest::Category(slug) => !categories.contains_key(slug.as_str()),
                        Dest::Page(_) => false,
                    };
                    if missing {
                        broken.push(Diagnostic::error(&path, line, "link", format!("`{href}` leads nowhere on this site (expected an existing post, category or file next to the post)")));
                    } else if let Dest::Post { slug, section: id } = to {
                        if let Some(target) = rendered_bodies.get(slug.as_str()).filter(|b| !id.is_empty() && !b.ids.contains(id)) {
                            let mut known: Vec<&str> = target.ids.iter().map(String::as_str).filter(|i| !i.starts_with("fn")).collect();
                            known.sort_unstable();
                            let shown = if known.is_empty() { "it has no headings".to_string() } else { format!("its headings are `{}`", known.join("`, `")) };
                            broken.push(Diagnostic::error(&path, line, "link", format!("`{href}`: the post has no section `{id}` (expected the id of one of its headings: {shown})")));
                        }
                    }
                }
                LinkTarget::External(_) | LinkTarget::Other(_) => {}
            }
        }
        let summary = post
            .summary
            .clone()
            .unwrap_or_else(|| truncate_words(&analysis.summary, SUMMARY_MAX_CHARS));
        if summary.is_empty() {
            warnings.push(Diagnostic::warning(
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
        (meta, (post.source.clone(), post.body.clone()), warnings, broken)
    })
        .collect();
    // (card, plain text for search, (source, markdown)) of each published post.
    let mut entries: Vec<Entry> = Vec::with_capacity(analysed.len());
    for (meta, source, w, b) in analysed {
        let text = rendered_bodies
            .get_mut(meta.slug.as_str())
            .map(|body| std::mem::take(&mut body.analysis.plain_text))
            .unwrap_or_default();
        entries.push((meta, text, source));
        warnings.extend(w);
        broken.extend(b);
    }

    if opts.broken_links_warn {
        warnings.extend(
            broken
                .into_iter()
                .map(|d| Diagnostic::warning(&d.path, d.line, &d.field, d.message)),
        );
    } else {
        errors.extend(broken);
    }
    if !errors.is_empty() {
        diagnostic::sort(&mut errors);
        return Err(errors);
    }
    diagnostic::sort(&mut warnings);
    // The manifest's order (newest first) for every list, the index's post numbers included.
    entries.sort_by(|a, b| newest_first(&a.0, &b.0));
    let metas: Vec<PostMeta> = entries.iter().map(|e| e.0.clone()).collect();
    let texts: Vec<&str> = entries.iter().map(|e| e.1.as_str()).collect();
    timings.done("check");
    let search = search::build(&metas, &texts);
    timings.done("search index");
    let rendered: Vec<RenderedPost> = metas
        .iter()
        .map(|m| {
            let body = rendered_bodies.remove(m.slug.as_str());
            body.map(|b| b.rendered).unwrap_or_default()
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
        redirects,
        assets: files
            .iter()
            .filter(|f| f.is_asset())
            .map(|f| f.rel.clone())
            .collect(),
        warnings,
        left_out: left_out.len(),
        timings,
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

#[cfg(test)]
mod tests;
