//! Places on the map: the country, GeoNames id and coordinates of place
//! entities, disambiguated by the article; and the types the gazetteer
//! corrects.

use claimtrace::doc::EntityKind;
use claimtrace::Document;

use crate::util::analyze_body as analyze;

/// (type, country, GeoNames id) of the entity called `name`.
fn place(doc: &Document, name: &str) -> (EntityKind, Option<String>, Option<u32>) {
    let entity = doc
        .entities
        .iter()
        .find(|e| e.name == name || e.aliases.iter().any(|a| a == name))
        .unwrap_or_else(|| {
            let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
            panic!("no entity {name:?} among {names:?}")
        });
    let geo = entity.geo.clone().unwrap_or_default();
    (entity.kind, geo.country, geo.geonames_id)
}

fn country(doc: &Document, name: &str) -> Option<String> {
    place(doc, name).1
}

#[test]
fn countries_and_cities_get_their_geonames_ids_and_coordinates() {
    let doc = analyze(
        "Officials in Moscow said on Tuesday that Russia would send aid to \
         Kabul, the capital of Afghanistan.",
    );
    assert_eq!(place(&doc, "Moscow"), (EntityKind::Gpe, Some("RU".into()), Some(524901)));
    assert_eq!(place(&doc, "Russia"), (EntityKind::Gpe, Some("RU".into()), Some(2017370)));
    assert_eq!(place(&doc, "Kabul").2, Some(1138958));
    let moscow = doc.entities.iter().find(|e| e.name == "Moscow").unwrap();
    let (lat, lon) = moscow.geo.as_ref().unwrap().lat_lon().unwrap();
    assert!((lat - 55.75).abs() < 0.1 && (lon - 37.62).abs() < 0.1, "{lat}, {lon}");
}

#[test]
fn the_article_decides_between_places_of_one_name() {
    // Paris is in France unless the article puts it in Texas.
    let france = analyze("Thousands marched in Paris on Saturday, French police said.");
    assert_eq!(country(&france, "Paris").as_deref(), Some("FR"));
    let texas = analyze("A tornado struck Paris, Texas, on Saturday, the mayor said.");
    assert_eq!(country(&texas, "Paris").as_deref(), Some("US"));
    // Cambridge: England by population, Massachusetts when the story is there.
    let us = analyze(
        "Researchers in Cambridge said the trial would start in Boston. \
         Massachusetts officials welcomed the study.",
    );
    assert_eq!(country(&us, "Cambridge").as_deref(), Some("US"));
}

#[test]
fn other_names_of_a_place_find_it() {
    let doc = analyze("The delegation flew from Kiev to Bombay on Monday.");
    assert_eq!(place(&doc, "Kiev").2, Some(703448));
    assert_eq!(country(&doc, "Bombay").as_deref(), Some("IN"));
}

#[test]
fn places_the_gazetteer_lacks_take_the_country_around_them() {
    let doc = analyze(
        "Gunmen attacked the Crocus City Hall in the Russian capital on Friday. \
         Later, police searched Karl Marx Avenue in Magnitogorsk.",
    );
    assert_eq!(country(&doc, "Crocus City Hall").as_deref(), Some("RU"));
    assert_eq!(country(&doc, "Karl Marx Avenue").as_deref(), Some("RU"));
    let state = analyze("Abortion was decriminalised in South Australia in 2021, officials said.");
    assert_eq!(country(&state, "South Australia").as_deref(), Some("AU"));
}

#[test]
fn regions_spanning_countries_take_no_country() {
    let doc = analyze(
        "Ministers from Germany met in Berlin to discuss the Middle East and Europe on Monday.",
    );
    assert_eq!(place(&doc, "Middle East"), (EntityKind::Loc, None, None));
    // A continent is a LOC with its own GeoNames id and no country.
    assert_eq!(place(&doc, "Europe"), (EntityKind::Loc, None, Some(6255148)));
}

#[test]
fn the_gazetteer_corrects_a_place_typed_as_a_person() {
    // "Chelyabinsk" read as a person's name by the recogniser in the dev
    // set: a city of a million people with no title is a place.
    let doc = analyze(
        "Chelyabinsk officials said on Monday that 39 people had died. \
         Chelyabinsk's governor promised help.",
    );
    let (kind, country, _) = place(&doc, "Chelyabinsk");
    assert_eq!((kind, country.as_deref()), (EntityKind::Gpe, Some("RU")));
    // Small places named like common words stay what the recogniser said.
    let doc = analyze("The Man Who Knew Too Much was shown on Monday, the studio said.");
    assert!(doc.entities.iter().all(|e| e.name != "Man" || e.kind != EntityKind::Gpe));
}

