//! `prerender`: the site's whole build after Trunk has built the app. It runs
//! the content build (every post checked, data files written), then renders
//! every route to a real HTML page with the app's own components, and writes
//! the feeds, the sitemap and `robots.txt`.
//!
//! ```text
//! prerender trunk    as Trunk's post-build hook: builds into $TRUNK_STAGING_DIR at
//!                    $TRUNK_PUBLIC_URL, drafts kept unless $TRUNK_PROFILE is `release`;
//!                    $BLOG_CONTENT and $BLOG_SITE name other content and site.toml
//! prerender build --out DIR [--base /blog/] [--content DIR] [--site FILE] [--drafts] [--now DATE]
//!                    the same into DIR, which holds Trunk's output (DIR/index.html)
//! ```
//! Every problem is printed as `path:line: field: message`; any error exits with status 1.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use blog_content::build::{compile_content, BuildArgs};
use blog_content::feeds::{self, FeedPost};
use blog_content::site;
use blog_content::sitemap::{self, SitemapEntry};
use blog_core::aside;
use blog_core::head::Head;
use blog_core::route::{self, Chrome, Page, PageData};
use blog_core::urls::{page_file, path_of};
use blog_core::Urls;
use fault_lines::prerender::{externalise_scripts, render_page, Template};

const USAGE: &str = "usage: prerender trunk | prerender build --out DIR [--base PATH] [--content DIR] [--site FILE] [--drafts] [--now YYYY-MM-DD]";

/// A page of the site, before its data is made.
enum Route<'a> {
    /// The listing of every post, or of one category (by slug).
    Listing(Option<&'a str>),
    /// The manifest's `i`-th post.
    Post(usize),
    NotFound,
}

struct Args {
    build: BuildArgs,
    out: PathBuf,
    base: String,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let command = args.next().ok_or(USAGE)?;
    let env_path = |name: &str, default: &str| {
        std::env::var_os(name).map_or_else(|| PathBuf::from(default), PathBuf::from)
    };
    let mut parsed = Args {
        build: BuildArgs {
            content: env_path("BLOG_CONTENT", "content"),
            site: env_path("BLOG_SITE", "site.toml"),
            ..BuildArgs::default()
        },
        out: PathBuf::new(),
        base: "/".into(),
    };
    match command.as_str() {
        "trunk" => {
            parsed.out = std::env::var_os("TRUNK_STAGING_DIR")
                .ok_or("`trunk` runs as a Trunk hook: TRUNK_STAGING_DIR is not set")?
                .into();
            parsed.base = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
            parsed.build.drafts = std::env::var("TRUNK_PROFILE").map_or(true, |p| p != "release");
        }
        "build" => {
            while let Some(arg) = args.next() {
                let mut value =
                    |name: &str| args.next().ok_or(format!("{name} needs a value\n{USAGE}"));
                match arg.as_str() {
                    "--out" => parsed.out = value("--out")?.into(),
                    "--base" => parsed.base = value("--base")?,
                    "--content" => parsed.build.content = value("--content")?.into(),
                    "--site" => parsed.build.site = value("--site")?.into(),
                    "--now" => parsed.build.now = Some(value("--now")?),
                    "--drafts" => parsed.build.drafts = true,
                    other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
                }
            }
            if parsed.out.as_os_str().is_empty() {
                return Err(format!("--out is required\n{USAGE}"));
            }
        }
        other => return Err(format!("unknown command `{other}`\n{USAGE}")),
    }
    Ok(parsed)
}

