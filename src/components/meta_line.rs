use blog_core::dates::display_date;
use blog_core::model::PostMeta;
use leptos::prelude::*;

use crate::state::use_blog;

/// Date · category (a link to its filter) · reading time, and a Draft badge in development.
#[component]
pub fn MetaLine(post: PostMeta) -> impl IntoView {
    let urls = use_blog().urls();
    let category = post
        .category
        .clone()
        .zip(post.category_slug())
        .map(|(name, slug)| {
            let href = urls.category(&slug);
            view! {
                <span aria-hidden="true">" · "</span>
                <a class="category" href=href>{name}</a>
            }
        });
    view! {
        <p class="meta">
            <time datetime=post.date.clone()>{display_date(&post.date)}</time>
            {category}
            <span aria-hidden="true">" · "</span>
            <span>{format!("{} min read", post.reading_minutes)}</span>
            {post.draft.then(|| view! { <span class="badge">"Draft"</span> })}
        </p>
    }
}
