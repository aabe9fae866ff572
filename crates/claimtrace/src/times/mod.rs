//! Time expressions: dates, times of day, durations, sets and the vague
//! `PRESENT_REF`/`PAST_REF`/`FUTURE_REF`, found by a table of precompiled
//! patterns and normalised to TimeML values against the document's anchor
//! (`Meta::anchor`: published, else updated).
//!
//! Assigns `Document::times`. Each sentence is scanned once by every rule;
//! overlapping candidates are settled longest first, then resolved in text
//! order so that anaphoric expressions ("that day", "three years later",
//! a bare "7:45 p.m.") take the last date the article mentioned. Weekdays
//! and yearless dates follow the tense of the nearest verb-like cue
//! (`tense`), backward by default as news reports the past.
//!
//! Architecture invariant: the machine's clock is never read. Without an
//! anchor, relative expressions keep an unresolved value (`XXXX-XX-XX`).
//! Update notes that the reader moved to `Document::removed` are scanned
//! too, their expressions placed in `Place::Removed`.

mod patterns;
mod resolve;
mod tense;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::doc::{Diagnostic, Document, Place, RemovalReason, Span, TimeExpr, TimeKind};
use crate::lean::{Captures, Lean, Piece};
use patterns::Rule;
pub use tense::Direction;

/// What resolution needs besides the text.
#[derive(Clone, Copy, Debug, Default)]
pub struct TimesConfig {
    /// The date relative expressions resolve against; `None` leaves them
    /// unresolved.
    pub anchor: Option<NaiveDate>,
}

/// One expression found in a piece of text, with offsets into that text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub span: Span,
    pub value: String,
    pub kind: TimeKind,
    pub zone: Option<String>,
}

/// Fills `doc.times` from the body's sentences and from update notes in
/// `doc.removed`.
pub fn find_times(doc: &mut Document) {
    let config = TimesConfig { anchor: doc.meta.anchor() };
    let mut state = State::default();
    let mut times = Vec::new();
    let mut diagnostics = Vec::new();
    for sentence in &doc.sentences {
        let text = doc.slice(sentence.span);
        for found in scan_with(text, &config, &mut state, &mut diagnostics) {
            times.push(TimeExpr {
                span: Span::new(
                    found.span.start() + sentence.span.start(),
                    found.span.end() + sentence.span.start(),
                ),
                place: Place::Body,
                value: found.value,
                kind: found.kind,
                zone: found.zone,
            });
        }
    }
    for (idx, removed) in doc.removed.iter().enumerate() {
        if removed.reason != RemovalReason::Byline || !UPDATE_NOTE.is_match(&removed.text) {
            continue;
        }
        // Only the note's head ("Update 03/25/24, 12:57 p.m. ET") dates it.
        let head = removed.text.split(": ").next().unwrap_or("");
        let mut note_state = State::default();
        for found in scan_with(head, &config, &mut note_state, &mut diagnostics) {
            times.push(TimeExpr {
                span: found.span,
                place: Place::Removed(idx),
                value: found.value,
                kind: found.kind,
                zone: found.zone,
            });
        }
    }
    doc.times = times;
    doc.diagnostics.extend(diagnostics.into_iter().map(|(message, span)| Diagnostic {
        stage: "times",
        message,
        span,
    }));
}

/// Every time expression in `text`, one sentence or a few, resolved
/// against `config.anchor`.
pub fn scan(text: &str, config: &TimesConfig) -> Vec<Found> {
    scan_with(text, config, &mut State::default(), &mut Vec::new())
}

/// The last dates the text mentioned, for anaphoric expressions.
#[derive(Clone, Debug, Default)]
struct State {
    day: Option<NaiveDate>,
    /// The last date value of any precision (`2018-08`, `2011`).
    value: Option<String>,
}

static UPDATE_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:updated?|last\s+updated|correction|editor'?s\s+note)\b")
        .expect("valid regex")
});

static NAMED: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| patterns::named_dates(include_str!("../../data/named_dates.tsv")));

/// A time rule's pattern, compiled when a text first needs it
/// ([`rules_matching`] says the rule matches): a short text compiles only
/// its rules.
struct RulePattern {
    rule: Rule,
    pattern: String,
    regex: std::sync::OnceLock<Lean>,
}

impl RulePattern {
    /// Compiled without the literal prefilters the `regex` crate looks
    /// for ([`Lean`]): [`rules_matching`] has said the rule matches
    /// before it is searched, and extracting the literals of the large
    /// case-insensitive rules took two thirds of compiling them (14 ms
    /// of every fresh process, 4.6 ms without).
    fn regex(&self) -> &Lean {
        self.regex.get_or_init(|| {
            Lean::new(&self.pattern, DFA_CACHE_BYTES)
                .unwrap_or_else(|e| panic!("time rule {:?} is a valid regex: {e}", self.rule))
        })
    }
}

/// The time expression a rule's match holds: its `t` group, else the
/// whole match.
fn expression<'t>(caps: &Captures<'t>) -> Piece<'t> {
    caps.name("t").unwrap_or_else(|| caps.whole())
}

/// The regex of `rule`.
fn rule_regex(rule: Rule) -> &'static Lean {
    RULES.iter().find(|r| r.rule == rule).expect("every rule has a pattern").regex()
}

/// The rules in the order they are tried on ties ([`patterns::table`]).
static RULES: LazyLock<Vec<RulePattern>> = LazyLock::new(|| {
    let named: Vec<&str> = NAMED.iter().map(|(name, _)| *name).collect();
    patterns::table(&named, crate::numbers::word_pattern(), regex::escape)
        .into_iter()
        .map(|(rule, pattern)| RulePattern { rule, pattern, regex: std::sync::OnceLock::new() })
        .collect()
});

