//! Moving in: what a blog brings from the generator it was built with, one
//! room per generator (`jekyll/`, `hugo/`, `zola/`), each with a file per
//! concern:
//!
//! - `dates.rs`: the date and date-time formats its front matter may hold;
//! - `ids.rs`: the ids it gave headings, so deep links into old posts land;
//! - `permalinks.rs`: the addresses it gave posts (its placeholders, its default);
//! - `shortcodes.rs`: its template syntax in bodies, translated into markdown
//!   this blog reads (at build time: the browser gets the translated body);
//! - `config.rs`: its site configuration and layout, for `blog-content import`.
//!
//! [`Generator`] dispatches to them; `template.rs` holds the scanning all
//! three share (code blocks and spans are never touched).

pub mod hugo;
pub mod jekyll;
pub mod template;
pub mod zola;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::post::{OldUrl, PostDate, SourcePost};

/// A site generator a blog may move in from (`moved_from` in `site.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Generator {
    Zola,
    Hugo,
    Jekyll,
}

/// What an old address of a post is made of.
#[derive(Debug, Clone, Copy)]
pub struct PermalinkPost<'a> {
    /// Path under `content/`, `/`-separated, as the old site had it
    /// (`_posts/2019-05-07-launch.md`, `blog/bundle/index.md`).
    pub source: &'a str,
    pub title: &'a str,
    /// The front matter's `slug`, when it sets one.
    pub slug: Option<&'a str>,
    pub date: &'a PostDate,
    /// Every category, as written, in order.
    pub categories: &'a [String],
}

/// A construct of template syntax this blog cannot translate: it stays in the
/// body as written, shown as code, and the build warns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    /// Line in the body, from 0.
    pub line: usize,
    /// The construct as written (shortened if long).
    pub code: String,
}

/// A body with its generator's template syntax translated. Every line stays
/// on its line, so that the build's messages name the lines of the file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Translated {
    pub text: String,
    pub unsupported: Vec<Unsupported>,
}

/// What translating a body may read besides the body.
#[derive(Debug, Clone, Copy)]
pub struct TemplateContext<'a> {
    /// Every markdown file under `content/`, `/`-separated, sorted.
    pub sources: &'a [String],
    /// The post being translated.
    pub source: &'a str,
    /// The site's `[params]` from `site.toml` (Hugo's `.Site.Params`, Zola's
    /// `extra`, Jekyll's `site.*`), for shortcodes that read them.
    pub params: &'a toml::Table,
}

/// An old site as `blog-content import` finds it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OldSite {
    pub title: Option<String>,
    pub description: Option<String>,
    pub base_url: Option<String>,
    /// Its address patterns for posts, by section (the first folder under
    /// `content/`), `*` for every post: as `site.toml`'s `[permalinks]`.
    pub permalinks: BTreeMap<String, String>,
    /// Its site-wide parameters, for shortcodes (`site.toml`'s `[params]`).
    pub params: toml::Table,
    /// Where it published its feeds (`/feed.xml`): each serves the new feed.
    pub feeds: Vec<String>,
    /// Folders of posts: (folder under the old site's root, folder under
    /// `content/`, `""` for `content/` itself). Copied with the files beside
    /// the posts.
    pub content: Vec<(PathBuf, String)>,
    /// Files it served at its root: (file or folder under the old site's
    /// root, path under the new site's static folder, `""` for its root).
    pub statics: Vec<(PathBuf, String)>,
    /// Its other languages (`fr`): a page `name.fr.md` is the same page in
    /// one of them, which does not move in (only the default language does).
    pub other_languages: Vec<String>,
    /// What it has that cannot be imported, said to the person importing.
    pub notes: Vec<String>,
}

impl Generator {
    pub const ALL: [Generator; 3] = [Generator::Jekyll, Generator::Hugo, Generator::Zola];

