//! `claimtrace serve` end to end over real sockets: every page and API
//! route, paging, analysis, and the guards (Host, Origin, token, body
//! size, escaping of hostile article text).

mod cdp;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::time::Duration;

use claimtrace_server::Config;
use claimtrace_store::{ArticleInput, LedgerStore, SqlStore};

fn testdata(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata").join(rel)
}

/// A ledger with the founding example and the dev articles in it.
fn ledger(dir: &tempfile::TempDir) -> PathBuf {
    let db = dir.path().join("ledger.db");
    fill(&db);
    db
}

/// Ingests the founding example and the dev articles into the ledger `db`
/// (a SQLite path or a PostgreSQL URL).
fn fill(db: &std::path::Path) {
    let mut store = SqlStore::connect(db).unwrap();
    let mut paths = vec![testdata("examples/newsweek-isis-threat.txt")];
    for entry in std::fs::read_dir(testdata("gold/dev/inputs")).unwrap() {
        paths.push(entry.unwrap().path());
    }
    paths.sort();
    for path in paths {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.to_str().unwrap();
        let input =
            claimtrace::read::Input { name, bytes: &bytes, format: None, content_type: None };
        for doc in claimtrace::analyze(&input, &Default::default()) {
            let doc = doc.unwrap();
            let article =
                ArticleInput { doc: &doc, input_name: name, ingested_at: "2026-12-01T00:00:00Z" };
            store.ingest(&article).unwrap();
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts a server on `config` in the background and waits until it
/// answers.
fn start(config: Config) -> SocketAddr {
    let addr = SocketAddr::from(([127, 0, 0, 1], config.addr.port()));
    std::thread::spawn(move || claimtrace_server::run(config).unwrap());
    for _ in 0..200 {
        if TcpStream::connect(addr).is_ok() {
            return addr;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("the server did not start");
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// One HTTP/1.1 request; `host` None uses the server's address.
fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    host: Option<&str>,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let host = host.map_or_else(|| addr.to_string(), str::to_string);
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    stream.write_all(head.as_bytes()).unwrap();
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Reply { status, head: head.to_string(), body: body.to_string() }
}

/// A POST from the server's own pages (its own `Origin`).
fn post_same_site(addr: SocketAddr, path: &str, content_type: &str, body: &[u8]) -> Reply {
    let origin = format!("http://{addr}");
    request(addr, "POST", path, None, &[("Content-Type", content_type), ("Origin", &origin)], body)
}

fn get(addr: SocketAddr, path: &str) -> Reply {
    request(addr, "GET", path, None, &[], b"")
}

fn json(reply: &Reply) -> serde_json::Value {
    serde_json::from_str(&reply.body).unwrap_or_else(|e| panic!("{e}: {}", reply.body))
}

#[test]
fn pages_and_api_over_a_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledger(&dir);
    let addr = start(Config::new(db, SocketAddr::from(([127, 0, 0, 1], free_port()))));

    // The ledger page lists the founding example's claims, with badges.
    let home = get(addr, "/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("Crocus"), "{}", &home.body[..home.body.len().min(500)]);
    assert!(home.body.contains("class=\"badge "));
    assert!(home.header("content-security-policy").unwrap().contains("default-src 'none'"));
    assert_eq!(get(addr, "/static/app.css").status, 200);

    // /api/claims pages through every cluster once.
    let all = json(&get(addr, "/api/claims?limit=500"))["claims"].as_array().unwrap().len();
    let mut seen = std::collections::HashSet::new();
    let mut path = "/api/claims?limit=7".to_string();
    loop {
        let page = json(&get(addr, &path));
        let claims = page["claims"].as_array().unwrap();
        assert!(claims.len() <= 7);
        for c in claims {
            assert!(seen.insert(c["id"].as_str().unwrap().to_string()), "a claim on two pages");
        }
        match page["next"].as_str() {
            Some(next) => path = format!("/api/claims?limit=7&after={next}"),
            None => break,
        }
    }
    assert_eq!(seen.len(), all);
    // The brief form agrees with the full one, field for field.
    let full = json(&get(addr, "/api/claims?limit=500"));
    let brief = json(&get(addr, "/api/claims?limit=500&view=brief"));
    let (full, brief) = (full["claims"].as_array().unwrap(), brief["claims"].as_array().unwrap());
    assert_eq!(full.len(), brief.len());
    for (f, b) in full.iter().zip(brief) {
        for key in ["id", "text", "status", "origin", "first_seen", "outlets", "superseded_by"] {
            assert_eq!(f[key], b[key], "{key} of {}", f["id"]);
        }
        assert_eq!(
            f["appearances"].as_array().unwrap().len() as u64,
            b["appearances"].as_u64().unwrap()
        );
    }
    let default_page = json(&get(addr, "/api/claims"));
    assert_eq!(default_page["claims"].as_array().unwrap().len(), all.min(50));
    // Filters as the CLI's.
    let disputed = json(&get(addr, "/api/claims?status=disputed"));
    assert!(disputed["claims"].as_array().unwrap().iter().all(|c| c["status"] == "disputed"));

    // One claim, as JSON and as a page with its graph and timeline.
    let kyiv =
        json(&get(addr, "/api/claims?about=Kyiv"))["claims"][0]["id"].as_str().unwrap().to_string();
    let claim = get(addr, &format!("/api/claims/{kyiv}"));
    assert_eq!(claim.status, 200);
    assert_eq!(json(&claim)["id"], kyiv.as_str());
    let page = get(addr, &format!("/claims/{kyiv}"));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<svg") && page.body.contains("Timeline"));
    // An entity's page: the claims it made, answered, and is named in;
    // the claim page links its names there.
    assert!(page.body.contains("/entity?name="));
    let entity = get(addr, "/entity?name=Kremlin");
    assert_eq!(entity.status, 200);
    assert!(entity.body.contains("Claims it made") && entity.body.contains("Claims about it"));
    assert!(entity.body.contains("/claims/c-"), "the Kremlin's claims are listed");
    assert_eq!(get(addr, "/entity?name=").status, 400);
    let missing = get(addr, "/api/claims/c-0000000000000000");
    assert_eq!(missing.status, 404);
    assert_eq!(json(&missing)["error"], "no such claim");
    assert_eq!(get(addr, "/claims/nope").status, 404);

    // Events, search, articles, the OpenAPI document.
    let events = json(&get(addr, "/api/events?type=ASSAULT"));
    assert!(!events["events"].as_array().unwrap().is_empty());
    assert_eq!(get(addr, "/events").status, 200);
    let hits = json(&get(addr, "/api/search?q=Crocus"));
    assert!(!hits["hits"].as_array().unwrap().is_empty());
    let articles = json(&get(addr, "/api/articles"));
    assert_eq!(articles["articles"].as_array().unwrap().len(), 9);
    let openapi = json(&get(addr, "/api/openapi.json"));
    for route in [
        "/api/claims",
        "/api/claims/{id}",
        "/api/claims/{id}/review",
        "/api/events",
        "/api/search",
        "/api/articles",
        "/api/analyze",
        "/api/ingest",
        "/api/ingest/{id}",
    ] {
        assert!(openapi["paths"].get(route).is_some(), "{route} missing from the OpenAPI document");
    }

    // Analysis of a pasted article: the record, and the page with spans.
    let text = std::fs::read(testdata("examples/newsweek-isis-threat.txt")).unwrap();
    let analysed =
        request(addr, "POST", "/api/analyze", None, &[("Content-Type", "text/plain")], &text);
    assert_eq!(analysed.status, 200);
    assert!(analysed.header("server-timing").unwrap().starts_with("analyze;dur="));
    assert!(json(&analysed)["claims"].as_array().unwrap().len() >= 5);
    let form = format!("text={}", percent(&String::from_utf8_lossy(&text)));
    let page =
        post_same_site(addr, "/analyze", "application/x-www-form-urlencoded", form.as_bytes());
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<mark class=\"ent-"), "entities highlighted");
    assert!(
        page.body.contains("<mark class=\"time\" title=\"2024-03-22\">Friday"),
        "times with their value"
    );
    assert_eq!(get(addr, "/analyze").status, 200);
}

/// Hostile article text renders inert: escaped, never markup.
#[test]
fn a_hostile_article_stays_inert() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db");
    let addr = start(Config::new(db, SocketAddr::from(([127, 0, 0, 1], free_port()))));
    let hostile = "Hostile <script>alert(1)</script> headline\n\n\
        The minister said \"<img src=x onerror=alert(2)>\" and <a href=\"javascript:alert(3)\">this</a>. \
        Police arrested two men in \"Kabul\" onmouseover=\"alert(4)\" on Tuesday.";
    let form = format!("text={}", percent(hostile));
    let page =
        post_same_site(addr, "/analyze", "application/x-www-form-urlencoded", form.as_bytes());
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(!page.body.contains("<script>alert"), "a script tag came through");
    assert!(!page.body.contains("<img src=x"), "an img tag came through");
    assert!(!page.body.contains("href=\"javascript:"), "a javascript: link came through");
    assert!(!page.body.contains("onmouseover=\"alert"), "an attribute broke out");
    assert!(page.body.contains("&lt;script&gt;"), "the text is still shown");
    // No inline script can run: the policy forbids it.
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"));
}

#[test]
fn host_origin_token_and_size_guards() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guards.db");
    let mut config = Config::new(db.clone(), SocketAddr::from(([127, 0, 0, 1], free_port())));
    config.token = Some("s3cret".into());
    config.max_body = 64 * 1024;
    let addr = start(config);

    // DNS rebinding: another host name is refused, reads included.
    let rebound = request(addr, "GET", "/api/claims", Some("evil.example"), &[], b"");
    assert_eq!(rebound.status, 421);
    let port = addr.port();
    assert_eq!(request(addr, "GET", "/", Some(&format!("localhost:{port}")), &[], b"").status, 200);

    let body = b"Police arrested two men in Kabul on Tuesday.";
    let plain = ("Content-Type", "text/plain");
    // CSRF: a write from another origin is refused, token or not.
    let cross = request(
        addr,
        "POST",
        "/api/analyze",
        None,
        &[plain, ("Origin", "http://evil.example"), ("Authorization", "Bearer s3cret")],
        body,
    );
    assert_eq!(cross.status, 403);
    let cross_site = request(
        addr,
        "POST",
        "/api/analyze",
        None,
        &[plain, ("Sec-Fetch-Site", "cross-site"), ("Authorization", "Bearer s3cret")],
        body,
    );
    assert_eq!(cross_site.status, 403);
    // The token: required, checked.
    assert_eq!(request(addr, "POST", "/api/analyze", None, &[plain], body).status, 401);
    assert_eq!(
        request(
            addr,
            "POST",
            "/api/analyze",
            None,
            &[plain, ("Authorization", "Bearer wrong")],
            body
        )
        .status,
        401
    );
    let ok = request(
        addr,
        "POST",
        "/api/analyze",
        None,
        &[plain, ("Authorization", "Bearer s3cret")],
        body,
    );
    assert_eq!(ok.status, 200, "{}", ok.body);
    // Bodies over the limit are refused, not read.
    let big = vec![b'a'; 200 * 1024];
    let too_big = request(
        addr,
        "POST",
        "/api/analyze",
        None,
        &[plain, ("Authorization", "Bearer s3cret")],
        &big,
    );
    assert_eq!(too_big.status, 413);
    // Errors do not leak internals.
    let bad = request(
        addr,
        "POST",
        "/api/analyze",
        None,
        &[plain, ("Authorization", "Bearer s3cret")],
        b"   ",
    );
    assert_eq!(bad.status, 422);
    assert!(!bad.body.contains("src/"), "{}", bad.body);
}

/// Off loopback, writes need a token; with none set they are refused.
#[test]
fn a_review_corrects_a_claim_with_who_and_when() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledger(&dir);
    let addr = start(Config::new(db, SocketAddr::from(([127, 0, 0, 1], free_port()))));
    let list = json(&get(addr, "/api/claims?status=asserted&view=brief"));
    let id = list["claims"][0]["id"].as_str().expect("an asserted claim").to_string();
    let origin = format!("http://{addr}");
    let post = |path: &str, content_type: &str, body: &str, origin: &str| {
        request(
            addr,
            "POST",
            path,
            None,
            &[("Content-Type", content_type), ("Origin", origin)],
            body.as_bytes(),
        )
    };

    // The API: a status with a note, recorded with who.
    let reply = post(
        &format!("/api/claims/{id}/review"),
        "application/json",
        r#"{"status": "disputed", "note": "<script>alert(1)</script> denied", "by": "analyst-1"}"#,
        &origin,
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(json(&reply)["value"], "disputed");
    let claim = json(&get(addr, &format!("/api/claims/{id}")));
    assert_eq!(claim["status"], "disputed");
    assert_eq!(claim["corrections"][0]["by"], "analyst-1");
    let disputed = json(&get(addr, "/api/claims?status=disputed&view=brief&limit=500"));
    assert!(disputed["claims"].as_array().unwrap().iter().any(|c| c["id"] == id.as_str()));

    // The page's form: an undo, then the page again (303), which lists both
    // steps and shows the note as text.
    let reply = post(
        &format!("/claims/{id}/review"),
        "application/x-www-form-urlencoded",
        "status=&note=&by=analyst-2&undo=true",
        &origin,
    );
    assert_eq!(reply.status, 303, "{}", reply.body);
    let page = get(addr, &format!("/claims/{id}"));
    assert!(page.body.contains("analyst-2") && page.body.contains("undo (status disputed)"));
    assert!(page.body.contains("&lt;script&gt;") && !page.body.contains("<script>alert"));
    assert_eq!(json(&get(addr, &format!("/api/claims/{id}")))["status"], "asserted");

    // Refused: another site's form (CSRF), an unknown status, no claim.
    let cross = post(
        &format!("/api/claims/{id}/review"),
        "application/json",
        r#"{"status": "confirmed", "by": "mallory"}"#,
        "https://evil.example",
    );
    assert_eq!(cross.status, 403);
    let bad = post(
        &format!("/api/claims/{id}/review"),
        "application/json",
        r#"{"status": "bogus", "by": "a"}"#,
        &origin,
    );
    assert_eq!(bad.status, 422, "{}", bad.body);
    let none = post(
        "/api/claims/c-0000/review",
        "application/json",
        r#"{"note": "x", "by": "a"}"#,
        &origin,
    );
    assert_eq!(none.status, 404);
    assert_eq!(
        json(&get(addr, &format!("/api/claims/{id}")))["corrections"].as_array().unwrap().len(),
        2
    );
}

#[test]
fn off_loopback_writes_need_a_token() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let addr =
        start(Config::new(dir.path().join("public.db"), SocketAddr::from(([0, 0, 0, 0], port))));
    assert_eq!(get(addr, "/api/claims").status, 200, "reads are public");
    let write = request(
        addr,
        "POST",
        "/api/analyze",
        None,
        &[("Content-Type", "text/plain")],
        b"Police arrested two men.",
    );
    assert_eq!(write.status, 401);
    assert!(write.body.contains("no --token"), "{}", write.body);
}

fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Headless Chromium, when the machine has it. `.ci/run` installs it and
/// sets `CLAIMTRACE_BROWSER_TESTS=1`, which makes a missing browser a
/// failure; elsewhere the browser tests say they were skipped.
fn browser() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"].iter().find_map(|name| {
        std::env::var_os("PATH")?
            .to_str()?
            .split(':')
            .map(|dir| PathBuf::from(dir).join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CLAIMTRACE_BROWSER_TESTS").is_none(),
            "CLAIMTRACE_BROWSER_TESTS is set but no chromium is installed"
        );
        eprintln!("browser tests skipped: no chromium (CLAIMTRACE_BROWSER_TESTS=1 requires it)");
    }
    found
}

/// Runs headless Chromium on `url` with `args` (a profile of its own, so
/// that tests can run at once) and returns its standard output.
fn chromium(browser: &PathBuf, args: &[&str], url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(browser)
        .args(cdp::HEADLESS)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The page's DOM after Chromium loaded it (and ran any script it could).
fn dom(browser: &PathBuf, url: &str) -> String {
    chromium(browser, &["--dump-dom", "--virtual-time-budget=2000"], url)
}

/// Saves a screenshot under `target/browser-artefacts/` and checks it.
fn screenshot(browser: &PathBuf, url: &str, name: &str, size: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/browser-artefacts");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.png"));
    let _ = std::fs::remove_file(&path);
    chromium(
        browser,
        &[&format!("--screenshot={}", path.display()), &format!("--window-size={size}")],
        url,
    );
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    assert!(bytes > 10_000, "{name}.png: {bytes} bytes");
}

