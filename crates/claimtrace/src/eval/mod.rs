//! Scoring predicted article records against gold ones, by the rules at the
//! end of `spec/article-json.md`. Figures equal those of the reference
//! scorer `score.py` (a test runs both on the same fixtures).
//!
//! Matching is by text, not offsets: strings are lower-cased, split into
//! word tokens with `a`/`an`/`the` dropped, and two spans match when their
//! token-overlap F1 is at least 0.5.

pub mod ledger;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::Value;

/// Word tokens of a string as the scorer sees them.
pub fn toks(s: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in lower.chars() {
        if c.is_alphanumeric() || c == '_' {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.retain(|t| !matches!(t.as_str(), "a" | "an" | "the"));
    out
}

/// Token-overlap F1 of two strings.
pub fn overlap_f1(a: &str, b: &str) -> f64 {
    let (ta, tb) = (toks(a), toks(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let mut common: HashMap<&str, usize> = HashMap::new();
    for t in &ta {
        *common.entry(t).or_default() += 1;
    }
    let mut hit = 0usize;
    for t in &tb {
        if let Some(n) = common.get_mut(t.as_str()) {
            if *n > 0 {
                *n -= 1;
                hit += 1;
            }
        }
    }
    if hit == 0 {
        return 0.0;
    }
    let p = hit as f64 / tb.len() as f64;
    let r = hit as f64 / ta.len() as f64;
    2.0 * p * r / (p + r)
}

/// The scorer's normal form of a string.
pub fn norm(s: &str) -> String {
    toks(s).join(" ")
}

/// One-to-one matching, best pairs first (ties keep gold, then predicted,
/// order). Returns `(gold_idx, pred_idx)` pairs: pairs scoring below
/// `thresh` never match.
pub fn greedy<G, P>(
    gold: &[G],
    pred: &[P],
    sim: impl Fn(&G, &P) -> f64,
    thresh: f64,
) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let s = sim(g, p);
            if s >= thresh {
                cands.push((s, gi, pi));
            }
        }
    }
    // A stable sort by descending score, like Python's `sort(key=-s)`.
    cands.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
    let (mut used_g, mut used_p, mut pairs) = (HashSet::new(), HashSet::new(), Vec::new());
    for (_, gi, pi) in cands {
        if used_g.contains(&gi) || used_p.contains(&pi) {
            continue;
        }
        used_g.insert(gi);
        used_p.insert(pi);
        pairs.push((gi, pi));
    }
    pairs
}

/// Running sums from which figures are computed.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    sums: BTreeMap<String, (f64, f64)>,
}

impl Tally {
    fn add(&mut self, key: &str, num: f64, den: f64) {
        let e = self.sums.entry(key.to_string()).or_insert((0.0, 0.0));
        e.0 += num;
        e.1 += den;
    }

    fn prf(&mut self, key: &str, tp: usize, n_gold: usize, n_pred: usize) {
        self.add(&format!("{key}.tp"), tp as f64, 0.0);
        self.add(&format!("{key}.gold"), n_gold as f64, 0.0);
        self.add(&format!("{key}.pred"), n_pred as f64, 0.0);
    }

    /// Figures by name (`claims.f1`, `times.value_acc`, ...), sorted;
    /// `None` for a ratio with nothing to count.
    pub fn figures(&self) -> BTreeMap<String, Option<f64>> {
        let mut out = BTreeMap::new();
        let get = |k: String| self.sums.get(&k).map_or(0.0, |v| v.0);
        let keys: std::collections::BTreeSet<&str> =
            self.sums.keys().filter_map(|k| k.strip_suffix(".tp")).collect();
        for k in keys {
            let (tp, g, p) =
                (get(format!("{k}.tp")), get(format!("{k}.gold")), get(format!("{k}.pred")));
            let pr = if p > 0.0 { tp / p } else { 0.0 };
            let rc = if g > 0.0 { tp / g } else { 0.0 };
            out.insert(format!("{k}.p"), Some(round3(pr)));
            out.insert(format!("{k}.r"), Some(round3(rc)));
            let f1 = if pr + rc > 0.0 { round3(2.0 * pr * rc / (pr + rc)) } else { 0.0 };
            out.insert(format!("{k}.f1"), Some(f1));
        }
        for (k, &(n, d)) in &self.sums {
            if k.ends_with(".tp") || k.ends_with(".gold") || k.ends_with(".pred") {
                continue;
            }
            out.insert(k.clone(), if d > 0.0 { Some(round3(n / d)) } else { None });
        }
        out
    }
}

