//! Training is deterministic, the shipped models load and work, and long
//! or empty input does not panic.

use claimtrace::doc::{Document, EntityKind, Meta, Rel, Upos};
use claimtrace::entities::{self, ner};
use claimtrace::tag::{self, conllu, parser, perceptron::Model, tagger};
use claimtrace::Pipeline;

const SAMPLE: &str = include_str!("../testdata/gum-sample.conllu");

fn analyzed(text: &str) -> Document {
    let mut doc = Document::new("test", Meta::default(), text.to_string());
    Pipeline::standard().run(&mut doc);
    doc
}

/// The document's entities as (name, kind), as the entity tests compare
/// them.
fn names_and_kinds(doc: &Document) -> Vec<(&str, EntityKind)> {
    doc.entities.iter().map(|e| (e.name.as_str(), e.kind)).collect()
}

/// Asserts that each of `expected` is among the (name, kind) pairs found.
fn assert_found(found: &[(&str, EntityKind)], expected: &[(&str, EntityKind)]) {
    for pair in expected {
        assert!(found.contains(pair), "{pair:?} in {found:?}");
    }
}

/// The type of the entity called `name`, if there is one.
fn kind_of(doc: &Document, name: &str) -> Option<EntityKind> {
    doc.entities.iter().find(|e| e.name == name).map(|e| e.kind)
}

fn tags(doc: &Document) -> Vec<&str> {
    doc.tokens.iter().map(|t| t.tag.map_or("-", Upos::as_str)).collect()
}

#[test]
fn training_is_deterministic() {
    let sentences = conllu::parse_conllu(SAMPLE);
    assert_eq!(sentences.len(), 8);
    let first = tagger::train(&sentences, 3, 7);
    assert_eq!(first, tagger::train(&sentences, 3, 7));
    let gold_tags: Vec<Vec<String>> = sentences.iter().map(|s| s.upos.clone()).collect();
    assert_eq!(
        parser::train(&sentences, &gold_tags, 2, 7),
        parser::train(&sentences, &gold_tags, 2, 7)
    );
    let mut named = sentences.clone();
    named.iter_mut().for_each(|s| conllu::named_labels(s, &|_| false));
    assert_eq!(
        ner::train(&named, &gold_tags, ner::Gazetteers::shipped(), 2, 7),
        ner::train(&named, &gold_tags, ner::Gazetteers::shipped(), 2, 7)
    );

    // The fixture's tagger has learnt its own training data.
    let model = Model::decode(&first).unwrap();
    let words: Vec<&str> = sentences[0].words.iter().map(String::as_str).collect();
    let predicted: Vec<&str> =
        tagger::tag(&model, &words).iter().map(|&t| tagger::UPOS[t]).collect();
    assert_eq!(predicted, sentences[0].upos);
}

#[test]
fn shipped_models_tag_and_parse_a_known_sentence() {
    assert!(!tag::TAGGER.is_empty() && !tag::PARSER.is_empty() && !entities::NER.is_empty());
    let doc = analyzed("The minister visited Paris on Monday.");
    assert_eq!(tags(&doc), ["DET", "NOUN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]);
    let heads: Vec<Option<usize>> = doc.tokens.iter().map(|t| t.head).collect();
    assert_eq!(heads, [Some(1), Some(2), None, Some(2), Some(5), Some(2), Some(2)]);
    let rels: Vec<&str> = doc.tokens.iter().map(|t| t.rel.map_or("-", Rel::as_str)).collect();
    assert_eq!(rels, ["det", "nsubj", "root", "obj", "case", "obl", "punct"]);
}

#[test]
fn entities_merge_mentions() {
    let doc = analyzed(
        "Finance minister Maria Lopez met officials of the World Health Organization (WHO) \
         in Kenya on Tuesday. Lopez later told Reuters that the WHO and Kenyan doctors agreed.",
    );
    let found: Vec<(&str, EntityKind, Vec<&str>)> = doc
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.kind, e.aliases.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("Maria Lopez", EntityKind::Person, vec!["Lopez"]),
            ("World Health Organization", EntityKind::Org, vec!["WHO"]),
            ("Kenya", EntityKind::Gpe, vec![]),
            ("Reuters", EntityKind::Org, vec![]),
            ("Kenyan", EntityKind::Norp, vec![]),
        ]
    );
    assert_eq!(doc.entities[0].description.as_deref(), Some("Finance minister"));
}

#[test]
fn well_known_companies_are_organisations() {
    let doc = analyzed(
        "Airbus said on Monday that it would cut jobs. Hasbro hosted a panel about \
         its toys. Morgan Freeman and Morgan Stanley were not involved.",
    );
    let found = names_and_kinds(&doc);
    for name in ["Airbus", "Hasbro", "Morgan Stanley"] {
        assert!(found.contains(&(name, EntityKind::Org)), "{name} in {found:?}");
    }
    assert!(found.contains(&("Morgan Freeman", EntityKind::Person)), "{found:?}");
}

#[test]
fn plural_acronyms_and_diseases_are_no_names() {
    let doc = analyzed(
        "It is not about ships, captains, NGOs and clashes, said Carola Rackete. \
         A trial of four possible Ebola drugs was stopped early.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Carola Rackete", EntityKind::Person)), "{found:?}");
    assert!(found.iter().all(|&(n, _)| n != "NGOs" && n != "Ebola"), "{found:?}");
}

#[test]
fn a_common_word_capitalised_by_its_place_is_no_name() {
    let names = |text: &str| -> Vec<String> {
        analyzed(text).entities.iter().map(|e| e.name.clone()).collect()
    };
    // Opening a quotation, or what follows a colon: the capital says
    // nothing.
    let found = names(
        "One of the children told the court, \"Sometimes I still have nightmares.\" \
         Narendra Modi tweeted \"Deeply saddened by the loss of lives\". \
         NG: Members of the lab spend the season there.",
    );
    assert!(found.iter().any(|n| n == "Narendra Modi"), "{found:?}");
    for word in ["Sometimes", "Deeply", "Members"] {
        assert!(!found.iter().any(|n| n == word), "{word} in {found:?}");
    }
    // One common word is no person, unless it is a surname.
    let found = names(
        "The result was his recent film, Fall of Grace. Theresa May met the Queen. \
         May said the talks went well.",
    );
    assert!(!found.iter().any(|n| n == "Fall"), "{found:?}");
    assert!(found.iter().any(|n| n == "Theresa May"), "{found:?}");
}

