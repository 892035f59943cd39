//! Jekyll's Liquid in post bodies, translated into markdown, following
//! Jekyll's tags (`lib/jekyll/tags/post_url.rb`, `link.rb`, `highlight.rb`),
//! its filters (`relative_url`, `absolute_url`) and its docs
//! (<https://jekyllrb.com/docs/liquid/tags/>):
//!
//! - `{% raw %}…{% endraw %}`: what is between, as written (the tags vanish,
//!   in code too: Jekyll runs Liquid before markdown, code included);
//!   `{% comment %}…{% endcomment %}`: nothing;
//! - `{% highlight ruby linenos %}…{% endhighlight %}` (and Octopress's
//!   `{% codeblock lang:ruby %}…{% endcodeblock %}`): a fenced code block;
//! - `{% post_url [/sub/]2013-05-06-name %}`: the post's file in `_posts/`
//!   (`_posts/sub/…` or `sub/_posts/…`, any extension) as `@/…`;
//!   `{% link path %}`: that markdown file as `@/path`, any other file as
//!   the path the site serves it at (`/assets/cv.pdf`);
//! - `{% gist user/id [file] %}` (jekyll-gist): a link to the gist;
//! - `{{ site.baseurl }}`, `{{ site.url }}`: nothing (what follows is a path
//!   on this site); `{{ "/x" | relative_url }}`, `absolute_url`,
//!   `prepend: site.baseurl`: `/x`; `{{ site.<param> }}`: its value from
//!   `[params]`.
//!
//! Anything else (`{% include %}`, `{{ page.title }}`, `{% if %}`…) is shown
//! as code and reported.

use crate::moved::template::{self, paths, Action, Args, Close, Construct, Delim, Dialect, Paired};
use crate::moved::{TemplateContext, Translated};

const LIQUID: &[Delim] = &[Delim::Tag, Delim::Output];

/// The body with Jekyll's template syntax translated.
pub fn translate(body: &str, ctx: &TemplateContext) -> Translated {
    template::translate(body, &Jekyll { ctx })
}

struct Jekyll<'a> {
    ctx: &'a TemplateContext<'a>,
}

impl Dialect for Jekyll<'_> {
    fn delims(&self) -> &'static [Delim] {
        LIQUID
    }

    fn action(&self, c: &Construct) -> Action {
        let text = match c.delim {
            Delim::Tag => return self.tag(c),
            _ => output(c.inner, self.ctx),
        };
        text.map_or(Action::Unsupported, Action::Text)
    }

    fn in_code(&self, c: &Construct) -> Option<String> {
        (c.delim == Delim::Tag && matches!(c.inner, "raw" | "endraw")).then(String::new)
    }
}

impl Jekyll<'_> {
    /// What a `{% tag %}` becomes.
    fn tag(&self, c: &Construct) -> Action {
        let (name, arg) = c.name_args();
        let close = |name| Close {
            delims: LIQUID,
            name,
        };
        let paired = |name, paired| Action::Paired(close(name), paired);
        let text = match name {
            "raw" => return paired("endraw", Paired::Raw(true)),
            "comment" => return paired("endcomment", Paired::Raw(false)),
            "highlight" => {
                let lang = Args::parse(arg).positional.first().cloned();
                return paired("endhighlight", Paired::Code(lang.unwrap_or_default()));
            }
            "codeblock" => return paired("endcodeblock", Paired::Code(codeblock_lang(arg))),
            _ if arg.contains('{') => None,
            "post_url" if !arg.is_empty() => Some(post_url(arg, self.ctx)),
            "link" if !arg.is_empty() => Some(link(arg, self.ctx)),
            "gist" => gist(arg),
            _ => None,
        };
        text.map_or(Action::Unsupported, Action::Text)
    }
}

/// Octopress's `{% codeblock [title] lang:ruby [url] %}`: the language.
fn codeblock_lang(arg: &str) -> String {
    arg.split_whitespace()
        .find_map(|w| w.strip_prefix("lang:"))
        .unwrap_or_default()
        .to_string()
}

