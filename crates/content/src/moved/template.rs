//! Template syntax in post bodies, as the three generators share it: finding
//! `{{< … >}}`, `{{% … %}}`, `{% … %}` and `{{ … }}` outside code, and putting
//! what each generator's [`Dialect`] makes of them in their place.
//!
//! The scanning follows CommonMark where it decides what is code: fenced code
//! blocks (```` ``` ```` or `~~~`, <https://spec.commonmark.org/0.31.2/#fenced-code-blocks>)
//! and code spans are copied as written, except for what the generator itself
//! undoes there (Hugo's `{{</* x */>}}`, Zola's `{{/* x */}}`, Jekyll's
//! `{% raw %}`: each generator reads its syntax before markdown, code included).
//! Every replacement keeps the number of lines of what it replaces, so the
//! build's `file:line` messages name the lines of the file. A construct a
//! dialect cannot translate is shown as code, exactly as written (so markdown
//! and typographic quotes leave it alone), and reported as [`Unsupported`].

use crate::moved::{Translated, Unsupported};

/// The four ways a construct is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delim {
    /// Hugo's `{{< x >}}`.
    Angle,
    /// Hugo's `{{% x %}}`.
    Percent,
    /// Liquid's and Tera's `{% x %}`.
    Tag,
    /// Liquid's and Tera's `{{ x }}`.
    Output,
}

impl Delim {
    /// Tried in this order: `{{%` before `{%`, `{{<` and `{{%` before `{{`.
    pub const ALL: [Delim; 4] = [Delim::Angle, Delim::Percent, Delim::Tag, Delim::Output];

    pub fn open(self) -> &'static str {
        match self {
            Delim::Angle => "{{<",
            Delim::Percent => "{{%",
            Delim::Tag => "{%",
            Delim::Output => "{{",
        }
    }

    pub fn close(self) -> &'static str {
        match self {
            Delim::Angle => ">}}",
            Delim::Percent => "%}}",
            Delim::Tag => "%}",
            Delim::Output => "}}",
        }
    }
}

/// One construct as written in a body.
#[derive(Debug, Clone, Copy)]
pub struct Construct<'a> {
    pub delim: Delim,
    /// What is between the delimiters, trimmed (and Liquid's `-` trims).
    pub inner: &'a str,
    pub written: &'a str,
}

impl<'a> Construct<'a> {
    /// The first word and the rest: `("figure", "src=\"x\"")`.
    pub fn name_args(&self) -> (&'a str, &'a str) {
        let inner = self.inner;
        let end = inner
            .find(|c: char| c.is_whitespace() || c == '(')
            .unwrap_or(inner.len());
        (&inner[..end], inner[end..].trim())
    }

    /// `/* x */` as `x`: how Hugo and Zola escape a construct.
    pub fn escaped(&self) -> Option<&'a str> {
        let shown = self.inner.strip_prefix("/*")?.strip_suffix("*/")?;
        Some(shown.trim())
    }
}

/// The construct that ends a paired one (`{% endhighlight %}`, `{{% /alert %}}`).
#[derive(Debug, Clone, Copy)]
pub struct Close {
    pub delims: &'static [Delim],
    pub name: &'static str,
}

/// What a dialect makes of a construct.
#[derive(Debug, Clone)]
pub enum Action {
    /// Replaced by this markdown (padded to the lines the construct took).
    Text(String),
    /// Left as written: not template syntax in this generator.
    Keep,
    /// Shown as code, as written, and reported.
    Unsupported,
    /// Opens what the construct `Close` ends (reported when nothing does).
    Paired(Close, Paired),
}

