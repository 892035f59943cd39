//! The one place that builds URLs: pages, data files and links inside posts.
//!
//! Every URL is a path from the site's base, so the same build works at a
//! domain root (`/`) and in a subfolder (`/blog/`). Pages end in `/`: each is a
//! folder with an `index.html` in the build, which every static host serves as is.
//! Absolute URLs (feeds, canonical links, the sitemap) add the site's origin.

use crate::model::PostMeta;

/// URL builder for a site served under `base` (always starts and ends with `/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Urls {
    base: String,
    /// `https://example.com`, when the site's address is known.
    origin: Option<String>,
}

/// Where a link written in a post leads, once resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A path on this site: a page (routed in the browser) or a file.
    Internal(Internal),
    /// Another site (`http:`, `https:` or protocol-relative): opens safely in a new tab.
    External(String),
    /// `mailto:` and `tel:` links.
    Other(String),
    /// A link to a markdown file that is not a published post (the path, resolved).
    Broken(String),
    /// Another site's address written without a scheme (`github.com/x/y`):
    /// read as a path it leads nowhere, and guessing `https://` could be wrong.
    NoScheme(String),
    /// A scheme that could run code or smuggle content (`javascript:`, `data:`, ...), or an empty link.
    Rejected,
}

/// A link within this site: the URL to write, and what it leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Internal {
    pub url: String,
    pub to: Dest,
}

/// What a link within this site leads to, for the build's link check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dest {
    /// A post, at the element `section` (decoded; empty for the top).
    Post { slug: String, section: String },
    /// A file under `content/`, by its path there (decoded).
    File(String),
    /// A category's listing, by its slug.
    Category(String),
    /// Any other path on the site, from its root (decoded).
    Page(String),
}

impl LinkTarget {
    /// The URL of a link within this site.
    pub fn internal_url(&self) -> Option<&str> {
        match self {
            LinkTarget::Internal(i) => Some(&i.url),
            _ => None,
        }
    }
}

impl Urls {
    /// `base` is the path the site is served under, e.g. `/` or `/blog/`
    /// (missing slashes are added).
    pub fn new(base: &str) -> Self {
        let trimmed = base.trim().trim_matches('/');
        let base = if trimmed.is_empty() {
            "/".to_string()
        } else {
            format!("/{trimmed}/")
        };
        Urls { base, origin: None }
    }

    /// The same URLs made absolute with `origin` (`https://example.com`; a path
    /// after the host is ignored: the base path comes from `new`).
    pub fn with_origin(mut self, origin: &str) -> Self {
        let origin = origin.trim();
        let after_scheme = origin.find("://").map_or(0, |i| i + 3);
        let end = origin[after_scheme..]
            .find('/')
            .map_or(origin.len(), |i| after_scheme + i);
        self.origin = Some(origin[..end].to_string()).filter(|o| !o.is_empty());
        self
    }

    /// The base path, starting and ending with `/`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// `path` (a URL from this builder) with the site's origin, when it is known.
    pub fn absolute(&self, path: &str) -> String {
        match &self.origin {
            Some(origin) if path.starts_with('/') => format!("{origin}{path}"),
            _ => path.to_string(),
        }
    }

    /// The base as the router wants it: `""` at the root, `/blog` in a subfolder.
    pub fn router_base(&self) -> &str {
        self.base.trim_end_matches('/')
    }

    /// The listing page, optionally filtered by category, with the search query.
    pub fn listing(&self, category_slug: Option<&str>, query: &str) -> String {
        let mut url = match category_slug {
            Some(slug) => format!("{}category/{}/", self.base, encode_segment(slug)),
            None => self.base.clone(),
        };
        let query = query.trim();
        if !query.is_empty() {
            url.push_str("?q=");
            url.push_str(&encode_query_value(query));
        }
        url
    }

    pub fn home(&self) -> String {
        self.listing(None, "")
    }

    pub fn category(&self, slug: &str) -> String {
        self.listing(Some(slug), "")
    }

