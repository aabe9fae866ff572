//! Server-rendered pages (maud: compile-time checked, every interpolation
//! escaped, so article text is data, never markup). Reading needs no
//! script; filters and paging are plain links and GET forms.

use std::collections::{HashMap, HashSet};

use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use claimtrace::record::ledger::{Edge, LedgerClaim};
use claimtrace_store::{ClaimFilter, LedgerStore};
use maud::{html, Markup, DOCTYPE};
use serde::Deserialize;

use crate::api::{ClaimsQuery, EventsQuery};
use crate::{ApiError, AppState};

/// Appearances (and timeline entries, stances) listed on a claim's page;
/// a story's biggest claims have thousands.
pub const SHOWN: usize = 200;

/// Links drawn in a claim's propagation graph, and its most columns.
const SHOWN_EDGES: usize = 300;
const MAX_COLUMNS: usize = 12;

const STATUSES: [&str; 6] =
    ["disputed", "confirmed", "unverified", "hedged", "reported", "asserted"];

fn layout(title: &str, body: Markup) -> Html<String> {
    page(title, None, body)
}

/// A page; `refresh` reloads it every so many seconds (a job's progress,
/// without script).
fn page(title: &str, refresh: Option<u32>, body: Markup) -> Html<String> {
    Html(
        html! {
            (DOCTYPE)
            html lang="en" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    @if let Some(seconds) = refresh { meta http-equiv="refresh" content=(seconds); }
                    title { (title) " · claimtrace" }
                    link rel="stylesheet" href="/static/app.css";
                }
                body {
                    header.top {
                        a.brand href="/" { "claimtrace" }
                        nav aria-label="Main" {
                            a href="/" { "Ledger" }
                            a href="/events" { "Events" }
                            a href="/analyze" { "Analyse" }
                        }
                    }
                    main { (body) }
                }
            }
        }
        .into_string(),
    )
}

fn error_page(err: ApiError) -> Response {
    let status = err.status;
    let reason = status.canonical_reason().unwrap_or("Error");
    let page = layout(
        reason,
        html! {
            h1 { (status.as_u16()) " " (reason) }
            p.error { (err.message) }
            p { a href="/" { "To the ledger" } " · " a href="/analyze" { "Analyse another" } }
        },
    );
    (status, page).into_response()
}

/// A status as a word in a badge: colour and border style carry it too,
/// never colour alone.
fn badge(status: &str) -> Markup {
    let class = if STATUSES.contains(&status) { status } else { "asserted" };
    html! { span class={ "badge " (class) } { (status) } }
}

/// The ledger: claims with status, outlets, first seen and origin;
/// filters; paging.
pub async fn ledger(State(state): State<AppState>, Query(query): Query<ClaimsQuery>) -> Response {
    let filter = query.filter();
    let (claims, next) = match state.with_store(move |s| s.claims_brief(&filter)).await {
        Ok(page) => page,
        Err(err) => return error_page(err),
    };
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let next_link = next.map(|cursor| {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        for (key, v) in [
            ("status", &query.status),
            ("about", &query.about),
            ("outlet", &query.outlet),
            ("since", &query.since),
            ("until", &query.until),
            ("text", &query.text),
        ] {
            if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
                pairs.push((key, v.clone()));
            }
        }
        pairs.push(("after", cursor));
        format!("/?{}", encode_query(&pairs))
    });
    let body = html! {
        h1 { "Claims" }
        form.filters method="get" action="/" role="search" {
            label { "Status"
                select name="status" {
                    option value="" { "any" }
                    @for s in STATUSES {
                        option value=(s) selected[query.status.as_deref() == Some(s)] { (s) }
                    }
                }
            }
            label { "About" input name="about" value=(value(&query.about)) placeholder="entity"; }
            label { "Outlet" input name="outlet" value=(value(&query.outlet)); }
            label { "Since" input name="since" type="date" value=(value(&query.since)); }
            label { "Until" input name="until" type="date" value=(value(&query.until)); }
            label { "Words" input name="text" type="search" value=(value(&query.text)); }
            button type="submit" { "Filter" }
        }
        @if claims.is_empty() {
            p.muted { "No claims match." }
        }
        ol.claims {
            @for c in &claims {
                li {
                    div.claim-text { (badge(&c.status)) a href={ "/claims/" (c.id) } { (c.text) } }
                    div.muted {
                        (c.outlets) " outlet(s) · " (c.appearances) " appearance(s) · first seen "
                        (c.first_seen.as_ref().and_then(|f| f.published.as_deref()).unwrap_or("?"))
                        " · origin: " (c.origin.as_deref().unwrap_or("the outlet's own voice"))
                    }
                }
            }
        }
        @if let Some(link) = next_link {
            p.pager { a href=(link) rel="next" { "Next page →" } }
        }
    };
    layout("Claims", body).into_response()
}

