//! Claims without a cue of their own: sentences of chain phrases, reports
//! of, claims lacking evidence, and the article's own check-worthy facts.

use super::*;

/// A sentence with chain phrases but no cue: "The poster has been
/// circulated by Iranian media, citing ...". When its subject restates an
/// earlier claim, the chain is that claim's; otherwise the sentence is a
/// claim of its own.
pub(super) fn chained_sentence(
    ctx: &Ctx<'_>,
    found: &mut Found,
    sentence: &Sentence<'_>,
    chain: &ChainPhrases,
) {
    let words = ctx.words();
    let mut full: Vec<Source> = chain.cited.clone();
    full.extend(chain.agents.clone());
    full.extend(chain.according.clone());
    let full = without_outlet(ctx, full);
    if !chain.agents.is_empty() {
        if let Some(subject) = sentence_subject(ctx, sentence.tokens.clone()) {
            let head = words[subject.end - 1];
            let target = found.claims.iter_mut().rev().take(3).find(|c| {
                sentence.index.saturating_sub(c.sentence) <= 3
                    && c.text
                        .to_lowercase()
                        .split(|ch: char| !ch.is_alphanumeric())
                        .any(|w| w == head)
            });
            if let Some(claim) = target {
                if claim.chain.is_empty() {
                    claim.chain = full.clone();
                    let origin_span = full.first().and_then(|o| o.span);
                    claim.strengthen(Status::Reported, origin_span);
                    if let Some(origin) = full.first() {
                        claim.stances.push(Stance {
                            actor: origin.text.clone(),
                            kind: StanceKind::Asserts,
                            cue: origin_span,
                        });
                    }
                }
                return;
            }
        }
    }
    // The content: the sentence without its chain phrases.
    // Phrases that open it ("According to Yonhap, quoting KCNA (the
    // state agency), ...") are stepped over; one after the content ends
    // it, unless it stands inside the clause: after "that" or a relative
    // pronoun the clause after it is the content ("has learned that,
    // according to a posting, the site is down"), and after a subject with
    // no verb yet the content runs around it ("The suspect, according to
    // police, fled").
    let mut content = sentence.tokens.clone();
    let mut gap = None;
    let past_phrase = |phrase: &Range<usize>, end: usize| {
        let mut from = phrase.end;
        if words.get(from) == Some(&"(") {
            from = (from..end).find(|&k| words[k] == ")").map_or(from, |k| k + 1);
        }
        if words.get(from) == Some(&",") {
            from += 1;
            // "According to officials, who spoke on condition of
            // anonymity, the suspect ...": a relative clause on the source,
            // up to its closing comma.
            if matches!(words.get(from), Some(&("who" | "which"))) {
                if let Some(close) = (from..end).find(|&k| words[k] == ",") {
                    from = close + 1;
                }
            }
        }
        from.min(end)
    };
    for (m, masked) in chain.masked.iter().enumerate() {
        if masked.start <= content.start + 1 {
            content.start = past_phrase(masked, content.end).max(content.start);
            continue;
        }
        let before = content.start..masked.start.min(content.end);
        let after_end =
            chain.masked.get(m + 1).map_or(content.end, |next| next.start.min(content.end));
        let after = past_phrase(masked, after_end)..after_end;
        let finite = |range: Range<usize>| range.clone().any(|k| looks_finite_verb(ctx, k));
        let last = before.clone().rev().find(|&k| words[k] != ",");
        let opens_clause =
            last.is_some_and(|k| matches!(ctx.lower[k].as_str(), "that" | "which" | "who"));
        let subject_first = after.start < after.end
            && matches!(
                ctx.doc.tokens[after.start].tag,
                Some(Upos::Det | Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num | Upos::Adj)
            );
        if opens_clause && subject_first && finite(after.clone()) {
            content = after;
        } else if !finite(before.clone()) && finite(after.clone()) && !after.is_empty() {
            gap = Some(before.end..after.start);
            content.end = after.end;
        } else {
            content.end = before.end;
        }
        break;
    }
    // "...; \"The government needs ...\"": a quotation after a semicolon
    // is the next content, the speaker's own words.
    if let Some(semicolon) = content
        .clone()
        .find(|&k| words[k] == ";" && sentence.in_direct.get(k + 1).is_some_and(Option::is_some))
    {
        content.end = semicolon;
    }
    if content.is_empty() {
        return;
    }
    // "It was widely shared by readers": what was passed on is a pronoun,
    // and with no number or date to check the sentence says nothing on
    // its own.
    let pronoun_subject =
        sentence_subject(ctx, content.clone()).is_some_and(|s| is_pronoun(ctx, s));
    if pronoun_subject
        && !chain.agents.is_empty()
        && !checkworthy::states_fact(ctx, content.clone(), Voice::Article { lead: false })
    {
        return;
    }
    let hedge = crate::claims::status::find_hedge(ctx, content.clone());
    let origin_span = full.first().and_then(|o| o.span);
    let mut stances = Vec::new();
    if let Some(origin) = full.first() {
        stances.push(Stance {
            actor: origin.text.clone(),
            kind: StanceKind::Asserts,
            cue: origin_span,
        });
    }
    let (status, status_cue) = match hedge {
        Some(hedge) => (Status::Hedged, Some(ctx.token_span(hedge.start, hedge.end))),
        None if full.is_empty() => (Status::Asserted, None),
        None => (Status::Reported, origin_span),
    };
    let text = match gap {
        Some(gap) => {
            let mut end = gap.start;
            while end > content.start && words[end - 1] == "," {
                end -= 1;
            }
            format!("{} {}", ctx.span_text(content.start, end), ctx.span_text(gap.end, content.end))
        }
        None => ctx.span_text(content.start, content.end).to_string(),
    };
    push_claim(
        found,
        Claim {
            text,
            span: ctx.token_span(content.start, content.end),
            sentence: sentence.index,
            status,
            chain: full,
            stances,
            cue: None,
            status_cue,
        },
    );
}

