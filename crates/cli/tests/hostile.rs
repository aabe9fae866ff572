//! Hostile inputs: each gets a clear error naming it, or a result, in
//! bounded time and memory, and never takes the other inputs down. The time
//! and peak memory of each are measured by `scripts/hostile.sh`, not here.

use std::io::{Read, Write};
use std::net::TcpListener;

use crate::util::{claimtrace, stderr, stdout};

fn file_with(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

/// Runs `analyze --jsonl` over `hostile` and a good article after it:
/// the process ends normally, and the good article is analysed.
fn analyze_beside_good(dir: &tempfile::TempDir, hostile: &str) -> (String, usize) {
    let good = file_with(dir, "good.txt", b"Title\n\nThe mayor said the bridge will close.\n");
    let out = claimtrace(&["analyze", "--jsonl", hostile, &good]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let records = stdout(&out).lines().count();
    assert!(stdout(&out).lines().last().unwrap().contains("good.txt"));
    (err, records)
}

#[test]
fn html_nested_100000_deep() {
    let dir = tempfile::tempdir().unwrap();
    let n = 100_000;
    let html = format!(
        "<html><body>{}<p>The minister said on Tuesday that 12 people were killed.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let path = file_with(&dir, "deep.html", html.as_bytes());
    let (_, records) = analyze_beside_good(&dir, &path);
    assert_eq!(records, 2, "the deep page is read, its text kept");
}

#[test]
fn a_50_mb_single_line() {
    let dir = tempfile::tempdir().unwrap();
    let line = "The minister said on Tuesday that 12 people were killed in the city. ";
    let text = format!("Title\n\n{}", line.repeat(50_000_000 / line.len()));
    let path = file_with(&dir, "line.txt", text.as_bytes());
    let (err, records) = analyze_beside_good(&dir, &path);
    assert_eq!(records, 1);
    assert!(err.contains("line.txt: input too large") && err.contains("--max-bytes"), "{err}");
    // Let in, it is refused after reading, for its body.
    let out = claimtrace(&["analyze", "--jsonl", "--max-bytes", "60000000", &path]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("line.txt: article too long") && err.contains("--max-body"), "{err}");
}

#[test]
fn nul_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(&dir, "nul.txt", b"Title\n\nThe minister\x00 said\x00\x00 it.\n");
    let (err, records) = analyze_beside_good(&dir, &path);
    assert_eq!(records, 1);
    assert!(err.contains("nul.txt: binary input"), "{err}");
}

#[test]
fn json_nested_a_million_arrays_deep() {
    let dir = tempfile::tempdir().unwrap();
    let json = format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
    let path = file_with(&dir, "deep.json", json.as_bytes());
    let (err, records) = analyze_beside_good(&dir, &path);
    assert_eq!(records, 1);
    assert!(err.contains("deep.json: invalid JSON: recursion limit exceeded"), "{err}");
}

#[test]
fn jsonl_of_a_million_empty_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(&dir, "empty.jsonl", "\n".repeat(1_000_000).as_bytes());
    let (err, records) = analyze_beside_good(&dir, &path);
    assert_eq!(records, 1);
    assert!(err.contains("empty.jsonl: empty input"), "{err}");
    // Among records, empty lines are skipped without a message each.
    let mixed = format!("{}{{\"text\": \"The mayor said so.\"}}\n", "\n".repeat(100_000));
    let path = file_with(&dir, "mixed.jsonl", mixed.as_bytes());
    let out = claimtrace(&["analyze", "--jsonl", &path]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out).lines().count(), 1);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

/// A loopback server answering up to `n` requests with `respond(path)`.
fn serve(n: usize, respond: impl Fn(&str) -> Vec<u8> + Send + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(n) {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 4096];
            let got = stream.read(&mut buf).unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..got]);
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            let _ = stream.write_all(&respond(&path));
        }
    });
    format!("http://{addr}")
}

#[test]
fn gzip_that_inflates_past_the_size_cap() {
    // 64 MB of spaces, about 64 KB on the wire.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let block = vec![b' '; 1 << 20];
    for _ in 0..64 {
        gz.write_all(&block).unwrap();
    }
    let body = gz.finish().unwrap();
    assert!(body.len() < 1 << 20);
    let url = serve(1, move |_| {
        let mut r = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .into_bytes();
        r.extend_from_slice(&body);
        r
    });
    let dir = tempfile::tempdir().unwrap();
    let url = format!("{url}/bomb");
    let (err, records) = analyze_beside_good(&dir, &url);
    assert_eq!(records, 1);
    assert!(err.contains("/bomb: input too large"), "{err}");
}

#[test]
fn url_that_redirects_forever() {
    let url = serve(50, |path| {
        let n: u32 = path.trim_start_matches("/r").parse().unwrap_or(0);
        format!(
            "HTTP/1.1 302 Found\r\nLocation: /r{}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            n + 1
        )
        .into_bytes()
    });
    let dir = tempfile::tempdir().unwrap();
    let url = format!("{url}/r0");
    let (err, records) = analyze_beside_good(&dir, &url);
    assert_eq!(records, 1);
    assert!(err.contains("/r0: ") && err.contains("redirect"), "{err}");
}
