//! Search over titles, summaries, categories, tags and full text.
//!
//! A query is split into folded words (case and accents ignored). A post
//! matches when every word is the start of some word of the post, so results
//! update sensibly while the last word is still being typed. Posts with more
//! query words in their title rank first, then by where the words matched.

use std::collections::HashMap;

use crate::model::{IndexedBody, PostMeta, SearchIndexFile};
use crate::text::{tokens, words};

/// Longest word kept in the index: longer runs are hashes or base64, not prose.
pub const MAX_INDEXED_WORD: usize = 40;

/// A parsed search query: its distinct folded words, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn parse(input: &str) -> Self {
        let mut out: Vec<String> = Vec::new();
        for word in words(input) {
            if !out.contains(&word) {
                out.push(word);
            }
        }
        Query { words: out }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn words(&self) -> &[String] {
        &self.words
    }
}

/// A sorted list of distinct words kept in one string, searchable by prefix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordSet {
    text: String,
    starts: Vec<u32>,
}

impl WordSet {
    /// From any text: its folded words, deduplicated and sorted.
    pub fn from_text(text: &str) -> Self {
        let mut all: Vec<String> = words(text)
            .filter(|w| w.len() <= MAX_INDEXED_WORD)
            .collect();
        all.sort_unstable();
        all.dedup();
        Self::from_sorted(&all.join(" "))
    }

    /// From words already folded, sorted, distinct and joined by single spaces,
    /// as the content build writes them.
    pub fn from_sorted(joined: &str) -> Self {
        let mut starts = Vec::new();
        let mut at_start = true;
        for (i, b) in joined.bytes().enumerate() {
            if b == b' ' {
                at_start = true;
            } else if at_start {
                starts.push(i as u32);
                at_start = false;
            }
        }
        WordSet {
            text: joined.to_string(),
            starts,
        }
    }

