//! Resolution: a rule's match to its TimeML value, one function per rule
//! (or family of rules), against the anchor, the sentence's tense and the
//! last date the text named.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::{rule_regex, Ctx, Direction, Rule, State, NAMED};
use crate::doc::TimeKind;
use crate::lean::Captures;
use crate::read::dates::month_number;

/// What a rule's match resolves to: a value, nothing (the match is no time
/// expression), or why it cannot be a time (an impossible date).
type Resolution = Result<Option<Resolved>, String>;

/// A time expression's value, as the record gives it.
pub(super) struct Resolved {
    pub(super) value: String,
    pub(super) kind: TimeKind,
    pub(super) zone: Option<String>,
}

fn date(value: String) -> Resolved {
    Resolved { value, kind: TimeKind::Date, zone: None }
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

fn part_code(part: &str) -> &'static str {
    match part.to_ascii_lowercase().as_str() {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        _ => "TNI",
    }
}

fn weekday(name: &str) -> Option<Weekday> {
    name.trim_end_matches('s').parse().ok()
}

/// The day with weekday `wd` nearest to `anchor` in `dir`; backward
/// includes the anchor itself, forward starts the day after, near takes
/// the closer of the two ways (the anchor itself first).
fn nearest_weekday(anchor: NaiveDate, wd: Weekday, dir: Direction, strict: bool) -> NaiveDate {
    let from = anchor.weekday().num_days_from_monday() as i64;
    let to = wd.num_days_from_monday() as i64;
    match dir {
        Direction::Past => {
            let mut back = (from - to).rem_euclid(7);
            if back == 0 && strict {
                back = 7;
            }
            anchor - chrono::Duration::days(back)
        }
        Direction::Future => {
            let mut ahead = (to - from).rem_euclid(7);
            if ahead == 0 {
                ahead = 7;
            }
            anchor + chrono::Duration::days(ahead)
        }
        Direction::Near => {
            let (back, ahead) = ((from - to).rem_euclid(7), (to - from).rem_euclid(7));
            if back <= ahead {
                anchor - chrono::Duration::days(back)
            } else {
                anchor + chrono::Duration::days(ahead)
            }
        }
    }
}

/// The year of a yearless month (and day) nearest to the anchor in `dir`.
fn year_for(anchor: NaiveDate, month: u32, day: u32, dir: Direction) -> i32 {
    let key = (month, day);
    let now = (anchor.month(), anchor.day());
    match dir {
        Direction::Past if key > now => anchor.year() - 1,
        Direction::Future | Direction::Near if key < now => anchor.year() + 1,
        _ => anchor.year(),
    }
}

fn two_digit_year(y: &str) -> Option<i32> {
    let v: i32 = y.parse().ok()?;
    Some(if y.len() == 2 {
        if v < 70 {
            2000 + v
        } else {
            1900 + v
        }
    } else {
        v
    })
}

fn checked_date(y: i32, m: u32, d: u32, text: &str) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("impossible date: {text}"))
}

/// A calendar date in any of the numeric or month-name styles, with its
/// year filled from the anchor and tense when the text has none.
fn parse_date_part(text: &str, ctx: &Ctx<'_>) -> Result<Option<String>, String> {
    for rule in [Rule::IsoDate, Rule::NumericDate, Rule::MonthDay, Rule::DayMonth] {
        let re = rule_regex(rule);
        if let Some(caps) = re.captures(text) {
            if let Some(res) = resolve(rule, &caps, ctx, &State::default())? {
                return Ok(Some(res.value));
            }
        }
    }
    Ok(None)
}

fn clock(h: u32, m: u32, ap: Option<&str>) -> Option<(u32, u32)> {
    let h = match ap.map(|s| s.to_ascii_lowercase()) {
        Some(ap) if (1..=12).contains(&h) => match (ap.as_str(), h) {
            ("a", 12) => 0,
            ("a", h) => h,
            ("p", 12) => 12,
            (_, h) => h + 12,
        },
        Some(_) => return None,
        None if h <= 23 => h,
        None => return None,
    };
    (m <= 59).then_some((h, m))
}

/// The unit letters of a duration and how many of them one unit is.
fn unit_code(unit: &str) -> (&'static str, &'static str, f64) {
    let u = unit.to_ascii_lowercase();
    let u = u.trim_end_matches('s');
    match u {
        "second" => ("T", "S", 1.0),
        "minute" => ("T", "M", 1.0),
        "hour" => ("T", "H", 1.0),
        "day" => ("", "D", 1.0),
        "week" => ("", "W", 1.0),
        "fortnight" => ("", "W", 2.0),
        "month" => ("", "M", 1.0),
        "decade" => ("", "Y", 10.0),
        "century" | "centurie" => ("", "Y", 100.0),
        _ => ("", "Y", 1.0),
    }
}

