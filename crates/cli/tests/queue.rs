//! `ingest --queue`, `worker` and `status` against real engines: a NATS
//! server with JetStream started for each test (the `nats-server` binary,
//! on a port of its own) and the PostgreSQL server `CLAIMTRACE_TEST_POSTGRES`
//! names, each test in a schema of its own (`scripts/services.sh start`).
//! Without them the tests say they were skipped; with
//! `CLAIMTRACE_REQUIRE_SERVICES` set (CI) a missing one fails them.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{claimtrace, stderr, stdout, testdata};

/// Whether the engines are here; says why not when they are not.
fn services() -> Option<String> {
    let required = std::env::var_os("CLAIMTRACE_REQUIRE_SERVICES").is_some();
    let postgres = std::env::var("CLAIMTRACE_TEST_POSTGRES").ok().filter(|u| !u.is_empty());
    let nats =
        Command::new("nats-server").arg("--version").output().is_ok_and(|o| o.status.success());
    match (postgres, nats) {
        (Some(url), true) => Some(url),
        (postgres, nats) => {
            let missing = match (postgres.is_some(), nats) {
                (false, false) => "CLAIMTRACE_TEST_POSTGRES and nats-server",
                (false, true) => "CLAIMTRACE_TEST_POSTGRES",
                _ => "nats-server",
            };
            assert!(!required, "CLAIMTRACE_REQUIRE_SERVICES is set but {missing} is missing");
            eprintln!("skipped: no {missing} (scripts/services.sh start)");
            None
        }
    }
}

/// A NATS server with JetStream of the test's own; stopped when dropped.
struct Nats {
    child: Child,
    port: u16,
    store: PathBuf,
}

impl Nats {
    fn start(dir: &Path) -> Nats {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let store = dir.join("nats");
        let mut nats = Nats { child: Nats::spawn(&store, port), port, store };
        nats.wait();
        nats
    }

    fn spawn(store: &Path, port: u16) -> Child {
        Command::new("nats-server")
            .args(["-js", "-a", "127.0.0.1", "-p", &port.to_string(), "-sd"])
            .arg(store)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nats-server starts")
    }

