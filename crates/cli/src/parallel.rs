//! Work on every core with the output in input order: one thread reads and
//! hands out items, `jobs` workers transform them, and the calling thread
//! consumes the results in the order they were handed out.
//!
//! Memory is bounded however long the input: an item takes a permit before
//! it is handed out and gives it back once consumed, so at most a window
//! of items ([`Flow::window`]) is between the reader and the writer at any
//! time (a slow item holds up the writer, never the memory).
//!
//! A worker takes the items waiting in a batch (up to [`Flow::batch`], and
//! its share of those waiting, so that the workers finish together): the
//! analysis runs each stage over a batch of articles before the next
//! stage, so that each stage's tables stay in the processor's caches.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::Duration;

/// How many workers `--jobs` means: the number given, else one per core.
pub fn jobs(requested: Option<usize>) -> usize {
    requested
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
        .max(1)
}

/// Articles a worker analyses together, stage by stage. The whole analysis
/// of the 171 Wikinews 2019 articles on one core: 504 ms one at a time,
/// 430 ms in batches of 32, 408 ms all at once (each stage's tables stay
/// in the caches); a batch holds 32 analysed documents a worker.
pub const BATCH: usize = 32;

/// How [`ordered_batches`] runs.
#[derive(Clone, Copy, Debug)]
pub struct Flow {
    /// Worker threads.
    pub jobs: usize,
    /// The most items a worker takes at once.
    pub batch: usize,
    /// Items in flight beyond what the workers hold: room for the workers
    /// to go on while the consumer takes its time now and then.
    pub ahead: usize,
    /// `idle` is called whenever no result has come for this long.
    pub idle_after: Duration,
}

impl Flow {
    /// `jobs` workers taking one item at a time.
    pub fn new(jobs: usize) -> Flow {
        Flow { jobs: jobs.max(1), batch: 1, ahead: 0, idle_after: Duration::MAX }
    }

    /// Items between the reader and the writer, at most: room for each
    /// worker to hold a batch while the next waits.
    pub fn window(&self) -> usize {
        self.jobs.max(1) * (2 * self.batch.max(1)).max(4) + self.ahead
    }
}

