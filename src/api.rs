//! Data access in the browser: the only module that talks to the network or
//! reads data out of the page.
//!
//! JSON is parsed by the browser (`JSON.parse`) and read into blog-core's serde
//! types with serde-wasm-bindgen: one schema for the content build that writes
//! the files and the app that reads them, and no JSON parser in the wasm.

use std::fmt;

use blog_core::model::PostMeta;
use blog_core::route::{Page, PageData};
use gloo_net::http::Request;
use js_sys::JSON;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;
use web_sys::RequestCache;

/// The id of the `<script type="application/json">` element holding a
/// prerendered page's data.
pub const PAGE_DATA_ID: &str = "page-data";

/// Why something could not be loaded, in words a reader can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    pub what: &'static str,
    pub detail: String,
    /// The HTTP status, when the server answered with an error.
    pub status: Option<u16>,
}

impl FetchError {
    pub fn new(what: &'static str, detail: impl Into<String>) -> Self {
        FetchError {
            what,
            detail: detail.into(),
            status: None,
        }
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Could not load {}: {}.", self.what, self.detail)
    }
}

async fn get_text(url: &str, what: &'static str) -> Result<String, FetchError> {
    let err = |detail: String| FetchError::new(what, detail);
    // Revalidate with the server: a page's data stays fresh after a new build.
    let response = Request::get(url)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|_| err("the network request failed".into()))?;
    if !response.ok() {
        return Err(FetchError {
            status: Some(response.status()),
            ..err(format!(
                "the server answered {} {}",
                response.status(),
                response.status_text()
            ))
        });
    }
    response
        .text()
        .await
        .map_err(|_| err("the response could not be read".into()))
}

/// Reads JSON text into `T`, the browser doing the parsing.
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = JSON::parse(text).map_err(|_| "not JSON".to_string())?;
    read(value)
}

/// Reads a value the browser parsed into `T`.
pub fn read<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

async fn get_json<T: DeserializeOwned>(url: &str, what: &'static str) -> Result<T, FetchError> {
    let text = get_text(url, what).await?;
    parse_json(&text).map_err(|detail| FetchError::new(what, format!("it is not valid ({detail})")))
}

/// The data of the page at `url` (its `data.json`), for client-side
/// navigation; `None` if the host has no such page (404). `what` names the
/// page in messages ("this post").
pub async fn page(url: String, what: &'static str) -> Result<Option<Page>, FetchError> {
    match get_json(&url, what).await {
        Err(e) if e.status == Some(404) => Ok(None),
        other => other.map(Some),
    }
}

/// A further page of a listing's cards.
pub async fn cards(url: String) -> Result<Vec<PostMeta>, FetchError> {
    get_json(&url, "more posts").await
}

/// The data the page was prerendered from, if it carries any.
pub fn page_data(document: &web_sys::Document) -> Option<PageData> {
    let text = document.get_element_by_id(PAGE_DATA_ID)?.text_content()?;
    match parse_json(&text) {
        Ok(data) => Some(data),
        Err(e) => {
            web_sys::console::error_1(&format!("the page's data is not valid: {e}").into());
            None
        }
    }
}