#[test]
fn a_person_of_an_organisation_is_two_mentions_and_an_office_none() {
    let doc = analyzed(
        "Professor Carl Lipo of Binghamton University led the study. \
         Secretary of Transportation Elaine Chao said flights would stop. \
         Tristan Smith of University College London said it was odd. The Royal \
         Swedish Academy of Sciences awarded the prize.",
    );
    let found = names_and_kinds(&doc);
    // A given name opens the person's name (the recogniser read one
    // organisation); an organisation's head keeps "of" inside it.
    assert!(found.contains(&("Tristan Smith", EntityKind::Person)), "{found:?}");
    assert!(found.contains(&("University College London", EntityKind::Org)), "{found:?}");
    assert!(found.contains(&("Royal Swedish Academy of Sciences", EntityKind::Org)), "{found:?}");
    assert!(found.contains(&("Carl Lipo", EntityKind::Person)), "{found:?}");
    assert!(found.contains(&("Binghamton University", EntityKind::Org)), "{found:?}");
    assert!(found.contains(&("Elaine Chao", EntityKind::Person)), "{found:?}");
    assert!(
        !found.iter().any(|(n, _)| n.contains(" of ") && *n != "Royal Swedish Academy of Sciences"),
        "{found:?}"
    );
}

#[test]
fn a_name_headed_by_an_organisation_word_after_an_office_part_is_no_person() {
    let doc = analyzed(
        "Officials from the Regional Fire Brigade said the blaze was out. \
         Students of Tyumen State Medical University won. \
         Judge Marlow Hall QC said the men showed no remorse.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Regional Fire Brigade", EntityKind::Org)), "{found:?}");
    assert!(found.contains(&("Tyumen State Medical University", EntityKind::Org)), "{found:?}");
    assert!(found.contains(&("Marlow Hall", EntityKind::Person)), "{found:?}");
}

#[test]
fn laws_bills_and_treaties_are_other() {
    let doc = analyzed(
        "The Harbour Safety Bill was passed on Monday. Critics cited the Clean Rivers Act. \
         Both sides signed the Lisbon Fisheries Accord. Bill Okafor voted against it.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Harbour Safety Bill", EntityKind::Other)), "{found:?}");
    assert!(found.contains(&("Clean Rivers Act", EntityKind::Other)), "{found:?}");
    assert!(found.contains(&("Lisbon Fisheries Accord", EntityKind::Other)), "{found:?}");
    assert!(found.contains(&("Bill Okafor", EntityKind::Person)), "{found:?}");
}

#[test]
fn a_name_after_a_place_noun_or_before_its_country_is_a_place() {
    let doc = analyzed(
        "The minister was visiting the province of Lumbang on Friday. Scientists mapped the \
         statues on the island of Tavu Nui. An earthquake struck Kalinga, Philippines, injuring \
         12 people. Talks with Putin, Russia, and Turkey failed.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Lumbang", EntityKind::Gpe)), "{found:?}");
    assert!(found.contains(&("Tavu Nui", EntityKind::Loc)), "{found:?}");
    assert!(found.contains(&("Kalinga", EntityKind::Gpe)), "{found:?}");
    // A list of parties is no place and its country.
    assert!(found.contains(&("Putin", EntityKind::Person)), "{found:?}");
}

#[test]
fn a_legislature_or_court_of_a_place_is_one_organisation() {
    let doc = analyzed(
        "Yesterday, the Parliament of North Varesia (NV) voted to pass the bill. A member of the \
         Varesian Parliament, Tomas Ekdal, said it was a sad day. Another member of Parliament \
         said nothing. The Court of Session will rule on Friday. Proroguing Parliament is legal, \
         the minister said. Kari Holm, a Member of Parliament, agreed.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Parliament of North Varesia", EntityKind::Org)), "{found:?}");
    assert!(found.contains(&("Varesian Parliament", EntityKind::Org)), "{found:?}");
    assert!(found.contains(&("Court of Session", EntityKind::Org)), "{found:?}");
    // The acronym is the place's, not the parliament's.
    let parliament = doc.entities.iter().find(|e| e.name == "Parliament of North Varesia").unwrap();
    assert!(!parliament.aliases.iter().any(|a| a == "NV"), "{:?}", parliament.aliases);
    // Neither a verb nor an office opens an organisation's name.
    assert!(!found.iter().any(|(n, _)| n.starts_with("Proroguing")), "{found:?}");
    assert!(!found.iter().any(|(n, _)| n.starts_with("Member of")), "{found:?}");
}

#[test]
fn an_organisation_and_a_person_of_another_are_three_names() {
    let doc = analyzed(
        "The study was carried out by the University of Varesia and Chris Holmgren of Apex \
         Reef Expeditions, researchers said.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("University of Varesia", EntityKind::Org)), "{found:?}");
    assert!(found.contains(&("Chris Holmgren", EntityKind::Person)), "{found:?}");
    assert!(found.contains(&("Apex Reef Expeditions", EntityKind::Org)), "{found:?}");
}

#[test]
fn a_name_and_a_regnal_number_are_a_monarch() {
    let doc = analyzed(
        "The palace said Elizabeth II would attend. Queen Elizabeth II visited Berlin, as \
         King Mohammed VI did. World War II ended in 1945.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Elizabeth II", EntityKind::Person)), "{found:?}");
    assert!(found.contains(&("Mohammed VI", EntityKind::Person)), "{found:?}");
    assert!(!found.iter().any(|(n, _)| *n == "Elizabeth" || n.starts_with("Queen")), "{found:?}");
    assert!(!found.iter().any(|(n, k)| n.contains("War") && *k == EntityKind::Person), "{found:?}");
}

#[test]
fn a_religious_title_is_no_part_of_the_name() {
    let doc = analyzed("Mufti Abdul Rahim said the video was fake. Maulana Tariq Jamil agreed.");
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Abdul Rahim", EntityKind::Person)), "{found:?}");
    assert!(found.contains(&("Tariq Jamil", EntityKind::Person)), "{found:?}");
}

#[test]
fn a_road_and_its_number_are_a_facility() {
    let doc = analyzed("The crash closed Interstate 75 for hours. Highway 401 was closed too.");
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Interstate 75", EntityKind::Fac)), "{found:?}");
    assert!(found.contains(&("Highway 401", EntityKind::Fac)), "{found:?}");
}

