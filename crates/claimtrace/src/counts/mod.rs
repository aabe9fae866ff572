//! Counts: the numbers of people or things an event touched, GDELT/ACLED
//! style ("killed at least 137 people" is 137, at least, killed).
//!
//! Assigns `Document::counts`; needs `times`, so that years, ages and
//! durations ("two decades", "eleven-month-old") are not counted. A number
//! is a count only when a trigger from `data/count_triggers.tsv` says what
//! it counts: a word governing it ("killed 12", "death toll from 14 to
//! 31"), or one following it in the same clause ("190 were dead"). A
//! number followed by a people noun ("95 civilians") in a list with a
//! triggered count takes that count's category. Vague quantities take the
//! ACLED values in `data/vague_quantities.tsv`.

use std::sync::LazyLock;

use crate::doc::{Count, CountCategory, Document, Place, Qualifier, Span, TokenKind};
use crate::lean::Lean;

/// Fills `doc.counts` from the body's sentences.
pub fn find_counts(doc: &mut Document) {
    let mut counts = Vec::new();
    let mut time_spans: Vec<Span> =
        doc.times.iter().filter(|t| t.place == Place::Body).map(|t| t.span).collect();
    // Each sentence looks only at its own time expressions, so the stage
    // stays linear in the article's length.
    time_spans.sort_unstable();
    for sentence in &doc.sentences {
        let words: Vec<Word<'_>> = doc
            .sentence_tokens(sentence)
            .iter()
            .filter(|t| t.kind != TokenKind::Quote)
            .map(|t| Word { span: t.span, text: doc.slice(t.span), kind: t.kind })
            .collect();
        let from = time_spans.partition_point(|t| t.end() <= sentence.span.start());
        let to = time_spans.partition_point(|t| t.start() < sentence.span.end());
        let times = &time_spans[from..to.max(from)];
        counts.extend(sentence_counts(&doc.text, sentence.span, &words, times));
    }
    doc.counts = counts;
}

/// The counts in `text`, one sentence or a few, with spans into `text`.
/// No time expressions are excluded; `find_counts` does that.
pub fn scan(text: &str) -> Vec<Count> {
    let words: Vec<Word<'_>> = crate::segment::tokenize(text)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Quote)
        .map(|t| Word {
            span: t.span,
            text: crate::chars::slice(text, t.span.range()),
            kind: t.kind,
        })
        .collect();
    let times: Vec<Span> =
        crate::times::scan(text, &Default::default()).into_iter().map(|f| f.span).collect();
    sentence_counts(text, Span::new(0, text.len()), &words, &times)
}

struct Word<'t> {
    span: Span,
    text: &'t str,
    kind: TokenKind,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Where {
    Before,
    After,
    Noun,
}

struct Trigger {
    category: CountCategory,
    place: Where,
    words: Vec<&'static str>,
}

static TRIGGERS: LazyLock<Vec<Trigger>> = LazyLock::new(|| {
    include_str!("../../data/count_triggers.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let category = CountCategory::from_name(cols.next()?.trim())?;
            let place = match cols.next()?.trim() {
                "before" => Where::Before,
                "noun" => Where::Noun,
                _ => Where::After,
            };
            let words = cols.next()?.split_whitespace().collect();
            Some(Trigger { category, place, words })
        })
        .collect()
});

/// The words of a one-word-a-line list, `#` comments skipped.
fn word_lines(text: &'static str) -> Vec<&'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// Plural people nouns ("civilians").
pub(crate) static PEOPLE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_lines(include_str!("../../data/people_nouns.tsv")));

/// Nouns for one person ("man"), for people listed one by one.
static PERSON: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_lines(include_str!("../../data/people_singular.tsv")));

/// Room for the lazy DFA of [`NUMBER`]: the `regex` crate's default.
const NUMBER_DFA_BYTES: usize = 2 << 20;

