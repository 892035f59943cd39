//! `blog-content import PATH`: copies a Jekyll, Hugo or Zola site in.
//!
//! Finds the generator by its config file (or `--generator`), asks its reader
//! (`moved/<generator>/config.rs`) where the posts and static files are, then
//! copies the posts unchanged into `content/` (with the files beside them),
//! the files the old site served at its root into `static/`, and writes
//! `site.toml` from the old config. Everything is read and checked before
//! anything is written; the old site is only read.

pub mod files;
pub mod notes;
pub mod site_toml;
pub mod values;

use std::path::{Path, PathBuf};

use crate::moved::{Generator, OldSite};
use files::{Copy, Markdown};
use notes::or_none;

/// What to import, and where.
#[derive(Debug, Clone, Default)]
pub struct ImportArgs {
    /// The old site's folder.
    pub from: PathBuf,
    /// The folder that gets `content/`, `static/` and `site.toml`.
    pub into: PathBuf,
    /// The generator, when its config file does not tell.
    pub generator: Option<Generator>,
    /// The folder of posts, where the generator has several (Hugo's sections).
    pub section: Option<String>,
}

/// What was imported, and what could not be: one line each.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub lines: Vec<String>,
}

/// The files to copy, and the markdown files left out.
#[derive(Debug, Default)]
struct Plan {
    posts: Vec<Copy>,
    /// How many posts each content folder gave, in `OldSite::content`'s order.
    counts: Vec<usize>,
    beside: Vec<Copy>,
    statics: Vec<Copy>,
    left_out: Vec<String>,
    /// The old site's other languages: their pages (`name.fr.md`) stay out.
    other_languages: Vec<String>,
}

/// Imports the site.
pub fn import(args: &ImportArgs) -> Result<Report, String> {
    if !args.from.is_dir() {
        return Err(format!(
            "{}: not a folder (expected the old site's folder, the one with its configuration file)",
            args.from.display()
        ));
    }
    let (generator, how) = generator_of(args)?;
    let old = generator.read_site(&args.from, args.section.as_deref())?;
    let plan = plan(&args.from, &old)?;
    let text = site_toml::render(generator, &old, !plan.statics.is_empty(), &args.from)?;
    check_destination(args, &plan)?;
    let content = args.into.join("content");
    files::copy_all(&plan.posts, &content)?;
    files::copy_all(&plan.beside, &content)?;
    files::copy_all(&plan.statics, &args.into.join("static"))?;
    let site = args.into.join("site.toml");
    std::fs::write(&site, text).map_err(|e| format!("{}: cannot write: {e}", site.display()))?;
    Ok(report(generator, how, &old, &plan, args))
}

/// The generator named by `--generator`, else the one whose config file is there.
fn generator_of(args: &ImportArgs) -> Result<(Generator, &'static str), String> {
    if let Some(g) = args.generator {
        return Ok((g, "named by --generator"));
    }
    Generator::ALL
        .into_iter()
        .find(|g| g.detect(&args.from))
        .map(|g| (g, "found by its configuration file"))
        .ok_or_else(|| {
            format!(
                "{}: no Jekyll (_config.yml), Hugo (hugo.toml, config.toml, config/_default/) or Zola (config.toml or zola.toml with `base_url`) configuration found (expected the old site's root folder; or name the generator with --generator jekyll|hugo|zola)",
                args.from.display()
            )
        })
}

/// Reads which files go where: the posts and the files beside them from the
/// content folders, the static files; markdown that is not a post is left out.
fn plan(root: &Path, old: &OldSite) -> Result<Plan, String> {
    let mut plan = Plan {
        other_languages: old.other_languages.clone(),
        ..Plan::default()
    };
    for (dir, dest) in &old.content {
        let folder = root.join(dir);
        let before = plan.posts.len();
        for rel in files::files_under(&folder)? {
            let copy = Copy {
                from: folder.join(&rel),
                to: files::join(dest, &rel),
            };
            plan.place(copy, &files::join(&dir.to_string_lossy(), &rel));
        }
        plan.counts.push(plan.posts.len() - before);
    }
    for (from, to) in &old.statics {
        plan.statics.extend(files::copies_of(&root.join(from), to)?);
    }
    Ok(plan)
}

impl Plan {
    /// Puts a file of a content folder (`shown` as under the old site) with
    /// the posts, the files beside them, or the files left out.
    fn place(&mut self, copy: Copy, shown: &str) {
        if !crate::site::is_markdown(shown) {
            if files::has_front_matter(&copy.from) {
                self.left_out.push(format!(
                    "not imported: {shown}: a page with front matter that is not markdown (only markdown posts move in)"
                ));
            } else {
                self.beside.push(copy);
            }
            return;
        }
        if let Some(lang) = self.language_of(shown) {
            self.left_out.push(format!(
                "not imported: {shown}: the page in `{lang}` (only the default language moves in)"
            ));
            return;
        }
        match files::classify(&copy.from, shown) {
            Markdown::Post => self.posts.push(copy),
            Markdown::SectionPage => self.left_out.push(format!(
                "not imported: {shown}: a section's page (its list of posts), not a post; this blog lists posts by itself"
            )),
            Markdown::Undated => self.left_out.push(format!(
                "not imported: {shown}: a page without a date, not a post (add `date:` to its front matter and copy it into content/ to make it one)"
            )),
        }
    }
}

