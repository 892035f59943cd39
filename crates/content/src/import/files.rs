//! Files of an old site, for `blog-content import`: walking a folder, telling
//! a post from a page by its front matter and name, and the one copy routine
//! the three generators share (bytes unchanged, paths kept).

use std::fs;
use std::path::{Path, PathBuf};

use crate::frontmatter::{self, Value};

/// Every file under `dir`, as `/`-separated paths relative to it, sorted.
/// Dot-files and dot-folders (`.git`, `.DS_Store`) are skipped.
pub fn files_under(dir: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    walk(dir, "", &mut out)?;
    out.sort();
    Ok(out)
}

fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
    for entry in read_dir(dir)? {
        let name = entry.file_name().to_string_lossy().to_string();
        if crate::site::is_hidden(&name) {
            continue;
        }
        let rel = join(prefix, &name);
        // A link is not followed: it may lead out of the site (or back into it).
        let kind = entry.file_type().map_err(|e| format!("{rel}: {e}"))?;
        if kind.is_dir() {
            walk(&entry.path(), &rel, out)?;
        } else if kind.is_file() {
            out.push(rel);
        }
    }
    Ok(())
}

/// The entries of `dir`, sorted by name; a clear sentence naming it on failure.
pub fn read_dir(dir: &Path) -> Result<Vec<fs::DirEntry>, String> {
    let entries =
        fs::read_dir(dir).map_err(|e| format!("{}: cannot read the folder: {e}", dir.display()))?;
    let mut entries: Vec<fs::DirEntry> = entries
        .collect::<Result<_, _>>()
        .map_err(|e| format!("{}: cannot read the folder: {e}", dir.display()))?;
    entries.sort_by_key(|e| e.file_name());
    Ok(entries)
}

/// `prefix/name`, or `name` when `prefix` is empty.
pub fn join(prefix: &str, name: &str) -> String {
    match prefix.trim_matches('/') {
        "" => name.to_string(),
        p => format!("{p}/{name}"),
    }
}

/// True when the file starts with a front matter fence (`---` or `+++`):
/// Jekyll renders such a file as a page; without one it copies it as is.
pub fn has_front_matter(path: &Path) -> bool {
    use std::io::Read;
    let mut start = [0u8; 8];
    let Ok(read) = fs::File::open(path).and_then(|mut f| f.read(&mut start)) else {
        return false;
    };
    let head = &start[..read];
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    ["---\n", "---\r\n", "+++\n", "+++\r\n"]
        .iter()
        .any(|fence| text.starts_with(fence.as_bytes()))
}

/// What a markdown file under an old content folder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markdown {
    /// A post: it has a date (front matter or file name).
    Post,
    /// A section's own page (`_index.md`): a list, not a post.
    SectionPage,
    /// A page without a date (`about.md`): not a post.
    Undated,
}

/// Tells a post from a section page or an undated page. A file whose front
/// matter cannot be read counts as a post: the build then names its problem.
pub fn classify(path: &Path, rel: &str) -> Markdown {
    if crate::site::is_section_page(rel) {
        return Markdown::SectionPage;
    }
    let (_, named) = crate::post::folders_and_name(rel);
    if has_date_prefix(named) || front_matter_has_date(path) {
        Markdown::Post
    } else {
        Markdown::Undated
    }
}

/// True for a name starting `YYYY-MM-DD-` (or `_`), as Jekyll's and Zola's posts are named.
pub fn has_date_prefix(name: &str) -> bool {
    crate::post::split_date_prefix(name).0.is_some()
}

fn front_matter_has_date(path: &Path) -> bool {
    let Ok(text) = fs::read_to_string(path) else {
        return true;
    };
    match frontmatter::parse(&text) {
        Ok(fm) => fm
            .entries
            .iter()
            .any(|e| e.key == "date" && !matches!(e.value.value, Value::Null)),
        Err(_) => true,
    }
}

/// One file to copy: from (absolute) to (relative to the destination folder).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    pub from: PathBuf,
    pub to: String,
}

/// Copies every file into `dest`, bytes unchanged, making folders as needed.
pub fn copy_all(copies: &[Copy], dest: &Path) -> Result<(), String> {
    for copy in copies {
        let to = dest.join(&copy.to);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("{}: cannot make the folder: {e}", parent.display()))?;
        }
        fs::copy(&copy.from, &to).map_err(|e| {
            format!(
                "{}: cannot copy to {}: {e}",
                copy.from.display(),
                to.display()
            )
        })?;
    }
    Ok(())
}

/// The copies of a file or of every file under a folder, to `to` (a path
/// relative to the destination; `""` for its root).
pub fn copies_of(from: &Path, to: &str) -> Result<Vec<Copy>, String> {
    if from.is_file() {
        let name = from
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().to_string());
        let to = if to.is_empty() { name } else { to.to_string() };
        return Ok(vec![Copy {
            from: from.to_path_buf(),
            to,
        }]);
    }
    Ok(files_under(from)?
        .into_iter()
        .map(|rel| Copy {
            from: from.join(&rel),
            to: join(to, &rel),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_prefixes_and_joins() {
        assert!(has_date_prefix("2022-03-04-name"));
        assert!(has_date_prefix("2022-03-04_name"));
        assert!(!has_date_prefix("2022-03-04"));
        assert!(!has_date_prefix("about"));
        assert_eq!(join("", "a.md"), "a.md");
        assert_eq!(join("blog/", "a.md"), "blog/a.md");
    }
}
