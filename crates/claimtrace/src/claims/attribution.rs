//! Reported speech and claims, sentence by sentence: the cue, its source,
//! the content, and the chain of sources around it.

use std::ops::Range;

use super::checkworthy::{self, Voice};
use super::lexicon::LEXICONS;
use super::quotes::{self, Direct};
use super::source::{
    is_passive_be, is_pronoun, is_time_word, looks_finite_verb, phrase_after, phrase_before,
    sentence_subject, subject_before, to_source, with_state_after, word_before_cue,
};
use super::{Ctx, Found};
use crate::doc::{
    Claim, Quote, Rel, Source, SourceKind, Span, Stance, StanceKind, Status, TokenKind, Upos,
};

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
            let hedge = super::status::find_hedge(ctx, tokens.clone());
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

/// Sources named by chain phrases in a sentence.
#[derive(Default)]
struct ChainPhrases {
    /// "citing X", "quoting X": the origin side.
    cited: Vec<Source>,
    /// "circulated by X": channels.
    agents: Vec<Source>,
    /// "according to X": the outermost channel.
    according: Vec<Source>,
    /// Tokens inside those phrases, not part of any content.
    masked: Vec<Range<usize>>,
}

/// Which link of a chain a chain phrase names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ChainLink {
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
fn chain_phrases(ctx: &Ctx<'_>, sentence: &Sentence<'_>) -> ChainPhrases {
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
fn set_off_at(words: &[&str], start: usize, at: usize) -> Option<usize> {
    (at == start || at > start && words[at - 1] == ",")
        .then(|| LEXICONS.set_off.match_at(words, at))
        .flatten()
}

/// A relative clause at the start of `rest` ("who spoke to CNN, ...",
/// "who asked not to be named, ..."), up to the comma that closes it:
/// the comma's index, and the party told where the clause tells someone
/// ("who spoke to CNN", "who told Reuters").
fn relative_to_comma(ctx: &Ctx<'_>, rest: Range<usize>) -> Option<(usize, Option<Range<usize>>)> {
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
fn masked(ranges: &[Range<usize>], k: usize) -> bool {
    ranges.iter().any(|range| range.contains(&k))
}

/// Prepositions before a noun use of a cue word ("with reports", "amid
/// claims").
const PREPOSITIONS: &[&str] =
    &["with", "of", "in", "on", "by", "from", "to", "about", "for", "amid", "despite"];

/// Determiners and possessives before a noun use of a cue word ("the
/// claims", "Moscow's report", "their statement").
const POSSESSIVE_OR_DET: &[&str] = &[
    "the", "a", "an", "these", "those", "such", "its", "their", "his", "her", "our", "'s", "’s",
    "this", "that", "no", "any",
];

/// Words before a base-form verb ("they claim", "will say").
const BASE_FORM_SUBJECTS: &[&str] = &[
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
fn is_base_form_noun(ctx: &Ctx<'_>, sentence: &Sentence<'_>, k: usize) -> bool {
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
    let noun_slot = (k >= sentence.tokens.start + 2 && POSSESSIVE_OR_DET.contains(&words[k - 2]))
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
fn is_plural_after_auxiliary(ctx: &Ctx<'_>, k: usize) -> bool {
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
fn verb_between_subject_and_clause(ctx: &Ctx<'_>, sentence: &Sentence<'_>, k: usize) -> bool {
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
fn is_question(ctx: &Ctx<'_>, sentence: &Sentence<'_>) -> bool {
    ctx.doc.sentences[sentence.index].tokens.clone().any(|k| ctx.words()[k] == "?")
}

/// Cue words in a sentence and what they attribute. `masked_ranges` are
/// the sentence's chain phrases; `recent` the sources of the sentences
/// before, for pronouns.
fn cues(
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
        // Noun uses: "the claims", "Moscow's report", "with reports".
        if cue > start
            && (POSSESSIVE_OR_DET.contains(&words[cue - 1])
                || PREPOSITIONS.contains(&words[cue - 1]))
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
        if words[cue].ends_with("ed") && object_of_preposition_before(ctx, start, cue) {
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
            let main_end = source
                .as_ref()
                .and_then(|subject| subordinate_main_end(words, start, subject.start));
            Reading { source, content: content_after(ctx, cue + 1..end, word), main_end }
        };
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
fn impersonal_report(ctx: &Ctx<'_>, cue: usize) -> bool {
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
fn quoted_as_saying(
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
fn phrase_source(
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
fn relative_subject(ctx: &Ctx<'_>, at: usize) -> Option<Source> {
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
fn object_of_preposition_before(ctx: &Ctx<'_>, start: usize, cue: usize) -> bool {
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

/// "Russia accused Ukraine of closing the bridge", "officials blamed the
/// fire on faulty wiring", "..., blaming Iran for the attacks": a verb of
/// accusation (`accuse.txt`) with a noun phrase for object and one of its
/// prepositions after it. The content is the accusation itself, verb and
/// object included (what the accused did is said only through them); the
/// source is the subject, or the sentence's subject for a participle
/// after a comma. A passive ("was accused of") names no accuser here.
fn accusation(
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
fn second_report(
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
fn agent_and_clause(ctx: &Ctx<'_>, sentence: &Sentence<'_>, cue: usize) -> Option<Reading> {
    let words = ctx.words();
    let end = sentence.tokens.end;
    let agent = phrase_after(ctx, cue + 2..end)?;
    let that = (agent.end < end && words[agent.end] == "that").then_some(agent.end)?;
    let content = content_after(ctx, that..end, words[cue]);
    (!content.is_empty()).then_some(Reading { source: Some(agent), content, main_end: None })
}

/// The party told, after "told": up to "that" or the content ("told the
/// state news agency on Monday that" names the state news agency).
fn hearer(ctx: &Ctx<'_>, sentence: &Sentence<'_>, cue: usize) -> Option<Source> {
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
fn is_press(words: &[&str], phrase: Range<usize>) -> bool {
    let press = |i: usize| LEXICONS.press.contains(words[i]);
    phrase.clone().all(|i| words[i] == "the" || press(i) || LEXICONS.hearer.contains(words[i]))
        && phrase.clone().any(press)
}

/// "In an interview with CNN, the president said", "Speaking to the BBC,
/// the minister said": the party a statement was given to (`interview.txt`),
/// in `before` (the words before the cue and the content); not the press
/// ("speaking to reporters"), which is how every statement reaches the
/// news.
fn interviewer(ctx: &Ctx<'_>, before: Range<usize>) -> Option<Source> {
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
/// "Court records show the man was convicted": a verb of evidence at `cue`
/// whose subject names an artefact or a record (`artefact.txt`) and after
/// which a clause follows without "that" (a noun phrase, then a verb
/// within a few words).
fn artefact_shows_clause(ctx: &Ctx<'_>, start: usize, cue: usize, end: usize) -> bool {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    let Some(subject) = subject_before(ctx, start, cue) else { return false };
    let names_artefact = subject.clone().any(|k| {
        let word = words[k];
        LEXICONS.artefact.contains(word) || LEXICONS.artefact.contains(word.trim_end_matches('s'))
    });
    let opens_noun_phrase = matches!(
        tokens.get(cue + 1).and_then(|t| t.tag),
        Some(Upos::Det | Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num)
    );
    names_artefact
        && opens_noun_phrase
        && (cue + 2..end.min(cue + 8)).any(|k| {
            matches!(tokens[k].tag, Some(Upos::Verb | Upos::Aux)) && !ctx.is_capitalized(k)
        })
}

/// "with reports noting": the phrase after "with" is the source.
fn after_with(words: &[&str], phrase: Range<usize>) -> Range<usize> {
    let start = phrase.clone().rev().find(|&k| words[k] == "with").map_or(phrase.start, |k| k + 1);
    start..phrase.end
}

/// A pronoun source. "he" and "she" want a person: the last person the
/// entity stage found before the pronoun, else the latest source that
/// looks like one (a name of two words or more). Other pronouns take the
/// latest source of this sentence or the sentences before.
fn resolve_pronoun(
    ctx: &Ctx<'_>,
    previous: &[Attribution],
    recent: &[Source],
    at: usize,
) -> Option<Source> {
    let personal = matches!(ctx.lower[at].as_str(), "he" | "she");
    if personal {
        if let Some(person) = last_person(ctx, at) {
            return Some(person);
        }
    }
    // A third-person pronoun never stands for the speaker or the one
    // spoken to ("I", "you").
    let neuter = ctx.lower[at] == "it";
    let fits = |s: &Source| {
        if matches!(s.text.to_lowercase().as_str(), "i" | "we" | "you" | "me" | "us") {
            return false;
        }
        // "It" stands for no person.
        if neuter && is_person(ctx, s) {
            return false;
        }
        !personal
            || s.kind == SourceKind::Named
                && (s.text.split_whitespace().count() >= 2 || is_person(ctx, s))
    };
    previous
        .iter()
        .rev()
        .filter_map(|att| att.source.as_ref())
        .chain(recent.iter().rev().take(6))
        .find(|s| fits(s))
        .cloned()
}

/// A definite description ("the agency", "the ministry") names the
/// organisation mentioned last before `at` whose name ends in that noun
/// ("the Saudi Press Agency"); other sources are kept as they are.
fn resolve_description(ctx: &Ctx<'_>, at: usize, source: Source) -> Source {
    let mut words = source.text.split_whitespace();
    let (Some(det), Some(noun), None) = (words.next(), words.next(), words.next()) else {
        return source;
    };
    if !det.eq_ignore_ascii_case("the") || !noun.chars().all(char::is_lowercase) {
        return source;
    }
    let doc = ctx.doc;
    let named = mentions_before(ctx, at).find(|m| {
        m.kind == crate::doc::EntityKind::Org
            && doc.entities[m.entity]
                .name
                .rsplit(' ')
                .next()
                .is_some_and(|last| last.len() > 2 && last.eq_ignore_ascii_case(noun))
    });
    match named {
        Some(mention) => Source {
            text: doc.entities[mention.entity].name.clone(),
            span: source.span,
            kind: SourceKind::Named,
        },
        None => source,
    }
}

/// The antecedent of a relative clause whose subject is the source and
/// whose content lacks a subject ("major fires at the plant, which state
/// media said were under control"); the content starts at
/// `content_start`.
fn relative_antecedent(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    source: Option<&Source>,
    content_start: usize,
) -> Option<String> {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    let sentence_start = sentence.tokens.start;
    let source_span = source?.span?;
    // A pronoun right before the cue stands for a source named elsewhere
    // ("a video which it said showed ...": Hamas); the clause starts at
    // the pronoun.
    let pronoun = (content_start >= sentence_start + 3)
        .then(|| content_start - 2)
        .filter(|&k| matches!(ctx.lower[k].as_str(), "it" | "they"));
    let source_from = match pronoun {
        Some(k) => k,
        None => (sentence_start..content_start)
            .find(|&k| tokens[k].span.start() >= source_span.start())?,
    };
    if source_from < sentence_start + 2 {
        return None;
    }
    // "a video it said showed ...": a relative clause without its pronoun,
    // right after a noun with its article, its source a word or two.
    let bare = pronoun.is_some()
        && tokens[source_from - 1].tag == Some(Upos::Noun)
        && (sentence_start..source_from - 1)
            .rev()
            .take(3)
            .any(|k| matches!(words[k], "a" | "an" | "the" | "its" | "their" | "his" | "her"));
    if !matches!(words[source_from - 1], "which" | "that" | "who") && !bare {
        return None;
    }
    if !matches!(tokens[content_start].tag, Some(Upos::Aux | Upos::Verb)) {
        return None;
    }
    let mut antecedent_end = if bare { source_from } else { source_from - 1 };
    if antecedent_end > sentence_start && words[antecedent_end - 1] == "," {
        antecedent_end -= 1;
    }
    let phrase = phrase_before(ctx, sentence_start..antecedent_end)?;
    // The noun phrase after the main clause's verb, if the phrase runs
    // over one.
    let from = phrase
        .clone()
        .rev()
        .find(|&k| looks_finite_verb(ctx, k))
        .map_or(phrase.start, |verb| verb + 1);
    // Without a relative pronoun, the clause belongs to the last noun of
    // the phrase: "a complete list of [the 38 countries] they said were
    // involved".
    let from = if bare {
        (from..phrase.end).rev().find(|&k| words[k] == "of").map_or(from, |of| of + 1)
    } else {
        from
    };
    (from < phrase.end).then(|| ctx.span_text(from, phrase.end).to_string())
}

/// A surname alone ("Sarea said") names the person mentioned before with
/// that surname ("Yahya Sarea"), also when the article spells it with one
/// letter changed, as transliterations vary ("Saree").
fn resolve_surname(ctx: &Ctx<'_>, at: usize, source: Source) -> Source {
    let text = source.text.as_str();
    if source.kind != SourceKind::Named
        || text.contains(' ')
        || text.chars().count() < 4
        || !text.chars().next().is_some_and(char::is_uppercase)
    {
        return source;
    }
    let close = |a: &str, b: &str| {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        a.len() == b.len()
            && a.len() >= 5
            && a[..3] == b[..3]
            && a.iter().zip(&b).filter(|(x, y)| x != y).count() <= 1
    };
    let doc = ctx.doc;
    let named = mentions_before(ctx, at).find_map(|m| {
        if m.kind != crate::doc::EntityKind::Person {
            return None;
        }
        let name = super::source::without_titles(&doc.entities[m.entity].name);
        let last = name.rsplit(' ').next()?;
        (name.contains(' ') && (last == text || close(last, text))).then(|| name.to_string())
    });
    match named {
        Some(name) => Source { text: name, ..source },
        None => source,
    }
}

/// The last person the entity stage found before token `at`, as a source.
pub(super) fn last_person(ctx: &Ctx<'_>, at: usize) -> Option<Source> {
    let mention = mentions_before(ctx, at).find(|m| m.kind == crate::doc::EntityKind::Person)?;
    Some(person_source(ctx, mention))
}

/// The first person the entity stage found within `tokens`, as a source.
fn first_person_in(ctx: &Ctx<'_>, tokens: Range<usize>) -> Option<Source> {
    let mentions = &ctx.doc.mentions;
    let first = mentions.partition_point(|m| m.tokens.start < tokens.start);
    let mention = mentions[first..]
        .iter()
        .take_while(|m| m.tokens.start < tokens.end)
        .find(|m| m.kind == crate::doc::EntityKind::Person && m.tokens.end <= tokens.end)?;
    Some(person_source(ctx, mention))
}

/// A person's mention as a source, named by its entity without titles.
fn person_source(ctx: &Ctx<'_>, mention: &crate::doc::Mention) -> Source {
    let name = super::source::without_titles(&ctx.doc.entities[mention.entity].name);
    Source { text: name.to_string(), span: Some(mention.span), kind: SourceKind::Named }
}

/// The entity mentions that end before token `at`, nearest first, within
/// a bounded reach (mentions are in text order).
fn mentions_before<'d>(
    ctx: &Ctx<'d>,
    at: usize,
) -> impl Iterator<Item = &'d crate::doc::Mention> + 'd {
    let mentions = &ctx.doc.mentions;
    let before = mentions.partition_point(|m| m.tokens.end <= at);
    mentions[before.saturating_sub(200)..before].iter().rev()
}

/// "I believe", "we expect" outside a quotation: the writer or the person
/// interviewed, never a third party named before (an interview, a
/// first-person piece), as the text names them.
fn first_person(ctx: &Ctx<'_>, at: usize) -> Option<Source> {
    matches!(ctx.lower[at].as_str(), "i" | "we").then(|| Source {
        text: ctx.text(at).to_string(),
        span: Some(ctx.doc.tokens[at].span),
        kind: SourceKind::Unnamed,
    })
}

/// A third-person pronoun with nothing to stand for among the sources
/// before it ("They estimated that ..." after a sentence about "the
/// researchers"): still someone's claim, so the pronoun is its source.
fn unresolved_pronoun(ctx: &Ctx<'_>, at: usize) -> Option<Source> {
    matches!(ctx.lower[at].as_str(), "he" | "she" | "they").then(|| Source {
        text: ctx.text(at).to_string(),
        span: Some(ctx.doc.tokens[at].span),
        kind: SourceKind::Unnamed,
    })
}

/// Whether the entity stage found a person where the source is named.
fn is_person(ctx: &Ctx<'_>, source: &Source) -> bool {
    let Some(span) = source.span else { return false };
    let first = ctx.doc.mentions.partition_point(|m| m.span.end() < span.start());
    ctx.doc.mentions[first..].iter().take(8).any(|m| {
        m.kind == crate::doc::EntityKind::Person
            && m.span.start() <= span.start()
            && span.end() <= m.span.end()
    })
}

/// "..., said the poster." or "..., X said." with the content before.
fn postposed(ctx: &Ctx<'_>, sentence: &Sentence<'_>, cue: usize) -> Option<Postposed> {
    let words = ctx.words();
    let start = sentence.tokens.start;
    // What follows a comma and a participle cue (", adding that ...") is
    // a claim of its own, a chain phrase (", citing intelligence
    // reports") a link of the chain, and a noun that names the claim (",
    // a figure Israel disputes") its evaluation: none is part of this
    // cue's phrase.
    let end = (cue + 1..sentence.tokens.end)
        .find(|&i| {
            words[i] == ","
                && words.get(i + 1).is_some_and(|n| {
                    LEXICONS.participle.contains(n)
                        || LEXICONS.chain.begins(n)
                        || names_a_claim(words, i + 1)
                })
        })
        .unwrap_or(sentence.tokens.end);
    // A semicolon ends the clause of the cue.
    let end = (cue + 1..end).find(|&i| words[i] == ";").unwrap_or(end);
    // So does why the source is unnamed ("..., two officials said on
    // condition of anonymity because they were not authorised to speak").
    let end = LEXICONS.anonymity.find(words, cue + 1..end).map_or(end, |found| found.start);
    // The words after the cue but time words, and (`after`) "on" too.
    let rest: Vec<usize> = (cue + 1..end).filter(|&i| !is_time_word(words[i])).collect();
    let after: Vec<usize> = rest.iter().copied().filter(|&i| words[i] != "on").collect();
    // "..., said the poster." The speaker may carry an apposition or an
    // aside ("said Jane Doe, the defence minister", "said Jane Doe (no
    // relation)"), which is not part of the source's name.
    if cue > start && (words[cue - 1] == "," || ctx.doc.tokens[cue - 1].kind == TokenKind::Quote) {
        // (A role without an article is one too: "said Dr. Anthony Fauci,
        // director of the institute"; so are an age and a relative clause.)
        let aside = after.iter().copied().find(|&i| {
            words[i] == "("
                || words[i] == ","
                    && words.get(i + 1).is_some_and(|n| {
                        matches!(
                            *n,
                            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "who" | "whose"
                        ) || n.starts_with(char::is_lowercase)
                            && ctx.doc.tokens[i + 1].tag == Some(Upos::Noun)
                            // "said Maria Lopez, 54, whose house ...": an age.
                            || n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit())
                    })
        });
        // "said Jane Doe to the crowd, which ...": whom she spoke to, and
        // where, are not part of her name.
        let place = after.iter().copied().skip(1).find(|&i| {
            matches!(words[i], "to" | "at" | "during" | "before") && ctx.is_capitalized(i - 1)
        });
        let aside = aside.into_iter().chain(place).min();
        let name: Vec<usize> =
            after.iter().copied().filter(|&i| aside.is_none_or(|x| i < x)).collect();
        let name_end = name.last().map_or(cue + 1, |&i| i + 1);
        let plain = |i: usize| !looks_finite_verb(ctx, i) && !matches!(words[i], "that" | "how");
        let short = !name.is_empty()
            && name.len() <= 8
            && name.iter().all(|&i| plain(i) && words[i] != ",")
            && after.len() <= 16
            && (place.is_some() && aside == place
                || aside.is_some()
                || after.iter().all(|&i| plain(i)));
        if short {
            let content_end = if words[cue - 1] == "," { cue - 1 } else { cue };
            return Some(Postposed {
                speaker: cue + 1..name_end,
                content: strip_quote_end(ctx, start..content_end),
            });
        }
        // "Institutional recipients, said Mauer, are required to ...": a
        // report set off inside the clause. The predicate after it is the
        // content (the subject before it joins the claim's text).
        let close = (cue + 1..end.min(cue + 7)).find(|&i| words[i] == ",");
        if let Some(close) = close.filter(|_| words[cue - 1] == ",") {
            let name = cue + 1..close;
            let predicate = close + 1 < end
                && matches!(ctx.doc.tokens[close + 1].tag, Some(Upos::Aux | Upos::Verb));
            if !name.is_empty()
                && ctx.is_capitalized(name.start)
                && name.clone().all(plain)
                && predicate
            {
                return Some(Postposed { speaker: name, content: close + 1..end });
            }
        }
    }
    // "..., X said." : nothing but time words after the cue, or the party
    // told ("..., officials told state media.").
    let told_whom = LEXICONS.tell.contains(words[cue])
        && after.len() <= 4
        && after.iter().all(|&i| !looks_finite_verb(ctx, i) && !matches!(words[i], "that" | ","));
    // "..., police said in a statement.", "..., she wrote on Twitter.":
    // where or how it was said, prepositional phrases and nothing else.
    let tag = |i: usize| ctx.doc.tokens[i].tag;
    // "in a televised address": a participle after an article modifies
    // the noun after it.
    let participle_modifier = |i: usize| {
        i > 0
            && matches!(words[i - 1], "a" | "an" | "the")
            && (words[i].ends_with("ed") || words[i].ends_with("ing"))
            && rest.contains(&(i + 1))
    };
    // "... on Sunday": a preposition before a time word goes with it.
    let rest: Vec<usize> = rest
        .iter()
        .copied()
        .filter(|&i| {
            !(tag(i) == Some(Upos::Adp) && words.get(i + 1).is_some_and(|w| is_time_word(w)))
        })
        .collect();
    let how_said = rest.first().is_some_and(|&i| tag(i) == Some(Upos::Adp))
        && rest
            .last()
            .is_some_and(|&i| matches!(tag(i), Some(Upos::Noun | Upos::Propn | Upos::Num)))
        && rest.len() <= 10
        && rest.iter().all(|&i| {
            (!looks_finite_verb(ctx, i) || participle_modifier(i))
                && !matches!(words[i], "that" | "," | "whether" | "if" | "about")
                && (matches!(
                    tag(i),
                    Some(
                        Upos::Adp
                            | Upos::Det
                            | Upos::Adj
                            | Upos::Noun
                            | Upos::Propn
                            | Upos::Num
                            | Upos::Cconj
                    )
                ) || participle_modifier(i))
        });
    if after.is_empty() || told_whom || how_said {
        let subject_end = (start..cue).rev().find(|&i| !LEXICONS.skip.contains(words[i]))? + 1;
        let speaker = phrase_before(ctx, start..subject_end)?;
        // '..., officials said.' or '...," he said.'
        if speaker.start > start
            && (words[speaker.start - 1] == ","
                || ctx.doc.tokens[speaker.start - 1].kind == TokenKind::Quote)
        {
            let content = strip_quote_end(ctx, start..speaker.start - 1);
            return Some(Postposed { speaker, content });
        }
    }
    None
}

/// The content without the closing marks and commas at its end.
fn strip_quote_end(ctx: &Ctx<'_>, content: Range<usize>) -> Range<usize> {
    let Range { start, mut end } = content;
    while end > start
        && (ctx.doc.tokens[end - 1].kind == TokenKind::Quote || ctx.text(end - 1) == ",")
    {
        end -= 1;
    }
    start..end
}

/// Where the main clause ends when a cue's subject follows a subordinator
/// ("..., days after the group claimed"), an absolute "with" ("...,
/// with officials saying ...") or a conjunction after a comma ("..., but
/// officials said ...").
fn subordinate_main_end(
    words: &[&str],
    sentence_start: usize,
    subject_start: usize,
) -> Option<usize> {
    // (The subject phrase may hold the "with" itself.)
    let before = if words[subject_start] == "with" {
        subject_start
    } else {
        subject_start.checked_sub(1)?
    };
    if before < sentence_start {
        return None;
    }
    // "The attack was claimed by the Houthis, but both Saudi Arabia and
    // the US have alleged ...": a clause coordinated after a comma.
    let mut conjunction = before;
    while conjunction > sentence_start
        && matches!(words[conjunction], "both" | "either" | "neither")
    {
        conjunction -= 1;
    }
    if matches!(words[conjunction], "but" | "and" | "yet")
        && conjunction > sentence_start
        && words[conjunction - 1] == ","
    {
        return Some(conjunction - 1);
    }
    if !(LEXICONS.subordinators.contains(words[before]) || words[before] == "with") {
        return None;
    }
    (sentence_start..before).rev().find(|&i| words[i] == ",")
}

/// "wrote on Twitter: \"...\"", "told the public via Twitter, \"...\"":
/// a short phrase with no verb in `rest` (the words after a cue), then a
/// comma or colon and a quotation that runs to the sentence's end. The
/// quotation is the content; the phrase says where or to whom it was
/// said. The comma or colon's index.
fn quotation_after_phrase(ctx: &Ctx<'_>, rest: Range<usize>) -> Option<usize> {
    let words = ctx.words();
    let kind = |k: usize| ctx.doc.tokens[k].kind;
    let mark = (rest.start..rest.end.min(rest.start + 10))
        .take_while(|&k| !looks_finite_verb(ctx, k) && kind(k) != TokenKind::Quote)
        .find(|&k| {
            matches!(words[k], "," | ":") && k + 1 < rest.end && kind(k + 1) == TokenKind::Quote
        })?;
    // The quotation ends the sentence (or runs on past it): after its
    // closing mark only punctuation.
    let closes_early = (mark + 2..rest.end).any(|k| {
        kind(k) == TokenKind::Quote
            && (k + 1..rest.end).any(|j| !matches!(kind(j), TokenKind::Punct | TokenKind::Quote))
    });
    (!closes_early).then_some(mark)
}

/// What the party told after "told" is: a name, the press, a pronoun, a
/// common noun after an article.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Told {
    Name,
    Press,
    Pronoun,
    Common,
}

/// Object pronouns: the party told ("told him"), never a source.
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "me", "us", "you"];

/// The content after a cue, in `after_cue` (the rest of the sentence):
/// "that", time words and the party told are skipped; it ends at the
/// sentence end, a chain phrase or a new participle cue.
fn content_after(ctx: &Ctx<'_>, after_cue: Range<usize>, cue: &str) -> Range<usize> {
    let words = ctx.words();
    let Range { start: from, end: sentence_end } = after_cue;
    let mut start = from;
    if LEXICONS.tell.contains(cue) {
        if let Some(that) =
            (start..sentence_end.min(start + 8)).find(|&i| is_complementizer(ctx, i))
        {
            start = that + 1;
        } else {
            // The party told is one phrase: a name ("told Reuters", "told
            // the BBC"), the press ("told local reporters") or a pronoun
            // ("told him"); what follows it is the content, even when it
            // starts with a name or an article ("told reporters Smith had
            // resigned", "told Reuters the road would reopen").
            // A common noun after an article names the party too ("told
            // the court she had been forced").
            let mut told: Option<Told> = None;
            let mut article = false;
            while start < sentence_end {
                let word = words[start];
                let next = if told.is_none() && matches!(word, "the" | "a" | "an") {
                    article = true;
                    None
                } else if told.is_none() && OBJECT_PRONOUNS.contains(&word) {
                    Some(Told::Pronoun)
                } else if matches!(told, None | Some(Told::Name | Told::Press))
                    && LEXICONS.hearer.contains(word)
                {
                    // "told local reporters", "told Polish media".
                    Some(Told::Press)
                } else if matches!(told, None | Some(Told::Name)) && ctx.is_capitalized(start) {
                    Some(Told::Name)
                } else if (article
                    || told.is_none()
                        && from > 0
                        && ctx.doc.tokens[start].rel == Some(Rel::Iobj)
                        && ctx.doc.tokens[start].head == Some(from - 1))
                    && matches!(told, None | Some(Told::Common))
                    && ctx.doc.tokens[start].tag == Some(Upos::Noun)
                {
                    // (With no article, where the parse makes the noun
                    // the one told: "told shareholders the merger would
                    // close".)
                    // "told the court" (but "told reporters repairs would
                    // take a week": no article, no party).
                    Some(Told::Common)
                } else {
                    break;
                };
                told = next.or(told);
                start += 1;
                if told == Some(Told::Pronoun) {
                    break;
                }
            }
        }
    }
    // "commented on reports that ...", "responded to allegations that
    // ...": the clause is what the reports say (`nominal_claims` reads
    // it), not what the cue's speaker said.
    if about_a_rumour(ctx, start, sentence_end) {
        return start..start;
    }
    // "said in his nightly address that ...", "wrote on Telegram that
    // ...": where or how it was said, up to the "that" of the content.
    if matches!(words.get(start), Some(&("in" | "on" | "at" | "during" | "via" | "through" | "to")))
    {
        // (After "to" too: the tagger reads "to reporters" as an
        // infinitive.)
        let determined = words[start] == "to"
            || words.get(start + 1).is_some_and(|w| {
                matches!(*w, "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "my")
            });
        let that = (start + 1..sentence_end.min(start + 10))
            .take_while(|&k| {
                // (After an article or a possessive, a noun the tagger
                // reads as a verb, "his nightly address", is no verb; an
                // auxiliary still is.)
                let verb = if determined {
                    ctx.doc.tokens[k].tag == Some(Upos::Aux)
                } else {
                    looks_finite_verb(ctx, k)
                };
                words[k] != "," && !verb
            })
            .find(|&k| words[k] == "that" && is_complementizer(ctx, k));
        if let Some(that) = that {
            start = that + 1;
        }
    }
    if let Some(mark) = quotation_after_phrase(ctx, start..sentence_end) {
        start = mark + 1;
    }
    let statement = |i: usize| words.get(i).is_some_and(|w| LEXICONS.statement.contains(w));
    loop {
        if start >= sentence_end {
            break;
        }
        let word = words[start];
        let skipped = match word {
            "that" => is_complementizer(ctx, start),
            "," | ":" | "how" | "on" => true,
            // "in a statement that ...": the form the content takes.
            "in" => words.get(start + 1) == Some(&"a"),
            // "said late on Sunday that ...", "said early this morning
            // that ...": a time of day.
            "late" | "early" => words
                .get(start + 1)
                .is_some_and(|w| matches!(*w, "on" | "in" | "last" | "this") || is_time_word(w)),
            "this" | "last" => words.get(start + 1).is_some_and(|w| time_of_day(w)),
            w if time_of_day(w) => start > from && matches!(words[start - 1], "this" | "last"),
            "a" => statement(start + 1),
            _ => statement(start) && (start == from || words[start - 1] == "a"),
        };
        if skipped || is_time_word(word) {
            start += 1;
            continue;
        }
        if let Some(n) = LEXICONS.dispute.match_at(words, start) {
            start += n;
            continue;
        }
        break;
    }
    // "Peskov told reporters on Tuesday, referring to the reports": a
    // participle after a comma says how it was said, not what (unless a
    // quotation follows: "she said, asking him to be \"patient\"").
    if start > from
        && start < sentence_end
        && words[start - 1] == ","
        && words[start].ends_with("ing")
        && ctx.doc.tokens[start].tag == Some(Upos::Verb)
        && !LEXICONS.participle.contains(words[start])
        && !(start..sentence_end).any(|k| ctx.doc.tokens[k].kind == TokenKind::Quote)
    {
        // "..., speaking from Moscow, that the talks had failed".
        match (start..sentence_end.saturating_sub(1))
            .find(|&k| words[k] == "," && words[k + 1] == "that" && is_complementizer(ctx, k + 1))
        {
            Some(comma) => start = comma + 2,
            None => return start..start,
        }
    }
    let mut end = sentence_end;
    for i in start..sentence_end {
        if words[i] == ";" {
            end = i;
            break;
        }
        let at_comma = words[i] == ",";
        let next = words.get(i + 1).copied().unwrap_or("");
        // ", a claim that could not be verified" evaluates the content.
        // So does ", figures that Reuters could not verify".
        // (", but the claim could not be verified" as well.)
        let after = i + 1 + usize::from(matches!(next, "but" | "though" | "although"));
        // (", but there was no independent confirmation" too.)
        let contrast = after > i + 1;
        let evaluation = at_comma
            && (names_a_claim(words, after)
                || (contrast
                    || (i + 1..sentence_end.min(i + 5))
                        .any(|k| matches!(words[k], "that" | "which")))
                    && LEXICONS.unverified.find(words, i + 2..sentence_end).is_some());
        // ", without providing evidence" says how it was claimed: not
        // content (the status reads it).
        if evaluation
            || at_comma && LEXICONS.dispute.match_at(words, i + 1).is_some() && next == "without"
            || at_comma && (LEXICONS.chain.begins(next) || LEXICONS.participle.contains(next))
            || at_comma && answers_before(ctx, i + 1..sentence_end)
            // (", contradicting the army's account" answers another claim.)
            || at_comma && next.ends_with("ing") && LEXICONS.deny.match_at(words, i + 1).is_some()
            || at_comma
                && contrasting_clause(ctx, i + 1..sentence_end)
                && !quote_open(&words[start..i])
        {
            end = i;
            break;
        }
    }
    start..end.max(start)
}

/// A noun of a time of day or a span ("morning" of "this morning", "week"
/// of "last week").
fn time_of_day(word: &str) -> bool {
    matches!(word, "morning" | "afternoon" | "evening" | "night" | "week" | "weekend" | "month")
}

/// Whether the words from `k` are a preposition and a noun of rumour
/// (`hedging_nouns.txt`) with its "that" clause: "on reports that ...",
/// "to the allegations that ...", "about claims that ...".
fn about_a_rumour(ctx: &Ctx<'_>, k: usize, end: usize) -> bool {
    let words = ctx.words();
    if !words.get(k).is_some_and(|w| matches!(*w, "on" | "to" | "about" | "over" | "against")) {
        return false;
    }
    let noun = (k + 1..end.min(k + 5)).find(|&i| {
        !matches!(ctx.doc.tokens[i].tag, Some(Upos::Det | Upos::Adj | Upos::Pron))
            && !matches!(words[i], "the" | "a" | "an")
    });
    noun.is_some_and(|n| {
        LEXICONS.hedging_nouns.contains(ctx.lower[n].as_str())
            && words.get(n + 1) == Some(&"that")
            && is_complementizer(ctx, n + 1)
    })
}

/// Whether an article and a noun naming a claim start at `k` ("a claim
/// that could not be verified", "a figure Israel disputes"): after a
/// comma, the content's evaluation.
pub(super) fn names_a_claim(words: &[&str], k: usize) -> bool {
    words.get(k).is_some_and(|w| matches!(*w, "a" | "an" | "the"))
        && words.get(k + 1).is_some_and(|n| LEXICONS.claim_nouns.contains_key(*n))
}

/// Whether `rest` (after a comma) is another party's answer to what
/// comes before it: ", but Kyiv denied it", ", which the ministry
/// rejected": a conjunction or "which", a subject of a few words and a
/// verb of denial (`deny.txt`), no other verb between.
fn answers_before(ctx: &Ctx<'_>, rest: Range<usize>) -> bool {
    let words = ctx.words();
    if rest.is_empty() || !matches!(words[rest.start], "but" | "which" | "though" | "although") {
        return false;
    }
    for k in rest.start + 1..rest.end.min(rest.start + 8) {
        if LEXICONS.deny.match_at(words, k).is_some() {
            return k > rest.start + 1;
        }
        if matches!(words[k], "," | ";" | ":")
            || looks_finite_verb(ctx, k) && !LEXICONS.skip.contains(words[k])
        {
            return false;
        }
    }
    false
}

/// Whether `rest` (after a comma) is another party's report set against
/// what was said: "but", "though", "although" or "whereas", a subject and
/// a cue of its own ("..., though some residents believe it was a bomb",
/// "..., but witnesses said ..."), or another party's estimate ("...,
/// though local media put the figure at 50"). Without a cue the clause
/// after "but" is mostly the speaker's still ("..., but the duration
/// would be unusual"), and stays in the content.
fn contrasting_clause(ctx: &Ctx<'_>, rest: Range<usize>) -> bool {
    let words = ctx.words();
    if rest.is_empty() || !matches!(words[rest.start], "but" | "though" | "although" | "whereas") {
        return false;
    }
    if estimate(ctx, rest.start + 1..rest.end).is_some() {
        return true;
    }
    let subject_end = (rest.start + 1..rest.end.min(rest.start + 6)).find(|&k| {
        (LEXICONS.speech.contains(words[k]) || LEXICONS.claim.contains(words[k]))
            && looks_finite_verb(ctx, k)
    });
    let tag = |k: usize| ctx.doc.tokens[k].tag;
    let be = |k: usize| matches!(words[k], "is" | "are" | "was" | "were" | "be" | "been");
    subject_end.is_some_and(|cue| {
        cue > rest.start + 1
            // A subject of its own ("but did not say ..." has none) and an
            // active cue ("though it was later found to be ..." reports
            // nobody's words).
            && !matches!(tag(rest.start + 1), Some(Upos::Aux | Upos::Verb | Upos::Part | Upos::Adv))
            && !(rest.start + 1..cue).any(be)
            && (rest.start + 1..cue).all(|k| !matches!(words[k], "," | ";" | "\"" | "“" | "”"))
            && subject_before(ctx, rest.start + 1, cue).is_some()
    })
}

/// Whether `words` open a quotation they do not close: a comma inside it
/// is the speaker's, not the content's end.
fn quote_open(words: &[&str]) -> bool {
    let count = |mark: &str| words.iter().filter(|w| **w == mark).count();
    count("\"") % 2 == 1
        || count("'") % 2 == 1
        || count("“") > count("”")
        || count("‘") > count("’")
}

/// Whether the "that" at `i` opens a clause ("said that the road was
/// closed") rather than being its subject ("said that's not true", "said
/// that was wrong"): an auxiliary right after it makes it the subject.
/// (Not any verb: "said that decreasing access may lower the rate".)
fn is_complementizer(ctx: &Ctx<'_>, i: usize) -> bool {
    let words = ctx.words();
    let auxiliary = |k: usize| {
        words.get(k).is_some_and(|w| matches!(*w, "'s" | "’s"))
            || ctx.doc.tokens.get(k).is_some_and(|t| t.tag == Some(Upos::Aux))
    };
    words[i] == "that" && !auxiliary(i + 1)
}

/// Words that end the antecedent of a count clause when walking left
/// from it ("the group behind | the attack which killed ...").
const ANTECEDENT_STOPS: &[&str] = &[
    "behind", "for", "after", "before", "was", "is", "were", "are", "caused", "against", "during",
    "by", "to", "that", "with", "about",
];

/// Splits "… the attack which killed at least 137 people" into the
/// content before "which" and the count clause, which the article
/// asserts.
fn split_count_clause(ctx: &Ctx<'_>, content: Range<usize>) -> (Range<usize>, Option<CountClause>) {
    let words = ctx.words();
    for relative in content.clone() {
        if !matches!(words[relative], "which" | "that" | "who") {
            continue;
        }
        let clause_has_harm =
            (relative + 1..content.end.min(relative + 4)).any(|i| LEXICONS.harm.contains(words[i]));
        let has_number = (relative + 1..content.end.min(relative + 7)).any(|i| {
            ctx.doc.tokens[i].kind == TokenKind::Number || LEXICONS.count_words.contains(words[i])
        });
        if clause_has_harm && has_number {
            let antecedent_start = (content.start..relative)
                .rev()
                .find(|&i| ANTECEDENT_STOPS.contains(&words[i]))
                .map_or(content.start, |i| i + 1);
            let end = if relative > content.start && words[relative - 1] == "," {
                relative - 1
            } else {
                relative
            };
            let count = CountClause {
                antecedent: antecedent_start..relative,
                clause: relative + 1..content.end,
            };
            return (content.start..end, Some(count));
        }
    }
    (content, None)
}

/// The claim in words that stand alone: a leading adverbial ("In protest
/// against …,") is dropped, a subject pronoun standing for the source is
/// replaced by the source ("it was behind" → "IS-Khorasan was behind"),
/// and a cue with a noun complement keeps its clause ("the group claimed
/// responsibility for …").
fn claim_text(
    ctx: &Ctx<'_>,
    att: &Attribution,
    source: Option<&Source>,
    content: Range<usize>,
) -> Option<String> {
    let words = ctx.words();
    if content.is_empty() {
        return None;
    }
    // "claimed responsibility": a noun phrase for object, no clause
    // ("said taxes would rise" reports its clause).
    // So does an infinitive right after the cue ("the rebels claimed to
    // have shot down a helicopter": "to have shot down ..." says nothing
    // of who).
    let infinitive = content.start == att.cue.end && words[content.start] == "to";
    if infinitive || noun_object(ctx, att, content.clone()) {
        if let Some(source) = source {
            return Some(format!("{} {}", source.text, ctx.span_text(att.cue.start, content.end)));
        }
    }
    let mut from = content.start;
    if PREPOSITIONS.contains(&words[from]) {
        if let Some(comma) =
            (content.start..content.end.min(content.start + 25)).find(|&k| words[k] == ",")
        {
            if comma + 3 < content.end {
                from = comma + 1;
            }
        }
    }
    let text = ctx.span_text(from, content.end);
    let pronoun = matches!(words[from], "it" | "they" | "he" | "she");
    match source {
        Some(source)
            if pronoun
                && source.kind == SourceKind::Named
                && from + 1 < content.end
                && agrees(ctx, source, words[from]) =>
        {
            Some(format!("{} {}", source.text, ctx.span_text(from + 1, content.end)))
        }
        _ => Some(text.to_string()),
    }
}

/// Whether the cue takes a noun phrase for object, no clause: "claimed
/// responsibility for the attack", "claimed the attack" ("said taxes
/// would rise", "claimed the ministry had lied" report their clause).
fn noun_object(ctx: &Ctx<'_>, att: &Attribution, content: Range<usize>) -> bool {
    let tag = |k: usize| ctx.doc.tokens.get(k).and_then(|t| t.tag);
    // After an article, only with no verb anywhere after it (the parse
    // and the tagger miss many clauses that open with one).
    // So is a count ("reported 19 deaths": "12 people were killed" is a
    // clause).
    let noun_first = tag(content.start) == Some(Upos::Noun)
        || (tag(content.start) == Some(Upos::Det)
            && matches!(ctx.words()[content.start], "the" | "a" | "an")
            && matches!(tag(content.start + 1), Some(Upos::Noun | Upos::Adj))
            || tag(content.start) == Some(Upos::Num) && tag(content.start + 1) == Some(Upos::Noun))
            && !content.clone().any(|k| looks_finite_verb(ctx, k));
    !content.is_empty()
        && att.cue.end == content.start
        && noun_first
        && !noun_phrase_then_verb(ctx, content)
}

/// "The plan, Smith said, would cost $5 million", "The attack, officials
/// said, was planned": a report set off by commas between a subject and
/// its predicate. The subject (tokens before the opening comma, with no
/// verb of their own) when the content after the closing comma has none.
fn parenthetical_subject(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    att: &Attribution,
    source: Option<&Source>,
    content: &Range<usize>,
) -> Option<Range<usize>> {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    let cue = att.cue.start;
    let source_start = source
        .and_then(|s| s.span)
        .and_then(|span| sentence.tokens.clone().find(|&k| tokens[k].span.start() == span.start()));
    let first = source_start.map_or(cue, |s| s.min(cue));
    let lead = sentence.tokens.start..first.checked_sub(1)?;
    let closes = content.start.checked_sub(1)?;
    if lead.is_empty()
        || words[lead.end] != ","
        || closes <= cue
        || words[closes] != ","
        || lead.clone().any(|k| {
            looks_finite_verb(ctx, k) || words[k] == "," || sentence.in_direct[k].is_some()
        })
        || matches!(tokens[lead.start].tag, Some(Upos::Adp | Upos::Sconj | Upos::Adv | Upos::Cconj))
    {
        return None;
    }
    // The content must lack a subject: it opens on its verb.
    matches!(tokens[content.start].tag, Some(Upos::Aux | Upos::Verb)).then_some(lead)
}

/// Whether a third-person pronoun can stand for `source`: "he"/"she" for
/// a person, "it"/"they" for anything else ("Lydia Buchtmann ... says they
/// are looking at": "they" is her agency). A source the entity stage did
/// not type agrees with any.
fn agrees(ctx: &Ctx<'_>, source: &Source, pronoun: &str) -> bool {
    // "His family said he was unarmed": the pronoun stands for the one the
    // source belongs to, not the source.
    let first = source.text.split_whitespace().next().unwrap_or("").to_lowercase();
    if matches!(first.as_str(), "his" | "her" | "their" | "its" | "our" | "my" | "your") {
        return false;
    }
    let Some(span) = source.span else { return true };
    // Mentions are in text order: the first that ends after the source
    // starts is the only one that can overlap it first.
    let mentions = &ctx.doc.mentions;
    let first = mentions.partition_point(|m| m.span.end() <= span.start());
    let kind = mentions.get(first).filter(|m| m.span.start() < span.end()).map(|m| m.kind);
    match kind {
        Some(crate::doc::EntityKind::Person) => matches!(pronoun, "he" | "she"),
        Some(_) => matches!(pronoun, "it" | "they"),
        None => true,
    }
}

/// "[Reuters reported that] police said 12 people were killed", "[The
/// agency reported] its source said ...": a content that opens with a
/// report of its own, a named subject then a cue of speech or claim (past
/// "that"). The inner source and the inner content, after its cue (and
/// "that").
fn inner_report(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    content: &Range<usize>,
) -> Option<(Source, Range<usize>)> {
    let words = ctx.words();
    let mut start = content.start;
    if start < content.end && is_complementizer(ctx, start) {
        start += 1;
    }
    if start >= content.end || sentence.in_direct[start].is_some() {
        return None;
    }
    // A verb of speech or claim, not a participle ("her reasoning
    // saying"), nor "found" ("proteins found only in ...").
    let cue = (start + 1..content.end.min(start + 6)).find(|&k| {
        (LEXICONS.speech.contains(words[k]) || LEXICONS.claim.contains(words[k]))
            && !LEXICONS.participle.contains(words[k])
            && !LEXICONS.evidence.contains(words[k])
            && looks_finite_verb(ctx, k)
    })?;
    // The subject: a noun phrase of words, no clause ("the man who said
    // ...", "birds as we understand").
    let subject = start..cue;
    let tags = |k: usize| ctx.doc.tokens[k].tag;
    if subject.clone().any(|k| {
        matches!(words[k], "who" | "which" | "that" | "," | "and" | "if" | "when" | "as" | "to")
            || !words[k].chars().any(char::is_alphanumeric)
            || looks_finite_verb(ctx, k)
    }) || is_pronoun(ctx, subject.clone())
        || !subject.clone().any(|k| matches!(tags(k), Some(Upos::Noun | Upos::Propn)))
        || matches!(tags(start), Some(Upos::Adp | Upos::Verb | Upos::Aux | Upos::Part))
    {
        return None;
    }
    let source = to_source(ctx, subject)?;
    let mut from = cue + 1;
    if from < content.end && is_complementizer(ctx, from) {
        from += 1;
    }
    // A clause follows: a finite verb after a subject (not a quotation:
    // those are read as quotations; nor "claimed to be ...", "found only
    // in ...": the subject opens with a determiner, a pronoun or a name).
    if from >= content.end || sentence.in_direct[from].is_some() {
        return None;
    }
    let opens_subject = from > cue + 1
        || matches!(
            ctx.doc.tokens[from].tag,
            Some(Upos::Det | Upos::Pron | Upos::Propn | Upos::Num | Upos::Noun)
        );
    if !opens_subject {
        return None;
    }
    (from + 1..content.end).find(|&k| looks_finite_verb(ctx, k))?;
    Some((source, from..content.end))
}

/// "Reuters could not independently confirm the figure": a verb of
/// confirmation, failed (`unverified.txt`), with a claim or an artefact
/// for object says how far an earlier claim is verified (`status` reads
/// it), and is no claim of its own; so does a verb of passing a claim on
/// (`repeat.txt`: "State television repeated the claim"), whose stance
/// `status` adds.
fn answers_named_claim(ctx: &Ctx<'_>, sentence: &Sentence<'_>, att: &Attribution) -> bool {
    let words = ctx.words();
    let content = att.content.clone();
    let names_claim = content.start == att.cue.end
        && content.take(4).any(|k| {
            LEXICONS.claim_nouns.contains_key(words[k]) || LEXICONS.artefact.contains(words[k])
        });
    let failed = LEXICONS.confirming.contains(words[att.cue.start])
        && LEXICONS.unverified.find(words, sentence.tokens.clone()).is_some();
    // ("State television repeated the claim": a party passing it on.)
    let repeats = LEXICONS.repeat.contains(words[att.cue.start]);
    names_claim && (failed || repeats)
}

/// "Rosselló announced his resignation", "the House confirmed the
/// nomination": a cue of `act.txt` with a noun phrase after it, no clause,
/// reports an act, which the article states as a fact. Where that clause
/// starts (its subject), when it is one.
fn reported_act(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    att: &Attribution,
    source: Option<&Source>,
    embedded: &[usize],
) -> Option<usize> {
    let words = ctx.words();
    let content = &att.content;
    let object_first =
        content.start == att.cue.end && !content.is_empty() && words[content.start] != "that";
    if !LEXICONS.act.contains(words[att.cue.start]) || !object_first || !embedded.is_empty() {
        return None;
    }
    if !object_not_clause(ctx, att.cue.start, content.clone()) {
        return None;
    }
    let tokens = &ctx.doc.tokens;
    let cue = att.cue.start;
    let subject = source?.span?;
    let from = (sentence.tokens.start..cue).find(|&k| tokens[k].span.start() >= subject.start())?;
    // The subject stands before the cue, with at most an apposition.
    (cue - from <= 12).then_some(from)
}

/// Whether token `k` lies in a relative clause on a noun of `within`
/// ("a policy [which the UN criticised]", "the people [who died]"): an
/// ancestor inside `within` is a clausal modifier (`acl`) of a noun before
/// it, with a relative pronoun between the two ("whose" may come just
/// before the noun: "a system [whose rules nobody read]").
fn in_relative_clause(ctx: &Ctx<'_>, k: usize, within: Range<usize>) -> bool {
    let tokens = &ctx.doc.tokens;
    let mut node = k;
    for _ in 0..within.len() {
        if tokens[node].rel == Some(Rel::Acl)
            && tokens[node].head.is_some_and(|noun| {
                noun < node
                    && (noun.saturating_sub(1)..node).any(|d| {
                        matches!(ctx.lower[d].as_str(), "which" | "who" | "whom" | "whose")
                    })
            })
        {
            return true;
        }
        match tokens[node].head {
            Some(head) if within.contains(&head) => node = head,
            _ => return false,
        }
    }
    false
}

/// Whether the cue at `cue` takes a noun phrase as its object and no
/// clause ("describe the real world", "announced his resignation") in
/// `content`. The parse tells an object from a clause; without one, a
/// clause is a finite verb in the content.
fn object_not_clause(ctx: &Ctx<'_>, cue: usize, content: Range<usize>) -> bool {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    let parsed = tokens[cue].rel.is_some();
    let of_cue = |rels: &[Rel]| {
        content.clone().any(|k| {
            tokens[k].head == Some(cue) && tokens[k].rel.is_some_and(|r| rels.contains(&r))
        })
    };
    // A clause with a subject of its own coordinated after a comma
    // ("confirmed him, but the Senate had not") is not the cue's object
    // (a second object of the cue is: "announced X, and, to everyone's
    // surprise, that ...").
    let tag = |k: usize| tokens.get(k).and_then(|t| t.tag);
    let own = content.start
        ..(content.clone())
            .find(|&k| {
                words[k] == ","
                    && tag(k + 1) == Some(Upos::Cconj)
                    && matches!(tag(k + 2), Some(Upos::Det | Upos::Noun | Upos::Propn | Upos::Pron))
            })
            .unwrap_or(content.end);
    // A pronoun that can only be an object ("confirmed him") is one,
    // whatever the parse made of it.
    let pronoun_object = content.start == cue + 1
        && matches!(words.get(cue + 1), Some(&("him" | "them" | "us" | "me")));
    let object = pronoun_object
        || if parsed {
            of_cue(&[Rel::Obj]) && !of_cue(&[Rel::Ccomp, Rel::Xcomp, Rel::Parataxis])
        } else {
            !own.clone().any(|k| looks_finite_verb(ctx, k))
        };
    // An auxiliary or an infinitive carries a clause or a plan the parse
    // may have missed ("announced the region would govern itself",
    // "announced plans to pull out").
    let clause_like = own.clone().any(|k| {
        (words[k] == ":"
            || tokens[k].tag == Some(Upos::Aux)
            || words[k] == "to" && tokens.get(k + 1).is_some_and(|t| t.tag == Some(Upos::Verb)))
            && !in_relative_clause(ctx, k, own.clone())
    });
    object && !clause_like
}

/// Whether the cue has a clause for its object in `content`: "that" right
/// after it, a clausal complement of the cue in the parse, or (the parse
/// often misses a clause without "that") a noun phrase and a finite verb
/// before the first comma ("ruled the draft violated ..."; not "ruled on
/// the appeal", "ruled Zimbabwe, serving as ...", "ruled to be void").
fn clause_object(ctx: &Ctx<'_>, cue: usize, content: Range<usize>) -> bool {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    if words.get(cue + 1) == Some(&"that")
        || content.clone().any(|k| tokens[k].head == Some(cue) && tokens[k].rel == Some(Rel::Ccomp))
    {
        return true;
    }
    if content.is_empty()
        || content.start != cue + 1
        || matches!(tokens[content.start].tag, Some(Upos::Adp | Upos::Part))
    {
        return false;
    }
    noun_phrase_then_verb(ctx, content)
}

/// Whether `content` is a noun phrase and a finite verb, before a comma,
/// a conjunction, a relative or subordinate clause ("taxes would rise";
/// not "funds and Syria is taxing", "plans to pull out", "an association
/// ... who were depressed", "protests until Sweden joined").
fn noun_phrase_then_verb(ctx: &Ctx<'_>, content: Range<usize>) -> bool {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    content
        .take_while(|&k| {
            !matches!(
                words[k],
                "," | "and" | "but" | "who" | "which" | "that" | "whose" | "where" | "until" | "if"
            ) && !LEXICONS.subordinators.contains(words[k])
        })
        .skip(1)
        .any(|k| {
            tokens[k].tag == Some(Upos::Aux)
                || tokens[k].tag == Some(Upos::Verb)
                    && !ctx.lower[k].ends_with("ing")
                    && words[k - 1] != "to"
        })
}

/// "X VERB …" from the antecedent and the relative clause of a count.
fn asserted_claim(ctx: &Ctx<'_>, sentence_index: usize, count: CountClause) -> Claim {
    let CountClause { antecedent, clause } = count;
    let head = ctx.span_text(antecedent.start, antecedent.end).trim_end_matches(',').trim();
    let rest = ctx.span_text(clause.start, clause.end);
    Claim::unattributed(
        format!("{head} {rest}"),
        ctx.token_span(antecedent.start, clause.end),
        sentence_index,
        Status::Asserted,
    )
}

/// A sentence with chain phrases but no cue: "The poster has been
/// circulated by Iranian media, citing ...". When its subject restates an
/// earlier claim, the chain is that claim's; otherwise the sentence is a
/// claim of its own.
fn chained_sentence(
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
    let hedge = super::status::find_hedge(ctx, content.clone());
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
fn reports_of(ctx: &Ctx<'_>, sentence: &Sentence<'_>, tokens: Range<usize>) -> Option<Claim> {
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
fn lacking_evidence(ctx: &Ctx<'_>, sentence: &Sentence<'_>, tokens: Range<usize>) -> Option<Claim> {
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
fn in_relative_aside(words: &[&str], tokens: Range<usize>, found: Range<usize>) -> bool {
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
fn unattributed(ctx: &Ctx<'_>, found: &mut Found, sentence: &Sentence<'_>, end: usize) {
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
    let hedge = super::status::find_hedge(ctx, tokens.clone());
    let harm = tokens.clone().any(|k| LEXICONS.harm.contains(words[k]))
        && tokens.clone().any(|k| {
            ctx.doc.tokens[k].kind == TokenKind::Number
                || LEXICONS.count_words.contains(words[k]) && k > tokens.start
        });
    // A count or a cost someone estimates is theirs (hedged or not).
    if let Some(mut claim) = figure_put_at(ctx, sentence, tokens.clone()) {
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
fn claimed_by(ctx: &Ctx<'_>, sentence: &Sentence<'_>, clause: Range<usize>) -> Option<Claim> {
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
fn labelled_with_adjective(
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
fn figure_put_at(ctx: &Ctx<'_>, sentence: &Sentence<'_>, clause: Range<usize>) -> Option<Claim> {
    let (source, verb) = estimate(ctx, clause.clone())?;
    Some(whole_clause_reported(ctx, sentence, clause, verb, source))
}

/// The parts of [`figure_put_at`]'s clause: whose estimate, and the verb.
fn estimate(ctx: &Ctx<'_>, clause: Range<usize>) -> Option<(Source, usize)> {
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
fn whole_clause_reported(
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
fn subordinate_start(words: &[&str], tokens: Range<usize>) -> Option<usize> {
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
fn answers_claim(words: &[&str], tokens: Range<usize>) -> bool {
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
    if let Some((verb, _, _)) = super::status::judgement(words, tokens.clone()) {
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

/// "The accusation against the minister is that she misled parliament":
/// a noun naming a claim (its subject, with at most a short phrase after
/// it) and "is that" or "was that". The "that" of that clause.
fn copular_that(ctx: &Ctx<'_>, noun: usize, end: usize) -> Option<usize> {
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
fn copular_claim(
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
fn nominal_claims(
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
fn hedging_noun(ctx: &Ctx<'_>, start: usize, k: usize, clause: usize) -> bool {
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
fn hedging_noun_clause(ctx: &Ctx<'_>, clause: usize) -> bool {
    let tag = ctx.doc.tokens.get(clause).and_then(|t| t.tag);
    !matches!(tag, Some(Upos::Verb | Upos::Aux)) && !object_relative(ctx, clause)
}

/// Whether a content clause with no "that" follows the noun `noun`
/// ("allegations Trump tried to pressure the government"): a subject
/// right after the noun, then a finite verb the parse attaches to the noun
/// and which has a complement of its own (an object or a clause); a
/// relative clause lacks one ("the claims Trump made in 2019 were false"),
/// and so does an intransitive verb, whose clause is left alone.
fn bare_content_clause(ctx: &Ctx<'_>, noun: usize, end: usize) -> bool {
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
fn object_relative(ctx: &Ctx<'_>, subject: usize) -> bool {
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
const PERSONAL: &[&str] = &["i", "we", "you", "he", "she", "they"];

/// Facts stated in passing in a non-restrictive relative clause: "Kyiv and
/// the U.S., which issued a warning about …, have rejected …" states that
/// the U.S. issued a warning. A confirmation in such a clause ("…, which
/// has been deemed genuine by the BBC") makes a confirmed claim of the
/// antecedent.
fn relative_facts(ctx: &Ctx<'_>, found: &mut Found, sentence: &Sentence<'_>) {
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
fn confirmed(
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
fn follows_quote(ctx: &Ctx<'_>, direct: &[Direct], q: usize) -> bool {
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
fn latest_named(ctx: &Ctx<'_>, recent: &[Source], pronoun: usize, before: usize) -> Option<Source> {
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
fn beside_source(ctx: &Ctx<'_>, quote: &Direct, recent: &mut Vec<Source>) -> Option<Source> {
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
        || super::source::place_at(ctx, subject.start) == Some(subject.clone())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::testing::{sentence_of, text, token_of, tokens_of, with_ctx};

    /// Runs `check` on the sentence of `body` that holds `word`, as `find`
    /// reads it.
    fn with_sentence<R>(
        body: &str,
        word: &str,
        check: impl FnOnce(&Ctx<'_>, &Sentence<'_>) -> R,
    ) -> R {
        with_ctx(body, |ctx| {
            let in_direct = in_direct(ctx, &quotes::find(ctx));
            let tokens = sentence_of(ctx, word);
            let index = ctx.doc.sentences.iter().position(|s| s.tokens == tokens).unwrap();
            let sentence =
                Sentence { index, tokens: trim_punct(ctx, tokens), in_direct: &in_direct };
            check(ctx, &sentence)
        })
    }

    #[test]
    fn trim_punct_drops_the_final_stop_and_closing_mark() {
        with_sentence(
            r#"The minister said: "The road is closed.""#,
            "minister",
            |ctx, sentence| {
                assert_eq!(ctx.text(sentence.tokens.end - 1), "closed");
            },
        );
        with_sentence("Is the road closed?", "road", |ctx, sentence| {
            assert_eq!(ctx.text(sentence.tokens.end - 1), "closed");
        });
    }

    /// The content `content_after` finds after the first `cue` of `body`.
    fn content_of(body: &str, cue: &str) -> String {
        with_sentence(body, cue, |ctx, sentence| {
            let at = token_of(ctx, cue);
            let content = content_after(ctx, at + 1..sentence.tokens.end, &ctx.lower[at]);
            ctx.span_text(content.start, content.end).to_string()
        })
    }

    #[test]
    fn content_after_skips_that_time_and_the_party_told() {
        let road = "the road would reopen";
        assert_eq!(
            content_of("The ministry said on Monday that the road would reopen.", "said"),
            road
        );
        assert_eq!(
            content_of("Officials told local reporters repairs would take a week.", "told"),
            "repairs would take a week"
        );
        assert_eq!(
            content_of("The ministry said in a statement that the road would reopen.", "said"),
            road
        );
    }

    #[test]
    fn content_after_ends_at_a_chain_phrase() {
        assert_eq!(
            content_of(
                "Officials said the road would reopen, according to the state news agency.",
                "said"
            ),
            "the road would reopen"
        );
        assert_eq!(
            content_of(
                "The agency reported the road would reopen, citing an official.",
                "reported"
            ),
            "the road would reopen"
        );
    }

    #[test]
    fn content_after_keeps_a_place_or_date_after_in() {
        // Only "in a statement" is skipped.
        assert_eq!(
            content_of("The ministry said in March the road would reopen.", "said"),
            "in March the road would reopen"
        );
    }

    /// The speaker and content of a cue after its content, as text.
    fn postposed_at(body: &str, cue: &str) -> Option<(String, String)> {
        with_sentence(body, cue, |ctx, sentence| {
            let found = postposed(ctx, sentence, token_of(ctx, cue))?;
            let speaker = ctx.span_text(found.speaker.start, found.speaker.end).to_string();
            Some((speaker, ctx.span_text(found.content.start, found.content.end).to_string()))
        })
    }

    #[test]
    fn postposed_cues_take_the_content_before() {
        let content = "The road will reopen on Monday".to_string();
        assert_eq!(
            postposed_at(
                "The road will reopen on Monday, said a spokesperson for the council.",
                "said"
            ),
            Some(("a spokesperson for the council".to_string(), content.clone()))
        );
        assert_eq!(
            postposed_at("The road will reopen on Monday, officials said.", "said"),
            Some(("officials".to_string(), content))
        );
    }

    #[test]
    fn a_cue_before_its_content_is_not_postposed() {
        assert_eq!(postposed_at("The ministry said the road would reopen.", "said"), None);
    }

    #[test]
    fn the_party_told_is_one_phrase_and_the_content_keeps_its_subject() {
        for (body, content) in [
            ("Officials told reporters Smith had resigned.", "Smith had resigned"),
            ("The minister told Reuters the talks had failed.", "the talks had failed"),
            ("Officials told local reporters the road would reopen.", "the road would reopen"),
            ("Police told him the car had been stolen.", "the car had been stolen"),
            ("The witness told the court she had been threatened.", "she had been threatened"),
            ("The mayor told Polish media the bridge was safe.", "the bridge was safe"),
        ] {
            assert_eq!(content_of(body, "told"), content, "{body}");
        }
        let hearer_of = |body: &str| {
            with_sentence(body, "told", |ctx, sentence| {
                hearer(ctx, sentence, token_of(ctx, "told")).map(|s| s.text)
            })
        };
        assert_eq!(
            hearer_of("The minister told Reuters the talks had failed.").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            hearer_of("The mayor told Polish media the bridge was safe.").as_deref(),
            Some("Polish media")
        );
        // The press, and a pronoun, pass on nothing worth a link.
        assert_eq!(hearer_of("Officials told local reporters the road would reopen."), None);
        assert_eq!(hearer_of("Police told him the car had been stolen."), None);
    }

    #[test]
    fn hearer_is_the_party_told_but_not_the_press() {
        let hearer_of = |body: &str| {
            with_sentence(body, "told", |ctx, sentence| {
                hearer(ctx, sentence, token_of(ctx, "told")).map(|s| s.text)
            })
        };
        assert_eq!(
            hearer_of("Officials told the state news agency on Monday that the road would reopen.")
                .as_deref(),
            Some("the state news agency")
        );
        assert_eq!(hearer_of("Officials told reporters that the road would reopen."), None);
        assert_eq!(hearer_of("Officials told the press that the road would reopen."), None);
    }

    #[test]
    fn chain_phrases_name_the_links() {
        with_sentence(
            "The agency reported the blast, citing a senior security official.",
            "agency",
            |ctx, sentence| {
                let chain = chain_phrases(ctx, sentence);
                let cited: Vec<&str> = chain.cited.iter().map(|s| s.text.as_str()).collect();
                assert_eq!(cited, ["a senior security official"]);
                assert!(chain.according.is_empty() && chain.agents.is_empty());
                // The comma before the phrase is masked with it.
                let comma = token_of(ctx, ",");
                assert_eq!(chain.masked.len(), 1);
                assert_eq!(chain.masked[0], comma..sentence.tokens.end);
                assert!(masked(&chain.masked, token_of(ctx, "citing")));
                assert!(!masked(&chain.masked, token_of(ctx, "reported")));
            },
        );
        with_sentence(
            "The road will reopen on Monday, according to the state news agency.",
            "road",
            |ctx, sentence| {
                let chain = chain_phrases(ctx, sentence);
                let according: Vec<&str> =
                    chain.according.iter().map(|s| s.text.as_str()).collect();
                assert_eq!(according, ["the state news agency"]);
            },
        );
    }

    #[test]
    fn a_transmit_verb_without_by_is_no_chain_phrase() {
        with_sentence("The report was circulated widely on Friday.", "report", |ctx, sentence| {
            let chain = chain_phrases(ctx, sentence);
            assert!(chain.masked.is_empty() && chain.agents.is_empty());
        });
    }

    /// The cue, source and content of each attribution in the sentence of
    /// `body` that holds `word`.
    fn cues_in(body: &str, word: &str) -> Vec<(String, Option<String>, String)> {
        with_sentence(body, word, |ctx, sentence| {
            let chain = chain_phrases(ctx, sentence);
            cues(ctx, sentence, &chain.masked, &[])
                .into_iter()
                .map(|att| {
                    (
                        ctx.span_text(att.cue.start, att.cue.end).to_string(),
                        att.source.map(|s| s.text),
                        ctx.span_text(att.content.start, att.content.end).to_string(),
                    )
                })
                .collect()
        })
    }

    #[test]
    fn a_cue_with_its_source_and_content() {
        assert_eq!(
            cues_in("The ministry said on Monday that the road would reopen.", "ministry"),
            [("said".into(), Some("The ministry".into()), "the road would reopen".into())]
        );
    }

    #[test]
    fn a_participle_after_a_cue_shares_its_speaker() {
        let found = cues_in(
            "Officials said the road would reopen, adding that repairs had begun.",
            "officials",
        );
        let sources: Vec<(&str, Option<&str>)> =
            found.iter().map(|(cue, source, _)| (cue.as_str(), source.as_deref())).collect();
        assert_eq!(sources, [("said", Some("Officials")), ("adding", Some("Officials"))]);
        assert_eq!(found[1].2, "repairs had begun");
    }

    #[test]
    fn nouns_and_passives_are_no_cues() {
        assert!(cues_in("The claims were denied by the government.", "claims").is_empty());
        assert!(cues_in("The fisherman was reported missing on Sunday.", "fisherman").is_empty());
        assert!(cues_in("She read the report twice before the hearing.", "she").is_empty());
    }

    #[test]
    fn split_count_clause_asserts_the_count() {
        with_ctx("Police said the attack which killed at least 12 people was planned.", |ctx| {
            let content = tokens_of(ctx, "the attack which killed at least 12 people");
            let (rest, count) = split_count_clause(ctx, content);
            let count = count.expect("a count clause");
            assert_eq!(text(ctx, Some(rest)).as_deref(), Some("the attack"));
            assert_eq!(text(ctx, Some(count.antecedent)).as_deref(), Some("the attack"));
            assert_eq!(text(ctx, Some(count.clause)).as_deref(), Some("killed at least 12 people"));
        });
    }

    #[test]
    fn a_relative_clause_without_harm_is_no_count() {
        with_ctx("Police said the report which described 12 incidents was leaked.", |ctx| {
            let content = tokens_of(ctx, "the report which described 12 incidents");
            let (rest, count) = split_count_clause(ctx, content.clone());
            assert!(count.is_none());
            assert_eq!(rest, content);
        });
    }

    #[test]
    fn relative_facts_state_what_the_clause_says() {
        with_sentence(
            "Kyiv and Washington, which issued a warning about the attack, have rejected the claims.",
            "kyiv",
            |ctx, sentence| {
                let mut found = Found::default();
                relative_facts(ctx, &mut found, sentence);
                let texts: Vec<&str> = found.claims.iter().map(|c| c.text.as_str()).collect();
                assert_eq!(texts, ["Washington issued a warning about the attack"]);
            },
        );
    }

    /// The first attribution of the sentence of `body` that holds `word`,
    /// and `check` on it.
    fn with_attribution<R>(
        body: &str,
        word: &str,
        check: impl FnOnce(&Ctx<'_>, &Sentence<'_>, &Attribution) -> R,
    ) -> R {
        with_sentence(body, word, |ctx, sentence| {
            let chain = chain_phrases(ctx, sentence);
            let found = cues(ctx, sentence, &chain.masked, &[]);
            check(ctx, sentence, found.first().expect("an attribution"))
        })
    }

    fn claim_text_of(body: &str, word: &str) -> Option<String> {
        with_attribution(body, word, |ctx, _, att| {
            claim_text(ctx, att, att.source.as_ref(), att.content.clone())
        })
    }

    #[test]
    fn claim_text_keeps_a_pronoun_that_cannot_stand_for_the_source() {
        // "they" is her agency, not the person quoted.
        assert_eq!(
            claim_text_of(
                "Lydia Buchtmann of the food agency said they are looking at new guidelines.",
                "said"
            )
            .as_deref(),
            Some("they are looking at new guidelines")
        );
        assert_eq!(
            claim_text_of("John Smith said he would appeal the ruling.", "said").as_deref(),
            Some("John Smith would appeal the ruling")
        );
    }

    #[test]
    fn claim_text_puts_a_named_source_for_its_pronoun() {
        assert_eq!(
            claim_text_of("Acme Corp said it would appeal the ruling.", "said").as_deref(),
            Some("Acme Corp would appeal the ruling")
        );
    }

    #[test]
    fn claim_text_drops_a_leading_adverbial() {
        assert_eq!(
            claim_text_of(
                "The union said that, in protest against the ruling, its members would strike.",
                "said"
            )
            .as_deref(),
            Some("its members would strike")
        );
    }

    #[test]
    fn claim_text_keeps_the_clause_of_a_noun_complement() {
        assert_eq!(
            claim_text_of("The group claimed responsibility for the attack.", "claimed").as_deref(),
            Some("The group claimed responsibility for the attack")
        );
        // A noun that opens a clause is no complement of the cue.
        assert_eq!(
            claim_text_of("Activists claim safety standards are routinely ignored.", "claim")
                .as_deref(),
            Some("safety standards are routinely ignored")
        );
        assert_eq!(
            claim_text_of("She promised protests every week until Sweden joined.", "promised")
                .as_deref(),
            Some("She promised protests every week until Sweden joined")
        );
    }

    #[test]
    fn a_relative_clause_takes_its_antecedent_for_subject() {
        let antecedent = with_attribution(
            "Drones struck two oil facilities on Saturday, causing major fires, which state media said were under control.",
            "said",
            |ctx, sentence, att| {
                relative_antecedent(ctx, sentence, att.source.as_ref(), att.content.start)
            },
        );
        assert_eq!(antecedent.as_deref(), Some("major fires"));
    }

    #[test]
    fn a_main_clause_has_no_antecedent() {
        let antecedent = with_attribution(
            "State media said the fires were under control.",
            "said",
            |ctx, sentence, att| {
                relative_antecedent(ctx, sentence, att.source.as_ref(), att.content.start)
            },
        );
        assert_eq!(antecedent, None);
    }

    /// The claims `find` makes of `body`: text, status and chain.
    fn claims_of(body: &str) -> Vec<(String, Status, Vec<String>)> {
        with_ctx(body, |ctx| {
            let found = find(ctx, &quotes::find(ctx));
            found
                .claims
                .into_iter()
                .map(|c| (c.text, c.status, c.chain.into_iter().map(|s| s.text).collect()))
                .collect()
        })
    }

    #[test]
    fn an_attack_claimed_by_a_group_is_the_group_s_claim() {
        assert_eq!(
            claims_of("The bombing in the market was claimed by the Islamic State on Sunday."),
            vec![(
                "The bombing in the market was claimed by the Islamic State on Sunday".to_string(),
                Status::Reported,
                vec!["Islamic State".to_string()]
            )]
        );
        // Another cue in the passive is not a claim of responsibility.
        let found = claims_of("The plan was suggested by the mayor in 2018.");
        assert!(found.iter().all(|(_, status, _)| *status == Status::Asserted), "{found:?}");
    }

    #[test]
    fn a_ruling_reports_its_clause_only() {
        assert_eq!(
            reported("A court in Paris ruled on Monday that the ban was illegal."),
            Some(("the ban was illegal".to_string(), vec!["A court in Paris".to_string()]))
        );
        assert_eq!(
            reported("Judge Gray Miller ruled the male-only draft violated the constitution."),
            Some((
                "the male-only draft violated the constitution".to_string(),
                vec!["Gray Miller".to_string()]
            ))
        );
        // No clause after the cue: no reported content.
        for body in [
            "The Supreme Court ruled on the appeal last week.",
            "The family ruled the country for forty years.",
            "The law, which the court later ruled to be unconstitutional, was repealed.",
            "He ruled Zimbabwe, serving as its first prime minister.",
        ] {
            assert_eq!(reported(body), None, "{body}");
        }
    }

    #[test]
    fn an_adjective_of_stance_reports_its_clause() {
        assert_eq!(
            reported("Police are confident that the suspect acted alone."),
            Some(("the suspect acted alone".to_string(), vec!["Police".to_string()]))
        );
        // In a leading subordinate clause, up to the comma that closes it.
        assert_eq!(
            reported("Although I am sure the plan will work, I was nervous."),
            Some(("the plan will work".to_string(), vec!["I".to_string()]))
        );
        for body in [
            "We are aware of the risks.",
            "Make sure the door is locked.",
            "Officials were confident in the plan.",
        ] {
            assert_eq!(reported(body), None, "{body}");
        }
    }

    #[test]
    fn a_cue_tagged_as_a_noun_between_a_subject_and_a_clause_is_a_verb() {
        assert_eq!(
            reported("Police fear more bodies will be found in the rubble."),
            Some((
                "more bodies will be found in the rubble".to_string(),
                vec!["Police".to_string()]
            ))
        );
        assert_eq!(reported("The police fear of reprisals was palpable."), None);
        // A lone "Sources" is no name: its pronoun is not replaced by it.
        let claims = claims_of("Sources report she is treated as royalty by the people.");
        assert_eq!(claims[0].0, "she is treated as royalty by the people");
    }

    #[test]
    fn a_noun_naming_a_claim_reports_its_clause() {
        assert_eq!(
            claims_of("Moscow's claims that Ukraine was involved were rejected by Kyiv."),
            [("Ukraine was involved".to_string(), Status::Disputed, vec!["Moscow".to_string()])]
        );
        assert_eq!(
            claims_of("The claim that the plant had been hit was dismissed by the ministry."),
            [("the plant had been hit".to_string(), Status::Disputed, Vec::new())]
        );
        let claims = claims_of("The ministry's statement that the plant was safe drew criticism.");
        assert!(
            claims.contains(&(
                "the plant was safe".to_string(),
                Status::Reported,
                vec!["The ministry".to_string()]
            )),
            "{claims:?}"
        );
        // No owner and no denial: nothing to report.
        let claims = claims_of("The claim that the plant was safe drew criticism.");
        assert!(claims.iter().all(|c| c.1 != Status::Reported), "{claims:?}");
    }

    #[test]
    fn evidence_reports_a_that_clause_only() {
        assert_eq!(
            reported("Previous studies have shown that the glue is non-toxic."),
            Some(("the glue is non-toxic".to_string(), vec!["Previous studies".to_string()]))
        );
        for body in ["The museum shows paintings by Monet.", "Fewer than two hundred showed up."] {
            assert_eq!(reported(body), None, "{body}");
        }
        // A cue without its clause starts no second report.
        assert_eq!(
            reported("We show that all females breed but that fewer and fewer males find mates."),
            Some((
                "all females breed but that fewer and fewer males find mates".to_string(),
                vec!["We".to_string()]
            ))
        );
    }

    #[test]
    fn a_topic_or_a_place_after_a_cue_is_no_content() {
        for body in [
            "The minister spoke about the new budget on Monday.",
            "She replied in an interview with the BBC.",
            "She posted to Twitter after the launch.",
        ] {
            let claims = claims_of(body);
            assert!(claims.iter().all(|c| c.1 != Status::Reported), "{body}: {claims:?}");
        }
        // A clause or a quotation after the phrase is content.
        let claims = claims_of("The mayor said at a press conference the road would reopen.");
        assert!(claims.iter().any(|c| c.1 == Status::Reported), "{claims:?}");
    }

    #[test]
    fn find_reports_a_clause_only() {
        let reported = |body: &str| claims_of(body).into_iter().any(|c| c.1 == Status::Reported);
        assert!(reported("Researchers find that the drug cuts deaths by half."));
        assert!(!reported("They could not find a way out of the building."));
        assert!(!reported("They did not find an association among youths who were depressed."));
    }

    #[test]
    fn conjecture_reports_a_clause_only() {
        let claims = claims_of("Scientists theorized that the crater was formed by a comet.");
        assert!(
            claims.iter().any(|c| c.1 == Status::Reported
                && c.0 == "the crater was formed by a comet"
                && c.2 == ["Scientists"]),
            "{claims:?}"
        );
        let reported = |body: &str| claims_of(body).into_iter().any(|c| c.1 == Status::Reported);
        assert!(reported("Investigators surmised the driver had fallen asleep."));
        assert!(reported("Police theorise that the fire was started deliberately."));
        assert!(!reported("She posited a new theory of gravity."));
        assert!(!reported("He speculated about the cause of the blast for hours."));
    }

    #[test]
    fn a_time_closing_the_subject_is_not_the_source() {
        let claims =
            claims_of("Posts on the message board from Friday wrote that the site was down.");
        assert!(claims.iter().any(|c| c.2 == ["Posts on the message board"]), "{claims:?}");
        // A name that ends in a month is still the name.
        let claims = claims_of("Prime Minister Theresa May said that the deal was dead.");
        assert!(claims.iter().any(|c| c.2 == ["Theresa May"]), "{claims:?}");
        // A fronted time is no subject, and an acronym in brackets after
        // the name leaves the name the source.
        for body in [
            "Late on Sunday, the Syrian Democratic Forces (SDF) announced it had signed a deal.",
            "On Sunday, the Syrian Democratic Forces (SDF) announced it had signed a deal.",
        ] {
            let claims = claims_of(body);
            assert!(claims.iter().any(|c| c.2 == ["Syrian Democratic Forces"]), "{claims:?}");
        }
    }

    #[test]
    fn a_relative_clause_on_the_object_is_not_the_cues_clause() {
        let reported = |body: &str| claims_of(body).into_iter().any(|c| c.1 == Status::Reported);
        assert!(!reported(
            "The government has maintained a policy which the United Nations has criticised."
        ));
        assert!(!reported("She described a system whose rules nobody had read."));
        // The verb after the relative clause is the cue's clause.
        let claims =
            claims_of("The researchers found most of the people who died were affected by smoke.");
        assert!(claims.iter().any(|c| c.1 == Status::Reported && c.2 == ["The researchers"]));
    }

    #[test]
    fn a_chain_phrase_closing_the_content_is_not_part_of_it() {
        let claims = claims_of(
            "This year the city expects about six million visitors according to the event website.",
        );
        assert!(claims.iter().all(|c| !c.0.contains("according")), "{claims:?}");
        assert!(claims.iter().any(|c| c.2.contains(&"the event website".to_string())));
    }

    #[test]
    fn a_relative_clause_on_the_source_is_no_content() {
        let claims = claims_of(
            "According to officials, who spoke on condition of anonymity, the suspect had been under surveillance since 2019.",
        );
        assert_eq!(claims[0].0, "the suspect had been under surveillance since 2019");
        assert_eq!(claims[0].2, ["officials"]);
    }

    #[test]
    fn a_chain_phrase_inside_the_clause_leaves_the_clause_whole() {
        // After a subject with no verb yet: the content runs around it.
        let claims = claims_of("The suspect, according to police, fled the scene on foot.");
        assert_eq!(claims[0].0, "The suspect fled the scene on foot");
        assert_eq!(claims[0].2, ["police"]);
        // After "that": the clause after the phrase.
        let claims = claims_of(
            "The newspaper has learned that, according to an internal memo, the plant will close.",
        );
        assert!(claims
            .iter()
            .any(|c| c.0 == "the plant will close" && c.2 == ["an internal memo"]));
        // After a whole clause: the phrase closes the content.
        let claims =
            claims_of("The road will reopen on Monday, according to the state news agency.");
        assert_eq!(claims[0].0, "The road will reopen on Monday");
    }

    #[test]
    fn a_parenthetical_report_keeps_the_subject_before_it() {
        let claims = claims_of("The attack, officials said, was planned for months.");
        assert_eq!(claims[0].0, "The attack was planned for months");
        assert_eq!(claims[0].2, ["officials"]);
        // An opening phrase is no subject; a content with its own keeps it.
        let claims = claims_of("In 2019, officials said, the plant was closed.");
        assert_eq!(claims[0].0, "the plant was closed");
    }

    #[test]
    fn an_inverted_report_inside_the_clause_names_its_speaker() {
        let claims = claims_of(
            "Institutional recipients, said Mauer, are required to show the photographs.",
        );
        assert_eq!(claims[0].2, ["Mauer"]);
        assert_eq!(claims[0].0, "Institutional recipients are required to show the photographs");
    }

    #[test]
    fn chain_phrases_opening_a_content_are_not_part_of_it() {
        let claims = claims_of(
            "According to Yonhap, quoting the Korean Central News Agency (KCNA), the military \
             has been placed on high alert.",
        );
        assert_eq!(claims[0].0, "the military has been placed on high alert");
        assert_eq!(claims[0].2, ["Korean Central News Agency", "Yonhap"]);
        let claims =
            claims_of("The agency said, citing a senior official, that the talks had failed.");
        assert_eq!(claims[0].0, "the talks had failed");
        assert_eq!(claims[0].2, ["a senior official", "The agency"]);
    }

    #[test]
    fn a_clause_closed_by_a_colon_introduces_its_speakers_quotation() {
        let source_of_quote = |body: &str| {
            with_ctx(body, |ctx| {
                let found = find(ctx, &quotes::find(ctx));
                found
                    .quotes
                    .iter()
                    .find(|q| q.direct)
                    .and_then(|q| q.source.clone())
                    .map(|s| s.text)
            })
        };
        assert_eq!(
            source_of_quote("Governor John Bel Edwards urged caution: \"No one should take this storm lightly.\""),
            Some("John Bel Edwards".to_string())
        );
        // No name for subject: no source.
        assert_eq!(
            source_of_quote(
                "A letter from the lawyers was released: \"The key factor here is intent.\""
            ),
            None
        );
        // A pronoun after a quotation: the source named before it, not one
        // named later in the article.
        let body = "Jane Doe, a UN rapporteur, cautioned that justice is slow. \"True justice \
                    takes time,\" she said, asking the family to be patient. The CIA and other \
                    agencies reported that the prince had approved the operation.";
        assert_eq!(source_of_quote(body), Some("Jane Doe".to_string()));
        // A pronoun for subject: the person named before.
        assert_eq!(
            source_of_quote(
                "Union leader Jane Doe spoke for an hour. She continued: \"We will not back down.\""
            ),
            Some("Jane Doe".to_string())
        );
    }

    #[test]
    fn a_pronoun_with_no_source_before_it_is_the_source() {
        let claims = claims_of(
            "The researchers published a paper. They estimated that food needs would rise by half.",
        );
        assert!(
            claims.contains(&(
                "food needs would rise by half".to_string(),
                Status::Reported,
                vec!["They".to_string()]
            )),
            "{claims:?}"
        );
    }

    /// The first reported claim of `body`: its text and chain.
    fn reported(body: &str) -> Option<(String, Vec<String>)> {
        claims_of(body).into_iter().find(|c| c.1 == Status::Reported).map(|c| (c.0, c.2))
    }

    #[test]
    fn a_reported_act_is_the_articles_fact() {
        assert_eq!(
            claims_of("The prime minister announced his resignation on Tuesday."),
            [(
                "The prime minister announced his resignation on Tuesday".to_string(),
                Status::Asserted,
                Vec::new()
            )]
        );
    }

    #[test]
    fn a_cue_after_a_name_is_a_verb_unless_a_noun_phrase_needs_it() {
        let first = |body: &str| claims_of(body).into_iter().next();
        // Irregular past forms and sentence-initial plurals are verbs.
        let found = first("A report by Amnesty International found that prisoners were tortured.");
        assert_eq!(
            found,
            Some((
                "prisoners were tortured".to_string(),
                Status::Reported,
                vec!["Amnesty International".to_string()]
            ))
        );
        let claimed = first("Activists claim safety standards are routinely ignored.").unwrap();
        assert_eq!(claimed.2, ["Activists"]);
        // Nouns: "the IS claim", "Maryland state law".
        assert!(claims_of("The IS claim was dismissed by officials.").is_empty());
        let law = "Under Maryland state law, the governor has until October to call an election.";
        assert!(claims_of(law).iter().all(|c| c.1 == Status::Asserted), "{:?}", claims_of(law));
        // A clause-only cue with a prepositional phrase after it reports
        // nothing.
        let lake = "Scientists studied a lake found through radar mapping near the pole.";
        assert!(claims_of(lake).iter().all(|c| c.1 == Status::Asserted), "{:?}", claims_of(lake));
    }

    #[test]
    fn the_agent_of_a_passive_cue_speaks_its_clause() {
        assert_eq!(
            claims_of("It was announced by the ministry that schools would reopen."),
            [(
                "schools would reopen".to_string(),
                Status::Reported,
                vec!["the ministry".to_string()]
            )]
        );
        // With no clause the agent is a channel, and the passive verb
        // stays in the claim.
        assert_eq!(
            claims_of("The poster was circulated by Iranian media."),
            [(
                "The poster was circulated".to_string(),
                Status::Reported,
                vec!["Iranian media".to_string()]
            )]
        );
    }

    #[test]
    fn an_announced_clause_is_reported() {
        let claims = claims_of("The prime minister announced that she would resign on Tuesday.");
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].0, "she would resign on Tuesday");
        assert_eq!(claims[0].1, Status::Reported);
    }

    #[test]
    fn a_relative_clause_confirms_its_antecedent() {
        with_sentence(
            "The ministry released a recording of the call, which was verified by the Associated Press.",
            "ministry",
            |ctx, sentence| {
                let mut found = Found::default();
                relative_facts(ctx, &mut found, sentence);
                let [claim] = &found.claims[..] else { panic!("{:?}", found.claims) };
                assert_eq!(claim.text, "The ministry released a recording of the call");
                assert_eq!(claim.status, Status::Confirmed);
                let confirms: Vec<&str> = claim
                    .stances
                    .iter()
                    .filter(|s| s.kind == StanceKind::Confirms)
                    .map(|s| s.actor.as_str())
                    .collect();
                assert_eq!(confirms, ["Associated Press"]);
            },
        );
    }

    #[test]
    fn a_relative_clause_that_only_passes_it_on_confirms_nothing() {
        with_sentence(
            "The ministry released a recording of the call, which was shared by state television.",
            "ministry",
            |ctx, sentence| {
                let mut found = Found::default();
                relative_facts(ctx, &mut found, sentence);
                assert!(found.claims.is_empty(), "{:?}", found.claims);
            },
        );
    }

    #[test]
    fn word_helpers() {
        let words = ["with", "reports", "noting"];
        assert_eq!(after_with(&words, 0..2), 1..2);
        assert_eq!(after_with(&words[1..], 0..1), 0..1);

        let words = ["the", "road", "reopened", ",", "days", "after", "the", "group", "claimed"];
        assert_eq!(subordinate_start(&words, 0..9), Some(3));
        assert_eq!(subordinate_start(&words, 0..3), None);
        assert_eq!(subordinate_main_end(&words, 0, 6), Some(3));
        assert_eq!(subordinate_main_end(&words, 0, 7), None);

        assert!(answers_claim(&["kyiv", "rejected", "moscow", "'s", "claims"], 0..5));
        assert!(!answers_claim(&["kyiv", "rejected", "the", "plan"], 0..4));
        assert!(answers_claim(&["kyiv", "denied", "it"], 0..3));
        assert!(answers_claim(&["kyiv", "denied", "any", "involvement"], 0..4));
        assert!(!answers_claim(&["kyiv", "denied", "it", "was", "involved"], 0..5));
    }
}
