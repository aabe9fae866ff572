//! JSON and JSONL records in the shape of common news datasets:
//! `{url, title, published, outlet, text}`, with the usual other names for
//! the same fields (`date`, `body`, `content`, `source`, `author(s)`).

use serde_json::Value;

use super::text;
use crate::doc::{Document, Meta, Stamp};
use crate::error::{Error, Result};

/// One article record as read from JSON.
#[derive(Debug)]
pub struct Record {
    meta: Meta,
    text: String,
}

impl Record {
    /// Cleans the record's text; fields of the record win over what the
    /// text itself says (a dateline, a byline).
    pub fn into_document(self, source: &str) -> Document {
        let cleaned = text::clean(&self.text, false);
        super::from_cleaned(source.to_string(), cleaned, self.meta)
    }
}

/// A JSON document: one record or an array of records.
pub fn read_json(text: &str) -> Result<Vec<Result<Record>>> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| Error::Json { line: None, message: e.to_string() })?;
    match value {
        Value::Array(items) => Ok(items.into_iter().map(|v| record(v, None)).collect()),
        other => Ok(vec![record(other, None)]),
    }
}

/// JSONL: one record a line; blank lines are skipped. Each entry carries
/// its 1-based line number.
pub fn read_jsonl(text: &str) -> Vec<(usize, Result<Record>)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(idx, line)| (idx + 1, read_line(line, idx + 1)))
        .collect()
}

/// One JSONL line (not blank), numbered `line_no` from 1.
pub fn read_line(line: &str, line_no: usize) -> Result<Record> {
    serde_json::from_str::<Value>(line)
        .map_err(|e| Error::Json { line: Some(line_no), message: e.to_string() })
        .and_then(|v| record(v, Some(line_no)))
}

fn record(value: Value, line: Option<usize>) -> Result<Record> {
    let Value::Object(map) = value else {
        return Err(Error::Json { line, message: "expected an object".into() });
    };
    let get = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| match map.get(*k) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => None,
        })
    };
    let text = get(&["text", "body", "content", "article", "maintext"])
        .ok_or(Error::MissingText { line })?;
    let authors = match map.get("authors").or_else(|| map.get("author")) {
        Some(Value::String(s)) => vec![s.trim().to_string()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(|s| s.trim().to_string()))
            .filter(|s| !s.is_empty())
            .collect(),
        _ => Vec::new(),
    };
    let published = get(&["published", "date", "date_publish", "publish_date", "datePublished"])
        .and_then(|s| Stamp::parse_iso(&s).or_else(|| super::find_stamp(&s)));
    let meta = Meta {
        title: get(&["title", "headline"]),
        outlet: get(&["outlet", "source", "publisher", "site_name", "source_domain"]),
        authors,
        published,
        published_from: published.map(|_| crate::doc::DateSource::Field),
        updated: get(&["updated", "date_modify", "modified", "dateModified"])
            .and_then(|s| Stamp::parse_iso(&s).or_else(|| super::find_stamp(&s))),
        url: get(&["url", "link"]),
        reviews: Vec::new(),
    };
    Ok(Record { meta, text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_fields() {
        let docs = read_json(r#"{"url":"u","title":"T","published":"2019-01-04","outlet":"Wikinews","text":"Friday, January 4, 2019\n\nA story of some length that reads like prose here."}"#).unwrap();
        let doc = docs.into_iter().next().unwrap().unwrap().into_document("x");
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("Wikinews"));
        assert_eq!(doc.meta.published.unwrap().to_string(), "2019-01-04");
        assert_eq!(doc.text, "A story of some length that reads like prose here.");
        assert_eq!(doc.removed[0].text, "Friday, January 4, 2019");
    }

    #[test]
    fn jsonl_bad_line_does_not_stop_others() {
        let out = read_jsonl(
            "{\"text\":\"one two\"}\nnot json\n\n{\"title\":\"no text\"}\n{\"text\":\"three\"}\n",
        );
        assert_eq!(out.len(), 4);
        assert!(out[0].1.is_ok());
        assert!(matches!(out[1], (2, Err(Error::Json { line: Some(2), .. }))));
        assert!(matches!(out[2], (4, Err(Error::MissingText { line: Some(4) }))));
        assert!(out[3].1.is_ok());
    }
}
