//! Layers of the attribution stage: quotes, sources, claims, statuses and
//! stances (see `docs/claims-model.md`).

use super::Span;

/// What kind of thing a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// A name: a person, an organisation, an outlet, a channel.
    Named,
    /// A description without a name: "officials", "a security source",
    /// "reports".
    Unnamed,
    /// A document or artefact: "the poster", "a statement", "screenshots".
    Artefact,
}

/// Who information comes from, as the article words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The source's name or description, determiners and title words kept
    /// out where a name is present ("Dmitry Peskov", "Iranian media").
    pub text: String,
    /// Where the source is mentioned in the body.
    pub span: Option<Span>,
    pub kind: SourceKind,
}

/// Speech or writing reported in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted or reported content, quotation marks excluded.
    pub span: Span,
    /// The word that introduces it ("said", "according to", ":").
    pub cue: Option<Span>,
    /// Who said it; `None` for a quotation with no speaker.
    pub source: Option<Source>,
    /// A direct quotation in quotation marks, or reported speech.
    pub direct: bool,
}

/// How the article qualifies a claim; the strongest signal wins, in the
/// order of the variants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Someone denies or rejects it, or it was made without evidence.
    Disputed,
    /// An independent party verified it.
    Confirmed,
    /// The article says it has not been verified.
    Unverified,
    /// Purportedly, reportedly, allegedly, appeared to.
    Hedged,
    /// Attributed to a source, with no other signal.
    Reported,
    /// The article's own voice.
    Asserted,
}

impl Status {
    /// The name used in the article record.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Disputed => "disputed",
            Status::Confirmed => "confirmed",
            Status::Unverified => "unverified",
            Status::Hedged => "hedged",
            Status::Reported => "reported",
            Status::Asserted => "asserted",
        }
    }

    /// Keeps the stronger of two statuses.
    pub fn strongest(self, other: Status) -> Status {
        self.min(other)
    }
}

/// An actor's position on a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StanceKind {
    Asserts,
    Confirms,
    Denies,
    NoComment,
}

impl StanceKind {
    /// The name used in the article record.
    pub fn as_str(self) -> &'static str {
        match self {
            StanceKind::Asserts => "asserts",
            StanceKind::Confirms => "confirms",
            StanceKind::Denies => "denies",
            StanceKind::NoComment => "no_comment",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stance {
    pub actor: String,
    pub kind: StanceKind,
    /// The words that show it ("rejected", "declined to comment", the
    /// attribution cue of what the actor said), where known.
    pub cue: Option<Span>,
}

/// A proposition the article reports, with its provenance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// The claim in the article's own words.
    pub text: String,
    /// Where the claim's words are in the body (the content span).
    pub span: Span,
    /// The index of the sentence that states it.
    pub sentence: usize,
    /// The attribution chain, origin first, the article's outlet left out.
    pub chain: Vec<Source>,
    pub status: Status,
    pub stances: Vec<Stance>,
    /// The cue that attributes it, if any.
    pub cue: Option<Span>,
    /// The words that decided its status ("has not been verified",
    /// "reportedly", "rejected", the attribution cue of a reported
    /// claim); `None` for the article's own voice.
    pub status_cue: Option<Span>,
}

impl Claim {
    /// A claim in the article's own voice, or one whose source is not
    /// known yet: no chain, no stances, no cue.
    pub fn unattributed(text: String, span: Span, sentence: usize, status: Status) -> Claim {
        Claim {
            text,
            span,
            sentence,
            chain: Vec::new(),
            status,
            stances: Vec::new(),
            cue: None,
            status_cue: None,
        }
    }

    /// Makes `status` the claim's status if it is stronger than the one it
    /// has, with the words that show it.
    pub fn strengthen(&mut self, status: Status, cue: Option<Span>) {
        if status < self.status {
            self.status = status;
            self.status_cue = cue;
        }
    }
}
