//! Property tests: JSON and text round trips of generated documents.

mod common;

use common::generate::*;
use common::without_lines;
use jixiao::*;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn json_round_trip(doc in document(), value in any::<f64>().prop_filter("finite", |v| v.is_finite())) {
        let mut doc = doc;
        if let Some(t) = doc.sections.iter_mut().flat_map(|s| &mut s.tables).next() {
            t.location = Location::cell("专项1", 6, 2);
        }
        let mut target = Target::parse("≥1人");
        target.value = Some(value);
        doc.notes.push(Note { location: Location::table_cell(3, 4, 2).on_page(5), text: format!("{value}") });
        let json = write::json::to_string(&doc, false).unwrap();
        prop_assert_eq!(&write::json::from_str(&json).unwrap(), &doc);
        let json: serde_json::Value = serde_json::to_value(&target).unwrap();
        prop_assert_eq!(serde_json::from_value::<Target>(json).unwrap(), target);
    }

    #[test]
    fn xlsx_round_trip(doc in document()) {
        // A workbook holds the tables: each comes back the same, apart from lines and places.
        let bytes = write::xlsx::to_bytes_with(&doc, &write::xlsx::XlsxOptions { keep_columns: true }).unwrap();
        let again = parse_bytes(&bytes, &ReadOptions::default()).unwrap();
        prop_assert!(again.notes.is_empty(), "unplaced: {:?}", again.notes);
        let tables = |d: &Document| without_lines(d).sections.iter().flat_map(|s| s.tables.clone()).collect::<Vec<_>>();
        prop_assert_eq!(tables(&again), tables(&doc));
    }

    /// Notes that look like structure (a part heading, a table title, a cell, a TC field, a
    /// form feed) come back as the notes they are, with or without a document title.
    #[test]
    fn text_round_trip_keeps_notes_that_look_like_structure(doc in document(), notes in proptest::collection::vec(note_text(), 1..6), titled in any::<bool>()) {
        let mut doc = doc;
        if !titled {
            doc.title.clear();
            doc.year = None;
        }
        doc.notes = notes.iter().map(|t| Note { location: Location::line(0), text: t.clone() }).collect();
        let text = write::text::to_string(&doc);
        let again = parse_str(&text, &ReadOptions::default()).unwrap();
        let back: Vec<&str> = again.notes.iter().map(|n| n.text.as_str()).collect();
        prop_assert_eq!(back, notes.iter().map(String::as_str).collect::<Vec<_>>(), "{}", text);
        prop_assert_eq!(without_lines(&again), without_lines(&doc), "{}", text);
    }

    #[test]
    fn text_round_trip(doc in document()) {
        let text = write::text::to_string(&doc);
        let again = parse_str(&text, &ReadOptions::default()).unwrap();
        prop_assert!(again.notes.is_empty(), "unplaced: {:?}\n{}", again.notes, text);
        prop_assert_eq!(without_lines(&again), without_lines(&doc), "{}", text);
        prop_assert_eq!(write::text::to_string(&again), text);
    }
}

