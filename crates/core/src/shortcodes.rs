//! Template syntax of other generators in post bodies, as a moved blog has it.
//!
//! Before markdown is parsed, what means a link is translated into the link
//! syntax this blog reads, so the rest of the pipeline (the build's link check,
//! the prerendered body, the browser's renderer) sees one link:
//!
//! - Hugo `{{< ref "dir/post.md#id" >}}` and `relref` (also `{{% … %}}`): the
//!   path (`/…` from the content folder, as `@/…`);
//! - Jekyll `{% post_url 2019-05-07-name %}` (`_posts/2019-05-07-name.md`) and
//!   `{% link path %}`; `{{ site.baseurl }}` and `{{ site.url }}` (nothing: the
//!   path after them is a path on this site), `{{ "/x" | relative_url }}`;
//! - Hugo's escaped `{{</* x */>}}` shows as `{{< x >}}`, as in Hugo.
//!
//! Any other shortcode, Liquid tag or Zola shortcode stays as it was written,
//! shown as code (so markdown and typographic quotes leave it alone), and is
//! reported ([`Unsupported`]) so the build can say so.
//! Code blocks and code spans are left alone: they may be showing the syntax.

use std::borrow::Cow;

/// A template construct this blog cannot translate, left as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    /// Byte offset in the body as written.
    pub offset: usize,
    /// The construct as written (shortened if long).
    pub code: String,
}

/// The body with what could be translated translated, and what could not.
pub fn translate(markdown: &str) -> (Cow<'_, str>, Vec<Unsupported>) {
    if !markdown.contains("{{") && !markdown.contains("{%") {
        return (Cow::Borrowed(markdown), Vec::new());
    }
    let mut out = String::with_capacity(markdown.len());
    let mut unsupported = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let run = |c: char| trimmed.chars().take_while(|&x| x == c).count();
        match fence {
            Some((c, n)) => {
                if run(c) >= n && trimmed.trim_start_matches(c).trim().is_empty() {
                    fence = None;
                }
                out.push_str(line);
            }
            None if run('`') >= 3 || run('~') >= 3 => {
                let c = if run('`') >= 3 { '`' } else { '~' };
                fence = Some((c, run(c)));
                out.push_str(line);
            }
            None => translate_line(line, offset, &mut out, &mut unsupported),
        }
        offset += line.len();
    }
    (Cow::Owned(out), unsupported)
}

fn translate_line(line: &str, base: usize, out: &mut String, unsupported: &mut Vec<Unsupported>) {
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        // A code span: copied as it is, up to the run of backticks that closes it.
        if rest.starts_with('`') {
            let n = rest.chars().take_while(|&c| c == '`').count();
            let fence = &rest[..n];
            let end = rest[n..].find(fence).map_or(n, |j| n + j + n);
            out.push_str(&rest[..end]);
            i += end;
            continue;
        }
        let construct = [("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}"), ("{{", "}}")]
            .into_iter()
            .find_map(|(open, close)| {
                let inner_end = rest.strip_prefix(open)?.find(close)?;
                let inner = &rest[open.len()..open.len() + inner_end];
                Some((open, inner, open.len() + inner_end + close.len()))
            });
        let Some((open, inner, len)) = construct else {
            let c = rest.chars().next().expect("not at the end");
            out.push(c);
            i += c.len_utf8();
            continue;
        };
        match translation(open, inner.trim()) {
            Some(text) => out.push_str(&text),
            None => {
                let written = &rest[..len];
                let mut code: String = written.chars().take(60).collect();
                if code.len() < written.len() {
                    code.push('…');
                }
                unsupported.push(Unsupported {
                    offset: base + i,
                    code,
                });
                // Shown exactly as written: as code, so that markdown and
                // typographic quotes leave it alone.
                let ticks = "`".repeat(longest_backtick_run(written) + 1);
                out.push_str(&format!("{ticks} {written} {ticks}"));
            }
        }
        i += len;
    }
}

