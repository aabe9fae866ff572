//! What the ledger asks of a SQL database, so that one store serves SQLite
//! and PostgreSQL: statements with numbered parameters (`?1`, `?2`, ...),
//! rows of plain values, transactions. The SQL is written once, in the
//! common part of both dialects (`ON CONFLICT`, `RETURNING`, `TRUE`); what
//! differs (full-text search, schema, migrations) is in [`Dialect`] and in
//! each engine's module.

use crate::{Result, StoreError};

/// A statement parameter, borrowed from the caller.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Arg<'a> {
    Null,
    Int(i64),
    Text(&'a str),
    Bytes(&'a [u8]),
    /// Arrays: `ANY(CAST(?1 AS BIGINT[]))`/`unnest` on PostgreSQL,
    /// `rarray(?1)` on SQLite.
    Ints(&'a [i64]),
    Texts(&'a [String]),
}

impl From<i64> for Arg<'_> {
    fn from(v: i64) -> Self {
        Arg::Int(v)
    }
}

impl From<u32> for Arg<'_> {
    fn from(v: u32) -> Self {
        Arg::Int(i64::from(v))
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(v: &'a str) -> Self {
        Arg::Text(v)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(v: &'a String) -> Self {
        Arg::Text(v)
    }
}

impl<'a> From<Option<&'a str>> for Arg<'a> {
    fn from(v: Option<&'a str>) -> Self {
        v.map_or(Arg::Null, Arg::Text)
    }
}

impl<'a> From<&'a Option<String>> for Arg<'a> {
    fn from(v: &'a Option<String>) -> Self {
        v.as_deref().map_or(Arg::Null, Arg::Text)
    }
}

impl<'a> From<Option<&'a String>> for Arg<'a> {
    fn from(v: Option<&'a String>) -> Self {
        v.map_or(Arg::Null, |s| Arg::Text(s))
    }
}

impl From<Option<i64>> for Arg<'_> {
    fn from(v: Option<i64>) -> Self {
        v.map_or(Arg::Null, Arg::Int)
    }
}

/// Parameters of a statement: `args![a, b]`.
macro_rules! args {
    ($($x:expr),* $(,)?) => { &[$($crate::sql::Arg::from($x)),*][..] };
}
pub(crate) use args;

/// A value read from a row.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Bytes(Vec<u8>),
}

/// One result row.
#[derive(Clone, Debug)]
pub(crate) struct Row(pub(crate) Vec<Value>);

impl Row {
    fn at(&self, i: usize) -> Result<&Value> {
        self.0.get(i).ok_or_else(|| StoreError::Damaged(format!("no column {i} in a row")))
    }

    pub(crate) fn int(&self, i: usize) -> Result<i64> {
        match self.at(i)? {
            Value::Int(v) => Ok(*v),
            other => Err(StoreError::Damaged(format!("column {i}: {other:?} is not an integer"))),
        }
    }

    pub(crate) fn opt_int(&self, i: usize) -> Result<Option<i64>> {
        match self.at(i)? {
            Value::Null => Ok(None),
            _ => self.int(i).map(Some),
        }
    }

    pub(crate) fn real(&self, i: usize) -> Result<f64> {
        match self.at(i)? {
            Value::Real(v) => Ok(*v),
            Value::Int(v) => Ok(*v as f64),
            other => Err(StoreError::Damaged(format!("column {i}: {other:?} is not a number"))),
        }
    }

    pub(crate) fn text(&self, i: usize) -> Result<String> {
        match self.at(i)? {
            Value::Text(v) => Ok(v.clone()),
            other => Err(StoreError::Damaged(format!("column {i}: {other:?} is not text"))),
        }
    }

    pub(crate) fn opt_text(&self, i: usize) -> Result<Option<String>> {
        match self.at(i)? {
            Value::Null => Ok(None),
            _ => self.text(i).map(Some),
        }
    }

    pub(crate) fn opt_bytes(&self, i: usize) -> Result<Option<Vec<u8>>> {
        match self.at(i)? {
            Value::Null => Ok(None),
            Value::Bytes(b) => Ok(Some(b.clone())),
            other => Err(StoreError::Damaged(format!("column {i}: {other:?} is not bytes"))),
        }
    }
}

