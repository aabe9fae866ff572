//! The pipeline: named stages run in order over one `Document`, each
//! declaring the layers it needs and the layers it fills, as spaCy's
//! components do.

use crate::doc::Document;

/// The layers of a document that stages fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// Body text, removed blocks and metadata (filled by the readers).
    Text,
    Paragraphs,
    Sentences,
    Tokens,
    /// Universal POS tags on tokens.
    Tags,
    /// Dependency heads and relations on tokens.
    Parse,
    /// Named-entity mentions and entities.
    Entities,
    /// Places' countries, GeoNames ids and coordinates on the entities.
    Places,
    Times,
    Counts,
    /// Quotes and claims with chains, statuses and stances.
    Claims,
    /// Events with their participants, place, time and status.
    Events,
}

/// One stage of the pipeline.
pub trait Stage: Send + Sync {
    /// The stage's name, as used in diagnostics and `Pipeline::names`.
    fn name(&self) -> &'static str;
    /// Layers that must be filled before this stage runs.
    fn requires(&self) -> &'static [Layer];
    /// Layers this stage fills.
    fn assigns(&self) -> &'static [Layer];
    /// Reads earlier layers of `doc` and adds this stage's own. Never fails:
    /// problems go to `doc.diagnostics`.
    fn run(&self, doc: &mut Document);
}

/// An ordered list of stages.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

/// Why a pipeline's stages do not fit together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmetRequirement {
    pub stage: &'static str,
    pub layer: Layer,
}

impl Pipeline {
    /// A pipeline of `stages`, checked so that every stage's requirements
    /// are assigned by an earlier stage (the readers assign `Text`).
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, UnmetRequirement> {
        let mut filled = vec![Layer::Text];
        for stage in &stages {
            if let Some(&layer) = stage.requires().iter().find(|l| !filled.contains(l)) {
                return Err(UnmetRequirement { stage: stage.name(), layer });
            }
            filled.extend_from_slice(stage.assigns());
        }
        Ok(Pipeline { stages })
    }

    /// Every stage claimtrace has, in order.
    pub fn standard() -> Pipeline {
        #[allow(unused_mut)]
        let mut stages: Vec<Box<dyn Stage>> = vec![
            Box::new(Segment),
            Box::new(Tag),
            Box::new(Parse),
            Box::new(Entities),
            Box::new(Places),
            Box::new(Times),
            Box::new(Counts),
            Box::new(Claims),
            Box::new(Events),
        ];
        #[cfg(feature = "planted-panic")]
        stages.push(Box::new(PlantedPanic));
        Pipeline::new(stages).expect("the standard pipeline is consistent")
    }

    /// The stages' names, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// The stages, in order (to time them one by one, say).
    pub fn stages(&self) -> impl Iterator<Item = &dyn Stage> {
        self.stages.iter().map(|s| s.as_ref())
    }

    /// Runs every stage over `doc`. A panic in a stage unwinds through
    /// here (fuzz targets want that); shells use [`Pipeline::run_contained`].
    pub fn run(&self, doc: &mut Document) {
        for stage in &self.stages {
            stage.run(doc);
        }
    }

    /// Runs every stage over `doc`, turning a panic into
    /// [`Error::Panicked`](crate::Error::Panicked) that names the stage.
    /// After an error `doc` is half-analysed: callers drop it.
    pub fn run_contained(&self, doc: &mut Document) -> crate::Result<()> {
        self.stages.iter().try_for_each(|stage| run_stage_contained(stage.as_ref(), doc))
    }

    /// [`Pipeline::run_contained`] over each of `docs`, a stage at a time:
    /// each stage runs over every document before the next stage starts,
    /// so that its tables stay in the processor's caches (the analysis of
    /// many short articles is a sixth faster so). The documents come out
    /// as one at a time would leave them; one whose stage panicked is left
    /// half-analysed, its error in its place.
    pub fn run_batch_contained(&self, docs: &mut [Document]) -> Vec<crate::Result<()>> {
        let mut results: Vec<crate::Result<()>> = docs.iter().map(|_| Ok(())).collect();
        for stage in &self.stages {
            for (doc, result) in docs.iter_mut().zip(&mut results) {
                if result.is_err() {
                    continue;
                }
                *result = run_stage_contained(stage.as_ref(), doc);
            }
        }
        results
    }
}

/// Runs `stage` over `doc`, a panic turned into an error naming the stage
/// and the article.
fn run_stage_contained(stage: &dyn Stage, doc: &mut Document) -> crate::Result<()> {
    crate::contain(stage.name(), || stage.run(doc)).map_err(|err| match err {
        crate::Error::Panicked { stage, message, .. } => {
            crate::Error::Panicked { stage, article: doc.source.clone(), message }
        }
        other => other,
    })
}

/// Paragraphs, sentences and tokens (`crate::segment`).
pub struct Segment;

impl Stage for Segment {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Text]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Paragraphs, Layer::Sentences, Layer::Tokens]
    }
    fn run(&self, doc: &mut Document) {
        crate::segment::segment(doc);
    }
}

