//! One post: front matter fields checked and mapped to the post model.
//!
//! Accepts the names that Zola, Hugo and Jekyll authors already use, so that
//! an existing blog's posts can be copied in unchanged. Every problem in a
//! post is reported, not only the first.

use blog_core::text::{is_valid_slug, slugify};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

use blog_core::model::Author;

use crate::diagnostic::Diagnostic;
use crate::frontmatter::{self, Entry, Node, Repeated, Value};
use crate::moved::{Generator, PermalinkPost};

/// A publication date as written (`YYYY-MM-DD`) and as an instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostDate {
    pub ymd: String,
    pub timestamp: i64,
}

/// A post read from its file, before site-wide checks.
#[derive(Debug, Clone, PartialEq)]
pub struct SourcePost {
    /// Path relative to the content folder, `/`-separated.
    pub source: String,
    pub slug: String,
    /// Line of the `slug` field, or 1 when the slug comes from the file name.
    pub slug_line: usize,
    pub title: String,
    pub date: PostDate,
    pub updated: Option<String>,
    pub category: Option<String>,
    pub category_line: usize,
    /// Every category, as written (old addresses may name them all).
    pub categories: Vec<String>,
    /// The front matter's `slug`, as written (old addresses may use it).
    pub slug_field: Option<String>,
    pub tags: Vec<String>,
    pub authors: Vec<Author>,
    pub summary: Option<String>,
    pub draft: bool,
    /// The post's addresses on the site it moved from.
    pub old_urls: Vec<OldUrl>,
    pub body: String,
    /// Line of the file on which the body starts.
    pub body_line: usize,
}

impl SourcePost {
    /// The post's old addresses, as looked up ([`blog_core::urls::old_url_key`]s).
    pub fn old_url_keys(&self) -> Vec<String> {
        self.old_urls.iter().map(|o| o.key.clone()).collect()
    }
}

/// An address a post had on the site it moved from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OldUrl {
    /// As looked up: [`blog_core::urls::old_url_key`].
    pub key: String,
    /// The front matter field and line that name it.
    pub field: String,
    pub line: usize,
}

const EXPECTED_DATE: &str =
    "expected `YYYY-MM-DD` or RFC 3339, e.g. `2026-03-16` or `2026-03-16T09:30:00+01:00`";

/// Fields read from front matter, each with the names it may go by, first preferred.
const KNOWN: &[(&str, &[&str])] = &[
    ("title", &["title"]),
    ("date", &["date"]),
    ("updated", &["updated", "lastmod", "last_modified_at"]),
    ("category", &["category", "categories"]),
    ("summary", &["summary", "description", "excerpt"]),
    ("tags", &["tags"]),
    ("draft", &["draft", "published"]),
    ("slug", &["slug"]),
    ("author", &["author", "authors"]),
    ("taxonomies", &["taxonomies"]),
    // Where the post was on the site it moved from: each gets a page that
    // sends the visitor on (Zola and Hugo `aliases`, Jekyll `redirect_from`;
    // Zola `path`, Hugo `url`, Jekyll `permalink`).
    ("aliases", &["aliases", "redirect_from"]),
    ("permalink", &["permalink", "path", "url"]),
];

/// Parses a date field's value.
pub fn parse_date(text: &str) -> Result<PostDate, String> {
    let text = text.trim();
    if let Ok(date) = Date::parse(text, format_description!("[year]-[month]-[day]")) {
        let ts = date.midnight().assume_utc().unix_timestamp();
        return Ok(PostDate {
            ymd: date.to_string(),
            timestamp: ts,
        });
    }
    // RFC 3339, also with a space for the `T` (TOML, Jekyll) or without an offset (taken as UTC).
    let mut normalized = text.to_string();
    if normalized.len() > 10 && normalized.as_bytes()[10] == b' ' {
        normalized.replace_range(10..11, "T");
    }
    // Jekyll writes `2026-03-16 09:30:00 +0100`: join the offset and add its colon.
    if let Some(i) = normalized.rfind([' ']) {
        let offset = normalized[i + 1..].to_string();
        let b = offset.as_bytes();
        if b.len() == 5 && matches!(b[0], b'+' | b'-') && b[1..].iter().all(u8::is_ascii_digit) {
            normalized.replace_range(i.., &format!("{}:{}", &offset[..3], &offset[3..]));
        }
    }
    let has_offset = normalized.len() > 19
        && (normalized.ends_with('Z')
            || normalized.ends_with('z')
            || normalized[19..].contains(['+', '-']));
    if !has_offset {
        normalized.push('Z');
    }
    match OffsetDateTime::parse(&normalized, &Rfc3339) {
        Ok(dt) => Ok(PostDate {
            ymd: dt.date().to_string(),
            timestamp: dt.unix_timestamp(),
        }),
        Err(_) => Err(format!("`{text}` is not a valid date ({EXPECTED_DATE})")),
    }
}

