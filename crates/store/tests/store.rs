//! The ledger end to end, on SQLite and on PostgreSQL alike: ingest,
//! idempotence, versions, copies, order independence, corrections; and on
//! SQLite, refusal of foreign and newer files and migration.
//!
//! The PostgreSQL cases use the server `CLAIMTRACE_TEST_POSTGRES` names
//! (`scripts/services.sh start` starts one), each test in a schema of its
//! own. Without it they say they were skipped; with
//! `CLAIMTRACE_REQUIRE_SERVICES` set (CI) a missing server fails them.

use std::path::{Path, PathBuf};

use claimtrace::ledger::{appearances, Appearance, ArticleRef};
use claimtrace::read::{Input, ReadOptions};
use claimtrace::Document;
use claimtrace_store::{
    ArticleInput, ClaimFilter, Ingested, LedgerStore, Review, SqlStore, StoreError, ViewCache,
};

fn testdata(rel: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata")).join(rel)
}

/// The founding example and the eight dev articles, analysed.
fn corpus() -> Vec<(String, Document)> {
    let mut paths = vec![testdata("examples/newsweek-isis-threat.txt")];
    let mut dev: Vec<PathBuf> = std::fs::read_dir(testdata("gold/dev/inputs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dev.sort();
    paths.extend(dev);
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            let name = p.file_name().unwrap().to_str().unwrap().to_string();
            let input = Input { name: &name, bytes: &bytes, format: None, content_type: None };
            let doc = claimtrace::analyze(&input, &ReadOptions::default()).remove(0).unwrap();
            (name, doc)
        })
        .collect()
}

/// A short article from its text (the first line is its title).
fn read(text: &str) -> Document {
    let input = Input { name: "x.txt", bytes: text.as_bytes(), format: None, content_type: None };
    claimtrace::analyze(&input, &ReadOptions::default()).remove(0).unwrap()
}

fn ingest(store: &mut SqlStore, name: &str, doc: &Document) -> Ingested {
    store.ingest(&input(name, doc)).unwrap()
}

/// The article `doc`, filed under `name` at the tests' one time.
fn input<'a>(name: &'a str, doc: &'a Document) -> ArticleInput<'a> {
    ArticleInput { doc, input_name: name, ingested_at: "2026-12-01T00:00:00Z" }
}

/// A cluster's id, status, and its (url, claim text) pairs sorted.
type Shape = (String, String, Vec<(String, String)>);

/// Clusters as sorted lists of (url, claim text), for comparing ledgers.
fn shape(store: &SqlStore) -> Vec<Shape> {
    let mut out: Vec<_> = store
        .claims(&ClaimFilter::default())
        .unwrap()
        .into_iter()
        .map(|c| {
            let mut apps: Vec<(String, String)> =
                c.appearances.iter().map(|a| (a.url.clone(), a.text.clone())).collect();
            apps.sort();
            (c.id, c.status, apps)
        })
        .collect();
    out.sort();
    out
}

/// Where a test's ledger lives.
enum Backend {
    Sqlite,
    /// The server's URL.
    Postgres(String),
}

impl Backend {
    /// The ledger of the test that owns `dir`: a file in it, or a schema
    /// named after it. Opening it again gives the same ledger.
    fn open(&self, dir: &Path) -> SqlStore {
        match self {
            Backend::Sqlite => SqlStore::open(&dir.join("ledger.db")).unwrap(),
            Backend::Postgres(url) => {
                let schema = pg_schema(dir);
                let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
                client.batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {schema}")).unwrap();
                let sep = if url.contains('?') { '&' } else { '?' };
                let url = format!("{url}{sep}options=-csearch_path%3D{schema}");
                SqlStore::connect(Path::new(&url)).unwrap()
            }
        }
    }
}

/// The PostgreSQL schema of the test that owns `dir` ([`Backend::open`]).
fn pg_schema(dir: &Path) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    dir.hash(&mut h);
    format!("test_{:016x}", h.finish())
}

/// The PostgreSQL server of the tests, or `None` (said) when there is none
/// and none is required.
fn postgres_url() -> Option<String> {
    match std::env::var("CLAIMTRACE_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var_os("CLAIMTRACE_REQUIRE_SERVICES").is_some() => {
            panic!("CLAIMTRACE_REQUIRE_SERVICES is set but CLAIMTRACE_TEST_POSTGRES is not")
        }
        _ => {
            eprintln!(
                "skipped: no PostgreSQL (set CLAIMTRACE_TEST_POSTGRES; scripts/services.sh start)"
            );
            None
        }
    }
}

/// Two stories the tests of merges and splits file.
const BRIDGE: &str = "The council said the bridge will close on Monday for repairs.";
const FERRY: &str = "The harbour authority said the ferry will run every hour from Tuesday.";

/// A test on SQLite and on PostgreSQL: `name::sqlite`, `name::postgres`.
macro_rules! on_both {
    ($name:ident) => {
        mod $name {
            #[test]
            fn sqlite() {
                super::$name(&super::Backend::Sqlite);
            }
            #[test]
            fn postgres() {
                if let Some(url) = super::postgres_url() {
                    super::$name(&super::Backend::Postgres(url));
                }
            }
        }
    };
}

fn ingesting_twice_adds_nothing(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = backend.open(dir.path());
    assert_eq!(store.cluster_sizes().unwrap(), (0, 0));
    let docs = corpus();
    for (name, doc) in &docs {
        assert_eq!(ingest(&mut store, name, doc), Ingested::New, "{name}");
    }
    let first = shape(&store);
    assert!(first.len() > 50, "{} clusters", first.len());
    let largest = first.iter().map(|c| c.2.len()).max().unwrap();
    assert_eq!(store.cluster_sizes().unwrap(), (first.len() as i64, largest as i64));
    for (name, doc) in &docs {
        assert_eq!(ingest(&mut store, name, doc), Ingested::Unchanged, "{name}");
    }
    assert_eq!(shape(&store), first);
    assert_eq!(store.articles().unwrap().len(), docs.len());
    // Every claim of every article is in exactly one cluster.
    let total: usize = docs.iter().map(|(_, d)| d.claims.len()).sum();
    let listed: usize = first.iter().map(|c| c.2.len()).sum();
    assert_eq!(listed, total);
}
on_both!(ingesting_twice_adds_nothing);

fn the_ledger_does_not_depend_on_the_order_of_ingest(backend: &Backend) {
    let docs = corpus();
    let n = docs.len();
    let mut reference = None;
    // The given order, reversed, and three fixed shuffles.
    let orders: Vec<Vec<usize>> = vec![
        (0..n).collect(),
        (0..n).rev().collect(),
        (0..n).map(|i| (i * 4 + 1) % n).collect(),
        (0..n).map(|i| (i * 7 + 3) % n).collect(),
        (0..n).map(|i| (i * 2 + 5) % n).collect(),
    ];
    for order in orders {
        let mut seen = order.clone();
        seen.sort();
        assert_eq!(seen, (0..n).collect::<Vec<_>>(), "a permutation");
        let dir = tempfile::tempdir().unwrap();
        let mut store = backend.open(dir.path());
        for i in order {
            ingest(&mut store, &docs[i].0, &docs[i].1);
        }
        // Summaries kept up article by article equal those rebuilt from
        // the members.
        assert_eq!(store.stale_summaries().unwrap(), Vec::<String>::new());
        let got = shape(&store);
        match &reference {
            None => reference = Some(got),
            Some(r) => assert_eq!(&got, r),
        }
    }
}
on_both!(the_ledger_does_not_depend_on_the_order_of_ingest);

fn a_changed_article_is_a_new_version_and_a_copy_counts_once(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = backend.open(dir.path());
    let v1 =
        read("Bridge closes\n\nThe council said the bridge will close on Monday for repairs.\n");
    let v2 = read(
        "Bridge closes\n\nThe council said the bridge will close on Monday for repairs. \
         The mayor said the ferry will run every hour.\n",
    );
    assert_eq!(ingest(&mut store, "https://a.example/bridge", &v1), Ingested::New);
    assert_eq!(ingest(&mut store, "https://a.example/bridge", &v2), Ingested::NewVersion);
    assert_eq!(ingest(&mut store, "https://b.example/wire", &v2), Ingested::Copy);
    let articles = store.articles().unwrap();
    assert_eq!(articles.len(), 3);
    assert_eq!(articles.iter().filter(|a| a.latest).count(), 2);
    let claims = store.claims(&ClaimFilter::default()).unwrap();
    let bridge = claims.iter().find(|c| c.text.contains("bridge will close")).unwrap();
    // The old version's appearance left the ledger; the copy is kept,
    // marked, and counted once.
    assert_eq!(bridge.appearances.len(), 2, "{bridge:#?}");
    assert!(bridge
        .appearances
        .iter()
        .all(|a| a.url != "https://a.example/bridge" || a.version == 2));
    assert_eq!(bridge.outlets, 1);
    let copy = bridge.appearances.iter().find(|a| a.url == "https://b.example/wire").unwrap();
    assert_eq!(copy.copy_of.as_deref(), Some("https://a.example/bridge"));
    // Looked up by id, and found by words.
    assert_eq!(store.claim(&bridge.id).unwrap().unwrap().id, bridge.id);
    let hits = store.search("ferry", 10).unwrap();
    assert!(hits.iter().any(|h| h.kind == "claim" && h.text.contains("ferry")), "{hits:?}");
    assert!(hits.iter().any(|h| h.kind == "article"));
    // All three versions say "bridge": search finds the latest and the
    // copy, not the replaced version.
    let hits = store.search("bridge", 10).unwrap();
    let articles: Vec<_> = hits.iter().filter(|h| h.kind == "article").collect();
    assert_eq!(articles.len(), 2, "{hits:?}");
    assert!(store.search("\"unbalanced AND (", 10).is_ok(), "user text is not FTS syntax");
}
on_both!(a_changed_article_is_a_new_version_and_a_copy_counts_once);

