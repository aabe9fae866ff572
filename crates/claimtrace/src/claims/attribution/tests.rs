use super::*;
use crate::claims::testing::{sentence_of, text, token_of, tokens_of, with_ctx};

/// Runs `check` on the sentence of `body` that holds `word`, as `find`
/// reads it.
fn with_sentence<R>(body: &str, word: &str, check: impl FnOnce(&Ctx<'_>, &Sentence<'_>) -> R) -> R {
    with_ctx(body, |ctx| {
        let in_direct = in_direct(ctx, &quotes::find(ctx));
        let tokens = sentence_of(ctx, word);
        let index = ctx.doc.sentences.iter().position(|s| s.tokens == tokens).unwrap();
        let sentence = Sentence { index, tokens: trim_punct(ctx, tokens), in_direct: &in_direct };
        check(ctx, &sentence)
    })
}

#[test]
fn trim_punct_drops_the_final_stop_and_closing_mark() {
    with_sentence(r#"The minister said: "The road is closed.""#, "minister", |ctx, sentence| {
        assert_eq!(ctx.text(sentence.tokens.end - 1), "closed");
    });
    with_sentence("Is the road closed?", "road", |ctx, sentence| {
        assert_eq!(ctx.text(sentence.tokens.end - 1), "closed");
    });
}

/// The content `content_after` finds after the first `cue` of `body`.
fn content_of(body: &str, cue: &str) -> String {
    with_sentence(body, cue, |ctx, sentence| {
        let at = token_of(ctx, cue);
        let content = content_after(ctx, at + 1..sentence.tokens.end, &ctx.lower[at]);
        ctx.span_text(content.start, content.end).to_string()
    })
}

#[test]
fn content_after_skips_that_time_and_the_party_told() {
    let road = "the road would reopen";
    assert_eq!(content_of("The ministry said on Monday that the road would reopen.", "said"), road);
    assert_eq!(
        content_of("Officials told local reporters repairs would take a week.", "told"),
        "repairs would take a week"
    );
    assert_eq!(
        content_of("The ministry said in a statement that the road would reopen.", "said"),
        road
    );
}

#[test]
fn content_after_ends_at_a_chain_phrase() {
    assert_eq!(
        content_of(
            "Officials said the road would reopen, according to the state news agency.",
            "said"
        ),
        "the road would reopen"
    );
    assert_eq!(
        content_of("The agency reported the road would reopen, citing an official.", "reported"),
        "the road would reopen"
    );
}

#[test]
fn content_after_keeps_a_place_or_date_after_in() {
    // Only "in a statement" is skipped.
    assert_eq!(
        content_of("The ministry said in March the road would reopen.", "said"),
        "in March the road would reopen"
    );
}

/// The speaker and content of a cue after its content, as text.
fn postposed_at(body: &str, cue: &str) -> Option<(String, String)> {
    with_sentence(body, cue, |ctx, sentence| {
        let found = postposed(ctx, sentence, token_of(ctx, cue))?;
        let speaker = ctx.span_text(found.speaker.start, found.speaker.end).to_string();
        Some((speaker, ctx.span_text(found.content.start, found.content.end).to_string()))
    })
}

#[test]
fn postposed_cues_take_the_content_before() {
    let content = "The road will reopen on Monday".to_string();
    assert_eq!(
        postposed_at(
            "The road will reopen on Monday, said a spokesperson for the council.",
            "said"
        ),
        Some(("a spokesperson for the council".to_string(), content.clone()))
    );
    assert_eq!(
        postposed_at("The road will reopen on Monday, officials said.", "said"),
        Some(("officials".to_string(), content))
    );
}

#[test]
fn a_cue_before_its_content_is_not_postposed() {
    assert_eq!(postposed_at("The ministry said the road would reopen.", "said"), None);
}

