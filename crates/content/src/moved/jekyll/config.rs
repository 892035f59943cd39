//! A Jekyll site's configuration and layout, for `blog-content import`.

use std::path::Path;

use crate::moved::OldSite;

/// True when `root` is a Jekyll site.
pub fn detect(_root: &Path) -> bool {
    false
}

/// Reads the Jekyll site at `root`.
pub fn read(_root: &Path, _section: Option<&str>) -> Result<OldSite, String> {
    Err("not yet".into())
}
