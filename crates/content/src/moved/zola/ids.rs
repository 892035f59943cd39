//! Heading ids as Zola writes them.
//!
//! getzola/zola `components/markdown/src/markdown.rs`: a heading without an
//! id of its own gets `slugify_anchors(text)` (`components/utils/src/slugs.rs`),
//! which for the default `slugify.anchors = "on"` is the `slug` crate's
//! `slugify`: every character transliterated to ASCII by `deunicode` (an emoji
//! becomes its name), lower-cased, runs of anything but `a-z0-9` one `-`, none
//! at either end. The text is that of the heading's text and code (Zola's
//! `get_text`). Zola's smart punctuation is off by default; ours turns `'`
//! into `’`, `--` into `–`…, which transliterate back to punctuation that
//! the slug drops in the same way, so the id is the same either way.

/// The id Zola gives a heading with this text, before making it unique.
pub fn heading_id(text: &str) -> String {
    slug::slugify(text)
}

#[cfg(test)]
mod tests {
    use super::heading_id;

    #[test]
    fn zolas_own_cases() {
        // `components/markdown/tests/snapshots/markdown__can_handle_heading_ids.snap`
        assert_eq!(heading_id("Hello"), "hello");
        assert_eq!(heading_id("L'écologie et vous"), "l-ecologie-et-vous");
        assert_eq!(
            heading_id("Workaround for literal {#…}"),
            "workaround-for-literal"
        );
        assert_eq!(heading_id("text  there"), "text-there");
        assert_eq!(heading_id(""), "");
        // `components/utils/src/slugs.rs`, `can_slugify_anchors`
        assert_eq!(heading_id("test "), "test");
        assert_eq!(heading_id("dot. "), "dot");
        assert_eq!(heading_id("日本"), "ri-ben");
        assert_eq!(heading_id("héhé"), "hehe");
        assert_eq!(heading_id("test (hey)"), "test-hey");
    }

    #[test]
    fn emoji_digits_and_smart_punctuation() {
        assert_eq!(heading_id("I-unsound issues (🦀)"), "i-unsound-issues-crab");
        assert_eq!(heading_id("1. Install `cargo`"), "1-install-cargo");
        assert_eq!(heading_id("Don't panic -- really..."), "don-t-panic-really");
        assert_eq!(heading_id("Don’t panic – really…"), "don-t-panic-really");
        assert_eq!(heading_id("“Quoted” — yes"), "quoted-yes");
        assert_eq!(heading_id("?!"), "");
    }
}
