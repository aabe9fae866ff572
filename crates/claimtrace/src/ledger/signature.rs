//! What a claim says, reduced to what decides whether two claims are the
//! same proposition: content stems, numbers, negation and entities.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet;

use super::hash::{fnv1a, mix, FNV_OFFSET, GOLDEN};
use crate::doc::Upos;

static STOPWORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/ledger/stopwords.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Stems of derived words and the stems of the words they are derived
/// from ("explos" of "explosion" → "explod" of "explode", "presidenti" →
/// "presid"), from WordNet 3.0's derivationally related forms and
/// pertainyms (`data/ledger/derivations.tsv`, built by
/// `scripts/build_derivations.py`), so that a report's noun and another's
/// verb are one stem. Stems, not words: what Snowball already makes one
/// ("explosion", "explosives") stays one.
static STEM_ROOTS: LazyLock<rustc_hash::FxHashMap<String, String>> = LazyLock::new(|| {
    let mut roots: rustc_hash::FxHashMap<String, String> = rustc_hash::FxHashMap::default();
    for (derived, root) in include_str!("../../data/ledger/derivations.tsv")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
    {
        let (derived, root) = (STEMMER.stem(derived), STEMMER.stem(root));
        // Not a link that closes a circle ("cannul" → "cannulis" →
        // "cannul"): the first one read stands.
        let mut at = &*root;
        while let Some(next) = roots.get(at) {
            at = next.as_str();
        }
        if at != derived && !roots.contains_key(&*derived) {
            roots.insert(derived.into_owned(), root.into_owned());
        }
    }
    // A root's stem may be another word's derived stem: followed to the
    // end (no circle, as made above).
    let followed: Vec<(String, String)> = roots
        .keys()
        .map(|derived| {
            let mut at = &roots[derived];
            while let Some(next) = roots.get(at) {
                at = next;
            }
            (derived.clone(), at.clone())
        })
        .collect();
    followed.into_iter().collect()
});

/// Words stemmed on this thread, kept: a ledger's claims repeat their
/// words, and the Snowball stemmer took half of making a signature.
/// Emptied when it reaches [`STEMS_KEPT`] words.
const STEMS_KEPT: usize = 1 << 16;

/// Keyed by words of the input: hashed with a random seed for each map
/// (foldhash's modest resistance to chosen collisions), and bounded by
/// [`STEMS_KEPT`].
type Stems = std::collections::HashMap<Box<str>, Box<str>, foldhash::fast::RandomState>;

thread_local! {
    static STEMS: std::cell::RefCell<Stems> = std::cell::RefCell::default();
}

/// The Snowball (English) stem of the lower-case `word`, or the stem of
/// the word it is derived from ([`STEM_ROOTS`]).
fn stem(word: &str) -> Box<str> {
    STEMS.with_borrow_mut(|kept| {
        if let Some(stem) = kept.get(word) {
            return stem.clone();
        }
        if kept.len() >= STEMS_KEPT {
            kept.clear();
        }
        let stem = STEMMER.stem(word);
        let stem: Box<str> = match STEM_ROOTS.get(&*stem) {
            Some(root) => root.as_str().into(),
            None => stem.into(),
        };
        kept.insert(word.into(), stem.clone());
        stem
    })
}

/// Words that turn a claim into its opposite.
const NEGATIONS: [&str; 8] = ["not", "no", "never", "n't", "nobody", "cannot", "none", "neither"];

/// The parts of a claim that decide which proposition it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signature {
    /// Snowball stems of the content words, stop words left out; a
    /// country, however named, as [`country_word`] ("@gb").
    pub stems: BTreeSet<String>,
    /// Numbers written in the claim, as text of their value ("137",
    /// "1.5e6"); the day of a month after a `d` ("d23"); a day the times
    /// stage resolved inside the claim after a `t` ("t2019-08-02",
    /// [`Signature::dated`]).
    pub numbers: BTreeSet<String>,
    /// Whether the claim is negated ("did not", "no one", "never").
    pub negated: bool,
    /// Entity names the claim mentions, lower-cased; a country as
    /// [`country_word`].
    pub entities: BTreeSet<String>,
    /// The stems of its common nouns (not words of its names), as the
    /// tagger tagged them in the article, or in the claim alone; and its
    /// compounds, their stems joined by `_` ("bridg_collaps").
    pub nouns: BTreeSet<String>,
    /// Its nouns and compounds that no preposition or conjunction
    /// follows: what the claim is about ("the bombing" of "involvement in
    /// the bombing"; "involvement in", "talks on" say how, not what), which
    /// tells two claims about the same parties apart.
    pub subjects: BTreeSet<String>,
}

impl Signature {
    /// The signature of a claim's `text`, with the `entities` its sentence
    /// names inside the claim; its words tagged by the shipped tagger, the
    /// claim alone (where the sentence's tags are at hand,
    /// [`Signature::of_tagged`] reads them).
    pub fn of(text: &str, entities: &[String]) -> Signature {
        let tokens = crate::segment::tokenize(text);
        let words: Vec<&str> = tokens.iter().filter_map(|t| text.get(t.span.range())).collect();
        let tags = crate::tag::tagger::tag(&crate::tag::TAGGER, &words);
        let tagged: Vec<(&str, Upos)> =
            words.iter().zip(&tags).map(|(&w, &t)| (w, Upos::ALL[t])).collect();
        Signature::of_tagged(text, entities, &tagged, None)
    }

    /// The signature of a claim's `text` and `entities` whose words the
    /// sentence's tags tagged: `tagged` holds its words with their
    /// Universal POS tags, in order; `after`, the tag of the word after
    /// the claim, if any.
    pub fn of_tagged(
        text: &str,
        entities: &[String],
        tagged: &[(&str, Upos)],
        after: Option<Upos>,
    ) -> Signature {
        let mut sig = Signature::named(text, entities);
        (sig.nouns, sig.subjects) = nouns(tagged, after, &sig);
        sig
    }

    /// The signature of `text` and `entities` without nouns: what one
    /// made by [`Signature::of`] holds besides them.
    pub fn named(text: &str, entities: &[String]) -> Signature {
        let countries: Vec<Option<&str>> = entities.iter().map(|e| country_of(e)).collect();
        let mut sig = Signature::wording_naming(text, entities, &countries);
        sig.entities = entities
            .iter()
            .zip(&countries)
            .map(|(e, country)| match country {
                Some(iso) => country_word(iso),
                None => e.to_lowercase(),
            })
            .collect();
        sig
    }

    /// The stems, numbers and negation of `text`, without its names and
    /// nouns: what the claims stage compares within one article.
    ///
    /// A country is one word however it is named ("the United Kingdom",
    /// "Britain", "the UK", "Britons", "British": [`country_word`]), so
    /// that reports naming it differently share it.
    pub fn wording(text: &str) -> Signature {
        Signature::wording_naming(text, &[], &[])
    }

    /// [`Signature::wording`] of a claim that names `entities`: a country
    /// at the head of one of them that is no country ("Syrian" of "Syrian
    /// Democratic Forces", "Russian" of "Russian Defence Ministry") is a
    /// word of that name (`countries`: the country each entity names, if
    /// one).
    fn wording_naming(text: &str, entities: &[String], countries: &[Option<&str>]) -> Signature {
        let mut sig = Signature::default();
        let words = words_of(text);
        // Words of names that are no country, read as words.
        let mut in_name = vec![false; words.len()];
        for (entity, country) in entities.iter().zip(countries) {
            let name = words_of(entity);
            if name.len() < 2 || country.is_some() {
                continue;
            }
            let same = |(w, _): &(&str, bool), (n, _): &(&str, bool)| {
                without_possessive(w) == without_possessive(n)
            };
            for start in 0..words.len().saturating_sub(name.len() - 1) {
                if words[start..start + name.len()].iter().zip(&name).all(|(w, n)| same(w, n)) {
                    in_name[start..start + name.len()].fill(true);
                }
            }
        }
        // Words up to `country` name a country written already; those up
        // to `place`, another place, read as words.
        let (mut country, mut place) = (0, 0);
        let mut lower = String::new();
        for i in 0..words.len() {
            if i < country {
                continue;
            }
            if i >= place && !in_name[i] {
                match place_at(&words[i..]) {
                    Some(Named::Country(iso, n)) => {
                        sig.stems.insert(country_word(iso));
                        country = i + n;
                        continue;
                    }
                    Some(Named::Place(n)) => place = i + n,
                    None => {}
                }
            }
            lower.clear();
            lower.extend(words[i].0.chars().flat_map(char::to_lowercase));
            let word = lower.as_str();
            if NEGATIONS.contains(&word) || word.ends_with("n't") || word.ends_with("n’t") {
                sig.negated = true;
                continue;
            }
            let value = match word.contains(',') {
                true => word.replace(',', "").parse::<f64>(),
                false => word.parse::<f64>(),
            };
            if let Ok(value) = value {
                let month = |k: Option<usize>| {
                    k.and_then(|k| words.get(k)).is_some_and(|&(w, _)| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            && crate::read::dates::month_number(w).is_some()
                    })
                };
                let day = value.fract() == 0.0 && (1.0..=31.0).contains(&value);
                sig.numbers.insert(match day && (month(i.checked_sub(1)) || month(Some(i + 1))) {
                    // "June 23", "23 June": the day of a month.
                    true => format!("{DAY}{value}"),
                    false => number_key(value),
                });
                continue;
            }
            let word = without_possessive(word);
            if word.chars().count() < 2 || STOPWORDS.contains(word) || is_regnal_number(word) {
                continue;
            }
            if let Some(value) = crate::numbers::word_value(word) {
                sig.numbers.insert(number_key(value));
                continue;
            }
            sig.stems.insert(stem(word).into());
        }
        sig
    }

    /// The keys under which the claim is indexed to find candidates: its
    /// stems, numbers and entities, each prefixed by its kind.
    pub fn keys(&self) -> Vec<String> {
        self.key_parts().map(|(kind, part)| format!("{kind}{part}")).collect()
    }

    /// The keys as (kind prefix, part): stems, numbers, then entities.
    fn key_parts(&self) -> impl Iterator<Item = (&'static str, &str)> {
        fn kind<'a>(
            prefix: &'static str,
            set: &'a BTreeSet<String>,
        ) -> impl Iterator<Item = (&'static str, &'a str)> {
            set.iter().map(move |s| (prefix, s.as_str()))
        }
        kind("w:", &self.stems).chain(kind("n:", &self.numbers)).chain(kind("e:", &self.entities))
    }
}

