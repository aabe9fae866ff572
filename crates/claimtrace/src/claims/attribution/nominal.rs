//! Claims named by nouns ("the accusation that ...", "claims that ..."),
//! copular claims, facts told in relative clauses, and confirmations.

use super::*;

/// "The accusation against the minister is that she misled parliament":
/// a noun naming a claim (its subject, with at most a short phrase after
/// it) and "is that" or "was that". The "that" of that clause.
pub(super) fn copular_that(ctx: &Ctx<'_>, noun: usize, end: usize) -> Option<usize> {
    let words = ctx.words();
    // The first verb "be" within a few words, unless a comma or a
    // semicolon comes first.
    let be = (noun + 1..end.min(noun + 8))
        .find(|&k| matches!(words[k], "is" | "was" | "are" | "were" | "," | ";"))?;
    let phrase = noun + 1..be;
    // The noun's own phrase: nothing, or a preposition and its object
    // ("against the minister", "by the opposition"), with no verb in it.
    let short_phrase = phrase.is_empty()
        || ctx.doc.tokens[phrase.start].tag == Some(Upos::Adp)
            && !phrase.clone().any(|k| looks_finite_verb(ctx, k));
    let copula = matches!(words[be], "is" | "was" | "are" | "were");
    (copula && short_phrase && words.get(be + 1) == Some(&"that") && be + 2 < end).then_some(be + 1)
}

/// The claim of a copular claim noun ([`copular_that`]): the clause after
/// "that", reported (the article names it a claim, an accusation, an
/// allegation), from its owner when one is named.
pub(super) fn copular_claim(
    ctx: &Ctx<'_>,
    found: &mut Found,
    sentence: &Sentence<'_>,
    noun: usize,
    that: usize,
    owner: Option<Source>,
) {
    // The clause runs to the sentence's end or a semicolon.
    let words = ctx.words();
    let mut from = that + 1;
    while from < sentence.tokens.end && words[from] == "," {
        from += 1;
    }
    let to = (from..sentence.tokens.end).find(|&k| words[k] == ";").unwrap_or(sentence.tokens.end);
    let content = trim_punct(ctx, from..to);
    let cue = ctx.token_span(noun, noun + 1);
    let stances = owner
        .iter()
        .map(|owner| Stance {
            actor: owner.text.clone(),
            kind: StanceKind::Asserts,
            cue: Some(cue),
        })
        .collect();
    push_claim(
        found,
        Claim {
            text: ctx.span_text(content.start, content.end).to_string(),
            span: ctx.token_span(content.start, content.end),
            sentence: sentence.index,
            chain: owner.into_iter().collect(),
            status: Status::Reported,
            stances,
            cue: Some(cue),
            status_cue: Some(cue),
        },
    );
}

