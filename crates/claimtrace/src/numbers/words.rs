//! The number-word lexicons read from their texts, and the pattern of
//! number words built from them. This file stands alone: `numbers` reads
//! it, and `build.rs` includes it to build the time rules' automaton,
//! whose duration rules count in number words.

/// The rows of a lexicon (`data/numbers.tsv`, `data/multipliers.tsv`):
/// each word and its value; comments, blank lines and rows without a
/// value left out.
pub fn valued(data: &str) -> Vec<(&str, f64)> {
    rows(data).filter_map(|r| Some((r[0], r.get(1)?.parse().ok()?))).collect()
}

/// A lexicon's rows, their cells trimmed; comments and blank lines left
/// out.
pub fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// `items` as a regex alternation, longest first, spaces matching any
/// run of spaces; `escape`, the regex crate's.
pub fn alternation<'a>(
    items: impl Iterator<Item = &'a str>,
    escape: &impl Fn(&str) -> String,
) -> String {
    let mut items: Vec<&str> = items.collect();
    items.sort_by_key(|w| std::cmp::Reverse(w.len()));
    items.iter().map(|w| escape(w).replace(' ', r"\s+")).collect::<Vec<_>>().join("|")
}

/// Regex source matching number words only ("two", "twenty-five", "two
/// hundred and five"): `words` and `multipliers`, the lexicons' words.
pub fn pattern<'a>(
    words: impl Iterator<Item = &'a str>,
    multipliers: impl Iterator<Item = &'a str>,
    escape: &impl Fn(&str) -> String,
) -> String {
    let words = alternation(words, escape);
    let mults = alternation(multipliers, escape);
    format!(
        r"(?:(?:{words})(?:[- ](?:{words}))?(?:\s+(?:{mults}))*(?:\s+and\s+(?:{words})(?:-(?:{words}))?)?)"
    )
}
