//! Reported speech and claims, sentence by sentence: the cue, its source,
//! the content, and the chain of sources around it.

use std::ops::Range;

use super::checkworthy::{self, Voice};
use super::lexicon::LEXICONS;
use super::quotes::{self, Direct};
use super::{Ctx, Found};
use crate::claims::source::{
    artefact_word, is_artefact, is_passive_be, is_pronoun, is_time_word, looks_finite_verb,
    passed_on_after_artefact, phrase_after, phrase_before, raising_before, sentence_subject,
    subject_before, to_source, with_state_after, word_before_cue,
};
use crate::doc::{
    Claim, Quote, Rel, Source, SourceKind, Span, Stance, StanceKind, Status, TokenKind, Upos,
};

mod chain;
mod content;
mod cues;
mod nominal;
mod referents;
#[cfg(test)]
mod tests;
mod unattributed;

pub(super) use content::names_a_claim;
pub(super) use referents::last_person;

use chain::*;
use content::*;
use cues::*;
use nominal::*;
use referents::*;
use unattributed::*;

/// The sentence being read, as the passes over it see it (the document
/// they share is in `Ctx`).
struct Sentence<'s> {
    /// Its index in `Document::sentences`.
    index: usize,
    /// Its tokens, without the final punctuation and closing marks
    /// (`trim_punct`); never empty.
    tokens: Range<usize>,
    /// For every token of the document, the direct quotation it lies in,
    /// marks included.
    in_direct: &'s [Option<usize>],
}

/// A second report in a sentence ("..., but the ambassador says ...",
/// "... and added that ..."): where it starts, after its conjunction, and
/// the speaker of the report before it.
#[derive(Clone)]
struct Clause {
    start: usize,
    speaker: Option<Source>,
}

/// One attribution found in a sentence.
struct Attribution {
    cue: Range<usize>,
    source: Option<Source>,
    content: Range<usize>,
    /// A cue of speech or writing (a quote), not only of a claim.
    speech: bool,
    /// The cue's subject stands in a subordinate clause; the main clause
    /// ends at this token (a comma).
    main_end: Option<usize>,
    /// The party told ("officials told state media"): the next link of
    /// the chain.
    hearer: Option<Source>,
    /// The party that verified the source, an artefact ("A video
    /// verified by the BBC shows ..."): it confirms the claim.
    verifier: Option<Source>,
}

impl Attribution {
    /// Where the cue is in the body.
    fn cue_span(&self, ctx: &Ctx<'_>) -> Span {
        ctx.token_span(self.cue.start, self.cue.end)
    }
}

/// How a sentence reads around a cue, before the phrases become sources:
/// "Officials said on Monday | that the road would reopen".
struct Reading {
    /// The phrase that names who speaks, if any.
    source: Option<Range<usize>>,
    /// What they say.
    content: Range<usize>,
    /// The main clause ends at this token when the source stands in a
    /// subordinate clause ("..., days after the group claimed").
    main_end: Option<usize>,
}

/// A cue after its content: "The road will reopen on Monday, said a
/// spokesperson for the council." or "..., officials said."
struct Postposed {
    /// The phrase that names who speaks ("a spokesperson for the council").
    speaker: Range<usize>,
    /// The content before the cue, without the comma or closing mark.
    content: Range<usize>,
}

/// A relative clause that reports a count of people harmed inside a
/// claim's content: "police said [the blast] which [killed at least 12
/// people]". The article states it as its own fact.
struct CountClause {
    /// The noun phrase the clause modifies ("the blast").
    antecedent: Range<usize>,
    /// The clause after its relative pronoun ("killed at least 12 people").
    clause: Range<usize>,
}

