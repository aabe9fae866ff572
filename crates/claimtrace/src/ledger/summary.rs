//! What a store keeps per cluster to list, filter and sort claims without
//! building every cluster's view: its id, its status now, the span of its
//! dates, and the words of the names around it.
//!
//! A summary is a fold over the cluster's appearances in their told order
//! ([`Appearance::order_key`]), the same fold [`view`](super::view) makes,
//! so [`Summary::of`] always agrees with the view. An appearance told after
//! every other one is added in O(1) ([`Summary::push`]); one told earlier
//! (an article backfilled, a denial that arrived before its claim) makes
//! the store rebuild the summary from the members, which keeps the ledger a
//! function of the set of articles.

use super::view::{host_of, moves};
use super::{cluster_id, instant, Appearance};

/// One cluster, summarised.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// The cluster's public id ([`cluster_id`]).
    pub id: String,
    /// The status now: the last entry of the view's timeline.
    pub status: String,
    /// [`order_text`] of the first and last appearance told.
    pub first_order: String,
    pub last_order: String,
    /// The earliest and latest date (UTC, as [`instant`] writes it) among
    /// the appearances that are not fact-checks; empty when there are none.
    pub oldest: String,
    pub newest: String,
    pub size: usize,
}

impl Summary {
    /// The summary of a cluster's members, in any order; `None` for none.
    pub fn of(members: &[&Appearance]) -> Option<Summary> {
        let mut sorted: Vec<&Appearance> = members.to_vec();
        sorted.sort_by_key(|a| a.order_key());
        let first = sorted.first()?;
        let mut summary = Summary {
            id: cluster_id(&sorted),
            status: String::new(),
            first_order: order_text(first),
            last_order: String::new(),
            oldest: String::new(),
            newest: String::new(),
            size: 0,
        };
        for a in sorted {
            summary.fold(a);
        }
        Some(summary)
    }

    /// Adds an appearance told after all the others. Returns `false`, and
    /// changes nothing, when it is not: the caller rebuilds with
    /// [`Summary::of`].
    #[must_use]
    pub fn push(&mut self, a: &Appearance) -> bool {
        if order_text(a) <= self.last_order {
            return false;
        }
        self.fold(a);
        true
    }

    fn fold(&mut self, a: &Appearance) {
        let current = (!self.status.is_empty()).then_some(self.status.as_str());
        let verdict_moves = a.verdict.is_some() && current != Some(a.status.as_str());
        if verdict_moves || moves(current, &a.status) {
            self.status = a.status.clone();
        }
        if a.verdict.is_none() {
            if let Some(date) = a.article.published.as_deref().map(instant) {
                if self.oldest.is_empty() || date < self.oldest {
                    self.oldest = date.clone();
                }
                if date > self.newest {
                    self.newest = date;
                }
            }
        }
        self.last_order = order_text(a);
        self.size += 1;
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
/// (lower-cased), `h:` and its URL's host.
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
    terms.push(format!("h:{}", host_of(&a.article.url).to_lowercase()));
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
    use crate::ledger::{view, ArticleRef, DateFrom, Signature};

    fn app(url: &str, date: &str, status: &str) -> Appearance {
        Appearance {
            article: ArticleRef {
                url: url.into(),
                outlet: Some("Reuters".into()),
                published: Some(date.into()),
                date_from: DateFrom::Meta,
                version: 1,
                copy_of: None,
            },
            index: 0,
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
        assert_eq!(summary.status, v.status);
        assert_eq!(summary.id, v.id);
        assert_eq!(
            (summary.oldest.as_str(), summary.newest.as_str()),
            ("2024-03-22T00:00:00", "2024-03-25T00:00:00")
        );
        let reversed: Vec<&Appearance> = apps.iter().rev().collect();
        assert_eq!(Summary::of(&reversed), Some(summary));
    }

    #[test]
    fn pushing_in_told_order_equals_rebuilding_and_refuses_the_past() {
        let apps = [
            app("https://a.example/1", "2024-03-22", "reported"),
            app("https://b.example/2", "2024-03-23", "disputed"),
            app("https://c.example/3", "2024-03-24", "reported"),
        ];
        let mut summary = Summary::of(&[&apps[0]]).unwrap();
        assert!(summary.push(&apps[1]) && summary.push(&apps[2]));
        let refs: Vec<&Appearance> = apps.iter().collect();
        assert_eq!(Some(summary.clone()), Summary::of(&refs));
        let earlier = app("https://z.example/0", "2024-03-01", "reported");
        let before = summary.clone();
        assert!(!summary.push(&earlier));
        assert_eq!(summary, before);
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
