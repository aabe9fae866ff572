//! The time rules and their patterns, built from the lexicons' texts.
//! This file stands alone: the times stage reads it, and `build.rs`
//! includes it to compile the rules into the one automaton that tells
//! which rules a sentence can match (`times::RULE_DFA`).

/// Which rule matched; the rules are tried in this order on ties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
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

/// The named dates of `data/named_dates.tsv`: each name and its value
/// ("Christmas Day", "XXXX-12-25").
pub fn named_dates(data: &str) -> Vec<(&str, &str)> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .collect()
}

/// Every rule with its pattern, in the order they are tried on ties:
/// `named`, the named dates ("Christmas Day"); `number_words`, the
/// pattern of number words ("twenty-five"); `escape`, the regex crate's.
/// ASCII classes and case folding (the patterns are compiled without
/// Unicode): times are written in ASCII (the reader turns Unicode spaces
/// into plain ones), and the Unicode tables made the automata several
/// times larger.
pub fn table(
    named: &[&str],
    number_words: &str,
    escape: impl Fn(&str) -> String,
) -> Vec<(Rule, String)> {
    let duration_number = format!(
        r"(?:\d+(?:\.\d+)?|an?\s+(?:hundred|thousand|dozen)|{}|a\s+few|a\s+couple\s+of|several|many|few|an?)",
        number_words
    );
    let n = duration_number.as_str();
    let numeric = r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b";
    let iso = r"\d{4}-\d{2}-\d{2}\b";
    let mdy = format!(r"{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b");
    let dmy = format!(r"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+\d{{4}}\b");
    let named =
        named.iter().map(|name| escape(name).replace(' ', r"\s+")).collect::<Vec<_>>().join("|");
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
        .map(|(rule, pattern)| {
            // ASCII word boundaries keep the fast DFA on non-ASCII text.
            (rule, format!("(?i){}", pattern.replace(r"\b", r"(?-u:\b)")))
        })
        .collect()
}
