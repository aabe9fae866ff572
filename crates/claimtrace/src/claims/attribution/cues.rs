//! Cues: the words that report ("said", "claimed", "according to"), each
//! with its source and its content, and the other ways a sentence names
//! who says something (accusations, hearers, interviews, artefacts).

use super::*;

/// Cue words in a sentence and what they attribute. `masked_ranges` are
/// the sentence's chain phrases; `recent` the sources of the sentences
/// before, for pronouns.
pub(super) fn cues(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    masked_ranges: &[Range<usize>],
    recent: &[Source],
) -> Vec<Attribution> {
    let words = ctx.words();
    let Range { start, end } = sentence.tokens.clone();
    let mut out: Vec<Attribution> = Vec::new();
    // Where second reports start, after a content cut at their conjunction.
    let mut clauses: Vec<Clause> = Vec::new();
    // A cue after its content ("…, said the poster.") takes the whole
    // sentence before it, other cues included.
    let last_speech = (start..end).rev().find(|&k| {
        sentence.in_direct[k].is_none()
            && LEXICONS.speech.contains(words[k])
            && !matches!(ctx.doc.tokens[k].tag, Some(Upos::Noun) | Some(Upos::Propn))
    });
    let order: Vec<usize> = match last_speech {
        Some(k) if postposed(ctx, sentence, k).is_some() => {
            std::iter::once(k).chain((start..end).filter(|&i| i != k)).collect()
        }
        _ => (start..end).collect(),
    };
    for cue in order {
        if sentence.in_direct[cue].is_some() || masked(masked_ranges, cue) {
            continue;
        }
        if out.iter().any(|att| att.content.contains(&cue)) {
            continue;
        }
        // "State television repeated ...": a word of a cue that opens the
        // sentence as a modifier (no subject before it) is no cue.
        if cue == start
            && matches!(ctx.doc.tokens[cue].tag, Some(Upos::Adj | Upos::Noun | Upos::Propn))
            && matches!(ctx.doc.tokens[cue].rel, Some(Rel::Amod | Rel::Compound | Rel::Nsubj))
        {
            continue;
        }
        let word = words[cue];
        let participle = LEXICONS.participle.contains(word);
        let speech = LEXICONS.speech.contains(word);
        let adjective = LEXICONS.stance_adjective.contains(word);
        // "figures show that ...": evidence, with "that" only, or after
        // its content ("..., court records show.").
        let evidence = LEXICONS.evidence.contains(word);
        if evidence
            && !(cue + 1 < end && is_complementizer(ctx, cue + 1))
            // (Evidence never comes before its subject: ", showed the
            // ship ..." is the clause's own verb.)
            && !(cue > start && words[cue - 1] != "," && postposed(ctx, sentence, cue).is_some())
            && !artefact_shows_clause(ctx, start, cue, end)
        {
            continue;
        }
        let claim = LEXICONS.claim.contains(word) || adjective || evidence;
        // "Russia accused Ukraine of ...": the accuser's claim, read on
        // its own (no clause follows the cue).
        if let Some(prepositions) = LEXICONS.accuse.get(word) {
            if let Some(reading) = accusation(ctx, sentence, cue, prepositions) {
                let source = phrase_source(ctx, reading.source.clone(), cue, &out, recent);
                if source.is_some() {
                    out.push(Attribution {
                        verifier: None,
                        hearer: None,
                        cue: cue..cue + 1,
                        source,
                        content: reading.content,
                        speech: false,
                        main_end: reading.main_end,
                    });
                }
            }
            continue;
        }
        if !(participle || speech || claim) {
            continue;
        }
        // A participle before its noun ("an investigation into alleged
        // misconduct by ..."): the noun's modifier, no cue.
        let attributive = matches!(ctx.doc.tokens[cue].tag, Some(Upos::Adj | Upos::Verb))
            && ctx.doc.tokens[cue].rel == Some(Rel::Amod)
            && ctx.doc.tokens.get(cue + 1).is_some_and(|t| t.tag == Some(Upos::Noun));
        if attributive && claim && !speech {
            continue;
        }
        // Noun uses: "the claims", "Moscow's report", "with reports"
        // (not "appeared to say": a raising verb before the cue).
        if cue > start
            && (POSSESSIVE_OR_DET.contains(&words[cue - 1])
                || PREPOSITIONS.contains(&words[cue - 1]))
            && raising_before(words, start, cue).is_none()
        {
            continue;
        }
        // "Kyiv rejected claims that ...": a claim noun right after a verb
        // of denial is its object.
        if cue > start
            && LEXICONS.claim_nouns.contains_key(word)
            && LEXICONS.deny.contains(words[cue - 1])
        {
            continue;
        }
        if is_base_form_noun(ctx, sentence, cue)
            || is_plural_after_auxiliary(ctx, cue)
            || matches!(ctx.doc.tokens[cue].tag, Some(Upos::Noun) | Some(Upos::Propn))
                && !verb_between_subject_and_clause(ctx, sentence, cue)
        {
            continue;
        }
        // "In a video posted on Telegram, the group said ...": a past
        // participle after the object of a preposition modifies it; that
        // noun phrase is no subject.
        if words[cue].ends_with("ed")
            && (object_of_preposition_before(ctx, start, cue) || artefact_passed_on(ctx, cue, end))
        {
            continue;
        }
        // A cue word modifying the noun before another cue ("which state
        // media said", "state television reported") is no cue itself.
        if ctx
            .doc
            .tokens
            .get(cue + 1)
            .is_some_and(|t| matches!(t.tag, Some(Upos::Noun | Upos::Propn)))
            && words.get(cue + 2).is_some_and(|n| {
                LEXICONS.speech.contains(n) || LEXICONS.reported_speech.contains(n)
            })
        {
            continue;
        }
        let aux_before = match cue.checked_sub(1).map(|i| words[i]) {
            Some("not" | "n't") if cue >= start + 2 => Some(words[cue - 2]),
            other => other,
        };
        // (A passive past adverbs too: "was first posted".)
        let passive_aux = word_before_cue(ctx, start, cue).map(|k| words[k]);
        let be = |aux: &str| {
            matches!(
                aux,
                "is" | "are"
                    | "was"
                    | "were"
                    | "been"
                    | "being"
                    | "be"
                    | "am"
                    | "'m"
                    | "’m"
                    | "'re"
                    | "’re"
            )
        };
        // "Police are confident that ...", "I am sure ...": an adjective
        // of stance after a form of "be".
        if adjective && !aux_before.is_some_and(be) {
            continue;
        }
        let passive = !adjective && cue > start && passive_aux.is_some_and(be);
        // Passive: "reported by X" names a channel, handled as a chain;
        // but "it was announced by the ministry that ..." names the
        // source of the clause.
        let agent_reading = if words.get(cue + 1) == Some(&"by") {
            let Some(reading) = passive.then(|| agent_and_clause(ctx, sentence, cue)).flatten()
            else {
                continue;
            };
            Some(reading)
        } else {
            None
        };
        // A passive with no agent and no clause ("39 are confirmed dead",
        // "he was reported missing") qualifies its subject; the subject
        // is not a source.
        if passive
            && agent_reading.is_none()
            && words.get(cue + 1).is_none_or(|n| *n != "that" && *n != ":")
        {
            continue;
        }
        // "read" and "reads" (`read_out.txt`) are cues only before the text
        // they read.
        if LEXICONS.read_out.contains(word)
            && !matches!(words.get(cue + 1), Some(&":") | Some(&","))
            && words.get(cue + 1).is_none_or(|n| !n.starts_with(['"', '“']))
        {
            continue;
        }
        if ctx.is_capitalized(cue) && cue > start {
            continue;
        }
        let after_comma = cue > start && words[cue - 1] == ",";
        // "..., officials said, adding that ...": the participle's source is
        // the speaker of the cue it follows.
        let before = (participle && after_comma)
            .then(|| {
                out.iter().rev().find(|att| att.cue.end < cue && att.content.end <= att.cue.start)
            })
            .flatten()
            .filter(|att| att.source.is_some());
        // The second report this cue is in, if any: "and added that" shares
        // the first report's speaker.
        let clause = clauses.iter().rev().find(|c| c.start <= cue).cloned();
        let shared_speaker = clause
            .as_ref()
            .filter(|c| {
                (c.start..cue).all(|k| {
                    LEXICONS.skip.contains(words[k]) || ctx.doc.tokens[k].tag == Some(Upos::Adv)
                })
            })
            .and_then(|c| c.speaker.clone());
        let speaker_before = before.and_then(|att| att.source.clone()).or(shared_speaker);
        let hearer_before = before.and_then(|att| att.hearer.clone());
        // A participle after a comma ("..., saying there was no
        // evidence") hangs from the verb before it, whose subject speaks,
        // even when the word is also a speech cue.
        let quoted = quoted_as_saying(ctx, start, cue);
        let reading = if let Some(reading) = agent_reading {
            reading
        } else if let Some((speaker, _)) = &quoted {
            Reading {
                source: Some(speaker.clone()),
                content: content_after(ctx, cue + 1..end, word),
                main_end: None,
            }
        } else if participle && (!speech || after_comma) {
            let source = if after_comma {
                sentence_subject(ctx, start..cue).or_else(|| {
                    let head = ctx.doc.tokens[cue].head.filter(|&h| start <= h && h < cue)?;
                    subject_before(ctx, start, head)
                })
            } else {
                phrase_before(ctx, start..cue).map(|phrase| after_with(words, phrase))
            };
            Reading { source, content: content_after(ctx, cue + 1..end, word), main_end: None }
        } else if let Some(postposed) = postposed(ctx, sentence, cue) {
            Reading { source: Some(postposed.speaker), content: postposed.content, main_end: None }
        } else {
            // "The agency did not say ..., but said ...": a cue in a second
            // conjunct shares the sentence's subject.
            let conjunct = cue > start && matches!(words[cue - 1], "but" | "and");
            // After a second report's conjunction, the subject is looked
            // for from there ("..., and other forecasters predicted").
            let subject_start = clause.as_ref().map_or(start, |c| c.start);
            let source = if conjunct && clause.is_none() {
                sentence_subject(ctx, start..cue).or_else(|| subject_before(ctx, start, cue))
            } else {
                subject_before(ctx, subject_start, cue)
                    .or_else(|| conjunct.then(|| sentence_subject(ctx, start..cue)).flatten())
            };
            // "Rebels seized the town and the army said ...": the clause
            // before the coordinator is the article's too.
            let main_end = source.as_ref().and_then(|subject| {
                subordinate_main_end(words, start, subject.start).or_else(|| {
                    let k = subject.start.checked_sub(1)?;
                    (k > start && crate::claims::source::opens_clause(ctx, start, k, cue))
                        .then_some(k)
                })
            });
            Reading { source, content: content_after(ctx, cue + 1..end, word), main_end }
        };
        // "Documents obtained by Reuters show ...": the agent of the
        // participle right before the cue passes the documents on (a
        // chain phrase, `transmit.txt`); the subject is what it passed.
        let (subject, verifier) = agent_after_subject(ctx, reading.source.clone(), masked_ranges);
        let reading = Reading { source: subject, ..reading };
        let mut content = reading.content;
        // "The strike, which officials said targeted a depot, killed four":
        // the relative pronoun is not part of the source, and the report
        // ends with the relative clause, at its closing comma.
        let mut reading_source = reading.source.clone();
        if let Some(phrase) = reading_source.as_mut() {
            if phrase.len() > 1 && matches!(words[phrase.start], "which" | "who" | "that") {
                phrase.start += 1;
            }
            let relative = phrase.start >= start + 2
                && matches!(words[phrase.start - 1], "which" | "who" | "that")
                && words[phrase.start - 2] == ",";
            if relative {
                if let Some(comma) = content.clone().find(|&k| words[k] == ",") {
                    content.end = comma;
                }
            }
        }
        let reading = Reading { source: reading_source, content: content.clone(), ..reading };
        // "Police have not said whether anyone was arrested", "did not
        // immediately say how many died", "Police did not say the man was
        // armed": what a source did not say reports nothing, and is no
        // claim of the article's either (an empty content). (Not a state
        // of mind: "I don't know which one it was" reports the speaker's
        // uncertainty; not an act a noun phrase names: "will not announce
        // the dealerships it intends to shut".)
        let negated = (start..cue).rev().take(3).find(|&k| {
            !(LEXICONS.skip.contains(words[k]) || ctx.doc.tokens[k].tag == Some(Upos::Adv))
                || matches!(words[k], "not" | "n't" | "never")
        });
        let clause_next = words.get(cue + 1).is_some_and(|w| {
            matches!(
                *w,
                "that" | "whether" | "if" | "how" | "why" | "when" | "where" | "what" | "who"
            )
        });
        // (A confirmation with a noun phrase for object is an act the
        // article states: "the Senate had not confirmed his nomination".)
        if negated.is_some_and(|k| matches!(words[k], "not" | "n't" | "never"))
            && (speech && !LEXICONS.act.contains(word)
                || LEXICONS.confirming.contains(word) && clause_next)
        {
            content = cue + 1..cue + 1;
        }
        // "expects 6 million visitors according to the event website": a
        // chain phrase that closes the content is the channel, not part of
        // what is said.
        if let Some(phrase) = masked_ranges.iter().find(|r| {
            content.start < r.start
                && r.start < content.end
                && (r.end..content.end).all(|k| ctx.doc.tokens[k].kind == TokenKind::Punct)
        }) {
            content.end = phrase.start;
        }
        let mut second = None;
        // "reported, quoting the state news agency (KCNA), the military
        // ...": a chain phrase opening the content is not part of it.
        while let Some(phrase) = masked_ranges.iter().find(|r| r.contains(&content.start)) {
            let mut from = phrase.end;
            if words.get(from) == Some(&"(") {
                from = (from..content.end).find(|&k| words[k] == ")").map_or(from, |k| k + 1);
            }
            while from < content.end && matches!(words[from], "," | "that") {
                from += 1;
            }
            if from <= content.start || from >= content.end {
                break;
            }
            content.start = from;
        }
        // "Although I am sure that X, I was nervous": a cue in a leading
        // subordinate clause reports up to the comma that closes it.
        if LEXICONS.subordinators.contains(&ctx.lower[start])
            && cue > start + 1
            && !matches!(ctx.doc.tokens[start + 1].tag, Some(Upos::Verb | Upos::Adp))
            && !matches!(words[start + 1], "of" | "for" | "to" | "well")
            && !(start..cue).any(|k| words[k] == ",")
            && content.start > cue
        {
            if let Some(comma) = content.clone().find(|&k| words[k] == ",") {
                content.end = comma;
            }
        }
        // "said X, but the ambassador says Y": the second report is its
        // own.
        if let Some((end, next)) = second_report(ctx, sentence, content.clone()) {
            content.end = end;
            second = Some(next);
        }
        // "describe the real world", "wrote two novels", "a lake found
        // through radar mapping": a cue that takes a clause, with a noun
        // phrase for its object or a prepositional phrase after it, and no
        // verb after it (the parse may miss a clause), reports no content.
        // A verb in a relative clause on the object ("maintained a policy
        // which the UN criticised") is not the cue's clause.
        if content.start > cue
            && LEXICONS.clause_only.contains(word)
            && (object_not_clause(ctx, cue, content.clone())
                || ctx.doc.tokens.get(content.start).is_some_and(|t| t.tag == Some(Upos::Adp)))
            && !content
                .clone()
                .any(|i| looks_finite_verb(ctx, i) && !in_relative_clause(ctx, i, content.clone()))
        {
            continue;
        }
        // "told about the project", "know about the book ..., though I
        // might be wrong", "posted to Twitter": what "about" opens is a
        // topic, and a prepositional phrase with no verb and no quotation
        // in it a place; neither is content.
        if content.start > cue
            && !content.is_empty()
            && ctx.doc.tokens[content.start].tag == Some(Upos::Adp)
            && !count_opening(ctx, content.start)
            && (words[content.start] == "about" && !noun_phrase_then_verb(ctx, content.clone())
                || !content.clone().any(|k| {
                    looks_finite_verb(ctx, k)
                        || sentence.in_direct[k].is_some()
                        || ctx.doc.tokens[k].kind == TokenKind::Quote
                }))
        {
            continue;
        }
        // "ruled that ...", "a judge ruled the law was void": a clause
        // after the cue, else no cue ("ruled on the appeal").
        if (adjective || LEXICONS.clause_object.contains(word))
            && !clause_object(ctx, cue, content.clone())
        {
            continue;
        }
        // "No group has claimed responsibility", "Nobody said ...": a
        // subject that names no one reports nothing; what is left is the
        // article's own statement.
        if speaker_before.is_none()
            && reading.source.as_ref().is_some_and(|phrase| {
                // (Not the interjection: "No, I can't tell them ...".)
                let negative = |k: usize| {
                    matches!(words[k], "no" | "nobody" | "none" | "neither")
                        && words.get(k + 1).is_some_and(|w| !matches!(*w, "," | "." | "!"))
                };
                negative(phrase.start) || phrase.start > start && negative(phrase.start - 1)
            })
        {
            continue;
        }
        let source = speaker_before
            .or_else(|| phrase_source(ctx, reading.source.clone(), cue, &out, recent))
            .filter(|_| !impersonal_report(ctx, cue));
        if let Some(start) = second {
            clauses.push(Clause { start, speaker: source.clone() });
        }
        out.push(Attribution {
            verifier,
            hearer: hearer(ctx, sentence, cue)
                .or_else(|| interviewer(ctx, sentence.tokens.start..content.start))
                .or_else(|| {
                    quoted
                        .and_then(|(_, quoter)| phrase_source(ctx, Some(quoter), cue, &out, recent))
                })
                .or(hearer_before),
            cue: cue..cue + 1,
            source,
            content,
            speech: speech || participle && LEXICONS.speech_participle.contains(word),
            main_end: reading.main_end,
        });
    }
    out
}

