//! What every page shares, and the one loader through which pages get data.
//!
//! A page's data comes from one of two places. The page the document was
//! prerendered as carries its own (`initial`): the prerenderer hands it over on
//! the host, and the browser reads it from the page to hydrate without a fetch.
//! Every other view fetches only its own data, shaped per route by the build:
//! a page's `data.json`, a listing's further cards, and search results from
//! the search worker, which fetches only the index shards a query needs.

use std::future::Future;
use std::sync::Arc;

use blog_core::route::{Chrome, ListingData, Page, PageData, PostData};
use blog_core::search::{Found, SearchRequest, SearchResponse};
use blog_core::Urls;
use leptos::prelude::*;

use crate::api::FetchError;

/// Something fetched over the network, for one key (its URL): nothing while
/// it loads, then the result. A newer start wins over an older one still in flight.
pub struct Load<T: Send + Sync + 'static> {
    state: RwSignal<Option<(String, Result<T, FetchError>)>>,
    started: StoredValue<u64>,
}

impl<T: Send + Sync + 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Load<T> {}

impl<T: Clone + Send + Sync + 'static> Load<T> {
    pub fn new() -> Self {
        Load {
            state: RwSignal::new(None),
            started: StoredValue::new(0),
        }
    }

    /// The result for `key`, once its load has finished.
    pub fn get_for(&self, key: &str) -> Option<Result<T, FetchError>> {
        self.state
            .read()
            .as_ref()
            .filter(|(k, _)| k == key)
            .map(|(_, result)| result.clone())
    }

    /// The latest finished result, whatever its key.
    pub fn latest(&self) -> Option<Result<T, FetchError>> {
        self.state.read().as_ref().map(|(_, result)| result.clone())
    }

    /// Starts loading `key` with `fetch`; nothing shows until it is done.
    pub fn start(&self, key: String, fetch: impl Future<Output = Result<T, FetchError>> + 'static) {
        self.state.set(None);
        self.refresh(key, fetch);
    }

    /// Starts loading `key` with `fetch`, the latest result showing meanwhile.
    pub fn refresh(
        &self,
        key: String,
        fetch: impl Future<Output = Result<T, FetchError>> + 'static,
    ) {
        let this = *self;
        let n = self.started.get_value() + 1;
        self.started.set_value(n);
        leptos::task::spawn_local(async move {
            let result = fetch.await;
            // The view that asked may be gone by now (the reader moved on):
            // then its signals are disposed, and the result is dropped.
            if this.started.try_get_value() == Some(n) {
                this.state.try_set(Some((key, result)));
            }
        });
    }
}

/// The search, as failures name it.
pub const SEARCH: &str = "the search";

/// The workers' scripts and the search index, as URLs.
#[derive(Clone)]
pub struct Assets {
    /// The markdown renderer worker.
    pub renderer: String,
    /// The search worker.
    pub searcher: String,
    /// The search index's folder.
    pub search_index: String,
}

impl Assets {
    /// The assets a page's data names.
    pub fn of(data: &PageData) -> Self {
        Assets {
            renderer: data.renderer.clone(),
            searcher: data.searcher.clone(),
            search_index: data.search_index.clone(),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Blog {
    urls: StoredValue<Urls>,
    assets: StoredValue<Assets>,
    chrome: StoredValue<Arc<Chrome>>,
    /// The page this document was prerendered as, until a view takes it.
    initial: StoredValue<Option<Page>>,
}

impl Blog {
    /// `assets` are relative to the site's base.
    pub fn new(urls: Urls, chrome: Chrome, assets: Assets, initial: Option<Page>) -> Self {
        let assets = Assets {
            renderer: urls.site_file(&assets.renderer),
            searcher: urls.site_file(&assets.searcher),
            search_index: urls.site_file(&assets.search_index),
        };
        let blog = Blog {
            urls: StoredValue::new(urls),
            assets: StoredValue::new(assets),
            chrome: StoredValue::new(Arc::new(chrome)),
            initial: StoredValue::new(initial),
        };
        // Effects run in the browser only, once the page is hydrated: the
        // renderer starts when a post link is about to be followed, the search
        // when its field is about to be typed in.
        Effect::new(move |_| {
            let posts_path = blog.urls.with_value(|u| u.site_file("posts/"));
            let searcher = blog.assets.with_value(|a| a.searcher.clone());
            crate::worker::prepare_on_intent(blog.renderer(), posts_path, searcher);
        });
        blog
    }

    pub fn urls(&self) -> Urls {
        self.urls.get_value()
    }

    /// The URL of the markdown renderer worker.
    pub fn renderer(&self) -> String {
        self.assets.with_value(|a| a.renderer.clone())
    }

    /// The site and its categories: known on every page.
    pub fn chrome(&self) -> Arc<Chrome> {
        self.chrome.get_value()
    }

    /// The listing data this document was prerendered with, if it is the listing of `category`.
    pub fn take_initial_listing(&self, category: Option<&str>) -> Option<ListingData> {
        self.take_initial(|page| match page {
            Page::Listing(l) if l.category.as_deref() == category => Some(l),
            _ => None,
        })
    }

    /// What this document says about the post `slug`: its data, if it was
    /// prerendered as that post; `Err` if it is the not-found page (the host
    /// had no page at this address, so there is no such post).
    pub fn take_initial_post(&self, slug: &str) -> Result<Option<PostData>, ()> {
        self.take_initial(|page| match page {
            Page::Post(p) if p.post.slug == slug => Some(Ok(Some(*p))),
            Page::NotFound => Some(Err(())),
            _ => None,
        })
        .unwrap_or(Ok(None))
    }

    /// The initial page, once, if `pick` takes it. Any first view ends it: a
    /// later view of the same route is no longer the prerendered document.
    fn take_initial<T>(&self, pick: impl FnOnce(Page) -> Option<T>) -> Option<T> {
        let page = self.initial.try_update_value(Option::take).flatten()?;
        pick(page)
    }

    /// Searches for `query` in `category` (a slug), with the first `limit` results' cards.
    pub fn search(
        &self,
        query: String,
        category: Option<String>,
        limit: usize,
    ) -> impl Future<Output = Result<Found, FetchError>> + 'static {
        let (searcher, index) = self
            .assets
            .with_value(|a| (a.searcher.clone(), a.search_index.clone()));
        async move {
            let request = SearchRequest {
                id: 0,
                index,
                query,
                category,
                limit,
            };
            let response: SearchResponse = crate::worker::ask(&searcher, SEARCH, &request).await?;
            response
                .found
                .map_err(|detail| FetchError::new("the search index", detail))
        }
    }
}

pub fn use_blog() -> Blog {
    expect_context::<Blog>()
}

/// Sets the document title after render (the prerendered page already has it;
/// this keeps it right after client-side navigation).
pub fn set_document_title(title: impl Fn() -> String + 'static) {
    // One effect type for every caller keeps the wasm small.
    let title: Box<dyn Fn() -> String> = Box::new(title);
    Effect::new(move |_| {
        let title = title();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });
}
