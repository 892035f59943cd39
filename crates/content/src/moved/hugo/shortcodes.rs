//! Hugo's shortcodes in post bodies, translated into markdown, following
//! Hugo's own templates (`tpl/tplimpl/embedded/templates/_shortcodes/*.html`)
//! and its docs (<https://gohugo.io/content-management/shortcodes/>,
//! <https://gohugo.io/content-management/cross-references/>):
//!
//! - `ref`/`relref` (`{{< >}}` or `{{% %}}`, positional or `path=`): the
//!   page's file as `@/path/under/content.md#id`, looked up as Hugo does:
//!   from the page's folder, then from the content root, with or without an
//!   extension, a bundle's folder standing for its `index.md`/`_index.md`,
//!   then a file name found once anywhere;
//! - `param`: the site parameter (dotted keys) from `[params]`;
//! - `figure`: a `<figure>` with its `<img>`, link and `<figcaption>`;
//! - `youtube`, `vimeo`, `gist`, `tweet`/`x`/`twitter`, `instagram`: a link
//!   to the page (no third-party frame or script), titled as Hugo titles the
//!   frame ("YouTube video", "Vimeo video") unless `title=` says otherwise;
//! - `highlight`: a fenced code block of its language;
//! - Docsy's `alert` (`title=`, `color=`: primary and info a note, success a
//!   tip, warning a warning, danger a caution) and `pageinfo`, and other
//!   common themes' admonitions (Learn's `notice`, LoveIt's `admonition`,
//!   Book's `hint`, Hextra's `callout`): a GFM alert, its title in bold;
//! - `{{% comment %}}…{{% /comment %}}`: nothing (blank lines);
//! - `{{</* x */>}}`: shown as `{{< x >}}`, in code as well (as Hugo does).
//!
//! Hugo reads no `{{ }}` or `{% %}` in content: those stay as written. Any
//! other shortcode is shown as code and reported.

use crate::moved::template::{self, paths, Action, Args, Close, Construct, Delim, Dialect, Paired};
use crate::moved::{TemplateContext, Translated};

const SHORTCODE: &[Delim] = &[Delim::Angle, Delim::Percent];

/// The body with Hugo's template syntax translated.
pub fn translate(body: &str, ctx: &TemplateContext) -> Translated {
    template::translate(body, &Hugo { ctx })
}

struct Hugo<'a> {
    ctx: &'a TemplateContext<'a>,
}

impl Dialect for Hugo<'_> {
    fn delims(&self) -> &'static [Delim] {
        SHORTCODE
    }

    fn action(&self, c: &Construct) -> Action {
        if let Some(text) = self.in_code(c) {
            return Action::Text(text);
        }
        let (name, args) = c.name_args();
        let args = Args::parse(args);
        let text = match name {
            "ref" | "relref" => args.get("path", Some(0)).map(|p| reference(p, self.ctx)),
            "param" => args
                .get("name", Some(0))
                .and_then(|k| template::param(self.ctx.params, k)),
            "figure" => figure(&args),
            "youtube" => youtube(&args),
            "vimeo" => video(&args, "Vimeo video", "https://vimeo.com/"),
            "gist" => gist(&args),
            "tweet" | "x" | "twitter" => post_on_x(&args),
            "instagram" => args
                .get("id", Some(0))
                .filter(|id| template::is_plain_id(id))
                .map(|id| {
                    template::link(
                        "Instagram post",
                        &format!("https://www.instagram.com/p/{id}/"),
                    )
                }),
            "highlight" => {
                let lang = args.get("lang", Some(0)).unwrap_or_default();
                return Action::Paired(
                    Close {
                        delims: SHORTCODE,
                        name: "/highlight",
                    },
                    Paired::Code(lang.to_string()),
                );
            }
            "alert" | "pageinfo" | "notice" | "admonition" | "hint" | "callout" => {
                return alert(name, &args)
            }
            "comment" => {
                return Action::Paired(
                    Close {
                        delims: SHORTCODE,
                        name: "/comment",
                    },
                    Paired::Raw(false),
                )
            }
            _ => None,
        };
        text.map_or(Action::Unsupported, Action::Text)
    }

    fn in_code(&self, c: &Construct) -> Option<String> {
        template::unescape(c)
    }
}

