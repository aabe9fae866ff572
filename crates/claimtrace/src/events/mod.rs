//! Events: who did what to whom, where and when, in the 16 PLOVER types,
//! each tied to the claim that reports it and carrying its status.
//!
//! Assigns `Document::events`; reads tags, the parse, entities, times,
//! counts, quotes and claims. The passes, per sentence:
//!
//! 1. `find_triggers`: words and phrases of `data/events/triggers.tsv`,
//!    de-inflected ("attacked", "shot", "air strikes"), checked against
//!    their tag (a verb-only trigger tagged as a noun is not one);
//! 2. `arguments`: the agent and the target from the parse: subject and
//!    object, turned around in the passive (the agent after "by"); for an
//!    event noun, its possessor or a name before it ("the Taliban attack"),
//!    "on"/"against" for its target, and the subject of the verb that
//!    carries it ("militants carried out an attack"; "four suspects face
//!    charges" makes the subject the target). Names become their entity's
//!    name; other noun phrases are kept as worded;
//! 3. `is_irrealis`: threats, plans, wishes, possibilities, conditionals
//!    and negations are not the event itself ("threatened to attack" is a
//!    threat, "did not attack" and "may strike" no event); a threat or a
//!    request borrows the target of the event it is about;
//! 4. `report`: the status and claim of the event: inside an attributed
//!    claim's words, that claim's status; a speech act reported as having
//!    happened, or anything else in the article's own voice, `asserted`;
//! 5. `merge`: mentions of one event (same type, a participant in common,
//!    or the same sentence) become one event.
//!
//! Every word list lives in `data/events/`; the stage is linear in the
//! article's length (each trigger looks at its own sentence).

pub mod lexicon;

use crate::doc::{
    Argument, Document, EntityKind, Event, EventKind, Mention, Place, Rel, Span, Status, TimeKind,
    Upos,
};
use lexicon::{Pos, Trigger, LEXICON};

/// Fills `doc.events`, replacing any found before.
pub fn find_events(doc: &mut Document) {
    let ctx = Ctx::new(doc);
    let mut events = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let found = find_triggers(&ctx, sentence.tokens.clone());
        for (k, hit) in found.iter().enumerate() {
            let Some(mut event) = build(&ctx, s, hit, &found[..k], &found[k + 1..]) else {
                continue;
            };
            report(&ctx, &mut event);
            events.push((event, refers_back(&ctx, hit.head)));
        }
    }
    doc.events = merge(events);
}

/// Lower-cased words, children lists, the mention and sentence of every
/// token, and the times and counts of every sentence: built once, so that
/// each trigger looks at its own sentence only.
struct Ctx<'d> {
    doc: &'d Document,
    /// The tokens' forms the tagger made (or made here, where the tags
    /// were set without it), read lower-cased.
    forms: std::borrow::Cow<'d, crate::tag::forms::Forms>,
    /// The tagger's tags, with a verb after a determiner or a possessive
    /// read as the noun it is ("Monday's attack").
    tags: Vec<Upos>,
    children: Vec<Vec<usize>>,
    mention_of: Vec<Option<usize>>,
    /// The sentence of each token.
    sentence_of: Vec<usize>,
    /// Whether each token is inside a time expression of the body.
    timed: Vec<bool>,
    /// Indices into `Document::times` (body) and `Document::counts`, per
    /// sentence.
    times_in: Vec<Vec<usize>>,
    counts_in: Vec<Vec<usize>>,
}

impl<'d> Ctx<'d> {
    fn new(doc: &'d Document) -> Ctx<'d> {
        let n = doc.tokens.len();
        let forms = crate::tag::forms::Forms::of_document(doc);
        let lower = |i: usize| forms.lower(i);
        let mut children = vec![Vec::new(); n];
        for (i, t) in doc.tokens.iter().enumerate() {
            if let Some(h) = t.head.filter(|&h| h < n) {
                children[h].push(i);
            }
        }
        let mut mention_of = vec![None; n];
        for (m, mention) in doc.mentions.iter().enumerate() {
            for t in mention.tokens.clone().filter(|&t| t < n) {
                mention_of[t] = Some(m);
            }
        }
        let mut tags: Vec<Upos> = doc.tokens.iter().map(|t| t.tag.unwrap_or(Upos::X)).collect();
        for i in 1..n {
            let after_det = tags[i - 1] == Upos::Det || lower(i - 1) == "'s";
            if tags[i] == Upos::Verb && after_det && !lower(i).ends_with("ed") {
                tags[i] = Upos::Noun;
            }
        }
        let mut sentence_of = vec![0; n];
        for (k, sentence) in doc.sentences.iter().enumerate() {
            for t in sentence.tokens.clone().filter(|&t| t < n) {
                sentence_of[t] = k;
            }
        }
        let sentence_at = |span: Span| {
            let k = doc.sentences.partition_point(|s| s.span.end() < span.end());
            doc.sentences.get(k).filter(|s| s.span.contains(span)).map(|_| k)
        };
        let mut timed = vec![false; n];
        let mut times_in = vec![Vec::new(); doc.sentences.len()];
        for (k, time) in doc.times.iter().enumerate().filter(|(_, t)| t.place == Place::Body) {
            let Some(s) = sentence_at(time.span) else { continue };
            times_in[s].push(k);
            for t in doc.sentences[s].tokens.clone().filter(|&t| t < n) {
                timed[t] |= time.span.contains(doc.tokens[t].span);
            }
        }
        let mut counts_in = vec![Vec::new(); doc.sentences.len()];
        for (k, count) in doc.counts.iter().enumerate() {
            if let Some(s) = sentence_at(count.span) {
                counts_in[s].push(k);
            }
        }
        Ctx { doc, forms, tags, children, mention_of, sentence_of, timed, times_in, counts_in }
    }

    /// The token range of the sentence of token `i`.
    fn sentence_tokens(&self, i: usize) -> std::ops::Range<usize> {
        self.doc.sentences.get(self.sentence_of[i]).map_or(i..i + 1, |s| s.tokens.clone())
    }

    fn word(&self, i: usize) -> &str {
        self.forms.lower(i)
    }

    fn tag(&self, i: usize) -> Upos {
        self.tags[i]
    }

    fn rel(&self, i: usize) -> Rel {
        self.doc.tokens[i].rel.unwrap_or(Rel::Dep)
    }

    fn head(&self, i: usize) -> Option<usize> {
        self.doc.tokens[i].head.filter(|&h| h < self.forms.len() && h != i)
    }

    /// Children of `i` with relation `rel`.
    fn kids(&self, i: usize, rel: Rel) -> impl Iterator<Item = usize> + '_ {
        self.children[i].iter().copied().filter(move |&c| self.rel(c) == rel)
    }

