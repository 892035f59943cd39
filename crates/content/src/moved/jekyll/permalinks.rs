//! Addresses of posts as Jekyll makes them.
//!
//! jekyll/jekyll: the built-in styles are `STYLE_TO_PERMALINK`
//! (`lib/jekyll/configuration.rb`; the default `permalink: date`); placeholders
//! are filled by `generate_url_from_drop` (`lib/jekyll/url.rb`: `:name`, or
//! `:name_` read as `:name` then `_`, unknown names an error) from
//! `Drops::UrlDrop` (`lib/jekyll/drops/url_drop.rb`), and the result is
//! cleaned by `sanitize_url` (a leading `/`, `..` made `/`, `./` dropped,
//! repeated `/` squeezed, so empty categories vanish).
//!
//! `:title` is `Utils.slugify(slug, mode: "pretty", cased: true)` of the
//! front matter `slug`, else of the file name without its date and extension
//! (`Document#populate_title`); `:slug` the same in the default mode;
//! `:categories` the folders above `_posts/` then the front matter's, each
//! down-cased, spaces kept, duplicates dropped, joined by `/`. Jekyll
//! percent-escapes the values (`URL.escape_path`); paths here stay decoded,
//! as old addresses are compared decoded. Dates are the written date; the
//! time of day is UTC ([`date_parts`]; Jekyll uses the build machine's or
//! `timezone`'s).

use crate::moved::hugo::permalinks::{collapse, date_parts, is_digit, is_letter, is_mark};
use crate::moved::PermalinkPost;

/// `STYLE_TO_PERMALINK`.
const STYLES: &[(&str, &str)] = &[
    ("none", "/:categories/:title:output_ext"),
    ("date", "/:categories/:year/:month/:day/:title:output_ext"),
    ("ordinal", "/:categories/:year/:y_day/:title:output_ext"),
    ("pretty", "/:categories/:year/:month/:day/:title/"),
    (
        "weekdate",
        "/:categories/:year/W:week/:short_day/:title:output_ext",
    ),
];

/// The placeholders of `Drops::UrlDrop`.
const PLACEHOLDERS: &[&str] = &[
    "year",
    "month",
    "i_month",
    "short_month",
    "long_month",
    "day",
    "i_day",
    "y_day",
    "short_year",
    "hour",
    "minute",
    "second",
    "w_year",
    "week",
    "w_day",
    "short_day",
    "long_day",
    "title",
    "slug",
    "name",
    "categories",
    "slugified_categories",
    "collection",
    "path",
    "output_ext",
];

/// The path a pattern (or a style's name) gives `post`.
pub fn expand(pattern: &str, post: &PermalinkPost) -> Result<String, String> {
    let pattern = pattern.trim();
    let template = STYLES
        .iter()
        .find(|(style, _)| *style == pattern)
        .map_or(pattern, |(_, template)| template);
    let mut url = String::new();
    let mut rest = template;
    while let Some(at) = rest.find(':') {
        url.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let n = after
            .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
            .unwrap_or(after.len());
        let written = &after[..n];
        let name = match written.strip_suffix('_') {
            Some(name) if !PLACEHOLDERS.contains(&written) => name,
            _ => written,
        };
        if n == 0 {
            url.push(':');
        } else if let Some(value) = placeholder(name, post) {
            url.push_str(&value);
            url.push_str(&written[name.len()..]);
        } else {
            let known: Vec<String> = PLACEHOLDERS.iter().map(|p| format!("`:{p}`")).collect();
            return Err(format!(
                "`{pattern}` has the placeholder `:{written}`, which Jekyll does not have (expected {}, or a style: `date`, `pretty`, `ordinal`, `weekdate`, `none`)",
                known.join(", ")
            ));
        }
        rest = &after[n..];
    }
    url.push_str(rest);
    Ok(sanitize_url(&url))
}

/// The path Jekyll gives `post` when nothing sets one: the `date` style.
pub fn default(post: &PermalinkPost) -> String {
    expand("date", post).unwrap_or_else(|_| sanitize_url(post.source))
}

/// `URL#sanitize_url`.
fn sanitize_url(url: &str) -> String {
    collapse(&format!("/{url}").replace("..", "/").replace("./", ""))
}

