//! The grammatical vocabulary of tokens: Universal POS tags ([`Upos`]) and
//! Universal Dependencies base relations ([`Rel`]), as the tagger and the
//! parser assign them. Closed sets, so enums: a misspelt tag is a compile
//! error, not a comparison that is never true.

/// Defines a closed vocabulary: a `u8` enum whose variants are in model
/// class order (the order the shipped models number them in), each with
/// its name in the Universal Dependencies guidelines.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every value, in model class order: `ALL[v.index()] == v`.
            pub const ALL: [$name; [$($text),*].len()] = [$($name::$variant),*];

            /// The names, in model class order.
            pub const NAMES: [&'static str; [$($text),*].len()] = [$($text),*];

            /// The name the Universal Dependencies guidelines give it.
            pub fn as_str(self) -> &'static str {
                Self::NAMES[self as usize]
            }

            /// Its number in model class order.
            pub fn index(self) -> usize {
                self as usize
            }

            /// The value numbered `index` in model class order.
            pub fn from_index(index: usize) -> Option<$name> {
                Self::ALL.get(index).copied()
            }

            /// The value named `name` (as written in the guidelines and
            /// in CoNLL-U files).
            pub fn from_name(name: &str) -> Option<$name> {
                Self::NAMES.iter().position(|&n| n == name).map(|i| Self::ALL[i])
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// A Universal POS tag (universaldependencies.org/u/pos).
    Upos {
        Adj = "ADJ",
        Adp = "ADP",
        Adv = "ADV",
        Aux = "AUX",
        Cconj = "CCONJ",
        Det = "DET",
        Intj = "INTJ",
        Noun = "NOUN",
        Num = "NUM",
        Part = "PART",
        Pron = "PRON",
        Propn = "PROPN",
        Punct = "PUNCT",
        Sconj = "SCONJ",
        Sym = "SYM",
        Verb = "VERB",
        X = "X",
    }
}

vocabulary! {
    /// A Universal Dependencies base relation (universaldependencies.org/u/dep),
    /// without subtypes ("nsubj" for "nsubj:pass").
    Rel {
        Acl = "acl",
        Advcl = "advcl",
        Advmod = "advmod",
        Amod = "amod",
        Appos = "appos",
        Aux = "aux",
        Case = "case",
        Cc = "cc",
        Ccomp = "ccomp",
        Clf = "clf",
        Compound = "compound",
        Conj = "conj",
        Cop = "cop",
        Csubj = "csubj",
        Dep = "dep",
        Det = "det",
        Discourse = "discourse",
        Dislocated = "dislocated",
        Expl = "expl",
        Fixed = "fixed",
        Flat = "flat",
        Goeswith = "goeswith",
        Iobj = "iobj",
        List = "list",
        Mark = "mark",
        Nmod = "nmod",
        Nsubj = "nsubj",
        Nummod = "nummod",
        Obj = "obj",
        Obl = "obl",
        Orphan = "orphan",
        Parataxis = "parataxis",
        Punct = "punct",
        Reparandum = "reparandum",
        Root = "root",
        Vocative = "vocative",
        Xcomp = "xcomp",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers_go_both_ways() {
        for (k, tag) in Upos::ALL.into_iter().enumerate() {
            assert_eq!(tag.index(), k);
            assert_eq!(Upos::from_index(k), Some(tag));
            assert_eq!(Upos::from_name(tag.as_str()), Some(tag));
            assert_eq!(tag.to_string(), Upos::NAMES[k]);
        }
        for (k, rel) in Rel::ALL.into_iter().enumerate() {
            assert_eq!(rel.index(), k);
            assert_eq!(Rel::from_index(k), Some(rel));
            assert_eq!(Rel::from_name(rel.as_str()), Some(rel));
        }
        assert_eq!(Upos::ALL.len(), 17);
        assert_eq!(Rel::ALL.len(), 37);
        assert_eq!(Upos::from_name("NOUN"), Some(Upos::Noun));
        assert_eq!(Rel::from_name("nsubj"), Some(Rel::Nsubj));
        assert_eq!(Upos::from_name("noun"), None);
        assert_eq!(Rel::from_name("nsubj:pass"), None);
        assert_eq!(Upos::from_index(17), None);
        assert_eq!(Rel::from_index(37), None);
    }
}