/// "It was reported that ...", "It has been widely claimed that ...": a
/// cue in the passive after an impersonal "it", with a clause after it.
/// Nobody is named; the "it" stands for no one.
pub(super) fn impersonal_report(ctx: &Ctx<'_>, cue: usize) -> bool {
    let words = ctx.words();
    let mut k = cue;
    while k > 0 && (ctx.doc.tokens[k - 1].tag == Some(Upos::Adv) || words[k - 1] == "been") {
        k -= 1;
    }
    k >= 2
        && matches!(words[k - 1], "is" | "was" | "has" | "had")
        && ctx.lower[k - 2] == "it"
        && words.get(cue + 1) == Some(&"that")
}

/// "The agency quoted the governor as saying ...", "Reuters cited a
/// police source saying ...": for the speech participle at `cue`, the
/// speaker (the object of a verb of `quoting.txt`) and the party that
/// quotes them (its subject), who passes the words on.
pub(super) fn quoted_as_saying(
    ctx: &Ctx<'_>,
    start: usize,
    cue: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    let words = ctx.words();
    if !LEXICONS.speech_participle.contains(words[cue]) {
        return None;
    }
    let end = if cue > start && words[cue - 1] == "as" { cue - 1 } else { cue };
    let verb = (start..end).rev().take(12).find(|&k| LEXICONS.quoting.contains(words[k]))?;
    let speaker = phrase_after(ctx, verb + 1..end).filter(|p| p.end == end)?;
    let quoter = subject_before(ctx, start, verb)?;
    Some((speaker, quoter))
}

