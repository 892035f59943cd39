//! `site.toml`: the blog's name, tagline and public address.

use std::path::Path;

use blog_core::model::Site;

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
}

/// A site generator a blog may move in from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generator {
    Zola,
    Hugo,
    Jekyll,
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
        }
    }
}

/// Reads `site.toml`; a missing file gives the defaults.
pub fn read_site(path: &Path) -> Result<SiteConfig, String> {
    if !path.exists() {
        return Ok(SiteConfig::default_site());
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse_site(&path.display().to_string(), &text)
}

/// Parses the text of `site.toml`, named `display` in messages.
pub fn parse_site(display: &str, text: &str) -> Result<SiteConfig, String> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct SiteFile {
        title: String,
        #[serde(default)]
        description: String,
        base_url: Option<String>,
        broken_links: Option<String>,
        moved_from: Option<String>,
    }
    const EXPECTED: &str = "expected `title = \"...\"`, and optionally `description = \"...\"`, `base_url = \"https://...\"`, `broken_links = \"warn\"` and `moved_from = \"jekyll\"`";
    let line_of = |start: usize| text[..start.min(text.len())].matches('\n').count() + 1;
    let file: SiteFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(s.start));
        format!(
            "{display}:{line}: site: {} ({EXPECTED})",
            e.message().trim()
        )
    })?;
    let base_url = match file.base_url.map(|u| u.trim().to_string()) {
        Some(url) if url.is_empty() => None,
        Some(url) => {
            let scheme = url.split_once("://").map(|(s, _)| s.to_ascii_lowercase());
            let host = url.split_once("://").map_or("", |(_, rest)| rest);
            if !matches!(scheme.as_deref(), Some("http" | "https"))
                || host.is_empty()
                || host.starts_with('/')
            {
                let line = line_of_key(text, "base_url");
                return Err(format!(
                    "{display}:{line}: base_url: `{url}` is not an absolute http(s) address (expected e.g. `https://example.com` or `https://you.github.io/repo/`)"
                ));
            }
            Some(url)
        }
        None => None,
    };
    let broken_links_warn = match file.broken_links.as_deref() {
        None | Some("error") => false,
        Some("warn") => true,
        Some(other) => {
            let line = line_of_key(text, "broken_links");
            return Err(format!(
                "{display}:{line}: broken_links: `{other}` is not a severity (expected `\"error\"` or `\"warn\"`)"
            ));
        }
    };
    let moved_from = match file
        .moved_from
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None => None,
        Some("zola") => Some(Generator::Zola),
        Some("hugo") => Some(Generator::Hugo),
        Some("jekyll") => Some(Generator::Jekyll),
        Some(_) => {
            let line = line_of_key(text, "moved_from");
            let other = file.moved_from.unwrap_or_default();
            return Err(format!(
                "{display}:{line}: moved_from: `{other}` is not a generator this blog knows (expected `\"zola\"`, `\"hugo\"` or `\"jekyll\"`)"
            ));
        }
    };
    Ok(SiteConfig {
        site: Site {
            title: file.title,
            description: file.description,
        },
        base_url,
        broken_links_warn,
        moved_from,
    })
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
