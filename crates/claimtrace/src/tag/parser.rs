//! The dependency parser: arc-hybrid transitions, an averaged perceptron
//! and greedy decoding, after Honnibal's "Parsing English in 500 lines of
//! Python", with labelled arcs (Universal Dependencies base relations).
//!
//! Training uses the static oracle; sentences whose trees are not
//! projective are skipped, since the oracle cannot reach them.

use super::conllu::TreeSentence;
use super::perceptron::{argmax, feature, Model, Rng, Trainer};
use super::tagger::normalize;

/// The Universal Dependencies base relations, in model label order.
pub const RELATIONS: [&str; 37] = [
    "acl",
    "advcl",
    "advmod",
    "amod",
    "appos",
    "aux",
    "case",
    "cc",
    "ccomp",
    "clf",
    "compound",
    "conj",
    "cop",
    "csubj",
    "dep",
    "det",
    "discourse",
    "dislocated",
    "expl",
    "fixed",
    "flat",
    "goeswith",
    "iobj",
    "list",
    "mark",
    "nmod",
    "nsubj",
    "nummod",
    "obj",
    "obl",
    "orphan",
    "parataxis",
    "punct",
    "reparandum",
    "root",
    "vocative",
    "xcomp",
];

/// A parse: head (`None` for the root) and relation index per word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parse {
    pub heads: Vec<Option<usize>>,
    pub rels: Vec<usize>,
}

const SHIFT: usize = 0;

/// Parses one sentence of `words` with their UPOS `tags`. An empty model
/// gives an empty parse.
pub fn parse(model: &Model, words: &[&str], tags: &[&str]) -> Parse {
    let n = words.len();
    if model.is_empty() || n == 0 || tags.len() != n {
        return Parse { heads: Vec::new(), rels: Vec::new() };
    }
    let context = Context::new(words, tags);
    let mut state = State::new(n);
    let mut features = Vec::with_capacity(64);
    let mut scores = vec![0.0; model.classes.len()];
    while !state.done() {
        context.features(&state, &mut features);
        model.score(&features, &mut scores);
        let best = argmax(&scores, |c| state.valid(c));
        state.apply(best);
    }
    state.finish()
}

/// Trains the parser on `sentences` (with the tags in `tags`, usually the
/// tagger's output) for `iterations` passes shuffled with `seed`.
pub fn train(
    sentences: &[TreeSentence],
    tags: &[Vec<String>],
    iterations: usize,
    seed: u64,
) -> Vec<u8> {
    let mut classes = vec!["SHIFT".to_string()];
    for r in RELATIONS {
        classes.push(format!("L-{r}"));
        classes.push(format!("R-{r}"));
    }
    let mut trainer = Trainer::new(classes);
    let usable: Vec<usize> = (0..sentences.len())
        .filter(|&s| !sentences[s].words.is_empty() && projective(&sentences[s].heads))
        .collect();
    let mut order = usable;
    let mut rng = Rng::new(seed);
    let mut features = Vec::with_capacity(64);
    for _ in 0..iterations {
        rng.shuffle(&mut order);
        for &s in &order {
            let sentence = &sentences[s];
            let words: Vec<&str> = sentence.words.iter().map(String::as_str).collect();
            let sent_tags: Vec<&str> = tags[s].iter().map(String::as_str).collect();
            let rels: Vec<usize> = sentence
                .rels
                .iter()
                .map(|r| RELATIONS.iter().position(|x| x == r).unwrap_or(14))
                .collect();
            let context = Context::new(&words, &sent_tags);
            let mut state = State::new(words.len());
            while !state.done() {
                context.features(&state, &mut features);
                let Some(truth) = state.oracle(&sentence.heads, &rels) else { break };
                let mut scores = vec![0.0; trainer.n_classes()];
                trainer.score(&features, &mut scores);
                let guess = argmax(&scores, |c| state.valid(c));
                trainer.update(&features, truth, guess);
                // Follow the gold path (static oracle).
                state.apply(truth);
            }
        }
    }
    trainer.encode(0.05)
}

