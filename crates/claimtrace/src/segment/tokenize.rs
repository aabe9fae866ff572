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

/// The character at byte offset `at`, with an ASCII fast path.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    let b = *text.as_bytes().get(at)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text.get(at..)?.chars().next()
    }
}

/// Splits `text` into tokens whose spans are byte offsets into `text`.
///
/// Every span lies on character boundaries and slices back to the token's
/// text; white space is never part of a token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let next = char_at(text, i + c.len_utf8());
        let (end, kind) = if c.is_ascii_digit() {
            (scan_number(text, i), TokenKind::Number)
        } else if is_word_char(c) || (matches!(c, '@' | '#') && next.is_some_and(is_word_char)) {
            (scan_word(text, i), TokenKind::Word)
        } else if c == '.' && next == Some('.') {
            let mut j = i;
            while char_at(text, j) == Some('.') {
                j += 1;
            }
            (j, TokenKind::Punct)
        } else if is_quote(c) {
            (i + c.len_utf8(), TokenKind::Quote)
        } else if c.is_ascii_punctuation() || matches!(c, '…' | '–' | '—' | '•' | '·') {
            (i + c.len_utf8(), TokenKind::Punct)
        } else {
            (i + c.len_utf8(), TokenKind::Symbol)
        };
        push_word(&mut tokens, text, Span::new(i, end), kind);
        i = end;
    }
    tokens
}

/// Pushes a token, splitting a clitic off the end of a word.
fn push_word(tokens: &mut Vec<Token>, text: &str, span: Span, kind: TokenKind) {
    if kind == TokenKind::Word {
        let word = crate::chars::slice(text, span.range());
        if !word.contains(['\'', '’']) {
            tokens.push(token(span, kind));
            return;
        }
        let lower = word.to_lowercase();
        for clitic in CLITICS {
            if lower.len() > clitic.len() && lower.ends_with(clitic) && word.len() >= clitic.len() {
                let cut = span.end() - clitic.len();
                if text.is_char_boundary(cut) && cut > span.start() {
                    tokens.push(token(Span::new(span.start(), cut), kind));
                    tokens.push(token(Span::new(cut, span.end()), kind));
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
/// Returns the byte offset where the number ends.
fn scan_number(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let digit_at = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    let mut j = from;
    while j < bytes.len() {
        let b = bytes[j];
        if b.is_ascii_digit()
            || (matches!(b, b',' | b'.' | b':' | b'/' | b'-') && j > from && digit_at(j + 1))
        {
            j += 1;
        } else {
            break;
        }
    }
    // Glued letters: ordinals, decades, units.
    let mut k = j;
    let mut n_letters = 0;
    while let Some(c) = char_at(text, k).filter(|c| c.is_alphabetic()) {
        k += c.len_utf8();
        n_letters += 1;
    }
    if n_letters > 0 && n_letters <= 3 {
        j = k;
    }
    j
}

/// A word: letters and digits with inner hyphens, apostrophes, ampersands
/// and periods; a final period is kept only for known abbreviations,
/// acronyms written with periods ("U.S.") and single-letter initials.
/// Returns the byte offset where the word ends.
fn scan_word(text: &str, from: usize) -> usize {
    let mut j = from + char_at(text, from).map_or(1, char::len_utf8);
    while let Some(c) = char_at(text, j) {
        // A word character, or a joiner between two ("e-mail", "AT&T",
        // "O'Brien", "U.S").
        let joins = matches!(c, '-' | '&' | '\'' | '’' | '.')
            && char_at(text, j + c.len_utf8()).is_some_and(is_word_char);
        if !is_word_char(c) && !joins {
            break;
        }
        j += c.len_utf8();
    }
    if char_at(text, j) == Some('.') {
        let word = crate::chars::slice(text, from..j + 1);
        let n_chars = word.chars().count();
        let dotted_acronym = n_chars >= 4
            && word
                .chars()
                .enumerate()
                .all(|(k, c)| if k % 2 == 0 { c.is_alphabetic() } else { c == '.' });
        let initial = n_chars == 2 && word.chars().next().is_some_and(char::is_uppercase);
        let digit_after = crate::chars::slice(text, j + 1..text.len())
            .trim_start_matches(' ')
            .starts_with(|c: char| c.is_ascii_digit());
        if dotted_acronym || initial || is_abbreviation(word) && keeps_period(word, digit_after) {
            j += 1;
        }
    }
    j
}

/// Abbreviations that are also words, which end sentences ("They sat.",
/// "The spokesman said no."): their period is kept where they are written
/// as abbreviations, capitalised ("Sat.", "Gen.") or before a number
/// ("est. 1990"); "no." only before a number ("No. 10").
const ALSO_WORDS: &[&str] =
    &["no.", "sat.", "sun.", "wed.", "mar.", "sec.", "est.", "ed.", "op.", "fig.", "vol.", "dec."];

/// Whether abbreviation `word` keeps its period, `digit_after` telling
/// whether a number follows it.
fn keeps_period(word: &str, digit_after: bool) -> bool {
    if !ALSO_WORDS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
        return true;
    }
    let capitalised = word.starts_with(|c: char| c.is_uppercase());
    digit_after || capitalised && !word.eq_ignore_ascii_case("no.")
}

fn is_abbreviation(word: &str) -> bool {
    word.len() <= 8 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| crate::chars::slice(text, t.span.range())).collect()
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
        // Abbreviations that are also words end sentences as words.
        assert_eq!(texts("A spokesman said no."), vec!["A", "spokesman", "said", "no", "."]);
        assert_eq!(texts("The panel sat. It"), vec!["The", "panel", "sat", ".", "It"]);
        assert_eq!(texts("No. 10 said"), vec!["No.", "10", "said"]);
        assert_eq!(texts("on Sat. Oct. 5"), vec!["on", "Sat.", "Oct.", "5"]);
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
