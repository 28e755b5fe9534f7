//! Any WordDocument and table streams as an old binary Word file: the .doc reader returns a
//! document or an error, within its limits, and never panics. The input is the two streams
//! (a 4-byte little-endian length of the first, then both), put in a compound file here, so that
//! mutations reach the FIB, the piece table and the property pages rather than the container.
#![no_main]

use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let Some((len, rest)) = input.split_first_chunk::<4>() else { return };
    let len = (u32::from_le_bytes(*len) as usize).min(rest.len());
    let (word, table) = rest.split_at(len);
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    file.create_stream("/WordDocument").unwrap().write_all(word).unwrap();
    // Both table streams: the FIB's flag picks one.
    file.create_stream("/1Table").unwrap().write_all(table).unwrap();
    file.create_stream("/0Table").unwrap().write_all(table).unwrap();
    file.flush().unwrap();
    let bytes = file.into_inner().into_inner();
    let limits = jixiao::Limits { max_cells: 100_000, ..jixiao::Limits::default() };
    let options = jixiao::ReadOptions { format: jixiao::Format::Doc, limits, ..jixiao::ReadOptions::default() };
    // The compound file made here is the input: the read's allocations against its size.
    jixiao_fuzz::within_budget(&bytes, || {
        if let Ok(doc) = jixiao::parse_bytes(&bytes, &options) {
            let _ = jixiao::write::json::to_string(&doc, false);
            let _ = jixiao::write::text::to_string(&doc);
        }
    });
});
