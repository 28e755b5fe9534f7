//! Spreadsheets: the sample's grid export and the self-evaluation workbook read as a reviewer
//! reads them; generated workbooks (tests/fixtures/make_sheets.py, and the same converted to
//! .xls and .ods by LibreOffice) cover typed cells, sign codes, merges, flat and per-sheet
//! layouts and cover sheets; and jixiao's own .xlsx output reads back to the same tables.

mod common;

use jixiao::*;

fn open(name: &str) -> Document {
    jixiao::open(common::data_dir().join(name), &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Each table without lines and locations, as the xlsx round trip must keep it.
fn tables(doc: &Document) -> Vec<(SectionKind, Table)> {
    let clean = common::without_lines(doc);
    clean.sections.iter().flat_map(|s| s.tables.iter().map(move |t| (s.kind, t.clone()))).collect()
}

#[test]
fn the_xlsx_round_trip_holds_on_the_sample_and_the_real_tables() {
    let mut docs = vec![("sample".to_owned(), common::sample())];
    for name in [
        "qingshen-fgj-2023-ziping",
        "jingyan-matazhen-2023",
        "dongguan-2019-pifu",
        "nanyue-2018-fupin",
        "gxglmes-template-2021-sqb",
        "fengjie-yunwu-2023-shenpi",
    ] {
        docs.push((name.to_owned(), open(&format!("real/{name}.wordtext.txt"))));
    }
    for (name, doc) in docs {
        let faithful = write::xlsx::XlsxOptions { keep_columns: true };
        let bytes = write::xlsx::to_bytes_with(&doc, &faithful).unwrap();
        let again = parse_bytes(&bytes, &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(again.notes.is_empty(), "{name}: {:?}", again.notes);
        let (a, b) = (tables(&doc), tables(&again));
        assert_eq!(a.len(), b.len(), "{name}");
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x, y, "{name}");
        }
    }
}

/// A workbook read and written again is the same workbook in the model: a table that took its
/// title from its sheet's name (no title row), the projects of one sheet of many, and the cells
/// of a cover sheet (notes, on a sheet of their own) all come back as they were.
#[test]
fn workbooks_written_again_read_back_the_same() {
    for name in ["000_3e963503b18f6771-grid.xlsx", "selfeval-sample.xlsx", "sheets-features.xlsx", "sheets-features.xls", "sheets-features.ods"] {
        let doc = open(name);
        let faithful = write::xlsx::XlsxOptions { keep_columns: true };
        let again = parse_bytes(&write::xlsx::to_bytes_with(&doc, &faithful).unwrap(), &ReadOptions::default()).unwrap();
        let (a, b) = (common::without_lines(&doc), common::without_lines(&again));
        assert_eq!(a.notes, b.notes, "{name}");
        assert_eq!(a.sections, b.sections, "{name}");
    }
}

/// The import layout (the default) splits `≥90%` into 计算符号 | 指标值 | 计量单位 and reads back
/// to the same targets, every raw text included.
#[test]
fn the_import_layout_keeps_every_target() {
    let doc = common::sample();
    let again = parse_bytes(&write::xlsx::to_bytes(&doc).unwrap(), &ReadOptions::default()).unwrap();
    let targets =
        |d: &Document| d.tables().flat_map(|(_, t)| t.indicators().map(|(_, _, i)| (i.name.clone(), i.target.clone())).collect::<Vec<_>>()).collect::<Vec<_>>();
    assert_eq!(targets(&again), targets(&doc));
    let t = again.tables().next().unwrap().1;
    assert_eq!(t.columns, ["一级指标", "二级指标", "三级指标", "绩效指标描述", "计算符号", "指标值", "计量单位", "指标值确定依据"]);
    let satisfaction = t.indicators().last().unwrap().2;
    assert_eq!(satisfaction.target.raw, "≥90%");
    assert_eq!((satisfaction.extra["计算符号"].as_str(), satisfaction.extra["计量单位"].as_str()), ("≥", "%"));
    let qualitative = t.indicators().nth(1).unwrap().2;
    assert_eq!(qualitative.extra["计算符号"], "定性");
}

type Reading<'a> = (Level1, Level2, &'a str, TargetKind, Option<Comparator>, Option<f64>, Option<&'a str>);

fn reading(t: &Table) -> Vec<Reading<'_>> {
    t.indicators()
        .map(|(c, s, i)| (c.level1, s.level2, i.name.as_str(), i.target.kind, i.target.comparator, i.target.value, i.target.unit.as_deref()))
        .collect()
}

