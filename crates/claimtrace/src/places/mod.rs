//! Places on the map: every GPE, LOC and FAC entity the shipped GeoNames
//! gazetteer ([`gazetteer`]) can place gets `geo` (country, GeoNames id,
//! coordinates), disambiguated by the article.
//!
//! A name is looked up under each of its surfaces (name and aliases, and
//! without a trailing "province", "region" ...). Each candidate place is
//! scored: its kind (a country before a state before a city), a city's
//! population (log scale), a penalty for a GeoNames alternate name rather
//! than the place's own, and the article's evidence: the countries it names
//! (directly or by demonym), the states it names, and a qualifier right
//! after a mention ("Paris, Texas"; "Cambridge, Massachusetts"). Evidence
//! from the entity itself does not count for it.
//!
//! A place the gazetteer does not know (a facility, a province, a street)
//! takes the country of the nearest earlier place in its sentence, else
//! the country most of the article's places are in, if one is; regions that
//! span countries ("the Middle East") and seas take none.

pub mod gazetteer;

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::doc::{Document, EntityKind, Geo, Span, Upos};
use gazetteer::{NameHit, Place, PlaceGazetteer, PlaceKind};

/// The shipped gazetteer, read on first use, its name table as `build.rs`
/// sorted it.
pub static PLACES: LazyLock<PlaceGazetteer> = LazyLock::new(|| {
    let countries = include_str!("../../data/geo/countries.tsv");
    let continents = include_str!("../../data/geo/continents.tsv");
    let regions = include_str!("../../data/geo/regions.tsv");
    let places = include_str!("../../data/geo/places.tsv");
    static TABLES: &crate::tables::Aligned<[u8]> =
        &crate::tables::Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/places.bin")));
    PlaceGazetteer::with_tables(countries, continents, regions, places, &TABLES.0)
        .unwrap_or_else(|| PlaceGazetteer::parse(countries, continents, regions, places))
});

/// Gives `geo` to the place entities of `doc` with the shipped gazetteer.
pub fn places(doc: &mut Document) {
    places_with(doc, &PLACES);
}

/// Words of the place lexicons (`data/geo/`).
struct Words {
    /// Last words naming a kind of division ("province").
    divisions: Vec<&'static str>,
    /// Words before a place that put something there ("in", "from").
    locatives: Vec<&'static str>,
    /// Those of them that open a phrase saying where a facility is.
    containers: Vec<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let words = |text: &'static str| -> Vec<&'static str> {
        text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
    };
    let locatives = words(include_str!("../../data/geo/locatives.txt"));
    Words {
        divisions: words(include_str!("../../data/geo/divisions.txt")),
        locatives: locatives.iter().map(|l| l.split('\t').next().unwrap_or(l)).collect(),
        containers: locatives
            .iter()
            .filter_map(|l| l.split_once('\t'))
            .filter(|(_, mark)| mark.trim() == "container")
            .map(|(word, _)| word)
            .collect(),
    }
});

/// A candidate reading of one entity.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    place: usize,
    primary: bool,
}

/// What the article says about where it is.
#[derive(Default)]
struct Evidence {
    /// Country code to the entities naming it (as a country or demonym).
    countries: HashMap<&'static str, Vec<usize>>,
    /// (country, admin1) to the entities naming that division.
    divisions: HashMap<(&'static str, &'static str), Vec<usize>>,
}

impl Evidence {
    fn country(&self, iso: &str, except: usize) -> bool {
        self.countries.get(iso).is_some_and(|by| by.iter().any(|&e| e != except))
    }
    fn division(&self, iso: &str, admin1: &str, except: usize) -> bool {
        !admin1.is_empty()
            && self.divisions.get(&(iso, admin1)).is_some_and(|by| by.iter().any(|&e| e != except))
    }
}

