//! Named entities: mentions found by the trained recognizer ([`ner`]) and
//! the gazetteers ([`gazetteer`]), then merged into one entity per
//! real-world thing, with aliases and descriptions.
//!
//! Assigns `Document::mentions` and `Document::entities`. The rules here
//! are generic: surnames join full names, acronyms defined in parentheses
//! join what they abbreviate (and every later use of them becomes a
//! mention), appositions and titles before a name become descriptions, and
//! the byline's authors and the outlet join as entities of their own.

pub mod gazetteer;
pub mod ner;

use std::sync::LazyLock;

use crate::doc::{Document, Entity, EntityKind, Mention, Span, TokenKind};
use crate::tag::perceptron::Model;
use gazetteer::{Gazetteer, GAZETTEER};

/// The shipped recognizer model.
pub static NER: LazyLock<Model> =
    LazyLock::new(|| Model::decode(include_bytes!("../../models/ner.bin")).unwrap_or_default());

/// Finds the mentions and entities of `doc` with the shipped models.
pub fn entities(doc: &mut Document) {
    entities_with(doc, &NER, &GAZETTEER);
}

/// Finds the mentions and entities of `doc` with the given recognizer and
/// gazetteer, replacing earlier ones.
pub fn entities_with(doc: &mut Document, model: &Model, gazetteer: &Gazetteer) {
    doc.mentions.clear();
    doc.entities.clear();
    let mut cands = Vec::new();
    for sentence_idx in 0..doc.sentences.len() {
        let range = doc.sentences[sentence_idx].tokens.clone();
        cands.extend(sentence_candidates(doc, range, model, gazetteer));
    }
    strip_titles(doc, &mut cands);
    add_acronym_uses(doc, &mut cands);
    add_repeated_names(doc, &mut cands);
    cands.sort_by_key(|c| (c.start, c.end));
    build_entities(doc, cands, gazetteer);
    add_meta_entities(doc);
}

/// A person named after a title, which the recogniser often misses or
/// swallows into an organisation: "Secretary of State Mike Pompeo", "Mayor
/// of London Sadiq Khan", "Ambassador to Germany Richard Grenell", "Coast
/// Guard Commandant Admiral Elson Hermogino". Two to four capitalised
/// proper nouns right after a title (or after a title's "of"/"to" place)
/// are a person; a candidate that ends with them and holds only the title
/// before them is cut to the name.
fn add_titled_names(words: &[&str], tags: &[&str], first: usize, out: &mut Vec<Candidate>) {
    let title = |i: usize| is_title(words[i]);
    let capital =
        |i: usize| tags[i] == "PROPN" && words[i].chars().next().is_some_and(char::is_uppercase);
    for k in 1..words.len() {
        let after_title = title(k - 1)
            || (2..=3).any(|place| {
                k > place
                    && (k - place + 1..k).all(&capital)
                    && matches!(words[k - place], "of" | "to")
                    && title(k - place - 1)
            });
        if !after_title || title(k) {
            continue;
        }
        let run = (k..words.len().min(k + 4)).take_while(|&i| capital(i) && !title(i)).count();
        if run < 2 {
            continue;
        }
        let (s, e) = (first + k, first + k + run);
        match out.iter().position(|c| c.start < e && s < c.end) {
            None => out.push(Candidate { start: s, end: e, kind: EntityKind::Person, entry: None }),
            Some(i) if out[i].start < s && out[i].end == e => {
                out[i] = Candidate { start: s, end: e, kind: EntityKind::Person, entry: None };
            }
            Some(_) => {}
        }
    }
}

/// Titles and offices the recogniser took into a person's name ("President
/// Donald Trump", "Health Minister Veronika Skvortsova", "State Mike
/// Pompeo" cut from "Secretary of State Mike Pompeo") are dropped from it
/// (they become its description); a "name" that is all title ("Deputy
/// Emergency Situations Minister") is no name. The titles are the
/// attribution lexicon's (`data/attribution/titles.txt`).
fn strip_titles(doc: &Document, cands: &mut Vec<Candidate>) {
    let is_title = |i: usize| {
        let word = doc.token_text(i);
        is_title(word) && !NAME_TITLES.iter().any(|t| word.eq_ignore_ascii_case(t))
    };
    cands.retain_mut(|c| {
        if c.kind != EntityKind::Person || c.entry.is_some() {
            return true;
        }
        let mut start = c.start;
        // "Secretary of State": "of" joins titles.
        let joined =
            |i: usize| i > c.start && i + 1 < c.end && doc.token_text(i) == "of" && is_title(i + 1);
        while start < c.end && (is_title(start) || joined(start)) {
            start += 1;
        }
        let capitalised =
            |i: usize| doc.token_text(i).chars().next().is_some_and(char::is_uppercase);
        if start == c.end {
            return false;
        }
        if start > c.start && capitalised(start) {
            c.start = start;
        }
        true
    });
}