#[test]
fn titles_are_not_part_of_a_persons_name() {
    let doc = analyze(
        "President Donald Trump met Health Minister Veronika Skvortsova on Monday, \
         and Secretary of State Mike Pompeo said the talks went well.",
    );
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    for name in ["Donald Trump", "Veronika Skvortsova", "Mike Pompeo"] {
        assert!(names.contains(&name), "{name:?} not among {names:?}");
    }
    assert!(names.iter().all(|n| !n.contains("President") && !n.starts_with("State")), "{names:?}");
}

#[test]
fn the_outlet_is_an_entity_only_where_the_text_names_it() {
    // `analyze_body` reads from an outlet called "The Daily Planet".
    let doc = analyze("Police in London arrested two men on Monday.");
    assert!(doc.entities.iter().all(|e| !e.name.contains("Daily Planet")));
    assert_eq!(doc.meta.outlet.as_deref(), Some("The Daily Planet"));
}

#[test]
fn the_record_carries_geo_as_the_spec_writes_it() {
    let doc = analyze("Officials in Moscow said on Tuesday that the talks had ended.");
    let record = serde_json::to_value(claimtrace::Record::from_document(&doc)).unwrap();
    let moscow = record["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Moscow")
        .expect("Moscow in the record");
    assert_eq!(moscow["geo"]["country"], "RU");
    assert_eq!(moscow["geo"]["geonames_id"], 524901);
    assert!(moscow["geo"]["lat"].as_f64().is_some() && moscow["geo"]["lon"].as_f64().is_some());
}

#[test]
fn a_person_after_a_title_is_found() {
    let doc = analyze(
        "The statement was tweeted by Mayor of London Sadiq Khan on Monday. \
         US Ambassador to Germany Richard Grenell alleged that the airline helped. \
         Coast Guard Commandant Admiral Elson Hermogino said the port was closed.",
    );
    for name in ["Sadiq Khan", "Richard Grenell", "Elson Hermogino"] {
        assert_eq!(place(&doc, name).0, EntityKind::Person, "{name}");
    }
}

#[test]
fn religious_groups_are_norp_and_no_name_ends_with_a_weekday() {
    let doc = analyze("Leaders met Roman Catholic bishops and Muslim clerics in Berlin on Monday.");
    assert_eq!(place(&doc, "Roman Catholic").0, EntityKind::Norp);
    assert_eq!(place(&doc, "Muslim").0, EntityKind::Norp);
    assert!(doc.entities.iter().all(|e| !e.name.contains("Monday")), "{:?}", doc.entities);
    let doc = analyze("Prime Minister Theresa May spoke on Friday.");
    assert_eq!(place(&doc, "Theresa May").0, EntityKind::Person);
}

#[test]
fn name_particles_stay_in_a_persons_name_and_a_given_name_refers_to_it() {
    let doc = analyze(
        "Hamza bin Laden was killed in an operation, officials said. Spokesman Arnel \
         dela Vega confirmed it on Monday. Hamza had called for attacks.",
    );
    let person = |name: &str| {
        doc.entities.iter().find(|e| e.name == name).unwrap_or_else(|| {
            panic!(
                "{name:?} not among {:?}",
                doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
            )
        })
    };
    assert_eq!(person("Arnel dela Vega").kind, EntityKind::Person);
    let hamza = person("Hamza bin Laden");
    assert!(hamza.aliases.iter().any(|a| a == "Hamza"), "{:?}", hamza.aliases);
    assert!(doc.entities.iter().all(|e| e.name != "Hamza" && e.name != "Laden"));
}

#[test]
fn the_people_of_a_place_are_a_group_not_a_person() {
    let doc = analyze(
        "Crowds of Londoners and New Yorkers watched the match on Sunday, officials said. \
         The bravery of ordinary Londoners is incredible, he said.",
    );
    for name in ["Londoners", "New Yorkers"] {
        let found = doc.entities.iter().find(|e| e.name == name);
        let all: Vec<_> = doc.entities.iter().map(|e| (&e.name, e.kind)).collect();
        assert_eq!(found.map(|e| e.kind), Some(EntityKind::Norp), "{name}: {all:?}");
    }
}

