//! `/posts/<slug>`: one post, its body fetched and rendered in the browser.

use std::collections::HashMap;

use blog_core::dates::display_date;
use blog_core::markdown::{render, PostContext};
use blog_core::model::PostMeta;
use blog_core::urls::percent_decode;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::components::load_error::LoadError;
use crate::components::meta_line::MetaLine;
use crate::pages::not_found::NotFound;
use crate::state::{set_document_title, use_blog, Load};

#[component]
pub fn PostPage() -> impl IntoView {
    let blog = use_blog();
    let Some(loaded) = untrack(|| blog.loaded()) else {
        return ().into_any();
    };
    let params = use_params_map();
    let manifest = loaded.manifest.clone();
    let index = {
        let manifest = manifest.clone();
        Memo::new(move |_| {
            let slug = percent_decode(&params.read().get("slug").unwrap_or_default());
            manifest.posts.iter().position(|p| p.slug == slug)
        })
    };

    let body_url = {
        let manifest = manifest.clone();
        Memo::new(move |_| {
            index
                .get()
                .map(|i| blog.urls().post_body(&manifest.posts[i]))
        })
    };
    let body: Load<String> = Load::new();
    let load_body = move || {
        if let Some(url) = body_url.get_untracked() {
            body.start(url.clone(), api::post_body(url));
        }
    };
    // Load the body when the post changes; once it is on the page, go to the
    // section the URL names. (One effect: each costs wasm.)
    Effect::new(move |requested: Option<Option<String>>| {
        let url = body_url.get();
        let shown = url.as_deref().and_then(|u| body.get_for(u));
        if requested.as_ref() != Some(&url) {
            load_body();
        } else if matches!(shown, Some(Ok(_))) {
            scroll_to_hash_after_render();
        }
        url
    });

    let site_title = manifest.site.title.clone();
    {
        let manifest = manifest.clone();
        set_document_title(move || match index.get() {
            Some(i) => format!("{} · {site_title}", manifest.posts[i].title),
            None => format!("Page not found · {site_title}"),
        });
    }

    let sources: HashMap<String, String> = manifest
        .posts
        .iter()
        .map(|p| (p.source.clone(), p.slug.clone()))
        .collect();
    let sources = StoredValue::new(sources);

    (move || {
        let Some(i) = index.get() else {
            return view! { <NotFound /> }.into_any();
        };
        let post = manifest.posts[i].clone();
        // Newest first: the next post is the newer one, the previous the older one.
        let newer = i.checked_sub(1).map(|j| manifest.posts[j].clone());
        let older = manifest.posts.get(i + 1).cloned();
        let content = {
            let post = post.clone();
            move || match body_url.get().and_then(|url| body.get_for(&url)) {
                None => view! { <BodySkeleton /> }.into_any(),
                Some(Err(error)) => view! {
                    <LoadError error=error on_retry=load_body />
                }
                .into_any(),
                Some(Ok(markdown)) => {
                    let urls = blog.urls();
                    let lookup = |source: &str| sources.with_value(|m| m.get(source).cloned());
                    let rendered = render(
                        &markdown,
                        &PostContext {
                            urls: &urls,
                            slug: &post.slug,
                            source: &post.source,
                            post_for_source: &lookup,
                        },
                    );
                    view! { <div class="prose" inner_html=rendered.html></div> }.into_any()
                }
            }
        };
        view! {
            <article class="wrap post">
                <PostHeader post=post.clone() />
                {content}
                <PostNav newer=newer older=older />
            </article>
        }
        .into_any()
    })
    .into_any()
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
    let byline = (!post.authors.is_empty() || post.updated.is_some()).then(|| {
        let authors = (!post.authors.is_empty()).then(|| format!("By {}", post.authors.join(", ")));
        let updated = post
            .updated
            .clone()
            .map(|u| format!("Updated {}", display_date(&u)));
        let parts: Vec<String> = authors.into_iter().chain(updated).collect();
        view! { <p class="byline">{parts.join(" · ")}</p> }
    });
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
fn PostNav(newer: Option<PostMeta>, older: Option<PostMeta>) -> impl IntoView {
    let urls = use_blog().urls();
    let link = move |post: PostMeta, label: &'static str, class: &'static str| {
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
