//! A cluster's appearances to its ledger record: status over time, first
//! seen, origin, outlets, propagation and stances.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::hash::fnv1a;
use super::{same_claim, Keyed};
use super::{Appearance, DateFrom, OrderKey};
use crate::record::ledger::{
    AppearanceStance, Edge, FirstSeen, LedgerAppearance, LedgerClaim, LedgerStance, SameAs,
    TimelineEntry,
};
use crate::record::{Record, RecordCue};

/// The id of a cluster: a hash of its first appearance's key, so that the
/// same set of articles always gives the same ids.
pub fn cluster_id(members: &[&Appearance]) -> String {
    let first = members.iter().min_by_key(|a| a.order_key()).map(|a| a.key()).unwrap_or_default();
    id_of_key(&first)
}

/// The id of a cluster whose first appearance has `key`
/// ([`Appearance::key`]).
pub(super) fn id_of_key(key: &str) -> String {
    format!("c-{:016x}", fnv1a(key.as_bytes()))
}

/// Where the words are that decided an appearance's status and stances:
/// its article's record, which the store keeps.
pub trait Evidence {
    /// The cue of the appearance's status, and the sentence it is in.
    fn status_cue(&self, a: &Appearance) -> Option<(RecordCue, String)>;
    /// The cue of one of its stances, and the sentence it is in.
    fn stance_cue(&self, a: &Appearance, actor: &str, stance: &str) -> Option<(RecordCue, String)>;
    /// Whether each appearance should say why it is the same claim as
    /// another (`same_as`; read from their signatures).
    fn reasons(&self) -> bool {
        true
    }
}

/// No evidence beyond the appearances' sentences.
struct NoEvidence;

impl Evidence for NoEvidence {
    fn status_cue(&self, _: &Appearance) -> Option<(RecordCue, String)> {
        None
    }
    fn stance_cue(&self, _: &Appearance, _: &str, _: &str) -> Option<(RecordCue, String)> {
        None
    }
    fn reasons(&self) -> bool {
        false
    }
}

/// The cues of a record's claim `index` ([`Appearance::index`]): what an
/// [`Evidence`] reads from a stored article record.
pub fn record_status_cue(record: &Record, index: usize) -> Option<(RecordCue, String)> {
    let cue = record.claims.get(index)?.status_cue.clone()?;
    let sentence = record.text.get(cue.sentence[0]..cue.sentence[1])?.to_string();
    Some((cue, sentence))
}

/// The cue of a stance of a record's claim `index`.
pub fn record_stance_cue(
    record: &Record,
    index: usize,
    actor: &str,
    stance: &str,
) -> Option<(RecordCue, String)> {
    let s = record
        .claims
        .get(index)?
        .stances
        .iter()
        .find(|s| s.actor == actor && s.stance == stance)?;
    let cue = s.cue.clone()?;
    let sentence = record.text.get(cue.sentence[0]..cue.sentence[1])?.to_string();
    Some((cue, sentence))
}

/// The ledger record of one cluster (`spec/ledger-json.md`).
pub fn view(id: &str, members: &[&Appearance]) -> LedgerClaim {
    view_with_evidence(id, members, &NoEvidence)
}

