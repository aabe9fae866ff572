//! The JSON API: the same objects as the CLI's `--json` (the contracts in
//! `docs/`), described by `/api/openapi.json`.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use claimtrace_store::{ClaimFilter, EventFilter, LedgerStore, Review};
use serde::Deserialize;
use serde_json::{json, Value};
use utoipa::OpenApi;

use crate::ingest::Source;
use crate::{ApiError, AppState};

/// Claims per page unless `limit` says otherwise, and the most it may say.
pub const PAGE: usize = 50;
const MAX_PAGE: usize = 500;

/// The filters of `/api/claims` (and of the ledger page): the CLI's.
#[derive(Debug, Default, Deserialize)]
pub struct ClaimsQuery {
    pub status: Option<String>,
    pub about: Option<String>,
    pub outlet: Option<String>,
    /// Outlets by the registry: based in this country (ISO code), labelled
    /// state-affiliated, news agencies.
    pub outlet_country: Option<String>,
    pub state_affiliated: Option<bool>,
    pub wire: Option<bool>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub text: Option<String>,
    pub limit: Option<usize>,
    /// The cursor of the page (`next` of the page before).
    pub after: Option<String>,
    /// `brief` for claims without their appearances (`ClaimBrief`).
    pub view: Option<String>,
}

impl ClaimsQuery {
    pub fn filter(&self) -> ClaimFilter {
        let some = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
        ClaimFilter {
            status: some(&self.status),
            about: some(&self.about),
            outlet: some(&self.outlet),
            outlet_country: some(&self.outlet_country),
            state_affiliated: self.state_affiliated.unwrap_or(false),
            wire: self.wire.unwrap_or(false),
            since: some(&self.since),
            until: some(&self.until),
            text: some(&self.text),
            limit: Some(self.limit.unwrap_or(PAGE).clamp(1, MAX_PAGE)),
            after: some(&self.after),
        }
    }
}

/// A page of claim clusters, newest activity first.
#[utoipa::path(get, path = "/api/claims",
    params(
        ("status" = Option<String>, Query, description = "disputed, confirmed, unverified, hedged, reported or asserted"),
        ("about" = Option<String>, Query, description = "an entity named in, by or answering the claim"),
        ("outlet" = Option<String>, Query, description = "an outlet's name or domain"),
        ("outlet_country" = Option<String>, Query, description = "reported by an outlet based in this country (ISO 3166 code, by the outlet registry)"),
        ("state_affiliated" = Option<bool>, Query, description = "reported by an outlet the registry labels state-affiliated"),
        ("wire" = Option<bool>, Query, description = "reported by a news agency"),
        ("since" = Option<String>, Query, description = "reported on or after (YYYY-MM-DD)"),
        ("until" = Option<String>, Query, description = "reported on or before (YYYY-MM-DD)"),
        ("text" = Option<String>, Query, description = "words of the claim (full text)"),
        ("limit" = Option<usize>, Query, description = "claims per page (50 by default, 500 at most)"),
        ("after" = Option<String>, Query, description = "the cursor `next` of the page before"),
        ("view" = Option<String>, Query, description = "`brief`: each claim without its appearances, timeline and stances (id, text, status, origin, first_seen, outlets, appearances as a count)"),
    ),
    responses((status = 200, description = "`{\"claims\": [LedgerClaim], \"next\": cursor | null}` (docs/ledger-json.md)", content_type = "application/json")))]
pub async fn claims(
    State(state): State<AppState>,
    Query(query): Query<ClaimsQuery>,
) -> Result<Json<Value>, ApiError> {
    let filter = query.filter();
    if query.view.as_deref() == Some("brief") {
        let (claims, next) = state.with_store(move |s| s.claims_brief(&filter)).await?;
        return Ok(Json(json!({ "claims": claims, "next": next })));
    }
    let (claims, next) = state.with_store(move |s| s.claims_page(&filter)).await?;
    Ok(Json(json!({ "claims": claims, "next": next })))
}

