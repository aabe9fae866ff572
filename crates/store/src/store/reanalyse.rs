//! Analysing stored articles again with a newer engine
//! ([`SqlStore::reanalyse`]): the article's appearances are matched with
//! the new analysis's claims by where they are in the text
//! ([`Appearance::anchor`]); a claim found by both is updated in place and
//! stays in its claim, one found only now is filed as any new appearance
//! is, one no longer found leaves the ledger. Clusters therefore keep
//! their ids unless their members changed, and reviewers' corrections
//! (statuses, merges, splits) hold.

use std::collections::{BTreeMap, BTreeSet};

use claimtrace::ledger::{self, Appearance, ArticleRef, DateFrom, Signature};
use claimtrace::{Document, Record};

use super::filing::Clustering;
use super::TextRows;
use super::{
    band_keys, cluster_of, correction_rows, fresh_cluster, in_force, lock_clusters_of,
    move_appearances, same_claim_candidates, splits_in_force, to_json, unfile_keys, SqlStore,
};
use crate::sql::{args, lock_key, Conn, Dialect, Tx};
use crate::{Result, StoreError};

/// The latest version of a stored article, as `reanalyze` lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredArticle {
    /// Its row in `articles`.
    pub id: i64,
    pub url: String,
    pub version: u32,
    /// The engine that analysed it ([`claimtrace::ENGINE`] then).
    pub engine: String,
    pub ingested_at: String,
}

/// What analysing one article again moved.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Reanalysed {
    pub url: String,
    pub version: u32,
    /// The engine that had analysed it.
    pub engine_before: String,
    /// Claims found now and not before (their words).
    pub added: Vec<String>,
    /// Claims found before and not now.
    pub dropped: Vec<String>,
    /// Claims found by both whose words, sources, status or stances changed.
    pub changed: Vec<String>,
    /// Claims this article's appearances were in that became part of
    /// another (`[id before, id now]`; the id before redirects).
    pub joined: Vec<[String; 2]>,
    /// Claims whose status moved (`[id, before, now]`).
    pub statuses: Vec<[String; 3]>,
    /// Claims that had no appearance left and are gone.
    pub gone: Vec<String>,
    /// Claims that fell apart when the appearance that joined their parts
    /// went or changed (`[id, id of a part now, ...]`; the first part
    /// keeps the id).
    pub split: Vec<Vec<String>>,
}

impl Reanalysed {
    /// Whether anything in the ledger moved.
    pub fn moved(&self) -> bool {
        !(self.added.is_empty()
            && self.dropped.is_empty()
            && self.changed.is_empty()
            && self.joined.is_empty()
            && self.statuses.is_empty()
            && self.gone.is_empty()
            && self.split.is_empty())
    }
}

/// An appearance as stored, with the row and cluster it is in.
struct StoredAppearance {
    id: i64,
    /// Its position among the article's claims.
    idx: i64,
    cluster: Option<i64>,
    anchor: Option<String>,
    text: String,
    sentence: String,
    /// Chain, status, stances, entities, signature and verdict (empty for
    /// none) as stored: an appearance whose fields all equal the new ones
    /// did not change.
    fields: [String; 6],
}

impl StoredAppearance {
    /// The new analysis's fields in the stored form.
    fn fields_of(a: &Appearance) -> [String; 6] {
        [
            to_json(&a.chain),
            a.status.clone(),
            to_json(&a.stances),
            to_json(&a.entities),
            a.signature.encode(),
            a.verdict.as_ref().map(to_json).unwrap_or_default(),
        ]
    }
}

impl SqlStore {
    /// The latest version of each stored article, oldest ingest first;
    /// with `since`, only those ingested at or after it (ISO 8601).
    pub fn stored_articles(&self, since: Option<&str>) -> Result<Vec<StoredArticle>> {
        let rows = self.conn.query(
            "SELECT id, url, version, engine, ingested_at FROM articles
             WHERE latest = 1 AND ingested_at >= ?1 ORDER BY ingested_at, id",
            args![since.unwrap_or("")],
        )?;
        rows.iter()
            .map(|r| {
                Ok(StoredArticle {
                    id: r.int(0)?,
                    url: r.text(1)?,
                    version: r.int(2)? as u32,
                    engine: r.text(3)?,
                    ingested_at: r.text(4)?,
                })
            })
            .collect()
    }

