//! Attribution and claims: who said what, through which chain of sources
//! it reached the article, how the article qualifies it, and who affirms or
//! rejects it (see `docs/claims-model.md`).
//!
//! Reads paragraphs, sentences and tokens; assigns `Document::quotes` and
//! `Document::claims`. Rule-based over tokens, with every cue word in the
//! lexicons of `data/attribution/`. The work runs in passes, each linear
//! in the number of tokens (the discourse links look back a bounded number
//! of claims):
//!
//! 1. `quotes`: direct quotations, including those that run over several
//!    paragraphs without closing;
//! 2. `attribution`: reported speech and claims per sentence: the cue, its
//!    source, the content, and the chain ("citing", "by", "according to");
//!    sentences with no cue are claims in the article's own voice when
//!    `checkworthy` finds they state a fact (one claim per clause);
//! 3. `status`: signals in the claim's own sentence, then signals that
//!    point back to an earlier claim ("has not been verified", "rejected
//!    Moscow's claims", "contacted ... for comment").

mod attribution;
mod checkworthy;
pub(crate) mod lexicon;
mod quotes;
mod source;
mod status;

pub use lexicon::{PhraseList, LEXICONS};
pub use status::denied_by;

use crate::doc::{Claim, Document, Quote};

/// Finds the quotes and claims of `doc`, replacing any found before.
pub fn run(doc: &mut Document) {
    let lower: Vec<String> =
        (0..doc.tokens.len()).map(|i| doc.token_text(i).to_lowercase()).collect();
    let ctx = Ctx::new(doc, &lower);
    let direct = quotes::find(&ctx);
    let mut found = attribution::find(&ctx, &direct);
    status::link(&ctx, &mut found);
    let (mut quotes, claims) = (found.quotes, found.claims);
    add_reported_speech(doc, &mut quotes, &claims);
    doc.quotes = quotes;
    doc.claims = claims;
}

/// The span of "according to" right before `source` in sentence `s`. Offsets
/// come from the text as written (lower-casing can change byte lengths:
/// "İ" is one character of two bytes, "i̇" of three).
fn according_to(doc: &Document, s: usize, source: &str) -> Option<crate::doc::Span> {
    const CUE: &str = "according to";
    let sentence = doc.sentences.get(s)?.span;
    let text = doc.slice(sentence);
    let source = source.to_lowercase();
    text.char_indices().find_map(|(i, _)| {
        let cue = text.get(i..i + CUE.len()).filter(|w| w.eq_ignore_ascii_case(CUE))?;
        let rest = text.get(i + cue.len()..)?.trim_start();
        rest.to_lowercase()
            .starts_with(&source)
            .then(|| crate::doc::Span::new(sentence.start() + i, sentence.start() + i + CUE.len()))
    })
}

/// An attributed claim whose cue is a speech verb ("said", "told";
/// `data/attribution/speech.txt`) or reports speech ("according to",
/// "reported"; `reported_speech.txt`) is also reported speech:
/// if no quote covers it yet it becomes an indirect quote of its nearest
/// source (the last link of its chain, who told the article). Claims by
/// other cues ("claimed", "reports noting") stay claims only.
fn add_reported_speech(doc: &Document, quotes: &mut Vec<Quote>, claims: &[Claim]) {
    let lexicons = &*LEXICONS;
    let before = quotes.len();
    for claim in claims {
        let Some(source) = claim.chain.last() else { continue };
        // A chain sentence ("According to police, ...") has no cue of its
        // own: the phrase that names its source is the cue.
        let cue = claim.cue.or_else(|| according_to(doc, claim.sentence, &source.text));
        let Some(cue) = cue else { continue };
        let cue_text = doc.slice(cue).to_lowercase();
        let words: Vec<&str> = cue_text.split_whitespace().collect();
        let speech = words.first().is_some_and(|w| lexicons.speech.contains(w))
            || lexicons.reported_speech.match_at(&words, 0).is_some();
        if !speech {
            continue;
        }
        let covered = quotes[..before]
            .iter()
            .any(|q| q.span.start() < claim.span.end() && claim.span.start() < q.span.end());
        // A quote never holds its own cue ("The suspect, according to
        // police, fled": the claim runs around the phrase, a span cannot).
        let holds_cue = claim.span.start() <= cue.start() && cue.end() <= claim.span.end();
        if !covered && !holds_cue && !claim.span.is_empty() {
            quotes.push(Quote {
                span: claim.span,
                cue: Some(cue),
                source: Some(source.clone()),
                direct: false,
            });
        }
    }
    // "The FSB denies the two explosions are related": the denied clause
    // is what the denier said is not so, an indirect quote of theirs.
    for claim in claims.iter().filter(|c| c.chain.is_empty() && !c.span.is_empty()) {
        let Some(denial) = claim.stances.iter().find(|s| {
            s.kind == crate::doc::StanceKind::Denies
                && s.cue.is_some_and(|cue| {
                    cue.end() <= claim.span.start()
                        && doc.text.get(cue.end()..claim.span.start()).is_some_and(|gap| {
                            gap.split_whitespace().all(|w| w.eq_ignore_ascii_case("that"))
                        })
                })
        }) else {
            continue;
        };
        let covered = quotes
            .iter()
            .any(|q| q.span.start() < claim.span.end() && claim.span.start() < q.span.end());
        if !covered {
            quotes.push(Quote {
                span: claim.span,
                cue: denial.cue,
                source: Some(crate::doc::Source {
                    text: denial.actor.clone(),
                    span: None,
                    kind: crate::doc::SourceKind::Named,
                }),
                direct: false,
            });
        }
    }
    quotes.sort_by_key(|q| (q.span.start(), q.span.end()));
}

