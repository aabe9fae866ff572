//! Filing appearances into clusters inside one write transaction: the
//! candidate lookup, revisions, the reviewer's splits, joining clusters,
//! and the summaries at the end. Shared by a new article
//! ([`SqlStore::file`](super::SqlStore::file)) and a re-analysed one
//! ([`SqlStore::reanalyse`](super::SqlStore::reanalyse)).

use std::collections::BTreeSet;

use foldhash::{HashMap, HashMapExt};

use claimtrace::ledger::{self, Appearance, Keyed, Packed, Relation, Stored, Summary};

use super::kept::Kept;
use super::{
    add_to_summary, band_postings, index_keys, load_summary, postings, refresh, signatures,
    to_json, trimmed_bands, LookupStats, SplitInForce, TextRows, BUCKET,
};
use crate::sql::{args, Conn, Dialect};
use crate::Result;

/// The clusters one article's appearances joined, as they are filed.
pub(super) struct Clustering<'a> {
    url: &'a str,
    splits: Vec<SplitInForce>,
    /// Row ids of the appearances linked, in order.
    ids: Vec<i64>,
    /// The cluster each appearance joined, and where a cluster went when
    /// a later appearance merged it into another.
    joined: Vec<i64>,
    merged_into: HashMap<i64, i64>,
    /// Summaries of clusters merged into another, by the cluster now
    /// holding them: they join its summary at the end.
    absorbed: HashMap<i64, Vec<Summary>>,
    /// Clusters whose summaries are rebuilt from their members at the end
    /// (those that lost members, or whose members changed in place).
    pub(super) rebuild: BTreeSet<i64>,
    /// Public ids of clusters merged into another, with the cluster that
    /// holds them now.
    pub(super) retired: Vec<(String, i64)>,
    /// The row id the next new appearance has, once the first is known
    /// (SQLite: the writer holds the lock, and ids follow on).
    next_id: Option<i64>,
}

/// The row id the next appearance filed in this transaction will have
/// (on SQLite, the first of an article's: the others follow on,
/// `Clustering::file_new`): reserved before it is filed, so that it is
/// written once, with its cluster. SQLite gives the row after the last
/// (as it would itself; the writer holds the lock), and after the last
/// cluster's number: a cluster
/// is numbered by its first appearance, which re-analysis may have
/// deleted, and a new appearance with that id would start its cluster
/// inside that claim. PostgreSQL takes it from the identity's sequence,
/// which never gives one twice.
fn next_appearance_id(conn: &dyn Conn) -> Result<i64> {
    let sql = match conn.dialect() {
        Dialect::Postgres => "SELECT nextval(pg_get_serial_sequence('appearances', 'id'))",
        Dialect::Sqlite => {
            "SELECT max(coalesce((SELECT max(id) FROM appearances), 0),
                        coalesce((SELECT max(cluster) FROM clusters), 0)) + 1"
        }
    };
    conn.query_one(sql, &[])?.int(0)
}

/// Files `appearance` of the article at row `article` as row `id` (from
/// [`next_appearance_id`]) in `cluster`. Its full-text row is written at
/// once (PostgreSQL) or held in `text_rows` (SQLite).
fn insert_appearance(
    conn: &dyn Conn,
    article: i64,
    appearance: &Appearance,
    (id, cluster): (i64, i64),
    text_rows: &mut TextRows,
) -> Result<()> {
    let (chain, stances, entities) =
        (to_json(&appearance.chain), to_json(&appearance.stances), to_json(&appearance.entities));
    let (signature, verdict) =
        (appearance.signature.encode(), appearance.verdict.as_ref().map(to_json));
    // PostgreSQL files the appearance and its full text in one
    // statement; SQLite holds the full text for the batch's end.
    let insert = match conn.dialect() {
        Dialect::Postgres => {
            "WITH a AS (INSERT INTO appearances (id, article, idx, text, sentence, chain,
                 status, stances, entities, signature, verdict, anchor, cluster)
                 VALUES (?12, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?13) RETURNING id)
             INSERT INTO claims_fts (rowid, text, sentence) SELECT id, ?3, ?4 FROM a"
        }
        Dialect::Sqlite => {
            "INSERT INTO appearances (id, article, idx, text, sentence, chain, status,
                 stances, entities, signature, verdict, anchor, cluster)
             VALUES (?12, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?13)"
        }
    };
    conn.execute(
        insert,
        args![
            article,
            appearance.index as i64,
            &appearance.text,
            &appearance.sentence,
            &chain,
            &appearance.status,
            &stances,
            &entities,
            &signature,
            &verdict,
            &appearance.anchor,
            id,
            cluster,
        ],
    )?;
    if conn.dialect() == Dialect::Sqlite {
        text_rows.claims.push((id, appearance.text.clone(), appearance.sentence.clone()));
    }
    Ok(())
}

