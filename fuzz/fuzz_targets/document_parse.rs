//! Any bytes: the reader returns a document or an error, and a document survives the JSON and
//! text writers.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(doc) = jixiao::parse_bytes(bytes, &jixiao::ReadOptions::default()) {
        let json = jixiao::write::json::to_string(&doc, false).unwrap();
        assert_eq!(jixiao::write::json::from_str(&json).unwrap(), doc);
        let _ = jixiao::write::text::to_string(&doc);
        let _ = jixiao::write::csv::to_string(&doc, true);
    }
});
