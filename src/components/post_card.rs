use blog_core::model::PostMeta;
use blog_core::search::Query;
use leptos::prelude::*;

use crate::components::highlight::Highlighted;
use crate::components::meta_line::MetaLine;
use crate::state::use_blog;

/// One post on the listing: date, category, reading time, title and summary.
#[component]
pub fn PostCard(post: PostMeta, query: Query) -> impl IntoView {
    let urls = use_blog().urls();
    let href = urls.post(&post.slug);
    view! {
        <article class="card">
            <MetaLine post=post.clone() />
            <h2 class="card-title">
                <a href=href>
                    <Highlighted text=post.title.clone() query=query.clone() />
                </a>
            </h2>
            <p class="summary">
                <Highlighted text=post.summary.clone() query=query />
            </p>
        </article>
    }
}
