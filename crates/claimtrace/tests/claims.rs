//! Attribution, claims, statuses and stances on news phrasings, one case a
//! line, grouped by cue family. Each case is a short article; the checks
//! read the document layers the claims stage fills.

use claimtrace::doc::{Claim, StanceKind, Status};
use claimtrace::Document;

use crate::util::analyze_body as analyze;

fn find_claim<'d>(doc: &'d Document, contains: &str) -> &'d Claim {
    doc.claims.iter().find(|c| c.text.contains(contains)).unwrap_or_else(|| {
        let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
        panic!("no claim contains {contains:?}; claims: {texts:#?}")
    })
}

/// Sources compare without a leading article: "the ministry" is
/// "ministry".
fn bare(source: &str) -> &str {
    for article in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = source.strip_prefix(article) {
            return rest;
        }
    }
    source
}

fn check_claim(body: &str, contains: &str, chain: &[&str], status: Status) {
    let doc = analyze(body);
    let claim = find_claim(&doc, contains);
    let got: Vec<&str> = claim.chain.iter().map(|s| bare(&s.text)).collect();
    let want: Vec<&str> = chain.iter().map(|s| bare(s)).collect();
    assert_eq!(got, want, "chain of {:?}", claim.text);
    assert_eq!(claim.status, status, "status of {:?}", claim.text);
}

fn check_stance(body: &str, contains: &str, actor: &str, kind: StanceKind) {
    let doc = analyze(body);
    let claim = find_claim(&doc, contains);
    assert!(
        claim.stances.iter().any(|s| bare(&s.actor) == actor && s.kind == kind),
        "no {kind:?} by {actor:?} on {:?}: {:?}",
        claim.text,
        claim.stances
    );
}

fn check_quote(body: &str, contains: &str, source: Option<&str>, direct: bool) {
    let doc = analyze(body);
    let quote =
        doc.quotes.iter().find(|q| doc.slice(q.span).contains(contains)).unwrap_or_else(|| {
            let texts: Vec<&str> = doc.quotes.iter().map(|q| doc.slice(q.span)).collect();
            panic!("no quote contains {contains:?}; quotes: {texts:#?}")
        });
    assert_eq!(
        quote.source.as_ref().map(|s| bare(&s.text)),
        source.map(bare),
        "source of {contains:?}"
    );
    assert_eq!(quote.direct, direct, "direct of {contains:?}");
}

macro_rules! claim {
    ($name:ident, $body:expr, $contains:expr, [$($chain:expr),*], $status:ident) => {
        #[test]
        fn $name() {
            check_claim($body, $contains, &[$($chain),*], Status::$status);
        }
    };
}

macro_rules! stance {
    ($name:ident, $body:expr, $contains:expr, $actor:expr, $kind:ident) => {
        #[test]
        fn $name() {
            check_stance($body, $contains, $actor, StanceKind::$kind);
        }
    };
}

macro_rules! quote {
    ($name:ident, $body:expr, $contains:expr, $source:expr, $direct:expr) => {
        #[test]
        fn $name() {
            check_quote($body, $contains, $source, $direct);
        }
    };
}

macro_rules! no_claim {
    ($name:ident, $body:expr) => {
        #[test]
        fn $name() {
            let doc = analyze($body);
            let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
            assert!(texts.is_empty(), "unexpected claims: {texts:#?}");
        }
    };
}

macro_rules! not_claimed {
    ($name:ident, $body:expr, $text:expr) => {
        #[test]
        fn $name() {
            let doc = analyze($body);
            let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
            assert!(!texts.iter().any(|t| t.contains($text)), "unexpected claim: {texts:#?}");
            assert!(!texts.is_empty(), "the first sentence is a claim: {texts:#?}");
        }
    };
}

// Speech cues, the source before the cue.
claim!(
    said_that,
    "The interior minister said that the border would reopen on Thursday.",
    "the border would reopen",
    ["interior minister"],
    Reported
);
claim!(
    said_no_that,
    "Police said three men had been detained after the raid.",
    "three men had been detained",
    ["Police"],
    Reported
);
claim!(
    says_present,
    "The World Health Organization says the outbreak is under control.",
    "the outbreak is under control",
    ["World Health Organization"],
    Reported
);
claim!(
    said_with_day,
    "Kremlin spokesman Dmitry Peskov said Monday that talks had stalled.",
    "talks had stalled",
    ["Dmitry Peskov"],
    Reported
);
claim!(
    told_reporters,
    "The mayor told reporters that the water supply was safe to drink.",
    "the water supply was safe",
    ["mayor"],
    Reported
);
claim!(
    announced,
    "The company announced that it would cut 2,000 jobs by the end of the year.",
    "cut 2,000 jobs",
    ["company"],
    Reported
);
claim!(
    warned,
    "The weather service warned that the storm could reach the coast by Friday.",
    "the storm could reach the coast",
    ["weather service"],
    Hedged
);
claim!(
    wrote,
    "The senator wrote that the bill would raise taxes on small businesses.",
    "the bill would raise taxes",
    ["senator"],
    Reported
);
claim!(
    tweeted,
    "The prime minister tweeted that the rescue teams had reached the village.",
    "the rescue teams had reached the village",
    ["prime minister"],
    Reported
);
claim!(
    posted,
    "The group posted that its fighters had captured the airport.",
    "fighters had captured the airport",
    ["group"],
    Reported
);
claim!(
    added,
    "The minister added that no decision had been taken on sanctions.",
    "no decision had been taken",
    ["minister"],
    Reported
);
claim!(
    apposition_skipped,
    "IS-Khorasan, founded in Afghanistan in late 2014, has said it was behind the attack.",
    "was behind the attack",
    ["IS-Khorasan"],
    Reported
);
claim!(
    title_dropped,
    "Foreign Minister Sergei Lavrov said the talks would continue in Geneva.",
    "the talks would continue",
    ["Sergei Lavrov"],
    Reported
);
claim!(pronoun_resolved, "Health Minister Veronika Skvortsova visited the site on Monday. She said the chances of finding survivors were diminishing.", "chances of finding survivors", ["Veronika Skvortsova"], Reported);

// "that" before an auxiliary is the clause's subject, not its opener.
claim!(
    that_is_the_subject_before_an_auxiliary,
    "The minister said that's not the policy of the government.",
    "that's not the policy",
    ["minister"],
    Reported
);
// A cue word in "-s" after an auxiliary is a plural noun ("There were
// states that ..."), no cue: the sentence is the article's.
claim!(
    plural_noun_after_were_is_no_cue,
    "There were states that did not match the national trend in 2019.",
    "There were states that did not match",
    [],
    Asserted
);
// "shows that" opens a clause only when "that" is no relative pronoun.
claim!(
    evidence_cue_before_a_relative_that_is_no_cue,
    "The study shows that can be seen from the 70 meter tower on the hill.",
    "The study shows that can be seen",
    [],
    Asserted
);
// A question states nothing in the article's voice, hedged or not.
no_claim!(a_hedged_question_is_no_claim, "What might be the causes of the 2019 famine in Yemen?");

// Perception and learning report a clause after "that" only.
claim!(
    heard_that_reports,
    "Residents heard that soldiers had crossed the river near Kherson on Friday.",
    "soldiers had crossed the river",
    ["Residents"],
    Reported
);
claim!(
    heard_a_noun_reports_nothing,
    "Residents heard gunshots near the 3rd Avenue bridge on Friday.",
    "Residents heard gunshots",
    [],
    Asserted
);

// Speech cues after the content.
claim!(
    postposed_said_x,
    "The militants will carry out a new attack on the capital, said the statement.",
    "carry out a new attack",
    ["the statement"],
    Reported
);
claim!(
    postposed_x_said,
    "Six of the dead were children, the ministry said.",
    "Six of the dead were children",
    ["ministry"],
    Reported
);
claim!(
    postposed_told,
    "A total of 39 are confirmed dead, officials told state media.",
    "39 are confirmed dead",
    ["officials", "state media"],
    Reported
);

// "..., X said, adding that ...": both clauses are X's.
claim!(
    postposed_then_adding_first,
    "Two bridges were closed overnight, police told local radio, adding that a third had been damaged.",
    "Two bridges were closed overnight",
    ["police", "local radio"],
    Reported
);
claim!(
    postposed_then_adding_second,
    "Two bridges were closed overnight, police told local radio, adding that a third had been damaged.",
    "a third had been damaged",
    ["police", "local radio"],
    Reported
);
claim!(
    postposed_said_then_saying,
    "The vote will be held in March, the commission said, saying that monitors had been invited.",
    "monitors had been invited",
    ["commission"],
    Reported
);

// The speaker after a postposed cue, with an apposition or an aside.
#[test]
fn a_speaker_with_an_apposition_after_the_quote() {
    let doc = analyze(
        "\"The port will reopen within a week,\" said Maria Costa, the transport minister; she called the blockade illegal.",
    );
    let quote = doc.quotes.iter().find(|q| q.direct).expect("the direct quote");
    assert_eq!(quote.source.as_ref().map(|s| s.text.as_str()), Some("Maria Costa"));
    assert!(
        !doc.claims.iter().any(|c| c.text.contains("the transport minister") && c.chain.is_empty()),
        "the speaker is no claim of its own: {:#?}",
        doc.claims
    );
}

#[test]
fn a_speaker_with_an_aside_after_the_quote() {
    let doc = analyze(
        "\"We are proud of the volunteers who came out,\" tweeted council leader Tom Reyes (no relation to the mayor).",
    );
    let quote = doc.quotes.iter().find(|q| q.direct).expect("the direct quote");
    let source = quote.source.as_ref().map(|s| s.text.as_str()).unwrap_or("");
    assert!(source.ends_with("Tom Reyes"), "{source:?}");
    assert!(doc.claims.iter().all(|c| !c.text.contains("no relation")), "{:#?}", doc.claims);
}

// An adverb between the subject and the cue is no source.
claim!(
    adverb_before_cue,
    "The rebel coalition, which is backed by two neighbouring states, later claimed responsibility for the blast.",
    "claimed responsibility",
    ["rebel coalition"],
    Reported
);

// A negated passive ("are not reported") names no source.
#[test]
fn a_negated_passive_names_no_source() {
    let doc = analyze("Shortages are not reported in the northern provinces.");
    assert!(
        doc.claims.iter().all(|c| c.chain.iter().all(|s| s.text != "Shortages")),
        "{:#?}",
        doc.claims
    );
}

// "Name, role, said": the name is the source.
claim!(
    name_then_role_said,
    "Laila Haidari, spokeswoman for the city council, said the market would stay closed.",
    "the market would stay closed",
    ["Laila Haidari"],
    Reported
);

// A participle that is also a speech cue, after a comma, hangs from the
// verb before it.
claim!(
    saying_after_comma,
    "The opposition leader Omar Said posted a video blaming the police for the clashes, saying there was no sign of provocation.",
    "there was no sign of provocation",
    ["Omar Said"],
    Reported
);

// A cue in a second conjunct shares the subject, and "the agency" is the
// agency named before.
#[test]
fn but_said_shares_the_subject_and_the_agency_is_named() {
    let doc = analyze(
        "According to the Kenya News Agency, the road was reopened on Sunday.\n\nThe agency did not give a reason for the closure, but said repairs would continue.",
    );
    let claim = doc
        .claims
        .iter()
        .find(|c| c.text.contains("repairs would continue"))
        .unwrap_or_else(|| panic!("{:#?}", doc.claims));
    let chain: Vec<&str> = claim.chain.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(chain, ["Kenya News Agency"]);
}

// A quotation over two sentences, then "he said": his.
#[test]
fn a_quote_over_two_sentences_then_he_said() {
    let doc = analyze(
        "Tomas Berg, a local farmer, described the flood. \"The water rose in minutes. We lost everything,\" he said.",
    );
    let quote = doc.quotes.iter().find(|q| q.direct).expect("the direct quote");
    assert_eq!(quote.source.as_ref().map(|s| s.text.as_str()), Some("Tomas Berg"));
}

// Belief and expectation verbs report a position.
claim!(
    expects,
    "The central bank expects inflation to fall below three percent next year.",
    "inflation to fall below three percent",
    ["central bank"],
    Reported
);
claim!(
    feared,
    "Rescue workers feared that more people were trapped under the rubble.",
    "more people were trapped under the rubble",
    ["Rescue workers"],
    Reported
);
claim!(
    first_person_belief,
    "I believe the reform will cut waiting times in half.",
    "the reform will cut waiting times in half",
    ["I"],
    Reported
);

#[test]
fn belief_words_that_are_no_cue() {
    // A passive ("is expected to") and a noun ("the thought") report no one.
    let doc = analyze(
        "The bridge is expected to reopen on Friday. The thought of another winter without heating worried residents.",
    );
    for claim in &doc.claims {
        let chain: Vec<&str> = claim.chain.iter().map(|s| s.text.as_str()).collect();
        assert!(
            !chain.iter().any(|s| s.contains("bridge") || s.contains("thought")),
            "{:?}: {chain:?}",
            claim.text
        );
    }
}

// Labelling a claim false denies it.
#[test]
fn calling_the_allegations_baseless_denies_them() {
    let doc = analyze(
        "The opposition said the count had been rigged in three districts. The electoral commission called the allegations baseless.",
    );
    let claim = find_claim(&doc, "the count had been rigged");
    assert_eq!(claim.status, Status::Disputed);
    assert!(
        claim
            .stances
            .iter()
            .any(|s| s.kind == StanceKind::Denies && s.actor.contains("electoral commission")),
        "{:?}",
        claim.stances
    );
    assert!(
        !doc.claims.iter().any(|c| c.text.contains("called the allegations")),
        "{:#?}",
        doc.claims
    );
}

#[test]
fn branding_the_report_a_smear_denies_it() {
    let doc = analyze(
        "A local newspaper reported that the club had paid the referee. The club's chairman branded the report a smear.",
    );
    let claim = find_claim(&doc, "the club had paid the referee");
    assert!(claim.stances.iter().any(|s| s.kind == StanceKind::Denies), "{:?}", claim.stances);
}

#[test]
fn describing_a_report_without_rejecting_it_is_no_denial() {
    let doc = analyze(
        "A local newspaper reported that the club had paid the referee. The chairman described the report as a surprise.",
    );
    let claim = find_claim(&doc, "the club had paid the referee");
    assert!(!claim.stances.iter().any(|s| s.kind == StanceKind::Denies), "{:?}", claim.stances);
}

// "announced his resignation": an act the article states, not content.
claim!(
    announced_an_act,
    "The prime minister announced his resignation on Sunday evening in a televised address.",
    "announced his resignation",
    [],
    Asserted
);
claim!(
    confirmed_an_act,
    "The state senate confirmed the appointment of the new police chief on Thursday.",
    "confirmed the appointment",
    [],
    Asserted
);
claim!(
    announced_a_clause,
    "The ministry announced that all schools would reopen next week.",
    "all schools would reopen",
    ["ministry"],
    Reported
);
claim!(
    announced_a_plan,
    "Several carmakers have announced plans to close their plants in the region.",
    "plans to close their plants",
    ["Several carmakers"],
    Reported
);

// "According to" a title with a preposition inside, then the name.
#[test]
fn according_to_a_long_title() {
    let doc = analyze(
        "According to Kenyan Ambassador to the United Nations Martin Kimani, the ceasefire has largely held.",
    );
    let claim = find_claim(&doc, "the ceasefire has largely held");
    assert!(!claim.text.contains("According"), "{:?}", claim.text);
    assert_eq!(claim.status, Status::Reported);
    assert_eq!(claim.chain.len(), 1, "{:?}", claim.chain);
    assert!(claim.chain[0].text.ends_with("Martin Kimani"), "{:?}", claim.chain);
}

// Whom a speaker spoke to is not part of the speaker's name.
#[test]
fn said_name_to_the_crowd() {
    let doc = analyze(
        "\"The line will open next spring,\" said Ortega to a crowd of commuters that had gathered at the station.",
    );
    let quote = doc.quotes.iter().find(|q| q.direct).expect("the direct quote");
    assert_eq!(quote.source.as_ref().map(|s| s.text.as_str()), Some("Ortega"));
    assert!(doc.claims.iter().all(|c| !c.text.contains("crowd of commuters")), "{:#?}", doc.claims);
}

// A title in quotation marks with no speaker is no quote; a sentence with
// no speaker is.
#[test]
fn a_title_in_quotation_marks_is_no_quote() {
    let doc = analyze(
        "The museum opened an exhibition called \"Ships of the Northern Seas\" on Friday. A sign at the door read \"the exhibition will travel to three cities next year.\"",
    );
    assert!(
        doc.quotes.iter().all(|q| !doc.slice(q.span).contains("Northern Seas")),
        "{:?}",
        doc.quotes
    );
    assert!(
        doc.quotes.iter().any(|q| doc.slice(q.span).contains("three cities")),
        "{:?}",
        doc.quotes
    );
}

