//! Mentions merged into entities: surnames join full names, acronyms what
//! they abbreviate, variants of one name one entity. An entity takes the
//! type of its first mention (or its gazetteer entry's, or an organisation
//! noun's in its description): a majority vote over the mentions was
//! measured and is worse, since later short mentions ("Ford" of "Ford Motor
//! Company") are typed with less context than the first, full one.

use crate::doc::{Document, Entity, EntityKind, Mention, Span};

use super::candidates::paren_acronym;
use super::describe::description;
use super::gazetteer::{Gazetteer, GAZETTEER};
use super::lists::{
    is_title, COMMON_FIRST, FAC_HEADS, LOC_HEADS, MEMBER_NOUNS, ORG_HEADS, ORG_NOUNS,
};
use super::Candidate;

/// An entity under construction.
pub(super) struct Group {
    kind: EntityKind,
    entry: Option<usize>,
    surfaces: Vec<String>,
    mentions: Vec<usize>,
    description: Option<String>,
    /// Merged into another group.
    merged_into: Option<usize>,
}

pub(super) fn build_entities(doc: &mut Document, cands: Vec<Candidate>, gazetteer: &Gazetteer) {
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
        let span = Span::new(doc.tokens[c.start].span.start(), doc.tokens[c.end - 1].span.end());
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
        if let Some(word) = paren_acronym(doc, c.start, c.end) {
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
        if let Some(word) = paren_acronym(doc, c.start, c.end) {
            if !g.surfaces.iter().any(|s| s == word) {
                g.surfaces.push(word.to_string());
            }
        }
        mentions.push(Mention { span, tokens: c.start..c.end, kind: c.kind, entity: group_idx });
    }
    merge_groups(&mut groups);
    let outlets: Vec<usize> = (0..groups.len())
        .filter(|&i| groups[i].merged_into.is_none())
        .filter(|&i| reports_like_an_outlet(doc, &groups, i, &mentions))
        .collect();
    for i in outlets {
        groups[i].kind = EntityKind::Org;
    }
    // "The National Hurricane Center (NHC) said ...": a facility that
    // speaks is the organisation there, as "the White House said" is the
    // administration.
    for g in groups.iter_mut() {
        if g.merged_into.is_none() && speaks_like_an_organisation(doc, g, &mentions) {
            g.kind = EntityKind::Org;
        }
    }
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

/// Whether a facility the gazetteer does not know is the subject of a
/// verb of speech ("the Center said", "the NHC warned", with a bracketed
/// acronym between) or the source after "according to".
fn speaks_like_an_organisation(doc: &Document, g: &Group, mentions: &[Mention]) -> bool {
    let speech = &crate::claims::LEXICONS.speech;
    let according = &crate::claims::LEXICONS.according;
    let n = doc.tokens.len();
    g.kind == EntityKind::Fac
        && g.entry.is_none()
        && g.mentions.iter().any(|&m| {
            let tokens = &mentions[m].tokens;
            let mut next = tokens.end;
            // "(NHC)" after the name.
            if next + 2 < n && doc.token_text(next) == "(" && doc.token_text(next + 2) == ")" {
                next += 3;
            }
            let verb = next < n && {
                let word = doc.token_text(next);
                speech.contains(word) && (word.ends_with('s') || word.ends_with('d'))
            };
            verb || {
                // "according to (the) ..." right before the name.
                let lower: Vec<String> = (tokens.start.saturating_sub(3)..tokens.start)
                    .map(|k| doc.token_text(k).to_lowercase())
                    .collect();
                let words: Vec<&str> = lower.iter().map(String::as_str).collect();
                (0..words.len()).any(|k| {
                    according.match_at(&words, k).is_some_and(|len| {
                        let end = k + len;
                        end == words.len() || end + 1 == words.len() && words[end] == "the"
                    })
                })
            }
        })
}

/// "Rappler reported three malls ...", "Rudaw reports ...": a one-word
/// name, never given with a first name, that reports like the press is an
/// outlet the recogniser took for a person (a person's name comes whole
/// in news, before or after: "Maria Ressa reported").
fn reports_like_an_outlet(
    doc: &Document,
    groups: &[Group],
    i: usize,
    mentions: &[Mention],
) -> bool {
    let g = &groups[i];
    let in_a_longer_name = |word: &str| {
        groups.iter().any(|other| {
            other.kind == EntityKind::Person
                && other.surfaces.iter().any(|s| {
                    s.contains(char::is_whitespace) && s.split_whitespace().any(|w| w == word)
                })
        })
    };
    // The scan of the other groups comes last: it runs for the rare name
    // that reports.
    g.kind == EntityKind::Person
        && g.entry.is_none()
        && g.mentions.iter().any(|&m| {
            let end = mentions[m].tokens.end;
            end < doc.tokens.len() && matches!(doc.token_text(end), "reported" | "reports")
        })
        && g.surfaces.iter().all(|s| {
            !s.contains(char::is_whitespace)
                && !super::gazetteer::GIVEN_NAMES.contains(s.as_str())
                && !in_a_longer_name(s)
        })
}

/// Joins groups that name the same thing: a surname with the full name,
/// an acronym with the words it abbreviates, two facility or organisation
/// names sharing an unusual first word.
pub(super) fn merge_groups(groups: &mut [Group]) {
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
        // A person's first surname of two ("Rosselló" of "Ricardo
        // Rosselló Nevares") joins as a last word does.
        if words.len() >= 3 && groups[b].kind == EntityKind::Person {
            by_last.entry(words[words.len() - 2].as_str()).or_default().push(b);
        }
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
                absorb(groups, a, b);
            }
        }
    }
    // "Walter" after "Walter Munk": a given name alone is the one person
    // of the article whose name it opens (also where the recogniser took
    // a listed given name for an organisation or a place); with two such
    // ("John Bolton", "John Kerry") it is left alone.
    for a in 0..n {
        let g = &groups[a];
        let [word] = shapes[a].as_slice() else { continue };
        let person = g.kind == EntityKind::Person
            || matches!(g.kind, EntityKind::Org | EntityKind::Gpe)
                && super::gazetteer::GIVEN_NAMES.contains(word.as_str());
        if g.merged_into.is_some() || g.entry.is_some() || !person {
            continue;
        }
        let opens = by_first.get(word.as_str()).into_iter().flatten().copied().filter(|&b| {
            b != a
                && groups[b].merged_into.is_none()
                && groups[b].kind == EntityKind::Person
                && shapes[b].len() >= 2
        });
        if let [b] = opens.collect::<Vec<_>>()[..] {
            absorb(groups, a, b);
        }
    }
    // "the Commission" after "the European Commission", "Parliament"
    // after "the Parliament of New South Wales", "the Hall" after
    // "Fishmongers' Hall": an organisation's or a facility's head alone is
    // the one organisation or facility of the article it heads, when there
    // is one.
    for a in 0..n {
        let g = &groups[a];
        let [word] = shapes[a].as_slice() else { continue };
        let heads = match g.kind {
            EntityKind::Org => &ORG_HEADS,
            EntityKind::Fac => &FAC_HEADS,
            _ => continue,
        };
        if g.merged_into.is_some() || !heads.contains(&word.as_str()) {
            continue;
        }
        let kind = g.kind;
        let headed = |b: usize| {
            let wb = &shapes[b];
            b != a
                && groups[b].merged_into.is_none()
                && groups[b].kind == kind
                && wb.len() >= 2
                && (wb[wb.len() - 1] == *word || wb[0] == *word && wb[1] == "of")
                // Not an office read as a name ("Labour Member of Parliament").
                && !wb.iter().any(|w| is_title(w) || MEMBER_NOUNS.contains(&w.as_str()))
        };
        let mut heads = [by_last.get(word.as_str()), by_first.get(word.as_str())]
            .into_iter()
            .flatten()
            .flatten()
            .copied()
            .filter(|&b| headed(b))
            .collect::<Vec<_>>();
        heads.sort_unstable();
        heads.dedup();
        if let [b] = heads[..] {
            absorb(groups, a, b);
        }
    }
}

