//! `/` and `/category/<slug>/`: the posts, filtered by category and search.

use std::time::Duration;

use blog_core::head::{title, View};
use blog_core::listing::count_line;
use blog_core::route::{ListingData, Page, PAGE_SIZE, RESULTS_PAGE};
use blog_core::search::{Card, Found, Marks, Query};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::{self, FetchError};
use crate::components::categories::CategoryNav;
use crate::components::load_error::LoadError;
use crate::components::post_card::PostCard;
use crate::components::search_box::SearchBox;
use crate::pages::not_found::NotFound;
use crate::state::{set_document_title, use_blog, Load};

/// How long typing pauses before the URL follows the search field.
const URL_DELAY: Duration = Duration::from_millis(300);

/// What the listing shows now.
#[derive(Clone, PartialEq)]
enum Cards {
    /// The cards on screen, and how many posts match in all.
    Shown {
        cards: Vec<Card>,
        matching: usize,
        marks: Marks,
        /// The search these cards answer (empty for the listing).
        query: String,
    },
    /// Waiting for the listing's data.
    LoadingPosts,
    /// Waiting for the search's first answer.
    Searching,
    Failed(FetchError),
}

/// Loading a further page of cards.
#[derive(Clone, PartialEq)]
enum More {
    Idle,
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
    Effect::new(move |_| {
        let q = url_query.get();
        if text.get_untracked().trim() != q.trim() {
            text.set(q);
        }
    });

