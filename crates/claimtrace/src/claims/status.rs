//! Statuses and stances: signals in a claim's own sentence, then signals in
//! later sentences that point back to it ("The information has not been
//! verified", "Kyiv and the U.S. have rejected Moscow's claims", "No
//! official has backed the IS claim", "contacted the Kremlin for
//! comment").

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::attribution::names_a_claim;
use super::lexicon::LEXICONS;
use super::source::{
    is_passive_be, looks_finite_verb, phrase_after, sentence_subject, subject_before, to_source,
    word_before_cue,
};
use super::{Ctx, Found};
use crate::doc::{Claim, Rel, Span, Stance, StanceKind, Status, Upos};

/// How many claims back a signal may point.
const LOOK_BACK: usize = 12;
/// How many claims back a claim may contradict (an answer often comes
/// paragraphs after the claim it answers).
const CONTRADICTION_LOOK_BACK: usize = 32;
/// How many sentences back a refutation ("found no such action")
/// reaches.
const REFUTED_REACH: usize = 2;

/// Sets the statuses and stances of the claims found, from signals in
/// their own sentence and in the sentences after them.
pub fn link(ctx: &Ctx<'_>, found: &mut Found) {
    let words = ctx.words();
    own_sentence_signals(ctx, found);
    let doc = ctx.doc;
    let mut has_claim = vec![false; doc.sentences.len()];
    for claim in &found.claims {
        has_claim[claim.sentence] = true;
    }
    let reach = &Reach::new(found);
    // Claims found to say no more than a stance on another ("The claims
    // are false, Kyiv said"; "Moscow has denied that it was involved" read
    // whole): dropped once every signal is linked, so that the indices
    // the signals hold stay.
    let mut spent: Vec<usize> = Vec::new();
    let mut pending_by_sentence: Vec<Vec<Stance>> = vec![Vec::new(); doc.sentences.len()];
    for (s, stance) in std::mem::take(&mut found.pending) {
        pending_by_sentence[s].push(stance);
    }
    for (sentence_idx, sentence) in doc.sentences.iter().enumerate() {
        let Range { start, end } = sentence.tokens;
        let mut sentence_target: Option<usize> = None;

        // "The information has not been verified": the latest claim.
        let unverified = LEXICONS.unverified.find(words, start..end);
        if let Some(signal) = unverified.filter(|_| !has_claim[sentence_idx]) {
            if let Some(target) = reach.latest(found, sentence_idx) {
                let cue = Some(ctx.token_span(signal.start, signal.end));
                found.claims[target].strengthen(Status::Unverified, cue);
                sentence_target = Some(target);
            }
        }
        // "Neither claim could be independently verified", "None of the
        // reports has been confirmed": the latest claim and the others of
        // its sentence.
        if let Some(signal) = none_verified(words, start..end).filter(|_| !has_claim[sentence_idx])
        {
            if let Some(target) = reach.latest(found, sentence_idx) {
                let cue = Some(ctx.token_span(signal.start, signal.end));
                let of_sentence = found.claims[target].sentence;
                for i in reach.claims(found, sentence_idx).collect::<Vec<_>>() {
                    if found.claims[i].sentence == of_sentence {
                        found.claims[i].strengthen(Status::Unverified, cue);
                    }
                }
                sentence_target = Some(target);
            }
        }

        // "The ministry said the claims were false", "The claim is true,
        // the UN said": a claim of this sentence that judges a claim named
        // before is its speaker's denial or confirmation, and no claim of
        // its own.
        if let Some(called) = called_judged(ctx, reach, found, sentence_idx) {
            let status = match called.kind {
                StanceKind::Denies => Status::Disputed,
                _ => Status::Confirmed,
            };
            let cue = Some(called.cue);
            add_stance(&mut found.claims[called.target], &called.speaker, called.kind, cue);
            found.claims[called.target].strengthen(status, cue);
            spent.push(called.judging);
            sentence_target = Some(called.target);
        }

        // "The claim is false", "The report turned out to be true": the
        // article's own judgement of a claim it named.
        if let Some((target, kind, cue)) = judged_claim(ctx, reach, found, sentence_idx) {
            let (status, cue) = match kind {
                StanceKind::Denies => (Status::Disputed, Some(cue)),
                _ => (Status::Confirmed, Some(cue)),
            };
            found.claims[target].strengthen(status, cue);
            sentence_target = Some(target);
        }

        // "An investigation by PolitiFact found no such action": the
        // latest claim of the last sentences is disputed, by the source
        // of the claim the words are in, else by the sentence's subject.
        if let Some(signal) = LEXICONS.refuted.find(words, start..end) {
            let recent = |t: &usize| found.claims[*t].sentence + REFUTED_REACH >= sentence_idx;
            if let Some(target) = reach.latest(found, sentence_idx).filter(recent) {
                let cue = ctx.token_span(signal.start, signal.end);
                let said_in = reach.claims(found, sentence_idx).find(|&i| {
                    let c = &found.claims[i];
                    c.sentence == sentence_idx && c.span.contains(cue) && !c.chain.is_empty()
                });
                let actor = match said_in {
                    Some(i) => Some(found.claims[i].chain[0].text.clone()),
                    None => subject_before(ctx, start, signal.start)
                        .and_then(|s| to_source(ctx, s))
                        .map(|s| s.text),
                };
                let cue = Some(cue);
                if let Some(actor) = actor {
                    add_stance(&mut found.claims[target], &actor, StanceKind::Denies, cue);
                }
                found.claims[target].strengthen(Status::Disputed, cue);
                sentence_target = Some(target);
            }
        }

        // "The BBC has verified the footage": the claim about it.
        if let Some(target) = artefact_confirmation(ctx, found, sentence_idx) {
            sentence_target = Some(target);
        }

        // "contacted the Kremlin for comment".
        for verb in start..end {
            if matches!(words[verb], "contacted" | "asked")
                || (words[verb] == "out" && verb > start && words[verb - 1] == "reached")
            {
                let from = if words.get(verb + 1) == Some(&"to") { verb + 2 } else { verb + 1 };
                let Some(for_at) = (from..end).find(|&i| words[i] == "for") else { continue };
                if words.get(for_at + 1) != Some(&"comment") {
                    continue;
                }
                let actor = to_source(ctx, from..for_at);
                let target = sentence_target.or_else(|| reach.latest(found, sentence_idx + 1));
                if let (Some(actor), Some(target)) = (actor, target) {
                    let cue = Some(ctx.token_span(verb, for_at + 2));
                    add_stance(&mut found.claims[target], &actor.text, StanceKind::NoComment, cue);
                    sentence_target = Some(target);
                }
            }
        }

        // Denials and refusals with an object that names a claim:
        // "have rejected Moscow's claims", "has not backed the IS claim".
        let mut at = start;
        while at < end {
            // ("did not deny the claim", "has never disputed it" deny
            // nothing.)
            let deny = LEXICONS
                .deny
                .match_at(words, at)
                .filter(|_| !negated_before(words, start, at))
                .or_else(|| labels_false(ctx, reach, found, sentence_idx, at..end))
                .filter(|_| !(at > start && matches!(words[at - 1], "the" | "a")));
            let negative_subject = || {
                subject_before(ctx, start, at)
                    .is_some_and(|subject| matches!(words[subject.start], "no" | "none" | "nobody"))
            };
            let refuse = LEXICONS
                .no_comment
                .match_at(words, at)
                .or_else(|| LEXICONS.support.match_at(words, at).filter(|_| negative_subject()));
            // "Bloomberg later confirmed the report": a confirmation whose
            // object names a claim (and nothing else: "confirmed him" is
            // an appointment, "confirmed that ..." a claim of its own).
            // In the passive, the subject names it: "The figure has since
            // been confirmed by the United Nations".
            let names_claim = |phrase: Option<Range<usize>>| {
                phrase.is_some_and(|p| named_claim(ctx, reach, found, sentence_idx, p).is_some())
            };
            let confirm = LEXICONS
                .confirming
                .match_at(words, at)
                .filter(|&n| {
                    let passive_by =
                        passive_before(ctx, start, at) && words.get(at + n) == Some(&"by");
                    names_claim(phrase_after(ctx, at + n..end))
                        || passive_by && names_claim(passive_subject(ctx, start, at))
                })
                .filter(|_| deny.is_none() && refuse.is_none())
                // "could not independently confirm the figure" confirms
                // nothing (`unverified.txt` reads it).
                .filter(|_| !negated_before(words, start, at));
            // "State television repeated the claim", "The allegation was
            // echoed by bloggers": the party asserts it too.
            let repeat = LEXICONS.repeat.match_at(words, at).filter(|&n| {
                let passive_by = passive_before(ctx, start, at) && words.get(at + n) == Some(&"by");
                !negated_before(words, start, at)
                    && (passive_by && names_claim(passive_subject(ctx, start, at))
                        || !passive_by && names_claim(phrase_after(ctx, at + n..end)))
            });
            let Some((cue_len, kind)) = deny
                .map(|cue_len| (cue_len, StanceKind::Denies))
                .or(refuse.map(|cue_len| (cue_len, StanceKind::NoComment)))
                .or(confirm.map(|cue_len| (cue_len, StanceKind::Confirms)))
                .or(repeat.map(|cue_len| (cue_len, StanceKind::Asserts)))
            else {
                at += 1;
                continue;
            };
            let cue = at;
            let cue_span = Some(ctx.token_span(cue, cue + cue_len));
            at += cue_len;
            // ", a claim denied by Hamas": a reduced relative after a noun
            // that names the claim of the sentence.
            let reduced = cue >= start + 2
                && matches!(words[cue - 2], "a" | "an")
                && LEXICONS.claim_nouns.contains_key(words[cue - 1])
                && words.get(at) == Some(&"by");
            let passive = reduced || passive_before(ctx, start, cue);
            // "The claim was debunked by fact-checkers": the agent denies,
            // the subject names what is denied.
            let agent = (passive && words.get(at) == Some(&"by"))
                .then(|| phrase_after(ctx, at + 1..end))
                .flatten();
            let (subject, object) = match agent {
                Some(agent) if reduced => (Some(agent), None),
                Some(agent) => (Some(agent), passive_subject(ctx, start, cue)),
                // (", a charge the government rejects": the noun naming
                // the claim is no part of the denier.)
                None => (
                    subject_before(ctx, start, cue).map(|subject| {
                        match subject.len() > 2 && names_a_claim(words, subject.start) {
                            true => subject.start + 2..subject.end,
                            false => subject,
                        }
                    }),
                    denied_object(ctx, at..end),
                ),
            };
            // "Witnesses said ..., contradicting the army's account": a
            // participle after a comma has the speaker for subject.
            let speaker = (cue > start && words[cue - 1] == "," && words[cue].ends_with("ing"))
                .then(|| {
                    let cue_at = ctx.doc.tokens[cue].span.start();
                    found.claims.iter().find(|c| {
                        c.sentence == sentence_idx && !c.chain.is_empty() && c.span.end() <= cue_at
                    })
                })
                .flatten()
                .map(|c| c.chain[0].text.clone());
            // "No Russian official has backed …" names no one.
            let actors: Vec<String> = match subject {
                _ if speaker.is_some() => speaker.into_iter().collect(),
                Some(subject) if matches!(words[subject.start], "no" | "none" | "nobody") => {
                    Vec::new()
                }
                // "he declined to comment": the person named last.
                Some(subject)
                    if subject.len() == 1 && matches!(words[subject.start], "he" | "she") =>
                {
                    let person = super::attribution::last_person(ctx, subject.start);
                    person.map(|s| s.text).into_iter().collect()
                }
                Some(subject) => split_actors(ctx, subject),
                None => Vec::new(),
            };
            // "The FSB denies the two explosions are related": the denied
            // clause is a claim of its own, disputed ("was denied visas"
            // refuses something and denies no clause).
            if kind == StanceKind::Denies
                && !passive
                && object.clone().is_none_or(|object| {
                    named_claim(ctx, reach, found, sentence_idx, object).is_none()
                })
            {
                if let Some(denied) = denied_clause(ctx, found, sentence_idx, at..end) {
                    let claim = &mut found.claims[denied];
                    if claim.status_cue.is_none() {
                        claim.status_cue = cue_span;
                    }
                    for actor in &actors {
                        add_stance(claim, actor, kind, cue_span);
                    }
                    spent.extend(denial_read_whole(ctx, found, denied, cue));
                    sentence_target = Some(denied);
                    continue;
                }
            }
            // ("confirmed its report": the owner is the source.)
            let own_report = object.as_ref().is_some_and(|object| {
                matches!(words[object.start], "its" | "their" | "his" | "her" | "our")
            });
            // "The company rejected the report, saying its products were
            // safe": what the denier says is its own claim, not the one it
            // denies.
            let denier_s_own = |target: &usize| {
                kind == StanceKind::Denies
                    && found.claims[*target].chain.first().is_some_and(|origin| {
                        actors.iter().any(|actor| same_party(actor, &origin.text))
                    })
            };
            let target = object
                .clone()
                .and_then(|object| {
                    let deniers: &[String] = if kind == StanceKind::Denies { &actors } else { &[] };
                    named_claim_not_by(ctx, reach, found, sentence_idx, object, deniers)
                })
                .or(sentence_target.filter(|t| !denier_s_own(t)))
                .or_else(|| {
                    (kind == StanceKind::Denies)
                        .then(|| {
                            answered_claim(ctx, reach, found, sentence_idx, cue, object.clone())
                        })
                        .flatten()
                })
                .or_else(|| {
                    // "has not commented on the death": on something that
                    // names no claim.
                    let on_other = matches!(words.get(at), Some(&("on" | "about")))
                        && !(at + 1..end.min(at + 6))
                            .any(|k| LEXICONS.claim_nouns.contains_key(words[k]));
                    if kind == StanceKind::NoComment && !on_other {
                        paragraph_topic(ctx, reach, found, sentence_idx).or_else(|| {
                            reach.claims(found, sentence_idx).find(|&i| someones(&found.claims[i]))
                        })
                    } else {
                        None
                    }
                });
            // "Hamas denied any involvement in the attack" with no claim
            // before it to answer: the part denied is a claim of its own,
            // disputed by the denier.
            let target = match (target, object.clone()) {
                (None, Some(object))
                    if kind == StanceKind::Denies && !passive && !actors.is_empty() =>
                {
                    denied_part(ctx, found, sentence_idx, object, cue).map(|(part, whole)| {
                        found.claims[part].status_cue = cue_span;
                        spent.extend(whole);
                        part
                    })
                }
                (target, _) => target,
            };
            let Some(target) = target else { continue };
            sentence_target = Some(target);
            // A confirmation by a party outside the claim's chain confirms
            // it; its own source's only takes the stance.
            let independent = kind == StanceKind::Confirms
                && !own_report
                && actors.iter().any(|actor| {
                    !found.claims[target].chain.iter().any(|s| same_party(actor, &s.text))
                });
            for actor in actors {
                add_stance(&mut found.claims[target], &actor, kind, cue_span);
            }
            match kind {
                StanceKind::Denies => found.claims[target].strengthen(Status::Disputed, cue_span),
                StanceKind::Confirms if independent => {
                    found.claims[target].strengthen(Status::Confirmed, cue_span)
                }
                _ => {}
            }
        }

        // Stances from reported speech in this sentence.
        // A refusal to comment answers someone's claim, not the
        // article's own facts.
        for stance in std::mem::take(&mut pending_by_sentence[sentence_idx]) {
            let sourced =
                |&i: &usize| stance.kind != StanceKind::NoComment || someones(&found.claims[i]);
            let latest = || {
                sentence_idx
                    .checked_sub(1)
                    .and_then(|before| reach.claims(found, before).find(|i| sourced(i)))
            };
            let target = sentence_target.or_else(latest);
            if let Some(target) = target {
                add_stance(&mut found.claims[target], &stance.actor, stance.kind, stance.cue);
            }
        }
    }
    contradictions(found);
    spent.sort_unstable();
    spent.dedup();
    for i in spent.into_iter().rev() {
        found.claims.remove(i);
    }
}

