//! Scores the claims stage's attribution (quotes and claims with their
//! sources) against two corpora, and prints the figures:
//!
//! ```text
//! cargo run --release -p claimtrace --example eval_attribution -- \
//!     --data /work/shared/data [-v]
//! ```
//!
//! `-v` also prints every miss, false positive, wrong source and SLINK of
//! the train and dev splits, for error analysis; the test splits' only with
//! `--show-test` as well (they are for reporting, not tuning).
//!
//! # GUM: attribution relations (news and interview documents)
//!
//! Each document's plain text is rebuilt from the conllu: sentence texts
//! from `# text =`, joined by a space, paragraphs (`# newpar`) by a blank
//! line; every gold word gets its character span by finding its form in the
//! sentence text. The document then runs through `Pipeline::standard()`
//! (the headline is the first paragraph, as in the source article) and
//! everything is aligned by character offsets.
//!
//! `Discourse=rel:U->H:depth:signals` on a word opens discourse unit `U`
//! (it runs until the next unit opens), attached to head unit `H` with
//! relation `rel`; further `;`-separated entries on the same word are
//! secondary edges and are not read. An `attribution-positive` / `attribution-negative`
//! relation `A->C` attaches the attributing unit `A` (source and cue: "said
//! Bolden to the gathered crowd", "I believe", a photo credit "NASA .") to
//! the attributed content unit `C`. The gold items are:
//!
//! * content: the words of `C` and of the units below it in the discourse
//!   tree (`same-unit` continuations, lists, elaborations), never passing
//!   through `A` or another attribution unit hanging off `C`, kept to `C`'s
//!   sentence (a second row keeps them to `C`'s paragraph instead, for
//!   quotations over several sentences). A content with several attributing
//!   units (a speaker and a photo credit) is one gold item; when `C` is
//!   itself an attributing unit ("According to ABC News, [Basya believes]
//!   [that ...]"), its own content is added;
//! * source: the subject (`nsubj*`, or an `obl:agent`) of `A`'s root word
//!   with its subtree inside `A`, or all of `A` when it has none ("according
//!   to NASA", credits); plus every mention of the same GUM coreference
//!   entity, so "he" / "I" may be answered by the name it stands for.
//!
//! The predicted items are the quotes and the attributed claims (a chain or
//! a cue; the article's own unattributed claims are left out but their
//! recall is printed as a ceiling). A claim that matches a quote (token
//! F1 of 0.5 or more) is merged into it, pooling their sources. A
//! paragraph that ends in a photo credit ("Formica fusca, from file. Image: Mathias
//! Krumbholz.") is a caption, which the text reader moves to `removed` with
//! the credit's source (`read::find_credit`): its caption is one more
//! predicted item, credited to that source, and nothing else is predicted
//! inside it. GUM annotates such credits as attributions; a row gives them
//! alone.
//!
//! Matching: spans become sets of gold word positions (a word belongs to a
//! predicted span when their characters overlap), punctuation and a/an/the
//! dropped, as the project's scorer drops them. A predicted item matches a
//! gold content when the token-overlap F1 of the two sets is >= 0.5, one to
//! one, best overlaps first. "touched" recall counts gold contents that
//! share any word with a prediction (boundary errors versus misses). A
//! matched item's source is correct when the span of its quote source or
//! of any source in its claim's chain overlaps the gold source's characters
//! or a coreferent mention (a source without a span: token F1 >= 0.5 with
//! the gold source text). End-to-end figures count a match as correct only
//! with a correct source. Recall is also split by the cue of `A` (its root
//! word's lemma): speech (say, tell, according to ...), cognition (think,
//! believe, know ...) and other (credits, nouns, rarer verbs).
//!
//! Reported on the test split (`gum/splits.md`) and, as a larger sample, on
//! train + dev; only news and interview documents.
//!
//! # MEANTIME: reported speech (SLINK) and factuality
//!
//! Each CAT file's tokens are detokenized into one paragraph per sentence
//! (the title is the first; `` and '' become `"`), with the document creation time as the
//! publication date. For every SLINK the target event's characters are
//! looked up in the predicted claims and quotes: a claim contains the event
//! when its content span covers it (the smallest such claim is taken). The
//! confusion tables cross the target event's factuality (certainty and
//! polarity; then time) with the status of that claim, or "quote" when only
//! a quote holds it, or "none". Reported-speech recall is the share of
//! SLINK targets inside some claim or quote content span (any claim; then
//! attributed ones only); cue agreement is the share whose SLINK source
//! event (the reporting verb) is the cue of the claim or quote found.
//! Reported on the test corpus (`corpus_stock`) and on the dev corpora
//! (airbus, apple, gm).