/// How a country is written in a signature's stems and names: its ISO
/// code after `@`, which no word of a text is ("@gb").
pub fn country_word(iso: &str) -> String {
    format!("@{}", iso.to_ascii_lowercase())
}

/// The country `name` names: its own name or a listed alias ("United
/// Kingdom", "UK", "U.S."), or its people ("Britons", "Iranian"), as its
/// ISO code; none for the other places (a state, a town) and for the
/// rest.
fn country_of(name: &str) -> Option<&'static str> {
    use crate::places::{gazetteer::PlaceKind, PLACES};
    let g = &*PLACES;
    let country = |name: &str| {
        g.hits(name)
            .filter(|h| h.primary)
            .map(|h| g.place(h.place))
            .find(|p| p.kind == PlaceKind::Country && !p.country.is_empty())
            .map(|p| p.country)
            .or_else(|| g.demonym(name))
    };
    country(name).or_else(|| {
        // "U.S" as the wording trims it.
        (name.contains('.') && !name.ends_with('.')).then(|| country(&format!("{name}."))).flatten()
    })
}

/// A place named at the start of `words` (a text's words, as written).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Named {
    /// A country, in so many words.
    Country(&'static str, usize),
    /// Another place of two words or more ("New Mexico"), whose words
    /// name no country ("Mexico").
    Place(usize),
}

/// The words of a text as the wording reads them, each with whether it
/// goes on from the word before in one name: only a space between them
/// ("Saudi Arabia"; not "Britain, France", "Saudi-led").
fn words_of(text: &str) -> Vec<(&str, bool)> {
    let is_part = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '.' || c == ',';
    let mut words = Vec::new();
    // Whether the token before ended with its last word, no mark after it.
    let mut open = false;
    for token in text.split_whitespace() {
        let mut first = true;
        let mut clean_end = false;
        for piece in token.split(|c: char| !is_part(c)) {
            let word = piece.trim_matches(|c: char| !c.is_alphanumeric());
            if word.is_empty() {
                clean_end = false;
                continue;
            }
            let joined = open && first && token.starts_with(word);
            words.push((word, joined));
            first = false;
            clean_end = token.ends_with(word);
            open = false;
        }
        open = clean_end;
    }
    words
}

/// The country or other known place that the words at the start of
/// `words` ([`words_of`]) name: the longest run of capitalised words (with
/// "of", "and", "the" inside: "United States of America"), up to four,
/// that names one.
fn place_at(words: &[(&str, bool)]) -> Option<Named> {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if !words.first().is_some_and(|&(w, _)| capitalised(w)) {
        return None;
    }
    let mut longest = 1;
    while longest < words.len().min(4)
        && words[longest].1
        && (capitalised(words[longest].0) || matches!(words[longest].0, "of" | "and" | "the"))
    {
        longest += 1;
    }
    let mut phrase = String::new();
    for n in (1..=longest).rev() {
        if !capitalised(words[n - 1].0) {
            continue;
        }
        phrase.clear();
        for (k, (w, _)) in words[..n].iter().enumerate() {
            if k > 0 {
                phrase.push(' ');
            }
            phrase.push_str(w);
        }
        // "Iran's" names Iran.
        let phrase = without_possessive(&phrase);
        if let Some(iso) = country_of(phrase) {
            return Some(Named::Country(iso, n));
        }
        if n > 1 && crate::places::PLACES.hits(phrase).any(|h| h.primary) {
            return Some(Named::Place(n));
        }
    }
    None
}

/// The stems of the `tagged` words tagged as common nouns, among `sig`'s
/// stems and not words of its names, with each run of two or more
/// (a compound, "bridge collapse": its stems joined by `_`, which no stem
/// holds); and the runs no preposition or conjunction follows
/// ([`Signature::subjects`]; `after` tags the word after the last).
fn nouns(
    tagged: &[(&str, Upos)],
    after: Option<Upos>,
    sig: &Signature,
) -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut nouns, mut subjects) = (BTreeSet::new(), BTreeSet::new());
    if !tagged.iter().any(|&(_, tag)| tag == Upos::Noun) {
        return (nouns, subjects);
    }
    let names = name_keys(sig);
    let noun = |&(word, tag): &(&str, Upos)| -> Option<Box<str>> {
        if tag != Upos::Noun {
            return None;
        }
        let stemmed = word_stem(&word.to_lowercase());
        let named = names.binary_search(&stem_key(&stemmed)).is_ok();
        (sig.stems.contains(&*stemmed) && !named).then_some(stemmed)
    };
    let mut run: Vec<Box<str>> = Vec::new();
    for k in 0..=tagged.len() {
        if let Some(stemmed) = tagged.get(k).and_then(noun) {
            run.push(stemmed);
            continue;
        }
        if run.is_empty() {
            continue;
        }
        // (Past the last word, the word after the claim.)
        let next = tagged.get(k).map(|&(_, tag)| tag).or(after);
        let compound = run.join("_");
        if !matches!(next, Some(Upos::Adp | Upos::Sconj | Upos::Pron)) {
            subjects.insert(compound.clone());
        }
        if run.len() > 1 {
            nouns.insert(compound);
        }
        nouns.extend(run.drain(..).map(String::from));
    }
    (nouns, subjects)
}

/// Whether `word` (lower-cased) is a Roman numeral that ends a name ("ii"
/// of "Elizabeth II"): part of a name, which the claim's entities carry,
/// not a content word.
fn is_regnal_number(word: &str) -> bool {
    matches!(word, "ii" | "iii" | "iv" | "vi" | "vii" | "viii" | "ix" | "xi" | "xii" | "xiii")
}

/// MinHash bands over the content stems: two claims whose stems overlap
/// by a Jaccard index J share at least one band with probability
/// 1 - (1 - J^ROWS)^BANDS (0.88 at J = 0.4, the loosest Jaccard index
/// [`same_claim`] accepts; 0.99 at J = 0.6; 0.79 at J = 0.35, where a
/// short claim lies inside a long one). A band is far more selective than
/// a word, so the lists of claims filed under one stay short, where the
/// list under a frequent name or verb holds a good part of the ledger.
pub const BANDS: usize = 12;
/// MinHash values per band.
pub const ROWS: usize = 2;

impl Signature {
    /// The index keys of the claim: a 64-bit hash of each MinHash band of
    /// its stems (and of the band's number, so that bands do not collide).
    /// None for fewer than two stems, which [`same_claim`] never links.
    pub fn bands(&self) -> Vec<i64> {
        if self.stems.len() < 2 {
            return Vec::new();
        }
        let mut mins = [u64::MAX; BANDS * ROWS];
        for stem in &self.stems {
            let base = fnv1a(stem.as_bytes());
            for (k, min) in mins.iter_mut().enumerate() {
                *min = (*min).min(mix(base ^ (k as u64).wrapping_mul(GOLDEN)));
            }
        }
        mins.chunks(ROWS)
            .enumerate()
            .map(|(band, rows)| {
                let seed = mix(FNV_OFFSET ^ (band as u64).wrapping_mul(GOLDEN));
                // Stored as SQL integers (signed): the same 64 bits.
                rows.iter().fold(seed, |h, &v| mix(h ^ v)) as i64
            })
            .collect()
    }
}

