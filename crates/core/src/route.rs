//! What each page is rendered from, shaped per route.
//!
//! The same data renders a page twice: on the host, where the prerenderer writes
//! every route to HTML, and in the browser, which hydrates that HTML. A page
//! carries its own data (embedded as JSON, so hydration needs no fetch); after
//! that the browser computes the same values from the manifest. Both sides call
//! the functions here, so they cannot disagree.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::listing::{categories, CategoryCount};
use crate::model::{Manifest, PostMeta, Site};

/// Cards on the first screen of a listing, and added by each "Show more".
pub const PAGE_SIZE: usize = 30;

/// Search results shown at first, and added by each "Show more": about a
/// screenful, as Pagefind's own interface shows. Each keystroke's results are
/// rendered as they come, so every card more costs every keystroke (its
/// fragment, its DOM updates, layout and paint), for cards below the fold.
pub const RESULTS_PAGE: usize = 5;

/// What every page shows around its content: the site and its categories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chrome {
    pub site: Site,
    pub categories: Vec<CategoryCount>,
    /// Published posts in all.
    pub total: usize,
}

impl Chrome {
    pub fn of(manifest: &Manifest) -> Self {
        Chrome {
            site: manifest.site.clone(),
            categories: categories(&manifest.posts),
            total: manifest.posts.len(),
        }
    }

    /// The display name of the category with this slug.
    pub fn category_name(&self, slug: &str) -> Option<&str> {
        self.categories
            .iter()
            .find(|c| c.slug == slug)
            .map(|c| c.name.as_str())
    }
}

/// `/` or `/category/<slug>/`, before any search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListingData {
    /// The category's slug; `None` for all posts.
    pub category: Option<String>,
    /// The first [`PAGE_SIZE`] posts of the listing, newest first.
    pub posts: Vec<PostMeta>,
    /// How many posts the listing has in all.
    pub matching: usize,
}

/// `/posts/<slug>/`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostData {
    pub post: PostMeta,
    /// The next post in time (newer), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newer: Option<PostLink>,
    /// The previous post in time (older), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub older: Option<PostLink>,
    /// The rendered body, when it is at hand: on the host, rendered for the
    /// page; in the browser, read from the prerendered page. Never in the JSON:
    /// the page already carries it as HTML.
    #[serde(skip)]
    pub body_html: Option<String>,
    /// The body's markdown, for rendering in the browser: only in the post's
    /// `data.json`, fetched on client-side navigation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markdown: Option<String>,
    /// (source path, slug) of the posts the body links to, for the renderer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<(String, String)>,
    /// The post's addresses on the site it moved from, for the renderer:
    /// relative links may be written against them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub old_urls: Vec<String>,
    /// The ids the build gave the body's headings, in order, for the renderer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub heading_ids: Vec<String>,
    /// The table of contents ([`crate::aside::toc`]), for posts with
    /// [`TOC_MIN_HEADINGS`] headings or more, as HTML: the page shows it
    /// with the body ([`crate::aside::around`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toc_html: Option<String>,
    /// The related posts ([`Related`], [`crate::aside::related`]), as HTML.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_html: Option<String>,
}

/// A table of contents is shown for posts with this many headings or more.
pub const TOC_MIN_HEADINGS: usize = 4;

/// How many related posts a post shows.
pub const RELATED_MAX: usize = 3;

/// Which posts relate to which: those sharing the most tags, then those in
/// the same category, newest first. Built once for the site (the posts, newest
/// first, as in the manifest); each post's share then costs only its tags'
/// posts (a category's posts are read only while too few share a tag).
pub struct Related<'a> {
    posts: &'a [PostMeta],
    /// Each post's tags (lowercased, each once) and category, as numbers.
    tags: Vec<Vec<u32>>,
    category: Vec<Option<u32>>,
    /// The posts of each tag and of each category, in the manifest's order.
    by_tag: Vec<Vec<u32>>,
    by_category: Vec<Vec<u32>>,
}

impl<'a> Related<'a> {
    pub fn new(posts: &'a [PostMeta]) -> Self {
        fn number(
            names: &mut HashMap<String, u32>,
            lists: &mut Vec<Vec<u32>>,
            name: String,
        ) -> u32 {
            let next = names.len() as u32;
            let n = *names.entry(name).or_insert(next);
            if n == next {
                lists.push(Vec::new());
            }
            n
        }
        let (mut tag_names, mut category_names) = (HashMap::new(), HashMap::new());
        let (mut by_tag, mut by_category) = (Vec::new(), Vec::new());
        let mut tags = Vec::with_capacity(posts.len());
        let mut category = Vec::with_capacity(posts.len());
        for (i, p) in posts.iter().enumerate() {
            let mut own: Vec<u32> = p
                .tags
                .iter()
                .map(|t| number(&mut tag_names, &mut by_tag, t.to_lowercase()))
                .collect();
            own.sort_unstable();
            own.dedup();
            for &t in &own {
                by_tag[t as usize].push(i as u32);
            }
            tags.push(own);
            let c = p
                .category_slug()
                .map(|c| number(&mut category_names, &mut by_category, c));
            if let Some(c) = c {
                by_category[c as usize].push(i as u32);
            }
            category.push(c);
        }
        Related {
            posts,
            tags,
            category,
            by_tag,
            by_category,
        }
    }

