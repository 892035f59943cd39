//! Guards the 25 launch posts of `content/` against the content brief: date,
//! category and reading time of each, a summary and a fenced code block in
//! every post, and no broken internal links (which fail the build).

use std::path::Path;

use blog_content::config::SiteConfig;
use blog_content::site::{compile, load, Options};
use blog_core::model::Site;

/// (slug, date, category, minutes) from ../shared/content-brief.md.
const BRIEF: &[(&str, &str, &str, u32)] = &[
    (
        "flash-sale-exhausted-postgres-connections",
        "2026-03-16",
        "Database",
        9,
    ),
    ("ai-agent-removed-kubernetes-limits", "2026-03-15", "AI", 10),
    (
        "embedding-upgrade-without-reembedding",
        "2026-03-15",
        "AI",
        10,
    ),
    ("env-file-in-public-forks", "2026-03-16", "Security", 9),
    (
        "temperature-zero-is-not-deterministic",
        "2026-03-18",
        "AI",
        10,
    ),
    ("runaway-llm-summariser-bill", "2026-03-17", "AI", 9),
    ("hallucinated-api-routes", "2026-03-16", "AI", 11),
    ("stale-github-actions-cache", "2026-03-15", "CI/CD", 9),
    (
        "not-null-default-table-rewrite",
        "2026-03-15",
        "Database",
        10,
    ),
    (
        "sqlalchemy-session-stale-identity-map",
        "2026-03-15",
        "Python",
        10,
    ),
    (
        "sqs-visibility-timeout-847-orders",
        "2026-03-14",
        "Architecture",
        10,
    ),
    (
        "duplicate-digest-cron-emails",
        "2026-03-14",
        "Architecture",
        10,
    ),
    (
        "nextjs-full-route-cache-stale-prices",
        "2026-03-14",
        "Architecture",
        9,
    ),
    (
        "push-fanout-exhausted-connection-pool",
        "2026-03-14",
        "Mobile",
        9,
    ),
    (
        "jwt-secret-rotation-mass-logout",
        "2026-03-13",
        "Security",
        10,
    ),
    (
        "stateless-firewall-dropped-traffic",
        "2026-03-13",
        "Docker",
        9,
    ),
    (
        "redis-cache-key-tenant-leak",
        "2026-03-12",
        "Architecture",
        10,
    ),
    (
        "redis-connection-leak-getserversideprops",
        "2026-03-12",
        "Docker",
        8,
    ),
    ("useeffect-request-loop", "2026-03-11", "React", 9),
    (
        "module-level-dict-async-data-leak",
        "2026-03-11",
        "Python",
        9,
    ),
    (
        "readfilesync-blocked-event-loop",
        "2026-03-10",
        "NodeJS",
        11,
    ),
    (
        "strangler-fig-php-migration",
        "2026-03-09",
        "Architecture",
        13,
    ),
    (
        "four-line-query-friday-outage",
        "2026-03-07",
        "Database",
        12,
    ),
    ("friday-afternoon-deploy", "2026-03-05", "CI/CD", 9),
    (
        "elasticsearch-shard-misconfiguration",
        "2026-03-03",
        "ElasticSearch",
        14,
    ),
];

#[test]
fn the_launch_posts_match_the_brief() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let files = load(&content).expect("read content/");
    let compiled = compile(
        &files,
        &Options::new(
            &SiteConfig {
                site: Site {
                    title: "t".into(),
                    description: String::new(),
                },
                ..SiteConfig::default_site()
            },
            i64::MAX,
        ),
    )
    .unwrap_or_else(|errors| panic!("content/ must build: {errors:#?}"));

    let posts = &compiled.manifest.posts;
    assert_eq!(posts.len(), 25);
    for (slug, date, category, minutes) in BRIEF {
        let post = posts
            .iter()
            .find(|p| p.slug == *slug)
            .unwrap_or_else(|| panic!("no post `{slug}`"));
        assert_eq!(post.date, *date, "{slug}");
        assert_eq!(post.category.as_deref(), Some(*category), "{slug}");
        assert!(
            post.reading_minutes.abs_diff(*minutes) <= 1,
            "{slug}: {} min, brief says {minutes}",
            post.reading_minutes
        );
        assert!(
            !post.summary.is_empty() && post.summary.len() <= 300,
            "{slug}: summary"
        );
        assert!(post.tags.len() >= 3, "{slug}: tags");

        let source = files
            .iter()
            .find(|f| f.rel == post.source)
            .and_then(|f| f.text.as_deref())
            .unwrap_or_default();
        assert!(
            source.contains("\nsummary:"),
            "{slug}: the summary is written, not derived"
        );
        let fenced_with_language = source.lines().any(|l| {
            l.starts_with("```")
                && l.trim_start_matches('`')
                    .trim()
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        });
        assert!(
            fenced_with_language,
            "{slug}: a fenced code block with its language"
        );
    }
}
