//! Numbers as news writes them: numerals ("1,000", "2.8 million", the
//! Indian "1,00,000"), number words ("twenty-five", "a dozen") and vague
//! quantities ("dozens", "several thousand"), shared by `times` and
//! `counts`. The lexicons live in `data/*.tsv`.

mod words;

use std::sync::LazyLock;

use words::{alternation, rows, valued};

/// A number read from text, with the qualifier a vague quantity implies
/// ("dozens" is at least twelve).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    pub value: f64,
    /// `Some("at_least")` or `Some("about")` for vague quantities.
    pub vague: Option<&'static str>,
}

/// Regex source (no groups, no anchors) matching one number phrase:
/// numerals, number words and vague quantities. Case-insensitive where it
/// is used with `(?i)`.
pub fn pattern() -> &'static str {
    &PATTERN
}

/// Regex source matching number words only ("two", "twenty-five",
/// "a few"), the forms that count units of time ("two decades").
pub fn word_pattern() -> &'static str {
    &WORD_PATTERN
}

/// Whether `word` (lower-case) is a number word or multiplier ("twelve",
/// "dozen", "million"): a cheap test before [`parse`].
pub fn is_number_word(word: &str) -> bool {
    LEXICON.all.contains(word)
}

/// The value of one number word (lower-case: "twelve", "dozen"), `None`
/// for other words and for vague ones ("dozens").
pub fn word_value(word: &str) -> Option<f64> {
    is_number_word(word)
        .then(|| parse(word))
        .flatten()
        .filter(|q| q.vague.is_none())
        .map(|q| q.value)
}

/// Reads a number phrase that `pattern()` matched. `None` for text that is
/// not a number or is malformed ("1,0000", "1..5").
pub fn parse(text: &str) -> Option<Quantity> {
    let lower = text.trim().to_lowercase();
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(&(_, value, qualifier)) = LEXICON.vague.iter().find(|(p, _, _)| *p == lower) {
        return Some(Quantity { value, vague: Some(qualifier) });
    }
    let mut words = lower.split([' ', '-']).filter(|w| !w.is_empty()).peekable();
    let first = *words.peek()?;
    let mut total = 0.0;
    let mut current = if first.starts_with(|c: char| c.is_ascii_digit()) {
        words.next();
        numeral(first)?
    } else {
        0.0
    };
    let mut seen_any = current > 0.0 || first.starts_with('0');
    for word in words {
        if word == "and" {
            continue;
        }
        if word == "a" || word == "an" {
            if seen_any {
                return None;
            }
            current = 1.0;
            seen_any = true;
        } else if let Some(&(_, v)) = LEXICON.words.iter().find(|(w, _)| *w == word) {
            current += v;
            seen_any = true;
        } else if let Some(&(_, factor)) = LEXICON.multipliers.iter().find(|(w, _)| *w == word) {
            if !seen_any {
                return None;
            }
            if factor >= 1000.0 {
                total += current * factor;
                current = 0.0;
            } else {
                current *= factor;
            }
        } else {
            return None;
        }
    }
    seen_any.then_some(Quantity { value: total + current, vague: None })
}

/// A numeral with thousands separators in the Western ("100,000") or
/// Indian ("1,00,000") grouping, or a decimal.
fn numeral(word: &str) -> Option<f64> {
    if !word.contains(',') {
        return word.parse().ok().filter(|v: &f64| v.is_finite());
    }
    let (int, frac) = word.split_once('.').unwrap_or((word, ""));
    let groups: Vec<&str> = int.split(',').collect();
    let (head, tail) = groups.split_first()?;
    let (last, middle) = tail.split_last()?;
    let western = middle.iter().all(|g| g.len() == 3);
    let indian = middle.iter().all(|g| g.len() == 2);
    if head.is_empty() || head.len() > 3 || last.len() != 3 || !(western || indian) {
        return None;
    }
    let digits: String = groups.concat();
    let text = if frac.is_empty() { digits } else { format!("{digits}.{frac}") };
    text.parse().ok()
}