/// [`view`], each timeline entry and stance with the words that moved or
/// show it, and the sentence they are in, as `evidence` finds them.
pub fn view_with_evidence(
    id: &str,
    members: &[&Appearance],
    evidence: &dyn Evidence,
) -> LedgerClaim {
    // Each member's order key, made once: sorting and the first seen both
    // read it (a story's biggest claims have a hundred thousand members).
    let mut keyed: Vec<_> = members.iter().map(|a| (a.order_key(), *a)).collect();
    keyed.sort_by(|x, y| x.0.cmp(&y.0));
    let all: Vec<&Appearance> = keyed.iter().map(|(_, a)| *a).collect();
    // Fact-checks move the status and are listed as verdicts; the rest are
    // the claim's appearances.
    let sorted: Vec<&(_, &Appearance)> =
        keyed.iter().filter(|(_, a)| a.verdict.is_none()).collect();
    let Some(first) = sorted.first().map(|(_, a)| *a).or(all.first().copied()) else {
        return LedgerClaim { id: id.to_string(), ..LedgerClaim::default() };
    };
    let seen = first_seen(&sorted).unwrap_or(first);
    let sorted: Vec<&Appearance> = sorted.iter().map(|(_, a)| *a).collect();

    let mut timeline: Vec<TimelineEntry> = Vec::new();
    for a in &all {
        let current = timeline.last().map(|e| e.status.as_str());
        let verdict_moves = a.verdict.is_some() && current != Some(a.status.as_str());
        if verdict_moves || moves(current, &a.status) {
            let found = evidence.status_cue(a);
            timeline.push(TimelineEntry {
                date: a.article.published.clone(),
                status: a.status.clone(),
                url: a.article.url.clone(),
                evidence: Some(found.as_ref().map_or_else(|| a.sentence.clone(), |f| f.1.clone())),
                cue: found.map(|f| f.0),
            });
        }
    }
    let status = timeline.last().map_or_else(|| first.status.clone(), |e| e.status.clone());

    let mut stances: Vec<LedgerStance> = Vec::new();
    let mut said: HashSet<(&str, &str)> = HashSet::new();
    for a in &all {
        for (actor, stance) in &a.stances {
            if said.insert((actor, stance)) {
                let found = evidence.stance_cue(a, actor, stance);
                stances.push(LedgerStance {
                    actor: actor.clone(),
                    stance: stance.clone(),
                    url: a.article.url.clone(),
                    evidence: found.as_ref().map_or_else(|| a.sentence.clone(), |f| f.1.clone()),
                    cue: found.map(|f| f.0),
                });
            }
        }
    }

    let mut propagation: Vec<Edge> = Vec::new();
    let mut linked: HashSet<(String, String)> = HashSet::new();
    for a in &sorted {
        let mut hops: Vec<&str> = a.chain.iter().map(String::as_str).collect();
        let outlet = outlet_of(a);
        // A wire story reached the outlet through the agency.
        if let Some(wire) = a.article.wire.as_deref() {
            if hops.last() != Some(&wire) {
                hops.push(wire);
            }
        }
        if !hops.is_empty() && hops.last() != Some(&outlet.as_str()) {
            hops.push(&outlet);
        }
        for pair in hops.windows(2) {
            if linked.insert((pair[0].to_string(), pair[1].to_string())) {
                propagation.push(Edge { from: pair[0].to_string(), to: pair[1].to_string() });
            }
        }
    }

    let outlets: BTreeSet<String> =
        sorted.iter().filter(|a| a.article.copy_of.is_none()).map(|a| reporter_of(a)).collect();
    let mut entities: Vec<String> = Vec::new();
    let mut named: HashSet<&str> = HashSet::new();
    for a in &sorted {
        for e in &a.entities {
            if named.insert(e) {
                entities.push(e.clone());
            }
        }
    }
    let entities = merge_names(entities);

    LedgerClaim {
        id: id.to_string(),
        text: seen.text.clone(),
        status,
        origin: seen.chain.first().cloned(),
        first_seen: Some(FirstSeen {
            url: seen.article.url.clone(),
            outlet: seen.article.outlet.clone(),
            published: seen.article.published.clone(),
            date_from: seen.article.date_from.as_str().to_string(),
        }),
        outlets: outlets.len(),
        appearances: {
            let mut listed: Vec<LedgerAppearance> = sorted.iter().map(|a| appearance(a)).collect();
            if evidence.reasons() {
                for (k, same_as) in same_as(&sorted).into_iter().enumerate() {
                    listed[k].same_as = same_as;
                }
            }
            listed
        },
        timeline,
        propagation,
        stances,
        verdicts: all.iter().filter_map(|a| a.verdict.clone()).collect(),
        corrections: Vec::new(),
        superseded_by: None,
        entities,
    }
}

/// Appearances given a reason: the first of a big cluster's.
const REASONED: usize = 500;
/// Appearances each is compared with to find its reason.
const COMPARED: usize = 200;

