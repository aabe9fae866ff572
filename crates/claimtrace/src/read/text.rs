//! Plain text as scraped from the web: the title line, datelines, bylines,
//! update notes, photo captions, author bios, promotion blocks and lines the
//! scraper repeated are told apart from the article body.
//!
//! Each non-empty line is classified from its own shape and its
//! neighbours; nothing here knows any outlet's layout by name.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::dates;
use crate::doc::{DateSource, Meta, RemovalReason, Removed, Stamp};

/// The outcome of cleaning: body paragraphs, what was removed and the
/// metadata found on the way.
#[derive(Debug, Default)]
pub struct Cleaned {
    pub body: String,
    pub removed: Vec<Removed>,
    pub meta: Meta,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Title,

    Removed(RemovalReason),
}

struct Line<'a> {
    text: &'a str,
    /// A blank line comes before this one.
    after_blank: bool,
    /// Words in the line, counted once.
    n_words: usize,
    class: Option<Class>,
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by)\s+((?:[A-Z][\p{L}.'-]*\s*){1,4}(?:(?:,|(?-u:\b)and(?-u:\b))\s*(?:[A-Z][\p{L}.'-]*\s*){1,4})*)(?:[|,·•—–-].*)?$")
        .expect("valid regex")
});
static UPDATE_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i)(updated?|published|last updated|posted|first published)(?:\s+on)?\s*[:\s]\s*(.*)$",
    )
    .expect("valid regex")
});
static ABOUT_AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)about the (writer|author|authors|reporter)s?:?$").expect("valid regex")
});
static BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:[A-Z][\p{L}'.-]+\s){1,3}[A-Z][\p{L}'-]+) is (?:a|an|the)\s+(.{0,80}?)(?-u:\b)(?i:reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|analyst|intern)s?(?-u:\b)")
        .expect("valid regex")
});
/// A photo credit at the end of a line: "NAME/Getty Images", "Photo: AP",
/// "Image: Mathias Krumbholz.", "(Reuters)". The named group is the credited
/// source.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?-u:\b)(?P<agency>[\p{Lu}][\p{Lu}\s.'-]+/[\p{Lu}][\p{L}\s]+)$|(?i:(?-u:\b)(?:photo|image|picture|credit|photograph)s?\s*(?:by|[:;])\s*)(?P<named>\S.*)$|\(?(?P<wire>(?i:(?-u:\b)(?:getty images|afp via getty images|shutterstock|associated press|ap photo|reuters)))\)?\s*$)")
        .expect("valid regex")
});
static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(subscribe|subscription|newsletter|sign up|delivered to your door|ad-free|app updates|download (?:the|our) app|is committed to|follow us|premium|membership|become a member|support our journalism|comment on articles|diverse audio)(?-u:\b)")
        .expect("valid regex")
});
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)((?-u:\b)click here(?-u:\b)|(?-u:\b)read more\s*$|(?-u:\b)all rights reserved(?-u:\b)|^©|(?-u:\b)copyright(?-u:\b)|^advertisement$|^skip to(?-u:\b)|^share (this|on)(?-u:\b)|^related( articles| stories)?:?$|^read next(?-u:\b)|(?-u:\b)cookies?(?-u:\b).*(?-u:\b)(accept|policy)(?-u:\b)|^listen to this article)")
        .expect("valid regex")
});
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Z][A-Za-z0-9]+)\.(?:com|org|net|co\.uk|news)(?-u:\b)")
        .expect("valid regex")
});
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[•·▪◦‣*-]\s").expect("valid regex"));

/// Words in an author bio that come after the outlet's name
/// ("a Newsweek Senior News Reporter").
const ROLE_WORDS: &[&str] = &[
    "senior",
    "junior",
    "staff",
    "chief",
    "news",
    "political",
    "politics",
    "foreign",
    "deputy",
    "associate",
    "managing",
    "contributing",
    "breaking",
    "national",
    "international",
    "investigative",
    "digital",
    "weekend",
    "night",
    "general",
    "global",
    "health",
    "science",
    "business",
    "sports",
    "security",
    "defense",
    "white",
    "house",
    "washington",
    "london",
    "europe",
    "correspondent",
    "reporter",
    "editor",
    "writer",
    "journalist",
    "columnist",
    "contributor",
    "producer",
    "freelance",
    "former",
    "award-winning",
    "veteran",
    "based",
];

