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

/// How many of a cluster's last appearances a summary keeps, so that one
/// told among them (the same day's articles arrive in any order) is folded
/// in without reading the cluster.
pub const TAIL: usize = 64;

/// One cluster, summarised.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// The cluster's public id ([`cluster_id`]).
    pub id: String,
    /// The status now: the last entry of the view's timeline.
    pub status: String,
    /// [`order_text`] of the first appearance told.
    pub first_order: String,
    /// The earliest and latest date (UTC, as [`instant`] writes it) among
    /// the appearances that are not fact-checks; empty when there are none.
    pub oldest: String,
    pub newest: String,
    pub size: usize,
    /// The status the fold had reached before the tail ("" for none).
    pub before: String,
    /// The last [`TAIL`] appearances told, in order.
    pub tail: Vec<Told>,
}

/// What the status fold needs of one appearance.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Told {
    /// [`order_text`].
    pub order: String,
    pub status: String,
    pub verdict: bool,
}

impl Told {
    fn of(a: &Appearance) -> Told {
        Told { order: order_text(a), status: a.status.clone(), verdict: a.verdict.is_some() }
    }
}

impl Summary {
    /// The summary of a cluster's members, in any order; `None` for none.
    pub fn of(members: &[&Appearance]) -> Option<Summary> {
        let mut told: Vec<(Told, &Appearance)> =
            members.iter().map(|a| (Told::of(a), *a)).collect();
        told.sort_by(|x, y| x.0.order.cmp(&y.0.order));
        let (first_told, first) = told.first()?;
        let mut summary = Summary {
            id: cluster_id(&[*first]),
            first_order: first_told.order.clone(),
            ..Summary::default()
        };
        let split = told.len().saturating_sub(TAIL);
        for (k, (t, a)) in told.iter().enumerate() {
            summary.dates(a);
            summary.size += 1;
            if k < split {
                summary.before = step(&summary.before, t);
            } else {
                summary.tail.push(t.clone());
            }
        }
        summary.refold();
        Some(summary)
    }

    /// Adds an appearance. Returns `false`, and changes nothing, when it is
    /// told before the kept tail and after the first appearance: the caller
    /// rebuilds with [`Summary::of`].
    #[must_use]
    pub fn push(&mut self, a: &Appearance) -> bool {
        let told = Told::of(a);
        let tail_start = self.tail.first().map_or("", |t| t.order.as_str());
        let all_kept = self.tail.len() == self.size;
        if !all_kept && told.order.as_str() < tail_start {
            return false;
        }
        if told.order < self.first_order {
            self.first_order = told.order.clone();
            self.id = cluster_id(&[a]);
        }
        self.dates(a);
        self.size += 1;
        let at = self.tail.partition_point(|t| t.order < told.order);
        self.tail.insert(at, told);
        while self.tail.len() > TAIL {
            let oldest = self.tail.remove(0);
            self.before = step(&self.before, &oldest);
        }
        self.refold();
        true
    }

    fn dates(&mut self, a: &Appearance) {
        if a.verdict.is_some() {
            return;
        }
        if let Some(date) = a.article.published.as_deref().map(instant) {
            if self.oldest.is_empty() || date < self.oldest {
                self.oldest = date.clone();
            }
            if date > self.newest {
                self.newest = date;
            }
        }
    }

    fn refold(&mut self) {
        self.status = self.tail.iter().fold(self.before.clone(), |status, t| step(&status, t));
    }
}

/// One step of the status fold: the view's timeline moves (or not) on the
/// next appearance told.
fn step(status: &str, t: &Told) -> String {
    let current = (!status.is_empty()).then_some(status);
    let verdict_moves = t.verdict && current != Some(t.status.as_str());
    if verdict_moves || moves(current, &t.status) {
        t.status.clone()
    } else {
        status.to_string()
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
        assert_eq!(summary.id, cluster_id(&refs));
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
        // Told before the first: the cluster's id moves to it.
        let earlier = app("https://z.example/0", "2024-03-01", "disputed");
        assert!(summary.push(&earlier));
        let refs: Vec<&Appearance> = apps.iter().chain([&earlier]).collect();
        assert_eq!(Some(summary), Summary::of(&refs));
    }

    #[test]
    fn a_long_cluster_keeps_a_tail_and_refuses_what_is_told_before_it() {
        let apps: Vec<Appearance> = (0..TAIL + 10)
            .map(|k| {
                let status = if k % 7 == 3 { "disputed" } else { "reported" };
                app(&format!("https://a.example/{k:03}"), "2024-03-22", status)
            })
            .collect();
        // Pushed in a shuffled order within the tail's reach: the same
        // summary as built at once.
        let mut order: Vec<usize> = (0..apps.len()).collect();
        order.sort_by_key(|&k| (k / 8, (k * 5) % 8));
        let mut summary = Summary::of(&[&apps[order[0]]]).unwrap();
        for &k in &order[1..] {
            assert!(summary.push(&apps[k]), "{k}");
        }
        let refs: Vec<&Appearance> = apps.iter().collect();
        assert_eq!(Some(summary.clone()), Summary::of(&refs));
        assert_eq!(summary.tail.len(), TAIL);
        let inside = app("https://a.example/005x", "2024-03-22", "confirmed");
        let before = summary.clone();
        assert!(!summary.push(&inside), "told before the tail, after the first");
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
