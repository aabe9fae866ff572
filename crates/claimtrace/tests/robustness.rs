//! Arbitrary bytes and strings to every reader and through the whole
//! pipeline: nothing panics, and every span the pipeline makes slices the
//! body. The pipeline runs directly (`Pipeline::run`), never through
//! `analyze`, whose panic containment would hide a panic from the test.
//!
//! The cargo-fuzz targets in `fuzz/` run the same calls for longer; these
//! run on stable in every `cargo test`.

use claimtrace::doc::{Meta, Stamp};
use claimtrace::read::{read, Format, Input, ReadOptions};
use claimtrace::{Document, Pipeline, Record};
use proptest::prelude::*;

const FORMATS: [Option<Format>; 5] =
    [None, Some(Format::Text), Some(Format::Html), Some(Format::Json), Some(Format::Jsonl)];

/// Reads and analyses `bytes` in every format; each document must keep
/// the span invariants.
fn check_all(bytes: &[u8]) {
    let options = ReadOptions { max_bytes: Some(1 << 20), ..ReadOptions::default() };
    for format in FORMATS {
        let input = Input { name: "fuzz", bytes, format, content_type: None };
        for mut doc in read(&input, &options).into_iter().flatten() {
            assert!(doc.tokens.is_empty() && doc.sentences.is_empty());
            Pipeline::standard().run(&mut doc);
            check_spans(&doc);
            Record::from_document(&doc).to_json_line();
        }
    }
}

/// `text` as the body of an article published on a Monday, through the
/// whole pipeline (times resolve against the date).
fn check_body(text: &str) {
    let meta = Meta { published: Stamp::parse_iso("2024-03-25T12:57-04:00"), ..Meta::default() };
    let mut doc = Document::new("prop", meta, text.to_string());
    Pipeline::standard().run(&mut doc);
    check_spans(&doc);
    Record::from_document(&doc).to_json_line();
}

/// Sentences as news writes them, with names of arbitrary letters from
/// any script: attribution, rebuttals that point back at a source by its
/// name ("rejected X's claims"), quotes, counts and dates, so that the
/// stages that compare and cut names meet non-ASCII ones.
fn news_sentences() -> impl Strategy<Value = String> {
    let name = "\\p{Lu}\\p{Ll}{1,9}";
    let sentence = (name, name, name, 0..8usize).prop_map(|(a, b, c, template)| match template {
        0 => format!("{a} {b}, the regional governor, said the strike killed 12 people."),
        1 => format!("The army later rejected {b}'s claims."),
        2 => format!("{a} denied {c}’s account on Friday, according to {b} media."),
        3 => format!("“We will not leave,” {a} {b} told {c} on 25 March 2024."),
        4 => format!("{c} has not confirmed the report, which {a} said was false."),
        5 => format!("According to {a}, at least 137 people were killed in {b}."),
        6 => format!("{a} {b} of {c}, citing {b} officials, said the claim has not been verified."),
        _ => format!("{c}'s spokesman {a} said {b} {c} was behind it."),
    });
    proptest::collection::vec(sentence, 1..12).prop_map(|s| s.join(" "))
}

/// News-shaped text over all of Unicode: names in many scripts and with
/// diacritics, possessives, reporting verbs, quotation marks of every kind,
/// numbers and dates, and words of arbitrary letters and symbols, so that
/// every stage (not only the tokenizer) meets non-ASCII words in the
/// places it looks at closely.
fn news_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop_oneof![
            Just("José Martínez"),
            Just("Martínez's"),
            Just("Łukasz Żółw"),
            Just("Nguyễn Văn An"),
            Just("Володимир Зеленський"),
            Just("Дмитрий Песков"),
            Just("محمد جواد ظریف"),
            Just("میرحسین\u{200c}موسوی"),
            Just("習近平"),
            Just("Ελλάδα"),
            Just("İstanbul"),
            Just("e\u{301}e\u{301}"),
            Just("👩‍👩‍👧"),
        ]
        .prop_map(str::to_string),
        6 => prop_oneof![
            Just(" said "),
            Just(" told "),
            Just(" according to "),
            Just(" rejected "),
            Just(" claims"),
            Just(" has not been verified"),
            Just(" killed at least 137 people"),
            Just(" on Friday"),
            Just(" last week"),
            Just(" 25 March 2024"),
            Just(" the minister"),
            Just(", "),
            Just(". "),
            Just("\n\n"),
            Just("’s "),
            Just("'s "),
        ]
        .prop_map(str::to_string),
        3 => prop_oneof![
            Just("“"),
            Just("”"),
            Just("\""),
            Just("'"),
            Just("‘"),
            Just("’"),
            Just("«"),
            Just("»"),
            Just("„"),
            Just("‹"),
            Just("›"),
        ]
        .prop_map(str::to_string),
        4 => "\\p{Lu}\\p{L}{0,8}('s|’s)?",
        3 => "\\p{L}{1,10}",
        2 => "\\PC{1,6}",
        1 => "[0-9٠-٩۰-۹]{1,4}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|pieces| pieces.join(" "))
}

/// Every token slices the body on character boundaries; sentences take
/// the tokens in order, each exactly once, and hold their tokens' spans.
fn check_spans(doc: &Document) {
    let text = &doc.text;
    for token in &doc.tokens {
        let span = token.span;
        assert!(
            span.start() < span.end() && span.end() <= text.len(),
            "token {span} out of the body"
        );
        assert!(text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()));
        assert!(!doc.slice(span).trim().is_empty(), "token {span} is white space");
    }
    for pair in doc.tokens.windows(2) {
        assert!(pair[0].span.end() <= pair[1].span.start(), "tokens overlap or go back");
    }
    let mut next_token = 0;
    for sentence in &doc.sentences {
        assert_eq!(sentence.tokens.start, next_token, "sentences skip or repeat tokens");
        assert!(sentence.tokens.end > sentence.tokens.start, "empty sentence");
        next_token = sentence.tokens.end;
        assert!(sentence.span.end() <= text.len());
        for token in doc.sentence_tokens(sentence) {
            assert!(sentence.span.contains(token.span), "token outside its sentence");
        }
        assert!(sentence.paragraph < doc.paragraphs.len());
    }
    assert_eq!(next_token, doc.tokens.len(), "tokens outside any sentence");
    for paragraph in &doc.paragraphs {
        assert!(paragraph.span.end() <= text.len());
        assert!(text.is_char_boundary(paragraph.span.start()));
        assert!(text.is_char_boundary(paragraph.span.end()));
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
    fn arbitrary_unicode_bodies(text in any::<String>()) {
        check_body(&text);
    }

    #[test]
    fn news_sentences_with_names_from_any_script(text in news_sentences()) {
        check_body(&text);
    }

    #[test]
    fn news_over_all_of_unicode(text in news_like()) {
        check_body(&text);
        check_all(format!("A title\n\n{text}").as_bytes());
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

/// Bodies the fuzzers found a panic in, kept as they were found.
#[test]
fn what_the_fuzzers_found() {
    // A cue of `clause_only.txt` ("knew") that ends the text: its content
    // is empty and starts past the last token.
    check_body(
        "Th no body\n\n \t \u{a0}\u{3000}\nitme with no body\n\n \t \u{a0}\u{3000}knew\n\n\n",
    );
}

#[test]
fn the_fixtures_keep_the_invariants() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/html");
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        check_all(&bytes);
    }
}
