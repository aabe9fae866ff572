//! Reading inputs: files, standard input and URLs, with a size cap.

use std::io::Read;
use std::time::Duration;

use anyhow::{bail, Context, Result};

/// Bytes of one input and what the transport said about them.
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
    /// The validators a URL's response gave, for a conditional GET later.
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// Reads `name`: `-` is standard input, `http(s)://` a URL, anything else a
/// file path. Inputs over `max_bytes` are refused without reading them
/// whole.
pub fn fetch(name: &str, max_bytes: usize, timeout: Duration) -> Result<Fetched> {
    if name == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(max_bytes as u64 + 1)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        check_size(bytes.len(), max_bytes)?;
        return Ok(Fetched { bytes, content_type: None, etag: None, last_modified: None });
    }
    if name.starts_with("http://") || name.starts_with("https://") {
        return fetch_url(name, max_bytes, timeout, None)
            .map(|f| f.expect("an unconditional GET has a body"));
    }
    let meta = std::fs::metadata(name).with_context(|| "cannot open file")?;
    if meta.is_dir() {
        bail!("is a folder, not a file");
    }
    check_size(meta.len() as usize, max_bytes)?;
    let bytes = std::fs::read(name).context("cannot read file")?;
    Ok(Fetched { bytes, content_type: None, etag: None, last_modified: None })
}

fn check_size(size: usize, max_bytes: usize) -> Result<()> {
    if size > max_bytes {
        bail!("input too large: over {max_bytes} bytes (raise --max-bytes to read it)");
    }
    Ok(())
}

/// Validators from an earlier response, for a conditional GET.
#[derive(Clone, Debug, Default)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// GETs `url`; with `validators`, conditionally: `None` when the server
/// answers 304 Not Modified.
pub fn fetch_url(
    url: &str,
    max_bytes: usize,
    timeout: Duration,
    validators: Option<&Validators>,
) -> Result<Option<Fetched>> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .user_agent(concat!("claimtrace/", env!("CARGO_PKG_VERSION"), " (+news claim analysis)"))
        .http_status_as_error(false)
        .build()
        .into();
    let mut request = agent.get(url);
    if let Some(v) = validators {
        if let Some(etag) = &v.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(lm) = &v.last_modified {
            request = request.header("If-Modified-Since", lm);
        }
    }
    let mut response = request.call().map_err(|e| match e {
        ureq::Error::StatusCode(code) => anyhow::anyhow!("HTTP status {code}"),
        ureq::Error::Timeout(_) => anyhow::anyhow!("timed out after {} s", timeout.as_secs()),
        other => anyhow::anyhow!("cannot fetch: {other}"),
    })?;
    let status = response.status().as_u16();
    if status == 304 {
        return Ok(None);
    }
    if status >= 400 {
        bail!("HTTP status {status}");
    }
    let header =
        |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let content_type = header("content-type");
    let (etag, last_modified) = (header("etag"), header("last-modified"));
    let bytes = response.body_mut().with_config().limit(max_bytes as u64).read_to_vec().map_err(
        |e| match e {
            ureq::Error::BodyExceedsLimit(_) => {
                anyhow::anyhow!("input too large: over {max_bytes} bytes")
            }
            other => anyhow::anyhow!("cannot read response: {other}"),
        },
    )?;
    Ok(Some(Fetched { bytes, content_type, etag, last_modified }))
}
