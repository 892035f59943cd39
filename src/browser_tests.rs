//! Browser tests: run in headless Chromium by wasm-bindgen-test
//! (`cargo test -p fault-lines --target wasm32-unknown-unknown`, see scripts/test.sh).

use blog_core::markdown::{render, PostContext};
use blog_core::search::{highlight_html, Marks, Query};
use blog_core::Urls;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

use crate::api::FetchError;
use crate::components::load_error::LoadError;
use crate::components::search_box::SearchBox;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn container() -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

async fn next_tick(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[derive(serde::Deserialize)]
struct Attack {
    input: String,
}

/// Every attack of the table, rendered and parsed by the browser itself: no
/// dangerous element, no event handler, no script URL, and nothing runs.
#[wasm_bindgen_test]
async fn rendered_attacks_never_run_in_a_real_document() {
    let attacks: Vec<Attack> = serde_json::from_str(include_str!("../tests/attacks.json")).unwrap();
    let window = web_sys::window().unwrap();
    let pwned = js_sys::Function::new_no_args("window.__pwned = true;");
    for name in ["alert", "confirm", "prompt"] {
        js_sys::Reflect::set(&window, &JsValue::from_str(name), &pwned).unwrap();
    }
    let urls = Urls::new("/");
    let host = container();
    for attack in &attacks {
        let html = render(
            &attack.input,
            &PostContext {
                urls: &urls,
                slug: "p",
                source: "p.md",
                old_urls: &[],
                post_for_source: &|_| None,
                heading_id: &blog_core::text::slugify,
            },
        )
        .html;
        host.set_inner_html(&html);
        let all = host.query_selector_all("*").unwrap();
        for i in 0..all.length() {
            let el: Element = all.item(i).unwrap().unchecked_into();
            let tag = el.tag_name().to_ascii_lowercase();
            assert!(
                ![
                    "script", "iframe", "object", "embed", "style", "base", "meta", "link", "form",
                    "svg", "math", "frame", "applet"
                ]
                .contains(&tag.as_str()),
                "{:?} produced <{tag}>",
                attack.input
            );
            let attrs = el.attributes();
            for j in 0..attrs.length() {
                let attr = attrs.item(j).unwrap();
                let name = attr.name().to_ascii_lowercase();
                let value = attr.value().trim().to_ascii_lowercase();
                assert!(
                    !name.starts_with("on"),
                    "{:?} produced {name}= on <{tag}>",
                    attack.input
                );
                assert!(
                    name != "style" && name != "srcdoc" && name != "srcset",
                    "{:?} produced {name}=",
                    attack.input
                );
                for scheme in ["javascript:", "data:", "vbscript:"] {
                    assert!(
                        !value.starts_with(scheme),
                        "{:?} produced {name}={value}",
                        attack.input
                    );
                }
            }
        }
    }
    next_tick(100).await;
    let flag = js_sys::Reflect::get(&window, &JsValue::from_str("__pwned")).unwrap();
    assert!(flag.is_undefined(), "an attack ran script");
    host.remove();
}

#[wasm_bindgen_test]
async fn load_error_shows_the_message_and_retry_calls_back() {
    let host = container();
    let clicks = RwSignal::new(0);
    let error = FetchError::new("this post", "the server answered 503 Service Unavailable");
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <LoadError error=error.clone() on_retry=move || clicks.update(|n| *n += 1) /> }
    });
    let alert = host
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    assert!(alert
        .text_content()
        .unwrap()
        .contains("Could not load this post: the server answered 503 Service Unavailable."));
    let button: HtmlElement = host
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Retry");
    button.click();
    button.click();
    assert_eq!(clicks.get_untracked(), 2);
    drop(handle);
    host.remove();
}

/// A card's title and text are set as HTML: the browser's own parser must
/// find the marks, every character of the text, and no element but `<mark>`.
#[wasm_bindgen_test]
fn highlighted_html_marks_matches_without_losing_text() {
    let host = container();
    let text = "Postgres pools, <img src=x onerror=alert(1)> PgBouncer & “Café” 'quoted'";
    let html = highlight_html(text, &Marks::of_query(&Query::parse("pg cafe img")));
    let handle = leptos::mount::mount_to(host.clone(), move || view! { <p inner_html=html></p> });
    let marks = host.query_selector_all("mark").unwrap();
    let marked: Vec<String> = (0..marks.length())
        .map(|i| marks.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(marked, ["img", "PgBouncer", "Café"]);
    assert_eq!(host.text_content().unwrap(), text);
    assert_eq!(
        host.query_selector_all("p *").unwrap().length(),
        marks.length()
    );
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn slash_focuses_the_search_box_escape_clears_it_and_leaving_is_told() {
    let host = container();
    let value = RwSignal::new("cache".to_string());
    let left = RwSignal::new(0u32);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <SearchBox
                value=value
                on_change=move |v: String| value.set(v)
                on_leave=move || left.update(|n| *n += 1)
            />
        }
    });
    next_tick(10).await; // effects (the key listener) run after mounting
    let input: HtmlElement = host
        .query_selector("input[type=search]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let press = |target: &web_sys::EventTarget, key: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let ev =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        target.dispatch_event(&ev).unwrap();
    };
    press(&document().body().unwrap(), "/");
    assert_eq!(
        document().active_element().map(|e| e.id()),
        Some("search-input".to_string())
    );
    press(&input, "Escape");
    assert_eq!(value.get_untracked(), "");
    assert_eq!(left.get_untracked(), 0);
    input.blur().unwrap();
    assert_eq!(left.get_untracked(), 1);
    drop(handle);
    host.remove();
}

