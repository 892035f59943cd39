//! A Jekyll site's configuration and layout, for `blog-content import`.
//!
//! `_config.yml` (or `.yaml`, `.toml`) gives the title, description, address
//! (`url` + `baseurl`), the posts' `permalink` (a pattern or a style name,
//! written as its pattern), the feed of the `jekyll-feed` plugin and, as
//! `[params]`, its other top-level scalar keys. The posts are `_posts/` (and
//! any `<folder>/_posts/`, Jekyll's category folders); `_drafts/` are not
//! imported (Jekyll publishes them only with `--drafts`). The static files are
//! every file Jekyll copies as is: not `_`- or dot-named, not excluded, and
//! without front matter (a file with it is a page Jekyll renders).

use std::path::{Path, PathBuf};

use toml::{Table, Value};

use crate::import::values::{read_config, rooted, string_ci, strings_ci, table_ci};
use crate::import::{files, notes};
use crate::moved::OldSite;

const CONFIG_FILES: [&str; 3] = ["_config.yml", "_config.yaml", "_config.toml"];

/// What Jekyll leaves out of the site by default (its `exclude` default),
/// and what a repository commonly holds beside a site.
const EXCLUDED: [&str; 10] = [
    "Gemfile",
    "Gemfile.lock",
    "gemfiles",
    "node_modules",
    "vendor",
    "package.json",
    "package-lock.json",
    "Rakefile",
    "LICENSE",
    "CNAME.txt",
];

/// Keys of `_config.yml` that configure Jekyll itself: not `[params]`.
const BUILD_KEYS: [&str; 40] = [
    "title",
    "description",
    "url",
    "baseurl",
    "permalink",
    "plugins",
    "gems",
    "theme",
    "remote_theme",
    "markdown",
    "kramdown",
    "highlighter",
    "exclude",
    "include",
    "keep_files",
    "source",
    "destination",
    "collections_dir",
    "plugins_dir",
    "layouts_dir",
    "data_dir",
    "includes_dir",
    "safe",
    "encoding",
    "timezone",
    "future",
    "unpublished",
    "show_drafts",
    "limit_posts",
    "incremental",
    "lsi",
    "excerpt_separator",
    "paginate",
    "paginate_path",
    "livereload",
    "port",
    "host",
    "strict_front_matter",
    "show_dir_listing",
    "quiet",
];

/// True when `root` is a Jekyll site.
pub fn detect(root: &Path) -> bool {
    CONFIG_FILES.iter().any(|f| root.join(f).is_file())
}

/// Reads the Jekyll site at `root`. Jekyll has one folder of posts: a
/// `section` is not used.
pub fn read(root: &Path, section: Option<&str>) -> Result<OldSite, String> {
    let config_file = notes::first_file(root, &CONFIG_FILES).ok_or_else(|| {
        format!(
            "{}: no _config.yml (expected a Jekyll site's root folder)",
            root.display()
        )
    })?;
    let config = read_config(&config_file)?;
    let mut site = OldSite {
        title: string_ci(&config, "title"),
        description: string_ci(&config, "description"),
        base_url: base_url(&config),
        feeds: feeds(&config),
        params: params(&config),
        ..OldSite::default()
    };
    if let Some(pattern) = permalink(&config) {
        site.permalinks.insert("*".into(), pattern);
    }
    if section.is_some() {
        site.notes
            .push("section: not used (a Jekyll site has one folder of posts, _posts/)".into());
    }
    scan(root, "", &config, &mut site)?;
    if site.content.is_empty() {
        return Err(format!(
            "{}: no _posts/ folder (expected the posts of a Jekyll site there)",
            root.display()
        ));
    }
    site.notes.extend(left_behind(root, &config));
    Ok(site)
}

/// `url` and `baseurl` joined: `https://x.org` + `/blog` is `https://x.org/blog/`.
fn base_url(config: &Table) -> Option<String> {
    let url = string_ci(config, "url")?;
    match string_ci(config, "baseurl").map(|b| b.trim_matches('/').to_string()) {
        Some(base) if !base.is_empty() => Some(format!("{}/{base}/", url.trim_end_matches('/'))),
        _ => Some(url),
    }
}

/// jekyll-feed's path (`feed.path`, default `/feed.xml`) when the plugin is used.
fn feeds(config: &Table) -> Vec<String> {
    let plugins = [strings_ci(config, "plugins"), strings_ci(config, "gems")].concat();
    if !plugins.iter().any(|p| p == "jekyll-feed") {
        return Vec::new();
    }
    let path = table_ci(config, "feed").and_then(|f| string_ci(f, "path"));
    vec![rooted(path.as_deref().unwrap_or("feed.xml"))]
}

/// The posts' pattern: front matter `defaults` for posts, else
/// `collections.posts.permalink`, else `permalink`; a style name is written
/// as the pattern Jekyll gives it.
fn permalink(config: &Table) -> Option<String> {
    let of_posts = table_ci(config, "collections")
        .and_then(|c| table_ci(c, "posts"))
        .and_then(|p| string_ci(p, "permalink"));
    let written = defaults_permalink(config)
        .or(of_posts)
        .or_else(|| string_ci(config, "permalink"))?;
    let pattern = match written.as_str() {
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext",
        "none" => "/:categories/:title:output_ext",
        pattern => pattern,
    };
    Some(pattern.to_string())
}

