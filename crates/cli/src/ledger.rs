//! The ledger commands: `ingest`, `claims`, `trace`, `articles`, `search`
//! and `export`, over the store (`claimtrace-store`).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use claimtrace::ledger::Outlets;
use claimtrace::read::{Input, ReadOptions};
use claimtrace::record::ledger::LedgerClaim;
use claimtrace_store::{
    ArticleInput, ClaimFilter, EventFilter, Ingested, LedgerStore, Prepared, Preparer, Review,
    SqlStore,
};
use owo_colors::OwoColorize;

use crate::analyze::Limits;
use crate::fetch::fetch;

/// Where the ledger is.
#[derive(clap::Args, Debug, Clone)]
pub struct DbArg {
    /// The ledger: a SQLite file (created when missing) or a PostgreSQL
    /// database (`postgres://user:password@host/db`).
    #[arg(long, env = "CLAIMTRACE_DB", default_value = "claimtrace.db", global = true)]
    pub db: PathBuf,
    /// An outlet registry of your own (tab-separated, as
    /// `crates/claimtrace/data/outlets/outlets.tsv`): it adds outlets to
    /// the shipped set and overrides it by domain.
    #[arg(long, env = "CLAIMTRACE_OUTLETS", value_name = "FILE", global = true)]
    pub outlets: Option<PathBuf>,
}

impl DbArg {
    /// The ledger, naming outlets by the registry.
    pub fn open(&self) -> Result<SqlStore> {
        let mut store = SqlStore::connect(&self.db)?;
        store.set_outlets(self.registry()?);
        Ok(store)
    }

    /// The ledger for a command that only reads it: SQLite reads the file
    /// through a memory map, as `serve` does, rather than copying each page
    /// it reads into its cache.
    pub fn open_for_reads(&self) -> Result<SqlStore> {
        let store = self.open()?;
        store.tune_for_reads()?;
        Ok(store)
    }

    /// The shipped outlet registry, with `--outlets` over it.
    pub fn registry(&self) -> Result<std::sync::Arc<Outlets>> {
        let mut outlets = Outlets::starter();
        if let Some(path) = &self.outlets {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the outlet registry {}", path.display()))?;
            let mine =
                Outlets::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            outlets.extend(mine);
        }
        Ok(std::sync::Arc::new(outlets))
    }
}

/// Arguments of `claimtrace ingest`.
#[derive(clap::Args, Debug)]
pub struct IngestArgs {
    /// Files, folders (read recursively), URLs, or - for standard input.
    #[arg(required = true, value_name = "FILE|DIR|URL|-")]
    inputs: Vec<String>,
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    limits: Limits,
    /// Exit non-zero when any input fails, not only when all do.
    #[arg(long)]
    strict: bool,
    /// Keep following the inputs as feeds: re-read them every `--interval`
    /// seconds (conditional GET for URLs) and ingest new entries.
    #[arg(long)]
    watch: bool,
    /// Seconds between two reads of a feed with `--watch`.
    #[arg(long, default_value_t = 300)]
    interval: u64,
    /// With `--watch`, stop after this many rounds (0: never).
    #[arg(long, default_value_t = 0)]
    rounds: u64,
    /// Ingest feed entries from the text the feed carries, without
    /// fetching their links.
    #[arg(long)]
    no_fetch: bool,
    /// Articles analysed at once (default: one per core); the ledger is
    /// written in input order whatever the number.
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
    /// Articles committed to the ledger together, at most (the first
    /// waits four seconds at most, and 64 MiB of their text commit them):
    /// larger batches file a big input faster, smaller ones show in the
    /// ledger sooner.
    #[arg(long, value_name = "N", default_value_t = std::num::NonZeroUsize::new(BATCH).expect("not 0"))]
    batch: std::num::NonZeroUsize,
    /// Queue the inputs' content on this NATS JetStream server for
    /// `claimtrace worker`s instead of analysing them here (with
    /// `--watch`: the new entries of the feeds, round after round).
    #[arg(long, value_name = "URL", conflicts_with = "jobs")]
    queue: Option<String>,
}

#[derive(Default)]
struct Tally {
    new: usize,
    versions: usize,
    unchanged: usize,
    copies: usize,
    failed: usize,
}

impl Tally {
    fn ok(&self) -> usize {
        self.new + self.versions + self.unchanged + self.copies
    }
    fn line(&self) -> String {
        format!(
            "{} new, {} new versions, {} unchanged, {} copies, {} failed",
            self.new, self.versions, self.unchanged, self.copies, self.failed
        )
    }
}

/// Files below `path` (itself when it is a file), in name order; hidden
/// files and folders are skipped.
fn files_under(path: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    if !path.is_dir() {
        out.push(path.display().to_string());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for entry in entries {
        if entry.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
            continue;
        }
        files_under(&entry, out)?;
    }
    Ok(())
}

