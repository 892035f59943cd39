//! Syntax highlighting of code blocks, done where the body is rendered (the
//! prerenderer and the browser's renderer run the same code), so a page and
//! a post rendered after client-side navigation look the same, and the app
//! that loads first carries none of it.
//!
//! Output is class-based: `<span class="tok-k">` and so on, styled by the
//! site's CSS with a light and a dark palette. A lexer per language family
//! knows its comments, strings, numbers and keywords; that is what readers
//! scan code for, and it stays small. Unknown languages stay plain.

use crate::sanitize::push_escaped;

/// The token classes, as written in the HTML.
pub mod class {
    pub const KEYWORD: &str = "tok-k";
    pub const STRING: &str = "tok-s";
    pub const COMMENT: &str = "tok-c";
    pub const NUMBER: &str = "tok-n";
    /// A key, property, attribute name or directive's name.
    pub const KEY: &str = "tok-a";
    /// A variable (`$HOME`, `${name}`), or a tag name in HTML.
    pub const NAME: &str = "tok-v";
    /// A section header (`[server]`), a diff hunk, a literal (`true`, `None`).
    pub const META: &str = "tok-m";
    pub const INSERTED: &str = "tok-i";
    pub const DELETED: &str = "tok-d";
}

/// How keys are spotted in a configuration language.
#[derive(Clone, Copy, PartialEq)]
enum Keys {
    None,
    /// `key:` at the start of a line (YAML).
    Colon,
    /// `key =` at the start of a line (INI, TOML, HCL).
    Equals,
    /// The first word of each statement (nginx directives, Dockerfile instructions).
    FirstWord,
}

struct Lang {
    line_comments: &'static [&'static str],
    block_comment: Option<(&'static str, &'static str)>,
    quotes: &'static [char],
    /// `"""` and `'''` strings (Python, TOML).
    triple_quotes: bool,
    /// Space-separated words.
    keywords: &'static str,
    literals: &'static str,
    ignore_case: bool,
    keys: Keys,
    /// `$name` and `${name}`.
    dollar_variables: bool,
    /// `[section]` lines.
    sections: bool,
    /// A string followed by `:` is a key (JSON).
    string_keys: bool,
    /// `''` inside a `'…'` string is a quote (SQL), not its end; else `\` escapes.
    doubled_quotes: bool,
}

const BASE: Lang = Lang {
    line_comments: &[],
    block_comment: None,
    quotes: &['"', '\''],
    triple_quotes: false,
    keywords: "",
    literals: "",
    ignore_case: false,
    keys: Keys::None,
    dollar_variables: false,
    sections: false,
    string_keys: false,
    doubled_quotes: false,
};

const C_LIKE_LITERALS: &str = "true false null undefined nil None True False NaN Infinity";

const BASH: Lang = Lang {
    line_comments: &["#"],
    keywords: "if then else elif fi for while until do done case esac in function return local \
         export readonly declare set unset exit break continue source alias echo cd trap \
         shift eval exec sudo",
    literals: "true false",
    dollar_variables: true,
    ..BASE
};

const SQL: Lang = Lang {
    line_comments: &["--"],
    block_comment: Some(("/*", "*/")),
    quotes: &['\''],
    keywords:
        "select from where and or not insert into values update set delete create table index \
         alter add drop column primary key foreign references join left right inner outer \
         full on as group by order having limit offset distinct union all case when then else \
         end is in exists between like default constraint unique check begin commit rollback \
         transaction with returning explain analyze vacuum grant revoke if concurrently using \
         lock for asc desc count sum avg min max cascade view trigger function returns \
         language declare integer int bigint smallint text varchar boolean timestamp \
         timestamptz date serial bigserial uuid jsonb json numeric show to of nowait skip \
         locked interval now coalesce cast over partition",
    literals: "null true false",
    ignore_case: true,
    doubled_quotes: true,
    ..BASE
};

const PYTHON: Lang = Lang {
    line_comments: &["#"],
    triple_quotes: true,
    keywords: "def class return if elif else for while in not and or is import from as with try \
         except finally raise pass break continue lambda yield async await global nonlocal \
         del assert match case self",
    literals: "None True False",
    ..BASE
};

const YAML: Lang = Lang {
    line_comments: &["#"],
    literals: "true false null yes no on off ~",
    keys: Keys::Colon,
    ..BASE
};

const JSON: Lang = Lang {
    quotes: &['"'],
    literals: "true false null",
    string_keys: true,
    ..BASE
};

const JS: Lang = Lang {
    line_comments: &["//"],
    block_comment: Some(("/*", "*/")),
    quotes: &['"', '\'', '`'],
    keywords: "const let var function return if else for while do switch case default break \
         continue new delete typeof instanceof in of class extends super this import export \
         from as async await try catch finally throw yield void static get set interface type \
         enum implements private public protected readonly declare namespace abstract keyof \
         satisfies string number boolean any unknown never",
    literals: C_LIKE_LITERALS,
    ..BASE
};

