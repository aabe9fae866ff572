//! Each word lower-cased, its normalised form ([`normalize`]) and its
//! shape ([`shape_into`]), made once for a document by
//! the tagger and read again by the parser, the recogniser and the events
//! stage. Each made its own before: four lower-cased copies and two
//! shapes of every word, each its own allocation.

use std::borrow::Cow;

#[cfg(doc)]
use super::tagger::normalize;
use super::tagger::{number_class, shape_into};
use crate::doc::Document;

/// Strings laid end to end in one buffer, read back by index.
#[derive(Clone, Debug, Default)]
struct Strings {
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<usize>,
}

impl Strings {
    fn with_capacity(strings: usize, bytes: usize) -> Strings {
        Strings { text: String::with_capacity(bytes), ends: Vec::with_capacity(strings) }
    }

    /// Ends the string written into `text` since the last.
    fn end(&mut self) {
        self.ends.push(self.text.len());
    }

    fn get(&self, i: usize) -> &str {
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1],
        };
        // Each string was written whole: its bounds are char boundaries.
        self.text.get(start..self.ends[i]).unwrap_or_default()
    }
}

/// The lower-cased forms, normalised forms and shapes of a run of words
/// (a document's tokens, or one sentence's words), by the word's index.
#[derive(Clone, Debug, Default)]
pub struct Forms {
    lower: Strings,
    /// The number class of each word with a digit, which is its
    /// normalised form ([`number_class`]).
    class: Vec<Option<&'static str>>,
    shape: Strings,
}

impl Forms {
    /// The forms of `words`, in order.
    pub fn of<'w>(words: impl ExactSizeIterator<Item = &'w str>) -> Forms {
        let n = words.len();
        let mut forms = Forms {
            lower: Strings::with_capacity(n, 8 * n),
            class: Vec::with_capacity(n),
            shape: Strings::with_capacity(n, 3 * n),
        };
        for word in words {
            crate::chars::with_lowercase(word, |lower| forms.lower.text.push_str(lower));
            forms.lower.end();
            forms.class.push(number_class(word));
            shape_into(word, &mut forms.shape.text);
            forms.shape.end();
        }
        forms
    }

    /// The forms of `doc`'s tokens.
    pub fn of_tokens(doc: &Document) -> Forms {
        Forms::of((0..doc.tokens.len()).map(|i| doc.token_text(i)))
    }

    /// The forms of `doc`'s tokens: those the tagger made, or made now
    /// where its tags were set without the tagger.
    pub fn of_document(doc: &Document) -> Cow<'_, Forms> {
        match Forms::made_for(doc) {
            true => Cow::Borrowed(&doc.forms),
            false => Cow::Owned(Forms::of_tokens(doc)),
        }
    }

    /// [`Forms::of_document`], taken out of `doc` (to be put back once
    /// its tokens are written).
    pub fn take_from(doc: &mut Document) -> Forms {
        match Forms::made_for(doc) {
            true => std::mem::take(&mut doc.forms),
            false => Forms::of_tokens(doc),
        }
    }

    /// Whether `doc` holds the forms of its tokens (segmenting empties
    /// them; the tagger makes them).
    fn made_for(doc: &Document) -> bool {
        doc.forms.len() == doc.tokens.len()
    }

    /// How many words.
    pub fn len(&self) -> usize {
        self.class.len()
    }

    /// Word `i` lower-cased (`str::to_lowercase`).
    pub fn lower(&self, i: usize) -> &str {
        self.lower.get(i)
    }

    /// The normalised form of word `i` ([`normalize`]).
    pub fn norm(&self, i: usize) -> &str {
        self.class[i].unwrap_or_else(|| self.lower(i))
    }

    /// The shape of word `i` ([`shape_into`]).
    pub fn shape(&self, i: usize) -> &str {
        self.shape.get(i)
    }

    /// The normalised forms of the words in `range`.
    pub fn norms(&self, range: std::ops::Range<usize>) -> Vec<&str> {
        range.map(|i| self.norm(i)).collect()
    }

    /// The shapes of the words in `range`.
    pub fn shapes(&self, range: std::ops::Range<usize>) -> Vec<&str> {
        range.map(|i| self.shape(i)).collect()
    }
}

/// A sentence's words with their normalised forms and shapes, read by
/// the recogniser.
pub(crate) struct Sentence<'a> {
    pub words: &'a [&'a str],
    pub norm: Vec<&'a str>,
    pub shape: Vec<&'a str>,
}

impl<'a> Sentence<'a> {
    /// The sentence of `words`, which are the words `range` of `forms`.
    pub fn new(words: &'a [&'a str], forms: &'a Forms, range: std::ops::Range<usize>) -> Self {
        debug_assert_eq!(words.len(), range.len());
        Sentence { words, norm: forms.norms(range.clone()), shape: forms.shapes(range) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::tagger::{normalize, shape};

    #[test]
    fn forms_are_the_tagger_s() {
        let words = [
            "The",
            "IAEA",
            "said",
            "2024",
            "1,500",
            "3rd",
            "ΣΟΦΟΣ",
            "Straße",
            "",
            "U.S.",
            "don't",
            "—",
            "Élysée",
        ];
        let forms = Forms::of(words.iter().copied());
        assert_eq!(forms.len(), words.len());
        for (i, word) in words.iter().enumerate() {
            assert_eq!(forms.norm(i), normalize(word), "{word:?}");
            assert_eq!(forms.lower(i), word.to_lowercase(), "{word:?}");
            assert_eq!(forms.shape(i), shape(word), "{word:?}");
        }
        assert_eq!(forms.norms(1..3), vec!["iaea", "said"]);
        assert_eq!(forms.shapes(0..2), vec![shape("The"), shape("IAEA")]);
        assert_eq!(Forms::of(std::iter::empty()).len(), 0);
    }
}
