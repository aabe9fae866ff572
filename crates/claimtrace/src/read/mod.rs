//! Readers: raw bytes (plain text, HTML, JSON, JSONL) to documents with a
//! clean body, the removed blocks and metadata.
//!
//! Architecture invariant: readers do no I/O. The shells (CLI, server) read
//! files, stdin and URLs into an `Input`; everything after that is here.

pub(crate) mod dates;
mod decode;
pub mod feed;
mod html;
mod json;
mod text;

pub use dates::{find_date, find_stamp, month_number, zone};
pub use decode::decode;
pub use text::{find_credit, Credit};

use crate::doc::{Document, Meta, Stamp};
use crate::error::{Error, Result};

/// The input formats claimtrace reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text as scraped from the web: title on the first line.
    Text,
    /// A saved web page: the main content is extracted, metadata read from
    /// `<meta>`, JSON-LD and `<time>`.
    Html,
    /// One JSON record `{url, title, published, outlet, text}`, or an array
    /// of them.
    Json,
    /// One JSON record a line.
    Jsonl,
}

impl Format {
    /// The format a file name's extension names, if any.
    pub fn from_extension(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::Jsonl,
            _ => return None,
        })
    }

    /// The format of a MIME type (`text/html; charset=...`).
    pub fn from_content_type(content_type: &str) -> Option<Format> {
        let mime = content_type.split(';').next()?.trim().to_ascii_lowercase();
        Some(match mime.as_str() {
            "text/html" | "application/xhtml+xml" => Format::Html,
            "application/json" => Format::Json,
            "application/x-ndjson" | "application/jsonl" => Format::Jsonl,
            "text/plain" => Format::Text,
            _ => return None,
        })
    }

    /// Guesses the format from the first bytes of the text.
    pub fn sniff(text: &str) -> Format {
        let head = text.trim_start();
        let lower: String = head.chars().take(256).collect::<String>().to_ascii_lowercase();
        if lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
            || lower.starts_with("<?xml")
            || (lower.starts_with('<')
                && (lower.contains("<head")
                    || lower.contains("<body")
                    || lower.contains("<div")
                    || lower.contains("<p")))
        {
            return Format::Html;
        }
        if head.starts_with('{') {
            let first_line = head.lines().next().unwrap_or("");
            let many_lines = head.lines().filter(|l| l.trim_start().starts_with('{')).count() > 1;
            if many_lines && serde_json::from_str::<serde_json::Value>(first_line).is_ok() {
                return Format::Jsonl;
            }
            return Format::Json;
        }
        if head.starts_with('[') && serde_json::from_str::<serde_json::Value>(head).is_ok() {
            return Format::Json;
        }
        Format::Text
    }
}

/// Raw input as a shell read it.
#[derive(Clone, Debug)]
pub struct Input<'a> {
    /// The input's name in messages and in `Document::source`.
    pub name: &'a str,
    pub bytes: &'a [u8],
    /// The format, when the caller knows it; else from `content_type`, the
    /// name's extension, and finally the bytes themselves.
    pub format: Option<Format>,
    /// An HTTP `Content-Type`, which may name a charset.
    pub content_type: Option<&'a str>,
}

/// Settings for the readers.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Publication date to use when the input has none.
    pub published: Option<Stamp>,
    /// Outlet to use when the input names none.
    pub outlet: Option<String>,
    /// Inputs larger than this many bytes are refused; `None` for no limit.
    pub max_bytes: Option<usize>,
    /// Articles whose body text, once read and cleaned, is longer than this
    /// many bytes are refused (the other articles of the input are still
    /// read); `None` for no limit. Analysis takes about 70 bytes of memory
    /// per byte of body, so this bounds the memory one article can take.
    pub max_body: Option<usize>,
}

/// Reads one input into documents (many for JSONL and JSON arrays). An
/// error for the whole input is a single `Err`; a JSONL line that fails is
/// an `Err` in its place, and the other lines are still read.
pub fn read(input: &Input<'_>, options: &ReadOptions) -> Vec<Result<Document>> {
    match read_inner(input, options) {
        Ok(docs) => docs,
        Err(e) => vec![Err(e)],
    }
}

