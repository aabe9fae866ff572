//! A long list of names kept as hashes: no name is stored, only the hash
//! of its words and its type, found by the hash of its first word (about
//! 24 bytes a name instead of a few hundred). A hash collision can only
//! mislabel a feature, never an entity.
//!
//! The shipped list (`data/names.tsv`) is laid out at build time
//! (`build.rs` includes this file: it stands alone, without the rest of
//! the crate) and read where it lies in the program image
//! (`crate::tables`), so that start-up hashes none of its 39,000 names.

use std::borrow::Cow;

use crate::tables::in_place;

/// The types a list line may give, by their code: the record's names
/// (`EntityKind::from_name`).
pub const KINDS: [&str; 9] =
    ["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "OTHER"];

/// FNV-1a's starting value and prime (as `crate::ledger::hash`).
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The hash of one more word of a name (FNV-1a over a separator and the
/// word's bytes).
fn extend_hash(hash: u64, word: &str) -> u64 {
    std::iter::once(0x1f)
        .chain(word.bytes())
        .fold(hash, |h, b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

/// The hash of a name's first word.
fn first_hash(word: &str) -> u64 {
    extend_hash(FNV_OFFSET, word)
}

/// A name list: its names and the index of their first words.
#[derive(Default)]
pub struct NameList {
    /// Per name: the hash of its first word, the hash of all its words,
    /// and its word count shifted left by 8 or-ed with its type's code
    /// ([`KINDS`]). Sorted by the first word's hash, longest first.
    names: Cow<'static, [[u64; 3]]>,
    /// Open addressing by the first word's hash: the hash, and where its
    /// names start in `names` shifted left by 32 or-ed with how many there
    /// are (none: a free slot). A power of two long, at most half full.
    index: Cow<'static, [[u64; 2]]>,
}

impl NameList {
    /// A list from lines of `TYPE<TAB>words`, the words of each name
    /// already tokenized and joined by single spaces (`ORG<TAB>Bank of
    /// America`, `GPE<TAB>Winston - Salem`); `#` lines are comments, lines
    /// of other types are skipped, and the first line listing a name keeps
    /// it.
    pub fn from_tokenized(text: &str) -> NameList {
        let mut names = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let Some((kind, name)) = line.split_once('\t') else { continue };
            let Some(code) = KINDS.iter().position(|&k| k == kind) else { continue };
            let mut words = name.split(' ');
            let Some(first) = words.next() else { continue };
            let first = first_hash(first);
            let (len, hash) =
                words.fold((1u64, first), |(n, h), word| (n + 1, extend_hash(h, word)));
            names.push((first, len, hash, code as u64, names.len()));
        }
        names.sort_by_key(|&(first, len, hash, _, line)| {
            (first, std::cmp::Reverse(len), hash, line)
        });
        names.dedup_by_key(|&mut (first, len, hash, _, _)| (first, len, hash));
        let names: Vec<[u64; 3]> = names
            .into_iter()
            .map(|(first, len, hash, code, _)| [first, hash, len << 8 | code])
            .collect();
        let index = build_index(&names);
        NameList { names: Cow::Owned(names), index: Cow::Owned(index) }
    }

    /// The list [`NameList::table`] wrote, borrowed where it is aligned
    /// (to 8 bytes). `None` if the bytes are not such a table.
    pub fn from_table(bytes: &'static [u8]) -> Option<NameList> {
        let count = |at: usize| -> Option<usize> {
            usize::try_from(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?)).ok()
        };
        let (n, slots) = (count(0)?, count(8)?);
        let index_at = n.checked_mul(24)?.checked_add(16)?;
        if cfg!(target_endian = "big")
            || bytes.len() != slots.checked_mul(16)?.checked_add(index_at)?
            || !slots.is_power_of_two()
        {
            return None;
        }
        let list =
            NameList { names: in_place(&bytes[16..index_at]), index: in_place(&bytes[index_at..]) };
        // Every run the index gives lies inside the names, and a free
        // slot is left to end each probe.
        let fits = |&[_, at]: &[u64; 2]| (at >> 32) + (at & 0xffff_ffff) <= n as u64;
        let free = list.index.iter().any(|&[_, at]| at & 0xffff_ffff == 0);
        (free && list.index.iter().all(fits)).then_some(list)
    }

    /// The list as bytes for [`NameList::from_table`]: the name count and
    /// the index's length as `u64`s, the names, then the index
    /// (little-endian).
    pub fn table(&self) -> Vec<u8> {
        let mut out = (self.names.len() as u64).to_le_bytes().to_vec();
        out.extend_from_slice(&(self.index.len() as u64).to_le_bytes());
        for v in self.names.iter().flatten().chain(self.index.iter().flatten()) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }

    /// Longest, leftmost, non-overlapping matches over `words`: (start,
    /// end, type code in [`KINDS`]).
    pub fn find(&self, words: &[&str]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        // Running hashes of words[i..i + n], as long as the longest name
        // needs; one buffer for the whole sentence.
        let mut hashes: Vec<u64> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let first = first_hash(words[i]);
            let found = self.starting(first).and_then(|names| {
                let longest =
                    names.first().map_or(0, |n| (n[2] >> 8) as usize).min(words.len() - i);
                hashes.clear();
                hashes.push(first);
                for word in &words[i + 1..i + longest] {
                    let last = *hashes.last().expect("one");
                    hashes.push(extend_hash(last, word));
                }
                names.iter().find(|&&[_, hash, len_code]| {
                    let n = (len_code >> 8) as usize;
                    n <= longest && hashes[n - 1] == hash
                })
            });
            match found {
                Some(&[_, _, len_code]) => {
                    let n = (len_code >> 8) as usize;
                    out.push((i, i + n, (len_code & 0xff) as usize));
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The names whose first word hashes to `first`, longest first.
    fn starting(&self, first: u64) -> Option<&[[u64; 3]]> {
        let mask = self.index.len().checked_sub(1)?;
        let mut slot = slot_of(first, mask);
        loop {
            let [hash, at] = self.index[slot];
            let (start, count) = ((at >> 32) as usize, (at & 0xffff_ffff) as usize);
            if count == 0 {
                return None;
            }
            if hash == first {
                return self.names.get(start..start + count);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// How many names the list holds.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the list holds no name.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// Where a first word's hash starts probing in an index of `mask + 1`
/// slots (FNV's low bits mixed with its high ones).
fn slot_of(hash: u64, mask: usize) -> usize {
    ((hash ^ (hash >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 20) as usize & mask
}

/// The index of `names` (sorted by first hash): a slot per first word, in
/// a table at most half full.
fn build_index(names: &[[u64; 3]]) -> Vec<[u64; 2]> {
    let mut runs: Vec<(u64, usize, usize)> = Vec::new();
    for (at, name) in names.iter().enumerate() {
        match runs.last_mut() {
            Some((first, _, count)) if *first == name[0] => *count += 1,
            _ => runs.push((name[0], at, 1)),
        }
    }
    let slots = (runs.len() * 2).max(1).next_power_of_two();
    let mut index = vec![[0u64; 2]; slots];
    for (first, start, count) in runs {
        let mut slot = slot_of(first, slots - 1);
        while index[slot][1] != 0 {
            slot = (slot + 1) & (slots - 1);
        }
        index[slot] = [first, (start as u64) << 32 | count as u64];
    }
    index
}
