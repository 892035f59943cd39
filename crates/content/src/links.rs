//! Link checking: every link and image of every post, once resolved, must
//! lead somewhere on the site: a published post (and, with `#id`, one of its
//! ids), a category, a file beside the posts or in the static folder.
//!
//! What leads nowhere is a *broken* link: an error, or a warning while a
//! migration is in progress (`broken_links = "warn"`) and for a blog that
//! moved in (its old site had the same links, and built). Links that can
//! never work (no scheme, a rejected scheme) are warnings: they show as text.

use std::collections::{BTreeSet, HashMap, HashSet};

use blog_core::markdown::Link;
use blog_core::urls::{is_html_file, Dest, Internal, LinkTarget};

use crate::diagnostic::Diagnostic;
use crate::post::SourcePost;

/// Files the build writes at the site's root besides pages: a link to them
/// leads somewhere.
const OWN_FILES: &[&str] = &["atom.xml", "sitemap.xml", "robots.txt", "favicon.svg"];

/// What links may lead to.
pub struct Site<'a> {
    /// Published posts, by slug: the ids of their elements.
    pub ids: HashMap<&'a str, &'a HashSet<String>>,
    /// Posts left out of this build (drafts, future), by source path.
    pub left_out: HashMap<&'a str, &'a SourcePost>,
    /// Files beside the posts, relative to `content/`.
    pub content_files: HashSet<&'a str>,
    /// Files in the static folder, relative to it.
    pub static_files: &'a BTreeSet<String>,
    /// The old site's feeds, as paths from the root without the leading `/`.
    pub old_feeds: HashSet<&'a str>,
    /// Category slugs.
    pub categories: HashSet<&'a str>,
}

/// A post's links checked: warnings, and the links that lead nowhere.
#[derive(Debug, Default)]
pub struct Checked {
    pub warnings: Vec<Diagnostic>,
    pub broken: Vec<Diagnostic>,
}

impl Site<'_> {
    /// Checks the links of the post at `path` whose body starts on `body_line`.
    pub fn check(&self, path: &str, body_line: usize, links: &[Link]) -> Checked {
        let mut out = Checked::default();
        for Link { href, target, line } in links {
            let line = body_line + line;
            let broken = |m: String| Diagnostic::error(path, line, "link", m);
            let warning = |m: String| Diagnostic::warning(path, line, "link", m);
            match target {
                LinkTarget::Broken(target) => out.broken.push(broken(format!(
                    "{} (expected the path of a published post's file, relative to this one)",
                    self.why_not_published(href, target)
                ))),
                LinkTarget::NoScheme(_) => out.warnings.push(warning(format!(
                    "`{href}` has no scheme, so it leads nowhere and shows as plain text (expected a full address: add `https://`)"
                ))),
                LinkTarget::Rejected => out.warnings.push(warning(format!(
                    "`{href}` was removed: only http, https, mailto and tel links, and paths, are kept"
                ))),
                LinkTarget::Internal(Internal { to, .. }) => {
                    out.broken.extend(self.check_internal(href, to).map(broken));
                }
                LinkTarget::External(_) | LinkTarget::Other(_) => {}
            }
        }
        out
    }

    fn why_not_published(&self, href: &str, target: &str) -> String {
        match self.left_out.get(target) {
            Some(p) if p.draft => format!("`{href}` is a draft, left out of this build"),
            Some(_) => format!("`{href}` is dated in the future, left out of this build"),
            None => format!("`{href}` does not match any post"),
        }
    }

    /// What is wrong with a link within the site, if anything.
    fn check_internal(&self, href: &str, to: &Dest) -> Option<String> {
        let exists = match to {
            Dest::Post { slug, .. } => self.ids.contains_key(slug.as_str()),
            Dest::File(file) => self.content_files.contains(file.as_str()),
            Dest::Category(slug) => self.categories.contains(slug.as_str()),
            Dest::Page(path) => self.page_exists(path),
        };
        if !exists {
            let expected = match to {
                Dest::Page(_) => "a file in the static folder, or a page of this site",
                _ => "an existing post, category or file next to the post",
            };
            return Some(format!(
                "`{href}` leads nowhere on this site (expected {expected})"
            ));
        }
        let Dest::Post { slug, section: id } = to else {
            return None;
        };
        let ids = self.ids.get(slug.as_str())?;
        (!id.is_empty() && !ids.contains(id)).then(|| {
            let mut known: Vec<&str> = ids
                .iter()
                .map(String::as_str)
                .filter(|i| !i.starts_with("fn"))
                .collect();
            known.sort_unstable();
            let shown = if known.is_empty() {
                "it has no headings".to_string()
            } else {
                format!("its headings are `{}`", known.join("`, `"))
            };
            format!("`{href}`: the post has no section `{id}` (expected the id of one of its headings: {shown})")
        })
    }

    /// A path from the site's root that is not a post, category or content
    /// file: a file (it has an extension) must be one the site serves; other
    /// paths are pages, which the router answers (a not-found page at worst).
    fn page_exists(&self, path: &str) -> bool {
        let path = path.trim_start_matches('/');
        let last = path.rsplit('/').next().unwrap_or("");
        let is_file = last.contains('.') && !is_html_file(last);
        !is_file
            || self.static_files.contains(path)
            || self.old_feeds.contains(path)
            || OWN_FILES.contains(&path)
            || path.starts_with("category/") && path.ends_with("/atom.xml")
    }
}
