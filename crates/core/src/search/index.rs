//! The search index's files: built by the content build, read by the engine.
//!
//! - **meta** (JSON): the number of posts, each post's category, the first word
//!   of every shard, and which vocabulary buckets exist.
//! - **shards** (binary): the sorted vocabulary cut into ranges of about
//!   `shard_bytes` each; for every word its postings: the posts it occurs in
//!   (ascending, delta-coded varints) with a one-byte weight. The weight is the
//!   word's BM25F term score for that post (fields weighted, body length
//!   normalised, saturated), so a query needs no per-post statistics.
//! - **vocabulary buckets** (text): the words of one first letter and one
//!   length, most frequent first, for typo matching ([`super::typo`]).
//! - **fragments** (JSON, one per post): the card data and the text, for the
//!   results shown and their snippets.
//!
//! The content build compresses every file (gzip); the engine reads them decompressed.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::typo::bucket_key;
use super::MAX_INDEXED_WORD;
use crate::model::PostMeta;
use crate::text::for_each_word;

/// The version of this layout; the engine refuses any other.
pub const FORMAT: u32 = 1;

/// Field weights (BM25F): a word in the title counts six times one in the body.
const TITLE: f32 = 6.0;
const TAGS: f32 = 3.0;
const SUMMARY: f32 = 2.0;
/// BM25's term-frequency saturation and body-length normalisation.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Longest text a fragment keeps, in bytes: snippets come from it.
pub const FRAGMENT_TEXT_MAX: usize = 24_000;

/// The index's table of contents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchMeta {
    pub format: u32,
    pub docs: u32,
    /// Category slugs; post `d`'s category is `categories[doc_categories[d] - 1]`
    /// (0: none). Posts are numbered in the manifest's order, newest first.
    pub categories: Vec<String>,
    pub doc_categories: Vec<u16>,
    /// The first word of each shard, in order; shard `i` holds the words from
    /// `shards[i]` up to the next one's first.
    pub shards: Vec<String>,
    /// Keys of the vocabulary buckets that exist.
    pub vocab: Vec<String>,
}

impl SearchMeta {
    /// The shard that would hold `word`.
    pub fn shard_of(&self, word: &str) -> usize {
        self.shards
            .partition_point(|first| first.as_str() <= word)
            .saturating_sub(1)
    }

    /// The shards holding the words that start with `prefix`.
    pub fn shards_with_prefix(&self, prefix: &str) -> std::ops::RangeInclusive<usize> {
        let first = self.shard_of(prefix);
        let mut last = first;
        while last + 1 < self.shards.len() && self.shards[last + 1].starts_with(prefix) {
            last += 1;
        }
        first..=last
    }

    /// The category slug of post `doc`.
    pub fn category_of(&self, doc: u32) -> Option<&str> {
        let i = *self.doc_categories.get(doc as usize)?;
        self.categories
            .get(usize::from(i).checked_sub(1)?)
            .map(String::as_str)
    }
}

/// A post shown as a search result: its card, and the text its snippet comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fragment {
    pub post: PostMeta,
    pub text: String,
}

impl Fragment {
    pub fn new(post: PostMeta, text: &str) -> Self {
        let mut end = text.len().min(FRAGMENT_TEXT_MAX);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        Fragment {
            post,
            text: text[..end].to_string(),
        }
    }
}

/// The text of one post, by field.
pub struct Document<'a> {
    pub title: &'a str,
    pub tags: &'a [String],
    pub category: Option<&'a str>,
    pub summary: &'a str,
    pub body: &'a str,
}

struct Raw {
    doc: u32,
    /// Weighted occurrences outside the body.
    fields: f32,
    body: u32,
}

/// Collects posts' words; posts can be added on several threads and merged.
#[derive(Default)]
pub struct IndexBuilder {
    terms: HashMap<String, Vec<Raw>>,
    body_words: Vec<(u32, u32)>,
    categories: Vec<(u32, Option<String>)>,
}

/// Every file of a built index, uncompressed.
pub struct BuiltIndex {
    pub meta: SearchMeta,
    pub shards: Vec<Vec<u8>>,
    /// (key, content) of each vocabulary bucket.
    pub vocab: Vec<(String, Vec<u8>)>,
}