/// A claim's text up to a concession set off by a comma (", even though
/// ...", ", although ...": `concessive.txt`).
fn main_clause(text: &str) -> &str {
    // The byte length of the pieces before the concession, with their
    // separators.
    let mut end = 0;
    for (k, piece) in text.split(", ").enumerate() {
        if k > 0 {
            let mut words = piece.split_whitespace();
            let first = words.next().unwrap_or("");
            let first = if first == "even" { words.next().unwrap_or("") } else { first };
            if LEXICONS.concessive.contains(&first.to_lowercase()) {
                return text.get(..end).unwrap_or(text);
            }
            end += ", ".len();
        }
        end += piece.len();
    }
    text
}

/// Whether an actor and a source name one party, the one's words a run
/// of the other's in any case ("the ministry" and "Health Ministry" do
/// not; "Ministry" and "the Health Ministry" do; "US" and "Russia" do
/// not, though the one's letters are in the other).
fn same_party(actor: &str, source: &str) -> bool {
    let words = |name: &str| -> Vec<String> {
        name.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (actor, source) = (words(actor), words(source));
    let inside = |a: &[String], b: &[String]| !a.is_empty() && b.windows(a.len()).any(|w| w == a);
    inside(&actor, &source) || inside(&source, &actor)
}

/// A later claim that says the opposite of an earlier one, from another
/// source ("gas was the trigger", then "reports describe speculation the
/// cause was not in fact a gas leak"; "the Houthis claimed the attacks",
/// then "there was no evidence the attacks came from Yemen"): its source
/// denies the earlier claim. The earlier claim is someone's (it has a
/// source: the article's own facts are not answered this way); the two
/// share content words (at least two, and a third of the shorter's) and
/// differ in negation.
fn contradictions(found: &mut Found) {
    use crate::ledger::Signature;
    // Both sides are someone's claims: only those get a signature, with
    // their origin lower-cased for comparison.
    let signed: Vec<Option<(Signature, String)>> = found
        .claims
        .iter()
        .map(|c| {
            let origin = c.chain.first()?.text.to_lowercase();
            Some((Signature::wording(&c.text), origin))
        })
        .collect();
    // "There is no evidence that the Houthis carried out the attack"
    // (`no_evidence.txt`): the article disputes the earlier claim it
    // repeats.
    for later in 0..found.claims.len() {
        let denier = &found.claims[later];
        if !denier.chain.is_empty()
            || denier.status != Status::Disputed
            || !denier.stances.is_empty()
        {
            continue;
        }
        let (wording, sentence, cue) =
            (Signature::wording(&denier.text), denier.sentence, denier.status_cue);
        let from = later.saturating_sub(CONTRADICTION_LOOK_BACK);
        for (earlier, entry) in signed.iter().enumerate().take(later).skip(from) {
            let Some((signature, _)) = entry else { continue };
            if signature.negated || found.claims[earlier].sentence >= sentence {
                continue;
            }
            let shared = signature.stems.intersection(&wording.stems).count();
            let shorter = signature.stems.len().min(wording.stems.len()).max(1);
            if shared >= 2 && shared * 3 >= 2 * shorter {
                found.claims[earlier].strengthen(Status::Disputed, cue);
            }
        }
    }
    for later in 0..found.claims.len() {
        let Some((later_signature, actor_key)) = &signed[later] else { continue };
        // The negation must be the claim's own, not a concession's ("...
        // are to be permitted, even though research is not yet complete").
        if !later_signature.negated
            || !Signature::wording(main_clause(&found.claims[later].text)).negated
        {
            continue;
        }
        let denier = &found.claims[later];
        let (actor, sentence) = (denier.chain[0].text.clone(), denier.sentence);
        let cue = denier.cue.or(denier.status_cue);
        let from = later.saturating_sub(CONTRADICTION_LOOK_BACK);
        for (earlier, entry) in signed.iter().enumerate().take(later).skip(from) {
            let Some((signature, origin)) = entry else { continue };
            if signature.negated
                || found.claims[earlier].sentence >= sentence
                || origin == actor_key
            {
                continue;
            }
            let shared = signature.stems.intersection(&later_signature.stems).count();
            let shorter = signature.stems.len().min(later_signature.stems.len()).max(1);
            if shared >= 2 && shared * 3 >= shorter {
                let claim = &mut found.claims[earlier];
                add_stance(claim, &actor, StanceKind::Denies, cue);
                claim.strengthen(Status::Disputed, cue);
            }
        }
    }
}

/// Signals inside the sentence of a claim: a hedge, "without evidence",
/// "has not been verified".
fn own_sentence_signals(ctx: &Ctx<'_>, found: &mut Found) {
    let words = ctx.words();
    // Each claim's sentence and span, to keep the signals of one claim's
    // clause from another's ("found that it could rule on X, and found X
    // to be unlawful": the "could" is the first claim's).
    let mut by_sentence: FxHashMap<usize, Vec<Span>> = FxHashMap::default();
    for claim in &found.claims {
        by_sentence.entry(claim.sentence).or_default().push(claim.span);
    }
    for claim in &mut found.claims {
        let span = claim.span;
        let others = by_sentence.get(&claim.sentence).map_or(&[][..], Vec::as_slice);
        // In another claim of the sentence that does not overlap this one.
        let elsewhere = |found: &Range<usize>| {
            let at = ctx.doc.tokens[found.start].span;
            others
                .iter()
                .any(|o| (o.end() <= span.start() || o.start() >= span.end()) && o.contains(at))
        };
        let sentence = &ctx.doc.sentences[claim.sentence];
        let Range { start, end } = sentence.tokens;
        // The claim's clause: its source, cue and content, not the other
        // clauses of the sentence.
        let mut lo = claim.span.start();
        let mut hi = claim.span.end();
        if let Some(cue) = claim.cue {
            lo = lo.min(cue.start());
            hi = hi.max(cue.end());
        }
        for source in &claim.chain {
            if let Some(span) = source.span.filter(|s| sentence.span.contains(*s)) {
                lo = lo.min(span.start());
                hi = hi.max(span.end());
            }
        }
        let from = (start..end).find(|&k| ctx.doc.tokens[k].span.start() >= lo).unwrap_or(start);
        let mut to = (from..end).find(|&k| ctx.doc.tokens[k].span.start() >= hi).unwrap_or(end);
        // "..., without providing evidence" right after the claim says how
        // it was claimed, outside its content.
        if to + 1 < end && words[to] == "," {
            if let Some(n) = LEXICONS.dispute.match_at(words, to + 1) {
                to = (to + 1 + n).min(end);
            }
        }
        let cue = |found: Range<usize>| Some(ctx.token_span(found.start, found.end));
        // A dispute word inside the claim's own content is what the claim
        // says of something else ("Observers said they had found no
        // evidence of fraud", "the ministry said the reports were
        // baseless"), not a dispute of the claim.
        // ("without evidence", "with no evidence" say how it was claimed,
        // wherever they stand.)
        let own_words = |found: &Range<usize>| {
            let at = ctx.doc.tokens[found.start].span;
            claim.span.contains(at) && !matches!(words[found.start], "without" | "with")
        };
        let dispute = first_kept(
            from..to,
            |r| LEXICONS.dispute.find(words, r),
            |f| !elsewhere(f) && !own_words(f),
        );
        if let Some(found) = dispute {
            claim.strengthen(Status::Disputed, cue(found));
        }
        if let Some(found) = LEXICONS.unverified.find(words, start..end) {
            claim.strengthen(Status::Unverified, cue(found));
        }
        // The claim's own tokens.
        let inside = |k: &usize| span.contains(ctx.doc.tokens[*k].span);
        let own = match ((from..to).find(inside), (from..to).rev().find(inside)) {
            (Some(first), Some(last)) => first..last + 1,
            _ => from..from,
        };
        let hedge = |r: Range<usize>| find_hedge_in(ctx, r, own.clone());
        if let Some(found) = first_kept(from..to, hedge, |f| !elsewhere(f)) {
            claim.strengthen(Status::Hedged, cue(found));
        }
    }
}

/// Whether a claim is someone's, which a refusal to comment can answer:
/// it has a source, or the article does not state it as its own
/// ("reports that ...", "reportedly").
fn someones(claim: &Claim) -> bool {
    !claim.chain.is_empty() || claim.status != Status::Asserted
}

/// Whether the verb at `cue` is negated or failed: "not", "n't",
/// "never", "unable to", "failed to" within the three words before it
/// (from `start`): "could not independently confirm", "was unable to
/// verify".
fn negated_before(words: &[&str], start: usize, cue: usize) -> bool {
    (cue.saturating_sub(3).max(start)..cue)
        .any(|k| matches!(words[k], "not" | "n't" | "never" | "unable" | "failed"))
}

/// The first match `find` gives within `range` that `keep` accepts,
/// searching on past the ones it rejects.
fn first_kept(
    range: Range<usize>,
    find: impl Fn(Range<usize>) -> Option<Range<usize>>,
    keep: impl Fn(&Range<usize>) -> bool,
) -> Option<Range<usize>> {
    let mut at = range.start;
    while let Some(found) = find(at..range.end) {
        if keep(&found) {
            return Some(found);
        }
        at = found.end.max(at + 1);
    }
    None
}

/// The first hedge (`hedge.txt`) within `tokens`, unless it opens a
/// certainty (`certainty.txt`: "could not have"); a hedge word written as
/// a name inside a sentence is a name or a month ("Theresa May said",
/// "held in May"), as one the tagger reads as a proper noun.
///
/// A modal in a clause subordinate to the claim's own ("foreign powers
/// should leave, as their presence could cause an arms race", "the
/// suspect, who may have fled, was arrested") qualifies that clause, not
/// the claim.
pub(super) fn find_hedge(ctx: &Ctx<'_>, tokens: Range<usize>) -> Option<Range<usize>> {
    find_hedge_in(ctx, tokens.clone(), tokens)
}

/// [`find_hedge`] over `search`, for a claim whose own words are `claim`.
fn find_hedge_in(ctx: &Ctx<'_>, search: Range<usize>, claim: Range<usize>) -> Option<Range<usize>> {
    let words = ctx.words();
    (search.start..search.end.min(words.len())).find_map(|k| {
        let n = LEXICONS.hedge.match_at(words, k).filter(|&n| k + n <= search.end)?;
        // (A modal only: "reportedly", "allegedly" cast doubt on all
        // they touch.)
        let modal = ctx.doc.tokens[k].tag == Some(Upos::Aux);
        if LEXICONS.certainty.match_at(words, k).is_some() || modal && subordinate(ctx, k, &claim) {
            return None;
        }
        let opens_sentence = k == 0
            || matches!(ctx.text(k - 1), "." | "!" | "?" | ":" | "(" | "\"" | "“" | "‘" | "'");
        let name = ctx.text(k).starts_with(char::is_uppercase)
            && (!opens_sentence || ctx.doc.tokens[k].tag == Some(Upos::Propn));
        (!name).then_some(k..k + n)
    })
}

/// Whether token `k` lies in an adverbial or relative clause that hangs
/// off another word of `clause` (by the parse): on its way up to the
/// clause's root it passes a clause modifier whose head is still inside.
fn subordinate(ctx: &Ctx<'_>, k: usize, clause: &Range<usize>) -> bool {
    let tokens = &ctx.doc.tokens;
    let mut at = k;
    for _ in 0..clause.len() {
        if !clause.contains(&at) {
            return false;
        }
        let Some(head) = tokens[at].head.filter(|h| clause.contains(h)) else { return false };
        if matches!(tokens[at].rel, Some(Rel::Advcl | Rel::Acl)) {
            return true;
        }
        at = head;
    }
    false
}

/// "The claim is false", "The claim appears to be false", "The report
/// turned out to be true": a sentence of the article's own whose subject
/// names an earlier claim, then a copula (or "appears to be", "proved",
/// "turned out to be") and a word of `false.txt` or `true.txt`. The claim
/// named, the judgement (denies or confirms) and the judging word's span.
fn judged_claim(
    ctx: &Ctx<'_>,
    reach: &Reach,
    found: &Found,
    sentence_idx: usize,
) -> Option<(usize, StanceKind, Span)> {
    let words = ctx.words();
    let Range { start, end } = ctx.doc.sentences[sentence_idx].tokens;
    if found.claims.iter().any(|c| c.sentence == sentence_idx && !c.chain.is_empty()) {
        return None;
    }
    let (verb, kind, word) = judgement(words, start..end)?;
    let target = named_claim(ctx, reach, found, sentence_idx, start..verb)?;
    Some((target, kind, ctx.token_span(word.start, word.end)))
}

/// A sentence that judges its subject ("The claim is | false", "appears
/// to be true", "is not true"): the judging verb, the judgement (denies or
/// confirms) and the word of `false.txt` or `true.txt` that makes it.
pub(super) fn judgement(
    words: &[&str],
    tokens: Range<usize>,
) -> Option<(usize, StanceKind, Range<usize>)> {
    let verb = judging_verb(words, tokens.clone())?;
    let after = verb + 1..tokens.end.min(verb + 6);
    let (kind, word) = match LEXICONS.false_label.find(words, after.clone()) {
        Some(word) => (StanceKind::Denies, word),
        None => (StanceKind::Confirms, LEXICONS.true_label.find(words, after)?),
    };
    // ("is not true" denies.)
    let negated = (verb + 1..word.start).any(|k| matches!(words[k], "not" | "n't" | "never"));
    let kind = match (kind, negated) {
        (StanceKind::Confirms, true) => StanceKind::Denies,
        (kind, false) => kind,
        (_, true) => return None,
    };
    Some((verb, kind, word))
}

/// The verb of a sentence that judges its subject ("The claim is | false",
/// "appears to be", "turned out to be"): a copula or a verb of seeming
/// within the first five words of `tokens`, after a subject.
fn judging_verb(words: &[&str], tokens: Range<usize>) -> Option<usize> {
    (tokens.start + 1..tokens.end.min(tokens.start + 6)).find(|&k| {
        matches!(
            words[k],
            "is" | "are"
                | "was"
                | "were"
                | "appears"
                | "appeared"
                | "seems"
                | "seemed"
                | "proved"
                | "proves"
                | "turned"
        )
    })
}

/// "called the allegations baseless", "branded the report a smear": a
/// verb of label (`label.txt`) whose object names an earlier claim and
/// which a word of `false.txt` follows is a denial of it. The length of
/// the cue (the verb) when it is one; it starts `rest`, the rest of the
/// sentence.
fn labels_false(
    ctx: &Ctx<'_>,
    reach: &Reach,
    found: &Found,
    sentence_idx: usize,
    rest: Range<usize>,
) -> Option<usize> {
    let words = ctx.words();
    let Range { start: cue, end } = rest;
    let n = LEXICONS.label.match_at(words, cue)?;
    let object = phrase_after(ctx, cue + n..end)?;
    named_claim(ctx, reach, found, sentence_idx, object.clone())?;
    let noun = (object.start..end).find(|&i| LEXICONS.claim_nouns.contains_key(words[i]))?;
    LEXICONS.false_label.find(words, noun + 1..end.min(noun + 6))?;
    Some(n)
}

/// A claim that judges another ([`called_judged`]).
struct Called {
    /// The claim judged.
    target: usize,
    /// The judging claim, which says no more than the stance.
    judging: usize,
    speaker: String,
    kind: StanceKind,
    /// The judging word ("false", "true").
    cue: Span,
}

/// "The ministry said the claims were false", "The army said reports of
/// civilian casualties were baseless", "The claim is true, the UN said":
/// a claim of sentence `sentence_idx` whose words are a noun phrase
/// naming a claim (`claim_nouns.txt`), a copula and a word of `false.txt`
/// or `true.txt` ([`judgement`]: "not true" denies). The claim it names
/// (not one of the speaker's own) and the judgement.
fn called_judged(
    ctx: &Ctx<'_>,
    reach: &Reach,
    found: &Found,
    sentence_idx: usize,
) -> Option<Called> {
    let words = ctx.words();
    let sentence = &ctx.doc.sentences[sentence_idx];
    found.claims.iter().enumerate().filter(|(_, c)| c.sentence == sentence_idx).find_map(
        |(judging, claim)| {
            let speaker = claim.chain.first()?;
            let tokens = sentence.tokens.clone();
            let start =
                tokens.clone().find(|&k| ctx.doc.tokens[k].span.start() >= claim.span.start())?;
            let end = (start..tokens.end)
                .find(|&k| ctx.doc.tokens[k].span.end() > claim.span.end())
                .unwrap_or(tokens.end);
            let copula = (start + 1..end.min(start + 8))
                .find(|&k| matches!(words[k], "is" | "are" | "was" | "were"))?;
            let subject = start..copula;
            subject.clone().find(|&k| LEXICONS.claim_nouns.contains_key(words[k]))?;
            let (_, kind, label) = judgement(words, copula - 1..end)
                .filter(|(_, _, label)| label.start <= copula + 3)?;
            let parties = std::slice::from_ref(&speaker.text);
            let target = named_claim_not_by(ctx, reach, found, sentence_idx, subject, parties)?;
            Some(Called {
                target,
                judging,
                speaker: speaker.text.clone(),
                kind,
                cue: ctx.token_span(label.start, label.end),
            })
        },
    )
}

/// The first attributed claim of the paragraph of sentence `sentence_idx`, before
/// it: what a refusal to comment later in the paragraph answers ("Outlets
/// reported X, citing sources. The sources said Y. Asked about it, he
/// declined to comment.").
fn paragraph_topic(
    ctx: &Ctx<'_>,
    reach: &Reach,
    found: &Found,
    sentence_idx: usize,
) -> Option<usize> {
    let doc = ctx.doc;
    let paragraph = paragraph_of(ctx, sentence_idx)?;
    let before: Vec<usize> = reach.claims(found, sentence_idx.checked_sub(1)?).collect();
    before.into_iter().rev().find(|&i| {
        let claim = &found.claims[i];
        !claim.chain.is_empty()
            && doc.sentences.get(claim.sentence).is_some_and(|s| paragraph.contains(s.span))
    })
}

/// The span of the paragraph sentence `sentence_idx` is in.
fn paragraph_of(ctx: &Ctx<'_>, sentence_idx: usize) -> Option<Span> {
    let paragraphs = &ctx.doc.paragraphs;
    let at = ctx.doc.sentences.get(sentence_idx)?.span;
    // Paragraphs are in text order.
    paragraphs[paragraphs.partition_point(|p| p.span.end() < at.end())..]
        .first()
        .filter(|p| p.span.contains(at))
        .map(|p| p.span)
}

/// The claims of an article by sentence, to find those a signal may point
/// to without scanning the article: built when statuses are linked (the
/// article's claims are all found by then); claims added after (denied
/// clauses) are looked at one by one.
struct Reach {
    /// (sentence, claim) for the claims found before, in that order.
    by_sentence: Vec<(usize, usize)>,
    /// How many claims there were when this was built.
    indexed: usize,
}

impl Reach {
    fn new(found: &Found) -> Reach {
        let mut by_sentence: Vec<(usize, usize)> =
            found.claims.iter().enumerate().map(|(i, c)| (c.sentence, i)).collect();
        by_sentence.sort_unstable();
        Reach { by_sentence, indexed: found.claims.len() }
    }

    /// The [`LOOK_BACK`] claims a signal in sentence `sentence_idx` may
    /// point to: those of the sentences up to it, latest first (by
    /// sentence, then as found).
    fn claims(&self, found: &Found, sentence_idx: usize) -> impl Iterator<Item = usize> {
        let end = self.by_sentence.partition_point(|&(s, _)| s <= sentence_idx);
        let indexed = self.by_sentence[..end].iter().rev().take(LOOK_BACK).copied();
        // Claims added since are few a sentence, in sentence order.
        let added = (self.indexed..found.claims.len())
            .rev()
            .map(|i| (found.claims[i].sentence, i))
            .filter(|&(s, _)| s <= sentence_idx)
            .take(LOOK_BACK);
        let mut near: Vec<(usize, usize)> = indexed.chain(added).collect();
        near.sort_unstable_by(|a, b| b.cmp(a));
        near.truncate(LOOK_BACK);
        near.into_iter().map(|(_, i)| i)
    }

    /// The latest claim before sentence `before`.
    fn latest(&self, found: &Found, before: usize) -> Option<usize> {
        self.claims(found, before.checked_sub(1)?).next()
    }
}

/// "Neither claim could be independently verified", "None of the
/// reports has been confirmed", "No figures could be verified": a
/// sentence that opens with a negative word, then a subject naming a
/// claim or an artefact (`claim_nouns.txt`, `artefact.txt`), and says it
/// was verified (`verified.txt`) within its first dozen words. The
/// verification's words, from the negative word.
fn none_verified(words: &[&str], tokens: Range<usize>) -> Option<Range<usize>> {
    let first = tokens.start;
    if !matches!(words.get(first), Some(&("neither" | "none" | "no"))) {
        return None;
    }
    let within = first + 1..tokens.end.min(first + 12);
    let found = LEXICONS.verified.find(words, within)?;
    let names_claim = (first + 1..found.start).any(|k| {
        LEXICONS.claim_nouns.contains_key(words[k]) || LEXICONS.artefact.contains(words[k])
    });
    names_claim.then_some(first..found.end)
}

/// "The BBC has verified the footage", "The video was authenticated by
/// Reuters": a verb of confirmation (`confirm.txt`) whose object (or, in
/// the passive, subject) is an artefact (`artefact.txt`: a video, an
/// image, a document) confirms the latest earlier claim, within a few
/// sentences, whose sentence speaks of an artefact: the confirmer's
/// stance, and the status confirmed unless the confirmer is the claim's
/// own source. A negated verb ("has not verified") confirms nothing.
/// The claim confirmed, if any.
fn artefact_confirmation(ctx: &Ctx<'_>, found: &mut Found, sentence_idx: usize) -> Option<usize> {
    let words = ctx.words();
    let Range { start, end } = ctx.doc.sentences[sentence_idx].tokens;
    let artefact = |r: Range<usize>| r.clone().any(|k| LEXICONS.artefact.contains(words[k]));
    let (cue, n) =
        (start..end).find_map(|k| LEXICONS.confirm.match_at(words, k).map(|n| (k, n)))?;
    let passive =
        cue > start && matches!(words[cue - 1], "is" | "are" | "was" | "were" | "been" | "being");
    let (agent, object) = if passive {
        if words.get(cue + n) != Some(&"by") {
            return None;
        }
        (phrase_after(ctx, cue + n + 1..end)?, subject_before(ctx, start, cue)?)
    } else {
        (subject_before(ctx, start, cue)?, phrase_after(ctx, cue + n..end)?)
    };
    // "has not verified the footage", "could not verify it": no
    // confirmation (the second is `unverified.txt`'s).
    let negated = (start..cue).rev().take(3).any(|k| matches!(words[k], "not" | "n't" | "never"));
    if !artefact(object) || negated {
        return None;
    }
    let actor = to_source(ctx, agent)?.text;
    let target = (0..found.claims.len()).rev().find(|&i| {
        let claim = &found.claims[i];
        claim.sentence < sentence_idx
            && claim.sentence + 3 >= sentence_idx
            && artefact(ctx.doc.sentences[claim.sentence].tokens.clone())
    })?;
    let cue_span = Some(ctx.token_span(cue, cue + n));
    let claim = &mut found.claims[target];
    add_stance(claim, &actor, StanceKind::Confirms, cue_span);
    if !claim.chain.iter().any(|source| source.text == actor) {
        claim.strengthen(Status::Confirmed, cue_span);
    }
    Some(target)
}

/// Adds a stance to a claim, once per actor and kind.
fn add_stance(claim: &mut Claim, actor: &str, kind: StanceKind, cue: Option<Span>) {
    if !claim.stances.iter().any(|s| s.actor == actor && s.kind == kind) {
        claim.stances.push(Stance { actor: actor.to_string(), kind, cue });
    }
}

/// "Kyiv and the U.S." to ["Kyiv", "the U.S."].
fn split_actors(ctx: &Ctx<'_>, subject: Range<usize>) -> Vec<String> {
    let words = ctx.words();
    let mut out = Vec::new();
    let mut start = subject.start;
    for k in subject.start..=subject.end {
        if k == subject.end || words.get(k).is_some_and(|w| matches!(*w, "and" | "," | "&")) {
            if k > start {
                if let Some(source) = to_source(ctx, start..k) {
                    out.push(source.text);
                }
            }
            start = k + 1;
        }
    }
    out
}

/// The earlier claim an object phrase names: "Moscow's claims", "the IS
/// claim", "the allegations". The possessor or modifier is matched to a
/// claim's sources, the noun to its cue word ("claims" to "claimed").
fn named_claim(
    ctx: &Ctx<'_>,
    reach: &Reach,
    found: &Found,
    sentence_idx: usize,
    object: Range<usize>,
) -> Option<usize> {
    named_claim_not_by(ctx, reach, found, sentence_idx, object, &[])
}

/// [`named_claim`] among the claims none of `parties` made: a party that
/// denies "the claims" does not deny its own.
fn named_claim_not_by(
    ctx: &Ctx<'_>,
    reach: &Reach,
    found: &Found,
    sentence_idx: usize,
    object: Range<usize>,
    parties: &[String],
) -> Option<usize> {
    let words = ctx.words();
    // "that account", "the ministry's version": a claim named by a
    // demonstrative or its owner (which the phrase found may leave out:
    // "That version was rejected by ...").
    let referent = |k: usize| {
        k > 0
            && matches!(
                words[k - 1],
                "that" | "this" | "these" | "those" | "'s" | "’s" | "its" | "their"
            )
            && LEXICONS.claim_referents.contains(words[k])
    };
    let noun_at = object
        .clone()
        .find(|&k| LEXICONS.claim_nouns.contains_key(words[k]))
        .or_else(|| object.clone().find(|&k| referent(k)))?;
    let cue = LEXICONS.claim_nouns.get(words[noun_at]).map_or("said", String::as_str);
    let modifiers: Vec<String> = (object.start..noun_at)
        .filter(|&k| ctx.is_capitalized(k) && !matches!(words[k], "the" | "a" | "an"))
        .map(|k| words[k].to_string())
        .collect();
    // The best score so far, and its claim.
    let mut best: Option<(usize, usize)> = None;
    for i in reach.claims(found, sentence_idx) {
        let claim = &found.claims[i];
        let Some(origin) = claim.chain.first() else { continue };
        if parties.iter().any(|party| same_party(party, &origin.text)) {
            continue;
        }
        let mut score = 1;
        if claim.cue.is_some_and(|c| ctx.doc.slice(c).to_lowercase() == cue) {
            score += 2;
        }
        // A claim someone made with a cue of speech, rather than a fact
        // the article relates.
        if claim.cue.is_some() {
            score += 1;
        }
        let source_words: Vec<String> = claim
            .chain
            .iter()
            .flat_map(|s| {
                s.text
                    .split(|c: char| !c.is_alphanumeric())
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .collect();
        if modifiers.iter().any(|m| source_words.iter().any(|w| w == m || same_stem(w, m))) {
            score += 3;
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// The claim a denial with no claim noun answers: "Kyiv denied it" (a
/// pronoun for object), "..., which Kyiv denied" (none), "Kyiv denied any
/// involvement" (a noun phrase after "any", or one whose noun shares a
/// stem with the claim's words, "involvement" and "involved"). The latest
/// claim someone made (with a source), before the denial in its sentence
/// or in the last few sentences; for a noun phrase, the latest of those
/// that shares its stem, else, after "any", the latest.
fn answered_claim(
    ctx: &Ctx<'_>,
    reach: &Reach,
    found: &Found,
    sentence_idx: usize,
    cue: usize,
    object: Option<Range<usize>>,
) -> Option<usize> {
    /// How many sentences back "it" reaches.
    const REACH: usize = 3;
    let words = ctx.words();
    let cue_at = ctx.doc.tokens[cue].span.start();
    let candidates = || {
        reach.claims(found, sentence_idx).filter(move |&i| {
            let claim = &found.claims[i];
            !claim.chain.is_empty()
                && claim.sentence + REACH >= sentence_idx
                && (claim.sentence < sentence_idx
                    || claim.sentence == sentence_idx && claim.span.end() <= cue_at)
        })
    };
    let start = ctx.doc.sentences[sentence_idx].tokens.start;
    // ", which Kyiv denied", ", a claim Kyiv denied".
    let relative = (start..cue)
        .rev()
        .take(4)
        .any(|k| words[k] == "which" || LEXICONS.claim_nouns.contains_key(words[k]));
    let Some(object) = object else {
        // ", which Kyiv denied": the claim of the same sentence.
        return relative
            .then(|| candidates().find(|&i| found.claims[i].sentence == sentence_idx))
            .flatten();
    };
    let pronoun =
        |k: usize| matches!(words[k], "it" | "this" | "that" | "them" | "these" | "those");
    if object.len() == 1 && pronoun(object.start) {
        return candidates().next();
    }
    let nouns: Vec<&str> = object
        .clone()
        .filter(|&k| ctx.doc.tokens[k].tag == Some(Upos::Noun) && words[k].chars().nth(4).is_some())
        .map(|k| words[k])
        .collect();
    let shares_stem = |i: usize| {
        found.claims[i]
            .text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| nouns.iter().any(|n| same_stem(&w.to_lowercase(), n)))
    };
    // A noun answers a claim of the denial's paragraph that shares its
    // stem ("denied any involvement" and "was involved"): across a
    // paragraph break the same word names something else.
    let paragraph = paragraph_of(ctx, sentence_idx);
    let in_paragraph = |i: usize| {
        let at = ctx.doc.sentences[found.claims[i].sentence].span;
        paragraph.is_some_and(|p| p.contains(at))
    };
    // ("denied any involvement in the attack" says in what: it answers a
    // claim that shares a word of it, or none.)
    let denies_a_part = words[object.start] == "any"
        && object.len() <= 3
        && object.clone().any(|k| LEXICONS.denial_objects.contains(words[k]));
    candidates()
        .find(|&i| in_paragraph(i) && shares_stem(i))
        .or_else(|| denies_a_part.then(|| candidates().next()).flatten())
}

/// Whether the cue at `cue` is passive ("was later confirmed").
fn passive_before(ctx: &Ctx<'_>, start: usize, cue: usize) -> bool {
    word_before_cue(ctx, start, cue).is_some_and(|k| is_passive_be(ctx.words()[k]))
}

/// The subject of a passive cue: "The figure [has since been]
/// confirmed", the words before its auxiliaries.
fn passive_subject(ctx: &Ctx<'_>, start: usize, cue: usize) -> Option<Range<usize>> {
    sentence_subject(ctx, start..cue).or_else(|| subject_before(ctx, start, cue))
}

/// The noun phrase after a verb of denial, in `rest`: "that claim" and
/// "those reports" too, whose "that" opens no clause.
fn denied_object(ctx: &Ctx<'_>, rest: Range<usize>) -> Option<Range<usize>> {
    let words = ctx.words();
    let demonstrative = words.get(rest.start).is_some_and(|w| matches!(*w, "that" | "those"));
    let noun = rest.start + 1;
    // ("denied that claims of torture were true": a clause.)
    let ends =
        |k: usize| k >= rest.end || matches!(words[k], "," | "." | ";" | "and" | "but" | "as");
    if demonstrative
        && noun < rest.end
        && (LEXICONS.claim_nouns.contains_key(words[noun])
            || LEXICONS.claim_referents.contains(words[noun]))
        && ends(noun + 1)
    {
        return Some(rest.start..noun + 1);
    }
    // "Residents disputed that, saying ...": the pronoun alone.
    let pronoun = words.get(rest.start).is_some_and(|w| matches!(*w, "it" | "this" | "that"));
    if pronoun && ends(rest.start + 1) {
        return Some(rest.start..rest.start + 1);
    }
    phrase_after(ctx, rest)
}

/// The article's own claim that reads the sentence whole where it is
/// only a denial of the clause `denied` ("The Kremlin has repeatedly
/// denied that it interferes ..."): asserted, unattributed, from the
/// denier (no verb before the cue at token `cue`, whatever auxiliaries
/// and adverbs) to the end of the denied clause.
fn denial_read_whole(ctx: &Ctx<'_>, found: &Found, denied: usize, cue: usize) -> Option<usize> {
    let tokens = &ctx.doc.tokens;
    let clause = &found.claims[denied];
    let cue_at = tokens[cue].span;
    found.claims.iter().position(|c| {
        let first = (c.span.start()..c.span.end())
            .contains(&cue_at.start())
            .then(|| tokens.partition_point(|t| t.span.start() < c.span.start()));
        c.sentence == clause.sentence
            && c.chain.is_empty()
            && c.cue.is_none()
            && c.status == Status::Asserted
            && c.span.end() == clause.span.end()
            && first.is_some_and(|first| {
                (first..cue).all(|k| tokens[k].tag != Some(Upos::Verb) && ctx.words()[k] != ",")
            })
    })
}

/// The clause after a denial ("denies [that] the two explosions are
/// related"), made a disputed claim; `None` when what follows is no clause.
/// `rest` is the rest of the sentence after the denial.
fn denied_clause(
    ctx: &Ctx<'_>,
    found: &mut Found,
    sentence_idx: usize,
    rest: Range<usize>,
) -> Option<usize> {
    let words = ctx.words();
    let mut start = rest.start;
    // "..., which they rejected, approving only ...": no object.
    if words.get(start).is_none_or(|w| matches!(*w, "," | ";" | ":" | ".")) {
        return None;
    }
    // "Kyiv denied it, saying ...": a pronoun for the object answers an
    // earlier claim; what follows is no denied clause.
    if words.get(start).is_some_and(|w| matches!(*w, "it" | "this" | "that" | "them" | "these"))
        && words.get(start + 1).is_none_or(|w| matches!(*w, "," | "." | ";" | "and" | "but"))
    {
        return None;
    }
    if words.get(start) == Some(&"that") {
        start += 1;
    }
    // "rejected the claim that ...", "denied reports that ...", "dismissed
    // Russian allegations that ...": the clause after the noun that names
    // it, past the noun's determiner and modifiers.
    let modifier = |k: usize| {
        matches!(
            ctx.doc.tokens[k].tag,
            Some(Upos::Det | Upos::Adj | Upos::Propn | Upos::Pron | Upos::Part)
        )
    };
    let noun = (start..rest.end.min(start + 5))
        .take_while(|&k| LEXICONS.claim_nouns.contains_key(words[k]) || modifier(k))
        .find(|&k| LEXICONS.claim_nouns.contains_key(words[k]));
    match noun {
        Some(noun) if words.get(noun + 1) == Some(&"that") => start = noun + 2,
        // "denied the claims, calling them baseless": the noun names a
        // claim, no clause follows.
        Some(_) => return None,
        None => {}
    }
    // The clause ends at a semicolon or a colon, or at a comma before
    // another conjunct ("denied visas, but the ambassador intervened").
    let mut end = (start..rest.end)
        .find(|&k| {
            words[k] == ";"
                || words[k] == ":"
                || words[k] == ","
                    && words.get(k + 1).is_some_and(|w| {
                        matches!(
                            *w,
                            "but" | "while" | "although" | "though" | "whereas" | "yet" | "however"
                        )
                    })
        })
        .unwrap_or(rest.end);
    while end > start && matches!(words[end - 1], "." | "!" | "?" | ",") {
        end -= 1;
    }
    // A clause has its own verb after a subject of a word or more ("the
    // report as fake news" labels a noun phrase: no clause); a word of a
    // name the tagger took for a verb ("the United Nations") is none.
    let verb = (start + 1..end).find(|&k| looks_finite_verb(ctx, k) && !ctx.is_capitalized(k))?;
    // (Nor is a noun phrase with a relative clause: "contradicted the
    // official position, which belonged to ...".)
    if verb == start
        || end - start < 3
        || (start..verb).any(|k| matches!(words[k], "as" | "," | "which" | "who"))
    {
        return None;
    }
    let span = Span::new(ctx.doc.tokens[start].span.start(), ctx.doc.tokens[end - 1].span.end());
    // The clause may be a claim already, read from its noun ("dismissed
    // allegations that ...": hedged, now disputed).
    if let Some(known) =
        found.claims.iter().position(|c| c.sentence == sentence_idx && c.span == span)
    {
        found.claims[known].strengthen(Status::Disputed, None);
        return Some(known);
    }
    found.claims.push(Claim::unattributed(
        ctx.doc.slice(span).to_string(),
        span,
        sentence_idx,
        Status::Disputed,
    ));
    Some(found.claims.len() - 1)
}

/// Who a claim made of a denied part or act ([`denied_part`]:
/// "involvement in the attack", of "Hamas denied any involvement in the
/// attack"; "targeting civilians", of "Moscow denied targeting
/// civilians") is about: the parties that deny it, whose part or act it
/// names. Empty for any other claim.
pub fn denied_by(claim: &Claim) -> impl Iterator<Item = &str> {
    let first = claim.text.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    // (An act denied opens with its gerund: "targeting civilians".)
    let part = claim.chain.is_empty()
        && claim.status == Status::Disputed
        && (LEXICONS.denial_objects.contains(first)
            || first.ends_with("ing") && first.starts_with(char::is_lowercase));
    claim
        .stances
        .iter()
        .filter(move |s| part && s.kind == StanceKind::Denies)
        .map(|s| s.actor.as_str())
}

/// The part a denier denies having in something, made a disputed claim
/// ("denied any involvement in the attack" → "involvement in the
/// attack"; "denied responsibility for the blast"): a noun of
/// `denial_objects.txt` at the head of the denial's `object`, after "any"
/// or a possessive, and the phrase after it, which must say in what; or
/// an act denied, a gerund and its object ("denied targeting civilians"
/// → "targeting civilians"). The
/// sentence read whole as the article's own claim from the denier (no
/// verb before the cue at `cue`) says no more: its index comes back
/// beside the new claim's, to be dropped.
fn denied_part(
    ctx: &Ctx<'_>,
    found: &mut Found,
    sentence_idx: usize,
    object: Range<usize>,
    cue: usize,
) -> Option<(usize, Option<usize>)> {
    let words = ctx.words();
    let determiner =
        |k: usize| matches!(words[k], "any" | "a" | "its" | "their" | "his" | "her" | "our");
    let mut noun = object.start;
    if noun < object.end && determiner(noun) {
        noun += 1;
    }
    // "denied targeting civilians", "denied carrying out the attack": the
    // act denied, a gerund with its object.
    let act = noun == object.start && gerund(ctx, noun);
    let part = noun + 2 < object.end
        && LEXICONS.denial_objects.contains(words[noun])
        && matches!(words[noun + 1], "in" | "for" | "with" | "behind" | "of" | "to");
    if !act && !part {
        return None;
    }
    let mut end = object.end;
    while end > noun && matches!(words[end - 1], "." | "!" | "?" | "," | ";" | ":") {
        end -= 1;
    }
    if end < noun + if act { 2 } else { 3 } {
        return None;
    }
    let tokens = &ctx.doc.tokens;
    let span = Span::new(tokens[noun].span.start(), tokens[end - 1].span.end());
    found.claims.push(Claim::unattributed(
        ctx.doc.slice(span).to_string(),
        span,
        sentence_idx,
        Status::Disputed,
    ));
    let part = found.claims.len() - 1;
    Some((part, denial_read_whole(ctx, found, part, cue)))
}

/// Whether token `k` is a gerund with an object: a verb in "-ing" the
/// tagger tags as a verb, not followed by a preposition but a particle
/// ("targeting civilians", "carrying out the attack"; "funding for the
/// wall" is a noun: "Congress denied funding for the wall" refuses it).
fn gerund(ctx: &Ctx<'_>, k: usize) -> bool {
    let next = ctx.doc.tokens.get(k + 1).and_then(|t| t.tag);
    let particle = matches!(ctx.lower.get(k + 1).map(String::as_str), Some("out" | "up" | "off"));
    ctx.doc.tokens[k].tag == Some(Upos::Verb)
        && ctx.lower[k].ends_with("ing")
        && (particle || !matches!(next, Some(Upos::Adp) | None))
}

/// Two words of more than four letters that share their first four ("Russia",
/// "Russian"), counted in characters, not bytes.
fn same_stem(a: &str, b: &str) -> bool {
    use crate::chars::first_chars;
    a.chars().nth(4).is_some()
        && b.chars().nth(4).is_some()
        && first_chars(a, 4) == first_chars(b, 4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::testing::{sentence_of, token_of, tokens_of, with_ctx};

    #[test]
    fn split_actors_splits_a_coordination() {
        with_ctx("Kyiv and Washington have rejected Moscow's claims.", |ctx| {
            let actors = split_actors(ctx, tokens_of(ctx, "Kyiv and Washington"));
            assert_eq!(actors, ["Kyiv", "Washington"]);
        });
    }

    /// The claim `denied_clause` makes of what follows `cue` in `body`.
    fn denied(body: &str, cue: &str) -> Option<(String, Status)> {
        with_ctx(body, |ctx| {
            let mut found = Found::default();
            let rest = token_of(ctx, cue) + 1..sentence_of(ctx, cue).end;
            let index = denied_clause(ctx, &mut found, 1, rest)?;
            let claim = &found.claims[index];
            Some((claim.text.clone(), claim.status))
        })
    }

    #[test]
    fn a_denied_clause_is_a_disputed_claim() {
        assert_eq!(
            denied("The security service denies the two explosions are related.", "denies"),
            Some(("the two explosions are related".to_string(), Status::Disputed))
        );
        assert_eq!(
            denied("The council denied that the bridge had been closed for repairs.", "denied"),
            Some(("the bridge had been closed for repairs".to_string(), Status::Disputed))
        );
    }

    #[test]
    fn the_noun_naming_a_denied_clause_is_not_part_of_it() {
        assert_eq!(
            denied("The ministry rejected the claim that the plant had been hit.", "rejected"),
            Some(("the plant had been hit".to_string(), Status::Disputed))
        );
        assert_eq!(
            denied("The company denied reports that it would close the factory.", "denied"),
            Some(("it would close the factory".to_string(), Status::Disputed))
        );
    }

    #[test]
    fn a_denied_noun_phrase_is_no_clause() {
        assert_eq!(denied("The security service denies the report.", "denies"), None);
        // The clause after "denied" ends before another conjunct.
        assert_eq!(
            denied("He denied any wrongdoing, but the court found he had lied.", "denied"),
            None
        );
    }

    #[test]
    fn a_refusal_disputes_nothing() {
        let statuses = |body: &str| {
            with_ctx(body, |ctx| {
                let mut found = crate::claims::attribution::find(ctx, &[]);
                link(ctx, &mut found);
                found.claims.iter().map(|c| (c.text.clone(), c.status)).collect::<Vec<_>>()
            })
        };
        let claims = statuses("The team was denied visas, but the ambassador later intervened.");
        assert!(claims.iter().all(|c| c.1 != Status::Disputed), "{claims:?}");
    }
}
