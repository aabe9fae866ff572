//! [`LedgerStore`] on one SQLite file.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use claimtrace::ledger::{self, Appearance, ArticleRef, DateFrom, Fingerprint, Signature, Summary};
use claimtrace::record::ledger::{
    ClaimBrief, Correction, EventReport, LedgerClaim, LedgerEvent, TimelineEntry,
};
use claimtrace::Record;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

use crate::schema::{APPLICATION_ID, MIGRATIONS};
use crate::{
    ArticleInput, ArticleRow, ClaimFilter, EventFilter, Ingested, LedgerStore, Result, Review,
    SearchHit, StoreError, Version, STATUSES,
};

/// Clusters filed under a name above which `claims --about` walks the
/// clusters newest first instead of sorting the name's clusters.
const COMMON_TERM: i64 = 2_000;

/// Candidates read per MinHash band: its most recent appearances. A band
/// is shared by few claims but the many reports of one big story; of
/// those, the most recent are enough to join it. The ledger is exactly a
/// function of the set of articles while no band holds more than this.
const BUCKET: usize = 8;

/// An article as the store files it: what [`LedgerStore::ingest`] reads
/// off an analysed document.
pub struct Filed<'a> {
    /// The canonical URL, or the input's name.
    pub url: String,
    pub title: String,
    pub outlet: Option<String>,
    /// ISO 8601 from the article; `None` dates it by `ingested_at`.
    pub published: Option<String>,
    pub body: &'a str,
    /// The article record (`docs/article-json.md`) as one JSON line.
    pub record: String,
    pub ingested_at: &'a str,
}

/// The ledger in one SQLite file.
pub struct SqliteStore {
    conn: Connection,
    stats: LookupStats,
}

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

impl SqliteStore {
    /// Opens (or creates) the ledger at `path`, migrating an older schema.
    /// A file that is not a claimtrace ledger, or one from a newer
    /// claimtrace, is refused and left untouched.
    pub fn open(path: &Path) -> Result<SqliteStore> {
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
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Checkpoint every ~40 MB of WAL rather than every 4 MB: ingest
        // rewrites the same index pages article after article, and each
        // checkpoint wrote them out again (15% of ingest time in a profile
        // of `bench --synthetic`).
        conn.pragma_update(None, "wal_autocheckpoint", 10_000)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = SqliteStore { conn, stats: LookupStats::default() };
        store.migrate()?;
        Ok(store)
    }

    /// Applies the migrations the file lacks, each in its own transaction
    /// (taken IMMEDIATE, so that two processes opening a new file at once
    /// migrate it once).
    fn migrate(&mut self) -> Result<()> {
        loop {
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            let Some(sql) = MIGRATIONS.get(version as usize) else { return Ok(()) };
            tx.execute_batch(sql)?;
            if version + 1 == 2 {
                // Summaries of the clusters a version 1 ledger holds.
                let clusters: Vec<i64> = {
                    let mut stmt = tx.prepare(
                        "SELECT DISTINCT cluster FROM appearances WHERE cluster IS NOT NULL",
                    )?;
                    let rows = stmt.query_map([], |r| r.get(0))?;
                    rows.collect::<rusqlite::Result<_>>()?
                };
                for cluster in clusters {
                    refresh(&tx, cluster)?;
                }
            }
            if version + 1 == 3 {
                let rows: Vec<(i64, String)> = {
                    let mut stmt = tx.prepare(
                        "SELECT id, signature FROM appearances WHERE cluster IS NOT NULL",
                    )?;
                    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
                    rows.collect::<rusqlite::Result<_>>()?
                };
                let mut insert =
                    tx.prepare("INSERT OR IGNORE INTO keys (key, appearance) VALUES (?1, ?2)")?;
                for (id, signature) in rows {
                    for key in Signature::decode(&signature).bands() {
                        insert.execute(params![key, id])?;
                    }
                }
            }
            if version + 1 == 4 {
                let rows: Vec<(i64, String)> = {
                    let mut stmt = tx.prepare("SELECT id, record FROM articles")?;
                    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
                    rows.collect::<rusqlite::Result<_>>()?
                };
                for (id, record) in rows {
                    let record: serde_json::Value = from_json(&record)?;
                    let text = record.get("text").and_then(|t| t.as_str()).unwrap_or("");
                    if let Some(print) = Fingerprint::of(text) {
                        file_fingerprint(&tx, id, &print)?;
                    }
                }
            }
            if version + 1 == 5 {
                let rows: Vec<(i64, Option<String>, String)> = {
                    let mut stmt = tx.prepare(
                        "SELECT p.cluster, a.outlet, a.url FROM appearances p
                         JOIN articles a ON a.id = p.article
                         WHERE p.cluster IS NOT NULL AND a.copy_of IS NULL",
                    )?;
                    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                    rows.collect::<rusqlite::Result<_>>()?
                };
                let mut insert = tx.prepare(
                    "INSERT OR IGNORE INTO cluster_terms (term, cluster) VALUES (?1, ?2)",
                )?;
                for (cluster, outlet, url) in rows {
                    let outlet = outlet.unwrap_or_else(|| ledger::host_of(&url));
                    insert.execute(params![format!("n:{outlet}"), cluster])?;
                }
            }
            tx.pragma_update(None, "user_version", version + 1)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            tx.commit()?;
        }
    }

