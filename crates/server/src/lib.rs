//! `claimtrace serve`: the ledger in a browser, and an HTTP API, over the
//! store's interface (`claimtrace_store::LedgerStore`). A shell: no
//! analysis or clustering here, only requests, pages and their guards.
//!
//! - `api.rs`: JSON for every query and for analysis, the same objects as
//!   `docs/article-json.md` and `docs/ledger-json.md`, described by
//!   `/api/openapi.json` (generated from the handlers by utoipa);
//! - `pages.rs`: server-rendered pages (maud, compile-time checked; no
//!   script needed to read);
//! - here: configuration, shared state and the guard every request passes.
//!
//! Security: loopback by default; on any other address every write needs
//! the token. Every request's `Host` must be one of the bound names (DNS
//! rebinding), every write's `Origin` must be this server (CSRF), bodies
//! are capped, analyses queue on a semaphore, responses carry a strict
//! Content-Security-Policy (no inline script or style), and article text
//! is always escaped (maud escapes every interpolation).

mod api;
mod ingest;
mod pages;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use claimtrace_store::SqlStore;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The ledger file.
    pub db: PathBuf,
    /// Where to listen; loopback by default.
    pub addr: SocketAddr,
    /// The token writes need (required on a non-loopback address).
    pub token: Option<String>,
    /// Host names the server answers to besides the bound address (and
    /// `localhost` on loopback).
    pub hosts: Vec<String>,
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// Analyses run at once; more wait their turn.
    pub analyses: usize,
    /// Open connections to the ledger (reads run on them in parallel).
    pub connections: usize,
    /// Largest upload (the analyse/ingest form, `/api/ingest`), in bytes.
    pub max_upload: usize,
    /// Largest page fetched from a URL, in bytes, and the time it may take.
    pub fetch_bytes: usize,
    pub fetch_timeout: std::time::Duration,
    /// Fetch URLs on loopback, private and link-local networks too (off:
    /// the SSRF guard refuses them, after DNS and on every redirect).
    pub allow_private: bool,
    /// The outlet registry that names outlets and answers the outlet
    /// filters (the shipped starter set unless told otherwise).
    pub outlets: Arc<claimtrace::ledger::Outlets>,
}

impl Config {
    /// Defaults for the ledger at `db` on `addr`.
    pub fn new(db: PathBuf, addr: SocketAddr) -> Config {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        Config {
            db,
            addr,
            token: None,
            hosts: Vec::new(),
            max_body: 4 << 20,
            analyses: cores,
            // Readers do not block each other in WAL mode: enough
            // connections that one slow view does not hold up the rest.
            connections: (cores * 4).clamp(4, 16),
            max_upload: 32 << 20,
            fetch_bytes: 8 << 20,
            fetch_timeout: std::time::Duration::from_secs(20),
            allow_private: false,
            outlets: Arc::new(claimtrace::ledger::Outlets::starter()),
        }
    }
}

/// What every handler shares: the ledger's connections, the pipeline and
/// the configuration.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    stores: Vec<Mutex<SqlStore>>,
    next: AtomicUsize,
    pipeline: claimtrace::Pipeline,
    config: Config,
    /// Host header values accepted.
    hosts: Vec<String>,
    analyses: tokio::sync::Semaphore,
    jobs: Mutex<ingest::Jobs>,
    /// Claim pages' views of big clusters, while they stay unchanged.
    views: claimtrace_store::ViewCache,
}

/// An error as the API and the pages show it: a status and a message that
/// names the problem without internals.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError { status, message: message.into() }
    }

    fn internal(err: impl std::fmt::Display) -> ApiError {
        // The detail goes to the server's log, not to the client.
        eprintln!("claimtrace serve: internal error: {err}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(serde_json::json!({ "error": self.message }))).into_response()
    }
}