/// The source a subject phrase of the cue at `cue` names: a name or a
/// description, resolved to the article's fuller mention of it; a
/// pronoun, to whom it stands for (the speaker for "I", a recent source,
/// else the pronoun itself).
pub(super) fn phrase_source(
    ctx: &Ctx<'_>,
    phrase: Option<Range<usize>>,
    cue: usize,
    out: &[Attribution],
    recent: &[Source],
) -> Option<Source> {
    let mut phrase = phrase?;
    // "The mayor later walked back ...", "He then said ...": an adverb of
    // time after the subject is not part of it.
    while phrase.len() > 1
        && matches!(ctx.lower[phrase.end - 1].as_str(), "later" | "earlier" | "then" | "also")
        // ("A month later" is a time, no subject.)
        && !matches!(
            ctx.lower[phrase.end - 2].trim_end_matches('s'),
            "hour" | "day" | "week" | "month" | "year" | "decade" | "moment" | "minute"
        )
    {
        phrase.end -= 1;
    }
    if is_pronoun(ctx, phrase.clone()) {
        first_person(ctx, phrase.start)
            .or_else(|| relative_subject(ctx, phrase.start))
            .or_else(|| resolve_pronoun(ctx, out, recent, phrase.start))
            .or_else(|| unresolved_pronoun(ctx, phrase.start))
    } else {
        to_source(ctx, phrase).map(|s| resolve_surname(ctx, cue, resolve_description(ctx, cue, s)))
    }
}

