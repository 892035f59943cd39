//! `/` and `/category/<slug>/`: the posts, filtered by category and search.

use blog_core::head::{title, View};
use blog_core::listing::count_line;
use blog_core::model::PostMeta;
use blog_core::route::PAGE_SIZE;
use blog_core::search::Query;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::FetchError;
use crate::components::categories::CategoryNav;
use crate::components::load_error::LoadError;
use crate::components::post_card::PostCard;
use crate::components::search_box::SearchBox;
use crate::pages::not_found::NotFound;
use crate::state::{set_document_title, use_blog};

/// What the listing shows now.
#[derive(Clone, PartialEq)]
enum Cards {
    /// The cards on screen, and how many posts match in all.
    Shown {
        posts: Vec<PostMeta>,
        matching: usize,
        query: Query,
    },
    /// Waiting for the manifest.
    Loading,
    Failed(FetchError),
}

#[component]
pub fn ListingPage() -> impl IntoView {
    let blog = use_blog();
    let chrome = blog.chrome();
    let params = use_params_map();
    let query_map = use_query_map();
    let navigate = use_navigate();

    let category = Memo::new(move |_| params.read().get("category"));
    let url_query = Memo::new(move |_| query_map.read().get("q").unwrap_or_default());
    // The prerendered listing, if this is the page the document was rendered as.
    let initial = blog.take_initial_listing(category.get_untracked().as_deref());

    // What the field shows; the URL follows it (trimmed), and it follows the
    // URL when that changes from outside (back, forward, a link). A hydrated
    // page starts as it was prerendered, without a search: the URL's query
    // applies right after.
    let text = RwSignal::new(if initial.is_some() {
        String::new()
    } else {
        url_query.get_untracked()
    });
    // The full-text index loads with the first search, typed or from the URL.
    Effect::new(move |_| {
        let q = url_query.get();
        if !q.trim().is_empty() {
            blog.load_full_text();
        }
        if text.get_untracked().trim() != q.trim() {
            text.set(q);
        }
    });

    let on_change = move |value: String| {
        if !value.trim().is_empty() {
            blog.load_full_text();
        }
        text.set(value.clone());
        let url = blog
            .urls()
            .listing(category.get_untracked().as_deref(), &value);
        navigate(
            &url,
            NavigateOptions {
                resolve: false,
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };

    let category_name = {
        let chrome = chrome.clone();
        Memo::new(move |_| {
            category
                .get()
                .and_then(|slug| chrome.category_name(&slug).map(str::to_string))
        })
    };
    let unknown = Memo::new(move |_| category.get().is_some() && category_name.get().is_none());

    // Long lists show a page of cards at a time.
    let shown = RwSignal::new(PAGE_SIZE);
    let cards = Memo::new(move |_| {
        let query = Query::parse(&text.get());
        let limit = shown.get();
        // The prerendered first page stands until something needs more.
        if let Some(first) = initial.as_ref() {
            if query.is_empty() && category.get() == first.category {
                match (limit <= PAGE_SIZE, blog.manifest()) {
                    (true, _) | (false, None) => {
                        return Cards::Shown {
                            posts: first.posts.clone(),
                            matching: first.matching,
                            query,
                        }
                    }
                    (false, Some(Err(error))) => return Cards::Failed(error),
                    (false, Some(Ok(_))) => {}
                }
            }
        }
        match blog.manifest() {
            None => Cards::Loading,
            Some(Err(error)) => Cards::Failed(error),
            Some(Ok(loaded)) => {
                let data = if query.is_empty() {
                    None
                } else {
                    blog.full_text()
                };
                let data = data.unwrap_or_else(|| loaded.search.clone());
                let posts = &loaded.manifest.posts;
                let hits = data.search(posts, &query, category.get().as_deref());
                Cards::Shown {
                    posts: hits.iter().take(limit).map(|&i| posts[i].clone()).collect(),
                    matching: hits.len(),
                    query,
                }
            }
        }
    });
    // A new search or category starts again at the first page.
    Effect::new(move |_| {
        text.track();
        category.track();
        shown.set(PAGE_SIZE);
    });
    let matching = Memo::new(move |_| match &*cards.read() {
        Cards::Shown { matching, .. } => Some(*matching),
        _ => None,
    });

    let site_title = chrome.site.title.clone();
    set_document_title(move || {
        let name = category_name.get();
        let q = text.get();
        let view = if unknown.get() {
            View::NotFound
        } else {
            View::Listing {
                category: name.as_deref(),
                query: &q,
            }
        };
        title(&site_title, view)
    });

    let total = chrome.total;
    let count = move || {
        matching
            .get()
            .map(|n| count_line(n, total, category_name.get().as_deref(), &text.get()))
            .unwrap_or_else(|| "Loading posts…".to_string())
    };

    // Concrete views (`Either…`), not `AnyView`: each `AnyView` costs wasm.
    let card_list = move || match cards.get() {
        Cards::Shown { posts, query, .. } => EitherOf3::A(
            posts
                .into_iter()
                .map(|post| view! { <PostCard post=post query=query.clone() /> })
                .collect_view(),
        ),
        Cards::Loading => EitherOf3::B(view! { <CardSkeletons /> }),
        Cards::Failed(error) => {
            EitherOf3::C(view! { <LoadError error=error on_retry=move || blog.load_manifest() /> })
        }
    };
    let more = move || {
        let left = matching.get().unwrap_or(0).saturating_sub(shown.get());
        (left > 0).then(|| {
            let next = left.min(PAGE_SIZE);
            view! {
                <p class="more">
                    <button type="button" class="button" on:click=move |_| shown.update(|n| *n += PAGE_SIZE)>
                        {format!("Show {next} more of {left}")}
                    </button>
                </p>
            }
        })
    };

    let clear = {
        let on_change = on_change.clone();
        move |_| on_change(String::new())
    };
    let empty = move || {
        let q = text.get();
        (matching.get() == Some(0)).then(|| {
            let in_category = category_name.get();
            let everywhere = blog.urls().listing(None, &q);
            view! {
                <div class="empty">
                    <p class="empty-title">
                        {if q.trim().is_empty() {
                            "No posts here yet.".to_string()
                        } else {
                            format!("No posts match “{}”.", q.trim())
                        }}
                    </p>
                    <p>
                        {(!q.trim().is_empty()).then(|| view! {
                            <button type="button" class="button" on:click=clear.clone()>"Clear search"</button>
                        })}
                        {in_category.map(|name| view! {
                            " "<a href=everywhere>{format!("Search all categories, not only {name}")}</a>
                        })}
                    </p>
                </div>
            }
        })
    };

    let full_text_status = move || {
        if text.read().trim().is_empty() {
            return None;
        }
        if let Some(error) = blog.full_text_error() {
            return Some(Either::Left(view! {
                <p class="search-status" role="status">
                    {format!("Searching titles and summaries only. {error} ")}
                    <button type="button" class="link-button" on:click=move |_| blog.retry_full_text()>"Retry"</button>
                </p>
            }));
        }
        blog.full_text_pending().then(|| {
            Either::Right(view! {
                <p class="search-status" role="status">"Loading full text…"</p>
            })
        })
    };

    let categories = chrome.categories.clone();
    move || {
        if unknown.get() {
            return Either::Left(view! { <NotFound /> });
        }
        Either::Right(view! {
            <div class="wrap listing">
                <h1 class="visually-hidden">
                    {move || category_name.get().map_or_else(|| "All posts".to_string(), |n| format!("Posts in {n}"))}
                </h1>
                <div class="controls">
                    <SearchBox value=text on_change=on_change.clone() />
                    <CategoryNav
                        categories=categories.clone()
                        total=total
                        active=category
                        query=text
                    />
                </div>
                <p class="count-line" role="status" aria-live="polite">{count}</p>
                {full_text_status}
                <div class="cards">{card_list}</div>
                {more}
                {empty.clone()}
            </div>
        })
    }
}

#[component]
fn CardSkeletons() -> impl IntoView {
    view! {
        <div aria-busy="true">
            <div class="skeleton skeleton-card"></div>
            <div class="skeleton skeleton-card"></div>
            <div class="skeleton skeleton-card"></div>
        </div>
    }
}
