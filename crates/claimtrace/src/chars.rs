//! Char-aware slicing of `str`, and lower-casing without allocating.
//!
//! The engine never indexes a `str` with a byte range directly (clippy's
//! `string_slice` lint is denied in this crate): an offset that falls
//! inside a multi-byte character (`é`, `ї`, `ی`, `中`) would panic. Offsets
//! that come from spans are on boundaries by the segmenter's invariant;
//! these helpers check that in debug builds (tests, fuzzing) and, in a
//! release build, answer with the nearest sensible text rather than panic.

use std::ops::Range;

/// `text[range]`; an empty string when the range is outside `text` or cuts
/// a character (a bug, asserted in debug builds).
#[inline]
pub fn slice(text: &str, range: Range<usize>) -> &str {
    let got = text.get(range.clone());
    debug_assert!(got.is_some(), "{range:?} is not a char range of a {}-byte text", text.len());
    got.unwrap_or_default()
}

/// The text before byte `at` (all of it when `at` is past the end).
#[inline]
pub fn before(text: &str, at: usize) -> &str {
    slice(text, 0..floor(text, at))
}

/// The text from byte `at` on (nothing when `at` is past the end).
#[inline]
pub fn after(text: &str, at: usize) -> &str {
    slice(text, floor(text, at)..text.len())
}

/// The first `n` characters of `text` (all of it when it is shorter).
#[inline]
pub fn first_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((at, _)) => slice(text, 0..at),
        None => text,
    }
}

/// `text` without its first character (empty for an empty text).
#[inline]
pub fn skip_first_char(text: &str) -> &str {
    let mut chars = text.chars();
    chars.next();
    chars.as_str()
}

/// The largest char boundary of `text` at or below `at`, clamped to its
/// length.
#[inline]
pub fn floor(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    let mut at = at;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Words at most this long are lower-cased on the stack by
/// [`with_lowercase`].
const SHORT_WORD: usize = 32;

/// `f` of `word` lower-cased, as `str::to_lowercase` lower-cases it, with
/// no string allocated for a short ASCII word or one in lower case
/// already: the word lists are asked about every token, several times.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word.is_ascii() {
        return f(&word.to_lowercase());
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(word);
    }
    if word.len() > SHORT_WORD {
        return f(&word.to_ascii_lowercase());
    }
    let mut buf = [0u8; SHORT_WORD];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    // ASCII bytes are UTF-8.
    f(std::str::from_utf8(lower).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_whole_characters() {
        let s = "José ї 中";
        assert_eq!(slice(s, 0..5), "José");
        assert_eq!(before(s, 5), "José");
        assert_eq!(after(s, 6), "ї 中");
        assert_eq!(first_chars(s, 3), "Jos");
        assert_eq!(first_chars(s, 4), "José");
        assert_eq!(first_chars("ab", 9), "ab");
        assert_eq!(skip_first_char("éa"), "a");
        assert_eq!(skip_first_char(""), "");
        assert_eq!(floor(s, 4), 3);
        assert_eq!(floor(s, 99), s.len());
        assert_eq!(before(s, 99), s);
        assert_eq!(after(s, 99), "");
    }

    #[test]
    #[cfg(not(debug_assertions))]
    fn a_cut_character_is_empty_in_release() {
        assert_eq!(slice("José", 0..4), "");
    }

    #[test]
    fn lowercase_as_the_standard_library_does() {
        let long = "A".repeat(SHORT_WORD + 1);
        for word in ["", "minister", "Minister", "IAEA", "U.S.", "Élysée", "ΣΟΦΟΣ", &long, "x1Y"]
        {
            assert_eq!(with_lowercase(word, str::to_string), word.to_lowercase(), "{word:?}");
        }
    }
}
