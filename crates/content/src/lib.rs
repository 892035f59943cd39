//! The content build: reads `content/`, checks every post's front matter,
//! and writes what the browser app fetches (manifest, search index, files
//! next to posts), the feeds and the sitemap. The prerenderer (the app's
//! `prerender` binary) runs it before rendering every page.
//!
//! Parsing and checking are pure functions of the files' text ([`post::parse_post`],
//! [`site::compile`]); only [`site::load`] and [`site::write`] touch the disk.

pub mod build;
pub mod config;
pub mod diagnostic;
pub mod feeds;
pub mod frontmatter;
pub mod import;
pub mod links;
pub mod moved;
pub mod post;
pub mod search;
pub mod site;
pub mod sitemap;
pub mod timings;

pub use diagnostic::Diagnostic;