/// Two versions of one article and a copy of it filed in one batch (on
/// SQLite, one transaction whose full-text rows are written at its end)
/// leave the search index as filing them one by one does: the replaced
/// version's words are not found.
fn a_batch_with_two_versions_of_an_article_searches_as_one_by_one(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
    }
    let v1 = read(
        "Bridge closes\n\nThe council said the bridge will close on Monday for repairs. \
         The harbour master said the tugboat crews were on strike.\n",
    );
    let v2 = read(
        "Bridge closes\n\nThe council said the bridge will close on Monday for repairs. \
         The mayor said the ferry will run every hour.\n",
    );
    let docs = [
        ("https://a.example/bridge", &v1),
        ("https://a.example/bridge", &v2),
        ("https://b.example/wire", &v2),
    ];
    let mut one_by_one = backend.open(&dir.path().join("a"));
    for (url, doc) in docs {
        ingest(&mut one_by_one, url, doc);
    }
    let mut batched = backend.open(&dir.path().join("b"));
    let inputs: Vec<ArticleInput<'_>> = docs.iter().map(|(url, doc)| input(url, doc)).collect();
    let outcomes = batched.ingest_all(&inputs);
    let outcomes: Vec<Ingested> = outcomes.into_iter().map(Result::unwrap).collect();
    assert_eq!(outcomes, [Ingested::New, Ingested::NewVersion, Ingested::Copy]);
    assert_eq!(shape(&batched), shape(&one_by_one));
    let found = |store: &SqlStore, words: &str| {
        let mut hits: Vec<(String, String)> = store
            .search(words, 20)
            .unwrap()
            .into_iter()
            .map(|h| (h.kind.to_string(), h.text))
            .collect();
        hits.sort();
        hits
    };
    for words in ["bridge", "ferry", "tugboat", "strike"] {
        assert_eq!(found(&batched, words), found(&one_by_one, words), "{words}");
    }
    assert!(found(&batched, "tugboat").is_empty(), "the replaced version is not searched");
    assert!(!found(&batched, "ferry").is_empty());
}
on_both!(a_batch_with_two_versions_of_an_article_searches_as_one_by_one);

/// A claim filed twice in one batch (on SQLite, one transaction whose
/// candidate keys are written at its end) is one claim, and the index it
/// leaves finds it for a writer that comes after.
fn a_batch_leaves_the_candidate_index_whole(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let report = |outlet: &str| {
        read(&format!(
            "Dam breached\n\nThe regional governor said the northern dam had been breached \
             overnight, flooding three villages. {outlet} reporters saw the water rise.\n"
        ))
    };
    let docs = [report("Our"), report("Local")];
    let mut batched = backend.open(dir.path());
    let inputs =
        [input("https://a.example/dam", &docs[0]), input("https://b.example/dam", &docs[1])];
    assert!(batched.ingest_all(&inputs).iter().all(Result::is_ok));
    let dam = |store: &SqlStore| {
        shape(store)
            .into_iter()
            .filter(|(_, _, apps)| apps.iter().any(|a| a.1.contains("dam")))
            .count()
    };
    assert_eq!(dam(&batched), 1, "{:?}", shape(&batched));
    drop(batched);
    // Another writer: it knows the ledger from its index alone.
    let mut later = backend.open(dir.path());
    ingest(&mut later, "https://c.example/dam", &report("Their"));
    assert_eq!(dam(&later), 1, "{:?}", shape(&later));
}
on_both!(a_batch_leaves_the_candidate_index_whole);

/// A claim page's view, kept in a `ViewCache`, is the full view with its
/// first appearances, and never outlives a change of its cluster: a new
/// version of one of its articles, another report, a correction.
fn a_kept_page_view_follows_every_change_of_its_cluster(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = backend.open(dir.path());
    let cache = ViewCache::new(8, 1, 1);
    let check = |store: &SqlStore, id: &str| {
        let full = store.claim(id).unwrap().unwrap();
        for _ in 0..2 {
            let (mut page, total) = store.claim_page(id, &cache).unwrap().unwrap();
            assert_eq!(total, full.appearances.len());
            assert_eq!(page.appearances[..], full.appearances[..1]);
            page.appearances.clone_from(&full.appearances);
            assert_eq!(page, full);
        }
    };
    let said = "The council said the bridge will close on Monday for repairs.";
    let v1 = read(&format!("Bridge closes\n\n{said}\n"));
    ingest(&mut store, "https://a.example/bridge", &v1);
    ingest(
        &mut store,
        "https://c.example/roads",
        &read(&format!("Roads\n\n{said} Traffic is heavy.\n")),
    );
    let id = |store: &SqlStore| {
        let claims = store.claims(&ClaimFilter::default()).unwrap();
        claims.iter().find(|c| c.text.contains("bridge will close")).unwrap().id.clone()
    };
    let first = id(&store);
    check(&store, &first);
    // A new version: its appearance replaces the old one in the cluster.
    let v2 =
        read(&format!("Bridge closes\n\n{said} The mayor said the ferry will run every hour.\n"));
    assert_eq!(ingest(&mut store, "https://a.example/bridge", &v2), Ingested::NewVersion);
    let now = id(&store);
    check(&store, &now);
    let (page, _) = store.claim_page(&now, &cache).unwrap().unwrap();
    assert!(store.claim(&now).unwrap().unwrap().appearances.iter().any(|a| a.version == 2));
    assert_eq!(page.id, now);
    // Another report, and a correction.
    ingest(&mut store, "https://d.example/city", &read(&format!("City\n\n{said}\n")));
    check(&store, &now);
    store
        .review(&now, &Review::Status("confirmed".into()), None, "editor", "2026-12-01T10:00:00Z")
        .unwrap();
    check(&store, &now);
    assert_eq!(store.claim_page(&now, &cache).unwrap().unwrap().0.status, "confirmed");
}
on_both!(a_kept_page_view_follows_every_change_of_its_cluster);

/// Pages as fetched: kept compressed once per URL and content, every
/// fetch logged, the latest of each URL listed for `refetch`.
fn pages_are_kept_as_fetched_once_per_content(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = backend.open(dir.path());
    let page = |body: &str| format!("<html><body><p>{}</p></body></html>", body.repeat(40));
    let (a, b) = (page("The bridge will close. "), page("The bridge stays open. "));
    let fetch = |bytes: &'static [u8], at: &'static str| claimtrace_store::Fetch {
        url: "https://a.example/bridge",
        final_url: "https://a.example/bridge",
        fetched_at: at,
        bytes,
        headers: vec![("etag".into(), "\"v1\"".into())],
    };
    let (a, b): (&'static [u8], &'static [u8]) = (
        Box::leak(a.into_bytes().into_boxed_slice()),
        Box::leak(b.into_bytes().into_boxed_slice()),
    );
    assert!(!store.preserve(&fetch(a, "2026-12-01T10:00:00Z")).unwrap(), "the first fetch");
    assert!(!store.preserve(&fetch(a, "2026-12-01T11:00:00Z")).unwrap(), "the same bytes");
    assert!(store.preserve(&fetch(b, "2026-12-01T12:00:00Z")).unwrap(), "new bytes");
    let kept = store.fetches("https://a.example/bridge").unwrap();
    assert_eq!(kept.len(), 3);
    assert_eq!(kept.iter().map(|f| f.stored.is_some()).collect::<Vec<_>>(), [true, false, true]);
    assert!(kept[0].stored.unwrap() < kept[0].size / 4, "compressed: {:?}", kept[0]);
    assert_eq!(kept[2].header("ETag"), Some("\"v1\""));
    assert_eq!(
        store.fetched_bytes("https://a.example/bridge", &kept[0].content_hash).unwrap().unwrap(),
        a
    );
    assert_eq!(
        store.fetched_bytes("https://a.example/bridge", &kept[2].content_hash).unwrap().unwrap(),
        b
    );
    let due = store.fetched_since("2026-12-01T11:30:00Z").unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].fetched_at, "2026-12-01T12:00:00Z");
    assert!(store.fetched_since("2026-12-02").unwrap().is_empty());
}
on_both!(pages_are_kept_as_fetched_once_per_content);

