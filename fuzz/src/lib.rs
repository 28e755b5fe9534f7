//! The fuzz build's counting allocator, so that libFuzzer finds amplification: every target runs
//! its input through [`within_budget`], which fails (aborts, reported as a crash with the
//! input saved) when what one input allocates passes a budget proportional to its size:
//!
//! - peak bytes live ≤ [`PEAK_PER_BYTE`] × size + [`PEAK_FLOOR`] (64 × and 40 MiB: the bound of
//!   the amplification tests, `crates/jixiao/tests/amplification.rs`, which is the read budget's
//!   64 × the input with its 16 MiB floor, `read/budget.rs`, plus the libraries' fixed buffers);
//! - total bytes allocated ≤ [`TOTAL_PER_BYTE`] × size + [`TOTAL_FLOOR`] (work: a reader that
//!   allocates and frees the same buffer for every element of a claim stays under the peak).
//!
//! The size is the input's bytes plus what a ZIP container's entries declare they inflate to
//! (at most the 512 MiB inflate limit), as in the amplification tests.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Counts what the process allocates (every thread's: a reader's threads count too).
pub struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static TOTAL: AtomicUsize = AtomicUsize::new(0);

fn grew(size: usize) {
    TOTAL.fetch_add(size, Relaxed);
    let now = NOW.fetch_add(size, Relaxed) + size;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call goes to the system allocator unchanged; only the counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size > layout.size() {
                grew(new_size - layout.size());
            } else {
                NOW.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak bytes live per byte of input (the read budget's default, `read::budget::PER_INPUT_BYTE`).
pub const PEAK_PER_BYTE: usize = 64;
/// Peak bytes live whatever the input (the read budget's 16 MiB floor and the libraries' buffers).
pub const PEAK_FLOOR: usize = 40 << 20;
/// Total bytes allocated per byte of input.
pub const TOTAL_PER_BYTE: usize = 4096;
/// Total bytes allocated whatever the input.
pub const TOTAL_FLOOR: usize = 256 << 20;
/// What a ZIP may inflate to by default (`Limits::max_bytes`).
const INFLATE_CAP: usize = 512 << 20;

/// What the entries of a ZIP declare they inflate to (0 for anything else), at most the cap.
pub fn inflated(bytes: &[u8]) -> usize {
    if !bytes.starts_with(b"PK") {
        return 0;
    }
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else { return 0 };
    let mut sum = 0usize;
    for i in 0..zip.len() {
        if let Ok(entry) = zip.by_index_raw(i) {
            sum = sum.saturating_add(entry.size() as usize);
        }
    }
    sum.min(INFLATE_CAP)
}

/// Runs `run` on `input` (of `size` bytes, inflated ones included), and aborts when what it
/// allocated passes the budget, printing both figures.
pub fn within_budget_of(size: usize, run: impl FnOnce()) {
    let base = NOW.load(Relaxed);
    PEAK.store(base, Relaxed);
    TOTAL.store(0, Relaxed);
    run();
    let (peak, total) = (PEAK.load(Relaxed).saturating_sub(base), TOTAL.load(Relaxed));
    let peak_budget = PEAK_PER_BYTE.saturating_mul(size).saturating_add(PEAK_FLOOR);
    let total_budget = TOTAL_PER_BYTE.saturating_mul(size).saturating_add(TOTAL_FLOOR);
    if peak > peak_budget || total > total_budget {
        // Printed before aborting: a target may have silenced the panic hook.
        eprintln!(
            "amplification: an input of {size} bytes peaked at {peak} bytes live (budget {PEAK_PER_BYTE} × size + {PEAK_FLOOR} = {peak_budget}) \
             and allocated {total} bytes in all (budget {TOTAL_PER_BYTE} × size + {TOTAL_FLOOR} = {total_budget})"
        );
        std::process::abort();
    }
}

/// [`within_budget_of`] the input's size, with what a ZIP's entries declare they inflate to.
pub fn within_budget(input: &[u8], run: impl FnOnce()) {
    let size = input.len().saturating_add(inflated(input));
    within_budget_of(size, run)
}
