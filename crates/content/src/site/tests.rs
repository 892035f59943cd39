use super::*;

fn md(rel: &str, text: &str) -> SourceFile {
    SourceFile {
        rel: rel.into(),
        text: Some(text.into()),
        ..SourceFile::default()
    }
}

fn opts(include_drafts: bool) -> Options {
    let config = SiteConfig {
        site: Site {
            title: "Test".into(),
            description: String::new(),
        },
        ..SiteConfig::default_site()
    };
    Options {
        include_drafts,
        // 2026-03-20T00:00:00Z
        ..Options::new(&config, 1_773_964_800)
    }
}

fn post(title: &str, date: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\n{extra}---\n{body}")
}

fn messages(e: Vec<Diagnostic>) -> Vec<String> {
    e.iter().map(ToString::to_string).collect()
}

#[test]
fn manifest_is_newest_first_with_slug_tie_break() {
    let files = vec![
        md("b.md", &post("B", "2026-03-14", "", "Body b.")),
        md("a.md", &post("A", "2026-03-14", "", "Body a.")),
        md(
            "c.md",
            &post(
                "C",
                "2026-03-16",
                "category: AI\n",
                "First paragraph of C.\n\nSecond.",
            ),
        ),
        SourceFile {
            rel: "img/x.png".into(),
            ..SourceFile::default()
        },
    ];
    let c = compile(&files, &opts(false)).unwrap();
    let order: Vec<_> = c.manifest.posts.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(order, ["c", "a", "b"]);
    assert_eq!(c.manifest.posts[0].summary, "First paragraph of C.");
    assert_eq!(c.manifest.posts[0].reading_minutes, 1);
    assert_eq!(c.assets, ["img/x.png"]);
    assert!(c.manifest.search_index.starts_with("search/"));
    assert_eq!(c.search.dir, c.manifest.search_index);
    // the index holds every post, in the manifest's order
    assert!(c.search.files.iter().any(|(n, _)| n == "d2.bin"));
    assert!(!c.search.files.iter().any(|(n, _)| n == "d3.bin"));
    assert!(c.manifest_json.contains("\"site\":{\"title\":\"Test\""));
    // Same input, same output: versions are stable.
    assert_eq!(
        compile(&files, &opts(false)).unwrap().manifest_json,
        c.manifest_json
    );
}

#[test]
fn drafts_and_future_posts_only_in_development() {
    let files = vec![
        md("now.md", &post("Now", "2026-03-19", "", "x")),
        md(
            "draft.md",
            &post("Draft", "2026-03-18", "draft: true\n", "x"),
        ),
        md("later.md", &post("Later", "2026-04-01", "", "x")),
    ];
    let release = compile(&files, &opts(false)).unwrap();
    assert_eq!(release.manifest.posts.len(), 1);
    assert_eq!(release.left_out, 2);
    assert_eq!(release.bodies.len(), 1);
    let dev = compile(&files, &opts(true)).unwrap();
    let flags: Vec<_> = dev
        .manifest
        .posts
        .iter()
        .map(|p| (p.slug.as_str(), p.draft))
        .collect();
    assert_eq!(flags, [("later", true), ("now", false), ("draft", true)]);
}

#[test]
fn every_broken_post_is_reported_in_one_run() {
    let files = vec![
        md("one.md", "---\ntitle: [x]\n---\n"),
        md("two.md", "no front matter"),
        md("three.md", &post("Three", "2026-13-01", "", "")),
        md("2026-01-01-dup.md", &post("Dup", "2026-01-01", "", "")),
        md("dup.md", &post("Dup again", "2026-01-02", "", "")),
    ];
    let errs = messages(compile(&files, &opts(false)).unwrap_err());
    assert_eq!(errs.len(), 5, "{errs:#?}");
    assert!(
        errs[0].starts_with(
            "content/dup.md:1: slug: `dup` is already used by content/2026-01-01-dup.md"
        ),
        "{errs:#?}"
    );
    assert!(
        errs[1].starts_with("content/one.md:1: date: is missing"),
        "{errs:#?}"
    );
    assert_eq!(
        errs[2],
        "content/one.md:2: title: is a list (expected a string)"
    );
    assert!(
        errs[3].starts_with("content/three.md:3: date: `2026-13-01` is not a valid date"),
        "{errs:#?}"
    );
    assert!(
        errs[4].starts_with("content/two.md:1: front matter: no front matter"),
        "{errs:#?}"
    );
}