/// One claim cluster (an id it had before a merge answers with the
/// cluster it joined).
#[utoipa::path(get, path = "/api/claims/{id}",
    params(
        ("id" = String, Path, description = "the claim's id, `c-` and 16 hex digits"),
        ("evidence" = Option<bool>, Query, description = "each timeline entry and stance with its cue (the words, their offsets in the article, the sentence they are in), as `claimtrace trace --evidence`"),
    ),
    responses(
        (status = 200, description = "LedgerClaim (docs/ledger-json.md)", content_type = "application/json"),
        (status = 404, description = "no such claim", content_type = "application/json"),
    ))]
pub async fn claim(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<ClaimQuery>,
) -> Result<Json<Value>, ApiError> {
    let evidence = query.evidence.unwrap_or(false);
    let found = state
        .with_store(move |s| if evidence { s.claim_with_evidence(&id) } else { s.claim(&id) })
        .await?;
    match found {
        Some(claim) => Ok(Json(json!(claim))),
        None => Err(ApiError::new(StatusCode::NOT_FOUND, "no such claim")),
    }
}

/// Options of `/api/claims/{id}`.
#[derive(Debug, Default, Deserialize)]
pub struct ClaimQuery {
    pub evidence: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
pub struct EventsQuery {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub about: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
}

impl EventsQuery {
    pub fn filter(&self) -> EventFilter {
        let some = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
        EventFilter {
            kind: some(&self.kind),
            about: some(&self.about),
            since: some(&self.since),
            until: some(&self.until),
        }
    }
}

/// Events across the ledger, each with every report of it.
/// A reviewer's decision on a claim (`claimtrace review`).
#[derive(Debug, Default, Deserialize)]
pub struct ReviewBody {
    /// The status to set.
    pub status: Option<String>,
    /// Why, or a note on its own.
    pub note: Option<String>,
    /// Take back the latest correction still in force.
    #[serde(default)]
    pub undo: bool,
    /// Merge this claim (its id) into the claim.
    pub merge: Option<String>,
    /// Take the appearances of the article at this URL out of the claim.
    pub split: Option<String>,
    /// Who decides.
    pub by: String,
}

impl ReviewBody {
    /// What to record, or why the body says nothing to record.
    pub fn review(&self) -> Result<Review, ApiError> {
        fn given(v: &Option<String>) -> Option<&str> {
            v.as_deref().map(str::trim).filter(|v| !v.is_empty())
        }
        let structural = match (given(&self.merge), given(&self.split)) {
            (Some(other), None) => Some(Review::Merge(other.to_string())),
            (None, Some(url)) => Some(Review::Split(url.to_string())),
            (None, None) => None,
            (Some(_), Some(_)) => {
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "a merge or a split, not both at once",
                ))
            }
        };
        if let Some(review) = structural {
            if self.undo || given(&self.status).is_some() {
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "a merge or a split is recorded on its own (no status or undo with it)",
                ));
            }
            return Ok(review);
        }
        Review::from_request(self.status.as_deref(), self.undo, self.note.as_deref()).ok_or_else(
            || {
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "give a status, a note, or undo (one of status and undo)",
                )
            },
        )
    }
}

/// Records the decision with who and when; the claim page and every list
/// show the corrected status at once.
pub async fn record_review(
    state: &AppState,
    id: String,
    body: ReviewBody,
) -> Result<claimtrace::record::ledger::Correction, ApiError> {
    let review = body.review()?;
    let at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let note = body.note.filter(|n| !n.trim().is_empty());
    let by = body.by;
    state
        .with_store_mut(move |s| s.review(&id, &review, note.as_deref(), &by, &at))
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such claim, or nothing to undo"))
}

/// Corrects a claim: sets its status, adds a note, or undoes the latest
/// correction, recorded with who and when (a write: same-origin, and the
/// token off loopback).
#[utoipa::path(post, path = "/api/claims/{id}/review",
    params(("id" = String, Path, description = "the claim's id (an id a merge retired works too)")),
    request_body(content = String, content_type = "application/json",
        description = "`{\"status\": S?, \"note\": N?, \"undo\": bool?, \"merge\": ID?, \"split\": URL?, \"by\": WHO}`; S one of disputed, confirmed, unverified, hedged, reported, asserted; `merge` makes claim ID part of this one (its id redirects), `split` takes the article at URL out of it"),
    responses(
        (status = 200, description = "the correction as the claim lists it (`corrections[]` of docs/ledger-json.md)", content_type = "application/json"),
        (status = 404, description = "no such claim, or nothing to undo", content_type = "application/json"),
        (status = 422, description = "an unknown status, no reviewer, or nothing to record", content_type = "application/json"),
    ))]