/// `{% post_url [/sub/]2013-05-06-name %}`: the post's file, found as Jekyll
/// finds it (`_posts/sub/name.*`, `sub/_posts/name.*`), else anywhere as the
/// only file of that name (a `_posts/` moved elsewhere).
fn post_url(arg: &str, ctx: &TemplateContext) -> String {
    let name = arg.trim().trim_start_matches('/');
    let (dir, file) = match name.rsplit_once('/') {
        Some((dir, file)) => (format!("{dir}/"), file),
        None => (String::new(), name),
    };
    let found = [format!("_posts/{dir}{file}"), format!("{dir}_posts/{file}")]
        .iter()
        .find_map(|p| paths::find(ctx.sources, p))
        .or_else(|| paths::find_ending(ctx.sources, &format!("_posts/{dir}{file}")));
    match found {
        Some(path) => format!("@/{path}"),
        None => format!("@/_posts/{dir}{file}.md"),
    }
}

/// `{% link path %}`: the file at that path from the site's root: a
/// markdown file under `content/` (`@/…`), else a file the site serves at
/// that path (`/assets/cv.pdf`, moved to the static folder).
fn link(arg: &str, ctx: &TemplateContext) -> String {
    let path = arg.trim().trim_start_matches('/');
    let found = paths::find(ctx.sources, path).or_else(|| paths::find_ending(ctx.sources, path));
    match found {
        Some(source) => format!("@/{source}"),
        None if crate::site::is_markdown(path) => format!("@/{path}"),
        None => format!("/{path}"),
    }
}

/// jekyll-gist's `{% gist [user/]id [file] %}`: a link to the gist.
fn gist(arg: &str) -> Option<String> {
    let args = Args::parse(arg);
    let path = args.positional.first()?;
    let parts: Vec<&str> = path.split('/').collect();
    (parts.len() <= 2 && parts.iter().all(|p| template::is_plain_id(p)))
        .then(|| template::gist_link(path, args.positional.get(1).map(String::as_str)))
}

