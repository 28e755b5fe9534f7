//! Any bytes: the reader returns a document or an error, and a document survives the JSON and
//! text writers; written as it is read (`parse_bytes_to` with `JsonStream` or `CsvStream`) it is
//! the same JSON and CSV. Read again with encoding errors replaced, intact text reads the same
//! and a damaged one lists where it was repaired.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    jixiao_fuzz::within_budget(bytes, || {
        let strict = jixiao::parse_bytes(bytes, &jixiao::ReadOptions::default());
        if let Ok(doc) = &strict {
            let json = jixiao::write::json::to_string(doc, false).unwrap();
            assert_eq!(&jixiao::write::json::from_str(&json).unwrap(), doc);
            let _ = jixiao::write::text::to_string(doc);
            let csv = jixiao::write::csv::to_string(doc, true);
            let mut streamed = Vec::new();
            let mut stream = jixiao::write::json::JsonStream::new(&mut streamed, false, None);
            let rest = jixiao::parse_bytes_to(bytes, &jixiao::ReadOptions::default(), &mut stream).unwrap();
            stream.finish(&rest).unwrap();
            assert_eq!(String::from_utf8(streamed).unwrap(), json, "written as read, the same JSON");
            let mut streamed = Vec::new();
            let options = jixiao::write::csv::CsvOptions { bom: true, file_column: false };
            let mut stream = jixiao::write::csv::CsvStream::new(options, "", &mut streamed);
            let rest = jixiao::parse_bytes_to(bytes, &jixiao::ReadOptions::default(), &mut stream).unwrap();
            stream.finish(&rest).unwrap();
            assert_eq!(String::from_utf8(streamed).unwrap(), csv, "written as read, the same CSV");
        }
        let replacing = jixiao::ReadOptions { encoding_errors: jixiao::EncodingErrors::Replace, ..jixiao::ReadOptions::default() };
        if let Ok(doc) = jixiao::parse_bytes(bytes, &replacing) {
            match &strict {
                Ok(strict) => assert_eq!(&doc, strict, "intact input reads the same either way"),
                Err(_) => {
                    let json = jixiao::write::json::to_string(&doc, false).unwrap();
                    assert_eq!(jixiao::write::json::from_str(&json).unwrap(), doc);
                }
            }
        }
    });
});