/// The browser reads the manifest, the pages' data and the search worker's
/// answers that the host and the worker write, with the same serde types.
#[wasm_bindgen_test]
fn manifest_page_data_and_search_answers_read_what_is_written() {
    use blog_core::model::{Manifest, PostMeta, Site};
    use blog_core::route::{self, Chrome, Page, PageData};
    use blog_core::search::{Card, Found, Marks, SearchResponse, Segment};
    let full = PostMeta {
        slug: "pool".into(),
        title: "Pools “and” quotes".into(),
        date: "2026-03-16".into(),
        timestamp: 1_773_619_200,
        updated: Some("2026-03-20".into()),
        category: Some("CI/CD".into()),
        tags: vec!["postgres".into(), "rds".into()],
        authors: vec![blog_core::model::Author::named("Ana Lima")],
        summary: "Summary.".into(),
        reading_minutes: 9,
        source: "2026/pool.md".into(),
        version: "abc123".into(),
        draft: true,
    };
    let minimal = PostMeta {
        slug: "other".into(),
        updated: None,
        category: None,
        tags: vec![],
        authors: vec![],
        draft: false,
        ..full.clone()
    };
    let manifest = Manifest {
        site: Site {
            title: "T".into(),
            description: "D".into(),
        },
        posts: vec![full, minimal],
        search_index: "search/1/".into(),
    };
    let json = serde_json::to_string(&manifest).unwrap();
    assert_eq!(
        crate::api::parse_json::<Manifest>(&json),
        Ok(manifest.clone())
    );

    // The worker's answer crosses postMessage as a JS value.
    let answer = SearchResponse {
        id: 7,
        found: Ok(Found {
            query: "pool".into(),
            cards: vec![Card {
                post: manifest.posts[0].clone(),
                snippet: Some(vec![
                    Segment {
                        text: "… the ".into(),
                        matched: false,
                    },
                    Segment {
                        text: "pool".into(),
                        matched: true,
                    },
                ]),
            }],
            matching: 1,
            total: 2,
            counts: vec![("ci-cd".into(), 1)],
            marks: Marks {
                prefixes: vec!["pool".into()],
                words: vec!["pools".into()],
            },
        }),
    };
    let value = serde_wasm_bindgen::to_value(&answer).unwrap();
    assert_eq!(crate::api::read::<SearchResponse>(value), Ok(answer));
    let failed = SearchResponse {
        id: 8,
        found: Err("the server answered 500".into()),
    };
    let value = serde_wasm_bindgen::to_value(&failed).unwrap();
    assert_eq!(crate::api::read::<SearchResponse>(value), Ok(failed));

    // A post's data.json carries its markdown and the posts it links to.
    let mut post = route::post(&manifest, "pool").unwrap();
    post.markdown = Some("# Hi\n\n[x](other.md)".into());
    post.links = vec![("2026/other.md".into(), "other".into())];
    let json = serde_json::to_string(&Page::Post(Box::new(post.clone()))).unwrap();
    assert_eq!(
        crate::api::parse_json::<Page>(&json),
        Ok(Page::Post(Box::new(post)))
    );

    for page in [
        Page::Listing(route::listing(&manifest, None).unwrap()),
        Page::Post(Box::new(route::post(&manifest, "other").unwrap())),
        Page::NotFound,
    ] {
        let data = PageData {
            path: "/blog/".into(),
            chrome: Chrome::of(&manifest),
            page,
            renderer: "render-worker-1-start.js".into(),
            searcher: "search-worker-1-start.js".into(),
            search_index: "search/1/".into(),
        };
        let json = serde_json::to_string(&data).unwrap();
        assert_eq!(crate::api::parse_json::<PageData>(&json), Ok(data));
    }

    let broken = r#"{"site":{"title":"T"},"posts":[{"slug":1}],"search_index":"x"}"#;
    assert!(crate::api::parse_json::<Manifest>(broken).is_err());
    assert_eq!(
        crate::api::parse_json::<Manifest>("{not json"),
        Err("not JSON".to_string())
    );
}