#[test]
fn an_organisation_head_alone_is_the_one_organisation_it_heads() {
    let doc = analyzed(
        "The Varesian Commission fined the bank on Monday. The Commission said the bank had \
         hidden losses.",
    );
    let found = names_and_kinds(&doc);
    assert_eq!(found.iter().filter(|(_, k)| *k == EntityKind::Org).count(), 1, "{found:?}");
    let doc = analyzed(
        "The Varesian Commission and the Election Commission met on Monday. The Commission \
         said nothing.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Commission", EntityKind::Org)), "two it may be: {found:?}");
}

#[test]
fn an_organisation_head_or_reporting_like_the_press_is_no_person() {
    let doc = analyzed(
        "An earthquake struck the region on Monday. Tempora reported three malls were damaged. \
         Police cited Ana Reyes, chief of the Indonesian State Security Agency, as saying the \
         toll would rise. Hartono reported the damage to his brother. Hartono Wibowo is a farmer.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Tempora", EntityKind::Org)), "{found:?}");
    assert!(found.contains(&("Indonesian State Security Agency", EntityKind::Org)), "{found:?}");
    // A one-word name that is part of a person's full name stays a person
    // (that person: a given name alone is the one person it opens).
    assert!(found.contains(&("Hartono Wibowo", EntityKind::Person)), "{found:?}");
    assert!(!found.iter().any(|&(name, kind)| name == "Hartono" && kind != EntityKind::Person));
}

#[test]
fn a_given_name_and_a_family_name_read_as_a_place_is_a_person() {
    for name in ["Kevin Durham", "Al Lansing"] {
        let doc = analyzed(&format!(
            "The world record stands at 46.78 seconds and belongs to {name}. This record has \
             stood since 1992."
        ));
        let found = names_and_kinds(&doc);
        assert!(found.contains(&(name, EntityKind::Person)), "{found:?}");
    }
}

#[test]
fn christians_are_a_religious_group() {
    let doc = analyzed("Christians and Muslims prayed together on Friday in Lahore.");
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Christian", EntityKind::Norp)), "{found:?}");
}

#[test]
fn a_party_or_nation_before_a_person_is_a_group_and_the_person() {
    let doc = analyzed(
        "Republican Mark Pellington, the state's governor, vetoed the bill. \
         Russian President Dmitri Volkov met Democratic staff. \
         Passengers of American Airlines said nothing. The Democratic National Committee met.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Mark Pellington", EntityKind::Person)), "{found:?}");
    assert!(found.contains(&("Republican", EntityKind::Norp)), "{found:?}");
    assert!(found.contains(&("Dmitri Volkov", EntityKind::Person)), "{found:?}");
    assert!(found.contains(&("American Airlines", EntityKind::Org)), "{found:?}");
    assert!(found.contains(&("Democratic National Committee", EntityKind::Org)), "{found:?}");
}

#[test]
fn an_offices_possessive_and_a_committees_topic_stay_in_the_name() {
    let doc = analyzed(
        "The Polk County Sheriff's Office said two deputies were hurt. \
         She sat on the Senate Select Committee on Intelligence for six years.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Polk County Sheriff's Office", EntityKind::Org)), "{found:?}");
    assert!(
        found.contains(&("Senate Select Committee on Intelligence", EntityKind::Org)),
        "{found:?}"
    );
    assert!(!found.iter().any(|(n, _)| *n == "Office" || *n == "Polk County Sheriff"), "{found:?}");
}

#[test]
fn family_names_middle_names_and_suffixes_make_one_person() {
    let doc = analyzed(
        "Harold Benson died on Sunday. Harold Alvin Benson, first elected in 1996, was born in Ohio. \
         His parents, Walter Benson Jr. and Mabel Irene Benson, were farmers.",
    );
    let found = names_and_kinds(&doc);
    let harold: Vec<_> = doc.entities.iter().filter(|e| e.name.starts_with("Harold")).collect();
    assert_eq!(harold.len(), 1, "one Harold Benson: {found:?}");
    assert!(found.contains(&("Walter Benson Jr.", EntityKind::Person)), "{found:?}");
    assert!(found.contains(&("Mabel Irene Benson", EntityKind::Person)), "{found:?}");
}

#[test]
fn one_plain_dictionary_word_is_no_person_unless_titled() {
    let doc = analyzed(
        "\"Neighbors helped us,\" she said. The Penguins left. \
         President Macron met the press. Later, Macron said so.",
    );
    let found = names_and_kinds(&doc);
    assert!(!found.iter().any(|(n, _)| *n == "Neighbors" || *n == "Penguins"), "{found:?}");
    assert!(found.contains(&("Macron", EntityKind::Person)), "{found:?}");
    let doc = analyzed("Worldwide Diving Adventures owns the boat.");
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Worldwide Diving Adventures", EntityKind::Org)), "{found:?}");
}

#[test]
fn a_journal_after_published_in_is_an_organisation() {
    let doc =
        analyzed("On Tuesday the team published a study in Marine Ecology Letters about the reef.");
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Marine Ecology Letters", EntityKind::Org)), "{found:?}");
}

#[test]
fn names_joined_by_and_are_two_where_each_is_whole_alone() {
    let doc = analyzed(
        "Researchers at the University of Washington and Stanford University found it. \
         The Bill and Melinda Gates Foundation paid for the study.",
    );
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"University of Washington"), "{names:?}");
    assert!(names.contains(&"Stanford University"), "{names:?}");
    assert!(names.contains(&"Bill and Melinda Gates Foundation"), "{names:?}");
}

#[test]
fn names_listed_after_a_plural_organisation_noun_are_organisations() {
    let doc = analyzed(
        "Some firms including Acme Bahn, Zorbal, and Quintex have announced plans to leave. \
         Leaders of his party such as Mary Brandt objected.",
    );
    let kind = |name: &str| kind_of(&doc, name);
    for name in ["Acme Bahn", "Zorbal", "Quintex"] {
        assert_eq!(kind(name), Some(EntityKind::Org), "{name}");
    }
    assert_eq!(kind("Mary Brandt"), Some(EntityKind::Person));
}