#[test]
fn the_party_told_is_one_phrase_and_the_content_keeps_its_subject() {
    for (body, content) in [
        ("Officials told reporters Smith had resigned.", "Smith had resigned"),
        ("The minister told Reuters the talks had failed.", "the talks had failed"),
        ("Officials told local reporters the road would reopen.", "the road would reopen"),
        ("Police told him the car had been stolen.", "the car had been stolen"),
        ("The witness told the court she had been threatened.", "she had been threatened"),
        ("The mayor told Polish media the bridge was safe.", "the bridge was safe"),
    ] {
        assert_eq!(content_of(body, "told"), content, "{body}");
    }
    let hearer_of = |body: &str| {
        with_sentence(body, "told", |ctx, sentence| {
            hearer(ctx, sentence, token_of(ctx, "told")).map(|s| s.text)
        })
    };
    assert_eq!(
        hearer_of("The minister told Reuters the talks had failed.").as_deref(),
        Some("Reuters")
    );
    assert_eq!(
        hearer_of("The mayor told Polish media the bridge was safe.").as_deref(),
        Some("Polish media")
    );
    // The press, and a pronoun, pass on nothing worth a link.
    assert_eq!(hearer_of("Officials told local reporters the road would reopen."), None);
    assert_eq!(hearer_of("Police told him the car had been stolen."), None);
}

#[test]
fn hearer_is_the_party_told_but_not_the_press() {
    let hearer_of = |body: &str| {
        with_sentence(body, "told", |ctx, sentence| {
            hearer(ctx, sentence, token_of(ctx, "told")).map(|s| s.text)
        })
    };
    assert_eq!(
        hearer_of("Officials told the state news agency on Monday that the road would reopen.")
            .as_deref(),
        Some("the state news agency")
    );
    assert_eq!(hearer_of("Officials told reporters that the road would reopen."), None);
    assert_eq!(hearer_of("Officials told the press that the road would reopen."), None);
}

#[test]
fn chain_phrases_name_the_links() {
    with_sentence(
        "The agency reported the blast, citing a senior security official.",
        "agency",
        |ctx, sentence| {
            let chain = chain_phrases(ctx, sentence);
            let cited: Vec<&str> = chain.cited.iter().map(|s| s.text.as_str()).collect();
            assert_eq!(cited, ["a senior security official"]);
            assert!(chain.according.is_empty() && chain.agents.is_empty());
            // The comma before the phrase is masked with it.
            let comma = token_of(ctx, ",");
            assert_eq!(chain.masked.len(), 1);
            assert_eq!(chain.masked[0], comma..sentence.tokens.end);
            assert!(masked(&chain.masked, token_of(ctx, "citing")));
            assert!(!masked(&chain.masked, token_of(ctx, "reported")));
        },
    );
    with_sentence(
        "The road will reopen on Monday, according to the state news agency.",
        "road",
        |ctx, sentence| {
            let chain = chain_phrases(ctx, sentence);
            let according: Vec<&str> = chain.according.iter().map(|s| s.text.as_str()).collect();
            assert_eq!(according, ["the state news agency"]);
        },
    );
}

#[test]
fn a_transmit_verb_without_by_is_no_chain_phrase() {
    with_sentence("The report was circulated widely on Friday.", "report", |ctx, sentence| {
        let chain = chain_phrases(ctx, sentence);
        assert!(chain.masked.is_empty() && chain.agents.is_empty());
    });
}

/// The cue, source and content of each attribution in the sentence of
/// `body` that holds `word`.
fn cues_in(body: &str, word: &str) -> Vec<(String, Option<String>, String)> {
    with_sentence(body, word, |ctx, sentence| {
        let chain = chain_phrases(ctx, sentence);
        cues(ctx, sentence, &chain.masked, &[])
            .into_iter()
            .map(|att| {
                (
                    ctx.span_text(att.cue.start, att.cue.end).to_string(),
                    att.source.map(|s| s.text),
                    ctx.span_text(att.content.start, att.content.end).to_string(),
                )
            })
            .collect()
    })
}