/// Where `ref "path#id"` leads: `@/` and the file under `content/`.
fn reference(target: &str, ctx: &TemplateContext) -> String {
    let (path, fragment) = match target.find('#') {
        Some(i) => target.split_at(i),
        None => (target, ""),
    };
    if path.is_empty() {
        return fragment.to_string();
    }
    let path = path.trim_end_matches('/');
    let from_page = (!path.starts_with('/'))
        .then(|| paths::join(paths::dir(ctx.source), path))
        .flatten();
    let from_root = path.trim_start_matches('/');
    let found = from_page
        .iter()
        .map(String::as_str)
        .chain([from_root])
        .find_map(|p| page(ctx.sources, p))
        .or_else(|| by_name(ctx.sources, from_root));
    let best = match found {
        Some(file) => file.to_string(),
        None if paths::has_extension(from_root) => from_root.to_string(),
        None => format!("{from_root}.md"),
    };
    format!("@/{best}{fragment}")
}

/// The page at `path`: its file, or its bundle's `index`/`_index`.
fn page<'a>(sources: &'a [String], path: &str) -> Option<&'a str> {
    paths::find(sources, path)
        .or_else(|| paths::find(sources, &format!("{path}/index")))
        .or_else(|| paths::find(sources, &format!("{path}/_index")))
}

/// The page whose file (or bundle) is called as `path`'s last part, when only
/// one is.
fn by_name<'a>(sources: &'a [String], path: &str) -> Option<&'a str> {
    paths::find_ending(sources, path)
        .or_else(|| paths::find_ending(sources, &format!("{path}/index")))
        .or_else(|| paths::find_ending(sources, &format!("{path}/_index")))
}

/// Hugo's `figure`: image, optional link, caption under its title.
fn figure(args: &Args) -> Option<String> {
    let attr = |name: &str| args.get(name, None).map(template::escape_html);
    let src = attr("src")?;
    let caption = args.get("caption", None).map(markdownify);
    let alt = attr("alt").or_else(|| {
        caption
            .as_deref()
            .map(|c| template::escape_html(&plainify(c)))
    });
    let mut img = format!("<img src=\"{src}\"");
    for (name, value) in [
        ("alt", alt),
        ("width", attr("width")),
        ("height", attr("height")),
    ] {
        if let Some(value) = value {
            img.push_str(&format!(" {name}=\"{value}\""));
        }
    }
    img.push('>');
    if let Some(link) = attr("link") {
        img = format!("<a href=\"{link}\">{img}</a>");
    }
    let class = attr("class").map_or(String::new(), |c| format!(" class=\"{c}\""));
    let caption = figcaption(args);
    Some(format!("<figure{class}>{img}{caption}</figure>"))
}

/// The `<figcaption>` of a figure: its title in bold, its caption and its
/// attribution (HTML as written: the sanitizer filters it).
fn figcaption(args: &Args) -> String {
    let title = args
        .get("title", None)
        .map(|t| format!("<strong>{t}</strong>"));
    let attr = args
        .get("attr", None)
        .map(|a| match args.get("attrlink", None) {
            Some(href) => format!("<a href=\"{}\">{a}</a>", template::escape_html(href)),
            None => a.to_string(),
        });
    let caption = [
        args.get("caption", None).map(markdownify),
        attr.map(|a| markdownify(&a)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let parts: Vec<String> = [title, (!caption.is_empty()).then_some(caption)]
        .into_iter()
        .flatten()
        .collect();
    if parts.is_empty() {
        return String::new();
    }
    format!("<figcaption>{}</figcaption>", parts.join("<br>"))
}

/// Hugo's `markdownify` of a caption, for what captions hold: links,
/// `**strong**`, `*emphasis*` and `` `code` `` as HTML; HTML as written.
fn markdownify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let (html, used) = match c {
            '`' => span(rest, "`", |x| {
                format!("<code>{}</code>", template::escape_html(x))
            }),
            '*' if rest.starts_with("**") => span(rest, "**", |x| {
                format!("<strong>{}</strong>", markdownify(x))
            }),
            '*' => span(rest, "*", |x| format!("<em>{}</em>", markdownify(x))),
            '[' => caption_link(rest),
            _ => None,
        }
        .unwrap_or_else(|| (c.to_string(), c.len_utf8()));
        out.push_str(&html);
        rest = &rest[used..];
    }
    out
}

/// `rest` opening with `mark`, up to the same `mark`: its HTML and length.
fn span(rest: &str, mark: &str, html: impl Fn(&str) -> String) -> Option<(String, usize)> {
    let inner_len = rest[mark.len()..].find(mark).filter(|&n| n > 0)?;
    let inner = &rest[mark.len()..mark.len() + inner_len];
    Some((html(inner), inner_len + 2 * mark.len()))
}