    /// A post's page: `posts/<slug>/`, a slug being `folder/…/name` for a
    /// post in a folder of `content/`.
    pub fn post(&self, slug: &str) -> String {
        let encoded: Vec<String> = slug.split('/').map(encode_segment).collect();
        format!("{}posts/{}/", self.base, encoded.join("/"))
    }

    /// The Atom feed of the whole site, or of one category.
    pub fn feed(&self, category_slug: Option<&str>) -> String {
        format!("{}atom.xml", self.listing(category_slug, ""))
    }

    pub fn sitemap(&self) -> String {
        self.site_file("sitemap.xml")
    }

    /// The page shown for addresses that lead nowhere.
    pub fn not_found(&self) -> String {
        self.site_file("404.html")
    }

    /// A section of a post: its heading or footnote id.
    pub fn post_section(&self, slug: &str, id: &str) -> String {
        format!("{}#{}", self.post(slug), encode_fragment(id))
    }

    /// A file at the site root, e.g. `manifest.json`.
    pub fn site_file(&self, path: &str) -> String {
        format!("{}{}", self.base, path.trim_start_matches('/'))
    }

    pub fn manifest(&self) -> String {
        self.site_file("manifest.json")
    }

    /// The data a page is rendered from (as `page-data` in the page), for
    /// client-side navigation to it: `data.json` beside its `index.html`.
    pub fn page_data(&self, page: &str) -> String {
        let path = page.split(['?', '#']).next().unwrap_or("");
        format!("{}/data.json", path.trim_end_matches('/'))
    }

    /// Cards `page` (from 2: the first is in the listing's own data) of the
    /// listing of `category_slug`, or of every post.
    pub fn cards(&self, category_slug: Option<&str>, page: usize) -> String {
        format!("{}cards-{page}.json", self.listing(category_slug, ""))
    }

    /// A file of the search index in the folder `index` (relative to the base).
    pub fn search_file(&self, index: &str, name: &str) -> String {
        self.site_file(&format!("{}/{name}", index.trim_end_matches('/')))
    }

    /// A file copied from `content/` (a post's image, say), by its path there.
    pub fn content_file(&self, path: &str) -> String {
        let encoded: Vec<String> = path.split('/').map(encode_segment).collect();
        self.site_file(&format!("content/{}", encoded.join("/")))
    }

    /// The markdown body of a post, versioned so that a cache never serves a stale one.
    pub fn post_body(&self, post: &PostMeta) -> String {
        format!(
            "{}?v={}",
            self.content_file(&post.source),
            encode_query_value(&post.version)
        )
    }

    /// A link to the post `slug`, at `fragment` (`#id` or empty).
    fn link_to_post(&self, slug: &str, fragment: &str) -> LinkTarget {
        let section = percent_decode(fragment.trim_start_matches('#'));
        LinkTarget::Internal(Internal {
            url: format!("{}{}", self.post(slug), fragment),
            to: Dest::Post {
                slug: slug.to_string(),
                section,
            },
        })
    }

    /// A link to the file `path` under `content/`, with `suffix` (`?…#…`).
    fn link_to_file(&self, path: &str, suffix: &str) -> LinkTarget {
        LinkTarget::Internal(Internal {
            url: format!("{}{}", self.content_file(path), suffix),
            to: Dest::File(path.to_string()),
        })
    }

    /// A link written as a path from the site's root (`/category/ai`,
    /// `/posts/x/#y`), without its leading `/`.
    fn link_to_site_path(&self, path: &str) -> LinkTarget {
        let split = path.find(['?', '#']).unwrap_or(path.len());
        let (page, suffix) = path.split_at(split);
        let fragment = suffix.find('#').map_or("", |i| &suffix[i..]);
        let page = percent_decode(page);
        let to = if let Some(slug) = page.strip_prefix("posts/") {
            Dest::Post {
                slug: slug.trim_matches('/').to_string(),
                section: percent_decode(fragment.trim_start_matches('#')),
            }
        } else if let Some(file) = page.strip_prefix("content/") {
            Dest::File(file.to_string())
        } else if let Some(slug) = page.strip_prefix("category/") {
            Dest::Category(slug.trim_matches('/').to_string())
        } else {
            Dest::Page(page)
        };
        LinkTarget::Internal(Internal {
            url: self.site_file(path),
            to,
        })
    }

