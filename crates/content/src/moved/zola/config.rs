//! A Zola site's configuration and layout, for `blog-content import`.
//!
//! The configuration is `config.toml` (or `zola.toml`), told from Hugo's by
//! Zola's required `base_url` key. The posts are all of `content/` (sections
//! are folders; a `section` keeps one of them); `static/` is served at the
//! root. Feeds are `feed_filenames` (or the older `feed_filename`, default
//! `atom.xml`) when `generate_feeds` (or the older `generate_feed`) is on,
//! plus those of sections whose `_index.md` turns them on; `[extra]` becomes
//! `[params]`. Zola has no site-wide address patterns (pages set `path`).

use std::path::{Path, PathBuf};

use toml::Table;

use crate::frontmatter::{self, Value};
use crate::import::values::{bool_ci, read_config, string_ci, strings_ci, table_ci};
use crate::import::{files, notes};
use crate::moved::OldSite;

const CONFIG_FILES: [&str; 2] = ["config.toml", "zola.toml"];

/// True when `root` is a Zola site: a `config.toml` or `zola.toml` with `base_url`.
pub fn detect(root: &Path) -> bool {
    CONFIG_FILES.iter().any(|f| {
        let path = root.join(f);
        path.is_file() && read_config(&path).is_ok_and(|t| t.contains_key("base_url"))
    })
}

/// Reads the Zola site at `root`; `section` keeps one folder of `content/`.
pub fn read(root: &Path, section: Option<&str>) -> Result<OldSite, String> {
    let path = notes::first_file(root, &CONFIG_FILES).ok_or_else(|| {
        format!(
            "{}: no config.toml or zola.toml (expected a Zola site's root folder)",
            root.display()
        )
    })?;
    let config = read_config(&path)?;
    let mut site = OldSite {
        title: string_ci(&config, "title"),
        description: string_ci(&config, "description"),
        base_url: string_ci(&config, "base_url"),
        params: table_ci(&config, "extra").cloned().unwrap_or_default(),
        ..OldSite::default()
    };
    site.content
        .push(content_folder(root, section, &mut site.notes)?);
    site.feeds = feeds(&config);
    site.feeds.extend(section_feeds(root, &config)?);
    if root.join("static").is_dir() {
        site.statics.push((PathBuf::from("static"), String::new()));
    }
    site.notes.extend(left_behind(root, &config));
    Ok(site)
}

/// The folder of posts: all of `content/`, or the section named.
fn content_folder(
    root: &Path,
    section: Option<&str>,
    notes: &mut Vec<String>,
) -> Result<(PathBuf, String), String> {
    let content = Path::new("content");
    if !root.join(content).is_dir() {
        return Err(format!(
            "{}: no content/ folder (expected the posts of a Zola site there)",
            root.display()
        ));
    }
    let Some(name) = section.map(|s| s.trim_matches('/')) else {
        return Ok((content.to_path_buf(), String::new()));
    };
    if name
        .split('/')
        .any(|part| part.is_empty() || part == "." || part == "..")
    {
        return Err(format!(
            "--section: `{name}` is not a folder of content/ (expected a name such as `blog`)"
        ));
    }
    if !root.join(content).join(name).is_dir() {
        return Err(format!(
            "{}: no section `{name}` (expected a folder of content/)",
            root.join(content).display()
        ));
    }
    notes.push(format!("section: {name} (named by --section)"));
    Ok((content.join(name), name.to_string()))
}

/// The names of the feeds Zola writes (`atom.xml` unless configured).
fn feed_names(config: &Table) -> Vec<String> {
    match strings_ci(config, "feed_filenames") {
        names if !names.is_empty() => names,
        _ => vec![string_ci(config, "feed_filename").unwrap_or_else(|| "atom.xml".into())],
    }
}

/// The site's feeds, when it generates them.
fn feeds(config: &Table) -> Vec<String> {
    let on = bool_ci(config, "generate_feeds").or_else(|| bool_ci(config, "generate_feed"));
    if on != Some(true) {
        return Vec::new();
    }
    feed_names(config).iter().map(|n| format!("/{n}")).collect()
}

/// The feeds of sections whose `_index.md` sets `generate_feeds = true`.
fn section_feeds(root: &Path, config: &Table) -> Result<Vec<String>, String> {
    let content = root.join("content");
    let mut feeds = Vec::new();
    for rel in files::files_under(&content)? {
        let Some(dir) = rel.strip_suffix("/_index.md") else {
            continue;
        };
        let text = std::fs::read_to_string(content.join(&rel)).unwrap_or_default();
        let on = frontmatter::parse(&text).is_ok_and(|fm| {
            fm.entries.iter().any(|e| {
                matches!(e.key.as_str(), "generate_feeds" | "generate_feed")
                    && e.value.value == Value::Bool(true)
            })
        });
        if on {
            feeds.extend(feed_names(config).iter().map(|n| format!("/{dir}/{n}")));
        }
    }
    Ok(feeds)
}

/// One line per thing of the old site this import leaves behind.
fn left_behind(root: &Path, config: &Table) -> Vec<String> {
    let mut left = notes::folders_left(
        root,
        &[
            ("templates", "templates (this blog has its own)"),
            (
                "themes",
                "themes (this blog has its own look; a theme's static files are not copied)",
            ),
            ("sass", "stylesheets Zola compiles (this blog has its own)"),
        ],
    );
    left.extend(notes::theme_left(string_ci(config, "theme")));
    if config.contains_key("taxonomies") {
        left.push("taxonomies: the posts keep theirs in front matter (`categories` and `tags` are this blog's; others are ignored with a warning)".into());
    }
    left
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_old_and_new_names() {
        let t: Table = "base_url = \"https://x.org\"\ngenerate_feed = true"
            .parse()
            .unwrap();
        assert_eq!(feeds(&t), ["/atom.xml"]);
        let t: Table = "generate_feeds = true\nfeed_filenames = [\"rss.xml\", \"atom.xml\"]"
            .parse()
            .unwrap();
        assert_eq!(feeds(&t), ["/rss.xml", "/atom.xml"]);
        let t: Table = "generate_feeds = false".parse().unwrap();
        assert!(feeds(&t).is_empty());
    }
}
