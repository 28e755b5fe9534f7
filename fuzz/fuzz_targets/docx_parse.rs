//! Any bytes as a .docx's word/document.xml (stored in a ZIP): the Word reader returns a
//! document or an error, within its limits, and never panics.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|xml: &[u8]| {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        z.start_file("word/document.xml", stored).unwrap();
        z.write_all(xml).unwrap();
        z.finish().unwrap();
    }
    let limits = jixiao::Limits { max_cells: 100_000, ..jixiao::Limits::default() };
    let options = jixiao::ReadOptions { limits, ..jixiao::ReadOptions::default() };
    // The ZIP made here is the input: the read's allocations against its size.
    let docx = out.into_inner();
    jixiao_fuzz::within_budget(&docx, || {
        if let Ok(doc) = jixiao::parse_bytes(&docx, &options) {
            let _ = jixiao::write::json::to_string(&doc, false);
            let _ = jixiao::write::text::to_string(&doc);
        }
    });
});