/// Inputs fuzzing found (tests/data/regressions), each with what it must give: a document (the
/// default, for any file not listed) or an error naming the file and saying this. A document's
/// JSON reads back equal, and the text and .xlsx writers take it (the .xlsx writer refuses the
/// 65,536-column table by name). The first
/// needed serde_json's float_roundtrip: a funds amount's value_yuan did not come back bit for bit
/// from the default float parser; xls-65536-columns.bin made a column count wrap in the .xlsx
/// writer. An input that starts to fail, or fails otherwise, fails this test.
#[test]
fn fuzz_regressions_round_trip() {
    const REFUSED: &[(&str, &str)] = &[
        ("xls-calamine-panic.bin", "unsupported format: an OLE compound file whose directory names no Word or Excel stream"),
        ("xls-cells-far-apart.bin", "the 4293722559 cells the sheets span from their first cell to their last exceeds the limit of 2000000"),
        ("xls-declares-billions.bin", "the 536871115 cells the sheets declare exceeds the limit of 2000000"),
        ("pdf-page-tree-loop.bin", "a damaged PDF file: its page tree loops (a page's /Parent chain comes back to itself)"),
        ("pdf-glyphs-shifted-table.bin", "the glyphs and rulings the PDF's pages draw (1193161 on page 1"),
        ("xls-sheet-read-as-calamine-reads-it.bin", "the 263659468 cells the sheets span from their first cell to their last exceeds the limit of 2000000"),
    ];
    // A small file that builds a model past the default budget (64 × its size): a row out to
    // column 65,536, which once made a column count wrap in the .xlsx writer.
    const OVER_BUDGET: &[&str] = &["xls-65536-columns.bin"];
    let dir = common::data_dir().join("regressions");
    let mut names: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    for (name, _) in REFUSED {
        assert!(names.iter().any(|n| n == name), "{name} is not in tests/data/regressions");
    }
    let mut read = 0;
    for name in &names {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let mut options = ReadOptions { path: Some(name.clone()), ..ReadOptions::default() };
        if OVER_BUDGET.contains(&name.as_str()) {
            // Past the default memory budget for its size, and read whole with a larger one.
            let e = parse_bytes(&bytes, &options).expect_err("over the default budget");
            assert!(e.to_string().contains("max_memory"), "{name}: {e}");
            options.limits.max_memory = Some(1 << 30);
        }
        let result = parse_bytes(&bytes, &options);
        match (REFUSED.iter().find(|(n, _)| n == name), result) {
            (Some((_, why)), Err(e)) => assert!(e.to_string().starts_with(&format!("{name}: ")) && e.to_string().contains(why), "{name}: {e}"),
            (Some(_), Ok(_)) => panic!("{name} reads now: move it out of REFUSED if that is the fix"),
            (None, Err(e)) => panic!("{name} no longer reads: {e}"),
            (None, Ok(doc)) => {
                let json = write::json::to_string(&doc, false).unwrap();
                assert_eq!(write::json::from_str(&json).unwrap(), doc, "{name}");
                // The text writer takes it, and so does the .xlsx writer, each reading back.
                assert!(!write::text::to_string(&doc).is_empty(), "{name}");
                match (write::xlsx::to_bytes(&doc), *name == "xls-65536-columns.bin") {
                    (Ok(_), false) => reads_back_from_text_and_xlsx(name, &doc),
                    // A table wider than a sheet is refused, by name, never cut.
                    (Err(e), true) => assert!(e.to_string().contains("has 65536 columns, more than Excel's 16384"), "{name}: {e}"),
                    (written, _) => panic!("{name}: the .xlsx writer gave {:?}", written.map(|b| b.len())),
                }
                read += 1;
            }
        }
    }
    assert_eq!(read, names.len() - REFUSED.len());
    assert!(read >= 2);
}

/// A table from hand-written JSON with indicators but no header still writes its indicators.
#[test]
fn indicators_without_columns_are_written() {
    let mut doc = common::sample();
    let t = &mut doc.sections[0].tables[0];
    t.columns.clear();
    let names: Vec<String> = t.indicators().map(|(_, _, i)| i.name.clone()).collect();
    let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    let back: Vec<String> = again.sections[0].tables[0].indicators().map(|(_, _, i)| i.name.clone()).collect();
    assert_eq!(back, names);
    assert!(!names.is_empty());
}

