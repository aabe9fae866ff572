//! The ledger in one SQLite file: the connection, its checks on open, and
//! the migrations with their backfills ([`crate::schema::MIGRATIONS`]).

use std::path::Path;

use claimtrace::ledger::{self, Fingerprint};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, ToSql};

use crate::schema::{APPLICATION_ID, MIGRATIONS};
use crate::sql::{args, Arg, Conn, Dialect, Row, Value};
use crate::store::{self, SqlStore};
use crate::{Result, StoreError};

/// A connection to a SQLite ledger file.
/// A SQLite connection, and whether a batch ([`Conn::begin_batch`]) is open
/// on it.
pub(crate) struct SqliteConn(Connection, std::cell::Cell<Batch>);

/// Where a connection's batch stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Batch {
    None,
    Open,
    /// A write in it failed: it was rolled back, and writes are refused
    /// until it is committed (which says so).
    Failed,
}

impl ToSql for Arg<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        use rusqlite::types::Value as Owned;
        // Arrays go to the `rarray` table-valued function (`IN rarray(?1)`,
        // `FROM rarray(?1)`), as PostgreSQL reads them with `ANY`/`unnest`.
        let array = |values: Vec<Owned>| ToSqlOutput::Array(std::rc::Rc::new(values));
        Ok(match *self {
            Arg::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Arg::Int(v) => ToSqlOutput::Borrowed(ValueRef::Integer(v)),
            Arg::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Arg::Bytes(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
            Arg::Ints(v) => array(v.iter().map(|&i| Owned::Integer(i)).collect()),
            Arg::Texts(v) => array(v.iter().map(|t| Owned::Text(t.clone())).collect()),
        })
    }
}

impl Conn for SqliteConn {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    /// `PRAGMA data_version` (it moves when another connection commits)
    /// and the rows this connection changed, outside transactions.
    fn stamp(&self) -> Option<(i64, u64)> {
        if !self.0.is_autocommit() {
            return None;
        }
        let version = self.data_version()?;
        Some((version, self.0.total_changes()))
    }

    fn data_version(&self) -> Option<i64> {
        // Asked before every write: prepared once.
        let mut stmt = self.0.prepare_cached("PRAGMA data_version").ok()?;
        stmt.query_row([], |r| r.get(0)).ok()
    }

    fn query(&self, sql: &str, args: &[Arg<'_>]) -> Result<Vec<Row>> {
        let mut stmt = self.0.prepare_cached(sql)?;
        let columns = stmt.column_count();
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(columns);
            for i in 0..columns {
                values.push(match row.get_ref(i)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(v) => Value::Int(v),
                    ValueRef::Real(v) => Value::Real(v),
                    ValueRef::Text(t) => Value::Text(
                        String::from_utf8(t.to_vec())
                            .map_err(|e| StoreError::Damaged(format!("text column {i}: {e}")))?,
                    ),
                    ValueRef::Blob(b) => Value::Bytes(b.to_vec()),
                });
            }
            out.push(Row(values));
        }
        Ok(out)
    }

    fn execute(&self, sql: &str, args: &[Arg<'_>]) -> Result<u64> {
        Ok(self.0.prepare_cached(sql)?.execute(rusqlite::params_from_iter(args))? as u64)
    }

    fn execute_each<'a>(
        &self,
        sql: &str,
        rows: &mut dyn Iterator<Item = Vec<Arg<'a>>>,
    ) -> Result<u64> {
        // One statement for every row: not looked up in the cache again
        // and again (about a twelfth of writing a batch's keys and
        // full-text rows, in a profile).
        let mut stmt = self.0.prepare_cached(sql)?;
        let mut changed = 0;
        for args in rows {
            changed += stmt.execute(rusqlite::params_from_iter(&args))? as u64;
        }
        Ok(changed)
    }

    fn batch(&self, sql: &str) -> Result<()> {
        Ok(self.0.execute_batch(sql)?)
    }

    fn begin_write(&self) -> Result<()> {
        match self.1.get() {
            // IMMEDIATE: the write lock first, so that two processes do
            // not both read and then fail to upgrade.
            Batch::None => self.batch("BEGIN IMMEDIATE"),
            Batch::Open => Ok(()),
            Batch::Failed => Err(StoreError::Invalid("the batch was rolled back".into())),
        }
    }

    fn commit_write(&self) -> Result<()> {
        match self.1.get() {
            Batch::None => self.batch("COMMIT"),
            Batch::Open | Batch::Failed => Ok(()),
        }
    }

    fn rollback_write(&self) {
        match self.1.get() {
            // Rolled back already.
            Batch::Failed => {}
            Batch::Open => {
                self.1.set(Batch::Failed);
                let _ = self.batch("ROLLBACK");
            }
            Batch::None => {
                let _ = self.batch("ROLLBACK");
            }
        }
    }

    fn begin_batch(&self) -> Result<bool> {
        self.batch("BEGIN IMMEDIATE")?;
        self.1.set(Batch::Open);
        Ok(true)
    }

    fn in_batch(&self) -> bool {
        matches!(self.1.get(), Batch::Open)
    }

    fn commit_batch(&self) -> Result<bool> {
        let was = self.1.replace(Batch::None);
        match was {
            Batch::Open => self.batch("COMMIT").map(|()| true),
            Batch::Failed => Ok(false),
            Batch::None => Ok(true),
        }
    }
}