#[test]
fn a_cue_with_its_source_and_content() {
    assert_eq!(
        cues_in("The ministry said on Monday that the road would reopen.", "ministry"),
        [("said".into(), Some("The ministry".into()), "the road would reopen".into())]
    );
}

#[test]
fn a_participle_after_a_cue_shares_its_speaker() {
    let found = cues_in(
        "Officials said the road would reopen, adding that repairs had begun.",
        "officials",
    );
    let sources: Vec<(&str, Option<&str>)> =
        found.iter().map(|(cue, source, _)| (cue.as_str(), source.as_deref())).collect();
    assert_eq!(sources, [("said", Some("Officials")), ("adding", Some("Officials"))]);
    assert_eq!(found[1].2, "repairs had begun");
}

#[test]
fn nouns_and_passives_are_no_cues() {
    assert!(cues_in("The claims were denied by the government.", "claims").is_empty());
    assert!(cues_in("The fisherman was reported missing on Sunday.", "fisherman").is_empty());
    assert!(cues_in("She read the report twice before the hearing.", "she").is_empty());
}

#[test]
fn split_count_clause_asserts_the_count() {
    with_ctx("Police said the attack which killed at least 12 people was planned.", |ctx| {
        let content = tokens_of(ctx, "the attack which killed at least 12 people");
        let (rest, count) = split_count_clause(ctx, content);
        let count = count.expect("a count clause");
        assert_eq!(text(ctx, Some(rest)).as_deref(), Some("the attack"));
        assert_eq!(text(ctx, Some(count.antecedent)).as_deref(), Some("the attack"));
        assert_eq!(text(ctx, Some(count.clause)).as_deref(), Some("killed at least 12 people"));
    });
}

#[test]
fn a_relative_clause_without_harm_is_no_count() {
    with_ctx("Police said the report which described 12 incidents was leaked.", |ctx| {
        let content = tokens_of(ctx, "the report which described 12 incidents");
        let (rest, count) = split_count_clause(ctx, content.clone());
        assert!(count.is_none());
        assert_eq!(rest, content);
    });
}

#[test]
fn relative_facts_state_what_the_clause_says() {
    with_sentence(
        "Kyiv and Washington, which issued a warning about the attack, have rejected the claims.",
        "kyiv",
        |ctx, sentence| {
            let mut found = Found::default();
            relative_facts(ctx, &mut found, sentence);
            let texts: Vec<&str> = found.claims.iter().map(|c| c.text.as_str()).collect();
            assert_eq!(texts, ["Washington issued a warning about the attack"]);
        },
    );
}

/// The first attribution of the sentence of `body` that holds `word`,
/// and `check` on it.
fn with_attribution<R>(
    body: &str,
    word: &str,
    check: impl FnOnce(&Ctx<'_>, &Sentence<'_>, &Attribution) -> R,
) -> R {
    with_sentence(body, word, |ctx, sentence| {
        let chain = chain_phrases(ctx, sentence);
        let found = cues(ctx, sentence, &chain.masked, &[]);
        check(ctx, sentence, found.first().expect("an attribution"))
    })
}

fn claim_text_of(body: &str, word: &str) -> Option<String> {
    with_attribution(body, word, |ctx, _, att| {
        claim_text(ctx, att, att.source.as_ref(), att.content.clone())
    })
}

#[test]
fn claim_text_keeps_a_pronoun_that_cannot_stand_for_the_source() {
    // "they" is her agency, not the person quoted.
    assert_eq!(
        claim_text_of(
            "Lydia Buchtmann of the food agency said they are looking at new guidelines.",
            "said"
        )
        .as_deref(),
        Some("they are looking at new guidelines")
    );
    assert_eq!(
        claim_text_of("John Smith said he would appeal the ruling.", "said").as_deref(),
        Some("John Smith would appeal the ruling")
    );
}

