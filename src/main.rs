use fault_lines::{base_path_from_document, App};
use leptos::prelude::*;

fn main() {
    // Panics go to the browser console with their message.
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    // The site's base path comes from `<base href>`, which Trunk fills from `--public-url`.
    let base = base_path_from_document();
    leptos::mount::mount_to_body(move || view! { <App base=base.clone() /> });
}
