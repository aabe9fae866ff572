//! What a cue reports: the content clause after it, a postposed cue's
//! clause before it, and the claim's text.

use super::*;

/// "..., said the poster." or "..., X said." with the content before.
pub(super) fn postposed(ctx: &Ctx<'_>, sentence: &Sentence<'_>, cue: usize) -> Option<Postposed> {
    let words = ctx.words();
    let start = sentence.tokens.start;
    // What follows a comma and a participle cue (", adding that ...") is
    // a claim of its own, a chain phrase (", citing intelligence
    // reports") a link of the chain, and a noun that names the claim (",
    // a figure Israel disputes") its evaluation: none is part of this
    // cue's phrase.
    let end = (cue + 1..sentence.tokens.end)
        .find(|&i| {
            words[i] == ","
                && words.get(i + 1).is_some_and(|n| {
                    LEXICONS.participle.contains(n)
                        || LEXICONS.chain.begins(n)
                        || names_a_claim(words, i + 1)
                })
        })
        .unwrap_or(sentence.tokens.end);
    // A semicolon ends the clause of the cue.
    let end = (cue + 1..end).find(|&i| words[i] == ";").unwrap_or(end);
    // So does why the source is unnamed ("..., two officials said on
    // condition of anonymity because they were not authorised to speak").
    let end = LEXICONS.anonymity.find(words, cue + 1..end).map_or(end, |found| found.start);
    // The words after the cue but time words, and (`after`) "on" too.
    let rest: Vec<usize> = (cue + 1..end).filter(|&i| !is_time_word(words[i])).collect();
    let after: Vec<usize> = rest.iter().copied().filter(|&i| words[i] != "on").collect();
    // "..., said the poster." The speaker may carry an apposition or an
    // aside ("said Jane Doe, the defence minister", "said Jane Doe (no
    // relation)"), which is not part of the source's name.
    if cue > start && (words[cue - 1] == "," || ctx.doc.tokens[cue - 1].kind == TokenKind::Quote) {
        // (A role without an article is one too: "said Dr. Anthony Fauci,
        // director of the institute"; so are an age and a relative clause.)
        let aside = after.iter().copied().find(|&i| {
            words[i] == "("
                || words[i] == ","
                    && words.get(i + 1).is_some_and(|n| {
                        matches!(
                            *n,
                            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "who" | "whose"
                        ) || n.starts_with(char::is_lowercase)
                            && ctx.doc.tokens[i + 1].tag == Some(Upos::Noun)
                            // "said Maria Lopez, 54, whose house ...": an age.
                            || n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit())
                    })
        });
        // "said Jane Doe to the crowd, which ...": whom she spoke to, and
        // where, are not part of her name.
        let place = after.iter().copied().skip(1).find(|&i| {
            matches!(words[i], "to" | "at" | "during" | "before") && ctx.is_capitalized(i - 1)
        });
        let aside = aside.into_iter().chain(place).min();
        let name: Vec<usize> =
            after.iter().copied().filter(|&i| aside.is_none_or(|x| i < x)).collect();
        let name_end = name.last().map_or(cue + 1, |&i| i + 1);
        let plain = |i: usize| !looks_finite_verb(ctx, i) && !matches!(words[i], "that" | "how");
        let short = !name.is_empty()
            && name.len() <= 8
            && name.iter().all(|&i| plain(i) && words[i] != ",")
            && after.len() <= 16
            && (place.is_some() && aside == place
                || aside.is_some()
                || after.iter().all(|&i| plain(i)));
        if short {
            let content_end = if words[cue - 1] == "," { cue - 1 } else { cue };
            return Some(Postposed {
                speaker: cue + 1..name_end,
                content: strip_quote_end(ctx, start..content_end),
            });
        }
        // "Institutional recipients, said Mauer, are required to ...": a
        // report set off inside the clause. The predicate after it is the
        // content (the subject before it joins the claim's text).
        let close = (cue + 1..end.min(cue + 7)).find(|&i| words[i] == ",");
        if let Some(close) = close.filter(|_| words[cue - 1] == ",") {
            let name = cue + 1..close;
            let predicate = close + 1 < end
                && matches!(ctx.doc.tokens[close + 1].tag, Some(Upos::Aux | Upos::Verb));
            if !name.is_empty()
                && ctx.is_capitalized(name.start)
                && name.clone().all(plain)
                && predicate
            {
                return Some(Postposed { speaker: name, content: close + 1..end });
            }
        }
    }
    // "..., X said." : nothing but time words after the cue, or the party
    // told ("..., officials told state media.").
    let told_whom = LEXICONS.tell.contains(words[cue])
        && after.len() <= 4
        && after.iter().all(|&i| !looks_finite_verb(ctx, i) && !matches!(words[i], "that" | ","));
    // "..., police said in a statement.", "..., she wrote on Twitter.":
    // where or how it was said, prepositional phrases and nothing else.
    let tag = |i: usize| ctx.doc.tokens[i].tag;
    // "in a televised address": a participle after an article modifies
    // the noun after it.
    let participle_modifier = |i: usize| {
        i > 0
            && matches!(words[i - 1], "a" | "an" | "the")
            && (words[i].ends_with("ed") || words[i].ends_with("ing"))
            && rest.contains(&(i + 1))
    };
    // "... on Sunday": a preposition before a time word goes with it.
    let rest: Vec<usize> = rest
        .iter()
        .copied()
        .filter(|&i| {
            !(tag(i) == Some(Upos::Adp) && words.get(i + 1).is_some_and(|w| is_time_word(w)))
        })
        .collect();
    let how_said = rest.first().is_some_and(|&i| tag(i) == Some(Upos::Adp))
        && rest
            .last()
            .is_some_and(|&i| matches!(tag(i), Some(Upos::Noun | Upos::Propn | Upos::Num)))
        && rest.len() <= 10
        && rest.iter().all(|&i| {
            (!looks_finite_verb(ctx, i) || participle_modifier(i))
                && !matches!(words[i], "that" | "," | "whether" | "if" | "about")
                && (matches!(
                    tag(i),
                    Some(
                        Upos::Adp
                            | Upos::Det
                            | Upos::Adj
                            | Upos::Noun
                            | Upos::Propn
                            | Upos::Num
                            | Upos::Cconj
                    )
                ) || participle_modifier(i))
        });
    if after.is_empty() || told_whom || how_said {
        let subject_end = (start..cue).rev().find(|&i| !LEXICONS.skip.contains(words[i]))? + 1;
        let speaker = phrase_before(ctx, start..subject_end)?;
        // '..., officials said.' or '...," he said.'
        if speaker.start > start
            && (words[speaker.start - 1] == ","
                || ctx.doc.tokens[speaker.start - 1].kind == TokenKind::Quote)
        {
            let content = strip_quote_end(ctx, start..speaker.start - 1);
            return Some(Postposed { speaker, content });
        }
    }
    None
}

