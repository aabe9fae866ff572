//! Descriptions: appositions and titles around a name.

use crate::doc::{Document, EntityKind, Span, TokenKind, Upos};

use super::lists::is_title;
use super::Candidate;

/// A description from a title before a person's name ("Kremlin spokesman
/// Dmitry Peskov") or an apposition after any name ("TASS, the state news
/// agency,").
pub(super) fn description(doc: &Document, c: &Candidate) -> Option<String> {
    let tag = |i: usize| doc.tokens[i].tag.unwrap_or(Upos::X);
    if c.kind == EntityKind::Person {
        let mut s = c.start;
        // Within the name's sentence.
        let sentence_start = doc
            .sentences
            .iter()
            .find(|sentence| sentence.tokens.contains(&c.start))
            .map_or(0, |sentence| sentence.tokens.start);
        // "Secretary of State": "of" joins two titles.
        let joins_titles = |i: usize| {
            i >= sentence_start + 2
                && doc.token_text(i - 1) == "of"
                && is_title(doc.token_text(i - 2))
                && doc.token_text(i - 2).chars().next().is_some_and(char::is_uppercase)
                && is_title(doc.token_text(i))
        };
        while s > sentence_start && c.start - (s - 1) <= 5 {
            if matches!(tag(s - 1), Upos::Noun | Upos::Propn | Upos::Adj)
                && doc.tokens[s - 1].kind == TokenKind::Word
            {
                s -= 1;
            } else if joins_titles(s) {
                s -= 2;
            } else {
                break;
            }
        }
        if s < c.start && (tag(c.start - 1) == Upos::Noun || is_title(doc.token_text(c.start - 1)))
        {
            let span = Span::new(doc.tokens[s].span.start(), doc.tokens[c.start - 1].span.end());
            return Some(doc.slice(span).to_string());
        }
    }
    if !matches!(c.kind, EntityKind::Person | EntityKind::Org) {
        return None;
    }
    let n = doc.tokens.len();
    let at = c.end;
    if at + 2 < n
        && doc.token_text(at) == ","
        && matches!(doc.token_text(at + 1).to_lowercase().as_str(), "a" | "an" | "the")
    {
        let mut e = at + 2;
        while e < n
            && e - at <= 12
            && !matches!(doc.token_text(e), "," | "." | ";" | ":" | "(" | ")")
            && !matches!(tag(e), Upos::Verb | Upos::Aux | Upos::Pron | Upos::Sconj)
        {
            e += 1;
        }
        let ends_clause = e < n && matches!(doc.token_text(e), "," | "." | ";" | ")");
        let nominal = |i: usize| {
            matches!(tag(i), Upos::Noun | Upos::Propn)
                || doc.token_text(i).chars().next().is_some_and(char::is_uppercase)
        };
        if ends_clause && e > at + 2 && nominal(e - 1) {
            let span = Span::new(doc.tokens[at + 2].span.start(), doc.tokens[e - 1].span.end());
            return Some(doc.slice(span).to_string());
        }
    }
    None
}
