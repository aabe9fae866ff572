//! claimtrace reads news articles and builds a ledger of claims: who said
//! what, citing whom, through which channel, and how verified.
//!
//! The engine is one pipeline of stages over one [`Document`], in this
//! order (folder order is pipeline order):
//!
//! 1. [`read`]: bytes (text, HTML, JSON, JSONL) to a clean body, the
//!    removed blocks and metadata;
//! 2. [`segment`]: paragraphs, sentences and tokens with byte offsets;
//! 3. [`tag`]: Universal POS tags and dependency trees, from averaged
//!    perceptron models trained on GUM and shipped in `models/`;
//! 4. [`entities`]: named-entity mentions (a trained recognizer plus
//!    gazetteers) merged into entities with aliases and descriptions;
//! 5. [`times`]: time expressions with TimeML values resolved against the
//!    publication date (weekdays by tense, anaphora by the last date named);
//! 6. [`counts`]: numbers of people or things an event touched, with
//!    qualifier and category, ACLED-style;
//! 7. [`claims`]: quotes, attribution chains, statuses and stances;
//! 8. [`events`]: PLOVER events (who did what to whom, where, when), each
//!    with the status of the claim that reports it.
//!
//! [`numbers`] reads numerals and number words for times and counts.
//! Lexicons live in `data/`, compiled in with `include_str!`.
//!
//! [`record`] turns a document into the JSON article record, and [`eval`]
//! scores records against gold ones. The engine does no I/O: the CLI and
//! other shells read files and URLs and hand the bytes over.
//!
//! ```
//! use claimtrace::{analyze, read::{Input, ReadOptions}};
//!
//! let input = Input {
//!     name: "example.txt",
//!     bytes: b"A title\n\nThe council said on Monday that the bridge will close.",
//!     format: None,
//!     content_type: None,
//! };
//! let docs = analyze(&input, &ReadOptions::default());
//! let doc = docs[0].as_ref().unwrap();
//! assert_eq!(doc.meta.title.as_deref(), Some("A title"));
//! assert_eq!(doc.sentences.len(), 1);
//! // No publication date: "Monday" is kept, unresolved.
//! assert_eq!(doc.times[0].value, "XXXX-XX-XX");
//! ```

pub mod chars;
pub mod claims;
pub mod counts;
pub mod doc;
pub mod entities;
pub mod error;
pub mod eval;
pub mod events;
mod lean;
pub mod ledger;
pub mod numbers;
pub mod pipeline;
pub mod places;
pub mod read;
pub mod record;
pub mod segment;
mod tables;
pub mod tag;
pub mod times;

pub use doc::Document;

/// What this build analyses with: the version, a short hash of each model
/// and of the lexicons (`build.rs`), and the version of what the ledger
/// keeps of a claim (`ledger::Signature`, numbered by hand: 2 added its
/// nouns, 3 reads "none" and "neither" as negations, 4 writes a country
/// as one word however it is named, 5 stems a derived word as the word it
/// is derived from, 6 holds the days resolved inside a claim), as in
/// `claimtrace 0.6.0 (tagger 1a2b3c4d, parser ..., ner ..., lexicons ...,
/// signatures 6)`. The ledger records it with every article
/// it files; two builds that name the same engine analyse alike, and
/// `claimtrace reanalyze` analyses again what another engine filed.
pub const ENGINE: &str = concat!(
    "claimtrace ",
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("CLAIMTRACE_MODELS"),
    ", signatures 6)"
);
pub use error::{contain, Error, Result};
pub use pipeline::Pipeline;
pub use record::Record;

/// Reads an input and runs the standard pipeline over each article in it.
///
/// A panic in a reader or a stage is contained (see [`contain`]): it
/// becomes an [`Error::Panicked`] for that article, and the others in the
/// input are still analysed.
pub fn analyze(input: &read::Input<'_>, options: &read::ReadOptions) -> Vec<Result<Document>> {
    analyze_with(&Pipeline::standard(), input, options)
}

/// [`analyze`] with another pipeline.
pub fn analyze_with(
    pipeline: &Pipeline,
    input: &read::Input<'_>,
    options: &read::ReadOptions,
) -> Vec<Result<Document>> {
    analyze_iter(pipeline, input, options).collect()
}

/// [`analyze_with`], one article at a time: each is analysed when the
/// iterator reaches it, so that a JSONL file of many articles never holds
/// more than one analysed article in memory.
pub fn analyze_iter<'p>(
    pipeline: &'p Pipeline,
    input: &read::Input<'_>,
    options: &read::ReadOptions,
) -> impl Iterator<Item = Result<Document>> + 'p {
    contain("read", || read::read(input, options))
        .unwrap_or_else(|err| vec![Err(err)])
        .into_iter()
        .map(move |doc| {
            let mut doc = doc?;
            pipeline.run_contained(&mut doc)?;
            Ok(doc)
        })
}
