//! Any bytes, seeded with real workbooks (.xlsx, .xls, .ods): the spreadsheet reader returns a
//! document or an error and never panics; a document survives the xlsx writer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let limits = jixiao::Limits { max_cells: 100_000, max_bytes: 64 << 20, ..jixiao::Limits::default() };
    let options = jixiao::ReadOptions { format: jixiao::Format::Xlsx, limits, ..jixiao::ReadOptions::default() };
    if let Ok(doc) = jixiao::parse_bytes(bytes, &options) {
        let _ = jixiao::write::xlsx::to_bytes(&doc);
    }
});
