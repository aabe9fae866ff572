//! Article metadata: title, outlet, authors and the two dates.

use std::fmt;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime};

/// A publication or update time as precise as the source gave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stamp {
    /// A calendar date with no time of day.
    Date(NaiveDate),
    /// A local date-time, with its UTC offset when the source gave a zone.
    DateTime(NaiveDateTime, Option<FixedOffset>),
}

impl Stamp {
    /// The calendar date, the anchor for relative time expressions.
    pub fn date(&self) -> NaiveDate {
        match self {
            Stamp::Date(date) => *date,
            Stamp::DateTime(dt, _) => dt.date(),
        }
    }

    /// Parses the ISO 8601 forms the record uses: `2024-03-25`,
    /// `2024-03-25T12:57`, `2024-03-25T12:57:00`, with an optional `Z` or
    /// `±HH:MM` offset.
    pub fn parse_iso(s: &str) -> Option<Stamp> {
        let s = s.trim();
        if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Some(Stamp::Date(date));
        }
        if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
            return Some(Stamp::DateTime(dt.naive_local(), Some(*dt.offset())));
        }
        for fmt in [
            "%Y-%m-%dT%H:%M%:z",
            "%Y-%m-%dT%H:%M:%S%.f%:z",
            "%Y-%m-%dT%H:%M:%S%z",
            "%Y-%m-%dT%H:%M%z",
        ] {
            if let Ok(dt) = chrono::DateTime::parse_from_str(s, fmt) {
                return Some(Stamp::DateTime(dt.naive_local(), Some(*dt.offset())));
            }
        }
        let body = s.strip_suffix('Z').unwrap_or(s);
        let utc = (body.len() != s.len()).then(|| FixedOffset::east_opt(0).expect("zero offset"));
        for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
        {
            if let Ok(dt) = NaiveDateTime::parse_from_str(body, fmt) {
                return Some(Stamp::DateTime(dt, utc));
            }
        }
        None
    }
}

impl fmt::Display for Stamp {
    /// ISO 8601: `2024-03-25`, `2024-03-25T12:57-04:00`, seconds only when
    /// they are not zero.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stamp::Date(date) => write!(f, "{}", date.format("%Y-%m-%d")),
            Stamp::DateTime(dt, offset) => {
                use chrono::Timelike;
                if dt.second() == 0 {
                    write!(f, "{}", dt.format("%Y-%m-%dT%H:%M"))?;
                } else {
                    write!(f, "{}", dt.format("%Y-%m-%dT%H:%M:%S"))?;
                }
                match offset {
                    Some(o) if o.local_minus_utc() == 0 => write!(f, "Z"),
                    Some(o) => {
                        let secs = o.local_minus_utc();
                        let sign = if secs < 0 { '-' } else { '+' };
                        let secs = secs.abs();
                        write!(f, "{sign}{:02}:{:02}", secs / 3600, secs % 3600 / 60)
                    }
                    None => Ok(()),
                }
            }
        }
    }
}

/// What the reader learned about the article besides its body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<Stamp>,
    /// Where `published` came from.
    pub published_from: Option<DateSource>,
    pub updated: Option<Stamp>,
    pub url: Option<String>,
    /// Fact-checks the page publishes as schema.org `ClaimReview` markup.
    pub reviews: Vec<ClaimReview>,
}

/// Where an article's publication date came from, most trusted first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateSource {
    /// The page's `<meta>` tags (`article:published_time`, `dc.date`...).
    MetaTag,
    /// The page's JSON-LD (`datePublished`).
    JsonLd,
    /// A `<time>` element of the page.
    TimeElement,
    /// A field of a JSON record (`published`, `date`...).
    Field,
    /// The feed entry that linked to the article.
    Feed,
    /// A byline or "Published:" line in the text.
    Byline,
    /// A dateline opening the text ("KABUL, March 5 -").
    Dateline,
    /// A date in the article's URL (`/2024/03/22/`).
    Url,
}

impl DateSource {
    /// The name used in records and the ledger (`date_from`).
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::MetaTag => "meta",
            DateSource::JsonLd => "json-ld",
            DateSource::TimeElement => "time-element",
            DateSource::Field => "field",
            DateSource::Feed => "feed",
            DateSource::Byline => "byline",
            DateSource::Dateline => "dateline",
            DateSource::Url => "url",
        }
    }

    pub fn parse(s: &str) -> Option<DateSource> {
        [
            DateSource::MetaTag,
            DateSource::JsonLd,
            DateSource::TimeElement,
            DateSource::Field,
            DateSource::Feed,
            DateSource::Byline,
            DateSource::Dateline,
            DateSource::Url,
        ]
        .into_iter()
        .find(|d| d.as_str() == s)
    }
}

/// A fact-check of a claim, as schema.org `ClaimReview` gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimReview {
    /// `claimReviewed`: the claim in the fact-checker's words.
    pub claim: String,
    /// The rating's `alternateName` (or `name`, or `ratingValue`): "False".
    pub rating: Option<String>,
    /// Who reviewed it: the review's `author` (or `publisher`) name.
    pub reviewer: Option<String>,
    /// `datePublished`, ISO 8601 as given.
    pub date: Option<String>,
    /// The review's `url`.
    pub url: Option<String>,
}

impl Meta {
    /// The date relative expressions resolve against: the publication
    /// date, else the update date.
    pub fn anchor(&self) -> Option<chrono::NaiveDate> {
        self.published.or(self.updated).map(|s| s.date())
    }
}
