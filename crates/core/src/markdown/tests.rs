use super::*;

fn lookup(source: &str) -> Option<String> {
    (source == "other.md").then(|| "other-post".to_string())
}

fn html_at(base: &str, md: &str) -> Rendered {
    let urls = Urls::new(base);
    render(
        md,
        &PostContext {
            urls: &urls,
            slug: "this-post",
            source: "this.md",
            old_urls: &[],
            post_for_source: &lookup,
            heading_id: &crate::text::slugify,
        },
    )
}

fn html(md: &str) -> String {
    html_at("/", md).html
}

fn analyze(md: &str) -> Analysis {
    html_at("/", md).analysis
}

/// (href, line) of each link the analysis found.
fn links_of(a: &Analysis) -> Vec<(&str, usize)> {
    a.links.iter().map(|l| (l.href.as_str(), l.line)).collect()
}

#[test]
fn headings_get_unique_ids_and_anchor_links() {
    let r = html_at("/blog/", "## Root cause\n\n## Root cause\n\n### Root cause\n\n## Café & Crème {#custom}\n\n# Top\n\n## `code` span\n");
    let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "root-cause",
            "root-cause-1",
            "root-cause-2",
            "custom",
            "top",
            "code-span"
        ]
    );
    assert!(r.html.contains(
        "<h2 id=\"root-cause-1\"><a class=\"heading-anchor\" href=\"/blog/posts/this-post/#root-cause-1\">Root cause</a></h2>"
    ));
    // a body h1 becomes h2: the page's h1 is the post title
    assert!(r.html.contains("<h2 id=\"top\">"));
    assert_eq!(r.headings[2].level, 3);
    assert_eq!(r.headings[3].text, "Café & Crème");
}

#[test]
fn unique_ids_do_not_collide_with_numbered_headings() {
    let r = html_at("/", "## A\n\n## A-1\n\n## A\n");
    let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["a", "a-1", "a-2"]);
}

#[test]
fn heading_with_a_link_keeps_its_link_and_gets_no_anchor() {
    let out = html("## See [docs](https://example.com)\n");
    assert!(out.contains("<h2 id=\"see-docs\">See <a href=\"https://example.com\""));
    assert!(!out.contains("heading-anchor"));
}

#[test]
fn gfm_tables_strikethrough_and_task_lists() {
    let out = html("| a | b |\n|---|--:|\n| 1 | 2 |\n\n~~old~~ new\n\n- [x] done\n- [ ] open\n");
    assert!(out.contains("<div class=\"table-wrap\"><table>"));
    assert!(out.contains("<th>a</th>"));
    assert!(out.contains("<td style=\"text-align: right\">2</td>"));
    assert!(out.contains("</table>\n</div>"));
    assert!(out.contains("<del>old</del> new"));
    assert!(out.contains("<input disabled=\"\" type=\"checkbox\" checked=\"\"/>"));
    assert!(out.contains("<input disabled=\"\" type=\"checkbox\"/>"));
}

#[test]
fn footnotes_are_numbered_and_linked_both_ways() {
    let out = html_at(
        "/blog/",
        "First[^b] and second[^a], again[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n",
    )
    .html;
    assert!(out.contains(
        "<a href=\"/blog/posts/this-post/#fn-b\" id=\"fnref-b\" aria-label=\"Footnote 1\">1</a>"
    ));
    assert!(out.contains(
        "<a href=\"/blog/posts/this-post/#fn-a\" id=\"fnref-a\" aria-label=\"Footnote 2\">2</a>"
    ));
    // the second reference to [^b] has no duplicate id
    assert_eq!(out.matches("id=\"fnref-b\"").count(), 1);
    let b = out.find("<li id=\"fn-b\">").expect("definition b");
    let a = out.find("<li id=\"fn-a\">").expect("definition a");
    assert!(b < a, "listed in order of first reference");
    assert!(out.contains("href=\"/blog/posts/this-post/#fnref-a\""));
    assert!(out.contains("<section class=\"footnotes\""));
}

#[test]
fn code_blocks_are_marked_with_their_language_and_escaped() {
    let out = html("```rust,ignore\nlet x = a < b && c;\n```\n\n    indented\n\nSay `<b>`.\n");
    assert!(out.contains("<pre data-lang=\"rust\"><code class=\"language-rust\"><span class=\"tok-k\">let</span> x = a &lt; b &amp;&amp; c;\n</code></pre>"), "{out}");
    assert!(out.contains("<pre><code>indented\n</code></pre>"));
    // A language the highlighter does not know stays plain, escaped.
    let plain = html("```text\nlet <x>\n```\n");
    assert!(
        plain.contains("<code class=\"language-text\">let &lt;x&gt;\n</code>"),
        "{plain}"
    );
    assert!(out.contains("<code>&lt;b&gt;</code>"));
}

