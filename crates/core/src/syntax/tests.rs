use super::*;

/// The (class, text) of each token in highlighted HTML.
fn tokens(language: &str, code: &str) -> Vec<(String, String)> {
    let html = highlight(language, code).unwrap_or_else(|| panic!("{language} is known"));
    html.split("<span class=\"")
        .skip(1)
        .map(|rest| {
            let (class, rest) = rest.split_once("\">").unwrap();
            let (text, _) = rest.split_once("</span>").unwrap();
            (class.to_string(), crate::sanitize::decode_entities(text))
        })
        .collect()
}

fn has(language: &str, code: &str, class: &str, text: &str) {
    let t = tokens(language, code);
    assert!(
        t.iter().any(|(c, s)| c == class && s == text),
        "{language}: no {class} `{text}` in {t:?}"
    );
}

fn lacks(language: &str, code: &str, text: &str) {
    let t = tokens(language, code);
    assert!(
        t.iter().all(|(_, s)| s != text),
        "{language}: `{text}` should be plain in {t:?}"
    );
}

#[test]
fn every_language_of_the_launch_posts_has_keywords_strings_comments_and_numbers() {
    use class::*;
    // (language, code, the tokens it must have as (class, text))
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
    let cases: &[Case] = &[
        ("bash", "# retry\nfor i in 1 2 3; do echo \"try $i\"; done\n", &[(COMMENT, "# retry"), (KEYWORD, "for"), (NUMBER, "1"), (STRING, "\"try $i\""), (KEYWORD, "done")]),
        ("sql", "-- hot path\nSELECT id FROM orders WHERE total > 100 AND note = 'it''s';\n", &[(COMMENT, "-- hot path"), (KEYWORD, "SELECT"), (KEYWORD, "FROM"), (NUMBER, "100"), (STRING, "'it''s'")]),
        ("python", "def f(x):\n    # doc\n    return x * 2.5 if x else None  # no\ns = '''multi\nline'''\n", &[(KEYWORD, "def"), (COMMENT, "# doc"), (KEYWORD, "return"), (NUMBER, "2.5"), (META, "None"), (STRING, "'''multi\nline'''")]),
        ("yaml", "# limits\nresources:\n  limits:\n    memory: \"512Mi\"\n    replicas: 3\n    enabled: true\n", &[(COMMENT, "# limits"), (KEY, "resources"), (KEY, "memory"), (STRING, "\"512Mi\""), (NUMBER, "3"), (META, "true")]),
        ("json", "{\"name\": \"pool\", \"size\": 10, \"ok\": false}", &[(KEY, "\"name\""), (STRING, "\"pool\""), (NUMBER, "10"), (META, "false")]),
        ("ts", "// cache\nconst ttl: number = 60; // s\nexport async function get(k: string) { return `v:${k}`; }\n", &[(COMMENT, "// cache"), (KEYWORD, "const"), (NUMBER, "60"), (KEYWORD, "async"), (STRING, "`v:${k}`")]),
        ("tsx", "/* view */\nreturn <div className=\"a\">{count}</div>;\n", &[(COMMENT, "/* view */"), (KEYWORD, "return"), (STRING, "\"a\"")]),
        ("hcl", "# sg\nresource \"aws_security_group\" \"web\" {\n  port = 443\n  cidr = \"${var.cidr}\"\n}\n", &[(COMMENT, "# sg"), (KEYWORD, "resource"), (STRING, "\"aws_security_group\""), (KEY, "port"), (NUMBER, "443")]),
        ("ruby", "# job\ndef perform(id)\n  puts \"done #{id}\" if id > 0\nend\n", &[(COMMENT, "# job"), (KEYWORD, "def"), (STRING, "\"done #{id}\""), (NUMBER, "0"), (KEYWORD, "end")]),
        ("go", "// main\nfunc main() {\n\tx := 42\n\tfmt.Println(\"hi\", nil)\n}\n", &[(COMMENT, "// main"), (KEYWORD, "func"), (NUMBER, "42"), (STRING, "\"hi\""), (META, "nil")]),
        ("nginx", "# proxy\nserver {\n  listen 80;\n  proxy_pass http://app;\n  set $x \"y\";\n}\n", &[(COMMENT, "# proxy"), (KEYWORD, "server"), (KEY, "listen"), (NUMBER, "80"), (KEY, "proxy_pass"), (NAME, "$x"), (STRING, "\"y\"")]),
        ("ini", "; note\n[database]\nhost = db.internal\nport = 5432\n", &[(COMMENT, "; note"), (META, "[database]"), (KEY, "host"), (NUMBER, "5432")]),
        ("rust", "// safe\nfn main() { let n: u32 = 7; println!(\"{n}\"); }\n", &[(COMMENT, "// safe"), (KEYWORD, "fn"), (KEYWORD, "let"), (NUMBER, "7"), (STRING, "\"{n}\"")]),
        ("toml", "# deps\n[package]\nname = \"x\"\nversion = 1\n", &[(COMMENT, "# deps"), (META, "[package]"), (KEY, "name"), (STRING, "\"x\""), (NUMBER, "1")]),
        ("js", "let a = 1; // one\n", &[(KEYWORD, "let"), (NUMBER, "1"), (COMMENT, "// one")]),
        ("css", "/* card */\n.card { margin: 0 8px; }\n@media (min-width: 40rem) {}\n", &[(COMMENT, "/* card */"), (NUMBER, "0"), (NUMBER, "8px"), (KEYWORD, "@media"), (NUMBER, "40rem")]),
        ("dockerfile", "# build\nFROM rust:1.95 AS build\nRUN cargo build --release\nENV PORT=8080\n", &[(COMMENT, "# build"), (KEY, "FROM"), (KEYWORD, "AS"), (KEY, "RUN"), (NUMBER, "8080")]),
        ("html", "<!-- nav -->\n<a href=\"/x\" class=a>Home</a>\n", &[(COMMENT, "<!-- nav -->"), (NAME, "a"), (KEY, "href"), (STRING, "\"/x\""), (STRING, "a"), (NAME, "/a")]),
        ("diff", "@@ -1,2 +1,2 @@\n-old line\n+new line\n same\n", &[(META, "@@ -1,2 +1,2 @@"), (DELETED, "-old line"), (INSERTED, "+new line")]),
    ];
    for (language, code, expected) in cases {
        for (class, text) in *expected {
            has(language, code, class, text);
        }
    }
}

