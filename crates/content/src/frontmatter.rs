//! Splits a post into front matter and body, and reads YAML (`---`) or TOML
//! (`+++`) front matter into one tree whose every node knows its line.

use saphyr::{MarkedYaml, Scalar, ScanError, YamlData, YamlLoader};
use toml::de::{DeTable, DeValue};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// A TOML date or date-time, as written.
    Datetime(String),
    List(Vec<Node>),
    Map(Vec<Entry>),
}

impl Value {
    /// What the value is, for messages: "a string", "a list"...
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "a number",
            Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Datetime(_) => "a date",
            Value::List(_) => "a list",
            Value::Map(_) => "a table of fields",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    /// 1-based line in the whole file.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub line: usize,
    pub value: Node,
}

/// A post split in two, with parsed front matter.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter<'a> {
    pub format: Format,
    pub entries: Vec<Entry>,
    pub body: &'a str,
    /// 1-based line of the file on which the body starts.
    pub body_line: usize,
    /// A key set twice in YAML, where [`Repeated::LastWins`] took the last value.
    pub repeated: Option<SetTwice>,
}

/// A YAML key set twice: the key, and the line of its second setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetTwice {
    pub key: String,
    pub line: usize,
}

/// What a YAML key set twice means: an error, or the last value (as Jekyll's
/// and Hugo's YAML parsers read it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Repeated {
    #[default]
    Error,
    LastWins,
}

/// A problem found while splitting or parsing: line and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub message: String,
}

fn syntax(line: usize, message: impl Into<String>) -> SyntaxError {
    SyntaxError {
        line,
        message: message.into(),
    }
}

/// Splits and parses. The front matter must open on the first line with
/// `---` (YAML) or `+++` (TOML) and close with the same line.
pub fn parse(src: &str) -> Result<FrontMatter<'_>, SyntaxError> {
    parse_with(src, Repeated::Error)
}

/// [`parse`], with YAML keys set twice read as `repeated` says.
pub fn parse_with(src: &str, repeated: Repeated) -> Result<FrontMatter<'_>, SyntaxError> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let first_line_end = src.find('\n').map_or(src.len(), |i| i + 1);
    let (format, fence) = match src[..first_line_end].trim_end() {
        "---" => (Format::Yaml, "---"),
        "+++" => (Format::Toml, "+++"),
        _ => {
            return Err(syntax(
                1,
                "no front matter (expected the file to start with a `---` line for YAML or `+++` for TOML, then `title:` and `date:`)",
            ))
        }
    };
    let mut offset = first_line_end;
    let mut close = None;
    for (line, raw) in (2..).zip(src[first_line_end..].split_inclusive('\n')) {
        let trimmed = raw.trim_end();
        if trimmed == fence || (format == Format::Yaml && trimmed == "...") {
            close = Some((offset, offset + raw.len(), line));
            break;
        }
        offset += raw.len();
    }
    let Some((fm_end, body_start, close_line)) = close else {
        return Err(syntax(1, format!("front matter is never closed (expected a line with only `{fence}` after the fields)")));
    };
    let text = &src[first_line_end..fm_end];
    let (entries, repeated) = match format {
        Format::Yaml => parse_yaml(text, 2, repeated)?,
        Format::Toml => (parse_toml(text, 2)?, None),
    };
    Ok(FrontMatter {
        format,
        entries,
        body: &src[body_start..],
        body_line: close_line + 1,
        repeated,
    })
}

/// The YAML documents of `text`, keys set twice allowed or not.
fn load_yaml(text: &str, duplicates: bool) -> Result<Vec<MarkedYaml<'_>>, ScanError> {
    let mut parser = saphyr_parser::Parser::new_from_str(text);
    let mut loader = YamlLoader::<MarkedYaml>::default();
    loader.allow_duplicate_keys(duplicates);
    parser.load(&mut loader, true)?;
    match loader.error() {
        Some(e) => Err(e.clone()),
        None => Ok(loader.into_documents()),
    }
}

