//! The named-entity recognizer: a greedy left-to-right averaged perceptron
//! over BILOU labels for PERSON, ORG and PLACE, with word, shape, affix,
//! POS, context and gazetteer features. Decoding only allows label
//! sequences that BILOU admits.

use super::gazetteer::{Gazetteer, NameList};
use crate::doc::EntityKind;
use crate::tag::conllu::TreeSentence;
use crate::tag::forms::{Forms, Sentence};
use crate::tag::perceptron::{
    argmax, feature, feature_part, feature_parts, feature_start, Model, Rng, Trainer,
};
use crate::tag::tagger::suffix;

/// The entity types the model predicts.
pub const KINDS: [&str; 3] = ["PERSON", "ORG", "PLACE"];

/// The name lists the recognizer reads as features: the hand-written
/// [`GAZETTEER`](super::gazetteer::GAZETTEER) and the names from data,
/// [`NAMES`](super::gazetteer::NAMES).
#[derive(Clone, Copy)]
pub struct Gazetteers<'g> {
    pub listed: &'g Gazetteer,
    pub harvested: &'g NameList,
}

impl Gazetteers<'static> {
    /// The shipped lists.
    pub fn shipped() -> Gazetteers<'static> {
        Gazetteers { listed: &super::gazetteer::GAZETTEER, harvested: &super::gazetteer::NAMES }
    }
}

/// A predicted span: words `start..end` and an index into [`KINDS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NerSpan {
    pub start: usize,
    pub end: usize,
    pub kind: usize,
}

fn classes() -> Vec<String> {
    let mut out = vec!["O".to_string()];
    for k in KINDS {
        for p in ["B", "I", "L", "U"] {
            out.push(format!("{p}-{k}"));
        }
    }
    out
}

/// The BILOU prefix and kind of a class index (`O` is `('O', 0)`).
fn split_class(class: usize) -> (char, usize) {
    if class == 0 {
        return ('O', 0);
    }
    let p = ['B', 'I', 'L', 'U'][(class - 1) % 4];
    (p, (class - 1) / 4)
}

/// Whether `class` may follow `prev` in BILOU.
fn allowed(prev: usize, class: usize) -> bool {
    let (pp, pk) = split_class(prev);
    let (cp, ck) = split_class(class);
    let inside = matches!(pp, 'B' | 'I');
    match cp {
        'I' | 'L' => inside && pk == ck,
        _ => !inside,
    }
}

/// Whether a label sequence may end after `prev`.
fn may_end(prev: usize) -> bool {
    !matches!(split_class(prev).0, 'B' | 'I')
}

/// Finds entity spans in one sentence of `words` with their UPOS `tags`.
pub fn recognize(
    model: &Model,
    gazetteers: Gazetteers<'_>,
    words: &[&str],
    tags: &[&str],
) -> Vec<NerSpan> {
    if model.is_empty() || words.is_empty() || tags.len() != words.len() {
        return Vec::new();
    }
    let forms = Forms::of(words.iter().copied());
    recognize_sentence(model, gazetteers, &Sentence::new(words, &forms, 0..words.len()), tags)
}

/// [`recognize`] over a sentence whose words' forms were made already
/// (a document's, by the tagger).
pub(crate) fn recognize_sentence(
    model: &Model,
    gazetteers: Gazetteers<'_>,
    sentence: &Sentence<'_>,
    tags: &[&str],
) -> Vec<NerSpan> {
    let words = sentence.words;
    if model.is_empty() || words.is_empty() || tags.len() != words.len() {
        return Vec::new();
    }
    let context = Context::new(gazetteers, sentence, tags);
    let mut labels: Vec<usize> = Vec::with_capacity(words.len());
    let mut features = Vec::with_capacity(48);
    let mut scores = vec![0.0; model.classes.len()];
    for i in 0..words.len() {
        context.features(i, &labels, &mut features);
        model.score(&features, &mut scores);
        let prev = labels.last().copied().unwrap_or(0);
        let last = i + 1 == words.len();
        let best = argmax(&scores, |c| allowed(prev, c) && (!last || may_end(c)));
        labels.push(best);
    }
    spans(&labels)
}

fn spans(labels: &[usize]) -> Vec<NerSpan> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &l) in labels.iter().enumerate() {
        let (p, k) = split_class(l);
        match p {
            'U' => out.push(NerSpan { start: i, end: i + 1, kind: k }),
            'B' => start = Some(i),
            'L' => {
                if let Some(s) = start.take() {
                    out.push(NerSpan { start: s, end: i + 1, kind: k });
                }
            }
            _ => {}
        }
    }
    out
}