#[test]
fn links_resolve_and_external_ones_open_safely() {
    let out = html_at("/blog/", "[ext](https://example.com/x \"T\") [post](other.md#fix) [abs](/category/ai) [sec](#intro) <https://auto.example> [mail](mailto:a@b.c) [gone](nope.md)").html;
    assert!(out.contains("<a href=\"https://example.com/x\" title=\"T\" target=\"_blank\" rel=\"noopener noreferrer\">ext</a>"));
    assert!(out.contains("<a href=\"/blog/posts/other-post/#fix\">post</a>"));
    assert!(out.contains("<a href=\"/blog/category/ai\">abs</a>"));
    assert!(out.contains("<a href=\"/blog/posts/this-post/#intro\">sec</a>"));
    assert!(out.contains("<a href=\"https://auto.example\" target=\"_blank\" rel=\"noopener noreferrer\">https://auto.example</a>"));
    assert!(out.contains("<a href=\"mailto:a@b.c\">mail</a>"));
    assert!(out.contains("<span class=\"broken-link\">gone</span>"));
}

#[test]
fn images_resolve_next_to_the_post() {
    let urls = Urls::new("/blog/");
    let r = render(
        "![p99 latency](graphs/p99.png \"Tuesday\")",
        &PostContext {
            urls: &urls,
            slug: "s",
            source: "2026/s/index.md",
            old_urls: &[],
            post_for_source: &lookup,
            heading_id: &crate::text::slugify,
        },
    );
    assert!(r.html.contains("<img src=\"/blog/content/2026/s/graphs/p99.png\" alt=\"p99 latency\" title=\"Tuesday\" loading=\"lazy\" decoding=\"async\">"));
}

/// Raw HTML that must never run script or load active content, with text
/// that must not appear in the output. Shared with the browser tests.
const ATTACKS_JSON: &str = include_str!("../../../../tests/attacks.json");

#[derive(serde::Deserialize)]
struct Attack {
    input: String,
    forbidden: Vec<String>,
}

#[test]
fn raw_html_attack_table() {
    let attacks: Vec<Attack> = serde_json::from_str(ATTACKS_JSON).expect("tests/attacks.json");
    assert!(attacks.len() >= 40);
    for Attack { input, forbidden } in &attacks {
        let out = html(input);
        let lower = out.to_ascii_lowercase();
        for bad in forbidden {
            assert!(
                !lower.contains(&bad.to_ascii_lowercase()),
                "input {input:?}\nrendered {out:?}\nstill contains {bad:?}"
            );
        }
        // Generic guarantees: no event handler attribute and no script URL survive in any tag.
        for tag in lower.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap_or("");
            for attr in tag.split_whitespace().skip(1) {
                assert!(
                    !attr.starts_with("on"),
                    "input {input:?}: event handler in {out:?}"
                );
            }
            assert!(!tag.contains("javascript:"), "input {input:?}: {out:?}");
            assert!(!tag.contains("data:"), "input {input:?}: {out:?}");
        }
    }
}

#[test]
fn unclosed_inline_script_does_not_hide_the_rest_of_the_post() {
    let out = html("a <script> b\n\nnext paragraph");
    assert!(out.contains("next paragraph"));
    assert!(!out.contains("<script"));
}

#[test]
fn analysis_counts_words_summary_and_links() {
    let md = "Intro with **bold**words and `code`.\n\nSecond para [link](other.md).\n\n<!-- more -->\n\nAfter.\n\n```sh\necho one two three four\n```\n\n| a | b |\n|---|---|\n| c | d |\n";
    let a = analyze(md);
    assert_eq!(
        a.summary,
        "Intro with boldwords and code. Second para link."
    );
    assert_eq!(a.code_words, 5);
    // Intro with boldwords and code. (5) Second para link. (3) After. (1) a b c d (4)
    assert_eq!(a.prose_words, 13);
    assert_eq!(links_of(&a), [("other.md", 2)]);
    assert_eq!(
        a.links[0].target,
        LinkTarget::Internal(crate::urls::Internal {
            url: "/posts/other-post/".into(),
            to: crate::urls::Dest::Post {
                slug: "other-post".into(),
                section: String::new()
            }
        })
    );
    assert!(a.plain_text.contains("echo one two"));
}

#[test]
fn summary_defaults_to_first_paragraph() {
    let a = analyze("## Heading\n\nFirst paragraph\nwraps here.\n\nSecond.\n");
    assert_eq!(a.summary, "First paragraph wraps here.");
    assert_eq!(analyze("").summary, "");
}

#[test]
fn reading_time() {
    assert_eq!(reading_minutes(0, 0), 1);
    assert_eq!(reading_minutes(329, 0), 1);
    assert_eq!(reading_minutes(330, 0), 2);
    assert_eq!(reading_minutes(2200, 0), 10);
    assert_eq!(reading_minutes(1980, 440), 10);
    assert_eq!(reading_minutes(2089, 0), 9);
    assert_eq!(reading_minutes(2090, 0), 10);
}