/// The query of the entity page.
#[derive(Deserialize)]
pub struct EntityQuery {
    pub name: String,
}

/// One entity across the ledger: the claims it made, those it denied,
/// confirmed or declined to comment on, and the claims about it (the 50
/// most recently active claims that name it).
pub async fn entity(State(state): State<AppState>, Query(query): Query<EntityQuery>) -> Response {
    let name = query.name.trim().to_string();
    if name.is_empty() {
        return error_page(ApiError::new(StatusCode::BAD_REQUEST, "which entity? (?name=...)"));
    }
    let filter = ClaimFilter {
        about: Some(name.clone()),
        limit: Some(crate::api::PAGE),
        ..ClaimFilter::default()
    };
    let claims = match state.with_store(move |s| s.claims_page(&filter)).await {
        Ok((claims, _)) => claims,
        Err(err) => return error_page(err),
    };
    let lower = name.to_lowercase();
    let is_it = |who: &str| {
        let who = who.to_lowercase();
        who == lower || who.contains(&lower)
    };
    let made: Vec<&LedgerClaim> =
        claims.iter().filter(|c| c.origin.as_deref().is_some_and(is_it)).collect();
    let answered: Vec<(&LedgerClaim, &str)> = claims
        .iter()
        .flat_map(|c| {
            c.stances
                .iter()
                .filter(|s| is_it(&s.actor) && s.stance != "asserts")
                .map(move |s| (c, s.stance.as_str()))
        })
        .collect();
    let about: Vec<&LedgerClaim> = claims
        .iter()
        .filter(|c| {
            !made.iter().any(|m| m.id == c.id) && !answered.iter().any(|(a, _)| a.id == c.id)
        })
        .collect();
    let row = |c: &LedgerClaim| {
        html! {
            li {
                div.claim-text { (badge(&c.status)) a href={ "/claims/" (c.id) } { (c.text) } }
                div.muted { (c.outlets) " outlet(s) · origin: "
                    (c.origin.as_deref().unwrap_or("the outlet's own voice")) }
            }
        }
    };
    let body = html! {
        h1 { (name) }
        p.muted { (claims.len()) " claim(s) name it" @if claims.len() == crate::api::PAGE {
            " (the " (crate::api::PAGE) " most recently active; "
            a href={ "/?about=" (encode_value(&name)) } { "all of them" } ")" } }
        h2 { "Claims it made (" (made.len()) ")" }
        ol.claims { @for c in &made { (row(c)) } }
        h2 { "Claims it answered (" (answered.len()) ")" }
        ol.claims { @for (c, stance) in &answered {
            li {
                div.claim-text { strong { (stance.replace('_', " ")) } " " (badge(&c.status))
                    a href={ "/claims/" (c.id) } { (c.text) } }
            }
        } }
        h2 { "Claims about it (" (about.len()) ")" }
        ol.claims { @for c in &about { (row(c)) } }
    };
    layout(&name, body).into_response()
}