/// JSON built by hand with no header (`"columns": []`) still writes every indicator, the
/// self-evaluation fields included, and reads back to the same values.
#[test]
fn tables_without_columns_write_every_field() {
    let mut doc = jixiao::open(common::data_dir().join("selfeval-2023.txt"), &ReadOptions::default()).unwrap();
    let table = &mut doc.sections[0].tables[0];
    table.columns.clear();
    let fields = |d: &Document| {
        d.tables()
            .flat_map(|(_, t)| {
                t.indicators()
                    .map(|(_, _, i)| {
                        (i.name.clone(), i.target.raw.clone(), i.actual.as_ref().map(|a| a.raw.clone()), i.weight, i.reported_score, i.deviation.clone())
                    })
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    assert_eq!(fields(&again), fields(&doc));
    assert!(fields(&doc).iter().all(|f| f.2.is_some() && f.3.is_some() && f.4.is_some()));
}

/// An overview written as text gets no subheading the source did not have, and reads back the
/// same: goals alone need none; responsibilities and safeguards need theirs to be told apart.
#[test]
fn overviews_get_no_invented_subheadings() {
    let text = "2020年部门预算绩效信息\n第一部分  部门整体绩效目标\n引言一段。\n\n1、推动就业\n\n（1）开展培训\n\n第二部分  专项资金绩效目标\n";
    let doc = parse_str(text, &ReadOptions::default()).unwrap();
    let ov = doc.overview.as_ref().unwrap();
    assert!(ov.subheadings.is_empty() && ov.goals.len() == 1 && ov.intro == "引言一段。");
    let written = write::text::to_string(&doc);
    assert!(!written.contains("（一）") && !written.contains("（二）") && !written.contains("职责分类"), "{written}");
    let again = parse_str(&written, &ReadOptions::default()).unwrap();
    assert_eq!(without_lines(&again).overview, without_lines(&doc).overview);
    // With responsibilities, their subheading is needed and written.
    let mut doc = doc;
    doc.overview.as_mut().unwrap().responsibilities.push(Responsibility {
        number: 1,
        name: "负责培训".into(),
        description: "全年培训".into(),
        location: Location::line(0),
    });
    let written = write::text::to_string(&doc);
    assert!(written.contains("（二）分项绩效目标") && !written.contains("（一）"), "{written}");
    let again = parse_str(&written, &ReadOptions::default()).unwrap();
    assert_eq!(again.overview.unwrap().responsibilities.len(), 1);
}

/// Notes written as text read back as notes: a cell line, a TC field, a row label and prose
/// that after the last table would have become its rows, a category or its TC field.
#[test]
fn notes_read_back_as_notes() {
    let mut doc = common::sample();
    let notes = ["说明：以上数据为预估", "\t产出指标", " TC 附表 \\f B \\l 1 ", "\t指标1", "附件：绩效目标申报说明"];
    doc.notes = notes.iter().map(|t| Note { location: Location::line(0), text: (*t).into() }).collect();
    let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    let back: Vec<String> = again.notes.iter().map(|n| n.text.clone()).collect();
    assert_eq!(back, notes.iter().map(|t| t.to_string()).collect::<Vec<_>>());
    assert_eq!(without_lines(&again).sections, without_lines(&doc).sections);
}

/// An inline list (一是…二是…) is written back on one line as it was, and `（n）` items on theirs.
#[test]
fn inline_lists_are_written_inline() {
    let text =
        "2020年部门预算绩效信息\n第一部分  部门整体绩效目标\n1、推动就业\n\n一是开展培训；二是发放补贴。\n\n（3）做好宣传\n\n第二部分  专项资金绩效目标\n";
    let doc = parse_str(text, &ReadOptions::default()).unwrap();
    let items = &doc.overview.as_ref().unwrap().goals[0].items;
    assert_eq!(items.iter().map(|i| (i.number, i.inline)).collect::<Vec<_>>(), vec![(1, true), (2, true), (3, false)]);
    let written = write::text::to_string(&doc);
    assert!(written.contains("\n一是开展培训；二是发放补贴。\n") && written.contains("\n（3）做好宣传\n"), "{written}");
    let again = parse_str(&written, &ReadOptions::default()).unwrap();
    assert_eq!(without_lines(&again).overview, without_lines(&doc).overview);
}

/// A title that reads like a part heading or a table title is written marked, and comes back
/// the title; the mark (U+FEFF) is not part of any text read.
#[test]
fn a_title_that_looks_like_structure_stays_the_title() {
    for title in ["第一部分 部门整体绩效目标说明", "1、部门预算绩效目标表", "\u{FEFF}2020年部门预算绩效信息"] {
        let mut doc = common::sample();
        doc.title = title.into();
        doc.notes = vec![Note { location: Location::line(0), text: "第九部分 附件".into() }];
        let text = write::text::to_string(&doc);
        let again = parse_str(&text, &ReadOptions::default()).unwrap();
        assert_eq!(again.title, title);
        assert_eq!(again.notes.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(), ["第九部分 附件"]);
        assert_eq!(without_lines(&again).sections, without_lines(&doc).sections);
    }
}

/// A workbook written as text reads back, each part of the same kind as its sheets made it
/// (a sheet has no part heading: the writer writes one the reader takes back for that kind).
#[test]
fn workbooks_written_as_text_keep_their_parts() {
    for name in ["sheets-features.xlsx", "selfeval-sample.xlsx", "sheets-features.ods"] {
        let doc = parse_bytes(&std::fs::read(common::data_dir().join(name)).unwrap(), &ReadOptions::default()).unwrap();
        let text = write::text::to_string(&doc);
        let again = parse_str(&text, &ReadOptions::default()).unwrap();
        let kinds = |d: &Document| d.sections.iter().map(|s| s.kind).collect::<Vec<_>>();
        assert_eq!(kinds(&again), kinds(&doc), "{name}:\n{text}");
    }
}

/// The sample text save written as .xlsx and read back keeps its title, year, overview and the
/// kind and tables of each part (the overview is a first sheet, a line a cell).
#[test]
fn xlsx_keeps_title_year_overview_and_parts() {
    let doc = common::sample();
    assert!(doc.overview.is_some() && doc.year.is_some());
    let bytes = write::xlsx::to_bytes(&doc).unwrap();
    let again = parse_bytes(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(again.title, doc.title);
    assert_eq!(again.year, doc.year);
    assert_eq!(without_lines(&again).overview, without_lines(&doc).overview);
    let kinds = |d: &Document| d.sections.iter().map(|s| (s.kind, s.tables.len())).collect::<Vec<_>>();
    assert_eq!(kinds(&again), kinds(&doc));
}

/// Whether a corpus file is a document (not the corpus's own notes and scripts).
fn is_document(name: &str) -> bool {
    !matches!(name.rsplit('.').next(), Some("md" | "sh" | "tsv" | "py"))
}

/// A table as a writer's output gives it back: `title` is what the writer wrote for it when
/// the title as read would not come back (a sheet's name, an empty title: the title a text save
/// carries), the rest as read, lines left out.
fn table_as_written(t: &Table, title: &str) -> Table {
    let mut doc = Document::new("");
    doc.sections.push(Section {
        number: None,
        kind: SectionKind::Other,
        heading: String::new(),
        tables: vec![t.clone()],
        location: Location::default(),
        toc: None,
    });
    let mut t = without_lines(&doc).sections.remove(0).tables.remove(0);
    t.title = title.to_owned();
    t
}

/// A table whose copy had no header row (its columns read by what their cells hold, with no
/// labels) is written with the form's header: it reads back with those labels, and the same
/// in every other field.
fn with_written_header(mut t: Table, back: &Table) -> Table {
    if t.columns.is_empty() || jixiao::grammar::form::columns::unlabelled(&t.columns) {
        t.columns = back.columns.clone();
    }
    t
}

/// A part heading: its text, number and TC field.
type Heading = (String, Option<u32>, Option<Toc>);

/// Each part's kind and tables, and its heading, number and TC field where it has a heading.
fn parts(doc: &Document) -> Vec<(SectionKind, Option<Heading>, usize)> {
    doc.sections.iter().map(|s| (s.kind, (!s.heading.is_empty()).then(|| (s.heading.clone(), s.number, s.toc.clone())), s.tables.len())).collect()
}

/// Every document under tests/data (the real tables and the published formats included), written
/// as text and as .xlsx (with its own columns, and in the import layout), reads back with the
/// same parts and the same tables, field for field. A title comes back as written, or, when a
/// reader would not take it for one (a workbook's sheet name `专项1-…`, an empty title), as the
/// title a text save of the table carries (`1、…绩效目标表`); the .xlsx writer keeps a sheet's
/// name where it can. A part heading comes back as written; a text save gives a part with none
/// (a workbook's sheets) a heading of its kind. In the import layout the targets are split into
/// 计算符号 | 指标值 | 计量单位: the indicators come back the same apart from those two cells.
/// Before: a workbook's tables came back from text as notes (their titles were sheet names), and
/// from .xlsx every part lost its heading, a part with no table was gone, and the real tables
/// whose 项目名称 cell named them came back from text named by their titles.
#[test]
fn every_corpus_document_reads_back_from_text_and_xlsx() {
    let mut checked = 0;
    for (name, doc) in common::corpus().into_iter().filter(|(name, _)| is_document(name)) {
        reads_back_from_text_and_xlsx(&name, &doc);
        checked += 1;
    }
    assert!(checked >= 70, "{checked} documents");
}

/// See [`every_corpus_document_reads_back_from_text_and_xlsx`].
fn reads_back_from_text_and_xlsx(name: &str, doc: &Document) {
    use jixiao::grammar::form::text_title;
    {
        let tables: Vec<&Table> = doc.sections.iter().flat_map(|s| &s.tables).collect();
        // Text.
        let text = write::text::to_string(doc);
        let again = parse_str(&text, &ReadOptions::default()).unwrap_or_else(|e| panic!("{name} as text: {e}"));
        let headless = |p: Vec<(SectionKind, Option<Heading>, usize)>| p.into_iter().map(|(k, _, n)| (k, n)).collect::<Vec<_>>();
        assert_eq!(headless(parts(&again)), headless(parts(doc)), "{name} as text: parts");
        for (s, a) in doc.sections.iter().zip(&again.sections).filter(|(s, _)| !s.heading.is_empty()) {
            assert_eq!((&a.heading, a.number, &a.toc), (&s.heading, s.number, &s.toc), "{name} as text: a part heading");
        }
        let back: Vec<&Table> = again.sections.iter().flat_map(|s| &s.tables).collect();
        for (t, b) in tables.iter().zip(&back) {
            let expected = with_written_header(table_as_written(t, &text_title(t)), b);
            assert_eq!(table_as_written(b, &b.title), expected, "{name} as text: table {:?}", t.title);
        }
        // .xlsx, with the tables' own columns: the very same tables.
        for keep_columns in [true, false] {
            let bytes = write::xlsx::to_bytes_with(doc, &write::xlsx::XlsxOptions { keep_columns }).unwrap_or_else(|e| panic!("{name} as xlsx: {e}"));
            let again = parse_bytes(&bytes, &ReadOptions::default()).unwrap_or_else(|e| panic!("{name} as xlsx: {e}"));
            assert_eq!(parts(&again), parts(doc), "{name} as xlsx: parts");
            let back: Vec<&Table> = again.sections.iter().flat_map(|s| &s.tables).collect();
            for (t, b) in tables.iter().zip(&back) {
                // The title as written, or the sheet's name standing for it, or a text save's.
                let title = if b.title == t.title { &t.title } else { &text_title(t) };
                let (mut b, mut t) = (table_as_written(b, &b.title), table_as_written(t, title));
                if !keep_columns {
                    // The import layout's two columns, and their cells, left out.
                    let split = ["计算符号", "计量单位"];
                    if !t.columns.iter().any(|c| split.contains(&c.as_str())) {
                        b.columns.retain(|c| !split.contains(&c.as_str()));
                        for c in &mut b.categories {
                            for s in &mut c.children {
                                s.indicators.iter_mut().for_each(|i| i.extra.retain(|k, _| !split.contains(&k.as_str())));
                            }
                        }
                    }
                    // A target that was split reads back the same; its raw text as composed.
                    for (bi, ti) in b
                        .categories
                        .iter_mut()
                        .flat_map(|c| &mut c.children)
                        .flat_map(|s| &mut s.indicators)
                        .zip(t.categories.iter_mut().flat_map(|c| &mut c.children).flat_map(|s| &mut s.indicators))
                    {
                        assert_eq!(
                            (bi.target.kind, bi.target.value, &bi.target.unit),
                            (ti.target.kind, ti.target.value, &ti.target.unit),
                            "{name} as xlsx (import layout): {}",
                            ti.name
                        );
                        bi.target = ti.target.clone();
                    }
                }
                let t = with_written_header(t, &b);
                assert_eq!(b, t, "{name} as xlsx (keep_columns {keep_columns}): table {:?}", t.title);
            }
        }
    }
}