/// "His assertion that the vote was rigged was dismissed by the court",
/// "the ministry's claim that the plant was safe": a noun naming a claim
/// (`claim_nouns.txt`), with "that" and a clause after it, reports the
/// clause as its owner's claim; a passive denial after it ("was rejected
/// by X") disputes it, X denying. A claim with neither owner nor denial
/// is hedged when its noun says the claim is about (`hedging_nouns.txt`:
/// "amid allegations that ...") and left alone otherwise ("the statement
/// that ...").
pub(super) fn nominal_claims(
    ctx: &Ctx<'_>,
    found: &mut Found,
    sentence: &Sentence<'_>,
    attributions: &[Attribution],
    recent: &[Source],
) {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    let Range { start, end } = sentence.tokens.clone();
    for noun in start..end.saturating_sub(3) {
        if !LEXICONS.claim_nouns.contains_key(ctx.lower[noun].as_str())
            || sentence.in_direct[noun].is_some()
            // (Nor the form a cue's content takes: "said in a statement
            // that ...".)
            || attributions.iter().any(|a| {
                a.content.contains(&noun)
                    || a.cue.contains(&noun)
                    || a.cue.end <= noun && noun < a.content.start
            })
        {
            continue;
        }
        let copular = copular_that(ctx, noun, end);
        // Where the clause starts: after "that", or right after the noun
        // when the parse hangs a content clause on it without one
        // ("allegations Trump tried to pressure ...").
        let from = if words[noun + 1] == "that" {
            noun + 2
        } else if copular.is_none() && bare_content_clause(ctx, noun, end) {
            noun + 1
        } else if copular.is_none() {
            continue;
        } else {
            noun + 2
        };
        // The owner: "his", "her", "their" or "X's" right before the noun.
        let owner = match noun.checked_sub(1).filter(|&k| k >= start).map(|k| ctx.lower[k].as_str())
        {
            Some("his" | "her") => last_person(ctx, noun),
            // "The ministry did not provide evidence for its claim that
            // ...": the sentence's subject, else the latest source (as
            // when the subject denies it: "Kyiv rejected their claim").
            Some("their" | "its") => sentence_subject(ctx, start..noun - 1)
                .filter(|subject| !is_pronoun(ctx, subject.clone()))
                .filter(|subject| {
                    (subject.end..noun).all(|k| LEXICONS.deny.match_at(words, k).is_none())
                })
                .and_then(|subject| to_source(ctx, subject))
                .or_else(|| recent.last().cloned()),
            Some("'s" | "’s") => phrase_before(ctx, start..noun - 1)
                .and_then(|phrase| to_source(ctx, phrase.start..noun - 1)),
            _ => None,
        };
        if let Some(that) = copular {
            copular_claim(ctx, found, sentence, noun, that, owner);
            continue;
        }
        // The clause: its first verb group, up to the next verb group (the
        // sentence's predicate) or a comma.
        let Some(first_verb) = (from + 1..end).find(|&i| looks_finite_verb(ctx, i)) else {
            continue;
        };
        // Auxiliaries, then one main verb ("was rigged | was dismissed").
        let mut after = first_verb;
        while after < end
            && (tokens[after].tag == Some(Upos::Aux) || matches!(words[after], "not" | "n't"))
        {
            after += 1;
        }
        if after < end && tokens[after].tag == Some(Upos::Verb) {
            after += 1;
        }
        let predicate = (after..end).find(|&i| looks_finite_verb(ctx, i) && words[i - 1] != "to");
        let clause_end = (from..predicate.unwrap_or(end))
            .find(|&i| words[i] == "," || words[i] == ";")
            .unwrap_or(predicate.unwrap_or(end));
        // A passive denial: "was rejected by the ministry".
        let denial = predicate.and_then(|p| {
            let verb = (p..end.min(p + 3)).find(|&i| LEXICONS.deny.match_at(words, i).is_some())?;
            let agent = (words.get(verb + 1) == Some(&"by"))
                .then(|| phrase_after(ctx, verb + 2..end).and_then(|a| to_source(ctx, a)))
                .flatten();
            Some((verb, agent))
        });
        // "amid allegations that ...": a claim nobody is said to own, which
        // the article does not vouch for.
        let hedging = hedging_noun(ctx, start, noun, from);
        if owner.is_none() && denial.is_none() && !hedging || clause_end <= from + 1 {
            continue;
        }
        let cue = ctx.token_span(noun, noun + 1);
        let mut stances = Vec::new();
        if let Some(owner) = &owner {
            stances.push(Stance {
                actor: owner.text.clone(),
                kind: StanceKind::Asserts,
                cue: Some(cue),
            });
        }
        let mut status = match (&owner, hedging) {
            (Some(_), _) => Status::Reported,
            (None, true) => Status::Hedged,
            (None, false) => Status::Asserted,
        };
        let mut status_cue = (owner.is_some() || hedging).then_some(cue);
        if let Some((verb, agent)) = denial {
            let denial_cue = ctx.token_span(verb, verb + 1);
            if let Some(agent) = agent {
                stances.push(Stance {
                    actor: agent.text,
                    kind: StanceKind::Denies,
                    cue: Some(denial_cue),
                });
            }
            status = Status::Disputed;
            status_cue = Some(denial_cue);
        }
        push_claim(
            found,
            Claim {
                text: ctx.span_text(from, clause_end).to_string(),
                span: ctx.token_span(from, clause_end),
                sentence: sentence.index,
                chain: owner.into_iter().collect(),
                status,
                stances,
                cue: Some(cue),
                status_cue,
            },
        );
    }
}

