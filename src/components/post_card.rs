use blog_core::search::{Card, Marks};
use leptos::either::Either;
use leptos::prelude::*;

use crate::components::highlight::{Highlighted, Segments};
use crate::components::meta_line::MetaLine;
use crate::state::use_blog;

/// One post on the listing: date, category, reading time, title, and the
/// summary, or, for a search result, the passage of the post that matched.
#[component]
pub fn PostCard(card: Card, marks: Marks) -> impl IntoView {
    let urls = use_blog().urls();
    let Card { post, snippet } = card;
    let href = urls.post(&post.slug);
    let text = match snippet {
        Some(segments) => Either::Left(view! {
            <p class="summary snippet"><Segments segments=segments /></p>
        }),
        None => Either::Right(view! {
            <p class="summary"><Highlighted text=post.summary.clone() marks=marks.clone() /></p>
        }),
    };
    view! {
        <article class="card">
            <MetaLine post=post.clone() />
            <h2 class="card-title">
                <a href=href>
                    <Highlighted text=post.title.clone() marks=marks />
                </a>
            </h2>
            {text}
        </article>
    }
}
