//! The place gazetteer: GeoNames' countries, continents, US states and
//! populated places of 15,000+ people, with the alternate names an English
//! text may use (`data/geo/`, built by `scripts/build_geo.py`; CC BY 4.0,
//! geonames.org).
//!
//! Names are looked up by a normalised key (lower case, curly apostrophes
//! straightened, a leading "the" dropped, spaces collapsed), hashed into a
//! sorted table: 150,000 names in about 2 MB, the place texts borrowed from
//! the embedded data.
//!
//! The shipped gazetteer's name table is sorted at build time (`build.rs`
//! includes this file: it stands alone, without the rest of the crate) and
//! read where it lies in the program image (`crate::tables`); only the places themselves are
//! read from their text at start-up ([`PlaceGazetteer::with_names`]).

use std::borrow::Cow;

use crate::tables::in_place;

/// FNV-1a's starting value and prime (as `crate::ledger::hash`).
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv1a_extend(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

/// What kind of place an entry is; decides how much a name match says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceKind {
    Country,
    Continent,
    /// A first-level division or a constituent country (US states,
    /// England, Gaza).
    Region,
    /// A populated place.
    City,
}

/// One place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub kind: PlaceKind,
    pub name: &'static str,
    /// GeoNames id, where the data gives one.
    pub id: Option<u32>,
    /// ISO 3166-1 alpha-2; empty for continents.
    pub country: &'static str,
    /// First-level division code (US states: "TX"); empty when unknown.
    pub admin1: &'static str,
    pub population: u64,
    /// Latitude and longitude in hundred-thousandths of a degree.
    pub coordinates: Option<(i32, i32)>,
}

/// A name's entry in the lookup table: which place, and whether the name is
/// the place's own (or a listed alias) rather than one of GeoNames'
/// alternate names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameHit {
    pub place: usize,
    pub primary: bool,
}

