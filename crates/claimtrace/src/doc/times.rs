//! The times and counts layers: time expressions with their TimeML values,
//! and the numbers of people or things an event touched.

use super::Span;

/// Which text a span indexes into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// `Document::text`, the article body.
    Body,
    /// The text of `Document::removed[idx]` (an update note, say).
    Removed(usize),
}

/// The TimeML type of a time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeKind {
    /// A calendar date or period: `2024-03-22`, `2024-W13`, `2014`, and the
    /// `PRESENT_REF`/`PAST_REF`/`FUTURE_REF` references.
    Date,
    /// A date with a time of day or a part of day: `2024-03-25T12:57`.
    Time,
    /// A length of time: `P20Y`, `PT48H`.
    Duration,
    /// A recurrence: `XXXX-WXX-5` ("every Friday"), `P1D` ("daily").
    Set,
}

impl TimeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeKind::Date => "DATE",
            TimeKind::Time => "TIME",
            TimeKind::Duration => "DURATION",
            TimeKind::Set => "SET",
        }
    }
}

/// One time expression and its normalised value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    pub span: Span,
    pub place: Place,
    /// TimeML value without a zone: `2024-03-22`, `XXXX-XX-XX` where the
    /// anchor needed to resolve it is missing.
    pub value: String,
    pub kind: TimeKind,
    /// The zone as written ("ET", "GMT+3"), kept apart from the value.
    pub zone: Option<String>,
}

/// How exact a count is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    AtLeast,
    AtMost,
    About,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::About => "about",
        }
    }

    /// The qualifier named by the record's vocabulary.
    pub fn from_name(name: &str) -> Option<Qualifier> {
        Some(match name {
            "exact" => Qualifier::Exact,
            "at_least" => Qualifier::AtLeast,
            "at_most" => Qualifier::AtMost,
            "about" => Qualifier::About,
            _ => return None,
        })
    }
}

/// What happened to the people or things counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CountCategory {
    Killed,
    Wounded,
    Missing,
    Kidnapped,
    Arrested,
    Charged,
    Displaced,
    Affected,
    Protesters,
    Suspects,
    Other,
}

impl CountCategory {
    pub fn as_str(self) -> &'static str {
        match self {
            CountCategory::Killed => "killed",
            CountCategory::Wounded => "wounded",
            CountCategory::Missing => "missing",
            CountCategory::Kidnapped => "kidnapped",
            CountCategory::Arrested => "arrested",
            CountCategory::Charged => "charged",
            CountCategory::Displaced => "displaced",
            CountCategory::Affected => "affected",
            CountCategory::Protesters => "protesters",
            CountCategory::Suspects => "suspects",
            CountCategory::Other => "other",
        }
    }

    /// The category named by the record's vocabulary.
    pub fn from_name(name: &str) -> Option<CountCategory> {
        Some(match name {
            "killed" => CountCategory::Killed,
            "wounded" => CountCategory::Wounded,
            "missing" => CountCategory::Missing,
            "kidnapped" => CountCategory::Kidnapped,
            "arrested" => CountCategory::Arrested,
            "charged" => CountCategory::Charged,
            "displaced" => CountCategory::Displaced,
            "affected" => CountCategory::Affected,
            "protesters" => CountCategory::Protesters,
            "suspects" => CountCategory::Suspects,
            "other" => CountCategory::Other,
            _ => return None,
        })
    }
}

/// A number of people or things an event touched.
#[derive(Clone, Debug, PartialEq)]
pub struct Count {
    /// The number and the words around it that say what it counts.
    pub span: Span,
    pub number: f64,
    pub qualifier: Qualifier,
    pub category: CountCategory,
    /// The noun the number counts ("people", "suspects"), when written.
    pub noun: Option<String>,
}
