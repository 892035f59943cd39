use leptos::ev;
use leptos::html::Input;
use leptos::prelude::*;

/// The search field's id (its label's `for`; pointing at the field or focusing
/// it starts the search worker).
pub const SEARCH_INPUT_ID: &str = "search-input";

/// The search field. `/` anywhere on the page focuses it; Esc clears it;
/// `on_leave` runs when it loses focus.
///
/// On a prerendered page the field works before the app starts: what a reader
/// typed by then is kept when the app takes over, and searched for.
#[component]
pub fn SearchBox(
    value: RwSignal<String>,
    on_change: impl Fn(String) + Clone + 'static,
    on_leave: impl Fn() + 'static,
) -> impl IntoView {
    let input: NodeRef<Input> = NodeRef::new();

    // Registered after render, so that rendering stays free of browser calls.
    Effect::new(move |_| {
        let handle = window_event_listener(ev::keydown, move |ev| {
            if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            let typing = ev
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .map(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        || el.has_attribute("contenteditable")
                })
                .unwrap_or(false);
            if !typing {
                if let Some(input) = input.get_untracked() {
                    ev.prevent_default();
                    let _ = input.focus();
                }
            }
        });
        on_cleanup(move || handle.remove());
    });

    // The field shows the value when it changes from outside (a link, back,
    // Esc); typing changes both at once, and the field is left alone then.
    // Hydrating leaves text typed before the app started in place.
    let hydrated = StoredValue::new(false);
    Effect::new(move |_| {
        let v = value.get();
        let first = !hydrated.get_value();
        hydrated.set_value(true);
        if let Some(input) = input.get_untracked() {
            if (!first || !v.is_empty()) && input.value() != v {
                input.set_value(&v);
            }
        }
    });
    // Text typed before the app started counts as typed now.
    let typed_early = on_change.clone();
    Effect::new(move |_| {
        if let Some(input) = input.get_untracked() {
            let early = input.value();
            if !early.is_empty() && early != value.get_untracked() {
                typed_early(early);
            }
        }
    });

    let changed = on_change.clone();
    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for=SEARCH_INPUT_ID class="visually-hidden">"Search posts"</label>
            <input
                id=SEARCH_INPUT_ID
                node_ref=input
                type="search"
                placeholder="Search posts"
                autocomplete="off"
                spellcheck="false"
                aria-keyshortcuts="/"
                on:input=move |ev| changed(event_target_value(&ev))
                on:blur=move |_| on_leave()
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        on_change(String::new());
                    }
                }
            />
            <kbd class="search-hint" aria-hidden="true">"/"</kbd>
        </form>
    }
}
