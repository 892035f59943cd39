//! The app shell and its routes, all in one place.

use blog_core::Urls;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

use crate::components::load_error::LoadError;
use crate::pages::listing::ListingPage;
use crate::pages::not_found::NotFound;
use crate::pages::post::PostPage;
use crate::state::{use_blog, Blog};

#[component]
pub fn App(
    /// The path the site is served under: `/` or e.g. `/blog/`.
    #[prop(into)]
    base: String,
) -> impl IntoView {
    let urls = Urls::new(&base);
    let router_base = urls.router_base().to_string();
    provide_context(Blog::new(urls));
    view! {
        <Router base=router_base>
            <SkipLink />
            <Header />
            <main id="main" tabindex="-1">
                <Site />
            </main>
            <Footer />
        </Router>
    }
}

/// Waits for the manifest, then shows the routed page.
#[component]
fn Site() -> impl IntoView {
    let blog = use_blog();
    move || match blog.manifest() {
        None => view! { <ListingSkeleton /> }.into_any(),
        Some(Err(error)) => view! {
            <LoadError error=error on_retry=move || blog.load_manifest() />
        }
        .into_any(),
        Some(Ok(_)) => view! {
            <FlatRoutes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/") view=ListingPage />
                <Route path=path!("/category/:category") view=ListingPage />
                <Route path=path!("/posts/:slug") view=PostPage />
            </FlatRoutes>
        }
        .into_any(),
    }
}

/// Moves focus to the main content (a plain `#main` link would leave the
/// page, because the document's base is the site root).
/// Moves focus to the main content. The click is handled here: a plain `#main`
/// link would leave the page, because the document's base is the site root.
#[component]
fn SkipLink() -> impl IntoView {
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=|ev| {
                ev.prevent_default();
                if let Some(main) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("main"))
                {
                    let main: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(main);
                    let _ = main.focus();
                }
            }
        >
            "Skip to content"
        </a>
    }
}

#[component]
fn Header() -> impl IntoView {
    let blog = use_blog();
    let home = blog.urls().home();
    let site = move || blog.loaded().map(|l| l.manifest.site.clone());
    view! {
        <header class="site-header">
            <div class="wrap">
                <a class="site-title" href=home>
                    {move || site().map(|s| s.title).unwrap_or_default()}
                </a>
                <p class="tagline">{move || site().map(|s| s.description).unwrap_or_default()}</p>
            </div>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>"Written in markdown, rendered in your browser."</p>
            </div>
        </footer>
    }
}

#[component]
fn ListingSkeleton() -> impl IntoView {
    view! {
        <div class="wrap" aria-busy="true">
            <p class="visually-hidden" role="status">"Loading posts…"</p>
            <div class="skeleton skeleton-line wide"></div>
            <div class="skeleton skeleton-card"></div>
            <div class="skeleton skeleton-card"></div>
            <div class="skeleton skeleton-card"></div>
        </div>
    }
}
