//! Arbitrary UTF-8 through the number reader and the count finder: no
//! panics, finite values, count spans on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Some(q) = claimtrace::numbers::parse(text) {
        assert!(!q.value.is_nan());
    }
    for count in claimtrace::counts::scan(text) {
        assert!(text.get(count.span.range()).is_some(), "{:?}", count.span);
    }
});
