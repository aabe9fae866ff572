//! Check-worthiness: which sentences in the article's own voice state a
//! fact someone could check, and so are claims (`docs/claims-model.md`:
//! "the key unattributed facts of the story").
//!
//! The field scores this per sentence (ClaimBuster over debate sentences,
//! the CLEF CheckThat! lab); the signals that carry over to news are the
//! ones used here, read off the parse: a clause with a subject and a verb
//! of its own (not a fragment or a caption), about something concrete (a
//! named actor or place, a number, a date), that is not a question and not
//! the article's evaluation ("It is unclear whether ..."). Description
//! without any of those anchors ("The building was old") is background.

use super::lexicon::LEXICONS;
use super::source::{is_time_word, looks_finite_verb};
use super::Ctx;
use crate::doc::{Rel, TokenKind, Upos};
use std::ops::Range;

/// What makes a clause concrete enough to check.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Anchors {
    /// A named person, organisation or place is mentioned.
    named: bool,
    /// A number, written as digits or words.
    number: bool,
    /// A time expression.
    time: bool,
}

impl Anchors {
    fn any(self) -> bool {
        self.named || self.number || self.time
    }
}

/// Whose words a clause is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Voice {
    /// The article's own; the lead (its first sentence) states the story
    /// and needs no other anchor.
    Article { lead: bool },
    /// A speaker's, quoted: "I" and "we" are the speaker ("We arrested 12
    /// suspects"), a subject like any other. In the article's voice they
    /// are the writer's, no fact of the story.
    Speaker,
}

/// Whether `tokens` (a sentence, or its main clause) state a check-worthy
/// fact, in `voice`.
pub(super) fn states_fact(ctx: &Ctx<'_>, tokens: Range<usize>, voice: Voice) -> bool {
    // The question mark may lie just past the clause, trimmed from it.
    let question = tokens.start..(tokens.end + 1).min(ctx.lower.len());
    if tokens.is_empty() || question.clone().any(|k| ctx.lower[k] == "?") {
        return false;
    }
    let parsed =
        predicate(ctx, tokens.clone()).and_then(|p| subject(ctx, tokens.clone(), p, voice));
    let Some(subject) = parsed.or_else(|| subject_by_order(ctx, tokens.clone())) else {
        return false;
    };
    let anchors = anchors(ctx, tokens.clone());
    // "It was founded in 1992" needs the sentence before to be checked;
    // only a number or a date makes such a sentence a fact on its own.
    // Unless the name it stands for comes before it in the same sentence
    // ("While Puerto Rico is a commonwealth, it is not a state").
    if PRONOUNS.contains(&ctx.lower[subject].as_str()) {
        // The name it stands for anchors it as the name would.
        return named_before(ctx, tokens, subject) || anchors.number || anchors.time;
    }
    voice == Voice::Article { lead: true } || anchors.any()
}

/// Whether `tokens` (a clause) evaluate rather than report: a copula with
/// an adjective ("The bravery of the emergency services is incredible")
/// or a superlative ("Walter was the most brilliant scientist", "It's the
/// best candidate"), and no number or date to check. Read in what a
/// speaker says, whose opinions fill their quotations.
pub(super) fn evaluates(ctx: &Ctx<'_>, tokens: Range<usize>) -> bool {
    let anchors = anchors(ctx, tokens.clone());
    if anchors.number || anchors.time {
        return false;
    }
    let Some(predicate) = predicate(ctx, tokens.clone()) else { return false };
    let doc = ctx.doc;
    let copular = tokens
        .clone()
        .any(|k| doc.tokens[k].head == Some(predicate) && doc.tokens[k].rel == Some(Rel::Cop));
    if !copular {
        return false;
    }
    let superlative = |k: usize| {
        let word = ctx.lower[k].as_str();
        doc.tokens[k].tag == Some(Upos::Adj)
            && (LEXICONS.superlative.contains(word)
                || k > tokens.start && matches!(ctx.lower[k - 1].as_str(), "most" | "least"))
    };
    doc.tokens[predicate].tag == Some(Upos::Adj)
        || tokens.clone().any(|k| doc.tokens[k].head == Some(predicate) && superlative(k))
}

/// Subjects that stand for something named elsewhere.
const PRONOUNS: &[&str] = &["it", "this", "that", "these", "those", "they", "he", "she"];

/// The clause's predicate: a verb of `tokens` whose head lies outside them
/// (the sentence's root, or the head of a clause cut from its sentence),
/// or such a noun or adjective with a copula ("X is the largest ...").
fn predicate(ctx: &Ctx<'_>, tokens: Range<usize>) -> Option<usize> {
    let doc = ctx.doc;
    let heads =
        || tokens.clone().filter(|&k| doc.tokens[k].head.is_none_or(|h| !tokens.contains(&h)));
    heads().find(|&k| matches!(doc.tokens[k].tag, Some(Upos::Verb | Upos::Aux))).or_else(|| {
        heads().find(|&root| {
            tokens
                .clone()
                .any(|k| doc.tokens[k].head == Some(root) && doc.tokens[k].rel == Some(Rel::Cop))
        })
    })
}