/// The entries of YAML front matter, and the first key set twice when
/// `repeated` lets the last value win.
fn parse_yaml(
    text: &str,
    first_line: usize,
    repeated: Repeated,
) -> Result<(Vec<Entry>, Option<SetTwice>), SyntaxError> {
    let line_of = |e: &ScanError| first_line + e.marker().line().saturating_sub(1);
    let (docs, twice) = match load_yaml(text, false) {
        Ok(docs) => (docs, None),
        Err(e) if repeated == Repeated::LastWins && e.info() == "duplicated key in mapping" => {
            let line = line_of(&e);
            let key = text.lines().nth(line - first_line).unwrap_or("");
            let key = key.split(':').next().unwrap_or("").trim().to_string();
            (
                load_yaml(text, true)
                    .map_err(|e| syntax(line_of(&e), format!("YAML syntax error: {}", e.info())))?,
                Some(SetTwice { key, line }),
            )
        }
        Err(e) => {
            return Err(syntax(
                line_of(&e),
                format!("YAML syntax error: {}", e.info()),
            ))
        }
    };
    let Some(doc) = docs.into_iter().next() else {
        return Ok((Vec::new(), twice));
    };
    let root = yaml_node(&doc, first_line)?;
    match root.value {
        Value::Map(entries) => Ok((entries, twice)),
        Value::Null => Ok((Vec::new(), twice)),
        other => Err(syntax(
            root.line,
            format!(
                "front matter is {} (expected `field: value` lines)",
                other.kind()
            ),
        )),
    }
}

fn yaml_node(node: &MarkedYaml<'_>, first_line: usize) -> Result<Node, SyntaxError> {
    let line = first_line + node.span.start.line().saturating_sub(1);
    let value =
        match &node.data {
            YamlData::Value(scalar) => match scalar {
                Scalar::Null => Value::Null,
                Scalar::Boolean(b) => Value::Bool(*b),
                Scalar::Integer(i) => Value::Int(*i),
                Scalar::FloatingPoint(f) => Value::Float(f.into_inner()),
                Scalar::String(s) => Value::Str(s.to_string()),
            },
            YamlData::Representation(s, _, _) => Value::Str(s.to_string()),
            YamlData::Sequence(items) => Value::List(
                items
                    .iter()
                    .map(|n| yaml_node(n, first_line))
                    .collect::<Result<_, _>>()?,
            ),
            YamlData::Mapping(map) => {
                let mut entries = Vec::new();
                for (k, v) in map.iter() {
                    let key = yaml_node(k, first_line)?;
                    let key_name = match key.value {
                        Value::Str(s) => s,
                        Value::Int(i) => i.to_string(),
                        Value::Bool(b) => b.to_string(),
                        other => {
                            return Err(syntax(
                                key.line,
                                format!("a field name is {} (expected a word)", other.kind()),
                            ))
                        }
                    };
                    entries.push(Entry {
                        key: key_name,
                        line: key.line,
                        value: yaml_node(v, first_line)?,
                    });
                }
                Value::Map(entries)
            }
            YamlData::Tagged(_, inner) => return yaml_node(inner, first_line),
            YamlData::Alias(_) => {
                return Err(syntax(
                    line,
                    "YAML aliases (`*name`) are not supported (expected plain values)",
                ))
            }
            YamlData::BadValue => return Err(syntax(
                line,
                "a value could not be read (expected a string, number, boolean, list or mapping)",
            )),
        };
    Ok(Node { value, line })
}

fn line_of(text: &str, byte: usize, first_line: usize) -> usize {
    first_line + text[..byte.min(text.len())].matches('\n').count()
}

fn parse_toml(text: &str, first_line: usize) -> Result<Vec<Entry>, SyntaxError> {
    let table = DeTable::parse(text).map_err(|e| {
        let line = e
            .span()
            .map_or(first_line, |s| line_of(text, s.start, first_line));
        let message = e.message().trim().trim_end_matches('.').to_string();
        syntax(line, format!("TOML syntax error: {message}"))
    })?;
    Ok(toml_entries(table.get_ref(), text, first_line))
}