impl AppState {
    /// Opens the ledger (creating it when missing) with the configured
    /// number of connections.
    pub fn new(config: Config) -> anyhow::Result<AppState> {
        let stores = (0..config.connections.max(1))
            .map(|_| {
                let mut store = SqlStore::connect(&config.db)?;
                store.tune_for_reads()?;
                store.set_outlets(config.outlets.clone());
                Ok::<_, claimtrace_store::StoreError>(Mutex::new(store))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let port = config.addr.port();
        let mut hosts = vec![config.addr.to_string()];
        if config.addr.ip().is_loopback() {
            hosts.extend([
                format!("localhost:{port}"),
                format!("127.0.0.1:{port}"),
                format!("[::1]:{port}"),
            ]);
        }
        for name in &config.hosts {
            hosts.push(if name.contains(':') { name.clone() } else { format!("{name}:{port}") });
            if port == 80 {
                hosts.push(name.clone());
            }
        }
        let analyses = tokio::sync::Semaphore::new(config.analyses.max(1));
        Ok(AppState(Arc::new(Inner {
            stores,
            next: AtomicUsize::new(0),
            pipeline: claimtrace::Pipeline::standard(),
            config,
            hosts,
            analyses,
            jobs: Mutex::default(),
            views: claimtrace_store::ViewCache::new(256, pages::SHOWN, 1_000),
        })))
    }

    /// Runs `f` on one of the ledger's connections, off the async threads.
    async fn with_store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&SqlStore) -> claimtrace_store::Result<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let stores = &state.0.stores;
            let k = state.0.next.fetch_add(1, Ordering::Relaxed) % stores.len();
            // A free connection if there is one, else wait for this one.
            let guard = (0..stores.len())
                .find_map(|i| stores[(k + i) % stores.len()].try_lock().ok())
                .map_or_else(|| stores[k].lock(), Ok);
            let store = guard.map_err(|_| ApiError::internal("a ledger connection is poisoned"))?;
            f(&store).map_err(ApiError::internal)
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// Runs a write `f` on one of the ledger's connections (SQLite takes
    /// the write lock; WAL readers go on).
    async fn with_store_mut<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut SqlStore) -> claimtrace_store::Result<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut store = state.0.stores[0]
                .lock()
                .map_err(|_| ApiError::internal("a ledger connection is poisoned"))?;
            f(&mut store).map_err(|err| match err {
                claimtrace_store::StoreError::Invalid(message) => {
                    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, message)
                }
                other => ApiError::internal(other),
            })
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// How URLs given to the server are fetched.
    fn fetch_limits(&self) -> claimtrace_fetch::Limits {
        let config = &self.0.config;
        claimtrace_fetch::Limits {
            max_bytes: config.fetch_bytes,
            timeout: config.fetch_timeout,
            redirects: 5,
            network: if config.allow_private {
                claimtrace_fetch::Network::Any
            } else {
                claimtrace_fetch::Network::PublicOnly
            },
        }
    }

    fn is_loopback(&self) -> bool {
        self.0.config.addr.ip().is_loopback()
    }

    /// Whether a request with this `Host` may be answered.
    fn host_allowed(&self, host: &str) -> bool {
        let unspecified =
            self.0.config.addr.ip().is_unspecified() && self.0.config.hosts.is_empty();
        unspecified || self.0.hosts.iter().any(|h| h.eq_ignore_ascii_case(host))
    }

    /// Whether writes need the token: always off loopback, and whenever one
    /// is set.
    fn token_required(&self) -> bool {
        self.0.config.token.is_some() || !self.is_loopback()
    }

    fn token_ok(&self, given: Option<&str>) -> bool {
        match (&self.0.config.token, given) {
            (Some(token), Some(given)) => constant_time_eq(token.as_bytes(), given.as_bytes()),
            _ => false,
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Every route: the pages, the API and the stylesheet, behind the guard.
pub fn router(state: AppState) -> Router {
    let max_body = state.0.config.max_body;
    let max_upload = state.0.config.max_upload;
    // Forms and bodies that carry files take the upload limit.
    let uploads = Router::new()
        .route("/analyze", get(pages::analyze_form).post(pages::analyze_submit))
        .route("/api/ingest", post(api::ingest))
        .layer(DefaultBodyLimit::max(max_upload));
    Router::new()
        .route("/", get(pages::ledger))
        .route("/claims/{id}", get(pages::claim))
        .route("/claims/{id}/review", axum::routing::post(pages::review_submit))
        .route("/events", get(pages::events))
        .route("/entity", get(pages::entity))
        .route("/article", get(pages::article))
        .route("/ingest/{id}", get(pages::ingest_progress))
        .route("/static/app.css", get(stylesheet))
        .route("/api/claims", get(api::claims))
        .route("/api/claims/{id}", get(api::claim))
        .route("/api/claims/{id}/review", post(api::review))
        .route("/api/events", get(api::events))
        .route("/api/search", get(api::search))
        .route("/api/articles", get(api::articles))
        .route("/api/analyze", post(api::analyze))
        .route("/api/ingest/{id}", get(api::ingest_progress))
        .route("/api/openapi.json", get(api::openapi))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(max_body))
        .merge(uploads)
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .with_state(state)
}

/// Serves until interrupted, on a runtime of its own (for callers
/// without one, such as the CLI).
pub fn run(config: Config) -> anyhow::Result<()> {
    tokio::runtime::Builder::new_multi_thread().enable_all().build()?.block_on(serve(config))
}

/// Serves until interrupted (Ctrl-C).
pub async fn serve(config: Config) -> anyhow::Result<()> {
    if !config.addr.ip().is_loopback() && config.token.is_none() {
        eprintln!(
            "claimtrace serve: {} is not loopback and no --token is set: reads are public, \
             every write is refused",
            config.addr
        );
    }
    let addr = config.addr;
    // Opening the ledger blocks (a PostgreSQL client runs its own
    // runtime): off the async threads.
    let state = tokio::task::spawn_blocking(move || AppState::new(config)).await??;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    eprintln!("claimtrace serve: http://{}/", listener.local_addr()?);
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
                   form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Host check on every request; Origin, fetch-site and token checks on
/// writes; security headers on every response.
async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let headers = req.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("").to_string();
    let mut response = if !state.host_allowed(&host) {
        ApiError::new(
            StatusCode::MISDIRECTED_REQUEST,
            "this server does not answer to that host name",
        )
        .into_response()
    } else if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok());
        let same_origin =
            origin.is_none_or(|o| o == format!("http://{host}") || o == format!("https://{host}"));
        let cross_site = headers
            .get("sec-fetch-site")
            .is_some_and(|v| v.as_bytes() == b"cross-site" || v.as_bytes() == b"same-site");
        let token = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .or_else(|| headers.get("x-claimtrace-token").and_then(|v| v.to_str().ok()));
        if !same_origin || cross_site {
            ApiError::new(StatusCode::FORBIDDEN, "a write from another site is refused")
                .into_response()
        } else if state.token_required() && !state.token_ok(token) {
            let message = if state.0.config.token.is_none() {
                "writes are off: this server is not on loopback and has no --token"
            } else {
                "this write needs the server's token (Authorization: Bearer TOKEN)"
            };
            ApiError::new(StatusCode::UNAUTHORIZED, message).into_response()
        } else {
            next.run(req).await
        }
    } else {
        next.run(req).await
    };
    let h = response.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // Not `no-referrer`: with it browsers send `Origin: null` on this
    // server's own form posts, which the CSRF check must refuse. Other
    // sites (the outlets an article page links to) still get no referrer.
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        include_str!("../static/app.css"),
    )
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "no such page")
}
