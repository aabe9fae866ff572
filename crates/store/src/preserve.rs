//! Preservation: every page the ledger was given by URL, kept as fetched
//! (compressed, once per URL and content), with when it was read and the
//! headers that matter, so that what a page said can be shown after it
//! changed, and a page that changed silently can be told from one that
//! said so.

use std::io::{Read, Write};

use sha2::{Digest, Sha256};

use crate::sql::{args, Arg, Tx};
use crate::{Result, SqlStore, StoreError};

/// A page as fetched.
#[derive(Clone, Debug)]
pub struct Fetch<'a> {
    /// The URL asked for, and the one the body came from after redirects.
    pub url: &'a str,
    pub final_url: &'a str,
    /// When it was read (ISO 8601, UTC).
    pub fetched_at: &'a str,
    pub bytes: &'a [u8],
    /// The headers that matter: content type, validators, dates.
    pub headers: Vec<(String, String)>,
}

/// A fetch kept in the ledger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchRecord {
    pub id: i64,
    pub url: String,
    pub final_url: String,
    pub fetched_at: String,
    /// SHA-256 of the bytes as fetched, hex.
    pub content_hash: String,
    /// Bytes as fetched.
    pub size: u64,
    /// Compressed bytes this fetch stored; `None` when the same content
    /// was kept by an earlier fetch of the URL.
    pub stored: Option<u64>,
    pub headers: Vec<(String, String)>,
}

impl FetchRecord {
    /// A header's value, by name (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// SHA-256 of `bytes`, hex.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

impl SqlStore {
    /// Keeps a fetch of a page: its time, hash, size and headers, and its
    /// bytes compressed unless an earlier fetch of the URL kept the same
    /// ones. Returns whether the bytes differ from the URL's previous
    /// fetch (`false` for its first).
    pub fn preserve(&mut self, fetch: &Fetch<'_>) -> Result<bool> {
        let hash = content_hash(fetch.bytes);
        let conn = &*self.conn;
        let tx = Tx::write(conn)?;
        let previous = conn
            .query_opt(
                "SELECT content_hash FROM fetches WHERE url = ?1
                 ORDER BY fetched_at DESC, id DESC LIMIT 1",
                args![fetch.url],
            )?
            .map(|r| r.text(0))
            .transpose()?;
        let kept = conn
            .query_one(
                "SELECT count(*) FROM fetches
                 WHERE url = ?1 AND content_hash = ?2 AND body IS NOT NULL",
                args![fetch.url, &hash],
            )?
            .int(0)?
            > 0;
        let body = if kept { None } else { Some(compress(fetch.bytes)?) };
        let headers = serde_json::to_string(&fetch.headers)
            .map_err(|e| StoreError::Damaged(format!("headers: {e}")))?;
        conn.execute(
            "INSERT INTO fetches (url, final_url, fetched_at, content_hash, size, headers, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            &[
                Arg::Text(fetch.url),
                Arg::Text(fetch.final_url),
                Arg::Text(fetch.fetched_at),
                Arg::Text(&hash),
                Arg::Int(fetch.bytes.len() as i64),
                Arg::Text(&headers),
                body.as_deref().map_or(Arg::Null, Arg::Bytes),
            ],
        )?;
        tx.commit()?;
        Ok(previous.is_some_and(|p| p != hash))
    }

    /// Every fetch of `url`, oldest first.
    pub fn fetches(&self, url: &str) -> Result<Vec<FetchRecord>> {
        let rows = self.conn.query(
            "SELECT id, url, final_url, fetched_at, content_hash, size, headers,
                    length(body)
             FROM fetches WHERE url = ?1 ORDER BY fetched_at, id",
            args![url],
        )?;
        rows.iter().map(read_fetch).collect()
    }

    /// The URLs fetched since `since` (ISO 8601), each with its latest
    /// fetch, in URL order: what `refetch` reads again.
    pub fn fetched_since(&self, since: &str) -> Result<Vec<FetchRecord>> {
        let rows = self.conn.query(
            "SELECT f.id, f.url, f.final_url, f.fetched_at, f.content_hash, f.size, f.headers,
                    length(f.body)
             FROM fetches f
             WHERE f.id = (SELECT g.id FROM fetches g WHERE g.url = f.url
                           ORDER BY g.fetched_at DESC, g.id DESC LIMIT 1)
               AND f.fetched_at >= ?1
             ORDER BY f.url",
            args![since],
        )?;
        rows.iter().map(read_fetch).collect()
    }

    /// The bytes of `url` as fetched with content `hash`, if kept.
    pub fn fetched_bytes(&self, url: &str, hash: &str) -> Result<Option<Vec<u8>>> {
        let row = self.conn.query_opt(
            "SELECT body FROM fetches WHERE url = ?1 AND content_hash = ?2 AND body IS NOT NULL
             LIMIT 1",
            args![url, hash],
        )?;
        match row.map(|r| r.opt_bytes(0)).transpose()?.flatten() {
            Some(body) => decompress(&body).map(Some),
            None => Ok(None),
        }
    }
}

fn read_fetch(r: &crate::sql::Row) -> Result<FetchRecord> {
    let headers: Vec<(String, String)> = crate::store::from_json(&r.text(6)?)?;
    Ok(FetchRecord {
        id: r.int(0)?,
        url: r.text(1)?,
        final_url: r.text(2)?,
        fetched_at: r.text(3)?,
        content_hash: r.text(4)?,
        size: r.int(5)? as u64,
        stored: r.opt_int(7)?.map(|n| n as u64),
        headers,
    })
}

fn compress(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder =
        flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map_err(|e| StoreError::Damaged(format!("cannot compress a page: {e}")))
}

fn decompress(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::DeflateDecoder::new(bytes)
        .read_to_end(&mut out)
        .map_err(|e| StoreError::Damaged(format!("a kept page does not decompress: {e}")))?;
    Ok(out)
}