impl Signature {
    /// The signature with the days a claim says it happened on (as the
    /// times stage resolved them, `2019-08-02`): two claims on other days
    /// are two claims ([`relate`]).
    pub fn dated<'a>(mut self, days: impl IntoIterator<Item = &'a str>) -> Signature {
        for day in days {
            self.numbers.insert(format!("{DATE}{day}"));
        }
        self
    }

    /// The signature as one line of text, for storage: the index keys,
    /// tab-separated, with `!` first when negated.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        if self.negated {
            out.push('!');
        }
        // `keys()`, joined by tabs, written where they go.
        for (kind, part) in self.key_parts() {
            if !out.is_empty() {
                out.push('\t');
            }
            out.push_str(kind);
            out.push_str(part);
        }
        // Nouns: "s:" a subject, "o:" another.
        for noun in &self.nouns {
            out.push_str(if self.subjects.contains(noun) { "\ts:" } else { "\to:" });
            out.push_str(noun);
        }
        out
    }

    /// The signature [`Signature::encode`] wrote.
    pub fn decode(line: &str) -> Signature {
        let mut sig = Signature::default();
        for part in line.split('\t') {
            if part == "!" {
                sig.negated = true;
            } else if let Some(s) = part.strip_prefix("w:") {
                sig.stems.insert(s.to_string());
            } else if let Some(n) = part.strip_prefix("n:") {
                sig.numbers.insert(n.to_string());
            } else if let Some(e) = part.strip_prefix("e:") {
                sig.entities.insert(e.to_string());
            } else if let Some(o) = part.strip_prefix("o:") {
                sig.nouns.insert(o.to_string());
            } else if let Some(o) = part.strip_prefix("s:") {
                sig.nouns.insert(o.to_string());
                sig.subjects.insert(o.to_string());
            }
        }
        sig
    }
}

fn number_key(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// What [`same_claim`] and [`revises`] read of a signature: a
/// [`Signature`], a stored one read in place ([`Stored`]) without
/// building its sets, or one kept in memory ([`Packed`]). Numbers and
/// entities come in ascending byte order, without repeats.
pub trait Parts {
    fn negated(&self) -> bool;
    /// The stems' keys ([`stem_key`]), ascending, without repeats: the
    /// wording is compared by key, a merge of integers.
    fn stem_keys(&self) -> impl Iterator<Item = u64> + '_;
    fn numbers(&self) -> impl Iterator<Item = &str> + Clone + '_;
    /// Its numbers but the dates ([`DATE`]): the figures it writes.
    fn figures(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        self.numbers().filter(|n| !is_date(n))
    }
    /// The days it says the claim happened on, resolved ([`DATE`]).
    fn dates(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        self.numbers().filter(|n| is_date(n))
    }
    fn entities(&self) -> impl Iterator<Item = &str> + Clone + '_;
    /// The keys of its nouns' stems ([`Signature::nouns`]), ascending,
    /// without repeats.
    fn noun_keys(&self) -> impl Iterator<Item = u64> + '_;
    /// The keys of its subjects ([`Signature::subjects`]), ascending,
    /// without repeats.
    fn subject_keys(&self) -> impl Iterator<Item = u64> + '_;
}

/// The key a stem is compared by: a 64-bit hash of it (two stems of a
/// language share one with a chance of about one in 10^19 a pair).
pub fn stem_key(stem: &str) -> u64 {
    mix(fnv1a(stem.as_bytes()))
}

/// The keys of `stems`, ascending.
fn keys_of<'a>(stems: impl Iterator<Item = &'a str>) -> Vec<u64> {
    let mut keys: Vec<u64> = stems.map(stem_key).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

impl<T: Parts> Parts for &T {
    fn negated(&self) -> bool {
        (**self).negated()
    }
    fn stem_keys(&self) -> impl Iterator<Item = u64> + '_ {
        (**self).stem_keys()
    }
    fn numbers(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        (**self).numbers()
    }
    fn entities(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        (**self).entities()
    }
    fn noun_keys(&self) -> impl Iterator<Item = u64> + '_ {
        (**self).noun_keys()
    }
    fn subject_keys(&self) -> impl Iterator<Item = u64> + '_ {
        (**self).subject_keys()
    }
}

impl Parts for Signature {
    fn negated(&self) -> bool {
        self.negated
    }
    fn stem_keys(&self) -> impl Iterator<Item = u64> + '_ {
        keys_of(self.stems.iter().map(String::as_str)).into_iter()
    }
    fn numbers(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        self.numbers.iter().map(String::as_str)
    }
    fn entities(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        self.entities.iter().map(String::as_str)
    }
    fn noun_keys(&self) -> impl Iterator<Item = u64> + '_ {
        keys_of(self.nouns.iter().map(String::as_str)).into_iter()
    }
    fn subject_keys(&self) -> impl Iterator<Item = u64> + '_ {
        keys_of(self.subjects.iter().map(String::as_str)).into_iter()
    }
}

/// A signature with its stems' keys computed once, to be compared with
/// many others ([`Signature`]'s own are computed each time they are read).
#[derive(Clone, Debug)]
pub struct Keyed<'a> {
    signature: &'a Signature,
    stem_keys: Vec<u64>,
    noun_keys: Vec<u64>,
    subject_keys: Vec<u64>,
}

impl<'a> Keyed<'a> {
    pub fn new(signature: &'a Signature) -> Keyed<'a> {
        Keyed {
            signature,
            stem_keys: signature.stem_keys().collect(),
            noun_keys: signature.noun_keys().collect(),
            subject_keys: signature.subject_keys().collect(),
        }
    }
}

impl Parts for Keyed<'_> {
    fn negated(&self) -> bool {
        self.signature.negated
    }
    fn stem_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.stem_keys.iter().copied()
    }
    fn numbers(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        self.signature.numbers()
    }
    fn entities(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        self.signature.entities()
    }
    fn noun_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.noun_keys.iter().copied()
    }
    fn subject_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.subject_keys.iter().copied()
    }
}

/// A stored signature ([`Signature::encode`]) read in place: its parts
/// borrowed from the line. Comparing a claim with the candidates the
/// ledger finds for it reads dozens of them an appearance.
#[derive(Clone, Debug, Default)]
pub struct Stored<'a> {
    negated: bool,
    stem_keys: Vec<u64>,
    numbers: Vec<&'a str>,
    entities: Vec<&'a str>,
    noun_keys: Vec<u64>,
    subject_keys: Vec<u64>,
}

impl<'a> Stored<'a> {
    /// Reads `line` as [`Signature::decode`] does.
    pub fn read(line: &'a str) -> Stored<'a> {
        let mut sig = Stored::default();
        let (mut stems, mut nouns, mut subjects) = (Vec::new(), Vec::new(), Vec::new());
        for part in line.split('\t') {
            if part == "!" {
                sig.negated = true;
            } else if let Some(s) = part.strip_prefix("w:") {
                stems.push(s);
            } else if let Some(n) = part.strip_prefix("n:") {
                sig.numbers.push(n);
            } else if let Some(e) = part.strip_prefix("e:") {
                sig.entities.push(e);
            } else if let Some(o) = part.strip_prefix("o:") {
                nouns.push(o);
            } else if let Some(o) = part.strip_prefix("s:") {
                nouns.push(o);
                subjects.push(o);
            }
        }
        sig.stem_keys = keys_of(stems.into_iter());
        sig.noun_keys = keys_of(nouns.into_iter());
        sig.subject_keys = keys_of(subjects.into_iter());
        // `encode` writes each set in order; a line written otherwise is
        // put in order, so that comparisons stay right.
        for part in [&mut sig.numbers, &mut sig.entities] {
            if !part.is_sorted_by(|x, y| x < y) {
                part.sort_unstable();
                part.dedup();
            }
        }
        sig
    }
}

impl Parts for Stored<'_> {
    fn negated(&self) -> bool {
        self.negated
    }
    fn stem_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.stem_keys.iter().copied()
    }
    fn numbers(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        self.numbers.iter().copied()
    }
    fn entities(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        self.entities.iter().copied()
    }
    fn noun_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.noun_keys.iter().copied()
    }
    fn subject_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.subject_keys.iter().copied()
    }
}

/// A signature packed to be kept in memory, in one allocation: how many
/// stems, numbers, entities and nouns, the negation, the keys of the
/// stems and of the nouns, a bit a noun for whether it is a subject,
/// where each number and entity ends, then those end to end; read without
/// parsing or allocating (the store keeps those of the appearances it
/// filed last, and compares every claim it files with dozens of them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Packed(Box<[u8]>);

/// Bytes before a [`Packed`]'s stem keys: four counts and the negation.
const PACKED_HEAD: usize = 9;

/// The runs a [`Packed`] counts, in the order of its counts.
const STEM_RUN: usize = 0;
const NUMBER_RUN: usize = 1;
const ENTITY_RUN: usize = 2;
const NOUN_RUN: usize = 3;

