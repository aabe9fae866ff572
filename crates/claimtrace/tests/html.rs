//! Saved news pages, one per common layout: the body keeps the story and
//! loses the page furniture; title, date and authors come from the page.

use claimtrace::doc::{Document, RemovalReason};
use claimtrace::read::{read, Format, Input, ReadOptions};
use claimtrace::Error;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/html/", $name))
    };
}

fn read_html(name: &str, bytes: &[u8]) -> Document {
    let input = Input { name, bytes, format: None, content_type: None };
    let mut docs = read(&input, &ReadOptions::default());
    assert_eq!(docs.len(), 1);
    docs.pop().unwrap().unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Checks the body holds every `present` text and none of `absent`.
fn check_body(doc: &Document, present: &[&str], absent: &[&str]) {
    for text in present {
        assert!(doc.text.contains(text), "{}: body lacks {text:?}\n---\n{}", doc.source, doc.text);
    }
    for text in absent {
        assert!(!doc.text.contains(text), "{}: body has {text:?}\n---\n{}", doc.source, doc.text);
    }
}

fn removed_as(doc: &Document, text: &str) -> Option<RemovalReason> {
    doc.removed.iter().find(|r| r.text.contains(text)).map(|r| r.reason)
}

fn check_paragraphs_split(doc: &Document, min: usize) {
    let n = doc.text.split("\n\n").count();
    assert!(n >= min, "{}: {n} paragraphs, expected at least {min}", doc.source);
}

#[test]
fn article_tag() {
    let doc = read_html("article-tag.html", fixture!("article-tag.html"));
    check_body(
        &doc,
        &[
            "Ferry workers on the Northline routes voted on Monday night",
            "\"Nobody wanted to be out this long,\" said Rosa Delgado",
            "The regional transport board is due to publish a review",
        ],
        &[
            "Most read",
            "Skip to main content",
            "Subscribe for $1",
            "Council weighs emergency ferry subsidy",
            "Sign up for our free newsletter",
            "All rights reserved",
            "Daniel Ortiz",
            "Advertisement",
        ],
    );
    check_paragraphs_split(&doc, 7);
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Ferry workers end three-week strike after pay deal")
    );
    assert_eq!(doc.meta.outlet.as_deref(), Some("The Harbor Gazette"));
    assert_eq!(doc.meta.authors, vec!["Priya Raman"]);
    assert_eq!(doc.meta.published.unwrap().to_string(), "2024-05-14T06:30-04:00");
    assert_eq!(doc.meta.updated.unwrap().to_string(), "2024-05-14T09:05-04:00");
    assert_eq!(
        doc.meta.url.as_deref(),
        Some("https://harborgazette.example/news/2024/05/14/ferry-strike-ends")
    );
    assert_eq!(removed_as(&doc, "Daniel Ortiz"), Some(RemovalReason::Caption));
}

#[test]
fn div_soup() {
    let doc = read_html("div-soup.html", fixture!("div-soup.html"));
    check_body(
        &doc,
        &[
            "A 24-inch water main burst under Elm Street late on Sunday",
            "\"We had to isolate a larger section than we would have liked",
            "Crews expect to finish the repair by Wednesday afternoon, Brooks said.",
        ],
        &[
            "I have lived on Elm Street",
            "Thank you to the crews",
            "Library extends weekend hours",
            "Most Popular",
            "Log in",
            "Classifieds",
            "All rights reserved",
            "City council delays pipe replacement plan",
            "Sign up for Courier headlines",
            "Sam Whitaker",
        ],
    );
    check_paragraphs_split(&doc, 7);
    assert_eq!(doc.meta.title.as_deref(), Some("Water main break closes two schools"));
    assert_eq!(doc.meta.outlet.as_deref(), Some("Riverside Courier"));
    assert_eq!(doc.meta.authors, vec!["Marta Okafor", "Leon Fisch"]);
    // Eastern Standard Time: daylight saving starts on March 10 in 2024.
    assert_eq!(doc.meta.published.unwrap().to_string(), "2024-03-04T07:15-05:00");
    assert_eq!(removed_as(&doc, "Sam Whitaker"), Some(RemovalReason::Caption));
}

