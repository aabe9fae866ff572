//! A reader for CoNLL-U treebanks (the GUM trees) and IOB2 files (Universal
//! NER), the training and evaluation data of the language layer.
//!
//! Only the fields the models use are kept: words, UPOS, heads, base
//! relations, and entity spans from GUM's `Entity=` MISC annotation. Multi-
//! word token lines and empty nodes are skipped.

/// One sentence of a treebank.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TreeSentence {
    pub words: Vec<String>,
    pub upos: Vec<String>,
    /// Head of each word, 0-based; `None` for the root.
    pub heads: Vec<Option<usize>>,
    /// Base relation of each word (subtypes such as `:pass` stripped).
    pub rels: Vec<String>,
    /// Entity spans: word range and GUM entity type.
    pub entities: Vec<(std::ops::Range<usize>, String)>,
    /// Named-entity label per word (BIO: `B-PERSON`, `I-ORG`, `O`), filled
    /// by [`named_labels`] or read from IOB2.
    pub ner: Vec<String>,
}

/// The document names listed under `## {section}` in a splits file
/// (`gum/splits.md`): lines `* NAME` after the heading.
pub fn split_names(splits: &str, section: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut inside = false;
    for line in splits.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            inside = heading.trim() == section;
        } else if inside {
            if let Some(name) = line.trim().strip_prefix("* ") {
                names.push(name.trim().to_string());
            }
        }
    }
    names
}

/// Parses CoNLL-U text into sentences.
pub fn parse_conllu(text: &str) -> Vec<TreeSentence> {
    let mut out = Vec::new();
    let mut sentence = TreeSentence::default();
    // Open entity spans: (id, start word, type).
    let mut open: Vec<(String, usize, String)> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !sentence.words.is_empty() {
                out.push(std::mem::take(&mut sentence));
            }
            open.clear();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let idx = sentence.words.len();
        sentence.words.push(cols[1].to_string());
        sentence.upos.push(cols[3].to_string());
        let head: usize = cols[6].parse().unwrap_or(0);
        sentence.heads.push(head.checked_sub(1));
        sentence.rels.push(cols[7].split(':').next().unwrap_or("dep").to_string());
        for field in cols[9].split('|') {
            if let Some(value) = field.strip_prefix("Entity=") {
                read_entity_field(value, idx, &mut open, &mut sentence.entities);
            }
        }
    }
    out
}

/// Reads one `Entity=` value: `(id-type-...` opens, `id)` closes, and
/// `(id-type-...)` is a one-word span.
fn read_entity_field(
    value: &str,
    idx: usize,
    open: &mut Vec<(String, usize, String)>,
    spans: &mut Vec<(std::ops::Range<usize>, String)>,
) {
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'(' {
            let rest = crate::chars::after(value, i + 1);
            let end = rest.find(['(', ')']).unwrap_or(rest.len());
            let body = crate::chars::before(rest, end);
            let mut parts = body.split('-');
            let id = parts.next().unwrap_or("").to_string();
            let kind = parts.next().unwrap_or("").to_string();
            if crate::chars::after(rest, end).starts_with(')') {
                spans.push((idx..idx + 1, kind));
                i += 1 + end + 1;
            } else {
                open.push((id, idx, kind));
                i += 1 + end;
            }
        } else {
            let rest = crate::chars::after(value, i);
            let end = rest.find(')').unwrap_or(rest.len());
            let id = crate::chars::before(rest, end);
            if let Some(pos) = open.iter().rposition(|(oid, _, _)| oid == id) {
                let (_, start, kind) = open.remove(pos);
                spans.push((start..idx + 1, kind));
            }
            i += end + 1;
        }
    }
}

