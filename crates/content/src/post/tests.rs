use blog_core::model::Author;

use crate::moved::Generator;

use super::*;

const PATH: &str = "content/2026-03-16-pool.md";
const SOURCE: &str = "2026-03-16-pool.md";

fn ok(text: &str) -> (SourcePost, Vec<Diagnostic>) {
    parse_post(PATH, SOURCE, text, None).unwrap_or_else(|e| panic!("{e:?}"))
}

fn errors(text: &str) -> Vec<String> {
    parse_post(PATH, SOURCE, text, None)
        .expect_err("should fail")
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn yaml_post_with_every_field() {
    let (p, warnings) = ok("---\ntitle: \"Thirty-eight tasks\"\ndate: 2026-03-16\nupdated: 2026-03-20\ncategory: Database\nsummary: Pools met max_connections.\ntags: [postgres, rds, postgres]\nauthor: Ana Lima\ndraft: false\nslug: pool-sizing\n---\n\nBody text.\n");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(p.title, "Thirty-eight tasks");
    assert_eq!(
        p.date,
        PostDate {
            ymd: "2026-03-16".into(),
            timestamp: 1_773_619_200
        }
    );
    assert_eq!(p.updated.as_deref(), Some("2026-03-20"));
    assert_eq!(p.category.as_deref(), Some("Database"));
    assert_eq!(p.summary.as_deref(), Some("Pools met max_connections."));
    assert_eq!(p.tags, ["postgres", "rds"]);
    assert_eq!(p.authors, [Author::named("Ana Lima")]);
    assert_eq!((p.slug.as_str(), p.slug_line), ("pool-sizing", 10));
    assert!(!p.draft);
    assert_eq!(p.body, "\nBody text.\n");
    assert_eq!(p.body_line, 12);
}

#[test]
fn zola_toml_post() {
    let (p, warnings) = ok("+++\ntitle = \"Zola post\"\ndate = 2026-03-16T09:30:00+01:00\ndescription = \"From Zola.\"\nauthors = [\"A\", \"B\"]\n\n[taxonomies]\ncategories = [\"CI/CD\"]\ntags = [\"cache\"]\n\n[extra]\ntoc = true\n+++\nBody");
    assert_eq!(
        p.date,
        PostDate {
            ymd: "2026-03-16".into(),
            timestamp: 1_773_649_800
        }
    );
    assert_eq!(p.summary.as_deref(), Some("From Zola."));
    assert_eq!(p.category.as_deref(), Some("CI/CD"));
    assert_eq!(p.tags, ["cache"]);
    assert_eq!(p.authors, [Author::named("A"), Author::named("B")]);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].to_string(), "content/2026-03-16-pool.md:11: warning: extra: unknown field, ignored (expected one of title, date, updated, category, summary, tags, draft, slug, author, aliases, permalink)");
}

#[test]
fn hugo_and_jekyll_names() {
    let (p, _) = ok("---\ntitle: Hugo\ndate: 2026-03-16T10:00:00Z\nlastmod: 2026-03-18\ncategories: [Database, Ops]\ntags: pooling pgbouncer\n---\n");
    assert_eq!(p.updated.as_deref(), Some("2026-03-18"));
    assert_eq!(p.category.as_deref(), Some("Database"));
    assert_eq!(p.tags, ["pooling", "pgbouncer"]);
    let (p, w) = ok("---\ntitle: Jekyll\ndate: 2026-03-16 09:30:00 +0100\nexcerpt: Short.\npublished: false\nlast_modified_at: 2026-03-17\nlayout: post\n---\n");
    assert!(p.draft);
    assert_eq!(p.summary.as_deref(), Some("Short."));
    assert_eq!(p.date.ymd, "2026-03-16");
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0]
        .to_string()
        .contains(":7: warning: layout: unknown field"));
}