    /// Files one article and its appearances (`appearances` makes them
    /// once the article's version and copy mark are known): the one write
    /// path, for analysed documents ([`LedgerStore::ingest`]) and for the
    /// synthetic ledgers of the benchmarks.
    pub fn file(
        &mut self,
        article: &Filed<'_>,
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
        let (published, date_from) = match &article.published {
            Some(stamp) => (stamp.clone(), DateFrom::Meta),
            None => (article.ingested_at.to_string(), DateFrom::Ingest),
        };

        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let latest: Option<(i64, u32, String)> = tx
            .query_row(
                "SELECT id, version, content_hash FROM articles WHERE url = ?1
                 ORDER BY version DESC LIMIT 1",
                [&url],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (version, mut outcome) = match &latest {
            Some((_, _, h)) if *h == hash => return Ok(Ingested::Unchanged),
            Some((_, v, _)) => (v + 1, Ingested::NewVersion),
            None => (1, Ingested::New),
        };
        let copy_of: Option<String> = if latest.is_none() {
            tx.query_row(
                "SELECT url FROM articles WHERE content_hash = ?1 AND url != ?2
                 ORDER BY id LIMIT 1",
                params![hash, url],
                |r| r.get(0),
            )
            .optional()?
        } else {
            None
        };
        // A republished copy with small changes: most of its shingles are
        // another article's (only for a new URL, as for exact copies).
        let fingerprint = Fingerprint::of(article.body);
        let copy_of = match (copy_of, &fingerprint) {
            (None, Some(print)) if latest.is_none() => near_copy_of(&tx, &url, print)?,
            (copy_of, _) => copy_of,
        };
        if copy_of.is_some() {
            outcome = Ingested::Copy;
        }
        // Clusters that lose members to a new version: their summaries
        // are rebuilt from what is left at the end.
        let mut rebuild: BTreeSet<i64> = BTreeSet::new();
        if latest.is_some() {
            let mut stmt = tx.prepare_cached(
                "SELECT DISTINCT p.cluster FROM appearances p JOIN articles a ON a.id = p.article
                 WHERE a.url = ?1 AND p.cluster IS NOT NULL",
            )?;
            let rows = stmt.query_map([&url], |r| r.get::<_, i64>(0))?;
            for row in rows {
                rebuild.insert(row?);
            }
            // The new version replaces the old ones in the ledger: their
            // appearances leave their clusters and the index (they stay
            // stored, for history).
            tx.prepare_cached(
                "DELETE FROM keys WHERE appearance IN (SELECT p.id FROM appearances p
                 JOIN articles a ON a.id = p.article WHERE a.url = ?1)",
            )?
            .execute([&url])?;
            tx.prepare_cached(
                "DELETE FROM claims_fts WHERE rowid IN (SELECT p.id FROM appearances p
                 JOIN articles a ON a.id = p.article WHERE a.url = ?1)",
            )?
            .execute([&url])?;
            tx.prepare_cached(
                "UPDATE appearances SET cluster = NULL WHERE article IN
                 (SELECT id FROM articles WHERE url = ?1)",
            )?
            .execute([&url])?;
            tx.prepare_cached("UPDATE articles SET latest = 0 WHERE url = ?1")?.execute([&url])?;
            // Search finds the text the article has now.
            tx.prepare_cached("DELETE FROM articles_fts WHERE url = ?1")?.execute([&url])?;
        }
        tx.prepare_cached(
            "INSERT INTO articles (url, version, content_hash, title, outlet, published,
                 date_from, ingested_at, engine, copy_of, latest, record)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11)",
        )?
        .execute(params![
            url,
            version,
            hash,
            Some(&article.title).filter(|t| !t.is_empty()),
            article.outlet,
            published,
            date_from.as_str(),
            article.ingested_at,
            concat!("claimtrace ", env!("CARGO_PKG_VERSION")),
            copy_of,
            article.record,
        ])?;
        let article_id = tx.last_insert_rowid();
        if let Some(print) = &fingerprint {
            file_fingerprint(&tx, article_id, print)?;
        }
        tx.prepare_cached("INSERT INTO articles_fts (url, title, body) VALUES (?1, ?2, ?3)")?
            .execute(params![url, article.title, article.body])?;

        let reference = ArticleRef {
            url: url.clone(),
            outlet: article.outlet.clone(),
            published: Some(published),
            date_from,
            version,
            copy_of,
        };
        let appearances = appearances(&reference);
        let mut ids: Vec<i64> = Vec::with_capacity(appearances.len());
        // The cluster each appearance joined, and where a cluster went when
        // a later appearance merged it into another.
        let mut joined: Vec<i64> = Vec::with_capacity(appearances.len());
        let mut merged_into: HashMap<i64, i64> = HashMap::new();
        // Summaries of clusters merged into another, by the cluster now
        // holding them: they join its summary at the end.
        let mut absorbed: HashMap<i64, Vec<Summary>> = HashMap::new();
        for appearance in &appearances {
            tx.prepare_cached(
                "INSERT INTO appearances (article, idx, text, sentence, chain, status,
                     stances, entities, signature, verdict)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                article_id,
                appearance.index as i64,
                appearance.text,
                appearance.sentence,
                to_json(&appearance.chain),
                appearance.status,
                to_json(&appearance.stances),
                to_json(&appearance.entities),
                appearance.signature.encode(),
                appearance.verdict.as_ref().map(to_json),
            ])?;
            let id = tx.last_insert_rowid();
            ids.push(id);
            tx.prepare_cached(
                "INSERT INTO claims_fts (rowid, text, sentence) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![id, appearance.text, appearance.sentence])?;
            // Candidates: earlier appearances sharing a MinHash band of
            // their stems, the most recent BUCKET of each band.
            let mut candidates: BTreeSet<i64> = BTreeSet::new();
            {
                // The limit is written into the SQL: a bound one made
                // SQLite (built with STAT4) re-prepare the statement.
                let sql = format!(
                    "SELECT appearance FROM keys WHERE key = ?1 ORDER BY appearance DESC LIMIT {BUCKET}"
                );
                let mut postings = tx.prepare_cached(&sql)?;
                let bands = appearance.signature.bands();
                for key in &bands {
                    let rows = postings.query_map([key], |r| r.get(0))?;
                    for row in rows {
                        candidates.insert(row?);
                        self.stats.postings += 1;
                    }
                }
                let mut insert_key = tx.prepare_cached(
                    "INSERT OR IGNORE INTO keys (key, appearance) VALUES (?1, ?2)",
                )?;
                for key in &bands {
                    insert_key.execute(params![key, id])?;
                }
            }
            self.stats.lookups += 1;
            self.stats.candidates += candidates.len() as u64;
            let mut linked: BTreeSet<i64> = BTreeSet::new();
            // Appearances of the same proposition with other figures.
            let mut revised: Vec<i64> = Vec::new();
            {
                let mut load =
                    tx.prepare_cached("SELECT signature, cluster FROM appearances WHERE id = ?1")?;
                for candidate in candidates {
                    let (signature, cluster): (String, Option<i64>) =
                        load.query_row([candidate], |r| Ok((r.get(0)?, r.get(1)?)))?;
                    let Some(cluster) = cluster else { continue };
                    // Already joined: a revision inside one cluster is
                    // never read (`superseded_by` looks across clusters).
                    if linked.contains(&cluster) {
                        continue;
                    }
                    let other = Signature::decode(&signature);
                    if ledger::revises(&appearance.signature, &other) {
                        revised.push(candidate);
                        continue;
                    }
                    if ledger::same_claim(&appearance.signature, &other).is_some() {
                        linked.insert(cluster);
                    }
                }
            }
            for other in revised {
                tx.prepare_cached("INSERT OR IGNORE INTO revisions (a, b) VALUES (?1, ?2)")?
                    .execute([other.min(id), other.max(id)])?;
            }
            // The largest cluster absorbs the others: only their members
            // move, and their summaries merge into its summary.
            let mut root = id;
            let mut root_size = 0i64;
            for &cluster in &linked {
                let size: i64 = tx
                    .prepare_cached("SELECT size FROM clusters WHERE cluster = ?1")?
                    .query_row([cluster], |r| r.get(0))
                    .optional()?
                    .unwrap_or(0);
                if size > root_size || root == id {
                    (root, root_size) = (cluster, size);
                }
            }
            for &old in linked.iter().filter(|&&c| c != root) {
                // Summaries merge in O(1); a cluster started by this article
                // has none yet (its appearances join through `added`).
                let summary = load_summary(&tx, old)?;
                tx.prepare_cached("UPDATE appearances SET cluster = ?1 WHERE cluster = ?2")?
                    .execute([root, old])?;
                tx.prepare_cached("UPDATE cluster_ids SET cluster = ?1 WHERE cluster = ?2")?
                    .execute([root, old])?;
                tx.prepare_cached("DELETE FROM clusters WHERE cluster = ?1")?.execute([old])?;
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO cluster_terms (term, cluster)
                     SELECT term, ?1 FROM cluster_terms WHERE cluster = ?2",
                )?
                .execute([root, old])?;
                tx.prepare_cached("DELETE FROM cluster_terms WHERE cluster = ?1")?
                    .execute([old])?;
                if rebuild.remove(&old) {
                    rebuild.insert(root);
                }
                merged_into.insert(old, root);
                let mut carried = absorbed.remove(&old).unwrap_or_default();
                carried.extend(summary);
                if !carried.is_empty() {
                    absorbed.entry(root).or_default().extend(carried);
                }
            }
            tx.prepare_cached("UPDATE appearances SET cluster = ?1 WHERE id = ?2")?
                .execute([root, id])?;
            joined.push(root);
        }
        // Summaries and public ids of the clusters this article touched.
        // The id of a cluster is a function of its members; ids it had
        // before stay and redirect to it.
        let mut added: HashMap<i64, Vec<&Appearance>> = HashMap::new();
        for (appearance, &joined) in appearances.iter().zip(&joined) {
            let mut cluster = joined;
            while let Some(&next) = merged_into.get(&cluster) {
                cluster = next;
            }
            if !rebuild.contains(&cluster) {
                added.entry(cluster).or_default().push(appearance);
            }
        }
        for cluster in &rebuild {
            refresh(&tx, *cluster)?;
        }
        for cluster in absorbed.keys() {
            if !rebuild.contains(cluster) {
                added.entry(*cluster).or_default();
            }
        }
        let mut added: Vec<(i64, Vec<&Appearance>)> = added.into_iter().collect();
        added.sort_by_key(|(c, _)| *c);
        for (cluster, apps) in added {
            // A cluster's number is the row of its first appearance.
            let merged = absorbed.get(&cluster).map_or(&[][..], Vec::as_slice);
            let fresh = ids.contains(&cluster) && merged.is_empty();
            add_to_summary(&tx, cluster, &apps, merged, fresh)?;
        }
        tx.commit()?;
        Ok(outcome)
    }

    /// Clusters whose stored summary differs from the one their members
    /// give (a bug if any): the check behind the tests that ingest in
    /// many orders.
    pub fn stale_summaries(&self) -> Result<Vec<String>> {
        let mut stale = Vec::new();
        let clusters: Vec<(i64, Summary)> = {
            let sql = format!("SELECT {SUMMARY_COLUMNS} FROM clusters ORDER BY cluster");
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map([], read_summary)?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let listed: BTreeSet<i64> = clusters.iter().map(|c| c.0).collect();
        let all: BTreeSet<i64> = {
            let mut stmt = self
                .conn
                .prepare("SELECT DISTINCT cluster FROM appearances WHERE cluster IS NOT NULL")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for missing in all.difference(&listed) {
            stale.push(format!("cluster {missing}: no summary"));
        }
        for (cluster, stored) in clusters {
            let members = self.members(cluster)?;
            let refs: Vec<&Appearance> = members.iter().collect();
            if Summary::of(&refs).as_ref() != Some(&stored) {
                stale.push(format!("cluster {cluster}: stored {stored:?}"));
            }
        }
        Ok(stale)
    }

    /// What candidate lookups have cost since the store was opened.
    pub fn lookup_stats(&self) -> LookupStats {
        self.stats
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    fn members(&self, cluster: i64) -> Result<Vec<Appearance>> {
        members(&self.conn, cluster)
    }

    fn view_of(&self, cluster: i64) -> Result<Option<LedgerClaim>> {
        let Some(mut claim) = self.bare_view(cluster)? else { return Ok(None) };
        // Superseded by the newest cluster that states the same
        // proposition with other figures and was first seen later.
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT p.cluster FROM appearances p WHERE p.cluster IS NOT NULL
               AND p.cluster != ?1 AND p.id IN (
                 SELECT r.b FROM revisions r JOIN appearances m ON m.id = r.a WHERE m.cluster = ?1
                 UNION
                 SELECT r.a FROM revisions r JOIN appearances m ON m.id = r.b WHERE m.cluster = ?1)",
        )?;
        let partners: Vec<i64> =
            stmt.query_map([cluster], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        // Dates from the summaries (the earliest published date of each),
        // so that a big story's view does not build its partners' views.
        let oldest = |c: i64| -> Result<Option<(String, String)>> {
            Ok(load_summary(&self.conn, c)?.map(|s| (s.oldest, s.id)))
        };
        let Some((mine, _)) = oldest(cluster)? else { return Ok(Some(claim)) };
        let mut newest: Option<(String, String)> = None;
        for partner in partners {
            let Some((theirs, id)) = oldest(partner)? else { continue };
            if theirs > mine && newest.as_ref().is_none_or(|(t, i)| (&theirs, &id) > (t, i)) {
                newest = Some((theirs, id));
            }
        }
        claim.superseded_by = newest.map(|(_, id)| id);
        apply_corrections(&self.conn, cluster, &mut claim)?;
        Ok(Some(claim))
    }

    /// A cluster's view without the links to other clusters.
    fn bare_view(&self, cluster: i64) -> Result<Option<LedgerClaim>> {
        let members = self.members(cluster)?;
        if members.is_empty() {
            return Ok(None);
        }
        let refs: Vec<&Appearance> = members.iter().collect();
        Ok(Some(ledger::view(&ledger::cluster_id(&refs), &refs)))
    }
}

/// Appearances of a cluster, with their articles.
///
/// Their signatures are left empty: views and summaries do not read them.
fn members(conn: &Connection, cluster: i64) -> Result<Vec<Appearance>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.idx, p.text, p.sentence, p.chain, p.status, p.stances, p.entities,
                p.verdict, a.url, a.outlet, a.published, a.date_from, a.version, a.copy_of
         FROM appearances p JOIN articles a ON a.id = p.article
         WHERE p.cluster = ?1",
    )?;
    let rows = stmt.query_map([cluster], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, Option<String>>(7)?,
            ArticleRef {
                url: r.get(8)?,
                outlet: r.get(9)?,
                published: r.get(10)?,
                date_from: DateFrom::parse(&r.get::<_, String>(11)?),
                version: r.get(12)?,
                copy_of: r.get(13)?,
            },
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (idx, text, sentence, chain, status, stances, entities, verdict, article) = row?;
        let verdict = verdict.as_deref().map(from_json).transpose()?;
        let chain: Vec<String> = from_json(&chain)?;
        let stances: Vec<(String, String)> = from_json(&stances)?;
        let entities: Vec<String> = from_json(&entities)?;
        out.push(Appearance {
            signature: Signature::default(),
            article,
            index: idx as usize,
            text,
            sentence,
            chain,
            status,
            stances,
            entities,
            verdict,
        });
    }
    Ok(out)
}