    /// Resolves a link or image written in the post `from`.
    ///
    /// Relative links resolve against the post's folder in `content/`; a link to a
    /// `.md` file becomes the URL of that post (looked up with `post_for_source`),
    /// so that links between posts also work when browsing the repository. A
    /// relative link written against the post's address on the site it moved
    /// from (`other-post.html`, `../05/07/other/`) leads where it led there: to
    /// the post that had that address, or, when it leaves the content folder
    /// from the post's file, to the file at that path (bundles keep their
    /// files' paths).
    pub fn resolve_link(
        &self,
        from: &LinkFrom,
        href: &str,
        post_for_source: &dyn Fn(&str) -> Option<String>,
    ) -> LinkTarget {
        let (from_slug, from_source) = (from.slug, from.source);
        // Browsers ignore ASCII tabs and newlines anywhere in a URL and strip
        // surrounding controls and spaces: check what the browser would see.
        let href: String = href
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        let href = href.trim_matches(|c: char| c <= ' ');
        if href.is_empty() {
            return LinkTarget::Rejected;
        }
        if href.starts_with("//") {
            return LinkTarget::External(href.to_string());
        }
        if let Some(scheme) = scheme_of(href) {
            return match scheme.to_ascii_lowercase().as_str() {
                "http" | "https" => LinkTarget::External(href.to_string()),
                "mailto" | "tel" => LinkTarget::Other(href.to_string()),
                _ => LinkTarget::Rejected,
            };
        }
        if let Some(fragment) = href.strip_prefix('#') {
            return self.link_to_post(from_slug, &format!("#{fragment}"));
        }
        if let Some(path) = href.strip_prefix('/') {
            // A link to one of a post's old URLs (a moved site's) leads to the post.
            let split = path.find(['?', '#']).unwrap_or(path.len());
            let (page, suffix) = path.split_at(split);
            if let Some(slug) = post_for_source(&old_url_key(page)) {
                let fragment = suffix.find('#').map_or("", |i| &suffix[i..]);
                return self.link_to_post(&slug, fragment);
            }
            return self.link_to_site_path(path);
        }
        // Zola's internal links, `@/news/post.md#section`, start at the content folder.
        let (href, dir) = match href.strip_prefix("@/") {
            Some(rest) => (rest, ""),
            None => (
                href,
                from_source.rsplit_once('/').map_or("", |(dir, _)| dir),
            ),
        };
        let split = href.find(['?', '#']).unwrap_or(href.len());
        let (path, suffix) = href.split_at(split);
        let decoded = percent_decode(path);
        let fragment = suffix.find('#').map_or("", |i| &suffix[i..]);
        // The link resolved against each of the post's old addresses (for
        // links that are not to a post's file).
        let old_paths: Vec<String> = if href.starts_with("@/") || is_markdown_file(&decoded) {
            Vec::new()
        } else {
            from.old_urls
                .iter()
                .filter_map(|key| join_relative(old_url_folder(key), &decoded))
                .collect()
        };
        if let Some(slug) = old_paths
            .iter()
            .find_map(|p| post_for_source(&old_url_key(p)))
        {
            return self.link_to_post(&slug, fragment);
        }
        let Some(resolved) = join_relative(dir, &decoded) else {
            return match old_paths.first() {
                Some(file) => self.link_to_file(file, suffix),
                None => LinkTarget::Broken(path.to_string()),
            };
        };
        // A post wins over a look-alike host: `node.js/intro.md` may be a folder.
        let post = is_markdown_file(&resolved).then(|| post_for_source(&resolved));
        if let Some(Some(slug)) = post {
            return self.link_to_post(&slug, fragment);
        }
        if looks_like_host(path) {
            return LinkTarget::NoScheme(href.to_string());
        }
        if post.is_some() {
            return LinkTarget::Broken(resolved);
        }
        self.link_to_file(&resolved, suffix)
    }
}

