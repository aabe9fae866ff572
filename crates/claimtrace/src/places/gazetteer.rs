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
//! The shipped gazetteer's tables are made at build time (`build.rs`
//! includes this file: it stands alone, without the rest of the crate) and
//! read where they lie in the program image (`crate::tables`): the sorted
//! names, and where each place's line is in its data file. A place is read
//! from its line when it is asked for ([`PlaceGazetteer::place`]), so that
//! start-up reads only the countries ([`PlaceGazetteer::with_tables`]).

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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    /// The four data texts: countries, continents, regions, places.
    texts: [&'static str; 4],
    /// Per place, in index order: its text (index into `texts`, which
    /// gives its kind) and its line's byte range there.
    rows: Cow<'static, [[u32; 3]]>,
    /// Name key hashes, sorted, and beside each (`values`) the place index
    /// shifted left by one, or-ed with whether the name is primary; pairs
    /// with the same key in value order.
    keys: Cow<'static, [u64]>,
    values: Cow<'static, [u32]>,
    /// Where the keys of each bucket start in `keys` (a bucket: the keys
    /// whose top [`BUCKET_BITS`] bits are its number), and the end: a
    /// lookup searches a few keys in a line or two of memory instead of
    /// halving all 150,000 (a sixth of the entity stage's time).
    buckets: Vec<u32>,
    /// Country code to the index of the country's place.
    countries: Vec<(&'static str, usize)>,
    /// Demonym key to country code ("Russian" → "RU").
    demonyms: Vec<(u64, &'static str)>,
}

/// Bits of a name's key hash that pick its bucket: 32,768 buckets of
/// four or five names each.
const BUCKET_BITS: u32 = 15;

impl PlaceGazetteer {
    /// A gazetteer from the four data files' texts (format: see
    /// `scripts/build_geo.py`). Malformed lines are skipped.
    pub fn parse(
        countries: &'static str,
        continents: &'static str,
        regions: &'static str,
        places: &'static str,
    ) -> PlaceGazetteer {
        let texts = [countries, continents, regions, places];
        let mut names = Vec::new();
        let mut rows = Vec::new();
        for (file, &text) in texts.iter().enumerate() {
            for (range, line) in lines(text) {
                let Some((place, listed)) = read_line(KINDS[file], line) else { continue };
                let index = rows.len() as u32;
                rows.push([file as u32, range.0, range.1]);
                names.push((key_hash(place.name), index << 1 | 1));
                // Countries' and regions' listed names are aliases, as good
                // as their own; places' are GeoNames' alternates.
                let primary = place.kind != PlaceKind::City;
                for name in list(listed) {
                    names.push((key_hash(name), index << 1 | u32::from(primary)));
                }
            }
        }
        names.sort_unstable();
        names.dedup();
        let keys = names.iter().map(|&(k, _)| k).collect();
        let values = names.iter().map(|&(_, v)| v).collect();
        Self::with_rows(texts, Cow::Owned(rows)).with_names(keys, values)
    }

    /// The gazetteer of the same four texts with the tables `tables` that
    /// [`PlaceGazetteer::tables`] wrote for them, borrowed where they are
    /// aligned (to 8 bytes). `None` if the tables are not those of these
    /// texts.
    pub fn with_tables(
        countries: &'static str,
        continents: &'static str,
        regions: &'static str,
        places: &'static str,
        tables: &'static [u8],
    ) -> Option<PlaceGazetteer> {
        let count = |at: usize| -> Option<usize> {
            usize::try_from(u64::from_le_bytes(tables.get(at..at + 8)?.try_into().ok()?)).ok()
        };
        let (n, m) = (count(0)?, count(8)?);
        let rows_at = n.checked_mul(8)?.checked_add(16)?;
        let values_at = m.checked_mul(12)?.checked_add(rows_at)?;
        if cfg!(target_endian = "big")
            || tables.len() != n.checked_mul(4)?.checked_add(values_at)?
        {
            return None;
        }
        let texts = [countries, continents, regions, places];
        let rows: Cow<'static, [[u32; 3]]> = in_place(&tables[rows_at..values_at]);
        // Every line a row points at is in its text, on character
        // boundaries: a place is read from it without a check.
        let fits = |&[file, start, end]: &[u32; 3]| {
            texts.get(file as usize).is_some_and(|t| t.get(start as usize..end as usize).is_some())
        };
        if !rows.iter().all(fits) {
            return None;
        }
        let g = Self::with_rows(texts, rows)
            .with_names(in_place(&tables[16..rows_at]), in_place(&tables[values_at..]));
        // Every name's place is one of the rows.
        g.values.iter().all(|&v| ((v >> 1) as usize) < m).then_some(g)
    }

    /// The gazetteer with its names: `keys`, sorted, and their `values`;
    /// the keys' buckets indexed.
    fn with_names(mut self, keys: Cow<'static, [u64]>, values: Cow<'static, [u32]>) -> Self {
        let mut buckets = Vec::with_capacity((1 << BUCKET_BITS) + 1);
        let mut at = 0;
        for bucket in 0..1u64 << BUCKET_BITS {
            at += keys[at..].iter().take_while(|&&k| k >> (64 - BUCKET_BITS) < bucket).count();
            buckets.push(at as u32);
        }
        buckets.push(keys.len() as u32);
        (self.keys, self.values, self.buckets) = (keys, values, buckets);
        self
    }

    /// The gazetteer's tables, for [`PlaceGazetteer::with_tables`]: the
    /// name count and the place count as `u64`s, the names' key hashes,
    /// the places' rows, then the names' values (little-endian).
    pub fn tables(&self) -> Vec<u8> {
        let mut out = (self.keys.len() as u64).to_le_bytes().to_vec();
        out.extend_from_slice(&(self.rows.len() as u64).to_le_bytes());
        for k in self.keys.iter() {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for v in self.rows.iter().flatten() {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in self.values.iter() {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }

    /// The gazetteer of `rows` over `texts`, names not yet set: the
    /// countries and demonyms are read from the countries' text.
    fn with_rows(texts: [&'static str; 4], rows: Cow<'static, [[u32; 3]]>) -> PlaceGazetteer {
        let mut countries = Vec::new();
        let mut demonyms = Vec::new();
        for (index, row) in rows.iter().enumerate().take_while(|(_, row)| row[0] == 0) {
            let Some(line) = texts[0].get(row[1] as usize..row[2] as usize) else { continue };
            let cols = columns(line);
            let Some(&iso) = cols.first() else { continue };
            countries.push((iso, index));
            for demonym in list(cols.get(6).copied()) {
                demonyms.push((key_hash(demonym), iso));
            }
        }
        countries.sort_unstable();
        demonyms.sort_unstable();
        PlaceGazetteer {
            texts,
            rows,
            keys: Cow::Borrowed(&[]),
            values: Cow::Borrowed(&[]),
            buckets: Vec::new(),
            countries,
            demonyms,
        }
    }

    /// How many places there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The place at `index` (as [`NameHit::place`] gives it), read from
    /// its line.
    ///
    /// # Panics
    /// If `index` is not below [`len`](Self::len), as a slice would.
    pub fn place(&self, index: usize) -> Place {
        let [file, start, end] = self.rows[index];
        let line = self.texts[file as usize].get(start as usize..end as usize).unwrap_or("");
        // Rows are made only for lines that read (`parse`, and the same
        // code at build time over the same texts): the fallback is never
        // taken.
        let kind = KINDS[file as usize];
        read_line(kind, line).map_or(
            Place {
                kind,
                name: line,
                id: None,
                country: "",
                admin1: "",
                population: 0,
                coordinates: None,
            },
            |(place, _)| place,
        )
    }

    /// The kind of the place at `index`, without reading its line.
    ///
    /// # Panics
    /// If `index` is not below [`len`](Self::len), as a slice would.
    pub fn kind(&self, index: usize) -> PlaceKind {
        KINDS[self.rows[index][0] as usize]
    }

    /// Every place, in index order.
    pub fn places(&self) -> impl Iterator<Item = Place> + '_ {
        (0..self.len()).map(|i| self.place(i))
    }

    /// Every place called `name` (its own name, an alias or an alternate).
    pub fn lookup(&self, name: &str) -> Vec<NameHit> {
        self.hits(name).collect()
    }

    /// [`lookup`](Self::lookup) without collecting: the hot tests (is
    /// this word a known place?) read a hit or two and stop.
    pub fn hits(&self, name: &str) -> impl Iterator<Item = NameHit> + '_ {
        let key = key_hash(name);
        let bucket = (key >> (64 - BUCKET_BITS)) as usize;
        let (start, end) = match self.buckets.get(bucket..bucket + 2) {
            Some(&[start, end]) => (start as usize, end as usize),
            _ => (0, 0),
        };
        let keys = &self.keys[start..end];
        let from = keys.partition_point(|&k| k < key);
        let to = from + keys[from..].partition_point(|&k| k == key);
        self.values[start + from..start + to]
            .iter()
            .map(|&v| NameHit { place: (v >> 1) as usize, primary: v & 1 == 1 })
    }

    /// The place of the country with ISO code `iso`.
    pub fn country(&self, iso: &str) -> Option<Place> {
        let i = self.countries.binary_search_by(|&(c, _)| c.cmp(iso)).ok()?;
        Some(self.place(self.countries[i].1))
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

/// The kind of place each data text lists, in the order of `texts`.
const KINDS: [PlaceKind; 4] =
    [PlaceKind::Country, PlaceKind::Continent, PlaceKind::Region, PlaceKind::City];

/// The data lines of a TSV text with their byte ranges in it (`#`
/// comments and blank lines left out).
fn lines(text: &'static str) -> impl Iterator<Item = ((u32, u32), &'static str)> {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(move |l| {
        let start = l.as_ptr() as usize - text.as_ptr() as usize;
        ((start as u32, (start + l.len()) as u32), l)
    })
}

/// A data line of a text listing places of `kind` as the place, and the
/// `;`-separated names it lists for it (aliases for countries and
/// regions, GeoNames' alternates for places); `None` for a malformed line.
fn read_line(kind: PlaceKind, line: &'static str) -> Option<(Place, Option<&'static str>)> {
    let cols = columns(line);
    let place = |name, id: &str, country, admin1, population: &str, coordinates| Place {
        kind,
        name,
        id: id.parse().ok(),
        country,
        admin1,
        population: population.parse().unwrap_or(0),
        coordinates,
    };
    match kind {
        PlaceKind::Country => {
            let [iso, id, name, population, _continent, ..] = cols[..] else { return None };
            Some((place(name, id, iso, "", population, None), cols.get(5).copied()))
        }
        PlaceKind::Continent => {
            let [id, name, lat, lon, ..] = cols[..] else { return None };
            Some((place(name, id, "", "", "", coordinates(lat, lon)), None))
        }
        PlaceKind::Region => {
            let [iso, id, name, admin1, ..] = cols[..] else { return None };
            Some((place(name, id, iso, admin1, "", None), cols.get(4).copied()))
        }
        PlaceKind::City => {
            let [id, name, lat, lon, iso, admin1, population, ..] = cols[..] else { return None };
            let at = coordinates(lat, lon);
            Some((place(name, id, iso, admin1, population, at), cols.get(7).copied()))
        }
    }
}

/// A data line split into at most [`COLUMNS`] columns (the last keeps any
/// further tabs).
fn columns(line: &'static str) -> Columns {
    let mut columns = Columns { cols: [""; COLUMNS], len: 0 };
    for (slot, col) in columns.cols.iter_mut().zip(line.splitn(COLUMNS, '\t')) {
        *slot = col;
        columns.len += 1;
    }
    columns
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
                .map(|h| (g.place(h.place).name, g.place(h.place).country, h.primary))
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
    fn every_name_is_found_in_its_bucket() {
        let g = &*super::super::PLACES;
        assert_eq!(g.buckets.len(), (1 << BUCKET_BITS) + 1);
        for (i, &key) in g.keys.iter().enumerate() {
            let bucket = (key >> (64 - BUCKET_BITS)) as usize;
            let (start, end) = (g.buckets[bucket] as usize, g.buckets[bucket + 1] as usize);
            assert!((start..end).contains(&i), "key {i} lies in its bucket");
        }
        // And the lookups by bucket give what searching every key gives.
        for name in ["Moscow", "U.S.", "Kiev", "the Netherlands", "Springfield", "Nowhere-upon-Sea"]
        {
            let key = key_hash(name);
            let all: Vec<u32> = g
                .keys
                .iter()
                .zip(g.values.iter())
                .filter(|(k, _)| **k == key)
                .map(|(_, v)| *v)
                .collect();
            let found: Vec<u32> =
                g.hits(name).map(|h| (h.place as u32) << 1 | u32::from(h.primary)).collect();
            assert_eq!(found, all, "{name}");
        }
    }

    #[test]
    fn the_shipped_tables_are_the_ones_the_data_gives() {
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
        assert_eq!(shipped.buckets, parsed.buckets);
        assert!(matches!(shipped.rows, Cow::Borrowed(_)), "read in place");
        assert_eq!(shipped.rows[..], parsed.rows[..]);
        assert!(shipped.places().eq(parsed.places()));
        assert!(shipped.places().enumerate().all(|(i, p)| shipped.kind(i) == p.kind));
        assert!(parsed.keys.len() > 100_000 && parsed.len() > 30_000);
        let table: &'static [u8] = Vec::leak(parsed.tables());
        assert!(PlaceGazetteer::with_tables("", "", "", "", &table[..table.len() - 1]).is_none());
        // Rows that point outside their texts are refused.
        assert!(PlaceGazetteer::with_tables("", "", "", "", table).is_none());
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