/// Rebuilds a cluster's summary, terms and public id from its members
/// (O(members)); removes them when it has none left.
fn refresh(conn: &Connection, cluster: i64) -> Result<()> {
    let members = members(conn, cluster)?;
    conn.prepare_cached("DELETE FROM cluster_terms WHERE cluster = ?1")?.execute([cluster])?;
    if !resummarise(conn, cluster, &members)? {
        return Ok(());
    }
    let terms: BTreeSet<String> = members.iter().flat_map(ledger::terms).collect();
    file_terms(conn, cluster, terms.iter())
}

/// Rebuilds a cluster's summary and public id from `members` (all of
/// them); removes them when there are none, and says so.
fn resummarise(conn: &Connection, cluster: i64, members: &[Appearance]) -> Result<bool> {
    let refs: Vec<&Appearance> = members.iter().collect();
    let Some(summary) = Summary::of(&refs) else {
        conn.prepare_cached("DELETE FROM clusters WHERE cluster = ?1")?.execute([cluster])?;
        conn.prepare_cached("DELETE FROM cluster_ids WHERE cluster = ?1")?.execute([cluster])?;
        conn.prepare_cached("DELETE FROM cluster_terms WHERE cluster = ?1")?.execute([cluster])?;
        return Ok(false);
    };
    write_summary(conn, cluster, &summary)?;
    set_id(conn, cluster, &summary.id)?;
    Ok(true)
}

