//! Work grows linearly with hostile input: doubling a long line of `TC` words, a wide header,
//! repeated labels, many rows or many TC fields at most about doubles the allocations the reader
//! makes (counted, not timed, so that the test means the same on any machine).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static CALLS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        CALLS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        CALLS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(new_size, Ordering::Relaxed);
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
        ("one objective on many tables", format!("{HEADER}{}", format!("4、丁绩效目标表\n\t绩效目标\n\t加强党组织建设\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n{row}").repeat(n / 32))),
    ]
}

#[test]
fn doubling_hostile_input_about_doubles_the_work() {
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
