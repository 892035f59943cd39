use blog_core::search::{highlight, Query};
use leptos::either::Either;
use leptos::prelude::*;

/// Text with the parts that matched the search marked.
#[component]
pub fn Highlighted(text: String, query: Query) -> impl IntoView {
    highlight(&text, &query)
        .into_iter()
        .map(|s| {
            if s.matched {
                Either::Left(view! { <mark>{s.text}</mark> })
            } else {
                Either::Right(s.text)
            }
        })
        .collect_view()
}
