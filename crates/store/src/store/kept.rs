//! The signatures of the appearances a store filed last, kept in memory
//! by row id: a claim's candidates are the most recent appearances of its
//! bands, mostly filed by the same run, and reading each back from its
//! row was the largest part of filing into a big ledger. With them, the
//! most recent appearances of each band looked up (what the candidate
//! lookup reads), kept up to date as this store files.
//!
//! With each signature, the cluster its appearance joined, and the merges
//! of clusters since, so that a claim is not compared with candidates in
//! a cluster it has joined already; and the (cluster, term) pairs filed
//! under clusters with members, not filed again.
//!
//! Only what is true of the file is kept: a signature is written once
//! with its row (re-analysis, which rewrites and deletes rows, lets them
//! all go, and so does a reviewer's correction, which moves appearances
//! between clusters; an older version's appearances leave the ledger and
//! are forgotten); a write that fails, whose rows roll back and whose ids
//! may be given again, lets them all go; and so does any other
//! connection's commit, seen as a move of SQLite's `PRAGMA data_version`
//! when the next write starts. Where the database gives no such version
//! (PostgreSQL, where writers run at once) nothing is kept.
//!
//! It also holds what the open transaction filed and has not written
//! yet: the candidate keys of its appearances ([`Kept::defer`]), written
//! at its end and gone with it if it rolls back.

use std::collections::VecDeque;

use foldhash::{HashMap, HashSet};

use claimtrace::ledger::{stem_key, Packed, Signature};

/// Bands whose most recent appearances are kept at most (~100 bytes a
/// band; a million-appearance ledger has about 250,000).
pub(crate) const BANDS_KEPT: usize = 1 << 20;

/// Terms known filed under clusters, kept at most (8 bytes each).
pub(crate) const TERMS_KEPT: usize = 1 << 20;

/// Signatures kept at most (about 65 MB of them, at ~130 bytes each): a
/// claim's candidates are mostly recent. 2^20 of them (filing 1,000,000
/// synthetic appearances, which kept them all) ran at the same speed
/// (alternated: 10,360 / 11,585 against 10,051 / 11,600 appearances/s)
/// with 57 MiB more peak memory (480 against 423 MiB). Also the most
/// cluster merges kept ([`Kept::merged`]): past that, all is let go.
pub(crate) const SIGNATURES_KEPT: usize = 1 << 19;

/// A kept appearance: its signature, and the cluster it joined when it
/// was filed (where it is now follows [`Kept`]'s merges).
#[derive(Clone, Debug)]
struct Filed {
    signature: Packed,
    cluster: i64,
}

/// What a SQLite writer keeps of the ledger it writes: the signatures of
/// the appearances it filed last and their clusters, the bands it looked
/// up, the terms it filed, and the keys its open transaction filed and
/// has not written.
#[derive(Debug, Default)]
pub(crate) struct Kept {
    /// The database's data version when the signatures were last known to
    /// be its own; `None`: nothing is kept.
    version: Option<i64>,
    /// The row id of `signatures[0]`.
    first: i64,
    /// By row id from `first`; `None` for a row not filed here.
    signatures: VecDeque<Option<Filed>>,
    /// Clusters merged into another since the signatures were kept: the
    /// cluster each went into ([`Kept::merged`]).
    merged_into: HashMap<i64, i64>,
    /// The most recent appearances filed under a band, newest first, as
    /// the candidate lookup reads them.
    bands: HashMap<i64, Vec<i64>>,
    /// Whether the candidate index was looked at since everything was
    /// let go ([`Kept::surveyed`]).
    surveyed: bool,
    /// Whether `bands` holds every band of the candidate index (it was
    /// empty when surveyed, and every appearance since was filed here):
    /// a band not kept has no appearances, and is not read.
    complete: bool,
    /// Band keys of the appearances filed in the open transaction, not
    /// yet in the candidate index ([`Kept::defer`]): band to appearances,
    /// oldest first.
    unwritten: HashMap<i64, Vec<i64>>,
    /// Bands to trim when the keys are written.
    trims: Vec<i64>,
    /// (Cluster, term) pairs known to be in `cluster_terms`, hashed
    /// ([`Kept::term_is_new`]).
    terms: HashSet<u64>,
}

