//! The article record: the JSON contract of `analyze --json`, the store and
//! the gold files (`spec/article-json.md`). Fields may be added, never
//! removed or renamed.
//!
//! Architecture invariant: only this module derives `Serialize`; internal
//! types stay free to change.

pub mod conllu;
pub mod ledger;

use serde::{Deserialize, Serialize};

use crate::doc::{Document, Place};

/// One analysed article, as the contract specifies it.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Record {
    /// Where the article came from (an extension of the contract).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub meta: RecordMeta,
    pub text: String,
    pub removed: Vec<RecordRemoved>,
    /// Sentence spans of the body as byte offsets (an extension).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<[usize; 2]>,
    pub entities: Vec<RecordEntity>,
    pub times: Vec<RecordTime>,
    pub counts: Vec<RecordCount>,
    pub quotes: Vec<RecordQuote>,
    pub claims: Vec<RecordClaim>,
    pub events: Vec<RecordEvent>,
    /// Problems found in messy text (an extension).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct RecordMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub updated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where `published` came from: `meta`, `json-ld`, `time-element`,
    /// `field`, `feed`, `byline`, `dateline` or `url` (an extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_from: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct RecordRemoved {
    pub text: String,
    pub reason: String,
    /// Who a caption's credit names (an extension): "Image: NASA." credits
    /// NASA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct RecordEntity {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where a place is (GPE, LOC, FAC that resolve).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<RecordGeo>,
}

/// A place on the map: ISO 3166-1 alpha-2 country, GeoNames id, WGS84
/// coordinates; each only when known.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct RecordGeo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

impl RecordGeo {
    /// What a reader is shown, in order: the country, "GeoNames ID", and
    /// with `coordinates` the latitude and longitude ("55.752, 37.618").
    pub fn parts(&self, coordinates: bool) -> Vec<String> {
        let mut parts: Vec<String> = self.country.iter().cloned().collect();
        parts.extend(self.geonames_id.map(|id| format!("GeoNames {id}")));
        if let (true, Some(lat), Some(lon)) = (coordinates, self.lat, self.lon) {
            parts.push(format!("{lat:.3}, {lon:.3}"));
        }
        parts
    }

