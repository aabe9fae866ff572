//! Names what this build of the engine analyses with: a short hash of each
//! shipped model and one of the lexicons in `data/`, for [`ENGINE`]
//! (`src/lib.rs`). A ledger records it with every article it files, so
//! that `claimtrace reanalyze` knows which articles an older engine read.
//!
//! Lays each shipped model out as the tables it is read into
//! (`src/tag/perceptron.rs`: [`perceptron::Model::to_table`]), in
//! `OUT_DIR`, so that the program borrows them where they lie instead of
//! decoding the compact files at start-up; and sorts the place
//! gazetteer's names and finds its places' lines
//! (`src/places/gazetteer.rs`) and hashes the recognizer's harvested names
//! (`src/entities/name_list.rs`) and finds the lines of the long sorted
//! word lists (`src/entities/sorted_words.rs`) for the same reason; and compiles the time
//! rules (`src/times/patterns.rs`) into the DFA that tells which of them a
//! sentence can match, which a fresh process otherwise built as it went.

#[allow(dead_code)]
#[path = "src/tables.rs"]
mod tables;

#[allow(dead_code)]
#[path = "src/tag/perceptron.rs"]
mod perceptron;

#[allow(dead_code)]
#[path = "src/places/gazetteer.rs"]
mod gazetteer;

#[allow(dead_code)]
#[path = "src/entities/name_list.rs"]
mod name_list;

#[allow(dead_code)]
#[path = "src/entities/sorted_words.rs"]
mod sorted_words;

#[allow(dead_code)]
#[path = "src/numbers/words.rs"]
mod number_words;

#[allow(dead_code)]
#[path = "src/times/patterns.rs"]
mod time_patterns;

use std::path::{Path, PathBuf};

/// FNV-1a, 64 bits: a fingerprint, not a defence.
fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn hash_of(paths: &[PathBuf], root: &Path) -> String {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for path in paths {
        // The name too: a file moved is a lexicon changed.
        let name = path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/");
        fnv(&mut hash, name.as_bytes());
        fnv(&mut hash, &std::fs::read(path).unwrap_or_default());
    }
    format!("{:08x}", hash >> 32)
}

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=models");
    println!("cargo:rerun-if-changed=src/entities/data/names.tsv");
    let mut parts = Vec::new();
    for model in ["tagger", "parser", "ner"] {
        let path = root.join("models").join(format!("{model}.bin"));
        println!("cargo:rerun-if-changed=models/{model}.bin");
        let bytes = std::fs::read(&path).expect("shipped model present");
        let table = perceptron::Model::decode(&bytes)
            .unwrap_or_else(|e| panic!("models/{model}.bin: {}", e.0))
            .to_table();
        std::fs::write(out_dir.join(format!("{model}.table")), table).expect("OUT_DIR writable");
        parts.push(format!("{model} {}", hash_of(&[path], &root)));
    }
    // The place gazetteer's tables: its names sorted, and where each place's
    // line is (`src/places/gazetteer.rs`).
    let geo = |name: &str| -> &'static str {
        let text = std::fs::read_to_string(root.join("data/geo").join(name)).expect("geo data");
        String::leak(text)
    };
    let places = gazetteer::PlaceGazetteer::parse(
        geo("countries.tsv"),
        geo("continents.tsv"),
        geo("regions.tsv"),
        geo("places.tsv"),
    );
    std::fs::write(out_dir.join("places.bin"), places.tables()).expect("OUT_DIR");
    // The recognizer's harvested names (`src/entities/name_list.rs`).
    let names = std::fs::read_to_string(root.join("src/entities/data/names.tsv")).expect("names");
    let names = name_list::NameList::from_tokenized(&names).table();
    std::fs::write(out_dir.join("names.bin"), names).expect("OUT_DIR");
    // Where the lines of the long sorted word lists start
    // (`src/entities/sorted_words.rs`).
    println!("cargo:rerun-if-changed=src/entities/data/common_words.txt");
    for (list, lines) in [
        ("data/entities/dictionary.txt", "dictionary.lines"),
        ("src/entities/data/common_words.txt", "common_words.lines"),
    ] {
        let text = std::fs::read_to_string(root.join(list)).expect("a shipped word list");
        std::fs::write(out_dir.join(lines), sorted_words::line_starts(&text)).expect("OUT_DIR");
    }
    std::fs::write(out_dir.join("time_rules.dfa"), time_rules_dfa(&root)).expect("OUT_DIR");
    let mut data = Vec::new();
    files_under(&root.join("data"), &mut data);
    data.retain(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')));
    data.sort();
    parts.push(format!("lexicons {}", hash_of(&data, &root)));
    println!("cargo:rustc-env=CLAIMTRACE_MODELS={}", parts.join(", "));
}

/// The time rules compiled into one DFA (`src/times/mod.rs`: which rules
/// can match a sentence), as the bytes `dense::DFA::from_bytes` reads:
/// every rule's pattern (`src/times/patterns.rs`) over the lexicons
/// (named dates, number words), overlapping matches of all of them,
/// without Unicode, as the `RegexSet` that stands in for it compiles them.
fn time_rules_dfa(root: &Path) -> Vec<u8> {
    use regex_automata::dfa::{dense, StartKind};
    use regex_automata::{nfa::thompson, util::syntax, MatchKind};
    for file in ["src/times/patterns.rs", "src/numbers/words.rs"] {
        println!("cargo:rerun-if-changed={file}");
    }
    let data = |name: &str| {
        std::fs::read_to_string(root.join("data").join(name)).expect("a lexicon of data/")
    };
    let (numbers, multipliers, named) =
        (data("numbers.tsv"), data("multipliers.tsv"), data("named_dates.tsv"));
    let words = number_words::pattern(
        number_words::valued(&numbers).into_iter().map(|(w, _)| w),
        number_words::valued(&multipliers).into_iter().map(|(w, _)| w),
        &regex_syntax::escape,
    );
    let named: Vec<&str> = time_patterns::named_dates(&named).into_iter().map(|(n, _)| n).collect();
    let patterns: Vec<String> = time_patterns::table(&named, &words, regex_syntax::escape)
        .into_iter()
        .map(|(_, pattern)| pattern)
        .collect();
    let dfa = dense::Builder::new()
        .syntax(syntax::Config::new().unicode(false))
        .thompson(thompson::Config::new().shrink(true))
        .configure(
            dense::Config::new()
                .match_kind(MatchKind::All)
                .start_kind(StartKind::Unanchored)
                .byte_classes(true)
                .minimize(false),
        )
        .build_many(&patterns)
        .expect("the time rules compile into a DFA");
    let (bytes, pad) = dfa.to_bytes_little_endian();
    bytes[pad..].to_vec()
}