fn write(out: &Path, rel: &str, text: &str) -> Result<(), String> {
    let path = out.join(rel);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Gives the worker `name` that Trunk built (`name.js`, `name_bg.wasm`, named
/// without a hash so that code can find them) names that change with their
/// content, and a loader script that starts it. Returns the loader's name.
fn version_worker(out: &Path, name: &str) -> Result<String, String> {
    let read = |file: &str| {
        fs::read(out.join(file)).map_err(|e| {
            format!(
                "{}: {e} (is the worker in index.html?)",
                out.join(file).display()
            )
        })
    };
    let (js, wasm) = (
        read(&format!("{name}.js"))?,
        read(&format!("{name}_bg.wasm"))?,
    );
    let version = blog_core::text::content_hash(&[js.as_slice(), wasm.as_slice()]);
    let (js_name, wasm_name) = (
        format!("{name}-{version}.js"),
        format!("{name}-{version}_bg.wasm"),
    );
    for (from, to) in [
        (format!("{name}.js"), &js_name),
        (format!("{name}_bg.wasm"), &wasm_name),
    ] {
        fs::rename(out.join(&from), out.join(to)).map_err(|e| format!("{from}: {e}"))?;
    }
    let _ = fs::remove_file(out.join(format!("{name}_loader.js")));
    let loader = format!("{name}-{version}-start.js");
    write(out, &loader, &format!("importScripts(\"./{js_name}\");\nwasm_bindgen({{ module_or_path: \"./{wasm_name}\" }});\n"))?;
    Ok(loader)
}

fn run() -> Result<(), String> {
    let mut args = parse_args()?;
    args.build.base = args.base.clone();
    let started = Instant::now();
    let (compiled, config) = compile_content(&args.build)?;
    let mut timings = compiled.timings.clone();

    let mut urls = Urls::new(&args.base);
    match &config.base_url {
        Some(address) => {
            let path = path_of(address);
            if Urls::new(path).base() != urls.base() {
                eprintln!(
                    "{}: warning: base_url: `{address}` ends in `{path}` but this build is served under `{}` (expected the same path: set --public-url or base_url to match)",
                    args.build.site.display(),
                    urls.base()
                );
            }
            urls = urls.with_origin(address);
        }
        None => eprintln!(
            "{}: warning: base_url: not set, so canonical links, feeds and the sitemap carry paths only (expected e.g. `base_url = \"https://example.com\"`)",
            args.build.site.display()
        ),
    }

    site::write(&compiled, &args.build.content, &args.out)
        .map_err(|e| format!("{}: {e}", args.out.display()))?;
    timings.done("data files");

    let index = args.out.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let mut template = Template::parse(&html).map_err(|e| e.0)?;
    for (name, code) in externalise_scripts(template.head_mut(), urls.base()) {
        write(&args.out, &name, &code)?;
    }
    let renderer = version_worker(&args.out, "render-worker")?;
    let searcher = version_worker(&args.out, "search-worker")?;

    // Every body was rendered once by the content build, by the function the
    // browser uses, for this base.
    let manifest = &compiled.manifest;
    let rendered = &compiled.rendered;
    let markdown: HashMap<&str, &str> = compiled
        .bodies
        .iter()
        .map(|(source, body)| (source.as_str(), body.as_str()))
        .collect();

    let chrome = Chrome::of(manifest);
    let data = |path: String, page: Page| PageData {
        path,
        chrome: chrome.clone(),
        page,
        renderer: renderer.clone(),
        searcher: searcher.clone(),
        search_index: manifest.search_index.clone(),
    };
    let related = route::Related::new(&manifest.posts);
    // Each route's data, made by the thread that renders it.
    let page_of = |route: &Route| -> Option<PageData> {
        Some(match *route {
            Route::Listing(None) => {
                data(urls.home(), Page::Listing(route::listing(manifest, None)?))
            }
            Route::Listing(Some(slug)) => data(
                urls.category(slug),
                Page::Listing(route::listing(manifest, Some(slug))?),
            ),
            Route::Post(i) => {
                let body = &rendered[i];
                let mut p = route::post_at(manifest, i)?;
                p.toc_html = aside::toc(&urls, &p.post.slug, &body.headings);
                p.related_html = aside::related(&urls, &related.of(i, route::RELATED_MAX));
                p.body_html = Some(aside::around(
                    p.toc_html.as_deref(),
                    &body.html,
                    p.related_html.as_deref(),
                ));
                p.links = body.links.clone();
                p.old_urls = body.old_urls.clone();
                p.heading_ids = body.headings.iter().map(|h| h.id.clone()).collect();
                data(urls.post(&p.post.slug), Page::Post(Box::new(p)))
            }
            Route::NotFound => data(urls.not_found(), Page::NotFound),
        })
    };
    let mut routes = vec![Route::Listing(None)];
    routes.extend(
        chrome
            .categories
            .iter()
            .map(|c| Route::Listing(Some(c.slug.as_str()))),
    );
    routes.extend((0..rendered.len()).map(Route::Post));
    routes.push(Route::NotFound);
    timings.done("template");

    // Pages render independently: the cores take the next one in turn.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = AtomicUsize::new(0);
    let site_name = chrome.site.title.as_str();
    let render_one = |page: PageData| -> Result<(), String> {
        let head = Head::of(&page.chrome, &page.page, &urls, &page.path);
        let html = template.page(&head, site_name, &page, &render_page(&urls, &page));
        let outside = || format!("{} is outside {}", page.path, urls.base());
        let file = page_file(&urls, &page.path).ok_or_else(outside)?;
        write(&args.out, &file, &html)?;
        // The same data for client-side navigation; a post's with its markdown.
        let data_file = page_file(&urls, &urls.page_data(&page.path)).ok_or_else(outside)?;
        let json = match page.page {
            Page::NotFound => return Ok(()),
            Page::Post(mut p) => {
                p.markdown = markdown.get(p.post.source.as_str()).map(|m| m.to_string());
                serde_json::to_string(&Page::Post(p))
            }
            listing => serde_json::to_string(&listing),
        }
        .map_err(|e| e.to_string())?;
        write(&args.out, &data_file, &json)
    };
    let pages: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| -> Result<usize, String> {
                    let mut done = 0;
                    while let Some(route) = routes.get(next.fetch_add(1, Ordering::Relaxed)) {
                        if let Some(page) = page_of(route) {
                            render_one(page)?;
                            done += 1;
                        }
                    }
                    Ok(done)
                })
            })
            .collect();
        workers.into_iter().try_fold(0, |sum, w| {
            Ok::<usize, String>(
                sum + w
                    .join()
                    .map_err(|_| "a page failed to render".to_string())??,
            )
        })
    })?;
    timings.done("pages");
    // Further pages of each listing's cards, for "Show more".
    let listings =
        std::iter::once(None).chain(chrome.categories.iter().map(|c| Some(c.slug.as_str())));
    for category in listings {
        for (i, cards) in route::card_pages(manifest, category)
            .iter()
            .enumerate()
            .skip(1)
        {
            let json = serde_json::to_string(cards).map_err(|e| e.to_string())?;
            write(
                &args.out,
                &page_file(&urls, &urls.cards(category, i + 1)).unwrap_or_default(),
                &json,
            )?;
        }
    }
    timings.done("cards");

    // Feeds: the site's and each category's, newest first with full content.
    let feed_posts: Vec<FeedPost> = manifest
        .posts
        .iter()
        .zip(rendered)
        .map(|(meta, body)| FeedPost {
            meta,
            html: &body.html,
        })
        .collect();
    let site_info = &manifest.site;
    let feed_file = page_file(&urls, &urls.feed(None)).unwrap_or_default();
    let feed = feeds::atom(site_info, &urls, None, &feed_posts);
    write(&args.out, &feed_file, &feed)?;
    // The old site's feed addresses serve the same feed: subscribers keep it.
    for old in &config.old_feeds {
        let file = old.trim_start_matches('/');
        if file != feed_file {
            write(&args.out, file, &feed)?;
        }
    }
    for c in &chrome.categories {
        let in_category: Vec<FeedPost> = feed_posts
            .iter()
            .filter(|p| p.meta.category_slug().as_deref() == Some(c.slug.as_str()))
            .map(|p| FeedPost {
                meta: p.meta,
                html: p.html,
            })
            .collect();
        write(
            &args.out,
            &page_file(&urls, &urls.feed(Some(&c.slug))).unwrap_or_default(),
            &feeds::atom(site_info, &urls, Some(c), &in_category),
        )?;
    }

    timings.done("feeds");

    // A page at each old address of a moved post, sending visitors on to it.
    let titles: HashMap<&str, &str> = manifest
        .posts
        .iter()
        .map(|p| (p.slug.as_str(), p.title.as_str()))
        .collect();
    // The script that keeps a deep link's #fragment on the way.
    const MOVED_JS: &str = include_str!("../../public/moved.js");
    if !compiled.redirects.is_empty() {
        write(&args.out, "moved.js", MOVED_JS)?;
    }
    let moved_js = urls.site_file("moved.js");
    for (key, slug) in &compiled.redirects {
        let file = blog_core::urls::old_url_file(key);
        let to = blog_core::head::RedirectTo {
            path: urls.post(slug),
            canonical: urls.absolute(&urls.post(slug)),
            script: moved_js.clone(),
        };
        let title = titles.get(slug.as_str()).copied().unwrap_or(slug);
        write(
            &args.out,
            &file,
            &blog_core::head::redirect_page(site_info.title.as_str(), title, &to),
        )?;
    }

    timings.done("redirects");

    // Sitemap: every page but the not-found one, with its last change.
    let day = blog_core::dates::ymd_of_timestamp;
    let newest = |posts: &mut dyn Iterator<Item = &blog_core::model::PostMeta>| {
        posts
            .map(feeds::last_change)
            .max()
            .map(day)
            .unwrap_or_default()
    };
    let mut entries = vec![SitemapEntry {
        url: urls.absolute(&urls.home()),
        last_change: newest(&mut manifest.posts.iter()),
    }];
    for c in &chrome.categories {
        entries.push(SitemapEntry {
            url: urls.absolute(&urls.category(&c.slug)),
            last_change: newest(
                &mut manifest
                    .posts
                    .iter()
                    .filter(|p| p.category_slug().as_deref() == Some(c.slug.as_str())),
            ),
        });
    }
    for p in &manifest.posts {
        entries.push(SitemapEntry {
            url: urls.absolute(&urls.post(&p.slug)),
            last_change: day(feeds::last_change(p)),
        });
    }
    write(&args.out, "sitemap.xml", &sitemap::sitemap(&entries))?;
    let sitemap_url = Some(urls.absolute(&urls.sitemap())).filter(|u| !u.starts_with('/'));
    write(
        &args.out,
        "robots.txt",
        &sitemap::robots(sitemap_url.as_deref()),
    )?;

    timings.done("sitemap");

    // Last, so that no file of the site's own is overwritten: those are left out.
    let skipped = site::copy_static(config.static_dir.as_deref(), &args.out)
        .map_err(|e| format!("{}: {e}", args.out.display()))?;
    for file in skipped {
        eprintln!("{}: warning: static: `{file}` is a file this site writes itself; the static folder's copy was left out", args.build.site.display());
    }
    timings.done("static");

    eprintln!(
        "prerender: {} posts ({} drafts or future posts {}), {} pages, {} redirects from old addresses, {} feeds in {} ms on {threads} threads ({timings})",
        manifest.posts.len(),
        compiled.left_out,
        if args.build.drafts { "shown" } else { "left out" },
        pages,
        compiled.redirects.len(),
        chrome.categories.len() + 1,
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
