//! The app rendered on the host, as the prerenderer renders it.

use blog_core::model::{Manifest, PostMeta, Site};
use blog_core::route::{self, Chrome, Page, PageData};
use blog_core::Urls;

use super::*;

fn post(slug: &str, date: &str, category: &str) -> PostMeta {
    PostMeta {
        slug: slug.into(),
        title: format!("Title of {slug}"),
        date: date.into(),
        timestamp: blog_core::dates::days_from_civil_str(date).unwrap() * 86_400,
        updated: None,
        category: Some(category.into()),
        tags: vec!["postgres".into()],
        authors: vec![blog_core::model::Author::named("Ana Lima")],
        summary: format!("Summary of {slug}."),
        reading_minutes: 4,
        source: format!("{slug}.md"),
        version: "v1".into(),
        draft: false,
    }
}

fn manifest() -> Manifest {
    Manifest {
        site: Site {
            title: "Fault Lines".into(),
            description: "Write-ups.".into(),
        },
        posts: vec![
            post("newest", "2026-03-18", "AI"),
            post("middle", "2026-03-16", "CI/CD"),
            post("oldest", "2026-03-03", "AI"),
        ],
        search_index: "search/1/".into(),
    }
}

fn page(urls: &Urls, path: String, page: Page) -> (PageData, String) {
    let data = PageData {
        path,
        chrome: Chrome::of(&manifest()),
        page,
        renderer: "render-worker-1.js".into(),
        searcher: "search-worker-1.js".into(),
        search_index: "search/1/".into(),
    };
    let html = render_page(urls, &data);
    (data, html)
}

#[test]
fn listing_renders_every_card_count_and_category() {
    let urls = Urls::new("/blog/");
    let m = manifest();
    let (_, html) = page(
        &urls,
        urls.home(),
        Page::Listing(route::listing(&m, None).unwrap()),
    );
    assert!(html.contains("3 posts so far."), "{html}");
    for p in &m.posts {
        assert!(
            html.contains(&p.title) && html.contains(&format!("href=\"/blog/posts/{}/\"", p.slug))
        );
    }
    assert!(html.contains("href=\"/blog/category/ci-cd/\""));
    assert!(html.contains(">Fault Lines</a>"));
    // The document starts with the app's first node: nothing for hydration to trip on.
    assert!(
        html.starts_with("<a href=\"#main\" class=\"skip-link\">"),
        "{}",
        &html[..80]
    );
}

#[test]
fn category_page_is_filtered_and_marked_current() {
    let urls = Urls::new("/");
    let m = manifest();
    let (_, html) = page(
        &urls,
        urls.category("ai"),
        Page::Listing(route::listing(&m, Some("ai")).unwrap()),
    );
    assert!(html.contains("2 of 3 posts in AI."), "{html}");
    assert!(!html.contains("Title of middle"));
    assert!(
        html.contains("href=\"/category/ai/\" aria-current=\"page\""),
        "{html}"
    );
}

#[test]
fn post_page_has_its_body_and_neighbours() {
    let urls = Urls::new("/");
    let m = manifest();
    let mut data = route::post(&m, "middle").unwrap();
    data.body_html = Some("<p>The <em>body</em>.</p>".into());
    let (_, html) = page(&urls, urls.post("middle"), Page::Post(Box::new(data)));
    assert!(html.contains("<h1>Title of middle</h1>"), "{html}");
    assert!(
        html.contains(
            "<section data-post-body=\"\" class=\"prose\"><p>The <em>body</em>.</p></section>"
        ),
        "{html}"
    );
    assert!(html.contains("href=\"/posts/oldest/\""));
    assert!(html.contains("href=\"/posts/newest/\""));
    // the byline's text (the app's hydration markers aside)
    let text = html.replace("<!---->", "").replace("<!>", "");
    assert!(text.contains("By Ana Lima"), "{html}");
}

#[test]
fn a_byline_links_the_authors_who_have_a_link() {
    let urls = Urls::new("/");
    let mut m = manifest();
    let i = m.posts.iter().position(|p| p.slug == "middle").unwrap();
    m.posts[i].authors = vec![
        blog_core::model::Author {
            name: "Ana Lima".into(),
            url: Some("https://ana.example/?a=1&b=\"2\"".into()),
        },
        blog_core::model::Author::named("Bo"),
    ];
    let data = route::post(&m, "middle").unwrap();
    let (_, html) = page(&urls, urls.post("middle"), Page::Post(Box::new(data)));
    let text = html.replace("<!---->", "").replace("<!>", "");
    assert!(
        text.contains("By <a href=\"https://ana.example/?a=1&amp;b=&quot;2&quot;\" rel=\"author\">Ana Lima</a>, Bo"),
        "{html}"
    );
}

#[test]
fn not_found_page_says_so() {
    let urls = Urls::new("/");
    let (_, html) = page(&urls, urls.not_found(), Page::NotFound);
    assert!(html.contains("Page not found"), "{html}");
}

#[test]
fn template_takes_the_page_and_moves_the_loader_out() {
    // As Trunk's release build writes it (minified).
    let trunk = "<!doctype html><html lang=en><meta charset=utf-8><base href=/blog/>\
        <script type=module>import init from '/blog/app-1.js';\nawait init('/blog/app-1_bg.wasm');</script>\
        <script type=\"application/ld+json\">{}</script></head><body></body></html>";
    assert!(Template::parse(&trunk.replace("<base", "<title>x</title><base")).is_err());
    let mut t = Template::parse(trunk).unwrap();
    let files = externalise_scripts(t.head_mut(), "/blog/");
    assert_eq!(files.len(), 1);
    assert!(files[0].0.starts_with("boot-") && files[0].0.ends_with(".js"));
    assert!(files[0].1.contains("await init('/blog/app-1_bg.wasm');"));
    let urls = Urls::new("/blog/");
    let m = manifest();
    let (data, body) = page(
        &urls,
        urls.home(),
        Page::Listing(route::listing(&m, None).unwrap()),
    );
    let head = Head::of(&data.chrome, &data.page, &urls, &data.path);
    let html = t.page(&head, "Fault Lines", &data, &body);
    assert!(html.contains("<title>Fault Lines</title>"));
    assert!(html.contains(&format!(
        "<script type=\"module\" src=\"/blog/{}\"></script>",
        files[0].0
    )));
    assert!(!html.contains("import init"));
    assert!(html.contains("<script type=\"application/json\" id=\"page-data\">{"));
    assert!(html.contains("<script type=\"application/ld+json\">{}</script>"));
    assert!(html.contains(&format!("<body>{body}</body></html>")));
    // The page data reads back as what it was rendered from.
    let json = html
        .split("id=\"page-data\">")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    let back: PageData = serde_json::from_str(json).unwrap();
    assert_eq!(back, data);
}
