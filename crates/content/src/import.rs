//! `blog-content import PATH`: copies a Jekyll, Hugo or Zola site in.
//!
//! Finds the generator by its config file, copies the posts unchanged into
//! `content/` (with the files beside them), the files the old site served at
//! its root into `static/`, and writes `site.toml` from the old config.

use std::path::PathBuf;

use crate::moved::Generator;

/// What to import, and where.
#[derive(Debug, Clone, Default)]
pub struct ImportArgs {
    /// The old site's folder.
    pub from: PathBuf,
    /// The folder that gets `content/`, `static/` and `site.toml`.
    pub into: PathBuf,
    /// The generator, when its config file does not tell.
    pub generator: Option<Generator>,
    /// The folder of posts, where the generator has several (Hugo's sections).
    pub section: Option<String>,
}

/// What was imported, and what could not be.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub lines: Vec<String>,
}

/// Imports the site.
pub fn import(_args: &ImportArgs) -> Result<Report, String> {
    Err("not yet".into())
}