/// "Hamas released a video which it said showed ...", "footage it says
/// shows ...": "it" or "they" opening a relative clause stands for the
/// subject of the sentence's main clause.
pub(super) fn relative_subject(ctx: &Ctx<'_>, at: usize) -> Option<Source> {
    if at == 0 || !matches!(ctx.lower[at].as_str(), "it" | "they") {
        return None;
    }
    let before = at - 1;
    if !(matches!(ctx.lower[before].as_str(), "which" | "that")
        || ctx.doc.tokens[before].tag == Some(Upos::Noun))
    {
        return None;
    }
    let start = ctx.doc.sentences.get(quotes::sentence_of(ctx, at))?.tokens.start;
    let subject = sentence_subject(ctx, start..before)?;
    // ("Despite the lists provided, neither US nor British authorities
    // delivered the countries they said ...": a subject read past an
    // opening phrase is no safe antecedent.)
    if subject.start != start
        || ctx.doc.tokens[start].tag == Some(Upos::Adp)
        || is_pronoun(ctx, subject.clone())
    {
        return None;
    }
    to_source(ctx, subject)
}

/// Whether the words right before `cue` are an opening prepositional
/// phrase up to its common noun: "In [a video] posted on Telegram, ...",
/// "According to [a statement] released ...". (Not "On Friday Ford
/// announced", nor "researchers ... in Ohio reported": a name ends those.)
pub(super) fn object_of_preposition_before(ctx: &Ctx<'_>, start: usize, cue: usize) -> bool {
    let tag = |k: usize| ctx.doc.tokens[k].tag;
    if cue == start || tag(cue - 1) != Some(Upos::Noun) {
        return false;
    }
    let mut k = cue - 1;
    while k > start && matches!(tag(k - 1), Some(Upos::Noun | Upos::Adj | Upos::Det | Upos::Num)) {
        k -= 1;
    }
    let opening = (start..k).all(|i| tag(i) == Some(Upos::Adp));
    k > start && opening && matches!(ctx.words()[k], "a" | "an" | "the")
}