// Evaluation tooling over the corpora's own offsets: a bad offset is a bug
// here, and a panic is the right answer (the engine itself never slices).
#![allow(clippy::string_slice)]

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use claimtrace::doc::{Document, Meta, Source, SourceKind, Span, Stamp, Status};
use claimtrace::Pipeline;
use regex::Regex;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1));
    let data = PathBuf::from(value("--data").map_or("/work/shared/data", String::as_str));
    let verbose = args.iter().any(|a| a == "-v");
    // The test splits are for reporting: their misses are printed only
    // when asked, so that tuning reads the train and dev splits alone.
    let verbose_test = verbose && args.iter().any(|a| a == "--show-test");
    let pipeline = Pipeline::standard();

    // ## GUM
    let splits = read_splits(&data.join("gum/splits.md"))?;
    let wanted =
        |name: &&String| name.starts_with("GUM_news_") || name.starts_with("GUM_interview_");
    let test: Vec<&String> = splits.get("test").into_iter().flatten().filter(wanted).collect();
    let train_dev: Vec<&String> = ["train", "dev"]
        .iter()
        .flat_map(|s| splits.get(*s).into_iter().flatten())
        .filter(wanted)
        .collect();
    for (label, names, verbose) in [("test", test, verbose_test), ("train+dev", train_dev, verbose)]
    {
        let mut score = GumScore::default();
        for name in names {
            let path = data.join("gum/dep").join(format!("{name}.conllu"));
            let Ok(conllu) = std::fs::read_to_string(&path) else { continue };
            let gum = parse_gum(name, &conllu);
            let mut doc = Document::new(name.as_str(), gum.meta.clone(), gum.text.clone());
            pipeline.run(&mut doc);
            score_gum(&gum, &doc, &mut score, verbose);
        }
        score.report(label);
    }

    // ## MEANTIME
    let root = data.join("meantime/intra-doc_annotation");
    for (label, corpora, verbose) in [
        ("test (stock)", vec!["corpus_stock"], verbose_test),
        ("dev (airbus, apple, gm)", vec!["corpus_airbus", "corpus_apple", "corpus_gm"], verbose),
    ] {
        let mut score = SlinkScore::default();
        for corpus in corpora {
            let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(corpus))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "xml"))
                .collect();
            paths.sort();
            for path in paths {
                let xml = std::fs::read_to_string(&path)?;
                let cat = parse_cat(&xml);
                let meta = Meta { published: cat.dct.map(Stamp::Date), ..Meta::default() };
                let mut doc = Document::new(path.display().to_string(), meta, cat.text.clone());
                pipeline.run(&mut doc);
                score_slinks(&cat, &doc, &mut score, verbose);
            }
        }
        score.report(label);
    }
    Ok(())
}

/// The document lists of `splits.md`, by split.
fn read_splits(path: &Path) -> anyhow::Result<HashMap<String, Vec<String>>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let mut current = String::new();
    for line in std::fs::read_to_string(path)?.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            current = name.trim().to_string();
        } else if let Some(doc) = line.trim().strip_prefix("* ") {
            out.entry(current.clone()).or_default().push(doc.trim().to_string());
        }
    }
    Ok(out)
}

// # GUM

struct Word {
    form: String,
    lemma: String,
    upos: String,
    rel: String,
    /// Document-wide index of the head word; `None` for a root.
    head: Option<usize>,
    span: Span,
    sentence: usize,
    paragraph: usize,
}

struct Unit {
    rel: String,
    head: Option<u32>,
    words: Vec<usize>,
}

struct GumDoc {
    text: String,
    meta: Meta,
    words: Vec<Word>,
    units: BTreeMap<u32, Unit>,
    /// Coreference mentions: entity id, first and last word.
    mentions: Vec<(String, usize, usize)>,
}

