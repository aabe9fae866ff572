//! Segmentation: paragraphs, sentences and tokens with byte offsets.
//!
//! Assigns `Document::paragraphs`, `sentences` and `tokens`. Rule-based and
//! linear in the length of the text: tokens first (abbreviations, initials,
//! numbers, contractions split the Universal Dependencies way), then
//! sentence boundaries over the tokens, then the quotation state of each
//! paragraph, so that quotes running over several paragraphs are known to
//! later stages.

mod tokenize;

pub use tokenize::tokenize;

use crate::doc::{Diagnostic, Document, Paragraph, Sentence, Span, Token, TokenKind};

/// Splits the body of `doc` into paragraphs, sentences and tokens,
/// replacing any earlier segmentation.
pub fn segment(doc: &mut Document) {
    doc.paragraphs.clear();
    doc.sentences.clear();
    doc.tokens.clear();
    // The tagger makes the new tokens' forms.
    doc.forms = Default::default();
    let spans = paragraph_spans(&doc.text);
    let mut quote_open = false;
    for (paragraph_idx, span) in spans.into_iter().enumerate() {
        let first_token = doc.tokens.len();
        doc.tokens.extend(
            tokenize(crate::chars::slice(&doc.text, span.range()))
                .into_iter()
                .map(|t| shift(t, span.start())),
        );
        let tokens = first_token..doc.tokens.len();
        split_sentences(doc, paragraph_idx, tokens.clone());

        let opens_with_quote = doc
            .tokens
            .get(first_token)
            .is_some_and(|t| t.kind == TokenKind::Quote && first_token < tokens.end);
        // A paragraph continues the quotation the previous one left open
        // when it opens with a mark (the news convention), or when its
        // first mark can only close one ("... put the game to bed early."
        // After the match ...): the paragraph break fell inside the
        // quotation and no mark reopened it.
        let closes_first = !opens_with_quote
            && tokens
                .clone()
                .find(|&idx| doc.tokens[idx].kind == TokenKind::Quote)
                .is_some_and(|idx| only_closes(&doc.text, doc.tokens[idx].span));
        let continues_quote = quote_open && (opens_with_quote || closes_first);
        let still_open = quote_state_after(doc, tokens, continues_quote && closes_first);
        if quote_open && !continues_quote {
            // The previous paragraph ended inside a quotation that this one
            // does not continue: the quotation was never closed.
            doc.diagnostics.push(Diagnostic {
                stage: "segment",
                message: "quotation mark left open at the end of a paragraph".into(),
                span: doc.paragraphs.last().map(|p: &Paragraph| p.span),
            });
        }
        doc.paragraphs.push(Paragraph { span, continues_quote, leaves_quote_open: still_open });
        quote_open = still_open;
    }
}

/// Paragraphs are runs of non-blank lines; leading and trailing white
/// space is left out of each span.
fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = start.take() {
                spans.push(Span::new(s, end));
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(offset + lead);
            }
            end = offset + lead + trimmed.len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        spans.push(Span::new(s, end));
    }
    spans
}

fn shift(mut token: Token, by: usize) -> Token {
    token.span = Span::new(token.span.start() + by, token.span.end() + by);
    token
}

/// Abbreviations that may also end a sentence ("in the U.S. The ...").
const MAY_END: &[&str] = &[
    "u.s.", "u.k.", "u.n.", "e.u.", "a.m.", "p.m.", "inc.", "ltd.", "co.", "corp.", "jr.", "sr.",
    "etc.", "d.c.",
];

/// Capitalised words that often open a sentence, used to decide whether an
/// abbreviation at a possible boundary ends its sentence.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "in",
    "on",
    "at",
    "his",
    "her",
    "their",
    "its",
    "our",
    "however",
    "meanwhile",
    "after",
    "before",
    "when",
    "while",
    "according",
    "officials",
    "police",
];

