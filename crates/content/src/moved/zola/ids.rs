//! Heading ids as Zola writes them.

/// The id Zola gives a heading with this text, before making it unique.
pub fn heading_id(text: &str) -> String {
    blog_core::text::slugify(text)
}
