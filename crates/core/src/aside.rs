//! What a post's page shows around its body, as HTML: the byline, the table
//! of contents and the related posts, built as strings (the toc and related
//! posts by the content build, inserted with the body: [`around`]) rather
//! than as view components, whose code the first-load wasm would carry.

use crate::dates::display_date;
use crate::markdown::Heading;
use crate::model::PostMeta;
use crate::route::{PostLink, TOC_MIN_HEADINGS};
use crate::sanitize::escape_html;
use crate::urls::Urls;

/// The table of contents of the post `slug`, or `None` for a post with fewer
/// than [`TOC_MIN_HEADINGS`] headings: folded above the body (shown on narrow
/// screens) and beside it (on wide ones). Plain links, so it works without
/// JavaScript; each names its heading's id in `data-toc`, for marking the
/// section being read.
pub fn toc(urls: &Urls, slug: &str, headings: &[Heading]) -> Option<String> {
    if headings.len() < TOC_MIN_HEADINGS {
        return None;
    }
    let mut html = String::from("<ol>");
    for h in headings {
        let class = if h.level > 2 {
            " class=\"toc-sub\""
        } else {
            ""
        };
        html.push_str(&format!(
            "<li{class}><a href=\"{}\" data-toc=\"{}\">{}</a></li>",
            escape_html(&urls.post_section(slug, &h.id)),
            escape_html(&h.id),
            escape_html(&h.text)
        ));
    }
    html.push_str("</ol>");
    Some(format!(
        "<details class=\"toc toc-top\"><summary>On this page</summary>{html}</details>\n\
         <nav class=\"toc toc-side\" aria-label=\"On this page\"><p class=\"toc-title\">On this page</p>{html}</nav>\n"
    ))
}

/// What the post's section holds: the table of contents, the body, the
/// related posts, and the status line that says "Copied" for the code
/// blocks' copy buttons.
pub fn around(toc: Option<&str>, body: &str, related: Option<&str>) -> String {
    format!(
        "{}{body}{}<p class=\"visually-hidden copy-status\" role=\"status\"></p>",
        toc.unwrap_or(""),
        related.unwrap_or("")
    )
}

/// The related posts, or `None` without any.
pub fn related(urls: &Urls, posts: &[PostLink]) -> Option<String> {
    if posts.is_empty() {
        return None;
    }
    let mut html = String::from(
        "<nav class=\"related\" aria-label=\"Related posts\"><h2>Related posts</h2><ul>",
    );
    for p in posts {
        html.push_str(&format!(
            "<li><a href=\"{}\">{}</a></li>",
            escape_html(&urls.post(&p.slug)),
            escape_html(&p.title)
        ));
    }
    html.push_str("</ul></nav>\n");
    Some(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(level: u8, id: &str, text: &str) -> Heading {
        Heading {
            level,
            id: id.into(),
            text: text.into(),
        }
    }

    #[test]
    fn a_toc_lists_the_sections_of_posts_with_four_headings_or_more() {
        let urls = Urls::new("/blog/");
        let mut hs = vec![
            heading(2, "timeline", "Timeline"),
            heading(3, "the-<fix>", "The <fix>"),
            heading(2, "root-cause", "Root cause"),
        ];
        assert_eq!(toc(&urls, "p", &hs), None);
        hs.push(heading(2, "lessons", "Lessons"));
        let html = toc(&urls, "team/p", &hs).unwrap();
        assert!(html.contains("<summary>On this page</summary><ol><li><a href=\"/blog/posts/team/p/#timeline\" data-toc=\"timeline\">Timeline</a></li>"), "{html}");
        assert!(html.contains("<li class=\"toc-sub\"><a href=\"/blog/posts/team/p/#the-%3Cfix%3E\" data-toc=\"the-&lt;fix&gt;\">The &lt;fix&gt;</a></li>"), "{html}");
        // Once folded above the body, once beside it.
        assert_eq!(html.matches("<li").count(), 8);
        assert!(html.contains("<nav class=\"toc toc-side\" aria-label=\"On this page\">"));
    }

    #[test]
    fn related_posts_link_to_their_pages() {
        let urls = Urls::new("/");
        assert_eq!(related(&urls, &[]), None);
        let html = related(
            &urls,
            &[PostLink {
                slug: "a".into(),
                title: "A & B".into(),
            }],
        )
        .unwrap();
        assert_eq!(
            html,
            "<nav class=\"related\" aria-label=\"Related posts\"><h2>Related posts</h2><ul><li><a href=\"/posts/a/\">A &amp; B</a></li></ul></nav>\n"
        );
        let all = around(None, "<p>x</p>", Some(&html));
        assert!(all.starts_with("<p>x</p><nav class=\"related\""), "{all}");
        assert!(
            all.ends_with("<p class=\"visually-hidden copy-status\" role=\"status\"></p>"),
            "{all}"
        );
    }
}

/// A post's byline, or `None` when it names no author and no update: "By
/// Ana Lima, Bo · Updated March 20, 2026", each author who has a link (a
/// web page or `mailto:`, checked by the content build) linked.
pub fn byline(post: &PostMeta) -> Option<String> {
    let mut parts = Vec::new();
    if !post.authors.is_empty() {
        let names: Vec<String> = post
            .authors
            .iter()
            .map(|a| match &a.url {
                Some(url) => format!(
                    "<a href=\"{}\" rel=\"author\">{}</a>",
                    escape_html(url),
                    escape_html(&a.name)
                ),
                None => escape_html(&a.name),
            })
            .collect();
        parts.push(format!("By {}", names.join(", ")));
    }
    if let Some(updated) = &post.updated {
        parts.push(format!("Updated {}", escape_html(&display_date(updated))));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

#[cfg(test)]
mod byline_tests {
    use super::byline;
    use crate::model::{sample_post, Author};

    #[test]
    fn names_each_author_linked_where_they_have_a_link_and_the_update() {
        let mut post = sample_post("p", "2026-03-16", None);
        assert_eq!(byline(&post), None);
        post.authors = vec![
            Author {
                name: "Ana <Lima>".into(),
                url: Some("https://ana.example/?a=1&b=\"2\"".into()),
            },
            Author::named("Bo"),
        ];
        post.updated = Some("2026-03-20".into());
        assert_eq!(
            byline(&post).unwrap(),
            "By <a href=\"https://ana.example/?a=1&amp;b=&quot;2&quot;\" rel=\"author\">Ana &lt;Lima&gt;</a>, Bo · Updated March 20, 2026"
        );
    }
}