/// BIO labels (`B-ORG`) to BILOU class indices.
fn bilou(ner: &[String]) -> Vec<usize> {
    let kinds: Vec<Option<(bool, usize)>> = ner
        .iter()
        .map(|l| {
            let (p, k) = l.split_once('-')?;
            Some((p == "B", KINDS.iter().position(|&x| x == k)?))
        })
        .collect();
    let mut out = Vec::with_capacity(ner.len());
    for i in 0..kinds.len() {
        let Some((begins, k)) = kinds[i] else {
            out.push(0);
            continue;
        };
        let starts = begins || i == 0 || kinds[i - 1].is_none_or(|(_, pk)| pk != k);
        let continues = matches!(kinds.get(i + 1), Some(Some((false, nk))) if *nk == k);
        let p = match (starts, continues) {
            (true, false) => 3,
            (true, true) => 0,
            (false, true) => 1,
            (false, false) => 2,
        };
        out.push(1 + 4 * k + p);
    }
    out
}

/// Trains the recognizer on sentences with BIO labels in `ner` and tags in
/// `tags`, for `iterations` passes shuffled with `seed`.
pub fn train(
    sentences: &[TreeSentence],
    tags: &[Vec<String>],
    gazetteers: Gazetteers<'_>,
    iterations: usize,
    seed: u64,
) -> Vec<u8> {
    let mut trainer = Trainer::new(classes());
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Rng::new(seed);
    let mut features = Vec::with_capacity(48);
    let mut scores = vec![0.0; trainer.n_classes()];
    for _ in 0..iterations {
        rng.shuffle(&mut order);
        for &s in &order {
            let sentence = &sentences[s];
            if sentence.ner.len() != sentence.words.len() {
                continue;
            }
            let words: Vec<&str> = sentence.words.iter().map(String::as_str).collect();
            let sent_tags: Vec<&str> = tags[s].iter().map(String::as_str).collect();
            let gold = bilou(&sentence.ner);
            let forms = Forms::of(words.iter().copied());
            let sentence = Sentence::new(&words, &forms, 0..words.len());
            let context = Context::new(gazetteers, &sentence, &sent_tags);
            let mut labels = Vec::with_capacity(words.len());
            for (i, &truth) in gold.iter().enumerate() {
                context.features(i, &labels, &mut features);
                scores.iter_mut().for_each(|x| *x = 0.0);
                trainer.score(&features, &mut scores);
                let prev = labels.last().copied().unwrap_or(0);
                let guess = argmax(&scores, |c| allowed(prev, c));
                trainer.update(&features, truth, guess);
                labels.push(guess);
            }
        }
    }
    trainer.encode(0.05)
}

/// The gazetteer feature of each of `len` words, from the names matched
/// over them: (start, end, type).
fn gaz_labels(
    len: usize,
    matches: impl IntoIterator<Item = (usize, usize, EntityKind)>,
) -> Vec<&'static str> {
    let mut out = vec!["-"; len];
    for (start, end, kind) in matches {
        for (k, slot) in out[start..end].iter_mut().enumerate() {
            *slot = gaz_label(kind, k == 0);
        }
    }
    out
}

/// The gazetteer feature of a word in a listed name: its type, after `B-`
/// on the name's first word and `I-` on the others.
fn gaz_label(kind: EntityKind, first: bool) -> &'static str {
    use EntityKind::*;
    match (kind, first) {
        (Person, true) => "B-PERSON",
        (Person, false) => "I-PERSON",
        (Org, true) => "B-ORG",
        (Org, false) => "I-ORG",
        (Gpe, true) => "B-GPE",
        (Gpe, false) => "I-GPE",
        (Loc, true) => "B-LOC",
        (Loc, false) => "I-LOC",
        (Fac, true) => "B-FAC",
        (Fac, false) => "I-FAC",
        (Norp, true) => "B-NORP",
        (Norp, false) => "I-NORP",
        (Event, true) => "B-EVENT",
        (Event, false) => "I-EVENT",
        (Product, true) => "B-PRODUCT",
        (Product, false) => "I-PRODUCT",
        (Other, true) => "B-OTHER",
        (Other, false) => "I-OTHER",
    }
}

struct Context<'a> {
    words: &'a [&'a str],
    norm: &'a [&'a str],
    shape: &'a [&'a str],
    tags: &'a [&'a str],
    /// Gazetteer type and position (`B-GPE`, `I-ORG`) of each word.
    gaz: Vec<&'static str>,
    /// The same from the names harvested from data.
    names: Vec<&'static str>,
}