/// "There were reports of explosions in the capital", "There have been
/// unconfirmed reports of looting": what the reports are of (a noun phrase
/// to the end of the sentence, after "there" and a form of "be", a noun of
/// rumour, `hedging_nouns.txt`, and "of") is a claim the article does not
/// vouch for: hedged, or unverified where the words before the noun say so
/// (`unverified.txt`: "unconfirmed").
pub(super) fn reports_of(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    tokens: Range<usize>,
) -> Option<Claim> {
    let words = ctx.words();
    let start = tokens.start;
    let be = start + 1 + usize::from(words.get(start + 1) == Some(&"have"));
    let there = words.get(start) == Some(&"there")
        && words.get(be).is_some_and(|w| matches!(*w, "is" | "was" | "are" | "were" | "been"));
    if !there {
        return None;
    }
    let noun = (be + 1..tokens.end.min(be + 5))
        .find(|&k| LEXICONS.hedging_nouns.contains(words[k]) && words.get(k + 1) == Some(&"of"))?;
    // Only modifiers between the verb and the noun ("unconfirmed",
    // "several", "some"), none negative ("There were no reports of
    // injuries" is the article's own).
    if (be + 1..noun).any(|k| {
        !matches!(ctx.doc.tokens[k].tag, Some(Upos::Adj | Upos::Det | Upos::Num))
            || matches!(words[k], "no" | "few")
    }) {
        return None;
    }
    let phrase = trim_punct(ctx, noun + 2..tokens.end);
    if phrase.is_empty()
        || !phrase.clone().any(|k| matches!(ctx.doc.tokens[k].tag, Some(Upos::Noun | Upos::Propn)))
    {
        return None;
    }
    let mut claim = Claim::unattributed(
        ctx.span_text(phrase.start, phrase.end).to_string(),
        ctx.token_span(phrase.start, phrase.end),
        sentence.index,
        Status::Asserted,
    );
    let (status, cue) = match LEXICONS.unverified.find(words, be + 1..noun) {
        Some(word) => (Status::Unverified, word),
        None => (Status::Hedged, noun..noun + 1),
    };
    claim.strengthen(status, Some(ctx.token_span(cue.start, cue.end)));
    Some(claim)
}

