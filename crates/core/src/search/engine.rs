//! Runs queries over the parts of the index that have been loaded.
//!
//! A query is answered in three steps, each saying what it needs first, so the
//! browser fetches only those files: [`Engine::vocab_wanted`] (the buckets for
//! the typo candidates of long words), then [`Engine::shards_wanted`] (the
//! shards of every word, prefix and candidate), then [`Engine::search`].
//!
//! Each query word matches a post through its best word in that post: the
//! word itself, a longer word it starts (while the range of such words spans
//! at most [`MAX_PREFIX_SHARDS`] shards: a one-letter prefix waits for more
//! letters), or, for words of [`super::MIN_TYPO_LEN`] letters or more, a word
//! one typo away. Every query word must match. Posts rank by how few words
//! needed a typo, then by BM25F score (the sum over the query words), then
//! newest first.

use std::collections::HashMap;

use super::index::{parse_bucket, SearchMeta, Shard, FORMAT};
use super::typo::{buckets_for, one_edit_apart};
use super::{Marks, Query};

/// A prefix expands to the words it starts only within this many shards.
pub const MAX_PREFIX_SHARDS: usize = 3;
/// Typo candidates kept per query word, the most frequent first.
pub const MAX_TYPO_CANDIDATES: usize = 4;

/// BM25's k1, as the index's weights were computed with.
const K1: f32 = 1.2;
/// Score factors of a word that only starts the post's word, or is a typo of it.
const PREFIX: f32 = 0.8;
const TYPO: f32 = 0.5;

/// A file of the index, named by the meta.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IndexFile {
    Shard(usize),
    Vocab(String),
}

/// One post that matches, with its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub doc: u32,
    pub score: f32,
    /// Query words that matched only with a typo.
    pub typos: u8,
}

/// What a query found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// Matches in the category asked for, best first.
    pub hits: Vec<Hit>,
    /// Matches in all categories.
    pub total: usize,
    /// Matches per category slug, over all categories.
    pub counts: Vec<(String, usize)>,
    /// What to highlight in the results.
    pub marks: Marks,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Typo = 1,
    Prefix = 2,
    Exact = 3,
}

pub struct Engine {
    meta: SearchMeta,
    shards: HashMap<usize, Shard>,
    vocab: HashMap<String, Vec<(String, u32)>>,
}

impl Engine {
    pub fn new(meta: SearchMeta) -> Result<Self, String> {
        if meta.format != FORMAT {
            return Err(format!(
                "the search index has format {} (expected {FORMAT}: rebuild the site)",
                meta.format
            ));
        }
        Ok(Engine {
            meta,
            shards: HashMap::new(),
            vocab: HashMap::new(),
        })
    }

    pub fn meta(&self) -> &SearchMeta {
        &self.meta
    }

    /// The vocabulary buckets `query` needs that are not loaded yet.
    pub fn vocab_wanted(&self, query: &Query) -> Vec<IndexFile> {
        let mut out = Vec::new();
        for key in query.words().iter().flat_map(|w| buckets_for(w)) {
            let file = IndexFile::Vocab(key.clone());
            if self.meta.vocab.contains(&key)
                && !self.vocab.contains_key(&key)
                && !out.contains(&file)
            {
                out.push(file);
            }
        }
        out
    }

    /// The shards `query` needs that are not loaded yet (ask after the vocabulary).
    pub fn shards_wanted(&self, query: &Query) -> Vec<IndexFile> {
        if self.meta.shards.is_empty() {
            return Vec::new();
        }
        let mut wanted: Vec<usize> = Vec::new();
        for word in query.words() {
            wanted.push(self.meta.shard_of(word));
            if let Some(range) = self.prefix_range(word) {
                wanted.extend(range);
            }
            for candidate in self.typo_candidates(word) {
                wanted.push(self.meta.shard_of(&candidate));
            }
        }
        wanted.sort_unstable();
        wanted.dedup();
        wanted
            .into_iter()
            .filter(|i| !self.shards.contains_key(i))
            .map(IndexFile::Shard)
            .collect()
    }

    /// Takes in a loaded file's content (decompressed).
    pub fn add(&mut self, file: &IndexFile, data: Vec<u8>) -> Result<(), String> {
        match file {
            IndexFile::Shard(i) => {
                self.shards.insert(*i, Shard::parse(data)?);
            }
            IndexFile::Vocab(key) => {
                self.vocab.insert(key.clone(), parse_bucket(&data));
            }
        }
        Ok(())
    }