/// "A video posted on Telegram shows ...", "Footage shared online
/// appears to show ...": a participle of passing on (`transmit.txt`)
/// right after an artefact (`artefact.txt`, [`passed_on_after_artefact`]), where the
/// phrase after it (where, when, by whom) runs to a finite verb, says how
/// the artefact came out: it is no cue, the artefact is the subject of
/// that verb ([`subject_before`] steps over the participle).
pub(super) fn artefact_passed_on(ctx: &Ctx<'_>, cue: usize, end: usize) -> bool {
    let words = ctx.words();
    if !passed_on_after_artefact(ctx, cue) {
        return false;
    }
    // (A raising verb the tagger may read as a noun: "appears to show".)
    let raising = |k: usize| LEXICONS.raising.match_at(words, k).is_some();
    let verb = |k: usize| {
        looks_finite_verb(ctx, k) && !ctx.lower[k].ends_with("ing") && words[k - 1] != "to"
            || raising(k)
    };
    let phrase = |k: usize| {
        matches!(
            ctx.doc.tokens[k].tag,
            Some(
                Upos::Adp
                    | Upos::Det
                    | Upos::Propn
                    | Upos::Noun
                    | Upos::Adj
                    | Upos::Adv
                    | Upos::Num
                    | Upos::Part
            )
        ) && words[k] != "that"
    };
    (cue + 1..end.min(cue + 10)).find(|&k| !phrase(k) || raising(k)).is_some_and(verb)
}

