#![allow(dead_code)]
//! Helpers shared by the integration tests.

pub mod generate;
pub mod hostile;
pub mod pdf;

use std::path::PathBuf;

use jixiao::{Document, Indicator, Places};

pub const SAMPLE: &str = "000_3e963503b18f6771.txt";

/// A text save of `rows` under `head` (part heading, title …): a cell per TAB line, a blank line
/// after each row, as Word writes a table.
pub fn text_save<R: AsRef<[S]>, S: AsRef<str>>(head: &str, rows: &[R]) -> String {
    let mut text = head.to_owned();
    for r in rows {
        for c in r.as_ref() {
            text.push_str(&format!("\t{}\n", c.as_ref()));
        }
        text.push('\n');
    }
    text
}

pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data")
}

pub fn sample_bytes() -> Vec<u8> {
    std::fs::read(data_dir().join(SAMPLE)).expect("the sample is in tests/data")
}

pub fn sample() -> Document {
    jixiao::parse_bytes(&sample_bytes(), &jixiao::ReadOptions::default()).expect("the sample parses")
}

/// The same document with every location cleared: for comparing models read from different
/// layouts or formats.
pub fn without_lines(doc: &Document) -> Document {
    let mut d = doc.clone();
    d.places_mut(&mut |l| *l = jixiao::Location::default());
    d
}

/// Every node's location, in the order the model holds them.
pub fn places(doc: &Document) -> Vec<jixiao::Location> {
    let mut out = Vec::new();
    doc.clone().places_mut(&mut |l| out.push(l.clone()));
    out
}

/// Every document in tests/data (and the real tables in tests/data/real, the published formats
/// in tests/data/published) that jixiao reads.
pub fn corpus() -> Vec<(String, Document)> {
    let mut out = Vec::new();
    let real = std::fs::read_dir(data_dir().join("real")).expect("tests/data/real exists");
    let published = std::fs::read_dir(data_dir().join("published")).expect("tests/data/published exists");
    for entry in std::fs::read_dir(data_dir()).expect("tests/data exists").chain(real).chain(published) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() || path.to_string_lossy().ends_with(".source.txt") {
            continue;
        }
        if let Ok(doc) = jixiao::open(&path, &jixiao::ReadOptions::default()) {
            out.push((path.file_name().unwrap().to_string_lossy().into_owned(), doc));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Every indicator with its table number and categories, its line left out: for comparing the
/// indicators read from two formats, cell for cell.
pub fn indicators(doc: &Document) -> Vec<(Option<u32>, String, String, Indicator)> {
    let mut out = Vec::new();
    for (_, t) in doc.tables() {
        for (c, s, i) in t.indicators() {
            let mut i = i.clone();
            i.location = jixiao::Location::default();
            out.push((t.number, c.label.clone(), s.label.clone(), i));
        }
    }
    out
}

/// [`without_lines`], with every TC entry left out too: formats that lose or rewrite TC fields
/// (LibreOffice's .doc and HTML, any PDF) compare with the text save on everything else.
pub fn without_lines_or_tocs(doc: &Document) -> Document {
    let mut d = without_lines(doc);
    if let Some(o) = &mut d.overview {
        o.toc = None;
        o.subheadings.iter_mut().for_each(|h| h.toc = None);
    }
    for s in &mut d.sections {
        s.toc = None;
        s.tables.iter_mut().for_each(|t| t.toc = None);
    }
    d
}
pub mod sheets;
