//! RSS and Atom feeds: the entries a feed lists, each with the link to its
//! article and whatever text the feed carries itself. The shells fetch the
//! links; this module only reads bytes.

use crate::error::{Error, Result};

/// One entry of a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedEntry {
    /// The article's URL, when the entry links one.
    pub link: Option<String>,
    pub title: Option<String>,
    /// ISO 8601.
    pub published: Option<String>,
    /// The entry's own text (its content, else its summary), HTML as the
    /// feed gives it.
    pub content: Option<String>,
}

/// Whether `bytes` look like an RSS, Atom or RDF feed (from the first
/// kilobyte), or `content_type` names one.
pub fn is_feed(bytes: &[u8], content_type: Option<&str>) -> bool {
    if let Some(ct) = content_type {
        let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        if matches!(
            mime.as_str(),
            "application/rss+xml" | "application/atom+xml" | "application/rdf+xml"
        ) {
            return true;
        }
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    (head.starts_with("<?xml") || head.starts_with("<rss") || head.starts_with("<feed"))
        && (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf"))
}

/// The entries of a feed, in the feed's order.
pub fn entries(bytes: &[u8]) -> Result<Vec<FeedEntry>> {
    let feed = feed_rs::parser::parse(bytes)
        .map_err(|e| Error::Json { line: None, message: format!("not a readable feed: {e}") })?;
    Ok(feed
        .entries
        .into_iter()
        .map(|entry| FeedEntry {
            link: entry.links.first().map(|l| l.href.clone()),
            title: entry.title.map(|t| t.content),
            published: entry
                .published
                .or(entry.updated)
                .map(|d| d.format("%Y-%m-%dT%H:%MZ").to_string()),
            content: entry
                .content
                .and_then(|c| c.body)
                .or_else(|| entry.summary.map(|s| s.content))
                .filter(|c| !c.trim().is_empty()),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_and_atom() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>
            <item><title>Bridge closes</title><link>https://a.example/bridge</link>
            <pubDate>Fri, 22 Mar 2024 21:10:00 GMT</pubDate>
            <description>The council said the bridge will close.</description></item>
            </channel></rss>"#;
        assert!(is_feed(rss, None));
        let got = entries(rss).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].link.as_deref(), Some("https://a.example/bridge"));
        assert_eq!(got[0].title.as_deref(), Some("Bridge closes"));
        assert_eq!(got[0].published.as_deref(), Some("2024-03-22T21:10Z"));
        assert!(got[0].content.as_deref().unwrap().contains("bridge will close"));

        let atom = br#"<?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>N</title><id>x</id>
            <updated>2024-03-23T08:00:00Z</updated>
            <entry><title>Ferry</title><id>e1</id><link href="https://a.example/ferry"/>
            <updated>2024-03-23T08:00:00Z</updated><summary>The ferry runs hourly.</summary></entry>
            </feed>"#;
        assert!(is_feed(atom, None));
        assert_eq!(entries(atom).unwrap()[0].link.as_deref(), Some("https://a.example/ferry"));
        assert!(!is_feed(b"<!DOCTYPE html><html><body>x</body></html>", None));
        assert!(is_feed(b"x", Some("application/rss+xml; charset=utf-8")));
        let err = entries(b"<?xml version=\"1.0\"?><nothing/>").unwrap_err();
        assert!(err.to_string().contains("not a readable feed"), "{err}");
    }
}