/// A title made of a file's name, as Jekyll's `titleize_slug` makes it:
/// `2019-05-07-launch-notes.md` is `Launch Notes`.
fn title_from_file(source: &str) -> String {
    let (_, stem) = folders_and_name(source);
    split_date_prefix(stem)
        .1
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `YYYY-MM-DD` prefix of a file name, and the rest.
pub fn split_date_prefix(stem: &str) -> (Option<&str>, &str) {
    let b = stem.as_bytes();
    let is_date = b.len() >= 11
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && matches!(b[10], b'-' | b'_');
    if is_date {
        (Some(&stem[..10]), &stem[11..])
    } else {
        (None, stem)
    }
}

/// The folders a post's slug starts with, from its path under `content/`:
/// every folder, slugified, so that `a.md` and `team/a.md` are two posts
/// (`a` and `team/a`); except a top-level `posts/` (the site's own post URLs
/// are `/posts/…`), folders named `_…` (Jekyll's `_posts/`, `_drafts/`), and,
/// for `dir/index.md`, `dir` itself, which names the post.
pub fn namespace_of(source: &str) -> Vec<String> {
    let (folders, _) = folders_and_name(source);
    folders
        .iter()
        .enumerate()
        .filter(|(i, f)| !(f.starts_with('_') || *i == 0 && f.eq_ignore_ascii_case("posts")))
        .map(|(_, f)| slugify(f))
        .filter(|f| !f.is_empty())
        .collect()
}

/// The slug a file name gives: date prefix dropped; `dir/index.md` takes the folder's name.
pub fn slug_from_path(source: &str) -> String {
    slugify(split_date_prefix(folders_and_name(source).1).1)
}

/// The folders a post's file is in and its name, the file's without its
/// extension; a bundle's `index.md` (or a section's `_index.md`) is named by
/// its folder, which is then not among the folders. The one place this rule
/// is kept.
pub fn folders_and_name(source: &str) -> (Vec<&str>, &str) {
    let mut folders: Vec<&str> = source.split('/').filter(|p| !p.is_empty()).collect();
    let file = folders.pop().unwrap_or("");
    let stem = match file.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => file,
    };
    if stem.eq_ignore_ascii_case("index") || stem.eq_ignore_ascii_case("_index") {
        if let Some(folder) = folders.pop() {
            return (folders, folder);
        }
    }
    (folders, stem)
}

/// The lookup key of an old address of a post, from an alias (a path as
/// written) or a permalink (a pattern of `generator`'s, filled in for `post`).
/// `Ok(None)` for an address that is not a page (`/feed.php`).
pub fn old_url(
    written: &str,
    pattern: bool,
    generator: Generator,
    post: &PermalinkPost,
) -> Result<Option<String>, String> {
    let written = written.trim();
    if blog_core::urls::scheme_of(written).is_some() || written.starts_with("//") {
        return Err(format!("`{written}` is an address on another site (expected a path on the site this post moved from, e.g. `/2019/05/07/old-post.html`)"));
    }
    let path = match pattern {
        true => generator.expand_permalink(written, post)?,
        false => written.to_string(),
    };
    match old_page(&path) {
        OldPage::Page(key) => Ok(Some(key)),
        OldPage::NotAPage => Ok(None),
        OldPage::Outside => Err(format!(
            "`{written}` has `.` or `..` in it (expected the path of this post on the old site, from its root)"
        )),
        OldPage::Home => Err(format!(
            "`{written}` is the site's home page (expected the path of this post on the old site)"
        )),
    }
}