/// "There is no evidence (that) the vaccine causes autism": a clause the
/// article says lacks support (`no_evidence.txt`, after "there is" or
/// "there was") is a claim, disputed; the sentence says no more.
pub(super) fn lacking_evidence(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    tokens: Range<usize>,
) -> Option<Claim> {
    let words = ctx.words();
    let (at, n) = (tokens.start..tokens.end.min(tokens.start + 6))
        .find_map(|k| LEXICONS.no_evidence.match_at(words, k).map(|n| (k, n)))?;
    let there = at >= tokens.start + 2
        && words[at - 2] == "there"
        && matches!(words[at - 1], "is" | "was" | "are" | "were" | "'s");
    if !there {
        return None;
    }
    let mut from = at + n;
    if words.get(from) == Some(&"that") {
        from += 1;
    }
    // A clause: a finite verb after a subject of a word or more.
    let verb = (from + 1..tokens.end.min(from + 8)).find(|&k| looks_finite_verb(ctx, k))?;
    if (from..verb).any(|k| matches!(words[k], "," | "of" | "for" | "to")) {
        return None;
    }
    let clause = trim_punct(ctx, from..tokens.end);
    let mut claim = Claim::unattributed(
        ctx.span_text(clause.start, clause.end).to_string(),
        ctx.token_span(clause.start, clause.end),
        sentence.index,
        Status::Disputed,
    );
    claim.status_cue = Some(ctx.token_span(at, from));
    Some(claim)
}

/// Whether `found` lies in a relative clause set off by commas inside
/// `tokens`, with the clause it hangs off going on after it ("The video,
/// which could not be independently verified, showed ...").
pub(super) fn in_relative_aside(words: &[&str], tokens: Range<usize>, found: Range<usize>) -> bool {
    let open = (tokens.start..found.start).rev().find(|&k| words[k] == ",");
    let close = (found.end..tokens.end).find(|&k| words[k] == ",");
    match (open, close) {
        (Some(open), Some(close)) => {
            matches!(words[open + 1], "which" | "who" | "that") && close + 2 < tokens.end
        }
        _ => false,
    }
}

