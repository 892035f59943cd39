//! One typo: words within one edit of each other.
//!
//! An edit is one letter replaced, added, removed, or two neighbouring letters
//! swapped (the Damerau–Levenshtein distance, restricted to 1). The first
//! letter is taken as typed, as most typo-tolerant engines do: typos there are
//! rare, and keeping it lets the index group its words by first letter and
//! length ([`bucket_key`]), so a query loads only the few words it could mean.

/// True if `a` and `b` differ by exactly one edit.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match long.len() - short.len() {
        0 => {
            let diff: Vec<usize> = (0..short.len()).filter(|&i| short[i] != long[i]).collect();
            match diff.as_slice() {
                [_] => true,
                [i, j] => *j == i + 1 && short[*i] == long[*j] && short[*j] == long[*i],
                _ => false,
            }
        }
        1 => {
            // Skip one letter of the longer word where they first differ.
            let at = (0..short.len())
                .find(|&i| short[i] != long[i])
                .unwrap_or(short.len());
            short[at..] == long[at + 1..]
        }
        _ => false,
    }
}

/// The vocabulary bucket of words that start with `first` and have `letters` letters.
pub fn bucket_key(first: char, letters: usize) -> String {
    format!("{:x}-{letters}", first as u32)
}

/// The buckets holding the words one typo away from `word` (same first letter,
/// one letter shorter, as long, or one longer), if it gets typos: it is long
/// enough and has no digit.
pub fn buckets_for(word: &str) -> Vec<String> {
    let letters = word.chars().count();
    let Some(first) = word.chars().next() else {
        return Vec::new();
    };
    // Numbers, versions and ids are exact: 2024 is not a typo of 2025.
    if letters < super::MIN_TYPO_LEN || word.chars().any(|c| c.is_numeric()) {
        return Vec::new();
    }
    (letters - 1..=letters + 1)
        .map(|n| bucket_key(first, n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_of_each_kind() {
        assert!(one_edit_apart("compiler", "compilr")); // removed
        assert!(one_edit_apart("compiler", "compiller")); // added
        assert!(one_edit_apart("compiler", "compilar")); // replaced
        assert!(one_edit_apart("compiler", "copmiler")); // swapped
        assert!(one_edit_apart("café", "cafe"));
        assert!(!one_edit_apart("compiler", "compiler"));
        assert!(!one_edit_apart("compiler", "cmopilre"));
        assert!(!one_edit_apart("compiler", "compi"));
        assert!(!one_edit_apart("abcd", "badc"));
    }

    #[test]
    fn buckets_keep_the_first_letter_and_the_length_within_one() {
        assert_eq!(buckets_for("kubernets"), ["6b-8", "6b-9", "6b-10"]);
        assert!(buckets_for("pool").is_empty());
        assert!(buckets_for("v1234").is_empty());
        assert!(buckets_for("").is_empty());
    }
}
