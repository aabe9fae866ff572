//! Mentions before merging: the recogniser's and the gazetteer's spans per
//! sentence, corrected by generic rules (titles, headed names, acronyms,
//! repeated names).

use std::sync::LazyLock;

use crate::doc::{Document, EntityKind, TokenKind, Upos};
use crate::tag::forms::{Forms, Sentence};
use crate::tag::perceptron::Model;

use super::gazetteer::Gazetteer;
use super::lists::{
    is_club_word, is_common_word, is_dropped_title, is_event_name, is_glued_modifier, is_law_name,
    is_org_noun, is_plain_word, is_title, WordSet, AWARD_HEADS, FAC_HEADS, GLUE, GPE_HEADS,
    LAW_PARTS, LOC_HEADS, MEMBER_NOUNS, NAME_PARTICLES, NAME_SUFFIXES, NAME_TITLES, NOT_NAMES,
    NOT_NAME_ENDS, OFFICE_PARTS, ORG_HEADS, ORG_NOUNS, PLACE_NOUNS, PLACE_PREPOSITIONS,
    PRODUCT_HEADS, ROAD_WORDS, TOPIC_HEADS, WORK_NOUNS,
};
use super::ner;
use super::Candidate;

/// A person named after a title, which the recogniser often misses or
/// swallows into an organisation: "Secretary of State Mike Pompeo", "Mayor
/// of London Sadiq Khan", "Ambassador to Germany Richard Grenell", "Coast
/// Guard Commandant Admiral Elson Hermogino". Two to four capitalised
/// proper nouns right after a title (or after a title's "of"/"to" place)
/// are a person; a candidate that ends with them or inside them and holds
/// only the title before them is replaced by the name.
pub(super) fn add_titled_names(
    words: &[&str],
    tags: &[Upos],
    first: usize,
    out: &mut Vec<Candidate>,
) {
    // A lower-case word that only comes before a title ("home" of "home
    // secretary") is none by itself: "returned home El Paso".
    let title = |i: usize| {
        is_title(words[i])
            && !(words[i].starts_with(char::is_lowercase)
                && OFFICE_PARTS.iter().any(|p| p.eq_ignore_ascii_case(words[i])))
    };
    let capital = |i: usize| {
        tags[i] == Upos::Propn && words[i].chars().next().is_some_and(char::is_uppercase)
    };
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
        // "Bashar al-Assad", "Osama bin Laden": a name particle before a
        // capitalised word (or joined to it) belongs to the run.
        let particle = |i: usize| {
            let word = words[i];
            let joined = word.split_once('-').is_some_and(|(head, rest)| {
                NAME_PARTICLES.contains(&head)
                    && rest.chars().next().is_some_and(char::is_uppercase)
            });
            joined || (NAME_PARTICLES.contains(&word) && i + 1 < words.len() && capital(i + 1))
        };
        let run = (k..words.len().min(k + 4))
            .take_while(|&i| {
                (capital(i) || (i > k && particle(i)))
                    && !title(i)
                    && !NOT_NAME_ENDS.contains(&words[i])
            })
            .count();
        // One word right after a capitalised title ("US President
        // Trump") is a name only where nothing else claims it and it is
        // no plain word ("the President Said" in a headline); "former
        // Casamance region" is no person.
        let lone = run == 1
            && title(k - 1)
            && words[k - 1].chars().next().is_some_and(char::is_uppercase)
            && words[k].chars().count() > 1
            && !is_plain_word(words[k])
            && !out.iter().any(|c| c.start <= first + k && first + k < c.end);
        // A run that ends in an organisation's head is that organisation,
        // after a word that is no title there ("the State Fire Brigade",
        // "Regional Fire Brigade"). (A facility's head may be a family
        // name: "Judge Durham Hall".)
        let headed = run >= 2 && ORG_HEADS.contains(&words[k + run - 1]);
        if run < 2 && !lone || headed {
            continue;
        }
        let (s, e) = (first + k, first + k + run);
        match out.iter().position(|c| c.start < e && s < c.end) {
            None => out.push(Candidate { start: s, end: e, kind: EntityKind::Person, entry: None }),
            // A candidate cut short inside the title and the name
            // ("State Antony" of "Secretary of State Antony Blinken").
            // (Not a name right after a title itself: "Secretary of
            // Justice Wanda Vázquez Garced" is not cut to "Vázquez Garced".)
            Some(i)
                if out[i].start < s
                    && out[i].end == e
                    && !(out[i].kind == EntityKind::Person
                        && out[i].start > first
                        && title(out[i].start - first - 1))
                    || out[i].end < e && (out[i].start..s).any(|j| title(j - first)) =>
            {
                out[i] = Candidate { start: s, end: e, kind: EntityKind::Person, entry: None };
            }
            // The name itself, typed otherwise by the recogniser ("United
            // States President Donald Trump" read as a place): a title
            // says a person.
            Some(i) if out[i].start == s && out[i].end == e && out[i].entry.is_none() => {
                out[i].kind = EntityKind::Person;
            }
            Some(_) => {}
        }
    }
}

/// Two names joined by "and" that the recogniser took as one ("El Paso
/// and Ciudad Juárez", "University of Washington and Stanford
/// University", "American Airlines and JetBlue") are two mentions, where
/// each side is a whole name of the same sort by itself: listed in a
/// gazetteer, or headed by an organisation or place word ("X University",
/// "University of X"). A name that holds "and" stays whole ("Bill and
/// Melinda Gates Foundation", "Pacific Gas and Electric Company", "House
/// Oversight and Reform Committee", "Trinidad and Tobago").
pub(super) fn split_coordinated(doc: &Document, gazetteer: &Gazetteer, cands: &mut Vec<Candidate>) {
    let mut extra = Vec::new();
    for c in cands.iter_mut() {
        if c.entry.is_some() || c.end - c.start < 3 {
            continue;
        }
        let Some(and) =
            (c.start + 1..c.end - 1).find(|&i| matches!(doc.token_text(i), "and" | "&"))
        else {
            continue;
        };
        let left: Vec<&str> = (c.start..and).map(|i| doc.token_text(i)).collect();
        let right: Vec<&str> = (and + 1..c.end).map(|i| doc.token_text(i)).collect();
        // "Mickey Hart and Bruce Hornsby": two persons' full names, each
        // a given name and more ("Bill and Melinda Gates" is one name).
        let full_name = |words: &[&str]| {
            (2..=3).contains(&words.len())
                && super::gazetteer::GIVEN_NAMES.contains(words[0])
                && words.iter().all(|w| capitalised(w) && !is_common_word(w))
                && !words.iter().any(|w| {
                    ORG_HEADS.contains(w) || FAC_HEADS.contains(w) || GPE_HEADS.contains(w)
                })
        };
        if c.kind == EntityKind::Person && full_name(&left) && full_name(&right) {
            extra.push(Candidate { start: and + 1, end: c.end, kind: c.kind, entry: None });
            c.end = and;
            continue;
        }
        let left_name = whole_name(gazetteer, &left);
        // "the University of Miami and Chris Fallows of Apex Shark
        // Expeditions": an organisation or place, and a person (of an
        // organisation or place).
        let of = right.iter().position(|w| *w == "of").unwrap_or(right.len());
        if let Some(l) = left_name.filter(|l| l.0 != EntityKind::Person) {
            if full_name(&right[..of]) {
                let person = and + 1 + of;
                extra.push(Candidate {
                    start: and + 1,
                    end: person,
                    kind: EntityKind::Person,
                    entry: None,
                });
                if person + 1 < c.end {
                    let rest = &right[of + 1..];
                    let (kind, entry) = whole_name(gazetteer, rest).unwrap_or(
                        if crate::places::is_known_place(&rest.join(" ")) {
                            (EntityKind::Gpe, None)
                        } else {
                            (EntityKind::Org, None)
                        },
                    );
                    extra.push(Candidate { start: person + 1, end: c.end, kind, entry });
                }
                *c = Candidate { start: c.start, end: and, kind: l.0, entry: l.1 };
                continue;
            }
        }
        let (Some(l), Some(r)) = (left_name, whole_name(gazetteer, &right)) else {
            continue;
        };
        let place =
            |k: EntityKind| matches!(k, EntityKind::Gpe | EntityKind::Loc | EntityKind::Fac);
        if l.0 != r.0 && !(place(l.0) && place(r.0)) {
            continue;
        }
        extra.push(Candidate { start: and + 1, end: c.end, kind: r.0, entry: r.1 });
        *c = Candidate { start: c.start, end: and, kind: l.0, entry: l.1 };
    }
    cands.extend(extra);
}

/// "Republican Larry Hogan", "Republican President Trump", "Russian
/// President Vladimir Putin": a group's adjective (party, nationality,
/// faith: a NORP of the gazetteer) before a person's name, which the
/// recogniser took as one name, is two mentions, the group and the
/// person. The rest must read as a person, capitalised words only: a
/// title and a name, or a given name (of the names from data) and more,
/// none of them common and none a head of another kind of name ("American
/// Airlines", "Russian Orthodox Church", "Democratic National Committee",
/// "Thai Raksa Chart" stay whole).
pub(super) fn split_group_adjectives(
    doc: &Document,
    gazetteer: &Gazetteer,
    cands: &mut Vec<Candidate>,
) {
    let mut extra = Vec::new();
    for c in cands.iter_mut() {
        if c.entry.is_some() || c.end - c.start < 2 {
            continue;
        }
        let Some(entry) = gazetteer.whole(&[doc.token_text(c.start)]) else { continue };
        if gazetteer.entries[entry].kind != EntityKind::Norp {
            continue;
        }
        let rest: Vec<&str> = (c.start + 1..c.end).map(|i| doc.token_text(i)).collect();
        let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        let last = rest.last().copied().unwrap_or_default();
        let headed = [&ORG_HEADS, &GPE_HEADS, &LOC_HEADS, &FAC_HEADS, &WORK_NOUNS]
            .iter()
            .any(|heads| heads.contains(&last))
            || is_event_name(&rest);
        let given = super::gazetteer::GIVEN_NAMES.contains(rest[0]);
        // ("the Indonesian State Intelligence Agency": an organisation's
        // head ends it, whatever title word opens it.)
        let person = rest.iter().all(capitalised)
            && (rest.iter().any(|w| !is_title(w)))
            && !headed
            && (is_title(rest[0])
                || (rest.len() >= 2 && given && !rest.iter().any(|w| is_common_word(w))));
        if !person {
            continue;
        }
        extra.push(Candidate {
            start: c.start,
            end: c.start + 1,
            kind: EntityKind::Norp,
            entry: Some(entry),
        });
        *c = Candidate { start: c.start + 1, end: c.end, kind: EntityKind::Person, entry: None };
    }
    cands.extend(extra);
}

