//! Benchmark (not a test): content build time and manifest size for `content/`
//! and for a generated corpus of 10,000 posts, and search time per query over
//! those 10,000 posts. Run with `scripts/bench.sh` (release build).
//!
//! `bench --write-corpus DIR [COUNT]` writes the generated corpus (10,000 posts,
//! or COUNT) as markdown files instead, for building the whole site from it.
//! `bench --write-jekyll-site DIR COUNT` writes the same posts as a Jekyll site
//! writes them (`_config.yml`, `_posts/*.markdown` with Liquid tags, images in
//! `assets/`), for timing `blog-content import` and the build of a moved blog.

use std::path::{Path, PathBuf};
use std::time::Instant;

use blog_content::config::SiteConfig;
use blog_content::site::{self, Options, SourceFile};
use blog_core::model::Site;
use blog_core::search::engine::{Engine, IndexFile};
use blog_core::search::index::SearchMeta;
use blog_core::search::Query;

const CATEGORIES: &[&str] = &[
    "Database",
    "AI",
    "Security",
    "CI/CD",
    "Python",
    "Architecture",
    "Mobile",
    "Docker",
    "React",
    "NodeJS",
    "ElasticSearch",
];

const WORDS: &str = "the a of to and in we was that it for on with as our at by from this were but not had be an \
    database postgres connection pool timeout latency replica primary index query vacuum lock transaction deadlock \
    kubernetes pod container node memory cpu limit probe restart deploy rollback release pipeline cache key redis \
    queue worker retry backoff idempotency lease heartbeat visibility message consumer producer partition shard \
    cluster elasticsearch mapping alias snapshot restore outage incident alert pager oncall dashboard metric trace \
    log error exception stack regression test coverage flaky build artifact docker image layer registry network \
    firewall packet tcp tls handshake certificate dns resolver load balancer nginx proxy upstream request response \
    tenant customer session token jwt signing rotation secret credential leak audit permission role access policy \
    react component render effect callback hook state props fetch python flask fastapi async await coroutine thread \
    event loop blocking sync file read write disk throughput saturation capacity autoscaling budget cost invoice \
    model embedding vector prompt temperature token llm agent review summary migration schema column default rewrite";

/// A small deterministic generator (xorshift), so every run builds the same corpus.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

fn sentence(rng: &mut Rng, words: &[&str], n: usize) -> String {
    let mut s: Vec<&str> = (0..n).map(|_| rng.pick(words)).collect();
    let first = s[0].to_string();
    let mut out = first[..1].to_uppercase() + &first[1..];
    s.remove(0);
    for w in s {
        out.push(' ');
        out.push_str(w);
    }
    out.push('.');
    out
}

fn generate(count: usize) -> Vec<SourceFile> {
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    (0..count)
        .map(|i| {
            let day = 1 + (i % 28);
            let month = 1 + (i / 28) % 12;
            // 1996 to 2025: every post is in the past, so a release build keeps it.
            let year = 1996 + i / (28 * 12);
            let category = CATEGORIES[i % CATEGORIES.len()];
            let tags: Vec<&str> = (0..3).map(|_| rng.pick(&words)).collect();
            let mut body = String::new();
            for section in 0..6 {
                body.push_str(&format!("\n## {}\n\n", sentence(&mut rng, &words, 4)));
                for _ in 0..3 {
                    let sentences: Vec<String> = (0..5).map(|_| sentence(&mut rng, &words, 12)).collect();
                    body.push_str(&sentences.join(" "));
                    body.push_str("\n\n");
                }
                if section == 2 {
                    body.push_str("```sql\nSELECT id, status FROM orders WHERE created_at > now() - interval '1 hour';\n```\n");
                }
            }
            let text = format!(
                "---\ntitle: \"{} {i}\"\ndate: {year}-{month:02}-{day:02}\ncategory: \"{category}\"\ntags: [{}]\n---\n{body}",
                sentence(&mut rng, &words, 6).trim_end_matches('.'),
                tags.join(", ")
            );
            SourceFile {
                rel: format!("generated/post-{i:05}.md"),
                text: Some(text),
                ..SourceFile::default()
            }
        })
        .collect()
}

