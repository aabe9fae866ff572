//! An analysed article's sentences as CoNLL-U (universaldependencies.org/
//! format.html): one token a line with its tag, head and relation, the
//! named entities as `Entity=B-PERSON` / `I-PERSON` in the MISC column, a
//! blank line after each sentence. What `analyze --conllu` prints, for
//! reading the parse the claims and events stages work from, or for
//! tools that read treebanks.
//!
//! Heads are numbered within their sentence from 1, the root's head is
//! 0; a token with no parse (or whose head lies outside its sentence,
//! which the parser does not make) has `_` for head and relation. LEMMA,
//! XPOS, FEATS and DEPS are `_`: the pipeline does not make them.

use std::fmt::Write;

use crate::doc::Document;

/// The sentences of `doc` as a CoNLL-U document, `# newdoc id` its source.
pub fn to_conllu(doc: &Document) -> String {
    let mut entity = vec![None; doc.tokens.len()];
    for mention in &doc.mentions {
        for t in mention.tokens.clone().take_while(|&t| t < doc.tokens.len()) {
            let place = if t == mention.tokens.start { 'B' } else { 'I' };
            entity[t] = Some((place, mention.kind.as_str()));
        }
    }
    let mut out = String::new();
    let _ = writeln!(out, "# newdoc id = {}", one_line(&doc.source));
    for (k, sentence) in doc.sentences.iter().enumerate() {
        let tokens = sentence.tokens.clone();
        let _ = writeln!(out, "# sent_id = {}", k + 1);
        let _ = writeln!(out, "# text = {}", one_line(doc.slice(sentence.span)));
        for t in tokens.clone() {
            let token = &doc.tokens[t];
            let form = one_line(doc.slice(token.span));
            let tag = token.tag.map_or("_", |tag| tag.as_str());
            let (head, rel) = match (token.head, token.rel) {
                (None, Some(rel)) => ("0".to_string(), rel.as_str()),
                (Some(h), Some(rel)) if tokens.contains(&h) => {
                    ((h - tokens.start + 1).to_string(), rel.as_str())
                }
                _ => ("_".to_string(), "_"),
            };
            let mut misc = Vec::new();
            if let Some((place, kind)) = entity[t] {
                misc.push(format!("Entity={place}-{kind}"));
            }
            let next = doc.tokens.get(t + 1).filter(|_| t + 1 < tokens.end);
            if next.is_some_and(|next| next.span.start() == token.span.end()) {
                misc.push("SpaceAfter=No".to_string());
            }
            let misc = if misc.is_empty() { "_".to_string() } else { misc.join("|") };
            let id = t - tokens.start + 1;
            let _ = writeln!(out, "{id}\t{form}\t_\t{tag}\t_\t_\t{head}\t{rel}\t_\t{misc}");
        }
        out.push('\n');
    }
    out
}

/// `text` on one line: CoNLL-U's fields and comments hold no tab or line
/// break, so each run of white space becomes one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{Input, ReadOptions};

    fn analyzed(text: &str) -> Document {
        let input =
            Input { name: "case.txt", bytes: text.as_bytes(), format: None, content_type: None };
        crate::analyze(&input, &ReadOptions::default()).pop().unwrap().unwrap()
    }

    /// The rows of the sentence numbered `sent_id`, split into columns.
    fn rows(conllu: &str, sent_id: usize) -> Vec<Vec<String>> {
        let start = format!("# sent_id = {sent_id}\n");
        let block = conllu.split_once(&start).unwrap().1.split("\n\n").next().unwrap();
        block
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn a_sentence_is_its_tokens_with_tags_heads_and_entities() {
        let doc = analyzed(
            "Headline\n\nThe minister said on Tuesday that 12 people were killed in Kabul.",
        );
        let conllu = to_conllu(&doc);
        assert!(conllu.starts_with("# newdoc id = case.txt\n# sent_id = 1\n"), "{conllu}");
        assert!(conllu.contains("# text = The minister said on Tuesday"), "{conllu}");
        let body = doc.sentences.iter().position(|s| doc.slice(s.span).contains("minister"));
        let rows = rows(&conllu, body.unwrap() + 1);
        let forms: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
        assert_eq!(forms[..4], ["The", "minister", "said", "on"]);
        assert!(rows.iter().all(|r| r.len() == 10), "ten columns: {rows:?}");
        // Ids from 1; one root, whose head is 0; every other head a token
        // of the sentence.
        assert!(rows.iter().enumerate().all(|(i, r)| r[0] == (i + 1).to_string()));
        assert_eq!(rows.iter().filter(|r| r[6] == "0").count(), 1, "{rows:?}");
        assert!(rows
            .iter()
            .filter(|r| r[6] != "0")
            .all(|r| { r[6].parse::<usize>().is_ok_and(|h| (1..=rows.len()).contains(&h)) }));
        let said = &rows[2];
        assert_eq!((said[3].as_str(), said[6].as_str(), said[7].as_str()), ("VERB", "0", "root"));
        let minister = &rows[1];
        assert_eq!((minister[3].as_str(), minister[6].as_str()), ("NOUN", "3"));
        assert_eq!(minister[7], "nsubj");
        let kabul = rows.iter().find(|r| r[1] == "Kabul").unwrap();
        assert!(kabul[9].contains("Entity=B-GPE"), "{kabul:?}");
        assert!(kabul[9].contains("SpaceAfter=No"), "the period follows: {kabul:?}");
        let last = rows.last().unwrap();
        assert_eq!((last[1].as_str(), last[9].as_str()), (".", "_"));
    }

    #[test]
    fn names_of_several_words_open_and_continue_their_entity() {
        let doc = analyzed("Headline\n\nPresident Emmanuel Macron visited Berlin.");
        let conllu = to_conllu(&doc);
        let body = doc.sentences.iter().position(|s| doc.slice(s.span).contains("Macron"));
        let rows = rows(&conllu, body.unwrap() + 1);
        let misc = |form: &str| rows.iter().find(|r| r[1] == form).unwrap()[9].clone();
        assert_eq!(misc("Emmanuel"), "Entity=B-PERSON");
        assert_eq!(misc("Macron"), "Entity=I-PERSON");
        assert!(misc("Berlin").starts_with("Entity=B-GPE"));
        assert_eq!(misc("visited"), "_");
    }

    #[test]
    fn fields_hold_no_tab_or_line_break() {
        assert_eq!(one_line("a\tb\n c"), "a b c");
    }
}
