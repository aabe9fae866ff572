//! The integration tests, one module per topic.

/// The language layer: tagger, parser and entity models.
mod language;
