//! Table tests: one real news phrasing per line, its anchor (the
//! publication date, or "none") and the TimeML value expected for the
//! first time expression in it.

use chrono::NaiveDate;

use super::{scan, TimesConfig};

fn check(text: &str, anchor: &str, expected: &str) {
    let anchor = NaiveDate::parse_from_str(anchor, "%Y-%m-%d").ok();
    let found = scan(text, &TimesConfig { anchor });
    let got = found.first().map(|f| (crate::chars::slice(text, f.span.range()), f.value.as_str()));
    assert_eq!(got.map(|g| g.1), Some(expected), "{text:?} (anchor {anchor:?}) found {got:?}");
}

fn check_none(text: &str) {
    let found = scan(text, &TimesConfig { anchor: NaiveDate::from_ymd_opt(2024, 3, 25) });
    assert!(found.is_empty(), "{text:?} found {found:?}");
}

macro_rules! resolves {
    ($($name:ident, $text:expr, $anchor:expr, $value:expr;)*) => {
        $(#[test] fn $name() { check($text, $anchor, $value); })*
    };
}

macro_rules! no_time {
    ($($name:ident, $text:expr;)*) => {
        $(#[test] fn $name() { check_none($text); })*
    };
}

// # Weekdays: backward by default and for past tense, forward for future.
resolves! {
    friday, "Friday", "2024-03-24", "2024-03-22";
    friday_attack, "the storming of the hall on Friday killed 137", "2024-03-25", "2024-03-22";
    friday_possessive, "It was behind Friday's attack", "2024-03-25", "2024-03-22";
    monday_same_day, "Peskov said Monday that it was inappropriate", "2024-03-25", "2024-03-25";
    monday_past, "An apartment building collapsed on Monday in the city", "2019-01-04", "2018-12-31";
    tuesday_past, "Search and rescue was suspended on Tuesday", "2019-01-04", "2019-01-01";
    wednesday_past, "Rescue work resumed on Wednesday", "2019-01-04", "2019-01-02";
    thursday_past, "Police arrested two men on Thursday", "2024-03-25", "2024-03-21";
    saturday_past, "Protesters marched on Saturday", "2019-09-17", "2019-09-14";
    sunday_past, "The vote took place Sunday", "2024-03-25", "2024-03-24";
    friday_future_will, "The council will vote on Friday", "2024-03-25", "2024-03-29";
    monday_future_will, "The court will rule on Monday", "2024-03-25", "2024-04-01";
    wednesday_is_to, "The minister is to visit Kyiv on Wednesday", "2024-03-25", "2024-03-27";
    thursday_scheduled, "Talks are scheduled for Thursday", "2024-03-25", "2024-03-28";
    saturday_plans, "The group plans a march on Saturday", "2024-03-25", "2024-03-30";
    sunday_ll, "We'll know on Sunday", "2024-03-25", "2024-03-31";
    // "would": the nearer day either way (2019-08-04 is a Sunday, 2019-09-19 a Thursday).
    would_next_day, "The senate announced it would meet on Monday", "2019-08-04", "2019-08-05";
    would_day_before, "Forecasters predicted the storm would pass the island on Wednesday", "2019-09-19", "2019-09-18";
    would_same_day, "The storm would weaken on Thursday", "2019-09-19", "2019-09-19";
    would_month_ahead, "The plan would fund the government through September", "2019-01-04", "2019-09";
    last_friday, "last Friday", "2024-03-29", "2024-03-22";
    last_monday_on_monday, "last Monday", "2024-03-25", "2024-03-18";
    next_tuesday, "next Tuesday", "2024-03-25", "2024-03-26";
    this_coming_friday, "this coming Friday", "2024-03-25", "2024-03-29";
    this_past_weekend_day, "this past Sunday", "2024-03-25", "2024-03-24";
    monday_night, "the blast on Monday night", "2019-01-04", "2018-12-31TNI";
    friday_morning, "Friday morning", "2024-03-25", "2024-03-22TMO";
    saturday_afternoon, "clashes erupted on Saturday afternoon", "2024-03-25", "2024-03-23TAF";
    sunday_evening, "He spoke on Sunday evening", "2024-03-25", "2024-03-24TEV";
    night_of, "On the night of Monday to Tuesday another explosion hit", "2019-01-04", "2018-12-31TNI";
    weekday_date_year, "Friday, January 4, 2019", "2020-01-01", "2019-01-04";
    weekday_no_anchor, "Friday", "none", "XXXX-XX-XX";
    weekday_part_no_anchor, "Monday night", "none", "XXXX-XX-XXTNI";
    weekday_reported_on, "By reports on Saturday, two died", "2019-12-02", "2019-11-30";
    tuesday_said, "officials said on Tuesday", "2024-03-21", "2024-03-19";
}

// # Days relative to the anchor.
resolves! {
    yesterday, "rescuers ended their work yesterday", "2019-01-04", "2019-01-03";
    yesterday_cap, "Yesterday, drones struck two facilities", "2019-09-15", "2019-09-14";
    today, "The court rules today", "2024-03-25", "2024-03-25";
    tomorrow, "Voting begins tomorrow", "2024-03-25", "2024-03-26";
    tonight, "He will speak tonight", "2024-03-25", "2024-03-25TNI";
    last_night, "Shelling continued last night", "2024-03-25", "2024-03-24TNI";
    this_morning, "The minister said this morning", "2024-03-25", "2024-03-25TMO";
    this_afternoon, "this afternoon", "2024-03-25", "2024-03-25TAF";
    this_evening, "this evening", "2024-03-25", "2024-03-25TEV";
    yesterday_morning, "Yesterday morning the strike hit", "2024-03-25", "2024-03-24TMO";
    day_before_yesterday, "the day before yesterday", "2024-03-25", "2024-03-23";
    day_after_tomorrow, "the day after tomorrow", "2024-03-25", "2024-03-27";
    earlier_today, "earlier today", "2024-03-25", "2024-03-25";
    yesterday_no_anchor, "yesterday", "none", "XXXX-XX-XX";
    tomorrow_no_anchor, "tomorrow", "none", "XXXX-XX-XX";
    two_days_ago, "The strike two days ago", "2024-03-25", "2024-03-23";
    three_days_ago, "three days ago", "2024-03-25", "2024-03-22";
    a_week_ago, "a week ago", "2024-03-25", "2024-W12";
    two_weeks_ago, "two weeks ago", "2024-03-25", "2024-W11";
    a_month_ago, "a month ago", "2024-03-25", "2024-02";
    six_months_ago, "six months ago", "2024-03-25", "2023-09";
    a_year_ago, "a year ago", "2019-12-02", "2018";
    ten_years_ago, "ten years ago", "2024-03-25", "2014";
    years_ago, "years ago", "2019-12-02", "PAST_REF";
    decades_ago, "decades ago", "2024-03-25", "PAST_REF";
    days_ago_numeral, "4 days ago", "2024-03-25", "2024-03-21";
    ago_no_anchor, "two days ago", "none", "XXXX-XX-XX";
    year_ago_no_anchor, "a year ago", "none", "XXXX";
    in_two_weeks_from_now, "two weeks from now", "2024-03-25", "2024-W15";
}

// # Weeks, months, years relative to the anchor.
resolves! {
    last_week, "Last week a car bombing killed five", "2019-01-24", "2019-W03";
    this_week, "talks this week", "2024-03-25", "2024-W13";
    next_week, "next week", "2024-03-25", "2024-W14";
    last_weekend, "last weekend", "2024-03-25", "2024-W12-WE";
    last_month, "last month", "2024-03-25", "2024-02";
    last_month_january, "last month", "2024-01-10", "2023-12";
    this_month, "this month", "2024-03-25", "2024-03";
    next_month, "next month", "2024-03-25", "2024-04";
    next_month_december, "next month", "2023-12-15", "2024-01";
    last_year, "Last year, 20 people died", "2019-01-23", "2018";
    this_year, "this year", "2024-03-25", "2024";
    next_year, "next year", "2024-03-25", "2025";
    earlier_this_year, "earlier this year", "2024-03-25", "2024";
    later_this_year, "later this year", "2024-03-25", "2024";
    earlier_this_month, "earlier this month", "2024-03-25", "2024-03";
    earlier_in_the_month, "earlier in the month", "2019-01-23", "2019-01";
    later_this_week, "later this week", "2024-03-25", "2024-W13";
    end_of_the_year, "by the end of the year", "2024-03-25", "2024";
    end_of_this_month, "the end of this month", "2024-03-25", "2024-03";
    last_decade, "the last decade", "2024-03-25", "201";
    this_century, "this century", "2024-03-25", "20";
    last_year_no_anchor, "last year", "none", "XXXX";
    last_month_no_anchor, "last month", "none", "XXXX-XX";
    last_week_no_anchor, "last week", "none", "XXXX-WXX";
    past_week_duration, "over the past week", "2024-03-25", "P1W";
    coming_year, "the coming year", "2024-03-25", "P1Y";
}

// # Absolute dates in every common style.
resolves! {
    month_day_year, "on March 23, 2024, the day after", "2024-03-25", "2024-03-23";
    month_day_year_spaced_comma, "October 9 , 2002", "2008-10-10", "2002-10-09";
    month_day_year_no_comma, "March 23 2024", "2024-03-25", "2024-03-23";
    day_month_year, "23 March 2024", "2024-03-25", "2024-03-23";
    day_month, "on 23 March", "2024-03-25", "2024-03-23";
    month_day, "on July 31", "2019-09-17", "2019-07-31";
    month_day_ordinal, "on July 31st", "2019-09-17", "2019-07-31";
    the_day_of_month, "the 4th of July", "2024-08-01", "2024-07-04";
    abbrev_month, "Sept. 11, 2001", "2024-03-25", "2001-09-11";
    abbrev_month_no_dot, "Jan 5, 2020", "2024-03-25", "2020-01-05";
    abbrev_dec, "Dec. 25", "2024-03-25", "2023-12-25";
    us_numeric, "03/25/24", "2024-03-25", "2024-03-25";
    us_numeric_long_year, "3/25/2024", "2024-03-25", "2024-03-25";
    day_first_numeric, "25/03/2024", "2024-03-25", "2024-03-25";
    iso_date, "2024-03-25", "2024-01-01", "2024-03-25";
    iso_date_time, "2024-03-25T12:57", "2024-01-01", "2024-03-25T12:57";
    numeric_with_clock, "Update 03/25/24, 12:57 p.m. ET", "2024-03-25", "2024-03-25T12:57";
    month_day_with_clock, "March 25, 2024, at 9 a.m.", "2024-03-25", "2024-03-25T09:00";
    month_year, "August 2018", "2019-01-24", "2018-08";
    month_of_year, "March of this year", "2019-09-17", "2019-03";
    month_of_last_year, "October of last year", "2019-09-17", "2018-10";
    month_comma_year, "June, 2015", "2024-03-25", "2015-06";
    early_month, "early October", "2019-11-10", "2019-10";
    late_month, "late October", "2019-11-10", "2019-10";
    end_of_month, "the end of July", "2019-09-17", "2019-07";
    mid_month, "mid-January", "2024-03-25", "2024-01";
    in_month_past, "The law passed in November", "2024-03-25", "2023-11";
    in_month_future, "The election will be held in November", "2024-03-25", "2024-11";
    in_may, "in May", "2024-06-10", "2024-05";
    since_january, "since January", "2024-03-25", "2024-01";
    last_june, "last June", "2024-03-25", "2023-06";
    next_april, "next April", "2024-05-10", "2025-04";
    yearless_no_anchor, "on July 31", "none", "XXXX-07-31";
    month_no_anchor, "in November", "none", "XXXX-11";
    leap_day, "February 29, 2024", "2024-03-25", "2024-02-29";
    future_yearless, "The summit will open on January 10", "2024-03-25", "2025-01-10";
}

// # Years, decades, seasons, quarters.
resolves! {
    year, "in 2011", "2024-03-25", "2011";
    year_1973, "The 1973 building", "2019-01-04", "1973";
    late_year, "founded in late 2014", "2024-03-25", "2014";
    early_year, "early 2020", "2024-03-25", "2020";
    mid_year, "mid-2019", "2024-03-25", "2019";
    end_of_year, "the end of 2023", "2024-03-25", "2023";
    future_year, "governing itself from 2022", "2019-01-28", "2022";
    decade, "the 1990s", "2024-03-25", "199";
    early_decade, "the early 2000s", "2024-03-25", "200";
    summer_year, "summer 2016", "2024-03-25", "2016-SU";
    this_summer, "this summer", "2024-03-25", "2024-SU";
    last_winter, "last winter", "2024-03-25", "2023-WI";
    spring_of_year, "the spring of 2011", "2024-03-25", "2011-SP";
    third_quarter, "the third quarter", "2008-10-15", "2008-Q3";
    first_quarter_year, "the first quarter of 2009", "2008-10-15", "2009-Q1";
    q4_year, "Q4 2023", "2024-03-25", "2023-Q4";
    last_quarter, "the last quarter", "2008-10-15", "2008-Q3";
    fourth_quarter_last_year, "the fourth quarter of last year", "2009-02-01", "2008-Q4";
    named_nine_eleven, "since 9/11", "2019-09-17", "2001-09-11";
    christmas, "on Christmas Day", "2024-03-25", "2023-12-25";
    christmas_future, "The truce will hold until Christmas", "2024-03-25", "2024-12-25";
    new_years_eve, "New Year's Eve", "2024-03-25", "2023-12-31";
}

// # Times of day.
resolves! {
    clock_am, "at 6am as many occupants slept", "2019-01-04", "2019-01-04T06:00";
    clock_pm_about, "about 7:45 p.m.", "2019-11-08", "2019-11-08T19:45";
    clock_local_time, "around 2:00 p.m. local time", "2019-11-29", "2019-11-29T14:00";
    clock_upper, "4:00 A.M. local time", "2019-09-14", "2019-09-14T04:00";
    clock_military_utc, "0100 UTC", "2019-09-14", "2019-09-14T01:00";
    clock_24_gmt, "14:30 GMT", "2024-03-25", "2024-03-25T14:30";
    clock_noon_pm, "12 p.m.", "2024-03-25", "2024-03-25T12:00";
    clock_midnight_am, "12:30 a.m.", "2024-03-25", "2024-03-25T00:30";
    clock_et, "12:57 p.m. ET", "2024-03-25", "2024-03-25T12:57";
    clock_zone_offset, "9:00 p.m. GMT+3", "2024-03-25", "2024-03-25T21:00";
    clock_dot, "at 9.30pm", "2024-03-25", "2024-03-25T21:30";
    clock_shortly_after, "shortly after 10 a.m.", "2024-03-25", "2024-03-25T10:00";
    clock_hours, "at 1430 hours", "2024-03-25", "2024-03-25T14:30";
    clock_after_weekday, "On Friday at 7:45 p.m. police arrived", "2019-11-10", "2019-11-08";
    clock_no_anchor, "12:57 p.m.", "none", "XXXX-XX-XXT12:57";
    noon, "at noon", "2024-03-25", "2024-03-25T12:00";
    midnight, "at midnight", "2024-03-25", "2024-03-25T24:00";
    pre_dawn, "a pre-dawn attack", "2019-09-14", "2019-09-14TMO";
    overnight, "overnight", "2024-03-25", "2024-03-25TNI";
    in_the_morning, "in the morning", "2024-03-25", "2024-03-25TMO";
    at_night, "at night", "2024-03-25", "2024-03-25TNI";
}

// # Durations and ages.
resolves! {
    two_decades, "Russia's worst for two decades", "2024-03-25", "P20Y";
    hours_48, "within 48 hours", "2024-03-25", "PT48H";
    hours_24, "this would take 24 hours", "2024-03-25", "PT24H";
    over_30_hours, "trapped for over 30 hours", "2024-03-25", "PT30H";
    seventeen_years, "ongoing for seventeen years", "2024-03-25", "P17Y";
    eight_years, "a sentence of eight years", "2024-03-25", "P8Y";
    two_years, "two years", "2024-03-25", "P2Y";
    five_days, "a five-day strike", "2024-03-25", "P5D";
    ten_minutes, "ten minutes", "2024-03-25", "PT10M";
    thirty_seconds, "30 seconds", "2024-03-25", "PT30S";
    three_weeks, "three weeks", "2024-03-25", "P3W";
    six_months, "six months", "2024-03-25", "P6M";
    a_decade, "for a decade", "2024-03-25", "P10Y";
    a_century, "for a century", "2024-03-25", "P100Y";
    a_fortnight, "for a fortnight", "2024-03-25", "P2W";
    for_a_year, "for a year", "2024-03-25", "P1Y";
    half_hours, "1.5 hours", "2024-03-25", "PT1.5H";
    twenty_five_years, "twenty-five years", "2024-03-25", "P25Y";
    the_last_five_years, "the last five years", "2024-03-25", "P5Y";
    the_past_two_weeks, "the past two weeks", "2024-03-25", "P2W";
    the_next_three_months, "the next three months", "2024-03-25", "P3M";
    a_few_months, "a few months", "2024-03-25", "PXM";
    a_few_weeks, "a few weeks", "2024-03-25", "PXW";
    several_years, "several years", "2024-03-25", "PXY";
    a_couple_of_days, "a couple of days", "2024-03-25", "PXD";
    decades_bare, "ending decades of conflict", "2024-03-25", "PXDE";
    centuries_bare, "centuries of rule", "2024-03-25", "PXCE";
    for_years, "for years", "2024-03-25", "PXY";
    for_months, "for months", "2024-03-25", "PXM";
    age_25, "a 25-year-old man", "2024-03-25", "P25Y";
    age_eleven_months, "an eleven-month-old boy", "2024-03-25", "P11M";
    age_spaced, "a 6 year old girl", "2024-03-25", "P6Y";
    sixteen_year_term, "a sixteen-year sentence", "2024-03-25", "P16Y";
    age_days, "a three-day-old baby", "2024-03-25", "P3D";
    hundred_years, "a hundred years", "2024-03-25", "P100Y";
    nearly_a_decade, "nearly a decade", "2024-03-25", "P10Y";
    more_than_two_years, "more than two years", "2024-03-25", "P2Y";
}

// # Sets.
resolves! {
    every_friday, "every Friday", "2024-03-25", "XXXX-WXX-5";
    every_monday, "every Monday", "2024-03-25", "XXXX-WXX-1";
    on_sundays, "on Sundays", "2024-03-25", "XXXX-WXX-7";
    every_day, "every day", "2024-03-25", "P1D";
    every_week, "every week", "2024-03-25", "P1W";
    every_year, "each year", "2024-03-25", "P1Y";
    every_morning, "every morning", "2024-03-25", "XXXX-XX-XXTMO";
    daily, "daily", "2024-03-25", "P1D";
    weekly, "weekly", "2024-03-25", "P1W";
    monthly, "monthly", "2024-03-25", "P1M";
    annually, "annually", "2024-03-25", "P1Y";
    per_day, "barrels of per-day production", "2024-03-25", "P1D";
    per_year, "per year", "2024-03-25", "P1Y";
    twice_a_week, "three times a week", "2024-03-25", "P1W";
    hourly, "hourly", "2024-03-25", "PT1H";
}

// # Present, past and future references.
resolves! {
    now, "The region is now calm", "2024-03-25", "PRESENT_REF";
    right_now, "right now", "2024-03-25", "PRESENT_REF";
    currently, "currently", "2024-03-25", "PRESENT_REF";
    at_present, "at present", "2024-03-25", "PRESENT_REF";
    nowadays, "nowadays", "2024-03-25", "PRESENT_REF";
    these_days, "these days", "2024-03-25", "PRESENT_REF";
    at_the_moment, "at the moment", "2024-03-25", "PRESENT_REF";
    recently, "the group recently said", "2024-03-25", "PAST_REF";
    lately, "lately", "2024-03-25", "PAST_REF";
    in_the_past, "in the past", "2024-03-25", "PAST_REF";
    in_recent_years, "in recent years", "2024-03-25", "PAST_REF";
    in_the_future, "in the future", "2024-03-25", "FUTURE_REF";
    soon, "talks will resume soon", "2024-03-25", "FUTURE_REF";
    near_future, "in the near future", "2024-03-25", "FUTURE_REF";
    coming_days, "in the coming days", "2024-03-25", "FUTURE_REF";
    no_anchor_ref, "now", "none", "PRESENT_REF";
}

// # Anaphora: the last date mentioned.
resolves! {
    that_day, "He flew there on Monday. In a meeting that day he was told", "2019-01-04", "2018-12-31";
    that_same_day, "It came on July 31. That same day, officials met", "2019-09-17", "2019-07-31";
    the_day_after, "on March 23, 2024, the day after a gun attack", "2024-03-25", "2024-03-23";
    the_next_day, "It began in 2011 on June 3, 2011; the next day", "2024-03-25", "2011";
    three_years_later, "in 2011 and three years later", "2019-11-10", "2011";
    at_the_time, "in August 2018, with officials reporting at the time", "2019-01-24", "2018-08";
    that_day_no_reference, "that day", "2024-03-25", "2024-03-25";
    that_day_no_anchor, "that day", "none", "XXXX-XX-XX";
}

/// The second expression of a phrase, for anaphora that need an antecedent.
fn second(text: &str, anchor: &str) -> String {
    let anchor = NaiveDate::parse_from_str(anchor, "%Y-%m-%d").ok();
    scan(text, &TimesConfig { anchor })[1].value.clone()
}

#[test]
fn anaphora_take_the_antecedent() {
    assert_eq!(second("on March 23, 2024, the day after a gun attack", "2024-03-25"), "2024-03-24");
    assert_eq!(second("It began on June 3, 2011; the next day", "2024-03-25"), "2011-06-04");
    assert_eq!(second("in 2011 and three years later", "2019-11-10"), "2014");
    assert_eq!(
        second("in August 2018, with officials reporting at the time", "2019-01-24"),
        "2018-08"
    );
    assert_eq!(
        second("on Monday. He moved in the day before the blast", "2019-01-04"),
        "2018-12-30"
    );
    assert_eq!(
        second("On Friday, police said. At about 7:45 p.m. they", "2019-11-10"),
        "2019-11-08T19:45"
    );
    assert_eq!(
        second("He was killed on Friday. That night, crowds gathered", "2024-03-25"),
        "2024-03-22TNI"
    );
}

#[test]
fn zone_is_kept_apart_from_the_value() {
    let anchor = NaiveDate::from_ymd_opt(2024, 3, 25);
    let found = scan("Update 03/25/24, 12:57 p.m. ET: more", &TimesConfig { anchor });
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value, "2024-03-25T12:57");
    assert_eq!(found[0].zone.as_deref(), Some("ET"));
    let found = scan("at 9:00 p.m. GMT+3", &TimesConfig { anchor });
    assert_eq!(found[0].zone.as_deref(), Some("GMT+3"));
}

#[test]
fn spans_are_the_expression() {
    let text =
        "IS-Khorasan, founded in Afghanistan in late 2014, said it was behind Friday's attack";
    let found = scan(text, &TimesConfig { anchor: NaiveDate::from_ymd_opt(2024, 3, 25) });
    let spans: Vec<&str> =
        found.iter().map(|f| crate::chars::slice(text, f.span.range())).collect();
    assert_eq!(spans, ["late 2014", "Friday"]);
}

// # Impossible or odd input: left unresolved on purpose, never a panic.
no_time! {
    february_30, "February 30, 2024";
    april_31, "April 31";
    the_45th, "the 45th of March";
    year_99999, "in 99999";
    clock_24_61, "24:61 GMT";
    clock_13_pm, "13 p.m.";
    bad_numeric_date, "13/13/2024";
    may_modal, "The court May rule";
    a_count_of_people, "Police say 2000 people marched";
    over_a_count, "over 1800 people have died";
    march_verb, "Thousands March through the city";
    money_not_year, "a $2024 fine";
    thousands_not_year, "2,000 people";
    percent_not_year, "2020%";
    now_defunct, "the now-defunct party";
    one_day_story, "One day he left";
    a_second_attack, "a second attack";
    empty, "";
    whitespace, "   \n ";
}

#[test]
fn feb_29_in_a_common_year_is_impossible() {
    // Resolved to 2023 by the backward tense, where it does not exist.
    let found = scan(
        "He was born on February 29",
        &TimesConfig { anchor: NaiveDate::from_ymd_opt(2023, 3, 1) },
    );
    assert!(found.is_empty());
}

#[test]
fn impossible_dates_leave_a_diagnostic() {
    use crate::doc::{Document, Meta, Stamp};
    let meta = Meta {
        published: Some(Stamp::Date(NaiveDate::from_ymd_opt(2024, 3, 25).unwrap())),
        ..Meta::default()
    };
    let mut doc =
        Document::new("t", meta, "It happened on February 30, 2024. Then 24:61 GMT.".to_string());
    crate::segment::segment(&mut doc);
    super::find_times(&mut doc);
    assert!(doc.times.is_empty());
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| d.stage == "times" && d.message.contains("impossible date")));
}