impl Plan {
    /// The other language a markdown file is in, by its name (`x.fr.md`).
    fn language_of(&self, shown: &str) -> Option<&str> {
        let file = shown.rsplit('/').next().unwrap_or(shown);
        let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
        let (_, lang) = stem.rsplit_once('.')?;
        self.other_languages
            .iter()
            .map(String::as_str)
            .find(|l| l.eq_ignore_ascii_case(lang))
    }
}

/// Refuses a destination that already has a site, posts or any of the files
/// to copy, or that lies inside the old site: nothing is written then.
fn check_destination(args: &ImportArgs, plan: &Plan) -> Result<(), String> {
    let from = resolved(&args.from);
    if resolved(&args.into).starts_with(&from) {
        return Err(format!(
            "{}: is the old site's folder or inside it ({}), and the import never writes into the old site (expected another folder: --into NEW_DIR)",
            args.into.display(),
            from.display()
        ));
    }
    let site = args.into.join("site.toml");
    if site.exists() {
        return Err(format!(
            "{}: already exists, so this folder already has a site (expected a folder without one: import with --into NEW_DIR, or move site.toml aside first)",
            site.display()
        ));
    }
    no_posts_in(&args.into.join("content"))?;
    no_file_taken(args, plan)
}

/// Refuses a `content/` folder that already holds markdown.
fn no_posts_in(content: &Path) -> Result<(), String> {
    if !content.is_dir() {
        return Ok(());
    }
    let markdown: Vec<String> = files::files_under(content)?
        .into_iter()
        .filter(|f| crate::site::is_markdown(f))
        .collect();
    match markdown.first() {
        Some(first) => Err(format!(
            "{}: already holds {} markdown file(s) ({first}…) (expected no posts there: import with --into NEW_DIR, or move them aside first)",
            content.display(),
            markdown.len()
        )),
        None => Ok(()),
    }
}

/// Refuses to overwrite any file: each file to copy must not be there yet.
fn no_file_taken(args: &ImportArgs, plan: &Plan) -> Result<(), String> {
    let content = args.into.join("content");
    let static_dir = args.into.join("static");
    let posts = plan
        .posts
        .iter()
        .chain(&plan.beside)
        .map(|c| content.join(&c.to));
    let statics = plan.statics.iter().map(|c| static_dir.join(&c.to));
    match posts.chain(statics).find(|p| p.exists()) {
        Some(path) => Err(format!(
            "{}: already exists (expected the import's files not to be there yet: import with --into NEW_DIR, or move it aside first)",
            path.display()
        )),
        None => Ok(()),
    }
}

/// `path` made absolute, with its existing part's links resolved.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => resolved(parent).join(name),
        _ => absolute,
    }
}

/// The lines printed: what was chosen, what was imported, what was not.
fn report(
    generator: Generator,
    how: &str,
    old: &OldSite,
    plan: &Plan,
    args: &ImportArgs,
) -> Report {
    let mut lines = vec![format!("generator: {} ({how})", generator.name())];
    let (left, said): (Vec<&String>, Vec<&String>) = old
        .notes
        .iter()
        .partition(|n| n.starts_with("not imported"));
    lines.extend(said.into_iter().cloned());
    lines.extend(imported(old, plan));
    lines.push(format!("wrote {}", args.into.join("site.toml").display()));
    if let Some(url) = old
        .base_url
        .as_deref()
        .filter(|u| !site_toml::is_absolute(u))
    {
        lines.push(format!("not imported: the address `{url}`: not an absolute http(s) address (set `base_url` in site.toml by hand, e.g. `https://example.com`)"));
    }
    lines.extend(left.into_iter().cloned());
    lines.extend(plan.left_out.iter().cloned());
    Report { lines }
}

/// One line each for the posts of each folder, the files beside them, the
/// static files, the feeds, the permalinks and the params.
fn imported(old: &OldSite, plan: &Plan) -> Vec<String> {
    let mut lines = Vec::new();
    for ((dir, dest), count) in old.content.iter().zip(&plan.counts) {
        let folder = format!("content/{dest}").trim_end_matches('/').to_string() + "/";
        lines.push(format!(
            "posts: {count} from {}/ into {folder}",
            dir.display()
        ));
    }
    let beside: Vec<&str> = plan.beside.iter().map(|c| c.to.as_str()).collect();
    lines.push(format!(
        "files beside the posts: {}{}",
        beside.len(),
        listed(&beside)
    ));
    let statics: Vec<&str> = plan.statics.iter().map(|c| c.to.as_str()).collect();
    lines.push(format!(
        "static files: {} into static/{}",
        statics.len(),
        listed(&statics)
    ));
    lines.push(format!("feeds kept: {}", or_none(&old.feeds.join(", "))));
    let permalinks: Vec<String> = old
        .permalinks
        .iter()
        .map(|(k, v)| format!("{k} = {v}"))
        .collect();
    lines.push(format!("permalinks: {}", or_none(&permalinks.join(", "))));
    let params: Vec<&str> = old.params.keys().map(String::as_str).collect();
    lines.push(format!("params: {}", or_none(&params.join(", "))));
    lines
}

/// ` (a, b, c)`, or nothing for an empty list; long lists shortened.
fn listed(items: &[&str]) -> String {
    match items.len() {
        0 => String::new(),
        n if n <= 8 => format!(" ({})", items.join(", ")),
        n => format!(" ({}, … and {} more)", items[..8].join(", "), n - 8),
    }
}