#[test]
fn words_inside_names_strings_and_comments_are_not_keywords() {
    lacks("sql", "SELECT selection FROM t;", "selection");
    lacks("bash", "echo fortune", "for");
    lacks("python", "x = 'def not'", "def");
    lacks("js", "// const in a comment\n", "const");
    // `#` in the middle of a word is not a comment.
    lacks("bash", "echo a#b c", "#b c");
    // An identifier with digits is not a number.
    lacks("go", "v2 := x", "2");
}

#[test]
fn text_is_escaped_and_unknown_languages_stay_plain() {
    let html = highlight("html", "<b>&amp;</b>").unwrap();
    assert!(!html.contains("<b>"), "{html}");
    assert!(html.contains("&amp;amp;"), "{html}");
    let html = highlight("bash", "echo '<script>'").unwrap();
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert_eq!(highlight("text", "x"), None);
    assert_eq!(highlight("brainfuck", "+"), None);
    assert!(highlight("YAML", "a: 1").is_some() && highlight("diff", "+a").is_some());
    // Whatever the input, the text comes back whole.
    for (language, code) in [
        ("sql", "'unterminated"),
        ("python", "\"\"\"open"),
        ("css", "/* open"),
        ("html", "<a href=\"x"),
        ("bash", "${open"),
    ] {
        let html = highlight(language, code).unwrap();
        let text: String = html
            .split('<')
            .map(|p| p.split_once('>').map_or(p, |(_, t)| t))
            .collect();
        assert_eq!(crate::sanitize::decode_entities(&text), code, "{language}");
    }
}