/// A path on the old site, as a page that can send visitors on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OldPage {
    /// A page, by its lookup key ([`blog_core::urls::old_url_key`]).
    Page(String),
    /// Not a page a static host can answer with a redirect (`/feed.php`).
    NotAPage,
    /// The site's home page.
    Home,
    /// A path with `.` or `..` in it: outside the site, or not as written.
    Outside,
}

/// What the path `path` on the old site is.
pub fn old_page(path: &str) -> OldPage {
    // An empty placeholder (a post without categories) leaves `//`: one `/`.
    let mut path = path.to_string();
    while path.contains("//") {
        path = path.replace("//", "/");
    }
    let key = blog_core::urls::old_url_key(&path);
    if key == "/" {
        return OldPage::Home;
    }
    if key.split('/').any(|p| p == "." || p == "..") {
        return OldPage::Outside;
    }
    let last = key.rsplit('/').next().unwrap_or("");
    match path.ends_with('/') || !last.contains('.') || blog_core::urls::is_html_file(last) {
        true => OldPage::Page(key),
        false => OldPage::NotAPage,
    }
}

struct Reader<'a> {
    path: &'a str,
    /// The generator the post comes from: its date formats are read too.
    moved_from: Option<Generator>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn error(&mut self, line: usize, field: &str, message: impl Into<String>) {
        self.errors
            .push(Diagnostic::error(self.path, line, field, message));
    }

    fn string(&mut self, field: &str, node: &Node) -> Option<String> {
        match &node.value {
            Value::Str(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Str(_) | Value::Null => {
                self.error(node.line, field, "is empty (expected some text)");
                None
            }
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            other => {
                self.error(
                    node.line,
                    field,
                    format!("is {} (expected a string)", other.kind()),
                );
                None
            }
        }
    }

    /// A list of strings. A single string is one item, or for plural fields
    /// (`tags`, `categories`) split on commas, or on spaces as Jekyll does.
    fn string_list(&mut self, field: &str, node: &Node) -> Vec<String> {
        let plural = matches!(field, "tags" | "categories");
        match &node.value {
            Value::List(items) => items
                .iter()
                .filter_map(|item| self.string(field, item))
                .collect(),
            Value::Str(s) if !plural => vec![s.trim().to_string()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect(),
            Value::Str(s) => {
                let parts: Vec<&str> = if s.contains(',') {
                    s.split(',').collect()
                } else {
                    s.split_whitespace().collect()
                };
                parts
                    .into_iter()
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(String::from)
                    .collect()
            }
            Value::Null => Vec::new(),
            other => {
                self.error(
                    node.line,
                    field,
                    format!(
                        "is {} (expected a list of strings, e.g. `[postgres, rds]`)",
                        other.kind()
                    ),
                );
                Vec::new()
            }
        }
    }

    fn date(&mut self, field: &str, node: &Node) -> Option<PostDate> {
        let text = match &node.value {
            Value::Str(s) | Value::Datetime(s) => s.clone(),
            other => {
                self.error(
                    node.line,
                    field,
                    format!("is {} ({EXPECTED_DATE})", other.kind()),
                );
                return None;
            }
        };
        let theirs = self.moved_from.and_then(|g| g.parse_date(&text));
        match theirs {
            Some(date) => Some(date),
            None => parse_date(&text)
                .map_err(|m| self.error(node.line, field, m))
                .ok(),
        }
    }

    /// Authors as the generators write them: a name, a list of names, a
    /// table (`name`, with `link`, `url`, `website` or `email`) or a list of tables.
    fn authors(&mut self, field: &str, node: &Node) -> Vec<Author> {
        match &node.value {
            Value::List(items) => items.iter().filter_map(|i| self.author(field, i)).collect(),
            _ => self.author(field, node).into_iter().collect(),
        }
    }

    fn author(&mut self, field: &str, node: &Node) -> Option<Author> {
        let Value::Map(entries) = &node.value else {
            return self.string(field, node).map(|name| Author::named(&name));
        };
        let get = |keys: &[&str]| {
            entries
                .iter()
                .find(|e| keys.contains(&e.key.as_str()))
                .and_then(|e| match &e.value.value {
                    Value::Str(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
                    _ => None,
                })
        };
        let Some(name) = get(&["name", "display_name", "title"]) else {
            self.error(
                node.line,
                field,
                "is a table without a `name` (expected e.g. `{name: Ana Lima, link: https://…}`)",
            );
            return None;
        };
        let url = match (
            get(&["link", "url", "website", "homepage"]),
            get(&["email"]),
        ) {
            (Some(url), _)
                if blog_core::urls::scheme_of(&url).is_some_and(|s| {
                    s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https")
                }) =>
            {
                Some(url)
            }
            (Some(url), _) => {
                self.warnings.push(Diagnostic::warning(self.path, node.line, field, format!("`{url}` is not a web address, so the name is shown without it (expected `https://…`)")));
                None
            }
            (None, Some(email)) if email.contains('@') => Some(format!("mailto:{email}")),
            _ => None,
        };
        Some(Author { name, url })
    }

    fn bool(&mut self, field: &str, node: &Node) -> Option<bool> {
        match &node.value {
            Value::Bool(b) => Some(*b),
            Value::Str(s) if matches!(s.as_str(), "true" | "false") => Some(s == "true"),
            other => {
                let shown = match other {
                    Value::Str(s) => format!("`{s}`"),
                    other => other.kind().to_string(),
                };
                self.error(
                    node.line,
                    field,
                    format!("is {shown} (expected `true` or `false`)"),
                );
                None
            }
        }
    }
}

/// Parses one post. `path` is how messages name the file (e.g. `content/x.md`);
/// `source` is its path relative to the content folder.
///
/// Returns the post and its warnings, or every error found in it.
pub fn parse_post(
    path: &str,
    source: &str,
    text: &str,
    moved_from: Option<Generator>,
) -> Result<(SourcePost, Vec<Diagnostic>), Vec<Diagnostic>> {
    // Jekyll's and Hugo's YAML parsers take the last of a key set twice.
    let repeated = match moved_from {
        Some(Generator::Jekyll | Generator::Hugo) => Repeated::LastWins,
        _ => Repeated::Error,
    };
    let fm = frontmatter::parse_with(text, repeated)
        .map_err(|e| vec![Diagnostic::error(path, e.line, "front matter", e.message)])?;
    let mut r = Reader {
        path,
        moved_from,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    if let (Some(twice), Some(generator)) = (&fm.repeated, moved_from) {
        r.warnings.push(Diagnostic::warning(
            path,
            twice.line,
            &twice.key,
            format!(
                "is set twice; the last value is used, as {} reads it",
                generator.title()
            ),
        ));
    }

    // Flatten Zola's [taxonomies] table into the top level.
    let mut entries: Vec<Entry> = Vec::new();
    for entry in fm.entries {
        if entry.key == "taxonomies" {
            match entry.value.value {
                Value::Map(inner) => {
                    for e in inner {
                        if matches!(e.key.as_str(), "categories" | "category" | "tags") {
                            entries.push(e);
                        } else {
                            r.warnings.push(Diagnostic::warning(path, e.line, &format!("taxonomies.{}", e.key), "is not used by this blog and was ignored (expected `categories` or `tags`)"));
                        }
                    }
                }
                other => r.error(
                    entry.line,
                    "taxonomies",
                    format!(
                        "is {} (expected a table with `categories` and `tags`)",
                        other.kind()
                    ),
                ),
            }
        } else {
            entries.push(entry);
        }
    }

    // Pick each field's value, warning about duplicates and unknown names.
    let mut picked: Vec<(&str, &Entry)> = Vec::new();
    for entry in &entries {
        let Some((field, _)) = KNOWN
            .iter()
            .find(|(_, names)| names.contains(&entry.key.as_str()))
        else {
            let known: Vec<&str> = KNOWN
                .iter()
                .filter(|(f, _)| *f != "taxonomies")
                .map(|(f, _)| *f)
                .collect();
            r.warnings.push(Diagnostic::warning(
                path,
                entry.line,
                &entry.key,
                format!(
                    "unknown field, ignored (expected one of {})",
                    known.join(", ")
                ),
            ));
            continue;
        };
        if let Some((_, first)) = picked.iter().find(|(f, _)| f == field) {
            let message = if first.key == entry.key {
                format!("is set twice; the value on line {} is used", first.line)
            } else {
                format!(
                    "is ignored because `{}` (line {}) gives the {field} already",
                    first.key, first.line
                )
            };
            r.warnings
                .push(Diagnostic::warning(path, entry.line, &entry.key, message));
            continue;
        }
        picked.push((field, entry));
    }
    let get = |field: &str| picked.iter().find(|(f, _)| *f == field).map(|(_, e)| *e);

    let title = match get("title") {
        Some(e) => r.string("title", &e.value),
        // Jekyll titles a post by its file name; Hugo and Zola show none.
        None if moved_from.is_some() => {
            let title = title_from_file(source);
            r.warnings.push(Diagnostic::warning(path, 1, "title", format!("is missing; the post is titled `{title}`, from its file name (expected e.g. `title: \"How a cache key leaked data\"`)")));
            Some(title)
        }
        None => {
            r.error(
                1,
                "title",
                "is missing (expected e.g. `title: \"How a cache key leaked data\"`)",
            );
            None
        }
    };

    let file_name = source.rsplit('/').next().unwrap_or(source);
    let prefix = split_date_prefix(file_name.rsplit_once('.').map_or(file_name, |(s, _)| s)).0;
    let date = match get("date") {
        // A date its generator read that these rules do not (Ruby's
        // `Time.parse` takes `2023-01-29 18:30:22 2023 -0800`): the file
        // name's date, with a warning, where there is one.
        Some(e) if moved_from.is_some() && prefix.is_some() => {
            let errors = r.errors.len();
            let date = r.date("date", &e.value);
            if date.is_none() && r.errors.len() > errors {
                let error = r.errors.pop().expect("the date's error");
                let day = prefix.unwrap_or_default();
                r.warnings.push(Diagnostic::warning(
                    path,
                    error.line,
                    "date",
                    format!("{}; the file name's date, {day}, is used", error.message),
                ));
                parse_date(day).ok()
            } else {
                date
            }
        }
        Some(e) => r.date("date", &e.value),
        None => {
            match prefix {
                Some(prefix) => r.date(
                    "date",
                    &Node {
                        value: Value::Str(prefix.into()),
                        line: 1,
                    },
                ),
                // The old generator showed an undated file as a page, not a post.
                None if moved_from.is_some() => {
                    let warning = Diagnostic::warning(path, 1, "date", format!("is missing, so the file was a page on the old site, not a post: it is left out ({EXPECTED_DATE}, or a `YYYY-MM-DD-` prefix on the file name, makes it a post)"));
                    return Err(vec![warning]);
                }
                None => {
                    r.error(1, "date", format!("is missing ({EXPECTED_DATE}, or a `YYYY-MM-DD-` prefix on the file name)"));
                    None
                }
            }
        }
    };

    let updated = get("updated")
        .and_then(|e| r.date(&e.key, &e.value))
        .map(|d| d.ymd);

    let mut categories = Vec::new();
    let (category, category_line) = match get("category") {
        Some(e) => {
            let list = r.string_list(&e.key, &e.value);
            categories.clone_from(&list);
            if list.len() > 1 {
                r.warnings.push(Diagnostic::warning(
                    path,
                    e.line,
                    &e.key,
                    format!(
                        "has {} categories; only the first, `{}`, is used",
                        list.len(),
                        list[0]
                    ),
                ));
            }
            let category = list.into_iter().next();
            if let Some(c) = &category {
                if blog_core::text::category_slug(c).is_empty() {
                    r.error(
                        e.line,
                        &e.key,
                        format!(
                            "`{c}` has no letters or digits (expected a name such as `Database`)"
                        ),
                    );
                }
            }
            (category, e.line)
        }
        None => (None, 1),
    };

    let summary = get("summary").and_then(|e| r.string(&e.key, &e.value));

    let tags = match get("tags") {
        Some(e) => {
            let mut tags: Vec<String> = Vec::new();
            for tag in r.string_list("tags", &e.value) {
                if !tags.iter().any(|t: &String| t.eq_ignore_ascii_case(&tag)) {
                    tags.push(tag);
                }
            }
            tags
        }
        None => Vec::new(),
    };

    let draft = match get("draft") {
        // Jekyll's `published: false` means a draft.
        Some(e) if e.key == "published" => r.bool("published", &e.value).map(|p| !p),
        Some(e) => r.bool("draft", &e.value),
        None => Some(false),
    }
    .unwrap_or(false);

    // The post's name in its folder; its slug is the folder's namespace and the name.
    let slug_field = get("slug").and_then(|e| match &e.value.value {
        Value::Str(s) => Some(s.trim().to_string()),
        _ => None,
    });
    let (name, slug_line) = match get("slug") {
        Some(e) => match r.string("slug", &e.value) {
            Some(s) if is_valid_slug(&s) => (s, e.line),
            // The old generator took any text and made a slug of it.
            Some(s) if moved_from.is_some() && !slugify(&s).is_empty() => (slugify(&s), e.line),
            Some(s) => {
                let suggestion = slugify(&s);
                let hint = if suggestion.is_empty() {
                    String::new()
                } else {
                    format!(", e.g. `{suggestion}`")
                };
                r.error(e.line, "slug", format!("`{s}` is not a valid slug (expected lower-case letters, digits and single hyphens{hint})"));
                (String::new(), e.line)
            }
            None => (String::new(), e.line),
        },
        None => {
            let slug = slug_from_path(source);
            if slug.is_empty() {
                r.error(1, "slug", format!("the file name `{file_name}` gives no slug (expected letters or digits in the name, or a `slug:` field)"));
            }
            (slug, 1)
        }
    };
    let slug = match namespace_of(source) {
        folders if folders.is_empty() || name.is_empty() => name.clone(),
        folders => format!("{}/{name}", folders.join("/")),
    };

    let authors = get("author")
        .map(|e| r.authors(&e.key, &e.value))
        .unwrap_or_default();

    let mut old_urls = Vec::new();
    for field in ["aliases", "permalink"] {
        let Some(e) = get(field) else { continue };
        for value in r.string_list(&e.key, &e.value) {
            let Some(date) = &date else { continue };
            let facts = PermalinkPost {
                source,
                title: title.as_deref().unwrap_or(""),
                slug: slug_field.as_deref(),
                date,
                categories: &categories,
            };
            // A blog that names no generator writes Jekyll's placeholders.
            let generator = moved_from.unwrap_or(Generator::Jekyll);
            match old_url(&value, field == "permalink", generator, &facts) {
                Ok(Some(key)) => old_urls.push(OldUrl {
                    key,
                    field: e.key.clone(),
                    line: e.line,
                }),
                Ok(None) => r.warnings.push(Diagnostic::warning(
                    path,
                    e.line,
                    &e.key,
                    format!("`{value}` cannot be redirected from a static host (only pages can: a path ending in `/` or `.html`); it was left out"),
                )),
                Err(message) => r.error(e.line, &e.key, message),
            }
        }
    }

    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    let (Some(title), Some(date)) = (title, date) else {
        return Err(r.errors);
    };
    Ok((
        SourcePost {
            source: source.to_string(),
            slug,
            slug_line,
            title,
            date,
            updated,
            category,
            category_line,
            categories,
            slug_field,
            tags,
            authors,
            summary,
            draft,
            old_urls,
            body: fm.body.to_string(),
            body_line: fm.body_line,
        },
        r.warnings,
    ))
}

#[cfg(test)]
mod tests;
