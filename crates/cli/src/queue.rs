//! The ledger fed through a NATS JetStream work queue: `ingest --queue`
//! publishes the inputs' content, `worker` pulls, analyses and files it,
//! `status --queue` shows the queue.
//!
//! Delivery is at least once: a worker acknowledges a message only after
//! the ledger committed its articles, and filing is idempotent (an article
//! is keyed by its URL and a hash of its content), so a redelivered message
//! adds nothing. JetStream de-duplicates publishes by `Nats-Msg-Id` (a hash
//! of the input's name and content) within its duplicate window. An input
//! that fails analysis `--max-tries` times goes to the dead-letter subject
//! with its error; a database that went away is waited for (the message
//! goes back to the queue, the worker backs off and reconnects).

use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use async_nats::jetstream::{self, consumer, stream, AckKind};
use async_nats::HeaderMap;
use claimtrace::read::{Input, ReadOptions};
use claimtrace_store::{ArticleInput, LedgerStore, SqlStore, StoreError};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};

use crate::analyze::Limits;
use crate::ledger::DbArg;

/// The stream of inputs and its subject.
pub const STREAM: &str = "CLAIMTRACE";
pub const SUBJECT: &str = "claimtrace.articles";
/// Inputs that failed `--max-tries` times, with their errors.
pub const DEAD_STREAM: &str = "CLAIMTRACE_DEAD";
pub const DEAD_SUBJECT: &str = "claimtrace.dead";
/// The durable consumer all workers share.
const CONSUMER: &str = "workers";

/// Headers of a queued input.
const NAME: &str = "Claimtrace-Name";
const LINE: &str = "Claimtrace-Line";
const CONTENT_TYPE: &str = "Claimtrace-Content-Type";
/// What a feed entry says of its article, for when the article does not.
const URL: &str = "Claimtrace-Url";
const PUBLISHED: &str = "Claimtrace-Published";
const ERROR: &str = "Claimtrace-Error";
const TRIES: &str = "Claimtrace-Tries";

/// Where the work queue is.
#[derive(clap::Args, Debug, Clone)]
pub struct QueueArg {
    /// The NATS server with JetStream (`nats://host:4222`).
    #[arg(long, env = "CLAIMTRACE_QUEUE", value_name = "URL")]
    pub queue: String,
}

/// Arguments of `claimtrace worker`.
#[derive(clap::Args, Debug)]
pub struct WorkerArgs {
    #[command(flatten)]
    queue: QueueArg,
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    limits: Limits,
    /// Messages held at once (pulled, not yet acknowledged): the worker's
    /// share of the queue while it works. One: an article takes tens of
    /// milliseconds, a pull one round trip, and a worker holding several
    /// leaves the others idle at the end of a batch job.
    #[arg(long, default_value_t = 1)]
    batch: usize,
    /// Failed analyses of one input before it is dead-lettered.
    #[arg(long, default_value_t = 3)]
    max_tries: i64,
    /// Seconds one input's analysis may take before it counts as failed.
    #[arg(long, default_value_t = 60)]
    analysis_timeout: u64,
    /// Seconds before a message a worker holds without acknowledging is
    /// given to another (a worker that died).
    #[arg(long, default_value_t = 30)]
    ack_wait: u64,
    /// Stop when the queue has nothing left to deliver or acknowledge
    /// (for batch jobs and benchmarks); by default a worker waits for more.
    #[arg(long)]
    exit_when_empty: bool,
}

/// Arguments of `claimtrace status`.
#[derive(clap::Args, Debug)]
pub struct StatusArgs {
    #[command(flatten)]
    queue: QueueArg,
    /// Seconds between the two looks that give the rate.
    #[arg(long, default_value_t = 2.0)]
    sample: f64,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the queue client")
}

/// Connects to NATS; `patient` keeps trying a server that is not up yet
/// (a worker started before it), else an unreachable server is an error.
async fn connect(url: &str, patient: bool) -> Result<jetstream::Context> {
    let mut options = async_nats::ConnectOptions::new()
        .connection_timeout(Duration::from_secs(5))
        .name("claimtrace");
    if patient {
        options = options.retry_on_initial_connect();
    }
    let client =
        options.connect(url).await.with_context(|| format!("cannot reach the queue at {url}"))?;
    Ok(jetstream::new(client))
}

