//! Full-text search that stays fast at any number of posts.
//!
//! The content build writes a static, sharded index ([`index`]): the sorted
//! vocabulary is cut into word-range shards, each holding the postings of its
//! words, so a query downloads only the shards its words fall in, plus one
//! small fragment (card data and text) per result shown. The [`engine`] runs a
//! query over the shards it has: BM25F ranking with the title, tags and summary
//! weighted above the body; every word must match, by prefix while typing,
//! case and accents ignored; a word of [`MIN_TYPO_LEN`] letters or more also
//! matches with one typo ([`typo`]), ranked below exact matches.
//!
//! This module holds the parts shared by the engine and the page: the parsed
//! [`Query`], the [`Marks`] to highlight, and [`snippet`]s of text.

use serde::{Deserialize, Serialize};

use crate::model::PostMeta;
use crate::sanitize::push_escaped;
use crate::text::{tokens, words, Token};

pub mod engine;
pub mod index;
pub mod typo;

/// Longest word kept in the index: longer runs are hashes or base64, not prose.
pub const MAX_INDEXED_WORD: usize = 40;

/// Shortest query word (in letters) that also matches with one typo.
pub const MIN_TYPO_LEN: usize = 5;

/// A parsed search query: its distinct folded words, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn parse(input: &str) -> Self {
        let mut out: Vec<String> = Vec::new();
        for word in words(input) {
            // A word longer than the index keeps is kept: it matches nothing.
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

/// What to highlight in shown text: words starting with one of `prefixes`
/// (the query's words, as typed), and whole words equal to one of `words`
/// (those a query word matched with a typo).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    pub prefixes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
}

impl Marks {
    pub fn of_query(query: &Query) -> Self {
        Marks {
            prefixes: query.words().to_vec(),
            words: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.prefixes.is_empty() && self.words.is_empty()
    }

    /// Whether the folded word `folded` is marked. The whole word is, not only
    /// the prefix typed (as Pagefind marks): typing on through a word leaves a
    /// card's marks as they were, and its text is not set again.
    fn marks(&self, folded: &str) -> bool {
        self.words.iter().any(|w| w == folded)
            || self.prefixes.iter().any(|p| folded.starts_with(p.as_str()))
    }
}

/// A piece of text to show, marked when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub matched: bool,
}

/// The byte ranges of `text` to mark.
fn marked_ranges(text: &str, marks: &Marks) -> Vec<(usize, usize)> {
    if marks.is_empty() {
        return Vec::new();
    }
    tokens(text)
        .into_iter()
        .filter(|t| marks.marks(&t.folded))
        .map(|t| (t.start, t.end))
        .collect()
}