/// Splits a sentence into its coordinated clauses ("X hold a majority,
/// and a two-thirds majority is needed"; "the first went off in the
/// cathedral; the second in its car park"): at a semicolon, or a comma
/// before "and", "but" or "while", when both sides read as clauses (a
/// noun or pronoun, then a verb).
pub(super) fn clauses(ctx: &Ctx<'_>, tokens: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut from = tokens.start;
    // "While Puerto Rico is a commonwealth, it is not a state": a leading
    // concession states its own fact beside the main clause's.
    if tokens.len() > 3 && LEXICONS.concessive.contains(&ctx.lower[tokens.start]) {
        let comma = (tokens.start + 2..tokens.end).find(|&k| ctx.lower[k] == ",");
        if let Some(comma) = comma {
            let (lead, main) = (tokens.start + 1..comma, comma + 1..tokens.end);
            if reads_as_clause(ctx, lead.clone()) && reads_as_clause(ctx, main.clone()) {
                pieces.push(lead);
                from = main.start;
            }
        }
    }
    let mut k = from;
    while k < tokens.end {
        let word = ctx.lower[k].as_str();
        let conj = word == ","
            && ctx.lower.get(k + 1).is_some_and(|n| matches!(n.as_str(), "and" | "but" | "while"));
        let bare = matches!(word, "and" | "but") && joins_subjects(ctx, from..k, k + 1..tokens.end);
        if word == ";" || conj || bare {
            let next = if conj { k + 2 } else { k + 1 };
            let rest_end = (next..tokens.end)
                .find(|&j| ctx.lower[j] == ";" || ctx.lower[j] == ",")
                .unwrap_or(tokens.end);
            if reads_as_clause(ctx, from..k) && reads_as_clause(ctx, next..rest_end) {
                pieces.push(from..k);
                from = next;
                k = next;
                continue;
            }
        }
        k += 1;
    }
    pieces.push(from..tokens.end);
    pieces
}

/// Whether "and" or "but" without a comma, between `before` and `after`,
/// joins two main clauses, each with a subject of its own ("Rosselló
/// resigned as governor and | Pierluisi was sworn in"; "The SNP gained 13
/// seats and | Liberal Democrats lost 10"). The parser often reads such a
/// pair as nouns joined, so the tags decide, with guards against the
/// nouns joined that it is right about:
/// - before it, a finite verb, and no subordinator ("because Trump and
///   Congress could not agree"), nor a comma or colon after the verb
///   ("states that did not match: Alabama and Mississippi had");
/// - after it, a short noun phrase, then a finite verb in lower case that
///   modifies nothing ("challenges faced by", "monsters featured") and has
///   no subject before the coordinator ("the men and women were").
fn joins_subjects(ctx: &Ctx<'_>, before: Range<usize>, after: Range<usize>) -> bool {
    let tokens = &ctx.doc.tokens;
    let tag = |k: usize| tokens[k].tag;
    let finite = |k: usize| {
        matches!(tag(k), Some(Upos::Verb | Upos::Aux))
            && !ctx.lower[k].ends_with("ing")
            && !ctx.is_capitalized(k)
    };
    let Some(last_verb) = before.clone().rev().find(|&k| finite(k)) else { return false };
    // (A subordinator as the tagger reads it: "as" of "resigned as
    // governor" is none.)
    let subordinator = |k: usize| {
        tag(k) == Some(Upos::Sconj)
            || matches!(
                ctx.lower[k].as_str(),
                "if" | "unless" | "whether" | "because" | "although" | "though"
            )
    };
    if before.clone().any(subordinator)
        || (last_verb..before.end)
            .any(|k| matches!(ctx.lower[k].as_str(), "," | ":" | ";" | "but" | "and"))
    {
        return false;
    }
    let mut k = after.start;
    while k < after.end
        && k < after.start + 6
        && matches!(
            tag(k),
            Some(Upos::Det | Upos::Adj | Upos::Num | Upos::Propn | Upos::Noun | Upos::Pron)
        )
    {
        k += 1;
    }
    let nominal = |j: usize| matches!(tag(j), Some(Upos::Noun | Upos::Propn | Upos::Pron));
    if !(after.start..k).any(nominal) {
        return false;
    }
    while k < after.end && tag(k) == Some(Upos::Adv) {
        k += 1;
    }
    if k >= after.end || !finite(k) {
        return false;
    }
    // An auxiliary's verb is the predicate ("could not reach").
    let verb = match tag(k) {
        Some(Upos::Aux) => tokens[k].head.filter(|&h| h > k && h < after.end).unwrap_or(k),
        _ => k,
    };
    !matches!(tokens[verb].rel, Some(Rel::Acl | Rel::Amod | Rel::Xcomp))
        && !(0..after.start)
            .any(|j| tokens[j].head == Some(verb) && tokens[j].rel == Some(Rel::Nsubj))
}