    /// Up to `max` posts related to the `i`-th.
    pub fn of(&self, i: usize, max: usize) -> Vec<PostLink> {
        if i >= self.posts.len() || max == 0 {
            return Vec::new();
        }
        // Shared tags per post, counted over the posts of this one's tags.
        let mut shared = vec![0u16; self.posts.len()];
        let mut sharing: Vec<u32> = Vec::new();
        for &t in &self.tags[i] {
            for &j in &self.by_tag[t as usize] {
                if shared[j as usize] == 0 {
                    sharing.push(j);
                }
                shared[j as usize] = shared[j as usize].saturating_add(1);
            }
        }
        let own = self.category[i];
        let same = |j: u32| own.is_some() && self.category[j as usize] == own;
        // More shared tags, then the same category, then newer (a lower index).
        let rank = |&a: &u32, &b: &u32| {
            (shared[b as usize].cmp(&shared[a as usize]))
                .then(same(b).cmp(&same(a)))
                .then(a.cmp(&b))
        };
        sharing.retain(|&j| j as usize != i);
        if sharing.len() > max {
            sharing.select_nth_unstable_by(max - 1, rank);
            sharing.truncate(max);
        }
        sharing.sort_unstable_by(rank);
        // Then the category's posts that share no tag, newest first.
        if let Some(c) = own {
            let rest = self.by_category[c as usize]
                .iter()
                .filter(|&&j| j as usize != i && shared[j as usize] == 0);
            let room = max - sharing.len();
            sharing.extend(rest.take(room));
        }
        sharing
            .into_iter()
            .map(|j| PostLink::from(&self.posts[j as usize]))
            .collect()
    }
}

/// A link to another post: what previous/next show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostLink {
    pub slug: String,
    pub title: String,
}

impl From<&PostMeta> for PostLink {
    fn from(post: &PostMeta) -> Self {
        PostLink {
            slug: post.slug.clone(),
            title: post.title.clone(),
        }
    }
}

/// The content of one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Page {
    Listing(ListingData),
    Post(Box<PostData>),
    NotFound,
}

/// Everything one prerendered page was rendered from, embedded in it as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageData {
    /// The URL path the page was rendered for, e.g. `/blog/posts/x/`.
    pub path: String,
    pub chrome: Chrome,
    pub page: Page,
    /// The markdown renderer's worker script, relative to the site's base.
    pub renderer: String,
    /// The search worker's script, relative to the site's base.
    pub searcher: String,
    /// The search index's folder, relative to the site's base.
    pub search_index: String,
}

/// The listing of a category (or of every post), as its first screen shows it.
/// `None` if there is no such category.
pub fn listing(manifest: &Manifest, category: Option<&str>) -> Option<ListingData> {
    let in_listing = |p: &&PostMeta| category.is_none() || p.category_slug().as_deref() == category;
    let matching = manifest.posts.iter().filter(in_listing).count();
    if category.is_some() && matching == 0 {
        return None;
    }
    Some(ListingData {
        category: category.map(str::to_string),
        posts: manifest
            .posts
            .iter()
            .filter(in_listing)
            .take(PAGE_SIZE)
            .cloned()
            .collect(),
        matching,
    })
}

/// One post with its neighbours in time. `None` if there is no such post.
pub fn post(manifest: &Manifest, slug: &str) -> Option<PostData> {
    let i = manifest.posts.iter().position(|p| p.slug == slug)?;
    post_at(manifest, i)
}

/// The manifest's `i`-th post with its neighbours in time. `None` past the end.
pub fn post_at(manifest: &Manifest, i: usize) -> Option<PostData> {
    let posts = &manifest.posts;
    posts.get(i)?;
    // Newest first: the newer post comes before, the older one after.
    Some(PostData {
        post: posts[i].clone(),
        newer: i.checked_sub(1).map(|j| PostLink::from(&posts[j])),
        older: posts.get(i + 1).map(PostLink::from),
        body_html: None,
        markdown: None,
        links: Vec::new(),
        old_urls: Vec::new(),
        heading_ids: Vec::new(),
        toc_html: None,
        related_html: None,
    })
}