#[test]
fn claim_text_puts_a_named_source_for_its_pronoun() {
    assert_eq!(
        claim_text_of("Acme Corp said it would appeal the ruling.", "said").as_deref(),
        Some("Acme Corp would appeal the ruling")
    );
}

#[test]
fn claim_text_drops_a_leading_adverbial() {
    assert_eq!(
        claim_text_of(
            "The union said that, in protest against the ruling, its members would strike.",
            "said"
        )
        .as_deref(),
        Some("its members would strike")
    );
}

#[test]
fn claim_text_keeps_the_clause_of_a_noun_complement() {
    assert_eq!(
        claim_text_of("The group claimed responsibility for the attack.", "claimed").as_deref(),
        Some("The group claimed responsibility for the attack")
    );
    // A noun that opens a clause is no complement of the cue.
    assert_eq!(
        claim_text_of("Activists claim safety standards are routinely ignored.", "claim")
            .as_deref(),
        Some("safety standards are routinely ignored")
    );
    assert_eq!(
        claim_text_of("She promised protests every week until Sweden joined.", "promised")
            .as_deref(),
        Some("She promised protests every week until Sweden joined")
    );
}

#[test]
fn a_relative_clause_takes_its_antecedent_for_subject() {
    let antecedent = with_attribution(
        "Drones struck two oil facilities on Saturday, causing major fires, which state media said were under control.",
        "said",
        |ctx, sentence, att| {
            relative_antecedent(ctx, sentence, att.source.as_ref(), att.content.start)
        },
    );
    assert_eq!(antecedent.as_deref(), Some("major fires"));
}

#[test]
fn a_main_clause_has_no_antecedent() {
    let antecedent = with_attribution(
        "State media said the fires were under control.",
        "said",
        |ctx, sentence, att| {
            relative_antecedent(ctx, sentence, att.source.as_ref(), att.content.start)
        },
    );
    assert_eq!(antecedent, None);
}

/// The claims `find` makes of `body`: text, status and chain.
fn claims_of(body: &str) -> Vec<(String, Status, Vec<String>)> {
    with_ctx(body, |ctx| {
        let found = find(ctx, &quotes::find(ctx));
        found
            .claims
            .into_iter()
            .map(|c| (c.text, c.status, c.chain.into_iter().map(|s| s.text).collect()))
            .collect()
    })
}

#[test]
fn an_attack_claimed_by_a_group_is_the_group_s_claim() {
    assert_eq!(
        claims_of("The bombing in the market was claimed by the Islamic State on Sunday."),
        vec![(
            "The bombing in the market was claimed by the Islamic State on Sunday".to_string(),
            Status::Reported,
            vec!["Islamic State".to_string()]
        )]
    );
    // Another cue in the passive is not a claim of responsibility.
    let found = claims_of("The plan was suggested by the mayor in 2018.");
    assert!(found.iter().all(|(_, status, _)| *status == Status::Asserted), "{found:?}");
}

#[test]
fn a_ruling_reports_its_clause_only() {
    assert_eq!(
        reported("A court in Paris ruled on Monday that the ban was illegal."),
        Some(("the ban was illegal".to_string(), vec!["A court in Paris".to_string()]))
    );
    assert_eq!(
        reported("Judge Gray Miller ruled the male-only draft violated the constitution."),
        Some((
            "the male-only draft violated the constitution".to_string(),
            vec!["Gray Miller".to_string()]
        ))
    );
    // No clause after the cue: no reported content.
    for body in [
        "The Supreme Court ruled on the appeal last week.",
        "The family ruled the country for forty years.",
        "The law, which the court later ruled to be unconstitutional, was repealed.",
        "He ruled Zimbabwe, serving as its first prime minister.",
    ] {
        assert_eq!(reported(body), None, "{body}");
    }
}