/// `P20Y`, `PT48H`, or `PXM` for a vague amount.
fn duration_value(n: Option<&str>, unit: &str) -> Option<String> {
    let (t, letter, factor) = unit_code(unit);
    let lower_unit = unit.to_ascii_lowercase();
    let amount = match n.map(|s| s.trim().to_ascii_lowercase()) {
        None => None,
        Some(s) if s == "a" || s == "an" => Some(1.0),
        Some(s)
            if ["a few", "several", "many", "few"]
                .contains(&s.split_whitespace().collect::<Vec<_>>().join(" ").as_str())
                || s.starts_with("a couple") =>
        {
            None
        }
        Some(s) => Some(crate::numbers::parse(&s)?.value),
    };
    Some(match amount {
        Some(v) => {
            let v = v * factor;
            if v.fract() == 0.0 {
                format!("P{t}{}{letter}", v as u64)
            } else {
                format!("P{t}{v}{letter}")
            }
        }
        // Vague plural decades and centuries keep their own unit.
        None if lower_unit.starts_with("decade") => "PXDE".to_string(),
        None if lower_unit.starts_with("centur") => "PXCE".to_string(),
        None => format!("P{t}X{letter}"),
    })
}

fn shift(
    anchor: NaiveDate,
    amount: i64,
    unit: &str,
    back: bool,
) -> Option<(NaiveDate, &'static str)> {
    let (_, letter, factor) = unit_code(unit);
    let amount = (amount as f64 * factor) as i64;
    let u = unit.to_ascii_lowercase();
    if u.starts_with("hour") || u.starts_with("minute") || u.starts_with("second") {
        return Some((anchor, "D"));
    }
    let days = match letter {
        "D" => amount,
        "W" => amount * 7,
        _ => 0,
    };
    let moved = if days != 0 {
        if back {
            anchor.checked_sub_days(Days::new(days as u64))?
        } else {
            anchor.checked_add_days(Days::new(days as u64))?
        }
    } else {
        let months = if letter == "M" { amount } else { amount * 12 };
        if back {
            anchor.checked_sub_months(Months::new(months as u32))?
        } else {
            anchor.checked_add_months(Months::new(months as u32))?
        }
    };
    Some((moved, if letter == "D" && factor == 1.0 { "D" } else { letter }))
}

fn at_precision(d: NaiveDate, letter: &str) -> String {
    match letter {
        "D" => ymd(d),
        "W" => week(d),
        "M" => d.format("%Y-%m").to_string(),
        _ => d.year().to_string(),
    }
}

/// The date of the last mentioned year, month or day, as a NaiveDate and
/// the precision it had.
fn reference_date(state: &State) -> Option<(NaiveDate, &'static str)> {
    let value = state.value.as_deref()?;
    let mut parts = value.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    match (parts.next().and_then(|m| m.parse().ok()), parts.next().and_then(|d| d.parse().ok())) {
        (Some(m), Some(d)) => Some((NaiveDate::from_ymd_opt(y, m, d)?, "D")),
        (Some(m), None) => Some((NaiveDate::from_ymd_opt(y, m, 1)?, "M")),
        _ => Some((NaiveDate::from_ymd_opt(y, 1, 1)?, "Y")),
    }
}

const UNKNOWN_DAY: &str = "XXXX-XX-XX";

/// "Police say 2000 people marched": a number of year shape before a noun
/// for people counts them, unless a preposition of time puts it in a
/// year ("in 2000 people voted ...").
fn counts_people(text: &str, start: usize, after: &str) -> bool {
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let previous = crate::chars::before(text, start)
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    crate::counts::PEOPLE.contains(&next.as_str())
        && !matches!(
            previous.as_str(),
            "in" | "since" | "of" | "by" | "from" | "until" | "before" | "after" | "during"
        )
}