/// The content without the closing marks and commas at its end.
pub(super) fn strip_quote_end(ctx: &Ctx<'_>, content: Range<usize>) -> Range<usize> {
    let Range { start, mut end } = content;
    while end > start
        && (ctx.doc.tokens[end - 1].kind == TokenKind::Quote || ctx.text(end - 1) == ",")
    {
        end -= 1;
    }
    start..end
}

/// Where the main clause ends when a cue's subject follows a subordinator
/// ("..., days after the group claimed"), an absolute "with" ("...,
/// with officials saying ...") or a conjunction after a comma ("..., but
/// officials said ...").
pub(super) fn subordinate_main_end(
    words: &[&str],
    sentence_start: usize,
    subject_start: usize,
) -> Option<usize> {
    // (The subject phrase may hold the "with" itself.)
    let before = if words[subject_start] == "with" {
        subject_start
    } else {
        subject_start.checked_sub(1)?
    };
    if before < sentence_start {
        return None;
    }
    // "The attack was claimed by the Houthis, but both Saudi Arabia and
    // the US have alleged ...": a clause coordinated after a comma.
    let mut conjunction = before;
    while conjunction > sentence_start
        && matches!(words[conjunction], "both" | "either" | "neither")
    {
        conjunction -= 1;
    }
    if matches!(words[conjunction], "but" | "and" | "yet")
        && conjunction > sentence_start
        && words[conjunction - 1] == ","
    {
        return Some(conjunction - 1);
    }
    if !(LEXICONS.subordinators.contains(words[before]) || words[before] == "with") {
        return None;
    }
    (sentence_start..before).rev().find(|&i| words[i] == ",")
}

/// "wrote on Twitter: \"...\"", "told the public via Twitter, \"...\"":
/// a short phrase with no verb in `rest` (the words after a cue), then a
/// comma or colon and a quotation that runs to the sentence's end. The
/// quotation is the content; the phrase says where or to whom it was
/// said. The comma or colon's index.
pub(super) fn quotation_after_phrase(ctx: &Ctx<'_>, rest: Range<usize>) -> Option<usize> {
    let words = ctx.words();
    let kind = |k: usize| ctx.doc.tokens[k].kind;
    let mark = (rest.start..rest.end.min(rest.start + 10))
        .take_while(|&k| !looks_finite_verb(ctx, k) && kind(k) != TokenKind::Quote)
        .find(|&k| {
            matches!(words[k], "," | ":") && k + 1 < rest.end && kind(k + 1) == TokenKind::Quote
        })?;
    // The quotation ends the sentence (or runs on past it): after its
    // closing mark only punctuation.
    let closes_early = (mark + 2..rest.end).any(|k| {
        kind(k) == TokenKind::Quote
            && (k + 1..rest.end).any(|j| !matches!(kind(j), TokenKind::Punct | TokenKind::Quote))
    });
    (!closes_early).then_some(mark)
}

/// What the party told after "told" is: a name, the press, a pronoun, a
/// common noun after an article.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Told {
    Name,
    Press,
    Pronoun,
    Common,
}

/// Object pronouns: the party told ("told him"), never a source.
pub(super) const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "me", "us", "you"];

