use blog_core::search::{highlight, Query};
use leptos::prelude::*;

/// Text with the parts that matched the search marked.
#[component]
pub fn Highlighted(text: String, query: Query) -> impl IntoView {
    highlight(&text, &query)
        .into_iter()
        .map(|s| {
            if s.matched {
                view! { <mark>{s.text}</mark> }.into_any()
            } else {
                s.text.into_any()
            }
        })
        .collect_view()
}