#[test]
fn links_between_posts_are_checked() {
    let files = vec![
        md("2026/a.md", &post("A", "2026-03-01", "category: AI\n", "Line one.\n\nSee [b](../b.md), [draft](d.md), [cat](/category/ai),\n[nope](/category/nope), [img](pic.png) and [gone](gone.md).\n\n[bad](javascript:alert(1))\n")),
        md("b.md", &post("B", "2026-03-02", "", "x")),
        md("2026/d.md", &post("D", "2026-03-02", "draft: true\n", "x")),
    ];
    let errs = messages(compile(&files, &opts(false)).unwrap_err());
    assert_eq!(errs, [
        "content/2026/a.md:8: link: `d.md` is a draft, left out of this build (expected the path of a published post's file, relative to this one)",
        "content/2026/a.md:9: link: `/category/nope` leads nowhere on this site (expected an existing post, category or file next to the post)",
        "content/2026/a.md:9: link: `pic.png` leads nowhere on this site (expected an existing post, category or file next to the post)",
        "content/2026/a.md:9: link: `gone.md` does not match any post (expected the path of a published post's file, relative to this one)",
    ]);
    // In development the draft is there, so only the real breakages remain.
    let dev = messages(compile(&files, &opts(true)).unwrap_err());
    assert_eq!(dev.len(), 3);
}

#[test]
fn rejected_links_warn() {
    let files = vec![md(
        "a.md",
        &post("A", "2026-03-01", "", "[bad](javascript:alert(1))\n"),
    )];
    let c = compile(&files, &opts(false)).unwrap();
    assert_eq!(messages(c.warnings), ["content/a.md:5: warning: link: `javascript:alert(1)` was removed: only http, https, mailto and tel links, and paths, are kept"]);
}

#[test]
fn category_spellings_must_agree() {
    let files = vec![
        md("a.md", &post("A", "2026-03-01", "category: CI/CD\n", "x")),
        md("b.md", &post("B", "2026-03-02", "category: ci cd\n", "x")),
    ];
    let errs = messages(compile(&files, &opts(false)).unwrap_err());
    assert_eq!(errs, ["content/b.md:4: category: `ci cd` and `CI/CD` (content/a.md) differ only in spelling (expected one spelling for one category)"]);
}

#[test]
fn a_file_that_is_not_utf8_is_reported_with_its_line_and_the_rest_still_checked() {
    let bytes = b"---\ntitle: Caf\xe9\ndate: 2026-03-01\n---\nBody.\n";
    let at = NotUtf8::find(bytes).unwrap();
    assert_eq!((at.line, at.column, at.byte), (2, 11, 0xE9));
    let files = vec![
        SourceFile {
            rel: "latin1.md".into(),
            not_utf8: Some(at),
            ..SourceFile::default()
        },
        md("bad.md", &post("B", "2026-02-30", "", "Body.")),
        md("good.md", &post("G", "2026-03-01", "", "Body.")),
    ];
    let errors = messages(compile(&files, &opts(false)).unwrap_err());
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with("content/bad.md:3: date:"),
        "{errors:?}"
    );
    assert_eq!(
        errors[1],
        "content/latin1.md:2: encoding: byte 0xE9 at column 11 is not UTF-8 text (expected UTF-8: save the file as UTF-8)"
    );
}

