//! The ledger's pure core: claims across articles and over time.
//!
//! An article's claims become [`Appearance`]s; two appearances that state
//! the same proposition ([`same_claim`], symmetric) are linked, and a claim
//! cluster is a connected component of those links, so the clusters are a
//! function of the set of articles, not of the order they arrive in.
//! [`view`] turns a cluster's appearances into the ledger record
//! (`spec/ledger-json.md`): status over time, first seen, propagation,
//! stances. Nothing here does I/O; the store (`claimtrace-store`) finds
//! candidates through its index and persists what this module decides.

mod copies;
mod events;
pub(crate) mod hash;
mod outlets;
mod signature;
mod summary;
mod versions;
mod view;

pub use copies::Fingerprint;
pub use events::{group as group_events, Reported};
pub use outlets::{Outlet, Outlets};
pub use signature::{
    relate, revises, same_claim, stem_key, Keyed, MatchReason, Packed, Parts, Relation, Signature,
    Stored, BANDS, ROWS,
};
pub use summary::{about_terms, order_text, outlet_terms, terms, Summary};
pub use versions::{is_unannounced, update_notes, version_changes, VersionChanges};
pub use view::{
    cluster_id, host_of, record_stance_cue, record_status_cue, view, view_with_evidence, Evidence,
};

use std::collections::HashSet;

use chrono::{Datelike, Timelike};

use crate::doc::{Document, Stamp, Upos};

/// Where an article's date came from, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateFrom {
    /// The article's publication date, from where the reader found it
    /// (ledgers written before sources were told apart say `meta`).
    Published(crate::doc::DateSource),
    /// Only its update date was known.
    Updated,
    /// Only the time claimtrace ingested it: never beats a published date.
    Ingest,
}

impl DateFrom {
    /// The page's metadata: what a date of unknown source counts as.
    pub const META: DateFrom = DateFrom::Published(crate::doc::DateSource::MetaTag);

    /// Where an article's ledger date comes from.
    pub fn of(meta: &crate::doc::Meta) -> DateFrom {
        match (meta.published, meta.updated) {
            (Some(_), _) => meta.published_from.map_or(DateFrom::META, DateFrom::Published),
            (None, Some(_)) => DateFrom::Updated,
            (None, None) => DateFrom::Ingest,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DateFrom::Published(source) => source.as_str(),
            DateFrom::Updated => "updated",
            DateFrom::Ingest => "ingest",
        }
    }

    pub fn parse(s: &str) -> DateFrom {
        match s {
            "ingest" => DateFrom::Ingest,
            "updated" => DateFrom::Updated,
            other => {
                crate::doc::DateSource::parse(other).map_or(DateFrom::META, DateFrom::Published)
            }
        }
    }
}

/// The article an appearance comes from, as the ledger sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleRef {
    /// The canonical URL, or a name for a file with none.
    pub url: String,
    pub outlet: Option<String>,
    /// ISO 8601, as the record writes it.
    pub published: Option<String>,
    pub date_from: DateFrom,
    /// The version of the article at that URL (1 for the first).
    pub version: u32,
    /// The URL of the article this one republishes, for a wire copy.
    pub copy_of: Option<String>,
    /// The news agency whose story it carries, as its byline or dateline
    /// credits it (the outlet registry's name): it counts as that agency's
    /// report, once however many outlets carry it.
    pub wire: Option<String>,
}

/// One report of a claim in one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Appearance {
    pub article: ArticleRef,
    /// The claim's position among its article's claims.
    pub index: usize,
    /// Where the claim is in its article, in a form that does not move
    /// when an engine finds claims before it or loses them: its byte
    /// span in the text (`12-80`), or `review-K` for the article's K-th
    /// fact-check. `None` for appearances filed before anchors existed.
    pub anchor: Option<String>,
    /// The claim as worded in the article.
    pub text: String,
    /// The sentence that states it.
    pub sentence: String,
    /// Origin first, as in the article record.
    pub chain: Vec<String>,
    pub status: String,
    /// (actor, stance) pairs.
    pub stances: Vec<(String, String)>,
    /// Entities named inside the claim.
    pub entities: Vec<String>,
    pub signature: Signature,
    /// For a fact-check (schema.org `ClaimReview`): the verdict. Such an
    /// appearance joins its cluster like any other, and the cluster lists
    /// it among its verdicts.
    pub verdict: Option<crate::record::ledger::Verdict>,
}

impl Appearance {
    /// A stable key for the appearance within the ledger: its article's
    /// URL and version, and its position there.
    ///
    /// The position is the anchor when there is one, so that the key (and
    /// the id of a cluster this appearance is the first of) holds when the
    /// article is analysed again by an engine that finds other claims
    /// around it.
    pub fn key(&self) -> String {
        match &self.anchor {
            Some(anchor) => format!("{}#v{}#@{anchor}", self.article.url, self.article.version),
            None => format!("{}#v{}#{}", self.article.url, self.article.version, self.index),
        }
    }

