//! `claimtrace bench`: throughput and peak memory of the pipeline over a
//! corpus, stage by stage, as medians of several runs on one core.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use claimtrace::read::{Format, Input, ReadOptions};
use claimtrace::{Document, Pipeline};

/// Arguments of `claimtrace bench`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// A CSV corpus with a `text` column (and optional `title`, `date`,
    /// `url`), like the Wikinews 2019 set, or a JSONL file of records.
    #[arg(default_value = "testdata/wikinews/wikinews_2019.csv")]
    corpus: PathBuf,
    /// Timed runs; the median is reported.
    #[arg(long, default_value_t = 7)]
    runs: usize,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
    /// Instead, join the corpus into single articles of growing length
    /// (1/16, 1/8, … of it, then all of it) and report each stage's time
    /// per thousand tokens: flat rows mean the stage is linear in the
    /// article's length.
    #[arg(long)]
    grow: bool,
    /// Instead, compare `ingest` into a fresh SQLite ledger with `analyze
    /// --jsonl` over the same articles (medians, and the ratio of their
    /// throughputs).
    #[arg(long, conflicts_with = "grow")]
    ingest: bool,
    /// Instead, build a synthetic ledger of this many claim appearances
    /// (names from the corpus) through the real ingest path, and time the
    /// queries on it: appearances/s, candidates per lookup, peak memory,
    /// p95 of `claims --about`, `trace` and `search`.
    #[arg(long, value_name = "N", conflicts_with_all = ["grow", "ingest"])]
    synthetic: Option<usize>,
    /// Instead, time the whole analysis of the corpus (read, every stage,
    /// the JSON record) through `analyze`'s worker pool with one worker
    /// and with N: medians, articles/s and the speed-up.
    #[arg(long, value_name = "N", conflicts_with_all = ["grow", "ingest", "synthetic"])]
    jobs: Option<usize>,
    /// Instead, load `claimtrace serve` over loopback on the ledger
    /// `--db` (build one with `--synthetic`): claim pages and
    /// `/api/claims` pages with changing filters; requests/s and latency
    /// percentiles.
    #[arg(long, conflicts_with_all = ["grow", "ingest", "synthetic", "jobs"])]
    serve: bool,
    /// Requests `--serve` makes.
    #[arg(long, default_value_t = 10_000)]
    requests: usize,
    /// Connections `--serve` keeps open at once.
    #[arg(long, default_value_t = 16)]
    concurrency: usize,
    /// The ledger file `--synthetic` builds (replaced if it exists), or
    /// `--serve` loads.
    #[arg(long, default_value = "claimtrace-synthetic.db")]
    db: PathBuf,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    if args.runs == 0 {
        bail!("--runs must be at least 1");
    }
    if args.serve {
        return crate::load::run(&args.db, args.requests, args.concurrency, args.json);
    }
    let records = load(&args.corpus)?;
    if records.is_empty() {
        bail!("{}: no articles", args.corpus.display());
    }
    if args.grow {
        return grow(&records, args.runs);
    }
    if args.ingest {
        return ingest(&records, args.runs);
    }
    if let Some(n) = args.synthetic {
        return crate::synthetic::run(n, &args.db, &records, args.json);
    }
    if let Some(n) = args.jobs {
        return jobs(&records, args.runs, n.max(1), args.json);
    }
    let n_bytes: usize = records.iter().map(Vec::len).sum();
    let pipeline = Pipeline::standard();
    let names: Vec<&str> = std::iter::once("read").chain(pipeline.names()).collect();
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); names.len()];
    let mut n_tokens = 0;
    // One run first warms caches and loads the models and tables every
    // process loads once; it is timed apart, as the start-up.
    let mut first_run = 0.0;
    for run in 0..=args.runs {
        let start = Instant::now();
        let mut docs: Vec<Document> = records
            .iter()
            .map(|bytes| {
                let input =
                    Input { name: "bench", bytes, format: Some(Format::Json), content_type: None };
                claimtrace::read::read(&input, &ReadOptions::default()).pop().expect("one record")
            })
            .collect::<claimtrace::Result<_>>()
            .context("a corpus article could not be read")?;
        let mut lap = vec![start.elapsed().as_secs_f64()];
        for stage in pipeline.stages() {
            let start = Instant::now();
            for doc in &mut docs {
                stage.run(doc);
            }
            lap.push(start.elapsed().as_secs_f64());
        }
        n_tokens = docs.iter().map(|d| d.tokens.len()).sum();
        if run == 0 {
            first_run = lap.iter().sum();
        } else {
            for (i, t) in lap.into_iter().enumerate() {
                times[i].push(t);
            }
        }
    }
    let medians: Vec<f64> = times.iter_mut().map(|t| median(t)).collect();
    let total: f64 = medians.iter().sum();
    // What the first run took beyond a warm one: loading the models,
    // gazetteers and lexicons (and cold caches).
    let start_up = (first_run - total).max(0.0);
    let peak_kib = peak_memory_kib();
    let mb = n_bytes as f64 / 1e6;
    if args.json {
        let stages: serde_json::Map<String, serde_json::Value> = names
            .iter()
            .zip(&medians)
            .map(|(n, t)| (n.to_string(), serde_json::json!({"median_s": t, "share": t / total})))
            .collect();
        let out = serde_json::json!({
            "articles": records.len(), "bytes": n_bytes, "tokens": n_tokens, "runs": args.runs,
            "median_s": total, "mb_per_s": mb / total, "articles_per_s": records.len() as f64 / total,
            "tokens_per_s": n_tokens as f64 / total, "peak_rss_kib": peak_kib, "stages": stages,
            "start_up_s": start_up,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} articles, {:.2} MB, {} tokens; median of {} runs on one core",
        records.len(),
        mb,
        n_tokens,
        args.runs
    );
    println!("{:<12} {:>12} {:>8}", "stage", "median ms", "share");
    for (name, t) in names.iter().zip(&medians) {
        println!("{name:<12} {:>12.2} {:>7.1}%", t * 1e3, 100.0 * t / total);
    }
    println!("{:<12} {:>12.2}", "total", total * 1e3);
    println!(
        "throughput: {:.1} MB/s, {:.0} articles/s, {:.0} tokens/s",
        mb / total,
        records.len() as f64 / total,
        n_tokens as f64 / total
    );
    println!(
        "start-up (the first run's extra time: models, gazetteers, lexicons): {:.1} ms",
        start_up * 1e3
    );
    if let Some(kib) = peak_kib {
        println!("peak memory (RSS high-water mark): {:.1} MiB", kib as f64 / 1024.0);
    }
    Ok(ExitCode::SUCCESS)
}

