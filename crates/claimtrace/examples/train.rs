// # Rebuilding the language models
//
// Trains the tagger, the parser and the entity recognizer from the shared
// corpora and writes them to the models folder:
//
//     cargo run --release -p claimtrace --example train -- \
//         --data /work/shared/data --out crates/claimtrace/models
//
// (`--lists-only` writes the word lists harvested from the corpora,
// `src/entities/data/names.tsv` and `common_words.txt`, over the shipped
// ones, and stops; training alone leaves them as they are.)
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
use claimtrace::entities::gazetteer::{NameList, GAZETTEER};
use claimtrace::entities::ner;
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

    // ## Lists from data, written only when asked (`--lists-only`): they
    // replace the shipped lists in the source tree, which a training run
    // must leave as they are (the models learn from the lists built in).
    let names = harvest_names(&data)?;
    if args.iter().any(|a| a == "--lists-only") {
        let entity_data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/entities/data");
        std::fs::write(entity_data.join("names.tsv"), &names)?;
        let common = harvest_common_words(&data)?;
        std::fs::write(entity_data.join("common_words.txt"), &common)?;
        eprintln!("lists: names.tsv, common_words.txt -> {}", entity_data.display());
        return Ok(());
    }

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
    // Names from data, written beside the hand-written gazetteer and read
    // back as the recognizer's `NAMES` feature.
    let harvested = NameList::from_tokenized(&names);
    eprintln!("names: {} entries", harvested.len());
    let gazetteers = ner::Gazetteers { listed: &GAZETTEER, harvested: &harvested };
    let ner_bytes = ner::train(&ner_data, &ner_tags, gazetteers, iterations, SEED);
    std::fs::write(out.join("ner.bin"), &ner_bytes)?;
    eprintln!("ner: {} bytes, {} sentences", ner_bytes.len(), ner_data.len());
    Ok(())
}

/// Every sentence of the CC BY 4.0 entity corpora the harvested lists
/// read: wikigold and the Broad Twitter Corpus less their held-out fifths,
/// WNUT 2017's train and dev files (its test file is left out).
fn for_each_cc_by_sentence(
    data: &std::path::Path,
    add: &mut dyn FnMut(&conllu::TreeSentence),
) -> anyhow::Result<()> {
    for corpus in ["wikigold", "btc"] {
        for sentences in ner_corpus(data, corpus)? {
            sentences
                .iter()
                .enumerate()
                .filter(|(i, _)| !conllu::is_heldout(*i))
                .for_each(|(_, s)| add(s));
        }
    }
    for file in ["train.conll", "dev.conll"] {
        let text = std::fs::read_to_string(data.join("ner/wnut17").join(file))?;
        conllu::parse_conll_ner(&text).iter().for_each(&mut *add);
    }
    Ok(())
}

/// Lower-case words of the CC BY 4.0 entity corpora (wikigold, the Broad
/// Twitter Corpus, WNUT 2017 train and dev; held-out parts left out, as for
/// [`harvest_names`]): words written in lower case outside names at least
/// twice and at least five times as often as inside one. A name of one
/// such word ("Sometimes" opening a quotation, a person "People") is no
/// name (`entities::candidates::drop_common_words`). One a line, sorted.
fn harvest_common_words(data: &std::path::Path) -> anyhow::Result<String> {
    use std::collections::BTreeMap;
    // (outside names in lower case, inside names in any case)
    let mut counts: BTreeMap<String, [u32; 2]> = BTreeMap::new();
    let mut add = |sentence: &conllu::TreeSentence| {
        for (word, label) in sentence.words.iter().zip(&sentence.ner) {
            if label == "O" {
                let plain = word.chars().count() >= 2
                    && word.chars().all(|c| c.is_lowercase() || c == '-' || c == '\'')
                    && word.chars().next().is_some_and(char::is_alphabetic);
                if plain {
                    counts.entry(word.clone()).or_default()[0] += 1;
                }
            } else {
                counts.entry(word.to_lowercase()).or_default()[1] += 1;
            }
        }
    };
    for_each_cc_by_sentence(data, &mut add)?;
    let mut out = String::from(
        "# Common lower-case words, for the entity rules (written by\n\
         # examples/train.rs; see LICENSE.md): words of wikigold, the Broad\n\
         # Twitter Corpus and WNUT 2017 (each CC BY 4.0), held-out parts left\n\
         # out, written in lower case outside names at least twice and\n\
         # at least five times as often as inside one.\n",
    );
    for (word, [lower, named]) in &counts {
        if *lower >= 2 && *lower >= 5 * named {
            out.push_str(word);
            out.push('\n');
        }
    }
    Ok(out)
}