/// "Russia accused Ukraine of closing the bridge", "officials blamed the
/// fire on faulty wiring", "..., blaming Iran for the attacks": a verb of
/// accusation (`accuse.txt`) with a noun phrase for object and one of its
/// prepositions after it. The content is the accusation itself, verb and
/// object included (what the accused did is said only through them); the
/// source is the subject, or the sentence's subject for a participle
/// after a comma. A passive ("was accused of") names no accuser here.
pub(super) fn accusation(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    cue: usize,
    prepositions: &[String],
) -> Option<Reading> {
    let words = ctx.words();
    let Range { start, end } = sentence.tokens.clone();
    if ctx.doc.tokens[cue].tag != Some(Upos::Verb) || cue == start {
        return None;
    }
    let before = words[cue - 1];
    let passive = matches!(before, "is" | "are" | "was" | "were" | "be" | "been" | "being")
        && !words[cue].ends_with("ing");
    if passive {
        return None;
    }
    // The object: a short noun phrase, no verb, comma or clause in it (a
    // name the tagger reads as a verb, "the United States", is a name).
    let preposition = (cue + 2..end.min(cue + 10))
        .find(|&k| prepositions.iter().any(|p| p == words[k]))
        .filter(|&k| k + 1 < end)?;
    if (cue + 1..preposition).any(|k| {
        matches!(words[k], "," | "that" | ";" | ":")
            || matches!(ctx.doc.tokens[k].tag, Some(Upos::Verb | Upos::Aux))
                && !ctx.is_capitalized(k)
    }) {
        return None;
    }
    let gerund = words[cue].ends_with("ing");
    // "was more forceful in blaming Iran": a gerund after a preposition
    // is part of the main clause's predicate, which the article states.
    if gerund && PREPOSITIONS.contains(&before) {
        return None;
    }
    let mut source = if before == "," && gerund {
        sentence_subject(ctx, start..cue - 1)
    } else {
        subject_before(ctx, start, cue)
    }?;
    // "..., and the second accused him of ...": the conjunction is not
    // part of the subject.
    while source.len() > 1 && matches!(words[source.start], "and" | "but" | "or") {
        source.start += 1;
    }
    // What the accused did ends at the first comma after the preposition
    // (", but Kyiv denied it", ", Reuters reported"), unless words that
    // judge it follow (", without evidence": the status pass reads them
    // inside the claim's clause).
    let content = content_after(ctx, cue + 1..end, words[cue]);
    let content_end = (preposition + 2..content.end)
        .find(|&k| words[k] == "," && LEXICONS.dispute.match_at(words, k + 1).is_none())
        .unwrap_or(content.end);
    let main_end = subordinate_main_end(words, start, source.start);
    Some(Reading { source: Some(source), content: cue..content_end.max(preposition + 2), main_end })
}