fn toml_entries(table: &DeTable<'_>, text: &str, first_line: usize) -> Vec<Entry> {
    let mut entries: Vec<Entry> = table
        .iter()
        .map(|(k, v)| Entry {
            key: k.get_ref().to_string(),
            line: line_of(text, k.span().start, first_line),
            value: toml_node(
                v.get_ref(),
                line_of(text, v.span().start, first_line),
                text,
                first_line,
            ),
        })
        .collect();
    entries.sort_by_key(|e| e.line);
    entries
}

fn toml_node(value: &DeValue<'_>, line: usize, text: &str, first_line: usize) -> Node {
    let value = match value {
        DeValue::String(s) => Value::Str(s.to_string()),
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
            .map_or_else(|_| Value::Str(i.as_str().into()), Value::Int),
        DeValue::Float(f) => f
            .as_str()
            .replace('_', "")
            .parse()
            .map_or_else(|_| Value::Str(f.as_str().into()), Value::Float),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::Datetime(d.to_string()),
        DeValue::Array(items) => Value::List(
            items
                .iter()
                .map(|n| {
                    toml_node(
                        n.get_ref(),
                        line_of(text, n.span().start, first_line),
                        text,
                        first_line,
                    )
                })
                .collect(),
        ),
        DeValue::Table(t) => Value::Map(toml_entries(t, text, first_line)),
    };
    Node { value, line }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(fm: &FrontMatter) -> Vec<(String, usize)> {
        fm.entries.iter().map(|e| (e.key.clone(), e.line)).collect()
    }

    #[test]
    fn yaml_with_lines() {
        let src =
            "---\ntitle: \"Hi\"\ndate: 2026-03-16\ntags:\n  - a\n  - b\ndraft: true\n---\nBody\n";
        let fm = parse(src).unwrap();
        assert_eq!(fm.format, Format::Yaml);
        assert_eq!(
            keys(&fm),
            [
                ("title".into(), 2),
                ("date".into(), 3),
                ("tags".into(), 4),
                ("draft".into(), 7)
            ]
        );
        assert_eq!(fm.entries[0].value.value, Value::Str("Hi".into()));
        assert_eq!(fm.entries[1].value.value, Value::Str("2026-03-16".into()));
        let Value::List(tags) = &fm.entries[2].value.value else {
            panic!()
        };
        assert_eq!(tags[1].line, 6);
        assert_eq!(fm.entries[3].value.value, Value::Bool(true));
        assert_eq!(fm.body, "Body\n");
        assert_eq!(fm.body_line, 9);
    }

    #[test]
    fn toml_with_lines_and_nested_tables() {
        let src = "+++\ntitle = \"Hi\"\ndate = 2026-03-16\n\n[taxonomies]\ncategories = [\"AI\"]\ntags = [\"llm\", \"cost\"]\n+++\n\nBody";
        let fm = parse(src).unwrap();
        assert_eq!(fm.format, Format::Toml);
        assert_eq!(
            keys(&fm),
            [
                ("title".into(), 2),
                ("date".into(), 3),
                ("taxonomies".into(), 5)
            ]
        );
        assert_eq!(
            fm.entries[1].value.value,
            Value::Datetime("2026-03-16".into())
        );
        let Value::Map(tax) = &fm.entries[2].value.value else {
            panic!()
        };
        assert_eq!((tax[1].key.as_str(), tax[1].line), ("tags", 7));
        assert_eq!(fm.body_line, 9);
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let e = parse("---\ntitle: \"unclosed\ndate: 2026-01-01\n---\n").unwrap_err();
        assert!(e.message.starts_with("YAML syntax error"), "{e:?}");
        assert!(e.line >= 2, "{e:?}");
        let e = parse("+++\ntitle = \"ok\"\ndate = = 3\n+++\n").unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        assert!(e.message.starts_with("TOML syntax error"), "{e:?}");
        assert_eq!(parse("# Just markdown\n").unwrap_err().line, 1);
        assert!(parse("---\ntitle: x\n")
            .unwrap_err()
            .message
            .contains("never closed"));
        assert!(parse("---\n- a\n- b\n---\n")
            .unwrap_err()
            .message
            .contains("a list"));
    }

    #[test]
    fn empty_front_matter_and_bom() {
        let fm = parse("\u{feff}---\n---\nbody").unwrap();
        assert!(fm.entries.is_empty());
        assert_eq!(fm.body, "body");
    }
}
