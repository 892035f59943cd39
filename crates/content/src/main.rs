//! `blog-content`: builds the blog's content for the browser app.
//!
//! ```text
//! blog-content build [--content DIR] [--site FILE] --out DIR [--drafts] [--now DATE]
//! blog-content check [--content DIR] [--site FILE] [--drafts] [--now DATE]
//! blog-content trunk            (as a Trunk pre-build hook: writes into $TRUNK_STAGING_DIR;
//!                                drafts are kept unless $TRUNK_PROFILE is `release`)
//! ```
//! Every problem is printed as `path:line: field: message`; any error exits with status 1.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use blog_content::post::parse_date;
use blog_content::site::{self, Options};
use blog_core::model::Site;

struct Args {
    command: String,
    content: PathBuf,
    site: PathBuf,
    out: Option<PathBuf>,
    drafts: bool,
    now: Option<String>,
}

const USAGE: &str = "usage: blog-content build|check|trunk [--content DIR] [--site FILE] [--out DIR] [--drafts] [--now YYYY-MM-DD]";

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let command = args.next().ok_or(USAGE)?;
    let mut parsed = Args {
        command,
        content: PathBuf::from("content"),
        site: PathBuf::from("site.toml"),
        out: None,
        drafts: false,
        now: None,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--content" => parsed.content = value("--content")?.into(),
            "--site" => parsed.site = value("--site")?.into(),
            "--out" => parsed.out = Some(value("--out")?.into()),
            "--now" => parsed.now = Some(value("--now")?),
            "--drafts" => parsed.drafts = true,
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    Ok(parsed)
}

fn read_site(path: &Path) -> Result<Site, String> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct SiteFile {
        title: String,
        #[serde(default)]
        description: String,
    }
    if !path.exists() {
        return Ok(Site {
            title: "Blog".into(),
            description: String::new(),
        });
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file: SiteFile = toml::from_str(&text).map_err(|e| {
        let line = e.span().map_or(1, |s| text[..s.start].matches('\n').count() + 1);
        format!("{}:{line}: site: {} (expected `title = \"...\"` and optionally `description = \"...\"`)", path.display(), e.message().trim())
    })?;
    Ok(Site {
        title: file.title,
        description: file.description,
    })
}

fn run() -> Result<(), String> {
    let mut args = parse_args()?;
    if args.command == "trunk" {
        let staging = std::env::var_os("TRUNK_STAGING_DIR")
            .ok_or("`trunk` runs as a Trunk hook: TRUNK_STAGING_DIR is not set")?;
        args.out = Some(staging.into());
        args.drafts = std::env::var("TRUNK_PROFILE").map_or(true, |p| p != "release");
    } else if !matches!(args.command.as_str(), "build" | "check") {
        return Err(format!("unknown command `{}`\n{USAGE}", args.command));
    }
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
    let started = Instant::now();
    let files =
        site::load(&args.content).map_err(|e| format!("{}: {e}", args.content.display()))?;
    let opts = Options {
        display_dir: args
            .content
            .to_string_lossy()
            .trim_end_matches('/')
            .to_string(),
        include_drafts: args.drafts,
        now,
        site: read_site(&args.site)?,
    };
    let compiled = match site::compile(&files, &opts) {
        Ok(c) => c,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            let files: std::collections::BTreeSet<&str> =
                errors.iter().map(|e| e.path.as_str()).collect();
            return Err(format!(
                "{} error{} in {} file{}: the content build stopped",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" },
                files.len(),
                if files.len() == 1 { "" } else { "s" }
            ));
        }
    };
    for w in &compiled.warnings {
        eprintln!("{w}");
    }
    if let Some(out) = &args.out {
        if args.command != "check" {
            site::write(&compiled, &args.content, out)
                .map_err(|e| format!("{}: {e}", out.display()))?;
        }
    }
    eprintln!(
        "blog-content: {} posts ({} drafts or future posts {}), manifest {:.1} KB, search index {:.1} KB, {} files, in {} ms",
        compiled.manifest.posts.len(),
        compiled.left_out,
        if args.drafts { "shown" } else { "left out" },
        compiled.manifest_json.len() as f64 / 1024.0,
        compiled.index_json.len() as f64 / 1024.0,
        compiled.assets.len(),
        started.elapsed().as_millis()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