/// Finds quotes and claims in every sentence of the document.
pub fn find(ctx: &Ctx<'_>, direct: &[Direct]) -> Found {
    let doc = ctx.doc;
    let words = ctx.words();
    let in_direct = in_direct(ctx, direct);
    let mut found = Found::default();
    // The source of each direct quotation, from a cue whose content it is.
    let mut direct_sources: Vec<Option<Source>> = vec![None; direct.len()];
    // And that cue's words, where one introduced it.
    let mut direct_cues: Vec<Option<Span>> = vec![None; direct.len()];
    let mut recent: Vec<Source> = Vec::new();

    for (index, doc_sentence) in doc.sentences.iter().enumerate() {
        let tokens = trim_punct(ctx, doc_sentence.tokens.clone());
        if tokens.is_empty() {
            continue;
        }
        let sentence = Sentence { index, tokens, in_direct: &in_direct };
        let chain = chain_phrases(ctx, &sentence);
        let attributions = cues(ctx, &sentence, &chain.masked, &recent);

        for att in &attributions {
            let source = att.source.clone();
            if let Some(source) = &source {
                recent.push(source.clone());
            }
            // "Reuters reported that police said 12 people were killed": a
            // report of a report; the inner source is the origin, the
            // outer one passes it on.
            let inner = inner_report(ctx, &sentence, &att.content);
            let content = inner.as_ref().map_or(att.content.clone(), |(_, c)| c.clone());
            let nested = inner.is_some();
            // A cue right before a quotation introduces that quotation.
            let only_direct = !content.is_empty() && in_direct[content.start].is_some();
            let embedded: Vec<usize> = content.clone().filter_map(|k| in_direct[k]).collect();
            for &q in &embedded {
                if direct_sources[q].is_none() {
                    direct_sources[q] = source.clone();
                    direct_cues[q] = Some(att.cue_span(ctx));
                }
            }
            if only_direct || content.is_empty() {
                continue;
            }
            if let Some((question, kind)) = answered_question(ctx, &sentence, &content) {
                push_claim(&mut found, answer_claim(ctx, index, question, kind, att, source));
                continue;
            }
            if answers_named_claim(ctx, &sentence, att) {
                continue;
            }
            let act = inner
                .is_none()
                .then(|| reported_act(ctx, &sentence, att, source.as_ref(), &embedded))
                .flatten();
            if let Some(from) = act {
                let text = ctx.span_text(from, content.end).to_string();
                let span = ctx.token_span(from, content.end);
                push_claim(&mut found, Claim::unattributed(text, span, index, Status::Asserted));
                continue;
            }
            let content_text = ctx.span_text(content.start, content.end).to_string();
            // "X has not commented on ...": the cue is the refusal, which
            // the status pass reads (`no_comment.txt`); nothing is said.
            let cue_refuses = LEXICONS
                .no_comment
                .find(words, att.cue.start.saturating_sub(3)..att.cue.end)
                .is_some_and(|r| r.end == att.cue.end);
            if cue_refuses {
                continue;
            }
            if LEXICONS.no_comment.find(words, content.clone()).is_some() {
                // "X said it was inappropriate to comment": a stance, which
                // the status pass links to its claim.
                if let Some(source) = &source {
                    found.pending.push((
                        index,
                        Stance {
                            actor: source.text.clone(),
                            kind: StanceKind::NoComment,
                            cue: Some(att.cue_span(ctx)),
                        },
                    ));
                }
                if att.speech {
                    push_quote(&mut found, ctx, att, source.clone());
                }
                continue;
            }
            // Reported speech and claims are quotes too, unless the cue only
            // takes a noun ("claimed responsibility") or carries a direct
            // quotation (which is the quote).
            let noun_complement = noun_object(ctx, att, content.clone());
            if embedded.is_empty()
                && (att.speech || !noun_complement && att.cue.end < content.start)
            {
                push_quote(&mut found, ctx, att, source.clone());
            }
            // A count in a relative clause is the article's own fact.
            let (content, count_clause) = split_count_clause(ctx, content);
            let mut claim_chain: Vec<Source> = chain.cited.clone();
            claim_chain.extend(inner.map(|(inner_source, _)| inner_source));
            claim_chain.extend(source.clone());
            // The party told passes on what a known source said; with no
            // source, it would stand as the claim's origin.
            if source.is_some() {
                claim_chain.extend(att.hearer.clone());
            }
            claim_chain.extend(chain.agents.clone());
            claim_chain.extend(chain.according.clone());
            let claim_chain = without_outlet(ctx, claim_chain);
            // "It was reported that ...": reported by nobody named, as
            // "reportedly" is; hedged.
            let status = match (claim_chain.is_empty(), impersonal_report(ctx, att.cue.start)) {
                (true, true) => Status::Hedged,
                (true, false) => Status::Asserted,
                (false, _) => Status::Reported,
            };
            let mut stances = Vec::new();
            let cue_span = att.cue_span(ctx);
            if let Some(origin) = claim_chain.first() {
                stances.push(Stance {
                    actor: origin.text.clone(),
                    kind: StanceKind::Asserts,
                    cue: Some(cue_span),
                });
            }
            let mut status = status;
            if let Some(verifier) = &att.verifier {
                stances.push(Stance {
                    actor: verifier.text.clone(),
                    kind: StanceKind::Confirms,
                    cue: Some(cue_span),
                });
                status = Status::Confirmed;
            }
            if LEXICONS.confirming.contains(words[att.cue.start]) {
                if let Some(source) = &source {
                    stances.push(Stance {
                        actor: source.text.clone(),
                        kind: StanceKind::Confirms,
                        cue: Some(cue_span),
                    });
                }
            }
            let text =
                // (The pronoun of an inner report is not the outer source's.)
                claim_text(ctx, att, source.as_ref().filter(|_| !nested), content.clone())
                    .unwrap_or(content_text);
            // "fires, which state media said were under control": the
            // content's subject is the relative clause's antecedent.
            let text = match relative_antecedent(ctx, &sentence, source.as_ref(), content.start) {
                Some(antecedent) => format!("{antecedent} {text}"),
                None => text,
            };
            // "The plan, Smith said, would cost $5 million": the subject
            // before a parenthetical report is the content's.
            let text = match parenthetical_subject(ctx, &sentence, att, source.as_ref(), &content) {
                Some(lead) => format!("{} {text}", ctx.span_text(lead.start, lead.end)),
                None => text,
            };
            push_claim(
                &mut found,
                Claim {
                    text,
                    span: ctx.token_span(content.start, content.end),
                    sentence: index,
                    chain: claim_chain,
                    status,
                    stances,
                    cue: Some(cue_span),
                    status_cue: (status != Status::Asserted).then_some(cue_span),
                },
            );
            if let Some(count_clause) = count_clause {
                push_claim(&mut found, asserted_claim(ctx, index, count_clause));
            }
            // "..., though local media put the figure at 50": the other
            // party's estimate, cut from the content, is theirs.
            let contrast = content.end + 2..sentence.tokens.end;
            if words.get(content.end) == Some(&",")
                && contrasting_clause(ctx, content.end + 1..sentence.tokens.end)
            {
                if let Some(claim) = figure_put_at(ctx, &sentence, contrast) {
                    push_claim(&mut found, claim);
                }
            }
            // The main clause before a subordinate cue ("..., while the
            // owner claimed ...") is the article's, unless it reports
            // something itself ("Police said ..., while ...").
            if let Some(main_end) = att.main_end {
                let main = sentence.tokens.start..main_end;
                if !attributions.iter().any(|other| main.contains(&other.cue.start)) {
                    unattributed(ctx, &mut found, &sentence, main_end);
                }
            }
        }

        if attributions.is_empty() {
            let has_chain =
                !chain.agents.is_empty() || !chain.according.is_empty() || !chain.cited.is_empty();
            if has_chain {
                chained_sentence(ctx, &mut found, &sentence, &chain);
            } else {
                unattributed(ctx, &mut found, &sentence, sentence.tokens.end);
            }
        }
        nominal_claims(ctx, &mut found, &sentence, &attributions, &recent);
        relative_facts(ctx, &mut found, &sentence);
    }

    // Direct quotations: the source of a cue beside them, else of the
    // quotation they continue.
    for (q, quote) in direct.iter().enumerate() {
        let source = if let Some(source) = &direct_sources[q] {
            Some(source.clone())
        } else if let Some(source) = beside_source(ctx, quote, &mut recent) {
            labelled_by(ctx, &mut found, quote, &source);
            Some(source)
        } else if quote.continues || follows_quote(ctx, direct, q) {
            // A paragraph that continues a quotation, or a quotation in the
            // sentence right after another of the same paragraph, is the
            // same speaker's.
            found
                .quotes
                .iter()
                .rev()
                .find(|earlier| earlier.direct)
                .and_then(|earlier| earlier.source.clone())
        } else {
            None
        };
        let content = quote.content.clone();
        if content.is_empty() {
            continue;
        }
        // Scare quotes: a word or two with no speaker; a title in quotation
        // marks ("The Internet Explorer 6 Countdown"): every longer word
        // capitalised, no speaker.
        if source.is_none() && (content.len() < 4 || is_title_case(ctx, content.clone())) {
            continue;
        }
        let span = ctx.token_span(content.start, content.end);
        if let Some(source) = &source {
            // The cue that introduced the quotation, else its opening mark.
            let cue = direct_cues[q].unwrap_or_else(|| ctx.token_span(quote.open, quote.open + 1));
            quoted_claims(ctx, &mut found, quote, source, cue);
        }
        found.quotes.push(Quote { span, cue: None, source, direct: true });
    }
    found.quotes.sort_by_key(|q| q.span.start());
    // Claims read from quotations come after the sentences' own: in
    // sentence order again (stable: a sentence's claims keep theirs).
    found.claims.sort_by_key(|c| c.sentence);
    found
}

