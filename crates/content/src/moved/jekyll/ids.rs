//! Heading ids as Jekyll writes them.
//!
//! Jekyll's default configuration (jekyll/jekyll `lib/jekyll/configuration.rb`)
//! runs kramdown with `input: GFM` and `auto_ids: true`, so the id comes from
//! kramdown-parser-gfm (kramdown/parser-gfm `lib/kramdown/parser/gfm.rb`,
//! `generate_gfm_header_id`), not kramdown's own: the heading's text (its
//! text, code, entities and typographic symbols as characters,
//! `update_raw_text`) down-cased, every character that is not a word
//! character (`\p{Word}`: alphabetic, mark, digit, connector such as `_`), `-`,
//! space or tab removed, then each space or tab made `-`. An empty result
//! gives no id. kramdown's typographer has already made `--`, `---`, `...`
//! and quotes into `–`, `—`, `…`, `“`… which are removed, as ours are.
//!
//! Liquid ran before kramdown, in code too: a Liquid tag still in a
//! heading's text here (in a code span, where this blog shows it as
//! written) had become its output there, which for a tag this blog could
//! not read was nothing. It counts as nothing in the id.

use crate::moved::hugo::permalinks::{is_digit, is_mark};
use crate::moved::template::without_liquid;

/// The id Jekyll gives a heading with this text, before making it unique.
pub fn heading_id(text: &str) -> String {
    without_liquid(text)
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' | '\t' => Some('-'),
            c if c == '-' || is_word(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// Onigmo's `\p{Word}` as Ruby matches it (ruby-lang.org bug #19417):
/// Alphabetic, Mark, Decimal_Number or Connector_Punctuation; not `²`.
fn is_word(c: char) -> bool {
    c.is_alphabetic()
        || is_mark(c)
        || is_digit(c)
        || matches!(
            c,
            '_' | '\u{203f}' | '\u{2040}' | '\u{2054}' | '\u{fe33}' | '\u{fe34}' | '\u{fe4d}'
                ..='\u{fe4f}' | '\u{ff3f}'
        )
}

#[cfg(test)]
mod tests {
    use super::heading_id;

    #[test]
    fn kramdown_gfm_cases() {
        // kramdown/parser-gfm `test/testcases/header_ids.{text,html}`.
        assert_eq!(heading_id("variable_name"), "variable_name");
        assert_eq!(heading_id("abc def öúß"), "abc-def-öúß");
        assert_eq!(heading_id("192 abc 192"), "192-abc-192");
        assert_eq!(heading_id(";.;;"), "");
        assert_eq!(heading_id("before \tafter tab"), "before--after-tab");
        assert_eq!(heading_id("with code"), "with-code");
        assert_eq!(heading_id("with \u{a0}ä\u{a0}space"), "with-äspace");
        assert_eq!(heading_id("With “smart” quotes"), "with-smart-quotes");
        assert_eq!(heading_id("with m=5"), "with-m5");
    }

    #[test]
    fn emoji_accents_and_smart_punctuation() {
        assert_eq!(
            heading_id("Migrating from 🎉 v1.18.0"),
            "migrating-from--v1180"
        );
        assert_eq!(heading_id("Don’t panic – really…"), "dont-panic--really");
        assert_eq!(heading_id("Café au lait"), "café-au-lait");
        assert_eq!(heading_id("1. Introduction"), "1-introduction");
        assert_eq!(heading_id("I ❤\u{fe0f} Rust"), "i-\u{fe0f}-rust");
        assert_eq!(heading_id("🎉"), "");
        assert_eq!(heading_id("x² ½"), "x-");
        assert_eq!(heading_id("हिन्दी"), "हिन्दी");
    }

    #[test]
    fn liquid_left_in_a_heading_counts_as_nothing() {
        // `## Templates, quoted: `{{ }}` and friends`, as Jekyll 4.3 built it
        assert_eq!(
            heading_id("Templates, quoted: {{ }} and friends"),
            "templates-quoted--and-friends"
        );
        assert_eq!(heading_id("The {% raw %} tag"), "the--tag");
        assert_eq!(heading_id("Braces { alone }"), "braces--alone-");
    }
}