/// Words no name ends with (weekdays).
static NOT_NAME_ENDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../data/entities/not_name_ends.txt")));

/// Whether `word` is a title or office written before names ("Secretary",
/// "minister"; the attribution lexicon's `data/attribution/titles.txt`).
fn is_title(word: &str) -> bool {
    crate::claims::lexicon::LEXICONS.titles.contains(&word.to_lowercase())
}

/// Titles that stay in a person's name ("Pope Francis").
static NAME_TITLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../data/entities/name_titles.txt")));

/// The words of a list in `data/entities/`: one a line, `#` comments.
fn word_list(text: &'static str) -> Vec<&'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// A mention before merging: document token range, type, gazetteer entry.
#[derive(Clone, Debug)]
struct Candidate {
    start: usize,
    end: usize,
    kind: EntityKind,
    entry: Option<usize>,
}

/// Last words that make a name a facility.
static FAC_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../data/entities/fac_heads.txt")));

/// Words that make a name an organisation wherever they stand in it
/// ("Ford Motor Company", "Department of Justice").
static ORG_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../data/entities/org_heads.txt")));

/// Last words that make a name a non-political place.
static LOC_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../data/entities/loc_heads.txt")));

/// Common nouns that, right before a name or heading its apposition, say
/// the name is an organisation ("the channel X", "Y, a news agency").
static ORG_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../data/entities/org_nouns.txt")));

/// Whether `word`, lower-cased, is one of [`ORG_NOUNS`].
/// Lower-case particles inside personal names ("bin", "dela", "van",
/// "al-"): `data/entities/name_particles.txt`.
static NAME_PARTICLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../data/entities/name_particles.txt")));

fn is_org_noun(word: &str) -> bool {
    if word.is_ascii() {
        ORG_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(word))
    } else {
        ORG_NOUNS.contains(&word.to_lowercase().as_str())
    }
}

/// Lower-case words that may sit inside a name ("Bank of America").
static GLUE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../data/entities/glue.txt")));

/// Capitalised words that are not names on their own.
static NOT_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../data/entities/not_names.txt")));

