//! The part-of-speech tagger: greedy left-to-right averaged perceptron over
//! Honnibal's feature set ("A good part-of-speech tagger in about 200 lines
//! of Python"), plus word shape, predicting Universal POS tags.

use super::conllu::TreeSentence;
use super::forms::Forms;
use super::perceptron::{
    argmax, feature, feature_part, feature_parts, feature_start, Model, Rng, Trainer,
};
use crate::doc::Upos;

/// The 17 Universal POS tags' names, in model class order ([`Upos`]).
pub const UPOS: [&str; 17] = Upos::NAMES;

/// The UPOS tag index of a tag name.
pub fn upos_index(tag: &str) -> Option<usize> {
    UPOS.iter().position(|&t| t == tag)
}

/// Tags `words` with `model`; returns indices into [`UPOS`]. An empty model
/// tags nothing.
pub fn tag(model: &Model, words: &[&str]) -> Vec<usize> {
    tag_forms(model, &Forms::of(words.iter().copied()), 0..words.len())
}

/// [`tag`] over the words `range` of `forms` (a document's, made once for
/// the tagger, the parser and the recogniser).
pub(crate) fn tag_forms(model: &Model, forms: &Forms, range: std::ops::Range<usize>) -> Vec<usize> {
    if model.is_empty() || range.is_empty() {
        return Vec::new();
    }
    let n = range.len();
    let context = Context::of(forms, range);
    let mut tags: Vec<usize> = Vec::with_capacity(n);
    let mut features = Vec::with_capacity(32);
    let mut scores = vec![0.0; model.classes.len()];
    let upos: Vec<usize> =
        model.classes.iter().map(|c| upos_index(c).unwrap_or(UPOS.len() - 1)).collect();
    for i in 0..n {
        context.features(i, &tags, &mut features);
        model.score(&features, &mut scores);
        let best = argmax(&scores, |_| true);
        tags.push(upos[best]);
    }
    tags
}

/// Trains a tagger on `sentences` for `iterations` passes, shuffled with
/// `seed`; returns the encoded model.
pub fn train(sentences: &[TreeSentence], iterations: usize, seed: u64) -> Vec<u8> {
    let mut trainer = Trainer::new(UPOS.iter().map(|s| s.to_string()).collect());
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Rng::new(seed);
    let mut features = Vec::with_capacity(32);
    for _ in 0..iterations {
        rng.shuffle(&mut order);
        for &s in &order {
            let sentence = &sentences[s];
            let forms = Forms::of(sentence.words.iter().map(String::as_str));
            let context = Context::of(&forms, 0..forms.len());
            let mut tags = Vec::with_capacity(forms.len());
            for (i, gold) in sentence.upos.iter().enumerate() {
                let Some(truth) = upos_index(gold) else { continue };
                context.features(i, &tags, &mut features);
                let guess = trainer.predict(&features);
                trainer.update(&features, truth, guess);
                tags.push(guess);
            }
        }
    }
    trainer.encode(0.05)
}

/// Normalised forms and shapes of the words of a sentence.
struct Context<'a> {
    norm: Vec<&'a str>,
    shape: Vec<&'a str>,
}

/// The lower-cased word, with numbers folded to a few classes.
pub(crate) fn normalize(word: &str) -> String {
    match number_class(word) {
        Some(class) => class.into(),
        None => word.to_lowercase(),
    }
}

/// The class a word with a digit is folded to ([`normalize`]); `None`
/// for a word without one.
pub(crate) fn number_class(word: &str) -> Option<&'static str> {
    if !word.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
        return Some("!YEAR");
    }
    if word.bytes().all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.')) {
        return Some("!DIGITS");
    }
    Some("!NUMWORD")
}

/// [`shape_into`] a string of its own (the stages write shapes into
/// [`super::forms::Forms`]).
#[cfg(test)]
pub(crate) fn shape(word: &str) -> String {
    let mut out = String::new();
    shape_into(word, &mut out);
    out
}

/// A word's short shape, written at the end of `out`: `Xx`, `X`, `x`,
/// `d`, `X.`, collapsed runs, at most five.
pub(crate) fn shape_into(word: &str, out: &mut String) {
    let start = out.len();
    let mut last = ' ';
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
            // (Bytes written, as the shapes the models learnt counted.)
            if out.len() - start >= 5 {
                break;
            }
        }
    }
}

/// The last `n` characters of a word.
pub(crate) fn suffix(word: &str, n: usize) -> &str {
    let start = word.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    crate::chars::after(word, start)
}

/// The first character of a word.
pub(crate) fn prefix1(word: &str) -> &str {
    crate::chars::first_chars(word, 1)
}

impl<'a> Context<'a> {
    /// The context of the words `range` of `forms`.
    fn of(forms: &'a Forms, range: std::ops::Range<usize>) -> Context<'a> {
        Context { norm: forms.norms(range.clone()), shape: forms.shapes(range) }
    }

    fn word(&self, i: isize) -> &'a str {
        if i < 0 {
            return "-START-";
        }
        self.norm.get(i as usize).copied().unwrap_or("-END-")
    }

    fn features(&self, i: usize, tags: &[usize], out: &mut Vec<u64>) {
        out.clear();
        let ii = i as isize;
        let prev = if i >= 1 { UPOS[tags[i - 1]] } else { "-START-" };
        let prev2 = if i >= 2 { UPOS[tags[i - 2]] } else { "-START2-" };
        let w = self.word(ii);
        let (before, after) = (self.word(ii - 1), self.word(ii + 1));
        let shape = self.shape[i];
        let next_shape = self.shape.get(i + 1).copied().unwrap_or("-END-");
        // Every hash is `feature(template, parts)`; the word and the shape,
        // which several templates append next, are hashed for all of them
        // in one pass over their bytes (`feature_parts`).
        let [f6, f7, f17, f18] = feature_parts(
            [
                feature_start(6),
                feature_part(feature_start(7), prev),
                feature_start(17),
                feature_part(feature_start(18), before),
            ],
            w,
        );
        let [f14, f15, f19] =
            feature_parts([feature_start(14), feature_start(15), feature_start(19)], shape);
        out.push(feature(0, &[]));
        out.push(feature(1, &[suffix(w, 3)]));
        out.push(feature(2, &[prefix1(w)]));
        out.push(feature(3, &[prev]));
        out.push(feature(4, &[prev2]));
        out.push(feature(5, &[prev, prev2]));
        out.push(f6);
        out.push(f7);
        out.push(feature(8, &[before]));
        out.push(feature(9, &[suffix(before, 3)]));
        out.push(feature(10, &[self.word(ii - 2)]));
        out.push(feature(11, &[after]));
        out.push(feature(12, &[suffix(after, 3)]));
        out.push(feature(13, &[self.word(ii + 2)]));
        out.push(f14);
        out.push(feature_part(f15, if i == 0 { "first" } else { "inner" }));
        out.push(feature(16, &[suffix(w, 2)]));
        out.push(feature_part(f17, after));
        out.push(f18);
        out.push(feature_part(f19, next_shape));
    }
}
