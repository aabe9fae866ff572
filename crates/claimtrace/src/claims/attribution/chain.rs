//! Chain phrases: the sources a sentence names without a cue of its own
//! ("according to", "citing", "quoting", "told"), and the tests of the
//! words around a cue that say whether it reports.

use super::*;

/// Sources named by chain phrases in a sentence.
#[derive(Default)]
pub(super) struct ChainPhrases {
    /// "citing X", "quoting X": the origin side.
    pub(super) cited: Vec<Source>,
    /// "circulated by X": channels.
    pub(super) agents: Vec<Source>,
    /// "according to X": the outermost channel.
    pub(super) according: Vec<Source>,
    /// Tokens inside those phrases, not part of any content.
    pub(super) masked: Vec<Range<usize>>,
}

/// Which link of a chain a chain phrase names.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum ChainLink {
    /// "according to X".
    According,
    /// "citing X", "quoting X".
    Cited,
    /// "circulated by X", "shared by X".
    Agent,
}

/// The chain phrases of a sentence outside its direct quotations: "...,
/// according to the state news agency", "citing a senior official",
/// "shared by X users".
pub(super) fn chain_phrases(ctx: &Ctx<'_>, sentence: &Sentence<'_>) -> ChainPhrases {
    let words = ctx.words();
    let Range { start, end } = sentence.tokens.clone();
    let mut out = ChainPhrases::default();
    let mut at = start;
    while at < end {
        if sentence.in_direct[at].is_some() {
            at += 1;
            continue;
        }
        let word = words[at];
        let next = words.get(at + 1).copied().unwrap_or("");
        // The link the phrase names, and where its noun phrase starts.
        let phrase = if let Some(n) = LEXICONS.chain.match_at(words, at) {
            let according = LEXICONS.according.match_at(words, at).is_some();
            let link = if according { ChainLink::According } else { ChainLink::Cited };
            Some((link, at + n, false))
        } else if next == "by" && LEXICONS.transmit.contains(word) {
            Some((ChainLink::Agent, at + 2, false))
        } else {
            set_off_at(words, start, at).map(|n| (ChainLink::According, at + n, true))
        };
        if let Some((link, named_from, set_off)) = phrase {
            // "Per the filing, ...", "..., per the filing.": a determined
            // or named phrase set off by commas, or no attribution ("per
            // share", "per capita").
            let determined = |k: usize| {
                matches!(words.get(k), Some(&("the" | "its" | "their" | "his" | "her")))
                    || k < end && ctx.is_capitalized(k)
            };
            let closed = |named: &Range<usize>| {
                let after = words.get(named.end).copied().unwrap_or(".");
                match at == start {
                    true => after == ",",
                    false => named.end >= end || matches!(after, "." | "!" | "?" | ";"),
                }
            };
            let named = match phrase_after(ctx, named_from..end) {
                _ if set_off && !determined(named_from) => None,
                // With a word of it misread as a verb ("Per the company's
                // filing, ..."): the phrase up to the comma.
                Some(named) if set_off && !closed(&named) => {
                    let comma = (named_from..end.min(named_from + 10)).find(|&k| words[k] == ",");
                    comma.filter(|_| at == start).map(|comma| named_from..comma)
                }
                named => named,
            };
            if let Some(named) = named {
                // "according to police in Baytown, Texas, ...".
                let mut named = with_state_after(ctx, named, end);
                // "according to Ambassador to the United States Jane Doe,":
                // a title with a preposition inside runs to the comma.
                if link == ChainLink::According && named.end < end && words[named.end] != "," {
                    if let Some(comma) = (named.end..end).find(|&i| words[i] == ",") {
                        let title = (named.end..comma).all(|i| {
                            ctx.is_capitalized(i)
                                || matches!(words[i], "to" | "of" | "for" | "at" | "the" | "and")
                        });
                        if title && comma - named.end <= 10 {
                            named.end = comma;
                        }
                    }
                }
                // "according to screenshots shared by X users": the sharer.
                if link == ChainLink::According
                    && named.end + 1 < end
                    && LEXICONS.transmit.contains(words[named.end])
                    && words[named.end + 1] == "by"
                {
                    if let Some(sharer) = phrase_after(ctx, named.end + 2..end) {
                        named = sharer;
                    }
                }
                // "according to him": the person named last.
                let pronoun = (named.len() == 1 && matches!(words[named.start], "him" | "her"))
                    .then(|| last_person(ctx, named.start))
                    .flatten();
                if let Some(source) = pronoun.or_else(|| to_source(ctx, named.clone())) {
                    match link {
                        ChainLink::According => out.according.push(source),
                        ChainLink::Cited => out.cited.push(source),
                        ChainLink::Agent => out.agents.push(source),
                    }
                }
                // "according to a senior official who spoke to CNN, ...":
                // the relative clause is no content; the party spoken to
                // passes the words on.
                if link == ChainLink::According {
                    if let Some((comma, told)) = relative_to_comma(ctx, named.end..end) {
                        out.according.extend(told.and_then(|p| to_source(ctx, p)));
                        named.end = comma;
                    }
                }
                // "The poster was circulated by X": the verb of a passive
                // stays with its clause ("The poster was circulated").
                // (Past adverbs: "was later shared by".)
                let passive = link == ChainLink::Agent
                    && word_before_cue(ctx, start, at).is_some_and(|k| is_passive_be(words[k]));
                let mask_from = if passive {
                    at + 1
                } else if at > start && words[at - 1] == "," {
                    at - 1
                } else {
                    at
                };
                out.masked.push(mask_from..named.end);
                at = named.end;
                continue;
            }
        }
        at += 1;
    }
    out
}