/// What is between a paired construct's opening and closing constructs.
#[derive(Debug, Clone)]
pub enum Paired {
    /// Code in this language (`""`: none), its lines as written.
    Code(String),
    /// Kept literally (`true`) or dropped (`false`, a comment); both
    /// constructs vanish.
    Raw(bool),
    /// Markdown inside a GFM alert of this kind (`NOTE`, `TIP`, `IMPORTANT`,
    /// `WARNING`, `CAUTION`), under a bold title.
    Alert(&'static str, Option<String>),
}

/// A generator's template syntax.
pub trait Dialect {
    /// The delimiters this generator reads in bodies.
    fn delims(&self) -> &'static [Delim];
    /// What a construct outside code becomes.
    fn action(&self, c: &Construct) -> Action;
    /// What a construct inside code becomes; `None` leaves it as written.
    fn in_code(&self, _c: &Construct) -> Option<String> {
        None
    }
}

/// Every construct left as written, shown as code, and reported: for a blog
/// that names no generator it moved from.
pub fn plain(body: &str) -> Translated {
    translate(body, &Plain)
}

struct Plain;

impl Dialect for Plain {
    fn delims(&self) -> &'static [Delim] {
        &Delim::ALL
    }
    fn action(&self, _c: &Construct) -> Action {
        Action::Unsupported
    }
}

/// The body with the dialect's constructs translated.
pub fn translate(body: &str, dialect: &dyn Dialect) -> Translated {
    if !body.contains("{{") && !body.contains("{%") {
        return Translated {
            text: body.to_string(),
            unsupported: Vec::new(),
        };
    }
    let mut scan = Scan {
        dialect,
        body,
        out: String::with_capacity(body.len() + 64),
        unsupported: Vec::new(),
    };
    scan.run(0, body.len());
    Translated {
        text: scan.out,
        unsupported: scan.unsupported,
    }
}

struct Scan<'a> {
    dialect: &'a dyn Dialect,
    body: &'a str,
    out: String,
    unsupported: Vec<Unsupported>,
}

impl Scan<'_> {
    /// Translates `body[start..end]` onto `out`.
    fn run(&mut self, start: usize, end: usize) {
        let mut i = start;
        while i < end {
            i = self.step(i, end);
        }
    }

    /// Translates what starts at `i`; returns where the next thing starts.
    fn step(&mut self, i: usize, end: usize) -> usize {
        let body = self.body;
        if is_line_start(body, i) {
            if let Some(fence_end) = fence_at(body, i, end) {
                let block = fenced_block(self.dialect, &body[i..fence_end]);
                self.out.push_str(&block);
                return fence_end;
            }
        }
        let rest = &body[i..end];
        if rest.starts_with('`') {
            let n = code_span_len(rest);
            self.out.push_str(&code_text(self.dialect, &rest[..n]));
            return i + n;
        }
        if rest.starts_with('{') {
            if let Some(c) = construct_at(rest, self.dialect.delims()) {
                return self.construct(i, c, end);
            }
        }
        let c = rest.chars().next().expect("not at the end");
        self.out.push(c);
        i + c.len_utf8()
    }

    /// Puts what the construct at `i` becomes; returns where it ends.
    fn construct(&mut self, i: usize, c: Construct, end: usize) -> usize {
        let after = i + c.written.len();
        let (close, paired) = match self.dialect.action(&c) {
            Action::Text(text) => {
                self.out.push_str(&pad_lines(text, c.written));
                return after;
            }
            Action::Keep => {
                self.out.push_str(c.written);
                return after;
            }
            Action::Unsupported => {
                self.unsupported(i, &c);
                return after;
            }
            Action::Paired(close, paired) => (close, paired),
        };
        let Some((close_start, close_end)) = find_close(self.body, after, end, close) else {
            self.unsupported(i, &c);
            return after;
        };
        let span = Span {
            open: (i, after),
            close: (close_start, close_end),
        };
        let text = match paired {
            Paired::Code(lang) => code_region(self.dialect, self.body, span, &lang),
            Paired::Raw(true) => self.body[after..close_start].to_string(),
            Paired::Raw(false) => "\n".repeat(newlines(&self.body[i..close_end])),
            Paired::Alert(kind, title) => self.alert(span, kind, title.as_deref()),
        };
        self.out.push_str(&text);
        close_end
    }

    /// Shows the construct at `i` as code and reports it.
    fn unsupported(&mut self, i: usize, c: &Construct) {
        // On one line, for messages: runs of spaces and newlines as a space.
        let written = c.written.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut code: String = written.chars().take(60).collect();
        if code.len() < written.len() {
            code.push('…');
        }
        self.unsupported.push(Unsupported {
            line: newlines(&self.body[..i]),
            code,
        });
        self.out.push_str(&as_code(c.written));
    }

    /// A GFM alert holding what is between the constructs, translated.
    fn alert(&mut self, span: Span, kind: &str, title: Option<&str>) -> String {
        let outer = std::mem::take(&mut self.out);
        self.run(span.open.1, span.close.0);
        let inner = std::mem::replace(&mut self.out, outer);
        let title = title.map(|t| format!("**{}**", markdown_text(t)));
        let lines: Vec<&str> = inner.split('\n').collect();
        if !span.alone(self.body, span.open) || lines.len() < 2 {
            // The marker must be alone on its line: a plain quote, titled.
            let title = title.map_or(String::new(), |t| t + " ");
            let quoted = inner.trim_matches(' ').replace('\n', "\n> ");
            return format!("> {title}{quoted}");
        }
        // The opening line holds the marker, the title goes before the first
        // line of the content, a closing line of its own is left blank.
        let close_alone = span.alone(self.body, span.close);
        let mut out = format!("> [!{kind}]");
        for (n, line) in lines[1..].iter().enumerate() {
            if close_alone && n + 2 == lines.len() {
                out.push('\n');
                break;
            }
            let line = line.trim_end();
            let text = match (&title, n) {
                (Some(t), 0) if line.trim().is_empty() => t.clone(),
                (Some(t), 0) => format!("{t}<br>{}", line.trim_start()),
                _ => line.to_string(),
            };
            out.push_str(format!("\n> {text}").trim_end());
        }
        out
    }
}