impl IndexBuilder {
    /// Adds post number `doc` (its place in the manifest).
    pub fn add(&mut self, doc: u32, d: &Document) {
        let mut counts: HashMap<String, (f32, u32)> = HashMap::new();
        let mut count = |text: &str, weight: f32| -> u32 {
            let mut n = 0;
            for_each_word(text, |w| {
                if w.is_empty() || w.len() > MAX_INDEXED_WORD {
                    return;
                }
                let entry = match counts.get_mut(w) {
                    Some(entry) => entry,
                    None => counts.entry(w.to_string()).or_default(),
                };
                if weight > 0.0 {
                    entry.0 += weight;
                } else {
                    entry.1 += 1;
                }
                n += 1;
            });
            n
        };
        count(d.title, TITLE);
        for tag in d.tags {
            count(tag, TAGS);
        }
        if let Some(category) = d.category {
            count(category, TAGS);
        }
        count(d.summary, SUMMARY);
        let body_words = count(d.body, 0.0);
        for (term, (fields, body)) in counts {
            self.terms
                .entry(term)
                .or_default()
                .push(Raw { doc, fields, body });
        }
        self.body_words.push((doc, body_words));
        self.categories
            .push((doc, d.category.map(crate::text::category_slug)));
    }

    /// Takes in what another builder collected (other posts).
    pub fn merge(&mut self, other: IndexBuilder) {
        for (term, mut raws) in other.terms {
            self.terms.entry(term).or_default().append(&mut raws);
        }
        self.body_words.extend(other.body_words);
        self.categories.extend(other.categories);
    }

    /// Lays the index out in shards of about `shard_bytes`.
    pub fn finish(self, shard_bytes: usize) -> BuiltIndex {
        let docs = self.body_words.len();
        let mut lengths = vec![0u32; docs];
        for (doc, n) in &self.body_words {
            if let Some(slot) = lengths.get_mut(*doc as usize) {
                *slot = *n;
            }
        }
        let avg = (lengths.iter().map(|&n| f64::from(n)).sum::<f64>() / docs.max(1) as f64).max(1.0)
            as f32;

        let mut categories: Vec<String> = self
            .categories
            .iter()
            .filter_map(|(_, c)| c.clone())
            .collect();
        categories.sort();
        categories.dedup();
        let mut doc_categories = vec![0u16; docs];
        for (doc, c) in &self.categories {
            if let (Some(slot), Some(c)) = (doc_categories.get_mut(*doc as usize), c) {
                let i = categories.binary_search(c).unwrap_or(0);
                *slot = u16::try_from(i + 1).unwrap_or(u16::MAX);
            }
        }

        let mut terms: Vec<(String, Vec<Raw>)> = self.terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));

        let mut shards: Vec<Vec<u8>> = Vec::new();
        let mut firsts: Vec<String> = Vec::new();
        let mut buckets: HashMap<String, Vec<(String, usize)>> = HashMap::new();
        let mut postings = Vec::new();
        for (term, mut raws) in terms {
            raws.sort_unstable_by_key(|r| r.doc);
            postings.clear();
            put_varint(&mut postings, raws.len() as u32);
            let mut last = 0;
            for r in &raws {
                let norm =
                    1.0 - B + B * lengths.get(r.doc as usize).copied().unwrap_or(0) as f32 / avg;
                let tf = r.fields + r.body as f32 / norm;
                let weight = (tf / (K1 + tf) * 255.0).round().clamp(1.0, 255.0) as u8;
                put_varint(&mut postings, r.doc - last);
                postings.push(weight);
                last = r.doc;
            }
            if shards.last().is_none_or(|s| s.len() >= shard_bytes) {
                shards.push(Vec::new());
                firsts.push(term.clone());
            }
            let shard = shards.last_mut().expect("pushed above");
            put_varint(shard, term.len() as u32);
            shard.extend_from_slice(term.as_bytes());
            put_varint(shard, postings.len() as u32);
            shard.extend_from_slice(&postings);

            let letters = term.chars().count();
            if letters + 1 >= super::MIN_TYPO_LEN && !term.chars().any(|c| c.is_numeric()) {
                let first = term.chars().next().expect("words are not empty");
                buckets
                    .entry(bucket_key(first, letters))
                    .or_default()
                    .push((term, raws.len()));
            }
        }
        let mut vocab: Vec<(String, Vec<u8>)> = buckets
            .into_iter()
            .map(|(key, mut words)| {
                words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                let mut text = String::new();
                for (word, df) in words {
                    text.push_str(&format!("{word} {df}\n"));
                }
                (key, text.into_bytes())
            })
            .collect();
        vocab.sort_by(|a, b| a.0.cmp(&b.0));
        BuiltIndex {
            meta: SearchMeta {
                format: FORMAT,
                docs: docs as u32,
                categories,
                doc_categories,
                shards: firsts,
                vocab: vocab.iter().map(|(k, _)| k.clone()).collect(),
            },
            shards,
            vocab,
        }
    }
}

