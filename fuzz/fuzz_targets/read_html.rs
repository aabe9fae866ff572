//! Arbitrary bytes read as HTML, then through the whole pipeline: no panics,
//! token and sentence spans on char boundaries, a record that serializes.
#![no_main]

mod common;

use claimtrace::read::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| common::read_and_analyze(bytes, Format::Html));