#[test]
fn an_adjective_of_stance_reports_its_clause() {
    assert_eq!(
        reported("Police are confident that the suspect acted alone."),
        Some(("the suspect acted alone".to_string(), vec!["Police".to_string()]))
    );
    // In a leading subordinate clause, up to the comma that closes it.
    assert_eq!(
        reported("Although I am sure the plan will work, I was nervous."),
        Some(("the plan will work".to_string(), vec!["I".to_string()]))
    );
    for body in [
        "We are aware of the risks.",
        "Make sure the door is locked.",
        "Officials were confident in the plan.",
    ] {
        assert_eq!(reported(body), None, "{body}");
    }
}

#[test]
fn a_cue_tagged_as_a_noun_between_a_subject_and_a_clause_is_a_verb() {
    assert_eq!(
        reported("Police fear more bodies will be found in the rubble."),
        Some(("more bodies will be found in the rubble".to_string(), vec!["Police".to_string()]))
    );
    assert_eq!(reported("The police fear of reprisals was palpable."), None);
    // A lone "Sources" is no name: its pronoun is not replaced by it.
    let claims = claims_of("Sources report she is treated as royalty by the people.");
    assert_eq!(claims[0].0, "she is treated as royalty by the people");
}

#[test]
fn a_noun_naming_a_claim_reports_its_clause() {
    assert_eq!(
        claims_of("Moscow's claims that Ukraine was involved were rejected by Kyiv."),
        [("Ukraine was involved".to_string(), Status::Disputed, vec!["Moscow".to_string()])]
    );
    assert_eq!(
        claims_of("The claim that the plant had been hit was dismissed by the ministry."),
        [("the plant had been hit".to_string(), Status::Disputed, Vec::new())]
    );
    let claims = claims_of("The ministry's statement that the plant was safe drew criticism.");
    assert!(
        claims.contains(&(
            "the plant was safe".to_string(),
            Status::Reported,
            vec!["The ministry".to_string()]
        )),
        "{claims:?}"
    );
    // No owner and no denial: nothing to report.
    let claims = claims_of("The claim that the plant was safe drew criticism.");
    assert!(claims.iter().all(|c| c.1 != Status::Reported), "{claims:?}");
}

#[test]
fn evidence_reports_a_that_clause_only() {
    assert_eq!(
        reported("Previous studies have shown that the glue is non-toxic."),
        Some(("the glue is non-toxic".to_string(), vec!["Previous studies".to_string()]))
    );
    for body in ["The museum shows paintings by Monet.", "Fewer than two hundred showed up."] {
        assert_eq!(reported(body), None, "{body}");
    }
    // A cue without its clause starts no second report.
    assert_eq!(
        reported("We show that all females breed but that fewer and fewer males find mates."),
        Some((
            "all females breed but that fewer and fewer males find mates".to_string(),
            vec!["We".to_string()]
        ))
    );
}

#[test]
fn a_topic_or_a_place_after_a_cue_is_no_content() {
    for body in [
        "The minister spoke about the new budget on Monday.",
        "She replied in an interview with the BBC.",
        "She posted to Twitter after the launch.",
    ] {
        let claims = claims_of(body);
        assert!(claims.iter().all(|c| c.1 != Status::Reported), "{body}: {claims:?}");
    }
    // A clause or a quotation after the phrase is content.
    let claims = claims_of("The mayor said at a press conference the road would reopen.");
    assert!(claims.iter().any(|c| c.1 == Status::Reported), "{claims:?}");
}

#[test]
fn find_reports_a_clause_only() {
    let reported = |body: &str| claims_of(body).into_iter().any(|c| c.1 == Status::Reported);
    assert!(reported("Researchers find that the drug cuts deaths by half."));
    assert!(!reported("They could not find a way out of the building."));
    assert!(!reported("They did not find an association among youths who were depressed."));
}

