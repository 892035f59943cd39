//! The document head of every page, in one place: title, description,
//! canonical URL, Open Graph and Twitter card tags, feed links and JSON-LD.
//!
//! The prerenderer writes [`Head::to_html`] into each page; the browser sets
//! the document title from the same [`Head::title`] after client-side navigation.

use serde_json::json;

use crate::model::Author;
use crate::route::{Chrome, Page};
use crate::sanitize::escape_html;
use crate::urls::Urls;

/// Longest meta description, in characters, before it is cut at a word.
const DESCRIPTION_MAX_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    pub title: String,
    /// The post's own title (the document title names the site too).
    pub headline: String,
    pub description: String,
    /// The page's URL: absolute when the site's address is known, else a path.
    pub url: String,
    /// `website` or `article`.
    pub kind: &'static str,
    /// Feeds that cover this page: (title, URL).
    pub feeds: Vec<(String, String)>,
    pub article: Option<Article>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub published: String,
    pub modified: Option<String>,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub authors: Vec<Author>,
}

/// What a document title names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View<'a> {
    /// A listing: the category's display name, and the search being shown.
    Listing {
        category: Option<&'a str>,
        query: &'a str,
    },
    /// A post, by its title.
    Post(&'a str),
    NotFound,
}

/// The document title of a view of the site called `site`.
pub fn title(site: &str, view: View) -> String {
    match view {
        View::Listing { query, .. } if !query.trim().is_empty() => {
            format!("Search: {} · {site}", query.trim())
        }
        View::Listing {
            category: Some(name),
            ..
        } => format!("{name} · {site}"),
        View::Listing { category: None, .. } => site.to_string(),
        View::Post(title) => format!("{title} · {site}"),
        View::NotFound => format!("Page not found · {site}"),
    }
}

impl Head {
    /// The head of `page`, its URL being `path` (a path under the site's base).
    pub fn of(chrome: &Chrome, page: &Page, urls: &Urls, path: &str) -> Self {
        let site = &chrome.site;
        let mut feeds = vec![(site.title.clone(), urls.absolute(&urls.feed(None)))];
        let mut view = View::NotFound;
        let (description, kind, article) = match page {
            Page::Listing(l) => {
                let category = l.category.as_deref();
                let name = category.map(|slug| chrome.category_name(slug).unwrap_or(slug));
                view = View::Listing {
                    category: name,
                    query: "",
                };
                let description = match (category, name) {
                    (Some(slug), Some(name)) => {
                        feeds.push((
                            format!("{} · {name}", site.title),
                            urls.absolute(&urls.feed(Some(slug))),
                        ));
                        let posts = if l.matching == 1 { "post" } else { "posts" };
                        format!(
                            "{} {posts} in {name} on {}. {}",
                            l.matching, site.title, site.description
                        )
                    }
                    _ => site.description.clone(),
                };
                (description, "website", None)
            }
            Page::Post(p) => {
                view = View::Post(&p.post.title);
                (
                    p.post.summary.clone(),
                    "article",
                    Some(Article {
                        published: p.post.date.clone(),
                        modified: p.post.updated.clone(),
                        section: p.post.category.clone(),
                        tags: p.post.tags.clone(),
                        authors: p.post.authors.clone(),
                    }),
                )
            }
            Page::NotFound => (site.description.clone(), "website", None),
        };
        Head {
            headline: match page {
                Page::Post(p) => p.post.title.clone(),
                _ => site.title.clone(),
            },
            title: title(&site.title, view),
            description: crate::markdown::truncate_words(description.trim(), DESCRIPTION_MAX_CHARS),
            url: urls.absolute(path),
            kind,
            feeds,
            article,
        }
    }