// What someone suggested or promised is what they said: an indirect
// quote; what someone claimed stays a claim only.
#[test]
fn suggested_and_promised_are_quotes_claimed_is_not() {
    let doc = analyze(
        "Early reports suggest the fire started in the kitchen. The mayor has promised every family will be rehoused. The group claimed the fire was set by its rivals.",
    );
    let quoted = |needle: &str| doc.quotes.iter().any(|q| doc.slice(q.span).contains(needle));
    assert!(quoted("the fire started in the kitchen"), "{:?}", doc.quotes);
    assert!(quoted("every family will be rehoused"), "{:?}", doc.quotes);
    assert!(!quoted("set by its rivals"), "{:?}", doc.quotes);
}

// A denied clause is an indirect quote of the denier.
#[test]
fn a_denied_clause_is_the_deniers_quote() {
    let doc = analyze("The army denies its troops fired on the crowd.");
    let quote = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span).contains("its troops fired on the crowd"))
        .unwrap_or_else(|| panic!("{:?}", doc.quotes));
    assert_eq!(quote.source.as_ref().map(|s| bare(&s.text)), Some("army"));
}

// "According to him": the person named last.
claim!(
    according_to_him,
    "Fire chief Daniel Okafor visited the site on Sunday. According to him, the blaze was started by a faulty heater.",
    "the blaze was started by a faulty heater",
    ["Daniel Okafor"],
    Reported
);

// A time phrase before the subject is no name ("On Friday, the agency
// ... said").
#[test]
fn a_time_phrase_before_the_subject_is_no_source() {
    let doc = analyze(
        "On Friday, the regional health agency, which runs the hospitals, said the outbreak had been contained.",
    );
    let claim = find_claim(&doc, "the outbreak had been contained");
    let chain: Vec<&str> = claim.chain.iter().map(|s| s.text.as_str()).collect();
    assert!(chain.iter().all(|s| !s.contains("Friday")), "{chain:?}");
}

// "..., which state media said were under control": "state" modifies a
// noun before another cue, and the antecedent is the content's subject.
#[test]
fn which_state_media_said() {
    let doc = analyze(
        "The storm damaged two hospitals and a water plant, which state television said were running on generators.",
    );
    let claim = find_claim(&doc, "were running on generators");
    let chain: Vec<&str> = claim.chain.iter().map(|s| bare(&s.text)).collect();
    assert_eq!(chain, ["state television"]);
    assert!(claim.text.starts_with("two hospitals and a water plant"), "{:?}", claim.text);
}

// A surname alone names the person mentioned before, also in another
// transliteration; a different name stays itself.
#[test]
fn a_surname_names_the_person_mentioned_before() {
    let doc = analyze(
        "Army spokesman Yusuf Qasem said the convoy had been hit. \"We will respond,\" Qasim said. \"The road is closed,\" Moreno said.",
    );
    let source_of = |needle: &str| {
        doc.quotes
            .iter()
            .find(|q| doc.slice(q.span).contains(needle))
            .and_then(|q| q.source.as_ref())
            .map(|s| s.text.clone())
    };
    assert_eq!(source_of("We will respond").as_deref(), Some("Yusuf Qasem"));
    assert_eq!(source_of("The road is closed").as_deref(), Some("Moreno"));
}

// "X's spokesperson, Jane Doe, said": Jane Doe, not X; "X's statement"
// is X's.
claim!(
    possessor_role_then_name,
    "Prime Minister Rhea Solberg's spokesperson, Anders Lund, said the visit had been postponed.",
    "the visit had been postponed",
    ["Anders Lund"],
    Reported
);
// A possessor the parse hangs on the verb stays with its subject.
claim!(
    possessor_stays_with_the_subject,
    "Ukraine's military said it had shot down 18 drones.",
    "had shot down 18 drones",
    ["Ukraine's military"],
    Reported
);
// The same when the tagger makes no noun of the role ("The chief
// executive": two adjectives), and with words between the cue and "that".
claim!(
    role_the_tagger_misread_then_name,
    "The chief executive, Jane Roe, said in a statement that the firm would recover.",
    "the firm would recover",
    ["Jane Roe"],
    Reported
);
#[test]
fn a_persons_statement_is_theirs() {
    let doc = analyze(
        "President Amara Diallo's statement read: \"The border will stay open to trade and to families.\"",
    );
    let quote = doc.quotes.iter().find(|q| q.direct).expect("the direct quote");
    let source = quote.source.as_ref().map(|s| s.text.as_str()).unwrap_or("");
    assert!(source.contains("Amara Diallo"), "{source:?}");
}

// A later claim by another source that says the opposite denies the
// earlier one.
#[test]
fn a_later_contrary_claim_denies_the_earlier() {
    let doc = analyze(
        "The rebel group said its fighters had shot down the helicopter. The helicopter crashed near Kandahar on Tuesday. Days later the defence ministry said there was no evidence the helicopter had been shot down.",
    );
    let claim = find_claim(&doc, "its fighters had shot down the helicopter");
    assert!(
        claim
            .stances
            .iter()
            .any(|s| s.kind == StanceKind::Denies && bare(&s.actor) == "defence ministry"),
        "{:?}",
        claim.stances
    );
    assert_eq!(claim.status, Status::Disputed);
    // The article's own fact is not answered that way.
    let own = find_claim(&doc, "The helicopter crashed near Kandahar");
    assert!(own.stances.iter().all(|s| s.kind != StanceKind::Denies), "{:?}", own.stances);
}

// ", contradicting the army's account", ", rejecting the claim": a
// participle of denial after the content is the speaker's denial of the
// claim it names, not part of what the speaker said; "That version was
// rejected by witnesses" names the claim before it as "that claim" does.
#[test]
fn a_participle_of_denial_and_a_named_version() {
    let body = "The army said the soldiers came under fire. Witnesses said the soldiers fired \
                first, contradicting the army's account.";
    check_claim(body, "the soldiers fired first", &["Witnesses"], Status::Reported);
    assert_eq!(find_claim(&analyze(body), "fired first").text, "the soldiers fired first");
    check_claim(body, "came under fire", &["The army"], Status::Disputed);
    check_stance(body, "came under fire", "Witnesses", StanceKind::Denies);
    let body = "Russia said Ukraine shelled the plant. Kyiv said Russian troops fired the shells, \
                rejecting the claim.";
    check_stance(body, "Ukraine shelled the plant", "Kyiv", StanceKind::Denies);
    check_claim(body, "Russian troops fired the shells", &["Kyiv"], Status::Reported);
    let body =
        "The army said the soldiers came under fire. That version was rejected by witnesses.";
    check_stance(body, "came under fire", "witnesses", StanceKind::Denies);
    // A pronoun for object, the denier's own claim after it.
    let body = "The army said the soldiers came under fire. Residents disputed that, saying the \
                soldiers fired first.";
    check_stance(body, "came under fire", "Residents", StanceKind::Denies);
    check_claim(body, "the soldiers fired first", &["Residents"], Status::Reported);
}

// ", a charge the government rejects": the noun naming the claim is no
// part of the denier.
#[test]
fn a_charge_the_government_rejects() {
    for body in [
        "Critics say the law will restrict free speech, a charge the government rejects.",
        "Critics say the law will restrict free speech, a claim the government has denied.",
    ] {
        check_claim(body, "the law will restrict free speech", &["Critics"], Status::Disputed);
        let doc = analyze(body);
        let claim = find_claim(&doc, "the law will restrict free speech");
        let deniers: Vec<&str> = claim
            .stances
            .iter()
            .filter(|s| s.kind == StanceKind::Denies)
            .map(|s| bare(&s.actor))
            .collect();
        assert_eq!(deniers, ["government"], "{body}");
    }
}

// "none of", "neither" negate as "no" does: "Ukraine said none of its
// drones had been shot down" answers "Russia said it had shot down 12
// drones".
#[test]
fn none_of_them_contradicts() {
    let body = "Russia said it had shot down 12 Ukrainian drones. Ukraine said none of its drones \
                had been shot down.";
    check_claim(body, "shot down 12 Ukrainian drones", &["Russia"], Status::Disputed);
    check_stance(body, "shot down 12 Ukrainian drones", "Ukraine", StanceKind::Denies);
}

// "His family said he was unarmed": the pronoun stands for the one the
// source belongs to, not for the source.
#[test]
fn a_pronoun_after_a_possessed_source_is_not_the_source() {
    let body = "Police said the man was armed. His family said he was unarmed.";
    let doc = analyze(body);
    let claim = find_claim(&doc, "unarmed");
    assert_eq!(claim.text, "he was unarmed");
}

#[test]
fn claims_that_do_not_contradict_are_left_alone() {
    let doc = analyze(
        "The mayor said the new bridge would open in May. The transport agency said no buses would run on the old route after March.",
    );
    let claim = find_claim(&doc, "the new bridge would open in May");
    assert!(claim.stances.iter().all(|s| s.kind != StanceKind::Denies), "{:?}", claim.stances);
    // A source that repeats itself with a negation does not deny itself.
    let doc = analyze(
        "The ministry said the dam had been damaged. The ministry later said the dam had not been breached.",
    );
    let claim = find_claim(&doc, "the dam had been damaged");
    assert!(claim.stances.iter().all(|s| s.kind != StanceKind::Denies), "{:?}", claim.stances);
}

// "he declined to comment" is the person named last, and answers the
// claim the paragraph is about.
#[test]
fn he_declined_to_comment_on_the_paragraphs_claim() {
    let doc = analyze(
        "Several newspapers reported that the striker would join a rival club, citing people close to the talks. The people said the fee was close to 40 million euros. The club's coach, Paolo Rinaldi, was asked about it on Sunday, but he declined to comment.",
    );
    let claim = find_claim(&doc, "the striker would join a rival club");
    assert!(
        claim.stances.iter().any(|s| s.kind == StanceKind::NoComment && s.actor == "Paolo Rinaldi"),
        "{:?}",
        claim.stances
    );
    let later = find_claim(&doc, "the fee was close to 40 million euros");
    assert!(later.stances.iter().all(|s| s.kind != StanceKind::NoComment), "{:?}", later.stances);
}

#[test]
fn a_clause_after_adding_is_one_claim() {
    let doc = analyze(
        "Two bridges were closed overnight, police told local radio, adding that a third had been damaged.",
    );
    let third: Vec<&Claim> =
        doc.claims.iter().filter(|c| c.text.contains("a third had been damaged")).collect();
    assert_eq!(third.len(), 1, "{:#?}", doc.claims);
}

// Claim cues.
claim!(claimed_without_evidence, "Russian officials had earlier claimed without evidence there was Ukrainian involvement in the attack.", "Ukrainian involvement", ["Russian officials"], Disputed);

/// A list of names before the cue is the source whole ("Russia, China and
/// Iran said"); a name with an apposition is the name.
#[test]
fn a_list_of_names_speaks_together() {
    let body = "Russia, China and Iran said the sanctions were illegal.";
    check_claim(body, "the sanctions were illegal", &["Russia, China and Iran"], Status::Reported);
    let body = "Germany, France, Italy and Spain said the deal was dead.";
    check_claim(body, "the deal was dead", &["Germany, France, Italy and Spain"], Status::Reported);
    let body = "Peskov, the Kremlin spokesman, said the attack was planned.";
    check_claim(body, "the attack was planned", &["Peskov"], Status::Reported);
}

/// "Local hospitals put the death toll at 45": a figure someone puts a
/// count or a cost at is their estimate, reported (hedged with a hedge);
/// "put" with no figure is an act.
#[test]
fn a_figure_put_at_is_the_estimate_of_whoever_puts_it() {
    let body = "Officials said 30 people died. Local hospitals put the death toll at 45.";
    check_claim(body, "put the death toll at 45", &["Local hospitals"], Status::Reported);
    let body = "The UN puts the number of displaced at more than 2 million.";
    check_claim(body, "number of displaced", &["UN"], Status::Reported);
    let body = "Officials reportedly put the number of people killed at 52.";
    check_claim(body, "people killed at 52", &["Officials"], Status::Hedged);
    let body = "Rescuers put the injured at a nearby school.";
    check_claim(body, "Rescuers put the injured", &[], Status::Asserted);
}

/// "The ministry said the claims were false": a speaker who calls a
/// claim false (a claim noun, a copula, a word of rejection) denies it,
/// and "true" confirms it; the judgement is the speaker's stance, no
/// claim of its own. Calling its own report false, a claim serious, or
/// "not false", denies nothing.
#[test]
fn saying_the_claims_were_false_denies_them() {
    for (body, actor, kind, status) in [
        (
            "Opposition groups said 30 people were killed. The ministry said the claims were false.",
            "ministry",
            StanceKind::Denies,
            Status::Disputed,
        ),
        (
            "Opposition groups said 30 people were killed. The army said reports of civilian \
             casualties were baseless.",
            "army",
            StanceKind::Denies,
            Status::Disputed,
        ),
        (
            "Opposition groups said 30 people were killed. The claims are false, the ministry said.",
            "ministry",
            StanceKind::Denies,
            Status::Disputed,
        ),
        (
            "Opposition groups said 30 people were killed. The ministry said the claims were not \
             true.",
            "ministry",
            StanceKind::Denies,
            Status::Disputed,
        ),
        (
            "Opposition groups said 30 people were killed. The claims are true, the UN said.",
            "UN",
            StanceKind::Confirms,
            Status::Confirmed,
        ),
        // ("US" is no party of "Russia", whose letters hold it.)
        (
            "Russia said Ukraine was involved in the attack. The claims are true, the US said.",
            "US",
            StanceKind::Confirms,
            Status::Confirmed,
        ),
    ] {
        let doc = analyze(body);
        assert_eq!(doc.claims.len(), 1, "{body}: {:?}", doc.claims);
        assert_eq!(doc.claims[0].status, status, "{body}");
        let claim = &doc.claims[0];
        assert!(
            claim.stances.iter().any(|s| bare(&s.actor) == actor && s.kind == kind),
            "{body}: {:?}",
            claim.stances
        );
    }
    let body = "Opposition groups said 30 people were killed. The ministry said the claims were \
                serious and would be investigated.";
    check_claim(body, "30 people were killed", &["Opposition groups"], Status::Reported);
    let body =
        "Opposition groups said 30 people were killed. The ministry said the claims were not \
                false.";
    check_claim(body, "30 people were killed", &["Opposition groups"], Status::Reported);
}

/// "Moscow has denied that it was involved": the denied clause is the
/// claim, disputed by the denier; the sentence read whole is no claim of
/// the article's besides. A sentence that states something else before
/// the denial keeps its claim, and a verb's object before "and" is no
/// denier ("Police arrested two men and the company denied ...").
#[test]
fn a_denial_of_a_clause_is_the_disputed_clause_alone() {
    for (body, clause, actor) in [
        ("Moscow has denied that it was involved.", "it was involved", "Moscow"),
        (
            "The Kremlin has repeatedly denied that it interferes in foreign elections.",
            "it interferes in foreign elections",
            "Kremlin",
        ),
        ("The FSB denies the two explosions are related.", "the two explosions are related", "FSB"),
    ] {
        let doc = analyze(body);
        let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, [clause], "{body}");
        assert_eq!(doc.claims[0].status, Status::Disputed, "{body}");
        check_stance(body, clause, actor, StanceKind::Denies);
    }
    let body = "Police arrested two men and the company denied that its staff were involved.";
    let doc = analyze(body);
    let denied = doc.claims.iter().find(|c| c.text == "its staff were involved").unwrap();
    let actors: Vec<&str> = denied.stances.iter().map(|s| bare(&s.actor)).collect();
    assert_eq!(actors, ["company"], "{body}");
    find_claim(&doc, "Police arrested two men");
    // "the United Nations' official position ..." is a noun phrase, not
    // a clause ("United" is no verb).
    let body = "This proclamation contradicted the United Nations' official position on the \
                territory, which belonged to Syria.";
    let doc = analyze(body);
    assert!(doc.claims.iter().all(|c| c.status != Status::Disputed), "{:?}", doc.claims);
}

