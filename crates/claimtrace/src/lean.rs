//! Capturing regexes compiled without literal prefilters.
//!
//! The `regex` crate looks for literals to search for before running its
//! automata (a prefilter), which pays where a pattern is rare in the text.
//! For the large case-insensitive patterns of the time rules and counts,
//! extracting those literals took most of compiling them, in every fresh
//! process, while the searches gain little from them: a time rule is
//! searched only once the rules' DFA has said it matches, and a count's
//! number is everywhere. [`Lean`] is the same regex (leftmost-first,
//! UTF-8, the same syntax) built without them.

use regex_automata::{meta, util::syntax};

/// A regex compiled without literal prefilters, searched for its groups.
pub(crate) struct Lean(meta::Regex);

impl Lean {
    /// `pattern` with ASCII classes and case folding (the `regex` crate's
    /// `unicode(false)`), its lazy DFA given `cache_bytes` of room.
    pub(crate) fn new(pattern: &str, cache_bytes: usize) -> Result<Lean, Box<meta::BuildError>> {
        meta::Builder::new()
            .configure(meta::Config::new().auto_prefilter(false).hybrid_cache_capacity(cache_bytes))
            .syntax(syntax::Config::new().unicode(false))
            .build(pattern)
            .map(Lean)
            .map_err(Box::new)
    }

    /// Every match in `text`, leftmost first, with its groups.
    pub(crate) fn captures_iter<'r, 't>(
        &'r self,
        text: &'t str,
    ) -> impl Iterator<Item = Captures<'t>> + 'r
    where
        't: 'r,
    {
        self.0.captures_iter(text).map(move |caps| Captures { text, caps })
    }

    /// The first match in `text`, with its groups.
    pub(crate) fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        let mut caps = self.0.create_captures();
        self.0.captures(text, &mut caps);
        caps.is_match().then_some(Captures { text, caps })
    }

    #[cfg(test)]
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text)
    }
}

/// A match and its groups, over the text it was found in.
pub(crate) struct Captures<'t> {
    text: &'t str,
    caps: regex_automata::util::captures::Captures,
}

impl<'t> Captures<'t> {
    fn piece(&self, span: regex_automata::Span) -> Option<Piece<'t>> {
        let text = self.text.get(span.range())?;
        Some(Piece { start: span.start, end: span.end, text })
    }

    /// The group `name`, where it took part in the match.
    pub(crate) fn name(&self, name: &str) -> Option<Piece<'t>> {
        self.piece(self.caps.get_group_by_name(name)?)
    }

    /// The whole match.
    pub(crate) fn whole(&self) -> Piece<'t> {
        let span = self.caps.get_match().expect("captures of a match").span();
        self.piece(span).expect("a UTF-8 regex matches on character boundaries")
    }
}

/// The span and text of a match or of one of its groups.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Piece<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

impl<'t> Piece<'t> {
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    pub(crate) fn end(&self) -> usize {
        self.end
    }

    pub(crate) fn as_str(&self) -> &'t str {
        self.text
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same matches and groups as the `regex` crate's, on the same
    /// pattern: leftmost-first, ASCII case folding, empty matches between
    /// characters only.
    #[test]
    fn matches_as_the_regex_crate_does() {
        let pattern = r"(?i)(?:(?P<q>at\s+least|about)\s+)?(?P<n>\d+|one|two)|(?P<e>x*)";
        let lean = Lean::new(pattern, 1 << 20).unwrap();
        let reference = regex::RegexBuilder::new(pattern).unicode(false).build().unwrap();
        for text in ["At least 12 and ABOUT two, or one", "é1é", "", "xx at  least 3"] {
            let ours: Vec<_> = lean
                .captures_iter(text)
                .map(|c| {
                    let group = |n| c.name(n).map(|p| (p.start(), p.end(), p.as_str()));
                    (c.whole().start(), c.whole().end(), group("q"), group("n"), group("e"))
                })
                .collect();
            let theirs: Vec<_> = reference
                .captures_iter(text)
                .map(|c| {
                    let group = |n| c.name(n).map(|m| (m.start(), m.end(), m.as_str()));
                    let whole = c.get(0).unwrap();
                    (whole.start(), whole.end(), group("q"), group("n"), group("e"))
                })
                .collect();
            assert_eq!(ours, theirs, "{text:?}");
            assert_eq!(lean.is_match(text), reference.is_match(text));
            let first = lean.captures(text).map(|c| (c.whole().start(), c.whole().end()));
            let first_theirs = reference
                .captures(text)
                .map(|c| (c.get(0).unwrap().start(), c.get(0).unwrap().end()));
            assert_eq!(first, first_theirs, "{text:?}");
        }
        assert!(Lean::new("(", 1 << 20).is_err());
    }
}