impl Packed {
    /// `sig` packed, its parts in the order it gives them; `None` when its
    /// parts run past 64 KiB.
    pub fn of(sig: &impl Parts) -> Option<Packed> {
        let nouns: Vec<u64> = sig.noun_keys().collect();
        let stems = sig.stem_keys().count();
        let runs = [stems, sig.numbers().count(), sig.entities().count(), nouns.len()];
        let named = runs[NUMBER_RUN] + runs[ENTITY_RUN];
        let keys = 8 * (stems + nouns.len());
        let mask = nouns.len().div_ceil(8);
        let mut out = Vec::with_capacity(PACKED_HEAD + keys + mask + 2 * named + 8 * named);
        for n in runs {
            out.extend_from_slice(&u16::try_from(n).ok()?.to_le_bytes());
        }
        out.push(u8::from(sig.negated()));
        for key in sig.stem_keys().chain(nouns.iter().copied()) {
            out.extend_from_slice(&key.to_le_bytes());
        }
        // Subjects are nouns: a bit each, in the nouns' order.
        let at = out.len();
        out.resize(at + mask, 0);
        let mut subjects = sig.subject_keys().peekable();
        for (k, noun) in nouns.iter().enumerate() {
            if subjects.next_if_eq(noun).is_some() {
                out[at + k / 8] |= 1 << (k % 8);
            }
        }
        debug_assert!(subjects.next().is_none(), "a subject that is not a noun");
        let ends = out.len();
        out.resize(ends + 2 * named, 0);
        let mut end = 0usize;
        for (k, part) in sig.numbers().chain(sig.entities()).enumerate() {
            end += part.len();
            let at = ends + 2 * k;
            out[at..at + 2].copy_from_slice(&u16::try_from(end).ok()?.to_le_bytes());
            out.extend_from_slice(part.as_bytes());
        }
        Some(Packed(out.into()))
    }

    fn count(&self, run: usize) -> usize {
        usize::from(u16::from_le_bytes([self.0[2 * run], self.0[2 * run + 1]]))
    }

    /// The keys from the `from`th (stems, then nouns), `n` of them.
    fn keys(&self, from: usize, n: usize) -> impl Iterator<Item = u64> + '_ {
        let at = PACKED_HEAD + 8 * from;
        self.0[at..at + 8 * n]
            .chunks_exact(8)
            .map(|key| u64::from_le_bytes(key.try_into().unwrap_or_default()))
    }

    /// Where the nouns' subject bits start.
    fn mask(&self) -> usize {
        PACKED_HEAD + 8 * (self.count(STEM_RUN) + self.count(NOUN_RUN))
    }

    /// Numbers and entities `range` (numbers first) of the packed ones.
    fn parts(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = &str> + Clone + '_ {
        let ends = self.mask() + self.count(NOUN_RUN).div_ceil(8);
        let text = ends + 2 * (self.count(NUMBER_RUN) + self.count(ENTITY_RUN));
        let end = move |k: usize| {
            let at = ends + 2 * k;
            usize::from(u16::from_le_bytes([self.0[at], self.0[at + 1]]))
        };
        range.map(move |k| {
            let start = if k == 0 { 0 } else { end(k - 1) };
            // Whole parts were packed: their bounds are char boundaries.
            std::str::from_utf8(&self.0[text + start..text + end(k)]).unwrap_or_default()
        })
    }
}

impl Parts for Packed {
    fn negated(&self) -> bool {
        self.0[PACKED_HEAD - 1] != 0
    }
    fn stem_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.keys(0, self.count(STEM_RUN))
    }
    fn numbers(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        self.parts(0..self.count(NUMBER_RUN))
    }
    fn entities(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        let from = self.count(NUMBER_RUN);
        self.parts(from..from + self.count(ENTITY_RUN))
    }
    fn noun_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.keys(self.count(STEM_RUN), self.count(NOUN_RUN))
    }
    fn subject_keys(&self) -> impl Iterator<Item = u64> + '_ {
        let mask = self.mask();
        self.noun_keys()
            .enumerate()
            .filter(move |(k, _)| self.0[mask + k / 8] & (1 << (k % 8)) != 0)
            .map(|(_, key)| key)
    }
}

/// The items two ascending runs have in common, in order.
fn common<T: Ord>(
    a: impl Iterator<Item = T>,
    b: impl Iterator<Item = T>,
) -> impl Iterator<Item = T> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    std::iter::from_fn(move || loop {
        match a.peek()?.cmp(b.peek()?) {
            std::cmp::Ordering::Less => {
                a.next();
            }
            std::cmp::Ordering::Greater => {
                b.next();
            }
            std::cmp::Ordering::Equal => {
                b.next();
                return a.next();
            }
        }
    })
}

/// Stems in common, their Jaccard index, and the stem count of the claim
/// with fewer.
fn overlap(a: &impl Parts, b: &impl Parts) -> (usize, f64, usize) {
    let shared = common(a.stem_keys(), b.stem_keys()).count();
    let (in_a, in_b) = (a.stem_keys().count(), b.stem_keys().count());
    let union = in_a + in_b - shared;
    (shared, if union == 0 { 0.0 } else { shared as f64 / union as f64 }, in_a.min(in_b))
}

/// Why two claims were judged the same proposition: the evidence of a
/// merge.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchReason {
    /// Share of content stems in common (Jaccard).
    pub wording: f64,
    pub shared_entities: Vec<String>,
    pub shared_numbers: Vec<String>,
}

/// How two claims stand to each other.
#[derive(Clone, Debug, PartialEq)]
pub enum Relation {
    /// The same proposition ([`same_claim`]).
    Same(MatchReason),
    /// The same proposition with other figures ([`revises`]).
    Revision,
    /// Two claims.
    Other,
}

/// How `a` and `b` stand to each other: [`same_claim`] and [`revises`] in
/// one pass, which the ledger asks of every candidate a claim's bands
/// find. The wording is compared once, and the names (which are stemmed
/// to be compared) only when the rest would link the two.
pub fn relate(a: &impl Parts, b: &impl Parts) -> Relation {
    if a.negated() != b.negated() || other_days(a, b) {
        return Relation::Other;
    }
    let (a_figures, b_figures) = (a.figures().next().is_some(), b.figures().next().is_some());
    let has_numbers = a_figures && b_figures;
    let (shared, wording, smaller) = overlap(a, b);
    if has_numbers && !same_figures(a, b) {
        let same_else = shared >= 2 && wording >= 0.6;
        return match same_else && !other_parties(a, b) && !other_subjects(a, b) {
            true => Relation::Revision,
            false => Relation::Other,
        };
    }
    let figure_left_out = a_figures != b_figures;
    if shared < 2 + figure_left_out as usize {
        return Relation::Other;
    }
    // A report that leaves a count out ("the attack killed people" and
    // "the attack killed 137 people") joins the one that gives it on
    // three words besides the names: names are words too, and two claims
    // about the same parties and topic share them whatever they say
    // ("Trump announced 138 sanctions against the Senate over the border
    // clashes" and "Trump and the Senate met in El Paso over the border
    // clashes"). A figure side that writes a year is taken for a date,
    // which a report leaves out more freely.
    if figure_left_out {
        let counted = if a_figures { counts(a) } else { counts(b) };
        if counted && shared_besides_names(a, b) < 3 {
            return Relation::Other;
        }
    }
    let share_entities = common(a.entities(), b.entities()).next().is_some();
    // Most of the shorter claim's wording inside the longer one, which
    // adds details ("the minister asked the regulator to investigate the
    // bank" in "In a call last week the minister urged the newly
    // appointed regulator to investigate the bank ..."); two thirds of it
    // when both name the same two parties or more, and no others ("the
    // departing chairman Okonjo appointed Halvorsen as treasurer" in
    // "Before leaving, Okonjo appointed Tove Halvorsen as treasurer, the
    // post that ...").
    let contained = shared >= 5
        && (shared as f64 >= 0.75 * smaller as f64
            || 3 * shared >= 2 * smaller && same_parties(a, b) >= 2);
    // The same telling figures (a date, a toll) hold a short claim to the
    // longer one that holds two thirds of its words ("the Brexit deadline
    // is October 31" in "... the deadline now stands at October 31, 2019").
    // (Two stems or more in common, as checked above; the same figures,
    // so one side's are telling if the other's are.)
    let figures_hold = has_numbers && 3 * shared >= 2 * smaller && telling_figure(a);
    let same = wording >= 0.6
        || (share_entities && (wording >= 0.4 || contained))
        || (has_numbers && wording >= 0.4)
        || figures_hold;
    // The same telling figures name one event, however each report
    // words what it is ("killed 30 civilians", "killed 30 people").
    let one_event = has_numbers && telling_figure(a);
    if !same || other_parties(a, b) || (!one_event && other_subjects(a, b)) {
        return Relation::Other;
    }
    Relation::Same(MatchReason {
        wording,
        shared_entities: common(a.entities(), b.entities()).map(str::to_string).collect(),
        shared_numbers: common(a.numbers(), b.numbers()).map(str::to_string).collect(),
    })
}

/// Whether `a` and `b` state the same proposition. Symmetric, and a
/// function of the two signatures alone, so that clusters (the connected
/// components of this relation) do not depend on the order articles
/// arrive in.
///
/// Same negation and the same numbers (two tolls are two claims; a
/// report that leaves the figure out may be the same claim, on a third
/// word in common, three besides the names when it leaves a count out),
/// no other parties ([`one_party`]), and either most of the wording in
/// common, or shared entities with a good part of the wording or with
/// most of the shorter claim's wording, or telling figures with two
/// thirds of the shorter claim's wording.
pub fn same_claim(a: &impl Parts, b: &impl Parts) -> Option<MatchReason> {
    match relate(a, b) {
        Relation::Same(reason) => Some(reason),
        _ => None,
    }
}

