//! [`LedgerStore`] on a SQL database: the ledger's tables, how an article
//! is filed and clustered, and how views are read back. One
//! implementation for SQLite and PostgreSQL ([`crate::sql::Conn`]).

use std::collections::{BTreeSet, HashMap};

use claimtrace::ledger::{
    self, Appearance, ArticleRef, DateFrom, Fingerprint, Outlets, Signature, Summary,
};
use claimtrace::record::ledger::{
    ClaimBrief, Correction, EventReport, LedgerClaim, LedgerEvent, TimelineEntry,
};
use claimtrace::Record;
use sha2::{Digest, Sha256};

use crate::sql::{args, lock_key, Arg, Conn, Dialect, Row, Tx};
use filing::Clustering;

mod filing;
mod kept;
mod reanalyse;

use crate::{
    ArticleInput, ArticleRow, ClaimFilter, EventFilter, Ingested, LedgerStore, Result, Review,
    SearchHit, StoreError, Version, STATUSES,
};
pub use reanalyse::{Reanalysed, StoredArticle};

/// Clusters filed under a name above which `claims --about` walks the
/// clusters newest first instead of sorting the name's clusters.
const COMMON_TERM: i64 = 2_000;

/// Candidates read per MinHash band: its most recent appearances. A band
/// is shared by few claims but the many reports of one big story; of
/// those, the most recent are enough to join it. The ledger is exactly a
/// function of the set of articles while no band holds more than this.
const BUCKET: usize = 8;

/// Appearances the candidate index keeps of a band: its most recent (a
/// margin over [`BUCKET`] for those a new version takes out). Lookups read
/// only the most recent, and the big stories' bands held nine postings in
/// ten of a million-appearance ledger, written and never read again.
const BAND_KEPT: usize = 32;
// A band that holds fewer than BUCKET is not trimmed (`Kept::holds_fewer`).
const _: () = assert!(BAND_KEPT >= BUCKET);

/// A band is trimmed to [`BAND_KEPT`] on about one filing under it in
/// this many (those whose row id and band agree in their low bits), but
/// not one a SQLite writer knows holds fewer than [`BUCKET`].
const TRIM_EVERY: i64 = 64;

/// How a filed article's appearances are made, once its version and copy
/// mark are known ([`SqlStore::file`]).
pub type Appearances<'a> = &'a dyn Fn(&ArticleRef) -> Vec<Appearance>;

/// An article as the store files it: what [`LedgerStore::ingest`] reads
/// off an analysed document. It owns what it holds, so that it can be
/// made on the thread that analysed the article ([`Preparer`]).
#[derive(Clone, Debug)]
pub struct Filed {
    /// The canonical URL, or the input's name.
    pub url: String,
    pub title: String,
    pub outlet: Option<String>,
    /// ISO 8601 from the article; `None` dates it by `ingested_at`.
    pub published: Option<String>,
    /// Where `published` came from (`None`: the page's metadata).
    pub date_from: Option<DateFrom>,
    pub body: String,
    /// The body's MinHash fingerprint (`Fingerprint::of(&body)`), which
    /// tells republished copies.
    pub fingerprint: Option<Fingerprint>,
    /// The article record (`docs/article-json.md`) as one JSON line.
    pub record: String,
    pub ingested_at: String,
    /// The news agency whose story it carries ([`ArticleRef::wire`]).
    pub wire: Option<String>,
}

/// Makes [`Prepared`] articles: the part of filing that needs no database
/// (the record's JSON, the fingerprint, the claims' signatures), done on
/// the thread that analysed the article, so that the one writer of a
/// ledger only writes. Cheap to clone, and shared by worker threads.
#[derive(Clone)]
pub struct Preparer {
    outlets: std::sync::Arc<Outlets>,
}

/// An article ready to be filed ([`SqlStore::stage`]).
#[derive(Clone, Debug)]
pub struct Prepared {
    pub filed: Filed,
    /// Its appearances, made for the first version of an article that
    /// copies none; the store marks their version and copy when it files
    /// them.
    appearances: Vec<Appearance>,
    /// Whether the appearances were put away ([`Prepared::put_away`]).
    put_away: bool,
    /// Once put away, each appearance's nouns and days, encoded
    /// ([`Signature::encode`] of them alone).
    nouns: Vec<Box<str>>,
}

impl Preparer {
    /// An analysed article as the store files it: its URL (or the input's
    /// name), the outlet registry's name for its outlet, the news agency
    /// whose story it carries, its dates and record.
    pub fn filed(&self, input: &ArticleInput<'_>) -> Filed {
        let doc = input.doc;
        let url = doc.meta.url.clone().unwrap_or_else(|| input.input_name.to_string());
        // The registry's name for the outlet wins over the page's own
        // ("BBC", "BBC News" and bbc.co.uk are one outlet).
        let outlet = self.outlets.of_url(&url).map(|o| o.name.clone());
        let wire =
            self.outlets.wire_credited(&url, &doc.meta.authors, &doc.text).map(|o| o.name.clone());
        Filed {
            url,
            title: doc.meta.title.clone().unwrap_or_default(),
            outlet: outlet.or_else(|| doc.meta.outlet.clone()),
            wire,
            published: doc.meta.published.or(doc.meta.updated).map(|s| s.to_string()),
            date_from: Some(DateFrom::of(&doc.meta)),
            fingerprint: Fingerprint::of(&doc.text),
            body: doc.text.clone(),
            record: Record::from_document(doc).to_json_line(),
            ingested_at: input.ingested_at.to_string(),
        }
    }

    /// The article and its appearances, ready to be filed.
    pub fn prepare(&self, input: &ArticleInput<'_>) -> Prepared {
        let filed = self.filed(input);
        let appearances = ledger::appearances(input.doc, &filed.reference(1, None));
        Prepared::new(filed, appearances)
    }
}

impl Prepared {
    /// The article `filed` with the `appearances` made for its first
    /// version ([`Filed::reference`]`(1, None)`), ready to file. Each
    /// appearance's signature is the one its text and entities give
    /// (`Signature::named`), with its nouns and days, as [`ledger::appearances`]
    /// makes them.
    pub fn new(filed: Filed, appearances: Vec<Appearance>) -> Prepared {
        Prepared { filed, appearances, put_away: false, nouns: Vec::new() }
    }

    /// Its appearances, as the article `r` names them.
    fn appearances_as(&self, r: &ArticleRef) -> Vec<Appearance> {
        self.appearances
            .iter()
            .enumerate()
            .map(|(k, a)| Appearance {
                article: r.clone(),
                signature: match self.put_away {
                    true => {
                        // The nouns and the days kept ([`Prepared::put_away`]).
                        let Signature { nouns, subjects, numbers: days, .. } =
                            Signature::decode(&self.nouns[k]);
                        let mut made =
                            Signature { nouns, subjects, ..Signature::named(&a.text, &a.entities) };
                        made.numbers.extend(days);
                        made
                    }
                    false => a.signature.clone(),
                },
                ..a.clone()
            })
            .collect()
    }

    /// Keeps only what filing it again needs, once it is filed in a batch
    /// that may yet be rolled back (and each of its articles filed again
    /// on its own): its appearances' signatures are made again from their
    /// text, entities, nouns and days (kept: the tags and times they came
    /// from are not),
    /// and their article named again, if that happens.
    /// A staged article held its signatures' stems and names, most of its
    /// memory (`bench --synthetic`, commits of 2,048 articles: ~35 MB of
    /// them; peak RSS of 1,000,000 appearances 477 → 462 MiB).
    fn put_away(&mut self) {
        if self.put_away {
            return;
        }
        for a in &mut self.appearances {
            let nouns = std::mem::take(&mut a.signature.nouns);
            let subjects = std::mem::take(&mut a.signature.subjects);
            // The days resolved in the claim's sentence (`Signature::dated`)
            // are not in its text either.
            let days: BTreeSet<String> =
                ledger::Parts::dates(&a.signature).map(str::to_string).collect();
            a.signature.numbers.retain(|n| !days.contains(n));
            debug_assert_eq!(a.signature, Signature::named(&a.text, &a.entities), "Prepared::new");
            let kept = Signature { nouns, subjects, numbers: days, ..Signature::default() };
            self.nouns.push(kept.encode().into());
            a.signature = Signature::default();
            let r = &mut a.article;
            (r.url, r.outlet, r.published, r.copy_of, r.wire) = Default::default();
        }
        self.put_away = true;
    }

    /// About how many bytes of text it holds: its record, text and
    /// appearances (their text and sentence).
    fn held_bytes(&self) -> usize {
        let f = &self.filed;
        let appearances: usize =
            self.appearances.iter().map(|a| a.text.len() + a.sentence.len()).sum();
        f.record.len() + f.body.len() + f.title.len() + f.url.len() + appearances
    }
}

/// A store dropped with articles staged commits them: what was filed is
/// not lost for a missing [`SqlStore::commit_staged`].
impl Drop for SqlStore {
    fn drop(&mut self) {
        if self.staged() > 0 {
            self.commit_staged();
        }
    }
}

/// Articles [`SqlStore::stage`] filed in a batch not committed yet, with
/// their results.
#[derive(Default)]
struct Staged {
    articles: Vec<Prepared>,
    /// About how many bytes `articles` hold ([`Prepared::held_bytes`]).
    bytes: usize,
    results: Vec<Result<Ingested>>,
    /// Filed in one transaction (SQLite), not each in its own.
    batched: bool,
    /// One failed: the batch is rolled back, and the rest wait.
    failed: bool,
}

impl Filed {
    /// How the article's appearances name it, as `version` and a copy of
    /// `copy_of`.
    pub fn reference(&self, version: u32, copy_of: Option<String>) -> ArticleRef {
        let (published, date_from) = match &self.published {
            Some(stamp) => (stamp.clone(), self.date_from.unwrap_or(DateFrom::META)),
            None => (self.ingested_at.clone(), DateFrom::Ingest),
        };
        ArticleRef {
            url: self.url.clone(),
            outlet: self.outlet.clone(),
            published: Some(published),
            date_from,
            version,
            copy_of,
            wire: self.wire.clone(),
        }
    }
}

/// The ledger in a SQL database: one SQLite file ([`SqlStore::open`]) or
/// a PostgreSQL database ([`SqlStore::connect`]).
pub struct SqlStore {
    pub(crate) conn: Box<dyn Conn>,
    stats: LookupStats,
    /// Names the outlet of each article filed ([`SqlStore::set_outlets`]).
    outlets: std::sync::Arc<Outlets>,
    /// Full-text rows not written yet (SQLite).
    text_rows: TextRows,
    /// Articles filed in a batch not committed yet ([`SqlStore::stage`]).
    staged: Staged,
    /// `superseded_by` of the clusters read, while the ledger is unchanged.
    superseded: std::cell::RefCell<Superseded>,
    /// Signatures and clusters of the appearances filed last, the bands
    /// looked up, the terms filed and the keys held (`store/kept.rs`).
    kept: kept::Kept,
}

/// The claims superseding clusters, as read at `stamp` ([`Conn::stamp`]):
/// finding one reads every revision of every member, thousands for a big
/// story's claim, which a list shows again and again.
#[derive(Default)]
struct Superseded {
    stamp: Option<(i64, u64)>,
    by_cluster: HashMap<i64, Option<String>>,
}

/// Clusters [`Superseded`] keeps at most.
const SUPERSEDED_KEPT: usize = 100_000;