/// Compiled without literal prefilters ([`Lean`]): numbers are in every
/// sentence, and extracting the literals of the qualifiers and number
/// words took most of compiling it (in every fresh process). With ASCII
/// classes and case folding: numbers and their qualifiers are ASCII, and
/// the Unicode tables made the automaton several times larger, built at
/// every start.
static NUMBER: LazyLock<Lean> = LazyLock::new(|| {
    let n = crate::numbers::pattern();
    let pattern = format!(
        r"(?i)(?:\b(?P<q>at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|exceeded|exceeding|exceeds|at\s+most|up\s+to|fewer\s+than|less\s+than|no\s+more\s+than|about|around|approximately|nearly|almost|roughly|some|an\s+estimated|estimated|as\s+many\s+as|between|from|in\s+the)\s+)?(?P<n>{n})(?:\s+(?P<link>and|to|or)\s+(?P<n2>{n}))?"
    )
    // ASCII word boundaries keep the fast DFA on non-ASCII text.
    .replace(r"\b", r"(?-u:\b)");
    Lean::new(&pattern, NUMBER_DFA_BYTES).expect("valid count regex")
});

/// Words after a number that are not the noun it counts.
const NOT_NOUNS: &[&str] = &[
    "and", "or", "of", "were", "was", "are", "is", "have", "had", "more", "in", "on", "at", "to",
    "from", "each", "who", "that", "others",
];

/// How many words either side of a number its trigger may be.
const WINDOW: usize = 6;

struct Pending {
    count: Count,
    inherit: bool,
    first_word: usize,
}

