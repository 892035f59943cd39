//! Dates as Hugo reads them from front matter.

use crate::post::PostDate;

/// A front matter date as Hugo reads it; `None` when Hugo would not accept it.
pub fn parse(text: &str) -> Option<PostDate> {
    crate::post::parse_date(text).ok()
}