/// Where a paired construct's opening and closing constructs are.
#[derive(Debug, Clone, Copy)]
struct Span {
    open: (usize, usize),
    close: (usize, usize),
}

impl Span {
    /// True when the construct at `at` is alone on its line (but for spaces).
    fn alone(self, body: &str, (start, end): (usize, usize)) -> bool {
        let after = body[end..].split('\n').next().unwrap_or("");
        body[line_start(body, start)..start].trim().is_empty() && after.trim().is_empty()
    }

    /// True when both constructs are alone on their lines, apart.
    fn aligned(self, body: &str) -> bool {
        self.alone(body, self.open)
            && self.alone(body, self.close)
            && body[self.open.1..self.close.0].contains('\n')
    }
}

/// The code between the constructs of `span`: a fenced block when they stand
/// on their own lines, else a code span or a `<pre>` on the same lines.
fn code_region(dialect: &dyn Dialect, body: &str, span: Span, lang: &str) -> String {
    let between = &body[span.open.1..span.close.0];
    if span.aligned(body) {
        let (_, lines) = between
            .split_once('\n')
            .expect("aligned spans hold a newline");
        let lines = &lines[..lines.rfind('\n').map_or(0, |n| n + 1)];
        let indent = &body[line_start(body, span.close.0)..span.close.0];
        let fence = "`".repeat(3.max(longest_run(lines, '`') + 1));
        let open = format!("{fence}{lang}");
        let content: Vec<&str> = lines.split_inclusive('\n').collect();
        let content: Vec<&str> = content.iter().map(|l| l.trim_end_matches('\n')).collect();
        return code_lines(dialect, &open, &content, Some(&format!("{indent}{fence}")));
    }
    let code = code_text(dialect, between);
    if !code.contains('\n') {
        return as_code(code.trim());
    }
    let class = if lang.is_empty() {
        String::new()
    } else {
        format!(" class=\"language-{}\"", escape_html(lang))
    };
    format!("<pre><code{class}>{}</code></pre>", escape_html(&code))
}

