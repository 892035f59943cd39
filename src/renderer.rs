//! Posts rendered in the browser, by blog-core's renderer running in a Web
//! Worker. The worker (and pulldown-cmark with it) loads the first time a post
//! is reached by client-side navigation: a visit that only reads prerendered
//! pages never downloads it.

use blog_core::markdown::{RenderRequest, RenderResponse};

use crate::api::FetchError;
use crate::worker;

/// The renderer, as failures name it.
pub const WHAT: &str = "this post";

/// The HTML of `request`'s body, rendered by the worker at `url` (started on first use).
pub async fn render(url: &str, request: RenderRequest) -> Result<String, FetchError> {
    let answer: RenderResponse = worker::ask(url, WHAT, &request).await?;
    Ok(answer.html)
}
