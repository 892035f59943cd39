pub mod categories;
pub mod load_error;
pub mod meta_line;
pub mod post_card;
pub mod search_box;