pub fn ingest(args: &IngestArgs) -> Result<ExitCode> {
    let mut names = Vec::new();
    for input in &args.inputs {
        let is_url = input.starts_with("http://") || input.starts_with("https://");
        if input == "-" || is_url || !Path::new(input).is_dir() {
            names.push(input.clone());
        } else {
            files_under(Path::new(input), &mut names)
                .with_context(|| format!("cannot list folder {input}"))?;
        }
    }
    if let Some(queue) = &args.queue {
        if !args.watch {
            return crate::queue::publish(queue, &names, &args.limits, args.strict);
        }
        // Feeds followed here, their articles analysed by the workers.
        let mut reader = Reader {
            options: args.limits.read_options(),
            args,
            seen_links: std::collections::HashSet::new(),
            publisher: Some(crate::queue::Publisher::connect(queue)?),
        };
        let mut writer = Writer::new(None, None, args.batch.get());
        watch(&mut reader, &mut writer, &claimtrace::Pipeline::standard(), &names)?;
        return Ok(ExitCode::SUCCESS);
    }
    let store = Some(args.db.open()?);
    let progress = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(names.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .expect("valid template"),
        );
        bar
    });
    let pipeline = claimtrace::Pipeline::standard();
    let mut reader = Reader {
        options: args.limits.read_options(),
        args,
        seen_links: std::collections::HashSet::new(),
        publisher: None,
    };
    let mut writer = Writer::new(store, progress, args.batch.get());
    if args.watch {
        // Feeds bring a few articles a round: one thread does it all.
        watch(&mut reader, &mut writer, &pipeline, &names)?;
    } else {
        // Reading on one thread, analysis on `--jobs` workers, the ledger
        // written here in input order (in batches: `Writer::flush`).
        let read = |emit: &mut dyn FnMut(Item) -> bool| {
            for name in &names {
                let more = if crate::fetch::is_jsonl_file(name, None) {
                    let options = &reader.options;
                    crate::fetch::stream_jsonl(name, options, &mut |doc| {
                        emit(Item::Doc { name: name.clone(), doc: Box::new(doc), url: None })
                    })
                    .unwrap_or_else(|err| emit(Item::Failed(format!("{name}: {err:#}"))))
                } else {
                    match fetch(name, args.limits.max_bytes, args.limits.timeout()) {
                        Ok(fetched) => reader.input(name, &fetched, emit),
                        Err(err) => emit(Item::Failed(format!("{name}: {err:#}"))),
                    }
                };
                if !more || !emit(Item::InputDone) {
                    return;
                }
            }
        };
        // The writer files each article as it comes and commits a batch
        // at a time: the workers go on meanwhile.
        let preparer = writer.preparer.clone();
        let writer = std::cell::RefCell::new(&mut writer);
        let flow = crate::parallel::Flow {
            batch: crate::parallel::BATCH,
            // Room for the workers to go on while a batch commits; not a
            // whole batch of analysed articles in memory.
            ahead: crate::parallel::BATCH,
            idle_after: IDLE,
            ..crate::parallel::Flow::new(crate::parallel::jobs(args.jobs))
        };
        crate::parallel::ordered_batches(
            flow,
            read,
            |items| analyse(&pipeline, preparer.as_ref(), items),
            |item| {
                writer.borrow_mut().write(item);
                Ok(())
            },
            || writer.borrow_mut().flush(),
        )?;
    }
    writer.flush();
    if let Some(bar) = &writer.progress {
        bar.finish_and_clear();
    }
    let tally = &writer.tally;
    eprintln!("claimtrace: {}: {}", args.db.db.display(), tally.line());
    Ok(if tally.failed > 0 && (tally.ok() == 0 || args.strict) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What `ingest`'s reader hands on: an article (read, then analysed by a
/// worker), or a message for the writer, in input order.
enum Item {
    Doc {
        name: String,
        doc: Box<claimtrace::Result<claimtrace::Document>>,
        url: Option<String>,
    },
    /// An analysed article ready to be filed, with its source's name.
    Ready {
        source: String,
        prepared: Box<Prepared>,
    },
    Failed(String),
    Say(String),
    /// A page read from a URL, kept as fetched before its articles are
    /// filed (preservation).
    Fetched(Box<Kept>),
    /// An input is done: the progress bar moves on.
    InputDone,
}

/// A page as fetched, for the ledger's preservation.
pub struct Kept {
    pub url: String,
    pub fetched: crate::fetch::Fetched,
    pub fetched_at: String,
}

impl Kept {
    /// When `name` is a URL, its page as fetched now.
    fn of(name: &str, fetched: &crate::fetch::Fetched) -> Option<Kept> {
        (name.starts_with("http://") || name.starts_with("https://")).then(|| Kept {
            url: name.to_string(),
            fetched: fetched.clone(),
            fetched_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        })
    }

    /// Keeps it in the ledger; whether its bytes differ from the URL's
    /// previous fetch.
    pub fn keep(&self, store: &mut SqlStore) -> claimtrace_store::Result<bool> {
        let f = &self.fetched;
        let headers: Vec<(String, String)> = [
            ("content-type", &f.content_type),
            ("etag", &f.etag),
            ("last-modified", &f.last_modified),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.clone().map(|v| (k.to_string(), v)))
        .collect();
        store.preserve(&claimtrace_store::Fetch {
            url: &self.url,
            final_url: &f.final_url,
            fetched_at: &self.fetched_at,
            bytes: &f.bytes,
            headers,
        })
    }
}

/// A worker's part: the pipeline over a batch of articles, a stage at a
/// time and contained, and, for those going to a ledger, the part of
/// filing them that needs no database (the record, the fingerprint, the
/// claims' signatures), so that the one writer only writes.
fn analyse(
    pipeline: &claimtrace::Pipeline,
    preparer: Option<&Preparer>,
    items: Vec<Item>,
) -> Vec<Item> {
    /// An item of the batch: an article (its document, if it could be
    /// read, set aside to be analysed with the others), or what else came.
    enum Slot {
        Article { name: String, read: claimtrace::Result<()>, url: Option<String> },
        Other(Item),
    }
    let mut docs = Vec::new();
    let slots: Vec<Slot> = items
        .into_iter()
        .map(|item| match item {
            Item::Doc { name, doc, url } => {
                Slot::Article { name, read: (*doc).map(|doc| docs.push(doc)), url }
            }
            other => Slot::Other(other),
        })
        .collect();
    let outcomes = pipeline.run_batch_contained(&mut docs);
    let mut analysed = docs.into_iter().zip(outcomes).map(|(doc, o)| o.map(|()| doc));
    slots
        .into_iter()
        .map(|slot| {
            let (name, read, url) = match slot {
                Slot::Article { name, read, url } => (name, read, url),
                Slot::Other(item) => return item,
            };
            let doc = read.and_then(|()| analysed.next().expect("one outcome a document read"));
            match (doc, preparer) {
                (Ok(doc), Some(preparer)) => ready(preparer, doc, url),
                (doc, _) => Item::Doc { name, doc: Box::new(doc), url },
            }
        })
        .collect()
}

/// An analysed article prepared for the ledger (`url`: the one its feed
/// entry gives, for an article that names none).
fn ready(preparer: &Preparer, mut doc: claimtrace::Document, url: Option<String>) -> Item {
    if doc.meta.url.is_none() {
        doc.meta.url = url;
    }
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let input = ArticleInput { doc: &doc, input_name: &doc.source, ingested_at: &now };
    match claimtrace::contain("ledger", || preparer.prepare(&input)) {
        Ok(prepared) => Item::Ready { source: doc.source.clone(), prepared: Box::new(prepared) },
        Err(err) => Item::Failed(format!("{}: {err}", doc.source)),
    }
}

/// `ingest`'s reading side: inputs, feeds and their entries to articles.
struct Reader<'a> {
    options: ReadOptions,
    args: &'a IngestArgs,
    /// Feed links fetched in this run (a watch fetches each once).
    seen_links: std::collections::HashSet<String>,
    /// `ingest --queue --watch`: articles go to the queue, unread.
    publisher: Option<crate::queue::Publisher>,
}

/// `ingest`'s writing side: the ledger, the counts and the progress bar.
struct Writer {
    /// None when the articles go to the queue instead (`--queue --watch`).
    store: Option<SqlStore>,
    tally: Tally,
    progress: Option<indicatif::ProgressBar>,
    /// Prepares analysed articles for the ledger (None without one).
    preparer: Option<Preparer>,
    /// The sources of the articles filed and not yet committed: each is
    /// filed as it comes ([`SqlStore::stage`]) and they are committed
    /// together (one transaction on SQLite) when there are `batch` of
    /// them, when the first has waited [`BATCH_WAIT`], when no article
    /// has come for [`IDLE`], and at the end of the input or of a watch
    /// round.
    pending: Vec<String>,
    /// When to commit them.
    commits: Commits,
}

