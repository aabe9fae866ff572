//! The averaged perceptron shared by the tagger, the parser and the entity
//! recognizer, with its compact binary model format.
//!
//! Features are hashed (FNV-1a over their parts), so nothing allocates per
//! token at run time. Training keeps, per feature, a short list of the
//! classes it has weights for, as Honnibal's tagger keeps a dict per
//! feature; averaging is lazy, with a time stamp per weight.
//!
//! Model format (little-endian): magic `CTP1`, `u16` class count, each class
//! name as `u8` length and bytes, `f32` scale, `u32` feature count, then per
//! feature, sorted by key: `u32` key, `u8` entry count, and per entry `u8`
//! class and `i16` weight (times `scale`). Weights below the pruning
//! threshold are dropped.
//!
//! The shipped models are also laid out at build time as their in-memory
//! tables ([`Model::to_table`], `build.rs`), which the program borrows
//! where they lie in its image ([`Model::from_table`]): nothing to decode
//! at start-up.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::tables::in_place;

/// The hash of one feature: a template id and its string parts.
pub fn feature(template: u8, parts: &[&str]) -> u64 {
    let mut hash = feature_start(template);
    for part in parts {
        hash = feature_part(hash, part);
    }
    hash
}

/// The hash state of a feature before its parts: `feature(t, &[a, b])` is
/// `feature_part(feature_part(feature_start(t), a), b)`, so a feature can
/// be hashed part by part, and a common first part hashed once.
#[inline]
pub const fn feature_start(template: u8) -> u64 {
    (0xcbf2_9ce4_8422_2325 ^ template as u64).wrapping_mul(0x0100_0000_01b3)
}

/// The hash state after one more part.
#[inline]
pub fn feature_part(mut hash: u64, part: &str) -> u64 {
    for &b in part.as_bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash ^= 0xff;
    hash.wrapping_mul(0x0100_0000_01b3)
}

