//! Heading ids as Hugo writes them.

/// The id Hugo gives a heading with this text, before making it unique.
pub fn heading_id(text: &str) -> String {
    blog_core::text::slugify(text)
}
