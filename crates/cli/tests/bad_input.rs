//! Bad input: a clear message naming the input, a non-zero exit when
//! nothing could be analysed, the other inputs still processed, no panic.

use std::io::{Read, Write};
use std::net::TcpListener;

use crate::util::{claimtrace, stderr, stdout, testdata};

fn file_with(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn no_panic(err: &str) {
    assert!(!err.contains("panicked"), "panic: {err}");
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(&dir, "empty.txt", b"");
    let out = claimtrace(&["analyze", &path]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("empty.txt") && err.contains("empty input"), "{err}");
    no_panic(&err);
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(&dir, "a.out", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00");
    let out = claimtrace(&["analyze", &path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("binary input"), "{}", stderr(&out));
}

#[test]
fn invalid_utf8_is_decoded_not_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(
        &dir,
        "latin.txt",
        b"Caf\xe9 news\n\nThe caf\xe9 reopened on Monday after the flood, its owner said.",
    );
    let out = claimtrace(&["analyze", "--json", &path]);
    assert!(out.status.success());
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["meta"]["title"], "Café news");
}

#[test]
fn missing_file_and_folder() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    let out = claimtrace(&["analyze", missing.to_str().unwrap(), dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("nope.txt: cannot open file"), "{err}");
    assert!(err.contains("is a folder"), "{err}");
}

#[test]
fn huge_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap();
    let out = claimtrace(&["analyze", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("input too large"), "{}", stderr(&out));
}

#[test]
fn bad_jsonl_line_keeps_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(
        &dir,
        "batch.jsonl",
        b"{\"title\":\"One\",\"text\":\"The first article has a body of some length here.\"}\nnot json at all\n{\"title\":\"Two\",\"text\":\"The second article also has a body of some length.\"}\n",
    );
    let out = claimtrace(&["analyze", "--jsonl", &path]);
    assert!(out.status.success(), "some records were analysed");
    assert_eq!(stdout(&out).lines().count(), 2);
    let err = stderr(&out);
    assert!(
        err.contains("batch.jsonl") && err.contains("line 2") && err.contains("invalid JSON"),
        "{err}"
    );
    let strict = claimtrace(&["analyze", "--jsonl", "--strict", &path]);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn one_bad_input_among_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let empty = file_with(&dir, "empty.txt", b"");
    let good = testdata("examples/newsweek-isis-threat.txt");
    let out = claimtrace(&["analyze", "--jsonl", &empty, good.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 1);
    assert!(stderr(&out).contains("empty.txt"));
}

#[test]
fn html_with_no_body() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(
        &dir,
        "blank.html",
        b"<!DOCTYPE html><html><head><title>x</title></head><body></body></html>",
    );
    let out = claimtrace(&["analyze", &path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no article body"), "{}", stderr(&out));
}

/// A server on loopback that answers every request with `response`, or
/// never answers when it is `None`.
fn serve_once(response: Option<&'static [u8]>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            match response {
                Some(r) => {
                    let _ = stream.write_all(r);
                }
                None => std::thread::sleep(std::time::Duration::from_secs(5)),
            }
        }
    });
    format!("http://{addr}/article")
}

#[test]
fn url_not_found() {
    let url = serve_once(Some(
        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    ));
    let out = claimtrace(&["analyze", &url]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&url) && err.contains("404"), "{err}");
}

#[test]
fn url_that_times_out() {
    let url = serve_once(None);
    let out = claimtrace(&["analyze", "--timeout", "1", &url]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&url) && err.contains("timed out"), "{err}");
}

#[test]
fn url_is_fetched_and_decoded() {
    let url = serve_once(Some(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Length: 66\r\nConnection: close\r\n\r\nCaf\xe9 story\n\nThe caf\xe9 reopened on Monday after the flood, its owner said.",
    ));
    let out = claimtrace(&["analyze", "--json", &url]);
    assert!(out.status.success(), "{}", stderr(&out));
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["meta"]["title"], "Café story");
}

#[test]
fn accented_names_do_not_crash_the_batch() {
    // Once a panic on a byte slice inside `é`, which took the rest of the
    // batch down with it.
    let dir = tempfile::tempdir().unwrap();
    let jose = file_with(
        &dir,
        "jose.txt",
        "Strike in the north\n\nJosé Martínez, the regional governor, said the strike killed \
         12 people. The army later rejected Martínez's claims.\n"
            .as_bytes(),
    );
    let after = file_with(&dir, "b.txt", b"Title\n\nThe mayor said the bridge will close.\n");
    let out = claimtrace(&["analyze", "--jsonl", &jose, &after]);
    let err = stderr(&out);
    no_panic(&err);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let lines: Vec<serde_json::Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    let claims = lines[0]["claims"].as_array().unwrap();
    assert!(claims.iter().any(|c| c["text"].as_str().unwrap().contains("killed 12 people")));
}

#[test]
fn a_panic_costs_one_article_only() {
    // The test build has a stage that panics on a marker (the
    // `planted-panic` feature): that article fails, named, and the others
    // in the same JSONL file and after it are analysed.
    let dir = tempfile::tempdir().unwrap();
    let batch = file_with(
        &dir,
        "batch.jsonl",
        b"{\"text\": \"The council said the bridge will close.\"}\n\
          {\"text\": \"Odd text CLAIMTRACE-PLANTED-PANIC here.\"}\n\
          {\"text\": \"The mayor said it will reopen.\"}\n",
    );
    let after = file_with(&dir, "after.txt", b"Title\n\nThe army said it left.\n");
    let out = claimtrace(&["analyze", "--jsonl", &batch, &after]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("batch.jsonl:2: internal error in stage `planted-panic`: planted panic"),
        "{err}"
    );
    let sources: Vec<String> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"].to_string())
        .collect();
    assert_eq!(sources.len(), 3, "{sources:?}");
    assert!(sources[0].ends_with("batch.jsonl:1\"") && sources[1].ends_with("batch.jsonl:3\""));
    assert!(sources[2].ends_with("after.txt\""));

    // --strict makes any failure fail the run; a batch of nothing but
    // the failing article exits 1.
    let out = claimtrace(&["analyze", "--jsonl", "--strict", &batch, &after]);
    assert_eq!(out.status.code(), Some(1));
    let only = file_with(&dir, "only.txt", b"Title\n\nCLAIMTRACE-PLANTED-PANIC\n");
    let out = claimtrace(&["analyze", &only]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("only.txt: internal error in stage `planted-panic`"));
}
