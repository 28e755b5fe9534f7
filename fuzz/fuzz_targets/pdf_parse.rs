//! Any bytes as a PDF: the PDF reader returns a document or an error, within its limits, and
//! never panics (pdfplumber's own panics are caught at the reader and are the file's error, but
//! the fuzzer still reports them, so that they are seen).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|pdf: &[u8]| {
    jixiao_fuzz::within_budget(pdf, || {
        let limits = jixiao::Limits { max_cells: 100_000, max_entries: 200, ..jixiao::Limits::default() };
        let options = jixiao::ReadOptions { format: jixiao::Format::Pdf, limits, ..jixiao::ReadOptions::default() };
        if let Ok(doc) = jixiao::parse_bytes(pdf, &options) {
            let _ = jixiao::write::json::to_string(&doc, false);
            let _ = jixiao::write::text::to_string(&doc);
        }
    });
});
