//! Writes the search index (blog-core's [`blog_core::search::index`]) as
//! static files: built from every post on all cores, each file gzipped here so
//! that any host serves it compressed (the browser decompresses it). The folder
//! is named by the index's content, so a new build never meets a stale cache.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use blog_core::model::PostMeta;
use blog_core::search::index::{Document, Fragment, IndexBuilder};
use blog_core::text::content_hash;
use flate2::write::GzEncoder;
use flate2::Compression;
use rayon::prelude::*;

/// About how many bytes of postings (before compression) a shard holds.
pub const SHARD_BYTES: usize = 48 * 1024;

/// The index's files, compressed, by name within `dir`.
#[derive(Debug, Clone, Default)]
pub struct SearchFiles {
    /// The folder, relative to the site root, ending in `/`: `search/<version>/`.
    pub dir: String,
    pub files: Vec<(String, Vec<u8>)>,
}

impl SearchFiles {
    /// Bytes of all files, compressed.
    pub fn size(&self) -> usize {
        self.files.iter().map(|(_, f)| f.len()).sum()
    }
}

/// The names of the index's files, as the search worker asks for them.
pub fn meta_name() -> &'static str {
    "meta.bin"
}

/// Gzipped `data` (zlib-rs): at `level` 6 for the few, much-fetched index
/// files (9 is no smaller here, and slower); lower for the many fragments,
/// where compression time counts.
fn gzip(data: &[u8], level: u32) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(data.len() / 3), Compression::new(level));
    encoder.write_all(data).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

/// Builds the index of `posts` (the manifest's order) with their plain texts.
pub fn build(posts: &[PostMeta], texts: &[&str]) -> SearchFiles {
    let builder = posts
        .par_iter()
        .zip(texts.par_iter())
        .enumerate()
        .fold(IndexBuilder::default, |mut builder, (i, (post, text))| {
            builder.add(
                i as u32,
                &Document {
                    title: &post.title,
                    tags: &post.tags,
                    category: post.category.as_deref(),
                    summary: &post.summary,
                    body: text,
                },
            );
            builder
        })
        .reduce(IndexBuilder::default, |mut a, b| {
            a.merge(b);
            a
        });
    let built = builder.finish(SHARD_BYTES);
    let meta = serde_json::to_vec(&built.meta).expect("the index meta serialises");

    let mut raw: Vec<(String, Vec<u8>)> = Vec::new();
    raw.push((meta_name().to_string(), meta));
    raw.extend(
        built
            .shards
            .into_iter()
            .enumerate()
            .map(|(i, shard)| (format!("s{i}.bin"), shard)),
    );
    raw.extend(
        built
            .vocab
            .into_iter()
            .map(|(key, words)| (format!("v{key}.bin"), words)),
    );
    let fragments: Vec<(String, Vec<u8>)> = posts
        .par_iter()
        .zip(texts.par_iter())
        .enumerate()
        .map(|(i, (post, text))| {
            let fragment = Fragment::new(post.clone(), text);
            let json = serde_json::to_vec(&fragment).expect("a fragment serialises");
            (format!("d{i}.bin"), gzip(&json, 4))
        })
        .collect();
    let mut files: Vec<(String, Vec<u8>)> = raw
        .into_par_iter()
        .map(|(name, data)| (name, gzip(&data, 6)))
        .collect();
    files.extend(fragments);
    let parts: Vec<&[u8]> = files.iter().map(|(_, f)| f.as_slice()).collect();
    SearchFiles {
        dir: format!("search/{}/", content_hash(&parts)),
        files,
    }
}

/// Writes the index's folder into `out`, replacing any earlier index.
pub fn write(search: &SearchFiles, out: &Path) -> io::Result<()> {
    let all = out.join("search");
    if all.exists() {
        fs::remove_dir_all(&all)?;
    }
    let dir = out.join(&search.dir);
    fs::create_dir_all(&dir)?;
    // From one thread: threads creating files in one folder wait on its lock.
    for (name, data) in &search.files {
        fs::write(dir.join(name), data)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use blog_core::search::engine::{Engine, IndexFile};
    use blog_core::search::index::SearchMeta;
    use blog_core::search::Query;
    use flate2::read::GzDecoder;
    use std::io::Read;

    fn gunzip(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        GzDecoder::new(data).read_to_end(&mut out).unwrap();
        out
    }

    fn post(slug: &str, title: &str) -> PostMeta {
        PostMeta {
            slug: slug.into(),
            title: title.into(),
            date: "2026-01-01".into(),
            timestamp: 0,
            updated: None,
            category: Some("Database".into()),
            tags: vec![],
            authors: vec![],
            summary: String::new(),
            reading_minutes: 1,
            source: format!("{slug}.md"),
            version: "1".into(),
            draft: false,
        }
    }

    #[test]
    fn the_written_files_answer_queries_and_the_folder_follows_the_content() {
        let posts = vec![post("a", "Pool exhaustion"), post("b", "Cache keys")];
        let texts = ["the pool ran dry", "a tenant's cache key"];
        let files = build(&posts, &texts);
        assert!(files.dir.starts_with("search/") && files.dir.ends_with('/'));
        let get = |name: &str| gunzip(&files.files.iter().find(|(n, _)| n == name).unwrap().1);
        let meta: SearchMeta = serde_json::from_slice(&get(meta_name())).unwrap();
        assert_eq!(meta.docs, 2);
        let mut engine = Engine::new(meta).unwrap();
        let query = Query::parse("tenant");
        engine
            .prepare(&query, |file| {
                Ok(match file {
                    IndexFile::Shard(i) => get(&format!("s{i}.bin")),
                    IndexFile::Vocab(key) => get(&format!("v{key}.bin")),
                })
            })
            .unwrap();
        let hits = engine.search(&query, None).hits;
        assert_eq!(hits.len(), 1);
        let fragment: Fragment =
            serde_json::from_slice(&get(&format!("d{}.bin", hits[0].doc))).unwrap();
        assert_eq!(fragment.post.slug, "b");
        assert_eq!(fragment.text, texts[1]);

        let again = build(&posts, &texts);
        assert_eq!(again.dir, files.dir);
        let changed = build(&posts, &["the pool ran dry", "a tenant's cache"]);
        assert_ne!(changed.dir, files.dir);

        let out = std::env::temp_dir().join(format!("blog-search-{}", std::process::id()));
        write(&files, &out).unwrap();
        write(&changed, &out).unwrap();
        let dirs = fs::read_dir(out.join("search")).unwrap().count();
        assert_eq!(dirs, 1, "an earlier index is replaced");
        assert!(out.join(&changed.dir).join(meta_name()).exists());
        fs::remove_dir_all(&out).unwrap();
    }
}
