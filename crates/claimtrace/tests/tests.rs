//! The engine's integration tests, one module per topic.

// HTML pages: body extraction, metadata and encodings on saved pages.
mod html;
// Arbitrary input to every reader and to the whole pipeline: no panics,
// spans that slice the body.
mod robustness;
