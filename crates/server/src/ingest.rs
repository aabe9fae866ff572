//! Articles given to the server: pasted, uploaded or fetched from a URL
//! (through the SSRF guard), analysed, and, when asked, filed in the
//! ledger by a background job whose progress a page and the API show.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use claimtrace_store::{ArticleInput, Ingested, LedgerStore};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{ApiError, AppState};

/// Jobs kept for their progress pages; the oldest finished go first.
const KEPT_JOBS: usize = 64;

/// One input as given: its bytes, or a URL to fetch.
#[derive(Clone, Debug)]
pub enum Source {
    /// Pasted text or an uploaded file: `name` is the file's name.
    Bytes {
        name: String,
        bytes: Vec<u8>,
        content_type: Option<String>,
    },
    Url(String),
}

impl Source {
    /// What the input is called in messages.
    pub fn label(&self) -> &str {
        match self {
            Source::Bytes { name, .. } => name,
            Source::Url(url) => url,
        }
    }
}

/// An input read: its bytes and the name its articles are filed under
/// when they give no URL of their own.
pub struct Read {
    pub name: String,
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
}

/// Fetches a URL through the guard (unless `--allow-private`), or names
/// given bytes by their content: the same text uploaded twice is one
/// article, two texts under one file name are two.
pub async fn read_source(state: &AppState, source: Source) -> Result<Read, ApiError> {
    match source {
        Source::Bytes { name, bytes, content_type } => {
            let digest = Sha256::digest(&bytes);
            let short: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
            Ok(Read { name: format!("upload:{name}#{short}"), bytes, content_type })
        }
        Source::Url(url) => {
            let limits = state.fetch_limits();
            let fetched = tokio::task::spawn_blocking(move || {
                claimtrace_fetch::fetch_url(&url, &limits, None).map(|f| (url, f))
            })
            .await
            .map_err(ApiError::internal)?;
            match fetched {
                Ok((_, Some(f))) => {
                    Ok(Read { name: f.final_url, bytes: f.bytes, content_type: f.content_type })
                }
                Ok((url, None)) => Err(ApiError::new(
                    StatusCode::BAD_GATEWAY,
                    format!("{url}: the server sent no content"),
                )),
                Err(err @ claimtrace_fetch::FetchError::Refused { .. }) => {
                    Err(ApiError::new(StatusCode::FORBIDDEN, err.to_string()))
                }
                Err(err @ claimtrace_fetch::FetchError::NotHttp(_)) => {
                    Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, err.to_string()))
                }
                Err(err) => Err(ApiError::new(StatusCode::BAD_GATEWAY, err.to_string())),
            }
        }
    }
}

/// Analyses a read input: its documents, one for each article it holds
/// (a JSONL file holds many); an input with none is an error.
pub async fn analyse_read(
    state: &AppState,
    read: Read,
) -> Result<Vec<claimtrace::Result<claimtrace::Document>>, ApiError> {
    let _permit = state.0.analyses.acquire().await.map_err(ApiError::internal)?;
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        let input = claimtrace::read::Input {
            name: &read.name,
            bytes: &read.bytes,
            format: None,
            content_type: read.content_type.as_deref(),
        };
        let options = claimtrace::read::ReadOptions {
            max_bytes: Some(state.0.config.max_upload),
            ..Default::default()
        };
        claimtrace::analyze_iter(&state.0.pipeline, &input, &options).collect::<Vec<_>>()
    })
    .await
    .map_err(ApiError::internal)
}

