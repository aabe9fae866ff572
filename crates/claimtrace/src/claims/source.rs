//! Noun phrases that name sources: finding their extent around a cue and
//! turning them into `Source`s.

use std::ops::Range;

use super::lexicon::LEXICONS;
use super::Ctx;
use crate::doc::{Rel, Source, SourceKind, Span, TokenKind, Upos};

/// Words that end a noun phrase when walking away from a cue.
const BOUNDARIES: &[&str] = &[
    ",", ";", ":", "(", ")", "—", "–", "that", "which", "who", "whom", "whose", "because", "after",
    "before", "while", "when", "as", "if", "but", "so", "where", "how", "why", "than", "although",
    "though", "since", "until", "unless", "whether", ".", "!", "?",
];

/// Determiners, which open a noun phrase and never end a name.
const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "these", "those"];

/// Words that open a time or place phrase before a subject ("On Monday",
/// "Late last night", "Meanwhile").
const PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "during",
    "since",
    "for",
    "with",
    "by",
    "from",
    "about",
    "over",
    "under",
    "amid",
    "following",
    "late",
    "early",
    "last",
    "this",
    "underneath",
    "meanwhile",
];

/// Days and other time words that are never a source.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
];

/// Irregular past forms, verbs even where a tagger says otherwise.
const IRREGULAR_PAST: &[&str] = &[
    "spoke", "went", "came", "made", "took", "gave", "met", "left", "ran", "saw", "sent", "held",
    "led", "won", "lost", "fled", "struck", "began", "brought", "built", "sought", "fought",
    "thought", "kept", "paid", "rose", "fell", "flew", "drove", "drew", "grew", "knew", "threw",
    "stood", "broke", "chose", "stole", "shot", "spent", "heard", "felt", "sold", "hung", "sank",
];

/// Subject pronouns, which name a source only once resolved.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Whether a token ends a noun phrase.
pub fn is_boundary(ctx: &Ctx<'_>, idx: usize) -> bool {
    let w = ctx.lower[idx].as_str();
    BOUNDARIES.contains(&w) && !is_acronym(ctx, idx) || ctx.doc.tokens[idx].kind == TokenKind::Quote
}