/// What `{{ value | filter… }}` becomes, when it is a path or a site value.
fn output(inner: &str, ctx: &TemplateContext) -> Option<String> {
    let mut parts = inner.split('|').map(str::trim);
    let value = parts.next()?;
    let filters: Vec<String> = parts
        .map(|f| f.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    let path_filter = |f: &String| {
        matches!(
            f.as_str(),
            "relative_url" | "absolute_url" | "prepend:site.baseurl" | "prepend:site.url"
        )
    };
    if !filters.iter().all(path_filter) {
        return None;
    }
    match value {
        "site.baseurl" | "site.url" => Some(String::new()),
        v if v.starts_with(['"', '\'']) => Args::parse(v).positional.into_iter().next(),
        v if filters.is_empty() => template::param(ctx.params, v.strip_prefix("site.")?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: (&[&str], &str, &str) = (
        &[
            "_posts/2013-05-06-hello-world.markdown",
            "_posts/2016-01-02-notes.md",
            "_posts/travel/2017-03-02-lisbon.mkd",
            "recipes/_posts/2018-04-01-bread.md",
            "about.md",
        ],
        "_posts/2020-01-01-now.md",
        "title = \"Ann's notes\"\n[author]\nname = \"Ann\"\n",
    );

    fn t(body: &str) -> Translated {
        template::check(translate, SITE, body)
    }

    fn text(body: &str) -> String {
        t(body).text
    }

    #[test]
    fn post_url_and_link_lead_to_files() {
        assert_eq!(
            text("I said [hello]({% post_url 2013-05-06-hello-world %}) and [more]({{ site.baseurl }}{% post_url 2016-01-02-notes %}#list)."),
            "I said [hello](@/_posts/2013-05-06-hello-world.markdown) and [more](@/_posts/2016-01-02-notes.md#list)."
        );
        assert_eq!(
            text("[L]({% post_url /travel/2017-03-02-lisbon %}) [B]({% post_url recipes/2018-04-01-bread %})"),
            "[L](@/_posts/travel/2017-03-02-lisbon.mkd) [B](@/recipes/_posts/2018-04-01-bread.md)"
        );
        assert_eq!(
            text("[a]({% link about.md %}) [n]({% link _posts/2016-01-02-notes.md %}) [x]({%- post_url 2011-01-01-gone -%})"),
            "[a](@/about.md) [n](@/_posts/2016-01-02-notes.md) [x](@/_posts/2011-01-01-gone.md)"
        );
        assert_eq!(
            text("[cv]({% link assets/cv.pdf %}) [gone]({% link gone.markdown %})"),
            "[cv](/assets/cv.pdf) [gone](@/gone.markdown)"
        );
    }

    #[test]
    fn site_values_and_url_filters() {
        assert_eq!(
            text(
                r#"![p]({{ "/assets/p.png" | relative_url }}) [f]({{ site.url }}{{ site.baseurl }}/feed.xml) [c]({{ '/cv.pdf' | prepend: site.baseurl }})"#
            ),
            "![p](/assets/p.png) [f](/feed.xml) [c](/cv.pdf)"
        );
        assert_eq!(
            text("By {{ site.author.name }} for {{site.title}}."),
            "By Ann for Ann's notes."
        );
        let out = t("{{ page.title }} {{ site.missing }} {{ \"x\" | upcase }}");
        assert_eq!(out.unsupported.len(), 3);
        assert_eq!(
            out.text,
            "` {{ page.title }} ` ` {{ site.missing }} ` ` {{ \"x\" | upcase }} `"
        );
    }

    #[test]
    fn highlight_becomes_a_fenced_block() {
        let body = "Run:\n\n{% highlight ruby linenos %}\ndef hi\n  puts \"{{ name }}\"\nend\n{% endhighlight %}\n\nDone.";
        assert_eq!(
            text(body),
            "Run:\n\n```ruby\ndef hi\n  puts \"{{ name }}\"\nend\n```\n\nDone."
        );
        // in a list item, and with raw inside: the raw lines take the fences
        let body = "1. Add:\n\n   {% highlight html %}\n   {% raw %}\n   <h1>{{ page.title }}</h1>\n   {% endraw %}\n   {% endhighlight %}\n";
        assert_eq!(
            text(body),
            "1. Add:\n\n   \n   ```html\n   <h1>{{ page.title }}</h1>\n   ```\n\n"
        );
        assert_eq!(
            text("{% codeblock Time lang:ruby %}\nTime.now\n{% endcodeblock %}"),
            "```ruby\nTime.now\n```"
        );
        assert_eq!(
            text("{% highlight ruby %}\ndef x; end{% endhighlight %}"),
            "<pre><code class=\"language-ruby\">\ndef x; end</code></pre>"
        );
    }

    #[test]
    fn raw_keeps_what_it_holds_in_and_out_of_code() {
        assert_eq!(
            text("Write {% raw %}{{ page.title }}{% endraw %} to show it."),
            "Write {{ page.title }} to show it."
        );
        let body = "```liquid\n{% raw %}\n{% for post in site.posts %}\n  {{ post.title }}\n{% endfor %}\n{% endraw %}\n```\nInline `{% raw %}{{ x }}{% endraw %}`.";
        assert_eq!(
            text(body),
            "\n```liquid\n{% for post in site.posts %}\n  {{ post.title }}\n{% endfor %}\n```\n\nInline `{{ x }}`."
        );
        let body = "{% raw %}\nA {{ x }} and {% y %}.\n{% endraw %}\n";
        assert_eq!(text(body), "\nA {{ x }} and {% y %}.\n\n");
        assert_eq!(
            text("a{% comment %}\nhidden {% x %}\n{% endcomment %}b"),
            "a\n\nb"
        );
    }

    #[test]
    fn gists_become_links() {
        assert_eq!(
            text("{% gist parkr/931c1c8d465a04042403 jekyll-private-gist.markdown %}"),
            "[jekyll-private-gist.markdown (gist parkr/931c1c8d465a04042403)](https://gist.github.com/parkr/931c1c8d465a04042403#file-jekyll-private-gist-markdown)"
        );
        assert_eq!(
            text("{% gist 5555251 %}"),
            "[Gist 5555251](https://gist.github.com/5555251)"
        );
    }

    #[test]
    fn the_rest_is_reported_where_it_stands() {
        let body = "Intro\n\n{% include image.html url=\"/a.png\" %}\n\n{% if site.comments %}\nx\n{% endif %}\n`{% include x %}`\n";
        let out = t(body);
        let found = crate::moved::template::reported(&out);
        assert_eq!(
            found,
            [
                "2:{% include image.html url=\"/a.png\" %}",
                "4:{% if site.comments %}",
                "6:{% endif %}"
            ]
        );
        assert!(out.text.ends_with("`{% include x %}`\n"));
        // Hugo's syntax means nothing here
        assert_eq!(text("{{< ref \"a\" >}}").chars().next(), Some('`'));
    }

    #[test]
    fn jumbled_bodies_keep_their_lines() {
        for body in template::jumbled_bodies() {
            t(&body);
        }
    }
}