#[test]
fn update_notes_in_removed_are_scanned() {
    use crate::doc::{Document, Meta, Place, RemovalReason, Removed};
    let mut doc = Document::new("t", Meta::default(), "Nothing here.".to_string());
    doc.removed.push(Removed::new("Friday, January 4, 2019", RemovalReason::Byline));
    doc.removed.push(Removed::new(
        "Updated 04/02/24, 9:15 a.m. ET: This article was updated on Friday.",
        RemovalReason::Byline,
    ));
    crate::segment::segment(&mut doc);
    super::find_times(&mut doc);
    assert_eq!(doc.times.len(), 1, "{:?}", doc.times);
    assert_eq!(doc.times[0].place, Place::Removed(1));
    assert_eq!(doc.times[0].value, "2024-04-02T09:15");
}

#[test]
fn no_anchor_never_reads_the_clock() {
    for text in
        ["Friday", "yesterday", "last year", "two days ago", "12:57 p.m.", "in May", "this week"]
    {
        for f in scan(text, &TimesConfig { anchor: None }) {
            assert!(f.value.contains('X') || f.value.starts_with('P'), "{text}: {}", f.value);
        }
    }
}

#[test]
fn long_input_is_linear_and_does_not_panic() {
    let sentence =
        "On Friday, at least 20 people died in 2019 after 48 hours; 3/3/3 12:99 p.m. 9999-99-99. ";
    let text = sentence.repeat(500);
    let found = scan(&text, &TimesConfig { anchor: NaiveDate::from_ymd_opt(2024, 3, 25) });
    assert!(found.len() >= 1500);
}

