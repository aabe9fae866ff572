//! Dates and times as they appear in datelines, bylines and update notes,
//! parsed to `Stamp`s for the article's metadata.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
use regex::Regex;

use crate::doc::Stamp;

const MONTHS: &[&str] =
    &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// A month name or its abbreviation ("March", "Mar.", "Sept") to 1-12.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .position(|m| {
            w.starts_with(m) && full.iter().any(|f| f.starts_with(&w)) || w == "sept" && *m == "sep"
        })
        .map(|i| i as u32 + 1)
}

/// The IANA zone of a time-zone abbreviation used in news datelines.
pub fn zone(abbr: &str) -> Option<chrono_tz::Tz> {
    use chrono_tz::Tz;
    Some(match abbr.to_ascii_uppercase().as_str() {
        "ET" | "EST" | "EDT" => Tz::America__New_York,
        "CT" | "CST" | "CDT" => Tz::America__Chicago,
        "MT" | "MST" | "MDT" => Tz::America__Denver,
        "PT" | "PST" | "PDT" => Tz::America__Los_Angeles,
        "GMT" | "UTC" | "Z" => Tz::UTC,
        "BST" => Tz::Europe__London,
        "CET" | "CEST" => Tz::Europe__Paris,
        "EET" | "EEST" => Tz::Europe__Kiev,
        "MSK" => Tz::Europe__Moscow,
        "IST" => Tz::Asia__Kolkata,
        "JST" => Tz::Asia__Tokyo,
        "AEST" | "AEDT" => Tz::Australia__Sydney,
        _ => return None,
    })
}

static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?-u:\b)").expect("valid regex")
});
static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)").expect("valid regex"));
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Z][a-z]{2,8})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?-u:\b)")
        .expect("valid regex")
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})(?:st|nd|rd|th)? ([A-Z][a-z]{2,8})\.?,? (\d{4})(?-u:\b)")
        .expect("valid regex")
});
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?:\s+([A-Z]{1,4})(?-u:\b))?",
    )
    .expect("valid regex")
});

/// The first calendar date written in `text`, in US numeric
/// (`03/25/24`), ISO, "March 25, 2024" or "25 March 2024" style, with the
/// byte offset just after it.
pub fn find_date(text: &str) -> Option<(NaiveDate, usize)> {
    let mut found: Vec<(usize, NaiveDate, usize)> = Vec::new();
    if let Some(c) = ISO_DATE.captures(text) {
        let date =
            NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        if let Some(d) = date {
            let m = c.get(0).expect("group 0");
            found.push((m.start(), d, m.end()));
        }
    }
    if let Some(c) = NUMERIC_DATE.captures(text) {
        let mut year: i32 = c[3].parse().ok()?;
        if year < 100 {
            year += 2000;
        }
        if let Some(d) = NaiveDate::from_ymd_opt(year, c[1].parse().ok()?, c[2].parse().ok()?) {
            let m = c.get(0).expect("group 0");
            found.push((m.start(), d, m.end()));
        }
    }
    for c in MONTH_DAY_YEAR.captures_iter(text) {
        if let Some(month) = month_number(&c[1]) {
            if let Some(d) = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month, c[2].parse().ok()?)
            {
                let m = c.get(0).expect("group 0");
                found.push((m.start(), d, m.end()));
                break;
            }
        }
    }
    for c in DAY_MONTH_YEAR.captures_iter(text) {
        if let Some(month) = month_number(&c[2]) {
            if let Some(d) = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month, c[1].parse().ok()?)
            {
                let m = c.get(0).expect("group 0");
                found.push((m.start(), d, m.end()));
                break;
            }
        }
    }
    found.sort_by_key(|f| f.0);
    found.first().map(|&(_, d, end)| (d, end))
}

