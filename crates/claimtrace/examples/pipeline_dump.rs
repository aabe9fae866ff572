//! Runs the standard pipeline over articles and prints every document's
//! layers (`Debug`), so that a change meant to keep outputs can be checked
//! by diffing two dumps. `--conll` prints the tokens instead, one a line
//! (index, text, tag, head, relation), sentence by sentence.
//!
//! ```text
//! cargo run --release -p claimtrace --example pipeline_dump -- FILE... > before.txt
//! cargo run --release -p claimtrace --example pipeline_dump -- --conll FILE...
//! ```

use claimtrace::read::{read, Input, ReadOptions};
use claimtrace::{Document, Pipeline};

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
                print_conll(&doc);
            } else {
                println!("{doc:#?}");
            }
        }
    }
}

fn print_conll(doc: &Document) {
    for sentence in &doc.sentences {
        for k in sentence.tokens.clone() {
            let t = &doc.tokens[k];
            let head = t.head.map_or("-".to_string(), |h| h.to_string());
            println!(
                "{k}\t{}\t{}\t{head}\t{}",
                doc.token_text(k),
                t.tag.map_or("-", |t| t.as_str()),
                t.rel.map_or("-", |r| r.as_str())
            );
        }
        println!();
    }
}