/// The sentence's tokens up to `end` (its end, or where its main clause
/// ends) with no attribution: a claim when the article hedges it or when
/// it reports a count of people harmed, the key facts; else a claim per
/// clause that states a check-worthy fact.
pub(super) fn unattributed(ctx: &Ctx<'_>, found: &mut Found, sentence: &Sentence<'_>, end: usize) {
    let words = ctx.words();
    let tokens = sentence.tokens.start..end;
    // A sentence of quotation is its speaker's; a title or a phrase in
    // quotation marks inside the article's own sentence ("The PALM trial,
    // for the Swahili phrase \"together save lives,\" began ...") is not.
    // Nor is a quotation a speech word or a colon introduces ("is
    // headlined \"...\"", "addressed the public: \"...\""): the
    // sentence presents someone's words.
    let quoted = tokens.clone().filter(|&k| sentence.in_direct[k].is_some()).count();
    let opens_quoted = sentence.in_direct[tokens.start].is_some();
    let introduced = tokens.clone().skip(1).any(|k| {
        let opening = sentence.in_direct[k].is_some() && sentence.in_direct[k - 1].is_none();
        let before = if words[k - 1] == "," && k - 1 > tokens.start { k - 2 } else { k - 1 };
        opening && (words[k - 1] == ":" || LEXICONS.speech.contains(words[before]))
    });
    if opens_quoted || introduced || 2 * quoted > tokens.len() || is_question(ctx, sentence) {
        return;
    }
    // Evaluations of an earlier claim are not claims themselves; a claim
    // the sentence names as someone's ("The allegation is that ...") is
    // read by `nominal_claims`.
    let mut tokens = tokens;
    if let Some(that) = tokens
        .clone()
        .filter(|&k| LEXICONS.claim_nouns.contains_key(words[k]))
        .find_map(|k| copular_that(ctx, k, tokens.end))
    {
        // What follows the claim's clause, after a semicolon, is the article's.
        match (that..tokens.end).find(|&k| words[k] == ";") {
            Some(semicolon) => tokens.start = semicolon + 1,
            None => return,
        }
    }
    if let Some(claim) = reports_of(ctx, sentence, tokens.clone()) {
        push_claim(found, claim);
        return;
    }
    // ("The video, which could not be verified, showed ...": the aside
    // says how far the article's own claim is verified; `status` reads it.)
    let unverified = LEXICONS.unverified.find(words, tokens.clone());
    if unverified.is_some_and(|found| !in_relative_aside(words, tokens.clone(), found))
        || LEXICONS.no_comment.find(words, tokens.clone()).is_some()
        || answers_claim(words, tokens.clone())
    {
        return;
    }
    // "The protests began amid allegations that ...": the clause after a
    // claim noun is `nominal_claims`' to read; the article's own words end
    // before the phrase that names the claim, and "There are reports
    // that ..." leaves none.
    let rumour = |k: usize| {
        hedging_noun(ctx, tokens.start, k, k + 2)
            || bare_content_clause(ctx, k, tokens.end) && hedging_noun(ctx, tokens.start, k, k + 1)
    };
    // "The rebels repeated their claim that ...": the clause is the
    // owner's claim (`nominal_claims`), and the rest says no more than
    // that they made it.
    let owned_claim = |k: usize| {
        k > tokens.start
            && k + 2 < tokens.end
            && matches!(words[k - 1], "his" | "her" | "their" | "its" | "'s" | "’s")
            && words[k + 1] == "that"
            && hedging_noun_clause(ctx, k + 2)
            && LEXICONS.claim_nouns.contains_key(words[k])
    };
    if tokens.clone().any(owned_claim) {
        return;
    }
    if let Some(claim) = lacking_evidence(ctx, sentence, tokens.clone()) {
        push_claim(found, claim);
        return;
    }
    if let Some(noun) = tokens.clone().find(|&k| rumour(k)) {
        let mut cut = noun;
        while cut > tokens.start
            && matches!(ctx.doc.tokens[cut - 1].tag, Some(Upos::Det | Upos::Adj | Upos::Adp))
        {
            cut -= 1;
        }
        tokens.end = cut;
        if !tokens
            .clone()
            .any(|k| matches!(ctx.doc.tokens[k].tag, Some(Upos::Noun | Upos::Propn | Upos::Num)))
        {
            return;
        }
    }
    let hedge = crate::claims::status::find_hedge(ctx, tokens.clone());
    let harm = tokens.clone().any(|k| LEXICONS.harm.contains(words[k]))
        && tokens.clone().any(|k| {
            ctx.doc.tokens[k].kind == TokenKind::Number
                || LEXICONS.count_words.contains(words[k]) && k > tokens.start
        });
    // A count or a cost someone estimates is theirs (hedged or not); what
    // a letter or a video says ("In the letter, the minister asks ...") is
    // the letter's.
    let figure_or_artefact = figure_put_at(ctx, sentence, tokens.clone())
        .or_else(|| said_in_artefact(ctx, sentence, tokens.clone()));
    if let Some(mut claim) = figure_or_artefact {
        if let Some(hedge) = &hedge {
            claim.strengthen(Status::Hedged, Some(ctx.token_span(hedge.start, hedge.end)));
        }
        push_claim(found, claim);
        return;
    }
    if hedge.is_none() && !harm {
        // Facts in the article's own voice, one claim per clause.
        for clause in checkworthy::clauses(ctx, tokens.clone()) {
            let lead = sentence.index == 0 && clause.start == tokens.start;
            if let Some(claim) = claimed_by(ctx, sentence, clause.clone())
                .or_else(|| labelled_with_adjective(ctx, sentence, clause.clone()))
            {
                push_claim(found, claim);
            } else if checkworthy::states_fact(ctx, clause.clone(), Voice::Article { lead }) {
                let end = subordinate_start(words, clause.clone()).unwrap_or(clause.end);
                let claim_tokens = trim_punct(ctx, clause.start..end);
                let text = ctx.span_text(claim_tokens.start, claim_tokens.end).to_string();
                let claim_span = ctx.token_span(claim_tokens.start, claim_tokens.end);
                let claim = Claim::unattributed(text, claim_span, sentence.index, Status::Asserted);
                push_claim(found, claim);
            }
        }
        return;
    }
    // A leading "In protest against ...," or trailing subordinate clause is
    // not part of the claim.
    let mut claim_end = tokens.end;
    if let Some(comma) = subordinate_start(words, tokens.clone()) {
        if hedge.as_ref().is_none_or(|hedge| hedge.start < comma) {
            claim_end = comma;
        }
    }
    let mut claim = Claim::unattributed(
        ctx.span_text(tokens.start, claim_end).to_string(),
        ctx.token_span(tokens.start, claim_end),
        sentence.index,
        Status::Asserted,
    );
    if let Some(hedge) = hedge {
        claim.strengthen(Status::Hedged, Some(ctx.token_span(hedge.start, hedge.end)));
    }
    push_claim(found, claim);
}