/// The length of a chain phrase set off by commas (`set_off.txt`: "per")
/// at `at`: at the sentence's `start`, or after a comma.
pub(super) fn set_off_at(words: &[&str], start: usize, at: usize) -> Option<usize> {
    (at == start || at > start && words[at - 1] == ",")
        .then(|| LEXICONS.set_off.match_at(words, at))
        .flatten()
}

/// A relative clause at the start of `rest` ("who spoke to CNN, ...",
/// "who asked not to be named, ..."), up to the comma that closes it:
/// the comma's index, and the party told where the clause tells someone
/// ("who spoke to CNN", "who told Reuters").
pub(super) fn relative_to_comma(
    ctx: &Ctx<'_>,
    rest: Range<usize>,
) -> Option<(usize, Option<Range<usize>>)> {
    let words = ctx.words();
    if rest.is_empty() || !matches!(words[rest.start], "who" | "which" | "that") {
        return None;
    }
    let comma = (rest.start + 1..rest.end.min(rest.start + 16)).find(|&k| words[k] == ",")?;
    // ("according to CNN, who reported that ...": a report of its own.)
    let reports =
        |k: usize| LEXICONS.speech.contains(words[k]) || LEXICONS.claim.contains(words[k]);
    if (rest.start + 1..comma).any(reports) {
        return None;
    }
    let told = (rest.start + 1..comma).find_map(|k| {
        let n = if LEXICONS.tell.contains(words[k]) {
            1
        } else {
            LEXICONS.spoke_to.match_at(words, k)?
        };
        let from = k + n;
        phrase_after(ctx, from..comma)
    });
    Some((comma, told))
}

/// Whether token `k` lies in one of the chain phrases.
pub(super) fn masked(ranges: &[Range<usize>], k: usize) -> bool {
    ranges.iter().any(|range| range.contains(&k))
}

/// Prepositions before a noun use of a cue word ("with reports", "amid
/// claims").
pub(super) const PREPOSITIONS: &[&str] =
    &["with", "of", "in", "on", "by", "from", "to", "about", "for", "amid", "despite"];

/// Determiners and possessives before a noun use of a cue word ("the
/// claims", "Moscow's report", "their statement").
pub(super) const POSSESSIVE_OR_DET: &[&str] = &[
    "the", "a", "an", "these", "those", "such", "its", "their", "his", "her", "our", "'s", "’s",
    "this", "that", "no", "any",
];

/// Words before a base-form verb ("they claim", "will say").
pub(super) const BASE_FORM_SUBJECTS: &[&str] = &[
    "they",
    "we",
    "i",
    "you",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "to",
    "did",
    "do",
    "does",
    "should",
    "must",
    "not",
    "officials",
    "sources",
];

