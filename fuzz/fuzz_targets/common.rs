//! What every target checks, calling the engine directly: never through
//! `claimtrace::analyze` or `claimtrace::contain`, which turn panics into
//! errors and would hide them from the fuzzer.

use claimtrace::read::{read, Format, Input, ReadOptions};
use claimtrace::{Document, Pipeline, Record};

#[allow(dead_code)]
// Unused by the targets that build their document themselves.
#[allow(dead_code)]
/// Reads `bytes` as `format` and runs the whole pipeline over each article.
pub fn read_and_analyze(bytes: &[u8], format: Format) {
    let input = Input { name: "fuzz", bytes, format: Some(format), content_type: None };
    let options = ReadOptions { max_bytes: Some(1 << 20), ..ReadOptions::default() };
    for doc in read(&input, &options).into_iter().flatten() {
        analyze(doc);
    }
}

/// Runs the whole pipeline over `doc` and checks the layers' invariants and
/// the record.
pub fn analyze(mut doc: Document) {
    Pipeline::standard().run(&mut doc);
    let mut last_end = 0;
    for token in &doc.tokens {
        assert!(doc.text.get(token.span.range()).is_some(), "token off a boundary");
        assert!(token.span.start() >= last_end, "tokens overlap or go back");
        last_end = token.span.end();
    }
    for sentence in &doc.sentences {
        assert!(doc.text.get(sentence.span.range()).is_some());
    }
    let record = Record::from_document(&doc);
    let line = record.to_json_line();
    assert!(!line.contains('\n'));
}