/// The value of a `UrlDrop` placeholder; `None` for a name it does not have.
fn placeholder(name: &str, post: &PermalinkPost) -> Option<String> {
    let (date, clock) = date_parts(post.date);
    let (iso_year, week, weekday) = date.to_iso_week_date();
    let month = date.month().to_string();
    let day_name = weekday.to_string();
    let (categories, file_slug, basename) = from_source(post.source);
    let slug = post.slug.map_or(file_slug, str::to_string);
    Some(match name {
        "year" => format!("{:04}", date.year()),
        "month" => format!("{:02}", u8::from(date.month())),
        "i_month" => u8::from(date.month()).to_string(),
        "short_month" => month[..3].to_string(),
        "long_month" => month,
        "day" => format!("{:02}", date.day()),
        "i_day" => date.day().to_string(),
        "y_day" => format!("{:03}", date.ordinal()),
        "short_year" => format!("{:02}", date.year().rem_euclid(100)),
        "hour" => format!("{:02}", clock.hour()),
        "minute" => format!("{:02}", clock.minute()),
        "second" => format!("{:02}", clock.second()),
        "w_year" => iso_year.to_string(),
        "week" => format!("{week:02}"),
        "w_day" => weekday.number_from_monday().to_string(),
        "short_day" => day_name[..3].to_string(),
        "long_day" => day_name,
        "title" => slugify(&slug, true),
        "slug" => slugify(&slug, false),
        "name" => slugify(&basename, false),
        "categories" => unique(
            categories
                .iter()
                .chain(post.categories)
                .map(|c| c.to_lowercase()),
        ),
        "slugified_categories" => unique(
            categories
                .iter()
                .chain(post.categories)
                .map(|c| slugify(c, false)),
        ),
        "collection" => "posts".to_string(),
        "path" => cleaned_relative_path(post.source),
        "output_ext" => ".html".to_string(),
        _ => return None,
    })
}

/// Distinct values in order, joined by `/` (`Set#to_a.join("/")`).
fn unique(values: impl Iterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for value in values {
        if !seen.contains(&value) {
            seen.push(value);
        }
    }
    seen.join("/")
}

/// From a post's path: the categories of its folders
/// (`Document#categories_from_path`: those above `_posts/` or `_drafts/`),
/// its slug (`populate_title`: the file name without a `YYYY-MM-DD-` date,
/// its extension and trailing dots) and its name without extension.
fn from_source(source: &str) -> (Vec<String>, String, String) {
    let parts: Vec<&str> = source.split('/').collect();
    let file = parts.last().copied().unwrap_or("");
    let special = parts
        .iter()
        .position(|p| *p == "_posts" || *p == "_drafts")
        .unwrap_or(parts.len() - 1);
    let categories = parts[..special]
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.to_string())
        .collect();
    let (basename, has_ext) = match file.rsplit_once('.') {
        Some((stem, _)) => (stem, true),
        None => (file, false),
    };
    let slug = match date_prefix(basename) {
        Some(rest) if has_ext => rest,
        _ => basename,
    };
    (
        categories,
        slug.trim_end_matches('.').to_string(),
        basename.to_string(),
    )
}

/// The rest of a file name after `DATE_FILENAME_MATCHER`'s date
/// (`\d{2,4}-\d{1,2}-\d{1,2}-`).
fn date_prefix(name: &str) -> Option<&str> {
    let mut rest = name;
    for (min, max) in [(2, 4), (1, 2), (1, 2)] {
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        if n < min || n > max {
            return None;
        }
        rest = rest[n..].strip_prefix('-')?;
    }
    Some(rest)
}

/// `Document#cleaned_relative_path`: the path without extension, without
/// its first `_posts`, without trailing dots.
fn cleaned_relative_path(source: &str) -> String {
    let file = source.rsplit('/').next().unwrap_or("");
    let without_ext = match file.rfind('.') {
        Some(dot) if dot > 0 => &source[..source.len() - (file.len() - dot)],
        _ => source,
    };
    without_ext
        .replacen("_posts", "", 1)
        .trim_end_matches('.')
        .to_string()
}

