//! The `site.toml` that `blog-content import` writes from an old site's
//! configuration: serialized by the `toml` crate (every string quoted as TOML
//! wants it), then read back with [`crate::config::parse_site`], so a file
//! the build would refuse is never written.

use std::path::Path;

use toml::{Table, Value};

use crate::moved::{Generator, OldSite};

/// The text of `site.toml` for `old`, moved in from `generator`'s site at
/// `from`; `has_static` when files were copied into `static/`.
pub fn render(
    generator: Generator,
    old: &OldSite,
    has_static: bool,
    from: &Path,
) -> Result<String, String> {
    let table = table(generator, old, has_static, from);
    let body =
        toml::to_string(&table).map_err(|e| format!("site.toml could not be written: {e}"))?;
    let text = format!(
        "# Written by `blog-content import` from the {} site at {}.\n{body}",
        capitalized(generator),
        from.display()
    );
    crate::config::parse_site("site.toml", &text).map_err(|e| {
        format!(
            "the site.toml written from {} would not be read back: {e}",
            from.display()
        )
    })?;
    Ok(text)
}

fn table(generator: Generator, old: &OldSite, has_static: bool, from: &Path) -> Table {
    let mut t = Table::new();
    let title = old.title.clone().unwrap_or_else(|| folder_name(from));
    t.insert("title".into(), Value::String(title));
    if let Some(description) = &old.description {
        t.insert("description".into(), Value::String(description.clone()));
    }
    if let Some(url) = old.base_url.as_deref().filter(|u| is_absolute(u)) {
        t.insert("base_url".into(), Value::String(url.to_string()));
    }
    t.insert("moved_from".into(), Value::String(generator.name().into()));
    if has_static {
        t.insert("static".into(), Value::String("static".into()));
    }
    if !old.feeds.is_empty() {
        let feeds = old.feeds.iter().cloned().map(Value::String).collect();
        t.insert("old_feeds".into(), Value::Array(feeds));
    }
    if !old.permalinks.is_empty() {
        let permalinks = old
            .permalinks
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect();
        t.insert("permalinks".into(), Value::Table(permalinks));
    }
    if !old.params.is_empty() {
        t.insert("params".into(), Value::Table(old.params.clone()));
    }
    t
}

/// True for an address `site.toml`'s `base_url` takes (`http(s)://host...`).
pub fn is_absolute(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once("://") else {
        return false;
    };
    matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https")
        && !rest.is_empty()
        && !rest.starts_with('/')
}

fn folder_name(path: &Path) -> String {
    path.canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
        .unwrap_or_else(|| "Blog".into())
}

fn capitalized(generator: Generator) -> String {
    let name = generator.name();
    name[..1].to_ascii_uppercase() + &name[1..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_strings_and_reads_back() {
        let mut old = OldSite {
            title: Some("Quotes \"and\" \\ back".into()),
            base_url: Some("https://example.com/".into()),
            feeds: vec!["/feed.xml".into()],
            ..OldSite::default()
        };
        old.permalinks.insert("*".into(), "/:year/:title/".into());
        old.params.insert("k".into(), Value::String("v".into()));
        let text = render(Generator::Jekyll, &old, true, Path::new("/old")).unwrap();
        let c = crate::config::parse_site("s", &text).unwrap();
        assert_eq!(c.site.title, "Quotes \"and\" \\ back");
        assert_eq!(c.permalinks["*"], "/:year/:title/");
        assert_eq!(c.old_feeds, ["/feed.xml"]);
        assert_eq!(c.moved_from, Some(Generator::Jekyll));
        assert!(!is_absolute("/blog/"));
    }
}