/// ", without providing evidence" after the content says how it was
/// claimed: the status reads it, the claim's text leaves it out.
#[test]
fn evidence_lacking_after_the_content_disputes_it() {
    let body =
        "Pro-government outlets claimed the protesters were paid by foreign agents, without \
                providing evidence.";
    check_claim(body, "paid by foreign agents", &["Pro-government outlets"], Status::Disputed);
    let doc = analyze(body);
    let claim = find_claim(&doc, "paid by foreign agents");
    assert_eq!(claim.text, "the protesters were paid by foreign agents");
}
claim!(
    alleged,
    "Prosecutors alleged that the director had diverted public funds.",
    "the director had diverted public funds",
    ["Prosecutors"],
    Reported
);
claim!(
    insisted,
    "The club insisted that the player had not broken any rules.",
    "had not broken any rules",
    ["club"],
    Reported
);
claim!(
    indicated,
    "Deputy Governor Oleg Klimov indicated 68 people were missing.",
    "68 people were missing",
    ["Oleg Klimov"],
    Reported
);
claim!(
    confirmed_by_source,
    "Chinese officials confirmed that the plane had crashed in the mountains.",
    "the plane had crashed",
    ["Chinese officials"],
    Reported
);

// Chains: according to, citing, channels.
claim!(
    according_to_end,
    "Four suspects face terror charges, according to the state-run TASS news agency.",
    "Four suspects face terror charges",
    ["TASS"],
    Reported
);
claim!(
    according_to_start,
    "According to the emergencies ministry, rescuers recovered ten survivors from the debris.",
    "rescuers recovered ten survivors",
    ["emergencies ministry"],
    Reported
);
claim!(
    according_to_shared_by,
    "The ceasefire has collapsed in the north, according to videos shared by local activists.",
    "The ceasefire has collapsed",
    ["local activists"],
    Reported
);
claim!(
    according_to_post_by,
    "The tusk came from the wall of the hall, according to a Twitter post by Amy Cook.",
    "The tusk came from the wall",
    ["Amy Cook"],
    Reported
);
claim!(citing_then_channel, "The Daily Telegraph reported, citing a security source, that the suspect had been under surveillance.", "the suspect had been under surveillance", ["security source", "Daily Telegraph"], Reported);
claim!(chain_merged_into_claim, "A video purportedly showing the raid has been circulated online. The video has been circulated by Iranian media, citing Al Azaim, according to screenshots shared by X users.", "A video purportedly showing the raid", ["Al Azaim", "Iranian media", "X users"], Hedged);
claim!(outlet_left_out, "The Daily Planet has learned that the factory will close, according to two people familiar with the plans.", "the factory will close", ["two people familiar with the plans"], Reported);

// Participles and absolute constructions.
claim!(participle_posting, "The Telegram channel Rybar shared the image, posting that the brigade had withdrawn from the town.", "the brigade had withdrawn", ["Rybar"], Reported);
claim!(
    participle_adding,
    "The minister spoke for an hour, adding that the budget would be balanced next year.",
    "the budget would be balanced",
    ["minister"],
    Reported
);
claim!(
    with_reports_noting,
    "They appeared in court with reports noting how they appeared to have been beaten.",
    "they appeared to have been beaten",
    ["reports"],
    Hedged
);

// Statuses from the article's own signals.
claim!(
    hedged_reportedly,
    "The general reportedly fled the country on Sunday, officials said.",
    "fled the country",
    ["officials"],
    Hedged
);
claim!(
    hedged_allegedly,
    "The suspect allegedly opened fire on the crowd.",
    "opened fire",
    [],
    Hedged
);
claim!(
    hedged_it_is_possible,
    "The port authority said it is possible that the ferry carried more passengers than allowed.",
    "the ferry carried more passengers",
    ["port authority"],
    Hedged
);
claim!(
    hedged_probably,
    "The crash was probably caused by a worn cable, the inspectors said.",
    "caused by a worn cable",
    ["inspectors"],
    Hedged
);
claim!(
    hedged_purportedly,
    "A poster purportedly from the group has been circulated on social media.",
    "A poster purportedly from the group",
    [],
    Hedged
);
claim!(
    hedged_is_believed,
    "Police said the gunman is believed to have acted alone.",
    "acted alone",
    ["Police"],
    Hedged
);
claim!(
    unverified_same_sentence,
    "Rebels said they had shot down a jet, a claim that could not be independently verified.",
    "had shot down a jet",
    ["Rebels"],
    Unverified
);
// ", but the claim could not be verified" evaluates the content and ends it.
#[test]
fn unverified_after_but_ends_the_content() {
    let body =
        "Rebels said they had shot down a jet, but the claim could not be independently verified.";
    let doc = analyze(body);
    let claim = find_claim(&doc, "had shot down a jet");
    assert_eq!(claim.text, "Rebels had shot down a jet");
    assert_eq!(claim.status, Status::Unverified);
}
// "no evidence", "baseless" inside a claim's own content are what the
// claim says of something else; it is not disputed by them.
claim!(
    no_evidence_in_the_content_is_the_claims_own,
    "Observers said they had found no evidence of systematic irregularities.",
    "no evidence of systematic irregularities",
    ["Observers"],
    Reported
);
claim!(
    unverified_next_sentence,
    "Activists said 40 people had been killed in the shelling. The figures have not been verified.",
    "40 people had been killed",
    ["Activists"],
    Unverified
);
// "confirmed the report" answers the claim the noun names: another
// party's confirmation confirms it; its own source's ("confirmed its
// report") is a stance only; "confirmed him" names no claim.
#[test]
fn a_confirmation_of_a_named_claim() {
    let body = "The Wall Street Journal reported that Apple was in talks to buy the startup. \
                Bloomberg later confirmed the report.";
    check_claim(body, "Apple was in talks", &["Wall Street Journal"], Status::Confirmed);
    check_stance(body, "Apple was in talks", "Bloomberg", StanceKind::Confirms);
    let body = "The Wall Street Journal reported that Apple was in talks to buy the startup. \
                The newspaper confirmed its report on Wednesday.";
    check_claim(body, "Apple was in talks", &["Wall Street Journal"], Status::Reported);
    let body =
        "Officials said the minister had been nominated. The Senate confirmed him on Friday.";
    check_claim(body, "the minister had been nominated", &["Officials"], Status::Reported);
}
claim!(confirmed_by_independent, "It follows the release of a video by the group showing the raid, which has been deemed genuine by media outlets such as the BBC.", "video by the group", ["group"], Confirmed);
claim!(disputed_by_later_rejection, "Moscow claimed that Ukrainian saboteurs had crossed the border. Kyiv has rejected Moscow's claims.", "Ukrainian saboteurs had crossed", ["Moscow"], Disputed);
claim!(
    disputed_denied_claims,
    "The ministry claimed the strike hit a weapons depot. The rebels denied the claims.",
    "the strike hit a weapons depot",
    ["ministry"],
    Disputed
);
claim!(
    asserted_count,
    "The explosion killed at least 12 people and injured dozens more.",
    "killed at least 12 people",
    [],
    Asserted
);
claim!(asserted_relative_clause, "Kyiv and the U.S., which issued a warning about an impending attack, have rejected the claims.", "issued a warning", [], Asserted);
claim!(
    count_split_from_report,
    "The group said it was behind the attack on the hall which killed at least 137 people.",
    "killed at least 137 people",
    [],
    Asserted
);

// Stances.
stance!(denies_two_actors, "Moscow claimed that Ukrainian saboteurs had crossed the border. Kyiv and the U.S. have rejected Moscow's claims.", "Ukrainian saboteurs", "U.S.", Denies);
stance!(confirms_independent, "It follows the release of a video by the group showing the raid, which has been deemed genuine by media outlets such as the BBC.", "video by the group", "BBC", Confirms);
stance!(no_comment_contacted, "A poster purportedly from the group threatened new attacks. The information has not been verified and the newspaper has contacted the Kremlin for comment.", "A poster purportedly", "Kremlin", NoComment);
stance!(no_comment_inappropriate, "The group said it was behind the attack. No official has backed the group's claim, and spokesman Dmitry Peskov said it was inappropriate to comment on it.", "was behind the attack", "Dmitry Peskov", NoComment);
stance!(
    asserts_origin,
    "Police said three men had been detained after the raid.",
    "three men had been detained",
    "Police",
    Asserts
);
stance!(
    confirms_own_source,
    "Chinese officials confirmed that the plane had crashed in the mountains.",
    "the plane had crashed",
    "Chinese officials",
    Confirms
);

// A role set off after a postposed speaker, with no article, is no
// content of its own.
#[test]
fn a_role_after_a_postposed_speaker_is_no_quote() {
    let body = "\"These results will change how we treat the illness,\" said Dr. Anthony Fauci, director of the National Institute of Allergy and Infectious Diseases.";
    only_quote(body, "change how we treat", "Anthony Fauci");
}
// So are an age and a relative clause on the speaker.
#[test]
fn an_age_and_a_relative_clause_after_a_postposed_speaker() {
    let body = "\"We have lost everything in the flood,\" said Maria Lopez, 54, whose house was destroyed.";
    let doc = only_quote(body, "lost everything", "Maria Lopez");
    assert!(doc.claims.iter().all(|c| !c.text.contains("whose house")), "{:?}", doc.claims);
}

/// The body's one quote, direct, with its source; the analysed document.
fn only_quote(body: &str, contains: &str, source: &str) -> Document {
    let doc = analyze(body);
    assert_eq!(doc.quotes.len(), 1, "{:?}", doc.quotes);
    check_quote(body, contains, Some(source), true);
    doc
}
// A verb in "-s" before "that", which the tagger took for a noun after a
// noun it took for an adjective.
claim!(
    an_artefact_alleges_that,
    "The indictment alleges that Smith paid $130,000 to conceal the affair.",
    "Smith paid $130,000",
    ["The indictment"],
    Reported
);
// Evidence after its content.
claim!(
    figures_showed_after_the_content,
    "Unemployment fell to 3.5 percent in May, official figures showed on Friday.",
    "Unemployment fell to 3.5 percent",
    ["official figures"],
    Reported
);
claim!(
    cautioned_is_a_cue,
    "Independent experts cautioned that the data has not been peer reviewed.",
    "the data has not been peer reviewed",
    ["Independent experts"],
    Reported
);

// Direct quotations.
quote!(
    straight_before,
    "The poster says, \"Be warned, we have the means to strike again.\"",
    "Be warned",
    Some("The poster"),
    true
);
quote!(
    curly_after,
    "“The search and rescue operation is complete,” Deputy Minister Alexander Chupriyan told TASS.",
    "rescue operation is complete",
    Some("Alexander Chupriyan"),
    true
);
quote!(
    postposed_said_name,
    "\"We will use the full force of the law,\" said Delfin Lorenzana, the defence secretary.",
    "full force of the law",
    Some("Delfin Lorenzana"),
    true
);
quote!(over_paragraphs, "The poster says, \"Be warned, do not think that we cannot avenge our brothers.\n\n\"With the attack, we showed you that we can punish you.\"", "we showed you", Some("The poster"), true);
quote!(next_sentence_same_speaker, "\"I am in awe of the people who ran towards danger,\" tweeted Mayor Sadiq Khan. \"The bravery of ordinary Londoners is incredible.\"", "bravery of ordinary Londoners", Some("Sadiq Khan"), true);
quote!(told_the_press, "\"There is a phenomenon called suicide by cop,\" criminology professor David Wilson told the press.", "suicide by cop", Some("David Wilson"), true);
quote!(headlined, "A version of the message is headlined \"Threat to all cruel Russians, including Putin\" above an image.", "Threat to all cruel Russians", Some("version of the message"), true);
quote!(no_speaker, "The banner read in part: \"Justice for the families of the victims of the fire.\" It hung for days.", "Justice for the families", Some("banner"), true);
quote!(mixed_quote, "The channel Supernova Plus shared the image, posting that the group was \"organizing another terrorist attack\" in the capital.", "organizing another terrorist attack", Some("Supernova Plus"), true);
quote!(reported_speech_is_quote, "Kremlin spokesman Dmitry Peskov said it was inappropriate to comment until the investigation had been completed.", "inappropriate to comment", Some("Dmitry Peskov"), false);

// A passive cue with no agent qualifies its subject; the subject is no
// source.
claim!(
    passive_cue_is_not_a_source,
    "A total of 39 people are confirmed dead, officials said on Monday.",
    "39 people are confirmed dead",
    ["officials"],
    Reported
);

#[test]
fn figures_and_dates_are_not_sources() {
    let doc = analyze(
        "The ministry gave an update.\n\nBetween 36 and 40 people remain under the rubble, the regional governor said on Monday.",
    );
    for claim in &doc.claims {
        for source in &claim.chain {
            assert!(
                !source.text.contains("36") && source.text != "Monday",
                "{:?} has source {:?}",
                claim.text,
                source.text
            );
        }
    }
}

// "The accusation ... is that ...": the clause is someone's claim, not
// the article's fact.
claim!(
    copular_claim_noun_reports_its_clause,
    "The ferry service resumed on Monday.\n\nThe accusation against the minister is that she misled parliament about the contract.",
    "she misled parliament about the contract",
    [],
    Reported
);
claim!(
    copular_claim_noun_with_its_owner,
    "The ferry service resumed on Monday.\n\nThe opposition's claim was that the count had been rigged; the commission published the results on Tuesday.",
    "the count had been rigged",
    ["The opposition"],
    Reported
);
claim!(
    after_a_copular_claim_the_article_speaks_again,
    "The ferry service resumed on Monday.\n\nThe opposition's claim was that the count had been rigged; the commission published the results on Tuesday.",
    "the commission published the results",
    [],
    Asserted
);

// Facts in the article's own voice: check-worthy sentences are claims.
claim!(
    own_voice_lead,
    "The museum opened its new wing to visitors on Saturday morning.",
    "museum opened its new wing",
    [],
    Asserted
);
claim!(
    said_as_adjective,
    "The said property was sold at auction in 1998 for an undisclosed sum.",
    "property was sold at auction in 1998",
    [],
    Asserted
);
claim!(
    own_voice_named_actor,
    "Rescuers searched the rubble through the night.\n\nThe Taliban met on Monday with a US envoy in Qatar.",
    "Taliban met on Monday",
    [],
    Asserted
);
claim!(
    own_voice_pronoun_with_date,
    "The airline flies to Spain and Italy.\n\nIt was founded in 1992 by the government.",
    "It was founded in 1992",
    [],
    Asserted
);
claim!(
    own_voice_subject_before_apposition,
    "The ferry service resumed on Monday.\n\nMitch Baker, the Republican Senate Majority Leader, previously committed to proceeding with such a trial.",
    "Mitch Baker, the Republican Senate Majority Leader, previously committed",
    [],
    Asserted
);
claim!(
    own_voice_after_a_relative_clause,
    "The ferry service resumed on Monday.\n\nOf the 4.1 million who voted, 62% were in favour.",
    "62% were in favour",
    [],
    Asserted
);
claim!(
    own_voice_subject_before_an_apposition_with_a_clause,
    "The ferry service resumed on Monday.\n\nBarra, and the harbour district it lies beside, were among the areas to vote against the plan.",
    "were among the areas to vote against the plan",
    [],
    Asserted
);
not_claimed!(
    a_clause_that_opens_on_its_verb,
    "The ferry service resumed on Monday.\n\nThe drummer moved to Lagos in 1970, and still lived there when the 2012 film about him was made.",
    "still lived there"
);
claim!(
    own_voice_participle_before_the_subject,
    "The ferry service resumed on Monday.\n\nThe departing chairman Okonjo appointed Halvorsen as treasurer of the club.",
    "Okonjo appointed Halvorsen as treasurer",
    [],
    Asserted
);
claim!(
    main_clause_before_an_absolute_with,
    "The ferry service resumed on Monday.\n\nThe port on Monday banned the trawler from docking in the harbour, with officials saying this is for safety reasons.",
    "The port on Monday banned the trawler from docking",
    [],
    Asserted
);
claim!(
    act_on_a_pronoun_object,
    "The ferry service resumed on Monday.\n\nEarlier on Friday, the regional assembly confirmed him, but the upper chamber had not confirmed him.",
    "the regional assembly confirmed him",
    [],
    Asserted
);
claim!(
    own_voice_pronoun_after_its_name,
    "The ferry service resumed on Monday.\n\nWhile Freedonia is a member of the trade bloc, it is not a state and does not get representation in the council.",
    "it is not a state",
    [],
    Asserted
);
claim!(
    own_voice_pronoun_with_number_word,
    "The ferry service resumed on Monday.\n\nThat was roughly twelve times the usual amount.",
    "twelve times the usual amount",
    [],
    Asserted
);

#[test]
fn own_voice_coordinated_clauses_are_two_claims() {
    let doc = analyze(
        "The House voted on Wednesday.\n\nRepublicans hold a majority in the Senate, and 67 senators must vote to convict.",
    );
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert!(texts.contains(&"Republicans hold a majority in the Senate"), "{texts:#?}");
    assert!(texts.iter().any(|t| t.starts_with("67 senators must vote")), "{texts:#?}");
}

