//! `claimtrace eval` prints the figures of the reference scorer `score.py`.

use crate::util::{claimtrace, stdout, testdata};

/// Runs `analyze --json` over the dev inputs into a folder, then scores it
/// with both scorers and compares their output line by line.
#[test]
fn same_figures_as_score_py() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = testdata("gold/dev/inputs");
    for entry in std::fs::read_dir(&inputs).unwrap() {
        let path = entry.unwrap().path();
        let out = claimtrace(&["analyze", "--json", path.to_str().unwrap()]);
        assert!(out.status.success());
        std::fs::write(dir.path().join(path.file_name().unwrap()), &out.stdout).unwrap();
    }
    // The founding example too, with its gold record as the gold "folder"
    // of one.
    let gold_dir = testdata("gold/dev");
    let ours = claimtrace(&["eval", gold_dir.to_str().unwrap(), dir.path().to_str().unwrap()]);
    assert!(ours.status.success());
    let python = std::process::Command::new("python3")
        .arg(testdata("eval/score.py"))
        .args(["--dir", gold_dir.to_str().unwrap(), dir.path().to_str().unwrap()])
        .output()
        .expect("python3 runs the reference scorer");
    assert!(python.status.success());
    assert_eq!(stdout(&ours), String::from_utf8_lossy(&python.stdout));
    assert!(stdout(&ours).contains("text.sentence_recall"));
}

#[test]
fn run_mode_scores_the_founding_example() {
    let gold = testdata("gold/newsweek-isis-threat.json");
    let inputs = testdata("examples");
    let out = claimtrace(&[
        "eval",
        gold.to_str().unwrap(),
        "--run",
        inputs.to_str().unwrap(),
        "--min",
        "text.sentence_recall=1.0",
        "--min",
        "meta.title=1.0",
    ]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("text.boilerplate_removed         1.0"));
    let fail = claimtrace(&[
        "eval",
        gold.to_str().unwrap(),
        "--run",
        inputs.to_str().unwrap(),
        "--min",
        "claims.f1=2",
    ]);
    assert_eq!(fail.status.code(), Some(1));
    assert!(stdout(&fail).contains("below: claims.f1"));
}

#[test]
fn json_output() {
    let gold = testdata("gold/dev");
    let inputs = testdata("gold/dev/inputs");
    let out =
        claimtrace(&["eval", "--json", gold.to_str().unwrap(), "--run", inputs.to_str().unwrap()]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["micro"]["text.sentence_recall"].is_number());
    assert_eq!(v["per_article"].as_object().unwrap().len(), 8);
}
