use blog_core::dates::display_date;
use blog_core::model::PostMeta;
use blog_core::search::Query;
use leptos::prelude::*;

use crate::components::highlight::Highlighted;
use crate::state::use_blog;

/// One post on the listing: date, category, reading time, title and summary.
#[component]
pub fn PostCard(post: PostMeta, query: Query) -> impl IntoView {
    let urls = use_blog().urls();
    let href = urls.post(&post.slug);
    let category = post.category.clone().map(|name| {
        let href = urls.category(&blog_core::text::slugify(&name));
        view! {
            <span aria-hidden="true">" · "</span>
            <a class="category" href=href>{name}</a>
        }
    });
    view! {
        <article class="card">
            <p class="meta">
                <time datetime=post.date.clone()>{display_date(&post.date)}</time>
                {category}
                <span aria-hidden="true">" · "</span>
                <span>{format!("{} min read", post.reading_minutes)}</span>
                {post.draft.then(|| view! { <span class="badge">"Draft"</span> })}
            </p>
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
