// # Evaluating the language layer
//
// Runs the shipped tagger, parser and entity stage over gold-tokenized test
// data and scores them:
//
//     cargo run --release -p claimtrace --example eval_lang -- \
//         --data /work/shared/data --out /tmp/claimtrace-eval
//
// Test sets: the GUM test documents present in `gum/dep` (`gum/splits.md`;
// `--split dev` for its dev documents)
// for UPOS accuracy, UAS/LAS (base relations, punctuation included) and
// named-entity F1 over PERSON, ORG and places (GPE, LOC and FAC scored as
// one PLACE type, since GUM does not split them); Universal NER's English
// PUD file for PER/ORG/LOC F1.
//
// It also writes `gold-*.tsv` and `claimtrace-*.tsv` (one token a line:
// word, UPOS, head, relation, BIO entity label) to `--out`, which
// `scripts/compare_spacy.py` scores beside spaCy's small English pipeline
// with the same scoring.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use claimtrace::doc::{Document, EntityKind, Meta, Rel, Sentence, Span, Token, TokenKind, Upos};
use claimtrace::entities::gazetteer::GAZETTEER;
use claimtrace::tag::conllu::{self, TreeSentence};
use claimtrace::tag::perceptron::Model;

#[path = "shared/ner_corpus.rs"]
mod shared;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1));
    let data = PathBuf::from(value("--data").map_or("/work/shared/data", String::as_str));
    let out = PathBuf::from(value("--out").map_or("/tmp/claimtrace-eval", String::as_str));
    std::fs::create_dir_all(&out)?;
    // ## Model load time (decoding the embedded bytes, once)
    let started = std::time::Instant::now();
    let n_features = claimtrace::tag::TAGGER.n_features()
        + claimtrace::tag::PARSER.n_features()
        + claimtrace::entities::NER.n_features();
    println!(
        "models: {} features decoded in {:.0} ms",
        n_features,
        started.elapsed().as_secs_f64() * 1000.0
    );

    // `--models DIR` scores freshly trained models instead of the shipped ones.
    let models = match value("--models") {
        Some(dir) => {
            let load = |name: &str| -> anyhow::Result<Model> {
                let bytes = std::fs::read(Path::new(dir).join(name))?;
                Model::decode(&bytes).map_err(|e| anyhow::anyhow!(e.0))
            };
            Models {
                tagger: load("tagger.bin")?,
                parser: load("parser.bin")?,
                ner: load("ner.bin")?,
            }
        }
        None => Models {
            tagger: claimtrace::tag::TAGGER.clone(),
            parser: claimtrace::tag::PARSER.clone(),
            ner: claimtrace::entities::NER.clone(),
        },
    };

    // ## GUM test
    let mut gum_docs = Vec::new();
    // Which test documents are news, for the news-only comparison.
    let mut gum_news = Vec::new();
    // `--split dev` scores GUM's dev documents instead (for choosing
    // between models without reading the test set).
    let split = value("--split").map_or("test", String::as_str);
    for name in conllu::split_names(&std::fs::read_to_string(data.join("gum/splits.md"))?, split) {
        let path = data.join("gum/dep").join(format!("{name}.conllu"));
        if let Ok(text) = std::fs::read_to_string(&path) {
            let mut sentences = conllu::parse_conllu(&text);
            let is_demonym = |w: &str| {
                GAZETTEER.lookup(w).is_some_and(|e| GAZETTEER.entries[e].kind == EntityKind::Norp)
            };
            sentences.iter_mut().for_each(|s| conllu::named_labels(s, &is_demonym));
            gum_news.push(name.contains("_news_"));
            gum_docs.push(sentences);
        }
    }
    let started = std::time::Instant::now();
    let gum_pred: Vec<Vec<TreeSentence>> = gum_docs.iter().map(|d| analyze(d, &models)).collect();
    let elapsed = started.elapsed();
    let gold: Vec<TreeSentence> = gum_docs.concat();
    let pred: Vec<TreeSentence> = gum_pred.concat();
    let n_tokens: usize = gold.iter().map(|s| s.words.len()).sum();
    println!(
        "GUM {split}: {} documents, {} sentences, {} tokens",
        gum_docs.len(),
        gold.len(),
        n_tokens
    );
    println!("  analysed in {:.2}s", elapsed.as_secs_f64());
    report_syntax(&gold, &pred);
    report_ner(&gold, &pred);
    write_tsv(&out.join("gold-gum.tsv"), &gold)?;
    write_tsv(&out.join("claimtrace-gum.tsv"), &pred)?;
    // The news documents alone.
    let news = |docs: &[Vec<TreeSentence>]| -> Vec<TreeSentence> {
        docs.iter().zip(&gum_news).filter(|(_, &n)| n).flat_map(|(d, _)| d.clone()).collect()
    };
    write_tsv(&out.join("gold-gumnews.tsv"), &news(&gum_docs))?;
    write_tsv(&out.join("claimtrace-gumnews.tsv"), &news(&gum_pred))?;

    // ## UNER PUD
    let pud_text = std::fs::read_to_string(data.join("uner-pud/en_pud-ud-test.iob2"))?;
    let pud = conllu::parse_iob2(&pud_text);
    let pud_pred = analyze(&pud, &models);
    println!("UNER PUD: {} sentences", pud.len());
    report_ner(&pud, &pud_pred);
    write_tsv(&out.join("gold-pud.tsv"), &pud)?;
    write_tsv(&out.join("claimtrace-pud.tsv"), &pud_pred)?;

    // ## Held-out fifths of the corpora `train` may learn from
    for name in ["wikigold", "re3d"] {
        let mut held = Vec::new();
        for sentences in shared::ner_corpus(&data, name)? {
            held.extend(
                sentences
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| conllu::is_heldout(*i))
                    .map(|(_, s)| s),
            );
        }
        let pred = analyze(&held, &models);
        println!("{name} held-out fifth: {} sentences", held.len());
        report_ner(&held, &pred);
    }
    Ok(())
}

