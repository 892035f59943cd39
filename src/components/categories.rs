use blog_core::listing::CategoryCount;
use leptos::prelude::*;

use crate::state::use_blog;

/// "All" plus each category with its count; the active one is marked with `aria-current`.
#[component]
pub fn CategoryNav(
    categories: Vec<CategoryCount>,
    total: usize,
    active: Memo<Option<String>>,
    query: RwSignal<String>,
) -> impl IntoView {
    let urls = use_blog().urls();
    let all_urls = urls.clone();
    let all_href = move || all_urls.listing(None, &query.get());
    let current = move |slug: Option<&str>| (active.get().as_deref() == slug).then_some("page");
    view! {
        <nav class="categories" aria-label="Categories">
            <ul>
                <li>
                    <a href=all_href aria-current=move || current(None)>
                        "All" <span class="count">{total}</span>
                    </a>
                </li>
                {categories
                    .into_iter()
                    .map(|c| {
                        let urls = urls.clone();
                        let slug = c.slug.clone();
                        let href = move || urls.listing(Some(&slug), &query.get());
                        let slug = c.slug.clone();
                        view! {
                            <li>
                                <a href=href aria-current=move || current(Some(&slug))>
                                    {c.name} <span class="count">{c.count}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
