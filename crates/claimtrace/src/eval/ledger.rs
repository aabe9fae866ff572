//! Scoring a predicted ledger against a gold one, by the rules at the end
//! of `spec/ledger-json.md`: gold appearances match predicted appearances
//! of the same URL whose text overlaps (token F1 >= 0.5, one to one, best
//! pairs first); over matched appearances, B-cubed precision, recall and
//! F1 of the clustering, beside the B-cubed F1 that clustering the same
//! appearances by their wording alone would get; first-seen and status
//! accuracy per gold cluster.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::{greedy, overlap_f1, toks};
use crate::record::ledger::LedgerClaim;

/// A gold cluster: only `text`, `appearances` and `timeline` are read.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldCluster {
    pub text: String,
    pub appearances: Vec<GoldAppearance>,
    #[serde(default)]
    pub timeline: Vec<GoldTimeline>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldAppearance {
    pub url: String,
    pub text: String,
    pub status: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldTimeline {
    pub status: String,
    #[serde(default)]
    pub url: String,
}

/// Sums behind the figures, so that several stories add up (micro).
#[derive(Clone, Debug, Default)]
pub struct LedgerTally {
    pub gold_appearances: usize,
    pub matched: usize,
    pub b3_p: f64,
    pub b3_r: f64,
    pub wording_p: f64,
    pub wording_r: f64,
    pub gold_clusters: usize,
    pub first_seen_hits: usize,
    pub status_hits: usize,
    /// One line per gold cluster that misses first-seen or status, or
    /// whose appearances lie in several predicted clusters, saying why
    /// (for `eval-ledger --explain`).
    pub misses: Vec<String>,
}

impl LedgerTally {
    /// The figures, named as the spec names them.
    pub fn figures(&self) -> BTreeMap<String, Option<f64>> {
        let ratio = |a: f64, b: usize| (b > 0).then(|| a / b as f64);
        let f1 = |p: Option<f64>, r: Option<f64>| match (p, r) {
            (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        };
        let (p, r) = (ratio(self.b3_p, self.matched), ratio(self.b3_r, self.matched));
        let (wp, wr) = (ratio(self.wording_p, self.matched), ratio(self.wording_r, self.matched));
        let round = |x: Option<f64>| x.map(super::round3);
        BTreeMap::from([
            (
                "ledger.appearance_recall".into(),
                round(ratio(self.matched as f64, self.gold_appearances)),
            ),
            ("ledger.b3_p".into(), round(p)),
            ("ledger.b3_r".into(), round(r)),
            ("ledger.b3_f1".into(), round(f1(p, r))),
            ("ledger.b3_f1_wording".into(), round(f1(wp, wr))),
            (
                "ledger.first_seen_acc".into(),
                round(ratio(self.first_seen_hits as f64, self.gold_clusters)),
            ),
            ("ledger.status_acc".into(), round(ratio(self.status_hits as f64, self.gold_clusters))),
        ])
    }
}

/// B-cubed precision and recall sums over items labelled `(gold, pred)`.
fn b_cubed(labels: &[(usize, usize)]) -> (f64, f64) {
    let mut both: HashMap<(usize, usize), usize> = HashMap::new();
    let mut by_gold: HashMap<usize, usize> = HashMap::new();
    let mut by_pred: HashMap<usize, usize> = HashMap::new();
    for &(g, p) in labels {
        *both.entry((g, p)).or_default() += 1;
        *by_gold.entry(g).or_default() += 1;
        *by_pred.entry(p).or_default() += 1;
    }
    let (mut p_sum, mut r_sum) = (0.0, 0.0);
    for &(g, p) in labels {
        let same = both[&(g, p)] as f64;
        p_sum += same / by_pred[&p] as f64;
        r_sum += same / by_gold[&g] as f64;
    }
    (p_sum, r_sum)
}

/// Clusters of `texts` linked when their word sets overlap by half
/// (Jaccard >= 0.5): the wording-only baseline.
fn by_wording(texts: &[&str]) -> Vec<usize> {
    let sets: Vec<std::collections::HashSet<String>> =
        texts.iter().map(|t| toks(t).into_iter().collect()).collect();
    let mut links = Vec::new();
    for i in 0..sets.len() {
        for j in i + 1..sets.len() {
            let inter = sets[i].intersection(&sets[j]).count();
            let union = sets[i].union(&sets[j]).count();
            if union > 0 && inter as f64 / union as f64 >= 0.5 {
                links.push((i, j));
            }
        }
    }
    let groups = crate::ledger::components(sets.len(), links);
    let mut label = vec![0; sets.len()];
    for (k, group) in groups.iter().enumerate() {
        for &i in group {
            label[i] = k;
        }
    }
    label
}

/// Adds one story's gold and predicted ledgers to `tally`.
pub fn score(gold: &[GoldCluster], pred: &[LedgerClaim], tally: &mut LedgerTally) {
    // Gold and predicted appearances by URL.
    let mut gold_by_url: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    for (c, cluster) in gold.iter().enumerate() {
        for (a, app) in cluster.appearances.iter().enumerate() {
            gold_by_url.entry(app.url.as_str()).or_default().push((c, a));
        }
    }
    let mut pred_by_url: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for (c, cluster) in pred.iter().enumerate() {
        for (a, app) in cluster.appearances.iter().enumerate() {
            pred_by_url.entry(app.url.as_str()).or_default().push((c, a));
        }
    }
    // (gold cluster, gold appearance) -> predicted cluster.
    let mut matched: Vec<((usize, usize), usize)> = Vec::new();
    for (url, golds) in &gold_by_url {
        let preds = pred_by_url.get(url).cloned().unwrap_or_default();
        let pairs = greedy(
            golds,
            &preds,
            |&(gc, ga), &(pc, pa)| {
                overlap_f1(&gold[gc].appearances[ga].text, &pred[pc].appearances[pa].text)
            },
            0.5,
        );
        for (gi, pi) in pairs {
            matched.push((golds[gi], preds[pi].0));
        }
    }
    tally.gold_appearances += gold.iter().map(|c| c.appearances.len()).sum::<usize>();
    tally.matched += matched.len();
    let labels: Vec<(usize, usize)> = matched.iter().map(|&((gc, _), pc)| (gc, pc)).collect();
    let (p, r) = b_cubed(&labels);
    tally.b3_p += p;
    tally.b3_r += r;
    let texts: Vec<&str> =
        matched.iter().map(|&((gc, ga), _)| gold[gc].appearances[ga].text.as_str()).collect();
    let wording = by_wording(&texts);
    let wording_labels: Vec<(usize, usize)> =
        matched.iter().zip(&wording).map(|(&((gc, _), _), &w)| (gc, w)).collect();
    let (wp, wr) = b_cubed(&wording_labels);
    tally.wording_p += wp;
    tally.wording_r += wr;

    for (c, cluster) in gold.iter().enumerate() {
        tally.gold_clusters += 1;
        // The predicted cluster holding most of this gold cluster's matches.
        let mut votes: BTreeMap<usize, usize> = BTreeMap::new();
        for &((gc, _), pc) in &matched {
            if gc == c {
                *votes.entry(pc).or_default() += 1;
            }
        }
        let Some((&best, _)) = votes.iter().max_by_key(|(pc, n)| (**n, std::cmp::Reverse(**pc)))
        else {
            tally.misses.push(format!("unmatched: {:?}", cluster.text));
            continue;
        };
        if votes.len() > 1 {
            let parts: Vec<String> =
                votes.keys().map(|&pc| format!("{:?}", pred[pc].text)).collect();
            tally.misses.push(format!("split: {:?}: {}", cluster.text, parts.join(" | ")));
        }
        let claim = &pred[best];
        let first_url = cluster.appearances.first().map(|a| a.url.as_str());
        let predicted_first = claim.first_seen.as_ref().map(|f| f.url.as_str());
        if predicted_first == first_url {
            tally.first_seen_hits += 1;
        } else {
            // Where the gold first appearance went, if anywhere.
            let first_went = matched
                .iter()
                .find(|&&((gc, ga), _)| gc == c && ga == 0)
                .map(|&(_, pc)| match pc == best {
                    true => "in the cluster".to_string(),
                    false => format!("in another cluster: {:?}", pred[pc].text),
                })
                .unwrap_or_else(|| "not found".to_string());
            tally.misses.push(format!(
                "first-seen: {:?}: gold {} ({first_went}), predicted {} ({:?})",
                cluster.text,
                first_url.unwrap_or("-"),
                predicted_first.unwrap_or("-"),
                claim.text,
            ));
        }
        let status = cluster
            .timeline
            .last()
            .map(|t| t.status.as_str())
            .or_else(|| cluster.appearances.last().map(|a| a.status.as_str()));
        if status == Some(claim.status.as_str()) {
            tally.status_hits += 1;
        } else {
            tally.misses.push(format!(
                "status: {:?}: gold {}, predicted {} ({:?})",
                cluster.text,
                status.unwrap_or("-"),
                claim.status,
                claim.text,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::ledger::{FirstSeen, LedgerAppearance};

    fn gold(text: &str, apps: &[(&str, &str)], status: &str) -> GoldCluster {
        GoldCluster {
            text: text.into(),
            appearances: apps
                .iter()
                .map(|(u, t)| GoldAppearance {
                    url: (*u).into(),
                    text: (*t).into(),
                    status: status.into(),
                })
                .collect(),
            timeline: vec![GoldTimeline { status: status.into(), url: apps[0].0.into() }],
        }
    }

    fn pred(apps: &[(&str, &str)], status: &str) -> LedgerClaim {
        LedgerClaim {
            status: status.into(),
            first_seen: Some(FirstSeen { url: apps[0].0.into(), ..FirstSeen::default() }),
            appearances: apps
                .iter()
                .map(|(u, t)| LedgerAppearance {
                    url: (*u).into(),
                    text: (*t).into(),
                    ..LedgerAppearance::default()
                })
                .collect(),
            ..LedgerClaim::default()
        }
    }

    #[test]
    fn perfect_split_and_missing() {
        let g = vec![
            gold("toll", &[("u1", "39 people died"), ("u2", "39 people were killed")], "reported"),
            gold(
                "cause",
                &[("u1", "gas caused the blast"), ("u2", "a gas leak caused the blast")],
                "hedged",
            ),
        ];
        let perfect = vec![
            pred(&[("u1", "39 people died"), ("u2", "39 people were killed")], "reported"),
            pred(
                &[("u1", "gas caused the blast"), ("u2", "a gas leak caused the blast")],
                "hedged",
            ),
        ];
        let mut t = LedgerTally::default();
        score(&g, &perfect, &mut t);
        let f = t.figures();
        assert_eq!(f["ledger.b3_f1"], Some(1.0));
        assert_eq!(f["ledger.appearance_recall"], Some(1.0));
        assert_eq!(f["ledger.first_seen_acc"], Some(1.0));
        assert_eq!(f["ledger.status_acc"], Some(1.0));

        // Every appearance alone: precision 1, recall 1/2.
        let singles: Vec<LedgerClaim> = g
            .iter()
            .flat_map(|c| c.appearances.iter().map(|a| pred(&[(&a.url, &a.text)], "reported")))
            .collect();
        let mut t = LedgerTally::default();
        score(&g, &singles, &mut t);
        let f = t.figures();
        assert_eq!(f["ledger.b3_p"], Some(1.0));
        assert_eq!(f["ledger.b3_r"], Some(0.5));
        assert_eq!(f["ledger.status_acc"], Some(0.5));

        // Nothing predicted: no appearance matched.
        let mut t = LedgerTally::default();
        score(&g, &[], &mut t);
        assert_eq!(t.figures()["ledger.appearance_recall"], Some(0.0));
        assert_eq!(t.figures()["ledger.b3_f1"], None);
    }
}
