//! The ledger commands end to end: ingest, the queries, exports, and what
//! must hold when a process is killed or two run at once.

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::util::{claimtrace, stderr, stdout, testdata};

fn db_in(dir: &tempfile::TempDir) -> String {
    dir.path().join("ledger.db").to_str().unwrap().to_string()
}

/// `claims --jsonl`, one value a cluster, sorted by id.
fn ledger(db: &str) -> Vec<Value> {
    let out = claimtrace(&["claims", "--db", db, "--jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut claims: Vec<Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    claims.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    claims
}

/// The first `n` Wikinews 2019 articles of the bundled CSV as a JSONL file.
fn wikinews_jsonl(dir: &Path, n: usize) -> String {
    let mut reader = csv::Reader::from_path(testdata("wikinews/wikinews_2019.csv")).unwrap();
    let mut lines = String::new();
    for row in reader.records().take(n) {
        let row = row.unwrap();
        let record = serde_json::json!({
            "url": &row[0], "published": &row[1], "title": &row[2], "text": &row[3],
            "outlet": "Wikinews",
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    let path = dir.join("wikinews.jsonl");
    std::fs::write(&path, lines).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn ingest_twice_then_query_trace_search_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    let examples = testdata("examples");
    let dev = testdata("gold/dev/inputs");
    let (examples, dev) = (examples.to_str().unwrap(), dev.to_str().unwrap());

    let out = claimtrace(&["ingest", "--db", &db, examples, dev]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("9 new, 0 new versions, 0 unchanged, 0 copies, 0 failed"));
    let first = ledger(&db);
    let out = claimtrace(&["ingest", "--db", &db, examples, dev]);
    assert!(stderr(&out).contains("0 new, 0 new versions, 9 unchanged"), "{}", stderr(&out));
    assert_eq!(ledger(&db), first, "the second run adds nothing");

    // Every field of the spec, with its type.
    for claim in &first {
        for (field, check) in [
            ("id", Value::is_string as fn(&Value) -> bool),
            ("text", Value::is_string),
            ("status", Value::is_string),
            ("outlets", Value::is_u64),
            ("appearances", Value::is_array),
            ("timeline", Value::is_array),
            ("propagation", Value::is_array),
            ("stances", Value::is_array),
            ("verdicts", Value::is_array),
            ("corrections", Value::is_array),
            ("entities", Value::is_array),
            ("first_seen", Value::is_object),
        ] {
            assert!(check(&claim[field]), "{field} in {claim}");
        }
        assert!(claim["origin"].is_string() || claim["origin"].is_null());
        assert!(claim["superseded_by"].is_null());
        for a in claim["appearances"].as_array().unwrap() {
            for field in ["url", "text", "sentence", "chain", "status", "stances", "version"] {
                assert!(!a[field].is_null(), "{field} in {a}");
            }
        }
        let last = claim["timeline"].as_array().unwrap().last().unwrap();
        assert_eq!(last["status"], claim["status"]);
    }

    // The founding example's poster claim, with its chain.
    let poster =
        first.iter().find(|c| c["origin"] == "Al Azaim").expect("a claim whose origin is Al Azaim");
    let id = poster["id"].as_str().unwrap();
    let out = claimtrace(&["trace", "--db", &db, id]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("How it travelled") && text.contains("Al Azaim"), "{text}");
    assert!(text.contains("└─▶ Iranian media"), "{text}");
    let out = claimtrace(&["trace", "--db", &db, "--json", id]);
    let traced: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(&traced, poster);
    let out = claimtrace(&["trace", "--db", &db, "c-0000000000000000"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no claim with id c-0000000000000000"));

    let out = claimtrace(&["claims", "--db", &db, "--status", "disputed", "--json"]);
    let disputed: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!disputed.is_empty() && disputed.iter().all(|c| c["status"] == "disputed"));
    let out = claimtrace(&["claims", "--db", &db, "--about", "Al Azaim"]);
    assert!(stdout(&out).contains("Al Azaim"));

    let out = claimtrace(&["search", "--db", &db, "--jsonl", "poster"]);
    assert!(out.status.success());
    assert!(stdout(&out).lines().count() >= 1);

    let out = claimtrace(&["articles", "--db", &db, "--jsonl"]);
    assert_eq!(stdout(&out).lines().count(), 9);

    let out = claimtrace(&["export", "--db", &db, "--format", "csv"]);
    let mut rows = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(rows.records().count(), first.len());
    let out = claimtrace(&["export", "--db", &db, "--format", "claimreview"]);
    let ld: Value = serde_json::from_slice(&out.stdout).unwrap();
    let graph = ld["@graph"].as_array().unwrap();
    assert_eq!(graph.len(), first.len());
    assert!(graph.iter().all(|c| c["@type"] == "Claim" && c["appearance"].is_array()));
    assert!(graph.iter().any(|c| c["author"]["name"] == "Al Azaim"));
    let out = claimtrace(&["export", "--db", &db, "--format", "jsonl"]);
    assert_eq!(stdout(&out).lines().count(), first.len());
}

#[test]
fn bad_inputs_are_named_and_skipped_and_foreign_dbs_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let good = testdata("examples/newsweek-isis-threat.txt");
    let out = claimtrace(&["ingest", "--db", &db, empty.to_str().unwrap(), good.to_str().unwrap()]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("empty.txt: empty input") && err.contains("1 new") && err.contains("1 failed"),
        "{err}"
    );
    let out = claimtrace(&["ingest", "--db", &db, "--strict", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));

    let foreign = dir.path().join("notes.db");
    std::fs::write(&foreign, "not a database").unwrap();
    let out = claimtrace(&["ingest", "--db", foreign.to_str().unwrap(), good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("notes.db: not a claimtrace ledger"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&foreign).unwrap(), "not a database");
}

#[test]
fn killed_mid_ingest_then_resumed_equals_an_uninterrupted_run() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = wikinews_jsonl(dir.path(), 40);
    let reference = dir.path().join("reference.db");
    let out = claimtrace(&["ingest", "--db", reference.to_str().unwrap(), &jsonl]);
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = ledger(reference.to_str().unwrap());
    assert!(expected.len() > 100);

    let db = db_in(&dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimtrace"))
        .args(["ingest", "--db", &db, &jsonl])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some articles are in, and before it is done.
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let some = Path::new(&db).exists()
            && claimtrace(&["articles", "--db", &db, "--jsonl"])
                .stdout
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                >= 3;
        if some || started.elapsed().as_secs() > 60 {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let partial = ledger(&db);
    assert!(partial.len() < expected.len(), "killed before the end");

    let out = claimtrace(&["ingest", "--db", &db, &jsonl]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains(" 0 failed"));
    assert_eq!(ledger(&db), expected);
}

#[test]
fn two_processes_ingesting_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = wikinews_jsonl(dir.path(), 24);
    let reference = dir.path().join("reference.db");
    claimtrace(&["ingest", "--db", reference.to_str().unwrap(), &jsonl]);
    let expected = ledger(reference.to_str().unwrap());

    let db = db_in(&dir);
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_claimtrace"))
            .args(["ingest", "--db", &db, &jsonl])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stderr).contains(" 0 failed"));
    }
    assert_eq!(ledger(&db), expected);
    let out = claimtrace(&["articles", "--db", &db, "--jsonl"]);
    assert_eq!(stdout(&out).lines().count(), 24, "each article once");
}

#[test]
fn history_shows_what_a_new_version_changed() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    let v1 = dir.path().join("v1.json");
    let v2 = dir.path().join("v2.json");
    let url = "https://a.example/bridge";
    std::fs::write(
        &v1,
        serde_json::json!({"url": url, "published": "2024-03-22", "title": "Bridge",
            "text": "The council said the bridge will close on Monday for repairs."})
        .to_string(),
    )
    .unwrap();
    std::fs::write(
        &v2,
        serde_json::json!({"url": url, "published": "2024-03-22", "title": "Bridge",
            "text": "The council said the bridge will close on Monday for repairs. \
                     The mayor said the ferry will run every hour."})
        .to_string(),
    )
    .unwrap();
    let out = claimtrace(&["ingest", "--db", &db, v1.to_str().unwrap()]);
    assert!(stderr(&out).contains("1 new"));
    let out = claimtrace(&["ingest", "--db", &db, v2.to_str().unwrap()]);
    assert!(stderr(&out).contains("1 new versions"), "{}", stderr(&out));
    let out = claimtrace(&["history", "--db", &db, url]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("v1 Bridge") && text.contains("v2 Bridge"), "{text}");
    assert!(text.contains("+ [reported] the ferry will run every hour"), "{text}");
    let out = claimtrace(&["history", "--db", &db, "https://nowhere.example/"]);
    assert_eq!(out.status.code(), Some(1));
}
