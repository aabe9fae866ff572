//! The document every stage fills in: the body text, its metadata, and one
//! layer per stage (paragraphs, sentences, tokens, entities, times, ...).
//!
//! Architecture invariant: `doc` depends on no stage. Stages read the layers
//! that earlier stages assigned and add their own; nothing here does I/O or
//! knows about JSON (that is `record`'s job).

mod claims;
mod events;
mod grammar;
mod meta;
mod span;
mod times;

pub use claims::{Claim, Quote, Source, SourceKind, Stance, StanceKind, Status};
pub use events::{Argument, Event, EventKind};
pub use grammar::{Rel, Upos};
pub use meta::{ClaimReview, DateSource, Meta, Stamp};
pub use span::Span;
pub use times::{Count, CountCategory, Place, Qualifier, TimeExpr, TimeKind};

/// Why a piece of the input is not part of the article body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RemovalReason {
    /// Navigation, legal text, calls to action and other page furniture.
    Boilerplate,
    /// Photo captions, credits and pull-quote credits (kept, not lost).
    Caption,
    /// A line the scraper repeated.
    Duplicate,
    /// Bylines, datelines, author bios and update notes (metadata).
    Byline,
    /// Subscription offers, newsletter and app promotion.
    Promo,
}

impl RemovalReason {
    /// The name used in the article record.
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalReason::Boilerplate => "boilerplate",
            RemovalReason::Caption => "caption",
            RemovalReason::Duplicate => "duplicate",
            RemovalReason::Byline => "byline",
            RemovalReason::Promo => "promo",
        }
    }

    /// The reason an article record names ([`RemovalReason::as_str`]).
    pub fn parse(s: &str) -> Option<RemovalReason> {
        [
            RemovalReason::Boilerplate,
            RemovalReason::Caption,
            RemovalReason::Duplicate,
            RemovalReason::Byline,
            RemovalReason::Promo,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// A block of the input that was kept out of the body, with its reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    pub text: String,
    pub reason: RemovalReason,
    /// Who a caption credits its image to ("Image: Mathias Krumbholz."),
    /// when its credit names someone.
    pub credit: Option<String>,
}

impl Removed {
    /// A removed block with no credit.
    pub fn new(text: impl Into<String>, reason: RemovalReason) -> Removed {
        Removed { text: text.into(), reason, credit: None }
    }
}

/// A paragraph of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// The paragraph opens with a quotation mark while the previous
    /// paragraph left a quotation open: it continues that quotation.
    pub continues_quote: bool,
    /// The quotation this paragraph opens or continues is still open at
    /// its end (the news convention for quotes over several paragraphs).
    pub leaves_quote_open: bool,
}

/// A sentence: its span and the range of its tokens in `Document::tokens`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    pub tokens: std::ops::Range<usize>,
}

/// What kind of characters a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    /// An opening or closing quotation mark (straight or curly).
    Quote,
    Symbol,
}

/// A token with its byte offsets into `Document::text`. Tagging and parsing
/// fill `tag`, `head` and `rel` when those stages run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Universal POS tag, once tagged.
    pub tag: Option<Upos>,
    /// Index in `Document::tokens` of the syntactic head; `None` for the
    /// root or when unparsed.
    pub head: Option<usize>,
    /// Universal Dependencies relation to the head, once parsed.
    pub rel: Option<Rel>,
}

/// The type of a named entity, the record's vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Org,
    /// Countries, cities, regions with a government.
    Gpe,
    /// Other places: seas, rivers, mountains, regions without a government.
    Loc,
    /// Buildings, venues, airports, bridges.
    Fac,
    /// Nationalities, religious and political groups used as adjectives.
    Norp,
    Event,
    /// Platforms, apps and other products.
    Product,
    Other,
}

