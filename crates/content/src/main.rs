//! `blog-content`: builds the blog's content for the browser app, and moves
//! a Jekyll, Hugo or Zola site in.
//!
//! ```text
//! blog-content build [--content DIR] [--site FILE] --out DIR [--drafts] [--now DATE]
//! blog-content check [--content DIR] [--site FILE] [--drafts] [--now DATE]
//! blog-content import PATH [--into DIR] [--generator jekyll|hugo|zola] [--section NAME]
//! ```
//! The site's build runs the same steps, then renders every page: the app's
//! `prerender` binary, which Trunk runs after building the app.
//! Every problem is printed as `path:line: field: message`; any error exits with status 1.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use blog_content::build::{compile_content, BuildArgs};
use blog_content::import::{import, ImportArgs};
use blog_content::moved::Generator;
use blog_content::site;

enum Command {
    Build {
        build: BuildArgs,
        out: Option<PathBuf>,
        check: bool,
    },
    Import(ImportArgs),
}

const USAGE: &str = "usage: blog-content build|check [--content DIR] [--site FILE] [--out DIR] [--drafts] [--now YYYY-MM-DD]\n       blog-content import PATH [--into DIR] [--generator jekyll|hugo|zola] [--section NAME]";

fn parse_args() -> Result<Command, String> {
    use lexopt::ValueExt;
    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next().map_err(usage)? {
        Some(lexopt::Arg::Value(c)) => c.string().map_err(usage)?,
        _ => return Err(USAGE.into()),
    };
    match command.as_str() {
        "build" | "check" => parse_build(&mut parser, command == "check"),
        "import" => parse_import(&mut parser),
        other => Err(format!("unknown command `{other}`\n{USAGE}")),
    }
}

fn usage(e: impl std::fmt::Display) -> String {
    format!("{e}\n{USAGE}")
}

fn parse_build(parser: &mut lexopt::Parser, check: bool) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut build = BuildArgs::default();
    let mut out = None;
    while let Some(arg) = parser.next().map_err(usage)? {
        match arg {
            Long("content") => build.content = parser.value().map_err(usage)?.into(),
            Long("site") => build.site = parser.value().map_err(usage)?.into(),
            Long("out") => out = Some(parser.value().map_err(usage)?.into()),
            Long("now") => {
                build.now = Some(parser.value().map_err(usage)?.string().map_err(usage)?)
            }
            Long("drafts") => build.drafts = true,
            other => return Err(usage(other.unexpected())),
        }
    }
    Ok(Command::Build { build, out, check })
}

fn parse_import(parser: &mut lexopt::Parser) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut args = ImportArgs {
        into: PathBuf::from("."),
        ..ImportArgs::default()
    };
    let mut from = None;
    while let Some(arg) = parser.next().map_err(usage)? {
        match arg {
            Value(path) if from.is_none() => from = Some(PathBuf::from(path)),
            Long("into") => args.into = parser.value().map_err(usage)?.into(),
            Long("section") => {
                args.section = Some(parser.value().map_err(usage)?.string().map_err(usage)?)
            }
            Long("generator") => {
                let name = parser.value().map_err(usage)?.string().map_err(usage)?;
                args.generator = Some(Generator::named(&name).ok_or_else(|| {
                    usage(format!("--generator: `{name}` is not a generator this blog knows (expected jekyll, hugo or zola)"))
                })?);
            }
            other => return Err(usage(other.unexpected())),
        }
    }
    args.from = from.ok_or_else(|| usage("import needs the old site's folder (PATH)"))?;
    Ok(Command::Import(args))
}

fn run_import(args: &ImportArgs) -> Result<(), String> {
    let report = import(args)?;
    for line in &report.lines {
        println!("{line}");
    }
    Ok(())
}

fn run() -> Result<(), String> {
    match parse_args()? {
        Command::Import(args) => run_import(&args),
        Command::Build { build, out, check } => run_build(&build, out.as_ref().filter(|_| !check)),
    }
}

fn run_build(build: &BuildArgs, out: Option<&PathBuf>) -> Result<(), String> {
    let started = Instant::now();
    let (compiled, _) = compile_content(build)?;
    if let Some(out) = out {
        site::write(&compiled, &build.content, out)
            .map_err(|e| format!("{}: {e}", out.display()))?;
    }
    eprintln!(
        "blog-content: {} posts ({} drafts or future posts {}), manifest {:.1} KB, search index {:.1} KB compressed, {} files, in {} ms",
        compiled.manifest.posts.len(),
        compiled.left_out,
        if build.drafts { "shown" } else { "left out" },
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