fn parse_gum(name: &str, conllu: &str) -> GumDoc {
    let unit_re = Regex::new(r"^([^:]+):(\d+)(?:->(\d+))?").unwrap();
    let mut text = String::new();
    let mut words: Vec<Word> = Vec::new();
    let mut units: BTreeMap<u32, Unit> = BTreeMap::new();
    let mut mentions = Vec::new();
    let mut open: HashMap<String, Vec<usize>> = HashMap::new();
    let mut current_unit: Option<u32> = None;
    let mut meta = Meta::default();
    let (mut newpar, mut sent_text, mut sent_base, mut cursor) = (false, String::new(), 0, 0);
    let (mut sentence, mut first_word, mut in_sentence) = (0usize, 0usize, false);
    let mut paragraph = 0usize;
    for line in conllu.lines() {
        if line.is_empty() {
            in_sentence = false;
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if comment == "newpar" || comment.starts_with("newpar ") {
                newpar = true;
            } else if let Some(t) = comment.strip_prefix("text = ") {
                sent_text = t.to_string();
            } else if let Some(d) = comment.strip_prefix("meta::dateCreated = ") {
                meta.published =
                    chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok().map(Stamp::Date);
            } else if let Some(t) = comment.strip_prefix("meta::title = ") {
                meta.title = Some(t.to_string());
            }
            continue;
        }
        if !in_sentence {
            in_sentence = true;
            if !text.is_empty() {
                text.push_str(if newpar { "\n\n" } else { " " });
            }
            paragraph += usize::from(newpar);
            newpar = false;
            sent_base = text.len();
            text.push_str(&sent_text);
            cursor = 0;
            first_word = words.len();
            sentence += 1;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let form = cols[1];
        // The form's place in the sentence text, from where the last one ended.
        let rest = &sent_text[cursor..];
        let skip = rest.len() - rest.trim_start().len();
        let at = if rest[skip..].starts_with(form) {
            Some(cursor + skip)
        } else {
            rest.find(form).map(|i| cursor + i)
        };
        let span = match at {
            Some(a) => {
                cursor = a + form.len();
                Span::new(sent_base + a, sent_base + cursor)
            }
            None => Span::new(sent_base + cursor, sent_base + cursor),
        };
        let head: usize = cols[6].parse().unwrap_or(0);
        let idx = words.len();
        words.push(Word {
            form: form.to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            rel: cols[7].to_string(),
            head: (head > 0).then(|| first_word + head - 1),
            span,
            sentence,
            paragraph,
        });
        for field in cols[9].split('|') {
            if let Some(d) = field.strip_prefix("Discourse=") {
                // The first entry opens the unit; later ones are secondary
                // edges from it.
                if let Some(c) = d.split(';').next().and_then(|p| unit_re.captures(p)) {
                    let id: u32 = c[2].parse().unwrap();
                    let head = c.get(3).and_then(|h| h.as_str().parse().ok());
                    units.insert(id, Unit { rel: c[1].to_string(), head, words: Vec::new() });
                    current_unit = Some(id);
                }
            } else if let Some(e) = field.strip_prefix("Entity=") {
                parse_entity(e, idx, &mut open, &mut mentions);
            }
        }
        if let Some(u) = current_unit.and_then(|u| units.get_mut(&u)) {
            u.words.push(idx);
        }
    }
    let _ = name;
    GumDoc { text, meta, words, units, mentions }
}

/// Reads one `Entity=` value: `(id-type-...` opens a mention, `id)` closes
/// one, `(id-...)` is a one-word mention.
fn parse_entity(
    value: &str,
    word: usize,
    open: &mut HashMap<String, Vec<usize>>,
    mentions: &mut Vec<(String, usize, usize)>,
) {
    let b = value.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'(' {
            let j = (i + 1..b.len()).find(|&j| b[j] == b'(' || b[j] == b')').unwrap_or(b.len());
            let id = value[i + 1..j].split('-').next().unwrap_or("").to_string();
            if j < b.len() && b[j] == b')' {
                mentions.push((id, word, word));
                i = j + 1;
            } else {
                open.entry(id).or_default().push(word);
                i = j;
            }
        } else {
            let j = (i..b.len()).find(|&j| b[j] == b')').unwrap_or(b.len());
            let id = value[i..j].to_string();
            if let Some(start) = open.get_mut(&id).and_then(Vec::pop) {
                mentions.push((id, start, word));
            }
            i = j + 1;
        }
    }
}

/// One gold attribution: content words, source words and the spans that
/// count as the source.
struct GoldAttribution {
    content: HashSet<usize>,
    content_span: Span,
    attributing: Vec<usize>,
    source_words: Vec<usize>,
    source_spans: Vec<Span>,
    category: &'static str,
    negative: bool,
}

const SPEECH: &[&str] = &[
    "say",
    "tell",
    "add",
    "announce",
    "state",
    "explain",
    "write",
    "report",
    "claim",
    "note",
    "argue",
    "insist",
    "warn",
    "comment",
    "reply",
    "respond",
    "ask",
    "suggest",
    "describe",
    "confirm",
    "deny",
    "admit",
    "declare",
    "quote",
    "accord",
    "testify",
    "predict",
    "reveal",
    "post",
    "tweet",
    "mention",
    "stress",
    "urge",
    "acknowledge",
    "complain",
    "recall",
    "conclude",
    "indicate",
    "estimate",
    "call",
    "promise",
    "allege",
    "assert",
    "answer",
    "emphasize",
    "point",
    "cite",
    "tout",
    "criticize",
    "praise",
    "thank",
    "announcement",
    "statement",
    "interview",
    "publish",
    "show",
    "accuse",
    "maintain",
    "reiterate",
    "agree",
];
const COGNITION: &[&str] = &[
    "think",
    "believe",
    "know",
    "understand",
    "feel",
    "hope",
    "expect",
    "find",
    "realize",
    "realise",
    "fear",
    "wonder",
    "assume",
    "doubt",
    "guess",
    "decide",
    "learn",
    "see",
    "remember",
    "consider",
    "want",
    "worry",
    "suspect",
    "imagine",
    "mean",
    "seem",
    "sure",
    "aware",
    "disappointed",
    "convinced",
    "notice",
    "discover",
    "wish",
    "hear",
    "forget",
    "recognize",
    "agree",
    "certain",
    "glad",
    "happy",
    "concerned",
    "afraid",
    "appear",
];

