//! The sites in `tests/migrate/`, written in each generator's own conventions,
//! imported with `blog-content import` and built: zero errors, every post,
//! every old address kept (site-wide patterns, front matter, defaults), and
//! the warnings a moving blog should see: the links its old site already had
//! broken, what cannot be translated. (`tests/e2e/migrate.test.mjs` then
//! checks the same builds in Chromium.) A site copied in by hand still builds.

mod common;

use std::path::{Path, PathBuf};

use common::Scratch;

use blog_content::build::{compile_content, BuildArgs};
use blog_content::import::{import, ImportArgs};
use blog_content::site::Compiled;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/migrate")
        .join(name)
}

fn build_at(content: &Path, site: &Path) -> Compiled {
    let args = BuildArgs {
        content: content.to_path_buf(),
        site: site.to_path_buf(),
        drafts: false,
        now: Some("2026-01-01".into()),
        ..BuildArgs::default()
    };
    compile_content(&args)
        .unwrap_or_else(|e| panic!("{}: {e}", content.display()))
        .0
}

/// The fixture imported into a fresh folder, then built.
fn import_and_build(name: &str) -> (Compiled, Scratch) {
    let into = Scratch::new(name);
    import(&ImportArgs {
        from: fixture(name),
        into: into.0.clone(),
        ..ImportArgs::default()
    })
    .unwrap_or_else(|e| panic!("import {name}: {e}"));
    let compiled = build_at(&into.0.join("content"), &into.0.join("site.toml"));
    (compiled, into)
}

fn slugs(c: &Compiled) -> Vec<&str> {
    c.manifest.posts.iter().map(|p| p.slug.as_str()).collect()
}

fn redirects(c: &Compiled) -> Vec<(&str, &str)> {
    c.redirects
        .iter()
        .map(|(from, to)| (from.as_str(), to.as_str()))
        .collect()
}

/// The warnings but the unknown fields' (every theme has its own), as
/// `file:line: field: message` with the path from `content/`.
fn warnings(c: &Compiled, dir: &Scratch) -> Vec<String> {
    let prefix = format!("{}/content/", dir.0.display());
    c.warnings
        .iter()
        .filter(|w| w.kind() != "unknown field")
        .map(|w| w.to_string().replace(&prefix, ""))
        .collect()
}

/// The ids of a post's headings.
fn heading_ids<'a>(c: &'a Compiled, slug: &str) -> Vec<&'a str> {
    let i = c
        .manifest
        .posts
        .iter()
        .position(|p| p.slug == slug)
        .unwrap();
    c.rendered[i]
        .headings
        .iter()
        .map(|h| h.id.as_str())
        .collect()
}

/// The body a post's page shows.
fn html<'a>(c: &'a Compiled, slug: &str) -> &'a str {
    let i = c
        .manifest
        .posts
        .iter()
        .position(|p| p.slug == slug)
        .unwrap();
    &c.rendered[i].html
}

#[test]
fn a_jekyll_site_imports_and_builds_with_its_addresses_and_ids() {
    let (c, dir) = import_and_build("jekyll");
    assert_eq!(
        slugs(&c),
        ["new-office", "follow-up", "launch-notes", "hello-team"]
    );
    assert_eq!(
        redirects(&c),
        [
            ("/blog/2012/01/05/hello-team", "hello-team"),
            ("/blog/2019/05/07/launch-notes", "launch-notes"),
            ("/blog/2025/01/29/new-office", "new-office"),
            ("/launch", "launch-notes"),
            ("/release/2019/05/07/launch-notes.html", "launch-notes"),
            ("/release/2019/06/01/follow-up.html", "follow-up"),
        ]
    );
    // `Team` and `team`: one category, as on the old site
    let categories: Vec<Option<&str>> = c
        .manifest
        .posts
        .iter()
        .map(|p| p.category.as_deref())
        .collect();
    assert_eq!(categories[0], categories[3]);
    // kramdown's ids, as Jekyll 4.3 built them (Liquid emptied the `{{ }}`
    // in the second heading's code span: it counts as nothing)
    assert_eq!(
        heading_ids(&c, "hello-team"),
        [
            "whats-in-a-release-note",
            "templates-quoted--and-friends",
            "ready-lets-go-"
        ]
    );
    assert_eq!(
        heading_ids(&c, "new-office"),
        ["moving-day-boxes-cables--coffee-"]
    );
    // the last of a key set twice; Liquid translated
    let hello = &c.manifest.posts[3];
    assert_eq!(hello.tags, ["welcome", "process"]);
    assert!(html(&c, "hello-team").contains("#releases"));
    assert!(html(&c, "new-office").contains("src=\"/assets/img/office.png\""));
    let w = warnings(&c, &dir);
    assert!(
        w.iter()
            .any(|w| w.contains("link: `TODO` does not match any post")
                || w.contains("link: `TODO` leads nowhere")),
        "{w:#?}"
    );
    assert!(w.iter().all(|w| w.contains("warning:")), "{w:#?}");
}