/// Whether a claim's figures read as a count (one of ten or more) rather
/// than a date (no year among them).
fn counts(x: &impl Parts) -> bool {
    x.figures().all(|n| !is_year(n) && !is_day(n))
        && x.figures().any(|n| n.parse::<f64>().is_ok_and(|v| v >= 10.0))
}

/// Stems the two claims share that are not words of either's names.
fn shared_besides_names(a: &impl Parts, b: &impl Parts) -> usize {
    let (in_a, in_b) = (name_keys(a), name_keys(b));
    common(a.stem_keys(), b.stem_keys())
        .filter(|k| in_a.binary_search(k).is_err() && in_b.binary_search(k).is_err())
        .count()
}

/// The stem of a lower-case word, a possessive "'s" off, as the wording
/// stems it.
fn word_stem(word: &str) -> Box<str> {
    match word.starts_with('@') {
        // A country ([`country_word`]), not stemmed.
        true => word.into(),
        false => stem(without_possessive(word)),
    }
}

/// `word` without the possessive "'s" (or "’s") that ends it: as
/// `trim_end_matches("'s").trim_end_matches("’s")`, without making a
/// searcher for each pattern (a tenth of making a signature).
fn without_possessive(mut word: &str) -> &str {
    while let Some(rest) = word.strip_suffix("'s") {
        word = rest;
    }
    while let Some(rest) = word.strip_suffix("’s") {
        word = rest;
    }
    word
}

/// The stem key of a word of a name, as the wording keys it.
fn name_word_key(word: &str) -> u64 {
    stem_key(&word_stem(word))
}

/// The keys of the words of `x`'s names, sorted.
fn name_keys(x: &impl Parts) -> Vec<u64> {
    let mut keys: Vec<u64> =
        x.entities().flat_map(str::split_whitespace).map(name_word_key).collect();
    keys.sort_unstable();
    keys
}

/// Whether a claim writes a figure that tells one event from another: a
/// number of two digits or more, or a fraction ("31", "2.9e6"), not a
/// small count, an ordinal ("three", "third") or a year (the season or
/// the term a story runs in).
fn telling_figure(a: &impl Parts) -> bool {
    a.figures().filter(|n| !is_year(n)).any(|n| {
        n.trim_start_matches(DAY).parse::<f64>().is_ok_and(|v| v >= 10.0 || v.fract() != 0.0)
    })
}

/// What a day the times stage resolved is written after in a signature's
/// numbers ("t2019-08-02" of "on Friday" or "on August 2" in an article
/// of that week): not a figure of the claim, but when it happened.
pub const DATE: char = 't';

fn is_date(n: &str) -> bool {
    n.starts_with(DATE)
}

/// Whether both claims say on what days they happened, and on none the
/// same ("resigned on Friday" and "announced his resignation on
/// Wednesday"; "clashed with police on Monday" and "... on Tuesday"): two
/// events, however alike the words. A report that gives no day may be
/// either.
fn other_days(a: &impl Parts, b: &impl Parts) -> bool {
    let (mut in_a, mut in_b) = (a.dates().peekable(), b.dates().peekable());
    in_a.peek().is_some() && in_b.peek().is_some() && common(in_a, in_b).next().is_none()
}

/// Whether a number reads as a year (1800 to 2100).
fn is_year(n: &str) -> bool {
    n.len() == 4 && n.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
}

/// What a day of a month is written after in a signature's numbers
/// ("d23" of "June 23"): told from a count of 23.
const DAY: char = 'd';

/// Whether a number is the day of a month.
fn is_day(n: &str) -> bool {
    n.starts_with(DAY)
}

/// The same figures: equal, or equal but for what of a date one side
/// writes and the other, naming none at all, leaves out: the year ("the
/// deadline is October 31" and "... stands at October 31, 2019"), the day
/// ("voted in 2016" and "voted on June 23, 2016").
fn same_figures(a: &impl Parts, b: &impl Parts) -> bool {
    if a.figures().eq(b.figures()) {
        return true;
    }
    let years = a.figures().any(is_year) != b.figures().any(is_year);
    let days = a.figures().any(is_day) != b.figures().any(is_day);
    if !years && !days {
        return false;
    }
    let kept = |n: &&str| !(years && is_year(n) || days && is_day(n));
    a.figures().filter(kept).eq(b.figures().filter(kept))
}

/// Whether the claim `x` names `name`: one of its names is `name` written
/// in full or shortened ([`one_party`]).
fn named_in(x: &impl Parts, name: &str) -> bool {
    x.entities().any(|m| one_party(m, name))
}

/// Whether two names can name one party: the shorter is how the longer
/// ends, word for word ("Halvorsen" and "Tove Halvorsen", "Supreme Court"
/// and "UK Supreme Court"); names that merely share words are two ("Joe
/// Biden" and "Hunter Biden", "United States" and "United Kingdom",
/// "Syrian" and "Syrian Democratic Forces", "House" and "House of
/// Representatives").
fn one_party(m: &str, n: &str) -> bool {
    let ends = || {
        let (mut m, mut n) = (m.split_whitespace().rev(), n.split_whitespace().rev());
        loop {
            match (m.next(), n.next()) {
                (Some(x), Some(y)) if x == y => {}
                (None, _) | (_, None) => return true,
                _ => return false,
            }
        }
    };
    ends() || initials_of(m, n) || initials_of(n, m)
}

/// Whether `short`, one word, is written with the initials of the words
/// of `long` but "of", "and", "the" and "for" ("eu" of "european union",
/// "fbi" of "federal bureau of investigation").
fn initials_of(short: &str, long: &str) -> bool {
    if short.contains(' ') || !long.contains(' ') {
        return false;
    }
    let mut initials = long
        .split_whitespace()
        .filter(|w| !matches!(*w, "of" | "and" | "the" | "for"))
        .map(|w| w.chars().next());
    let mut letters = 0;
    short.chars().filter(|&c| c != '.').all(|c| {
        letters += 1;
        initials.next() == Some(Some(c))
    }) && letters >= 2
        && initials.next().is_none()
}

/// Whether each claim names someone the other does not ("Russia accused
/// Ukraine" and "Russia accused Poland"): two claims, however alike their
/// wording. One that only adds a name ("Peskov said" and "Dmitry Peskov,
/// the Kremlin spokesman, said") tells more of the same claim. A name
/// matches another that it ends ([`one_party`]), so that a surname
/// matches the full name.
fn other_parties(a: &impl Parts, b: &impl Parts) -> bool {
    fn unmatched(x: &impl Parts, y: &impl Parts) -> bool {
        // A name the other claim writes without it being found as a name
        // ("Parliament" and "suspended parliament") is no other party;
        // words of a name it found are that name's, compared above
        // ("Syrian" is not written in "Syrian Democratic Forces").
        let y_names = std::cell::OnceCell::new();
        let written = |n: &str| {
            n.split_whitespace().all(|w| {
                let k = name_word_key(w);
                y.stem_keys().any(|s| s == k)
                    && y_names.get_or_init(|| name_keys(y)).binary_search(&k).is_err()
            })
        };
        x.entities().any(|n| !named_in(y, n) && !written(n))
    }
    unmatched(a, b) && unmatched(b, a)
}

/// Whether each claim is about something the other does not name: both
/// have subjects ([`Signature::subjects`]), and neither's is among the
/// other's nouns ("Russia accused Ukraine of involvement in the bombing"
/// and "... in the ferry disaster"; "the bridge collapse" and "the bank
/// collapse"; not "the attack on the hall" and "the attack killed 30",
/// nor "the ferry bombing" and "the bombing"). Names, verbs and the rest of the wording say
/// nothing of it: two claims about the same parties share their names,
/// and a template's words ("accused ... of involvement in").
fn other_subjects(a: &impl Parts, b: &impl Parts) -> bool {
    let (mut x, mut y) = (a.subject_keys().peekable(), b.subject_keys().peekable());
    x.peek().is_some()
        && y.peek().is_some()
        && common(x, b.noun_keys()).next().is_none()
        && common(y, a.noun_keys()).next().is_none()
}

/// How many names the two claims share when every name of each is one of
/// the other's ([`named_in`], as in [`other_parties`]: "Halvorsen" and
/// "Tove Halvorsen"); 0 when either names someone the other does not.
/// Symmetric: the fewer names of the two sides.
fn same_parties(a: &impl Parts, b: &impl Parts) -> usize {
    if a.entities().all(|n| named_in(b, n)) && b.entities().all(|n| named_in(a, n)) {
        a.entities().count().min(b.entities().count())
    } else {
        0
    }
}