/// One claim: wording, status, timeline, stances, the propagation graph
/// and every appearance in context.
pub async fn claim(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let views = state.clone();
    let found = match state.with_store(move |s| s.claim_page(&id, &views.0.views)).await {
        Ok(found) => found,
        Err(err) => return error_page(err),
    };
    let Some((c, total)) = found else {
        return error_page(ApiError::new(StatusCode::NOT_FOUND, "no such claim"));
    };
    let body = html! {
        h1 { (badge(&c.status)) (c.text) }
        p.muted {
            "Claim " code { (c.id) } " · " (c.outlets) " outlet(s) · origin: "
            @match c.origin.as_deref() {
                Some(o) => a href={ "/entity?name=" (encode_value(o)) } { (o) },
                None => "the outlet's own voice",
            }
            @if let Some(f) = &c.first_seen {
                " · first seen " (f.published.as_deref().unwrap_or("?")) " in "
                a href=(f.url) rel="noreferrer noopener" { (f.outlet.as_deref().unwrap_or(&f.url)) }
            }
        }
        @if let Some(newer) = &c.superseded_by {
            p { "Superseded by " a href={ "/claims/" (newer) } { (newer) } }
        }
        @if !c.entities.is_empty() {
            p { "Names: " @for (k, e) in c.entities.iter().enumerate() {
                @if k > 0 { ", " } a href={ "/entity?name=" (encode_value(e)) } { (e) } } }
        }
        h2 { "How it travelled" }
        (propagation(&c))
        h2 { "Timeline" }
        table {
            thead { tr { th { "Date" } th { "Status" } th { "Where" } th { "Why" } } }
            tbody {
                @for t in c.timeline.iter().take(SHOWN) {
                    tr {
                        td { (t.date.as_deref().unwrap_or("?")) }
                        td { (badge(&t.status)) }
                        td { @if t.url.is_empty() { "review" } @else {
                            a href=(t.url) rel="noreferrer noopener" { (host_of(&t.url)) } } }
                        td { (t.evidence.as_deref().unwrap_or("")) }
                    }
                }
            }
        }
        @if !c.stances.is_empty() {
            h2 { "Stances" }
            table {
                thead { tr { th { "Who" } th { "Stance" } th { "Where" } th { "Sentence" } } }
                tbody {
                    @for s in c.stances.iter().take(SHOWN) {
                        tr {
                            td { a href={ "/entity?name=" (encode_value(&s.actor)) } { (s.actor) } }
                            td { (s.stance.replace('_', " ")) }
                            td { a href=(s.url) rel="noreferrer noopener" { (host_of(&s.url)) } }
                            td { (s.evidence) }
                        }
                    }
                }
            }
        }
        h2 { "Review" }
        @if !c.corrections.is_empty() {
            table {
                thead { tr { th { "When" } th { "Who" } th { "What" } th { "Why" } } }
                tbody {
                    @for k in &c.corrections {
                        tr {
                            td { (k.at) } td { (k.by) }
                            td { @if k.action == "status" { "status → " (badge(&k.value)) }
                                 @else if k.action == "undo" { "undo (" (k.value) ")" }
                                 @else if k.action == "merge" { "merged " a href={ "/claims/" (k.value) } { (k.value) } }
                                 @else if k.action == "split" { "split off " (k.value) }
                                 @else { (k.action) } }
                            td { (k.note.as_deref().unwrap_or("")) }
                        }
                    }
                }
            }
        }
        form.filters.review method="post" action={ "/claims/" (c.id) "/review" } {
            label { "Status"
                select name="status" {
                    option value="" { "(keep: " (c.status) ")" }
                    @for s in claimtrace_store::STATUSES { option value=(s) { (s) } }
                }
            }
            label { "Note (why)" input name="note" type="text"; }
            label { "Your name" input name="by" type="text" required; }
            button type="submit" { "Record" }
            button type="submit" name="undo" value="true" { "Undo the latest correction" }
        }
        form.filters.review method="post" action={ "/claims/" (c.id) "/review" } {
            label { "Merge another claim into this one (its id)"
                input name="merge" type="text" pattern="c-[0-9a-f]+" placeholder="c-…"; }
            label { "Your name" input name="by" type="text" required; }
            label { "Why" input name="note" type="text"; }
            button type="submit" { "Merge" }
        }
        @let articles: std::collections::BTreeSet<&String> = c.appearances.iter().map(|a| &a.url).collect();
        @if articles.len() > 1 {
            form.filters.review method="post" action={ "/claims/" (c.id) "/review" } {
                label { "Split off one article's appearances"
                    select name="split" {
                        @for url in &articles {
                            option value=(url) { (host_of(url)) " · " (url) }
                        }
                    }
                }
                label { "Your name" input name="by" type="text" required; }
                label { "Why" input name="note" type="text"; }
                button type="submit" { "Split" }
            }
        }
        h2 { "Appearances (" (total) ")" }
        @if total > c.appearances.len() {
            p.muted { "The first " (SHOWN) " are shown; " a href={ "/api/claims/" (c.id) } { "the JSON" } " has them all." }
        }
        ol.claims {
            @for a in c.appearances.iter().take(SHOWN) {
                li {
                    div { (badge(&a.status))
                        a href={ "/article?url=" (encode_value(&a.url)) } { (a.outlet.as_deref().unwrap_or(&a.url)) }
                        span.muted { " · " (a.published.as_deref().unwrap_or("?"))
                            @if !a.chain.is_empty() { " · via " (a.chain.join(" → ")) }
                            @if let Some(of) = &a.copy_of { " · copy of " (of) } }
                    }
                    blockquote { (a.sentence) }
                }
            }
        }
    };
    layout(&c.text, body).into_response()
}