/// [`postings`] of `bands`, read from `kept` where it has the band (or
/// knows it empty) and kept there where it had not.
fn kept_postings(conn: &dyn Conn, kept: &mut Kept, bands: &[i64]) -> Result<Vec<i64>> {
    let mut out = Vec::new();
    let mut unread = Vec::new();
    for &band in bands {
        match kept.band(band) {
            Some(recent) => out.extend_from_slice(recent),
            None if kept.is_empty_band(band) => {}
            None => unread.push(band),
        }
    }
    // What the index holds, and what this transaction filed and has not
    // written yet.
    let mut read: HashMap<i64, Vec<i64>> =
        unread.iter().map(|&b| (b, kept.unwritten(b).to_vec())).collect();
    for (band, appearance) in band_postings(conn, &unread)? {
        read.entry(band).or_default().push(appearance);
    }
    for (band, mut recent) in read {
        recent.sort_unstable_by(|a, b| b.cmp(a));
        recent.truncate(BUCKET);
        out.extend_from_slice(&recent);
        kept.keep_band(band, recent);
    }
    Ok(out)
}

impl<'a> Clustering<'a> {
    /// Filing for the article at `url`, under the reviewer's `splits`;
    /// `rebuild`: clusters already known to need their summaries rebuilt.
    pub(super) fn new(
        url: &'a str,
        splits: Vec<SplitInForce>,
        rebuild: BTreeSet<i64>,
    ) -> Clustering<'a> {
        Clustering {
            url,
            splits,
            ids: Vec::new(),
            joined: Vec::new(),
            merged_into: HashMap::new(),
            absorbed: HashMap::new(),
            rebuild,
            retired: Vec::new(),
            next_id: None,
        }
    }

    /// Links appearance `id` to the clusters of the earlier appearances
    /// that are the same claim, joining them into the largest; returns the
    /// cluster it joins, which the caller writes into its row (a new
    /// appearance is filed after, with it). `stays_in`: the cluster the
    /// appearance is in already (re-analysed in place); it stays there,
    /// and may bring others in. `kept`: the signatures and clusters of
    /// appearances filed last, read instead of their rows (a candidate in
    /// a cluster already joined is not compared); with it on, the
    /// appearance's candidate keys wait in it for the transaction's end
    /// (the caller writes them before committing: `write_keys`).
    pub(super) fn link(
        &mut self,
        conn: &dyn Conn,
        stats: &mut LookupStats,
        mut kept: Option<&mut Kept>,
        appearance: &Appearance,
        id: i64,
        stays_in: Option<i64>,
    ) -> Result<i64> {
        self.ids.push(id);
        // Candidates: earlier appearances sharing a MinHash band of their
        // stems, the most recent BUCKET of each band.
        let mut candidates: Vec<i64>;
        {
            // The limit is written into the SQL: a bound one made SQLite
            // (built with STAT4) re-prepare the statement.
            let bands = appearance.signature.bands();
            let found = match kept.as_deref_mut() {
                Some(kept) if kept.is_on() => kept_postings(conn, kept, &bands)?,
                _ => postings(conn, &bands)?,
            };
            stats.postings += found.len() as u64;
            candidates = found;
            candidates.sort_unstable();
            candidates.dedup();
            // A band known to hold fewer than BUCKET (all kept) holds no
            // more than `BAND_KEPT` with this one: not trimmed.
            let mut trims = trimmed_bands(&bands, id);
            if let Some(kept) = kept.as_deref() {
                trims.retain(|&band| !kept.holds_fewer(band, BUCKET));
            }
            if !kept.as_deref_mut().is_some_and(|kept| kept.defer(&bands, id, &trims)) {
                index_keys(conn, &bands, id, &trims)?;
            }
            if let Some(kept) = kept.as_deref_mut() {
                kept.filed_under(&bands, id, BUCKET);
            }
        }
        stats.lookups += 1;
        stats.candidates += candidates.len() as u64;
        // Their clusters are locked (by the caller): none can change under us.
        candidates.retain(|&c| c != id);
        let ids = candidates;
        let mut linked: BTreeSet<i64> = stays_in.into_iter().collect();
        // Appearances of the same proposition with other figures.
        let mut revised: Vec<i64> = Vec::new();
        {
            let kept = kept.as_deref().filter(|kept| kept.is_on());
            // Signatures and clusters of the candidates: kept, or from
            // their rows.
            let kept_ones: Vec<Option<(&Packed, i64)>> =
                ids.iter().map(|&c| kept.and_then(|k| k.get(c))).collect();
            let unread: Vec<i64> =
                ids.iter().zip(&kept_ones).filter(|(_, k)| k.is_none()).map(|(&c, _)| c).collect();
            let read: HashMap<i64, (String, Option<i64>)> = signatures(conn, &unread)?
                .into_iter()
                .map(|(c, signature, cluster)| (c, (signature, cluster)))
                .collect();
            // Its stems' keys computed once for all the candidates.
            let mine = Keyed::new(&appearance.signature);
            // In ascending order; a candidate in a cluster already joined
            // is not compared (a revision inside one cluster is never
            // read: `superseded_by` looks across clusters).
            for (candidate, kept_one) in ids.into_iter().zip(kept_ones) {
                let (relation, cluster) = match kept_one {
                    Some((_, cluster)) if linked.contains(&cluster) => continue,
                    Some((signature, cluster)) => (ledger::relate(&mine, signature), cluster),
                    None => match read.get(&candidate) {
                        Some((signature, Some(cluster))) if !linked.contains(cluster) => {
                            (ledger::relate(&mine, &Stored::read(signature)), *cluster)
                        }
                        _ => continue,
                    },
                };
                match relation {
                    Relation::Revision => revised.push(candidate),
                    Relation::Same(_) => {
                        linked.insert(cluster);
                    }
                    Relation::Other => {}
                }
            }
        }
        for other in revised {
            conn.execute(
                "INSERT INTO revisions (a, b) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                args![other.min(id), other.max(id)],
            )?;
        }
        for split in &self.splits {
            if split.url == self.url {
                linked.remove(&split.from);
            } else if linked.contains(&split.from) {
                linked.retain(|c| !split.off.contains(c));
            }
        }
        // The largest cluster absorbs the others: only their members move,
        // and their summaries merge into its summary.
        // (One cluster joined is the root whatever its size: not read.)
        let mut root = id;
        if linked.len() == 1 {
            root = linked.first().copied().unwrap_or(id);
        } else {
            let mut root_size = 0i64;
            for &cluster in &linked {
                let size = match conn
                    .query_opt("SELECT size FROM clusters WHERE cluster = ?1", args![cluster])?
                {
                    Some(row) => row.int(0)?,
                    None => 0,
                };
                if size > root_size || root == id {
                    (root, root_size) = (cluster, size);
                }
            }
        }
        for &old in linked.iter().filter(|&&c| c != root) {
            // Summaries merge in O(1); a cluster started by this article
            // has none yet (its appearances join through `added`).
            let summary = load_summary(conn, old)?;
            conn.execute(
                "UPDATE appearances SET cluster = ?1 WHERE cluster = ?2",
                args![root, old],
            )?;
            conn.execute(
                "UPDATE cluster_ids SET cluster = ?1 WHERE cluster = ?2",
                args![root, old],
            )?;
            conn.execute("DELETE FROM clusters WHERE cluster = ?1", args![old])?;
            conn.execute(
                "INSERT INTO cluster_terms (term, cluster)
                 SELECT term, CAST(?1 AS BIGINT) FROM cluster_terms WHERE cluster = ?2
                 ON CONFLICT DO NOTHING",
                args![root, old],
            )?;
            conn.execute("DELETE FROM cluster_terms WHERE cluster = ?1", args![old])?;
            if self.rebuild.remove(&old) {
                self.rebuild.insert(root);
            }
            self.merged_into.insert(old, root);
            if let Some(kept) = kept.as_deref_mut() {
                kept.merged(old, root);
            }
            if let Some(summary) = &summary {
                self.retired.push((summary.id.clone(), root));
            }
            let mut carried = self.absorbed.remove(&old).unwrap_or_default();
            carried.extend(summary);
            if !carried.is_empty() {
                self.absorbed.entry(root).or_default().extend(carried);
            }
        }
        self.joined.push(root);
        Ok(root)
    }

    /// Files a new `appearance` of the article at row `article`: its row
    /// id reserved, linked ([`Clustering::link`]), then written with the
    /// cluster it joined. Its row id and that cluster.
    pub(super) fn file_new(
        &mut self,
        conn: &dyn Conn,
        stats: &mut LookupStats,
        kept: Option<&mut Kept>,
        (article, appearance): (i64, &Appearance),
        text_rows: &mut TextRows,
    ) -> Result<(i64, i64)> {
        let id = match self.next_id {
            Some(next) if conn.dialect() == Dialect::Sqlite => next,
            _ => next_appearance_id(conn)?,
        };
        self.next_id = Some(id + 1);
        let cluster = self.link(conn, stats, kept, appearance, id, None)?;
        insert_appearance(conn, article, appearance, (id, cluster), text_rows)?;
        Ok((id, cluster))
    }

    /// Where the `k`-th appearance linked is now, after later merges.
    pub(super) fn cluster_of(&self, k: usize) -> i64 {
        self.current(self.joined[k])
    }

    /// Where `cluster` is now: itself, or the cluster it was merged into.
    pub(super) fn current(&self, mut cluster: i64) -> i64 {
        while let Some(&next) = self.merged_into.get(&cluster) {
            cluster = next;
        }
        cluster
    }

    /// Writes the summaries and public ids of the clusters the article
    /// touched: `appearances` are those linked, in order. The id of a
    /// cluster is a function of its members; ids it had before stay and
    /// redirect to it. `kept`: the terms known filed under clusters,
    /// not filed again.
    pub(super) fn finish(
        mut self,
        conn: &dyn Conn,
        appearances: &[&Appearance],
        reviewed: bool,
        mut kept: Option<&mut Kept>,
    ) -> Result<()> {
        let mut added: HashMap<i64, Vec<&Appearance>> = HashMap::new();
        for (k, appearance) in appearances.iter().enumerate() {
            let cluster = self.cluster_of(k);
            if !self.rebuild.contains(&cluster) {
                added.entry(cluster).or_default().push(appearance);
            }
        }
        // Rebuilt clusters file their terms afresh: those known filed
        // may be gone.
        if let Some(kept) = kept.as_deref_mut().filter(|_| !self.rebuild.is_empty()) {
            kept.forget_terms();
        }
        for cluster in &self.rebuild {
            refresh(conn, *cluster, reviewed)?;
        }
        for cluster in self.absorbed.keys() {
            if !self.rebuild.contains(cluster) {
                added.entry(*cluster).or_default();
            }
        }
        let mut added: Vec<(i64, Vec<&Appearance>)> = added.into_iter().collect();
        added.sort_by_key(|(c, _)| *c);
        for (cluster, apps) in added {
            // A cluster's number is the row of its first appearance.
            let merged = self.absorbed.remove(&cluster).unwrap_or_default();
            let fresh = self.ids.contains(&cluster) && merged.is_empty();
            add_to_summary(conn, cluster, (&apps, &merged), fresh, reviewed, kept.as_deref_mut())?;
        }
        Ok(())
    }
}
