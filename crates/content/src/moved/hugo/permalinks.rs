//! Addresses of posts as Hugo makes them.
//!
//! gohugoio/hugo `resources/page/permalinks.go` (`PermalinkExpander`): the
//! `:tokens` of a `[permalinks]` pattern (`attributeRegexp` `:\w+(\[.+?\])?`,
//! `\:` for a literal colon), a token being a Go date layout when it holds
//! one (`:2006`, `:01`…). `resources/page/page_paths.go`
//! (`CreateTargetPaths`): an expanded pattern or the default
//! `<folders>/<slug or file name>` is made a folder (`…/index.html`, as
//! `uglyURLs = false` by default) and every part goes through
//! `MakePathSanitized` (`helpers/path.go`): `paths.Sanitize`
//! (`common/paths/path.go`) and lower case (`disablePathToLower = false`);
//! a front matter `url` is kept as written. `urlize` (`helpers/url.go`) is
//! the same sanitising; its percent-escaping of non-ASCII letters is left
//! out, as old addresses are compared decoded.
//!
//! Hugo's sections are the folders under `content/` (a nested folder is one
//! when it has an `_index.md`, which the post does not tell: every folder is
//! taken as one). Its dates are in the offset they were written in, as
//! `PostDate::ymd`; [`date_parts`] (shared with Jekyll) gives the time of day.

use crate::moved::PermalinkPost;
use crate::post::PostDate;

/// Hugo's own tokens (`knownPermalinkAttributes`).
const TOKENS: &[&str] = &[
    "year",
    "month",
    "monthname",
    "day",
    "weekday",
    "weekdayname",
    "yearday",
    "section",
    "sectionslug",
    "sections",
    "sectionslugs",
    "title",
    "slug",
    "slugorfilename",
    "filename",
    "contentbasename",
    "slugorcontentbasename",
];

/// The path a pattern gives `post`.
pub fn expand(pattern: &str, post: &PermalinkPost) -> Result<String, String> {
    let escaped = pattern.trim().replace("\\:", "\0");
    let mut path = String::new();
    let mut rest = escaped.as_str();
    let mut expanded = false;
    while let Some(at) = rest.find(':') {
        path.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let n = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if n == 0 {
            path.push(':');
            rest = after;
            continue;
        }
        let (name, mut len) = (&after[..n], n);
        let slice = match after[n..]
            .strip_prefix('[')
            .and_then(|s| s.get(1..)?.find(']'))
        {
            Some(close) => {
                len = n + close + 3;
                Some(&after[n + 1..len - 1])
            }
            None => None,
        };
        let value = token(name, slice, post).ok_or_else(|| {
            let known: Vec<String> = TOKENS.iter().map(|t| format!("`:{t}`")).collect();
            format!(
                "`{pattern}` has the placeholder `:{}`, which Hugo does not have (expected {}, `:sections[…]` or a Go date layout such as `:2006`)",
                &after[..len],
                known.join(", ")
            )
        })?;
        path.push_str(&value);
        expanded = true;
        rest = &after[len..];
    }
    path.push_str(rest);
    let path = path.replace('\0', ":");
    Ok(if expanded {
        folder(&urlize(&path))
    } else {
        written_url(&path)
    })
}

/// The path Hugo gives `post` when nothing sets one: its folders, then its
/// slug or its file's (or bundle's) name, made a folder.
pub fn default(post: &PermalinkPost) -> String {
    let (mut folders, name) = split_source(post.source);
    let last = match post.slug {
        Some(slug) => slug.to_string(),
        None => name,
    };
    folders.push(last);
    let parts: Vec<String> = folders.iter().map(|p| urlize(p)).collect();
    folder(&parts.join("/"))
}

/// Hugo's `urlize` and `MakePathSanitized` (without percent-escaping):
/// `paths.Sanitize`, then lower case.
pub fn urlize(text: &str) -> String {
    sanitize(text).to_lowercase()
}