/// `[text](url)` at the start of `rest`: its HTML and length.
fn caption_link(rest: &str) -> Option<(String, usize)> {
    let text_end = rest.find("](")?;
    let url_len = rest[text_end + 2..].find(')')?;
    let url = &rest[text_end + 2..text_end + 2 + url_len];
    let html = format!(
        "<a href=\"{}\">{}</a>",
        template::escape_html(url.trim()),
        markdownify(&rest[1..text_end])
    );
    Some((html, text_end + 3 + url_len))
}

/// HTML as its text (Hugo's `plainify`).
fn plainify(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// A link to a YouTube video, at its `start=` second.
fn youtube(args: &Args) -> Option<String> {
    let id = args
        .get("id", Some(0))
        .filter(|id| template::is_plain_id(id))?;
    let title = args.get("title", None).unwrap_or("YouTube video");
    let start = args
        .get("start", None)
        .filter(|s| s.chars().all(|c| c.is_ascii_digit()))
        .map_or(String::new(), |s| format!("&t={s}s"));
    Some(template::link(
        title,
        &format!("https://www.youtube.com/watch?v={id}{start}"),
    ))
}

/// A link to the video `id` at `base`, titled by `title=` (positional third
/// for Vimeo) or `default`.
fn video(args: &Args, default: &str, base: &str) -> Option<String> {
    let id = args
        .get("id", Some(0))
        .filter(|id| template::is_plain_id(id))?;
    let title = args.get("title", Some(2)).unwrap_or(default);
    Some(template::link(title, &format!("{base}{id}")))
}

/// `{{< gist user id [file] >}}`: a link to the gist (at the file).
fn gist(args: &Args) -> Option<String> {
    let user = args
        .get("user", Some(0))
        .filter(|u| template::is_plain_id(u))?;
    let id = args
        .get("id", Some(1))
        .filter(|i| template::is_plain_id(i))?;
    Some(template::gist_link(
        &format!("{user}/{id}"),
        args.get("file", Some(2)),
    ))
}

/// `{{< tweet user="u" id="1" >}}` (and `x`, and the old `{{< tweet 1 >}}`):
/// a link to the post.
fn post_on_x(args: &Args) -> Option<String> {
    let id = args
        .get("id", Some(0))
        .filter(|i| i.chars().all(|c| c.is_ascii_digit()) && !i.is_empty())?;
    Some(
        match args.get("user", None).filter(|u| template::is_plain_id(u)) {
            Some(user) => template::link(
                &format!("Post by @{user}"),
                &format!("https://x.com/{user}/status/{id}"),
            ),
            None => template::link("Post on X", &format!("https://x.com/i/status/{id}")),
        },
    )
}

/// An admonition as themes write them, as a GFM alert of the kind its
/// style says (else its title, else a note): Docsy's `alert` (`color=`,
/// `title=`) and `pageinfo` (a note), Learn's `notice` (style, title), LoveIt's `admonition` (type,
/// title), Book's `hint` (type), Hextra's `callout` (`type=`).
fn alert(name: &str, args: &Args) -> Action {
    let (style, title, close) = match name {
        "alert" => (args.get("color", None), args.get("title", None), "/alert"),
        "pageinfo" => (None, None, "/pageinfo"),
        "notice" => (
            args.get("style", Some(0)),
            args.get("title", Some(1)),
            "/notice",
        ),
        "admonition" => (
            args.get("type", Some(0)),
            args.get("title", Some(1)),
            "/admonition",
        ),
        "hint" => (args.get("type", Some(0)), args.get("title", None), "/hint"),
        _ => (args.get("type", None), args.get("title", None), "/callout"),
    };
    let kind = style
        .and_then(kind_of)
        .or_else(|| title.and_then(kind_of))
        .unwrap_or("NOTE");
    Action::Paired(
        Close {
            delims: SHORTCODE,
            name: close,
        },
        Paired::Alert(kind, title.map(str::to_string)),
    )
}

/// The GFM alert kind for a theme's style or color word.
fn kind_of(word: &str) -> Option<&'static str> {
    Some(match word.trim().to_ascii_lowercase().as_str() {
        "note" | "info" | "primary" | "secondary" | "abstract" | "summary" | "example"
        | "question" | "quote" | "default" => "NOTE",
        "tip" | "success" | "hint" | "done" => "TIP",
        "important" => "IMPORTANT",
        "warning" | "warn" => "WARNING",
        "caution" | "danger" | "error" | "failure" | "bug" => "CAUTION",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: (&[&str], &str, &str) = (
        &[
            "posts/2020-hello.md",
            "posts/bundle/index.md",
            "posts/series/_index.md",
            "posts/series/part-1.md",
            "about.md",
            "docs/setup.markdown",
        ],
        "posts/series/part-2.md",
        "url = \"https://ex.org\"\n[author]\nname = \"Ann\"\n",
    );

    fn t(body: &str) -> Translated {
        template::check(translate, SITE, body)
    }

    fn text(body: &str) -> String {
        t(body).text
    }

    #[test]
    fn refs_lead_to_files_as_hugo_finds_them() {
        assert_eq!(
            text(
                r#"See [one]({{< ref "part-1.md" >}}) and [hello]({{< relref "/posts/2020-hello" >}})."#
            ),
            "See [one](@/posts/series/part-1.md) and [hello](@/posts/2020-hello.md)."
        );
        assert_eq!(
            text(r#"[b]({{% ref "posts/bundle" %}})"#),
            "[b](@/posts/bundle/index.md)"
        );
        assert_eq!(
            text(r#"[s]({{< ref "../series/" >}})"#),
            "[s](@/posts/series/_index.md)"
        );
        assert_eq!(
            text(r##"[s]({{< ref path="setup.markdown#install" lang="en" >}})"##),
            "[s](@/docs/setup.markdown#install)"
        );
        assert_eq!(text(r#"[a]({{< ref "about" >}})"#), "[a](@/about.md)");
        assert_eq!(text(r##"[h]({{< relref "#why" >}})"##), "[h](#why)");
        // a content folder moved: found by its end
        assert_eq!(
            text(r#"[d]({{< ref "/content/docs/setup.markdown" >}})"#),
            "[d](@/docs/setup.markdown)"
        );
        // not found: the best path, for the link check to report
        assert_eq!(text(r#"[g]({{< ref "gone" >}})"#), "[g](@/gone.md)");
    }

    #[test]
    fn params_come_from_the_site() {
        assert_eq!(
            text("[home]({{% param url %}}) by {{< param \"author.name\" >}}"),
            "[home](https://ex.org) by Ann"
        );
        let out = t("{{< param \"missing\" >}}");
        assert_eq!(out.text, "` {{< param \"missing\" >}} `");
        assert_eq!(out.unsupported[0].code, "{{< param \"missing\" >}}");
    }

    #[test]
    fn figures_become_html_figures() {
        assert_eq!(
            text(r#"{{< figure src="/img/cat.jpg" alt="A cat" title="Cat" caption="Asleep &amp; <em>content</em>" link="https://ex.org/cat" width="300" >}}"#),
            "<figure><a href=\"https://ex.org/cat\"><img src=\"/img/cat.jpg\" alt=\"A cat\" width=\"300\"></a><figcaption><strong>Cat</strong><br>Asleep &amp; <em>content</em></figcaption></figure>"
        );
        assert_eq!(
            text(r#"{{< figure src="a.jpg" caption="Photo by [Jane](https://ex.org/jane) on *Unsplash*" >}}"#),
            "<figure><img src=\"a.jpg\" alt=\"Photo by Jane on Unsplash\"><figcaption>Photo by <a href=\"https://ex.org/jane\">Jane</a> on <em>Unsplash</em></figcaption></figure>"
        );
        // spread over lines, as often written: the lines stay
        let body =
            "Before.\n\n{{< figure\n    src=\"pic.png\"\n    caption=\"Pic\" >}}\n\nAfter.\n";
        assert_eq!(
            text(body),
            "Before.\n\n<figure><img src=\"pic.png\" alt=\"Pic\"><figcaption>Pic</figcaption></figure>\n\n\n\nAfter.\n"
        );
    }

    #[test]
    fn embeds_become_links() {
        assert_eq!(
            text("{{< youtube dQw4w9WgXcQ >}}"),
            "[YouTube video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)"
        );
        assert_eq!(
            text(r#"{{< youtube id="w7Ft2ymGmfc" title="A [great] talk" start=30 >}}"#),
            "[A \\[great\\] talk](https://www.youtube.com/watch?v=w7Ft2ymGmfc&t=30s)"
        );
        assert_eq!(
            text("{{< vimeo 146022717 >}}"),
            "[Vimeo video](https://vimeo.com/146022717)"
        );
        assert_eq!(
            text("{{< gist spf13 7896402 \"img.html\" >}}"),
            "[img.html (gist spf13/7896402)](https://gist.github.com/spf13/7896402#file-img-html)"
        );
        assert_eq!(
            text(r#"{{< tweet user="SanDiegoZoo" id="1453110110599868418" >}} {{< tweet 877500564405444608 >}}"#),
            "[Post by @SanDiegoZoo](https://x.com/SanDiegoZoo/status/1453110110599868418) [Post on X](https://x.com/i/status/877500564405444608)"
        );
        assert_eq!(
            text("{{< instagram BWNjjyYFxVx hidecaption >}}"),
            "[Instagram post](https://www.instagram.com/p/BWNjjyYFxVx/)"
        );
    }

    #[test]
    fn highlight_becomes_a_fenced_block() {
        let body = "Code:\n\n{{< highlight go \"linenos=table,hl_lines=2\" >}}\nfunc main() {\n\tfmt.Println(\"{{< ref x >}}\")\n}\n{{< / highlight >}}\n\nDone.";
        assert_eq!(
            text(body),
            "Code:\n\n```go\nfunc main() {\n\tfmt.Println(\"{{< ref x >}}\")\n}\n```\n\nDone."
        );
        assert_eq!(
            text("{{< highlight sh >}}ls -l{{< /highlight >}}"),
            "` ls -l `"
        );
    }

    #[test]
    fn docsy_alerts_become_gfm_alerts() {
        let body = "{{% alert title=\"Warning\" color=\"warning\" %}}\nBack up **first**.\nThen [go]({{< ref \"about.md\" >}}).\n{{% /alert %}}\nNext.";
        assert_eq!(
            text(body),
            "> [!WARNING]\n> **Warning**<br>Back up **first**.\n> Then [go](@/about.md).\n\nNext."
        );
        assert_eq!(
            text("{{< alert >}}\n\nPlain note.\n{{< /alert >}}"),
            "> [!NOTE]\n>\n> Plain note.\n"
        );
        assert_eq!(
            text("{{% alert color=\"danger\" title=\"Careful\" %}}Don't.{{% /alert %}}"),
            "> **Careful** Don't."
        );
        assert_eq!(
            text("{{% alert title=\"Tip\" %}}\nx\n{{% /alert %}}"),
            "> [!TIP]\n> **Tip**<br>x\n"
        );
        assert_eq!(
            text("{{% alert title=\"Note\" %}}\nFirst.\nLast.{{% /alert %}}\nAfter."),
            "> [!NOTE]\n> **Note**<br>First.\n> Last.\nAfter."
        );
        assert_eq!(
            text("Say {{% alert %}}\nhi\n{{% /alert %}}"),
            "Say > \n> hi\n> "
        );
        assert_eq!(
            text("a {{% comment %}}\nTODO {{< x >}}\n{{% /comment %}} b"),
            "a \n\n b"
        );
        assert_eq!(
            text("{{% notice warning \"Mind the gap\" %}}\nx\n{{% /notice %}}"),
            "> [!WARNING]\n> **Mind the gap**<br>x\n"
        );
        assert_eq!(
            text("{{< admonition type=tip >}}\nx\n{{< /admonition >}}\n{{< hint danger >}}\ny\n{{< /hint >}}"),
            "> [!TIP]\n> x\n\n> [!CAUTION]\n> y\n"
        );
        // never closed: shown as code and reported
        assert_eq!(t("{{% alert %}}\nx").unsupported.len(), 1);
    }

    #[test]
    fn escaped_shortcodes_show_as_written_in_code_too() {
        assert_eq!(
            text("Write {{</* youtube x */>}}."),
            "Write {{< youtube x >}}."
        );
        let body = "```go-html-template\n{{</* figure src=\"a.png\" */>}}\n{{%/* param x */%}}\n```\nand `{{</* ref \"a\" */>}}`";
        assert_eq!(
            text(body),
            "```go-html-template\n{{< figure src=\"a.png\" >}}\n{{% param x %}}\n```\nand `{{< ref \"a\" >}}`"
        );
    }

    #[test]
    fn code_and_liquid_are_left_alone_unknown_shortcodes_reported() {
        let body = "`{{< ref \"a.md\" >}}`\n\n~~~\n{{< youtube x >}}\n~~~\n\n{{ .Title }} {% raw %}\n\n{{< mermaid >}}\ngraph TD;\n{{< /mermaid >}}\n";
        let out = t(body);
        assert_eq!(
            out.text,
            "`{{< ref \"a.md\" >}}`\n\n~~~\n{{< youtube x >}}\n~~~\n\n{{ .Title }} {% raw %}\n\n` {{< mermaid >}} `\ngraph TD;\n` {{< /mermaid >}} `\n"
        );
        let lines: Vec<usize> = out.unsupported.iter().map(|u| u.line).collect();
        assert_eq!(lines, [8, 10]);
    }

    #[test]
    fn jumbled_bodies_keep_their_lines() {
        for body in template::jumbled_bodies() {
            t(&body);
        }
    }
}