/// Merge and split corrections: they move appearances at once, hold
/// through re-ingest, a new version of the split article and an article
/// that would bridge the split, list in the history with who and when,
/// and undo.
fn merges_and_splits_hold_and_undo(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = backend.open(dir.path());
    let (bridge, ferry) = (BRIDGE, FERRY);
    let docs = [
        ("https://a.example/1", read(&format!("Bridge\n\n{bridge}\n"))),
        ("https://b.example/2", read(&format!("Roads\n\n{bridge}\n"))),
        ("https://c.example/3", read(&format!("City\n\n{bridge}\n"))),
        ("https://e.example/5", read(&format!("Harbour\n\n{ferry}\n"))),
    ];
    for (url, doc) in &docs {
        ingest(&mut store, url, doc);
    }
    let urls_of = |store: &SqlStore, id: &str| -> Vec<String> {
        let mut urls: Vec<String> =
            store.claim(id).unwrap().unwrap().appearances.iter().map(|a| a.url.clone()).collect();
        urls.sort();
        urls
    };
    let find = |store: &SqlStore, words: &str| -> String {
        let claims = store.claims(&ClaimFilter::default()).unwrap();
        claims.iter().find(|c| c.text.contains(words)).unwrap().id.clone()
    };
    let bridge_id = find(&store, "bridge will close");
    let ferry_id = find(&store, "ferry will run");
    assert_eq!(urls_of(&store, &bridge_id).len(), 3);
    let at = "2026-12-02T10:00:00Z";

    // Split: b.example's appearance leaves the bridge claim.
    let split = Review::Split("https://b.example/2".into());
    store.review(&bridge_id, &split, Some("a different bridge"), "editor", at).unwrap().unwrap();
    assert_eq!(urls_of(&store, &bridge_id), ["https://a.example/1", "https://c.example/3"]);
    let off = store.claims(&ClaimFilter::default()).unwrap();
    assert_eq!(off.iter().filter(|c| c.text.contains("bridge will close")).count(), 2);
    // Re-ingest, a new version of b.example, and an article that states
    // the claim again (it would bridge both): the split holds.
    for (url, doc) in &docs {
        assert_eq!(ingest(&mut store, url, doc), Ingested::Unchanged);
    }
    let b2 = read(&format!("Roads\n\n{bridge} Traffic will use the ring road.\n"));
    assert_eq!(ingest(&mut store, "https://b.example/2", &b2), Ingested::NewVersion);
    ingest(&mut store, "https://d.example/4", &read(&format!("Today\n\n{bridge}\n")));
    assert_eq!(
        urls_of(&store, &bridge_id),
        ["https://a.example/1", "https://c.example/3", "https://d.example/4"]
    );
    assert_eq!(store.stale_summaries().unwrap(), Vec::<String>::new());

    // Merge: the ferry claim joins the bridge claim; its id redirects.
    let merge = Review::Merge(ferry_id.clone());
    store.review(&bridge_id, &merge, Some("one announcement"), "editor", at).unwrap().unwrap();
    let merged = store.claim(&ferry_id).unwrap().unwrap();
    assert_eq!(merged.id, store.claim(&bridge_id).unwrap().unwrap().id);
    assert_eq!(merged.appearances.len(), 4);
    assert_eq!(store.stale_summaries().unwrap(), Vec::<String>::new());
    let history = store.corrections(&bridge_id).unwrap();
    let actions: Vec<&str> = history.iter().map(|c| c.action.as_str()).collect();
    assert_eq!(actions, ["split", "merge"]);
    assert!(history.iter().all(|c| c.by == "editor" && c.at == at));

    // Undo, latest first: the ferry claim is its own again, then b.example
    // rejoins.
    store.review(&bridge_id, &Review::Undo, None, "editor", at).unwrap().unwrap();
    assert_eq!(urls_of(&store, &ferry_id), ["https://e.example/5"]);
    assert_eq!(urls_of(&store, &bridge_id).len(), 3);
    store.review(&bridge_id, &Review::Undo, None, "editor", at).unwrap().unwrap();
    assert_eq!(
        urls_of(&store, &bridge_id),
        [
            "https://a.example/1",
            "https://b.example/2",
            "https://c.example/3",
            "https://d.example/4"
        ]
    );
    assert_eq!(store.stale_summaries().unwrap(), Vec::<String>::new());
    // Refusals name the problem.
    let err = store.review(&bridge_id, &Review::Merge(bridge_id.clone()), None, "e", at);
    assert!(matches!(err, Err(StoreError::Invalid(_))));
    let err = store.review(&bridge_id, &Review::Split("https://z.example/".into()), None, "e", at);
    assert!(matches!(err, Err(StoreError::Invalid(_))));
}
on_both!(merges_and_splits_hold_and_undo);

/// After a reviewer merges two claims, a later report of either, filed by
/// the same writer, joins the merged claim (a SQLite writer keeps the
/// clusters of the appearances it filed: the merge moved them).
fn a_report_after_a_merge_joins_the_merged_claim(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = backend.open(dir.path());
    let (bridge, ferry) = (BRIDGE, FERRY);
    ingest(&mut store, "https://a.example/1", &read(&format!("Bridge\n\n{bridge}\n")));
    ingest(&mut store, "https://b.example/2", &read(&format!("Roads\n\n{bridge}\n")));
    ingest(&mut store, "https://e.example/5", &read(&format!("Harbour\n\n{ferry}\n")));
    let find = |store: &SqlStore, words: &str| -> Vec<String> {
        let claims = store.claims(&ClaimFilter::default()).unwrap();
        claims.iter().filter(|c| c.text.contains(words)).map(|c| c.id.clone()).collect()
    };
    let (bridge_id, ferry_id) = (find(&store, "bridge will close"), find(&store, "ferry will run"));
    assert_eq!((bridge_id.len(), ferry_id.len()), (1, 1));
    let at = "2026-12-06T10:00:00Z";
    let merge = Review::Merge(ferry_id[0].clone());
    store.review(&bridge_id[0], &merge, None, "editor", at).unwrap().unwrap();

    ingest(&mut store, "https://f.example/6", &read(&format!("Ferries\n\n{ferry}\n")));
    let merged = store.claim(&ferry_id[0]).unwrap().unwrap();
    assert_eq!(merged.appearances.len(), 4);
    assert_eq!(find(&store, "ferry will run").len(), 0, "no claim of its own");
    assert_eq!(store.stale_summaries().unwrap(), Vec::<String>::new());
}
on_both!(a_report_after_a_merge_joins_the_merged_claim);

/// A claim lists under the outlets reporting it now: one whose report
/// left it (a new version) lists it again when it reports it anew (a
/// SQLite writer remembers the terms it filed under each claim: the
/// new version took one out).
fn a_claim_lists_under_the_outlets_reporting_it_now(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = backend.open(dir.path());
    let (bridge, ferry) = (BRIDGE, FERRY);
    let listed = |store: &SqlStore| -> Vec<String> {
        let filter = ClaimFilter { outlet: Some("b.example".into()), ..ClaimFilter::default() };
        let mut texts: Vec<String> =
            store.claims(&filter).unwrap().into_iter().map(|c| c.text).collect();
        texts.sort();
        texts
    };
    ingest(&mut store, "https://a.example/1", &read(&format!("Bridge\n\n{bridge}\n")));
    ingest(&mut store, "https://b.example/2", &read(&format!("Roads\n\n{bridge}\n")));
    assert_eq!(listed(&store).len(), 1);
    let changed = read(&format!("Roads\n\n{ferry}\n"));
    assert_eq!(ingest(&mut store, "https://b.example/2", &changed), Ingested::NewVersion);
    assert!(listed(&store).iter().all(|t| t.contains("ferry")), "{:?}", listed(&store));
    ingest(&mut store, "https://b.example/3", &read(&format!("Again\n\n{bridge}\n")));
    assert_eq!(listed(&store).len(), 2, "{:?}", listed(&store));
    assert_eq!(store.stale_summaries().unwrap(), Vec::<String>::new());
}
on_both!(a_claim_lists_under_the_outlets_reporting_it_now);

/// A story, and a wire copy of it with small changes.
const BRIDGE_STORY: &str =
    "Bridge to close for repairs\n\nThe regional council voted on Tuesday to \
    close the old bridge over the river for six months of repairs, after engineers found \
    cracks in two of its supporting piers during a routine inspection last month. Traffic \
    will be diverted through the northern ring road, and a free ferry will run every hour \
    between the two banks while the work lasts, the council said in a statement. Local \
    businesses have warned that the closure could cost them customers during the busy \
    summer season, and the chamber of commerce has asked for a reduction in local taxes \
    until the bridge reopens. The council said it would consider the request next week.\n";

fn bridge_copy() -> String {
    BRIDGE_STORY
        .replace("Bridge to close for repairs", "Old bridge shut for six months")
        .replace("The council said it would", "Officials said they would")
        + "\nReporting by Jane Doe; editing by John Roe.\n"
}

fn a_wire_copy_with_small_changes_is_a_copy_and_counts_once(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = backend.open(dir.path());
    let (story, copy) = (BRIDGE_STORY, bridge_copy());
    assert_eq!(ingest(&mut store, "https://a.example/bridge", &read(story)), Ingested::New);
    assert_eq!(ingest(&mut store, "https://b.example/wire/bridge", &read(&copy)), Ingested::Copy);
    // The same event told in other words is another article, not a copy.
    let other = "Council shuts bridge\n\nEngineers who inspected the river crossing last \
        month found cracked piers, and on Tuesday councillors agreed to shut it until the \
        winter. Drivers must take the ring road to the north; an hourly ferry, free of \
        charge, will carry people across. Traders fear losing summer trade and want a tax \
        cut, which councillors will discuss when they next meet, a spokesman said.\n";
    assert_eq!(ingest(&mut store, "https://c.example/bridge", &read(other)), Ingested::New);
    let claims = store.claims(&ClaimFilter::default()).unwrap();
    let vote = claims.iter().find(|c| c.text.contains("close the old bridge")).unwrap();
    assert_eq!(vote.appearances.len(), 2, "{vote:#?}");
    assert_eq!(vote.outlets, 1, "a copy counts once");
}
on_both!(a_wire_copy_with_small_changes_is_a_copy_and_counts_once);

