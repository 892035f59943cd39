//! An old site's configuration file, read into one TOML table whatever its
//! format (TOML, YAML or JSON), and the look-ups the three generators' readers
//! share (Hugo's keys are case-insensitive: `baseURL` is `baseurl`).

use std::path::Path;

use saphyr::{LoadableYamlNode, Scalar, Yaml};
use toml::{Table, Value};

/// Reads a configuration file by its extension (`.toml`, `.yml`/`.yaml`, `.json`).
pub fn read_config(path: &Path) -> Result<Table, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the configuration: {e}", path.display()))?;
    let ext = path
        .extension()
        .map_or(String::new(), |e| e.to_string_lossy().to_ascii_lowercase());
    let parsed = match ext.as_str() {
        "toml" => text.parse::<Table>().map_err(|e| e.message().trim().to_string()),
        "yml" | "yaml" => yaml_table(&text),
        "json" => json_table(&text),
        other => Err(format!("`.{other}` is not a configuration format this import reads (expected .toml, .yml, .yaml or .json)")),
    };
    parsed.map_err(|e| format!("{}: cannot read the configuration: {e}", path.display()))
}

/// YAML text as a table (nulls dropped: TOML has none).
pub fn yaml_table(text: &str) -> Result<Table, String> {
    let docs = Yaml::load_from_str(text)
        .map_err(|e| format!("line {}: {}", e.marker().line(), e.info()))?;
    match docs.first().map(yaml_value) {
        None | Some(None) => Ok(Table::new()),
        Some(Some(Value::Table(t))) => Ok(t),
        Some(Some(_)) => Err("the file is not a mapping of `key: value` lines".into()),
    }
}

fn yaml_value(node: &Yaml) -> Option<Value> {
    Some(match node {
        Yaml::Value(Scalar::Null) | Yaml::Alias(_) | Yaml::BadValue => return None,
        Yaml::Value(Scalar::Boolean(b)) => Value::Boolean(*b),
        Yaml::Value(Scalar::Integer(i)) => Value::Integer(*i),
        Yaml::Value(Scalar::FloatingPoint(f)) => Value::Float(f.into_inner()),
        Yaml::Value(Scalar::String(s)) => Value::String(s.to_string()),
        Yaml::Representation(s, _, _) => Value::String(s.to_string()),
        Yaml::Sequence(items) => Value::Array(items.iter().filter_map(yaml_value).collect()),
        Yaml::Mapping(map) => Value::Table(
            map.iter()
                .filter_map(|(k, v)| Some((yaml_key(k)?, yaml_value(v)?)))
                .collect(),
        ),
        Yaml::Tagged(_, inner) => return yaml_value(inner),
    })
}

fn yaml_key(node: &Yaml) -> Option<String> {
    match yaml_value(node)? {
        Value::String(s) => Some(s),
        Value::Integer(i) => Some(i.to_string()),
        Value::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

/// JSON text as a table (nulls dropped).
pub fn json_table(text: &str) -> Result<Table, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    match json_value(&value) {
        Some(Value::Table(t)) => Ok(t),
        _ => Err("the file is not a JSON object".into()),
    }
}

fn json_value(value: &serde_json::Value) -> Option<Value> {
    use serde_json::Value as J;
    Some(match value {
        J::Null => return None,
        J::Bool(b) => Value::Boolean(*b),
        J::Number(n) => n
            .as_i64()
            .map_or_else(|| Value::Float(n.as_f64().unwrap_or(0.0)), Value::Integer),
        J::String(s) => Value::String(s.clone()),
        J::Array(items) => Value::Array(items.iter().filter_map(json_value).collect()),
        J::Object(map) => Value::Table(
            map.iter()
                .filter_map(|(k, v)| Some((k.clone(), json_value(v)?)))
                .collect(),
        ),
    })
}

/// The value of `key`, its case ignored (Hugo's keys).
pub fn get_ci<'a>(table: &'a Table, key: &str) -> Option<&'a Value> {
    table.get(key).or_else(|| {
        table
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

/// The string value of `key` (case ignored), trimmed, when it is a non-empty string.
pub fn string_ci(table: &Table, key: &str) -> Option<String> {
    match get_ci(table, key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

/// The table value of `key` (case ignored).
pub fn table_ci<'a>(table: &'a Table, key: &str) -> Option<&'a Table> {
    get_ci(table, key)?.as_table()
}

/// The strings of `key` (case ignored): a list of strings, or one string.
pub fn strings_ci(table: &Table, key: &str) -> Vec<String> {
    match get_ci(table, key) {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// The boolean value of `key` (case ignored).
pub fn bool_ci(table: &Table, key: &str) -> Option<bool> {
    get_ci(table, key)?.as_bool()
}

/// `path` from the site's root: a leading `/` added when missing.
pub fn rooted(path: &str) -> String {
    format!("/{}", path.trim().trim_start_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_and_json_become_tables() {
        let t = yaml_table("title: T\nn: 3\nempty:\nlist: [a, b]\nmap: {k: v}\n").unwrap();
        assert_eq!(string_ci(&t, "TITLE").as_deref(), Some("T"));
        assert_eq!(t.get("n"), Some(&Value::Integer(3)));
        assert!(!t.contains_key("empty"));
        assert_eq!(strings_ci(&t, "list"), ["a", "b"]);
        assert_eq!(table_ci(&t, "map").unwrap()["k"].as_str(), Some("v"));
        let j = json_table(r#"{"baseURL": "https://x.org/", "x": null, "f": 1.5}"#).unwrap();
        assert_eq!(string_ci(&j, "baseurl").as_deref(), Some("https://x.org/"));
        assert!(!j.contains_key("x"));
        assert!(json_table("[1]").is_err());
        assert_eq!(rooted("feed.xml"), "/feed.xml");
    }
}
