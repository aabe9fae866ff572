//! `claimtrace bench --serve DB`: `claimtrace serve` under load on this
//! machine, over loopback. The server runs in this process on its own
//! runtime; client threads keep their connections alive and ask for claim
//! pages and `/api/claims` pages (50 a page, brief) with filters that change from
//! request to request, so that no cache answers them all. Reports
//! requests/s and latency percentiles per kind of request.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use claimtrace_store::{ClaimFilter, LedgerStore, SqlStore};

/// One keep-alive HTTP/1.1 connection.
struct Client {
    addr: SocketAddr,
    reader: BufReader<TcpStream>,
}

impl Client {
    fn connect(addr: SocketAddr) -> Result<Client> {
        let stream = TcpStream::connect(addr)?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        Ok(Client { addr, reader: BufReader::new(stream) })
    }

    /// GETs `path`; returns the status.
    fn get(&mut self, path: &str) -> Result<u16> {
        let request = format!("GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n", self.addr);
        self.reader.get_mut().write_all(request.as_bytes())?;
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let mut length = 0usize;
        loop {
            line.clear();
            if self.reader.read_line(&mut line)? == 0 {
                bail!("connection closed");
            }
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body)?;
        Ok(status)
    }
}

pub fn run(db: &Path, requests: usize, concurrency: usize, json: bool) -> Result<ExitCode> {
    // Requests drawn from the ledger itself: claim ids, the names they are
    // filed under, statuses.
    let (ids, names) = {
        let store =
            SqlStore::connect(db).with_context(|| format!("cannot open {}", db.display()))?;
        let sample = store.claims(&ClaimFilter { limit: Some(2000), ..ClaimFilter::default() })?;
        let ids: Vec<String> = sample.iter().map(|c| c.id.clone()).collect();
        let mut names: Vec<String> =
            sample.iter().flat_map(|c| c.entities.iter().cloned()).collect();
        names.sort();
        names.dedup();
        (ids, names)
    };
    if ids.is_empty() {
        bail!("{}: an empty ledger (build one with `bench --synthetic N --db FILE`)", db.display());
    }
    let statuses = ["", "disputed", "confirmed", "unverified", "hedged", "reported", "asserted"];
    let paths: Vec<(usize, String)> = (0..requests)
        .map(|k| {
            // Spread over the sample with a stride, so neighbours differ.
            let pick = |n: usize| (k.wrapping_mul(7919) + k / 3) % n.max(1);
            if k % 2 == 0 {
                (0, format!("/claims/{}", ids[pick(ids.len())]))
            } else {
                let mut path = format!(
                    "/api/claims?limit=50&view=brief&status={}",
                    statuses[k / 2 % statuses.len()]
                );
                if !names.is_empty() && k % 4 == 1 {
                    let name = &names[pick(names.len())];
                    path.push_str("&about=");
                    path.push_str(
                        &name
                            .bytes()
                            .map(|b| {
                                if b.is_ascii_alphanumeric() {
                                    (b as char).to_string()
                                } else {
                                    format!("%{b:02X}")
                                }
                            })
                            .collect::<String>(),
                    );
                }
                (1, path)
            }
        })
        .collect();

    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let config = claimtrace_server::Config::new(db.to_path_buf(), addr);
    std::thread::spawn(move || claimtrace_server::run(config));
    let ready = (0..400).any(|_| {
        std::thread::sleep(Duration::from_millis(25));
        Client::connect(addr).and_then(|mut c| c.get("/api/claims?limit=1")).is_ok_and(|s| s == 200)
    });
    if !ready {
        bail!("the server did not start");
    }
    // Warm up: every kind once per connection.
    let concurrency = concurrency.max(1);
    let started = Instant::now();
    let chunks: Vec<Vec<(usize, String)>> = (0..concurrency)
        .map(|c| paths.iter().skip(c).step_by(concurrency).cloned().collect())
        .collect();
    let results: Vec<Result<Vec<(usize, f64, u16)>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                scope.spawn(move || -> Result<Vec<(usize, f64, u16)>> {
                    let mut client = Client::connect(addr)?;
                    let mut out = Vec::with_capacity(chunk.len());
                    for (kind, path) in chunk {
                        let t = Instant::now();
                        let status = client.get(&path)?;
                        out.push((kind, t.elapsed().as_secs_f64(), status));
                    }
                    Ok(out)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("a client thread panicked")).collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let mut all = Vec::new();
    for r in results {
        all.extend(r?);
    }
    let failed = all.iter().filter(|(_, _, s)| *s != 200).count();
    let pct = |kind: Option<usize>, p: f64| -> f64 {
        let mut t: Vec<f64> =
            all.iter().filter(|(k, _, _)| kind.is_none_or(|x| x == *k)).map(|x| x.1).collect();
        t.sort_by(f64::total_cmp);
        t.get(((t.len() as f64 * p) as usize).min(t.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0.0)
            * 1e3
    };
    let rps = all.len() as f64 / elapsed;
    if json {
        let out = serde_json::json!({
            "requests": all.len(), "concurrency": concurrency, "seconds": elapsed, "requests_per_s": rps,
            "failed": failed,
            "claim_page_ms": {"p50": pct(Some(0), 0.5), "p95": pct(Some(0), 0.95), "p99": pct(Some(0), 0.99), "max": pct(Some(0), 1.0)},
            "api_claims_ms": {"p50": pct(Some(1), 0.5), "p95": pct(Some(1), 0.95), "p99": pct(Some(1), 0.99), "max": pct(Some(1), 1.0)},
            "all_ms": {"p50": pct(None, 0.5), "p95": pct(None, 0.95)},
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!(
            "{} requests, {concurrency} connections, {:.2} s: {rps:.0} requests/s, {failed} failed",
            all.len(),
            elapsed
        );
        println!(
            "claim pages      p50 {:6.1} ms  p95 {:6.1} ms  p99 {:6.1} ms  max {:7.1} ms",
            pct(Some(0), 0.5),
            pct(Some(0), 0.95),
            pct(Some(0), 0.99),
            pct(Some(0), 1.0)
        );
        println!(
            "/api/claims brief p50 {:6.1} ms  p95 {:6.1} ms  p99 {:6.1} ms  max {:7.1} ms",
            pct(Some(1), 0.5),
            pct(Some(1), 0.95),
            pct(Some(1), 0.99),
            pct(Some(1), 1.0)
        );
    }
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