fn filters_narrow_the_list(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = backend.open(dir.path());
    for (name, doc) in corpus().iter().take(1) {
        ingest(&mut store, name, doc);
    }
    let all = store.claims(&ClaimFilter::default()).unwrap();
    let disputed = store
        .claims(&ClaimFilter { status: Some("disputed".into()), ..Default::default() })
        .unwrap();
    assert!(!disputed.is_empty() && disputed.len() < all.len());
    assert!(disputed.iter().all(|c| c.status == "disputed"));
    let about = store
        .claims(&ClaimFilter { about: Some("Al Azaim".into()), ..Default::default() })
        .unwrap();
    assert!(!about.is_empty());
    let text =
        store.claims(&ClaimFilter { text: Some("killed".into()), ..Default::default() }).unwrap();
    assert!(text.iter().all(|c| c
        .appearances
        .iter()
        .any(|a| a.text.contains("killed") || a.sentence.contains("killed"))));
    let none = store
        .claims(&ClaimFilter { since: Some("2100-01-01".into()), ..Default::default() })
        .unwrap();
    assert!(none.is_empty());
}
on_both!(filters_narrow_the_list);

/// Issue 16's story: ingest, correct three things (a status, a merge, a
/// split), re-ingest, then analyse again with an engine that reads more
/// (the articles were filed by one that missed a claim and read a status
/// otherwise): the corrections hold, the claims whose members did not
/// change keep their ids, the merged-away id redirects, the history
/// lists every step with who and when, and the report says what moved.
fn a_corrected_ledger_analysed_again_keeps_its_corrections_and_ids(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = backend.open(dir.path());
    let (bridge, ferry) = (BRIDGE, FERRY);
    let museum = "The mayor said the museum will reopen in May after the flood.";
    let texts = [
        // The older engine missed this article's first claim (the museum).
        ("https://a.example/1", format!("Bridge\n\n{museum} {bridge}\n")),
        ("https://b.example/2", format!("Roads\n\n{bridge}\n")),
        ("https://c.example/3", format!("City\n\n{bridge}\n")),
        ("https://e.example/5", format!("Harbour\n\n{ferry}\n")),
        ("https://m.example/6", format!("Museum\n\n{museum}\n")),
        ("https://n.example/7", format!("Culture\n\n{museum}\n")),
    ];
    let now: Vec<(&str, Document)> = texts.iter().map(|(u, t)| (*u, read(t))).collect();
    let older = |url: &str, doc: &Document| -> Document {
        let mut doc = doc.clone();
        if url.starts_with("https://a.") {
            doc.claims.remove(0);
        }
        doc
    };
    for (url, doc) in &now {
        ingest(&mut store, url, &older(url, doc));
    }
    let find = |store: &SqlStore, words: &str| -> String {
        let claims = store.claims(&ClaimFilter::default()).unwrap();
        claims.iter().find(|c| c.text.contains(words)).unwrap().id.clone()
    };
    let (bridge_id, ferry_id, museum_id) = (
        find(&store, "bridge will close"),
        find(&store, "ferry will run"),
        find(&store, "museum will reopen"),
    );
    let at = "2026-12-02T10:00:00Z";
    let status = Review::Status("confirmed".into());
    store.review(&museum_id, &status, Some("the mayor's office"), "desk", at).unwrap().unwrap();
    let split = Review::Split("https://b.example/2".into());
    store.review(&bridge_id, &split, Some("another bridge"), "editor", at).unwrap().unwrap();
    let merge = Review::Merge(ferry_id.clone());
    store.review(&bridge_id, &merge, Some("one announcement"), "editor", at).unwrap().unwrap();
    for (url, doc) in &now {
        assert_eq!(ingest(&mut store, url, &older(url, doc)), Ingested::Unchanged);
    }
    let before = shape(&store);

    // Analysed again by the engine that finds the museum claim in a.example.
    let mut moved = Vec::new();
    for article in store.stored_articles(None).unwrap() {
        let doc = &now.iter().find(|(u, _)| *u == article.url).unwrap().1;
        let report = store.reanalyse(&article, doc).unwrap();
        assert_eq!(report.engine_before, claimtrace::ENGINE);
        if report.moved() {
            moved.push(report);
        }
    }
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert_eq!(moved[0].url, "https://a.example/1");
    assert_eq!(moved[0].added.len(), 1, "{moved:?}");
    assert!(moved[0].added[0].contains("museum will reopen"), "{moved:?}");
    assert!(moved[0].dropped.is_empty() && moved[0].changed.is_empty(), "{moved:?}");
    assert_eq!(store.stale_summaries().unwrap(), Vec::<String>::new());

    // The bridge claim's members did not change: the same id, split and
    // merge in force (the ferry's id redirects to it; b.example stays out).
    let after = shape(&store);
    let bridge_now = after.iter().find(|(id, _, _)| *id == bridge_id).expect("the bridge id holds");
    assert_eq!(before.iter().find(|(id, _, _)| *id == bridge_id), Some(bridge_now));
    let urls: Vec<&str> = bridge_now.2.iter().map(|(u, _)| u.as_str()).collect();
    assert_eq!(urls, ["https://a.example/1", "https://c.example/3", "https://e.example/5"]);
    assert_eq!(store.claim(&ferry_id).unwrap().unwrap().id, bridge_id);
    // Every claim but the museum's is as it was, under the same id.
    let untouched = |s: &Vec<Shape>| -> Vec<Shape> {
        s.iter()
            .filter(|(_, _, apps)| !apps.iter().any(|(_, t)| t.contains("museum")))
            .cloned()
            .collect()
    };
    assert_eq!(untouched(&after), untouched(&before));
    // The museum claim gained a.example's appearance (now its first, so it
    // has a new id; the old one redirects) and keeps the reviewer's status.
    let museum_now = store.claim(&museum_id).unwrap().unwrap();
    assert_eq!(museum_now.status, "confirmed");
    assert_eq!(museum_now.appearances.len(), 3);
    assert_eq!(store.claim(&museum_now.id).unwrap().unwrap().id, museum_now.id);
    // The history lists every step, with who and when.
    let steps = |id: &str| -> Vec<(String, String, String)> {
        store.corrections(id).unwrap().into_iter().map(|c| (c.action, c.by, c.at)).collect()
    };
    assert_eq!(steps(&museum_id), [("status".into(), "desk".into(), at.into())]);
    let bridge_steps: Vec<String> = steps(&bridge_id).into_iter().map(|(a, _, _)| a).collect();
    assert_eq!(bridge_steps, ["split", "merge"]);
    // Analysed again by the same engine: nothing moves.
    for article in store.stored_articles(None).unwrap() {
        let doc = &now.iter().find(|(u, _)| *u == article.url).unwrap().1;
        assert!(!store.reanalyse(&article, doc).unwrap().moved());
    }
    assert_eq!(shape(&store), after);
}
on_both!(a_corrected_ledger_analysed_again_keeps_its_corrections_and_ids);

/// A ledger filed by an engine that missed claims and read statuses
/// otherwise, analysed again by one that finds them all, is the ledger
/// that engine files from scratch: the same claims, ids and statuses, and
/// summaries that agree with their members.
fn analysing_again_gives_the_ledger_of_a_fresh_ingest(backend: &Backend) {
    let docs = corpus();
    let older = |doc: &Document| -> Document {
        let mut doc = doc.clone();
        let mut k = 0;
        doc.claims.retain(|_| {
            k += 1;
            k % 3 != 0
        });
        for claim in doc.claims.iter_mut().step_by(4) {
            claim.status = claimtrace::doc::Status::Asserted;
        }
        doc
    };
    let dir = tempfile::tempdir().unwrap();
    for sub in ["fresh", "again"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
    }
    let mut fresh = backend.open(&dir.path().join("fresh"));
    for (name, doc) in &docs {
        ingest(&mut fresh, name, doc);
    }
    let mut store = backend.open(&dir.path().join("again"));
    for (name, doc) in &docs {
        ingest(&mut store, name, &older(doc));
    }
    assert_ne!(shape(&store), shape(&fresh));
    let mut moved = 0;
    for article in store.stored_articles(None).unwrap() {
        let url = |(name, doc): &&(String, Document)| doc.meta.url.clone().unwrap_or(name.clone());
        let doc = &docs.iter().find(|d| url(d) == article.url).unwrap().1;
        moved += usize::from(store.reanalyse(&article, doc).unwrap().moved());
    }
    assert_eq!(moved, docs.len());
    assert_eq!(shape(&store), shape(&fresh));
    assert_eq!(store.stale_summaries().unwrap(), Vec::<String>::new());
}
on_both!(analysing_again_gives_the_ledger_of_a_fresh_ingest);

/// An article about `title` whose one claim is worded `claim`.
fn one_claim(title: &str, claim: &str) -> Document {
    let mut doc = read(&format!("{title}\n\nThe council said the {title} will close soon.\n"));
    doc.claims.truncate(1);
    doc.claims[0].text = claim.to_string();
    doc
}

/// A claim held together by one appearance falls apart when analysing
/// that appearance's article again finds it no more, as a fresh ingest
/// would have filed it; the report names the parts.
fn a_claim_whose_bridge_goes_falls_apart(backend: &Backend) {
    // Claims worded so that the middle one is the same claim as each of
    // the others, which are not the same claim as each other.
    let a = one_claim("bridge", "bridge close monday repairs engineers");
    let c = one_claim("tunnel", "bridge close monday river traffic");
    let b = one_claim("road", "bridge close monday repairs river");
    let mut b_now = b.clone();
    b_now.claims.clear();
    let dir = tempfile::tempdir().unwrap();
    for sub in ["fresh", "again"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
    }
    let mut store = backend.open(&dir.path().join("again"));
    for (url, doc) in
        [("https://a.example/1", &a), ("https://b.example/2", &b), ("https://c.example/3", &c)]
    {
        ingest(&mut store, url, doc);
    }
    assert_eq!(shape(&store).len(), 1, "the middle claim joins the others");
    let article = store
        .stored_articles(None)
        .unwrap()
        .into_iter()
        .find(|s| s.url.contains("b.example"))
        .unwrap();
    let report = store.reanalyse(&article, &b_now).unwrap();
    assert_eq!(report.dropped.len(), 1, "{report:?}");
    assert_eq!(report.split.len(), 1, "{report:?}");
    assert_eq!(report.split[0].len(), 2, "{report:?}");
    assert_eq!(store.stale_summaries().unwrap(), Vec::<String>::new());
    let mut fresh = backend.open(&dir.path().join("fresh"));
    for (url, doc) in
        [("https://a.example/1", &a), ("https://b.example/2", &b_now), ("https://c.example/3", &c)]
    {
        ingest(&mut fresh, url, doc);
    }
    assert_eq!(shape(&store), shape(&fresh));
    // Both parts answer: the claim's id, and the part that left.
    for id in &report.split[0] {
        assert_eq!(store.claim(id).unwrap().unwrap().appearances.len(), 1);
    }
}
on_both!(a_claim_whose_bridge_goes_falls_apart);

