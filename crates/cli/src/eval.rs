//! `claimtrace eval`: score records against gold records.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use claimtrace::eval::{format_table, score, Tally};
use claimtrace::read::{Input, ReadOptions};
use claimtrace::Record;
use serde_json::Value;

use crate::EvalArgs;

/// The gold files (`*.json`) of a folder, in name order; an error when
/// there are none (`what` names them in it).
pub fn gold_files(dir: &Path, what: &str) -> Result<Vec<PathBuf>> {
    let mut golds: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json") && p.is_file())
        .collect();
    golds.sort();
    if golds.is_empty() {
        bail!("no {what} (*.json) in {}", dir.display());
    }
    Ok(golds)
}

/// `--min KEY=VALUE` arguments as pairs.
pub fn parse_mins(mins: &[String]) -> Result<Vec<(String, f64)>> {
    mins.iter()
        .map(|m| {
            let (k, v) =
                m.split_once('=').with_context(|| format!("--min needs KEY=VALUE, got {m}"))?;
            let v: f64 = v.parse().with_context(|| format!("--min {k}: not a number: {v}"))?;
            Ok((k.to_string(), v))
        })
        .collect()
}

pub fn run(args: &EvalArgs) -> Result<ExitCode> {
    let mins = parse_mins(&args.min)?;

    let mut total = Tally::default();
    let mut per_article = BTreeMap::new();
    if args.gold.is_dir() {
        for gold_path in gold_files(&args.gold, "gold records")? {
            let gold = load(&gold_path)?;
            let stem =
                gold_path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
            let pred = predicted(args, &gold_path, &gold, &stem)?;
            let mut one = Tally::default();
            score(&gold, &pred, &mut total);
            score(&gold, &pred, &mut one);
            per_article.insert(stem, one.figures());
        }
    } else {
        let gold = load(&args.gold)?;
        let stem = args.gold.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let pred = predicted(args, &args.gold, &gold, &stem)?;
        score(&gold, &pred, &mut total);
    }

    let figures = total.figures();
    if args.json {
        let out = serde_json::json!({"micro": figures, "per_article": per_article});
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        print!("{}", format_table(&figures));
    }
    let mut failed = false;
    for (k, v) in mins {
        let got = figures.get(&k).copied().flatten();
        if got.unwrap_or(0.0) < v {
            println!("below: {k} = {} < {v}", claimtrace::eval::format_figure(got));
            failed = true;
        }
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn load(path: &Path) -> Result<Value> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{}: invalid JSON", path.display()))
}

/// The predicted record for one gold record: read from the predictions
/// (a missing one scores as empty, as in `score.py`), or made by running
/// the pipeline over the matching input.
fn predicted(args: &EvalArgs, gold_path: &Path, gold: &Value, stem: &str) -> Result<Value> {
    if let Some(pred) = &args.pred {
        let path = if pred.is_dir() { pred.join(format!("{stem}.json")) } else { pred.clone() };
        if !path.exists() {
            return Ok(Value::Object(Default::default()));
        }
        return load(&path);
    }
    let input_dir = args.run.as_ref().expect("clap requires --run without PRED");
    let input = find_input(input_dir, gold, stem).with_context(|| {
        format!("no input for {} in {}", gold_path.display(), input_dir.display())
    })?;
    let bytes =
        std::fs::read(&input).with_context(|| format!("cannot read {}", input.display()))?;
    let name = input.display().to_string();
    let docs = claimtrace::analyze(
        &Input { name: &name, bytes: &bytes, format: None, content_type: None },
        &ReadOptions::default(),
    );
    let doc = docs
        .into_iter()
        .next()
        .context("input held no article")?
        .with_context(|| format!("cannot analyse {name}"))?;
    Ok(serde_json::to_value(Record::from_document(&doc))?)
}

/// `INPUT_DIR/STEM.*`, else the gold record's `source_file` (relative to
/// `INPUT_DIR` or its parent).
fn find_input(dir: &Path, gold: &Value, stem: &str) -> Option<PathBuf> {
    let by_stem = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.is_file() && p.file_stem().and_then(|s| s.to_str()) == Some(stem));
    by_stem.or_else(|| {
        let source = gold.get("source_file")?.as_str()?;
        let name = Path::new(source);
        [dir.join(name), dir.join(name.file_name()?), dir.parent()?.join(name)]
            .into_iter()
            .find(|p| p.is_file())
    })
}