/// Cleans scraped text. With `take_title`, the first line is the title,
/// unless it is the only line: a text of one line is a body (a sentence
/// piped in), not a title over nothing.
pub fn clean(text: &str, take_title: bool) -> Cleaned {
    let normalized = normalize(text);
    let mut lines = split_lines(&normalized);
    let mut meta = Meta::default();

    if take_title && lines.len() > 1 {
        if let Some(first) = lines.first_mut() {
            if first.text.chars().count() <= 300 {
                first.class = Some(Class::Title);
                meta.title = Some(first.text.to_string());
            }
        }
    }

    classify_metadata(&mut lines, &mut meta);
    classify_captions(&mut lines);
    classify_repeats(&mut lines);
    classify_furniture(&mut lines);
    classify_edges(&mut lines);

    if meta.outlet.is_none() {
        meta.outlet = outlet_from_removed(&lines);
    }

    let mut cleaned = Cleaned { meta, ..Cleaned::default() };
    for line in &lines {
        match line.class {
            Some(Class::Title) => {}
            Some(Class::Removed(reason)) => cleaned.removed.push(match reason {
                RemovalReason::Caption => caption(line.text.to_string()),
                _ => Removed::new(line.text, reason),
            }),
            None => {
                if !cleaned.body.is_empty() {
                    cleaned.body.push_str("\n\n");
                }
                cleaned.body.push_str(line.text);
            }
        }
    }
    cleaned
}

/// A promotion line: subscription, newsletter or app offers, or a bullet
/// in a promotion list.
pub fn is_promo(text: &str) -> bool {
    PROMO.is_match(text) || BULLET.is_match(text)
}

/// Unifies line ends and spaces: CRLF and CR become LF, no-break and
/// other odd spaces become plain ones, zero-width characters go.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' | '\t' => out.push(' '),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' => {}
            c => out.push(c),
        }
    }
    out
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut after_blank = true;
    for raw in text.split('\n') {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            after_blank = true;
            continue;
        }
        lines.push(Line { text: trimmed, after_blank, n_words: words(trimmed), class: None });
        after_blank = false;
    }
    lines
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Ends like a sentence: a period, question or exclamation mark, possibly
/// inside a closing quote or bracket.
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    t.ends_with(['.', '!', '?', '…'])
}

/// The last `n` bytes of `text` or a little more, cut on a character
/// boundary: photo credits stand at the end of a caption.
fn tail(text: &str, n: usize) -> &str {
    crate::chars::after(text, text.len().saturating_sub(n))
}

/// `is_prose` with the line's word count already known.
fn is_prose_line(line: &Line<'_>) -> bool {
    line.n_words >= 8
        && ends_sentence(line.text)
        && (line.text.bytes().any(|b| b.is_ascii_lowercase())
            || line.text.chars().any(char::is_lowercase))
}