#[test]
fn conjecture_reports_a_clause_only() {
    let claims = claims_of("Scientists theorized that the crater was formed by a comet.");
    assert!(
        claims.iter().any(|c| c.1 == Status::Reported
            && c.0 == "the crater was formed by a comet"
            && c.2 == ["Scientists"]),
        "{claims:?}"
    );
    let reported = |body: &str| claims_of(body).into_iter().any(|c| c.1 == Status::Reported);
    assert!(reported("Investigators surmised the driver had fallen asleep."));
    assert!(reported("Police theorise that the fire was started deliberately."));
    assert!(!reported("She posited a new theory of gravity."));
    assert!(!reported("He speculated about the cause of the blast for hours."));
}

#[test]
fn a_time_closing_the_subject_is_not_the_source() {
    let claims = claims_of("Posts on the message board from Friday wrote that the site was down.");
    assert!(claims.iter().any(|c| c.2 == ["Posts on the message board"]), "{claims:?}");
    // A name that ends in a month is still the name.
    let claims = claims_of("Prime Minister Theresa May said that the deal was dead.");
    assert!(claims.iter().any(|c| c.2 == ["Theresa May"]), "{claims:?}");
    // A fronted time is no subject, and an acronym in brackets after
    // the name leaves the name the source.
    for body in [
        "Late on Sunday, the Syrian Democratic Forces (SDF) announced it had signed a deal.",
        "On Sunday, the Syrian Democratic Forces (SDF) announced it had signed a deal.",
    ] {
        let claims = claims_of(body);
        assert!(claims.iter().any(|c| c.2 == ["Syrian Democratic Forces"]), "{claims:?}");
    }
}

#[test]
fn a_relative_clause_on_the_object_is_not_the_cues_clause() {
    let reported = |body: &str| claims_of(body).into_iter().any(|c| c.1 == Status::Reported);
    assert!(!reported(
        "The government has maintained a policy which the United Nations has criticised."
    ));
    assert!(!reported("She described a system whose rules nobody had read."));
    // The verb after the relative clause is the cue's clause.
    let claims =
        claims_of("The researchers found most of the people who died were affected by smoke.");
    assert!(claims.iter().any(|c| c.1 == Status::Reported && c.2 == ["The researchers"]));
}

#[test]
fn a_chain_phrase_closing_the_content_is_not_part_of_it() {
    let claims = claims_of(
        "This year the city expects about six million visitors according to the event website.",
    );
    assert!(claims.iter().all(|c| !c.0.contains("according")), "{claims:?}");
    assert!(claims.iter().any(|c| c.2.contains(&"the event website".to_string())));
}

#[test]
fn a_relative_clause_on_the_source_is_no_content() {
    let claims = claims_of(
        "According to officials, who spoke on condition of anonymity, the suspect had been under surveillance since 2019.",
    );
    assert_eq!(claims[0].0, "the suspect had been under surveillance since 2019");
    assert_eq!(claims[0].2, ["officials"]);
}

#[test]
fn a_chain_phrase_inside_the_clause_leaves_the_clause_whole() {
    // After a subject with no verb yet: the content runs around it.
    let claims = claims_of("The suspect, according to police, fled the scene on foot.");
    assert_eq!(claims[0].0, "The suspect fled the scene on foot");
    assert_eq!(claims[0].2, ["police"]);
    // After "that": the clause after the phrase.
    let claims = claims_of(
        "The newspaper has learned that, according to an internal memo, the plant will close.",
    );
    assert!(claims.iter().any(|c| c.0 == "the plant will close" && c.2 == ["an internal memo"]));
    // After a whole clause: the phrase closes the content.
    let claims = claims_of("The road will reopen on Monday, according to the state news agency.");
    assert_eq!(claims[0].0, "The road will reopen on Monday");
}