#[test]
fn in_a_browser_pages_render_and_hostile_text_stays_inert() {
    let Some(browser) = browser() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = ledger(&dir);
    // A hostile article in the ledger: markup, script, handlers and a
    // javascript: link, all as text.
    let hostile = dir.path().join("hostile.txt");
    std::fs::write(
        &hostile,
        "Hostile <script>document.title='pwned'</script> headline\n\n\
         The minister said \"<script>document.body.setAttribute('data-pwned','1')</script>\" on Monday. \
         Police arrested two men in Kabul <img src=x onerror=\"document.body.setAttribute('data-pwned','2')\"> \
         on Tuesday, officials said. Reporters were shown <a href=\"javascript:document.body.setAttribute('data-pwned','3')\">a link</a> \
         and a \" onmouseover=\"document.body.setAttribute('data-pwned','4')\" quote.\n",
    )
    .unwrap();
    {
        let mut store = SqlStore::open(&db).unwrap();
        let bytes = std::fs::read(&hostile).unwrap();
        let name = hostile.to_str().unwrap();
        let input =
            claimtrace::read::Input { name, bytes: &bytes, format: None, content_type: None };
        let doc = claimtrace::analyze(&input, &Default::default()).pop().unwrap().unwrap();
        store
            .ingest(&ArticleInput {
                doc: &doc,
                input_name: name,
                ingested_at: "2026-12-01T00:00:00Z",
            })
            .unwrap();
    }
    let addr = start(Config::new(db, SocketAddr::from(([127, 0, 0, 1], free_port()))));
    let base = format!("http://{addr}");

    // The ledger page lists the founding example's claims, with badges.
    let home = dom(&browser, &format!("{base}/"));
    assert!(
        home.contains("Crocus") && home.contains("class=\"badge "),
        "{}",
        &home[..home.len().min(400)]
    );
    screenshot(&browser, &format!("{base}/"), "ledger", "1280,1000");
    screenshot(&browser, &format!("{base}/"), "ledger-phone", "390,844");

    // A claim page draws its graph and its timeline.
    let page = get(addr, "/api/claims?about=Crocus&limit=50");
    let claims = json(&page)["claims"].as_array().unwrap().clone();
    let with_chain =
        claims.iter().find(|c| !c["propagation"].as_array().unwrap().is_empty()).unwrap();
    let url = format!("{base}/claims/{}", with_chain["id"].as_str().unwrap());
    let claim = dom(&browser, &url);
    assert!(claim.contains("<svg") && claim.contains("<rect") && claim.contains("Timeline"));
    screenshot(&browser, &url, "claim", "1280,1000");

    // The article page marks entities and times.
    let founding = testdata("examples/newsweek-isis-threat.txt");
    let url = format!("{base}/article?url={}", percent(founding.to_str().unwrap()));
    let article = dom(&browser, &url);
    assert!(article.contains("<mark class=\"ent-"), "entities marked");
    assert!(
        article.contains("<mark class=\"time\" title=\"2024-03-22\">Friday"),
        "times with their value"
    );
    screenshot(&browser, &url, "article", "1280,1400");

    // The hostile article renders inert: no script ran, nothing broke out.
    let url = format!("{base}/article?url={}", percent(hostile.to_str().unwrap()));
    let page = dom(&browser, &url);
    assert!(page.contains("Police arrested two men"), "the article is shown");
    // The text names the attribute; set, it would read data-pwned="N".
    assert!(!page.contains("data-pwned=\""), "a script or handler ran");
    assert!(!page.contains("<title>pwned"), "a script ran");
    assert!(page.contains("&lt;script&gt;"), "the markup is shown as text");
    screenshot(&browser, &url, "hostile", "1280,1000");
}