/// Group `b` (the longer name) absorbs group `a`.
fn absorb(groups: &mut [Group], a: usize, b: usize) {
    let (surfaces, mentions) =
        (std::mem::take(&mut groups[a].surfaces), std::mem::take(&mut groups[a].mentions));
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

/// The first letters of a name's capitalised words ("Islamic State" → "IS").
pub(super) fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Whether the words of `short` occur in `long` in the same order.
fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|v| v == w))
}

/// Whether group `a` is a short form of group `b`.
pub(super) fn joins(a: &Group, b: &Group, wa: &[String], wb: &[String]) -> bool {
    if a.entry.is_some() && b.entry.is_some() {
        return false;
    }
    if wb.len() <= wa.len() {
        return false;
    }
    // A surname (or last words) of a person; a particle capitalised to
    // open the sentence or the short name ("De Blasio" of "Bill de
    // Blasio") is the same word.
    let ends_with = |long: &[String], short: &[String]| {
        long.len() >= short.len()
            && long[long.len() - short.len()..]
                .iter()
                .zip(short)
                .all(|(l, s)| l == s || l.to_lowercase() == s.to_lowercase())
    };
    if b.kind == EntityKind::Person
        && a.entry.is_none()
        && matches!(a.kind, EntityKind::Person | EntityKind::Org | EntityKind::Gpe)
        && ends_with(wb, wa)
    {
        return true;
    }
    // "Rosselló" for "Ricardo Rosselló Nevares": in a name of three words
    // or more, the first of two surnames is the one a person goes by in
    // Spanish and Portuguese; not a given name in the middle ("John
    // Fitzgerald Kennedy").
    if b.kind == EntityKind::Person
        && a.entry.is_none()
        && matches!(a.kind, EntityKind::Person | EntityKind::Org | EntityKind::Gpe)
        && wa.len() == 1
        && wb.len() >= 3
        && wb[wb.len() - 2] == wa[0]
        && !super::gazetteer::GIVEN_NAMES.contains(wa[0].as_str())
        && wa[0].chars().next().is_some_and(char::is_uppercase)
    {
        return true;
    }
    // "Elijah Cummings" for "Elijah Eugene Cummings": a person's name
    // without its middle names (first and last words the same, the others
    // in order).
    if b.kind == EntityKind::Person
        && a.kind == EntityKind::Person
        && a.entry.is_none()
        && wa.len() >= 2
        && wa[0] == wb[0]
        && wa.last() == wb.last()
        && is_subsequence(wa, wb)
    {
        return true;
    }
    // "Dorian" for "Hurricane Dorian": the name of a named event.
    if b.kind == EntityKind::Event && a.entry.is_none() && wb.ends_with(wa) {
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
    // "Abaco" for "the Abaco Islands", "Payam" for "Payam International
    // Airport": the first word of a place or facility named by its head
    // ("Islands", "Airport") is that place, where the recogniser took it
    // for a person or an organisation.
    if wa.len() == 1
        && a.entry.is_none()
        && matches!(a.kind, EntityKind::Person | EntityKind::Org)
        && matches!(b.kind, EntityKind::Loc | EntityKind::Fac)
        && wb[0] == wa[0]
        && wb
            .last()
            .is_some_and(|w| LOC_HEADS.contains(&w.as_str()) || FAC_HEADS.contains(&w.as_str()))
        && !COMMON_FIRST.contains(&wa[0].as_str())
    {
        return true;
    }
    // "Ford" for "Ford Motor Company" (but "Alachua", a place, is not
    // "Alachua Sheriff's Office").
    if wa.len() == 1
        && a.entry.is_none()
        && !matches!(a.kind, EntityKind::Gpe | EntityKind::Loc)
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