/// Names of places in a sentence's `words` (with their `tags`) that the
/// gazetteer knows as a country, a state or a town of 50,000+ people by its
/// own name, written right after a locative ("in Magnitogorsk", "from
/// Jolo") and tagged a proper noun (not "in March"): word ranges, longest
/// first at each position (up to four capitalised words).
pub fn located_names(words: &[&str], tags: &[Upos]) -> Vec<(usize, usize)> {
    let g = &*PLACES;
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut out = Vec::new();
    for k in 1..words.len() {
        if tags.get(k) != Some(&Upos::Propn)
            || !WORDS.locatives.iter().any(|l| words[k - 1].eq_ignore_ascii_case(l))
        {
            continue;
        }
        let run = words[k..].iter().take(4).take_while(|w| capitalised(w)).count();
        let found = (1..=run).rev().find(|&n| known_by_name(g, &words[k..k + n].join(" "), false));
        if let Some(n) = found {
            out.push((k, k + n));
        }
    }
    out
}

/// The endings that make a place's name its people's ("Londoners").
const PEOPLE_SUFFIXES: [&str; 8] = ["ers", "ians", "ans", "ites", "er", "ian", "an", "n"];

/// Letters a place's name may end with that its people's name drops
/// ("Puerto Ric-o" of "Puerto Ricans", "Alabam-a" of "Alabamians").
const DROPPED_ENDINGS: [&str; 3] = ["a", "o", "e"];

/// Whether `word` ends as the name of a place's people does: the cheap
/// test before [`is_people_of_place`] looks the place up.
pub fn has_people_suffix(word: &str) -> bool {
    PEOPLE_SUFFIXES.iter().any(|suffix| word.ends_with(suffix))
}

/// Whether `name` names the people of a place the gazetteer knows, or is
/// its adjective, by its name and a suffix ("Londoners", "New Yorkers",
/// "Parisians", "Puerto Rican", "Samoan", "Alabamians"): a country, a
/// state, or a town of 50,000+ people. A singular ("Samoan") counts only
/// for a country or a state ("Susan" is not a woman of Susa), but "-er"
/// ("a Londoner") for towns too.
pub fn is_people_of_place(name: &str) -> bool {
    let g = &*PLACES;
    PEOPLE_SUFFIXES.iter().any(|suffix| {
        let Some(stem) = name.strip_suffix(suffix) else { return false };
        // Towns name their people by plurals and by "-er" ("a Londoner").
        let towns = suffix.ends_with('s') || *suffix == "er";
        // "Londoners" is "London" + "ers"; "Parisians" is "Paris" + "ians";
        // "Puerto Ricans" is "Puerto Rico" less its "o", + "ans".
        // A dropped ending is restored for countries and states only
        // ("Republicans" are not the people of Republica, Brazil).
        stem.chars().count() >= 3
            && (known_by_name(g, stem, !towns) || {
                let mut restored = String::with_capacity(stem.len() + 1);
                DROPPED_ENDINGS.iter().any(|e| {
                    restored.clear();
                    restored.push_str(stem);
                    restored.push_str(e);
                    known_by_name(g, &restored, true)
                })
            })
    })
}

/// Whether `name` is the own name of a country, a state or a town of
/// 50,000+ people ("Oakland").
pub fn is_known_place(name: &str) -> bool {
    known_by_name(&PLACES, name, false)
}

/// Whether `name` is a country's own name ("Philippines", "Yemen").
pub fn is_country(name: &str) -> bool {
    PLACES.hits(name).any(|h| h.primary && PLACES.kind(h.place) == PlaceKind::Country)
}

/// Whether `name` is the own name of a country, a state or (unless
/// `no_towns`) a town of 50,000+ people in `g`: the places a bare
/// capitalised word is safely taken for.
fn known_by_name(g: &PlaceGazetteer, name: &str, no_towns: bool) -> bool {
    g.hits(name).filter(|h| h.primary).any(|h| {
        let place = g.place(h.place);
        !place.country.is_empty()
            && (place.kind != PlaceKind::City || (!no_towns && place.population >= 50_000))
    })
}