/// Full-text rows of the articles and appearances filed, held back until
/// the end of the write (SQLite): FTS5 flushes the terms it holds in memory
/// to disk each time a later statement of the transaction opens a
/// savepoint, which most writes do, so rows written as they come cost a
/// flush (and later merges) a statement; written last, one a transaction,
/// or one a batch of articles.
#[derive(Default)]
pub(crate) struct TextRows {
    /// (article row id, url, title, body) of `articles_fts`, whose rowid
    /// is the article's (schema v14).
    articles: Vec<(i64, String, String, String)>,
    /// (appearance row id, text, sentence) of `claims_fts`.
    claims: Vec<(i64, String, String)>,
}

impl TextRows {
    /// Writes the rows held, and forgets them.
    pub(crate) fn write(&mut self, conn: &dyn Conn) -> Result<()> {
        let written = conn
            .execute_each(
                "INSERT INTO articles_fts (rowid, url, title, body) VALUES (?1, ?2, ?3, ?4)",
                &mut self.articles.iter().map(|(id, url, title, body)| {
                    vec![Arg::from(*id), Arg::from(url), Arg::from(title), Arg::from(body)]
                }),
            )
            .and_then(|_| {
                conn.execute_each(
                    "INSERT INTO claims_fts (rowid, text, sentence) VALUES (?1, ?2, ?3)",
                    &mut self.claims.iter().map(|(id, text, sentence)| {
                        vec![Arg::from(*id), Arg::from(text), Arg::from(sentence)]
                    }),
                )
            });
        // Forgotten whether or not they went in: a failed write's
        // transaction is rolled back, and its rows must not follow the
        // next article into its own.
        self.clear();
        written.map(|_| ())
    }

    /// Forgets the rows held (their transaction was rolled back).
    fn clear(&mut self) {
        self.articles.clear();
        self.claims.clear();
    }
}

/// The shipped outlet registry, read once.
static STARTER_OUTLETS: std::sync::LazyLock<std::sync::Arc<Outlets>> =
    std::sync::LazyLock::new(|| std::sync::Arc::new(Outlets::starter()));

/// What candidate lookups have cost since the store was opened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LookupStats {
    /// Appearances looked up (one lookup each).
    pub lookups: u64,
    /// Index postings read.
    pub postings: u64,
    /// Earlier appearances compared with `same_claim`.
    pub candidates: u64,
}

impl SqlStore {
    pub(crate) fn new(conn: Box<dyn Conn>) -> SqlStore {
        SqlStore {
            conn,
            stats: LookupStats::default(),
            outlets: STARTER_OUTLETS.clone(),
            text_rows: TextRows::default(),
            staged: Staged::default(),
            superseded: std::cell::RefCell::default(),
            kept: kept::Kept::default(),
        }
    }

    /// The outlet registry that names the outlets of the articles filed
    /// from now on (the shipped starter set unless told otherwise): an
    /// article at one of its domains is filed under its name.
    pub fn set_outlets(&mut self, outlets: std::sync::Arc<Outlets>) {
        self.outlets = outlets;
    }

    /// The schema version of the ledger (each engine counts its own).
    pub fn schema_version(&self) -> Result<i64> {
        match self.conn.dialect() {
            Dialect::Sqlite => crate::sqlite::schema_version(&*self.conn),
            Dialect::Postgres => crate::postgres::schema_version(&*self.conn),
        }
    }

    /// Files one article and its appearances (`appearances` makes them
    /// once the article's version and copy mark are known): the one write
    /// path, for analysed documents ([`LedgerStore::ingest`]) and for the
    /// synthetic ledgers of the benchmarks.
    ///
    /// Where writers run at once (PostgreSQL), a deadlock between two of
    /// them rolls this one back and it is filed again.
    pub fn file(
        &mut self,
        article: &Filed,
        appearances: &dyn Fn(&ArticleRef) -> Vec<Appearance>,
    ) -> Result<Ingested> {
        let mut tries = 0;
        loop {
            let outcome = self.file_once(article, appearances);
            if outcome.is_err() {
                self.forget_rolled_back();
            }
            match outcome {
                Err(err) if err.is_conflict() && tries < 20 => tries += 1,
                outcome => return outcome,
            }
        }
    }

    /// An analysed article as the store files it ([`Preparer::filed`]).
    pub fn filed(&self, input: &ArticleInput<'_>) -> Filed {
        self.preparer().filed(input)
    }

    /// What prepares articles for this store on other threads.
    pub fn preparer(&self) -> Preparer {
        Preparer { outlets: self.outlets.clone() }
    }