    /// The stored record of `article` (a row of `articles`): what the
    /// engine made of it, with the text it read.
    pub fn stored_record(&self, article: &StoredArticle) -> Result<Record> {
        let row = self
            .conn
            .query_opt("SELECT record FROM articles WHERE id = ?1", args![article.id])?
            .ok_or_else(|| StoreError::Invalid(format!("{}: no longer stored", article.url)))?;
        serde_json::from_str(&row.text(0)?)
            .map_err(|e| StoreError::Damaged(format!("{}: record: {e}", article.url)))
    }

    /// Before rows filed are rewritten or moved: what an open batch filed
    /// and holds (its keys and full text) is written, or the batch rolled
    /// back if that fails; the kept signatures of filing go either way.
    fn put_down_filing(&mut self) -> Result<()> {
        let conn = &*self.conn;
        let written = super::write_held(conn, &mut self.kept, &mut self.text_rows);
        if written.is_err() {
            conn.rollback_write();
            self.text_rows.clear();
        }
        self.kept.clear();
        written
    }

    /// Files `doc`, a new analysis of the stored `article`, in place of the
    /// old one, and says what moved. The article keeps its version; its
    /// record and engine are replaced. A fact-check read from the page's
    /// markup is not re-read (the record does not keep the markup) and
    /// stays as it was.
    pub fn reanalyse(&mut self, article: &StoredArticle, doc: &Document) -> Result<Reanalysed> {
        // It rewrites and deletes appearances' rows.
        self.put_down_filing()?;
        let mut tries = 0;
        loop {
            match self.reanalyse_once(article, doc) {
                Err(err) if err.is_conflict() && tries < 20 => tries += 1,
                outcome => return outcome,
            }
        }
    }