    fn wait(&mut self) {
        let until = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < until, "nats-server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    /// Stops the server hard and starts it again on the same port and
    /// store (messages kept).
    fn restart(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
        std::thread::sleep(Duration::from_millis(500));
        self.child = Nats::spawn(&self.store, self.port);
        self.wait();
    }
}

impl Drop for Nats {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A schema of its own on the test server: its URL for `--db`.
fn schema(url: &str, name: &str) -> String {
    let schema = format!("q_{name}_{}", std::process::id());
    let status = Command::new("psql")
        .arg(url)
        .args(["-qc", &format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")])
        .status()
        .expect("psql runs");
    assert!(status.success());
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-csearch_path%3D{schema}")
}

/// The inputs of these tests: the founding example, the eight dev
/// articles and the ledger's story sets (JSONL): 33 inputs, 32 articles
/// (one story set repeats an article of another).
fn inputs() -> Vec<String> {
    let mut out: Vec<String> = vec![
        testdata("examples/newsweek-isis-threat.txt").display().to_string(),
        testdata("gold/dev/inputs").display().to_string(),
    ];
    for set in ["dev", "test"] {
        out.push(testdata(&format!("gold/ledger/{set}/inputs")).display().to_string());
    }
    out
}

fn worker(nats: &str, db: &str, extra: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_claimtrace"))
        .args(["worker", "--queue", nats, "--db", db])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the worker starts")
}

/// Waits for a worker started with `--exit-when-empty`; its stderr.
fn finish(child: Child) -> String {
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "worker failed: {err}");
    err
}

fn queue(nats: &str, inputs: &[String]) -> String {
    let mut args = vec!["ingest", "--queue", nats];
    args.extend(inputs.iter().map(String::as_str));
    let out = claimtrace(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    stderr(&out)
}

/// The ledger's claims as JSON: what a ledger is, for comparing two.
fn claims(db: &str) -> String {
    let out = claimtrace(&["claims", "--db", db, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

/// The same inputs ingested here into a SQLite file.
fn reference(dir: &Path, inputs: &[String]) -> String {
    let db = dir.join("reference.db").display().to_string();
    let mut args = vec!["ingest", "--db", db.as_str(), "-j", "1"];
    args.extend(inputs.iter().map(String::as_str));
    let out = claimtrace(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("32 new, 0 new versions, 1 unchanged"), "{}", stderr(&out));
    claims(&db)
}

fn articles_in(db: &str) -> usize {
    let out = claimtrace(&["articles", "--db", db, "--jsonl"]);
    if !out.status.success() {
        return 0;
    }
    stdout(&out).lines().filter(|l| !l.trim().is_empty()).count()
}

fn status(nats: &str) -> serde_json::Value {
    let out = claimtrace(&["status", "--queue", nats, "--json", "--sample", "0.1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn two_workers_through_nats_into_postgres_build_the_ledger_of_one_ingest() {
    let Some(pg) = services() else { return };
    let dir = tempfile::tempdir().unwrap();
    let nats = Nats::start(dir.path());
    let inputs = inputs();
    let said = queue(&nats.url(), &inputs);
    assert!(said.contains("33 queued, 0 already queued, 0 failed"), "{said}");
    // Queued again: JetStream drops the duplicates.
    let said = queue(&nats.url(), &inputs);
    assert!(said.contains("0 queued, 33 already queued"), "{said}");
    assert_eq!(status(&nats.url())["queued"], 33);
    let db = schema(&pg, "two");
    let a = worker(&nats.url(), &db, &["--exit-when-empty"]);
    let b = worker(&nats.url(), &db, &["--exit-when-empty"]);
    let (a, b) = (finish(a), finish(b));
    assert!(a.contains("dead-lettered") && b.contains("dead-lettered"), "{a}\n{b}");
    assert_eq!(claims(&db), reference(dir.path(), &inputs));
    assert_eq!(articles_in(&db), 32);
    let status = status(&nats.url());
    assert_eq!((status["queued"].as_u64(), status["dead_letters"].as_u64()), (Some(0), Some(0)));
}

#[test]
fn a_worker_killed_mid_batch_loses_nothing_and_duplicates_nothing() {
    let Some(pg) = services() else { return };
    let dir = tempfile::tempdir().unwrap();
    let nats = Nats::start(dir.path());
    let inputs = inputs();
    queue(&nats.url(), &inputs);
    let db = schema(&pg, "kill");
    let mut doomed = worker(&nats.url(), &db, &["--batch", "8", "--ack-wait", "2"]);
    let until = Instant::now() + Duration::from_secs(120);
    while articles_in(&db) < 3 {
        assert!(Instant::now() < until, "the worker filed nothing");
        std::thread::sleep(Duration::from_millis(100));
    }
    doomed.kill().unwrap(); // SIGKILL: no chance to hand anything back
    doomed.wait().unwrap();
    let filed = articles_in(&db);
    assert!(filed < 32, "killed after the end ({filed} filed): the test proves nothing");
    // Its unacknowledged messages come back after --ack-wait.
    let err = finish(worker(&nats.url(), &db, &["--exit-when-empty"]));
    assert!(err.contains("claimtrace worker:"), "{err}");
    assert_eq!(articles_in(&db), 32, "each article once");
    assert_eq!(claims(&db), reference(dir.path(), &inputs));
}

/// A bad input (`name`, whose text holds `marker`) queued before the
/// founding example, worked off by one worker with `worker_args`: the
/// worker's stderr, and the ledger's article count.
fn one_bad_input(name: &str, marker: &str, worker_args: &[&str]) -> Option<(String, usize)> {
    let pg = services()?;
    let dir = tempfile::tempdir().unwrap();
    let nats = Nats::start(dir.path());
    let bad = dir.path().join(name);
    std::fs::write(&bad, format!("A title\n\nSome text with {marker} in it.\n")).unwrap();
    let founding = testdata("examples/newsweek-isis-threat.txt").display().to_string();
    queue(&nats.url(), &[bad.display().to_string(), founding]);
    let db = schema(&pg, name.trim_end_matches(".txt"));
    let mut args = vec!["--exit-when-empty"];
    args.extend_from_slice(worker_args);
    let err = finish(worker(&nats.url(), &db, &args));
    let status = status(&nats.url());
    assert_eq!(status["dead_letters"], 1, "{err}");
    assert_eq!(status["queued"], 0, "{err}");
    Some((err, articles_in(&db)))
}

#[test]
fn a_poison_input_is_dead_lettered_with_its_error_and_the_others_flow() {
    // The test binary has a stage that panics on this marker.
    let Some((err, filed)) =
        one_bad_input("poison.txt", "CLAIMTRACE-PLANTED-PANIC", &["--max-tries", "2"])
    else {
        return;
    };
    assert!(err.contains("poison.txt") && err.contains("planted panic"), "{err}");
    assert!(err.contains("dead-lettered after 2 tries"), "{err}");
    assert_eq!(filed, 1, "the other input is filed");
}

#[test]
fn a_nats_restart_during_an_ingest_is_ridden_out() {
    let Some(pg) = services() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut nats = Nats::start(dir.path());
    let inputs = inputs();
    queue(&nats.url(), &inputs);
    let db = schema(&pg, "restart");
    let first = worker(&nats.url(), &db, &["--batch", "2", "--ack-wait", "3"]);
    let until = Instant::now() + Duration::from_secs(120);
    while articles_in(&db) < 2 {
        assert!(Instant::now() < until, "the worker filed nothing");
        std::thread::sleep(Duration::from_millis(100));
    }
    nats.restart();
    let err = finish(worker(&nats.url(), &db, &["--exit-when-empty"]));
    // The first worker reconnected and went on too; stop it gracefully.
    let _ = Command::new("kill").args(["-TERM", &first.id().to_string()]).status();
    let out = first.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(err.contains("claimtrace worker:"), "{err}");
    assert_eq!(articles_in(&db), 32);
    assert_eq!(claims(&db), reference(dir.path(), &inputs));
}

/// A PostgreSQL server of the test's own (Debian's binaries), to restart.
struct OwnPostgres {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
}

impl OwnPostgres {
    fn start(dir: &Path) -> OwnPostgres {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .expect("PostgreSQL is installed")
            .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
            .filter(|b| b.join("initdb").exists())
            .max()
            .expect("initdb");
        let home = dir.join("pg");
        std::fs::create_dir_all(&home).unwrap();
        let root = Command::new("id").arg("-u").output().is_ok_and(|o| stdout(&o).trim() == "0");
        if root {
            // PostgreSQL runs as `postgres`: it must reach and own its folder.
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
            assert!(Command::new("chown").arg("postgres").arg(&home).status().unwrap().success());
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let pg = OwnPostgres { bin, data: home.join("data"), port };
        let out = pg
            .run("initdb")
            .args(["-U", "claimtrace", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "-D"])
            .arg(&pg.data)
            .output()
            .unwrap();
        assert!(out.status.success(), "initdb: {}", stderr(&out));
        pg.up();
        pg
    }

    fn run(&self, tool: &str) -> Command {
        let root = Command::new("id").arg("-u").output().is_ok_and(|o| stdout(&o).trim() == "0");
        if root {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(self.bin.join(tool));
            c
        } else {
            Command::new(self.bin.join(tool))
        }
    }

    fn up(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            self.data.parent().unwrap().display()
        );
        let out = self
            .run("pg_ctl")
            .arg("-D")
            .arg(&self.data)
            .args(["-w", "-l"])
            .arg(self.data.parent().unwrap().join("server.log"))
            .args(["-o", &options, "start"])
            .output()
            .unwrap();
        assert!(out.status.success(), "pg_ctl start: {}", stderr(&out));
    }

    /// Stops the server as a crash would (no shutdown checkpoint) and
    /// starts it again after `pause`.
    fn crash_and_restart(&self, pause: Duration) {
        let out = self
            .run("pg_ctl")
            .arg("-D")
            .arg(&self.data)
            .args(["-m", "immediate", "stop"])
            .output()
            .unwrap();
        assert!(out.status.success(), "pg_ctl stop: {}", stderr(&out));
        std::thread::sleep(pause);
        self.up();
    }

    fn url(&self) -> String {
        format!("postgres://claimtrace@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let _ =
            self.run("pg_ctl").arg("-D").arg(&self.data).args(["-m", "immediate", "stop"]).output();
    }
}

#[test]
fn a_postgres_restart_during_an_ingest_is_waited_out() {
    if services().is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let nats = Nats::start(dir.path());
    let pg = OwnPostgres::start(dir.path());
    let inputs = inputs();
    queue(&nats.url(), &inputs);
    let db = pg.url();
    let worker = worker(&nats.url(), &db, &["--exit-when-empty", "--batch", "2"]);
    let until = Instant::now() + Duration::from_secs(120);
    while articles_in(&db) < 2 {
        assert!(Instant::now() < until, "the worker filed nothing");
        std::thread::sleep(Duration::from_millis(100));
    }
    pg.crash_and_restart(Duration::from_secs(2));
    let err = finish(worker);
    assert!(err.contains("the input waits"), "the worker saw no outage: {err}");
    assert!(err.contains("0 dead-lettered"), "{err}");
    assert_eq!(articles_in(&db), 32);
    assert_eq!(claims(&db), reference(dir.path(), &inputs));
}

#[test]
fn an_analysis_that_runs_away_is_given_up_on_and_dead_lettered() {
    // The test binary's planted stage stalls for a minute on this marker.
    let started = Instant::now();
    let Some((err, filed)) = one_bad_input(
        "stuck.txt",
        "CLAIMTRACE-PLANTED-HANG",
        &["--max-tries", "1", "--analysis-timeout", "2"],
    ) else {
        return;
    };
    assert!(err.contains("stuck.txt: analysis took over 2 s"), "{err}");
    assert!(err.contains("dead-lettered after 1 tries"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(50), "the worker waited for the stall");
    assert_eq!(filed, 1, "the other input is filed");
}

#[test]
fn a_watched_feed_queues_its_entries_for_the_workers() {
    let Some(pg) = services() else { return };
    let dir = tempfile::tempdir().unwrap();
    let nats = Nats::start(dir.path());
    let feed = dir.path().join("feed.xml");
    std::fs::write(
        &feed,
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\
         <item><title>Ministry denies report</title><link>https://example.org/a/1</link>\
         <pubDate>Mon, 25 Mar 2024 10:00:00 GMT</pubDate>\
         <description>The ministry said on Monday that the report was false, according to state media.</description></item>\
         <item><title>Talks resume</title><link>https://example.org/a/2</link>\
         <pubDate>Tue, 26 Mar 2024 09:00:00 GMT</pubDate>\
         <description>Negotiators said the talks would resume on Friday, officials told reporters.</description></item>\
         </channel></rss>",
    )
    .unwrap();
    let feed = feed.display().to_string();
    let args = [
        "ingest",
        "--queue",
        &nats.url(),
        "--watch",
        "--rounds",
        "2",
        "--interval",
        "1",
        "--no-fetch",
        &feed,
    ];
    let out = claimtrace(&args);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    // Round two finds nothing new: each entry is queued once.
    assert!(err.contains("watch round 1: 2 queued"), "{err}");
    assert!(err.contains("watch round 2: 2 queued, 0 already queued, 0 failed"), "{err}");
    let db = schema(&pg, "feed");
    finish(worker(&nats.url(), &db, &["--exit-when-empty"]));
    let listed = stdout(&claimtrace(&["articles", "--db", &db, "--jsonl"]));
    for (url, date) in
        [("https://example.org/a/1", "2024-03-25"), ("https://example.org/a/2", "2024-03-26")]
    {
        let row =
            listed.lines().find(|l| l.contains(url)).unwrap_or_else(|| panic!("{url}: {listed}"));
        assert!(row.contains(date), "the entry's date: {row}");
    }
}
