//! Any bytes as a PDF file that jixiao opens itself: the file is read a window at a time with its
//! Type 1 font programs cut (`read/pdf/cut.rs`), and read again whole when it cannot be cut or a
//! font needs a program. The read never panics, and when both reads succeed the file gives the
//! model its bytes give.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|pdf: &[u8]| {
    jixiao_fuzz::within_budget(pdf, || {
        let limits = jixiao::Limits { max_cells: 100_000, max_entries: 200, ..jixiao::Limits::default() };
        let options = jixiao::ReadOptions { format: jixiao::Format::Pdf, limits, ..jixiao::ReadOptions::default() };
        let path = std::env::temp_dir().join(format!("jixiao-fuzz-pdf-open-{}.pdf", std::process::id()));
        std::fs::write(&path, pdf).expect("a temporary file");
        let opened = jixiao::open(&path, &options);
        let _ = std::fs::remove_file(&path);
        // The bytes named as the file is, so that the two documents say the same source.
        let named = jixiao::ReadOptions { path: Some(path.display().to_string()), ..options };
        if let (Ok(opened), Ok(read)) = (opened, jixiao::parse_bytes(pdf, &named)) {
            let json = |doc| jixiao::write::json::to_string(doc, false).ok();
            assert_eq!(json(&opened), json(&read), "the file reads as its bytes");
        }
    });
});