#[test]
fn generated_workbooks_in_every_spreadsheet_format() {
    use Comparator::*;
    use TargetKind::*;
    for ext in ["xlsx", "ods", "xls"] {
        let doc = open(&format!("sheets-features.{ext}"));
        // The cover sheet is not guessed at: its cells are notes, located sheet!cell.
        let notes: Vec<(String, &str)> = doc.notes.iter().map(|n| (doc.location(n.line).to_string(), n.text.as_str())).collect();
        assert_eq!(notes[0], ("说明!A1".to_owned(), "填表说明"), "{ext}");
        assert_eq!(notes.len(), 3, "{ext}");
        let t: Vec<&Table> = doc.tables().map(|(_, t)| t).collect();
        assert_eq!(t.len(), 4, "{ext}: two sheets of one table, one sheet of two projects");
        assert_eq!((t[0].number, t[0].name.as_str(), t[0].objective.as_deref()), (Some(1), "职业技能培训补贴", Some("开展职业技能培训，提升劳动者就业能力。")));
        assert_eq!(
            reading(t[0]),
            [
                (Level1::Output, Level2::Quantity, "培训人次", Quantity, Some(Ge), Some(38000.0), Some("人次")),
                (Level1::Output, Level2::Quality, "培训合格率", Quantity, Some(Ge), Some(90.0), Some("%")),
                (Level1::Output, Level2::Timeliness, "培训完成时间", Deadline, Some(Le), None, None),
                (Level1::Output, Level2::Cost, "人均培训成本", Quantity, Some(Le), Some(1200.5), Some("元/人")),
                (Level1::Effect, Level2::SocialBenefit, "就业率", Quantity, Some(Gt), Some(80.0), Some("%")),
                (Level1::Effect, Level2::Sustainability, "技能水平", Qualitative, None, None, None),
                (Level1::Satisfaction, Level2::ServiceSatisfaction, "学员满意度", Quantity, Some(Ge), Some(95.0), Some("%")),
            ],
            "{ext}: sign codes 1 ≥ 2 > 5 ≤ 6 定性, merged 一级 cells, typed numbers, a percent-formatted 0.9"
        );
        let (_, _, due) = t[0].indicators().nth(2).unwrap();
        assert_eq!(due.target.date, Some(Date { year: Some(2023), month: Some(12), day: Some(31) }), "{ext}: a date cell");
        assert_eq!(doc.location(due.line).to_string(), "专项1-职业技能培训补贴!A6", "{ext}");
        let cost = &t[1].categories[1];
        assert_eq!((cost.level1, cost.children.len()), (Level1::Cost, 3), "{ext}: the 2021 hierarchy, skeleton rows kept");
        assert_eq!((t[2].name.as_str(), t[3].name.as_str()), ("村干部报酬", "办公经费"), "{ext}");
        assert_eq!(
            t[2].subtotals.iter().map(|s| (s.unit.as_str(), s.amount.as_ref().and_then(|a| a.value))).collect::<Vec<_>>(),
            [("301-某镇", Some(1_500_000.0))]
        );
        assert_eq!(t[3].unit.as_deref(), Some("301001-某镇人民政府"), "{ext}: the unit merged down");
        let (_, _, spend) = t[3].indicators().nth(1).unwrap();
        assert_eq!((spend.target.comparator, spend.target.comparator_inferred, spend.weight), (Some(Le), true, Some(50.0)), "{ext}: 反向指标");
    }
}