/// The propagation graph as SVG: the origin on the left, each hop a
/// column to the right.
fn propagation(c: &LedgerClaim) -> Markup {
    let all: &[Edge] = &c.propagation;
    if all.is_empty() {
        return html! { p.muted { "Reported by each outlet in its own voice: no chain of sources." } };
    }
    // A story's biggest claims travel through hundreds of outlets: the
    // graph draws the first links (in the order they appeared).
    let edges = &all[..all.len().min(SHOWN_EDGES)];
    // Columns by the longest path from the nodes nothing points to, found
    // by relaxing the edges until nothing moves (a few passes: chains are
    // short); cycles stop at the last column.
    let targets: HashSet<&str> = edges.iter().map(|e| e.to.as_str()).collect();
    let mut depth: HashMap<&str, usize> = HashMap::new();
    for e in edges {
        if !targets.contains(e.from.as_str()) {
            depth.insert(&e.from, 0);
        }
    }
    for _ in 0..MAX_COLUMNS {
        let mut moved = false;
        for e in edges {
            if let Some(&d) = depth.get(e.from.as_str()) {
                let next = (d + 1).min(MAX_COLUMNS - 1);
                let entry = depth.entry(&e.to).or_insert(next);
                if *entry < next {
                    *entry = next;
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
    for e in edges {
        depth.entry(&e.from).or_insert(0);
        depth.entry(&e.to).or_insert(1);
    }
    let mut rows: HashMap<usize, usize> = HashMap::new();
    let mut at: HashMap<&str, (f64, f64)> = HashMap::new();
    let mut order: Vec<(&str, usize)> = depth.iter().map(|(n, d)| (*n, *d)).collect();
    order.sort_unstable_by_key(|(n, d)| (*d, *n));
    let (w, h, gap_x, gap_y) = (170.0, 28.0, 230.0, 44.0);
    for (name, d) in &order {
        let row = rows.entry(*d).or_insert(0);
        at.insert(name, (10.0 + *d as f64 * gap_x, 10.0 + *row as f64 * gap_y));
        *row += 1;
    }
    let width = 20.0 + (rows.len() as f64) * gap_x;
    let height = 20.0 + (*rows.values().max().unwrap_or(&1) as f64) * gap_y;
    let short = |s: &str| -> String {
        if s.chars().count() > 24 {
            format!("{}…", s.chars().take(23).collect::<String>())
        } else {
            s.to_string()
        }
    };
    html! {
        svg.graph role="img" aria-label="How the claim travelled, origin first"
            width=(width) height=(height)
            viewBox={ "0 0 " (width) " " (height) } xmlns="http://www.w3.org/2000/svg" {
            @for e in edges {
                @if let (Some(a), Some(b)) = (at.get(e.from.as_str()), at.get(e.to.as_str())) {
                    line x1=(a.0 + w) y1=(a.1 + h / 2.0) x2=(b.0) y2=(b.1 + h / 2.0) {}
                }
            }
            @for (name, _) in &order {
                @if let Some(p) = at.get(name) {
                    g {
                        title { (name) }
                        rect x=(p.0) y=(p.1) width=(w) height=(h) rx="4" {}
                        text x=(p.0 + 8.0) y=(p.1 + 18.0) { (short(name)) }
                    }
                }
            }
        }
        @if all.len() > edges.len() {
            p.muted { "The first " (edges.len()) " of " (all.len()) " links; all are in "
                a href={ "/api/claims/" (c.id) } { "the claim's JSON" } "." }
        }
    }
}

/// The events of the ledger.
pub async fn events(State(state): State<AppState>, Query(query): Query<EventsQuery>) -> Response {
    let filter = query.filter();
    let events = match state.with_store(move |s| s.events(&filter)).await {
        Ok(events) => events,
        Err(err) => return error_page(err),
    };
    let body = html! {
        h1 { "Events" }
        form.filters method="get" action="/events" role="search" {
            label { "Type" input name="type" value=(query.kind.clone().unwrap_or_default()) placeholder="ASSAULT"; }
            label { "About" input name="about" value=(query.about.clone().unwrap_or_default()); }
            label { "Since" input name="since" type="date" value=(query.since.clone().unwrap_or_default()); }
            label { "Until" input name="until" type="date" value=(query.until.clone().unwrap_or_default()); }
            button type="submit" { "Filter" }
        }
        table {
            thead { tr { th { "Event" } th { "Who → whom" } th { "Where, when" } th { "Reports" } } }
            tbody {
                @for e in &events {
                    tr {
                        td { (badge(&e.status)) (e.kind) @if let Some(m) = &e.mode { " (" (m) ")" } }
                        td { (e.actors.join(", ")) @if !e.targets.is_empty() { " → " (e.targets.join(", ")) } }
                        td { (e.location.as_deref().unwrap_or("")) " " (e.time.as_deref().unwrap_or("")) }
                        td {
                            @for r in &e.reports {
                                div {
                                    a href=(r.url) rel="noreferrer noopener" { (r.outlet.as_deref().unwrap_or(&r.url)) }
                                    @if let Some(claim) = &r.claim { " · " a href={ "/claims/" (claim) } { "claim" } }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    layout("Events", body).into_response()
}

/// The review form of a claim page.
#[derive(Deserialize)]
pub struct ReviewForm {
    pub status: Option<String>,
    pub note: Option<String>,
    pub by: String,
    pub undo: Option<String>,
    pub merge: Option<String>,
    pub split: Option<String>,
}

/// Records a review from the claim page, then shows the page again.
pub async fn review_submit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<ReviewForm>,
) -> Response {
    let body = crate::api::ReviewBody {
        status: form.status,
        note: form.note,
        undo: form.undo.as_deref() == Some("true"),
        merge: form.merge,
        split: form.split,
        by: form.by,
    };
    match crate::api::record_review(&state, id.clone(), body).await {
        Ok(_) => {
            axum::response::Redirect::to(&format!("/claims/{}", encode_value(&id))).into_response()
        }
        Err(err) => error_page(err),
    }
}

pub async fn analyze_form() -> Response {
    let body = html! {
        h1 { "Analyse or ingest articles" }
        form method="post" action="/analyze" enctype="multipart/form-data" {
            label for="text" { "Paste an article's text (the first line is its title)" }
            textarea id="text" name="text" {}
            label for="files" { "or upload files (text, HTML, JSON, JSONL, feeds)" }
            input id="files" type="file" name="files" multiple;
            label for="url" { "or give a page's URL" }
            input id="url" type="url" name="url" placeholder="https://";
            p {
                label.inline { input type="checkbox" name="ingest" value="on"; " Add to the ledger" }
            }
            p { button type="submit" { "Go" } }
        }
        p.muted { "Without “Add to the ledger” nothing is stored. Several files are \
            filed one after the other; a page shows their progress." }
    };
    layout("Analyse", body).into_response()
}

/// Most inputs analysed on one result page (more are for ingest).
const SHOWN_ANALYSES: usize = 20;

/// The analyse form: each input analysed and shown, or, with "Add to the
/// ledger", an ingest job started and its progress page opened.
pub async fn analyze_submit(
    State(state): State<AppState>,
    request: axum::extract::Request,
) -> Response {
    let (sources, ingest) = match form_sources(request).await {
        Ok(form) => form,
        Err(err) => return error_page(err),
    };
    if sources.is_empty() {
        return error_page(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "nothing to analyse: paste a text, choose a file or give a URL",
        ));
    }
    if ingest {
        return match crate::ingest::start_job(&state, sources) {
            Ok(id) => axum::response::Redirect::to(&format!("/ingest/{id}")).into_response(),
            Err(err) => error_page(err),
        };
    }
    if sources.len() > SHOWN_ANALYSES {
        return error_page(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("over {SHOWN_ANALYSES} inputs: tick “Add to the ledger” to ingest them"),
        ));
    }
    let single = sources.len() == 1;
    let mut parts = Vec::new();
    for source in sources {
        let label = source.label().to_string();
        let read = match crate::ingest::read_source(&state, source).await {
            Ok(read) => read,
            Err(err) if single => return error_page(err),
            Err(err) => {
                parts.push(html! { h2 { (label) } p.error { (err.message) } });
                continue;
            }
        };
        let records = match crate::ingest::analyse_read(&state, read).await {
            Ok(docs) => crate::api::records(docs),
            Err(err) => Err(err),
        };
        match records {
            Ok(records) => parts.extend(records.iter().map(analysis)),
            Err(err) if single => return error_page(err),
            Err(err) => parts.push(html! { h2 { (label) } p.error { (err.message) } }),
        }
    }
    let body = html! { @for part in &parts { (part) } };
    layout("Analysis", body).into_response()
}

/// The analyse form's fields when sent URL-encoded (no files).
#[derive(Deserialize)]
pub struct AnalyzeForm {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub url: String,
    pub ingest: Option<String>,
}

/// The inputs of the analyse form (multipart, or URL-encoded without
/// files) and whether to ingest them.
async fn form_sources(
    request: axum::extract::Request,
) -> Result<(Vec<crate::ingest::Source>, bool), ApiError> {
    use crate::ingest::Source;
    use axum::extract::FromRequest;
    let urlencoded = request
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
    if urlencoded {
        let Form(form) = Form::<AnalyzeForm>::from_request(request, &())
            .await
            .map_err(|e| ApiError::new(e.status(), e.body_text()))?;
        let mut sources = Vec::new();
        if !form.text.trim().is_empty() {
            sources.push(Source::Bytes {
                name: "pasted".into(),
                bytes: form.text.into_bytes(),
                content_type: Some("text/plain".into()),
            });
        }
        if !form.url.trim().is_empty() {
            sources.push(Source::Url(form.url.trim().to_string()));
        }
        return Ok((sources, form.ingest.as_deref() == Some("on")));
    }
    let mut multipart = axum::extract::Multipart::from_request(request, &())
        .await
        .map_err(|e| ApiError::new(e.status(), e.body_text()))?;
    let bad = |err: axum::extract::multipart::MultipartError| {
        ApiError::new(err.status(), format!("cannot read the form: {}", err.body_text()))
    };
    let mut sources = Vec::new();
    let mut ingest = false;
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().map(str::to_string);
        let content_type = field.content_type().map(str::to_string);
        let bytes = field.bytes().await.map_err(bad)?;
        match name.as_str() {
            "text" if !bytes.iter().all(u8::is_ascii_whitespace) => sources.push(Source::Bytes {
                name: "pasted".into(),
                bytes: bytes.to_vec(),
                content_type: Some("text/plain".into()),
            }),
            "files" if !bytes.is_empty() => sources.push(Source::Bytes {
                name: file_name.unwrap_or_else(|| "upload".into()),
                bytes: bytes.to_vec(),
                content_type: content_type.filter(|t| t != "application/octet-stream"),
            }),
            "url" => {
                let url = String::from_utf8_lossy(&bytes).trim().to_string();
                if !url.is_empty() {
                    sources.push(Source::Url(url));
                }
            }
            "ingest" => ingest = bytes.as_ref() == b"on",
            _ => {}
        }
    }
    Ok((sources, ingest))
}

/// One analysed article: its text with entities, times and counts marked,
/// then its claims, events and entities.
fn analysis(r: &claimtrace::Record) -> Markup {
    html! {
        section.analysis {
            h1 { (r.meta.title.as_deref().unwrap_or("Untitled")) }
            p.muted { (r.entities.len()) " entities · " (r.times.len()) " times · " (r.counts.len()) " counts · "
                (r.claims.len()) " claims · " (r.events.len()) " events" }
            div.article { (marks(r)) }
            (claims_and_events(r))
            h2 { "Entities" }
            ul { @for e in &r.entities { li { (e.kind) " " (e.name)
                @if let Some(geo) = &e.geo { " " span.muted { (place_label(geo)) } } } } }
        }
    }
}

/// An ingest job's progress: a bar, the counts, the failures and the
/// articles filed; it reloads itself while the job runs.
pub async fn ingest_progress(State(state): State<AppState>, Path(id): Path<u64>) -> Response {
    let p = match crate::api::job(&state, id) {
        Ok(p) => p,
        Err(err) => return error_page(err),
    };
    let running = p.state == "running";
    let body = html! {
        h1 { "Ingest " (p.id) }
        p {
            progress max=(p.inputs.max(1)) value=(p.done) { (p.done) " of " (p.inputs) }
            " " (p.done) " of " (p.inputs) " inputs"
            @if running { " · working…" } @else { " · done" }
        }
        p.counts {
            (p.new) " new · " (p.versions) " new versions · " (p.unchanged) " unchanged · "
            (p.copies) " copies · " (p.failed) " failed"
        }
        @if !p.errors.is_empty() {
            h2 { "Failed" }
            ul { @for e in &p.errors { li { strong { (e.input) } ": " (e.error) } } }
        }
        @if !p.articles.is_empty() {
            h2 { "Articles" }
            ul { @for url in p.articles.iter().take(SHOWN) {
                li { a href={ "/article?url=" (encode_value(url)) } { (url) } } } }
        }
        @if !running { p { a href="/" { "To the ledger" } } }
    };
    page(&format!("Ingest {id}"), running.then_some(1), body).into_response()
}

/// An article's claims with their status and chain, and its events.
fn claims_and_events(r: &claimtrace::Record) -> Markup {
    html! {
        h2 { "Claims" }
        ol.claims {
            @for c in &r.claims {
                li { (badge(&c.status)) (c.text)
                    @if !c.chain.is_empty() { div.muted { "via " (c.chain.join(" → ")) } } }
            }
        }
        h2 { "Events" }
        ul {
            @for e in &r.events {
                li { (badge(e.status.as_deref().unwrap_or("asserted"))) (e.kind) " " (e.actors.join(", "))
                    @if !e.targets.is_empty() { " → " (e.targets.join(", ")) } }
            }
        }
    }
}

/// The body with times and counts marked from their spans, and entity
/// names marked where they occur (the record gives names, not spans).
fn marks(r: &claimtrace::Record) -> Markup {
    let text = r.text.as_str();
    let mut spans: Vec<(usize, usize, String, Option<String>)> = Vec::new();
    for t in &r.times {
        if let Some([a, b]) = t.span {
            spans.push((a, b, "time".into(), Some(t.value.clone())));
        }
    }
    for c in &r.counts {
        if let Some([a, b]) = c.span {
            spans.push((
                a,
                b,
                "count".into(),
                Some(format!("{} {} ({})", c.number, c.category, c.qualifier)),
            ));
        }
    }
    for e in &r.entities {
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            if name.chars().count() < 2 {
                continue;
            }
            let mut from = 0;
            while let Some(k) = text.get(from..).and_then(|rest| rest.find(name.as_str())) {
                let (a, b) = (from + k, from + k + name.len());
                // Whole words only: "IS" is not in "ISIS", nor "Russia" in
                // "Russian".
                let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                let before = text.get(..a).and_then(|t| t.chars().next_back());
                let after = text.get(b..).and_then(|t| t.chars().next());
                if !word(before) && !word(after) {
                    let title = match &e.geo {
                        Some(geo) => format!("{} {}", e.kind, place_label(geo)),
                        None => e.kind.clone(),
                    };
                    spans.push((a, b, format!("ent-{}", e.kind), Some(title)));
                }
                from = b;
            }
        }
    }
    spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
    // Each piece of the text, with the class and title of its mark.
    type Mark = Option<(String, Option<String>)>;
    let mut pieces: Vec<(Mark, &str)> = Vec::new();
    let mut at = 0;
    for (a, b, class, title) in spans {
        if a < at || !text.is_char_boundary(a) || !text.is_char_boundary(b) || b > text.len() {
            continue;
        }
        pieces.push((None, text.get(at..a).unwrap_or("")));
        pieces.push((Some((class, title)), text.get(a..b).unwrap_or("")));
        at = b;
    }
    pieces.push((None, text.get(at..).unwrap_or("")));
    html! {
        @for (mark, words) in pieces {
            @match mark {
                Some((class, title)) => mark class=(class) title=[title] { (words) },
                None => (words),
            }
        }
    }
}

/// A short name for a link: the host of a URL, the file name of a path.
fn host_of(url: &str) -> &str {
    match url.split_once("://") {
        Some((_, rest)) => rest.split('/').next().unwrap_or(rest),
        None => url.rsplit('/').next().unwrap_or(url),
    }
}

/// `key=value&...` with the values percent-encoded.
fn encode_query(pairs: &[(&str, String)]) -> String {
    pairs.iter().map(|(k, v)| format!("{k}={}", encode_value(v))).collect::<Vec<_>>().join("&")
}

/// A query value, percent-encoded.
fn encode_value(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[derive(Deserialize)]
pub struct ArticleQuery {
    pub url: String,
}

/// One stored article: its cleaned text with entities, times and counts
/// marked, its metadata, claims and events, and its versions.
pub async fn article(State(state): State<AppState>, Query(query): Query<ArticleQuery>) -> Response {
    let url = query.url.clone();
    let versions = match state.with_store(move |s| s.history(&url)).await {
        Ok(versions) => versions,
        Err(err) => return error_page(err),
    };
    let Some(latest) = versions.last() else {
        return error_page(ApiError::new(StatusCode::NOT_FOUND, "no article at that address"));
    };
    let r = &latest.record;
    let title = r.meta.title.as_deref().unwrap_or("Untitled");
    let body = html! {
        h1 { (title) }
        p.muted {
            (r.meta.outlet.as_deref().unwrap_or("")) " · "
            (r.meta.published.as_deref().or(latest.published.as_deref()).unwrap_or("no date")) " · "
            @if r.meta.authors.is_empty() { "no byline" } @else { "by " (r.meta.authors.join(", ")) }
        }
        div.article { (marks(r)) }
        @if !r.removed.is_empty() {
            details {
                summary { "Removed from the body (" (r.removed.len()) ")" }
                ul { @for x in &r.removed { li {
                    span.muted { (x.reason) ": " } (x.text)
                    @if let Some(c) = &x.credit { span.muted { " (credit: " (c) ")" } }
                } } }
            }
        }
        (claims_and_events(r))
        h2 { "Versions" }
        ol {
            @for (k, v) in versions.iter().enumerate() {
                li {
                    "Version " (v.version) " · ingested " (v.ingested_at) " · "
                    (v.record.claims.len()) " claims"
                    @for note in claimtrace::ledger::update_notes(&v.record) {
                        p.muted { "Note: " (note) }
                    }
                    @if let Some(prev) = k.checked_sub(1).map(|p| &versions[p]) {
                        @let changes = claimtrace::ledger::version_changes(&prev.record, &v.record);
                        @if changes.is_empty() {
                            p.muted { "No claim changed." }
                        } @else {
                            ul.changes {
                                @for (status, text) in &changes.added {
                                    li { "Added: " (badge(status)) " " (text) }
                                }
                                @for (old, new, text) in &changes.moved {
                                    li { "Status moved: " (badge(old)) " → " (badge(new)) " " (text) }
                                }
                                @for (status, text) in &changes.dropped {
                                    li { "Dropped: " (badge(status)) " " (text) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    layout(title, body).into_response()
}

/// Where a place is: "RU · GeoNames 524901 · 55.752, 37.618".
fn place_label(geo: &claimtrace::record::RecordGeo) -> String {
    geo.parts(true).join(" · ")
}