    /// Loads what `query` needs with `load`, in the engine's order: for
    /// callers that read files synchronously (tests, benchmarks).
    pub fn prepare(
        &mut self,
        query: &Query,
        mut load: impl FnMut(&IndexFile) -> Result<Vec<u8>, String>,
    ) -> Result<(), String> {
        for file in self.vocab_wanted(query) {
            let data = load(&file)?;
            self.add(&file, data)?;
        }
        for file in self.shards_wanted(query) {
            let data = load(&file)?;
            self.add(&file, data)?;
        }
        Ok(())
    }

    /// The shards of the longer words `word` starts, if few enough to load.
    fn prefix_range(&self, word: &str) -> Option<std::ops::RangeInclusive<usize>> {
        let range = self.meta.shards_with_prefix(word);
        (range.end() - range.start() < MAX_PREFIX_SHARDS).then_some(range)
    }

    /// Words of the index one typo from `word` (that `word` does not start),
    /// the most frequent first, from the buckets loaded.
    fn typo_candidates(&self, word: &str) -> Vec<String> {
        let mut found: Vec<(&str, u32)> = buckets_for(word)
            .iter()
            .filter_map(|key| self.vocab.get(key))
            .flatten()
            .filter(|(w, _)| !w.starts_with(word) && one_edit_apart(word, w))
            .map(|(w, df)| (w.as_str(), *df))
            .collect();
        found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        found
            .into_iter()
            .take(MAX_TYPO_CANDIDATES)
            .map(|(w, _)| w.to_string())
            .collect()
    }

