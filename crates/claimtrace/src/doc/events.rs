//! The events layer: who did what to whom, where and when, and how the
//! article reports it.

use super::{Span, Status};

/// The 16 PLOVER event types (`spec/article-json.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    /// Arrest, charge, detain, expel, seize.
    Coerce,
    Assault,
}

impl EventKind {
    /// Every type, in PLOVER's order.
    pub const ALL: [EventKind; 16] = [
        EventKind::Agree,
        EventKind::Consult,
        EventKind::Support,
        EventKind::Concede,
        EventKind::Cooperate,
        EventKind::Aid,
        EventKind::Retreat,
        EventKind::Request,
        EventKind::Accuse,
        EventKind::Reject,
        EventKind::Threaten,
        EventKind::Protest,
        EventKind::Sanction,
        EventKind::Mobilize,
        EventKind::Coerce,
        EventKind::Assault,
    ];

    /// The name used in the article record.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Agree => "AGREE",
            EventKind::Consult => "CONSULT",
            EventKind::Support => "SUPPORT",
            EventKind::Concede => "CONCEDE",
            EventKind::Cooperate => "COOPERATE",
            EventKind::Aid => "AID",
            EventKind::Retreat => "RETREAT",
            EventKind::Request => "REQUEST",
            EventKind::Accuse => "ACCUSE",
            EventKind::Reject => "REJECT",
            EventKind::Threaten => "THREATEN",
            EventKind::Protest => "PROTEST",
            EventKind::Sanction => "SANCTION",
            EventKind::Mobilize => "MOBILIZE",
            EventKind::Coerce => "COERCE",
            EventKind::Assault => "ASSAULT",
        }
    }

    /// The type of a record name.
    pub fn from_name(name: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Types that are things said: a report that one was said is the
    /// article's own statement that it happened, whatever the truth of
    /// what was said.
    pub fn is_speech_act(self) -> bool {
        matches!(
            self,
            EventKind::Accuse
                | EventKind::Reject
                | EventKind::Request
                | EventKind::Threaten
                | EventKind::Support
                | EventKind::Agree
                | EventKind::Concede
        )
    }
}

/// A participant, place or other argument of an event, as the article
/// words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Argument {
    /// The entity's name where the argument is a named entity, the noun
    /// phrase otherwise ("four suspects from Tajikistan").
    pub text: String,
    /// Where it is mentioned in the body.
    pub span: Span,
    /// Index into `Document::entities` for a named entity.
    pub entity: Option<usize>,
}

/// One event the article reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub kind: EventKind,
    /// The PLOVER mode where the words give it ("firearms", "arrest").
    pub mode: Option<&'static str>,
    /// The word or phrase that names the event.
    pub trigger: Span,
    /// The index of the sentence that reports it.
    pub sentence: usize,
    pub actors: Vec<Argument>,
    pub targets: Vec<Argument>,
    pub location: Option<Argument>,
    /// Index into `Document::times` of when it happened.
    pub time: Option<usize>,
    /// Indices into `Document::counts` of the people it touched.
    pub counts: Vec<usize>,
    /// How the article reports it, in the claims' vocabulary.
    pub status: Status,
    /// Index into `Document::claims` of the attributed claim that reports
    /// it; `None` for the article's own voice.
    pub claim: Option<usize>,
}