/// Articles filed in one transaction, at most (the first waits
/// [`BATCH_WAIT`] at most, so a slow input commits sooner). Each commit
/// writes every page its articles changed, and filing changes pages all
/// over the candidate index (a claim's bands are random keys), so that
/// the more articles a commit, the fewer pages written an article: filing
/// into a ledger of 1,000,000 appearances (`bench --synthetic`, eight
/// claims an article) ran at 4,376 appearances/s in transactions of 256
/// articles and 6,950/s in transactions of 2,048; at stop 50, alternated
/// with the same build committing 2,048, 7,834 / 8,416 → 9,096 / 10,318
/// (peak RSS 463 → 494 MiB), and with the synthetic plan made smaller,
/// 8,974 / 9,613 → 9,766 / 11,303 (463 → 481 MiB); 8,192 ran 8% faster
/// again, with 488 MiB. An article filed and
/// not committed is held in memory until the commit (a failed one makes
/// the others file again one by one), and so a commit comes sooner when
/// they hold [`BATCH_BYTES`].
pub const BATCH: usize = 4096;
/// The most bytes of text (records, texts, claims) the articles filed and
/// not committed hold: news articles hold ~13 KB each (a record of ~10 KB
/// and the text), long ones many times that.
pub const BATCH_BYTES: usize = 64 << 20;
/// The longest an article filed waits to be committed.
const BATCH_WAIT: Duration = Duration::from_secs(4);
/// How long the writer waits for the next article before it commits what
/// it filed, rather than hold the database while the input is slow (a
/// worker's batch of articles takes about a tenth of a second).
const IDLE: Duration = Duration::from_millis(250);

/// When the articles filed are committed: when [`BATCH`] (or `--batch`)
/// of them wait, when they hold [`BATCH_BYTES`] of text, or when the first
/// has waited [`BATCH_WAIT`]. The rule of `ingest`'s writer, which `bench
/// --synthetic` follows.
pub struct Commits {
    batch: usize,
    since: Instant,
}

impl Commits {
    /// Commits of `batch` articles at most (at least one).
    pub fn new(batch: usize) -> Commits {
        Commits { batch: batch.max(1), since: Instant::now() }
    }

    /// An article is being filed, after the `waiting` ones not committed:
    /// the first of a batch starts its clock.
    pub fn filing(&mut self, waiting: usize) {
        if waiting == 0 {
            self.since = Instant::now();
        }
    }

    /// Whether the `waiting` articles, holding `bytes` of text
    /// ([`SqlStore::staged_bytes`]), are to be committed now.
    pub fn due(&self, waiting: usize, bytes: usize) -> bool {
        waiting >= self.batch || bytes >= BATCH_BYTES || self.since.elapsed() >= BATCH_WAIT
    }
}

/// What a feed entry says about its article, for when the article does not.
#[derive(Default)]
struct Overrides {
    url: Option<String>,
    published: Option<claimtrace::doc::Stamp>,
}

impl Reader<'_> {
    /// One input: a feed (its entries' articles), or articles. Returns
    /// whether `emit` wants more.
    fn input(
        &mut self,
        name: &str,
        fetched: &crate::fetch::Fetched,
        emit: &mut dyn FnMut(Item) -> bool,
    ) -> bool {
        let (bytes, content_type) = (&fetched.bytes[..], fetched.content_type.as_deref());
        if claimtrace::read::feed::is_feed(bytes, content_type) {
            return match claimtrace::read::feed::entries(bytes) {
                Ok(entries) => entries.into_iter().all(|entry| self.entry(name, entry, emit)),
                Err(err) => emit(Item::Failed(format!("{name}: {err}"))),
            };
        }
        if !self.keep(name, fetched, emit) {
            return false;
        }
        self.articles(name, bytes, content_type, &Overrides::default(), emit)
    }

    /// Hands a page read from URL `name` on to be kept as fetched (not
    /// when its articles go to the queue); whether `emit` wants more.
    fn keep(
        &self,
        name: &str,
        fetched: &crate::fetch::Fetched,
        emit: &mut dyn FnMut(Item) -> bool,
    ) -> bool {
        match Kept::of(name, fetched).filter(|_| self.publisher.is_none()) {
            Some(kept) => emit(Item::Fetched(Box::new(kept))),
            None => true,
        }
    }

    /// A feed entry: its linked article, fetched; else the text the feed
    /// carries for it.
    fn entry(
        &mut self,
        feed: &str,
        entry: claimtrace::read::feed::FeedEntry,
        emit: &mut dyn FnMut(Item) -> bool,
    ) -> bool {
        let published = entry.published.as_deref().and_then(claimtrace::doc::Stamp::parse_iso);
        let overrides = Overrides { url: entry.link.clone(), published };
        if let Some(link) = &entry.link {
            if !self.seen_links.insert(link.clone()) {
                return true;
            }
            if !self.args.no_fetch {
                match fetch(link, self.args.limits.max_bytes, self.args.limits.timeout()) {
                    Ok(f) => {
                        if !self.keep(link, &f, emit) {
                            return false;
                        }
                        return self.articles(
                            link,
                            &f.bytes,
                            f.content_type.as_deref(),
                            &overrides,
                            emit,
                        );
                    }
                    Err(err) if entry.content.is_none() => {
                        return emit(Item::Failed(format!("{link}: {err:#}")));
                    }
                    Err(err) => {
                        if !emit(Item::Say(format!(
                            "claimtrace: {link}: {err:#}; using the text the feed gives"
                        ))) {
                            return false;
                        }
                    }
                }
            }
        }
        let Some(content) = &entry.content else {
            return emit(Item::Failed(format!("{feed}: an entry with neither a link nor text")));
        };
        let page = format!(
            "<html><head><title>{}</title></head><body><article>{content}</article></body></html>",
            entry.title.as_deref().unwrap_or("").replace('<', "&lt;")
        );
        let name = entry.link.clone().unwrap_or_else(|| format!("{feed}#entry"));
        self.articles(&name, page.as_bytes(), Some("text/html"), &overrides, emit)
    }

    /// Reads the articles of one input and hands them on.
    fn articles(
        &mut self,
        name: &str,
        bytes: &[u8],
        content_type: Option<&str>,
        o: &Overrides,
        emit: &mut dyn FnMut(Item) -> bool,
    ) -> bool {
        if let Some(publisher) = &mut self.publisher {
            publisher.publish(crate::queue::Queued {
                name: name.to_string(),
                line: None,
                content_type: content_type.map(str::to_string),
                bytes: bytes.to_vec(),
                url: o.url.clone(),
                published: o.published.map(|p| p.to_string()),
            });
            return true;
        }
        let input = Input { name, bytes, format: None, content_type };
        let mut options = self.options.clone();
        options.published = o.published;
        let docs = claimtrace::contain("read", || claimtrace::read::read(&input, &options))
            .unwrap_or_else(|err| vec![Err(err)]);
        docs.into_iter().all(|doc| {
            emit(Item::Doc { name: name.to_string(), doc: Box::new(doc), url: o.url.clone() })
        })
    }
}