/// `paths.Sanitize`: letters, digits, marks and `./\_#+~-@` (and `%xx`) are
/// kept, a run of white space between kept characters becomes one `-`
/// (none next to a `-`), anything else is dropped.
fn sanitize(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut hyphen_before, mut was_hyphen) = (false, false);
    for (i, c) in text.char_indices() {
        let allowed = c != ' '
            && (is_letter(c)
                || is_digit(c)
                || matches!(c, '.' | '/' | '\\' | '_' | '#' | '+' | '~' | '-' | '@')
                || is_mark(c)
                || (c == '%'
                    && i + 2 < b.len()
                    && b[i + 1].is_ascii_hexdigit()
                    && b[i + 2].is_ascii_hexdigit()));
        if allowed {
            was_hyphen = c == '-';
            if hyphen_before && !was_hyphen {
                out.push('-');
            }
            hyphen_before = false;
            out.push(c);
        } else if !out.is_empty() && !was_hyphen && c.is_whitespace() {
            hyphen_before = true;
        }
    }
    out
}

/// Go's `unicode.IsMark`, Onigmo's `\p{M}`: General_Category Mark.
pub fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Go's `unicode.IsLetter`, Onigmo's `\p{L}`: Rust's Alphabetic less the
/// marks, letter numbers and circled letters it also holds.
pub fn is_letter(c: char) -> bool {
    c.is_alphabetic()
        && !is_mark(c)
        && !matches!(c, '\u{16ee}'..='\u{16f0}' | '\u{2160}'..='\u{2188}' | '\u{24b6}'..='\u{24e9}' | '\u{3007}' | '\u{3021}'..='\u{3029}' | '\u{3038}'..='\u{303a}' | '\u{1f130}'..='\u{1f189}')
}

/// Go's `unicode.IsDigit`, Onigmo's `\p{Nd}`: Rust's numeric less letter
/// numbers and the other numbers (superscripts, fractions, circled numbers).
pub fn is_digit(c: char) -> bool {
    c.is_numeric()
        && !c.is_alphabetic()
        && !matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{bc}'..='\u{be}' | '\u{2070}'..='\u{209f}' | '\u{2150}'..='\u{218b}' | '\u{2460}'..='\u{24ff}' | '\u{2776}'..='\u{2793}' | '\u{2cfd}' | '\u{3192}'..='\u{3195}' | '\u{3220}'..='\u{3229}' | '\u{3248}'..='\u{324f}' | '\u{3251}'..='\u{325f}' | '\u{3280}'..='\u{3289}' | '\u{32b1}'..='\u{32bf}' | '\u{1f100}'..='\u{1f10c}')
}

/// A front matter `url` as Hugo keeps it: from the root, a folder unless its
/// last part names a file (Hugo: unless it ends in `/` or has no dot).
fn written_url(url: &str) -> String {
    let url = url.trim();
    if url.ends_with('/') || !url.contains('.') {
        folder(url)
    } else {
        format!("/{}", collapse(url.trim_start_matches('/')))
    }
}

/// `/parts/`, with empty parts dropped.
fn folder(path: &str) -> String {
    let path = collapse(path.trim_matches('/'));
    if path.is_empty() {
        "/".to_string()
    } else {
        format!("/{path}/")
    }
}

/// `a//b` → `a/b`.
pub fn collapse(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if !(c == '/' && out.ends_with('/')) {
            out.push(c);
        }
    }
    out
}

/// The folders a post's file is in (a bundle's own folder not counted) and
/// its name ([`crate::post::folders_and_name`]), owned.
pub fn split_source(source: &str) -> (Vec<String>, String) {
    let (folders, name) = crate::post::folders_and_name(source);
    (
        folders.into_iter().map(str::to_string).collect(),
        name.to_string(),
    )
}

