//! Pure logic of the blog, shared by the browser app and the content build.
//!
//! Nothing here imports leptos or web-sys: every function takes plain data and
//! returns plain data, so all of it is tested with `cargo test` on the host.

pub mod aside;
pub mod dates;
pub mod head;
pub mod listing;
pub mod markdown;
pub mod model;
pub mod route;
pub mod sanitize;
pub mod search;
pub mod syntax;
pub mod text;
pub mod urls;

pub use model::{Manifest, PostMeta, Site};
pub use urls::Urls;
