//! Text normalisation shared by slugs, search and highlighting: lower case,
//! accents folded ("Café" and "cafe" are the same word), words split on
//! anything that is not a letter or a digit.

/// Appends the folded form of `c` to `out`: lower case with accents removed.
///
/// Latin letters with diacritics fold to their base letter (or letters, for
/// `ß`, `æ`, `œ`...); combining marks are dropped so that decomposed input
/// folds like precomposed input. Other scripts are only lower-cased.
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return; // combining diacritical marks
    }
    if let Some(folded) = fold_latin(c) {
        out.push_str(folded);
        return;
    }
    out.extend(c.to_lowercase());
}

/// The folded form of a whole string (see [`fold_char_into`]).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char_into(c, &mut out);
    }
    out
}

fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ď'..='đ' | 'Ð' | 'ð' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "i",
        'Ĳ' | 'ĳ' => "ij",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' | 'ĸ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ŉ' => "n",
        'Ŋ' | 'ŋ' => "ng",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' | 'ſ' => "s",
        'ß' => "ss",
        'Ţ'..='ŧ' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź'..='ž' => "z",
        _ => return None,
    })
}

/// True for the characters that make up words (and slugs).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// One word of a text: where it stands in the original string and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the word in the original string.
    pub start: usize,
    pub end: usize,
    /// The folded word, as compared by search.
    pub folded: String,
}

/// Splits `s` into words with their positions and folded forms.
pub fn tokens(s: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut current: Option<Token> = None;
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        let combining = ('\u{300}'..='\u{36f}').contains(&c);
        if is_word_char(c) || (combining && current.is_some()) {
            let token = current.get_or_insert_with(|| Token {
                start: i,
                end,
                folded: String::new(),
            });
            fold_char_into(c, &mut token.folded);
            token.end = end;
        } else if let Some(token) = current.take() {
            out.push(token);
        }
    }
    out.extend(current);
    out
}

/// The folded words of `s`, in order.
pub fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(s).map(fold)
}

fn raw_words(s: &str) -> impl Iterator<Item = &str> + '_ {
    s.split(|c: char| !is_word_char(c) && !('\u{300}'..='\u{36f}').contains(&c))
        .filter(|w| !w.is_empty())
}

/// Calls `f` with each folded word of `s`, as [`words`] yields them, without
/// allocating a string per word (for indexing large texts).
pub fn for_each_word(s: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    for word in raw_words(s) {
        buf.clear();
        for c in word.chars() {
            fold_char_into(c, &mut buf);
        }
        f(&buf);
    }
}

/// A URL- and id-safe slug: folded words joined by `-`.
///
/// `"CI/CD"` → `ci-cd`, `"Café Society!"` → `cafe-society`. Letters of other
/// scripts are kept (lower-cased), so `"日本語"` stays `日本語`.
pub fn slugify(s: &str) -> String {
    words(s).collect::<Vec<_>>().join("-")
}

/// The slug of a category: [`slugify`], with `#` and `+` spelled out so that
/// `C#`, `C++` and `C` stay three categories (`c-sharp`, `c-plus-plus`, `c`).
pub fn category_slug(name: &str) -> String {
    slugify(&name.replace('#', " sharp ").replace('+', " plus "))
}

/// True when `s` is already a valid slug: non-empty, lower-case words of
/// letters and digits joined by single hyphens.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty() && slugify(s) == s
}

/// A stable short name for content (FNV-1a, 64 bits, as 12 hex digits):
/// versions in URLs and file names change whenever what they name does.
pub fn content_hash(parts: &[&[u8]]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in parts.iter().flat_map(|p| p.iter()) {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")[..12].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Crème Brûlée"), "creme brulee");
        assert_eq!(fold("STRASSE straße"), "strasse strasse");
        assert_eq!(fold("Œuvre"), "oeuvre");
        // decomposed e + combining acute
        assert_eq!(fold("Cafe\u{301}"), "cafe");
        assert_eq!(fold("ΑΒΓ"), "αβγ");
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("CI/CD"), "ci-cd");
        assert_eq!(slugify("NodeJS"), "nodejs");
        assert_eq!(slugify("  Hello,   World! "), "hello-world");
        assert_eq!(slugify("Café au lait"), "cafe-au-lait");
        assert_eq!(slugify("日本語 テキスト"), "日本語-テキスト");
        assert_eq!(slugify("--"), "");
        assert_eq!(category_slug("C#"), "c-sharp");
        assert_eq!(category_slug("C++"), "c-plus-plus");
        assert_eq!(category_slug("CI/CD"), "ci-cd");
        assert_eq!(category_slug("F# / .NET"), "f-sharp-net");
        assert!(is_valid_slug("flash-sale-2026"));
        assert!(!is_valid_slug("Flash Sale"));
        assert!(!is_valid_slug("a--b"));
        assert!(!is_valid_slug(""));
    }

    #[test]
    fn tokens_keep_positions() {
        let s = "Élan, vital: fs.readFileSync";
        let t = tokens(s);
        let folded: Vec<_> = t.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(folded, ["elan", "vital", "fs", "readfilesync"]);
        assert_eq!(&s[t[0].start..t[0].end], "Élan");
        assert_eq!(&s[t[3].start..t[3].end], "readFileSync");
    }
}
