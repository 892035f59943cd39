//! `/posts/<slug>/`: one post. The prerendered post arrives with its body; a
//! post reached by client-side navigation has its markdown fetched and rendered
//! in the browser (in a worker), by the same blog-core function the prerenderer uses.

use blog_core::aside;
use blog_core::head::{title, View};
use blog_core::markdown::RenderRequest;
use blog_core::model::PostMeta;
use blog_core::route::{Page, PostData, PostLink};
use blog_core::urls::percent_decode;
use leptos::either::{EitherOf3, EitherOf4};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{self, FetchError};
use crate::components::load_error::LoadError;
use crate::components::meta_line::MetaLine;
use crate::pages::not_found::NotFound;
use crate::renderer;
use crate::state::{set_document_title, use_blog, Load};

/// The post a URL names.
#[derive(Clone, PartialEq)]
enum Found {
    Post(Box<PostData>),
    /// Waiting for the post's data.
    Loading,
    Failed(FetchError),
    Missing,
}

#[component]
pub fn PostPage() -> impl IntoView {
    let blog = use_blog();
    let params = use_params_map();
    // `team/a` for `/posts/team/a/`: a post in a folder has its folder in its slug.
    let slug = Memo::new(move |_| {
        let raw = params.read().get("slug").unwrap_or_default();
        percent_decode(raw.trim_matches('/'))
    });
    // The prerendered post, if this is the page the document was rendered as;
    // on the not-found page, the post is known to be missing without a fetch.
    let first_slug = slug.get_untracked();
    let (initial, missing) = match blog.take_initial_post(&first_slug) {
        Ok(initial) => (initial, false),
        Err(()) => (None, true),
    };

    // Any other post's data is fetched: its `data.json`, with the markdown.
    let retry = RwSignal::new(0u32);
    let data_url = Memo::new(move |_| {
        let urls = blog.urls();
        urls.page_data(&urls.post(&slug.get()))
    });
    let fetched: Load<Option<PostData>> = Load::new();
    let (initial, first_slug) = (StoredValue::new(initial), StoredValue::new(first_slug));
    let at_hand = move |slug: &str| {
        initial.with_value(|i| i.as_ref().is_some_and(|d| d.post.slug == slug))
            || (missing && first_slug.with_value(|f| f == slug))
    };
    Effect::new(move |_| {
        retry.track();
        let url = data_url.get();
        if at_hand(&slug.get()) || matches!(untrack(|| fetched.get_for(&url)), Some(Ok(_))) {
            return;
        }
        fetched.start(url.clone(), async move {
            Ok(match api::page(url, "this post").await? {
                Some(Page::Post(data)) => Some(*data),
                _ => None,
            })
        });
    });

    let found = Memo::new(move |_| {
        let slug = slug.get();
        if let Some(data) =
            initial.with_value(|i| i.as_ref().filter(|d| d.post.slug == slug).cloned())
        {
            return Found::Post(Box::new(data));
        }
        if missing && first_slug.with_value(|f| *f == slug) {
            return Found::Missing;
        }
        match fetched.get_for(&data_url.get()) {
            None => Found::Loading,
            Some(Err(error)) => Found::Failed(error),
            Some(Ok(None)) => Found::Missing,
            Some(Ok(Some(data))) => Found::Post(Box::new(data)),
        }
    });

    // A body to render: that of a post without one at hand, from its markdown.
    let body_key = Memo::new(move |_| match &*found.read() {
        Found::Post(d) if d.body_html.is_none() => Some(data_url.get()),
        _ => None,
    });
    // The body's HTML, rendered by the worker.
    let body: Load<String> = Load::new();
    let load_body = move || {
        let (Some(key), Found::Post(data)) = (body_key.get_untracked(), found.get_untracked())
        else {
            return;
        };
        let renderer_url = blog.renderer();
        let base = blog.urls().base().to_string();
        body.start(key, async move {
            let request = RenderRequest {
                id: 0,
                markdown: data.markdown.clone().unwrap_or_default(),
                base,
                slug: data.post.slug.clone(),
                source: data.post.source.clone(),
                posts: data.links.clone(),
                old_urls: data.old_urls.clone(),
                heading_ids: data.heading_ids.clone(),
            };
            renderer::render(&renderer_url, request).await
        });
    };
    // Render the body when the post changes; once it is on the page, go to the
    // section the URL names. (One effect: each costs wasm.)
    Effect::new(move |requested: Option<Option<String>>| {
        let key = body_key.get();
        let shown = key.as_deref().and_then(|k| body.get_for(k));
        if requested.as_ref() != Some(&key) {
            load_body();
        } else if matches!(shown, Some(Ok(_))) {
            scroll_to_hash_after_render();
        }
        key
    });

    let site_title = blog.chrome().site.title.clone();
    set_document_title(move || match &*found.read() {
        Found::Post(d) => title(&site_title, View::Post(&d.post.title)),
        Found::Missing => title(&site_title, View::NotFound),
        _ => site_title.clone(),
    });

    move || match found.get() {
        // Concrete views (`Either…`), not `AnyView`: each `AnyView` costs wasm.
        Found::Missing => EitherOf4::A(view! { <NotFound /> }),
        Found::Loading => EitherOf4::B(view! {
            <div class="wrap post">
                <BodySkeleton />
            </div>
        }),
        Found::Failed(error) => EitherOf4::C(
            view! { <LoadError error=error on_retry=move || retry.update(|n| *n += 1) /> },
        ),
        Found::Post(data) => {
            let PostData {
                post,
                newer,
                older,
                body_html,
                toc_html: toc,
                related_html: related,
                ..
            } = *data;
            let content = {
                move || {
                    let markdown = match body_html.clone() {
                        Some(html) => return EitherOf3::A(view! { <Body html=html /> }),
                        None => body_key.get().and_then(|key| body.get_for(&key)),
                    };
                    match markdown {
                        None => EitherOf3::B(view! { <BodySkeleton /> }),
                        Some(Err(error)) => EitherOf3::C(view! {
                            <LoadError error=error on_retry=load_body />
                        }),
                        Some(Ok(html)) => {
                            let html = aside::around(toc.as_deref(), &html, related.as_deref());
                            EitherOf3::A(view! { <Body html=html /> })
                        }
                    }
                }
            };
            EitherOf4::D(view! {
                <article class="wrap post">
                    <PostHeader post=post.clone() />
                    {content}
                    <PostNav newer=newer older=older />
                </article>
            })
        }
    }
}