/// Whether the word is written in capitals, two letters or more: an
/// acronym and a name ("WHO say", "AS Roma"), never the function word it
/// spells.
pub fn is_acronym(ctx: &Ctx<'_>, idx: usize) -> bool {
    let text = ctx.text(idx);
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && text.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// Whether a lower-cased word is a day or another time word ("Monday",
/// "yesterday", "earlier").
pub fn is_time_word(w: &str) -> bool {
    WEEKDAYS.contains(&w)
}

/// The noun phrase that ends where `within` ends, walking left to a
/// boundary but not past the start of `within`: "the ministry" in "On
/// Monday the ministry | said". Returns its token range.
pub fn phrase_before(ctx: &Ctx<'_>, within: Range<usize>) -> Option<Range<usize>> {
    let end = within.end;
    let mut from = end;
    // (A coordinator after a verb's object joins two clauses: "Police
    // arrested two men and | the company denied"; see also
    // [`opens_clause`].)
    let joins_clauses = |k: usize| {
        k > 0
            && matches!(ctx.lower[k].as_str(), "and" | "or")
            && ctx.doc.tokens[k - 1].rel == Some(Rel::Obj)
    };
    while from > within.start && !is_boundary(ctx, from - 1) && !joins_clauses(from - 1) {
        from -= 1;
    }
    // The first such coordinator: "won a majority and | both Mugabe and
    // Tsvangirai claimed".
    let clause_start =
        (within.start..end).rev().find(|&j| is_boundary(ctx, j)).map_or(within.start, |j| j + 1);
    if let Some(k) = (clause_start..end).find(|&k| opens_clause(ctx, within.start, k, end)) {
        from = from.max(k + 1);
    }
    // A leading time or place phrase ("On Monday the ministry") is not the
    // subject.
    while from < end
        && (PREPOSITIONS.contains(&ctx.lower[from].as_str()) || is_time_word(&ctx.lower[from]))
    {
        let next_det = (from + 1..end).find(|&k| {
            DETERMINERS.contains(&ctx.lower[k].as_str())
                || ctx.is_capitalized(k) && !is_time_word(&ctx.lower[k])
        });
        match next_det {
            Some(k) if k > from => from = k,
            _ => break,
        }
    }
    (from < end).then_some(from..end)
}

/// Whether the coordinator at `k` joins a clause with its own verb to a
/// subject of the verb at `end`, the words between it and `end`, which
/// hold no verb: "The storm destroyed hundreds of homes and | the
/// government declared", "Rebels seized the town and | the army said"
/// (which the parser may read as nouns joined), not "heavy rains and a
/// warning put" (no verb before), "Officials who inspected the site and
/// engineers said" (a relative clause's verb), nor "fires at a plant and
/// an oil field, which" (no verb after). The clause starts at `start` or
/// after the last boundary before `k`.
pub fn opens_clause(ctx: &Ctx<'_>, start: usize, k: usize, end: usize) -> bool {
    let tag = |j: usize| ctx.doc.tokens[j].tag;
    let verb_before = || {
        (start..k).rev().take_while(|&j| !is_boundary(ctx, j)).any(|j| {
            tag(j) == Some(Upos::Verb)
                && !matches!(ctx.doc.tokens[j].rel, Some(Rel::Acl | Rel::Amod))
                && looks_finite_verb(ctx, j)
        })
    };
    matches!(ctx.lower[k].as_str(), "and" | "or" | "but")
        && k + 1 < end
        && ctx.doc.tokens.get(end).is_some_and(|t| t.tag == Some(Upos::Verb))
        && (k + 1..end).all(|j| !matches!(tag(j), Some(Upos::Verb | Upos::Aux)))
        && verb_before()
}

/// The subject of the cue at `cue`: auxiliaries and adverbs are skipped,
/// and an apposition between commas ("X, founded in 2014, said") is
/// stepped over. The subject starts at `start` or later.
pub fn subject_before(ctx: &Ctx<'_>, start: usize, cue: usize) -> Option<Range<usize>> {
    let Some(mut found) = subject_phrase(ctx, start, cue) else {
        // "The chief executive, Jane Roe, said" where the tagger made no
        // noun of the role: the name set off before the cue still names
        // the source.
        let words = ctx.words();
        let comma = (start + 1..cue.saturating_sub(2)).find(|&k| words[k] == ",")?;
        return named_after_role(ctx, &(start..comma), cue);
    };
    // "they all thought", "the two leaders both said": a quantifier
    // floated after the subject is not part of its name.
    if found.len() > 1
        && matches!(ctx.lower[found.end - 1].as_str(), "all" | "both" | "each")
        && matches!(ctx.doc.tokens[found.end - 2].tag, Some(Upos::Noun | Upos::Propn | Upos::Pron))
    {
        found.end -= 1;
    }
    // "Police in Baytown, Texas, said": the state set off after a place
    // is part of the subject, not the subject.
    if found.start >= start + 2
        && ctx.words()[found.start - 1] == ","
        && place_at(ctx, found.start) == Some(found.clone())
    {
        if let Some(before) = phrase_before(ctx, start..found.start - 1) {
            if with_state_after(ctx, before.clone(), found.end) == (before.start..found.end) {
                found = before.start..found.end;
            }
        }
    }
    let with_state = with_state_after(ctx, found.clone(), cue);
    if with_state != found {
        return Some(with_state);
    }
    Some(
        named_before_role(ctx, start, &found)
            .or_else(|| named_after_role(ctx, &found, cue))
            .unwrap_or(found),
    )
}

/// "the chancellor's spokesperson, Jane Doe, said": a name set off between
/// the subject and the cue names the source.
fn named_after_role(ctx: &Ctx<'_>, role: &Range<usize>, cue: usize) -> Option<Range<usize>> {
    let words = ctx.words();
    if role.end + 2 >= cue || words[role.end] != "," || words[cue - 1] != "," {
        return None;
    }
    let name = role.end + 1..cue - 1;
    // "Tom Molomby, SC, said": a post-nominal, not a name.
    if name.len() == 1 && is_acronym(ctx, name.start) {
        return None;
    }
    let is_name = name.len() <= 4
        && name.clone().all(|k| ctx.is_capitalized(k) && !DETERMINERS.contains(&words[k]))
        && ctx.doc.tokens[name.end - 1].tag == Some(Upos::Propn);
    is_name.then_some(name)
}

/// "Jane Doe, spokesperson for the governor, said": when the subject
/// found is a description set off after a name, the name is the source.
fn named_before_role(ctx: &Ctx<'_>, start: usize, role: &Range<usize>) -> Option<Range<usize>> {
    let words = ctx.words();
    if role.start < start + 2 || words[role.start - 1] != "," || ctx.is_capitalized(role.start) {
        return None;
    }
    let name_end = role.start - 1;
    // A name: capitalised words ending in a proper noun (a tagger may
    // take an unfamiliar first name for something else).
    if ctx.doc.tokens[name_end - 1].tag != Some(Upos::Propn) {
        return None;
    }
    let name_start = (start..name_end)
        .rev()
        .take_while(|&k| {
            ctx.is_capitalized(k)
                && !DETERMINERS.contains(&words[k])
                && !is_time_word(words[k])
                && !matches!(ctx.doc.tokens[k].tag, Some(Upos::Adp | Upos::Adv | Upos::Sconj))
        })
        .last()?;
    let at_clause_start = name_start == start || matches!(words[name_start - 1], "," | ";" | ":");
    (at_clause_start && name_end - name_start <= 5).then_some(name_start..name_end)
}

/// The subject before the cue at `cue`, before a name set off by commas
/// is looked for around it.
fn subject_phrase(ctx: &Ctx<'_>, start: usize, cue: usize) -> Option<Range<usize>> {
    let words = ctx.words();
    if let Some(found) = parsed_subject(ctx, start, cue) {
        // (Without a raising verb the tagger took for a noun: "The
        // documents seem to show".)
        return Some(match raising_before(words, start, cue) {
            Some(n) if found.start < cue - n && found.end > cue - n => found.start..cue - n,
            _ => found,
        });
    }
    let mut subject_end = cue;
    // Adverbs between subject and cue ("the group subsequently claimed")
    // are stepped over too.
    let skipped = |k: usize| {
        LEXICONS.skip.contains(words[k])
            || is_time_word(words[k])
            || ctx.doc.tokens[k].tag == Some(Upos::Adv) && words[k].ends_with("ly")
    };
    while subject_end > start && skipped(subject_end - 1) {
        subject_end -= 1;
    }
    // "The minister appeared to suggest", "A video also seems to show": a
    // raising verb is stepped over, and the adverbs before it.
    if let Some(n) = raising_before(words, start, subject_end) {
        subject_end -= n;
        while subject_end > start && skipped(subject_end - 1) {
            subject_end -= 1;
        }
    }
    // "A video posted on Telegram shows", "Footage shared online
    // appears to show": the artefact, not where it was posted.
    if let Some(participle) = artefact_participle(ctx, start, subject_end) {
        subject_end = participle;
    }
    // "the Syrian Democratic Forces (SDF) announced": the name before an
    // acronym in brackets.
    if subject_end >= start + 4
        && words[subject_end - 1] == ")"
        && words[subject_end - 3] == "("
        && is_acronym(ctx, subject_end - 2)
    {
        subject_end -= 3;
    }
    if let Some(found) = phrase_before(ctx, start..subject_end) {
        return Some(found);
    }
    // Empty: the cue follows a comma. Step over one comma-delimited
    // apposition or relative clause.
    if subject_end > start && words[subject_end - 1] == "," {
        let close = subject_end - 1;
        let Some(open) = (start..close).rev().find(|&k| words[k] == ",") else {
            // "Lydia Buchtmann for Food Standards Australia, says": a name
            // that opens the sentence, set off by a stray comma.
            let named = close > start
                && ctx.is_capitalized(start)
                && ctx.doc.tokens[close - 1].tag == Some(Upos::Propn)
                && !DETERMINERS.contains(&words[start])
                && !PREPOSITIONS.contains(&words[start]);
            return named.then(|| phrase_before(ctx, start..close)).flatten();
        };
        let first = open + 1;
        // "Tom Molomby, SC, said", "Jane Doe, MP, said": a post-nominal
        // set off after the name.
        let post_nominal = close - first == 1 && is_acronym(ctx, first);
        let appositive = first < close
            && (!ctx.is_capitalized(first) || DETERMINERS.contains(&words[first]) || post_nominal)
            && !LEXICONS.speech.contains(words[first]);
        if appositive {
            return phrase_before(ctx, start..open);
        }
    }
    None
}

/// Whether `lower` (a word in lower case) names an artefact or a record
/// (`artefact.txt`: "video", "footage", "documents"), in the plural too.
pub fn artefact_word(lower: &str) -> bool {
    LEXICONS.artefact.contains(lower) || LEXICONS.artefact.contains(lower.trim_end_matches('s'))
}

/// Whether token `k` is a noun naming an artefact ([`artefact_word`]).
pub fn is_artefact(ctx: &Ctx<'_>, k: usize) -> bool {
    ctx.doc.tokens[k].tag == Some(Upos::Noun) && artefact_word(&ctx.lower[k])
}

/// A participle of passing on (`transmit.txt`: "posted", "shared") right
/// after an artefact, in a phrase that ends at `end` with no
/// verb after the participle: "A video | posted on Telegram" before "shows".
fn artefact_participle(ctx: &Ctx<'_>, start: usize, end: usize) -> Option<usize> {
    let words = ctx.words();
    (start + 1..end).rev().take(8).find(|&p| {
        passed_on_after_artefact(ctx, p)
            && (p + 1..end).all(|k| !looks_finite_verb(ctx, k) && words[k] != ",")
    })
}

/// Whether token `p` is a participle of passing on (`transmit.txt`:
/// "posted", "shared") right after an artefact ("A video | posted").
pub fn passed_on_after_artefact(ctx: &Ctx<'_>, p: usize) -> bool {
    LEXICONS.transmit.contains(ctx.words()[p])
        && p.checked_sub(1).is_some_and(|k| is_artefact(ctx, k))
}

/// The length of a raising verb (`raising.txt`: "appeared to", "seems
/// to") that ends right before token `at`, within the words from `start`.
pub fn raising_before(words: &[&str], start: usize, at: usize) -> Option<usize> {
    (2..=3).find(|&n| at >= start + n && LEXICONS.raising.match_at(words, at - n) == Some(n))
}

/// The subject of the cue from the dependency parse, where one was made:
/// the `nsubj` dependent of the cue, as its subtree up to the first comma
/// after its head word. Passive cues ("was told by") are left to the
/// word-based rules.
fn parsed_subject(ctx: &Ctx<'_>, start: usize, cue: usize) -> Option<Range<usize>> {
    let tokens = &ctx.doc.tokens;
    tokens.get(cue)?.rel?;
    let sentence_end = ctx
        .doc
        .sentences
        .iter()
        .find(|s| s.tokens.contains(&cue))
        .map_or(cue + 1, |s| s.tokens.end);
    let subject = (start..cue)
        .rev()
        .find(|&j| tokens[j].head == Some(cue) && tokens[j].rel == Some(Rel::Nsubj))?;
    // A relative pronoun ("which state media said") is no source; nor is
    // a fronted adverb or day the parser took for the subject ("Late on
    // Sunday, the Kurdish-led forces announced"): the words decide.
    if matches!(ctx.lower[subject].as_str(), "which" | "who" | "that" | "whom")
        && !is_acronym(ctx, subject)
        || tokens[subject].tag == Some(Upos::Adv)
        || is_time_word(&ctx.lower[subject])
    {
        return None;
    }
    let passive = (start..sentence_end).any(|j| {
        tokens[j].head == Some(cue)
            && matches!(ctx.lower[j].as_str(), "was" | "were" | "been" | "being")
    });
    if passive {
        return None;
    }
    // The subject's subtree: tokens whose chain of heads reaches it.
    let reaches = |mut k: usize| {
        for _ in 0..64 {
            if k == subject {
                return true;
            }
            match tokens[k].head {
                Some(h) if h >= start && h < sentence_end => k = h,
                _ => return false,
            }
        }
        false
    };
    let mut from = subject;
    while from > start && reaches(from - 1) {
        from -= 1;
    }
    // "Ukraine's military said": the possessor is part of the subject, even
    // where the parse hangs it elsewhere.
    if from >= start + 2 && matches!(ctx.lower[from - 1].as_str(), "'s" | "’s") {
        let mut owner = from - 1;
        while owner > start && tokens[owner - 1].tag == Some(Upos::Propn) {
            owner -= 1;
        }
        if owner < from - 1 {
            from = owner;
        }
    }
    // "Officials in France and Germany said", parsed as "Germany said"
    // conjoined to "Officials": a coordinator before the subject with no
    // verb before it in the clause joins the subject to the noun phrase
    // it ends.
    if from > start + 1 && matches!(ctx.lower[from - 1].as_str(), "and" | "or") {
        let phrase = (start..from - 1)
            .rev()
            .take_while(|&k| ctx.lower[k] != "," && ctx.lower[k] != ";")
            .last();
        let nominal = phrase.is_some_and(|first| {
            (first..from - 1).all(|k| {
                !matches!(tokens[k].tag, Some(Upos::Verb | Upos::Aux | Upos::Sconj | Upos::Pron))
            }) && (first..from - 1).any(|k| matches!(tokens[k].tag, Some(Upos::Noun | Upos::Propn)))
        });
        if let Some(first) = phrase.filter(|_| nominal) {
            from = first;
        }
    }
    let mut to = subject + 1;
    while to < cue && reaches(to) && ctx.lower[to] != "," {
        to += 1;
    }
    // "Russia, China and Iran said": a list of the subject's conjuncts
    // goes on past its commas (an apposition, "Peskov, the Kremlin
    // spokesman, said", does not), to its end: a list the parse leaves
    // unfinished at a comma is not taken.
    let head_end = to;
    while to < cue && ctx.lower[to] == "," {
        let next = (to + 1..cue).take_while(|&k| reaches(k) && ctx.lower[k] != ",").last();
        let conjunct = next.is_some_and(|last| {
            (to + 1..=last)
                .any(|k| tokens[k].rel == Some(Rel::Conj) && tokens[k].head.is_some_and(reaches))
        });
        match next {
            Some(last) if conjunct => to = last + 1,
            _ => break,
        }
    }
    if to != head_end && ctx.lower.get(to).is_some_and(|w| w == ",") {
        to = head_end;
    }
    // Leading punctuation or a comma-closed phrase is not the subject.
    if let Some(comma) = (from..subject).rev().find(|&k| ctx.lower[k] == ",") {
        from = comma + 1;
    }
    // "Rebels seized the town and the army said", parsed as "the town and
    // the army" said: the subject starts after the coordinator; and where
    // the parse left the subject's first words out ("cut 500 jobs but its
    // chief | executive said"), it takes them in.
    if to == cue {
        let nominal = |j: usize| {
            matches!(
                tokens[j].tag,
                Some(Upos::Det | Upos::Pron | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Num)
            )
        };
        let first =
            (start..to).find(|&k| opens_clause(ctx, start, k, cue) && (k + 1..from).all(nominal));
        if let Some(k) = first {
            from = k + 1;
        }
    }
    (from < to).then_some(from..to)
}

/// The noun phrase that starts where `within` starts, up to a boundary, a
/// verb-like word or the end of `within`: "the state news agency" in "told
/// | the state news agency on Monday that", "media outlets such as the
/// BBC" whole.
pub fn phrase_after(ctx: &Ctx<'_>, within: Range<usize>) -> Option<Range<usize>> {
    let Range { start: from, end } = within;
    let mut to = from;
    let modifies_phrase = |k: usize| {
        let t = &ctx.doc.tokens[k];
        matches!(t.rel, Some(Rel::Acl) | Some(Rel::Amod))
            && t.head.is_some_and(|h| h >= from && h < k)
    };
    while to < end
        && !(is_boundary(ctx, to)
            && !(ctx.lower[to] == "as" && to > from && ctx.lower[to - 1] == "such"))
        && !(to > from && looks_finite_verb(ctx, to) && !modifies_phrase(to))
    {
        to += 1;
    }
    (to > from).then_some(from..to)
}

/// The word before the cue at `cue` that says whether it is passive:
/// past "not" and adverbs ("was later shared", "had not been officially
/// stated", "has since been confirmed": the tagger may read "since" as a
/// subordinator), and a day ("was on Wednesday reported"), at most three
/// words back and not before `start`.
pub fn word_before_cue(ctx: &Ctx<'_>, start: usize, cue: usize) -> Option<usize> {
    let lower = |k: usize| ctx.lower[k].as_str();
    (start..cue).rev().take(3).find(|&k| {
        let day = is_time_word(lower(k))
            || matches!(lower(k), "on" | "by") && k + 1 < cue && is_time_word(lower(k + 1));
        !matches!(lower(k), "not" | "n't")
            && !matches!(ctx.doc.tokens[k].tag, Some(Upos::Adv | Upos::Sconj))
            && !day
    })
}

/// Whether `word` is a form of "be" that makes the cue after it passive.
pub fn is_passive_be(word: &str) -> bool {
    matches!(word, "is" | "are" | "was" | "were" | "been" | "being")
}

/// A rough test for a finite verb where no tagger has run: auxiliaries,
/// cue words, and lower-case words ending in "-ed".
pub fn looks_finite_verb(ctx: &Ctx<'_>, idx: usize) -> bool {
    let word = ctx.lower[idx].as_str();
    // Common irregular past forms, which taggers trained on little news
    // text sometimes take for nouns ("The minister spoke").
    if IRREGULAR_PAST.contains(&word)
        && !(idx > 0 && DETERMINERS.contains(&ctx.lower[idx - 1].as_str()))
    {
        return true;
    }
    // Auxiliaries that are never nouns, written in lower case ("IS" is a
    // name), whatever the tagger made of them after a word it did not
    // know ("the counteroffensive had begun").
    if matches!(ctx.words()[idx], "had" | "has" | "was" | "were" | "would" | "did" | "been") {
        return true;
    }
    if let Some(tag) = ctx.doc.tokens[idx].tag {
        return matches!(tag, Upos::Verb | Upos::Aux);
    }
    matches!(
        word,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "did"
            | "does"
            | "do"
    ) || (!ctx.is_capitalized(idx)
        && (LEXICONS.speech.contains(word) || word.ends_with("ed") && word.len() > 4))
}

/// The subject of the main clause that starts `clause`: the words from its
/// start to its first verb, a leading time or place phrase dropped ("On
/// Tuesday the committee | voted").
pub fn sentence_subject(ctx: &Ctx<'_>, clause: Range<usize>) -> Option<Range<usize>> {
    let verb = clause.clone().find(|&k| looks_finite_verb(ctx, k) || is_boundary(ctx, k))?;
    // "In his victory speech, Johnson said": the subject is after the
    // leading phrase's comma.
    if PREPOSITIONS.contains(&ctx.lower[clause.start].as_str()) && ctx.lower[verb] == "," {
        return sentence_subject(ctx, verb + 1..clause.end);
    }
    let mut from = clause.start;
    while from < verb
        && (PREPOSITIONS.contains(&ctx.lower[from].as_str()) || is_time_word(&ctx.lower[from]))
    {
        from += 1;
    }
    (from < verb).then_some(from..verb)
}

/// Turns a noun phrase into a source: "the state-run TASS news agency" is
/// TASS, "Kremlin spokesman Dmitry Peskov" is Dmitry Peskov, "media
/// outlets such as the BBC" is the BBC, "screenshots shared by X users" is
/// X users; descriptions without a name stay as written. `None` for a
/// phrase that cannot name who speaks (a date, a figure, a lone pronoun).
pub fn to_source(ctx: &Ctx<'_>, phrase: Range<usize>) -> Option<Source> {
    let words = ctx.words();
    let Range { start: mut from, end: mut to } = phrase;
    // "such as Y", "shared by Y": the later party is the source.
    for k in (from..to).rev() {
        let pair = (words[k], words.get(k + 1).copied().unwrap_or(""));
        if pair == ("such", "as") && k + 2 < to {
            from = k + 2;
            break;
        }
        let by_author = words[k] == "by"
            && k > from
            && (LEXICONS.transmit.contains(words[k - 1])
                || (from..k).any(|i| LEXICONS.artefact.contains(words[i])));
        if by_author && k + 1 < to {
            from = k + 1;
            break;
        }
    }
    while from < to && matches!(words[to - 1], "," | "." | "'s" | "’s") {
        to -= 1;
    }
    // "..., with officials saying ...": the phrase after "with".
    if words[from] == "with" && from + 1 < to {
        from += 1;
    }
    // "Days later the ministry": a time phrase before the subject.
    let timing = |w: &str| {
        is_time_word(w)
            || matches!(
                w,
                "days"
                    | "weeks"
                    | "months"
                    | "years"
                    | "hours"
                    | "minutes"
                    | "later"
                    | "earlier"
                    | "ago"
                    | "shortly"
                    | "afterwards"
                    | "then"
                    | "meanwhile"
            )
    };
    if (from..to).any(|k| matches!(words[k], "later" | "earlier" | "ago" | "afterwards")) {
        while from + 1 < to && timing(words[from]) {
            from += 1;
        }
    }
    let tokens = &ctx.doc.tokens;
    // "Posts on the message board from Friday": a time closing the phrase
    // says when, not who.
    let mut end = to;
    while end > from + 1 && is_time_word(words[end - 1]) {
        end -= 1;
    }
    if end < to && end > from + 1 && matches!(words[end - 1], "from" | "on" | "since" | "of") {
        // What is left must be a noun phrase: "Late on Sunday" and "Ivan's
        // condition was reported on Wednesday" name no one.
        let left = from..end - 1;
        let nominal = left
            .clone()
            .any(|k| matches!(tokens[k].tag, Some(Upos::Noun | Upos::Propn | Upos::Pron)));
        let verb = left.clone().any(|k| {
            matches!(tokens[k].tag, Some(Upos::Verb | Upos::Aux)) || looks_finite_verb(ctx, k)
        });
        if !nominal || verb {
            return None;
        }
        to = end - 1;
    }
    let named_from = skip_determiners(words, from..to);
    if named_from >= to {
        return None;
    }
    // Who speaks is never a date ("Monday"), a figure ("A total of 39",
    // "between 36 and 40 people") or a phrase cut off at a preposition
    // ("sources within the").
    if (named_from..to).all(|k| {
        is_time_word(words[k])
            || !words[k].chars().any(char::is_alphanumeric)
            || k == named_from && PREPOSITIONS.contains(&words[k])
    }) || tokens[named_from].kind == crate::doc::TokenKind::Number
        || matches!(words[named_from], "total" | "between" | "some" | "about" | "around" | "nearly")
            && (named_from..to).any(|k| tokens[k].kind == crate::doc::TokenKind::Number)
        || matches!(tokens[to - 1].tag, Some(Upos::Adp | Upos::Det | Upos::Cconj))
    {
        return None;
    }
    // "The mayor of Springfield, Illinois, said": the state set off after
    // a place belongs to the place.
    let state = (named_from + 2..to).rev().find(|&k| words[k - 1] == ",");
    if let Some(state) = state.filter(|&k| {
        place_at(ctx, k) == Some(k..to)
            && words.get(to) == Some(&",")
            && !is_list(words, to)
            && place_mention_until(ctx, named_from..k - 1)
    }) {
        let mut head = to_source(ctx, from..state - 1)?;
        let place_end = ctx.doc.tokens[state - 2].span.end();
        if head.span.is_some_and(|span| span.end() == place_end) {
            let span = Span::new(
                head.span.map_or(place_end, |s| s.start()),
                ctx.doc.tokens[to - 1].span.end(),
            );
            head.text = ctx.doc.slice(span).to_string();
            head.span = Some(span);
        }
        return Some(head);
    }
    // "A federal judge in Texas", "officials at the airport": a place
    // after a common noun says where the source is, not who it is.
    if let Some(at) = (named_from + 1..to).find(|&k| {
        matches!(words[k], "in" | "at" | "near" | "outside" | "inside" | "across")
            && place_mention_until(ctx, k + 1..to)
    }) {
        let mut head = to_source(ctx, from..at)?;
        // A sentence-initial "Officials" reads as a name.
        if head.kind != SourceKind::Named || LEXICONS.unnamed.contains(&ctx.lower[at - 1]) {
            head.kind = SourceKind::Unnamed;
            head.text = ctx.span_text(from, to).to_string();
            head.span = Some(Span::new(
                ctx.doc.tokens[from].span.start(),
                ctx.doc.tokens[to - 1].span.end(),
            ));
        }
        return Some(head);
    }
    // "Officials from Russia and Ukraine": the names together, not the
    // last ("an official from TfL" is TfL, below).
    let together = |names: Range<usize>| {
        let span = ctx.token_span(names.start, names.end);
        Source { text: ctx.doc.slice(span).to_string(), span: Some(span), kind: SourceKind::Named }
    };
    if let Some(from_at) = (named_from + 1..to).find(|&k| words[k] == "from") {
        if let Some(names) = coordinated_names(ctx, from_at + 1..to).filter(|n| n.end == to) {
            return Some(together(names));
        }
    }
    // Names joined by "and" ("France and Germany", "both Saudi Arabia and
    // the United States", "Russia, China and Iran") speak together: the
    // source is all of them, not the last.
    if let Some(names) = coordinated_names(ctx, named_from..to) {
        return Some(together(names));
    }
    // A person the entity stage found names the source ("Mayor of London
    // Sadiq Khan", "Lucy Fischer of The Times"); else a name that ends the
    // phrase ("the ministry's Boris Dubrovsky").
    let mentions = &ctx.doc.mentions;
    let first = mentions.partition_point(|m| m.tokens.start < named_from);
    let inside = mentions[first..].iter().take_while(|m| m.tokens.end <= to);
    let mut chosen = None;
    for mention in inside {
        // "Angela Merkel's spokesperson" is not Angela Merkel ("Trump's
        // statement" is Trump's).
        let end = mention.tokens.end;
        let possessor = words.get(end).is_some_and(|w| matches!(*w, "'s" | "’s"))
            && end + 1 < to
            && !LEXICONS.artefact.contains(words[to - 1]);
        if mention.kind == crate::doc::EntityKind::Person && !possessor {
            chosen = Some(mention);
            break;
        }
        if end == to && chosen.is_none() && mention.tokens.start > named_from {
            chosen = Some(mention);
        }
    }
    if let Some(mention) = chosen {
        let mut start = mention.tokens.start;
        while mention.tokens.end - start > 2 && LEXICONS.titles.contains(words[start]) {
            start += 1;
        }
        let span = Span::new(ctx.doc.tokens[start].span.start(), mention.span.end());
        return Some(Source {
            text: ctx.doc.slice(span).to_string(),
            span: Some(span),
            kind: SourceKind::Named,
        });
    }
    // Capitalised runs: names. Sentence-initial capitals of common words
    // are not names, so a run must hold a word other than a determiner.
    let runs = capitalized_runs(ctx, named_from..to);
    let head = words[to - 1];
    // A sentence-initial "Sources", "Officials" is no name.
    let lone_unnamed = to == named_from + 1 && LEXICONS.unnamed.contains(&ctx.lower[named_from]);
    let kind = if runs.iter().any(|run| run.end == to) && !lone_unnamed {
        SourceKind::Named
    } else if LEXICONS.artefact.contains(head) {
        SourceKind::Artefact
    } else if runs.is_empty() || LEXICONS.unnamed.contains(head) {
        SourceKind::Unnamed
    } else {
        SourceKind::Named
    };
    // One long name of capitalised words joined by "of", "and", "the"
    // ("Islamic State of Iraq and the Levant", "Bill and Melinda Gates
    // Foundation"): no description before a name.
    let one_name = ctx.is_capitalized(named_from)
        && !matches!(words[to - 1], "of" | "and" | "the" | "for")
        && (named_from..to)
            .all(|k| ctx.is_capitalized(k) || matches!(words[k], "of" | "and" | "the" | "for"));
    let Range { start: mut text_from, end: text_to } = match (kind, runs.last()) {
        (SourceKind::Named, Some(_)) if one_name => named_from..to,
        // A description then a name: keep the name.
        (SourceKind::Named, Some(run)) if run.end == to && run.start > named_from => run.clone(),
        // A name then a generic word ("TASS news agency"): keep the name.
        (SourceKind::Named, Some(run)) if run.end < to && generic_tail(words, run.end..to) => {
            run.clone()
        }
        (SourceKind::Named, _) => named_from..to,
        _ => from..to,
    };
    if PRONOUNS.contains(&words[text_from]) && text_to == text_from + 1 {
        return None;
    }
    // "Deputy Governor Oleg Klimov" is Oleg Klimov.
    if kind == SourceKind::Named {
        while text_to - text_from > 2
            && LEXICONS.titles.contains(words[text_from])
            && ctx.is_capitalized(text_from + 1)
        {
            text_from += 1;
        }
    }
    Some(Source {
        text: ctx.span_text(text_from, text_to).to_string(),
        span: Some(Span::new(
            ctx.doc.tokens[text_from].span.start(),
            ctx.doc.tokens[text_to - 1].span.end(),
        )),
        kind,
    })
}

/// The names of `phrase` when it is nothing but two or more names (the
/// entity stage's, or runs of capitalised proper nouns) joined by commas
/// and one "and" or "or" before the last, each with at most a determiner
/// before it, "both" or "either" before the first ("both Saudi Arabia and
/// the United States"): their tokens, from the first name to the last.
fn coordinated_names(ctx: &Ctx<'_>, phrase: Range<usize>) -> Option<Range<usize>> {
    let words = ctx.words();
    let mentions = &ctx.doc.mentions;
    // A phrase cut from a longer one after "in", "of" ("the University
    // of Colorado ... in Colorado and the College of Wooster") says where
    // or whose, not who.
    let before = phrase.start.checked_sub(1).map(|k| ctx.lower[k].as_str());
    if matches!(before, Some("in" | "at" | "of" | "near" | "outside" | "inside")) {
        return None;
    }
    let mut k = phrase.start;
    if matches!(ctx.lower[k].as_str(), "both" | "either") {
        k += 1;
    }
    let (mut first, mut names, mut joined) = (None, 0, false);
    while k < phrase.end {
        k = skip_determiners(words, k..phrase.end);
        let at = mentions.partition_point(|m| m.tokens.start < k);
        let mention =
            mentions.get(at).filter(|m| m.tokens.start == k && m.tokens.end <= phrase.end);
        // A name the entity stage missed: a run of capitalised proper nouns.
        let end = match mention {
            Some(m) => m.tokens.end,
            None => (k..phrase.end)
                .find(|&j| !(ctx.is_capitalized(j) && ctx.doc.tokens[j].tag == Some(Upos::Propn)))
                .unwrap_or(phrase.end),
        };
        if end == k {
            return None;
        }
        first.get_or_insert(k);
        names += 1;
        k = end;
        if k == phrase.end || joined {
            break;
        }
        // A comma (with "and" after it before the last name), or "and".
        if words[k] == "," {
            k += 1;
        }
        if k < phrase.end && matches!(ctx.lower[k].as_str(), "and" | "or") {
            if joined {
                return None;
            }
            joined = true;
            k += 1;
        }
    }
    (names >= 2 && joined && k == phrase.end).then(|| first.unwrap_or(phrase.start)..phrase.end)
}

/// Whether a place the entity stage found ends `tokens` ("in Texas", "at
/// Heathrow Airport").
fn place_mention_until(ctx: &Ctx<'_>, tokens: Range<usize>) -> bool {
    let mentions = &ctx.doc.mentions;
    let first = mentions.partition_point(|m| m.tokens.start < tokens.start);
    mentions[first..]
        .iter()
        .take_while(|m| m.tokens.end <= tokens.end)
        .any(|m| m.tokens.end == tokens.end && is_place(m.kind))
}

fn is_place(kind: crate::doc::EntityKind) -> bool {
    use crate::doc::EntityKind;
    matches!(kind, EntityKind::Gpe | EntityKind::Loc | EntityKind::Fac)
}

/// Whether the comma at `comma` goes on with a list ("China, Iran, and
/// Russia").
fn is_list(words: &[&str], comma: usize) -> bool {
    words.get(comma + 1).is_some_and(|w| matches!(*w, "and" | "or"))
}

/// The tokens of the place the entity stage found starting at token `at`.
pub(super) fn place_at(ctx: &Ctx<'_>, at: usize) -> Option<Range<usize>> {
    let mentions = &ctx.doc.mentions;
    let first = mentions.partition_point(|m| m.tokens.start < at);
    mentions
        .get(first)
        .filter(|m| m.tokens.start == at && is_place(m.kind))
        .map(|m| m.tokens.clone())
}

/// A phrase ending in a place, extended over the state or country set off
/// after it by commas: "police in Baytown" + ", Texas" in "police in
/// Baytown, Texas, said" (not a list: "China, Iran pledged").
pub fn with_state_after(ctx: &Ctx<'_>, phrase: Range<usize>, end: usize) -> Range<usize> {
    let words = ctx.words();
    if phrase.end + 1 >= end
        || words[phrase.end] != ","
        || !place_mention_until(ctx, phrase.clone())
    {
        return phrase;
    }
    match place_at(ctx, phrase.end + 1) {
        Some(state) if state.end < end && words[state.end] == "," && !is_list(words, state.end) => {
            phrase.start..state.end
        }
        _ => phrase,
    }
}

/// Whether the phrase is a lone pronoun ("he said", "they told").
pub fn is_pronoun(ctx: &Ctx<'_>, phrase: Range<usize>) -> bool {
    phrase.len() == 1 && PRONOUNS.contains(&ctx.lower[phrase.start].as_str())
}

/// Where the phrase's words start after its determiners ("the", "these").
fn skip_determiners(words: &[&str], phrase: Range<usize>) -> usize {
    let mut from = phrase.start;
    while from < phrase.end && DETERMINERS.contains(&words[from]) {
        from += 1;
    }
    from
}

/// Whether `tail` is one generic word or phrase after an organisation's
/// name ("news agency", "newspaper").
fn generic_tail(words: &[&str], tail: Range<usize>) -> bool {
    LEXICONS.generic_org.match_at(words, tail.start).is_some_and(|n| tail.start + n == tail.end)
}

/// Runs of capitalised tokens in `phrase`, as token ranges, with the
/// particles of names inside them ("Bank of England", "Abu Bakr
/// al-Baghdadi").
fn capitalized_runs(ctx: &Ctx<'_>, phrase: Range<usize>) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut k = phrase.start;
    while k < phrase.end {
        if ctx.is_capitalized(k) && !DETERMINERS.contains(&ctx.lower[k].as_str()) {
            let run_start = k;
            while k < phrase.end
                && (ctx.is_capitalized(k)
                    || matches!(ctx.lower[k].as_str(), "of" | "al" | "bin" | "de"))
            {
                k += 1;
            }
            while k > run_start + 1 && !ctx.is_capitalized(k - 1) {
                k -= 1;
            }
            runs.push(run_start..k);
        } else {
            k += 1;
        }
    }
    runs
}

/// Drops titles before a name of two words or more: "Health Minister
/// Veronika Skvortsova" is Veronika Skvortsova.
pub fn without_titles(name: &str) -> &str {
    let mut rest = name;
    loop {
        let Some((first, tail)) = rest.split_once(' ') else { return rest };
        if tail.split_whitespace().count() < 2
            || !LEXICONS.titles.contains(first.to_lowercase().as_str())
        {
            return rest;
        }
        rest = tail;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::testing::{sentence_of, text, token_of, tokens_of, with_ctx};

    /// The phrase before the cue `cue` in its sentence, by `find`.
    fn before_cue(
        body: &str,
        cue: &str,
        find: fn(&Ctx<'_>, usize, usize) -> Option<Range<usize>>,
    ) -> Option<String> {
        with_ctx(body, |ctx| {
            let sentence = sentence_of(ctx, cue);
            text(ctx, find(ctx, sentence.start, token_of(ctx, cue)))
        })
    }

    fn phrase_before_cue(ctx: &Ctx<'_>, start: usize, cue: usize) -> Option<Range<usize>> {
        phrase_before(ctx, start..cue)
    }

    #[test]
    fn phrase_before_steps_over_a_leading_time_phrase() {
        let found = before_cue(
            "On Monday the ministry said the road would reopen.",
            "said",
            phrase_before_cue,
        );
        assert_eq!(found.as_deref(), Some("the ministry"));
    }

    #[test]
    fn phrase_before_stops_at_a_comma() {
        let found = before_cue(
            "Asked about the closure, officials said the road would reopen.",
            "said",
            phrase_before_cue,
        );
        assert_eq!(found.as_deref(), Some("officials"));
    }

    #[test]
    fn no_phrase_right_after_a_boundary() {
        with_ctx("The road, officials said, would reopen.", |ctx| {
            let comma = token_of(ctx, ",");
            assert_eq!(phrase_before(ctx, 0..comma + 1), None);
            assert_eq!(phrase_after(ctx, comma..comma + 3), None);
        });
    }

    #[test]
    fn subject_before_skips_adverbs() {
        let found = before_cue(
            "The group subsequently claimed that it had planted the device.",
            "claimed",
            subject_before,
        );
        assert_eq!(found.as_deref(), Some("The group"));
    }

    #[test]
    fn subject_before_leaves_out_a_floated_quantifier() {
        let found = before_cue(
            "The students were shocked. They all thought that the rule was unfair.",
            "thought",
            subject_before,
        );
        assert_eq!(found.as_deref(), Some("They"));
        let found =
            before_cue("The two leaders both said the talks had failed.", "said", subject_before);
        assert_eq!(found.as_deref(), Some("The two leaders"));
    }

    #[test]
    fn subject_before_reads_acronyms_and_post_nominals() {
        // "WHO" is the organisation, not the pronoun.
        let found = before_cue("WHO say iodine deficiency is common.", "say", subject_before);
        assert_eq!(found.as_deref(), Some("WHO"));
        // "SC" is a post-nominal after the name, not a name after a role.
        let found = before_cue(
            "Tom Molomby, SC, said that the parents should be declared not guilty.",
            "said",
            subject_before,
        );
        assert_eq!(found.as_deref(), Some("Tom Molomby"));
    }

    #[test]
    fn subject_before_takes_the_name_before_a_role() {
        let found = before_cue(
            "Maria Alvarez, spokesperson for the regional council, said the bridge was safe.",
            "said",
            subject_before,
        );
        assert_eq!(found.as_deref(), Some("Maria Alvarez"));
    }

    #[test]
    fn subject_before_takes_the_name_after_a_role() {
        let found = before_cue(
            "The mayor's spokesperson, Maria Alvarez, said the bridge was safe.",
            "said",
            subject_before,
        );
        assert_eq!(found.as_deref(), Some("Maria Alvarez"));
    }

    #[test]
    fn a_relative_pronoun_is_no_subject() {
        let found = before_cue(
            "The fires, which state media said were under control, spread overnight.",
            "said",
            subject_before,
        );
        assert_eq!(found.as_deref(), Some("state media"));
    }

    #[test]
    fn phrase_after_keeps_such_as() {
        with_ctx("Media outlets such as the BBC reported the arrest.", |ctx| {
            let found = phrase_after(ctx, sentence_of(ctx, "media"));
            assert_eq!(text(ctx, found).as_deref(), Some("Media outlets such as the BBC"));
        });
    }

    #[test]
    fn sentence_subject_drops_a_time_phrase() {
        with_ctx("On Tuesday the committee voted to close the plant.", |ctx| {
            let found = sentence_subject(ctx, sentence_of(ctx, "committee"));
            assert_eq!(text(ctx, found).as_deref(), Some("the committee"));
        });
    }

    #[test]
    fn a_sentence_that_opens_with_its_verb_has_no_subject() {
        with_ctx("Asked about the plan, he declined to comment.", |ctx| {
            assert_eq!(sentence_subject(ctx, sentence_of(ctx, "asked")), None);
        });
    }

    /// The source `to_source` makes of `phrase` in `body`.
    fn source_of(body: &str, phrase: &str) -> Option<(String, SourceKind)> {
        with_ctx(body, |ctx| to_source(ctx, tokens_of(ctx, phrase)).map(|s| (s.text, s.kind)))
    }

    #[test]
    fn to_source_keeps_the_name() {
        let named = |text: &str| Some((text.to_string(), SourceKind::Named));
        assert_eq!(
            source_of(
                "The state-run TASS news agency reported the fire.",
                "the state-run TASS news agency"
            ),
            named("TASS")
        );
        assert_eq!(
            source_of(
                "Media outlets such as the BBC reported the arrest.",
                "Media outlets such as the BBC"
            ),
            named("BBC")
        );
    }

    #[test]
    fn to_source_keeps_a_long_name_whole() {
        let body = "The Center for Biological Diversity said the population grew.";
        assert_eq!(
            source_of(body, "The Center for Biological Diversity").map(|s| s.0),
            Some("Center for Biological Diversity".to_string())
        );
        let body = "The Search and Rescue Agency said the ship vanished.";
        assert_eq!(
            source_of(body, "The Search and Rescue Agency").map(|s| s.0),
            Some("Search and Rescue Agency".to_string())
        );
    }

    #[test]
    fn names_joined_by_and_speak_together() {
        let named = |text: &str| Some((text.to_string(), SourceKind::Named));
        let body = "Saudi Arabia and the United States said Iran was behind the attack.";
        assert_eq!(
            source_of(body, "Saudi Arabia and the United States"),
            named("Saudi Arabia and the United States")
        );
        let body = "The attack was claimed by rebels, but both Saudi Arabia and the United \
                    States have alleged Iranian involvement in the attack.";
        assert_eq!(
            source_of(body, "both Saudi Arabia and the United States"),
            named("Saudi Arabia and the United States")
        );
        let body = "France, Germany and Italy said the deal was dead.";
        assert_eq!(
            source_of(body, "France , Germany and Italy"),
            named("France, Germany and Italy")
        );
        // One name that holds "and" stays one; a description beside a name
        // is not a second name.
        let body = "The Search and Rescue Agency said the ship vanished.";
        assert_eq!(
            source_of(body, "The Search and Rescue Agency").map(|s| s.0),
            Some("Search and Rescue Agency".to_string())
        );
        // A place after "in" is where the speakers are, not who they are.
        let body = "Researchers at the University of Colorado in Boulder and the College of \
                    Wooster in Ohio reported a new mechanism.";
        let source = source_of(body, "Boulder and the College of Wooster");
        assert_ne!(source.map(|s| s.0), Some("Boulder and the College of Wooster".to_string()));
    }

    #[test]
    fn to_source_drops_a_leading_with() {
        let body = "The plant closed, with officials saying it was unsafe.";
        assert_eq!(
            source_of(body, "with officials"),
            Some(("officials".to_string(), SourceKind::Unnamed))
        );
    }

    #[test]
    fn to_source_keeps_an_unnamed_description() {
        assert_eq!(
            source_of("Senior officials said the talks had stalled.", "Senior officials"),
            Some(("Senior officials".to_string(), SourceKind::Unnamed))
        );
    }

    #[test]
    fn a_place_after_a_common_noun_says_where_the_source_is() {
        let body = "A federal judge in Texas said the law was void.";
        assert_eq!(
            source_of(body, "A federal judge in Texas"),
            Some(("A federal judge in Texas".to_string(), SourceKind::Unnamed))
        );
        let body = "Officials at Heathrow Airport said flights were cancelled.";
        assert_eq!(
            source_of(body, "Officials at Heathrow Airport"),
            Some(("Officials at Heathrow Airport".to_string(), SourceKind::Unnamed))
        );
        // A name before the place still names the source.
        let body = "Police Chief John Smith in Texas said the road was closed.";
        assert_eq!(
            source_of(body, "Police Chief John Smith in Texas").map(|s| s.0),
            Some("John Smith".to_string())
        );
    }

    #[test]
    fn a_state_set_off_after_a_place_belongs_to_it() {
        let subject = |body: &str| before_cue(body, "said", subject_before);
        assert_eq!(
            subject("Police in Baytown, Texas, said the driver had crashed before."),
            Some("Police in Baytown, Texas".to_string())
        );
        let body = "The mayor of Springfield, Illinois, said the plant would close.";
        assert_eq!(
            source_of(body, "The mayor of Springfield , Illinois").map(|s| s.0),
            Some("Springfield, Illinois".to_string())
        );
        // A list of places is no place and its state.
        assert_ne!(
            subject("China, Iran, and Russia said they would pay."),
            Some("China, Iran".to_string())
        );
    }

    #[test]
    fn dates_figures_and_pronouns_are_no_source() {
        assert_eq!(source_of("On Monday he said the talks had stalled.", "Monday"), None);
        assert_eq!(source_of("On Monday he said the talks had stalled.", "he"), None);
        assert_eq!(source_of("A total of 39 were rescued, officials said.", "A total of 39"), None);
    }

    #[test]
    fn is_pronoun_wants_a_lone_pronoun() {
        with_ctx("They and their lawyers said the ruling was unfair.", |ctx| {
            assert!(is_pronoun(ctx, tokens_of(ctx, "they")));
            assert!(!is_pronoun(ctx, tokens_of(ctx, "they and their lawyers")));
        });
    }

    #[test]
    fn without_titles_keeps_a_name_of_two_words() {
        assert_eq!(without_titles("Health Minister Veronika Skvortsova"), "Veronika Skvortsova");
        assert_eq!(without_titles("Minister Skvortsova"), "Minister Skvortsova");
        assert_eq!(without_titles("Veronika Skvortsova"), "Veronika Skvortsova");
    }
}