// Negatives: no claim worth a record.
no_claim!(headline_list_without_verbs, "Live updates\n\nKey events\n\nMap of the region");
// A phrase in scare quotes or a title inside the article's sentence
// leaves it the article's; a quotation a speech word or colon introduces
// makes it someone's words.
claim!(
    scare_quotes_in_the_articles_sentence,
    "The so-called \"peace plan\" was published on the ministry website last week.",
    "\"peace plan\" was published",
    [],
    Asserted
);
no_claim!(
    a_quotation_introduced_by_a_speech_word,
    "A version of the message widely shared on Telegram is headlined \"Threat to all cruel \
     Russians, including Putin\" above an image of a masked fighter."
);
no_claim!(question, "Who ordered the strike on the convoy in March 2019?");
no_claim!(caption_fragment, "Delfin Lorenzana, the Defence Secretary, at the scene in Jolo.");
not_claimed!(
    description_without_anchor,
    "The army shelled the city on Monday.\n\nThe streets were quiet and the shops were closed.",
    "streets were quiet"
);
not_claimed!(
    pronoun_without_number_or_date,
    "The ministry published a report on Monday.\n\nIt was widely shared by readers across Europe.",
    "widely shared"
);
not_claimed!(
    stance_is_not_a_claim,
    "Moscow said Ukraine was involved.\n\nKyiv and Washington rejected Moscow's claims on Saturday.",
    "rejected"
);

#[test]
fn quote_with_no_speaker_is_kept_without_source() {
    let doc = analyze("Protesters carried banners across the square.\n\n\"No justice, no peace, no more waiting for answers\" was written on one of them.");
    let quote = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span).contains("No justice"))
        .expect("the quotation is kept");
    assert!(quote.direct);
}

#[test]
fn no_quote_holds_its_own_cue() {
    let doc = analyze("The suspect, according to police, fled the scene on foot.");
    assert!(
        doc.quotes.iter().all(|q| !doc.slice(q.span).contains("according")),
        "{:?}",
        doc.quotes
    );
    check_claim(
        "The suspect, according to police, fled the scene on foot.",
        "The suspect fled",
        &["police"],
        Status::Reported,
    );
}

#[test]
fn unbalanced_quotation_marks_do_not_panic() {
    for body in [
        "He said \"never.",
        "\"\"\" \" said",
        "“Open ”and ” close“ marks” said X.",
        "'single' and \"double ' mixed\" marks.",
        // A cue as the sentence's last word before a mark: empty content.
        "Ỽ Aⶰ  said  <A",
        "He said \"",
    ] {
        let doc = analyze(body);
        for q in &doc.quotes {
            assert!(q.span.end() <= doc.text.len());
        }
    }
}

#[test]
fn nested_quotes_stay_inside_the_outer_one() {
    let doc =
        analyze("\"He told me 'one in, all in' and ran towards the attacker,\" the witness said.");
    let quote = doc.quotes.iter().find(|q| q.direct).expect("one direct quotation");
    assert!(doc.slice(quote.span).contains("'one in, all in'"));
    assert_eq!(quote.source.as_ref().map(|s| bare(&s.text)), Some("witness"));
}

#[test]
fn long_live_blog_is_handled() {
    let body: Vec<String> = (0..5000)
        .map(|i| format!("Officials said road {i} would reopen at noon. \"We are working on road {i},\" the mayor said."))
        .collect();
    let body = body.join("\n\n");
    let doc = analyze(&body);
    assert_eq!(doc.paragraphs.len(), 5000);
    // The officials' claim and the mayor's quoted one, each paragraph.
    assert_eq!(doc.claims.len(), 10000);
    assert_eq!(doc.quotes.iter().filter(|q| q.direct).count(), 5000);
}

// A denial of a clause makes that clause a disputed claim.
claim!(
    denies_clause,
    "The FSB denies the two explosions are related; reports describe speculation about the cause.",
    "the two explosions are related",
    [],
    Disputed
);
stance!(
    denies_clause_actor,
    "The FSB denies the two explosions are related; reports describe speculation about the cause.",
    "the two explosions are related",
    "FSB",
    Denies
);

// Reported speech: a claim introduced by "reported" or "according to" is
// also an indirect quote of its nearest source; a bare "claimed" is not.
quote!(
    reported_is_reported_speech,
    "Reuters reported that oil production had been disrupted at two plants.",
    "oil production had been disrupted",
    Some("Reuters"),
    false
);
quote!(
    according_to_is_reported_speech,
    "According to police, they received the first call about the attack around 2:00 p.m.",
    "they received the first call",
    Some("police"),
    false
);

#[test]
fn a_bare_claim_is_no_quote() {
    let doc =
        analyze("Russian officials have claimed there was Ukrainian involvement in the attack.");
    assert!(doc.claims.iter().any(|c| c.text.contains("Ukrainian involvement")));
    assert!(
        doc.quotes.iter().all(|q| !doc.slice(q.span).contains("Ukrainian involvement")),
        "{:?}",
        doc.quotes.iter().map(|q| doc.slice(q.span)).collect::<Vec<_>>()
    );
}

/// Found by `news_over_all_of_unicode`: lower-casing "İ" makes the text
/// longer, so offsets found in a lower-cased copy do not fit the original.
#[test]
fn according_to_after_letters_that_lower_case_longer() {
    let doc = analyze(
        "ꞆȺ İstanbul „ Ⱥ\" \" \"Ⱥ  according to  Ελλάδα, the İstanbul office said prices rose.",
    );
    for q in &doc.quotes {
        assert!(
            doc.text.is_char_boundary(q.span.start()) && doc.text.is_char_boundary(q.span.end())
        );
    }
}

// A number after a present-tense cue opens the reported clause ("say" was
// read as a noun after a name: "the Police say").
claim!(
    a_number_opens_the_clause_after_say,
    "Police say 2000 people marched in the city on Sunday.",
    "2000 people marched in the city",
    ["Police"],
    Reported
);
// A hedge in one claim's clause leaves the next claim of the sentence
// alone, though they share a source.
claim!(
    a_hedge_stays_in_its_clause,
    "The court found that it could rule on the prorogation, and found the prorogation to be unlawful.",
    "prorogation to be unlawful",
    ["The court"],
    Reported
);
claim!(
    the_hedged_clause_keeps_its_hedge,
    "The court found that it could rule on the prorogation, and found the prorogation to be unlawful.",
    "could rule",
    ["The court"],
    Hedged
);
// "May" written as a name or a month is no hedge.
claim!(
    theresa_may_is_no_hedge,
    "Theresa May said the deal was done.",
    "the deal was done",
    ["Theresa May"],
    Reported
);
claim!(
    a_month_is_no_hedge,
    "The minister was found guilty in May on 859 counts of fraud.",
    "found guilty in May",
    [],
    Asserted
);
claim!(
    the_modal_hedges,
    "Officials said the deal may collapse next week.",
    "the deal may collapse",
    ["Officials"],
    Hedged
);

/// In the ledger, "the Queen" names the article's "Queen Elizabeth II":
/// a claim about her is about that entity, whichever name it uses.
#[test]
fn a_title_with_the_names_the_entity_it_describes_in_the_ledger() {
    let doc = analyze(
        "Queen Elizabeth II met the prime minister on Tuesday. At his request, the Queen \
         suspended parliament for five weeks, officials said.",
    );
    let article = an_article("2019-08-29");
    let appearances = claimtrace::ledger::appearances(&doc, &article);
    let suspended = appearances
        .iter()
        .find(|a| a.text.contains("suspended parliament"))
        .unwrap_or_else(|| panic!("{:?}", appearances.iter().map(|a| &a.text).collect::<Vec<_>>()));
    assert!(suspended.entities.iter().any(|e| e == "Elizabeth II"), "{:?}", suspended.entities);
}

/// A first version of an article, published on `date`, as the ledger
/// names it.
fn an_article(date: &str) -> claimtrace::ledger::ArticleRef {
    claimtrace::ledger::ArticleRef {
        url: "https://example.org/a".into(),
        outlet: None,
        published: Some(date.into()),
        date_from: claimtrace::ledger::DateFrom::META,
        version: 1,
        copy_of: None,
        wire: None,
    }
}

// An appearance's signature is the one its text and entities give, with
// its nouns: the store, holding a staged article for a batch that may be
// rolled back, keeps only those and makes the rest again
// (`Prepared::put_away`).
#[test]
fn an_appearance_s_signature_is_made_from_its_text_and_entities() {
    let article = an_article("2024-03-25");
    let (mut seen, mut dated) = (0, 0);
    for input in ["examples/newsweek-isis-threat.txt", "gold/dev/inputs/wn2019-000.json"] {
        let doc = crate::util::analyze_file(input);
        for a in claimtrace::ledger::appearances(&doc, &article) {
            use claimtrace::ledger::Parts;
            let made = claimtrace::ledger::Signature {
                nouns: a.signature.nouns.clone(),
                subjects: a.signature.subjects.clone(),
                ..claimtrace::ledger::Signature::named(&a.text, &a.entities)
            };
            // With the days resolved inside the claim (`Signature::dated`).
            let days: Vec<&str> = a.signature.dates().map(|d| d.trim_start_matches('t')).collect();
            dated += usize::from(!days.is_empty());
            assert_eq!(a.signature, made.dated(days), "{input}: {:?}", a.text);
            seen += usize::from(!a.entities.is_empty());
        }
    }
    assert!(seen > 0, "appearances that name entities");
    assert!(dated > 0, "appearances that say when");
}

// A postposed cue with where or how it was said after it ("in a
// statement", "on Twitter") still has its speaker before it; "think of"
// is no such phrase.
claim!(
    said_in_a_statement_after_the_content,
    "The bridge will reopen on Friday, police said in a statement.",
    "The bridge will reopen on Friday",
    ["police"],
    Reported
);
claim!(
    wrote_on_twitter_after_the_content,
    "The bridge will reopen on Friday, the spokesperson wrote on Twitter.",
    "The bridge will reopen on Friday",
    ["the spokesperson"],
    Reported
);

#[test]
fn a_quote_before_said_in_an_interview_has_its_speaker() {
    let doc = analyze(
        "Boris Johnson spoke on Sunday. \"This is a new government with a very exciting \
         agenda,\" Johnson said in an interview.",
    );
    let quote = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span).contains("exciting agenda"))
        .expect("the quote");
    let source = quote.source.as_ref().map(|s| s.text.as_str());
    assert!(source.is_some_and(|s| s.contains("Johnson")), "{source:?}");
}

/// A relative clause's fact names the antecedent, not the report around
/// it: "Sputnik News reported Leonov, who died ..." is Leonov's death.
#[test]
fn a_relative_fact_starts_after_the_cue() {
    let doc = analyze(
        "Sputnik News reported Leonov, who died in Moscow on Friday, had been ill. The mayor \
         said the bridge, which collapsed in May, will reopen.",
    );
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert!(texts.iter().all(|t| !t.starts_with("Sputnik News reported Leonov died")), "{texts:?}");
    assert!(
        texts.iter().all(|t| !t.starts_with("The mayor said the bridge collapsed")),
        "{texts:?}"
    );
}

/// An accusation is the accuser's claim about the accused ("Russia
/// blamed Ukraine for the attack" is one claim in the spec's ledger
/// example): reported, with the accuser for source, and what judges it or
/// rejects it applies to it.
#[test]
fn an_accusation_is_the_accusers_claim() {
    check_claim(
        "Russia blamed Ukraine for the attack on Friday.",
        "Ukraine for the attack",
        &["Russia"],
        Status::Reported,
    );
    check_claim(
        "Officials blamed the fire on faulty wiring.",
        "the fire on faulty wiring",
        &["Officials"],
        Status::Reported,
    );
    check_claim(
        "Moscow accused Kyiv of involvement in the massacre without evidence.",
        "Kyiv of involvement in the massacre",
        &["Moscow"],
        Status::Disputed,
    );
    check_stance(
        "Iran accused the United States of lying about the strike. Washington rejected the \
         accusation.",
        "the United States of lying",
        "Washington",
        StanceKind::Denies,
    );
    // What the accused did ends at the comma before another clause.
    let doc = analyze("Moscow accused Kyiv of the attack, but Kyiv denied any role.");
    let claim = find_claim(&doc, "Kyiv of the attack");
    assert!(!claim.text.contains("denied"), "{:?}", claim.text);
}

/// A passive accusation names no accuser, and a gerund after a
/// preposition is the main clause's, which the article states.
#[test]
fn accusations_that_name_no_accuser() {
    for body in [
        "The army was accused of torturing prisoners.",
        "The United States was more forceful in blaming Iran for the attack.",
    ] {
        let doc = analyze(body);
        assert!(
            doc.claims.iter().all(|c| c.chain.is_empty()),
            "{body}: {:?}",
            doc.claims.iter().map(|c| (&c.text, &c.chain)).collect::<Vec<_>>()
        );
    }
}

/// A denial with no claim noun answers the claim before it: "Kyiv denied
/// it", "..., which Kyiv denied", "..., but Kyiv denied it", "denied any
/// involvement". The claim is disputed, the denier's stance on it; the
/// denial is no claim of its own, nor part of the claim's text.
#[test]
fn a_denial_of_it_answers_the_claim_before() {
    for body in [
        "Moscow claimed Kyiv was involved in the massacre. Kyiv denied it.",
        "Moscow claimed Kyiv was involved in the massacre. Kyiv has denied any involvement.",
        "Moscow claimed Kyiv was involved in the massacre, but Kyiv denied it.",
        "Moscow said Kyiv was involved in the massacre, which Kyiv has strongly rejected.",
        "Moscow accused Kyiv of involvement in the massacre, which Kyiv denied.",
    ] {
        let doc = analyze(body);
        let claim = find_claim(&doc, "massacre");
        assert_eq!(claim.status, Status::Disputed, "{body}");
        assert!(
            claim.stances.iter().any(|s| s.actor == "Kyiv" && s.kind == StanceKind::Denies),
            "{body}: {:?}",
            claim.stances
        );
        assert!(!claim.text.contains("denied") && !claim.text.contains("rejected"), "{body}");
        assert_eq!(doc.claims.len(), 1, "{body}: {:?}", doc.claims);
    }
    // A rejected plan is no answer to a claim.
    check_claim("The council rejected the plan.", "rejected the plan", &[], Status::Asserted);
}

/// A cue denied before an indirect question ("have not said whether ...")
/// leaves the question open: no claim, no quote.
#[test]
fn a_question_left_open_is_no_claim() {
    for body in [
        "Police have not said whether anyone was arrested.",
        "The ministry did not say how many people had died.",
        "Police did not immediately say why the man was detained.",
    ] {
        let doc = analyze(body);
        assert!(doc.claims.is_empty(), "{body}: {:?}", doc.claims);
        assert!(doc.quotes.is_empty(), "{body}: {:?}", doc.quotes);
    }
    check_claim(
        "Police said whether anyone was arrested would be announced later.",
        "would be announced later",
        &["Police"],
        Status::Reported,
    );
}

/// "..., figures that Reuters could not verify": the outlet's judgment
/// makes the claim unverified and is not part of what was said.
#[test]
fn figures_the_outlet_could_not_verify() {
    for body in [
        "Ukraine said Russian forces had lost 500 troops in the past day, figures that Reuters \
         could not verify.",
        "Israel said it had struck 150 targets, which could not be independently verified.",
    ] {
        let doc = analyze(body);
        let claim = find_claim(&doc, "had ");
        assert_eq!(claim.status, Status::Unverified, "{body}");
        assert!(!claim.text.contains("verif"), "{:?}", claim.text);
    }
}

/// Where or how it was said, between the cue and the "that" of its
/// content, is not part of what was said.
#[test]
fn where_it_was_said_before_that_is_no_content() {
    let doc = analyze("Zelensky said in his nightly address that Russia had launched 50 drones.");
    let claim = find_claim(&doc, "Russia had launched 50 drones");
    assert!(claim.text.starts_with("Russia"), "{:?}", claim.text);
}

/// A chain phrase after a postposed cue is a link of the chain, and a
/// participle in an opening prepositional phrase ("In a video posted on
/// Telegram, ...") is no cue: the sentence's own cue reports.
#[test]
fn chain_phrases_and_participles_around_the_cue() {
    check_claim(
        "The attack was carried out by Hamas, Israeli officials said, citing intelligence reports.",
        "carried out by Hamas",
        &["intelligence reports", "Israeli officials"],
        Status::Reported,
    );
    check_claim(
        "In a video posted on Telegram, the group said it had shot down a drone.",
        "shot down a drone",
        &["group"],
        Status::Reported,
    );
}