#[test]
fn email_autolinks_are_mail_links_not_paths() {
    let files = vec![md(
        "a.md",
        &post(
            "A",
            "2026-03-01",
            "",
            "Write to <security@example.org> or [us](mailto:us@example.org).\n",
        ),
    )];
    let c = compile(&files, &opts(false)).unwrap();
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn categories_that_differ_in_symbols_are_distinct() {
    let files = vec![
        md("a.md", &post("A", "2026-03-01", "category: C#\n", "A.")),
        md("b.md", &post("B", "2026-03-02", "category: C++\n", "B.")),
        md("c.md", &post("C", "2026-03-03", "category: C\n", "C.")),
    ];
    let c = compile(&files, &opts(false)).unwrap();
    let mut slugs: Vec<_> = c
        .manifest
        .posts
        .iter()
        .filter_map(|p| p.category_slug())
        .collect();
    slugs.sort();
    assert_eq!(slugs, ["c", "c-plus-plus", "c-sharp"]);
}

#[test]
fn links_without_a_scheme_get_a_hint_and_broken_links_can_be_warnings() {
    let files = vec![md(
        "a.md",
        &post(
            "A",
            "2026-03-01",
            "",
            "See [the PR](github.com/example/project/pull/1).\n\nAnd [gone](gone.md).\n",
        ),
    )];
    let errors = messages(compile(&files, &opts(false)).unwrap_err());
    assert_eq!(
        errors,
        ["content/a.md:7: link: `gone.md` does not match any post (expected the path of a published post's file, relative to this one)"]
    );
    let migrating = Options {
        broken_links_warn: true,
        ..opts(false)
    };
    let c = compile(&files, &migrating).unwrap();
    assert_eq!(
        messages(c.warnings),
        [
            "content/a.md:5: warning: link: `github.com/example/project/pull/1` has no scheme, so it leads nowhere and shows as plain text (expected a full address: add `https://`)",
            "content/a.md:7: warning: link: `gone.md` does not match any post (expected the path of a published post's file, relative to this one)",
        ]
    );
}

#[test]
fn zola_internal_links_resolve_from_the_content_folder() {
    let files = vec![
        md(
            "news/a.md",
            &post("A", "2026-03-01", "", "See [b](@/team/b.md#intro).\n"),
        ),
        md(
            "team/b.md",
            &post("B", "2026-02-01", "", "## Intro\n\nB.\n"),
        ),
        md(
            "news/c.md",
            &post("C", "2026-03-02", "", "See [gone](@/team/gone.md).\n"),
        ),
    ];
    let errors = messages(compile(&files, &opts(false)).unwrap_err());
    assert_eq!(
        errors,
        ["content/news/c.md:5: link: `@/team/gone.md` does not match any post (expected the path of a published post's file, relative to this one)"]
    );
}

#[test]
fn old_addresses_redirect_once_and_links_to_them_lead_to_the_post() {
    let files = vec![
        md(
            "2024-05-07-pool.md",
            &post(
                "Pool",
                "2024-05-07",
                "permalink: /:year/:month/:day/:title.html\naliases: [/posts/pool/]\n",
                "x\n\n## Why\n\ny\n",
            ),
        ),
        md(
            "other.md",
            &post(
                "Other",
                "2024-05-08",
                "",
                "See [the pool](/2024/05/07/pool.html#why) and [old](/old/).",
            ),
        ),
    ];
    let c = compile(&files, &opts(false)).unwrap();
    // the post's own address here is no redirect
    assert_eq!(
        c.redirects,
        [("/2024/05/07/pool.html".to_string(), "pool".to_string())]
    );
    // a link to an unknown absolute path is not checked (it may be any file of the host)
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);

    let files = vec![
        md(
            "a.md",
            &post("A", "2024-05-07", "aliases: [/old/a/, /posts/b/]\n", "x"),
        ),
        md(
            "b.md",
            &post("B", "2024-05-07", "redirect_from: /old/a/index.html\n", "x"),
        ),
        md("c.md", &post("C", "2024-05-07", "url: /404.html\n", "x")),
    ];
    assert_eq!(
        messages(compile(&files, &opts(false)).unwrap_err()),
        [
            "content/a.md:4: aliases: `/posts/b` is inside `/posts/`, where this site's own pages are (expected the post's address on the old site; its address here is `/posts/a/`)",
            "content/b.md:4: redirect_from: `/old/a` is already an old address of content/a.md (expected each old address on one post)",
            "content/c.md:4: url: `/404.html` is this site's not-found page (expected the post's address on the old site)",
        ]
    );
}

#[test]
fn a_moved_blog_keeps_its_generators_default_addresses() {
    let files = vec![
        md(
            "_posts/2019-05-07-launch-notes.md",
            &post("Launch", "2019-05-07", "categories: [Release]\n", "x"),
        ),
        md(
            "_posts/2019-05-08-named.md",
            &post("Named", "2019-05-08", "permalink: /named/\n", "x"),
        ),
    ];
    let jekyll = Options {
        moved_from: Some(Generator::Jekyll),
        ..opts(false)
    };
    let c = compile(&files, &jekyll).unwrap();
    assert_eq!(
        c.redirects,
        [
            ("/named".to_string(), "named".to_string()),
            (
                "/release/2019/05/07/launch-notes.html".to_string(),
                "launch-notes".to_string()
            ),
        ]
    );
    let files = vec![
        md("posts/pool.md", &post("Pool", "2019-05-07", "", "x")),
        md(
            "news/bundle/index.md",
            &post("Bundle", "2019-05-07", "", "x"),
        ),
        md("top.md", &post("Top", "2019-05-07", "", "x")),
    ];
    let hugo = Options {
        moved_from: Some(Generator::Hugo),
        ..opts(false)
    };
    let c = compile(&files, &hugo).unwrap();
    // `posts/pool` is at /posts/pool/ on both sites: no redirect needed
    assert_eq!(
        c.redirects,
        [
            ("/news/bundle".to_string(), "news/bundle".to_string()),
            ("/top".to_string(), "top".to_string()),
        ]
    );
}