/// The gold attributions, one per content unit (a content may have several
/// attributing units: "Bolden announces" and the photo credit "NASA Bill
/// Ingalls"; any of their sources counts). `paragraph`: the content may run
/// over the sentences of `C`'s paragraph instead of `C`'s sentence only.
fn gold_attributions(g: &GumDoc, paragraph: bool) -> Vec<GoldAttribution> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for (&id, u) in &g.units {
        if let Some(h) = u.head {
            children.entry(h).or_default().push(id);
        }
    }
    let is_word = |w: &Word| {
        w.upos != "PUNCT" && !matches!(w.form.to_lowercase().as_str(), "a" | "an" | "the")
    };
    let mut out: BTreeMap<u32, GoldAttribution> = BTreeMap::new();
    for (&a_id, a) in &g.units {
        if !a.rel.starts_with("attribution") {
            continue;
        }
        let Some(c_id) = a.head else { continue };
        let Some(c) = g.units.get(&c_id) else { continue };
        let Some(&c_first) = c.words.first() else { continue };
        let (sentence, par) = (g.words[c_first].sentence, g.words[c_first].paragraph);
        let in_scope = |w: usize| {
            if paragraph {
                g.words[w].paragraph == par
            } else {
                g.words[w].sentence == sentence
            }
        };
        // The content: C and the units below it, not through A or another
        // attribution of C.
        let mut stack = vec![c_id];
        // Nested attribution ("According to ABC News, [Basya also believes]
        // [that ...]"): the attributing unit's content is part of it.
        if let Some(h) = c.head.filter(|_| c.rel.starts_with("attribution")) {
            stack.push(h);
        }
        let mut seen = HashSet::new();
        let mut content_words = Vec::new();
        while let Some(u) = stack.pop() {
            if !seen.insert(u) {
                continue;
            }
            content_words.extend(g.units[&u].words.iter().copied().filter(|&w| in_scope(w)));
            for &ch in children.get(&u).into_iter().flatten() {
                if ch == a_id || (u == c_id && g.units[&ch].rel.starts_with("attribution")) {
                    continue;
                }
                stack.push(ch);
            }
        }
        let content: HashSet<usize> =
            content_words.iter().copied().filter(|&w| is_word(&g.words[w])).collect();
        if content.is_empty() {
            continue;
        }
        let content_span = Span::new(
            content_words.iter().map(|&w| g.words[w].span.start()).min().unwrap(),
            content_words.iter().map(|&w| g.words[w].span.end()).max().unwrap(),
        );
        // The source: the subject of A's root word.
        let in_a: HashSet<usize> = a.words.iter().copied().collect();
        let root = a.words.iter().copied().find(|&w| {
            g.words[w].upos != "PUNCT" && g.words[w].head.is_none_or(|h| !in_a.contains(&h))
        });
        let subject = a.words.iter().copied().find(|&w| {
            let r = &g.words[w].rel;
            (r.starts_with("nsubj") || r == "obl:agent") && g.words[w].head == root
        });
        let subject = subject
            .or_else(|| a.words.iter().copied().find(|&w| g.words[w].rel.starts_with("nsubj")));
        let source_words: Vec<usize> = match subject {
            Some(s) => {
                let mut sub: Vec<usize> =
                    a.words.iter().copied().filter(|&w| dominates(g, s, w)).collect();
                sub.sort_unstable();
                sub
            }
            None => a.words.iter().copied().filter(|&w| is_word(&g.words[w])).collect(),
        };
        let mut source_spans: Vec<Span> = source_words.iter().map(|&w| g.words[w].span).collect();
        if let Some(s) = subject {
            // Coreferent mentions of the subject.
            let (lo, hi) = (source_words[0], *source_words.last().unwrap());
            let best = g
                .mentions
                .iter()
                .filter(|(_, f, t)| *f <= s && s <= *t && *f >= lo && *t <= hi)
                .max_by_key(|(_, f, t)| t - f);
            if let Some((entity, _, _)) = best {
                for (e, f, t) in &g.mentions {
                    if e == entity {
                        source_spans
                            .push(Span::new(g.words[*f].span.start(), g.words[*t].span.end()));
                    }
                }
            }
        }
        let lemma = root.map(|r| g.words[r].lemma.to_lowercase()).unwrap_or_default();
        let any_lemma = |list: &[&str]| {
            a.words.iter().any(|&w| list.contains(&g.words[w].lemma.to_lowercase().as_str()))
        };
        let category = if SPEECH.contains(&lemma.as_str()) {
            "speech"
        } else if COGNITION.contains(&lemma.as_str()) {
            "cognition"
        } else if any_lemma(SPEECH) {
            "speech"
        } else if any_lemma(COGNITION) {
            "cognition"
        } else {
            "other"
        };
        if let Some(prev) = out.get_mut(&c_id) {
            prev.attributing.extend(a.words.iter().copied());
            prev.source_words.extend(source_words);
            prev.source_spans.extend(source_spans);
            prev.negative |= a.rel.starts_with("attribution-negative");
            if CATEGORIES.iter().position(|c| *c == category)
                < CATEGORIES.iter().position(|c| *c == prev.category)
            {
                prev.category = category;
            }
            continue;
        }
        out.insert(
            c_id,
            GoldAttribution {
                content,
                content_span,
                attributing: a.words.clone(),
                source_words,
                source_spans,
                category,
                negative: a.rel.starts_with("attribution-negative"),
            },
        );
    }
    out.into_values().collect()
}

const CATEGORIES: &[&str] = &["speech", "cognition", "other"];

