use blog_core::head::{title, View};
use leptos::prelude::*;

use crate::state::{set_document_title, use_blog};

#[component]
pub fn NotFound() -> impl IntoView {
    let blog = use_blog();
    let home = blog.urls().home();
    let site = blog.chrome().site.title.clone();
    set_document_title(move || title(&site, View::NotFound));
    view! {
        <div class="wrap not-found">
            <h1>"Page not found"</h1>
            <p>"There is no page at this address. It may have moved, or the link may be mistyped."</p>
            <p>
                <a class="button" href=home>"Back to all posts"</a>
            </p>
        </div>
    }
}