/// Parses an IOB2 file (Universal NER): one word per line with its label
/// in the third column; `PER` becomes `PERSON` and `LOC` becomes `PLACE`.
pub fn parse_iob2(text: &str) -> Vec<TreeSentence> {
    let mut out = Vec::new();
    let mut sentence = TreeSentence::default();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !sentence.words.is_empty() {
                out.push(std::mem::take(&mut sentence));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        sentence.words.push(cols[1].to_string());
        let label = match cols[2].split_once('-') {
            Some((bio, kind)) => format!("{bio}-{}", ner_kind(kind).unwrap_or("ORG")),
            None => "O".to_string(),
        };
        sentence.ner.push(label);
    }
    out
}

fn ner_kind(kind: &str) -> Option<&'static str> {
    match kind {
        "PER" | "person" | "Person" => Some("PERSON"),
        "ORG" | "organization" | "Organisation" | "corporation" => Some("ORG"),
        "LOC" | "place" | "Location" | "location" => Some("PLACE"),
        _ => None,
    }
}

/// Reads CoNLL named-entity files of `word TAG` lines (space or tab
/// separated; blank lines end sentences; `-DOCSTART-` lines skipped), in
/// IOB1 (wikigold) or IOB2 (Broad Twitter Corpus, WNUT 2017, re3d). Types
/// map to the recognizer's PERSON, ORG and PLACE (PER/Person/person,
/// ORG/Organisation/corporation, LOC/Location/location); every other type
/// (MISC, Nationality, Weapon, ...) is `O`. Labels come out as IOB2.
pub fn parse_conll_ner(text: &str) -> Vec<TreeSentence> {
    let mut out = Vec::new();
    let mut sentence = TreeSentence::default();
    let mut prev = String::from("O");
    for line in text.lines().chain(std::iter::once("")) {
        let line = line.trim_end();
        if line.is_empty() {
            if !sentence.words.is_empty() {
                out.push(std::mem::take(&mut sentence));
            }
            prev = "O".to_string();
            continue;
        }
        let Some((word, tag)) = line.rsplit_once(['\t', ' ']) else { continue };
        if word.starts_with("-DOCSTART-") || word.is_empty() {
            continue;
        }
        let label = match tag.split_once('-').and_then(|(bio, k)| Some((bio, ner_kind(k)?))) {
            Some((bio, kind)) => {
                // IOB1: an I- that starts an entity is its B-.
                let continues =
                    bio == "I" && prev.strip_prefix("B-").or(prev.strip_prefix("I-")) == Some(kind);
                format!("{}-{kind}", if continues { "I" } else { "B" })
            }
            None => "O".to_string(),
        };
        sentence.words.push(word.trim().to_string());
        prev = label.clone();
        sentence.ner.push(label);
    }
    out
}

/// Whether sentence `index` of a corpus is in its held-out fifth (every
/// fifth sentence): what `examples/train.rs` leaves out and
/// `examples/eval_lang.rs` scores.
pub fn is_heldout(index: usize) -> bool {
    index % 5 == 4
}