fn put_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn get_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut n: u32 = 0;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        n |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b < 0x80 {
            return Some(n);
        }
    }
    None
}

/// One shard, read: its words in order, each with where its postings are.
#[derive(Debug, Clone)]
pub struct Shard {
    data: Vec<u8>,
    terms: Vec<(String, usize, usize)>,
}

impl Shard {
    pub fn parse(data: Vec<u8>) -> Result<Shard, String> {
        let bad = || "the search index is damaged".to_string();
        let mut terms = Vec::new();
        let mut at = 0;
        while at < data.len() {
            let len = get_varint(&data, &mut at).ok_or_else(bad)? as usize;
            let term = data.get(at..at + len).ok_or_else(bad)?;
            let term = std::str::from_utf8(term).map_err(|_| bad())?.to_string();
            at += len;
            let plen = get_varint(&data, &mut at).ok_or_else(bad)? as usize;
            if at + plen > data.len() {
                return Err(bad());
            }
            terms.push((term, at, at + plen));
            at += plen;
        }
        Ok(Shard { data, terms })
    }

    /// The postings of `term`, if the shard holds it.
    pub fn get(&self, term: &str) -> Option<Postings<'_>> {
        let i = self
            .terms
            .binary_search_by(|(t, _, _)| t.as_str().cmp(term))
            .ok()?;
        let (_, from, to) = &self.terms[i];
        Some(Postings(&self.data[*from..*to]))
    }

    /// Every word of the shard that starts with `prefix`, with its postings.
    pub fn with_prefix<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a str, Postings<'a>)> + 'a {
        let start = self.terms.partition_point(|(t, _, _)| t.as_str() < prefix);
        self.terms[start..]
            .iter()
            .take_while(move |(t, _, _)| t.starts_with(prefix))
            .map(|(t, from, to)| (t.as_str(), Postings(&self.data[*from..*to])))
    }
}

/// The posts one word occurs in, with its weight in each.
#[derive(Debug, Clone, Copy)]
pub struct Postings<'a>(&'a [u8]);

impl Postings<'_> {
    /// How many posts the word occurs in.
    pub fn len(&self) -> usize {
        get_varint(self.0, &mut 0).unwrap_or(0) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// (post, weight 1–255), posts ascending.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u8)> + '_ {
        let mut at = 0;
        let count = get_varint(self.0, &mut at).unwrap_or(0);
        let mut doc = 0u32;
        (0..count).map_while(move |_| {
            doc = doc.checked_add(get_varint(self.0, &mut at)?)?;
            let weight = *self.0.get(at)?;
            at += 1;
            Some((doc, weight))
        })
    }
}

