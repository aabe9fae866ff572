//! HTML pages: main-content extraction and metadata.
//!
//! The article body is found by `trafilatura` (a port of go-trafilatura,
//! with its readability and baseline fallbacks on); its output is split
//! back into paragraphs here and run through the plain-text cleaner, which
//! catches promotion lines and bios the extractor kept. Everything else on
//! the page goes to `removed`: captions and credits as `caption`, bylines
//! and time stamps as `byline`, the rest as `boilerplate` or `promo`.
//!
//! Metadata comes from `<meta>` tags, JSON-LD and `<time>` elements, in
//! that order of trust, with the `<title>` as the fallback for the title.

use std::collections::HashSet;
use std::sync::LazyLock;

use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use super::{dates, text};
use crate::doc::{DateSource, Meta, RemovalReason, Removed, Stamp};
use crate::error::{Error, Result};

/// Reads an HTML page into a cleaned body and the metadata the page gives.
pub fn read(html: &str) -> Result<(text::Cleaned, Meta)> {
    let flattened = flatten_deep_nesting(html);
    let html: &str = &flattened;
    let page = Html::parse_document(html);
    let meta = metadata(&page);

    let captions = texts_of(&page, &CAPTION);
    let navigation: HashSet<String> =
        page.select(&NAVIGATION).flat_map(blocks).map(|b| normalize_key(&b)).collect();
    let mut stamps = texts_of(&page, &TIME);
    stamps.extend(texts_of(&page, &BYLINE));

    // The body paragraphs, as the extractor found them; captions and lone
    // bylines or time stamps the extractor kept are set apart.
    let mut removed: Vec<Removed> = Vec::new();
    let mut body_paragraphs: Vec<String> = Vec::new();
    // The extractor recurses over the tree; past a depth no real page
    // reaches, every block of the page is the candidate body instead.
    // It also takes about 250 bytes of memory per byte of markup: a page
    // with more markup than a news page ever has gets the same treatment.
    let markup = without_scripts(html);
    let page_blocks = blocks(page.root_element());
    let paragraphs = if nesting_depth(&page) > MAX_DEPTH || markup.len() > MAX_EXTRACTOR_BYTES {
        page_blocks.clone()
    } else {
        resplit(extract(&markup), &page_blocks)
    };
    for paragraph in paragraphs {
        let key = normalize_key(&paragraph);
        if captions.contains(&key) {
            continue;
        }
        if navigation.contains(&key) {
            removed.push(Removed::new(paragraph, RemovalReason::Boilerplate));
            continue;
        }
        if stamps.contains(&key) {
            removed.push(Removed::new(paragraph, RemovalReason::Byline));
            continue;
        }
        body_paragraphs.push(paragraph);
    }
    let mut cleaned = text::clean(&body_paragraphs.join("\n\n"), false);
    if !cleaned.body.chars().any(char::is_alphabetic) {
        return Err(Error::NoBody);
    }
    removed.append(&mut cleaned.removed);

    // The rest of the page: each block of text outside the body, in page
    // order, classified by the same cleaner (which also finds bylines and
    // datelines the extractor left out).
    let body_key = normalize_key(&cleaned.body);
    // Blocks already removed from the body, and the title, are not listed
    // again.
    let mut seen: HashSet<String> = removed.iter().map(|r| normalize_key(&r.text)).collect();
    seen.extend(meta.title.as_deref().map(normalize_key));
    let mut outside = Vec::new();
    for block in page_blocks {
        let key = normalize_key(&block);
        if key.is_empty() || body_key.contains(&key) || !seen.insert(key.clone()) {
            continue;
        }
        if captions.contains(&key) {
            removed.push(text::caption(block));
        } else {
            outside.push(block);
        }
    }
    let furniture = text::clean(&outside.join("\n\n"), false);
    removed.extend(furniture.removed);
    for line in furniture.body.split("\n\n").filter(|l| !l.trim().is_empty()) {
        let reason =
            if text::is_promo(line) { RemovalReason::Promo } else { RemovalReason::Boilerplate };
        removed.push(Removed::new(line, reason));
    }

    // What the cleaner guessed from bylines in and around the body; the
    // page's own metadata wins over it in `from_cleaned`.
    cleaned.meta = merge(cleaned.meta, furniture.meta);
    cleaned.removed = removed;
    Ok((cleaned, meta))
}