    /// Its name in `site.toml` and messages.
    pub fn name(self) -> &'static str {
        match self {
            Generator::Zola => "zola",
            Generator::Hugo => "hugo",
            Generator::Jekyll => "jekyll",
        }
    }

    /// Its name in prose: `Jekyll`.
    pub fn title(self) -> &'static str {
        match self {
            Generator::Zola => "Zola",
            Generator::Hugo => "Hugo",
            Generator::Jekyll => "Jekyll",
        }
    }

    /// The generator called `name` (any case).
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|g| g.name().eq_ignore_ascii_case(name.trim()))
    }

    /// A front matter date as this generator reads it; `None` when it would not.
    pub fn parse_date(self, text: &str) -> Option<PostDate> {
        match self {
            Generator::Zola => zola::dates::parse(text),
            Generator::Hugo => hugo::dates::parse(text),
            Generator::Jekyll => jekyll::dates::parse(text),
        }
    }

    /// The id this generator gave a heading with this text (before making it
    /// unique within the page).
    pub fn heading_id(self, text: &str) -> String {
        match self {
            Generator::Zola => zola::ids::heading_id(text),
            Generator::Hugo => hugo::ids::heading_id(text),
            Generator::Jekyll => jekyll::ids::heading_id(text),
        }
    }

    /// A post's old address from a pattern of this generator's (site-wide
    /// config or the post's own `permalink`/`url`/`path`): a path from the
    /// old site's root.
    pub fn expand_permalink(self, pattern: &str, post: &PermalinkPost) -> Result<String, String> {
        match self {
            Generator::Zola => zola::permalinks::expand(pattern, post),
            Generator::Hugo => hugo::permalinks::expand(pattern, post),
            Generator::Jekyll => jekyll::permalinks::expand(pattern, post),
        }
    }

    /// The address this generator gave a post when nothing set one.
    pub fn default_permalink(self, post: &PermalinkPost) -> String {
        match self {
            Generator::Zola => zola::permalinks::default(post),
            Generator::Hugo => hugo::permalinks::default(post),
            Generator::Jekyll => jekyll::permalinks::default(post),
        }
    }

    /// The body with this generator's template syntax translated.
    pub fn translate(self, body: &str, ctx: &TemplateContext) -> Translated {
        match self {
            Generator::Zola => zola::shortcodes::translate(body, ctx),
            Generator::Hugo => hugo::shortcodes::translate(body, ctx),
            Generator::Jekyll => jekyll::shortcodes::translate(body, ctx),
        }
    }

    /// True when `root` is a site of this generator (by its config file).
    pub fn detect(self, root: &Path) -> bool {
        match self {
            Generator::Zola => zola::config::detect(root),
            Generator::Hugo => hugo::config::detect(root),
            Generator::Jekyll => jekyll::config::detect(root),
        }
    }

    /// Reads the site at `root`: its configuration and where its posts and
    /// static files are. `section` chooses the folder of posts where the
    /// generator has several (Hugo's `content/<lang>/blog`).
    pub fn read_site(self, root: &Path, section: Option<&str>) -> Result<OldSite, String> {
        match self {
            Generator::Zola => zola::config::read(root, section),
            Generator::Hugo => hugo::config::read(root, section),
            Generator::Jekyll => jekyll::config::read(root, section),
        }
    }
}

/// The address `post` had on the old site when its front matter names none:
/// the site-wide pattern for its section (the first folder under `content/`),
/// else the one for every post (`"*"`), else the generator's default.
/// `Ok(None)` for an address that is not a page.
pub fn old_address(
    generator: Generator,
    permalinks: &BTreeMap<String, String>,
    post: &SourcePost,
) -> Result<Option<OldUrl>, String> {
    let section = post.source.split_once('/').map_or("", |(s, _)| s);
    let facts = PermalinkPost {
        source: &post.source,
        title: &post.title,
        slug: post.slug_field.as_deref(),
        date: &post.date,
        categories: &post.categories,
    };
    let path = match permalinks.get(section).or_else(|| permalinks.get("*")) {
        Some(pattern) => generator.expand_permalink(pattern, &facts)?,
        None => generator.default_permalink(&facts),
    };
    Ok(match crate::post::old_page(&path) {
        crate::post::OldPage::Page(key) => Some(OldUrl {
            key,
            field: "moved_from".into(),
            line: 1,
        }),
        _ => None,
    })
}