#[test]
fn a_parenthetical_report_keeps_the_subject_before_it() {
    let claims = claims_of("The attack, officials said, was planned for months.");
    assert_eq!(claims[0].0, "The attack was planned for months");
    assert_eq!(claims[0].2, ["officials"]);
    // An opening phrase is no subject; a content with its own keeps it.
    let claims = claims_of("In 2019, officials said, the plant was closed.");
    assert_eq!(claims[0].0, "the plant was closed");
}

#[test]
fn an_inverted_report_inside_the_clause_names_its_speaker() {
    let claims =
        claims_of("Institutional recipients, said Mauer, are required to show the photographs.");
    assert_eq!(claims[0].2, ["Mauer"]);
    assert_eq!(claims[0].0, "Institutional recipients are required to show the photographs");
}

#[test]
fn chain_phrases_opening_a_content_are_not_part_of_it() {
    let claims = claims_of(
        "According to Yonhap, quoting the Korean Central News Agency (KCNA), the military \
         has been placed on high alert.",
    );
    assert_eq!(claims[0].0, "the military has been placed on high alert");
    assert_eq!(claims[0].2, ["Korean Central News Agency", "Yonhap"]);
    let claims = claims_of("The agency said, citing a senior official, that the talks had failed.");
    assert_eq!(claims[0].0, "the talks had failed");
    assert_eq!(claims[0].2, ["a senior official", "The agency"]);
}

#[test]
fn a_clause_closed_by_a_colon_introduces_its_speakers_quotation() {
    let source_of_quote = |body: &str| {
        with_ctx(body, |ctx| {
            let found = find(ctx, &quotes::find(ctx));
            found.quotes.iter().find(|q| q.direct).and_then(|q| q.source.clone()).map(|s| s.text)
        })
    };
    assert_eq!(
        source_of_quote(
            "Governor John Bel Edwards urged caution: \"No one should take this storm lightly.\""
        ),
        Some("John Bel Edwards".to_string())
    );
    // No name for subject: no source.
    assert_eq!(
        source_of_quote(
            "A letter from the lawyers was released: \"The key factor here is intent.\""
        ),
        None
    );
    // A pronoun after a quotation: the source named before it, not one
    // named later in the article.
    let body = "Jane Doe, a UN rapporteur, cautioned that justice is slow. \"True justice \
                takes time,\" she said, asking the family to be patient. The CIA and other \
                agencies reported that the prince had approved the operation.";
    assert_eq!(source_of_quote(body), Some("Jane Doe".to_string()));
    // A pronoun for subject: the person named before.
    assert_eq!(
        source_of_quote(
            "Union leader Jane Doe spoke for an hour. She continued: \"We will not back down.\""
        ),
        Some("Jane Doe".to_string())
    );
}

#[test]
fn a_pronoun_with_no_source_before_it_is_the_source() {
    let claims = claims_of(
        "The researchers published a paper. They estimated that food needs would rise by half.",
    );
    assert!(
        claims.contains(&(
            "food needs would rise by half".to_string(),
            Status::Reported,
            vec!["They".to_string()]
        )),
        "{claims:?}"
    );
}

/// The first reported claim of `body`: its text and chain.
fn reported(body: &str) -> Option<(String, Vec<String>)> {
    claims_of(body).into_iter().find(|c| c.1 == Status::Reported).map(|c| (c.0, c.2))
}

#[test]
fn a_reported_act_is_the_articles_fact() {
    assert_eq!(
        claims_of("The prime minister announced his resignation on Tuesday."),
        [(
            "The prime minister announced his resignation on Tuesday".to_string(),
            Status::Asserted,
            Vec::new()
        )]
    );
}