/// All rules at once: one pass tells which rules can match a sentence, so
/// the costlier capturing searches run only for those. The pass runs on
/// the rules' DFA that `build.rs` compiled (a lazy DFA built its states
/// as the texts were scanned: 30 ms of a fresh process's analysis of the
/// 171 Wikinews articles, where the whole scan of them takes 1.2 ms on
/// the compiled one); the set is its stand-in where that cannot be read.
fn rules_matching(text: &str) -> Vec<usize> {
    use regex_automata::dfa::Automaton;
    if let Some(dfa) = &*RULE_DFA {
        let mut set = regex_automata::PatternSet::new(dfa.pattern_len());
        let input = regex_automata::Input::new(text);
        if dfa.try_which_overlapping_matches(&input, &mut set).is_ok() {
            return set.iter().map(|p| p.as_usize()).collect();
        }
    }
    RULE_SET.matches(text).into_iter().collect()
}

/// The DFA of all the rules at once (overlapping matches of every
/// pattern, ASCII, as the set), compiled by `build.rs` from
/// `patterns.rs` and the lexicons, and read where it lies. None if it
/// does not read or is not the rules' (then the set stands in).
static RULE_DFA: LazyLock<Option<regex_automata::dfa::dense::DFA<&'static [u32]>>> =
    LazyLock::new(|| {
        use regex_automata::dfa::Automaton;
        static BYTES: &crate::tables::Aligned<[u8]> =
            &crate::tables::Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/time_rules.dfa")));
        let (dfa, _) = regex_automata::dfa::dense::DFA::from_bytes(&BYTES.0).ok()?;
        (dfa.pattern_len() == RULES.len()).then_some(dfa)
    });

/// The rules as a set of regexes: [`rules_matching`]'s stand-in.
static RULE_SET: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    regex::RegexSetBuilder::new(RULES.iter().map(|r| r.pattern.as_str()))
        .unicode(false)
        .dfa_size_limit(DFA_CACHE_BYTES)
        .build()
        .expect("rules compile as a set")
});

/// Room for each rule's lazy DFA: with the default, the large
/// case-insensitive rules fill their cache on every article and rebuild it,
/// which cost more than the searches themselves.
const DFA_CACHE_BYTES: usize = 32 << 20;

struct Candidate<'t> {
    rule: Rule,
    rule_idx: usize,
    start: usize,
    end: usize,
    caps: Captures<'t>,
}

fn scan_with(
    text: &str,
    config: &TimesConfig,
    state: &mut State,
    diagnostics: &mut Vec<(String, Option<Span>)>,
) -> Vec<Found> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    let mut candidates = Vec::new();
    for rule_idx in rules_matching(text) {
        let pattern = &RULES[rule_idx];
        for caps in pattern.regex().captures_iter(text) {
            let t = expression(&caps);
            if t.is_empty() {
                continue;
            }
            candidates.push(Candidate {
                rule: pattern.rule,
                rule_idx,
                start: t.start(),
                end: t.end(),
                caps,
            });
        }
    }
    // Longest first, earlier rules on ties; then back into text order. The
    // chosen spans sit in a map by start, so each check is logarithmic.
    candidates.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.rule_idx, c.start));
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut chosen: Vec<Candidate<'_>> = Vec::new();
    for candidate in candidates {
        let before_ok = taken
            .range(..=candidate.start)
            .next_back()
            .is_none_or(|(_, &end)| end <= candidate.start);
        let after_ok = taken.range(candidate.start..candidate.end).next().is_none();
        if before_ok && after_ok {
            taken.insert(candidate.start, candidate.end);
            chosen.push(candidate);
        }
    }
    chosen.sort_by_key(|c| c.start);

    let mut out = Vec::new();
    for candidate in &chosen {
        let ctx = Ctx { text, start: candidate.start, end: candidate.end, anchor: config.anchor };
        match resolve::resolve(candidate.rule, &candidate.caps, &ctx, state) {
            Ok(Some(res)) => {
                if matches!(res.kind, TimeKind::Date | TimeKind::Time) {
                    // A day named as when something was said ("told TASS
                    // on Wednesday") is not when the events happened.
                    let reporting = tense::after_reporting_cue(text, candidate.start);
                    let day = state.day;
                    remember(state, &res.value);
                    if reporting && candidate.rule == Rule::Weekday {
                        state.day = day;
                    }
                }
                out.push(Found {
                    span: Span::new(candidate.start, candidate.end),
                    value: res.value,
                    kind: res.kind,
                    zone: res.zone,
                });
            }
            Ok(None) => {}
            Err(message) => {
                diagnostics.push((message, Some(Span::new(candidate.start, candidate.end))))
            }
        }
    }
    out
}

/// Keeps a resolved date as the reference for later anaphora.
fn remember(state: &mut State, value: &str) {
    let date_part = value.split('T').next().unwrap_or(value);
    if date_part.starts_with('X') || date_part.ends_with("_REF") || date_part.contains('W') {
        return;
    }
    if let Ok(day) = NaiveDate::parse_from_str(date_part, "%Y-%m-%d") {
        state.day = Some(day);
    }
    state.value = Some(date_part.to_string());
}

struct Ctx<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    anchor: Option<NaiveDate>,
}

impl Ctx<'_> {
    fn direction(&self) -> Direction {
        tense::direction(self.text, self.start, self.end)
    }
    fn word_before(&self) -> Option<String> {
        crate::chars::before(self.text, self.start)
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .rev()
            .find(|w| !w.is_empty())
            .map(str::to_lowercase)
    }
}