impl SqlStore {
    /// Opens (or creates) the ledger in the SQLite file at `path`,
    /// migrating an older schema. A file that is not a claimtrace ledger,
    /// or one from a newer claimtrace, is refused and left untouched.
    pub fn open(path: &Path) -> Result<SqlStore> {
        let shown = path.display().to_string();
        let foreign =
            |reason: &str| StoreError::Foreign { path: shown.clone(), reason: reason.into() };
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_dir() {
                return Err(foreign("it is a folder"));
            }
            if meta.len() > 0 {
                let mut head = [0u8; 16];
                use std::io::Read;
                let n = std::fs::File::open(path)
                    .and_then(|mut f| f.read(&mut head))
                    .map_err(|e| foreign(&e.to_string()))?;
                if n < 16 || &head != b"SQLite format 3\0" {
                    return Err(foreign("not a SQLite file"));
                }
            }
        }
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(60))?;
        rusqlite::vtab::array::load_module(&conn)?;
        // Ingest alone uses some thirty statements; re-preparing evicted
        // ones cost a tenth of its time.
        conn.set_prepared_statement_cache_capacity(128);
        // One read transaction, so that the three reads see one state of
        // the file even while another process is creating it.
        let (app, tables, version) = {
            let tx = conn.unchecked_transaction()?;
            let app: i64 = tx
                .query_row("PRAGMA application_id", [], |r| r.get(0))
                .map_err(|e| foreign(&format!("unreadable: {e}")))?;
            let tables: i64 =
                tx.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
            let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            tx.commit()?;
            (app, tables, version)
        };
        if app != APPLICATION_ID && (app != 0 || tables > 0) {
            return Err(foreign("a SQLite database of another program"));
        }
        let supported = MIGRATIONS.len() as i64;
        if version > supported {
            return Err(StoreError::TooNew { path: shown, found: version, supported });
        }
        wal_mode(&conn)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Checkpoint every ~160 MB of WAL rather than every 4 MB: ingest
        // rewrites the same index pages article after article, and each
        // checkpoint wrote them out again (15% of ingest time in a profile
        // of `bench --synthetic`; every 40 MB, 10,000 pages, filed 6,824 /
        // 7,109 appearances/s into a 100,000-appearance ledger and 5,997
        // into a 200,000 one, every 160 MB 7,637 / 7,334 and 6,369). The
        // last connection to close checkpoints what is left and removes
        // the file.
        conn.pragma_update(None, "wal_autocheckpoint", 40_000)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // A page cache of up to 128 MiB (SQLite's default is 2 MiB): filing
        // reads the candidate index and the clusters at random, and on a
        // ledger of a million appearances most reads missed the cache
        // (a read call a page). Grown only as pages are read; readers
        // that map the file (`tune_for_reads`) read through the map.
        conn.pragma_update(None, "cache_size", -131_072)?;
        // Statement journals (a copy of each page a many-row statement
        // changes) in memory, not in a temporary file.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        let conn = SqliteConn(conn, std::cell::Cell::new(Batch::None));
        migrate(&conn)?;
        Ok(SqlStore::new(Box::new(conn)))
    }
}