#[test]
fn date_from_file_name_and_slug_from_path() {
    let (p, _) = ok("---\ntitle: No date\n---\n");
    assert_eq!(p.date.ymd, "2026-03-16");
    assert_eq!(p.slug, "pool");
    assert_eq!(slug_from_path("2026/03/my-post/index.md"), "my-post");
    assert_eq!(slug_from_path("Notes on Café.md"), "notes-on-cafe");
    assert_eq!(
        slug_from_path("2026-03-16_flash-sale.markdown"),
        "flash-sale"
    );
}

#[test]
fn duplicate_names_warn_and_the_first_wins() {
    let (p, w) = ok("---\ntitle: T\nsummary: First.\ndescription: Second.\n---\n");
    assert_eq!(p.summary.as_deref(), Some("First."));
    assert_eq!(w[0].to_string(), "content/2026-03-16-pool.md:4: warning: description: is ignored because `summary` (line 3) gives the summary already");
}

#[test]
fn every_error_in_a_post_is_reported_with_line_and_field() {
    let errs = errors("---\ntitle: [not, text]\ndate: 2026-02-30\ntags: 7\ndraft: maybe\nslug: Not A Slug\nupdated: yesterday\n---\n");
    assert_eq!(errs, [
        "content/2026-03-16-pool.md:2: title: is a list (expected a string)",
        "content/2026-03-16-pool.md:3: date: `2026-02-30` is not a valid date (expected `YYYY-MM-DD` or RFC 3339, e.g. `2026-03-16` or `2026-03-16T09:30:00+01:00`)",
        "content/2026-03-16-pool.md:7: updated: `yesterday` is not a valid date (expected `YYYY-MM-DD` or RFC 3339, e.g. `2026-03-16` or `2026-03-16T09:30:00+01:00`)",
        "content/2026-03-16-pool.md:4: tags: is a number (expected a list of strings, e.g. `[postgres, rds]`)",
        "content/2026-03-16-pool.md:5: draft: is `maybe` (expected `true` or `false`)",
        "content/2026-03-16-pool.md:6: slug: `Not A Slug` is not a valid slug (expected lower-case letters, digits and single hyphens, e.g. `not-a-slug`)",
    ]);
}

#[test]
fn missing_fields() {
    let errs = parse_post(
        "content/undated.md",
        "undated.md",
        "---\nsummary: x\n---\n",
        None,
    )
    .unwrap_err();
    let errs: Vec<String> = errs.iter().map(ToString::to_string).collect();
    assert_eq!(errs, [
        "content/undated.md:1: title: is missing (expected e.g. `title: \"How a cache key leaked data\"`)",
        "content/undated.md:1: date: is missing (expected `YYYY-MM-DD` or RFC 3339, e.g. `2026-03-16` or `2026-03-16T09:30:00+01:00`, or a `YYYY-MM-DD-` prefix on the file name)",
    ]);
    assert_eq!(
        errors("---\ntitle: \"\"\n---\n"),
        ["content/2026-03-16-pool.md:2: title: is empty (expected some text)"]
    );
}

#[test]
fn syntax_errors_are_reported_as_front_matter() {
    let errs = errors("---\ntitle: \"open\ndate: 2026-03-16\n---\n");
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].starts_with("content/2026-03-16-pool.md:"),
        "{errs:?}"
    );
    assert!(
        errs[0].contains(": front matter: YAML syntax error"),
        "{errs:?}"
    );
    assert_eq!(errors("Just text\n"), ["content/2026-03-16-pool.md:1: front matter: no front matter (expected the file to start with a `---` line for YAML or `+++` for TOML, then `title:` and `date:`)"]);
}

#[test]
fn dates() {
    assert_eq!(parse_date("2026-03-16").unwrap().timestamp, 1_773_619_200);
    assert_eq!(
        parse_date("2026-03-16T00:30:00+02:00").unwrap(),
        PostDate {
            ymd: "2026-03-16".into(),
            timestamp: 1_773_613_800
        }
    );
    assert_eq!(
        parse_date("2026-03-16T09:30:00").unwrap().timestamp,
        1_773_653_400
    );
    assert!(parse_date("16/03/2026").is_err());
    assert!(parse_date("2026-3-16").is_err());
}

