//! What a store keeps per cluster to list, filter and sort claims without
//! building every cluster's view: its id, its status now, the span of its
//! dates, and the words of the names around it.
//!
//! A summary is a handful of maxima and minima over the cluster's
//! appearances, so an appearance joins it in O(1) whenever it is told, and
//! two clusters merge in O(1): the store never reads a cluster to keep its
//! summary. The status now is the last entry of the view's timeline, and
//! that fold reduces to two maxima (see [`Summary::status`]); a test holds
//! the two equal over many orders.

use super::view::{host_of, id_of_key};
use super::{instant, Appearance};

/// One cluster, summarised.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// The cluster's public id ([`cluster_id`](super::cluster_id)): its
    /// first appearance's.
    pub id: String,
    /// [`order_text`] of the first appearance told.
    pub first_order: String,
    /// The last appearance told: its order and status.
    pub last: (String, String),
    /// The last appearance told that pins the status: a fact-check, or a
    /// report of the claim as disputed or confirmed.
    pub pinned: Option<(String, String)>,
    /// The earliest and latest date (UTC, as [`instant`] writes it) among
    /// the appearances that are not fact-checks; empty when there are none.
    pub oldest: String,
    pub newest: String,
    pub size: usize,
}

fn sticky(status: &str) -> bool {
    matches!(status, "disputed" | "confirmed")
}

impl Summary {
    /// The summary of one appearance.
    pub fn one(a: &Appearance) -> Summary {
        let order = order_text(a);
        let mut summary = Summary {
            id: id_of_key(&a.key()),
            first_order: order.clone(),
            last: (order.clone(), a.status.clone()),
            pinned: (a.verdict.is_some() || sticky(&a.status)).then(|| (order, a.status.clone())),
            size: 1,
            ..Summary::default()
        };
        if a.verdict.is_none() {
            if let Some(date) = a.article.published.as_deref().map(instant) {
                summary.oldest = date.clone();
                summary.newest = date;
            }
        }
        summary
    }

    /// The summary of a cluster's members, in any order; `None` for none.
    pub fn of(members: &[&Appearance]) -> Option<Summary> {
        let mut all = members.iter().map(|a| Summary::one(a));
        let mut summary = all.next()?;
        for other in all {
            summary.merge(&other);
        }
        Some(summary)
    }

    /// Adds an appearance, told at any point.
    pub fn push(&mut self, a: &Appearance) {
        self.merge(&Summary::one(a));
    }

    /// Adds the appearances of another cluster (the two merge).
    pub fn merge(&mut self, other: &Summary) {
        if other.first_order < self.first_order {
            self.first_order = other.first_order.clone();
            self.id = other.id.clone();
        }
        if other.last.0 > self.last.0 {
            self.last = other.last.clone();
        }
        if other.pinned.as_ref().is_some_and(|p| self.pinned.as_ref().is_none_or(|s| p.0 > s.0)) {
            self.pinned = other.pinned.clone();
        }
        if !other.oldest.is_empty() && (self.oldest.is_empty() || other.oldest < self.oldest) {
            self.oldest = other.oldest.clone();
        }
        if other.newest > self.newest {
            self.newest = other.newest.clone();
        }
        self.size += other.size;
    }

    /// The status now: the last entry of the view's timeline. Once a
    /// report calls the claim disputed or confirmed, only another such
    /// report or a fact-check moves it; a fact-check's rating moves it
    /// always, and any report moves it after a rating that pins nothing.
    /// So the status is the last pinning appearance's when that is
    /// disputed or confirmed, and the last appearance's otherwise.
    pub fn status(&self) -> &str {
        match &self.pinned {
            Some((_, status)) if sticky(status) => status,
            _ => &self.last.1,
        }
    }
}

/// [`Appearance::order_key`] as text that sorts the same way.
pub fn order_text(a: &Appearance) -> String {
    let (date, undated, url, version, index) = a.order_key();
    format!("{date}\u{1}{undated}\u{1}{url}\u{1}{version:010}\u{1}{index:010}")
}

/// The terms an appearance files its cluster under, for `claims --about`
/// and `--outlet`: `a:` and each lower-cased word of the entities it names,
/// its chain of sources and the actors of its stances; `o:` and its outlet
/// (lower-cased), `h:` and its URL's host; and, unless the article is a
/// copy, `n:` and its outlet as the view counts outlets (so that a list
/// counts a cluster's outlets without reading its appearances).
pub fn terms(a: &Appearance) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    let names = a.entities.iter().chain(&a.chain).chain(a.stances.iter().map(|(actor, _)| actor));
    for name in names {
        for word in name_words(name) {
            terms.push(format!("a:{word}"));
        }
    }
    if let Some(outlet) = &a.article.outlet {
        terms.push(format!("o:{}", outlet.trim().to_lowercase()));
    }
    // The host and each domain above it (en.example.org: example.org
    // too), so that lists filter by an outlet's domain whatever the
    // subdomain.
    let host = host_of(&a.article.url).to_lowercase();
    let mut domain = host.as_str();
    loop {
        terms.push(format!("h:{domain}"));
        match domain.split_once('.') {
            Some((_, up)) if up.contains('.') => domain = up,
            _ => break,
        }
    }
    if a.article.copy_of.is_none() {
        terms.push(format!("n:{}", super::view::reporter_of(a)));
    }
    terms.sort();
    terms.dedup();
    terms
}

