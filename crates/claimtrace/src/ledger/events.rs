//! Events across articles: reports of the same event (same type, a
//! participant in common, dates and places that agree) are one ledger
//! event with every report. Pure: the store hands in the reports, this
//! groups them.

use std::collections::HashMap;

use super::hash::fnv1a;
use crate::record::ledger::{EventReport, LedgerEvent};
use crate::record::RecordEvent;

/// One article's event, with where it was reported.
#[derive(Clone, Debug)]
pub struct Reported {
    pub event: RecordEvent,
    pub report: EventReport,
}

/// A participant's name as compared: lower case, no leading article.
fn key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = lower.strip_prefix(article) {
            return rest.to_string();
        }
    }
    lower
}

/// Whether two dates can be of one event: either is missing, or one is a
/// prefix of the other ("2024-03" and "2024-03-22").
fn dates_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.starts_with(b) || b.starts_with(a),
        _ => true,
    }
}

/// Whether two reports' places can be one: either is missing, both are on
/// the map at one GeoNames id (whatever the names: "Kiev" and "Kyiv"), or,
/// where either has no id, the same name and no two countries.
fn places_agree(a: &RecordEvent, b: &RecordEvent) -> bool {
    let (Some(la), Some(lb)) = (&a.location, &b.location) else { return true };
    let id = |e: &RecordEvent| e.geo.as_ref().and_then(|g| g.geonames_id);
    let country = |e: &RecordEvent| e.geo.as_ref().and_then(|g| g.country.clone());
    match (id(a), id(b)) {
        (Some(x), Some(y)) => x == y,
        _ => {
            key(la) == key(lb)
                && match (country(a), country(b)) {
                    (Some(x), Some(y)) => x == y,
                    _ => true,
                }
        }
    }
}

