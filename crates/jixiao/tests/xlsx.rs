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
        let notes: Vec<(String, &str)> = doc.notes.iter().map(|n| (n.location.to_string(), n.text.as_str())).collect();
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
        assert_eq!(due.location.to_string(), "专项1-职业技能培训补贴!A6", "{ext}");
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
    assert!(err.to_string().contains("span from their first cell to their last") && err.to_string().contains("max_cells"), "{err}");
}

/// Found by fuzzing sheet_parse: the cells that span 263 million are where calamine looks for
/// them (a sheet read from its BOUNDSHEET offset, a MULRK's last column in a CONTINUE record),
/// not where a plain scan of the stream sees them. It took 16 GB and 41 s before it was refused.
#[test]
fn a_span_only_calamines_reading_sees_is_refused_first() {
    let bytes = std::fs::read(common::data_dir().join("regressions/xls-sheet-read-as-calamine-reads-it.bin")).unwrap();
    let err = parse_bytes(&bytes, &ReadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("263659468 cells the sheets span"), "{err}");
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

use common::sheets::{indicator_rows, ods, ods_text, text_cell, xlsx};

/// The indicators of a document, as (name, value) pairs.
fn values(doc: &Document) -> Vec<(String, String)> {
    common::indicators(doc).into_iter().map(|(_, _, _, i)| (i.name.clone(), i.target.raw.clone())).collect()
}

/// 4,000 indicator rows and one cell in column XFD (the 72 KB file of issue 27 took 75 s and
/// 20.5 GB): every row was laid out to the widest column, with a place for each empty cell. A
/// row is laid out to its own last cell: the far cell's row only.
#[test]
fn a_far_cell_does_not_widen_every_row() {
    let rows = indicator_rows(4000).replacen("</row>", &format!("{}</row>", text_cell("XFD1", "备注")), 1);
    let bytes = xlsx("专项1-培训", &rows, None, None);
    let doc = parse_bytes(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(values(&doc).len(), 4000);
    // The far cell's header row is one row, not 4,000 padded ones: a place per node.
    let places = common::places(&doc);
    assert!(places.len() <= 4000 * 3 + 16, "{} places", places.len());
}

/// The empty cells a row is laid out with count against `max_cells` (they were not counted:
/// only the non-empty ones were).
#[test]
fn empty_cells_laid_out_count_against_max_cells() {
    let rows = format!(r#"<row r="1">{}{}</row>"#, text_cell("A1", "一级指标"), text_cell("XFD1", "指标值"));
    let bytes = xlsx("S", &rows, None, None);
    let err = parse_bytes(&bytes, &ReadOptions { limits: Limits { max_cells: 1000, ..Limits::default() }, ..ReadOptions::default() }).unwrap_err();
    assert!(err.to_string().contains("laid out in rows") && err.to_string().contains("max_cells"), "{err}");
}

/// Rows of 16,384 cells each: a row was built by looking each column up among the row's cells,
/// 16,384² steps a row. The same number of cells in rows four times as wide must take about the
/// same time, not four times as long (before: 3.9 s for 48 rows of 4,096, 12.4 s for 12 of
/// 16,384; after: 5.1 s and 3.3 s, debug, on a shared machine).
#[test]
fn wide_rows_are_laid_out_in_linear_time() {
    let time = |rows: u32, width: u32| {
        let mut xml = String::new();
        for r in 1..=rows {
            xml.push_str(&format!(r#"<row r="{r}">"#));
            for c in 0..width {
                xml.push_str(&format!(r#"<c r="{}{r}"><v>{c}</v></c>"#, jixiao::model::column_name(c)));
            }
            xml.push_str("</row>");
        }
        let bytes = xlsx("S", &xml, None, None);
        let options = ReadOptions { limits: Limits { max_memory: Some(1 << 30), ..Limits::default() }, ..ReadOptions::default() };
        let start = std::time::Instant::now();
        let doc = parse_bytes(&bytes, &options).unwrap();
        assert_eq!(doc.notes.len(), (rows * width) as usize);
        start.elapsed()
    };
    let narrow = time(48, 4096);
    let wide = time(12, 16_384);
    eprintln!("48 rows of 4,096 cells: {narrow:?}; 12 rows of 16,384: {wide:?}");
    assert!(wide < narrow * 5 / 2, "48 rows of 4,096 cells: {narrow:?}; 12 rows of 16,384: {wide:?}");
}

/// An .ods of repeated empty rows and a far cell: calamine lays out the rectangle from the
/// first valued cell to the last, and at a million rows it said "Cannot detect file format".
#[test]
fn an_ods_spanning_a_rectangle_of_repeats_is_refused_first() {
    let rows = format!(
        r#"<table:table-row>{}</table:table-row><table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="1000"/>{}</table:table-row>"#,
        ods_text("一级指标"),
        ods_text("far")
    );
    let err = parse_bytes(&ods("S", &rows), &ReadOptions::default()).unwrap_err().to_string();
    assert!(err.contains("span from their first valued cell to their last") && err.contains("max_cells"), "{err}");
}

/// An .ods of 100 rows of a cell repeated 16,000 times (3.4 KB; 7 s and 609 MB): within
/// `max_cells` as declared, but calamine lays each out twice (value and formula).
#[test]
fn an_ods_of_repeated_cells_is_refused_within_the_budget() {
    let rows = r#"<table:table-row table:number-rows-repeated="100"><table:table-cell table:number-columns-repeated="16000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#;
    let bytes = ods("S", rows);
    let err = parse_bytes(&bytes, &ReadOptions::default()).unwrap_err().to_string();
    assert!(err.contains("max_cells") || err.contains("max_memory"), "{err}");
    // Within the cells allowed, the memory budget refuses it before calamine is called.
    let options = ReadOptions { limits: Limits { max_cells: 10_000_000, ..Limits::default() }, ..ReadOptions::default() };
    let err = parse_bytes(&bytes, &options).unwrap_err().to_string();
    assert!(err.contains("max_memory") && err.contains("xlsx reader"), "{err}");
}

/// One changed byte of sheets-features.xls (a DIMENSIONS record's first row past its last):
/// calamine computes the rows with u32 arithmetic that wraps to four billion and reserves them
/// (256 GiB, an abort no `catch_unwind` catches). The record is read as calamine reads it.
#[test]
fn a_dimensions_record_that_wraps_is_refused_first() {
    let mut bytes = std::fs::read(common::data_dir().join("sheets-features.xls")).unwrap();
    let at = memchr::memmem::find_iter(&bytes, &[0x00, 0x02, 0x0E, 0x00]).nth(1).unwrap();
    assert_eq!(bytes[at + 8], 0x0A, "the second sheet's DIMENSIONS: rows 0..10");
    bytes[at + 4] = 0x0B; // first row 11, past the last
    let err = parse_bytes(&bytes, &ReadOptions::default()).unwrap_err().to_string();
    assert!(err.contains("cells the sheets declare") && err.contains("max_cells"), "{err}");
}

/// A shared-strings table declaring a billion strings: calamine reserved room for them all
/// before reading one.
#[test]
fn a_shared_strings_count_is_checked_first() {
    let strings = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1000000000"><si><t>一级指标</t></si></sst>"#;
    let bytes = xlsx("S", r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#, None, Some(strings));
    let err = parse_bytes(&bytes, &ReadOptions::default()).unwrap_err().to_string();
    assert!(err.contains("1000000000 shared strings") && err.contains("max_cells"), "{err}");
}

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="0&quot;%&quot;"/><numFmt numFmtId="165" formatCode="0\%"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="166" applyNumberFormat="1"/></cellXfs></styleSheet>"#;

/// An indicator sheet whose 指标值 cells (D2…) are `cells`, each the XML of one `<c>` after `r`.
fn value_sheet(cells: &[&str]) -> Vec<u8> {
    let mut rows = format!(
        r#"<row r="1">{}{}{}{}</row>"#,
        text_cell("A1", "一级指标"),
        text_cell("B1", "二级指标"),
        text_cell("C1", "三级指标"),
        text_cell("D1", "指标值")
    );
    for (i, cell) in cells.iter().enumerate() {
        let r = i + 2;
        rows.push_str(&format!(
            r#"<row r="{r}">{}{}{}<c r="D{r}"{cell}</c></row>"#,
            text_cell(&format!("A{r}"), "产出指标"),
            text_cell(&format!("B{r}"), "数量指标"),
            text_cell(&format!("C{r}"), &format!("指标{r}"))
        ));
    }
    xlsx("专项1-培训", &rows, Some(STYLES), None)
}

/// `0"%"` and `0\%` print a literal percent sign beside the number as it is: 95 shows `95%`, not
/// `9500%` (the test was `format_code.contains('%')`); `0.0%` scales.
#[test]
fn a_literal_percent_sign_does_not_scale() {
    let doc = parse_bytes(&value_sheet(&[r#" s="1"><v>95</v>"#, r#" s="2"><v>95</v>"#, r#" s="3"><v>0.95</v>"#]), &ReadOptions::default()).unwrap();
    let v: Vec<String> = values(&doc).into_iter().map(|(_, v)| v).collect();
    assert_eq!(v, ["95%", "95%", "95%"]);
}

/// A formula with no value computed (openpyxl writes them so) vanished; it is a note at its
/// place, the cell read empty.
#[test]
fn a_formula_without_a_value_is_kept_as_a_note() {
    let doc = parse_bytes(&value_sheet(&[r#"><f>SUM(E2:E9)</f>"#, r#"><f>1+1</f><v>2</v>"#]), &ReadOptions::default()).unwrap();
    let v = values(&doc);
    assert!(v.contains(&("指标3".to_owned(), "2".to_owned())), "{v:?}");
    assert!(!v.iter().any(|(_, v)| v.contains("SUM")), "{v:?}");
    let note = doc.notes.iter().find(|n| n.text.starts_with("=SUM(E2:E9)")).unwrap_or_else(|| panic!("{:?}", doc.notes));
    assert!(note.text.contains("no value computed"), "{}", note.text);
    assert_eq!(note.location.cell_name(), Some("D2"));
}

/// A `t="d"` cell is the date it holds, as a date.
#[test]
fn an_iso_date_cell_reads_as_a_date() {
    let doc = parse_bytes(&value_sheet(&[r#" t="d"><v>2024-06-30T00:00:00</v>"#]), &ReadOptions::default()).unwrap();
    assert_eq!(values(&doc)[0].1, "2024-06-30");
}

/// An error cell (`#REF!`, `#DIV/0!`, …) keeps its text, is never a number target, and is
/// flagged as no target given (it read as words: under 数量指标 the review said "a value in
/// words", elsewhere nothing).
#[test]
fn an_error_cell_is_never_a_number_target() {
    let errors = ["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NUM!", "#NAME?", "#NULL!"];
    let cells: Vec<String> = errors.iter().map(|e| format!(r#" t="e"><v>{e}</v>"#)).collect();
    let doc = parse_bytes(&value_sheet(&cells.iter().map(String::as_str).collect::<Vec<_>>()), &ReadOptions::default()).unwrap();
    let targets: Vec<Target> = common::indicators(&doc).into_iter().map(|(_, _, _, i)| i.target).collect();
    assert_eq!(targets.iter().map(|t| t.raw.as_str()).collect::<Vec<_>>(), errors);
    for t in &targets {
        assert!(t.value.is_none() && t.comparator.is_none() && t.kind == TargetKind::Placeholder, "{t:?}");
    }
    let findings = jixiao::review::review(&doc, &jixiao::review::ReviewConfig::new());
    let flagged: Vec<&str> =
        findings.iter().filter(|f| f.rule == "template-placeholder" && f.message.contains("spreadsheet error")).map(|f| f.message.as_str()).collect();
    assert_eq!(flagged.len(), errors.len(), "{flagged:?}");
}

/// Two ZIP entries of one name: the ZIP library kept the second and read it silently; which
/// one is meant cannot be told, so the file is refused, naming the entry.
#[test]
fn two_zip_entries_of_one_name_are_refused() {
    let first = format!(r#"<row r="1">{}</row>"#, text_cell("A1", "第一张"));
    let bytes = xlsx("S", &first, None, None);
    // The same workbook with a second sheet part, then renamed in place to the first's name.
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        parts.push((f.name().unwrap().into_owned(), data));
    }
    let second = format!(
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{}</row></sheetData></worksheet>"#,
        text_cell("A1", "第二张")
    );
    parts.push(("xl/worksheets/sheeT1.xml".to_owned(), second.into_bytes()));
    let refs: Vec<(&str, &[u8])> = parts.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
    let mut twice = common::sheets::zip(&refs, true);
    for at in memchr::memmem::find_iter(&twice.clone(), b"xl/worksheets/sheeT1.xml") {
        twice[at + 18] = b't';
    }
    let err = parse_bytes(&twice, &ReadOptions::default()).unwrap_err().to_string();
    assert!(err.contains("two entries named xl/worksheets/sheet1.xml"), "{err}");
    // The same file with distinct names reads.
    assert!(parse_bytes(&bytes, &ReadOptions::default()).is_ok());
}

/// The same in an .xls: sheets-features.xls with its custom format `General` (FORMAT 164, the
/// number cells') turned in place into `0.00"%"`, a literal percent sign: 38000 shows as
/// `38000%`, not `3800000%`.
#[test]
fn a_literal_percent_sign_does_not_scale_in_an_xls() {
    let mut bytes = std::fs::read(common::data_dir().join("sheets-features.xls")).unwrap();
    let at = memchr::memmem::find(&bytes, b"\x1e\x04\x0c\x00\xa4\x00\x07\x00\x00General").unwrap() + 9;
    bytes[at..at + 7].copy_from_slice(b"0.00\"%\"");
    let doc = parse_bytes(&bytes, &ReadOptions::default()).unwrap();
    let v: Vec<String> = values(&doc).into_iter().map(|(_, v)| v).collect();
    assert!(v.contains(&"38000%".to_owned()) && !v.iter().any(|v| v.contains("3800000")), "{v:?}");
}

/// calamine reads and keeps every sheet of an .xls when it opens it: four sheets each declaring
/// 600,000 cells (sheets-features.xls with its DIMENSIONS records rewritten in place) are 2.4
/// million together, past `max_cells`, though each is within it (only the largest was checked).
#[test]
fn the_cells_of_all_sheets_count_together() {
    let mut bytes = std::fs::read(common::data_dir().join("sheets-features.xls")).unwrap();
    let at: Vec<usize> = memchr::memmem::find_iter(&bytes, &[0x00, 0x02, 0x0E, 0x00]).collect();
    assert_eq!(at.len(), 4);
    for a in at {
        // rows 0..60,000, columns 0..10
        bytes[a + 4..a + 16].copy_from_slice(&[0, 0, 0, 0, 0x60, 0xEA, 0, 0, 0, 0, 10, 0]);
    }
    let err = parse_bytes(&bytes, &ReadOptions::default()).unwrap_err().to_string();
    assert!(err.contains("the 2400000 cells the sheets declare") && err.contains("max_cells"), "{err}");
}

/// A shared-strings table of three million empty strings (39 MB inflated from a few hundred
/// KB, 24 bytes each in calamine however short) that declares one: counted as it is before
/// calamine holds it.
#[test]
fn the_shared_strings_held_are_counted_first() {
    let strings = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">{}</sst>"#,
        "<si><t/></si>".repeat(3_000_000)
    );
    let bytes = xlsx("S", r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#, None, Some(&strings));
    let err = parse_bytes(&bytes, &ReadOptions::default()).unwrap_err().to_string();
    assert!(err.contains("3000000 shared strings") && err.contains("holds") && err.contains("max_cells"), "{err}");
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
