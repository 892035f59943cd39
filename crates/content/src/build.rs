//! One run of the content build, as both command-line tools make it: read the
//! folder and `site.toml`, check every post, and report every problem.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::config::{read_site, SiteConfig};
use crate::post::parse_date;
use crate::site::{self, Compiled, Options};
use crate::timings::Timings;

#[derive(Debug, Clone)]
pub struct BuildArgs {
    pub content: PathBuf,
    pub site: PathBuf,
    /// Keep drafts and future-dated posts.
    pub drafts: bool,
    /// "Now", as a date; the clock when `None`.
    pub now: Option<String>,
    /// The path the site is served under (`/`, `/blog/`): bodies are rendered for it.
    pub base: String,
}

impl Default for BuildArgs {
    fn default() -> Self {
        BuildArgs {
            content: PathBuf::from("content"),
            site: PathBuf::from("site.toml"),
            drafts: false,
            now: None,
            base: "/".into(),
        }
    }
}

/// Checks and compiles the content. Every error and warning is printed to
/// stderr; any error makes this fail with a summary line.
pub fn compile_content(args: &BuildArgs) -> Result<(Compiled, SiteConfig), String> {
    let now = match &args.now {
        Some(text) => {
            parse_date(text)
                .map_err(|e| format!("--now: {e}"))?
                .timestamp
        }
        None => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64),
    };
    let mut read = Timings::default();
    let config = read_site(&args.site)?;
    let files =
        site::load(&args.content).map_err(|e| format!("{}: {e}", args.content.display()))?;
    read.done("read");
    let opts = Options {
        display_dir: args
            .content
            .to_string_lossy()
            .trim_end_matches('/')
            .to_string(),
        include_drafts: args.drafts,
        static_files: site::static_files(config.static_dir.as_deref())
            .map_err(|e| format!("static folder: {e}"))?,
        base: args.base.clone(),
        ..Options::new(&config, now)
    };
    match site::compile(&files, &opts) {
        Ok(mut compiled) => {
            read.extend(&compiled.timings);
            compiled.timings = read;
            for w in &compiled.warnings {
                eprintln!("{w}");
            }
            if let Some(line) = count_by_kind(&compiled.warnings) {
                eprintln!("{line}");
            }
            Ok((compiled, config))
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            let files: BTreeSet<&str> = errors.iter().map(|e| e.path.as_str()).collect();
            Err(format!(
                "{} error{} in {} file{}: the content build stopped",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" },
                files.len(),
                if files.len() == 1 { "" } else { "s" }
            ))
        }
    }
}

/// One line counting warnings by kind, most first: `warning: 14 warnings:
/// 9 unknown field, 3 link, 2 shortcode`; `None` without warnings.
pub fn count_by_kind(warnings: &[crate::Diagnostic]) -> Option<String> {
    if warnings.is_empty() {
        return None;
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for w in warnings {
        match counts.iter_mut().find(|(k, _)| *k == w.kind()) {
            Some((_, n)) => *n += 1,
            None => counts.push((w.kind(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let kinds: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let n = warnings.len();
    Some(format!(
        "warning: {n} warning{}: {}",
        if n == 1 { "" } else { "s" },
        kinds.join(", ")
    ))
}
