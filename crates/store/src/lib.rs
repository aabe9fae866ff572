//! The ledger's storage: articles, their versions and claim appearances,
//! clustered by the engine's pure ledger core (`claimtrace::ledger`).
//!
//! One store, [`SqlStore`], over two engines: by default one SQLite file
//! (WAL mode, versioned migrations), and PostgreSQL when a team shares a
//! ledger or workers write at once (`--db postgres://...`). The SQL is
//! written once ([`sql`]); each engine's module holds its connection,
//! schema and migrations. Each article is ingested in one transaction, so
//! a killed process leaves either all of an article or none of it, and
//! writers take turns. [`LedgerStore`] is the interface the shells (CLI,
//! server, worker) use.

mod postgres;
mod preserve;
mod schema;
mod sql;
mod sqlite;
mod store;

pub use preserve::{Fetch, FetchRecord};
pub use sql::Dialect;
pub use store::{
    Appearances, Filed, LookupStats, Prepared, Preparer, Reanalysed, SqlStore, StoredArticle,
    ViewCache,
};

use claimtrace::record::ledger::{ClaimBrief, LedgerClaim, LedgerEvent};

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a claimtrace ledger ({reason}); refusing to write to it")]
    Foreign { path: String, reason: String },
    #[error("{path}: ledger schema version {found} is newer than this claimtrace ({supported}); upgrade claimtrace")]
    TooNew { path: String, found: i64, supported: i64 },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database error: {0}")]
    Postgres(#[from] ::postgres::Error),
    #[error("cannot reach the ledger at {url}: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("stored data is damaged: {0}")]
    Damaged(String),
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl StoreError {
    /// Whether trying again later may succeed: the database went away or
    /// a concurrent writer got in the way, not a fault of the input.
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Unreachable { .. } => true,
            // Closed connections, I/O, and the server's own classes for
            // connection trouble (08), shutdown and restart (57) and
            // exhausted resources (53).
            StoreError::Postgres(err) => {
                err.is_closed()
                    || std::error::Error::source(err).is_some_and(|e| e.is::<std::io::Error>())
                    || self.is_conflict()
                    || err.code().is_some_and(|c| {
                        let code = c.code();
                        code.starts_with("08") || code.starts_with("57") || code.starts_with("53")
                    })
            }
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(err, _)) => matches!(
                err.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            ),
            _ => false,
        }
    }
}

impl StoreError {
    /// Whether two writers got in each other's way (a deadlock between
    /// their locks): the transaction was rolled back and may be retried.
    pub fn is_conflict(&self) -> bool {
        use ::postgres::error::SqlState;
        matches!(self, StoreError::Postgres(err)
            if err.code().is_some_and(|c| *c == SqlState::T_R_DEADLOCK_DETECTED
                || *c == SqlState::T_R_SERIALIZATION_FAILURE))
    }
}

/// Whether `db` names a PostgreSQL database rather than a SQLite file.
pub fn is_postgres_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

impl SqlStore {
    /// Opens the ledger `db` names: a `postgres://` URL, else a SQLite file.
    pub fn connect(db: &std::path::Path) -> Result<SqlStore> {
        match db.to_str() {
            Some(url) if is_postgres_url(url) => SqlStore::connect_postgres(url),
            _ => SqlStore::open(db),
        }
    }
}

/// What ingesting one article did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ingested {
    /// A URL (or text) the ledger had not seen.
    New,
    /// A known URL with other content: a new version, which the ledger uses.
    NewVersion,
    /// The same content again: nothing added.
    Unchanged,
    /// The same text under another URL: kept as a copy, counted once.
    Copy,
}

/// An article as given to the store: the analysed document and where it
/// came from.
pub struct ArticleInput<'a> {
    pub doc: &'a claimtrace::Document,
    /// The input's name (file path or URL), used when the article names no
    /// URL of its own.
    pub input_name: &'a str,
    /// When it was ingested (ISO 8601), the date of last resort.
    pub ingested_at: &'a str,
}

/// Filters of `claims`: each narrows the list, none changes a cluster.
#[derive(Clone, Debug, Default)]
pub struct ClaimFilter {
    pub status: Option<String>,
    /// An entity named in the claim, or its origin or a source in a chain.
    pub about: Option<String>,
    pub outlet: Option<String>,
    /// Only clusters reported by an outlet based in this country (ISO
    /// 3166 code, as the store's outlet registry says).
    pub outlet_country: Option<String>,
    /// Only clusters reported by an outlet the registry labels
    /// state-affiliated.
    pub state_affiliated: bool,
    /// Only clusters reported by a news agency.
    pub wire: bool,
    /// Only clusters with an appearance on or after this date.
    pub since: Option<String>,
    /// Only clusters with an appearance on or before this date.
    pub until: Option<String>,
    /// Words the claim's wording contains (full-text).
    pub text: Option<String>,
    pub limit: Option<usize>,
    /// Only clusters after this cursor (from [`LedgerStore::claims_page`]).
    pub after: Option<String>,
}

/// Filters of `events`.
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    /// Only events of this PLOVER type (ASSAULT, PROTEST, ...).
    pub kind: Option<String>,
    /// Only events with a participant or place whose name contains this.
    pub about: Option<String>,
    /// Only events on or after this date (the event's, else its first
    /// report's).
    pub since: Option<String>,
    /// Only events on or before this date.
    pub until: Option<String>,
}

