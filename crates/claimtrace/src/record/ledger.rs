//! The ledger's JSON contract (`spec/ledger-json.md`): one object per claim
//! cluster. Fields may be added, never removed or renamed.

use serde::{Deserialize, Serialize};

/// One claim cluster: every report of one proposition.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct LedgerClaim {
    pub id: String,
    /// Canonical wording: the first appearance's.
    pub text: String,
    /// The status after the latest entry of `timeline`.
    pub status: String,
    /// First source of the chain at the first appearance; `None` is the
    /// outlet's own voice.
    pub origin: Option<String>,
    pub first_seen: Option<FirstSeen>,
    /// Distinct outlets, copies counted once.
    pub outlets: usize,
    /// Oldest first.
    pub appearances: Vec<LedgerAppearance>,
    pub timeline: Vec<TimelineEntry>,
    pub propagation: Vec<Edge>,
    pub stances: Vec<LedgerStance>,
    pub verdicts: Vec<Verdict>,
    pub corrections: Vec<Correction>,
    pub superseded_by: Option<String>,
    pub entities: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct FirstSeen {
    pub url: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// Where the date came from: meta | json-ld | url | dateline | ingest.
    pub date_from: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct LedgerAppearance {
    pub url: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub text: String,
    pub sentence: String,
    pub chain: Vec<String>,
    pub status: String,
    pub stances: Vec<AppearanceStance>,
    pub copy_of: Option<String>,
    /// The news agency whose story the article carries, credited in its
    /// byline or dateline (an extension): counted as the agency's report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wire: Option<String>,
    pub version: u32,
    /// Where `published` came from (an extension).
    #[serde(default)]
    pub date_from: String,
    /// Why the machine judged it the same claim as another appearance of
    /// the cluster (an extension; `trace --evidence`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<SameAs>,
}

/// The appearance of the same claim another one was matched with, and
/// what they share.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct SameAs {
    pub url: String,
    pub text: String,
    /// Share of content words (stems) in common, 0 to 1.
    pub wording: f64,
    pub shared_entities: Vec<String>,
    pub shared_numbers: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct AppearanceStance {
    pub actor: String,
    pub stance: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct TimelineEntry {
    pub date: Option<String>,
    pub status: String,
    pub url: String,
    /// The sentence that moved the status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The words in it that moved the status, with their offsets in the
    /// article (an extension; `trace --evidence`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<super::RecordCue>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edge {
    pub from: String,
    pub to: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct LedgerStance {
    pub actor: String,
    pub stance: String,
    pub url: String,
    pub evidence: String,
    /// The words that show the stance, with their offsets in the article
    /// (an extension; `trace --evidence`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<super::RecordCue>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Verdict {
    pub reviewer: String,
    pub rating: String,
    pub url: String,
    pub date: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Correction {
    pub by: String,
    pub at: String,
    pub action: String,
    pub value: String,
    pub note: Option<String>,
}

/// One event across the ledger: every report of it, by any outlet
/// (`claimtrace events --json`).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct LedgerEvent {
    /// A stable id (`ev-` and 16 hex digits).
    pub id: String,
    /// The PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: Option<String>,
    /// Every report's actors, most often named first.
    pub actors: Vec<String>,
    pub targets: Vec<String>,
    /// The place most reports give.
    pub location: Option<String>,
    /// Where that place is on the map, when a report's entity resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<super::RecordGeo>,
    /// The date most reports give.
    pub time: Option<String>,
    /// `disputed` if any report disputes it, else `confirmed` if any
    /// confirms it, else `asserted` if any outlet states it in its own
    /// voice, else the strongest of the rest.
    pub status: String,
    /// Oldest first.
    pub reports: Vec<EventReport>,
}

/// One article's report of an event.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct EventReport {
    pub url: String,
    pub outlet: Option<String>,
    /// The article's date.
    pub date: Option<String>,
    /// The ledger claim that reports it; `None` for the outlet's own voice.
    pub claim: Option<String>,
    pub status: String,
    /// The words that name the event in this article.
    pub trigger: Option<String>,
}

/// A claim cluster in brief, for lists (`/api/claims?view=brief`, the
/// ledger page): the fields of `LedgerClaim` that need no appearance but
/// the first, and how many appearances there are.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct ClaimBrief {
    pub id: String,
    pub text: String,
    pub status: String,
    pub origin: Option<String>,
    pub first_seen: Option<FirstSeen>,
    pub outlets: usize,
    /// How many appearances the cluster has.
    pub appearances: usize,
    /// The claim that states the same proposition with newer figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<String>,
}
