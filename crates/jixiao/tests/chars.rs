//! Characters: every reader folds Kangxi radicals, CJK Radicals Supplement forms and CJK
//! compatibility ideographs to the unified ideograph they stand for, in the stored text too,
//! and counts them in `Document::folded_chars`; nothing else is normalised. Each format of the
//! sample is read with `一`, `目`, `人` and `母` written as `⼀` (U+2F00), `⽬` (U+2F6C), `⼈`
//! (U+2F08) and `⺟` (U+2E9F, a Radicals Supplement form), and `年` as the compatibility ideograph
//! U+F98E: the model must be the one the file itself reads as.

mod common;

use std::io::{Read, Write};

use jixiao::*;

const VARIANTS: [(char, char); 5] = [('一', '\u{2F00}'), ('目', '\u{2F6C}'), ('人', '\u{2F08}'), ('母', '\u{2E9F}'), ('年', '\u{F98E}')];

/// The text with the ideographs above written as their variants, and how many were.
fn varied(text: &str) -> (String, usize) {
    let mut n = 0;
    let out = text
        .chars()
        .map(|c| match VARIANTS.iter().find(|v| v.0 == c) {
            Some(v) => {
                n += 1;
                v.1
            }
            None => c,
        })
        .collect();
    (out, n)
}

fn read(bytes: &[u8]) -> Document {
    parse_bytes(bytes, &ReadOptions::default()).expect("reads")
}

/// The models of the file as it is and with the variants, with its count of folds, `folded`.
fn compare(name: &str, original: &[u8], variant: &[u8], folded: Option<usize>) {
    let (want, mut got) = (read(original), read(variant));
    assert_eq!(want.folded_chars, 0, "{name}");
    assert!(got.folded_chars > 0, "{name}: nothing folded");
    if let Some(n) = folded {
        assert_eq!(got.folded_chars, n, "{name}");
    }
    got.folded_chars = 0;
    assert!(got == want, "{name}: the variants read as another model");
    assert!(want.indicator_count() > 0, "{name}");
}

#[test]
fn a_text_save_and_a_web_page_fold_every_variant() {
    let text = String::from_utf8(common::sample_bytes()).unwrap();
    assert!(text.contains('①'), "the sample has circled numbers, which stay");
    let (v, n) = varied(&text);
    assert!(n > 300, "{n}");
    compare("text save", text.as_bytes(), v.as_bytes(), Some(n));
    let page = std::fs::read_to_string(common::data_dir().join("published/000_3e963503b18f6771.html")).unwrap();
    let (v, n) = varied(&page);
    compare("web page", page.as_bytes(), v.as_bytes(), Some(n));
}

/// Every XML part of a zip (.docx, .xlsx) with the variants.
fn varied_zip(bytes: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let name = part.name().unwrap().into_owned();
        let mut data = Vec::new();
        part.read_to_end(&mut data).unwrap();
        if name.ends_with(".xml") {
            data = varied(&String::from_utf8(data).unwrap()).0.into_bytes();
        }
        z.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        z.write_all(&data).unwrap();
    }
    z.finish().unwrap();
    out.into_inner()
}

#[test]
fn a_word_file_and_a_workbook_fold_every_variant() {
    for name in ["000_3e963503b18f6771.docx", "000_3e963503b18f6771-grid.xlsx"] {
        let bytes = std::fs::read(common::data_dir().join(name)).unwrap();
        compare(name, &bytes, &varied_zip(&bytes), None);
    }
}

#[test]
fn other_characters_are_not_normalised() {
    let text = String::from_utf8(common::sample_bytes()).unwrap();
    // Full-width forms, circled numbers and squared units are the author's: the stored text
    // keeps them (only the radicals and compatibility ideographs fold).
    let marked = text.replacen("2020年部门预算绩效信息", "２０２０年部门预算绩效信息①㎡", 1);
    let doc = read(marked.as_bytes());
    assert_eq!((doc.title.as_str(), doc.folded_chars), ("２０２０年部门预算绩效信息①㎡", 0));
}

/// A text save streamed to JSON table by table ends with the same count as the whole document.
#[test]
fn the_json_stream_carries_the_count() {
    use jixiao::write::json::{JsonStream, to_writer};
    let (v, n) = varied(&String::from_utf8(common::sample_bytes()).unwrap());
    let whole = read(v.as_bytes());
    let mut expected = Vec::new();
    to_writer(&whole, false, &mut expected).unwrap();
    let mut out = Vec::new();
    let mut sink = JsonStream::new(&mut out, false, None);
    let rest = jixiao::parse_bytes_to(v.as_bytes(), &ReadOptions::default(), &mut sink).unwrap();
    sink.finish(&rest).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), String::from_utf8(expected.clone()).unwrap());
    assert!(String::from_utf8(expected).unwrap().ends_with(&format!(",\"folded_chars\":{n}}}")));
}