impl EventFilter {
    /// Whether `event` passes every filter.
    pub fn admits(&self, event: &LedgerEvent) -> bool {
        let date = event
            .time
            .clone()
            .or_else(|| event.reports.first().and_then(|r| r.date.clone()))
            .unwrap_or_default();
        let about = self.about.as_ref().map(|a| a.to_lowercase());
        self.kind.as_ref().is_none_or(|k| event.kind.eq_ignore_ascii_case(k))
            && about.as_ref().is_none_or(|a| {
                event
                    .actors
                    .iter()
                    .chain(&event.targets)
                    .chain(&event.location)
                    .any(|n| n.to_lowercase().contains(a.as_str()))
            })
            && self.since.as_ref().is_none_or(|d| !date.is_empty() && date.as_str() >= d.as_str())
            && self.until.as_ref().is_none_or(|d| {
                !date.is_empty() && date.get(..d.len()).unwrap_or(&date) <= d.as_str()
            })
    }
}

/// One stored article version.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleRow {
    pub url: String,
    pub version: u32,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub date_from: String,
    pub ingested_at: String,
    pub claims: usize,
    pub copy_of: Option<String>,
    pub latest: bool,
}

/// One version of an article, for `history`.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    pub version: u32,
    pub ingested_at: String,
    pub published: Option<String>,
    /// The article record as analysed then (`docs/article-json.md`).
    pub record: claimtrace::Record,
}

/// A full-text hit.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    /// `claim` or `article`.
    pub kind: &'static str,
    /// The cluster id for a claim, the URL for an article.
    pub id: String,
    pub text: String,
    pub score: f64,
}

/// What a reviewer decides about a claim (`claimtrace review`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Review {
    /// Set the claim's status: it wins over the machine's until undone.
    Status(String),
    /// Only a note.
    Note,
    /// Take back the latest correction still in force.
    Undo,
    /// Make the claim with this id and this one one claim: the smaller
    /// moves into the larger; its id redirects.
    Merge(String),
    /// Take the appearances of the article at this URL out of the claim
    /// into a claim of their own; later versions of the article, and
    /// articles that would bridge the two, do not join them again.
    Split(String),
}

impl Review {
    /// What a reviewer's request asks for: a status (a blank one counts as
    /// none), an undo, or a note alone; `None` for an empty request or one
    /// asking for a status and an undo at once.
    pub fn from_request(status: Option<&str>, undo: bool, note: Option<&str>) -> Option<Review> {
        let status = status.map(str::trim).filter(|s| !s.is_empty());
        let note = note.filter(|n| !n.trim().is_empty());
        match (status, undo, note) {
            (Some(status), false, _) => Some(Review::Status(status.to_lowercase())),
            (None, true, _) => Some(Review::Undo),
            (None, false, Some(_)) => Some(Review::Note),
            _ => None,
        }
    }
}

/// The statuses a reviewer may set (the claims' vocabulary).
pub const STATUSES: [&str; 6] =
    ["disputed", "confirmed", "unverified", "hedged", "reported", "asserted"];

/// The ledger as the shells see it.
pub trait LedgerStore {
    /// Adds an analysed article and clusters its claims.
    fn ingest(&mut self, article: &ArticleInput<'_>) -> Result<Ingested>;
    /// Claim clusters, newest activity first.
    fn claims(&self, filter: &ClaimFilter) -> Result<Vec<LedgerClaim>> {
        Ok(self.claims_page(filter)?.0)
    }
    /// A page of `claims`: at most `filter.limit` clusters after
    /// `filter.after`, and the cursor of the next page (`None` on the last).
    /// A cursor stays valid while clusters are added.
    fn claims_page(&self, filter: &ClaimFilter) -> Result<(Vec<LedgerClaim>, Option<String>)>;
    /// The same page in brief ([`ClaimBrief`]): for lists, at a cost that
    /// does not grow with the clusters' sizes.
    fn claims_brief(&self, filter: &ClaimFilter) -> Result<(Vec<ClaimBrief>, Option<String>)>;
    /// One cluster by id.
    fn claim(&self, id: &str) -> Result<Option<LedgerClaim>>;
    /// Every stored article version, newest first.
    fn articles(&self) -> Result<Vec<ArticleRow>>;
    /// Every stored version of the article at `url`, oldest first.
    fn history(&self, url: &str) -> Result<Vec<Version>>;
    /// Full-text search over claims and articles, best first (bm25).
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>>;
    /// Events across the latest version of every article (copies counted
    /// once), grouped by `claimtrace::ledger::group_events`, in order of
    /// their first report.
    fn events(&self, filter: &EventFilter) -> Result<Vec<LedgerEvent>>;
    /// Records a reviewer's decision on claim `id` (any id it has had),
    /// with who, when and why; `Ok(None)` when no claim has that id, and
    /// for an undo with nothing to take back. Returns the correction as
    /// the claim now lists it.
    fn review(
        &mut self,
        id: &str,
        review: &Review,
        note: Option<&str>,
        by: &str,
        at: &str,
    ) -> Result<Option<claimtrace::record::ledger::Correction>>;
    /// Every correction of claim `id` (under any id it has had), oldest
    /// first, undos included.
    fn corrections(&self, id: &str) -> Result<Vec<claimtrace::record::ledger::Correction>>;
}