/// "I think", "we strongly believe", "I said": a first-person subject and
/// a speech or claim cue opening `tokens`, the cue's tokens.
fn first_person_cue(ctx: &Ctx<'_>, tokens: Range<usize>) -> Option<Range<usize>> {
    let words = ctx.words();
    if !matches!(words.get(tokens.start).copied(), Some("i" | "we")) {
        return None;
    }
    let mut verb = tokens.start + 1;
    while verb < tokens.end && ctx.doc.tokens[verb].tag == Some(Upos::Adv) {
        verb += 1;
    }
    let n = [&LEXICONS.speech, &LEXICONS.claim]
        .iter()
        .find_map(|list| list.match_at(words, verb))
        .filter(|&n| verb + n < tokens.end)?;
    Some(verb..verb + n)
}

/// The facts a speaker states in a direct quotation of whole sentences
/// ("\"The airline transports weapons across the region,\" Pompeo
/// said"): claims of theirs, reported, one per clause that
/// `checkworthy` finds states a fact (a named party, a number or a date;
/// not "The explosion was very powerful") and that does not evaluate, urge
/// or address the listener. The speaker's own cue is left off ("I think
/// ...", "We believe that ...") and is the claim's cue; otherwise the cue
/// is `quote_cue`, the one that introduced the quotation or its opening
/// mark. Hedged where the words hedge ("may", "probably"). A quoted
/// phrase inside a sentence ("called it \"a dastardly act\"") is no
/// sentence of the speaker's, and a sentence another claim already covers
/// (reported speech around a partial quote) is left to it.
fn quoted_claims(
    ctx: &Ctx<'_>,
    found: &mut Found,
    quote: &Direct,
    source: &Source,
    quote_cue: Span,
) {
    let words = ctx.words();
    let sentences = &ctx.doc.sentences;
    let first = quotes::sentence_of(ctx, quote.content.start);
    // The quotation opens its sentence, or follows a colon or semicolon,
    // or the comma after the cue that introduced it ("said, \"...\"").
    let introduced = quote_cue.end() <= ctx.doc.tokens[quote.open].span.start();
    let opens = sentences.get(first).is_some_and(|s| {
        quote.open == s.tokens.start
            || quote.open > 0
                && (matches!(words[quote.open - 1], ":" | ";")
                    || introduced && words[quote.open - 1] == ",")
    });
    if !opens {
        return;
    }
    let inside = sentences.iter().enumerate().skip(first);
    for (index, sentence) in inside.take_while(|(_, s)| s.tokens.start < quote.content.end) {
        let mut part = trim_punct(
            ctx,
            sentence.tokens.start.max(quote.content.start)
                ..sentence.tokens.end.min(quote.content.end),
        );
        while part.end > part.start && matches!(words[part.end - 1], "," | ";" | ":" | "-" | "—")
        {
            part.end -= 1;
        }
        let question = (part.end..(part.end + 1).min(words.len())).any(|k| words[k] == "?");
        if part.is_empty() || question {
            continue;
        }
        let span = ctx.token_span(part.start, part.end);
        let covered = found.claims.iter().any(|c| {
            c.sentence == index && c.span.start() < span.end() && span.start() < c.span.end()
        });
        if covered {
            continue;
        }
        for clause in checkworthy::clauses(ctx, part.clone()) {
            // Words to the listener ("we showed you ...") and what ought to
            // be ("we must ...") are rhetoric and program, not facts.
            let rhetoric = clause.clone().any(|k| LEXICONS.rhetoric.contains(words[k]));
            if rhetoric
                || !checkworthy::states_fact(ctx, clause.clone(), Voice::Speaker)
                || checkworthy::evaluates(ctx, clause.clone())
            {
                continue;
            }
            let end = subordinate_start(words, clause.clone()).unwrap_or(clause.end);
            let mut tokens = trim_punct(ctx, clause.start..end);
            // "I think ...", "We believe that ...": the speaker's own cue.
            let cue = first_person_cue(ctx, tokens.clone());
            if let Some(cue) = &cue {
                // "we warn the Saudis that ...": past the party told.
                let that = (cue.end..(cue.end + 5).min(tokens.end)).find(|&k| words[k] == "that");
                tokens.start = that.map_or(cue.end, |k| k + 1);
            }
            if tokens.len() < 3 {
                continue;
            }
            let hedge = crate::claims::status::find_hedge(ctx, tokens.clone());
            let cue = cue.map_or(quote_cue, |c| ctx.token_span(c.start, c.end));
            let mut claim = Claim {
                text: ctx.span_text(tokens.start, tokens.end).to_string(),
                span: ctx.token_span(tokens.start, tokens.end),
                sentence: index,
                chain: vec![source.clone()],
                status: Status::Reported,
                stances: vec![Stance {
                    actor: source.text.clone(),
                    kind: StanceKind::Asserts,
                    cue: Some(cue),
                }],
                cue: Some(cue),
                status_cue: Some(cue),
            };
            if let Some(hedge) = hedge {
                claim.strengthen(Status::Hedged, Some(ctx.token_span(hedge.start, hedge.end)));
            }
            push_claim(found, claim);
        }
    }
}