#[test]
fn the_people_of_a_place_are_named_from_its_name() {
    use claimtrace::places::is_people_of_place;
    for name in
        ["Londoners", "New Yorkers", "Puerto Ricans", "Puerto Rican", "Samoan", "Alabamians"]
    {
        assert!(is_people_of_place(name), "{name}");
    }
    // A first name is no woman of a town ("Susa"), a party no people of a
    // town ("Republica").
    for name in ["Susan", "Republicans", "Morgan"] {
        assert!(!is_people_of_place(name), "{name}");
    }
}

#[test]
fn states_and_provinces_of_other_countries_are_places_in_them() {
    let doc = analyze(
        "Fires burned across New South Wales on Monday. Police in Khyber Pakhtunkhwa \
         and Uttar Pradesh made arrests. Voters in Ontario went to the polls. The quake \
         struck near the Cotabato Trench.",
    );
    assert_eq!(place(&doc, "New South Wales"), (EntityKind::Gpe, Some("AU".into()), None));
    assert_eq!(place(&doc, "Khyber Pakhtunkhwa").0, EntityKind::Gpe);
    assert_eq!(country(&doc, "Khyber Pakhtunkhwa").as_deref(), Some("PK"));
    assert_eq!(country(&doc, "Uttar Pradesh").as_deref(), Some("IN"));
    // The province, not the Californian city of the same name.
    assert_eq!(country(&doc, "Ontario").as_deref(), Some("CA"));
    assert_eq!(place(&doc, "Cotabato Trench").0, EntityKind::Loc);
}

#[test]
fn the_capitol_is_a_building_and_capitol_hill_a_place() {
    let doc = analyze("Lawmakers on Capitol Hill met at the Capitol on Monday.");
    assert_eq!(place(&doc, "Capitol").0, EntityKind::Fac);
    assert_eq!(place(&doc, "Capitol Hill").0, EntityKind::Loc);
}

#[test]
fn islands_and_a_channel_between_countries_are_locations() {
    let doc = analyze(
        "French inventor Franky Zapata crossed the English Channel on Sunday, on his \
         second attempt to cross the Channel. Bombs struck a cathedral in Mindanao, \
         Philippines.",
    );
    // One sea between two countries: no country of its own, not "English".
    assert_eq!(place(&doc, "English Channel"), (EntityKind::Loc, None, None));
    assert_eq!(place(&doc, "the Channel").0, EntityKind::Loc);
    assert!(doc.entities.iter().all(|e| e.name != "English" && e.name != "Channel"));
    assert_eq!(place(&doc, "Mindanao").0, EntityKind::Loc);
    assert_eq!(country(&doc, "Mindanao").as_deref(), Some("PH"));
}

#[test]
fn the_holy_see_is_the_vatican() {
    let doc = analyze("Pope Francis signed the decree in the Holy See on Monday.");
    assert_eq!(place(&doc, "Holy See").0, EntityKind::Gpe);
    assert_eq!(country(&doc, "Holy See").as_deref(), Some("VA"));
}

#[test]
fn states_that_no_longer_exist_keep_their_former_codes() {
    let doc = analyze(
        "Relations between the United States and the Soviet Union were tense. \
         East Germany and Yugoslavia signed the treaty; the USSR did not.",
    );
    // Not Russia, not an organisation ("Union").
    assert_eq!(place(&doc, "Soviet Union"), (EntityKind::Gpe, Some("SU".into()), None));
    assert_eq!(place(&doc, "USSR").1.as_deref(), Some("SU"));
    assert_eq!(country(&doc, "East Germany").as_deref(), Some("DD"));
    assert_eq!(country(&doc, "Yugoslavia").as_deref(), Some("YU"));
}

#[test]
fn a_place_named_without_its_head_is_the_place() {
    // "Abaco" alone is the island group, not a person.
    let doc = analyze(
        "The hurricane struck the Abaco Islands on Sunday. Damage on Abaco was \
         severe, officials said.",
    );
    assert_eq!(place(&doc, "Abaco"), place(&doc, "Abaco Islands"));
    assert_eq!(place(&doc, "Abaco").0, EntityKind::Loc);
}

#[test]
fn time_zones_are_no_places() {
    let doc = analyze("The storm made landfall at 10:00 UTC on Monday, the NHC said.");
    assert!(doc.entities.iter().all(|e| e.name != "UTC"), "{:?}", doc.entities);
}