/// Whether `a` and `b` state the same proposition with other figures ("at
/// least 133 killed", later "at least 137 killed"): two claims, one of
/// which revises the other. Symmetric; which is newer is the ledger's to
/// say.
pub fn revises(a: &impl Parts, b: &impl Parts) -> bool {
    relate(a, b) == Relation::Revision
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_signature_has_the_parts_it_was_packed_from() {
        let s = sig("Russia said 137 people were killed at the Crocus hall", &["Russia"]);
        let packed = Packed::of(&s).unwrap();
        assert_eq!(packed.stem_keys().collect::<Vec<_>>(), s.stem_keys().collect::<Vec<_>>());
        assert_eq!(packed.stem_keys().count(), s.stems.len());
        assert_eq!(packed.numbers().collect::<Vec<_>>(), vec!["137"]);
        assert_eq!(packed.entities().collect::<Vec<_>>(), vec!["@ru"]);
        assert!(!packed.negated());
        let line = s.encode();
        assert_eq!(Packed::of(&Stored::read(&line)), Some(packed.clone()));
        assert_eq!(
            Keyed::new(&s).stem_keys().collect::<Vec<_>>(),
            s.stem_keys().collect::<Vec<_>>()
        );
        for other in [
            sig("Russia said 137 people died at the Crocus concert hall", &["Russia"]),
            sig("Russia said 133 people were killed at the Crocus hall", &["Russia"]),
            sig("Kyiv did not attack the hall", &["Kyiv"]),
        ] {
            assert_eq!(relate(&other, &packed), relate(&other, &Stored::read(&line)));
            assert_eq!(relate(&Keyed::new(&other), &packed), relate(&other, &s));
        }
        // Nouns and subjects, kept, stored and read in place alike.
        let s = sig("Russia accused Kyiv of involvement in the concert hall attack", &["Russia"]);
        assert!(!s.subjects.is_empty() && s.nouns.len() > s.subjects.len(), "{s:?}");
        fn nouns(x: &impl Parts) -> (Vec<u64>, Vec<u64>) {
            (x.noun_keys().collect(), x.subject_keys().collect())
        }
        let (packed, line) = (Packed::of(&s).unwrap(), s.encode());
        assert_eq!(nouns(&packed), nouns(&s));
        assert_eq!(nouns(&Stored::read(&line)), nouns(&s));
        assert_eq!(nouns(&Keyed::new(&s)), nouns(&s));
        assert_eq!(Signature::decode(&line), s);
        assert_eq!(packed.stem_keys().collect::<Vec<_>>(), s.stem_keys().collect::<Vec<_>>());
        assert_eq!(packed.entities().collect::<Vec<_>>(), vec!["@ru"]);
        let empty = Packed::of(&Signature::default()).unwrap();
        assert_eq!(
            empty.stem_keys().count() + empty.numbers().count() + empty.entities().count(),
            0
        );
        let negated = Packed::of(&sig("Kyiv did not attack the hall", &["Kyiv"])).unwrap();
        assert!(negated.negated());
        let long = Signature::of("words", &["x".repeat(70_000)]);
        assert_eq!(Packed::of(&long), None, "parts past 64 KiB are not packed");
    }

    #[test]
    fn possessives_come_off_as_trimming_takes_them() {
        for word in ["kyiv's", "kyiv’s", "kyiv", "'s", "x's's", "x’s's", "x's’s", "s", ""] {
            let trimmed = word.trim_end_matches("'s").trim_end_matches("’s");
            assert_eq!(without_possessive(word), trimmed, "{word:?}");
        }
    }

    #[test]
    fn kept_stems_are_the_stemmer_s() {
        let words = ["killed", "killing", "facilities", "ministry", "governorship", "ran", "kill"];
        // Twice: the second time from what was kept.
        for _ in 0..2 {
            for w in words {
                assert_eq!(&*stem(w), &*STEMMER.stem(w), "{w}");
            }
        }
        // Past the bound the kept stems are let go, and stems still right.
        for k in 0..STEMS_KEPT + 10 {
            let w = format!("word{k}s");
            assert_eq!(&*stem(&w), &*STEMMER.stem(&w));
        }
        assert!(STEMS.with_borrow(|kept| kept.len()) <= STEMS_KEPT);
    }

    fn sig(text: &str, entities: &[&str]) -> Signature {
        Signature::of(text, &entities.iter().map(|e| e.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn claims_on_other_days_are_two_claims() {
        let text = "Protesters clashed with police in the capital";
        let friday = sig(text, &[]).dated(["2019-08-30"]);
        let saturday = sig(text, &[]).dated(["2019-08-31"]);
        assert_eq!(relate(&friday, &saturday), Relation::Other);
        // The same day however written; a report that gives no day may
        // be either.
        let written = sig("Protesters clashed with police in the capital on August 30", &[])
            .dated(["2019-08-30"]);
        assert!(same_claim(&friday, &written).is_some(), "{friday:?} {written:?}");
        assert!(same_claim(&friday, &sig(text, &[])).is_some());
        // A day is no figure: it neither makes a revision nor asks a
        // report without it for more words in common.
        let killed = sig("The strike killed 12 people", &[]);
        assert_eq!(
            relate(&killed.clone().dated(["2019-08-30"]), &killed),
            relate(&killed, &killed)
        );
        assert!(!revises(
            &killed.clone().dated(["2019-08-30"]),
            &killed.clone().dated(["2019-08-31"])
        ));
        // Kept as a number, so stored and packed signatures hold it.
        let packed = Packed::of(&friday).unwrap();
        assert_eq!(relate(&packed, &Packed::of(&saturday).unwrap()), Relation::Other);
        assert_eq!(Signature::decode(&friday.encode()), friday);
    }

    #[test]
    fn a_derived_word_is_the_word_it_is_derived_from() {
        // A noun of the action and its verb, an adjective and the noun it
        // pertains to: one stem each.
        for (derived, root) in [
            ("invasion", "invaded"),
            ("explosion", "explode"),
            ("explosions", "exploded"),
            ("explosives", "explosion"),
            ("injuries", "injured"),
            ("destruction", "destroyed"),
            ("presidential", "president"),
            ("electoral", "elections"),
        ] {
            assert_eq!(stem(derived), stem(root), "{derived} / {root}");
        }
        // Not an agent ("successor" is a party, the succession an event), nor
        // a word mostly a person ("official"), nor a link between words
        // of unrelated spelling ("death" / "die").
        for (word, other) in [("successor", "succeed"), ("official", "office"), ("death", "die")] {
            assert_ne!(stem(word), stem(other), "{word} / {other}");
        }
        let noun = sig("The invasion of the island by government troops began on Monday", &[]);
        let verb = sig("Government troops invaded the island on Monday", &[]);
        assert!(same_claim(&noun, &verb).is_some(), "{noun:?} {verb:?}");
        // Every root is a stem of its own, not derived again.
        for (derived, root) in STEM_ROOTS.iter() {
            assert!(!STEM_ROOTS.contains_key(root), "{derived} -> {root} -> ...");
        }
    }

    #[test]
    fn a_country_is_one_word_however_it_is_named() {
        let uk = sig(
            "The United Kingdom voted to leave the European Union",
            &["United Kingdom", "European Union"],
        );
        let britons = sig("Britons voted to leave the EU", &["Britons", "EU"]);
        assert!(uk.stems.contains("@gb") && britons.stems.contains("@gb"), "{uk:?} {britons:?}");
        assert!(!uk.stems.contains("unit") && !uk.stems.contains("kingdom"), "{uk:?}");
        assert_eq!(uk.entities.iter().next().map(String::as_str), Some("@gb"));
        assert!(same_claim(&uk, &britons).is_some(), "{uk:?} {britons:?}");
        // Each way of writing it: alias, dotted abbreviation, people,
        // adjective; another place's name is not the country inside it.
        for (text, iso) in [
            ("the U.S. imposed sanctions", "@us"),
            ("the US imposed sanctions", "@us"),
            ("American officials imposed sanctions", "@us"),
            ("the United States of America imposed sanctions", "@us"),
            ("Iranian media reported the strike", "@ir"),
            ("Saudi Arabia reported the strike", "@sa"),
        ] {
            let s = sig(text, &[]);
            assert!(s.stems.contains(iso), "{text}: {s:?}");
            assert_eq!(s.stems.iter().filter(|w| w.starts_with('@')).count(), 1, "{text}: {s:?}");
        }
        let possessive = sig("Iran's and Saudi Arabia’s ministers met", &[]);
        assert!(
            possessive.stems.contains("@ir") && possessive.stems.contains("@sa"),
            "{possessive:?}"
        );
        let listed = sig("Britain, France and Germany backed the Saudi-led coalition", &[]);
        for iso in ["@gb", "@fr", "@de", "@sa"] {
            assert!(listed.stems.contains(iso), "{iso}: {listed:?}");
        }
        // A country's word at the head of another name is that name's.
        let forces = sig("Syrian Democratic Forces took the town", &["Syrian Democratic Forces"]);
        assert!(!forces.stems.contains("@sy") && forces.stems.contains("syrian"), "{forces:?}");
        let titled = sig("Bermuda Wednesday night, the Turkish President said", &[]);
        assert!(titled.stems.contains("@bm") && titled.stems.contains("@tr"), "{titled:?}");
        let state = sig("New Mexico imposed a curfew", &[]);
        assert!(!state.stems.contains("@mx") && state.stems.contains("mexico"), "{state:?}");
        // A lower-case word is no country ("us", "turkey", "chad").
        assert!(!sig("they told us the turkey was cooked", &[])
            .stems
            .iter()
            .any(|w| w.starts_with('@')));
    }

    #[test]
    fn a_day_of_a_month_is_no_count_and_may_be_left_out() {
        let dated = sig("The United Kingdom voted on June 23, 2016, to leave the European Union in the referendum", &["United Kingdom", "European Union"]);
        assert!(dated.numbers.contains("d23") && dated.numbers.contains("2016"), "{dated:?}");
        let undated = sig("Britons voted in a 2016 referendum to leave the EU", &["Britons", "EU"]);
        assert!(same_claim(&dated, &undated).is_some(), "{dated:?} {undated:?}");
        // Two days are two dates; a day is not a toll of the same number.
        let other_day = sig("The United Kingdom voted on June 24, 2016, to leave the European Union in the referendum", &["United Kingdom", "European Union"]);
        assert!(same_claim(&dated, &other_day).is_none());
        assert!(sig("On 23 June the floods killed 23 people", &[]).numbers.len() == 2);
    }

    #[test]
    fn an_acronym_names_the_party_of_its_initials() {
        assert!(one_party("eu", "european union") && one_party("european union", "eu"));
        assert!(one_party("fbi", "federal bureau of investigation"));
        assert!(one_party("u.n.", "united nations"));
        assert!(!one_party("eu", "east ukraine army") && !one_party("un", "united"));
        let a = sig("Poland asked the EU to impose new sanctions on the regime", &["Poland", "EU"]);
        let b = sig(
            "Poland asked the European Union to impose new sanctions on the regime",
            &["Poland", "European Union"],
        );
        assert!(same_claim(&a, &b).is_some(), "{a:?} {b:?}");
    }

    #[test]
    fn signatures_keep_content_numbers_and_negation() {
        let s = sig("the attack killed at least 137 people, officials said", &[]);
        assert!(s.numbers.contains("137"));
        assert!(s.stems.contains("kill") && s.stems.contains("attack"));
        assert!(!s.stems.contains("the") && !s.negated);
        assert!(sig("Ukraine was not involved", &[]).negated);
        assert!(sig("Ukraine wasn't involved", &[]).negated);
        assert!(sig("During the recess parliament cannot pass laws", &[]).negated);
        assert!(sig("twelve people died", &[]).numbers.contains("12"));
        assert!(sig("1,200 homes were destroyed", &[]).numbers.contains("1200"));
        // Days said relative to the article and a name's numeral are no
        // content words.
        let s = sig("Elizabeth II suspended parliament yesterday, on Monday", &[]);
        assert!(!s.stems.contains("ii") && !s.stems.contains("yesterday"));
        assert!(!s.stems.contains("monday") && s.stems.contains("suspend"));
    }

    #[test]
    fn bands_are_shared_by_overlapping_claims_and_rarely_by_others() {
        let a = sig("Russian forces shelled the port of Odesa overnight", &[]);
        assert_eq!(a.bands().len(), BANDS);
        assert_eq!(a.bands(), a.clone().bands(), "deterministic");
        let same = sig("Russian forces shelled Odesa's port overnight, officials said", &[]);
        assert!(a.bands().iter().any(|b| same.bands().contains(b)));
        let other = sig("The central bank raised interest rates by half a point", &[]);
        assert!(!a.bands().iter().any(|b| other.bands().contains(b)));
        assert!(sig("Protests", &[]).bands().is_empty());
    }

    #[test]
    fn a_short_claim_inside_a_longer_one_with_its_telling_figures_is_the_same_claim() {
        let long = sig(
            "After failed talks on a deal and an extension the deadline now stands at October 31, 2019",
            &[],
        );
        let short = sig("the Brexit deadline is October 31", &[]);
        assert!(same_claim(&long, &short).is_some());
        let voted = sig("About 2.9 million people voted in Sunday's election", &[]);
        let turnout = sig("More than 2.9 million voters turned out to vote in the elections", &[]);
        assert!(same_claim(&voted, &turnout).is_some());
        // Small counts, ordinals and years tell no event from another.
        let storm = sig("it would have become the third named storm of the 2019 season", &[]);
        let hurricane = sig("it became the third hurricane of the 2019 season", &[]);
        assert!(same_claim(&storm, &hurricane).is_none());
        let other = sig("the vote is on October 31", &[]);
        assert!(same_claim(&short, &other).is_none());
    }

    #[test]
    fn a_date_with_and_without_its_year_is_the_same_figure() {
        let a = sig("at least 137 people were killed in the attack on March 22, 2024", &[]);
        let b = sig("at least 137 people were killed in the attack on March 22", &[]);
        assert!(same_claim(&a, &b).is_some() && !revises(&a, &b));
        // Two years are two dates; so is another day.
        let c = sig("at least 137 people were killed in the attack on March 22, 2023", &[]);
        assert!(same_claim(&a, &c).is_none());
        let d = sig("at least 137 people were killed in the attack on March 23", &[]);
        assert!(same_claim(&b, &d).is_none());
    }

    #[test]
    fn claims_about_other_parties_are_other_claims() {
        let a = sig("Russia accused Ukraine of staging the attack", &["Russia", "Ukraine"]);
        let b = sig("Russia accused Poland of staging the attack", &["Russia", "Poland"]);
        assert!(same_claim(&a, &b).is_none());
        let more = sig(
            "Russia accused Ukraine of staging the attack, Dmitry Peskov said",
            &["Russia", "Ukraine", "Dmitry Peskov"],
        );
        assert!(same_claim(&a, &more).is_some(), "one more name is more of the same claim");
        let surname = sig("Peskov said Ukraine staged the attack", &["Peskov", "Ukraine"]);
        let full =
            sig("Dmitry Peskov said Ukraine staged the attack", &["Dmitry Peskov", "Ukraine"]);
        assert!(same_claim(&surname, &full).is_some());
    }

    #[test]
    fn paraphrases_match_and_other_claims_do_not() {
        let a =
            sig("the attack on Crocus City Hall killed at least 137 people", &["Crocus City Hall"]);
        let b = sig(
            "At least 137 people were killed in the attack on Crocus City Hall",
            &["Crocus City Hall"],
        );
        let toll =
            sig("the attack on Crocus City Hall killed at least 133 people", &["Crocus City Hall"]);
        let negated =
            sig("the attack on Crocus City Hall did not kill 137 people", &["Crocus City Hall"]);
        let other = sig("the bridge will close on Monday for repairs", &[]);
        assert!(same_claim(&a, &b).is_some());
        assert!(same_claim(&b, &a).is_some(), "symmetric");
        assert!(same_claim(&a, &toll).is_none(), "another figure is another claim");
        assert!(revises(&a, &toll) && revises(&toll, &a));
        assert!(!revises(&a, &b) && !revises(&a, &other));
        assert!(same_claim(&a, &negated).is_none());
        assert!(same_claim(&a, &other).is_none());
        let r = same_claim(&a, &b).unwrap();
        assert_eq!(r.shared_entities, ["crocus city hall"]);
        assert_eq!(r.shared_numbers, ["137"]);
    }

    #[test]
    fn a_report_without_the_figure_or_with_more_detail_is_the_same_claim() {
        let toll =
            sig("the attack on the concert hall killed at least 137 people", &["Crocus City Hall"]);
        let no_figure = sig("the attack on the concert hall killed people", &["Crocus City Hall"]);
        assert_eq!(same_claim(&toll, &no_figure).unwrap().shared_numbers, Vec::<String>::new());
        // Two words in common are too few once a figure is left out.
        assert!(same_claim(&sig("194 lawmakers opposing", &[]), &sig("lawmakers opposing", &[]))
            .is_none());
        let short = sig(
            "the minister asked the regulator to investigate the bank and its chairman",
            &["Anna Berg"],
        );
        let long = sig(
            "In a call last week the minister, Anna Berg, urged the newly appointed regulator \
             to investigate the bank and its chairman, who ran the central bank until 2016",
            &["Anna Berg"],
        );
        assert!(same_claim(&short, &long).is_some(), "most of the shorter one inside the longer");
        assert!(same_claim(&sig("the minister asked", &["Anna Berg"]), &long).is_none());
    }

    #[test]
    fn a_count_left_out_needs_more_in_common_than_the_names_and_topic() {
        // The same parties and topic, another act: names are words of the
        // wording too (found chaining unrelated claims of a large ledger).
        let sanctions = sig(
            "Donald Trump announced 138 new sanctions against the Senate over the border clashes",
            &["Donald Trump", "Senate"],
        );
        let talks = sig(
            "Donald Trump and the Senate met in El Paso over the border clashes",
            &["Donald Trump", "Senate", "El Paso"],
        );
        assert!(same_claim(&sanctions, &talks).is_none());
        // Three words besides the names: the report without the count.
        let unnumbered = sig(
            "Donald Trump announced new sanctions against the Senate over the border clashes",
            &["Donald Trump", "Senate"],
        );
        assert!(same_claim(&sanctions, &unnumbered).is_some());
        // A date is left out more freely than a count (a year with it).
        let dated = sig(
            "The United Kingdom voted on June 23, 2016, to leave the European Union in the \
             Brexit referendum",
            &["United Kingdom", "European Union"],
        );
        let undated = sig(
            "The United Kingdom is leaving the European Union, termed Brexit",
            &["United Kingdom", "European Union"],
        );
        assert!(shared_besides_names(&dated, &undated) < 3);
        assert!(same_claim(&dated, &undated).is_some(), "the figures are a date");
    }

    #[test]
    fn names_sharing_a_word_are_two_parties() {
        let joe = sig("Joe Biden was accused of corruption in Ukraine", &["Joe Biden", "Ukraine"]);
        let hunter =
            sig("Hunter Biden was accused of corruption in Ukraine", &["Hunter Biden", "Ukraine"]);
        assert!(same_claim(&joe, &hunter).is_none());
        let biden = sig("Biden was accused of corruption in Ukraine", &["Biden", "Ukraine"]);
        assert!(same_claim(&joe, &biden).is_some(), "a surname is the full name");
        // The shorter name must end the longer: a word at its head is
        // another party ("Syrian" and "Syrian Democratic Forces").
        let syrian = sig("Syrian denied involvement in the oil spill", &["Syrian"]);
        let forces = sig(
            "Syrian Democratic Forces denied involvement in the oil spill",
            &["Syrian Democratic Forces"],
        );
        assert!(same_claim(&syrian, &forces).is_none());
        let sdf = sig(
            "SDF Syrian Democratic Forces denied involvement in the oil spill",
            &["Syrian Democratic Forces"],
        );
        assert!(same_claim(&forces, &sdf).is_some());
        // A name is written in the other claim only if all its words are:
        // "state" of "United States" does not write "Pennsylvania State
        // University".
        let university = sig(
            "The Senate met Pennsylvania State University in the United States to discuss the \
             vaccine shortage",
            &["Senate", "Pennsylvania State University", "United States"],
        );
        let trump = sig(
            "Trump met the Senate in the United States to discuss the vaccine shortage",
            &["Trump", "Senate", "United States"],
        );
        assert!(same_claim(&university, &trump).is_none());
    }

    #[test]
    fn two_parties_named_in_both_carry_a_looser_containment() {
        const SHORT: &str =
            "The departing chairman Okonjo appointed Halvorsen as treasurer of the club";
        const LONG: &str = "Before leaving, Okonjo appointed Tove Halvorsen as treasurer of \
             the club, the post that succeeds the chairmanship when it falls vacant";
        let short = sig(SHORT, &["Okonjo", "Halvorsen"]);
        let long = sig(LONG, &["Okonjo", "Tove Halvorsen"]);
        assert!(same_claim(&short, &long).is_some(), "the same act between the same two people");
        // A third party on one side only: the looser test does not apply.
        let other = sig(
            &format!("{LONG} under the Riverside Charter"),
            &["Okonjo", "Tove Halvorsen", "Riverside Charter"],
        );
        assert!(same_claim(&short, &other).is_none());
        // Symmetric when one side names a party twice ("Halvorsen", "Tove
        // Halvorsen") and the other once: the fewer names count.
        let twice = sig(SHORT, &["Halvorsen", "Tove Halvorsen"]);
        let once = sig(LONG, &["Tove Halvorsen"]);
        assert_eq!(same_claim(&twice, &once).is_some(), same_claim(&once, &twice).is_some());
    }

    #[test]
    fn a_name_written_in_lower_case_is_no_other_party() {
        let a = sig(
            "the Senate will be adjourned at the request of Governor Ana Lima",
            &["Senate", "Ana Lima"],
        );
        let b = sig(
            "the Harbour Council adjourned the senate at the request of Ana Lima, the governor",
            &["Harbour Council", "Ana Lima"],
        );
        assert!(same_claim(&a, &b).is_some());
        let c = sig(
            "the Harbour Council adjourned the assembly at the request of Ana Lima, the governor",
            &["Harbour Council", "Ana Lima"],
        );
        assert!(same_claim(&a, &c).is_none(), "the Senate is named in neither wording of c");
    }

    #[test]
    fn claims_about_other_subjects_are_two_claims() {
        let about = |t: &str| sig(t, &["Russia", "Ukraine"]);
        let bombing = about("Russia accused Ukraine of involvement in the bombing");
        // The same parties and the same words of accusing: another event.
        let ferry = about("Russia accused Ukraine of involvement in the ferry disaster");
        assert!(same_claim(&bombing, &ferry).is_none(), "{bombing:?} {ferry:?}");
        // Other words for the same accusation.
        let role = about("Ukraine was accused by Russia of a role in the bombing");
        assert!(same_claim(&bombing, &role).is_some());
        // A compound is one subject: "the bridge collapse" is not "the
        // bank collapse"; "the ferry bombing" tells more of "the bombing".
        let bridge = about("Russia blamed Ukraine for the bridge collapse");
        let bank = about("Russia blamed Ukraine for the bank collapse");
        assert!(same_claim(&bridge, &bank).is_none());
        let ferry_bombing = about("Russia accused Ukraine of involvement in the ferry bombing");
        assert!(same_claim(&bombing, &ferry_bombing).is_some());
        // A subject among the other's nouns, where a preposition follows
        // it there, is the same subject.
        let hall = sig("the attack on the concert hall killed 137 people", &[]);
        let attack = sig("the attack killed 137 people", &[]);
        assert!(!other_subjects(&hall, &attack) && same_claim(&hall, &attack).is_some());
    }

    #[test]
    fn a_claim_s_nouns_are_read_from_its_sentence_s_tags() {
        let text = "talks on the bombing took place";
        let tagged = [
            ("talks", Upos::Noun),
            ("on", Upos::Adp),
            ("the", Upos::Det),
            ("bombing", Upos::Noun),
            ("took", Upos::Verb),
            ("place", Upos::Noun),
        ];
        let s = Signature::of_tagged(text, &[], &tagged, Some(Upos::Adp));
        let stems = |set: &BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>();
        assert_eq!(stems(&s.nouns), ["bomb", "place", "talk"]);
        // "talks" before "on", "place" before the word after the claim
        // (a preposition): only "bombing" says what.
        assert_eq!(stems(&s.subjects), ["bomb"]);
        let untagged = Signature::of_tagged(text, &[], &[], None);
        assert!(untagged.nouns.is_empty() && untagged.stems == s.stems);
        // Words of names are no nouns.
        let named = Signature::of_tagged(
            "the Supreme Court ruled",
            &["Supreme Court".into()],
            &[
                ("the", Upos::Det),
                ("Supreme", Upos::Adj),
                ("Court", Upos::Noun),
                ("ruled", Upos::Verb),
            ],
            None,
        );
        assert!(named.nouns.is_empty(), "{named:?}");
    }

    #[test]
    fn signatures_survive_storage() {
        for s in [sig("Ukraine was not involved in 2 attacks", &["Ukraine"]), Signature::default()]
        {
            assert_eq!(Signature::decode(&s.encode()), s);
        }
    }

    // A stored signature read in place is judged as the signature it
    // stores, against any other.
    proptest::proptest! {
        #[test]
        fn stored_signatures_compare_as_decoded(
            a in proptest::collection::vec(0usize..16, 0..10),
            b in proptest::collection::vec(0usize..16, 0..10),
            negate in proptest::bool::ANY,
        ) {
            const WORDS: [&str; 16] = ["Russia", "Ukraine", "attack", "killed", "137",
                "people", "Kyiv", "denied", "133", "Peskov", "said", "staged", "bombing", "in",
                "the", "hall"];
            let text = |picks: &[usize]| picks.iter().map(|&k| WORDS[k]).collect::<Vec<_>>().join(" ");
            let entities = |picks: &[usize]| -> Vec<String> {
                picks.iter().map(|&k| WORDS[k]).filter(|w| w.starts_with(char::is_uppercase))
                    .map(str::to_string).collect()
            };
            let x = Signature::of(&text(&a), &entities(&a));
            let mut y = Signature::of(&text(&b), &entities(&b));
            y.negated ^= negate;
            let line = y.encode();
            let stored = Stored::read(&line);
            proptest::prop_assert_eq!(same_claim(&x, &stored), same_claim(&x, &y));
            proptest::prop_assert_eq!(same_claim(&stored, &x), same_claim(&y, &x));
            proptest::prop_assert_eq!(revises(&x, &stored), revises(&x, &y));
            // And kept in memory.
            let packed = Packed::of(&y).expect("small");
            proptest::prop_assert_eq!(relate(&x, &packed), relate(&x, &y));
            proptest::prop_assert_eq!(relate(&packed, &x), relate(&y, &x));
            proptest::prop_assert_eq!(same_claim(&x, &y).is_some(), same_claim(&y, &x).is_some());
            // One relation, the same both ways.
            let kind = |r: Relation| std::mem::discriminant(&r);
            proptest::prop_assert_eq!(kind(relate(&x, &y)), kind(relate(&y, &x)));
            proptest::prop_assert_eq!(revises(&x, &y), revises(&y, &x));
        }
    }

    #[test]
    fn non_latin_claims_get_signatures() {
        let s = sig("Зеленський заявив, що 12 людей загинули", &["Зеленський"]);
        assert!(s.numbers.contains("12") && s.stems.len() >= 3);
        assert!(same_claim(&s, &s.clone()).is_some());
    }
}