fn options() -> Options {
    let mut config = SiteConfig::default_site();
    config.site = Site {
        title: "Bench".into(),
        description: String::new(),
    };
    Options::new(&config, i64::MAX)
}

fn build(label: &str, files: &[SourceFile], content_dir: &Path, out: &Path) -> site::Compiled {
    let started = Instant::now();
    let compiled = site::compile(files, &options()).unwrap_or_else(|e| panic!("{label}: {e:?}"));
    let compiled_at = started.elapsed();
    let _ = std::fs::remove_dir_all(out);
    std::fs::create_dir_all(out).expect("out dir");
    if content_dir.exists() {
        site::write(&compiled, content_dir, out).expect("write");
    }
    let words: usize = files
        .iter()
        .filter_map(|f| f.text.as_ref())
        .map(|t| t.split_whitespace().count())
        .sum();
    println!(
        "{label}: {} posts ({} words): parse+check+index {:.0} ms, total with writing {:.0} ms; manifest.json {:.1} KB (gzip {:.1} KB), search index {} files, {:.1} KB gzipped",
        compiled.manifest.posts.len(),
        words,
        compiled_at.as_secs_f64() * 1000.0,
        started.elapsed().as_secs_f64() * 1000.0,
        compiled.manifest_json.len() as f64 / 1024.0,
        gzip_len(compiled.manifest_json.as_bytes()) as f64 / 1024.0,
        compiled.search.files.len(),
        compiled.search.size() as f64 / 1024.0,
    );
    compiled
}

/// Size after `gzip -9` (the system tool), 0 if it is missing.
fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let Ok(mut child) = Command::new("gzip")
        .arg("-9c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
    else {
        return 0;
    };
    let mut stdin = child.stdin.take().expect("stdin");
    let data = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child
        .wait_with_output()
        .map(|o| o.stdout.len())
        .unwrap_or(0);
    let _ = writer.join();
    out
}

/// A valid 1×1 PNG, for the generated Jekyll site's images.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0,
    1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0d, 0x49, 0x44, 0x41, 0x54,
    0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d,
    0x1d, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// The generated posts as a Jekyll site: each post's front matter as