/// "The Alachua Sheriff's Office", "the Prime Minister's Office": an
/// office's possessive before an organisation head is one organisation,
/// which the recogniser read as a person ("Alachua Sheriff") and a lone
/// "Office"; "St Mary's Hospital": a saint's possessive before a
/// facility's head is one facility.
pub(super) fn join_possessive_offices(doc: &Document, cands: &mut Vec<Candidate>) {
    let mut absorbed = Vec::new();
    for a in 0..cands.len() {
        let end = cands[a].end;
        let text_at = |i: usize| (i < doc.tokens.len()).then(|| doc.token_text(i));
        let last = doc.token_text(end - 1);
        let possessive = matches!(text_at(end), Some("'s" | "’s"));
        let head = text_at(end + 1).is_some_and(|w| ORG_HEADS.contains(&w));
        let office = possessive && head && is_title(last);
        // "Fishmongers' Hall", "the Veterans' Association": a plural's
        // possessive opens the name of the hall or body it heads.
        let plural = matches!(text_at(end), Some("'" | "’"))
            && last.ends_with('s')
            && last.chars().next().is_some_and(char::is_uppercase);
        let kind = match text_at(end + 1) {
            Some(w) if FAC_HEADS.contains(&w) => EntityKind::Fac,
            Some(w) if ORG_HEADS.contains(&w) => EntityKind::Org,
            _ => continue,
        };
        // "St Mary's Hospital", "St Paul's Cathedral": a saint's possessive
        // before a facility's head opens the facility's name (other
        // possessives name where the facility is: "La Fortaleza's Hall of
        // Mirrors").
        let saint = matches!(doc.token_text(cands[a].start), "St" | "St." | "Saint");
        let facility = possessive && saint && kind == EntityKind::Fac;
        if cands[a].entry.is_some() || !(office || plural || facility) {
            continue;
        }
        // An office's is an organisation, whatever else its head heads.
        let kind = if office { EntityKind::Org } else { kind };
        let mut new_end = end + 2;
        if let Some(b) = cands.iter().position(|c| c.start == end + 1) {
            new_end = new_end.max(cands[b].end);
            absorbed.push(b);
        }
        cands[a] = Candidate { start: cands[a].start, end: new_end, kind, entry: None };
    }
    let mut k = 0;
    cands.retain(|_| {
        k += 1;
        !absorbed.contains(&(k - 1))
    });
}

/// "United States House Select Committee on Benghazi", "Commission on
/// Human Rights", "Tunisian League for the Defence of Human Rights": an
/// organisation's name runs on over "on" (after a committee's head) or
/// "for" (after any organisation head) and the capitalised topic after
/// it, which the recogniser cut there.
pub(super) fn extend_topic_names(doc: &Document, cands: &mut Vec<Candidate>) {
    let n = doc.tokens.len();
    let capital =
        |i: usize| i < n && doc.token_text(i).chars().next().is_some_and(char::is_uppercase);
    let mut extended = Vec::new();
    for c in cands.iter_mut() {
        let end = c.end;
        let head = doc.token_text(end - 1);
        let kind = c.kind;
        let joins = |w: &str| match w {
            "on" => TOPIC_HEADS.contains(&head),
            // "Center for Biological Diversity": a facility's head named
            // for a topic names the organisation there.
            "for" => {
                ORG_HEADS.contains(&head)
                    || TOPIC_HEADS.contains(&head)
                    || FAC_HEADS.contains(&head) && kind == EntityKind::Org
            }
            _ => false,
        };
        if c.entry.is_some() || end + 2 >= n || !joins(doc.token_text(end)) {
            continue;
        }
        // "League for the Defence of Human Rights": "the" may come first.
        let topic = if doc.token_text(end + 1) == "the" { end + 2 } else { end + 1 };
        if !capital(topic) {
            continue;
        }
        // The topic stays in the sentence of the head.
        let sentence_end = doc
            .sentences
            .iter()
            .find(|s| s.tokens.contains(&(end - 1)))
            .map_or(n, |s| s.tokens.end);
        let mut e = topic;
        // "... Diversity and Center for Food Safety": "and" before the
        // head again starts another name.
        let another = |e: usize| doc.token_text(e) == "and" && doc.token_text(e + 1) == head;
        while capital(e) && e < sentence_end
            || (e + 1 < n
                && matches!(doc.token_text(e), "and" | "of" | "the")
                && capital(e + 1)
                && !another(e))
        {
            e += 1;
        }
        c.kind = EntityKind::Org;
        c.end = e;
        extended.push((end, e));
    }
    // What the topic took in (or starts inside it) is no mention of its own.
    cands.retain(|c| !extended.iter().any(|&(s, e)| (s..e).contains(&c.start)));
}

/// A title that stays in names ("King", "Prince") right after a given name
/// and before no other name word is a family name: "Stephen King said",
/// "Martin Luther King Jr." (the recogniser, which learned such titles open
/// names, leaves it out or reads nothing).
pub(super) fn title_surnames(doc: &Document, cands: &mut Vec<Candidate>) {
    let n = doc.tokens.len();
    let text = |i: usize| doc.token_text(i);
    let name_title = |i: usize| {
        capitalised(text(i)) && NAME_TITLES.iter().any(|t| t.eq_ignore_ascii_case(text(i)))
    };
    for i in 1..n {
        if !name_title(i) || !capitalised(text(i - 1)) || is_common_word(text(i - 1)) {
            continue;
        }
        let ends_name =
            i + 1 == n || !capitalised(text(i + 1)) || NAME_SUFFIXES.contains(&text(i + 1));
        if !ends_name {
            continue;
        }
        if cands.iter().any(|c| c.start <= i && i < c.end) {
            continue;
        }
        if let Some(c) = cands.iter_mut().find(|c| c.kind == EntityKind::Person && c.end == i) {
            c.end = i + 1;
        } else if super::gazetteer::GIVEN_NAMES.contains(text(i - 1))
            && doc.tokens[i - 1].tag != Some(Upos::Adj)
            && !cands.iter().any(|c| c.start < i && i - 1 < c.end)
            && doc.tokens[i - 1].kind == TokenKind::Word
        {
            cands.push(Candidate {
                start: i - 1,
                end: i + 1,
                kind: EntityKind::Person,
                entry: None,
            });
        }
    }
}

/// Family names: a person's name runs on over a generational suffix
/// ("Robert Cummings Sr."), and a name of two or more capitalised words
/// taken for an organisation that ends with the family name of another
/// person the document names, with no head of another kind of name, is a
/// person ("Robert Cummings Sr. and Ruth Elma Cummings"; not "North
/// Oakland", whose last word is a town the gazetteer knows).
pub(super) fn family_names(doc: &Document, gazetteer: &Gazetteer, cands: &mut Vec<Candidate>) {
    let n = doc.tokens.len();
    for c in cands.iter_mut() {
        if c.kind == EntityKind::Person
            && c.end < n
            && NAME_SUFFIXES.contains(&doc.token_text(c.end))
        {
            c.end += 1;
        }
    }
    // A suffix the recogniser read alone is inside the name it ends now.
    let persons: Vec<(usize, usize)> =
        cands.iter().filter(|c| c.kind == EntityKind::Person).map(|c| (c.start, c.end)).collect();
    cands.retain(|c| {
        !(c.start..c.end).all(|i| NAME_SUFFIXES.contains(&doc.token_text(i)))
            || !persons.iter().any(|&(s, e)| s < c.start && c.end <= e)
    });
    // (first word, family name) of the persons named in two words or more.
    let family: Vec<(&str, &str)> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Person && c.end - c.start >= 2)
        .filter_map(|c| {
            let last =
                (c.start..c.end).rev().find(|&i| !NAME_SUFFIXES.contains(&doc.token_text(i)))?;
            (last > c.start).then(|| (doc.token_text(c.start), doc.token_text(last)))
        })
        .collect();
    for c in cands.iter_mut() {
        if c.entry.is_some() || c.kind != EntityKind::Org || c.end - c.start < 2 {
            continue;
        }
        let words: Vec<&str> = (c.start..c.end).map(|i| doc.token_text(i)).collect();
        // Another person of the family: the same family name, another
        // first word (a name the recogniser typed both ways is no
        // evidence).
        let (first, last) = (words[0], words[words.len() - 1]);
        if !family.iter().any(|&(f, l)| l == last && f != first) {
            continue;
        }
        let headed = words.iter().any(|w| {
            [&ORG_HEADS, &GPE_HEADS, &LOC_HEADS, &FAC_HEADS].iter().any(|heads| heads.contains(w))
        });
        let capitalised = words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let listed = !gazetteer.find(&words).is_empty();
        let place = crate::places::is_known_place(last);
        if capitalised && !headed && !listed && !place && !is_common_word(first) {
            c.kind = EntityKind::Person;
        }
    }
}

/// The type of `words` when they are a whole name by themselves: listed
/// (the gazetteer's entry, or the names from data), or headed by an
/// organisation, facility or place word at the end, or "University of X".
fn whole_name(gazetteer: &Gazetteer, words: &[&str]) -> Option<(EntityKind, Option<usize>)> {
    if words.iter().any(|w| !w.chars().next().is_some_and(char::is_uppercase) && *w != "of") {
        return None;
    }
    if let Some(entry) = gazetteer.whole(words) {
        return Some((gazetteer.entries[entry].kind, Some(entry)));
    }
    if let Some(kind) = super::gazetteer::NAMES.whole(words) {
        return Some((kind, None));
    }
    let last = words.last()?;
    if words.len() < 2 {
        None
    } else if FAC_HEADS.contains(last) {
        Some((EntityKind::Fac, None))
    } else if LOC_HEADS.contains(last) {
        Some((EntityKind::Loc, None))
    } else if ORG_HEADS.contains(last)
        || (words.len() >= 3 && ORG_HEADS.contains(&words[0]) && words[1] == "of")
    {
        Some((EntityKind::Org, None))
    } else {
        None
    }
}