/// A cue with a noun phrase for object and no clause ("claimed the
/// attack", "declared a state of emergency") says what the source did:
/// the claim names the source and the cue, as "claimed responsibility"
/// does. A source's anonymity is no fact of the story.
#[test]
fn a_noun_phrase_object_and_an_anonymous_source() {
    for (body, text) in [
        ("The Houthis claimed the attack.", "Houthis claimed the attack"),
        ("The governor declared a state of emergency on Monday.", "declared a state of emergency"),
    ] {
        let doc = analyze(body);
        let claim = find_claim(&doc, text);
        assert_eq!(claim.status, Status::Reported, "{body}");
    }
    let doc = analyze(
        "A U.S. official, who asked not to be named, said the strike was ordered by the president.",
    );
    assert!(
        doc.claims.iter().all(|c| !c.text.contains("asked not to be named")),
        "{:?}",
        doc.claims
    );
    find_claim(&doc, "the strike was ordered by the president");
}

/// A passive denial's agent denies, its subject names the claim: "The
/// claim was debunked by fact-checkers".
#[test]
fn a_passive_denial_names_the_denier_after_by() {
    for (body, actor) in [
        (
            "Moscow claimed Kyiv was involved. The claim was debunked by fact-checkers.",
            "fact-checkers",
        ),
        ("Moscow claimed Kyiv was involved. The allegations were rejected by Kyiv.", "Kyiv"),
    ] {
        check_stance(body, "Kyiv was involved", actor, StanceKind::Denies);
        check_claim(body, "Kyiv was involved", &["Moscow"], Status::Disputed);
    }
}

/// A report inside a relative clause ("The strike, which officials said
/// targeted a depot, killed four people") is the antecedent's, sourced to
/// the subject after the pronoun, and ends with the clause.
#[test]
fn a_report_in_a_relative_clause() {
    let doc =
        analyze("The strike, which officials said targeted a weapons depot, killed four people.");
    let claim = find_claim(&doc, "targeted a weapons depot");
    assert_eq!(claim.text, "The strike targeted a weapons depot");
    let chain: Vec<&str> = claim.chain.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(chain, ["officials"]);
}

/// A quote's speaker before "said in a televised address on Sunday";
/// "a claim Ukraine denied" after a content denies it; "is alleged to"
/// hedges.
#[test]
fn televised_addresses_denied_claims_and_allegations() {
    check_quote(
        "\"We will not surrender,\" the president said in a televised address on Sunday.",
        "We will not surrender",
        Some("the president"),
        true,
    );
    let body = "Russia's defence ministry claimed its forces had captured the village, a claim \
                Ukraine denied.";
    check_stance(body, "captured the village", "Ukraine", StanceKind::Denies);
    check_claim(body, "captured the village", &["Russia's defence ministry"], Status::Disputed);
    check_claim(
        "He is alleged to have stolen $2 million.",
        "stolen $2 million",
        &[],
        Status::Hedged,
    );
}

/// A claim named by a noun and denied ("rejected claims that ...",
/// "dismissed Russian allegations that ...") is the clause after the
/// noun, disputed, whatever the tagger makes of the bare noun after the
/// verb; a noun of rumour with nobody to own it ("amid allegations
/// that ...", "There are reports that ...") hedges its clause, and the
/// article's own words end before it; "declined to comment on reports
/// that ..." is a refusal on that claim.
#[test]
fn claims_named_by_a_noun_of_rumour() {
    for body in [
        "Kyiv rejected claims that Ukraine was involved in the attack.",
        "Kyiv has rejected Russian claims that Ukraine was involved in the attack.",
        "Kyiv dismissed allegations that Ukraine was involved in the attack.",
    ] {
        let doc = analyze(body);
        let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Ukraine was involved in the attack"], "{body}");
        check_claim(body, "Ukraine was involved", &[], Status::Disputed);
        check_stance(body, "Ukraine was involved", "Kyiv", StanceKind::Denies);
    }
    let body = "The protests began amid allegations that the election was rigged.";
    check_claim(body, "the election was rigged", &[], Status::Hedged);
    check_claim(body, "The protests began", &[], Status::Asserted);
    let doc = analyze("There are reports that shots were fired near the palace.");
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["shots were fired near the palace"]);
    assert_eq!(doc.claims[0].status, Status::Hedged);
    let body = "The minister declined to comment on reports that he would resign.";
    check_claim(body, "he would resign", &[], Status::Hedged);
    check_stance(body, "he would resign", "minister", StanceKind::NoComment);
    // With no "that": the clause the parse hangs on the noun, when its verb
    // has a complement; a relative clause lacks one.
    let body =
        "The charge stemmed from allegations Trump tried to pressure the Ukrainian government.";
    check_claim(body, "Trump tried to pressure the Ukrainian government", &[], Status::Hedged);
    let doc = analyze("There were reports the navy had sunk the ship off the coast.");
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["the navy had sunk the ship off the coast"]);
    let doc = analyze("Officials dismissed the allegations Trump made in 2019 about the vote.");
    assert!(doc.claims.iter().all(|c| c.status != Status::Hedged), "{:?}", doc.claims);
    // A cue whose complement is such a noun does not make its clause the
    // cue's speaker's.
    for body in [
        "The government has not commented on reports that soldiers fled the town.",
        "The minister responded to allegations that soldiers fled the town.",
    ] {
        let doc = analyze(body);
        assert!(doc.quotes.is_empty(), "{body}: {:?}", doc.quotes);
        check_claim(body, "soldiers fled the town", &[], Status::Hedged);
    }
    // A verb after a name, and relative clauses, are no such noun.
    check_claim(
        "Boeing claims that the new jetliner is more fuel efficient than older models.",
        "the new jetliner is more fuel efficient",
        &[],
        Status::Asserted,
    );
    for body in [
        "From all reports that I have seen, the government was well prepared for the storm.",
        "A report that was published on Monday found that 12 people died.",
    ] {
        let doc = analyze(body);
        assert!(doc.claims.iter().all(|c| c.status != Status::Hedged), "{body}: {:?}", doc.claims);
    }
}

/// "could not have" rules a claim out rather than hedging it.
#[test]
fn could_not_have_is_no_hedge() {
    let body = "A US official said the missiles could not have been launched from Yemen.";
    check_claim(body, "could not have been launched", &["US official"], Status::Reported);
    let body = "A US official said the missiles could have been launched from Iraq.";
    check_claim(body, "could have been launched", &["US official"], Status::Hedged);
}

/// What a source did not say is nobody's claim ("Police did not say the
/// man was armed"); "Kyiv denied it, saying ..." answers the claim before
/// it, with no denied clause of its own.
#[test]
fn what_was_not_said_and_a_denial_with_a_reason() {
    let doc = analyze("Police did not say the man was armed.");
    assert!(doc.claims.is_empty(), "{:?}", doc.claims);
    let body = "Moscow said Ukrainian forces shelled the town. Kyiv denied it, saying Russian \
                troops were responsible.";
    check_claim(body, "Ukrainian forces shelled the town", &["Moscow"], Status::Disputed);
    check_stance(body, "Ukrainian forces shelled the town", "Kyiv", StanceKind::Denies);
    check_claim(body, "Russian troops were responsible", &["Kyiv"], Status::Reported);
    let doc = analyze(body);
    assert!(doc.claims.iter().all(|c| !c.text.starts_with("it")), "{:?}", doc.claims);
    // The reason a denier gives is its own claim, not what it denies.
    let body = "Moscow said Ukrainian forces shelled the town. Kyiv denied the claims, saying \
                Russian troops were responsible.";
    check_claim(body, "Ukrainian forces shelled the town", &["Moscow"], Status::Disputed);
    check_stance(body, "Ukrainian forces shelled the town", "Kyiv", StanceKind::Denies);
    check_claim(body, "Russian troops were responsible", &["Kyiv"], Status::Reported);
    let body = "The company rejected the report, saying its products were safe.";
    check_claim(body, "its products were safe", &["The company"], Status::Reported);
}

/// "The BBC has verified the footage", "The video was authenticated by
/// Reuters": an independent party confirms the earlier claim about the
/// artefact; the sentence is a stance, no claim of its own. "could not
/// verify" leaves it unverified.
#[test]
fn verifying_the_footage_confirms_the_claim_about_it() {
    for (body, actor) in [
        (
            "A video circulating on social media appears to show the explosion. The BBC has \
             verified the footage.",
            "BBC",
        ),
        (
            "A video circulating on social media appears to show the explosion. The video was \
             authenticated by Reuters.",
            "Reuters",
        ),
    ] {
        check_claim(body, "appears to show the explosion", &[], Status::Confirmed);
        check_stance(body, "appears to show the explosion", actor, StanceKind::Confirms);
        assert_eq!(analyze(body).claims.len(), 1, "{body}");
    }
    // What the video shows is its claim (`raising.txt` steps over
    // "appears to"); a party that could not verify it leaves it unverified.
    let body =
        "A video appears to show soldiers in the town. The BBC could not verify the footage.";
    check_claim(body, "soldiers in the town", &["A video"], Status::Unverified);
    let body =
        "A video appears to show soldiers in the town. The BBC has not verified the footage.";
    let doc = analyze(body);
    let claim = find_claim(&doc, "soldiers in the town");
    assert_eq!(claim.status, Status::Unverified);
    assert!(claim.stances.iter().all(|s| s.kind == StanceKind::Asserts), "{:?}", claim.stances);
}

/// "..., though some residents believe it was a bomb", "..., but
/// residents said ...": another party's report after a contrast ends the
/// first content and is a claim of its own; a clause after "but" with no
/// cue of its own stays the speaker's, as does one inside a quotation.
#[test]
fn a_contrasting_report_ends_the_content_before_it() {
    let body = "Officials say the blast was caused by a gas leak, though some residents believe \
                it was a bomb.";
    check_claim(body, "caused by a gas leak", &["Officials"], Status::Reported);
    assert_eq!(find_claim(&analyze(body), "gas leak").text, "the blast was caused by a gas leak");
    check_claim(body, "it was a bomb", &["some residents"], Status::Reported);
    let body = "The army said it had killed 30 militants, but residents said most of the dead \
                were civilians.";
    assert_eq!(find_claim(&analyze(body), "30 militants").text, "it had killed 30 militants");
    check_claim(body, "most of the dead were civilians", &["residents"], Status::Reported);
    let body = "The analyst said the tankers were idle, but the delay would be unusual.";
    assert!(find_claim(&analyze(body), "tankers").text.ends_with("would be unusual"));
    let body = "The e-mail said: \"I never wrote to you, but I just wanted to say thanks.\"";
    assert!(analyze(body).claims.iter().all(|c| !c.text.ends_with("wrote to you")));
}

/// A subject that names no one ("No group has claimed responsibility")
/// is no source: the sentence is the article's statement; "No, I can't
/// say ..." is an interjection, and the speaker still speaks. A denial
/// that labels a report ("dismissed the report as fake news") answers
/// the report, and is no denied clause of its own.
#[test]
fn no_one_as_a_subject_and_a_report_labelled_fake() {
    let body = "No group has claimed responsibility for the bombing.";
    check_claim(body, "claimed responsibility", &[], Status::Asserted);
    let doc = analyze("No official said how many people died.");
    assert!(doc.claims.iter().all(|c| c.chain.is_empty()), "{:?}", doc.claims);
    let body = "State media reported that the minister had resigned. The spokesman dismissed the \
                report as fake news.";
    check_claim(body, "the minister had resigned", &["State media"], Status::Disputed);
    check_stance(body, "the minister had resigned", "spokesman", StanceKind::Denies);
    assert_eq!(analyze(body).claims.len(), 1);
}

/// "The footage, which was verified by CNN, shows ...": a confirmation in
/// a relative clause on the subject confirms the footage's claim. "The
/// mayor later walked back ...": the adverb is no part of the source.
#[test]
fn a_confirmation_on_the_subject_and_an_adverb_after_it() {
    let body = "The footage, which was verified by CNN, shows a missile striking the building.";
    check_claim(body, "a missile striking the building", &["footage"], Status::Confirmed);
    check_stance(body, "a missile striking the building", "CNN", StanceKind::Confirms);
    let body = "The mayor later walked back his comments, saying he had been misquoted.";
    check_claim(body, "he had been misquoted", &["mayor"], Status::Reported);
}

/// A participle after the cue's comma says how something was said
/// ("Peskov told reporters, referring to the reports"), not what; a
/// "that" clause after it is the content.
#[test]
fn a_participle_after_the_cue_is_no_content() {
    let body = "\"This is a lie,\" Peskov told reporters on Tuesday, referring to the reports.";
    let doc = analyze(body);
    assert!(doc.claims.iter().all(|c| !c.text.contains("referring")), "{:?}", doc.claims);
    check_quote(body, "This is a lie", Some("Peskov"), true);
    let body = "Peskov told reporters on Tuesday, speaking from Moscow, that the talks had failed.";
    assert_eq!(find_claim(&analyze(body), "talks").text, "the talks had failed");
}

/// ", a figure Israel disputes" after a postposed cue evaluates the
/// content before it: disputed, no claim of its own. A negated
/// confirmation with a noun phrase for object ("the Senate had not
/// confirmed him") is the article's fact, with a "that" clause nobody's
/// claim.
#[test]
fn a_disputed_figure_and_a_confirmation_not_given() {
    let body =
        "At least 12 people were killed in the strike, the health ministry said, a figure Israel \
         disputes.";
    check_claim(body, "12 people were killed", &["health ministry"], Status::Disputed);
    check_stance(body, "12 people were killed", "Israel", StanceKind::Denies);
    assert_eq!(analyze(body).claims.len(), 1);
    let body = "The House confirmed him on Friday, but the Senate had not confirmed him.";
    check_claim(body, "Senate had not confirmed him", &[], Status::Asserted);
    assert!(analyze("Police did not confirm that the man was armed.").claims.is_empty());
}

/// ", a charge Moscow denied" answers the accusation before it; "denied
/// the claims, calling them baseless" answers the earlier claim and is no
/// denied clause of its own.
#[test]
fn a_charge_denied_and_claims_called_baseless() {
    let body = "Ukraine accused Russia of blowing up the dam, a charge Moscow denied.";
    check_claim(body, "blowing up the dam", &["Ukraine"], Status::Disputed);
    check_stance(body, "blowing up the dam", "Moscow", StanceKind::Denies);
    let body = "Rebels said they had shot down a jet. The government has denied the claims, \
                calling them baseless.";
    check_claim(body, "shot down a jet", &["Rebels"], Status::Disputed);
    check_stance(body, "shot down a jet", "government", StanceKind::Denies);
    assert_eq!(analyze(body).claims.len(), 1);
}

/// "a video which it said showed ...", "footage it says shows ...": the
/// pronoun opening a relative clause stands for the main clause's
/// subject, and the clause's subject is the noun before it.
#[test]
fn a_relative_clause_whose_source_is_a_pronoun() {
    for body in [
        "Hamas released a video which it said showed the hostages alive.",
        "Hamas released a video it said showed the hostages alive.",
    ] {
        check_claim(body, "showed the hostages alive", &["Hamas"], Status::Reported);
        assert_eq!(
            find_claim(&analyze(body), "hostages").text,
            "a video showed the hostages alive"
        );
    }
    let body = "The army released footage it says shows the strike.";
    assert_eq!(find_claim(&analyze(body), "strike").text, "footage shows the strike");
}

/// A fact a speaker states in a quotation of whole sentences is their
/// claim; their opinions, words to the listener and a phrase quoted inside
/// the article's sentence are not.
#[test]
fn facts_stated_in_a_quotation_are_the_speakers_claims() {
    let body = "\"The international airport on Abaco is under water. The runway is \
                flooded,\" Prime Minister Hubert Minnis said on Monday.";
    check_claim(body, "airport on Abaco is under water", &["Hubert Minnis"], Status::Reported);
    check_stance(body, "airport on Abaco", "Hubert Minnis", StanceKind::Asserts);
    // "We believe ...": the speaker's own cue is left off the claim.
    let body = "\"We believe Russia was behind the attack on Odesa,\" the minister said.";
    let doc = analyze(body);
    assert_eq!(find_claim(&doc, "Russia").text, "Russia was behind the attack on Odesa");
    check_claim(body, "Russia was behind", &["minister"], Status::Reported);
    for body in [
        // An evaluation, a superlative, words to the listener.
        "\"The bravery of the people of London is incredible,\" Mayor Sadiq Khan said.",
        "\"Walter was the most brilliant scientist at Berkeley,\" the university said.",
        "\"With Friday's attack, we showed you that the Islamic State can punish Russia,\" \
         the poster reads.",
        // A phrase quoted inside the article's own sentence.
        "Defence Secretary Delfin Lorenzana called the bombing in Jolo \"a dastardly act of \
         terror against the Philippines\".",
    ] {
        let doc = analyze(body);
        assert!(doc.claims.iter().all(|c| c.chain.is_empty()), "{body}: {:#?}", doc.claims);
    }
}