    /// The preposition (`case` child) of a nominal, lower-cased.
    fn case_of(&self, i: usize) -> Option<&str> {
        self.kids(i, Rel::Case).next().map(|c| self.word(c))
    }

    fn is_verbal(&self, i: usize) -> bool {
        matches!(self.tag(i), Upos::Verb | Upos::Aux | Upos::Adj)
    }

    fn is_nominal(&self, i: usize) -> bool {
        matches!(self.tag(i), Upos::Noun | Upos::Propn | Upos::Num | Upos::Pron)
    }

    fn in_time(&self, i: usize) -> bool {
        self.timed[i]
    }
}

/// A trigger found in the text.
struct Hit {
    trigger: &'static Trigger,
    /// The token whose dependents are the event's arguments: the verb of a
    /// verb phrase ("open" in "opened fire"), the noun of a noun phrase
    /// ("strike" in "air strike").
    head: usize,
    span: Span,
}

/// The triggers in tokens `range`, left to right, longest first.
fn find_triggers(ctx: &Ctx<'_>, range: std::ops::Range<usize>) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let mut advanced = false;
        for lemma in LEXICON.lemmas(ctx.word(i)) {
            let Some(triggers) = LEXICON.triggers.get(lemma.as_ref()) else { continue };
            let found = triggers.iter().find(|t| {
                i + t.rest.len() < range.end
                    && t.rest
                        .iter()
                        .enumerate()
                        .all(|(k, w)| LEXICON.lemmas(ctx.word(i + 1 + k)).iter().any(|l| l == w))
                    && fits(ctx, t, i)
            });
            if let Some(trigger) = found {
                let last = i + trigger.rest.len();
                // The phrase's head is the word that hangs outside it;
                // failing that, the noun of a noun phrase, the verb of a
                // verb phrase.
                let outside = (i..=last).find(|&k| ctx.head(k).is_none_or(|h| h < i || h > last));
                let head = match (trigger.pos, trigger.rest.is_empty()) {
                    (_, true) => i,
                    _ if outside.is_some() => outside.unwrap_or(i),
                    (Pos::Noun, false) => last,
                    _ => i,
                };
                let span =
                    Span::new(ctx.doc.tokens[i].span.start(), ctx.doc.tokens[last].span.end());
                hits.push(Hit { trigger, head, span });
                i = last + 1;
                advanced = true;
                break;
            }
        }
        if !advanced {
            i += 1;
        }
    }
    hits
}

/// Whether the tag of the token at `i` fits the trigger's part of speech.
fn fits(ctx: &Ctx<'_>, trigger: &Trigger, i: usize) -> bool {
    // "in charge of", "on strike" and "under attack" are states, and a
    // name ("Operation Attack") is not an event word.
    if i > 0 && trigger.rest.is_empty() && ctx.word(i - 1) == "in" {
        return false;
    }
    if ctx.tag(i) == Upos::Propn && ctx.mention_of[i].is_some() {
        return false;
    }
    match trigger.pos {
        Pos::Either => matches!(ctx.tag(i), Upos::Verb | Upos::Noun | Upos::Adj | Upos::Propn),
        Pos::Verb => matches!(ctx.tag(i), Upos::Verb | Upos::Adj),
        Pos::Noun => matches!(ctx.tag(i), Upos::Noun | Upos::Propn),
    }
}

/// Relations whose subtree is not part of an argument's noun phrase.
const CLAUSAL: &[Rel] = &[
    Rel::Acl,
    Rel::Advcl,
    Rel::Appos,
    Rel::Punct,
    Rel::Conj,
    Rel::Cc,
    Rel::Parataxis,
    Rel::Ccomp,
    Rel::Dep,
    Rel::Nsubj,
    Rel::Obj,
    Rel::Obl,
    Rel::Csubj,
    Rel::Xcomp,
    Rel::Aux,
    Rel::Cop,
    Rel::Mark,
    Rel::List,
];

/// Prepositions that mark what an event is done to.
const TARGET_CASES: &[&str] = &["on", "against", "at", "upon", "into", "to"];

/// The argument a token stands for: its entity's name, or its noun phrase.
fn argument(ctx: &Ctx<'_>, tok: usize) -> Option<Argument> {
    let doc = ctx.doc;
    if let Some(m) = ctx.mention_of[tok] {
        return Some(mentioned(ctx, &doc.mentions[m]));
    }
    if ctx.tag(tok) == Upos::Pron {
        return pronoun(ctx, tok);
    }
    if !ctx.is_nominal(tok) || ctx.in_time(tok) {
        return None;
    }
    let (mut from, mut to) = (tok, tok);
    let mut stack = vec![tok];
    let mut size = 0;
    while let Some(t) = stack.pop() {
        size += 1;
        from = from.min(t);
        to = to.max(t);
        for &c in &ctx.children[t] {
            // The argument's own preposition is not part of it ("on the
            // crowd"); one inside it is ("suspects from Tajikistan").
            let own_case = t == tok && ctx.rel(c) == Rel::Case;
            // Only "of", "from" and possessives stay inside a noun phrase:
            // "members of the public", not "forces in Pakistan".
            let loose = ctx.rel(c) == Rel::Nmod
                && !ctx.case_of(c).is_some_and(|p| matches!(p, "of" | "from" | "'s" | "'"));
            if !own_case
                && !loose
                && ctx.rel(c) != Rel::Advmod
                && !CLAUSAL.contains(&ctx.rel(c))
                && ctx.doc.tokens[c].kind != crate::doc::TokenKind::Quote
            {
                stack.push(c);
            }
        }
    }
    if size > 10 {
        // A long phrase: the head and the words just before it.
        from = tok;
        while from > 0
            && ctx.head(from - 1) == Some(tok)
            && matches!(ctx.rel(from - 1), Rel::Amod | Rel::Compound | Rel::Nummod | Rel::Det)
        {
            from -= 1;
        }
        to = tok;
    }
    while from < to
        && matches!(ctx.word(from), "the" | "a" | "an" | "this" | "that" | "these" | "those")
    {
        from += 1;
    }
    // "Iranian airline Mahan Air": the name that ends the phrase is the
    // participant.
    let last = doc.mentions.iter().find(|m| {
        m.tokens.end == to + 1
            && m.tokens.start > from
            && m.kind != EntityKind::Norp
            && !(from..m.tokens.start).any(|k| ctx.tag(k) == Upos::Adp)
    });
    if let Some(m) = last {
        return Some(mentioned(ctx, m));
    }
    let span = Span::new(doc.tokens[from].span.start(), doc.tokens[to].span.end());
    Some(Argument { text: doc.slice(span).to_string(), span, entity: None })
}