/// The value of token `name` (with its `[…]` slice) for `post`; `None` when
/// Hugo does not know it.
fn token(name: &str, slice: Option<&str>, post: &PermalinkPost) -> Option<String> {
    let (date, _) = date_parts(post.date);
    let (sections, name_of_file) = split_source(post.source);
    let branch = post
        .source
        .rsplit('/')
        .next()
        .unwrap_or("")
        .starts_with("_index.");
    if let Some(slice) = slice {
        let section_slugs: Vec<String>;
        let list = match name {
            "sections" => &sections,
            "sectionslugs" => {
                section_slugs = sections.iter().map(|s| urlize(s)).collect();
                &section_slugs
            }
            _ => return None,
        };
        return Some(cut(list, slice).join("/"));
    }
    let title = || urlize(post.title);
    let slug = post.slug.map(urlize);
    // `pageToPermalinkFilename`: nothing for a section's `_index.md`.
    let file_name = || {
        if branch {
            String::new()
        } else {
            urlize(&name_of_file)
        }
    };
    Some(match name {
        "year" => date.year().to_string(),
        "month" => format!("{:02}", u8::from(date.month())),
        "monthname" => date.month().to_string(),
        "day" => format!("{:02}", date.day()),
        "weekday" => date.weekday().number_days_from_sunday().to_string(),
        "weekdayname" => date.weekday().to_string(),
        "yearday" => date.ordinal().to_string(),
        "section" => sections.first().cloned().unwrap_or_default(),
        "sectionslug" => sections.first().map(|s| urlize(s)).unwrap_or_default(),
        "sections" => sections.join("/"),
        "sectionslugs" => sections
            .iter()
            .map(|s| urlize(s))
            .collect::<Vec<_>>()
            .join("/"),
        "title" => title(),
        "slug" => slug.unwrap_or_else(title),
        "filename" => file_name(),
        "contentbasename" => urlize(&name_of_file),
        "slugorfilename" => slug.unwrap_or_else(file_name),
        "slugorcontentbasename" => slug.unwrap_or_else(|| urlize(&name_of_file)),
        _ => go_format(name, post.date)?,
    })
}

/// Hugo's `toSliceFunc`: `[n]`, `[n:m]`, `[n:]`, `[:m]`, `[last]`.
fn cut(list: &[String], slice: &str) -> Vec<String> {
    let slice = slice.trim().to_lowercase();
    let index = |s: &str, low: bool| -> Option<usize> {
        match s {
            "" => Some(if low { 0 } else { list.len() }),
            "last" => list.len().checked_sub(1),
            _ => {
                let n = s.parse::<i64>().unwrap_or(0).max(0) as usize;
                if n >= list.len() {
                    (!low).then_some(list.len())
                } else {
                    Some(n)
                }
            }
        }
    };
    match slice.split_once(':') {
        None => index(&slice, true)
            .and_then(|n| list.get(n))
            .into_iter()
            .cloned()
            .collect(),
        Some((a, b)) => match (index(a, true), index(b, false)) {
            (Some(a), Some(b)) if a <= b => list[a..b].to_vec(),
            _ => Vec::new(),
        },
    }
}