fn sentence_candidates(
    doc: &Document,
    range: std::ops::Range<usize>,
    model: &Model,
    gazetteer: &Gazetteer,
) -> Vec<Candidate> {
    let first = range.start;
    let words: Vec<&str> = range.clone().map(|i| doc.token_text(i)).collect();
    let tags: Vec<&str> = range.clone().map(|i| doc.tokens[i].tag.unwrap_or("X")).collect();
    let mut gaz: Vec<Candidate> = gazetteer
        .find(&words)
        .into_iter()
        .filter(|m| {
            // A one-letter name ("X") counts only where a platform is
            // plainly meant: "X users", "on X".
            if m.end - m.start > 1 || words[m.start].chars().count() > 1 {
                return true;
            }
            let next = words.get(m.end).map(|w| w.to_lowercase());
            let prev = m.start.checked_sub(1).map(|p| words[p].to_lowercase());
            matches!(
                next.as_deref(),
                Some("users" | "user" | "post" | "posts" | "account" | "accounts" | "platform")
            ) || matches!(prev.as_deref(), Some("on"))
        })
        .map(|m| Candidate {
            start: first + m.start,
            end: first + m.end,
            kind: gazetteer.entries[m.entry].kind,
            entry: Some(m.entry),
        })
        .collect();
    let mut out = Vec::new();
    for span in ner::recognize(model, gazetteer, &words, &tags) {
        let (mut s, mut e) = (first + span.start, first + span.end);
        // Trim function words and punctuation at the edges.
        let trim = |i: usize| {
            let t = doc.token_text(i);
            doc.tokens[i].kind != TokenKind::Word
                || !t.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(
                    t,
                    "The"
                        | "A"
                        | "An"
                        | "Mr"
                        | "Mr."
                        | "Mrs"
                        | "Mrs."
                        | "Ms"
                        | "Ms."
                        | "Dr"
                        | "Dr."
                        | "Prof."
                        | "Professor"
                )
        };
        while s < e && trim(s) {
            s += 1;
        }
        while e > s && (trim(e - 1) || NOT_NAME_ENDS.contains(&doc.token_text(e - 1))) {
            e -= 1;
        }
        // A lower-case word inside a span ("Telegram channel Supernova
        // Plus") ends a descriptor: the name is what follows it.
        if let Some(k) = (s..e).rev().find(|&k| {
            let t = doc.token_text(k);
            t.chars().next().is_some_and(char::is_lowercase) && !GLUE.contains(&t)
        }) {
            s = k + 1;
        }
        // A lone capitalised word opening the sentence is a name only when
        // the tagger says it is a proper noun ("Like ...").
        let opener = e - s == 1 && s == first && tags[0] != "PROPN";
        // "US-built", "Yemen-based": a name glued to a lower-case word is
        // a modifier, not a name.
        let modifier = e == s + 1
            && doc
                .token_text(s)
                .split_once('-')
                .is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_lowercase));
        if s >= e || opener || modifier || (e - s == 1 && NOT_NAMES.contains(&doc.token_text(s))) {
            continue;
        }
        let overlapping: Vec<usize> =
            (0..gaz.len()).filter(|&g| gaz[g].start < e && s < gaz[g].end).collect();
        let covered =
            (s..e).all(|i| overlapping.iter().any(|&g| gaz[g].start <= i && i < gaz[g].end));
        if covered {
            continue;
        }
        let crossing = overlapping.iter().any(|&g| gaz[g].start < s || gaz[g].end > e);
        let kind = ner_kind(doc, s, e, span.kind);
        if crossing {
            // Keep the gazetteer's reading; keep what is left of the span
            // after it when that is still a name.
            let after = overlapping.iter().map(|&g| gaz[g].end).max().unwrap_or(s).max(s);
            if after < e && doc.token_text(after).chars().next().is_some_and(char::is_uppercase) {
                out.push(Candidate { start: after, end: e, kind, entry: None });
            }
            continue;
        }
        if kind == EntityKind::Person {
            // "Osama bin Laden", "Arnel dela Vega", "Bashar al-Assad": a
            // name particle and the capitalised word after it belong to
            // the name where the recogniser stopped before them.
            let end_of_sentence = first + words.len();
            loop {
                let next = (e < end_of_sentence).then(|| doc.token_text(e));
                let after = (e + 1 < end_of_sentence).then(|| doc.token_text(e + 1));
                let capitalised = |w: Option<&str>| {
                    w.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
                };
                match next {
                    Some(p) if NAME_PARTICLES.contains(&p) && capitalised(after) => e += 2,
                    Some(p)
                        if p.split_once('-').is_some_and(|(head, rest)| {
                            NAME_PARTICLES.contains(&head) && capitalised(Some(rest))
                        }) =>
                    {
                        e += 1
                    }
                    _ => break,
                }
            }
            // "Ukrainian adviser Anton ...": a leading demonym or place is
            // its own mention, not part of the person's name.
            let lead =
                overlapping.iter().filter(|&&g| gaz[g].start == s).map(|&g| gaz[g].end).max();
            if let Some(lead_end) = lead {
                s = lead_end;
            }
            if s >= e {
                continue;
            }
        }
        gaz.retain(|g| !(g.start >= s && g.end <= e));
        out.push(Candidate { start: s, end: e, kind, entry: None });
    }
    add_headed_names(&words, &tags, first, &mut out, &mut gaz);
    out.extend(gaz);
    // "the channel Supernova Plus": capitalised words right after an
    // organisation noun name that organisation.
    for k in 1..words.len() {
        if !is_org_noun(words[k - 1]) {
            continue;
        }
        let mut e = k;
        while e < words.len()
            && tags[e] == "PROPN"
            && words[e].chars().next().is_some_and(char::is_uppercase)
        {
            e += 1;
        }
        let (s, e) = (first + k, first + e);
        if e > s && !out.iter().any(|c| c.start < e && s < c.end) {
            out.push(Candidate { start: s, end: e, kind: EntityKind::Org, entry: None });
        }
    }
    add_titled_names(&words, &tags, first, &mut out);
    // "in Magnitogorsk": a place the GeoNames gazetteer knows, written
    // after a word that puts something there, where the recogniser found
    // nothing.
    for (s, e) in crate::places::located_names(&words, &tags) {
        let (s, e) = (first + s, first + e);
        if !out.iter().any(|c| c.start < e && s < c.end) {
            out.push(Candidate { start: s, end: e, kind: EntityKind::Gpe, entry: None });
        }
    }
    out
}

