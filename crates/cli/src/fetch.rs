//! Reading inputs: files, standard input and URLs, with a size cap.

use std::io::Read;
use std::time::Duration;

use anyhow::{bail, Context, Result};

/// Bytes of one input and what the transport said about them.
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
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
        return Ok(Fetched { bytes, content_type: None });
    }
    if name.starts_with("http://") || name.starts_with("https://") {
        return fetch_url(name, max_bytes, timeout);
    }
    let meta = std::fs::metadata(name).with_context(|| "cannot open file")?;
    if meta.is_dir() {
        bail!("is a folder, not a file");
    }
    check_size(meta.len() as usize, max_bytes)?;
    let bytes = std::fs::read(name).context("cannot read file")?;
    Ok(Fetched { bytes, content_type: None })
}

fn check_size(size: usize, max_bytes: usize) -> Result<()> {
    if size > max_bytes {
        bail!("input too large: over {max_bytes} bytes (raise --max-bytes to read it)");
    }
    Ok(())
}

fn fetch_url(url: &str, max_bytes: usize, timeout: Duration) -> Result<Fetched> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .user_agent(concat!("claimtrace/", env!("CARGO_PKG_VERSION"), " (+news claim analysis)"))
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| match e {
        ureq::Error::StatusCode(code) => anyhow::anyhow!("HTTP status {code}"),
        ureq::Error::Timeout(_) => anyhow::anyhow!("timed out after {} s", timeout.as_secs()),
        other => anyhow::anyhow!("cannot fetch: {other}"),
    })?;
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_string);
    let bytes = response.body_mut().with_config().limit(max_bytes as u64).read_to_vec().map_err(
        |e| match e {
            ureq::Error::BodyExceedsLimit(_) => {
                anyhow::anyhow!("input too large: over {max_bytes} bytes")
            }
            other => anyhow::anyhow!("cannot read response: {other}"),
        },
    )?;
    Ok(Fetched { bytes, content_type })
}