/// Every page of cards of a listing (of `category`, or of every post), newest
/// first: the first is in the listing's data, the others are fetched by "Show more".
pub fn card_pages(manifest: &Manifest, category: Option<&str>) -> Vec<Vec<PostMeta>> {
    let posts: Vec<&PostMeta> = manifest
        .posts
        .iter()
        .filter(|p| category.is_none() || p.category_slug().as_deref() == category)
        .collect();
    posts
        .chunks(PAGE_SIZE)
        .map(|page| page.iter().map(|&p| p.clone()).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample_post;

    fn manifest(n: usize) -> Manifest {
        let posts = (0..n)
            .map(|i| {
                let category = if i % 3 == 0 { "Database" } else { "AI" };
                sample_post(&format!("p{i:03}"), "2026-01-01", Some(category))
            })
            .collect();
        Manifest {
            site: Site {
                title: "T".into(),
                description: String::new(),
            },
            posts,
            search_index: "search-index.json".into(),
        }
    }

    #[test]
    fn listing_has_the_first_page_and_the_count() {
        let m = manifest(100);
        let all = listing(&m, None).unwrap();
        assert_eq!(all.matching, 100);
        assert_eq!(all.posts.len(), PAGE_SIZE);
        assert_eq!(all.posts[0].slug, "p000");
        let db = listing(&m, Some("database")).unwrap();
        assert_eq!(db.matching, 34);
        assert!(db
            .posts
            .iter()
            .all(|p| p.category.as_deref() == Some("Database")));
        assert_eq!(db.posts[1].slug, "p003");
        assert_eq!(listing(&m, Some("nope")), None);
    }

    #[test]
    fn card_pages_cut_the_listing_in_pages() {
        let m = manifest(100);
        let pages = card_pages(&m, None);
        assert_eq!(
            pages.iter().map(Vec::len).collect::<Vec<_>>(),
            [30, 30, 30, 10]
        );
        assert_eq!(pages[0], listing(&m, None).unwrap().posts);
        assert_eq!(pages[1][0].slug, "p030");
        let db = card_pages(&m, Some("database"));
        assert_eq!(db.iter().map(Vec::len).sum::<usize>(), 34);
        assert_eq!(db[1][0].slug, "p090");
        assert!(card_pages(&m, Some("nope")).is_empty());
    }

    #[test]
    fn post_has_its_neighbours_in_time() {
        let m = manifest(3);
        let first = post(&m, "p000").unwrap();
        assert_eq!(first.newer, None);
        assert_eq!(first.older.unwrap().slug, "p001");
        let middle = post(&m, "p001").unwrap();
        assert_eq!(middle.newer.unwrap().slug, "p000");
        assert_eq!(middle.older.unwrap().slug, "p002");
        assert_eq!(post(&m, "missing"), None);
        assert_eq!(post_at(&m, 1), post(&m, "p001"));
        assert_eq!(post_at(&m, 3), None);
    }

    #[test]
    fn page_data_round_trips_as_json() {
        let m = manifest(2);
        let data = PageData {
            path: "/posts/p001/".into(),
            chrome: Chrome::of(&m),
            page: Page::Post(Box::new(post(&m, "p001").unwrap())),
            renderer: "render-worker-1.js".into(),
            searcher: "search-worker-1.js".into(),
            search_index: "search/1/".into(),
        };
        let json = serde_json::to_string(&data).unwrap();
        assert!(json.contains(r#""kind":"post""#));
        let back: PageData = serde_json::from_str(&json).unwrap();
        assert_eq!(back, data);
        let nf = serde_json::to_string(&Page::NotFound).unwrap();
        assert_eq!(nf, r#"{"kind":"not_found"}"#);
    }

    #[test]
    fn related_posts_share_tags_first_then_the_category_newest_first() {
        let post = |slug: &str, category: &str, tags: &[&str]| PostMeta {
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..sample_post(slug, "2026-01-01", Some(category))
        };
        // Newest first, as in the manifest.
        let posts = vec![
            post("me", "Database", &["postgres", "pool", "rds"]),
            post("one-tag-newer", "AI", &["pool"]),
            post("same-category", "Database", &[]),
            post("two-tags", "AI", &["postgres", "RDS"]),
            post("one-tag-same-category", "Database", &["pool"]),
            post("unrelated", "Security", &["llm"]),
            post("older-same-category", "Database", &[]),
        ];
        let related = Related::new(&posts);
        let slugs = |i: usize, max: usize| -> Vec<String> {
            related.of(i, max).into_iter().map(|p| p.slug).collect()
        };
        assert_eq!(
            slugs(0, 10),
            [
                "two-tags",
                "one-tag-same-category",
                "one-tag-newer",
                "same-category",
                "older-same-category"
            ]
        );
        assert_eq!(
            slugs(0, RELATED_MAX),
            ["two-tags", "one-tag-same-category", "one-tag-newer"]
        );
        // A post never relates to itself; one with nothing in common relates to nothing.
        assert_eq!(slugs(5, 3), Vec::<String>::new());
        assert!(!slugs(3, 10).contains(&"two-tags".to_string()));
        assert_eq!(slugs(99, 3), Vec::<String>::new());
    }
}