/// What `{open} inner {close}` becomes, if it is one this blog translates.
fn translation(open: &str, inner: &str) -> Option<String> {
    if open == "{{<" || open == "{{%" {
        // `{{</* x */>}}`: Hugo's way to show a shortcode as text.
        if let Some(shown) = inner.strip_prefix("/*").and_then(|s| s.strip_suffix("*/")) {
            let close = if open == "{{<" { ">}}" } else { "%}}" };
            return Some(format!("{open} {} {close}", shown.trim()));
        }
        let (name, args) = split_name(inner);
        if name != "ref" && name != "relref" {
            return None;
        }
        let path = unquote(args)?;
        return Some(match path.strip_prefix('/') {
            Some(from_content) => format!("@/{from_content}"),
            None => path.to_string(),
        });
    }
    if open == "{%" {
        let (name, args) = split_name(inner);
        let arg = unquote(args).unwrap_or(args).trim();
        return match name {
            "post_url" if !arg.is_empty() => Some(format!("@/_posts/{arg}.md")),
            "link" if !arg.is_empty() => Some(format!("@/{}", arg.trim_start_matches('/'))),
            _ => None,
        };
    }
    // `{{ … }}`: Liquid output.
    let compact: String = inner.chars().filter(|c| !c.is_whitespace()).collect();
    match compact.as_str() {
        "site.baseurl" | "site.url" | "site.url}}{{site.baseurl" => Some(String::new()),
        _ => {
            let (value, filter) = inner.split_once('|')?;
            matches!(filter.trim(), "relative_url" | "absolute_url")
                .then(|| unquote(value.trim()).map(str::to_string))
                .flatten()
        }
    }
}

fn longest_backtick_run(s: &str) -> usize {
    s.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

fn split_name(inner: &str) -> (&str, &str) {
    let inner = inner.trim();
    match inner.find(char::is_whitespace) {
        Some(i) => (&inner[..i], inner[i..].trim()),
        None => (inner, ""),
    }
}

/// `"x"` or `'x'` as `x`.
fn unquote(s: &str) -> Option<&str> {
    let s = s.trim();
    let q = s.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    s[1..].find(q).map(|end| &s[1..1 + end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> (String, Vec<String>) {
        let (text, unsupported) = translate(s);
        (
            text.into_owned(),
            unsupported
                .into_iter()
                .map(|u| format!("{}:{}", u.offset, u.code))
                .collect(),
        )
    }

    #[test]
    fn hugo_refs_become_paths() {
        assert_eq!(
            t(r#"See [a]({{< ref "other.md#why" >}}) and [b]({{< relref "/news/b.md" >}})."#).0,
            "See [a](other.md#why) and [b](@/news/b.md)."
        );
        assert_eq!(t(r#"[c]({{% ref 'c.md' %}})"#).0, "[c](c.md)");
        assert_eq!(t("{{</* youtube x */>}}").0, "{{< youtube x >}}");
    }

    #[test]
    fn jekyll_links_and_base_urls_become_paths() {
        assert_eq!(
            t("[a]({% post_url 2019-05-07-launch %}) [b]({{ site.baseurl }}/2019/x.html) [c]({% link _posts/c.md %})").0,
            "[a](@/_posts/2019-05-07-launch.md) [b](/2019/x.html) [c](@/_posts/c.md)"
        );
        assert_eq!(
            t(r#"![p]({{ "/img/p.png" | relative_url }})"#).0,
            "![p](/img/p.png)"
        );
        assert_eq!(t("[x]({{site.url}}{{site.baseurl}}/y/)").0, "[x](/y/)");
    }

    #[test]
    fn anything_else_stays_as_text_and_is_reported() {
        let body = "Intro.\n\n{{< youtube dQw4w9WgXcQ >}}\n\n{% include note.html %} and {{ gist(id=\"1\") }}\n";
        let (text, unsupported) = t(body);
        assert_eq!(
            text,
            "Intro.\n\n` {{< youtube dQw4w9WgXcQ >}} `\n\n` {% include note.html %} ` and ` {{ gist(id=\"1\") }} `\n"
        );
        assert_eq!(
            unsupported,
            [
                "8:{{< youtube dQw4w9WgXcQ >}}",
                "37:{% include note.html %}",
                "65:{{ gist(id=\"1\") }}"
            ]
        );
        let long = format!("{{{{< figure src=\"{}\" >}}}}", "x".repeat(80));
        assert!(t(&long).1[0].ends_with('…'));
        // a construct holding backticks gets a longer code fence
        assert_eq!(t("{{< x `y` >}}").0, "`` {{< x `y` >}} ``");
    }

    #[test]
    fn code_is_left_alone() {
        let body = "```\n{{< ref \"a.md\" >}}\n```\n\nInline `{% post_url x %}` too, and ``{{ site.baseurl }}``.\n";
        assert_eq!(t(body), (body.to_string(), vec![]));
        assert!(matches!(translate("no templates here").0, Cow::Borrowed(_)));
    }
}