impl<'a> Context<'a> {
    fn new(
        gazetteers: Gazetteers<'_>,
        sentence: &'a Sentence<'a>,
        tags: &'a [&'a str],
    ) -> Context<'a> {
        let words = sentence.words;
        let listed = gazetteers.listed;
        let listed_matches =
            listed.find(words).into_iter().map(|m| (m.start, m.end, listed.entries[m.entry].kind));
        Context {
            words,
            norm: &sentence.norm,
            shape: &sentence.shape,
            tags,
            gaz: gaz_labels(words.len(), listed_matches),
            names: gaz_labels(words.len(), gazetteers.harvested.find(words)),
        }
    }

    fn features(&self, i: usize, labels: &[usize], out: &mut Vec<u64>) {
        out.clear();
        let at = |k: isize| -> Option<usize> {
            let j = i as isize + k;
            (j >= 0 && (j as usize) < self.words.len()).then_some(j as usize)
        };
        let norm = |k: isize| at(k).map_or("-PAD-", |j| self.norm[j]);
        let tag = |k: isize| at(k).map_or("-PAD-", |j| self.tags[j]);
        let shp = |k: isize| at(k).map_or("-PAD-", |j| self.shape[j]);
        let gaz = |k: isize| at(k).map_or("-PAD-", |j| self.gaz[j]);
        let names = |k: isize| at(k).map_or("-PAD-", |j| self.names[j]);
        let label_name = |k: usize| -> &'static str {
            const NAMES: [&str; 13] = [
                "O", "B-PERSON", "I-PERSON", "L-PERSON", "U-PERSON", "B-ORG", "I-ORG", "L-ORG",
                "U-ORG", "B-PLACE", "I-PLACE", "L-PLACE", "U-PLACE",
            ];
            labels.len().checked_sub(k).map_or("-START-", |j| NAMES[labels[j]])
        };
        let w = self.words[i];
        const LENGTHS: [&str; 9] = ["0", "1", "2", "3", "4", "5", "6", "7", "8"];
        let (label1, label2) = (label_name(1), label_name(2));
        let start = feature_start;
        // Every hash is `feature(template, parts)`; parts that several
        // templates append next are hashed for all of them in one pass
        // over their bytes (`feature_parts`).
        let [f2, f18, f22, f26, f23] = feature_parts(
            [
                start(2),
                feature_part(start(18), label1),
                feature_part(start(22), norm(-1)),
                feature_part(start(26), tag(-1)),
                start(23),
            ],
            norm(0),
        );
        let [f3, f13, f17, f21, f24, f28, f14] = feature_parts(
            [
                start(3),
                feature_part(start(13), shp(-1)),
                feature_part(start(17), label1),
                feature_part(start(21), gaz(0)),
                feature_part(start(24), if i == 0 { "first" } else { "inner" }),
                feature_part(start(28), LENGTHS[w.len().min(8)]),
                start(14),
            ],
            shp(0),
        );
        let [f6, f11, f27, f12] = feature_parts(
            [
                start(6),
                feature_part(start(11), tag(-1)),
                feature_part(start(27), label1),
                start(12),
            ],
            tag(0),
        );
        out.push(feature(0, &[]));
        out.push(feature(1, &[w]));
        out.push(f2);
        out.push(f3);
        out.push(feature(4, &[suffix(self.norm[i], 3)]));
        out.push(feature(5, &[suffix(self.norm[i], 2)]));
        out.push(f6);
        out.push(feature(7, &[norm(-1)]));
        out.push(feature(8, &[norm(1)]));
        out.push(feature(9, &[norm(-2)]));
        out.push(feature(10, &[norm(2)]));
        out.push(f11);
        out.push(feature_part(f12, tag(1)));
        out.push(f13);
        out.push(feature_part(f14, shp(1)));
        out.push(feature(15, &[label1]));
        out.push(feature(16, &[label1, label2]));
        out.push(f17);
        out.push(f18);
        out.push(feature(19, &[gaz(0)]));
        out.push(feature(20, &[gaz(-1), gaz(0), gaz(1)]));
        out.push(f21);
        out.push(f22);
        out.push(feature_part(f23, norm(1)));
        out.push(f24);
        let prefix3 = crate::chars::first_chars(self.norm[i], 3);
        out.push(feature(25, &[prefix3]));
        out.push(f26);
        out.push(f27);
        out.push(f28);
        out.push(feature(29, &[names(0)]));
        out.push(feature(30, &[names(-1), names(0), names(1)]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_to_bilou_and_back() {
        let bio: Vec<String> = ["B-PERSON", "I-PERSON", "O", "B-PLACE", "B-ORG", "I-ORG", "I-ORG"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let labels = bilou(&bio);
        assert_eq!(
            spans(&labels),
            vec![
                NerSpan { start: 0, end: 2, kind: 0 },
                NerSpan { start: 3, end: 4, kind: 2 },
                NerSpan { start: 4, end: 7, kind: 1 },
            ]
        );
        assert!(labels.windows(2).all(|w| allowed(w[0], w[1])));
    }
}

#[cfg(test)]
mod gaz_label_tests {
    use super::*;

    #[test]
    fn gaz_labels_spell_the_kind() {
        use EntityKind::*;
        for kind in [Person, Org, Gpe, Loc, Fac, Norp, Event, Product, Other] {
            assert_eq!(gaz_label(kind, true), format!("B-{}", kind.as_str()));
            assert_eq!(gaz_label(kind, false), format!("I-{}", kind.as_str()));
        }
    }
}