    fn reanalyse_once(&mut self, article: &StoredArticle, doc: &Document) -> Result<Reanalysed> {
        let conn = &*self.conn;
        let tx = Tx::write(conn)?;
        conn.lock(&[lock_key("u", &article.url)])?;
        let row = conn
            .query_opt(
                "SELECT version, outlet, published, date_from, copy_of, latest, engine, wire
                 FROM articles WHERE id = ?1",
                args![article.id],
            )?
            .ok_or_else(|| StoreError::Invalid(format!("{}: no longer stored", article.url)))?;
        let version = row.int(0)? as u32;
        if row.int(5)? == 0 {
            return Err(StoreError::Invalid(format!(
                "{} v{version}: a newer version was filed since; analyse that one",
                article.url
            )));
        }
        // A date the new engine finds beats one known only from the ingest.
        let (mut published, mut date_from) = (row.text(2)?, DateFrom::parse(&row.text(3)?));
        let mut redated = false;
        if let Some(found) = doc.meta.published.or(doc.meta.updated) {
            if date_from == DateFrom::Ingest || DateFrom::of(&doc.meta) < date_from {
                redated = found.to_string() != published;
                (published, date_from) = (found.to_string(), DateFrom::of(&doc.meta));
            }
        }
        let reference = ArticleRef {
            url: article.url.clone(),
            outlet: row.opt_text(1)?,
            published: Some(published.clone()),
            date_from,
            version,
            copy_of: row.opt_text(4)?,
            wire: row.opt_text(7)?,
        };
        let mut report = Reanalysed {
            url: article.url.clone(),
            version,
            engine_before: row.text(6)?,
            ..Reanalysed::default()
        };
        let fresh = ledger::appearances(doc, &reference);
        let old = stored_appearances(conn, article.id)?;

        let reviewed =
            conn.query_one("SELECT EXISTS (SELECT 1 FROM corrections)", &[])?.int(0)? != 0;
        let splits = if reviewed { splits_in_force(conn)? } else { Vec::new() };
        // The clusters this may change, locked before any is (as a new
        // article's filing does, where writers run at once).
        if conn.dialect() == Dialect::Postgres {
            conn.lock(&band_keys(conn, &fresh))?;
            let mut reached = same_claim_candidates(conn, &fresh)?;
            reached.extend(old.iter().map(|a| a.id));
            lock_clusters_of(conn, &reached, &mut BTreeSet::new())?;
        }
        // Each claim's public id and status before, to say what moved.
        let mut before: BTreeMap<String, String> = BTreeMap::new();
        for cluster in old.iter().filter_map(|a| a.cluster).collect::<BTreeSet<_>>() {
            if let Some(r) = conn
                .query_opt("SELECT id, status FROM clusters WHERE cluster = ?1", args![cluster])?
            {
                before.insert(r.text(0)?, r.text(1)?);
            }
        }

        // Old appearances by anchor; those filed before anchors, by words.
        let matched = match_appearances(&old, &fresh);
        // Positions are reassigned below: out of the way first.
        conn.execute(
            "UPDATE appearances SET idx = -1 - idx WHERE article = ?1",
            args![article.id],
        )?;
        // Another date moves every appearance of the article in time.
        let mut rebuild: BTreeSet<i64> =
            if redated { old.iter().filter_map(|a| a.cluster).collect() } else { BTreeSet::new() };
        if redated {
            conn.execute(
                "UPDATE articles SET published = ?1, date_from = ?2 WHERE id = ?3",
                args![&published, date_from.as_str(), article.id],
            )?;
        }
        let mut kept = 0usize;
        // Clusters that lost an appearance or whose appearance changed its
        // words: they may fall apart.
        let mut lost: BTreeSet<i64> = BTreeSet::new();
        for (k, stored) in old.iter().enumerate() {
            if matched.contains(&Some(k)) {
                continue;
            }
            if !stored.fields[5].is_empty() {
                // A fact-check from the page's markup: kept, after the claims.
                conn.execute(
                    "UPDATE appearances SET idx = ?1 WHERE id = ?2",
                    args![(fresh.len() + kept) as i64, stored.id],
                )?;
                kept += 1;
                continue;
            }
            report.dropped.push(stored.text.clone());
            forget_appearance(conn, stored.id)?;
            rebuild.extend(stored.cluster);
            lost.extend(stored.cluster);
        }
        // Clusters rebuilt from their members at the end: those that lost
        // or changed members (wherever later merges take them).
        let mut clustering = Clustering::new(&article.url, splits, rebuild);
        let mut linked: Vec<&Appearance> = Vec::new();
        for (appearance, found) in fresh.iter().zip(&matched) {
            let Some(stored) = found.map(|k| &old[k]) else {
                report.added.push(appearance.text.clone());
                let mut text_rows = TextRows::default();
                let new = (article.id, appearance);
                clustering.file_new(conn, &mut self.stats, None, new, &mut text_rows)?;
                text_rows.write(conn)?;
                linked.push(appearance);
                continue;
            };
            // Its cluster now: an appearance filed before it may have
            // joined it to another.
            let cluster = stored.cluster.map(|c| clustering.current(c));
            let fields = StoredAppearance::fields_of(appearance);
            let words_changed =
                stored.text != appearance.text || stored.sentence != appearance.sentence;
            update_appearance(conn, stored.id, appearance, &fields)?;
            if !words_changed && fields == stored.fields {
                // The same claim; another position orders it otherwise
                // among the claim's appearances of the same date.
                if stored.idx != appearance.index as i64 {
                    clustering.rebuild.extend(cluster);
                }
                continue;
            }
            report.changed.push(appearance.text.clone());
            clustering.rebuild.extend(cluster);
            if words_changed {
                conn.execute("DELETE FROM claims_fts WHERE rowid = ?1", args![stored.id])?;
                conn.execute(
                    "INSERT INTO claims_fts (rowid, text, sentence) VALUES (?1, ?2, ?3)",
                    args![stored.id, &appearance.text, &appearance.sentence],
                )?;
            }
            if fields[4] != stored.fields[4] {
                lost.extend(cluster);
                // Other words: other candidates. It stays in its claim and
                // may bring in others that are the same claim.
                unfile_keys(conn, stored.id, &stored.fields[4])?;
                let joined =
                    clustering.link(conn, &mut self.stats, None, appearance, stored.id, cluster)?;
                conn.execute(
                    "UPDATE appearances SET cluster = ?1 WHERE id = ?2",
                    args![joined, stored.id],
                )?;
                linked.push(appearance);
            }
        }
        // Claims whose parts nothing joins any more fall apart, as a fresh
        // ingest would have filed them.
        let mut parts: Vec<(i64, Vec<i64>)> = Vec::new();
        for cluster in lost.into_iter().map(|c| clustering.current(c)).collect::<BTreeSet<_>>() {
            let split = split_apart(conn, cluster)?;
            if !split.is_empty() {
                clustering.rebuild.insert(cluster);
                clustering.rebuild.extend(&split);
                parts.push((cluster, split));
            }
        }
        let retired = std::mem::take(&mut clustering.retired);
        clustering.finish(conn, &linked, reviewed, None)?;
        conn.execute(
            "UPDATE articles SET record = ?1, engine = ?2, published = ?3, date_from = ?4
             WHERE id = ?5",
            args![
                &Record::from_document(doc).to_json_line(),
                claimtrace::ENGINE,
                &published,
                date_from.as_str(),
                article.id,
            ],
        )?;

        let id_of = |cluster: i64| -> Result<Option<String>> {
            conn.query_opt("SELECT id FROM clusters WHERE cluster = ?1", args![cluster])?
                .map(|r| r.text(0))
                .transpose()
        };
        for (cluster, split) in &parts {
            let mut ids = Vec::new();
            for c in std::iter::once(cluster).chain(split) {
                ids.extend(id_of(*c)?);
            }
            report.split.push(ids);
        }
        // What became of each claim this article was in.
        for (id, status) in &before {
            let now = match cluster_of(conn, id)? {
                Some(cluster) => conn.query_opt(
                    "SELECT id, status FROM clusters WHERE cluster = ?1",
                    args![cluster],
                )?,
                None => None,
            };
            let Some(now) = now else {
                report.gone.push(id.clone());
                continue;
            };
            let (id_now, status_now) = (now.text(0)?, now.text(1)?);
            if id_now != *id && retired.iter().any(|(r, _)| r == id) {
                report.joined.push([id.clone(), id_now.clone()]);
            }
            if status_now != *status {
                report.statuses.push([id_now, status.clone(), status_now]);
            }
        }
        tx.commit()?;
        Ok(report)
    }
}

