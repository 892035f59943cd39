//! Heading ids as Hugo writes them.
//!
//! gohugoio/hugo `markup/goldmark/autoid.go`, `sanitizeAnchorNameWithHook`
//! with the default `autoHeadingIDType = "github"`: the text trimmed of
//! white space, then each space or `-` becomes `-`, each letter, digit or `_`
//! (Go's `unicode.IsLetter`, `IsDigit`) is kept lower-cased, and everything
//! else (punctuation, emoji, tabs, no-break spaces) is dropped, so that runs
//! of spaces give runs of `-`; an empty result is `heading` (`idFactory.Generate`).
//!
//! Goldmark reads the heading's source line (`generateAutoHeadingID`), before
//! its typographer: ours gives `–` and `—` for `--` and `---`, which are put
//! back (they count as `-`); quotes and `…` are dropped either way. Markup
//! in the source line is not seen here: backticks and `*` are dropped by
//! Hugo too, but `_emphasis_` and link targets count in Hugo's id.

use crate::moved::hugo::permalinks::{is_digit, is_letter};

/// The id Hugo gives a heading with this text, before making it unique.
pub fn heading_id(text: &str) -> String {
    let source = text.replace('—', "---").replace('–', "--");
    let mut id = String::with_capacity(source.len());
    for c in source.trim().chars() {
        match c {
            ' ' | '-' => id.push('-'),
            c if c == '_' || is_letter(c) || is_digit(c) => id.extend(c.to_lowercase()),
            _ => {}
        }
    }
    if id.is_empty() {
        "heading".to_string()
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::heading_id;

    #[test]
    fn hugos_own_cases() {
        // `markup/goldmark/autoid_test.go`, `TestSanitizeAnchorName`.
        for (text, id) in [
            ("God is good: 神真美好", "god-is-good-神真美好"),
            ("Number 32", "number-32"),
            ("Question?", "question"),
            ("1+2=3", "123"),
            ("Special !\"#$%&(parens)=?´* chars", "special-parens-chars"),
            ("Resumé", "resumé"),
            ("One-Hyphen", "one-hyphen"),
            ("Multiple--Hyphens", "multiple--hyphens"),
            ("Trailing hyphen-", "trailing-hyphen-"),
            ("Many   spaces  here", "many---spaces--here"),
            ("Forward/slash", "forwardslash"),
            ("Backward\\slash", "backwardslash"),
            ("Under_score", "under_score"),
            ("Nonbreaking\u{a0}Space", "nonbreakingspace"),
            ("Tab\tSpace", "tabspace"),
            ("Trailing Space ", "trailing-space"),
        ] {
            assert_eq!(heading_id(text), id, "{text}");
        }
    }

    #[test]
    fn emoji_code_and_smart_punctuation() {
        assert_eq!(
            heading_id("Migrating from 🎉 v1.18.0"),
            "migrating-from--v1180"
        );
        assert_eq!(heading_id("Using cargo build"), "using-cargo-build");
        assert_eq!(
            heading_id("Don't panic -- really..."),
            "dont-panic----really"
        );
        assert_eq!(heading_id("Don’t panic – really…"), "dont-panic----really");
        assert_eq!(heading_id("A --- B"), "a-----b");
        assert_eq!(heading_id("A — B"), "a-----b");
        assert_eq!(heading_id("“Quoted”"), "quoted");
        assert_eq!(heading_id("2024: a year"), "2024-a-year");
        assert_eq!(heading_id("🎉"), "heading");
        // Marks are not letters to Go: a Devanagari vowel sign is dropped.
        assert_eq!(heading_id("हिन्दी"), "हनद");
        assert_eq!(heading_id(""), "heading");
    }
}
