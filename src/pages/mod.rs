pub mod listing;
pub mod not_found;
pub mod post;