fn reads_as_clause(ctx: &Ctx<'_>, tokens: Range<usize>) -> bool {
    let tag = |k: usize| ctx.doc.tokens[k].tag;
    let Some(noun) =
        tokens.clone().find(|&k| matches!(tag(k), Some(Upos::Noun | Upos::Propn | Upos::Pron)))
    else {
        return false;
    };
    (noun + 1..tokens.end).any(|k| matches!(tag(k), Some(Upos::Verb | Upos::Aux)))
}

/// A subject of the predicate that is not the reader ("you"), nor, in
/// the article's voice, the writer ("I", "we").
fn subject(ctx: &Ctx<'_>, tokens: Range<usize>, predicate: usize, voice: Voice) -> Option<usize> {
    tokens.clone().find(|&k| {
        let t = &ctx.doc.tokens[k];
        let person = match ctx.lower[k].as_str() {
            "i" | "we" => voice == Voice::Speaker,
            "you" => false,
            _ => true,
        };
        t.head == Some(predicate)
            && matches!(t.rel, Some(Rel::Nsubj | Rel::Expl | Rel::Csubj))
            && person
    })
}

/// Whether a name is mentioned before `subject` in its sentence (in
/// `tokens`, or in a clause of the same sentence before them): the name a
/// pronoun subject stands for.
fn named_before(ctx: &Ctx<'_>, tokens: Range<usize>, subject: usize) -> bool {
    let sentence = super::quotes::sentence_of(ctx, tokens.start);
    let start = ctx.doc.sentences.get(sentence).map_or(tokens.start, |s| s.tokens.start);
    ctx.doc.mentions.iter().any(|m| m.tokens.start >= start && m.tokens.end <= subject)
}

/// When the parse finds no verb (taggers trained on little news text take
/// "met" or "spoke" for nouns, and an apposition can hang the verb off
/// the name as a modifier), a noun (or a figure: "85%") before a word that
/// looks like a finite verb: right before it, or before an apposition set
/// off by commas and an adverb ("Jane Roe, the council's leader,
/// previously said"). The first verb with one counts: a verb of a
/// relative clause ("Of the 2.8 million who voted, 85% were in favour")
/// has none. A participle that modifies a noun ("the exiting governor")
/// is no verb; a clause that opens on an adverb and its verb ("still
/// lived there when ...") has no subject.
fn subject_by_order(ctx: &Ctx<'_>, tokens: Range<usize>) -> Option<usize> {
    let tag = |k: usize| ctx.doc.tokens.get(k).and_then(|t| t.tag);
    let verbs = tokens.clone().skip(1).filter(|&k| {
        looks_finite_verb(ctx, k)
            && !(ctx.doc.tokens[k].rel == Some(Rel::Amod) && tag(k + 1) == Some(Upos::Noun))
    });
    for verb in verbs {
        let mut before = verb - 1;
        while before > tokens.start && tag(before) == Some(Upos::Adv) {
            before -= 1;
        }
        if ctx.lower[before] == "," {
            // Back over the apposition to the comma that opens it.
            match (tokens.start + 1..before).rev().find(|&k| ctx.lower[k] == ",") {
                Some(open) => before = open - 1,
                None => continue,
            }
        }
        // A name the tagger did not know, taken for an adjective by its
        // ending ("Dorian made landfall"), is a noun before a verb.
        let unknown_name = tag(before) == Some(Upos::Adj)
            && ctx.doc.token_text(before).starts_with(char::is_uppercase);
        let noun = matches!(tag(before), Some(Upos::Noun | Upos::Propn | Upos::Num))
            || ctx.lower[before] == "%"
            || unknown_name;
        if noun && !is_time_word(&ctx.lower[before]) {
            return Some(before);
        }
        if before == tokens.start
            && tag(before) == Some(Upos::Adv)
            && ctx.doc.token_text(before).starts_with(char::is_lowercase)
        {
            return None;
        }
    }
    None
}

/// The anchors found in `tokens`.
fn anchors(ctx: &Ctx<'_>, tokens: Range<usize>) -> Anchors {
    let doc = ctx.doc;
    let (Some(first), Some(last)) = (tokens.clone().next(), tokens.clone().next_back()) else {
        return Anchors::default();
    };
    let (from, to) = (doc.tokens[first].span.start(), doc.tokens[last].span.end());
    let named =
        doc.mentions.iter().any(|m| m.tokens.start < tokens.end && tokens.start < m.tokens.end);
    let number =
        tokens.clone().any(|k| doc.tokens[k].kind == TokenKind::Number || number_word(ctx, k))
            || doc.counts.iter().any(|c| c.span.start() >= from && c.span.end() <= to);
    let time = doc.times.iter().any(|t| t.span.start() >= from && t.span.end() <= to);
    Anchors { named, number, time }
}

/// A number written as a word ("five percent", "a dozen"); not "one",
/// which is as often a pronoun ("one of the candidates").
fn number_word(ctx: &Ctx<'_>, k: usize) -> bool {
    let word = ctx.lower[k].as_str();
    word != "one" && crate::numbers::word_value(word).is_some()
}