/// The value of `rule`'s match `caps` in `ctx`.
pub(super) fn resolve(rule: Rule, caps: &Captures<'_>, ctx: &Ctx<'_>, state: &State) -> Resolution {
    let g = &Groups(caps);
    match rule {
        Rule::DateTime => date_time(g, ctx),
        Rule::IsoDate => iso_date(g),
        Rule::NumericDate => numeric_date(g),
        Rule::MonthDay | Rule::DayMonth => month_day(g, ctx),
        Rule::MonthYear => month_year(g, ctx),
        Rule::MonthBare => month_bare(g, ctx),
        Rule::Named => named(g, ctx),
        Rule::Decade => decade(g),
        Rule::Year => year(g, ctx),
        Rule::Season => season(g, ctx),
        Rule::Quarter => quarter(g, ctx),
        Rule::NightOf => night_of(g, ctx),
        Rule::Weekday => weekday_name(g, ctx),
        Rule::DayWord => day_word(g, ctx),
        Rule::Ago => ago(g, ctx, state),
        Rule::Relative => relative(g, ctx, state),
        Rule::Anaphor => anaphor(g, ctx, state),
        Rule::PartOfDay => part_of_day(g, ctx, state),
        Rule::ClockAmPm | Rule::Clock24 => clock_time(g, ctx, state),
        Rule::Age | Rule::Duration => duration(rule, g, ctx),
        Rule::BareDuration => bare_duration(g, ctx),
        Rule::Set => set(g),
        Rule::Ref => reference(g, ctx),
    }
}

/// A rule's match, as the resolvers read it.
struct Groups<'c, 't>(&'c Captures<'t>);

impl<'t> Groups<'_, 't> {
    /// The text of the group `name`, where it took part.
    fn get(&self, name: &str) -> Option<&'t str> {
        self.0.name(name).map(|m| m.as_str())
    }

    /// The text the rule matched: its `t` group, else the whole match.
    fn text(&self) -> &'t str {
        super::expression(self.0).as_str()
    }
}

/// A date with a clock time: "March 22, 2024, at 9 p.m. MSK".
fn date_time(g: &Groups<'_, '_>, ctx: &Ctx<'_>) -> Resolution {
    let t = g.text();
    let Some(day) = parse_date_part(t, ctx)? else { return Ok(None) };
    let re = rule_regex(Rule::ClockAmPm);
    // The clock follows the date: search after the date's digits.
    let tail_start = t.find(',').or_else(|| t.find(" at ")).unwrap_or(0);
    let Some(c) = re.captures(crate::chars::after(t, tail_start)) else { return Ok(None) };
    let (h, m) = match clock(
        c.name("h").map_or(99, |h| h.as_str().parse().unwrap_or(99)),
        c.name("m").map_or(Some(0), |m| m.as_str().parse().ok()).unwrap_or(99),
        c.name("ap").map(|m| m.as_str()),
    ) {
        Some(hm) => hm,
        None => return Err(format!("impossible time: {t}")),
    };
    Ok(Some(Resolved {
        value: format!("{day}T{h:02}:{m:02}"),
        kind: TimeKind::Time,
        zone: g.get("zone").map(str::to_string),
    }))
}

/// An ISO date, with its time if written: "2024-03-22", "2024-03-22T21:10".
fn iso_date(g: &Groups<'_, '_>) -> Resolution {
    let t = g.text();
    let y: i32 = g.get("y").unwrap_or("").parse().map_err(|_| format!("bad year: {t}"))?;
    let m: u32 = g.get("m").unwrap_or("").parse().unwrap_or(0);
    let d: u32 = g.get("d").unwrap_or("").parse().unwrap_or(0);
    let day = checked_date(y, m, d, t)?;
    Ok(Some(match (g.get("hh"), g.get("mm")) {
        (Some(hh), Some(mm)) => {
            let Some((h, m)) = clock(hh.parse().unwrap_or(99), mm.parse().unwrap_or(99), None)
            else {
                return Err(format!("impossible time: {t}"));
            };
            Resolved {
                value: format!("{}T{h:02}:{m:02}", ymd(day)),
                kind: TimeKind::Time,
                zone: None,
            }
        }
        _ => date(ymd(day)),
    }))
}

/// A numeric date, US order unless the first number cannot be a month:
/// "3/22/2024", "22/3/24".
fn numeric_date(g: &Groups<'_, '_>) -> Resolution {
    let t = g.text();
    let a: u32 = g.get("a").unwrap_or("").parse().unwrap_or(0);
    let b: u32 = g.get("b").unwrap_or("").parse().unwrap_or(0);
    let y = two_digit_year(g.get("y").unwrap_or("")).ok_or_else(|| format!("bad year: {t}"))?;
    // US order first; day-first when the first number cannot be a month.
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    Ok(Some(date(ymd(checked_date(y, m, d, t)?))))
}

