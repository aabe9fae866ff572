//! The readable report of `analyze`: what a person reads in a terminal.

use std::io::{self, Write};

use claimtrace::{Document, Record};
use owo_colors::OwoColorize;

/// Writes the report of one document. Colour codes are stripped by the
/// caller's stream when it is not a terminal.
pub fn write(
    out: &mut impl Write,
    doc: &Document,
    record: &Record,
    show_body: bool,
) -> io::Result<()> {
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

    if !record.claims.is_empty() {
        heading(out, &format!("Claims ({})", record.claims.len()))?;
        for (idx, claim) in record.claims.iter().enumerate() {
            let status = status_badge(&claim.status);
            writeln!(out, "{:>3}. {status} {}", idx + 1, claim.text)?;
            if !claim.chain.is_empty() {
                writeln!(out, "       {} {}", "chain:".dimmed(), claim.chain.join(" → "))?;
            }
            let stances: Vec<String> = claim
                .stances
                .iter()
                .filter(|s| s.stance != "asserts")
                .map(|s| format!("{} {}", s.actor, s.stance.replace('_', " ")))
                .collect();
            if !stances.is_empty() {
                writeln!(out, "       {} {}", "stances:".dimmed(), stances.join(" · "))?;
            }
        }
    }
    if !record.events.is_empty() {
        heading(out, &format!("Events ({})", record.events.len()))?;
        for event in &record.events {
            let status = event.status.as_deref().unwrap_or("asserted");
            let kind = match &event.mode {
                Some(mode) => format!("{} ({mode})", event.kind),
                None => event.kind.clone(),
            };
            let who =
                if event.actors.is_empty() { "?".to_string() } else { event.actors.join(", ") };
            let mut line = format!("  {:<24} {} {who}", kind.bold(), status_badge(status));
            if !event.targets.is_empty() {
                line.push_str(&format!(" → {}", event.targets.join(", ")));
            }
            let mut facts = Vec::new();
            if let Some(place) = &event.location {
                facts.push(format!("in {place}"));
            }
            if let Some(time) = &event.time {
                facts.push(format!("on {time}"));
            }
            if let Some(claim) = event.claim {
                facts.push(format!("claim {}", claim + 1));
            }
            if !facts.is_empty() {
                line.push_str(&format!("  ({})", facts.join(", ")).dimmed().to_string());
            }
            writeln!(out, "{line}")?;
        }
    }
    if !record.quotes.is_empty() {
        heading(out, &format!("Quotes ({})", record.quotes.len()))?;
        for quote in &record.quotes {
            let who = quote.source.as_deref().unwrap_or("(no speaker)");
            let text = shorten(&quote.text, 110);
            if quote.direct {
                writeln!(out, "  “{text}” — {}", who.bold())?;
            } else {
                writeln!(out, "  {} {text} — {}", "(reported)".dimmed(), who.bold())?;
            }
        }
    }
    if !record.entities.is_empty() {
        heading(out, &format!("Entities ({})", record.entities.len()))?;
        for entity in &record.entities {
            let mut line = format!("  {:<8} {}", entity.kind, entity.name);
            if !entity.aliases.is_empty() {
                line.push_str(&format!(" ({})", entity.aliases.join(", ")));
            }
            if let Some(d) = &entity.description {
                line.push_str(&format!(" — {d}"));
            }
            if let Some(geo) = &entity.geo {
                line.push_str(&format!(" {}", place_label(geo).dimmed()));
            }
            writeln!(out, "{line}")?;
        }
    }
    if !record.times.is_empty() {
        heading(out, "Times")?;
        for time in &record.times {
            writeln!(out, "  {:<28} → {}", shorten(&time.text, 28), time.value)?;
        }
    }
    if !record.counts.is_empty() {
        heading(out, "Counts")?;
        for count in &record.counts {
            writeln!(
                out,
                "  {:<40} → {} {} ({})",
                shorten(&count.text, 40),
                count.number,
                count.category,
                count.qualifier
            )?;
        }
    }
    if show_body {
        heading(out, "Body")?;
        for paragraph in &doc.paragraphs {
            writeln!(out, "  {}", doc.slice(paragraph.span))?;
        }
    }

    if !record.removed.is_empty() {
        heading(out, "Removed")?;
        for removed in &record.removed {
            let credit =
                removed.credit.as_ref().map(|c| format!(" (credit: {c})")).unwrap_or_default();
            writeln!(
                out,
                "  {:<12} {}{}",
                format!("[{}]", removed.reason).yellow(),
                shorten(&removed.text, 100),
                credit.dimmed()
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

/// A status as a coloured word in brackets (the word carries it without
/// colour).
fn status_badge(status: &str) -> String {
    let badge = format!("[{}]", status.to_uppercase());
    match status {
        "disputed" => badge.red().bold().to_string(),
        "confirmed" => badge.green().bold().to_string(),
        "unverified" => badge.yellow().bold().to_string(),
        "hedged" => badge.magenta().to_string(),
        "reported" => badge.cyan().to_string(),
        _ => badge.dimmed().to_string(),
    }
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

/// Where a place is, for the report: "[RU, GeoNames 524901]".
fn place_label(geo: &claimtrace::record::RecordGeo) -> String {
    format!("[{}]", geo.parts(false).join(", "))
}
