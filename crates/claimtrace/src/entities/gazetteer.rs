//! Gazetteers: names the training corpora cover thinly (countries and
//! their demonyms, capitals and large cities, news organisations,
//! platforms, international bodies, armed and political groups), from the
//! project-authored CC0 lists in `data/`.
//!
//! Matching is on tokens, case-sensitive, longest match first, so "Russian
//! Federation" wins over "Russian".

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::name_list;
use crate::doc::EntityKind;
use crate::segment::tokenize;

/// One gazetteer entry: its canonical name and type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub kind: EntityKind,
}

/// A match of a gazetteer name over words `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

/// The compiled gazetteer.
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    /// First word of a name to (words of the name, entry), longest first.
    by_first: ByFirst,
}

/// First word of a name to (words of the name, entry).
type ByFirst = HashMap<String, Vec<(Vec<String>, usize)>, BuildHasherDefault<Fnv>>;

/// FNV-1a, cheaper than SipHash on the short words looked up here.
#[derive(Clone, Copy, Debug)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The shipped gazetteer.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut names: Vec<(String, EntityKind, Vec<String>)> = Vec::new();
    for line in data_lines(include_str!("data/countries.tsv")) {
        let cols: Vec<&str> = line.split('\t').collect();
        let name = cols[0].to_string();
        names.push((name, EntityKind::Gpe, split_list(cols.get(1).copied())));
        let demonyms = split_list(cols.get(2).copied());
        let plural = cols.get(3).copied().filter(|p| !p.is_empty());
        if let Some((first, rest)) = demonyms.split_first() {
            let mut aliases = rest.to_vec();
            for d in &demonyms {
                let p = match plural {
                    Some(p) => p.to_string(),
                    None if d.ends_with("ese") || d.ends_with("sh") || d.ends_with("ch") => {
                        continue
                    }
                    None => format!("{d}s"),
                };
                if !aliases.contains(&p) && &p != first {
                    aliases.push(p);
                }
            }
            names.push((first.clone(), EntityKind::Norp, aliases));
        }
    }
    for file in [include_str!("data/places.tsv"), include_str!("data/organizations.tsv")] {
        for line in data_lines(file) {
            let cols: Vec<&str> = line.split('\t').collect();
            let Some(kind) = EntityKind::from_name(cols[0]) else { continue };
            let Some(name) = cols.get(1) else { continue };
            names.push((name.to_string(), kind, split_list(cols.get(2).copied())));
        }
    }
    Gazetteer::new(&names)
});

/// Names from data rather than hand lists (`data/names.tsv`, written by
/// `examples/train.rs`): names the CC BY 4.0 entity corpora annotate
/// (wikigold, Broad Twitter Corpus, WNUT 2017; their held-out parts left
/// out) and GeoNames' populated places and US states. The recognizer
/// reads them as features beside [`GAZETTEER`], and learns how far to trust
/// them; they type nothing on their own.
pub static NAMES: LazyLock<NameList> = LazyLock::new(|| {
    // Laid out at build time (`build.rs`) from the same file.
    static TABLE: &crate::tables::Aligned<[u8]> =
        &crate::tables::Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/names.bin")));
    NameList(
        name_list::NameList::from_table(&TABLE.0)
            .unwrap_or_else(|| name_list::NameList::from_tokenized(NAMES_TSV)),
    )
});

const NAMES_TSV: &str = include_str!("data/names.tsv");

/// Given names: the first words of the persons named in two words or more
/// in the names from data ("Larry" of "Larry Hogan"), and the first names
/// of the 1990 US Census that are no common word
/// (`data/entities/given_names.txt`).
pub static GIVEN_NAMES: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    data_lines(NAMES_TSV)
        .filter_map(|line| line.strip_prefix("PERSON\t"))
        .filter_map(|name| name.split_once(' ').map(|(first, _)| first))
        .filter(|first| first.chars().next().is_some_and(char::is_uppercase))
        .chain(data_lines(include_str!("../../data/entities/given_names.txt")))
        .collect()
});

/// The harvested names ([`NAMES`]): a [`name_list::NameList`] whose type
/// codes read as entity types.
#[derive(Default)]
pub struct NameList(name_list::NameList);

/// The entity type of each code of [`name_list::KINDS`].
const CODED: [EntityKind; name_list::KINDS.len()] = [
    EntityKind::Person,
    EntityKind::Org,
    EntityKind::Gpe,
    EntityKind::Loc,
    EntityKind::Fac,
    EntityKind::Norp,
    EntityKind::Event,
    EntityKind::Product,
    EntityKind::Other,
];

impl NameList {
    /// A list from lines of `TYPE<TAB>words`, the words of each name
    /// already tokenized and joined by single spaces (`ORG<TAB>Bank of
    /// America`, `GPE<TAB>Winston - Salem`); `#` lines are comments, and the
    /// first line listing a name keeps it.
    pub fn from_tokenized(text: &str) -> NameList {
        NameList(name_list::NameList::from_tokenized(text))
    }

    /// Longest, leftmost, non-overlapping matches over `words`: (start,
    /// end, type).
    pub fn find(&self, words: &[&str]) -> Vec<(usize, usize, EntityKind)> {
        self.0.find(words).into_iter().map(|(s, e, code)| (s, e, CODED[code])).collect()
    }

