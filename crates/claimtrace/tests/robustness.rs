//! Arbitrary bytes and strings to every reader and to `analyze`: nothing
//! panics, and every span the pipeline makes slices the body.
//!
//! The cargo-fuzz targets in `fuzz/` run the same calls for longer; these
//! run on stable in every `cargo test`.

use claimtrace::read::{read, Format, Input, ReadOptions};
use claimtrace::{analyze, Document};
use proptest::prelude::*;

const FORMATS: [Option<Format>; 5] =
    [None, Some(Format::Text), Some(Format::Html), Some(Format::Json), Some(Format::Jsonl)];

/// Reads and analyses `bytes` in every format; each document must keep
/// the span invariants.
fn check_all(bytes: &[u8]) {
    let options = ReadOptions { max_bytes: Some(1 << 20), ..ReadOptions::default() };
    for format in FORMATS {
        let input = Input { name: "fuzz", bytes, format, content_type: None };
        for doc in read(&input, &options).into_iter().flatten() {
            assert!(doc.tokens.is_empty() && doc.sentences.is_empty());
        }
        for doc in analyze(&input, &options).into_iter().flatten() {
            check_spans(&doc);
        }
    }
}

/// Every token slices the body on character boundaries; sentences take
/// the tokens in order, each exactly once, and hold their tokens' spans.
fn check_spans(doc: &Document) {
    let text = &doc.text;
    for token in &doc.tokens {
        let span = token.span;
        assert!(span.start < span.end && span.end <= text.len(), "token {span} out of the body");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(!doc.slice(span).trim().is_empty(), "token {span} is white space");
    }
    for pair in doc.tokens.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "tokens overlap or go back");
    }
    let mut next_token = 0;
    for sentence in &doc.sentences {
        assert_eq!(sentence.tokens.start, next_token, "sentences skip or repeat tokens");
        assert!(sentence.tokens.end > sentence.tokens.start, "empty sentence");
        next_token = sentence.tokens.end;
        assert!(sentence.span.end <= text.len());
        for token in doc.sentence_tokens(sentence) {
            assert!(sentence.span.contains(token.span), "token outside its sentence");
        }
        assert!(sentence.paragraph < doc.paragraphs.len());
    }
    assert_eq!(next_token, doc.tokens.len(), "tokens outside any sentence");
    for paragraph in &doc.paragraphs {
        assert!(paragraph.span.end <= text.len());
        assert!(text.is_char_boundary(paragraph.span.start));
        assert!(text.is_char_boundary(paragraph.span.end));
    }
}

/// Markup made of tags, attributes, entities and words, to get past the
/// HTML parser into the extractor and the cleaners.
fn html_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"caption\">".to_string()),
        Just("</div>".to_string()),
        Just("<article>".to_string()),
        Just("<br>".to_string()),
        Just("<nav><a href=\"/\">Home</a></nav>".to_string()),
        Just("<time datetime=\"2024-03-25T12:57-04:00\">".to_string()),
        Just("<meta property=\"og:title\" content=\"T\">".to_string()),
        Just(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":["
                .to_string()
        ),
        Just("</script>".to_string()),
        Just("&amp;&#x201c;&nbsp;".to_string()),
        Just("“Quote,” said Mr. Smith.".to_string()),
        Just("By Jane Doe".to_string()),
        Just("\n\n".to_string()),
        "[A-Za-z ,.'\"!?]{0,40}",
        "\\PC{0,12}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check_all(&bytes);
    }

    #[test]
    fn arbitrary_strings(text in "\\PC{0,300}") {
        check_all(text.as_bytes());
    }

    #[test]
    fn markup(html in html_like()) {
        check_all(html.as_bytes());
    }

    #[test]
    fn json_like(text in "[\\[\\]{}\":,a-z0-9 \n\\\\]{0,200}") {
        check_all(text.as_bytes());
        let record = format!("{{\"title\": \"t\", \"text\": {}}}\n", serde_json_string(&text));
        check_all(record.as_bytes());
    }
}

/// `text` as a JSON string literal.
fn serde_json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[test]
fn the_fixtures_keep_the_invariants() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/html");
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        check_all(&bytes);
    }
}
