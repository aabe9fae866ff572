//! Direct quotations: text between double quotation marks, straight or
//! curly, including quotations that run over paragraphs. News style leaves
//! a quotation open at the end of a paragraph when the next paragraph
//! continues it with an opening mark; such a paragraph continues the
//! speaker's quotation.

use std::ops::Range;

use super::Ctx;
use crate::doc::TokenKind;

/// A direct quotation found in the text, before its source is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Direct {
    /// The opening mark's token.
    pub open: usize,
    /// The closing mark's token; `None` when the paragraph ended first.
    pub close: Option<usize>,
    /// Content tokens, marks excluded.
    pub content: Range<usize>,
    /// It continues the previous quotation (a paragraph opened with a
    /// mark after a paragraph that left one open).
    pub continues: bool,
}

/// The double quotation mark token `idx` is, if it is one.
fn mark(ctx: &Ctx<'_>, idx: usize) -> Option<char> {
    if ctx.doc.tokens[idx].kind != TokenKind::Quote {
        return None;
    }
    let c = ctx.text(idx).chars().next()?;
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„').then_some(c)
}

/// Finds direct quotations, paragraph by paragraph.
pub fn find(ctx: &Ctx<'_>) -> Vec<Direct> {
    let doc = ctx.doc;
    let mut out = Vec::new();
    let mut sentence_idx = 0;
    for (paragraph_idx, paragraph) in doc.paragraphs.iter().enumerate() {
        // The paragraph's tokens: those of its sentences.
        let first = sentence_idx;
        while sentence_idx < doc.sentences.len()
            && doc.sentences[sentence_idx].paragraph == paragraph_idx
        {
            sentence_idx += 1;
        }
        if first == sentence_idx {
            continue;
        }
        let (start, end) =
            (doc.sentences[first].tokens.start, doc.sentences[sentence_idx - 1].tokens.end);
        // The open quotation: its opening token, and where its content
        // starts. A paragraph that continues a quotation with no opening
        // mark (the segmenter saw its first mark close it) starts inside
        // it, its first token the content's.
        let mut open: Option<(usize, usize)> = None;
        if paragraph.continues_quote && mark(ctx, start).is_none() {
            open = Some((start, start));
        }
        for idx in start..end {
            let Some(quote_mark) = mark(ctx, idx) else { continue };
            let opening = match quote_mark {
                '“' | '«' | '„' => true,
                '”' | '»' => false,
                _ => open.is_none(),
            };
            match (opening, open) {
                (true, None) => open = Some((idx, idx + 1)),
                (true, Some(_)) => {} // A stray second opening mark.
                (false, Some((opened, from))) => {
                    let continues = paragraph.continues_quote && opened == start;
                    push(&mut out, opened, from, Some(idx), continues);
                    open = None;
                }
                (false, None) => {} // A closing mark with no opening.
            }
        }
        if let Some((opened, from)) = open {
            push(&mut out, opened, from, None, paragraph.continues_quote && opened == start);
            if let Some(last) = out.last_mut() {
                last.content.end = trim_end(ctx, last.content.start..end);
            }
        }
    }
    out
}

/// Adds the quotation opened at `open`, its content from `from`, unless
/// it closes with nothing inside.
fn push(out: &mut Vec<Direct>, open: usize, from: usize, close: Option<usize>, continues: bool) {
    let content = from..close.unwrap_or(from);
    if close.is_some() && content.is_empty() {
        return;
    }
    out.push(Direct { open, close, content, continues });
}

/// Where `tokens` end without their final quotation marks.
fn trim_end(ctx: &Ctx<'_>, tokens: Range<usize>) -> usize {
    let mut end = tokens.end;
    while end > tokens.start && ctx.doc.tokens[end - 1].kind == TokenKind::Quote {
        end -= 1;
    }
    end
}

/// The index of the sentence holding token `idx`.
pub fn sentence_of(ctx: &Ctx<'_>, idx: usize) -> usize {
    ctx.doc.sentences.partition_point(|s| s.tokens.end <= idx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::testing::with_ctx;

    /// The content of each direct quotation of `body`, and whether it closes.
    fn quotations(body: &str) -> Vec<(String, bool)> {
        with_ctx(body, |ctx| {
            find(ctx)
                .into_iter()
                .map(|d| {
                    (ctx.span_text(d.content.start, d.content.end).to_string(), d.close.is_some())
                })
                .collect()
        })
    }

    #[test]
    fn content_lies_between_the_marks() {
        assert_eq!(
            quotations("The mayor said: \u{201c}We will rebuild the bridge.\u{201d} She left."),
            [("We will rebuild the bridge.".to_string(), true)]
        );
    }

    #[test]
    fn a_quotation_left_open_runs_to_the_paragraph_end() {
        assert_eq!(
            quotations("\"We will rebuild the bridge,\" the mayor said. \"It will take a year.\n\n\"Then we start on the roads.\""),
            [
                ("We will rebuild the bridge,".to_string(), true),
                ("It will take a year.".to_string(), false),
                ("Then we start on the roads.".to_string(), true),
            ]
        );
    }

    #[test]
    fn a_paragraph_break_inside_a_quotation_needs_no_reopening_mark() {
        // The second paragraph's first mark closes the quotation the first
        // left open; the next quotation opens after it.
        assert_eq!(
            quotations("He said, \"It felt good out there.\n\nWe could have scored twice.\" After the match, the coach said, \"We were beaten.\""),
            [
                ("It felt good out there.".to_string(), false),
                ("We could have scored twice.".to_string(), true),
                ("We were beaten.".to_string(), true),
            ]
        );
        // A paragraph after one left open that opens a quotation of its
        // own does not continue the first.
        assert_eq!(
            quotations("He said, \"It felt good.\n\nThe coach said \"We were beaten.\""),
            [("It felt good.".to_string(), false), ("We were beaten.".to_string(), true),]
        );
    }

    #[test]
    fn no_marks_no_quotation() {
        assert!(quotations("The mayor said the bridge would be rebuilt.").is_empty());
    }
}