    fn idf(&self, df: usize) -> f32 {
        let n = self.meta.docs as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Runs `query` over what is loaded, keeping posts of `category` (a slug) if given.
    pub fn search(&self, query: &Query, category: Option<&str>) -> Outcome {
        let n = self.meta.docs as usize;
        let mut score = vec![0f32; n];
        let mut typos = vec![0u8; n];
        let mut matched = vec![0u16; n];
        let mut marks = Marks::of_query(query);
        for word in query.words() {
            let mut best = vec![(0u8, 0f32); n];
            let mut take = |postings: super::index::Postings, kind: Kind| {
                let idf = self.idf(postings.len());
                let factor = match kind {
                    Kind::Exact => 1.0,
                    Kind::Prefix => PREFIX,
                    Kind::Typo => TYPO,
                };
                for (doc, weight) in postings.iter() {
                    let Some(slot) = best.get_mut(doc as usize) else {
                        continue;
                    };
                    let s = idf * f32::from(weight) / 255.0 * (K1 + 1.0) * factor;
                    if (kind as u8, s) > *slot {
                        *slot = (kind as u8, s);
                    }
                }
            };
            let shard = |w: &str| self.shards.get(&self.meta.shard_of(w));
            if let Some(postings) = shard(word).and_then(|s| s.get(word)) {
                take(postings, Kind::Exact);
            }
            if let Some(range) = self.prefix_range(word) {
                for i in range {
                    let Some(s) = self.shards.get(&i) else {
                        continue;
                    };
                    for (_, postings) in s.with_prefix(word).filter(|(t, _)| t != word) {
                        take(postings, Kind::Prefix);
                    }
                }
            }
            for candidate in self.typo_candidates(word) {
                if let Some(postings) = shard(&candidate).and_then(|s| s.get(&candidate)) {
                    take(postings, Kind::Typo);
                    marks.words.push(candidate);
                }
            }
            for (doc, (kind, s)) in best.into_iter().enumerate() {
                if kind > 0 {
                    matched[doc] += 1;
                    score[doc] += s;
                    if kind == Kind::Typo as u8 {
                        typos[doc] += 1;
                    }
                }
            }
        }
        let words = query.words().len() as u16;
        let mut counts: HashMap<&str, usize> = HashMap::new();
        let mut hits = Vec::new();
        let mut total = 0;
        for doc in (0..n).filter(|&d| words > 0 && matched[d] == words) {
            total += 1;
            let own = self.meta.category_of(doc as u32);
            if let Some(c) = own {
                *counts.entry(c).or_default() += 1;
            }
            if category.is_none() || own == category {
                hits.push(Hit {
                    doc: doc as u32,
                    score: score[doc],
                    typos: typos[doc],
                });
            }
        }
        hits.sort_by(|a, b| {
            a.typos
                .cmp(&b.typos)
                .then(b.score.total_cmp(&a.score))
                .then(a.doc.cmp(&b.doc))
        });
        let mut counts: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(c, n)| (c.to_string(), n))
            .collect();
        counts.sort();
        Outcome {
            hits,
            total,
            counts,
            marks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::{BuiltIndex, Document, IndexBuilder};

    struct Post {
        title: &'static str,
        category: Option<&'static str>,
        summary: &'static str,
        body: &'static str,
    }

    fn post(title: &'static str, body: &'static str) -> Post {
        Post {
            title,
            category: None,
            summary: "",
            body,
        }
    }

    fn build(posts: &[Post], shard_bytes: usize) -> BuiltIndex {
        let mut a = IndexBuilder::default();
        let mut b = IndexBuilder::default();
        for (i, p) in posts.iter().enumerate() {
            // Half the posts on another builder, as the content build's threads do.
            let builder = if i % 2 == 0 { &mut a } else { &mut b };
            builder.add(
                i as u32,
                &Document {
                    title: p.title,
                    tags: &[],
                    category: p.category,
                    summary: p.summary,
                    body: p.body,
                },
            );
        }
        a.merge(b);
        a.finish(shard_bytes)
    }

    /// Runs `q`, loading files from `built`, and counts the files loaded.
    fn run(
        engine: &mut Engine,
        built: &BuiltIndex,
        q: &str,
        category: Option<&str>,
    ) -> (Outcome, usize) {
        let query = Query::parse(q);
        let mut loaded = 0;
        engine
            .prepare(&query, |file| {
                loaded += 1;
                Ok(match file {
                    IndexFile::Shard(i) => built.shards[*i].clone(),
                    IndexFile::Vocab(key) => built
                        .vocab
                        .iter()
                        .find(|(k, _)| k == key)
                        .unwrap()
                        .1
                        .clone(),
                })
            })
            .unwrap();
        (engine.search(&query, category), loaded)
    }

    fn docs(outcome: &Outcome) -> Vec<u32> {
        outcome.hits.iter().map(|h| h.doc).collect()
    }

    fn corpus() -> Vec<Post> {
        vec![
            Post {
                title: "Thirty-eight tasks and one Postgres",
                category: Some("Database"),
                summary: "Autoscaling met max_connections.",
                body: "The pool was exhausted. PgBouncer saved the day.",
            },
            Post {
                title: "A cache key without the tenant",
                category: Some("Architecture"),
                summary: "Redis served one tenant's records to another.",
                body: "Postgres was fine; the compiler was not involved.",
            },
            Post {
                title: "Crème brûlée at the Café",
                category: Some("Python"),
                summary: "Accents everywhere.",
                body: "We traced the visibility timeout; the compiler inlined it.",
            },
            post("Release notes for 2.0", "The release went out on Friday."),
        ]
    }

    #[test]
    fn every_word_must_match_and_the_last_one_by_prefix() {
        let posts = corpus();
        let built = build(&posts, 64);
        let mut e = Engine::new(built.meta.clone()).unwrap();
        assert_eq!(docs(&run(&mut e, &built, "postgres", None).0), [0, 1]);
        assert_eq!(docs(&run(&mut e, &built, "postg tenant", None).0), [1]);
        assert!(run(&mut e, &built, "postgres tenant zebra", None)
            .0
            .hits
            .is_empty());
        assert_eq!(docs(&run(&mut e, &built, "PGBOUNCER", None).0), [0]);
        assert_eq!(docs(&run(&mut e, &built, "release not", None).0), [3]);
        assert_eq!(docs(&run(&mut e, &built, "creme brulee", None).0), [2]);
        assert_eq!(docs(&run(&mut e, &built, "CAFÉ", None).0), [2]);
        assert_eq!(docs(&run(&mut e, &built, "max_connections", None).0), [0]);
        // a word longer than the index keeps matches nothing (not everything)
        let long = "x".repeat(crate::search::MAX_INDEXED_WORD + 1);
        assert!(run(&mut e, &built, &long, None).0.hits.is_empty());
    }

    #[test]
    fn title_and_summary_rank_above_the_body() {
        let posts = vec![
            post("Nothing here", "the tenant leaked"),
            Post {
                summary: "About the tenant",
                ..post("Other", "words")
            },
            post("The tenant", "words"),
        ];
        let built = build(&posts, 1 << 20);
        let mut e = Engine::new(built.meta.clone()).unwrap();
        assert_eq!(docs(&run(&mut e, &built, "tenant", None).0), [2, 1, 0]);
    }

    #[test]
    fn bm25_prefers_rare_words_and_frequent_use() {
        let posts = vec![
            post("a", "queue queue queue common"),
            post("b", "queue common common"),
            post("c", "common"),
        ];
        let built = build(&posts, 1 << 20);
        let mut e = Engine::new(built.meta.clone()).unwrap();
        let out = run(&mut e, &built, "queue common", None).0;
        assert_eq!(docs(&out), [0, 1]);
        assert!(out.hits[0].score > out.hits[1].score);
    }

    #[test]
    fn one_typo_in_a_long_word_finds_it_below_exact_matches() {
        let posts = vec![
            post("Kubernetes upgrade", "the kubernetes control plane"),
            post("Other", "we mistyped kubernets here"),
            post("Compiler bugs", "the compiler"),
        ];
        let built = build(&posts, 1 << 20);
        let mut e = Engine::new(built.meta.clone()).unwrap();
        // "kubernets" is in post 1 exactly: it ranks first; post 0 through the typo
        let out = run(&mut e, &built, "kubernets", None).0;
        assert_eq!(docs(&out), [1, 0]);
        assert_eq!((out.hits[0].typos, out.hits[1].typos), (0, 1));
        assert!(out.marks.words.contains(&"kubernetes".to_string()));
        for typo in ["compilr", "compiller", "compilar", "comipler", "copmiler"] {
            assert_eq!(docs(&run(&mut e, &built, typo, None).0), [2], "{typo}");
        }
        // short words, words with digits and the first letter get no typo
        assert!(run(&mut e, &built, "bugz", None).0.hits.is_empty());
        assert!(run(&mut e, &built, "vompiler", None).0.hits.is_empty());
        let built = build(
            &[post("a", "build 20261"), post("b", "build 20262")],
            1 << 20,
        );
        let mut e = Engine::new(built.meta.clone()).unwrap();
        assert_eq!(docs(&run(&mut e, &built, "20261", None).0), [0]);
    }

    #[test]
    fn counts_per_category_and_filtering() {
        let posts = corpus();
        let built = build(&posts, 64);
        let mut e = Engine::new(built.meta.clone()).unwrap();
        let out = run(&mut e, &built, "compiler", Some("python")).0;
        assert_eq!(docs(&out), [2]);
        assert_eq!(out.total, 2);
        assert_eq!(
            out.counts,
            [("architecture".to_string(), 1), ("python".to_string(), 1)]
        );
        assert!(run(&mut e, &built, "compiler", Some("database"))
            .0
            .hits
            .is_empty());
    }

    #[test]
    fn a_query_loads_only_the_shards_of_its_words() {
        let bodies: Vec<String> = (0..400)
            .map(|i| format!("post{i:03} topic{} shared", i % 40))
            .collect();
        let posts: Vec<Post> = bodies
            .iter()
            .map(|b| post("T", Box::leak(b.clone().into_boxed_str())))
            .collect();
        let built = build(&posts, 256);
        assert!(built.shards.len() > 20, "{} shards", built.shards.len());
        let mut e = Engine::new(built.meta.clone()).unwrap();
        let (out, loaded) = run(&mut e, &built, "post123", None);
        assert_eq!(docs(&out), [123]);
        assert!(loaded <= 2, "{loaded} files");
        // loaded shards are kept: the same query loads nothing more
        assert_eq!(run(&mut e, &built, "post123", None).1, 0);
        // a one-letter prefix spans every shard: it matches the word only
        let (out, loaded) = run(&mut e, &built, "p", None);
        assert!(out.hits.is_empty());
        assert!(loaded <= 1);
        // a longer prefix spanning few shards expands
        let (out, _) = run(&mut e, &built, "topic3", None);
        assert_eq!(out.hits.len(), 110, "topic3 and topic30..39");
    }

    #[test]
    fn a_format_from_another_version_is_refused() {
        let meta = SearchMeta {
            format: FORMAT + 1,
            ..SearchMeta::default()
        };
        assert!(Engine::new(meta).is_err());
        // an empty index answers nothing, loading nothing
        let mut e = Engine::new(SearchMeta {
            format: FORMAT,
            ..SearchMeta::default()
        })
        .unwrap();
        let built = build(&[], 64);
        assert!(run(&mut e, &built, "anything", None).0.hits.is_empty());
    }
}