    /// The order appearances are told in: by date (UTC), then URL, then
    /// position. An appearance dated only by ingest comes after dated ones
    /// on the same day.
    pub fn order_key(&self) -> OrderKey {
        let date = self.article.published.as_deref().map(instant).unwrap_or_default();
        (
            date,
            (self.article.date_from == DateFrom::Ingest) as u8,
            self.article.url.clone(),
            self.article.version,
            self.index,
        )
    }
}

/// Where an appearance comes in the order appearances are told in
/// ([`Appearance::order_key`]): its date as an instant, whether it is
/// dated by ingest only, URL, version, position.
pub type OrderKey = (String, u8, String, u32, usize);

/// `published` as a UTC date-time that sorts as text.
pub fn instant(published: &str) -> String {
    let utc = match Stamp::parse_iso(published) {
        Some(Stamp::Date(d)) => d.and_time(chrono::NaiveTime::MIN),
        Some(Stamp::DateTime(dt, offset)) => match offset {
            Some(o) => dt - chrono::Duration::seconds(i64::from(o.local_minus_utc())),
            None => dt,
        },
        None => return published.to_string(),
    };
    // Years of four digits written directly, as `%Y` writes them (it adds
    // a sign outside them; `%S` writes a leap second as 60): chrono's
    // formatter reads its pattern on every call.
    match (0..=9999).contains(&utc.year()) && utc.nanosecond() < 1_000_000_000 {
        true => format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            utc.year(),
            utc.month(),
            utc.day(),
            utc.hour(),
            utc.minute(),
            utc.second()
        ),
        false => utc.format("%Y-%m-%dT%H:%M:%S").to_string(),
    }
}

/// The status a fact-check rating gives a claim (`data/ledger/ratings.tsv`).
pub fn rating_status(rating: &str) -> &'static str {
    static RATINGS: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
        std::sync::LazyLock::new(|| {
            include_str!("../../data/ledger/ratings.tsv")
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t'))
                .map(|(r, s)| (r.trim(), s.trim()))
                .collect()
        });
    let lower = rating.trim().to_lowercase();
    RATINGS.iter().find(|(r, _)| lower == *r || lower.starts_with(&format!("{r} "))).map_or(
        "unverified",
        |(_, s)| match *s {
            "disputed" => "disputed",
            "confirmed" => "confirmed",
            _ => "unverified",
        },
    )
}

/// The appearances of every claim in an analysed document, then one for
/// each fact-check the page publishes.
pub fn appearances(doc: &Document, article: &ArticleRef) -> Vec<Appearance> {
    let mut out = claim_appearances(doc, article);
    let first = out.len();
    for (k, review) in doc.meta.reviews.iter().enumerate() {
        let rating = review.rating.clone().unwrap_or_default();
        let status = rating_status(&rating).to_string();
        let reviewer =
            review.reviewer.clone().or_else(|| article.outlet.clone()).unwrap_or_default();
        let stance = match status.as_str() {
            "disputed" => Some("denies"),
            "confirmed" => Some("confirms"),
            _ => None,
        };
        out.push(Appearance {
            article: article.clone(),
            index: first + k,
            anchor: Some(format!("review-{k}")),
            text: review.claim.clone(),
            sentence: review.claim.clone(),
            chain: Vec::new(),
            status,
            stances: stance.map(|s| (reviewer.clone(), s.to_string())).into_iter().collect(),
            entities: Vec::new(),
            signature: Signature::of(&review.claim, &[]),
            verdict: Some(crate::record::ledger::Verdict {
                reviewer,
                rating,
                url: review.url.clone().unwrap_or_else(|| article.url.clone()),
                date: review.date.clone().or_else(|| article.published.clone()),
            }),
        });
    }
    out
}