/// Whether a tree has no crossing arcs (counting the root's arc).
fn projective(heads: &[Option<usize>]) -> bool {
    let n = heads.len();
    let arcs: Vec<(usize, usize)> = heads
        .iter()
        .enumerate()
        .map(|(d, h)| {
            let h = h.map_or(n, |h| h);
            (d.min(h), d.max(h))
        })
        .collect();
    for &(a, b) in &arcs {
        for &(c, d) in &arcs {
            if a < c && c < b && b < d {
                return false;
            }
        }
    }
    true
}

struct State {
    n: usize,
    stack: Vec<usize>,
    next: usize,
    heads: Vec<Option<usize>>,
    rels: Vec<usize>,
    lefts: Vec<Vec<usize>>,
    rights: Vec<Vec<usize>>,
}

impl State {
    fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::new(),
            next: 0,
            heads: vec![None; n],
            rels: vec![34; n],
            lefts: vec![Vec::new(); n],
            rights: vec![Vec::new(); n],
        }
    }

    fn done(&self) -> bool {
        self.next >= self.n && self.stack.len() <= 1
    }

    fn valid(&self, class: usize) -> bool {
        if class == SHIFT {
            return self.next < self.n;
        }
        if (class - 1) % 2 == 0 {
            // Left arc: s0 <- n0.
            !self.stack.is_empty() && self.next < self.n
        } else {
            self.stack.len() >= 2
        }
    }

    fn apply(&mut self, class: usize) {
        if class == SHIFT {
            self.stack.push(self.next);
            self.next += 1;
            return;
        }
        let rel = (class - 1) / 2;
        let child = self.stack.pop().expect("valid moves only");
        let head = if (class - 1) % 2 == 0 { self.next } else { *self.stack.last().unwrap() };
        self.heads[child] = Some(head);
        self.rels[child] = rel;
        if child < head {
            self.lefts[head].push(child);
        } else {
            self.rights[head].push(child);
        }
    }

    /// The static oracle's move, or `None` when the gold tree is out of
    /// reach.
    fn oracle(&self, gold: &[Option<usize>], rels: &[usize]) -> Option<usize> {
        if let Some(&s0) = self.stack.last() {
            let attached =
                |w: usize| (0..self.n).all(|d| gold[d] != Some(w) || self.heads[d] == Some(w));
            if self.next < self.n && gold[s0] == Some(self.next) {
                return Some(1 + 2 * rels[s0]);
            }
            if self.stack.len() >= 2
                && gold[s0] == Some(self.stack[self.stack.len() - 2])
                && attached(s0)
            {
                return Some(2 + 2 * rels[s0]);
            }
        }
        if self.next < self.n {
            return Some(SHIFT);
        }
        None
    }

    fn finish(mut self) -> Parse {
        if let Some(&root) = self.stack.first() {
            self.heads[root] = None;
            self.rels[root] = 34;
        }
        Parse { heads: self.heads, rels: self.rels }
    }
}

struct Context<'a> {
    norm: Vec<String>,
    tags: &'a [&'a str],
}

