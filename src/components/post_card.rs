use blog_core::search::{highlight_html, segments_html, Card, Marks};
use leptos::prelude::*;

use crate::components::meta_line::MetaLine;
use crate::state::use_blog;

/// One post on the listing: date, category, reading time, title, and the
/// summary, or, for a search result, the passage of the post that matched.
/// The title and the text are set as HTML (escaped, matches in `<mark>`): one
/// DOM update each when the search's marks change.
#[component]
pub fn PostCard(card: Card, marks: Marks) -> impl IntoView {
    let urls = use_blog().urls();
    let Card { post, snippet } = card;
    let href = urls.post(&post.slug);
    let (class, text) = match snippet {
        Some(segments) => ("summary snippet", segments_html(&segments)),
        None => ("summary", highlight_html(&post.summary, &marks)),
    };
    let title = highlight_html(&post.title, &marks);
    view! {
        <article class="card">
            <MetaLine post=post />
            <h2 class="card-title">
                <a href=href inner_html=title></a>
            </h2>
            <p class=class inner_html=text></p>
        </article>
    }
}