/// A month and day, with the year from the text or from the anchor and the
/// sentence's tense: "March 22", "22nd of March 2024".
fn month_day(g: &Groups<'_, '_>, ctx: &Ctx<'_>) -> Resolution {
    let t = g.text();
    let anchor = ctx.anchor;
    let m =
        month_number(g.get("mon").unwrap_or("")).ok_or_else(|| format!("unknown month: {t}"))?;
    let d: u32 = g.get("d").unwrap_or("").parse().unwrap_or(0);
    if !(1..=31).contains(&d) {
        return Err(format!("impossible day of month: {t}"));
    }
    Ok(Some(match g.get("y").and_then(|y| y.parse::<i32>().ok()) {
        Some(y) => date(ymd(checked_date(y, m, d, t)?)),
        None => match anchor {
            Some(a) => {
                let y = year_for(a, m, d, ctx.direction());
                // Leap days and "February 30" are checked in the chosen year.
                date(ymd(checked_date(y, m, d, t)?))
            }
            None => {
                checked_date(2000, m, d, t)?;
                date(format!("XXXX-{m:02}-{d:02}"))
            }
        },
    }))
}

/// A month of a year: "March 2024", "early March last year".
fn month_year(g: &Groups<'_, '_>, ctx: &Ctx<'_>) -> Resolution {
    let t = g.text();
    let anchor = ctx.anchor;
    let m =
        month_number(g.get("mon").unwrap_or("")).ok_or_else(|| format!("unknown month: {t}"))?;
    let y = match (g.get("y"), g.get("rel")) {
        (Some(y), _) => y.parse::<i32>().ok(),
        (None, Some(rel)) => anchor.map(|a| {
            a.year()
                + match rel.to_ascii_lowercase().as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                }
        }),
        _ => None,
    };
    Ok(Some(match y {
        Some(y) => date(format!("{y:04}-{m:02}")),
        None => date(format!("XXXX-{m:02}")),
    }))
}

/// A month alone, its year from the anchor and the tense ("in March",
/// "next March"); a month name read as another word is no time.
fn month_bare(g: &Groups<'_, '_>, ctx: &Ctx<'_>) -> Resolution {
    let t = g.text();
    let anchor = ctx.anchor;
    let mon = g.get("mon").unwrap_or("");
    let full = mon.len() > 4 || mon == "June" || mon == "July";
    // "May" and "March" are also a verb: bare, they need a
    // preposition or a modifier to be months.
    let ambiguous = matches!(mon, "May" | "March") || !full;
    if g.get("pre").is_none() && g.get("mod").is_none() && ambiguous {
        return Ok(None);
    }
    let m = month_number(mon).ok_or_else(|| format!("unknown month: {t}"))?;
    let modifier = g.get("mod").map(|s| s.to_ascii_lowercase());
    Ok(Some(match anchor {
        Some(a) => {
            let y = match modifier.as_deref() {
                Some("last") => {
                    if m >= a.month() {
                        a.year() - 1
                    } else {
                        a.year()
                    }
                }
                Some("next") => {
                    if m <= a.month() {
                        a.year() + 1
                    } else {
                        a.year()
                    }
                }
                Some("this") => a.year(),
                _ => year_for(a, m, 1, ctx.direction()),
            };
            date(format!("{y:04}-{m:02}"))
        }
        None => date(format!("XXXX-{m:02}")),
    }))
}

/// A named day (`data/named_dates.tsv`): "Christmas Day", "New Year's Eve".
fn named(g: &Groups<'_, '_>, ctx: &Ctx<'_>) -> Resolution {
    let t = g.text();
    let anchor = ctx.anchor;
    let name = NAMED
        .iter()
        .find(|(n, _)| n.split_whitespace().eq(t.split_whitespace()))
        .map(|(_, v)| *v)
        .unwrap_or("");
    Ok(Some(if let Some(md) = name.strip_prefix("XXXX-") {
        let (m, d) = md.split_once('-').unwrap_or(("", ""));
        let (m, d): (u32, u32) = (m.parse().unwrap_or(1), d.parse().unwrap_or(1));
        match anchor {
            Some(a) => date(format!("{:04}-{md}", year_for(a, m, d, ctx.direction()))),
            None => date(name.to_string()),
        }
    } else if name.is_empty() {
        return Ok(None);
    } else {
        date(name.to_string())
    }))
}

/// A decade: "the 1990s", "the late 1980s".
fn decade(g: &Groups<'_, '_>) -> Resolution {
    Ok(Some(date(g.get("y").unwrap_or("XXX").to_string())))
}

