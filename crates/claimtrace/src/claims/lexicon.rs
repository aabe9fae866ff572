//! The attribution lexicons in `data/attribution/`, parsed once.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// A list of words and phrases, matched against lower-cased tokens.
#[derive(Debug, Default)]
pub struct PhraseList {
    /// Phrases by their first word, longest first.
    by_first: HashMap<String, Vec<Vec<String>>>,
    /// The first bytes of the phrases' first words, a bit each: a word
    /// whose first byte is not among them begins no phrase, known without
    /// hashing it (the lists are asked about every token of an article).
    first_bytes: [u64; 4],
    /// The lengths of the phrases' first words, a bit each (63 for any
    /// longer), for the same test.
    lengths: u64,
}

impl PhraseList {
    /// Parses one entry a line; `#` starts a comment.
    pub fn parse(text: &str) -> PhraseList {
        let mut list = PhraseList::default();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let words: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
            let (byte, len) = Self::bits(&words[0]);
            list.first_bytes[byte / 64] |= 1 << (byte % 64);
            list.lengths |= 1 << len;
            list.by_first.entry(words[0].clone()).or_default().push(words);
        }
        for phrases in list.by_first.values_mut() {
            phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        list
    }

    /// The first byte of a (non-empty) word, and its length capped at 63:
    /// where its bits are in `first_bytes` and `lengths`.
    fn bits(word: &str) -> (usize, usize) {
        (usize::from(word.as_bytes()[0]), word.len().min(63))
    }

    /// The phrases that begin with `word`.
    fn starting(&self, word: &str) -> Option<&Vec<Vec<String>>> {
        if word.is_empty() {
            return None;
        }
        let (byte, len) = Self::bits(word);
        let may =
            self.first_bytes[byte / 64] & (1 << (byte % 64)) != 0 && self.lengths & (1 << len) != 0;
        if !may {
            return None;
        }
        self.by_first.get(word)
    }

    /// The length in tokens of the longest entry starting at `at`.
    pub fn match_at(&self, words: &[&str], at: usize) -> Option<usize> {
        let phrases = self.starting(words.get(at)?)?;
        phrases
            .iter()
            .find(|p| p.iter().enumerate().all(|(k, w)| words.get(at + k) == Some(&w.as_str())))
            .map(Vec::len)
    }

    /// Whether a single word is an entry.
    pub fn contains(&self, word: &str) -> bool {
        self.starting(word).is_some_and(|ps| ps.iter().any(|p| p.len() == 1))
    }

    /// Whether some entry begins with `word`: a look one word ahead, where
    /// the rest of the phrase does not matter (", according" ends a
    /// content as ", according to" does).
    pub fn begins(&self, word: &str) -> bool {
        self.starting(word).is_some()
    }