/// "While A, B": the writer grants the concession and states the main
/// clause; each is a claim of its own (a pronoun subject of the second
/// stands for the name in the first). "While in Paris, ..." is no clause.
#[test]
fn a_concession_and_its_main_clause_are_two_claims() {
    let body = "While Puerto Rico is a commonwealth of the United States, it is not a state \
                and has no vote in the U.S. Senate.";
    let doc = analyze(body);
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Puerto Rico is a commonwealth of the United States",
            "it is not a state and has no vote in the U.S. Senate"
        ]
    );
    let doc = analyze("While in Paris, President Emmanuel Macron met Joe Biden on Monday.");
    assert_eq!(doc.claims.len(), 1);
    assert!(doc.claims[0].text.starts_with("While in Paris"));
}

/// A report in a clause coordinated after a comma ("..., but officials
/// have alleged ...") leaves the clause before it to the article.
#[test]
fn the_clause_before_a_coordinated_report_is_the_articles() {
    let body = "The attack was claimed by the Houthi movement in Yemen, but both Saudi Arabia \
                and the United States have alleged Iranian involvement.";
    // Not the later report's: the group's own claim of responsibility.
    check_claim(body, "claimed by the Houthi movement", &["Houthi movement"], Status::Reported);
    let body = "The ministry raised the toll to 40, and officials said more bodies were found.";
    check_claim(body, "raised the toll to 40", &[], Status::Asserted);
    check_claim(body, "more bodies were found", &["officials"], Status::Reported);
}

/// A name the tagger does not know, taken for an adjective by its ending,
/// still opens a clause that states a fact.
#[test]
fn an_unknown_name_before_its_verb_is_a_subject() {
    let body = "Dorian made its initial landfall as a Category 5 hurricane in the Abaco Islands \
                on Sunday.";
    check_claim(body, "Dorian made its initial landfall", &[], Status::Asserted);
}

/// A quotation after a semicolon ends the content before it.
#[test]
fn a_quotation_after_a_semicolon_ends_the_content() {
    let body = "According to the BBC, a spokesman for the government expressed disappointment \
                and said the office intends to appeal; \"The government needs to bring forward \
                a strong legislative agenda.\"";
    let doc = analyze(body);
    assert!(doc.claims.iter().all(|c| !c.text.contains("legislative agenda")), "{:#?}", doc.claims);
}

/// "X called Y \"Z\"": the label's subject speaks the quoted words; a
/// participle naming a noun ("a program called \"...\"") and a passive
/// ("has been termed \"...\"") name nobody.
#[test]
fn a_label_before_a_quotation_names_its_speaker() {
    let body = "Interior Minister Joachim Brudziński called the stabbing \"an act of \
                inexplicable barbarity.\"";
    check_quote(body, "inexplicable barbarity", Some("Joachim Brudziński"), true);
    let body = "Labour Party leader Jeremy Corbyn has called the move a \"smash and grab on our \
                democracy\".";
    check_quote(body, "smash and grab", Some("Jeremy Corbyn"), true);
    let body = "The university had been hosting a program on rehabilitation at the hall called \
                \"Learning Together\" since 2015.";
    assert!(analyze(body).quotes.iter().all(|q| q.source.is_none()));
}

/// The article's sentence around a quotation its speaker labels something
/// with is the speaker's claim; "called on ... to" urges, labels nothing.
#[test]
fn a_label_with_a_quotation_is_the_speakers_claim() {
    let body = "President Donald Trump repeatedly called the Democrats' investigation a \
                \"witch hunt\".";
    check_claim(body, "investigation a \"witch hunt\"", &["Donald Trump"], Status::Reported);
    check_stance(body, "witch hunt", "Donald Trump", StanceKind::Asserts);
    let body = "Prime Minister Tuilaepa Sailele called on \"village councils and church leaders\" \
                to instill confidence in vaccines on Monday.";
    check_claim(body, "called on", &[], Status::Asserted);
}

/// "alleged" before its noun modifies it; it is no cue that takes the
/// rest of the sentence for a claim.
#[test]
fn an_attributive_participle_is_no_cue() {
    let body = "On Friday, the House issued a subpoena for documents from Mike Pompeo as part \
                of its investigation into alleged misconduct by President Donald Trump.";
    check_claim(body, "the House issued a subpoena", &[], Status::Asserted);
}

// "No such ..." points back to the claim before it and says it did not
// happen: that claim is disputed.
#[test]
fn a_refutation_that_points_back_disputes_the_claim_before() {
    let doc = analyze(
        "The accusation against the mayor is that he moved city funds to his brother's company. An audit by the state treasury found no such transfer.",
    );
    let claim = find_claim(&doc, "he moved city funds to his brother's company");
    assert_eq!(claim.status, Status::Disputed, "{claim:?}");
    assert!(claim.stances.iter().any(|s| s.kind == StanceKind::Denies), "{:?}", claim.stances);
}

// Signals reach back from any sentence of a long article, not only from
// its last dozen claims.
#[test]
fn a_denial_early_in_a_long_article_answers_its_claim() {
    let mut text = String::from(
        "Moscow claimed Kyiv was involved in the attack. Kyiv rejected Moscow's claims.",
    );
    for k in 1..=20 {
        text.push_str(&format!(" The governor of region {k} said {k} schools had reopened."));
    }
    let doc = analyze(&text);
    let claim = find_claim(&doc, "Kyiv was involved in the attack");
    assert_eq!(claim.status, Status::Disputed, "{claim:?}");
    assert!(claim.stances.iter().any(|s| s.kind == StanceKind::Denies && s.actor == "Kyiv"));
}

// A denial whose object only repeats a word of a claim in another
// paragraph, or denies "any" act the claim does not name, is no answer
// to it.
#[test]
fn a_denial_answers_only_the_claim_it_names() {
    let doc = analyze(
        "According to a court clerk, arguments in the case would be heard in October.\n\nThe president asked the court to intervene, saying he was immune. The judge rejected this argument.",
    );
    let claim = find_claim(&doc, "arguments in the case would be heard in October");
    assert_ne!(claim.status, Status::Disputed, "{claim:?}");
    let doc = analyze(
        "The defendants claimed the woman first complained of theft. One of them denied any sexual activity.",
    );
    let claim = find_claim(&doc, "the woman first complained of theft");
    assert_ne!(claim.status, Status::Disputed, "{claim:?}");
    let doc = analyze("Moscow claimed Kyiv was involved in the attack. Kyiv denied any role.");
    let claim = find_claim(&doc, "Kyiv was involved in the attack");
    assert_eq!(claim.status, Status::Disputed, "{claim:?}");
}

// A quotation after the cue and a comma ("said, \"...\"") is the
// speaker's, sentence by sentence, as one that opens its sentence is; the
// place or party before the comma ("on Twitter", "the public via
// Twitter") is not part of it.
#[test]
fn a_quotation_after_said_and_a_comma_is_the_speakers_claim() {
    for body in [
        "The mayor said, \"Twelve people were killed in the attack on Tuesday.\"",
        "The mayor said on Twitter, \"Twelve people were killed in the attack on Tuesday.\"",
        "The mayor wrote on Twitter: \"Twelve people were killed in the attack on Tuesday.\"",
        "The mayor told the public via Twitter, \"Twelve people were killed in the attack on Tuesday.\"",
    ] {
        let doc = analyze(body);
        let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Twelve people were killed in the attack on Tuesday"], "{body}");
        assert_eq!(doc.claims[0].status, Status::Reported, "{body}");
        assert_eq!(doc.claims[0].chain[0].text, "The mayor", "{body}");
    }
    // A quoted phrase inside the sentence is no sentence of the speaker's.
    let doc = analyze("He said the attack, \"a cowardly act,\" had killed 12 people.");
    let claim = find_claim(&doc, "had killed 12 people");
    assert!(claim.text.starts_with("the attack"), "{claim:?}");
}

// In a quotation "I" and "we" are the speaker, a subject like any other:
// "We arrested 12 suspects" states a fact. Opinion still does not.
#[test]
fn a_speaker_speaking_of_themselves_states_a_fact() {
    check_claim(
        "\"We arrested 12 suspects on Monday,\" the police chief said.",
        "We arrested 12 suspects on Monday",
        &["police chief"],
        Status::Reported,
    );
    check_claim(
        "The prime minister said, \"I am committed to leaving the EU by October 31.\"",
        "I am committed to leaving the EU by October 31",
        &["prime minister"],
        Status::Reported,
    );
    let doc = analyze("\"I think it is terrible,\" he said.");
    assert!(doc.claims.is_empty(), "{:?}", doc.claims);
}

// A modal in a clause that hangs off the claim's own ("as their presence
// could ...", "who may have ...") qualifies that clause; "could rise" or
// "reportedly" on the claim's own verb still hedge it.
#[test]
fn a_modal_in_a_subordinate_clause_does_not_hedge_the_claim() {
    check_claim(
        "The president said foreign powers should leave the region as their presence could cause an arms race.",
        "foreign powers should leave the region",
        &["president"],
        Status::Reported,
    );
    check_claim(
        "Police said the suspect, who may have fled to France, was arrested on Monday.",
        "was arrested on Monday",
        &["Police"],
        Status::Reported,
    );
    check_claim(
        "The official said the toll could rise.",
        "the toll could rise",
        &["official"],
        Status::Hedged,
    );
    check_claim(
        "Police said the suspect, who reportedly fled to France, was arrested on Monday.",
        "was arrested on Monday",
        &["Police"],
        Status::Hedged,
    );
}

// "The agency quoted the governor as saying ...": the governor speaks, the
// agency passes it on.
claim!(
    quoted_as_saying,
    "The agency quoted the governor as saying the fire was under control.",
    "the fire was under control",
    ["governor", "agency"],
    Reported
);
claim!(
    cited_as_saying,
    "Interfax cited a Defence Ministry official as saying 40 drones had been shot down overnight.",
    "40 drones had been shot down overnight",
    ["Defence Ministry official", "Interfax"],
    Reported
);

// "according to X who spoke to CNN, ...": the relative clause is no
// content, and the party spoken to passes the words on.
#[test]
fn according_to_a_source_who_spoke_to_an_outlet() {
    let doc = analyze(
        "According to a senior U.S. official who spoke to CNN, the drone was launched from Iraq.",
    );
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["the drone was launched from Iraq"]);
    let chain: Vec<&str> = doc.claims[0].chain.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(chain, ["a senior U.S. official", "CNN"]);
    check_claim(
        "According to two officials who asked not to be named, the talks collapsed on Friday.",
        "the talks collapsed on Friday",
        &["two officials"],
        Status::Reported,
    );
    // A relative clause that reports is a report of its own.
    let doc = analyze(
        "Bermuda was rarely hit by hurricanes according to CNN, who reported that only 21 hurricanes reached the islands in a century.",
    );
    find_claim(&doc, "only 21 hurricanes reached the islands");
}

// "..., though local media put the figure at 50": another party's
// estimate set against the first, cut from its content and theirs.
#[test]
fn a_contrasting_estimate_is_its_own_claim() {
    let doc = analyze(
        "Officials say at least 30 people were killed, though local media put the figure at 50.",
    );
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["at least 30 people were killed", "local media put the figure at 50"]);
    assert_eq!(doc.claims[1].chain[0].text, "local media");
    assert_eq!(doc.claims[1].status, Status::Reported);
}

// ", a claim denied by Hamas" (a reduced relative), "rejected that claim"
// (a demonstrative, no clause): denials of the claim before.
#[test]
fn a_claim_denied_by_and_that_claim_are_denials() {
    for body in [
        "The army said it struck a command center in Gaza, a claim denied by Hamas.",
        "The army said it struck a command center in Gaza. Hamas rejected that claim.",
        "The army said in a statement that it struck a command center in Gaza, a claim denied by Hamas.",
    ] {
        let doc = analyze(body);
        let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts.len(), 1, "{body}: {texts:?}");
        let claim = find_claim(&doc, "struck a command center in Gaza");
        assert_eq!(claim.status, Status::Disputed, "{body}");
        assert!(
            claim.stances.iter().any(|s| s.actor == "Hamas" && s.kind == StanceKind::Denies),
            "{body}: {:?}",
            claim.stances
        );
    }
}

// "its claim that ..." with the claimant the sentence's subject: the
// clause is the subject's claim, and the sentence says nothing more of
// its own; "did not provide evidence for" it disputes it. Where the
// subject denies it ("disputed their claim"), "their" is the party before.
#[test]
fn an_owned_claim_noun_names_its_subject_unless_the_subject_denies_it() {
    let doc = analyze(
        "The ministry did not provide evidence for its claim that 300 fighters were killed.",
    );
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["300 fighters were killed"]);
    assert_eq!(bare(&doc.claims[0].chain[0].text), "ministry");
    assert_eq!(doc.claims[0].status, Status::Disputed);
    let doc = analyze("The rebels repeated their claim that the army had used chemical weapons.");
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["the army had used chemical weapons"]);
    assert_eq!(bare(&doc.claims[0].chain[0].text), "rebels");
    check_claim(
        "Police said 12 people were arrested. The opposition disputed their claim that the protest was violent.",
        "the protest was violent",
        &["Police"],
        Status::Disputed,
    );
}

// A cue in the passive with an adverb before it ("was first posted on
// ...") names no source: the sentence is the article's own; "It was
// (widely) reported that ..." names nobody and hedges, as "reportedly"
// does, and its "it" is no source even after a sentence with one.
#[test]
fn passives_past_an_adverb_and_impersonal_reports() {
    let doc = analyze("The image was first posted on a pro-Kremlin Telegram channel on Saturday.");
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["The image was first posted on a pro-Kremlin Telegram channel on Saturday"]);
    assert_eq!(doc.claims[0].status, Status::Asserted);
    check_claim(
        "It was widely reported that the minister had resigned.",
        "the minister had resigned",
        &[],
        Status::Hedged,
    );
    check_claim(
        "The governor spoke to reporters on Monday. It has been claimed that 40 soldiers died.",
        "40 soldiers died",
        &[],
        Status::Hedged,
    );
    let doc = analyze("The video was later shared by X users.");
    assert_eq!(doc.claims[0].text, "The video was later shared");
    assert_eq!(doc.claims[0].chain[0].text, "X users");
}

// "Rights groups described the conditions as inhumane", "Analysts called
// the plan unrealistic": the labeller's claim, reported; "called on the
// army to ..." urges and labels nothing.
#[test]
fn a_label_with_an_adjective_or_as_is_the_labellers_claim() {
    check_claim(
        "Rights groups described the conditions in the camp as inhumane.",
        "the conditions in the camp as inhumane",
        &["Rights groups"],
        Status::Reported,
    );
    check_claim(
        "Analysts called the plan ambitious but realistic.",
        "the plan ambitious but realistic",
        &["Analysts"],
        Status::Reported,
    );
    check_claim(
        "The president called on the army to withdraw from the city by Friday.",
        "called on the army",
        &[],
        Status::Asserted,
    );
}

// A pronoun subject after "according to him" is still the content: only
// a pronoun passed on by an agent ("It was widely shared by ...") needs
// an anchor of its own.
claim!(
    according_to_him_it_was,
    "Military spokesman Yahya Sarea said the group had carried out the attack. According to him, it was among the largest operations inside Saudi Arabia.",
    "it was among the largest operations inside Saudi Arabia",
    ["Yahya Sarea"],
    Reported
);

// "confirmed to The Verge that ...", "explained to reporters that ...":
// the party addressed is no part of the content; "The BBC reports that"
// is the BBC's report (a claim noun after a name is its verb); "told
// shareholders the merger ..." (the parse's indirect object) is the
// party told.
#[test]
fn the_party_addressed_is_no_content() {
    for (body, text) in [
        (
            "A spokesperson for Amazon confirmed to The Verge that the service had been shut down.",
            "the service had been shut down",
        ),
        ("He explained to reporters that the plan would fail.", "the plan would fail"),
        (
            "The company's CEO, Jane Smith, told shareholders the merger would close in March.",
            "the merger would close in March",
        ),
    ] {
        let doc = analyze(body);
        let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, [text], "{body}");
        assert_eq!(doc.claims[0].status, Status::Reported, "{body}");
    }
    check_claim(
        "The BBC reports that 300 homes were destroyed.",
        "300 homes were destroyed",
        &["BBC"],
        Status::Reported,
    );
}