/// An opening fence, code lines and a closing fence, with what the dialect
/// undoes in code undone. A line left blank by that (a lone `{% raw %}`) at
/// the start or the end takes the fence, so the code gains no blank line.
fn code_lines(dialect: &dyn Dialect, open: &str, lines: &[&str], close: Option<&str>) -> String {
    let new: Vec<String> = lines.iter().map(|l| code_text(dialect, l)).collect();
    let vanished = |n: &usize| !lines[*n].trim().is_empty() && new[*n].trim().is_empty();
    let lead = (0..lines.len()).take_while(vanished).count();
    let trail = match close {
        Some(_) if lead < lines.len() => (lead..lines.len()).rev().take_while(vanished).count(),
        _ => 0,
    };
    let mut out: Vec<String> = Vec::with_capacity(lines.len() + 2);
    out.push(if lead == 0 {
        open.to_string()
    } else {
        String::new()
    });
    let indent = |n: usize| &lines[n][..lines[n].len() - lines[n].trim_start().len()];
    for (n, line) in new.into_iter().enumerate() {
        let text = if n + 1 == lead {
            format!("{}{}", indent(n), open.trim_start())
        } else if n < lead || n > lines.len() - trail {
            String::new()
        } else if trail > 0 && n == lines.len() - trail {
            format!("{}{}", indent(n), close.unwrap_or_default().trim_start())
        } else {
            line
        };
        out.push(text);
    }
    if let Some(close) = close {
        out.push(if trail == 0 {
            close.to_string()
        } else {
            String::new()
        });
    }
    out.join("\n")
}

/// A fenced code block as written (`block` from its opening line to the end
/// of its closing line, or of the body), with what the dialect undoes in code.
fn fenced_block(dialect: &dyn Dialect, block: &str) -> String {
    let lines: Vec<&str> = block.split('\n').collect();
    let (open, rest) = lines.split_first().expect("a fence has its line");
    let closed = rest.last().is_some_and(|l| closes_fence(open, l));
    match (closed, rest.split_last()) {
        (true, Some((close, content))) => code_lines(dialect, open, content, Some(close)),
        _ => code_lines(dialect, open, rest, None),
    }
}

/// Code as written, with what the dialect undoes in code undone.
fn code_text(dialect: &dyn Dialect, code: &str) -> String {
    if !code.contains('{') {
        return code.to_string();
    }
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        if let Some(c) = construct_at(rest, dialect.delims()) {
            match dialect.in_code(&c) {
                Some(text) => out.push_str(&pad_lines(text, c.written)),
                None => out.push_str(c.written),
            }
            i += c.written.len();
            continue;
        }
        let ch = rest.chars().next().expect("not at the end");
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// The construct `text` starts with, written with one of `delims`. It may
/// span lines, but no blank line.
pub fn construct_at<'a>(text: &'a str, delims: &[Delim]) -> Option<Construct<'a>> {
    Delim::ALL
        .into_iter()
        .filter(|d| delims.contains(d))
        .find_map(|delim| {
            let after = text.strip_prefix(delim.open())?;
            let end = after.find(delim.close())?;
            let raw = &after[..end];
            if holds_blank_line(raw) {
                return None;
            }
            let mut inner = raw.trim();
            if matches!(delim, Delim::Tag | Delim::Output) {
                inner = inner.trim_matches('-').trim();
            }
            let len = delim.open().len() + end + delim.close().len();
            Some(Construct {
                delim,
                inner,
                written: &text[..len],
            })
        })
}

fn holds_blank_line(s: &str) -> bool {
    let lines: Vec<&str> = s.split('\n').collect();
    lines.len() > 2
        && lines[1..lines.len() - 1]
            .iter()
            .any(|l| l.trim().is_empty())
}

/// The construct that closes a paired one, from `from` on: its start and end.
fn find_close(body: &str, from: usize, end: usize, close: Close) -> Option<(usize, usize)> {
    let text = &body[from..end];
    text.match_indices('{').find_map(|(j, _)| {
        let c = construct_at(&text[j..], close.delims)?;
        let compact: String = c.inner.split_whitespace().collect();
        (compact == close.name).then(|| (from + j, from + j + c.written.len()))
    })
}

/// Where the fenced code block opening at `i` ends (the end of its closing
/// line, before the newline), if a fence opens there.
fn fence_at(body: &str, i: usize, end: usize) -> Option<usize> {
    let first = body[i..end].split('\n').next().unwrap_or("");
    let (c, n) = fence_of(first)?;
    if c == '`' && first.trim_start()[n..].contains('`') {
        return None;
    }
    let mut at = i + first.len();
    while at < end {
        let line = body[at + 1..end].split('\n').next().unwrap_or("");
        at += 1 + line.len();
        if closes_fence(first, line) {
            return Some(at);
        }
    }
    Some(end)
}