impl SqlStore {
    /// Splits each claim whose members the rules of this engine no longer
    /// join into its connected parts, as a fresh ingest would file them: a
    /// ledger filed under looser rules (before stop 51, "Hamza bin Laden"
    /// and "Osama bin Laden" were one party) is brought up to date.
    /// Claims a reviewer merged stay whole, as do claims of more than
    /// [`SPLIT_AT_MOST`] appearances. Returns the claims split, each as
    /// `[id, id of a part now, ...]` (the first part keeps the id).
    pub fn regroup(&mut self) -> Result<Vec<Vec<String>>> {
        // It moves appearances between clusters.
        self.put_down_filing()?;
        let conn = &*self.conn;
        let clusters: Vec<i64> = conn
            .query("SELECT cluster FROM clusters WHERE size > 1 ORDER BY cluster", &[])?
            .iter()
            .map(|r| r.int(0))
            .collect::<Result<_>>()?;
        // Revisions the rules no longer see (a claim's `superseded_by`
        // reads them), a page at a time (a ledger may hold millions), then
        // claims that fall apart.
        const PAGE: i64 = 10_000;
        let mut after = (i64::MIN, i64::MIN);
        loop {
            let tx = Tx::write(conn)?;
            let rows = conn.query(
                "SELECT r.a, r.b, x.signature, y.signature FROM revisions r
                 JOIN appearances x ON x.id = r.a JOIN appearances y ON y.id = r.b
                 WHERE r.a > ?1 OR (r.a = ?1 AND r.b > ?2) ORDER BY r.a, r.b LIMIT ?3",
                args![after.0, after.1, PAGE],
            )?;
            for r in &rows {
                let (a, b) = (r.int(0)?, r.int(1)?);
                after = (a, b);
                let (x, y) = (Signature::decode(&r.text(2)?), Signature::decode(&r.text(3)?));
                if !ledger::revises(&x, &y) {
                    conn.execute("DELETE FROM revisions WHERE a = ?1 AND b = ?2", args![a, b])?;
                }
            }
            tx.commit()?;
            if (rows.len() as i64) < PAGE {
                break;
            }
        }
        let mut report = Vec::new();
        // A claim a transaction, locked as filing locks it (a ledger may
        // hold a million claims: too many locks for one).
        for cluster in clusters {
            let tx = Tx::write(conn)?;
            conn.lock(&[lock_key("c", &cluster.to_string())])?;
            let reviewed =
                conn.query_one("SELECT EXISTS (SELECT 1 FROM corrections)", &[])?.int(0)? != 0;
            let split = split_apart(conn, cluster)?;
            if split.is_empty() {
                tx.commit()?;
                continue;
            }
            let rebuild: BTreeSet<i64> = std::iter::once(cluster).chain(split.clone()).collect();
            relink_revisions(conn, &rebuild)?;
            Clustering::new("", Vec::new(), rebuild).finish(conn, &[], reviewed, None)?;
            let mut ids = Vec::new();
            for c in std::iter::once(cluster).chain(split) {
                if let Some(r) =
                    conn.query_opt("SELECT id FROM clusters WHERE cluster = ?1", args![c])?
                {
                    ids.push(r.text(0)?);
                }
            }
            tx.commit()?;
            report.push(ids);
        }
        Ok(report)
    }
}

