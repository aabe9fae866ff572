//! HTML pages: main-content extraction and metadata.
//!
//! A minimal reader until the extraction issue lands: tags are stripped and
//! block elements become paragraphs.

use super::text;
use crate::doc::Meta;
use crate::error::{Error, Result};

/// Reads an HTML page into a cleaned body and the metadata the page gives.
pub fn read(html: &str) -> Result<(text::Cleaned, Meta)> {
    let lower = html.to_ascii_lowercase();
    let html = match (lower.find("<body"), lower.rfind("</body")) {
        (Some(start), Some(end)) if start < end => &html[start..end],
        (Some(start), _) => &html[start..],
        _ => html,
    };
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push('\n');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let cleaned = text::clean(&out, false);
    if cleaned.body.trim().is_empty() {
        return Err(Error::NoBody);
    }
    Ok((cleaned, Meta::default()))
}
