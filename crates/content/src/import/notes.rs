//! The lines `blog-content import` prints about what it leaves behind, shared
//! by the three generators' readers: folders of templates, themes and data
//! that this blog does not use, each said once with the reason.

use std::path::{Path, PathBuf};

/// `not imported: <folder>/: <why>` for each folder that `root` has.
pub fn folders_left(root: &Path, folders: &[(&str, &str)]) -> Vec<String> {
    folders
        .iter()
        .filter(|(folder, _)| root.join(folder).is_dir())
        .map(|(folder, why)| format!("not imported: {folder}/: {why}"))
        .collect()
}

/// The line for the theme a site names, if it names one.
pub fn theme_left(theme: Option<String>) -> Option<String> {
    theme.map(|t| format!("not imported: the theme `{t}` (this blog has its own look)"))
}

/// The first of `names` that is a file under `root`.
pub fn first_file(root: &Path, names: &[&str]) -> Option<PathBuf> {
    names.iter().map(|n| root.join(n)).find(|p| p.is_file())
}

/// `text`, or `none` when it is empty.
pub fn or_none(text: &str) -> &str {
    if text.is_empty() {
        "none"
    } else {
        text
    }
}
