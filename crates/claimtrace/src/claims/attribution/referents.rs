//! Who a pronoun, a description or a surname in a source stands for.

use super::*;

/// A pronoun source. "he" and "she" want a person: the last person the
/// entity stage found before the pronoun, else the latest source that
/// looks like one (a name of two words or more). Other pronouns take the
/// latest source of this sentence or the sentences before.
pub(super) fn resolve_pronoun(
    ctx: &Ctx<'_>,
    previous: &[Attribution],
    recent: &[Source],
    at: usize,
) -> Option<Source> {
    let personal = matches!(ctx.lower[at].as_str(), "he" | "she");
    if personal {
        if let Some(person) = last_person(ctx, at) {
            return Some(person);
        }
    }
    // A third-person pronoun never stands for the speaker or the one
    // spoken to ("I", "you").
    let neuter = ctx.lower[at] == "it";
    let fits = |s: &Source| {
        if matches!(s.text.to_lowercase().as_str(), "i" | "we" | "you" | "me" | "us") {
            return false;
        }
        // "It" stands for no person.
        if neuter && is_person(ctx, s) {
            return false;
        }
        !personal
            || s.kind == SourceKind::Named
                && (s.text.split_whitespace().count() >= 2 || is_person(ctx, s))
    };
    previous
        .iter()
        .rev()
        .filter_map(|att| att.source.as_ref())
        .chain(recent.iter().rev().take(6))
        .find(|s| fits(s))
        .cloned()
}

/// A definite description ("the agency", "the ministry") names the
/// organisation mentioned last before `at` whose name ends in that noun
/// ("the Saudi Press Agency"); other sources are kept as they are.
pub(super) fn resolve_description(ctx: &Ctx<'_>, at: usize, source: Source) -> Source {
    let mut words = source.text.split_whitespace();
    let (Some(det), Some(noun), None) = (words.next(), words.next(), words.next()) else {
        return source;
    };
    if !det.eq_ignore_ascii_case("the") || !noun.chars().all(char::is_lowercase) {
        return source;
    }
    let doc = ctx.doc;
    let named = mentions_before(ctx, at).find(|m| {
        m.kind == crate::doc::EntityKind::Org
            && doc.entities[m.entity]
                .name
                .rsplit(' ')
                .next()
                .is_some_and(|last| last.len() > 2 && last.eq_ignore_ascii_case(noun))
    });
    match named {
        Some(mention) => Source {
            text: doc.entities[mention.entity].name.clone(),
            span: source.span,
            kind: SourceKind::Named,
        },
        None => source,
    }
}

/// The antecedent of a relative clause whose subject is the source and
/// whose content lacks a subject ("major fires at the plant, which state
/// media said were under control"); the content starts at
/// `content_start`.
pub(super) fn relative_antecedent(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    source: Option<&Source>,
    content_start: usize,
) -> Option<String> {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    let sentence_start = sentence.tokens.start;
    let source_span = source?.span?;
    // A pronoun right before the cue stands for a source named elsewhere
    // ("a video which it said showed ...": Hamas); the clause starts at
    // the pronoun.
    let pronoun = (content_start >= sentence_start + 3)
        .then(|| content_start - 2)
        .filter(|&k| matches!(ctx.lower[k].as_str(), "it" | "they"));
    let source_from = match pronoun {
        Some(k) => k,
        None => (sentence_start..content_start)
            .find(|&k| tokens[k].span.start() >= source_span.start())?,
    };
    if source_from < sentence_start + 2 {
        return None;
    }
    // "a video it said showed ...": a relative clause without its pronoun,
    // right after a noun with its article, its source a word or two.
    let bare = pronoun.is_some()
        && tokens[source_from - 1].tag == Some(Upos::Noun)
        && (sentence_start..source_from - 1)
            .rev()
            .take(3)
            .any(|k| matches!(words[k], "a" | "an" | "the" | "its" | "their" | "his" | "her"));
    if !matches!(words[source_from - 1], "which" | "that" | "who") && !bare {
        return None;
    }
    if !matches!(tokens[content_start].tag, Some(Upos::Aux | Upos::Verb)) {
        return None;
    }
    let mut antecedent_end = if bare { source_from } else { source_from - 1 };
    if antecedent_end > sentence_start && words[antecedent_end - 1] == "," {
        antecedent_end -= 1;
    }
    let phrase = phrase_before(ctx, sentence_start..antecedent_end)?;
    // The noun phrase after the main clause's verb, if the phrase runs
    // over one.
    let from = phrase
        .clone()
        .rev()
        .find(|&k| looks_finite_verb(ctx, k))
        .map_or(phrase.start, |verb| verb + 1);
    // Without a relative pronoun, the clause belongs to the last noun of
    // the phrase: "a complete list of [the 38 countries] they said were
    // involved".
    let from = if bare {
        (from..phrase.end).rev().find(|&k| words[k] == "of").map_or(from, |of| of + 1)
    } else {
        from
    };
    (from < phrase.end).then(|| ctx.span_text(from, phrase.end).to_string())
}