/// Gives `geo` to the place entities of `doc` with gazetteer `g`.
pub fn places_with(doc: &mut Document, g: &PlaceGazetteer) {
    retype(doc, g);
    let candidates: Vec<Vec<Candidate>> = (0..doc.entities.len())
        .map(|e| if is_place(doc.entities[e].kind) { candidates(doc, e, g) } else { Vec::new() })
        .collect();
    let evidence = evidence(doc, &candidates, g);
    let mut chosen: Vec<Option<Place>> = vec![None; doc.entities.len()];
    for (e, cands) in candidates.iter().enumerate() {
        chosen[e] = choose(doc, e, cands, &evidence, g);
    }
    let fallback = fallback_countries(doc, &chosen, g);
    for (e, entity) in doc.entities.iter_mut().enumerate() {
        entity.geo = match (chosen[e], fallback[e]) {
            (Some(place), _) if !place.country.is_empty() || place.id.is_some() => Some(Geo {
                country: (!place.country.is_empty()).then(|| place.country.to_string()),
                geonames_id: place.id,
                coordinates: place.coordinates,
            }),
            (None, Some(iso)) => Some(Geo { country: Some(iso.to_string()), ..Geo::default() }),
            _ => None,
        };
    }
}

/// Types corrected by the gazetteer: a name the recogniser took for a
/// person or an organisation that is the own name of a country or a state,
/// or of a city of 1,000,000+ people or of 100,000+ that the article puts
/// somewhere ("in Boulder", "El Paso, Texas"), with no title or apposition
/// saying otherwise, is a GPE ("Chelyabinsk"); a continent or a region
/// spanning countries is a LOC, not a GPE ("Europe", "the Middle East");
/// a name a place word heads that is the own name of a town of 50,000+
/// people is a GPE ("West Palm Beach"). Mentions follow.
fn retype(doc: &mut Document, g: &PlaceGazetteer) {
    for e in 0..doc.entities.len() {
        let entity = &doc.entities[e];
        let own = |fits: &dyn Fn(&Place) -> bool| {
            std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .all(|name| g.lookup(name).iter().any(|h| h.primary && fits(&g.place(h.place))))
        };
        let placed = || located(doc, e, g);
        let kind = match entity.kind {
            EntityKind::Person | EntityKind::Org
                if entity.description.is_none()
                    && !entity.mentions.is_empty()
                    && own(&|p: &Place| match p.kind {
                        PlaceKind::Country => true,
                        PlaceKind::Region => !p.country.is_empty(),
                        PlaceKind::City => {
                            p.population >= 1_000_000 || p.population >= 100_000 && placed()
                        }
                        PlaceKind::Continent => false,
                    }) =>
            {
                EntityKind::Gpe
            }
            EntityKind::Gpe
                if own(&|p: &Place| p.kind == PlaceKind::Continent || p.country.is_empty()) =>
            {
                EntityKind::Loc
            }
            // "West Palm Beach", "Lake Charles": a name of two words or more
            // that a place word heads but that is the own name of a town of
            // 50,000+ people is the town.
            EntityKind::Loc
                if entity.name.contains(' ')
                    && own(&|p: &Place| p.kind == PlaceKind::City && p.population >= 50_000) =>
            {
                EntityKind::Gpe
            }
            _ => continue,
        };
        doc.entities[e].kind = kind;
        for &m in &doc.entities[e].mentions.clone() {
            if let Some(mention) = doc.mentions.get_mut(m) {
                mention.kind = kind;
            }
        }
    }
}

/// Whether the article puts entity `e` somewhere: a mention after "in",
/// "from", "near" ..., or followed by its country or state.
fn located(doc: &Document, e: usize, g: &PlaceGazetteer) -> bool {
    !qualifiers(doc, e, g).is_empty()
        || doc.entities[e].mentions.iter().any(|&m| {
            let Some(mention) = doc.mentions.get(m) else { return false };
            let before = mention.tokens.start.checked_sub(1).map(|t| doc.token_text(t));
            before.is_some_and(|w| WORDS.locatives.iter().any(|l| w.eq_ignore_ascii_case(l)))
        })
}

fn is_place(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Gpe | EntityKind::Loc | EntityKind::Fac)
}

