//! Atom feeds: the whole site's, and one per category, newest posts first with
//! their full content.

use atom_syndication::{
    Category, Content, Entry, Feed, FixedDateTime, Generator, Link, Person, Text,
};
use blog_core::dates::days_from_civil_str;
use blog_core::listing::CategoryCount;
use blog_core::model::{PostMeta, Site};
use blog_core::Urls;

/// Posts in a feed, at most: a reader that polls gets the recent ones.
pub const FEED_ENTRIES: usize = 50;

/// A published post with its rendered body.
pub struct FeedPost<'a> {
    pub meta: &'a PostMeta,
    pub html: &'a str,
}

fn instant(seconds: i64) -> FixedDateTime {
    chrono::DateTime::from_timestamp(seconds, 0)
        .unwrap_or_default()
        .fixed_offset()
}

/// When a post last changed: its `updated` date, else its publication.
pub fn last_change(post: &PostMeta) -> i64 {
    post.updated
        .as_deref()
        .and_then(days_from_civil_str)
        .map(|days| days * 86_400)
        .filter(|&t| t >= post.timestamp)
        .unwrap_or(post.timestamp)
}

fn link(href: String, rel: &str, mime: Option<&str>) -> Link {
    Link {
        href,
        rel: rel.to_string(),
        mime_type: mime.map(str::to_string),
        ..Default::default()
    }
}

fn entry(post: &FeedPost, urls: &Urls) -> Entry {
    let meta = post.meta;
    let url = urls.absolute(&urls.post(&meta.slug));
    let mut categories: Vec<Category> = meta
        .category
        .iter()
        .map(|name| Category {
            term: name.clone(),
            ..Default::default()
        })
        .collect();
    categories.extend(meta.tags.iter().map(|t| Category {
        term: t.clone(),
        label: Some(format!("#{t}")),
        ..Default::default()
    }));
    Entry {
        title: Text::plain(meta.title.clone()),
        id: url.clone(),
        updated: instant(last_change(meta)),
        published: Some(instant(meta.timestamp)),
        authors: meta
            .authors
            .iter()
            .map(|author| Person {
                name: author.name.clone(),
                uri: author.url.clone().filter(|u| !u.starts_with("mailto:")),
                email: author
                    .url
                    .as_deref()
                    .and_then(|u| u.strip_prefix("mailto:"))
                    .map(String::from),
                ..Default::default()
            })
            .collect(),
        categories,
        links: vec![link(url.clone(), "alternate", Some("text/html"))],
        summary: Some(Text::plain(meta.summary.clone())),
        content: Some(Content {
            // Links in the body are paths: they resolve against the post's address.
            base: Some(url),
            value: Some(post.html.to_string()),
            content_type: Some("html".to_string()),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// The feed of `posts` (newest first), for the whole site or for `category`.
pub fn atom(
    site: &Site,
    urls: &Urls,
    category: Option<&CategoryCount>,
    posts: &[FeedPost],
) -> String {
    let slug = category.map(|c| c.slug.as_str());
    let page = urls.absolute(&urls.listing(slug, ""));
    let title = match category {
        Some(c) => format!("{} · {}", site.title, c.name),
        None => site.title.clone(),
    };
    let entries: Vec<Entry> = posts
        .iter()
        .take(FEED_ENTRIES)
        .map(|p| entry(p, urls))
        .collect();
    let updated = posts.iter().map(|p| last_change(p.meta)).max().unwrap_or(0);
    let feed = Feed {
        title: Text::plain(title),
        id: page.clone(),
        updated: instant(updated),
        subtitle: (!site.description.is_empty()).then(|| Text::plain(site.description.clone())),
        links: vec![
            link(
                urls.absolute(&urls.feed(slug)),
                "self",
                Some("application/atom+xml"),
            ),
            link(page, "alternate", Some("text/html")),
        ],
        generator: Some(Generator {
            value: "Fault Lines".to_string(),
            ..Default::default()
        }),
        entries,
        lang: Some("en".to_string()),
        ..Default::default()
    };
    let mut xml = feed.to_string();
    if !xml.starts_with("<?xml") {
        xml.insert_str(0, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    }
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_has_every_post_with_its_content_and_round_trips() {
        let mut a = blog_core::model::PostMeta {
            slug: "a".into(),
            title: "A & <b>".into(),
            date: "2026-03-16".into(),
            timestamp: 1_773_619_200,
            updated: Some("2026-03-20".into()),
            category: Some("CI/CD".into()),
            tags: vec!["postgres".into()],
            authors: vec![blog_core::model::Author::named("Ana Lima")],
            summary: "S".into(),
            reading_minutes: 1,
            source: "a.md".into(),
            version: "v".into(),
            draft: false,
        };
        let b = PostMeta {
            slug: "b".into(),
            updated: None,
            timestamp: 1_773_532_800,
            ..a.clone()
        };
        a.title = "A & <b>".into();
        let site = Site {
            title: "Fault Lines".into(),
            description: "D".into(),
        };
        let urls = Urls::new("/blog/").with_origin("https://example.com");
        let posts = [
            FeedPost {
                meta: &a,
                html: "<p>Body <a href=\"/blog/posts/b/\">b</a></p>",
            },
            FeedPost {
                meta: &b,
                html: "<p>B</p>",
            },
        ];
        let xml = atom(&site, &urls, None, &posts);
        let feed: Feed = xml.parse().unwrap();
        assert_eq!(feed.id, "https://example.com/blog/");
        assert_eq!(feed.links[0].href, "https://example.com/blog/atom.xml");
        assert_eq!(feed.entries.len(), 2);
        let e = &feed.entries[0];
        assert_eq!(e.title.value, "A & <b>");
        assert_eq!(e.id, "https://example.com/blog/posts/a/");
        assert_eq!(e.updated.to_rfc3339(), "2026-03-20T00:00:00+00:00");
        assert_eq!(
            e.published.unwrap().to_rfc3339(),
            "2026-03-16T00:00:00+00:00"
        );
        assert_eq!(e.authors[0].name, "Ana Lima");
        let content = e.content.as_ref().unwrap();
        assert_eq!(
            content.value.as_deref(),
            Some("<p>Body <a href=\"/blog/posts/b/\">b</a></p>")
        );
        assert_eq!(feed.updated.to_rfc3339(), "2026-03-20T00:00:00+00:00");
    }
}