/// Whether word `top` is `w` or one of its ancestors.
fn dominates(g: &GumDoc, top: usize, mut w: usize) -> bool {
    for _ in 0..100 {
        if w == top {
            return true;
        }
        match g.words[w].head {
            Some(h) => w = h,
            None => return false,
        }
    }
    false
}

/// A predicted attributed content: a quote, an attributed claim, or both.
struct Predicted {
    span: Span,
    words: HashSet<usize>,
    sources: Vec<Source>,
    cue: Option<Span>,
    what: &'static str,
}

fn words_of(g: &GumDoc, span: Span) -> HashSet<usize> {
    g.words
        .iter()
        .enumerate()
        .filter(|(_, w)| {
            w.span.start() < span.end()
                && w.span.end() > span.start()
                && w.upos != "PUNCT"
                && !matches!(w.form.to_lowercase().as_str(), "a" | "an" | "the")
        })
        .map(|(i, _)| i)
        .collect()
}

fn set_f1(a: &HashSet<usize>, b: &HashSet<usize>) -> f64 {
    let common = a.intersection(b).count();
    if common == 0 {
        return 0.0;
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Greedy one-to-one matching, best overlaps first: `(gold, predicted)`.
fn match_sets(gold: &[&HashSet<usize>], pred: &[&HashSet<usize>]) -> Vec<(usize, usize)> {
    claimtrace::eval::greedy(gold, pred, |g, p| set_f1(g, p), 0.5)
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start() < b.end() && b.start() < a.end()
}

fn lower_words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "a" | "an" | "the"))
        .map(str::to_lowercase)
        .collect()
}

fn source_correct(gold: &GoldAttribution, g: &GumDoc, sources: &[Source]) -> bool {
    let gold_text: String =
        gold.source_words.iter().map(|&w| g.words[w].form.as_str()).collect::<Vec<_>>().join(" ");
    let gw = lower_words(&gold_text);
    sources.iter().any(|s| match s.span {
        Some(span) => gold.source_spans.iter().any(|&gs| overlaps(span, gs)),
        None => {
            let pw = lower_words(&s.text);
            let common = gw.intersection(&pw).count();
            common > 0 && 2.0 * common as f64 / (gw.len() + pw.len()) as f64 >= 0.5
        }
    })
}

#[derive(Default)]
struct Counts {
    gold: usize,
    pred: usize,
    matched: usize,
}

#[derive(Default)]
struct GumScore {
    docs: usize,
    gold: usize,
    negative: usize,
    union: Counts,
    union_paragraph: Counts,
    quotes: Counts,
    claims: Counts,
    credits: Counts,
    touched: usize,
    all_claims_recall: usize,
    source_ok: usize,
    by_category: BTreeMap<&'static str, (usize, usize, usize)>,
}