#[test]
fn truncates_at_words() {
    assert_eq!(truncate_words("short", 10), "short");
    assert_eq!(truncate_words("one two three four", 12), "one two…");
}

/// Start and end tags of `html`, checked as a stack: every end tag closes the
/// element opened last, and nothing is left open.
fn assert_balanced(html: &str, input: &str) {
    const VOID: &[&str] = &["br", "col", "hr", "img", "wbr", "input"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("unterminated tag");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop();
            assert_eq!(
                open.as_deref(),
                Some(name),
                "{input:?} closes </{name}> out of order in {html}"
            );
        } else {
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if !VOID.contains(&name.as_str()) && !tag.ends_with('/') {
                stack.push(name);
            }
        }
    }
    assert!(
        stack.is_empty(),
        "{input:?} leaves {stack:?} open in {html}"
    );
}

#[test]
fn raw_html_cannot_close_or_leave_open_the_page_around_it() {
    for input in [
        "</div></div></article></main>text",
        "Some <b>bold never closed.\n\nNext paragraph.",
        "<div>\n\nopened in a block, never closed\n",
        "- item <em>open\n- <div>\n\n  inside\n- </div> stray",
        "<details>\n<summary>Logs</summary>\n\nmarkdown *inside*\n\n</details>\n\n</details>",
        "| a | b |\n|---|---|\n| <span>x | </td></tr></table></div> |\n",
        "## Heading <i>open\n\ntext</i>",
        "Text[^n]\n\n[^n]: note <b>open\n\nafter",
        "> quote <div>\n\n</div> out",
        "<p>raw <span>p</p> text</span></p>",
    ] {
        assert_balanced(&html(input), input);
    }
    // What is balanced stays as written.
    assert_eq!(
        html("<details>\n<summary>Logs</summary>\n\nmarkdown\n\n</details>\n"),
        "<details>\n<summary>Logs</summary>\n<p>markdown</p>\n</details>\n"
    );
}

#[test]
fn the_analysis_reads_the_body_as_the_page_shows_it() {
    let md = "Text <script>var hidden = 1;</script> shown.\n\n<svg><text>drawn</text></svg>\n\nMail <ops@example.org> or [call](tel:+1555).\n\n<p>Raw <a href=\"other.md#fix\">link</a> and <img src=\"../up.png\" alt=\"x\"></p>\n\n[gone](javascript:alert(1))\n";
    let a = analyze(md);
    assert!(!a.plain_text.contains("hidden"), "{}", a.plain_text);
    assert!(!a.plain_text.contains("drawn"), "{}", a.plain_text);
    assert!(a.plain_text.contains("Text shown."), "{}", a.plain_text);
    assert_eq!(
        links_of(&a),
        [
            ("mailto:ops@example.org", 4),
            ("tel:+1555", 4),
            ("other.md#fix", 6),
            ("../up.png", 6),
            ("javascript:alert(1)", 8)
        ]
    );
    assert_eq!(
        a.links[0].target,
        LinkTarget::Other("mailto:ops@example.org".into())
    );
    assert_eq!(
        a.links[2].target.internal_url(),
        Some("/posts/other-post/#fix")
    );
    assert_eq!(a.links[3].target, LinkTarget::Broken("../up.png".into()));
    assert_eq!(a.links[4].target, LinkTarget::Rejected);
}

#[test]
fn words_are_runs_of_non_space_with_a_letter_or_digit() {
    let reference = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    for text in [
        "",
        "   ",
        "one",
        "two words",
        " -- a — b\u{a0}c\u{2003}d\u{b}e\u{85}f ",
        "x86_64 3.14 (…) «ça» naïve 東京 🙂 🙂x",
        "tab\tnew\nline\r\nend\u{c}",
    ] {
        assert_eq!(super::count_words(text), reference(text), "{text:?}");
    }
}

#[test]
fn the_browser_gives_headings_the_ids_the_build_gave() {
    // The build of a moved blog names headings as its old generator did
    // (Zola's `i-unsound-issues-crab`); the browser's renderer has no such
    // rules and takes the ids in order, an explicit `{#id}` included.
    let request = RenderRequest {
        id: 1,
        markdown: "## I-unsound issues (🦀)\n\n## Kept {#kept}\n\n## Same\n\n## Same\n\n## Extra\n"
            .into(),
        base: "/".into(),
        slug: "p".into(),
        source: "p.md".into(),
        posts: Vec::new(),
        old_urls: Vec::new(),
        heading_ids: ["i-unsound-issues-crab", "kept", "same", "same-1"]
            .map(String::from)
            .to_vec(),
    };
    let html = request.render().html;
    let ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or(""))
        .collect();
    // past the given ids, the renderer's own
    assert_eq!(
        ids,
        ["i-unsound-issues-crab", "kept", "same", "same-1", "extra"]
    );
}
