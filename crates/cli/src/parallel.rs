//! Work on every core with the output in input order: one thread reads and
//! hands out items, `jobs` workers transform them, and the calling thread
//! consumes the results in the order they were handed out.
//!
//! Memory is bounded however long the input: an item takes a permit before
//! it is handed out and gives it back once consumed, so at most
//! `4 × jobs` items are between the reader and the writer at any time (a
//! slow item holds up the writer, never the memory).

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::Duration;

/// How many workers `--jobs` means: the number given, else one per core.
pub fn jobs(requested: Option<usize>) -> usize {
    requested
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
        .max(1)
}

/// Runs `produce` on a thread of its own, calling its `emit` argument once
/// per item; `work` on `jobs` threads; and `consume` here, in the order of
/// `emit`. The first error from `consume` stops the reading (`emit` returns
/// false from then on; items already handed out are finished and dropped)
/// and is returned.
pub fn ordered<T: Send, R: Send>(
    jobs: usize,
    produce: impl FnOnce(&mut dyn FnMut(T) -> bool) + Send,
    work: impl Fn(T) -> R + Sync,
    consume: impl FnMut(R) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    ordered_ahead(jobs, 0, produce, work, consume)
}

/// [`ordered`], with `ahead` more items in flight: room for the workers to
/// go on while `consume` takes its time now and then (the ledger's writer
/// commits a batch of articles at once).
pub fn ordered_ahead<T: Send, R: Send>(
    jobs: usize,
    ahead: usize,
    produce: impl FnOnce(&mut dyn FnMut(T) -> bool) + Send,
    work: impl Fn(T) -> R + Sync,
    consume: impl FnMut(R) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    ordered_idle(jobs, ahead, produce, work, consume, Duration::MAX, || {})
}

/// [`ordered_ahead`], calling `idle` here whenever no result has come for
/// `after` (the ledger's writer commits what it filed rather than hold
/// the database while the input is slow).
pub fn ordered_idle<T: Send, R: Send>(
    jobs: usize,
    ahead: usize,
    produce: impl FnOnce(&mut dyn FnMut(T) -> bool) + Send,
    work: impl Fn(T) -> R + Sync,
    mut consume: impl FnMut(R) -> anyhow::Result<()>,
    after: Duration,
    mut idle: impl FnMut(),
) -> anyhow::Result<()> {
    let jobs = jobs.max(1);
    let window = jobs * 4 + ahead;
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, T)>(window);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, R)>();
    let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        permit_tx.send(()).expect("the permit channel has room for the window");
    }
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut seq = 0;
            let mut emit = |item: T| {
                // No permit: the writer stopped; drop the rest.
                let sent = permit_rx.recv().is_ok() && job_tx.send((seq, item)).is_ok();
                seq += usize::from(sent);
                sent
            };
            produce(&mut emit);
        });
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let (job_rx, work) = (&job_rx, &work);
            scope.spawn(move || loop {
                let next = job_rx.lock().expect("no worker panics holding the lock").recv();
                let Ok((seq, item)) = next else { break };
                if done_tx.send((seq, work(item))).is_err() {
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
            let (seq, done) = match done_rx.recv_timeout(after) {
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
        // writer does to file a batch: with 16 more in flight the workers
        // go on meanwhile (up to the bigger window, never past it).
        let produced = AtomicUsize::new(0);
        let mut max_ahead = 0;
        let mut consumed = 0;
        ordered_ahead(
            2,
            16,
            |emit| {
                for i in 0..200usize {
                    produced.fetch_add(1, Ordering::SeqCst);
                    emit(i);
                }
            },
            |i| i,
            |_| {
                consumed += 1;
                if consumed % 16 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                max_ahead = max_ahead.max(produced.load(Ordering::SeqCst) - consumed);
                Ok(())
            },
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
        ordered_idle(
            2,
            4,
            |emit| {
                for i in 0..40u32 {
                    if i == 20 {
                        std::thread::sleep(Duration::from_millis(200));
                    }
                    emit(i);
                }
            },
            |i| i + 1,
            |r| {
                seen_now.borrow_mut().push(r);
                Ok(())
            },
            Duration::from_millis(50),
            || idle_at.push(seen_now.borrow().len()),
        )
        .unwrap();
        assert_eq!(seen, (1..=40).collect::<Vec<_>>());
        assert!(idle_at.contains(&20), "idle while the input paused: {idle_at:?}");
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
