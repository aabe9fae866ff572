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

mod resolve;
mod tense;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};

use crate::doc::{Diagnostic, Document, Place, RemovalReason, Span, TimeExpr, TimeKind};
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
                    found.span.start + sentence.span.start,
                    found.span.end + sentence.span.start,
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

/// Which rule matched; the rules are tried in this order on ties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    DateTime,
    IsoDate,
    NumericDate,
    MonthDay,
    DayMonth,
    MonthYear,
    MonthBare,
    Named,
    Decade,
    Year,
    Season,
    Quarter,
    NightOf,
    Weekday,
    DayWord,
    Ago,
    Relative,
    Anaphor,
    PartOfDay,
    ClockAmPm,
    Clock24,
    Age,
    Duration,
    BareDuration,
    Set,
    Ref,
}

/// The last dates the text mentioned, for anaphoric expressions.
#[derive(Clone, Debug, Default)]
struct State {
    day: Option<NaiveDate>,
    /// The last date value of any precision (`2018-08`, `2011`).
    value: Option<String>,
}

/// A month's name, or its abbreviation with or without its period (a
/// full name's sentence-final period is not the name's: "in July.").
const MONTH: &str = r"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)";
const WEEKDAY: &str = r"(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)";
const ZONE: &str = r"(?-i:(?:[ECMP][SD]?T|GMT|UTC|BST|CEST|CET|EEST|EET|MSK|IST|JST|AEST|AEDT|PKT|WIB)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?\b)";
const UNIT: &str = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries)";
const PART: &str = r"(?:morning|afternoon|evening|night)";
const BOUND_MOD: &str =
    r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)";
const CLOCK_AMPM: &str = r"\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\b\.?(?:\s+local\s+time)?";

static UPDATE_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:updated?|last\s+updated|correction|editor'?s\s+note)\b")
        .expect("valid regex")
});

/// The number words a duration may count in, vague ones included.
static DUR_NUM: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?:\d+(?:\.\d+)?|an?\s+(?:hundred|thousand|dozen)|{}|a\s+few|a\s+couple\s+of|several|many|few|an?)",
        crate::numbers::word_pattern()
    )
});

static NAMED: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    include_str!("../../data/named_dates.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .collect()
});

/// A time rule's pattern, compiled when a text first needs it (the set
/// says the rule matches): a short text compiles only its rules.
struct RulePattern {
    rule: Rule,
    pattern: String,
    regex: std::sync::OnceLock<Regex>,
}

impl RulePattern {
    fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            regex::RegexBuilder::new(&self.pattern)
                .unicode(false)
                .dfa_size_limit(DFA_CACHE_BYTES)
                .build()
                .unwrap_or_else(|e| panic!("time rule {:?} is a valid regex: {e}", self.rule))
        })
    }
}

/// The time expression a rule's match holds: its `t` group, else the
/// whole match.
fn expression<'t>(caps: &Captures<'t>) -> regex::Match<'t> {
    caps.name("t").or_else(|| caps.get(0)).expect("group 0 always matches")
}

/// The regex of `rule`.
fn rule_regex(rule: Rule) -> &'static Regex {
    RULES.iter().find(|r| r.rule == rule).expect("every rule has a pattern").regex()
}

