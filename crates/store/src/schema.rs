//! The ledger's schema and its migrations. Each migration is applied once,
//! in order, inside a transaction; `PRAGMA user_version` records the last.
//! A file with another `application_id` is not a ledger, and one whose
//! version is newer than [`MIGRATIONS`] knows is refused.

/// "ctl1" in ASCII: marks a SQLite file as a claimtrace ledger.
pub const APPLICATION_ID: i64 = 0x6374_6c31;

/// Migrations, oldest first; the schema version is their count.
pub const MIGRATIONS: &[&str] = &[
    // 1: articles, appearances, the candidate index, full text.
    "
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        published TEXT,
        date_from TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        engine TEXT NOT NULL,
        copy_of TEXT,
        latest INTEGER NOT NULL DEFAULT 1,
        record TEXT NOT NULL,
        UNIQUE (url, version)
    );
    CREATE INDEX articles_hash ON articles (content_hash);
    CREATE TABLE appearances (
        id INTEGER PRIMARY KEY,
        article INTEGER NOT NULL REFERENCES articles (id),
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        sentence TEXT NOT NULL,
        chain TEXT NOT NULL,
        status TEXT NOT NULL,
        stances TEXT NOT NULL,
        entities TEXT NOT NULL,
        signature TEXT NOT NULL,
        verdict TEXT,
        cluster INTEGER,
        UNIQUE (article, idx)
    );
    CREATE INDEX appearances_cluster ON appearances (cluster);
    CREATE TABLE keys (
        key TEXT NOT NULL,
        appearance INTEGER NOT NULL,
        PRIMARY KEY (key, appearance)
    ) WITHOUT ROWID;
    CREATE TABLE revisions (
        a INTEGER NOT NULL,
        b INTEGER NOT NULL,
        PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    CREATE INDEX revisions_b ON revisions (b);
    CREATE TABLE cluster_ids (
        id TEXT PRIMARY KEY,
        cluster INTEGER NOT NULL,
        canonical INTEGER NOT NULL
    );
    CREATE INDEX cluster_ids_cluster ON cluster_ids (cluster);
    CREATE VIRTUAL TABLE claims_fts USING fts5 (text, sentence);
    CREATE VIRTUAL TABLE articles_fts USING fts5 (url UNINDEXED, title, body);
    ",
    // 2: a summary per cluster and the names it is filed under, so that
    // lists and filters read one row per cluster instead of building
    // views (filled from the appearances by `SqlStore::migrate`).
    "
    CREATE TABLE clusters (
        cluster INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        status TEXT NOT NULL,
        first_order TEXT NOT NULL,
        last_order TEXT NOT NULL,
        last_status TEXT NOT NULL,
        pinned_order TEXT,
        pinned_status TEXT,
        oldest TEXT NOT NULL,
        newest TEXT NOT NULL,
        size INTEGER NOT NULL
    );
    CREATE INDEX clusters_newest ON clusters (newest DESC, id);
    CREATE INDEX clusters_status ON clusters (status, newest DESC, id);
    CREATE TABLE cluster_terms (
        term TEXT NOT NULL,
        cluster INTEGER NOT NULL,
        PRIMARY KEY (term, cluster)
    ) WITHOUT ROWID;
    CREATE INDEX cluster_terms_cluster ON cluster_terms (cluster);
    ",
    // 3: the candidate index holds MinHash bands instead of words (filled
    // from the stored signatures by `SqlStore::migrate`).
    "
    DELETE FROM keys;
    ",
    // 4: MinHash fingerprints of the articles' texts, for republished
    // copies with small changes (filled by `SqlStore::migrate`).
    "
    ALTER TABLE articles ADD COLUMN fingerprint TEXT;
    CREATE TABLE article_bands (
        band TEXT NOT NULL,
        article INTEGER NOT NULL,
        PRIMARY KEY (band, article)
    ) WITHOUT ROWID;
    ",
    // 5: clusters are filed under their outlets as the view counts them
    // (`n:` terms, filled by `SqlStore::migrate`), so that brief lists
    // count outlets without reading every appearance.
    "
    DELETE FROM cluster_terms WHERE term >= 'n:' AND term < 'n;';
    ",
    // 6: human corrections, each with who and when. `claim` is the claim's
    // id when it was corrected; ids that a merge retired still map to
    // their cluster (`cluster_ids`), so a correction follows its claim
    // through re-ingest and re-clustering. An `undo` row names the `seq`
    // it takes back.
    "
    CREATE TABLE corrections (
        seq INTEGER PRIMARY KEY,
        claim TEXT NOT NULL,
        action TEXT NOT NULL,
        value TEXT NOT NULL,
        note TEXT,
        by TEXT NOT NULL,
        at TEXT NOT NULL,
        undoes INTEGER
    );
    CREATE INDEX corrections_claim ON corrections (claim);
    ",
    // 7: how many times each cluster's summary was written: it changes
    // whenever the cluster's members do, so a view kept from before is
    // known to be stale (`ViewCache`).
    "
    ALTER TABLE clusters ADD COLUMN changes INTEGER NOT NULL DEFAULT 0;
    ",
    // 8: pages as fetched (preservation): each fetch of a URL with its
    // time, the hash and size of the bytes, the headers that matter, and
    // the bytes themselves compressed (`body`), kept once per URL and
    // content: a fetch of bytes kept before stores no body.
    "
    CREATE TABLE fetches (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        final_url TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        size INTEGER NOT NULL,
        headers TEXT NOT NULL,
        body BLOB
    );
    CREATE INDEX fetches_url ON fetches (url, fetched_at);
    ",
    // 9: merges and splits: the appearances a correction moved (a JSON
    // array of appearance ids), so that undoing it moves them back.
    "
    ALTER TABLE corrections ADD COLUMN members TEXT;
    ",
    // 10: where each claim is in its article (`Appearance::anchor`), so
    // that an appearance keeps its key, and a cluster its id, when the
    // article is analysed again; rows filed before have none and keep
    // keys by position.
    "
    ALTER TABLE appearances ADD COLUMN anchor TEXT;
    ",
    // 11: clusters are filed under each domain above their hosts too
    // (`h:example.org` for en.example.org), so that lists filter by an
    // outlet registry's domains; a level a pass.
    "
    INSERT OR IGNORE INTO cluster_terms (term, cluster)
      SELECT 'h:' || substr(term, instr(term, '.') + 1), cluster FROM cluster_terms
      WHERE term >= 'h:' AND term < 'h;' AND substr(term, instr(term, '.') + 1) LIKE '%.%';
    INSERT OR IGNORE INTO cluster_terms (term, cluster)
      SELECT 'h:' || substr(term, instr(term, '.') + 1), cluster FROM cluster_terms
      WHERE term >= 'h:' AND term < 'h;' AND substr(term, instr(term, '.') + 1) LIKE '%.%';
    INSERT OR IGNORE INTO cluster_terms (term, cluster)
      SELECT 'h:' || substr(term, instr(term, '.') + 1), cluster FROM cluster_terms
      WHERE term >= 'h:' AND term < 'h;' AND substr(term, instr(term, '.') + 1) LIKE '%.%';
    ",
    // 12: the news agency whose story an article carries (credited in its
    // byline or dateline; `ArticleRef::wire`).
    "
    ALTER TABLE articles ADD COLUMN wire TEXT;
    ",
    // 13: the candidate index keys each MinHash band by a 64-bit integer
    // instead of its text (half the size; filled from the stored
    // signatures by `SqlStore::migrate`).
    "
    DROP TABLE keys;
    CREATE TABLE keys (
        key INTEGER NOT NULL,
        appearance INTEGER NOT NULL,
        PRIMARY KEY (key, appearance)
    ) WITHOUT ROWID;
    ",
    // 14: an article's full-text row has the article's row id, so that a
    // new version takes the old text out by rowid (by URL, which FTS5
    // does not index, it read every article's text).
    "
    CREATE TEMP TABLE articles_fts_rows AS
      SELECT max(a.id) AS id, f.url AS url, f.title AS title, f.body AS body
      FROM articles_fts f JOIN articles a ON a.url = f.url AND a.latest = 1
      GROUP BY f.rowid;
    DELETE FROM articles_fts;
    INSERT INTO articles_fts (rowid, url, title, body)
      SELECT id, url, title, body FROM articles_fts_rows GROUP BY id;
    DROP TABLE articles_fts_rows;
    ",
    // 15: the full-text indexes keep no copy of what they index
    // (contentless, with deletes by rowid): the claims' text and sentence
    // are in `appearances`, the articles' URL and title in `articles`, and
    // searches read them there. A sixth of a synthetic ledger's file was
    // the claims' copy, and ranking read it.
    "
    CREATE VIRTUAL TABLE claims_fts_v15 USING fts5
      (text, sentence, content='', contentless_delete=1);
    INSERT INTO claims_fts_v15 (rowid, text, sentence)
      SELECT rowid, text, sentence FROM claims_fts;
    DROP TABLE claims_fts;
    ALTER TABLE claims_fts_v15 RENAME TO claims_fts;
    CREATE VIRTUAL TABLE articles_fts_v15 USING fts5
      (url UNINDEXED, title, body, content='', contentless_delete=1);
    INSERT INTO articles_fts_v15 (rowid, url, title, body)
      SELECT rowid, url, title, body FROM articles_fts;
    DROP TABLE articles_fts;
    ALTER TABLE articles_fts_v15 RENAME TO articles_fts;
    ",
    // 16: articles' fingerprint bands keyed by 64-bit integers instead of
    // their text, as the candidate index's since 13 (`c<band>:<hash>` was
    // twice the bytes, and a commit into a big ledger rewrote most of the
    // table's pages: 1,000,000 synthetic appearances 8,399 → 9,411 and
    // 7,676 → 8,240/s). Filled from the stored fingerprints by
    // `SqlStore::migrate`.
    "
    DROP TABLE article_bands;
    CREATE TABLE article_bands (
        band INTEGER NOT NULL,
        article INTEGER NOT NULL,
        PRIMARY KEY (band, article)
    ) WITHOUT ROWID;
    ",
];