#[test]
fn a_cue_after_a_name_is_a_verb_unless_a_noun_phrase_needs_it() {
    let first = |body: &str| claims_of(body).into_iter().next();
    // Irregular past forms and sentence-initial plurals are verbs.
    let found = first("A report by Amnesty International found that prisoners were tortured.");
    assert_eq!(
        found,
        Some((
            "prisoners were tortured".to_string(),
            Status::Reported,
            vec!["Amnesty International".to_string()]
        ))
    );
    let claimed = first("Activists claim safety standards are routinely ignored.").unwrap();
    assert_eq!(claimed.2, ["Activists"]);
    // Nouns: "the IS claim", "Maryland state law".
    assert!(claims_of("The IS claim was dismissed by officials.").is_empty());
    let law = "Under Maryland state law, the governor has until October to call an election.";
    assert!(claims_of(law).iter().all(|c| c.1 == Status::Asserted), "{:?}", claims_of(law));
    // A clause-only cue with a prepositional phrase after it reports
    // nothing.
    let lake = "Scientists studied a lake found through radar mapping near the pole.";
    assert!(claims_of(lake).iter().all(|c| c.1 == Status::Asserted), "{:?}", claims_of(lake));
}

#[test]
fn the_agent_of_a_passive_cue_speaks_its_clause() {
    assert_eq!(
        claims_of("It was announced by the ministry that schools would reopen."),
        [("schools would reopen".to_string(), Status::Reported, vec!["the ministry".to_string()])]
    );
    // With no clause the agent is a channel, and the passive verb
    // stays in the claim.
    assert_eq!(
        claims_of("The poster was circulated by Iranian media."),
        [(
            "The poster was circulated".to_string(),
            Status::Reported,
            vec!["Iranian media".to_string()]
        )]
    );
}

#[test]
fn an_announced_clause_is_reported() {
    let claims = claims_of("The prime minister announced that she would resign on Tuesday.");
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].0, "she would resign on Tuesday");
    assert_eq!(claims[0].1, Status::Reported);
}

#[test]
fn a_relative_clause_confirms_its_antecedent() {
    with_sentence(
        "The ministry released a recording of the call, which was verified by the Associated Press.",
        "ministry",
        |ctx, sentence| {
            let mut found = Found::default();
            relative_facts(ctx, &mut found, sentence);
            let [claim] = &found.claims[..] else { panic!("{:?}", found.claims) };
            assert_eq!(claim.text, "The ministry released a recording of the call");
            assert_eq!(claim.status, Status::Confirmed);
            let confirms: Vec<&str> = claim
                .stances
                .iter()
                .filter(|s| s.kind == StanceKind::Confirms)
                .map(|s| s.actor.as_str())
                .collect();
            assert_eq!(confirms, ["Associated Press"]);
        },
    );
}

#[test]
fn a_relative_clause_that_only_passes_it_on_confirms_nothing() {
    with_sentence(
        "The ministry released a recording of the call, which was shared by state television.",
        "ministry",
        |ctx, sentence| {
            let mut found = Found::default();
            relative_facts(ctx, &mut found, sentence);
            assert!(found.claims.is_empty(), "{:?}", found.claims);
        },
    );
}

#[test]
fn word_helpers() {
    let words = ["with", "reports", "noting"];
    assert_eq!(after_with(&words, 0..2), 1..2);
    assert_eq!(after_with(&words[1..], 0..1), 0..1);

    let words = ["the", "road", "reopened", ",", "days", "after", "the", "group", "claimed"];
    assert_eq!(subordinate_start(&words, 0..9), Some(3));
    assert_eq!(subordinate_start(&words, 0..3), None);
    assert_eq!(subordinate_main_end(&words, 0, 6), Some(3));
    assert_eq!(subordinate_main_end(&words, 0, 7), None);

    assert!(answers_claim(&["kyiv", "rejected", "moscow", "'s", "claims"], 0..5));
    assert!(!answers_claim(&["kyiv", "rejected", "the", "plan"], 0..4));
    assert!(answers_claim(&["kyiv", "denied", "it"], 0..3));
    assert!(answers_claim(&["kyiv", "denied", "any", "involvement"], 0..4));
    assert!(!answers_claim(&["kyiv", "denied", "it", "was", "involved"], 0..5));
}
