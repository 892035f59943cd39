//! The content build: reads `content/`, checks every post's front matter,
//! and writes what the browser app fetches (manifest, search index, bodies,
//! files next to posts).
//!
//! Parsing and checking are pure functions of the files' text ([`post::parse_post`],
//! [`site::compile`]); only [`site::load`] and [`site::write`] touch the disk.

pub mod diagnostic;
pub mod frontmatter;
pub mod post;
pub mod site;

pub use diagnostic::Diagnostic;