impl Kept {
    /// At the start of a write: lets everything go unless the database's
    /// data version is the one the signatures were kept under.
    /// Keys not yet written stay: they are the open transaction's, and
    /// only its end writes them or lets them go.
    pub(crate) fn check(&mut self, version: Option<i64>) {
        if version.is_none() || version != self.version {
            self.let_go_of_the_file();
        }
        self.version = version;
    }

    /// Lets go of what was read or kept of the file: signatures, their
    /// clusters, terms and bands (a correction moved appearances between
    /// clusters, or rows changed). Keys not yet written stay.
    pub(crate) fn let_go_of_the_file(&mut self) {
        self.signatures.clear();
        self.merged_into.clear();
        self.terms.clear();
        self.bands.clear();
        (self.surveyed, self.complete) = (false, false);
    }

    /// Lets every signature go (the rows they came from may have changed),
    /// and the keys not written (their transaction was rolled back, or
    /// they were written first).
    pub(crate) fn clear(&mut self) {
        self.let_go_of_the_file();
        self.unwritten.clear();
        self.trims.clear();
    }

    /// Files appearance `id` under `bands` in memory, for the end of the
    /// transaction ([`Kept::take_unwritten`]): a claim's bands are random
    /// keys, and inserted one claim at a time they reached all over the
    /// index; written together in key order, neighbours share the pages
    /// they touch. `trims`: the bands to trim then. False (nothing kept)
    /// when nothing is kept: the caller writes them at once.
    pub(crate) fn defer(&mut self, bands: &[i64], id: i64, trims: &[i64]) -> bool {
        if !self.is_on() {
            return false;
        }
        for &band in bands {
            self.unwritten.entry(band).or_default().push(id);
        }
        self.trims.extend_from_slice(trims);
        true
    }

    /// The appearances filed under `band` in this transaction and not yet
    /// written, oldest first.
    pub(crate) fn unwritten(&self, band: i64) -> &[i64] {
        self.unwritten.get(&band).map_or(&[], Vec::as_slice)
    }

    /// The keys not yet written, as (band, appearance) rows in key order,
    /// and the bands to trim after them (each once); forgets them.
    pub(crate) fn take_unwritten(&mut self) -> (Vec<(i64, i64)>, Vec<i64>) {
        let mut rows: Vec<(i64, i64)> = self
            .unwritten
            .drain()
            .flat_map(|(band, ids)| ids.into_iter().map(move |id| (band, id)))
            .collect();
        rows.sort_unstable();
        let mut trims = std::mem::take(&mut self.trims);
        trims.sort_unstable();
        trims.dedup();
        (rows, trims)
    }

    /// Whether the candidate index is to be looked at ([`Kept::surveyed`])
    /// before this write's lookups.
    pub(crate) fn wants_survey(&self) -> bool {
        self.is_on() && !self.surveyed
    }

    /// The candidate index was looked at: `empty`, it has no band at all,
    /// and the bands kept from now on are all it has.
    pub(crate) fn surveyed(&mut self, empty: bool) {
        self.surveyed = true;
        self.complete = empty && self.bands.is_empty() && self.unwritten.is_empty();
    }

    /// Whether `band` is known to have no appearances: the bands kept
    /// are the whole index, and it is not one of them.
    pub(crate) fn is_empty_band(&self, band: i64) -> bool {
        self.complete && !self.bands.contains_key(&band)
    }