/// Where a content holds a second report with its own cue ("said X, but
/// the ambassador says Y", "said X, while the owner claimed Y", "said X
/// and added that Y"), the end of the first content: before the
/// conjunction (and its comma), and where the second report starts.
pub(super) fn second_report(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    content: Range<usize>,
) -> Option<(usize, usize)> {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    let conjunction = (content.start + 2..content.end).find(|&conj| {
        if !matches!(words[conj], "but" | "and" | "while" | "whereas")
            || sentence.in_direct[conj].is_some()
        {
            return false;
        }
        // The cue, after a subject of a few words or none ("and added").
        for k in conj + 1..(conj + 8).min(content.end) {
            let word = words[k];
            if word == ","
                || sentence.in_direct[k].is_some()
                || ctx.is_capitalized(k) && k == conj + 1 && tokens[k].tag == Some(Upos::Verb)
            {
                return false;
            }
            // A cue that needs a clause has one ("fewer males find mates"
            // reports nothing).
            let with_clause = || {
                words.get(k + 1) == Some(&"that")
                    || !LEXICONS.clause_object.contains(word) && !LEXICONS.evidence.contains(word)
                    || LEXICONS.clause_object.contains(word)
                        && noun_phrase_then_verb(ctx, k + 1..content.end)
            };
            let cue = (LEXICONS.speech.contains(word)
                || LEXICONS.claim.contains(word)
                || LEXICONS.evidence.contains(word))
                && tokens[k].tag == Some(Upos::Verb)
                && !ctx.is_capitalized(k)
                && with_clause();
            if cue {
                return k > conj + 1 || matches!(words[conj], "and" | "but");
            }
            if matches!(tokens[k].tag, Some(Upos::Verb | Upos::Aux))
                && !LEXICONS.skip.contains(word)
            {
                return false;
            }
        }
        false
    })?;
    let end = if words[conjunction - 1] == "," { conjunction - 1 } else { conjunction };
    (end > content.start + 1).then_some((end, conjunction + 1))
}

/// "It was announced by the ministry that schools would reopen": the
/// agent of a passive cue, followed by a clause, speaks it.
pub(super) fn agent_and_clause(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    cue: usize,
) -> Option<Reading> {
    let words = ctx.words();
    let end = sentence.tokens.end;
    let agent = phrase_after(ctx, cue + 2..end)?;
    let that = (agent.end < end && words[agent.end] == "that").then_some(agent.end)?;
    let content = content_after(ctx, that..end, words[cue]);
    (!content.is_empty()).then_some(Reading { source: Some(agent), content, main_end: None })
}

/// The party told, after "told": up to "that" or the content ("told the
/// state news agency on Monday that" names the state news agency).
pub(super) fn hearer(ctx: &Ctx<'_>, sentence: &Sentence<'_>, cue: usize) -> Option<Source> {
    let words = ctx.words();
    if !LEXICONS.tell.contains(words[cue]) {
        return None;
    }
    let phrase = phrase_after(ctx, cue + 1..sentence.tokens.end)?;
    // The party told ends where the content starts ("told Reuters the
    // talks had failed").
    let content = content_after(ctx, cue + 1..sentence.tokens.end, words[cue]);
    let phrase_end = phrase.end.min(content.start.max(phrase.start));
    let told_end = (phrase.start..phrase_end)
        .find(|&i| is_time_word(words[i]) || words[i] == "on")
        .unwrap_or(phrase_end);
    let told = phrase.start..told_end;
    if told.is_empty()
        || told.len() > 5
        || is_pronoun(ctx, told.clone())
        || told.len() == 1 && OBJECT_PRONOUNS.contains(&words[told.start])
    {
        return None;
    }
    // ("told local reporters"; "told state media" is a channel.)
    if is_press(words, told.clone()) {
        return None;
    }
    to_source(ctx, told)
}

/// Whether the party `phrase` names is the press ("reporters", "local
/// reporters", "the journalists"): how every statement reaches the news,
/// no link of a chain.
pub(super) fn is_press(words: &[&str], phrase: Range<usize>) -> bool {
    let press = |i: usize| LEXICONS.press.contains(words[i]);
    phrase.clone().all(|i| words[i] == "the" || press(i) || LEXICONS.hearer.contains(words[i]))
        && phrase.clone().any(press)
}