/// Datelines, bylines, update notes and author bios: removed as bylines,
/// their content kept in the metadata.
fn classify_metadata(lines: &mut [Line<'_>], meta: &mut Meta) {
    let mut after_about = false;
    for (idx, line) in lines.iter_mut().enumerate() {
        if line.class.is_some() {
            continue;
        }
        let text = line.text;
        if after_about {
            after_about = false;
            if let Some(c) = BIO.is_match(text).then(|| BIO.captures(text)).flatten() {
                take_bio(meta, &c[1], &c[2]);
                line.class = Some(Class::Removed(RemovalReason::Byline));
                continue;
            }
        }
        if ABOUT_AUTHOR.is_match(text) {
            line.class = Some(Class::Removed(RemovalReason::Byline));
            after_about = true;
            continue;
        }
        if idx < 6 && line.n_words <= 8 {
            if let Some(date) = dates::dateline(text) {
                set_published(meta, Stamp::Date(date), DateSource::Dateline);
                line.class = Some(Class::Removed(RemovalReason::Byline));
                continue;
            }
        }
        if line.n_words <= 12 && text.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by ")) {
            if let Some(c) = BYLINE.captures(text) {
                for name in split_names(&c[1]) {
                    if !meta.authors.contains(&name) {
                        meta.authors.push(name);
                    }
                }
                if let Some(stamp) = dates::find_stamp(text) {
                    set_published(meta, stamp, DateSource::Byline);
                }
                line.class = Some(Class::Removed(RemovalReason::Byline));
                continue;
            }
        }
        if let Some(c) = UPDATE_NOTE.is_match(text).then(|| UPDATE_NOTE.captures(text)).flatten() {
            let head = c[2].split(": ").next().unwrap_or("");
            if let Some(stamp) = dates::find_stamp(head).or_else(|| dates::find_stamp(&c[2])) {
                let kind = c[1].to_ascii_lowercase();
                if kind.starts_with("update") || kind.starts_with("last") {
                    meta.updated = Some(stamp);
                } else {
                    set_published(meta, stamp, DateSource::Byline);
                }
                line.class = Some(Class::Removed(RemovalReason::Byline));
                continue;
            }
        }
        if !text.contains(" is ") {
            continue;
        }
        if let Some(c) = BIO.is_match(text).then(|| BIO.captures(text)).flatten() {
            // A bio is removed only where it reads like one: short, at the
            // edge of the article, mentioning the role it names.
            if line.n_words <= 60 && FURNITURE.is_match(text) {
                take_bio(meta, &c[1], &c[2]);
                line.class = Some(Class::Removed(RemovalReason::Byline));
            }
        }
    }
}

/// Sets the publication date unless one was found before.
fn set_published(meta: &mut Meta, stamp: Stamp, from: DateSource) {
    if meta.published.is_none() {
        meta.published = Some(stamp);
        meta.published_from = Some(from);
    }
}

fn take_bio(meta: &mut Meta, name: &str, before_role: &str) {
    let name = name.trim().to_string();
    if !meta.authors.contains(&name) {
        meta.authors.push(name);
    }
    if meta.outlet.is_none() {
        let outlet: Vec<&str> = before_role
            .split_whitespace()
            .take_while(|w| !ROLE_WORDS.contains(&w.to_lowercase().as_str()))
            .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
            .collect();
        if !outlet.is_empty() && outlet.len() <= 4 {
            meta.outlet = Some(outlet.join(" "));
        }
    }
}

/// "Anna Smith, Bo Li and Cy Young" to three names.
fn split_names(list: &str) -> Vec<String> {
    list.split(',')
        .flat_map(|part| part.split(" and "))
        .map(|name| name.trim().trim_end_matches(['|', '-', '—']).trim().to_string())
        .filter(|name| !name.is_empty() && name.split_whitespace().count() <= 4)
        .collect()
}

/// A photo credit ending a caption line, and what it credits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Credit<'a> {
    /// The caption before the credit, trimmed; empty for a bare credit
    /// line ("Image: NASA.").
    pub caption: &'a str,
    /// Where the caption starts in the line, in bytes.
    pub caption_start: usize,
    /// The credited source: "Mathias Krumbholz", "JOHN ROE/AFP", "Reuters".
    pub source: &'a str,
}

/// The photo credit that ends `line`, if one does (searched in its last
/// 120 characters): "Formica fusca, from file. Image: Mathias Krumbholz."
/// credits the caption "Formica fusca, from file." to Mathias Krumbholz.
pub fn find_credit(line: &str) -> Option<Credit<'_>> {
    let window = tail(line, 120);
    let offset = line.len() - window.len();
    let found = CREDIT.captures(window)?;
    let whole = found.get(0)?;
    let source = ["agency", "named", "wire"].iter().find_map(|g| found.name(g))?;
    let source = source.as_str().trim().trim_end_matches(['.', ')']).trim();
    let before = line.get(..offset + whole.start()).unwrap_or_default();
    let caption = before.trim();
    let caption_start = before.len() - before.trim_start().len();
    Some(Credit { caption, caption_start, source })
}

/// A removed caption, with the source its credit names.
pub(super) fn caption(text: String) -> Removed {
    let credit = find_credit(&text).map(|c| c.source.to_string()).filter(|s| !s.is_empty());
    Removed { text, reason: RemovalReason::Caption, credit }
}