#[test]
fn a_hugo_site_imports_and_builds_with_its_addresses_and_ids() {
    let (c, dir) = import_and_build("hugo");
    let mut got = slugs(&c);
    got.sort_unstable();
    assert_eq!(
        got,
        [
            "bundle",
            "first-post",
            "news/first-post",
            "news/update",
            "on-call-week-12",
            "release-v2"
        ]
    );
    assert_eq!(
        redirects(&c),
        [
            ("/2020/old-update", "news/update"),
            ("/2021/03/a-page-bundle", "bundle"),
            ("/2021/03/first-post", "first-post"),
            (
                "/2021/03/on-call-week-12-the-pager-that-cried-wolf",
                "on-call-week-12"
            ),
            ("/2021/04/release-v2", "release-v2"),
            ("/news/first-post", "news/first-post"),
            ("/news/update", "news/update"),
        ]
    );
    assert!(heading_ids(&c, "release-v2").contains(&"migrating-from--v1180"));
    // authors as a table and a list of tables, with their links
    let release = c
        .manifest
        .posts
        .iter()
        .find(|p| p.slug == "release-v2")
        .unwrap();
    assert!(release.authors[0].url.is_some(), "{:?}", release.authors);
    let on_call = c
        .manifest
        .posts
        .iter()
        .find(|p| p.slug == "on-call-week-12")
        .unwrap();
    assert_eq!(on_call.authors.len(), 2);
    // shortcodes: the figure, the alert, the video as a link, the param
    let body = html(&c, "release-v2");
    assert!(body.contains("<figure"), "{body}");
    assert!(
        body.contains("markdown-alert") || body.contains("alert"),
        "{body}"
    );
    assert!(body.contains("youtube.com"), "{body}");
    assert!(body.contains("the #platform channel"), "{body}");
    let w = warnings(&c, &dir);
    // the anchor with the wrong case was already broken on the old site
    assert!(
        w.iter().any(|w| w.contains("#Migrating-from--v1180")),
        "{w:#?}"
    );
    assert!(w.iter().all(|w| w.contains("warning:")), "{w:#?}");
}

#[test]
fn a_zola_site_imports_and_builds_with_its_addresses_and_ids() {
    let (c, dir) = import_and_build("zola");
    let mut got = slugs(&c);
    got.sort_unstable();
    assert_eq!(
        got,
        [
            "blog/first-steps",
            "blog/rust-soundness",
            "notes/second",
            "notes/third"
        ]
    );
    assert_eq!(
        redirects(&c),
        [
            ("/2022/old-third", "notes/third"),
            ("/2022/third-note", "notes/third"),
            ("/blog/first-steps", "blog/first-steps"),
            ("/blog/rust-soundness", "blog/rust-soundness"),
            ("/notes/second", "notes/second"),
        ]
    );
    assert!(heading_ids(&c, "blog/rust-soundness").contains(&"i-unsound-issues-crab"));
    assert!(html(&c, "notes/third").contains("youtube.com"));
    let w = warnings(&c, &dir);
    assert!(w.iter().all(|w| w.contains("warning:")), "{w:#?}");
}

#[test]
fn a_site_copied_in_by_hand_still_builds() {
    // Hugo's content folder as it is, `_index.md` sections included, and a
    // site.toml written by hand.
    let dir = Scratch::new("by-hand");
    std::fs::create_dir_all(&dir.0).unwrap();
    let site = dir.0.join("site.toml");
    std::fs::write(&site, "title = \"By hand\"\nmoved_from = \"hugo\"\n").unwrap();
    let c = build_at(&fixture("hugo").join("content"), &site);
    assert!(slugs(&c).contains(&"release-v2"), "{:?}", slugs(&c));
    // no [permalinks]: Hugo's default addresses
    assert!(redirects(&c).contains(&("/news/update", "news/update")));
}
