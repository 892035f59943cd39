//! The app shell and its routes, all in one place.

use blog_core::route::{Chrome, Page};
use blog_core::Urls;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

use crate::pages::listing::ListingPage;
use crate::pages::not_found::NotFound;
use crate::pages::post::PostPage;
use crate::state::{use_blog, Assets, Blog};

#[component]
pub fn App(
    /// The path the site is served under: `/` or e.g. `/blog/`.
    #[prop(into)]
    base: String,
    /// The site and its categories.
    chrome: Chrome,
    /// The workers' scripts and the search index, relative to the base.
    assets: Assets,
    /// The page this document was prerendered as (its data), if any.
    initial: Option<Page>,
) -> impl IntoView {
    let urls = Urls::new(&base);
    let router_base = urls.router_base().to_string();
    provide_context(Blog::new(urls, chrome, assets, initial));
    // Says the app has taken the page over (effects run in the browser only,
    // after hydration): for tests and tools that wait for it.
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-app", "ready");
        }
    });
    view! {
        <Router base=router_base>
            <SkipLink />
            <Header />
            <main id="main" tabindex="-1">
                <FlatRoutes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=ListingPage />
                    <Route path=path!("/category/:category") view=ListingPage />
                    <Route path=path!("/posts/*slug") view=PostPage />
                </FlatRoutes>
            </main>
            <Footer />
        </Router>
    }
}

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
    let chrome = blog.chrome();
    view! {
        <header class="site-header">
            <div class="wrap">
                <a class="site-title" href=blog.urls().home()>
                    {chrome.site.title.clone()}
                </a>
                <p class="tagline">{chrome.site.description.clone()}</p>
                <ThemeChoice />
            </div>
        </header>
    }
}

/// Light, dark, or the system's: the reader's choice. `public/site.js`
/// applies it before the first paint and runs this control, so it works
/// before the app has loaded; it is shown only where that script runs.
#[component]
fn ThemeChoice() -> impl IntoView {
    view! {
        <label class="theme">
            <span class="visually-hidden">"Theme"</span>
            <select id="theme-choice">
                <option value="system">"System theme"</option>
                <option value="light">"Light"</option>
                <option value="dark">"Dark"</option>
            </select>
        </label>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let urls = use_blog().urls();
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>
                    "Written in markdown, published as static pages. "
                    <a href=urls.feed(None)>"Atom feed"</a>
                </p>
            </div>
        </footer>
    }
}