impl<'a> Context<'a> {
    fn new(words: &[&str], tags: &'a [&'a str]) -> Context<'a> {
        Context { norm: words.iter().map(|w| normalize(w)).collect(), tags }
    }

    fn features(&self, state: &State, out: &mut Vec<u64>) {
        out.clear();
        let word = |i: Option<usize>| i.map_or("-NONE-", |i| self.norm[i].as_str());
        let tag = |i: Option<usize>| i.map_or("-NONE-", |i| self.tags[i]);
        let rel = |i: Option<usize>| i.map_or("-NONE-", |i| RELATIONS[state.rels[i]]);
        let depth = state.stack.len();
        let s0 = depth.checked_sub(1).map(|i| state.stack[i]);
        let s1 = depth.checked_sub(2).map(|i| state.stack[i]);
        let s2 = depth.checked_sub(3).map(|i| state.stack[i]);
        let n0 = (state.next < state.n).then_some(state.next);
        let n1 = (state.next + 1 < state.n).then_some(state.next + 1);
        let n2 = (state.next + 2 < state.n).then_some(state.next + 2);
        let first = |v: &Vec<usize>| v.iter().min().copied();
        let last = |v: &Vec<usize>| v.iter().max().copied();
        let s0l = s0.and_then(|i| first(&state.lefts[i]));
        let s0r = s0.and_then(|i| last(&state.rights[i]));
        let s0r2 = s0.and_then(|i| {
            let mut r = state.rights[i].clone();
            r.sort_unstable();
            r.len().checked_sub(2).map(|k| r[k])
        });
        let n0l = n0.and_then(|i| first(&state.lefts[i]));
        let n0l2 = n0.and_then(|i| {
            let mut l = state.lefts[i].clone();
            l.sort_unstable();
            l.get(1).copied()
        });
        let s1r = s1.and_then(|i| last(&state.rights[i]));
        let dist = match (s0, n0) {
            (Some(a), Some(b)) => (b - a).min(5).to_string(),
            _ => "0".to_string(),
        };
        let vl = |i: Option<usize>| i.map_or(0, |i| state.lefts[i].len().min(4)).to_string();
        let vr = |i: Option<usize>| i.map_or(0, |i| state.rights[i].len().min(4)).to_string();
        let (vs0l, vs0r, vn0l) = (vl(s0), vr(s0), vl(n0));

        out.push(feature(0, &[]));
        // Unigrams.
        for (t, i) in [(1, s0), (2, s1), (3, s2), (4, n0), (5, n1), (6, n2)] {
            out.push(feature(t, &[word(i)]));
            out.push(feature(t + 10, &[tag(i)]));
            out.push(feature(t + 20, &[word(i), tag(i)]));
        }
        for (t, i) in [(30, s0l), (31, s0r), (32, n0l), (33, n0l2), (34, s0r2), (35, s1r)] {
            out.push(feature(t, &[word(i)]));
            out.push(feature(t + 10, &[tag(i)]));
            out.push(feature(t + 20, &[rel(i)]));
        }
        // Bigrams.
        out.push(feature(60, &[word(s0), word(n0)]));
        out.push(feature(61, &[tag(s0), tag(n0)]));
        out.push(feature(62, &[word(s0), tag(s0), tag(n0)]));
        out.push(feature(63, &[tag(s0), word(n0), tag(n0)]));
        out.push(feature(64, &[word(s0), tag(s0), word(n0), tag(n0)]));
        out.push(feature(65, &[tag(n0), tag(n1)]));
        out.push(feature(66, &[tag(s0), tag(s1)]));
        out.push(feature(67, &[word(s0), word(s1)]));
        out.push(feature(68, &[word(s1), tag(s0)]));
        out.push(feature(69, &[tag(s1), word(s0)]));
        // Trigrams.
        out.push(feature(70, &[tag(n0), tag(n1), tag(n2)]));
        out.push(feature(71, &[tag(s0), tag(n0), tag(n1)]));
        out.push(feature(72, &[tag(s0), tag(s1), tag(n0)]));
        out.push(feature(73, &[tag(s0), tag(s0l), tag(n0)]));
        out.push(feature(74, &[tag(s0), tag(s0r), tag(n0)]));
        out.push(feature(75, &[tag(s0), tag(n0), tag(n0l)]));
        out.push(feature(76, &[tag(s0), tag(s1), tag(s2)]));
        out.push(feature(77, &[tag(s0), tag(s1), tag(s1r)]));
        out.push(feature(78, &[tag(s0), rel(s0l), rel(s0r)]));
        out.push(feature(79, &[tag(n0), rel(n0l), rel(n0l2)]));
        // Distance and valency.
        out.push(feature(80, &[word(s0), &dist]));
        out.push(feature(81, &[tag(s0), &dist]));
        out.push(feature(82, &[word(n0), &dist]));
        out.push(feature(83, &[tag(n0), &dist]));
        out.push(feature(84, &[tag(s0), tag(n0), &dist]));
        out.push(feature(85, &[word(s0), &vs0r]));
        out.push(feature(86, &[tag(s0), &vs0r]));
        out.push(feature(87, &[word(s0), &vs0l]));
        out.push(feature(88, &[tag(s0), &vs0l]));
        out.push(feature(89, &[word(n0), &vn0l]));
        out.push(feature(90, &[tag(n0), &vn0l]));
        out.push(feature(
            91,
            &[tag(s0), tag(n0), if state.next >= state.n { "end" } else { "in" }],
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projectivity() {
        assert!(projective(&[Some(1), None, Some(1)]));
        assert!(!projective(&[Some(2), Some(3), None, Some(2)]));
    }
}