pub async fn review(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Json(body): Json<ReviewBody>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(json!(record_review(&state, id, body).await?)))
}

#[utoipa::path(get, path = "/api/events",
    params(
        ("type" = Option<String>, Query, description = "a PLOVER type (ASSAULT, PROTEST, ...)"),
        ("about" = Option<String>, Query, description = "an actor, target or place"),
        ("since" = Option<String>, Query, description = "on or after (YYYY-MM-DD)"),
        ("until" = Option<String>, Query, description = "on or before (YYYY-MM-DD)"),
    ),
    responses((status = 200, description = "`{\"events\": [LedgerEvent]}` (docs/ledger-json.md)", content_type = "application/json")))]
pub async fn events(
    State(state): State<AppState>,
    Query(query): Query<EventsQuery>,
) -> Result<Json<Value>, ApiError> {
    let filter = query.filter();
    let events = state.with_store(move |s| s.events(&filter)).await?;
    Ok(Json(json!({ "events": events })))
}

#[derive(Debug, Deserialize)]
pub struct SearchQuery {
    pub q: String,
    pub limit: Option<usize>,
}

/// Full-text search over claims and articles, best first.
#[utoipa::path(get, path = "/api/search",
    params(("q" = String, Query, description = "words"), ("limit" = Option<usize>, Query, description = "hits (20 by default)")),
    responses((status = 200, description = "`{\"hits\": [{kind, id, text, score}]}`", content_type = "application/json")))]
pub async fn search(
    State(state): State<AppState>,
    Query(query): Query<SearchQuery>,
) -> Result<Json<Value>, ApiError> {
    let limit = query.limit.unwrap_or(20).clamp(1, MAX_PAGE);
    let hits = state.with_store(move |s| s.search(&query.q, limit)).await?;
    let hits: Vec<Value> = hits
        .into_iter()
        .map(|h| json!({ "kind": h.kind, "id": h.id, "text": h.text, "score": h.score }))
        .collect();
    Ok(Json(json!({ "hits": hits })))
}

/// Every stored article version, newest first.
#[utoipa::path(get, path = "/api/articles",
    responses((status = 200, description = "`{\"articles\": [{url, version, title, outlet, published, date_from, ingested_at, claims, copy_of, latest}]}`", content_type = "application/json")))]
pub async fn articles(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let rows = state.with_store(|s| s.articles()).await?;
    let rows: Vec<Value> = rows
        .into_iter()
        .map(|a| {
            json!({
                "url": a.url, "version": a.version, "title": a.title, "outlet": a.outlet,
                "published": a.published, "date_from": a.date_from, "ingested_at": a.ingested_at,
                "claims": a.claims, "copy_of": a.copy_of, "latest": a.latest,
            })
        })
        .collect();
    Ok(Json(json!({ "articles": rows })))
}

/// Where `/api/analyze` and `/api/ingest` take their article from when
/// not from the body.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InputQuery {
    /// Fetch the article from this URL instead of the body (public
    /// addresses only, unless the server was started with
    /// `--allow-private`).
    pub url: Option<String>,
    /// The body's file name: its extension names the format (`.jsonl` for
    /// many articles, `.html`, `.json`, `.txt`).
    pub name: Option<String>,
}

impl InputQuery {
    fn source(&self, headers: &HeaderMap, body: Bytes) -> Result<Source, ApiError> {
        match self.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            Some(url) if body.is_empty() => Ok(Source::Url(url.to_string())),
            Some(_) => Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "give the article in the body or as ?url=, not both",
            )),
            None if body.is_empty() => Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "no article: give it in the body or as ?url=",
            )),
            None => Ok(Source::Bytes {
                name: self.name.clone().unwrap_or_else(|| "pasted".into()),
                bytes: body.to_vec(),
                content_type: headers
                    .get(header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string),
            }),
        }
    }
}