/// The whole analysis of `records` on 1 and on `n` workers, as `analyze`
/// runs it: each worker analyses a batch of articles a stage at a time.
fn jobs(records: &[Vec<u8>], runs: usize, n: usize, json: bool) -> Result<ExitCode> {
    let pipeline = Pipeline::standard();
    let analyse = |batch: Vec<&Vec<u8>>| -> Vec<usize> {
        let mut docs: Vec<Document> = batch
            .iter()
            .filter_map(|bytes| {
                let input =
                    Input { name: "bench", bytes, format: Some(Format::Json), content_type: None };
                claimtrace::read::read(&input, &ReadOptions::default()).pop()?.ok()
            })
            .collect();
        let outcomes = pipeline.run_batch_contained(&mut docs);
        let mut lens: Vec<usize> = docs
            .iter()
            .zip(outcomes)
            .map(|(doc, o)| {
                o.map_or(0, |()| claimtrace::Record::from_document(doc).to_json_line().len())
            })
            .collect();
        // One result a record.
        lens.resize(batch.len(), 0);
        lens
    };
    let mut one = Vec::new();
    let mut many = Vec::new();
    // One untimed run of each warms caches and lazily built tables.
    for run in 0..=runs {
        for (workers, times) in [(1, &mut one), (n, &mut many)] {
            let start = Instant::now();
            let mut bytes_out = 0;
            let flow = crate::parallel::Flow {
                batch: crate::parallel::BATCH,
                ..crate::parallel::Flow::new(workers)
            };
            crate::parallel::ordered_batches(
                flow,
                |emit| {
                    for record in records {
                        if !emit(record) {
                            return;
                        }
                    }
                },
                analyse,
                |len| {
                    bytes_out += len;
                    Ok(())
                },
                || {},
            )?;
            if run > 0 {
                times.push(start.elapsed().as_secs_f64());
            }
        }
    }
    let (t1, tn) = (median(&mut one), median(&mut many));
    let per_s = |t: f64| records.len() as f64 / t;
    let peak_kib = peak_memory_kib();
    if json {
        let out = serde_json::json!({
            "articles": records.len(), "runs": runs, "jobs": n,
            "median_s_1": t1, "median_s_n": tn,
            "articles_per_s_1": per_s(t1), "articles_per_s_n": per_s(tn),
            "speedup": t1 / tn, "peak_rss_kib": peak_kib,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} articles, whole analysis (read, stages, JSON); median of {runs} runs",
        records.len()
    );
    println!("--jobs 1: {:>9.1} ms {:>8.0} articles/s", t1 * 1e3, per_s(t1));
    println!("--jobs {n}: {:>9.1} ms {:>8.0} articles/s", tn * 1e3, per_s(tn));
    println!("speed-up: {:.2}x", t1 / tn);
    if let Some(kib) = peak_kib {
        println!("peak memory (RSS high-water mark): {:.1} MiB", kib as f64 / 1024.0);
    }
    Ok(ExitCode::SUCCESS)
}

/// `analyze --jsonl` against `ingest` over the same records, each as the
/// commands analyse them (a batch of articles a stage at a time).
fn ingest(records: &[Vec<u8>], runs: usize) -> Result<ExitCode> {
    use claimtrace_store::{ArticleInput, SqlStore};
    let pipeline = Pipeline::standard();
    let analyze_batch = |batch: &[Vec<u8>]| -> Result<Vec<Document>> {
        let mut docs = batch
            .iter()
            .map(|bytes| {
                let input =
                    Input { name: "bench", bytes, format: Some(Format::Json), content_type: None };
                claimtrace::read::read(&input, &ReadOptions::default())
                    .pop()
                    .expect("one record")
                    .context("a corpus article could not be read")
            })
            .collect::<Result<Vec<_>>>()?;
        for outcome in pipeline.run_batch_contained(&mut docs) {
            outcome.context("a corpus article could not be analysed")?;
        }
        Ok(docs)
    };
    let dir = std::env::temp_dir().join(format!("claimtrace-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let (mut analyze_s, mut ingest_s) = (Vec::new(), Vec::new());
    for run in 0..=runs {
        let start = Instant::now();
        let mut sink = 0usize;
        for batch in records.chunks(crate::parallel::BATCH) {
            for doc in analyze_batch(batch)? {
                sink += claimtrace::Record::from_document(&doc).to_json_line().len();
            }
        }
        std::hint::black_box(sink);
        let analyzed = start.elapsed().as_secs_f64();

        let db = dir.join(format!("run-{run}.db"));
        let mut store = SqlStore::open(&db)?;
        let start = Instant::now();
        // As `ingest` files them: in batches of its size, one transaction each.
        for batch in records.chunks(crate::ledger::BATCH) {
            // Analysed as `ingest`'s workers analyse them, in their batches.
            let mut docs = Vec::with_capacity(batch.len());
            for part in batch.chunks(crate::parallel::BATCH) {
                docs.extend(analyze_batch(part)?);
            }
            let inputs: Vec<ArticleInput<'_>> = docs
                .iter()
                .map(|doc| ArticleInput {
                    doc,
                    input_name: &doc.source,
                    ingested_at: "2026-01-01T00:00:00Z",
                })
                .collect();
            for outcome in store.ingest_all(&inputs) {
                outcome?;
            }
        }
        let ingested = start.elapsed().as_secs_f64();
        drop(store);
        if run > 0 {
            analyze_s.push(analyzed);
            ingest_s.push(ingested);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    // Each run's ratio (its analysis and its ingest back to back), so that
    // a machine slowing down or speeding up between runs moves both sides.
    let mut ratios: Vec<f64> = analyze_s.iter().zip(&ingest_s).map(|(a, i)| a / i).collect();
    let (a, i) = (median(&mut analyze_s), median(&mut ingest_s));
    println!("{} articles; median of {runs} runs on one core", records.len());
    println!("analyze --jsonl  {:>9.1} ms  {:>6.0} articles/s", a * 1e3, records.len() as f64 / a);
    println!("ingest (SQLite)  {:>9.1} ms  {:>6.0} articles/s", i * 1e3, records.len() as f64 / i);
    println!(
        "ingest throughput / analyze throughput: {:.2} (median of the runs' ratios; of the medians {:.2})",
        median(&mut ratios),
        a / i
    );
    Ok(ExitCode::SUCCESS)
}

/// The corpus as JSON records, one a line, built before timing starts.
fn load(path: &PathBuf) -> Result<Vec<Vec<u8>>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if path.extension().is_some_and(|e| e == "jsonl") {
        return Ok(bytes
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(<[u8]>::to_vec)
            .collect());
    }
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers = reader.headers().context("corpus: no CSV header")?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let text = col("text").context("corpus: no `text` column")?;
    let (title, date, url) = (col("title"), col("date"), col("url"));
    let mut out = Vec::new();
    for row in reader.records() {
        let row = row.context("corpus: bad CSV row")?;
        let get = |i: Option<usize>| i.and_then(|i| row.get(i)).unwrap_or("");
        let record = serde_json::json!({
            "text": get(Some(text)), "title": get(title), "published": get(date), "url": get(url),
        });
        out.push(serde_json::to_vec(&record)?);
    }
    Ok(out)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

/// The process's peak resident memory from `/proc/self/status` (Linux).
pub(crate) fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Times each stage on one article made of the first `n` corpus texts, for
/// growing `n`.
fn grow(records: &[Vec<u8>], runs: usize) -> Result<ExitCode> {
    let texts: Vec<String> = records
        .iter()
        .filter_map(|r| serde_json::from_slice::<serde_json::Value>(r).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let pipeline = Pipeline::standard();
    let names = pipeline.names();
    println!(
        "one article of growing length; stage time per 1,000 tokens (median of {runs} runs, ms)"
    );
    print!("{:>8} {:>9}", "articles", "tokens");
    for name in &names {
        print!(" {name:>9}");
    }
    println!();
    let mut n = (texts.len() / 16).max(1);
    loop {
        let body = texts[..n].join("\n\n");
        let article = format!("Joined articles\n\n{body}");
        let input = Input {
            name: "grow.txt",
            bytes: article.as_bytes(),
            format: Some(Format::Text),
            content_type: None,
        };
        let mut times: Vec<Vec<f64>> = vec![Vec::new(); names.len()];
        let mut n_tokens = 0;
        for _ in 0..runs {
            let mut doc = claimtrace::read::read(&input, &ReadOptions::default())
                .pop()
                .expect("one article")
                .context("the joined article could not be read")?;
            for (i, stage) in pipeline.stages().enumerate() {
                let start = Instant::now();
                stage.run(&mut doc);
                times[i].push(start.elapsed().as_secs_f64());
            }
            n_tokens = doc.tokens.len();
        }
        print!("{n:>8} {n_tokens:>9}");
        for t in &mut times {
            print!(" {:>9.3}", median(t) * 1e6 / n_tokens.max(1) as f64);
        }
        println!();
        if n == texts.len() {
            break;
        }
        n = (n * 2).min(texts.len());
    }
    Ok(ExitCode::SUCCESS)
}