/// Photo captions with credits, and the short image title just above one.
fn classify_captions(lines: &mut [Line<'_>]) {
    for idx in 0..lines.len() {
        if lines[idx].class.is_some() {
            continue;
        }
        let text = lines[idx].text;
        let pull_quote_credit = text.starts_with(['—', '–']) && lines[idx].n_words <= 30;
        if pull_quote_credit || find_credit(text).is_some() {
            lines[idx].class = Some(Class::Removed(RemovalReason::Caption));
            if idx > 0 && !lines[idx].after_blank {
                let prev = &mut lines[idx - 1];
                if prev.class.is_none() && prev.n_words <= 10 && !ends_sentence(prev.text) {
                    prev.class = Some(Class::Removed(RemovalReason::Caption));
                }
            }
        }
    }
}

/// A line the scraper repeated is furniture wherever it stands: all its
/// copies are removed, the first as promotion or boilerplate.
fn classify_repeats(lines: &mut [Line<'_>]) {
    // One key per line, computed once.
    let keys: Vec<Option<u64>> =
        lines.iter().map(|l| (l.n_words >= 3).then(|| line_key(l.text))).collect();
    let mut seen: HashMap<u64, usize> = HashMap::with_capacity(keys.len());
    for k in keys.iter().flatten() {
        *seen.entry(*k).or_default() += 1;
    }
    if seen.values().all(|&n| n < 2) {
        return;
    }
    let mut first_done: HashMap<u64, bool> = HashMap::new();
    for (line, key) in lines.iter_mut().zip(&keys) {
        let Some(k) = *key else { continue };
        if seen.get(&k).copied().unwrap_or(0) < 2 {
            continue;
        }
        let first = !first_done.insert(k, true).unwrap_or(false);
        if matches!(line.class, Some(Class::Title) | Some(Class::Removed(_))) {
            continue;
        }
        line.class = Some(Class::Removed(if !first {
            RemovalReason::Duplicate
        } else if PROMO.is_match(line.text) || BULLET.is_match(line.text) {
            RemovalReason::Promo
        } else {
            RemovalReason::Boilerplate
        }));
    }
}

/// A line's key for finding repeats: an FNV-1a hash of its ASCII letters
/// and digits, lower-cased, and of its other non-ASCII bytes as they are,
/// so that spacing and punctuation differences do not hide a repeat.
/// Collisions only merge two lines' counts.
fn line_key(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b >= 0x80 {
            hash ^= u64::from(b.to_ascii_lowercase());
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// Calls to action, legal lines and promotion offers. Promotion words only
/// count in short lines or bullets, so that prose mentioning a newsletter
/// stays in the body.
fn classify_furniture(lines: &mut [Line<'_>]) {
    for line in lines.iter_mut() {
        if line.class.is_some() {
            continue;
        }
        let text = line.text;
        let n_words = line.n_words;
        if (n_words <= 25 || !is_prose_line(line)) && FURNITURE.is_match(text) {
            line.class = Some(Class::Removed(RemovalReason::Boilerplate));
        } else if (n_words <= 12 || BULLET.is_match(text)) && PROMO.is_match(text) {
            line.class = Some(Class::Removed(RemovalReason::Promo));
        }
    }
}

/// Before the first and after the last line of prose, short lines that do
/// not read as sentences (navigation, section labels, promotion headings)
/// are page furniture.
fn classify_edges(lines: &mut [Line<'_>]) {
    let is_body = |l: &Line<'_>| l.class.is_none() && is_prose_line(l);
    let Some(first) = lines.iter().position(is_body) else {
        return;
    };
    let last = lines.iter().rposition(is_body).unwrap_or(first);
    let mut still_body = true;
    for idx in (0..first).chain(last + 1..lines.len()) {
        if lines[idx].class.is_some() {
            if idx > last {
                still_body = false;
            }
            continue;
        }
        let text = lines[idx].text;
        if idx < first && ends_sentence(text) && lines[idx].n_words >= 5 {
            // A standfirst: the article's summary sentence under the title.
            continue;
        }
        if idx > last && still_body && ends_sentence(text) && lines[idx].n_words >= 3 {
            // A short closing paragraph right after the body ("\"We are
            // ready,\" he said.").
            continue;
        }
        if idx > last {
            still_body = false;
        }
        let neighbour_promo = [idx.wrapping_sub(1), idx + 1].iter().any(|&n| {
            lines.get(n).is_some_and(|l| {
                matches!(l.class, Some(Class::Removed(RemovalReason::Promo)))
                    || PROMO.is_match(l.text)
                    || BULLET.is_match(l.text)
            })
        });
        let reason = if neighbour_promo || BULLET.is_match(text) {
            RemovalReason::Promo
        } else {
            RemovalReason::Boilerplate
        };
        lines[idx].class = Some(Class::Removed(reason));
    }
}

/// The outlet named by a domain ("Newsweek.com") in the removed lines.
fn outlet_from_removed(lines: &[Line<'_>]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for line in lines {
        if let Some(Class::Removed(_)) = line.class {
            for c in DOMAIN.captures_iter(line.text) {
                *counts.entry(c.get(1).expect("group 1").as_str()).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(name, n)| (n, std::cmp::Reverse(name)))
        .map(|(name, _)| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_and_dateline() {
        let c = clean("A title\n\nBy Jane Doe and John Roe\n\nMonday, March 4, 2024\n\nThe council voted on Monday to close the bridge for repairs.", true);
        assert_eq!(c.meta.title.as_deref(), Some("A title"));
        assert_eq!(c.meta.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(c.meta.published.unwrap().to_string(), "2024-03-04");
        assert_eq!(c.body, "The council voted on Monday to close the bridge for repairs.");
        assert!(c.removed.iter().all(|r| r.reason == RemovalReason::Byline));
    }

    #[test]
    fn caption_with_credit_and_image_title() {
        let c = clean("T\n\nFirst paragraph of the story is long enough to count as prose.\n\nJane Doe\nJane Doe speaks in Paris on Monday. JOHN ROE/AFP\n\nLast paragraph of the story is also long enough to be prose.", true);
        assert_eq!(c.removed.len(), 2);
        assert!(c.removed.iter().all(|r| r.reason == RemovalReason::Caption));
        assert!(!c.body.contains("AFP"));
    }

    #[test]
    fn credits_name_their_source() {
        let credit = find_credit("Formica fusca, from file. Image: Mathias Krumbholz.").unwrap();
        assert_eq!(credit.caption, "Formica fusca, from file.");
        assert_eq!(credit.source, "Mathias Krumbholz");
        let credit = find_credit("  Jane Doe speaks in Paris on Monday. JOHN ROE/AFP").unwrap();
        assert_eq!((credit.caption_start, credit.source), (2, "JOHN ROE/AFP"));
        assert_eq!(find_credit("Rescuers search the rubble (Reuters)").unwrap().source, "Reuters");
        assert_eq!(find_credit("Image: NASA.").unwrap().caption, "");
        assert!(find_credit("Images of the boy were posted and reposted online.").is_none());

        let c = clean("T\n\nThe story is told in this sentence of some length.\n\nThe bridge after the storm. Photo: Ann Lee.\n\nThe story ends in this sentence of some length.", true);
        assert_eq!(c.removed.len(), 1);
        assert_eq!(c.removed[0].credit.as_deref(), Some("Ann Lee"));
        assert!(!c.body.contains("bridge"));
    }

    #[test]
    fn repeated_lines_all_go() {
        let text = "T\n\nThe story itself is told in this sentence of some length.\n\nWe are committed to great journalism for all readers.\n\nWe are committed to great journalism for all readers.";
        let c = clean(text, true);
        assert_eq!(c.body, "The story itself is told in this sentence of some length.");
        assert_eq!(c.removed.len(), 2);
        assert_eq!(c.removed[1].reason, RemovalReason::Duplicate);
    }

    #[test]
    fn bio_gives_author_and_outlet() {
        let text = "T\n\nThe story itself is told in this sentence of some length.\n\nAbout the author\n\nAnna Berg is a Daily Planet Senior Reporter based in Oslo. Read more";
        let c = clean(text, true);
        assert_eq!(c.meta.authors, vec!["Anna Berg"]);
        assert_eq!(c.meta.outlet.as_deref(), Some("Daily Planet"));
        assert_eq!(c.removed.len(), 2);
    }

    #[test]
    fn prose_mentioning_a_newsletter_stays() {
        let text = "T\n\nThe minister said the newsletter had been sent to every household in the district last week.";
        let c = clean(text, true);
        assert!(c.removed.is_empty());
    }
}
