//! The word lists of the entity rules (`data/entities/`), and the
//! predicates over them.

use std::sync::LazyLock;

use super::sorted_words::SortedWords;

/// Words no name ends with (weekdays).
pub(super) static NOT_NAME_ENDS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/not_name_ends.txt")));

/// Whether `word` is a title or office written before names ("Secretary",
/// "minister"; the attribution lexicon's `data/attribution/titles.txt`).
pub(super) fn is_title(word: &str) -> bool {
    let titles = &crate::claims::lexicon::LEXICONS.titles;
    crate::chars::with_lowercase(word, |w| titles.contains(w))
}

/// Whether `word` is a title dropped from a person's name: a title, but
/// not one of [`NAME_TITLES`] ("Pope" stays in "Pope Francis").
pub(super) fn is_dropped_title(word: &str) -> bool {
    is_title(word) && !NAME_TITLES.iter().any(|t| word.eq_ignore_ascii_case(t))
}

/// Whether `word` is a name glued to a common lower-case word ("Yemen-based",
/// "US-built"): a modifier, not a name ("Man-kei", a given name, is not).
pub(super) fn is_glued_modifier(word: &str) -> bool {
    word.split_once('-').is_some_and(|(_, rest)| {
        rest.chars().next().is_some_and(char::is_lowercase) && is_common_word(rest)
    })
}

/// Titles that stay in a person's name ("Pope Francis").
pub(super) static NAME_TITLES: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/name_titles.txt")));

