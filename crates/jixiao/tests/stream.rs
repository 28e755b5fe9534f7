//! A document written as it is read (`parse_bytes_to` with `JsonStream`) is the same JSON as
//! the whole document written at once, and a text save's tables are really handed on as read.

mod common;

use jixiao::write::json::{JsonStream, to_writer};
use jixiao::{Document, ReadOptions, Table, TableSink};

/// Counts what goes by on its way to the JSON stream.
struct Counted<W: std::io::Write> {
    json: JsonStream<W>,
    tables: usize,
}

impl<W: std::io::Write> TableSink for Counted<W> {
    fn table(&mut self, doc: &Document, section: usize, table: Table) -> std::io::Result<()> {
        // The head is final and the table's part is there.
        assert!(section < doc.sections.len());
        self.tables += 1;
        self.json.table(doc, section, table)
    }
}

/// The streamed JSON (pretty and compact) against the whole document's, and how many tables
/// were handed on as read.
fn streamed(bytes: &[u8], options: &ReadOptions) -> usize {
    let whole = jixiao::parse_bytes(bytes, options).expect("it parses");
    let mut handed = None;
    for pretty in [true, false] {
        for file in [None, Some("dir/a.txt".to_owned())] {
            let mut expected = Vec::new();
            let mut named = whole.clone();
            named.file = file.clone();
            to_writer(&named, pretty, &mut expected).unwrap();
            let mut out = Vec::new();
            let (rest, tables) = {
                let mut sink = Counted { json: JsonStream::new(&mut out, pretty, file), tables: 0 };
                let rest = jixiao::parse_bytes_to(bytes, options, &mut sink).expect("it parses");
                sink.json.finish(&rest).unwrap();
                (rest, sink.tables)
            };
            assert_eq!(String::from_utf8(out).unwrap(), String::from_utf8(expected).unwrap(), "pretty {pretty}");
            // What was handed on is not in the document returned; the rest is all there.
            assert_eq!(tables + rest.tables().count(), whole.tables().count());
            assert_eq!((rest.notes.len(), rest.sections.len()), (whole.notes.len(), whole.sections.len()));
            handed = Some(tables);
        }
    }
    handed.unwrap_or_default()
}

const HEAD: &str = "2020年部门预算绩效信息\n";
const OVERVIEW: &str = "第一部分 部门整体绩效目标\n一、总体绩效目标\n提高服务水平。\n";
const EMPTY_OVERVIEW: &str = "第一部分 部门整体绩效目标\n";
const PART: &str = "第二部分 专项资金绩效目标\n";
const OTHER_PART: &str = "第三部分 预算项目绩效目标\n";

fn table(n: usize) -> String {
    format!("{n}、测试项目{n}绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t培训人数\n\t≥{n}00人\n\n\t未知\n")
}

fn text(parts: &[&str]) -> Vec<u8> {
    parts.concat().into_bytes()
}

#[test]
fn the_sample_goes_out_table_by_table_as_the_same_json() {
    assert_eq!(streamed(&common::sample_bytes(), &ReadOptions::default()), 34);
    // Repeated, its later 整体 parts are notes: the head is final after the first.
    let twice = [common::sample_bytes(), common::sample_bytes()].concat();
    assert_eq!(streamed(&twice, &ReadOptions::default()), 68);
}

#[test]
fn every_text_of_the_corpus_is_the_same_json_streamed() {
    let mut texts = 0;
    for entry in walk(&common::data_dir()) {
        let bytes = std::fs::read(&entry).unwrap();
        let options = ReadOptions { encoding_errors: jixiao::EncodingErrors::Replace, ..ReadOptions::default() };
        if jixiao::read::detect(&bytes, &options) == jixiao::Format::Text && jixiao::parse_bytes(&bytes, &options).is_ok() {
            streamed(&bytes, &options);
            texts += 1;
        }
    }
    assert!(texts >= 10, "{texts} texts");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { files.extend(walk(&path)) } else { files.push(path) }
    }
    files.sort();
    files
}

#[test]
fn parts_without_tables_and_tables_outside_parts_keep_their_places() {
    let t = |n| table(n);
    let o = ReadOptions::default();
    // Tables before any part go into a part of their own.
    assert_eq!(streamed(&text(&[HEAD, &t(1), &t(2), PART, &t(3)]), &o), 3);
    // Parts with no table: first, between, last.
    assert_eq!(streamed(&text(&[HEAD, OVERVIEW, PART, OTHER_PART, &t(1), PART, PART, &t(2), OTHER_PART]), &o), 2);
    // No table at all, and an overview alone.
    assert_eq!(streamed(&text(&[HEAD, PART, OTHER_PART]), &o), 0);
    assert_eq!(streamed(&text(&[HEAD, OVERVIEW]), &o), 0);
}