    /// The words joined by spaces (the index file's form).
    pub fn as_joined(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    fn word(&self, i: usize) -> &str {
        let start = self.starts[i] as usize;
        let end = self.text[start..]
            .find(' ')
            .map_or(self.text.len(), |n| start + n);
        &self.text[start..end]
    }

    /// How `query_word` matches: 2 if it is one of the words, 1 if it starts one, 0 if neither.
    pub fn match_strength(&self, query_word: &str) -> u32 {
        let (mut lo, mut hi) = (0, self.starts.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.word(mid) < query_word {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        match (lo < self.starts.len()).then(|| self.word(lo)) {
            Some(w) if w == query_word => 2,
            Some(w) if w.starts_with(query_word) => 1,
            _ => 0,
        }
    }
}

/// The words of each post's fields, prepared once per manifest.
#[derive(Debug, Clone)]
pub struct Prepared {
    title: WordSet,
    tags: WordSet,
    category: WordSet,
    summary: WordSet,
}

/// Field weights: a word in the title counts most, in the body least.
const TITLE: u32 = 16;
const TAGS: u32 = 8;
const CATEGORY: u32 = 8;
const SUMMARY: u32 = 4;
const BODY: u32 = 1;

/// Everything a search needs, built from the manifest (and, once loaded, the full-text index).
#[derive(Debug, Clone, Default)]
pub struct SearchData {
    prepared: Vec<Prepared>,
    /// Slug of each prepared post, to align the full-text index with them.
    slugs: Vec<String>,
    /// Full text of each post, in manifest order, once loaded.
    bodies: Vec<Option<WordSet>>,
}

impl SearchData {
    pub fn new(posts: &[PostMeta]) -> Self {
        let prepared = posts
            .iter()
            .map(|p| Prepared {
                title: WordSet::from_text(&p.title),
                tags: WordSet::from_text(&p.tags.join(" ")),
                category: WordSet::from_text(p.category.as_deref().unwrap_or("")),
                summary: WordSet::from_text(&p.summary),
            })
            .collect();
        SearchData {
            prepared,
            slugs: posts.iter().map(|p| p.slug.clone()).collect(),
            bodies: Vec::new(),
        }
    }

    /// Adds the full text of the posts, from the search index file.
    pub fn with_bodies(mut self, index: SearchIndexFile) -> Self {
        let mut by_slug: HashMap<String, String> = index
            .posts
            .into_iter()
            .map(|IndexedBody { slug, words }| (slug, words))
            .collect();
        self.bodies = self
            .slugs
            .iter()
            .map(|slug| by_slug.remove(slug).map(|w| WordSet::from_sorted(&w)))
            .collect();
        self
    }

    pub fn has_bodies(&self) -> bool {
        self.bodies.iter().any(Option::is_some)
    }

    /// The indices of `posts` (the ones this data was built from) that match
    /// `query` within `category_slug`, best first. An empty query keeps the
    /// manifest order.
    pub fn search(
        &self,
        posts: &[PostMeta],
        query: &Query,
        category_slug: Option<&str>,
    ) -> Vec<usize> {
        let in_category = |p: &PostMeta| match category_slug {
            Some(slug) => p.category_slug().as_deref() == Some(slug),
            None => true,
        };
        if query.is_empty() {
            return (0..posts.len())
                .filter(|&i| in_category(&posts[i]))
                .collect();
        }
        let mut hits: Vec<(u32, u32, usize)> = Vec::new();
        'posts: for (i, post) in posts.iter().enumerate() {
            if !in_category(post) {
                continue;
            }
            let Some(fields) = self.prepared.get(i) else {
                continue;
            };
            let body = self.bodies.get(i).and_then(Option::as_ref);
            let (mut title_words, mut score) = (0, 0);
            for word in query.words() {
                let title = fields.title.match_strength(word);
                if title > 0 {
                    title_words += 1;
                }
                let best = [
                    title * TITLE,
                    fields.tags.match_strength(word) * TAGS,
                    fields.category.match_strength(word) * CATEGORY,
                    fields.summary.match_strength(word) * SUMMARY,
                    body.map_or(0, |b| b.match_strength(word)) * BODY,
                ]
                .into_iter()
                .max()
                .unwrap_or(0);
                if best == 0 {
                    continue 'posts;
                }
                score += best;
            }
            hits.push((title_words, score, i));
        }
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        hits.into_iter().map(|(_, _, i)| i).collect()
    }
}

/// The content build's side: the index line for one post's plain text.
pub fn index_words(plain_text: &str) -> String {
    WordSet::from_text(plain_text).as_joined().to_string()
}

/// A piece of text to show, marked when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub matched: bool,
}

/// Splits `text` into segments, marking the parts of words that the query's
/// words start (the longest one wins), for highlighting.
pub fn highlight(text: &str, query: &Query) -> Vec<Segment> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    if !query.is_empty() {
        for token in tokens(text) {
            let longest = query
                .words()
                .iter()
                .filter(|w| token.folded.starts_with(w.as_str()))
                .map(|w| w.len())
                .max();
            if let Some(len) = longest {
                ranges.push((token.start, token.original_end_for(len)));
            }
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end) in ranges {
        if start > at {
            out.push(Segment {
                text: text[at..start].to_string(),
                matched: false,
            });
        }
        out.push(Segment {
            text: text[start..end].to_string(),
            matched: true,
        });
        at = end;
    }
    if at < text.len() || out.is_empty() {
        out.push(Segment {
            text: text[at..].to_string(),
            matched: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample_post;

    fn corpus() -> Vec<PostMeta> {
        let mut a = sample_post("pool-exhaustion", "2026-03-16", Some("Database"));
        a.title = "Thirty-eight tasks and one Postgres".into();
        a.summary = "Autoscaling met max_connections.".into();
        a.tags = vec!["rds".into(), "pgbouncer".into()];
        let mut b = sample_post("cache-leak", "2026-03-12", Some("Architecture"));
        b.title = "A cache key without the tenant".into();
        b.summary = "Redis served one tenant's records to another; Postgres was fine.".into();
        let mut c = sample_post("cafe", "2026-03-10", Some("Python"));
        c.title = "Crème brûlée at the Café".into();
        c.summary = "Accents everywhere.".into();
        vec![a, b, c]
    }

    fn slugs(posts: &[PostMeta], hits: &[usize]) -> Vec<String> {
        hits.iter().map(|&i| posts[i].slug.clone()).collect()
    }

    #[test]
    fn empty_query_lists_everything_in_order_and_filters_by_category() {
        let posts = corpus();
        let data = SearchData::new(&posts);
        assert_eq!(data.search(&posts, &Query::parse("  "), None), [0, 1, 2]);
        assert_eq!(
            data.search(&posts, &Query::default(), Some("architecture")),
            [1]
        );
        assert!(data
            .search(&posts, &Query::default(), Some("nope"))
            .is_empty());
    }

    #[test]
    fn every_word_must_match_and_prefixes_count() {
        let posts = corpus();
        let data = SearchData::new(&posts);
        let s = |q: &str| slugs(&posts, &data.search(&posts, &Query::parse(q), None));
        assert_eq!(s("postgres"), ["pool-exhaustion", "cache-leak"]);
        assert_eq!(s("postg tenant"), ["cache-leak"]);
        assert_eq!(s("postgres tenant zebra"), Vec::<String>::new());
        assert_eq!(s("PGBOUNCER"), ["pool-exhaustion"]);
        assert_eq!(s("max_connections"), ["pool-exhaustion"]);
        assert_eq!(s("architecture"), ["cache-leak"]);
    }

    #[test]
    fn title_matches_rank_first() {
        let posts = corpus();
        let data = SearchData::new(&posts);
        // "tenant" is in b's title; put it in a's summary too: b still first.
        let mut posts2 = posts.clone();
        posts2[0].summary.push_str(" tenant tenant");
        let data2 = SearchData::new(&posts2);
        assert_eq!(
            slugs(
                &posts2,
                &data2.search(&posts2, &Query::parse("tenant"), None)
            ),
            ["cache-leak", "pool-exhaustion"]
        );
        // among equal title hits, the better field wins, then manifest order
        assert_eq!(data.search(&posts, &Query::parse("one"), None), [0, 1]);
    }

    #[test]
    fn ignores_case_and_accents_both_ways() {
        let posts = corpus();
        let data = SearchData::new(&posts);
        assert_eq!(
            data.search(&posts, &Query::parse("creme brulee"), None),
            [2]
        );
        assert_eq!(data.search(&posts, &Query::parse("CAFÉ"), None), [2]);
        assert_eq!(
            data.search(&posts, &Query::parse("accents"), Some("python")),
            [2]
        );
        assert!(data
            .search(&posts, &Query::parse("accents"), Some("database"))
            .is_empty());
    }

    #[test]
    fn full_text_matches_once_bodies_are_loaded() {
        let posts = corpus();
        let index = SearchIndexFile {
            posts: vec![IndexedBody {
                slug: "cafe".into(),
                words: index_words("We traced the Visibility-Timeout; café"),
            }],
        };
        let data = SearchData::new(&posts);
        assert!(data
            .search(&posts, &Query::parse("visibility"), None)
            .is_empty());
        let data = data.with_bodies(index);
        assert!(data.has_bodies());
        assert_eq!(
            data.search(&posts, &Query::parse("visib timeout"), None),
            [2]
        );
        // a title match outranks a body-only match
        let mut posts2 = posts.clone();
        posts2[0].title.push_str(" visibility");
        let data2 = SearchData::new(&posts2).with_bodies(SearchIndexFile {
            posts: vec![IndexedBody {
                slug: "cafe".into(),
                words: index_words("visibility"),
            }],
        });
        assert_eq!(
            data2.search(&posts2, &Query::parse("visibility"), None),
            [0, 2]
        );
    }

    #[test]
    fn index_words_are_sorted_distinct_and_bounded() {
        let long = "x".repeat(MAX_INDEXED_WORD + 1);
        assert_eq!(index_words(&format!("b a B ä {long} a1")), "a a1 b");
        let set = WordSet::from_sorted("alpha beta betamax gamma");
        assert_eq!(set.len(), 4);
        assert_eq!(set.match_strength("beta"), 2);
        assert_eq!(set.match_strength("betam"), 1);
        assert_eq!(set.match_strength("alp"), 1);
        assert_eq!(set.match_strength("delta"), 0);
        assert_eq!(set.match_strength("gammas"), 0);
        assert_eq!(WordSet::from_sorted("").match_strength("a"), 0);
    }

    #[test]
    fn highlights_matched_word_starts() {
        let q = Query::parse("postg CAFE");
        let segs = highlight("Postgres at the Café, postgres!", &q);
        let marked: Vec<_> = segs
            .iter()
            .filter(|s| s.matched)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, ["Postg", "Café", "postg"]);
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, "Postgres at the Café, postgres!");
        assert_eq!(
            highlight("plain", &Query::default()),
            [Segment {
                text: "plain".into(),
                matched: false
            }]
        );
        assert_eq!(
            highlight("", &q),
            [Segment {
                text: String::new(),
                matched: false
            }]
        );
    }
}