#[test]
fn links_into_other_posts_name_a_section_they_have() {
    let files = vec![
        md("a.md", &post("A", "2024-05-07", "", "x\n\n## Root cause\n\n## Fix {#the-fix}\n\ny[^1]\n\n[^1]: note\n")),
        md(
            "b.md",
            &post("B", "2024-05-08", "", "[ok](a.md#root-cause) [custom](a.md#the-fix) [note](a.md#fn-1) [own](#here)\n\n## Here\n\n[bad](a.md#timeline)\n"),
        ),
    ];
    assert_eq!(
        messages(compile(&files, &opts(false)).unwrap_err()),
        ["content/b.md:9: link: `a.md#timeline`: the post has no section `timeline` (expected the id of one of its headings: its headings are `root-cause`, `the-fix`)"]
    );
}

#[test]
fn folders_are_namespaces_and_links_between_them_resolve() {
    let files = vec![
        md(
            "all-hands.md",
            &post(
                "Top",
                "2024-05-07",
                "",
                "[team's](team/all-hands.md#agenda)\n",
            ),
        ),
        md(
            "team/all-hands.md",
            &post(
                "Team",
                "2024-05-08",
                "",
                "## Agenda\n\n[top](../all-hands.md) [zola](@/team/2024/notes/index.md)\n",
            ),
        ),
        md(
            "team/2024/notes/index.md",
            &post("Notes", "2024-05-09", "slug: minutes\n", "x"),
        ),
        md("posts/pool.md", &post("Pool", "2024-05-10", "", "x")),
        md(
            "_posts/2024-05-11-launch.md",
            &post("Launch", "2024-05-11", "", "x"),
        ),
    ];
    let c = compile(&files, &opts(false)).unwrap();
    let mut slugs: Vec<&str> = c.manifest.posts.iter().map(|p| p.slug.as_str()).collect();
    slugs.sort_unstable();
    assert_eq!(
        slugs,
        [
            "all-hands",
            "launch",
            "pool",
            "team/2024/minutes",
            "team/all-hands"
        ]
    );
    let links = |source: &str| {
        let at = c.bodies.iter().position(|(s, _)| s == source).unwrap();
        c.rendered[at].links.clone()
    };
    assert_eq!(
        links("all-hands.md"),
        [(
            "team/all-hands.md".to_string(),
            "team/all-hands".to_string()
        )]
    );
    assert_eq!(
        links("team/all-hands.md"),
        [
            ("all-hands.md".to_string(), "all-hands".to_string()),
            (
                "team/2024/notes/index.md".to_string(),
                "team/2024/minutes".to_string()
            )
        ]
    );
}

#[test]
fn names_that_differ_only_in_case_are_one_with_a_warning() {
    // `Team` and `team` were one address on the old site: one category here,
    // spelt as most posts spell it; tags alike.
    let files = vec![
        md(
            "a.md",
            &post("A", "2026-03-01", "category: Team\ntags: [Rust]\n", "x"),
        ),
        md(
            "b.md",
            &post("B", "2026-03-02", "category: team\ntags: [rust]\n", "x"),
        ),
        md(
            "c.md",
            &post("C", "2026-03-03", "category: Team\ntags: [rust]\n", "x"),
        ),
    ];
    let c = compile(&files, &opts(false)).unwrap();
    let categories: Vec<Option<&str>> = c
        .manifest
        .posts
        .iter()
        .map(|p| p.category.as_deref())
        .collect();
    assert_eq!(categories, [Some("Team"); 3]);
    let tags: Vec<&str> = c
        .manifest
        .posts
        .iter()
        .map(|p| p.tags[0].as_str())
        .collect();
    assert_eq!(tags, ["rust"; 3]);
    assert_eq!(
        messages(c.warnings),
        [
            "content/a.md:1: warning: tags: `Rust` is written `rust` in other posts: shown as `rust`, one tag (expected one spelling)",
            "content/b.md:4: warning: category: `team` is written `Team` in other posts: shown as `Team`, one category (expected one spelling)",
        ]
    );
}