/// Whether token `k` of a sentence from `start` is a noun of
/// `hedging_nouns.txt` with a "that" clause after it and no owner to
/// report it ("amid allegations that the vote was rigged", "There are
/// reports that ..."). After a name or a noun the word is a verb ("Boeing
/// claims that ...", "Apple reports that ...", whatever the tagger made of
/// the name); a verb right after "that" opens a relative clause ("a
/// report that was published on Monday"), as does a pronoun and a verb
/// with a comma after ([`object_relative`]).
pub(super) fn hedging_noun(ctx: &Ctx<'_>, start: usize, k: usize, clause: usize) -> bool {
    let tag = |k: usize| ctx.doc.tokens.get(k).and_then(|t| t.tag);
    LEXICONS.hedging_nouns.contains(ctx.lower[k].as_str())
        && (clause == k + 1 || ctx.lower.get(k + 1).is_some_and(|w| w == "that"))
        && hedging_noun_clause(ctx, clause)
        && !(k > start
            && (matches!(tag(k - 1), Some(Upos::Noun | Upos::Propn | Upos::Pron))
                || k == start + 1 && ctx.is_capitalized(start)
                || ctx
                    .doc
                    .mentions
                    .iter()
                    .any(|m| m.tokens.end == k && m.kind != crate::doc::EntityKind::Norp)))
}

/// Whether the words at `clause`, after a claim noun and "that", open a
/// content clause, not a relative one ("a report that was published",
/// "the claim that he made, ...").
pub(super) fn hedging_noun_clause(ctx: &Ctx<'_>, clause: usize) -> bool {
    let tag = ctx.doc.tokens.get(clause).and_then(|t| t.tag);
    !matches!(tag, Some(Upos::Verb | Upos::Aux)) && !object_relative(ctx, clause)
}

/// Whether a content clause with no "that" follows the noun `noun`
/// ("allegations Trump tried to pressure the government"): a subject
/// right after the noun, then a finite verb the parse attaches to the noun
/// and which has a complement of its own (an object or a clause); a
/// relative clause lacks one ("the claims Trump made in 2019 were false"),
/// and so does an intransitive verb, whose clause is left alone.
pub(super) fn bare_content_clause(ctx: &Ctx<'_>, noun: usize, end: usize) -> bool {
    let tokens = &ctx.doc.tokens;
    if noun + 2 >= end || !LEXICONS.claim_nouns.contains_key(ctx.lower[noun].as_str()) {
        return false;
    }
    let starts_subject =
        matches!(tokens[noun + 1].tag, Some(Upos::Propn | Upos::Det | Upos::Pron | Upos::Num))
            || tokens[noun + 1].tag == Some(Upos::Noun) && ctx.is_capitalized(noun + 1);
    if !starts_subject {
        return false;
    }
    let Some(verb) = (noun + 2..end.min(noun + 7)).find(|&k| looks_finite_verb(ctx, k)) else {
        return false;
    };
    // The verb group's head: the auxiliaries' main verb.
    let main = match tokens[verb].tag {
        Some(Upos::Aux) => tokens[verb].head.filter(|&h| h > verb && h < end).unwrap_or(verb),
        _ => verb,
    };
    let subject_ok = (noun + 1..verb)
        .any(|k| tokens[k].head == Some(main) && matches!(tokens[k].rel, Some(Rel::Nsubj)));
    let attached =
        tokens[main].head == Some(noun) && matches!(tokens[main].rel, Some(Rel::Acl | Rel::Ccomp));
    let complement = (main + 1..end).any(|k| {
        tokens[k].head == Some(main)
            && matches!(tokens[k].rel, Some(Rel::Obj | Rel::Iobj | Rel::Xcomp | Rel::Ccomp))
    });
    subject_ok && attached && complement
}

/// Whether the words from `subject` read as a relative clause that lacks
/// its object: a personal pronoun, a verb group and a comma after it
/// ("From all reports that I have seen, the government ..."; not "reports
/// that he would resign.").
pub(super) fn object_relative(ctx: &Ctx<'_>, subject: usize) -> bool {
    let tag = |k: usize| ctx.doc.tokens.get(k).and_then(|t| t.tag);
    if !ctx.lower.get(subject).is_some_and(|w| PERSONAL.contains(&w.as_str())) {
        return false;
    }
    let mut k = subject + 1;
    while matches!(tag(k), Some(Upos::Aux | Upos::Adv | Upos::Part)) {
        k += 1;
    }
    tag(k) == Some(Upos::Verb) && ctx.lower.get(k + 1).is_some_and(|w| w == ",")
}

/// Personal pronouns, as subjects.
pub(super) const PERSONAL: &[&str] = &["i", "we", "you", "he", "she", "they"];