#[test]
fn a_short_name_in_brackets_is_an_alias_of_the_name_before() {
    let doc = analyzed(
        "The Philippine Institute of Volcanology and Seismology (Phivolcs) measured it. \
         Pacific Gas and Electric Company (PG&E) cut power. Phivolcs and PG&E said more.",
    );
    let names: Vec<(&str, Vec<&str>)> = doc
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.aliases.iter().map(String::as_str).collect()))
        .collect();
    assert!(names.iter().any(|(_, a)| a.contains(&"Phivolcs")), "{names:?}");
    assert!(names.iter().any(|(_, a)| a.contains(&"PG&E")), "{names:?}");
    assert!(!names.iter().any(|(n, _)| *n == "Phivolcs" || *n == "PG&E"), "{names:?}");
}

#[test]
fn named_storms_wars_and_summits_are_events() {
    let doc = analyzed(
        "Hurricane Dorian hit the islands on Sunday. Officials said Dorian would turn north. \
         Leaders met at the G7 Summit, decades after the Second World War. \
         Students from Baku won the International Mathematical Olympiad.",
    );
    let kind = |name: &str| kind_of(&doc, name);
    assert_eq!(kind("Hurricane Dorian"), Some(EntityKind::Event));
    assert_eq!(kind("International Mathematical Olympiad"), Some(EntityKind::Event));
    assert_eq!(kind("G7 Summit"), Some(EntityKind::Event));
    assert_eq!(kind("Second World War"), Some(EntityKind::Event));
    // The storm's own name is the same entity.
    assert_eq!(kind("Dorian"), None, "{:?}", doc.entities);
}

#[test]
fn a_given_name_and_more_after_a_party_is_a_person() {
    // Given names of the census: "Cory", "Rosa", "Ron" open persons'
    // names (were an organisation, and places).
    let doc = analyzed(
        "The seat is held by Republican Cory Gardner, polls show. Civil rights \
         activist Rosa Parks was honoured on Monday.",
    );
    let kind = |name: &str| kind_of(&doc, name);
    assert_eq!(kind("Cory Gardner"), Some(EntityKind::Person), "{:?}", doc.entities);
    assert_eq!(kind("Republican"), Some(EntityKind::Norp));
    assert_eq!(kind("Rosa Parks"), Some(EntityKind::Person));
}

#[test]
fn species_are_no_names_and_a_named_volcano_is_a_place() {
    let doc = analyzed(
        "Researchers chose Caudipteryx zoui, a dinosaur. In Caudipteryx, running caused \
         flapping. Penguins, Spheniscus magellanicus, fell. Officials said the Kīlauea volcano erupted; \
         when Kīlauea was still erupting, the ship sailed close. Sirhan was held at Richard \
         J. Donovan Correctional Facility. Trump tweeted on Monday.",
    );
    let kind = |name: &str| kind_of(&doc, name);
    assert_eq!(kind("Caudipteryx"), None, "{:?}", doc.entities);
    assert_eq!(kind("Spheniscus"), None);
    assert_eq!(kind("Kīlauea"), Some(EntityKind::Loc));
    assert_eq!(kind("Richard J. Donovan Correctional Facility"), Some(EntityKind::Fac));
    // A name before a verb stays.
    assert_eq!(kind("Trump"), Some(EntityKind::Person));
}

#[test]
fn a_saints_possessive_opens_a_facility() {
    let doc = analyzed(
        "He was treated at St Mary's Hospital in London. Pierluisi spoke from La Fortaleza's \
         Hall of Mirrors on Friday.",
    );
    let kind = |name: &str| kind_of(&doc, name);
    assert_eq!(kind("St Mary's Hospital"), Some(EntityKind::Fac), "{:?}", doc.entities);
    // Another possessive is not joined by this rule.
    assert_ne!(kind("La Fortaleza's Hall of Mirrors"), Some(EntityKind::Fac));
}

#[test]
fn a_division_head_at_either_end_makes_a_political_place() {
    let doc = analyzed(
        "The storm hit County Meath and County Cork on Monday. Flights from Cape Canaveral \
         were delayed. Residents of County Kerry were evacuated, police in Lake County said.",
    );
    let kind = |name: &str| kind_of(&doc, name);
    assert_eq!(kind("County Meath"), Some(EntityKind::Gpe), "{:?}", doc.entities);
    assert_eq!(kind("County Cork"), Some(EntityKind::Gpe));
    assert_eq!(kind("County Kerry"), Some(EntityKind::Gpe));
    // "County" at the end wins over "Lake" at the start.
    assert_eq!(kind("Lake County"), Some(EntityKind::Gpe));
    assert_eq!(kind("Cape Canaveral"), Some(EntityKind::Loc));
}

#[test]
fn a_name_before_a_noun_of_made_things_is_a_product() {
    let doc = analyzed(
        "SpaceX launched its Crew Dragon capsule on a Falcon 9 rocket on Saturday. Boeing \
         plans to fly its Starliner spacecraft next year, NASA said. Airlines grounded the \
         Boeing jet. SpaceX's Raptor engines are new.",
    );
    let kind = |name: &str| kind_of(&doc, name);
    assert_eq!(kind("Crew Dragon"), Some(EntityKind::Product), "{:?}", doc.entities);
    assert_eq!(kind("Falcon 9"), Some(EntityKind::Product));
    assert_eq!(kind("Starliner"), Some(EntityKind::Product));
    // A one-word organisation before the noun stays one.
    assert_eq!(kind("Boeing"), Some(EntityKind::Org));
}

#[test]
fn a_plural_possessive_opens_a_hall_and_the_hall_is_that_one() {
    let doc = analyzed(
        "A man stabbed people at Fishmongers' Hall in London. Police said the attacker \
         exited the Hall. The Veterans' Association said no.",
    );
    let kind = |name: &str| kind_of(&doc, name);
    assert_eq!(kind("Fishmongers' Hall"), Some(EntityKind::Fac), "{:?}", doc.entities);
    assert_eq!(kind("Veterans' Association"), Some(EntityKind::Org));
    let hall = doc.entities.iter().find(|e| e.name == "Fishmongers' Hall").unwrap();
    assert!(hall.aliases.iter().any(|a| a == "Hall"), "{:?}", doc.entities);
    assert_eq!(kind("Hall"), None);
}