/// The candidate index keeps a band's most recent appearances only (a
/// lookup reads the eight most recent): a claim reported three hundred
/// times is still one claim, and none of its bands holds more than the
/// 32 kept and the 64 filed between two trims.
#[test]
fn the_candidate_index_keeps_a_band_s_most_recent_appearances() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Backend::Sqlite.open(dir.path());
    let doc = one_claim("bridge", "bridge close monday repairs engineers");
    for k in 0..300 {
        ingest(&mut store, &format!("https://a.example/{k}"), &doc);
    }
    let claims = store.claims(&ClaimFilter::default()).unwrap();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].appearances.len(), 300);
    drop(store);
    let db = rusqlite::Connection::open(dir.path().join("ledger.db")).unwrap();
    let (bands, most): (i64, i64) = db
        .query_row(
            "SELECT count(*), max(n) FROM (SELECT count(*) AS n FROM keys GROUP BY key)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(bands > 0);
    assert!(most <= 96, "a band holds {most} appearances");
}

/// A ledger whose claims were joined by looser rules (two claims made one
/// by hand, as an earlier version's rules could) is split back by
/// `regroup` into the claims a fresh ingest files, ids included; a second
/// `regroup` finds nothing to split.
fn a_ledger_joined_by_looser_rules_regroups_as_a_fresh_ingest(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = backend.open(dir.path());
    for (name, doc) in &corpus() {
        ingest(&mut store, name, doc);
    }
    let fresh = shape(&store);
    drop(store);
    // Runs `sql` on the test's ledger, and gives the first row's numbers.
    let raw = |sql: &str| -> Vec<i64> {
        match backend {
            Backend::Sqlite => {
                let db = rusqlite::Connection::open(dir.path().join("ledger.db")).unwrap();
                let (last, batch) = sql.rsplit_once(';').map_or(("", sql), |(b, l)| (l, b));
                db.execute_batch(batch).unwrap();
                if last.trim().is_empty() {
                    return Vec::new();
                }
                db.query_row(last, [], |r| {
                    (0..r.as_ref().column_count()).map(|k| r.get::<_, i64>(k)).collect()
                })
                .unwrap()
            }
            Backend::Postgres(url) => {
                let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
                client
                    .batch_execute(&format!("SET search_path TO {}", pg_schema(dir.path())))
                    .unwrap();
                let (last, batch) = sql.rsplit_once(';').map_or(("", sql), |(b, l)| (l, b));
                client.batch_execute(batch).unwrap();
                if last.trim().is_empty() {
                    return Vec::new();
                }
                let r = client.query_one(last, &[]).unwrap();
                (0..r.len()).map(|k| r.get::<_, i64>(k)).collect()
            }
        }
    };
    let revisions = "SELECT count(*) FROM revisions";
    let fresh_revisions = raw(&format!(";{revisions}"));
    // The first two claims made one, as a merge files it (no correction),
    // with a revision between them that the rules do not see.
    let picked = raw(";SELECT a.cluster, b.cluster, a.size + b.size FROM clusters a, clusters b
                WHERE a.cluster < b.cluster ORDER BY a.cluster, b.cluster LIMIT 1");
    let (into, gone, size) = (picked[0], picked[1], picked[2]);
    raw(&format!(
        "INSERT INTO revisions (a, b)
           SELECT x.id, y.id FROM appearances x, appearances y
           WHERE x.id < y.id AND x.cluster IN ({into}, {gone}) AND y.cluster IN ({into}, {gone})
             AND x.cluster != y.cluster
           ORDER BY x.id, y.id LIMIT 1 ON CONFLICT DO NOTHING;
         UPDATE appearances SET cluster = {into} WHERE cluster = {gone};
         UPDATE cluster_ids SET cluster = {into} WHERE cluster = {gone};
         DELETE FROM clusters WHERE cluster = {gone};
         UPDATE clusters SET size = {size} WHERE cluster = {into};"
    ));
    assert_eq!(raw(&format!(";{revisions}"))[0], fresh_revisions[0] + 1);
    let mut store = backend.open(dir.path());
    assert_eq!(shape(&store).len(), fresh.len() - 1);
    let split = store.regroup().unwrap();
    assert_eq!(split.len(), 1, "{split:?}");
    assert_eq!(split[0].len(), 2);
    assert_eq!(shape(&store), fresh);
    assert!(store.stale_summaries().unwrap().is_empty());
    assert_eq!(store.regroup().unwrap(), Vec::<Vec<String>>::new());
    drop(store);
    assert_eq!(raw(&format!(";{revisions}")), fresh_revisions);
}
on_both!(a_ledger_joined_by_looser_rules_regroups_as_a_fresh_ingest);

/// The clusters of `docs` ingested in order into a fresh SQLite ledger.
fn fresh_shape(docs: &[(&str, &Document)]) -> Vec<Shape> {
    let dir = tempfile::tempdir().unwrap();
    let mut fresh = Backend::Sqlite.open(dir.path());
    for (url, doc) in docs {
        ingest(&mut fresh, url, doc);
    }
    shape(&fresh)
}

/// A writer keeps what it read of the candidate index; an appearance
/// another connection files meanwhile is still a candidate of the next
/// claim the writer files.
#[test]
fn a_writer_sees_candidates_another_connection_filed() {
    // The same words under the same bands; the negated claims are another
    // claim than the first.
    let x = one_claim("bridge", "bridge close monday repairs engineers");
    let y = one_claim("road", "bridge not close monday repairs engineers");
    let z = one_claim("tunnel", "bridge never close monday repairs engineers");
    let dir = tempfile::tempdir().unwrap();
    let mut writer = Backend::Sqlite.open(dir.path());
    ingest(&mut writer, "https://x.example/1", &x);
    let mut other = Backend::Sqlite.open(dir.path());
    ingest(&mut other, "https://y.example/2", &y);
    drop(other);
    ingest(&mut writer, "https://z.example/3", &z);
    let fresh = fresh_shape(&[
        ("https://x.example/1", &x),
        ("https://y.example/2", &y),
        ("https://z.example/3", &z),
    ]);
    assert_eq!(fresh.len(), 2, "the two negated claims are one");
    assert_eq!(shape(&writer), fresh);
}

/// A writer keeps the signatures it filed (to read candidates without
/// their rows); when another connection rewrites one of them, the writer
/// sees the new one and files as a fresh ledger would.
#[test]
fn a_writer_sees_signatures_another_connection_rewrote() {
    let a = one_claim("bridge", "bridge close monday repairs engineers");
    let b = one_claim("road", "bridge close monday repairs river");
    let b_now = one_claim("road", "harbour open friday ferries boats");
    let c = one_claim("tunnel", "harbour open friday ferries cranes");
    let dir = tempfile::tempdir().unwrap();
    let mut writer = Backend::Sqlite.open(dir.path());
    ingest(&mut writer, "https://a.example/1", &a);
    ingest(&mut writer, "https://b.example/2", &b);
    assert_eq!(shape(&writer).len(), 1, "the two first claims are one");
    // Another connection analyses b again: its claim (same place in the
    // article, so the same row) now says something else.
    let mut other = Backend::Sqlite.open(dir.path());
    let stored = other
        .stored_articles(None)
        .unwrap()
        .into_iter()
        .find(|s| s.url.contains("b.example"))
        .unwrap();
    other.reanalyse(&stored, &b_now).unwrap();
    drop(other);
    ingest(&mut writer, "https://c.example/3", &c);
    let fresh = fresh_shape(&[
        ("https://a.example/1", &a),
        ("https://b.example/2", &b_now),
        ("https://c.example/3", &c),
    ]);
    assert_eq!(fresh.len(), 2, "c joins b as it reads now");
    assert_eq!(shape(&writer), fresh);
}

/// Articles filed together (one transaction on SQLite) go in as if filed
/// one by one; one that fails, even by a panic, costs only itself.
fn a_batch_with_a_failing_article_keeps_the_others(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let docs = corpus();
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
    }
    let mut one_by_one = backend.open(&dir.path().join("a"));
    let mut batched = backend.open(&dir.path().join("b"));
    let inputs: Vec<ArticleInput<'_>> = docs.iter().map(|(name, doc)| input(name, doc)).collect();
    type Made<'a> = Box<dyn Fn(&ArticleRef) -> Vec<Appearance> + 'a>;
    let made: Vec<Made<'_>> = docs
        .iter()
        .map(|(_, doc)| Box::new(move |r: &ArticleRef| appearances(doc, r)) as Box<_>)
        .collect();
    let bad = |_: &ArticleRef| -> Vec<Appearance> { panic!("a bug while filing") };
    for k in [1, 4] {
        ingest(&mut one_by_one, inputs[k].input_name, inputs[k].doc);
    }
    let filed: Vec<_> = inputs.iter().map(|i| batched.filed(i)).collect();
    let mut articles: Vec<_> = filed.iter().zip(&made).map(|(f, m)| (f, &**m)).collect();
    // Article 3 fails: it is left out, the rest go in.
    articles[3].1 = &bad;
    let outcomes = batched.file_all(&articles);
    assert_eq!(outcomes.len(), docs.len());
    for (k, outcome) in outcomes.iter().enumerate() {
        match k {
            3 => assert!(outcome.as_ref().unwrap_err().to_string().contains("a bug while filing")),
            _ => assert!(outcome.is_ok(), "{k}: {outcome:?}"),
        }
    }
    for (k, (name, doc)) in docs.iter().enumerate() {
        if ![1, 3, 4].contains(&k) {
            ingest(&mut one_by_one, name, doc);
        }
    }
    assert_eq!(shape(&batched), shape(&one_by_one));
    assert_eq!(batched.stale_summaries().unwrap(), Vec::<String>::new());
    // A batch that goes through whole: the same ledger again.
    let (name, doc) = &docs[3];
    assert_eq!(ingest(&mut batched, name, doc), Ingested::New);
    let all: Vec<_> = filed.iter().zip(&made).map(|(f, m)| (f, &**m)).collect();
    assert!(batched.file_all(&all).iter().all(|o| matches!(o, Ok(Ingested::Unchanged))));
}
on_both!(a_batch_with_a_failing_article_keeps_the_others);