/// For each appearance (in order), the one it was judged the same claim
/// as, with what they share: the earlier appearance it matches best (the
/// wording most in common), else a later one. `None` where the
/// appearances carry no signature (plain views) or none matches (a
/// reviewer merged them).
fn same_as(sorted: &[&Appearance]) -> Vec<Option<SameAs>> {
    fn signed(a: &Appearance) -> bool {
        !a.signature.stems.is_empty()
    }
    // Each compared with up to 2 * COMPARED others: its stems' keys
    // computed once.
    let keyed: Vec<Keyed> =
        sorted.iter().take(REASONED + COMPARED).map(|a| Keyed::new(&a.signature)).collect();
    // The candidate `k` shares the most wording with, among those that
    // are the same claim.
    let best = |k: usize, candidates: &mut dyn Iterator<Item = usize>| {
        candidates
            .filter(|&j| signed(sorted[j]))
            .filter_map(|j| same_claim(&keyed[k], &keyed[j]).map(|why| (why, sorted[j])))
            .max_by(|x, y| x.0.wording.total_cmp(&y.0.wording))
    };
    let mut out = vec![None; sorted.len()];
    for (k, a) in sorted.iter().enumerate().take(REASONED) {
        if !signed(a) {
            continue;
        }
        // The nearest earlier ones first, then the next later ones.
        let found = best(k, &mut (0..k).rev().take(COMPARED))
            .or_else(|| best(k, &mut (k + 1..sorted.len()).take(COMPARED)));
        if let Some((why, b)) = found {
            out[k] = Some(SameAs {
                url: b.article.url.clone(),
                text: b.text.clone(),
                wording: (why.wording * 100.0).round() / 100.0,
                shared_entities: why.shared_entities,
                shared_numbers: why.shared_numbers,
            });
        }
    }
    out
}

/// One name for each entity the articles name differently: names whose
/// words end one another ("Peskov", "Dmitry Peskov", "Kremlin spokesman
/// Dmitry Peskov"), case aside, all become the shortest of them with two
/// words or more; first-use order is kept.
fn merge_names(names: Vec<String>) -> Vec<String> {
    let all: Vec<Vec<String>> =
        names.iter().map(|n| n.split_whitespace().map(str::to_lowercase).collect()).collect();
    // Names in a suffix relation share their last word: only those are
    // compared (a big story names thousands).
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut long: Vec<usize> = Vec::new();
    for (j, words) in all.iter().enumerate() {
        if let (true, Some(last)) = (words.len() >= 2, words.last()) {
            by_last.entry(last).or_default().push(j);
            long.push(j);
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut chosen_before: HashSet<String> = HashSet::new();
    for (i, name) in names.iter().enumerate() {
        let mine = &all[i];
        let candidates: &[usize] = match mine.last() {
            Some(last) => by_last.get(last.as_str()).map_or(&[], Vec::as_slice),
            // A name of no words is a suffix of every name.
            None => &long,
        };
        // Names in a suffix relation with this one; the shortest of them
        // with two words or more stands for all.
        let chosen = candidates
            .iter()
            .copied()
            .filter(|&j| all[j].ends_with(mine) || mine.ends_with(&all[j]))
            .min_by_key(|&j| (all[j].len(), j))
            .map_or_else(|| name.clone(), |j| names[j].clone());
        if chosen_before.insert(chosen.clone()) {
            out.push(chosen);
        }
    }
    out
}

/// The earliest appearance by a published date; one dated only by its
/// ingest never beats a published date.
/// `sorted` carries each appearance's order key, whose first part is its
/// published date as an instant.
fn first_seen<'a>(sorted: &[&(OrderKey, &'a Appearance)]) -> Option<&'a Appearance> {
    sorted
        .iter()
        .filter(|(_, a)| a.article.date_from != DateFrom::Ingest && a.article.published.is_some())
        .min_by(|x, y| x.0 .0.cmp(&y.0 .0))
        .or_else(|| sorted.first())
        .map(|(_, a)| *a)
}

/// Whether an appearance with status `new` moves a cluster whose status is
/// `current`: `disputed` and `confirmed` stick until a signal of the other
/// kind; among the other statuses the latest appearance wins.
pub(super) fn moves(current: Option<&str>, new: &str) -> bool {
    match current {
        None => true,
        Some(c) if c == new => false,
        Some("disputed") => new == "confirmed",
        Some("confirmed") => new == "disputed",
        Some(_) => true,
    }
}

/// The outlet an appearance counts for: its outlet, else its URL's host.
/// Who reported an appearance, as outlets are counted: the news agency
/// whose story its article carries, else its outlet.
pub(super) fn reporter_of(a: &Appearance) -> String {
    a.article.wire.clone().unwrap_or_else(|| outlet_of(a))
}