    /// Files analysed articles together ([`SqlStore::file_all`]), each as
    /// [`LedgerStore::ingest`] files one. Results are in the order given.
    pub fn ingest_all(&mut self, inputs: &[ArticleInput<'_>]) -> Vec<Result<Ingested>> {
        let made: Vec<_> = inputs
            .iter()
            .map(|input| move |r: &ArticleRef| ledger::appearances(input.doc, r))
            .collect();
        let filed: Vec<Filed> = inputs.iter().map(|input| self.filed(input)).collect();
        let articles: Vec<(&Filed, Appearances<'_>)> =
            filed.iter().zip(&made).map(|(filed, made)| (filed, made as _)).collect();
        self.file_all(&articles)
    }

    /// Files `articles` as [`SqlStore::file`] does, in one transaction
    /// where the database allows it (SQLite: one commit instead of one an
    /// article). When one fails (or panics), the batch is rolled back and
    /// each article is filed on its own, so that the failure is its own
    /// and the others still go in. Results are in the order given.
    pub fn file_all(&mut self, articles: &[(&Filed, Appearances<'_>)]) -> Vec<Result<Ingested>> {
        if articles.len() < 2 || !matches!(self.conn.begin_batch(), Ok(true)) {
            return articles.iter().map(|(a, made)| self.file_contained(a, *made)).collect();
        }
        let mut results = Vec::with_capacity(articles.len());
        for (article, made) in articles {
            match self.file_contained(article, *made) {
                Ok(outcome) => results.push(Ok(outcome)),
                Err(_) => break,
            }
        }
        let all = results.len() == articles.len();
        match self.commit_filed(all) {
            true => results,
            // One failed (the batch is rolled back), or the commit did.
            false => articles.iter().map(|(a, made)| self.file_contained(a, *made)).collect(),
        }
    }

    /// [`SqlStore::file`], with a panic turned into an error.
    fn file_contained(
        &mut self,
        article: &Filed,
        appearances: Appearances<'_>,
    ) -> Result<Ingested> {
        claimtrace::contain("ledger", || self.file(article, appearances)).unwrap_or_else(|panic| {
            // Rolled back half done.
            self.forget_rolled_back();
            Err(StoreError::Invalid(panic.to_string()))
        })
    }

    /// After a write that failed: its rows rolled back, so their ids may
    /// be given again, and the full-text rows held for them must not be
    /// written (in a batch, the failure rolls the whole batch back).
    fn forget_rolled_back(&mut self) {
        self.kept.clear();
        self.text_rows.clear();
    }

    /// Ends the open batch: writes its full-text rows and commits it when
    /// `filed` (every article of it went in); rolls it back otherwise.
    /// Whether it was committed.
    fn commit_filed(&mut self, filed: bool) -> bool {
        // The batch's keys and full-text rows go last, in one go (into
        // the batch: one rolled back already has nothing to write them to).
        if filed
            && self.conn.in_batch()
            && write_held(&*self.conn, &mut self.kept, &mut self.text_rows).is_err()
        {
            self.conn.rollback_write();
        }
        self.text_rows.clear();
        let committed = matches!(self.conn.commit_batch(), Ok(true)) && filed;
        if !committed {
            self.kept.clear();
        }
        committed
    }

    /// Files an article prepared on another thread ([`Preparer::prepare`])
    /// at once, in a batch left open until [`SqlStore::commit_staged`]:
    /// the writer of a stream of articles files each as it comes, and
    /// commits them together. When one fails, the rest of the batch waits
    /// for the commit, which files each on its own. Commit before any
    /// other write through this store: it would join the open batch.
    pub fn stage(&mut self, article: Prepared) {
        if self.staged.articles.is_empty() {
            self.staged.batched = matches!(self.conn.begin_batch(), Ok(true));
            self.staged.failed = false;
        }
        if !self.staged.failed {
            let outcome = self.file_contained(&article.filed, &|r| article.appearances_as(r));
            // Outside a batch (PostgreSQL), each article was its own
            // transaction, failed or not.
            self.staged.failed = self.staged.batched && outcome.is_err();
            self.staged.results.push(outcome);
        }
        let mut article = article;
        article.put_away();
        self.staged.bytes += article.held_bytes();
        self.staged.articles.push(article);
    }

    /// How many articles wait for [`SqlStore::commit_staged`].
    pub fn staged(&self) -> usize {
        self.staged.articles.len()
    }

    /// About how many bytes of text the articles waiting for
    /// [`SqlStore::commit_staged`] hold (their records, texts and claims),
    /// for a writer that bounds its memory.
    pub fn staged_bytes(&self) -> usize {
        self.staged.bytes
    }

    /// Commits the articles [`SqlStore::stage`] filed; their results, in
    /// the order staged. If one failed, or the commit did, the batch is
    /// rolled back and each is filed on its own, so that the failure is
    /// its own and the others still go in.
    pub fn commit_staged(&mut self) -> Vec<Result<Ingested>> {
        let Staged { articles, results, batched, failed, .. } = std::mem::take(&mut self.staged);
        if articles.is_empty() || !batched {
            return results;
        }
        match self.commit_filed(!failed) {
            true => results,
            false => articles
                .iter()
                .map(|a| self.file_contained(&a.filed, &|r| a.appearances_as(r)))
                .collect(),
        }
    }

    fn file_once(
        &mut self,
        article: &Filed,
        appearances: &dyn Fn(&ArticleRef) -> Vec<Appearance>,
    ) -> Result<Ingested> {
        let url = article.url.clone();
        let hash = {
            let mut h = Sha256::new();
            h.update(article.title.as_bytes());
            h.update(b"\n");
            h.update(article.body.as_bytes());
            format!("{:x}", h.finalize())
        };
        let fingerprint = &article.fingerprint;
        let conn = &*self.conn;
        let tx = Tx::write(conn)?;
        // Another connection's commit since this one last wrote may have
        // changed any row: the kept signatures go.
        self.kept.check(conn.data_version());
        if self.kept.wants_survey() {
            let empty = conn.query_opt("SELECT 1 FROM keys LIMIT 1", &[])?.is_none();
            self.kept.surveyed(empty);
        }
        // Other writers of this URL, of this text, or of a near copy of it
        // wait for this one (a no-op on SQLite, where writers take turns).
        let mut keys = vec![lock_key("u", &url), lock_key("h", &hash)];
        if let Some(print) = fingerprint {
            // A band is a well-mixed hash already: the kind's key moves it
            // apart from other kinds' keys.
            let kind = lock_key("a", "");
            keys.extend(print.bands().iter().map(|band| kind ^ band));
        }
        conn.lock(&keys)?;
        // Clusters this transaction holds (locked), where writers run at once.
        let mut held: BTreeSet<i64> = BTreeSet::new();
        // Whether any claim was ever corrected: if not, summaries need not
        // look for a reviewer's status.
        let reviewed =
            conn.query_one("SELECT EXISTS (SELECT 1 FROM corrections)", &[])?.int(0)? != 0;
        // Splits a reviewer made: this article's appearances keep out of
        // the claims it was split from, and no appearance bridges a split.
        let splits = if reviewed { splits_in_force(conn)? } else { Vec::new() };
        let latest: Option<(i64, u32, String)> = match conn.query_opt(
            "SELECT id, version, content_hash FROM articles WHERE url = ?1
             ORDER BY version DESC LIMIT 1",
            args![&url],
        )? {
            Some(r) => Some((r.int(0)?, r.int(1)? as u32, r.text(2)?)),
            None => None,
        };
        let (version, mut outcome) = match &latest {
            Some((_, _, h)) if *h == hash => {
                // Nothing written: committed, not abandoned (in a batch, an
                // abandoned write rolls the whole batch back).
                tx.commit()?;
                return Ok(Ingested::Unchanged);
            }
            Some((_, v, _)) => (v + 1, Ingested::NewVersion),
            None => (1, Ingested::New),
        };
        let copy_of: Option<String> = if latest.is_none() {
            conn.query_opt(
                "SELECT url FROM articles WHERE content_hash = ?1 AND url != ?2
                 ORDER BY id LIMIT 1",
                args![&hash, &url],
            )?
            .map(|r| r.text(0))
            .transpose()?
        } else {
            None
        };
        // A republished copy with small changes: most of its shingles are
        // another article's (only for a new URL, as for exact copies).
        let copy_of = match (copy_of, fingerprint) {
            (None, Some(print)) if latest.is_none() => near_copy_of(conn, &url, print)?,
            (copy_of, _) => copy_of,
        };
        if copy_of.is_some() {
            outcome = Ingested::Copy;
        }
        let reference = article.reference(version, copy_of.clone());
        let appearances = appearances(&reference);
        // Writers filing a claim that shares a band with one of these wait
        // for this article, then see its appearances.
        conn.lock(&band_keys(conn, &appearances))?;
        // Clusters this article may join or leave, locked in one go before
        // any is changed (ascending keys, as every writer takes them), so
        // that two writers do not deadlock over them: those of its claims'
        // candidates that are the same claim, and those of an older
        // version's claims.
        if conn.dialect() == Dialect::Postgres {
            // Only candidates that are the same claim: the others share a
            // band by chance, and their clusters are not changed.
            let mut reached = same_claim_candidates(conn, &appearances)?;
            if latest.is_some() {
                for row in conn.query(
                    "SELECT p.id FROM appearances p JOIN articles a ON a.id = p.article
                     WHERE a.url = ?1",
                    args![&url],
                )? {
                    reached.push(row.int(0)?);
                }
            }
            lock_clusters_of(conn, &reached, &mut held)?;
        }
        // Clusters that lose members to a new version: their summaries
        // are rebuilt from what is left at the end.
        let mut rebuild: BTreeSet<i64> = BTreeSet::new();
        if latest.is_some() {
            // An earlier version filed in this batch has its keys and its
            // text in the indexes before this one takes them out.
            write_held(conn, &mut self.kept, &mut self.text_rows)?;
            for row in conn.query(
                "SELECT DISTINCT p.cluster FROM appearances p JOIN articles a ON a.id = p.article
                 WHERE a.url = ?1 AND p.cluster IS NOT NULL",
                args![&url],
            )? {
                rebuild.insert(row.int(0)?);
            }
            // The new version replaces the old ones in the ledger: their
            // appearances leave their clusters and the index (they stay
            // stored, for history).
            let filed = conn.query(
                "SELECT p.id, p.signature FROM appearances p
                 JOIN articles a ON a.id = p.article WHERE a.url = ?1",
                args![&url],
            )?;
            for row in filed {
                unfile_keys(conn, row.int(0)?, &row.text(1)?)?;
                self.kept.clear_bands();
                self.kept.forget(row.int(0)?);
            }
            conn.execute(
                "DELETE FROM claims_fts WHERE rowid IN (SELECT p.id FROM appearances p
                 JOIN articles a ON a.id = p.article WHERE a.url = ?1)",
                args![&url],
            )?;
            conn.execute(
                "UPDATE appearances SET cluster = NULL WHERE article IN
                 (SELECT id FROM articles WHERE url = ?1)",
                args![&url],
            )?;
            conn.execute("UPDATE articles SET latest = 0 WHERE url = ?1", args![&url])?;
            // Search finds the text the article has now. On SQLite the
            // row goes by its rowid, the article's (the URL is not
            // indexed there: a scan of every article's text).
            match conn.dialect() {
                Dialect::Sqlite => conn.execute(
                    "DELETE FROM articles_fts WHERE rowid IN
                     (SELECT id FROM articles WHERE url = ?1)",
                    args![&url],
                )?,
                Dialect::Postgres => {
                    conn.execute("DELETE FROM articles_fts WHERE url = ?1", args![&url])?
                }
            };
        }
        let article_id = conn
            .query_one(
                "INSERT INTO articles (url, version, content_hash, title, outlet, published,
                     date_from, ingested_at, engine, copy_of, latest, record, wire, fingerprint)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, ?12, ?13) RETURNING id",
                args![
                    &url,
                    version,
                    &hash,
                    Some(&article.title).filter(|t| !t.is_empty()),
                    &article.outlet,
                    &reference.published,
                    reference.date_from.as_str(),
                    &article.ingested_at,
                    claimtrace::ENGINE,
                    &copy_of,
                    &article.record,
                    &article.wire,
                    &fingerprint.as_ref().map(Fingerprint::encode),
                ],
            )?
            .int(0)?;
        if let Some(print) = fingerprint {
            file_bands(conn, article_id, print)?;
        }
        match conn.dialect() {
            Dialect::Sqlite => self.text_rows.articles.push((
                article_id,
                url.clone(),
                article.title.clone(),
                article.body.clone(),
            )),
            Dialect::Postgres => {
                conn.execute(
                    "INSERT INTO articles_fts (url, title, body) VALUES (?1, ?2, ?3)",
                    args![&url, &article.title, &article.body],
                )?;
            }
        }

        let mut clustering = Clustering::new(&url, splits, rebuild);
        for appearance in &appearances {
            let kept = Some(&mut self.kept);
            let new = (article_id, appearance);
            let (id, cluster) =
                clustering.file_new(conn, &mut self.stats, kept, new, &mut self.text_rows)?;
            self.kept.keep(id, &appearance.signature, cluster);
        }
        let linked: Vec<&Appearance> = appearances.iter().collect();
        clustering.finish(conn, &linked, reviewed, Some(&mut self.kept))?;
        // In a batch, the batch writes them at its end.
        if !conn.in_batch() {
            write_held(conn, &mut self.kept, &mut self.text_rows)?;
        }
        tx.commit()?;
        Ok(outcome)
    }

    /// Clusters whose stored summary differs from the one their members
    /// give (a bug if any): the check behind the tests that ingest in
    /// many orders.
    pub fn stale_summaries(&self) -> Result<Vec<String>> {
        let conn = &*self.conn;
        let mut stale = Vec::new();
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM clusters ORDER BY cluster");
        let clusters: Vec<(i64, Summary)> =
            conn.query(&sql, &[])?.iter().map(read_summary).collect::<Result<_>>()?;
        let listed: BTreeSet<i64> = clusters.iter().map(|c| c.0).collect();
        let all: BTreeSet<i64> = conn
            .query("SELECT DISTINCT cluster FROM appearances WHERE cluster IS NOT NULL", &[])?
            .iter()
            .map(|r| r.int(0))
            .collect::<Result<_>>()?;
        for missing in all.difference(&listed) {
            stale.push(format!("cluster {missing}: no summary"));
        }
        for (cluster, stored) in clusters {
            let members = members(conn, cluster)?;
            let refs: Vec<&Appearance> = members.iter().collect();
            if Summary::of(&refs).as_ref() != Some(&stored) {
                stale.push(format!("cluster {cluster}: stored {stored:?}"));
            }
        }
        Ok(stale)
    }

    /// How many claims the ledger holds, and the most appearances one
    /// of them has: a claim far larger than any story repeats one is
    /// unrelated claims chained together (`bench --synthetic` reports it
    /// beside the largest it planned).
    pub fn cluster_sizes(&self) -> Result<(i64, i64)> {
        let row = self.conn.query_one(
            "SELECT count(*), CAST(coalesce(max(size), 0) AS BIGINT) FROM clusters",
            &[],
        )?;
        Ok((row.int(0)?, row.int(1)?))
    }

    /// What candidate lookups have cost since the store was opened.
    pub fn lookup_stats(&self) -> LookupStats {
        self.stats
    }

    /// Tunes this connection for many reads (a server's): on SQLite, pages
    /// are read through a memory map, shared by every connection and
    /// served from the OS's page cache, rather than by a read call per page
    /// into each connection's own 2 MB cache (under load those reads were
    /// 15% of the time). Mapped pages count in the process's resident
    /// memory, which is why writers (ingest) do not map.
    pub fn tune_for_reads(&self) -> Result<()> {
        if self.conn.dialect() == Dialect::Sqlite {
            self.conn.query("PRAGMA mmap_size = 4294967296", &[])?;
        }
        Ok(())
    }

    /// The SQL engine the ledger is in.
    pub fn dialect(&self) -> Dialect {
        self.conn.dialect()
    }

    fn view_of(&self, cluster: i64) -> Result<Option<LedgerClaim>> {
        let Some(mut claim) = self.bare_view(cluster)? else { return Ok(None) };
        self.link_view(cluster, &mut claim)?;
        Ok(Some(claim))
    }

    /// A claim's view for a page: its first `cache.keep` appearances (and
    /// their total), the rest of the view whole. The part that reads every
    /// member is kept in `cache` for big clusters and used while the
    /// cluster has not changed (its summary's write count); the links to
    /// other clusters and the corrections are read each time.
    pub fn claim_page(&self, id: &str, cache: &ViewCache) -> Result<Option<(LedgerClaim, usize)>> {
        let conn = &*self.conn;
        let Some(cluster) = cluster_of(conn, id)? else { return Ok(None) };
        let Some(row) = conn
            .query_opt("SELECT changes, size FROM clusters WHERE cluster = ?1", args![cluster])?
        else {
            return Ok(None);
        };
        let (changes, size) = (row.int(0)?, row.int(1)? as usize);
        let kept = cache.get(cluster, changes);
        let (mut claim, total) = match kept {
            Some(kept) => (kept.0.clone(), kept.1),
            None => {
                let Some(mut claim) = self.bare_view(cluster)? else { return Ok(None) };
                let total = claim.appearances.len();
                claim.appearances.truncate(cache.keep);
                if size >= cache.min_size {
                    cache.put(cluster, changes, (claim.clone(), total));
                }
                (claim, total)
            }
        };
        self.link_view(cluster, &mut claim)?;
        Ok(Some((claim, total)))
    }

    /// Adds to a cluster's bare view what depends on other clusters and on
    /// reviewers: superseded-by and corrections.
    fn link_view(&self, cluster: i64, claim: &mut LedgerClaim) -> Result<()> {
        claim.superseded_by = self.kept_superseded_by(cluster)?;
        apply_corrections(&*self.conn, cluster, claim)
    }

    /// [`superseded_by`], kept while the ledger does not change.
    fn kept_superseded_by(&self, cluster: i64) -> Result<Option<String>> {
        let conn = &*self.conn;
        let Some(stamp) = conn.stamp() else { return superseded_by(conn, cluster) };
        let mut kept = self.superseded.borrow_mut();
        if kept.stamp != Some(stamp) || kept.by_cluster.len() >= SUPERSEDED_KEPT {
            kept.stamp = Some(stamp);
            kept.by_cluster.clear();
        }
        if let Some(id) = kept.by_cluster.get(&cluster) {
            return Ok(id.clone());
        }
        let id = superseded_by(conn, cluster)?;
        kept.by_cluster.insert(cluster, id.clone());
        Ok(id)
    }

    /// Claim `id`'s view (as [`LedgerStore::claim`]) with evidence: each
    /// timeline entry and stance has the words that moved or show it, with
    /// their offsets in the article and the sentence they are in, read from
    /// the stored records of its articles.
    pub fn claim_with_evidence(&self, id: &str) -> Result<Option<LedgerClaim>> {
        let conn = &*self.conn;
        let Some(cluster) = cluster_of(conn, id)? else { return Ok(None) };
        let members = members_of(conn, cluster, true)?;
        if members.is_empty() {
            return Ok(None);
        }
        let mut records: HashMap<(String, u32), Option<Record>> = HashMap::new();
        for a in &members {
            let key = (a.article.url.clone(), a.article.version);
            if records.contains_key(&key) {
                continue;
            }
            let record = conn
                .query_opt(
                    "SELECT record FROM articles WHERE url = ?1 AND version = ?2",
                    args![&key.0, i64::from(key.1)],
                )?
                .map(|r| r.text(0).and_then(|t| from_json::<Record>(&t)))
                .transpose()?;
            records.insert(key, record);
        }
        let refs: Vec<&Appearance> = members.iter().collect();
        let evidence = StoredEvidence(records);
        let mut claim = ledger::view_with_evidence(&ledger::cluster_id(&refs), &refs, &evidence);
        self.link_view(cluster, &mut claim)?;
        Ok(Some(claim))
    }

    /// A cluster's view without the links to other clusters.
    fn bare_view(&self, cluster: i64) -> Result<Option<LedgerClaim>> {
        let members = members(&*self.conn, cluster)?;
        if members.is_empty() {
            return Ok(None);
        }
        let refs: Vec<&Appearance> = members.iter().collect();
        Ok(Some(ledger::view(&ledger::cluster_id(&refs), &refs)))
    }
}

/// The records of a cluster's articles, by URL and version, as evidence.
struct StoredEvidence(HashMap<(String, u32), Option<Record>>);

impl StoredEvidence {
    fn record(&self, a: &Appearance) -> Option<&Record> {
        self.0.get(&(a.article.url.clone(), a.article.version))?.as_ref()
    }
}

impl ledger::Evidence for StoredEvidence {
    fn status_cue(&self, a: &Appearance) -> Option<(claimtrace::record::RecordCue, String)> {
        ledger::record_status_cue(self.record(a)?, a.index)
    }
    fn stance_cue(
        &self,
        a: &Appearance,
        actor: &str,
        stance: &str,
    ) -> Option<(claimtrace::record::RecordCue, String)> {
        ledger::record_stance_cue(self.record(a)?, a.index, actor, stance)
    }
}

/// Views of big clusters kept between requests ([`SqlStore::claim_page`]),
/// each with its cluster's change count: a view is used only while the
/// cluster has not changed since. Shared by a server's connections.
pub struct ViewCache {
    /// Appearances a page view keeps.
    pub keep: usize,
    /// Clusters smaller than this are cheap to view and not kept.
    pub min_size: usize,
    capacity: usize,
    views: std::sync::Mutex<ViewMap>,
}

#[derive(Default)]
struct ViewMap {
    views: HashMap<i64, (i64, std::sync::Arc<(LedgerClaim, usize)>)>,
    /// Clusters in the order they were put, oldest first.
    order: std::collections::VecDeque<i64>,
}

impl ViewCache {
    /// A cache of at most `capacity` views, each with `keep` appearances,
    /// of clusters of `min_size` appearances or more.
    pub fn new(capacity: usize, keep: usize, min_size: usize) -> ViewCache {
        ViewCache { keep, min_size, capacity, views: std::sync::Mutex::default() }
    }

