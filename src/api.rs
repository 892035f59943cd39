//! Data access: the only module that talks to the network.
//!
//! JSON is parsed by the browser (`JSON.parse`) and read field by field here:
//! that keeps a JSON parser and serde's generated code out of the shipped wasm.
//! The host side writes the same files with serde (blog-core's model); a browser
//! test checks that both agree.

use std::fmt;

use blog_core::model::{IndexedBody, Manifest, PostMeta, SearchIndexFile, Site};
use gloo_net::http::Request;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::JsValue;
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

async fn get_json<T>(
    url: &str,
    what: &'static str,
    read: fn(&JsValue) -> Result<T, String>,
) -> Result<T, FetchError> {
    let text = get_text(url, what).await?;
    let invalid = |detail: String| FetchError {
        what,
        detail: format!("it is not valid ({detail})"),
    };
    let value = JSON::parse(&text).map_err(|_| invalid("not JSON".into()))?;
    read(&value).map_err(invalid)
}

pub async fn manifest(url: String) -> Result<Manifest, FetchError> {
    get_json(&url, "the list of posts", read_manifest).await
}

pub async fn search_index(url: String) -> Result<SearchIndexFile, FetchError> {
    get_json(&url, "the search index", read_search_index).await
}

pub async fn post_body(url: String) -> Result<String, FetchError> {
    get_text(&url, "this post").await
}

fn field(obj: &JsValue, name: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn text(obj: &JsValue, name: &str) -> Result<String, String> {
    field(obj, name)
        .as_string()
        .ok_or_else(|| format!("`{name}` is missing or not a string"))
}

fn optional_text(obj: &JsValue, name: &str) -> Option<String> {
    field(obj, name).as_string()
}

fn list<T>(
    obj: &JsValue,
    name: &str,
    read: impl Fn(&JsValue) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    let value = field(obj, name);
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !Array::is_array(&value) {
        return Err(format!("`{name}` is not a list"));
    }
    Array::from(&value).iter().map(|item| read(&item)).collect()
}

fn string_item(value: &JsValue) -> Result<String, String> {
    value
        .as_string()
        .ok_or_else(|| "a list item is not a string".to_string())
}

fn read_post(value: &JsValue) -> Result<PostMeta, String> {
    let number = |name: &str| {
        field(value, name)
            .as_f64()
            .ok_or_else(|| format!("`{name}` is not a number"))
    };
    Ok(PostMeta {
        slug: text(value, "slug")?,
        title: text(value, "title")?,
        date: text(value, "date")?,
        timestamp: number("timestamp")? as i64,
        updated: optional_text(value, "updated"),
        category: optional_text(value, "category"),
        tags: list(value, "tags", string_item)?,
        authors: list(value, "authors", string_item)?,
        summary: text(value, "summary")?,
        reading_minutes: number("reading_minutes")? as u32,
        source: text(value, "source")?,
        version: text(value, "version")?,
        draft: field(value, "draft").as_bool().unwrap_or(false),
    })
}

/// Reads `manifest.json` as parsed by the browser.
pub fn read_manifest(value: &JsValue) -> Result<Manifest, String> {
    let site = field(value, "site");
    Ok(Manifest {
        site: Site {
            title: text(&site, "title")?,
            description: optional_text(&site, "description").unwrap_or_default(),
        },
        posts: list(value, "posts", read_post)?,
        search_index: text(value, "search_index")?,
    })
}

/// Reads `search-index.json` as parsed by the browser.
pub fn read_search_index(value: &JsValue) -> Result<SearchIndexFile, String> {
    Ok(SearchIndexFile {
        posts: list(value, "posts", |item| {
            Ok(IndexedBody {
                slug: text(item, "slug")?,
                words: text(item, "words")?,
            })
        })?,
    })
}
