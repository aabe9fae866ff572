//! The place gazetteer: GeoNames' countries, continents, US states and
//! populated places of 15,000+ people, with the alternate names an English
//! text may use (`data/geo/`, built by `scripts/build_geo.py`; CC BY 4.0,
//! geonames.org).
//!
//! Names are looked up by a normalised key (lower case, curly apostrophes
//! straightened, a leading "the" dropped, spaces collapsed), hashed into a
//! sorted table: 200,000 names in about 3 MB, the place texts borrowed from
//! the embedded data.

use std::sync::LazyLock;

use crate::ledger::hash::{fnv1a_extend, FNV_OFFSET};

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
    /// (key hash, place index << 1 | primary), sorted.
    names: Vec<(u64, u32)>,
    /// Country code to the index of the country's place.
    countries: Vec<(&'static str, usize)>,
    /// Demonym key to country code ("Russian" → "RU").
    demonyms: Vec<(u64, &'static str)>,
}

/// The shipped gazetteer, built on first use.
pub static PLACES: LazyLock<PlaceGazetteer> = LazyLock::new(|| {
    PlaceGazetteer::parse(
        include_str!("../../data/geo/countries.tsv"),
        include_str!("../../data/geo/continents.tsv"),
        include_str!("../../data/geo/regions.tsv"),
        include_str!("../../data/geo/places.tsv"),
    )
});

impl PlaceGazetteer {
    /// A gazetteer from the four data files' texts (format: see
    /// `scripts/build_geo.py`). Malformed lines are skipped.
    pub fn parse(
        countries: &'static str,
        continents: &'static str,
        regions: &'static str,
        places: &'static str,
    ) -> PlaceGazetteer {
        let mut g = PlaceGazetteer {
            places: Vec::new(),
            names: Vec::new(),
            countries: Vec::new(),
            demonyms: Vec::new(),
        };
        for cols in rows(countries) {
            let [iso, id, name, population, _continent, ..] = cols[..] else { continue };
            let place = g.push(Place {
                kind: PlaceKind::Country,
                name,
                id: id.parse().ok(),
                country: iso,
                admin1: "",
                population: population.parse().unwrap_or(0),
                coordinates: None,
            });
            g.countries.push((iso, place));
            g.add_names(place, cols.get(5).copied(), true);
            for demonym in list(cols.get(6).copied()) {
                g.demonyms.push((key_hash(demonym), iso));
            }
        }
        for cols in rows(continents) {
            let [id, name, lat, lon, ..] = cols[..] else { continue };
            g.push(Place {
                kind: PlaceKind::Continent,
                name,
                id: id.parse().ok(),
                country: "",
                admin1: "",
                population: 0,
                coordinates: coordinates(lat, lon),
            });
        }
        for cols in rows(regions) {
            let [iso, id, name, admin1, ..] = cols[..] else { continue };
            let place = g.push(Place {
                kind: PlaceKind::Region,
                name,
                id: id.parse().ok(),
                country: iso,
                admin1,
                population: 0,
                coordinates: None,
            });
            g.add_names(place, cols.get(4).copied(), true);
        }
        for cols in rows(places) {
            let [id, name, lat, lon, iso, admin1, population, ..] = cols[..] else { continue };
            let place = g.push(Place {
                kind: PlaceKind::City,
                name,
                id: id.parse().ok(),
                country: iso,
                admin1,
                population: population.parse().unwrap_or(0),
                coordinates: coordinates(lat, lon),
            });
            g.add_names(place, cols.get(7).copied(), false);
        }
        g.names.sort_unstable();
        g.names.dedup();
        g.countries.sort_unstable();
        g.demonyms.sort_unstable();
        g
    }

    fn push(&mut self, place: Place) -> usize {
        let idx = self.places.len();
        self.names.push((key_hash(place.name), (idx as u32) << 1 | 1));
        self.places.push(place);
        idx
    }

    fn add_names(&mut self, place: usize, names: Option<&'static str>, primary: bool) {
        for name in list(names) {
            self.names.push((key_hash(name), (place as u32) << 1 | u32::from(primary)));
        }
    }

    /// Every place called `name` (its own name, an alias or an alternate).
    pub fn lookup(&self, name: &str) -> Vec<NameHit> {
        let key = key_hash(name);
        let from = self.names.partition_point(|&(k, _)| k < key);
        self.names[from..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .map(|&(_, v)| NameHit { place: (v >> 1) as usize, primary: v & 1 == 1 })
            .collect()
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
/// it: the 200,000 names of the gazetteer are hashed at start-up.
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

fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
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
        let g = &*PLACES;
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