/// The compiled gazetteer.
pub struct PlaceGazetteer {
    pub places: Vec<Place>,
    /// Name key hashes, sorted, and beside each (`values`) the place index
    /// shifted left by one, or-ed with whether the name is primary; pairs
    /// with the same key in value order.
    keys: Cow<'static, [u64]>,
    values: Cow<'static, [u32]>,
    /// Country code to the index of the country's place.
    countries: Vec<(&'static str, usize)>,
    /// Demonym key to country code ("Russian" → "RU").
    demonyms: Vec<(u64, &'static str)>,
}

impl PlaceGazetteer {
    /// A gazetteer from the four data files' texts (format: see
    /// `scripts/build_geo.py`). Malformed lines are skipped.
    pub fn parse(
        countries: &'static str,
        continents: &'static str,
        regions: &'static str,
        places: &'static str,
    ) -> PlaceGazetteer {
        let mut names = Vec::new();
        let mut g = Self::read([countries, continents, regions, places], Some(&mut names));
        names.sort_unstable();
        names.dedup();
        g.keys = names.iter().map(|&(k, _)| k).collect();
        g.values = names.iter().map(|&(_, v)| v).collect();
        g
    }

    /// The gazetteer of the same four texts with the name table `names`
    /// that [`PlaceGazetteer::names_table`] wrote for them, borrowed where
    /// it is aligned (to 8 bytes). `None` if the table is not one.
    pub fn with_names(
        countries: &'static str,
        continents: &'static str,
        regions: &'static str,
        places: &'static str,
        names: &'static [u8],
    ) -> Option<PlaceGazetteer> {
        let n = usize::try_from(u64::from_le_bytes(names.get(..8)?.try_into().ok()?)).ok()?;
        let keys = names.get(8..8 + 8 * n)?;
        let values = names.get(8 + 8 * n..8 + 12 * n)?;
        if cfg!(target_endian = "big") || names.len() != 8 + 12 * n {
            return None;
        }
        let mut g = Self::read([countries, continents, regions, places], None);
        g.keys = in_place(keys);
        g.values = in_place(values);
        Some(g)
    }

    /// The name table, for [`PlaceGazetteer::with_names`]: the name count
    /// as a `u64`, the key hashes, then the values (little-endian).
    pub fn names_table(&self) -> Vec<u8> {
        let mut out = (self.keys.len() as u64).to_le_bytes().to_vec();
        for k in self.keys.iter() {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for v in self.values.iter() {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }

    /// The places, countries and demonyms of the four texts; their names
    /// into `names` if asked for, unsorted.
    fn read(
        [countries, continents, regions, places]: [&'static str; 4],
        mut names: Option<&mut Vec<(u64, u32)>>,
    ) -> PlaceGazetteer {
        let mut g = PlaceGazetteer {
            places: Vec::new(),
            keys: Cow::Borrowed(&[]),
            values: Cow::Borrowed(&[]),
            countries: Vec::new(),
            demonyms: Vec::new(),
        };
        for cols in rows(countries) {
            let [iso, id, name, population, _continent, ..] = cols[..] else { continue };
            let place = g.push(
                names.as_deref_mut(),
                Place {
                    kind: PlaceKind::Country,
                    name,
                    id: id.parse().ok(),
                    country: iso,
                    admin1: "",
                    population: population.parse().unwrap_or(0),
                    coordinates: None,
                },
            );
            g.countries.push((iso, place));
            add_names(names.as_deref_mut(), place, cols.get(5).copied(), true);
            for demonym in list(cols.get(6).copied()) {
                g.demonyms.push((key_hash(demonym), iso));
            }
        }
        for cols in rows(continents) {
            let [id, name, lat, lon, ..] = cols[..] else { continue };
            g.push(
                names.as_deref_mut(),
                Place {
                    kind: PlaceKind::Continent,
                    name,
                    id: id.parse().ok(),
                    country: "",
                    admin1: "",
                    population: 0,
                    coordinates: coordinates(lat, lon),
                },
            );
        }
        for cols in rows(regions) {
            let [iso, id, name, admin1, ..] = cols[..] else { continue };
            let place = g.push(
                names.as_deref_mut(),
                Place {
                    kind: PlaceKind::Region,
                    name,
                    id: id.parse().ok(),
                    country: iso,
                    admin1,
                    population: 0,
                    coordinates: None,
                },
            );
            add_names(names.as_deref_mut(), place, cols.get(4).copied(), true);
        }
        for cols in rows(places) {
            let [id, name, lat, lon, iso, admin1, population, ..] = cols[..] else { continue };
            let place = g.push(
                names.as_deref_mut(),
                Place {
                    kind: PlaceKind::City,
                    name,
                    id: id.parse().ok(),
                    country: iso,
                    admin1,
                    population: population.parse().unwrap_or(0),
                    coordinates: coordinates(lat, lon),
                },
            );
            add_names(names.as_deref_mut(), place, cols.get(7).copied(), false);
        }
        g.countries.sort_unstable();
        g.demonyms.sort_unstable();
        g
    }

    fn push(&mut self, names: Option<&mut Vec<(u64, u32)>>, place: Place) -> usize {
        let idx = self.places.len();
        if let Some(names) = names {
            names.push((key_hash(place.name), (idx as u32) << 1 | 1));
        }
        self.places.push(place);
        idx
    }

    /// Every place called `name` (its own name, an alias or an alternate).
    pub fn lookup(&self, name: &str) -> Vec<NameHit> {
        self.hits(name).collect()
    }

    /// [`lookup`](Self::lookup) without collecting: the hot tests (is
    /// this word a known place?) read a hit or two and stop.
    pub fn hits(&self, name: &str) -> impl Iterator<Item = NameHit> + '_ {
        let key = key_hash(name);
        let from = self.keys.partition_point(|&k| k < key);
        let to = from + self.keys[from..].partition_point(|&k| k == key);
        self.values[from..to]
            .iter()
            .map(|&v| NameHit { place: (v >> 1) as usize, primary: v & 1 == 1 })
    }

    /// The place of the country with ISO code `iso`.
    pub fn country(&self, iso: &str) -> Option<&Place> {
        let i = self.countries.binary_search_by(|&(c, _)| c.cmp(iso)).ok()?;
        Some(&self.places[self.countries[i].1])
    }

    /// The country whose people `word` names ("Russian", "Russians").
    pub fn demonym(&self, word: &str) -> Option<&'static str> {
        let key = key_hash(word);
        let i = self.demonyms.binary_search_by(|&(k, _)| k.cmp(&key)).ok()?;
        Some(self.demonyms[i].1)
    }
}

/// The lookup key of a name: lower case, curly apostrophes straight, a
/// leading "the " dropped, runs of spaces as one.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    key_bytes(name, |bytes| out.push_str(std::str::from_utf8(bytes).expect("whole characters")));
    out
}

/// FNV-1a of [`key`]`(name)`, hashed as the key is made, without building
/// it: the gazetteer's 150,000 names are hashed when it is built.
fn key_hash(name: &str) -> u64 {
    let mut hash = FNV_OFFSET;
    key_bytes(name, |bytes| hash = fnv1a_extend(hash, bytes));
    hash
}

/// The bytes of [`key`]`(name)`, handed to `emit` in order, whole
/// characters at a time.
fn key_bytes(name: &str, mut emit: impl FnMut(&[u8])) {
    let mut first = true;
    for word in name.split_whitespace() {
        if first && word.eq_ignore_ascii_case("the") {
            continue;
        }
        if !first {
            emit(b" ");
        }
        first = false;
        let mut buf = [0u8; 4];
        for c in word.chars() {
            match c {
                '\u{2019}' | '\u{2018}' => emit(b"'"),
                c if c.is_ascii() => emit(&[c.to_ascii_lowercase() as u8]),
                c => {
                    for l in c.to_lowercase() {
                        emit(l.encode_utf8(&mut buf).as_bytes());
                    }
                }
            }
        }
    }
}

/// Adds the `;`-separated `names` of `place` to `out`, if there is one.
fn add_names(
    out: Option<&mut Vec<(u64, u32)>>,
    place: usize,
    names: Option<&'static str>,
    primary: bool,
) {
    if let Some(out) = out {
        for name in list(names) {
            out.push((key_hash(name), (place as u32) << 1 | u32::from(primary)));
        }
    }
}

/// The data lines of a TSV text, split into at most [`COLUMNS`] columns
/// (the last keeps any further tabs).
fn rows(text: &'static str) -> impl Iterator<Item = Columns> {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| {
        let mut columns = Columns { cols: [""; COLUMNS], len: 0 };
        for (slot, col) in columns.cols.iter_mut().zip(l.splitn(COLUMNS, '\t')) {
            *slot = col;
            columns.len += 1;
        }
        columns
    })
}