/// Every place any surface of entity `e` can name.
fn candidates(doc: &Document, e: usize, g: &PlaceGazetteer) -> Vec<Candidate> {
    let entity = &doc.entities[e];
    let mut out: Vec<Candidate> = Vec::new();
    let mut add = |hits: Vec<NameHit>| {
        for hit in hits {
            match out.iter_mut().find(|c| c.place == hit.place) {
                Some(c) => c.primary |= hit.primary,
                None => out.push(Candidate { place: hit.place, primary: hit.primary }),
            }
        }
    };
    for surface in std::iter::once(&entity.name).chain(&entity.aliases) {
        add(g.lookup(surface));
        if let Some((head, last)) = surface.trim().rsplit_once(' ') {
            if WORDS.divisions.iter().any(|w| last.eq_ignore_ascii_case(w)) {
                add(g.lookup(head));
            }
        }
    }
    out
}

/// The countries and divisions the article names: entities whose only
/// reading is a country or a division, and demonyms.
fn evidence(doc: &Document, candidates: &[Vec<Candidate>], g: &PlaceGazetteer) -> Evidence {
    let mut ev = Evidence::default();
    for (e, cands) in candidates.iter().enumerate() {
        let best_kind = cands.iter().filter(|c| c.primary).map(|c| g.kind(c.place)).min();
        for c in cands.iter().filter(|c| c.primary) {
            let place = g.place(c.place);
            if Some(place.kind) != best_kind || place.country.is_empty() {
                continue;
            }
            match place.kind {
                PlaceKind::Country => ev.countries.entry(place.country).or_default().push(e),
                PlaceKind::Region => {
                    ev.countries.entry(place.country).or_default().push(e);
                    if !place.admin1.is_empty() {
                        ev.divisions.entry((place.country, place.admin1)).or_default().push(e);
                    }
                }
                PlaceKind::Continent | PlaceKind::City => {}
            }
        }
        let entity = &doc.entities[e];
        if entity.kind == EntityKind::Norp {
            if let Some(iso) = g.demonym(&entity.name) {
                ev.countries.entry(iso).or_default().push(e);
            }
        }
    }
    ev
}

/// The best reading of entity `e`, if one is good enough.
fn choose(
    doc: &Document,
    e: usize,
    cands: &[Candidate],
    ev: &Evidence,
    g: &PlaceGazetteer,
) -> Option<Place> {
    let qualifiers = qualifiers(doc, e, g);
    let mut best: Option<(f64, usize)> = None;
    for c in cands {
        let place = g.place(c.place);
        let mut score = match place.kind {
            PlaceKind::Country => 10.0,
            PlaceKind::Continent => 9.0,
            PlaceKind::Region => 8.5,
            PlaceKind::City => (place.population.max(1_000) as f64).log10(),
        };
        if !c.primary {
            score -= 1.5;
        }
        if place.kind != PlaceKind::Country && ev.country(place.country, e) {
            score += 3.0;
        }
        if place.kind == PlaceKind::City && ev.division(place.country, place.admin1, e) {
            score += 2.0;
        }
        if qualifiers.iter().any(|q| {
            q.country == place.country && (q.admin1.is_empty() || q.admin1 == place.admin1)
        }) {
            score += 4.0;
        }
        // A GeoNames alternate name alone is weak: a big city, or one the
        // article's countries support.
        if !c.primary && score < 5.0 {
            continue;
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c.place));
        }
    }
    best.map(|(_, p)| g.place(p))
}

/// Countries or divisions written right after a mention of entity `e`
/// ("Paris, Texas", "Tripoli, Lebanon").
fn qualifiers(doc: &Document, e: usize, g: &PlaceGazetteer) -> Vec<Place> {
    let mut out = Vec::new();
    for &m in &doc.entities[e].mentions {
        let Some(mention) = doc.mentions.get(m) else { continue };
        let Some(rest) = doc.text.get(mention.span.end()..) else { continue };
        let Some(rest) = rest.strip_prefix(", ") else { continue };
        let words: Vec<&str> = rest
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | ':'))
            .take(3)
            .map(|w| w.trim_end_matches(['.', '\'', '"']))
            .collect();
        for n in (1..=words.len()).rev() {
            let phrase = words[..n].join(" ");
            if !phrase.starts_with(char::is_uppercase) {
                continue;
            }
            let hits: Vec<Place> = g
                .lookup(&phrase)
                .into_iter()
                .filter(|h| h.primary)
                .map(|h| g.place(h.place))
                .filter(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Region))
                .collect();
            if !hits.is_empty() {
                out.extend(hits);
                break;
            }
        }
    }
    out
}