/// A base form ("claim", "report") after a name is a noun: "the IS
/// claim".
pub(super) fn is_base_form_noun(ctx: &Ctx<'_>, sentence: &Sentence<'_>, k: usize) -> bool {
    let words = ctx.words();
    let word = words[k];
    let base = !(word.ends_with('s')
        || word.ends_with("ed")
        || word.ends_with("ing")
        || LEXICONS.past_forms.contains(word));
    // After a name, the word is a noun where a noun phrase would be: an
    // article before the name ("the IS claim"), a verb or a preposition
    // after the word ("Russia report says"), a noun after a word the
    // tagger does not read as a verb ("Maryland state law"); not in
    // "Davis say zebras ...".
    let tokens = &ctx.doc.tokens;
    // (Unless the tagger reads a verb with a noun phrase or clause after
    // it: "Documents obtained by the Guardian show the company paid ...".)
    let verb_with_object = tokens[k].tag == Some(Upos::Verb)
        && tokens
            .get(k + 1)
            .is_some_and(|t| matches!(t.tag, Some(Upos::Det | Upos::Pron | Upos::Num)))
        || words.get(k + 1) == Some(&"that");
    let noun_slot = (k >= sentence.tokens.start + 2
        && POSSESSIVE_OR_DET.contains(&words[k - 2])
        && !verb_with_object)
        || tokens.get(k + 1).is_none_or(|t| {
            matches!(t.tag, Some(Upos::Aux | Upos::Verb | Upos::Punct | Upos::Adp))
                || t.tag == Some(Upos::Noun) && tokens[k].tag != Some(Upos::Verb)
                // A number opens the clause a verb reports ("Police say
                // 2000 people marched").
                || !matches!(t.kind, TokenKind::Word | TokenKind::Number)
        });
    let name_before = k > sentence.tokens.start && ctx.is_capitalized(k - 1) && noun_slot;
    base && k > sentence.tokens.start
        && !BASE_FORM_SUBJECTS.contains(&words[k - 1])
        && (name_before || POSSESSIVE_OR_DET.contains(&words[k - 1]))
}

/// A cue word in "-s" right after an auxiliary or "to", where no verb in
/// "-s" can stand: a plural noun ("There were states that ...", "would be
/// reports of ..."). Base forms in "-ss" ("will stress that") are verbs.
pub(super) fn is_plural_after_auxiliary(ctx: &Ctx<'_>, k: usize) -> bool {
    const BEFORE_BASE_OR_PARTICIPLE: &[&str] = &[
        "is", "are", "was", "were", "be", "been", "being", "will", "would", "can", "could", "may",
        "might", "must", "should", "shall", "to", "did", "does", "do",
    ];
    let word = ctx.lower[k].as_str();
    k > 0
        && word.ends_with('s')
        && !word.ends_with("ss")
        && BEFORE_BASE_OR_PARTICIPLE.contains(&ctx.lower[k - 1].as_str())
}

/// A cue the tagger took for a noun that stands where a verb must: right
/// after a bare subject and before a clause ("Police fear more bodies
/// will be found"; not "the police fear of reprisals", "the IS claim").
pub(super) fn verb_between_subject_and_clause(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    k: usize,
) -> bool {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    let subject = k > sentence.tokens.start
        && matches!(tokens[k - 1].tag, Some(Upos::Noun | Upos::Propn | Upos::Pron))
        && !(k >= sentence.tokens.start + 2 && POSSESSIVE_OR_DET.contains(&words[k - 2]));
    // "The indictment alleges that ...": a verb in "-s" between a noun
    // (whatever the tagger made of it) and a "that" clause, after an
    // article too ("the IS claim that ..." has no "-s").
    let s_form_before_that = k > sentence.tokens.start
        && k + 2 < sentence.tokens.end
        && words[k].ends_with('s')
        && !words[k].ends_with("ss")
        // (Not a plural noun of claim: "Russian allegations that ...";
        // after a name it is the name's verb: "The BBC reports that ...".)
        && (!LEXICONS.claim_nouns.contains_key(ctx.lower[k].as_str())
            || tokens[k - 1].tag == Some(Upos::Propn))
        && matches!(tokens[k - 1].tag, Some(Upos::Noun | Upos::Propn | Upos::Adj))
        && words[k + 1] == "that"
        && is_complementizer(ctx, k + 1);
    s_form_before_that
        || subject
            && k + 2 < sentence.tokens.end
            && !matches!(tokens[k + 1].tag, Some(Upos::Adp | Upos::Verb | Upos::Aux | Upos::Punct))
            && (words[k + 1] == "that" || noun_phrase_then_verb(ctx, k + 1..sentence.tokens.end))
}

/// Whether the sentence asks a question: it states nothing in the
/// article's voice ("Could the strike spread to other ports?"). (A cue in
/// a question, "Do you think the strike will spread?", still reports its
/// clause, as GUM annotates it.)
pub(super) fn is_question(ctx: &Ctx<'_>, sentence: &Sentence<'_>) -> bool {
    ctx.doc.sentences[sentence.index].tokens.clone().any(|k| ctx.words()[k] == "?")
}