/// Facts stated in passing in a non-restrictive relative clause: "Kyiv and
/// the U.S., which issued a warning about …, have rejected …" states that
/// the U.S. issued a warning. A confirmation in such a clause ("…, which
/// has been deemed genuine by the BBC") makes a confirmed claim of the
/// antecedent.
pub(super) fn relative_facts(ctx: &Ctx<'_>, found: &mut Found, sentence: &Sentence<'_>) {
    let words = ctx.words();
    let Range { start, end } = sentence.tokens.clone();
    for relative in start + 1..end {
        if words[relative - 1] != ","
            || !matches!(words[relative], "which" | "who")
            || sentence.in_direct[relative].is_some()
        {
            continue;
        }
        let clause_end = (relative + 1..end).find(|&i| words[i] == ",").unwrap_or(end);
        if clause_end <= relative + 2 {
            continue;
        }
        // ", who asked not to be named,": why the source is unnamed.
        if LEXICONS.anonymity.find(words, relative + 1..clause_end).is_some() {
            continue;
        }
        if let Some(confirm) = LEXICONS.confirm.find(words, relative + 1..clause_end) {
            if words.get(confirm.end) != Some(&"by") {
                continue;
            }
            // "The footage, which was verified by CNN, shows ...": the
            // clause sits in the subject; the sentence's own claim is
            // confirmed.
            let in_subject = clause_end + 1 < end && looks_finite_verb(ctx, clause_end + 1);
            let relative_span = ctx.doc.tokens[relative].span;
            // (Or the claim whose source the clause is on: "The footage,
            // which ..., shows" makes the footage its source.)
            let antecedent = ctx.doc.tokens[relative - 1].span.start();
            let own = found.claims.iter().position(|c| {
                c.sentence == sentence.index
                    && (c.chain.is_empty() && c.span.contains(relative_span)
                        || c.chain
                            .first()
                            .and_then(|s| s.span)
                            .is_some_and(|s| s.end() <= antecedent && s.end() + 1 >= antecedent))
            });
            match own.filter(|_| in_subject) {
                Some(own) => {
                    let confirmer = phrase_after(ctx, confirm.end + 1..clause_end)
                        .and_then(|phrase| to_source(ctx, phrase));
                    let cue = Some(ctx.token_span(confirm.start, confirm.end));
                    let claim = &mut found.claims[own];
                    claim.strengthen(Status::Confirmed, cue);
                    if let Some(confirmer) = confirmer {
                        claim.stances.push(Stance {
                            actor: confirmer.text,
                            kind: StanceKind::Confirms,
                            cue,
                        });
                    }
                }
                None => confirmed(ctx, found, sentence, relative - 1, confirm.end + 1..clause_end),
            }
            continue;
        }
        let verb = words[relative + 1];
        let past = verb.ends_with("ed")
            || matches!(
                verb,
                "issued"
                    | "said"
                    | "made"
                    | "sent"
                    | "gave"
                    | "took"
                    | "led"
                    | "won"
                    | "lost"
                    | "held"
                    | "began"
                    | "fled"
                    | "struck"
            );
        if !past || LEXICONS.speech.contains(verb) || LEXICONS.claim.contains(verb) {
            continue;
        }
        // The antecedent: the last conjunct of the phrase before the comma.
        let Some(phrase) = phrase_before(ctx, start..relative - 1) else { continue };
        // Not past a cue ("The mayor said the bridge, which ...": the
        // bridge is the antecedent, not the mayor's saying).
        let antecedent_start = phrase
            .clone()
            .rev()
            .find(|&i| {
                words[i] == "and"
                    || LEXICONS.speech.contains(words[i])
                    || LEXICONS.claim.contains(words[i])
            })
            .map_or(phrase.start, |i| i + 1);
        let antecedent = antecedent_start..phrase.end;
        if !antecedent.clone().any(|i| ctx.is_capitalized(i)) {
            continue;
        }
        let text = format!(
            "{} {}",
            ctx.span_text(antecedent.start, antecedent.end),
            ctx.span_text(relative + 1, clause_end)
        );
        let span = ctx.token_span(antecedent.start, clause_end);
        push_claim(found, Claim::unattributed(text, span, sentence.index, Status::Asserted));
    }
}