/// A verb that labels its object with the quotation at `before` ("called
/// the stabbing \"an act of barbarity\"", "referred to the vote as
/// \"...\""), within seven words of it in the sentence from `start`: not
/// a participle naming a noun ("a program called"), nor a passive ("has
/// been termed"), where nobody speaks.
fn label_before(ctx: &Ctx<'_>, start: usize, before: usize) -> Option<usize> {
    let words = ctx.words();
    (before.saturating_sub(7).max(start)..before).rev().find(|&i| {
        LEXICONS.label.contains(words[i])
            && ctx.doc.tokens[i].tag == Some(Upos::Verb)
            && ctx.doc.tokens[i].rel != Some(Rel::Acl)
            && !(i > start && matches!(words[i - 1], "been" | "was" | "were" | "is" | "are"))
    })
}

/// "Trump called the investigation a \"witch hunt\"": the article's
/// sentence around a quotation its speaker labels with is the speaker's
/// claim, reported, the label its cue (it was read as the article's own,
/// before the quotation had a speaker).
fn labelled_by(ctx: &Ctx<'_>, found: &mut Found, quote: &Direct, source: &Source) {
    let sentence = quotes::sentence_of(ctx, quote.open);
    let Some(start) = ctx.doc.sentences.get(sentence).map(|s| s.tokens.start) else { return };
    // ("called on X to ...", "called for ..." urge; they label nothing.)
    let Some(label) = label_before(ctx, start, quote.open)
        .filter(|&i| (i + 1..quote.open).all(|j| !looks_finite_verb(ctx, j)))
        .filter(|&i| ctx.doc.tokens.get(i + 1).is_some_and(|t| t.tag != Some(Upos::Adp)))
    else {
        return;
    };
    let (at, cue) = (ctx.doc.tokens[quote.open].span, ctx.token_span(label, label + 1));
    let own = found.claims.iter_mut().find(|c| {
        c.sentence == sentence
            && c.chain.is_empty()
            && c.status == Status::Asserted
            && c.span.start() <= cue.start()
            && at.end() <= c.span.end()
    });
    if let Some(claim) = own {
        claim.chain = vec![source.clone()];
        claim.status = Status::Reported;
        claim.status_cue = Some(cue);
        claim.cue = Some(cue);
        claim.stances.push(Stance {
            actor: source.text.clone(),
            kind: StanceKind::Asserts,
            cue: Some(cue),
        });
    }
}

