//! Named entities: mentions found by the trained recognizer ([`ner`]) and
//! the gazetteers ([`gazetteer`]), then merged into one entity per
//! real-world thing, with aliases and descriptions.
//!
//! Assigns `Document::mentions` and `Document::entities`. The rules here
//! are generic: surnames join full names, acronyms defined in parentheses
//! join what they abbreviate (and every later use of them becomes a
//! mention), appositions and titles before a name become descriptions, and
//! the byline's authors and the outlet join as entities of their own.
//!
//! The stage in order: [`candidates`] (spans per sentence and the rules
//! that correct them), [`merge`] (mentions into entities, one type each),
//! [`describe`] (appositions and titles); the word lists are [`lists`].

mod candidates;
mod describe;
pub mod gazetteer;
mod lists;
mod merge;
pub mod name_list;
pub mod ner;
mod sorted_words;

use std::sync::LazyLock;

use crate::doc::{Document, Entity, EntityKind};
use crate::tag::perceptron::Model;
use candidates::{
    add_acronym_uses, add_repeated_names, coordinated_organisations, drop_common_words, drop_taxa,
    extend_topic_names, facility_heads_alone, family_names, given_names_opening_sentences,
    join_possessive_offices, lone_given_names, numbered_products, places_before_a_head,
    products_before_a_head, regnal_names, sentence_candidates, split_coordinated,
    split_group_adjectives, split_offices, sports_clubs, strip_titles, title_surnames,
    unrecognised_full_names,
};
use gazetteer::{Gazetteer, GAZETTEER};
use merge::build_entities;

/// The shipped recognizer model.
pub static NER: LazyLock<Model> = LazyLock::new(|| crate::tag::shipped_model!("ner"));

/// Finds the mentions and entities of `doc` with the shipped models.
pub fn entities(doc: &mut Document) {
    entities_with(doc, &NER, &GAZETTEER);
}

/// Finds the mentions and entities of `doc` with the given recognizer and
/// gazetteer, replacing earlier ones.
pub fn entities_with(doc: &mut Document, model: &Model, gazetteer: &Gazetteer) {
    doc.mentions.clear();
    doc.entities.clear();
    let mut cands: Vec<Candidate> = {
        let forms = crate::tag::forms::Forms::of_document(doc);
        let sentences = doc.sentences.iter().map(|s| s.tokens.clone());
        sentences
            .flat_map(|range| sentence_candidates(doc, &forms, range, model, gazetteer))
            .collect()
    };
    join_possessive_offices(doc, &mut cands);
    extend_topic_names(doc, &mut cands);
    split_group_adjectives(doc, gazetteer, &mut cands);
    split_offices(doc, gazetteer, &mut cands);
    split_coordinated(doc, gazetteer, &mut cands);
    regnal_names(doc, &mut cands);
    sports_clubs(doc, gazetteer, &mut cands);
    strip_titles(doc, &mut cands);
    title_surnames(doc, &mut cands);
    family_names(doc, gazetteer, &mut cands);
    given_names_opening_sentences(doc, gazetteer, &mut cands);
    lone_given_names(doc, gazetteer, &mut cands);
    unrecognised_full_names(doc, gazetteer, &mut cands);
    drop_common_words(doc, &mut cands);
    coordinated_organisations(doc, &mut cands);
    places_before_a_head(doc, &mut cands);
    products_before_a_head(doc, gazetteer, &mut cands);
    numbered_products(doc, &mut cands);
    add_acronym_uses(doc, &mut cands);
    add_repeated_names(doc, &mut cands);
    drop_taxa(doc, &mut cands);
    facility_heads_alone(doc, &mut cands);
    cands.sort_by_key(|c| (c.start, c.end));
    // Where a rule left a recognised span exactly on a listed name ("State
    // Democrat" cut to "Democrat"), the list says what it is.
    let listed: std::collections::HashSet<(usize, usize)> =
        cands.iter().filter(|c| c.entry.is_some()).map(|c| (c.start, c.end)).collect();
    cands.retain(|c| c.entry.is_some() || !listed.contains(&(c.start, c.end)));
    build_entities(doc, cands, gazetteer);
    add_meta_entities(doc);
}

/// A mention before merging: document token range, type, gazetteer entry.
#[derive(Clone, Debug)]
struct Candidate {
    start: usize,
    end: usize,
    kind: EntityKind,
    entry: Option<usize>,
}

/// The byline's authors, as entities of their own when the text does not
/// already name them. The outlet is an entity only where the text names it
/// (it is `meta.outlet` either way).
fn add_meta_entities(doc: &mut Document) {
    let known = |doc: &Document, name: &str| {
        let lower = name.to_lowercase();
        doc.entities.iter().any(|e| {
            e.name.to_lowercase() == lower || e.aliases.iter().any(|a| a.to_lowercase() == lower)
        })
    };
    let mut extra = Vec::new();
    for author in &doc.meta.authors {
        if !author.trim().is_empty() && !known(doc, author) {
            extra.push((author.trim().to_string(), EntityKind::Person));
        }
    }
    for (name, kind) in extra {
        doc.entities.push(Entity {
            name,
            kind,
            aliases: Vec::new(),
            description: None,
            mentions: Vec::new(),
            geo: None,
        });
    }
}
