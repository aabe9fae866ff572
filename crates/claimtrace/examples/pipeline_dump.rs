//! Runs the standard pipeline over articles and prints every document's
//! layers (`Debug`), so that a change meant to keep outputs can be checked
//! by diffing two dumps.
//!
//! ```text
//! cargo run --release -p claimtrace --example pipeline_dump -- FILE... > before.txt
//! ```

use claimtrace::read::{read, Input, ReadOptions};
use claimtrace::Pipeline;

fn main() {
    let pipeline = Pipeline::standard();
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable input");
        let input = Input { name: &path, bytes: &bytes, format: None, content_type: None };
        for mut doc in read(&input, &ReadOptions::default()).into_iter().filter_map(Result::ok) {
            pipeline.run(&mut doc);
            println!("{doc:#?}");
        }
    }
}