/// The post a link is written in: its slug, its source path relative to
/// `content/`, and its addresses on the site it moved from ([`old_url_key`]s).
#[derive(Debug, Clone, Copy)]
pub struct LinkFrom<'a> {
    pub slug: &'a str,
    pub source: &'a str,
    pub old_urls: &'a [String],
}

impl<'a> LinkFrom<'a> {
    /// A post with no old addresses.
    pub fn new(slug: &'a str, source: &'a str) -> Self {
        LinkFrom {
            slug,
            source,
            old_urls: &[],
        }
    }
}

/// The folder relative links on the page at the old address `key` resolved
/// against, without its leading `/`: the page's own folder for `/a/b/`
/// (key `/a/b`), the file's folder for `/a/b.html`.
fn old_url_folder(key: &str) -> &str {
    let path = key.trim_start_matches('/');
    let last = path.rsplit('/').next().unwrap_or("");
    if is_html_file(last) {
        path.rsplit_once('/').map_or("", |(dir, _)| dir)
    } else {
        path
    }
}

/// How an old URL of a post (a path on the site it moved from, as `aliases`
/// and permalinks name it) is looked up: decoded, with one leading `/`, without
/// a trailing `/` or `index.html`, so that `/a/b/`, `a/b` and `/a/b/index.html`
/// are one. Link lookups ([`Urls::resolve_link`]) use the same key for `/…`
/// links; a key starts with `/`, a source path never does.
pub fn old_url_key(path: &str) -> String {
    let path = percent_decode(path.split(['?', '#']).next().unwrap_or(""));
    let path = path.trim_start_matches('/');
    let path = path.strip_suffix("index.html").unwrap_or(path);
    format!("/{}", path.trim_end_matches('/'))
}

/// The extensions of markdown files: those Jekyll (`markdown_ext`), Hugo
/// and Zola read.
pub const MARKDOWN_EXTENSIONS: &[&str] = &[
    "md", "markdown", "mkd", "mkdn", "mdown", "mdwn", "mkdown", "mdtxt", "mdtext",
];

/// True for the path of a markdown file (a post's source).
pub fn is_markdown_file(path: &str) -> bool {
    path.rsplit_once('.').is_some_and(|(_, ext)| {
        MARKDOWN_EXTENSIONS
            .iter()
            .any(|m| m.eq_ignore_ascii_case(ext))
    })
}

/// True for a file name a static host serves as a page: `….html` or `….htm`.
pub fn is_html_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm")
}

/// The file, relative to the build's root, that answers the old address
/// `key` (an [`old_url_key`]): the key itself for a page file (`a/b.html`),
/// else the folder's `index.html` (`a/b/index.html`).
pub fn old_url_file(key: &str) -> String {
    let path = key.trim_start_matches('/');
    if is_html_file(path) {
        path.to_string()
    } else {
        format!("{path}/index.html")
    }
}

/// The file a page URL of this builder is written to in the build, relative
/// to the build's root: `posts/x/index.html` for `/blog/posts/x/`; `None` for a
/// URL outside the base.
pub fn page_file(urls: &Urls, url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let rel = path.strip_prefix(urls.base())?;
    let rel = percent_decode(rel);
    Some(if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel
    })
}

/// True for a relative path that starts with a host name (`github.com/x`,
/// `www.example.org`): a link to another site that lost its scheme. A single
/// file name (`figure.svg`, `notes.html`) is not one.
fn looks_like_host(path: &str) -> bool {
    let (first, rest) = path.split_once('/').unwrap_or((path, ""));
    let labels: Vec<&str> = first.split('.').collect();
    let tld = labels.last().copied().unwrap_or("");
    let host_like = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && (2..=24).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic());
    host_like && (!rest.is_empty() || labels[0].eq_ignore_ascii_case("www"))
}

