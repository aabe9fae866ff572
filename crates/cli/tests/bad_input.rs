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