/// "he" and "she" are the person named last before them (in this or the
/// two sentences before); other pronouns are not resolved.
fn pronoun(ctx: &Ctx<'_>, tok: usize) -> Option<Argument> {
    let doc = ctx.doc;
    if !matches!(ctx.word(tok), "he" | "she" | "him" | "her") {
        return None;
    }
    let at = doc.tokens[tok].span.start();
    let window =
        doc.sentences.get(ctx.sentence_of[tok].saturating_sub(2)).map_or(0, |s| s.span.start());
    // Mentions are in text order: look back from the pronoun.
    let before = doc.mentions.partition_point(|m| m.span.start() < at);
    let mention = doc.mentions[..before]
        .iter()
        .rev()
        .take_while(|m| m.span.start() >= window)
        .find(|m| m.span.end() <= at && m.kind == EntityKind::Person)?;
    Some(Argument {
        text: doc.entities[mention.entity].name.clone(),
        span: Span::new(doc.tokens[tok].span.start(), doc.tokens[tok].span.end()),
        entity: Some(mention.entity),
    })
}

/// "US Ambassador (to Germany) Richard Grenell", which the parser may head
/// with the country that opens it (`tok`): the person or organisation
/// named at the end of the title, a participant beside the country.
fn titled_name<'d>(ctx: &Ctx<'d>, tok: usize) -> Option<&'d Mention> {
    let doc = ctx.doc;
    let mention = &doc.mentions[ctx.mention_of[tok]?];
    if !matches!(mention.kind, EntityKind::Gpe | EntityKind::Norp) {
        return None;
    }
    // Tokens after the country whose heads lead back to it, within a few
    // words.
    let reaches = |mut k: usize| {
        while let Some(h) = ctx.head(k).filter(|&h| h != k && h >= tok && h < k + 8) {
            if h == tok {
                return true;
            }
            k = h;
        }
        false
    };
    let mut end = mention.tokens.end;
    while end < doc.tokens.len()
        && matches!(ctx.tag(end), Upos::Propn | Upos::Noun | Upos::Adp)
        && reaches(end)
    {
        end += 1;
    }
    doc.mentions.iter().find(|n| {
        n.tokens.end == end
            && n.tokens.start >= mention.tokens.end
            && matches!(n.kind, EntityKind::Person | EntityKind::Org)
    })
}

/// The participant a mention names: its entity.
fn mentioned(ctx: &Ctx<'_>, m: &Mention) -> Argument {
    Argument { text: ctx.doc.entities[m.entity].name.clone(), span: m.span, entity: Some(m.entity) }
}

/// The arguments of `tok` and of the words coordinated with it; a phrase
/// led by a name ("U.S. troops", "Houthi fighters") also gives the name,
/// and a title led by a country the person it ends with ([`titled_name`]).
fn with_conjuncts(ctx: &Ctx<'_>, tok: usize) -> Vec<Argument> {
    let mut heads = vec![tok];
    let mut stack: Vec<usize> = ctx.kids(tok, Rel::Conj).collect();
    while let Some(c) = stack.pop() {
        if ctx.is_nominal(c) {
            heads.push(c);
            stack.extend(ctx.kids(c, Rel::Conj));
        }
    }
    let mut out = Vec::new();
    for head in heads {
        let Some(arg) = argument(ctx, head) else { continue };
        out.extend(titled_name(ctx, head).map(|m| mentioned(ctx, m)));
        let leading = arg.entity.is_none().then(|| {
            ctx.doc.mentions.iter().find(|m| {
                m.span.start() == arg.span.start()
                    && m.span.end() < arg.span.end()
                    && matches!(m.kind, EntityKind::Gpe | EntityKind::Org | EntityKind::Person)
            })
        });
        out.push(arg);
        out.extend(leading.flatten().map(|m| mentioned(ctx, m)));
    }
    out
}

/// The subject of verb `v`: its own, or the one it shares with the verb it
/// is coordinated with or controlled by. `Some(true)` in the second place
/// when the subject is the head noun of a participle ("militants firing").
fn subject(ctx: &Ctx<'_>, v: usize, depth: usize) -> Option<usize> {
    if let Some(s) =
        ctx.children[v].iter().copied().find(|&c| matches!(ctx.rel(c), Rel::Nsubj | Rel::Csubj))
    {
        // A relative pronoun stands for the noun the clause describes.
        if matches!(ctx.word(s), "who" | "which" | "that") && ctx.rel(v) == Rel::Acl {
            return ctx.head(v).filter(|&h| !is_adverbial(ctx, h));
        }
        return Some(s);
    }
    if depth >= 2 {
        return None;
    }
    let h = ctx.head(v)?;
    match ctx.rel(v) {
        Rel::Conj | Rel::Xcomp if ctx.is_verbal(h) => subject(ctx, h, depth + 1),
        // "militants attacking ...", and a finite clause the parser hung
        // under another verb without its subject ("militias associated
        // with Iran had made threats").
        Rel::Advcl if ctx.is_verbal(h) => subject(ctx, h, depth + 1),
        Rel::Acl if ctx.is_nominal(h) => Some(h),
        _ => None,
    }
}