#[test]
fn json_ld_only() {
    let doc = read_html("json-ld.html", fixture!("json-ld.html"));
    check_body(
        &doc,
        &[
            "The central bank left its main interest rate unchanged at 4.25 percent",
            "\"We are not yet at the point where we can declare victory,\"",
            "The finance ministry welcomed the decision",
        ],
        &[
            "We use cookies",
            "What the rate decision means for your mortgage",
            "Enjoying this article",
            "Recommended for you",
            "Housing market cools",
            "Kofi Mensah",
        ],
    );
    check_paragraphs_split(&doc, 7);
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Central bank holds rates steady but signals a cut in the autumn")
    );
    assert_eq!(doc.meta.outlet.as_deref(), Some("Meridian Post"));
    assert_eq!(doc.meta.authors, vec!["Tomás Herrera", "Ingrid Solberg"]);
    assert_eq!(doc.meta.published.unwrap().to_string(), "2024-08-21T14:02+02:00");
    assert_eq!(doc.meta.updated.unwrap().to_string(), "2024-08-21T16:45:30+02:00");
    assert_eq!(removed_as(&doc, "Kofi Mensah"), Some(RemovalReason::Caption));
}

#[test]
fn amp_page() {
    let doc = read_html("amp.html", fixture!("amp.html"));
    check_body(
        &doc,
        &[
            "About 30,000 homes along the southern coast lost power on Tuesday evening",
            "\"Our priority is to make the damaged lines safe",
            "Forecasters expect the storm to move north on Wednesday morning",
        ],
        &[
            "Advertisement",
            "More weather news",
            "Flood warnings issued",
            "View the full site",
            "All rights reserved",
            "Coastguard Agency",
            "By Grace Liu",
        ],
    );
    check_paragraphs_split(&doc, 5);
    assert_eq!(doc.meta.title.as_deref(), Some("Storm cuts power to 30,000 homes along the coast"));
    assert_eq!(doc.meta.outlet.as_deref(), Some("Coastline Daily"));
    assert_eq!(doc.meta.authors, vec!["Grace Liu"]);
    assert_eq!(doc.meta.published.unwrap().to_string(), "2024-01-09T22:15Z");
    assert_eq!(doc.meta.updated.unwrap().to_string(), "2024-01-10T07:40Z");
    assert_eq!(
        doc.meta.url.as_deref(),
        Some("https://coastlinedaily.example/weather/2024/01/09/storm-power-cuts")
    );
    assert_eq!(removed_as(&doc, "Coastguard Agency"), Some(RemovalReason::Caption));
}

#[test]
fn live_blog() {
    let doc = read_html("live-blog.html", fixture!("live-blog.html"));
    check_body(
        &doc,
        &[
            "Governor Helen Carver told supporters in the capital",
            "The secretary of state's office said more than 3.1 million ballots had been cast",
            "State senator Mark Ruiz called Carver to concede",
            "With about a third of precincts reporting",
            "Polls have closed across the state.",
        ],
        &[
            "Key events",
            "Show older updates",
            "politics newsletter",
            "All rights reserved",
            "Lena Brooks",
            "Advertisement",
        ],
    );
    // Each update's time stamp and author line leave the body.
    for stamp in ["11:48 p.m.", "9:05 p.m."] {
        assert!(!doc.text.lines().any(|l| l.trim() == stamp), "stamp {stamp} in body");
        assert_eq!(removed_as(&doc, stamp), Some(RemovalReason::Byline));
    }
    assert!(!doc.text.lines().any(|l| l.trim() == "Dev Patel"));
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Governor's race live updates: Carver wins second term")
    );
    assert_eq!(doc.meta.outlet.as_deref(), Some("The Northern Ledger"));
    assert_eq!(doc.meta.authors, vec!["Samuel Adeyemi", "Hannah Kowalski", "Dev Patel"]);
    assert_eq!(doc.meta.published.unwrap().to_string(), "2024-11-05T18:00-05:00");
    assert_eq!(doc.meta.updated.unwrap().to_string(), "2024-11-06T01:12-05:00");
    assert_eq!(removed_as(&doc, "Lena Brooks"), Some(RemovalReason::Caption));
}