/// A vocabulary bucket, read: (word, posts it occurs in), most frequent first.
pub fn parse_bucket(data: &[u8]) -> Vec<(String, u32)> {
    String::from_utf8_lossy(data)
        .lines()
        .filter_map(|line| {
            let (word, df) = line.rsplit_once(' ')?;
            Some((word.to_string(), df.parse().ok()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn doc<'a>(title: &'a str, body: &'a str) -> Document<'a> {
        Document {
            title,
            tags: &[],
            category: None,
            summary: "",
            body,
        }
    }

    #[test]
    fn varints_round_trip() {
        let mut out = Vec::new();
        for n in [0, 1, 127, 128, 300, 16_384, u32::MAX] {
            put_varint(&mut out, n);
        }
        let mut at = 0;
        let back: Vec<u32> = std::iter::from_fn(|| get_varint(&out, &mut at)).collect();
        assert_eq!(back, [0, 1, 127, 128, 300, 16_384, u32::MAX]);
        assert_eq!(get_varint(&[0x80], &mut 0), None);
    }

    #[test]
    fn shards_split_by_word_range_and_hold_every_posting() {
        let bodies: Vec<String> = (0..50)
            .map(|i| format!("common word{i:02} and alpha{} text", i % 5))
            .collect();
        let mut builder = IndexBuilder::default();
        for (i, body) in bodies.iter().enumerate() {
            builder.add(i as u32, &doc("T", body));
        }
        let built = builder.finish(200);
        assert!(built.shards.len() > 3, "{} shards", built.shards.len());
        assert_eq!(built.meta.docs, 50);
        let firsts = &built.meta.shards;
        assert!(firsts.windows(2).all(|w| w[0] < w[1]));
        let shards: Vec<Shard> = built
            .shards
            .iter()
            .map(|s| Shard::parse(s.clone()).unwrap())
            .collect();
        // every word is in the shard meta names for it
        for word in ["alpha3", "common", "word17", "text", "t"] {
            let shard = &shards[built.meta.shard_of(word)];
            assert!(shard.get(word).is_some(), "{word}");
        }
        let common = shards[built.meta.shard_of("common")].get("common").unwrap();
        assert_eq!(common.len(), 50);
        let docs: Vec<u32> = common.iter().map(|(d, _)| d).collect();
        assert_eq!(docs, (0..50).collect::<Vec<_>>());
        let alpha3 = shards[built.meta.shard_of("alpha3")].get("alpha3").unwrap();
        assert_eq!(
            alpha3.iter().map(|(d, _)| d).collect::<Vec<_>>(),
            [3, 8, 13, 18, 23, 28, 33, 38, 43, 48]
        );
        // a prefix's words may span shards: the meta names them all
        let range = built.meta.shards_with_prefix("word");
        let found: usize = range.map(|i| shards[i].with_prefix("word").count()).sum();
        assert_eq!(found, 50);
        assert!(Shard::parse(vec![5, b'a']).is_err());
    }

    #[test]
    fn weights_favour_the_title_and_short_bodies() {
        let filler = "filler ".repeat(200);
        let long = format!("pool {filler}");
        let mut builder = IndexBuilder::default();
        builder.add(0, &doc("About the pool", "nothing"));
        builder.add(1, &doc("Other", "pool"));
        builder.add(2, &doc("Other", &long));
        let built = builder.finish(1 << 20);
        let shard = Shard::parse(built.shards[0].clone()).unwrap();
        let w: Vec<(u32, u8)> = shard.get("pool").unwrap().iter().collect();
        assert_eq!(w.iter().map(|x| x.0).collect::<Vec<_>>(), [0, 1, 2]);
        assert!(w[0].1 > w[1].1 && w[1].1 > w[2].1, "{w:?}");
    }

    #[test]
    fn categories_and_vocabulary_buckets() {
        let tags = vec!["Kubernetes".to_string()];
        let mut builder = IndexBuilder::default();
        builder.add(
            0,
            &Document {
                title: "Pods",
                tags: &tags,
                category: Some("C#"),
                summary: "",
                body: "kubernetes kubelet pod",
            },
        );
        builder.add(1, &doc("Other", "kubelet"));
        let built = builder.finish(1 << 20);
        assert_eq!(built.meta.categories, ["c-sharp"]);
        assert_eq!(built.meta.category_of(0), Some("c-sharp"));
        assert_eq!(built.meta.category_of(1), None);
        let key = bucket_key('k', 7);
        let (_, bucket) = built.vocab.iter().find(|(k, _)| *k == key).unwrap();
        assert_eq!(parse_bucket(bucket), [("kubelet".to_string(), 2)]);
        assert!(built.meta.vocab.contains(&bucket_key('k', 10)));
        // words too short to be one typo from a long enough word are in no bucket
        assert!(built.meta.vocab.contains(&bucket_key('p', 4)));
        assert!(!built.meta.vocab.contains(&bucket_key('p', 3)));
    }

    #[test]
    fn fragments_keep_a_bounded_text_on_a_char_boundary() {
        let post = crate::model::sample_post("x", "2026-01-01", None);
        let text = "é".repeat(FRAGMENT_TEXT_MAX);
        let f = Fragment::new(post, &text);
        assert!(f.text.len() <= FRAGMENT_TEXT_MAX && f.text.len() >= FRAGMENT_TEXT_MAX - 1);
    }
}
