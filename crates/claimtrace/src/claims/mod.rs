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

use crate::doc::{Claim, Document, Quote};

/// Finds the quotes and claims of `doc`, replacing any found before.
pub fn run(doc: &mut Document) {
    let lower: Vec<String> =
        (0..doc.tokens.len()).map(|i| doc.token_text(i).to_lowercase()).collect();
    let ctx = Ctx::new(doc, &lower);
    let direct = quotes::find(&ctx);
    let mut found = attribution::find(&ctx, &direct);
    status::link(&ctx, &mut found);
    let (quotes, claims) = (found.quotes, found.claims);
    doc.quotes = quotes;
    doc.claims = claims;
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
        let start = self.doc.tokens[from].span.start;
        let end = self.doc.tokens[to - 1].span.end;
        crate::chars::slice(&self.doc.text, start..end)
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
