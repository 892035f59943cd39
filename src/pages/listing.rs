//! `/` and `/category/<slug>`: the posts, filtered by category and search.

use blog_core::listing::{categories, count_line};
use blog_core::search::Query;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::categories::CategoryNav;
use crate::components::post_card::PostCard;
use crate::components::search_box::SearchBox;
use crate::pages::not_found::NotFound;
use crate::state::{set_document_title, use_blog};

/// Cards rendered at first, and added by each "Show more".
const PAGE_SIZE: usize = 30;

#[component]
pub fn ListingPage() -> impl IntoView {
    let blog = use_blog();
    let Some(loaded) = untrack(|| blog.loaded()) else {
        return ().into_any();
    };
    let params = use_params_map();
    let query_map = use_query_map();
    let navigate = use_navigate();

    let category = Memo::new(move |_| params.read().get("category"));
    let url_query = Memo::new(move |_| query_map.read().get("q").unwrap_or_default());

    // What the field shows; the URL follows it (trimmed), and it follows the
    // URL when that changes from outside (back, forward, a link).
    let text = RwSignal::new(url_query.get_untracked());
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

    let manifest = loaded.manifest.clone();
    let all_categories = categories(&manifest.posts);
    let total = manifest.posts.len();
    let category_name = {
        let all_categories = all_categories.clone();
        Memo::new(move |_| {
            category.get().and_then(|slug| {
                all_categories
                    .iter()
                    .find(|c| c.slug == slug)
                    .map(|c| c.name.clone())
            })
        })
    };
    let unknown_category = move || category.get().is_some() && category_name.get().is_none();

    let results = {
        let manifest = manifest.clone();
        let base_search = loaded.search.clone();
        Memo::new(move |_| {
            let query = Query::parse(&text.get());
            let data = if query.is_empty() {
                None
            } else {
                blog.full_text()
            };
            let data = data.unwrap_or_else(|| base_search.clone());
            let hits = data.search(&manifest.posts, &query, category.get().as_deref());
            (query, hits)
        })
    };

    let site_title = manifest.site.title.clone();
    set_document_title(move || match (category_name.get(), text.get().trim()) {
        (_, q) if !q.is_empty() => format!("Search: {q} · {site_title}"),
        (Some(name), _) => format!("{name} · {site_title}"),
        (None, _) => site_title.clone(),
    });

    let count = move || {
        let shown = results.read().1.len();
        count_line(shown, total, category_name.get().as_deref(), &text.get())
    };

    // Long lists render a page of cards at a time.
    let shown = RwSignal::new(PAGE_SIZE);
    Effect::new(move |_| {
        results.track();
        shown.set(PAGE_SIZE);
    });
    let cards = {
        let manifest = manifest.clone();
        move || {
            let (query, hits) = results.get();
            hits.into_iter()
                .take(shown.get())
                .map(|i| view! { <PostCard post=manifest.posts[i].clone() query=query.clone() /> })
                .collect_view()
                .into_any()
        }
    };
    let more = move || {
        let left = results.read().1.len().saturating_sub(shown.get());
        (left > 0).then(|| {
            let next = left.min(PAGE_SIZE);
            view! {
                <p class="more">
                    <button type="button" class="button" on:click=move |_| shown.update(|n| *n += PAGE_SIZE)>
                        {format!("Show {next} more of {left}")}
                    </button>
                </p>
            }
            .into_any()
        })
    };

    let clear = {
        let on_change = on_change.clone();
        move |_| on_change(String::new())
    };
    let empty = move || {
        let (_, hits) = results.get();
        let q = text.get();
        (hits.is_empty()).then(|| {
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
            .into_any()
        })
    };

    let full_text_status = move || {
        if text.read().trim().is_empty() {
            return None;
        }
        if let Some(error) = blog.full_text_error() {
            return Some(view! {
                <p class="search-status" role="status">
                    {format!("Searching titles and summaries only. {error} ")}
                    <button type="button" class="link-button" on:click=move |_| blog.retry_full_text()>"Retry"</button>
                </p>
            }.into_any());
        }
        blog.full_text_pending().then(|| {
            view! {
                <p class="search-status" role="status">"Loading full text…"</p>
            }
            .into_any()
        })
    };

    let on_change_box = on_change.clone();
    let unknown = Memo::new(move |_| unknown_category());
    (move || {
        if unknown.get() {
            return view! { <NotFound /> }.into_any();
        }
        view! {
            <div class="wrap listing">
                <h1 class="visually-hidden">
                    {move || category_name.get().map_or_else(|| "All posts".to_string(), |n| format!("Posts in {n}"))}
                </h1>
                <div class="controls">
                    <SearchBox value=text on_change=on_change_box.clone() />
                    <CategoryNav
                        categories=all_categories.clone()
                        total=total
                        active=category
                        query=text
                    />
                </div>
                <p class="count-line" role="status" aria-live="polite">{count}</p>
                {full_text_status}
                <div class="cards">{cards.clone()}</div>
                {more}
                {empty.clone()}
            </div>
        }
        .into_any()
    })
    .into_any()
}