/// The SQL engine behind a store, for the few statements that differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// Claim appearances matching the full-text query `?1` (from
    /// [`Dialect::text_query`]): their cluster, text and a score, lower
    /// better, at most `?2`.
    pub(crate) fn search_claims(self) -> &'static str {
        match self {
            Dialect::Sqlite => {
                // `ORDER BY rank LIMIT` inside FTS5 keeps only the best
                // rows while it ranks, where ordering by `bm25()` outside
                // it sorts every match (p95 35 -> 22 ms on a 200,000-
                // appearance ledger; the same hits on 60 queries of a
                // million-appearance one, though rows tied at the page's
                // end may differ from a full sort's). Rows of the index
                // always have a cluster (both go when an article is
                // replaced), so the join drops none of them.
                //
                // Ranked among the 5,000 most recently filed matches (the
                // largest row ids, which FTS5 reads in that order without
                // ranking): bm25 costs about 1.5 us a
                // match, and a common word matches a fifth of a
                // million-appearance ledger (p95 302 -> 11 ms there). A
                // query with fewer matches is ranked over all of them.
                "SELECT p.cluster, p.text, f.score FROM
                   (SELECT rowid, score FROM
                      (SELECT rowid, rank AS score FROM claims_fts
                       WHERE claims_fts MATCH ?1 ORDER BY rowid DESC LIMIT 5000)
                    ORDER BY score LIMIT ?2) f
                 JOIN appearances p ON p.id = f.rowid
                 WHERE p.cluster IS NOT NULL ORDER BY f.score, f.rowid"
            }
            Dialect::Postgres => {
                "SELECT p.cluster, f.text,
                        CAST(-ts_rank(f.doc, plainto_tsquery('simple', ?1)) AS DOUBLE PRECISION) AS score
                 FROM claims_fts f JOIN appearances p ON p.id = f.rowid
                 WHERE f.doc @@ plainto_tsquery('simple', ?1) AND p.cluster IS NOT NULL
                 ORDER BY score, f.rowid LIMIT ?2"
            }
        }
    }

    /// Articles matching `?1`: URL, title and a score, lower better.
    pub(crate) fn search_articles(self) -> &'static str {
        match self {
            Dialect::Sqlite => {
                // As for claims: the best of the 5,000 most recently
                // filed matches.
                "SELECT a.url, a.title, f.score FROM
                   (SELECT rowid, score FROM
                      (SELECT rowid, rank AS score FROM articles_fts
                       WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT 5000)
                    ORDER BY score LIMIT ?2) f
                 JOIN articles a ON a.id = f.rowid
                 ORDER BY f.score, a.url"
            }
            Dialect::Postgres => {
                "SELECT url, title,
                        CAST(-ts_rank(doc, plainto_tsquery('simple', ?1)) AS DOUBLE PRECISION) AS score
                 FROM articles_fts WHERE doc @@ plainto_tsquery('simple', ?1)
                 ORDER BY score, url LIMIT ?2"
            }
        }
    }

    /// A filter clause: the cluster `c` has an appearance matching `?`.
    pub(crate) fn cluster_matches(self) -> &'static str {
        match self {
            Dialect::Sqlite => {
                " AND c.cluster IN (SELECT p.cluster FROM claims_fts f JOIN appearances p ON p.id = f.rowid WHERE claims_fts MATCH ?)"
            }
            Dialect::Postgres => {
                " AND c.cluster IN (SELECT p.cluster FROM claims_fts f JOIN appearances p ON p.id = f.rowid WHERE f.doc @@ plainto_tsquery('simple', ?))"
            }
        }
    }

    /// The full-text query for a person's words, `None` for no words.
    /// FTS5: each word quoted, so that its syntax characters are plain
    /// text; PostgreSQL's `plainto_tsquery` takes the words as they are.
    pub(crate) fn text_query(self, words: &str) -> Option<String> {
        let terms: Vec<&str> = words.split_whitespace().collect();
        if terms.is_empty() {
            return None;
        }
        Some(match self {
            Dialect::Sqlite => terms
                .iter()
                .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(" "),
            Dialect::Postgres => terms.join(" "),
        })
    }
}

