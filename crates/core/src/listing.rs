//! What the listing page shows besides the cards: categories and the count line.

use serde::{Deserialize, Serialize};

use crate::model::PostMeta;
use crate::text::category_slug;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryCount {
    pub name: String,
    pub slug: String,
    pub count: usize,
}

/// Each category with its number of posts, sorted by slug (so by name, ignoring case and accents).
pub fn categories(posts: &[PostMeta]) -> Vec<CategoryCount> {
    let mut out: Vec<CategoryCount> = Vec::new();
    for name in posts.iter().filter_map(|p| p.category.as_deref()) {
        let slug = category_slug(name);
        match out.iter_mut().find(|c| c.slug == slug) {
            Some(c) => c.count += 1,
            None => out.push(CategoryCount {
                name: name.to_string(),
                slug,
                count: 1,
            }),
        }
    }
    out.sort_by(|a, b| a.slug.cmp(&b.slug));
    out
}

fn posts_word(n: usize) -> &'static str {
    if n == 1 {
        "post"
    } else {
        "posts"
    }
}

/// The line above the cards: "25 posts so far.", "5 of 25 posts in AI.",
/// "2 of 25 posts match “pool”.", "1 of 25 posts in AI matches “gpu”."
pub fn count_line(shown: usize, total: usize, category: Option<&str>, query: &str) -> String {
    let query = query.trim();
    if category.is_none() && query.is_empty() {
        return format!("{total} {} so far.", posts_word(total));
    }
    let mut line = format!("{shown} of {total} {}", posts_word(total));
    if let Some(name) = category {
        line.push_str(&format!(" in {name}"));
    }
    if !query.is_empty() {
        let verb = if shown == 1 { "matches" } else { "match" };
        line.push_str(&format!(" {verb} “{query}”"));
    }
    line.push('.');
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample_post;

    #[test]
    fn counts_categories_by_slug_sorted_by_name() {
        let posts = vec![
            sample_post("a", "2026-01-03", Some("Database")),
            sample_post("b", "2026-01-02", Some("CI/CD")),
            sample_post("c", "2026-01-01", Some("Database")),
            sample_post("d", "2026-01-01", None),
            sample_post("e", "2026-01-01", Some("architecture")),
        ];
        let cats = categories(&posts);
        let got: Vec<_> = cats
            .iter()
            .map(|c| (c.name.as_str(), c.slug.as_str(), c.count))
            .collect();
        assert_eq!(
            got,
            [
                ("architecture", "architecture", 1),
                ("CI/CD", "ci-cd", 1),
                ("Database", "database", 2)
            ]
        );
    }

    #[test]
    fn count_lines() {
        assert_eq!(count_line(25, 25, None, ""), "25 posts so far.");
        assert_eq!(count_line(1, 1, None, " "), "1 post so far.");
        assert_eq!(count_line(5, 25, Some("AI"), ""), "5 of 25 posts in AI.");
        assert_eq!(
            count_line(2, 25, None, "pool"),
            "2 of 25 posts match “pool”."
        );
        assert_eq!(
            count_line(1, 25, Some("AI"), "gpu"),
            "1 of 25 posts in AI matches “gpu”."
        );
        assert_eq!(count_line(0, 25, None, "zzz"), "0 of 25 posts match “zzz”.");
    }
}