/// The content after a cue, in `after_cue` (the rest of the sentence):
/// "that", time words and the party told are skipped; it ends at the
/// sentence end, a chain phrase or a new participle cue.
pub(super) fn content_after(ctx: &Ctx<'_>, after_cue: Range<usize>, cue: &str) -> Range<usize> {
    let words = ctx.words();
    let Range { start: from, end: sentence_end } = after_cue;
    let mut start = from;
    if LEXICONS.tell.contains(cue) {
        if let Some(that) =
            (start..sentence_end.min(start + 8)).find(|&i| is_complementizer(ctx, i))
        {
            start = that + 1;
        } else {
            // The party told is one phrase: a name ("told Reuters", "told
            // the BBC"), the press ("told local reporters") or a pronoun
            // ("told him"); what follows it is the content, even when it
            // starts with a name or an article ("told reporters Smith had
            // resigned", "told Reuters the road would reopen").
            // A common noun after an article names the party too ("told
            // the court she had been forced").
            let mut told: Option<Told> = None;
            let mut article = false;
            while start < sentence_end {
                let word = words[start];
                let next = if told.is_none() && matches!(word, "the" | "a" | "an") {
                    article = true;
                    None
                } else if told.is_none() && OBJECT_PRONOUNS.contains(&word) {
                    Some(Told::Pronoun)
                } else if matches!(told, None | Some(Told::Name | Told::Press))
                    && LEXICONS.hearer.contains(word)
                {
                    // "told local reporters", "told Polish media".
                    Some(Told::Press)
                } else if matches!(told, None | Some(Told::Name)) && ctx.is_capitalized(start) {
                    Some(Told::Name)
                } else if (article
                    || told.is_none()
                        && from > 0
                        && ctx.doc.tokens[start].rel == Some(Rel::Iobj)
                        && ctx.doc.tokens[start].head == Some(from - 1))
                    && matches!(told, None | Some(Told::Common))
                    && ctx.doc.tokens[start].tag == Some(Upos::Noun)
                {
                    // (With no article, where the parse makes the noun
                    // the one told: "told shareholders the merger would
                    // close".)
                    // "told the court" (but "told reporters repairs would
                    // take a week": no article, no party).
                    Some(Told::Common)
                } else {
                    break;
                };
                told = next.or(told);
                start += 1;
                if told == Some(Told::Pronoun) {
                    break;
                }
            }
        }
    }
    // "commented on reports that ...", "responded to allegations that
    // ...": the clause is what the reports say (`nominal_claims` reads
    // it), not what the cue's speaker said.
    if about_a_rumour(ctx, start, sentence_end) {
        return start..start;
    }
    // "said in his nightly address that ...", "wrote on Telegram that
    // ...": where or how it was said, up to the "that" of the content.
    if matches!(words.get(start), Some(&("in" | "on" | "at" | "during" | "via" | "through" | "to")))
    {
        // (After "to" too: the tagger reads "to reporters" as an
        // infinitive.)
        let determined = words[start] == "to"
            || words.get(start + 1).is_some_and(|w| {
                matches!(*w, "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "my")
            });
        let that = (start + 1..sentence_end.min(start + 10))
            .take_while(|&k| {
                // (After an article or a possessive, a noun the tagger
                // reads as a verb, "his nightly address", is no verb; an
                // auxiliary still is.)
                let verb = if determined {
                    ctx.doc.tokens[k].tag == Some(Upos::Aux)
                } else {
                    looks_finite_verb(ctx, k)
                };
                words[k] != "," && !verb
            })
            .find(|&k| words[k] == "that" && is_complementizer(ctx, k));
        if let Some(that) = that {
            start = that + 1;
        }
    }
    if let Some(mark) = quotation_after_phrase(ctx, start..sentence_end) {
        start = mark + 1;
    }
    let statement = |i: usize| words.get(i).is_some_and(|w| LEXICONS.statement.contains(w));
    loop {
        if start >= sentence_end {
            break;
        }
        let word = words[start];
        let skipped = match word {
            "that" => is_complementizer(ctx, start),
            "," | ":" | "how" | "on" => true,
            // "in a statement that ...": the form the content takes.
            "in" => words.get(start + 1) == Some(&"a"),
            // "said late on Sunday that ...", "said early this morning
            // that ...": a time of day.
            "late" | "early" => words
                .get(start + 1)
                .is_some_and(|w| matches!(*w, "on" | "in" | "last" | "this") || is_time_word(w)),
            "this" | "last" => words.get(start + 1).is_some_and(|w| time_of_day(w)),
            w if time_of_day(w) => start > from && matches!(words[start - 1], "this" | "last"),
            "a" => statement(start + 1),
            _ => statement(start) && (start == from || words[start - 1] == "a"),
        };
        if skipped || is_time_word(word) {
            start += 1;
            continue;
        }
        if let Some(n) = LEXICONS.dispute.match_at(words, start) {
            start += n;
            continue;
        }
        break;
    }
    // "Peskov told reporters on Tuesday, referring to the reports": a
    // participle after a comma says how it was said, not what (unless a
    // quotation follows: "she said, asking him to be \"patient\"").
    if start > from
        && start < sentence_end
        && words[start - 1] == ","
        && words[start].ends_with("ing")
        && ctx.doc.tokens[start].tag == Some(Upos::Verb)
        && !LEXICONS.participle.contains(words[start])
        && !(start..sentence_end).any(|k| ctx.doc.tokens[k].kind == TokenKind::Quote)
    {
        // "..., speaking from Moscow, that the talks had failed".
        match (start..sentence_end.saturating_sub(1))
            .find(|&k| words[k] == "," && words[k + 1] == "that" && is_complementizer(ctx, k + 1))
        {
            Some(comma) => start = comma + 2,
            None => return start..start,
        }
    }
    let mut end = sentence_end;
    for i in start..sentence_end {
        if words[i] == ";" {
            end = i;
            break;
        }
        let at_comma = words[i] == ",";
        let next = words.get(i + 1).copied().unwrap_or("");
        // ", a claim that could not be verified" evaluates the content.
        // So does ", figures that Reuters could not verify".
        // (", but the claim could not be verified" as well.)
        let after = i + 1 + usize::from(matches!(next, "but" | "though" | "although"));
        // (", but there was no independent confirmation" too.)
        let contrast = after > i + 1;
        let evaluation = at_comma
            && (names_a_claim(words, after)
                || (contrast
                    || (i + 1..sentence_end.min(i + 5))
                        .any(|k| matches!(words[k], "that" | "which")))
                    && LEXICONS.unverified.find(words, i + 2..sentence_end).is_some());
        // ", without providing evidence" says how it was claimed: not
        // content (the status reads it).
        if evaluation
            || at_comma && LEXICONS.dispute.match_at(words, i + 1).is_some() && next == "without"
            || at_comma && (LEXICONS.chain.begins(next) || LEXICONS.participle.contains(next))
            || at_comma && answers_before(ctx, i + 1..sentence_end)
            // (", contradicting the army's account" answers another claim.)
            || at_comma && next.ends_with("ing") && LEXICONS.deny.match_at(words, i + 1).is_some()
            || at_comma
                && contrasting_clause(ctx, i + 1..sentence_end)
                && !quote_open(&words[start..i])
            // "The army said it killed ten militants and the rebels
            // denied it": another party's report, joined on to a clause
            // ("said Smith and Jones denied it" is one report of two).
            || (start..i).any(|k| looks_finite_verb(ctx, k))
                && (at_comma && next == "and" || matches!(words[i], "and" | "but"))
                && reporting_clause(ctx, i + usize::from(at_comma)..sentence_end)
                && !quote_open(&words[start..i])
        {
            end = i;
            break;
        }
    }
    start..end.max(start)
}

/// Whether a count opens at token `k` with a preposition of its
/// qualifier ("at least 12", "up to 40", "over 100", "about 30"): a noun
/// phrase, not a place or a topic.
pub(super) fn count_opening(ctx: &Ctx<'_>, k: usize) -> bool {
    let lower = |i: usize| ctx.lower.get(i).map_or("", String::as_str);
    let number = |i: usize| ctx.doc.tokens.get(i).is_some_and(|t| t.tag == Some(Upos::Num));
    match lower(k) {
        "at" => matches!(lower(k + 1), "least" | "most") && number(k + 2),
        "up" => lower(k + 1) == "to" && number(k + 2),
        "over" | "about" | "around" | "nearly" | "almost" | "roughly" => number(k + 1),
        _ => false,
    }
}

/// A noun of a time of day or a span ("morning" of "this morning", "week"
/// of "last week").
pub(super) fn time_of_day(word: &str) -> bool {
    matches!(word, "morning" | "afternoon" | "evening" | "night" | "week" | "weekend" | "month")
}

/// Whether the words from `k` are a preposition and a noun of rumour
/// (`hedging_nouns.txt`) with its "that" clause: "on reports that ...",
/// "to the allegations that ...", "about claims that ...".
pub(super) fn about_a_rumour(ctx: &Ctx<'_>, k: usize, end: usize) -> bool {
    let words = ctx.words();
    if !words.get(k).is_some_and(|w| matches!(*w, "on" | "to" | "about" | "over" | "against")) {
        return false;
    }
    let noun = (k + 1..end.min(k + 5)).find(|&i| {
        !matches!(ctx.doc.tokens[i].tag, Some(Upos::Det | Upos::Adj | Upos::Pron))
            && !matches!(words[i], "the" | "a" | "an")
    });
    noun.is_some_and(|n| {
        LEXICONS.hedging_nouns.contains(ctx.lower[n].as_str())
            && words.get(n + 1) == Some(&"that")
            && is_complementizer(ctx, n + 1)
    })
}

/// Whether an article and a noun naming a claim start at `k` ("a claim
/// that could not be verified", "a figure Israel disputes"): after a
/// comma, the content's evaluation.
pub(in crate::claims) fn names_a_claim(words: &[&str], k: usize) -> bool {
    words.get(k).is_some_and(|w| matches!(*w, "a" | "an" | "the"))
        && words.get(k + 1).is_some_and(|n| LEXICONS.claim_nouns.contains_key(*n))
}

/// Whether `rest` (after a comma) is another party's answer to what
/// comes before it: ", but Kyiv denied it", ", which the ministry
/// rejected": a conjunction or "which", a subject of a few words and a
/// verb of denial (`deny.txt`), no other verb between.
pub(super) fn answers_before(ctx: &Ctx<'_>, rest: Range<usize>) -> bool {
    let words = ctx.words();
    if rest.is_empty() || !matches!(words[rest.start], "but" | "which" | "though" | "although") {
        return false;
    }
    for k in rest.start + 1..rest.end.min(rest.start + 8) {
        if LEXICONS.deny.match_at(words, k).is_some() {
            return k > rest.start + 1;
        }
        if matches!(words[k], "," | ";" | ":")
            || looks_finite_verb(ctx, k) && !LEXICONS.skip.contains(words[k])
        {
            return false;
        }
    }
    false
}

/// Whether `rest` (after a comma) is another party's report set against
/// what was said: "but", "though", "although" or "whereas", a subject and
/// a cue of its own ("..., though some residents believe it was a bomb",
/// "..., but witnesses said ..."), or another party's estimate ("...,
/// though local media put the figure at 50"). Without a cue the clause
/// after "but" is mostly the speaker's still ("..., but the duration
/// would be unusual"), and stays in the content.
pub(super) fn contrasting_clause(ctx: &Ctx<'_>, rest: Range<usize>) -> bool {
    let words = ctx.words();
    if rest.is_empty() || !matches!(words[rest.start], "but" | "though" | "although" | "whereas") {
        return false;
    }
    if estimate(ctx, rest.start + 1..rest.end).is_some() {
        return true;
    }
    let subject_end = (rest.start + 1..rest.end.min(rest.start + 6)).find(|&k| {
        (LEXICONS.speech.contains(words[k]) || LEXICONS.claim.contains(words[k]))
            && looks_finite_verb(ctx, k)
    });
    let tag = |k: usize| ctx.doc.tokens[k].tag;
    let be = |k: usize| matches!(words[k], "is" | "are" | "was" | "were" | "be" | "been");
    subject_end.is_some_and(|cue| {
        cue > rest.start + 1
            // A subject of its own ("but did not say ..." has none) and an
            // active cue ("though it was later found to be ..." reports
            // nobody's words).
            && !matches!(tag(rest.start + 1), Some(Upos::Aux | Upos::Verb | Upos::Part | Upos::Adv))
            && !(rest.start + 1..cue).any(be)
            && (rest.start + 1..cue).all(|k| !matches!(words[k], "," | ";" | "\"" | "“" | "”"))
            && subject_before(ctx, rest.start + 1, cue).is_some()
    })
}

/// Whether `rest`, after a content clause, is "and" or "but" and another
/// party's report or denial ("and the rebels denied the claim", "but
/// officials said"): a subject of its own, then a cue of speech or denial
/// (not of belief or finding: "and fewer males find mates"), as
/// [`contrasting_clause`] reads one after a comma.
pub(super) fn reporting_clause(ctx: &Ctx<'_>, rest: Range<usize>) -> bool {
    let words = ctx.words();
    if rest.is_empty() || !matches!(words[rest.start], "and" | "but") {
        return false;
    }
    let cue = (rest.start + 1..rest.end.min(rest.start + 6)).find(|&k| {
        (LEXICONS.speech.contains(words[k]) || LEXICONS.deny.match_at(words, k).is_some())
            && looks_finite_verb(ctx, k)
    });
    let tag = |k: usize| ctx.doc.tokens[k].tag;
    cue.is_some_and(|cue| {
        cue > rest.start + 1
            && matches!(
                tag(rest.start + 1),
                Some(Upos::Det | Upos::Propn | Upos::Noun | Upos::Pron | Upos::Adj | Upos::Num)
            )
            && (rest.start + 1..cue).all(|k| !matches!(words[k], "," | ";" | "\"" | "“" | "”"))
            && (rest.start + 1..cue)
                .any(|k| matches!(tag(k), Some(Upos::Noun | Upos::Propn | Upos::Pron)))
            && subject_before(ctx, rest.start + 1, cue).is_some()
    })
}

/// Whether `words` open a quotation they do not close: a comma inside it
/// is the speaker's, not the content's end.
pub(super) fn quote_open(words: &[&str]) -> bool {
    let count = |mark: &str| words.iter().filter(|w| **w == mark).count();
    count("\"") % 2 == 1
        || count("'") % 2 == 1
        || count("“") > count("”")
        || count("‘") > count("’")
}

/// Whether the "that" at `i` opens a clause ("said that the road was
/// closed") rather than being its subject ("said that's not true", "said
/// that was wrong"): an auxiliary right after it makes it the subject.
/// (Not any verb: "said that decreasing access may lower the rate".)
pub(super) fn is_complementizer(ctx: &Ctx<'_>, i: usize) -> bool {
    let words = ctx.words();
    let auxiliary = |k: usize| {
        words.get(k).is_some_and(|w| matches!(*w, "'s" | "’s"))
            || ctx.doc.tokens.get(k).is_some_and(|t| t.tag == Some(Upos::Aux))
    };
    words[i] == "that" && !auxiliary(i + 1)
}

/// Words that end the antecedent of a count clause when walking left
/// from it ("the group behind | the attack which killed ...").
pub(super) const ANTECEDENT_STOPS: &[&str] = &[
    "behind", "for", "after", "before", "was", "is", "were", "are", "caused", "against", "during",
    "by", "to", "that", "with", "about",
];

/// Splits "… the attack which killed at least 137 people" into the
/// content before "which" and the count clause, which the article
/// asserts.
pub(super) fn split_count_clause(
    ctx: &Ctx<'_>,
    content: Range<usize>,
) -> (Range<usize>, Option<CountClause>) {
    let words = ctx.words();
    for relative in content.clone() {
        if !matches!(words[relative], "which" | "that" | "who") {
            continue;
        }
        let clause_has_harm =
            (relative + 1..content.end.min(relative + 4)).any(|i| LEXICONS.harm.contains(words[i]));
        let has_number = (relative + 1..content.end.min(relative + 7)).any(|i| {
            ctx.doc.tokens[i].kind == TokenKind::Number || LEXICONS.count_words.contains(words[i])
        });
        if clause_has_harm && has_number {
            let antecedent_start = (content.start..relative)
                .rev()
                .find(|&i| ANTECEDENT_STOPS.contains(&words[i]))
                .map_or(content.start, |i| i + 1);
            let end = if relative > content.start && words[relative - 1] == "," {
                relative - 1
            } else {
                relative
            };
            let count = CountClause {
                antecedent: antecedent_start..relative,
                clause: relative + 1..content.end,
            };
            return (content.start..end, Some(count));
        }
    }
    (content, None)
}

/// The claim in words that stand alone: a leading adverbial ("In protest
/// against …,") is dropped, a subject pronoun standing for the source is
/// replaced by the source ("it was behind" → "IS-Khorasan was behind"),
/// and a cue with a noun complement keeps its clause ("the group claimed
/// responsibility for …").
pub(super) fn claim_text(
    ctx: &Ctx<'_>,
    att: &Attribution,
    source: Option<&Source>,
    content: Range<usize>,
) -> Option<String> {
    let words = ctx.words();
    if content.is_empty() {
        return None;
    }
    // "claimed responsibility": a noun phrase for object, no clause
    // ("said taxes would rise" reports its clause).
    // So does an infinitive right after the cue ("the rebels claimed to
    // have shot down a helicopter": "to have shot down ..." says nothing
    // of who).
    let infinitive = content.start == att.cue.end && words[content.start] == "to";
    if infinitive || noun_object(ctx, att, content.clone()) {
        if let Some(source) = source {
            return Some(format!("{} {}", source.text, ctx.span_text(att.cue.start, content.end)));
        }
    }
    let mut from = content.start;
    if PREPOSITIONS.contains(&words[from]) {
        if let Some(comma) =
            (content.start..content.end.min(content.start + 25)).find(|&k| words[k] == ",")
        {
            if comma + 3 < content.end {
                from = comma + 1;
            }
        }
    }
    let text = ctx.span_text(from, content.end);
    let pronoun = matches!(words[from], "it" | "they" | "he" | "she");
    match source {
        Some(source)
            if pronoun
                && source.kind == SourceKind::Named
                && from + 1 < content.end
                && agrees(ctx, source, words[from]) =>
        {
            Some(format!("{} {}", source.text, ctx.span_text(from + 1, content.end)))
        }
        _ => Some(text.to_string()),
    }
}

/// Whether the cue takes a noun phrase for object, no clause: "claimed
/// responsibility for the attack", "claimed the attack" ("said taxes
/// would rise", "claimed the ministry had lied" report their clause).
pub(super) fn noun_object(ctx: &Ctx<'_>, att: &Attribution, content: Range<usize>) -> bool {
    let tag = |k: usize| ctx.doc.tokens.get(k).and_then(|t| t.tag);
    // After an article, only with no verb anywhere after it (the parse
    // and the tagger miss many clauses that open with one).
    // So is a count ("reported 19 deaths": "12 people were killed" is a
    // clause).
    let noun_first = tag(content.start) == Some(Upos::Noun)
        || (tag(content.start) == Some(Upos::Det)
            && matches!(ctx.words()[content.start], "the" | "a" | "an")
            && matches!(tag(content.start + 1), Some(Upos::Noun | Upos::Adj))
            || tag(content.start) == Some(Upos::Num) && tag(content.start + 1) == Some(Upos::Noun))
            && !content.clone().any(|k| looks_finite_verb(ctx, k));
    // A verb of evidence is a cue only with a clause after it ("that", or
    // an artefact's "shows soldiers firing on protesters": a noun phrase
    // and a participle, `artefact_shows_clause`), so its object is that
    // clause, never a noun phrase.
    let evidence = LEXICONS.evidence.contains(ctx.words()[att.cue.start]);
    !content.is_empty()
        && att.cue.end == content.start
        && noun_first
        && !evidence
        && !noun_phrase_then_verb(ctx, content)
}

/// "The plan, Smith said, would cost $5 million", "The attack, officials
/// said, was planned": a report set off by commas between a subject and
/// its predicate. The subject (tokens before the opening comma, with no
/// verb of their own) when the content after the closing comma has none.
pub(super) fn parenthetical_subject(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    att: &Attribution,
    source: Option<&Source>,
    content: &Range<usize>,
) -> Option<Range<usize>> {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    let cue = att.cue.start;
    let source_start = source
        .and_then(|s| s.span)
        .and_then(|span| sentence.tokens.clone().find(|&k| tokens[k].span.start() == span.start()));
    let first = source_start.map_or(cue, |s| s.min(cue));
    let lead = sentence.tokens.start..first.checked_sub(1)?;
    let closes = content.start.checked_sub(1)?;
    if lead.is_empty()
        || words[lead.end] != ","
        || closes <= cue
        || words[closes] != ","
        || lead.clone().any(|k| {
            looks_finite_verb(ctx, k) || words[k] == "," || sentence.in_direct[k].is_some()
        })
        || matches!(tokens[lead.start].tag, Some(Upos::Adp | Upos::Sconj | Upos::Adv | Upos::Cconj))
    {
        return None;
    }
    // The content must lack a subject: it opens on its verb.
    matches!(tokens[content.start].tag, Some(Upos::Aux | Upos::Verb)).then_some(lead)
}

/// Whether a third-person pronoun can stand for `source`: "he"/"she" for
/// a person, "it"/"they" for anything else ("Lydia Buchtmann ... says they
/// are looking at": "they" is her agency). A source the entity stage did
/// not type agrees with any.
pub(super) fn agrees(ctx: &Ctx<'_>, source: &Source, pronoun: &str) -> bool {
    // "His family said he was unarmed": the pronoun stands for the one the
    // source belongs to, not the source.
    let first = source.text.split_whitespace().next().unwrap_or("").to_lowercase();
    if matches!(first.as_str(), "his" | "her" | "their" | "its" | "our" | "my" | "your") {
        return false;
    }
    let Some(span) = source.span else { return true };
    // Mentions are in text order: the first that ends after the source
    // starts is the only one that can overlap it first.
    let mentions = &ctx.doc.mentions;
    let first = mentions.partition_point(|m| m.span.end() <= span.start());
    let kind = mentions.get(first).filter(|m| m.span.start() < span.end()).map(|m| m.kind);
    match kind {
        Some(crate::doc::EntityKind::Person) => matches!(pronoun, "he" | "she"),
        Some(_) => matches!(pronoun, "it" | "they"),
        None => true,
    }
}

/// "[Reuters reported that] police said 12 people were killed", "[The
/// agency reported] its source said ...": a content that opens with a
/// report of its own, a named subject then a cue of speech or claim (past
/// "that"). The inner source and the inner content, after its cue (and
/// "that").
pub(super) fn inner_report(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    content: &Range<usize>,
) -> Option<(Source, Range<usize>)> {
    let words = ctx.words();
    let mut start = content.start;
    if start < content.end && is_complementizer(ctx, start) {
        start += 1;
    }
    if start >= content.end || sentence.in_direct[start].is_some() {
        return None;
    }
    // A verb of speech or claim, not a participle ("her reasoning
    // saying"), nor "found" ("proteins found only in ...").
    let cue = (start + 1..content.end.min(start + 6)).find(|&k| {
        (LEXICONS.speech.contains(words[k]) || LEXICONS.claim.contains(words[k]))
            && !LEXICONS.participle.contains(words[k])
            && !LEXICONS.evidence.contains(words[k])
            && looks_finite_verb(ctx, k)
    })?;
    // The subject: a noun phrase of words, no clause ("the man who said
    // ...", "birds as we understand").
    let subject = start..cue;
    let tags = |k: usize| ctx.doc.tokens[k].tag;
    if subject.clone().any(|k| {
        matches!(words[k], "who" | "which" | "that" | "," | "and" | "if" | "when" | "as" | "to")
            || !words[k].chars().any(char::is_alphanumeric)
            || looks_finite_verb(ctx, k)
    }) || is_pronoun(ctx, subject.clone())
        || !subject.clone().any(|k| matches!(tags(k), Some(Upos::Noun | Upos::Propn)))
        || matches!(tags(start), Some(Upos::Adp | Upos::Verb | Upos::Aux | Upos::Part))
    {
        return None;
    }
    let source = to_source(ctx, subject)?;
    let mut from = cue + 1;
    if from < content.end && is_complementizer(ctx, from) {
        from += 1;
    }
    // A clause follows: a finite verb after a subject (not a quotation:
    // those are read as quotations; nor "claimed to be ...", "found only
    // in ...": the subject opens with a determiner, a pronoun or a name).
    if from >= content.end || sentence.in_direct[from].is_some() {
        return None;
    }
    let opens_subject = from > cue + 1
        || matches!(
            ctx.doc.tokens[from].tag,
            Some(Upos::Det | Upos::Pron | Upos::Propn | Upos::Num | Upos::Noun)
        );
    if !opens_subject {
        return None;
    }
    (from + 1..content.end).find(|&k| looks_finite_verb(ctx, k))?;
    Some((source, from..content.end))
}

/// "Asked whether the strike had targeted civilians, a spokesman said
/// no": a content that is a whole answer (`answer_no.txt`,
/// `answer_yes.txt`) to the question that opens the sentence
/// (`asked.txt`). The question's clause, up to its comma, and the stance
/// the answer takes on it.
pub(super) fn answered_question(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    content: &Range<usize>,
) -> Option<(Range<usize>, StanceKind)> {
    let words = ctx.words();
    let whole = |list: &crate::claims::lexicon::PhraseList| {
        list.match_at(words, content.start) == Some(content.len())
    };
    let kind = match (whole(&LEXICONS.answer_no), whole(&LEXICONS.answer_yes)) {
        (true, _) => StanceKind::Denies,
        (_, true) => StanceKind::Asserts,
        _ => return None,
    };
    let from = sentence.tokens.start + LEXICONS.asked.match_at(words, sentence.tokens.start)?;
    let comma = (from..content.start).find(|&k| words[k] == ",")?;
    (comma > from + 1).then_some((from..comma, kind))
}

/// "Reuters could not independently confirm the figure": a verb of
/// confirmation, failed (`unverified.txt`), with a claim or an artefact
/// for object says how far an earlier claim is verified (`status` reads
/// it), and is no claim of its own; so does a verb of passing a claim on
/// (`repeat.txt`: "State television repeated the claim"), whose stance
/// `status` adds.
pub(super) fn answers_named_claim(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    att: &Attribution,
) -> bool {
    let words = ctx.words();
    let content = att.content.clone();
    let names_claim = content.start == att.cue.end
        && content.take(4).any(|k| {
            LEXICONS.claim_nouns.contains_key(words[k]) || LEXICONS.artefact.contains(words[k])
        });
    let failed = LEXICONS.confirming.contains(words[att.cue.start])
        && LEXICONS.unverified.find(words, sentence.tokens.clone()).is_some();
    // ("State television repeated the claim": a party passing it on.)
    let repeats = LEXICONS.repeat.contains(words[att.cue.start]);
    names_claim && (failed || repeats)
}

/// "Rosselló announced his resignation", "the House confirmed the
/// nomination": a cue of `act.txt` with a noun phrase after it, no clause,
/// reports an act, which the article states as a fact. Where that clause
/// starts (its subject), when it is one.
pub(super) fn reported_act(
    ctx: &Ctx<'_>,
    sentence: &Sentence<'_>,
    att: &Attribution,
    source: Option<&Source>,
    embedded: &[usize],
) -> Option<usize> {
    let words = ctx.words();
    let content = &att.content;
    let object_first =
        content.start == att.cue.end && !content.is_empty() && words[content.start] != "that";
    if !LEXICONS.act.contains(words[att.cue.start]) || !object_first || !embedded.is_empty() {
        return None;
    }
    if !object_not_clause(ctx, att.cue.start, content.clone()) {
        return None;
    }
    let tokens = &ctx.doc.tokens;
    let cue = att.cue.start;
    let subject = source?.span?;
    let from = (sentence.tokens.start..cue).find(|&k| tokens[k].span.start() >= subject.start())?;
    // The subject stands before the cue, with at most an apposition.
    (cue - from <= 12).then_some(from)
}

/// Whether token `k` lies in a relative clause on a noun of `within`
/// ("a policy [which the UN criticised]", "the people [who died]"): an
/// ancestor inside `within` is a clausal modifier (`acl`) of a noun before
/// it, with a relative pronoun between the two ("whose" may come just
/// before the noun: "a system [whose rules nobody read]").
pub(super) fn in_relative_clause(ctx: &Ctx<'_>, k: usize, within: Range<usize>) -> bool {
    let tokens = &ctx.doc.tokens;
    let mut node = k;
    for _ in 0..within.len() {
        if tokens[node].rel == Some(Rel::Acl)
            && tokens[node].head.is_some_and(|noun| {
                noun < node
                    && (noun.saturating_sub(1)..node).any(|d| {
                        matches!(ctx.lower[d].as_str(), "which" | "who" | "whom" | "whose")
                    })
            })
        {
            return true;
        }
        match tokens[node].head {
            Some(head) if within.contains(&head) => node = head,
            _ => return false,
        }
    }
    false
}

/// Whether the cue at `cue` takes a noun phrase as its object and no
/// clause ("describe the real world", "announced his resignation") in
/// `content`. The parse tells an object from a clause; without one, a
/// clause is a finite verb in the content.
pub(super) fn object_not_clause(ctx: &Ctx<'_>, cue: usize, content: Range<usize>) -> bool {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    let parsed = tokens[cue].rel.is_some();
    let of_cue = |rels: &[Rel]| {
        content.clone().any(|k| {
            tokens[k].head == Some(cue) && tokens[k].rel.is_some_and(|r| rels.contains(&r))
        })
    };
    // A clause with a subject of its own coordinated after a comma
    // ("confirmed him, but the Senate had not") is not the cue's object
    // (a second object of the cue is: "announced X, and, to everyone's
    // surprise, that ...").
    let tag = |k: usize| tokens.get(k).and_then(|t| t.tag);
    let own = content.start
        ..(content.clone())
            .find(|&k| {
                words[k] == ","
                    && tag(k + 1) == Some(Upos::Cconj)
                    && matches!(tag(k + 2), Some(Upos::Det | Upos::Noun | Upos::Propn | Upos::Pron))
            })
            .unwrap_or(content.end);
    // A pronoun that can only be an object ("confirmed him") is one,
    // whatever the parse made of it.
    let pronoun_object = content.start == cue + 1
        && matches!(words.get(cue + 1), Some(&("him" | "them" | "us" | "me")));
    let object = pronoun_object
        || if parsed {
            of_cue(&[Rel::Obj]) && !of_cue(&[Rel::Ccomp, Rel::Xcomp, Rel::Parataxis])
        } else {
            !own.clone().any(|k| looks_finite_verb(ctx, k))
        };
    // An auxiliary or an infinitive carries a clause or a plan the parse
    // may have missed ("announced the region would govern itself",
    // "announced plans to pull out").
    let clause_like = own.clone().any(|k| {
        (words[k] == ":"
            || tokens[k].tag == Some(Upos::Aux)
            || words[k] == "to" && tokens.get(k + 1).is_some_and(|t| t.tag == Some(Upos::Verb)))
            && !in_relative_clause(ctx, k, own.clone())
    });
    object && !clause_like
}

/// Whether the cue has a clause for its object in `content`: "that" right
/// after it, a clausal complement of the cue in the parse, or (the parse
/// often misses a clause without "that") a noun phrase and a finite verb
/// before the first comma ("ruled the draft violated ..."; not "ruled on
/// the appeal", "ruled Zimbabwe, serving as ...", "ruled to be void").
pub(super) fn clause_object(ctx: &Ctx<'_>, cue: usize, content: Range<usize>) -> bool {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    if words.get(cue + 1) == Some(&"that")
        || content.clone().any(|k| tokens[k].head == Some(cue) && tokens[k].rel == Some(Rel::Ccomp))
    {
        return true;
    }
    if content.is_empty()
        || content.start != cue + 1
        || matches!(tokens[content.start].tag, Some(Upos::Adp | Upos::Part))
    {
        return false;
    }
    noun_phrase_then_verb(ctx, content)
}

/// Whether `content` is a noun phrase and a finite verb, before a comma,
/// a conjunction, a relative or subordinate clause ("taxes would rise";
/// not "funds and Syria is taxing", "plans to pull out", "an association
/// ... who were depressed", "protests until Sweden joined").
pub(super) fn noun_phrase_then_verb(ctx: &Ctx<'_>, content: Range<usize>) -> bool {
    let words = ctx.words();
    let tokens = &ctx.doc.tokens;
    content
        .take_while(|&k| {
            !matches!(
                words[k],
                "," | "and" | "but" | "who" | "which" | "that" | "whose" | "where" | "until" | "if"
            ) && !LEXICONS.subordinators.contains(words[k])
        })
        .skip(1)
        .any(|k| {
            tokens[k].tag == Some(Upos::Aux)
                || tokens[k].tag == Some(Upos::Verb)
                    && !ctx.lower[k].ends_with("ing")
                    && words[k - 1] != "to"
        })
}

/// "X VERB …" from the antecedent and the relative clause of a count.
pub(super) fn asserted_claim(ctx: &Ctx<'_>, sentence_index: usize, count: CountClause) -> Claim {
    let CountClause { antecedent, clause } = count;
    let head = ctx.span_text(antecedent.start, antecedent.end).trim_end_matches(',').trim();
    let rest = ctx.span_text(clause.start, clause.end);
    Claim::unattributed(
        format!("{head} {rest}"),
        ctx.token_span(antecedent.start, clause.end),
        sentence_index,
        Status::Asserted,
    )
}