fn read_inner(input: &Input<'_>, options: &ReadOptions) -> Result<Vec<Result<Document>>> {
    if let Some(limit) = options.max_bytes {
        if input.bytes.len() > limit {
            return Err(Error::TooLarge { size: input.bytes.len(), limit });
        }
    }
    let charset = input.content_type.and_then(|ct| {
        ct.split(';').find_map(|p| p.trim().strip_prefix("charset=").map(|c| c.trim_matches('"')))
    });
    let text = decode(input.bytes, charset)?;
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    let format = input
        .format
        .or_else(|| input.content_type.and_then(Format::from_content_type))
        .or_else(|| Format::from_extension(input.name))
        .unwrap_or_else(|| Format::sniff(&text));
    let docs = match format {
        Format::Text => vec![Ok(from_cleaned(
            input.name.to_string(),
            text::clean(&text, true),
            Meta::default(),
        ))],
        Format::Html => vec![html::read(&text)
            .map(|(cleaned, meta)| from_cleaned(input.name.to_string(), cleaned, meta))],
        Format::Json => json::read_json(&text)?
            .into_iter()
            .enumerate()
            .map(|(idx, record)| record.map(|r| r.into_document(&input.name_at(idx, false))))
            .collect(),
        Format::Jsonl => json::read_jsonl(&text)
            .into_iter()
            .map(|(line, record)| record.map(|r| r.into_document(&input.name_at(line, true))))
            .collect(),
    };
    Ok(docs.into_iter().map(|doc| finish(doc?, options)).collect())
}

/// The body limit and the defaults of `options`, on a document just read.
fn finish(doc: Document, options: &ReadOptions) -> Result<Document> {
    match options.max_body {
        Some(limit) if doc.text.len() > limit => {
            Err(Error::BodyTooLarge { article: doc.source, size: doc.text.len(), limit })
        }
        _ => Ok(apply_options(doc, options)),
    }
}

/// One line of a JSONL input, read as [`read`] reads the lines of a whole
/// JSONL file (the same document, named `NAME:LINE`), for shells that
/// stream a file of any length line by line; `None` for a blank line.
/// `options.max_bytes` bounds the line.
pub fn read_jsonl_line(
    name: &str,
    line_no: usize,
    bytes: &[u8],
    options: &ReadOptions,
) -> Option<Result<Document>> {
    if let Some(limit) = options.max_bytes.filter(|&limit| bytes.len() > limit) {
        return Some(Err(Error::LineTooLarge { line: line_no, size: bytes.len(), limit }));
    }
    let text = match decode(bytes, None) {
        Ok(text) => text,
        Err(err) => return Some(Err(err)),
    };
    if text.trim().is_empty() {
        return None;
    }
    let source = format!("{name}:{line_no}");
    Some(
        json::read_line(text.trim_end_matches(['\n', '\r']), line_no)
            .and_then(|record| finish(record.into_document(&source), options)),
    )
}

impl Input<'_> {
    fn name_at(&self, idx: usize, is_line: bool) -> String {
        if is_line {
            format!("{}:{}", self.name, idx)
        } else if idx == 0 {
            self.name.to_string()
        } else {
            format!("{}#{}", self.name, idx)
        }
    }
}