impl EntityKind {
    /// The name used in the article record.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Gpe => "GPE",
            EntityKind::Loc => "LOC",
            EntityKind::Fac => "FAC",
            EntityKind::Norp => "NORP",
            EntityKind::Event => "EVENT",
            EntityKind::Product => "PRODUCT",
            EntityKind::Other => "OTHER",
        }
    }

    /// The kind of a record type name.
    pub fn from_name(name: &str) -> Option<EntityKind> {
        Some(match name {
            "PERSON" => EntityKind::Person,
            "ORG" => EntityKind::Org,
            "GPE" => EntityKind::Gpe,
            "LOC" => EntityKind::Loc,
            "FAC" => EntityKind::Fac,
            "NORP" => EntityKind::Norp,
            "EVENT" => EntityKind::Event,
            "PRODUCT" => EntityKind::Product,
            "OTHER" => EntityKind::Other,
            _ => return None,
        })
    }
}

/// One mention of a named entity in the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    /// Its tokens in `Document::tokens`.
    pub tokens: std::ops::Range<usize>,
    pub kind: EntityKind,
    /// Index of its entity in `Document::entities`.
    pub entity: usize,
}

/// One real-world thing the article names, with all its mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    /// Other names used for it, in order of first use.
    pub aliases: Vec<String>,
    /// A title or apposition describing it ("Kremlin spokesman").
    pub description: Option<String>,
    /// Indices into `Document::mentions`; empty for entities known only
    /// from the metadata (authors, outlet).
    pub mentions: Vec<usize>,
    /// Where a place is on the map (GPE, LOC and FAC that resolve; filled
    /// by the places stage, `crate::places`).
    pub geo: Option<Geo>,
}

/// A place on the map: its country, GeoNames id and coordinates, each when
/// known (a facility may resolve to its country only, a continent to its id
/// and coordinates only).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Geo {
    /// ISO 3166-1 alpha-2 code ("RU").
    pub country: Option<String>,
    /// GeoNames id of the place itself (542374 for Krasnogorsk).
    pub geonames_id: Option<u32>,
    /// WGS84 latitude and longitude in hundred-thousandths of a degree
    /// (GeoNames' precision; whole numbers keep `Eq`).
    pub coordinates: Option<(i32, i32)>,
}

impl Geo {
    /// Latitude and longitude in degrees.
    pub fn lat_lon(&self) -> Option<(f64, f64)> {
        self.coordinates.map(|(lat, lon)| (f64::from(lat) / 1e5, f64::from(lon) / 1e5))
    }
}

/// A problem found in messy text. Messy text is not an error: stages record
/// diagnostics and go on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub stage: &'static str,
    pub message: String,
    pub span: Option<Span>,
}

/// One analysed article.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Where the article came from (a path, a URL, `-`, `file.jsonl:3`).
    pub source: String,
    pub meta: Meta,
    /// The article body, boilerplate removed. All spans index into it.
    pub text: String,
    pub removed: Vec<Removed>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Each token's normalised form and shape, made by the tagger and
    /// read by the parser and the recogniser (empty until tagged).
    pub(crate) forms: crate::tag::forms::Forms,
    /// Named-entity mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Entities, one per real-world thing.
    pub entities: Vec<Entity>,
    /// Time expressions, body first, then those in removed update notes.
    pub times: Vec<TimeExpr>,
    pub counts: Vec<Count>,
    /// Direct and reported speech, in text order.
    pub quotes: Vec<Quote>,
    /// Claims with their chains, statuses and stances.
    pub claims: Vec<Claim>,
    /// Events, in text order, with the claim that reports each.
    pub events: Vec<Event>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// A document whose body is `text`, with no layers yet.
    pub fn new(source: impl Into<String>, meta: Meta, text: String) -> Document {
        Document { source: source.into(), meta, text, ..Document::default() }
    }

    /// The text of a span of the body.
    ///
    /// Spans made by the stages are always inside the body and on character
    /// boundaries; any other span is a bug (asserted in debug builds, an
    /// empty text in release builds: see [`crate::chars::slice`]).
    pub fn slice(&self, span: Span) -> &str {
        crate::chars::slice(&self.text, span.range())
    }

    /// The text of token `token_idx`.
    pub fn token_text(&self, token_idx: usize) -> &str {
        self.slice(self.tokens[token_idx].span)
    }

    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }
}
