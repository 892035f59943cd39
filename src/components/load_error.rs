use leptos::prelude::*;

use crate::api::FetchError;

/// A failed load: what went wrong and a way to try again. Never a blank page.
#[component]
pub fn LoadError(error: FetchError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="wrap">
            <div class="load-error" role="alert">
                <h2>"Something went wrong"</h2>
                <p>{error.to_string()}</p>
                <p class="hint">"Check your connection, then try again."</p>
                <button type="button" class="button" on:click=move |_| on_retry.run(())>
                    "Retry"
                </button>
            </div>
        </div>
    }
}