/// Articles prepared on other threads and filed as they come, committed
/// together, go in as if filed one by one: their appearances name the
/// version and copy the store finds (a new version, a wire copy), and a
/// store dropped before its commit keeps what it filed.
fn articles_staged_as_they_come_go_in_as_one_by_one(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
    }
    let mut docs = corpus();
    let v2 = read(
        "Bridge closes\n\nThe council said the bridge will close on Monday for repairs. \
         The mayor said the ferry will run every hour.\n",
    );
    docs.push(("https://a.example/bridge".into(), read("Bridge\n\nThe bridge will close.\n")));
    docs.push(("https://a.example/bridge".into(), v2.clone()));
    docs.push(("https://b.example/wire".into(), v2));
    let mut one_by_one = backend.open(&dir.path().join("a"));
    for (name, doc) in &docs {
        ingest(&mut one_by_one, name, doc);
    }
    let mut staged = backend.open(&dir.path().join("b"));
    let preparer = staged.preparer();
    let prepare = || docs.iter().map(|(n, d)| preparer.prepare(&input(n, d))).collect::<Vec<_>>();
    let prepared = std::thread::scope(|s| s.spawn(prepare).join().unwrap());
    let (first, rest) = prepared.split_at(3);
    let mut rest = rest.to_vec();
    for article in first.iter().cloned() {
        staged.stage(article);
    }
    assert_eq!(staged.staged(), 3);
    let outcomes = staged.commit_staged();
    assert!(outcomes.iter().all(|o| matches!(o, Ok(Ingested::New))), "{outcomes:?}");
    assert_eq!(staged.staged(), 0);
    let last = rest.pop().unwrap();
    for article in rest {
        staged.stage(article);
    }
    let outcomes: Vec<Ingested> = staged.commit_staged().into_iter().map(Result::unwrap).collect();
    assert_eq!(outcomes[outcomes.len() - 2..], [Ingested::New, Ingested::NewVersion]);
    // Filed, not committed, then the store is gone.
    staged.stage(last);
    drop(staged);
    let staged = backend.open(&dir.path().join("b"));
    assert_eq!(shape(&staged), shape(&one_by_one));
    assert_eq!(staged.stale_summaries().unwrap(), Vec::<String>::new());
    let copies = |store: &SqlStore| {
        let rows = store.articles().unwrap().into_iter();
        rows.map(|a| (a.url, a.version, a.copy_of)).collect::<Vec<_>>()
    };
    assert_eq!(copies(&staged), copies(&one_by_one));
    assert!(copies(&staged).contains(&(
        "https://b.example/wire".to_string(),
        1,
        Some("https://a.example/bridge".to_string())
    )));
}
on_both!(articles_staged_as_they_come_go_in_as_one_by_one);

/// A staged batch whose article fails is rolled back, and its articles
/// are filed again one by one (from what staging kept of them): the
/// failure costs only itself.
#[test]
fn a_staged_batch_with_a_failing_article_files_the_others_as_one_by_one() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
    }
    let docs = corpus();
    let mut one_by_one = Backend::Sqlite.open(&dir.path().join("a"));
    for (name, doc) in &docs {
        ingest(&mut one_by_one, name, doc);
    }
    let mut staged = Backend::Sqlite.open(&dir.path().join("b"));
    // An article the database refuses: a trigger stands for any failure
    // of its own.
    rusqlite::Connection::open(dir.path().join("b").join("ledger.db"))
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON articles
             WHEN NEW.url = 'https://refused.example/1'
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
        )
        .unwrap();
    let refused = read("Refused\n\nThe council said the moon will close on Monday.\n");
    let preparer = staged.preparer();
    let mut prepared: Vec<_> = docs.iter().map(|(n, d)| preparer.prepare(&input(n, d))).collect();
    prepared.insert(2, preparer.prepare(&input("https://refused.example/1", &refused)));
    for article in prepared {
        staged.stage(article);
    }
    let outcomes = staged.commit_staged();
    assert_eq!(outcomes.len(), docs.len() + 1);
    for (k, outcome) in outcomes.iter().enumerate() {
        match k {
            2 => assert!(outcome.as_ref().unwrap_err().to_string().contains("refused by the test")),
            _ => assert!(matches!(outcome, Ok(Ingested::New)), "{k}: {outcome:?}"),
        }
    }
    assert!(!shape(&one_by_one).is_empty());
    assert_eq!(shape(&staged), shape(&one_by_one));
    assert_eq!(staged.stale_summaries().unwrap(), Vec::<String>::new());
    // Signatures made again from what staging kept are the ones filed one
    // by one: their nouns, which came from the sentence's tags, included.
    drop((staged, one_by_one));
    let signatures = |sub: &str| -> Vec<(String, String)> {
        let conn = rusqlite::Connection::open(dir.path().join(sub).join("ledger.db")).unwrap();
        let mut stmt =
            conn.prepare("SELECT text, signature FROM appearances ORDER BY text").unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
    };
    let filed = signatures("a");
    assert!(filed.iter().any(|(_, s)| s.contains("\ts:")), "nouns filed: {filed:?}");
    assert_eq!(signatures("b"), filed);
}

#[test]
fn foreign_and_newer_files_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "my notes").unwrap();
    let err = SqlStore::open(&text).err().unwrap();
    assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    assert!(err.to_string().contains("notes.txt: not a claimtrace ledger"));
    assert_eq!(std::fs::read_to_string(&text).unwrap(), "my notes");

    let other = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
    }
    let before = std::fs::read(&other).unwrap();
    assert!(matches!(SqlStore::open(&other), Err(StoreError::Foreign { .. })));
    assert_eq!(std::fs::read(&other).unwrap(), before);

    let newer = dir.path().join("newer.db");
    drop(SqlStore::open(&newer).unwrap());
    {
        let conn = rusqlite::Connection::open(&newer).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let err = SqlStore::open(&newer).err().unwrap();
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    assert_eq!(SqlStore::open(&dir.path().join("fresh.db")).unwrap().schema_version().unwrap(), 16);
}

