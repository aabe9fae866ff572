//! `claimtrace analyze`: inputs in, records or reports out.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use claimtrace::doc::Stamp;
use claimtrace::read::{Format, Input, ReadOptions};
use claimtrace::Record;

use crate::fetch::fetch;
use crate::report;

/// The default `--max-bytes`: 20 MiB, above any news page, and a bound on
/// what reading a page costs (about 25 bytes of memory per byte of HTML).
pub const DEFAULT_MAX_BYTES: usize = 20 << 20;
/// The default `--max-body`: 4 MiB of text, a long book; with
/// `DEFAULT_MAX_BYTES` it keeps one input's peak memory under 1 GB.
pub const DEFAULT_MAX_BODY: usize = 4 << 20;

/// How much of an input is read, and how long a URL is waited for:
/// `analyze` and `ingest` share them.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct Limits {
    /// Largest input read, in bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Longest article body analysed, in bytes of text once read; longer
    /// articles are refused, named (about 70 bytes of memory per byte).
    #[arg(long, default_value_t = DEFAULT_MAX_BODY)]
    pub max_body: usize,
    /// Seconds to wait for a URL.
    #[arg(long, default_value_t = 20)]
    pub timeout: u64,
}

impl Limits {
    /// Reader options with these limits.
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            max_bytes: Some(self.max_bytes),
            max_body: Some(self.max_body),
            ..ReadOptions::default()
        }
    }

    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.timeout)
    }
}

/// Arguments of `claimtrace analyze`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, URLs, or - for standard input.
    #[arg(required = true, value_name = "FILE|URL|-")]
    inputs: Vec<String>,
    /// Print the article record as JSON (an array when there are several).
    #[arg(long, conflicts_with = "jsonl")]
    json: bool,
    /// Print one record a line.
    #[arg(long)]
    jsonl: bool,
    /// Print the sentences as CoNLL-U: each token with its tag, head and
    /// relation, named entities in the last column.
    #[arg(long, conflicts_with_all = ["json", "jsonl"])]
    conllu: bool,
    /// The input format, when the name and content do not tell.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// Publication date (ISO 8601) for inputs that lack one.
    #[arg(long, value_parser = parse_stamp)]
    published: Option<Stamp>,
    /// Outlet name for inputs that lack one.
    #[arg(long)]
    outlet: Option<String>,
    #[command(flatten)]
    limits: Limits,
    /// Show the cleaned body text in the readable report.
    #[arg(long)]
    body: bool,
    /// Exit non-zero when any input fails, not only when all do.
    #[arg(long)]
    strict: bool,
    /// Articles analysed at once (default: one per core). The output is
    /// the same, in input order, whatever the number.
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
}

/// An article on its way from the reader to a worker.
enum Job {
    /// An article read from input `name`, or why it could not be.
    Article { name: String, doc: Box<claimtrace::Result<claimtrace::Document>> },
    /// Input `name` could not be fetched.
    Unfetched { name: String, message: String },
    /// Input `name` is done (the progress bar moves on).
    Finished(String),
}

/// What a worker made of a job, for the writer.
enum Done {
    Record { record: Box<Record>, text: String },
    Failed { name: Option<String>, message: String },
    Finished(String),
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum FormatArg {
    Text,
    Html,
    Json,
    Jsonl,
}

fn parse_stamp(s: &str) -> Result<Stamp, String> {
    Stamp::parse_iso(s).ok_or_else(|| format!("not an ISO 8601 date: {s}"))
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let options = ReadOptions {
        published: args.published,
        outlet: args.outlet.clone(),
        ..args.limits.read_options()
    };
    let format = args.format.map(|f| match f {
        FormatArg::Text => Format::Text,
        FormatArg::Html => Format::Html,
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::Jsonl,
    });
    let progress = (args.inputs.len() > 1 && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(args.inputs.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
                .expect("valid template"),
        );
        bar
    });