/// "Brexit" is an event (as the entity golds type it; it was once an
/// organisation or a place, then no name), "the Brexit Party" an
/// organisation.
#[test]
fn brexit_is_an_event_and_the_brexit_party_an_organisation() {
    let doc = analyzed("Nigel Farage founded the Brexit Party. Brexit is due on October 31.");
    let kind = |name: &str| kind_of(&doc, name);
    assert_eq!(kind("Brexit Party"), Some(EntityKind::Org), "{:?}", doc.entities);
    assert_eq!(kind("Brexit"), Some(EntityKind::Event));
}

#[test]
fn a_given_name_opening_a_sentence_stays_in_the_name() {
    // The tagger reads "Usman" as an adjective; the recogniser had "Khan".
    let doc = analyzed("Usman Khan was released in 2018. Yesterday Smith spoke to reporters.");
    let kind = |name: &str| kind_of(&doc, name);
    assert_eq!(kind("Usman Khan"), Some(EntityKind::Person), "{:?}", doc.entities);
    assert!(doc.entities.iter().all(|e| !e.name.starts_with("Yesterday")), "{:?}", doc.entities);
}

#[test]
fn religions_are_groups() {
    let doc = analyzed("He converted to Islam. Christianity and Judaism share roots.");
    let kind = |name: &str| kind_of(&doc, name);
    assert_eq!(kind("Islam"), Some(EntityKind::Norp), "{:?}", doc.entities);
    assert_eq!(kind("Christianity"), Some(EntityKind::Norp));
    assert_eq!(kind("Judaism"), Some(EntityKind::Norp));
}

#[test]
fn a_facility_that_speaks_is_an_organisation() {
    let doc = analyzed(
        "The National Hurricane Center (NHC) said the storm would strengthen. According \
         to the German Aerospace Center, the probe landed. Fans gathered at the Rockefeller \
         Center on Monday.",
    );
    let kind = |name: &str| kind_of(&doc, name);
    assert_eq!(kind("National Hurricane Center"), Some(EntityKind::Org), "{:?}", doc.entities);
    assert_eq!(kind("German Aerospace Center"), Some(EntityKind::Org));
    // A building where people gather stays one.
    assert_eq!(kind("Rockefeller Center"), Some(EntityKind::Fac));
}

#[test]
fn company_words_and_inner_capitals_make_organisations() {
    let doc = analyzed(
        "The fact-checker PolitiFact rated it false. Burisma Holdings paid him, \
         the Samoa Observer reported. Governor Ron DeSantis spoke. Vlada Stamenković of \
         the NASA Jet Propulsion Laboratory built a model. BBC Sport and the Nevada \
         Independent reported it.",
    );
    let kind = |name: &str| kind_of(&doc, name);
    assert_eq!(kind("PolitiFact"), Some(EntityKind::Org), "{:?}", doc.entities);
    assert_eq!(kind("Burisma Holdings"), Some(EntityKind::Org));
    assert_eq!(kind("Samoa Observer"), Some(EntityKind::Org));
    assert_eq!(kind("NASA Jet Propulsion Laboratory"), Some(EntityKind::Org));
    assert_eq!(kind("BBC Sport"), Some(EntityKind::Org));
    assert_eq!(kind("Nevada Independent"), Some(EntityKind::Org));
    assert_eq!(kind("Ron DeSantis"), Some(EntityKind::Person));
}

#[test]
fn vessels_and_models_are_products() {
    let doc = analyzed(
        "The Airbus A300 landed safely. The submarine USS Grayback sank in 1944. \
         A Boeing B-17 Flying Fortress crashed on Wednesday.",
    );
    let kind = |name: &str| kind_of(&doc, name);
    assert_eq!(kind("Airbus A300"), Some(EntityKind::Product), "{:?}", doc.entities);
    assert_eq!(kind("USS Grayback"), Some(EntityKind::Product));
    assert_eq!(kind("Boeing B-17 Flying Fortress"), Some(EntityKind::Product));
}

#[test]
fn a_name_after_a_work_noun_is_a_work() {
    let doc = analyzed("She was nominated for the 1959 romantic comedy Pillow Talk.");
    let kind = |name: &str| kind_of(&doc, name);
    assert_eq!(kind("Pillow Talk"), Some(EntityKind::Other), "{:?}", doc.entities);
}

#[test]
fn a_name_after_a_title_with_of_is_whole_and_the_title_its_description() {
    let doc = analyzed(
        "Talks stall\n\nOn Monday, Secretary of State Antony Blinken met the delegation. \
         Secretary of Justice Wanda Vazquez Garced was sworn in later.",
    );
    let people: Vec<(&str, Option<&str>)> = doc
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| (e.name.as_str(), e.description.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Antony Blinken", Some("Secretary of State")),
            ("Wanda Vazquez Garced", Some("Secretary of Justice"))
        ]
    );
}

#[test]
fn empty_and_very_long_sentences_do_not_panic() {
    let doc = analyzed("");
    assert!(doc.tokens.is_empty() && doc.entities.is_empty());
    let long = "and Berlin ".repeat(5_000);
    let doc = analyzed(&long);
    assert_eq!(doc.tokens.len(), 10_000);
    // Cut into pieces of at most `MAX_SENTENCE_TOKENS`, each with one root.
    let pieces = 10_000usize.div_ceil(claimtrace::segment::MAX_SENTENCE_TOKENS);
    assert_eq!(doc.sentences.len(), pieces);
    assert!(doc.tokens.iter().all(|t| t.tag.is_some() && t.rel.is_some()));
    assert_eq!(doc.tokens.iter().filter(|t| t.head.is_none()).count(), pieces);
    assert_eq!(doc.entities.len(), 1);
}