/// A token that is a Go date layout (`referenceTime.Format(attr) != attr`),
/// formatted with the post's date; `None` when it holds no layout element.
fn go_format(layout: &str, date: &PostDate) -> Option<String> {
    const ELEMENTS: &[&str] = &[
        "January", "Jan", "Monday", "Mon", "2006", "01", "02", "03", "04", "05", "06", "_2", "15",
        "PM", "pm", "1", "2", "3", "4", "5",
    ];
    let (day, clock) = date_parts(date);
    let mut out = String::new();
    let mut rest = layout;
    let mut any = false;
    while let Some(c) = rest.chars().next() {
        let Some(element) = ELEMENTS.iter().find(|e| rest.starts_with(**e)) else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        };
        any = true;
        rest = &rest[element.len()..];
        let hour12 = match clock.hour() % 12 {
            0 => 12,
            h => h,
        };
        let value = match *element {
            "January" => day.month().to_string(),
            "Jan" => day.month().to_string()[..3].to_string(),
            "Monday" => day.weekday().to_string(),
            "Mon" => day.weekday().to_string()[..3].to_string(),
            "2006" => day.year().to_string(),
            "06" => format!("{:02}", day.year().rem_euclid(100)),
            "01" => format!("{:02}", u8::from(day.month())),
            "1" => u8::from(day.month()).to_string(),
            "02" => format!("{:02}", day.day()),
            "2" => day.day().to_string(),
            "_2" => format!("{:>2}", day.day()),
            "15" => format!("{:02}", clock.hour()),
            "03" => format!("{hour12:02}"),
            "3" => hour12.to_string(),
            "04" => format!("{:02}", clock.minute()),
            "4" => clock.minute().to_string(),
            "05" => format!("{:02}", clock.second()),
            "5" => clock.second().to_string(),
            "PM" => if clock.hour() < 12 { "AM" } else { "PM" }.to_string(),
            _ => if clock.hour() < 12 { "am" } else { "pm" }.to_string(),
        };
        out.push_str(&value);
    }
    any.then_some(out)
}