fn claim_appearances(doc: &Document, article: &ArticleRef) -> Vec<Appearance> {
    // The mentions of each sentence, in one pass (sentences are in order).
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
    for (k, m) in doc.mentions.iter().enumerate() {
        let s = doc.sentences.partition_point(|s| s.span.end() < m.span.end());
        if doc.sentences.get(s).is_some_and(|s| s.span.contains(m.span)) {
            by_sentence[s].push(k);
        }
    }
    // "the Queen" for "Queen Elizabeth II", named anywhere in the article:
    // the one-word title an entity was given, as a definite description.
    let titled: Vec<(String, &str)> = doc
        .entities
        .iter()
        .filter_map(|e| {
            let title = e.description.as_deref().filter(|d| !d.contains(' '))?;
            Some((format!("the {title}"), e.name.as_str()))
        })
        .collect();
    let mut anchors: HashSet<String> = HashSet::new();
    doc.claims
        .iter()
        .enumerate()
        .map(|(index, claim)| {
            // Two claims over the same words (rare) tell apart by position.
            let mut anchor = format!("{}-{}", claim.span.start(), claim.span.end());
            if !anchors.insert(anchor.clone()) {
                anchor = format!("{anchor}~{index}");
            }
            let sentence = doc.sentences.get(claim.sentence);
            let sentence_text = sentence.map(|s| doc.slice(s.span).to_string()).unwrap_or_default();
            // Entities of the sentence (in order of first mention) that the
            // claim itself names: a mention inside its words, or its name
            // written in them.
            let mentions = by_sentence.get(claim.sentence).map_or(&[][..], Vec::as_slice);
            let mut inside: Vec<String> = Vec::new();
            let mut seen: Vec<usize> = Vec::new();
            for &k in mentions {
                let entity = doc.mentions[k].entity;
                let Some(e) = doc.entities.get(entity) else { continue };
                if seen.contains(&entity) {
                    continue;
                }
                seen.push(entity);
                let mentioned = mentions.iter().any(|&j| {
                    doc.mentions[j].entity == entity && claim.span.contains(doc.mentions[j].span)
                });
                if (mentioned || claim.text.contains(e.name.as_str())) && !inside.contains(&e.name)
                {
                    inside.push(e.name.clone());
                }
            }
            for (title, name) in &titled {
                if claim.text.contains(title.as_str()) && !inside.iter().any(|n| n == name) {
                    inside.push(name.to_string());
                }
            }
            // "involvement in the attack" that Hamas denied is Hamas's: the
            // claim is about the entity the denier names.
            for denier in crate::claims::denied_by(claim) {
                for &k in mentions {
                    let Some(e) = doc.entities.get(doc.mentions[k].entity) else { continue };
                    let named = names_word(denier, doc.slice(doc.mentions[k].span));
                    if named && !inside.contains(&e.name) {
                        inside.push(e.name.clone());
                    }
                }
            }
            Appearance {
                article: article.clone(),
                index,
                anchor: Some(anchor),
                text: claim.text.clone(),
                sentence: sentence_text,
                chain: claim.chain.iter().map(|s| s.text.clone()).collect(),
                status: claim.status.as_str().to_string(),
                stances: claim
                    .stances
                    .iter()
                    .map(|s| (s.actor.clone(), s.kind.as_str().to_string()))
                    .collect(),
                signature: claim_signature(doc, claim, &inside),
                entities: inside,
                verdict: None,
            }
        })
        .collect()
}