const HCL: Lang = Lang {
    line_comments: &["#", "//"],
    block_comment: Some(("/*", "*/")),
    quotes: &['"'],
    keywords: "resource data variable output module provider locals terraform for_each count \
         depends_on lifecycle dynamic for in if",
    literals: "true false null",
    keys: Keys::Equals,
    dollar_variables: true,
    ..BASE
};

const RUBY: Lang = Lang {
    line_comments: &["#"],
    keywords: "def end class module if elsif else unless case when while until for in do return \
         yield begin rescue ensure raise require require_relative include extend attr_reader \
         attr_accessor self super then and or not lambda proc puts private protected public",
    literals: "nil true false",
    ..BASE
};

const GO: Lang = Lang {
    line_comments: &["//"],
    block_comment: Some(("/*", "*/")),
    quotes: &['"', '\'', '`'],
    keywords: "package import func return if else for range switch case default break continue go \
         defer select chan map struct interface type var const fallthrough goto string int \
         int64 uint byte bool error float64 any",
    literals: "nil true false iota",
    ..BASE
};

const RUST: Lang = Lang {
    line_comments: &["//"],
    block_comment: Some(("/*", "*/")),
    quotes: &['"'],
    keywords:
        "fn let mut const static if else match for while loop in return break continue struct \
         enum impl trait type where pub crate mod use as self Self super async await move ref \
         dyn unsafe extern",
    literals: "true false None Some Ok Err",
    ..BASE
};

const TOML: Lang = Lang {
    line_comments: &["#"],
    triple_quotes: true,
    literals: "true false",
    keys: Keys::Equals,
    sections: true,
    ..BASE
};

const INI: Lang = Lang {
    line_comments: &["#", ";"],
    literals: "true false on off yes no",
    keys: Keys::Equals,
    sections: true,
    ..BASE
};

const NGINX: Lang = Lang {
    line_comments: &["#"],
    keywords: "server location upstream http events if map",
    literals: "on off",
    keys: Keys::FirstWord,
    dollar_variables: true,
    ..BASE
};

const DOCKERFILE: Lang = Lang {
    line_comments: &["#"],
    keywords: "as",
    ignore_case: true,
    keys: Keys::FirstWord,
    dollar_variables: true,
    ..BASE
};

const CSS: Lang = Lang {
    block_comment: Some(("/*", "*/")),
    keywords: "!important @media @import @supports @font-face @keyframes @layer",
    keys: Keys::Colon,
    ..BASE
};

/// The lexer's rules for `name`, in lowercase.
fn lang(name: &str) -> Option<&'static Lang> {
    Some(match name {
        "bash" | "sh" | "shell" | "zsh" | "console" | "shellsession" => &BASH,
        "sql" | "psql" | "postgres" | "postgresql" | "mysql" | "sqlite" | "plpgsql" => &SQL,
        "python" | "py" | "python3" => &PYTHON,
        "yaml" | "yml" => &YAML,
        "json" | "jsonc" | "json5" => &JSON,
        "js" | "javascript" | "jsx" | "mjs" | "cjs" | "ts" | "typescript" | "tsx" => &JS,
        "hcl" | "terraform" | "tf" => &HCL,
        "ruby" | "rb" => &RUBY,
        "go" | "golang" => &GO,
        "rust" | "rs" => &RUST,
        "toml" => &TOML,
        "ini" | "cfg" | "conf" | "properties" | "env" | "dotenv" => &INI,
        "nginx" => &NGINX,
        "dockerfile" | "docker" | "containerfile" => &DOCKERFILE,
        "css" | "scss" => &CSS,
        _ => return None,
    })
}

/// The code as highlighted HTML (escaped, with token spans), or `None` for a
/// language this does not know (`text` included): the caller shows it plain.
pub fn highlight(language: &str, code: &str) -> Option<String> {
    let l = language.to_ascii_lowercase();
    let mut out = Out(String::with_capacity(code.len() * 2));
    match l.as_str() {
        "diff" | "patch" => diff(code, &mut out),
        "html" | "xml" | "svg" | "vue" => markup(code, &mut out),
        _ => Lexer::new(lang(&l)?, code).run(&mut out),
    }
    Some(out.0)
}

/// Escaped HTML being written.
struct Out(String);

impl Out {
    fn text(&mut self, s: &str) {
        push_escaped(&mut self.0, s);
    }

