//! Integration tests of the engine: one module per topic, all in one test
//! binary so that it links once.

mod util;

// The founding example and the dev articles, scored as users score them.
mod scored;
