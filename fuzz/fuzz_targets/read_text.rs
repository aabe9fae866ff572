//! Arbitrary bytes read as plain text, then through the whole pipeline: no
//! panics, and every token's span slices the body.
#![no_main]

use claimtrace::read::{read, Format, Input, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let input = Input { name: "fuzz", bytes, format: Some(Format::Text), content_type: None };
    let options = ReadOptions::default();
    let _ = read(&input, &options);
    for doc in claimtrace::analyze(&input, &options).into_iter().flatten() {
        for token in &doc.tokens {
            assert!(doc.text.get(token.span.start..token.span.end).is_some());
        }
    }
});