/// Whether a nominal is a place or time phrase ("in the capital", "after
/// the attack") rather than a participant.
fn is_adverbial(ctx: &Ctx<'_>, n: usize) -> bool {
    ctx.case_of(n).is_some_and(|p| !matches!(p, "'s" | "'" | "of" | "by"))
}

/// Whether verb `v` is passive: "were killed", "was arrested", or a
/// participle describing a noun ("people killed in the attack").
fn is_passive(ctx: &Ctx<'_>, v: usize) -> bool {
    let word = ctx.word(v);
    let participle =
        word.ends_with("ed") || word.ends_with("en") || LEXICON.irregular.contains_key(word);
    if !participle {
        return false;
    }
    let be = |c: usize| {
        matches!(
            ctx.word(c),
            "was" | "were" | "been" | "be" | "is" | "are" | "being" | "got" | "get" | "gets"
        )
    };
    ctx.kids(v, Rel::Aux).any(be)
        || (ctx.rel(v) == Rel::Acl && !ctx.kids(v, Rel::Nsubj).any(|_| true))
        || (ctx.rel(v) == Rel::Conj && ctx.head(v).is_some_and(|h| ctx.kids(h, Rel::Aux).any(be)))
}

/// Builds the event of `hit` in sentence `s`, or `None` when the words do
/// not report one (no participants, a negation, a plan, a natural agent).
fn build(ctx: &Ctx<'_>, s: usize, hit: &Hit, before: &[Hit], after: &[Hit]) -> Option<Event> {
    let trigger = hit.trigger;
    if is_irrealis(ctx, hit.head) {
        return None;
    }
    let (mut actors, mut targets) =
        if trigger.agent { agents(ctx, hit.head) } else { participants(ctx, hit) };
    // A threat, request or accusation names what it is about through the
    // event under it: "threatening attacks on Russia" targets Russia.
    if matches!(trigger.kind, EventKind::Threaten | EventKind::Request | EventKind::Accuse) {
        if let Some(inner) = before.iter().chain(after).find(|h| governed_by(ctx, h.head, hit.head))
        {
            let names_inner = targets.iter().any(|t| t.span.contains(inner.span));
            if targets.is_empty() || names_inner {
                let inner_targets = participants(ctx, inner).1;
                if !inner_targets.is_empty() {
                    targets = inner_targets;
                }
            }
        }
    }
    // "Twin bombings struck the cathedral": an event noun that is the
    // subject of a verb of its type takes the verb's object as its target
    // (the verb, whose subject is the event itself, reports no other).
    if targets.is_empty() && !ctx.is_verbal(hit.head) {
        let mut h = hit.head;
        if ctx.rel(h) == Rel::Compound {
            h = ctx.head(h).unwrap_or(h);
        }
        if ctx.rel(h) == Rel::Nsubj {
            if let Some(verb) = ctx.head(h) {
                if let Some(v) =
                    after.iter().find(|v| v.head == verb && v.trigger.kind == trigger.kind)
                {
                    targets = participants(ctx, v).1;
                }
            }
        }
    }
    // "the attack had killed twelve": the agent is the event told by the
    // noun, which is an event of its own, not a participant.
    let is_event_word = |a: &Argument| {
        a.entity.is_none() && before.iter().chain(after).any(|h| a.span.contains(h.span))
    };
    let event_words: Vec<Span> =
        actors.iter().filter(|a| is_event_word(a)).map(|a| a.span).collect();
    actors.retain(|a| !event_words.iter().any(|w| w.contains(a.span)));
    actors.retain(|a| !targets.iter().any(|t| same(a, t)));
    // "the storm", "Hurricane Lorenzo" (the word before a name counts).
    let natural = |a: &Argument| {
        let before = ctx.doc.tokens.partition_point(|t| t.span.end() <= a.span.start());
        let word_before = before.checked_sub(1).map_or("", |k| ctx.word(k));
        is_natural(&a.text) || LEXICON.not_agents.contains(word_before)
    };
    if trigger.kind == EventKind::Assault && actors.iter().any(natural) {
        return None;
    }
    // Talks, agreements, cooperation and support are between parties with
    // names: "the program" hosts nothing.
    let diplomatic = matches!(
        trigger.kind,
        EventKind::Consult | EventKind::Agree | EventKind::Cooperate | EventKind::Support
    );
    let party = |a: &Argument| {
        let head = a.text.split_whitespace().last().unwrap_or("").to_lowercase();
        let lex = &*crate::claims::LEXICONS;
        a.entity.is_some() || lex.titles.contains(&head) || lex.unnamed.contains(&head)
    };
    if diplomatic && !actors.iter().chain(&targets).any(party) {
        return None;
    }
    let sentence = &ctx.doc.sentences[s];
    let mut event = Event {
        kind: trigger.kind,
        mode: trigger.mode,
        trigger: hit.span,
        sentence: s,
        actors,
        targets,
        location: None,
        time: None,
        counts: Vec::new(),
        status: Status::Asserted,
        claim: None,
    };
    event.location = location(ctx, hit.head, sentence.tokens.clone(), &event);
    // An attack with no other target is an attack on the place: "an
    // assault in Ghazni". With no agent either, the place must hang on
    // the event word itself, not be the sentence's nearest place.
    if event.kind == EventKind::Assault && event.targets.is_empty() {
        let attached = |p: &Argument| {
            let from = ctx.doc.tokens.partition_point(|t| t.span.start() < p.span.start());
            let to = ctx.doc.tokens.partition_point(|t| t.span.start() < p.span.end());
            (from..to).any(|k| ctx.head(k) == Some(hit.head))
        };
        if let Some(place) = event.location.clone().filter(|p| {
            p.entity.is_some_and(|e| {
                matches!(ctx.doc.entities[e].kind, EntityKind::Gpe | EntityKind::Fac)
            }) && (!event.actors.is_empty() || attached(p))
        }) {
            event.targets.push(place);
        }
    }
    if (trigger.needs_actor && event.actors.is_empty())
        || (trigger.needs_target && event.targets.is_empty())
        || (event.actors.is_empty() && event.targets.is_empty())
    {
        return None;
    }
    // The date nearest the event word in its sentence, a clause away at
    // most: "Friday's attack", "attacked ... on Friday".
    let distance = |span: Span| {
        let (a, b) = (hit.span, span);
        if b.end() <= a.start() {
            a.start() - b.end()
        } else {
            b.start().saturating_sub(a.end())
        }
    };
    event.time = ctx.times_in[s]
        .iter()
        .copied()
        .filter(|&k| {
            let t = &ctx.doc.times[k];
            matches!(t.kind, TimeKind::Date | TimeKind::Time) && distance(t.span) <= NEAR_BYTES
        })
        .min_by_key(|&k| distance(ctx.doc.times[k].span));
    event.counts = ctx.counts_in[s].clone();
    Some(event)
}