    /// Whether `term` is to be filed under `cluster`: not known filed
    /// (by this writer, since it last let the file go); known from now
    /// on. Always, when nothing is kept. Pairs are kept as 64-bit hashes:
    /// two pairs with one hash (about 3 in 10^8 at a million pairs) would
    /// leave the second's term unfiled.
    pub(crate) fn term_is_new(&mut self, cluster: i64, term: &str) -> bool {
        if !self.is_on() {
            return true;
        }
        if self.terms.len() >= TERMS_KEPT {
            self.terms.clear();
        }
        // Term keys are well mixed 64-bit hashes; a cluster number moves
        // them apart.
        self.terms.insert(stem_key(term) ^ (cluster as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    /// Lets the terms known filed go (a cluster's terms were rebuilt).
    pub(crate) fn forget_terms(&mut self) {
        self.terms.clear();
    }

    /// Whether `band` is known to hold fewer than `most` appearances:
    /// kept with fewer than `most` (the lookup read and keeps at most
    /// `most`, so fewer is all there is), or known empty. `most` is the
    /// number the lookup keeps (`BUCKET`): above it, a kept band says
    /// nothing of the index's count.
    pub(crate) fn holds_fewer(&self, band: i64, most: usize) -> bool {
        match self.bands.get(&band) {
            Some(recent) => recent.len() < most,
            None => self.is_empty_band(band),
        }
    }

    /// Whether anything is kept at all (SQLite; not PostgreSQL).
    pub(crate) fn is_on(&self) -> bool {
        self.version.is_some()
    }

    /// Lets the bands' appearances go (some were taken out of the index).
    pub(crate) fn clear_bands(&mut self) {
        self.bands.clear();
        self.complete = false;
    }

    /// The most recent appearances of `band`, newest first, if kept.
    pub(crate) fn band(&self, band: i64) -> Option<&[i64]> {
        self.bands.get(&band).map(Vec::as_slice)
    }

    /// Keeps what the lookup read of `band`: its most recent appearances,
    /// newest first.
    pub(crate) fn keep_band(&mut self, band: i64, recent: Vec<i64>) {
        if self.version.is_none() {
            return;
        }
        if self.bands.len() >= BANDS_KEPT {
            self.clear_bands();
        }
        self.bands.insert(band, recent);
    }

    /// Row `id` was just filed under `bands`, all looked up before (or
    /// known empty): each kept keeps its `most` recent appearances, and a
    /// band new to a complete index is kept with it alone.
    pub(crate) fn filed_under(&mut self, bands: &[i64], id: i64, most: usize) {
        for &band in bands {
            if let Some(recent) = self.bands.get_mut(&band) {
                if !recent.contains(&id) {
                    recent.insert(0, id);
                    recent.truncate(most);
                }
            } else if self.complete {
                self.keep_band(band, vec![id]);
            }
        }
    }

    /// The signature of row `id`, if kept, and the cluster it is in now.
    pub(crate) fn get(&self, id: i64) -> Option<(&Packed, i64)> {
        let at = usize::try_from(id.checked_sub(self.first)?).ok()?;
        let filed = self.signatures.get(at)?.as_ref()?;
        let mut cluster = filed.cluster;
        while let Some(&into) = self.merged_into.get(&cluster) {
            cluster = into;
        }
        Some((&filed.signature, cluster))
    }

    /// Keeps the `signature` of row `id`, just filed into `cluster`. Rows
    /// come in ascending order; one that does not (a row id given again)
    /// lets the others go first.
    pub(crate) fn keep(&mut self, id: i64, signature: &Signature, cluster: i64) {
        if self.version.is_none() {
            return;
        }
        let next = self.first.saturating_add(self.signatures.len() as i64);
        let gap = id.checked_sub(next).and_then(|g| usize::try_from(g).ok());
        match gap {
            _ if self.signatures.is_empty() => self.first = id,
            Some(gap) if gap < SIGNATURES_KEPT => {
                self.signatures.extend(std::iter::repeat_n(None, gap));
            }
            _ => {
                self.signatures.clear();
                self.first = id;
            }
        }
        let filed = Packed::of(signature).map(|signature| Filed { signature, cluster });
        self.signatures.push_back(filed);
        while self.signatures.len() > SIGNATURES_KEPT {
            self.signatures.pop_front();
            self.first += 1;
        }
    }

    /// Cluster `old` was merged into `into`: its kept appearances are
    /// there now.
    pub(crate) fn merged(&mut self, old: i64, into: i64) {
        if self.version.is_none() || old == into {
            return;
        }
        if self.merged_into.len() >= SIGNATURES_KEPT {
            self.let_go_of_the_file();
            return;
        }
        self.merged_into.insert(old, into);
    }

    /// Lets the signature of row `id` go (it left the ledger: an older
    /// version's).
    pub(crate) fn forget(&mut self, id: i64) {
        let Some(at) = id.checked_sub(self.first).and_then(|a| usize::try_from(a).ok()) else {
            return;
        };
        if let Some(slot) = self.signatures.get_mut(at) {
            *slot = None;
        }
    }

    /// How many rows are kept, with or without a signature.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.signatures.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(word: &str) -> Signature {
        Signature::of(word, &[])
    }

    use claimtrace::ledger::stem_key;

    fn stems(kept: Option<(&Packed, i64)>) -> Option<Vec<u64>> {
        use claimtrace::ledger::Parts;
        kept.map(|(p, _)| p.stem_keys().collect())
    }

    #[test]
    fn keeps_rows_in_order_and_lets_go_when_the_file_changed() {
        let mut kept = Kept::default();
        kept.check(Some(1));
        kept.keep(10, &sig("alpha"), 1);
        kept.keep(11, &sig("bravo"), 1);
        // A row filed elsewhere in between leaves a hole.
        kept.keep(14, &sig("delta"), 1);
        assert_eq!(stems(kept.get(10)), Some(vec![stem_key("alpha")]));
        assert_eq!(stems(kept.get(11)), Some(vec![stem_key("bravo")]));
        assert_eq!(stems(kept.get(12)), None);
        assert_eq!(stems(kept.get(14)), Some(vec![stem_key("delta")]));
        assert_eq!(
            (stems(kept.get(9)), stems(kept.get(15)), stems(kept.get(i64::MIN))),
            (None, None, None)
        );
        // The same version: kept.
        kept.check(Some(1));
        assert_eq!(stems(kept.get(11)), Some(vec![stem_key("bravo")]));
        // Another connection committed: all let go.
        kept.check(Some(2));
        assert_eq!(stems(kept.get(11)), None);
        kept.keep(20, &sig("tango"), 1);
        assert_eq!(stems(kept.get(20)), Some(vec![stem_key("tango")]));
        // A row id given again (after a rollback) starts over.
        kept.keep(18, &sig("kilo"), 1);
        assert_eq!(
            (stems(kept.get(18)), stems(kept.get(20))),
            (Some(vec![stem_key("kilo")]), None)
        );
        // No version (PostgreSQL): nothing kept.
        kept.check(None);
        kept.keep(30, &sig("lima"), 1);
        assert_eq!(stems(kept.get(30)), None);
    }

    #[test]
    fn keeps_at_most_its_bound() {
        let mut kept = Kept::default();
        kept.check(Some(7));
        let n = SIGNATURES_KEPT as i64 + 5;
        for id in 1..=n {
            kept.keep(id, &sig("xenon"), 1);
        }
        assert_eq!(kept.len(), SIGNATURES_KEPT);
        assert_eq!(
            (stems(kept.get(5)), stems(kept.get(6)), stems(kept.get(n))),
            (None, Some(vec![stem_key("xenon")]), Some(vec![stem_key("xenon")]))
        );
        // A gap longer than the bound starts over.
        kept.keep(n + SIGNATURES_KEPT as i64 + 1, &sig("yak"), 1);
        assert_eq!(kept.len(), 1);
    }

    #[test]
    fn holds_keys_for_the_end_of_the_transaction_in_key_order() {
        let mut kept = Kept::default();
        // Nothing kept (PostgreSQL): the caller writes them at once.
        assert!(!kept.defer(&[5, 3], 1, &[]));
        kept.check(Some(1));
        assert!(kept.defer(&[5, 3], 10, &[3]));
        assert!(kept.defer(&[3, 9], 11, &[3, 9]));
        assert_eq!(kept.unwritten(3), &[10, 11]);
        assert_eq!(kept.unwritten(4), &[] as &[i64]);
        // Bands let go keep them: they are not in the index yet; and so
        // does a check at the next write of the transaction, whatever it
        // reads: only the transaction's end writes them or lets them go.
        kept.clear_bands();
        kept.check(Some(2));
        kept.check(None);
        assert_eq!(kept.unwritten(5), &[10]);
        kept.check(Some(1));
        let (rows, trims) = kept.take_unwritten();
        assert_eq!(rows, vec![(3, 10), (3, 11), (5, 10), (9, 11)]);
        assert_eq!(trims, vec![3, 9]);
        assert_eq!(kept.take_unwritten(), (Vec::new(), Vec::new()));
        // A rolled back transaction's keys go with it; and an index with
        // keys to come is not known empty.
        kept.defer(&[7], 12, &[]);
        kept.surveyed(true);
        assert!(!kept.is_empty_band(8));
        kept.clear();
        assert_eq!(kept.unwritten(7), &[] as &[i64]);
    }

    #[test]
    fn knows_a_band_is_empty_only_while_it_keeps_the_whole_index() {
        let mut kept = Kept::default();
        kept.check(Some(1));
        assert!(kept.wants_survey());
        kept.surveyed(true);
        assert!(!kept.wants_survey());
        assert!(kept.is_empty_band(40));
        // Filing under a band keeps it, with the appearance.
        kept.filed_under(&[40, 41], 10, 8);
        assert_eq!((kept.band(40), kept.is_empty_band(40)), (Some(&[10][..]), false));
        assert!(kept.is_empty_band(42));
        // Bands taken out, another connection's commit, a failed write:
        // a band not kept may have appearances.
        kept.clear_bands();
        assert!(!kept.is_empty_band(42) && !kept.wants_survey());
        for let_go in [|k: &mut Kept| k.check(Some(2)), |k: &mut Kept| k.clear()] {
            kept.surveyed(true);
            assert!(kept.is_empty_band(42));
            let_go(&mut kept);
            assert!(!kept.is_empty_band(42) && kept.wants_survey());
        }
        // An index that held bands when surveyed is not known whole.
        kept.surveyed(false);
        assert!(!kept.is_empty_band(42));
        kept.filed_under(&[43], 11, 8);
        assert_eq!(kept.band(43), None);
        // Nor is one whose bands outgrew the bound.
        kept.surveyed(true);
        for band in 0..BANDS_KEPT as i64 + 1 {
            kept.filed_under(&[band], 12, 8);
        }
        assert!(!kept.is_empty_band(-1));
    }

    #[test]
    fn follows_merges_to_the_cluster_a_kept_appearance_is_in_now() {
        let mut kept = Kept::default();
        kept.check(Some(1));
        kept.keep(10, &sig("alpha"), 10);
        kept.keep(11, &sig("bravo"), 11);
        kept.keep(12, &sig("charlie"), 10);
        let cluster = |kept: &Kept, id| kept.get(id).map(|(_, c)| c);
        // 11 went into 10, then 10 into 20: both are in 20 now.
        kept.merged(11, 10);
        kept.merged(10, 20);
        assert_eq!(
            (cluster(&kept, 10), cluster(&kept, 11), cluster(&kept, 12)),
            (Some(20), Some(20), Some(20))
        );
        // A row that left the ledger is forgotten; the others stay.
        kept.forget(12);
        assert_eq!((cluster(&kept, 12), cluster(&kept, 11)), (None, Some(20)));
        // A correction lets them go, and the merges with them; keys
        // not yet written stay.
        kept.defer(&[5], 11, &[]);
        kept.let_go_of_the_file();
        assert_eq!(cluster(&kept, 10), None);
        assert_eq!(kept.unwritten(5), &[11]);
        kept.keep(13, &sig("delta"), 10);
        assert_eq!(cluster(&kept, 13), Some(10));
    }

    #[test]
    fn knows_a_band_holds_few_only_from_all_its_appearances() {
        let mut kept = Kept::default();
        kept.check(Some(1));
        // Read from the index: three is all it has.
        kept.keep_band(7, vec![3, 2, 1]);
        assert!(kept.holds_fewer(7, 8));
        assert!(!kept.holds_fewer(7, 3));
        // A full read may have left more behind.
        kept.keep_band(9, (1..=8).rev().collect());
        assert!(!kept.holds_fewer(9, 8));
        // Not read: unknown, unless the index is known whole.
        assert!(!kept.holds_fewer(4, 8));
        kept.clear_bands();
        kept.surveyed(true);
        assert!(kept.holds_fewer(4, 8));
    }
}