/// Whether two reports tell one event: the same type, dates and places
/// that agree, and a target in common, or an actor in common with no
/// target that differs ("the U.S. accused Iran" and "the U.S. accused
/// Mahan Air" are two accusations).
fn agree(a: &RecordEvent, b: &RecordEvent) -> bool {
    let keys = |names: &[String]| names.iter().map(|n| key(n)).collect::<Vec<_>>();
    let (at, bt) = (keys(&a.targets), keys(&b.targets));
    let shared_target = at.iter().any(|t| bt.contains(t));
    let shared_actor = keys(&a.actors).iter().any(|x| keys(&b.actors).contains(x));
    a.kind == b.kind
        && dates_agree(a.time.as_deref(), b.time.as_deref())
        && places_agree(a, b)
        && (shared_target || (shared_actor && (at.is_empty() || bt.is_empty())))
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Groups reports into ledger events, oldest report first in each and the
/// events ordered by their first report. Reports are linked when they
/// share a participant and `agree`; candidates come from an index by type
/// and participant, so the work grows with the reports that share a name,
/// not with all pairs.
pub fn group(mut reports: Vec<Reported>) -> Vec<LedgerEvent> {
    reports.sort_by(|a, b| {
        (a.report.date.as_deref(), &a.report.url).cmp(&(b.report.date.as_deref(), &b.report.url))
    });
    let mut parent: Vec<usize> = (0..reports.len()).collect();
    let mut index: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (k, r) in reports.iter().enumerate() {
        let names = r.event.actors.iter().chain(&r.event.targets).map(|n| key(n));
        for name in names {
            let bucket = index.entry((r.event.kind.clone(), name)).or_default();
            for &other in bucket.iter() {
                if agree(&reports[other].event, &r.event) {
                    let (a, b) = (find(&mut parent, other), find(&mut parent, k));
                    if a != b {
                        parent[b.max(a)] = a.min(b);
                    }
                }
            }
            bucket.push(k);
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for k in 0..reports.len() {
        let root = find(&mut parent, k);
        let g = *slot.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(k);
    }
    groups.into_iter().map(|members| event_of(&reports, &members)).collect()
}

/// Names by how many reports give them, then by first use.
fn ranked<'a>(names: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut counts: Vec<(String, String, usize)> = Vec::new();
    for name in names {
        let k = key(name);
        match counts.iter_mut().find(|(key, _, _)| *key == k) {
            Some(entry) => entry.2 += 1,
            None => counts.push((k, name.clone(), 1)),
        }
    }
    // Stable: equal counts keep the order of first use.
    counts.sort_by_key(|c| std::cmp::Reverse(c.2));
    counts.into_iter().map(|(_, name, _)| name).collect()
}

fn most_common<'a>(values: impl Iterator<Item = &'a String>) -> Option<String> {
    ranked(values).into_iter().next()
}

/// The status of an event told by several reports (see `LedgerEvent`).
fn status_of(statuses: &[&str]) -> String {
    for wins in ["disputed", "confirmed", "asserted"] {
        if statuses.contains(&wins) {
            return wins.to_string();
        }
    }
    for next in ["unverified", "hedged", "reported"] {
        if statuses.contains(&next) {
            return next.to_string();
        }
    }
    "asserted".to_string()
}

fn event_of(reports: &[Reported], members: &[usize]) -> LedgerEvent {
    let all: Vec<&Reported> = members.iter().map(|&k| &reports[k]).collect();
    let first = all[0];
    let statuses: Vec<&str> = all.iter().map(|r| r.report.status.as_str()).collect();
    let seed = format!(
        "{}\u{1f}{}\u{1f}{}",
        first.event.kind,
        first.report.url,
        first.report.trigger.as_deref().unwrap_or("")
    );
    let location = most_common(all.iter().filter_map(|r| r.event.location.as_ref()));
    LedgerEvent {
        id: format!("ev-{:016x}", fnv1a(seed.as_bytes())),
        kind: first.event.kind.clone(),
        mode: all.iter().find_map(|r| r.event.mode.clone()),
        actors: ranked(all.iter().flat_map(|r| r.event.actors.iter())),
        targets: ranked(all.iter().flat_map(|r| r.event.targets.iter())),
        location: location.clone(),
        geo: all.iter().filter(|r| r.event.location == location).find_map(|r| r.event.geo.clone()),
        time: most_common(all.iter().filter_map(|r| r.event.time.as_ref())),
        status: status_of(&statuses),
        reports: all.iter().map(|r| r.report.clone()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reported(
        kind: &str,
        actors: &[&str],
        targets: &[&str],
        time: Option<&str>,
        url: &str,
        status: &str,
    ) -> Reported {
        Reported {
            event: RecordEvent {
                kind: kind.into(),
                mode: None,
                actors: actors.iter().map(|s| s.to_string()).collect(),
                targets: targets.iter().map(|s| s.to_string()).collect(),
                location: None,
                geo: None,
                time: time.map(str::to_string),
                status: Some(status.into()),
                claim: None,
                trigger: Some("attacked".into()),
                span: None,
                counts: Vec::new(),
            },
            report: EventReport {
                url: url.into(),
                outlet: None,
                date: Some("2024-03-23".into()),
                claim: None,
                status: status.into(),
                trigger: Some("attacked".into()),
            },
        }
    }

    #[test]
    fn reports_sharing_a_participant_and_a_date_are_one_event() {
        let events = group(vec![
            reported(
                "ASSAULT",
                &["IS-Khorasan"],
                &["Crocus City Hall"],
                Some("2024-03-22"),
                "a",
                "reported",
            ),
            reported("ASSAULT", &[], &["crocus city hall"], Some("2024-03"), "b", "asserted"),
            reported("ASSAULT", &["IS-Khorasan"], &["Kabul"], Some("2023-01-02"), "c", "asserted"),
            reported("THREATEN", &["IS-Khorasan"], &["Russia"], None, "d", "unverified"),
            reported("ACCUSE", &["United States"], &["Iran"], None, "e", "asserted"),
            reported("ACCUSE", &["United States"], &["Mahan Air"], None, "f", "asserted"),
        ]);
        assert_eq!(events.len(), 5, "{events:#?}");
        let crocus = &events[0];
        assert_eq!(crocus.reports.len(), 2);
        assert_eq!(crocus.status, "asserted");
        assert_eq!(crocus.targets, ["Crocus City Hall"]);
        assert!(crocus.id.starts_with("ev-"));
    }

    #[test]
    fn places_on_the_map_decide_whether_reports_agree() {
        let at = |url: &str, place: &str, country: &str, id: Option<u32>| {
            let mut r = reported("ASSAULT", &["Rebels"], &[], Some("2024-03-22"), url, "asserted");
            r.event.location = Some(place.into());
            r.event.geo = Some(crate::record::RecordGeo {
                country: Some(country.into()),
                geonames_id: id,
                ..Default::default()
            });
            r
        };
        // One city under two names: one event, with its place's geo.
        let events =
            group(vec![at("a", "Kiev", "UA", Some(703448)), at("b", "Kyiv", "UA", Some(703448))]);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].geo.as_ref().and_then(|g| g.geonames_id), Some(703448));
        // One name, two places: two events.
        let events = group(vec![
            at("a", "Paris", "FR", Some(2988507)),
            at("b", "Paris", "US", Some(4717560)),
        ]);
        assert_eq!(events.len(), 2, "{events:#?}");
        // A place known only by its country still parts from another country.
        let events =
            group(vec![at("a", "the market", "IQ", None), at("b", "the market", "SY", None)]);
        assert_eq!(events.len(), 2, "{events:#?}");
    }

    #[test]
    fn a_dispute_wins_over_any_assertion() {
        assert_eq!(status_of(&["asserted", "disputed", "reported"]), "disputed");
        assert_eq!(status_of(&["reported", "hedged"]), "hedged");
        assert_eq!(status_of(&["reported", "asserted"]), "asserted");
    }

    #[test]
    fn ids_do_not_depend_on_input_order() {
        let a = vec![
            reported("ASSAULT", &["X"], &[], None, "u1", "asserted"),
            reported("ASSAULT", &["X"], &[], None, "u2", "asserted"),
        ];
        let mut b = a.clone();
        b.reverse();
        assert_eq!(group(a)[0].id, group(b)[0].id);
    }
}