#[test]
fn windows_1252_page() {
    let bytes: &[u8] = fixture!("windows-1252.html");
    // "é" is the single byte 0xE9 in Windows-1252, never alone in UTF-8.
    assert!(bytes.windows(2).any(|w| w == b"\xe9 "), "the fixture must be Windows-1252");
    let doc = read_html("windows-1252.html", bytes);
    check_body(
        &doc,
        &[
            "About sixty café and restaurant owners gathered outside the town hall in Saint-Rémy",
            "“We are being asked to pay for the crisis twice,” said Amélie Dubois",
            "about €180,000 a year for repairs to the old quarter’s cobbled streets",
        ],
        &["Accueil", "Tous droits réservés"],
    );
    assert_eq!(doc.meta.title.as_deref(), Some("Café owners protest new terrace fees"));
    assert_eq!(doc.meta.authors, vec!["Jérôme Lefèvre"]);
    assert_eq!(doc.meta.published.unwrap().to_string(), "2023-10-02");
}

#[test]
fn no_body() {
    let cases: &[&[u8]] = &[
        b"<html><head><title>Only a title</title></head><body></body></html>",
        b"<!DOCTYPE html><html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
        b"<html><head><script>var x = 1;</script><style>p{}</style></head><body><script>alert(1)</script></body></html>",
    ];
    for bytes in cases {
        let input =
            Input { name: "page.html", bytes, format: Some(Format::Html), content_type: None };
        let err = read(&input, &ReadOptions::default()).pop().unwrap().unwrap_err();
        assert_eq!(err, Error::NoBody);
        assert_eq!(err.to_string(), "no article body found in the HTML page");
    }
}

#[test]
fn short_page_with_one_paragraph() {
    let bytes = b"<html><body><p>The council voted on Monday to close the bridge for repairs.</p></body></html>";
    let doc = read_html("short.html", bytes);
    assert_eq!(doc.text, "The council voted on Monday to close the bridge for repairs.");
}

#[test]
fn deeply_nested_page() {
    for depth in [250, 20_000] {
        read_nested(depth);
    }
}

fn read_nested(depth: usize) {
    let mut html = "<div>".repeat(depth);
    html.push_str("<p>The council voted on Monday to close the bridge for repairs.</p>");
    html.push_str(&"</div>".repeat(depth));
    let input =
        Input { name: "deep.html", bytes: html.as_bytes(), format: None, content_type: None };
    // Either a body or NoBody; what matters is no overflow and no panic.
    if let Ok(doc) = read(&input, &ReadOptions::default()).pop().unwrap() {
        assert!(doc.text.contains("bridge"));
    }
}

/// Each page's date says where it came from: meta tags, JSON-LD, a byline,
/// a JSON field, a feed entry, the URL; a page with none has none.
#[test]
fn dates_say_where_they_came_from() {
    use claimtrace::doc::DateSource;
    let from = |name: &str, bytes: &[u8]| read_html(name, bytes).meta.published_from;
    assert_eq!(from("article-tag.html", fixture!("article-tag.html")), Some(DateSource::MetaTag));
    assert_eq!(from("json-ld.html", fixture!("json-ld.html")), Some(DateSource::JsonLd));
    assert_eq!(from("div-soup.html", fixture!("div-soup.html")), Some(DateSource::Byline));
    let page = b"<html><body><article><p>The council said the bridge will close on Monday \
                 for repairs, officials said on Tuesday.</p></article></body></html>";
    let doc = read_html("https://news.example/city/2024/03/22/bridge", page);
    assert_eq!(doc.meta.published_from, Some(DateSource::Url));
    assert_eq!(doc.meta.published.unwrap().to_string(), "2024-03-22");
    assert_eq!(read_html("saved/bridge.html", page).meta.published_from, None);
    let options = ReadOptions {
        published: claimtrace::doc::Stamp::parse_iso("2024-03-21"),
        ..ReadOptions::default()
    };
    let input = Input { name: "feed-entry", bytes: page, format: None, content_type: None };
    let doc = read(&input, &options).pop().unwrap().unwrap();
    assert_eq!(doc.meta.published_from, Some(DateSource::Feed));
    let json = br#"{"title": "T", "published": "2019-01-04", "text": "The minister said on Friday that 12 people were killed."}"#;
    let input =
        Input { name: "a.json", bytes: json, format: Some(Format::Json), content_type: None };
    let doc = read(&input, &ReadOptions::default()).pop().unwrap().unwrap();
    assert_eq!(doc.meta.published_from, Some(DateSource::Field));
}
