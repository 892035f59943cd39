//! `blog-content`: builds the blog's content for the browser app.
//!
//! ```text
//! blog-content build [--content DIR] [--site FILE] --out DIR [--drafts] [--now DATE]
//! blog-content check [--content DIR] [--site FILE] [--drafts] [--now DATE]
//! ```
//! The site's build runs the same steps, then renders every page: the app's
//! `prerender` binary, which Trunk runs after building the app.
//! Every problem is printed as `path:line: field: message`; any error exits with status 1.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use blog_content::build::{compile_content, BuildArgs};
use blog_content::site;

struct Args {
    command: String,
    build: BuildArgs,
    out: Option<PathBuf>,
}

const USAGE: &str = "usage: blog-content build|check [--content DIR] [--site FILE] [--out DIR] [--drafts] [--now YYYY-MM-DD]";

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let command = args.next().ok_or(USAGE)?;
    let mut parsed = Args {
        command,
        build: BuildArgs::default(),
        out: None,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--content" => parsed.build.content = value("--content")?.into(),
            "--site" => parsed.build.site = value("--site")?.into(),
            "--out" => parsed.out = Some(value("--out")?.into()),
            "--now" => parsed.build.now = Some(value("--now")?),
            "--drafts" => parsed.build.drafts = true,
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    Ok(parsed)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    if !matches!(args.command.as_str(), "build" | "check") {
        return Err(format!("unknown command `{}`\n{USAGE}", args.command));
    }
    let started = Instant::now();
    let (compiled, _) = compile_content(&args.build)?;
    if let Some(out) = &args.out {
        if args.command != "check" {
            site::write(&compiled, &args.build.content, out)
                .map_err(|e| format!("{}: {e}", out.display()))?;
        }
    }
    eprintln!(
        "blog-content: {} posts ({} drafts or future posts {}), manifest {:.1} KB, search index {:.1} KB compressed, {} files, in {} ms",
        compiled.manifest.posts.len(),
        compiled.left_out,
        if args.build.drafts { "shown" } else { "left out" },
        compiled.manifest_json.len() as f64 / 1024.0,
        compiled.search.size() as f64 / 1024.0,
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