#[test]
fn a_moved_blogs_broken_links_warn_and_its_own_authors_do_not() {
    // The old site built with these links broken: the moved blog builds and
    // lists them; an author's own blog still refuses them.
    let files = vec![md(
        "a.md",
        &post(
            "A",
            "2026-03-01",
            "",
            "[todo](TODO.md) and [gone](/img/gone.png)\n",
        ),
    )];
    let errors = messages(compile(&files, &opts(false)).unwrap_err());
    assert_eq!(errors, [
        "content/a.md:5: link: `TODO.md` does not match any post (expected the path of a published post's file, relative to this one)",
        "content/a.md:5: link: `/img/gone.png` leads nowhere on this site (expected a file in the static folder, or a page of this site)",
    ]);
    let moved = Options {
        moved_from: Some(Generator::Hugo),
        ..opts(false)
    };
    let c = compile(&files, &moved).unwrap();
    assert_eq!(c.warnings.len(), 2);
    assert!(c.warnings.iter().all(|w| w.field == "link"));
    // a file of the static folder is there
    let with_static = Options {
        static_files: ["img/gone.png".to_string()].into(),
        ..opts(false)
    };
    let errors = messages(compile(&files, &with_static).unwrap_err());
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn section_pages_are_not_posts_and_every_markdown_extension_is_read() {
    let files = vec![
        md(
            "blog/_index.md",
            "+++\ntitle = \"Blog\"\nsort_by = \"date\"\n+++\n",
        ),
        md("blog/a.markdown", &post("A", "2026-03-01", "", "x")),
        md("blog/b.mkd", &post("B", "2026-03-02", "", "x")),
    ];
    let c = compile(&files, &opts(false)).unwrap();
    let slugs: Vec<&str> = c.manifest.posts.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["blog/b", "blog/a"]);
}

#[test]
fn headings_take_the_old_generators_ids_and_links_resolve_against_them() {
    let files = vec![
        md(
            "a.md",
            &post(
                "A",
                "2026-03-01",
                "",
                "## I-unsound issues (🦀)\n\n[b](b.md#migrating-from--v1180)\n",
            ),
        ),
        md(
            "b.md",
            &post(
                "B",
                "2026-03-02",
                "",
                "## Migrating from 🎉 v1.18.0\n\nText.\n",
            ),
        ),
    ];
    let hugo = Options {
        moved_from: Some(Generator::Hugo),
        ..opts(false)
    };
    let c = compile(&files, &hugo).unwrap();
    assert!(c.warnings.is_empty(), "{:?}", messages(c.warnings));
    let ids: Vec<&str> = c
        .rendered
        .iter()
        .flat_map(|r| r.headings.iter().map(|h| h.id.as_str()))
        .collect();
    assert_eq!(ids, ["migrating-from--v1180", "i-unsound-issues-"]);
    let zola = Options {
        moved_from: Some(Generator::Zola),
        ..opts(false)
    };
    let c = compile(&files, &zola).unwrap();
    let ids: Vec<&str> = c
        .rendered
        .iter()
        .flat_map(|r| r.headings.iter().map(|h| h.id.as_str()))
        .collect();
    assert_eq!(
        ids,
        ["migrating-from-tada-v1-18-0", "i-unsound-issues-crab"]
    );
}