    /// The tags for `<head>`, `site_name` being the site's title. `canonical`
    /// is false for pages that must not be indexed (the not-found page).
    pub fn to_html(&self, site_name: &str, canonical: bool) -> String {
        let mut out = String::new();
        let mut tag = |s: String| {
            out.push_str(&s);
            out.push('\n');
        };
        let e = escape_html;
        tag(format!("<title>{}</title>", e(&self.title)));
        tag(format!(
            "<meta name=\"description\" content=\"{}\">",
            e(&self.description)
        ));
        if canonical {
            tag(format!(
                "<link rel=\"canonical\" href=\"{}\">",
                e(&self.url)
            ));
        } else {
            tag("<meta name=\"robots\" content=\"noindex\">".to_string());
        }
        for (title, href) in &self.feeds {
            tag(format!(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">",
                e(title),
                e(href)
            ));
        }
        let mut property = |name: &str, value: &str| {
            tag(format!(
                "<meta property=\"{name}\" content=\"{}\">",
                e(value)
            ))
        };
        property("og:site_name", site_name);
        property("og:title", &self.title);
        property("og:description", &self.description);
        property("og:type", self.kind);
        if canonical {
            property("og:url", &self.url);
        }
        if let Some(a) = &self.article {
            property("article:published_time", &a.published);
            if let Some(m) = &a.modified {
                property("article:modified_time", m);
            }
            if let Some(s) = &a.section {
                property("article:section", s);
            }
            for t in &a.tags {
                property("article:tag", t);
            }
        }
        let mut name = |name: &str, value: &str| {
            tag(format!("<meta name=\"{name}\" content=\"{}\">", e(value)))
        };
        name("twitter:card", "summary");
        name("twitter:title", &self.title);
        name("twitter:description", &self.description);
        if let Some(a) = &self.article {
            let mut ld = json!({
                "@context": "https://schema.org",
                "@type": "BlogPosting",
                "headline": self.headline,
                "description": self.description,
                "datePublished": a.published,
                "dateModified": a.modified.as_deref().unwrap_or(&a.published),
                "mainEntityOfPage": self.url,
                "url": self.url,
                "publisher": { "@type": "Organization", "name": site_name },
            });
            if !a.authors.is_empty() {
                ld["author"] = a
                    .authors
                    .iter()
                    .map(|a| match &a.url {
                        Some(url) => json!({ "@type": "Person", "name": a.name, "url": url }),
                        None => json!({ "@type": "Person", "name": a.name }),
                    })
                    .collect();
            }
            if let Some(s) = &a.section {
                ld["articleSection"] = json!(s);
            }
            if !a.tags.is_empty() {
                ld["keywords"] = json!(a.tags.join(", "));
            }
            tag(format!(
                "<script type=\"application/ld+json\">{}</script>",
                script_safe_json(&ld.to_string())
            ));
        }
        out
    }
}

/// The page left at one of a moved post's old addresses: it sends visitors on
/// at once (a meta refresh: no script, so it works under any CSP and without
/// JavaScript), tells crawlers where the post is now (canonical), and shows a
/// link for the rest. `to` is the post's URL (absolute when the site's address
/// is known); `script` the URL of `moved.js`, which keeps the address's
/// `#fragment` (a deep link into a section) where JavaScript runs.
pub fn redirect_page(site_name: &str, post_title: &str, to: &RedirectTo) -> String {
    let e = escape_html;
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title} · {site}</title>\n<meta name=\"robots\" content=\"noindex\">\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={path}\">\n<script src=\"{script}\"></script>\n\
         </head>\n<body>\n<p>This post has moved to <a href=\"{path}\">{title}</a>.</p>\n</body>\n</html>\n",
        title = e(post_title),
        site = e(site_name),
        canonical = e(&to.canonical),
        path = e(&to.path),
        script = e(&to.script),
    )
}

/// Where a page at an old address sends visitors: the post's path (on the
/// host serving the page, whatever its name), its canonical URL (absolute
/// when the site's address is known) and the URL of `moved.js`.
pub struct RedirectTo {
    pub path: String,
    pub canonical: String,
    pub script: String,
}