/// The most columns a data file has (`places.tsv`).
const COLUMNS: usize = 8;

/// One line's columns, without a vector per line.
struct Columns {
    cols: [&'static str; COLUMNS],
    len: usize,
}

impl std::ops::Deref for Columns {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        &self.cols[..self.len]
    }
}

fn list(field: Option<&'static str>) -> impl Iterator<Item = &'static str> {
    field.unwrap_or("").split(';').map(str::trim).filter(|s| !s.is_empty())
}

fn coordinates(lat: &str, lon: &str) -> Option<(i32, i32)> {
    let lat: f64 = lat.parse().ok()?;
    let lon: f64 = lon.parse().ok()?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return None;
    }
    Some(((lat * 1e5).round() as i32, (lon * 1e5).round() as i32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_aliases_and_alternates_find_their_places() {
        let g = &*super::super::PLACES;
        let names = |name: &str| -> Vec<(&str, &str, bool)> {
            g.lookup(name)
                .iter()
                .map(|h| (g.places[h.place].name, g.places[h.place].country, h.primary))
                .collect()
        };
        assert_eq!(names("the Netherlands"), [("The Netherlands", "NL", true)]);
        assert!(names("U.S.").contains(&("United States", "US", true)));
        assert!(names("Kiev").contains(&("Kyiv", "UA", false)));
        assert!(names("Moscow").contains(&("Moscow", "RU", true)));
        assert!(names("Texas").contains(&("Texas", "US", true)));
        assert!(names("Europe").iter().any(|&(n, c, _)| n == "Europe" && c.is_empty()));
        assert!(names("Nowhere-in-particular").is_empty());
        assert_eq!(g.country("RU").map(|p| p.id), Some(Some(2017370)));
        assert_eq!(g.demonym("Russians"), Some("RU"));
        assert_eq!(key("  The  Hague’s "), "hague's");
    }

    #[test]
    fn the_shipped_name_table_is_the_one_the_data_gives() {
        let parsed = PlaceGazetteer::parse(
            include_str!("../../data/geo/countries.tsv"),
            include_str!("../../data/geo/continents.tsv"),
            include_str!("../../data/geo/regions.tsv"),
            include_str!("../../data/geo/places.tsv"),
        );
        let shipped = &*super::super::PLACES;
        assert!(matches!(shipped.keys, Cow::Borrowed(_)), "read in place");
        assert_eq!(shipped.keys[..], parsed.keys[..]);
        assert_eq!(shipped.values[..], parsed.values[..]);
        assert_eq!(shipped.places, parsed.places);
        assert!(parsed.keys.len() > 100_000);
        let table: &'static [u8] = Vec::leak(parsed.names_table());
        assert!(PlaceGazetteer::with_names("", "", "", "", &table[..table.len() - 1]).is_none());
    }

    proptest::proptest! {
        /// The streamed hash is the hash of the key.
        #[test]
        fn key_hash_is_the_hash_of_the_key(name in "(?s).{0,40}|(the|The|THE| |Ő|İ|ẞ|’|a|B){0,12}") {
            proptest::prop_assert_eq!(
                key_hash(&name),
                crate::ledger::hash::fnv1a(key(&name).as_bytes())
            );
        }
    }
}