/// `text[from..to]` as segments, with `ranges` (sorted, within) marked.
fn segments(text: &str, from: usize, to: usize, ranges: &[(usize, usize)]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = from;
    for &(start, end) in ranges.iter().filter(|(s, e)| *s >= from && *e <= to) {
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
    if at < to || out.is_empty() {
        out.push(Segment {
            text: text[at..to].to_string(),
            matched: false,
        });
    }
    out
}

/// Splits `text` into segments, marking the words `marks` names, for highlighting.
pub fn highlight(text: &str, marks: &Marks) -> Vec<Segment> {
    segments(text, 0, text.len(), &marked_ranges(text, marks))
}

/// Segments as HTML: the text escaped, the matched parts in `<mark>`. A card
/// sets it as its title's and snippet's content in one DOM call, where a node
/// per segment costs each keystroke a dozen.
pub fn segments_html(segments: &[Segment]) -> String {
    let mut out = String::new();
    for s in segments {
        if s.matched {
            out.push_str("<mark>");
            push_escaped(&mut out, &s.text);
            out.push_str("</mark>");
        } else {
            push_escaped(&mut out, &s.text);
        }
    }
    out
}

/// `text` as HTML with what `marks` names in `<mark>` ([`highlight`], [`segments_html`]).
pub fn highlight_html(text: &str, marks: &Marks) -> String {
    segments_html(&highlight(text, marks))
}

/// Words of context a snippet shows.
pub const SNIPPET_WORDS: usize = 30;

/// The passage of `text` (about `width` words) that shows the most of the
/// query: the window with the most distinct marked words, the earliest of
/// those; `…` where it cuts the text. `None` if nothing in `text` is marked.
pub fn snippet(text: &str, marks: &Marks, width: usize) -> Option<Vec<Segment>> {
    snippet_of(text, &tokens(text), marks, width)
}

/// [`snippet`] of `text` split into `toks` (its [`tokens`]) beforehand.
fn snippet_of(text: &str, toks: &[Token], marks: &Marks, width: usize) -> Option<Vec<Segment>> {
    let marked: Vec<bool> = toks.iter().map(|t| marks.marks(&t.folded)).collect();
    let width = width.max(1);
    // A quarter of the window is context before the passage.
    let lead = width / 4;
    let span = width - lead;
    // The best passage starts at a marked word: the one whose next `span`
    // words mark the most distinct words (the earliest of equals).
    let mut best: Option<(usize, usize)> = None;
    for p in (0..toks.len()).filter(|&i| marked[i]) {
        let mut seen: Vec<&str> = Vec::new();
        for i in p..(p + span).min(toks.len()) {
            if marked[i] && !seen.contains(&toks[i].folded.as_str()) {
                seen.push(&toks[i].folded);
            }
        }
        if best.is_none_or(|(n, _)| seen.len() > n) {
            best = Some((seen.len(), p));
        }
    }
    let (_, p) = best?;
    let start = p.saturating_sub(lead);
    let end = (start + width).min(toks.len());
    let from = if start == 0 { 0 } else { toks[start].start };
    let to = if end == toks.len() {
        text.len()
    } else {
        toks[end - 1].end
    };
    let ranges: Vec<(usize, usize)> = (start..end)
        .filter(|&i| marked[i])
        .map(|i| (toks[i].start, toks[i].end))
        .collect();
    let mut out = segments(text, from, to, &ranges);
    if let Some(first) = out.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = out.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    let ellipsis = |text: &str| Segment {
        text: text.into(),
        matched: false,
    };
    if from > 0 {
        out.insert(0, ellipsis("… "));
    }
    if to < text.len() {
        out.push(ellipsis(" …"));
    }
    out.retain(|s| !s.text.is_empty());
    Some(out)
}

/// A search, asked of the search worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchRequest {
    /// Matches the answer to the question.
    pub id: u32,
    /// The URL of the index's folder.
    pub index: String,
    pub query: String,
    /// A category slug: only its posts are listed (all are counted).
    pub category: Option<String>,
    /// How many results to show, with their cards.
    pub limit: usize,
}

/// The worker's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResponse {
    pub id: u32,
    pub found: Result<Found, String>,
}

/// What a search shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Found {
    /// The query these are the results of, as typed.
    pub query: String,
    /// The first results, best first.
    pub cards: Vec<Card>,
    /// Results in the category asked for.
    pub matching: usize,
    /// Results in every category.
    pub total: usize,
    /// Results per category slug.
    pub counts: Vec<(String, usize)>,
    pub marks: Marks,
}

/// A post as a result: its card, and the passage of its text that matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub post: PostMeta,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snippet: Option<Vec<Segment>>,
}

/// A result's fragment with its text split into words once: a snippet for
/// each new query then only compares words (the text of a long post is
/// thousands of words, and every keystroke asks again).
#[derive(Debug, Clone)]
pub struct Passage {
    pub post: PostMeta,
    text: String,
    tokens: Vec<Token>,
}

impl Passage {
    pub fn new(fragment: index::Fragment) -> Self {
        Passage {
            tokens: tokens(&fragment.text),
            text: fragment.text,
            post: fragment.post,
        }
    }

    /// The [`snippet`] of this text for `marks`.
    pub fn snippet(&self, marks: &Marks) -> Option<Vec<Segment>> {
        snippet_of(&self.text, &self.tokens, marks, SNIPPET_WORDS)
    }
}