/// JSON that can sit inside a `<script>` element: `<`, `>` and `&` escaped as
/// `\u003c`... so no `</script>` or `<!--` can end or alter the element.
pub fn script_safe_json(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{sample_post, Manifest, Site};
    use crate::route;

    fn manifest() -> Manifest {
        let mut post = sample_post("pool", "2026-03-16", Some("Database"));
        post.title = "380 Connections </script> Wanted".into();
        post.summary = "A flash sale & \"Postgres\".".into();
        post.authors = vec![Author::named("Helena Marsh")];
        post.tags = vec!["postgres".into()];
        Manifest {
            site: Site {
                title: "Fault Lines".into(),
                description: "Write-ups.".into(),
            },
            posts: vec![post],
            search_index: "search-index.json".into(),
        }
    }

    #[test]
    fn redirect_pages_send_visitors_and_crawlers_on() {
        let html = redirect_page(
            "T & Co",
            "Pools \"and\" <queues>",
            &RedirectTo {
                path: "/posts/p/".into(),
                canonical: "https://x.org/posts/p/".into(),
                script: "/moved.js".into(),
            },
        );
        assert!(html.contains("<script src=\"/moved.js\"></script>"));
        assert!(html.contains("<link rel=\"canonical\" href=\"https://x.org/posts/p/\">"));
        assert!(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=/posts/p/\">"));
        assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(html.contains("<title>Pools &quot;and&quot; &lt;queues&gt; · T &amp; Co</title>"));
        assert!(html.contains("<a href=\"/posts/p/\">Pools &quot;and&quot; &lt;queues&gt;</a>"));
        // one script, external (the strict CSP): nothing inline
        assert_eq!(html.matches("<script").count(), 1);
    }

    #[test]
    fn post_head_has_every_tag_escaped() {
        let m = manifest();
        let chrome = Chrome::of(&m);
        let page = Page::Post(Box::new(route::post(&m, "pool").unwrap()));
        let urls = Urls::new("/blog/").with_origin("https://example.com");
        let head = Head::of(&chrome, &page, &urls, &urls.post("pool"));
        assert_eq!(head.url, "https://example.com/blog/posts/pool/");
        let html = head.to_html("Fault Lines", true);
        for expected in [
            "<title>380 Connections &lt;/script&gt; Wanted · Fault Lines</title>",
            "<meta name=\"description\" content=\"A flash sale &amp; &quot;Postgres&quot;.\">",
            "<link rel=\"canonical\" href=\"https://example.com/blog/posts/pool/\">",
            "href=\"https://example.com/blog/atom.xml\"",
            "<meta property=\"og:type\" content=\"article\">",
            "<meta property=\"article:published_time\" content=\"2026-03-16\">",
            "<meta name=\"twitter:card\" content=\"summary\">",
            "\"@type\":\"BlogPosting\"",
            "\"headline\":\"380 Connections \\u003c/script\\u003e Wanted\"",
        ] {
            assert!(html.contains(expected), "missing {expected} in\n{html}");
        }
        // Nothing in the JSON-LD can close its script element.
        let ld = html.split("application/ld+json\">").nth(1).unwrap();
        assert_eq!(ld.matches("</script>").count(), 1);
        let json = ld.trim_end().trim_end_matches("</script>");
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["author"][0]["name"], "Helena Marsh");
    }

    #[test]
    fn category_head_names_its_feed_and_without_origin_urls_are_paths() {
        let m = manifest();
        let chrome = Chrome::of(&m);
        let page = Page::Listing(route::listing(&m, Some("database")).unwrap());
        let urls = Urls::new("/");
        let head = Head::of(&chrome, &page, &urls, &urls.category("database"));
        assert_eq!(head.title, "Database · Fault Lines");
        assert_eq!(head.url, "/category/database/");
        assert_eq!(head.feeds[1].1, "/category/database/atom.xml");
        assert!(head
            .description
            .starts_with("1 post in Database on Fault Lines."));
        assert!(head.article.is_none());
        let html =
            Head::of(&chrome, &Page::NotFound, &urls, "/404.html").to_html("Fault Lines", false);
        assert!(html.contains("noindex") && !html.contains("canonical"));
    }
}
