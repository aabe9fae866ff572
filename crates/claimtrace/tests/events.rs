//! Events on news phrasings: one case a line, a type with a participant
//! it must name, and the phrasings that report no event of that type
//! (threats, plans, negations, possibilities, natural disasters).

use claimtrace::doc::{EventKind, Status};
use claimtrace::Document;

use crate::util::analyze_body as analyze;

fn describe(doc: &Document) -> Vec<String> {
    doc.events
        .iter()
        .map(|e| {
            let names = |args: &[claimtrace::doc::Argument]| {
                args.iter().map(|a| a.text.as_str()).collect::<Vec<_>>().join(", ")
            };
            format!(
                "{} [{}] -> [{}] {}",
                e.kind.as_str(),
                names(&e.actors),
                names(&e.targets),
                e.status.as_str()
            )
        })
        .collect()
}

/// The text has an event of `kind` with a participant containing `who`.
fn check(body: &str, kind: &str, who: &str) {
    let doc = analyze(body);
    let kind = EventKind::from_name(kind).unwrap();
    let found = doc
        .events
        .iter()
        .any(|e| e.kind == kind && e.actors.iter().chain(&e.targets).any(|a| a.text.contains(who)));
    assert!(found, "{body:?}: no {} with {who:?} in {:#?}", kind.as_str(), describe(&doc));
}

/// The text has no event of `kind`.
fn check_none(body: &str, kind: &str) {
    let doc = analyze(body);
    let kind = EventKind::from_name(kind).unwrap();
    assert!(
        !doc.events.iter().any(|e| e.kind == kind),
        "{body:?}: unexpected {} in {:#?}",
        kind.as_str(),
        describe(&doc)
    );
}