/// Article types in JSON-LD whose fields are the page's metadata.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNews",
    "LiveBlogPosting",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "Report",
];

/// Elements whose text is a caption or a photo credit.
static CAPTION: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        "figcaption, [class*=caption], [class*=cutline], [class*=credit], \
         [itemprop=caption], [itemprop=copyrightHolder]",
    )
});
static NAVIGATION: LazyLock<Selector> =
    LazyLock::new(|| selector("nav, [role=navigation], [role=menubar]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time"));
static BYLINE: LazyLock<Selector> =
    LazyLock::new(|| selector("[class*=byline], [class*=author], [rel=author], [itemprop=author]"));
static META: LazyLock<Selector> = LazyLock::new(|| selector("meta[content]"));
static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| selector("script[type=\"application/ld+json\"]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel=canonical][href]"));
static TIME_DATETIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid selector")
}

/// The body paragraphs the extractor finds, in order. The extractor's
/// HTML output is split at block elements, since its text output runs the
/// paragraphs together.
fn extract(html: &str) -> Vec<String> {
    let options = trafilatura::Options::default().with_fallback(true);
    // The extractor is third-party code run on untrusted input; a panic in
    // it must not take the caller down, so it counts as "no body found".
    let result =
        std::panic::catch_unwind(|| trafilatura::extract(html, &options).map(|r| r.content_html));
    match result {
        Ok(Ok(content)) => blocks(Html::parse_fragment(&content).root_element()),
        _ => Vec::new(),
    }
}

/// The extractor's paragraphs, each that runs several of the page's
/// blocks together (it does so on short pages, "TitleFirst
/// paragraph.Second paragraph.") split back into those blocks.
fn resplit(paragraphs: Vec<String>, page_blocks: &[String]) -> Vec<String> {
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let keys: Vec<String> = page_blocks.iter().map(|b| squeeze(b)).collect();
    let mut out = Vec::with_capacity(paragraphs.len());
    for paragraph in paragraphs {
        let whole = squeeze(&paragraph);
        let run = (0..keys.len()).find_map(|i| {
            let mut at = 0;
            for (j, key) in keys.iter().enumerate().skip(i) {
                if key.is_empty()
                    || !whole.get(at..).is_some_and(|rest| rest.starts_with(key.as_str()))
                {
                    return None;
                }
                at += key.len();
                if at == whole.len() {
                    return (j > i).then_some(i..=j);
                }
            }
            None
        });
        match run {
            Some(run) => out.extend(page_blocks[run].iter().cloned()),
            None => out.push(paragraph),
        }
    }
    out
}

/// The most markup (bytes of HTML besides scripts, styles and comments)
/// handed to the extractor; a 1 MB page of markup takes it about 250 MB.
const MAX_EXTRACTOR_BYTES: usize = 1 << 20;

/// `html` without its scripts, styles and comments when it is larger than
/// [`MAX_EXTRACTOR_BYTES`] (pages that size are mostly script); smaller
/// pages are passed on as they are.
fn without_scripts(html: &str) -> std::borrow::Cow<'_, str> {
    static BULK: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?is)<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->")
            .expect("valid pattern")
    });
    if html.len() <= MAX_EXTRACTOR_BYTES {
        return std::borrow::Cow::Borrowed(html);
    }
    BULK.replace_all(html, "")
}

/// The deepest element nesting handed to the extractor.
const MAX_DEPTH: usize = 256;

/// Tags nested deeper than this (as written, before any parsing) are
/// dropped before the page is parsed; see [`flatten_deep_nesting`].
const MAX_WRITTEN_DEPTH: usize = 1000;