/// The fence character and its count, when the line opens or closes a fence.
fn fence_of(line: &str) -> Option<(char, usize)> {
    let trimmed = line.trim_start();
    let c = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = trimmed.chars().take_while(|x| *x == c).count();
    (n >= 3).then_some((c, n))
}

fn closes_fence(open: &str, line: &str) -> bool {
    match (fence_of(open), fence_of(line)) {
        (Some((c, n)), Some((d, m))) => {
            c == d && m >= n && line.trim_start().trim_start_matches(c).trim().is_empty()
        }
        _ => false,
    }
}

/// The length of the code span at the start of `text` (its backticks alone
/// when nothing closes it). It may span lines, but no blank line.
fn code_span_len(text: &str) -> usize {
    let n = text.chars().take_while(|&c| c == '`').count();
    let mut from = n;
    while let Some(j) = text[from..].find('`') {
        let at = from + j;
        let run = text[at..].chars().take_while(|&c| c == '`').count();
        if holds_blank_line(&text[n..at]) {
            return n;
        }
        if run == n {
            return at + run;
        }
        from = at + run;
    }
    n
}

fn is_line_start(body: &str, i: usize) -> bool {
    i == 0 || body.as_bytes()[i - 1] == b'\n'
}

fn line_start(body: &str, i: usize) -> usize {
    body[..i].rfind('\n').map_or(0, |n| n + 1)
}

/// `text` without its Liquid tags (`{{ … }}`, `{% … %}`): what they output
/// when Liquid cannot read them.
pub fn without_liquid(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let close = match tail.as_bytes().get(1) {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            _ => "",
        };
        match tail[2.min(tail.len())..]
            .find(close)
            .filter(|_| !close.is_empty())
        {
            Some(end) => rest = &tail[2 + end + close.len()..],
            None => {
                out.push('{');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

pub fn newlines(s: &str) -> usize {
    s.bytes().filter(|&b| b == b'\n').count()
}

/// `text` with newlines added to have as many as `written`.
fn pad_lines(mut text: String, written: &str) -> String {
    let missing = newlines(written).saturating_sub(newlines(&text));
    text.push_str(&"\n".repeat(missing));
    text
}

fn longest_run(s: &str, c: char) -> usize {
    s.split(|x| x != c).map(str::len).max().unwrap_or(0)
}

/// `text` as a code span, exactly as written.
pub fn as_code(text: &str) -> String {
    let ticks = "`".repeat(longest_run(text, '`') + 1);
    format!("{ticks} {text} {ticks}")
}

/// Text for an HTML attribute or element (the one escaper, blog-core's).
pub use blog_core::sanitize::escape_html;

/// Plain text as markdown text (a link's text, a title): markdown's
/// punctuation escaped.
pub fn markdown_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '[' | ']' | '*' | '_' | '`' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A markdown link to an outside page, with this text.
pub fn link(text: &str, url: &str) -> String {
    format!("[{}]({})", markdown_text(text), url.replace(' ', "%20"))
}

/// A link to the gist at `path` (`user/id` or `id`), at `file` if named.
pub fn gist_link(path: &str, file: Option<&str>) -> String {
    let url = format!("https://gist.github.com/{path}");
    match file {
        Some(file) => link(
            &format!("{file} (gist {path})"),
            &format!("{url}#file-{}", file.replace('.', "-").to_lowercase()),
        ),
        None => link(&format!("Gist {path}"), &url),
    }
}

/// How Hugo and Zola show a construct as text: `{{</* x */>}}` as `{{< x >}}`.
pub fn unescape(c: &Construct) -> Option<String> {
    let shown = c.escaped()?;
    Some(format!("{} {shown} {}", c.delim.open(), c.delim.close()))
}

/// True for an id or name that may go into a URL as it is.
pub fn is_plain_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// A construct's arguments: Hugo's `a "b c" d=e`, Zola's `(a="b", c=1)`,
/// Liquid's `ruby linenos`. Values may be quoted with `"`, `'` or `` ` ``.
#[derive(Debug, Default, PartialEq)]
pub struct Args {
    pub positional: Vec<String>,
    pub named: Vec<(String, String)>,
}

impl Args {
    pub fn parse(s: &str) -> Args {
        let s = s.trim();
        let s = s
            .strip_prefix('(')
            .and_then(|s| s.strip_suffix(')'))
            .unwrap_or(s);
        let mut args = Args::default();
        let mut rest = s;
        while let Some((token, after)) = next_token(rest) {
            rest = after;
            match token.split_once('=') {
                Some((key, _)) if is_key(key) => {
                    let (value, after) = next_token(&token[key.len() + 1..])
                        .map_or((String::new(), ""), |(v, a)| (unquote(v), a));
                    debug_assert!(after.is_empty());
                    args.named.push((key.trim().to_string(), value));
                }
                _ => args.positional.push(unquote(token)),
            }
        }
        args
    }

    /// The argument named `name`, or else the positional one at `at`.
    pub fn get(&self, name: &str, at: Option<usize>) -> Option<&str> {
        self.named
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .or_else(|| at.and_then(|n| self.positional.get(n)).map(String::as_str))
    }
}

fn is_key(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// The next token of `s` and what follows it: a run up to a space or comma
/// outside quotes.
fn next_token(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    if s.is_empty() {
        return None;
    }
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, '"' | '\'' | '`') => quote = Some(c),
            None if c.is_whitespace() || c == ',' => return Some((&s[..i], &s[i..])),
            None => {}
        }
    }
    Some((s, ""))
}

/// `"x"` (or `'x'`, `` `x` ``) as `x`; anything else as it is.
fn unquote(s: &str) -> String {
    let s = s.trim();
    let mut chars = s.chars();
    match (chars.next(), chars.next_back()) {
        (Some(a), Some(b)) if a == b && matches!(a, '"' | '\'' | '`') && s.len() >= 2 => {
            s[1..s.len() - 1].replace("\\\"", "\"")
        }
        _ => s.to_string(),
    }
}

/// A site parameter by its dotted key (`author.name`), as text; keys are
/// matched exactly, then in any case (Hugo's are case-insensitive).
pub fn param(params: &toml::Table, key: &str) -> Option<String> {
    let mut table = params;
    let mut parts = key.split('.').peekable();
    while let Some(part) = parts.next() {
        let value = table.get(part).or_else(|| {
            table
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(part))
                .map(|(_, v)| v)
        })?;
        if parts.peek().is_none() {
            return match value {
                toml::Value::String(s) => Some(s.clone()),
                toml::Value::Integer(n) => Some(n.to_string()),
                toml::Value::Float(x) => Some(x.to_string()),
                toml::Value::Boolean(b) => Some(b.to_string()),
                toml::Value::Datetime(d) => Some(d.to_string()),
                _ => None,
            };
        }
        table = value.as_table()?;
    }
    None
}

