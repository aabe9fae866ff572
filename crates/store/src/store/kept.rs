//! The signatures of the appearances a store filed last, kept in memory
//! by row id: a claim's candidates are the most recent appearances of its
//! bands, mostly filed by the same run, and reading each back from its
//! row was the largest part of filing into a big ledger.
//!
//! Only what is true of the file is kept: a signature is written once
//! with its row (re-analysis, which rewrites and deletes rows, lets them
//! all go); a write that fails, whose rows roll back and whose ids may be
//! given again, lets them all go; and so does any other connection's
//! commit, seen as a move of SQLite's `PRAGMA data_version` when the next
//! write starts. Where the database gives no such version (PostgreSQL,
//! where writers run at once) nothing is kept.

use std::collections::VecDeque;

/// Signatures kept at most (about 120 MB of them, at ~100 bytes each).
pub(crate) const SIGNATURES_KEPT: usize = 1 << 20;

#[derive(Debug, Default)]
pub(crate) struct KeptSignatures {
    /// The database's data version when the signatures were last known to
    /// be its own; `None`: nothing is kept.
    version: Option<i64>,
    /// The row id of `signatures[0]`.
    first: i64,
    /// By row id from `first`; `None` for a row not filed here.
    signatures: VecDeque<Option<Box<str>>>,
}

impl KeptSignatures {
    /// At the start of a write: lets everything go unless the database's
    /// data version is the one the signatures were kept under.
    pub(crate) fn check(&mut self, version: Option<i64>) {
        if version.is_none() || version != self.version {
            self.clear();
        }
        self.version = version;
    }

    /// Lets every signature go (the rows they came from may have changed).
    pub(crate) fn clear(&mut self) {
        self.signatures.clear();
    }

    /// The signature of row `id`, if kept.
    pub(crate) fn get(&self, id: i64) -> Option<&str> {
        let at = usize::try_from(id.checked_sub(self.first)?).ok()?;
        self.signatures.get(at)?.as_deref()
    }

    /// Keeps the `signature` of row `id`, just filed. Rows come in
    /// ascending order; one that does not (a row id given again) lets
    /// the others go first.
    pub(crate) fn keep(&mut self, id: i64, signature: &str) {
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
        self.signatures.push_back(Some(signature.into()));
        while self.signatures.len() > SIGNATURES_KEPT {
            self.signatures.pop_front();
            self.first += 1;
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

    #[test]
    fn keeps_rows_in_order_and_lets_go_when_the_file_changed() {
        let mut kept = KeptSignatures::default();
        kept.check(Some(1));
        kept.keep(10, "w:a");
        kept.keep(11, "w:b");
        // A row filed elsewhere in between leaves a hole.
        kept.keep(14, "w:c");
        assert_eq!(kept.get(10), Some("w:a"));
        assert_eq!(kept.get(11), Some("w:b"));
        assert_eq!(kept.get(12), None);
        assert_eq!(kept.get(14), Some("w:c"));
        assert_eq!((kept.get(9), kept.get(15), kept.get(i64::MIN)), (None, None, None));
        // The same version: kept.
        kept.check(Some(1));
        assert_eq!(kept.get(11), Some("w:b"));
        // Another connection committed: all let go.
        kept.check(Some(2));
        assert_eq!(kept.get(11), None);
        kept.keep(20, "w:d");
        assert_eq!(kept.get(20), Some("w:d"));
        // A row id given again (after a rollback) starts over.
        kept.keep(18, "w:e");
        assert_eq!((kept.get(18), kept.get(20)), (Some("w:e"), None));
        // No version (PostgreSQL): nothing kept.
        kept.check(None);
        kept.keep(30, "w:f");
        assert_eq!(kept.get(30), None);
    }

    #[test]
    fn keeps_at_most_its_bound() {
        let mut kept = KeptSignatures::default();
        kept.check(Some(7));
        let n = SIGNATURES_KEPT as i64 + 5;
        for id in 1..=n {
            kept.keep(id, "w:x");
        }
        assert_eq!(kept.len(), SIGNATURES_KEPT);
        assert_eq!((kept.get(5), kept.get(6), kept.get(n)), (None, Some("w:x"), Some("w:x")));
        // A gap longer than the bound starts over.
        kept.keep(n + SIGNATURES_KEPT as i64 + 1, "w:y");
        assert_eq!(kept.len(), 1);
    }
}