/// How many rows `table` of the SQLite ledger at `db` has, and how many
/// of them have a `column` that is not an integer.
fn not_integers(db: &Path, table: &str, column: &str) -> (i64, i64) {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row(
            &format!(
                "SELECT count(*), count(*) FILTER (WHERE typeof({column}) != 'integer') FROM {table}"
            ),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

#[test]
fn a_version_15_ledger_files_its_articles_under_integer_bands() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Backend::Sqlite.open(dir.path());
    assert_eq!(ingest(&mut store, "https://a.example/bridge", &read(BRIDGE_STORY)), Ingested::New);
    drop(store);
    // Version 15 keyed the fingerprint bands by their text.
    {
        let conn = rusqlite::Connection::open(dir.path().join("ledger.db")).unwrap();
        conn.execute_batch(
            "DROP TABLE article_bands;
             CREATE TABLE article_bands (
                 band TEXT NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (band, article)
             ) WITHOUT ROWID;
             INSERT INTO article_bands SELECT 'c0:00000000deadbeef', id FROM articles;
             PRAGMA user_version = 15;",
        )
        .unwrap();
    }
    let mut store = Backend::Sqlite.open(dir.path());
    assert_eq!(store.schema_version().unwrap(), 16);
    let bands = not_integers(&dir.path().join("ledger.db"), "article_bands", "band");
    assert_eq!(bands, (16, 0), "the article's 16 bands, as integers");
    // The article filed before is found through them.
    let copy = read(&bridge_copy());
    assert_eq!(ingest(&mut store, "https://b.example/wire/bridge", &copy), Ingested::Copy);
}

#[test]
fn a_version_1_ledger_is_migrated_with_its_cluster_summaries_and_bands() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Backend::Sqlite.open(dir.path());
    for (name, doc) in corpus() {
        ingest(&mut store, &name, &doc);
    }
    let want = shape(&store);
    let about = |store: &SqlStore| {
        let filter = ClaimFilter { about: Some("Kremlin".into()), ..ClaimFilter::default() };
        store.claims(&filter).unwrap().into_iter().map(|c| c.id).collect::<Vec<_>>()
    };
    let want_about = about(&store);
    assert!(!want.is_empty() && !want_about.is_empty());
    let found = |store: &SqlStore, words: &str| {
        let mut hits: Vec<_> =
            store.search(words, 50).unwrap().into_iter().map(|h| (h.kind, h.id, h.text)).collect();
        // Claims of a version 1 ledger are named by position (below).
        for hit in &mut hits {
            if hit.0 == "claim" {
                hit.1.clear();
            }
        }
        hits.sort();
        hits
    };
    let want_found = found(&store, "Kremlin");
    assert!(!want_found.is_empty());
    drop(store);
    // Version 1 had neither summaries nor terms, and indexed words.
    {
        let conn = rusqlite::Connection::open(dir.path().join("ledger.db")).unwrap();
        conn.execute_batch(
            "DROP TABLE clusters; DROP TABLE cluster_terms; DELETE FROM keys;
             INSERT INTO keys SELECT 'w:claim', id FROM appearances;
             DROP TABLE article_bands; ALTER TABLE articles DROP COLUMN fingerprint;
             DROP TABLE corrections; DROP TABLE fetches;
             ALTER TABLE appearances DROP COLUMN anchor; ALTER TABLE articles DROP COLUMN wire;
             DROP TABLE claims_fts; DROP TABLE articles_fts;
             CREATE VIRTUAL TABLE claims_fts USING fts5 (text, sentence);
             INSERT INTO claims_fts (rowid, text, sentence) SELECT id, text, sentence FROM appearances;
             CREATE VIRTUAL TABLE articles_fts USING fts5 (url UNINDEXED, title, body);
             INSERT INTO articles_fts (rowid, url, title, body)
               SELECT id + 1000, url, title, json_extract(record, '$.text') FROM articles
               WHERE latest = 1;
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let mut store = Backend::Sqlite.open(dir.path());
    assert_eq!(store.schema_version().unwrap(), 16);
    // The candidate index was filled again, a 64-bit integer a band.
    {
        let db = dir.path().join("ledger.db");
        let (keys, text) = not_integers(&db, "keys", "key");
        assert!(keys > 0 && text == 0, "{keys} keys, {text} not integers");
        let (bands, text) = not_integers(&db, "article_bands", "band");
        assert!(bands > 0 && text == 0, "{bands} bands, {text} not integers");
        let conn = rusqlite::Connection::open(&db).unwrap();
        // The full-text indexes keep no copy of the texts (version 15).
        let copies: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name LIKE '%fts_content'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(copies, 0);
    }
    // Brief lists count outlets from the terms the migration filed.
    let all = ClaimFilter { limit: Some(10_000), ..ClaimFilter::default() };
    let (full, _) = store.claims_page(&all).unwrap();
    let (brief, _) = store.claims_brief(&all).unwrap();
    assert_eq!(full.len(), brief.len());
    for (f, b) in full.iter().zip(&brief) {
        assert_eq!((f.outlets, &f.text, &f.status), (b.outlets, &b.text, &b.status), "{}", f.id);
    }
    assert_eq!(store.stale_summaries().unwrap(), Vec::<String>::new());
    // The same claims. Appearances of a version 1 ledger have no anchors,
    // so its claims are named by position, as version 1 named them; the
    // ids this test's ledger had (by anchor) still answer.
    let without_ids = |shape: Vec<Shape>| -> Vec<(String, Vec<(String, String)>)> {
        let mut out: Vec<_> = shape.into_iter().map(|(_, status, apps)| (status, apps)).collect();
        out.sort();
        out
    };
    assert_eq!(without_ids(shape(&store)), without_ids(want.clone()));
    for id in &want_about {
        assert!(about(&store).contains(&store.claim(id).unwrap().unwrap().id), "{id}");
    }
    // Search finds what it found; a new version's text replaces the old.
    assert_eq!(found(&store, "Kremlin"), want_found);
    // Ingesting the same articles again adds nothing.
    let migrated = shape(&store);
    for (name, doc) in corpus() {
        assert_eq!(ingest(&mut store, &name, &doc), Ingested::Unchanged);
    }
    assert_eq!(shape(&store), migrated);
    let (name, _) = &corpus()[0];
    let update = read("Kremlin\n\nThe Kremlin said the zeppelin would land on Monday.\n");
    assert_eq!(ingest(&mut store, name, &update), Ingested::NewVersion);
    let article = |hits: Vec<(&str, String, String)>| {
        hits.into_iter().filter(|(kind, id, _)| *kind == "article" && id == name).count()
    };
    assert_eq!(article(found(&store, "zeppelin")), 1);
    assert_eq!(article(found(&store, "Kremlin")), 1, "one text an article");
    assert_eq!(article(found(&store, "Putin")), 0, "the old text is gone");
    // The old version's appearances left the candidate index too.
    let conn = rusqlite::Connection::open(dir.path().join("ledger.db")).unwrap();
    let (stale, filed): (i64, i64) = conn
        .query_row(
            "SELECT count(*) FILTER (WHERE p.cluster IS NULL), count(*)
             FROM keys k JOIN appearances p ON p.id = k.appearance",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(stale == 0 && filed > 0, "{stale} keys of appearances left out, of {filed}");
}

fn a_fact_check_joins_the_claim_it_reviews_in_any_order(backend: &Backend) {
    let article =
        "Poster\n\nTASS reported that the poster was made by the Islamic State group in March.\n";
    let check = r#"<html><head><title>Fact check: the poster</title>
        <script type="application/ld+json">{"@context": "https://schema.org", "@type": "ClaimReview",
          "url": "https://check.example/poster", "datePublished": "2024-03-26",
          "claimReviewed": "The poster was made by the Islamic State group in March",
          "author": {"@type": "Organization", "name": "Check Desk"},
          "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": "False"}}</script>
        </head><body><article><p>We found no sign that the group made the poster, whose
        design matches an older fan-made image.</p></article></body></html>"#;
    let read = |name: &str, bytes: &[u8]| {
        let input = Input { name, bytes, format: None, content_type: None };
        let options = ReadOptions {
            published: claimtrace::doc::Stamp::parse_iso(if name.ends_with(".html") {
                "2024-03-26"
            } else {
                "2024-03-23"
            }),
            ..ReadOptions::default()
        };
        claimtrace::analyze(&input, &options).remove(0).unwrap()
    };
    let docs = [
        read("https://news.example/poster", article.as_bytes()),
        read("check.html", check.as_bytes()),
    ];
    assert_eq!(docs[1].meta.reviews.len(), 1);
    let mut shapes = Vec::new();
    for order in [[0, 1], [1, 0]] {
        let dir = tempfile::tempdir().unwrap();
        let mut store = backend.open(dir.path());
        for i in order {
            let name = if i == 0 { "https://news.example/poster" } else { "check.html" };
            ingest(&mut store, name, &docs[i]);
        }
        let claims = store.claims(&ClaimFilter::default()).unwrap();
        let poster = claims.iter().find(|c| c.text.contains("poster was made")).expect("the claim");
        assert_eq!(poster.verdicts.len(), 1, "{poster:#?}");
        assert_eq!(poster.verdicts[0].rating, "False");
        assert_eq!(poster.verdicts[0].reviewer, "Check Desk");
        assert_eq!(poster.status, "disputed");
        assert_eq!(poster.appearances.len(), 1, "the verdict is not an appearance");
        assert!(poster.stances.iter().any(|s| s.actor == "Check Desk" && s.stance == "denies"));
        let statuses: Vec<&str> = poster.timeline.iter().map(|t| t.status.as_str()).collect();
        assert_eq!(statuses, ["reported", "disputed"]);
        shapes.push(shape(&store));
    }
    assert_eq!(shapes[0], shapes[1]);
}
on_both!(a_fact_check_joins_the_claim_it_reviews_in_any_order);

/// A report of the concert hall attack's toll, published on `date`.
fn toll_report(date: &str, toll: &str) -> Document {
    let text = format!(
        "Toll\n\nThe attack on the concert hall killed at least {toll} people, officials said.\n"
    );
    let input = Input { name: "x.txt", bytes: text.as_bytes(), format: None, content_type: None };
    let options = ReadOptions {
        published: claimtrace::doc::Stamp::parse_iso(date),
        ..ReadOptions::default()
    };
    claimtrace::analyze(&input, &options).remove(0).unwrap()
}

fn a_revised_figure_supersedes_the_older_one_in_any_order(backend: &Backend) {
    let day = toll_report;
    let docs = [
        ("https://a.example/toll-1", day("2024-03-23", "133")),
        ("https://b.example/toll-2", day("2024-03-24", "137")),
    ];
    for order in [[0, 1], [1, 0]] {
        let dir = tempfile::tempdir().unwrap();
        let mut store = backend.open(dir.path());
        for i in order {
            ingest(&mut store, docs[i].0, &docs[i].1);
        }
        let claims = store.claims(&ClaimFilter::default()).unwrap();
        let old = claims.iter().find(|c| c.text.contains("133")).expect("the first toll");
        let new = claims.iter().find(|c| c.text.contains("137")).expect("the revised toll");
        assert_ne!(old.id, new.id, "two figures are two claims");
        assert_eq!(old.superseded_by.as_deref(), Some(new.id.as_str()));
        assert_eq!(new.superseded_by, None);
        // The brief rows of lists say so too.
        let (brief, _) = store.claims_brief(&ClaimFilter::default()).unwrap();
        let superseded =
            |id: &str| brief.iter().find(|b| b.id == id).unwrap().superseded_by.clone();
        assert_eq!(superseded(&old.id), Some(new.id.clone()));
        assert_eq!(superseded(&new.id), None);
    }
}
on_both!(a_revised_figure_supersedes_the_older_one_in_any_order);

#[test]
fn a_reader_sees_a_claim_superseded_by_another_process_at_once() {
    // What a reader keeps of "superseded by" (it reads every revision of
    // a big claim) goes when another connection writes.
    let day = toll_report;
    let dir = tempfile::tempdir().unwrap();
    let mut writer = Backend::Sqlite.open(dir.path());
    ingest(&mut writer, "https://a.example/toll-1", &day("2024-03-23", "133"));
    let reader = Backend::Sqlite.open(dir.path());
    let superseded = |store: &SqlStore| {
        let (brief, _) = store.claims_brief(&ClaimFilter::default()).unwrap();
        let old = brief.iter().find(|b| b.text.contains("133")).expect("the first toll");
        old.superseded_by.clone()
    };
    assert_eq!(superseded(&reader), None);
    assert_eq!(superseded(&reader), None, "read again, as kept");
    ingest(&mut writer, "https://b.example/toll-2", &day("2024-03-24", "137"));
    let new = writer.claims(&ClaimFilter::default()).unwrap();
    let new = new.iter().find(|c| c.text.contains("137")).expect("the revised toll");
    assert_eq!(superseded(&reader), Some(new.id.clone()));
    assert_eq!(superseded(&writer), Some(new.id.clone()));
}

fn a_reviewers_status_wins_holds_through_re_ingest_and_can_be_undone(backend: &Backend) {
    use claimtrace_store::Review;
    let dir = tempfile::tempdir().unwrap();
    let mut store = backend.open(dir.path());
    let corpus = corpus();
    let (name, founding) = &corpus[0];
    ingest(&mut store, name, founding);
    let claim = store
        .claims(&ClaimFilter::default())
        .unwrap()
        .into_iter()
        .find(|c| c.status == "asserted")
        .expect("an asserted claim in the founding example");
    let review = |store: &mut SqlStore, r: Review, note: Option<&str>, by: &str| {
        store.review(&claim.id, &r, note, by, "2026-12-01T10:00:00Z").unwrap()
    };
    let set = review(
        &mut store,
        Review::Status("disputed".into()),
        Some("denied by ministry"),
        "analyst-1",
    )
    .expect("the claim exists");
    assert_eq!((set.action.as_str(), set.value.as_str()), ("status", "disputed"));
    review(&mut store, Review::Note, Some("asked the embassy"), "analyst-2").unwrap();

    // Re-ingest the same article and the rest of the corpus: the correction holds.
    for (name, doc) in &corpus {
        ingest(&mut store, name, doc);
    }
    let view = store.claim(&claim.id).unwrap().unwrap();
    assert_eq!(view.status, "disputed");
    let last = view.timeline.last().unwrap();
    assert_eq!(last.status, "disputed");
    assert!(last.evidence.as_deref().unwrap().contains("analyst-1"));
    assert_eq!(view.corrections.len(), 2);
    assert_eq!(view.corrections[1].by, "analyst-2");
    // Lists and filters see it too.
    let disputed = ClaimFilter { status: Some("disputed".into()), ..ClaimFilter::default() };
    assert!(store.claims(&disputed).unwrap().iter().any(|c| c.id == claim.id));
    let (brief, _) = store.claims_brief(&disputed).unwrap();
    assert!(brief.iter().any(|c| c.id == claim.id && c.status == "disputed"));

    // Undo takes back the latest in force (the note), then the status.
    let undo = review(&mut store, Review::Undo, None, "analyst-1").unwrap();
    assert_eq!((undo.action.as_str(), undo.value.as_str()), ("undo", "note"));
    review(&mut store, Review::Undo, None, "analyst-1").unwrap();
    assert_eq!(store.claim(&claim.id).unwrap().unwrap().status, "asserted");
    assert!(review(&mut store, Review::Undo, None, "analyst-1").is_none(), "nothing left to undo");
    // The history keeps every step, with who and when.
    let history = store.corrections(&claim.id).unwrap();
    let steps: Vec<(&str, &str)> =
        history.iter().map(|c| (c.action.as_str(), c.by.as_str())).collect();
    assert_eq!(
        steps,
        [
            ("status", "analyst-1"),
            ("note", "analyst-2"),
            ("undo", "analyst-1"),
            ("undo", "analyst-1")
        ]
    );
    assert!(history.iter().all(|c| c.at == "2026-12-01T10:00:00Z"));

    // Refused: an unknown status, an anonymous reviewer; no such claim: None.
    assert!(matches!(
        store.review(&claim.id, &Review::Status("bogus".into()), None, "a", "t"),
        Err(StoreError::Invalid(_))
    ));
    assert!(store.review(&claim.id, &Review::Note, Some("x"), " ", "t").is_err());
    assert!(store.review("c-none", &Review::Note, Some("x"), "a", "t").unwrap().is_none());
}
on_both!(a_reviewers_status_wins_holds_through_re_ingest_and_can_be_undone);

#[test]
fn a_postgres_schema_of_another_program_or_a_newer_ledger_is_refused() {
    let Some(url) = postgres_url() else { return };
    let dir = tempfile::tempdir().unwrap();
    let backend = Backend::Postgres(url.clone());
    let store = backend.open(dir.path());
    assert!(store.schema_version().unwrap() >= 1);
    drop(store);
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    // Another program's tables: refused, untouched.
    let schema = format!("other_{}", std::process::id());
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};
             CREATE TABLE {schema}.orders (id INT)"
        ))
        .unwrap();
    let other = format!("{url}?options=-csearch_path%3D{schema}");
    let err = SqlStore::connect(Path::new(&other)).err().expect("refused");
    assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    let tables: i64 = client
        .query_one(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = $1",
            &[&schema],
        )
        .unwrap()
        .get(0);
    assert_eq!(tables, 1, "left alone");
    // A ledger from a newer claimtrace.
    let store = backend.open(dir.path());
    drop(store);
    let mine = pg_schema(dir.path());
    client
        .batch_execute(&format!(
            "UPDATE {mine}.claimtrace_meta SET value = '999' WHERE key = 'schema'"
        ))
        .unwrap();
    let mine_url = format!("{url}?options=-csearch_path%3D{mine}");
    let err = SqlStore::connect(Path::new(&mine_url)).err().expect("refused");
    assert!(matches!(err, StoreError::TooNew { found: 999, .. }), "{err}");
    // A server that is not there: a clear error naming it, no password.
    let err = SqlStore::connect(Path::new("postgres://who:secret@127.0.0.1:1/none"))
        .err()
        .expect("unreachable");
    let shown = err.to_string();
    assert!(shown.contains("127.0.0.1:1") && !shown.contains("secret"), "{shown}");
    assert!(err.is_transient());
}