/// Analyses one article given in the body (plain text, HTML, or a JSON
/// record `{"text", "title", "published", "outlet", "url"}`, by its
/// Content-Type) or fetched from `?url=`. Nothing is stored.
#[utoipa::path(post, path = "/api/analyze",
    params(InputQuery),
    request_body(content = String, description = "the article: text/plain, text/html or application/json", content_type = "text/plain"),
    responses(
        (status = 200, description = "the article record (docs/article-json.md); an array when the input holds several", content_type = "application/json"),
        (status = 403, description = "the URL is on a private network (SSRF guard)", content_type = "application/json"),
        (status = 422, description = "the input could not be read as an article", content_type = "application/json"),
        (status = 502, description = "the URL could not be fetched", content_type = "application/json"),
    ))]
pub async fn analyze(
    State(state): State<AppState>,
    Query(query): Query<InputQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<impl IntoResponse, ApiError> {
    let source = query.source(&headers, body)?;
    let read = crate::ingest::read_source(&state, source).await?;
    let started = std::time::Instant::now();
    let records = records(crate::ingest::analyse_read(&state, read).await?)?;
    let ms = started.elapsed().as_secs_f64() * 1e3;
    let value = match records.len() {
        1 => json!(records[0]),
        _ => json!(records),
    };
    Ok(([("server-timing", format!("analyze;dur={ms:.1}"))], Json(value)))
}

/// The records of an input's articles; the first article's error when
/// none could be read.
pub fn records(
    docs: Vec<claimtrace::Result<claimtrace::Document>>,
) -> Result<Vec<claimtrace::Record>, ApiError> {
    let mut first_error = None;
    let mut records = Vec::new();
    for doc in docs {
        match doc {
            Ok(doc) => records.push(claimtrace::Record::from_document(&doc)),
            Err(err) => {
                first_error.get_or_insert(err);
            }
        }
    }
    match first_error {
        Some(err) if records.is_empty() => {
            Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, err.to_string()))
        }
        _ if records.is_empty() => {
            Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "no article in the input"))
        }
        _ => Ok(records),
    }
}

/// Files the articles of the body (any format `analyze` reads; JSONL for
/// many) or of `?url=` in the ledger, in the background: answers at once
/// with the job's id; `/api/ingest/{id}` follows it.
#[utoipa::path(post, path = "/api/ingest",
    params(InputQuery),
    request_body(content = String, description = "the articles: text, HTML, JSON or JSONL", content_type = "text/plain"),
    responses(
        (status = 202, description = "the job started: `{\"id\", \"progress\"}`", content_type = "application/json"),
        (status = 503, description = "too many ingests running", content_type = "application/json"),
    ))]
pub async fn ingest(
    State(state): State<AppState>,
    Query(query): Query<InputQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<impl IntoResponse, ApiError> {
    let source = query.source(&headers, body)?;
    let id = crate::ingest::start_job(&state, vec![source])?;
    Ok((StatusCode::ACCEPTED, Json(json!({ "id": id, "progress": format!("/api/ingest/{id}") }))))
}

/// Where an ingest job stands: inputs done, articles filed by outcome,
/// failures with their reasons.
#[utoipa::path(get, path = "/api/ingest/{id}",
    params(("id" = u64, Path, description = "the job's id, as `/api/ingest` gave it")),
    responses(
        (status = 200, description = "the job's progress", body = crate::ingest::Progress),
        (status = 404, description = "no such job (the server keeps the last 64)", content_type = "application/json"),
    ))]
pub async fn ingest_progress(
    State(state): State<AppState>,
    Path(id): Path<u64>,
) -> Result<Json<crate::ingest::Progress>, ApiError> {
    job(&state, id).map(Json)
}

/// A job's progress, or 404.
pub fn job(state: &AppState, id: u64) -> Result<crate::ingest::Progress, ApiError> {
    state
        .0
        .jobs
        .lock()
        .map_err(|_| ApiError::internal("jobs poisoned"))?
        .get(id)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such ingest job"))
}

#[derive(OpenApi)]
#[openapi(
    info(title = "claimtrace", description = "The claim ledger and article analysis over HTTP."),
    paths(claims, claim, review, events, search, articles, analyze, ingest, ingest_progress),
    components(schemas(crate::ingest::Progress, crate::ingest::JobError))
)]
struct ApiDoc;

/// The OpenAPI document of this API.
pub async fn openapi() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        ApiDoc::openapi().to_pretty_json().unwrap_or_default(),
    )
}