/// A page whose tags, as written, nest more than [`MAX_WRITTEN_DEPTH`] deep
/// loses the tags below that depth (their text stays). The HTML parser
/// checks its stack of open elements at every tag, so a page nested
/// 100,000 deep would take minutes; no real page nests a thousand deep. The
/// count is an estimate from the tags alone (void elements and the tags
/// whose end is optional are not counted), linear in the page's length;
/// pages within the limit are passed on untouched.
fn flatten_deep_nesting(html: &str) -> std::borrow::Cow<'_, str> {
    static TAG: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?s)<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")
            .expect("valid tag pattern")
    });
    let counted = |name: &str| {
        !matches!(
            name.to_ascii_lowercase().as_str(),
            "area"
                | "base"
                | "br"
                | "col"
                | "embed"
                | "hr"
                | "img"
                | "input"
                | "link"
                | "meta"
                | "param"
                | "source"
                | "track"
                | "wbr"
                | "p"
                | "li"
                | "td"
                | "th"
                | "tr"
                | "dt"
                | "dd"
                | "option"
                | "tbody"
                | "thead"
                | "tfoot"
                | "colgroup"
                | "rb"
                | "rt"
                | "rp"
        )
    };
    // Each tag as (byte range, change of depth).
    let tags = || {
        TAG.captures_iter(html).filter_map(|c| {
            let name = c.get(2)?.as_str();
            let whole = c.get(0)?.range();
            if !counted(name) || c.get(3).is_some_and(|m| !m.is_empty()) {
                return None;
            }
            Some((whole, if c.get(1).is_some_and(|m| !m.is_empty()) { -1 } else { 1 }))
        })
    };
    let mut depth: i64 = 0;
    let mut deepest: i64 = 0;
    for (_, step) in tags() {
        depth = (depth + step).max(0);
        deepest = deepest.max(depth);
    }
    if deepest <= MAX_WRITTEN_DEPTH as i64 {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() / 2);
    let mut copied = 0;
    depth = 0;
    for (range, step) in tags() {
        let inside = if step > 0 { depth + 1 } else { depth };
        depth = (depth + step).max(0);
        if inside > MAX_DEPTH as i64 {
            out.push_str(crate::chars::slice(html, copied..range.start));
            copied = range.end;
        }
    }
    out.push_str(crate::chars::after(html, copied));
    std::borrow::Cow::Owned(out)
}

/// How deeply the page's elements nest, counted without recursion.
fn nesting_depth(page: &Html) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(page.tree.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(node.children().map(|child| (child, depth + 1)));
    }
    deepest
}

/// Elements that end a paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "br"
            | "hr"
            | "form"
            | "address"
            | "body"
            | "html"
    ) || name.starts_with("amp-")
}

/// Elements with no readable text.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "canvas"
            | "select"
            | "option"
            | "input"
            | "textarea"
    )
}

/// The text of `root` as blocks: each block element ends one, white space
/// inside a block is collapsed, empty blocks are left out. The walk keeps
/// its own stack, so that deeply nested pages cannot overflow the thread's.
fn blocks(root: ElementRef<'_>) -> Vec<String> {
    enum Step<'a> {
        Enter(ego_tree::NodeRef<'a, Node>),
        /// The end of a block element.
        Leave,
    }
    let mut out = Vec::new();
    let mut current = String::new();
    let mut stack: Vec<Step<'_>> = root.children().rev().map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave => {
                flush(&mut current, &mut out);
                continue;
            }
            Step::Enter(node) => node,
        };
        match node.value() {
            Node::Text(t) => current.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if is_skipped(name) || e.attr("hidden").is_some() {
                    continue;
                }
                if is_block(name) {
                    flush(&mut current, &mut out);
                    stack.push(Step::Leave);
                }
                stack.extend(node.children().rev().map(Step::Enter));
            }
            _ => {}
        }
    }
    flush(&mut current, &mut out);
    out
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
    current.clear();
    if !text.is_empty() {
        out.push(text);
    }
}