/// Files the revisions between the parts of a claim just split (`parts`:
/// their clusters), as filing links two claims stating the same
/// proposition with other figures ([`ledger::revises`]); the rules that
/// had joined them had not asked.
fn relink_revisions(conn: &dyn Conn, parts: &BTreeSet<i64>) -> Result<()> {
    let mut members: Vec<(i64, i64, Signature)> = Vec::new();
    for &cluster in parts {
        for r in conn.query(
            "SELECT id, signature FROM appearances WHERE cluster = ?1 ORDER BY id",
            args![cluster],
        )? {
            members.push((cluster, r.int(0)?, Signature::decode(&r.text(1)?)));
        }
    }
    for (i, (ci, a, sa)) in members.iter().enumerate() {
        for (cj, b, sb) in &members[i + 1..] {
            if ci != cj && ledger::revises(sa, sb) {
                conn.execute(
                    "INSERT INTO revisions (a, b) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                    args![*a.min(b), *a.max(b)],
                )?;
            }
        }
    }
    Ok(())
}

/// Largest claim whose parts are looked for after it lost a member:
/// comparing members costs up to the square of their number.
const SPLIT_AT_MOST: usize = 2_000;

/// Splits `cluster` into the connected parts of its members' `same_claim`
/// links, when it has more than one: the part with the cluster's own row
/// (or the largest) keeps it, each other moves to a cluster of its own,
/// whose numbers are returned. A claim a reviewer merged stays whole.
fn split_apart(conn: &dyn Conn, cluster: i64) -> Result<Vec<i64>> {
    let rows = correction_rows(conn, cluster)?;
    if in_force(&rows).iter().any(|r| r.correction.action == "merge") {
        return Ok(Vec::new());
    }
    let members: Vec<(i64, Signature)> = conn
        .query(
            "SELECT id, signature FROM appearances WHERE cluster = ?1 ORDER BY id LIMIT ?2",
            args![cluster, SPLIT_AT_MOST as i64 + 1],
        )?
        .iter()
        .map(|r| Ok((r.int(0)?, Signature::decode(&r.text(1)?))))
        .collect::<Result<_>>()?;
    if members.len() > SPLIT_AT_MOST {
        return Ok(Vec::new());
    }
    let signatures: Vec<&Signature> = members.iter().map(|(_, s)| s).collect();
    let mut found = ledger::cluster_signatures(&signatures);
    if found.len() < 2 {
        return Ok(Vec::new());
    }
    let ids = |part: &[usize]| -> Vec<i64> { part.iter().map(|&k| members[k].0).collect() };
    let keeper = found
        .iter()
        .position(|part| ids(part).contains(&cluster))
        .unwrap_or_else(|| (0..found.len()).max_by_key(|&k| found[k].len()).unwrap_or(0));
    found.swap_remove(keeper);
    let mut split = Vec::new();
    for part in &found {
        let part = ids(part);
        let into = fresh_cluster(conn, &part, cluster)?;
        move_appearances(conn, &part, into)?;
        split.push(into);
    }
    Ok(split)
}