    fn token(&mut self, class: &str, s: &str) {
        if s.is_empty() {
            return;
        }
        self.0.push_str("<span class=\"");
        self.0.push_str(class);
        self.0.push_str("\">");
        self.text(s);
        self.0.push_str("</span>");
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

struct Lexer<'a> {
    lang: &'a Lang,
    src: &'a str,
    at: usize,
    /// Only spaces since the start of the line (or of the statement).
    line_start: bool,
}

impl<'a> Lexer<'a> {
    fn new(lang: &'a Lang, src: &'a str) -> Self {
        Lexer {
            lang,
            src,
            at: 0,
            line_start: true,
        }
    }

    fn rest(&self) -> &'a str {
        &self.src[self.at..]
    }

    /// Takes the next `len` bytes as one piece.
    fn take(&mut self, len: usize) -> &'a str {
        let s = &self.rest()[..len];
        self.at += len;
        s
    }

    fn run(mut self, out: &mut Out) {
        while self.at < self.src.len() {
            let rest = self.rest();
            let c = rest.chars().next().unwrap_or(' ');
            let was_line_start = self.line_start;
            // A new line, or in nginx and Dockerfiles a new statement.
            let statement_end = self.lang.keys == Keys::FirstWord && matches!(c, ';' | '{' | '}');
            if c == '\n' || statement_end {
                self.line_start = true;
                let s = self.take(c.len_utf8());
                out.text(s);
                continue;
            }
            if c.is_whitespace() {
                let len = rest
                    .find(|c: char| !c.is_whitespace() || c == '\n')
                    .unwrap_or(rest.len());
                let s = self.take(len);
                out.text(s);
                continue;
            }
            self.line_start = false;
            if let Some((open, close)) = self.lang.block_comment {
                if let Some(inside) = rest.strip_prefix(open) {
                    let len = inside
                        .find(close)
                        .map_or(rest.len(), |i| open.len() + i + close.len());
                    let s = self.take(len);
                    out.token(class::COMMENT, s);
                    continue;
                }
            }
            if self.line_comment_here(was_line_start) {
                let len = rest.find('\n').unwrap_or(rest.len());
                let s = self.take(len);
                out.token(class::COMMENT, s);
                continue;
            }
            if self.lang.sections && was_line_start && c == '[' {
                let len = rest.find(['\n', ']']).map_or(rest.len(), |i| i + 1);
                let s = self.take(len);
                out.token(class::META, s);
                continue;
            }
            if self.lang.quotes.contains(&c) {
                let len = self.string_len(c);
                let s = self.take(len);
                let key = self.lang.string_keys
                    && self.rest().trim_start_matches([' ', '\t']).starts_with(':');
                out.token(if key { class::KEY } else { class::STRING }, s);
                continue;
            }
            if self.lang.dollar_variables && c == '$' {
                let after = &rest[1..];
                let len = if after.starts_with('{') {
                    after.find('}').map_or(rest.len(), |i| i + 2)
                } else {
                    1 + after.find(|c: char| !is_word(c)).unwrap_or(after.len())
                };
                if len > 1 {
                    let s = self.take(len);
                    out.token(class::NAME, s);
                    continue;
                }
            }
            if c.is_ascii_digit() {
                let len = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
                    .unwrap_or(rest.len());
                let s = self.take(len);
                out.token(class::NUMBER, s);
                continue;
            }
            if is_word(c)
                || (c == '@' || c == '!') && rest[1..].starts_with(|c: char| c.is_alphabetic())
            {
                let len = c.len_utf8()
                    + rest[c.len_utf8()..]
                        .find(|c: char| !(is_word(c) || c == '-' || c == '.'))
                        .unwrap_or(rest.len() - c.len_utf8());
                // A word ends before a trailing `-` or `.` (`a.b.` → `a.b`).
                let word = rest[..len].trim_end_matches(['-', '.']);
                let plain_word = word.split(['-', '.']).next().unwrap_or(word);
                let after = rest[word.len()..].trim_start_matches([' ', '\t']);
                let is_key = match self.lang.keys {
                    Keys::Colon => was_line_start && after.starts_with(':'),
                    Keys::Equals => {
                        was_line_start && after.starts_with('=') && !after.starts_with("==")
                    }
                    Keys::FirstWord => was_line_start,
                    Keys::None => false,
                };
                let lookup = |list: &str, w: &str| {
                    let mut words = list.split_ascii_whitespace();
                    if self.lang.ignore_case {
                        words.any(|k| k.eq_ignore_ascii_case(w))
                    } else {
                        words.any(|k| k == w)
                    }
                };
                // Keys, keywords and literals are whole words; in a dotted
                // or hyphenated name only a key counts.
                let keyword = lookup(self.lang.keywords, word);
                let (class, taken) = if is_key && !keyword {
                    (Some(class::KEY), word.len())
                } else if keyword {
                    (Some(class::KEYWORD), word.len())
                } else if lookup(self.lang.literals, word) {
                    (Some(class::META), word.len())
                } else if plain_word.len() < word.len()
                    && (lookup(self.lang.keywords, plain_word)
                        || lookup(self.lang.literals, plain_word))
                    && rest[plain_word.len()..].starts_with('.')
                {
                    (None, plain_word.len())
                } else {
                    (None, word.len())
                };
                let s = self.take(taken.max(c.len_utf8()));
                match class {
                    Some(class) => out.token(class, s),
                    None => out.text(s),
                }
                continue;
            }
            let s = self.take(c.len_utf8());
            out.text(s);
        }
    }

    fn line_comment_here(&self, line_start: bool) -> bool {
        let rest = self.rest();
        self.lang.line_comments.iter().any(|m| {
            if !rest.starts_with(m) {
                return false;
            }
            // `#` starts a comment only as a word of its own (not in `a#b`, `$#`).
            if *m == "#" && !line_start {
                let before = self.src[..self.at].chars().next_back();
                return before.is_none_or(char::is_whitespace);
            }
            true
        })
    }

    /// The length of the string starting here with `quote`.
    fn string_len(&self, quote: char) -> usize {
        let rest = self.rest();
        let triple: String = std::iter::repeat_n(quote, 3).collect();
        if self.lang.triple_quotes && rest.starts_with(&triple) {
            return rest[3..].find(&triple).map_or(rest.len(), |i| i + 6);
        }
        let multi_line = quote == '`';
        let mut chars = rest.char_indices().skip(1).peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\\' && !self.lang.doubled_quotes {
                chars.next();
            } else if c == quote {
                if self.lang.doubled_quotes && chars.peek().is_some_and(|&(_, n)| n == quote) {
                    chars.next();
                    continue;
                }
                return i + c.len_utf8();
            } else if c == '\n' && !multi_line {
                return i;
            }
        }
        rest.len()
    }
}

