//! Times each stage of the standard pipeline over a set of articles, to
//! check that later stages stay cheap next to segmentation.
//!
//! ```text
//! cargo run --release -p claimtrace --example stage_timing -- FILE...
//! ```

use std::time::{Duration, Instant};

use claimtrace::pipeline::{Counts, Segment, Stage, Times};
use claimtrace::read::{read, Input, ReadOptions};

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let mut docs = Vec::new();
    for path in &paths {
        let bytes = std::fs::read(path).expect("readable input");
        let input = Input { name: path, bytes: &bytes, format: None, content_type: None };
        docs.extend(read(&input, &ReadOptions::default()).into_iter().filter_map(Result::ok));
    }
    let stages: Vec<Box<dyn Stage>> = vec![Box::new(Segment), Box::new(Times), Box::new(Counts)];
    let mut spent = vec![Duration::ZERO; stages.len()];
    let rounds = 50;
    for _ in 0..rounds {
        for doc in &docs {
            let mut doc = doc.clone();
            for (idx, stage) in stages.iter().enumerate() {
                let start = Instant::now();
                stage.run(&mut doc);
                spent[idx] += start.elapsed();
            }
        }
    }
    let total: Duration = spent.iter().sum();
    for (stage, time) in stages.iter().zip(&spent) {
        println!(
            "{:<8} {:>8.3} ms/doc  {:>5.1}%",
            stage.name(),
            time.as_secs_f64() * 1000.0 / (rounds * docs.len().max(1)) as f64,
            100.0 * time.as_secs_f64() / total.as_secs_f64()
        );
    }
}