/// The input stream and the dead-letter stream, created when missing.
async fn streams(js: &jetstream::Context) -> Result<(stream::Stream, stream::Stream)> {
    let work = js
        .get_or_create_stream(stream::Config {
            name: STREAM.into(),
            subjects: vec![SUBJECT.into()],
            retention: stream::RetentionPolicy::WorkQueue,
            duplicate_window: Duration::from_secs(600),
            ..Default::default()
        })
        .await
        .context("cannot create the input stream")?;
    let dead = js
        .get_or_create_stream(stream::Config {
            name: DEAD_STREAM.into(),
            subjects: vec![DEAD_SUBJECT.into()],
            ..Default::default()
        })
        .await
        .context("cannot create the dead-letter stream")?;
    Ok((work, dead))
}

/// One input to queue: a file, a URL's content, a line of a JSONL file, or
/// a feed entry's article (with what the entry says of it).
pub struct Queued {
    pub name: String,
    pub line: Option<usize>,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
    /// The entry's link, for an article that names no URL.
    pub url: Option<String>,
    /// The entry's date (ISO 8601), for an article that gives none.
    pub published: Option<String>,
}

impl Queued {
    /// The de-duplication key: the same input queued twice is one message.
    fn id(&self) -> String {
        let mut h = Sha256::new();
        h.update(self.name.as_bytes());
        h.update([0]);
        h.update(self.line.unwrap_or(0).to_le_bytes());
        h.update(&self.bytes);
        format!("{:x}", h.finalize())
    }

    fn headers(&self) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(async_nats::header::NATS_MESSAGE_ID, self.id().as_str());
        headers.insert(NAME, header_text(&self.name).as_str());
        if let Some(line) = self.line {
            headers.insert(LINE, line.to_string().as_str());
        }
        for (key, value) in
            [(CONTENT_TYPE, &self.content_type), (URL, &self.url), (PUBLISHED, &self.published)]
        {
            if let Some(value) = value {
                headers.insert(key, header_text(value).as_str());
            }
        }
        headers
    }
}

