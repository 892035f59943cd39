//! Pages rendered on the host, by the components the browser runs.
//!
//! [`render_page`] renders one route of [`App`] to HTML with leptos' `ssr`
//! renderer; [`Template`] places it, with the page's head and data, into the
//! `index.html` that Trunk wrote, which the browser then hydrates.

use std::sync::Arc;

use blog_core::head::{script_safe_json, Head};
use blog_core::route::PageData;
use blog_core::text::content_hash;
use blog_core::Urls;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::api::PAGE_DATA_ID;
use crate::App;

/// The `<body>` content of the page `data` describes.
pub fn render_page(urls: &Urls, data: &PageData) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let html = owner.with(|| {
        provide_context(RequestUrl::new(&data.path));
        let base = urls.base().to_string();
        let chrome = data.chrome.clone();
        let page = data.page.clone();
        let assets = crate::Assets::of(data);
        view! { <App base=base chrome=chrome assets=assets initial=Some(page) /> }.to_html()
    });
    owner.unset();
    html
}

/// Trunk's `index.html`, cut where each page's own parts go.
#[derive(Debug, Clone)]
pub struct Template {
    /// Up to `</head>`, without the page-specific tags.
    head: String,
    /// From `</head>` to the body's start tag, included.
    body_open: String,
    /// From `</body>` on.
    tail: String,
}

/// What cannot be used as a page template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError(pub String);

impl Template {
    /// `html` is Trunk's output, without a `<title>` (each page writes its own);
    /// its `<body>` content is replaced.
    pub fn parse(html: &str) -> Result<Self, TemplateError> {
        let missing = |what: &str| TemplateError(format!("index.html has no {what}"));
        let head_end = html.find("</head>").ok_or_else(|| missing("`</head>`"))?;
        let body_start = html[head_end..]
            .find("<body")
            .map(|i| head_end + i)
            .ok_or_else(|| missing("`<body>`"))?;
        let body_open_end = html[body_start..]
            .find('>')
            .map(|i| body_start + i + 1)
            .ok_or_else(|| missing("end to `<body>`"))?;
        let body_end = html.rfind("</body>").ok_or_else(|| missing("`</body>`"))?;
        if body_end < body_open_end {
            return Err(missing("body"));
        }
        let head = html[..head_end].to_string();
        if head.contains("<title") {
            return Err(TemplateError(
                "index.html has a <title>: remove it, each page writes its own".into(),
            ));
        }
        Ok(Template {
            head,
            body_open: html[head_end..body_open_end].to_string(),
            tail: html[body_end..].to_string(),
        })
    }

    /// The whole page: `head` tags and the page data in `<head>`, `body` as the
    /// body's content (nothing around it: hydration starts at its first node).
    pub fn page(&self, head: &Head, site_name: &str, data: &PageData, body: &str) -> String {
        let canonical = !matches!(data.page, blog_core::route::Page::NotFound);
        let json = serde_json::to_string(data).expect("page data serialises");
        let mut out = String::with_capacity(self.head.len() + body.len() + json.len() + 2048);
        out.push_str(&self.head);
        out.push_str(&head.to_html(site_name, canonical));
        out.push_str(&format!(
            "<script type=\"application/json\" id=\"{PAGE_DATA_ID}\">{}</script>",
            script_safe_json(&json)
        ));
        out.push_str(&self.body_open);
        out.push_str(body);
        out.push_str(&self.tail);
        out
    }

    /// The template's head, for tools that rewrite it (moving scripts out).
    pub fn head_mut(&mut self) -> &mut String {
        &mut self.head
    }
}

/// Moves each inline `<script type="module">` of `head` (Trunk's loader) into
/// a file, so that pages run under `script-src 'self'`. Returns the files to
/// write, as (name, content); the tags then point at `base` + name. Trunk's
/// minified HTML writes the tag as `<script type=module>`: both forms are read.
pub fn externalise_scripts(head: &mut String, base: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut from = 0;
    while let Some(start) = head[from..].find("<script").map(|i| from + i) {
        let Some(tag_end) = head[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let Some(close) = head[tag_end..].find("</script>").map(|i| tag_end + i) else {
            break;
        };
        let tag = &head[start..tag_end];
        let module = tag.contains("type=module") || tag.contains("type=\"module\"");
        let code = head[tag_end..close].trim();
        if !module || tag.contains(" src=") || code.is_empty() {
            from = close;
            continue;
        }
        let name = format!("boot-{}.js", content_hash(&[code.as_bytes()]));
        let replacement = format!("<script type=\"module\" src=\"{base}{name}\"></script>");
        files.push((name, format!("{code}\n")));
        head.replace_range(start..close + "</script>".len(), &replacement);
        from = start + replacement.len();
    }
    files
}

#[cfg(test)]
mod tests;
