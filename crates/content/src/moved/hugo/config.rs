//! A Hugo site's configuration and layout, for `blog-content import`.
//!
//! The configuration is `hugo.toml|yaml|json` or `config.toml|yaml|json` at
//! the root, and/or the files of `config/_default/` (`params.toml` is
//! `[params]`...); its keys are case-insensitive (`baseURL`). The posts are
//! one or more sections (top-level folders of `content/`, or of the default
//! language's `content/<lang>/`): `--section` names them, else
//! `mainSections` (top-level or in `params`), else a section named as a
//! blog's (`blog`, `posts`, `post`, `news`...) with dated pages, else the
//! section with the most dated pages. Feeds are the RSS of the home page and of each section moved
//! in (`/index.xml`, `/posts/index.xml`) unless RSS is turned off;
//! `[permalinks]` (or `[permalinks.page]`) patterns of those sections carry
//! over, keyed by section; `params` is `[params]`. `static/` (or `staticDir`)
//! is served at the root.

use std::path::{Path, PathBuf};

use toml::{Table, Value};

use crate::import::files::{self, Markdown};
use crate::import::notes::{self, or_none};
use crate::import::values::{get_ci, read_config, string_ci, strings_ci, table_ci};
use crate::moved::OldSite;

const ROOT_FILES: [&str; 8] = [
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
];
const CONFIG_DIR: &str = "config/_default";
/// Names of sections that hold a blog, preferred over a section with more
/// dated pages (Docsy's `docs/` pages all carry a date).
const BLOG_NAMES: [&str; 6] = ["blog", "posts", "post", "news", "articles", "writing"];

/// True when `root` is a Hugo site: a `hugo.*` file, a `config/_default/`
/// folder, or a `config.*` file without Zola's `base_url` key.
pub fn detect(root: &Path) -> bool {
    root.join(CONFIG_DIR).is_dir()
        || ROOT_FILES[..4].iter().any(|f| root.join(f).is_file())
        || ROOT_FILES[4..].iter().any(|f| {
            let path = root.join(f);
            path.is_file() && read_config(&path).is_ok_and(|t| !t.contains_key("base_url"))
        })
}

/// Reads the Hugo site at `root`; `section` names the section(s) of posts
/// (comma-separated), else they are found as said above.
pub fn read(root: &Path, section: Option<&str>) -> Result<OldSite, String> {
    let config = load(root)?;
    let params = table_ci(&config, "params").cloned().unwrap_or_default();
    let mut site = OldSite {
        title: string_ci(&config, "title"),
        description: string_ci(&config, "description")
            .or_else(|| string_ci(&params, "description")),
        base_url: string_ci(&config, "baseURL"),
        ..OldSite::default()
    };
    let content_root = language_root(root, &config, &mut site.notes);
    site.other_languages = other_languages(&config);
    let sections = choose_sections(
        root,
        &content_root,
        &config,
        &params,
        section,
        &mut site.notes,
    )?;
    for name in &sections {
        site.content.push((content_root.join(name), name.clone()));
    }
    site.notes
        .extend(other_content(root, &content_root, &sections)?);
    site.feeds = feeds(&config, &sections);
    site.permalinks = permalinks(&config, &sections, &mut site.notes);
    site.params = params;
    for dir in static_dirs(&config) {
        if root.join(&dir).is_dir() {
            site.statics.push((PathBuf::from(dir), String::new()));
        }
    }
    site.notes.extend(left_behind(root, &config));
    Ok(site)
}

/// The configuration: the root file, with the files of `config/_default/`
/// (`hugo.toml`/`config.toml` merged at the top, `params.toml` as `params`...).
fn load(root: &Path) -> Result<Table, String> {
    let mut config = match notes::first_file(root, &ROOT_FILES) {
        Some(path) => read_config(&path)?,
        None => Table::new(),
    };
    let dir = root.join(CONFIG_DIR);
    if dir.is_dir() {
        for entry in files::read_dir(&dir)? {
            let path = entry.path();
            let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().to_string()) else {
                continue;
            };
            let Ok(table) = read_config(&path) else {
                continue;
            };
            if matches!(stem.as_str(), "hugo" | "config") {
                for (k, v) in table {
                    config.entry(k).or_insert(v);
                }
            } else {
                config.entry(stem).or_insert(Value::Table(table));
            }
        }
    } else if config.is_empty() {
        return Err(format!(
            "{}: no hugo.toml, config.toml or config/_default/ (expected a Hugo site's root folder)",
            root.display()
        ));
    }
    Ok(config)
}

/// The configured languages but the default one (`defaultContentLanguage`,
/// `en` unless set).
fn other_languages(config: &Table) -> Vec<String> {
    let default = string_ci(config, "defaultContentLanguage").unwrap_or_else(|| "en".into());
    table_ci(config, "languages")
        .map(|languages| {
            languages
                .keys()
                .filter(|l| !l.eq_ignore_ascii_case(&default))
                .map(|l| l.to_ascii_lowercase())
                .collect()
        })
        .unwrap_or_default()
}

