//! What every page shares, and the one loader through which pages get data.
//!
//! A page's data comes from one of two places. The page the document was
//! prerendered as carries its own (`initial`): the prerenderer hands it over on
//! the host, and the browser reads it from the page to hydrate without a fetch.
//! Every other view is computed from the manifest, fetched in the background
//! once the page is hydrated (so rendering itself makes no browser call).

use std::future::Future;
use std::sync::Arc;

use blog_core::model::Manifest;
use blog_core::route::{Chrome, ListingData, Page, PostData};
use blog_core::search::SearchData;
use blog_core::Urls;
use leptos::prelude::*;

use crate::api::{self, FetchError};

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

    /// Starts loading `key` with `fetch`.
    pub fn start(&self, key: String, fetch: impl Future<Output = Result<T, FetchError>> + 'static) {
        let this = *self;
        let n = self.started.get_value() + 1;
        self.started.set_value(n);
        self.state.set(None);
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

/// The loaded manifest with its search data, shared cheaply.
#[derive(Clone)]
pub struct Loaded {
    pub manifest: Arc<Manifest>,
    pub search: Arc<SearchData>,
}

#[derive(Clone, Copy)]
pub struct Blog {
    urls: StoredValue<Urls>,
    /// The markdown renderer worker's script, a URL.
    renderer: StoredValue<String>,
    chrome: StoredValue<Arc<Chrome>>,
    /// The page this document was prerendered as, until a view takes it.
    initial: StoredValue<Option<Page>>,
    manifest: Load<Loaded>,
    full_text: Load<Arc<SearchData>>,
    /// Set once a search needs the full text; the index loads then, not before.
    want_full_text: RwSignal<bool>,
}

impl Blog {
    pub fn new(urls: Urls, chrome: Chrome, renderer: String, initial: Option<Page>) -> Self {
        let blog = Blog {
            renderer: StoredValue::new(urls.site_file(&renderer)),
            urls: StoredValue::new(urls),
            chrome: StoredValue::new(Arc::new(chrome)),
            initial: StoredValue::new(initial),
            manifest: Load::new(),
            full_text: Load::new(),
            want_full_text: RwSignal::new(false),
        };
        // Effects run in the browser only, once the page is hydrated: the
        // manifest then loads in the background, for whatever the visitor does
        // next, and the renderer starts when a post link is about to be followed.
        Effect::new(move |_| {
            blog.load_manifest();
            let posts_path = blog.urls.with_value(|u| u.site_file("posts/"));
            crate::renderer::prepare_on_intent(blog.renderer(), posts_path);
        });
        Effect::new(move |_| {
            if blog.want_full_text.get() && blog.loaded().is_some() {
                blog.load_index();
            }
        });
        blog
    }

    pub fn urls(&self) -> Urls {
        self.urls.get_value()
    }

    /// The URL of the markdown renderer worker.
    pub fn renderer(&self) -> String {
        self.renderer.get_value()
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

    /// The manifest: nothing while it loads, then the result.
    pub fn manifest(&self) -> Option<Result<Loaded, FetchError>> {
        self.manifest.latest()
    }

    /// The manifest, once loaded.
    pub fn loaded(&self) -> Option<Loaded> {
        self.manifest().and_then(Result::ok)
    }

    pub fn load_manifest(&self) {
        let url = self.urls.with_value(Urls::manifest);
        self.manifest.start(url.clone(), async move {
            let manifest = api::manifest(url).await?;
            let search = SearchData::new(&manifest.posts);
            Ok(Loaded {
                manifest: Arc::new(manifest),
                search: Arc::new(search),
            })
        });
    }

    fn load_index(&self) {
        let Some(loaded) = untrack(|| self.loaded()) else {
            return;
        };
        let url = self
            .urls
            .with_value(|u| u.site_file(&loaded.manifest.search_index));
        self.full_text.start(url.clone(), async move {
            let index = api::search_index(url).await?;
            Ok(Arc::new(
                SearchData::new(&loaded.manifest.posts).with_bodies(index),
            ))
        });
    }

    /// Asks for the full-text index (loaded once, after the manifest).
    pub fn load_full_text(&self) {
        if !self.want_full_text.get_untracked() {
            self.want_full_text.set(true);
        }
    }

    /// The best search data available now: with full text once it has loaded.
    pub fn full_text(&self) -> Option<Arc<SearchData>> {
        self.full_text.latest().and_then(Result::ok)
    }

    /// True while the full-text index is requested but not there yet.
    pub fn full_text_pending(&self) -> bool {
        self.want_full_text.get() && self.full_text.latest().is_none()
    }

    /// The error, if loading the full-text index failed.
    pub fn full_text_error(&self) -> Option<FetchError> {
        self.full_text.latest().and_then(Result::err)
    }

    pub fn retry_full_text(&self) {
        self.load_index();
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