#[test]
fn old_addresses_of_every_generator_become_lookup_keys() {
    // Zola / Hugo aliases and Hugo's url
    let (p, w) = ok("---\ntitle: T\ndate: 2024-05-07\naliases: [\"/old/pool/\", \"2019/pool.html\"]\nurl: /blog/pool-sizing/\n---\nx\n");
    assert!(w.is_empty(), "{w:?}");
    let keys: Vec<(&str, &str, usize)> = p
        .old_urls
        .iter()
        .map(|o| (o.key.as_str(), o.field.as_str(), o.line))
        .collect();
    assert_eq!(
        keys,
        [
            ("/old/pool", "aliases", 4),
            ("/2019/pool.html", "aliases", 4),
            ("/blog/pool-sizing", "url", 5)
        ]
    );
    // Jekyll: redirect_from, and a permalink with placeholders
    let (p, _) = ok("---\ntitle: T\ndate: 2024-05-07\ncategories: Database\nredirect_from:\n  - /pool/\npermalink: /:categories/:year/:month/:day/:title:output_ext\n---\nx\n");
    let keys: Vec<&str> = p.old_urls.iter().map(|o| o.key.as_str()).collect();
    assert_eq!(keys, ["/pool", "/database/2024/05/07/pool.html"]);
    // Zola's path: a folder
    let (p, _) = ok("---\ntitle: T\ndate: 2024-05-07\npath: notes/v1.2/\n---\nx\n");
    assert_eq!(p.old_urls[0].key, "/notes/v1.2");
}

#[test]
fn old_addresses_that_cannot_work_are_said() {
    let e = errors(
        "---\ntitle: T\ndate: 2024-05-07\naliases: [\"https://old.example.com/pool/\"]\n---\nx\n",
    );
    assert_eq!(e, ["content/2026-03-16-pool.md:4: aliases: `https://old.example.com/pool/` is an address on another site (expected a path on the site this post moved from, e.g. `/2019/05/07/old-post.html`)"]);
    let e = errors("---\ntitle: T\ndate: 2024-05-07\npermalink: /:year/:bogus/:title/\n---\nx\n");
    assert_eq!(e, ["content/2026-03-16-pool.md:4: permalink: `/:year/:bogus/:title/` has the placeholder `:bogus`, which Jekyll does not have (expected `:year`, `:month`, `:i_month`, `:short_month`, `:long_month`, `:day`, `:i_day`, `:y_day`, `:short_year`, `:hour`, `:minute`, `:second`, `:w_year`, `:week`, `:w_day`, `:short_day`, `:long_day`, `:title`, `:slug`, `:name`, `:categories`, `:slugified_categories`, `:collection`, `:path`, `:output_ext`, or a style: `date`, `pretty`, `ordinal`, `weekdate`, `none`)"]);
    let e = errors("---\ntitle: T\ndate: 2024-05-07\naliases: [\"/a/%2e%2e/../b/\"]\n---\nx\n");
    assert_eq!(e, ["content/2026-03-16-pool.md:4: aliases: `/a/%2e%2e/../b/` has `.` or `..` in it (expected the path of this post on the old site, from its root)"]);
    let e = errors("---\ntitle: T\ndate: 2024-05-07\nredirect_from: /\n---\nx\n");
    assert_eq!(e, ["content/2026-03-16-pool.md:4: redirect_from: `/` is the site's home page (expected the path of this post on the old site)"]);
    let (p, w) = ok("---\ntitle: T\ndate: 2024-05-07\naliases: [/feed.php]\n---\nx\n");
    assert!(p.old_urls.is_empty());
    assert_eq!(w.iter().map(ToString::to_string).collect::<Vec<_>>(), ["content/2026-03-16-pool.md:4: warning: aliases: `/feed.php` cannot be redirected from a static host (only pages can: a path ending in `/` or `.html`); it was left out"]);
}

