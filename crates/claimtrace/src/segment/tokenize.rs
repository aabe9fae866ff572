//! The tokenizer: one pass over the characters of a paragraph.

use crate::doc::{Span, Token, TokenKind};

/// Abbreviations that keep their final period (lower-cased).
const ABBREVIATIONS: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "lt.", "col.", "maj.", "capt.", "sgt.", "cpl.",
    "adm.", "gov.", "sen.", "rep.", "rev.", "hon.", "pres.", "st.", "mt.", "ft.", "jr.", "sr.",
    "inc.", "ltd.", "co.", "corp.", "bros.", "no.", "vs.", "v.", "etc.", "approx.", "est.",
    "dept.", "univ.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.",
    "oct.", "nov.", "dec.", "mon.", "tue.", "tues.", "wed.", "thu.", "thurs.", "fri.", "sat.",
    "sun.", "a.m.", "p.m.", "e.g.", "i.e.", "al.", "ave.", "blvd.", "rd.", "fig.", "vol.", "op.",
    "ed.", "sec.",
];

/// Contractions split off the word they follow, as Universal Dependencies
/// treebanks do ("Russia's" is "Russia" + "'s").
const CLITICS: &[&str] =
    &["n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "n’t", "’s", "’re", "’ve", "’ll", "’d", "’m"];

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' | '‹' | '›')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '\u{0300}'..='\u{036f}')
}

/// Splits `text` into tokens whose spans are byte offsets into `text`.
///
/// Every span lies on character boundaries and slices back to the token's
/// text; white space is never part of a token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let (len, kind) = if c.is_ascii_digit() {
            (scan_number(&chars, i), TokenKind::Number)
        } else if is_word_char(c)
            || (matches!(c, '@' | '#') && chars.get(i + 1).is_some_and(|&(_, n)| is_word_char(n)))
        {
            (scan_word(&chars, i), TokenKind::Word)
        } else if c == '.' && chars.get(i + 1).is_some_and(|&(_, n)| n == '.') {
            let mut j = i;
            while j < chars.len() && chars[j].1 == '.' {
                j += 1;
            }
            (j - i, TokenKind::Punct)
        } else if is_quote(c) {
            // An apostrophe that opens a clitic ("'s" after a quote) is
            // handled with words; here it is a quotation mark.
            (1, TokenKind::Quote)
        } else if c.is_ascii_punctuation() || matches!(c, '…' | '–' | '—' | '•' | '·') {
            (1, TokenKind::Punct)
        } else {
            (1, TokenKind::Symbol)
        };
        let end = end_of(i + len);
        push_word(&mut tokens, text, Span::new(start, end), kind);
        i += len;
    }
    tokens
}

/// Pushes a token, splitting a clitic off the end of a word.
fn push_word(tokens: &mut Vec<Token>, text: &str, span: Span, kind: TokenKind) {
    if kind == TokenKind::Word {
        let word = &text[span.start..span.end];
        let lower = word.to_lowercase();
        for clitic in CLITICS {
            if lower.len() > clitic.len() && lower.ends_with(clitic) && word.len() >= clitic.len() {
                let cut = span.end - clitic.len();
                if text.is_char_boundary(cut) && cut > span.start {
                    tokens.push(token(Span::new(span.start, cut), kind));
                    tokens.push(token(Span::new(cut, span.end), kind));
                    return;
                }
            }
        }
    }
    tokens.push(token(span, kind));
}

fn token(span: Span, kind: TokenKind) -> Token {
    Token { span, kind, tag: None, head: None, rel: None }
}

/// Digits with inner separators: `1,000`, `3.5`, `12:57`, `03/25/24`,
/// `2024-03-25`, and unit suffixes glued to them (`6am`, `1990s`, `25th`).
fn scan_number(chars: &[(usize, char)], from: usize) -> usize {
    let mut j = from;
    while j < chars.len() {
        let c = chars[j].1;
        if c.is_ascii_digit() {
            j += 1;
        } else if matches!(c, ',' | '.' | ':' | '/' | '-')
            && chars.get(j + 1).is_some_and(|&(_, n)| n.is_ascii_digit())
            && j > from
        {
            j += 1;
        } else {
            break;
        }
    }
    // Glued letters: ordinals, decades, units.
    let mut k = j;
    while k < chars.len() && chars[k].1.is_alphabetic() {
        k += 1;
    }
    if k > j && k - j <= 3 {
        j = k;
    }
    j - from
}

/// A word: letters and digits with inner hyphens, apostrophes, ampersands
/// and periods; a final period is kept only for known abbreviations,
/// acronyms written with periods ("U.S.") and single-letter initials.
fn scan_word(chars: &[(usize, char)], from: usize) -> usize {
    let mut j = from + 1;
    while j < chars.len() {
        let c = chars[j].1;
        let next_is_word = chars.get(j + 1).is_some_and(|&(_, n)| is_word_char(n));
        if is_word_char(c) {
            j += 1;
        } else if matches!(c, '-' | '&' | '\'' | '’' | '.') && next_is_word {
            j += 1;
        } else {
            break;
        }
    }
    if chars.get(j).is_some_and(|&(_, c)| c == '.') {
        let word: String = chars[from..=j].iter().map(|&(_, c)| c).collect();
        let lower = word.to_lowercase();
        let dotted_acronym = word.len() >= 4
            && word
                .chars()
                .enumerate()
                .all(|(k, c)| if k % 2 == 0 { c.is_alphabetic() } else { c == '.' });
        let initial =
            word.chars().count() == 2 && word.chars().next().is_some_and(|c| c.is_uppercase());
        if ABBREVIATIONS.contains(&lower.as_str()) || dotted_acronym || initial {
            j += 1;
        }
    }
    j - from
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| &text[t.span.start..t.span.end]).collect()
    }

    #[test]
    fn words_and_punctuation() {
        assert_eq!(texts("Hello, world!"), vec!["Hello", ",", "world", "!"]);
    }

    #[test]
    fn abbreviations_and_acronyms() {
        assert_eq!(
            texts("the U.S. at 3 p.m. Dr. Who"),
            vec!["the", "U.S.", "at", "3", "p.m.", "Dr.", "Who"]
        );
        assert_eq!(texts("It ended."), vec!["It", "ended", "."]);
    }

    #[test]
    fn numbers() {
        assert_eq!(
            texts("1,000 people, 3.5%, 12:57 on 03/25/24 and 2024-03-25."),
            vec![
                "1,000",
                "people",
                ",",
                "3.5",
                "%",
                ",",
                "12:57",
                "on",
                "03/25/24",
                "and",
                "2024-03-25",
                "."
            ]
        );
        assert_eq!(texts("at 6am in the 1990s"), vec!["at", "6am", "in", "the", "1990s"]);
    }

    #[test]
    fn clitics_split() {
        assert_eq!(texts("Russia's worst; don't"), vec!["Russia", "'s", "worst", ";", "do", "n't"]);
        assert_eq!(texts("Friday’s attack"), vec!["Friday", "’s", "attack"]);
    }

    #[test]
    fn hyphens_and_quotes() {
        assert_eq!(
            texts("IS-Khorasan \"said\" ... it"),
            vec!["IS-Khorasan", "\"", "said", "\"", "...", "it"]
        );
    }

    #[test]
    fn kinds() {
        let tokens = tokenize("He said “no” 5 times.");
        let kinds: Vec<TokenKind> = tokens.iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(kinds, vec![Word, Word, Quote, Word, Quote, Number, Word, Punct]);
    }
}