/// A post's calendar date as written (`ymd`) and its time of day. The time
/// of day comes from `timestamp` in UTC, as `PostDate` keeps no offset: it is
/// the written time when no offset was written (or `+00:00`); a date
/// without time gives midnight.
pub fn date_parts(date: &PostDate) -> (time::Date, time::Time) {
    let instant = time::OffsetDateTime::from_unix_timestamp(date.timestamp)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let day = time::Date::parse(&date.ymd, format).unwrap_or(instant.date());
    (day, instant.time())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post<'a>(
        source: &'a str,
        title: &'a str,
        slug: Option<&'a str>,
        date: &'a PostDate,
    ) -> PermalinkPost<'a> {
        PermalinkPost {
            source,
            title,
            slug,
            date,
            categories: &[],
        }
    }

    fn date() -> PostDate {
        // `resources/page/permalinks_test.go`: "2012-04-06 03:01:59", a Friday.
        crate::moved::hugo::dates::parse("2012-04-06 03:01:59").unwrap()
    }

    #[test]
    fn hugos_own_expansions() {
        // `resources/page/permalinks_test.go`, `testdataPermalinks`: a bundle
        // `test-page/index.md` in section `blue` (in `a/b/c` for `:sections`),
        // title "Spf13 Vim 3.0 Release and new website", slug "The Slug".
        // Expected values are Hugo's, then lower-cased and made folders as
        // `page_paths.go` does.
        let d = date();
        let title = "Spf13 Vim 3.0 Release and new website";
        let p = post("blue/test-page/index.md", title, Some("The Slug"), &d);
        for (pattern, expected) in [
            (":title", "/spf13-vim-3.0-release-and-new-website/"),
            (
                "/:year-:month-:title",
                "/2012-04-spf13-vim-3.0-release-and-new-website/",
            ),
            (
                "/:year/:yearday/:month/:monthname/:day/:weekday/:weekdayname/",
                "/2012/97/04/april/06/5/friday/",
            ),
            ("/:section/", "/blue/"),
            ("/:title/", "/spf13-vim-3.0-release-and-new-website/"),
            ("/:slug/", "/the-slug/"),
            ("/:slugorfilename/", "/the-slug/"),
            ("/:filename/", "/test-page/"),
            ("/:06-:1-:2-:Monday", "/12-4-6-friday/"),
            ("/:2006_01_02_15_04_05.000", "/2012_04_06_03_01_59.000/"),
            // No token left: kept as written. With a token, the sanitising
            // of the whole path drops the escaped colon.
            ("/\\:filename", "/:filename/"),
            ("/special\\::slug/", "/specialthe-slug/"),
            ("/:contentbasename/", "/test-page/"),
        ] {
            assert_eq!(expand(pattern, &p).unwrap(), expected, "{pattern}");
        }
        let no_slug = post("blue/test-page/index.md", title, None, &d);
        assert_eq!(
            expand("/:slugorcontentbasename/", &no_slug).unwrap(),
            "/test-page/"
        );
        let my_slug = post("blue/test-page/index.md", title, Some("myslug"), &d);
        assert_eq!(
            expand("/:slugorcontentbasename/", &my_slug).unwrap(),
            "/myslug/"
        );
        let nested = post("a/b/c/test-page/index.md", title, None, &d);
        for (pattern, expected) in [
            ("/:sections/", "/a/b/c/"),
            ("/:sections[last]/", "/c/"),
            ("/:sections[0]/:sections[last]/", "/a/c/"),
            ("/:sections[1:]/", "/b/c/"),
            ("/:sectionslugs[:1]/", "/a/"),
        ] {
            assert_eq!(expand(pattern, &nested).unwrap(), expected, "{pattern}");
        }
        // A file, not a bundle; no slug: `:slug` falls back to the title.
        let page = post("posts/My Page.md", "Hello, World!", None, &d);
        assert_eq!(expand("/:slug/", &page).unwrap(), "/hello-world/");
        assert_eq!(expand("/:filename/", &page).unwrap(), "/my-page/");
    }

    #[test]
    fn bundles_and_written_urls() {
        let d = date();
        let bundle = post("posts/My Trip/index.md", "My Trip", None, &d);
        assert_eq!(expand("/:filename/", &bundle).unwrap(), "/my-trip/");
        assert_eq!(expand("/:contentbasename/", &bundle).unwrap(), "/my-trip/");
        assert_eq!(
            expand("/:section/:year/:slug/", &bundle).unwrap(),
            "/posts/2012/my-trip/"
        );
        // A front matter `url` is kept as written (Hugo does not sanitise it).
        assert_eq!(expand("/Old Place", &bundle).unwrap(), "/Old Place/");
        assert_eq!(expand("old/page.html", &bundle).unwrap(), "/old/page.html");
    }

    #[test]
    fn unknown_tokens() {
        let d = date();
        let p = post("posts/a.md", "A", None, &d);
        let err = expand("/:yeer/:slug/", &p).unwrap_err();
        assert!(
            err.starts_with("`/:yeer/:slug/` has the placeholder `:yeer`"),
            "{err}"
        );
        assert!(err.contains("`:slugorfilename`"), "{err}");
    }

    #[test]
    fn defaults() {
        let d = date();
        assert_eq!(
            default(&post("posts/My First Post.md", "x", None, &d)),
            "/posts/my-first-post/"
        );
        assert_eq!(
            default(&post("posts/a.md", "x", Some("Hello World!"), &d)),
            "/posts/hello-world/"
        );
        assert_eq!(
            default(&post("posts/2019/trip/index.md", "x", None, &d)),
            "/posts/2019/trip/"
        );
        assert_eq!(default(&post("about.md", "x", None, &d)), "/about/");
    }

    #[test]
    fn unicode_categories() {
        assert!(is_letter('é') && is_letter('神') && !is_letter('\u{301}') && !is_letter('Ⅷ'));
        assert!(is_digit('7') && is_digit('٣') && !is_digit('²') && !is_digit('½'));
        assert!(is_mark('\u{301}') && is_mark('\u{bcd}') && !is_mark('a'));
    }

    #[test]
    fn urlize_as_hugo() {
        // `helpers/url_test.go`, `TestURLize` (without the percent-escaping).
        assert_eq!(urlize("  foo bar  "), "foo-bar");
        assert_eq!(urlize("foo.bar/foo_bar-foo"), "foo.bar/foo_bar-foo");
        assert_eq!(urlize("foo,bar:foobar"), "foobarfoobar");
        assert_eq!(urlize("foo/bar.html"), "foo/bar.html");
        assert_eq!(urlize("трям/трям"), "трям/трям");
        assert_eq!(urlize("100%-google"), "100-google");
    }
}