    // The URL follows the field once typing pauses (history and the router
    // are not worth updating on every keystroke), or at once when the field
    // loses focus: a link clicked or tabbed to right after typing has the search.
    let pending_url: StoredValue<Option<(TimeoutHandle, String)>> = StoredValue::new(None);
    let take_url = move || {
        let (handle, url) = pending_url.try_update_value(Option::take).flatten()?;
        handle.clear();
        Some(url)
    };
    on_cleanup(move || {
        take_url();
    });
    let flush_url = move || {
        if let Some(url) = take_url() {
            navigate(
                &url,
                NavigateOptions {
                    resolve: false,
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            )
        }
    };
    let on_change = {
        let flush_url = flush_url.clone();
        move |value: String| {
            text.set(value.clone());
            let url = blog
                .urls()
                .listing(category.get_untracked().as_deref(), &value);
            take_url();
            let flush_url = flush_url.clone();
            if let Ok(handle) = set_timeout_with_handle(flush_url, URL_DELAY) {
                pending_url.set_value(Some((handle, url)));
            }
        }
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

    let query = Memo::new(move |_| Query::parse(&text.get()));
    // A failed load is tried again when this changes.
    let retry = RwSignal::new(0u32);

    // The listing's own data: in the page, or fetched for another category.
    let listing: Load<ListingData> = Load::new();
    let listing_url = Memo::new(move |_| {
        let urls = blog.urls();
        urls.page_data(&urls.listing(category.get().as_deref(), ""))
    });
    let initial = StoredValue::new(initial);
    let prerendered = move || {
        let here = category.get();
        initial.with_value(|i| i.as_ref().filter(|first| first.category == here).cloned())
    };
    Effect::new(move |_| {
        retry.track();
        let url = listing_url.get();
        let needed = query.with(Query::is_empty) && prerendered().is_none();
        if needed && !matches!(untrack(|| listing.get_for(&url)), Some(Ok(_))) {
            listing.start(url.clone(), async move {
                match api::page(url, "this listing").await? {
                    Some(Page::Listing(data)) => Ok(data),
                    _ => Err(FetchError::new(
                        "this listing",
                        "the server has no such listing",
                    )),
                }
            });
        }
    });

    // Long lists show a page of cards at a time: further pages of a listing
    // are fetched, further results of a search asked for.
    let extra: RwSignal<Vec<Card>> = RwSignal::new(Vec::new());
    let more = RwSignal::new(More::Idle);
    let limit = RwSignal::new(RESULTS_PAGE);
    // (Only what changed is set: a set signal notifies even when equal, and
    // each notification here would ask the worker again.)
    Effect::new(move |_| {
        query.track();
        category.track();
        if !extra.with_untracked(Vec::is_empty) {
            extra.set(Vec::new());
        }
        if more.with_untracked(|m| *m != More::Idle) {
            more.set(More::Idle);
        }
        if limit.get_untracked() != RESULTS_PAGE {
            limit.set(RESULTS_PAGE);
        }
    });

    let search: Load<Found> = Load::new();
    Effect::new(move |_| {
        retry.track();
        let q = text.get();
        if query.with(Query::is_empty) {
            return;
        }
        let (cat, n) = (category.get(), limit.get());
        let key = format!("{n}\n{cat:?}\n{q}");
        search.refresh(key, blog.search(q, cat, n));
    });

    let cards = Memo::new(move |_| {
        if query.with(Query::is_empty) {
            let base = match prerendered() {
                Some(first) => Ok(first),
                None => match listing.get_for(&listing_url.get()) {
                    None => return Cards::LoadingPosts,
                    Some(result) => result,
                },
            };
            return match base {
                Err(error) => Cards::Failed(error),
                Ok(first) => {
                    let mut cards: Vec<Card> = first
                        .posts
                        .into_iter()
                        .map(|post| Card {
                            post,
                            snippet: None,
                        })
                        .collect();
                    cards.extend(extra.get());
                    Cards::Shown {
                        cards,
                        matching: first.matching,
                        marks: Marks::default(),
                        query: String::new(),
                    }
                }
            };
        }
        match search.latest() {
            None => Cards::Searching,
            Some(Err(error)) => Cards::Failed(error),
            Some(Ok(found)) => Cards::Shown {
                cards: found.cards,
                matching: found.matching,
                marks: found.marks,
                query: found.query,
            },
        }
    });
    // The search no post matches, once its answer is on screen ("" for an
    // empty listing): the empty state follows the results, not each keystroke.
    let none_for = Memo::new(move |_| match &*cards.read() {
        Cards::Shown {
            matching: 0, query, ..
        } => Some(query.clone()),
        _ => None,
    });
    // Per-category counts of the current search, for the category choices.
    let counts = Memo::new(move |_| {
        if query.with(Query::is_empty) {
            return None;
        }
        match search.latest() {
            Some(Ok(found)) => Some((found.total, found.counts)),
            _ => None,
        }
    });

    let show_more = move || {
        if !query.with_untracked(Query::is_empty) {
            limit.update(|n| *n += RESULTS_PAGE);
            return;
        }
        let shown = cards.with_untracked(|c| match c {
            Cards::Shown { cards, .. } => cards.len(),
            _ => 0,
        });
        let page = shown / PAGE_SIZE + 1;
        let asked_for = category.get_untracked();
        let url = blog.urls().cards(asked_for.as_deref(), page);
        more.set(More::Loading);
        leptos::task::spawn_local(async move {
            let result = api::cards(url).await;
            // The reader may have moved to another category or a search meanwhile.
            let still = category.try_get_untracked() == Some(asked_for)
                && query.try_with_untracked(Query::is_empty) == Some(true);
            if !still {
                return;
            }
            match result {
                Ok(posts) => {
                    extra.try_update(|e| {
                        e.extend(posts.into_iter().map(|post| Card {
                            post,
                            snippet: None,
                        }))
                    });
                    more.try_set(More::Idle);
                }
                Err(error) => {
                    more.try_set(More::Failed(error));
                }
            }
        });
    };

    // The title names the search as the URL does: once typing pauses.
    let site_title = chrome.site.title.clone();
    set_document_title(move || {
        let name = category_name.get();
        let q = url_query.get();
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
    // The count line follows the results, not each keystroke. While waiting:
    // what for; after a failure, nothing (the error says it).
    //
    // Views read `cards` or memos of it, never both: an effect that reads a
    // memo and another derived from it can miss a change of the first when
    // the derived one is unchanged (reactive_graph 0.2 checks an effect's
    // sources in turn and is not told of changes found on the way).
    let count = move || match &*cards.read() {
        Cards::Shown {
            matching, query, ..
        } => count_line(*matching, total, category_name.get().as_deref(), query),
        Cards::Failed(_) => String::new(),
        Cards::LoadingPosts => "Loading posts…".to_string(),
        Cards::Searching => "Searching…".to_string(),
    };

    // Concrete views (`Either…`), not `AnyView`: each `AnyView` costs wasm.
    let card_list = move || match cards.get() {
        Cards::Shown { cards, marks, .. } => EitherOf3::A(
            cards
                .into_iter()
                .map(|card| view! { <PostCard card=card marks=marks.clone() /> })
                .collect_view(),
        ),
        Cards::LoadingPosts | Cards::Searching => EitherOf3::B(view! { <CardSkeletons /> }),
        Cards::Failed(error) => EitherOf3::C(
            view! { <LoadError error=error on_retry=move || retry.update(|n| *n += 1) /> },
        ),
    };
    // How many more there are to show, and how many the next page shows.
    let further = Memo::new(move |_| match &*cards.read() {
        Cards::Shown {
            cards,
            matching,
            query,
            ..
        } => {
            let page = if query.is_empty() {
                PAGE_SIZE
            } else {
                RESULTS_PAGE
            };
            let left = matching.saturating_sub(cards.len());
            (left, left.min(page))
        }
        _ => (0, 0),
    });
    let more_button = move || {
        let (left, next) = further.get();
        if left == 0 {
            return None;
        }
        Some(match more.get() {
            More::Failed(error) => {
                Either::Left(view! { <LoadError error=error on_retry=show_more /> })
            }
            state => {
                let loading = state == More::Loading;
                Either::Right(view! {
                    <p class="more">
                        <button type="button" class="button" disabled=loading on:click=move |_| show_more()>
                            {if loading { "Loading…".to_string() } else { format!("Show {next} more of {left}") }}
                        </button>
                    </p>
                })
            }
        })
    };

    let clear = {
        let on_change = on_change.clone();
        move |_| on_change(String::new())
    };
    let empty = move || {
        none_for.get().map(|q| {
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
                    <SearchBox value=text on_change=on_change.clone() on_leave=flush_url.clone() />
                    <CategoryNav
                        categories=categories.clone()
                        total=total
                        active=category
                        query=url_query
                        counts=counts
                    />
                </div>
                <p class="count-line" role="status" aria-live="polite">{count}</p>
                <div class="cards">{card_list}</div>
                {more_button}
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
