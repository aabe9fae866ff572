//! Scores the times stage on the MEANTIME corpus (NewsReader CAT XML):
//! TIMEX3 spans and values, each document resolved against its creation
//! time, as TempEval does.
//!
//! ```text
//! cargo run --release -p claimtrace --example meantime -- \
//!     /work/shared/data/meantime/intra-doc_annotation/corpus_stock [-v]
//! ```
//!
//! The XML is read with a few regexes: the CAT files are flat (tokens,
//! then markables), so a full XML parser would add a dependency for
//! nothing.

// Evaluation tooling over the corpora's own offsets: a bad offset is a bug
// here, and a panic is the right answer (the engine itself never slices).
#![allow(clippy::string_slice)]

use std::{env, fs, path::Path};

use chrono::NaiveDate;
use claimtrace::doc::{Document, Meta, Place, Stamp};
use regex::Regex;

// # One gold TIMEX3 and one predicted expression, as byte spans of the text.
struct Timex {
    start: usize,
    end: usize,
    value: String,
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The document text (tokens joined by spaces, one paragraph per sentence),
/// its creation date, its gold TIMEX3s and where the annotated part ends:
/// MEANTIME annotates the title and the first sentences only.
fn read_cat(xml: &str) -> (String, Option<NaiveDate>, Vec<Timex>, usize) {
    let token_re =
        Regex::new(r#"<token [^>]*?sentence="(\d+)" t_id="(\d+)"[^>]*>([^<]*)</token>"#).unwrap();
    let timex_re = Regex::new(r"(?s)<TIMEX3\b([^>]*?)(?:/>|>(.*?)</TIMEX3>)").unwrap();
    let attr_re = Regex::new(r#"(\w+)="([^"]*)""#).unwrap();
    let anchor_re = Regex::new(r#"t_id="(\d+)""#).unwrap();

    let mut text = String::new();
    let mut spans = std::collections::HashMap::new();
    let mut last_sentence = None;
    for c in token_re.captures_iter(xml) {
        let sentence = &c[1];
        if last_sentence.as_deref().is_some_and(|s| s != sentence) {
            text.push_str("\n\n");
        } else if last_sentence.is_some() {
            text.push(' ');
        }
        last_sentence = Some(sentence.to_string());
        let start = text.len();
        text.push_str(&unescape(&c[3]));
        spans.insert(c[2].to_string(), (start, text.len()));
    }
    // The last sentence with any markable bounds the annotated part.
    let sentence_of: std::collections::HashMap<String, (String, usize)> = token_re
        .captures_iter(xml)
        .map(|c| (c[2].to_string(), (c[1].to_string(), spans[&c[2]].1)))
        .collect();
    let markable_re = Regex::new(r#"<token_anchor t_id="(\d+)""#).unwrap();
    let last_annotated = markable_re
        .captures_iter(xml)
        .filter_map(|a| sentence_of.get(&a[1]))
        .max_by_key(|(s, _)| s.parse::<usize>().unwrap_or(0))
        .map(|(s, _)| s.clone());
    let annotated_end = sentence_of
        .values()
        .filter(|(s, _)| Some(s) == last_annotated.as_ref())
        .map(|(_, end)| *end)
        .max()
        .unwrap_or(text.len());
    let mut dct = None;
    let mut gold = Vec::new();
    for c in timex_re.captures_iter(xml) {
        let attrs: std::collections::HashMap<_, _> =
            attr_re.captures_iter(&c[1]).map(|a| (a[1].to_string(), a[2].to_string())).collect();
        let value = attrs.get("value").cloned().unwrap_or_default();
        if attrs.get("functionInDocument").map(String::as_str) == Some("CREATION_TIME") {
            dct = NaiveDate::parse_from_str(&value[..value.len().min(10)], "%Y-%m-%d").ok();
        }
        let body = c.get(2).map_or("", |m| m.as_str());
        let toks: Vec<(usize, usize)> =
            anchor_re.captures_iter(body).filter_map(|a| spans.get(&a[1]).copied()).collect();
        if toks.is_empty() {
            continue;
        }
        let start = toks.iter().map(|t| t.0).min().unwrap();
        let end = toks.iter().map(|t| t.1).max().unwrap();
        gold.push(Timex { start, end, value });
    }
    (text, dct, gold, annotated_end)
}

fn overlap(a: &Timex, b: &Timex) -> f64 {
    let common = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    2.0 * common as f64 / ((a.end - a.start) + (b.end - b.start)) as f64
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let dir =
        args.iter().find(|a| !a.starts_with('-')).cloned().unwrap_or_else(|| {
            "/work/shared/data/meantime/intra-doc_annotation/corpus_stock".into()
        });
    let mut paths: Vec<_> = fs::read_dir(Path::new(&dir))
        .expect("a MEANTIME corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    paths.sort();

    let (mut n_gold, mut n_pred, mut strict, mut relaxed, mut value_ok) = (0, 0, 0, 0, 0);
    for path in &paths {
        let xml = fs::read_to_string(path).expect("readable XML");
        let (text, dct, gold, annotated_end) = read_cat(&xml);
        // # Run the engine's own stages on the rebuilt text.
        let meta = Meta { published: dct.map(Stamp::Date), ..Meta::default() };
        let mut doc = Document::new(path.display().to_string(), meta, text);
        claimtrace::segment::segment(&mut doc);
        claimtrace::times::find_times(&mut doc);
        let pred: Vec<Timex> = doc
            .times
            .iter()
            .filter(|t| t.place == Place::Body && t.span.start() < annotated_end)
            .map(|t| Timex { start: t.span.start(), end: t.span.end(), value: t.value.clone() })
            .collect();
        n_gold += gold.len();
        n_pred += pred.len();
        // # Greedy one-to-one matching, best overlaps first, as the scorer does.
        let pairs = claimtrace::eval::greedy(&gold, &pred, overlap, 0.5);
        let (mut used_g, mut used_p) = (vec![false; gold.len()], vec![false; pred.len()]);
        for (gi, pi) in pairs {
            used_g[gi] = true;
            used_p[pi] = true;
            let (g, p) = (&gold[gi], &pred[pi]);
            relaxed += 1;
            strict += usize::from(g.start == p.start && g.end == p.end);
            if g.value.eq_ignore_ascii_case(&p.value) {
                value_ok += 1;
            } else if verbose {
                println!("VALUE {:?} gold {} got {}", &doc.text[g.start..g.end], g.value, p.value);
            }
        }
        if verbose {
            for (g, _) in gold.iter().zip(&used_g).filter(|(_, u)| !**u) {
                println!("MISS  {:?} {}", &doc.text[g.start..g.end], g.value);
            }
            for (p, _) in pred.iter().zip(&used_p).filter(|(_, u)| !**u) {
                println!("EXTRA {:?} {}", &doc.text[p.start..p.end], p.value);
            }
        }
    }
    let f1 = |tp: usize| {
        let (p, r) = (tp as f64 / n_pred.max(1) as f64, tp as f64 / n_gold.max(1) as f64);
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    };
    println!("documents {}  gold {}  predicted {}", paths.len(), n_gold, n_pred);
    let (p, r, f) = f1(relaxed);
    println!("relaxed span  P {p:.3}  R {r:.3}  F1 {f:.3}");
    let (p, r, f) = f1(strict);
    println!("strict span   P {p:.3}  R {r:.3}  F1 {f:.3}");
    println!(
        "value accuracy over relaxed matches {:.3} ({value_ok}/{relaxed})",
        value_ok as f64 / relaxed.max(1) as f64
    );
}