/// A header value: one line.
fn header_text(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

/// `ingest --queue URL`: publishes each input (each line of a JSONL file)
/// with an acknowledged publish; counts what JetStream already had.
pub fn publish(queue: &str, names: &[String], limits: &Limits, strict: bool) -> Result<ExitCode> {
    let mut publisher = Publisher::connect(queue)?;
    let mut each = Vec::new();
    for name in names {
        each.clear();
        if let Err(err) = read_input(name, limits, &mut each) {
            publisher.counts.failed += 1;
            eprintln!("claimtrace: {name}: {err:#}");
            continue;
        }
        for input in each.drain(..) {
            publisher.publish(input);
        }
    }
    publisher.settle();
    eprintln!("claimtrace: {queue}: {}", publisher.counts.line());
    let Counts { queued, duplicates, failed } = publisher.counts;
    Ok(if failed > 0 && (queued + duplicates == 0 || strict) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Publishes inputs to the queue from synchronous code (`ingest --queue`,
/// with or without `--watch`), awaiting JetStream's acknowledgements 256 at
/// a time so that publishing is not one round trip an input.
pub struct Publisher {
    rt: tokio::runtime::Runtime,
    js: jetstream::Context,
    pending: Vec<(String, jetstream::context::PublishAckFuture)>,
    pub counts: Counts,
}

impl Publisher {
    pub fn connect(queue: &str) -> Result<Publisher> {
        let rt = runtime()?;
        let js = rt.block_on(async {
            let js = connect(queue, false).await?;
            streams(&js).await?;
            anyhow::Ok(js)
        })?;
        Ok(Publisher { rt, js, pending: Vec::new(), counts: Counts::default() })
    }

    pub fn publish(&mut self, input: Queued) {
        let shown = match input.line {
            Some(line) => format!("{}:{line}", input.name),
            None => input.name.clone(),
        };
        let headers = input.headers();
        let sent =
            self.rt.block_on(self.js.publish_with_headers(SUBJECT, headers, input.bytes.into()));
        match sent {
            Ok(ack) => self.pending.push((shown, ack)),
            Err(err) => {
                self.counts.failed += 1;
                eprintln!("claimtrace: {shown}: not queued: {err}");
            }
        }
        if self.pending.len() >= 256 {
            self.settle();
        }
    }

    /// Awaits the acknowledgements still pending.
    pub fn settle(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let counts = &mut self.counts;
        self.rt.block_on(async {
            for (name, ack) in pending {
                match ack.await {
                    Ok(ack) if ack.duplicate => counts.duplicates += 1,
                    Ok(_) => counts.queued += 1,
                    Err(err) => {
                        counts.failed += 1;
                        eprintln!("claimtrace: {name}: not queued: {err}");
                    }
                }
            }
        });
    }
}

/// What `ingest --queue` did.
#[derive(Clone, Copy, Default)]
pub struct Counts {
    pub queued: usize,
    pub duplicates: usize,
    pub failed: usize,
}

impl Counts {
    pub fn line(&self) -> String {
        format!(
            "{} queued, {} already queued, {} failed",
            self.queued, self.duplicates, self.failed
        )
    }
}

/// The inputs `name` gives: a JSONL file's lines, else its content.
fn read_input(name: &str, limits: &Limits, out: &mut Vec<Queued>) -> Result<()> {
    if crate::fetch::is_jsonl_file(name, None) {
        let bytes = std::fs::read(name).context("cannot read file")?;
        for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            out.push(Queued {
                name: name.to_string(),
                line: Some(i + 1),
                content_type: None,
                bytes: line.to_vec(),
                url: None,
                published: None,
            });
        }
        if out.is_empty() {
            anyhow::bail!("{}", claimtrace::Error::Empty);
        }
        return Ok(());
    }
    let fetched = crate::fetch::fetch(name, limits.max_bytes, limits.timeout())?;
    out.push(Queued {
        name: name.to_string(),
        line: None,
        content_type: fetched.content_type,
        bytes: fetched.bytes,
        url: None,
        published: None,
    });
    Ok(())
}

/// Why a message was not filed.
enum Failure {
    /// The input's fault (unreadable, analysis failed or took too long):
    /// counted against `--max-tries`.
    Input(String),
    /// The ledger's database is away: the message waits, not counted.
    Ledger(StoreError),
}

/// What a worker did, for its closing line.
#[derive(Default)]
struct Done {
    inputs: usize,
    articles: usize,
    retried: usize,
    dead: usize,
    /// Where the time went: pulling and acknowledging, analysing,
    /// filing in the ledger.
    queue: Duration,
    analysis: Duration,
    ledger: Duration,
    /// From the first message pulled to the last acknowledged: the span
    /// the worker was busy, for its rate.
    first: Option<Instant>,
    last: Option<Instant>,
}

/// `claimtrace worker`: pulls inputs, analyses them, files them in the
/// ledger, acknowledges; until SIGTERM/SIGINT (the message in hand is
/// finished, the rest of the batch handed back) or, with
/// `--exit-when-empty`, until the queue is drained.
pub fn worker(args: &WorkerArgs) -> Result<ExitCode> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("cannot watch for signals")?;
    }
    let rt = runtime()?;
    let js = rt.block_on(connect(&args.queue.queue, true))?;
    let (work, _) = rt.block_on(streams(&js))?;
    let mut consumer: consumer::PullConsumer = rt
        .block_on(work.get_or_create_consumer(
            CONSUMER,
            consumer::pull::Config {
                durable_name: Some(CONSUMER.into()),
                ack_policy: consumer::AckPolicy::Explicit,
                ack_wait: Duration::from_secs(args.ack_wait.max(1)),
                max_ack_pending: 10_000,
                ..Default::default()
            },
        ))
        .context("cannot create the workers' consumer")?;
    let mut store = open_patiently(&args.db, &stop)?;
    let pipeline = Arc::new(claimtrace::Pipeline::standard());
    // The models load on first use: before the first pull, not while a
    // message waits.
    let warm = Input {
        name: "warm-up",
        bytes: b"Warm-up\n\nThe minister said on Monday that the plan works.",
        format: None,
        content_type: None,
    };
    let _ = claimtrace::analyze_iter(&pipeline, &warm, &ReadOptions::default()).count();
    let options = args.limits.read_options();
    let mut done = Done::default();
    let mut backoff = Backoff::new();
    let started = Instant::now();
    while !stop.load(Ordering::Relaxed) {
        let pulled = Instant::now();
        let batch = rt.block_on(async {
            let mut messages = consumer
                .fetch()
                .max_messages(args.batch.max(1))
                .expires(Duration::from_millis(250))
                .messages()
                .await?;
            let mut out = Vec::new();
            while let Some(message) = messages.next().await {
                out.push(message.map_err(|e| anyhow::anyhow!("{e}"))?);
            }
            anyhow::Ok(out)
        });
        done.queue += pulled.elapsed();
        let batch = match batch {
            Ok(batch) => {
                backoff.reset();
                batch
            }
            Err(err) => {
                eprintln!("claimtrace worker: queue: {err:#}; retrying");
                backoff.sleep(&stop);
                continue;
            }
        };
        if batch.is_empty() {
            if args.exit_when_empty {
                let info = rt.block_on(consumer.info());
                if info.is_ok_and(|i| i.num_pending == 0 && i.num_ack_pending == 0) {
                    break;
                }
            }
            continue;
        }
        done.first.get_or_insert(pulled);
        let mut batch = batch.into_iter();
        for message in batch.by_ref() {
            let tries = message.info().map(|i| i.delivered).unwrap_or(1);
            let outcome = handle(&message, &pipeline, &options, args, &mut store, &mut done);
            let acked = Instant::now();
            match outcome {
                Ok(articles) => {
                    done.inputs += 1;
                    done.articles += articles;
                    // After the commit: a crash before this line redelivers
                    // a message whose articles are already filed, and
                    // filing them again adds nothing.
                    if let Err(err) = rt.block_on(message.ack()) {
                        eprintln!("claimtrace worker: ack: {err}");
                    }
                    done.queue += acked.elapsed();
                    done.last = Some(Instant::now());
                }
                Err(Failure::Ledger(err)) => {
                    eprintln!("claimtrace worker: ledger: {err}; the input waits");
                    let _ = rt.block_on(message.ack_with(AckKind::Nak(Some(backoff.delay()))));
                    // The store reconnects by itself on its next write.
                    backoff.sleep(&stop);
                }
                Err(Failure::Input(error)) if tries >= args.max_tries => {
                    done.dead += 1;
                    eprintln!("claimtrace worker: {error}; dead-lettered after {tries} tries");
                    let mut headers = message.headers.clone().unwrap_or_default();
                    headers.insert(ERROR, header_text(&error).as_str());
                    headers.insert(TRIES, tries.to_string().as_str());
                    let dead = rt.block_on(async {
                        js.publish_with_headers(DEAD_SUBJECT, headers, message.payload.clone())
                            .await?
                            .await?;
                        anyhow::Ok(())
                    });
                    match dead {
                        Ok(()) => {
                            let _ = rt.block_on(message.ack_with(AckKind::Term));
                        }
                        Err(err) => {
                            eprintln!("claimtrace worker: dead letter: {err:#}");
                            let _ = rt.block_on(message.ack_with(AckKind::Nak(None)));
                        }
                    }
                }
                Err(Failure::Input(error)) => {
                    done.retried += 1;
                    eprintln!("claimtrace worker: {error} (try {tries} of {})", args.max_tries);
                    let _ = rt.block_on(message.ack_with(AckKind::Nak(None)));
                }
            }
            if stop.load(Ordering::Relaxed) {
                break;
            }
        }
        // Stopping: what this worker held and did not start goes back.
        for message in batch {
            let _ = rt.block_on(message.ack_with(AckKind::Nak(None)));
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let per = |d: Duration| d.as_secs_f64() * 1000.0 / done.articles.max(1) as f64;
    let busy = match (done.first, done.last) {
        (Some(first), Some(last)) => last.saturating_duration_since(first).as_secs_f64(),
        _ => 0.0,
    };
    eprintln!(
        "claimtrace worker: {} inputs, {} articles filed, {} retried, {} dead-lettered in {secs:.1} s, busy {busy:.2} s ({:.1} inputs/s busy); per article: analysis {:.1} ms, ledger {:.1} ms, queue {:.1} ms",
        done.inputs,
        done.articles,
        done.retried,
        done.dead,
        done.inputs as f64 / busy.max(1e-9),
        per(done.analysis),
        per(done.ledger),
        per(done.queue),
    );
    Ok(ExitCode::SUCCESS)
}

/// The ledger, waiting (with backoff) for a database that is not up yet.
fn open_patiently(db: &DbArg, stop: &AtomicBool) -> Result<SqlStore> {
    let outlets = db.registry()?;
    let mut backoff = Backoff::new();
    loop {
        match SqlStore::connect(&db.db) {
            Ok(mut store) => {
                store.set_outlets(outlets);
                return Ok(store);
            }
            Err(err) if err.is_transient() && !stop.load(Ordering::Relaxed) => {
                eprintln!("claimtrace worker: {err}; retrying");
                backoff.sleep(stop);
            }
            Err(err) => return Err(err.into()),
        }
    }
}

fn header(message: &jetstream::Message, name: &str) -> Option<String> {
    message.headers.as_ref()?.get(name).map(|v| v.as_str().to_string())
}

/// One message: its articles analysed (on a thread of their own, so that
/// a runaway analysis counts as a failure after `--analysis-timeout`) and
/// filed. Returns the articles filed.
fn handle(
    message: &jetstream::Message,
    pipeline: &Arc<claimtrace::Pipeline>,
    options: &ReadOptions,
    args: &WorkerArgs,
    store: &mut SqlStore,
    done: &mut Done,
) -> std::result::Result<usize, Failure> {
    let started = Instant::now();
    let name = header(message, NAME).ok_or_else(|| Failure::Input("no input name".into()))?;
    let line: Option<usize> = header(message, LINE).and_then(|l| l.parse().ok());
    let content_type = header(message, CONTENT_TYPE);
    let entry_url = header(message, URL);
    let mut options = options.clone();
    options.published =
        header(message, PUBLISHED).as_deref().and_then(claimtrace::doc::Stamp::parse_iso);
    let options = &options;
    let bytes = message.payload.to_vec();
    let (send, receive) = std::sync::mpsc::channel();
    {
        let (pipeline, options, name) = (Arc::clone(pipeline), options.clone(), name.clone());
        std::thread::spawn(move || {
            let docs: Vec<claimtrace::Result<claimtrace::Document>> = match line {
                Some(line) => claimtrace::read::read_jsonl_line(&name, line, &bytes, &options)
                    .into_iter()
                    .map(|doc| {
                        let mut doc = doc?;
                        pipeline.run_contained(&mut doc)?;
                        Ok(doc)
                    })
                    .collect(),
                None => {
                    let input = Input {
                        name: &name,
                        bytes: &bytes,
                        format: None,
                        content_type: content_type.as_deref(),
                    };
                    claimtrace::analyze_iter(&pipeline, &input, &options).collect()
                }
            };
            let _ = send.send(docs);
        });
    }
    let timeout = Duration::from_secs(args.analysis_timeout.max(1));
    // A stuck analysis cannot be stopped from outside; its thread is left
    // to finish on its own and the input is failed.
    let docs = receive.recv_timeout(timeout).map_err(|_| {
        let shown = match line {
            Some(line) => format!("{name}:{line}"),
            None => name.clone(),
        };
        Failure::Input(format!("{shown}: analysis took over {} s", timeout.as_secs()))
    })?;
    done.analysis += started.elapsed();
    let filing = Instant::now();
    let ingested_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut filed = 0;
    let mut errors = Vec::new();
    for doc in docs {
        let mut doc = match doc {
            Ok(doc) => doc,
            Err(err) => {
                errors.push(err.to_string());
                continue;
            }
        };
        if doc.meta.url.is_none() {
            doc.meta.url.clone_from(&entry_url);
        }
        let article =
            ArticleInput { doc: &doc, input_name: &doc.source, ingested_at: &ingested_at };
        match store.ingest(&article) {
            Ok(_) => filed += 1,
            Err(err) if err.is_transient() => return Err(Failure::Ledger(err)),
            Err(err) => errors.push(format!("cannot file it: {err}")),
        }
    }
    done.ledger += filing.elapsed();
    if errors.is_empty() {
        Ok(filed)
    } else {
        Err(Failure::Input(errors.join("; ")))
    }
}

/// Waits between retries: 0.2 s doubling to 10 s, cut short by a stop.
struct Backoff(Duration);

impl Backoff {
    fn new() -> Backoff {
        Backoff(Duration::from_millis(200))
    }

    fn reset(&mut self) {
        self.0 = Duration::from_millis(200);
    }

    fn delay(&self) -> Duration {
        self.0
    }

    fn sleep(&mut self, stop: &AtomicBool) {
        let until = Instant::now() + self.0;
        while Instant::now() < until && !stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(50));
        }
        self.0 = (self.0 * 2).min(Duration::from_secs(10));
    }
}

/// `claimtrace status --queue URL`: depth, in flight, workers waiting,
/// dead letters, and the rate of acknowledgements over `--sample` seconds.
pub fn status(args: &StatusArgs) -> Result<ExitCode> {
    let rt = runtime()?;
    rt.block_on(async {
        let js = connect(&args.queue.queue, false).await?;
        let (mut work, mut dead) = streams(&js).await?;
        let consumer: Option<consumer::PullConsumer> = work.get_consumer(CONSUMER).await.ok();
        let look = |mut consumer: consumer::PullConsumer| async move {
            let info = consumer.info().await?.clone();
            anyhow::Ok((consumer, info))
        };
        let (queued, dead_letters) =
            (work.info().await?.state.messages, dead.info().await?.state.messages);
        let mut figures = serde_json::json!({
            "queue": args.queue.queue,
            "stream": STREAM,
            "queued": queued,
            "dead_letters": dead_letters,
        });
        if let Some(consumer) = consumer {
            let (consumer, first) = look(consumer).await?;
            let t0 = Instant::now();
            tokio::time::sleep(Duration::from_secs_f64(args.sample.max(0.1))).await;
            let (_, second) = look(consumer).await?;
            let acked =
                second.ack_floor.stream_sequence.saturating_sub(first.ack_floor.stream_sequence);
            let rate = acked as f64 / t0.elapsed().as_secs_f64();
            figures["waiting"] = second.num_pending.into();
            figures["in_flight"] = second.num_ack_pending.into();
            figures["redelivered"] = second.num_redelivered.into();
            figures["workers_pulling"] = second.num_waiting.into();
            figures["acked_per_second"] = ((rate * 10.0).round() / 10.0).into();
        }
        if args.json {
            println!("{}", serde_json::to_string_pretty(&figures)?);
        } else {
            let show = |key: &str| figures.get(key).map_or("-".to_string(), |v| v.to_string());
            println!("queue         {}", args.queue.queue);
            println!("queued        {}", show("queued"));
            println!("waiting       {} (not yet delivered)", show("waiting"));
            println!("in flight     {} (delivered, not acknowledged)", show("in_flight"));
            println!("redelivered   {}", show("redelivered"));
            println!("workers       {} pulling now", show("workers_pulling"));
            println!("rate          {} inputs/s acknowledged", show("acked_per_second"));
            println!("dead letters  {} (subject {DEAD_SUBJECT})", show("dead_letters"));
        }
        Ok(ExitCode::SUCCESS)
    })
}