#[test]
fn a_posts_folders_are_its_namespace() {
    assert!(namespace_of("a.md").is_empty());
    assert_eq!(namespace_of("team/a.md"), ["team"]);
    assert_eq!(namespace_of("Team Notes/2024/a.md"), ["team-notes", "2024"]);
    // A bundle's folder names the post, not its namespace.
    assert_eq!(namespace_of("team/a/index.md"), ["team"]);
    assert!(namespace_of("a/index.md").is_empty());
    // `posts/` at the top and Jekyll's `_posts/` and `_drafts/` add nothing.
    assert!(namespace_of("posts/a.md").is_empty());
    assert_eq!(namespace_of("posts/posts/a.md"), ["posts"]);
    assert!(namespace_of("_posts/2024-01-01-a.md").is_empty());
    assert_eq!(namespace_of("blog/_posts/a.md"), ["blog"]);
}

#[test]
fn authors_as_the_generators_write_them() {
    let parse = |authors: &str| {
        parse_post(
            PATH,
            SOURCE,
            &format!("---\ntitle: T\n{authors}\n---\n"),
            Some(Generator::Hugo),
        )
        .unwrap_or_else(|e| panic!("{e:?}"))
        .0
        .authors
    };
    let ana = Author {
        name: "Ana Lima".into(),
        url: Some("https://ana.example".into()),
    };
    assert_eq!(
        parse("author: {name: Ana Lima, link: https://ana.example}"),
        std::slice::from_ref(&ana)
    );
    assert_eq!(
        parse("authors:\n  - name: Ana Lima\n    url: https://ana.example\n  - Bo"),
        [ana, Author::named("Bo")]
    );
    assert_eq!(
        parse("author:\n  name: Cy\n  email: cy@example.com"),
        [Author {
            name: "Cy".into(),
            url: Some("mailto:cy@example.com".into())
        }]
    );
    let e = parse_post(
        PATH,
        SOURCE,
        "---\ntitle: T\nauthor: {link: https://x.example}\n---\n",
        None,
    )
    .unwrap_err();
    assert_eq!(e[0].to_string(), "content/2026-03-16-pool.md:3: author: is a table without a `name` (expected e.g. `{name: Ana Lima, link: https://…}`)");
}

#[test]
fn a_key_set_twice_is_read_as_the_generator_reads_it() {
    let text = "---\ntitle: First\ntitle: Second\n---\n";
    let (p, w) = parse_post(PATH, SOURCE, text, Some(Generator::Jekyll)).unwrap();
    assert_eq!(p.title, "Second");
    assert_eq!(
        w[0].to_string(),
        "content/2026-03-16-pool.md:3: warning: title: is set twice; the last value is used, as Jekyll reads it"
    );
    // Zola (serde's YAML) and our own posts refuse it.
    let e = parse_post(PATH, SOURCE, text, Some(Generator::Zola)).unwrap_err();
    assert_eq!(
        e[0].to_string(),
        "content/2026-03-16-pool.md:3: front matter: YAML syntax error: duplicated key in mapping"
    );
}

#[test]
fn a_moved_posts_unreadable_date_falls_back_to_its_file_name() {
    // jekyll/jekyll's own docs/_posts: Jekyll (Ruby's Time.parse) built it.
    let text = "---\ntitle: T\ndate: 2023-01-29 18:30:22 2023 -0800\n---\nx\n";
    let source = "_posts/2023-01-29-jekyll-3-9-3-released.markdown";
    let (p, w) = parse_post("content/x", source, text, Some(Generator::Jekyll)).unwrap();
    assert_eq!(p.date.ymd, "2023-01-29");
    assert!(
        w[0].to_string()
            .ends_with("; the file name's date, 2023-01-29, is used"),
        "{w:?}"
    );
    // without a dated file name, or in an author's own blog, it is an error
    assert!(parse_post("content/x", "_posts/x.md", text, Some(Generator::Jekyll)).is_err());
    assert!(parse_post("content/x", source, text, None).is_err());
}