/// "…, which has been deemed genuine by Y": the sentence up to the comma
/// at `comma` is confirmed by Y, the phrase that starts `confirmer` (up to
/// the end of the relative clause); "video by X" makes X its origin.
pub(super) fn confirmed(
    ctx: &Ctx<'_>,
    found: &mut Found,
    sentence: &Sentence<'_>,
    comma: usize,
    confirmer: Range<usize>,
) {
    let words = ctx.words();
    let start = sentence.tokens.start;
    let mut from = start;
    // "It follows the release of …": the pronoun and its verb are not part
    // of the claim.
    if matches!(words[start], "it" | "this")
        && start + 1 < comma
        && looks_finite_verb(ctx, start + 1)
        || matches!(words[start], "it" | "this")
            && start + 1 < comma
            && words[start + 1].ends_with('s')
    {
        from = start + 2;
        while from < comma && matches!(words[from], "after" | "amid" | "on" | "from") {
            from += 1;
        }
    }
    if from >= comma {
        return;
    }
    // The words that confirm: from after the comma to "by".
    let confirm_cue = Some(ctx.token_span(comma + 1, confirmer.start.max(comma + 2)));
    let confirmer = phrase_after(ctx, confirmer).and_then(|phrase| to_source(ctx, phrase));
    let origin = (from..comma)
        .find(|&i| LEXICONS.artefact.contains(words[i]) && words.get(i + 1) == Some(&"by"))
        .and_then(|i| {
            let author_start = i + 2;
            let author_end = (author_start..comma)
                .find(|&k| {
                    ctx.doc.tokens[k].tag == Some(Upos::Verb)
                        || !ctx.is_capitalized(k) && words[k].ends_with("ing")
                })
                .unwrap_or(comma);
            (author_end > author_start).then(|| to_source(ctx, author_start..author_end)).flatten()
        });
    let mut stances = Vec::new();
    if let Some(origin) = &origin {
        stances.push(Stance {
            actor: origin.text.clone(),
            kind: StanceKind::Asserts,
            cue: origin.span,
        });
    }
    if let Some(confirmer) = &confirmer {
        stances.push(Stance {
            actor: confirmer.text.clone(),
            kind: StanceKind::Confirms,
            cue: confirm_cue,
        });
    }
    push_claim(
        found,
        Claim {
            text: ctx.span_text(from, comma).to_string(),
            span: ctx.token_span(from, comma),
            sentence: sentence.index,
            chain: origin.into_iter().collect(),
            status: Status::Confirmed,
            stances,
            cue: None,
            status_cue: confirm_cue,
        },
    );
}

/// Whether direct quotation `q` opens the sentence right after the one
/// where quotation `q - 1` ends, in the same paragraph.
pub(super) fn follows_quote(ctx: &Ctx<'_>, direct: &[Direct], q: usize) -> bool {
    let Some(previous) = q.checked_sub(1).map(|p| &direct[p]) else { return false };
    let previous_end = previous.close.unwrap_or(previous.content.end.saturating_sub(1));
    let previous_sentence = quotes::sentence_of(ctx, previous_end);
    let this_sentence = quotes::sentence_of(ctx, direct[q].open);
    let sentences = &ctx.doc.sentences;
    this_sentence == previous_sentence + 1
        && sentences[this_sentence].paragraph == sentences[previous_sentence].paragraph
        && sentences[this_sentence].tokens.start == direct[q].open
}

/// The named source nearest before character `before`, for the pronoun at
/// token `pronoun` beside a quotation.
pub(super) fn latest_named(
    ctx: &Ctx<'_>,
    recent: &[Source],
    pronoun: usize,
    before: usize,
) -> Option<Source> {
    // `recent` is in the order sources were found, and direct quotations
    // are read after every sentence: text order decides. "he" and "she"
    // stand for people only.
    let pronoun = ctx.lower[pronoun].as_str();
    recent
        .iter()
        .filter(|s| s.kind == SourceKind::Named && s.span.is_some_and(|span| span.end() <= before))
        .filter(|s| !matches!(pronoun, "he" | "she") || agrees(ctx, s, pronoun))
        .max_by_key(|s| s.span.map(|span| span.end()))
        .cloned()
}