/// A date with an optional clock time and zone after it: "03/25/24, 12:57
/// p.m. ET" is 2024-03-25T12:57-04:00 (the zone's offset on that day,
/// daylight saving included).
pub fn find_stamp(text: &str) -> Option<Stamp> {
    if let Some(stamp) = Stamp::parse_iso(text.trim()) {
        return Some(stamp);
    }
    let (date, after) = find_date(text)?;
    let rest =
        crate::chars::after(text, after).trim_start_matches([',', ' ']).trim_start_matches("at ");
    let Some(c) = CLOCK.captures(rest).filter(|c| c.get(0).is_some_and(|m| m.start() == 0)) else {
        return Some(Stamp::Date(date));
    };
    let hour: u32 = c[1].parse().ok()?;
    let minute: u32 = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
    let meridiem = c.get(3).map(|m| m.as_str().to_ascii_lowercase().replace('.', ""));
    if c.get(2).is_none() && meridiem.is_none() {
        return Some(Stamp::Date(date));
    }
    let hour = match meridiem.as_deref() {
        Some("pm") if hour < 12 => hour + 12,
        Some("am") if hour == 12 => 0,
        _ => hour,
    };
    let Some(time) = NaiveTime::from_hms_opt(hour, minute, 0) else {
        return Some(Stamp::Date(date));
    };
    let local = NaiveDateTime::new(date, time);
    let offset = c
        .get(4)
        .and_then(|m| zone(m.as_str()))
        .and_then(|tz| tz.from_local_datetime(&local).earliest())
        .map(|dt| dt.offset().fix());
    Some(Stamp::DateTime(local, offset))
}

/// A line that is only a date, like a Wikinews dateline
/// ("Friday, January 4, 2019").
/// A date in a URL's path, as news sites write it: `/2024/03/22/`,
/// `/2024-03-22/`, `/20240322/` (years 1990 to 2099).
pub fn in_url(url: &str) -> Option<NaiveDate> {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/((?:19|20)\d{2})([/-]?)(\d{2})([/-]?)(\d{2})(?:[/_.-]|$)")
            .expect("a valid pattern")
    });
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    DATE.captures_iter(path).find_map(|c| {
        // The same separator twice (or none): "/2024/03-22" is no date.
        if c[2] != c[4] {
            return None;
        }
        let year = c[1].parse().ok()?;
        (year >= 1990).then_some(())?;
        NaiveDate::from_ymd_opt(year, c[3].parse().ok()?, c[5].parse().ok()?)
    })
}

pub fn dateline(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    if line.len() > 48 {
        return None;
    }
    let (date, end) = find_date(line)?;
    let before = crate::chars::before(line, end).split_whitespace().count();
    (end + 1 >= line.trim_end().len() && before <= 5).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_urls() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(in_url("https://news.example/world/2024/03/22/attack-moscow"), d(2024, 3, 22));
        assert_eq!(in_url("https://news.example/2019-11-29/london-bridge.html"), d(2019, 11, 29));
        assert_eq!(in_url("https://news.example/story/20190104-floods"), d(2019, 1, 4));
        assert_eq!(in_url("https://news.example/2024/13/22/x"), None, "no such month");
        assert_eq!(in_url("https://news.example/id/2024031/x"), None);
        assert_eq!(in_url("https://news.example/2024/03-22/x"), None);
        assert_eq!(in_url("https://news.example/story?d=/2024/03/22/"), None, "not the path");
        assert_eq!(in_url("saved/article.html"), None);
    }

    #[test]
    fn update_note_in_eastern_time() {
        let stamp = find_stamp("03/25/24, 12:57 p.m. ET").unwrap();
        assert_eq!(stamp.to_string(), "2024-03-25T12:57-04:00");
        let winter = find_stamp("01/05/24, 9:05 a.m. ET").unwrap();
        assert_eq!(winter.to_string(), "2024-01-05T09:05-05:00");
    }

    #[test]
    fn long_dates() {
        assert_eq!(
            find_stamp("March 25, 2024 at 3 PM GMT").unwrap().to_string(),
            "2024-03-25T15:00Z"
        );
        assert_eq!(find_stamp("25 March 2024").unwrap().to_string(), "2024-03-25");
        assert_eq!(
            find_stamp("2019-01-04T10:00:00+02:00").unwrap().to_string(),
            "2019-01-04T10:00+02:00"
        );
    }

    #[test]
    fn datelines() {
        assert_eq!(dateline("Friday, January 4, 2019 "), NaiveDate::from_ymd_opt(2019, 1, 4));
        assert_eq!(dateline("The building collapsed on January 4, 2019 in the city."), None);
    }

    #[test]
    fn impossible_dates_are_not_dates() {
        assert_eq!(find_date("02/30/24"), None);
        assert_eq!(find_date("February 30, 2024"), None);
    }

    #[test]
    fn months() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("March"), Some(3));
        assert_eq!(month_number("Marching"), None);
        assert_eq!(month_number("May"), Some(5));
    }
}
