//! The readable report of `analyze`: what a person reads in a terminal.

use std::io::{self, Write};

use claimtrace::{Document, Record};
use owo_colors::OwoColorize;

/// Writes the report of one document. Colour codes are stripped by the
/// caller's stream when it is not a terminal.
pub fn write(out: &mut impl Write, doc: &Document, record: &Record) -> io::Result<()> {
    let meta = &record.meta;
    let title = meta.title.as_deref().unwrap_or("(no title)");
    writeln!(out, "{}", title.bold())?;
    writeln!(out, "{}", doc.source.dimmed())?;
    let mut facts = Vec::new();
    if let Some(outlet) = &meta.outlet {
        facts.push(format!("outlet: {outlet}"));
    }
    if !meta.authors.is_empty() {
        facts.push(format!("by {}", meta.authors.join(", ")));
    }
    if let Some(p) = &meta.published {
        facts.push(format!("published {p}"));
    }
    if let Some(u) = &meta.updated {
        facts.push(format!("updated {u}"));
    }
    if !facts.is_empty() {
        writeln!(out, "{}", facts.join(" · "))?;
    }
    writeln!(
        out,
        "{} paragraphs, {} sentences, {} tokens",
        doc.paragraphs.len(),
        doc.sentences.len(),
        doc.tokens.len()
    )?;

    heading(out, "Body")?;
    for paragraph in &doc.paragraphs {
        writeln!(out, "  {}", doc.slice(paragraph.span))?;
    }

    if !record.removed.is_empty() {
        heading(out, "Removed")?;
        for removed in &record.removed {
            writeln!(
                out,
                "  {:<12} {}",
                format!("[{}]", removed.reason).yellow(),
                shorten(&removed.text, 100)
            )?;
        }
    }
    if !record.diagnostics.is_empty() {
        heading(out, "Notes")?;
        for d in &record.diagnostics {
            writeln!(out, "  {d}")?;
        }
    }
    writeln!(out)?;
    Ok(())
}

fn heading(out: &mut impl Write, name: &str) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", name.bold().cyan())
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max_chars - 1).collect();
    s.push('…');
    s
}
