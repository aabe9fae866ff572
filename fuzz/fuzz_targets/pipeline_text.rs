//! Arbitrary UTF-8 as an article body with a publication date (so that
//! times resolve), through the whole pipeline without the readers.
#![no_main]

mod common;

use claimtrace::doc::{Meta, Stamp};
use claimtrace::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let meta = Meta { published: Stamp::parse_iso("2024-03-25T12:57-04:00"), ..Meta::default() };
    common::analyze(Document::new("fuzz", meta, text.to_string()));
});
