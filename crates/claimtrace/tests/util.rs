//! Fixtures and a helper that runs the whole engine on one file.

use std::path::PathBuf;

use claimtrace::read::{Input, ReadOptions};
use claimtrace::{Document, Record};

/// A fixture under the repository's `testdata/`.
pub fn testdata(rel: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata")).join(rel)
}

/// Analyses a short article: a headline, then `body`, from an outlet
/// named "The Daily Planet".
pub fn analyze_body(body: &str) -> Document {
    let text = format!("Headline\n\n{body}");
    let input =
        Input { name: "case.txt", bytes: text.as_bytes(), format: None, content_type: None };
    let options = ReadOptions { outlet: Some("The Daily Planet".into()), ..ReadOptions::default() };
    claimtrace::analyze(&input, &options).pop().unwrap().unwrap()
}

/// Analyses one fixture that holds exactly one article.
pub fn analyze_file(rel: &str) -> Document {
    let path = testdata(rel);
    let bytes = std::fs::read(&path).unwrap();
    let name = path.display().to_string();
    let mut docs = claimtrace::analyze(
        &Input { name: &name, bytes: &bytes, format: None, content_type: None },
        &ReadOptions::default(),
    );
    assert_eq!(docs.len(), 1);
    docs.pop().unwrap().unwrap()
}

/// The scorer's figures for one fixture against its gold record.
pub fn figures(input: &str, gold: &str) -> std::collections::BTreeMap<String, Option<f64>> {
    let doc = analyze_file(input);
    let pred = serde_json::to_value(Record::from_document(&doc)).unwrap();
    let gold: serde_json::Value =
        serde_json::from_slice(&std::fs::read(testdata(gold)).unwrap()).unwrap();
    let mut tally = claimtrace::eval::Tally::default();
    claimtrace::eval::score(&gold, &pred, &mut tally);
    tally.figures()
}
