//! Work grows linearly with hostile input: doubling a long line of `TC` words, a wide header,
//! repeated labels, many rows or many TC fields at most about doubles the allocations the reader
//! makes (counted, not timed, so that the test means the same on any machine). Memory is
//! bounded: the reader's peak heap stays within three times a document's size.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static CALLS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);
/// Bytes allocated and not yet freed, and the most there have been since the last reset.
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn live_add(n: usize) {
    let now = LIVE.fetch_add(n, Ordering::Relaxed) + n;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        CALLS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        live_add(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        CALLS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(new_size, Ordering::Relaxed);
        // A block that grows is briefly held twice (old and new); one that shrinks is not.
        if new_size > layout.size() {
            live_add(new_size);
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// (allocation calls, bytes allocated) to parse, review and write a text.
fn work(text: &str) -> (usize, usize) {
    let (c0, b0) = (CALLS.load(Ordering::Relaxed), BYTES.load(Ordering::Relaxed));
    let doc = jixiao::parse_str(text, &jixiao::ReadOptions::default());
    if let Ok(doc) = &doc {
        let _ = jixiao::review(doc, &jixiao::ReviewConfig::new());
        let _ = jixiao::score(doc, &jixiao::ScoringRules::default());
        let _ = jixiao::write::text::to_string(doc);
    }
    (CALLS.load(Ordering::Relaxed) - c0, BYTES.load(Ordering::Relaxed) - b0)
}

const HEADER: &str = "第二部分 专项资金绩效目标\n1、甲绩效目标表\n";

/// Hostile documents of size n.
fn cases(n: usize) -> Vec<(&'static str, String)> {
    let row = "\t产出指标\n\t数量指标\n\t培训人数\n\t≥100人\n\n";
    vec![
        ("a line of TC words", format!("{HEADER}{}\n", " TC".repeat(n))),
        ("a wide header of empty cells", format!("{HEADER}\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n{}\n", "\t\n".repeat(n))),
        ("repeated 备注 labels", format!("{HEADER}\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n{}\n{row}", "\t备注\n".repeat(n / 4))),
        ("many rows", format!("{HEADER}\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n{}", row.repeat(n / 8))),
        ("many TC fields", format!("{HEADER}{}", "2、乙绩效目标表 TC 2、乙绩效目标表 \\f B \\l 1 \n".repeat(n / 16))),
        ("many tables", format!("{HEADER}{}", format!("3、丙绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n{row}").repeat(n / 32))),
        // The review's shared-objective findings once listed every other table: quadratic.
        (
            "one objective on many tables",
            format!(
                "{HEADER}{}",
                format!("4、丁绩效目标表\n\t绩效目标\n\t加强党组织建设\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n{row}").repeat(n / 32)
            ),
        ),
    ]
}

/// The counters are process-wide: the tests in this file take turns.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn doubling_hostile_input_about_doubles_the_work() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let n = 4000;
    for ((name, small), (_, large)) in cases(n).into_iter().zip(cases(2 * n)) {
        // Warm up (lazy statics), then measure.
        work(&small);
        let (calls_1, bytes_1) = work(&small);
        let (calls_2, bytes_2) = work(&large);
        let (calls, bytes) = (calls_2 as f64 / calls_1.max(1) as f64, bytes_2 as f64 / bytes_1.max(1) as f64);
        eprintln!("{name}: ×{calls:.2} allocations, ×{bytes:.2} bytes ({} → {} bytes of input)", small.len(), large.len());
        assert!(calls < 2.6, "{name}: doubling the input multiplied allocations by {calls:.2} ({calls_1} → {calls_2})");
        assert!(bytes < 2.6, "{name}: doubling the input multiplied bytes allocated by {bytes:.2} ({bytes_1} → {bytes_2})");
    }
}

/// The most heap `f` holds at once beyond what was held when it started (the counters are
/// process-wide: the tests of this file take turns, see `SERIAL`).
fn peak_of<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = f();
    (PEAK.load(Ordering::Relaxed).saturating_sub(base), out)
}

#[test]
fn memory_stays_within_three_times_the_input() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let sample = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/000_3e963503b18f6771.txt")).expect("the sample");
    let options = jixiao::ReadOptions::default();
    // A year of a department's documents: the sample forty times over. The reader's peak, the
    // model included.
    let year = sample.repeat(40);
    let (peak, doc) = peak_of(|| jixiao::parse_str(&year, &options).expect("the sample reads"));
    let ratio = peak as f64 / year.len() as f64;
    eprintln!("the sample ×40: peak {ratio:.2}× its {} bytes", year.len());
    // 2.96× while a node's place was a line number into a side list; 3.09× when each node
    // came to carry its own place (16 bytes: the sample ×40 has about 25,000 nodes, 12,240 of
    // them blank 二级 rows); 3.03× since the notes, mostly in order already, are no longer
    // sorted through a buffer at the read's peak.
    assert!(ratio <= 3.06, "reading {} bytes of documents peaked at {peak} bytes ({ratio:.2}×)", year.len());
    // Tables alone are the densest text there is (a model node every few cells): 3.3× today.
    let tables = sample.find("第二部分").expect("the sample has a part 2");
    let tables = sample[tables..].repeat(40);
    let (peak, _) = peak_of(|| jixiao::parse_str(&tables, &options).expect("the tables read"));
    let ratio = peak as f64 / tables.len() as f64;
    eprintln!("the sample's tables ×40: peak {ratio:.2}× their {} bytes", tables.len());
    // 3.17× before each node carried its own place (see above).
    assert!(ratio <= 3.35, "reading {} bytes of tables alone peaked at {peak} bytes ({ratio:.2}×)", tables.len());
    // The writers stream: neither holds the output (JSON is three times the input).
    let (peak, _) = peak_of(|| jixiao::write::json::to_writer(&doc, true, std::io::sink()));
    assert!(peak * 20 < year.len(), "JSON to a writer held {peak} bytes");
    let (peak, _) = peak_of(|| jixiao::write::text::to_writer(&doc, std::io::sink()));
    assert!(peak * 20 < year.len(), "text to a writer held {peak} bytes");
    drop(doc);

    // Hostile input: one huge cell costs at most 3× (the cell, its kept text and the folded copy
    // the grammar reads; it once cost 16×); a long line of TC words, a wide header and many
    // tiny lines cost at most a fixed amount a line beyond that.
    let h = "第二部分 专项资金绩效目标\n1、甲绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t培训人数\n\t";
    let cases = [
        ("one huge 指标值 cell", format!("{h}{}\n", "≥100人".repeat(150_000))),
        ("one huge cell of prose", format!("{h}{}\n", "进一步提高".repeat(100_000))),
        ("a line of TC words", format!("{HEADER}{}\n", " TC".repeat(300_000))),
        ("a wide header", format!("{HEADER}\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n{}\n", "\t\n".repeat(200_000))),
        ("many tiny notes", format!("{HEADER}{}", "a\n".repeat(200_000))),
    ];
    for (name, text) in cases {
        let lines = text.lines().count();
        let (peak, _) = peak_of(|| jixiao::parse_str(&text, &options));
        eprintln!("{name}: peak {peak} bytes for {} bytes in {lines} lines", text.len());
        assert!(peak <= 3 * text.len() + 192 * lines, "{name}: {peak} bytes for {} bytes in {lines} lines", text.len());
    }
}
