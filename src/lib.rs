//! The blog's Leptos app. Every route is prerendered to HTML on the host (the
//! `prerender` binary, feature `ssr`) by these components, and the browser
//! hydrates it (feature `hydrate`). All logic lives in `blog-core`; components
//! here only wire it to the page.

#![recursion_limit = "256"]

mod api;
mod app;
mod components;
mod pages;
mod renderer;
mod state;
mod worker;

#[cfg(feature = "ssr")]
pub mod prerender;

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests;

pub use app::App;
pub use state::Assets;

/// Starts the app in the browser. A page that was prerendered for this very
/// address is hydrated: the app takes over the HTML that is there. Any other
/// (`404.html` answering an unknown address, or a host that answers every path
/// with the same file) is rendered afresh from the site data the page carries.
pub fn start() {
    use blog_core::route::Page;
    use leptos::prelude::*;

    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // The site's base path comes from `<base href>`, which Trunk fills from `--public-url`.
    let base = document
        .base_uri()
        .ok()
        .flatten()
        .map(|uri| blog_core::urls::path_of(&uri).to_string())
        .unwrap_or_else(|| "/".to_string());
    let Some(data) = api::page_data(&document) else {
        return;
    };
    let here = document.location().and_then(|l| l.pathname().ok());
    let same_page = here.is_some_and(|path| {
        blog_core::urls::percent_decode(path.trim_end_matches('/'))
            == blog_core::urls::percent_decode(data.path.trim_end_matches('/'))
    });
    let assets = Assets::of(&data);
    let mut page = data.page;
    if same_page {
        // The body is in the page already: keep it, rather than render it again.
        if let Page::Post(post) = &mut page {
            post.body_html = document
                .query_selector("[data-post-body]")
                .ok()
                .flatten()
                .map(|el| el.inner_html());
        }
    }
    let chrome = data.chrome;
    #[cfg(feature = "hydrate")]
    if same_page && !matches!(page, Page::NotFound) {
        leptos::mount::hydrate_body(move || {
            view! { <App base=base chrome=chrome assets=assets initial=Some(page) /> }
        });
        return;
    }
    // Rendered afresh in the same task, so nothing is painted in between. On
    // the not-found page, the app learns from it that there is nothing here.
    let initial = matches!(page, Page::NotFound).then_some(page);
    if let Some(body) = document.body() {
        body.set_inner_html("");
    }
    leptos::mount::mount_to_body(
        move || view! { <App base=base chrome=chrome assets=assets initial=initial /> },
    );
}