/// The content folder of the default language (`content/en/`, or its
/// `contentDir`), else `content/` (or `contentDir`), relative to the root.
fn language_root(root: &Path, config: &Table, notes: &mut Vec<String>) -> PathBuf {
    let content =
        PathBuf::from(string_ci(config, "contentDir").unwrap_or_else(|| "content".into()));
    let Some(languages) = table_ci(config, "languages") else {
        return content;
    };
    let default = string_ci(config, "defaultContentLanguage").unwrap_or_else(|| "en".into());
    let dir_of = |lang: &str| {
        let own = table_ci(languages, lang).and_then(|l| string_ci(l, "contentDir"));
        own.map(PathBuf::from).unwrap_or_else(|| content.join(lang))
    };
    for lang in languages
        .keys()
        .filter(|l| !l.eq_ignore_ascii_case(&default))
    {
        if root.join(dir_of(lang)).is_dir() {
            notes.push(format!(
                "not imported: {}/: the pages in `{lang}` (only the default language, `{default}`, moves in)",
                dir_of(lang).display()
            ));
        }
    }
    let own = dir_of(&default);
    if root.join(&own).is_dir() {
        own
    } else {
        content
    }
}

/// The sections of posts, with a line saying how they were chosen: named
/// by `--section`, else `mainSections`, else the busiest blog-named section,
/// else the busiest section (by dated pages).
fn choose_sections(
    root: &Path,
    content: &Path,
    config: &Table,
    params: &Table,
    named: Option<&str>,
    notes: &mut Vec<String>,
) -> Result<Vec<String>, String> {
    let folder = root.join(content);
    let counts = section_counts(&folder)?;
    let listing = counts
        .iter()
        .map(|(n, c)| format!("{n} ({c})"))
        .collect::<Vec<_>>()
        .join(", ");
    let (chosen, how) = match named {
        Some(named) => (
            named_sections(&folder, named, &counts, &listing)?,
            "named by --section".to_string(),
        ),
        None => match main_sections(config, params, &counts) {
            Some(main) => (
                main,
                "the site's mainSections; another: --section NAME".into(),
            ),
            None => busiest_section(&folder, &counts, &listing)?,
        },
    };
    notes.push(format!("section: {} ({how})", chosen.join(", ")));
    Ok(chosen)
}

/// The sections named by `--section` (comma-separated), each of which must be there.
fn named_sections(
    folder: &Path,
    named: &str,
    counts: &[(String, usize)],
    listing: &str,
) -> Result<Vec<String>, String> {
    let chosen: Vec<String> = named
        .split(',')
        .map(|s| s.trim().trim_matches('/').to_string())
        .collect();
    match chosen.iter().find(|s| !counts.iter().any(|(n, _)| n == *s)) {
        Some(missing) => Err(format!(
            "{}: no section `{missing}` (expected a folder of posts there; its sections, with their dated pages: {})",
            folder.display(),
            or_none(listing)
        )),
        None => Ok(chosen),
    }
}

/// `mainSections` (top-level, or in `params`) that are there, if any.
fn main_sections(
    config: &Table,
    params: &Table,
    counts: &[(String, usize)],
) -> Option<Vec<String>> {
    let main = [
        strings_ci(config, "mainSections"),
        strings_ci(params, "mainSections"),
    ]
    .concat();
    let main: Vec<String> = main
        .into_iter()
        .filter(|s| counts.iter().any(|(n, _)| n == s))
        .collect();
    (!main.is_empty()).then_some(main)
}

/// The blog-named section with the most dated pages, else the section with
/// the most dated pages.
fn busiest_section(
    folder: &Path,
    counts: &[(String, usize)],
    listing: &str,
) -> Result<(Vec<String>, String), String> {
    let dated = || counts.iter().filter(|(_, c)| *c > 0);
    let most = |a: &&(String, usize), b: &&(String, usize)| a.1.cmp(&b.1).then(b.0.cmp(&a.0));
    let blog_named = dated()
        .filter(|(n, _)| BLOG_NAMES.contains(&n.to_ascii_lowercase().as_str()))
        .max_by(most);
    if let Some((name, _)) = blog_named {
        let how =
            format!("named as a blog's, with dated pages, of: {listing}; another: --section NAME");
        return Ok((vec![name.clone()], how));
    }
    match dated().max_by(most) {
        Some((name, _)) => {
            let how = format!("the one with the most dated pages, of: {listing}; another: --section NAME");
            Ok((vec![name.clone()], how))
        }
        None => Err(format!(
            "{}: no section holds dated pages (expected the posts in a folder such as content/posts/; name it with --section NAME)",
            folder.display()
        )),
    }
}

