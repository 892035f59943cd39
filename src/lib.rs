//! The browser app: a Leptos (client-side rendered) blog reading the manifest
//! and posts written by the content build. All logic lives in `blog-core`;
//! components here only wire it to the page.

mod api;
mod app;
mod components;
mod pages;
mod state;

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests;

pub use app::App;

/// The path the site is served under, read from the document's `<base href>`
/// (Trunk writes it from `--public-url`): `/` at a domain root, `/blog/` in a subfolder.
pub fn base_path_from_document() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .map(|uri| blog_core::urls::path_of(&uri).to_string())
        .unwrap_or_else(|| "/".to_string())
}
