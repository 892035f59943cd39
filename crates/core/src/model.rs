//! The post model and the manifest the content build writes and the browser reads.

use serde::{Deserialize, Serialize};

/// Everything the listing needs, generated from `content/` at build time.
/// Post bodies are not in it: a body is fetched when its post is opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub site: Site,
    /// Newest first; ties broken by slug, so the order is deterministic.
    pub posts: Vec<PostMeta>,
    /// The search index's folder, relative to the site root; its name changes
    /// whenever the index does.
    pub search_index: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub title: String,
    #[serde(default)]
    pub description: String,
}

/// A post's author: a name, and where to find them (a web page or `mailto:`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Author {
    /// An author known by name alone.
    pub fn named(name: &str) -> Self {
        Author {
            name: name.to_string(),
            url: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostMeta {
    pub slug: String,
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    /// Publication instant as seconds since the Unix epoch (UTC), for ordering.
    pub timestamp: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    /// Plain-text summary for the card.
    pub summary: String,
    pub reading_minutes: u32,
    /// Path of the markdown source relative to `content/`, with `/` separators.
    pub source: String,
    /// Changes whenever the body does; appended to the body URL so caches never serve a stale body.
    pub version: String,
    /// Drafts and future-dated posts appear only in development builds.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

impl PostMeta {
    /// The slug of this post's category, if it has one.
    pub fn category_slug(&self) -> Option<String> {
        self.category.as_deref().map(crate::text::category_slug)
    }
}

/// The manifest's one order: newest first, then by slug.
pub fn newest_first(a: &PostMeta, b: &PostMeta) -> std::cmp::Ordering {
    b.timestamp
        .cmp(&a.timestamp)
        .then_with(|| a.slug.cmp(&b.slug))
}

#[cfg(test)]
pub(crate) fn sample_post(slug: &str, date: &str, category: Option<&str>) -> PostMeta {
    PostMeta {
        slug: slug.into(),
        title: slug.replace('-', " "),
        date: date.into(),
        timestamp: crate::dates::days_from_civil_str(date).unwrap_or(0) * 86_400,
        updated: None,
        category: category.map(Into::into),
        tags: Vec::new(),
        authors: Vec::new(),
        summary: String::new(),
        reading_minutes: 1,
        source: format!("{slug}.md"),
        version: "v1".into(),
        draft: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_then_slug() {
        let mut posts = [
            sample_post("b", "2026-03-14", None),
            sample_post("c", "2026-03-16", None),
            sample_post("a", "2026-03-14", None),
        ];
        posts.sort_by(newest_first);
        let order: Vec<_> = posts.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(order, ["c", "a", "b"]);
    }

    #[test]
    fn manifest_round_trips_and_omits_empty_fields() {
        let post = sample_post("x", "2026-03-14", Some("CI/CD"));
        let json = serde_json::to_string(&post).unwrap();
        assert!(!json.contains("draft"));
        assert!(!json.contains("tags"));
        let back: PostMeta = serde_json::from_str(&json).unwrap();
        assert_eq!(back, post);
        assert_eq!(back.category_slug().as_deref(), Some("ci-cd"));
    }
}