fn score_gum(g: &GumDoc, doc: &Document, score: &mut GumScore, verbose: bool) {
    let gold = gold_attributions(g, false);
    score.docs += 1;
    score.gold += gold.len();
    score.negative += gold.iter().filter(|a| a.negative).count();
    let gold_sets: Vec<&HashSet<usize>> = gold.iter().map(|a| &a.content).collect();

    let quotes: Vec<Predicted> = doc
        .quotes
        .iter()
        .map(|q| Predicted {
            span: q.span,
            words: words_of(g, q.span),
            sources: q.source.iter().cloned().collect(),
            cue: q.cue,
            what: if q.direct { "quote" } else { "reported" },
        })
        .filter(|p| !p.words.is_empty())
        .collect();
    let attributed = |c: &&claimtrace::doc::Claim| !c.chain.is_empty() || c.cue.is_some();
    let claims: Vec<Predicted> = doc
        .claims
        .iter()
        .filter(attributed)
        .map(|c| Predicted {
            span: c.span,
            words: words_of(g, c.span),
            sources: c.chain.clone(),
            cue: c.cue,
            what: "claim",
        })
        .filter(|p| !p.words.is_empty())
        .collect();
    // Photo captions with a credit ("Formica fusca, from file. Image:
    // Mathias Krumbholz."): the reader takes such a paragraph out of the
    // body into `removed`, with the credit's source; here the caption is
    // the credited content, and nothing else is predicted in it.
    let mut credits = Vec::new();
    for span in doc.paragraphs.iter().map(|p| p.span) {
        let Some(credit) = claimtrace::read::find_credit(doc.slice(span)) else { continue };
        let from = span.start() + credit.caption_start;
        let caption = Span::new(from, from + credit.caption.len());
        let source =
            Source { text: credit.source.to_string(), span: None, kind: SourceKind::Named };
        let words = words_of(g, caption);
        credits.push((
            span,
            Predicted { span: caption, words, sources: vec![source], cue: None, what: "credit" },
        ));
    }
    let removed = |p: &Predicted| credits.iter().any(|(span, _)| span.contains(p.span));
    let quotes: Vec<Predicted> = quotes.into_iter().filter(|p| !removed(p)).collect();
    let claims: Vec<Predicted> = claims.into_iter().filter(|p| !removed(p)).collect();
    let credits: Vec<Predicted> =
        credits.into_iter().map(|(_, p)| p).filter(|p| !p.words.is_empty()).collect();
    // Separate scores for quotes and claims.
    for (preds, counts) in
        [(&quotes, &mut score.quotes), (&claims, &mut score.claims), (&credits, &mut score.credits)]
    {
        let sets: Vec<&HashSet<usize>> = preds.iter().map(|p| &p.words).collect();
        counts.gold += gold.len();
        counts.pred += preds.len();
        counts.matched += match_sets(&gold_sets, &sets).len();
    }
    // Recall of every claim, the article's own voice included.
    let all: Vec<HashSet<usize>> = doc.claims.iter().map(|c| words_of(g, c.span)).collect();
    let all_refs: Vec<&HashSet<usize>> = all.iter().collect();
    score.all_claims_recall += match_sets(&gold_sets, &all_refs).len();

    // The union: claims merged into the quotes they match, and credits.
    let mut union = quotes;
    union.extend(credits);
    for c in claims {
        match union.iter_mut().find(|q| set_f1(&q.words, &c.words) >= 0.5) {
            Some(q) => q.sources.extend(c.sources),
            None => union.push(c),
        }
    }
    let sets: Vec<&HashSet<usize>> = union.iter().map(|p| &p.words).collect();
    let matches = match_sets(&gold_sets, &sets);
    score.union.gold += gold.len();
    score.union.pred += union.len();
    score.union.matched += matches.len();
    let wide = gold_attributions(g, true);
    let wide_sets: Vec<&HashSet<usize>> = wide.iter().map(|a| &a.content).collect();
    score.union_paragraph.matched += match_sets(&wide_sets, &sets).len();
    score.union_paragraph.pred += union.len();
    score.union_paragraph.gold += wide.len();
    score.touched += gold
        .iter()
        .filter(|a| union.iter().any(|p| p.words.intersection(&a.content).next().is_some()))
        .count();
    let mut matched_g = vec![false; gold.len()];
    let mut matched_p = vec![false; union.len()];
    for a in &gold {
        score.by_category.entry(a.category).or_default().0 += 1;
    }
    let words_text =
        |ws: &[usize]| ws.iter().map(|&w| g.words[w].form.as_str()).collect::<Vec<_>>().join(" ");
    for &(gi, pi) in &matches {
        matched_g[gi] = true;
        matched_p[pi] = true;
        let a = &gold[gi];
        let ok = source_correct(a, g, &union[pi].sources);
        let entry = score.by_category.entry(a.category).or_default();
        entry.1 += 1;
        if ok {
            score.source_ok += 1;
            entry.2 += 1;
        } else if verbose {
            let sources: Vec<&str> = union[pi].sources.iter().map(|s| s.text.as_str()).collect();
            println!(
                "GUM SOURCE {}: gold {:?} (in {:?}) got {:?}\n    content {:?}",
                doc.source,
                words_text(&a.source_words),
                words_text(&a.attributing),
                sources,
                doc.slice(union[pi].span)
            );
        }
    }
    if verbose {
        for (a, _) in gold.iter().zip(&matched_g).filter(|(_, m)| !**m) {
            let mut best: Option<(f64, &Predicted)> = None;
            for p in &union {
                let f = set_f1(&a.content, &p.words);
                if f > 0.0 && best.is_none_or(|(b, _)| f > b) {
                    best = Some((f, p));
                }
            }
            let near = best.map_or(String::new(), |(f, p)| {
                format!("\n    nearest ({f:.2}, {}) {:?}", p.what, doc.slice(p.span))
            });
            println!(
                "GUM MISS {} [{}{}] {:?} <- {:?}{near}",
                doc.source,
                a.category,
                if a.negative { ", negative" } else { "" },
                doc.slice(a.content_span),
                words_text(&a.attributing),
            );
        }
        for (p, _) in union.iter().zip(&matched_p).filter(|(_, m)| !**m) {
            let sources: Vec<&str> = p.sources.iter().map(|s| s.text.as_str()).collect();
            println!(
                "GUM EXTRA {} [{}] {:?} cue {:?} sources {:?}",
                doc.source,
                p.what,
                doc.slice(p.span),
                p.cue.map(|c| doc.slice(c)),
                sources
            );
        }
    }
}

fn prf(tp: usize, pred: usize, gold: usize) -> String {
    let p = tp as f64 / pred.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    format!("P {p:.3}  R {r:.3}  F1 {f:.3}  ({tp} matched, {pred} predicted, {gold} gold)")
}