    /// The first match that lies wholly inside `words[within]`, as a range
    /// of `words`.
    pub fn find(&self, words: &[&str], within: Range<usize>) -> Option<Range<usize>> {
        (within.start..within.end.min(words.len())).find_map(|i| {
            self.match_at(words, i).filter(|&n| i + n <= within.end).map(|n| i..i + n)
        })
    }

    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

/// Every attribution lexicon.
pub struct Lexicons {
    pub speech: PhraseList,
    pub claim: PhraseList,
    pub participle: PhraseList,
    pub transmit: PhraseList,
    pub skip: PhraseList,
    /// Verbs that raise the cue's subject over them ("appeared to").
    pub raising: PhraseList,
    pub hedge: PhraseList,
    /// Hedges turned certainties ("could not have").
    pub certainty: PhraseList,
    pub unverified: PhraseList,
    /// Verification said of a claim ("could be independently verified"),
    /// which a negative subject denies.
    pub verified: PhraseList,
    pub confirm: PhraseList,
    pub dispute: PhraseList,
    /// Words that point back to the claim before and say it did not
    /// happen ("found no such action").
    pub refuted: PhraseList,
    pub deny: PhraseList,
    pub no_comment: PhraseList,
    /// Verbs of support; with a negative subject they name a claim nobody backs.
    pub support: PhraseList,
    /// Cues that report an act when a noun phrase follows them.
    pub act: PhraseList,
    /// Cues that, in the passive with an agent, make the clause the
    /// agent's claim ("was claimed by").
    pub claimed_by: PhraseList,
    /// Verbs that make a figure after "at" their subject's estimate
    /// ("put the toll at 45").
    pub estimate: PhraseList,
    /// Verbs that quote a speaker before "as saying" ("the agency quoted
    /// the governor as saying ...").
    pub quoting: PhraseList,
    /// Phrases before the party someone spoke to ("who spoke to CNN").
    pub spoke_to: PhraseList,
    /// Cues whose content is a clause only: with a noun phrase for their
    /// object they are no cue ("wrote two novels").
    pub clause_only: PhraseList,
    /// Cues only with a clause for object, as the parse or a "that" shows
    /// it ("ruled that"; not "ruled on the appeal").
    pub clause_object: PhraseList,
    /// Adjectives of stance that report a clause after a form of "be"
    /// ("officials are confident that ...").
    pub stance_adjective: PhraseList,
    /// Cues of evidence that report only a "that" clause ("figures show
    /// that ...").
    pub evidence: PhraseList,
    /// Verbs that label a claim ("called the allegations ...").
    pub label: PhraseList,
    /// Labels that reject it ("baseless", "a smear").
    pub false_label: PhraseList,
    /// Words that find a claim true ("turned out to be true").
    pub true_label: PhraseList,
    /// Nouns naming a claim, with the cue each echoes.
    pub claim_nouns: HashMap<String, String>,
    /// Nouns that name an earlier claim after a demonstrative ("that
    /// account").
    pub claim_referents: HashSet<String>,
    /// Claim nouns that hedge the clause after them when nobody owns it
    /// ("amid allegations that ...").
    pub hedging_nouns: HashSet<String>,
    /// Words to the listener and of what ought to be: rhetoric in a
    /// quotation, not fact.
    pub rhetoric: HashSet<String>,
    /// Subordinators of a concession the writer grants ("while",
    /// "although").
    pub concessive: HashSet<String>,
    /// Nouns after "any" that deny a part in the claim before ("denied
    /// any involvement").
    pub denial_objects: HashSet<String>,
    /// Superlatives without "most": an evaluation after a copula.
    pub superlative: HashSet<String>,
    /// Verbs of accusation, with the prepositions that open the act the
    /// accused is said to have done ("accused ... of", "blamed ... on").
    pub accuse: HashMap<String, Vec<String>>,
    pub unnamed: HashSet<String>,
    /// Why a source is unnamed ("asked not to be named").
    pub anonymity: PhraseList,
    pub artefact: HashSet<String>,
    pub generic_org: PhraseList,
    /// Titles before a name ("Deputy Governor").
    pub titles: HashSet<String>,
    /// Cues besides speech whose content is reported speech ("reported").
    pub reported_speech: PhraseList,
    /// Verbs of harm whose counts make a clause a key fact.
    pub harm: HashSet<String>,
    /// Number words that can stand for a count.
    pub count_words: HashSet<String>,
    /// Subordinators that put a cue in a clause beside the main one.
    pub subordinators: HashSet<String>,
    /// "according to": a chain phrase before the outermost channel.
    pub according: PhraseList,
    /// Verbs of passing on a named claim ("repeated the claim").
    pub repeat: PhraseList,
    /// "no evidence": the clause after it lacks support.
    pub no_evidence: PhraseList,
    /// "per": as "according to", only when set off by commas.
    pub set_off: PhraseList,
    /// The chain phrases of `according.txt` and `cite.txt` ("citing",
    /// "quoting": before the content's origin) in one list, so that one
    /// look-up per token finds where a chain phrase may start.
    pub chain: PhraseList,
    /// Verbs of telling, whose object is the party told ("told").
    pub tell: PhraseList,
    /// Participles whose content is also a quote ("saying", "adding").
    pub speech_participle: PhraseList,
    /// Cues by which the source also confirms the content ("confirmed").
    pub confirming: PhraseList,
    /// Cues of a text read out, only before the text ("reads:").
    pub read_out: PhraseList,
    /// The press as the party told, no link of the chain ("reporters").
    pub press: PhraseList,
    /// Words of the party told, skipped before the content ("state media").
    pub hearer: PhraseList,
    /// Phrases before the party a statement was given to ("in an
    /// interview with", "speaking to").
    pub interview: PhraseList,
    /// Words that open a question put to the source ("asked whether").
    pub asked: PhraseList,
    /// Whole answers that deny the question ("no").
    pub answer_no: PhraseList,
    /// Whole answers that assert it ("yes").
    pub answer_yes: PhraseList,
    /// Past forms of cues that look like base forms ("said", "read").
    pub past_forms: PhraseList,
    /// The form a content takes, skipped before it ("in a statement").
    pub statement: PhraseList,
}

fn words(text: &str) -> HashSet<String> {
    PhraseList::parse(text).by_first.into_keys().collect()
}

/// The lexicons, parsed on first use.
pub static LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| {
    macro_rules! data {
        ($name:literal) => {
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/attribution/", $name))
        };
    }
    Lexicons {
        speech: PhraseList::parse(data!("speech.txt")),
        claim: PhraseList::parse(data!("claim.txt")),
        participle: PhraseList::parse(data!("participle.txt")),
        transmit: PhraseList::parse(data!("transmit.txt")),
        skip: PhraseList::parse(data!("skip.txt")),
        raising: PhraseList::parse(data!("raising.txt")),
        hedge: PhraseList::parse(data!("hedge.txt")),
        certainty: PhraseList::parse(data!("certainty.txt")),
        unverified: PhraseList::parse(data!("unverified.txt")),
        verified: PhraseList::parse(data!("verified.txt")),
        confirm: PhraseList::parse(data!("confirm.txt")),
        dispute: PhraseList::parse(data!("dispute.txt")),
        refuted: PhraseList::parse(data!("refuted.txt")),
        deny: PhraseList::parse(data!("deny.txt")),
        no_comment: PhraseList::parse(data!("no_comment.txt")),
        support: PhraseList::parse(data!("support.txt")),
        act: PhraseList::parse(data!("act.txt")),
        claimed_by: PhraseList::parse(data!("claimed_by.txt")),
        estimate: PhraseList::parse(data!("estimate.txt")),
        quoting: PhraseList::parse(data!("quoting.txt")),
        spoke_to: PhraseList::parse(data!("spoke_to.txt")),
        clause_only: PhraseList::parse(data!("clause_only.txt")),
        clause_object: PhraseList::parse(data!("clause_object.txt")),
        stance_adjective: PhraseList::parse(data!("stance_adjective.txt")),
        evidence: PhraseList::parse(data!("evidence.txt")),
        label: PhraseList::parse(data!("label.txt")),
        false_label: PhraseList::parse(data!("false.txt")),
        true_label: PhraseList::parse(data!("true.txt")),
        claim_referents: words(data!("claim_referents.txt")),
        claim_nouns: data!("claim_nouns.txt")
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter_map(|l| l.split_once(' '))
            .map(|(n, c)| (n.trim().to_string(), c.trim().to_string()))
            .collect(),
        accuse: data!("accuse.txt")
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter_map(|l| l.split_once(' '))
            .map(|(verb, preps)| {
                (verb.to_string(), preps.split_whitespace().map(str::to_string).collect())
            })
            .collect(),
        hedging_nouns: words(data!("hedging_nouns.txt")),
        rhetoric: words(data!("rhetoric.txt")),
        concessive: words(data!("concessive.txt")),
        denial_objects: words(data!("denial_objects.txt")),
        superlative: words(data!("superlative.txt")),
        unnamed: words(data!("unnamed.txt")),
        anonymity: PhraseList::parse(data!("anonymity.txt")),
        artefact: words(data!("artefact.txt")),
        generic_org: PhraseList::parse(data!("generic_org.txt")),
        titles: words(data!("titles.txt")),
        reported_speech: PhraseList::parse(data!("reported_speech.txt")),
        harm: words(data!("harm.txt")),
        count_words: words(data!("count_words.txt")),
        subordinators: words(data!("subordinators.txt")),
        according: PhraseList::parse(data!("according.txt")),
        set_off: PhraseList::parse(data!("set_off.txt")),
        no_evidence: PhraseList::parse(data!("no_evidence.txt")),
        repeat: PhraseList::parse(data!("repeat.txt")),
        chain: PhraseList::parse(&format!("{}\n{}", data!("according.txt"), data!("cite.txt"))),
        tell: PhraseList::parse(data!("tell.txt")),
        speech_participle: PhraseList::parse(data!("speech_participle.txt")),
        confirming: PhraseList::parse(data!("confirming.txt")),
        read_out: PhraseList::parse(data!("read_out.txt")),
        press: PhraseList::parse(data!("press.txt")),
        hearer: PhraseList::parse(data!("hearer.txt")),
        interview: PhraseList::parse(data!("interview.txt")),
        asked: PhraseList::parse(data!("asked.txt")),
        answer_no: PhraseList::parse(data!("answer_no.txt")),
        answer_yes: PhraseList::parse(data!("answer_yes.txt")),
        past_forms: PhraseList::parse(data!("past_forms.txt")),
        statement: PhraseList::parse(data!("statement.txt")),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_loads() {
        let l = &*LEXICONS;
        for (name, list) in [
            ("speech", &l.speech),
            ("claim", &l.claim),
            ("participle", &l.participle),
            ("transmit", &l.transmit),
            ("skip", &l.skip),
            ("raising", &l.raising),
            ("hedge", &l.hedge),
            ("unverified", &l.unverified),
            ("verified", &l.verified),
            ("confirm", &l.confirm),
            ("dispute", &l.dispute),
            ("deny", &l.deny),
            ("no_comment", &l.no_comment),
            ("act", &l.act),
            ("clause_only", &l.clause_only),
            ("clause_object", &l.clause_object),
            ("stance_adjective", &l.stance_adjective),
            ("evidence", &l.evidence),
            ("label", &l.label),
            ("false_label", &l.false_label),
            ("true_label", &l.true_label),
            ("generic_org", &l.generic_org),
            ("according", &l.according),
            ("set_off", &l.set_off),
            ("no_evidence", &l.no_evidence),
            ("repeat", &l.repeat),
            ("chain", &l.chain),
            ("tell", &l.tell),
            ("speech_participle", &l.speech_participle),
            ("confirming", &l.confirming),
            ("read_out", &l.read_out),
            ("press", &l.press),
            ("hearer", &l.hearer),
            ("interview", &l.interview),
            ("asked", &l.asked),
            ("answer_no", &l.answer_no),
            ("answer_yes", &l.answer_yes),
            ("past_forms", &l.past_forms),
            ("statement", &l.statement),
            ("certainty", &l.certainty),
            ("quoting", &l.quoting),
            ("spoke_to", &l.spoke_to),
        ] {
            assert!(!list.is_empty(), "{name} is empty");
        }
        assert_eq!(l.claim_nouns.get("claims").map(String::as_str), Some("claimed"));
        assert!(l.claim_referents.contains("account") && !l.claim_referents.contains("claim"));
        assert_eq!(l.accuse.get("blamed").map(Vec::len), Some(2));
        assert!(l.unnamed.contains("officials"));
        assert!(l.hedging_nouns.iter().all(|n| l.claim_nouns.contains_key(n)));
        assert!(l.artefact.contains("poster"));
        assert!(l.harm.contains("killed") && l.count_words.contains("dozens"));
        assert!(l.subordinators.contains("after"));
        assert_eq!(l.according.match_at(&["according", "to", "police"], 0), Some(2));
        assert!(l.chain.contains("citing") && l.chain.match_at(&["according", "to"], 0) == Some(2));
        assert!(!l.according.contains("citing") && l.tell.contains("told"));
        assert!(l.speech_participle.contains("saying") && !l.speech_participle.contains("warning"));
        assert!(l.confirming.contains("confirmed") && l.read_out.contains("reads"));
        assert!(l.press.contains("reporters") && l.hearer.contains("media"));
        assert!(l.past_forms.contains("said"));
        assert!(l.rhetoric.contains("you") && l.concessive.contains("while"));
        assert!(l.superlative.contains("best"));
    }

    #[test]
    fn cue_words_of_a_kind_are_cues() {
        // Lists that narrow the cues down name cue words only.
        let l = &*LEXICONS;
        let cue = |w: &str| l.speech.contains(w) || l.claim.contains(w) || l.participle.contains(w);
        for (name, list) in [
            ("tell", &l.tell),
            ("speech_participle", &l.speech_participle),
            ("confirming", &l.confirming),
            ("read_out", &l.read_out),
        ] {
            for phrases in list.by_first.values() {
                for phrase in phrases {
                    assert!(cue(&phrase[0]), "{name}: {:?} is no cue word", phrase[0]);
                }
            }
        }
        for phrases in l.speech_participle.by_first.values() {
            assert!(phrases.iter().all(|p| l.participle.contains(&p[0])));
        }
    }

    #[test]
    fn longest_phrase_wins() {
        let list = PhraseList::parse(
            "has not been verified\nhas not been independently verified\nverified",
        );
        let words = ["it", "has", "not", "been", "independently", "verified"];
        assert_eq!(list.match_at(&words, 1), Some(5));
        assert_eq!(list.match_at(&words, 5), Some(1));
        assert_eq!(list.match_at(&words, 0), None);
        assert_eq!(list.find(&words, 0..6), Some(1..6));
        assert_eq!(list.find(&words, 0..5), None);
        assert_eq!(list.find(&words, 2..6), Some(5..6));
    }

    #[test]
    fn begins_looks_at_the_first_word_only() {
        let list = PhraseList::parse("according to\nciting");
        assert!(list.begins("according") && list.begins("citing"));
        assert!(!list.contains("according") && !list.begins("to"));
    }

    #[test]
    fn the_first_word_test_keeps_every_entry() {
        // Every first word of every shipped list is found past the test
        // of first bytes and lengths; words that share one of the two
        // with an entry, and the empty word, are still looked up rightly.
        let l = &*LEXICONS;
        for list in [&l.speech, &l.hedge, &l.chain, &l.statement, &l.unverified, &l.past_forms] {
            for (first, phrases) in &list.by_first {
                assert!(list.begins(first), "{first:?}");
                let words: Vec<&str> = phrases[0].iter().map(String::as_str).collect();
                assert_eq!(list.match_at(&words, 0), Some(words.len()), "{words:?}");
            }
        }
        let list = PhraseList::parse("said\nreported widely\nclaimed\n");
        for (word, begins) in [("said", true), ("sad", false), ("saiD", false), ("x", false)] {
            assert_eq!(list.begins(word), begins, "{word:?}");
        }
        assert!(!list.begins("") && !list.contains("") && !list.contains("reported"));
        let long = "a".repeat(80);
        let list = PhraseList::parse(&format!("{long}\n"));
        assert!(list.contains(&long) && !list.contains(&"a".repeat(70)));
    }

    #[test]
    fn comments_and_blank_lines() {
        let list = PhraseList::parse("# heading\n\nsaid # the past\n");
        assert_eq!(list.len(), 1);
        assert!(list.contains("said"));
    }
}
