//! For each reader the smallest file with the largest claim (the generators of the library's
//! amplification tests), read by the `jixiao` binary under a 2 GiB address-space limit
//! (`prlimit --as`): each answers with a result or a clear error naming the limit, never an
//! abort (an allocation failure is not a panic: nothing catches it). Skipped where prlimit is
//! missing.

mod common;
// The library's generators of hostile files, as its amplification tests use them.
#[path = "../../jixiao/tests/common/hostile.rs"]
mod hostile;
#[path = "../../jixiao/tests/common/pdf.rs"]
mod pdf;
#[path = "../../jixiao/tests/common/sheets.rs"]
#[allow(dead_code)]
mod sheets;

use std::process::Command;

use common::{stderr, temp_dir};
use hostile::files;

#[test]
fn each_answers_within_two_gib_of_address_space() {
    if Command::new("prlimit").arg("--version").output().is_err() {
        eprintln!("prlimit is missing: skipped");
        return;
    }
    let dir = temp_dir("address-space");
    for (name, bytes) in files() {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let start = std::time::Instant::now();
        let o = Command::new("prlimit").arg("--as=2147483648").arg(env!("CARGO_BIN_EXE_jixiao")).arg("parse").arg(&path).output().unwrap();
        let (code, err) = (o.status.code(), stderr(&o));
        eprintln!("{name}: {} B, exit {code:?} in {:?}: {}", bytes.len(), start.elapsed(), err.lines().next().unwrap_or(""));
        // 0: read; 2: the input's error. A signal (an abort) has no code.
        assert!(matches!(code, Some(0) | Some(2)), "{name}: {:?} {err}", o.status);
        if code == Some(2) {
            // A limit's error says which and how to raise it; the rest (a page of glyphs that
            // is no document) say why the file is none.
            assert!(err.contains(name), "{name}: {err}");
            assert!((err.contains("exceeds the limit") && err.contains("raise it with")) || err.contains("not a performance document"), "{name}: {err}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