    let pipeline = claimtrace::Pipeline::standard();
    let mut out = crate::stdout(args.json || args.jsonl || args.conllu);
    let (mut n_ok, mut n_failed) = (0usize, 0usize);
    let mut records = Vec::new();
    // Reading (fetching, decoding, splitting JSONL) is one thread in input
    // order; analysis runs on `--jobs` workers; this thread writes.
    let read = |emit: &mut dyn FnMut(Job) -> bool| {
        for name in &args.inputs {
            if crate::fetch::is_jsonl_file(name, format) {
                // Line by line: a JSONL file of any length in bounded memory.
                let more = crate::fetch::stream_jsonl(name, &options, &mut |doc| {
                    emit(Job::Article { name: name.clone(), doc: Box::new(doc) })
                })
                .unwrap_or_else(|err| {
                    let message = format!("{err:#}");
                    emit(Job::Unfetched { name: name.clone(), message })
                });
                if !more || !emit(Job::Finished(name.clone())) {
                    return;
                }
                continue;
            }
            let fetched = match fetch(name, args.limits.max_bytes, args.limits.timeout()) {
                Ok(f) => f,
                Err(err) => {
                    let message = format!("{err:#}");
                    if !emit(Job::Unfetched { name: name.clone(), message })
                        || !emit(Job::Finished(name.clone()))
                    {
                        return;
                    }
                    continue;
                }
            };
            let input = Input {
                name,
                bytes: &fetched.bytes,
                format,
                content_type: fetched.content_type.as_deref(),
            };
            let docs = claimtrace::contain("read", || claimtrace::read::read(&input, &options))
                .unwrap_or_else(|err| vec![Err(err)]);
            for doc in docs {
                if !emit(Job::Article { name: name.clone(), doc: Box::new(doc) }) {
                    return;
                }
            }
            if !emit(Job::Finished(name.clone())) {
                return;
            }
        }
    };
    // The record and the report of an analysed article are built under
    // containment too, so that a bug there also costs this article only.
    let finish = |name: String, analysed: claimtrace::Result<claimtrace::Document>| -> Done {
        let result = analysed.and_then(|doc| {
            claimtrace::contain("record", || {
                let record = Record::from_document(&doc);
                let text = if args.conllu {
                    claimtrace::record::conllu::to_conllu(&doc)
                } else if args.jsonl {
                    format!("{}\n", record.to_json_line())
                } else if args.json {
                    String::new()
                } else {
                    let mut buf = Vec::new();
                    report::write(&mut buf, &doc, &record, args.body)
                        .expect("writing to memory does not fail");
                    String::from_utf8_lossy(&buf).into_owned()
                };
                (record, text)
            })
        });
        match result {
            Ok((record, text)) => Done::Record { record: Box::new(record), text },
            // Some errors name the article themselves (`batch.jsonl:3`).
            Err(err) => Done::Failed {
                name: err.article().is_none().then_some(name),
                message: err.to_string(),
            },
        }
    };
    // A worker's batch: the articles read are analysed together, a stage
    // at a time (`Pipeline::run_batch_contained`).
    /// An input of a worker's batch: an article (its document, if it could
    /// be read, set aside to be analysed with the others), or what is
    /// already done.
    enum Slot {
        Article { name: String, read: claimtrace::Result<()> },
        Done(Done),
    }
    let analyse = |jobs: Vec<Job>| -> Vec<Done> {
        let mut docs = Vec::new();
        let slots: Vec<Slot> = jobs
            .into_iter()
            .map(|job| match job {
                Job::Article { name, doc } => {
                    Slot::Article { name, read: (*doc).map(|doc| docs.push(doc)) }
                }
                Job::Unfetched { name, message } => {
                    Slot::Done(Done::Failed { name: Some(name), message })
                }
                Job::Finished(name) => Slot::Done(Done::Finished(name)),
            })
            .collect();
        let outcomes = pipeline.run_batch_contained(&mut docs);
        let mut analysed = docs.into_iter().zip(outcomes).map(|(doc, o)| o.map(|()| doc));
        slots
            .into_iter()
            .map(|slot| match slot {
                Slot::Article { name, read } => finish(
                    name,
                    read.and_then(|()| analysed.next().expect("one outcome a document read")),
                ),
                Slot::Done(done) => done,
            })
            .collect()
    };
    let mut write = |done: Done| -> Result<()> {
        match done {
            Done::Record { record, text } => {
                n_ok += 1;
                if args.json {
                    records.push(*record);
                } else {
                    out.write_all(text.as_bytes())?;
                }
            }
            Done::Failed { name, message } => {
                report_error(progress.as_ref(), name.as_deref(), &message);
                n_failed += 1;
            }
            Done::Finished(name) => {
                if let Some(bar) = &progress {
                    bar.set_message(name);
                    bar.inc(1);
                }
            }
        }
        Ok(())
    };
    let flow = crate::parallel::Flow {
        batch: crate::parallel::BATCH,
        ..crate::parallel::Flow::new(crate::parallel::jobs(args.jobs))
    };
    crate::parallel::ordered_batches(flow, read, analyse, &mut write, || {})?;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    if args.json {
        let text = match records.len() {
            1 => records[0].to_json_pretty(),
            _ => serde_json::to_string_pretty(&records).context("cannot write JSON")?,
        };
        if n_ok > 0 {
            writeln!(out, "{text}")?;
        }
    }
    out.flush()?;
    Ok(if n_ok == 0 || (args.strict && n_failed > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn report_error(progress: Option<&indicatif::ProgressBar>, name: Option<&str>, message: &str) {
    let line = match name {
        Some(name) => format!("claimtrace: {name}: {message}"),
        None => format!("claimtrace: {message}"),
    };
    match progress {
        Some(bar) => bar.println(line),
        None => eprintln!("{line}"),
    }
}