#[test]
fn a_postgres_ledger_serves_the_same_json_as_a_sqlite_one() {
    let Some(url) = std::env::var("CLAIMTRACE_TEST_POSTGRES").ok().filter(|u| !u.is_empty()) else {
        assert!(
            std::env::var_os("CLAIMTRACE_REQUIRE_SERVICES").is_none(),
            "CLAIMTRACE_REQUIRE_SERVICES is set but CLAIMTRACE_TEST_POSTGRES is not"
        );
        eprintln!(
            "skipped: no PostgreSQL (set CLAIMTRACE_TEST_POSTGRES; scripts/services.sh start)"
        );
        return;
    };
    let schema = format!("serve_{}", std::process::id());
    let made = std::process::Command::new("psql")
        .arg(&url)
        .args(["-qc", &format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")])
        .status()
        .unwrap();
    assert!(made.success());
    let sep = if url.contains('?') { '&' } else { '?' };
    let pg = PathBuf::from(format!("{url}{sep}options=-csearch_path%3D{schema}"));
    fill(&pg);
    let dir = tempfile::tempdir().unwrap();
    let lite = ledger(&dir);
    let on_pg = start(Config::new(pg, SocketAddr::from(([127, 0, 0, 1], free_port()))));
    let on_lite = start(Config::new(lite, SocketAddr::from(([127, 0, 0, 1], free_port()))));
    let claims = json(&get(on_lite, "/api/claims?limit=500"));
    let id = claims["claims"][0]["id"].as_str().unwrap().to_string();
    for path in [
        "/api/claims?limit=500".to_string(),
        "/api/claims?limit=5&status=disputed".to_string(),
        format!("/api/claims/{id}"),
        "/api/events".to_string(),
        "/api/articles".to_string(),
    ] {
        let (a, b) = (get(on_lite, &path), get(on_pg, &path));
        assert_eq!((a.status, b.status), (200, 200), "{path}");
        assert_eq!(json(&a), json(&b), "{path}");
    }
    // Search finds the same claims and articles; each engine ranks them
    // by its own measure (bm25 in SQLite, ts_rank in PostgreSQL).
    let hits = |addr| {
        let mut hits: Vec<(String, String)> = json(&get(addr, "/api/search?q=police"))["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| (h["kind"].as_str().unwrap().into(), h["id"].as_str().unwrap().into()))
            .collect();
        hits.sort();
        hits
    };
    let found = hits(on_lite);
    assert!(found.len() >= 3, "{found:?}");
    assert_eq!(found, hits(on_pg));
    // A reviewer's correction through the API, on PostgreSQL.
    let origin = format!("http://{on_pg}");
    let reply = request(
        on_pg,
        "POST",
        &format!("/api/claims/{id}/review"),
        None,
        &[("Content-Type", "application/json"), ("Origin", &origin)],
        br#"{"status": "disputed", "note": "denied", "by": "analyst"}"#,
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(json(&get(on_pg, &format!("/api/claims/{id}")))["status"], "disputed");
}

#[test]
fn the_article_page_says_what_changed_between_versions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let mut store = SqlStore::open(&db).unwrap();
    let url = "https://example.org/story";
    let first = "Police said on Monday that two men were arrested after the fire in the city.";
    let second = "Police said on Monday that two men were arrested after the fire in the city. \
                  The mayor said on Tuesday that the market would reopen next week.";
    for (k, text) in [first, second].into_iter().enumerate() {
        let record = serde_json::json!({
            "url": url, "title": "Fire", "published": "2024-03-25", "text": text
        })
        .to_string();
        let input = claimtrace::read::Input {
            name: "story.json",
            bytes: record.as_bytes(),
            format: None,
            content_type: None,
        };
        let doc = claimtrace::analyze(&input, &Default::default()).remove(0).unwrap();
        let at = format!("2026-12-0{}T00:00:00Z", k + 1);
        let article = ArticleInput { doc: &doc, input_name: "story.json", ingested_at: &at };
        store.ingest(&article).unwrap();
    }
    drop(store);
    let addr = start(Config::new(db, SocketAddr::from(([127, 0, 0, 1], free_port()))));
    let page = get(addr, &format!("/article?url={}", percent(url)));
    assert_eq!(page.status, 200);
    let versions = &page.body[page.body.find("Versions").expect("a Versions section")..];
    assert!(versions.contains("Version 2"), "{versions}");
    assert!(
        versions.contains("Added:") && versions.contains("the market would reopen"),
        "{versions}"
    );
}

/// A server on loopback that answers every request with `body` as
/// `content_type`; returns its address.
fn article_site(body: &'static str, content_type: &'static str) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let reply = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    addr
}

const ARTICLE_HTML: &str = "<html><head><title>Police arrest two men in Kabul</title>\
    <meta property=\"article:published_time\" content=\"2019-03-05T10:00:00Z\"></head>\
    <body><article><h1>Police arrest two men in Kabul</h1>\
    <p>Police arrested two men in Kabul on Tuesday, officials said. The interior ministry \
    said the men had planned an attack on a market, a claim their families denied.</p>\
    </article></body></html>";

/// A multipart/form-data body: `(name, file name, content)` fields.
fn multipart(fields: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----claimtrace-test-boundary";
    let mut body = Vec::new();
    for (name, file, content) in fields {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match file {
            Some(file) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Polls an ingest job until it is done; its last progress.
fn finished(addr: SocketAddr, id: u64) -> serde_json::Value {
    for _ in 0..400 {
        let progress = json(&get(addr, &format!("/api/ingest/{id}")));
        if progress["state"] == "done" {
            return progress;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("ingest job {id} did not finish");
}

#[test]
fn a_url_on_a_private_network_is_refused_unless_allowed() {
    let site = article_site(ARTICLE_HTML, "text/html; charset=utf-8");
    let dir = tempfile::tempdir().unwrap();
    let addr = start(Config::new(
        dir.path().join("ledger.db"),
        SocketAddr::from(([127, 0, 0, 1], free_port())),
    ));
    for url in [format!("http://{site}/story"), format!("http://localhost:{}/story", site.port())] {
        // The API, the form and an ingest job all refuse it, naming why.
        let reply =
            request(addr, "POST", &format!("/api/analyze?url={}", percent(&url)), None, &[], b"");
        assert_eq!(reply.status, 403, "{}", reply.body);
        let message = json(&reply)["error"].as_str().unwrap().to_string();
        assert!(message.contains("refused") && message.contains("loopback"), "{message}");
        let form = format!("url={}", percent(&url));
        let page =
            post_same_site(addr, "/analyze", "application/x-www-form-urlencoded", form.as_bytes());
        assert_eq!(page.status, 403);
        assert!(page.body.contains("refused"), "{}", page.body);
    }
    let url = format!("http://{site}/story");
    let job = request(addr, "POST", &format!("/api/ingest?url={}", percent(&url)), None, &[], b"");
    assert_eq!(job.status, 202, "{}", job.body);
    let progress = finished(addr, json(&job)["id"].as_u64().unwrap());
    assert_eq!((progress["failed"].as_u64(), progress["new"].as_u64()), (Some(1), Some(0)));
    assert!(progress["errors"][0]["error"].as_str().unwrap().contains("refused"), "{progress}");
    // Cloud metadata and private addresses, by literal address.
    for url in ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[::1]/"] {
        let reply =
            request(addr, "POST", &format!("/api/analyze?url={}", percent(url)), None, &[], b"");
        assert_eq!(reply.status, 403, "{url}: {}", reply.body);
    }
    let reply =
        request(addr, "POST", "/api/analyze?url=file%3A%2F%2F%2Fetc%2Fpasswd", None, &[], b"");
    assert_eq!(reply.status, 422, "{}", reply.body);

    // With --allow-private the same URL is fetched and analysed.
    let mut config =
        Config::new(dir.path().join("ledger2.db"), SocketAddr::from(([127, 0, 0, 1], free_port())));
    config.allow_private = true;
    let open = start(config);
    let reply =
        request(open, "POST", &format!("/api/analyze?url={}", percent(&url)), None, &[], b"");
    assert_eq!(reply.status, 200, "{}", reply.body);
    let record = json(&reply);
    assert_eq!(record["meta"]["title"], "Police arrest two men in Kabul");
    assert!(!record["claims"].as_array().unwrap().is_empty(), "{record}");
}

#[test]
fn uploads_are_analysed_or_ingested_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(Config::new(
        dir.path().join("ledger.db"),
        SocketAddr::from(([127, 0, 0, 1], free_port())),
    ));
    let founding = std::fs::read(testdata("examples/newsweek-isis-threat.txt")).unwrap();
    let mut dev: Vec<PathBuf> = std::fs::read_dir(testdata("gold/dev/inputs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dev.sort();
    let second = std::fs::read(&dev[0]).unwrap();
    let second_name = dev[0].file_name().unwrap().to_str().unwrap().to_string();

    // One file, not ingested: its analysis, nothing stored.
    let (content_type, body) =
        multipart(&[("files", Some("founding.txt"), &founding), ("url", None, b"")]);
    let page = post_same_site(addr, "/analyze", &content_type, &body);
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("<mark class=\"time\" title=\"2024-03-22\">Friday"));
    assert_eq!(json(&get(addr, "/api/claims"))["claims"].as_array().unwrap().len(), 0);

    // Files ingested: a job, its page, its counts; a bad file named.
    let (content_type, body) = multipart(&[
        ("files", Some("founding.txt"), &founding),
        ("files", Some(&second_name), &second),
        ("files", Some("empty.txt"), b"   \n"),
        ("text", None, b""),
        ("ingest", None, b"on"),
    ]);
    let reply = post_same_site(addr, "/analyze", &content_type, &body);
    assert_eq!(reply.status, 303, "{}", reply.body);
    let location = reply.header("location").unwrap().to_string();
    let id: u64 = location.strip_prefix("/ingest/").unwrap().parse().unwrap();
    let progress = finished(addr, id);
    assert_eq!(progress["inputs"], 3);
    assert_eq!(progress["done"], 3);
    assert_eq!(progress["new"], 2, "{progress}");
    assert_eq!(progress["failed"], 1, "{progress}");
    assert!(progress["errors"][0]["input"].as_str().unwrap().contains("empty.txt"), "{progress}");
    let page = get(addr, &location);
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("<progress") && page.body.contains("3 of 3 inputs"),
        "{}",
        page.body
    );
    assert!(page.body.contains("2 new") && page.body.contains("1 failed"), "{}", page.body);
    assert!(!page.body.contains("http-equiv=\"refresh\""), "a finished job stops reloading");
    let claims = json(&get(addr, "/api/claims?about=Crocus"));
    assert!(!claims["claims"].as_array().unwrap().is_empty(), "{claims}");

    // The same files again add nothing; a JSONL body through the API.
    let (content_type, body) =
        multipart(&[("files", Some("founding.txt"), &founding), ("ingest", None, b"on")]);
    let reply = post_same_site(addr, "/analyze", &content_type, &body);
    let id: u64 =
        reply.header("location").unwrap().strip_prefix("/ingest/").unwrap().parse().unwrap();
    let progress = finished(addr, id);
    assert_eq!((progress["new"].as_u64(), progress["unchanged"].as_u64()), (Some(0), Some(1)));
    let jsonl = "{\"title\":\"Flood\",\"text\":\"Officials said on Monday that 12 people were killed in floods in Jakarta.\",\"url\":\"https://news.example/flood\"}\n\
                 {\"title\":\"Quake\",\"text\":\"A minister said on Friday that the quake destroyed 300 homes in Lombok.\",\"url\":\"https://news.example/quake\"}\n";
    let reply = request(addr, "POST", "/api/ingest?name=feed.jsonl", None, &[], jsonl.as_bytes());
    assert_eq!(reply.status, 202, "{}", reply.body);
    let progress = finished(addr, json(&reply)["id"].as_u64().unwrap());
    assert_eq!(progress["new"], 2, "{progress}");
    assert_eq!(progress["articles"][1], "https://news.example/quake");
    assert_eq!(get(addr, "/api/ingest/999999").status, 404);
    // Writes from another site are refused, uploads included.
    let reply = request(
        addr,
        "POST",
        "/api/ingest",
        None,
        &[("Origin", "http://evil.example")],
        jsonl.as_bytes(),
    );
    assert_eq!(reply.status, 403);
}

/// In a browser: a file chosen on the analyse page and ingested shows its
/// progress and lands in the ledger; a loopback URL given there is
/// refused by the SSRF guard.
#[test]
fn in_a_browser_uploads_ingest_and_a_loopback_url_is_refused() {
    let Some(browser) = browser() else { return };
    let artefacts =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/browser-artefacts");
    std::fs::create_dir_all(&artefacts).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let addr = start(Config::new(
        dir.path().join("ledger.db"),
        SocketAddr::from(([127, 0, 0, 1], free_port())),
    ));
    let base = format!("http://{addr}");
    let mut page = cdp::Cdp::start(&browser);

    // Two files chosen, "Add to the ledger" ticked: the progress page
    // reloads itself until the job is done, then the ledger lists them.
    page.goto(&format!("{base}/analyze"));
    page.screenshot(&artefacts, "analyze");
    let mut dev: Vec<PathBuf> = std::fs::read_dir(testdata("gold/dev/inputs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dev.sort();
    page.choose_files("#files", &[testdata("examples/newsweek-isis-threat.txt"), dev[0].clone()]);
    page.eval(
        "document.querySelector('input[name=ingest]').checked = true; \
               document.querySelector('button[type=submit]').click(); true",
    );
    assert!(
        page.wait_for("location.pathname.startsWith('/ingest/') && document.body.innerText.includes('· done')"),
        "the progress page did not finish: {}",
        page.text()
    );
    let text = page.text();
    assert!(text.contains("2 of 2 inputs") && text.contains("2 new"), "{text}");
    page.screenshot(&artefacts, "ingest-progress");
    page.goto(&format!("{base}/"));
    assert!(page.text().contains("Crocus"), "the ledger lists the founding example's claims");

    // A loopback URL: refused, with the reason, on the result page.
    page.goto(&format!("{base}/analyze"));
    page.eval(&format!(
        "document.getElementById('url').value = 'http://127.0.0.1:{}/latest/meta-data/'; \
         document.querySelector('button[type=submit]').click(); true",
        addr.port()
    ));
    assert!(
        page.wait_for("document.body && document.body.innerText.includes('refused')"),
        "no refusal: {}",
        page.text()
    );
    let text = page.text();
    assert!(text.contains("403") && text.contains("loopback"), "{text}");
    page.screenshot(&artefacts, "ssrf-refused");
}

/// Merges and splits from the claim page's forms and the API: recorded,
/// listed with who, undone; both at once refused.
#[test]
fn merges_and_splits_from_the_page_and_the_api() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    {
        let mut store = SqlStore::open(&db).unwrap();
        let bridge = "The council said the bridge will close on Monday for repairs.";
        let ferry = "The harbour authority said the ferry will run every hour from Tuesday.";
        for (url, text) in [
            ("https://a.example/1", format!("Bridge\n\n{bridge}\n")),
            ("https://b.example/2", format!("Roads\n\n{bridge}\n")),
            ("https://e.example/5", format!("Harbour\n\n{ferry}\n")),
        ] {
            let input = claimtrace::read::Input {
                name: url,
                bytes: text.as_bytes(),
                format: None,
                content_type: None,
            };
            let doc = claimtrace::analyze(&input, &Default::default()).pop().unwrap().unwrap();
            store
                .ingest(&ArticleInput {
                    doc: &doc,
                    input_name: url,
                    ingested_at: "2026-12-01T00:00:00Z",
                })
                .unwrap();
        }
    }
    let addr = start(Config::new(db, SocketAddr::from(([127, 0, 0, 1], free_port()))));
    let claims = json(&get(addr, "/api/claims"))["claims"].as_array().unwrap().clone();
    let id_of = |words: &str| {
        claims.iter().find(|c| c["text"].as_str().unwrap().contains(words)).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (bridge, ferry) = (id_of("bridge will close"), id_of("ferry will run"));
    let page = get(addr, &format!("/claims/{bridge}"));
    assert!(page.body.contains("name=\"merge\"") && page.body.contains("name=\"split\""));

    // The page's split form: b.example leaves the bridge claim.
    let form = format!("split={}&by=editor&note=another+bridge", percent("https://b.example/2"));
    let reply = post_same_site(
        addr,
        &format!("/claims/{bridge}/review"),
        "application/x-www-form-urlencoded",
        form.as_bytes(),
    );
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(json(&get(addr, "/api/claims"))["claims"].as_array().unwrap().len(), 3);

    // The API's merge: the ferry claim joins; its id answers with the merged claim.
    let post = |body: &str| {
        post_same_site(
            addr,
            &format!("/api/claims/{bridge}/review"),
            "application/json",
            body.as_bytes(),
        )
    };
    let reply = post(&format!(r#"{{"merge": "{ferry}", "by": "editor"}}"#));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(json(&reply)["action"], "merge");
    let merged = json(&get(addr, &format!("/api/claims/{ferry}")));
    assert_eq!(merged["appearances"].as_array().unwrap().len(), 2);
    let page = get(addr, &format!("/claims/{bridge}"));
    assert!(page.body.contains("merged") && page.body.contains("split off"), "{}", page.body);

    // Both at once, or with a status: refused; undo takes back the merge.
    let both =
        post(&format!(r#"{{"merge": "{ferry}", "split": "https://a.example/1", "by": "e"}}"#));
    assert_eq!(both.status, 422, "{}", both.body);
    let with_status = post(&format!(r#"{{"merge": "{ferry}", "status": "disputed", "by": "e"}}"#));
    assert_eq!(with_status.status, 422, "{}", with_status.body);
    assert_eq!(post(r#"{"undo": true, "by": "editor"}"#).status, 200);
    assert_eq!(
        json(&get(addr, &format!("/api/claims/{ferry}")))["appearances"].as_array().unwrap().len(),
        1
    );
}

/// `/api/claims/{id}?evidence=true`: the cues `trace --evidence` gives.
#[test]
fn a_claim_with_its_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(Config::new(ledger(&dir), SocketAddr::from(([127, 0, 0, 1], free_port()))));
    let list = json(&get(addr, "/api/claims?status=unverified&view=brief"));
    let id = list["claims"][0]["id"].as_str().expect("an unverified claim").to_string();
    let plain = json(&get(addr, &format!("/api/claims/{id}")));
    assert!(plain["timeline"][0].get("cue").is_none());
    let with = json(&get(addr, &format!("/api/claims/{id}?evidence=true")));
    let entry =
        with["timeline"].as_array().unwrap().iter().find(|e| e["status"] == "unverified").unwrap();
    let cue = entry["cue"]["text"].as_str().unwrap();
    assert!(entry["evidence"].as_str().unwrap().contains(cue), "{entry}");
    assert_eq!(get(addr, &format!("/api/claims/{id}?evidence=maybe")).status, 400);
}

/// `/api/claims` filters by the outlet registry the server was given.
#[test]
fn claims_filter_by_the_outlet_registry() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledger(&dir);
    let mut config = Config::new(db, SocketAddr::from(([127, 0, 0, 1], free_port())));
    let mut outlets = claimtrace::ledger::Outlets::starter();
    let mine = "domains\tname\tcountry\tstate_affiliated\tlabel_source\n\
                wikinews.org\tWikinews\tUS\tno\tthe Wikimedia Foundation's own pages\n";
    outlets.extend(claimtrace::ledger::Outlets::parse(mine).unwrap());
    config.outlets = std::sync::Arc::new(outlets);
    let addr = start(config);
    let count = |query: &str| {
        let reply = get(addr, &format!("/api/claims?limit=500{query}"));
        assert_eq!(reply.status, 200, "{query}: {}", reply.body);
        json(&reply)["claims"].as_array().unwrap().len()
    };
    let all = count("");
    let us = count("&outlet_country=us");
    assert!(us > 0 && us < all, "{us} of {all}: the founding example has no URL");
    assert_eq!(count("&outlet_country=RU"), 0);
    assert_eq!(count("&state_affiliated=true"), 0);
    assert_eq!(count("&wire=true"), 0);
}
