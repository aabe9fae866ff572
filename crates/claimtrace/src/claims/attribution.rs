//! Reported speech and claims, sentence by sentence: the cue, its source,
//! the content, and the chain of sources around it.

use std::ops::Range;

use super::checkworthy;
use super::lexicon::LEXICONS;
use super::quotes::{self, Direct};
use super::source::{
    is_pronoun, is_time_word, looks_finite_verb, phrase_after, phrase_before, sentence_subject,
    subject_before, to_source,
};
use super::{Ctx, Found};
use crate::doc::{Claim, Quote, Source, SourceKind, Span, Stance, StanceKind, Status, TokenKind};

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
        span(ctx, self.cue.start, self.cue.end)
    }
}

/// Finds quotes and claims in every sentence of the document.
pub fn find(ctx: &Ctx<'_>, direct: &[Direct]) -> Found {
    let doc = ctx.doc;
    let words = ctx.words();
    let mut in_direct: Vec<Option<usize>> = vec![None; doc.tokens.len()];
    for (q, d) in direct.iter().enumerate() {
        let end = d.close.map_or(d.content.1, |c| c + 1);
        for slot in &mut in_direct[d.open..end] {
            *slot = Some(q);
        }
    }
    let mut found = Found::default();
    let mut direct_sources: Vec<Option<(Source, Span)>> = vec![None; direct.len()];
    let mut recent: Vec<Source> = Vec::new();

    for (s_idx, sentence) in doc.sentences.iter().enumerate() {
        let (a, b) = (sentence.tokens.start, sentence.tokens.end);
        let e = trim_punct(ctx, a, b);
        if a >= e {
            continue;
        }
        let chain = chain_phrases(ctx, a, e, &in_direct);
        let atts = cues(ctx, a, e, &in_direct, &chain.masked, &recent);

        for att in &atts {
            let source = att.source.clone().or(None);
            if let Some(src) = &source {
                recent.push(src.clone());
            }
            let (cs, ce) = (att.content.start, att.content.end);
            // A cue right before a quotation introduces that quotation.
            let only_direct = cs < ce && in_direct[cs].is_some();
            let embedded: Vec<usize> = (cs..ce).filter_map(|k| in_direct[k]).collect();
            for &q in &embedded {
                if direct_sources[q].is_none() {
                    if let Some(src) = &source {
                        direct_sources[q] = Some((src.clone(), att.cue_span(ctx)));
                    }
                }
            }
            if only_direct || ce <= cs {
                continue;
            }
            if let Some(from) = reported_act(ctx, att, source.as_ref(), a, &embedded) {
                let text = ctx.span_text(from, ce).to_string();
                push_claim(
                    &mut found,
                    Claim::unattributed(text, span(ctx, from, ce), s_idx, Status::Asserted),
                );
                continue;
            }
            let content_text = ctx.span_text(cs, ce).to_string();
            if LEXICONS.no_comment.find(words, cs, ce).is_some() {
                // "X said it was inappropriate to comment": a stance, which
                // the status pass links to its claim.
                if let Some(src) = &source {
                    found.pending.push((
                        s_idx,
                        Stance {
                            actor: src.text.clone(),
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
            let noun_complement = ctx.doc.tokens[cs].tag == Some("NOUN") && att.cue.end == cs;
            if embedded.is_empty() && (att.speech || !noun_complement && att.cue.end < cs) {
                push_quote(&mut found, ctx, att, source.clone());
            }
            // A count in a relative clause is the article's own fact.
            let (ce, split) = split_count_clause(ctx, cs, ce);
            let mut claim_chain: Vec<Source> = chain.cited.clone();
            claim_chain.extend(source.clone());
            claim_chain.extend(att.hearer.clone());
            claim_chain.extend(chain.agents.clone());
            claim_chain.extend(chain.according.clone());
            let claim_chain = without_outlet(ctx, claim_chain);
            let status = if claim_chain.is_empty() { Status::Asserted } else { Status::Reported };
            let mut stances = Vec::new();
            let cue_span = att.cue_span(ctx);
            if let Some(origin) = claim_chain.first() {
                stances.push(Stance {
                    actor: origin.text.clone(),
                    kind: StanceKind::Asserts,
                    cue: Some(cue_span),
                });
            }
            let cue_word = words[att.cue.start].to_string();
            if cue_word.starts_with("confirm") {
                if let Some(src) = &source {
                    stances.push(Stance {
                        actor: src.text.clone(),
                        kind: StanceKind::Confirms,
                        cue: Some(cue_span),
                    });
                }
            }
            let text = claim_text(ctx, att, source.as_ref(), cs, ce).unwrap_or(content_text);
            // "fires, which state media said were under control": the
            // content's subject is the relative clause's antecedent.
            let text = match relative_antecedent(ctx, a, source.as_ref(), cs) {
                Some(antecedent) => format!("{antecedent} {text}"),
                None => text,
            };
            push_claim(
                &mut found,
                Claim {
                    text,
                    span: span(ctx, cs, ce.max(cs + 1)),
                    sentence: s_idx,
                    chain: claim_chain,
                    status,
                    stances,
                    cue: Some(cue_span),
                    status_cue: (status == Status::Reported).then_some(cue_span),
                },
            );
            if let Some(asserted) = split {
                push_claim(&mut found, asserted_claim(ctx, s_idx, asserted));
            }
            if let Some(main_end) = att.main_end {
                unattributed(ctx, &mut found, s_idx, a, main_end, &in_direct);
            }
        }

        if atts.is_empty() {
            let has_chain =
                !chain.agents.is_empty() || !chain.according.is_empty() || !chain.cited.is_empty();
            if has_chain {
                chained_sentence(ctx, &mut found, s_idx, a, e, &chain);
            } else {
                unattributed(ctx, &mut found, s_idx, a, e, &in_direct);
            }
        }
        relative_facts(ctx, &mut found, s_idx, a, e, &in_direct);
    }

    // Direct quotations: the source of a cue beside them, else of the
    // quotation they continue.
    for (q, d) in direct.iter().enumerate() {
        let source = if let Some((src, _)) = &direct_sources[q] {
            Some(src.clone())
        } else if let Some(src) = beside_source(ctx, d, &mut recent) {
            Some(src)
        } else if d.continues || follows_quote(ctx, direct, q) {
            // A paragraph that continues a quotation, or a quotation in the
            // sentence right after another of the same paragraph, is the
            // same speaker's.
            found.quotes.iter().rev().find(|qq| qq.direct).and_then(|qq| qq.source.clone())
        } else {
            None
        };
        let (cs, ce) = d.content;
        if ce <= cs {
            continue;
        }
        // Scare quotes: a word or two with no speaker; a title in quotation
        // marks ("The Internet Explorer 6 Countdown"): every longer word
        // capitalised, no speaker.
        if source.is_none() && (ce - cs < 4 || is_title_case(ctx, cs, ce)) {
            continue;
        }
        found.quotes.push(Quote { span: span(ctx, cs, ce), cue: None, source, direct: true });
    }
    found.quotes.sort_by_key(|q| q.span.start);
    found
}

/// Whether every word of more than three letters in `from..to` starts
/// with a capital, and no sentence ends inside: a title or a name.
fn is_title_case(ctx: &Ctx<'_>, from: usize, to: usize) -> bool {
    let mut long = 0;
    for k in from..to {
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

fn span(ctx: &Ctx<'_>, from: usize, to: usize) -> Span {
    let to = to.max(from + 1).min(ctx.doc.tokens.len());
    Span::new(ctx.doc.tokens[from].span.start, ctx.doc.tokens[to - 1].span.end)
}

/// The sentence without its final punctuation and closing marks.
fn trim_punct(ctx: &Ctx<'_>, a: usize, mut b: usize) -> usize {
    while b > a
        && (matches!(ctx.text(b - 1), "." | "!" | "?" | "…")
            || ctx.doc.tokens[b - 1].kind == TokenKind::Quote
                && b - 1 > a
                && matches!(ctx.text(b - 2), "." | "!" | "?" | ","))
    {
        b -= 1;
    }
    b
}

fn push_quote(found: &mut Found, ctx: &Ctx<'_>, att: &Attribution, source: Option<Source>) {
    let (cs, ce) = (att.content.start, att.content.end);
    found.quotes.push(Quote {
        span: span(ctx, cs, ce),
        cue: Some(att.cue_span(ctx)),
        source,
        direct: false,
    });
}

/// Keeps a claim of three words or more.
fn push_claim(found: &mut Found, claim: Claim) {
    if claim.text.split_whitespace().count() >= 3 {
        found.claims.push(claim);
    }
}

fn without_outlet(ctx: &Ctx<'_>, chain: Vec<Source>) -> Vec<Source> {
    let outlet = ctx.doc.meta.outlet.as_deref().map(str::to_lowercase);
    let mut out: Vec<Source> = Vec::new();
    for s in chain {
        if outlet.as_deref() == Some(s.text.to_lowercase().as_str()) {
            continue;
        }
        if out.iter().any(|o| o.text == s.text) {
            continue;
        }
        out.push(s);
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
    masked: Vec<(usize, usize)>,
}

fn chain_phrases(ctx: &Ctx<'_>, a: usize, e: usize, in_direct: &[Option<usize>]) -> ChainPhrases {
    let words = ctx.words();
    let mut out = ChainPhrases::default();
    let mut k = a;
    while k < e {
        if in_direct[k].is_some() {
            k += 1;
            continue;
        }
        let w = words[k];
        let next = words.get(k + 1).copied().unwrap_or("");
        let phrase = if w == "according" && next == "to" {
            Some((k, k + 2, 0))
        } else if matches!(w, "citing" | "quoting") {
            Some((k, k + 1, 1))
        } else if LEXICONS.transmit.contains(w) && next == "by" {
            Some((k, k + 2, 2))
        } else {
            None
        };
        if let Some((start, np_from, which)) = phrase {
            if let Some((f, mut t)) = phrase_after(ctx, np_from, e) {
                // "according to Ambassador to the United States Jane Doe,":
                // a title with a preposition inside runs to the comma.
                if which == 0 && t < e && words[t] != "," {
                    if let Some(comma) = (t..e).find(|&i| words[i] == ",") {
                        let title = (t..comma).all(|i| {
                            ctx.is_capitalized(i)
                                || matches!(words[i], "to" | "of" | "for" | "at" | "the" | "and")
                        });
                        if title && comma - t <= 10 {
                            t = comma;
                        }
                    }
                }
                // "according to screenshots shared by X users": the sharer.
                let mut f = f;
                if which == 0
                    && t + 1 < e
                    && LEXICONS.transmit.contains(words[t])
                    && words[t + 1] == "by"
                {
                    if let Some((f2, t2)) = phrase_after(ctx, t + 2, e) {
                        f = f2;
                        t = t2;
                    }
                }
                // "according to him": the person named last.
                let pronoun = (t == f + 1 && matches!(words[f], "him" | "her"))
                    .then(|| last_person(ctx, f))
                    .flatten();
                if let Some(src) = pronoun.or_else(|| to_source(ctx, f, t)) {
                    match which {
                        0 => out.according.push(src),
                        1 => out.cited.push(src),
                        _ => out.agents.push(src),
                    }
                }
                let mask_from =
                    if start > a && words[start - 1] == "," { start - 1 } else { start };
                out.masked.push((mask_from, t));
                k = t;
                continue;
            }
        }
        k += 1;
    }
    out
}

fn masked(ranges: &[(usize, usize)], k: usize) -> bool {
    ranges.iter().any(|&(f, t)| f <= k && k < t)
}

const PREPOSITIONS: &[&str] =
    &["with", "of", "in", "on", "by", "from", "to", "about", "for", "amid", "despite"];

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
fn is_base_form_noun(ctx: &Ctx<'_>, k: usize, a: usize) -> bool {
    let words = ctx.words();
    let w = words[k];
    let base = !(w.ends_with('s')
        || w.ends_with("ed")
        || w.ends_with("ing")
        || matches!(w, "said" | "told" | "wrote" | "read"));
    base && k > a
        && !BASE_FORM_SUBJECTS.contains(&words[k - 1])
        && (ctx.is_capitalized(k - 1) || POSSESSIVE_OR_DET.contains(&words[k - 1]))
}

/// Cue words in a sentence and what they attribute.
fn cues(
    ctx: &Ctx<'_>,
    a: usize,
    e: usize,
    in_direct: &[Option<usize>],
    masked_ranges: &[(usize, usize)],
    recent: &[Source],
) -> Vec<Attribution> {
    let words = ctx.words();
    let mut out: Vec<Attribution> = Vec::new();
    // A cue after its content ("…, said the poster.") takes the whole
    // sentence before it, other cues included.
    let last_speech = (a..e).rev().find(|&k| {
        in_direct[k].is_none()
            && LEXICONS.speech.contains(words[k])
            && !matches!(ctx.doc.tokens[k].tag, Some("NOUN") | Some("PROPN"))
    });
    let order: Vec<usize> = match last_speech {
        Some(k) if postposed(ctx, a, k, e).is_some() => {
            std::iter::once(k).chain((a..e).filter(|&i| i != k)).collect()
        }
        _ => (a..e).collect(),
    };
    for k in order {
        if in_direct[k].is_some() || masked(masked_ranges, k) {
            continue;
        }
        if out.iter().any(|att| att.content.start <= k && k < att.content.end) {
            continue;
        }
        let w = words[k];
        let participle = LEXICONS.participle.contains(w);
        let speech = LEXICONS.speech.contains(w);
        let claim = LEXICONS.claim.contains(w);
        if !(participle || speech || claim) {
            continue;
        }
        // Noun uses: "the claims", "Moscow's report", "with reports".
        if k > a
            && (POSSESSIVE_OR_DET.contains(&words[k - 1]) || PREPOSITIONS.contains(&words[k - 1]))
        {
            continue;
        }
        if is_base_form_noun(ctx, k, a)
            || matches!(ctx.doc.tokens[k].tag, Some("NOUN") | Some("PROPN"))
        {
            continue;
        }
        // A cue word modifying the noun before another cue ("which state
        // media said", "state television reported") is no cue itself.
        if ctx.doc.tokens.get(k + 1).is_some_and(|t| matches!(t.tag, Some("NOUN" | "PROPN")))
            && words.get(k + 2).is_some_and(|n| {
                LEXICONS.speech.contains(n) || LEXICONS.reported_speech.contains(n)
            })
        {
            continue;
        }
        // Passive: "reported by X" names a channel, handled as a chain.
        if words.get(k + 1) == Some(&"by") {
            continue;
        }
        // A passive with no agent and no clause ("39 are confirmed dead",
        // "he was reported missing") qualifies its subject; the subject
        // is not a source.
        let aux_before = match k.checked_sub(1).map(|i| words[i]) {
            Some("not" | "n't") if k >= a + 2 => Some(words[k - 2]),
            other => other,
        };
        if k > a
            && aux_before.is_some_and(|w| {
                matches!(w, "is" | "are" | "was" | "were" | "been" | "being" | "be")
            })
            && words.get(k + 1).is_none_or(|n| *n != "that" && *n != ":")
        {
            continue;
        }
        // "read" and "reads" are cues only before the text they read.
        if matches!(w, "read" | "reads")
            && !matches!(words.get(k + 1), Some(&":") | Some(&","))
            && words.get(k + 1).is_none_or(|n| !n.starts_with(['"', '“']))
        {
            continue;
        }
        if ctx.is_capitalized(k) && k > a {
            continue;
        }
        let after_comma = k > a && words[k - 1] == ",";
        // "..., officials said, adding that ...": the participle's source is
        // the speaker of the cue it follows.
        let before = (participle && after_comma)
            .then(|| {
                out.iter().rev().find(|att| att.cue.end < k && att.content.end <= att.cue.start)
            })
            .flatten()
            .filter(|att| att.source.is_some());
        let speaker_before = before.and_then(|att| att.source.clone());
        let hearer_before = before.and_then(|att| att.hearer.clone());
        // A participle after a comma ("..., saying there was no
        // evidence") hangs from the verb before it, whose subject speaks,
        // even when the word is also a speech cue.
        let (source_range, content, main_end) = if participle && (!speech || after_comma) {
            let src = if after_comma {
                sentence_subject(ctx, a, k).or_else(|| {
                    let head = ctx.doc.tokens[k].head.filter(|&h| a <= h && h < k)?;
                    subject_before(ctx, a, head)
                })
            } else {
                phrase_before(ctx, a, k).map(|(f, t)| (f.max(after_with(words, f, t)), t))
            };
            (src, content_after(ctx, k + 1, e, w), None)
        } else if let Some(inverted) = postposed(ctx, a, k, e) {
            inverted
        } else {
            // "The agency did not say ..., but said ...": a cue in a second
            // conjunct shares the sentence's subject.
            let conjunct = k > a && matches!(words[k - 1], "but" | "and");
            let src = subject_before(ctx, a, k)
                .or_else(|| conjunct.then(|| sentence_subject(ctx, a, k)).flatten());
            let main_end = src.and_then(|(f, _)| subordinate_main_end(words, a, f));
            (src, content_after(ctx, k + 1, e, w), main_end)
        };
        // "describe the real world", "wrote two novels": a cue that takes
        // a clause, with a noun phrase for its object and no verb after
        // it (the parse may miss a clause), reports no content.
        if content.0 > k
            && LEXICONS.clause_only.contains(w)
            && object_not_clause(ctx, k, content.0..content.1)
            && !(content.0..content.1).any(|i| looks_finite_verb(ctx, i))
        {
            continue;
        }
        let source =
            source_range.and_then(
                |(f, t)| {
                    if is_pronoun(ctx, f, t) {
                        None
                    } else {
                        to_source(ctx, f, t)
                    }
                },
            );
        let source = source.map(|s| resolve_surname(ctx, k, resolve_description(ctx, k, s)));
        let source = speaker_before.or(source).or_else(|| {
            let (f, _) = source_range.filter(|&(f, t)| is_pronoun(ctx, f, t))?;
            first_person(ctx, f).or_else(|| resolve_pronoun(ctx, &out, recent, f))
        });
        out.push(Attribution {
            hearer: hearer(ctx, k, e).or(hearer_before),
            cue: k..k + 1,
            source,
            content: content.0..content.1,
            speech: speech
                || participle
                    && matches!(w, "saying" | "adding" | "posting" | "writing" | "stating"),
            main_end,
        });
    }
    out
}

/// The party told, after "told": up to "that" or the content.
fn hearer(ctx: &Ctx<'_>, k: usize, e: usize) -> Option<Source> {
    let words = ctx.words();
    if !matches!(words[k], "told" | "tells" | "tell") {
        return None;
    }
    let (f, t) = phrase_after(ctx, k + 1, e)?;
    let t = (f..t).find(|&i| is_time_word(words[i]) || words[i] == "on").unwrap_or(t);
    if t <= f || t - f > 5 || is_pronoun(ctx, f, t) {
        return None;
    }
    // Reporters and the press are how every statement reaches the news.
    if (f..t).all(|i| {
        matches!(words[i], "reporters" | "journalists" | "press" | "the" | "correspondents")
    }) {
        return None;
    }
    to_source(ctx, f, t)
}

/// "with reports noting": the phrase after "with" is the source.
fn after_with(words: &[&str], f: usize, t: usize) -> usize {
    (f..t).rev().find(|&k| words[k] == "with").map_or(f, |k| k + 1)
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
    let fits = |s: &Source| {
        if matches!(s.text.to_lowercase().as_str(), "i" | "we" | "you" | "me" | "us") {
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
        Some(m) => Source {
            text: doc.entities[m.entity].name.clone(),
            span: source.span,
            kind: SourceKind::Named,
        },
        None => source,
    }
}

/// The antecedent of a relative clause whose subject is the source and
/// whose content lacks a subject ("major fires at the plant, which state
/// media said were under control").
fn relative_antecedent(
    ctx: &Ctx<'_>,
    a: usize,
    source: Option<&Source>,
    cs: usize,
) -> Option<String> {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    let start = source?.span?.start;
    let f = (a..cs).find(|&k| tokens[k].span.start >= start)?;
    if f < a + 2 || !matches!(words[f - 1], "which" | "that" | "who") {
        return None;
    }
    if !matches!(tokens[cs].tag, Some("AUX" | "VERB")) {
        return None;
    }
    let mut j = f - 1;
    if j > a && words[j - 1] == "," {
        j -= 1;
    }
    let (pf, pt) = phrase_before(ctx, a, j)?;
    // The noun phrase after the main clause's verb, if the phrase runs
    // over one.
    let pf = (pf..pt).rev().find(|&k| looks_finite_verb(ctx, k)).map_or(pf, |v| v + 1);
    (pf < pt).then(|| ctx.span_text(pf, pt).to_string())
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
    let m = mentions_before(ctx, at).find(|m| m.kind == crate::doc::EntityKind::Person)?;
    let name = super::source::without_titles(&ctx.doc.entities[m.entity].name);
    Some(Source { text: name.to_string(), span: Some(m.span), kind: SourceKind::Named })
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

fn is_person(ctx: &Ctx<'_>, source: &Source) -> bool {
    let Some(span) = source.span else { return false };
    let first = ctx.doc.mentions.partition_point(|m| m.span.end < span.start);
    ctx.doc.mentions[first..].iter().take(8).any(|m| {
        m.kind == crate::doc::EntityKind::Person
            && m.span.start <= span.start
            && span.end <= m.span.end
    })
}

/// "..., said the poster." or "..., X said." with the content before.
#[allow(clippy::type_complexity)]
fn postposed(
    ctx: &Ctx<'_>,
    a: usize,
    k: usize,
    e: usize,
) -> Option<(Option<(usize, usize)>, (usize, usize), Option<usize>)> {
    let words = ctx.words();
    // What follows a comma and a participle cue (", adding that ...") is
    // a claim of its own, not part of this cue's phrase.
    let e = (k + 1..e)
        .find(|&i| {
            words[i] == "," && words.get(i + 1).is_some_and(|n| LEXICONS.participle.contains(n))
        })
        .unwrap_or(e);
    // A semicolon ends the clause of the cue.
    let e = (k + 1..e).find(|&i| words[i] == ";").unwrap_or(e);
    let after: Vec<usize> =
        (k + 1..e).filter(|&i| !is_time_word(words[i]) && words[i] != "on").collect();
    // "..., said the poster." The speaker may carry an apposition or an
    // aside ("said Jane Doe, the defence minister", "said Jane Doe (no
    // relation)"), which is not part of the source's name.
    if k > a && (words[k - 1] == "," || ctx.doc.tokens[k - 1].kind == TokenKind::Quote) {
        let aside = after.iter().copied().find(|&i| {
            words[i] == "("
                || words[i] == ","
                    && words.get(i + 1).is_some_and(|n| {
                        matches!(*n, "the" | "a" | "an" | "his" | "her" | "its" | "their")
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
        let np_end = name.last().map_or(k + 1, |&i| i + 1);
        let plain = |i: usize| !looks_finite_verb(ctx, i) && !matches!(words[i], "that" | "how");
        let short = !name.is_empty()
            && name.len() <= 8
            && name.iter().all(|&i| plain(i) && words[i] != ",")
            && after.len() <= 16
            && (place.is_some() && aside == place || after.iter().all(|&i| plain(i)));
        if short {
            let content_end = if words[k - 1] == "," { k - 1 } else { k };
            return Some((Some((k + 1, np_end)), (a, strip_quote_end(ctx, a, content_end)), None));
        }
    }
    // "..., X said." : nothing but time words after the cue, or the party
    // told ("..., officials told state media.").
    let told_whom = matches!(words[k], "told" | "tells" | "tell")
        && after.len() <= 4
        && after.iter().all(|&i| !looks_finite_verb(ctx, i) && !matches!(words[i], "that" | ","));
    if after.is_empty() || told_whom {
        let j = (a..k).rev().find(|&i| !LEXICONS.skip.contains(words[i]))? + 1;
        let (f, t) = phrase_before(ctx, a, j)?;
        // '..., officials said.' or '...," he said.'
        if f > a && (words[f - 1] == "," || ctx.doc.tokens[f - 1].kind == TokenKind::Quote) {
            return Some((Some((f, t)), (a, strip_quote_end(ctx, a, f - 1)), None));
        }
    }
    None
}

fn strip_quote_end(ctx: &Ctx<'_>, a: usize, mut end: usize) -> usize {
    while end > a && (ctx.doc.tokens[end - 1].kind == TokenKind::Quote || ctx.text(end - 1) == ",")
    {
        end -= 1;
    }
    end
}

/// Where the main clause ends when a cue's subject follows a subordinator
/// ("..., days after the group claimed").
fn subordinate_main_end(words: &[&str], a: usize, subject_from: usize) -> Option<usize> {
    let before = subject_from.checked_sub(1)?;
    if before < a || !LEXICONS.subordinators.contains(words[before]) {
        return None;
    }
    (a..before).rev().find(|&i| words[i] == ",")
}

/// The content after a cue: "that", time words and the party told are
/// skipped; it ends at the sentence end, a chain phrase or a new
/// participle cue.
fn content_after(ctx: &Ctx<'_>, from: usize, e: usize, cue: &str) -> (usize, usize) {
    let words = ctx.words();
    let mut c = from;
    if matches!(cue, "told" | "tell" | "tells") {
        if let Some(t) = (c..e.min(c + 8)).find(|&i| words[i] == "that") {
            c = t + 1;
        } else {
            while c < e
                && (ctx.is_capitalized(c)
                    || matches!(
                        words[c],
                        "the"
                            | "a"
                            | "an"
                            | "reporters"
                            | "journalists"
                            | "media"
                            | "press"
                            | "state"
                            | "local"
                            | "news"
                    ))
            {
                c += 1;
            }
        }
    }
    loop {
        if c >= e {
            break;
        }
        let w = words[c];
        if matches!(w, "that" | "," | ":" | "how" | "on" | "in" | "a" | "statement")
            && !(w == "in" && words.get(c + 1) != Some(&"a"))
            && !(w == "a" && words.get(c + 1) != Some(&"statement"))
            && !(w == "statement" && c > from && words[c - 1] != "a")
            || is_time_word(w)
        {
            c += 1;
            continue;
        }
        if let Some(n) = LEXICONS.dispute.match_at(words, c) {
            c += n;
            continue;
        }
        break;
    }
    let mut end = e;
    for i in c..e {
        if words[i] == ";" {
            end = i;
            break;
        }
        let at_comma = words[i] == ",";
        let next = words.get(i + 1).copied().unwrap_or("");
        // ", a claim that could not be verified" evaluates the content.
        let evaluation = at_comma
            && matches!(next, "a" | "an" | "the")
            && words.get(i + 2).is_some_and(|n| LEXICONS.claim_nouns.contains_key(*n));
        if evaluation
            || at_comma
                && (next == "according"
                    || LEXICONS.participle.contains(next)
                    || next == "citing"
                    || next == "quoting")
        {
            end = i;
            break;
        }
    }
    (c, end.max(c))
}

/// Splits "… the attack which killed at least 137 people" into the
/// content before "which" and the asserted fact after it.
fn split_count_clause(
    ctx: &Ctx<'_>,
    cs: usize,
    ce: usize,
) -> (usize, Option<(usize, usize, usize)>) {
    let words = ctx.words();
    for r in cs..ce {
        if !matches!(words[r], "which" | "that" | "who") {
            continue;
        }
        let clause_has_harm = (r + 1..ce.min(r + 4)).any(|i| LEXICONS.harm.contains(words[i]));
        let has_number = (r + 1..ce.min(r + 7)).any(|i| {
            ctx.doc.tokens[i].kind == TokenKind::Number || LEXICONS.count_words.contains(words[i])
        });
        if clause_has_harm && has_number {
            let stops = [
                "behind", "for", "after", "before", "was", "is", "were", "are", "caused",
                "against", "during", "by", "to", "that", "with", "about",
            ];
            let antecedent =
                (cs..r).rev().find(|&i| stops.contains(&words[i])).map_or(cs, |i| i + 1);
            let end = if r > cs && words[r - 1] == "," { r - 1 } else { r };
            return (end, Some((antecedent, r, ce)));
        }
    }
    (ce, None)
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
    cs: usize,
    ce: usize,
) -> Option<String> {
    let words = ctx.words();
    if ce <= cs {
        return None;
    }
    let noun_complement = ctx.doc.tokens[cs].tag.is_some_and(|t| t == "NOUN") && att.cue.end == cs;
    if noun_complement {
        if let Some(src) = source {
            return Some(format!("{} {}", src.text, ctx.span_text(att.cue.start, ce)));
        }
    }
    let mut from = cs;
    if PREPOSITIONS.contains(&words[cs]) || words[cs] == "in" {
        if let Some(comma) = (cs..ce.min(cs + 25)).find(|&k| words[k] == ",") {
            if comma + 3 < ce {
                from = comma + 1;
            }
        }
    }
    let text = ctx.span_text(from, ce);
    let pronoun = matches!(words[from], "it" | "they" | "he" | "she");
    match source {
        Some(src) if pronoun && src.kind == SourceKind::Named && from + 1 < ce => {
            Some(format!("{} {}", src.text, ctx.span_text(from + 1, ce)))
        }
        _ => Some(text.to_string()),
    }
}

/// "Rosselló announced his resignation", "the House confirmed the
/// nomination": a cue of `act.txt` with a noun phrase after it, no clause,
/// reports an act, which the article states as a fact. Where that clause
/// starts (its subject), when it is one.
fn reported_act(
    ctx: &Ctx<'_>,
    att: &Attribution,
    source: Option<&Source>,
    a: usize,
    embedded: &[usize],
) -> Option<usize> {
    let words = ctx.words();
    let (cs, ce) = (att.content.start, att.content.end);
    let object_first = cs == att.cue.end && ce > cs && words[cs] != "that";
    if !LEXICONS.act.contains(words[att.cue.start]) || !object_first || !embedded.is_empty() {
        return None;
    }
    if !object_not_clause(ctx, att.cue.start, att.content.clone()) {
        return None;
    }
    let tokens = &ctx.doc.tokens;
    let cue = att.cue.start;
    let subject = source?.span?;
    let from = (a..cue).find(|&k| tokens[k].span.start >= subject.start)?;
    // The subject stands before the cue, with at most an apposition.
    (cue - from <= 12).then_some(from)
}

/// Whether the cue at `cue` takes a noun phrase as its object and no
/// clause ("describe the real world", "announced his resignation") in
/// `content`. The parse tells an object from a clause; without one, a
/// clause is a finite verb in the content.
fn object_not_clause(ctx: &Ctx<'_>, cue: usize, content: Range<usize>) -> bool {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    let parsed = tokens[cue].rel.is_some();
    let of_cue = |rels: &[&str]| {
        content.clone().any(|k| {
            tokens[k].head == Some(cue) && tokens[k].rel.is_some_and(|r| rels.contains(&r))
        })
    };
    let object = if parsed {
        of_cue(&["obj"]) && !of_cue(&["ccomp", "xcomp", "parataxis"])
    } else {
        !content.clone().any(|k| looks_finite_verb(ctx, k))
    };
    // An auxiliary or an infinitive carries a clause or a plan the parse
    // may have missed ("announced the region would govern itself",
    // "announced plans to pull out").
    let clause_like = content.clone().any(|k| {
        words[k] == ":"
            || tokens[k].tag == Some("AUX")
            || words[k] == "to" && tokens.get(k + 1).is_some_and(|t| t.tag == Some("VERB"))
    });
    object && !clause_like
}

/// "X VERB …" from an antecedent and a relative clause.
fn asserted_claim(
    ctx: &Ctx<'_>,
    s_idx: usize,
    (antecedent, rel, end): (usize, usize, usize),
) -> Claim {
    let head = ctx.span_text(antecedent, rel).trim_end_matches(',').trim();
    let rest = ctx.span_text(rel + 1, end);
    Claim::unattributed(
        format!("{head} {rest}"),
        span(ctx, antecedent, end),
        s_idx,
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
    s_idx: usize,
    a: usize,
    e: usize,
    chain: &ChainPhrases,
) {
    let words = ctx.words();
    let mut full: Vec<Source> = chain.cited.clone();
    full.extend(chain.agents.clone());
    full.extend(chain.according.clone());
    let full = without_outlet(ctx, full);
    if !chain.agents.is_empty() {
        if let Some((_, t)) = sentence_subject(ctx, a, e) {
            let head = words[t - 1];
            let target = found.claims.iter_mut().rev().take(3).find(|c| {
                s_idx.saturating_sub(c.sentence) <= 3
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
    let mut cs = a;
    let mut ce = e;
    if let Some(&(f, t)) = chain.masked.first() {
        if f <= a + 1 {
            cs = if words.get(t) == Some(&",") { t + 1 } else { t };
        } else {
            ce = f;
        }
    }
    if ce <= cs {
        return;
    }
    let hedge = LEXICONS.hedge.find(words, cs, ce);
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
        Some((k, n)) => (Status::Hedged, Some(span(ctx, k, k + n))),
        None if full.is_empty() => (Status::Asserted, None),
        None => (Status::Reported, origin_span),
    };
    push_claim(
        found,
        Claim {
            text: ctx.span_text(cs, ce).to_string(),
            span: span(ctx, cs, ce),
            sentence: s_idx,
            status,
            chain: full,
            stances,
            cue: None,
            status_cue,
        },
    );
}

/// An unattributed clause becomes a claim when the article hedges it or
/// when it reports a count of people harmed: the key facts.
fn unattributed(
    ctx: &Ctx<'_>,
    found: &mut Found,
    s_idx: usize,
    a: usize,
    e: usize,
    in_direct: &[Option<usize>],
) {
    let words = ctx.words();
    if (a..e).any(|k| in_direct[k].is_some()) {
        return;
    }
    // Evaluations of an earlier claim are not claims themselves.
    if LEXICONS.unverified.find(words, a, e).is_some()
        || LEXICONS.no_comment.find(words, a, e).is_some()
        || answers_claim(words, a, e)
    {
        return;
    }
    let hedge = LEXICONS.hedge.find(words, a, e);
    let hedged = hedge.map(|(k, _)| k);
    let harm = (a..e).any(|k| LEXICONS.harm.contains(words[k]))
        && (a..e).any(|k| {
            ctx.doc.tokens[k].kind == TokenKind::Number
                || LEXICONS.count_words.contains(words[k]) && k > a
        });
    if hedged.is_none() && !harm {
        // Facts in the article's own voice, one claim per clause.
        for clause in checkworthy::clauses(ctx, a..e) {
            let lead = s_idx == 0 && clause.start == a;
            if checkworthy::states_fact(ctx, clause.clone(), lead) {
                let end = subordinate_start(words, clause.start, clause.end).unwrap_or(clause.end);
                let end = trim_punct(ctx, clause.start, end);
                let text = ctx.span_text(clause.start, end).to_string();
                let claim_span = span(ctx, clause.start, end);
                push_claim(found, Claim::unattributed(text, claim_span, s_idx, Status::Asserted));
            }
        }
        return;
    }
    // A leading "In protest against ...," or trailing subordinate clause is
    // not part of the claim.
    let mut end = e;
    if let Some(c) = subordinate_start(words, a, e) {
        if hedged.is_none_or(|h| h < c) {
            end = c;
        }
    }
    let mut claim = Claim::unattributed(
        ctx.span_text(a, end).to_string(),
        span(ctx, a, end),
        s_idx,
        Status::Asserted,
    );
    if let Some((k, n)) = hedge {
        claim.strengthen(Status::Hedged, Some(span(ctx, k, k + n)));
    }
    push_claim(found, claim);
}

/// The comma before a trailing subordinate clause (", after ...", ", days
/// after ..."), which is not part of the claim.
fn subordinate_start(words: &[&str], a: usize, e: usize) -> Option<usize> {
    (a..e).find(|&k| {
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
fn answers_claim(words: &[&str], a: usize, e: usize) -> bool {
    let stance = LEXICONS.deny.find(words, a, e).is_some()
        || LEXICONS.confirm.find(words, a, e).is_some()
        || LEXICONS.dispute.find(words, a, e).is_some()
        || LEXICONS.label.find(words, a, e).is_some()
            && LEXICONS.false_label.find(words, a, e).is_some();
    stance && (a..e).any(|k| LEXICONS.claim_nouns.contains_key(words[k]))
}

/// Facts stated in passing in a non-restrictive relative clause: "Kyiv and
/// the U.S., which issued a warning about …, have rejected …" states that
/// the U.S. issued a warning. A confirmation in such a clause ("…, which
/// has been deemed genuine by the BBC") makes a confirmed claim of the
/// antecedent.
fn relative_facts(
    ctx: &Ctx<'_>,
    found: &mut Found,
    s_idx: usize,
    a: usize,
    e: usize,
    in_direct: &[Option<usize>],
) {
    let words = ctx.words();
    for r in a + 1..e {
        if words[r - 1] != "," || !matches!(words[r], "which" | "who") || in_direct[r].is_some() {
            continue;
        }
        let clause_end = (r + 1..e).find(|&i| words[i] == ",").unwrap_or(e);
        if clause_end <= r + 2 {
            continue;
        }
        if let Some((c, n)) = LEXICONS.confirm.find(words, r + 1, clause_end) {
            if words.get(c + n) == Some(&"by") {
                confirmed(ctx, found, s_idx, a, r - 1, c + n + 1, clause_end);
            }
            continue;
        }
        let verb = words[r + 1];
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
        let Some((f, t)) = phrase_before(ctx, a, r - 1) else { continue };
        let f = (f..t).rev().find(|&i| words[i] == "and").map_or(f, |i| i + 1);
        if !(f..t).any(|i| ctx.is_capitalized(i)) {
            continue;
        }
        let text = format!("{} {}", ctx.span_text(f, t), ctx.span_text(r + 1, clause_end));
        push_claim(
            found,
            Claim::unattributed(text, span(ctx, f, clause_end), s_idx, Status::Asserted),
        );
    }
}

/// "…, which has been deemed genuine by Y": the antecedent is confirmed by
/// Y; "video by X" makes X its origin.
#[allow(clippy::too_many_arguments)]
fn confirmed(
    ctx: &Ctx<'_>,
    found: &mut Found,
    s_idx: usize,
    a: usize,
    comma: usize,
    by_from: usize,
    end: usize,
) {
    let words = ctx.words();
    let mut from = a;
    // "It follows the release of …": the pronoun and its verb are not part
    // of the claim.
    if matches!(words[a], "it" | "this") && a + 1 < comma && looks_finite_verb(ctx, a + 1)
        || matches!(words[a], "it" | "this") && a + 1 < comma && words[a + 1].ends_with('s')
    {
        from = a + 2;
        while from < comma && matches!(words[from], "after" | "amid" | "on" | "from") {
            from += 1;
        }
    }
    if from >= comma {
        return;
    }
    let confirmer = phrase_after(ctx, by_from, end).and_then(|(f, t)| to_source(ctx, f, t));
    let origin = (from..comma)
        .find(|&i| LEXICONS.artefact.contains(words[i]) && words.get(i + 1) == Some(&"by"))
        .and_then(|i| {
            let f = i + 2;
            let t = (f..comma)
                .find(|&k| {
                    ctx.doc.tokens[k].tag == Some("VERB")
                        || !ctx.is_capitalized(k) && words[k].ends_with("ing")
                })
                .unwrap_or(comma);
            (t > f).then(|| to_source(ctx, f, t)).flatten()
        });
    // The words that confirm: from after the comma to "by".
    let confirm_cue = Some(span(ctx, comma + 1, by_from.max(comma + 2)));
    let mut stances = Vec::new();
    if let Some(o) = &origin {
        stances.push(Stance { actor: o.text.clone(), kind: StanceKind::Asserts, cue: o.span });
    }
    if let Some(c) = &confirmer {
        stances.push(Stance {
            actor: c.text.clone(),
            kind: StanceKind::Confirms,
            cue: confirm_cue,
        });
    }
    push_claim(
        found,
        Claim {
            text: ctx.span_text(from, comma).to_string(),
            span: span(ctx, from, comma),
            sentence: s_idx,
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
    let Some(prev) = q.checked_sub(1).map(|p| &direct[p]) else { return false };
    let prev_end = prev.close.unwrap_or(prev.content.1.saturating_sub(1));
    let (s_prev, s_this) =
        (quotes::sentence_of(ctx, prev_end), quotes::sentence_of(ctx, direct[q].open));
    let sentences = &ctx.doc.sentences;
    s_this == s_prev + 1
        && sentences[s_this].paragraph == sentences[s_prev].paragraph
        && sentences[s_this].tokens.start == direct[q].open
}

/// The source of a cue in the same sentence as a direct quotation, before
/// it ("the poster says, \"…") or after it ("\"…,\" he said").
fn beside_source(ctx: &Ctx<'_>, d: &Direct, recent: &mut Vec<Source>) -> Option<Source> {
    let words = ctx.words();
    let s_idx = quotes::sentence_of(ctx, d.open);
    let sentence = ctx.doc.sentences.get(s_idx)?;
    let (a, b) = (sentence.tokens.start, sentence.tokens.end);
    // After: `"…," said X` or `"…," X said`.
    if let Some(close) = d.close {
        let after = close + 1;
        let e = trim_punct(ctx, a, b).max(after);
        // `"…," according to a post by X`.
        if let Some(acc) = (after..e.min(after + 3))
            .find(|&i| words[i] == "according" && words.get(i + 1) == Some(&"to"))
        {
            if let Some((f, t)) = phrase_after(ctx, acc + 2, e) {
                if is_pronoun(ctx, f, t) {
                    return recent.iter().rev().find(|s| s.kind == SourceKind::Named).cloned();
                }
                return to_source(ctx, f, t);
            }
        }
        let k = (after..e).find(|&i| LEXICONS.speech.contains(words[i]));
        if let Some(k) = k {
            // "X told the press": the one told is not the source.
            let hearer_after = matches!(words[k], "told" | "tells" | "tell");
            let src = if k + 1 < e && !hearer_after { phrase_after(ctx, k + 1, e) } else { None }
                .filter(|&(f, t)| !is_pronoun(ctx, f, t) && (f..t).all(|i| !is_time_word(words[i])))
                .or_else(|| phrase_before(ctx, after, k));
            if let Some((f, t)) = src {
                if is_pronoun(ctx, f, t) {
                    return recent.iter().rev().find(|s| s.kind == SourceKind::Named).cloned();
                }
                return to_source(ctx, f, t);
            }
        }
    }
    // Before: a cue, then maybe a comma or colon, then the mark.
    let mut k = d.open;
    while k > a && matches!(words[k - 1], "," | ":") {
        k -= 1;
    }
    let cue_before = (k.saturating_sub(4).max(a)..k)
        .rev()
        .find(|&i| LEXICONS.speech.contains(words[i]) || LEXICONS.claim.contains(words[i]))
        .filter(|&i| (i + 1..k).all(|j| !looks_finite_verb(ctx, j)));
    if let Some(cue) = cue_before {
        let (f, t) = subject_before(ctx, a, cue)?;
        if is_pronoun(ctx, f, t) {
            return recent.iter().rev().find(|s| s.kind == SourceKind::Named).cloned();
        }
        let src = to_source(ctx, f, t)?;
        recent.push(src.clone());
        return Some(src);
    }
    None
}