/// Path helpers for finding the file a link names among `content/`'s.
pub mod paths {
    /// The path without its file's extension.
    pub fn stem(path: &str) -> &str {
        let name_at = path.rfind('/').map_or(0, |n| n + 1);
        match path[name_at..].rfind('.') {
            Some(dot) if dot > 0 => &path[..name_at + dot],
            _ => path,
        }
    }

    /// True when the path's file name has an extension.
    pub fn has_extension(path: &str) -> bool {
        stem(path).len() < path.len()
    }

    /// The source at `path` exactly, or with any extension when `path` has none.
    pub fn find<'a>(sources: &'a [String], path: &str) -> Option<&'a str> {
        let path = path.trim_start_matches('/');
        sources
            .iter()
            .find(|s| *s == path)
            .or_else(|| {
                (!has_extension(path))
                    .then(|| sources.iter().find(|s| stem(s) == path))
                    .flatten()
            })
            .map(String::as_str)
    }

    /// The only source whose path ends as `path` does, from its whole to its
    /// file name (with its folder for an `index`): for a content folder moved
    /// (`/posts/x.md` now at `x.md`). With or without an extension as `find`.
    pub fn find_ending<'a>(sources: &'a [String], path: &str) -> Option<&'a str> {
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let name = parts.last().map_or("", |n| stem(n));
        let keep = if matches!(name, "index" | "_index") {
            2
        } else {
            1
        };
        (0..=parts.len().saturating_sub(keep))
            .find_map(|from| ending_once(sources, &parts[from..].join("/")))
    }

    /// The only source whose path ends with `/tail` (or is `tail`).
    fn ending_once<'a>(sources: &'a [String], tail: &str) -> Option<&'a str> {
        let tail = tail.trim_start_matches('/');
        let ends = |s: &str| s == tail || s.ends_with(&format!("/{tail}"));
        let matching: Vec<&String> = sources
            .iter()
            .filter(|s| ends(s) || (!has_extension(tail) && ends(stem(s))))
            .collect();
        match matching.as_slice() {
            [one] => Some(one.as_str()),
            _ => None,
        }
    }

    /// `path` joined to the folder `dir`, with `.` and `..` resolved; `None`
    /// when it leaves the content folder.
    pub fn join(dir: &str, path: &str) -> Option<String> {
        let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
        for part in path.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop()?;
                }
                p => parts.push(p),
            }
        }
        Some(parts.join("/"))
    }

    /// The folder of a source path (`""` at the root).
    pub fn dir(source: &str) -> &str {
        source.rsplit_once('/').map_or("", |(d, _)| d)
    }
}

