//! `claimtrace reanalyze`: runs this engine over the articles the ledger
//! stores (their text and metadata as first read) and files each new
//! analysis in place of the old (`SqlStore::reanalyse`), saying what
//! moved: claims found or lost, claims joined, statuses changed.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use claimtrace_store::Reanalysed;
use owo_colors::OwoColorize;

use crate::ledger::DbArg;

/// Arguments of `claimtrace reanalyze`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only articles ingested within this long (`7d`, `24h`) or since this
    /// date (`2026-11-01`).
    #[arg(long)]
    since: Option<String>,
    /// Every article, also those this engine analysed already; then split
    /// each claim whose parts this engine's rules no longer join (a ledger
    /// filed by an earlier version), as a fresh ingest would file them
    /// (`--json`: one `{"regrouped": [id, id of a part, ...]}` a claim).
    #[arg(long)]
    all: bool,
    #[command(flatten)]
    db: DbArg,
    /// One JSON object per article analysed on standard output.
    #[arg(long)]
    json: bool,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let since = match &args.since {
        Some(s) => Some(crate::refetch::since_instant(s, chrono::Utc::now())?),
        None => None,
    };
    let mut store = args.db.open()?;
    let articles: Vec<_> = store
        .stored_articles(since.as_deref())?
        .into_iter()
        .filter(|a| args.all || a.engine != claimtrace::ENGINE)
        .collect();
    let pipeline = claimtrace::Pipeline::standard();
    let mut out = anstream::AutoStream::auto(std::io::stdout().lock());
    let (mut moved, mut failed) = (0, 0);
    for article in &articles {
        let outcome = store.stored_record(article).map_err(anyhow::Error::from).and_then(|r| {
            let mut doc = claimtrace::read::from_record(&r, &article.url);
            pipeline.run_contained(&mut doc)?;
            Ok(claimtrace::contain("ledger", || store.reanalyse(article, &doc))??)
        });
        match outcome {
            Ok(report) => {
                moved += usize::from(report.moved());
                write_report(&mut out, args.json, &report)?;
            }
            Err(err) => {
                failed += 1;
                eprintln!("claimtrace: {}: {err:#}", article.url);
                if args.json {
                    let line =
                        serde_json::json!({ "url": article.url, "error": format!("{err:#}") });
                    writeln!(out, "{line}")?;
                }
            }
        }
    }
    let mut regroup_failed = false;
    if args.all {
        match store.regroup() {
            Ok(split) => {
                for ids in &split {
                    match args.json {
                        true => writeln!(out, "{}", serde_json::json!({ "regrouped": ids }))?,
                        false => writeln!(out, "{} {}", "split".yellow(), ids.join(" → "))?,
                    }
                }
                eprintln!("claimtrace: {} claims split under this engine's rules", split.len());
            }
            Err(err) => {
                regroup_failed = true;
                eprintln!("claimtrace: claims not regrouped: {err:#}");
            }
        }
    }
    out.flush()?;
    eprintln!(
        "claimtrace: {} articles analysed again by {}: {moved} moved, {} unchanged, {failed} failed",
        articles.len(),
        claimtrace::ENGINE,
        articles.len() - moved - failed,
    );
    Ok(if failed > 0 || regroup_failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn write_report(out: &mut impl Write, json: bool, r: &Reanalysed) -> std::io::Result<()> {
    if json {
        return writeln!(out, "{}", serde_json::to_string(r).unwrap_or_default());
    }
    if !r.moved() {
        return writeln!(out, "{} {} v{}", "unchanged".dimmed(), r.url, r.version);
    }
    writeln!(out, "{} {} v{} (was {})", "moved".yellow(), r.url, r.version, r.engine_before)?;
    for text in &r.added {
        writeln!(out, "    {} {text}", "+".green())?;
    }
    for text in &r.dropped {
        writeln!(out, "    {} {text}", "-".red())?;
    }
    for text in &r.changed {
        writeln!(out, "    {} {text}", "~".yellow())?;
    }
    for [from, to] in &r.joined {
        writeln!(out, "    claim {from} joined {to}")?;
    }
    for [id, from, to] in &r.statuses {
        writeln!(out, "    claim {id}: {from} -> {to}")?;
    }
    for id in &r.gone {
        writeln!(out, "    claim {id}: no appearance left")?;
    }
    for ids in &r.split {
        if let [id, parts @ ..] = &ids[..] {
            writeln!(out, "    claim {id} fell apart: {} split off", parts.join(", "))?;
        }
    }
    Ok(())
}