/// Runs of capitalised words that hold an organisation word ("Ford Motor
/// Company", "United States Department of Justice") or end in a facility
/// word are names of that type even where the recognizer missed them; a
/// country or nationality right before an organisation belongs to it.
fn add_headed_names(
    words: &[&str],
    tags: &[&str],
    first: usize,
    out: &mut Vec<Candidate>,
    gaz: &mut Vec<Candidate>,
) {
    let n = words.len();
    let capital = |i: usize| {
        words[i].chars().next().is_some_and(char::is_uppercase)
            && (tags[i] == "PROPN" || (i > 0 && matches!(tags[i], "ADJ" | "NOUN" | "VERB" | "NUM")))
    };
    let mut k = 0;
    while k < n {
        if !capital(k) {
            k += 1;
            continue;
        }
        let mut e = k + 1;
        loop {
            if e < n && capital(e) {
                e += 1;
            } else if e + 1 < n && matches!(words[e], "of" | "and" | "for" | "&") && capital(e + 1)
            {
                e += 2;
            } else {
                break;
            }
        }
        let next = e;
        let mut s = k;
        while s < e && NOT_NAMES.contains(&words[s]) {
            s += 1;
        }
        let kind = if e - s < 2 {
            None
        } else if FAC_HEADS.contains(&words[e - 1]) {
            Some(EntityKind::Fac)
        } else if (s..e).any(|i| ORG_HEADS.contains(&words[i])) {
            Some(EntityKind::Org)
        } else {
            None
        };
        k = next;
        let Some(kind) = kind else { continue };
        let (mut s, e) = (first + s, first + e);
        if gaz.iter().any(|g| g.start <= s && g.end >= e) {
            continue;
        }
        if kind == EntityKind::Org {
            if let Some(g) = gaz
                .iter()
                .position(|g| g.end == s && matches!(g.kind, EntityKind::Gpe | EntityKind::Norp))
            {
                s = gaz[g].start;
            }
        }
        // Recognized spans that cross this one keep their reading.
        if out.iter().any(|c| c.start < e && s < c.end && (c.start < s || c.end > e))
            || gaz.iter().any(|g| g.start < e && s < g.end && (g.start < s || g.end > e))
        {
            continue;
        }
        out.retain(|c| !(c.start >= s && c.end <= e));
        gaz.retain(|g| !(g.start >= s && g.end <= e));
        out.push(Candidate { start: s, end: e, kind, entry: None });
    }
}

/// The record type of a recognized span: places by their last word, names
/// right after an organisation noun as organisations.
fn ner_kind(doc: &Document, start: usize, end: usize, kind: usize) -> EntityKind {
    let last = doc.token_text(end - 1);
    // "Londoners", "New Yorkers": the people of a place.
    let text: Vec<&str> = (start..end).map(|i| doc.token_text(i)).collect();
    if crate::places::is_people_of_place(&text.join(" ")) {
        return EntityKind::Norp;
    }
    if FAC_HEADS.contains(&last) && end - start > 1 {
        return EntityKind::Fac;
    }
    if (start..end).any(|i| ORG_HEADS.contains(&doc.token_text(i))) && end - start > 1 {
        return EntityKind::Org;
    }
    if LOC_HEADS.contains(&last) || (end - start > 1 && LOC_HEADS.contains(&doc.token_text(start)))
    {
        return EntityKind::Loc;
    }
    let prev = start.checked_sub(1).map(|p| doc.token_text(p).to_lowercase());
    if prev.as_deref().is_some_and(|p| ORG_NOUNS.contains(&p)) {
        return EntityKind::Org;
    }
    match ner::KINDS[kind] {
        "PERSON" => EntityKind::Person,
        "ORG" => EntityKind::Org,
        _ => EntityKind::Gpe,
    }
}

