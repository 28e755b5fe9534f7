//! Many inputs on several threads, handed on in input order as each one's turn comes: the
//! output is the same as one thread's, and memory stays flat in the number of inputs. The CLI's batch
//! mode and Python's `read_many` both run on this.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// One thread per core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs `work` on every item on up to `jobs` threads and calls `each` with the results in item
/// order, on the calling thread, as soon as each one's turn comes; stops at the first error
/// `each` returns. Workers run at most `4 × jobs` items ahead of the one being handed on, so
/// memory stays flat however many items there are.
pub fn in_order<T: Sync, R: Send, E>(items: &[T], jobs: usize, work: impl Fn(&T) -> R + Sync, mut each: impl FnMut(&T, R) -> Result<(), E>) -> Result<(), E> {
    let jobs = jobs.clamp(1, items.len().max(1));
    if jobs == 1 {
        return items.iter().try_for_each(|item| each(item, work(item)));
    }
    let ahead = jobs * 4;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // How many results were handed on, and a wake-up for workers waiting to run ahead.
    let handed = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let (next, stop, handed, work) = (&next, &stop, &handed, &work);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= items.len() {
                        break;
                    }
                    let mut done = handed.0.lock().unwrap_or_else(|e| e.into_inner());
                    while i >= *done + ahead && !stop.load(Ordering::Relaxed) {
                        done = handed.1.wait(done).unwrap_or_else(|e| e.into_inner());
                    }
                    drop(done);
                    if stop.load(Ordering::Relaxed) || tx.send((i, work(&items[i]))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut want = 0;
        let mut outcome = Ok(());
        for (i, result) in rx {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&want) {
                if outcome.is_ok() {
                    outcome = each(&items[want], result);
                    if outcome.is_err() {
                        stop.store(true, Ordering::Relaxed);
                    }
                }
                want += 1;
                *handed.0.lock().unwrap_or_else(|e| e.into_inner()) = want;
                handed.1.notify_all();
            }
            if stop.load(Ordering::Relaxed) {
                handed.1.notify_all();
            }
        }
        outcome
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whatever_the_threads() {
        let items: Vec<u32> = (0..103).collect();
        for jobs in [1, 2, 7, 200] {
            let mut seen = Vec::new();
            in_order(
                &items,
                jobs,
                |n| n * 2,
                |n, r| -> Result<(), ()> {
                    seen.push((*n, r));
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(seen, items.iter().map(|n| (*n, n * 2)).collect::<Vec<_>>());
        }
        let mut count = 0;
        assert_eq!(
            in_order(
                &items,
                3,
                |n| *n,
                |_, r| if r == 10 {
                    Err(r)
                } else {
                    count += 1;
                    Ok(())
                }
            ),
            Err(10)
        );
        assert_eq!(count, 10);
    }
}
