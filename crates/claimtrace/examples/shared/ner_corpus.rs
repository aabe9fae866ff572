//! Reading the CoNLL entity corpora under `ner/`, for `train` and
//! `eval_lang` (included by both with `#[path]`; not an example itself).

use std::path::Path;

use claimtrace::tag::conllu::{self, TreeSentence};

/// The sentences of one CoNLL entity corpus under `ner/`, file by file in
/// sorted order (each file's held-out fifth is counted from its start).
pub fn ner_corpus(data: &Path, name: &str) -> anyhow::Result<Vec<Vec<TreeSentence>>> {
    let mut files = Vec::new();
    let mut stack = vec![data.join("ner").join(name)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "conll") {
                files.push(path);
            }
        }
    }
    files.sort();
    files.iter().map(|f| Ok(conllu::parse_conll_ner(&std::fs::read_to_string(f)?))).collect()
}