/// What the passes share: the document and its tokens lower-cased.
pub(crate) struct Ctx<'a> {
    pub doc: &'a Document,
    pub lower: &'a [String],
    words: Vec<&'a str>,
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a Document, lower: &'a [String]) -> Ctx<'a> {
        let words = lower.iter().map(String::as_str).collect();
        Ctx { doc, lower, words }
    }

    /// The lower-cased words, for the phrase lists.
    pub fn words(&self) -> &[&'a str] {
        &self.words
    }

    pub fn text(&self, idx: usize) -> &str {
        self.doc.token_text(idx)
    }

    /// The text of tokens `from..to` as written in the body.
    pub fn span_text(&self, from: usize, to: usize) -> &str {
        if from >= to {
            return "";
        }
        let start = self.doc.tokens[from].span.start();
        let end = self.doc.tokens[to - 1].span.end();
        crate::chars::slice(&self.doc.text, start..end)
    }

    /// The body span of tokens `from..to` (at least one token).
    pub fn token_span(&self, from: usize, to: usize) -> crate::doc::Span {
        let to = to.max(from + 1).min(self.doc.tokens.len());
        crate::doc::Span::new(
            self.doc.tokens[from].span.start(),
            self.doc.tokens[to - 1].span.end(),
        )
    }

    pub fn is_capitalized(&self, idx: usize) -> bool {
        self.text(idx).chars().next().is_some_and(char::is_uppercase)
    }
}

/// What the passes build up.
#[derive(Default)]
pub(crate) struct Found {
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
    /// Stances found in reported speech ("X said it was inappropriate to
    /// comment"), by sentence, waiting for the claim they answer.
    pub pending: Vec<(usize, crate::doc::Stance)>,
}

/// Helpers for the unit tests of the passes: a short article through the
/// standard pipeline, and the token ranges of its phrases.
#[cfg(test)]
pub(crate) mod testing {
    use std::ops::Range;

    use super::Ctx;
    use crate::read::{Input, ReadOptions};
    use crate::Document;

    /// Analyses a short article: a headline, then `body`.
    pub fn analyze(body: &str) -> Document {
        let text = format!("Headline\n\n{body}");
        let input =
            Input { name: "case.txt", bytes: text.as_bytes(), format: None, content_type: None };
        crate::analyze(&input, &ReadOptions::default()).pop().unwrap().unwrap()
    }

    /// Runs `check` on the context the passes would see for `body`.
    pub fn with_ctx<R>(body: &str, check: impl FnOnce(&Ctx<'_>) -> R) -> R {
        let doc = analyze(body);
        let lower: Vec<String> =
            (0..doc.tokens.len()).map(|i| doc.token_text(i).to_lowercase()).collect();
        check(&Ctx::new(&doc, &lower))
    }

    /// The tokens of the first occurrence of `phrase` (its words and
    /// punctuation separated by spaces, in any case).
    pub fn tokens_of(ctx: &Ctx<'_>, phrase: &str) -> Range<usize> {
        let want: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
        let words = ctx.words();
        let start = (0..words.len())
            .find(|&i| want.iter().enumerate().all(|(k, w)| words.get(i + k) == Some(&w.as_str())))
            .unwrap_or_else(|| panic!("no {phrase:?} in {words:?}"));
        start..start + want.len()
    }

    /// The token index of the first occurrence of `word`.
    pub fn token_of(ctx: &Ctx<'_>, word: &str) -> usize {
        tokens_of(ctx, word).start
    }

    /// The tokens of the sentence of the body that holds `word`.
    pub fn sentence_of(ctx: &Ctx<'_>, word: &str) -> Range<usize> {
        let at = token_of(ctx, word);
        let sentence = ctx.doc.sentences.iter().find(|s| s.tokens.contains(&at)).unwrap();
        sentence.tokens.clone()
    }

    /// The text of `tokens`.
    pub fn text(ctx: &Ctx<'_>, tokens: Option<Range<usize>>) -> Option<String> {
        tokens.map(|t| ctx.span_text(t.start, t.end).to_string())
    }
}