#[test]
fn the_samples_workbooks() {
    // The grid export: the same indicators, in meaning, as the text save.
    let grid = open("000_3e963503b18f6771-grid.xlsx");
    let text = common::sample();
    let a: Vec<(Option<u32>, String, Vec<Reading<'_>>)> = grid.tables().map(|(_, t)| (t.number, t.name.clone(), reading(t))).collect();
    let b: Vec<(Option<u32>, String, Vec<Reading<'_>>)> = text.tables().map(|(_, t)| (t.number, t.name.clone(), reading(t))).collect();
    assert_eq!(a, b);
    assert!(grid.notes.is_empty());
    // The self-evaluation workbook: funds block, actuals, weights, reported scores, and 总分 from
    // the 得分 column (the 分值 column's 100 is the weights' total, kept as a remark).
    let se = open("selfeval-sample.xlsx");
    let t = se.tables().next().unwrap().1;
    assert_eq!((t.kind, t.total_score), (TableKind::SelfEvaluation, Some(92.44)));
    let funds = t.funds.as_ref().unwrap();
    let v = |a: &Option<Amount>| a.as_ref().and_then(|a| a.value);
    assert_eq!((v(&funds.rows[0].adjusted), v(&funds.rows[0].executed), v(&funds.rows[0].rate)), (Some(200.0), Some(173.19), Some(86.59)));
    let got: Vec<(Option<&str>, Option<f64>, Option<f64>)> =
        t.indicators().map(|(_, _, i)| (i.actual.as_ref().map(|a| a.raw.as_str()), i.weight, i.reported_score)).collect();
    assert_eq!(
        got,
        [(Some("达成年度指标"), Some(50.0), Some(47.73)), (Some("达成年度指标"), Some(30.0), Some(26.05)), (Some("77.9%"), Some(10.0), Some(10.0))]
    );
}

#[test]
fn hostile_workbooks_are_refused_within_the_limits() {
    let bytes = std::fs::read(common::data_dir().join("sheets-features.xlsx")).unwrap();
    let small = ReadOptions { limits: Limits { max_cells: 20, ..Limits::default() }, ..ReadOptions::default() };
    let err = parse_bytes(&bytes, &small).unwrap_err();
    assert!(err.to_string().contains("max_cells"), "{err}");
    let tiny = ReadOptions { limits: Limits { max_bytes: 1000, ..Limits::default() }, ..ReadOptions::default() };
    assert!(parse_bytes(&bytes, &tiny).unwrap_err().to_string().contains("max_bytes"));
    // A truncated workbook is a clear error, not a panic.
    let err = parse_bytes(&bytes[..bytes.len() / 2], &ReadOptions::default()).unwrap_err();
    assert!(!err.to_string().is_empty());
}

#[test]
fn an_unreadable_old_workbook_says_how_to_convert_it() {
    let mut et = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    et.extend(std::iter::repeat_n(0u8, 504));
    et.extend("Workbook".bytes().flat_map(|b| [b, 0]));
    et.extend([0, 0]); // a directory entry: at a multiple of 128, the name ended by a zero unit
    let err = parse_bytes(&et, &ReadOptions::default()).unwrap_err();
    assert!(err.to_string().contains(".et") && err.to_string().contains("--convert-to xlsx"), "{err}");
}

/// Found by fuzzing: a damaged .xls on which calamine panics (a slice past its buffer in its
/// compound-file reader) is that file's error, never a crash of the caller.
#[test]
fn a_spreadsheet_library_panic_is_the_files_error() {
    let bytes = std::fs::read(common::data_dir().join("regressions/xls-calamine-panic.bin")).unwrap();
    let err = parse_bytes(&bytes, &ReadOptions { format: Format::Xlsx, ..ReadOptions::default() }).unwrap_err();
    assert!(err.to_string().contains("workbook") || err.to_string().contains("spreadsheet"), "{err}");
}

/// Found by fuzzing: an .xls whose DIMENSIONS record declares a billion cells made calamine
/// reserve 20 GB before reading one; the declared size is checked against the limit first.
#[test]
fn a_sheet_declaring_billions_of_cells_is_refused_first() {
    let bytes = std::fs::read(common::data_dir().join("regressions/xls-declares-billions.bin")).unwrap();
    let err = parse_bytes(&bytes, &ReadOptions { format: Format::Xlsx, ..ReadOptions::default() }).unwrap_err();
    assert!(err.to_string().contains("max_cells"), "{err}");
}

/// Found by fuzzing: an .xls with two cells at opposite corners (row 0 and row 65 535) made
/// calamine lay out a rectangle of four billion cells and abort on the allocation; the span of
/// the cell records is checked against the limit first.
#[test]
fn a_sheet_spanning_billions_of_cells_is_refused_first() {
    let bytes = std::fs::read(common::data_dir().join("regressions/xls-cells-far-apart.bin")).unwrap();
    let err = parse_bytes(&bytes, &ReadOptions { format: Format::Xlsx, ..ReadOptions::default() }).unwrap_err();
    assert!(err.to_string().contains("spans from its first cell to its last") && err.to_string().contains("max_cells"), "{err}");
}

/// Found by fuzzing sheet_parse: the cells that span 263 million are where calamine looks for
/// them (a sheet read from its BOUNDSHEET offset, a MULRK's last column in a CONTINUE record),
/// not where a plain scan of the stream sees them. It took 16 GB and 41 s before it was refused.
#[test]
fn a_span_only_calamines_reading_sees_is_refused_first() {
    let bytes = std::fs::read(common::data_dir().join("regressions/xls-sheet-read-as-calamine-reads-it.bin")).unwrap();
    let err = parse_bytes(&bytes, &ReadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("263606826 cells a sheet spans"), "{err}");
}

/// An .ods whose repeat attributes declare a million valued cells is refused before calamine
/// expands them.
#[test]
fn an_ods_declaring_millions_of_repeated_cells_is_refused_first() {
    use std::io::Write;
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S"><table:table-row table:number-rows-repeated="100000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        z.start_file("mimetype", stored).unwrap();
        z.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
        z.start_file("content.xml", stored).unwrap();
        z.write_all(content.as_bytes()).unwrap();
        z.finish().unwrap();
    }
    let err = parse_bytes(&out.into_inner(), &ReadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("max_cells"), "{err}");
}

/// A self-evaluation workbook written back keeps every footer cell: the 总分 row's weights total
/// (100) stays in its remark beside the total score.
#[test]
fn self_evaluation_workbooks_round_trip_with_their_footers() {
    for name in ["selfeval-sample.xlsx", "selfeval-2023.txt"] {
        let doc = open(name);
        let bytes = write::xlsx::to_bytes_with(&doc, &write::xlsx::XlsxOptions { keep_columns: true }).unwrap();
        let again = parse_bytes(&bytes, &ReadOptions::default()).unwrap();
        let (a, b) = (tables(&doc), tables(&again));
        assert_eq!(a.len(), b.len(), "{name}");
        for ((_, x), (_, y)) in a.iter().zip(&b) {
            assert_eq!((&x.remarks, x.total_score, &x.funds), (&y.remarks, y.total_score, &y.funds), "{name}");
            assert_eq!(x.categories, y.categories, "{name}");
        }
    }
}

/// A table of two columns or fewer (an objective and nothing else) is written: Excel refuses a
/// merge of one cell, so such a row is a plain cell (found by the Python hypothesis tests).
#[test]
fn narrow_tables_are_written() {
    let doc = jixiao::parse_str("1、甲绩效目标表\n\t绩效目标\n\t完成任务\n", &ReadOptions::default()).unwrap();
    let bytes = write::xlsx::to_bytes(&doc).unwrap();
    // Read back, a sheet with no indicator header is kept as notes, never guessed at.
    let again = parse_bytes(&bytes, &ReadOptions::default()).unwrap();
    assert!(again.notes.iter().any(|n| n.text.contains("完成任务")), "{:?}", again.notes);
}

/// Excel 2003 XML (SpreadsheetML), as LibreOffice exports the sample's workbook and the
/// generated one (percent and date styles, merges across and down, cells after a merged-down
/// one written without an index): the same model as the .xlsx it came from, cell for cell;
/// the format told from the content.
#[test]
fn spreadsheetml_reads_as_the_workbook_it_came_from() {
    for (xlsx, xml) in [("000_3e963503b18f6771-grid.xlsx", "published/000_3e963503b18f6771-grid.xml"), ("sheets-features.xlsx", "sheets-features.xml")] {
        let (a, b) = (open(xlsx), open(xml));
        assert!(a.tables().count() >= 3, "{xlsx}");
        assert_eq!(common::indicators(&b), common::indicators(&a), "{xml}");
        let (a, b) = (common::without_lines(&a), common::without_lines(&b));
        assert_eq!(b.sections, a.sections, "{xml}");
        assert_eq!(b.notes, a.notes, "{xml}");
        let bytes = std::fs::read(common::data_dir().join(xml)).unwrap();
        assert_eq!(read::detect(&bytes, &ReadOptions::default()), Format::Xlsx, "{xml}");
    }
    // A percent style and a date style from LibreOffice's own export.
    let features = open("sheets-features.xml");
    let targets: Vec<String> = features.tables().flat_map(|(_, t)| t.indicators().map(|(_, _, i)| i.target.raw.clone())).collect();
    assert!(targets.iter().any(|t| t.ends_with('%')), "{targets:?}");
}

/// An XML file that is not SpreadsheetML, read as a spreadsheet because the caller said so, is
/// an error that says what it is not.
#[test]
fn xml_that_is_not_a_workbook_is_refused_when_read_as_one() {
    let options = ReadOptions { format: Format::Xlsx, path: Some("page.xml".into()), ..ReadOptions::default() };
    let err = parse_bytes(b"<?xml version=\"1.0\"?><html><body>x</body></html>", &options).unwrap_err();
    assert!(err.to_string().starts_with("page.xml: not an Excel 2003 XML workbook"), "{err}");
}

/// Every prefix of an Excel 2003 XML workbook (cut at 60 places, and a byte flipped at each) reads or is an error,
/// never a panic.
#[test]
fn spreadsheetml_cut_short_or_damaged_never_panic() {
    for file in ["published/000_3e963503b18f6771-grid.xml", "sheets-features.xml"] {
        let bytes = std::fs::read(common::data_dir().join(file)).unwrap();
        for k in 1..60 {
            let at = bytes.len() * k / 60;
            let _ = parse_bytes(&bytes[..at], &ReadOptions::default());
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x5A;
            let _ = parse_bytes(&flipped, &ReadOptions::default());
        }
    }
}