/// A year, unless the number counts people ("in 2000 people voted"): "2024",
/// "early 2019".
fn year(g: &Groups<'_, '_>, ctx: &Ctx<'_>) -> Resolution {
    // Money, percentages and thousands are not years.
    let before = crate::chars::before(ctx.text, ctx.start).chars().next_back();
    let after = crate::chars::after(ctx.text, ctx.end);
    if matches!(before, Some('$' | '€' | '£' | '#'))
        || after.starts_with('%')
        || after.starts_with(",0")
        || after.starts_with(|c: char| c.is_ascii_digit())
        || (after.starts_with('.')
            && crate::chars::skip_first_char(after).starts_with(|c: char| c.is_ascii_digit()))
        || after.trim_start().to_ascii_lowercase().starts_with("percent")
        || counts_people(ctx.text, ctx.start, after)
    {
        return Ok(None);
    }
    Ok(Some(date(g.get("y").unwrap_or("").to_string())))
}

/// A season, of the year written or the anchor's: "last summer", "spring of 2020".
fn season(g: &Groups<'_, '_>, ctx: &Ctx<'_>) -> Resolution {
    let anchor = ctx.anchor;
    let season = match g.get("s").unwrap_or("").to_ascii_lowercase().as_str() {
        "spring" => "SP",
        "summer" => "SU",
        "winter" => "WI",
        _ => "FA",
    };
    let rel = g.get("rel").map(|r| r.to_ascii_lowercase());
    let year = match (g.get("y"), rel.as_deref(), anchor) {
        (Some(y), _, _) => Some(y.to_string()),
        (None, Some("this"), Some(a)) => Some(a.year().to_string()),
        (None, Some("last"), Some(a)) => Some((a.year() - 1).to_string()),
        (None, Some("next"), Some(a)) => Some((a.year() + 1).to_string()),
        (None, Some("this" | "last" | "next"), None) => Some("XXXX".to_string()),
        _ => None,
    };
    Ok(Some(match year {
        Some(y) => date(format!("{y}-{season}")),
        None => return Ok(None),
    }))
}

/// A quarter of a year: "the first quarter of 2020", "Q3 2024".
fn quarter(g: &Groups<'_, '_>, ctx: &Ctx<'_>) -> Resolution {
    let anchor = ctx.anchor;
    let q = match g.get("qn").or(g.get("q")).unwrap_or("").to_ascii_lowercase().as_str() {
        "1" | "first" | "1st" => 1,
        "2" | "second" | "2nd" => 2,
        "3" | "third" | "3rd" => 3,
        "4" | "fourth" | "4th" | "final" => 4,
        // "the last quarter" is the one before the anchor's.
        _ => match anchor {
            Some(a) => {
                let q = (a.month() - 1) / 3 + 1;
                let (y, q) = if q == 1 { (a.year() - 1, 4) } else { (a.year(), q - 1) };
                return Ok(Some(date(format!("{y}-Q{q}"))));
            }
            None => return Ok(Some(date("XXXX-QX".to_string()))),
        },
    };
    let year =
        match (g.get("y").or(g.get("y2")), g.get("rel").map(|r| r.to_ascii_lowercase()), anchor) {
            (Some(y), _, _) => y.to_string(),
            (None, Some(rel), Some(a)) => (a.year()
                + if rel == "last" {
                    -1
                } else if rel == "next" {
                    1
                } else {
                    0
                })
            .to_string(),
            (None, None, Some(a)) => a.year().to_string(),
            _ => "XXXX".to_string(),
        };
    Ok(Some(date(format!("{year}-Q{q}"))))
}

/// The night between two days: "the night of Friday to Saturday".
fn night_of(g: &Groups<'_, '_>, ctx: &Ctx<'_>) -> Resolution {
    let anchor = ctx.anchor;
    let wd = weekday(g.get("w").unwrap_or("")).ok_or("unknown weekday")?;
    let day = match anchor {
        Some(a) => ymd(nearest_weekday(a, wd, ctx.direction(), false)),
        None => UNKNOWN_DAY.to_string(),
    };
    Ok(Some(Resolved { value: format!("{day}TNI"), kind: TimeKind::Time, zone: None }))
}