/// A block's text for comparisons: words joined by single spaces.
fn normalize_key(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The normalized texts of the elements `selector` picks.
fn texts_of(page: &Html, selector: &Selector) -> HashSet<String> {
    page.select(selector)
        .map(|e| normalize_key(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Fills the gaps in `first` from `second`.
fn merge(first: Meta, second: Meta) -> Meta {
    Meta {
        title: first.title.or(second.title),
        outlet: first.outlet.or(second.outlet),
        authors: if first.authors.is_empty() { second.authors } else { first.authors },
        published_from: if first.published.is_some() {
            first.published_from
        } else {
            second.published_from
        },
        published: first.published.or(second.published),
        updated: first.updated.or(second.updated),
        url: first.url.or(second.url),
        reviews: if first.reviews.is_empty() { second.reviews } else { first.reviews },
    }
}

/// Metadata from the head and from structured data, best source first:
/// Open Graph and article tags, then JSON-LD, then other `<meta>` names,
/// `<time>` elements and the `<title>`.
fn metadata(page: &Html) -> Meta {
    let tags = MetaTags::of(page);
    let ld = json_ld(page);

    let site_name = tags
        .get(&["og:site_name", "application-name", "twitter:site:name"])
        .or_else(|| ld.publisher.clone())
        .or_else(|| ld.website.clone());

    let html_title = page
        .select(&TITLE)
        .next()
        .map(|t| normalize_key(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    let h1 = page
        .select(&H1)
        .next()
        .map(|t| normalize_key(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    let (stripped_title, title_outlet) = match &html_title {
        Some(title) => split_title(title, site_name.as_deref(), h1.as_deref(), page),
        None => (None, None),
    };
    let title = tags
        .get(&["og:title"])
        .or_else(|| ld.headline.clone())
        .or_else(|| tags.get(&["twitter:title", "dc.title", "headline"]))
        .or(stripped_title)
        .or(h1);

    let mut authors = ld.authors.clone();
    if authors.is_empty() {
        for value in tags.all(&[
            "author",
            "article:author",
            "dc.creator",
            "byl",
            "parsely-author",
            "sailthru.author",
        ]) {
            let value = value.trim();
            let value =
                value.strip_prefix("By ").or_else(|| value.strip_prefix("by ")).unwrap_or(value);
            if value.is_empty() || value.contains("://") || value.starts_with('@') {
                continue;
            }
            for name in value.split([',', ';']).flat_map(|n| n.split(" and ")) {
                let name = name.trim().to_string();
                if !name.is_empty() && !authors.contains(&name) {
                    authors.push(name);
                }
            }
        }
    }

    let stamp = |names: &[&str]| tags.all(names).iter().find_map(|v| dates::find_stamp(v));
    let from = |source: DateSource| move |stamp: Stamp| (stamp, source);
    let published = stamp(&["article:published_time", "og:published_time"])
        .map(from(DateSource::MetaTag))
        .or_else(|| {
            ld.published.as_deref().and_then(dates::find_stamp).map(from(DateSource::JsonLd))
        })
        .or_else(|| {
            stamp(&[
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "dc.date",
                "dc.date.issued",
                "dcterms.created",
                "sailthru.date",
                "parsely-pub-date",
                "datepublished",
                "article.published",
            ])
            .map(from(DateSource::MetaTag))
        })
        .or_else(|| first_time_element(page).map(from(DateSource::TimeElement)));
    let (published, published_from) = published.unzip();
    let updated = stamp(&["article:modified_time", "og:updated_time"])
        .or_else(|| ld.modified.as_deref().and_then(dates::find_stamp))
        .or_else(|| {
            stamp(&["last-modified", "dc.date.modified", "dcterms.modified", "datemodified"])
        });

    let url = page
        .select(&CANONICAL)
        .find_map(|l| l.attr("href"))
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| tags.get(&["og:url"]))
        .or_else(|| ld.url.clone());

    Meta {
        title,
        outlet: site_name.or(title_outlet),
        authors,
        published,
        published_from,
        updated,
        url,
        reviews: ld.reviews,
    }
}

/// The `content` of `<meta>` tags by lower-cased `property`, `name` or
/// `itemprop`, in page order.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn of(page: &Html) -> MetaTags {
        let mut tags = Vec::new();
        for element in page.select(&META) {
            let content = element.attr("content").unwrap_or("").trim();
            if content.is_empty() {
                continue;
            }
            for attr in ["property", "name", "itemprop"] {
                if let Some(key) = element.attr(attr) {
                    tags.push((key.trim().to_ascii_lowercase(), content.to_string()));
                }
            }
        }
        MetaTags(tags)
    }

    /// The first value under any of `names`, trying the names in order.
    fn get(&self, names: &[&str]) -> Option<String> {
        names.iter().find_map(|name| {
            self.0.iter().find(|(key, _)| key == name).map(|(_, value)| decode_entities(value))
        })
    }

    /// Every value under any of `names`, the names in order.
    fn all(&self, names: &[&str]) -> Vec<String> {
        names
            .iter()
            .flat_map(|name| {
                self.0.iter().filter(move |(key, _)| key == name).map(|(_, v)| decode_entities(v))
            })
            .collect()
    }
}

/// Attribute values are already unescaped by the parser; JSON-LD strings
/// and some CMSs double-escape, so the common entities are undone again.
fn decode_entities(value: &str) -> String {
    if !value.contains('&') {
        return value.trim().to_string();
    }
    value
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .trim()
        .to_string()
}

/// The fields of the page's first JSON-LD article object.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    /// The `name` of a `WebSite` object, an outlet fallback.
    website: Option<String>,
    url: Option<String>,
    reviews: Vec<crate::doc::ClaimReview>,
}

/// A schema.org `ClaimReview` object as a review, when it names the claim.
fn claim_review(object: &Value) -> Option<crate::doc::ClaimReview> {
    let claim = string_field(object, "claimReviewed")?;
    let rating = object.get("reviewRating").and_then(|r| {
        string_field(r, "alternateName")
            .or_else(|| string_field(r, "name"))
            .or_else(|| r.get("ratingValue").map(|v| v.to_string().trim_matches('"').to_string()))
    });
    let name_of = |key: &str| match object.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => items.first().and_then(|i| string_field(i, "name")),
        other => string_field(other, "name"),
    };
    Some(crate::doc::ClaimReview {
        claim,
        rating,
        reviewer: name_of("author").or_else(|| name_of("publisher")),
        date: string_field(object, "datePublished"),
        url: string_field(object, "url"),
    })
}

fn json_ld(page: &Html) -> LinkedData {
    let mut values = Vec::new();
    for script in page.select(&JSON_LD) {
        let raw: String = script.text().collect();
        // Some pages leave HTML comments or trailing semicolons around it.
        let raw = raw.trim().trim_start_matches("<!--").trim_end_matches("-->").trim();
        let raw = raw.trim_end_matches(';');
        if let Ok(value) = serde_json::from_str::<Value>(raw) {
            values.push(value);
        }
    }
    let mut objects = Vec::new();
    for value in &values {
        collect_objects(value, &mut objects, 0);
    }
    let mut data = LinkedData::default();
    for object in &objects {
        if has_type(object, &["WebSite"]) && data.website.is_none() {
            data.website = string_field(object, "name");
        }
        if has_type(object, &["ClaimReview"]) {
            data.reviews.extend(claim_review(object));
        }
    }
    let Some(article) = objects.iter().find(|o| has_type(o, ARTICLE_TYPES)) else {
        return data;
    };
    data.headline = string_field(article, "headline").or_else(|| string_field(article, "name"));
    data.published = string_field(article, "datePublished")
        .or_else(|| string_field(article, "coverageStartTime"))
        .or_else(|| string_field(article, "dateCreated"));
    data.modified = string_field(article, "dateModified");
    if let Some(author) = article.get("author").or_else(|| article.get("creator")) {
        collect_names(author, &mut data.authors);
    }
    data.publisher = article.get("publisher").and_then(|p| match p {
        Value::String(s) => Some(decode_entities(s)),
        Value::Array(items) => items.iter().find_map(|i| string_field(i, "name")),
        other => string_field(other, "name"),
    });
    data.url = string_field(article, "url").or_else(|| match article.get("mainEntityOfPage") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => string_field(other, "@id"),
        None => None,
    });
    data
}

/// All objects in a JSON-LD value: top-level objects, array items and
/// `@graph` members, depth first.
fn collect_objects<'a>(value: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_objects(item, out, depth + 1);
            }
        }
        Value::Object(map) => {
            out.push(value);
            if let Some(graph) = map.get("@graph") {
                collect_objects(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn has_type(object: &Value, types: &[&str]) -> bool {
    let strip = |t: &str| t.rsplit('/').next().unwrap_or(t).to_string();
    match object.get("@type") {
        Some(Value::String(t)) => types.contains(&strip(t).as_str()),
        Some(Value::Array(ts)) => {
            ts.iter().filter_map(Value::as_str).any(|t| types.contains(&strip(t).as_str()))
        }
        _ => false,
    }
}

fn string_field(object: &Value, key: &str) -> Option<String> {
    match object.get(key)? {
        Value::String(s) => Some(decode_entities(s)).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(Value::as_str).map(decode_entities),
        _ => None,
    }
}

/// Author names from a string, a `Person` object or an array of either.
fn collect_names(value: &Value, out: &mut Vec<String>) {
    let mut push = |name: String| {
        let name = normalize_key(&name);
        if !name.is_empty() && !name.contains("://") && !out.contains(&name) {
            out.push(name);
        }
    };
    match value {
        Value::String(s) => push(decode_entities(s)),
        Value::Object(_) => {
            if let Some(name) = string_field(value, "name") {
                push(name);
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::String(s) => push(decode_entities(s)),
                    other => {
                        if let Some(name) = string_field(other, "name") {
                            push(name);
                        }
                    }
                }
            }
        }
        _ => {}
    }
}

/// The first `<time datetime>` that parses; news pages put the
/// publication time first.
fn first_time_element(page: &Html) -> Option<Stamp> {
    page.select(&TIME_DATETIME).find_map(|t| dates::find_stamp(t.attr("datetime")?))
}

/// Splits a `<title>` into the article title and the outlet it names:
/// "Headline | Outlet", "Headline - Outlet". The suffix is the outlet when
/// it equals the known site name, when the prefix equals the page's `<h1>`,
/// or when it is a short capitalised name the page repeats elsewhere.
fn split_title(
    title: &str,
    site_name: Option<&str>,
    h1: Option<&str>,
    page: &Html,
) -> (Option<String>, Option<String>) {
    const SEPARATORS: &[&str] = &[" | ", " - ", " — ", " – ", " :: ", " · "];
    let Some((head, tail)) = SEPARATORS
        .iter()
        .filter_map(|sep| title.rsplit_once(sep))
        .max_by_key(|(head, _)| head.len())
    else {
        return (Some(title.to_string()), None);
    };
    let (head, tail) = (head.trim(), tail.trim());
    if head.is_empty() || tail.is_empty() {
        return (Some(title.to_string()), None);
    }
    if let Some(site) = site_name {
        if tail.eq_ignore_ascii_case(site) {
            return (Some(head.to_string()), None);
        }
    }
    if h1.is_some_and(|h| h.eq_ignore_ascii_case(head)) {
        return (Some(head.to_string()), Some(tail.to_string()));
    }
    let looks_like_name = tail.split_whitespace().count() <= 4
        && tail.split_whitespace().all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        && head.split_whitespace().count() > tail.split_whitespace().count();
    if looks_like_name && site_name.is_none() {
        let repeated = page.root_element().text().filter(|t| t.contains(tail)).count() > 1
            || page
                .select(&selector("img[alt]"))
                .any(|img| img.attr("alt").is_some_and(|alt| alt.contains(tail)));
        if repeated {
            return (Some(head.to_string()), Some(tail.to_string()));
        }
    }
    (Some(title.to_string()), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_pages_skip_the_extractor() {
        let script = format!("<script>{}</script>", "var x = 1;".repeat(200_000));
        let small = format!("<html><head>{script}</head><body><p>Hi.</p></body></html>");
        assert_eq!(without_scripts(&small), "<html><head></head><body><p>Hi.</p></body></html>");
        assert!(matches!(without_scripts("<p>a</p>"), std::borrow::Cow::Borrowed(_)));
        // 2 MB of markup around the article: read by blocks, not the
        // extractor, and the article is still there.
        let soup = "<div class=x><span>menu</span></div>\n".repeat(60_000);
        let page = format!(
            "<html><body>{soup}<article><p>The minister said on Tuesday that 12 people \
             were killed.</p></article></body></html>"
        );
        let (cleaned, _) = read(&page).unwrap();
        assert!(cleaned.body.contains("The minister said on Tuesday"), "{}", cleaned.body.len());
    }

    #[test]
    fn deep_nesting_is_flattened_before_parsing() {
        let normal = "<html><body><div><p>One<p>Two<br><img src=x></div></body></html>";
        assert!(matches!(flatten_deep_nesting(normal), std::borrow::Cow::Borrowed(_)));
        let n = 5000;
        let deep = format!(
            "<html><body>{}<p>The minister said it.</p>{}</body></html>",
            "<div class=a>".repeat(n),
            "</div>".repeat(n)
        );
        let flat = flatten_deep_nesting(&deep);
        assert_eq!(flat.matches("<div").count(), MAX_DEPTH - 2);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH - 2);
        assert!(flat.contains("<p>The minister said it.</p>"));
        let (cleaned, _) = read(&deep).unwrap();
        assert_eq!(cleaned.body, "The minister said it.");
    }

    #[test]
    fn no_body_is_an_error() {
        let html = "<html><head><title>Hi</title></head><body><nav><a href='/'>Home</a></nav></body></html>";
        assert_eq!(read(html).unwrap_err(), Error::NoBody);
        assert_eq!(read("<html></html>").unwrap_err(), Error::NoBody);
    }

    #[test]
    fn title_suffix_is_the_outlet() {
        let page = Html::parse_document("<title>x</title>");
        let (title, _) =
            split_title("Rates held | Daily Planet", Some("Daily Planet"), None, &page);
        assert_eq!(title.as_deref(), Some("Rates held"));
        let (title, outlet) =
            split_title("Rates held - Daily Planet", None, Some("Rates held"), &page);
        assert_eq!(title.as_deref(), Some("Rates held"));
        assert_eq!(outlet.as_deref(), Some("Daily Planet"));
        let (title, _) = split_title("Storm - what we know", None, None, &page);
        assert_eq!(title.as_deref(), Some("Storm - what we know"));
    }

    #[test]
    fn json_ld_authors_in_all_shapes() {
        let html = r#"<script type="application/ld+json">[{"@type":"WebPage"},
            {"@type":"http://schema.org/NewsArticle","headline":"H &amp; K",
             "author":["Ann Lee",{"@type":"Person","name":"Bo Chan"}],
             "publisher":{"name":"The Sun"},"datePublished":"2024-03-25T12:57:00-04:00"}]</script>"#;
        let meta = metadata(&Html::parse_document(html));
        assert_eq!(meta.title.as_deref(), Some("H & K"));
        assert_eq!(meta.authors, vec!["Ann Lee", "Bo Chan"]);
        assert_eq!(meta.outlet.as_deref(), Some("The Sun"));
        assert_eq!(meta.published.unwrap().to_string(), "2024-03-25T12:57-04:00");
    }

    #[test]
    fn paragraphs_the_extractor_runs_together_are_split_again() {
        let page = "<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1>\
            <p>The council said the bridge will close.</p><p>The mayor said it would last \
            six months.</p><p>Update: This article was updated.</p></article></body></html>";
        let (cleaned, _) = read(page).unwrap();
        assert!(cleaned.body.contains("will close.\n\nThe mayor said"), "{:?}", cleaned.body);
        assert!(!cleaned.body.contains("BridgeThe"), "{:?}", cleaned.body);
        let blocks = ["A b.".to_string(), "C d.".to_string(), "E.".to_string()];
        assert_eq!(resplit(vec!["A b.C d.".into()], &blocks), ["A b.", "C d."]);
        assert_eq!(resplit(vec!["A b. C".into()], &blocks), ["A b. C"], "no run, kept");
        assert_eq!(resplit(vec!["C d.".into()], &blocks), ["C d."]);
    }

    #[test]
    fn blocks_split_at_breaks_and_block_elements() {
        let page = Html::parse_fragment(
            "<div>One <b>two</b><br><br>three<p>four</p><script>x</script></div>",
        );
        assert_eq!(blocks(page.root_element()), vec!["One two", "three", "four"]);
    }
}
