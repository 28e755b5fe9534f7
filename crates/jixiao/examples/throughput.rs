//! Parsing alone against counting the same bytes' lines with memchr, in one process: the ratio
//! of the performance issue's target 3, for `make compare` (and by hand on any file).
//!
//! Usage: `cargo run --release -p jixiao --example throughput -- FILE [SECONDS]`
//! Prints `bytes parse_seconds count_seconds` (the best of repeated runs, each for about
//! SECONDS, default 1).

use std::time::{Duration, Instant};

fn best(budget: Duration, mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    let mut best = f64::INFINITY;
    while start.elapsed() < budget || best.is_infinite() {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    best
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: throughput FILE [SECONDS]");
        std::process::exit(2);
    };
    let seconds: f64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let options = jixiao::ReadOptions::default();
    if let Err(e) = jixiao::parse_bytes(&bytes, &options) {
        eprintln!("{e}");
        std::process::exit(1);
    }
    let budget = Duration::from_secs_f64(seconds);
    let parse = best(budget, || {
        std::hint::black_box(jixiao::parse_bytes(std::hint::black_box(&bytes), &options).ok());
    });
    let count = best(budget, || {
        std::hint::black_box(memchr::memchr_iter(b'\n', std::hint::black_box(&bytes)).count());
    });
    println!("{} {parse:.9} {count:.9}", bytes.len());
}