/// The names the CC BY 4.0 entity corpora annotate (wikigold, the Broad
/// Twitter Corpus, WNUT 2017's train and dev files; every corpus's held-out
/// fifth and WNUT's test file left out, so that `eval_lang` scores names it
/// did not list), each with the type most of its mentions carry (two thirds
/// at least), then GeoNames' populated places and US states not listed
/// already: lines of `TYPE<TAB>tokens joined by spaces`, sorted.
fn harvest_names(data: &std::path::Path) -> anyhow::Result<String> {
    use std::collections::BTreeMap;
    let mut counts: BTreeMap<Vec<String>, [u32; 3]> = BTreeMap::new();
    let mut add = |sentence: &conllu::TreeSentence| {
        let mut i = 0;
        while i < sentence.ner.len() {
            let Some(kind) = sentence.ner[i].strip_prefix("B-") else {
                i += 1;
                continue;
            };
            let inside = format!("I-{kind}");
            let end = (i + 1..sentence.ner.len())
                .find(|&j| sentence.ner[j] != inside)
                .unwrap_or(sentence.ner.len());
            let words = sentence.words[i..end].to_vec();
            let slot = match kind {
                "PERSON" => 0,
                "ORG" => 1,
                _ => 2,
            };
            // Handles, hashtags and lower-case names (common in posts)
            // would fire on ordinary words.
            let name = words.join(" ");
            let usable = name.chars().count() >= 2
                && name.chars().any(char::is_uppercase)
                && !name.starts_with(['@', '#'])
                && words.iter().all(|w| w.chars().any(char::is_alphanumeric));
            if usable {
                counts.entry(words).or_default()[slot] += 1;
            }
            i = end;
        }
    };
    // re3d is left out: some of its sources carry terms (Open Government
    // Licence, CC BY 3.0 AU, the EU's reuse notice) beyond the CC BY 4.0 of
    // the others, and its held-out fifth stays a test of unseen names.
    for_each_cc_by_sentence(data, &mut add)?;
    let mut lines: Vec<String> = Vec::new();
    let mut listed = std::collections::HashSet::new();
    for (words, count) in &counts {
        let total: u32 = count.iter().sum();
        let (slot, &best) = count.iter().enumerate().max_by_key(|(_, c)| **c).expect("three");
        if best * 3 < total * 2 {
            continue;
        }
        let kind = ["PERSON", "ORG", "GPE"][slot];
        let name = words.join(" ");
        lines.push(format!("{kind}\t{name}"));
        listed.insert(name);
    }
    // GeoNames: the name column of the places and regions files.
    let geo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/geo");
    for (file, column) in [("places.tsv", 1), ("regions.tsv", 2)] {
        for line in std::fs::read_to_string(geo.join(file))?.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some(name) = line.split('\t').nth(column) else { continue };
            let tokens = claimtrace::segment::tokenize(name);
            let words: Vec<&str> =
                tokens.iter().map(|t| claimtrace::chars::slice(name, t.span.range())).collect();
            let name = words.join(" ");
            if !name.is_empty() && listed.insert(name.clone()) {
                lines.push(format!("GPE\t{name}"));
            }
        }
    }
    lines.sort();
    let mut out = String::from(
        "# Names from data, for the recognizer's features (written by\n\
         # examples/train.rs; see LICENSE.md): names annotated in wikigold, the\n\
         # Broad Twitter Corpus and WNUT 2017 (each CC BY 4.0), held-out parts left\n\
         # out; GeoNames places and US states (CC BY 4.0, geonames.org).\n\
         # TYPE<TAB>tokens joined by spaces.\n",
    );
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
}