/// For every token, the direct quotation it lies in, marks included.
fn in_direct(ctx: &Ctx<'_>, direct: &[Direct]) -> Vec<Option<usize>> {
    let mut in_direct: Vec<Option<usize>> = vec![None; ctx.doc.tokens.len()];
    for (q, quote) in direct.iter().enumerate() {
        let end = quote.close.map_or(quote.content.end, |close| close + 1);
        for slot in &mut in_direct[quote.open..end] {
            *slot = Some(q);
        }
    }
    in_direct
}

/// Whether every word of more than three letters in `tokens` starts with
/// a capital, and no sentence ends inside: a title or a name.
fn is_title_case(ctx: &Ctx<'_>, tokens: Range<usize>) -> bool {
    let mut long = 0;
    for k in tokens {
        let text = ctx.text(k);
        if matches!(text, "." | "!" | "?") {
            return false;
        }
        if text.chars().count() > 3 && text.chars().all(char::is_alphabetic) {
            long += 1;
            if !ctx.is_capitalized(k) {
                return false;
            }
        }
    }
    long >= 2
}

/// The tokens without their final punctuation and closing marks: `Police
/// said the road was closed."` ends at "closed".
fn trim_punct(ctx: &Ctx<'_>, tokens: Range<usize>) -> Range<usize> {
    let Range { start, mut end } = tokens;
    while end > start
        && (matches!(ctx.text(end - 1), "." | "!" | "?" | "…")
            || ctx.doc.tokens[end - 1].kind == TokenKind::Quote
                && end - 1 > start
                && matches!(ctx.text(end - 2), "." | "!" | "?" | ","))
    {
        end -= 1;
    }
    start..end
}