/// The `permalink` that `defaults` give every post (a scope of type
/// `posts` with no path, or the path `_posts`).
fn defaults_permalink(config: &Table) -> Option<String> {
    let defaults = crate::import::values::get_ci(config, "defaults")?.as_array()?;
    defaults
        .iter()
        .filter_map(Value::as_table)
        .find_map(|default| {
            let scope = table_ci(default, "scope")?;
            let path = string_ci(scope, "path").unwrap_or_default();
            let for_posts = string_ci(scope, "type").as_deref() == Some("posts") && path.is_empty()
                || path.trim_matches('/') == "_posts";
            table_ci(default, "values")
                .and_then(|v| string_ci(v, "permalink"))
                .filter(|_| for_posts)
        })
}

/// The other top-level scalar keys (`author`, `email`...): `site.*` in Liquid.
fn params(config: &Table) -> Table {
    config
        .iter()
        .filter(|(k, v)| !BUILD_KEYS.contains(&k.as_str()) && is_scalar(v))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Table(_))
}

/// Walks the folder `dir` (relative to `root`) as Jekyll does: `_posts/`
/// folders are posts, other files without front matter are static, pages
/// with front matter and `_`-named entries are said and left.
fn scan(root: &Path, dir: &str, config: &Table, site: &mut OldSite) -> Result<(), String> {
    for entry in files::read_dir(&root.join(dir))? {
        let name = entry.file_name().to_string_lossy().to_string();
        let rel = files::join(dir, &name);
        let kind = entry.file_type().map_err(|e| format!("{rel}: {e}"))?;
        if kind.is_symlink() {
            site.notes
                .push(format!("not imported: {rel}: a link (it is not followed)"));
        } else if name == "_posts" && kind.is_dir() {
            site.content.push((PathBuf::from(&rel), rel.clone()));
        } else if !served(&name, &rel, config) {
            continue;
        } else if kind.is_dir() {
            scan(root, &rel, config, site)?;
        } else if crate::site::is_markdown(&name)
            && dir.is_empty()
            && !files::has_front_matter(&entry.path())
        {
            site.notes.push(format!(
                "not imported: {rel}: the repository's markdown, not a post"
            ));
        } else if files::has_front_matter(&entry.path()) {
            site.notes.push(format!("not imported: {rel}: a file Jekyll renders (it has front matter: a page, or a stylesheet it compiles), not a post"));
        } else {
            site.statics.push((PathBuf::from(&rel), rel));
        }
    }
    Ok(())
}

/// True for what Jekyll copies or renders: not `_`- or dot-named (unless in
/// `include`), not excluded by default or by `exclude`.
fn served(name: &str, rel: &str, config: &Table) -> bool {
    let included = strings_ci(config, "include");
    if included.iter().any(|i| i.trim_matches('/') == rel) {
        return true;
    }
    let excluded = strings_ci(config, "exclude");
    let matches = |pattern: &String| {
        let p = pattern.trim_matches('/');
        p == rel
            || p == name
            || p.strip_suffix('*')
                .is_some_and(|prefix| rel.starts_with(prefix))
    };
    !(name.starts_with(['_', '.', '#', '~'])
        || name.ends_with('~')
        || EXCLUDED.contains(&name) && !rel.contains('/')
        || excluded.iter().any(matches))
}

/// One line per thing of the old site this import leaves behind.
fn left_behind(root: &Path, config: &Table) -> Vec<String> {
    let mut left = notes::folders_left(
        root,
        &[
            ("_drafts", "drafts (Jekyll publishes them only with --drafts; move one to _posts/ with a date to import it)"),
            ("_layouts", "layouts (this blog has its own)"),
            ("_includes", "includes (an `{% include %}` in a post stays as text, with a warning)"),
            ("_sass", "stylesheets (this blog has its own)"),
            ("_data", "data files (this blog does not read them)"),
            ("_site", "the built site (the posts are imported from their sources)"),
        ],
    );
    if let Some(collections) = table_ci(config, "collections") {
        for name in collections.keys().filter(|k| *k != "posts") {
            left.push(format!(
                "not imported: _{name}/: the collection `{name}` (only posts move in)"
            ));
        }
    }
    let theme = string_ci(config, "theme").or_else(|| string_ci(config, "remote_theme"));
    left.extend(notes::theme_left(theme));
    left
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_feeds_and_styles() {
        let config = crate::import::values::yaml_table(
            "url: https://x.org/\nbaseurl: /blog\nplugins: [jekyll-feed]\nfeed: {path: atom.xml}\npermalink: pretty\nauthor: A\nnav: [a]\n",
        )
        .unwrap();
        assert_eq!(base_url(&config).as_deref(), Some("https://x.org/blog/"));
        assert_eq!(feeds(&config), ["/atom.xml"]);
        assert_eq!(
            permalink(&config).as_deref(),
            Some("/:categories/:year/:month/:day/:title/")
        );
        assert_eq!(params(&config).keys().collect::<Vec<_>>(), ["author"]);
        assert!(!served("_site", "_site", &config));
        assert!(!served("Gemfile", "Gemfile", &config));
        assert!(served("favicon.ico", "favicon.ico", &config));
        let with_defaults = crate::import::values::yaml_table(
            "permalink: date\ndefaults:\n  - scope: {path: \"\", type: pages}\n    values: {permalink: /p/:title/}\n  - scope: {path: \"\", type: posts}\n    values: {permalink: /:year/:title/}\n",
        )
        .unwrap();
        assert_eq!(permalink(&with_defaults).as_deref(), Some("/:year/:title/"));
    }
}
