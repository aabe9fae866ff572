//! Table tests: a news phrasing, then the number, qualifier and category
//! of the first count found in it.

use super::scan;

fn check(text: &str, number: f64, qualifier: &str, category: &str) {
    let counts = scan(text);
    let got = counts.first().map(|c| (c.number, c.qualifier.as_str(), c.category.as_str()));
    assert_eq!(got, Some((number, qualifier, category)), "{text:?}: {counts:?}");
}

macro_rules! counts {
    ($($name:ident, $text:expr, $number:expr, $qualifier:expr, $category:expr;)*) => {
        $(#[test] fn $name() { check($text, $number as f64, $qualifier, $category); })*
    };
}

macro_rules! no_count {
    ($($name:ident, $text:expr;)*) => {
        $(#[test] fn $name() { let c = scan($text); assert!(c.is_empty(), "{:?}: {c:?}", $text); })*
    };
}

counts! {
    people_listed, "A man and two women were hurt in the blast.", 3, "exact", "wounded";
    people_listed_with_modifiers, "Two children, a woman and an elderly man were killed.", 4, "exact", "killed";
    cases_counted, "The outbreak has now reached 2,410 cases across the province.", 2410, "exact", "affected";
    infected_more_than, "The virus infected more than 300 people in the city.", 300, "at_least", "affected";
    storm_claimed_lives, "The storm claimed 41 lives on the coast.", 41, "exact", "killed";
    people_on_board, "The plane had 150 people on board when it crashed.", 150, "exact", "affected";
    crowd_turned_out, "Several thousand supporters turned out in the capital.", 3000, "at_least", "protesters";
    crowd_attended, "Around 300 people attended the vigil on Sunday.", 300, "about", "other";
    warrants_are_suspects, "Prosecutors issued warrants for 12 people on Monday.", 12, "exact", "suspects";
    killed_at_least, "the attack which killed at least 137 people", 137, "at_least", "killed";
    suspects_charged, "Four suspects from Tajikistan face terror charges", 4, "exact", "charged";
    confirmed_dead, "A total of 39 are confirmed dead, officials said", 39, "exact", "killed";
    home_to_over, "The building was home to over 1,000 people", 1000, "at_least", "affected";
    apartments_damaged, "48 apartments were damaged", 48, "exact", "affected";
    recovered_survivors, "rescuers recovered at least ten survivors", 10, "at_least", "other";
    between_range, "presumably between 36 and 40 people under the rubble", 36, "at_least", "missing";
    were_missing, "68 people were missing", 68, "exact", "missing";
    revision_from, "the death toll rose from fourteen to 31", 14, "exact", "killed";
    deaths_were, "six deaths were of children", 6, "exact", "killed";
    people_died, "Officials said three people died", 3, "exact", "killed";
    were_killed_quoted, "\"three terrorists\" were killed in a firefight", 3, "exact", "killed";
    gunmen, "followed by two gunmen", 2, "exact", "suspects";
    exceeded, "estimated death tolls exceeded 100", 100, "at_least", "killed";
    bodies, "witnessing 35 bodies in one hospital", 35, "exact", "killed";
    were_dead, "the group claimed 190 were dead", 190, "exact", "killed";
    had_killed, "the attack had killed twelve", 12, "exact", "killed";
    injured_more, "and injured twelve more", 12, "exact", "wounded";
    wounded_n, "wounded 110", 110, "exact", "wounded";
    at_least_killed, "at least 20 were killed", 20, "at_least", "killed";
    civilians_wounded, "90 civilians were wounded", 90, "exact", "wounded";
    toll_of_dead, "an earlier toll of 27 dead", 27, "exact", "killed";
    voted, "Of the 2.8 million who voted, most agreed", 2_800_000, "exact", "other";
    in_the_hundreds, "placed the protester death count in the hundreds", 100, "at_least", "killed";
    victims_died, "two of the victims died", 2, "exact", "killed";
    others_injured, "three others were seriously injured", 3, "exact", "wounded";
    dozens_died, "Dozens died in the attack", 12, "at_least", "killed";
    hundreds_arrested, "Police arrested hundreds of protesters", 100, "at_least", "arrested";
    thousands_displaced, "thousands were displaced by the floods", 1000, "at_least", "displaced";
    several_thousand, "several thousand protesters gathered", 3000, "at_least", "protesters";
    a_dozen_kidnapped, "gunmen kidnapped a dozen students", 12, "exact", "kidnapped";
    about_fifty, "about fifty people were injured", 50, "about", "wounded";
    nearly_200, "nearly 200 were evacuated", 200, "about", "displaced";
    up_to, "up to 30 people are missing", 30, "at_most", "missing";
    more_than, "more than 300 were arrested", 300, "at_least", "arrested";
    detained, "security forces detained 15 people", 15, "exact", "arrested";
    abducted, "militants abducted 40 villagers", 40, "exact", "kidnapped";
    hostages, "12 hostages were freed", 12, "exact", "kidnapped";
    million_affected, "1.5 million people were affected", 1_500_000, "exact", "affected";
    indian_grouping, "1,00,000 people were displaced", 100_000, "exact", "displaced";
    a_couple, "a couple of people were hurt", 2, "about", "wounded";
    tens_of_thousands, "tens of thousands of demonstrators", 10000, "at_least", "protesters";
    twenty_five, "twenty-five people died", 25, "exact", "killed";
    charged_n, "prosecutors charged 7 men", 7, "exact", "charged";
    list_inherits, "the dead are fourteen civilians, five soldiers", 14, "exact", "killed";
}

#[test]
fn lists_take_the_neighbouring_category() {
    let counts = scan(
        "officials reported 150 security forces, 95 civilians, and hundreds of fighters killed",
    );
    let got: Vec<(f64, &str)> = counts.iter().map(|c| (c.number, c.category.as_str())).collect();
    assert_eq!(got, [(150.0, "killed"), (95.0, "killed"), (100.0, "killed")]);
}

#[test]
fn revisions_give_both_numbers() {
    let counts = scan("increasing the confirmed death toll from fourteen to 31");
    let got: Vec<f64> = counts.iter().map(|c| c.number).collect();
    assert_eq!(got, [14.0, 31.0]);
}

#[test]
fn noun_is_recorded() {
    let counts = scan("Four suspects from Tajikistan face terror charges");
    assert_eq!(counts[0].noun.as_deref(), Some("suspects"));
}

no_count! {
    age_is_not_a_count, "an eleven-month-old boy was rescued alive";
    duration_is_not_a_count, "the worst for two decades";
    year_is_not_a_count, "in 2014 the group was founded";
    storeys, "the ten-storey building came down";
    money, "a payout of one million rubles";
    percent, "85% were in favour";
    no_trigger, "Over 1,000 rescuers responded";
    code_name, "COVID-19 killed";
    ordinal, "the 3rd were killed";
    malformed, "1,0000 people were killed";
    one_of_many, "one of the biggest markets";
    empty, "";
}

#[test]
fn a_list_of_people_is_one_count_not_one_per_member() {
    let counts = scan("A man and two women were hurt in the blast.");
    assert_eq!(counts.len(), 1, "{counts:?}");
    // One person alone is no list: nothing changes for "a man was killed".
    assert!(scan("A man and his dog were seen in the park.").is_empty());
}