/// "In an interview with CNN, the president said", "Speaking to the BBC,
/// the minister said": the party a statement was given to (`interview.txt`),
/// in `before` (the words before the cue and the content); not the press
/// ("speaking to reporters"), which is how every statement reaches the
/// news.
pub(super) fn interviewer(ctx: &Ctx<'_>, before: Range<usize>) -> Option<Source> {
    let words = ctx.words();
    let at = LEXICONS.interview.find(words, before.clone())?;
    let party = phrase_after(ctx, at.end..before.end)?;
    let end = (party.start..party.end).find(|&k| words[k] == ",").unwrap_or(party.end);
    let party = party.start..end;
    if party.is_empty() || party.len() > 5 || is_press(words, party.clone()) {
        return None;
    }
    if is_pronoun(ctx, party.clone()) || OBJECT_PRONOUNS.contains(&words[party.start]) {
        return None;
    }
    to_source(ctx, party)
}

/// "Satellite images reviewed by the AP show the base was damaged",
/// "Court records show the man was convicted", "Satellite images show at
/// least 12 new craters", "Records show payments to the firm": a verb of
/// evidence at `cue` whose subject names an artefact (`artefact.txt`) and
/// after which, without "that", a clause follows (a noun phrase, then a
/// verb within a few words) or an indefinite noun phrase (no article, "a",
/// a count: what the artefact shows is there). "Photos show the damaged
/// bridge" says nothing the bridge does; "The museum shows paintings"
/// names no artefact.
pub(super) fn artefact_shows_clause(ctx: &Ctx<'_>, start: usize, cue: usize, end: usize) -> bool {
    let tag = |k: usize| ctx.doc.tokens.get(k).and_then(|t| t.tag);
    let Some(subject) = subject_before(ctx, start, cue) else { return false };
    let names_artefact = subject.clone().any(|k| artefact_word(&ctx.lower[k]));
    if !names_artefact || cue + 1 >= end {
        return false;
    }
    let opens_noun_phrase =
        matches!(tag(cue + 1), Some(Upos::Det | Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num));
    let clause = opens_noun_phrase
        && (cue + 2..end.min(cue + 8))
            .any(|k| matches!(tag(k), Some(Upos::Verb | Upos::Aux)) && !ctx.is_capitalized(k));
    let indefinite = matches!(tag(cue + 1), Some(Upos::Noun | Upos::Adj | Upos::Num))
        || matches!(ctx.lower[cue + 1].as_str(), "a" | "an")
        || count_opening(ctx, cue + 1);
    clause || indefinite
}

/// "with reports noting": the phrase after "with" is the source.
pub(super) fn after_with(words: &[&str], phrase: Range<usize>) -> Range<usize> {
    let start = phrase.clone().rev().find(|&k| words[k] == "with").map_or(phrase.start, |k| k + 1);
    start..phrase.end
}

/// The subject of a cue without the participle and agent that end it:
/// "Documents obtained by Reuters" (a chain phrase of `transmit.txt`,
/// among `masked`, whose agent passes the documents on and is a link of
/// the chain already) is "Documents"; "A video verified by the BBC"
/// (`confirm.txt`) is "A video", with the BBC as the party that
/// confirms it.
pub(super) fn agent_after_subject(
    ctx: &Ctx<'_>,
    subject: Option<Range<usize>>,
    masked: &[Range<usize>],
) -> (Option<Range<usize>>, Option<Source>) {
    let words = ctx.words();
    let Some(phrase) = subject else { return (None, None) };
    let by_after = |k: usize, n: usize| words.get(k + n) == Some(&"by");
    let passed = masked.iter().find(|r| {
        r.start > phrase.start
            && r.end == phrase.end
            && LEXICONS.transmit.contains(words[r.start])
            && by_after(r.start, 1)
    });
    if let Some(agent) = passed {
        return (Some(phrase.start..agent.start), None);
    }
    let verified = (phrase.start + 1..phrase.end).find_map(|k| {
        let n = LEXICONS.confirm.match_at(words, k)?;
        (by_after(k, n) && k + n + 1 < phrase.end).then_some((k, k + n + 1))
    });
    match verified {
        Some((participle, agent)) => {
            (Some(phrase.start..participle), to_source(ctx, agent..phrase.end))
        }
        None => (Some(phrase), None),
    }
}