/// Adds an article's new appearances, and the summaries of the clusters
/// merged into it, to a cluster's summary: O(1) each, whatever their
/// order. `fresh`: the cluster was started by this article and holds only
/// `added`.
fn add_to_summary(
    conn: &Connection,
    cluster: i64,
    added: &[&Appearance],
    merged: &[Summary],
    fresh: bool,
) -> Result<()> {
    let terms: BTreeSet<String> = added.iter().flat_map(|a| ledger::terms(a)).collect();
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
            write_summary(conn, cluster, &summary)?;
            if summary.id != id {
                set_id(conn, cluster, &summary.id)?;
            }
            summary
        }
        None if fresh => {
            let summary = Summary::of(added).expect("a cluster has members");
            write_summary(conn, cluster, &summary)?;
            set_id(conn, cluster, &summary.id)?;
            summary
        }
        // Not expected: every stored cluster has a summary.
        None => return refresh(conn, cluster),
    };
    debug_assert!(summary.size > 0);
    file_terms(conn, cluster, terms.iter())
}

const SUMMARY_COLUMNS: &str = "cluster, id, first_order, last_order, last_status, pinned_order,
     pinned_status, oldest, newest, size";

fn load_summary(conn: &Connection, cluster: i64) -> Result<Option<Summary>> {
    let sql = format!("SELECT {SUMMARY_COLUMNS} FROM clusters WHERE cluster = ?1");
    Ok(conn.prepare_cached(&sql)?.query_row([cluster], read_summary).optional()?.map(|(_, s)| s))
}