#[test]
fn a_version_8_postgres_ledger_files_its_articles_under_integer_bands() {
    let Some(url) = postgres_url() else { return };
    let dir = tempfile::tempdir().unwrap();
    let backend = Backend::Postgres(url.clone());
    let mut store = backend.open(dir.path());
    assert_eq!(ingest(&mut store, "https://a.example/bridge", &read(BRIDGE_STORY)), Ingested::New);
    let current = store.schema_version().unwrap();
    drop(store);
    // Version 8 keyed the fingerprint bands by their text.
    let schema = pg_schema(dir.path());
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client
        .batch_execute(&format!(
            "SET search_path = {schema};
             DROP TABLE article_bands;
             CREATE TABLE article_bands (
                 band TEXT NOT NULL, article BIGINT NOT NULL, PRIMARY KEY (band, article)
             );
             INSERT INTO article_bands SELECT 'c0:00000000deadbeef', id FROM articles;
             UPDATE claimtrace_meta SET value = '8' WHERE key = 'schema';"
        ))
        .unwrap();
    let mut store = backend.open(dir.path());
    assert_eq!(store.schema_version().unwrap(), current);
    let row = client
        .query_one(
            &format!("SELECT count(*), pg_typeof(min(band))::text FROM {schema}.article_bands"),
            &[],
        )
        .unwrap();
    let (bands, kind): (i64, String) = (row.get(0), row.get(1));
    assert_eq!((bands, kind.as_str()), (16, "bigint"), "the article's 16 bands, as integers");
    // The article filed before is found through them.
    let copy = read(&bridge_copy());
    assert_eq!(ingest(&mut store, "https://b.example/wire/bridge", &copy), Ingested::Copy);
}

#[test]
fn writers_at_once_on_postgres_build_the_ledger_of_one_writer() {
    let Some(url) = postgres_url() else { return };
    let docs = corpus();
    let alone = tempfile::tempdir().unwrap();
    let backend = Backend::Postgres(url);
    let mut store = backend.open(alone.path());
    for (name, doc) in &docs {
        ingest(&mut store, name, doc);
    }
    let reference = shape(&store);
    // Three writers, each all the articles in its own order, at once: the
    // same claims join one cluster whichever writer files them first.
    let shared = tempfile::tempdir().unwrap();
    drop(backend.open(shared.path()));
    std::thread::scope(|scope| {
        for k in 0..3 {
            let (backend, docs, dir) = (&backend, &docs, shared.path());
            scope.spawn(move || {
                let mut store = backend.open(dir);
                let n = docs.len();
                for i in 0..n {
                    let (name, doc) = &docs[(i * (k + 2) + k) % n];
                    ingest(&mut store, name, doc);
                }
            });
        }
    });
    let store = backend.open(shared.path());
    assert_eq!(store.stale_summaries().unwrap(), Vec::<String>::new());
    assert_eq!(store.articles().unwrap().len(), docs.len(), "each article once");
    assert_eq!(shape(&store), reference);
}
