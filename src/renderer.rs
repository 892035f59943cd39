//! Posts rendered in the browser, by blog-core's renderer running in a Web
//! Worker. The worker (and pulldown-cmark with it) loads the first time a post
//! is reached by client-side navigation: a visit that only reads prerendered
//! pages never downloads it.

use blog_core::markdown::{RenderRequest, RenderResponse};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::FetchError;
use crate::worker;

const WHAT: &str = "this post";

/// Starts the worker when the reader points at, or moves focus to, a link to
/// another post: by the click, it has usually loaded.
pub fn prepare_on_intent(url: String, posts_path: String) {
    let on_intent = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|a| a.get_attribute("href"));
        let here = web_sys::window().and_then(|w| w.location().pathname().ok());
        if let Some(href) = link {
            let path = href.split(['#', '?']).next().unwrap_or("");
            if path.starts_with(&posts_path) && here.as_deref() != Some(path) {
                worker::prepare(&url, WHAT);
            }
        }
    });
    if let Some(window) = web_sys::window() {
        for event in ["pointerover", "focusin"] {
            let _ =
                window.add_event_listener_with_callback(event, on_intent.as_ref().unchecked_ref());
        }
    }
    on_intent.forget();
}

/// The HTML of `request`'s body, rendered by the worker at `url` (started on first use).
pub async fn render(url: &str, request: RenderRequest) -> Result<String, FetchError> {
    let answer: RenderResponse = worker::ask(url, WHAT, &request).await?;
    Ok(answer.html)
}