/// A weekday, the nearest one the tense points to: "on Friday", "last
/// Tuesday evening".
fn weekday_name(g: &Groups<'_, '_>, ctx: &Ctx<'_>) -> Resolution {
    let anchor = ctx.anchor;
    let wd = weekday(g.get("w").unwrap_or("")).ok_or("unknown weekday")?;
    let rel = g.get("rel").map(|r| r.to_ascii_lowercase());
    let day = match anchor {
        Some(a) => {
            let (dir, strict) = match rel.as_deref() {
                Some("last" | "past") => (Direction::Past, true),
                Some(r) if r.starts_with("this past") => (Direction::Past, true),
                Some("next" | "coming") => (Direction::Future, true),
                Some(r) if r.starts_with("this coming") => (Direction::Future, true),
                _ => (ctx.direction(), false),
            };
            ymd(nearest_weekday(a, wd, dir, strict))
        }
        None => UNKNOWN_DAY.to_string(),
    };
    Ok(Some(match g.get("part") {
        Some(part) => Resolved {
            value: format!("{day}{}", part_code(part)),
            kind: TimeKind::Time,
            zone: None,
        },
        None => date(day),
    }))
}

/// A day named relative to the anchor: "yesterday", "tomorrow morning",
/// "earlier today".
fn day_word(g: &Groups<'_, '_>, ctx: &Ctx<'_>) -> Resolution {
    let anchor = ctx.anchor;
    let word = g.get("word").unwrap_or("").to_ascii_lowercase();
    let word = word.split_whitespace().collect::<Vec<_>>().join(" ");
    let (offset, part): (i64, Option<&str>) = match word.as_str() {
        "yesterday" => (-1, None),
        "tomorrow" => (1, None),
        "tonight" => (0, Some("TNI")),
        "last night" => (-1, Some("TNI")),
        "the day before yesterday" => (-2, None),
        "the day after tomorrow" => (2, None),
        "this morning" => (0, Some("TMO")),
        "this afternoon" => (0, Some("TAF")),
        "this evening" => (0, Some("TEV")),
        _ => (0, None),
    };
    let part = g.get("part").map(part_code).or(part);
    let day = match anchor {
        Some(a) => ymd(a + chrono::Duration::days(offset)),
        None => UNKNOWN_DAY.to_string(),
    };
    Ok(Some(match part {
        Some(p) => Resolved { value: format!("{day}{p}"), kind: TimeKind::Time, zone: None },
        None => date(day),
    }))
}

/// A point some time from the anchor (or the last date named): "three days
/// ago", "two weeks later".
fn ago(g: &Groups<'_, '_>, ctx: &Ctx<'_>, state: &State) -> Resolution {
    let anchor = ctx.anchor;
    let unit = g.get("u").unwrap_or("");
    let dir = g.get("dir").unwrap_or("").to_ascii_lowercase();
    let back = dir == "ago" || dir == "earlier";
    let amount = match g.get("n") {
        None => None,
        Some(n) if n.eq_ignore_ascii_case("a") || n.eq_ignore_ascii_case("an") => Some(1.0),
        Some(n) => crate::numbers::parse(n).map(|q| q.value),
    };
    let Some(amount) = amount.filter(|v| v.fract() == 0.0 && *v < 10_000.0) else {
        return Ok(Some(date(if back { "PAST_REF" } else { "FUTURE_REF" }.to_string())));
    };
    // "ago" counts from the anchor; "later"/"earlier" from the
    // last date mentioned, when there is one.
    let base = if dir == "ago" || dir.contains("now") || dir == "hence" {
        anchor.map(|a| (a, "D"))
    } else {
        reference_date(state).or(anchor.map(|a| (a, "D")))
    };
    Ok(Some(match base.and_then(|(d, _)| shift(d, amount as i64, unit, back)) {
        Some((d, letter)) => date(at_precision(d, letter)),
        None => date(match unit_code(unit).1 {
            "D" => UNKNOWN_DAY.to_string(),
            "W" => "XXXX-WXX".to_string(),
            "M" => "XXXX-XX".to_string(),
            _ => "XXXX".to_string(),
        }),
    }))
}

