//! `site.toml`: the blog's name, tagline and public address, and for a blog
//! that moved in, what its old site said (generator, address patterns,
//! feeds, parameters, static files).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use blog_core::model::Site;

pub use crate::moved::Generator;

/// What `site.toml` says.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteConfig {
    pub site: Site,
    /// The site's public address, e.g. `https://example.com` or
    /// `https://you.github.io/repo/`: canonical links, feeds and the sitemap use
    /// it. Without it they carry paths only, and the build warns.
    pub base_url: Option<String>,
    /// `broken_links = "warn"`: links that lead nowhere are warnings, not
    /// errors, while a migration is in progress. Default `"error"`.
    pub broken_links_warn: bool,
    /// `moved_from = "jekyll"` (or `"hugo"`, `"zola"`): the generator the
    /// posts come from; each post's address there by that generator's default
    /// (when it names none itself) gets a page that sends visitors on.
    pub moved_from: Option<Generator>,
    /// `[permalinks]`: the old site's address patterns, by section (the first
    /// folder under `content/`), `"*"` for every post.
    pub permalinks: BTreeMap<String, String>,
    /// `old_feeds = ["/feed.xml"]`: where the old site published its feeds;
    /// each serves the site's feed, so subscribers keep getting posts.
    pub old_feeds: Vec<String>,
    /// `[params]`: values shortcodes read (Hugo's `param`).
    pub params: toml::Table,
    /// `static = "static"`: a folder whose files are served at the site's
    /// root (`/img/x.png`), relative to `site.toml`. Default: `static/` beside
    /// `site.toml`, when there is one.
    pub static_dir: Option<PathBuf>,
}

impl SiteConfig {
    /// The configuration of a site without `site.toml`.
    pub fn default_site() -> Self {
        SiteConfig {
            site: Site {
                title: "Blog".into(),
                description: String::new(),
            },
            base_url: None,
            broken_links_warn: false,
            moved_from: None,
            permalinks: BTreeMap::new(),
            old_feeds: Vec::new(),
            params: toml::Table::new(),
            static_dir: None,
        }
    }
}

/// Reads `site.toml`; a missing file gives the defaults. The static folder
/// is resolved against the file's folder.
pub fn read_site(path: &Path) -> Result<SiteConfig, String> {
    if !path.exists() {
        return Ok(SiteConfig::default_site());
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut config = parse_site(&path.display().to_string(), &text)?;
    let folder = path.parent().unwrap_or(Path::new("."));
    config.static_dir = match config.static_dir {
        Some(dir) => {
            let dir = folder.join(dir);
            if !dir.is_dir() {
                let line = line_of_key(&text, "static");
                return Err(format!(
                    "{}:{line}: static: `{}` is not a folder (expected the folder of files served at the site's root, relative to site.toml)",
                    path.display(),
                    dir.display()
                ));
            }
            Some(dir)
        }
        None => Some(folder.join("static")).filter(|d| d.is_dir()),
    };
    Ok(config)
}

/// `site.toml` as written.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    title: String,
    #[serde(default)]
    description: String,
    base_url: Option<String>,
    broken_links: Option<String>,
    moved_from: Option<String>,
    #[serde(default)]
    permalinks: BTreeMap<String, String>,
    #[serde(default)]
    old_feeds: Vec<String>,
    #[serde(default)]
    params: toml::Table,
    #[serde(rename = "static")]
    static_dir: Option<PathBuf>,
}

const EXPECTED: &str = "expected `title = \"...\"`, and optionally `description`, `base_url = \"https://...\"`, `broken_links = \"warn\"`, `moved_from = \"jekyll\"`, `static = \"static\"`, `old_feeds = [\"/feed.xml\"]`, `[permalinks]` and `[params]`";