#[test]
fn a_company_named_by_a_nation_and_a_head_is_whole_at_a_sentence_start() {
    let doc = analyzed(
        "The storm reached the coast on Monday. \
         British Airways said it would cancel flights. \
         United Airlines cancelled 300 flights on Monday.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("British Airways", EntityKind::Org)), "{found:?}");
    assert!(!found.iter().any(|(n, _)| *n == "British" || *n == "Airways"), "{found:?}");
    assert!(found.contains(&("United Airlines", EntityKind::Org)), "{found:?}");
}

#[test]
fn listed_places_in_a_list_and_before_a_title_are_places() {
    let doc = analyzed(
        "The firm said its Austrian, United Kingdom and New Zealand production sites stay. \
         US President Trump has called for more spending.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("United Kingdom", EntityKind::Gpe)), "{found:?}");
    assert!(found.contains(&("New Zealand", EntityKind::Gpe)), "{found:?}");
    assert!(found.contains(&("Trump", EntityKind::Person)), "{found:?}");
    assert!(!found.iter().any(|(n, _)| n.contains(',') || n.ends_with("President")), "{found:?}");
}

#[test]
fn titles_suffixes_and_party_words_alone_name_no_one() {
    let doc = analyzed(
        "According to the El Paso mayor, Dee Margo, police were investigating. \
         Samoan Prime Minister Tuilaepa Sailele Malielegaoi spoke on Monday. \
         He sued District Attorney Cyrus R. Vance, Jr. and his tax preparer. \
         They are pushing local New York City and State Democrat prosecutors.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Dee Margo", EntityKind::Person)), "{found:?}");
    assert!(found.contains(&("Tuilaepa Sailele Malielegaoi", EntityKind::Person)), "{found:?}");
    assert!(!found.iter().any(|(n, _)| n.starts_with(',') || n.ends_with("Minister")), "{found:?}");
    assert!(!found.iter().any(|(n, _)| *n == "Jr."), "{found:?}");
    assert!(
        !found.iter().any(|(n, k)| n.contains("Democrat") && *k == EntityKind::Person),
        "{found:?}"
    );
}

#[test]
fn a_centre_for_a_topic_an_institution_and_a_place_in_its_state() {
    let doc = analyzed(
        "It was sued by the Center for Biological Diversity and Center for Food Safety. \
         He took a job at the Scripps Institution of Oceanography. \
         The bomb hit the port town of Mokha, Yemen, on Sunday. \
         \u{421}\u{435}\u{439}\u{447}\u{430}\u{441} \u{43c}\u{44b} \u{417}\u{434}\u{435}\u{441}\u{44c} \u{440}\u{430}\u{431}\u{43e}\u{442}\u{430}\u{435}\u{43c}.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Center for Biological Diversity", EntityKind::Org)), "{found:?}");
    assert!(found.contains(&("Center for Food Safety", EntityKind::Org)), "{found:?}");
    assert!(found.contains(&("Scripps Institution of Oceanography", EntityKind::Org)), "{found:?}");
    assert!(found.contains(&("Mokha", EntityKind::Gpe)), "{found:?}");
    // A sentence in another script names no one by its capitals.
    assert!(!found.iter().any(|(n, _)| n.chars().any(|c| c as u32 > 0x24F)), "{found:?}");
}

#[test]
fn an_office_before_a_name_is_no_organisation() {
    let doc = analyzed(
        "The vote came on Monday. Democratic Speaker of the House Nancy Pelosi agreed. \
         He was a former El Paso City Councillor. \
         Students at Penn State and officials of New York State joined.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Nancy Pelosi", EntityKind::Person)), "{found:?}");
    assert!(
        !found.iter().any(|(n, _)| n.contains("Speaker") || n.contains("Councillor")),
        "{found:?}"
    );
    assert!(found.iter().any(|(n, _)| *n == "New York State"), "{found:?}");
    assert!(found.iter().any(|(n, _)| *n == "Penn State"), "{found:?}");
}

#[test]
fn a_title_inside_a_span_starts_the_person_after_it() {
    let doc = analyzed(
        "Florida declared an emergency. Last week, Florida Governor Ron DeSantis declared a \
         state of emergency, with South Carolina Governor Henry McMaster following suit.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("South Carolina", EntityKind::Gpe)), "{found:?}");
    assert!(found.contains(&("Henry McMaster", EntityKind::Person)), "{found:?}");
}

#[test]
fn an_award_is_no_person_or_organisation() {
    let doc = analyzed(
        "The ceremony was held on Monday. She won the Nobel Peace Prize in 2014. \
         He was awarded the Presidential Medal of Freedom by the president.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Nobel Peace Prize", EntityKind::Other)), "{found:?}");
    assert!(found.contains(&("Presidential Medal of Freedom", EntityKind::Other)), "{found:?}");
    assert!(!found.iter().any(|(n, _)| *n == "Nobel"), "{found:?}");
}

#[test]
fn a_title_after_a_given_name_is_its_family_name() {
    let doc = analyzed(
        "The book came out on Monday. Stephen King said the novel was his best. \
         A speech by Martin Luther King Jr. was broadcast, and King Charles spoke.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Stephen King", EntityKind::Person)), "{found:?}");
    assert!(found.contains(&("Martin Luther King Jr.", EntityKind::Person)), "{found:?}");
    assert!(!found.iter().any(|(n, _)| *n == "Jr." || *n == "Martin Luther"), "{found:?}");
}

