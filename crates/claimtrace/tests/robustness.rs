//! Arbitrary bytes and strings to every reader and to `analyze`: nothing
//! panics, and every span the pipeline makes slices the body.
