//! Reading inputs: files, standard input and URLs, with a size cap; local
//! JSONL files a line at a time.

use std::io::Read;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use claimtrace::read::{Format, ReadOptions};

pub use claimtrace_fetch::{Fetched, Validators};

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
        return Ok(local(bytes, name));
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
    Ok(local(bytes, name))
}

fn local(bytes: Vec<u8>, name: &str) -> Fetched {
    Fetched {
        bytes,
        content_type: None,
        etag: None,
        last_modified: None,
        final_url: name.to_string(),
    }
}

fn check_size(size: usize, max_bytes: usize) -> Result<()> {
    if size > max_bytes {
        bail!("input too large: over {max_bytes} bytes (raise --max-bytes to read it)");
    }
    Ok(())
}

/// GETs `url` (any address: the CLI's user may read their intranet);
/// with `validators`, conditionally: `None` when the server answers 304
/// Not Modified.
pub fn fetch_url(
    url: &str,
    max_bytes: usize,
    timeout: Duration,
    validators: Option<&Validators>,
) -> Result<Option<Fetched>> {
    let limits = claimtrace_fetch::Limits { max_bytes, timeout, ..Default::default() };
    Ok(claimtrace_fetch::fetch_url(url, &limits, validators)?)
}

/// Whether `name` is a local JSONL file (by `--format` or its extension).
pub fn is_jsonl_file(name: &str, format: Option<Format>) -> bool {
    let local = name != "-" && !name.starts_with("http://") && !name.starts_with("https://");
    let jsonl = match format {
        Some(format) => format == Format::Jsonl,
        None => Format::from_extension(name) == Some(Format::Jsonl),
    };
    local && jsonl && std::path::Path::new(name).is_file()
}

/// Reads the JSONL file `name` a line at a time, handing each article (or
/// the error of its line) to `emit` until it returns false. No line is
/// held longer than `options.max_bytes` (a longer one is an error in its
/// place). Returns whether `emit` wants more.
pub fn stream_jsonl(
    name: &str,
    options: &ReadOptions,
    emit: &mut dyn FnMut(claimtrace::Result<claimtrace::Document>) -> bool,
) -> Result<bool> {
    use std::io::BufRead;
    let file = std::fs::File::open(name).context("cannot open file")?;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    let cap = options.max_bytes.unwrap_or(usize::MAX);
    let mut line = Vec::new();
    let mut line_no = 0;
    let mut seen = false;
    loop {
        line.clear();
        let mut too_long = 0usize;
        let mut ended = false;
        loop {
            let chunk = reader.fill_buf().context("cannot read file")?;
            if chunk.is_empty() {
                ended = true;
                break;
            }
            let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(at) => (&chunk[..=at], true),
                None => (chunk, false),
            };
            let n = part.len();
            if line.len() + n <= cap.saturating_add(1) {
                line.extend_from_slice(part);
            } else {
                too_long += n;
            }
            reader.consume(n);
            if done {
                break;
            }
        }
        if ended && line.is_empty() && too_long == 0 {
            // A file of blank lines is as empty as a file of no bytes.
            return Ok(seen || emit(Err(claimtrace::Error::Empty)));
        }
        line_no += 1;
        let result = if too_long > 0 {
            Some(Err(claimtrace::Error::LineTooLarge {
                line: line_no,
                size: line.len() + too_long,
                limit: cap,
            }))
        } else {
            let content = line.strip_suffix(b"\n").unwrap_or(&line);
            claimtrace::read::read_jsonl_line(name, line_no, content, options)
        };
        if let Some(result) = result {
            seen = true;
            if !emit(result) {
                return Ok(false);
            }
        }
        if ended {
            return Ok(seen || emit(Err(claimtrace::Error::Empty)));
        }
    }
}