#[test]
fn a_moved_blog_builds_what_its_generator_built() {
    // Two posts of one name in different years, a post without a title, a
    // page without a date: Jekyll built them all.
    let files = vec![
        md(
            "_posts/2019-01-07-weekly.md",
            &post("Weekly", "2019-01-07", "", "x"),
        ),
        md(
            "_posts/2020-01-06-weekly.md",
            &post("Weekly", "2020-01-06", "", "x"),
        ),
        md(
            "_posts/2020-02-03-no-title-here.md",
            "---\ndate: 2020-02-03\n---\nx\n",
        ),
        md("about.md", "---\ntitle: About\n---\nx\n"),
    ];
    let errors = messages(compile(&files, &opts(false)).unwrap_err());
    assert_eq!(errors.len(), 3, "{errors:?}");
    let jekyll = Options {
        moved_from: Some(Generator::Jekyll),
        ..opts(false)
    };
    let c = compile(&files, &jekyll).unwrap();
    let posts: Vec<(&str, &str)> = c
        .manifest
        .posts
        .iter()
        .map(|p| (p.slug.as_str(), p.title.as_str()))
        .collect();
    assert_eq!(
        posts,
        [
            ("no-title-here", "No Title Here"),
            ("weekly-2", "Weekly"),
            ("weekly", "Weekly")
        ]
    );
    // each keeps its own old address
    let redirects: Vec<&str> = c.redirects.iter().map(|(from, _)| from.as_str()).collect();
    assert!(
        redirects.contains(&"/2020/01/06/weekly.html"),
        "{redirects:?}"
    );
    assert_eq!(
        messages(c.warnings),
        [
            "content/_posts/2020-01-06-weekly.md:1: warning: slug: `weekly` is already used by content/_posts/2019-01-07-weekly.md: this post is `weekly-2` here (expected a unique slug: rename the file or set `slug:`)",
            "content/_posts/2020-02-03-no-title-here.md:1: warning: title: is missing; the post is titled `No Title Here`, from its file name (expected e.g. `title: \"How a cache key leaked data\"`)",
            "content/about.md:1: warning: date: is missing, so the file was a page on the old site, not a post: it is left out (expected `YYYY-MM-DD` or RFC 3339, e.g. `2026-03-16` or `2026-03-16T09:30:00+01:00`, or a `YYYY-MM-DD-` prefix on the file name, makes it a post)",
        ]
    );
}

#[test]
fn a_moved_blogs_old_address_under_posts_is_kept_unless_a_post_is_there() {
    // Hugo kept the file's name: `/posts/2019-05-07-launch/` is this
    // post's old address, and no post's here.
    let files = vec![
        md(
            "posts/2019-05-07-launch.md",
            &post("Launch", "2019-05-07", "", "x"),
        ),
        md("posts/weekly.md", &post("W", "2019-05-08", "", "x")),
        md(
            "posts/2019-05-09-weekly.md",
            &post("W2", "2019-05-09", "", "x"),
        ),
        md("posts/weekly-2.md", &post("W3", "2019-05-10", "", "x")),
    ];
    let hugo = Options {
        moved_from: Some(Generator::Hugo),
        ..opts(false)
    };
    let c = compile(&files, &hugo).unwrap();
    let mut slugs: Vec<&str> = c.manifest.posts.iter().map(|p| p.slug.as_str()).collect();
    slugs.sort_unstable();
    // `weekly-2.md` keeps its name; the second `weekly` takes the next free one
    assert_eq!(slugs, ["launch", "weekly", "weekly-2", "weekly-3"]);
    let redirects: Vec<(&str, &str)> = c
        .redirects
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert!(
        redirects.contains(&("/posts/2019-05-07-launch", "launch")),
        "{redirects:?}"
    );
    // an old address that is another post's address here is still refused
    let clash = vec![
        md(
            "posts/a.md",
            &post("A", "2019-05-07", "aliases: [/posts/b/]\n", "x"),
        ),
        md("posts/b.md", &post("B", "2019-05-08", "", "x")),
    ];
    assert_eq!(compile(&clash, &hugo).unwrap_err().len(), 1);
}

#[test]
fn a_link_to_an_old_address_that_is_also_the_new_one_leads_to_the_post() {
    // Hugo's `posts/faq.md` was `/posts/faq/`, as it is here: a link written
    // relative to the old address of the post beside it still leads to it.
    let files = vec![
        md(
            "posts/faq.md",
            &post("FAQ", "2019-05-07", "", "## Custom head\n\nx\n"),
        ),
        md(
            "posts/math.md",
            &post(
                "Math",
                "2019-05-08",
                "",
                "See [the FAQ](../faq/#custom-head).\n",
            ),
        ),
    ];
    let hugo = Options {
        moved_from: Some(Generator::Hugo),
        ..opts(false)
    };
    let c = compile(&files, &hugo).unwrap();
    assert!(c.warnings.is_empty(), "{:?}", messages(c.warnings));
    assert!(c.redirects.is_empty(), "{:?}", c.redirects);
}