/// A row of `clusters` (`SUMMARY_COLUMNS`, in order) as a summary.
fn read_summary(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, Summary)> {
    let pinned = match (r.get::<_, Option<String>>(5)?, r.get::<_, Option<String>>(6)?) {
        (Some(order), Some(status)) => Some((order, status)),
        _ => None,
    };
    Ok((
        r.get(0)?,
        Summary {
            id: r.get(1)?,
            first_order: r.get(2)?,
            last: (r.get(3)?, r.get(4)?),
            pinned,
            oldest: r.get(7)?,
            newest: r.get(8)?,
            size: r.get::<_, i64>(9)? as usize,
        },
    ))
}

/// Makes `id` the public id of `cluster`; the ids it had before stay and
/// redirect to it.
fn set_id(conn: &Connection, cluster: i64, id: &str) -> Result<()> {
    conn.prepare_cached("UPDATE cluster_ids SET canonical = 0 WHERE cluster = ?1")?
        .execute([cluster])?;
    conn.prepare_cached(
        "INSERT INTO cluster_ids (id, cluster, canonical) VALUES (?1, ?2, 1)
         ON CONFLICT (id) DO UPDATE SET cluster = ?2, canonical = 1",
    )?
    .execute(params![id, cluster])?;
    Ok(())
}