    fn of(geo: &crate::doc::Geo) -> RecordGeo {
        let (lat, lon) = geo.lat_lon().unzip();
        RecordGeo { country: geo.country.clone(), geonames_id: geo.geonames_id, lat, lon }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct RecordTime {
    pub text: String,
    pub value: String,
    /// Byte offsets of the expression in `text` (an extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
    /// TimeML type: DATE, TIME, DURATION or SET (an extension).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The time zone as written, kept out of `value` (an extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// `"removed"` when the expression is in a removed block, such as an
    /// update note, rather than the body (an extension).
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct RecordCount {
    pub text: String,
    pub number: f64,
    pub qualifier: String,
    pub category: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
    /// The noun the number counts (an extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noun: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct RecordQuote {
    pub text: String,
    pub source: Option<String>,
    pub direct: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct RecordClaim {
    pub text: String,
    pub chain: Vec<String>,
    pub status: String,
    pub stances: Vec<RecordStance>,
    /// Where the claim is stated: the body span of its sentence (an
    /// extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<[usize; 2]>,
    /// The words that decided the status, where the article has them (an
    /// extension; none for the article's own voice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_cue: Option<RecordCue>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct RecordStance {
    pub actor: String,
    pub stance: String,
    /// The words that show the stance (an extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<RecordCue>,
}

/// Evidence in the body: the cue's words, their span, and the span of the
/// sentence they are in.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct RecordCue {
    pub text: String,
    pub span: [usize; 2],
    pub sentence: [usize; 2],
}

impl RecordCue {
    fn of(doc: &Document, span: crate::doc::Span) -> RecordCue {
        // Sentences are in order: the one that can hold the span is the
        // first that ends at or after it.
        let at = doc.sentences.partition_point(|s| s.span.end() < span.end());
        let sentence = doc
            .sentences
            .get(at)
            .filter(|s| s.span.contains(span))
            .map_or([span.start(), span.end()], |s| [s.span.start(), s.span.end()]);
        RecordCue { text: doc.slice(span).to_string(), span: [span.start(), span.end()], sentence }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct RecordEvent {
    #[serde(rename = "type")]
    pub kind: String,
    /// The PLOVER mode where the words give it (an extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    pub actors: Vec<String>,
    pub targets: Vec<String>,
    pub location: Option<String>,
    /// Where `location` is on the map, when its entity resolved (an
    /// extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<RecordGeo>,
    pub time: Option<String>,
    /// How the article reports the event, in the claims' vocabulary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Index into `claims` of the claim that reports it; null for the
    /// article's own voice.
    #[serde(default)]
    pub claim: Option<usize>,
    /// The words that name the event (an extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<String>,
    /// Byte offsets of the trigger in `text` (an extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
    /// Indices into `counts` of the people it touched (an extension).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<usize>,
}

impl Record {
    /// The record of an analysed document.
    pub fn from_document(doc: &Document) -> Record {
        let meta = &doc.meta;
        Record {
            source: Some(doc.source.clone()),
            meta: RecordMeta {
                title: meta.title.clone(),
                outlet: meta.outlet.clone(),
                authors: meta.authors.clone(),
                published: meta.published.map(|s| s.to_string()),
                updated: meta.updated.map(|s| s.to_string()),
                url: meta.url.clone(),
                published_from: meta
                    .published
                    .and(meta.published_from)
                    .map(|d| d.as_str().to_string()),
            },
            text: doc.text.clone(),
            removed: doc
                .removed
                .iter()
                .map(|r| RecordRemoved {
                    text: r.text.clone(),
                    reason: r.reason.as_str().to_string(),
                    credit: r.credit.clone(),
                })
                .collect(),
            times: doc
                .times
                .iter()
                .map(|t| {
                    let (text, span, place) = match t.place {
                        Place::Body => (
                            doc.slice(t.span).to_string(),
                            Some([t.span.start(), t.span.end()]),
                            None,
                        ),
                        Place::Removed(idx) => (
                            crate::chars::slice(&doc.removed[idx].text, t.span.range()).to_string(),
                            None,
                            Some("removed".to_string()),
                        ),
                    };
                    RecordTime {
                        text,
                        value: t.value.clone(),
                        span,
                        kind: Some(t.kind.as_str().to_string()),
                        zone: t.zone.clone(),
                        place,
                    }
                })
                .collect(),
            counts: doc
                .counts
                .iter()
                .map(|c| RecordCount {
                    text: doc.slice(c.span).to_string(),
                    number: c.number,
                    qualifier: c.qualifier.as_str().to_string(),
                    category: c.category.as_str().to_string(),
                    span: Some([c.span.start(), c.span.end()]),
                    noun: c.noun.clone(),
                })
                .collect(),
            entities: doc
                .entities
                .iter()
                .map(|e| RecordEntity {
                    name: e.name.clone(),
                    kind: e.kind.as_str().to_string(),
                    aliases: e.aliases.clone(),
                    description: e.description.clone(),
                    geo: e.geo.as_ref().map(RecordGeo::of),
                })
                .collect(),
            sentences: doc.sentences.iter().map(|s| [s.span.start(), s.span.end()]).collect(),
            quotes: doc
                .quotes
                .iter()
                .map(|q| RecordQuote {
                    text: doc.slice(q.span).to_string(),
                    source: q.source.as_ref().map(|s| s.text.clone()),
                    direct: q.direct,
                })
                .collect(),
            claims: doc
                .claims
                .iter()
                .map(|c| RecordClaim {
                    text: c.text.clone(),
                    chain: c.chain.iter().map(|s| s.text.clone()).collect(),
                    status: c.status.as_str().to_string(),
                    stances: c
                        .stances
                        .iter()
                        .map(|s| RecordStance {
                            actor: s.actor.clone(),
                            stance: s.kind.as_str().to_string(),
                            cue: s.cue.map(|cue| RecordCue::of(doc, cue)),
                        })
                        .collect(),
                    sentence: doc.sentences.get(c.sentence).map(|s| [s.span.start(), s.span.end()]),
                    status_cue: c.status_cue.map(|cue| RecordCue::of(doc, cue)),
                })
                .collect(),
            events: doc
                .events
                .iter()
                .map(|e| RecordEvent {
                    kind: e.kind.as_str().to_string(),
                    mode: e.mode.map(str::to_string),
                    actors: e.actors.iter().map(|a| a.text.clone()).collect(),
                    targets: e.targets.iter().map(|a| a.text.clone()).collect(),
                    location: e.location.as_ref().map(|a| a.text.clone()),
                    geo: e
                        .location
                        .as_ref()
                        .and_then(|a| a.entity)
                        .and_then(|i| doc.entities.get(i))
                        .and_then(|ent| ent.geo.as_ref())
                        .map(RecordGeo::of),
                    time: e.time.map(|t| doc.times[t].value.clone()),
                    status: Some(e.status.as_str().to_string()),
                    claim: e.claim,
                    trigger: Some(doc.slice(e.trigger).to_string()),
                    span: Some([e.trigger.start(), e.trigger.end()]),
                    counts: e.counts.clone(),
                })
                .collect(),
            diagnostics: doc
                .diagnostics
                .iter()
                .map(|d| format!("{}: {}", d.stage, d.message))
                .collect(),
        }
    }

    /// The record as pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("records always serialize")
    }

    /// The record as one line of JSON.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).expect("records always serialize")
    }
}