/// The terms a cluster must be filed under to be `--about` the name
/// `query`: one per word.
pub fn about_terms(query: &str) -> Vec<String> {
    name_words(query).map(|w| format!("a:{w}")).collect()
}

/// The terms, any of which files a cluster under the outlet `query`.
pub fn outlet_terms(query: &str) -> [String; 2] {
    let q = query.trim().to_lowercase();
    let host = q.trim_start_matches("www.");
    [format!("o:{q}"), format!("h:{host}")]
}

fn name_words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{cluster_id, view, ArticleRef, DateFrom, Signature};

    fn app(url: &str, date: &str, status: &str) -> Appearance {
        Appearance {
            article: ArticleRef {
                url: url.into(),
                outlet: Some("Reuters".into()),
                published: Some(date.into()),
                date_from: DateFrom::META,
                version: 1,
                copy_of: None,
                wire: None,
            },
            index: 0,
            anchor: None,
            text: "Ukraine was involved".into(),
            sentence: "Moscow said Ukraine was involved.".into(),
            chain: vec!["Kremlin spokesman Dmitry Peskov".into()],
            status: status.into(),
            stances: vec![("Kyiv".into(), "denies".into())],
            entities: vec!["Ukraine".into()],
            signature: Signature::default(),
            verdict: None,
        }
    }

    fn verdict(url: &str, date: &str, status: &str) -> Appearance {
        let mut a = app(url, date, status);
        a.verdict = Some(Default::default());
        a
    }

    #[test]
    fn the_summary_agrees_with_the_view_in_any_order() {
        let apps = [
            app("https://a.example/1", "2024-03-23", "reported"),
            app("https://b.example/2", "2024-03-24", "disputed"),
            app("https://c.example/3", "2024-03-22", "reported"),
            app("https://d.example/4", "2024-03-25", "reported"),
        ];
        let refs: Vec<&Appearance> = apps.iter().collect();
        let summary = Summary::of(&refs).unwrap();
        let v = view(&cluster_id(&refs), &refs);
        assert_eq!(summary.status(), v.status);
        assert_eq!(summary.id, v.id);
        assert_eq!(
            (summary.oldest.as_str(), summary.newest.as_str()),
            ("2024-03-22T00:00:00", "2024-03-25T00:00:00")
        );
        let reversed: Vec<&Appearance> = apps.iter().rev().collect();
        assert_eq!(Summary::of(&reversed), Some(summary));
    }

    /// Every sequence of up to four appearances over the statuses and
    /// fact-checks that move a timeline, in every order: the summary's
    /// status is the view's.
    #[test]
    fn the_status_fold_reduces_to_two_maxima() {
        let kinds: Vec<Appearance> = ["asserted", "reported", "hedged", "disputed", "confirmed"]
            .iter()
            .map(|s| app("https://x.example/", "2024-01-01", s))
            .chain(
                ["disputed", "confirmed", "unverified"]
                    .iter()
                    .map(|s| verdict("https://x.example/", "2024-01-01", s)),
            )
            .collect();
        let n = kinds.len();
        let mut checked = 0;
        for len in 1..=4u32 {
            for code in 0..n.pow(len) {
                let apps: Vec<Appearance> = (0..len)
                    .map(|k| {
                        let mut a = kinds[code / n.pow(k) % n].clone();
                        a.article.url = format!("https://x.example/{k}");
                        a.article.published = Some(format!("2024-01-0{}", k + 1));
                        a
                    })
                    .collect();
                let refs: Vec<&Appearance> = apps.iter().collect();
                let v = view(&cluster_id(&refs), &refs);
                let mut pushed = Summary::one(refs[refs.len() - 1]);
                for a in refs.iter().rev().skip(1) {
                    pushed.push(a);
                }
                assert_eq!(
                    pushed.status(),
                    v.status,
                    "{:?}",
                    refs.iter().map(|a| (&a.status, a.verdict.is_some())).collect::<Vec<_>>()
                );
                assert_eq!(Some(pushed), Summary::of(&refs));
                checked += 1;
            }
        }
        assert!(checked > 4000);
    }

    #[test]
    fn merging_two_clusters_equals_summarising_their_union() {
        let apps = [
            app("https://a.example/1", "2024-03-22", "reported"),
            app("https://b.example/2", "2024-03-23", "disputed"),
            app("https://c.example/3", "2024-03-24", "reported"),
            verdict("https://d.example/4", "2024-03-21", "unverified"),
        ];
        let mut left = Summary::of(&[&apps[0], &apps[2]]).unwrap();
        left.merge(&Summary::of(&[&apps[1], &apps[3]]).unwrap());
        let refs: Vec<&Appearance> = apps.iter().collect();
        assert_eq!(Some(left.clone()), Summary::of(&refs));
        assert_eq!(left.id, cluster_id(&refs), "the fact-check was told first");
        assert_eq!(left.status(), view(&left.id, &refs).status);
    }

    #[test]
    fn terms_file_names_word_by_word_and_outlets_whole() {
        let terms = terms(&app("https://www.reuters.com/x", "2024-03-22", "reported"));
        for t in [
            "a:peskov",
            "a:dmitry",
            "a:kremlin",
            "a:kyiv",
            "a:ukraine",
            "o:reuters",
            "h:reuters.com",
        ] {
            assert!(terms.contains(&t.to_string()), "{t} in {terms:?}");
        }
        assert_eq!(about_terms("Dmitry Peskov"), ["a:dmitry", "a:peskov"]);
        assert_eq!(outlet_terms("www.Reuters.com")[1], "h:reuters.com");
    }
}