#[test]
fn a_known_place_before_its_state_is_a_place_after_any_word() {
    let doc = analyzed(
        "The campaign cancelled its events on Monday. O'Rourke returned home El Paso, Texas, \
         where he is a former City Councillor. An earthquake struck Surigao del Sur, \
         Philippines. Home Secretary Priti Patel agreed.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("El Paso", EntityKind::Gpe)), "{found:?}");
    assert!(found.contains(&("Priti Patel", EntityKind::Person)), "{found:?}");
    assert!(!found.iter().any(|(n, _)| *n == "Sur"), "{found:?}");
}

#[test]
fn two_full_names_joined_by_and_are_two_persons_and_a_capitalised_particle_merges() {
    let doc = analyzed(
        "The concert was held on Monday. The band, with Mickey Hart and Bruce Hornsby, \
         played. Mayor Bill de Blasio spoke. De Blasio said the city was safe.",
    );
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Mickey Hart", EntityKind::Person)), "{found:?}");
    assert!(found.contains(&("Bruce Hornsby", EntityKind::Person)), "{found:?}");
    assert!(found.contains(&("Bill de Blasio", EntityKind::Person)), "{found:?}");
    assert!(!found.iter().any(|(n, _)| *n == "De Blasio"), "{found:?}");
}

/// A listed given name alone inside a sentence is a person; not inside a
/// title or a longer name, nor in a list of places.
#[test]
fn a_given_name_alone_is_a_person() {
    let doc = analyzed(
        "The minister met Ahmad in Kabul on Monday. Afghan Ahmad spoke to reporters. She is \
         survived by two sons, Wyatt and Zachary. He was named Secretary of Justice. The towns \
         damaged were Madrid, Carmen and Lanuza. Orders secured the Clyde shipyards.",
    );
    assert_eq!(kind_of(&doc, "Ahmad"), Some(EntityKind::Person));
    assert_eq!(kind_of(&doc, "Zachary"), Some(EntityKind::Person));
    assert_ne!(kind_of(&doc, "Justice"), Some(EntityKind::Person));
    assert_ne!(kind_of(&doc, "Carmen"), Some(EntityKind::Person));
    assert_ne!(kind_of(&doc, "Clyde"), Some(EntityKind::Person));
}

/// A facility's head with "of" and a name after it is a facility ("the
/// Rock and Roll Hall of Fame" was a place); an adjective of a continent
/// or region is a group's, as "American" is ("North American" was a GPE).
#[test]
fn halls_of_fame_and_continental_adjectives() {
    let doc = analyzed(
        "She was inducted into the Rock and Roll Hall of Fame in 2010. The North American \
         market grew. Latin American leaders met in Lima.",
    );
    assert_eq!(kind_of(&doc, "Rock and Roll Hall of Fame"), Some(EntityKind::Fac));
    assert_eq!(kind_of(&doc, "North American"), Some(EntityKind::Norp));
    assert_eq!(kind_of(&doc, "Latin American"), Some(EntityKind::Norp));
}

/// A numeral after an event's head counts it ("World War II" was no
/// entity); an adjective after "and" before a lower-case noun is not part
/// of the name before it ("the European Commission and European leaders"
/// was one organisation); "Soviet" is a group's adjective.
#[test]
fn numbered_wars_and_adjectives_after_and() {
    let doc = analyzed(
        "He fought in World War II. The European Commission and European leaders met. It was \
         built by Soviet engineers.",
    );
    assert_eq!(kind_of(&doc, "World War II"), Some(EntityKind::Event));
    assert_eq!(kind_of(&doc, "European Commission"), Some(EntityKind::Org));
    assert_eq!(kind_of(&doc, "Soviet"), Some(EntityKind::Norp));
}

/// In a name of three words or more, the first of two surnames alone is
/// the same person ("Rosselló" of "Ricardo Rosselló Nevares"); a given
/// name in the middle is not ("Fitzgerald" of "John Fitzgerald Kennedy"
/// is not Ella Fitzgerald's).
#[test]
fn the_first_of_two_surnames_is_the_person() {
    let doc = analyzed(
        "Governor Ricardo Rosselló Nevares resigned on Friday. Before resigning, Rosselló \
         appointed a successor.",
    );
    let person = doc.entities.iter().find(|e| e.name == "Ricardo Rosselló Nevares").unwrap();
    assert!(person.aliases.iter().any(|a| a == "Rosselló"), "{:?}", doc.entities);
    assert_eq!(doc.entities.iter().filter(|e| e.name.contains("Rosselló")).count(), 1);
    let doc = analyzed("John Fitzgerald Kennedy was president. Ella Fitzgerald sang on Friday.");
    assert_eq!(kind_of(&doc, "Ella Fitzgerald"), Some(EntityKind::Person));
    assert_eq!(kind_of(&doc, "John Fitzgerald Kennedy"), Some(EntityKind::Person));
}

/// A given name alone is the one person of the article whose name it
/// opens ("Walter" of "Walter Munk"); with two people of that given name
/// it is neither's.
#[test]
fn a_given_name_alone_is_the_one_person_it_opens() {
    let doc = analyzed(
        "Oceanographer Walter Munk died on Friday at 101. Colleagues said Walter had \
         worked until his last week.",
    );
    let person = doc.entities.iter().find(|e| e.name == "Walter Munk").unwrap();
    assert!(person.aliases.iter().any(|a| a == "Walter"), "{:?}", doc.entities);
    assert_eq!(doc.entities.iter().filter(|e| e.name.contains("Walter")).count(), 1);
    let doc = analyzed(
        "John Bolton met John Kerry in Paris on Friday. Officials said John had asked for \
         the meeting.",
    );
    let bolton = doc.entities.iter().find(|e| e.name == "John Bolton").unwrap();
    let kerry = doc.entities.iter().find(|e| e.name == "John Kerry").unwrap();
    assert!(
        !bolton.aliases.iter().chain(&kerry.aliases).any(|a| a == "John"),
        "{:?}",
        doc.entities
    );
}

/// A listed given name and a proper noun after it that the recogniser
/// left out are a person ("The photographer Walter Munk died"); not the
/// start of a longer name, nor a given name before an organisation's or a
/// place's head.
#[test]
fn a_given_name_and_a_surname_the_recogniser_missed_are_a_person() {
    let doc = analyzed("The photographer Walter Munk died on Friday.");
    assert_eq!(names_and_kinds(&doc), [("Walter Munk", EntityKind::Person)]);
    let doc = analyzed("Soldiers were treated at the Walter Reed Army Medical Center on Friday.");
    assert!(doc.entities.iter().all(|e| e.name != "Walter Reed"), "{:?}", doc.entities);
    let doc = analyzed("Students marched to the Victoria Park on Friday.");
    assert!(doc.entities.iter().all(|e| e.kind != EntityKind::Person), "{:?}", doc.entities);
}

/// Shows, fairs, weeks, games and tournaments are events ("the Paris Air
/// Show", "London Fashion Week"); a company's legal suffix makes an
/// organisation ("Siemens AG"); a "person" before a facility's lower-case
/// head is that facility ("Notre Dame cathedral"); a name ending in a
/// political place's head is that place, even after a title's word
/// ("General Santos City").
#[test]
fn heads_type_events_companies_facilities_and_places() {
    let doc = analyzed(
        "Boeing showed the jet at the Paris Air Show on Monday. Thousands attended London \
         Fashion Week, and the Commonwealth Games opened in Birmingham. The contract went \
         to Siemens AG last year. The roof of Notre Dame cathedral caught fire. The storm \
         flooded streets in General Santos City on Friday.",
    );
    assert_eq!(kind_of(&doc, "Paris Air Show"), Some(EntityKind::Event), "{:?}", doc.entities);
    assert_eq!(kind_of(&doc, "London Fashion Week"), Some(EntityKind::Event));
    assert_eq!(kind_of(&doc, "Commonwealth Games"), Some(EntityKind::Event));
    assert_eq!(kind_of(&doc, "Siemens AG"), Some(EntityKind::Org));
    assert_eq!(kind_of(&doc, "Notre Dame"), Some(EntityKind::Fac));
    assert!(
        doc.entities.iter().any(|e| e.name.ends_with("Santos City") && e.kind == EntityKind::Gpe),
        "{:?}",
        doc.entities
    );
}

/// A venue of several words that no gazetteer knows, named after "at", is
/// a facility ("at Old Trafford"); a place with a club's word is a sports
/// club ("Real Madrid", "Leeds United"), the place alone stays a place; a
/// provision and its number is OTHER, as laws are ("Article 50").
#[test]
fn venues_clubs_and_provisions() {
    let doc = analyzed(
        "Real Madrid beat Leeds United at Old Trafford on Sunday. Fans in Madrid celebrated. \
         Britain triggered Article 50 to begin Brexit.",
    );
    let found = names_and_kinds(&doc);
    assert_found(
        &found,
        &[
            ("Real Madrid", EntityKind::Org),
            ("Leeds United", EntityKind::Org),
            ("Old Trafford", EntityKind::Fac),
            ("Madrid", EntityKind::Gpe),
            ("Article 50", EntityKind::Other),
            ("Brexit", EntityKind::Event),
        ],
    );
    // A team's plural after a place; not a party's members, nor a town in
    // its state.
    let doc = analyzed(
        "The Los Angeles Lakers beat Boston. Texas Democrats walked out. Shares fell on the \
         Frankfurt Stock Exchange. The plane crashed in Windsor Locks, Connecticut.",
    );
    let found = names_and_kinds(&doc);
    assert!(!found.iter().any(|(name, _)| name.contains("Locks") && kind_of(&doc, name) == Some(EntityKind::Org)), "{found:?}");
    assert_found(
        &found,
        &[
            ("Los Angeles Lakers", EntityKind::Org),
            ("Texas", EntityKind::Gpe),
            ("Frankfurt Stock Exchange", EntityKind::Org),
        ],
    );
}

/// A company's name and a model's number are a product ("Boeing 737
/// Max", "Airbus A320"), but not with a year ("Boeing 2019 results"); a
/// made thing's noun ends a product's name ("the Hubble Space
/// Telescope"), not a team's plural ("the Houston Rockets").
#[test]
fn models_and_made_things_are_products() {
    let doc = analyzed(
        "The Boeing 737 Max was grounded, and Airbus A320 jets flew on. The Hubble Space \
         Telescope took images. The Houston Rockets won. Boeing 2019 results were weak.",
    );
    let found = names_and_kinds(&doc);
    assert_found(
        &found,
        &[
            ("Boeing 737 Max", EntityKind::Product),
            ("Airbus A320", EntityKind::Product),
            ("Hubble Space Telescope", EntityKind::Product),
            ("Houston Rockets", EntityKind::Org),
            ("Boeing", EntityKind::Org),
        ],
    );
}

/// Declarations, charters, constitutions and a law's head before "of" make
/// laws ("Declaration of Independence"; the recogniser's organisation
/// "Universal Declaration" was cut short); a quoted title after a noun of
/// works is a work ('the book "Fire and Fury"').
#[test]
fn laws_with_of_and_quoted_works() {
    let doc = analyzed(
        "The Declaration of Independence was read aloud. The Universal Declaration of Human \
         Rights was adopted. The book \"Fire and Fury\" sold well, and he starred in the film \
         \"The Irishman\".",
    );
    let found = names_and_kinds(&doc);
    assert_found(
        &found,
        &[
            ("Declaration of Independence", EntityKind::Other),
            ("Universal Declaration of Human Rights", EntityKind::Other),
            ("Fire and Fury", EntityKind::Other),
            ("The Irishman", EntityKind::Other),
        ],
    );
}

/// A capitalised name of two words with a natural place's head first or
/// last is that place where the recogniser found nothing ("Mount Everest",
/// "Jakarta Bay"), but not a town in its state ("Chippewa Falls,
/// Wisconsin"); a county's name is its county ("Riverside County").
#[test]
fn natural_places_and_counties_by_their_heads() {
    let doc = analyzed(
        "Two climbers died on Mount Everest on Friday. Another festival shooting happened in \
         Chippewa Falls, Wisconsin. Fires burned in Riverside County.",
    );
    assert_eq!(kind_of(&doc, "Mount Everest"), Some(EntityKind::Loc), "{:?}", doc.entities);
    assert_ne!(kind_of(&doc, "Chippewa Falls"), Some(EntityKind::Loc), "{:?}", doc.entities);
    assert_eq!(kind_of(&doc, "Riverside County"), Some(EntityKind::Gpe), "{:?}", doc.entities);
}

/// After an organisation's head, "and" starts another name ("the Free
/// Syrian Army and Kurdish YPG fighters"); inside a name it joins words
/// ("Department of Health and Human Services").
#[test]
fn and_after_an_organisations_head_starts_another_name() {
    let doc = analyzed(
        "The Free Syrian Army and Kurdish YPG fighters clashed. The Department of Health and \
         Human Services said nothing.",
    );
    let found = names_and_kinds(&doc);
    assert_found(
        &found,
        &[
            ("Free Syrian Army", EntityKind::Org),
            ("YPG", EntityKind::Org),
            ("Department of Health and Human Services", EntityKind::Org),
        ],
    );
}

/// Dictionary words before a title are the office's ("District Attorney
/// Vance" is Vance, the same person as "Cyrus Vance").
#[test]
fn words_before_a_title_belong_to_the_office() {
    let doc =
        analyzed("Manhattan District Attorney Cyrus Vance sued. District Attorney Vance said no.");
    let found = names_and_kinds(&doc);
    assert!(found.contains(&("Cyrus Vance", EntityKind::Person)), "{found:?}");
    assert!(!found.iter().any(|(name, _)| name.starts_with("District")), "{found:?}");
}

/// A one-word "person" listed beside a sure organisation is one too
/// ("Frontex and the European Commission"); a person's surname beside one
/// stays a person ("Sundar Pichai ... Pichai and Google").
#[test]
fn a_lone_name_listed_beside_an_organisation_is_one() {
    let doc = analyzed(
        "Frontex and the European Commission met on Friday. Sundar Pichai spoke. Later, \
         Pichai and Google settled the case.",
    );
    let found = names_and_kinds(&doc);
    assert_found(&found, &[("Frontex", EntityKind::Org), ("Sundar Pichai", EntityKind::Person)]);
}