fn write_summary(conn: &Connection, cluster: i64, summary: &Summary) -> Result<()> {
    let sql = format!(
        "INSERT OR REPLACE INTO clusters ({SUMMARY_COLUMNS}, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    );
    let (pinned_order, pinned_status) = summary.pinned.clone().unzip();
    // A reviewer's status wins over the machine's, whatever was ingested.
    let status = match corrected_status(conn, cluster)? {
        Some(status) => status,
        None => summary.status().to_string(),
    };
    conn.prepare_cached(&sql)?.execute(params![
        cluster,
        summary.id,
        summary.first_order,
        summary.last.0,
        summary.last.1,
        pinned_order,
        pinned_status,
        summary.oldest,
        summary.newest,
        summary.size as i64,
        status,
    ])?;
    Ok(())
}

/// The cluster claim `id` names: its id now or one it had before a merge.
fn cluster_of(conn: &Connection, id: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT cluster FROM cluster_ids WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// One stored correction.
struct CorrectionRow {
    seq: i64,
    undoes: Option<i64>,
    correction: Correction,
}

/// Every correction made under any id of `cluster`, oldest first.
fn correction_rows(conn: &Connection, cluster: i64) -> Result<Vec<CorrectionRow>> {
    let stmt = conn.prepare_cached(
        "SELECT c.seq, c.action, c.value, c.note, c.by, c.at, c.undoes FROM corrections c
         JOIN cluster_ids i ON i.id = c.claim WHERE i.cluster = ?1 ORDER BY c.seq",
    );
    let mut stmt = match stmt {
        Ok(stmt) => stmt,
        // Migrations older than the table refresh summaries: no
        // corrections can exist yet.
        Err(err) if err.to_string().contains("no such table: corrections") => return Ok(Vec::new()),
        Err(err) => return Err(err.into()),
    };
    let rows = stmt.query_map([cluster], |r| {
        Ok(CorrectionRow {
            seq: r.get(0)?,
            undoes: r.get(6)?,
            correction: Correction {
                action: r.get(1)?,
                value: r.get(2)?,
                note: r.get(3)?,
                by: r.get(4)?,
                at: r.get(5)?,
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The corrections of `cluster` still in force (not undone), oldest first.
fn in_force(rows: &[CorrectionRow]) -> Vec<&CorrectionRow> {
    let undone: BTreeSet<i64> = rows.iter().filter_map(|r| r.undoes).collect();
    rows.iter().filter(|r| r.undoes.is_none() && !undone.contains(&r.seq)).collect()
}

/// The status a reviewer set on `cluster`, if one is in force.
fn corrected_status(conn: &Connection, cluster: i64) -> Result<Option<String>> {
    let rows = correction_rows(conn, cluster)?;
    Ok(in_force(&rows)
        .into_iter()
        .rev()
        .find(|r| r.correction.action == "status")
        .map(|r| r.correction.value.clone()))
}

/// Lists `cluster`'s corrections on its view; a status in force becomes
/// the claim's status and the last entry of its timeline.
fn apply_corrections(conn: &Connection, cluster: i64, claim: &mut LedgerClaim) -> Result<()> {
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
        });
    }
    claim.corrections = rows.into_iter().map(|r| r.correction).collect();
    Ok(())
}

fn file_terms<'a>(
    conn: &Connection,
    cluster: i64,
    terms: impl Iterator<Item = &'a String>,
) -> Result<()> {
    let mut insert =
        conn.prepare_cached("INSERT OR IGNORE INTO cluster_terms (term, cluster) VALUES (?1, ?2)")?;
    for term in terms {
        insert.execute(params![term, cluster])?;
    }
    Ok(())
}

/// The URL of an article other than `url` whose text `print` says this
/// one copies, found through the fingerprint's bands.
fn near_copy_of(conn: &Connection, url: &str, print: &Fingerprint) -> Result<Option<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.url, a.fingerprint FROM article_bands b
         JOIN articles a ON a.id = b.article
         WHERE b.band = ?1 AND a.url != ?2 ORDER BY a.id LIMIT 16",
    )?;
    for band in print.bands() {
        let rows = stmt.query_map(params![band, url], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        for row in rows {
            let (other_url, other) = row?;
            if other.as_deref().and_then(Fingerprint::decode).is_some_and(|o| print.is_copy(&o)) {
                return Ok(Some(other_url));
            }
        }
    }
    Ok(None)
}

/// Stores an article's fingerprint and files it under its bands.
fn file_fingerprint(conn: &Connection, article: i64, print: &Fingerprint) -> Result<()> {
    conn.prepare_cached("UPDATE articles SET fingerprint = ?1 WHERE id = ?2")?
        .execute(params![print.encode(), article])?;
    let mut insert =
        conn.prepare_cached("INSERT OR IGNORE INTO article_bands (band, article) VALUES (?1, ?2)")?;
    for band in print.bands() {
        insert.execute(params![band, article])?;
    }
    Ok(())
}

fn from_json<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Damaged(e.to_string()))
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("plain data serializes")
}

/// A full-text query from a person's words: each word quoted, so that
/// FTS5 syntax characters in them are plain text.
fn fts_query(words: &str) -> Option<String> {
    let terms: Vec<String> =
        words.split_whitespace().map(|w| format!("\"{}\"", w.replace('"', "\"\""))).collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

impl LedgerStore for SqliteStore {
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
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let Some(cluster) = cluster_of(&tx, id)? else { return Ok(None) };
        let (action, value, undoes) = match review {
            Review::Status(status) => ("status", status.clone(), None),
            Review::Note => ("note", String::new(), None),
            Review::Undo => {
                let rows = correction_rows(&tx, cluster)?;
                let Some(last) = in_force(&rows).last().map(|r| (r.seq, r.correction.clone()))
                else {
                    return Ok(None);
                };
                let what = match last.1.action.as_str() {
                    "status" => format!("status {}", last.1.value),
                    other => other.to_string(),
                };
                ("undo", what, Some(last.0))
            }
        };
        tx.prepare_cached(
            "INSERT INTO corrections (claim, action, value, note, by, at, undoes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![id, action, value, note, by, at, undoes])?;
        // The list's status follows at once.
        if let Some(summary) = load_summary(&tx, cluster)? {
            write_summary(&tx, cluster, &summary)?;
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
        let Some(cluster) = cluster_of(&self.conn, id)? else { return Ok(Vec::new()) };
        Ok(correction_rows(&self.conn, cluster)?.into_iter().map(|r| r.correction).collect())
    }

    fn ingest(&mut self, input: &ArticleInput<'_>) -> Result<Ingested> {
        let doc = input.doc;
        let article = Filed {
            url: doc.meta.url.clone().unwrap_or_else(|| input.input_name.to_string()),
            title: doc.meta.title.clone().unwrap_or_default(),
            outlet: doc.meta.outlet.clone(),
            published: doc.meta.published.or(doc.meta.updated).map(|s| s.to_string()),
            body: &doc.text,
            record: Record::from_document(doc).to_json_line(),
            ingested_at: input.ingested_at,
        };
        self.file(&article, &|r| ledger::appearances(doc, r))
    }

    fn claims_page(&self, filter: &ClaimFilter) -> Result<(Vec<LedgerClaim>, Option<String>)> {
        // One query over the summaries picks the page; only its clusters'
        // views are built.
        let (clusters, next) = self.select_page(filter)?;
        let mut out = Vec::with_capacity(clusters.len());
        for cluster in clusters {
            if let Some(claim) = self.view_of(cluster)? {
                out.push(claim);
            }
        }
        Ok((out, next))
    }

    fn claims_brief(&self, filter: &ClaimFilter) -> Result<(Vec<ClaimBrief>, Option<String>)> {
        let (clusters, next) = self.select_page(filter)?;
        let mut out = Vec::with_capacity(clusters.len());
        for cluster in clusters {
            if let Some(brief) = self.brief_of(cluster)? {
                out.push(brief);
            }
        }
        Ok((out, next))
    }

    fn claim(&self, id: &str) -> Result<Option<LedgerClaim>> {
        let cluster: Option<i64> = self
            .conn
            .query_row("SELECT cluster FROM cluster_ids WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        match cluster {
            Some(c) => self.view_of(c),
            None => Ok(None),
        }
    }

    fn articles(&self) -> Result<Vec<ArticleRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.url, a.version, a.title, a.outlet, a.published, a.date_from,
                    a.ingested_at, a.copy_of, a.latest,
                    (SELECT count(*) FROM appearances p WHERE p.article = a.id)
             FROM articles a ORDER BY a.ingested_at DESC, a.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ArticleRow {
                url: r.get(0)?,
                version: r.get(1)?,
                title: r.get(2)?,
                outlet: r.get(3)?,
                published: r.get(4)?,
                date_from: r.get(5)?,
                ingested_at: r.get(6)?,
                copy_of: r.get(7)?,
                latest: r.get::<_, i64>(8)? == 1,
                claims: r.get::<_, i64>(9)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn history(&self, url: &str) -> Result<Vec<Version>> {
        let mut stmt = self.conn.prepare(
            "SELECT version, ingested_at, published, record FROM articles WHERE url = ?1
             ORDER BY version",
        )?;
        let rows = stmt.query_map([url], |r| {
            Ok((r.get::<_, u32>(0)?, r.get::<_, String>(1)?, r.get(2)?, r.get::<_, String>(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (version, ingested_at, published, record) = row?;
            out.push(Version { version, ingested_at, published, record: from_json(&record)? });
        }
        Ok(out)
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(query) else { return Ok(Vec::new()) };
        let mut hits = Vec::new();
        let mut stmt = self.conn.prepare(
            "SELECT p.cluster, f.text, bm25(claims_fts) AS score FROM claims_fts f
             JOIN appearances p ON p.id = f.rowid
             WHERE claims_fts MATCH ?1 AND p.cluster IS NOT NULL ORDER BY score LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![query, limit as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, f64>(2)?))
        })?;
        let mut ids: HashMap<i64, String> = HashMap::new();
        for row in rows {
            let (cluster, text, score) = row?;
            let id = match ids.get(&cluster) {
                Some(id) => id.clone(),
                None => {
                    let id: String = self.conn.query_row(
                        "SELECT id FROM cluster_ids WHERE cluster = ?1 AND canonical = 1",
                        [cluster],
                        |r| r.get(0),
                    )?;
                    ids.insert(cluster, id.clone());
                    id
                }
            };
            if !hits.iter().any(|h: &SearchHit| h.kind == "claim" && h.id == id) {
                hits.push(SearchHit { kind: "claim", id, text, score: -score });
            }
        }
        let mut stmt = self.conn.prepare(
            "SELECT url, title, bm25(articles_fts) AS score FROM articles_fts
             WHERE articles_fts MATCH ?1 ORDER BY score LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![query, limit as i64], |r| {
            Ok(SearchHit {
                kind: "article",
                id: r.get(0)?,
                text: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                score: -r.get::<_, f64>(2)?,
            })
        })?;
        for row in rows {
            hits.push(row?);
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits.truncate(limit);
        Ok(hits)
    }

    fn events(&self, filter: &EventFilter) -> Result<Vec<LedgerEvent>> {
        // Every latest, original article's record: the events live in the
        // records, and grouping them is the engine's (pure) job.
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.url, a.outlet, a.published, a.record FROM articles a
             WHERE a.latest = 1 AND a.copy_of IS NULL ORDER BY a.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut claim_id = self.conn.prepare_cached(
            "SELECT c.id FROM appearances p JOIN cluster_ids c ON c.cluster = p.cluster
             WHERE p.article = ?1 AND p.idx = ?2 AND c.canonical = 1",
        )?;
        let mut reports = Vec::new();
        for row in rows {
            let (article, url, outlet, published, record) = row?;
            let record: Record = from_json(&record)?;
            for event in record.events {
                let claim = match event.claim {
                    Some(idx) => claim_id
                        .query_row(params![article, idx as i64], |r| r.get::<_, String>(0))
                        .optional()?,
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

impl SqliteStore {
    /// The clusters of a page of `claims` (filters, order, cursor) and the
    /// cursor of the next page.
    fn select_page(&self, filter: &ClaimFilter) -> Result<(Vec<i64>, Option<String>)> {
        let mut sql = String::from("SELECT c.cluster, c.newest, c.id FROM clusters c WHERE 1");
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let mut arg = |sql: &mut String, clause: &str, value: String| {
            args.push(value.into());
            sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
        };
        if let Some(status) = &filter.status {
            arg(&mut sql, " AND c.status = ?", status.clone());
        }
        if let Some(about) = &filter.about {
            // A rare name: start from its clusters (the terms' index) and
            // sort them. A common one: walk the clusters newest first and
            // probe each for the name, stopping at the page's end, instead
            // of sorting tens of thousands of clusters for fifty.
            let mut terms = ledger::about_terms(about);
            let postings = |term: &str| -> Result<i64> {
                Ok(self
                    .conn
                    .prepare_cached("SELECT count(*) FROM cluster_terms WHERE term = ?1")?
                    .query_row([term], |r| r.get(0))?)
            };
            let mut counted = Vec::with_capacity(terms.len());
            for term in terms.drain(..) {
                counted.push((postings(&term)?, term));
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
        if let Some(since) = &filter.since {
            arg(&mut sql, " AND c.newest >= ?", since.clone());
        }
        if let Some(until) = &filter.until {
            arg(&mut sql, " AND c.oldest <= ? AND c.oldest != ''", format!("{until}\u{10ffff}"));
        }
        if let Some(query) = filter.text.as_deref().and_then(fts_query) {
            arg(
                &mut sql,
                " AND c.cluster IN (SELECT p.cluster FROM claims_fts f JOIN appearances p ON p.id = f.rowid WHERE claims_fts MATCH ?)",
                query,
            );
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
        let mut rows: Vec<(i64, String, String)> = {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
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
        let Some(summary) = load_summary(&self.conn, cluster)? else { return Ok(None) };
        // The order key is date, undated, URL, version, index.
        let parts: Vec<&str> = summary.first_order.split('\u{1}').collect();
        let (url, version, index) = match parts[..] {
            [_, _, url, version, index] => {
                (url, version.parse::<i64>().unwrap_or(0), index.parse::<i64>().unwrap_or(0))
            }
            _ => return Err(StoreError::Damaged(format!("cluster {cluster}: order key"))),
        };
        let first = self
            .conn
            .prepare_cached(
                "SELECT p.text, p.chain, a.outlet, a.published, a.date_from FROM appearances p
                 JOIN articles a ON a.id = p.article
                 WHERE a.url = ?1 AND a.version = ?2 AND p.idx = ?3",
            )?
            .query_row(params![url, version, index], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })
            .optional()?;
        let Some((text, chain, outlet, published, date_from)) = first else { return Ok(None) };
        let chain: Vec<String> = from_json(&chain)?;
        // The cluster's `n:` terms are its outlets as the view counts them.
        let outlets: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM cluster_terms
                 WHERE cluster = ?1 AND term >= 'n:' AND term < 'n;'",
            )?
            .query_row([cluster], |r| r.get(0))?;
        let status = match corrected_status(&self.conn, cluster)? {
            Some(status) => status,
            None => summary.status().to_string(),
        };
        Ok(Some(ClaimBrief {
            id: summary.id.clone(),
            text,
            status,
            origin: chain.first().cloned(),
            first_seen: Some(claimtrace::record::ledger::FirstSeen {
                url: url.to_string(),
                outlet,
                published,
                date_from,
            }),
            outlets: outlets as usize,
            appearances: summary.size,
        }))
    }
}
