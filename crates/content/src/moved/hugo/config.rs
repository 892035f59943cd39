//! A Hugo site's configuration and layout, for `blog-content import`.

use std::path::Path;

use crate::moved::OldSite;

/// True when `root` is a Hugo site.
pub fn detect(_root: &Path) -> bool {
    false
}

/// Reads the Hugo site at `root`.
pub fn read(_root: &Path, _section: Option<&str>) -> Result<OldSite, String> {
    Err("not yet".into())
}
