// # Rebuilding the language models
//
// Trains the tagger, the parser and the entity recognizer from the shared
// corpora and writes them to the models folder:
//
//     cargo run --release -p claimtrace --example train -- \
//         --data /work/shared/data --out crates/claimtrace/models
//
// The tagger and parser learn from the GUM train split (`gum/splits.md`);
// the recognizer from GUM train's named mentions plus the corpora named by
// `--ner` (comma-separated; default `gum,uner`, the shipped model): `uner` (Universal
// NER English EWT dev, CC BY-SA 4.0: a model trained on it is share-alike),
// `wikigold` (CC BY 4.0), `re3d` (the openly licensed sources under
// `ner/re3d/`), `btc` (Broad Twitter Corpus, CC BY 4.0). Of wikigold, re3d
// and btc every fifth sentence is held out (`conllu::is_heldout`) for
// `eval_lang`. Training is deterministic: files are read in sorted order
// and shuffled with a fixed seed, so the same data gives byte-identical
// models.

use std::path::PathBuf;

use claimtrace::doc::EntityKind;
use claimtrace::entities::{gazetteer::GAZETTEER, ner};
use claimtrace::tag::{conllu, parser, perceptron::Model, tagger};

#[path = "shared/ner_corpus.rs"]
mod shared;
use shared::ner_corpus;

const SEED: u64 = 0x5eed_c1a1;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1));
    let data = PathBuf::from(value("--data").map_or("/work/shared/data", String::as_str));
    let out = PathBuf::from(value("--out").map_or("crates/claimtrace/models", String::as_str));
    let iterations: usize = value("--iterations").map_or(Ok(15), |v| v.parse())?;

    // ## Data
    let train_docs =
        conllu::split_names(&std::fs::read_to_string(data.join("gum/splits.md"))?, "train");
    let mut gum = Vec::new();
    for name in &train_docs {
        let path = data.join("gum/dep").join(format!("{name}.conllu"));
        if let Ok(text) = std::fs::read_to_string(&path) {
            gum.extend(conllu::parse_conllu(&text));
        }
    }
    eprintln!("GUM train: {} documents found, {} sentences", train_docs.len(), gum.len());

    // ## Tagger
    let tagger_bytes = tagger::train(&gum, iterations, SEED);
    std::fs::write(out.join("tagger.bin"), &tagger_bytes)?;
    let tagger_model = Model::decode(&tagger_bytes).map_err(|e| anyhow::anyhow!(e.0))?;
    eprintln!("tagger: {} bytes, {} features", tagger_bytes.len(), tagger_model.n_features());
    let tag_all = |sentences: &[conllu::TreeSentence]| -> Vec<Vec<String>> {
        sentences
            .iter()
            .map(|s| {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                tagger::tag(&tagger_model, &words)
                    .iter()
                    .map(|&t| tagger::UPOS[t].to_string())
                    .collect()
            })
            .collect()
    };

    // ## Parser, on the tagger's own tags so that it sees tagging errors.
    let gum_tags = tag_all(&gum);
    let parser_bytes = parser::train(&gum, &gum_tags, iterations, SEED);
    std::fs::write(out.join("parser.bin"), &parser_bytes)?;
    eprintln!("parser: {} bytes", parser_bytes.len());

    // ## Entity recognizer
    let mut ner_data = gum.clone();
    let is_demonym = |w: &str| {
        GAZETTEER.lookup(w).is_some_and(|e| GAZETTEER.entries[e].kind == EntityKind::Norp)
    };
    ner_data.iter_mut().for_each(|s| conllu::named_labels(s, &is_demonym));
    let sources = value("--ner").map_or("gum,uner", String::as_str);
    for source in sources.split(',').map(str::trim) {
        let before = ner_data.len();
        match source {
            "gum" => {}
            "uner" => {
                let ewt = std::fs::read_to_string(data.join("uner-ewt/en_ewt-ud-dev.iob2"))?;
                ner_data.extend(conllu::parse_iob2(&ewt));
            }
            "wikigold" | "re3d" | "btc" => {
                for sentences in ner_corpus(&data, source)? {
                    ner_data.extend(
                        sentences
                            .into_iter()
                            .enumerate()
                            .filter(|(i, _)| !conllu::is_heldout(*i))
                            .map(|(_, s)| s),
                    );
                }
            }
            other => anyhow::bail!("unknown --ner source {other:?}"),
        }
        eprintln!("ner source {source}: {} sentences", ner_data.len() - before);
    }
    let ner_tags = tag_all(&ner_data);
    let ner_bytes = ner::train(&ner_data, &ner_tags, &GAZETTEER, iterations, SEED);
    std::fs::write(out.join("ner.bin"), &ner_bytes)?;
    eprintln!("ner: {} bytes, {} sentences", ner_bytes.len(), ner_data.len());
    Ok(())
}
