use fault_lines::{base_path_from_document, App};
use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    // The site's base path comes from `<base href>`, which Trunk fills from `--public-url`.
    let base = base_path_from_document();
    leptos::mount::mount_to_body(move || view! { <App base=base.clone() /> });
}
