//! Many inputs on several threads, handed on in input order a window at a time: the output is
//! the same as one thread's, and memory stays flat in the number of inputs. The CLI's batch
//! mode and Python's `read_many` both run on this.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One thread per core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs `work` on every item on up to `jobs` threads and calls `each` with the results in item
/// order; stops at the first error `each` returns.
pub fn in_order<T: Sync, R: Send, E>(
    items: &[T],
    jobs: usize,
    work: impl Fn(&T) -> R + Sync,
    mut each: impl FnMut(&T, R) -> Result<(), E>,
) -> Result<(), E> {
    let jobs = jobs.clamp(1, items.len().max(1));
    for window in items.chunks(jobs * 4) {
        let results: Vec<Mutex<Option<R>>> = window.iter().map(|_| Mutex::new(None)).collect();
        if jobs == 1 {
            for (item, slot) in window.iter().zip(&results) {
                *slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(work(item));
            }
        } else {
            let next = AtomicUsize::new(0);
            std::thread::scope(|scope| {
                for _ in 0..jobs {
                    scope.spawn(|| {
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(item) = window.get(i) else { break };
                            *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(work(item));
                        }
                    });
                }
            });
        }
        for (item, slot) in window.iter().zip(results) {
            if let Some(result) = slot.into_inner().unwrap_or_else(|e| e.into_inner()) {
                each(item, result)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whatever_the_threads() {
        let items: Vec<u32> = (0..103).collect();
        for jobs in [1, 2, 7, 200] {
            let mut seen = Vec::new();
            in_order(&items, jobs, |n| n * 2, |n, r| -> Result<(), ()> {
                seen.push((*n, r));
                Ok(())
            })
            .unwrap();
            assert_eq!(seen, items.iter().map(|n| (*n, n * 2)).collect::<Vec<_>>());
        }
        let mut count = 0;
        assert_eq!(in_order(&items, 3, |n| *n, |_, r| if r == 10 { Err(r) } else { count += 1; Ok(()) }), Err(10));
        assert_eq!(count, 10);
    }
}