proptest::proptest! {
    #[test]
    fn never_panics(text in "\\PC{0,200}") {
        let _ = scan(&text, &TimesConfig { anchor: NaiveDate::from_ymd_opt(2024, 3, 25) });
        let _ = scan(&text, &TimesConfig { anchor: None });
    }
}

#[test]
fn a_months_sentence_final_period_is_not_its_own() {
    let text = "Sentencing was set for July. The vote is on Sept. 5.";
    let found = scan(text, &TimesConfig { anchor: None });
    let texts: Vec<&str> = found.iter().filter_map(|f| text.get(f.span.range())).collect();
    assert_eq!(texts, ["July", "Sept. 5"]);
}

/// Rules compile when a text first needs them: every one must, and the
/// set must agree with each rule on which texts it matches.
#[test]
fn every_rule_compiles_and_the_set_agrees_with_it() {
    let texts = [
        "On Friday, March 22, 2024, at 9 p.m. MSK, 137 people were killed",
        "three days ago, in the 1990s, last week, every Monday, 2019-09-01",
        "during the first quarter of 2020, at 0930 UTC, a 25-year-old man",
    ];
    for rule in super::RULES.iter() {
        let regex = rule.regex();
        for text in texts {
            let in_set =
                super::RULE_SET.matches(text).iter().any(|i| std::ptr::eq(&super::RULES[i], rule));
            assert_eq!(in_set, regex.is_match(text), "{:?} on {text:?}", rule.rule);
        }
    }
}