impl Writer {
    fn say(&self, line: String) {
        match &self.progress {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn failed(&mut self, message: &str) {
        self.say(format!("claimtrace: {message}"));
        self.tally.failed += 1;
    }

    /// Adds an analysed article to the ledger, or reports what went wrong.
    fn write(&mut self, item: Item) {
        let (source, prepared) = match item {
            Item::Ready { source, prepared } => (source, prepared),
            Item::Doc { name, doc, url } => match (*doc, &self.preparer) {
                (Err(err), _) => {
                    let prefix =
                        if err.article().is_some() { String::new() } else { format!("{name}: ") };
                    return self.failed(&format!("{prefix}{err}"));
                }
                (Ok(doc), None) => {
                    return self.failed(&format!("{}: no ledger to write to", doc.source));
                }
                // Analysed without a preparer: prepared here.
                (Ok(doc), Some(preparer)) => return self.write(ready(preparer, doc, url)),
            },
            Item::Failed(message) => return self.failed(&message),
            Item::Say(line) => return self.say(line),
            Item::Fetched(kept) => {
                // Kept in a transaction of its own, not in the batch of
                // articles filed and not yet committed.
                self.flush();
                if let Some(store) = &mut self.store {
                    if let Err(err) = kept.keep(store) {
                        self.say(format!("claimtrace: {}: not kept as fetched: {err}", kept.url));
                    }
                }
                return;
            }
            Item::InputDone => {
                if let Some(bar) = &self.progress {
                    bar.set_message(self.tally.line());
                    bar.inc(1);
                }
                return;
            }
        };
        let Some(store) = &mut self.store else { return };
        self.commits.filing(self.pending.len());
        store.stage(*prepared);
        self.pending.push(source);
        if self.commits.due(self.pending.len(), store.staged_bytes()) {
            self.flush();
        }
    }

    fn new(
        store: Option<SqlStore>,
        progress: Option<indicatif::ProgressBar>,
        batch: usize,
    ) -> Writer {
        Writer {
            commits: Commits::new(batch),
            preparer: store.as_ref().map(SqlStore::preparer),
            store,
            tally: Tally::default(),
            progress,
            pending: Vec::new(),
        }
    }

    /// Files the pending articles. A panic or error while filing one costs
    /// that article only: the ledger keeps all of an article or none of it.
    fn flush(&mut self) {
        let sources = std::mem::take(&mut self.pending);
        let Some(store) = &mut self.store else { return };
        let outcomes = store.commit_staged();
        for (source, outcome) in sources.iter().zip(outcomes) {
            match outcome {
                Ok(Ingested::New) => self.tally.new += 1,
                Ok(Ingested::NewVersion) => self.tally.versions += 1,
                Ok(Ingested::Unchanged) => self.tally.unchanged += 1,
                Ok(Ingested::Copy) => self.tally.copies += 1,
                Err(err) => self.failed(&format!("{source}: {err}")),
            }
        }
    }
}

/// Follows `feeds`: each round re-reads every feed (a URL with a
/// conditional GET), ingests new entries, and waits `--interval` seconds.
/// A feed that fails is retried after a doubling delay (at most an hour)
/// while the others go on.
fn watch(
    reader: &mut Reader<'_>,
    writer: &mut Writer,
    pipeline: &claimtrace::Pipeline,
    feeds: &[String],
) -> Result<()> {
    use std::time::Instant;
    struct State {
        validators: crate::fetch::Validators,
        failures: u32,
        due: Instant,
    }
    let args = reader.args;
    let interval = Duration::from_secs(args.interval);
    let mut states: Vec<State> = feeds
        .iter()
        .map(|_| State { validators: Default::default(), failures: 0, due: Instant::now() })
        .collect();
    let mut round = 0u64;
    loop {
        round += 1;
        for (feed, state) in feeds.iter().zip(states.iter_mut()) {
            if Instant::now() < state.due {
                continue;
            }
            let timeout = args.limits.timeout();
            let is_url = feed.starts_with("http://") || feed.starts_with("https://");
            let got = if is_url {
                crate::fetch::fetch_url(
                    feed,
                    args.limits.max_bytes,
                    timeout,
                    Some(&state.validators),
                )
            } else {
                fetch(feed, args.limits.max_bytes, timeout).map(Some)
            };
            match got {
                Ok(Some(f)) => {
                    state.failures = 0;
                    state.validators = crate::fetch::Validators {
                        etag: f.etag.clone(),
                        last_modified: f.last_modified.clone(),
                    };
                    state.due = Instant::now() + interval;
                    reader.input(feed, &f, &mut |item| {
                        for item in analyse(pipeline, writer.preparer.as_ref(), vec![item]) {
                            writer.write(item);
                        }
                        // Committed at once: the next entry may take a
                        // fetch, which must not hold the database.
                        writer.flush();
                        true
                    });
                }
                Ok(None) => state.due = Instant::now() + interval,
                Err(err) => {
                    state.failures += 1;
                    let backoff = interval.saturating_mul(1 << state.failures.min(6));
                    state.due = Instant::now() + backoff.min(Duration::from_secs(3600));
                    writer.failed(&format!(
                        "{feed}: {err:#} (retrying in {} s)",
                        backoff.min(Duration::from_secs(3600)).as_secs()
                    ));
                }
            }
        }
        writer.flush();
        let done = match &mut reader.publisher {
            Some(publisher) => {
                publisher.settle();
                publisher.counts.line()
            }
            None => writer.tally.line(),
        };
        writer.say(format!("claimtrace: watch round {round}: {done}"));
        if args.rounds != 0 && round >= args.rounds {
            return Ok(());
        }
        let next = states.iter().map(|s| s.due).min().unwrap_or_else(Instant::now);
        std::thread::sleep(
            next.saturating_duration_since(Instant::now()).max(Duration::from_millis(100)),
        );
    }
}

/// Output shape of the listing commands.
#[derive(clap::Args, Debug)]
pub struct OutputArgs {
    /// One JSON document (an array for lists).
    #[arg(long, conflicts_with = "jsonl")]
    json: bool,
    /// One JSON object a line.
    #[arg(long)]
    jsonl: bool,
}

/// Arguments of `claimtrace claims`.
#[derive(clap::Args, Debug)]
pub struct ClaimsArgs {
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    output: OutputArgs,
    /// Only claims whose status is now this (disputed, confirmed,
    /// unverified, hedged, reported, asserted).
    #[arg(long)]
    status: Option<String>,
    /// Only claims about, by or answered by this entity (part of a name).
    #[arg(long, value_name = "ENTITY")]
    about: Option<String>,
    /// Only claims reported by this outlet (its name or domain).
    #[arg(long)]
    outlet: Option<String>,
    /// Only claims reported by an outlet based in this country (ISO code,
    /// as the outlet registry says).
    #[arg(long, value_name = "CC")]
    outlet_country: Option<String>,
    /// Only claims reported by an outlet the registry labels
    /// state-affiliated.
    #[arg(long)]
    state_affiliated: bool,
    /// Only claims reported by a news agency (wire service).
    #[arg(long)]
    wire: bool,
    /// Only claims reported on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only claims reported on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Only claims whose wording has these words.
    #[arg(long)]
    text: Option<String>,
    /// At most this many claims (the readable list shows 50 unless told;
    /// `--json` and `--jsonl` give all).
    #[arg(long)]
    limit: Option<usize>,
    /// The page after this cursor (the readable list prints it at its end).
    #[arg(long, value_name = "CURSOR")]
    after: Option<String>,
}

/// Claims the readable list shows when `--limit` says nothing.
const READABLE_PAGE: usize = 50;

pub fn claims(args: &ClaimsArgs) -> Result<ExitCode> {
    let store = args.db.open_for_reads()?;
    let filter = ClaimFilter {
        status: args.status.clone(),
        about: args.about.clone(),
        outlet: args.outlet.clone(),
        outlet_country: args.outlet_country.clone(),
        state_affiliated: args.state_affiliated,
        wire: args.wire,
        since: args.since.clone(),
        until: args.until.clone(),
        text: args.text.clone(),
        limit: args.limit,
        after: args.after.clone(),
    };
    let readable = !args.output.json && !args.output.jsonl;
    let filter =
        ClaimFilter { limit: filter.limit.or(readable.then_some(READABLE_PAGE)), ..filter };
    let mut out = crate::stdout(!readable);
    if !readable {
        let (claims, _) = store.claims_page(&filter)?;
        if args.output.json {
            writeln!(out, "{}", serde_json::to_string_pretty(&claims)?)?;
        } else {
            for claim in &claims {
                writeln!(out, "{}", serde_json::to_string(claim)?)?;
            }
        }
    } else {
        // The list needs a line a claim, not every appearance: brief rows
        // from the clusters' summaries, however big the claims.
        let (claims, next) = store.claims_brief(&filter)?;
        for claim in &claims {
            let seen = claim.first_seen.as_ref();
            writeln!(out, "{} {}  {}", badge(&claim.status), claim.id.dimmed(), claim.text.bold())?;
            writeln!(
                out,
                "    {} outlet(s), {} appearance(s); first seen {} {}; origin: {}",
                claim.outlets,
                claim.appearances,
                seen.and_then(|s| s.published.as_deref()).unwrap_or("?"),
                seen.map(|s| s.url.as_str()).unwrap_or(""),
                claim.origin.as_deref().unwrap_or("(the outlet's own voice)")
            )?;
            if let Some(newer) = &claim.superseded_by {
                writeln!(out, "    superseded by {newer}")?;
            }
        }
        writeln!(out, "{}", format!("{} claim(s)", claims.len()).dimmed())?;
        if let Some(cursor) = next {
            writeln!(
                out,
                "{}",
                format!("more: claimtrace claims --after {cursor} (or --limit N)").dimmed()
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `claimtrace events`.
#[derive(clap::Args, Debug)]
pub struct EventsArgs {
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    output: OutputArgs,
    /// A tab-separated table with PLOVER's column names, one event a row.
    #[arg(long, conflicts_with_all = ["json", "jsonl"])]
    tsv: bool,
    /// Only events of this PLOVER type (ASSAULT, PROTEST, COERCE, ...).
    #[arg(long = "type", value_name = "TYPE")]
    kind: Option<String>,
    /// Only events with an actor, target or place whose name has this.
    #[arg(long, value_name = "ENTITY")]
    about: Option<String>,
    /// Only events on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only events on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
}

pub fn events(args: &EventsArgs) -> Result<ExitCode> {
    let store = args.db.open_for_reads()?;
    let filter = EventFilter {
        kind: args.kind.clone(),
        about: args.about.clone(),
        since: args.since.clone(),
        until: args.until.clone(),
    };
    let events = store.events(&filter)?;
    let mut out = crate::stdout(args.output.json || args.output.jsonl);
    if args.output.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&events)?)?;
    } else if args.output.jsonl {
        for event in &events {
            writeln!(out, "{}", serde_json::to_string(event)?)?;
        }
    } else if args.tsv {
        // PLOVER's field names: event, mode, actor, recipient; with the
        // place, the status and every report.
        let mut tsv = csv::WriterBuilder::new().delimiter(b'\t').from_writer(Vec::new());
        tsv.write_record([
            "id",
            "date",
            "event",
            "mode",
            "actor",
            "recipient",
            "location",
            "status",
            "reports",
            "urls",
            "claims",
        ])?;
        for e in &events {
            let urls: Vec<&str> = e.reports.iter().map(|r| r.url.as_str()).collect();
            let claims: Vec<&str> = e.reports.iter().filter_map(|r| r.claim.as_deref()).collect();
            tsv.write_record([
                e.id.as_str(),
                e.time.as_deref().unwrap_or(""),
                e.kind.as_str(),
                e.mode.as_deref().unwrap_or(""),
                &e.actors.join("; "),
                &e.targets.join("; "),
                e.location.as_deref().unwrap_or(""),
                e.status.as_str(),
                &e.reports.len().to_string(),
                &urls.join(" "),
                &claims.join(" "),
            ])?;
        }
        out.write_all(&tsv.into_inner()?)?;
    } else {
        for e in &events {
            let kind = match &e.mode {
                Some(mode) => format!("{} ({mode})", e.kind),
                None => e.kind.clone(),
            };
            let who = if e.actors.is_empty() { "?".to_string() } else { e.actors.join(", ") };
            let whom = if e.targets.is_empty() {
                String::new()
            } else {
                format!(" → {}", e.targets.join(", "))
            };
            writeln!(out, "{} {}  {} {who}{whom}", badge(&e.status), e.id.dimmed(), kind.bold())?;
            writeln!(
                out,
                "    {}{}; {} report(s), first {}",
                e.location.as_deref().map(|l| format!("in {l}, ")).unwrap_or_default(),
                e.time
                    .as_deref()
                    .map(|t| format!("on {t}"))
                    .unwrap_or_else(|| "date unknown".into()),
                e.reports.len(),
                e.reports.first().map(|r| r.url.as_str()).unwrap_or("")
            )?;
        }
        writeln!(out, "{}", format!("{} event(s)", events.len()).dimmed())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A status as a word in brackets (colour too, never colour alone).
fn badge(status: &str) -> String {
    let word = format!("[{status}]");
    match status {
        "disputed" => word.red().to_string(),
        "confirmed" => word.green().to_string(),
        "unverified" | "hedged" => word.yellow().to_string(),
        _ => word.cyan().to_string(),
    }
}

/// Arguments of `claimtrace trace`.
#[derive(clap::Args, Debug)]
pub struct TraceArgs {
    /// The claim's id (from `claims`).
    id: String,
    #[command(flatten)]
    db: DbArg,
    /// The claim as JSON.
    #[arg(long)]
    json: bool,
    /// Each status change and stance with the words that moved or show it
    /// (`cue`: the words, their offsets in the article, their sentence's
    /// offsets), and the sentence they are in.
    #[arg(long)]
    evidence: bool,
}

pub fn trace(args: &TraceArgs) -> Result<ExitCode> {
    let store = args.db.open_for_reads()?;
    let found =
        if args.evidence { store.claim_with_evidence(&args.id)? } else { store.claim(&args.id)? };
    let Some(claim) = found else {
        eprintln!("claimtrace: no claim with id {} in {}", args.id, args.db.db.display());
        return Ok(ExitCode::from(1));
    };
    let mut out = crate::stdout(args.json);
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&claim)?)?;
    } else {
        write_trace(&mut out, &claim)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_trace(out: &mut impl Write, claim: &LedgerClaim) -> std::io::Result<()> {
    writeln!(out, "{} {}", badge(&claim.status), claim.text.bold())?;
    writeln!(out, "{}", claim.id.dimmed())?;
    if let Some(seen) = &claim.first_seen {
        writeln!(
            out,
            "first seen {} ({}) in {} {}",
            seen.published.as_deref().unwrap_or("?"),
            seen.date_from,
            seen.outlet.as_deref().unwrap_or(""),
            seen.url
        )?;
    }
    writeln!(out, "origin: {}", claim.origin.as_deref().unwrap_or("(the outlet's own voice)"))?;
    if let Some(newer) = &claim.superseded_by {
        writeln!(out, "superseded by {newer} (the same claim with newer figures)")?;
    }
    if !claim.propagation.is_empty() {
        writeln!(out, "\n{}", "How it travelled".bold())?;
        write_tree(out, claim)?;
    }
    writeln!(out, "\n{}", "Timeline".bold())?;
    for entry in &claim.timeline {
        writeln!(
            out,
            "  {}  {}  {}",
            entry.date.as_deref().unwrap_or("(undated)"),
            badge(&entry.status),
            entry.url.dimmed()
        )?;
        if let Some(evidence) = &entry.evidence {
            writeln!(out, "      “{}”", evidence)?;
        }
        if let Some(cue) = &entry.cue {
            writeln!(out, "      cue: “{}” at {}..{}", cue.text.bold(), cue.span[0], cue.span[1])?;
        }
    }
    if !claim.verdicts.is_empty() {
        writeln!(out, "\n{}", "Fact-checks".bold())?;
        for v in &claim.verdicts {
            writeln!(
                out,
                "  {} {}: {}  {}",
                v.date.as_deref().unwrap_or("?"),
                v.reviewer,
                v.rating.bold(),
                v.url.dimmed()
            )?;
        }
    }
    if !claim.corrections.is_empty() {
        writeln!(out, "\n{}", "Corrections".bold())?;
        write_corrections(out, &claim.corrections)?;
    }
    if !claim.stances.is_empty() {
        writeln!(out, "\n{}", "Stances".bold())?;
        for s in &claim.stances {
            writeln!(out, "  {} {}  {}", s.actor, s.stance, s.url.dimmed())?;
            if let Some(cue) = &s.cue {
                writeln!(out, "      “{}”", s.evidence)?;
                writeln!(
                    out,
                    "      cue: “{}” at {}..{}",
                    cue.text.bold(),
                    cue.span[0],
                    cue.span[1]
                )?;
            }
        }
    }
    writeln!(out, "\n{} ({})", "Appearances".bold(), claim.appearances.len())?;
    for a in &claim.appearances {
        let copy = match (&a.copy_of, &a.wire) {
            (Some(c), _) => format!(" (copy of {c})"),
            (None, Some(wire)) => format!(" ({wire} story)"),
            (None, None) => String::new(),
        };
        writeln!(
            out,
            "  {} {} {}{}",
            a.published.as_deref().unwrap_or("?"),
            a.outlet.as_deref().unwrap_or(""),
            a.url.dimmed(),
            copy
        )?;
        writeln!(out, "      {} {}", badge(&a.status), a.text)?;
        if let Some(same) = &a.same_as {
            let mut shared: Vec<&str> = same.shared_entities.iter().map(String::as_str).collect();
            shared.extend(same.shared_numbers.iter().map(String::as_str));
            let shared = if shared.is_empty() {
                String::new()
            } else {
                format!("; both name {}", shared.join(", "))
            };
            writeln!(
                out,
                "      same claim as {}: {:.0}% of the wording{shared}",
                same.url.dimmed(),
                same.wording * 100.0
            )?;
        }
    }
    Ok(())
}

/// The propagation edges as a tree from each node nobody passed it to.
fn write_tree(out: &mut impl Write, claim: &LedgerClaim) -> std::io::Result<()> {
    let edges = &claim.propagation;
    let roots: Vec<&str> = {
        let mut roots = Vec::new();
        for e in edges {
            if !edges.iter().any(|f| f.to == e.from) && !roots.contains(&e.from.as_str()) {
                roots.push(e.from.as_str());
            }
        }
        roots
    };
    fn walk(
        out: &mut impl Write,
        edges: &[claimtrace::record::ledger::Edge],
        node: &str,
        depth: usize,
        path: &mut Vec<String>,
    ) -> std::io::Result<()> {
        let indent = "    ".repeat(depth);
        let arrow = if depth == 0 { "" } else { "└─▶ " };
        writeln!(out, "  {indent}{arrow}{node}")?;
        if path.iter().any(|p| p == node) || depth > 12 {
            return Ok(());
        }
        path.push(node.to_string());
        for e in edges.iter().filter(|e| e.from == node) {
            walk(out, edges, &e.to, depth + 1, path)?;
        }
        path.pop();
        Ok(())
    }
    for root in roots {
        walk(out, edges, root, 0, &mut Vec::new())?;
    }
    Ok(())
}

/// Arguments of `claimtrace articles`.
#[derive(clap::Args, Debug)]
pub struct ArticlesArgs {
    #[command(flatten)]
    db: DbArg,
    /// As JSON lines.
    #[arg(long)]
    jsonl: bool,
}

pub fn articles(args: &ArticlesArgs) -> Result<ExitCode> {
    let store = args.db.open_for_reads()?;
    let mut out = crate::stdout(args.jsonl);
    for a in store.articles()? {
        if args.jsonl {
            let value = serde_json::json!({
                "url": a.url, "version": a.version, "title": a.title, "outlet": a.outlet,
                "published": a.published, "date_from": a.date_from, "ingested_at": a.ingested_at,
                "claims": a.claims, "copy_of": a.copy_of, "latest": a.latest,
            });
            writeln!(out, "{value}")?;
            continue;
        }
        let mut marks = Vec::new();
        if a.version > 1 || !a.latest {
            marks.push(format!("v{}{}", a.version, if a.latest { "" } else { ", replaced" }));
        }
        if let Some(c) = &a.copy_of {
            marks.push(format!("copy of {c}"));
        }
        writeln!(
            out,
            "{}  {}  {} claim(s){}",
            a.published.as_deref().unwrap_or("?"),
            a.title.as_deref().unwrap_or("(no title)").bold(),
            a.claims,
            if marks.is_empty() { String::new() } else { format!(" [{}]", marks.join("; ")) }
        )?;
        writeln!(out, "    {} {}", a.outlet.as_deref().unwrap_or(""), a.url.dimmed())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `claimtrace search`.
#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// Words to find in claims and articles.
    query: String,
    #[command(flatten)]
    db: DbArg,
    /// At most this many hits.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// As JSON lines.
    #[arg(long)]
    jsonl: bool,
}

pub fn search(args: &SearchArgs) -> Result<ExitCode> {
    let store = args.db.open_for_reads()?;
    let hits = store.search(&args.query, args.limit)?;
    let mut out = crate::stdout(args.jsonl);
    for h in &hits {
        if args.jsonl {
            let value =
                serde_json::json!({"kind": h.kind, "id": h.id, "text": h.text, "score": h.score});
            writeln!(out, "{value}")?;
        } else {
            writeln!(out, "{:>7}  {}  {}", h.kind, h.id.dimmed(), h.text)?;
        }
    }
    out.flush()?;
    Ok(if hits.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum ExportFormat {
    Jsonl,
    Csv,
    Claimreview,
}

/// Arguments of `claimtrace export`.
#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    db: DbArg,
    /// jsonl: the ledger records; csv: one row a claim; claimreview:
    /// schema.org `Claim` JSON-LD, as fact-checking tools read it.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: ExportFormat,
}

pub fn export(args: &ExportArgs) -> Result<ExitCode> {
    let store = args.db.open_for_reads()?;
    let claims = store.claims(&ClaimFilter::default())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        ExportFormat::Jsonl => {
            for claim in &claims {
                writeln!(out, "{}", serde_json::to_string(claim)?)?;
            }
        }
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "id",
                "status",
                "text",
                "origin",
                "first_seen_url",
                "first_seen_published",
                "outlets",
                "appearances",
                "entities",
            ])?;
            for c in &claims {
                let seen = c.first_seen.as_ref();
                w.write_record([
                    c.id.as_str(),
                    &c.status,
                    &c.text,
                    c.origin.as_deref().unwrap_or(""),
                    seen.map_or("", |s| s.url.as_str()),
                    seen.and_then(|s| s.published.as_deref()).unwrap_or(""),
                    &c.outlets.to_string(),
                    &c.appearances.len().to_string(),
                    &c.entities.join("; "),
                ])?;
            }
            w.flush()?;
        }
        ExportFormat::Claimreview => {
            let items: Vec<serde_json::Value> = claims.iter().map(claim_json_ld).collect();
            let doc = serde_json::json!({"@context": "https://schema.org", "@graph": items});
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A cluster as a schema.org `Claim`.
fn claim_json_ld(c: &LedgerClaim) -> serde_json::Value {
    let work = |url: &str, published: Option<&str>, outlet: Option<&str>| {
        let mut w = serde_json::json!({"@type": "CreativeWork", "url": url});
        if let Some(p) = published {
            w["datePublished"] = p.into();
        }
        if let Some(o) = outlet {
            w["publisher"] = serde_json::json!({"@type": "Organization", "name": o});
        }
        w
    };
    let mut claim = serde_json::json!({
        "@type": "Claim",
        "identifier": c.id,
        "text": c.text,
        "appearance": c.appearances.iter()
            .map(|a| work(&a.url, a.published.as_deref(), a.outlet.as_deref()))
            .collect::<Vec<_>>(),
    });
    if let Some(seen) = &c.first_seen {
        claim["firstAppearance"] =
            work(&seen.url, seen.published.as_deref(), seen.outlet.as_deref());
    }
    if let Some(origin) = &c.origin {
        claim["author"] = serde_json::json!({"@type": "Thing", "name": origin});
    }
    claim
}

/// Arguments of `claimtrace eval-ledger`.
#[derive(clap::Args, Debug)]
pub struct EvalLedgerArgs {
    /// A folder of gold ledgers (`X.json`, as `docs/ledger-json.md` says),
    /// with each story's articles in `inputs/X.jsonl` (or `inputs/X/`).
    gold: PathBuf,
    /// Print figures as JSON (`{"micro": ..., "per_story": ...}`).
    #[arg(long)]
    json: bool,
    /// Also print, per story, each gold cluster that was not found or
    /// whose first-seen or status is wrong, and why.
    #[arg(long)]
    explain: bool,
    /// Fail (exit 1) when a figure is below a value, e.g.
    /// `--min ledger.b3_f1=0.85`. Repeatable.
    #[arg(long = "min", value_name = "KEY=VALUE")]
    min: Vec<String>,
}

/// Ingests each story's articles into a fresh ledger and scores it.
pub fn eval_ledger(args: &EvalLedgerArgs) -> Result<ExitCode> {
    use claimtrace::eval::ledger::{score, GoldCluster, LedgerTally};
    let golds = crate::eval::gold_files(&args.gold, "gold ledgers")?;
    let mut total = LedgerTally::default();
    let mut per_story = std::collections::BTreeMap::new();
    let scratch = std::env::temp_dir().join(format!("claimtrace-eval-{}", std::process::id()));
    std::fs::create_dir_all(&scratch)?;
    let pipeline = claimtrace::Pipeline::standard();
    for gold_path in golds {
        let stem = gold_path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let gold: Vec<GoldCluster> = serde_json::from_slice(&std::fs::read(&gold_path)?)
            .with_context(|| format!("{}: not a gold ledger", gold_path.display()))?;
        let inputs = args.gold.join("inputs");
        let mut names = Vec::new();
        for candidate in [inputs.join(format!("{stem}.jsonl")), inputs.join(&stem)] {
            if candidate.exists() {
                files_under(&candidate, &mut names)?;
            }
        }
        anyhow::ensure!(!names.is_empty(), "no inputs for {stem} in {}", inputs.display());
        let db = scratch.join(format!("{stem}.db"));
        let _ = std::fs::remove_file(&db);
        let mut store = SqlStore::open(&db)?;
        for name in &names {
            let bytes = std::fs::read(name).with_context(|| format!("cannot read {name}"))?;
            let input = Input { name, bytes: &bytes, format: None, content_type: None };
            for doc in claimtrace::analyze_iter(&pipeline, &input, &ReadOptions::default()) {
                let doc = doc.with_context(|| name.clone())?;
                let article = ArticleInput {
                    doc: &doc,
                    input_name: &doc.source,
                    ingested_at: "1970-01-01T00:00:00Z",
                };
                store.ingest(&article)?;
            }
        }
        let pred = store.claims(&ClaimFilter::default())?;
        let mut one = LedgerTally::default();
        score(&gold, &pred, &mut one);
        score(&gold, &pred, &mut total);
        if args.explain {
            for miss in &one.misses {
                eprintln!("{stem}: {miss}");
            }
        }
        per_story.insert(stem, one.figures());
        drop(store);
        let _ = std::fs::remove_file(&db);
    }
    let _ = std::fs::remove_dir_all(&scratch);
    let figures = total.figures();
    if args.json {
        let out = serde_json::json!({"micro": figures, "per_story": per_story});
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        for (story, f) in &per_story {
            println!("{story}");
            println!("{}", claimtrace::eval::format_table(f));
        }
        println!("micro");
        println!("{}", claimtrace::eval::format_table(&figures));
    }
    let mut failed = false;
    for m in &args.min {
        let (k, v) =
            m.split_once('=').with_context(|| format!("--min needs KEY=VALUE, got {m}"))?;
        let v: f64 = v.parse().with_context(|| format!("--min {k}: not a number: {v}"))?;
        match figures.get(k).copied().flatten() {
            Some(got) if got >= v => {}
            got => {
                eprintln!("claimtrace: {k} is {got:?}, below {v}");
                failed = true;
            }
        }
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Arguments of `claimtrace review`.
#[derive(clap::Args, Debug)]
pub struct ReviewArgs {
    /// The claim's id (from `claims`; an id a merge retired works too).
    id: String,
    /// Set the claim's status (disputed, confirmed, unverified, hedged,
    /// reported, asserted): it wins over the machine's until undone.
    #[arg(long, conflicts_with = "undo")]
    status: Option<String>,
    /// Why (with --status), or a note on its own.
    #[arg(long)]
    note: Option<String>,
    /// Take back the latest correction still in force.
    #[arg(long)]
    undo: bool,
    /// Who decides (default: $CLAIMTRACE_USER, else $USER).
    #[arg(long)]
    by: Option<String>,
    #[command(flatten)]
    db: DbArg,
}

/// Arguments of `claimtrace merge`.
#[derive(clap::Args, Debug)]
pub struct MergeArgs {
    /// The claim that stays (its id, or one a merge retired).
    id: String,
    /// The claim that joins it: its id redirects to the merged claim.
    other: String,
    #[command(flatten)]
    why: Why,
    #[command(flatten)]
    db: DbArg,
}

/// Why a correction is made, and who makes it.
#[derive(clap::Args, Debug)]
pub struct Why {
    /// Why.
    #[arg(long)]
    note: Option<String>,
    /// Who decides (default: $CLAIMTRACE_USER, else $USER).
    #[arg(long)]
    by: Option<String>,
}

/// Arguments of `claimtrace split`.
#[derive(clap::Args, Debug)]
pub struct SplitArgs {
    /// The claim to split.
    id: String,
    /// The article whose appearances leave it for a claim of their own
    /// (its URL, as `trace` lists it).
    #[arg(long, value_name = "URL")]
    appearance: String,
    #[command(flatten)]
    why: Why,
    #[command(flatten)]
    db: DbArg,
}

/// Makes two claims one, recorded with who, when and why (undo: `review
/// ID --undo`).
pub fn merge(args: &MergeArgs) -> Result<ExitCode> {
    let review = Review::Merge(args.other.clone());
    correct(&args.db, &args.id, &review, args.why.note.as_deref(), args.why.by.as_deref())
}

/// Takes one article's appearances out of a claim, recorded with who, when
/// and why (undo: `review ID --undo`).
pub fn split(args: &SplitArgs) -> Result<ExitCode> {
    let review = Review::Split(args.appearance.clone());
    correct(&args.db, &args.id, &review, args.why.note.as_deref(), args.why.by.as_deref())
}

/// Records a reviewer's decision on a claim, with who, when and why.
pub fn review(args: &ReviewArgs) -> Result<ExitCode> {
    let Some(action) =
        Review::from_request(args.status.as_deref(), args.undo, args.note.as_deref())
    else {
        anyhow::bail!("say what to record: --status S, --note TEXT or --undo");
    };
    correct(&args.db, &args.id, &action, args.note.as_deref(), args.by.as_deref())
}

/// Records correction `action` on claim `id`.
fn correct(
    db: &DbArg,
    id: &str,
    action: &Review,
    note: Option<&str>,
    by: Option<&str>,
) -> Result<ExitCode> {
    let by = by
        .map(str::to_string)
        .or_else(|| std::env::var("CLAIMTRACE_USER").ok())
        .or_else(|| std::env::var("USER").ok())
        .filter(|b| !b.trim().is_empty())
        .ok_or_else(|| {
            anyhow::anyhow!("who is reviewing? give --by NAME (or set CLAIMTRACE_USER)")
        })?;
    let at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut store = db.open()?;
    let done = match store.review(id, action, note, &by, &at) {
        Err(claimtrace_store::StoreError::Invalid(why)) => {
            eprintln!("claimtrace: {why}");
            return Ok(ExitCode::from(1));
        }
        other => other?,
    };
    match done {
        Some(c) => {
            let mut out = anstream::AutoStream::auto(std::io::stdout().lock());
            write_corrections(&mut out, std::slice::from_ref(&c))?;
            Ok(ExitCode::SUCCESS)
        }
        None if *action == Review::Undo => {
            eprintln!("claimtrace: claim {id} has no correction to undo");
            Ok(ExitCode::from(1))
        }
        None => {
            eprintln!("claimtrace: no claim with id {id} in {}", db.db.display());
            Ok(ExitCode::from(1))
        }
    }
}

/// Corrections, one a line: when, who, what, why.
fn write_corrections(
    out: &mut impl Write,
    corrections: &[claimtrace::record::ledger::Correction],
) -> std::io::Result<()> {
    for c in corrections {
        let what = match c.action.as_str() {
            "status" => format!("status → {}", badge(&c.value)),
            "undo" => format!("undo ({})", c.value),
            other => other.to_string(),
        };
        let note = c.note.as_deref().map(|n| format!("  “{n}”")).unwrap_or_default();
        writeln!(out, "  {} {} {}{}", c.at, c.by.bold(), what, note)?;
    }
    Ok(())
}

/// Arguments of `claimtrace history`.
#[derive(clap::Args, Debug)]
pub struct HistoryArgs {
    /// The article's URL (as `articles` lists it), or a claim's id for the
    /// corrections made to it.
    url: String,
    #[command(flatten)]
    db: DbArg,
}

/// What changed between two versions of an article: claims added and
/// dropped, statuses moved, and the update notes the new version carries.
/// Given a claim's id: every correction made to it, with who and when.
pub fn history(args: &HistoryArgs) -> Result<ExitCode> {
    let store = args.db.open_for_reads()?;
    let versions = store.history(&args.url)?;
    if versions.is_empty() {
        if let Some(claim) = store.claim(&args.url)? {
            let corrections = store.corrections(&args.url)?;
            let mut out = anstream::AutoStream::auto(std::io::stdout().lock());
            writeln!(out, "{} {}", claim.id.bold(), claim.text)?;
            if corrections.is_empty() {
                writeln!(out, "  no corrections")?;
            }
            write_corrections(&mut out, &corrections)?;
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!("claimtrace: no article at {} in {}", args.url, args.db.db.display());
        return Ok(ExitCode::from(1));
    }
    let mut out = anstream::AutoStream::auto(std::io::stdout().lock());
    let mut previous: Option<&claimtrace_store::Version> = None;
    for v in &versions {
        writeln!(
            out,
            "{} {}  published {}  ingested {}",
            format!("v{}", v.version).bold(),
            v.record.meta.title.as_deref().unwrap_or("(no title)"),
            v.published.as_deref().unwrap_or("?"),
            v.ingested_at
        )?;
        for note in claimtrace::ledger::update_notes(&v.record) {
            writeln!(out, "    note: {note}")?;
        }
        let Some(prev) = previous else {
            writeln!(out, "    {} claim(s)", v.record.claims.len())?;
            previous = Some(v);
            continue;
        };
        if claimtrace::ledger::is_unannounced(&v.record) {
            writeln!(out, "    {}", "changed without an update note".red())?;
        }
        let changes = claimtrace::ledger::version_changes(&prev.record, &v.record);
        for (status, text) in &changes.added {
            writeln!(out, "    {} {} {}", "+".green(), badge(status), text)?;
        }
        for (old, new, text) in &changes.moved {
            writeln!(out, "    {} {} → {} {}", "~".yellow(), badge(old), badge(new), text)?;
        }
        for (status, text) in &changes.dropped {
            writeln!(out, "    {} {} {}", "-".red(), badge(status), text)?;
        }
        let changed = !changes.is_empty();
        if !changed {
            writeln!(out, "    (no claim changed)")?;
        }
        previous = Some(v);
    }
    // The page as fetched, each time it was read.
    for f in store.fetches(&args.url)? {
        let kept = match f.stored {
            Some(n) => format!("kept, {n} bytes compressed"),
            None => "same bytes as kept before".to_string(),
        };
        writeln!(
            out,
            "fetched {}  {} bytes  sha256 {}  {kept}",
            f.fetched_at,
            f.size,
            &f.content_hash[..12]
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
