//! The event lexicons in `data/events/`, parsed once: triggers by type and
//! mode, irregular forms, the verbs that carry an event noun, and the words
//! that make an event not (yet) happen.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::claims::PhraseList;
use crate::doc::EventKind;

/// Which parts of speech a trigger word may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pos {
    Verb,
    Noun,
    Either,
}

/// One line of `triggers.tsv`.
#[derive(Clone, Debug)]
pub struct Trigger {
    /// The words after the first, as written ("fire" in "open fire").
    pub rest: Vec<&'static str>,
    pub pos: Pos,
    pub kind: EventKind,
    pub mode: Option<&'static str>,
    /// The event needs an agent to be one.
    pub needs_actor: bool,
    /// The event needs a target to be one.
    pub needs_target: bool,
    /// The word names the event's agents ("protesters").
    pub agent: bool,
    /// A possessor is the event's target ("Manafort's charges").
    pub owned: bool,
}

/// Every event lexicon.
pub struct Lexicon {
    /// Triggers by the dictionary form of their first word, longest first.
    pub triggers: HashMap<&'static str, Vec<Trigger>>,
    /// Irregular forms to dictionary forms ("shot" to "shoot").
    pub irregular: HashMap<&'static str, &'static str>,
    /// Verbs whose subject is the agent of the event noun they carry.
    pub light: PhraseList,
    /// Verbs whose subject is the target of the event noun they carry.
    pub undergo: PhraseList,
    /// Governors, modals, negations and adjectives that make an event
    /// not (yet) happen.
    pub irrealis: HashSet<&'static str>,
    /// Verbs whose infinitive happened ("began to", "managed to").
    pub aspectual: HashSet<&'static str>,
    /// Agents that are not anyone's act: storms, fires, crashes.
    pub not_agents: HashSet<&'static str>,
}

impl Lexicon {
    /// The dictionary forms `word` (lower-cased) may have, itself first.
    pub fn lemmas<'w>(&self, word: &'w str) -> Vec<std::borrow::Cow<'w, str>> {
        use std::borrow::Cow;
        let mut out: Vec<Cow<'w, str>> = vec![Cow::Borrowed(word)];
        if let Some(&lemma) = self.irregular.get(word) {
            out.push(Cow::Borrowed(lemma));
        }
        let doubled = |stem: &str| {
            let mut rev = stem.chars().rev();
            match (rev.next(), rev.next()) {
                (Some(a), Some(b)) if a == b && !"aeiou".contains(a) => {
                    let mut s = stem.to_string();
                    s.pop();
                    Some(s)
                }
                _ => None,
            }
        };
        if let Some(stem) = word.strip_suffix("ies").or_else(|| word.strip_suffix("ied")) {
            out.push(Cow::Owned(format!("{stem}y")));
        }
        if let Some(stem) = word.strip_suffix("es") {
            out.push(Cow::Borrowed(stem));
        }
        if let Some(stem) = word.strip_suffix('s').filter(|s| !s.ends_with('s')) {
            out.push(Cow::Borrowed(stem));
        }
        for suffix in ["ed", "ing"] {
            if let Some(stem) = word.strip_suffix(suffix).filter(|s| s.chars().count() >= 2) {
                out.push(Cow::Borrowed(stem));
                out.push(Cow::Owned(format!("{stem}e")));
                if let Some(single) = doubled(stem) {
                    out.push(Cow::Owned(single));
                }
            }
        }
        out
    }

    /// Whether `word` (lower-cased) has a dictionary form in `set`.
    pub fn any_lemma_in(&self, word: &str, set: &HashSet<&'static str>) -> bool {
        self.lemmas(word).iter().any(|l| set.contains(l.as_ref()))
    }

    /// Whether `word` (lower-cased) is a form of a verb in `list`
    /// (single-word entries only).
    pub fn is_form_of(&self, word: &str, list: &PhraseList) -> bool {
        self.lemmas(word).iter().any(|l| list.contains(l))
    }
}

fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty())
}

fn parse_triggers(text: &'static str) -> HashMap<&'static str, Vec<Trigger>> {
    let mut map: HashMap<&'static str, Vec<Trigger>> = HashMap::default();
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&'static str> = line.split('\t').map(str::trim).collect();
        let [words, pos, kind, mode, flags] = cols[..] else {
            panic!("data/events/triggers.tsv: five columns expected in {line:?}");
        };
        let kind = EventKind::from_name(kind)
            .unwrap_or_else(|| panic!("data/events/triggers.tsv: unknown type in {line:?}"));
        let pos = match pos {
            "V" => Pos::Verb,
            "N" => Pos::Noun,
            _ => Pos::Either,
        };
        let mut words = words.split_whitespace();
        let first = words.next().expect("a trigger has a word");
        map.entry(first).or_default().push(Trigger {
            rest: words.collect(),
            pos,
            kind,
            mode: (mode != "-").then_some(mode),
            needs_actor: flags.split_whitespace().any(|f| f == "actor"),
            needs_target: flags.split_whitespace().any(|f| f == "target"),
            agent: flags.split_whitespace().any(|f| f == "agent"),
            owned: flags.split_whitespace().any(|f| f == "owned"),
        });
    }
    for triggers in map.values_mut() {
        // Longest first; among equals, file order.
        triggers.sort_by_key(|t| std::cmp::Reverse(t.rest.len()));
    }
    map
}

/// The lexicons, parsed on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    macro_rules! data {
        ($name:literal) => {
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/events/", $name))
        };
    }
    Lexicon {
        triggers: parse_triggers(data!("triggers.tsv")),
        irregular: entries(data!("irregular.tsv"))
            .filter_map(|l| l.split_once('\t'))
            .map(|(form, lemma)| (form.trim(), lemma.trim()))
            .collect(),
        light: PhraseList::parse(data!("light_verbs.txt")),
        undergo: PhraseList::parse(data!("undergo_verbs.txt")),
        irrealis: entries(data!("irrealis.txt")).collect(),
        aspectual: entries(data!("aspectual.txt")).collect(),
        not_agents: entries(data!("not_agents.txt")).collect(),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_loads_and_every_type_has_triggers() {
        let l = &*LEXICON;
        for kind in EventKind::ALL {
            assert!(
                l.triggers.values().flatten().any(|t| t.kind == kind),
                "no trigger for {}",
                kind.as_str()
            );
        }
        assert!(!l.light.is_empty() && !l.undergo.is_empty());
        assert!(l.irrealis.contains("threaten") && l.not_agents.contains("storm"));
    }

    #[test]
    fn inflected_forms_find_their_dictionary_form() {
        let l = &*LEXICON;
        let has = |word: &str, lemma: &str| l.lemmas(word).iter().any(|x| x == lemma);
        assert!(has("attacked", "attack"));
        assert!(has("attacks", "attack"));
        assert!(has("seized", "seize"));
        assert!(has("stabbing", "stab"));
        assert!(has("shot", "shoot"));
        assert!(has("denied", "deny"));
        assert!(has("charges", "charge"));
        assert!(has("met", "meet"));
        assert!(has("expelled", "expel"));
        assert!(!has("process", "proces"));
    }
}
