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

mod tense;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use regex::{Captures, Regex};

use crate::doc::{Diagnostic, Document, Place, RemovalReason, Span, TimeExpr, TimeKind};
use crate::read::dates::month_number;
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
        let rule = &RULES[rule_idx].rule;
        for caps in RULES[rule_idx].regex().captures_iter(text) {
            let t = caps.name("t").or_else(|| caps.get(0)).expect("group 0 always matches");
            if t.is_empty() {
                continue;
            }
            candidates.push(Candidate {
                rule: *rule,
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
        match resolve(candidate.rule, &candidate.caps, &ctx, state) {
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

struct Resolved {
    value: String,
    kind: TimeKind,
    zone: Option<String>,
}

fn date(value: String) -> Resolved {
    Resolved { value, kind: TimeKind::Date, zone: None }
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

fn part_code(part: &str) -> &'static str {
    match part.to_ascii_lowercase().as_str() {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        _ => "TNI",
    }
}

fn weekday(name: &str) -> Option<Weekday> {
    name.trim_end_matches('s').parse().ok()
}

/// The day with weekday `wd` nearest to `anchor` in `dir`; backward
/// includes the anchor itself, forward starts the day after, near takes
/// the closer of the two ways (the anchor itself first).
fn nearest_weekday(anchor: NaiveDate, wd: Weekday, dir: Direction, strict: bool) -> NaiveDate {
    let from = anchor.weekday().num_days_from_monday() as i64;
    let to = wd.num_days_from_monday() as i64;
    match dir {
        Direction::Past => {
            let mut back = (from - to).rem_euclid(7);
            if back == 0 && strict {
                back = 7;
            }
            anchor - chrono::Duration::days(back)
        }
        Direction::Future => {
            let mut ahead = (to - from).rem_euclid(7);
            if ahead == 0 {
                ahead = 7;
            }
            anchor + chrono::Duration::days(ahead)
        }
        Direction::Near => {
            let (back, ahead) = ((from - to).rem_euclid(7), (to - from).rem_euclid(7));
            if back <= ahead {
                anchor - chrono::Duration::days(back)
            } else {
                anchor + chrono::Duration::days(ahead)
            }
        }
    }
}

/// The year of a yearless month (and day) nearest to the anchor in `dir`.
fn year_for(anchor: NaiveDate, month: u32, day: u32, dir: Direction) -> i32 {
    let key = (month, day);
    let now = (anchor.month(), anchor.day());
    match dir {
        Direction::Past if key > now => anchor.year() - 1,
        Direction::Future | Direction::Near if key < now => anchor.year() + 1,
        _ => anchor.year(),
    }
}

fn two_digit_year(y: &str) -> Option<i32> {
    let v: i32 = y.parse().ok()?;
    Some(if y.len() == 2 {
        if v < 70 {
            2000 + v
        } else {
            1900 + v
        }
    } else {
        v
    })
}

fn checked_date(y: i32, m: u32, d: u32, text: &str) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("impossible date: {text}"))
}

/// A calendar date in any of the numeric or month-name styles, with its
/// year filled from the anchor and tense when the text has none.
fn parse_date_part(text: &str, ctx: &Ctx<'_>) -> Result<Option<String>, String> {
    for rule in [Rule::IsoDate, Rule::NumericDate, Rule::MonthDay, Rule::DayMonth] {
        let re = rule_regex(rule);
        if let Some(caps) = re.captures(text) {
            if let Some(res) = resolve(rule, &caps, ctx, &mut State::default())? {
                return Ok(Some(res.value));
            }
        }
    }
    Ok(None)
}

fn clock(h: u32, m: u32, ap: Option<&str>) -> Option<(u32, u32)> {
    let h = match ap.map(|s| s.to_ascii_lowercase()) {
        Some(ap) if (1..=12).contains(&h) => match (ap.as_str(), h) {
            ("a", 12) => 0,
            ("a", h) => h,
            ("p", 12) => 12,
            (_, h) => h + 12,
        },
        Some(_) => return None,
        None if h <= 23 => h,
        None => return None,
    };
    (m <= 59).then_some((h, m))
}

/// The unit letters of a duration and how many of them one unit is.
fn unit_code(unit: &str) -> (&'static str, &'static str, f64) {
    let u = unit.to_ascii_lowercase();
    let u = u.trim_end_matches('s');
    match u {
        "second" => ("T", "S", 1.0),
        "minute" => ("T", "M", 1.0),
        "hour" => ("T", "H", 1.0),
        "day" => ("", "D", 1.0),
        "week" => ("", "W", 1.0),
        "fortnight" => ("", "W", 2.0),
        "month" => ("", "M", 1.0),
        "decade" => ("", "Y", 10.0),
        "century" | "centurie" => ("", "Y", 100.0),
        _ => ("", "Y", 1.0),
    }
}

/// `P20Y`, `PT48H`, or `PXM` for a vague amount.
fn duration_value(n: Option<&str>, unit: &str) -> Option<String> {
    let (t, letter, factor) = unit_code(unit);
    let lower_unit = unit.to_ascii_lowercase();
    let amount = match n.map(|s| s.trim().to_ascii_lowercase()) {
        None => None,
        Some(s) if s == "a" || s == "an" => Some(1.0),
        Some(s)
            if ["a few", "several", "many", "few"]
                .contains(&s.split_whitespace().collect::<Vec<_>>().join(" ").as_str())
                || s.starts_with("a couple") =>
        {
            None
        }
        Some(s) => Some(crate::numbers::parse(&s)?.value),
    };
    Some(match amount {
        Some(v) => {
            let v = v * factor;
            if v.fract() == 0.0 {
                format!("P{t}{}{letter}", v as u64)
            } else {
                format!("P{t}{v}{letter}")
            }
        }
        // Vague plural decades and centuries keep their own unit.
        None if lower_unit.starts_with("decade") => "PXDE".to_string(),
        None if lower_unit.starts_with("centur") => "PXCE".to_string(),
        None => format!("P{t}X{letter}"),
    })
}

fn shift(
    anchor: NaiveDate,
    amount: i64,
    unit: &str,
    back: bool,
) -> Option<(NaiveDate, &'static str)> {
    let (_, letter, factor) = unit_code(unit);
    let amount = (amount as f64 * factor) as i64;
    let u = unit.to_ascii_lowercase();
    if u.starts_with("hour") || u.starts_with("minute") || u.starts_with("second") {
        return Some((anchor, "D"));
    }
    let days = match letter {
        "D" => amount,
        "W" => amount * 7,
        _ => 0,
    };
    let moved = if days != 0 {
        if back {
            anchor.checked_sub_days(Days::new(days as u64))?
        } else {
            anchor.checked_add_days(Days::new(days as u64))?
        }
    } else {
        let months = if letter == "M" { amount } else { amount * 12 };
        if back {
            anchor.checked_sub_months(Months::new(months as u32))?
        } else {
            anchor.checked_add_months(Months::new(months as u32))?
        }
    };
    Some((moved, if letter == "D" && factor == 1.0 { "D" } else { letter }))
}

fn at_precision(d: NaiveDate, letter: &str) -> String {
    match letter {
        "D" => ymd(d),
        "W" => week(d),
        "M" => d.format("%Y-%m").to_string(),
        _ => d.year().to_string(),
    }
}

/// The date of the last mentioned year, month or day, as a NaiveDate and
/// the precision it had.
fn reference_date(state: &State) -> Option<(NaiveDate, &'static str)> {
    let value = state.value.as_deref()?;
    let mut parts = value.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    match (parts.next().and_then(|m| m.parse().ok()), parts.next().and_then(|d| d.parse().ok())) {
        (Some(m), Some(d)) => Some((NaiveDate::from_ymd_opt(y, m, d)?, "D")),
        (Some(m), None) => Some((NaiveDate::from_ymd_opt(y, m, 1)?, "M")),
        _ => Some((NaiveDate::from_ymd_opt(y, 1, 1)?, "Y")),
    }
}

const UNKNOWN_DAY: &str = "XXXX-XX-XX";

/// "Police say 2000 people marched": a number of year shape before a noun
/// for people counts them, unless a preposition of time puts it in a
/// year ("in 2000 people voted ...").
fn counts_people(text: &str, start: usize, after: &str) -> bool {
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let previous = crate::chars::before(text, start)
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    crate::counts::PEOPLE.contains(&next.as_str())
        && !matches!(
            previous.as_str(),
            "in" | "since" | "of" | "by" | "from" | "until" | "before" | "after" | "during"
        )
}

fn resolve(
    rule: Rule,
    caps: &Captures<'_>,
    ctx: &Ctx<'_>,
    state: &mut State,
) -> Result<Option<Resolved>, String> {
    let get = |name: &str| caps.name(name).map(|m| m.as_str());
    let t = get("t").unwrap_or_else(|| caps.get(0).map_or("", |m| m.as_str()));
    let anchor = ctx.anchor;
    let res = match rule {
        Rule::DateTime => {
            let Some(day) = parse_date_part(t, ctx)? else { return Ok(None) };
            let re = rule_regex(Rule::ClockAmPm);
            // The clock follows the date: search after the date's digits.
            let tail_start = t.find(',').or_else(|| t.find(" at ")).unwrap_or(0);
            let Some(c) = re.captures(crate::chars::after(t, tail_start)) else { return Ok(None) };
            let (h, m) = match clock(
                c["h"].parse().unwrap_or(99),
                c.name("m").map_or(Some(0), |m| m.as_str().parse().ok()).unwrap_or(99),
                c.name("ap").map(|m| m.as_str()),
            ) {
                Some(hm) => hm,
                None => return Err(format!("impossible time: {t}")),
            };
            Resolved {
                value: format!("{day}T{h:02}:{m:02}"),
                kind: TimeKind::Time,
                zone: get("zone").map(str::to_string),
            }
        }
        Rule::IsoDate => {
            let y: i32 = get("y").unwrap_or("").parse().map_err(|_| format!("bad year: {t}"))?;
            let m: u32 = get("m").unwrap_or("").parse().unwrap_or(0);
            let d: u32 = get("d").unwrap_or("").parse().unwrap_or(0);
            let day = checked_date(y, m, d, t)?;
            match (get("hh"), get("mm")) {
                (Some(hh), Some(mm)) => {
                    let Some((h, m)) =
                        clock(hh.parse().unwrap_or(99), mm.parse().unwrap_or(99), None)
                    else {
                        return Err(format!("impossible time: {t}"));
                    };
                    Resolved {
                        value: format!("{}T{h:02}:{m:02}", ymd(day)),
                        kind: TimeKind::Time,
                        zone: None,
                    }
                }
                _ => date(ymd(day)),
            }
        }
        Rule::NumericDate => {
            let a: u32 = get("a").unwrap_or("").parse().unwrap_or(0);
            let b: u32 = get("b").unwrap_or("").parse().unwrap_or(0);
            let y =
                two_digit_year(get("y").unwrap_or("")).ok_or_else(|| format!("bad year: {t}"))?;
            // US order first; day-first when the first number cannot be a month.
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            date(ymd(checked_date(y, m, d, t)?))
        }
        Rule::MonthDay | Rule::DayMonth => {
            let m = month_number(get("mon").unwrap_or(""))
                .ok_or_else(|| format!("unknown month: {t}"))?;
            let d: u32 = get("d").unwrap_or("").parse().unwrap_or(0);
            if !(1..=31).contains(&d) {
                return Err(format!("impossible day of month: {t}"));
            }
            match get("y").and_then(|y| y.parse::<i32>().ok()) {
                Some(y) => date(ymd(checked_date(y, m, d, t)?)),
                None => match anchor {
                    Some(a) => {
                        let y = year_for(a, m, d, ctx.direction());
                        // Leap days and "February 30" are checked in the chosen year.
                        date(ymd(checked_date(y, m, d, t)?))
                    }
                    None => {
                        checked_date(2000, m, d, t)?;
                        date(format!("XXXX-{m:02}-{d:02}"))
                    }
                },
            }
        }
        Rule::MonthYear => {
            let m = month_number(get("mon").unwrap_or(""))
                .ok_or_else(|| format!("unknown month: {t}"))?;
            let y = match (get("y"), get("rel")) {
                (Some(y), _) => y.parse::<i32>().ok(),
                (None, Some(rel)) => anchor.map(|a| {
                    a.year()
                        + match rel.to_ascii_lowercase().as_str() {
                            "last" => -1,
                            "next" => 1,
                            _ => 0,
                        }
                }),
                _ => None,
            };
            match y {
                Some(y) => date(format!("{y:04}-{m:02}")),
                None => date(format!("XXXX-{m:02}")),
            }
        }
        Rule::MonthBare => {
            let mon = get("mon").unwrap_or("");
            let full = mon.len() > 4 || mon == "June" || mon == "July";
            // "May" and "March" are also a verb: bare, they need a
            // preposition or a modifier to be months.
            let ambiguous = matches!(mon, "May" | "March") || !full;
            if get("pre").is_none() && get("mod").is_none() && ambiguous {
                return Ok(None);
            }
            let m = month_number(mon).ok_or_else(|| format!("unknown month: {t}"))?;
            let modifier = get("mod").map(|s| s.to_ascii_lowercase());
            match anchor {
                Some(a) => {
                    let y = match modifier.as_deref() {
                        Some("last") => {
                            if m >= a.month() {
                                a.year() - 1
                            } else {
                                a.year()
                            }
                        }
                        Some("next") => {
                            if m <= a.month() {
                                a.year() + 1
                            } else {
                                a.year()
                            }
                        }
                        Some("this") => a.year(),
                        _ => year_for(a, m, 1, ctx.direction()),
                    };
                    date(format!("{y:04}-{m:02}"))
                }
                None => date(format!("XXXX-{m:02}")),
            }
        }
        Rule::Named => {
            let name = NAMED
                .iter()
                .find(|(n, _)| n.split_whitespace().eq(t.split_whitespace()))
                .map(|(_, v)| *v)
                .unwrap_or("");
            if let Some(md) = name.strip_prefix("XXXX-") {
                let (m, d) = md.split_once('-').unwrap_or(("", ""));
                let (m, d): (u32, u32) = (m.parse().unwrap_or(1), d.parse().unwrap_or(1));
                match anchor {
                    Some(a) => date(format!("{:04}-{md}", year_for(a, m, d, ctx.direction()))),
                    None => date(name.to_string()),
                }
            } else if name.is_empty() {
                return Ok(None);
            } else {
                date(name.to_string())
            }
        }
        Rule::Decade => date(get("y").unwrap_or("XXX").to_string()),
        Rule::Year => {
            // Money, percentages and thousands are not years.
            let before = crate::chars::before(ctx.text, ctx.start).chars().next_back();
            let after = crate::chars::after(ctx.text, ctx.end);
            if matches!(before, Some('$' | '€' | '£' | '#'))
                || after.starts_with('%')
                || after.starts_with(",0")
                || after.starts_with(|c: char| c.is_ascii_digit())
                || (after.starts_with('.')
                    && crate::chars::skip_first_char(after)
                        .starts_with(|c: char| c.is_ascii_digit()))
                || after.trim_start().to_ascii_lowercase().starts_with("percent")
                || counts_people(ctx.text, ctx.start, after)
            {
                return Ok(None);
            }
            date(get("y").unwrap_or("").to_string())
        }
        Rule::Season => {
            let season = match get("s").unwrap_or("").to_ascii_lowercase().as_str() {
                "spring" => "SP",
                "summer" => "SU",
                "winter" => "WI",
                _ => "FA",
            };
            let rel = get("rel").map(|r| r.to_ascii_lowercase());
            let year = match (get("y"), rel.as_deref(), anchor) {
                (Some(y), _, _) => Some(y.to_string()),
                (None, Some("this"), Some(a)) => Some(a.year().to_string()),
                (None, Some("last"), Some(a)) => Some((a.year() - 1).to_string()),
                (None, Some("next"), Some(a)) => Some((a.year() + 1).to_string()),
                (None, Some("this" | "last" | "next"), None) => Some("XXXX".to_string()),
                _ => None,
            };
            match year {
                Some(y) => date(format!("{y}-{season}")),
                None => return Ok(None),
            }
        }
        Rule::Quarter => {
            let q = match get("qn").or(get("q")).unwrap_or("").to_ascii_lowercase().as_str() {
                "1" | "first" | "1st" => 1,
                "2" | "second" | "2nd" => 2,
                "3" | "third" | "3rd" => 3,
                "4" | "fourth" | "4th" | "final" => 4,
                // "the last quarter" is the one before the anchor's.
                _ => match anchor {
                    Some(a) => {
                        let q = (a.month() - 1) / 3 + 1;
                        let (y, q) = if q == 1 { (a.year() - 1, 4) } else { (a.year(), q - 1) };
                        return Ok(Some(date(format!("{y}-Q{q}"))));
                    }
                    None => return Ok(Some(date("XXXX-QX".to_string()))),
                },
            };
            let year = match (
                get("y").or(get("y2")),
                get("rel").map(|r| r.to_ascii_lowercase()),
                anchor,
            ) {
                (Some(y), _, _) => y.to_string(),
                (None, Some(rel), Some(a)) => (a.year()
                    + if rel == "last" {
                        -1
                    } else if rel == "next" {
                        1
                    } else {
                        0
                    })
                .to_string(),
                (None, None, Some(a)) => a.year().to_string(),
                _ => "XXXX".to_string(),
            };
            date(format!("{year}-Q{q}"))
        }
        Rule::NightOf => {
            let wd = weekday(get("w").unwrap_or("")).ok_or("unknown weekday")?;
            let day = match anchor {
                Some(a) => ymd(nearest_weekday(a, wd, ctx.direction(), false)),
                None => UNKNOWN_DAY.to_string(),
            };
            Resolved { value: format!("{day}TNI"), kind: TimeKind::Time, zone: None }
        }
        Rule::Weekday => {
            let wd = weekday(get("w").unwrap_or("")).ok_or("unknown weekday")?;
            let rel = get("rel").map(|r| r.to_ascii_lowercase());
            let day = match anchor {
                Some(a) => {
                    let (dir, strict) = match rel.as_deref() {
                        Some("last" | "past") => (Direction::Past, true),
                        Some(r) if r.starts_with("this past") => (Direction::Past, true),
                        Some("next" | "coming") => (Direction::Future, true),
                        Some(r) if r.starts_with("this coming") => (Direction::Future, true),
                        _ => (ctx.direction(), false),
                    };
                    ymd(nearest_weekday(a, wd, dir, strict))
                }
                None => UNKNOWN_DAY.to_string(),
            };
            match get("part") {
                Some(part) => Resolved {
                    value: format!("{day}{}", part_code(part)),
                    kind: TimeKind::Time,
                    zone: None,
                },
                None => date(day),
            }
        }
        Rule::DayWord => {
            let word = get("word").unwrap_or("").to_ascii_lowercase();
            let word = word.split_whitespace().collect::<Vec<_>>().join(" ");
            let (offset, part): (i64, Option<&str>) = match word.as_str() {
                "yesterday" => (-1, None),
                "tomorrow" => (1, None),
                "tonight" => (0, Some("TNI")),
                "last night" => (-1, Some("TNI")),
                "the day before yesterday" => (-2, None),
                "the day after tomorrow" => (2, None),
                "this morning" => (0, Some("TMO")),
                "this afternoon" => (0, Some("TAF")),
                "this evening" => (0, Some("TEV")),
                _ => (0, None),
            };
            let part = get("part").map(part_code).or(part);
            let day = match anchor {
                Some(a) => ymd(a + chrono::Duration::days(offset)),
                None => UNKNOWN_DAY.to_string(),
            };
            match part {
                Some(p) => {
                    Resolved { value: format!("{day}{p}"), kind: TimeKind::Time, zone: None }
                }
                None => date(day),
            }
        }
        Rule::Ago => {
            let unit = get("u").unwrap_or("");
            let dir = get("dir").unwrap_or("").to_ascii_lowercase();
            let back = dir == "ago" || dir == "earlier";
            let amount = match get("n") {
                None => None,
                Some(n) if n.eq_ignore_ascii_case("a") || n.eq_ignore_ascii_case("an") => Some(1.0),
                Some(n) => crate::numbers::parse(n).map(|q| q.value),
            };
            let Some(amount) = amount.filter(|v| v.fract() == 0.0 && *v < 10_000.0) else {
                return Ok(Some(date(if back { "PAST_REF" } else { "FUTURE_REF" }.to_string())));
            };
            // "ago" counts from the anchor; "later"/"earlier" from the
            // last date mentioned, when there is one.
            let base = if dir == "ago" || dir.contains("now") || dir == "hence" {
                anchor.map(|a| (a, "D"))
            } else {
                reference_date(state).or(anchor.map(|a| (a, "D")))
            };
            match base.and_then(|(d, _)| shift(d, amount as i64, unit, back)) {
                Some((d, letter)) => date(at_precision(d, letter)),
                None => date(match unit_code(unit).1 {
                    "D" => UNKNOWN_DAY.to_string(),
                    "W" => "XXXX-WXX".to_string(),
                    "M" => "XXXX-XX".to_string(),
                    _ => "XXXX".to_string(),
                }),
            }
        }
        Rule::Relative => {
            let rel = get("rel").unwrap_or("").to_ascii_lowercase();
            let rel = rel.split_whitespace().collect::<Vec<_>>().join(" ");
            let unit = get("u").unwrap_or("").to_ascii_lowercase();
            if rel == "past" || rel == "coming" {
                return Ok(Some(Resolved {
                    value: duration_value(Some("1"), &unit).unwrap_or_default(),
                    kind: TimeKind::Duration,
                    zone: None,
                }));
            }
            let base = if rel == "following" || rel == "the same" {
                reference_date(state).map(|(d, _)| d).or(anchor)
            } else {
                anchor
            };
            let step: i64 = match rel.as_str() {
                "last" | "previous" => -1,
                "next" | "following" => 1,
                _ => 0,
            };
            let Some(base) = base else {
                return Ok(Some(date(match unit.as_str() {
                    "week" => "XXXX-WXX".into(),
                    "weekend" => "XXXX-WXX-WE".into(),
                    "month" => "XXXX-XX".into(),
                    "decade" => "XXX".into(),
                    "century" => "XX".into(),
                    _ => "XXXX".into(),
                })));
            };
            let value = match unit.as_str() {
                "week" | "weekend" => {
                    let d = if step < 0 {
                        base - chrono::Duration::days(7)
                    } else {
                        base + chrono::Duration::days(7 * step)
                    };
                    if unit == "weekend" {
                        format!("{}-WE", week(d))
                    } else {
                        week(d)
                    }
                }
                "month" => {
                    let d = if step < 0 {
                        base.checked_sub_months(Months::new(1))
                    } else {
                        base.checked_add_months(Months::new(step as u32))
                    }
                    .ok_or("month out of range")?;
                    d.format("%Y-%m").to_string()
                }
                "decade" => format!("{}", (base.year() + 10 * step as i32) / 10),
                "century" => format!("{:02}", (base.year() + 100 * step as i32) / 100),
                _ => format!("{}", base.year() + step as i32),
            };
            date(value)
        }
        Rule::Anaphor => {
            let lower = t.to_ascii_lowercase();
            if lower.starts_with("at ") {
                return Ok(Some(date(
                    state.value.clone().unwrap_or_else(|| "PAST_REF".to_string()),
                )));
            }
            let day = state.day.or(anchor);
            let offset: i64 = match (get("dir").or(get("dir2")).or(get("dir3")))
                .map(|d| d.to_ascii_lowercase())
                .as_deref()
            {
                Some("before" | "previous" | "preceding" | "earlier") => -1,
                Some("after" | "next" | "following" | "later") => 1,
                _ => 0,
            };
            let part = get("u").or(get("su")).or(get("u2")).map(|u| u.to_ascii_lowercase());
            let value = match day {
                Some(d) => ymd(d + chrono::Duration::days(offset)),
                None => UNKNOWN_DAY.to_string(),
            };
            match part.as_deref() {
                Some("day") | None => date(value),
                Some(p) => Resolved {
                    value: format!("{value}{}", part_code(p)),
                    kind: TimeKind::Time,
                    zone: None,
                },
            }
        }
        Rule::PartOfDay => {
            let lower = t.to_ascii_lowercase();
            let day = state.day.or(anchor).map(ymd).unwrap_or_else(|| UNKNOWN_DAY.to_string());
            let suffix = if lower.contains("dawn")
                || lower.contains("daybreak")
                || lower.contains("morning")
            {
                "TMO"
            } else if lower.contains("afternoon") {
                "TAF"
            } else if lower.contains("evening") {
                "TEV"
            } else if lower == "noon" || lower == "midday" {
                "T12:00"
            } else if lower == "midnight" {
                "T24:00"
            } else {
                "TNI"
            };
            Resolved { value: format!("{day}{suffix}"), kind: TimeKind::Time, zone: None }
        }
        Rule::ClockAmPm | Rule::Clock24 => {
            let h: u32 = get("h").unwrap_or("").parse().unwrap_or(99);
            let m: u32 = get("m").map_or(Some(0), |m| m.parse().ok()).unwrap_or(99);
            let Some((h, m)) = clock(h, m, get("ap")) else {
                return Err(format!("impossible time: {t}"));
            };
            let day = state.day.or(anchor).map(ymd).unwrap_or_else(|| UNKNOWN_DAY.to_string());
            Resolved {
                value: format!("{day}T{h:02}:{m:02}"),
                kind: TimeKind::Time,
                zone: get("zone").map(str::to_string),
            }
        }
        Rule::Age | Rule::Duration => {
            let n = get("n");
            let unit = get("u").unwrap_or("");
            // "a day" or "one year" on its own is often not a duration ("one
            // day he left"): it needs a word that measures it.
            let lower_n = n.unwrap_or("").to_ascii_lowercase();
            if rule == Rule::Duration && t.len() == n.unwrap_or("").len() + 1 + unit.len() {
                let singular = !unit.ends_with('s');
                let measured = matches!(
                    ctx.word_before().as_deref(),
                    Some(
                        "for"
                            | "within"
                            | "in"
                            | "over"
                            | "after"
                            | "than"
                            | "about"
                            | "nearly"
                            | "almost"
                            | "past"
                            | "last"
                            | "first"
                            | "next"
                            | "half"
                            | "around"
                            | "lasted"
                            | "took"
                            | "spent"
                            | "of"
                            | "the"
                    )
                );
                let one = lower_n == "a" || lower_n == "an" || lower_n == "one";
                // "a second attack" is an ordinal, not a duration.
                if one && unit.eq_ignore_ascii_case("second") {
                    return Ok(None);
                }
                if singular && one && !measured {
                    return Ok(None);
                }
                // "many years" and "few days" are too loose to be durations
                // unless measured.
                if matches!(lower_n.as_str(), "many" | "few") && !measured {
                    return Ok(None);
                }
            }
            match duration_value(n, unit) {
                Some(value) => Resolved { value, kind: TimeKind::Duration, zone: None },
                None => return Ok(None),
            }
        }
        Rule::BareDuration => {
            let unit = get("u").unwrap_or("").to_ascii_lowercase();
            let measured = matches!(
                ctx.word_before().as_deref(),
                Some(
                    "for"
                        | "within"
                        | "over"
                        | "after"
                        | "in"
                        | "of"
                        | "ending"
                        | "spanning"
                        | "took"
                        | "lasted"
                        | "than"
                )
            );
            if !(unit == "decades" || unit == "centuries" || measured) {
                return Ok(None);
            }
            Resolved {
                value: duration_value(None, &unit).unwrap_or_default(),
                kind: TimeKind::Duration,
                zone: None,
            }
        }
        Rule::Set => {
            let value = if let Some(w) = get("w").or(get("wp")) {
                let wd = weekday(w).ok_or("unknown weekday")?;
                format!("XXXX-WXX-{}", wd.number_from_monday())
            } else if let Some(adj) = get("adj") {
                match adj.to_ascii_lowercase().as_str() {
                    "daily" => "P1D".to_string(),
                    "weekly" => "P1W".to_string(),
                    "monthly" => "P1M".to_string(),
                    "nightly" => "XXXX-XX-XXTNI".to_string(),
                    "hourly" => "PT1H".to_string(),
                    _ => "P1Y".to_string(),
                }
            } else {
                let unit = get("u").or(get("u2")).or(get("u3")).unwrap_or("").to_ascii_lowercase();
                match unit.as_str() {
                    "morning" | "afternoon" | "evening" | "night" => {
                        format!("XXXX-XX-XX{}", part_code(&unit))
                    }
                    "weekend" => "XXXX-WXX-WE".to_string(),
                    u => duration_value(Some("1"), u).unwrap_or_default(),
                }
            };
            Resolved { value, kind: TimeKind::Set, zone: None }
        }
        Rule::Ref => {
            // "now-defunct" is an adjective, not a reference to the present.
            if crate::chars::after(ctx.text, ctx.end).starts_with('-') {
                return Ok(None);
            }
            let value = if get("now").is_some() {
                "PRESENT_REF"
            } else if get("past").is_some() {
                "PAST_REF"
            } else {
                "FUTURE_REF"
            };
            date(value.to_string())
        }
    };
    Ok(Some(res))
}
