//! `sitemap.xml`: every page with its last change, and `robots.txt` naming it.

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

/// One page: its URL (absolute when the site's address is known) and the day it last changed.
pub struct SitemapEntry {
    pub url: String,
    pub last_change: String,
}

pub fn sitemap(entries: &[SitemapEntry]) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    let write = |w: &mut Writer<Vec<u8>>| -> std::io::Result<()> {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("urlset")
            .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
            .write_inner_content(|w| {
                for e in entries {
                    w.create_element("url").write_inner_content(|w| {
                        w.create_element("loc")
                            .write_text_content(BytesText::new(&e.url))?;
                        w.create_element("lastmod")
                            .write_text_content(BytesText::new(&e.last_change))?;
                        Ok(())
                    })?;
                }
                Ok(())
            })?;
        Ok(())
    };
    write(&mut w).expect("writing to memory cannot fail");
    let mut xml = String::from_utf8(w.into_inner()).expect("the writer writes UTF-8");
    xml.push('\n');
    xml
}

/// `robots.txt`: everything may be crawled; the sitemap, when its absolute URL is known.
pub fn robots(sitemap_url: Option<&str>) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if let Some(url) = sitemap_url {
        out.push_str(&format!("\nSitemap: {url}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_page_escaped() {
        let xml = sitemap(&[
            SitemapEntry {
                url: "https://example.com/".into(),
                last_change: "2026-03-18".into(),
            },
            SitemapEntry {
                url: "https://example.com/posts/a&b/".into(),
                last_change: "2026-03-16".into(),
            },
        ]);
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assert!(xml.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
        assert!(xml.contains("<loc>https://example.com/posts/a&amp;b/</loc>"));
        assert_eq!(xml.matches("<url>").count(), 2);
        assert_eq!(
            robots(Some("https://example.com/sitemap.xml")),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.com/sitemap.xml\n"
        );
    }
}