/// "Professor Carl Lipo of Binghamton University", "Sheldon Yett of
/// UNICEF": a person named with where they are from, which the recogniser
/// took as one name, is two mentions, the person and the organisation or
/// place after "of". "Governor of Tyumen Oblast", "Secretary of
/// Transportation": an office, no name; what it is the office of stays a
/// mention where the gazetteer knows it. (Runs before [`strip_titles`],
/// which would take the title off first.)
pub(super) fn split_offices(doc: &Document, gazetteer: &Gazetteer, cands: &mut Vec<Candidate>) {
    let capital = |i: usize| doc.token_text(i).chars().next().is_some_and(char::is_uppercase);
    let title = |i: usize| is_dropped_title(doc.token_text(i));
    let known = |words: &[&str]| gazetteer.whole(words);
    let mut extra = Vec::new();
    cands.retain_mut(|c| {
        if c.entry.is_some() || c.end - c.start < 3 {
            return true;
        }
        let Some(of) = (c.start + 1..c.end - 1).find(|&i| doc.token_text(i) == "of") else {
            return true;
        };
        let mut name = c.start;
        while name < of && title(name) {
            name += 1;
        }
        let mut right = of + 1;
        if doc.token_text(right).eq_ignore_ascii_case("the") {
            right += 1;
        }
        if right >= c.end || !capital(right) {
            return true;
        }
        let right_words: Vec<&str> = (right..c.end).map(|i| doc.token_text(i)).collect();
        if name == of {
            // Titles only before "of": an office.
            return match known(&right_words) {
                Some(entry) => {
                    *c = Candidate {
                        start: right,
                        end: c.end,
                        kind: gazetteer.entries[entry].kind,
                        entry: Some(entry),
                    };
                    true
                }
                None => false,
            };
        }
        let left_words: Vec<&str> = (name..of).map(|i| doc.token_text(i)).collect();
        let headed = |w: &&str| {
            ORG_HEADS.contains(w) || FAC_HEADS.contains(w) || LOC_HEADS.contains(w) || is_title(w)
        };
        let listed_person =
            |words: &[&str]| super::gazetteer::NAMES.whole(words) == Some(EntityKind::Person);
        let a_person = (2..=3).contains(&left_words.len())
            && (name..of).all(capital)
            && !left_words.iter().any(|w| headed(w) || is_common_word(w))
            && (c.kind == EntityKind::Person
                || name > c.start
                || c.start > 0 && title(c.start - 1)
                || listed_person(&left_words)
                || listed_person(&left_words[..1])
                || super::gazetteer::GIVEN_NAMES.contains(left_words[0]));
        if !a_person {
            return true;
        }
        let (kind, entry) = match known(&right_words) {
            Some(entry) => (gazetteer.entries[entry].kind, Some(entry)),
            None => (EntityKind::Org, None),
        };
        extra.push(Candidate { start: right, end: c.end, kind, entry });
        *c = Candidate { start: name, end: of, kind: EntityKind::Person, entry: None };
        true
    });
    cands.extend(extra);
}

/// "Elizabeth II", "Charles III", "Mohammed VI": a name (no dictionary
/// word) before a regnal number is a monarch's or a pope's name, the number in it (the
/// gazetteer's town "Elizabeth" or the recogniser's "Elizabeth" alone
/// is not what is meant); a royal or papal title before it is dropped, as
/// the number says who it is ("Queen Elizabeth II" is "Elizabeth II").
pub(super) fn regnal_names(doc: &Document, cands: &mut [Candidate]) {
    for c in cands.iter_mut() {
        let (Some(last), Some(next)) = (
            (c.end > c.start).then(|| doc.token_text(c.end - 1)),
            (c.end < doc.tokens.len()).then(|| doc.token_text(c.end)),
        ) else {
            continue;
        };
        // A name, not a word ("World War II", "Title IX", "Phase III").
        let named = !is_plain_word(last)
            && !is_common_word(last)
            && c.end - c.start <= 3
            && matches!(c.kind, EntityKind::Person | EntityKind::Gpe);
        let numbered = named && is_regnal_number(next);
        if !(numbered || c.kind == EntityKind::Person && is_regnal_number(last)) {
            continue;
        }
        if numbered {
            c.end += 1;
        }
        c.kind = EntityKind::Person;
        c.entry = None;
        while c.end - c.start > 2 && is_title(doc.token_text(c.start)) {
            c.start += 1;
        }
    }
}

/// "Real Madrid", "Bayern Munich", "Leeds United": a place's name with a
/// club's word before or after it (`club_words.txt`), or a team's plural
/// after it ("Los Angeles Lakers"), is a sports club, an organisation.
pub(super) fn sports_clubs(doc: &Document, gazetteer: &Gazetteer, cands: &mut [Candidate]) {
    let n = doc.tokens.len();
    let text = |a: usize, b: usize| (a..b).map(|i| doc.token_text(i)).collect::<Vec<_>>().join(" ");
    for c in cands.iter_mut() {
        // The recogniser's "person" "Inter Milan": a club's word and a
        // known place.
        if c.kind != EntityKind::Org
            && c.end - c.start >= 2
            && is_club_word(doc.token_text(c.start), false)
            && crate::places::is_known_place(&text(c.start + 1, c.end))
        {
            c.kind = EntityKind::Org;
            c.entry = None;
            continue;
        }
        if !matches!(c.kind, EntityKind::Gpe | EntityKind::Loc) {
            continue;
        }
        if c.start > 0 && is_club_word(doc.token_text(c.start - 1), false) {
            c.start -= 1;
        } else if c.end < n
            && (is_club_word(doc.token_text(c.end), true) || team_name(doc, gazetteer, c.end))
        {
            c.end += 1;
        } else {
            continue;
        }
        c.kind = EntityKind::Org;
        c.entry = None;
    }
}

/// Whether token `i`, after a place, names a team: a capitalised plural
/// ("Los Angeles Lakers", "New York Yankees") that is no place, no place's
/// head ("Golan Heights"), no people ("Texas Hispanics") and no listed
/// name ("Texas Democrats": the party's).
fn team_name(doc: &Document, gazetteer: &Gazetteer, i: usize) -> bool {
    let word = doc.token_text(i);
    doc.tokens[i].kind == TokenKind::Word
        && word.chars().count() >= 4
        && word.ends_with('s')
        && !word.ends_with("ss")
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && !LOC_HEADS.contains(&word)
        && !ORG_HEADS.contains(&word)
        && !crate::places::is_people_of_place(word)
        && !crate::places::is_known_place(word)
        && gazetteer.whole(&[word]).is_none()
        // "Windsor Locks, Connecticut": a town in its state.
        && !(i + 2 < doc.tokens.len()
            && doc.token_text(i + 1) == ","
            && crate::places::is_known_place(doc.token_text(i + 2)))
        && doc.tokens.get(i + 1).is_none_or(|t| {
            !doc.slice(t.span).starts_with(char::is_uppercase)
        })
}

/// "Frontex and the European Commission", "Rosneft and Gazprom": a one-word
/// "person" listed beside an organisation the lists or its head make sure
/// of is an organisation too, when the word is no listed given name and
/// no word of a person's full name in the article.
pub(super) fn coordinated_organisations(doc: &Document, cands: &mut [Candidate]) {
    let text = |i: usize| doc.token_text(i);
    let sure_org = |c: &Candidate| {
        c.kind == EntityKind::Org
            && (c.entry.is_some() || (c.start..c.end).any(|i| ORG_HEADS.contains(text(i))))
    };
    let in_full_names: rustc_hash::FxHashSet<&str> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Person && c.end - c.start >= 2)
        .flat_map(|c| (c.start..c.end).map(text))
        .collect();
    let lone_person = |c: &Candidate| {
        c.kind == EntityKind::Person
            && c.entry.is_none()
            && c.end - c.start == 1
            && !super::gazetteer::GIVEN_NAMES.contains(text(c.start))
            && !in_full_names.contains(text(c.start))
    };
    // Only "and", "or", "," or ", and" between them (and a "the" after).
    let joined = |a: &Candidate, b: &Candidate| {
        let mut end = b.start;
        if end > a.end && text(end - 1).eq_ignore_ascii_case("the") {
            end -= 1;
        }
        match end.checked_sub(a.end) {
            Some(1) => matches!(text(a.end), "and" | "or" | ","),
            Some(2) => text(a.end) == "," && text(a.end + 1) == "and",
            _ => false,
        }
    };
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| (cands[i].start, cands[i].end));
    let mut retype = Vec::new();
    for pair in order.windows(2) {
        let (a, b) = (&cands[pair[0]], &cands[pair[1]]);
        if a.end > b.start || !joined(a, b) {
            continue;
        }
        if sure_org(a) && lone_person(b) {
            retype.push(pair[1]);
        } else if sure_org(b) && lone_person(a) {
            retype.push(pair[0]);
        }
    }
    for i in retype {
        cands[i].kind = EntityKind::Org;
    }
}

/// "II" to "XXX": Roman numerals of two letters or more (a lone "I", "V"
/// or "X" is a word or a letter as often).
fn is_regnal_number(word: &str) -> bool {
    static REGNAL: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"^X{0,3}(IX|IV|VI{0,3}|I{1,3})$").expect("valid"));
    word.len() >= 2 && REGNAL.is_match(word)
}