/// Universal POS tags (`crate::tag`).
pub struct Tag;

impl Stage for Tag {
    fn name(&self) -> &'static str {
        "tag"
    }
    /// It tags a sentence's tokens at a time.
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Tags]
    }
    fn run(&self, doc: &mut Document) {
        crate::tag::tag_document(doc, &crate::tag::TAGGER);
    }
}

/// Dependency trees (`crate::tag::parser`).
pub struct Parse;

impl Stage for Parse {
    fn name(&self) -> &'static str {
        "parse"
    }
    /// It parses a sentence's tokens, with their tags, at a time.
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Tags]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Parse]
    }
    fn run(&self, doc: &mut Document) {
        crate::tag::parse_document(doc, &crate::tag::SHIPPED_PARSER);
    }
}

/// Named entities (`crate::entities`).
pub struct Entities;

impl Stage for Entities {
    fn name(&self) -> &'static str {
        "entities"
    }
    /// It reads a sentence's tokens and their tags at a time.
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Tags]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn run(&self, doc: &mut Document) {
        crate::entities::entities(doc);
    }
}

/// Places on the map: `geo` on place entities (`crate::places`).
pub struct Places;

impl Stage for Places {
    fn name(&self) -> &'static str {
        "places"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Entities]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Places]
    }
    fn run(&self, doc: &mut Document) {
        crate::places::places(doc);
    }
}

/// Time expressions resolved against the anchor (`crate::times`).
pub struct Times;

impl Stage for Times {
    fn name(&self) -> &'static str {
        "times"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Times]
    }
    fn run(&self, doc: &mut Document) {
        crate::times::find_times(doc);
    }
}

/// Numbers of people or things an event touched (`crate::counts`).
pub struct Counts;

impl Stage for Counts {
    fn name(&self) -> &'static str {
        "counts"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Times]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Counts]
    }
    fn run(&self, doc: &mut Document) {
        crate::counts::find_counts(doc);
    }
}

/// Quotes, claims, chains, statuses and stances (`crate::claims`).
pub struct Claims;

impl Stage for Claims {
    fn name(&self) -> &'static str {
        "claims"
    }
    /// It reads tags (noun uses of cue words), the parse (subjects and
    /// objects of cues), the entities (people that pronouns and surnames
    /// name), and the times and counts (which make a sentence in the
    /// article's own voice concrete enough to check).
    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Paragraphs,
            Layer::Sentences,
            Layer::Tokens,
            Layer::Tags,
            Layer::Parse,
            Layer::Entities,
            Layer::Times,
            Layer::Counts,
        ]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Claims]
    }
    fn run(&self, doc: &mut Document) {
        crate::claims::run(doc);
    }
}

/// Who did what to whom, tied to the claim that reports it
/// (`crate::events`).
pub struct Events;

impl Stage for Events {
    fn name(&self) -> &'static str {
        "events"
    }
    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Sentences,
            Layer::Tokens,
            Layer::Tags,
            Layer::Parse,
            Layer::Entities,
            Layer::Times,
            Layer::Counts,
            Layer::Claims,
        ]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Events]
    }
    fn run(&self, doc: &mut Document) {
        crate::events::find_events(doc);
    }
}

/// The text that makes [`PlantedPanic`] panic.
#[cfg(feature = "planted-panic")]
pub const PLANTED_PANIC_MARKER: &str = "CLAIMTRACE-PLANTED-PANIC";

/// The text that makes [`PlantedPanic`] take a minute: an analysis that
/// runs away, for the shells' time limits.
#[cfg(feature = "planted-panic")]
pub const PLANTED_HANG_MARKER: &str = "CLAIMTRACE-PLANTED-HANG";

/// A stage that panics on a document whose body holds
/// [`PLANTED_PANIC_MARKER`] (and stalls on [`PLANTED_HANG_MARKER`]): only
/// with the test-only `planted-panic` feature, so that tests and the fuzz
/// script can prove that panics are contained (shells) or caught
/// (fuzzing), and that a runaway analysis is given up on.
#[cfg(feature = "planted-panic")]
pub struct PlantedPanic;