impl GumScore {
    fn report(&self, label: &str) {
        println!(
            "GUM {label}, news + interview: {} documents, {} gold attributions ({} negative)",
            self.docs, self.gold, self.negative
        );
        println!(
            "  content, quotes + claims + credits    {}",
            prf(self.union.matched, self.union.pred, self.union.gold)
        );
        println!(
            "  content, paragraph-wide gold scope    {}",
            prf(self.union_paragraph.matched, self.union_paragraph.pred, self.union_paragraph.gold)
        );
        println!(
            "  content, quotes only                  {}",
            prf(self.quotes.matched, self.quotes.pred, self.quotes.gold)
        );
        println!(
            "  content, attributed claims only       {}",
            prf(self.claims.matched, self.claims.pred, self.claims.gold)
        );
        println!(
            "  content, photo credits only           {}",
            prf(self.credits.matched, self.credits.pred, self.credits.gold)
        );
        println!(
            "  content recall of all claims (own voice included) {:.3}; gold touched by any prediction {:.3}",
            self.all_claims_recall as f64 / self.gold.max(1) as f64,
            self.touched as f64 / self.gold.max(1) as f64
        );
        println!(
            "  source accuracy over matched contents {:.3} ({}/{})",
            self.source_ok as f64 / self.union.matched.max(1) as f64,
            self.source_ok,
            self.union.matched
        );
        println!(
            "  content + source (end to end)         {}",
            prf(self.source_ok, self.union.pred, self.union.gold)
        );
        let mut line = String::from("  recall by cue (matched / source ok / gold):");
        for (cat, (n, m, ok)) in &self.by_category {
            let _ = write!(
                line,
                "  {cat} {:.3} / {:.3} / {n}",
                *m as f64 / (*n).max(1) as f64,
                *ok as f64 / (*n).max(1) as f64
            );
        }
        println!("{line}");
    }
}

// # MEANTIME

struct Event {
    span: Span,
    certainty: String,
    polarity: String,
    time: String,
    pred: String,
}

