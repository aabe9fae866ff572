//! Arbitrary UTF-8 through the time-expression rules, with and without an
//! anchor date: spans on char boundaries, in order within the text.
#![no_main]

use claimtrace::times::{scan, TimesConfig};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let anchor = chrono::NaiveDate::from_ymd_opt(2024, 3, 25);
    for config in [TimesConfig { anchor }, TimesConfig { anchor: None }] {
        for found in scan(text, &config) {
            assert!(text.get(found.span.range()).is_some(), "{:?}", found.span);
            assert!(!found.value.is_empty());
        }
    }
});