fn split_sentences(doc: &mut Document, paragraph: usize, tokens: std::ops::Range<usize>) {
    if tokens.is_empty() {
        return;
    }
    let mut start = tokens.start;
    let mut i = tokens.start;
    while i < tokens.end {
        if is_boundary(doc, i, tokens.end) {
            // Closing quotes and brackets after the terminator belong to
            // the sentence they close.
            let mut end = i + 1;
            while end < tokens.end && closes_after_terminator(doc, end) {
                end += 1;
            }
            push_sentence(doc, paragraph, start..end);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    if start < tokens.end {
        push_sentence(doc, paragraph, start..tokens.end);
    }
}

/// The most tokens a sentence has. Longer runs without a sentence end (a
/// table flattened into one line, a list with no periods, a hostile input)
/// are cut into pieces at a comma, semicolon, colon or dash where one is
/// near, so that every later stage works on bounded sentences: the parser,
/// entities and claims look across a sentence, and one 300,000-word
/// "sentence" would take minutes and gigabytes. Real news sentences are
/// far shorter (GUM's longest is under 150 tokens).
pub const MAX_SENTENCE_TOKENS: usize = 250;

fn push_sentence(doc: &mut Document, paragraph: usize, range: std::ops::Range<usize>) {
    if range.len() > MAX_SENTENCE_TOKENS {
        doc.diagnostics.push(Diagnostic {
            stage: "segment",
            message: format!(
                "a sentence of {} tokens was cut into pieces of at most {MAX_SENTENCE_TOKENS}",
                range.len()
            ),
            span: Some(Span::new(
                doc.tokens[range.start].span.start(),
                doc.tokens[range.end - 1].span.end(),
            )),
        });
    }
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE_TOKENS {
        let limit = start + MAX_SENTENCE_TOKENS;
        // The last clause break in the second half of the piece, else the
        // limit itself.
        let cut = (start + MAX_SENTENCE_TOKENS / 2..limit)
            .rev()
            .find(|&i| matches!(doc.token_text(i), "," | ";" | ":" | "—" | "–" | "-"))
            .map_or(limit, |i| i + 1);
        push_piece(doc, paragraph, start..cut);
        start = cut;
    }
    push_piece(doc, paragraph, start..range.end);
}

fn push_piece(doc: &mut Document, paragraph: usize, range: std::ops::Range<usize>) {
    let span =
        Span::new(doc.tokens[range.start].span.start(), doc.tokens[range.end - 1].span.end());
    doc.sentences.push(Sentence { span, paragraph, tokens: range });
}

fn closes_after_terminator(doc: &Document, idx: usize) -> bool {
    let text = doc.token_text(idx);
    match doc.tokens[idx].kind {
        TokenKind::Quote => is_closing_quote(doc, idx),
        TokenKind::Punct => matches!(text, ")" | "]" | "}"),
        _ => false,
    }
}

/// A quotation mark closes when it is glued to the previous token or is a
/// right-hand curly quote.
fn is_closing_quote(doc: &Document, idx: usize) -> bool {
    let text = doc.token_text(idx);
    if matches!(text, "”" | "’" | "»") {
        return true;
    }
    if matches!(text, "“" | "‘" | "«" | "„") {
        return false;
    }
    idx > 0 && doc.tokens[idx - 1].span.end() == doc.tokens[idx].span.start()
}

fn is_boundary(doc: &Document, idx: usize, end: usize) -> bool {
    let token = &doc.tokens[idx];
    let text = doc.token_text(idx);
    let next = next_content_token(doc, idx + 1, end);
    let terminal = matches!(text, "." | "!" | "?" | "…" | "...");
    if terminal {
        let Some(next) = next else { return false };
        if text == "…" || text == "..." {
            // An ellipsis ends a sentence only before a capitalised word.
            return starts_upper(doc.token_text(next));
        }
        let next_text = doc.token_text(next);
        return starts_upper(next_text)
            || doc.tokens[next].kind == TokenKind::Number
            || doc.tokens[next].kind == TokenKind::Quote;
    }
    if token.kind == TokenKind::Word && text.ends_with('.') && text.len() > 1 {
        let lower = text.to_lowercase();
        if !MAY_END.contains(&lower.as_str()) {
            return false;
        }
        let Some(next) = next else { return false };
        let next_lower = doc.token_text(next).to_lowercase();
        return starts_upper(doc.token_text(next)) && OPENERS.contains(&next_lower.as_str());
    }
    false
}

/// The first token from `from` that is not a closing quote or bracket.
fn next_content_token(doc: &Document, from: usize, end: usize) -> Option<usize> {
    (from..end).find(|&i| !closes_after_terminator(doc, i))
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether the double quotation mark at `span` can only close a
/// quotation: a right curly mark, or a straight one written against the
/// word before it and not against a word after it (`early." After`).
fn only_closes(text: &str, span: Span) -> bool {
    let mark = crate::chars::slice(text, span.range());
    if mark == "\u{201d}" {
        return true;
    }
    if mark != "\"" {
        return false;
    }
    let before = crate::chars::slice(text, 0..span.start()).chars().next_back();
    let after = crate::chars::slice(text, span.end()..text.len()).chars().next();
    before.is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '[' | '\u{2014}'))
        && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Walks the quotation marks of a paragraph and says whether a quotation is
/// still open at its end. Straight double quotes toggle; curly ones say
/// which side they are. `starts_open`: the paragraph starts inside a
/// quotation it continues without an opening mark.
fn quote_state_after(doc: &Document, tokens: std::ops::Range<usize>, starts_open: bool) -> bool {
    let mut open = starts_open;
    for idx in tokens.clone() {
        if doc.tokens[idx].kind != TokenKind::Quote {
            continue;
        }
        let text = doc.token_text(idx);
        match text {
            "“" | "«" | "„" => open = true,
            "”" | "»" => open = false,
            "\"" => open = !open,
            _ => {}
        }
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Meta;

    fn doc(text: &str) -> Document {
        let mut doc = Document::new("test", Meta::default(), text.to_string());
        segment(&mut doc);
        doc
    }

    fn sentences(text: &str) -> Vec<String> {
        let doc = doc(text);
        doc.sentences.iter().map(|s| doc.slice(s.span).to_string()).collect()
    }

    #[test]
    fn runaway_sentences_are_cut_at_clause_breaks() {
        // 1,000 words with a comma every 7 and no period.
        let text: String = (0..1000).map(|i| if i % 7 == 6 { "word, " } else { "word " }).collect();
        let d = doc(&text);
        assert!(d.sentences.len() >= 4, "{}", d.sentences.len());
        let mut next = 0;
        for s in &d.sentences {
            assert!(s.tokens.len() <= MAX_SENTENCE_TOKENS);
            assert_eq!(s.tokens.start, next, "pieces cover the tokens in order");
            next = s.tokens.end;
            if next < d.tokens.len() {
                assert_eq!(d.token_text(next - 1), ",", "cut after a comma");
            }
        }
        assert_eq!(next, d.tokens.len());
        assert!(d.diagnostics.iter().any(|x| x.message.contains("cut into pieces")));
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sentences("Kyiv and the U.S. have rejected the claims. Dr. Smith said so at 3 p.m. on Monday."),
            vec![
                "Kyiv and the U.S. have rejected the claims.",
                "Dr. Smith said so at 3 p.m. on Monday.",
            ]
        );
    }

    #[test]
    fn abbreviation_can_end_a_sentence() {
        assert_eq!(
            sentences("He moved to the U.S. The move was sudden."),
            vec!["He moved to the U.S.", "The move was sudden."]
        );
    }

    #[test]
    fn initials_stay_with_the_name() {
        assert_eq!(
            sentences("John F. Kennedy spoke. He left."),
            vec!["John F. Kennedy spoke.", "He left."]
        );
    }

    #[test]
    fn closing_quote_belongs_to_the_sentence() {
        assert_eq!(
            sentences("He said \"we will win.\" Then he left."),
            vec!["He said \"we will win.\"", "Then he left."]
        );
        assert_eq!(
            sentences("She said: “It is over.” Nobody replied."),
            vec!["She said: “It is over.”", "Nobody replied."]
        );
    }

    #[test]
    fn numbers_do_not_split() {
        assert_eq!(
            sentences("It cost 3.5 million. Prices rose 1,000 times."),
            vec!["It cost 3.5 million.", "Prices rose 1,000 times."]
        );
    }

    #[test]
    fn quote_over_paragraphs() {
        let doc = doc("The poster says, \"Be warned, do not think.\n\n\"With the attack, we showed you.\"\n\nAfter that.");
        assert_eq!(doc.paragraphs.len(), 3);
        assert!(doc.paragraphs[0].leaves_quote_open);
        assert!(doc.paragraphs[1].continues_quote);
        assert!(!doc.paragraphs[1].leaves_quote_open);
        assert!(!doc.paragraphs[2].continues_quote);
        assert!(doc.diagnostics.is_empty());
    }

    #[test]
    fn unclosed_quote_is_a_diagnostic() {
        let doc = doc("He said \"never.\n\nThe end.");
        assert_eq!(doc.diagnostics.len(), 1);
        assert!(!doc.paragraphs[1].continues_quote);
    }

    #[test]
    fn empty_text() {
        let doc = doc("");
        assert!(doc.paragraphs.is_empty() && doc.sentences.is_empty() && doc.tokens.is_empty());
        let doc = super::tests::doc("  \n\n \n");
        assert!(doc.paragraphs.is_empty());
    }
}