/// Whether `name` stands in `phrase` as whole words ("Iran" in "Iran's
/// foreign ministry", not in "Iranians").
fn names_word(phrase: &str, name: &str) -> bool {
    !name.is_empty()
        && phrase.match_indices(name).any(|(at, _)| {
            let before = phrase.get(..at).and_then(|b| b.chars().next_back());
            let after = phrase.get(at + name.len()..).and_then(|a| a.chars().next());
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// The signature of `claim` naming `entities`, its nouns as the tagger
/// tagged its sentence (the claim alone where the sentence is untagged),
/// dated by the days resolved inside it ([`Signature::dated`]).
fn claim_signature(doc: &Document, claim: &crate::doc::Claim, entities: &[String]) -> Signature {
    // A day, or the day of a time of day ("2019-07-24TNI" of "Wednesday
    // night", "2019-08-02T17:00" of "5 p.m. Friday").
    // (As the times stage reads its own values back: `times::remember`.)
    let days = doc.times.iter().filter(|t| claim.span.contains(t.span)).filter_map(|t| {
        let day = t.value.split('T').next()?;
        chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok().then_some(day)
    });
    undated_signature(doc, claim, entities).dated(days)
}

fn undated_signature(doc: &Document, claim: &crate::doc::Claim, entities: &[String]) -> Signature {
    let Some(sentence) = doc.sentences.get(claim.sentence) else {
        return Signature::of(&claim.text, entities);
    };
    let tokens = &doc.tokens[sentence.tokens.clone()];
    let inside = |t: &&crate::doc::Token| claim.span.contains(t.span);
    let tagged: Option<Vec<(&str, Upos)>> =
        tokens.iter().filter(inside).map(|t| Some((doc.slice(t.span), t.tag?))).collect();
    match tagged {
        Some(tagged) if !tagged.is_empty() => {
            let after =
                tokens.iter().find(|t| t.span.start() >= claim.span.end()).and_then(|t| t.tag);
            Signature::of_tagged(&claim.text, entities, &tagged, after)
        }
        _ => Signature::of(&claim.text, entities),
    }
}

/// Connected components of `links` over `n` items, each sorted, listed by
/// their first item: a union-find with path halving.
pub fn components(n: usize, links: impl IntoIterator<Item = (usize, usize)>) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (a, b) in links {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..n {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    groups.into_values().collect()
}

/// Clusters `appearances` by [`same_claim`] over every pair that shares a
/// MinHash band ([`Signature::bands`]): the reference the store's
/// incremental clustering must agree with, and what tests and small
/// ledgers use.
pub fn cluster(appearances: &[Appearance]) -> Vec<Vec<usize>> {
    let signatures: Vec<&Signature> = appearances.iter().map(|a| &a.signature).collect();
    cluster_signatures(&signatures)
}

/// [`cluster`] over the appearances' signatures alone.
pub fn cluster_signatures(signatures: &[&Signature]) -> Vec<Vec<usize>> {
    let mut index: std::collections::HashMap<i64, Vec<usize>> = Default::default();
    let mut links = Vec::new();
    // Each compared with many: its stems' keys computed once.
    let keyed: Vec<Keyed> = signatures.iter().map(|s| Keyed::new(s)).collect();
    for (i, a) in signatures.iter().enumerate() {
        let mut seen = std::collections::HashSet::new();
        for key in a.bands() {
            let postings = index.entry(key).or_default();
            for &j in postings.iter() {
                if seen.insert(j) && same_claim(&keyed[i], &keyed[j]).is_some() {
                    links.push((j, i));
                }
            }
            postings.push(i);
        }
    }
    components(signatures.len(), links)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `instant` as chrono's formatter writes it.
    fn formatted(published: &str) -> String {
        match Stamp::parse_iso(published) {
            Some(Stamp::Date(d)) => format!("{}T00:00:00", d.format("%Y-%m-%d")),
            Some(Stamp::DateTime(dt, offset)) => {
                let utc = dt
                    - chrono::Duration::seconds(
                        offset.map_or(0, |o| i64::from(o.local_minus_utc())),
                    );
                utc.format("%Y-%m-%dT%H:%M:%S").to_string()
            }
            None => published.to_string(),
        }
    }

    proptest! {
        #[test]
        fn instants_are_written_as_chrono_writes_them(
            year in prop_oneof![0i32..=9999, -300i32..=0, 9990i32..=10500],
            month in 1u32..=12,
            day in 1u32..=28,
            (hour, minute, second) in (0u32..24, 0u32..60, 0u32..61),
            offset in -14i32 * 60..=14 * 60,
            form in 0usize..4,
        ) {
            let date = format!("{year:04}-{month:02}-{day:02}");
            let sign = if offset < 0 { '-' } else { '+' };
            let zone = format!("{sign}{:02}:{:02}", offset.abs() / 60, offset.abs() % 60);
            let text = match form {
                0 => date,
                1 => format!("{date}T{hour:02}:{minute:02}:{second:02}Z"),
                2 => format!("{date}T{hour:02}:{minute:02}:{second:02}{zone}"),
                _ => format!("{date} {hour:02}:{minute:02}"),
            };
            prop_assert_eq!(instant(&text), formatted(&text), "{}", text);
        }
    }

    #[test]
    fn leap_seconds_and_far_years_are_written_as_chrono_writes_them() {
        for text in
            ["2016-12-31T23:59:60Z", "2016-12-31T23:59:60+01:00", "12019-01-01", "2019-05-01"]
        {
            assert_eq!(instant(text), formatted(text), "{text}");
        }
        assert_eq!(instant("2019-05-01T10:00:00+02:00"), "2019-05-01T08:00:00");
    }

    #[test]
    fn a_name_stands_in_a_phrase_as_whole_words() {
        assert!(names_word("Iran's foreign ministry", "Iran"));
        assert!(names_word("the United States", "United States"));
        assert!(!names_word("Iranians", "Iran"));
        assert!(!names_word("Romania", "Oman"));
        assert!(!names_word("Iran", ""));
    }

    #[test]
    fn a_signature_is_encoded_as_its_keys_joined() {
        let sig = signature::Signature::of(
            "Officials did not say whether 137 people were killed in 2024",
            &["Moscow".to_string()],
        );
        // The index keys, then its nouns ("s:" a subject, "o:" another).
        let parts = |sig: &signature::Signature| -> Vec<String> {
            let mut parts = sig.keys();
            for noun in &sig.nouns {
                let kind = if sig.subjects.contains(noun) { 's' } else { 'o' };
                parts.push(format!("{kind}:{noun}"));
            }
            parts
        };
        assert!(!sig.nouns.is_empty(), "{sig:?}");
        assert_eq!(sig.encode(), format!("!\t{}", parts(&sig).join("\t")));
        assert_eq!(signature::Signature::decode(&sig.encode()), sig);
        let plain = signature::Signature::of("Rain fell", &[]);
        assert_eq!(plain.encode(), parts(&plain).join("\t"));
        assert_eq!(signature::Signature::default().encode(), "");
    }
}