// A passive confirmation or denial past an adverb ("has since been
// confirmed by", "was later rejected by") answers the claim its subject
// names, as the plain passive does.
#[test]
fn a_passive_confirmation_past_an_adverb() {
    check_claim(
        "The ministry said 45 people died. The figure has since been confirmed by Reuters.",
        "45 people died",
        &["ministry"],
        Status::Confirmed,
    );
    check_stance(
        "Police said three men were arrested. The report was later confirmed by the BBC.",
        "three men were arrested",
        "BBC",
        StanceKind::Confirms,
    );
    check_claim(
        "Moscow said Kyiv shelled the plant. The claim was later rejected by Kyiv.",
        "Kyiv shelled the plant",
        &["Moscow"],
        Status::Disputed,
    );
}

// "Per X," at the start of a sentence and ", per X." at its end name the
// channel as "according to X" does; "per" elsewhere ("per cent", "per
// share", "per capita") is no attribution.
#[test]
fn per_set_off_by_commas_names_the_channel() {
    check_claim(
        "Per the company's filing, revenue fell 12 percent in the third quarter.",
        "revenue fell 12 percent",
        &["the company's filing"],
        Status::Reported,
    );
    check_claim(
        "The firm paid $5 per share, per the filing.",
        "The firm paid $5 per share",
        &["the filing"],
        Status::Reported,
    );
    check_claim(
        "Per Reuters, the talks collapsed on Monday.",
        "the talks collapsed on Monday",
        &["Reuters"],
        Status::Reported,
    );
    for body in ["Per capita income rose 3 percent last year.", "Shares rose 5 per cent on Monday."]
    {
        let doc = analyze(body);
        assert!(doc.claims.iter().all(|c| c.chain.is_empty()), "{body}: {:?}", doc.claims);
    }
}

// A subject with places joined by "and" ("Officials in France and
// Germany said", which the parser reads as "Germany said" conjoined to
// "Officials") is the whole phrase, not its last place; after "from",
// the places together ("an official from TfL" is TfL).
#[test]
fn a_subject_with_coordinated_places() {
    for (body, source) in [
        (
            "Officials in France and Germany said the talks would resume.",
            "Officials in France and Germany",
        ),
        (
            "On Monday, police in Texas and Oklahoma said the storm killed 12 people.",
            "police in Texas and Oklahoma",
        ),
        ("Officials from Russia and Ukraine said the talks would resume.", "Russia and Ukraine"),
    ] {
        let doc = analyze(body);
        let chains: Vec<Vec<&str>> =
            doc.claims.iter().map(|c| c.chain.iter().map(|s| s.text.as_str()).collect()).collect();
        assert_eq!(chains, [[source]], "{body}");
    }
}

// A relative clause that says the sentence's own claim is unverified
// ("The video, which could not be independently verified, showed ...")
// leaves the claim standing, unverified.
#[test]
fn an_unverified_aside_on_the_articles_claim() {
    for body in [
        "The video, which could not be independently verified, appeared to show tanks entering the city.",
        "The footage, which Reuters could not independently verify, showed tanks entering the city.",
    ] {
        let doc = analyze(body);
        let claim = find_claim(&doc, "tanks entering the city");
        assert_eq!(claim.status, Status::Unverified, "{body}");
    }
}

// A failed confirmation ("Reuters could not independently confirm the
// figure", "was unable to confirm the report") leaves the claim before
// unverified: it confirms nothing, and is no claim of its own.
#[test]
fn a_failed_confirmation_leaves_the_claim_unverified() {
    for body in [
        "The ministry said 40 soldiers were killed. Reuters could not independently confirm the figure.",
        "The ministry said 40 soldiers were killed. Reuters was unable to independently confirm the report.",
    ] {
        let doc = analyze(body);
        let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["40 soldiers were killed"], "{body}");
        assert_eq!(doc.claims[0].status, Status::Unverified, "{body}");
        assert!(doc.claims[0].stances.iter().all(|s| s.kind != StanceKind::Confirms), "{body}");
    }
    check_claim(
        "The ministry said 40 soldiers were killed. Reuters later confirmed the figure.",
        "40 soldiers were killed",
        &["ministry"],
        Status::Confirmed,
    );
}

// "The documents showed the company paid the bribes": an artefact's
// evidence, with no "that", is the artefact's claim; a verb of evidence
// with a person or no clause after it is no cue.
#[test]
fn an_artefact_shows_a_clause() {
    check_claim(
        "The documents showed the company paid the bribes in 2016.",
        "the company paid the bribes in 2016",
        &["The documents"],
        Status::Reported,
    );
    check_claim(
        "Footage showed the building collapsing.",
        "the building collapsing",
        &["Footage"],
        Status::Reported,
    );
    check_claim(
        "The minister showed the letter to reporters.",
        "The minister",
        &[],
        Status::Asserted,
    );
}

// An infinitive right after the cue says nothing of who: the claim keeps
// its subject and cue, as a noun complement does ("claimed responsibility
// for ...").
#[test]
fn an_infinitive_after_the_cue_keeps_its_subject() {
    for (body, text) in [
        (
            "The rebels claimed to have shot down a government helicopter.",
            "The rebels claimed to have shot down a government helicopter",
        ),
        (
            "The former chairman admitted to ordering the payments.",
            "The former chairman admitted to ordering the payments",
        ),
    ] {
        let doc = analyze(body);
        let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, [text], "{body}");
    }
    check_claim(
        "The rebels claimed the army had shot down its own helicopter.",
        "the army had shot down its own helicopter",
        &["The rebels"],
        Status::Reported,
    );
}

// "In an interview with CNN, the president said ...": the party the
// statement was given to follows the speaker in the chain, as after
// "told"; reporters and pronouns are no party.
#[test]
fn an_interview_with_an_outlet_extends_the_chain() {
    for body in [
        "In an interview with CNN, the president said the talks had stalled.",
        "The president said in an interview with CNN on Sunday that the talks had stalled.",
        "The president, speaking to CNN, said the talks had stalled.",
        "The president told CNN that the talks had stalled.",
    ] {
        check_claim(body, "the talks had stalled", &["president", "CNN"], Status::Reported);
    }
    for body in [
        "Speaking to reporters, the president said the talks had stalled.",
        "Speaking to him on Monday, the president said the talks had stalled.",
    ] {
        check_claim(body, "the talks had stalled", &["president"], Status::Reported);
    }
}

// A count for object ("Local media reported 19 deaths") is a noun
// complement: the claim keeps its source and cue; after "but", another
// party's count is its own claim.
#[test]
fn a_reported_count_is_a_claim() {
    let doc = analyze("Local media reported 19 deaths.");
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Local media reported 19 deaths"]);
    let body = "Officials said 25 people died, but state media reported 19 deaths.";
    check_claim(body, "25 people died", &["Officials"], Status::Reported);
    check_claim(body, "reported 19 deaths", &["state media"], Status::Reported);
}

// Why a source is unnamed, after a postposed cue ("..., two officials
// said on condition of anonymity because ..."), is no content; a time of
// day between the cue and "that" ("said late on Sunday that", "said early
// this morning that") is no part of the claim.
#[test]
fn anonymity_after_the_cue_and_a_time_of_day_before_that() {
    let doc = analyze(
        "The talks collapsed, two officials said on condition of anonymity because they were \
         not authorised to speak publicly.",
    );
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["The talks collapsed"]);
    for body in [
        "The ministry said late on Sunday that the talks had failed.",
        "The ministry said early this morning that the talks had failed.",
    ] {
        let doc = analyze(body);
        let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["the talks had failed"], "{body}");
    }
}

// "There were unconfirmed reports of explosions in the capital": what the
// reports are of is a claim the article does not vouch for (unverified
// where it says so, hedged otherwise); "There were no reports of
// injuries" is the article's own.
#[test]
fn there_were_reports_of_something() {
    for (body, status) in [
        ("There were unconfirmed reports of explosions in the capital.", Status::Unverified),
        ("There were reports of explosions in the capital.", Status::Hedged),
        ("There have been several reports of explosions in the capital.", Status::Hedged),
    ] {
        let doc = analyze(body);
        let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["explosions in the capital"], "{body}");
        assert_eq!(doc.claims[0].status, status, "{body}");
    }
    check_claim(
        "There were no reports of injuries.",
        "no reports of injuries",
        &[],
        Status::Asserted,
    );
}

// "Neither claim could be independently verified": a negative subject
// naming claims denies their verification; the claims of the sentence
// before are unverified, and the sentence is no claim. A negative subject
// that names no claim ("No one has been confirmed ...") says nothing of
// them.
#[test]
fn neither_claim_could_be_verified() {
    let body = "Russia said Ukraine shelled the plant, while Kyiv said Russian forces fired the \
                shells. Neither claim could be independently verified.";
    let doc = analyze(body);
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Ukraine shelled the plant", "Russian forces fired the shells"]);
    assert!(doc.claims.iter().all(|c| c.status == Status::Unverified), "{:?}", doc.claims);
    check_claim(
        "Officials said 40 people were killed. None of the figures could be independently confirmed.",
        "40 people were killed",
        &["Officials"],
        Status::Unverified,
    );
    check_claim(
        "Officials said 40 people were killed. No one has been confirmed as a suspect.",
        "40 people were killed",
        &["Officials"],
        Status::Reported,
    );
}

// A negated denial denies nothing; "has not commented" is a refusal to
// comment, no claim; a claim named by a demonstrative or its owner ("that
// account", "the ministry's version") is answered like "the claim".
#[test]
fn refusals_negated_denials_and_accounts() {
    check_claim(
        "Israel said Hamas fired the rocket. Hamas did not deny the claim.",
        "Hamas fired the rocket",
        &["Israel"],
        Status::Reported,
    );
    let body = "The army said it killed 30 militants. The group has not commented on the claim.";
    check_stance(body, "killed 30 militants", "group", StanceKind::NoComment);
    assert_eq!(analyze(body).claims.len(), 1, "{body}");
    let body = "Police said two men were arrested. The mayor has not commented on the death.";
    let doc = analyze(body);
    assert_eq!(doc.claims.len(), 1, "{body}");
    assert!(doc.claims[0].stances.iter().all(|s| s.kind != StanceKind::NoComment), "{body}");
    for body in [
        "The company said no customer data was accessed, though experts disputed that account.",
        "The ministry said 40 people died. Hamas rejected the ministry's version of events.",
    ] {
        let doc = analyze(body);
        assert_eq!(doc.claims.len(), 1, "{body}: {:?}", doc.claims);
        assert_eq!(doc.claims[0].status, Status::Disputed, "{body}");
    }
    check_claim(
        "The military said 12 rockets were fired, but there was no independent confirmation.",
        "12 rockets were fired",
        &["military"],
        Status::Unverified,
    );
}

// "There is no evidence that X": X is a claim the article disputes, and
// so is an earlier claim that X repeats.
#[test]
fn no_evidence_that_disputes_the_clause() {
    for (body, text) in [
        ("There is no evidence that the vaccine causes autism.", "the vaccine causes autism"),
        ("There was no indication the attacks came from Yemen.", "the attacks came from Yemen"),
    ] {
        let doc = analyze(body);
        let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, [text], "{body}");
        assert_eq!(doc.claims[0].status, Status::Disputed, "{body}");
    }
    check_claim(
        "The Houthis said they carried out the attack. There is no evidence that the Houthis carried out the attack.",
        "Houthis carried out the attack",
        &["Houthis"],
        Status::Disputed,
    );
    let doc = analyze("There is no evidence of fraud in the election.");
    assert!(doc.claims.iter().all(|c| c.status != Status::Disputed), "{:?}", doc.claims);
}

// A party that passes on a claim named before ("State television
// repeated the claim", "The claim was echoed by bloggers") asserts it too;
// the sentence is no claim of its own. ("State" opening the sentence is
// no cue.)
#[test]
fn a_party_repeating_a_claim_asserts_it() {
    for (body, actor) in [
        (
            "Moscow said Kyiv shelled the plant. State television repeated the claim.",
            "State television",
        ),
        (
            "Moscow said Kyiv shelled the plant. The claim was echoed by pro-Kremlin bloggers.",
            "pro-Kremlin bloggers",
        ),
        (
            "Moscow said Kyiv shelled the plant. Pro-Kremlin bloggers amplified the allegation.",
            "Pro-Kremlin bloggers",
        ),
    ] {
        check_stance(body, "Kyiv shelled the plant", actor, StanceKind::Asserts);
        let doc = analyze(body);
        assert_eq!(doc.claims.len(), 1, "{body}: {:?}", doc.claims);
        assert_eq!(doc.claims[0].status, Status::Reported, "{body}");
    }
    let doc =
        analyze("Moscow said Kyiv shelled the plant. The minister repeated his call for talks.");
    assert!(doc.claims[0].stances.iter().all(|s| s.actor == "Moscow"), "{:?}", doc.claims);
}

// The article's own judgement of a claim it named ("The claim is false",
// "turned out to be true") disputes or confirms that claim, and is no
// claim of its own.
#[test]
fn the_articles_judgement_of_a_named_claim() {
    for (body, status) in [
        ("Moscow said Kyiv shelled the plant. The claim is false.", Status::Disputed),
        ("Moscow said Kyiv shelled the plant. The claim appears to be false.", Status::Disputed),
        ("Moscow said Kyiv shelled the plant. The claim is not true.", Status::Disputed),
        ("Moscow said Kyiv shelled the plant. The claim turned out to be true.", Status::Confirmed),
    ] {
        let doc = analyze(body);
        let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Kyiv shelled the plant"], "{body}");
        assert_eq!(doc.claims[0].status, status, "{body}");
    }
    let doc = analyze("Moscow said Kyiv shelled the plant. The report is due on Monday.");
    assert_eq!(doc.claims[0].status, Status::Reported);
}

// A report of a report ("Reuters reported that police said ...") has
// both in its chain, the inner source first; a clause about a speaker
// ("the man who said ...") is no report.
#[test]
fn a_report_of_a_report() {
    check_claim(
        "Reuters reported that police said 12 people were killed.",
        "12 people were killed",
        &["police", "Reuters"],
        Status::Reported,
    );
    check_claim(
        "The newspaper reported that investigators believe the fire was started deliberately.",
        "the fire was started deliberately",
        &["investigators", "The newspaper"],
        Status::Reported,
    );
    check_claim(
        "Reuters reported that the man who said he was a doctor was arrested.",
        "the man who said he was a doctor was arrested",
        &["Reuters"],
        Status::Reported,
    );
}

// A denial with nothing for object (", which they rejected, approving
// ...") makes no disputed claim of what follows.
#[test]
fn a_denial_with_no_object() {
    let body = "The organisers had sent the police a plan for the march, which they rejected, approving only a rally in the park.";
    let doc = analyze(body);
    assert!(doc.claims.iter().all(|c| c.status != Status::Disputed), "{body}: {:?}", doc.claims);
}

// A later claim answers an earlier one only with a negation of its own
// clause, not of a concession after it ("..., even though research on
// the treatments is not complete").
#[test]
fn a_negated_concession_is_no_contradiction() {
    check_claim(
        "Muyembe said 90% of patients at the treatment center came out cured. The WHO said all treatment centers would be allowed to use the drugs, even though research on the treatments is not complete.",
        "came out cured",
        &["Muyembe"],
        Status::Reported,
    );
    check_claim(
        "Officials said gas was the trigger for the blast. Reports said the cause of the blast was not a gas leak.",
        "gas was the trigger",
        &["Officials"],
        Status::Disputed,
    );
}

/// "Asked whether X, a spokesman said no": the question's clause is the
/// claim, and the answer the spokesman's stance on it; no claim "a
/// spokesman said no".
#[test]
fn an_answer_to_a_question_is_a_stance_on_it() {
    for body in [
        "Asked whether the strike had targeted civilians, a military spokesman said no.",
        "When asked if the strike had targeted civilians, the military spokesman said absolutely not.",
    ] {
        check_claim(body, "the strike had targeted civilians", &[], Status::Disputed);
        check_stance(body, "the strike had targeted civilians", "military spokesman", StanceKind::Denies);
        let doc = analyze(body);
        assert!(doc.claims.iter().all(|c| !c.text.contains("said")), "{:?}", doc.claims);
    }
    let yes = "Asked whether the army had used cluster munitions, the minister said yes.";
    check_claim(yes, "the army had used cluster munitions", &["minister"], Status::Reported);
    // An answer of more words says more than yes or no: a claim of its own.
    let doc = analyze("Asked about the strike, the spokesman said no civilians had been hurt.");
    assert!(
        doc.claims.iter().any(|c| c.text.contains("no civilians had been hurt")),
        "{:?}",
        doc.claims
    );
}