/// Switches the file to WAL. Switching takes the file's exclusive lock
/// without SQLite's busy handler, so another process opening a new ledger
/// at the same moment makes it fail at once ("database is locked"): it
/// is tried again, for as long as the busy timeout allows.
fn wal_mode(conn: &Connection) -> Result<()> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            outcome => return Ok(outcome?),
        }
    }
}

/// The schema version of a SQLite ledger (`PRAGMA user_version`).
pub(crate) fn schema_version(conn: &dyn Conn) -> Result<i64> {
    conn.query_one("PRAGMA user_version", &[])?.int(0)
}

/// Applies the migrations the file lacks, in one transaction (taken
/// IMMEDIATE, so that two processes opening a new file at once migrate it
/// once): every schema change first, then the backfills of the versions
/// passed, which are written against the newest schema.
fn migrate(conn: &SqliteConn) -> Result<()> {
    conn.begin_write()?;
    match migrate_locked(conn) {
        Ok(()) => conn.batch("COMMIT"),
        Err(err) => {
            let _ = conn.batch("ROLLBACK");
            Err(err)
        }
    }
}

fn migrate_locked(conn: &SqliteConn) -> Result<()> {
    let from = schema_version(conn)? as usize;
    if from >= MIGRATIONS.len() {
        return Ok(());
    }
    for sql in &MIGRATIONS[from..] {
        conn.batch(sql)?;
    }
    for version in from + 1..=MIGRATIONS.len() {
        backfill(conn, version)?;
    }
    conn.batch(&format!(
        "PRAGMA user_version = {}; PRAGMA application_id = {APPLICATION_ID};",
        MIGRATIONS.len()
    ))
}

/// Fills what schema version `version` added to a ledger written before
/// it.
fn backfill(conn: &SqliteConn, version: usize) -> Result<()> {
    if version == 2 {
        // Summaries of the clusters a version 1 ledger holds.
        let clusters =
            conn.query("SELECT DISTINCT cluster FROM appearances WHERE cluster IS NOT NULL", &[])?;
        for row in clusters {
            // No corrections before version 6.
            store::refresh(conn, row.int(0)?, false)?;
        }
    }
    // 3 (bands as text) is filled by 13 (bands as integers).
    if version == 13 {
        store::fill_keys(conn)?;
    }
    // 4's fingerprints are filed under 16's integer bands; 16 files those
    // stored before it (again, for a ledger that 4 filled just now: the
    // bands are ignored the second time).
    if version == 16 {
        store::refile_fingerprints(conn)?;
    }
    if version == 4 {
        for row in conn.query("SELECT id, record FROM articles", &[])? {
            let record: serde_json::Value = store::from_json(&row.text(1)?)?;
            let text = record.get("text").and_then(|t| t.as_str()).unwrap_or("");
            if let Some(print) = Fingerprint::of(text) {
                store::file_fingerprint(conn, row.int(0)?, &print)?;
            }
        }
    }
    if version == 5 {
        let rows = conn.query(
            "SELECT p.cluster, a.outlet, a.url FROM appearances p
             JOIN articles a ON a.id = p.article
             WHERE p.cluster IS NOT NULL AND a.copy_of IS NULL",
            &[],
        )?;
        for row in rows {
            let url = row.text(2)?;
            let outlet = row.opt_text(1)?.unwrap_or_else(|| ledger::host_of(&url));
            conn.execute(
                "INSERT INTO cluster_terms (term, cluster) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                args![&format!("n:{outlet}"), row.int(0)?],
            )?;
        }
    }
    Ok(())
}