struct Lexicon {
    words: Vec<(&'static str, f64)>,
    multipliers: Vec<(&'static str, f64)>,
    /// The words and the multipliers, to look a word up among them.
    all: rustc_hash::FxHashSet<&'static str>,
    vague: Vec<(&'static str, f64, &'static str)>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let words = valued(include_str!("../../data/numbers.tsv"));
    let multipliers = valued(include_str!("../../data/multipliers.tsv"));
    let mut vague: Vec<(&str, f64, &str)> = rows(include_str!("../../data/vague_quantities.tsv"))
        .filter_map(|r| {
            let qualifier = match *r.get(2)? {
                "exact" => "exact",
                "about" => "about",
                _ => "at_least",
            };
            Some((r[0], r.get(1)?.parse().ok()?, qualifier))
        })
        .collect();
    vague.sort_by_key(|(p, _, _)| std::cmp::Reverse(p.len()));
    let all = words.iter().chain(&multipliers).map(|&(w, _)| w).collect();
    Lexicon { words, multipliers, all, vague }
});

static WORD_PATTERN: LazyLock<String> = LazyLock::new(|| {
    words::pattern(
        LEXICON.words.iter().map(|(w, _)| *w),
        LEXICON.multipliers.iter().map(|(w, _)| *w),
        &regex::escape,
    )
});

static PATTERN: LazyLock<String> = LazyLock::new(|| {
    let vague = alternation(LEXICON.vague.iter().map(|(p, _, _)| *p), &regex::escape);
    let mults = alternation(LEXICON.multipliers.iter().map(|(w, _)| *w), &regex::escape);
    format!(
        r"(?:\b(?:{vague})\b|\d{{1,3}}(?:,\d{{2,3}})+(?:\.\d+)?(?:\s+(?:{mults}))?|\d+(?:\.\d+)?(?:\s+(?:{mults}))?|\b{}\b)",
        *WORD_PATTERN
    )
});

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<f64> {
        parse(text).map(|q| q.value)
    }

    #[test]
    fn numerals_and_words() {
        assert_eq!(value("137"), Some(137.0));
        assert_eq!(value("1,000"), Some(1000.0));
        assert_eq!(value("2.8 million"), Some(2_800_000.0));
        assert_eq!(value("1.5 million"), Some(1_500_000.0));
        assert_eq!(value("Four"), Some(4.0));
        assert_eq!(value("twenty-five"), Some(25.0));
        assert_eq!(value("two hundred and fifty"), Some(250.0));
        assert_eq!(value("one million"), Some(1_000_000.0));
        assert_eq!(value("a dozen"), Some(12.0));
    }

    #[test]
    fn indian_grouping_is_read_on_purpose() {
        assert_eq!(value("1,00,000"), Some(100_000.0));
        assert_eq!(value("10,00,000"), Some(1_000_000.0));
    }

    #[test]
    fn malformed_numerals_are_not_numbers() {
        assert_eq!(value("1,0000"), None);
        assert_eq!(value(",000"), None);
        assert_eq!(value("hundred"), None);
        assert_eq!(value("banana"), None);
    }

    #[test]
    fn vague_quantities_carry_their_qualifier() {
        assert_eq!(parse("dozens"), Some(Quantity { value: 12.0, vague: Some("at_least") }));
        assert_eq!(parse("Several  thousand").unwrap().value, 3000.0);
        assert_eq!(parse("a couple"), Some(Quantity { value: 2.0, vague: Some("about") }));
    }

    #[test]
    fn pattern_compiles_and_matches() {
        let re = regex::Regex::new(&format!("(?i){}", pattern())).unwrap();
        assert_eq!(re.find("killed at least 137 people").unwrap().as_str(), "137");
        assert_eq!(
            re.find("hundreds of thousands fled").unwrap().as_str(),
            "hundreds of thousands"
        );
        assert_eq!(re.find("Of the 2.8 million who").unwrap().as_str(), "2.8 million");
        assert_eq!(re.find("twenty-five people").unwrap().as_str(), "twenty-five");
    }
}
