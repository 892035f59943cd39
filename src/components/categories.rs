use blog_core::listing::CategoryCount;
use leptos::prelude::*;

use crate::state::use_blog;

/// A search's results in all categories, and per category slug; `None` when
/// there is no search.
pub type SearchCounts = Option<(usize, Vec<(String, usize)>)>;

/// "All" plus each category with its count (of posts, or, during a search, of
/// results); the active one is marked with `aria-current`.
#[component]
pub fn CategoryNav(
    categories: Vec<CategoryCount>,
    total: usize,
    active: Memo<Option<String>>,
    /// The search in the URL: each choice keeps it. (Not the field's text:
    /// these links need not change on every keystroke. The URL follows the
    /// field once typing pauses, and before a click or Tab leaves the field.)
    query: Memo<String>,
    /// The search's results in all categories and per category slug, during a search.
    counts: Memo<SearchCounts>,
) -> impl IntoView {
    let count_of = move |slug: Option<&str>, posts: usize| {
        counts.with(|c| match (c, slug) {
            (None, _) => posts,
            (Some((all, _)), None) => *all,
            (Some((_, per)), Some(slug)) => {
                per.iter().find(|(s, _)| s == slug).map_or(0, |(_, n)| *n)
            }
        })
    };
    let urls = use_blog().urls();
    let all_urls = urls.clone();
    let all_href = move || all_urls.listing(None, &query.get());
    let current = move |slug: Option<&str>| (active.get().as_deref() == slug).then_some("page");
    view! {
        <nav class="categories" aria-label="Categories">
            <ul>
                <li>
                    <a href=all_href aria-current=move || current(None)>
                        "All" <span class="count">{move || count_of(None, total)}</span>
                    </a>
                </li>
                {categories
                    .into_iter()
                    .map(|c| {
                        let urls = urls.clone();
                        let slug = c.slug.clone();
                        let href = move || urls.listing(Some(&slug), &query.get());
                        let slug = c.slug.clone();
                        let count_slug = c.slug.clone();
                        let posts = c.count;
                        view! {
                            <li>
                                <a href=href aria-current=move || current(Some(&slug))>
                                    {c.name} <span class="count">{move || count_of(Some(&count_slug), posts)}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
