//! `claimtrace refetch`: reads again the pages the ledger was given by
//! URL, keeps what changed as fetched, files the new version, and says
//! which changed without an update note ("stealth edits").

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Result};
use claimtrace::read::Input;
use claimtrace_store::{ArticleInput, Ingested, LedgerStore};
use owo_colors::OwoColorize;

use crate::analyze::Limits;
use crate::ledger::{DbArg, Kept};

/// Arguments of `claimtrace refetch`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Pages last fetched within this long (`7d`, `24h`, `30m`) or since
    /// this date (`2026-11-01`).
    #[arg(long, default_value = "7d")]
    since: String,
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    limits: Limits,
    /// One JSON object per page on standard output.
    #[arg(long)]
    json: bool,
}

/// The earliest fetch time `since` selects, as the ledger stores times.
pub(crate) fn since_instant(since: &str, now: chrono::DateTime<chrono::Utc>) -> Result<String> {
    let s = since.trim();
    let unit = |suffix: char, seconds: i64| -> Option<i64> {
        s.strip_suffix(suffix)?.parse::<i64>().ok().map(|n| n * seconds)
    };
    let back = unit('d', 86_400).or_else(|| unit('h', 3_600)).or_else(|| unit('m', 60));
    if let Some(seconds) = back {
        let at = now - chrono::Duration::seconds(seconds.max(0));
        return Ok(at.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    }
    match claimtrace::doc::Stamp::parse_iso(s) {
        Some(_) => Ok(s.to_string()),
        None => bail!("--since {since}: give a duration (7d, 24h, 30m) or a date (2026-11-01)"),
    }
}

/// What became of one page.
enum Outcome {
    /// The server said 304, or sent the same bytes.
    Unchanged,
    /// New bytes: the versions filed, and whether the change was
    /// announced, with the claims it added and dropped.
    Changed {
        version: Option<u32>,
        unannounced: bool,
        added: Vec<String>,
        dropped: Vec<String>,
    },
    Failed(String),
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let now = chrono::Utc::now();
    let since = since_instant(&args.since, now)?;
    let mut store = args.db.open()?;
    let pages = store.fetched_since(&since)?;
    let pipeline = claimtrace::Pipeline::standard();
    let options = args.limits.read_options();
    let mut out = anstream::AutoStream::auto(std::io::stdout().lock());
    let (mut unchanged, mut changed, mut unannounced_n, mut failed) = (0, 0, 0, 0);
    for page in &pages {
        let validators = crate::fetch::Validators {
            etag: page.header("etag").map(str::to_string),
            last_modified: page.header("last-modified").map(str::to_string),
        };
        let fetched = crate::fetch::fetch_url(
            &page.url,
            args.limits.max_bytes,
            args.limits.timeout(),
            Some(&validators),
        );
        let outcome = match fetched {
            Err(err) => Outcome::Failed(format!("{err:#}")),
            Ok(None) => Outcome::Unchanged,
            Ok(Some(f)) => {
                let kept = Kept {
                    url: page.url.clone(),
                    fetched: f,
                    fetched_at: now.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                };
                match kept.keep(&mut store) {
                    Err(err) => Outcome::Failed(err.to_string()),
                    Ok(false) => Outcome::Unchanged,
                    Ok(true) => file_new_version(&mut store, &pipeline, &options, &kept),
                }
            }
        };
        match &outcome {
            Outcome::Unchanged => unchanged += 1,
            Outcome::Changed { unannounced, .. } => {
                changed += 1;
                unannounced_n += usize::from(*unannounced);
            }
            Outcome::Failed(_) => failed += 1,
        }
        report(&mut out, args.json, &page.url, &outcome)?;
    }
    out.flush()?;
    eprintln!(
        "claimtrace: {} pages read again: {unchanged} unchanged, {changed} changed \
         ({unannounced_n} without an update note), {failed} failed",
        pages.len()
    );
    Ok(if failed > 0 && failed == pages.len() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Analyses the new bytes of a page and files them: a new version of the
/// article, compared with the one before.
fn file_new_version(
    store: &mut claimtrace_store::SqlStore,
    pipeline: &claimtrace::Pipeline,
    options: &claimtrace::read::ReadOptions,
    kept: &Kept,
) -> Outcome {
    let f = &kept.fetched;
    let input = Input {
        name: &kept.url,
        bytes: &f.bytes,
        format: None,
        content_type: f.content_type.as_deref(),
    };
    let mut outcome = Outcome::Changed {
        version: None,
        unannounced: false,
        added: Vec::new(),
        dropped: Vec::new(),
    };
    for doc in claimtrace::analyze_iter(pipeline, &input, options) {
        let doc = match doc {
            Ok(doc) => doc,
            Err(err) => return Outcome::Failed(err.to_string()),
        };
        let article =
            ArticleInput { doc: &doc, input_name: &kept.url, ingested_at: &kept.fetched_at };
        match claimtrace::contain("ledger", || store.ingest(&article)) {
            Ok(Ok(Ingested::NewVersion)) => {}
            Ok(Ok(_)) => continue,
            Ok(Err(err)) => return Outcome::Failed(err.to_string()),
            Err(err) => return Outcome::Failed(err.to_string()),
        }
        let url = doc.meta.url.clone().unwrap_or_else(|| kept.url.clone());
        let versions = match store.history(&url) {
            Ok(versions) => versions,
            Err(err) => return Outcome::Failed(err.to_string()),
        };
        if let [.., old, new] = &versions[..] {
            let changes = claimtrace::ledger::version_changes(&old.record, &new.record);
            outcome = Outcome::Changed {
                version: Some(new.version),
                unannounced: claimtrace::ledger::is_unannounced(&new.record),
                added: changes.added.into_iter().map(|(_, text)| text).collect(),
                dropped: changes.dropped.into_iter().map(|(_, text)| text).collect(),
            };
        }
    }
    outcome
}

fn report(out: &mut impl Write, json: bool, url: &str, outcome: &Outcome) -> std::io::Result<()> {
    if json {
        let value = match outcome {
            Outcome::Unchanged => serde_json::json!({ "url": url, "outcome": "unchanged" }),
            Outcome::Changed { version, unannounced, added, dropped } => serde_json::json!({
                "url": url, "outcome": "changed", "version": version,
                "unannounced": unannounced, "claims_added": added, "claims_dropped": dropped,
            }),
            Outcome::Failed(error) => {
                serde_json::json!({ "url": url, "outcome": "failed", "error": error })
            }
        };
        return writeln!(out, "{value}");
    }
    match outcome {
        Outcome::Unchanged => writeln!(out, "{} {url}", "unchanged".dimmed()),
        Outcome::Changed { version, unannounced, added, dropped } => {
            let v = version.map_or_else(|| "same claims".to_string(), |v| format!("v{v}"));
            if *unannounced {
                writeln!(
                    out,
                    "{} {url} ({v}): changed without an update note",
                    "stealth edit".red()
                )?;
            } else {
                writeln!(out, "{} {url} ({v})", "updated".yellow())?;
            }
            for text in added {
                writeln!(out, "    {} {text}", "+".green())?;
            }
            for text in dropped {
                writeln!(out, "    {} {text}", "-".red())?;
            }
            Ok(())
        }
        Outcome::Failed(error) => writeln!(out, "{} {url}: {error}", "failed".red()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_takes_durations_and_dates() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-02T12:00:00Z").unwrap().to_utc();
        assert_eq!(since_instant("7d", now).unwrap(), "2026-11-25T12:00:00Z");
        assert_eq!(since_instant("24h", now).unwrap(), "2026-12-01T12:00:00Z");
        assert_eq!(since_instant("30m", now).unwrap(), "2026-12-02T11:30:00Z");
        assert_eq!(since_instant("2026-11-01", now).unwrap(), "2026-11-01");
        assert!(since_instant("soon", now).is_err());
    }
}
