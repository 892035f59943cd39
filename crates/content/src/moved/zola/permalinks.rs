//! Addresses of posts as Zola makes them.
//!
//! getzola/zola `components/content/src/page.rs`, `Page::parse`. Zola has no
//! address patterns: a front matter `path` is the address, trimmed, with a
//! `/` put before and after it when missing. Otherwise the address is the
//! page's folders under `content/` (`file_info.rs`: as named, not
//! slugified; a bundle's own folder left out) and its slug: the front
//! matter `slug`, else the file name (a bundle's folder name for
//! `index.md`) less a leading date (`RFC3339_DATE`: `2018-10-10`, or a full
//! RFC 3339 date-time, then an optional space and `-` or `_`), slugified
//! (`slugify.paths = "on"`: the `slug` crate, `utils/src/slugs.rs`).
//! Languages (`post.fr.md`) are not handled: the default site has one.

use crate::moved::hugo::permalinks::{collapse, split_source};
use crate::moved::PermalinkPost;

/// The path a front matter `path` gives `post` (Zola has no placeholders).
pub fn expand(pattern: &str, _post: &PermalinkPost) -> Result<String, String> {
    let path = pattern.trim();
    let path = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    };
    Ok(if path.ends_with('/') {
        path
    } else {
        format!("{path}/")
    })
}

/// The path Zola gives `post` when nothing sets one.
pub fn default(post: &PermalinkPost) -> String {
    let (folders, name) = split_source(post.source);
    let top_index = folders.is_empty() && !post.source.contains('/') && name == "index";
    if top_index {
        return "/".to_string();
    }
    let slug = match post.slug {
        Some(slug) => slug::slugify(slug),
        None => slug::slugify(undated(&name)),
    };
    collapse(&format!("/{}/{slug}/", folders.join("/")))
}

/// The file name after the date `RFC3339_DATE` finds at its start (the
/// `slug` group), or the whole name when it finds none.
fn undated(name: &str) -> &str {
    let b = name.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b.get(range.clone())
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            .then(|| name[range].parse::<u32>().unwrap_or(0))
    };
    let date = (|| {
        digits(0..4)?;
        let month = digits(5..7)?;
        let day = digits(8..10)?;
        (b[4] == b'-' && b[7] == b'-' && (1..=12).contains(&month) && (1..=31).contains(&day))
            .then_some(())
    })();
    if date.is_none() {
        return name;
    }
    let rest = &name[10..];
    let rest = time_of_day(rest).unwrap_or(rest);
    let rest = rest
        .strip_prefix(char::is_whitespace)
        .filter(|r| r.starts_with(['-', '_']))
        .unwrap_or(rest);
    match rest.strip_prefix(['-', '_']) {
        Some(slug) if !slug.is_empty() => slug,
        _ => name,
    }
}

/// The rest after `RFC3339_DATE`'s time part,
/// `T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)`.
fn time_of_day(text: &str) -> Option<&str> {
    let two = |t: &str, max: u32| -> Option<usize> {
        let d = t.get(..2)?;
        (d.bytes().all(|c| c.is_ascii_digit()) && d.parse::<u32>().ok()? <= max).then_some(2)
    };
    let mut t = text.strip_prefix('T')?;
    t = &t[two(t, 23)?..];
    t = t.strip_prefix(':')?;
    t = &t[two(t, 59)?..];
    t = t.strip_prefix(':')?;
    t = &t[two(t, 60)?..];
    if let Some(fraction) = t.strip_prefix('.') {
        let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if n > 0 {
            t = &fraction[n..];
        }
    }
    if let Some(rest) = t.strip_prefix('Z') {
        return Some(rest);
    }
    t = t.strip_prefix(['+', '-'])?;
    t = &t[two(t, 23)?..];
    t = t.strip_prefix(':')?;
    Some(&t[two(t, 59)?..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::post::PostDate;

    fn post<'a>(source: &'a str, slug: Option<&'a str>, date: &'a PostDate) -> PermalinkPost<'a> {
        PermalinkPost {
            source,
            title: "Hello",
            slug,
            date,
            categories: &[],
        }
    }

    fn date() -> PostDate {
        crate::moved::zola::dates::parse("2018-10-08").unwrap()
    }

    #[test]
    fn zolas_own_pages() {
        // `components/content/src/page.rs` tests.
        let d = date();
        let cases = [
            (
                "posts/intro/start.md",
                Some("hello-world"),
                "/posts/intro/hello-world/",
            ),
            ("start.md", Some("hello-world"), "/hello-world/"),
            ("start.md", Some("hello-&-world"), "/hello-world/"),
            ("start.md", Some("日本"), "/ri-ben/"),
            (" file with space.md", None, "/file-with-space/"),
            ("posts/with-assets/index.md", None, "/posts/with-assets/"),
            ("posts/with-assets/index.md", Some("hey"), "/posts/hey/"),
            ("posts/with_assets/index.md", None, "/posts/with-assets/"),
            (
                "posts/2013-06-02_with-assets/index.md",
                None,
                "/posts/with-assets/",
            ),
            ("2018-10-08_hello.md", None, "/hello/"),
            ("2018-10-08 - hello.md", None, "/hello/"),
            ("2018-10-02T15:00:00Z-hello.md", None, "/hello/"),
        ];
        for (source, slug, expected) in cases {
            assert_eq!(default(&post(source, slug, &d)), expected, "{source}");
        }
        // `can_make_url_from_path`, `…_starting_slash`.
        let p = post("posts/intro/start.md", None, &d);
        assert_eq!(expand("hello-world", &p).unwrap(), "/hello-world/");
        assert_eq!(expand("/hello-world", &p).unwrap(), "/hello-world/");
    }

    #[test]
    fn dates_and_folders() {
        let d = date();
        // Folders stay as named; only the slug is slugified.
        assert_eq!(
            default(&post("Blog Posts/My Post.md", None, &d)),
            "/Blog Posts/my-post/"
        );
        // Not a date: a month 13, no separator, nothing after it.
        assert_eq!(
            default(&post("2018-13-08-x.md", None, &d)),
            "/2018-13-08-x/"
        );
        assert_eq!(
            default(&post("2018-10-08hello.md", None, &d)),
            "/2018-10-08hello/"
        );
        assert_eq!(default(&post("2018-10-08.md", None, &d)), "/2018-10-08/");
        assert_eq!(
            default(&post("2018-10-08T25:00:00Z-x.md", None, &d)),
            "/2018-10-08t25-00-00z-x/"
        );
        assert_eq!(default(&post("index.md", None, &d)), "/");
        assert_eq!(
            expand(" /a/b.html ", &post("x.md", None, &d)).unwrap(),
            "/a/b.html/"
        );
    }
}