/// A connection to the ledger's database.
///
/// Statements use `?N` parameters; rows come back as [`Value`]s. Writes
/// happen between [`Conn::begin_write`] and `COMMIT` (see [`Tx`]).
pub(crate) trait Conn: Send {
    fn dialect(&self) -> Dialect;
    fn query(&self, sql: &str, args: &[Arg<'_>]) -> Result<Vec<Row>>;
    fn execute(&self, sql: &str, args: &[Arg<'_>]) -> Result<u64>;
    /// Runs `sql` once for each of `rows` (its arguments), stopping at the
    /// first error; rows changed, in all. SQLite prepares it once.
    fn execute_each<'a>(
        &self,
        sql: &str,
        rows: &mut dyn Iterator<Item = Vec<Arg<'a>>>,
    ) -> Result<u64> {
        rows.map(|args| self.execute(sql, &args)).sum()
    }
    /// Runs statements without parameters (schema, transaction control).
    fn batch(&self, sql: &str) -> Result<()>;
    /// Starts a write transaction. SQLite: `BEGIN IMMEDIATE`, one writer
    /// at a time. PostgreSQL: writers run at once, each taking
    /// [`Conn::lock`]s on what it reads and changes.
    fn begin_write(&self) -> Result<()>;

    /// Ends the write transaction [`Conn::begin_write`] started, keeping
    /// what it wrote (inside a batch, nothing yet: the batch commits).
    fn commit_write(&self) -> Result<()> {
        self.batch("COMMIT")
    }

    /// Ends it, throwing away what it wrote (inside a batch, the whole
    /// batch, which then knows it failed).
    fn rollback_write(&self) {
        // Nothing to report: the transaction is being abandoned on an
        // error that is already on its way to the caller.
        let _ = self.batch("ROLLBACK");
    }

    /// Starts a batch: one transaction around many write transactions,
    /// which then only mark their ends (SQLite, where a commit costs more
    /// than most articles' statements). `false` where batches are not
    /// kept (PostgreSQL: writers run at once and hold their locks until
    /// their commit).
    fn begin_batch(&self) -> Result<bool> {
        Ok(false)
    }

    /// Commits the batch; `Ok(false)` when a write in it failed and the
    /// batch was rolled back.
    fn commit_batch(&self) -> Result<bool> {
        Ok(true)
    }

    /// A value that changes whenever the database may have changed since
    /// it was last read, by this connection or another: what may be kept
    /// between reads is kept while it holds. `None`: nothing may be kept
    /// (inside a transaction, which may yet roll back; PostgreSQL).
    fn stamp(&self) -> Option<(i64, u64)> {
        None
    }

    /// A number that moves whenever another connection commits a change
    /// to the database (SQLite's `PRAGMA data_version`); `None` where
    /// there is none (PostgreSQL).
    fn data_version(&self) -> Option<i64> {
        None
    }

    /// Whether a batch is open and has not failed.
    fn in_batch(&self) -> bool {
        false
    }

    /// Holds `keys` (see [`lock_key`]) until the transaction ends; a writer
    /// asking for a key another holds waits for its commit, then sees
    /// what it wrote. A no-op where writers take turns anyway (SQLite).
    /// May fail with a deadlock ([`crate::StoreError::is_conflict`]): the
    /// transaction is then rolled back and tried again.
    fn lock(&self, _keys: &[i64]) -> Result<()> {
        Ok(())
    }

    /// The first row, if any.
    fn query_opt(&self, sql: &str, args: &[Arg<'_>]) -> Result<Option<Row>> {
        Ok(self.query(sql, args)?.into_iter().next())
    }

    /// The one row a statement gives (an aggregate, an `INSERT ...
    /// RETURNING`).
    fn query_one(&self, sql: &str, args: &[Arg<'_>]) -> Result<Row> {
        self.query_opt(sql, args)?
            .ok_or_else(|| StoreError::Damaged(format!("no row from: {}", sql.trim())))
    }
}

/// The lock key of a thing a writer reads or changes (`kind` says what:
/// `u` URL, `h` content hash, `a` article band, `k` claim band, `c`
/// cluster): FNV-1a over both, stable across processes. An article band,
/// a 64-bit hash already, is locked as the key of its kind (`a` and no
/// name) XOR the band (since PostgreSQL schema v9, which a writer of an
/// older version refuses).
pub(crate) fn lock_key(kind: &str, name: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in kind.bytes().chain([0]).chain(name.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h as i64
}

/// A write transaction: rolled back when dropped uncommitted.
pub(crate) struct Tx<'a> {
    conn: &'a dyn Conn,
    open: bool,
}

impl<'a> Tx<'a> {
    pub(crate) fn write(conn: &'a dyn Conn) -> Result<Tx<'a>> {
        conn.begin_write()?;
        Ok(Tx { conn, open: true })
    }

    pub(crate) fn commit(mut self) -> Result<()> {
        self.open = false;
        self.conn.commit_write()
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if self.open {
            self.conn.rollback_write();
        }
    }
}
