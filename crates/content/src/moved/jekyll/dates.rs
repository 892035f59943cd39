//! Dates as Jekyll reads them from front matter.

use crate::post::PostDate;

/// A front matter date as Jekyll reads it; `None` when Jekyll would not accept it.
pub fn parse(text: &str) -> Option<PostDate> {
    crate::post::parse_date(text).ok()
}
