//! Addresses of posts as Zola makes them.

use crate::moved::PermalinkPost;

/// The path a pattern gives `post`.
pub fn expand(pattern: &str, _post: &PermalinkPost) -> Result<String, String> {
    Ok(pattern.to_string())
}

/// The path Zola gives `post` when nothing sets one.
pub fn default(post: &PermalinkPost) -> String {
    format!("/{}/", post.source)
}