/// `jekyll new` writes it (a date-time with its offset, `categories`), a
/// `{% highlight %}` block, a `{% post_url %}` link to the post before it and
/// an image under `assets/`.
fn write_jekyll_site(dir: &Path, count: usize) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir.join("_posts")).expect("_posts");
    std::fs::create_dir_all(dir.join("assets/img")).expect("assets");
    std::fs::write(dir.join("_config.yml"), "title: Generated\ndescription: A generated Jekyll blog.\nurl: \"https://generated.example\"\nbaseurl: \"\"\npermalink: /blog/:year/:month/:day/:title/\nplugins:\n  - jekyll-feed\n").expect("_config.yml");
    let mut previous: Option<String> = None;
    for (i, file) in generate(count).into_iter().enumerate() {
        let text = file.text.unwrap_or_default();
        let (front, body) = text
            .trim_start_matches("---\n")
            .split_once("\n---\n")
            .expect("front matter");
        let date = front
            .lines()
            .find_map(|l| l.strip_prefix("date: "))
            .expect("date");
        let name = format!("{date}-post-{i:05}");
        let front = front
            .replace(
                &format!("date: {date}"),
                &format!("date: {date} 09:{:02}:00 +0100", i % 60),
            )
            .replace("category: ", "categories: ");
        let link = previous.as_ref().map_or(String::new(), |p| {
            format!("The [post before]({{% post_url {p} %}}) said so.\n\n")
        });
        let png = format!("chart-{i:05}.png");
        std::fs::write(dir.join("assets/img").join(&png), PNG).expect("image");
        let body = format!("{link}![Chart]({{{{ site.baseurl }}}}/assets/img/{png})\n\n{{% highlight ruby %}}\nputs \"{i}\"\n{{% endhighlight %}}\n{body}");
        std::fs::write(
            dir.join("_posts").join(format!("{name}.markdown")),
            format!("---\nlayout: post\n{front}\n---\n{body}"),
        )
        .expect("post");
        previous = Some(name);
    }
    println!("wrote a Jekyll site of {count} posts to {}", dir.display());
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, dir, count] = args.as_slice() {
        if flag == "--write-jekyll-site" {
            let count = count
                .parse()
                .expect("--write-jekyll-site DIR COUNT: COUNT is a number of posts");
            write_jekyll_site(Path::new(dir), count);
            return;
        }
    }
    if let [flag, dir, count @ ..] = args.as_slice() {
        if flag == "--write-corpus" {
            let dir = Path::new(dir);
            let count: usize = match count.first().map(|c| c.parse()) {
                None => 10_000,
                Some(Ok(n)) => n,
                Some(Err(_)) => panic!("--write-corpus DIR [COUNT]: COUNT is a number of posts"),
            };
            let _ = std::fs::remove_dir_all(dir);
            for file in generate(count) {
                let path = dir.join(&file.rel);
                std::fs::create_dir_all(path.parent().expect("a folder")).expect("corpus folder");
                std::fs::write(&path, file.text.unwrap_or_default()).expect("corpus file");
            }
            println!("wrote {count} generated posts to {}", dir.display());
            return;
        }
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let tmp = std::env::temp_dir().join("blog-bench");
    let content = root.join("content");

    let started = Instant::now();
    let files = site::load(&content).expect("read content/");
    println!(
        "content/: read {} files in {:.0} ms",
        files.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    build("content/", &files, &content, &tmp.join("launch"));

    let started = Instant::now();
    let generated = generate(10_000);
    println!(
        "generated corpus: 10,000 posts in {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    let compiled = build(
        "generated corpus",
        &generated,
        Path::new("/nonexistent"),
        &tmp.join("big"),
    );

    // Search as the browser's worker does it: the meta, then the files each
    // query needs (decompressed), then the query itself.
    let file = |name: &str| -> Vec<u8> {
        let data = &compiled
            .search
            .files
            .iter()
            .find(|(n, _)| n == name)
            .expect("an index file")
            .1;
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(data.as_slice()), &mut out)
            .expect("gzip");
        out
    };
    let meta: SearchMeta = serde_json::from_slice(&file("meta.bin")).expect("meta");
    let shards = meta.shards.len();
    let queries = [
        "postgres",
        "connection pool timeout",
        "heart",
        "kubernetes probe restart",
        "kubernets",
        "zzzz",
        "the",
        "tls handshake certificate dns",
    ];
    let rounds = 20;
    for q in queries {
        let query = Query::parse(q);
        let mut engine = Engine::new(meta.clone()).expect("format");
        let mut loaded = (0, 0);
        engine
            .prepare(&query, |f| {
                let name = match f {
                    IndexFile::Shard(i) => format!("s{i}.bin"),
                    IndexFile::Vocab(key) => format!("v{key}.bin"),
                };
                let data = &compiled
                    .search
                    .files
                    .iter()
                    .find(|(n, _)| *n == name)
                    .expect("file")
                    .1;
                loaded = (loaded.0 + 1, loaded.1 + data.len());
                Ok(file(&name))
            })
            .expect("load");
        let started = Instant::now();
        let mut hits = 0;
        for _ in 0..rounds {
            hits = engine.search(&query, None).hits.len();
        }
        let per = started.elapsed().as_secs_f64() * 1000.0 / rounds as f64;
        println!(
            "search {q:?} over 10,000 posts: {per:.2} ms per query ({hits} hits), native; loads {} of {shards} index files, {:.1} KB gzipped",
            loaded.0,
            loaded.1 as f64 / 1024.0
        );
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
