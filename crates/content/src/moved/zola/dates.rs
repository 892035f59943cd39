//! Dates as Zola reads them from front matter.

use crate::post::PostDate;

/// A front matter date as Zola reads it; `None` when Zola would not accept it.
pub fn parse(text: &str) -> Option<PostDate> {
    crate::post::parse_date(text).ok()
}