    fn get(&self, cluster: i64, changes: i64) -> Option<std::sync::Arc<(LedgerClaim, usize)>> {
        let views = self.views.lock().ok()?;
        views.views.get(&cluster).filter(|(c, _)| *c == changes).map(|(_, v)| v.clone())
    }

    fn put(&self, cluster: i64, changes: i64, view: (LedgerClaim, usize)) {
        let Ok(mut map) = self.views.lock() else { return };
        if map.views.insert(cluster, (changes, std::sync::Arc::new(view))).is_none() {
            map.order.push_back(cluster);
        }
        while map.views.len() > self.capacity {
            let Some(oldest) = map.order.pop_front() else { break };
            map.views.remove(&oldest);
        }
    }
}

/// Locks the clusters the appearances `ids` are in (adding them to
/// `held`), reading them again until they stay put: a writer that held one
/// may have merged it into another meanwhile. Only where writers run at
/// once (PostgreSQL).
fn lock_clusters_of(conn: &dyn Conn, ids: &[i64], held: &mut BTreeSet<i64>) -> Result<()> {
    if conn.dialect() == Dialect::Sqlite || ids.is_empty() {
        return Ok(());
    }
    loop {
        let mut new: Vec<i64> = Vec::new();
        let rows = conn.query(
            "SELECT DISTINCT cluster FROM appearances
             WHERE id = ANY(CAST(?1 AS BIGINT[])) AND cluster IS NOT NULL",
            &[crate::sql::Arg::Ints(ids)],
        )?;
        for row in rows {
            let cluster = row.int(0)?;
            if !held.contains(&cluster) {
                new.push(cluster);
            }
        }
        if new.is_empty() {
            return Ok(());
        }
        let keys: Vec<i64> = new.iter().map(|c| lock_key("c", &c.to_string())).collect();
        conn.lock(&keys)?;
        held.extend(new);
    }
}

/// Locks the cluster claim `id` names, as [`lock_clusters_of`] does.
fn lock_cluster_named(conn: &dyn Conn, id: &str) -> Result<Option<i64>> {
    let mut held = None;
    loop {
        let now = cluster_of(conn, id)?;
        if now.is_none() || now == held || conn.dialect() == Dialect::Sqlite {
            return Ok(now);
        }
        let cluster = now.expect("checked");
        conn.lock(&[lock_key("c", &cluster.to_string())])?;
        held = Some(cluster);
    }
}

/// Appearances of a cluster, with their articles.
///
/// Their signatures are left empty: views and summaries do not read them.
fn members(conn: &dyn Conn, cluster: i64) -> Result<Vec<Appearance>> {
    members_of(conn, cluster, false)
}

/// A cluster's members; `signed`: with their signatures (to say why each
/// is the same claim), which plain views and summaries do without.
fn members_of(conn: &dyn Conn, cluster: i64, signed: bool) -> Result<Vec<Appearance>> {
    let signature = if signed { "p.signature" } else { "''" };
    let rows = conn.query(
        &format!(
            "SELECT p.idx, p.text, p.sentence, p.chain, p.status, p.stances, p.entities,
                    p.verdict, a.url, a.outlet, a.published, a.date_from, a.version, a.copy_of,
                    p.anchor, {signature}, a.wire
             FROM appearances p JOIN articles a ON a.id = p.article
             WHERE p.cluster = ?1"
        ),
        args![cluster],
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let article = ArticleRef {
            url: r.text(8)?,
            outlet: r.opt_text(9)?,
            published: r.opt_text(10)?,
            date_from: DateFrom::parse(&r.text(11)?),
            version: r.int(12)? as u32,
            copy_of: r.opt_text(13)?,
            wire: r.opt_text(16)?,
        };
        let verdict = r.opt_text(7)?.as_deref().map(from_json).transpose()?;
        let signature = r.text(15)?;
        out.push(Appearance {
            signature: if signed { Signature::decode(&signature) } else { Signature::default() },
            article,
            index: r.int(0)? as usize,
            anchor: r.opt_text(14)?,
            text: r.text(1)?,
            sentence: r.text(2)?,
            chain: from_json(&r.text(3)?)?,
            status: r.text(4)?,
            stances: from_json(&r.text(5)?)?,
            entities: from_json(&r.text(6)?)?,
            verdict,
        });
    }
    Ok(out)
}

/// Rebuilds a cluster's summary, terms and public id from its members
/// (O(members)); removes them when it has none left.
pub(crate) fn refresh(conn: &dyn Conn, cluster: i64, reviewed: bool) -> Result<()> {
    let members = members(conn, cluster)?;
    conn.execute("DELETE FROM cluster_terms WHERE cluster = ?1", args![cluster])?;
    if !resummarise(conn, cluster, &members, reviewed)? {
        return Ok(());
    }
    let terms: BTreeSet<String> = members.iter().flat_map(ledger::terms).collect();
    file_terms(conn, cluster, terms.iter())
}

/// Rebuilds a cluster's summary and public id from `members` (all of
/// them); removes them when there are none, and says so.
fn resummarise(
    conn: &dyn Conn,
    cluster: i64,
    members: &[Appearance],
    reviewed: bool,
) -> Result<bool> {
    let refs: Vec<&Appearance> = members.iter().collect();
    let Some(summary) = Summary::of(&refs) else {
        conn.execute("DELETE FROM clusters WHERE cluster = ?1", args![cluster])?;
        conn.execute("DELETE FROM cluster_ids WHERE cluster = ?1", args![cluster])?;
        conn.execute("DELETE FROM cluster_terms WHERE cluster = ?1", args![cluster])?;
        return Ok(false);
    };
    write_summary(conn, cluster, &summary, reviewed)?;
    set_id(conn, cluster, &summary.id, false)?;
    Ok(true)
}

/// Adds an article's new appearances, and the summaries of the clusters
/// merged into it, to a cluster's summary: O(1) each, whatever their
/// order. `fresh`: the cluster was started by this article and holds only
/// `added`.
fn add_to_summary(
    conn: &dyn Conn,
    cluster: i64,
    (added, merged): (&[&Appearance], &[Summary]),
    fresh: bool,
    reviewed: bool,
    mut kept: Option<&mut kept::Kept>,
) -> Result<()> {
    // Terms known filed under the cluster (a big one's, mostly) are not
    // filed again. Those of a cluster new in this article are not
    // remembered: most claims are reported once.
    let mut terms: Vec<String> = added
        .iter()
        .flat_map(|a| ledger::terms(a))
        .filter(|term| fresh || kept.as_deref_mut().is_none_or(|k| k.term_is_new(cluster, term)))
        .collect();
    terms.sort_unstable();
    terms.dedup();
    let stored = if fresh { None } else { load_summary(conn, cluster)? };
    let summary = match stored {
        Some(mut summary) => {
            let id = summary.id.clone();
            for other in merged {
                summary.merge(other);
            }
            for a in added {
                summary.push(a);
            }
            write_summary(conn, cluster, &summary, reviewed)?;
            if summary.id != id {
                set_id(conn, cluster, &summary.id, false)?;
            }
            summary
        }
        None if fresh => {
            let summary = Summary::of(added).expect("a cluster has members");
            write_summary(conn, cluster, &summary, reviewed)?;
            set_id(conn, cluster, &summary.id, true)?;
            summary
        }
        // Not expected: every stored cluster has a summary.
        None => {
            if let Some(kept) = kept {
                kept.forget_terms();
            }
            return refresh(conn, cluster, reviewed);
        }
    };
    debug_assert!(summary.size > 0);
    file_terms(conn, cluster, terms.iter())
}

/// The columns of a cluster's summary, in the order [`read_summary`] reads
/// them (a macro, so that statements are written whole at compile time).
macro_rules! summary_columns {
    () => {
        "cluster, id, first_order, last_order, last_status, pinned_order,
         pinned_status, oldest, newest, size"
    };
}
const SUMMARY_COLUMNS: &str = summary_columns!();

fn load_summary(conn: &dyn Conn, cluster: i64) -> Result<Option<Summary>> {
    let sql = concat!("SELECT ", summary_columns!(), " FROM clusters WHERE cluster = ?1");
    conn.query_opt(sql, args![cluster])?.map(|r| read_summary(&r).map(|(_, s)| s)).transpose()
}

/// A row of `clusters` (`SUMMARY_COLUMNS`, in order) as a summary.
fn read_summary(r: &Row) -> Result<(i64, Summary)> {
    let pinned = match (r.opt_text(5)?, r.opt_text(6)?) {
        (Some(order), Some(status)) => Some((order, status)),
        _ => None,
    };
    Ok((
        r.int(0)?,
        Summary {
            id: r.text(1)?,
            first_order: r.text(2)?,
            last: (r.text(3)?, r.text(4)?),
            pinned,
            oldest: r.text(7)?,
            newest: r.text(8)?,
            size: r.int(9)? as usize,
        },
    ))
}

/// Makes `id` the public id of `cluster`; the ids it had before stay and
/// redirect to it. `fresh`: the cluster is new and has none.
fn set_id(conn: &dyn Conn, cluster: i64, id: &str, fresh: bool) -> Result<()> {
    if !fresh {
        conn.execute("UPDATE cluster_ids SET canonical = 0 WHERE cluster = ?1", args![cluster])?;
    }
    conn.execute(
        "INSERT INTO cluster_ids (id, cluster, canonical) VALUES (?1, ?2, 1)
         ON CONFLICT (id) DO UPDATE SET cluster = ?2, canonical = 1",
        args![id, cluster],
    )?;
    Ok(())
}

/// Stores a cluster's summary; `reviewed`: the ledger may hold
/// corrections (a reviewer's status in force wins over the summary's).
fn write_summary(conn: &dyn Conn, cluster: i64, summary: &Summary, reviewed: bool) -> Result<()> {
    let sql = concat!(
        "INSERT INTO clusters (",
        summary_columns!(),
        ", status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (cluster) DO UPDATE SET id = excluded.id,
             first_order = excluded.first_order, last_order = excluded.last_order,
             last_status = excluded.last_status, pinned_order = excluded.pinned_order,
             pinned_status = excluded.pinned_status, oldest = excluded.oldest,
             newest = excluded.newest, size = excluded.size, status = excluded.status,
             changes = clusters.changes + 1"
    );
    let (pinned_order, pinned_status) = summary.pinned.clone().unzip();
    // A reviewer's status wins over the machine's, whatever was ingested.
    let corrected = if reviewed { corrected_status(conn, cluster)? } else { None };
    let status = corrected.unwrap_or_else(|| summary.status().to_string());
    conn.execute(
        sql,
        args![
            cluster,
            &summary.id,
            &summary.first_order,
            &summary.last.0,
            &summary.last.1,
            &pinned_order,
            &pinned_status,
            &summary.oldest,
            &summary.newest,
            summary.size as i64,
            &status,
        ],
    )?;
    Ok(())
}

/// The claim that supersedes `cluster`: the newest cluster that states
/// the same proposition with other figures and was first seen later.
fn superseded_by(conn: &dyn Conn, cluster: i64) -> Result<Option<String>> {
    let partners: Vec<i64> = conn
        .query(
            "SELECT DISTINCT p.cluster FROM appearances p WHERE p.cluster IS NOT NULL
               AND p.cluster != ?1 AND p.id IN (
                 SELECT r.b FROM revisions r JOIN appearances m ON m.id = r.a WHERE m.cluster = ?1
                 UNION
                 SELECT r.a FROM revisions r JOIN appearances m ON m.id = r.b WHERE m.cluster = ?1)",
            args![cluster],
        )?
        .iter()
        .map(|r| r.int(0))
        .collect::<Result<_>>()?;
    // Dates from the summaries (the earliest published date of each),
    // so that a big story's view does not build its partners' views.
    let oldest = |c: i64| -> Result<Option<(String, String)>> {
        Ok(load_summary(conn, c)?.map(|s| (s.oldest, s.id)))
    };
    let Some((mine, _)) = oldest(cluster)? else { return Ok(None) };
    let mut newest: Option<(String, String)> = None;
    for partner in partners {
        let Some((theirs, id)) = oldest(partner)? else { continue };
        if theirs > mine && newest.as_ref().is_none_or(|(t, i)| (&theirs, &id) > (t, i)) {
            newest = Some((theirs, id));
        }
    }
    Ok(newest.map(|(_, id)| id))
}

/// The cluster claim `id` names: its id now or one it had before a merge.
fn cluster_of(conn: &dyn Conn, id: &str) -> Result<Option<i64>> {
    conn.query_opt("SELECT cluster FROM cluster_ids WHERE id = ?1", args![id])?
        .map(|r| r.int(0))
        .transpose()
}

/// One stored correction.
struct CorrectionRow {
    seq: i64,
    undoes: Option<i64>,
    correction: Correction,
}

/// The lock keys of the bands of `appearances`: writers filing a claim
/// that shares a band with one of them wait for the writer holding them.
/// None where writers take turns (SQLite).
fn band_keys(conn: &dyn Conn, appearances: &[Appearance]) -> Vec<i64> {
    if conn.dialect() == Dialect::Sqlite {
        return Vec::new();
    }
    appearances
        .iter()
        .flat_map(|a| a.signature.bands())
        .map(|band| lock_key("k", &band.to_string()))
        .collect()
}

/// The earlier appearances (of any article) that are the same claim as
/// one of `appearances`: their clusters are the ones filing these may
/// change. The others share a band by chance.
fn same_claim_candidates(conn: &dyn Conn, appearances: &[Appearance]) -> Result<Vec<i64>> {
    let mut reached = Vec::new();
    for appearance in appearances {
        let mut found = postings(conn, &appearance.signature.bands())?;
        found.sort_unstable();
        found.dedup();
        for (candidate, signature, _) in signatures(conn, &found)? {
            if ledger::same_claim(&appearance.signature, &ledger::Stored::read(&signature))
                .is_some()
            {
                reached.push(candidate);
            }
        }
    }
    Ok(reached)
}

/// Every correction made under any id of `cluster`, oldest first.
fn correction_rows(conn: &dyn Conn, cluster: i64) -> Result<Vec<CorrectionRow>> {
    let rows = conn.query(
        "SELECT c.seq, c.action, c.value, c.note, c.\"by\", c.at, c.undoes FROM corrections c
         JOIN cluster_ids i ON i.id = c.claim WHERE i.cluster = ?1 ORDER BY c.seq",
        args![cluster],
    );
    rows?
        .iter()
        .map(|r| {
            Ok(CorrectionRow {
                seq: r.int(0)?,
                undoes: r.opt_int(6)?,
                correction: Correction {
                    action: r.text(1)?,
                    value: r.text(2)?,
                    note: r.opt_text(3)?,
                    by: r.text(4)?,
                    at: r.text(5)?,
                },
            })
        })
        .collect()
}

/// The corrections of `cluster` still in force (not undone), oldest first.
fn in_force(rows: &[CorrectionRow]) -> Vec<&CorrectionRow> {
    let undone: BTreeSet<i64> = rows.iter().filter_map(|r| r.undoes).collect();
    rows.iter().filter(|r| r.undoes.is_none() && !undone.contains(&r.seq)).collect()
}

/// The status a reviewer set on `cluster`, if one is in force.
fn corrected_status(conn: &dyn Conn, cluster: i64) -> Result<Option<String>> {
    let rows = correction_rows(conn, cluster)?;
    Ok(in_force(&rows)
        .into_iter()
        .rev()
        .find(|r| r.correction.action == "status")
        .map(|r| r.correction.value.clone()))
}

/// What a merge or split moved: appearances, into a cluster, and the
/// public ids that named the moved side (they follow it back on undo).
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Moved {
    appearances: Vec<i64>,
    into: i64,
    ids: Vec<String>,
}

impl Moved {
    fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Makes clusters `a` and `b` one: the smaller's members move into the
/// larger, and its ids redirect there. Summaries are rebuilt by the caller.
fn merge_clusters(conn: &dyn Conn, a: i64, b: i64) -> Result<Moved> {
    let size = |c: i64| -> Result<i64> {
        conn.query_opt("SELECT size FROM clusters WHERE cluster = ?1", args![c])?
            .map_or(Ok(0), |r| r.int(0))
    };
    let (root, old) = if size(b)? > size(a)? { (b, a) } else { (a, b) };
    let appearances =
        ints(conn.query("SELECT id FROM appearances WHERE cluster = ?1 ORDER BY id", args![old])?)?;
    let ids: Vec<String> = conn
        .query("SELECT id FROM cluster_ids WHERE cluster = ?1 ORDER BY id", args![old])?
        .iter()
        .map(|r| r.text(0))
        .collect::<Result<_>>()?;
    conn.execute("UPDATE appearances SET cluster = ?1 WHERE cluster = ?2", args![root, old])?;
    conn.execute(
        "UPDATE cluster_ids SET cluster = ?1, canonical = 0 WHERE cluster = ?2",
        args![root, old],
    )?;
    conn.execute("DELETE FROM cluster_terms WHERE cluster = ?1", args![old])?;
    conn.execute("DELETE FROM clusters WHERE cluster = ?1", args![old])?;
    Ok(Moved { appearances, into: root, ids })
}

/// Moves the appearances of `cluster` from the latest version of the
/// article at `url` into a cluster of their own.
fn split_article(conn: &dyn Conn, cluster: i64, url: &str) -> Result<Moved> {
    let appearances = ints(conn.query(
        "SELECT p.id FROM appearances p JOIN articles a ON a.id = p.article
         WHERE p.cluster = ?1 AND a.url = ?2 AND a.latest = 1 ORDER BY p.id",
        args![cluster, url],
    )?)?;
    let all = conn
        .query_one("SELECT count(*) FROM appearances WHERE cluster = ?1", args![cluster])?
        .int(0)?;
    if appearances.is_empty() {
        return Err(StoreError::Invalid(format!("the claim has no appearance from {url}")));
    }
    if appearances.len() as i64 == all {
        return Err(StoreError::Invalid(format!(
            "every appearance of the claim is from {url}: nothing would be left"
        )));
    }
    let into = fresh_cluster(conn, &appearances, cluster)?;
    move_appearances(conn, &appearances, into)?;
    Ok(Moved { appearances, into, ids: Vec::new() })
}

/// Takes back the merge or split correction `seq` made on `cluster`:
/// what it moved goes back. Returns the clusters to rebuild.
fn undo_move(conn: &dyn Conn, seq: i64, cluster: i64) -> Result<Vec<i64>> {
    let row = conn
        .query_one("SELECT action, members, value FROM corrections WHERE seq = ?1", args![seq])?;
    let moved: Moved = from_json(&row.opt_text(1)?.unwrap_or_default())?;
    // Those still where the correction put them.
    let here: Vec<i64> = ints(conn.query(
        "SELECT id FROM appearances WHERE cluster IS NOT NULL AND cluster = ?1 ORDER BY id",
        args![if row.text(0)? == "merge" { cluster } else { moved.into }],
    )?)?
    .into_iter()
    .filter(|id| moved.appearances.contains(id))
    .collect();
    if row.text(0)? == "merge" {
        // The merged-away side becomes a claim again, under its old ids.
        if here.is_empty() {
            return Ok(vec![cluster]);
        }
        let into = fresh_cluster(conn, &here, cluster)?;
        move_appearances(conn, &here, into)?;
        for id in &moved.ids {
            conn.execute("UPDATE cluster_ids SET cluster = ?1 WHERE id = ?2", args![into, id])?;
        }
        Ok(vec![cluster, into])
    } else {
        // The split-off appearances rejoin the claim; where the article
        // has a newer version since, its appearances that are the same
        // claim as the claim's do (the machine's judgement, once the
        // reviewer's is taken back).
        move_appearances(conn, &here, cluster)?;
        let mut touched = vec![cluster, moved.into];
        let url = row.text(2)?;
        let apart = ints(conn.query(
            "SELECT p.id FROM appearances p JOIN articles a ON a.id = p.article
             WHERE a.url = ?1 AND a.latest = 1 AND p.cluster IS NOT NULL AND p.cluster != ?2",
            args![&url, cluster],
        )?)?;
        let mine = ints(conn.query(
            "SELECT id FROM appearances WHERE cluster = ?1 ORDER BY id DESC LIMIT 64",
            args![cluster],
        )?)?;
        let mine: Vec<Signature> =
            signatures(conn, &mine)?.iter().map(|(_, s, _)| Signature::decode(s)).collect();
        for (id, signature, their) in signatures(conn, &apart)? {
            let signature = Signature::decode(&signature);
            if mine.iter().any(|m| ledger::same_claim(&signature, m).is_some()) {
                move_appearances(conn, &[id], cluster)?;
                touched.extend(their);
            }
        }
        Ok(touched)
    }
}

/// A key for a new cluster of `members` (one of their ids, as clusters
/// the write path starts are keyed), none in use.
fn fresh_cluster(conn: &dyn Conn, members: &[i64], not: i64) -> Result<i64> {
    for &id in members.iter().rev() {
        let used =
            conn.query_opt("SELECT 1 FROM clusters WHERE cluster = ?1", args![id])?.is_some();
        if id != not && !used {
            return Ok(id);
        }
    }
    Err(StoreError::Damaged("no free key for a new cluster".into()))
}

fn move_appearances(conn: &dyn Conn, ids: &[i64], into: i64) -> Result<()> {
    for &id in ids {
        conn.execute("UPDATE appearances SET cluster = ?1 WHERE id = ?2", args![into, id])?;
    }
    Ok(())
}

fn ints(rows: Vec<Row>) -> Result<Vec<i64>> {
    rows.iter().map(|r| r.int(0)).collect()
}

/// A split in force: appearances of the article at `url` keep out of
/// cluster `from` (where the claim it was made on is now), which no
/// appearance may join with the clusters `off` (where that article's
/// appearances are now).
struct SplitInForce {
    url: String,
    from: i64,
    off: Vec<i64>,
}

fn splits_in_force(conn: &dyn Conn) -> Result<Vec<SplitInForce>> {
    let rows = conn.query(
        "SELECT c.claim, c.value FROM corrections c WHERE c.action = 'split'
           AND NOT EXISTS (SELECT 1 FROM corrections u WHERE u.undoes = c.seq)",
        &[],
    )?;
    let mut out = Vec::new();
    for r in rows {
        let (claim, url) = (r.text(0)?, r.text(1)?);
        let Some(from) = cluster_of(conn, &claim)? else { continue };
        let off = ints(conn.query(
            "SELECT DISTINCT p.cluster FROM appearances p JOIN articles a ON a.id = p.article
             WHERE a.url = ?1 AND a.latest = 1 AND p.cluster IS NOT NULL",
            args![&url],
        )?)?
        .into_iter()
        .filter(|&c| c != from)
        .collect();
        out.push(SplitInForce { url, from, off });
    }
    Ok(out)
}

/// Lists `cluster`'s corrections on its view; a status in force becomes
/// the claim's status and the last entry of its timeline.
fn apply_corrections(conn: &dyn Conn, cluster: i64, claim: &mut LedgerClaim) -> Result<()> {
    let rows = correction_rows(conn, cluster)?;
    if let Some(row) = in_force(&rows).into_iter().rev().find(|r| r.correction.action == "status") {
        let c = &row.correction;
        claim.status.clone_from(&c.value);
        claim.timeline.push(TimelineEntry {
            date: Some(c.at.clone()),
            status: c.value.clone(),
            url: String::new(),
            evidence: Some(match &c.note {
                Some(note) => format!("corrected by {}: {note}", c.by),
                None => format!("corrected by {}", c.by),
            }),
            cue: None,
        });
    }
    claim.corrections = rows.into_iter().map(|r| r.correction).collect();
    Ok(())
}

pub(crate) fn file_terms<'a>(
    conn: &dyn Conn,
    cluster: i64,
    terms: impl Iterator<Item = &'a String>,
) -> Result<()> {
    let terms: Vec<String> = terms.cloned().collect();
    insert_pairs(conn, "cluster_terms (term, cluster)", Arg::Texts(&terms), cluster)
}

/// Inserts a row `(value, number)` for each of `values` (an array of
/// texts or integers) into `table (columns)`, skipping rows already there:
/// one statement, the values passed as an array.
fn insert_pairs(conn: &dyn Conn, table: &str, values: Arg<'_>, number: i64) -> Result<()> {
    let (len, array_type) = match values {
        Arg::Texts(v) => (v.len(), "TEXT"),
        Arg::Ints(v) => (v.len(), "BIGINT"),
        other => return Err(StoreError::Invalid(format!("not an array of values: {other:?}"))),
    };
    if len == 0 {
        return Ok(());
    }
    let sql = match conn.dialect() {
        Dialect::Postgres => format!(
            "INSERT INTO {table} SELECT unnest(CAST(?1 AS {array_type}[])), CAST(?2 AS BIGINT)
             ON CONFLICT DO NOTHING"
        ),
        // `OR IGNORE` rather than `ON CONFLICT DO NOTHING`: no constraint
        // can abort the statement half done, so SQLite keeps no statement
        // journal for it (a copy of each page it changes: a tenth of
        // ingest's time).
        Dialect::Sqlite => {
            format!("INSERT OR IGNORE INTO {table} SELECT value, ?2 FROM rarray(?1)")
        }
    };
    conn.execute(&sql, &[values, Arg::Int(number)])?;
    Ok(())
}

/// Fills the candidate index from the stored signatures of the appearances
/// in the ledger (a migration's backfill).
pub(crate) fn fill_keys(conn: &dyn Conn) -> Result<()> {
    each_by_id(
        conn,
        "SELECT id, signature FROM appearances WHERE cluster IS NOT NULL AND id > ?1",
        |id, signature| insert_keys(conn, &Signature::decode(signature).bands(), id),
    )
}

/// Runs `each` on the rows `(id, text)` of `select` (which takes the
/// rows with `id > ?1`), in the order of their ids, a page of 10,000 at a
/// time: a migration's backfill reads a whole table, and a ledger may
/// hold millions of rows.
fn each_by_id(
    conn: &dyn Conn,
    select: &str,
    mut each: impl FnMut(i64, &str) -> Result<()>,
) -> Result<()> {
    const PAGE: usize = 10_000;
    let mut after = i64::MIN;
    loop {
        let rows = conn.query(&format!("{select} ORDER BY id LIMIT {PAGE}"), args![after])?;
        for row in &rows {
            after = row.int(0)?;
            each(after, &row.text(1)?)?;
        }
        if rows.len() < PAGE {
            return Ok(());
        }
    }
}

/// Takes appearance `id` out of the candidate index: its band keys, found
/// again from its stored `signature` (the index is keyed by band; deleting
/// by appearance would read all of it).
pub(crate) fn unfile_keys(conn: &dyn Conn, id: i64, signature: &str) -> Result<()> {
    let bands = Signature::decode(signature).bands();
    if bands.is_empty() {
        return Ok(());
    }
    let sql = match conn.dialect() {
        Dialect::Postgres => {
            "DELETE FROM keys WHERE key = ANY(CAST(?1 AS BIGINT[])) AND appearance = ?2"
        }
        Dialect::Sqlite => "DELETE FROM keys WHERE key IN rarray(?1) AND appearance = ?2",
    };
    conn.execute(sql, &[Arg::Ints(&bands), Arg::Int(id)])?;
    Ok(())
}

/// Files appearance `id` under its MinHash `bands` (the candidate index).
fn insert_keys(conn: &dyn Conn, bands: &[i64], id: i64) -> Result<()> {
    insert_pairs(conn, "keys (key, appearance)", Arg::Ints(bands), id)
}

/// The bands of `bands` that filing appearance `id` trims: about one
/// filing in [`TRIM_EVERY`] under a band.
fn trimmed_bands(bands: &[i64], id: i64) -> Vec<i64> {
    bands.iter().copied().filter(|&band| (band ^ id).rem_euclid(TRIM_EVERY) == 0).collect()
}

/// Files appearance `id` under `bands` in the candidate index, and trims
/// `trims` ([`trimmed_bands`]).
fn index_keys(conn: &dyn Conn, bands: &[i64], id: i64, trims: &[i64]) -> Result<()> {
    insert_keys(conn, bands, id)?;
    trim_bands(conn, trims)
}

/// Trims each of `bands` to its [`BAND_KEPT`] most recent appearances.
fn trim_bands(conn: &dyn Conn, bands: &[i64]) -> Result<()> {
    for &band in bands {
        let sql = format!(
            "DELETE FROM keys WHERE key = ?1 AND appearance <
             (SELECT appearance FROM keys WHERE key = ?1 ORDER BY appearance DESC
              LIMIT 1 OFFSET {})",
            BAND_KEPT - 1
        );
        conn.execute(&sql, args![band])?;
    }
    Ok(())
}

/// Writes what the open transaction filed and holds: its candidate keys
/// ([`write_keys`]) and its full-text rows.
fn write_held(conn: &dyn Conn, kept: &mut kept::Kept, text_rows: &mut TextRows) -> Result<()> {
    write_keys(conn, kept)?;
    text_rows.write(conn)
}

/// Writes the band keys `kept` holds for the open transaction
/// ([`Kept::defer`]) into the candidate index, in key order, then trims
/// the bands due.
fn write_keys(conn: &dyn Conn, kept: &mut kept::Kept) -> Result<()> {
    let (rows, trims) = kept.take_unwritten();
    // Only a SQLite writer holds keys (`Kept::defer`).
    debug_assert!(rows.is_empty() || conn.dialect() == Dialect::Sqlite);
    conn.execute_each(
        "INSERT OR IGNORE INTO keys (key, appearance) VALUES (?1, ?2)",
        &mut rows.into_iter().map(|(band, id)| vec![Arg::from(band), Arg::from(id)]),
    )?;
    trim_bands(conn, &trims)
}

/// Candidates of a claim with these MinHash `bands`: the most recent
/// [`BUCKET`] appearances filed under each band, in one statement (an
/// appearance filed under several bands comes once a band).
fn postings(conn: &dyn Conn, bands: &[i64]) -> Result<Vec<i64>> {
    if bands.is_empty() {
        return Ok(Vec::new());
    }
    match conn.dialect() {
        Dialect::Postgres => conn
            .query(
                &format!(
                    "SELECT k.appearance FROM unnest(CAST(?1 AS BIGINT[])) AS b(key)
                     CROSS JOIN LATERAL (SELECT appearance FROM keys WHERE keys.key = b.key
                                         ORDER BY appearance DESC LIMIT {BUCKET}) AS k"
                ),
                &[Arg::Ints(bands)],
            )?
            .iter()
            .map(|r| r.int(0))
            .collect(),
        Dialect::Sqlite => Ok(band_postings(conn, bands)?.into_iter().map(|(_, a)| a).collect()),
    }
}

/// [`postings`] on SQLite, with the band each came from: (band,
/// appearance).
fn band_postings(conn: &dyn Conn, bands: &[i64]) -> Result<Vec<(i64, i64)>> {
    if bands.is_empty() {
        return Ok(Vec::new());
    }
    debug_assert_eq!(conn.dialect(), Dialect::Sqlite);
    // One limited scan a band, joined by UNION ALL (SQLite has no
    // LATERAL); the limit is written into the SQL: a bound one made
    // SQLite (built with STAT4) re-prepare the statement.
    let sql = (1..=bands.len())
        .map(|k| {
            format!(
                "SELECT * FROM (SELECT key, appearance FROM keys WHERE key = ?{k}
                 ORDER BY appearance DESC LIMIT {BUCKET})"
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let args: Vec<Arg<'_>> = bands.iter().map(|&b| Arg::Int(b)).collect();
    conn.query(&sql, &args)?.iter().map(|r| Ok((r.int(0)?, r.int(1)?))).collect()
}

/// The signatures and clusters of appearances `ids`, in the order given.
fn signatures(conn: &dyn Conn, ids: &[i64]) -> Result<Vec<(i64, String, Option<i64>)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = match conn.dialect() {
        Dialect::Postgres => {
            "SELECT id, signature, cluster FROM appearances WHERE id = ANY(CAST(?1 AS BIGINT[]))"
        }
        Dialect::Sqlite => "SELECT id, signature, cluster FROM appearances WHERE id IN rarray(?1)",
    };
    let mut by_id: HashMap<i64, (String, Option<i64>)> = HashMap::with_capacity(ids.len());
    for row in conn.query(sql, &[Arg::Ints(ids)])? {
        by_id.insert(row.int(0)?, (row.text(1)?, row.opt_int(2)?));
    }
    ids.iter()
        .map(|&id| {
            let (signature, cluster) = by_id
                .remove(&id)
                .ok_or_else(|| StoreError::Damaged(format!("appearance {id} is gone")))?;
            Ok((id, signature, cluster))
        })
        .collect()
}

/// The URL of an article other than `url` whose text `print` says this
/// one copies, found through the fingerprint's bands.
fn near_copy_of(conn: &dyn Conn, url: &str, print: &Fingerprint) -> Result<Option<String>> {
    let bands = print.bands();
    if conn.dialect() == Dialect::Postgres {
        // Every band's articles in one statement, read in band order.
        let rows = conn.query(
            "SELECT x.url, x.fingerprint FROM unnest(CAST(?1 AS BIGINT[])) WITH ORDINALITY AS b(band, n)
             CROSS JOIN LATERAL (SELECT a.id, a.url, a.fingerprint FROM article_bands ab
                                 JOIN articles a ON a.id = ab.article
                                 WHERE ab.band = b.band AND a.url != ?2 ORDER BY a.id LIMIT 16) AS x
             ORDER BY b.n, x.id",
            &[Arg::Ints(&bands), Arg::Text(url)],
        )?;
        for row in rows {
            let other = row.opt_text(1)?;
            if other.as_deref().and_then(Fingerprint::decode).is_some_and(|o| print.is_copy(&o)) {
                return Ok(Some(row.text(0)?));
            }
        }
        return Ok(None);
    }
    // SQLite: the bands' articles in one statement (16 a band, the
    // oldest first, as above: a band many articles share is not read
    // whole), then their fingerprints in another, read in band order.
    let sql = (1..=bands.len())
        .map(|k| {
            format!(
                "SELECT * FROM (SELECT {k} AS k, article FROM article_bands WHERE band = ?{k}
                 ORDER BY article LIMIT 16)"
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let args: Vec<Arg> = bands.iter().map(|&band| Arg::Int(band)).collect();
    let mut by_band: Vec<Vec<i64>> = vec![Vec::new(); bands.len()];
    for row in conn.query(&sql, &args)? {
        let k = usize::try_from(row.int(0)? - 1).unwrap_or(usize::MAX);
        if let Some(articles) = by_band.get_mut(k) {
            articles.push(row.int(1)?);
        }
    }
    let mut ids: Vec<i64> = by_band.iter().flatten().copied().collect();
    if ids.is_empty() {
        return Ok(None);
    }
    ids.sort_unstable();
    ids.dedup();
    let mut prints: HashMap<i64, (String, Option<String>)> = HashMap::new();
    for row in conn.query(
        "SELECT id, url, fingerprint FROM articles WHERE id IN rarray(?1)",
        &[Arg::Ints(&ids)],
    )? {
        prints.insert(row.int(0)?, (row.text(1)?, row.opt_text(2)?));
    }
    for articles in &mut by_band {
        // (Each part is ordered; the compound's order is not promised.)
        articles.sort_unstable();
        for id in articles.iter() {
            // (Only a new URL is looked up: no article has it yet.)
            let Some((other_url, other)) = prints.get(id).filter(|(u, _)| u != url) else {
                continue;
            };
            if other.as_deref().and_then(Fingerprint::decode).is_some_and(|o| print.is_copy(&o)) {
                return Ok(Some(other_url.clone()));
            }
        }
    }
    Ok(None)
}

/// Stores an article's fingerprint and files it under its bands.
pub(crate) fn file_fingerprint(conn: &dyn Conn, article: i64, print: &Fingerprint) -> Result<()> {
    let encoded = print.encode();
    conn.execute("UPDATE articles SET fingerprint = ?1 WHERE id = ?2", args![&encoded, article])?;
    file_bands(conn, article, print)
}

/// Files every article with a stored fingerprint under its bands (the
/// migration that changed how bands are keyed).
pub(crate) fn refile_fingerprints(conn: &dyn Conn) -> Result<()> {
    each_by_id(
        conn,
        "SELECT id, fingerprint FROM articles WHERE fingerprint IS NOT NULL AND id > ?1",
        |article, print| match Fingerprint::decode(print) {
            Some(print) => file_bands(conn, article, &print),
            None => Ok(()),
        },
    )
}

/// Files an article, its fingerprint stored, under the fingerprint's bands.
fn file_bands(conn: &dyn Conn, article: i64, print: &Fingerprint) -> Result<()> {
    insert_pairs(conn, "article_bands (band, article)", Arg::Ints(&print.bands()), article)
}

pub(crate) fn from_json<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Damaged(e.to_string()))
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("plain data serializes")
}

impl LedgerStore for SqlStore {
    fn review(
        &mut self,
        id: &str,
        review: &Review,
        note: Option<&str>,
        by: &str,
        at: &str,
    ) -> Result<Option<Correction>> {
        if let Review::Status(status) = review {
            if !STATUSES.contains(&status.as_str()) {
                return Err(StoreError::Invalid(format!(
                    "unknown status {status:?} (one of: {})",
                    STATUSES.join(", ")
                )));
            }
        }
        if by.trim().is_empty() {
            return Err(StoreError::Invalid("a correction needs who made it (--by)".into()));
        }
        let conn = &*self.conn;
        let tx = Tx::write(conn)?;
        // Appearances may move between clusters: where the kept ones are
        // is read again.
        self.kept.let_go_of_the_file();
        let Some(cluster) = lock_cluster_named(conn, id)? else { return Ok(None) };
        // Clusters whose members this correction moves, rebuilt after it.
        let mut touched: BTreeSet<i64> = BTreeSet::from([cluster]);
        let (action, value, undoes, moved) = match review {
            Review::Status(status) => ("status", status.clone(), None, None),
            Review::Note => ("note", String::new(), None, None),
            Review::Merge(other) => {
                let Some(theirs) = lock_cluster_named(conn, other)? else {
                    return Err(StoreError::Invalid(format!("no claim with id {other}")));
                };
                if theirs == cluster {
                    return Err(StoreError::Invalid(format!("{id} and {other} are one claim")));
                }
                let moved = merge_clusters(conn, cluster, theirs)?;
                touched = BTreeSet::from([moved.into]);
                ("merge", other.clone(), None, Some(moved))
            }
            Review::Split(url) => {
                let moved = split_article(conn, cluster, url)?;
                touched.insert(moved.into);
                ("split", url.clone(), None, Some(moved))
            }
            Review::Undo => {
                let rows = correction_rows(conn, cluster)?;
                let Some(last) = in_force(&rows).last().map(|r| (r.seq, r.correction.clone()))
                else {
                    return Ok(None);
                };
                let what = match last.1.action.as_str() {
                    "status" => format!("status {}", last.1.value),
                    "merge" | "split" => {
                        touched.extend(undo_move(conn, last.0, cluster)?);
                        format!("{} {}", last.1.action, last.1.value)
                    }
                    other => other.to_string(),
                };
                ("undo", what, Some(last.0), None)
            }
        };
        let members = moved.as_ref().map(Moved::to_json);
        conn.execute(
            "INSERT INTO corrections (claim, action, value, note, \"by\", at, undoes, members)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            args![id, action, &value, note, by, at, undoes, &members],
        )?;
        // Members, summaries, terms and ids of the clusters it changed;
        // the list's status follows at once.
        for &c in &touched {
            refresh(conn, c, true)?;
        }
        tx.commit()?;
        Ok(Some(Correction {
            by: by.to_string(),
            at: at.to_string(),
            action: action.to_string(),
            value,
            note: note.map(str::to_string),
        }))
    }

    fn corrections(&self, id: &str) -> Result<Vec<Correction>> {
        let Some(cluster) = cluster_of(&*self.conn, id)? else { return Ok(Vec::new()) };
        Ok(correction_rows(&*self.conn, cluster)?.into_iter().map(|r| r.correction).collect())
    }

    fn ingest(&mut self, input: &ArticleInput<'_>) -> Result<Ingested> {
        let article = self.filed(input);
        self.file(&article, &|r| ledger::appearances(input.doc, r))
    }

    fn claims_page(&self, filter: &ClaimFilter) -> Result<(Vec<LedgerClaim>, Option<String>)> {
        self.page(filter, SqlStore::view_of)
    }

    fn claims_brief(&self, filter: &ClaimFilter) -> Result<(Vec<ClaimBrief>, Option<String>)> {
        self.page(filter, SqlStore::brief_of)
    }

    fn claim(&self, id: &str) -> Result<Option<LedgerClaim>> {
        match cluster_of(&*self.conn, id)? {
            Some(c) => self.view_of(c),
            None => Ok(None),
        }
    }

    fn articles(&self) -> Result<Vec<ArticleRow>> {
        let rows = self.conn.query(
            "SELECT a.url, a.version, a.title, a.outlet, a.published, a.date_from,
                    a.ingested_at, a.copy_of, a.latest,
                    (SELECT count(*) FROM appearances p WHERE p.article = a.id)
             FROM articles a ORDER BY a.ingested_at DESC, a.id DESC",
            &[],
        )?;
        rows.iter()
            .map(|r| {
                Ok(ArticleRow {
                    url: r.text(0)?,
                    version: r.int(1)? as u32,
                    title: r.opt_text(2)?,
                    outlet: r.opt_text(3)?,
                    published: r.opt_text(4)?,
                    date_from: r.text(5)?,
                    ingested_at: r.text(6)?,
                    copy_of: r.opt_text(7)?,
                    latest: r.int(8)? == 1,
                    claims: r.int(9)? as usize,
                })
            })
            .collect()
    }

    fn history(&self, url: &str) -> Result<Vec<Version>> {
        let rows = self.conn.query(
            "SELECT version, ingested_at, published, record FROM articles WHERE url = ?1
             ORDER BY version",
            args![url],
        )?;
        rows.iter()
            .map(|r| {
                Ok(Version {
                    version: r.int(0)? as u32,
                    ingested_at: r.text(1)?,
                    published: r.opt_text(2)?,
                    record: from_json(&r.text(3)?)?,
                })
            })
            .collect()
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let conn = &*self.conn;
        let dialect = conn.dialect();
        let Some(query) = dialect.text_query(query) else { return Ok(Vec::new()) };
        let mut hits = Vec::new();
        let rows = conn.query(dialect.search_claims(), args![&query, limit as i64])?;
        let mut ids: HashMap<i64, String> = HashMap::new();
        for row in rows {
            let (cluster, text, score) = (row.int(0)?, row.text(1)?, row.real(2)?);
            let id = match ids.get(&cluster) {
                Some(id) => id.clone(),
                None => {
                    let id = conn
                        .query_one(
                            "SELECT id FROM cluster_ids WHERE cluster = ?1 AND canonical = 1",
                            args![cluster],
                        )?
                        .text(0)?;
                    ids.insert(cluster, id.clone());
                    id
                }
            };
            if !hits.iter().any(|h: &SearchHit| h.kind == "claim" && h.id == id) {
                hits.push(SearchHit { kind: "claim", id, text, score: -score });
            }
        }
        for row in conn.query(dialect.search_articles(), args![&query, limit as i64])? {
            hits.push(SearchHit {
                kind: "article",
                id: row.text(0)?,
                text: row.opt_text(1)?.unwrap_or_default(),
                score: -row.real(2)?,
            });
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits.truncate(limit);
        Ok(hits)
    }

    fn events(&self, filter: &EventFilter) -> Result<Vec<LedgerEvent>> {
        let conn = &*self.conn;
        // Every latest, original article's record: the events live in the
        // records, and grouping them is the engine's (pure) job.
        let rows = conn.query(
            "SELECT a.id, a.url, a.outlet, a.published, a.record FROM articles a
             WHERE a.latest = 1 AND a.copy_of IS NULL ORDER BY a.id",
            &[],
        )?;
        let mut reports = Vec::new();
        for row in rows {
            let (article, url, outlet, published) =
                (row.int(0)?, row.text(1)?, row.opt_text(2)?, row.opt_text(3)?);
            let record: Record = from_json(&row.text(4)?)?;
            for event in record.events {
                let claim = match event.claim {
                    Some(idx) => conn
                        .query_opt(
                            "SELECT c.id FROM appearances p JOIN cluster_ids c ON c.cluster = p.cluster
                             WHERE p.article = ?1 AND p.idx = ?2 AND c.canonical = 1",
                            args![article, idx as i64],
                        )?
                        .map(|r| r.text(0))
                        .transpose()?,
                    None => None,
                };
                reports.push(ledger::Reported {
                    report: EventReport {
                        url: url.clone(),
                        outlet: outlet.clone(),
                        date: published.clone(),
                        claim,
                        status: event.status.clone().unwrap_or_else(|| "asserted".into()),
                        trigger: event.trigger.clone(),
                    },
                    event,
                });
            }
        }
        let events = ledger::group_events(reports);
        Ok(events.into_iter().filter(|e| filter.admits(e)).collect())
    }
}

impl SqlStore {
    /// A page of `claims`, each cluster shown by `show`: one query over the
    /// summaries picks the page, and only its clusters are built.
    fn page<T>(
        &self,
        filter: &ClaimFilter,
        show: fn(&SqlStore, i64) -> Result<Option<T>>,
    ) -> Result<(Vec<T>, Option<String>)> {
        let (clusters, next) = self.select_page(filter)?;
        let mut out = Vec::with_capacity(clusters.len());
        for cluster in clusters {
            out.extend(show(self, cluster)?);
        }
        Ok((out, next))
    }

    /// The clusters of a page of `claims` (filters, order, cursor) and the
    /// cursor of the next page.
    fn select_page(&self, filter: &ClaimFilter) -> Result<(Vec<i64>, Option<String>)> {
        let conn = &*self.conn;
        let mut sql = String::from("SELECT c.cluster, c.newest, c.id FROM clusters c WHERE TRUE");
        let mut values: Vec<String> = Vec::new();
        let mut arg = |sql: &mut String, clause: &str, value: String| {
            values.push(value);
            sql.push_str(&clause.replace('?', &format!("?{}", values.len())));
        };
        if let Some(status) = &filter.status {
            arg(&mut sql, " AND c.status = ?", status.clone());
        }
        if let Some(about) = &filter.about {
            // A rare name: start from its clusters (the terms' index) and
            // sort them. A common one: walk the clusters newest first and
            // probe each for the name, stopping at the page's end, instead
            // of sorting tens of thousands of clusters for fifty.
            let mut counted = Vec::new();
            for term in ledger::about_terms(about) {
                let n = conn
                    .query_one("SELECT count(*) FROM cluster_terms WHERE term = ?1", args![&term])?
                    .int(0)?;
                counted.push((n, term));
            }
            // The rarest first: it narrows the most.
            counted.sort();
            let common =
                filter.limit.is_some() && counted.first().is_some_and(|(n, _)| *n > COMMON_TERM);
            for (_, term) in counted {
                let clause = if common {
                    " AND EXISTS (SELECT 1 FROM cluster_terms t WHERE t.term = ? AND t.cluster = c.cluster)"
                } else {
                    " AND c.cluster IN (SELECT t.cluster FROM cluster_terms t WHERE t.term = ?)"
                };
                arg(&mut sql, clause, term);
            }
        }
        if let Some(outlet) = &filter.outlet {
            let [a, b] = ledger::outlet_terms(outlet);
            arg(&mut sql, " AND EXISTS (SELECT 1 FROM cluster_terms t WHERE t.cluster = c.cluster AND (t.term = ?", a);
            arg(&mut sql, " OR t.term = ?))", b);
        }
        // Registry filters: the clusters filed under a selected outlet's
        // domains (or a host under one).
        let registered = filter.outlet_country.is_some() || filter.state_affiliated || filter.wire;
        let domains = registered.then(|| {
            let country = filter.outlet_country.as_deref().map(str::to_ascii_uppercase);
            self.outlets.domains_where(|o| {
                country.as_ref().is_none_or(|c| o.country.as_ref() == Some(c))
                    && (!filter.state_affiliated || o.state_affiliated == Some(true))
                    && (!filter.wire || o.wire)
            })
        });
        if let Some(domains) = &domains {
            if domains.is_empty() {
                sql.push_str(" AND FALSE");
            }
            for (k, d) in domains.iter().enumerate() {
                let open = if k == 0 {
                    " AND c.cluster IN (SELECT t.cluster FROM cluster_terms t WHERE t.term IN (?"
                } else {
                    ", ?"
                };
                arg(&mut sql, open, format!("h:{}", d.to_lowercase()));
            }
            if !domains.is_empty() {
                sql.push_str("))");
            }
        }
        if let Some(since) = &filter.since {
            arg(&mut sql, " AND c.newest >= ?", since.clone());
        }
        if let Some(until) = &filter.until {
            arg(&mut sql, " AND c.oldest <= ? AND c.oldest != ''", format!("{until}\u{10ffff}"));
        }
        let dialect = conn.dialect();
        if let Some(query) = filter.text.as_deref().and_then(|t| dialect.text_query(t)) {
            arg(&mut sql, dialect.cluster_matches(), query);
        }
        // Keyset paging: the cursor is the sort key of the last cluster
        // of the page before ("newest" and id, which is unique).
        if let Some((newest, id)) = filter.after.as_deref().and_then(|c| c.split_once('~')) {
            arg(&mut sql, " AND (c.newest < ?", newest.to_string());
            arg(&mut sql, " OR (c.newest = ?", newest.to_string());
            arg(&mut sql, " AND c.id > ?))", id.to_string());
        }
        sql.push_str(" ORDER BY c.newest DESC, c.id");
        if let Some(limit) = filter.limit {
            // One more than asked says whether there is a next page.
            sql.push_str(&format!(" LIMIT {}", limit.saturating_add(1)));
        }
        let bound: Vec<crate::sql::Arg<'_>> = values.iter().map(crate::sql::Arg::from).collect();
        let mut rows: Vec<(i64, String, String)> = conn
            .query(&sql, &bound)?
            .iter()
            .map(|r| Ok((r.int(0)?, r.text(1)?, r.text(2)?)))
            .collect::<Result<_>>()?;
        let next = match filter.limit {
            Some(limit) if rows.len() > limit => {
                rows.truncate(limit);
                rows.last().map(|(_, newest, id)| format!("{newest}~{id}"))
            }
            _ => None,
        };
        Ok((rows.into_iter().map(|(cluster, _, _)| cluster).collect(), next))
    }

    /// A cluster in brief: its summary row, its first appearance (named by
    /// the summary's first order key) and its distinct outlets; never all
    /// its appearances.
    fn brief_of(&self, cluster: i64) -> Result<Option<ClaimBrief>> {
        let conn = &*self.conn;
        let Some(summary) = load_summary(conn, cluster)? else { return Ok(None) };
        // The order key is date, undated, URL, version, index.
        let parts: Vec<&str> = summary.first_order.split('\u{1}').collect();
        let (url, version, index) = match parts[..] {
            [_, _, url, version, index] => {
                (url, version.parse::<i64>().unwrap_or(0), index.parse::<i64>().unwrap_or(0))
            }
            _ => return Err(StoreError::Damaged(format!("cluster {cluster}: order key"))),
        };
        let Some(first) = conn.query_opt(
            "SELECT p.text, p.chain, a.outlet, a.published, a.date_from FROM appearances p
             JOIN articles a ON a.id = p.article
             WHERE a.url = ?1 AND a.version = ?2 AND p.idx = ?3",
            args![url, version, index],
        )?
        else {
            return Ok(None);
        };
        let chain: Vec<String> = from_json(&first.text(1)?)?;
        // The cluster's `n:` terms are its outlets as the view counts them.
        let outlets = conn
            .query_one(
                "SELECT count(*) FROM cluster_terms
                 WHERE cluster = ?1 AND term >= 'n:' AND term < 'n;'",
                args![cluster],
            )?
            .int(0)?;
        let status = match corrected_status(conn, cluster)? {
            Some(status) => status,
            None => summary.status().to_string(),
        };
        Ok(Some(ClaimBrief {
            id: summary.id.clone(),
            text: first.text(0)?,
            status,
            origin: chain.first().cloned(),
            first_seen: Some(claimtrace::record::ledger::FirstSeen {
                url: url.to_string(),
                outlet: first.opt_text(2)?,
                published: first.opt_text(3)?,
                date_from: first.text(4)?,
            }),
            outlets: outlets as usize,
            appearances: summary.size,
            superseded_by: self.kept_superseded_by(cluster)?,
        }))
    }
}