/// For each place entity no reading fits: the country of a place named
/// right after it ("Crocus Center in the Russian capital"; a demonym
/// counts), else of the nearest earlier place in its sentence, else the
/// article's main country (over half of the placed mentions). A known
/// place with no country (a region spanning countries) takes none.
fn fallback_countries(
    doc: &Document,
    chosen: &[Option<Place>],
    g: &PlaceGazetteer,
) -> Vec<Option<&'static str>> {
    let sentence_of = |start: usize| doc.sentences.partition_point(|s| s.span.end() <= start);
    // Placed mentions in text order: (span, sentence, country).
    let mut placed: Vec<(Span, usize, &'static str)> = Vec::new();
    let mut per_country: HashMap<&'static str, usize> = HashMap::default();
    for (e, entity) in doc.entities.iter().enumerate() {
        let (country, counts) = match chosen[e] {
            Some(place) if !place.country.is_empty() => (place.country, true),
            None if entity.kind == EntityKind::Norp => match g.demonym(&entity.name) {
                Some(iso) => (iso, false),
                None => continue,
            },
            _ => continue,
        };
        for &m in &entity.mentions {
            let Some(mention) = doc.mentions.get(m) else { continue };
            placed.push((mention.span, sentence_of(mention.span.start()), country));
            if counts {
                *per_country.entry(country).or_default() += 1;
            }
        }
    }
    placed.sort_unstable_by_key(|&(span, ..)| span);
    let total: usize = per_country.values().sum();
    let main = per_country.iter().find(|&(_, &n)| 2 * n > total).map(|(&iso, _)| iso);
    (0..doc.entities.len())
        .map(|e| {
            let entity = &doc.entities[e];
            if chosen[e].is_some() || !is_place(entity.kind) {
                return None;
            }
            if let Some(iso) = inner_country(&entity.name, g) {
                return Some(iso);
            }
            // Only the placed mentions of the mention's own sentence are
            // read, found by binary search (long articles stay linear).
            let near = entity.mentions.iter().find_map(|&m| {
                let mention = doc.mentions.get(m)?;
                let sentence = sentence_of(mention.span.start());
                let from = placed.partition_point(|(span, ..)| span.start() < mention.span.end());
                let after = placed[from..].iter().take_while(|&&(_, s, _)| s == sentence).find(
                    |&&(span, ..)| {
                        doc.text.get(mention.span.end()..span.start()).is_some_and(locative_gap)
                    },
                );
                let before = || {
                    let to =
                        placed.partition_point(|(span, ..)| span.start() < mention.span.start());
                    placed[..to]
                        .iter()
                        .rev()
                        .take_while(|&&(_, s, _)| s == sentence)
                        .find(|&&(span, ..)| span.end() <= mention.span.start())
                };
                after.or_else(before).map(|&(_, _, iso)| iso)
            });
            near.or(main)
        })
        .collect()
}

/// The country or state a name ends with, its first words dropped ("South
/// Australia" is in AU, "Southern California" in the US).
fn inner_country(name: &str, g: &PlaceGazetteer) -> Option<&'static str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..words.len()).find_map(|skip| {
        g.lookup(&words[skip..].join(" ")).iter().find_map(|h| {
            let place = g.place(h.place);
            (h.primary
                && matches!(place.kind, PlaceKind::Country | PlaceKind::Region)
                && !place.country.is_empty())
            .then_some(place.country)
        })
    })
}

/// Whether the words between a place and a later mention say where it is:
/// a short "in", "near", "outside" phrase ("in the Russian capital").
fn locative_gap(gap: &str) -> bool {
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= 4
        && words.first().is_some_and(|w| WORDS.containers.iter().any(|l| w.eq_ignore_ascii_case(l)))
}
