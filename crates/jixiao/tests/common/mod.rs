#![allow(dead_code)]
//! Helpers shared by the integration tests.

pub mod generate;
pub mod hostile;
pub mod pdf;

use std::path::PathBuf;

use jixiao::{Document, Indicator};

pub const SAMPLE: &str = "000_3e963503b18f6771.txt";

pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data")
}

pub fn sample_bytes() -> Vec<u8> {
    std::fs::read(data_dir().join(SAMPLE)).expect("the sample is in tests/data")
}

pub fn sample() -> Document {
    jixiao::parse_bytes(&sample_bytes(), &jixiao::ReadOptions::default()).expect("the sample parses")
}

/// The same document with every `line` set to 0 and no locations: for comparing models read
/// from different layouts or formats.
pub fn without_lines(doc: &Document) -> Document {
    let mut d = doc.clone();
    if let Some(ov) = &mut d.overview {
        ov.line = 0;
        ov.goals.iter_mut().for_each(|g| {
            g.line = 0;
            g.items.iter_mut().for_each(|i| i.line = 0);
        });
        ov.responsibilities.iter_mut().for_each(|r| r.line = 0);
        ov.safeguards.iter_mut().for_each(|s| s.line = 0);
        ov.subheadings.iter_mut().for_each(|h| h.line = 0);
    }
    for s in &mut d.sections {
        s.line = 0;
        for t in &mut s.tables {
            t.line = 0;
            if let Some(f) = &mut t.funds {
                f.line = 0;
                f.rows.iter_mut().for_each(|r| r.line = 0);
            }
            t.remarks.iter_mut().for_each(|r| r.line = 0);
            t.duties.iter_mut().for_each(|r| r.line = 0);
            t.subtotals.iter_mut().for_each(|r| r.line = 0);
            for c in &mut t.categories {
                c.line = 0;
                for sc in &mut c.children {
                    sc.line = 0;
                    sc.indicators.iter_mut().for_each(|i| i.line = 0);
                }
            }
        }
    }
    d.notes.iter_mut().for_each(|n| n.line = 0);
    d.locations.clear();
    d
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
            i.line = 0;
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
