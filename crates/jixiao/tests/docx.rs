//! Word files: the sample's .docx (as shared, and rewritten the way real Word files are messy by
//! tests/fixtures/make_docx.py) reads to the same model as its text save, cell for cell; the
//! features the sample lacks read as a reader of the document would; hostile files are refused
//! within the limits.

mod common;

use std::io::Write;

use jixiao::*;

fn open(name: &str) -> Document {
    jixiao::open(common::data_dir().join(name), &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_sample_docx_reads_as_its_text_save() {
    let text = common::sample();
    for name in ["000_3e963503b18f6771.docx", "000_3e963503b18f6771-messy.docx"] {
        let doc = open(name);
        assert_eq!(common::without_lines(&doc), common::without_lines(&text), "{name}");
        // Every indicator says where it is in the Word file: a table cell.
        for (_, t) in doc.tables() {
            for (_, _, i) in t.indicators() {
                let at = doc.location(i.line);
                assert!(at.table.is_some() && at.row.is_some() && at.column.is_some(), "{name}: {} at {at}", i.name);
            }
            assert!(doc.location(t.line).paragraph.is_some(), "{name}: the title is a paragraph");
        }
    }
}

#[test]
fn where_things_are_in_a_word_file() {
    let doc = open("000_3e963503b18f6771.docx");
    let (_, first) = doc.tables().next().unwrap();
    let (_, _, ind) = first.indicators().next().unwrap();
    // The first table's first indicator is its row 3 (after the objective and the header); a
    // node stands where its row begins.
    assert_eq!(doc.location(ind.line).to_string(), "table 1, row 3, column 1");
}

#[test]
fn features_the_sample_lacks() {
    let doc = open("docx-features.docx");
    assert_eq!((doc.title.as_str(), doc.year), ("2023年部门预算绩效信息", Some(2023)));
    let s = &doc.sections[0];
    assert_eq!((s.number, s.heading.as_str()), (Some(2), "第二部分  专项资金绩效目标"), "numbered by a Chinese list");
    let t = &s.tables[0];
    assert_eq!((t.number, t.title.as_str()), (Some(1), "1、就业补助资金绩效目标表"), "the 1、 comes from numbering.xml");
    let toc = t.toc.as_ref().expect("a fldSimple TC field");
    assert_eq!((toc.text.as_str(), toc.identifier.as_deref(), toc.level), ("就业补助资金绩效目标表", Some("B"), Some(1)));
    assert_eq!(t.objective.as_deref(), Some("完成培训任务。"), "a cell over three grid columns");
    let got: Vec<(Level1, &str, Option<Comparator>, Option<f64>)> =
        t.indicators().map(|(c, _, i)| (c.level1, i.name.as_str(), i.target.comparator, i.target.value)).collect();
    assert_eq!(
        got,
        [
            (Level1::Output, "培训\n人次", Some(Comparator::Ge), Some(1500.0)),
            (Level1::Output, "合格率", Some(Comparator::Ge), Some(90.0)),
            (Level1::Satisfaction, "满意度", Some(Comparator::Ge), Some(90.0)),
        ],
        "a line break in a cell, a vertically merged 一级 cell, full-width signs, a tab"
    );
    // The nested table is kept (and reported) as a note at its cell; a page footer after the
    // table is body text that fits nowhere, also kept; the PAGE field's instruction never shows.
    let notes: Vec<(String, &str)> = doc.notes.iter().map(|n| (doc.location(n.line).to_string(), n.text.as_str())).collect();
    assert_eq!(notes, [("table 1, row 4, column 3".to_owned(), "附表\t细目"), ("paragraph 4".to_owned(), "第3页")]);
}

/// A .docx from parts, stored without compression unless `deflate`.
fn docx(parts: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let method = if deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        for (name, data) in parts {
            z.start_file(*name, options).unwrap();
            z.write_all(data).unwrap();
        }
        z.finish().unwrap();
    }
    out.into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn document(body: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#).into_bytes()
}

fn limited(limits: Limits) -> ReadOptions {
    ReadOptions { limits, path: Some("hostile.docx".into()), ..ReadOptions::default() }
}

#[test]
fn hostile_word_files_are_refused_within_the_limits() {
    // A zip bomb: 20 MB of spaces inflate from a few kilobytes.
    let bomb = document(&format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", " ".repeat(20 << 20)));
    let bytes = docx(&[("word/document.xml", &bomb)], true);
    assert!(bytes.len() < 200_000);
    let err = parse_bytes(&bytes, &limited(Limits { max_bytes: 1 << 20, ..Limits::default() })).unwrap_err();
    assert!(err.to_string().contains("hostile.docx") && err.to_string().contains("max_bytes"), "{err}");
    // Nesting deeper than the limit.
    let deep = document(&("<w:sdt><w:sdtContent>".repeat(300) + &"</w:sdtContent></w:sdt>".repeat(300)));
    let err = parse_bytes(&docx(&[("word/document.xml", &deep)], false), &limited(Limits::default())).unwrap_err();
    assert!(err.to_string().contains("max_depth"), "{err}");
    // Too many entries.
    let names: Vec<String> = (0..40).map(|i| format!("word/media/{i}.bin")).collect();
    let mut parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    let body = document("<w:p/>");
    parts.push(("word/document.xml", &body));
    let err = parse_bytes(&docx(&parts, false), &limited(Limits { max_entries: 10, ..Limits::default() })).unwrap_err();
    assert!(err.to_string().contains("max_entries"), "{err}");
    // Too many cells.
    let row = "<w:tr>".to_owned() + &"<w:tc><w:p/></w:tc>".repeat(50) + "</w:tr>";
    let table = document(&format!("<w:tbl>{}</w:tbl>", row.repeat(50)));
    let err = parse_bytes(&docx(&[("word/document.xml", &table)], true), &limited(Limits { max_cells: 1000, ..Limits::default() })).unwrap_err();
    assert!(err.to_string().contains("max_cells"), "{err}");
    // Broken XML is a clear error, not a panic.
    let broken = docx(&[("word/document.xml", b"<w:document><w:body><w:p>")], false);
    assert!(parse_bytes(&broken, &limited(Limits::default())).is_err());
}

#[test]
fn formats_are_told_from_the_content_and_old_ones_named() {
    // An old binary Word file is read by its own reader (tests/doc.rs); one that only names a
    // WordDocument stream is a damaged one.
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.extend(std::iter::repeat_n(0u8, 504));
    doc.extend("WordDocument".bytes().flat_map(|b| [b, 0]));
    doc.extend([0, 0]); // a directory entry: at a multiple of 128, the name ended by a zero unit
    let err = parse_bytes(&doc, &ReadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("a damaged Word .doc file"), "{err}");
    let err = parse_bytes(&docx(&[("hello.txt", b"hi")], false), &ReadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("neither a Word .docx nor a spreadsheet"), "{err}");
    // A .docx named .txt still reads as Word: the name never decides.
    let dir = std::env::temp_dir().join(format!("jixiao-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("renamed.txt");
    std::fs::copy(common::data_dir().join("000_3e963503b18f6771.docx"), &path).unwrap();
    assert_eq!(jixiao::open(&path, &ReadOptions::default()).unwrap().indicator_count(), 115);
    std::fs::remove_dir_all(dir).ok();
}
