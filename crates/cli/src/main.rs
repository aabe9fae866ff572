//! The `claimtrace` command: a thin shell around the engine. It parses
//! arguments, reads files, stdin and URLs, and prints; the engine does the
//! rest. `main` only maps the outcome to an exit code.

mod analyze;
mod bench;
mod eval;
mod fetch;
mod ledger;
mod load;
mod parallel;
mod queue;
mod reanalyze;
mod refetch;
mod report;
mod synthetic;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Standard output, locked: for a readable report, colours kept on a
/// terminal and stripped elsewhere; for `data` (JSON, JSONL, which carry
/// no colours: serde escapes control characters) written as it is, since
/// looking for colours to strip in megabytes of JSON costs a tenth of a
/// big `claims --json`.
pub(crate) fn stdout(data: bool) -> anstream::AutoStream<std::io::StdoutLock<'static>> {
    match data {
        true => anstream::AutoStream::always_ansi(std::io::stdout().lock()),
        false => anstream::AutoStream::auto(std::io::stdout().lock()),
    }
}

/// mimalloc in place of the system allocator: analysis and filing
/// allocate many small, short-lived strings and vectors, and glibc's
/// allocator took a sixth of the ledger's ingest time (`bench
/// --synthetic`) and a twentieth of `analyze`'s.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Reads news articles and builds a ledger of claims: who said what,
/// citing whom, and how verified.
#[derive(Parser, Debug)]
#[command(name = "claimtrace", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse articles (text, HTML, JSON, JSONL files, URLs, or - for
    /// stdin) and print their records.
    Analyze(analyze::Args),
    /// Score records against gold records, as `score.py` does.
    Eval(EvalArgs),
    /// Measure the pipeline's throughput and memory over a corpus.
    Bench(bench::Args),
    /// Add articles to the ledger (files, folders, JSONL, URLs, or -).
    Ingest(ledger::IngestArgs),
    /// List the ledger's claims, newest activity first.
    Claims(ledger::ClaimsArgs),
    /// The ledger's events (PLOVER types), each with every report of it.
    Events(ledger::EventsArgs),
    /// One claim: how it travelled, its timeline, stances and appearances.
    Trace(ledger::TraceArgs),
    /// The articles in the ledger, with versions and copies.
    Articles(ledger::ArticlesArgs),
    /// Full-text search over the ledger's claims and articles, best first
    /// (bm25; on SQLite, among the 5,000 most recently filed matches of
    /// each).
    Search(ledger::SearchArgs),
    /// Write the whole ledger out (JSONL, CSV or schema.org ClaimReview).
    Export(ledger::ExportArgs),
    /// The versions of an article at a URL, and what changed between them;
    /// or a claim's corrections, with who and when.
    History(ledger::HistoryArgs),
    /// Correct a claim: set its status, add a note, or undo (recorded with
    /// who, when and why; wins over the machine, survives re-ingest).
    Review(ledger::ReviewArgs),
    /// Make two claims one (a correction, with who, when and why; undo
    /// with `review ID --undo`); the second's id redirects.
    Merge(ledger::MergeArgs),
    /// Take one article's appearances out of a claim into a claim of their
    /// own (a correction; later versions of the article stay apart).
    Split(ledger::SplitArgs),
    /// Read again the pages the ledger was given by URL: keep what changed
    /// as fetched, file the new version, and name the pages that changed
    /// without an update note (stealth edits).
    Refetch(refetch::Args),
    /// Analyse stored articles again with this engine (those another
    /// engine read, by default) and say what moved; ids of claims whose
    /// members did not change, and every correction, hold.
    Reanalyze(reanalyze::Args),
    /// Score the ledger against gold ledgers (B-cubed over appearances).
    EvalLedger(ledger::EvalLedgerArgs),
    /// The ledger in a browser, and an HTTP API (loopback by default).
    Serve(ServeArgs),
    /// Pull inputs from the work queue (`ingest --queue`), analyse them
    /// and file them in the ledger, until stopped.
    Worker(queue::WorkerArgs),
    /// The work queue: depth, in flight, workers, rate, dead letters.
    Status(queue::StatusArgs),
}

/// Arguments of `claimtrace serve`.
#[derive(clap::Args, Debug)]
struct ServeArgs {
    #[command(flatten)]
    db: ledger::DbArg,
    /// Address to listen on. Anything but loopback makes every write need
    /// `--token`.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,
    /// The token writes need (`Authorization: Bearer TOKEN`).
    #[arg(long, env = "CLAIMTRACE_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Another host name the server answers to (repeatable); requests for
    /// any other name are refused (DNS rebinding).
    #[arg(long = "host", value_name = "NAME")]
    hosts: Vec<String>,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = 4 << 20)]
    max_body: usize,
    /// Largest upload (files on the analyse page, `/api/ingest`), in bytes.
    #[arg(long, default_value_t = 32 << 20)]
    max_upload: usize,
    /// Fetch URLs on loopback, private and link-local networks too. Off,
    /// the server refuses them (after DNS, and on every redirect): a
    /// server that fetches what others give it must not reach inside.
    #[arg(long)]
    allow_private: bool,
}

/// Arguments of `claimtrace eval`.
#[derive(clap::Args, Debug)]
struct EvalArgs {
    /// A gold record file, or a folder of them (`X.json`).
    gold: PathBuf,
    /// Predicted records: a file, or a folder with one `X.json` per gold
    /// record.
    #[arg(required_unless_present = "run", conflicts_with = "run")]
    pred: Option<PathBuf>,
    /// Analyse the inputs in this folder (an input `X.*` for each gold
    /// `X.json`, or the gold record's `source_file`) and score the results.
    #[arg(long, value_name = "INPUT_DIR")]
    run: Option<PathBuf>,
    /// Print figures as JSON (`{"micro": ..., "per_article": ...}`).
    #[arg(long)]
    json: bool,
    /// Fail (exit 1) when a figure is below a value, e.g.
    /// `--min claims.f1=0.6`. Repeatable.
    #[arg(long = "min", value_name = "KEY=VALUE")]
    min: Vec<String>,
}

fn serve(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let mut config = claimtrace_server::Config::new(args.db.db.clone(), args.addr);
    config.token.clone_from(&args.token);
    config.hosts.clone_from(&args.hosts);
    config.max_body = args.max_body;
    config.max_upload = args.max_upload;
    config.allow_private = args.allow_private;
    config.outlets = args.db.registry()?;
    claimtrace_server::run(config)?;
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Bench(args) => bench::run(&args),
        Command::Ingest(args) => ledger::ingest(&args),
        Command::Claims(args) => ledger::claims(&args),
        Command::Events(args) => ledger::events(&args),
        Command::Trace(args) => ledger::trace(&args),
        Command::Articles(args) => ledger::articles(&args),
        Command::Search(args) => ledger::search(&args),
        Command::Export(args) => ledger::export(&args),
        Command::EvalLedger(args) => ledger::eval_ledger(&args),
        Command::History(args) => ledger::history(&args),
        Command::Review(args) => ledger::review(&args),
        Command::Merge(args) => ledger::merge(&args),
        Command::Split(args) => ledger::split(&args),
        Command::Refetch(args) => refetch::run(&args),
        Command::Reanalyze(args) => reanalyze::run(&args),
        Command::Serve(args) => serve(&args),
        Command::Worker(args) => queue::worker(&args),
        Command::Status(args) => queue::status(&args),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`claimtrace analyze … | head`) is not an error.
        Err(err)
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("claimtrace: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