/// [`feature_part`] for several hash states at once, in one pass over the
/// part's bytes.
#[inline]
pub fn feature_parts<const K: usize>(mut hashes: [u64; K], part: &str) -> [u64; K] {
    for &b in part.as_bytes() {
        for h in &mut hashes {
            *h = (*h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    for h in &mut hashes {
        *h = (*h ^ 0xff).wrapping_mul(0x0100_0000_01b3);
    }
    hashes
}

/// A trained model: class names and averaged weights.
///
/// In memory, a feature's weights are a row of class scores, kept as the
/// model file's `i16` weights: a dense row (`stride` weights, padded so
/// that rows add in whole SIMD lanes) for the features with weights for
/// many classes, a short list of `(class, weight)` pairs for the rest.
/// Features are found through an open-addressing table of 16-byte
/// [`Slot`]s, four to a cache line; rows of up to [`INLINE_MAX`] entries
/// (most of them: a perceptron update moves two classes) live in the slot
/// itself, so finding the feature brings its weights along. Scores add up
/// exactly in `i32` and are multiplied by the model's one positive scale at
/// the end (the `i32` to `f32` step is exact below 2^24, that is up to 512
/// features of the largest weight), so the argmax is that of the exact
/// sums, and does not depend on the order the features come in.
#[derive(Clone, Debug, Default)]
pub struct Model {
    pub classes: Vec<String>,
    /// Classes rounded up to a whole number of [`LANES`].
    stride: usize,
    /// Open-addressing table; a `meta` of [`EMPTY`] marks a free slot.
    slots: Cow<'static, [Slot]>,
    mask: usize,
    n_features: usize,
    /// The weight of one unit of the `i16` weights.
    scale: f32,
    /// Dense rows, `stride` weights each.
    dense: Cow<'static, [[i16; LANES]]>,
    /// Short rows.
    sparse: Cow<'static, [Entry]>,
}

/// One table slot: the folded feature key, what kind of row it has, and
/// the weights of an inline row.
///
/// `meta` is [`DENSE`] and the dense row's index; or [`INLINE`], the entry
/// count less one at bit [`COUNT_SHIFT`], and the classes in [`CLASS_BITS`]
/// bits each from bit 0;
/// or the short row's start in `sparse` shifted by [`LEN_BITS`], and its
/// length.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C, align(16))]
struct Slot {
    key: u32,
    meta: u32,
    weights: [i16; 4],
}

/// One weight of a short row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C)]
struct Entry {
    class: u16,
    weight: i16,
}

/// Chosen features of a model, their slots copied out of its table into
/// one indexed by position ([`Model::direct`]): features whose parts come
/// from small sets (a tag, a relation, a distance), which the caller
/// numbers itself, score without hashing or searching the table, from a
/// table small enough to stay in the processor's caches. Scores are the
/// same as through [`Model::add`].
#[derive(Clone, Debug, Default)]
pub struct Direct {
    slots: Vec<Slot>,
    /// The [`Model::fingerprint`] of the model that made it.
    model: (usize, usize, usize),
}

impl Direct {
    /// The number of features it holds.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}

/// Rows [`Model::take`] keeps for [`Model::add_rows`]: at most [`CHUNK`]
/// slots' worth.
struct Rows {
    dense: [u32; CHUNK],
    n_dense: usize,
    short: [u32; CHUNK],
    n_short: usize,
}

impl Default for Rows {
    fn default() -> Rows {
        Rows { dense: [0; CHUNK], n_dense: 0, short: [0; CHUNK], n_short: 0 }
    }
}

/// Features looked up (and rows kept) at a time.
const CHUNK: usize = 128;

/// Weights added together in a dense row step.
pub const LANES: usize = 8;
/// The `meta` of a free table slot (no row has it).
const EMPTY: u32 = u32::MAX;
/// `meta` flag of a dense row.
const DENSE: u32 = 1 << 31;
/// `meta` flag of an inline row.
const INLINE: u32 = 1 << 30;
/// Where an inline row's entry count (less one) sits in `meta`.
const COUNT_SHIFT: u32 = 28;
/// The most entries of an inline row.
const INLINE_MAX: usize = 4;
/// Bits of each class of an inline row in `meta`: rows with a class above
/// [`CLASS_MASK`] are not inline.
const CLASS_BITS: u32 = 7;
const CLASS_MASK: u32 = (1 << CLASS_BITS) - 1;
/// Bits of a short row's length in the payload.
const LEN_BITS: u32 = 8;
/// Rows with at least this many classes (or a third of the classes) are
/// stored dense; shorter ones add faster entry by entry.
const DENSE_MIN: usize = 16;
/// The most classes a model may have.
pub const MAX_CLASSES: usize = 256;

/// Why model bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub &'static str);

/// Asks for the cache line at `p` ahead of its use.
#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint; it reads nothing and cannot fault.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

impl Model {
    /// Whether the model has no classes (an untrained placeholder).
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// Writes the summed weights of `features` into `scores` (one slot per
    /// class; `scores.len()` must be the number of classes).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        let n = self.classes.len();
        assert_eq!(scores.len(), n, "one score per class");
        if n == 0 {
            return;
        }
        let mut acc = [[0i32; LANES]; MAX_CLASSES / LANES];
        let acc = &mut acc[..self.width()];
        self.add(features, acc);
        self.finish(acc, scores);
    }

    /// Lane groups of an accumulator of class sums ([`Model::add`]).
    pub fn width(&self) -> usize {
        self.stride / LANES
    }

    /// The scores of summed weights `acc` (as [`Model::add`] leaves them),
    /// one per class.
    pub fn finish(&self, acc: &[[i32; LANES]], scores: &mut [f32]) {
        for (s, &a) in scores.iter_mut().zip(acc.as_flattened()) {
            *s = a as f32 * self.scale;
        }
    }

    /// Adds the weights of `features` to `acc` ([`Model::width`] lane
    /// groups), in units of the model's scale. Sums are exact, so partial
    /// sums can be kept and added in any order.
    pub fn add(&self, features: &[u64], acc: &mut [[i32; LANES]]) {
        self.add_with(features, &Direct::default(), &[], acc);
    }

    /// [`Model::add`] of `features` and of the features `direct` holds at
    /// `indices` (a [`Direct`] this model made).
    pub fn add_with(
        &self,
        features: &[u64],
        direct: &Direct,
        indices: &[u32],
        acc: &mut [[i32; LANES]],
    ) {
        debug_assert!(indices.is_empty() || direct.model == self.fingerprint());
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2.
            unsafe { self.add_avx2(features, direct, indices, acc) };
            return;
        }
        self.add_any(features, direct, indices, acc);
    }

    /// [`Model::add_with`] compiled for AVX2, which widens and adds a lane
    /// group of dense weights in one step.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn add_avx2(
        &self,
        features: &[u64],
        direct: &Direct,
        indices: &[u32],
        acc: &mut [[i32; LANES]],
    ) {
        self.add_any(features, direct, indices, acc);
    }

    #[inline(always)]
    fn add_any(
        &self,
        features: &[u64],
        direct: &Direct,
        indices: &[u32],
        acc: &mut [[i32; LANES]],
    ) {
        let width = self.width();
        let acc = &mut acc[..width];
        let mut starts = [0u32; CHUNK];
        let mut rows = Rows::default();
        for chunk in indices.chunks(CHUNK) {
            // Their slots were found when `direct` was made.
            for &i in chunk {
                self.take(&direct.slots[i as usize], acc, &mut rows);
            }
            self.add_rows(&mut rows, acc);
        }
        for chunk in features.chunks(CHUNK) {
            // Ask for every probe's first slot before reading any, so that
            // the cache misses overlap.
            for (start, &f) in starts.iter_mut().zip(chunk) {
                let i = slot_of(fold(f), self.mask);
                prefetch(&self.slots[i]);
                *start = i as u32;
            }
            // Integer sums do not depend on the order, so inline and short
            // rows add as they are found and dense rows after, together.
            for (&start, &f) in starts.iter().zip(chunk) {
                if let Some(slot) = self.find_from(fold(f), start as usize) {
                    self.take(slot, acc, &mut rows);
                }
            }
            self.add_rows(&mut rows, acc);
        }
    }

    /// Adds an inline row found in `slot` to `acc`, or keeps its short or
    /// dense row in `rows` to add with the others.
    #[inline(always)]
    fn take(&self, slot: &Slot, acc: &mut [[i32; LANES]], rows: &mut Rows) {
        let meta = slot.meta;
        if meta & INLINE != 0 {
            let count = ((meta >> COUNT_SHIFT) & 3) as usize + 1;
            for e in 0..count {
                let class = ((meta >> (CLASS_BITS * e as u32)) & CLASS_MASK) as usize;
                acc[class / LANES][class % LANES] += i32::from(slot.weights[e]);
            }
        } else if meta & DENSE != 0 {
            rows.dense[rows.n_dense] = meta & !DENSE;
            rows.n_dense += 1;
        } else {
            // Short rows add after the probes, their lines asked for now.
            prefetch(&self.sparse[(meta >> LEN_BITS) as usize]);
            rows.short[rows.n_short] = meta;
            rows.n_short += 1;
        }
    }

    /// Adds the short and dense rows kept in `rows` to `acc`, and empties
    /// `rows`.
    #[inline(always)]
    fn add_rows(&self, rows: &mut Rows, acc: &mut [[i32; LANES]]) {
        let width = self.width();
        for &meta in &rows.short[..rows.n_short] {
            let start = (meta >> LEN_BITS) as usize;
            let len = (meta & ((1 << LEN_BITS) - 1)) as usize;
            for &Entry { class, weight } in &self.sparse[start..start + len] {
                let class = class as usize;
                acc[class / LANES][class % LANES] += i32::from(weight);
            }
        }
        let dense = &rows.dense[..rows.n_dense];
        if !dense.is_empty() {
            let mut b = 0;
            while b < width {
                match width - b {
                    1 => self.add_block::<1>(dense, b, width, acc),
                    2 => self.add_block::<2>(dense, b, width, acc),
                    3 => self.add_block::<3>(dense, b, width, acc),
                    _ => self.add_block::<4>(dense, b, width, acc),
                }
                b += 4;
            }
        }
        rows.n_dense = 0;
        rows.n_short = 0;
    }

    /// The slots of `features`, in order, copied into a table indexed by
    /// position ([`Model::add_with`]); a feature without weights gets a
    /// row of zeros.
    pub fn direct(&self, features: impl IntoIterator<Item = u64>) -> Direct {
        let slots = features
            .into_iter()
            .map(|f| {
                let key = fold(f);
                let slot = match self.slots.is_empty() {
                    true => None,
                    false => self.find_from(key, slot_of(key, self.mask)),
                };
                // An inline row of one zero weight for class 0.
                slot.copied().unwrap_or(Slot { key, meta: INLINE, weights: [0; 4] })
            })
            .collect();
        Direct { slots, model: self.fingerprint() }
    }

    /// What tells this model's tables from another's, for the checks of
    /// [`Direct`]'s use.
    fn fingerprint(&self) -> (usize, usize, usize) {
        (self.n_features, self.slots.len(), self.dense.len())
    }

    /// Adds lane groups `b..b + N` of the dense `rows` into `acc`.
    #[inline(always)]
    fn add_block<const N: usize>(
        &self,
        rows: &[u32],
        b: usize,
        width: usize,
        acc: &mut [[i32; LANES]],
    ) {
        let mut a: [[i32; LANES]; N] = acc[b..b + N].try_into().unwrap();
        for &row in rows {
            let start = row as usize * width + b;
            let w: &[[i16; LANES]; N] = self.dense[start..start + N].try_into().unwrap();
            for (aj, wj) in a.iter_mut().zip(w) {
                for (x, y) in aj.iter_mut().zip(wj) {
                    *x += i32::from(*y);
                }
            }
        }
        acc[b..b + N].copy_from_slice(&a);
    }

    /// The slot of a folded feature key, probing from slot `i`.
    #[inline]
    fn find_from(&self, key: u32, mut i: usize) -> Option<&Slot> {
        loop {
            let slot = &self.slots[i];
            if slot.meta == EMPTY {
                return None;
            }
            if slot.key == key {
                return Some(slot);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The number of features with weights.
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// Reads a model written by [`Trainer::encode`]. Empty bytes give an
    /// empty model.
    pub fn decode(bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.is_empty() {
            return Ok(Model::default());
        }
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != b"CTP1" {
            return Err(ModelError("not a claimtrace perceptron model"));
        }
        let (classes, scale) = r.classes_and_scale()?;
        let n_classes = classes.len();
        let stride = n_classes.div_ceil(LANES) * LANES;
        let n_features = r.u32()? as usize;
        let size = (n_features * 2).max(16).next_power_of_two();
        let mut table = Table {
            slots: vec![Slot { key: 0, meta: EMPTY, weights: [0; 4] }; size],
            mask: size - 1,
            n_features: 0,
            dense: Vec::new(),
            sparse: Vec::new(),
        };
        let dense_min = DENSE_MIN.min(n_classes.div_ceil(3));
        let mut row = Vec::with_capacity(n_classes);
        for _ in 0..n_features {
            let key = r.u32()?;
            let n = r.take(1)?[0];
            row.clear();
            for _ in 0..n {
                let class = r.take(1)?[0];
                let w = i16::from_le_bytes(r.take(2)?.try_into().unwrap());
                if class as usize >= n_classes {
                    return Err(ModelError("class out of range"));
                }
                row.push(Entry { class: u16::from(class), weight: w });
            }
            let mut weights = [0i16; 4];
            let inline =
                row.len() <= INLINE_MAX && row.iter().all(|e| u32::from(e.class) <= CLASS_MASK);
            let meta = if inline {
                let mut meta = INLINE | ((row.len().max(1) as u32 - 1) << COUNT_SHIFT);
                for (e, entry) in row.iter().enumerate() {
                    meta |= u32::from(entry.class) << (CLASS_BITS * e as u32);
                    weights[e] = entry.weight;
                }
                // No entries reads as one zero weight for class 0.
                meta
            } else if row.len() >= dense_min {
                let index = table.dense.len() / (stride / LANES);
                if index >= INLINE as usize {
                    return Err(ModelError("model too large"));
                }
                table.dense.resize(table.dense.len() + stride / LANES, [0; LANES]);
                let dense = &mut table.dense[index * (stride / LANES)..];
                for entry in &row {
                    let class = entry.class as usize;
                    let slot = &mut dense[class / LANES][class % LANES];
                    *slot =
                        slot.checked_add(entry.weight).ok_or(ModelError("weight out of range"))?;
                }
                DENSE | index as u32
            } else {
                let start = table.sparse.len();
                if start >= 1 << (30 - LEN_BITS) {
                    return Err(ModelError("model too large"));
                }
                table.sparse.extend_from_slice(&row);
                ((start as u32) << LEN_BITS) | row.len() as u32
            };
            table.insert(Slot { key, meta, weights })?;
        }
        Ok(Model {
            classes,
            stride,
            slots: Cow::Owned(table.slots),
            mask: table.mask,
            n_features: table.n_features,
            scale,
            dense: Cow::Owned(table.dense),
            sparse: Cow::Owned(table.sparse),
        })
    }

    /// The model as its in-memory tables, for [`Model::from_table`]:
    /// magic `CTT1`, `u32` header length, the header (`u16` class count,
    /// each class name as `u8` length and bytes, `f32` scale, then `u32`s:
    /// feature count, slot count, dense lane groups, short-row entries),
    /// zeros up to a multiple of 16 bytes, then the slots, the dense rows
    /// and the short rows as they lie in memory (little-endian).
    pub fn to_table(&self) -> Vec<u8> {
        let mut header = Vec::new();
        header.extend_from_slice(&(self.classes.len() as u16).to_le_bytes());
        for c in &self.classes {
            header.push(c.len() as u8);
            header.extend_from_slice(c.as_bytes());
        }
        header.extend_from_slice(&self.scale.to_le_bytes());
        for n in [self.n_features, self.slots.len(), self.dense.len(), self.sparse.len()] {
            header.extend_from_slice(&(n as u32).to_le_bytes());
        }
        let mut out = b"CTT1".to_vec();
        out.extend_from_slice(&(header.len() as u32).to_le_bytes());
        out.extend_from_slice(&header);
        out.resize(out.len().next_multiple_of(16), 0);
        for slot in self.slots.iter() {
            out.extend_from_slice(&slot.key.to_le_bytes());
            out.extend_from_slice(&slot.meta.to_le_bytes());
            for w in slot.weights {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        for w in self.dense.as_flattened() {
            out.extend_from_slice(&w.to_le_bytes());
        }
        for e in self.sparse.iter() {
            out.extend_from_slice(&e.class.to_le_bytes());
            out.extend_from_slice(&e.weight.to_le_bytes());
        }
        out
    }

    /// A model from [`Model::to_table`]'s bytes, borrowing its tables from
    /// them where they are aligned (to 16 bytes), copying them otherwise.
    /// Little-endian machines only (the tables are read as they lie). The
    /// tables are taken as written: a table damaged after
    /// [`Model::to_table`] can give wrong scores or a panic, never
    /// unsafety.
    pub fn from_table(bytes: &'static [u8]) -> Result<Model, ModelError> {
        if cfg!(target_endian = "big") {
            return Err(ModelError("tables are read on little-endian machines only"));
        }
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != b"CTT1" {
            return Err(ModelError("not a claimtrace perceptron table"));
        }
        let header_len = r.u32()? as usize;
        let body = (8 + header_len).next_multiple_of(16);
        let (classes, scale) = r.classes_and_scale()?;
        let n_classes = classes.len();
        let n_features = r.u32()? as usize;
        let n_slots = r.u32()? as usize;
        let n_dense = r.u32()? as usize;
        let n_sparse = r.u32()? as usize;
        let stride = n_classes.div_ceil(LANES) * LANES;
        if !n_slots.is_power_of_two() || !n_dense.is_multiple_of(stride / LANES) || r.pos > body {
            return Err(ModelError("inconsistent table header"));
        }
        r.pos = body;
        let slots = r.take(n_slots * size_of::<Slot>())?;
        let dense = r.take(n_dense * size_of::<[i16; LANES]>())?;
        let sparse = r.take(n_sparse * size_of::<Entry>())?;
        Ok(Model {
            classes,
            stride,
            slots: in_place(slots),
            mask: n_slots - 1,
            n_features,
            scale,
            dense: in_place(dense),
            sparse: in_place(sparse),
        })
    }
}

/// A table under construction ([`Model::decode`]).
struct Table {
    slots: Vec<Slot>,
    mask: usize,
    n_features: usize,
    dense: Vec<[i16; LANES]>,
    sparse: Vec<Entry>,
}

impl Table {
    fn insert(&mut self, slot: Slot) -> Result<(), ModelError> {
        let mut i = slot_of(slot.key, self.mask);
        while self.slots[i].meta != EMPTY {
            if self.slots[i].key == slot.key {
                return Err(ModelError("repeated feature"));
            }
            i = (i + 1) & self.mask;
        }
        self.slots[i] = slot;
        self.n_features += 1;
        Ok(())
    }
}

/// The table slot where the probe for `key` starts.
#[inline]
fn slot_of(key: u32, mask: usize) -> usize {
    (u64::from(key).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & mask
}

/// Training state of an averaged perceptron.
pub struct Trainer {
    classes: Vec<String>,
    weights: HashMap<u64, Vec<Weight>, IdentityHash>,
    /// Number of updates seen so far (the averaging clock).
    clock: u32,
}

#[derive(Clone, Copy, Debug)]
struct Weight {
    class: u16,
    value: f32,
    total: f32,
    stamp: u32,
}

impl Trainer {
    /// A trainer for the given classes.
    pub fn new(classes: Vec<String>) -> Trainer {
        Trainer { classes, weights: HashMap::default(), clock: 0 }
    }

    pub fn n_classes(&self) -> usize {
        self.classes.len()
    }

    /// Current (not averaged) scores of `features`.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            if let Some(ws) = self.weights.get(f) {
                for w in ws {
                    scores[w.class as usize] += w.value;
                }
            }
        }
    }

    /// The best class by current weights; ties go to the lower index.
    pub fn predict(&self, features: &[u64]) -> usize {
        let mut scores = vec![0.0; self.classes.len()];
        self.score(features, &mut scores);
        argmax(&scores, |_| true)
    }

    /// One perceptron update: `truth` up, `guess` down, then ticks the clock.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        self.clock += 1;
        if truth == guess {
            return;
        }
        let clock = self.clock;
        for &f in features {
            let ws = self.weights.entry(f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let class = class as u16;
                let w = match ws.iter_mut().position(|w| w.class == class) {
                    Some(i) => &mut ws[i],
                    None => {
                        ws.push(Weight { class, value: 0.0, total: 0.0, stamp: clock });
                        ws.last_mut().unwrap()
                    }
                };
                w.total += (clock - w.stamp) as f32 * w.value;
                w.stamp = clock;
                w.value += delta;
            }
        }
    }

    /// The averaged, pruned model in the binary format: weights whose
    /// magnitude is below `prune` are dropped.
    pub fn encode(&self, prune: f32) -> Vec<u8> {
        let clock = self.clock.max(1) as f32;
        let mut keys: Vec<u64> = self.weights.keys().copied().collect();
        keys.sort_unstable();
        // Features folded onto the same 32-bit key are summed.
        let mut folded: Vec<(u32, Vec<(u8, f32)>)> = Vec::new();
        let mut by_key: HashMap<u32, usize> = HashMap::new();
        let mut max_abs = 0.0f32;
        for key in keys {
            let mut avg: Vec<(u8, f32)> = self.weights[&key]
                .iter()
                .map(|w| {
                    let total = w.total + (self.clock - w.stamp) as f32 * w.value;
                    (w.class as u8, total / clock)
                })
                .filter(|&(_, v)| v.abs() >= prune)
                .collect();
            if avg.is_empty() {
                continue;
            }
            avg.sort_by_key(|&(c, _)| c);
            let k = fold(key);
            match by_key.get(&k) {
                Some(&i) => {
                    for (c, v) in avg {
                        match folded[i].1.iter_mut().find(|e| e.0 == c) {
                            Some(e) => e.1 += v,
                            None => folded[i].1.push((c, v)),
                        }
                    }
                }
                None => {
                    by_key.insert(k, folded.len());
                    folded.push((k, avg));
                }
            }
        }
        folded.sort_by_key(|e| e.0);
        for (_, es) in &folded {
            for &(_, v) in es {
                max_abs = max_abs.max(v.abs());
            }
        }
        let scale = if max_abs > 0.0 { max_abs / 32767.0 } else { 1.0 };
        let mut out = Vec::new();
        out.extend_from_slice(b"CTP1");
        out.extend_from_slice(&(self.classes.len() as u16).to_le_bytes());
        for c in &self.classes {
            out.push(c.len() as u8);
            out.extend_from_slice(c.as_bytes());
        }
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(folded.len() as u32).to_le_bytes());
        for (k, es) in &folded {
            out.extend_from_slice(&k.to_le_bytes());
            let es = &es[..es.len().min(255)];
            out.push(es.len() as u8);
            for &(c, v) in es {
                out.push(c);
                out.extend_from_slice(&((v / scale).round() as i16).to_le_bytes());
            }
        }
        out
    }
}

/// The index of the highest score among the classes `allowed` admits; ties
/// go to the lower index. Returns 0 when nothing is allowed.
pub fn argmax(scores: &[f32], allowed: impl Fn(usize) -> bool) -> usize {
    let mut best = None;
    for (i, &s) in scores.iter().enumerate() {
        if !allowed(i) {
            continue;
        }
        match best {
            Some((_, b)) if s <= b => {}
            _ => best = Some((i, s)),
        }
    }
    best.map_or(0, |(i, _)| i)
}

/// A small deterministic random number generator (xorshift64*), so that
/// training shuffles the same way on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

fn fold(key: u64) -> u32 {
    (key ^ (key >> 32)) as u32
}

/// A hasher for keys that are already hashes.
#[derive(Default, Clone, Copy, Debug)]
pub struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type IdentityHash = BuildHasherDefault<Identity>;

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or(ModelError("model file is truncated"))?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }

    /// The class names (a `u16` count, each name as `u8` length and
    /// bytes) and the weight scale (`f32`) that open both formats.
    fn classes_and_scale(&mut self) -> Result<(Vec<String>, f32), ModelError> {
        let n_classes = self.u16()? as usize;
        if n_classes == 0 || n_classes > MAX_CLASSES {
            return Err(ModelError("unsupported class count"));
        }
        let mut classes = Vec::with_capacity(n_classes);
        for _ in 0..n_classes {
            let len = self.take(1)?[0] as usize;
            let name = std::str::from_utf8(self.take(len)?).map_err(|_| ModelError("bad class"))?;
            classes.push(name.to_string());
        }
        let scale = f32::from_le_bytes(self.take(4)?.try_into().unwrap());
        if !(scale.is_finite() && scale > 0.0) {
            return Err(ModelError("scale must be positive"));
        }
        Ok((classes, scale))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_and_round_trips() {
        let mut t = Trainer::new(vec!["a".into(), "b".into()]);
        let fa = [feature(0, &["x"])];
        let fb = [feature(0, &["y"])];
        for _ in 0..5 {
            let g = t.predict(&fa);
            t.update(&fa, 0, g);
            let g = t.predict(&fb);
            t.update(&fb, 1, g);
        }
        let model = Model::decode(&t.encode(0.0)).unwrap();
        let mut s = [0.0; 2];
        model.score(&fb, &mut s);
        assert!(s[1] > s[0]);
        assert!(Model::decode(b"CTP1\x05").is_err());
        assert!(Model::decode(b"").unwrap().is_empty());
    }

    #[test]
    fn a_table_reads_back_as_the_model_it_was() {
        let compact = include_bytes!("../../models/tagger.bin");
        let decoded = Model::decode(compact).unwrap();
        // Unaligned bytes are copied, aligned ones borrowed; both score the same.
        let mut bytes = vec![0u8];
        bytes.extend(decoded.to_table());
        let bytes: &'static [u8] = Vec::leak(bytes);
        let copied = Model::from_table(&bytes[1..]).unwrap();
        // The bias and the suffix template (`tagger.rs`).
        let suffixes = ["ing", "ted", "ion", "ly", "the", "ers", "day"];
        let mut features: Vec<u64> = suffixes.iter().map(|s| feature(1, &[s])).collect();
        features.push(feature(0, &[]));
        let scores = |m: &Model| {
            let mut s = vec![0.0; m.classes.len()];
            m.score(&features, &mut s);
            s
        };
        assert!(scores(&decoded).iter().any(|&s| s != 0.0), "the features hit the model");
        assert_eq!(scores(&copied), scores(&decoded));
        assert_eq!(copied.classes, decoded.classes);
        assert!(Model::from_table(b"CTP1\0\0\0\0").is_err());
        assert!(Model::from_table(&bytes[1..40]).is_err());
    }

    #[test]
    fn the_shipped_models_are_read_in_place() {
        for model in [&*crate::tag::TAGGER, &*crate::tag::PARSER, &*crate::entities::NER] {
            assert!(!model.is_empty());
            assert!(matches!(model.slots, Cow::Borrowed(_)));
            assert!(matches!(model.dense, Cow::Borrowed(_)));
        }
        let compact = Model::decode(include_bytes!("../../models/parser.bin")).unwrap();
        assert_eq!(compact.slots[..], crate::tag::PARSER.slots[..]);
        assert_eq!(compact.dense[..], crate::tag::PARSER.dense[..]);
        assert_eq!(compact.sparse[..], crate::tag::PARSER.sparse[..]);
    }
}
