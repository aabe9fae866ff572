//! Long word lists searched where they lie: one word a line, in byte
//! order, after the `#` lines that open the file, with where each line
//! starts found by `build.rs` ([`line_starts`]). No set is built when a
//! process first asks (a hash set of the dictionary's 62,875 words took
//! about 4 ms, a tenth of a short run's start), and a probe of the binary
//! search reads its line at once (scanning for the line's ends took
//! most of a look-up).

/// Where each word line of `text` starts, the `#` lines that open it
/// left out, then where a line after the last would start: each a `u32`,
/// little-endian, as [`SortedWords`] reads them. (`build.rs` lays out the
/// shipped lists with it.)
#[cfg_attr(not(test), allow(dead_code))]
pub fn line_starts(text: &str) -> Vec<u8> {
    let mut starts = Vec::new();
    let mut at = 0;
    let mut header = true;
    for line in text.split_inclusive('\n') {
        header &= line.starts_with('#');
        if !header {
            starts.push(at);
        }
        at += line.len();
    }
    // The last line may end without a newline.
    let end = if text.ends_with('\n') || text.is_empty() { at } else { at + 1 };
    if starts.is_empty() {
        // No words: no line to read.
        return Vec::new();
    }
    starts.push(end);
    starts
        .iter()
        .flat_map(|&s| u32::try_from(s).expect("a list under 4 GiB").to_le_bytes())
        .collect()
}

/// A sorted word list and where its lines start ([`line_starts`] of it).
pub struct SortedWords {
    text: &'static str,
    starts: &'static [u8],
}

impl SortedWords {
    /// The list `text`, whose lines start at `starts` ([`line_starts`]).
    pub const fn new(text: &'static str, starts: &'static [u8]) -> SortedWords {
        SortedWords { text, starts }
    }

    /// How many words.
    fn len(&self) -> usize {
        (self.starts.len() / 4).saturating_sub(1)
    }

    fn start(&self, k: usize) -> usize {
        let at = 4 * k;
        let bytes = self.starts.get(at..at + 4).and_then(|b| b.try_into().ok()).unwrap_or([0; 4]);
        u32::from_le_bytes(bytes) as usize
    }

    /// The `k`-th word, its newline left off.
    fn word(&self, k: usize) -> &'static [u8] {
        let (start, end) = (self.start(k), self.start(k + 1).saturating_sub(1));
        self.text.as_bytes().get(start..end).unwrap_or_default()
    }

    /// Whether `word` is one of the words.
    pub fn contains(&self, word: &str) -> bool {
        let word = word.as_bytes();
        if word.is_empty() {
            return false;
        }
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.word(mid).cmp(word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }

    /// The words, in order.
    #[cfg(test)]
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.len()).map(|k| std::str::from_utf8(self.word(k)).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(text: &'static str) -> SortedWords {
        SortedWords::new(text, Vec::leak(line_starts(text)))
    }

    #[test]
    fn a_list_finds_its_words_and_only_them() {
        for text in ["# a header\n# more\nant\nbee\ncat\n", "ant\nbee\ncat"] {
            let tiny = list(text);
            assert_eq!(tiny.words().collect::<Vec<_>>(), ["ant", "bee", "cat"], "{text:?}");
            assert!(["ant", "bee", "cat"].iter().all(|w| tiny.contains(w)));
            for absent in ["# a header", "be", "dog", "", "aaa", "zzz", "ant\n"] {
                assert!(!tiny.contains(absent), "{absent:?}");
            }
        }
        for empty in ["", "# only a header\n"] {
            assert_eq!(list(empty).words().count(), 0);
            assert!(!list(empty).contains("ant"));
        }
    }
}