fn is_natural(text: &str) -> bool {
    text.split_whitespace()
        .any(|w| crate::chars::with_lowercase(w, |w| LEXICON.not_agents.contains(w)))
}

/// Whether `inner` is under `outer` in the parse, a few steps up at most.
fn governed_by(ctx: &Ctx<'_>, inner: usize, outer: usize) -> bool {
    let mut cur = inner;
    for _ in 0..3 {
        match ctx.head(cur) {
            Some(h) if h == outer => return true,
            Some(h) => cur = h,
            None => return false,
        }
    }
    false
}

/// The agents and targets of the event word at `t`.
fn participants(ctx: &Ctx<'_>, hit: &Hit) -> (Vec<Argument>, Vec<Argument>) {
    let (t, kind, phrase) = (hit.head, hit.trigger.kind, hit.span);
    let (mut actors, mut targets) = (Vec::new(), Vec::new());
    let prep_args = |of: usize, cases: &[&str], out: &mut Vec<Argument>| {
        for c in ctx.children[of].iter().copied() {
            let Some(case) = ctx.case_of(c).filter(|p| cases.contains(p)) else { continue };
            // "stabbed people at the hall": a place after "at" is where.
            let place = ctx.mention_of[c].is_some_and(|m| {
                matches!(
                    ctx.doc.mentions[m].kind,
                    EntityKind::Gpe | EntityKind::Loc | EntityKind::Fac
                )
            });
            if matches!(ctx.rel(c), Rel::Obl | Rel::Nmod) && !(case == "at" && place) {
                out.extend(with_conjuncts(ctx, c));
            }
        }
    };
    // A noun phrase trigger is a noun whatever the tagger says of its head
    // ("a suicide bombing").
    let verbal = match hit.trigger.pos {
        Pos::Noun => false,
        Pos::Verb => true,
        Pos::Either => ctx.is_verbal(t),
    };
    if verbal {
        let subj = subject(ctx, t, 0);
        let obj = ctx.kids(t, Rel::Obj).next();
        if is_passive(ctx, t) {
            targets.extend(subj.map(|s| with_conjuncts(ctx, s)).unwrap_or_default());
            prep_args(t, &["by"], &mut actors);
            // "killed in a US counter-terrorism operation": the name on the
            // operation is the agent.
            if actors.is_empty() {
                for c in ctx.children[t].iter().copied() {
                    if ctx.rel(c) == Rel::Obl && ctx.case_of(c) == Some("in") {
                        actors.extend(modifier_name(ctx, c));
                    }
                }
            }
        } else {
            actors.extend(subj.map(|s| with_conjuncts(ctx, s)).unwrap_or_default());
            match obj {
                Some(o) => {
                    targets.extend(claimed_by(ctx, o).unwrap_or_else(|| with_conjuncts(ctx, o)))
                }
                None => prep_args(t, TARGET_CASES, &mut targets),
            }
            // "agreed to compensate the victims": the object of what was
            // agreed, promised or asked for.
            if targets.is_empty() {
                if let Some(o) =
                    ctx.kids(t, Rel::Xcomp).next().and_then(|x| ctx.kids(x, Rel::Obj).next())
                {
                    targets.extend(with_conjuncts(ctx, o));
                }
            }
            // "alleged Mahan had contributed to ...": an accusation is
            // against the subject of what it says.
            if targets.is_empty() && kind == EventKind::Accuse {
                if let Some(said) = ctx.kids(t, Rel::Ccomp).next() {
                    targets.extend(
                        subject(ctx, said, 0).map(|s| with_conjuncts(ctx, s)).unwrap_or_default(),
                    );
                }
            }
        }
        if targets.is_empty() {
            prep_args(t, &["with"], &mut targets);
        }
    } else {
        // An event noun: "Russia's attack", "the Taliban attack", "an
        // attack by militants", "an attack on the base".
        for c in ctx.children[t].iter().copied() {
            // "suicide" in "suicide bombing" is the event's own word.
            let before = c < t && !phrase.contains(ctx.doc.tokens[c].span);
            match ctx.rel(c) {
                Rel::Nmod
                    if before
                        && ctx
                            .kids(c, Rel::Case)
                            .any(|k| ctx.word(k) == "'s" || ctx.word(k) == "'")
                        // "Friday's attack" says when, not who.
                        && !ctx.in_time(c) =>
                {
                    if hit.trigger.owned {
                        targets.extend(argument(ctx, c));
                    } else {
                        actors.extend(argument(ctx, c));
                    }
                }
                Rel::Compound | Rel::Amod if before && ctx.mention_of[c].is_some() => {
                    let m = &ctx.doc.mentions[ctx.mention_of[c].unwrap_or(0)];
                    let in_phrase = m.tokens.start > 0 && ctx.tag(m.tokens.start - 1) == Upos::Adp;
                    // "the Kabul bombing" is where, "the Taliban attack" and
                    // "United States sanctions" who.
                    let place = matches!(m.kind, EntityKind::Loc | EntityKind::Fac)
                        || (m.kind == EntityKind::Gpe
                            && matches!(kind, EventKind::Assault | EventKind::Protest));
                    if !in_phrase && !place {
                        actors.extend(argument(ctx, c));
                    } else if !in_phrase && kind == EventKind::Assault {
                        // The place attacked: "the Kabul bombing".
                        targets.extend(argument(ctx, c));
                    }
                }
                _ => {}
            }
        }
        prep_args(t, &["by"], &mut actors);
        // "the killing of", "the arrest of", "the release of"; but "a threat
        // of collapse" is not a threat to a collapse.
        let of_target = matches!(
            kind,
            EventKind::Assault | EventKind::Coerce | EventKind::Concede | EventKind::Aid
        );
        // "an attack with knives", "an assault in Ghazni, with officials
        // reporting ...": after an attack, "with" is never who was hit.
        let cases: &[&str] = match kind {
            EventKind::Assault => &["on", "against", "at", "upon", "of"],
            _ if of_target => &["on", "against", "at", "upon", "of", "with"],
            _ => &["on", "against", "at", "upon", "with"],
        };
        prep_args(t, cases, &mut targets);
        // "an attack conducted by the Taliban", "an attack claimed by IS";
        // the parse may hang the participle on the clause's verb when a
        // comma parts them ("the attack, reportedly conducted by ...").
        for v in ctx.kids(t, Rel::Acl).collect::<Vec<_>>() {
            prep_args(v, &["by"], &mut actors);
        }
        if actors.is_empty() {
            let end = ctx.sentence_tokens(t).end;
            let next =
                (t + 1..end.min(t + 4)).find(|&k| ctx.word(k) != "," && ctx.tag(k) != Upos::Adv);
            if let Some(v) = next.filter(|&k| {
                ctx.word(t + 1) == ","
                    && ctx.tag(k) == Upos::Verb
                    && matches!(ctx.rel(k), Rel::Acl | Rel::Advcl)
                    && !ctx.kids(k, Rel::Nsubj).any(|_| true)
            }) {
                prep_args(v, &["by"], &mut actors);
            }
        }
        if targets.is_empty() {
            // The parse often hangs "on X" elsewhere: take the words that
            // follow the noun.
            let end = ctx.sentence_tokens(t).end;
            // "an attack that day on ...": a time between is skipped.
            let mut on = t + 1;
            while on < end && ctx.in_time(on) {
                on += 1;
            }
            if on + 1 < end && matches!(ctx.word(on), "on" | "against") {
                let mut k = on + 1;
                while k + 1 < end && matches!(ctx.tag(k), Upos::Det | Upos::Adj | Upos::Num) {
                    k += 1;
                }
                // "air base": the phrase's head, not its first noun.
                while ctx.rel(k) == Rel::Compound {
                    match ctx.head(k).filter(|&h| h > k && h < end) {
                        Some(h) => k = h,
                        None => break,
                    }
                }
                if let Some(arg) = argument(ctx, k) {
                    targets.push(arg);
                }
            }
        }
        // "X face charges" with the verb mistagged: the words before the
        // verb just before the noun are the target.
        if actors.is_empty() && targets.is_empty() {
            if let Some(v) = (t.saturating_sub(3)..t).rev().find(|&v| {
                LEXICON.is_form_of(ctx.word(v), &LEXICON.undergo) && !ctx.word(v).ends_with("ing")
            }) {
                targets.extend(left_phrase(ctx, v));
            }
        }
        // "Abqaiq was the target of an attack".
        if targets.is_empty() && ctx.rel(t) == Rel::Nmod {
            if let Some(h) = ctx
                .head(t)
                .filter(|&h| matches!(ctx.word(h), "target" | "targets" | "victim" | "victims"))
            {
                targets
                    .extend(subject(ctx, h, 0).map(|s| with_conjuncts(ctx, s)).unwrap_or_default());
            }
        }
        // The verb that carries the noun.
        let mut carrier = t;
        if ctx.rel(t) == Rel::Nmod {
            // "claimed responsibility for the attack".
            if let Some(h) =
                ctx.head(t).filter(|&h| matches!(ctx.word(h), "responsibility" | "credit"))
            {
                carrier = h;
            }
        }
        if matches!(ctx.rel(carrier), Rel::Obj | Rel::Obl | Rel::Nsubj) {
            if let Some(v) = ctx.head(carrier).filter(|&v| ctx.is_verbal(v)) {
                let word = ctx.word(v);
                let subj = subject(ctx, v, 0).map(|s| with_conjuncts(ctx, s)).unwrap_or_default();
                if ctx.rel(carrier) != Rel::Nsubj && LEXICON.is_form_of(word, &LEXICON.undergo) {
                    targets.extend(subj);
                } else if ctx.rel(carrier) != Rel::Nsubj
                    && (LEXICON.is_form_of(word, &LEXICON.light) || carrier != t)
                    && actors.is_empty()
                {
                    actors.extend(subj);
                }
            }
        }
    }
    dedup(&mut actors);
    dedup(&mut targets);
    (actors, targets)
}