macro_rules! events {
    ($($name:ident, $text:expr, $kind:expr, $who:expr;)*) => {
        $(#[test] fn $name() { check($text, $kind, $who); })*
    };
}

macro_rules! no_event {
    ($($name:ident, $text:expr, $kind:expr;)*) => {
        $(#[test] fn $name() { check_none($text, $kind); })*
    };
}

events! {
    assault_verb, "Gunmen attacked a police station in Peshawar on Tuesday.", "ASSAULT", "police station";
    assault_noun_on, "The attack on the Crocus City Hall killed at least 137 people.", "ASSAULT", "Crocus City Hall";
    assault_passive_agent, "The convoy was ambushed by Taliban fighters near Kandahar.", "ASSAULT", "convoy";
    assault_noun_owner, "Police said the Taliban attack lasted several hours.", "ASSAULT", "Taliban";
    assault_shot, "Police shot the attacker on London Bridge.", "ASSAULT", "attacker";
    assault_carried_out, "Militants carried out a suicide bombing at the market.", "ASSAULT", "Militants";
    assault_noun_subject_of_strike, "Twin bombings yesterday struck the Jolo Cathedral in Mindanao.", "ASSAULT", "Cathedral";
    assault_participle_after_comma, "Dozens died in the attack, reportedly conducted by the Taliban.", "ASSAULT", "Taliban";
    assault_on_after_a_time, "Officials said an attack that day on an Iraqi air base injured no one.", "ASSAULT", "air base";
    assault_in_a_place, "It was the deadliest since an assault in Ghazni in August 2018.", "ASSAULT", "Ghazni";
    coerce_arrest, "Police arrested three men in Birmingham on Sunday.", "COERCE", "three men";
    coerce_face_charges, "Four suspects from Tajikistan face terror charges.", "COERCE", "suspects";
    coerce_expel, "Poland expelled two Russian diplomats last week.", "COERCE", "Poland";
    protest_agents, "Protesters marched against the government in Baghdad.", "PROTEST", "Protesters";
    protest_verb, "Thousands of farmers protested outside parliament on Monday.", "PROTEST", "farmers";
    threaten_verb, "North Korea threatened South Korea with retaliation.", "THREATEN", "South Korea";
    threaten_made_threats, "Militias had made threats against U.S. personnel.", "THREATEN", "Militias";
    accuse_verb, "The minister accused Russia of meddling in the election.", "ACCUSE", "Russia";
    accuse_blame, "Washington blamed Iran for the attacks on the tankers.", "ACCUSE", "Iran";
    reject_claims, "Kyiv and Washington have rejected Moscow's claims.", "REJECT", "Moscow";
    reject_deny, "The Kremlin denied the report on Friday.", "REJECT", "Kremlin";
    request_urge, "The United Nations urged both sides to show restraint.", "REQUEST", "United Nations";
    request_call_on, "The senator called on the government to resign.", "REQUEST", "government";
    sanction_verb, "The European Union sanctioned Iran earlier in the month.", "SANCTION", "Iran";
    sanction_ban, "Germany banned the airline Mahan Air on Monday.", "SANCTION", "Germany";
    mobilize_deploy, "The Pentagon deployed 1,500 troops to the Middle East.", "MOBILIZE", "Pentagon";
    retreat_withdraw, "Russia withdrew its forces from Kherson in November.", "RETREAT", "Russia";
    aid_rescue, "Rescuers pulled a boy from the rubble on Tuesday.", "AID", "Rescuers";
    aid_verb, "Japan aided the flood victims with emergency supplies.", "AID", "Japan";
    consult_meet, "President Macron met Chancellor Scholz in Berlin on Monday.", "CONSULT", "Macron";
    agree_sign, "Israel and Hamas signed a ceasefire agreement in Cairo.", "AGREE", "Israel";
    cooperate_verb, "France cooperated with Belgian police in the investigation.", "COOPERATE", "France";
    support_praise, "The mayor praised the emergency services for their response.", "SUPPORT", "mayor";
    concede_release, "The rebels released twelve hostages on Sunday.", "CONCEDE", "rebels";
}

no_event! {
    threatened_to_attack_is_no_attack, "The group threatened to attack Russia again.", "ASSAULT";
    did_not_attack, "The army did not attack the town.", "ASSAULT";
    may_strike, "Officials said the militants may strike again.", "ASSAULT";
    planned_bombing, "Police foiled a planned shopping centre bombing.", "ASSAULT";
    storm_killed, "The storm killed 41 people in the north.", "ASSAULT";
    efforts_to_negotiate, "Efforts to negotiate an end to the war have stalled.", "CONSULT";
    nobody_backed, "No Russian official has backed the claim.", "SUPPORT";
    conditional_strike, "If Iran attacks Israel, the United States will respond.", "ASSAULT";
    killed_passive_is_a_count, "At least 39 people were killed in the explosion.", "ASSAULT";
    protester_count_is_no_protest, "AFP put the protester death count in the hundreds.", "PROTEST";
    named_hurricane_is_no_assault, "Hurricane Lorenzo hit the Azores on Wednesday.", "ASSAULT";
    scheduled_sentencing, "His sentencing has been scheduled for July.", "COERCE";
    assassination_plots, "The EU sanctioned Iran over assassination plots against dissidents in Denmark.", "ASSAULT";
    place_of_the_speaker_is_no_target, "Speaking on television in Yemen, a spokesman said the attacks occurred at 4 a.m.", "ASSAULT";
}

#[test]
fn a_possessor_of_charges_is_who_is_charged() {
    let doc = analyze("Paul Manafort's charges involved foreign lobbying.");
    let e = doc.events.iter().find(|e| e.kind == EventKind::Coerce).expect("charges");
    assert!(e.actors.is_empty(), "{:#?}", describe(&doc));
    assert!(e.targets.iter().any(|t| t.text.contains("Manafort")), "{:#?}", describe(&doc));
}

#[test]
fn threatened_attack_is_a_threat_against_its_target() {
    check("The group threatened attacks on Russia.", "THREATEN", "Russia");
}

#[test]
fn events_take_the_status_of_the_claim_that_reports_them() {
    let doc = analyze(
        "The Taliban reportedly attacked the base on Monday, officials said. \
         Police arrested two men in Kabul on Tuesday.",
    );
    let attack = doc.events.iter().find(|e| e.kind == EventKind::Assault).expect("an attack");
    assert_ne!(attack.status, Status::Asserted, "{:#?}", describe(&doc));
    let arrest = doc.events.iter().find(|e| e.kind == EventKind::Coerce).expect("an arrest");
    assert_eq!(arrest.status, Status::Asserted);
    assert_eq!(arrest.claim, None);
}

#[test]
fn a_speech_act_the_article_reports_is_asserted() {
    let doc = analyze("Kyiv has rejected Moscow's claims, a spokesman said on Monday.");
    let reject = doc.events.iter().find(|e| e.kind == EventKind::Reject).expect("a rejection");
    assert_eq!(reject.status, Status::Asserted, "{:#?}", describe(&doc));
}

#[test]
fn mentions_of_one_attack_are_one_event() {
    let doc = analyze(
        "Gunmen attacked the Crocus City Hall on Friday. The attack on the Crocus City Hall \
         killed at least 137 people. The attack was the deadliest in two decades.",
    );
    let attacks = doc.events.iter().filter(|e| e.kind == EventKind::Assault).count();
    assert_eq!(attacks, 1, "{:#?}", describe(&doc));
}

#[test]
fn events_carry_place_time_and_counts() {
    let doc = analyze(
        "Published on 2024-03-25.\n\nGunmen attacked a police station in Peshawar on Friday, \
         killing at least 12 people.",
    );
    let e = doc.events.iter().find(|e| e.kind == EventKind::Assault).expect("an attack");
    assert_eq!(e.location.as_ref().map(|l| l.text.as_str()), Some("Peshawar"), "{e:#?}");
    assert!(e.time.is_some(), "{e:#?}");
    assert!(!e.counts.is_empty(), "{e:#?}");
}

/// "US Ambassador to Germany Richard Grenell alleged ...", which the parser
/// may head with "US": the person the title ends with is the actor, beside
/// the country.
#[test]
fn a_titled_person_acts_beside_the_country_of_the_title() {
    for body in [
        "US Ambassador to Germany Richard Grenell alleged that Mahan Air had contributed to \
         human suffering.",
        "US Ambassador Richard Grenell alleged that Mahan Air had contributed to human \
         suffering.",
    ] {
        let doc = analyze(body);
        let accuse = doc.events.iter().find(|e| e.kind == EventKind::Accuse);
        let accuse = accuse.unwrap_or_else(|| panic!("{body}: {:#?}", describe(&doc)));
        let actors: Vec<&str> = accuse.actors.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(actors, ["Richard Grenell", "United States"], "{body}");
        assert!(accuse.targets.iter().any(|t| t.text == "Mahan Air"), "{:#?}", describe(&doc));
    }
    // A country alone, or a person named first, is as before.
    check("US forces attacked the base.", "ASSAULT", "United States");
    let doc = analyze("Russian President Vladimir Putin threatened Ukraine.");
    let threat = doc.events.iter().find(|e| e.kind == EventKind::Threaten).unwrap();
    assert_eq!(
        threat.actors.iter().map(|a| a.text.as_str()).collect::<Vec<_>>(),
        ["Vladimir Putin"]
    );
}