/// Fills `ner` from the GUM entity spans: a span of type person,
/// organization or place is named when its head word is a proper noun; the
/// label covers the run of proper nouns around the head (with `of`, `the`
/// and `and` inside a run, as in "Bank of America"). Outer spans win.
/// Nationality words ("Americans") are left out, being NORP rather than
/// persons in the record's vocabulary.
pub fn named_labels(sentence: &mut TreeSentence, is_demonym: &dyn Fn(&str) -> bool) {
    let n = sentence.words.len();
    let mut labels = vec!["O".to_string(); n];
    let mut spans: Vec<_> =
        sentence.entities.iter().filter_map(|(r, k)| ner_kind(k).map(|k| (r.clone(), k))).collect();
    spans.sort_by_key(|(r, _)| (std::cmp::Reverse(r.len()), r.start));
    for (range, kind) in spans {
        let Some(head) =
            range.clone().find(|&i| sentence.heads[i].is_none_or(|h| !range.contains(&h)))
        else {
            continue;
        };
        // Capitalised adjectives, nouns and participles inside a name
        // count too: GUM tags "New" in "New York" ADJ and "United" in
        // "United States" VERB.
        let is_prop = |i: usize| {
            sentence.upos[i] == "PROPN"
                || (matches!(sentence.upos[i].as_str(), "ADJ" | "NOUN" | "NUM" | "VERB")
                    && sentence.words[i].chars().next().is_some_and(char::is_uppercase)
                    && i > 0)
        };
        let is_propn = |i: usize| sentence.upos[i] == "PROPN";
        let mut head = head;
        if !is_propn(head) {
            // "the spokesman Dmitry Peskov": a name in apposition to, or
            // flat under, a common-noun head at the end of the span.
            let mut i = range.end;
            while i > range.start && is_propn(i - 1) {
                i -= 1;
            }
            let run = i..range.end;
            let Some(run_head) =
                run.clone().find(|&j| sentence.heads[j].is_none_or(|h| !run.contains(&h)))
            else {
                continue;
            };
            if sentence.heads[run_head] != Some(head)
                || !matches!(sentence.rels[run_head].as_str(), "flat" | "appos" | "compound")
            {
                continue;
            }
            head = run_head;
        }
        let is_glue =
            |i: usize| matches!(sentence.words[i].as_str(), "of" | "the" | "and" | "&" | "de");
        let mut start = head;
        while start > range.start
            && (is_prop(start - 1)
                || (start >= range.start + 2 && is_glue(start - 1) && is_prop(start - 2)))
        {
            start -= 1;
        }
        let mut end = head + 1;
        while end < range.end
            && (is_prop(end) || (end + 1 < range.end && is_glue(end) && is_prop(end + 1)))
        {
            end += 1;
        }
        if (start..end).any(|i| labels[i] != "O")
            || (end - start == 1 && is_demonym(&sentence.words[start]))
        {
            continue;
        }
        for (i, label) in labels[start..end].iter_mut().enumerate() {
            *label = format!("{}-{kind}", if i == 0 { "B" } else { "I" });
        }
    }
    sentence.ner = labels;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iob1_and_iob2_entity_files() {
        // wikigold: IOB1, space-separated; MISC is none of our types.
        let iob1 = "-DOCSTART- O\n\nThe O\nBank I-ORG\nof I-ORG\nEngland I-ORG\nmet O\nAnna I-PER\nB. B-PER\nin O\nFrench I-MISC\nParis I-LOC\n\n";
        let s = parse_conll_ner(iob1);
        assert_eq!(s.len(), 1);
        assert_eq!(
            s[0].ner,
            ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-PERSON", "B-PERSON", "O", "O", "B-PLACE"]
        );
        // re3d: IOB2, tab-separated, its own type names.
        let iob2 = "U.S.\tB-Organisation\nforces\tI-Organisation\nin\tO\nSyria\tB-Location\nused\tO\nrifles\tB-Weapon\n";
        let s = parse_conll_ner(iob2);
        assert_eq!(s[0].words, ["U.S.", "forces", "in", "Syria", "used", "rifles"]);
        assert_eq!(s[0].ner, ["B-ORG", "I-ORG", "O", "B-PLACE", "O", "O"]);
    }

    #[test]
    fn reads_trees_and_entities() {
        let text = "# text = x\n\
1\tProfessor\tprofessor\tNOUN\tNN\t_\t3\tnsubj\t_\tEntity=(1-person-new-x\n\
2\tEastman\tEastman\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)\n\
3\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_\n\
4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n\
5\tSydney\tSydney\tPROPN\tNNP\t_\t3\tobl:in\t_\tEntity=(2-place-new-x-Sydney)\n";
        let mut s = parse_conllu(text).remove(0);
        assert_eq!(s.heads, vec![Some(2), Some(0), None, Some(4), Some(2)]);
        assert_eq!(s.rels[4], "obl");
        assert_eq!(s.entities, vec![(0..2, "person".to_string()), (4..5, "place".to_string())]);
        named_labels(&mut s, &|_| false);
        // The title is left out of the name.
        assert_eq!(s.ner, vec!["O", "B-PERSON", "O", "O", "B-PLACE"]);
    }
}
