//! Any bytes, seeded with real workbooks (.xlsx, .xls, .ods, Excel 2003 XML): the spreadsheet reader returns a
//! document or an error and never panics out of jixiao; a document survives the xlsx writer.
#![no_main]

use libfuzzer_sys::fuzz_target;

static QUIET: std::sync::Once = std::sync::Once::new();

fuzz_target!(|bytes: &[u8]| {
    jixiao_fuzz::within_budget(bytes, || {
        // calamine panics on some damaged files; the reader catches that and returns the file's
        // error. libFuzzer's hook would abort first, so it is replaced: a panic that escapes jixiao
        // still crashes (it cannot unwind out of the fuzzer's callback) and is reported.
        QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
        let limits = jixiao::Limits { max_cells: 100_000, max_bytes: 64 << 20, ..jixiao::Limits::default() };
        let options = jixiao::ReadOptions { format: jixiao::Format::Xlsx, limits, ..jixiao::ReadOptions::default() };
        if let Ok(doc) = jixiao::parse_bytes(bytes, &options) {
            let _ = jixiao::write::xlsx::to_bytes(&doc);
        }
    });
});