#[cfg(feature = "planted-panic")]
impl Stage for PlantedPanic {
    fn name(&self) -> &'static str {
        "planted-panic"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Text]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[]
    }
    fn run(&self, doc: &mut Document) {
        if doc.text.contains(PLANTED_PANIC_MARKER) {
            panic!("planted panic (the test-only `planted-panic` feature)");
        }
        if doc.text.contains(PLANTED_HANG_MARKER) {
            std::thread::sleep(std::time::Duration::from_secs(60));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NeedsTokens;
    impl Stage for NeedsTokens {
        fn name(&self) -> &'static str {
            "needs-tokens"
        }
        fn requires(&self) -> &'static [Layer] {
            &[Layer::Tokens]
        }
        fn assigns(&self) -> &'static [Layer] {
            &[]
        }
        fn run(&self, _doc: &mut Document) {}
    }

    #[test]
    fn standard_runs_times_and_counts_after_segmentation() {
        let names = Pipeline::standard().names();
        assert_eq!(
            names.into_iter().filter(|&n| n != "planted-panic").collect::<Vec<_>>(),
            [
                "segment", "tag", "parse", "entities", "places", "times", "counts", "claims",
                "events"
            ]
        );
        let err = Pipeline::new(vec![Box::new(Segment), Box::new(Counts)]).err().unwrap();
        assert_eq!(err, UnmetRequirement { stage: "counts", layer: Layer::Times });
        // The claims stage reads times and counts (what makes a sentence
        // checkable), so it cannot run before them.
        let early: Vec<Box<dyn Stage>> = vec![
            Box::new(Segment),
            Box::new(Tag),
            Box::new(Parse),
            Box::new(Entities),
            Box::new(Claims),
        ];
        let err = Pipeline::new(early).err().unwrap();
        assert_eq!(err, UnmetRequirement { stage: "claims", layer: Layer::Times });
    }

    #[test]
    fn unmet_requirement_is_reported() {
        let err = Pipeline::new(vec![Box::new(NeedsTokens), Box::new(Segment)]).err().unwrap();
        assert_eq!(err, UnmetRequirement { stage: "needs-tokens", layer: Layer::Tokens });
        assert!(Pipeline::new(vec![Box::new(Segment), Box::new(NeedsTokens)]).is_ok());
    }

    struct PanicsOnBang;
    impl Stage for PanicsOnBang {
        fn name(&self) -> &'static str {
            "panics-on-bang"
        }
        fn requires(&self) -> &'static [Layer] {
            &[Layer::Tokens]
        }
        fn assigns(&self) -> &'static [Layer] {
            &[]
        }
        fn run(&self, doc: &mut Document) {
            assert!(!doc.text.contains('!'), "a bang");
        }
    }

    /// What [`PanicsOnBang`] fails `article` with.
    fn bang(article: &str) -> crate::Error {
        crate::Error::Panicked {
            stage: "panics-on-bang",
            article: article.into(),
            message: "a bang".into(),
        }
    }

    #[test]
    fn a_panicking_stage_fails_its_article_only() {
        use crate::read::{Input, ReadOptions};
        let pipeline = Pipeline::new(vec![Box::new(Segment), Box::new(PanicsOnBang)]).unwrap();
        let jsonl = b"{\"text\": \"Calm words.\"}\n{\"text\": \"Bang!\"}\n{\"text\": \"More.\"}\n";
        let input = Input { name: "batch.jsonl", bytes: jsonl, format: None, content_type: None };
        let docs = crate::analyze_with(&pipeline, &input, &ReadOptions::default());
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[0].as_ref().unwrap().text, "Calm words.");
        assert_eq!(docs[1].as_ref().unwrap_err(), &bang("batch.jsonl:2"));
        assert_eq!(docs[2].as_ref().unwrap().text, "More.");
    }

    #[test]
    fn a_batch_stage_by_stage_ends_as_one_at_a_time_and_contains_panics() {
        use crate::read::{Input, ReadOptions};
        let jsonl =
            b"{\"title\": \"Bridge\", \"text\": \"The council said on Monday that the bridge \
            will close for repairs.\"}\n{\"text\": \"Bang! The mayor said 12 people left.\"}\n\
            {\"text\": \"Police said the attack in Paris killed at least 3 people.\"}\n";
        let input = Input { name: "batch.jsonl", bytes: jsonl, format: None, content_type: None };
        let read = || -> Vec<Document> {
            crate::read::read(&input, &ReadOptions::default())
                .into_iter()
                .map(Result::unwrap)
                .collect()
        };
        let record = |d: &Document| crate::Record::from_document(d).to_json_line();
        // The standard stages: the same records, stage by stage or not.
        let standard = Pipeline::standard();
        let mut one = read();
        for doc in &mut one {
            standard.run_contained(doc).unwrap();
        }
        let mut batch = read();
        assert!(standard.run_batch_contained(&mut batch).iter().all(Result::is_ok));
        assert_eq!(
            batch.iter().map(record).collect::<Vec<_>>(),
            one.iter().map(record).collect::<Vec<_>>()
        );
        // A panic fails its document only, and the later stages skip it.
        let pipeline =
            Pipeline::new(vec![Box::new(Segment), Box::new(PanicsOnBang), Box::new(Tag)]).unwrap();
        let mut docs = read();
        let outcomes = pipeline.run_batch_contained(&mut docs);
        assert!(outcomes[0].is_ok() && outcomes[2].is_ok());
        assert_eq!(outcomes[1].as_ref().unwrap_err(), &bang("batch.jsonl:2"));
        assert!(docs[1].tokens.iter().all(|t| t.tag.is_none()), "not tagged after its panic");
        assert!(docs[2].tokens.iter().any(|t| t.tag.is_some()));
    }
}
