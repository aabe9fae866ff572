//! Integration tests of the engine: one module per topic, all in one test
//! binary so that it links once.

mod util;

// Attribution, claims, statuses and stances on news phrasings.
mod claims;
// HTML pages: body extraction, metadata and encodings on saved pages.
mod html;
// Arbitrary input to every reader and to the whole pipeline: no panics,
// spans that slice the body.
mod robustness;
// The founding example and the dev articles, scored as users score them.
mod scored;
// Events: types, participants, status, and the phrasings that are no event.
mod events;
// Places: countries, GeoNames ids and coordinates; types the gazetteer
// corrects; titles out of names.
mod places;
// The language layer: tagger, parser and entity models.
mod language;
