//! `claimtrace bench --synthetic N`: a ledger of N claim appearances built
//! through the store's real write path (candidate lookup, clustering,
//! summaries, SQLite and FTS writes), then the queries people run on it.
//!
//! The ledger is made to look like news, or the index has nothing to do:
//! names are the real entity names of the bundled Wikinews corpus, drawn
//! from a Zipf distribution; each proposition is reworded from a handful of
//! paraphrases, sometimes hedged or attributed; cluster sizes are
//! heavy-tailed (a Pareto law: most claims appear once, a few thousands of
//! times); dates spread over five years, and articles arrive in date order
//! with eight claims each, as a live ledger gets them.

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use claimtrace::doc::EntityKind;
use claimtrace::ledger::{Appearance, Fingerprint, Signature};
use claimtrace::Pipeline;
use claimtrace_store::{ClaimFilter, Filed, LedgerStore, Prepared, SqlStore};

/// SplitMix64: small, fast and the same everywhere, so that a run is
/// reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize
    }
}

/// Draws ranks 0..n with probability proportional to 1 / (rank + 1)^s.
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64) -> Zipf {
        let mut total = 0.0;
        let cumulative = (0..n)
            .map(|r| {
                total += 1.0 / ((r + 1) as f64).powf(s);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    fn draw(&self, rng: &mut Rng) -> usize {
        let x = rng.unit() * self.cumulative.last().copied().unwrap_or(0.0);
        self.cumulative.partition_point(|&c| c < x).min(self.cumulative.len() - 1)
    }
}

/// Real names by kind, from the entities the pipeline finds in the bundled
/// corpus, most mentioned first.
struct Names {
    people: Vec<String>,
    groups: Vec<String>,
    places: Vec<String>,
}

fn names(corpus: &[Vec<u8>]) -> Result<Names> {
    use std::collections::HashMap;
    let pipeline = Pipeline::standard();
    let mut counts: HashMap<(u8, String), usize> = HashMap::new();
    for bytes in corpus {
        let input = claimtrace::read::Input {
            name: "corpus",
            bytes,
            format: Some(claimtrace::read::Format::Json),
            content_type: None,
        };
        for doc in claimtrace::analyze_iter(&pipeline, &input, &Default::default()).flatten() {
            for e in &doc.entities {
                let kind = match e.kind {
                    EntityKind::Person => 0,
                    EntityKind::Org | EntityKind::Norp => 1,
                    EntityKind::Gpe | EntityKind::Loc => 2,
                    _ => continue,
                };
                *counts.entry((kind, e.name.clone())).or_default() += e.mentions.len();
            }
        }
    }
    let mut ranked: Vec<((u8, String), usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let of = |k: u8| -> Vec<String> {
        ranked.iter().filter(|((kind, _), _)| *kind == k).map(|((_, n), _)| n.clone()).collect()
    };
    let names = Names { people: of(0), groups: of(1), places: of(2) };
    anyhow::ensure!(
        names.people.len() >= 10 && names.groups.len() >= 10 && names.places.len() >= 10,
        "the corpus names too few entities for a synthetic ledger"
    );
    Ok(names)
}

const TOPICS: &[&str] = &[
    "the bombing",
    "election fraud",
    "the oil spill",
    "corruption",
    "the cyberattack",
    "the border clashes",
    "the missile strike",
    "the bridge collapse",
    "the data leak",
    "the ferry disaster",
    "the pipeline explosion",
    "the prison riot",
    "the bank collapse",
    "the factory fire",
    "the vaccine shortage",
    "the drone attack",
];

/// One proposition: who did what to whom, where, with which figure. Its
/// names are indices into [`Names`], so that the plan of a million
/// appearances (about 560,000 propositions) stays small: the bench
/// reports the process's peak memory, and 80 bytes a proposition of
/// references to names were 45 MB of it.
struct Proposition {
    template: u8,
    /// An index into `Names::groups` if `actor_is_group`, else into
    /// `Names::people`.
    actor: u32,
    actor_is_group: bool,
    /// An index into `Names::groups`.
    other: u32,
    /// An index into `Names::places`.
    place: u32,
    /// An index into [`TOPICS`].
    topic: u8,
    number: u16,
}

impl Proposition {
    /// Who did it, what to, and where.
    fn names<'n>(&self, names: &'n Names) -> [&'n str; 3] {
        let actor = match self.actor_is_group {
            true => &names.groups[self.actor as usize],
            false => &names.people[self.actor as usize],
        };
        [actor, &names.groups[self.other as usize], &names.places[self.place as usize]]
    }

    /// One wording of the proposition; `variant` picks the paraphrase.
    fn wording(&self, names: &Names, variant: usize) -> String {
        let [a, b, p] = self.names(names);
        let (t, n) = (TOPICS[usize::from(self.topic)], self.number);
        let options: [String; 4] = match self.template {
            0 => [
                format!("{a} killed {n} people in {p}"),
                format!("{n} people were killed by {a} in {p}"),
                format!("an attack by {a} in {p} killed {n} people"),
                format!("{a} fighters killed {n} civilians near {p}"),
            ],
            1 => [
                format!("{a} met {b} in {p} to discuss {t}"),
                format!("{b} held talks with {a} in {p} about {t}"),
                format!("{a} and {b} met in {p} over {t}"),
                format!("talks on {t} between {a} and {b} took place in {p}"),
            ],
            2 => [
                format!("{a} accused {b} of involvement in {t}"),
                format!("{b} was accused by {a} of a role in {t}"),
                format!("{a} blamed {b} for {t}"),
                format!("{a} said {b} was behind {t}"),
            ],
            3 => [
                format!("{a} announced {n} new sanctions against {b} over {t}"),
                format!("{a} imposed {n} sanctions on {b} after {t}"),
                format!("{n} new sanctions on {b} were announced by {a} over {t}"),
                format!("{a} unveiled {n} sanctions targeting {b} over {t}"),
            ],
            4 => [
                format!("{a} denied that {b} was involved in {t}"),
                format!("{a} rejected claims that {b} was involved in {t}"),
                format!("{b} was not involved in {t}, {a} said"),
                format!("{a} dismissed reports that {b} had a role in {t}"),
            ],
            5 => [
                format!("{a} signed a deal worth {n} million dollars with {b}"),
                format!("{b} and {a} signed a {n} million dollar deal"),
                format!("a deal worth {n} million dollars was signed by {a} and {b}"),
                format!("{a} agreed a {n} million dollar deal with {b}"),
            ],
            _ => [
                format!("{a} arrested {n} suspects in {p} over {t}"),
                format!("{n} suspects were arrested by {a} in {p} over {t}"),
                format!("{a} detained {n} people in {p} in connection with {t}"),
                format!("police from {a} arrested {n} suspects in {p} after {t}"),
            ],
        };
        options[variant % options.len()].clone()
    }
}

const OUTLETS: &[&str] = &[
    "Reuters",
    "Associated Press",
    "AFP",
    "BBC News",
    "Al Jazeera",
    "The Guardian",
    "CNN",
    "Deutsche Welle",
    "France 24",
    "NPR",
    "Sky News",
    "ABC News",
    "The Hindu",
    "Kyiv Independent",
    "TASS",
    "Anadolu Agency",
    "Xinhua",
    "Times of Israel",
    "Dawn",
    "Daily Maverick",
];

/// Hedges: an attribution (the words before the claim, which the engine
/// files as the chain and not as the claim's text; the chain names the
/// group cited) or a hedge in the claim's own words.
const HEDGES: &[(&str, &str)] = &[
    ("officials said ", ""),
    ("according to local media, ", ""),
    ("", " reportedly"),
    ("witnesses said ", ""),
];

/// One appearance before it is filed: its date, its proposition and how
/// it is worded. Kept small (the plan of a million appearances is held
/// while they are filed, and the bench reports the process's peak memory);
/// its text is made when it is filed ([`Planned::realise`]).
struct Planned {
    day: u32,
    /// Index of its proposition in the plan.
    proposition: u32,
    /// The paraphrase ([`Proposition::wording`]).
    variant: u8,
    /// 1 + the index of its hedge in [`HEDGES`]; 0 for none.
    hedge: u8,
    /// The group a reported claim cites (an index into `Names::groups`).
    cites: u32,
}

/// An appearance as it is filed.
struct Realised {
    text: String,
    chain: Vec<String>,
    status: &'static str,
    entities: Vec<String>,
}

impl Planned {
    fn realise(&self, propositions: &[Proposition], names: &Names) -> Realised {
        let prop = &propositions[self.proposition as usize];
        let mut text = prop.wording(names, usize::from(self.variant));
        let mut chain = Vec::new();
        let mut status = if prop.template == 4 { "disputed" } else { "asserted" };
        if let Some(&(_, after)) = self.hedge.checked_sub(1).map(|k| &HEDGES[usize::from(k)]) {
            if after.is_empty() {
                // The claim's text is its words alone: the engine takes
                // "officials said" out of it, into the chain ("the army
                // arrested 30 suspects", chain "Officials"). Written into
                // the text, the same attribution linked unrelated claims
                // ("according to local media, ..." shares three words).
                chain.push(names.groups[self.cites as usize].clone());
                status = "reported";
            } else {
                // After the name the wording opens with, never inside it
                // ("Joe reportedly Biden" is no one's name); else first.
                let [a, b, _] = prop.names(names);
                match [a, b].into_iter().find(|n| text.starts_with(n)) {
                    Some(name) => text.insert_str(name.len(), after),
                    None => text = format!("{} {text}", after.trim()),
                }
                status = "hedged";
            }
        }
        let entities: Vec<String> = prop
            .names(names)
            .into_iter()
            .filter(|e| text.contains(e))
            .map(str::to_string)
            .collect();
        Realised { text, chain, status, entities }
    }
}

/// The appearances of a synthetic ledger of about `n`, sorted by day; the
/// propositions they state; the size of each.
fn plan(n: usize, names: &Names, rng: &mut Rng) -> (Vec<Planned>, Vec<Proposition>, Vec<usize>) {
    let people = Zipf::new(names.people.len(), 1.1);
    let groups = Zipf::new(names.groups.len(), 1.1);
    let places = Zipf::new(names.places.len(), 1.1);
    let mut planned = Vec::with_capacity(n);
    let mut propositions = Vec::new();
    let mut sizes = Vec::new();
    const DAYS: u32 = 5 * 365;
    while planned.len() < n {
        // Pareto with alpha 1.2: P(size = 1) is about 0.56; capped at 5,000.
        let size = (rng.unit().max(1e-12).powf(-1.0 / 1.2) as usize).clamp(1, 5_000);
        let size = size.min(n - planned.len());
        sizes.push(size);
        let actor_is_person = rng.below(2) == 0;
        // (Drawn in this order: the plan is the same as at stop 50 but
        // for groups that drew themselves as the other party.)
        let template = rng.below(7) as u8;
        let actor = match actor_is_person {
            true => people.draw(rng),
            false => groups.draw(rng),
        } as u32;
        // A group does not act on itself ("the Senate met the Senate").
        let mut other = groups.draw(rng) as u32;
        while !actor_is_person && other == actor {
            other = groups.draw(rng) as u32;
        }
        let prop = Proposition {
            template,
            actor,
            actor_is_group: !actor_is_person,
            other,
            place: places.draw(rng) as u32,
            topic: rng.below(TOPICS.len()) as u8,
            number: 2 + rng.below(400) as u16,
        };
        // Big stories run longer: up to a tenth of their size in days.
        let spread = 1 + size as u32 / 10;
        let start = rng.below((DAYS - spread) as usize) as u32;
        let proposition = propositions.len() as u32;
        for _ in 0..size {
            let day = (start + rng.below(spread as usize) as u32).min(DAYS - 1);
            let variant = rng.below(4) as u8;
            let (mut hedge, mut cites) = (0, 0);
            if rng.below(10) < 3 {
                let k = rng.below(HEDGES.len());
                hedge = k as u8 + 1;
                if HEDGES[k].1.is_empty() {
                    cites = groups.draw(rng) as u32;
                }
            }
            planned.push(Planned { day, proposition, variant, hedge, cites });
        }
        propositions.push(prop);
    }
    planned.sort_by_key(|p| p.day);
    (planned, propositions, sizes)
}

fn date_of(day: u32) -> String {
    let start = chrono::NaiveDate::from_ymd_opt(2021, 1, 1).expect("a date");
    (start + chrono::Duration::days(i64::from(day))).format("%Y-%m-%d").to_string()
}

fn percentile(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[((values.len() as f64 - 1.0) * p).round() as usize]
}

/// Builds the synthetic ledger at `db` through the real write path, then
/// times the queries.
pub fn run(n: usize, db: &std::path::Path, corpus: &[Vec<u8>], json: bool) -> Result<ExitCode> {
    let started = Instant::now();
    let names = names(corpus)?;
    let mut rng = Rng(0x5eed_c1a1);
    let (planned, propositions, sizes) = plan(n, &names, &mut rng);
    let mut by_size = sizes.clone();
    by_size.sort_unstable();
    let singletons = sizes.iter().filter(|&&s| s == 1).count();
    eprintln!(
        "planned {} appearances of {} propositions ({} once, largest {}) from {} names in {:.1} s",
        planned.len(),
        sizes.len(),
        singletons,
        by_size.last().copied().unwrap_or(0),
        names.people.len() + names.groups.len() + names.places.len(),
        started.elapsed().as_secs_f64()
    );

    if db.exists() {
        std::fs::remove_file(db).with_context(|| format!("cannot replace {}", db.display()))?;
    }
    let mut store = SqlStore::connect(db)?;
    let start = Instant::now();
    let per_article = 8;
    let mut filed = 0usize;
    // Articles of `per_article` claims, filed as `ingest` files them: each
    // staged as it comes, committed together by ingest's rule
    // (`ledger::Commits`).
    let mut commits = crate::ledger::Commits::new(crate::ledger::BATCH);
    for (k, chunk) in planned.chunks(per_article).enumerate() {
        let outlet = OUTLETS[k % OUTLETS.len()];
        let url = format!(
            "https://news.example/{}/{}/{k}",
            outlet.replace(' ', "-").to_lowercase(),
            date_of(chunk[0].day)
        );
        let realised: Vec<Realised> =
            chunk.iter().map(|p| p.realise(&propositions, &names)).collect();
        let body: String = realised.iter().map(|p| format!("{}. ", p.text)).collect();
        let article = Filed {
            url,
            title: format!("Story {k}"),
            outlet: Some(outlet.to_string()),
            published: Some(date_of(chunk[0].day)),
            date_from: None,
            fingerprint: Fingerprint::of(&body),
            body,
            record: String::from("{}"),
            ingested_at: String::from("2026-12-01T00:00:00Z"),
            wire: None,
        };
        let reference = article.reference(1, None);
        let appearances = realised
            .into_iter()
            .enumerate()
            .map(|(index, p)| Appearance {
                article: reference.clone(),
                index,
                anchor: None,
                sentence: format!("{}.", p.text),
                signature: Signature::of(&p.text, &p.entities),
                text: p.text,
                chain: p.chain,
                status: p.status.to_string(),
                stances: Vec::new(),
                entities: p.entities,
                verdict: None,
            })
            .collect();
        commits.filing(store.staged());
        store.stage(Prepared::new(article, appearances));
        if commits.due(store.staged(), store.staged_bytes()) {
            for outcome in store.commit_staged() {
                outcome?;
            }
        }
        let before = filed / 20_000;
        filed += chunk.len();
        if filed / 20_000 > before {
            let s = start.elapsed().as_secs_f64();
            eprintln!("  {filed} appearances, {:.0}/s", filed as f64 / s);
        }
    }
    for outcome in store.commit_staged() {
        outcome?;
    }
    let ingest_s = start.elapsed().as_secs_f64();
    let stats = store.lookup_stats();
    let (claims, largest) = store.cluster_sizes()?;
    let peak_kib = crate::bench::peak_memory_kib();
    // Queried as the read-only commands and `serve` read a ledger.
    store.tune_for_reads()?;

    // Queries: names drawn as people would ask (often the famous ones),
    // claims from the ledger, words from the claims.
    let people = Zipf::new(names.people.len(), 1.1);
    let queries = 200;
    let mut about_ms = Vec::new();
    let mut about_json_ms = Vec::new();
    let mut trace_ms = Vec::new();
    let mut search_ms = Vec::new();
    let mut ids = Vec::new();
    for k in 0..queries {
        let name = &names.people[people.draw(&mut rng)];
        let filter =
            ClaimFilter { about: Some(name.clone()), limit: Some(50), ..Default::default() };
        // The readable list (a line a claim, from the summaries), then
        // `--json` (every claim's full record) for the first fifth of the
        // queries: on a million appearances it takes seconds a query.
        let t = Instant::now();
        let (brief, _) = store.claims_brief(&filter)?;
        about_ms.push(t.elapsed().as_secs_f64() * 1e3);
        if k < queries / 5 {
            let t = Instant::now();
            std::hint::black_box(store.claims(&filter)?);
            about_json_ms.push(t.elapsed().as_secs_f64() * 1e3);
        }
        if let Some(c) = brief.get(rng.below(brief.len().max(1))) {
            ids.push(c.id.clone());
        }
    }
    for id in &ids {
        let t = Instant::now();
        std::hint::black_box(store.claim(id)?);
        trace_ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    for _ in 0..queries {
        let p = planned[rng.below(planned.len())].realise(&propositions, &names);
        let words: Vec<&str> = p.text.split(' ').filter(|w| w.len() > 3).take(2).collect();
        let t = Instant::now();
        std::hint::black_box(store.search(&words.join(" "), 20)?);
        search_ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let figures = serde_json::json!({
        "appearances": filed,
        "propositions": sizes.len(),
        "ingest_s": ingest_s,
        "appearances_per_s": filed as f64 / ingest_s,
        "candidates_per_lookup": stats.candidates as f64 / stats.lookups.max(1) as f64,
        // Claims formed against propositions planned, and the largest
        // claim against the largest planned: more appearances in one than
        // were planned are other propositions chained into it.
        "claims": claims,
        "largest_claim": largest,
        "largest_planned": sizes.iter().max(),
        "postings_read_per_lookup": stats.postings as f64 / stats.lookups.max(1) as f64,
        // The ingest's peak (the figure the issue bounds), then the
        // process's after the queries: reads map the file (its pages count
        // as the process's) and `--json` builds whole views of big claims.
        "peak_rss_mib": peak_kib.map(|k| k as f64 / 1024.0),
        "peak_rss_with_queries_mib": crate::bench::peak_memory_kib().map(|k| k as f64 / 1024.0),
        // The file and its write-ahead log, which holds the ledger until
        // a checkpoint moves it in (all of it, at 100,000 appearances).
        "db_mib": std::fs::metadata(db).map(|m| {
            let mut wal = db.as_os_str().to_owned();
            wal.push("-wal");
            let wal = std::fs::metadata(wal).map_or(0, |w| w.len());
            (m.len() + wal) as f64 / 1048576.0
        }).ok(),
        "claims_about_p95_ms": percentile(&mut about_ms, 0.95),
        "claims_about_json_p95_ms": percentile(&mut about_json_ms, 0.95),
        "trace_p95_ms": percentile(&mut trace_ms, 0.95),
        "search_p95_ms": percentile(&mut search_ms, 0.95),
    });
    if json {
        println!("{}", serde_json::to_string_pretty(&figures)?);
    } else {
        println!("synthetic ledger: {filed} appearances of {} propositions, one core", sizes.len());
        for (k, v) in figures.as_object().expect("an object") {
            println!("{k:<28} {v}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