/// The words of a list in `data/entities/`: one a line, `#` comments.
fn word_list(text: &'static str) -> Vec<&'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// A word list as a set: the rules ask "is this word one of them?" for
/// most tokens of an article.
pub(super) type WordSet = rustc_hash::FxHashSet<&'static str>;

fn word_set(text: &'static str) -> WordSet {
    word_list(text).into_iter().collect()
}

/// Last words that make a name a facility.
pub(super) static FAC_HEADS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/fac_heads.txt")));

/// Words that, before a number, name a road ("Interstate 75").
pub(super) static ROAD_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/road_words.txt")));

/// Whether `word` makes a place's name a sports club's, before it
/// (`after` false: "Real Madrid") or after it ("Leeds United"):
/// `data/entities/club_words.txt`.
pub(super) fn is_club_word(word: &str, after: bool) -> bool {
    // (Words before the name, words after it.)
    static WORDS: LazyLock<(WordSet, WordSet)> = LazyLock::new(|| {
        let all = word_list(include_str!("../../data/entities/club_words.txt"));
        let before = all.iter().copied().filter(|w| !w.starts_with('$')).collect();
        let after = all.iter().filter_map(|w| w.strip_prefix('$')).collect();
        (before, after)
    });
    if after {
        WORDS.1.contains(word)
    } else {
        WORDS.0.contains(word)
    }
}

/// Words that, before a number, name a provision of a law or a
/// resolution ("Article 50", "Section 230").
pub(super) static LAW_PARTS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/law_parts.txt")));

/// Words that make a name an organisation wherever they stand in it
/// ("Ford Motor Company", "Department of Justice").
pub(super) static ORG_HEADS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/org_heads.txt")));

/// Generational suffixes that belong to a person's name.
pub(super) static NAME_SUFFIXES: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/name_suffixes.txt")));

/// Words that put what follows somewhere ("in", "near", "along").
pub(super) static PLACE_PREPOSITIONS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/place_prepositions.txt")));

/// Title words that only come before a title ("Health Minister"): they
/// end no office.
pub(super) static OFFICE_PARTS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/office_parts.txt")));

/// Organisation heads whose name runs on over "on" and a topic.
pub(super) static TOPIC_HEADS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/topic_heads.txt")));

/// Whether the words of a name make it a named event: its last word
/// ("Second World War"; or last two, "Paris Air Show") or its first
/// ("Hurricane Dorian") is one of `data/entities/event_heads.txt`.
pub(super) fn is_event_name(words: &[&str]) -> bool {
    static HEADS: LazyLock<(Vec<&'static str>, Vec<&'static str>)> = LazyLock::new(|| {
        let all = word_list(include_str!("../../data/entities/event_heads.txt"));
        let first = all.iter().filter_map(|w| w.strip_prefix('^')).collect();
        let last = all.into_iter().filter(|w| !w.starts_with('^')).collect();
        (last, first)
    });
    // A numeral after the head counts it ("World War II", "World War
    // One"): the head is the word before.
    let words = match words.split_last() {
        Some((last, rest))
            if rest.len() >= 2
                && matches!(*last, "I" | "II" | "III" | "IV" | "V" | "One" | "Two" | "Three") =>
        {
            rest
        }
        _ => words,
    };
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    // After a first head ("Tropical Storm"), a name, not more words
    // ("Hurricane Hunters", "Hurricane Humberto Advisory Number").
    let named = || {
        let rest: Vec<&&str> = words.iter().skip_while(|w| HEADS.1.contains(w)).collect();
        !rest.is_empty()
            && rest.len() <= 2
            && rest
                .iter()
                .all(|w| !is_common_word(w) && HEADS.1.iter().all(|h| !h.eq_ignore_ascii_case(w)))
    };
    // A head of two words ("Air Show") ends the name with both.
    let ends_in_head = HEADS.0.iter().any(|head| match head.split_once(' ') {
        Some((a, b)) => words.len() >= 3 && words[words.len() - 2] == a && last == &b,
        None => last == head,
    });
    words.len() >= 2 && (ends_in_head || (HEADS.1.contains(first) && named()))
}

/// Last or first words that make a name a political place ("Orange
/// County", "County Meath").
pub(super) static GPE_HEADS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/gpe_heads.txt")));

/// Lower-case nouns of made things: a name right before one is a product
/// ("the Crew Dragon capsule").
pub(super) static PRODUCT_HEADS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/product_heads.txt")));

/// Common nouns that, before "of" and a name, make it a political place
/// ("the province of Banten").
pub(super) static PLACE_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/place_nouns.txt")));

/// Last words that make a name a non-political place.
pub(super) static LOC_HEADS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/loc_heads.txt")));

/// Common nouns that, right before a name or heading its apposition, say
/// the name is an organisation ("the channel X", "Y, a news agency").
pub(super) static ORG_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/org_nouns.txt")));

/// Words that, before "of" and an organisation's head, make the phrase
/// one of its members ("Member of Parliament"), as titles do.
pub(super) static MEMBER_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/member_nouns.txt")));

/// Common nouns that, right before a name, make it the title of a work
/// ("the album Wheels of Fire").
pub(super) static WORK_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/work_nouns.txt")));

/// Words that make a capitalised name an award ("Nobel Peace Prize").
pub(super) static AWARD_HEADS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/award_heads.txt")));

/// Words that, last in a capitalised name, make it a law, bill or treaty
/// ("Affordable Care Act", "Kyoto Protocol").
pub(super) static LAW_HEADS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/law_heads.txt")));

/// Whether `words` name a law, a bill or a treaty: two words or more, the
/// last a head of `law_heads.txt`, or a head before "of" ("Declaration of
/// Independence", "Treaty of Versailles").
pub(super) fn is_law_name(words: &[&str]) -> bool {
    words.len() >= 2
        && (words.last().is_some_and(|w| LAW_HEADS.contains(w))
            || words.windows(2).any(|w| LAW_HEADS.contains(&w[0]) && w[1] == "of"))
}

/// Lower-case particles inside personal names ("bin", "dela", "van",
/// "al-"): `data/entities/name_particles.txt`.
pub(super) static NAME_PARTICLES: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/name_particles.txt")));

/// Whether `word`, lower-cased, is one of [`ORG_NOUNS`].
pub(super) fn is_org_noun(word: &str) -> bool {
    crate::chars::with_lowercase(word, |w| ORG_NOUNS.contains(w))
}

/// Lower-case words that may sit inside a name ("Bank of America").
pub(super) static GLUE: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/glue.txt")));

/// Capitalised words that are not names on their own.
pub(super) static NOT_NAMES: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/not_names.txt")));

/// First words that many unrelated names share.
pub(super) static COMMON_FIRST: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../../data/entities/common_first.txt")));

/// Common lower-case words harvested from the CC BY 4.0 entity corpora
/// (`src/entities/data/common_words.txt`, written by `examples/train.rs`).
pub(super) static COMMON_WORDS: SortedWords = SortedWords::new(
    include_str!("../entities/data/common_words.txt"),
    include_bytes!(concat!(env!("OUT_DIR"), "/common_words.lines")),
);

/// Whether `word`, lower-cased, is one of [`COMMON_WORDS`].
pub(super) fn is_common_word(word: &str) -> bool {
    crate::chars::with_lowercase(word, |w| COMMON_WORDS.contains(w))
}

/// Lower-case English words that are no name of their own
/// (`data/entities/dictionary.txt`, from SCOWL): "news", "penguins",
/// "majesty", but not "smith" or "may", which the word list also gives as
/// names.
static DICTIONARY: SortedWords = SortedWords::new(
    include_str!("../../data/entities/dictionary.txt"),
    include_bytes!(concat!(env!("OUT_DIR"), "/dictionary.lines")),
);

/// Whether `word` (any case) is a dictionary word that is no name.
pub(super) fn is_plain_word(word: &str) -> bool {
    crate::chars::with_lowercase(word, |w| DICTIONARY.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_word_lists_find_their_words_and_only_them() {
        for list in [&DICTIONARY, &COMMON_WORDS] {
            let words: Vec<&str> = list.words().collect();
            assert!(words.len() > 5000);
            // In byte order, each once: what the binary search needs.
            assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
            assert!(words.iter().all(|w| list.contains(w)));
            for w in &words {
                // Just before and after each word in byte order.
                assert!(!list.contains(&format!("{w}\u{1}")));
                let mut chars = w.chars();
                chars.next_back();
                let shorter = chars.as_str();
                assert_eq!(list.contains(shorter), words.binary_search(&shorter).is_ok());
            }
            for absent in ["", "#", "zzzzzzzz", "aaaaaaaa", "Aardvark", "#abc"] {
                assert!(!list.contains(absent), "{absent:?}");
            }
        }
        assert!(is_plain_word("News") && is_plain_word("penguins"));
        assert!(!is_plain_word("smith") && !is_plain_word(""));
    }
}