/// Where an ingest job stands; `/api/ingest/{id}` gives it as JSON.
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct Progress {
    pub id: u64,
    /// `running` or `done`.
    pub state: String,
    /// Inputs given, and inputs done.
    pub inputs: usize,
    pub done: usize,
    /// Articles filed, by what the ledger made of them.
    pub new: usize,
    pub versions: usize,
    pub unchanged: usize,
    pub copies: usize,
    /// Inputs or articles that could not be read, analysed or filed.
    pub failed: usize,
    /// Each failure: the input and what went wrong.
    pub errors: Vec<JobError>,
    /// The articles filed, by the URL (or name) the ledger keeps them
    /// under, in input order.
    pub articles: Vec<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct JobError {
    pub input: String,
    pub error: String,
}

/// The server's ingest jobs.
#[derive(Default)]
pub struct Jobs {
    next: u64,
    jobs: BTreeMap<u64, Arc<Mutex<Progress>>>,
}

impl Jobs {
    fn start(&mut self, inputs: usize) -> (u64, Arc<Mutex<Progress>>) {
        self.next += 1;
        let id = self.next;
        while self.jobs.len() >= KEPT_JOBS {
            let finished = self
                .jobs
                .iter()
                .find_map(|(&k, job)| job.lock().map_or(true, |p| p.state == "done").then_some(k));
            match finished {
                Some(k) => self.jobs.remove(&k),
                None => break,
            };
        }
        let progress = Progress { id, state: "running".into(), inputs, ..Progress::default() };
        let job = Arc::new(Mutex::new(progress));
        self.jobs.insert(id, job.clone());
        (id, job)
    }

    /// A job's progress, if the server still has it.
    pub fn get(&self, id: u64) -> Option<Progress> {
        self.jobs.get(&id).and_then(|job| job.lock().ok().map(|p| p.clone()))
    }

    /// Jobs running now.
    pub fn running(&self) -> usize {
        self.jobs.values().filter(|j| j.lock().is_ok_and(|p| p.state == "running")).count()
    }
}

/// Starts a job that reads, analyses and files `sources` in order, one
/// at a time; returns its id at once.
pub fn start_job(state: &AppState, sources: Vec<Source>) -> Result<u64, ApiError> {
    let (id, job) = {
        let mut jobs = state.0.jobs.lock().map_err(|_| ApiError::internal("jobs poisoned"))?;
        if jobs.running() >= state.0.config.analyses.max(1) * 2 {
            return Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "too many ingests at once: try again when one has finished",
            ));
        }
        jobs.start(sources.len())
    };
    let state = state.clone();
    tokio::spawn(async move {
        for source in sources {
            let label = source.label().to_string();
            let outcome = ingest_one(&state, source, &job).await;
            let mut p = job.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Err(err) = outcome {
                p.failed += 1;
                p.errors.push(JobError { input: label, error: err.message });
            }
            p.done += 1;
        }
        job.lock().unwrap_or_else(std::sync::PoisonError::into_inner).state = "done".into();
    });
    Ok(id)
}

/// Reads, analyses and files one input; each article's outcome goes into
/// the job's progress as it is filed.
async fn ingest_one(
    state: &AppState,
    source: Source,
    job: &Arc<Mutex<Progress>>,
) -> Result<(), ApiError> {
    let read = read_source(state, source).await?;
    let name = read.name.clone();
    let docs = analyse_read(state, read).await?;
    let job = job.clone();
    state
        .with_store_mut(move |store| {
            let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
            for doc in docs {
                let outcome = doc.map_err(|e| e.to_string()).and_then(|doc| {
                    let article =
                        ArticleInput { doc: &doc, input_name: &doc.source, ingested_at: &now };
                    let filed = claimtrace::contain("ledger", || store.ingest(&article))
                        .map_err(|e| e.to_string())?
                        .map_err(|e| e.to_string())?;
                    Ok((filed, doc.meta.url.clone().unwrap_or_else(|| doc.source.clone())))
                });
                let mut p = job.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                match outcome {
                    Ok((filed, url)) => {
                        match filed {
                            Ingested::New => p.new += 1,
                            Ingested::NewVersion => p.versions += 1,
                            Ingested::Unchanged => p.unchanged += 1,
                            Ingested::Copy => p.copies += 1,
                        }
                        p.articles.push(url);
                    }
                    Err(error) => {
                        p.failed += 1;
                        p.errors.push(JobError { input: name.clone(), error });
                    }
                }
            }
            Ok(())
        })
        .await
}
