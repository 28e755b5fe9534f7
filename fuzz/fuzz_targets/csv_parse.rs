//! Any bytes as CSV, seeded with LibreOffice's GBK CSV of the sample's sheets and jixiao's own
//! CSV: the CSV reader returns a document or an error, within its limits, and never panics; a
//! document survives the CSV and text writers.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|csv: &[u8]| {
    jixiao_fuzz::within_budget(csv, || {
        let limits = jixiao::Limits { max_cells: 100_000, ..jixiao::Limits::default() };
        let options = jixiao::ReadOptions { format: jixiao::Format::Csv, limits, ..jixiao::ReadOptions::default() };
        if let Ok(doc) = jixiao::parse_bytes(csv, &options) {
            let _ = jixiao::write::csv::to_string(&doc, false);
            let _ = jixiao::write::text::to_string(&doc);
        }
    });
});