/// A surname alone ("Sarea said") names the person mentioned before with
/// that surname ("Yahya Sarea"), also when the article spells it with one
/// letter changed, as transliterations vary ("Saree").
pub(super) fn resolve_surname(ctx: &Ctx<'_>, at: usize, source: Source) -> Source {
    let text = source.text.as_str();
    if source.kind != SourceKind::Named
        || text.contains(' ')
        || text.chars().count() < 4
        || !text.chars().next().is_some_and(char::is_uppercase)
    {
        return source;
    }
    let close = |a: &str, b: &str| {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        a.len() == b.len()
            && a.len() >= 5
            && a[..3] == b[..3]
            && a.iter().zip(&b).filter(|(x, y)| x != y).count() <= 1
    };
    let doc = ctx.doc;
    let named = mentions_before(ctx, at).find_map(|m| {
        if m.kind != crate::doc::EntityKind::Person {
            return None;
        }
        let name = crate::claims::source::without_titles(&doc.entities[m.entity].name);
        let last = name.rsplit(' ').next()?;
        (name.contains(' ') && (last == text || close(last, text))).then(|| name.to_string())
    });
    match named {
        Some(name) => Source { text: name, ..source },
        None => source,
    }
}

/// The last person the entity stage found before token `at`, as a source.
pub(in crate::claims) fn last_person(ctx: &Ctx<'_>, at: usize) -> Option<Source> {
    let mention = mentions_before(ctx, at).find(|m| m.kind == crate::doc::EntityKind::Person)?;
    Some(person_source(ctx, mention))
}

/// The first person the entity stage found within `tokens`, as a source.
pub(super) fn first_person_in(ctx: &Ctx<'_>, tokens: Range<usize>) -> Option<Source> {
    let mentions = &ctx.doc.mentions;
    let first = mentions.partition_point(|m| m.tokens.start < tokens.start);
    let mention = mentions[first..]
        .iter()
        .take_while(|m| m.tokens.start < tokens.end)
        .find(|m| m.kind == crate::doc::EntityKind::Person && m.tokens.end <= tokens.end)?;
    Some(person_source(ctx, mention))
}

/// A person's mention as a source, named by its entity without titles.
pub(super) fn person_source(ctx: &Ctx<'_>, mention: &crate::doc::Mention) -> Source {
    let name = crate::claims::source::without_titles(&ctx.doc.entities[mention.entity].name);
    Source { text: name.to_string(), span: Some(mention.span), kind: SourceKind::Named }
}

/// The entity mentions that end before token `at`, nearest first, within
/// a bounded reach (mentions are in text order).
pub(super) fn mentions_before<'d>(
    ctx: &Ctx<'d>,
    at: usize,
) -> impl Iterator<Item = &'d crate::doc::Mention> + 'd {
    let mentions = &ctx.doc.mentions;
    let before = mentions.partition_point(|m| m.tokens.end <= at);
    mentions[before.saturating_sub(200)..before].iter().rev()
}

/// "I believe", "we expect" outside a quotation: the writer or the person
/// interviewed, never a third party named before (an interview, a
/// first-person piece), as the text names them.
pub(super) fn first_person(ctx: &Ctx<'_>, at: usize) -> Option<Source> {
    matches!(ctx.lower[at].as_str(), "i" | "we").then(|| Source {
        text: ctx.text(at).to_string(),
        span: Some(ctx.doc.tokens[at].span),
        kind: SourceKind::Unnamed,
    })
}

/// A third-person pronoun with nothing to stand for among the sources
/// before it ("They estimated that ..." after a sentence about "the
/// researchers"): still someone's claim, so the pronoun is its source.
pub(super) fn unresolved_pronoun(ctx: &Ctx<'_>, at: usize) -> Option<Source> {
    matches!(ctx.lower[at].as_str(), "he" | "she" | "they").then(|| Source {
        text: ctx.text(at).to_string(),
        span: Some(ctx.doc.tokens[at].span),
        kind: SourceKind::Unnamed,
    })
}

/// Whether the entity stage found a person where the source is named.
pub(super) fn is_person(ctx: &Ctx<'_>, source: &Source) -> bool {
    let Some(span) = source.span else { return false };
    let first = ctx.doc.mentions.partition_point(|m| m.span.end() < span.start());
    ctx.doc.mentions[first..].iter().take(8).any(|m| {
        m.kind == crate::doc::EntityKind::Person
            && m.span.start() <= span.start()
            && span.end() <= m.span.end()
    })
}