/// The DFA `build.rs` compiled is the rules' own: it is read, and it says
/// which rules match as the set of their regexes does, on every sentence
/// of the Wikinews 2019 articles and on texts made of the rules' words.
#[test]
fn the_compiled_rules_agree_with_the_set() {
    assert!(super::RULE_DFA.is_some(), "the compiled DFA reads and has every rule");
    let set = |text: &str| -> Vec<usize> { super::RULE_SET.matches(text).into_iter().collect() };
    let corpus = include_str!("../../../../testdata/wikinews/wikinews_2019.csv");
    let mut matched = 0;
    for text in corpus.split(['.', '\n']) {
        let rules = super::rules_matching(text);
        assert_eq!(rules, set(text), "{text:?}");
        matched += usize::from(!rules.is_empty());
    }
    assert!(matched > 1_000, "the rules match the corpus's sentences: {matched}");
    proptest::proptest!(|(words in proptest::collection::vec(proptest::sample::select(vec![
        "Friday", "friday", "March", "Sept.", "22", "2024", "9", "p.m.", "MSK", "at", "the",
        "night", "of", "three", "days", "ago", "1990s", "last", "week", "every", "Monday", "-",
        "2019-09-01", "first", "quarter", "0930", "UTC", "25-year-old", "Christmas", "now",
        "é", ",", "  ", "year", "early", "mid", "late",
    ]), 0..12))| {
        let text = words.join(" ");
        proptest::prop_assert_eq!(super::rules_matching(&text), set(&text), "{:?}", text);
    });
}