/// "Documents obtained by Reuters show ...": the documents are the
/// source, the agent that obtained them passes them on; not "Reuters
/// show ...".
#[test]
fn an_artefact_passed_on_by_an_agent_is_the_source() {
    check_claim(
        "Documents obtained by Reuters show the company paid the bribes.",
        "the company paid the bribes",
        &["Documents", "Reuters"],
        Status::Reported,
    );
    // With an article before the agent's name, the verb after it is still
    // the verb ("the Guardian show the company ..." is no TV show; "the IS
    // claim" with nothing after it is a noun).
    check_claim(
        "Emails obtained by the Guardian reveal the firm misled regulators.",
        "the firm misled regulators",
        &["Emails", "Guardian"],
        Status::Reported,
    );
    // Verified by an independent party, it is confirmed.
    let verified =
        "Footage authenticated by Amnesty International showed that the soldiers fired first.";
    check_claim(verified, "the soldiers fired first", &["Footage"], Status::Confirmed);
    check_stance(
        verified,
        "the soldiers fired first",
        "Amnesty International",
        StanceKind::Confirms,
    );
    check_claim(
        "Photos posted by residents showed that the bridge had collapsed.",
        "the bridge had collapsed",
        &["Photos", "residents"],
        Status::Reported,
    );
}

/// "and the rebels denied the claim" after a reported clause is another
/// party's answer to it, not part of what the first party said; "said
/// Smith and Jones denied it" is one report about two people.
#[test]
fn a_report_ends_where_another_party_answers_it() {
    let doc = analyze("The army said it killed ten militants and the rebels denied the claim.");
    let claim = find_claim(&doc, "killed ten militants");
    assert!(!claim.text.contains("rebels"), "{:?}", claim.text);
    assert_eq!(claim.status, Status::Disputed, "{:?}", claim.text);
    let doc = analyze("Officials said the fire was an accident, but residents said it was arson.");
    let claim = find_claim(&doc, "an accident");
    assert!(!claim.text.contains("arson"), "{:?}", claim.text);
    let doc = analyze("The report said Smith and Jones denied wrongdoing.");
    assert!(
        doc.claims.iter().any(|c| c.text.contains("Smith and Jones")),
        "{:?}",
        doc.claims.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
}

/// "X resigned and Y was sworn in": two facts in the article's voice, a
/// claim each, though no comma parts them and the parser reads the two
/// subjects as nouns joined. Nouns that are joined stay one claim.
#[test]
fn clauses_joined_without_a_comma_are_claims_of_their_own() {
    let texts = |body: &str| -> Vec<String> {
        analyze(body).claims.iter().map(|c| c.text.clone()).collect()
    };
    assert_eq!(
        texts(
            "On Friday, the governor of Puerto Rico resigned and Pedro Pierluisi was sworn in as \
             the new governor."
        ),
        [
            "On Friday, the governor of Puerto Rico resigned",
            "Pedro Pierluisi was sworn in as the new governor"
        ]
    );
    for one in [
        "The men and women at the plant were evacuated on Monday.",
        "In 2017, Hungary launched a programme to address structural and financial challenges \
         faced by the army.",
    ] {
        assert_eq!(texts(one), [one.trim_end_matches('.')], "{one}");
    }
}

/// An appearance's signature holds the day its claim says it happened
/// on, a time of day's too ("Wednesday night"), so that reports of other
/// days are other claims in the ledger.
#[test]
fn an_appearance_is_dated_by_the_days_its_claim_names() {
    use claimtrace::ledger::Parts;
    let json = r#"{"title": "Governor resigns", "date": "2019-08-03", "text": "The governor announced his resignation on Wednesday night. He resigned on Friday."}"#;
    let input = claimtrace::read::Input {
        name: "a.json",
        bytes: json.as_bytes(),
        format: Some(claimtrace::read::Format::Json),
        content_type: None,
    };
    let doc = claimtrace::analyze(&input, &Default::default()).pop().unwrap().unwrap();
    let days: Vec<Vec<String>> = claimtrace::ledger::appearances(&doc, &an_article("2019-08-03"))
        .iter()
        .map(|a| a.signature.dates().map(str::to_string).collect())
        .collect();
    assert_eq!(days, [["t2019-07-31"], ["t2019-08-02"]], "{days:?}");
}

/// "Rebels seized the town and the army said ...": the report's source is
/// the party after the coordinator (not "the town and the army", as the
/// parse joins them), and the clause before it is a claim in the
/// article's voice. Parties joined before the cue with no verb before
/// them stay one source.
#[test]
fn a_clause_before_another_party_s_report_is_the_article_s() {
    for (body, before, source, after) in [
        (
            "Rebels seized the town on Monday and the army said it had retaken it.",
            "Rebels seized the town on Monday",
            "army",
            "retaken",
        ),
        (
            "The storm destroyed hundreds of homes and the government said aid was on its way.",
            "The storm destroyed hundreds of homes",
            "government",
            "aid was on its way",
        ),
        (
            "The company cut 500 jobs but its chief executive said more cuts were not planned.",
            "The company cut 500 jobs",
            "its chief executive",
            "more cuts were not planned",
        ),
    ] {
        let doc = analyze(body);
        let report = find_claim(&doc, after);
        let chain: Vec<&str> = report.chain.iter().map(|s| bare(&s.text)).collect();
        assert_eq!(chain, [source], "{body}");
        assert_eq!(report.status, Status::Reported, "{body}");
        let own = find_claim(&doc, before);
        assert_eq!(own.text, before, "{body}");
        assert!(own.chain.is_empty(), "{body}: {:?}", own.chain);
        assert_eq!(own.status, Status::Asserted, "{body}");
    }
    check_claim(
        "Officials in France and Germany said the deal was off.",
        "the deal was off",
        &["Officials in France and Germany"],
        Status::Reported,
    );
    // The first coordinator after the clause's verb: both parties claim.
    let doc = analyze(
        "In 2008 the opposition won a majority and both Mugabe and Tsvangirai claimed victory.",
    );
    let own = find_claim(&doc, "won a majority");
    assert!(!own.text.contains("Mugabe"), "{:?}", own.text);
}

/// "Hamas denied any involvement in the attack" with no claim before it
/// to answer: the part denied, and what it is in, is a disputed claim of
/// its own, the denier's denial; the sentence read whole as the article's
/// own claim says no more. A denial that says in what answers only a
/// claim that shares a word of it; one that says nothing of what ("denied
/// any wrongdoing") makes no claim.
#[test]
fn a_denied_part_is_a_disputed_claim_of_its_own() {
    let doc = analyze("Iran denied involvement in the attacks on the oil facilities.");
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["involvement in the attacks on the oil facilities"]);
    let part = &doc.claims[0];
    assert_eq!(part.status, Status::Disputed);
    assert!(part.chain.is_empty());
    assert!(part.stances.iter().any(|s| s.actor == "Iran" && s.kind == StanceKind::Denies));

    let doc = analyze("Police said three people died. Hamas denied any involvement in the attack.");
    let died = find_claim(&doc, "three people died");
    assert_eq!(died.status, Status::Reported, "{:?}", died.stances);
    let part = find_claim(&doc, "involvement in the attack");
    assert_eq!(part.status, Status::Disputed);

    let doc = analyze("Police said Hamas was behind the bombing. Hamas denied any involvement.");
    let behind = find_claim(&doc, "Hamas was behind the bombing");
    assert_eq!(behind.status, Status::Disputed);
    assert_eq!(doc.claims.len(), 1, "{:?}", doc.claims);

    assert!(analyze("The minister has denied any wrongdoing.").claims.is_empty());
}

/// A denial in a later article answers the accusation another outlet
/// reported: the denied part names its denier, so it joins the
/// accusation's cluster, whose status is then disputed.
#[test]
fn a_later_denial_of_a_part_disputes_the_accusation_in_the_ledger() {
    let view = accusation_then_denial(
        "Drones struck an oil processing plant on Saturday. US officials said Iran was behind \
         the attack on the oil facilities.",
        "Iran denied any involvement in the attack on the oil facilities.",
        "Iran was behind",
    );
    assert_eq!(view.status, "disputed");
    assert!(view.stances.iter().any(|s| s.actor == "Iran" && s.stance == "denies"));
}

/// The view of the cluster holding the claim of `accused` (one article,
/// published a day before `denial`, another) that contains `claim`,
/// once both are clustered; it must hold one appearance of each.
fn accusation_then_denial(
    accused: &str,
    denial: &str,
    claim: &str,
) -> claimtrace::record::ledger::LedgerClaim {
    let mut appearances =
        claimtrace::ledger::appearances(&analyze(accused), &an_article("2019-09-15"));
    let later = claimtrace::ledger::ArticleRef {
        url: "https://example.net/b".into(),
        ..an_article("2019-09-16")
    };
    appearances.extend(claimtrace::ledger::appearances(&analyze(denial), &later));
    let clusters = claimtrace::ledger::cluster(&appearances);
    let accusation = clusters
        .iter()
        .find(|c| c.iter().any(|&i| appearances[i].text.contains(claim)))
        .expect("the accusation's cluster");
    let members: Vec<&claimtrace::ledger::Appearance> =
        accusation.iter().map(|&i| &appearances[i]).collect();
    assert_eq!(members.len(), 2, "{:?}", members.iter().map(|a| &a.text).collect::<Vec<_>>());
    claimtrace::ledger::view("c-1", &members)
}

/// "Moscow denied targeting civilians": the act denied, a gerund and its
/// object, is a disputed claim of its own, and in the ledger it answers
/// the accusation a later or earlier article reports.
#[test]
fn a_denied_act_is_a_disputed_claim_that_answers_the_accusation() {
    let doc = analyze("Moscow has repeatedly denied targeting civilians.");
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["targeting civilians"]);
    assert_eq!(doc.claims[0].status, Status::Disputed);
    assert!(doc.claims[0]
        .stances
        .iter()
        .any(|s| s.actor == "Moscow" && s.kind == StanceKind::Denies));
    check_stance(
        "The group denied carrying out the attack on the embassy.",
        "carrying out the attack on the embassy",
        "group",
        StanceKind::Denies,
    );
    // "denied funding for the wall" refuses the funding: no act denied.
    let doc = analyze("Congress has repeatedly denied funding for such a wall.");
    assert!(doc.claims.iter().all(|c| c.status != Status::Disputed), "{:?}", doc.claims);

    let view = accusation_then_denial(
        "Ukrainian officials said Russia was targeting civilians in Kharkiv.",
        "Russia denied targeting civilians in Kharkiv.",
        "Russia was targeting civilians",
    );
    assert_eq!(view.status, "disputed");
    assert!(view.stances.iter().any(|s| s.actor == "Russia" && s.stance == "denies"));
}

/// "In it, Trump asks Zelensky to ...", "In the report, 12 people were
/// listed as missing": a sentence opened by "In" and an artefact (or "it"
/// for the one the sentence before names) reports what the artefact says;
/// "In the morning, ..." is the article's own.
#[test]
fn what_an_artefact_says_is_reported_from_it() {
    let doc = analyze(
        "The White House released a summary of the call on Wednesday. In it, Trump asks \
         Zelensky to investigate Joe Biden.",
    );
    let asks = find_claim(&doc, "Trump asks Zelensky to investigate Joe Biden");
    assert_eq!(asks.text, "Trump asks Zelensky to investigate Joe Biden");
    assert_eq!(asks.status, Status::Reported);
    let chain: Vec<&str> = asks.chain.iter().map(|s| bare(&s.text)).collect();
    assert_eq!(chain, ["summary"]);
    check_claim(
        "In the report, 12 people were listed as missing.",
        "12 people were listed as missing",
        &["the report"],
        Status::Reported,
    );
    let doc = analyze("In the morning, the army shelled the town of Kherson.");
    let shelled = find_claim(&doc, "the army shelled the town");
    assert_eq!(shelled.status, Status::Asserted);
    assert!(shelled.chain.is_empty());
}

#[test]
fn what_an_artefact_shows_is_its_claim() {
    // A noun phrase and a participle after "shows" is what the artefact
    // shows, without the cue: with or without an article.
    for (body, text) in [
        (
            "A video shows soldiers firing on protesters in the square.",
            "soldiers firing on protesters",
        ),
        ("A video shows the soldiers firing on protesters.", "the soldiers firing on protesters"),
        ("Footage shows police beating a man outside the station.", "police beating a man"),
    ] {
        let doc = analyze(body);
        let claim = find_claim(&doc, text);
        assert!(claim.text.starts_with(text), "{body}: {:?}", claim.text);
        assert_eq!(claim.status, Status::Reported, "{body}");
        assert_eq!(claim.chain.len(), 1, "{body}: {:?}", claim.chain);
    }
    // An indefinite noun phrase is what an artefact shows too, a count
    // included; a definite one says nothing of the thing named, and a
    // museum is no artefact.
    check_claim(
        "Satellite images show at least 12 new craters near the airfield.",
        "at least 12 new craters near the airfield",
        &["Satellite images"],
        Status::Reported,
    );
    check_claim(
        "Records show payments to the firm.",
        "payments to the firm",
        &["Records"],
        Status::Reported,
    );
    for body in ["Photos show the damaged bridge.", "The museum shows paintings by Monet."] {
        let doc = analyze(body);
        assert!(
            doc.claims.iter().all(|c| c.status != Status::Reported),
            "{body}: {:?}",
            doc.claims
        );
    }
}

#[test]
fn a_raising_verb_before_the_cue_hedges_what_the_source_says() {
    check_claim(
        "The minister appeared to suggest that taxes would rise.",
        "taxes would rise",
        &["The minister"],
        Status::Hedged,
    );
    check_claim(
        "Officials appear to have concluded that the fire was deliberate.",
        "the fire was deliberate",
        &["Officials"],
        Status::Hedged,
    );
    // The tagger reads "seem" as a noun here: it is still no word of the
    // source.
    check_claim(
        "The documents seem to show that the firm paid the officials.",
        "the firm paid the officials",
        &["The documents"],
        Status::Hedged,
    );
    let doc = analyze("The footage also appears to show drones hitting the refinery.");
    let claim = find_claim(&doc, "drones hitting the refinery");
    assert_eq!(claim.text, "drones hitting the refinery");
    assert_eq!(claim.status, Status::Hedged);
    // Without a cue after it, a raising verb only hedges.
    let doc = analyze("The company appears to have lost money.");
    assert!(doc.claims.iter().all(|c| c.chain.is_empty()), "{:?}", doc.claims);
}

#[test]
fn a_report_in_the_passive_with_an_infinitive_hedges_it() {
    // "is reported to be", as "is said to be": reported by no one named.
    check_claim(
        "The victim is reported to be in critical condition.",
        "The victim is reported to be in critical condition",
        &[],
        Status::Hedged,
    );
    // A day between the auxiliary and the participle keeps it passive:
    // the subject stays in the claim.
    check_claim(
        "The boy was on Wednesday reported to be in a stable condition.",
        "The boy was on Wednesday reported to be in a stable condition",
        &[],
        Status::Hedged,
    );
    // Reported to someone is no hedge.
    check_claim(
        "The theft was reported to police on Monday.",
        "The theft was reported to police",
        &[],
        Status::Asserted,
    );
}

#[test]
fn an_artefact_posted_somewhere_is_the_source_not_where_it_was_posted() {
    for (body, text, status) in [
        (
            "A video posted on Telegram shows drones hitting the refinery.",
            "drones hitting the refinery",
            Status::Reported,
        ),
        (
            "A video posted on Telegram appears to show drones hitting the refinery.",
            "drones hitting the refinery",
            Status::Hedged,
        ),
        (
            "Footage posted online showed a plume of smoke rising over the port.",
            "a plume of smoke rising over the port",
            Status::Reported,
        ),
    ] {
        let doc = analyze(body);
        let claim = find_claim(&doc, text);
        assert_eq!(claim.text, text, "{body}");
        assert_eq!(claim.status, status, "{body}");
        let chain: Vec<&str> = claim.chain.iter().map(|s| bare(&s.text)).collect();
        assert!(matches!(chain[..], ["video"] | ["Footage"]), "{body}: {chain:?}");
    }
    check_claim(
        "A statement posted on the ministry's website said the talks had failed.",
        "the talks had failed",
        &["A statement"],
        Status::Reported,
    );
    // An artefact's own verb of evidence is the cue, whatever follows.
    check_claim(
        "The video showed a single police officer surrounded by protesters; he then drew his pistol.",
        "a single police officer surrounded by protesters",
        &["The video"],
        Status::Reported,
    );
}

/// After a word the tagger does not know, it may read "had" as a noun
/// ("the counteroffensive had begun": ADJ NOUN NOUN); an auxiliary that is
/// never a noun still makes the content a clause, not the cue's object.
#[test]
fn an_auxiliary_the_tagger_missed_still_opens_a_clause() {
    let doc = analyze("Zelensky said the counteroffensive had begun.");
    let claim = find_claim(&doc, "the counteroffensive had begun");
    assert_eq!(claim.text, "the counteroffensive had begun");
    assert_eq!(claim.status, Status::Reported);
}