/// "The attack was claimed by the Islamic State": a clause whose
/// predicate is a cue of `claimed_by.txt` in the passive, its agent after
/// "by", is the agent's claim of responsibility (as "the Islamic State
/// claimed the attack" is), reported, not a fact the article states.
/// (Other cues in the passive, "was reported by", are attributions.)
pub(super) fn claimed_by(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    clause: Range<usize>,
) -> Option<Claim> {
    let words = ctx.words();
    let cue = (clause.start + 2..clause.end.saturating_sub(2)).find(|&k| {
        matches!(words[k - 1], "was" | "were" | "been")
            && words[k + 1] == "by"
            && LEXICONS.claimed_by.contains(words[k])
            && ctx.doc.tokens[k].tag == Some(Upos::Verb)
    })?;
    let agent = phrase_after(ctx, cue + 2..clause.end).and_then(|p| to_source(ctx, p))?;
    Some(whole_clause_reported(ctx, sentence, clause, cue, agent))
}

/// "Analysts called the plan unrealistic", "Rights groups described the
/// conditions as inhumane": a clause whose verb labels (`label.txt`) an
/// object with an adjective that ends it, or with what follows "as", is
/// its subject's claim ("the conditions were inhumane"), reported,
/// the verb its cue; not a fact the article states. ("called on X to
/// ...", "called for ..." urge; they label nothing.)
pub(super) fn labelled_with_adjective(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    clause: Range<usize>,
) -> Option<Claim> {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    let clause = trim_punct(ctx, clause);
    let subject = sentence_subject(ctx, clause.clone())?;
    let verb = subject.end;
    let last = clause.end.checked_sub(1)?;
    if !LEXICONS.label.contains(words[verb])
        || tokens[verb].tag != Some(Upos::Verb)
        || last < verb + 2
        || tokens[verb + 1].tag == Some(Upos::Adp)
        || (verb + 1..last).any(|k| looks_finite_verb(ctx, k) || words[k] == ",")
    {
        return None;
    }
    // The label: an adjective that ends the clause, or what follows "as"
    // ("described the conditions as inhumane").
    let as_label = (verb + 2..last).any(|k| words[k] == "as");
    if tokens[last].tag != Some(Upos::Adj) && !as_label {
        return None;
    }
    let source = to_source(ctx, subject)?;
    Some(whole_clause_reported(ctx, sentence, clause, verb, source))
}

/// "Local hospitals put the death toll at 45", "Analysts put the cost
/// at $5 billion": a clause whose verb is one of `estimate.txt`, with a
/// noun phrase and "at" a figure after it, is its subject's estimate,
/// reported, not a fact the article states.
pub(super) fn figure_put_at(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    clause: Range<usize>,
) -> Option<Claim> {
    let (source, verb) = estimate(ctx, clause.clone())?;
    Some(whole_clause_reported(ctx, sentence, clause, verb, source))
}