pub(super) fn outlet_of(a: &Appearance) -> String {
    match &a.article.outlet {
        Some(outlet) => outlet.clone(),
        None => host_of(&a.article.url),
    }
}

/// A URL's host without "www.".
pub fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest).trim_start_matches("www.").to_string()
}

fn appearance(a: &Appearance) -> LedgerAppearance {
    LedgerAppearance {
        url: a.article.url.clone(),
        outlet: a.article.outlet.clone(),
        published: a.article.published.clone(),
        text: a.text.clone(),
        sentence: a.sentence.clone(),
        chain: a.chain.clone(),
        status: a.status.clone(),
        stances: a
            .stances
            .iter()
            .map(|(actor, stance)| AppearanceStance {
                actor: actor.clone(),
                stance: stance.clone(),
            })
            .collect(),
        copy_of: a.article.copy_of.clone(),
        wire: a.article.wire.clone(),
        version: a.article.version,
        date_from: a.article.date_from.as_str().to_string(),
        same_as: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use super::*;

    fn appearance(url: &str, date: &str, text: &str, status: &str, chain: &[&str]) -> Appearance {
        Appearance {
            article: ArticleRef {
                url: url.to_string(),
                outlet: None,
                published: Some(date.to_string()),
                date_from: DateFrom::META,
                version: 1,
                copy_of: None,
                wire: None,
            },
            index: 0,
            anchor: None,
            text: text.to_string(),
            sentence: format!("{text}."),
            chain: chain.iter().map(|s| s.to_string()).collect(),
            status: status.to_string(),
            stances: Vec::new(),
            entities: Vec::new(),
            signature: Signature::of(text, &[]),
            verdict: None,
        }
    }

    /// Evidence views say why each appearance is the same claim as
    /// another: the one it shares the most wording with, and what else.
    #[test]
    fn an_evidence_view_says_why_appearances_are_one_claim() {
        struct Cues;
        impl Evidence for Cues {
            fn status_cue(&self, _: &Appearance) -> Option<(RecordCue, String)> {
                None
            }
            fn stance_cue(&self, _: &Appearance, _: &str, _: &str) -> Option<(RecordCue, String)> {
                None
            }
        }
        let mut a = appearance(
            "https://a.example/1",
            "2024-03-22",
            "Moscow blamed Kyiv for the attack on the hall",
            "reported",
            &[],
        );
        let mut b = appearance(
            "https://b.example/2",
            "2024-03-23",
            "Moscow blamed Kyiv for the deadly attack on the concert hall",
            "reported",
            &[],
        );
        for x in [&mut a, &mut b] {
            x.signature = Signature::of(&x.text, &["Moscow".to_string(), "Kyiv".to_string()]);
        }
        let c = view_with_evidence("c-1", &[&b, &a], &Cues);
        let second = c.appearances[1].same_as.as_ref().expect("a reason");
        assert_eq!(second.url, "https://a.example/1");
        assert!(second.wording > 0.4 && second.wording <= 1.0, "{second:?}");
        assert_eq!(second.shared_entities, ["kyiv", "moscow"]);
        // The first names the next; plain views say nothing.
        assert_eq!(c.appearances[0].same_as.as_ref().unwrap().url, "https://b.example/2");
        assert!(view("c-1", &[&a, &b]).appearances.iter().all(|x| x.same_as.is_none()));
    }

    #[test]
    fn status_over_time_sticks_when_disputed() {
        let a = appearance(
            "https://a.example/1",
            "2024-03-22T21:10Z",
            "Ukraine was involved in the attack",
            "reported",
            &["Russian officials"],
        );
        let b = appearance(
            "https://b.example/2",
            "2024-03-23",
            "Ukraine was involved in the attack",
            "disputed",
            &["Moscow"],
        );
        let c = appearance(
            "https://c.example/3",
            "2024-03-24",
            "Ukraine was involved in the attack",
            "reported",
            &["TASS"],
        );
        let d = appearance(
            "https://d.example/4",
            "2024-03-25",
            "Ukraine was involved in the attack",
            "confirmed",
            &[],
        );
        // Any order of the same members gives the same view.
        let orders: [[&Appearance; 4]; 3] = [[&a, &b, &c, &d], [&d, &c, &b, &a], [&c, &a, &d, &b]];
        let views: Vec<LedgerClaim> = orders.iter().map(|m| view(&cluster_id(m), m)).collect();
        assert!(views.windows(2).all(|w| w[0] == w[1]));
        let v = &views[0];
        let statuses: Vec<&str> = v.timeline.iter().map(|e| e.status.as_str()).collect();
        assert_eq!(
            statuses,
            ["reported", "disputed", "confirmed"],
            "a repeat does not undo disputed"
        );
        assert_eq!(v.status, "confirmed");
        assert_eq!(v.origin.as_deref(), Some("Russian officials"));
        assert_eq!(v.first_seen.as_ref().unwrap().url, "https://a.example/1");
        assert_eq!(v.outlets, 4);
        assert_eq!(
            v.propagation[0],
            Edge { from: "Russian officials".into(), to: "a.example".into() }
        );
    }

    #[test]
    fn a_verdict_decides_the_status_and_is_listed() {
        let a = appearance(
            "https://a.example/1",
            "2024-03-22",
            "the poster was made by the group",
            "confirmed",
            &["TASS"],
        );
        let mut check = appearance(
            "https://check.example/9",
            "2024-03-24",
            "the poster was made by the group",
            "disputed",
            &[],
        );
        check.verdict = Some(crate::record::ledger::Verdict {
            reviewer: "Check".into(),
            rating: "False".into(),
            url: "https://check.example/9".into(),
            date: Some("2024-03-24".into()),
        });
        let v = view("c", &[&check, &a]);
        assert_eq!(v.status, "disputed", "the verdict overrides a confirmed status");
        assert_eq!(v.appearances.len(), 1);
        assert_eq!(v.verdicts.len(), 1);
        assert_eq!(v.verdicts[0].rating, "False");
        assert_eq!(v.first_seen.unwrap().url, "https://a.example/1");
        assert_eq!(v.outlets, 1);
        assert_eq!(crate::ledger::rating_status("Mostly False"), "disputed");
        assert_eq!(crate::ledger::rating_status("TRUE"), "confirmed");
        assert_eq!(crate::ledger::rating_status("Half true"), "unverified");
    }

    #[test]
    fn one_name_for_each_entity() {
        let names = |v: &[&str]| merge_names(v.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            names(&["Peskov", "Kremlin", "Dmitry Peskov", "Kremlin spokesman Dmitry Peskov"]),
            ["Dmitry Peskov", "Kremlin"]
        );
        assert_eq!(names(&["Kyiv", "Moscow"]), ["Kyiv", "Moscow"]);
        assert_eq!(names(&["United States", "States"]), ["United States"]);
    }

    #[test]
    fn ingest_dates_never_beat_published_ones() {
        let mut early = appearance(
            "https://x.example/1",
            "2024-03-20",
            "the bridge will close on Monday",
            "asserted",
            &[],
        );
        early.article.date_from = DateFrom::Ingest;
        let late = appearance(
            "https://y.example/2",
            "2024-03-22",
            "the bridge will close on Monday",
            "asserted",
            &[],
        );
        let v = view("c", &[&early, &late]);
        assert_eq!(v.first_seen.unwrap().url, "https://y.example/2");
    }

    #[test]
    fn clusters_do_not_depend_on_order() {
        let texts = [
            "at least 137 people were killed in the attack on the concert hall",
            "the attack on the concert hall killed at least 137 people",
            "at least 133 people were killed in the attack on the concert hall",
            "the bridge will close on Monday for repairs",
            "the bridge closes on Monday for repairs, the council said",
        ];
        let all: Vec<Appearance> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                appearance(&format!("https://n.example/{i}"), "2024-03-22", t, "asserted", &[])
            })
            .collect();
        let keyed = |order: &[usize]| {
            let list: Vec<Appearance> = order.iter().map(|&i| all[i].clone()).collect();
            let mut groups: Vec<Vec<String>> = cluster(&list)
                .into_iter()
                .map(|g| {
                    let mut urls: Vec<String> =
                        g.iter().map(|&i| list[i].article.url.clone()).collect();
                    urls.sort();
                    urls
                })
                .collect();
            groups.sort();
            groups
        };
        let reference = keyed(&[0, 1, 2, 3, 4]);
        assert_eq!(reference.len(), 3, "{reference:?}");
        assert_eq!(keyed(&[4, 3, 2, 1, 0]), reference);
        assert_eq!(keyed(&[2, 0, 4, 1, 3]), reference);
    }
}
