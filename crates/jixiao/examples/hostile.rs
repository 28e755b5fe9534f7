//! Writes the hostile files of the amplification tests (for each reader, the smallest file with
//! the largest claim: tests/common/hostile.rs) into a directory, for the C and Python tests that
//! read each under a 2 GiB address-space limit. Generated, so that no large file is committed.
//!
//! Usage: `cargo run -p jixiao --example hostile -- DIR`; prints each file's name and size.

// The tests' generators, as they are (they name each other as `super::`).
#[path = "../tests/common/hostile.rs"]
mod hostile;
#[path = "../tests/common/pdf.rs"]
mod pdf;
#[allow(dead_code)]
#[path = "../tests/common/sheets.rs"]
mod sheets;

fn main() -> std::io::Result<()> {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: hostile DIR");
        std::process::exit(2);
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir)?;
    for (name, bytes) in hostile::files() {
        std::fs::write(dir.join(name), &bytes)?;
        println!("{name}\t{}", bytes.len());
    }
    Ok(())
}