#[test]
fn an_overview_set_only_after_a_table_keeps_every_table_in_the_document() {
    let o = ReadOptions::default();
    // After a table: the head is not final until the end.
    assert_eq!(streamed(&text(&[HEAD, PART, &table(1), OVERVIEW, &table(2)]), &o), 0);
    // A 整体 heading with a table right under it is a part with tables; a later one is the overview.
    assert_eq!(streamed(&text(&[HEAD, EMPTY_OVERVIEW, &table(1), OVERVIEW]), &o), 0);
    // The overview closed by a part heading, or by a table after its prose, is set in time.
    assert_eq!(streamed(&text(&[HEAD, EMPTY_OVERVIEW, PART, &table(1), OVERVIEW]), &o), 1);
    assert_eq!(streamed(&text(&[HEAD, OVERVIEW, &table(1), OVERVIEW]), &o), 1);
    // A 整体 heading with a table right under it, and no other: nothing is set later.
    assert_eq!(streamed(&text(&[HEAD, EMPTY_OVERVIEW, &table(1)]), &o), 1);
}

#[test]
fn other_formats_are_the_same_json_with_their_tables_handed_on() {
    // Word files, web pages, PDFs and workbooks go through the block stream and hand each table
    // on once the overview is read (the sample's part 1 comes first; a workbook has none): every
    // table goes by.
    for name in [
        "000_3e963503b18f6771.docx",
        "published/000_3e963503b18f6771.doc",
        "published/000_3e963503b18f6771.html",
        "published/000_3e963503b18f6771.pdf",
        "000_3e963503b18f6771-grid.xlsx",
        "sheets-features.xls",
        "sheets-features.ods",
    ] {
        let bytes = std::fs::read(common::data_dir().join(name)).unwrap();
        let whole = jixiao::parse_bytes(&bytes, &ReadOptions::default()).unwrap().tables().count();
        assert!(whole > 0, "{name}");
        assert_eq!(streamed(&bytes, &ReadOptions::default()), whole, "{name}");
    }
}

/// Fails once `room` bytes were written.
struct Full {
    room: usize,
}

impl std::io::Write for Full {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if buf.len() > self.room {
            return Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "no room"));
        }
        self.room -= buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn an_output_that_fails_stops_the_reading_with_a_write_error() {
    let bytes = [common::sample_bytes(), common::sample_bytes()].concat();
    let mut sink = JsonStream::new(Full { room: 100_000 }, false, None);
    let err = jixiao::parse_bytes_to(&bytes, &ReadOptions::default(), &mut sink).unwrap_err();
    assert!(matches!(err, jixiao::Error::Write(_)), "{err}");
    assert!(err.to_string().contains("no room"), "{err}");
}

/// Under a memory budget the read could pass, no table is handed on before the read is over:
/// past the budget nothing was handed on (the error never follows half the output), and
/// within it the tables stay in the document returned. Under the default budget they go on
/// as read.
#[test]
fn no_table_goes_on_before_a_read_that_may_pass_its_budget() {
    let bytes = common::sample_bytes();
    let handed = |max_memory: Option<u64>| {
        let options = ReadOptions { limits: jixiao::Limits { max_memory, ..jixiao::Limits::default() }, ..ReadOptions::default() };
        let mut sink = Counted { json: JsonStream::new(Vec::new(), false, None), tables: 0 };
        let read = jixiao::parse_bytes_to(&bytes, &options, &mut sink);
        (sink.tables, read.map(|d| d.tables().count()))
    };
    let (before, read) = handed(Some(bytes.len() as u64 * 2));
    assert_eq!(before, 0);
    assert!(read.unwrap_err().to_string().contains("max_memory"));
    let (before, kept) = handed(Some(bytes.len() as u64 * 10));
    assert_eq!((before, kept.unwrap()), (0, 34));
    let (before, kept) = handed(None);
    assert_eq!((before, kept.unwrap()), (34, 0));
}

/// The fields after the parts that are there only sometimes: bytes replaced in a damaged text and
/// radicals folded, pretty and compact, with and without `file`.
#[test]
fn replaced_bytes_and_folded_chars_follow_the_parts_as_written_whole() {
    let mut bytes = text(&[HEAD, PART, &table(1), OTHER_PART, &table(2).replace("培训", "培⼈")]);
    bytes.splice(HEAD.len() + 3..HEAD.len() + 3, [0xC3, b'x']);
    let options = ReadOptions { encoding_errors: jixiao::EncodingErrors::Replace, ..ReadOptions::default() };
    let whole = jixiao::parse_bytes(&bytes, &options).expect("it reads with replacements");
    assert!(!whole.replaced_bytes.is_empty() && whole.folded_chars > 0, "{:?} {}", whole.replaced_bytes, whole.folded_chars);
    assert_eq!(streamed(&bytes, &options), 2);
}
