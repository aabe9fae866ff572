//! The language layer's syntax half: part-of-speech tags and dependency
//! trees, from models the project trains on the GUM treebank and ships in
//! `crates/claimtrace/models/`.
//!
//! [`tag_document`] fills `Token::tag` with Universal POS tags;
//! [`parse_document`] fills `Token::head` and `Token::rel`. Both run
//! sentence by sentence and leave a sentence untouched when its model is
//! missing. Models are decoded once, on first use.
//!
//! Training (see `examples/train.rs`) is deterministic: fixed data order,
//! a seeded shuffle, no clocks or hash-map iteration order involved.

pub mod conllu;
pub(crate) mod forms;
pub mod parser;
pub mod perceptron;
pub mod tagger;

use std::sync::LazyLock;

use crate::doc::{Document, Rel, Upos};
use perceptron::Model;

/// The shipped model `models/NAME.bin`: on a little-endian machine its
/// tables as `build.rs` laid them out, read where they lie; elsewhere the
/// compact file, decoded.
macro_rules! shipped_model {
    ($name:literal) => {{
        #[cfg(target_endian = "little")]
        let model = {
            static TABLE: &$crate::tables::Aligned<[u8]> = &$crate::tables::Aligned(
                *include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".table")),
            );
            $crate::tag::perceptron::Model::from_table(&TABLE.0)
        };
        #[cfg(not(target_endian = "little"))]
        let model = $crate::tag::perceptron::Model::decode(include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/models/",
            $name,
            ".bin"
        )));
        model.unwrap_or_default()
    }};
}
pub(crate) use shipped_model;

/// The shipped tagger model.
pub static TAGGER: LazyLock<Model> = LazyLock::new(|| shipped_model!("tagger"));

/// The shipped parser model.
pub static PARSER: LazyLock<Model> = LazyLock::new(|| shipped_model!("parser"));

/// The shipped parser, ready to parse ([`PARSER`] and its small features'
/// table).
pub static SHIPPED_PARSER: LazyLock<parser::Parser<'static>> =
    LazyLock::new(|| parser::Parser::new(&PARSER));

/// Tags every sentence of `doc` with Universal POS tags.
pub fn tag_document(doc: &mut Document, model: &Model) {
    doc.forms = forms::Forms::of_tokens(doc);
    for sentence_idx in 0..doc.sentences.len() {
        let range = doc.sentences[sentence_idx].tokens.clone();
        let tags = tagger::tag_forms(model, &doc.forms, range.clone());
        if tags.len() != range.len() {
            continue;
        }
        for (i, t) in range.zip(tags) {
            doc.tokens[i].tag = Upos::from_index(t);
        }
    }
}

/// Parses every tagged sentence of `doc`, filling heads (document token
/// indices) and relations.
pub fn parse_document(doc: &mut Document, parser: &parser::Parser<'_>) {
    let forms = forms::Forms::take_from(doc);
    for sentence_idx in 0..doc.sentences.len() {
        let range = doc.sentences[sentence_idx].tokens.clone();
        let tags: Vec<&str> =
            range.clone().map(|i| doc.tokens[i].tag.unwrap_or(Upos::X).as_str()).collect();
        let parse = parser.parse_normalized(&forms.norms(range.clone()), &tags);
        if parse.heads.len() != range.len() {
            continue;
        }
        let first = range.start;
        for (k, i) in range.enumerate() {
            doc.tokens[i].head = parse.heads[k].map(|h| first + h);
            doc.tokens[i].rel = Rel::from_index(parse.rels[k]);
        }
    }
    doc.forms = forms;
}