fn stored_appearances(conn: &dyn Conn, article: i64) -> Result<Vec<StoredAppearance>> {
    let rows = conn.query(
        "SELECT id, cluster, anchor, text, sentence, chain, status, stances, entities,
                signature, verdict, idx
         FROM appearances WHERE article = ?1 ORDER BY idx",
        args![article],
    )?;
    rows.iter()
        .map(|r| {
            Ok(StoredAppearance {
                id: r.int(0)?,
                idx: r.int(11)?,
                cluster: r.opt_int(1)?,
                anchor: r.opt_text(2)?,
                text: r.text(3)?,
                sentence: r.text(4)?,
                fields: [
                    r.text(5)?,
                    r.text(6)?,
                    r.text(7)?,
                    r.text(8)?,
                    r.text(9)?,
                    r.opt_text(10)?.unwrap_or_default(),
                ],
            })
        })
        .collect()
}

/// For each new appearance, the stored one it continues: the same anchor,
/// or for one stored without an anchor, the same words in the same
/// sentence. Each stored appearance continues at most one.
fn match_appearances(old: &[StoredAppearance], fresh: &[Appearance]) -> Vec<Option<usize>> {
    let mut taken = vec![false; old.len()];
    fresh
        .iter()
        .map(|a| {
            let k = old.iter().enumerate().position(|(k, o)| {
                !taken[k]
                    && match &o.anchor {
                        Some(anchor) => a.anchor.as_ref() == Some(anchor),
                        None => o.text == a.text && o.sentence == a.sentence,
                    }
            })?;
            taken[k] = true;
            Some(k)
        })
        .collect()
}

/// Takes an appearance out of the ledger: its row, index entries, full
/// text and revisions.
fn forget_appearance(conn: &dyn Conn, id: i64) -> Result<()> {
    if let Some(row) =
        conn.query_opt("SELECT signature FROM appearances WHERE id = ?1", args![id])?
    {
        unfile_keys(conn, id, &row.text(0)?)?;
    }
    conn.execute("DELETE FROM claims_fts WHERE rowid = ?1", args![id])?;
    conn.execute("DELETE FROM revisions WHERE a = ?1 OR b = ?1", args![id])?;
    conn.execute("DELETE FROM appearances WHERE id = ?1", args![id])?;
    Ok(())
}

/// Writes the new analysis over a stored appearance (`fields` as
/// [`StoredAppearance::fields_of`] gives them).
fn update_appearance(conn: &dyn Conn, id: i64, a: &Appearance, fields: &[String; 6]) -> Result<()> {
    let verdict = a.verdict.as_ref().map(|_| fields[5].as_str());
    conn.execute(
        "UPDATE appearances SET idx = ?1, anchor = ?2, text = ?3, sentence = ?4, chain = ?5,
             status = ?6, stances = ?7, entities = ?8, signature = ?9, verdict = ?10
         WHERE id = ?11",
        args![
            a.index as i64,
            &a.anchor,
            &a.text,
            &a.sentence,
            &fields[0],
            &fields[1],
            &fields[2],
            &fields[3],
            &fields[4],
            verdict,
            id,
        ],
    )?;
    Ok(())
}
