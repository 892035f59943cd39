use blog_core::search::{highlight, Marks, Segment};
use leptos::either::Either;
use leptos::prelude::*;

/// Text with the parts that matched the search marked.
#[component]
pub fn Highlighted(text: String, marks: Marks) -> impl IntoView {
    view! { <Segments segments=highlight(&text, &marks) /> }
}

/// Segments of text, the matched ones marked.
#[component]
pub fn Segments(segments: Vec<Segment>) -> impl IntoView {
    segments
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
