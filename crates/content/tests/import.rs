//! `blog-content import` on the real-looking sites in `tests/migrate/`: each
//! is imported into a fresh folder, and the files copied (bytes unchanged),
//! the `site.toml` written (read back by the build's own parser), the report,
//! the refusal to overwrite and the old site left as it was are checked.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod common;
use common::Scratch;

use blog_content::config::{parse_site, SiteConfig};
use blog_content::import::{import, ImportArgs, Report};
use blog_content::moved::Generator;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/migrate")
        .join(name)
}

/// Every file under `dir` (dot-files too) with its bytes, by `/`-separated path.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn run(name: &str, into: &Path, section: Option<&str>) -> Result<Report, String> {
    import(&ImportArgs {
        from: fixture(name),
        into: into.to_path_buf(),
        generator: None,
        section: section.map(str::to_string),
    })
}

fn site_toml(into: &Path) -> SiteConfig {
    let text = std::fs::read_to_string(into.join("site.toml")).unwrap();
    parse_site("site.toml", &text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// Each copied file has the bytes of its source.
fn assert_copied(from: &Path, into: &Path, pairs: &[(&str, &str)]) {
    for (old, new) in pairs {
        let old_bytes = std::fs::read(from.join(old)).unwrap();
        let new_bytes = std::fs::read(into.join(new)).unwrap_or_else(|e| panic!("{new}: {e}"));
        assert_eq!(old_bytes, new_bytes, "{old} → {new}");
    }
}

fn has_line(report: &Report, start: &str) -> bool {
    report.lines.iter().any(|l| l.starts_with(start))
}

#[test]
fn jekyll_posts_static_files_and_config() {
    let scratch = Scratch::new("jekyll");
    let before = tree(&fixture("jekyll"));
    let report = run("jekyll", &scratch.0, None).unwrap();
    assert_eq!(
        tree(&fixture("jekyll")),
        before,
        "the old site is unchanged"
    );
    let files: Vec<String> = tree(&scratch.0).into_keys().collect();
    assert_eq!(
        files,
        [
            "content/_posts/2012-01-05-hello-team.markdown",
            "content/_posts/2019-05-07-launch-notes.md",
            "content/_posts/2019-06-01-follow-up.md",
            "content/_posts/2025-01-29-new-office.md",
            "site.toml",
            "static/assets/img/office.png",
            "static/assets/img/pipeline.svg",
            "static/favicon.png",
        ]
    );
    assert_copied(
        &fixture("jekyll"),
        &scratch.0,
        &[
            (
                "_posts/2012-01-05-hello-team.markdown",
                "content/_posts/2012-01-05-hello-team.markdown",
            ),
            (
                "_posts/2025-01-29-new-office.md",
                "content/_posts/2025-01-29-new-office.md",
            ),
            ("assets/img/office.png", "static/assets/img/office.png"),
        ],
    );
    let site = site_toml(&scratch.0);
    assert_eq!(site.moved_from, Some(Generator::Jekyll));
    assert_eq!(site.site.title, "Release Notes");
    assert!(site.site.description.starts_with("What we shipped"));
    assert_eq!(
        site.base_url.as_deref(),
        Some("https://releases.example.com")
    );
    assert_eq!(
        site.permalinks.get("*").map(String::as_str),
        Some("/blog/:year/:month/:day/:title/")
    );
    assert_eq!(site.old_feeds, ["/feed.xml"]);
    assert_eq!(
        site.params.get("support_channel").and_then(|v| v.as_str()),
        Some("#releases")
    );
    assert!(!site.params.contains_key("permalink") && !site.params.contains_key("exclude"));
    assert_eq!(site.static_dir.as_deref(), Some(Path::new("static")));
    for left in [
        "about.md",
        "index.html",
        "404.html",
        "assets/main.scss",
        "_drafts/",
    ] {
        assert!(
            has_line(&report, &format!("not imported: {left}")),
            "{left}: {:#?}",
            report.lines
        );
    }
    assert!(
        has_line(&report, "posts: 4 from _posts/ into content/_posts/"),
        "{:#?}",
        report.lines
    );
}

#[test]
fn hugo_main_sections_bundles_and_config() {
    let scratch = Scratch::new("hugo");
    let before = tree(&fixture("hugo"));
    let report = run("hugo", &scratch.0, None).unwrap();
    assert_eq!(tree(&fixture("hugo")), before, "the old site is unchanged");
    let files: Vec<String> = tree(&scratch.0).into_keys().collect();
    assert_eq!(
        files,
        [
            "content/news/first-post.md",
            "content/news/update.md",
            "content/posts/bundle/diagram.svg",
            "content/posts/bundle/index.md",
            "content/posts/first-post.md",
            "content/posts/on-call-week-12.md",
            "content/posts/release-v2.md",
            "site.toml",
            "static/img/log.png",
        ]
    );
    assert_copied(
        &fixture("hugo"),
        &scratch.0,
        &[
            (
                "content/posts/bundle/diagram.svg",
                "content/posts/bundle/diagram.svg",
            ),
            ("content/posts/release-v2.md", "content/posts/release-v2.md"),
            ("static/img/log.png", "static/img/log.png"),
        ],
    );
    let site = site_toml(&scratch.0);
    assert_eq!(site.moved_from, Some(Generator::Hugo));
    assert_eq!(site.site.title, "Team Notes");
    assert_eq!(
        site.base_url.as_deref(),
        Some("https://teamnotes.example.org/")
    );
    assert_eq!(
        site.permalinks.get("posts").map(String::as_str),
        Some("/:year/:month/:slug/")
    );
    assert_eq!(
        site.old_feeds,
        ["/index.xml", "/posts/index.xml", "/news/index.xml"]
    );
    assert_eq!(
        site.params.get("support").and_then(|v| v.as_str()),
        Some("the #platform channel")
    );
    assert_eq!(
        report.lines[1],
        "section: posts, news (the site's mainSections; another: --section NAME)"
    );
    for left in [
        "content/about.md",
        "content/_index.md",
        "content/posts/_index.md",
        "layouts/",
    ] {
        assert!(
            has_line(&report, &format!("not imported: {left}")),
            "{left}: {:#?}",
            report.lines
        );
    }
}

#[test]
fn hugo_section_named_on_the_command_line() {
    let scratch = Scratch::new("hugo-news");
    let report = run("hugo", &scratch.0, Some("news")).unwrap();
    let files: Vec<String> = tree(&scratch.0)
        .into_keys()
        .filter(|f| f.starts_with("content/"))
        .collect();
    assert_eq!(
        files,
        ["content/news/first-post.md", "content/news/update.md"]
    );
    let site = site_toml(&scratch.0);
    assert!(
        site.permalinks.is_empty(),
        "posts' pattern is not a section moved in"
    );
    assert_eq!(site.old_feeds, ["/index.xml", "/news/index.xml"]);
    assert!(
        has_line(&report, "not imported: content/posts/: the section `posts`"),
        "{:#?}",
        report.lines
    );
    let unknown = run("hugo", &Scratch::new("hugo-none").0, Some("blog")).unwrap_err();
    assert!(
        unknown.contains("no section `blog`") && unknown.contains("posts (4)"),
        "{unknown}"
    );
}

#[test]
fn zola_all_sections_bundles_and_config() {
    let scratch = Scratch::new("zola");
    let before = tree(&fixture("zola"));
    let report = run("zola", &scratch.0, None).unwrap();
    assert_eq!(tree(&fixture("zola")), before, "the old site is unchanged");
    let files: Vec<String> = tree(&scratch.0).into_keys().collect();
    assert_eq!(
        files,
        [
            "content/blog/2022-03-04-rust-soundness.md",
            "content/blog/first-steps/index.md",
            "content/blog/first-steps/map.svg",
            "content/notes/second.md",
            "content/notes/third.md",
            "site.toml",
            "static/images/crab.svg",
        ]
    );
    assert_copied(
        &fixture("zola"),
        &scratch.0,
        &[
            ("content/notes/third.md", "content/notes/third.md"),
            (
                "content/blog/first-steps/map.svg",
                "content/blog/first-steps/map.svg",
            ),
            ("static/images/crab.svg", "static/images/crab.svg"),
        ],
    );
    let site = site_toml(&scratch.0);
    assert_eq!(site.moved_from, Some(Generator::Zola));
    assert_eq!(
        site.base_url.as_deref(),
        Some("https://fieldnotes.example.com")
    );
    assert!(site.permalinks.is_empty());
    assert_eq!(site.old_feeds, ["/atom.xml"]);
    assert_eq!(
        site.params.get("author").and_then(|v| v.as_str()),
        Some("Mika Virtanen")
    );
    assert!(
        has_line(&report, "not imported: content/blog/_index.md"),
        "{:#?}",
        report.lines
    );
}

#[test]
fn refuses_a_folder_that_has_a_site_or_posts_and_writes_nothing() {
    let scratch = Scratch::new("twice");
    run("zola", &scratch.0, None).unwrap();
    let after_first = tree(&scratch.0);
    let again = run("hugo", &scratch.0, None).unwrap_err();
    assert!(
        again.contains("site.toml: already exists") && again.contains("--into"),
        "{again}"
    );
    assert_eq!(tree(&scratch.0), after_first, "nothing written");

    std::fs::remove_file(scratch.0.join("site.toml")).unwrap();
    let posts = run("hugo", &scratch.0, None).unwrap_err();
    assert!(
        posts.contains("already holds 4 markdown file(s)"),
        "{posts}"
    );
    assert!(!scratch.0.join("site.toml").exists(), "nothing written");
}

#[test]
fn refuses_to_write_inside_the_old_site() {
    let into = fixture("jekyll").join("imported");
    let err = run("jekyll", &into, None).unwrap_err();
    assert!(
        err.contains("is the old site's folder or inside it"),
        "{err}"
    );
    assert!(!into.exists());
}

#[test]
fn tells_hugo_from_zola_by_their_keys() {
    let scratch = Scratch::new("detect");
    let site = |config: &str| {
        let _ = std::fs::remove_dir_all(&scratch.0);
        std::fs::create_dir_all(&scratch.0).unwrap();
        std::fs::write(scratch.0.join("config.toml"), config).unwrap();
        Generator::ALL
            .into_iter()
            .filter(|g| g.detect(&scratch.0))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        site("baseURL = \"https://x.org/\"\ntitle = \"T\"\n"),
        [Generator::Hugo]
    );
    assert_eq!(
        site("base_url = \"https://x.org\"\ntitle = \"T\"\n"),
        [Generator::Zola]
    );
    for (name, generator) in [
        ("jekyll", Generator::Jekyll),
        ("hugo", Generator::Hugo),
        ("zola", Generator::Zola),
    ] {
        let found: Vec<Generator> = Generator::ALL
            .into_iter()
            .filter(|g| g.detect(&fixture(name)))
            .collect();
        assert_eq!(found, [generator], "{name}");
    }
}

#[test]
fn says_what_is_missing() {
    let scratch = Scratch::new("missing");
    std::fs::create_dir_all(&scratch.0).unwrap();
    let none = run("../../crates/content/src", &Scratch::new("x").0, None).unwrap_err();
    assert!(none.contains("no Jekyll (_config.yml), Hugo"), "{none}");
    let wrong = import(&ImportArgs {
        from: fixture("hugo"),
        into: scratch.0.join("out"),
        generator: Some(Generator::Jekyll),
        section: None,
    })
    .unwrap_err();
    assert!(wrong.contains("no _config.yml"), "{wrong}");
}

/// Writes `files` (path, text) under `dir`.
fn write_site(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

fn import_from(from: &Path, into: &Path, section: Option<&str>) -> Result<Report, String> {
    import(&ImportArgs {
        from: from.to_path_buf(),
        into: into.to_path_buf(),
        generator: None,
        section: section.map(str::to_string),
    })
}

#[test]
fn hugo_docsy_languages_prefer_the_blog_over_dated_docs() {
    let old = Scratch::new("docsy");
    let new = Scratch::new("docsy-new");
    let dated = "---\ntitle: T\ndate: 2017-01-05\n---\n";
    write_site(
        &old.0,
        &[
            (
                "hugo.toml",
                "baseURL = \"https://example.docsy.dev/\"\ntitle = \"Goldydocs\"\ncontentDir = \"content/en\"\ndefaultContentLanguage = \"en\"\n[permalinks]\nblog = \"/:section/:year/:month/:day/:slug/\"\n[languages.en]\nweight = 1\n[languages.no]\ncontentDir = \"content/no\"\n[outputs]\nsection = [\"HTML\", \"print\", \"RSS\"]\n",
            ),
            ("content/en/_index.md", "---\ntitle: Goldydocs\n---\n"),
            ("content/en/docs/a.md", dated),
            ("content/en/docs/b.md", dated),
            ("content/en/docs/c.md", dated),
            ("content/en/blog/_index.md", "---\ntitle: Blog\n---\n"),
            ("content/en/blog/news/first-post/index.md", dated),
            ("content/en/blog/news/first-post/featured-sunset.jpg", "jpg"),
            ("content/en/blog/releases/spec.md", dated),
            ("content/no/blog/innlegg.md", dated),
        ],
    );
    let report = import_from(&old.0, &new.0, None).unwrap();
    let files: Vec<String> = tree(&new.0).into_keys().collect();
    assert_eq!(
        files,
        [
            "content/blog/news/first-post/featured-sunset.jpg",
            "content/blog/news/first-post/index.md",
            "content/blog/releases/spec.md",
            "site.toml",
        ]
    );
    let site = site_toml(&new.0);
    assert_eq!(
        site.permalinks.get("blog").map(String::as_str),
        Some("/:section/:year/:month/:day/:slug/")
    );
    assert_eq!(site.old_feeds, ["/index.xml", "/blog/index.xml"]);
    assert!(site.static_dir.is_none());
    assert!(
        report.lines[1].starts_with("section: blog (named as a blog's"),
        "{:#?}",
        report.lines
    );
    assert!(
        has_line(&report, "not imported: content/no/: the pages in `no`"),
        "{:#?}",
        report.lines
    );
    assert!(
        has_line(
            &report,
            "not imported: content/en/docs/: the section `docs`"
        ),
        "{:#?}",
        report.lines
    );
}

#[test]
fn hugo_config_folder_in_yaml_and_json() {
    let old = Scratch::new("hugo-dir");
    let new = Scratch::new("hugo-dir-new");
    write_site(
        &old.0,
        &[
            (
                "config/_default/hugo.yaml",
                "baseURL: https://x.org/\ntitle: \"Quoted \\\"title\\\"\"\ndisableKinds: [RSS]\n",
            ),
            (
                "config/_default/params.yaml",
                "mainSections: [post]\nauthor: {name: A}\n",
            ),
            (
                "config/_default/permalinks.json",
                "{\"page\": {\"post\": \"/:year/:slug/\"}}",
            ),
            (
                "content/post/x.md",
                "+++\ntitle = \"X\"\ndate = 2020-01-01\n+++\n",
            ),
            (
                "content/post/draft.html",
                "---\ntitle: H\ndate: 2020-01-01\n---\n<p>html</p>\n",
            ),
            ("static/CNAME", "x.org\n"),
        ],
    );
    let report = import_from(&old.0, &new.0, None).unwrap();
    let files: Vec<String> = tree(&new.0).into_keys().collect();
    assert_eq!(files, ["content/post/x.md", "site.toml", "static/CNAME"]);
    let site = site_toml(&new.0);
    assert_eq!(site.site.title, "Quoted \"title\"");
    assert_eq!(
        site.permalinks.get("post").map(String::as_str),
        Some("/:year/:slug/")
    );
    assert!(site.old_feeds.is_empty(), "RSS is turned off");
    assert_eq!(site.params["author"]["name"].as_str(), Some("A"));
    assert!(
        has_line(
            &report,
            "not imported: content/post/draft.html: a page with front matter that is not markdown"
        ),
        "{:#?}",
        report.lines
    );
}

#[test]
fn zola_older_feed_keys_and_zola_toml() {
    let old = Scratch::new("zola-old");
    let new = Scratch::new("zola-old-new");
    write_site(
        &old.0,
        &[
            ("zola.toml", "base_url = \"https://z.org\"\ntitle = \"Z\"\ngenerate_feed = true\nfeed_filename = \"rss.xml\"\n"),
            ("content/blog/_index.md", "+++\ntitle = \"Blog\"\ngenerate_feeds = true\n+++\n"),
            ("content/blog/2020-02-02-hello.md", "+++\ntitle = \"Hello\"\n+++\n"),
            ("content/about.md", "+++\ntitle = \"About\"\n+++\n"),
        ],
    );
    let report = import_from(&old.0, &new.0, None).unwrap();
    let files: Vec<String> = tree(&new.0).into_keys().collect();
    assert_eq!(files, ["content/blog/2020-02-02-hello.md", "site.toml"]);
    assert_eq!(site_toml(&new.0).old_feeds, ["/rss.xml", "/blog/rss.xml"]);
    assert!(
        has_line(
            &report,
            "not imported: content/about.md: a page without a date"
        ),
        "{:#?}",
        report.lines
    );
}

#[test]
fn jekyll_toml_config_style_names_and_category_folders() {
    let old = Scratch::new("jekyll-toml");
    let new = Scratch::new("jekyll-toml-new");
    write_site(
        &old.0,
        &[
            ("_config.toml", "title = \"J\"\nurl = \"https://j.org\"\nbaseurl = \"/blog\"\npermalink = \"pretty\"\ngems = [\"jekyll-feed\"]\n[feed]\npath = \"atom.xml\"\n"),
            ("_posts/2020-01-01-a.md", "---\ntitle: A\n---\n"),
            ("news/_posts/2020-01-02-b.md", "---\ntitle: B\n---\n"),
            ("news/index.html", "---\nlayout: default\n---\n"),
            ("css/site.css", "body{}"),
            ("node_modules/x/index.js", "x"),
        ],
    );
    import_from(&old.0, &new.0, None).unwrap();
    let files: Vec<String> = tree(&new.0).into_keys().collect();
    assert_eq!(
        files,
        [
            "content/_posts/2020-01-01-a.md",
            "content/news/_posts/2020-01-02-b.md",
            "site.toml",
            "static/css/site.css"
        ]
    );
    let site = site_toml(&new.0);
    assert_eq!(site.base_url.as_deref(), Some("https://j.org/blog/"));
    assert_eq!(
        site.permalinks["*"],
        "/:categories/:year/:month/:day/:title/"
    );
    assert_eq!(site.old_feeds, ["/atom.xml"]);
}

#[test]
fn zola_section_named_on_the_command_line() {
    let scratch = Scratch::new("zola-notes");
    let report = run("zola", &scratch.0, Some("notes")).unwrap();
    let files: Vec<String> = tree(&scratch.0)
        .into_keys()
        .filter(|f| f.starts_with("content/"))
        .collect();
    assert_eq!(files, ["content/notes/second.md", "content/notes/third.md"]);
    assert_eq!(report.lines[1], "section: notes (named by --section)");
    let unknown = run("zola", &Scratch::new("zola-none").0, Some("posts")).unwrap_err();
    assert!(unknown.contains("no section `posts`"), "{unknown}");
}

#[test]
fn links_are_not_followed_and_well_known_files_are_served() {
    // A static folder with a link back into itself and one out of the site,
    // and a `.well-known/` file (served by Hugo; other dot-files are not).
    let old = Scratch::new("links-old");
    write_site(
        &old.0,
        &[
            ("hugo.toml", "baseURL = 'https://x.example/'\ntitle = 'X'\n"),
            (
                "content/posts/a.md",
                "+++\ntitle = 'A'\ndate = 2020-01-01\n+++\nA.\n",
            ),
            (
                "static/.well-known/security.txt",
                "Contact: mailto:s@x.example\n",
            ),
            ("static/.DS_Store", "x"),
        ],
    );
    let outside = Scratch::new("links-outside");
    write_site(&outside.0, &[("secret.txt", "do not publish")]);
    std::os::unix::fs::symlink(old.0.join("static"), old.0.join("static/self")).unwrap();
    std::os::unix::fs::symlink(&outside.0, old.0.join("static/keys")).unwrap();
    let into = Scratch::new("links-into");
    import_from(&old.0, &into.0, None).unwrap();
    let copied = tree(&into.0.join("static"));
    assert_eq!(
        copied.keys().collect::<Vec<_>>(),
        [".well-known/security.txt"]
    );
}

#[test]
fn hugo_translations_by_file_name_stay_out() {
    // PaperMod's example site: `markdown-syntax.fr.md` beside
    // `markdown-syntax.md` is the French page, with the same aliases.
    let old = Scratch::new("languages-old");
    write_site(
        &old.0,
        &[
            (
                "config.yml",
                "baseURL: https://x.example/\ntitle: X\nlanguages:\n  en:\n    weight: 1\n  fr:\n    weight: 2\n",
            ),
            ("content/posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\nA.\n"),
            ("content/posts/a.fr.md", "---\ntitle: A (fr)\ndate: 2020-01-01\n---\nA.\n"),
            ("content/posts/b.final.md", "---\ntitle: B\ndate: 2020-01-02\n---\nB.\n"),
        ],
    );
    let into = Scratch::new("languages-into");
    let report = import_from(&old.0, &into.0, None).unwrap();
    let copied = tree(&into.0.join("content"));
    assert_eq!(
        copied.keys().collect::<Vec<_>>(),
        ["posts/a.md", "posts/b.final.md"]
    );
    assert!(
        has_line(
            &report,
            "not imported: content/posts/a.fr.md: the page in `fr`"
        ),
        "{:?}",
        report.lines
    );
}