/// A unified diff: added and removed lines, hunk headers.
fn diff(code: &str, out: &mut Out) {
    for line in code.split_inclusive('\n') {
        let class = if line.starts_with("+++") || line.starts_with("---") || line.starts_with("@@")
        {
            Some(class::META)
        } else if line.starts_with('+') {
            Some(class::INSERTED)
        } else if line.starts_with('-') {
            Some(class::DELETED)
        } else {
            None
        };
        let (body, newline) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        match class {
            Some(class) => out.token(class, body),
            None => out.text(body),
        }
        out.text(newline);
    }
}

/// HTML and XML: tags, attribute names, attribute values, comments.
fn markup(code: &str, out: &mut Out) {
    let mut rest = code;
    while !rest.is_empty() {
        if rest.starts_with("<!--") {
            let len = rest.find("-->").map_or(rest.len(), |i| i + 3);
            out.token(class::COMMENT, &rest[..len]);
            rest = &rest[len..];
        } else if rest.starts_with('<')
            && rest[1..]
                .starts_with(|c: char| c.is_alphabetic() || c == '/' || c == '!' || c == '?')
        {
            let end = rest.find('>').map_or(rest.len(), |i| i + 1);
            tag(&rest[..end], out);
            rest = &rest[end..];
        } else {
            let len = rest[1..].find('<').map_or(rest.len(), |i| i + 1);
            out.text(&rest[..len]);
            rest = &rest[len..];
        }
    }
}

fn tag(t: &str, out: &mut Out) {
    // `<`, then the name with any leading `/`, `!` or `?` (`</a>`, `<!DOCTYPE`).
    let lead = 1 + t[1..]
        .find(|c: char| !matches!(c, '/' | '!' | '?'))
        .unwrap_or(t.len() - 1);
    let name_end = lead
        + t[lead..]
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(t.len() - lead);
    let (open, rest) = t.split_at(name_end);
    out.text(&open[..1]);
    out.token(class::NAME, &open[1..]);
    let mut rest = rest;
    while !rest.is_empty() {
        let c = rest.chars().next().unwrap_or(' ');
        if c == '"' || c == '\'' {
            let len = rest[1..].find(c).map_or(rest.len(), |i| i + 2);
            out.token(class::STRING, &rest[..len]);
            rest = &rest[len..];
        } else if c == '=' && !rest[1..].starts_with(['"', '\'', ' ']) {
            // An unquoted value.
            let len = rest[1..]
                .find(|c: char| c.is_whitespace() || c == '>')
                .map_or(rest.len(), |i| i + 1);
            out.text("=");
            out.token(class::STRING, &rest[1..len]);
            rest = &rest[len..];
        } else if c.is_alphabetic() {
            let len = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == ':' || c == '_'))
                .unwrap_or(rest.len());
            out.token(class::KEY, &rest[..len]);
            rest = &rest[len..];
        } else {
            out.text(&rest[..c.len_utf8()]);
            rest = &rest[c.len_utf8()..];
        }
    }
}

#[cfg(test)]
mod tests;
