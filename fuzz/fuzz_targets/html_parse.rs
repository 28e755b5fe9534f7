//! Any bytes as a web page: the HTML reader returns a document or an error, within its limits,
//! and never panics; what it reads writes out as text and JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|page: &[u8]| {
    jixiao_fuzz::within_budget(page, || {
        let limits = jixiao::Limits { max_cells: 100_000, ..jixiao::Limits::default() };
        let options = jixiao::ReadOptions { format: jixiao::Format::Html, limits, ..jixiao::ReadOptions::default() };
        if let Ok(doc) = jixiao::parse_bytes(page, &options) {
            let _ = jixiao::write::json::to_string(&doc, false);
            let _ = jixiao::write::text::to_string(&doc);
        }
    });
});
