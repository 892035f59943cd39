//! Zola's shortcodes in post bodies, translated into markdown, following
//! Zola's docs (<https://www.getzola.org/documentation/content/shortcodes/>)
//! and its built-in templates
//! (`components/templates/src/builtins/shortcodes/*.html`):
//!
//! - `{{ youtube(id="…") }}` (or `playlist=`), `{{ vimeo(id="…") }}`,
//!   `{{ streamable(id="…") }}`, `{{ twitch(channel="…") }}`: a link to the
//!   video (no third-party frame);
//! - `{{ gist(url="…", file="…") }}`: a link to the gist (at the file);
//! - `{{/* x */}}` and `{%/* x */%}`: shown as `{{ x }}` and `{% x %}`, in
//!   code as well (as Zola does).
//!
//! Only `{{ name(…) }}` and `{% name(…) %}` are shortcodes to Zola: any other
//! `{{ }}` or `{% %}` stays as written. Other shortcodes, and the block ones
//! (`{% name(…) %}…{% end %}`: themes' own templates), are shown as code and
//! reported. Internal links (`@/x.md`) are already this blog's.

use crate::moved::template::{self, Action, Args, Construct, Delim, Dialect};
use crate::moved::{TemplateContext, Translated};

/// The body with Zola's template syntax translated.
pub fn translate(body: &str, _ctx: &TemplateContext) -> Translated {
    template::translate(body, &Zola)
}

struct Zola;

impl Dialect for Zola {
    fn delims(&self) -> &'static [Delim] {
        &[Delim::Tag, Delim::Output]
    }

    fn action(&self, c: &Construct) -> Action {
        if let Some(text) = self.in_code(c) {
            return Action::Text(text);
        }
        let (name, args) = c.name_args();
        if c.delim == Delim::Tag && c.inner == "end" {
            return Action::Unsupported;
        }
        if !is_call(name, args) {
            return Action::Keep;
        }
        let text = match (c.delim, name) {
            (Delim::Output, _) => builtin(name, &Args::parse(args)),
            _ => None,
        };
        text.map_or(Action::Unsupported, Action::Text)
    }

    fn in_code(&self, c: &Construct) -> Option<String> {
        template::unescape(c)
    }
}

/// True for a shortcode call: a name, then arguments in parentheses.
fn is_call(name: &str, args: &str) -> bool {
    !name.is_empty()
        && name.chars().all(|c| c.is_alphanumeric() || c == '_')
        && args.starts_with('(')
        && args.ends_with(')')
}

/// What a built-in shortcode becomes.
fn builtin(name: &str, args: &Args) -> Option<String> {
    let id = || args.get("id", None).filter(|id| template::is_plain_id(id));
    match name {
        "youtube" => match (id(), args.get("playlist", None)) {
            (Some(id), _) => Some(video(
                "YouTube video",
                "https://www.youtube.com/watch?v=",
                id,
            )),
            (None, Some(list)) if template::is_plain_id(list) => Some(video(
                "YouTube playlist",
                "https://www.youtube.com/playlist?list=",
                list,
            )),
            _ => None,
        },
        "vimeo" => id().map(|id| video("Vimeo video", "https://vimeo.com/", id)),
        "streamable" => id().map(|id| video("Streamable video", "https://streamable.com/", id)),
        "twitch" => args
            .get("channel", None)
            .filter(|c| template::is_plain_id(c))
            .map(|c| video(&format!("{c} on Twitch"), "https://www.twitch.tv/", c)),
        "gist" => gist(args),
        _ => None,
    }
}

fn video(title: &str, base: &str, id: &str) -> String {
    template::link(title, &format!("{base}{id}"))
}

/// `gist(url="https://gist.github.com/user/id", file="x.rs")`.
fn gist(args: &Args) -> Option<String> {
    let path = args
        .get("url", None)?
        .strip_prefix("https://gist.github.com/")?;
    let path = path.trim_end_matches('/');
    path.split('/')
        .all(template::is_plain_id)
        .then(|| template::gist_link(path, args.get("file", None)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(body: &str) -> Translated {
        template::check(translate, (&["blog/a.md"], "blog/a.md", ""), body)
    }

    fn text(body: &str) -> String {
        t(body).text
    }

    #[test]
    fn built_ins_become_links() {
        assert_eq!(
            text("Watch:\n\n{{ youtube(id=\"dCKeXuVHl1o\") }}\n\n{{ youtube(id=\"dCKeXuVHl1o\", autoplay=true, class=\"yt\") }}"),
            "Watch:\n\n[YouTube video](https://www.youtube.com/watch?v=dCKeXuVHl1o)\n\n[YouTube video](https://www.youtube.com/watch?v=dCKeXuVHl1o)"
        );
        assert_eq!(
            text("{{ vimeo(id=\"124313553\") }} {{ streamable(id=\"92ok4\") }} {{ twitch(channel=\"zola\") }}"),
            "[Vimeo video](https://vimeo.com/124313553) [Streamable video](https://streamable.com/92ok4) [zola on Twitch](https://www.twitch.tv/zola)"
        );
        assert_eq!(
            text("{{ gist(url=\"https://gist.github.com/Keats/e5fb6aad409f28721c0ba14161644c57\", file=\"main.rs\") }}"),
            "[main.rs (gist Keats/e5fb6aad409f28721c0ba14161644c57)](https://gist.github.com/Keats/e5fb6aad409f28721c0ba14161644c57#file-main-rs)"
        );
    }

    #[test]
    fn escapes_show_as_written_in_code_too() {
        assert_eq!(
            text("Use {{/* youtube(id=\"x\") */}} or {%/* note() */%}."),
            "Use {{ youtube(id=\"x\") }} or {% note() %}."
        );
        assert_eq!(
            text("```jinja\n{{/* gist(url=\"u\") */}}\n{{ page.title }}\n```"),
            "```jinja\n{{ gist(url=\"u\") }}\n{{ page.title }}\n```"
        );
    }

    #[test]
    fn other_shortcodes_reported_other_braces_left() {
        let body = "Text {{ not a call }} and {% neither %}.\n\n{% quote(author=\"Vincent\") %}\nA quote\n{% end %}\n\n{{ image(src=\"a.png\") }} `{{ youtube(id=\"x\") }}`\n";
        let out = t(body);
        assert_eq!(
            out.text,
            "Text {{ not a call }} and {% neither %}.\n\n` {% quote(author=\"Vincent\") %} `\nA quote\n` {% end %} `\n\n` {{ image(src=\"a.png\") }} ` `{{ youtube(id=\"x\") }}`\n"
        );
        let found = crate::moved::template::reported(&out);
        assert_eq!(
            found,
            [
                "2:{% quote(author=\"Vincent\") %}",
                "4:{% end %}",
                "6:{{ image(src=\"a.png\") }}"
            ]
        );
    }

    #[test]
    fn jumbled_bodies_keep_their_lines() {
        for body in template::jumbled_bodies() {
            t(&body);
        }
    }
}