/// "In the letter, the minister asks the regulator to ...", "In it, Trump
/// asks Zelensky to ...": a sentence opened by "In" and an artefact
/// (`artefact.txt`: a letter, a video, a report; or "it" for the last one
/// the sentence before names), then a comma, with no cue of its own,
/// reports what the artefact says: the clause after the comma, reported,
/// the artefact its source and "In" its cue. `None` for any other
/// sentence.
pub(super) fn said_in_artefact(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    clause: Range<usize>,
) -> Option<Claim> {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    let opening = clause.start;
    if words.get(opening) != Some(&"in") || !ctx.is_capitalized(opening) {
        return None;
    }
    let comma = (opening + 1..clause.end.min(opening + 12)).find(|&k| words[k] == ",")?;
    let source = if comma == opening + 2 && words[opening + 1] == "it" {
        // "it": the last artefact the sentence before names, as its noun
        // phrase ("a summary of a phone call made by ...": "a summary").
        let before = ctx.doc.sentences.get(sentence.index.checked_sub(1)?)?;
        let noun = before.tokens.clone().rev().find(|&k| is_artefact(ctx, k))?;
        let mut from = noun;
        while from > before.tokens.start
            && matches!(
                tokens[from - 1].tag,
                Some(Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn)
            )
        {
            from -= 1;
        }
        to_source(ctx, from..noun + 1)?
    } else {
        // "In the letter", "In a video posted online", "In his statement":
        // the artefact heads the phrase, after a determiner or possessive.
        let noun = (opening + 1..comma).find(|&k| is_artefact(ctx, k))?;
        let determined = matches!(tokens[opening + 1].tag, Some(Upos::Det | Upos::Pron));
        if !determined
            || (opening + 2..noun).any(|k| !matches!(tokens[k].tag, Some(Upos::Adj | Upos::Noun)))
        {
            return None;
        }
        // With whose it is ("a situational report of the agency"), up to a
        // participle ("a video posted online").
        let end = (noun + 1..comma).find(|&k| tokens[k].tag == Some(Upos::Verb)).unwrap_or(comma);
        to_source(ctx, opening + 1..end)?
    };
    // The rest is a clause of its own: a subject, then a finite verb.
    let rest = comma + 1..clause.end;
    let verb = rest.clone().find(|&k| looks_finite_verb(ctx, k))?;
    if verb == rest.start || !checkworthy::states_fact(ctx, rest.clone(), Voice::Speaker) {
        return None;
    }
    Some(whole_clause_reported(ctx, sentence, rest, opening, source))
}

/// The parts of [`figure_put_at`]'s clause: whose estimate, and the verb.
pub(super) fn estimate(ctx: &Ctx<'_>, clause: Range<usize>) -> Option<(Source, usize)> {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    let subject = sentence_subject(ctx, clause.clone())?;
    let verb = subject.end;
    if !LEXICONS.estimate.contains(words[verb]) || tokens[verb].tag != Some(Upos::Verb) {
        return None;
    }
    // The noun phrase, then "at" and a figure ("at 45", "at more than 2
    // million", "at $5 billion").
    let at = (verb + 2..clause.end.min(verb + 8)).find(|&k| words[k] == "at")?;
    // (A participle may qualify the noun: "the number of people killed".)
    if (verb + 1..at).any(|k| tokens[k].tag == Some(Upos::Aux) || words[k] == ",") {
        return None;
    }
    (at + 1..clause.end.min(at + 5)).find(|&k| tokens[k].kind == TokenKind::Number)?;
    // "Officials reportedly put ...": the adverb is not the source's.
    let mut subject = subject;
    while subject.len() > 1 && tokens[subject.end - 1].tag == Some(Upos::Adv) {
        subject.end -= 1;
    }
    Some((to_source(ctx, subject)?, verb))
}

/// The whole `clause` (its final stop off) as `source`'s claim, reported,
/// the token `cue` its cue.
pub(super) fn whole_clause_reported(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    clause: Range<usize>,
    cue: usize,
    source: Source,
) -> Claim {
    let claim_tokens = trim_punct(ctx, clause);
    let cue_span = ctx.token_span(cue, cue + 1);
    Claim {
        text: ctx.span_text(claim_tokens.start, claim_tokens.end).to_string(),
        span: ctx.token_span(claim_tokens.start, claim_tokens.end),
        sentence: sentence.index,
        stances: vec![Stance {
            actor: source.text.clone(),
            kind: StanceKind::Asserts,
            cue: Some(cue_span),
        }],
        chain: vec![source],
        status: Status::Reported,
        cue: Some(cue_span),
        status_cue: Some(cue_span),
    }
}

/// The comma before a trailing subordinate clause (", after ...", ", days
/// after ..."), which is not part of the claim.
pub(super) fn subordinate_start(words: &[&str], tokens: Range<usize>) -> Option<usize> {
    tokens.clone().find(|&k| {
        words[k] == ","
            && words.get(k + 1).is_some_and(|n| {
                LEXICONS.subordinators.contains(*n)
                    || *n == "days"
                    || *n == "hours"
                    || *n == "weeks"
            })
    })
}