/// The noun phrase that ends just before token `v`, back to the start of
/// the clause (at most eight words), as a subject read off the word order.
fn left_phrase(ctx: &Ctx<'_>, v: usize) -> Option<Argument> {
    let start = ctx.sentence_tokens(v).start;
    let mut k = v;
    while k > start
        && v - k < 8
        && !matches!(
            ctx.tag(k - 1),
            Upos::Verb | Upos::Aux | Upos::Punct | Upos::Sconj | Upos::Cconj | Upos::Pron
        )
        && ctx.doc.tokens[k - 1].kind != crate::doc::TokenKind::Quote
    {
        k -= 1;
    }
    while k < v && matches!(ctx.tag(k), Upos::Det | Upos::Adp) {
        k += 1;
    }
    if k >= v {
        return None;
    }
    if let Some(m) = ctx.mention_of[k].filter(|&m| ctx.doc.mentions[m].tokens == (k..v)) {
        let mention = &ctx.doc.mentions[m];
        return Some(Argument {
            text: ctx.doc.entities[mention.entity].name.clone(),
            span: mention.span,
            entity: Some(mention.entity),
        });
    }
    let span = Span::new(ctx.doc.tokens[k].span.start(), ctx.doc.tokens[v - 1].span.end());
    Some(Argument { text: ctx.doc.slice(span).to_string(), span, entity: None })
}