/// Rounds to three decimals as Python's `round(x, 3)` does, on the exact
/// binary value with ties to even (`0.8125` gives `0.812`), so the figures
/// match `score.py` digit for digit. `(x * 1000.0).round()` rounds ties away
/// from zero and would print `0.813`.
pub(crate) fn round3(x: f64) -> f64 {
    format!("{x:.3}").parse().unwrap_or(x)
}

fn arr(v: &Value, key: &str) -> Vec<Value> {
    v.get(key).and_then(Value::as_array).cloned().unwrap_or_default()
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn names_of(e: &Value) -> HashSet<String> {
    let mut names = vec![s(e, "name").to_string()];
    names.extend(arr(e, "aliases").iter().filter_map(|a| a.as_str().map(str::to_string)));
    names.iter().map(|n| norm(n)).filter(|n| !n.is_empty()).collect()
}

/// Python's `str(x)` for the JSON values a record holds.
fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "None".into(),
        Value::Bool(b) => {
            if *b {
                "True".into()
            } else {
                "False".into()
            }
        }
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64() != Some(0.0),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// Scores one predicted record against its gold record into `t`.
pub fn score(gold: &Value, pred: &Value, t: &mut Tally) {
    // Entities.
    let ge = arr(gold, "entities");
    let optional: HashSet<String> =
        arr(gold, "optional_entities").iter().filter_map(|x| x.as_str()).map(norm).collect();
    let pe: Vec<Value> =
        arr(pred, "entities").into_iter().filter(|e| names_of(e).is_disjoint(&optional)).collect();
    let pairs =
        greedy(&ge, &pe, |g, p| if names_of(g).is_disjoint(&names_of(p)) { 0.0 } else { 1.0 }, 0.5);
    t.prf("entities", pairs.len(), ge.len(), pe.len());
    let typed = pairs.iter().filter(|&&(gi, pi)| ge[gi].get("type") == pe[pi].get("type")).count();
    t.prf("entities_typed", typed, ge.len(), pe.len());
    // Places: country code and GeoNames id, over matched entities whose
    // gold has them.
    let geo: Vec<(&Value, Option<&Value>)> = pairs
        .iter()
        .filter_map(|&(gi, pi)| {
            ge[gi].get("geo").filter(|g| truthy(Some(g))).map(|g| (g, pe[pi].get("geo")))
        })
        .collect();
    let field =
        |v: Option<&Value>, key: &str| v.and_then(|v| v.get(key)).cloned().unwrap_or(Value::Null);
    let country =
        geo.iter().filter(|(g, p)| field(*p, "country") == field(Some(g), "country")).count();
    t.add("geo.country_acc", country as f64, geo.len() as f64);
    let ids: Vec<_> = geo.iter().filter(|(g, _)| truthy(g.get("geonames_id"))).collect();
    let right = ids
        .iter()
        .filter(|(g, p)| field(*p, "geonames_id") == field(Some(g), "geonames_id"))
        .count();
    t.add("geo.id_acc", right as f64, ids.len() as f64);

    // Times.
    let (gt, pt) = (arr(gold, "times"), arr(pred, "times"));
    let pairs = greedy(&gt, &pt, |g, p| overlap_f1(s(g, "text"), s(p, "text")), 0.5);
    t.prf("times", pairs.len(), gt.len(), pt.len());
    let ok = pairs
        .iter()
        .filter(|&&(gi, pi)| {
            py_str(gt[gi].get("value").unwrap_or(&Value::Null)).to_lowercase()
                == py_str(pt[pi].get("value").unwrap_or(&Value::String(String::new())))
                    .to_lowercase()
        })
        .count();
    t.add("times.value_acc", ok as f64, pairs.len() as f64);

    // Counts.
    let (gc, pc) = (arr(gold, "counts"), arr(pred, "counts"));
    let num = |v: &Value| v.get("number").and_then(Value::as_f64);
    let pairs = greedy(
        &gc,
        &pc,
        |g, p| {
            if num(g).is_some() && num(g) == num(p) && g.get("category") == p.get("category") {
                1.0
            } else {
                0.0
            }
        },
        0.5,
    );
    t.prf("counts", pairs.len(), gc.len(), pc.len());
    let ok = pairs
        .iter()
        .filter(|&&(gi, pi)| gc[gi].get("qualifier") == pc[pi].get("qualifier"))
        .count();
    t.add("counts.qualifier_acc", ok as f64, pairs.len() as f64);

    let alias_sets: Vec<HashSet<String>> = ge.iter().map(names_of).collect();
    let same_source = |gs: Option<&str>, ps: Option<&str>| -> bool {
        let gs = gs.filter(|x| !x.is_empty());
        let ps = ps.filter(|x| !x.is_empty());
        let (Some(gs), Some(ps)) = (gs, ps) else {
            return gs.is_none() && ps.is_none();
        };
        if overlap_f1(gs, ps) >= 0.5 {
            return true;
        }
        let (ng, np) = (norm(gs), norm(ps));
        alias_sets.iter().any(|set| {
            (set.contains(&ng) || set.iter().any(|a| overlap_f1(&ng, a) >= 0.5))
                && set.contains(&np)
        })
    };
    let opt_str = |v: &Value, key: &str| -> Option<String> {
        v.get(key).and_then(Value::as_str).map(str::to_string)
    };

    // Quotes.
    let (gq, pq) = (arr(gold, "quotes"), arr(pred, "quotes"));
    let pairs = greedy(&gq, &pq, |g, p| overlap_f1(s(g, "text"), s(p, "text")), 0.5);
    t.prf("quotes", pairs.len(), gq.len(), pq.len());
    let ok = pairs
        .iter()
        .filter(|&&(gi, pi)| {
            same_source(
                opt_str(&gq[gi], "source").as_deref(),
                opt_str(&pq[pi], "source").as_deref(),
            )
        })
        .count();
    t.add("quotes.source_acc", ok as f64, pairs.len() as f64);

    // Claims.
    let (gcl, pcl) = (arr(gold, "claims"), arr(pred, "claims"));
    let pairs = greedy(&gcl, &pcl, |g, p| overlap_f1(s(g, "text"), s(p, "text")), 0.5);
    t.prf("claims", pairs.len(), gcl.len(), pcl.len());
    let ok =
        pairs.iter().filter(|&&(gi, pi)| gcl[gi].get("status") == pcl[pi].get("status")).count();
    t.add("claims.status_acc", ok as f64, pairs.len() as f64);
    let chain = |v: &Value| -> Vec<String> {
        arr(v, "chain").iter().map(|x| x.as_str().unwrap_or("").to_string()).collect()
    };
    let ok = pairs
        .iter()
        .filter(|&&(gi, pi)| {
            same_source(
                chain(&gcl[gi]).first().map(String::as_str),
                chain(&pcl[pi]).first().map(String::as_str),
            )
        })
        .count();
    t.add("claims.origin_acc", ok as f64, pairs.len() as f64);
    for &(gi, pi) in &pairs {
        let (gch, pch) = (chain(&gcl[gi]), chain(&pcl[pi]));
        let hit =
            greedy(&gch, &pch, |a, b| if same_source(Some(a), Some(b)) { 1.0 } else { 0.0 }, 0.5)
                .len();
        t.prf("claims_chain", hit, gch.len(), pch.len());
        // `asserts` repeats the chain's origin, so only confirms, denies
        // and no_comment are scored.
        let scored = |v: &Value| -> Vec<Value> {
            arr(v, "stances")
                .into_iter()
                .filter(|x| x.get("stance").and_then(Value::as_str) != Some("asserts"))
                .collect()
        };
        let (gs, ps) = (scored(&gcl[gi]), scored(&pcl[pi]));
        let hit = greedy(
            &gs,
            &ps,
            |a, b| {
                if a.get("stance") == b.get("stance")
                    && same_source(Some(s(a, "actor")), Some(s(b, "actor")))
                {
                    1.0
                } else {
                    0.0
                }
            },
            0.5,
        )
        .len();
        t.prf("claims_stance", hit, gs.len(), ps.len());
    }

    // Events.
    let (gv, pv) = (arr(gold, "events"), arr(pred, "events"));
    let people = |v: &Value| -> Vec<String> {
        arr(v, "actors")
            .iter()
            .chain(arr(v, "targets").iter())
            .map(|x| x.as_str().unwrap_or("").to_string())
            .collect()
    };
    let pairs = greedy(
        &gv,
        &pv,
        |g, p| {
            if g.get("type") != p.get("type") {
                return 0.0;
            }
            let (gp, pp) = (people(g), people(p));
            if gp.iter().any(|a| pp.iter().any(|b| same_source(Some(a), Some(b)))) {
                1.0
            } else {
                0.0
            }
        },
        0.5,
    );
    t.prf("events", pairs.len(), gv.len(), pv.len());
    let with_status: Vec<(usize, usize)> =
        pairs.iter().copied().filter(|&(g, _)| gv[g].get("status").is_some()).collect();
    let right =
        with_status.iter().filter(|&&(g, p)| gv[g].get("status") == pv[p].get("status")).count();
    t.add("events.status_acc", right as f64, with_status.len() as f64);

    // Body text.
    if let Some(sentences) = gold.get("body_sentences").and_then(Value::as_array) {
        let body = norm(s(pred, "text"));
        let found =
            sentences.iter().filter(|x| body.contains(&norm(x.as_str().unwrap_or("")))).count();
        t.add("text.sentence_recall", found as f64, sentences.len() as f64);
        let removed = arr(gold, "removed");
        let gone = removed
            .iter()
            .filter(|r| !body.is_empty() && !body.contains(&norm(s(r, "text"))))
            .count();
        t.add("text.boilerplate_removed", gone as f64, removed.len() as f64);
    }

    // Metadata.
    let empty = Value::Object(Default::default());
    let gm = gold.get("meta").unwrap_or(&empty);
    let pm = pred.get("meta").unwrap_or(&empty);
    for k in ["title", "outlet", "published", "updated"] {
        if truthy(gm.get(k)) {
            let gv = py_str(&gm[k]);
            let pv = if truthy(pm.get(k)) { py_str(&pm[k]) } else { String::new() };
            let ok = if matches!(k, "title" | "outlet") {
                norm(&gv) == norm(&pv)
            } else {
                gv.chars().take(10).eq(pv.chars().take(10))
            };
            t.add(&format!("meta.{k}"), if ok { 1.0 } else { 0.0 }, 1.0);
        }
    }
    if truthy(gm.get("authors")) {
        let set = |v: &Value| -> HashSet<String> {
            arr(v, "authors").iter().map(|a| norm(a.as_str().unwrap_or(""))).collect()
        };
        t.add("meta.authors", if set(gm) == set(pm) { 1.0 } else { 0.0 }, 1.0);
    }
}

/// Formats a figure as Python prints it (`1.0`, `0.857`, `None`).
pub fn format_figure(v: Option<f64>) -> String {
    match v {
        None => "None".into(),
        Some(x) if x.fract() == 0.0 => format!("{x:.1}"),
        Some(x) => format!("{x}"),
    }
}

/// The figures as the reference scorer prints them: one `key value` line
/// each, the key padded to 32 columns.
pub fn format_table(figures: &BTreeMap<String, Option<f64>>) -> String {
    figures.iter().map(|(k, v)| format!("{k:32} {}\n", format_figure(*v))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_overlap() {
        assert_eq!(toks("The U.S. and an ally"), vec!["u", "s", "and", "ally"]);
        assert_eq!(overlap_f1("Friday", "friday"), 1.0);
        assert_eq!(overlap_f1("the", "Friday"), 0.0);
        assert!((overlap_f1("killed at least 137 people", "at least 137") - 0.75).abs() < 1e-9);
    }

    #[test]
    fn rounds_as_python_does() {
        // Python: round(0.8125, 3) == 0.812, round(0.1235, 3) == 0.123
        // (0.1235 is a little under its decimal), round(0.0005, 3) == 0.001.
        assert_eq!(round3(0.8125), 0.812);
        assert_eq!(round3(13.0 / 16.0), 0.812);
        assert_eq!(round3(0.1235), 0.123);
        assert_eq!(round3(0.0005), 0.001);
        assert_eq!(round3(2.0 / 3.0), 0.667);
    }

    #[test]
    fn perfect_record_scores_one() {
        let gold: Value = serde_json::json!({
            "meta": {"title": "T", "outlet": "O", "authors": ["A B"], "published": "2024-03-25", "updated": null},
            "times": [{"text": "Friday", "value": "2024-03-22"}],
            "counts": [{"text": "killed 3", "number": 3, "qualifier": "exact", "category": "killed"}],
        });
        let mut t = Tally::default();
        score(&gold, &gold, &mut t);
        let f = t.figures();
        assert_eq!(f["times.f1"], Some(1.0));
        assert_eq!(f["times.value_acc"], Some(1.0));
        assert_eq!(f["counts.f1"], Some(1.0));
        assert_eq!(f["meta.authors"], Some(1.0));
        assert_eq!(f["meta.published"], Some(1.0));
        assert_eq!(f["claims.status_acc"], None);
    }

    #[test]
    fn figures_print_like_python() {
        assert_eq!(format_figure(Some(1.0)), "1.0");
        assert_eq!(format_figure(Some(0.857)), "0.857");
        assert_eq!(format_figure(Some(0.0)), "0.0");
        assert_eq!(format_figure(None), "None");
    }
}