/// The path of an absolute URL (`/blog/` of `https://example.com/blog/?x#y`).
pub fn path_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = rest.find('/').map_or("/", |i| &rest[i..]);
    let end = path.find(['?', '#']).unwrap_or(path.len());
    &path[..end]
}

/// The scheme of an absolute URL (`https` of `https://...`), if it has one.
pub fn scheme_of(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

/// Joins a relative path to a folder, resolving `.` and `..`; `None` if it
/// climbs out of the content folder.
fn join_relative(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

const UNRESERVED: &[u8] = b"-._~";

fn encode(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || UNRESERVED.contains(&b) || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-encodes one path segment.
pub fn encode_segment(s: &str) -> String {
    encode(s, b"!$&'()*+,;=:@")
}

/// Percent-encodes a query value (spaces become `%20`).
pub fn encode_query_value(s: &str) -> String {
    encode(s, b"!$'()*,;:@/")
}

fn encode_fragment(s: &str) -> String {
    encode(s, b"!$&'()*+,;=:@/?")
}

/// Decodes `%XX` escapes (invalid escapes and invalid UTF-8 are kept as they are).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(source: &str) -> Option<String> {
        match source {
            "2026/other-post.md" => Some("other-post".into()),
            "top.md" => Some("top".into()),
            _ => None,
        }
    }

    #[test]
    fn builds_page_urls_at_root_and_in_subfolder() {
        let root = Urls::new("/");
        assert_eq!(root.home(), "/");
        assert_eq!(root.router_base(), "");
        assert_eq!(root.category("ci-cd"), "/category/ci-cd/");
        assert_eq!(root.post("hello"), "/posts/hello/");
        assert_eq!(root.feed(None), "/atom.xml");
        assert_eq!(root.feed(Some("ai")), "/category/ai/atom.xml");
        assert_eq!(root.manifest(), "/manifest.json");

        let sub = Urls::new("blog");
        assert_eq!(sub.base(), "/blog/");
        assert_eq!(sub.router_base(), "/blog");
        assert_eq!(sub.home(), "/blog/");
        assert_eq!(
            sub.listing(Some("ai"), "gpu cost"),
            "/blog/category/ai/?q=gpu%20cost"
        );
        assert_eq!(sub.listing(None, "  "), "/blog/");
        assert_eq!(
            sub.post_section("p", "root-cause"),
            "/blog/posts/p/#root-cause"
        );
        assert_eq!(Urls::new("/a/b/").base(), "/a/b/");
    }

    #[test]
    fn absolute_urls_and_page_files() {
        let sub = Urls::new("/blog/").with_origin("https://example.com/ignored/");
        assert_eq!(
            sub.absolute(&sub.post("x")),
            "https://example.com/blog/posts/x/"
        );
        assert_eq!(
            sub.absolute(&sub.sitemap()),
            "https://example.com/blog/sitemap.xml"
        );
        assert_eq!(Urls::new("/").absolute("/atom.xml"), "/atom.xml");
        assert_eq!(page_file(&sub, &sub.home()).as_deref(), Some("index.html"));
        assert_eq!(
            page_file(&sub, &sub.post("café")).as_deref(),
            Some("posts/café/index.html")
        );
        assert_eq!(
            page_file(&sub, &sub.category("ci-cd")).as_deref(),
            Some("category/ci-cd/index.html")
        );
        assert_eq!(
            page_file(&sub, &sub.not_found()).as_deref(),
            Some("404.html")
        );
        assert_eq!(page_file(&sub, "/elsewhere/"), None);
    }

    #[test]
    fn old_urls_lead_to_their_posts() {
        assert_eq!(old_url_key("/2024/05/07/x.html"), "/2024/05/07/x.html");
        assert_eq!(old_url_key("old/page/"), "/old/page");
        assert_eq!(old_url_key("/old/page/index.html?x#y"), "/old/page");
        assert_eq!(old_url_key("/caf%C3%A9/"), "/café");
        assert_eq!(old_url_file("/2024/05/07/x.HTML"), "2024/05/07/x.HTML");
        assert_eq!(old_url_file("/old/page"), "old/page/index.html");
        assert_eq!(old_url_file("/notes/v1.2"), "notes/v1.2/index.html");
        let u = Urls::new("/blog/");
        let lookup = |key: &str| {
            (key == "/2024/05/07/other.html" || key == "/old/page").then(|| "other".to_string())
        };
        assert_eq!(
            u.resolve_link(
                &LinkFrom::new("p", "p.md"),
                "/2024/05/07/other.html#how",
                &lookup
            )
            .internal_url(),
            Some("/blog/posts/other/#how")
        );
        assert_eq!(
            u.resolve_link(&LinkFrom::new("p", "p.md"), "/old/page/", &lookup)
                .internal_url(),
            Some("/blog/posts/other/")
        );
        assert_eq!(
            u.resolve_link(&LinkFrom::new("p", "p.md"), "/elsewhere/", &lookup)
                .internal_url(),
            Some("/blog/elsewhere/")
        );
    }

    #[test]
    fn relative_links_written_against_a_posts_old_address_lead_where_they_led() {
        let u = Urls::new("/");
        let lookup = |key: &str| match key {
            "/2024/05/07/launch-notes.html" => Some("launch-notes".to_string()),
            "/2024/05/07/other-post" => Some("other-post".to_string()),
            "notes/real.md" => Some("real".to_string()),
            _ => None,
        };
        // The post was /2024/05/09/this.html, then /2024/05/09/this/ (an alias).
        let old = [
            "/2024/05/09/this.html".to_string(),
            "/2024/05/09/this".to_string(),
        ];
        let from = LinkFrom {
            slug: "notes/this",
            source: "notes/this.md",
            old_urls: &old,
        };
        let r = |href: &str| u.resolve_link(&from, href, &lookup);
        assert_eq!(
            r("../07/launch-notes.html#how-to-use-it").internal_url(),
            Some("/posts/launch-notes/#how-to-use-it")
        );
        assert_eq!(
            r("../../07/other-post/").internal_url(),
            Some("/posts/other-post/")
        );
        // A file beside another post's old address: bundles keep their files' paths.
        assert_eq!(
            r("../../../2024/05/07/other-post/figure.svg").internal_url(),
            Some("/content/2024/05/07/other-post/figure.svg")
        );
        // Links to files of this site still resolve from the post's file.
        assert_eq!(r("real.md").internal_url(), Some("/posts/real/"));
        assert_eq!(
            r("figure.svg").internal_url(),
            Some("/content/notes/figure.svg")
        );
        assert_eq!(
            r("../../../../../x.svg"),
            LinkTarget::Broken("../../../../../x.svg".into())
        );
        // Without old addresses nothing changes.
        assert_eq!(
            u.resolve_link(
                &LinkFrom::new("notes/this", "notes/this.md"),
                "../07/launch-notes.html",
                &lookup
            )
            .internal_url(),
            Some("/content/07/launch-notes.html")
        );
    }

    #[test]
    fn data_files_sit_beside_their_pages() {
        let sub = Urls::new("/blog/");
        assert_eq!(sub.page_data(&sub.home()), "/blog/data.json");
        assert_eq!(
            sub.page_data("/blog/posts/x/?q=1#a"),
            "/blog/posts/x/data.json"
        );
        assert_eq!(sub.page_data("/blog/posts/x"), "/blog/posts/x/data.json");
        assert_eq!(sub.cards(None, 2), "/blog/cards-2.json");
        assert_eq!(
            sub.cards(Some("c-sharp"), 3),
            "/blog/category/c-sharp/cards-3.json"
        );
        assert_eq!(
            sub.search_file("search/abc/", "s1.bin"),
            "/blog/search/abc/s1.bin"
        );
        assert_eq!(
            page_file(&sub, &sub.page_data(&sub.post("café"))).as_deref(),
            Some("posts/café/data.json")
        );
    }

    #[test]
    fn encodes_queries_and_paths() {
        let u = Urls::new("/");
        assert_eq!(u.listing(None, "a&b=c #x"), "/?q=a%26b%3Dc%20%23x");
        assert_eq!(u.listing(None, "café"), "/?q=caf%C3%A9");
        assert_eq!(
            u.content_file("dir/my image.png"),
            "/content/dir/my%20image.png"
        );
        assert_eq!(percent_decode("caf%C3%A9%20x"), "café x");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }

    #[test]
    fn path_of_absolute_urls() {
        assert_eq!(path_of("https://example.com/blog/?q=1#x"), "/blog/");
        assert_eq!(path_of("http://127.0.0.1:8080/"), "/");
        assert_eq!(path_of("http://127.0.0.1:8080"), "/");
        assert_eq!(
            path_of("https://you.github.io/repo/index.html"),
            "/repo/index.html"
        );
    }

    #[test]
    fn body_url_is_versioned() {
        let mut post = crate::model::sample_post("x", "2026-01-01", None);
        post.source = "2026/x.md".into();
        post.version = "abc123".into();
        assert_eq!(
            Urls::new("/blog/").post_body(&post),
            "/blog/content/2026/x.md?v=abc123"
        );
    }

    #[test]
    fn resolves_links_in_posts() {
        let u = Urls::new("/blog/");
        let r = |href: &str| u.resolve_link(&LinkFrom::new("me", "2026/me.md"), href, &lookup);
        assert_eq!(
            r("https://example.com/a"),
            LinkTarget::External("https://example.com/a".into())
        );
        assert_eq!(
            r("//cdn.example.com/x.png"),
            LinkTarget::External("//cdn.example.com/x.png".into())
        );
        assert_eq!(
            r("mailto:oncall@example.com"),
            LinkTarget::Other("mailto:oncall@example.com".into())
        );
        assert_eq!(
            r("#root-cause").internal_url(),
            Some("/blog/posts/me/#root-cause")
        );
        assert_eq!(r("/category/ai").internal_url(), Some("/blog/category/ai"));
        assert_eq!(
            r("other-post.md").internal_url(),
            Some("/blog/posts/other-post/")
        );
        assert_eq!(
            r("./other-post.md#fix").internal_url(),
            Some("/blog/posts/other-post/#fix")
        );
        assert_eq!(r("../top.md").internal_url(), Some("/blog/posts/top/"));
        assert_eq!(
            r("missing.md"),
            LinkTarget::Broken("2026/missing.md".into())
        );
        assert_eq!(
            r("../../escape.png"),
            LinkTarget::Broken("../../escape.png".into())
        );
        assert_eq!(
            r("graph.png").internal_url(),
            Some("/blog/content/2026/graph.png")
        );
        assert_eq!(r(""), LinkTarget::Rejected);
        // Zola: from the content folder, whatever the post's own folder.
        assert_eq!(
            r("@/2026/other-post.md#fix").internal_url(),
            Some("/blog/posts/other-post/#fix")
        );
        assert_eq!(r("@/top.md").internal_url(), Some("/blog/posts/top/"));
        assert_eq!(
            r("@/2026/gone.md"),
            LinkTarget::Broken("2026/gone.md".into())
        );
        for no_scheme in [
            "github.com/example/project/pull/1",
            "www.example.org",
            "docs.rs/serde#x",
        ] {
            assert_eq!(
                r(no_scheme),
                LinkTarget::NoScheme(no_scheme.into()),
                "{no_scheme}"
            );
        }
        for file in ["figure.svg", "notes.html#how", "v1.2/notes.png"] {
            assert!(r(file).internal_url().is_some(), "{file}");
        }
    }

    #[test]
    fn rejects_script_and_data_schemes_however_written() {
        let u = Urls::new("/");
        for href in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:image/svg+xml;base64,PHN2Zz4=",
            "file:///etc/passwd",
        ] {
            assert_eq!(
                u.resolve_link(&LinkFrom::new("p", "p.md"), href, &lookup),
                LinkTarget::Rejected,
                "{href:?}"
            );
        }
    }
}