/// `Utils.slugify`: runs of characters other than letters, marks and digits
/// (and, for `pretty`, `._~!$&'()+,;=@`) become `-`, one `-` is trimmed at
/// each end; down-cased unless `pretty` (which `:title` uses `cased`).
fn slugify(text: &str, pretty: bool) -> String {
    let kept = |c: char| {
        is_letter(c) || is_mark(c) || is_digit(c) || (pretty && "._~!$&'()+,;=@".contains(c))
    };
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if kept(c) {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.strip_prefix('-').unwrap_or(&slug);
    let slug = slug.strip_suffix('-').unwrap_or(slug);
    if pretty {
        slug.to_string()
    } else {
        slug.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::post::PostDate;

    fn date() -> PostDate {
        // Jekyll's docs (Permalinks): a post `2009-04-29-slap-chop.md`.
        crate::moved::jekyll::dates::parse("2009-04-29 13:05:09").unwrap()
    }

    fn post<'a>(
        source: &'a str,
        date: &'a PostDate,
        categories: &'a [String],
    ) -> PermalinkPost<'a> {
        PermalinkPost {
            source,
            title: "Slap Chop",
            slug: None,
            date,
            categories,
        }
    }

    #[test]
    fn jekylls_documented_styles() {
        // docs/_docs/permalinks.md: "Built-in formats", with no categories.
        let d = date();
        let p = post("_posts/2009-04-29-slap-chop.md", &d, &[]);
        for (style, expected) in [
            ("date", "/2009/04/29/slap-chop.html"),
            ("pretty", "/2009/04/29/slap-chop/"),
            ("ordinal", "/2009/119/slap-chop.html"),
            ("weekdate", "/2009/W18/Wed/slap-chop.html"),
            ("none", "/slap-chop.html"),
        ] {
            assert_eq!(expand(style, &p).unwrap(), expected, "{style}");
        }
        assert_eq!(default(&p), "/2009/04/29/slap-chop.html");
    }

    #[test]
    fn every_placeholder() {
        let d = date();
        let cats = ["Food".to_string(), "Kitchen Tools".to_string()];
        let p = post("blog/_posts/2009-04-29-Slap Chop!.md", &d, &cats);
        for (pattern, expected) in [
            (
                "/:year/:short_year/:month/:i_month/:short_month/:long_month",
                "/2009/09/04/4/Apr/April",
            ),
            (
                "/:day/:i_day/:y_day/:hour/:minute/:second",
                "/29/29/119/13/05/09",
            ),
            (
                "/:w_year/:week/:w_day/:short_day/:long_day",
                "/2009/18/3/Wed/Wednesday",
            ),
            (
                "/:title/:slug/:name",
                "/Slap-Chop!/slap-chop/2009-04-29-slap-chop",
            ),
            ("/:categories/x", "/blog/food/kitchen tools/x"),
            ("/:slugified_categories/x", "/blog/food/kitchen-tools/x"),
            (
                "/:collection/:path:output_ext",
                "/posts/blog/2009-04-29-Slap Chop!.html",
            ),
            ("/:title_:year/", "/Slap-Chop!_2009/"),
            ("/blog/:year/:title.html", "/blog/2009/Slap-Chop!.html"),
        ] {
            assert_eq!(expand(pattern, &p).unwrap(), expected, "{pattern}");
        }
        // The front matter `slug` names `:title` and `:slug`.
        let with_slug = PermalinkPost {
            slug: Some("Hello World"),
            ..p
        };
        assert_eq!(expand("/:title/", &with_slug).unwrap(), "/Hello-World/");
        assert_eq!(expand("/:slug/", &with_slug).unwrap(), "/hello-world/");
    }

    #[test]
    fn literal_paths_and_errors() {
        let d = date();
        let p = post("_posts/2009-04-29-slap-chop.md", &d, &[]);
        assert_eq!(expand("/about/me.html", &p).unwrap(), "/about/me.html");
        assert_eq!(expand("old//place/", &p).unwrap(), "/old/place/");
        let err = expand("/:year/:titel/", &p).unwrap_err();
        assert!(err.starts_with("`/:year/:titel/` has the placeholder `:titel`, which Jekyll does not have (expected `:year`"), "{err}");
    }

    #[test]
    fn slugify_as_jekyll() {
        // `lib/jekyll/utils.rb`, the examples of `slugify`.
        assert_eq!(
            slugify("The _config.yml file", false),
            "the-config-yml-file"
        );
        assert_eq!(
            slugify("The _config.yml file", true),
            "The-_config.yml-file"
        );
        assert_eq!(slugify("Café crème", false), "café-crème");
        // `test/test_utils.rb`.
        assert_eq!(
            slugify("So what is Jekyll, exactly?", false),
            "so-what-is-jekyll-exactly"
        );
        assert_eq!(slugify("كيف حالك؟", false), "كيف-حالك");
        assert_eq!(
            slugify("Customizing Git - Git Hooks", false),
            "customizing-git-git-hooks"
        );
        assert_eq!(slugify("5時〜6時 三・一四", false), "5時-6時-三-一四");
        assert_eq!(slugify("மல்லிப்பூ வகைகள்", false), "மல்லிப்பூ-வகைகள்");
        assert_eq!(slugify("மல்லிப்பூ வகைகள்", true), "மல்லிப்பூ-வகைகள்");
        assert_eq!(
            slugify("The _config.yml file?", true),
            "The-_config.yml-file"
        );
        assert_eq!(slugify("💎", false), "");
    }
}