struct Models {
    tagger: Model,
    parser: Model,
    ner: Model,
}

/// Runs the standard pipeline's language stages over one document built
/// from gold tokens, one sentence per paragraph.
fn analyze(sentences: &[TreeSentence], models: &Models) -> Vec<TreeSentence> {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut sents = Vec::new();
    for (paragraph, s) in sentences.iter().enumerate() {
        let first = tokens.len();
        let start = text.len();
        for (i, w) in s.words.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let begin = text.len();
            text.push_str(w);
            tokens.push(Token {
                span: Span::new(begin, text.len()),
                kind: kind_of(w),
                tag: None,
                head: None,
                rel: None,
            });
        }
        sents.push(Sentence {
            span: Span::new(start, text.len()),
            paragraph,
            tokens: first..tokens.len(),
        });
        text.push_str("\n\n");
    }
    let mut doc = Document::new("eval", Meta::default(), text);
    doc.tokens = tokens;
    doc.sentences = sents;
    claimtrace::tag::tag_document(&mut doc, &models.tagger);
    claimtrace::tag::parse_document(
        &mut doc,
        &claimtrace::tag::parser::Parser::new(&models.parser),
    );
    claimtrace::entities::entities_with(&mut doc, &models.ner, &GAZETTEER);

    let mut labels = vec!["O".to_string(); doc.tokens.len()];
    for m in &doc.mentions {
        let kind = match m.kind {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Gpe | EntityKind::Loc | EntityKind::Fac => "PLACE",
            _ => continue,
        };
        for i in m.tokens.clone() {
            labels[i] = format!("{}-{kind}", if i == m.tokens.start { "B" } else { "I" });
        }
    }
    doc.sentences
        .iter()
        .map(|s| {
            let range = s.tokens.clone();
            TreeSentence {
                words: range.clone().map(|i| doc.token_text(i).to_string()).collect(),
                upos: range
                    .clone()
                    .map(|i| doc.tokens[i].tag.map_or("X", Upos::as_str).to_string())
                    .collect(),
                heads: range.clone().map(|i| doc.tokens[i].head.map(|h| h - range.start)).collect(),
                rels: range
                    .clone()
                    .map(|i| doc.tokens[i].rel.map_or("dep", Rel::as_str).to_string())
                    .collect(),
                entities: Vec::new(),
                ner: labels[range].to_vec(),
            }
        })
        .collect()
}

fn kind_of(word: &str) -> TokenKind {
    let c = word.chars().next().unwrap_or(' ');
    if matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'') && word.chars().count() == 1 {
        TokenKind::Quote
    } else if c.is_ascii_digit() {
        TokenKind::Number
    } else if word.chars().any(char::is_alphanumeric) {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

fn report_syntax(gold: &[TreeSentence], pred: &[TreeSentence]) {
    let (mut n, mut pos, mut uas, mut las) = (0usize, 0usize, 0usize, 0usize);
    for (g, p) in gold.iter().zip(pred) {
        for i in 0..g.words.len() {
            n += 1;
            pos += usize::from(g.upos[i] == p.upos[i]);
            if g.heads[i] == p.heads[i] {
                uas += 1;
                las += usize::from(g.rels[i] == p.rels[i]);
            }
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / n.max(1) as f64;
    println!("  UPOS accuracy {:.2}  UAS {:.2}  LAS {:.2}", pct(pos), pct(uas), pct(las));
}

/// Entity spans of a BIO sequence: (start, end, type).
fn bio_spans(labels: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        if let Some((_, kind)) = labels[i].split_once('-') {
            let mut j = i + 1;
            while j < labels.len() && labels[j] == format!("I-{kind}") {
                j += 1;
            }
            out.push((i, j, kind.to_string()));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn report_ner(gold: &[TreeSentence], pred: &[TreeSentence]) {
    let mut line = String::from("  NER F1");
    for kind in ["PERSON", "ORG", "PLACE", "ALL"] {
        let (mut tp, mut ng, mut np) = (0, 0, 0);
        for (g, p) in gold.iter().zip(pred) {
            let keep = |s: &(usize, usize, String)| kind == "ALL" || s.2 == kind;
            let gs: Vec<_> = bio_spans(&g.ner).into_iter().filter(keep).collect();
            let ps: Vec<_> = bio_spans(&p.ner).into_iter().filter(keep).collect();
            tp += ps.iter().filter(|s| gs.contains(s)).count();
            ng += gs.len();
            np += ps.len();
        }
        let pr = tp as f64 / np.max(1) as f64;
        let rc = tp as f64 / ng.max(1) as f64;
        let f1 = if pr + rc > 0.0 { 2.0 * pr * rc / (pr + rc) } else { 0.0 };
        let _ =
            write!(line, "  {kind} {:.1} (p {:.1} r {:.1})", 100.0 * f1, 100.0 * pr, 100.0 * rc);
    }
    println!("{line}");
}

fn write_tsv(path: &Path, sentences: &[TreeSentence]) -> anyhow::Result<()> {
    let mut out = String::new();
    for s in sentences {
        for i in 0..s.words.len() {
            let head = s.heads.get(i).copied().flatten().map_or(0, |h| h + 1);
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                s.words[i],
                s.upos.get(i).map_or("_", String::as_str),
                head,
                s.rels.get(i).map_or("_", String::as_str),
                s.ner.get(i).map_or("O", String::as_str),
            );
        }
        out.push('\n');
    }
    std::fs::write(path, out)?;
    Ok(())
}