fn sentence_counts(text: &str, sentence: Span, words: &[Word<'_>], times: &[Span]) -> Vec<Count> {
    let body = crate::chars::slice(text, sentence.range());
    let mut pending: Vec<Pending> = Vec::new();
    let lists = people_lists(words);
    for list in &lists {
        let (category, trigger) = classify(words, list.first, list.last);
        let Some(category) = category else { continue };
        let start = words[list.first].span.start().min(trigger.map_or(usize::MAX, |t| t.start()));
        let end = words[list.last - 1].span.end().max(trigger.map_or(0, |t| t.end()));
        pending.push(Pending {
            count: Count {
                span: Span::new(start, end),
                number: list.total,
                qualifier: Qualifier::Exact,
                category,
                noun: None,
            },
            inherit: false,
            first_word: list.first,
        });
    }
    let in_list = |span: Span| {
        lists.iter().any(|l| {
            words[l.first].span.start() <= span.start()
                && span.end() <= words[l.last - 1].span.end()
        })
    };
    for caps in NUMBER.captures_iter(body) {
        let n = caps.name("n").expect("number group");
        let abs = Span::new(sentence.start() + n.start(), sentence.start() + n.end());
        if times.iter().any(|t| t.start() < abs.end() && abs.start() < t.end())
            || !stands_alone(text, abs)
            || in_list(abs)
        {
            continue;
        }
        let Some(quantity) = crate::numbers::parse(n.as_str()) else { continue };
        let q_text = caps.name("q").map(|q| q.as_str().to_lowercase());
        let q_text = q_text.map(|q| q.split_whitespace().collect::<Vec<_>>().join(" "));
        let link = caps.name("link").map(|l| l.as_str().to_lowercase());
        let mut qualifier = match q_text.as_deref() {
            Some("between") => Qualifier::AtLeast,
            Some(
                "at least" | "more than" | "over" | "upwards of" | "in excess of" | "exceeded"
                | "exceeding" | "exceeds",
            ) => Qualifier::AtLeast,
            Some(
                "at most" | "up to" | "fewer than" | "less than" | "no more than" | "as many as",
            ) => Qualifier::AtMost,
            Some(
                "about" | "around" | "approximately" | "nearly" | "almost" | "roughly" | "some"
                | "an estimated" | "estimated",
            ) => Qualifier::About,
            _ => match quantity.vague.and_then(Qualifier::from_name) {
                Some(q) => q,
                None => Qualifier::Exact,
            },
        };
        if link.as_deref() == Some("or") {
            qualifier = Qualifier::AtLeast;
        }
        // "from 14 to 31" is a revision: both numbers count.
        let mut numbers = vec![(abs, quantity.value, qualifier)];
        if let (Some(n2), Some("to")) = (caps.name("n2"), link.as_deref()) {
            let second = Span::new(sentence.start() + n2.start(), sentence.start() + n2.end());
            if let Some(q2) = crate::numbers::parse(n2.as_str()) {
                if q_text.as_deref() == Some("from") {
                    numbers.push((
                        second,
                        q2.value,
                        q2.vague.and_then(Qualifier::from_name).unwrap_or(Qualifier::Exact),
                    ));
                }
            }
        }
        let whole = caps.whole();
        let whole = Span::new(sentence.start() + whole.start(), sentence.start() + whole.end());
        let first_word =
            words.iter().position(|w| w.span.start() >= whole.start()).unwrap_or(words.len());
        let last_word =
            words.iter().rposition(|w| w.span.end() <= whole.end()).map_or(first_word, |i| i + 1);
        let (category, trigger_span) = classify(words, first_word, last_word);
        let noun = words
            .get(last_word)
            .filter(|w| w.kind == TokenKind::Word && w.text.starts_with(|c: char| c.is_lowercase()))
            .map(|w| w.text.to_string())
            .filter(|n| {
                !NOT_NOUNS.contains(&n.as_str())
                    && !TRIGGERS.iter().any(|t| t.place != Where::Noun && t.words[0] == n)
            });
        // A people noun within three words ("95 civilians", "five Armed
        // Forces personnel", "seventeen from the army") joins a list.
        let inherit = category.is_none()
            && words[last_word.min(words.len())..]
                .iter()
                .take(3)
                .take_while(|w| w.kind == TokenKind::Word)
                .any(|w| PEOPLE.contains(&w.text.to_lowercase().as_str()));
        if category.is_none() && !inherit {
            continue;
        }
        for (span, number, qualifier) in numbers {
            let start = whole.start().min(trigger_span.map_or(whole.start(), |t| t.start()));
            let end =
                whole.end().max(trigger_span.map_or(whole.end(), |t| t.end())).max(span.end());
            let end = match words.get(last_word) {
                Some(w)
                    if noun.is_some() && trigger_span.is_none_or(|t| t.end() < w.span.end()) =>
                {
                    w.span.end().max(end)
                }
                _ => end,
            };
            pending.push(Pending {
                count: Count {
                    span: Span::new(start, end),
                    number,
                    qualifier,
                    category: category.unwrap_or(CountCategory::Other),
                    noun: noun.clone(),
                },
                inherit: category.is_none(),
                first_word,
            });
        }
    }
    // Untriggered members of a list take the nearest triggered count's
    // category; with none in the sentence they are dropped.
    let triggered: Vec<(usize, CountCategory)> =
        pending.iter().filter(|p| !p.inherit).map(|p| (p.first_word, p.count.category)).collect();
    pending
        .into_iter()
        .filter_map(|mut p| {
            if p.inherit {
                let nearest = triggered.iter().min_by_key(|(w, _)| w.abs_diff(p.first_word))?;
                p.count.category = nearest.1;
            }
            Some(p.count)
        })
        .collect()
}

/// People written one by one: "a man and two women", "two children, a
/// woman and an elderly man": words `first..last` and how many they are.
struct PeopleList {
    first: usize,
    last: usize,
    total: f64,
}

/// Lists of two or more members, each "a"/"an"/"one" or a number, at most
/// two modifiers, and a people noun that agrees (singular after one), with
/// at least one person alone: lists of groups ("fourteen civilians, five
/// soldiers") stay a count per group.
fn people_lists(words: &[Word<'_>]) -> Vec<PeopleList> {
    // Most sentences name no one person: skip them cheaply.
    let single = |w: &Word<'_>| {
        w.kind == TokenKind::Word
            && w.text.len() <= 12
            && PERSON.iter().any(|p| w.text.eq_ignore_ascii_case(p))
    };
    if !words.iter().any(single) {
        return Vec::new();
    }
    // One member starting at word `i`: (words it spans, how many).
    let member = |i: usize| -> Option<(usize, f64)> {
        let head = words.get(i)?.text.to_lowercase();
        let n = match head.as_str() {
            "a" | "an" | "one" | "another" => 1.0,
            _ => crate::numbers::parse(&head).filter(|q| q.vague.is_none())?.value,
        };
        for k in 1..=3 {
            let w = words.get(i + k)?;
            if w.kind != TokenKind::Word || !w.text.starts_with(|c: char| c.is_lowercase()) {
                return None;
            }
            let lower = w.text.to_lowercase();
            let fits = if n == 1.0 {
                PERSON.contains(&lower.as_str())
            } else {
                PEOPLE.contains(&lower.as_str())
            };
            if fits {
                return Some((k + 1, n));
            }
            if matches!(lower.as_str(), "and" | "or" | "of" | "with" | "who" | "were" | "was") {
                return None;
            }
        }
        None
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some((len, n)) = member(i) else {
            i += 1;
            continue;
        };
        let (first, mut end, mut total, mut members) = (i, i + len, n, 1);
        let mut alone = n == 1.0;
        loop {
            let mut j = end;
            if words.get(j).is_some_and(|w| w.text == ",") {
                j += 1;
            }
            if words.get(j).is_some_and(|w| w.text.eq_ignore_ascii_case("and")) {
                j += 1;
            }
            if j == end {
                break;
            }
            match member(j) {
                Some((len, n)) => {
                    end = j + len;
                    total += n;
                    members += 1;
                    alone |= n == 1.0;
                }
                None => break,
            }
        }
        if members >= 2 && alone {
            out.push(PeopleList { first, last: end, total });
        }
        i = end;
    }
    out
}

/// A number glued to letters, hyphens or symbols ("COVID-19", "ten-storey",
/// "$5", "85%", "3rd") is not a count.
/// Whether `text` starts with the ASCII `prefix`, in any case. Looks at
/// the prefix's length only, never the rest of the text.
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

fn stands_alone(text: &str, span: Span) -> bool {
    let before = crate::chars::before(text, span.start()).chars().next_back();
    let after = crate::chars::after(text, span.end());
    let glued_before = before.is_some_and(|c| {
        c.is_alphanumeric() || matches!(c, '-' | '$' | '€' | '£' | '#' | '/' | '.')
    });
    let glued_after = after
        .starts_with(|c: char| c.is_alphanumeric() || matches!(c, '-' | '%' | '/'))
        || (after.starts_with(['.', ',', ':'])
            && crate::chars::skip_first_char(after).starts_with(|c: char| c.is_ascii_digit()))
        || starts_with_ignore_case(after.trim_start(), "percent")
        || starts_with_ignore_case(after.trim_start(), "per cent");
    !glued_before && !glued_after
}

/// The category a trigger near words `first..last` gives, and the
/// trigger's span.
fn classify(
    words: &[Word<'_>],
    first: usize,
    last: usize,
) -> (Option<CountCategory>, Option<Span>) {
    let lower: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
    let is_stop = |w: &Word<'_>| matches!(w.text, "." | ";" | ":" | "?" | "!");
    // Before: walk back from the number to a stop, another number or the window's edge.
    let mut before_start = first;
    while before_start > 0 && first - before_start < WINDOW {
        let w = &words[before_start - 1];
        if is_stop(w) || w.kind == TokenKind::Number || w.text == "," {
            break;
        }
        before_start -= 1;
    }
    let mut after_end = last;
    while after_end < words.len() && after_end - last < WINDOW {
        let w = &words[after_end];
        if is_stop(w) || w.kind == TokenKind::Number || w.text == "," {
            break;
        }
        after_end += 1;
    }
    let find = |from: usize, to: usize, place: Where| -> Vec<(usize, usize, CountCategory)> {
        let mut hits = Vec::new();
        for trig in TRIGGERS.iter().filter(|t| t.place == place) {
            let len = trig.words.len();
            if to < from + len {
                continue;
            }
            for i in from..=to - len {
                if (0..len).all(|k| lower[i + k] == trig.words[k]) {
                    hits.push((i, i + len, trig.category));
                }
            }
        }
        hits
    };
    let span_of = |a: usize, b: usize| Span::new(words[a].span.start(), words[b - 1].span.end());
    let before =
        find(before_start, first, Where::Before).into_iter().max_by_key(|&(_, end, _)| end);
    if let Some((a, b, cat)) = before {
        if first - b <= 1 {
            return (Some(cat), Some(span_of(a, b)));
        }
    }
    if let Some((a, b, cat)) =
        find(last, after_end, Where::After).into_iter().min_by_key(|&(a, _, _)| a)
    {
        return (Some(cat), Some(span_of(a, b)));
    }
    if let Some((a, b, cat)) = before {
        return (Some(cat), Some(span_of(a, b)));
    }
    if let Some((a, b, cat)) =
        find(last, after_end, Where::Noun).into_iter().min_by_key(|&(a, _, _)| a)
    {
        return (Some(cat), Some(span_of(a, b)));
    }
    (None, None)
}

#[cfg(test)]
mod tests;
