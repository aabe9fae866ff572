//! Headless Chromium driven over the DevTools protocol, for what its
//! command line cannot do: fill in and submit forms, choose files, wait
//! for a page that reloads itself, screenshot a page reached by a POST.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// How the tests run Chromium: headless, in a container, without a first
/// run's dialogs.
pub const HEADLESS: [&str; 5] =
    ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars"];

type Socket = tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>;

pub struct Cdp {
    child: Child,
    ws: Socket,
    next: u64,
    _profile: tempfile::TempDir,
}

impl Cdp {
    /// Starts `browser` headless on a blank page and connects to it.
    pub fn start(browser: &Path) -> Cdp {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(browser)
            .args(HEADLESS)
            .args(["--remote-debugging-port=0", "--window-size=1280,1000"])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("chromium starts");
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let browser_ws = loop {
            let line = lines.next().expect("chromium says where DevTools listen").unwrap();
            if let Some(url) = line.strip_prefix("DevTools listening on ") {
                break url.trim().to_string();
            }
        };
        // Chromium blocks if nobody reads what it writes.
        std::thread::spawn(move || lines.for_each(drop));
        let host = browser_ws.trim_start_matches("ws://").split('/').next().unwrap().to_string();
        let page_ws = (0..100)
            .find_map(|_| {
                let targets: Value = serde_json::from_str(&http_get(&host, "/json/list")).ok()?;
                let page = targets.as_array()?.iter().find(|t| t["type"] == "page")?;
                let url = page["webSocketDebuggerUrl"].as_str().map(str::to_string);
                if url.is_none() {
                    std::thread::sleep(Duration::from_millis(50));
                }
                url
            })
            .expect("a page to drive");
        let (ws, _) = tungstenite::connect(page_ws).expect("DevTools connection");
        Cdp { child, ws, next: 0, _profile: profile }
    }

    /// Calls `method`; its result, or its error as `Err`.
    pub fn call(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next += 1;
        let id = self.next;
        let message = json!({ "id": id, "method": method, "params": params }).to_string();
        self.ws.send(tungstenite::Message::text(message)).unwrap();
        loop {
            let message = self.ws.read().expect("DevTools answers");
            let Ok(text) = message.to_text() else { continue };
            let value: Value = serde_json::from_str(text).unwrap_or_default();
            if value["id"] == id {
                return match value.get("error") {
                    Some(err) => Err(err.clone()),
                    None => Ok(value["result"].clone()),
                };
            }
        }
    }

    /// The value of a script run in the page (as DevTools runs it: the
    /// page's own policy forbids scripts).
    pub fn eval(&mut self, expression: &str) -> Value {
        let params = json!({ "expression": expression, "returnByValue": true });
        match self.call("Runtime.evaluate", params) {
            Ok(result) if result.get("exceptionDetails").is_none() => {
                result["result"]["value"].clone()
            }
            _ => Value::Null,
        }
    }

    /// Waits (10 s at most) until `expression` is true in the page, across
    /// navigations and reloads.
    pub fn wait_for(&mut self, expression: &str) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if self.eval(expression) == Value::Bool(true) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    /// Opens `url` and waits until it has loaded.
    pub fn goto(&mut self, url: &str) {
        self.call("Page.navigate", json!({ "url": url })).unwrap();
        let loaded =
            format!("location.href === {} && document.readyState === 'complete'", json!(url));
        assert!(self.wait_for(&loaded), "{url} did not load");
    }

    /// The page's visible text.
    pub fn text(&mut self) -> String {
        self.eval("document.body ? document.body.innerText : ''").as_str().unwrap_or("").to_string()
    }

    /// Chooses `files` in the file input `selector`.
    pub fn choose_files(&mut self, selector: &str, files: &[PathBuf]) {
        let root = self.call("DOM.getDocument", json!({})).unwrap()["root"]["nodeId"].clone();
        let node = self
            .call("DOM.querySelector", json!({ "nodeId": root, "selector": selector }))
            .unwrap()["nodeId"]
            .clone();
        let files: Vec<String> =
            files.iter().map(|f| f.canonicalize().unwrap().display().to_string()).collect();
        self.call("DOM.setFileInputFiles", json!({ "files": files, "nodeId": node })).unwrap();
    }

    /// Saves a screenshot of the page as it is under `dir/name.png`.
    pub fn screenshot(&mut self, dir: &Path, name: &str) {
        use base64::Engine as _;
        let shot = self.call("Page.captureScreenshot", json!({ "format": "png" })).unwrap();
        let png = base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().unwrap())
            .unwrap();
        assert!(png.len() > 10_000, "{name}.png: {} bytes", png.len());
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }
}

impl Drop for Cdp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A GET over a fresh connection; the body (as long as its
/// Content-Length: DevTools keeps the connection open).
fn http_get(host: &str, path: &str) -> String {
    let Ok(stream) = TcpStream::connect(host) else { return String::new() };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let head = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    let _ = (&stream).write_all(head.as_bytes());
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
    String::from_utf8_lossy(&body).into_owned()
}