/// Titles and offices the recogniser took into a person's name ("President
/// Donald Trump", "Health Minister Veronika Skvortsova", "State Mike
/// Pompeo" cut from "Secretary of State Mike Pompeo") are dropped from it
/// (they become its description); a "name" that is all title ("Deputy
/// Emergency Situations Minister") is no name. The titles are the
/// attribution lexicon's (`data/attribution/titles.txt`).
pub(super) fn strip_titles(doc: &Document, cands: &mut Vec<Candidate>) {
    let is_title = |i: usize| is_dropped_title(doc.token_text(i));
    cands.retain_mut(|c| {
        if c.entry.is_some() {
            return true;
        }
        if c.kind != EntityKind::Person {
            // "Defence Secretary", "Foreign Secretary" typed as anything:
            // an office, no name.
            return !(c.start..c.end).all(|i| is_title(i) || doc.token_text(i) == "of");
        }
        // "General Santos City": a name that ends in a political place's
        // head is that place, its first word no title.
        if GPE_HEADS.contains(&doc.token_text(c.end - 1)) && c.end - c.start >= 2 {
            c.kind = EntityKind::Gpe;
            return true;
        }
        let mut start = c.start;
        // "Secretary of State": "of" joins titles.
        let joined =
            |i: usize| i > c.start && i + 1 < c.end && doc.token_text(i) == "of" && is_title(i + 1);
        while start < c.end && (is_title(start) || joined(start)) {
            start += 1;
        }
        // "District Attorney Vance", "Police Commissioner Jane Roe": words
        // of the dictionary before a title are the office's too.
        if start == c.start {
            let office_end = (c.start..c.end)
                .take_while(|&i| is_title(i) || is_plain_word(doc.token_text(i)))
                .filter(|&i| is_title(i))
                .last();
            if let Some(j) = office_end.filter(|&j| j > c.start && j + 1 < c.end) {
                start = j + 1;
            }
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

pub(super) fn sentence_candidates(
    doc: &Document,
    forms: &Forms,
    range: std::ops::Range<usize>,
    model: &Model,
    gazetteer: &Gazetteer,
) -> Vec<Candidate> {
    let first = range.start;
    let words: Vec<&str> = range.clone().map(|i| doc.token_text(i)).collect();
    let tags: Vec<Upos> = range.clone().map(|i| doc.tokens[i].tag.unwrap_or(Upos::X)).collect();
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
    let gazetteers = ner::Gazetteers { listed: gazetteer, harvested: &super::gazetteer::NAMES };
    // The recogniser reads English: in a sentence mostly written in
    // another script (a quotation in Russian) every capital would look
    // like a name.
    let lettered = words.iter().filter(|w| w.chars().any(char::is_alphabetic));
    let foreign = lettered
        .clone()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).all(|c| c as u32 > 0x24F))
        .count();
    let spans = if foreign * 2 > lettered.count() {
        Vec::new()
    } else {
        let sentence = Sentence::new(&words, forms, range.clone());
        ner::recognize_sentence(
            model,
            gazetteers,
            &sentence,
            &tags.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
        )
    };
    for span in spans {
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
        let mut described = false;
        // A lower-case word inside a span ("Telegram channel Supernova
        // Plus") ends a descriptor: the name is what follows it.
        if let Some(k) = (s..e).rev().find(|&k| {
            let t = doc.token_text(k);
            t.chars().next().is_some_and(char::is_lowercase) && !GLUE.contains(&t)
        }) {
            s = k + 1;
            // What the descriptor leaves ("El Paso mayor, Dee Margo")
            // starts at its next name word.
            while s < e && trim(s) {
                s += 1;
            }
            described = true;
        }
        // A generational suffix alone ("Cyrus R. Vance, Jr.") is part of
        // the name before it, never a name of its own.
        if (s..e).all(|i| NAME_SUFFIXES.contains(&doc.token_text(i))) {
            continue;
        }
        // "Yemen-based Houthi", "Muslim-majority Mindanao": a name glued to
        // a lower-case word before a name modifies it ("Man-kei Tam" stays).
        let glued = |i: usize| is_glued_modifier(doc.token_text(i));
        if e > s + 1 && glued(s) {
            s += 1;
        }
        // A lone capitalised word opening the sentence is a name only when
        // the tagger says it is a proper noun ("Like ...").
        let opener = e - s == 1 && s == first && tags[0] != Upos::Propn;
        // "US-built", "Yemen-based": a name glued to a lower-case word is
        // a modifier, not a name.
        let modifier = e == s + 1 && glued(s);
        // One letter alone ("[S]evengill") is no name; the gazetteer's
        // one-letter names ("X") come with their own test above.
        let letter = e - s == 1 && doc.token_text(s).chars().count() == 1;
        // A plural acronym ("NGOs", "MPs", "IDPs") is a common noun.
        let plural_acronym = e - s == 1 && is_plural_acronym(doc.token_text(s));
        if s >= e
            || opener
            || modifier
            || letter
            || plural_acronym
            || (e - s == 1 && NOT_NAMES.contains(&doc.token_text(s)))
        {
            continue;
        }
        let overlapping: Vec<usize> =
            (0..gaz.len()).filter(|&g| gaz[g].start < e && s < gaz[g].end).collect();
        let listed =
            |a: usize, b: usize| overlapping.iter().any(|&g| gaz[g].start == a && gaz[g].end == b);
        // An office is no name; the person named after it is
        // (`read_office`).
        let sentence_end = first + words.len();
        let officer = match read_office(doc, first..sentence_end, s..e) {
            Office::Person(p) => {
                s = p;
                true
            }
            Office::Alone if ner::KINDS[span.kind] != "PERSON" => continue,
            Office::Alone | Office::None => false,
            Office::Title => continue,
        };
        // "Austrian, United Kingdom and New Zealand": listed names joined
        // by commas and "and" are each their own name.
        let separator = |i: usize| matches!(doc.token_text(i), "," | "and");
        let parts: Vec<(usize, usize)> = {
            let mut parts = Vec::new();
            let mut from = s;
            for i in s..=e {
                if i == e || separator(i) {
                    parts.push((from, i));
                    from = i + 1;
                }
            }
            parts
        };
        if parts.len() >= 2 && parts.iter().all(|&(a, b)| a < b && listed(a, b)) {
            continue;
        }
        // "US President Trump", "US Ambassador to ...": a listed name
        // before a title is the place the title is of, not an
        // organisation ("New York State law" keeps its name: no one is
        // named after "State").
        let mut untitled = e;
        while untitled > s && is_dropped_title(doc.token_text(untitled - 1)) {
            untitled -= 1;
        }
        let named_after = e < first + words.len()
            && (matches!(doc.token_text(e), "to" | "of" | ",")
                || doc.token_text(e).chars().next().is_some_and(char::is_uppercase));
        if untitled < e && untitled > s && named_after && listed(s, untitled) {
            continue;
        }
        let covered =
            (s..e).all(|i| overlapping.iter().any(|&g| gaz[g].start <= i && i < gaz[g].end));
        if covered {
            continue;
        }
        let crossing = overlapping.iter().any(|&g| gaz[g].start < s || gaz[g].end > e);
        // "[South Carolina Governor Henry McMaster]": a title inside the
        // span before a given name and a family name starts the person's
        // name (the place before it is listed on its own).
        if let Some(j) = (s + 1..e.saturating_sub(2)).rev().find(|&j| {
            let title = doc.token_text(j);
            is_dropped_title(title)
                && title.chars().next().is_some_and(char::is_uppercase)
                && super::gazetteer::GIVEN_NAMES.contains(doc.token_text(j + 1))
        }) {
            s = j + 1;
            described = true;
        }
        let mut kind = ner_kind(doc, s, e, span.kind);
        if officer {
            kind = EntityKind::Person;
        }
        // The recogniser typed the whole span, descriptor included; a name
        // after the descriptor that opens with a given name is a person's.
        if described
            && kind == EntityKind::Org
            && (2..=3).contains(&(e - s))
            && super::gazetteer::GIVEN_NAMES.contains(doc.token_text(s))
            && (s..e).all(|i| doc.token_text(i).chars().next().is_some_and(char::is_uppercase))
            && !(s..e).any(|i| ORG_HEADS.contains(&doc.token_text(i)))
        {
            kind = EntityKind::Person;
        }
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
            // the name where the recogniser stopped before them, and the
            // particle and the capitalised word before it where it started
            // after them.
            let end_of_sentence = first + words.len();
            let capitalised = |w: Option<&str>| {
                w.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
            };
            while s >= first + 2
                && NAME_PARTICLES.contains(&doc.token_text(s - 1))
                && capitalised(Some(doc.token_text(s - 2)))
            {
                s -= 2;
            }
            loop {
                let next = (e < end_of_sentence).then(|| doc.token_text(e));
                let after = (e + 1 < end_of_sentence).then(|| doc.token_text(e + 1));
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
                // "MSNBC and CBS Radio": what follows a listed name starts
                // at its next capitalised word.
                while s < e && !capitalised(Some(doc.token_text(s))) {
                    s += 1;
                }
            }
            if s >= e {
                continue;
            }
            // Titles alone name no one; a party or nation word last
            // ("State Democrat", "Radical Left Democrats": the listed
            // group, or a listed organisation in the plural) is the
            // group, not a person.
            let last = doc.token_text(e - 1);
            let group_last = gazetteer.names_one_word_as(last, EntityKind::Norp)
                || last.ends_with('s') && gazetteer.names_one_word_as(last, EntityKind::Org);
            if (s..e).all(|i| is_title(doc.token_text(i))) || group_last {
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
            && tags[e] == Upos::Propn
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
    type_listed_organisations(&words, first, &mut out);
    add_journals(&words, first, &mut out);
    add_roads(&words, first, &mut out);
    add_provisions(&words, first, &mut out);
    add_quoted_works(&words, first, &mut out);
    // "in Magnitogorsk": a place the GeoNames gazetteer knows, written
    // after a word that puts something there, where the recogniser found
    // nothing.
    for (s, e) in crate::places::located_names(&words, &tags) {
        let (s, e) = (first + s, first + e);
        if !out.iter().any(|c| c.start < e && s < c.end) {
            out.push(Candidate { start: s, end: e, kind: EntityKind::Gpe, entry: None });
        }
    }
    // "Londoners", "New Yorkers": the people of a place the gazetteer
    // knows, where the recogniser found no name there or only a piece.
    for k in 0..words.len() {
        let capital = |i: usize| words[i].chars().next().is_some_and(char::is_uppercase);
        if !capital(k) || !crate::places::has_people_suffix(words[k]) {
            continue;
        }
        let two = (k > 0 && capital(k - 1) && !NOT_NAMES.contains(&words[k - 1])).then(|| k - 1);
        let found = two
            .into_iter()
            .chain([k])
            .find(|&from| crate::places::is_people_of_place(&words[from..=k].join(" ")));
        if let Some(from) = found {
            let (s, e) = (first + from, first + k + 1);
            let listed = out.iter().any(|c| c.start == s && c.end == e && c.entry.is_some());
            if !listed
                && !out.iter().any(|c| c.start < e && s < c.end && (c.start < s || c.end > e))
            {
                out.retain(|c| !(s <= c.start && c.end <= e));
                out.push(Candidate { start: s, end: e, kind: EntityKind::Norp, entry: None });
            }
        }
    }
    out
}

/// What an office makes of a recognised span ([`read_office`]).
enum Office {
    /// No office in the span.
    None,
    /// A title with no name after it that may still end a person's name
    /// ("Mike Judge": a given name right before it): a person stays,
    /// anything else is no name.
    Alone,
    /// An office and nothing else ("El Paso City Councillor", "Samoan
    /// Prime Minister"): no name at all.
    Title,
    /// The person named after the office starts at this token.
    Person(usize),
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// "Republican Senate Majority Leader", "El Paso City Councillor",
/// "Democratic Speaker of the House Nancy Pelosi": an office is no
/// organisation, place or person; the name after it, or after the one
/// word the office is of, is the person. The recogniser may also start
/// the span at the office's object ("Speaker of the [House Nancy
/// Pelosi]"). Listed names inside the span stay (the caller keeps the
/// gazetteer's); an organisation's head keeps "Office of the President",
/// and a possessive "Alachua Sheriff's Office" (joined later). Title words
/// that only come before a title (`OFFICE_PARTS`: "New York State") end
/// no office.
fn read_office(
    doc: &Document,
    sentence: std::ops::Range<usize>,
    span: std::ops::Range<usize>,
) -> Office {
    let (s, e) = (span.start, span.end);
    let text = |i: usize| doc.token_text(i);
    let possessive = e < sentence.end && matches!(text(e), "'s" | "’s");
    if possessive || (s..e).any(|i| ORG_HEADS.contains(&text(i))) {
        return Office::None;
    }
    // "General Santos City": a place named after a title.
    if GPE_HEADS.contains(&text(e - 1)) && (s..e).all(|i| text(i) != "of") {
        return Office::None;
    }
    let title_word = |i: usize| {
        capitalised(text(i)) && is_dropped_title(text(i)) && !OFFICE_PARTS.contains(&text(i))
    };
    let given = |i: usize| super::gazetteer::GIVEN_NAMES.contains(text(i));
    let of_at = if s > sentence.start && text(s - 1) == "the" { s - 1 } else { s };
    let object_first = of_at >= sentence.start + 2
        && text(of_at - 1) == "of"
        && title_word(of_at - 2)
        && e >= s + 3
        && (s + 1..e).all(|i| capitalised(text(i)));
    if object_first {
        return Office::Person(s + 1);
    }
    // A title that ends the span or is "of" something.
    let Some(j) = (s..e).find(|&i| title_word(i) && (i + 1 == e || text(i + 1) == "of")) else {
        return Office::None;
    };
    let after_object = (j + 2 < e && text(j + 1) == "of").then(|| {
        let object = if text(j + 2) == "the" { j + 3 } else { j + 2 };
        object + 1
    });
    let named = (j + 1..e.saturating_sub(1))
        .find(|&p| given(p) && capitalised(text(p + 1)))
        .or(after_object.filter(|&p| p + 2 <= e && (p..e).all(|i| capitalised(text(i)))));
    match named {
        Some(p) => Office::Person(p),
        None if j + 1 == e && (e - s == 1 || !given(e - 2)) => Office::Title,
        None => Office::Alone,
    }
}

/// "Interstate 75", "Highway 401": a road word and its number (and a
/// capitalised word or two before it, not the sentence's first) are a
/// facility, where nothing else was found there.
fn add_roads(words: &[&str], first: usize, out: &mut Vec<Candidate>) {
    for k in 0..words.len().saturating_sub(1) {
        let number = words[k + 1].chars().next().is_some_and(|c| c.is_ascii_digit())
            && words[k + 1].chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !ROAD_WORDS.contains(&words[k]) || !number {
            continue;
        }
        let mut start = k;
        while start > 1
            && k - start < 2
            && words[start - 1].chars().next().is_some_and(char::is_uppercase)
        {
            start -= 1;
        }
        let (s, e) = (first + start, first + k + 2);
        if !out.iter().any(|c| c.start < e && s < c.end) {
            out.push(Candidate { start: s, end: e, kind: EntityKind::Fac, entry: None });
        }
    }
}

/// "Article 50", "Section 230", "Resolution 2334": a capitalised word of
/// `law_parts.txt` and its number name a provision of a law or a
/// resolution (OTHER, as laws are), where nothing else was found there.
fn add_provisions(words: &[&str], first: usize, out: &mut Vec<Candidate>) {
    for k in 0..words.len().saturating_sub(1) {
        let number = words[k + 1].chars().next().is_some_and(|c| c.is_ascii_digit())
            && words[k + 1].chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
        if !number || !LAW_PARTS.contains(&words[k]) {
            continue;
        }
        let (s, e) = (first + k, first + k + 2);
        if !out.iter().any(|c| c.start < e && s < c.end) {
            out.push(Candidate { start: s, end: e, kind: EntityKind::Other, entry: None });
        }
    }
}

/// 'the book "Fire and Fury"', 'the film "The Irishman"': a title in
/// quotation marks right after a noun of works (`work_nouns.txt`), opening
/// on a capital, is a work (OTHER); names found inside it are the title's
/// words.
fn add_quoted_works(words: &[&str], first: usize, out: &mut Vec<Candidate>) {
    const LONGEST: usize = 12;
    for k in 0..words.len().saturating_sub(2) {
        if !WORK_NOUNS.contains(&words[k]) || !matches!(words[k + 1], "\"" | "“" | "``") {
            continue;
        }
        let open = k + 2;
        let Some(close) = (open..words.len().min(open + LONGEST))
            .find(|&i| matches!(words[i], "\"" | "”" | "''"))
        else {
            continue;
        };
        if close == open || !words[open].starts_with(char::is_uppercase) {
            continue;
        }
        // A title ends before the comma or stop printed inside the marks.
        let end = if matches!(words[close - 1], "," | ".") { close - 1 } else { close };
        let (s, e) = (first + open, first + end);
        if s < e {
            out.retain(|c| c.end <= s || c.start >= e);
            out.push(Candidate { start: s, end: e, kind: EntityKind::Other, entry: None });
        }
    }
}

/// "published a study in Scientific Reports", "published on Wednesday in
/// Science Advances": the capitalised words right after "in", a few words
/// after "published", name a journal, an organisation, where the
/// recogniser found nothing there.
fn add_journals(words: &[&str], first: usize, out: &mut Vec<Candidate>) {
    let capital =
        |i: usize| words.get(i).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    for k in 1..words.len() {
        let published =
            (k.saturating_sub(5)..k).any(|i| words[i].eq_ignore_ascii_case("published"));
        if words[k] != "in" || !published {
            continue;
        }
        let start = if words.get(k + 1) == Some(&"the") { k + 2 } else { k + 1 };
        let end = (start..words.len()).take_while(|&i| capital(i)).count() + start;
        let (s, e) = (first + start, first + end);
        if e > s && !out.iter().any(|c| c.start < e && s < c.end) {
            out.push(Candidate { start: s, end: e, kind: EntityKind::Org, entry: None });
        }
    }
}

/// "German firms including Deutsche Bahn, Daimler, and Siemens",
/// "banks such as HSBC and Barclays": the names listed after a plural
/// organisation noun and "including", "such as" or "like" are
/// organisations, the recogniser's or runs of capitalised words it missed.
/// (A singular noun is often not the head: "leaders of his party such as
/// Bernie Sanders".)
fn type_listed_organisations(words: &[&str], first: usize, out: &mut Vec<Candidate>) {
    let org_noun = |w: &str| {
        w.strip_suffix("ies").is_some_and(|stem| is_org_noun(&format!("{stem}y")))
            || w.strip_suffix('s').is_some_and(is_org_noun)
    };
    let capital = |i: usize| words[i].chars().next().is_some_and(char::is_uppercase);
    for k in 1..words.len() {
        let listing = match words[k] {
            "including" | "like" => Some(k + 1),
            "such" if words.get(k + 1) == Some(&"as") => Some(k + 2),
            _ => None,
        };
        let Some(mut at) = listing else { continue };
        let noun = if words[k - 1] == "," { k.checked_sub(2) } else { Some(k - 1) };
        if !noun.is_some_and(|n| org_noun(words[n])) {
            continue;
        }
        while at < words.len() {
            if let Some(c) = out.iter_mut().find(|c| c.start == first + at) {
                if c.entry.is_none() {
                    c.kind = EntityKind::Org;
                }
                at = c.end - first;
            } else if capital(at)
                && !is_common_word(words[at])
                && !out.iter().any(|c| c.start <= first + at && first + at < c.end)
            {
                let end =
                    (at..words.len()).take_while(|&i| capital(i)).last().map_or(at, |i| i + 1);
                if out.iter().any(|c| c.start < first + end && first + at < c.end) {
                    break;
                }
                out.push(Candidate {
                    start: first + at,
                    end: first + end,
                    kind: EntityKind::Org,
                    entry: None,
                });
                at = end;
            } else {
                break;
            }
            while at < words.len() && matches!(words[at], "," | "and" | "or") {
                at += 1;
            }
        }
    }
}

/// Runs of capitalised words that hold an organisation word ("Ford Motor
/// Company", "United States Department of Justice") or end in a facility
/// word are names of that type even where the recognizer missed them; a
/// country or nationality right before an organisation belongs to it.
pub(super) fn add_headed_names(
    words: &[&str],
    tags: &[Upos],
    first: usize,
    out: &mut Vec<Candidate>,
    gaz: &mut Vec<Candidate>,
) {
    let n = words.len();
    let capital = |i: usize| {
        words[i].chars().next().is_some_and(char::is_uppercase)
            && (tags[i] == Upos::Propn
                || (i > 0 && matches!(tags[i], Upos::Adj | Upos::Noun | Upos::Verb | Upos::Num)))
    };
    // The sentence's first word, capitalised for its place whatever it
    // is, starts a name only when capitalised words after it end in an
    // organisation's head ("American Airlines cancelled ...", "United
    // Airlines said ..."), where the tagger reads it as an adjective or
    // a verb.
    let opens_headed = || {
        let mut e = 1;
        while e < n && capital(e) {
            e += 1;
        }
        n > 1
            && e > 1
            && e <= 4
            && words[0].chars().next().is_some_and(char::is_uppercase)
            && matches!(tags[0], Upos::Adj | Upos::Noun | Upos::Verb)
            // "Proroguing Parliament is ...": a verb in -ing acts on the
            // organisation.
            && !(tags[0] == Upos::Verb && words[0].ends_with("ing"))
            && ORG_HEADS.contains(&words[e - 1])
    };
    let mut k = 0;
    while k < n {
        if !(capital(k) || k == 0 && opens_headed()) {
            k += 1;
            continue;
        }
        let mut e = k + 1;
        loop {
            if e < n && capital(e) {
                e += 1;
            } else if e + 1 < n
                && matches!(words[e], "of" | "and" | "for" | "&")
                && capital(e + 1)
                // "the Free Syrian Army and Kurdish YPG fighters": after an
                // organisation's head, "and" starts another name.
                && !(words[e] == "and" && e - k >= 2 && ORG_HEADS.contains(&words[e - 1]))
            {
                e += 2;
            } else if e + 1 < n
                && words[e] == "the"
                && words[e + 1] != "The"
                && capital(e + 1)
                && (k..e).any(|i| words[i] == "of")
            {
                // "the Cathedral of Christ the Light".
                e += 2;
            } else {
                break;
            }
        }
        // "the European Commission and European leaders": after "and", an
        // adjective before a lower-case noun modifies that noun; the name
        // ends before "and".
        if e < n
            && e - k >= 3
            && words[e - 2] == "and"
            && tags[e - 1] == Upos::Adj
            && words[e].chars().next().is_some_and(char::is_lowercase)
            && tags[e] == Upos::Noun
        {
            e -= 2;
        }
        let next = e;
        let mut s = k;
        // "Monday Ford Motor Company": a word that is no name on its own
        // opens none, unless it heads one with "of" ("Court of Session",
        // "Parliament of Canada"; not "the People's Party of Canada").
        while s < e
            && NOT_NAMES.contains(&words[s])
            && !(ORG_HEADS.contains(&words[s])
                && words.get(s + 1) == Some(&"of")
                && !(s > 0 && matches!(words[s - 1], "'s" | "’s")))
        {
            s += 1;
        }
        // "United States-led Iraq War": what leads up to a word glued to
        // a common lower-case one modifies the name after it.
        if let Some(g) = (s..e).rev().find(|&i| is_glued_modifier(words[i])) {
            s = g + 1;
        }
        // "a Member of Parliament": one of an organisation, no name.
        let member_of = e - s == 3
            && words[s + 1] == "of"
            && ORG_HEADS.contains(&words[s + 2])
            && (MEMBER_NOUNS.contains(&words[s]) || is_title(words[s]));
        let kind = if e - s < 2 || member_of {
            None
        } else if is_event_name(&words[s..e]) {
            Some(EntityKind::Event)
        } else if FAC_HEADS.contains(&words[e - 1]) {
            Some(EntityKind::Fac)
        } else if is_product_name(&words[s..e]) {
            Some(EntityKind::Product)
        } else if is_law_name(&words[s..e]) {
            Some(EntityKind::Other)
        } else if (s..e).any(|i| AWARD_HEADS.contains(&words[i])) {
            // "Nobel Peace Prize", "Academy Awards": an award, though an
            // organisation or a person gives it its name.
            Some(EntityKind::Other)
        } else if (s..e).any(|i| ORG_HEADS.contains(&words[i])) {
            Some(EntityKind::Org)
        } else if e - s == 2 && GPE_HEADS.contains(&words[e - 1]) {
            // "Lake County", "Orange County".
            Some(EntityKind::Gpe)
        } else if e - s == 2
            && (LOC_HEADS.contains(&words[e - 1]) || LOC_HEADS.contains(&words[s]))
            && !(s..e).any(|i| is_title(words[i]))
            // A town in its state: "Chippewa Falls, Wisconsin".
            && !(e + 1 < n
                && words[e] == ","
                && crate::places::is_known_place(words[e + 1]))
        {
            // "Mount Everest", "Yangtze River", "Lake Victoria".
            Some(EntityKind::Loc)
        } else if (s..e).any(|i| FAC_HEADS.contains(&words[i]) && words.get(i + 1) == Some(&"of"))
            && !is_title(words[e - 1])
            && !out
                .iter()
                .any(|c| c.kind == EntityKind::Org && c.start >= first + s && c.end <= first + e)
        {
            // "the Rock and Roll Hall of Fame", "the Palace of Westminster":
            // a facility's head with "of" and its name after it (an
            // institution the recogniser read, "the Museum of Modern Art",
            // stays one).
            Some(EntityKind::Fac)
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
pub(super) fn ner_kind(doc: &Document, start: usize, end: usize, kind: usize) -> EntityKind {
    let last = doc.token_text(end - 1);
    // "Londoners", "New Yorkers": the people of a place.
    let text: Vec<&str> = (start..end).map(|i| doc.token_text(i)).collect();
    if crate::places::is_people_of_place(&text.join(" ")) {
        return EntityKind::Norp;
    }
    if is_event_name(&text) {
        return EntityKind::Event;
    }
    if is_law_name(&text) {
        return EntityKind::Other;
    }
    // "in Windsor Locks, Connecticut", "the port town of Mokha, Yemen": a
    // name put somewhere and followed by the state or country it lies in
    // is a place; so is a known place followed by it.
    let located =
        start.checked_sub(1).is_some_and(|p| PLACE_PREPOSITIONS.contains(&doc.token_text(p)));
    let in_known_place = end + 1 < doc.tokens.len()
        && doc.token_text(end) == ","
        && (1..=2).any(|k| {
            end + 1 + k <= doc.tokens.len()
                && crate::places::is_known_place(
                    &(end + 1..end + 1 + k)
                        .map(|i| doc.token_text(i))
                        .collect::<Vec<_>>()
                        .join(" "),
                )
                && doc
                    .tokens
                    .get(end + 1 + k)
                    .is_none_or(|t| !doc.slice(t.span).starts_with(['\'', '’']))
        });
    // ("returned home El Paso, Texas": no preposition.) A country alone
    // after the comma, the clause going on after it, puts any name that
    // does not open on a given name ("struck Surigao del Sur, Philippines,
    // injuring ...").
    let known = || crate::places::is_known_place(&text.join(" "));
    let in_country = || {
        end + 2 < doc.tokens.len()
            && doc.token_text(end) == ","
            && crate::places::is_country(doc.token_text(end + 1))
            && match doc.token_text(end + 2) {
                "." | ";" | ")" => true,
                // Not a list ("Macron, France, and Germany").
                "," => doc.tokens.get(end + 3).is_some_and(|t| {
                    let next = doc.slice(t.span);
                    next.starts_with(char::is_lowercase) && !matches!(next, "and" | "or")
                }),
                _ => false,
            }
            && !super::gazetteer::GIVEN_NAMES.contains(text[0])
    };
    if (located || known() || in_country())
        && in_known_place
        && !(start..end).any(|i| ORG_HEADS.contains(&doc.token_text(i)))
    {
        return EntityKind::Gpe;
    }
    if FAC_HEADS.contains(&last) && end - start > 1 {
        return EntityKind::Fac;
    }
    if is_product_name(&text) {
        return EntityKind::Product;
    }
    if (start..end).any(|i| ORG_HEADS.contains(&doc.token_text(i))) && end - start > 1 {
        return EntityKind::Org;
    }
    // "Lake County", "County Meath", "Province of Quebec": a division of a
    // country, by its head at either end (before "Lake" or "Mount" at the
    // start says a natural place).
    let first = doc.token_text(start);
    if end - start > 1 && (GPE_HEADS.contains(&last) || GPE_HEADS.contains(&first)) {
        return EntityKind::Gpe;
    }
    if LOC_HEADS.contains(&last) || (end - start > 1 && LOC_HEADS.contains(&first)) {
        return EntityKind::Loc;
    }
    // "the province of Banten", "the island of Rapa Nui": the place the
    // noun before "of" says it is.
    if start >= 2 && doc.token_text(start - 1) == "of" {
        let noun = doc.token_text(start - 2);
        let noun_is = |heads: &WordSet| heads.iter().any(|h| h.eq_ignore_ascii_case(noun));
        if noun.starts_with(char::is_lowercase) {
            if noun_is(&PLACE_NOUNS) {
                return EntityKind::Gpe;
            }
            // (A known place keeps its type: "the island of Majorca".)
            if noun_is(&LOC_HEADS) && !known() {
                return EntityKind::Loc;
            }
        }
    }
    let prev = start.checked_sub(1).map(|p| doc.token_text(p).to_lowercase());
    if prev.as_deref().is_some_and(|p| ORG_NOUNS.contains(&p)) {
        return EntityKind::Org;
    }
    // "the album Wheels of Fire", "the comedy Pillow Talk": a work.
    if prev.as_deref().is_some_and(|p| WORK_NOUNS.contains(&p)) {
        return EntityKind::Other;
    }
    // "published (on Wednesday) in Science Advances": a journal.
    let published = start >= 2
        && doc.token_text(start - 1) == "in"
        && (start.saturating_sub(5)..start - 1)
            .any(|i| doc.token_text(i).eq_ignore_ascii_case("published"));
    if published {
        return EntityKind::Org;
    }
    // "PolitiFact", "NationsBank", "JetBlue": a capital inside one word
    // names a company or a product, not a person ("DeSantis", "McAfee",
    // "LaGuardia" are name prefixes).
    if end - start == 1 && ner::KINDS[kind] == "PERSON" && inner_capital(doc.token_text(start)) {
        return EntityKind::Org;
    }
    // "Al Gore", "Rosa Parks" read as a place: a given name and a family
    // name ("Kevin Durham": a family name may be a town's), with no place
    // first, no country after ("Paris Métro", "Roman Egypt"), no known
    // place after a comma ("Karol Bagh, New Delhi") and no place noun
    // after it ("the Karol Bagh area"), is a person.
    if ner::KINDS[kind] == "PLACE"
        && (2..=3).contains(&(end - start))
        && super::gazetteer::GIVEN_NAMES.contains(text[0])
        && text[1..].iter().all(|w| capitalised(w) && !is_common_word(w))
        && !in_known_place
        && !doc.tokens.get(end).is_some_and(|t| PLACE_NOUNS.contains(&doc.slice(t.span)))
        && !known()
        && !crate::places::is_known_place(text[0])
        && !text[1..].iter().any(|w| crate::places::is_country(w))
    {
        return EntityKind::Person;
    }
    match ner::KINDS[kind] {
        // "Grateful Dead", "Worldwide Diving Adventures", "Vessel Tracker":
        // a name made only of plain dictionary words is no person's; an
        // organisation is the likeliest thing it names.
        "PERSON"
            if end - start > 1
                && text.iter().all(|w| is_plain_word(w) && !is_title(w))
                && !is_title(&text.join(" ")) =>
        {
            EntityKind::Org
        }
        "PERSON" => EntityKind::Person,
        "ORG" => EntityKind::Org,
        // "at Old Trafford", "at the Santiago Bernabeu", "at Camp David":
        // a place of several words that no gazetteer knows, where things
        // happen "at", is a venue (towns and countries are "in").
        _ if end - start > 1 && venue_before(doc, start) && !known() => EntityKind::Fac,
        _ => EntityKind::Gpe,
    }
}

/// Whether the words before token `start` are "at" or "at the": where a
/// venue is named.
fn venue_before(doc: &Document, start: usize) -> bool {
    let before = |k: usize| start.checked_sub(k).map(|i| doc.token_text(i));
    before(1) == Some("at")
        || before(1).is_some_and(|w| w.eq_ignore_ascii_case("the")) && before(2) == Some("at")
}

/// Whether token `i` opens a sentence, a quotation or what follows a
/// colon or a dash: where a common word is capitalised for its place.
fn opens(doc: &Document, sentence_starts: &[bool], i: usize) -> bool {
    sentence_starts[i]
        || i.checked_sub(1).is_some_and(|p| {
            matches!(doc.token_text(p), "\"" | "“" | "‘" | "'" | "«" | "``" | ":" | "—" | "–" | "(")
        })
}

/// "Usman Khan was released": a capitalised word opening the sentence
/// right before a person's name of one or two words, which the recogniser
/// left out (its capital says nothing there, and the tagger may read it
/// as an adjective), is the person's given name, when it is no word of
/// the dictionaries, no title and no listed name ("Russian", "Former" and
/// "Yesterday" stay out).
pub(super) fn given_names_opening_sentences(
    doc: &Document,
    gazetteer: &Gazetteer,
    cands: &mut [Candidate],
) {
    for sentence in &doc.sentences {
        let first = sentence.tokens.start;
        if sentence.tokens.len() < 3 || cands.iter().any(|c| c.start <= first && first < c.end) {
            continue;
        }
        let word = doc.token_text(first);
        let name_like = doc.tokens[first].kind == TokenKind::Word
            && word.chars().count() >= 3
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase)
            && !is_common_word(word)
            && !is_plain_word(word)
            && !is_title(word)
            && !is_dropped_title(word)
            && !NOT_NAMES.contains(&word)
            && gazetteer.whole(&[word]).is_none()
            && !matches!(
                doc.tokens[first].tag,
                Some(Upos::Det | Upos::Adv | Upos::Verb | Upos::Aux | Upos::Adp | Upos::Pron)
            );
        if !name_like {
            continue;
        }
        if let Some(c) = cands.iter_mut().find(|c| {
            c.start == first + 1
                && c.kind == EntityKind::Person
                && c.entry.is_none()
                && c.end - c.start <= 2
        }) {
            c.start = first;
        }
    }
}

/// "He met Ahmad in Kabul", "Afghan Ahmad spoke": a listed given name
/// alone inside a sentence (not its first word, no capitalised word right
/// after it, none before it but a group's adjective), that the recogniser
/// left out, is a person, when it is no word of the dictionaries and no
/// listed place or organisation.
pub(super) fn lone_given_names(doc: &Document, gazetteer: &Gazetteer, cands: &mut Vec<Candidate>) {
    let text = |i: usize| doc.token_text(i);
    let capital = |i: usize| text(i).chars().next().is_some_and(char::is_uppercase);
    let covered = covered_tokens(doc, cands);
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let range = sentence.tokens.clone();
        for i in range.start + 1..range.end {
            let word = text(i);
            if !super::gazetteer::GIVEN_NAMES.contains(word)
                || doc.tokens[i].kind != TokenKind::Word
                || covered.get(i) == Some(&true)
                || i + 1 < range.end && capital(i + 1)
                || is_common_word(word)
                || is_plain_word(word)
                || NOT_NAMES.contains(&word)
                || gazetteer.whole(&[word]).is_some()
                || matches!(text(i - 1), "\"" | "“" | "‘" | "'" | "«" | ":" | "—" | "–" | "(")
            {
                continue;
            }
            let after_group = cands.iter().any(|c| c.end == i && c.kind == EntityKind::Norp);
            // Not part of a longer name or title: "Secretary of Justice",
            // "Minister for Justice", "Sylvester the Cat", "the Clyde",
            // "Saint-Gaudens", "Jamal al-Harbi", "Pasquale \"Pat\"",
            // nor one of a list of places ("Madrid, Carmen, Lanuza").
            let next = if i + 1 < range.end { text(i + 1) } else { "." };
            let bound = matches!(text(i - 1), "of" | "the" | "a" | "an" | "[" | "]")
                || text(i - 1) == "for" && i >= 2 && capital(i - 2)
                || matches!(next, "of" | "the" | "]" | "\"" | "“" | "-" | "–")
                || next.starts_with("al-")
                || next.starts_with("el-");
            let beside_place = cands.iter().any(|c| {
                c.kind != EntityKind::Person
                    && (c.end + 1 == i && text(i - 1) == "," || c.start == i + 2 && next == ",")
            });
            if capital(i - 1) && !after_group || word.chars().count() < 3 || bound || beside_place {
                continue;
            }
            found.push(Candidate { start: i, end: i + 1, kind: EntityKind::Person, entry: None });
        }
    }
    cands.extend(found);
}

/// "the photographer Walter Munk died": a listed given name and one
/// capitalised word after it that the recogniser left out are a person's
/// full name, when the second word is a proper noun, no word of the
/// dictionaries, no head of an organisation, place or facility, and no
/// listed name, and neither word is part of a longer capitalised run
/// ("Walter Reed Medical Center") or follows "the", "a" or "of".
pub(super) fn unrecognised_full_names(
    doc: &Document,
    gazetteer: &Gazetteer,
    cands: &mut Vec<Candidate>,
) {
    let text = |i: usize| doc.token_text(i);
    let capital = |i: usize| text(i).chars().next().is_some_and(char::is_uppercase);
    let covered = covered_tokens(doc, cands);
    let heads = [&ORG_HEADS, &GPE_HEADS, &LOC_HEADS, &FAC_HEADS];
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let range = sentence.tokens.clone();
        for i in range.start..range.end.saturating_sub(1) {
            let (given, family) = (text(i), text(i + 1));
            let word = |k: usize| doc.tokens[k].kind == TokenKind::Word;
            // Cheap tests first: most tokens are no given name.
            if covered[i]
                || covered[i + 1]
                || !word(i)
                || !super::gazetteer::GIVEN_NAMES.contains(given)
                || matches!(
                    doc.tokens[i].tag,
                    Some(
                        Upos::Det
                            | Upos::Adp
                            | Upos::Pron
                            | Upos::Adv
                            | Upos::Aux
                            | Upos::Cconj
                            | Upos::Sconj
                            | Upos::Part
                    )
                )
                || i > range.start
                    && (capital(i - 1) || matches!(text(i - 1), "the" | "a" | "an" | "of"))
                || i + 2 < range.end && capital(i + 2)
            {
                continue;
            }
            let surname_like = word(i + 1)
                && doc.tokens[i + 1].tag == Some(Upos::Propn)
                && family.chars().count() >= 2
                && family.chars().skip(1).all(|c| c.is_lowercase() || c == '-' || c == '\'')
                && capital(i + 1)
                && !is_common_word(family)
                && !is_plain_word(family)
                && !NOT_NAMES.contains(&family)
                && !is_title(family)
                && heads.iter().all(|h| !h.contains(&family))
                && gazetteer.whole(&[family]).is_none();
            if !surname_like || gazetteer.whole(&[given, family]).is_some() {
                continue;
            }
            found.push(Candidate { start: i, end: i + 2, kind: EntityKind::Person, entry: None });
        }
    }
    cands.extend(found);
}

/// "The attacker exited the Hall" after "Fishmongers' Hall": a facility's
/// head alone after "the" is a facility (the recogniser may read a
/// surname), when a facility of the article ends in it; merging makes it
/// that one.
pub(super) fn facility_heads_alone(doc: &Document, cands: &mut [Candidate]) {
    let ends: Vec<&str> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Fac && c.end - c.start >= 2)
        .map(|c| doc.token_text(c.end - 1))
        .collect();
    if ends.is_empty() {
        return;
    }
    for c in cands.iter_mut() {
        let word = doc.token_text(c.start);
        if c.end - c.start == 1
            && c.entry.is_none()
            && c.start > 0
            && doc.token_text(c.start - 1).eq_ignore_ascii_case("the")
            && FAC_HEADS.contains(&word)
            && ends.contains(&word)
        {
            c.kind = EntityKind::Fac;
        }
    }
}

/// "Spheniscus magellanicus", "Caudipteryx zoui": a capitalised word
/// before a lower-case Latin epithet that is no English word is a genus,
/// no name; so is the genus alone elsewhere in the article ("in
/// Caudipteryx, ...").
pub(super) fn drop_taxa(doc: &Document, cands: &mut Vec<Candidate>) {
    const ENDINGS: [&str; 7] = ["us", "um", "ae", "is", "a", "i", "ensis"];
    let epithet = |word: &str| {
        word.len() >= 4
            && word.chars().all(|c| c.is_ascii_lowercase())
            && ENDINGS.iter().any(|e| word.ends_with(e))
            && !is_plain_word(word)
            && !is_common_word(word)
    };
    let genera: Vec<&str> = cands
        .iter()
        .filter(|c| c.entry.is_none() && c.end - c.start == 1)
        .filter(|c| doc.tokens.get(c.end).is_some_and(|t| epithet(doc.slice(t.span))))
        .map(|c| doc.token_text(c.start))
        .collect();
    if !genera.is_empty() {
        cands.retain(|c| {
            c.entry.is_some() || c.end - c.start != 1 || !genera.contains(&doc.token_text(c.start))
        });
    }
}

/// "The Kīlauea volcano", "the Yangtze river": a name before a lower-case
/// head of a non-political place (`loc_heads.txt`) is that place, where
/// the recogniser took it for a person or an organisation; a "person" of
/// two words or more before a facility's head (`fac_heads.txt`) is that
/// facility ("the Notre Dame cathedral").
pub(super) fn places_before_a_head(doc: &Document, cands: &mut [Candidate]) {
    for c in cands.iter_mut() {
        if c.entry.is_some() || !matches!(c.kind, EntityKind::Person | EntityKind::Org) {
            continue;
        }
        let Some(next) = doc.tokens.get(c.end).map(|t| doc.slice(t.span)) else { continue };
        let head = |heads: &WordSet| {
            next.starts_with(char::is_lowercase)
                && heads.iter().any(|h| h.eq_ignore_ascii_case(next))
        };
        if head(&LOC_HEADS) {
            c.kind = EntityKind::Loc;
        } else if c.kind == EntityKind::Person && c.end - c.start >= 2 && head(&FAC_HEADS) {
            // "Notre Dame cathedral": a "person" of two words or more
            // before a facility's head names it (an organisation before
            // one, "a Boeing plant", stays what it is).
            c.kind = EntityKind::Fac;
        }
    }
}

/// For every token of the document, whether a candidate covers it.
fn covered_tokens(doc: &Document, cands: &[Candidate]) -> Vec<bool> {
    let n = doc.tokens.len();
    let mut covered = vec![false; n];
    for c in cands {
        covered[c.start.min(n)..c.end.min(n)].fill(true);
    }
    covered
}

/// "the Crew Dragon capsule", "a Falcon 9 rocket", "its Starliner
/// spacecraft": a name right before a lower-case noun of made things
/// (`product_heads.txt`) is a product. A name the recogniser found is
/// retyped when it is a person, or of several words or with a number; a
/// one-word organisation stays ("a Boeing jet"). Where it found none, the
/// capitalised words before the noun (inside the sentence, after a
/// determiner or a possessive) are one, unless a single word is used as an
/// organisation elsewhere in the article ("SpaceX's", "SpaceX said"), or
/// is a listed name, a common word or a people's adjective.
pub(super) fn products_before_a_head(
    doc: &Document,
    gazetteer: &Gazetteer,
    cands: &mut Vec<Candidate>,
) {
    let head_at = |k: usize| k < doc.tokens.len() && PRODUCT_HEADS.contains(&doc.token_text(k));
    let numbered = |start: usize, end: usize| {
        end - start >= 2 || (start..end).any(|i| doc.tokens[i].kind == TokenKind::Number)
    };
    for c in cands.iter_mut() {
        if c.entry.is_none()
            && head_at(c.end)
            && (c.kind == EntityKind::Person
                || c.kind == EntityKind::Org && numbered(c.start, c.end)
                || c.kind == EntityKind::Gpe && numbered(c.start, c.end))
        {
            c.kind = EntityKind::Product;
        }
    }
    let covered = covered_tokens(doc, cands);
    let capitalised = |k: usize| doc.token_text(k).starts_with(char::is_uppercase);
    let used_as_org = |word: &str| {
        (0..doc.tokens.len().saturating_sub(1)).any(|k| {
            doc.token_text(k) == word
                && (matches!(doc.token_text(k + 1), "'s" | "’s" | "said" | "says" | "announced"))
        })
    };
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let range = sentence.tokens.clone();
        for head in range.start + 2..range.end {
            if !head_at(head) || covered[head - 1] {
                continue;
            }
            // The name: capitalised words, and numbers after the first.
            let mut start = head;
            while start > range.start + 1
                && !covered[start - 1]
                && (capitalised(start - 1)
                    || doc.tokens[start - 1].kind == TokenKind::Number
                        && start - 1 > range.start
                        && capitalised(start - 2))
            {
                start -= 1;
            }
            if start == head || !capitalised(start) {
                continue;
            }
            let before = doc.token_text(start - 1).to_lowercase();
            let opened = matches!(
                before.as_str(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "'s" | "’s"
            );
            let words: Vec<&str> = (start..head).map(|i| doc.token_text(i)).collect();
            let single = words.len() == 1;
            // After an owner's possessive a capitalised word is the thing's
            // name even where it is also a word ("NASA's Perseverance
            // rover").
            let owned = matches!(before.as_str(), "'s" | "’s");
            if !opened
                || single
                    && (used_as_org(words[0])
                        || !owned && (is_common_word(words[0]) || is_plain_word(words[0]))
                        || !gazetteer.find(&words).is_empty()
                        || crate::places::is_people_of_place(words[0]))
            {
                continue;
            }
            found.push(Candidate { start, end: head, kind: EntityKind::Product, entry: None });
        }
    }
    cands.extend(found);
}

/// Names of one common word the recogniser found, dropped: one
/// capitalised because it opens a sentence or a quotation ("\"Sometimes I
/// still have nightmares\"", "Members of the lab spend ...") unless the
/// document also writes it capitalised where no opening explains the
/// capital, and any person or place of one common word ("People", "Fan",
/// "Studio"; organisations keep theirs: "Nature", "Time"). A surname that
/// is a common word stays ("May" of "Theresa May"). The common words are
/// harvested from the entity corpora (`data/common_words.txt`); gazetteer
/// names are kept.
pub(super) fn drop_common_words(doc: &Document, cands: &mut Vec<Candidate>) {
    let suspect = |c: &Candidate| {
        c.entry.is_none() && c.end == c.start + 1 && is_common_word(doc.token_text(c.start))
    };
    // A person or place named by one plain dictionary word ("Penguins",
    // "Department", "Majesty"), wherever it stands; a place the text puts
    // somewhere stays ("in Mesquite, Texas", "51st Street").
    let located = |c: &Candidate| {
        let before = c.start.checked_sub(1).map(|p| doc.token_text(p));
        let after = (c.end + 1 < doc.tokens.len()).then(|| doc.token_text(c.end + 1));
        before.is_some_and(|w| {
            PLACE_PREPOSITIONS.contains(&w) || w.starts_with(|c: char| c.is_ascii_digit())
        }) || c.end < doc.tokens.len()
            && doc.token_text(c.end) == ","
            && after.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    // A title says a person ("President Macron", "Vice President Pence").
    let titled =
        |c: &Candidate| c.start.checked_sub(1).is_some_and(|p| is_title(doc.token_text(p)));
    let titled_names: Vec<&str> =
        cands.iter().filter(|c| titled(c)).map(|c| doc.token_text(c.start)).collect();
    let plain = |c: &Candidate| {
        c.entry.is_none()
            && c.end == c.start + 1
            && (c.kind == EntityKind::Person && !titled_names.contains(&doc.token_text(c.start))
                || c.kind == EntityKind::Gpe && !located(c))
            && is_plain_word(doc.token_text(c.start))
    };
    if !cands.iter().any(|c| suspect(c) || plain(c)) {
        return;
    }
    let mut sentence_starts = vec![false; doc.tokens.len()];
    for sentence in &doc.sentences {
        if let Some(first) = sentence_starts.get_mut(sentence.tokens.start) {
            *first = true;
        }
    }
    // The words written where no opening explains a capital: one pass.
    let inside_text: rustc_hash::FxHashSet<&str> = (0..doc.tokens.len())
        .filter(|&i| !opens(doc, &sentence_starts, i))
        .map(|i| doc.token_text(i))
        .collect();
    // A plain word the document writes capitalised, alone (not in a run
    // of capitalised words, "House of Representatives") and where no
    // opening explains the capital, three times or more is its name for
    // someone ("the Petitioner").
    let capital = |i: usize| doc.token_text(i).chars().next().is_some_and(char::is_uppercase);
    let in_run = |i: usize| {
        i.checked_sub(1).is_some_and(|p| {
            capital(p) || doc.token_text(p) == "of" && p.checked_sub(1).is_some_and(capital)
        }) || i + 1 < doc.tokens.len() && capital(i + 1)
    };
    let alone = |i: usize| !(opens(doc, &sentence_starts, i) || in_run(i));
    let mut alone_counts: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for i in (0..doc.tokens.len()).filter(|&i| capital(i) && alone(i)) {
        *alone_counts.entry(doc.token_text(i)).or_default() += 1;
    }
    let named_often = |word: &str| alone_counts.get(word).is_some_and(|&n| n >= 3);
    let surnames: Vec<&str> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Person && c.end - c.start >= 2)
        .map(|c| doc.token_text(c.end - 1))
        .collect();
    cands.retain(|c| {
        let word = doc.token_text(c.start);
        let lone = (suspect(c) && matches!(c.kind, EntityKind::Person | EntityKind::Gpe))
            || plain(c) && !named_often(word);
        let opening = suspect(c) && opens(doc, &sentence_starts, c.start);
        !((lone || opening) && !surnames.contains(&word) && (lone || !inside_text.contains(word)))
    });
}

/// Whether the words of a name make it a product: a vessel by its prefix
/// ("MV Alan Kurdi", "USS Grayback") or a model by its code after a maker
/// ("Airbus A300", "Boeing B-17 Flying Fortress").
fn is_product_name(words: &[&str]) -> bool {
    const VESSELS: [&str; 7] = ["MV", "USS", "HMS", "RMS", "SS", "HMAS", "INS"];
    let code = |w: &&str| {
        w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(|c| c.is_ascii_uppercase())
    };
    // "the Hubble Space Telescope": a made thing's noun, capitalised, ends
    // the name (singular nouns only: "the Houston Rockets" is a team).
    let made = |w: &&str| {
        !w.ends_with('s')
            && w.starts_with(char::is_uppercase)
            && PRODUCT_HEADS.iter().any(|h| h.eq_ignore_ascii_case(w))
    };
    // (Not across "and": "Everest and K2" are two mountains.)
    words.len() >= 2
        && !words.contains(&"and")
        && (VESSELS.contains(&words[0])
            || words[1..].iter().any(code)
            || words.last().is_some_and(made))
}

/// "the Boeing 737 Max", "an Airbus A320": a company's one-word name, a
/// model's number and up to two capitalised words after it are a
/// product (a year after the name is no model: "Boeing 2019 results").
pub(super) fn numbered_products(doc: &Document, cands: &mut Vec<Candidate>) {
    let n = doc.tokens.len();
    let model = |i: usize| {
        let word = doc.token_text(i);
        let year = word.len() == 4
            && word.chars().all(|c| c.is_ascii_digit())
            && (word.starts_with("19") || word.starts_with("20"));
        word.starts_with(|c: char| c.is_ascii_digit())
            && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !year
    };
    let capital = |i: usize| {
        doc.tokens[i].kind == TokenKind::Word && doc.token_text(i).starts_with(char::is_uppercase)
    };
    let mut products = Vec::new();
    for c in cands.iter() {
        if c.kind != EntityKind::Org || c.end - c.start != 1 || c.end >= n || !model(c.end) {
            continue;
        }
        let mut end = c.end + 1;
        while end < n && end - c.end <= 2 && capital(end) {
            end += 1;
        }
        products.push(Candidate { start: c.start, end, kind: EntityKind::Product, entry: None });
    }
    for p in products {
        cands.retain(|c| c.end <= p.start || c.start >= p.end);
        cands.push(p);
    }
}

/// Whether `word` has a capital right after a lower-case letter, other
/// than after a name prefix ("Mc", "Mac", "De", "Di", "Da", "Du", "La",
/// "Le", "Van", "Von"; "O'Rourke" has no lower-case letter before its
/// capital).
fn inner_capital(word: &str) -> bool {
    const PREFIXES: [&str; 10] = ["Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von"];
    let mut previous_lower = false;
    word.char_indices().any(|(at, c)| {
        let inner = c.is_uppercase()
            && previous_lower
            && !word.get(..at).is_some_and(|before| PREFIXES.contains(&before));
        previous_lower = c.is_lowercase();
        inner
    })
}

/// Acronyms defined in parentheses right after a mention ("the Islamic
/// State (IS) group"): every use of the acronym becomes a mention of the
/// same type.
pub(super) fn add_acronym_uses(doc: &Document, cands: &mut Vec<Candidate>) {
    let mut acronyms: Vec<(String, EntityKind)> = Vec::new();
    for c in cands.iter() {
        if let Some(word) = paren_acronym(doc, c.start, c.end) {
            acronyms.push((word.to_string(), c.kind));
        }
    }
    if acronyms.is_empty() {
        return;
    }
    // One pass over the tokens, whatever the number of acronyms.
    let by_word: std::collections::HashMap<&str, EntityKind> =
        acronyms.iter().rev().map(|(w, k)| (w.as_str(), *k)).collect();
    let covered = covered_tokens(doc, cands);
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
pub(super) fn add_repeated_names(doc: &Document, cands: &mut Vec<Candidate>) {
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
    let covered = covered_tokens(doc, cands);
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

/// The short name in "( WORD )" right after the name at tokens
/// `start..at`: all capitals ("SDF", "PG&E"), or a capitalised word that
/// starts with the name's first letter and is no common word ("Phivolcs"
/// of "Philippine Institute of Volcanology and Seismology", "TfL").
pub(super) fn paren_acronym(doc: &Document, start: usize, at: usize) -> Option<&str> {
    if at + 2 >= doc.tokens.len() || doc.token_text(at) != "(" || doc.token_text(at + 2) != ")" {
        return None;
    }
    let word = doc.token_text(at + 1);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = word.chars().all(|c| c.is_uppercase() || matches!(c, '-' | '.' | '&'));
    let short_name = || {
        let initial = word.chars().next().filter(|c| c.is_uppercase());
        initial.is_some()
            && initial == doc.token_text(start).chars().next()
            && word.chars().all(char::is_alphabetic)
            && !is_common_word(word)
    };
    // "the Parliament of New South Wales (NSW)": the acronym of the words
    // it closes, not of the whole name.
    let initials = |from: usize| -> String {
        (from..at)
            .filter_map(|i| doc.token_text(i).chars().next())
            .filter(|c| c.is_uppercase())
            .collect()
    };
    let spelled: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    let of_the_end =
        || initials(start) != spelled && (start + 1..at).any(|k| initials(k) == spelled);
    (letters >= 2 && (capitals || short_name()) && !of_the_end()).then_some(word)
}

/// Two or more capitals and a plural "s": "NGOs", "MPs", "IDPs".
fn is_plural_acronym(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 2 && stem.bytes().all(|b| b.is_ascii_uppercase()))
}
