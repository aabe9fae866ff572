//! The dependency parser: arc-hybrid transitions, an averaged perceptron
//! and greedy decoding, after Honnibal's "Parsing English in 500 lines of
//! Python", with labelled arcs (Universal Dependencies base relations).
//!
//! Training uses the static oracle; sentences whose trees are not
//! projective are skipped, since the oracle cannot reach them.

use super::conllu::TreeSentence;
use super::perceptron::{
    argmax, feature, feature_part, feature_parts, feature_start, Direct, Model, Rng, Trainer, LANES,
};
use super::tagger::{normalize, UPOS};
use crate::doc::Rel;

/// The Universal Dependencies base relations' names, in model label
/// order ([`Rel`]).
pub const RELATIONS: [&str; 37] = Rel::NAMES;

/// A parse: head (`None` for the root) and relation index per word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parse {
    pub heads: Vec<Option<usize>>,
    pub rels: Vec<usize>,
}

const SHIFT: usize = 0;

/// A parsing model, with the features whose parts come from small sets
/// (tags, relations, distances: [`Small`]) copied out of its table into
/// one they are found in by number ([`Direct`]): made once (a few
/// thousand lookups), then used for every sentence.
pub struct Parser<'m> {
    model: &'m Model,
    small: Direct,
}

impl<'m> Parser<'m> {
    pub fn new(model: &'m Model) -> Parser<'m> {
        let small = match model.is_empty() {
            true => Direct::default(),
            false => model.direct(Small::features()),
        };
        Parser { model, small }
    }

    /// Parses one sentence of `words` with their UPOS `tags`. An empty
    /// model gives an empty parse.
    pub fn parse(&self, words: &[&str], tags: &[&str]) -> Parse {
        let norm: Vec<String> = words.iter().map(|w| normalize(w)).collect();
        self.parse_normalized(&norm.iter().map(String::as_str).collect::<Vec<_>>(), tags)
    }

    /// [`Parser::parse`] of words given in their normalised forms
    /// ([`normalize`]: a document's, made once by the tagger).
    pub(crate) fn parse_normalized(&self, norm: &[&str], tags: &[&str]) -> Parse {
        let model = self.model;
        let n = norm.len();
        if model.is_empty() || n == 0 || tags.len() != n {
            return Parse { heads: Vec::new(), rels: Vec::new() };
        }
        self.run(&Context::new(norm, tags))
    }

    /// Parses the sentence of `context` (not empty).
    fn run(&self, context: &Context<'_>) -> Parse {
        let model = self.model;
        let mut state = State::new(context.norm.len());
        let mut features = Features::default();
        let n_classes = model.classes.len();
        let mut acc = vec![[0i32; LANES]; model.width()];
        while !state.done() {
            // With the stack empty, SHIFT is the only move: nothing to score.
            if state.stack.is_empty() {
                state.apply(SHIFT);
                continue;
            }
            context.features(&state, &mut features);
            acc.fill([0; LANES]);
            model.add_with(&features.hashed, &self.small, &features.small, &mut acc);
            let best = best_valid(&acc.as_flattened()[..n_classes], &state);
            state.apply(best);
        }
        state.finish()
    }
}

/// A transition's features: hashed, and numbered in [`Small`]'s layout.
#[derive(Default)]
struct Features {
    hashed: Vec<u64>,
    small: Vec<u32>,
}

/// The features of small sets, numbered: each template's block of every
/// combination of its parts (tags as [`tag_id`]s, relations as indices
/// into [`RELATIONS`] with [`NO_REL`] for none, distances and valencies as
/// [`DIGITS`] indices, and whether the buffer is empty).
struct Small;

/// Tags the small features number: the UPOS tags and `-NONE-`.
const N_TAGS: usize = UPOS.len() + 1;
/// The number of "no relation" (a missing child).
const NO_REL: usize = RELATIONS.len();
const N_RELS: usize = RELATIONS.len() + 1;

impl Small {
    /// Templates 11..=16: the tag of s0, s1, s2, n0, n1, n2 (`r`).
    const TAG_AT: usize = 0;
    /// Templates 40..=45: the tag of the child at position `r`.
    const CHILD_TAG: usize = Self::TAG_AT + 6 * N_TAGS;
    /// Templates 50..=55: the relation of the child at position `r`.
    const CHILD_REL: usize = Self::CHILD_TAG + 6 * N_TAGS;
    /// Template 61: s0's tag, n0's tag.
    const S0_N0: usize = Self::CHILD_REL + 6 * N_RELS;
    /// Template 65: n0's tag, n1's tag.
    const N0_N1: usize = Self::S0_N0 + N_TAGS * N_TAGS;
    /// Template 66: s0's tag, s1's tag.
    const S0_S1: usize = Self::N0_N1 + N_TAGS * N_TAGS;
    /// Template 81: s0's tag, the distance.
    const S0_DIST: usize = Self::S0_S1 + N_TAGS * N_TAGS;
    /// Template 83: n0's tag, the distance.
    const N0_DIST: usize = Self::S0_DIST + N_TAGS * 6;
    /// Template 84: s0's tag, n0's tag, the distance.
    const S0_N0_DIST: usize = Self::N0_DIST + N_TAGS * 6;
    /// Template 86: s0's tag, its right valency.
    const S0_RIGHTS: usize = Self::S0_N0_DIST + N_TAGS * N_TAGS * 6;
    /// Template 88: s0's tag, its left valency.
    const S0_LEFTS: usize = Self::S0_RIGHTS + N_TAGS * 5;
    /// Template 90: n0's tag, its left valency.
    const N0_LEFTS: usize = Self::S0_LEFTS + N_TAGS * 5;
    /// Template 91: s0's tag, n0's tag, whether the buffer is empty.
    const S0_N0_END: usize = Self::N0_LEFTS + N_TAGS * 5;
    const LEN: usize = Self::S0_N0_END + N_TAGS * N_TAGS * 2;