/// Acronyms defined in parentheses right after a mention ("the Islamic
/// State (IS) group"): every use of the acronym becomes a mention of the
/// same type.
fn add_acronym_uses(doc: &Document, cands: &mut Vec<Candidate>) {
    let mut acronyms: Vec<(String, EntityKind)> = Vec::new();
    for c in cands.iter() {
        if let Some(word) = paren_acronym(doc, c.end) {
            acronyms.push((word.to_string(), c.kind));
        }
    }
    if acronyms.is_empty() {
        return;
    }
    // One pass over the tokens, whatever the number of acronyms.
    let by_word: std::collections::HashMap<&str, EntityKind> =
        acronyms.iter().rev().map(|(w, k)| (w.as_str(), *k)).collect();
    let mut covered = vec![false; doc.tokens.len()];
    for c in cands.iter() {
        covered[c.start..c.end].iter_mut().for_each(|x| *x = true);
    }
    for (i, &taken) in covered.iter().enumerate() {
        if taken {
            continue;
        }
        if let Some(&kind) = by_word.get(doc.token_text(i)) {
            cands.push(Candidate { start: i, end: i + 1, kind, entry: None });
        }
    }
}

/// Names the recognizer found once are names wherever they recur in the
/// document, and so are the surnames of recognized people.
fn add_repeated_names(doc: &Document, cands: &mut Vec<Candidate>) {
    let mut surfaces: Vec<(Vec<&str>, EntityKind)> = Vec::new();
    for c in cands.iter().filter(|c| c.entry.is_none()) {
        let words: Vec<&str> = (c.start..c.end).map(|i| doc.token_text(i)).collect();
        if c.kind == EntityKind::Person && words.len() >= 2 {
            let last = words[words.len() - 1];
            if last.chars().count() > 1 && last.chars().next().is_some_and(char::is_uppercase) {
                surfaces.push((vec![last], EntityKind::Person));
            }
        }
        surfaces.push((words, c.kind));
    }
    surfaces.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    surfaces.dedup_by(|a, b| a.0 == b.0);
    if surfaces.is_empty() {
        return;
    }
    let mut covered = vec![false; doc.tokens.len()];
    for c in cands.iter() {
        covered[c.start..c.end].iter_mut().for_each(|x| *x = true);
    }
    // Surfaces by first word, longest first as sorted above, so each token
    // looks only at the names that can start there.
    let mut by_first: std::collections::HashMap<&str, Vec<usize>> =
        std::collections::HashMap::new();
    for (k, (words, _)) in surfaces.iter().enumerate() {
        by_first.entry(words[0]).or_default().push(k);
    }
    for sentence in &doc.sentences {
        let mut i = sentence.tokens.start;
        while i < sentence.tokens.end {
            let starting = by_first.get(doc.token_text(i)).map_or(&[][..], |v| v.as_slice());
            let found = starting.iter().map(|&k| &surfaces[k]).find(|(words, _)| {
                let end = i + words.len();
                end <= sentence.tokens.end
                    && !covered[i..end].iter().any(|&x| x)
                    && words.iter().enumerate().all(|(k, w)| doc.token_text(i + k) == *w)
            });
            match found {
                Some((words, kind)) => {
                    cands.push(Candidate {
                        start: i,
                        end: i + words.len(),
                        kind: *kind,
                        entry: None,
                    });
                    i += words.len();
                }
                None => i += 1,
            }
        }
    }
}

/// The all-capitals word in "( WORD )" starting at token `at`.
fn paren_acronym(doc: &Document, at: usize) -> Option<&str> {
    if at + 2 >= doc.tokens.len() || doc.token_text(at) != "(" || doc.token_text(at + 2) != ")" {
        return None;
    }
    let word = doc.token_text(at + 1);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 2 && word.chars().all(|c| c.is_uppercase() || c == '-' || c == '.')).then_some(word)
}