/// A word that names the event's agents ("protesters", "rescuers"): they
/// are the actors, and what they do to someone names the target
/// ("rescuers pulled a boy from the rubble", "protesters against the
/// government").
fn agents(ctx: &Ctx<'_>, t: usize) -> (Vec<Argument>, Vec<Argument>) {
    // "the protester death count" names no event.
    if ctx.rel(t) == Rel::Compound {
        return (Vec::new(), Vec::new());
    }
    let actors = with_conjuncts(ctx, t);
    let mut targets = Vec::new();
    for c in ctx.children[t].iter().copied() {
        if ctx.rel(c) == Rel::Nmod && ctx.case_of(c) == Some("against") {
            targets.extend(with_conjuncts(ctx, c));
        }
    }
    if targets.is_empty() && ctx.rel(t) == Rel::Nsubj {
        // What they say is not done to anyone: "protesters claimed Iran ...".
        let says = |v: usize| {
            let lex = &*crate::claims::LEXICONS;
            lex.speech.contains(ctx.word(v)) || lex.claim.contains(ctx.word(v))
        };
        if let Some(v) =
            ctx.head(t).filter(|&v| ctx.is_verbal(v) && !is_passive(ctx, v) && !says(v))
        {
            if let Some(o) = ctx.kids(v, Rel::Obj).next() {
                targets.extend(with_conjuncts(ctx, o));
            }
        }
    }
    (actors, targets)
}

/// The name modifying a noun: "US" in "a US counter-terrorism operation",
/// "Israeli" in "an Israeli strike".
fn modifier_name(ctx: &Ctx<'_>, noun: usize) -> Option<Argument> {
    let m = ctx.children[noun]
        .iter()
        .copied()
        .filter(|&c| c < noun && matches!(ctx.rel(c), Rel::Compound | Rel::Amod))
        .find_map(|c| ctx.mention_of[c])?;
    let mention = &ctx.doc.mentions[m];
    matches!(mention.kind, EntityKind::Org | EntityKind::Gpe | EntityKind::Norp).then(|| Argument {
        text: ctx.doc.entities[mention.entity].name.clone(),
        span: mention.span,
        entity: Some(mention.entity),
    })
}

/// "rejected Moscow's claims": the target is whoever made the claims.
fn claimed_by(ctx: &Ctx<'_>, o: usize) -> Option<Vec<Argument>> {
    if ctx.mention_of[o].is_some() || !crate::claims::LEXICONS.claim_nouns.contains_key(ctx.word(o))
    {
        return None;
    }
    let owner = ctx.children[o].iter().copied().find(|&c| {
        (ctx.rel(c) == Rel::Nmod
            && ctx.kids(c, Rel::Case).any(|k| matches!(ctx.word(k), "'s" | "'" | "by" | "from")))
            || (c < o && ctx.mention_of[c].is_some())
    })?;
    argument(ctx, owner).map(|a| vec![a])
}

/// Whether two arguments are one participant: the same entity, or
/// phrases with the same head noun ("rescuers", "1,000 rescuers").
fn same(a: &Argument, b: &Argument) -> bool {
    match (a.entity, b.entity) {
        (Some(x), Some(y)) => x == y,
        (None, None) => {
            let head = |t: &str| t.split_whitespace().last().map(str::to_lowercase);
            a.text.eq_ignore_ascii_case(&b.text) || head(&a.text) == head(&b.text)
        }
        _ => a.text.eq_ignore_ascii_case(&b.text),
    }
}

fn dedup(args: &mut Vec<Argument>) {
    let mut seen: Vec<Argument> = Vec::new();
    args.retain(|a| {
        let new = !seen.iter().any(|s| same(s, a));
        if new {
            seen.push(a.clone());
        }
        new
    });
}

/// Whether the event word at `t` is negated, modal, conditional, planned,
/// threatened or wished for rather than done.
fn is_irrealis(ctx: &Ctx<'_>, t: usize) -> bool {
    let lexicon = &*LEXICON;
    // "a planned shopping centre bombing": the words before an event word.
    let mut k = t;
    while k > 0
        && matches!(ctx.tag(k - 1), Upos::Adj | Upos::Noun | Upos::Propn | Upos::Verb)
        && t - k < 4
    {
        k -= 1;
        if lexicon.irrealis.contains(ctx.word(k)) {
            return true;
        }
    }
    // "If Iran attacks Israel, ...": a condition before it in its clause.
    let start = ctx.sentence_tokens(t).start;
    for k in (start..t).rev() {
        match ctx.word(k) {
            "," | ";" | ":" => break,
            "if" | "unless" | "whether" => return true,
            _ => {}
        }
    }
    let mut cur = t;
    for _ in 0..4 {
        for &c in &ctx.children[cur] {
            let marker = match ctx.rel(c) {
                Rel::Advmod | Rel::Aux | Rel::Det | Rel::Amod => {
                    lexicon.irrealis.contains(ctx.word(c))
                }
                Rel::Mark => matches!(ctx.word(c), "if" | "unless" | "whether"),
                _ => false,
            };
            if marker {
                return true;
            }
        }
        // "No Russian official has backed the claim."
        if ctx.is_verbal(cur)
            && subject(ctx, cur, 0).is_some_and(|s| {
                matches!(ctx.word(s), "nobody" | "none" | "no-one")
                    || ctx.kids(s, Rel::Det).any(|d| ctx.word(d) == "no")
            })
        {
            return true;
        }
        let Some(h) = ctx.head(cur) else { return false };
        match ctx.rel(cur) {
            Rel::Xcomp
            | Rel::Ccomp
            | Rel::Obj
            | Rel::Obl
            | Rel::Nmod
            | Rel::Acl
            | Rel::Advcl
            | Rel::Nsubj
            | Rel::Compound => {
                if ctx.rel(cur) != Rel::Nsubj
                    && lexicon.any_lemma_in(ctx.word(h), &lexicon.irrealis)
                {
                    return true;
                }
                // An infinitive is a purpose, a plan or an effort ("efforts
                // to negotiate", "sent to arrest") unless its governor says
                // it happened ("began to", "managed to").
                let infinitive = ctx.kids(cur, Rel::Mark).any(|m| ctx.word(m) == "to");
                if infinitive && !lexicon.any_lemma_in(ctx.word(h), &lexicon.aspectual) {
                    return true;
                }
                // Climb through the verb that carries an event noun and
                // through infinitives; stop at anything else.
                let carries = lexicon.is_form_of(ctx.word(h), &lexicon.light)
                    || infinitive
                    || matches!(ctx.word(h), "responsibility" | "credit");
                if !carries {
                    return false;
                }
                cur = h;
            }
            Rel::Conj => cur = h,
            _ => return false,
        }
    }
    false
}

