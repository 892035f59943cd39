//! The blogs in `tests/migrate/`, written in each generator's own conventions,
//! build as copied: every post, every old address kept, and exactly the
//! warnings expected. (`tests/e2e/migrate.test.mjs` then checks them in Chromium.)

use std::path::PathBuf;

use blog_content::build::{compile_content, BuildArgs};

fn build(name: &str) -> blog_content::site::Compiled {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/migrate")
        .join(name);
    let args = BuildArgs {
        content: root.join("content"),
        site: root.join("site.toml"),
        drafts: false,
        now: Some("2026-01-01".into()),
        ..BuildArgs::default()
    };
    compile_content(&args)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .0
}

/// The redirects as (old address, slug).
fn redirects(c: &blog_content::site::Compiled) -> Vec<(&str, &str)> {
    c.redirects
        .iter()
        .map(|(from, to)| (from.as_str(), to.as_str()))
        .collect()
}

/// The warnings as printed, paths relative to this crate.
fn warnings(c: &blog_content::site::Compiled) -> Vec<String> {
    let here = format!("{}/", env!("CARGO_MANIFEST_DIR"));
    c.warnings
        .iter()
        .map(|w| w.to_string().replace(&here, ""))
        .collect()
}

#[test]
fn jekyll_posts_keep_their_dated_addresses_and_redirects() {
    let c = build("jekyll");
    let slugs: Vec<&str> = c.manifest.posts.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["follow-up", "launch-notes"]);
    let redirects = redirects(&c);
    assert_eq!(
        redirects,
        [
            ("/launch", "launch-notes"),
            ("/release/2019/05/07/launch-notes.html", "launch-notes"),
            ("/release/2019/06/01/follow-up.html", "follow-up"),
        ]
    );
    let warnings = warnings(&c);
    assert_eq!(
        warnings,
        [
            "../../tests/migrate/jekyll/content/_posts/2019-05-07-launch-notes.md:2: warning: layout: unknown field, ignored (expected one of title, date, updated, category, summary, tags, draft, slug, author, aliases, permalink)",
            "../../tests/migrate/jekyll/content/_posts/2019-06-01-follow-up.md:2: warning: layout: unknown field, ignored (expected one of title, date, updated, category, summary, tags, draft, slug, author, aliases, permalink)",
        ]
    );
}

#[test]
fn hugo_bundles_refs_and_aliases_build_and_shortcodes_are_reported() {
    let c = build("hugo");
    let slugs: Vec<&str> = c.manifest.posts.iter().map(|p| p.slug.as_str()).collect();
    // news/first-post.md and posts/first-post.md are two posts, as on Hugo
    assert_eq!(
        slugs,
        ["news/update", "bundle", "news/first-post", "first-post"]
    );
    assert_eq!(c.assets, ["posts/bundle/diagram.svg"]);
    let redirects = redirects(&c);
    // posts/ is where both sites keep posts: those need no redirect
    assert_eq!(
        redirects,
        [
            ("/2020/old-update", "news/update"),
            ("/news/first-post", "news/first-post"),
            ("/news/update", "news/update")
        ]
    );
    let warnings = warnings(&c);
    assert_eq!(
        warnings,
        ["../../tests/migrate/hugo/content/posts/first-post.md:11: warning: shortcode: `{{< youtube dQw4w9WgXcQ >}}` is not something this blog can translate; it shows as text (expected a link: Hugo's `ref` or `relref`, Jekyll's `post_url`, `link` or `site.baseurl`)"]
    );
}

#[test]
fn zola_sections_bundles_paths_and_aliases_build_and_shortcodes_are_reported() {
    let c = build("zola");
    let slugs: Vec<&str> = c.manifest.posts.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["notes/third", "notes/second", "blog/first-steps"]);
    assert_eq!(c.assets, ["blog/first-steps/map.svg"]);
    assert_eq!(
        redirects(&c),
        [
            ("/2022/old-third", "notes/third"),
            ("/2022/third-note", "notes/third"),
            ("/blog/first-steps", "blog/first-steps"),
            ("/notes/second", "notes/second"),
        ]
    );
    assert_eq!(
        warnings(&c),
        ["../../tests/migrate/zola/content/notes/third.md:13: warning: shortcode: `{{ youtube(id=\"dQw4w9WgXcQ\") }}` is not something this blog can translate; it shows as text (expected a link: Hugo's `ref` or `relref`, Jekyll's `post_url`, `link` or `site.baseurl`)"]
    );
}