/// Parses the text of `site.toml`, named `display` in messages.
pub fn parse_site(display: &str, text: &str) -> Result<SiteConfig, String> {
    let line_of = |start: usize| text[..start.min(text.len())].matches('\n').count() + 1;
    let file: SiteFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(s.start));
        format!(
            "{display}:{line}: site: {} ({EXPECTED})",
            e.message().trim()
        )
    })?;
    let fail = |key: &str, message: String| {
        format!("{display}:{}: {key}: {message}", line_of_key(text, key))
    };
    let base_url = match file.base_url.map(|u| u.trim().to_string()) {
        Some(url) if url.is_empty() => None,
        Some(url) => {
            let scheme = url.split_once("://").map(|(s, _)| s.to_ascii_lowercase());
            let host = url.split_once("://").map_or("", |(_, rest)| rest);
            if !matches!(scheme.as_deref(), Some("http" | "https"))
                || host.is_empty()
                || host.starts_with('/')
            {
                return Err(fail("base_url", format!("`{url}` is not an absolute http(s) address (expected e.g. `https://example.com` or `https://you.github.io/repo/`)")));
            }
            Some(url)
        }
        None => None,
    };
    let broken_links_warn = match file.broken_links.as_deref() {
        None | Some("error") => false,
        Some("warn") => true,
        Some(other) => {
            return Err(fail(
                "broken_links",
                format!("`{other}` is not a severity (expected `\"error\"` or `\"warn\"`)"),
            ));
        }
    };
    let moved_from = match file.moved_from.as_deref() {
        None => None,
        Some(name) => Some(Generator::named(name).ok_or_else(|| {
            fail("moved_from", format!("`{name}` is not a generator this blog knows (expected `\"zola\"`, `\"hugo\"` or `\"jekyll\"`)"))
        })?),
    };
    if let Some(feed) = file.old_feeds.iter().find(|f| !is_feed_path(f)) {
        return Err(fail("old_feeds", format!("`{feed}` is not the path of a file from the site's root (expected e.g. `\"/feed.xml\"` or `\"/blog/index.xml\"`: no `..`, not a folder, not one of this site's pages)")));
    }
    if !file.permalinks.is_empty() && moved_from.is_none() {
        return Err(fail("permalinks", "are the old site's address patterns, but `moved_from` does not say which generator wrote them (expected `moved_from = \"jekyll\"`, `\"hugo\"` or `\"zola\"`)".into()));
    }
    Ok(SiteConfig {
        site: Site {
            title: file.title,
            description: file.description,
        },
        base_url,
        broken_links_warn,
        moved_from,
        permalinks: file.permalinks,
        old_feeds: file.old_feeds,
        params: file.params,
        static_dir: file.static_dir,
    })
}

/// A feed's path the build may write: from the root, a file (not a folder),
/// inside the site, and not a page of its own (`/index.html`, `/404.html`).
fn is_feed_path(path: &str) -> bool {
    let Some(rel) = path.strip_prefix('/') else {
        return false;
    };
    let last = rel.rsplit('/').next().unwrap_or("");
    !last.is_empty()
        && !rel
            .split('/')
            .any(|p| p.is_empty() || p == "." || p == "..")
        && !last.eq_ignore_ascii_case("index.html")
        && rel != "404.html"
}

/// The 1-based line on which `key` is set in TOML `text` (1 if it is not found).
fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_title_description_and_address() {
        let c = parse_site(
            "site.toml",
            "title = \"T\"\ndescription = \"D\"\nbase_url = \"https://example.com/blog/\"\n",
        )
        .unwrap();
        assert_eq!(c.site.title, "T");
        assert_eq!(c.base_url.as_deref(), Some("https://example.com/blog/"));
        assert_eq!(parse_site("s", "title = \"T\"").unwrap().base_url, None);
        assert!(
            parse_site("s", "title = \"T\"\nbroken_links = \"warn\"")
                .unwrap()
                .broken_links_warn
        );
        assert!(
            !parse_site("s", "title = \"T\"\nbroken_links = \"error\"")
                .unwrap()
                .broken_links_warn
        );
        assert_eq!(
            parse_site("s", "title = \"T\"\nbroken_links = \"ignore\"").unwrap_err(),
            "s:2: broken_links: `ignore` is not a severity (expected `\"error\"` or `\"warn\"`)"
        );
    }

    #[test]
    fn names_the_generator_a_blog_moved_from() {
        let c = parse_site("s", "title = \"T\"\nmoved_from = \"Jekyll\"").unwrap();
        assert_eq!(c.moved_from, Some(Generator::Jekyll));
        assert_eq!(parse_site("s", "title = \"T\"").unwrap().moved_from, None);
        assert_eq!(
            parse_site("s", "title = \"T\"\nmoved_from = \"wordpress\"").unwrap_err(),
            "s:2: moved_from: `wordpress` is not a generator this blog knows (expected `\"zola\"`, `\"hugo\"` or `\"jekyll\"`)"
        );
    }

    #[test]
    fn old_feeds_are_files_inside_the_site() {
        let feeds = |list: &str| {
            parse_site("s", &format!("title = \"T\"\nold_feeds = {list}")).map(|c| c.old_feeds)
        };
        assert_eq!(
            feeds("[\"/feed.xml\", \"/blog/index.xml\"]").unwrap(),
            ["/feed.xml", "/blog/index.xml"]
        );
        for bad in [
            "\"feed.xml\"",
            "\"/feed/\"",
            "\"/../x.xml\"",
            "\"/index.html\"",
            "\"/\"",
        ] {
            let e = feeds(&format!("[{bad}]")).unwrap_err();
            assert!(e.starts_with("s:2: old_feeds: `"), "{bad}: {e}");
        }
    }

    #[test]
    fn rejects_addresses_that_are_not_absolute() {
        assert_eq!(
            parse_site("site.toml", "title = \"T\"\nbase_url = \"example.com\"\n").unwrap_err(),
            "site.toml:2: base_url: `example.com` is not an absolute http(s) address (expected e.g. `https://example.com` or `https://you.github.io/repo/`)"
        );
        let unknown = parse_site("site.toml", "title = \"T\"\nbaseurl = 1\n").unwrap_err();
        assert!(
            unknown.starts_with("site.toml:2: site: unknown field `baseurl`"),
            "{unknown}"
        );
    }
}