/// Adds the content of an attribution as an indirect quote of `source`.
fn push_quote(found: &mut Found, ctx: &Ctx<'_>, att: &Attribution, source: Option<Source>) {
    found.quotes.push(Quote {
        span: ctx.token_span(att.content.start, att.content.end),
        cue: Some(att.cue_span(ctx)),
        source,
        direct: false,
    });
}

/// Keeps a claim of three words or more.
/// The claim a question put to `att`'s source states, with the stance
/// its answer takes ([`answered_question`]): denied, it is disputed and
/// nobody's; asserted, it is the source's.
fn answer_claim(
    ctx: &Ctx<'_>,
    index: usize,
    question: Range<usize>,
    kind: StanceKind,
    att: &Attribution,
    source: Option<Source>,
) -> Claim {
    let text = ctx.span_text(question.start, question.end).to_string();
    let mut claim = Claim::unattributed(
        text,
        ctx.token_span(question.start, question.end),
        index,
        Status::Asserted,
    );
    let cue = Some(att.cue_span(ctx));
    let Some(source) = source else { return claim };
    claim.stances.push(Stance { actor: source.text.clone(), kind, cue });
    claim.cue = cue;
    match kind {
        StanceKind::Denies => claim.strengthen(Status::Disputed, cue),
        _ => {
            claim.chain = without_outlet(ctx, vec![source]);
            claim.strengthen(Status::Reported, cue);
        }
    }
    claim
}

fn push_claim(found: &mut Found, mut claim: Claim) {
    // Three words or more, not counting a demonstrative subject ("that
    // might be", "this is so" say too little to check).
    let mut words = claim.text.split_whitespace().peekable();
    words.next_if(|w| matches!(w.to_lowercase().as_str(), "that" | "this"));
    if words.count() >= 3 {
        close_quotation(&mut claim.text);
        found.claims.push(claim);
    }
}

/// A claim that ends inside a quotation ('called it "an act of
/// barbarity', its closing mark cut with the sentence's period) gets its
/// closing mark back in its text.
fn close_quotation(text: &mut String) {
    let count = |c: char| text.chars().filter(|&x| x == c).count();
    if count('"') % 2 == 1 && !text.ends_with('"') {
        text.push('"');
    } else if count('“') > count('”') {
        text.push('”');
    }
}

/// The chain without the article's own outlet, each source once.
fn without_outlet(ctx: &Ctx<'_>, chain: Vec<Source>) -> Vec<Source> {
    let outlet = ctx.doc.meta.outlet.as_deref().map(str::to_lowercase);
    let mut out: Vec<Source> = Vec::new();
    for source in chain {
        if outlet.as_deref() == Some(source.text.to_lowercase().as_str()) {
            continue;
        }
        if out.iter().any(|kept| kept.text == source.text) {
            continue;
        }
        out.push(source);
    }
    out
}