struct Cat {
    text: String,
    dct: Option<chrono::NaiveDate>,
    events: HashMap<String, Event>,
    /// Source and target markable ids.
    slinks: Vec<(String, String)>,
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Rebuilds running text from CAT tokens: one paragraph per sentence, no
/// space before closing punctuation and clitics or inside quotation marks,
/// treebank quotation marks (`` '') written as `"`.
fn parse_cat(xml: &str) -> Cat {
    let token_re =
        Regex::new(r#"<token [^>]*?sentence="(\d+)" t_id="(\d+)"[^>]*>([^<]*)</token>"#).unwrap();
    let event_re = Regex::new(r"(?s)<EVENT_MENTION\b([^>]*)>(.*?)</EVENT_MENTION>").unwrap();
    let timex_re = Regex::new(r"<TIMEX3\b([^>]*)>").unwrap();
    let attr_re = Regex::new(r#"(\w+)="([^"]*)""#).unwrap();
    let anchor_re = Regex::new(r#"t_id="(\d+)""#).unwrap();
    let slink_re =
        Regex::new(r#"(?s)<SLINK\b[^>]*>\s*<source m_id="(\d+)"\s*/>\s*<target m_id="(\d+)"\s*/>"#)
            .unwrap();

    let mut text = String::new();
    let mut spans: HashMap<String, Span> = HashMap::new();
    let mut last_sentence: Option<String> = None;
    let mut quote_open = false;
    let mut no_space_next = false;
    for c in token_re.captures_iter(xml) {
        let tok = unescape(&c[3]);
        // Treebank quotation marks: `` opens, '' closes.
        let (t, opens) = match tok.as_str() {
            "``" => ("\"", Some(true)),
            "''" => ("\"", Some(false)),
            "\"" => ("\"", Some(!quote_open)),
            t => (t, None),
        };
        let new_sentence = last_sentence.as_deref() != Some(&c[1]);
        if new_sentence && last_sentence.is_some() {
            text.push_str("\n\n");
        } else if !new_sentence {
            let closing_quote = opens == Some(false);
            let attach =
                matches!(t, "," | "." | ";" | ":" | "!" | "?" | "%" | ")" | "]" | "n't" | "'")
                    || (t.starts_with('\'') && t.len() <= 3)
                    || t.starts_with('’')
                    || closing_quote;
            if !attach && !no_space_next {
                text.push(' ');
            }
        }
        no_space_next = matches!(t, "(" | "[" | "$") || opens == Some(true);
        if let Some(o) = opens {
            quote_open = o;
        }
        last_sentence = Some(c[1].to_string());
        let start = text.len();
        text.push_str(t);
        spans.insert(c[2].to_string(), Span::new(start, text.len()));
    }
    let attrs_of = |s: &str| -> HashMap<String, String> {
        attr_re.captures_iter(s).map(|a| (a[1].to_string(), a[2].to_string())).collect()
    };
    let mut events = HashMap::new();
    for c in event_re.captures_iter(xml) {
        let attrs = attrs_of(&c[1]);
        let toks: Vec<Span> =
            anchor_re.captures_iter(&c[2]).filter_map(|a| spans.get(&a[1]).copied()).collect();
        if toks.is_empty() {
            continue;
        }
        let span = Span::new(
            toks.iter().map(|s| s.start()).min().unwrap(),
            toks.iter().map(|s| s.end()).max().unwrap(),
        );
        let get = |k: &str| attrs.get(k).cloned().unwrap_or_default();
        events.insert(
            get("m_id"),
            Event {
                span,
                certainty: get("certainty"),
                polarity: get("polarity"),
                time: get("time"),
                pred: get("pred"),
            },
        );
    }
    let mut dct = None;
    for c in timex_re.captures_iter(xml) {
        let attrs = attrs_of(&c[1]);
        if attrs.get("functionInDocument").map(String::as_str) == Some("CREATION_TIME") {
            let v = attrs.get("value").cloned().unwrap_or_default();
            dct = chrono::NaiveDate::parse_from_str(&v[..v.len().min(10)], "%Y-%m-%d").ok();
        }
    }
    let slinks =
        slink_re.captures_iter(xml).map(|c| (c[1].to_string(), c[2].to_string())).collect();
    Cat { text, dct, events, slinks }
}

const COLUMNS: &[&str] =
    &["disputed", "confirmed", "unverified", "hedged", "reported", "asserted", "quote", "none"];

#[derive(Default)]
struct SlinkScore {
    docs: usize,
    slinks: usize,
    skipped: usize,
    in_any: usize,
    in_attributed: usize,
    cue_agrees: usize,
    by_factuality: BTreeMap<String, BTreeMap<&'static str, usize>>,
    by_time: BTreeMap<String, BTreeMap<&'static str, usize>>,
}

fn status_column(s: Status) -> &'static str {
    s.as_str()
}

fn score_slinks(cat: &Cat, doc: &Document, score: &mut SlinkScore, verbose: bool) {
    score.docs += 1;
    for (src, tgt) in &cat.slinks {
        let Some(target) = cat.events.get(tgt) else {
            score.skipped += 1;
            continue;
        };
        score.slinks += 1;
        let cue = cat.events.get(src).map(|e| e.span);
        let inside = |s: Span| s.start() <= target.span.start() && target.span.end() <= s.end();
        let claim = doc
            .claims
            .iter()
            .filter(|c| inside(c.span))
            .min_by_key(|c| c.span.end() - c.span.start());
        let quote = doc
            .quotes
            .iter()
            .filter(|q| inside(q.span))
            .min_by_key(|q| q.span.end() - q.span.start());
        let attributed_claim =
            doc.claims.iter().any(|c| inside(c.span) && (!c.chain.is_empty() || c.cue.is_some()));
        let column = match (claim, quote) {
            (Some(c), _) => status_column(c.status),
            (None, Some(_)) => "quote",
            (None, None) => "none",
        };
        if claim.is_some() || quote.is_some() {
            score.in_any += 1;
        }
        if attributed_claim || quote.is_some() {
            score.in_attributed += 1;
        }
        let cue_of = claim.and_then(|c| c.cue).or(quote.and_then(|q| q.cue));
        if let (Some(a), Some(b)) = (cue, cue_of) {
            if overlaps(a, b) {
                score.cue_agrees += 1;
            }
        }
        let dash = |s: &str| if s.is_empty() { "-".to_string() } else { s.to_string() };
        let key = format!("{}/{}", dash(&target.certainty), dash(&target.polarity));
        *score.by_factuality.entry(key.clone()).or_default().entry(column).or_default() += 1;
        *score.by_time.entry(dash(&target.time)).or_default().entry(column).or_default() += 1;
        if verbose {
            let sentence = doc.sentences.iter().find(|s| {
                s.span.start() <= target.span.start() && target.span.end() <= s.span.end()
            });
            let source_pred = cat.events.get(src).map_or("?", |e| e.pred.as_str());
            let content = claim.map(|c| c.span).or(quote.map(|q| q.span));
            println!(
                "SLINK {} {} -> {:?} [{key}, {}] => {column}{}\n    {:?}",
                Path::new(&doc.source).file_name().map_or(String::new(), |f| f
                    .to_string_lossy()
                    .chars()
                    .take(40)
                    .collect()),
                source_pred,
                doc.slice(target.span),
                dash(&target.time),
                content.map_or(String::new(), |s| format!(" {:?}", doc.slice(s))),
                sentence.map_or("", |s| doc.slice(s.span)),
            );
        }
    }
}

impl SlinkScore {
    fn report(&self, label: &str) {
        println!(
            "MEANTIME {label}: {} documents, {} SLINKs ({} with no target event skipped)",
            self.docs, self.slinks, self.skipped
        );
        let share = |n: usize| n as f64 / self.slinks.max(1) as f64;
        println!(
            "  reported-speech recall: target inside a claim or quote {:.3} ({}/{}); inside an attributed claim or quote {:.3} ({}); reporting verb is the cue {:.3} ({})",
            share(self.in_any),
            self.in_any,
            self.slinks,
            share(self.in_attributed),
            self.in_attributed,
            share(self.cue_agrees),
            self.cue_agrees
        );
        for (title, table) in [("certainty/polarity", &self.by_factuality), ("time", &self.by_time)]
        {
            let mut head = format!("  {title:<30}");
            for c in COLUMNS {
                let _ = write!(head, "{c:>11}");
            }
            println!("{head}");
            for (row, cells) in table {
                let mut line = format!("  {row:<30}");
                for c in COLUMNS {
                    let _ = write!(line, "{:>11}", cells.get(c).copied().unwrap_or(0));
                }
                println!("{line}");
            }
        }
    }
}