/// A sentence that takes a stand on a claim ("Kyiv rejected Moscow's
/// claims") is a stance on that claim, not a claim of its own.
pub(super) fn answers_claim(words: &[&str], tokens: Range<usize>) -> bool {
    // "Kyiv denied it", "The company denies any wrongdoing": a denial of
    // what was said before, its object a pronoun or "any" (the status
    // pass links it to the claim).
    if let Some(deny) = LEXICONS.deny.find(words, tokens.clone()) {
        let object = &words[deny.end.min(tokens.end)..tokens.end];
        let pronoun = |w: &str| matches!(w, "it" | "this" | "that" | "them" | "these" | "those");
        let object_end =
            object.iter().position(|w| matches!(*w, "." | "," | ";")).unwrap_or(object.len());
        match object.first() {
            Some(w) if pronoun(w) && object_end == 1 => return true,
            Some(&"any") => return true,
            _ => {}
        }
        // "Hamas rejected this version of events", "... the ministry's
        // account": a claim named by a demonstrative or its owner.
        let named = object[..object_end].windows(2).take(4).any(|pair| {
            matches!(pair[0], "that" | "this" | "these" | "those" | "'s" | "’s" | "its" | "their")
                && (LEXICONS.claim_referents.contains(pair[1])
                    || LEXICONS.claim_nouns.contains_key(pair[1]))
        });
        if named {
            return true;
        }
    }
    // "The claim is false", "The report turned out to be true": the
    // article's judgement of a claim named before (the status pass reads
    // it).
    if let Some((verb, _, _)) = crate::claims::status::judgement(words, tokens.clone()) {
        let names =
            (tokens.start..verb).any(|k| {
                LEXICONS.claim_nouns.contains_key(words[k])
                    || LEXICONS.claim_referents.contains(words[k])
            }) && matches!(words[tokens.start], "the" | "that" | "this" | "these" | "those");
        if names {
            return true;
        }
    }
    // "State television repeated the claim", "The claim was echoed by
    // bloggers": a party passing on a claim named before (the status
    // pass adds its stance).
    if let Some(repeat) = LEXICONS.repeat.find(words, tokens.clone()) {
        let object = repeat.end;
        let subject_names = (tokens.start..repeat.start)
            .any(|k| LEXICONS.claim_nouns.contains_key(words[k]) && k + 4 > repeat.start);
        if names_a_claim(words, object)
            || words.get(object).is_some_and(|w| matches!(*w, "that" | "this" | "its" | "their"))
                && words.get(object + 1).is_some_and(|n| LEXICONS.claim_nouns.contains_key(*n))
            || subject_names && words.get(object) == Some(&"by")
        {
            return true;
        }
    }
    // "The BBC has verified the footage", "The video was authenticated by
    // Reuters": a confirmation of the artefact an earlier claim speaks of
    // (the status pass links it).
    if let Some(confirm) = LEXICONS.confirm.find(words, tokens.clone()) {
        let object = &words[confirm.end.min(tokens.end)..tokens.end];
        let object_end =
            object.iter().position(|w| matches!(*w, "." | "," | ";")).unwrap_or(object.len());
        let object = &object[..object_end];
        let subject = &words[tokens.start..confirm.start];
        let short_artefact =
            |p: &[&str]| (1..=3).contains(&p.len()) && LEXICONS.artefact.contains(p[p.len() - 1]);
        let passive = object.first() == Some(&"by")
            && subject.last().is_some_and(|w| matches!(*w, "is" | "are" | "was" | "were" | "been"));
        // The passive's subject, its auxiliaries left off ("The video | was").
        let core = subject.iter().rposition(|w| {
            !matches!(*w, "is" | "are" | "was" | "were" | "been" | "has" | "have" | "had")
        });
        let core = &subject[..core.map_or(0, |e| e + 1)];
        if short_artefact(object) || passive && short_artefact(core) {
            return true;
        }
    }
    let stance = LEXICONS.deny.find(words, tokens.clone()).is_some()
        || LEXICONS.confirm.find(words, tokens.clone()).is_some()
        || LEXICONS.dispute.find(words, tokens.clone()).is_some()
        || LEXICONS.label.find(words, tokens.clone()).is_some()
            && LEXICONS.false_label.find(words, tokens.clone()).is_some();
    stance && tokens.clone().any(|k| LEXICONS.claim_nouns.contains_key(words[k]))
}