/// Runs `produce` on a thread of its own, calling its `emit` argument once
/// per item; `work` on [`Flow::jobs`] threads, over batches of items (one
/// result an item, in order); and `consume` here, in the order of `emit`,
/// with `idle` called whenever no result has come for
/// [`Flow::idle_after`] (the ledger's writer commits what it filed rather
/// than hold the database while the input is slow). The first error from
/// `consume` stops the reading (`emit` returns false from then on; items
/// already handed out are finished and dropped) and is returned.
pub fn ordered_batches<T: Send, R: Send>(
    flow: Flow,
    produce: impl FnOnce(&mut dyn FnMut(T) -> bool) + Send,
    work: impl Fn(Vec<T>) -> Vec<R> + Sync,
    mut consume: impl FnMut(R) -> anyhow::Result<()>,
    mut idle: impl FnMut(),
) -> anyhow::Result<()> {
    let jobs = flow.jobs.max(1);
    let window = flow.window();
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, T)>(window);
    let job_rx = Mutex::new(job_rx);
    // Items handed out and not yet taken by a worker.
    let waiting = AtomicUsize::new(0);
    let (done_tx, done_rx) = mpsc::channel::<(usize, R)>();
    let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        permit_tx.send(()).expect("the permit channel has room for the window");
    }
    std::thread::scope(|scope| {
        let waiting = &waiting;
        scope.spawn(move || {
            let mut seq = 0;
            let mut emit = |item: T| {
                // No permit: the writer stopped; drop the rest.
                let sent = permit_rx.recv().is_ok() && {
                    waiting.fetch_add(1, Ordering::SeqCst);
                    job_tx.send((seq, item)).is_ok()
                };
                seq += usize::from(sent);
                sent
            };
            produce(&mut emit);
        });
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let (job_rx, work) = (&job_rx, &work);
            scope.spawn(move || loop {
                let (seqs, items): (Vec<usize>, Vec<T>) = {
                    let job_rx = job_rx.lock().expect("no worker panics holding the lock");
                    let Ok(first) = job_rx.recv() else { break };
                    // A batch, or this worker's share of what waits.
                    let share = (waiting.load(Ordering::SeqCst) / jobs).clamp(1, flow.batch.max(1));
                    let mut batch = vec![first];
                    while batch.len() < share {
                        match job_rx.try_recv() {
                            Ok(next) => batch.push(next),
                            Err(_) => break,
                        }
                    }
                    waiting.fetch_sub(batch.len(), Ordering::SeqCst);
                    batch.into_iter().unzip()
                };
                let results = work(items);
                // A result missing would hold the writer up for ever.
                assert_eq!(results.len(), seqs.len(), "one result an item");
                if seqs.into_iter().zip(results).any(|done| done_tx.send(done).is_err()) {
                    break;
                }
            });
        }
        drop(done_tx);
        let mut permits = Some(permit_tx);
        let mut pending: BTreeMap<usize, R> = BTreeMap::new();
        let mut next = 0;
        let mut result = Ok(());
        loop {
            let (seq, done) = match done_rx.recv_timeout(flow.idle_after) {
                Ok(got) => got,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    idle();
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            };
            pending.insert(seq, done);
            while let Some(done) = pending.remove(&next) {
                next += 1;
                if result.is_ok() {
                    result = consume(done);
                    if result.is_err() {
                        permits = None;
                    }
                }
                if let Some(permits) = &permits {
                    // Room is certain: this item's permit was taken.
                    let _ = permits.send(());
                }
            }
        }
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One item at a time.
    fn ordered<T: Send, R: Send>(
        jobs: usize,
        produce: impl FnOnce(&mut dyn FnMut(T) -> bool) + Send,
        work: impl Fn(T) -> R + Sync,
        consume: impl FnMut(R) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let work = |items: Vec<T>| items.into_iter().map(&work).collect();
        ordered_batches(Flow::new(jobs), produce, work, consume, || {})
    }

    #[test]
    fn results_come_in_input_order_whatever_the_workers_finish_first() {
        let mut seen = Vec::new();
        ordered(
            3,
            |emit| {
                (0..200u64).for_each(|i| {
                    emit(i);
                })
            },
            |i| {
                // Later items finish first now and then.
                std::thread::sleep(std::time::Duration::from_micros((200 - i) % 7 * 50));
                i * 2
            },
            |r| {
                seen.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..200u64).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn no_more_than_the_window_is_in_flight() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let produced = AtomicUsize::new(0);
        let mut max_ahead = 0;
        let mut consumed = 0;
        ordered(
            2,
            |emit| {
                for i in 0..500usize {
                    produced.fetch_add(1, Ordering::SeqCst);
                    emit(i);
                }
            },
            |i| i,
            |_| {
                consumed += 1;
                std::thread::sleep(std::time::Duration::from_micros(20));
                max_ahead = max_ahead.max(produced.load(Ordering::SeqCst) - consumed);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(consumed, 500);
        // The window (4 × 2), plus the item being emitted.
        assert!(max_ahead <= 9, "{max_ahead} items ahead of the writer");
    }

    #[test]
    fn a_slow_consumer_with_room_ahead_does_not_stall_the_workers() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        // The consumer stops for a while every 16 items, as the ledger's
        // writer does to commit a batch: with 16 more in flight the workers
        // go on meanwhile (up to the bigger window, never past it).
        let produced = AtomicUsize::new(0);
        let mut max_ahead = 0;
        let mut consumed = 0;
        let flow = Flow { ahead: 16, ..Flow::new(2) };
        ordered_batches(
            flow,
            |emit| {
                for i in 0..200usize {
                    produced.fetch_add(1, Ordering::SeqCst);
                    emit(i);
                }
            },
            |items: Vec<usize>| items,
            |_| {
                consumed += 1;
                if consumed % 16 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                max_ahead = max_ahead.max(produced.load(Ordering::SeqCst) - consumed);
                Ok(())
            },
            || {},
        )
        .unwrap();
        assert_eq!(consumed, 200);
        assert!(max_ahead > 9 && max_ahead <= 4 * 2 + 16 + 1, "{max_ahead} ahead");
    }

    #[test]
    fn a_pause_in_the_input_calls_idle_and_keeps_the_order() {
        // The reader stops for a while half way: the writer is told it
        // waits (and commits what it holds), then goes on in order.
        let (mut seen, mut idle_at) = (Vec::new(), Vec::new());
        let seen_now = std::cell::RefCell::new(&mut seen);
        let flow =
            Flow { ahead: 4, batch: 8, idle_after: Duration::from_millis(50), ..Flow::new(2) };
        ordered_batches(
            flow,
            |emit| {
                for i in 0..40u32 {
                    if i == 20 {
                        std::thread::sleep(Duration::from_millis(200));
                    }
                    emit(i);
                }
            },
            |items: Vec<u32>| items.into_iter().map(|i| i + 1).collect(),
            |r| {
                seen_now.borrow_mut().push(r);
                Ok(())
            },
            || idle_at.push(seen_now.borrow().len()),
        )
        .unwrap();
        assert_eq!(seen, (1..=40).collect::<Vec<_>>());
        assert!(idle_at.contains(&20), "idle while the input paused: {idle_at:?}");
    }

    #[test]
    fn workers_take_batches_of_what_waits_and_share_the_last() {
        // 100 items waiting at once, two workers taking up to 16: full
        // batches while many wait, then each its share of the rest.
        let sizes = Mutex::new(Vec::new());
        let mut seen = Vec::new();
        let flow = Flow { batch: 16, ..Flow::new(2) };
        ordered_batches(
            flow,
            |emit| {
                for i in 0..100u32 {
                    emit(i);
                }
            },
            |items: Vec<u32>| {
                sizes.lock().unwrap().push(items.len());
                std::thread::sleep(Duration::from_millis(2));
                items.into_iter().map(|i| i * 3).collect()
            },
            |r| {
                seen.push(r);
                Ok(())
            },
            || {},
        )
        .unwrap();
        assert_eq!(seen, (0..100).map(|i| i * 3).collect::<Vec<_>>());
        let sizes = sizes.into_inner().unwrap();
        assert!(sizes.iter().all(|&n| (1..=16).contains(&n)), "{sizes:?}");
        assert!(sizes.iter().any(|&n| n > 1), "items are taken together: {sizes:?}");
        assert_eq!(sizes.iter().sum::<usize>(), 100);
    }

    #[test]
    fn an_error_from_the_writer_stops_the_reading() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let produced = AtomicUsize::new(0);
        let out = ordered(
            2,
            |emit| {
                for i in 0..100_000usize {
                    produced.fetch_add(1, Ordering::SeqCst);
                    if !emit(i) {
                        break;
                    }
                }
            },
            |i| i,
            |i| if i == 10 { Err(anyhow::anyhow!("broken pipe")) } else { Ok(()) },
        );
        assert!(out.is_err());
        assert!(produced.load(Ordering::SeqCst) < 100, "{}", produced.load(Ordering::SeqCst));
    }
}