/// The place of the event: a place named in a phrase under the event word
/// ("in Kabul", "at the cathedral"), else the first place in the sentence
/// that is not a participant.
fn location(
    ctx: &Ctx<'_>,
    t: usize,
    range: std::ops::Range<usize>,
    event: &Event,
) -> Option<Argument> {
    let doc = ctx.doc;
    let is_place = |tok: usize| {
        ctx.mention_of[tok].is_some_and(|m| {
            matches!(doc.mentions[m].kind, EntityKind::Gpe | EntityKind::Loc | EntityKind::Fac)
        })
    };
    let participant = |a: &Argument| {
        event.actors.iter().chain(&event.targets).any(|p| same(p, a) || p.span.contains(a.span))
    };
    let mut scope = vec![t];
    if let Some(h) = ctx.head(t).filter(|_| matches!(ctx.rel(t), Rel::Obj | Rel::Obl)) {
        scope.push(h);
    }
    for &v in &scope {
        for c in ctx.children[v].iter().copied() {
            if matches!(ctx.rel(c), Rel::Obl | Rel::Nmod)
                && ctx.case_of(c).is_some_and(|p| {
                    matches!(p, "in" | "at" | "near" | "outside" | "inside" | "across" | "around")
                })
                && is_place(c)
            {
                if let Some(arg) = argument(ctx, c).filter(|a| !participant(a)) {
                    return Some(arg);
                }
            }
        }
    }
    // What was said has no place of its own unless the words give one.
    if event.kind.is_speech_act() {
        return None;
    }
    let t_span = doc.tokens[t].span;
    let distance = |span: Span| {
        if span.end() <= t_span.start() {
            t_span.start() - span.end()
        } else {
            span.start().saturating_sub(t_span.end())
        }
    };
    range
        .filter(|&k| is_place(k))
        .filter_map(|k| argument(ctx, k))
        .filter(|a| !participant(a) && distance(a.span) <= NEAR_BYTES)
        .min_by_key(|a| distance(a.span))
}

/// How far from the event word (in bytes of text, about a dozen words) a
/// place or a date that is not syntactically attached to it may be.
const NEAR_BYTES: usize = 80;

/// Sets the event's status and claim from the claim whose words hold its
/// trigger; a quotation with no claim is reported speech.
fn report(ctx: &Ctx<'_>, event: &mut Event) {
    let doc = ctx.doc;
    let claim = doc
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.span.contains(event.trigger))
        .min_by_key(|(_, c)| c.span.len());
    match claim {
        Some((k, c)) => {
            event.status = c.status;
            event.claim = (!c.chain.is_empty()).then_some(k);
        }
        None if doc.quotes.iter().any(|q| q.span.contains(event.trigger)) => {
            event.status = Status::Reported;
        }
        None => event.status = Status::Asserted,
    }
    // A speech act the article reports as having happened ("Kyiv rejected
    // the claims", "officials told media rescuers had asked ...") is the
    // article's statement, whatever was said; one the article qualifies
    // (a threat on a poster not verified) keeps the qualification.
    if event.kind.is_speech_act()
        && matches!(event.status, Status::Reported | Status::Confirmed | Status::Disputed)
    {
        event.status = Status::Asserted;
        event.claim = None;
    }
}

/// Whether the event noun at `t` points back to an event told before:
/// "the attack", "Friday's attack", "this attack".
fn refers_back(ctx: &Ctx<'_>, t: usize) -> bool {
    matches!(ctx.tag(t), Upos::Noun | Upos::Propn)
        && ctx.children[t].iter().any(|&c| {
            (ctx.rel(c) == Rel::Det
                && matches!(ctx.word(c), "the" | "this" | "that" | "these" | "those"))
                || (ctx.rel(c) == Rel::Nmod
                    && c < t
                    && ctx.kids(c, Rel::Case).any(|k| ctx.word(k) == "'s"))
        })
}

/// How many sentences back "the attack" may point.
const BACK_SENTENCES: usize = 4;

/// Folds mentions of one event into an earlier one of the same type: one
/// with a participant in common; or, for a mention in the same sentence or
/// one that points back ("the attack"), the latest with no named
/// participant that contradicts.
fn merge(events: Vec<(Event, bool)>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for (event, back) in events {
        let shares = |p: &Event| {
            p.actors.iter().any(|a| event.actors.iter().any(|b| same(a, b)))
                || p.targets.iter().any(|a| event.targets.iter().any(|b| same(a, b)))
        };
        let named =
            |args: &[Argument]| -> Vec<usize> { args.iter().filter_map(|a| a.entity).collect() };
        let clash = |a: &[Argument], b: &[Argument]| {
            let (a, b) = (named(a), named(b));
            !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.contains(x))
        };
        let conflicts =
            |p: &Event| clash(&p.actors, &event.actors) || clash(&p.targets, &event.targets);
        // A participant in common is not enough when the other role
        // differs: the U.S. killing one man and then another are two events.
        let differ = |a: &[Argument], b: &[Argument]| {
            !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.iter().any(|y| same(x, y)))
        };
        let shared = out.iter().rposition(|p| {
            p.kind == event.kind
                && shares(p)
                && !differ(&p.actors, &event.actors)
                && !differ(&p.targets, &event.targets)
        });
        let near = || {
            out.iter().rposition(|p| {
                let recent = event.sentence.saturating_sub(p.sentence) <= BACK_SENTENCES;
                p.kind == event.kind
                    && (p.sentence == event.sentence || (back && recent))
                    && !conflicts(p)
            })
        };
        let into = shared.or_else(near).map(|k| &mut out[k]);
        match into {
            Some(p) => {
                p.actors.extend(event.actors);
                p.targets.extend(event.targets);
                dedup(&mut p.actors);
                dedup(&mut p.targets);
                p.location = p.location.take().or(event.location);
                p.time = p.time.or(event.time);
                p.mode = p.mode.or(event.mode);
                p.counts.extend(event.counts);
                p.counts.dedup();
            }
            None => out.push(event),
        }
    }
    out
}