/// A translator's result for `body` in `source` among `sources`, with the
/// site's `params` (TOML); checked to keep every line on its line.
#[cfg(test)]
pub fn check(
    translate: fn(&str, &crate::moved::TemplateContext) -> Translated,
    (sources, source, params): (&[&str], &str, &str),
    body: &str,
) -> Translated {
    let sources: Vec<String> = sources.iter().map(|s| s.to_string()).collect();
    let params: toml::Table = toml::from_str(params).expect("test params");
    let ctx = crate::moved::TemplateContext {
        sources: &sources,
        source,
        params: &params,
    };
    let out = translate(body, &ctx);
    assert_eq!(newlines(&out.text), newlines(body), "{body:?} → {out:?}");
    out
}

/// What a translation reported, as `line:construct`.
#[cfg(test)]
pub fn reported(t: &Translated) -> Vec<String> {
    t.unsupported
        .iter()
        .map(|u| format!("{}:{}", u.line, u.code))
        .collect()
}

/// Bodies made of pieces of template syntax in every order, for checking
/// that a translator never panics and keeps every line.
#[cfg(test)]
pub fn jumbled_bodies() -> Vec<String> {
    // One piece a line; `NL` stands for a newline, `SP` for a space, `TAB` for a tab.
    const PIECES: &str = r#"{{<
>}}
{{%
%}}
{%
%}
{{
}}
```
~~~
`
NL
SP
SPSPSP
TAB
raw
endraw
highlight go
/highlight
alert
/alert
/*
*/
end
(
)
[
](
*
"
>SP
#
é
youtube(id="x")
ref "a"
post_url 2020-01-01-a
site.baseurl
| relative_url
{% raw %}
{% endraw %}
{% highlight ruby %}
{% endhighlight %}
{{< highlight go >}}
{{< /highlight >}}
{{% alert title="T" %}}
{{% /alert %}}
{{% comment %}}
{{% /comment %}}
{% comment %}
{% endcomment %}
{{</* x */>}}
{{/* y() */}}
{{ youtube(id="x") }}
{{< figure src="a" caption="*c* [b](c)" >}}
{% post_url 2020-01-01-a %}
{{< notice tip >}}
{{< /notice >}}
{% end %}
{% note() %}
{{ site.url }}"#;
    let pieces: Vec<String> = PIECES
        .lines()
        .map(|p| {
            p.replace("NL", "\n")
                .replace("SP", " ")
                .replace("TAB", "\t")
        })
        .collect();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..4000)
        .map(|_| {
            let len = next() % 40;
            (0..len)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize].as_str())
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> usize {
        newlines(s)
    }

    #[test]
    fn plain_shows_every_construct_as_code() {
        let body = "Intro.\n\n{{< youtube dQw4w9WgXcQ >}}\n\n{% include note.html %} and {{ gist(id=\"1\") }}\n\n```\n{{< x >}}\n```\n";
        let t = plain(body);
        assert_eq!(
            t.text,
            "Intro.\n\n` {{< youtube dQw4w9WgXcQ >}} `\n\n` {% include note.html %} ` and ` {{ gist(id=\"1\") }} `\n\n```\n{{< x >}}\n```\n"
        );
        let found = reported(&t);
        assert_eq!(
            found,
            [
                "2:{{< youtube dQw4w9WgXcQ >}}",
                "4:{% include note.html %}",
                "4:{{ gist(id=\"1\") }}"
            ]
        );
        assert_eq!(lines(&t.text), lines(body));
        let long = format!("{{{{< figure src=\"{}\" >}}}}", "x".repeat(80));
        assert!(plain(&long).unsupported[0].code.ends_with('…'));
        assert_eq!(plain("{{< x `y` >}}").text, "`` {{< x `y` >}} ``");
        assert_eq!(plain("no templates").text, "no templates");
    }

    #[test]
    fn jumbled_bodies_keep_their_lines() {
        for body in jumbled_bodies() {
            assert_eq!(newlines(&plain(&body).text), newlines(&body), "{body:?}");
        }
    }

    #[test]
    fn constructs_may_span_lines_but_not_paragraphs() {
        let body = "{{< figure\n  src=\"a.png\" >}}\n\n{{< x\n\ny >}}";
        let t = plain(body);
        assert_eq!(t.unsupported.len(), 1);
        assert_eq!(t.unsupported[0].code, "{{< figure src=\"a.png\" >}}");
        assert_eq!(lines(&t.text), lines(body));
        assert!(t.text.ends_with("{{< x\n\ny >}}"));
    }

    #[test]
    fn code_spans_and_fences_are_skipped() {
        let body =
            "`{{< a >}}` ``{% b %}`` ~~~\n````md\n{{< c >}}\n```\n{{ d }}\n````\n\n    {{< e >}}\n";
        let t = plain(body);
        let codes: Vec<&str> = t.unsupported.iter().map(|u| u.code.as_str()).collect();
        assert_eq!(codes, ["{{< e >}}"]);
    }

    #[test]
    fn args_read_every_style() {
        let a = Args::parse(r#"src="a b.png" width=300 `raw "x"` 'q'"#);
        assert_eq!(a.get("src", None), Some("a b.png"));
        assert_eq!(a.get("width", None), Some("300"));
        assert_eq!(a.positional, ["raw \"x\"", "q"]);
        let z = Args::parse(r#"(url="https://g/x", file="a.rs", n=1)"#);
        assert_eq!(z.get("url", None), Some("https://g/x"));
        assert_eq!(z.get("n", None), Some("1"));
        assert_eq!(Args::parse("ruby linenos").positional, ["ruby", "linenos"]);
    }

    #[test]
    fn params_by_dotted_key() {
        let params: toml::Table = toml::from_str(
            "author = \"Ann\"\nyear = 2020\n[social]\nGitHub = \"ann\"\nlist = [1]\n",
        )
        .unwrap();
        assert_eq!(param(&params, "author").as_deref(), Some("Ann"));
        assert_eq!(param(&params, "year").as_deref(), Some("2020"));
        assert_eq!(param(&params, "social.github").as_deref(), Some("ann"));
        assert_eq!(param(&params, "social.list"), None);
        assert_eq!(param(&params, "missing"), None);
    }

    #[test]
    fn paths_found_with_or_without_extension() {
        let sources: Vec<String> = ["a/b.md", "a/c/index.md", "x/b.markdown"]
            .map(String::from)
            .to_vec();
        assert_eq!(paths::find(&sources, "/a/b"), Some("a/b.md"));
        assert_eq!(paths::find(&sources, "a/b.txt"), None);
        assert_eq!(
            paths::find_ending(&sources, "c/index"),
            Some("a/c/index.md")
        );
        assert_eq!(paths::find_ending(&sources, "b"), None);
        assert_eq!(
            paths::find_ending(&sources, "/old/x/b.markdown"),
            Some("x/b.markdown")
        );
        assert_eq!(paths::find_ending(&sources, "z/index"), None);
        assert_eq!(paths::join("a/c", "../b.md").as_deref(), Some("a/b.md"));
        assert_eq!(paths::join("", "../b.md"), None);
    }
}
