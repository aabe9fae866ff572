//! Runs the standard pipeline over articles and prints every document's
//! layers (`Debug`), so that a change meant to keep outputs can be checked
//! by diffing two dumps. `--conll` prints the sentences as CoNLL-U instead
//! (`record::conllu`, as `claimtrace analyze --conllu` does).
//!
//! ```text
//! cargo run --release -p claimtrace --example pipeline_dump -- FILE... > before.txt
//! cargo run --release -p claimtrace --example pipeline_dump -- --conll FILE...
//! ```

use claimtrace::read::{read, Input, ReadOptions};
use claimtrace::record::conllu::to_conllu;
use claimtrace::Pipeline;

fn main() {
    let pipeline = Pipeline::standard();
    let mut conll = false;
    for path in std::env::args().skip(1) {
        if path == "--conll" {
            conll = true;
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable input");
        let input = Input { name: &path, bytes: &bytes, format: None, content_type: None };
        for mut doc in read(&input, &ReadOptions::default()).into_iter().filter_map(Result::ok) {
            pipeline.run(&mut doc);
            if conll {
                print!("{}", to_conllu(&doc));
            } else {
                println!("{doc:#?}");
            }
        }
    }
}