/// A post's rendered body. Its container is not a `div`: together with the
/// filter's balanced tags, no `</div>` in a post can reach the page around it.
#[component]
pub fn Body(html: String) -> impl IntoView {
    view! { <section class="prose" data-post-body="" inner_html=html></section> }
}

#[component]
fn PostHeader(post: PostMeta) -> impl IntoView {
    let urls = use_blog().urls();
    let tags = (!post.tags.is_empty()).then(|| {
        let urls = urls.clone();
        view! {
            <ul class="tags" aria-label="Tags">
                {post.tags.iter().map(|tag| {
                    let href = urls.listing(None, tag);
                    view! { <li><a href=href>{format!("#{tag}")}</a></li> }
                }).collect_view()}
            </ul>
        }
    });
    let byline = aside::byline(&post).map(|html| view! { <p class="byline" inner_html=html></p> });
    view! {
        <header class="post-header">
            <MetaLine post=post.clone() />
            <h1>{post.title.clone()}</h1>
            {byline}
            {tags}
        </header>
    }
}

#[component]
fn PostNav(newer: Option<PostLink>, older: Option<PostLink>) -> impl IntoView {
    let urls = use_blog().urls();
    let link = move |post: PostLink, label: &'static str, class: &'static str| {
        let href = urls.post(&post.slug);
        view! {
            <a class=class href=href>
                <span class="post-nav-label">{label}</span>
                <span class="post-nav-title">{post.title}</span>
            </a>
        }
    };
    let link2 = link.clone();
    view! {
        <nav class="post-nav" aria-label="More posts">
            {older.map(|p| link(p, "← Previous post", "prev"))}
            {newer.map(|p| link2(p, "Next post →", "next"))}
        </nav>
    }
}

#[component]
fn BodySkeleton() -> impl IntoView {
    view! {
        <div class="prose-skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">"Loading the post…"</p>
            <div class="skeleton skeleton-line"></div>
            <div class="skeleton skeleton-line"></div>
            <div class="skeleton skeleton-line"></div>
            <div class="skeleton skeleton-line short"></div>
            <div class="skeleton skeleton-line"></div>
            <div class="skeleton skeleton-line"></div>
            <div class="skeleton skeleton-line short"></div>
        </div>
    }
}

/// Once the body is on the page, scrolls to the section named in the URL's hash
/// (the router tried before the body had loaded).
fn scroll_to_hash_after_render() {
    request_animation_frame(|| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let hash = window.location().hash().unwrap_or_default();
        let id = percent_decode(hash.trim_start_matches('#'));
        if id.is_empty() {
            return;
        }
        if let Some(el) = window.document().and_then(|d| d.get_element_by_id(&id)) {
            el.scroll_into_view();
        }
    });
}