/// An entity under construction.
struct Group {
    kind: EntityKind,
    entry: Option<usize>,
    surfaces: Vec<String>,
    mentions: Vec<usize>,
    description: Option<String>,
    /// Merged into another group.
    merged_into: Option<usize>,
}

fn build_entities(doc: &mut Document, cands: Vec<Candidate>, gazetteer: &Gazetteer) {
    let mut groups: Vec<Group> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    // The first group with a gazetteer entry, and the first with a surface
    // (lower-cased): lookups instead of a scan of every group.
    let mut group_of_entry: std::collections::HashMap<usize, usize> =
        std::collections::HashMap::new();
    let mut group_of_surface: std::collections::HashMap<String, usize> =
        std::collections::HashMap::new();
    // The same, among groups with no gazetteer entry: a listed candidate
    // joins those by surface, and other listed groups only by entry.
    let mut unlisted_of_surface: std::collections::HashMap<String, usize> =
        std::collections::HashMap::new();
    for c in &cands {
        let span = Span::new(doc.tokens[c.start].span.start, doc.tokens[c.end - 1].span.end);
        let text = doc.slice(span).to_string();
        let key = text.to_lowercase();
        let found = match c.entry {
            Some(b) => [group_of_entry.get(&b), unlisted_of_surface.get(&key)]
                .into_iter()
                .flatten()
                .copied()
                .min(),
            None => group_of_surface.get(&key).copied(),
        };
        let group_idx = match found {
            Some(g) => g,
            None => {
                groups.push(Group {
                    kind: c.kind,
                    entry: c.entry,
                    surfaces: Vec::new(),
                    mentions: Vec::new(),
                    description: None,
                    merged_into: None,
                });
                groups.len() - 1
            }
        };
        if let Some(e) = groups[group_idx].entry {
            group_of_entry.entry(e).or_insert(group_idx);
        }
        let unlisted = groups[group_idx].entry.is_none();
        let mut register = |surface: String| {
            // The lowest group index wins, as a scan in order would find.
            if unlisted {
                let slot = unlisted_of_surface.entry(surface.clone()).or_insert(group_idx);
                *slot = (*slot).min(group_idx);
            }
            let slot = group_of_surface.entry(surface).or_insert(group_idx);
            *slot = (*slot).min(group_idx);
        };
        register(key.clone());
        if let Some(word) = paren_acronym(doc, c.end) {
            register(word.to_lowercase());
        }
        let g = &mut groups[group_idx];
        if !g.surfaces.iter().any(|s| s.to_lowercase() == key) {
            g.surfaces.push(text);
        }
        g.mentions.push(mentions.len());
        if g.description.is_none() {
            g.description = description(doc, c);
        }
        // An apposition or a preceding organisation noun says what a
        // recognized (not listed) name is.
        if c.entry.is_none() && c.kind == EntityKind::Person {
            if let Some(d) = &g.description {
                let head = d.split_whitespace().last().unwrap_or("").to_lowercase();
                if ORG_NOUNS.contains(&head.as_str())
                    || d.split_whitespace().any(|w| ORG_NOUNS.contains(&w)) && d.contains(" of ")
                {
                    g.kind = EntityKind::Org;
                }
            }
        }
        if let Some(word) = paren_acronym(doc, c.end) {
            if !g.surfaces.iter().any(|s| s == word) {
                g.surfaces.push(word.to_string());
            }
        }
        mentions.push(Mention { span, tokens: c.start..c.end, kind: c.kind, entity: group_idx });
    }
    merge_groups(&mut groups);
    // Emit the surviving groups in order of first mention.
    let mut final_idx = vec![usize::MAX; groups.len()];
    let mut entities = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        if g.merged_into.is_some() {
            continue;
        }
        final_idx[i] = entities.len();
        let name = match g.entry {
            Some(e) => gazetteer.entries[e].name.clone(),
            None => {
                let mut best = g.surfaces[0].clone();
                for s in &g.surfaces {
                    let words = s.split_whitespace().count();
                    let acronym = s.chars().all(|c| !c.is_lowercase());
                    let best_acronym = best.chars().all(|c| !c.is_lowercase());
                    if (best_acronym && !acronym)
                        || (acronym == best_acronym && words > best.split_whitespace().count())
                    {
                        best = s.clone();
                    }
                }
                best
            }
        };
        let mut aliases: Vec<String> = Vec::new();
        for s in &g.surfaces {
            if s.to_lowercase() != name.to_lowercase()
                && !aliases.iter().any(|a| a.to_lowercase() == s.to_lowercase())
            {
                aliases.push(s.clone());
            }
        }
        entities.push(Entity {
            name,
            kind: g.kind,
            aliases,
            description: g.description.clone(),
            mentions: g.mentions.clone(),
            geo: None,
        });
    }
    for m in &mut mentions {
        let mut g = m.entity;
        while let Some(to) = groups[g].merged_into {
            g = to;
        }
        m.entity = final_idx[g];
    }
    for e in entities.iter_mut() {
        e.mentions.clear();
    }
    for (k, m) in mentions.iter().enumerate() {
        entities[m.entity].mentions.push(k);
    }
    doc.mentions = mentions;
    doc.entities = entities;
}

