//! `claimtrace analyze` on good input.

use serde_json::Value;

use crate::util::{claimtrace, stderr, stdout, testdata};

#[test]
fn founding_example_record() {
    let path = testdata("examples/newsweek-isis-threat.txt");
    let out = claimtrace(&["analyze", "--json", path.to_str().unwrap()]);
    assert!(out.status.success());
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    let meta = &record["meta"];
    assert_eq!(meta["title"], "ISIS Issues Fresh Threat To Putin: Reports");
    assert_eq!(meta["outlet"], "Newsweek");
    assert_eq!(meta["authors"], serde_json::json!(["Brendan Cole"]));
    assert_eq!(meta["updated"], "2024-03-25T12:57-04:00");
    assert_eq!(meta["published"], Value::Null);
    for key in ["entities", "times", "counts", "quotes", "claims", "events", "removed"] {
        assert!(record[key].is_array(), "{key} is a list");
    }
    let text = record["text"].as_str().unwrap();
    assert!(text.starts_with("A poster purportedly from the Islamic State"));
    assert!(!text.contains("Getty Images"));
    assert!(!text.contains("Read more"));
}

#[test]
fn readable_report_without_colour_when_piped() {
    let path = testdata("examples/newsweek-isis-threat.txt");
    let out = claimtrace(&["analyze", path.to_str().unwrap()]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("ISIS Issues Fresh Threat To Putin: Reports\n"));
    assert!(text.contains("Removed"));
    assert!(text.contains("[caption]"));
    assert!(!text.contains('\u{1b}'), "no escape codes when stdout is not a terminal");
}

#[test]
fn jsonl_many_inputs_and_flags() {
    let a = testdata("gold/dev/inputs/wn2019-000.json");
    let b = testdata("examples/newsweek-isis-threat.txt");
    let out = claimtrace(&[
        "analyze",
        "--jsonl",
        "--published",
        "2024-03-25",
        "--outlet",
        "Somewhere",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let lines: Vec<Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    // The input's own date and outlet win over the flags.
    assert_eq!(lines[0]["meta"]["published"], "2019-01-04");
    assert_eq!(lines[0]["meta"]["outlet"], "Wikinews");
    // The flag fills what the input lacks.
    assert_eq!(lines[1]["meta"]["published"], "2024-03-25");
    assert_eq!(lines[1]["meta"]["outlet"], "Newsweek");
}

#[test]
fn conllu_has_a_block_per_sentence_of_every_input() {
    let a = testdata("gold/dev/inputs/wn2019-000.json");
    let b = testdata("examples/newsweek-isis-threat.txt");
    let out = claimtrace(&["analyze", "--conllu", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(text.matches("# newdoc id = ").count(), 2);
    let blocks: Vec<&str> = text.split("\n\n").filter(|b| !b.trim().is_empty()).collect();
    assert!(blocks.len() > 20, "a block per sentence: {}", blocks.len());
    for block in blocks {
        let rows: Vec<Vec<&str>> = block
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').collect())
            .collect();
        assert!(!rows.is_empty() && rows.iter().all(|r| r.len() == 10), "{block}");
        assert_eq!(rows.iter().filter(|r| r[6] == "0").count(), 1, "one root: {block}");
    }
    assert!(text.contains("Entity=B-PERSON"));
    let both = claimtrace(&["analyze", "--conllu", "--json", a.to_str().unwrap()]);
    assert!(!both.status.success(), "--conllu and --json are one output each");
}

/// `analyze --json -` with `text` on standard input: the record.
fn analyze_stdin(text: &str) -> Value {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimtrace"))
        .args(["analyze", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn stdin_is_read() {
    let record =
        analyze_stdin("Bridge closes\n\nThe city closed the old bridge on Monday, officials said.");
    assert_eq!(record["meta"]["title"], "Bridge closes");
    assert_eq!(record["text"], "The city closed the old bridge on Monday, officials said.");
}

#[test]
fn a_single_line_is_a_body_not_a_title() {
    let line = "The minister said on Tuesday that 12 people were killed.";
    let record = analyze_stdin(&format!("{line}\n"));
    assert_eq!(record["meta"]["title"], Value::Null);
    assert_eq!(record["text"], line);
    assert_eq!(record["sentences"].as_array().unwrap().len(), 1);
    assert_eq!(record["counts"][0]["number"], 12.0);
}

/// `--jobs`: any number of workers gives the same output, in input order,
/// for records, reports and errors alike; a JSONL file is read a line at a
/// time.
#[test]
fn jobs_give_the_same_output_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    // Twenty-four Wikinews articles with a bad line among them.
    let mut reader = csv::Reader::from_path(testdata("wikinews/wikinews_2019.csv")).unwrap();
    let mut lines = String::new();
    for (k, row) in reader.records().take(24).enumerate() {
        let row = row.unwrap();
        if k == 12 {
            lines.push_str("{not json\n");
        }
        let record = serde_json::json!({
            "url": &row[0], "published": &row[1], "title": &row[2], "text": &row[3],
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    let jsonl = dir.path().join("batch.jsonl");
    std::fs::write(&jsonl, lines).unwrap();
    let jsonl = jsonl.to_str().unwrap();
    let founding = testdata("examples/newsweek-isis-threat.txt");
    let founding = founding.to_str().unwrap();

    let run = |jobs: &str, extra: &[&str]| {
        let mut args = vec!["analyze", "--jobs", jobs];
        args.extend_from_slice(extra);
        let out = claimtrace(&args);
        (stdout(&out), stderr(&out), out.status.code())
    };
    let one = run("1", &["--jsonl", founding, jsonl, "missing.txt"]);
    let records: Vec<Value> = one.0.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), 25);
    assert_eq!(records[13]["source"], format!("{jsonl}:14"), "input order, line numbers kept");
    assert!(one.1.contains("batch.jsonl: line 13: invalid JSON"), "{}", one.1);
    assert!(one.1.contains("missing.txt"), "{}", one.1);
    assert_eq!(run("3", &["--jsonl", founding, jsonl, "missing.txt"]), one, "--jobs 3");
    // The readable report and one JSON array too.
    assert_eq!(run("1", &[founding, jsonl]), run("2", &[founding, jsonl]));
    assert_eq!(run("1", &["--json", founding, jsonl]), run("2", &["--json", founding, jsonl]));
}