    /// The type of the listed name that is exactly these words.
    pub fn whole(&self, words: &[&str]) -> Option<EntityKind> {
        self.find(words).first().filter(|m| m.0 == 0 && m.1 == words.len()).map(|m| m.2)
    }

    /// How many names the list holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the list holds no name.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Gazetteer {
    /// A gazetteer of (canonical name, type, aliases); the first entry
    /// listing a surface form keeps it.
    pub fn new(names: &[(String, EntityKind, Vec<String>)]) -> Gazetteer {
        let mut entries = Vec::new();
        let mut by_first = ByFirst::default();
        for (name, kind, aliases) in names {
            let idx = entries.len();
            entries.push(Entry { name: name.clone(), kind: *kind });
            for surface in std::iter::once(name).chain(aliases) {
                let words: Vec<String> = tokenize(surface)
                    .iter()
                    .map(|t| crate::chars::slice(surface, t.span.range()).to_string())
                    .collect();
                let Some(first) = words.first().cloned() else { continue };
                let list = by_first.entry(first).or_default();
                if !list.iter().any(|(w, _)| *w == words) {
                    list.push((words, idx));
                }
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        Gazetteer { entries, by_first }
    }

    /// Longest, leftmost, non-overlapping matches over `words`.
    pub fn find(&self, words: &[&str]) -> Vec<Match> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let found = self.by_first.get(words[i]).and_then(|list| {
                list.iter().find(|(w, _)| {
                    w.len() <= words.len() - i && w.iter().zip(&words[i..]).all(|(a, b)| a == b)
                })
            });
            match found {
                Some((w, entry)) => {
                    out.push(Match { start: i, end: i + w.len(), entry: *entry });
                    i += w.len();
                }
                None => i += 1,
            }
        }
        out
    }

    /// The entry whose canonical name or alias is exactly `surface`.
    pub fn lookup(&self, surface: &str) -> Option<usize> {
        let words: Vec<&str> = tokenize(surface)
            .iter()
            .map(|t| crate::chars::slice(surface, t.span.range()))
            .collect();
        self.whole(&words)
    }

    /// Whether some entry of `kind` is named `word` alone (canonically or
    /// as an alias): "Democrats" is a group as well as a party.
    pub fn names_one_word_as(&self, word: &str, kind: EntityKind) -> bool {
        self.by_first.get(word).is_some_and(|list| {
            list.iter().any(|(w, entry)| w.len() == 1 && self.entries[*entry].kind == kind)
        })
    }

    /// The entry whose canonical name or alias is exactly these words.
    pub fn whole(&self, words: &[&str]) -> Option<usize> {
        self.find(words).first().filter(|m| m.start == 0 && m.end == words.len()).map(|m| m.entry)
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

fn split_list(field: Option<&str>) -> Vec<String> {
    field
        .unwrap_or("")
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_list_finds_the_longest_name_and_keeps_the_first_type() {
        let list = NameList::from_tokenized(
            "# comment\nGPE\tWinston - Salem\nORG\tBank of America\nGPE\tAmerica\n\
             PERSON\tAmerica\nORG\tBank\n",
        );
        assert_eq!(list.len(), 4);
        let words =
            ["the", "Bank", "of", "America", "in", "Winston", "-", "Salem", "and", "America"];
        assert_eq!(
            list.find(&words),
            vec![(1, 4, EntityKind::Org), (5, 8, EntityKind::Gpe), (9, 10, EntityKind::Gpe)]
        );
        // A name cut short at the end of the words is not found whole.
        assert_eq!(list.find(&["Bank", "of"]), vec![(0, 1, EntityKind::Org)]);
        assert!(list.find(&["bank", "of", "america"]).is_empty());
    }

    #[test]
    fn shipped_names_load() {
        assert!(NAMES.len() > 30_000);
        assert_eq!(NAMES.find(&["Shanghai"]), vec![(0, 1, EntityKind::Gpe)]);
    }

    #[test]
    fn the_shipped_name_table_is_the_one_the_data_gives() {
        let parsed = name_list::NameList::from_tokenized(NAMES_TSV);
        assert_eq!(NAMES.0.table(), parsed.table());
        // A table cut short is refused.
        let table: &'static [u8] = Vec::leak(parsed.table());
        assert!(name_list::NameList::from_table(&table[..table.len() - 8]).is_none());
        assert!(name_list::NameList::from_table(&[]).is_none());
    }

    #[test]
    fn codes_name_their_types() {
        for (code, name) in name_list::KINDS.iter().enumerate() {
            assert_eq!(EntityKind::from_name(name), Some(CODED[code]));
        }
    }

    #[test]
    fn longest_match_and_demonym_plurals() {
        let g = &*GAZETTEER;
        let words = ["the", "Russian", "Federation", "and", "Russians", "in", "Kyiv"];
        let found: Vec<(usize, usize, &str, EntityKind)> = g
            .find(&words)
            .iter()
            .map(|m| (m.start, m.end, g.entries[m.entry].name.as_str(), g.entries[m.entry].kind))
            .collect();
        assert_eq!(
            found,
            vec![
                (1, 3, "Russia", EntityKind::Gpe),
                (4, 5, "Russian", EntityKind::Norp),
                (6, 7, "Kyiv", EntityKind::Gpe),
            ]
        );
        assert_eq!(g.lookup("U.S.").map(|e| g.entries[e].name.as_str()), Some("United States"));
    }
}