/// Joins groups that name the same thing: a surname with the full name,
/// an acronym with the words it abbreviates, two facility or organisation
/// names sharing an unusual first word.
fn merge_groups(groups: &mut [Group]) {
    use std::collections::HashMap;
    let n = groups.len();
    // Each group's longest name, split into words, once: absorbing shorter
    // names never changes it.
    let shapes: Vec<Vec<String>> = groups
        .iter()
        .map(|g| {
            let longest = g.surfaces.iter().max_by_key(|s| s.split_whitespace().count());
            longest.map_or_else(Vec::new, |s| s.split_whitespace().map(str::to_string).collect())
        })
        .collect();
    // Every way two groups join needs a shared last word, a shared first
    // word, or initials that spell an acronym: index the groups by those,
    // so each group is compared with a few others, not all.
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (b, words) in shapes.iter().enumerate() {
        let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
        by_last.entry(last.as_str()).or_default().push(b);
        by_first.entry(first.as_str()).or_default().push(b);
        by_initials.entry(initials(words)).or_default().push(b);
    }
    for a in 0..n {
        if groups[a].merged_into.is_some() || shapes[a].is_empty() {
            continue;
        }
        let wa = &shapes[a];
        let letters: String = wa[0].chars().filter(|c| c.is_alphabetic()).collect();
        let mut candidates: Vec<usize> = [
            by_last.get(wa[wa.len() - 1].as_str()),
            by_first.get(wa[0].as_str()),
            (wa.len() == 1).then(|| by_initials.get(&letters)).flatten(),
        ]
        .into_iter()
        .flatten()
        .flatten()
        .copied()
        .collect();
        // In index order, as a scan of every group would meet them.
        candidates.sort_unstable();
        candidates.dedup();
        for b in candidates {
            if a == b || groups[b].merged_into.is_some() || groups[a].merged_into.is_some() {
                continue;
            }
            if joins(&groups[a], &groups[b], &shapes[a], &shapes[b]) {
                // `b` (the longer name) absorbs `a`.
                let (surfaces, mentions) = (
                    std::mem::take(&mut groups[a].surfaces),
                    std::mem::take(&mut groups[a].mentions),
                );
                let description = groups[a].description.take();
                let gb = &mut groups[b];
                for s in surfaces {
                    if !gb.surfaces.contains(&s) {
                        gb.surfaces.push(s);
                    }
                }
                gb.mentions.extend(mentions);
                gb.mentions.sort_unstable();
                if gb.description.is_none() {
                    gb.description = description;
                }
                groups[a].merged_into = Some(b);
            }
        }
    }
}