impl Found {
    /// The first `limit` results of `outcome` as cards, from their passages
    /// (`passage(doc)`; a result whose passage is missing is left out).
    pub fn of<'a>(
        outcome: &engine::Outcome,
        limit: usize,
        passage: impl Fn(u32) -> Option<&'a Passage>,
    ) -> Self {
        let cards = outcome
            .hits
            .iter()
            .take(limit)
            .filter_map(|hit| passage(hit.doc))
            .map(|p| Card {
                snippet: p.snippet(&outcome.marks),
                post: p.post.clone(),
            })
            .collect();
        Found {
            query: String::new(),
            cards,
            matching: outcome.hits.len(),
            total: outcome.total,
            counts: outcome.counts.clone(),
            marks: outcome.marks.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(segs: &[Segment]) -> String {
        segs.iter().map(|s| s.text.as_str()).collect()
    }

    fn marked(segs: &[Segment]) -> Vec<&str> {
        segs.iter()
            .filter(|s| s.matched)
            .map(|s| s.text.as_str())
            .collect()
    }

    #[test]
    fn queries_keep_distinct_folded_words() {
        let q = Query::parse("Café  cafe, CAFÉ tenant");
        assert_eq!(q.words(), ["cafe", "tenant"]);
        assert!(Query::parse(" ,; ").is_empty());
        let long = "x".repeat(MAX_INDEXED_WORD + 1);
        assert_eq!(Query::parse(&long).words(), [long]);
    }

    #[test]
    fn highlights_whole_words_matched_by_prefix() {
        let marks = Marks::of_query(&Query::parse("postg CAFE"));
        let segs = highlight("Postgres at the Café, postgres! Post", &marks);
        assert_eq!(marked(&segs), ["Postgres", "Café", "postgres"]);
        // One more letter that the same words match marks the same.
        let more = Marks::of_query(&Query::parse("postgr CAFE"));
        assert_eq!(
            highlight_html("Postgres at the Café, postgres! Post", &marks),
            highlight_html("Postgres at the Café, postgres! Post", &more)
        );
        assert_eq!(joined(&segs), "Postgres at the Café, postgres! Post");
        assert_eq!(
            highlight("plain", &Marks::default()),
            [Segment {
                text: "plain".into(),
                matched: false
            }]
        );
        assert_eq!(joined(&highlight("", &marks)), "");
    }

    #[test]
    fn highlighted_html_escapes_text_and_marks_matches() {
        let marks = Marks::of_query(&Query::parse("pg <b"));
        assert_eq!(
            highlight_html("<b>PgBouncer</b> & \"pg\" 'x'", &marks),
            "&lt;<mark>b</mark>&gt;<mark>PgBouncer</mark>&lt;/<mark>b</mark>&gt; &amp; &quot;<mark>pg</mark>&quot; &#39;x&#39;"
        );
        assert_eq!(highlight_html("plain", &Marks::default()), "plain");
        assert_eq!(highlight_html("", &marks), "");
    }

    #[test]
    fn highlights_whole_words_matched_with_a_typo() {
        let marks = Marks {
            prefixes: vec!["kubernets".into()],
            words: vec!["kubernetes".into()],
        };
        let segs = highlight("Kubernetes, not kubernet.", &marks);
        assert_eq!(marked(&segs), ["Kubernetes"]);
    }

    #[test]
    fn snippets_show_the_passage_with_the_most_query_words() {
        let filler = "lorem ipsum dolor sit amet ".repeat(20);
        let text = format!(
            "A pool first. {filler} Then the pool and the proxy together. {filler} The end."
        );
        let marks = Marks::of_query(&Query::parse("pool prox"));
        let segs = snippet(&text, &marks, 12).unwrap();
        let shown = joined(&segs);
        assert!(shown.starts_with("… "), "{shown}");
        assert!(shown.ends_with(" …"), "{shown}");
        assert!(
            shown.contains("Then the pool and the proxy together"),
            "{shown}"
        );
        assert_eq!(marked(&segs), ["pool", "proxy"]);
        // the whole text when it is short; nothing when nothing matches
        let segs = snippet("Only the pool.", &marks, 12).unwrap();
        assert_eq!(joined(&segs), "Only the pool.");
        assert_eq!(snippet("Nothing here.", &marks, 12), None);
        assert_eq!(snippet("", &marks, 12), None);
    }

    #[test]
    fn snippets_keep_accents_and_cut_on_word_boundaries() {
        let text = "Un café crème à la terrasse, puis un autre café très long à boire.";
        let marks = Marks::of_query(&Query::parse("creme"));
        let segs = snippet(text, &marks, 4).unwrap();
        let shown = joined(&segs);
        assert_eq!(marked(&segs), ["crème"]);
        assert!(
            shown.starts_with("… café crème") || shown.starts_with("Un café crème"),
            "{shown}"
        );
        assert!(shown.ends_with(" …"), "{shown}");
    }

    #[test]
    fn a_passage_gives_each_query_the_snippet_of_its_text() {
        let text = "Retries piled up. The pool was full, so every retry waited on the pool again.";
        let post: PostMeta = serde_json::from_value(serde_json::json!({
            "slug": "p", "title": "T", "date": "2026-01-01", "timestamp": 0,
            "summary": "S", "reading_minutes": 1, "source": "p.md", "version": "v"
        }))
        .unwrap();
        let passage = Passage::new(index::Fragment::new(post, text));
        for q in ["pool", "retr", "waited pool", "nothing"] {
            let marks = Marks::of_query(&Query::parse(q));
            assert_eq!(
                passage.snippet(&marks),
                snippet(text, &marks, SNIPPET_WORDS),
                "{q}"
            );
        }
        assert!(passage
            .snippet(&Marks::of_query(&Query::parse("pool")))
            .is_some());
    }
}
