//! What every page shares: the URL builder, the manifest, and search data.

use std::sync::Arc;

use blog_core::model::Manifest;
use blog_core::search::SearchData;
use blog_core::Urls;
use leptos::prelude::*;

use crate::api::{self, FetchError};

/// The loaded manifest with its search data, shared cheaply.
#[derive(Clone)]
pub struct Loaded {
    pub manifest: Arc<Manifest>,
    pub search: Arc<SearchData>,
}

#[derive(Clone, Copy)]
pub struct Blog {
    urls: StoredValue<Urls>,
    pub manifest: LocalResource<Result<Loaded, FetchError>>,
    /// Set once a search needs the full text; the index loads then, not before.
    want_full_text: RwSignal<bool>,
    full_text: LocalResource<Option<Result<Arc<SearchData>, FetchError>>>,
}

impl Blog {
    pub fn new(urls: Urls) -> Self {
        let urls = StoredValue::new(urls);
        let manifest = LocalResource::new(move || {
            let url = urls.with_value(Urls::manifest);
            async move {
                let manifest = api::manifest(url).await?;
                let search = SearchData::new(&manifest.posts);
                Ok(Loaded {
                    manifest: Arc::new(manifest),
                    search: Arc::new(search),
                })
            }
        });
        let want_full_text = RwSignal::new(false);
        let full_text = LocalResource::new(move || {
            let wanted = want_full_text.get();
            let loaded = manifest.get().and_then(Result::ok);
            async move {
                let loaded = loaded.filter(|_| wanted)?;
                let url = urls.with_value(|u| u.site_file(&loaded.manifest.search_index));
                Some(api::search_index(url).await.map(|index| {
                    Arc::new(SearchData::new(&loaded.manifest.posts).with_bodies(index))
                }))
            }
        });
        Blog {
            urls,
            manifest,
            want_full_text,
            full_text,
        }
    }

    pub fn urls(&self) -> Urls {
        self.urls.get_value()
    }

    /// Asks for the full-text index (loaded once).
    pub fn load_full_text(&self) {
        if !self.want_full_text.get_untracked() {
            self.want_full_text.set(true);
        }
    }

    /// The best search data available now: with full text once it has loaded.
    pub fn full_text(&self) -> Option<Arc<SearchData>> {
        self.full_text.get().flatten().and_then(Result::ok)
    }

    /// True while the full-text index is requested but not there yet.
    pub fn full_text_pending(&self) -> bool {
        self.want_full_text.get() && self.full_text.get().flatten().is_none()
    }

    /// The error, if loading the full-text index failed.
    pub fn full_text_error(&self) -> Option<FetchError> {
        self.full_text.get().flatten().and_then(Result::err)
    }

    pub fn retry_full_text(&self) {
        self.full_text.refetch();
    }
}

pub fn use_blog() -> Blog {
    expect_context::<Blog>()
}

/// Sets the document title (after render, so rendering itself stays free of browser calls).
pub fn set_document_title(title: impl Fn() -> String + 'static) {
    Effect::new(move |_| {
        let title = title();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });
}