/// The rules in the order they are tried on ties. ASCII classes and case
/// folding (`unicode(false)`): times are written in ASCII (the reader
/// turns Unicode spaces into plain ones), and the Unicode tables made the
/// automata several times larger, built at every start.
static RULES: LazyLock<Vec<RulePattern>> = LazyLock::new(|| {
    let n = DUR_NUM.as_str();
    let numeric = r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b";
    let iso = r"\d{4}-\d{2}-\d{2}\b";
    let mdy = format!(r"{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b");
    let dmy = format!(r"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+\d{{4}}\b");
    let named = NAMED
        .iter()
        .map(|(name, _)| regex::escape(name).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|");
    let table: Vec<(Rule, String)> = vec![
        (
            Rule::DateTime,
            format!(r"\b(?P<t>(?:{numeric}|{iso}|{mdy}|{dmy}),?\s+(?:at\s+)?{CLOCK_AMPM}(?:\s+(?P<zone>{ZONE}))?)"),
        ),
        (Rule::IsoDate, r"\b(?P<t>(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<hh>\d{2}):(?P<mm>\d{2}))?)\b".into()),
        (Rule::NumericDate, r"\b(?P<t>(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2}))\b".into()),
        (
            Rule::MonthDay,
            format!(r"\b(?P<t>(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:(?:\s*,)?\s+(?P<y>\d{{4}})\b)?)"),
        ),
        (
            Rule::DayMonth,
            format!(r"\b(?P<t>(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH})(?:(?:\s*,)?\s+(?P<y>\d{{4}})\b)?)"),
        ),
        (
            Rule::MonthYear,
            format!(r"\b(?P<t>(?:{BOUND_MOD}[\s-]+)?(?P<mon>{MONTH})(?:\s+of)?(?:\s*,)?\s+(?:(?P<y>\d{{4}})\b|(?P<rel>this|last|next)\s+year\b))"),
        ),
        (
            Rule::MonthBare,
            format!(r"\b(?:(?P<pre>in|since|until|till|by|from|during|through|throughout|before|after|of)\s+)?(?P<t>(?:(?P<mod>{BOUND_MOD}|last|next|this|(?:earlier|later)\s+in)[\s-]+)?(?P<mon>{MONTH}))"),
        ),
        (Rule::Named, format!(r"(?-i:(?:^|\b|\s)(?P<t>{named})\b)")),
        (Rule::Decade, r"\b(?P<t>(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<y>1[6-9]\d|20\d)0s)\b".into()),
        (Rule::Year, format!(r"\b(?P<t>(?:{BOUND_MOD}[\s-]+)?(?P<y>1[6-9]\d{{2}}|20\d{{2}}))\b")),
        (
            Rule::Season,
            r"\b(?P<t>(?:(?P<rel>this|last|next|the)\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>\d{4})\b)?)\b".into(),
        ),
        (
            Rule::Quarter,
            r"\b(?P<t>(?:the\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of\s+(?:(?P<y>\d{4})|(?P<rel>this|last|next)\s+year))?|Q(?P<qn>[1-4])\s+(?P<y2>\d{4}))\b".into(),
        ),
        (
            Rule::NightOf,
            format!(r"\b(?P<t>the\s+night\s+of\s+(?P<w>{WEEKDAY})\s+(?:to|into|and)\s+{WEEKDAY})"),
        ),
        (
            Rule::Weekday,
            format!(r"\b(?P<t>(?:(?P<rel>last|next|this\s+coming|this\s+past|this|coming|past|early|late)\s+)?(?P<w>{WEEKDAY})(?:\s+(?P<part>{PART})\b)?)"),
        ),
        (
            Rule::DayWord,
            format!(r"\b(?P<t>(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|(?:earlier|later)\s+today|yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))(?:\s+(?P<part>{PART}))?)\b"),
        ),
        (
            Rule::Ago,
            format!(r"\b(?P<t>(?:(?P<n>{n})\s+)?(?P<u>{UNIT})\s+(?P<dir>ago|earlier|later|from\s+now|hence))\b"),
        ),
        (
            Rule::Relative,
            r"\b(?P<t>(?P<rel>last|this|next|past|coming|previous|following|earlier\s+this|later\s+this|earlier\s+in\s+the|later\s+in\s+the|the\s+end\s+of\s+(?:the|this|last)|the\s+(?:start|beginning)\s+of\s+(?:the|this|next)|the\s+same)\s+(?P<u>week|weekend|month|year|decade|century))\b".into(),
        ),
        (
            Rule::Anaphor,
            r"\b(?P<t>(?:that|the\s+same|that\s+same)\s+(?P<u>day|night|morning|afternoon|evening)|the\s+(?P<su>day|night|morning)\s+(?P<dir>before|after)|the\s+(?P<dir2>next|following|previous|preceding)\s+(?P<u2>day|morning|night)|(?:a|one)\s+day\s+(?P<dir3>earlier|later)|at\s+(?:the|that)\s+time)\b".into(),
        ),
        (
            Rule::PartOfDay,
            r"\b(?P<t>pre-?dawn|dawn|daybreak|overnight|noon|midday|midnight|(?:in|during)\s+the\s+(?:morning|afternoon|evening|night)|at\s+night)\b".into(),
        ),
        (
            Rule::ClockAmPm,
            format!(r"\b(?P<t>(?:(?:about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?P<h>\d{{1,2}})(?:[:.](?P<m>\d{{2}}))?\s*(?P<ap>[ap])\.?\s?m\b\.?(?:\s+local\s+time)?(?:\s+(?P<zone>{ZONE}))?)"),
        ),
        (
            Rule::Clock24,
            format!(r"\b(?P<t>(?:(?:about|around|approximately)\s+)?(?P<h>[01]?\d|2[0-3]):?(?P<m>[0-5]\d)\s+(?:(?:hours|hrs)\b|local\s+time\b|(?P<zone>{ZONE})))"),
        ),
        (Rule::Age, format!(r"\b(?P<t>(?P<n>{n})[\s-]+(?P<u>{UNIT})[\s-]+old)\b")),
        (
            Rule::Duration,
            format!(r"\b(?P<t>(?:(?:more\s+than|over|nearly|almost|about|around|some|at\s+least|up\s+to|less\s+than|under|roughly|approximately|just)\s+)?(?:the\s+(?P<span>past|last|next|first|previous|coming|following)\s+)?(?P<n>{n})[\s-]+(?P<u>{UNIT})(?:[\s-]+long)?)\b"),
        ),
        (Rule::BareDuration, r"\b(?P<t>(?P<u>decades|centuries|years|months|weeks))\b".into()),
        (
            Rule::Set,
            format!(r"\b(?P<t>(?:every|each)\s+(?:other\s+)?(?:(?P<w>{WEEKDAY})|(?P<u>day|week|month|year|morning|afternoon|evening|night|weekend)\b)|(?:{n})\s+times\s+(?:a|an|per|each)\s+(?P<u2>day|week|month|year)\b|per[\s-](?P<u3>day|week|month|year)\b|(?P<adj>daily|weekly|monthly|annually|yearly|nightly|hourly)\b|(?P<wp>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))\b)"),
        ),
        (
            Rule::Ref,
            r"\b(?P<t>(?P<now>right\s+now|now|currently|at\s+present|presently|nowadays|these\s+days|at\s+the\s+moment)|(?P<past>recently|lately|in\s+the\s+past|the\s+past|in\s+recent\s+(?:years|months|weeks|days))|(?P<fut>in\s+the\s+near\s+future|in\s+the\s+future|the\s+future|soon|in\s+the\s+coming\s+(?:days|weeks|months|years)|in\s+the\s+years\s+to\s+come))\b".into(),
        ),
    ];
    table
        .into_iter()
        .map(|(rule, pattern)| RulePattern {
            rule,
            // ASCII word boundaries keep the fast DFA on non-ASCII text.
            pattern: format!("(?i){}", pattern.replace(r"\b", r"(?-u:\b)")),
            regex: std::sync::OnceLock::new(),
        })
        .collect()
});

/// All rules at once: one pass tells which rules can match a sentence, so
/// the costlier capturing searches run only for those.
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
    for rule_idx in RULE_SET.matches(text).iter() {
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
