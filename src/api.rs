//! Data access: the only module that talks to the network.

use std::fmt;

use blog_core::model::{Manifest, SearchIndexFile};
use gloo_net::http::Request;
use serde::de::DeserializeOwned;
use web_sys::RequestCache;

/// Why something could not be loaded, in words a reader can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    pub what: &'static str,
    pub detail: String,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Could not load {}: {}.", self.what, self.detail)
    }
}

async fn get_text(url: &str, what: &'static str) -> Result<String, FetchError> {
    let err = |detail: String| FetchError { what, detail };
    // Revalidate with the server: versioned URLs stay cacheable, the manifest stays fresh.
    let response = Request::get(url)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|_| err("the network request failed".into()))?;
    if !response.ok() {
        return Err(err(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        )));
    }
    response
        .text()
        .await
        .map_err(|_| err("the response could not be read".into()))
}

async fn get_json<T: DeserializeOwned>(url: &str, what: &'static str) -> Result<T, FetchError> {
    let text = get_text(url, what).await?;
    serde_json::from_str(&text).map_err(|e| FetchError {
        what,
        detail: format!("it is not valid ({e})"),
    })
}

pub async fn manifest(url: String) -> Result<Manifest, FetchError> {
    get_json(&url, "the list of posts").await
}

pub async fn search_index(url: String) -> Result<SearchIndexFile, FetchError> {
    get_json(&url, "the search index").await
}

pub async fn post_body(url: String) -> Result<String, FetchError> {
    get_text(&url, "this post").await
}