/// Builds a document from a cleaned body; `found` is metadata the format
/// gave besides the text (HTML `<meta>`, JSON fields), which wins over what
/// cleaning guessed.
/// The document an article record was made from, not yet analysed: its
/// body, the blocks kept out of it and its metadata, to analyse again
/// (`claimtrace reanalyze` runs a newer engine over stored records). The
/// body is the one the record keeps, already cleaned; fact-checks in the
/// page's markup are not in a record and are not read again.
pub fn from_record(record: &crate::Record, source: &str) -> Document {
    let m = &record.meta;
    let stamp = |s: &Option<String>| s.as_deref().and_then(crate::doc::Stamp::parse_iso);
    let published = stamp(&m.published);
    let meta = Meta {
        title: m.title.clone(),
        outlet: m.outlet.clone(),
        authors: m.authors.clone(),
        published,
        published_from: published
            .and(m.published_from.as_deref())
            .and_then(crate::doc::DateSource::parse),
        updated: stamp(&m.updated),
        url: m.url.clone(),
        reviews: Vec::new(),
    };
    let mut doc = Document::new(source.to_string(), meta, record.text.clone());
    doc.removed = record
        .removed
        .iter()
        .filter_map(|r| {
            Some(crate::doc::Removed {
                text: r.text.clone(),
                reason: crate::doc::RemovalReason::parse(&r.reason)?,
                credit: r.credit.clone(),
            })
        })
        .collect();
    doc
}

fn from_cleaned(source: String, cleaned: text::Cleaned, found: Meta) -> Document {
    let guessed = cleaned.meta;
    let meta = Meta {
        title: found.title.or(guessed.title),
        outlet: found.outlet.or(guessed.outlet),
        authors: if found.authors.is_empty() { guessed.authors } else { found.authors },
        published_from: if found.published.is_some() {
            found.published_from
        } else {
            guessed.published_from
        },
        published: found.published.or(guessed.published),
        updated: found.updated.or(guessed.updated),
        url: found.url.or(guessed.url),
        reviews: if found.reviews.is_empty() { guessed.reviews } else { found.reviews },
    };
    let mut doc = Document::new(source, meta, cleaned.body);
    doc.removed = cleaned.removed;
    doc
}

fn apply_options(mut doc: Document, options: &ReadOptions) -> Document {
    if doc.meta.published.is_none() {
        doc.meta.published = options.published;
        doc.meta.published_from = options.published.map(|_| crate::doc::DateSource::Feed);
    }
    if doc.meta.published.is_none() {
        // A news URL often carries the date: /2024/03/22/.
        let url = doc.meta.url.as_deref().unwrap_or(&doc.source);
        if let Some(date) = dates::in_url(url) {
            doc.meta.published = Some(crate::doc::Stamp::Date(date));
            doc.meta.published_from = Some(crate::doc::DateSource::Url);
        }
    }
    if doc.meta.outlet.is_none() {
        doc.meta.outlet.clone_from(&options.outlet);
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff("<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff("{\"text\": \"a\"}\n{\"text\": \"b\"}\n"), Format::Jsonl);
        assert_eq!(Format::sniff("{\"text\": \"a\"}"), Format::Json);
        assert_eq!(Format::sniff("Title\n\nBody."), Format::Text);
    }

    #[test]
    fn empty_and_binary() {
        let options = ReadOptions::default();
        let read_one = |bytes: &[u8]| {
            read(&Input { name: "x", bytes, format: None, content_type: None }, &options)
        };
        assert_eq!(read_one(b"  \n").pop().unwrap().unwrap_err(), Error::Empty);
        assert_eq!(read_one(b"\x00\x01\x02binary").pop().unwrap().unwrap_err(), Error::Binary);
    }

    #[test]
    fn size_limit() {
        let options = ReadOptions { max_bytes: Some(4), ..ReadOptions::default() };
        let docs = read(
            &Input { name: "x", bytes: b"hello world", format: None, content_type: None },
            &options,
        );
        assert!(matches!(docs[0], Err(Error::TooLarge { .. })));
    }

    #[test]
    fn body_limit_refuses_one_article_of_many() {
        let options = ReadOptions { max_body: Some(20), ..ReadOptions::default() };
        let jsonl = b"{\"text\": \"Short.\"}\n{\"text\": \"A body longer than twenty bytes.\"}\n";
        let docs =
            read(&Input { name: "x", bytes: jsonl, format: None, content_type: None }, &options);
        assert!(docs[0].is_ok());
        assert_eq!(
            docs[1].as_ref().unwrap_err(),
            &Error::BodyTooLarge { article: "x:2".into(), size: 32, limit: 20 }
        );
        assert!(docs[1].as_ref().unwrap_err().to_string().contains("--max-body"));
    }
}
