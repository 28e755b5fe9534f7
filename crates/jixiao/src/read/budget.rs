//! One memory budget for a whole read: a counter that the readers charge for each element they
//! build (the bytes of its text plus a fixed cost per element, stated where it is charged), so
//! that a small file claiming a large model is refused as the model grows, before it is built.
//!
//! The budget is [`Limits::max_memory`](super::Limits::max_memory); by default the lesser of
//! 1 GiB and [`PER_INPUT_BYTE`] × the input, but never less than [`FLOOR`]. [`within`] puts it in
//! place for one read on the reading thread (a read is on one thread; a batch reads each input
//! on one thread); [`charge`] counts against it and says whether the reader may go on. Past the
//! budget the read is an error naming the file, the reader and the limit, whatever the reader
//! returned, so nothing half-built comes out.
//!
//! Charged so far: every cell the spreadsheet reader builds (`sheet`), and every cell entering
//! the table pipeline (`tree::build`), which every other format's tables go through.

use std::cell::Cell;

use super::container::{Limits, over_limit};
use crate::error::{Error, Origin};

/// The default budget per byte of input.
pub const PER_INPUT_BYTE: u64 = 64;
/// The default budget is never above this (1 GiB).
pub const CEILING: u64 = 1 << 30;
/// The default budget is never below this (16 MiB): a small file of a few cells may still build
/// its model, which for a 2 KB file is more than 64 × its bytes.
pub const FLOOR: u64 = 16 << 20;

#[derive(Clone, Copy)]
struct State {
    used: u64,
    limit: u64,
}

thread_local! {
    static BUDGET: Cell<Option<State>> = const { Cell::new(None) };
}

/// The budget of a read of `input_len` bytes under `limits`.
pub fn limit(limits: &Limits, input_len: usize) -> u64 {
    limits.max_memory.unwrap_or_else(|| (input_len as u64).saturating_mul(PER_INPUT_BYTE).clamp(FLOOR, CEILING))
}

/// Runs `read` with `limit` bytes to build; an error naming `origin` and `reader` when the
/// readers charged more, whatever `read` returned. A read inside a read (an embedded document)
/// charges the outer read's budget.
pub fn within<T>(limit: u64, origin: &Origin, reader: &str, read: impl FnOnce() -> crate::Result<T>) -> crate::Result<T> {
    if BUDGET.get().is_some() {
        return read();
    }
    BUDGET.set(Some(State { used: 0, limit }));
    // Taken off the thread however `read` ends (a caught panic included).
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            BUDGET.set(None);
        }
    }
    let _reset = Reset;
    let result = read();
    match BUDGET.get() {
        Some(State { used, limit }) if used > limit => Err(over_budget(origin, reader, used, limit)),
        _ => result,
    }
}

fn over_budget(origin: &Origin, reader: &str, used: u64, limit: u64) -> Error {
    over_limit(origin, &format!("the model the {reader} reader builds ({used} bytes when it stopped)"), format!("{limit} bytes"), "max_memory")
}

/// Charges `bytes` built; false once the read is past its budget (the reader stops building and
/// returns; [`within`] turns that into the error). Always true outside [`within`].
pub fn charge(bytes: u64) -> bool {
    match BUDGET.get() {
        Some(mut s) => {
            s.used = s.used.saturating_add(bytes);
            BUDGET.set(Some(s));
            s.used <= s.limit
        }
        None => true,
    }
}

/// Whether `bytes` more would still be within the budget, without charging them: for what a
/// reader builds for a while and lets go (a PDF page's glyphs), and for an assembler that may
/// hand tables on as it builds them only when all its blocks can build fits. Always true
/// outside [`within`].
pub fn fits(bytes: u64) -> bool {
    BUDGET.get().is_none_or(|s| s.used.saturating_add(bytes) <= s.limit)
}

/// Runs `walk` and takes back what it charged: its result, and the bytes it charged (0 outside
/// [`within`]). For a reader that walks its input once, building nothing it keeps, to learn
/// whether the read fits its budget before it hands anything on.
pub fn dry_run<T>(walk: impl FnOnce() -> T) -> (T, u64) {
    let before = BUDGET.get();
    let out = walk();
    let charged = match (before, BUDGET.get()) {
        (Some(b), Some(a)) => a.used.saturating_sub(b.used),
        _ => 0,
    };
    BUDGET.set(before);
    (out, charged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_past_its_budget_is_an_error_naming_file_reader_and_limit() {
        let origin = Origin(Some("a.xlsx".into()));
        let err = within(100, &origin, "xlsx", || {
            assert!(charge(60));
            assert!(fits(40) && !fits(41));
            assert!(!charge(60));
            Ok(())
        })
        .unwrap_err()
        .to_string();
        assert!(err.contains("a.xlsx") && err.contains("xlsx reader") && err.contains("100 bytes") && err.contains("max_memory"), "{err}");
        // Off the thread after the read: nothing is counted.
        assert!(charge(u64::MAX) && charge(1));
        assert!(within(100, &origin, "xlsx", || Ok(charge(100))).unwrap());
    }

    #[test]
    fn a_dry_run_says_what_it_charged_and_takes_it_back() {
        let origin = Origin(None);
        within(100, &origin, "docx", || {
            assert!(charge(10));
            let (ok, charged) = dry_run(|| charge(95));
            assert!(!ok && charged == 95);
            assert!(fits(90) && !fits(91));
            Ok(())
        })
        .unwrap();
        assert_eq!(dry_run(|| charge(5)).1, 0);
    }

    #[test]
    fn the_default_is_64_times_the_input_between_16_mib_and_1_gib() {
        let limits = Limits::default();
        assert_eq!(limit(&limits, 1000), FLOOR);
        assert_eq!(limit(&limits, 1 << 20), 64 << 20);
        assert_eq!(limit(&limits, 1 << 30), CEILING);
        assert_eq!(limit(&Limits { max_memory: Some(5), ..limits }, 1 << 30), 5);
    }
}