    /// Every small feature's hash, in the layout's order.
    fn features() -> Vec<u64> {
        let tag = |t: usize| UPOS.get(t).copied().unwrap_or("-NONE-");
        let rel = |r: usize| RELATIONS.get(r).copied().unwrap_or("-NONE-");
        let tags = || 0..N_TAGS;
        let pairs = || tags().flat_map(|a| tags().map(move |b| (tag(a), tag(b))));
        let mut out = Vec::with_capacity(Self::LEN);
        for t in [11u8, 40] {
            for r in 0..6 {
                out.extend(tags().map(|a| feature(t + r, &[tag(a)])));
            }
        }
        for r in 0..6 {
            out.extend((0..N_RELS).map(|k| feature(50 + r, &[rel(k)])));
        }
        for t in [61, 65, 66] {
            out.extend(pairs().map(|(a, b)| feature(t, &[a, b])));
        }
        for t in [81, 83] {
            out.extend(tags().flat_map(|a| DIGITS.iter().map(move |d| feature(t, &[tag(a), d]))));
        }
        out.extend(pairs().flat_map(|(a, b)| DIGITS.iter().map(move |d| feature(84, &[a, b, d]))));
        for t in [86, 88, 90] {
            out.extend(
                tags().flat_map(|a| DIGITS[..5].iter().map(move |d| feature(t, &[tag(a), d]))),
            );
        }
        out.extend(pairs().flat_map(|(a, b)| ["end", "in"].map(|e| feature(91, &[a, b, e]))));
        debug_assert_eq!(out.len(), Self::LEN);
        out
    }
}

/// The number of a tag among [`N_TAGS`], `None` for a tag outside them.
fn tag_id(tag: &str) -> Option<u8> {
    match tag {
        "-NONE-" => Some(UPOS.len() as u8),
        _ => UPOS.iter().position(|&t| t == tag).map(|i| i as u8),
    }
}

/// `argmax(scores, |c| state.valid(c))` over the summed weights `sums` (in
/// units of the model's scale; the scores are these times one positive
/// scale, exactly for sums below 2^24, so the order and ties are the
/// same), in two passes that vectorize: the highest valid sum, then the
/// first valid class that has it.
fn best_valid(sums: &[i32], state: &State) -> usize {
    // Validity by kind: SHIFT, left arcs (odd classes), right arcs (even).
    let kinds = [state.valid(SHIFT), state.valid(1), state.valid(2)];
    let kind = |c: usize| if c == SHIFT { 0 } else { 2 - (c & 1) };
    let masked = |c: usize, s: i32| if kinds[kind(c)] { s } else { i32::MIN };
    let max = sums.iter().enumerate().map(|(c, &s)| masked(c, s)).max().unwrap_or(i32::MIN);
    sums.iter().enumerate().position(|(c, &s)| kinds[kind(c)] && s == max).unwrap_or(0)
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
    let mut features = Features::default();
    for _ in 0..iterations {
        rng.shuffle(&mut order);
        for &s in &order {
            let sentence = &sentences[s];
            let norm: Vec<String> = sentence.words.iter().map(|w| normalize(w)).collect();
            let normalized: Vec<&str> = norm.iter().map(String::as_str).collect();
            let sent_tags: Vec<&str> = tags[s].iter().map(String::as_str).collect();
            let rels: Vec<usize> = sentence
                .rels
                .iter()
                .map(|r| RELATIONS.iter().position(|x| x == r).unwrap_or(14))
                .collect();
            // Every feature hashed, as the trainer keeps them.
            let context = Context { tag_ids: None, ..Context::new(&normalized, &sent_tags) };
            let mut state = State::new(normalized.len());
            while !state.done() {
                context.features(&state, &mut features);
                let features = &features.hashed;
                let Some(truth) = state.oracle(&sentence.heads, &rels) else { break };
                let mut scores = vec![0.0; trainer.n_classes()];
                trainer.score(features, &mut scores);
                let guess = argmax(&scores, |c| state.valid(c));
                trainer.update(features, truth, guess);
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
        if (class - 1).is_multiple_of(2) {
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
        let head =
            if (class - 1).is_multiple_of(2) { self.next } else { *self.stack.last().unwrap() };
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

/// Per-sentence feature context: normalised words and tags, and the hashes
/// of every feature part that depends on one token only, computed once per
/// token instead of once per transition. Index `n` stands for "no token".
struct Context<'a> {
    norm: &'a [&'a str],
    tags: &'a [&'a str],
    /// Per token (and `n` for none): its tag's [`tag_id`], when every tag
    /// has one (`None` otherwise: the small features are hashed then).
    tag_ids: Option<Vec<u8>>,
    /// Per token (and `n` for none): the word, tag and word+tag features of
    /// the six stack and buffer positions (templates 1..=6, 11..=16,
    /// 21..=26), and the word and tag features of the six child positions
    /// (30..=35, 40..=45).
    unigrams: Vec<[u64; 30]>,
    /// Per token: hash states of the multi-part templates after their
    /// leading parts that read one token ([`PREFIXES`]).
    prefixes: Vec<[u64; PREFIXES.len()]>,
}

/// The leading parts of multi-part templates that read one token: the
/// template, and whether the prefix is the word, the tag, or the word and
/// then the tag.
#[derive(Clone, Copy)]
enum Lead {
    Word,
    Tag,
    WordTag,
}

const PREFIXES: [(u8, Lead); 31] = [
    (60, Lead::Word),
    (61, Lead::Tag),
    (62, Lead::WordTag),
    (63, Lead::Tag),
    (64, Lead::WordTag),
    (65, Lead::Tag),
    (66, Lead::Tag),
    (67, Lead::Word),
    (68, Lead::Word),
    (69, Lead::Tag),
    (70, Lead::Tag),
    (71, Lead::Tag),
    (72, Lead::Tag),
    (73, Lead::Tag),
    (74, Lead::Tag),
    (75, Lead::Tag),
    (76, Lead::Tag),
    (77, Lead::Tag),
    (78, Lead::Tag),
    (79, Lead::Tag),
    (80, Lead::Word),
    (81, Lead::Tag),
    (82, Lead::Word),
    (83, Lead::Tag),
    (84, Lead::Tag),
    (85, Lead::Word),
    (86, Lead::Tag),
    (87, Lead::Word),
    (88, Lead::Tag),
    (89, Lead::Word),
    (90, Lead::Tag),
];

/// The templates of [`PREFIXES`] led by the word alone, and by the tag.
const WORD_LEADS: [u8; 8] = [60, 67, 68, 80, 82, 85, 87, 89];
const TAG_LEADS: [u8; 21] =
    [61, 63, 65, 66, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 81, 83, 84, 86, 88, 90];

/// The features and prefixes that read a token's tag alone: templates
/// 11..=16, 40..=45, then the [`TAG_LEADS`] prefixes.
fn tag_hashes_uncached(tag: &str) -> [u64; 12 + TAG_LEADS.len()] {
    let mut out = [0u64; 12 + TAG_LEADS.len()];
    for r in 0..6u8 {
        out[r as usize] = feature(11 + r, &[tag]);
        out[6 + r as usize] = feature(40 + r, &[tag]);
    }
    for (k, &t) in TAG_LEADS.iter().enumerate() {
        out[12 + k] = feature_part(feature_start(t), tag);
    }
    out
}

/// [`tag_hashes_uncached`], from a table for the UPOS tags and `-NONE-`.
fn tag_hashes(tag: &str) -> [u64; 12 + TAG_LEADS.len()] {
    static TABLE: std::sync::LazyLock<Vec<(&'static str, [u64; 12 + TAG_LEADS.len()])>> =
        std::sync::LazyLock::new(|| {
            UPOS.iter().chain(&["-NONE-"]).map(|&t| (t, tag_hashes_uncached(t))).collect()
        });
    match TABLE.iter().find(|(t, _)| *t == tag) {
        Some((_, h)) => *h,
        None => tag_hashes_uncached(tag),
    }
}

/// Small counts as feature parts.
const DIGITS: [&str; 6] = ["0", "1", "2", "3", "4", "5"];

/// Hashes of the relation features of the six child positions (templates
/// 50..=55), per relation, the last for none.
static REL_FEATURES: std::sync::LazyLock<[[u64; RELATIONS.len() + 1]; 6]> =
    std::sync::LazyLock::new(|| {
        let mut out = [[0; RELATIONS.len() + 1]; 6];
        for (r, row) in out.iter_mut().enumerate() {
            for (k, slot) in row.iter_mut().enumerate() {
                let name = RELATIONS.get(k).copied().unwrap_or("-NONE-");
                *slot = feature(50 + r as u8, &[name]);
            }
        }
        out
    });

impl<'a> Context<'a> {
    /// The context of a sentence of words in their normalised forms
    /// ([`normalize`]) with their tags.
    fn new(norm: &'a [&'a str], tags: &'a [&'a str]) -> Context<'a> {
        let n = norm.len();
        // Every template that starts with a token's word, hashed over the
        // word's bytes in one pass: 1..=6, 30..=35, 21..=26 (then the tag),
        // 62 and 64 (then the tag), and the word-led prefixes.
        let mut starts = [0u64; 20 + WORD_LEADS.len()];
        for r in 0..6u8 {
            let k = r as usize;
            starts[k] = feature_start(1 + r);
            starts[6 + k] = feature_start(30 + r);
            starts[12 + k] = feature_start(21 + r);
        }
        starts[18] = feature_start(62);
        starts[19] = feature_start(64);
        for (k, &t) in WORD_LEADS.iter().enumerate() {
            starts[20 + k] = feature_start(t);
        }
        let mut unigrams = Vec::with_capacity(n + 1);
        let mut prefixes = Vec::with_capacity(n + 1);
        let tokens = norm.iter().copied().zip(tags.iter().copied());
        for (word, tag) in tokens.chain([("-NONE-", "-NONE-")]) {
            let ws = feature_parts(starts, word);
            let mut then_tag = [0u64; 8];
            then_tag[..6].copy_from_slice(&ws[12..18]);
            then_tag[6..].copy_from_slice(&ws[18..20]);
            let wt = feature_parts(then_tag, tag);
            let th = tag_hashes(tag);
            let mut u = [0u64; 30];
            u[..6].copy_from_slice(&ws[..6]);
            u[6..12].copy_from_slice(&th[..6]);
            u[12..18].copy_from_slice(&wt[..6]);
            u[18..24].copy_from_slice(&ws[6..12]);
            u[24..30].copy_from_slice(&th[6..12]);
            unigrams.push(u);
            let mut p = [0u64; PREFIXES.len()];
            for (k, &t) in WORD_LEADS.iter().enumerate() {
                p[(t - 60) as usize] = ws[20 + k];
            }
            for (k, &t) in TAG_LEADS.iter().enumerate() {
                p[(t - 60) as usize] = th[12 + k];
            }
            p[2] = wt[6];
            p[4] = wt[7];
            prefixes.push(p);
        }
        let tag_ids = tags.iter().copied().chain(["-NONE-"]).map(tag_id).collect();
        Context { norm, tags, tag_ids, unigrams, prefixes }
    }

    fn features(&self, state: &State, out: &mut Features) {
        out.hashed.clear();
        out.small.clear();
        let n = state.n;
        let none = n;
        let word = |i: usize| if i < n { self.norm[i] } else { "-NONE-" };
        let tag = |i: usize| if i < n { self.tags[i] } else { "-NONE-" };
        let rel = |i: usize| if i < n { RELATIONS[state.rels[i]] } else { "-NONE-" };
        let depth = state.stack.len();
        let at = |k: usize| depth.checked_sub(k).map_or(none, |i| state.stack[i]);
        let (s0, s1, s2) = (at(1), at(2), at(3));
        let next = |k: usize| if state.next + k < n { state.next + k } else { none };
        let (n0, n1, n2) = (next(0), next(1), next(2));
        let lefts = |i: usize| if i < n { state.lefts[i].as_slice() } else { &[] };
        let rights = |i: usize| if i < n { state.rights[i].as_slice() } else { &[] };
        let s0l = lefts(s0).iter().min().copied().unwrap_or(none);
        let s0r = rights(s0).iter().max().copied().unwrap_or(none);
        let s0r2 = second(rights(s0), |a, b| a > b).unwrap_or(none);
        let n0l = lefts(n0).iter().min().copied().unwrap_or(none);
        let n0l2 = second(lefts(n0), |a, b| a < b).unwrap_or(none);
        let s1r = rights(s1).iter().max().copied().unwrap_or(none);
        let dist = if s0 < n && n0 < n { (n0 - s0).min(5) } else { 0 };
        let vl = |i: usize| lefts(i).len().min(4);
        let vr = |i: usize| rights(i).len().min(4);
        let (vs0l, vs0r, vn0l) = (vl(s0), vr(s0), vl(n0));
        let end = state.next >= n;
        let part = feature_part;
        let pre = |i: usize, t: u8| self.prefixes[i][(t - 60) as usize];
        let stack_and_buffer = [s0, s1, s2, n0, n1, n2];
        let children = [s0l, s0r, n0l, n0l2, s0r2, s1r];
        let rel_index = |i: usize| if i < n { state.rels[i] } else { NO_REL };

        let hashed = &mut out.hashed;
        hashed.push(feature(0, &[]));
        // Unigrams.
        for (r, i) in stack_and_buffer.into_iter().enumerate() {
            let u = &self.unigrams[i];
            hashed.extend([u[r], u[12 + r]]);
        }
        for (r, i) in children.into_iter().enumerate() {
            hashed.push(self.unigrams[i][18 + r]);
        }
        // Bigrams, trigrams, distance and valency. Parts shared by several
        // templates are hashed for all of them in one pass over their bytes
        // ([`feature_parts`]); the hashes are those of `feature_part` one
        // template at a time.
        let [f60, w63, w64] = feature_parts([pre(s0, 60), pre(s0, 63), pre(s0, 64)], word(n0));
        let [f62, f63, f64, t71, t75] =
            feature_parts([pre(s0, 62), w63, w64, pre(s0, 71), pre(s0, 75)], tag(n0));
        let [t70, f71] = feature_parts([pre(n0, 70), t71], tag(n1));
        let [t72, t76, t77] = feature_parts([pre(s0, 72), pre(s0, 76), pre(s0, 77)], tag(s1));
        let t73 = part(pre(s0, 73), tag(s0l));
        let t74 = part(pre(s0, 74), tag(s0r));
        let [f72, f73, f74] = feature_parts([t72, t73, t74], tag(n0));
        hashed.extend([f60, f62, f63, f64]);
        hashed.push(part(pre(s0, 67), word(s1)));
        hashed.push(part(pre(s1, 68), tag(s0)));
        hashed.push(part(pre(s1, 69), word(s0)));
        // Trigrams.
        hashed.push(part(t70, tag(n2)));
        hashed.extend([f71, f72, f73, f74]);
        hashed.push(part(t75, tag(n0l)));
        hashed.push(part(t76, tag(s2)));
        hashed.push(part(t77, tag(s1r)));
        hashed.push(part(part(pre(s0, 78), rel(s0l)), rel(s0r)));
        hashed.push(part(part(pre(n0, 79), rel(n0l)), rel(n0l2)));
        // Distance and valency.
        hashed.extend(feature_parts([pre(s0, 80), pre(n0, 82)], DIGITS[dist]));
        hashed.push(part(pre(s0, 85), DIGITS[vs0r]));
        hashed.push(part(pre(s0, 87), DIGITS[vs0l]));
        hashed.push(part(pre(n0, 89), DIGITS[vn0l]));

        // The features of tags, relations and counts alone: by number, or
        // hashed where a tag is not one [`Small`] numbers.
        let Some(ids) = &self.tag_ids else {
            for (r, i) in stack_and_buffer.into_iter().enumerate() {
                hashed.push(self.unigrams[i][6 + r]);
            }
            let rels = &*REL_FEATURES;
            for (r, i) in children.into_iter().enumerate() {
                hashed.extend([self.unigrams[i][24 + r], rels[r][rel_index(i)]]);
            }
            let [f61, t84] = feature_parts([pre(s0, 61), pre(s0, 84)], tag(n0));
            hashed.push(f61);
            hashed.push(part(pre(n0, 65), tag(n1)));
            hashed.push(part(pre(s0, 66), tag(s1)));
            let d = DIGITS[dist];
            hashed.extend(feature_parts([pre(s0, 81), pre(n0, 83), t84], d));
            hashed.push(part(pre(s0, 86), DIGITS[vs0r]));
            hashed.push(part(pre(s0, 88), DIGITS[vs0l]));
            hashed.push(part(pre(n0, 90), DIGITS[vn0l]));
            let end = if end { "end" } else { "in" };
            hashed.push(part(part(part(feature_start(91), tag(s0)), tag(n0)), end));
            return;
        };
        let id = |i: usize| usize::from(ids[i]);
        let small = &mut out.small;
        let mut push = |k: usize| small.push(k as u32);
        for (r, i) in stack_and_buffer.into_iter().enumerate() {
            push(Small::TAG_AT + r * N_TAGS + id(i));
        }
        for (r, i) in children.into_iter().enumerate() {
            push(Small::CHILD_TAG + r * N_TAGS + id(i));
            push(Small::CHILD_REL + r * N_RELS + rel_index(i));
        }
        let (s0, n0) = (id(s0), id(n0));
        let s0_n0 = s0 * N_TAGS + n0;
        [
            Small::S0_N0 + s0_n0,
            Small::N0_N1 + n0 * N_TAGS + id(n1),
            Small::S0_S1 + s0 * N_TAGS + id(s1),
            Small::S0_DIST + s0 * 6 + dist,
            Small::N0_DIST + n0 * 6 + dist,
            Small::S0_N0_DIST + s0_n0 * 6 + dist,
            Small::S0_RIGHTS + s0 * 5 + vs0r,
            Small::S0_LEFTS + s0 * 5 + vs0l,
            Small::N0_LEFTS + n0 * 5 + vn0l,
            Small::S0_N0_END + s0_n0 * 2 + usize::from(!end),
        ]
        .into_iter()
        .for_each(push);
    }
}

/// The second element of `items` in the order `before` gives (the second
/// smallest or largest), without sorting a copy.
fn second(items: &[usize], before: impl Fn(usize, usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    let mut runner: Option<usize> = None;
    for &x in items {
        match best {
            Some(b) if !before(x, b) => {
                if runner.is_none_or(|r| before(x, r)) {
                    runner = Some(x);
                }
            }
            _ => {
                runner = best;
                best = Some(x);
            }
        }
    }
    runner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_features_by_number_score_as_hashed() {
        let parser = Parser::new(&crate::tag::PARSER);
        assert_eq!(parser.small.len(), Small::LEN);
        let sentences: [(&[&str], &[&str]); 3] = [
            (
                &["The", "minister", "said", "on", "Tuesday", "that", "12", "people", "died", "."],
                &["DET", "NOUN", "VERB", "ADP", "PROPN", "SCONJ", "NUM", "NOUN", "VERB", "PUNCT"],
            ),
            (
                &["Kyiv", "rejected", "the", "claims", ",", "officials", "said"],
                &["PROPN", "VERB", "DET", "NOUN", "PUNCT", "NOUN", "VERB"],
            ),
            (&["Hello"], &["INTJ"]),
        ];
        for (words, tags) in sentences {
            let by_number = parser.parse(words, tags);
            let norm: Vec<String> = words.iter().map(|w| normalize(w)).collect();
            let norm: Vec<&str> = norm.iter().map(String::as_str).collect();
            let hashed = parser.run(&Context { tag_ids: None, ..Context::new(&norm, tags) });
            assert_eq!(by_number, hashed, "{words:?}");
            assert_eq!(by_number.heads.len(), words.len());
        }
        // A tag the small features do not number: every feature hashed.
        let odd = parser.parse(&["Hello", "there"], &["INTJ", "NOT-A-TAG"]);
        assert_eq!(odd.heads.len(), 2);
        assert!(Context::new(&["x"], &["NOT-A-TAG"]).tag_ids.is_none());
    }

    #[test]
    fn projectivity() {
        assert!(projective(&[Some(1), None, Some(1)]));
        assert!(!projective(&[Some(2), Some(3), None, Some(2)]));
    }
}