/// The first letters of a name's capitalised words ("Islamic State" → "IS").
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Whether group `a` is a short form of group `b`.
fn joins(a: &Group, b: &Group, wa: &[String], wb: &[String]) -> bool {
    if a.entry.is_some() && b.entry.is_some() {
        return false;
    }
    if wb.len() <= wa.len() {
        return false;
    }
    // A surname (or last words) of a person.
    if b.kind == EntityKind::Person
        && a.entry.is_none()
        && matches!(a.kind, EntityKind::Person | EntityKind::Org | EntityKind::Gpe)
        && wb.ends_with(wa)
    {
        return true;
    }
    // "Hamza" for "Hamza bin Laden": in a patronymic name the given name
    // is the one a person goes by.
    if b.kind == EntityKind::Person
        && a.kind == EntityKind::Person
        && a.entry.is_none()
        && wa.len() == 1
        && wb[0] == wa[0]
        && wb.get(1).is_some_and(|w| matches!(w.as_str(), "bin" | "ibn" | "bint"))
    {
        return true;
    }
    // An acronym of the words of `b`.
    let is_acronym = wa.len() == 1
        && wa[0].chars().filter(|c| c.is_alphabetic()).count() >= 2
        && wa[0].chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
    if is_acronym && b.kind != EntityKind::Person {
        let initials = initials(wb);
        let letters: String = wa[0].chars().filter(|c| c.is_alphabetic()).collect();
        if initials == letters {
            return true;
        }
    }
    // "Ford" for "Ford Motor Company".
    if wa.len() == 1
        && a.entry.is_none()
        && b.kind == EntityKind::Org
        && wb[0] == wa[0]
        && wb.iter().any(|w| ORG_HEADS.contains(&w.as_str()))
        && !COMMON_FIRST.contains(&wa[0].as_str())
    {
        return true;
    }
    // "X Center" and "X City Hall".
    let place_like =
        |k: EntityKind| matches!(k, EntityKind::Fac | EntityKind::Org | EntityKind::Loc);
    wa.len() >= 2
        && place_like(a.kind)
        && place_like(b.kind)
        && a.entry.is_none()
        && b.entry.is_none()
        && wa[0] == wb[0]
        && (a.kind == EntityKind::Fac || b.kind == EntityKind::Fac)
        && GAZETTEER.lookup(&wa[0]).is_none()
        && !COMMON_FIRST.contains(&wa[0].as_str())
}

/// First words that many unrelated names share.
static COMMON_FIRST: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../data/entities/common_first.txt")));

/// A description from a title before a person's name ("Kremlin spokesman
/// Dmitry Peskov") or an apposition after any name ("TASS, the state news
/// agency,").
fn description(doc: &Document, c: &Candidate) -> Option<String> {
    let tag = |i: usize| doc.tokens[i].tag.unwrap_or("X");
    if c.kind == EntityKind::Person {
        let mut s = c.start;
        while s > 0
            && matches!(tag(s - 1), "NOUN" | "PROPN" | "ADJ")
            && doc.tokens[s - 1].kind == TokenKind::Word
            && c.start - (s - 1) <= 5
        {
            s -= 1;
        }
        if s < c.start && (tag(c.start - 1) == "NOUN" || is_title(doc.token_text(c.start - 1))) {
            let span = Span::new(doc.tokens[s].span.start, doc.tokens[c.start - 1].span.end);
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
            && !matches!(tag(e), "VERB" | "AUX" | "PRON" | "SCONJ")
        {
            e += 1;
        }
        let ends_clause = e < n && matches!(doc.token_text(e), "," | "." | ";" | ")");
        let nominal = |i: usize| {
            matches!(tag(i), "NOUN" | "PROPN")
                || doc.token_text(i).chars().next().is_some_and(char::is_uppercase)
        };
        if ends_clause && e > at + 2 && nominal(e - 1) {
            let span = Span::new(doc.tokens[at + 2].span.start, doc.tokens[e - 1].span.end);
            return Some(doc.slice(span).to_string());
        }
    }
    None
}

/// The byline's authors, as entities of their own when the text does not
/// already name them. The outlet is an entity only where the text names it
/// (it is `meta.outlet` either way).
fn add_meta_entities(doc: &mut Document) {
    let known = |doc: &Document, name: &str| {
        let lower = name.to_lowercase();
        doc.entities.iter().any(|e| {
            e.name.to_lowercase() == lower || e.aliases.iter().any(|a| a.to_lowercase() == lower)
        })
    };
    let mut extra = Vec::new();
    for author in &doc.meta.authors {
        if !author.trim().is_empty() && !known(doc, author) {
            extra.push((author.trim().to_string(), EntityKind::Person));
        }
    }
    for (name, kind) in extra {
        doc.entities.push(Entity {
            name,
            kind,
            aliases: Vec::new(),
            description: None,
            mentions: Vec::new(),
            geo: None,
        });
    }
}