/// Each section (top-level folder) of `content` with its count of dated pages.
fn section_counts(content: &Path) -> Result<Vec<(String, usize)>, String> {
    let mut counts = Vec::new();
    for entry in files::read_dir(content)? {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') || !entry.path().is_dir() {
            continue;
        }
        let dated = files::files_under(&entry.path())?
            .iter()
            .filter(|f| {
                crate::site::is_markdown(f)
                    && files::classify(&entry.path().join(f), f) == Markdown::Post
            })
            .count();
        counts.push((name, dated));
    }
    Ok(counts)
}

/// One line per entry of the content folder that is not a section moved in.
fn other_content(root: &Path, content: &Path, sections: &[String]) -> Result<Vec<String>, String> {
    let mut notes = Vec::new();
    for entry in files::read_dir(&root.join(content))? {
        let name = entry.file_name().to_string_lossy().to_string();
        let shown = content.join(&name).display().to_string();
        if name.starts_with('.') || sections.contains(&name) {
            continue;
        }
        if entry.path().is_dir() {
            notes.push(format!("not imported: {shown}/: the section `{name}`, not the blog's (import it with --section {name})"));
        } else if name.starts_with("_index.") {
            notes.push(format!(
                "not imported: {shown}: the home page (this blog makes its own)"
            ));
        } else if crate::site::is_markdown(&name) {
            notes.push(format!(
                "not imported: {shown}: a page outside the blog's section, not a post"
            ));
        }
    }
    Ok(notes)
}

/// The RSS feeds Hugo wrote for the home page and the sections moved in.
fn feeds(config: &Table, sections: &[String]) -> Vec<String> {
    let disabled = strings_ci(config, "disableKinds");
    if disabled.iter().any(|k| k.eq_ignore_ascii_case("rss")) {
        return Vec::new();
    }
    let outputs = table_ci(config, "outputs");
    let has_rss = |kind: &str| {
        outputs.and_then(|o| get_ci(o, kind)).is_none()
            || outputs.is_some_and(|o| {
                strings_ci(o, kind)
                    .iter()
                    .any(|f| f.eq_ignore_ascii_case("rss"))
            })
    };
    let base = table_ci(config, "outputFormats")
        .and_then(|f| table_ci(f, "rss"))
        .and_then(|r| string_ci(r, "baseName"))
        .unwrap_or_else(|| "index".into());
    let mut feeds = Vec::new();
    if has_rss("home") {
        feeds.push(format!("/{base}.xml"));
    }
    if has_rss("section") {
        feeds.extend(sections.iter().map(|s| format!("/{s}/{base}.xml")));
    }
    feeds
}

/// `[permalinks]` (or `[permalinks.page]`) patterns of the sections moved in.
fn permalinks(
    config: &Table,
    sections: &[String],
    notes: &mut Vec<String>,
) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    let Some(table) = table_ci(config, "permalinks") else {
        return out;
    };
    let pages = table_ci(table, "page").unwrap_or(table);
    for (key, value) in pages {
        let Some(pattern) = value.as_str() else {
            continue;
        };
        if sections.contains(key) {
            out.insert(key.clone(), pattern.to_string());
        } else {
            notes.push(format!(
                "not imported: permalinks.{key} = \"{pattern}\": `{key}` is not a section moved in"
            ));
        }
    }
    out
}

fn static_dirs(config: &Table) -> Vec<String> {
    match strings_ci(config, "staticDir") {
        dirs if dirs.is_empty() => vec!["static".into()],
        dirs => dirs,
    }
}

/// One line per thing of the old site this import leaves behind.
fn left_behind(root: &Path, config: &Table) -> Vec<String> {
    let mut left = notes::folders_left(
        root,
        &[
            ("layouts", "templates (this blog has its own)"),
            (
                "themes",
                "themes (this blog has its own look; a theme's static files are not copied)",
            ),
            (
                "assets",
                "assets Hugo processes (Hugo Pipes; copy what posts use into static/ by hand)",
            ),
            ("data", "data files (this blog does not read them)"),
            ("i18n", "translations of the templates"),
            ("archetypes", "templates of new posts"),
        ],
    );
    left.extend(notes::theme_left(
        strings_ci(config, "theme").into_iter().next(),
    ));
    left
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_follow_outputs_and_permalinks_both_forms() {
        let sections = ["posts".to_string()];
        let t: Table = "disableKinds = [\"RSS\"]".parse().unwrap();
        assert!(feeds(&t, &sections).is_empty());
        let t: Table = "[outputs]\nhome = [\"HTML\"]".parse().unwrap();
        assert_eq!(feeds(&t, &sections), ["/posts/index.xml"]);
        let mut notes = Vec::new();
        let t: Table = "[permalinks.page]\nposts = \"/:year/:slug/\"\ntags = \"/t/:slug/\""
            .parse()
            .unwrap();
        assert_eq!(
            permalinks(&t, &sections, &mut notes)["posts"],
            "/:year/:slug/"
        );
        assert_eq!(notes.len(), 1);
        let t: Table = "[permalinks]\nposts = \"/:year/:slug/\"".parse().unwrap();
        assert_eq!(
            permalinks(&t, &sections, &mut notes)["posts"],
            "/:year/:slug/"
        );
    }
}