/// A period relative to the anchor: "last week", "this month", "the end of
/// the year".
fn relative(g: &Groups<'_, '_>, ctx: &Ctx<'_>, state: &State) -> Resolution {
    let anchor = ctx.anchor;
    let rel = g.get("rel").unwrap_or("").to_ascii_lowercase();
    let rel = rel.split_whitespace().collect::<Vec<_>>().join(" ");
    let unit = g.get("u").unwrap_or("").to_ascii_lowercase();
    if rel == "past" || rel == "coming" {
        return Ok(Some(Resolved {
            value: duration_value(Some("1"), &unit).unwrap_or_default(),
            kind: TimeKind::Duration,
            zone: None,
        }));
    }
    let base = if rel == "following" || rel == "the same" {
        reference_date(state).map(|(d, _)| d).or(anchor)
    } else {
        anchor
    };
    let step: i64 = match rel.as_str() {
        "last" | "previous" => -1,
        "next" | "following" => 1,
        _ => 0,
    };
    let Some(base) = base else {
        return Ok(Some(date(match unit.as_str() {
            "week" => "XXXX-WXX".into(),
            "weekend" => "XXXX-WXX-WE".into(),
            "month" => "XXXX-XX".into(),
            "decade" => "XXX".into(),
            "century" => "XX".into(),
            _ => "XXXX".into(),
        })));
    };
    let value = match unit.as_str() {
        "week" | "weekend" => {
            let d = if step < 0 {
                base - chrono::Duration::days(7)
            } else {
                base + chrono::Duration::days(7 * step)
            };
            if unit == "weekend" {
                format!("{}-WE", week(d))
            } else {
                week(d)
            }
        }
        "month" => {
            let d = if step < 0 {
                base.checked_sub_months(Months::new(1))
            } else {
                base.checked_add_months(Months::new(step as u32))
            }
            .ok_or("month out of range")?;
            d.format("%Y-%m").to_string()
        }
        "decade" => format!("{}", (base.year() + 10 * step as i32) / 10),
        "century" => format!("{:02}", (base.year() + 100 * step as i32) / 100),
        _ => format!("{}", base.year() + step as i32),
    };
    Ok(Some(date(value)))
}

/// A day told by the last date the text named: "that day", "the next
/// morning", "at the time".
fn anaphor(g: &Groups<'_, '_>, ctx: &Ctx<'_>, state: &State) -> Resolution {
    let t = g.text();
    let anchor = ctx.anchor;
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("at ") {
        return Ok(Some(date(state.value.clone().unwrap_or_else(|| "PAST_REF".to_string()))));
    }
    let day = state.day.or(anchor);
    let offset: i64 = match (g.get("dir").or(g.get("dir2")).or(g.get("dir3")))
        .map(|d| d.to_ascii_lowercase())
        .as_deref()
    {
        Some("before" | "previous" | "preceding" | "earlier") => -1,
        Some("after" | "next" | "following" | "later") => 1,
        _ => 0,
    };
    let part = g.get("u").or(g.get("su")).or(g.get("u2")).map(|u| u.to_ascii_lowercase());
    let value = match day {
        Some(d) => ymd(d + chrono::Duration::days(offset)),
        None => UNKNOWN_DAY.to_string(),
    };
    Ok(Some(match part.as_deref() {
        Some("day") | None => date(value),
        Some(p) => {
            Resolved { value: format!("{value}{}", part_code(p)), kind: TimeKind::Time, zone: None }
        }
    }))
}

/// A part of the last day named (or the anchor): "at dawn", "in the evening".
fn part_of_day(g: &Groups<'_, '_>, ctx: &Ctx<'_>, state: &State) -> Resolution {
    let t = g.text();
    let anchor = ctx.anchor;
    let lower = t.to_ascii_lowercase();
    let day = state.day.or(anchor).map(ymd).unwrap_or_else(|| UNKNOWN_DAY.to_string());
    let suffix =
        if lower.contains("dawn") || lower.contains("daybreak") || lower.contains("morning") {
            "TMO"
        } else if lower.contains("afternoon") {
            "TAF"
        } else if lower.contains("evening") {
            "TEV"
        } else if lower == "noon" || lower == "midday" {
            "T12:00"
        } else if lower == "midnight" {
            "T24:00"
        } else {
            "TNI"
        };
    Ok(Some(Resolved { value: format!("{day}{suffix}"), kind: TimeKind::Time, zone: None }))
}

/// A clock time on the last day named (or the anchor): "9:30 p.m.", "0930 UTC".
fn clock_time(g: &Groups<'_, '_>, ctx: &Ctx<'_>, state: &State) -> Resolution {
    let t = g.text();
    let anchor = ctx.anchor;
    let h: u32 = g.get("h").unwrap_or("").parse().unwrap_or(99);
    let m: u32 = g.get("m").map_or(Some(0), |m| m.parse().ok()).unwrap_or(99);
    let Some((h, m)) = clock(h, m, g.get("ap")) else {
        return Err(format!("impossible time: {t}"));
    };
    let day = state.day.or(anchor).map(ymd).unwrap_or_else(|| UNKNOWN_DAY.to_string());
    Ok(Some(Resolved {
        value: format!("{day}T{h:02}:{m:02}"),
        kind: TimeKind::Time,
        zone: g.get("zone").map(str::to_string),
    }))
}

