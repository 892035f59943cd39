//! The content build on a folder of broken posts: it fails, and reports every
//! problem of every post as `path:line: field: message`.

use std::process::Command;

#[test]
fn invalid_posts_fail_the_build_naming_file_line_and_field() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/invalid-content");
    let output = Command::new(env!("CARGO_BIN_EXE_blog-content"))
        .args([
            "check",
            "--content",
            dir,
            "--site",
            "/nonexistent/site.toml",
            "--now",
            "2026-11-01",
        ])
        .output()
        .expect("run blog-content");
    assert!(!output.status.success(), "the build must fail");
    let stderr = String::from_utf8_lossy(&output.stderr).replace(dir, "content");
    let expected = [
        "content/2026/toml-error.md:4: front matter: TOML syntax error",
        "content/bad-date.md:3: date: `2026-02-30` is not a valid date (expected `YYYY-MM-DD` or RFC 3339",
        "content/broken-link.md:7: link: `no-such-post.md` does not match any post (expected the path of a published post's file, relative to this one)",
        "content/duplicate-b.md:4: slug: `same-slug` is already used by content/duplicate-a.md",
        "content/latin1.md:2: encoding: byte 0xE9 at column 11 is not UTF-8 text (expected UTF-8: save the file as UTF-8)",
        "content/missing-title.md:1: title: is missing (expected e.g. `title: \"How a cache key leaked data\"`)",
        "content/unclosed.md:1: front matter: front matter is never closed (expected a line with only `---` after the fields)",
        "content/wrong-types.md:4: tags: is a number (expected a list of strings, e.g. `[postgres, rds]`)",
        "content/wrong-types.md:5: draft: is `sometimes` (expected `true` or `false`)",
        "content/wrong-types.md:6: slug: `Not A Slug` is not a valid slug (expected lower-case letters, digits and single hyphens, e.g. `not-a-slug`)",
        "content/yaml-syntax.md:",
        "error: 11 errors in 9 files: the content build stopped",
    ];
    for line in expected {
        assert!(stderr.contains(line), "missing {line:?} in:\n{stderr}");
    }
    let yaml = stderr
        .lines()
        .find(|l| l.starts_with("content/yaml-syntax.md:"))
        .unwrap_or_default();
    assert!(yaml.contains(": front matter: YAML syntax error"), "{yaml}");
}

#[test]
fn the_launch_content_builds_cleanly() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let output = Command::new(env!("CARGO_BIN_EXE_blog-content"))
        .current_dir(root)
        .args(["check"])
        .output()
        .expect("run blog-content");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("warning:"), "{stderr}");
}