/// The source of a cue in the same sentence as a direct quotation, before
/// it ("the poster says, \"…") or after it ("\"…,\" he said").
pub(super) fn beside_source(
    ctx: &Ctx<'_>,
    quote: &Direct,
    recent: &mut Vec<Source>,
) -> Option<Source> {
    let words = ctx.words();
    let sentence = ctx.doc.sentences.get(quotes::sentence_of(ctx, quote.open))?;
    let start = sentence.tokens.start;
    // After: `"…," said X` or `"…," X said`.
    if let Some(close) = quote.close {
        let after = close + 1;
        let end = trim_punct(ctx, sentence.tokens.clone()).end.max(after);
        // `"…," according to a post by X`.
        if let Some(named_from) = (after..end.min(after + 3))
            .find_map(|i| LEXICONS.according.match_at(words, i).map(|n| i + n))
        {
            if let Some(phrase) = phrase_after(ctx, named_from..end) {
                if is_pronoun(ctx, phrase.clone()) {
                    return latest_named(
                        ctx,
                        recent,
                        phrase.start,
                        ctx.doc.tokens[quote.open].span.start(),
                    );
                }
                return to_source(ctx, phrase);
            }
        }
        if let Some(cue) = (after..end).find(|&i| LEXICONS.speech.contains(words[i])) {
            // "X told the press": the one told is not the source.
            let hearer_after = LEXICONS.tell.contains(words[cue]);
            let speaker =
                if cue + 1 < end && !hearer_after { phrase_after(ctx, cue + 1..end) } else { None }
                    .filter(|phrase| {
                        !is_pronoun(ctx, phrase.clone())
                            && phrase.clone().all(|i| !is_time_word(words[i]))
                    })
                    .or_else(|| phrase_before(ctx, after..cue));
            if let Some(speaker) = speaker {
                if is_pronoun(ctx, speaker.clone()) {
                    return latest_named(
                        ctx,
                        recent,
                        speaker.start,
                        ctx.doc.tokens[quote.open].span.start(),
                    );
                }
                return to_source(ctx, speaker);
            }
        }
    }
    // Before: a cue, then maybe a comma or colon, then the mark.
    let mut before = quote.open;
    while before > start && matches!(words[before - 1], "," | ":") {
        before -= 1;
    }
    let near = (before.saturating_sub(4).max(start)..before)
        .rev()
        .find(|&i| LEXICONS.speech.contains(words[i]) || LEXICONS.claim.contains(words[i]));
    let cue_before = near
        .max(label_before(ctx, start, before))
        .filter(|&i| (i + 1..before).all(|j| !looks_finite_verb(ctx, j)));
    // A clause closed by a colon introduces the quotation ("the Church
    // denied these allegations: \"...\""): the subject of its verb speaks.
    let colon_verb = || {
        let colon = quote.open.checked_sub(1).filter(|&c| c > start && words[c] == ":")?;
        (start..colon).rev().find(|&i| {
            looks_finite_verb(ctx, i)
                && ctx.doc.tokens[i].tag == Some(Upos::Verb)
                && !ctx.is_capitalized(i)
        })
    };
    if let Some(cue) = cue_before {
        let mut subject = subject_before(ctx, start, cue)?;
        // "The ministry has, in a statement, called ...": the auxiliary
        // is no part of the subject.
        while subject.end > subject.start + 1
            && ctx.doc.tokens[subject.end - 1].tag == Some(Upos::Aux)
        {
            subject.end -= 1;
        }
        if is_pronoun(ctx, subject.clone()) {
            return latest_named(
                ctx,
                recent,
                subject.start,
                ctx.doc.tokens[quote.open].span.start(),
            );
        }
        let source = to_source(ctx, subject)?;
        recent.push(source.clone());
        return Some(source);
    }
    // Without a cue, only a name with no verb in it is taken.
    let verb = colon_verb()?;
    let subject = subject_before(ctx, start, verb)?;
    if subject.clone().any(|i| matches!(ctx.doc.tokens[i].tag, Some(Upos::Verb | Upos::Aux)))
        || crate::claims::source::place_at(ctx, subject.start) == Some(subject.clone())
    {
        return None;
    }
    // "She continued: \"...\"": the first person named in the sentence
    // before it ("Mayor X spoke on the show when he made the announcement:"),
    // else the person named last (`recent` holds the sources of the whole
    // article by now, so text order decides).
    if is_pronoun(ctx, subject.clone()) {
        if !matches!(ctx.lower[subject.start].as_str(), "he" | "she") {
            return None;
        }
        return first_person_in(ctx, start..subject.start)
            .or_else(|| last_person(ctx, subject.start));
    }
    let source = to_source(ctx, subject).filter(|s| s.kind == SourceKind::Named)?;
    recent.push(source.clone());
    Some(source)
}