/// A duration (`Rule::Duration`) or an age (`Rule::Age`): "three years",
/// "a 25-year-old", "the past 48 hours".
fn duration(rule: Rule, g: &Groups<'_, '_>, ctx: &Ctx<'_>) -> Resolution {
    let t = g.text();
    let n = g.get("n");
    let unit = g.get("u").unwrap_or("");
    // "a day" or "one year" on its own is often not a duration ("one
    // day he left"): it needs a word that measures it.
    let lower_n = n.unwrap_or("").to_ascii_lowercase();
    if rule == Rule::Duration && t.len() == n.unwrap_or("").len() + 1 + unit.len() {
        let singular = !unit.ends_with('s');
        let measured = matches!(
            ctx.word_before().as_deref(),
            Some(
                "for"
                    | "within"
                    | "in"
                    | "over"
                    | "after"
                    | "than"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "past"
                    | "last"
                    | "first"
                    | "next"
                    | "half"
                    | "around"
                    | "lasted"
                    | "took"
                    | "spent"
                    | "of"
                    | "the"
            )
        );
        let one = lower_n == "a" || lower_n == "an" || lower_n == "one";
        // "a second attack" is an ordinal, not a duration.
        if one && unit.eq_ignore_ascii_case("second") {
            return Ok(None);
        }
        if singular && one && !measured {
            return Ok(None);
        }
        // "many years" and "few days" are too loose to be durations
        // unless measured.
        if matches!(lower_n.as_str(), "many" | "few") && !measured {
            return Ok(None);
        }
    }
    Ok(Some(match duration_value(n, unit) {
        Some(value) => Resolved { value, kind: TimeKind::Duration, zone: None },
        None => return Ok(None),
    }))
}

/// A duration without a number: "for years", "decades".
fn bare_duration(g: &Groups<'_, '_>, ctx: &Ctx<'_>) -> Resolution {
    let unit = g.get("u").unwrap_or("").to_ascii_lowercase();
    let measured = matches!(
        ctx.word_before().as_deref(),
        Some(
            "for"
                | "within"
                | "over"
                | "after"
                | "in"
                | "of"
                | "ending"
                | "spanning"
                | "took"
                | "lasted"
                | "than"
        )
    );
    if !(unit == "decades" || unit == "centuries" || measured) {
        return Ok(None);
    }
    Ok(Some(Resolved {
        value: duration_value(None, &unit).unwrap_or_default(),
        kind: TimeKind::Duration,
        zone: None,
    }))
}

/// A repeating time: "every Monday", "twice a week", "daily".
fn set(g: &Groups<'_, '_>) -> Resolution {
    let value = if let Some(w) = g.get("w").or(g.get("wp")) {
        let wd = weekday(w).ok_or("unknown weekday")?;
        format!("XXXX-WXX-{}", wd.number_from_monday())
    } else if let Some(adj) = g.get("adj") {
        match adj.to_ascii_lowercase().as_str() {
            "daily" => "P1D".to_string(),
            "weekly" => "P1W".to_string(),
            "monthly" => "P1M".to_string(),
            "nightly" => "XXXX-XX-XXTNI".to_string(),
            "hourly" => "PT1H".to_string(),
            _ => "P1Y".to_string(),
        }
    } else {
        let unit = g.get("u").or(g.get("u2")).or(g.get("u3")).unwrap_or("").to_ascii_lowercase();
        match unit.as_str() {
            "morning" | "afternoon" | "evening" | "night" => {
                format!("XXXX-XX-XX{}", part_code(&unit))
            }
            "weekend" => "XXXX-WXX-WE".to_string(),
            u => duration_value(Some("1"), u).unwrap_or_default(),
        }
    };
    Ok(Some(Resolved { value, kind: TimeKind::Set, zone: None }))
}

/// The present, past or future as such: "now", "recently", "soon".
fn reference(g: &Groups<'_, '_>, ctx: &Ctx<'_>) -> Resolution {
    // "now-defunct" is an adjective, not a reference to the present.
    if crate::chars::after(ctx.text, ctx.end).starts_with('-') {
        return Ok(None);
    }
    let value = if g.get("now").is_some() {
        "PRESENT_REF"
    } else if g.get("past").is_some() {
        "PAST_REF"
    } else {
        "FUTURE_REF"
    };
    Ok(Some(date(value.to_string())))
}
