//! CSV and TSV in: LibreOffice's GBK CSV of the sample's workbook gives the tables of the
//! workbook; jixiao's own CSV reads back to what it was written from (a property test over
//! generated documents, and the sample); the format is told from the content, and no other
//! file of the corpus is taken for CSV.

mod common;

use common::generate::document;
use jixiao::*;
use proptest::prelude::*;

fn open(name: &str) -> Document {
    jixiao::open(common::data_dir().join(name), &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// What jixiao's CSV carries of a document: each indicator with its section, table and
/// categories (the model's other parts, such as notes, headings and extra columns, are not in it).
type Carried = (SectionKind, Option<u32>, Option<u32>, String, TableKind, Option<i32>, String, Level1, String, Level2, Indicator);

fn carried(doc: &Document) -> Vec<Carried> {
    let mut out = Vec::new();
    for s in &doc.sections {
        for t in &s.tables {
            for (c, sub, i) in t.indicators() {
                let mut i = i.clone();
                i.location = Location::default();
                i.extra.clear();
                out.push((s.kind, s.number, t.number, t.name.clone(), t.kind, t.year, c.label.clone(), c.level1, sub.label.clone(), sub.level2, i));
            }
        }
    }
    out
}

/// Every field of jixiao's CSV but `line` and `location` (they say where in the source a row
/// came from), row by row.
fn fields(doc: &Document) -> Vec<Vec<String>> {
    let columns = write::records::COLUMNS;
    write::records::records(doc)
        .map(|r| r.fields().iter().zip(columns).filter(|(_, c)| !matches!(**c, "line" | "location")).map(|(f, _)| format!("{f:?}")).collect())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// jixiao's CSV reads back to the sections, tables, categories and indicators it was
    /// written from, and writes again to the same CSV; with or without Excel's BOM.
    #[test]
    fn jixiaos_csv_reads_back(doc in document(), bom in any::<bool>()) {
        let csv = write::csv::to_string(&doc, bom);
        prop_assume!(doc.tables().any(|(_, t)| t.indicators().next().is_some()));
        prop_assert_eq!(read::detect(csv.as_bytes(), &ReadOptions::default()), Format::Csv);
        let again = parse_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
        prop_assert!(again.notes.is_empty(), "{:?}", again.notes);
        prop_assert_eq!(carried(&again), carried(&doc), "{}", csv);
        prop_assert_eq!(fields(&again), fields(&doc));
    }
}

/// The sample and the self-evaluation table (actuals, weights, scores) through jixiao's CSV, with
/// the texts that need quoting (commas, quotes, line breaks) and the `file` column of a batch.
#[test]
fn the_samples_csv_reads_back() {
    for doc in [common::sample(), open("selfeval-2023.txt"), open("monitoring-2023.txt")] {
        for bom in [false, true] {
            let csv = write::csv::to_string(&doc, bom);
            let again = parse_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
            assert_eq!(carried(&again), carried(&doc));
            assert_eq!(write::csv::to_string(&again, bom).lines().count(), csv.lines().count());
        }
        let mut w = write::csv::CsvWriter::new(write::csv::CsvOptions { bom: false, file_column: true });
        w.document("a.txt", &doc);
        let again = parse_bytes(w.finish().as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(carried(&again), carried(&doc));
    }
    // In GBK, as Excel saves a CSV on a Chinese Windows.
    let csv = write::csv::to_string(&common::sample(), false);
    let (gbk, _, _) = encoding_rs::GBK.encode(&csv);
    let again = parse_bytes(&gbk, &ReadOptions::default()).unwrap();
    assert_eq!(carried(&again), carried(&common::sample()));
}

/// LibreOffice's CSV (GBK, every text quoted) of the first and last sheets of the sample's
/// workbook: the table of that sheet, cell for cell.
#[test]
fn libreoffices_gbk_csv_gives_the_sheet() {
    let workbook = open("000_3e963503b18f6771-grid.xlsx");
    let tables: Vec<&Table> = workbook.tables().map(|(_, t)| t).collect();
    for (name, sheet) in [("000_3e963503b18f6771-grid-sheet1-gbk.csv", 0), ("000_3e963503b18f6771-grid-sheet34-gbk.csv", 33)] {
        let bytes = std::fs::read(common::data_dir().join("published").join(name)).unwrap();
        assert!(std::str::from_utf8(&bytes).is_err(), "{name} is GBK");
        assert_eq!(read::detect(&bytes, &ReadOptions::default()), Format::Csv, "{name}");
        let doc = open(&format!("published/{name}"));
        assert!(doc.notes.is_empty(), "{name}: {:?}", doc.notes);
        let got: Vec<&Table> = doc.tables().map(|(_, t)| t).collect();
        assert_eq!(got.len(), 1, "{name}");
        let (a, b) = (common::without_lines(&doc), common::without_lines(&workbook));
        let (a, b) = (&a.sections[0].tables[0], b.tables().nth(sheet).unwrap().1);
        assert_eq!((&a.name, &a.objective, &a.columns), (&b.name, &b.objective, &b.columns), "{name}");
        assert_eq!(a.categories, b.categories, "{name}");
        assert!(tables[sheet].indicators().count() >= 3, "{name}");
        // Places are lines of the file and cells.
        let (_, _, first) = got[0].indicators().next().unwrap();
        let place = first.location.to_string();
        assert!(place.starts_with("line "), "{name}: {place}");
    }
}

/// TSV, semicolons, a BOM, quoted line breaks; and a text save is never taken for CSV.
#[test]
fn separators_and_what_is_not_csv() {
    let tsv = "项目名称\t宣传经费\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t\"宣传\n活动\"\t≥8次\n";
    let semi = tsv.replace('\t', ";");
    let bom = format!("\u{FEFF}{}", tsv.replace('\t', ","));
    for text in [tsv.to_owned(), semi, bom] {
        assert_eq!(read::detect(text.as_bytes(), &ReadOptions::default()), Format::Csv, "{text}");
        let doc = parse_bytes(text.as_bytes(), &ReadOptions::default()).unwrap();
        let (_, _, i) = doc.tables().next().unwrap().1.indicators().next().unwrap();
        assert_eq!((i.name.as_str(), i.target.raw.as_str()), ("宣传\n活动", "≥8次"), "{text}");
        assert_eq!(doc.tables().next().unwrap().1.name, "宣传经费");
    }
    // Every other file of the corpus keeps its format: none is taken for CSV.
    for (name, _) in common::corpus() {
        if name.ends_with(".csv") {
            continue;
        }
        let path = ["", "real", "published"].iter().map(|d| common::data_dir().join(d).join(&name)).find(|p| p.exists()).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_ne!(read::detect(&bytes, &ReadOptions::default()), Format::Csv, "{name}");
    }
    let text = std::fs::read(common::data_dir().join(common::SAMPLE)).unwrap();
    assert_eq!(read::detect(&text, &ReadOptions::default()), Format::Text);
    // Read as CSV because the caller said so: one sheet of cells, kept as notes when no
    // indicator header is there.
    let options = ReadOptions { format: Format::Csv, ..ReadOptions::default() };
    let doc = parse_bytes(b"a,b\nc,d\n", &options).unwrap();
    assert_eq!(doc.notes.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(), ["a", "b", "c", "d"]);
}

/// A row of jixiao's CSV with a field missing is an error naming its line.
#[test]
fn a_short_row_of_jixiaos_csv_names_its_line() {
    let csv = write::csv::to_string(&common::sample(), false);
    let mut lines: Vec<&str> = csv.lines().collect();
    let cut = lines[3].rsplit_once(',').unwrap().0.to_owned();
    lines[3] = &cut;
    let options = ReadOptions { path: Some("out.csv".into()), ..ReadOptions::default() };
    let err = parse_bytes(lines.join("\r\n").as_bytes(), &options).unwrap_err().to_string();
    assert!(err.starts_with("out.csv:4: a row of 42 fields under jixiao's CSV header of 43"), "{err}");
}

/// Every real table of `tests/data/real` through jixiao's CSV: their layouts are what users'
/// documents are, and generated documents miss some (two categories in a row under one label,
/// a 满意度 row filed apart from the 效益指标 label merged over it).
#[test]
fn every_real_tables_csv_reads_back() {
    let dir = common::data_dir().join("real");
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).unwrap().filter_map(|e| Some(e.ok()?.path())).filter(|p| p.to_string_lossy().ends_with(".wordtext.txt")).collect();
    files.sort();
    assert!(files.len() >= 100, "{} real tables", files.len());
    for file in files {
        let doc = jixiao::open(&file, &ReadOptions::default()).unwrap();
        let csv = write::csv::to_string(&doc, false);
        let again = parse_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
        // Of a mid-term block the CSV carries the target (`midterm_raw`), not its 二级 and name.
        let mid_target_only = |mut rows: Vec<Carried>| {
            for row in &mut rows {
                row.10.midterm =
                    row.10.midterm.take().filter(|m| !m.target.raw.is_empty()).map(|m| Box::new(Midterm { target: m.target, ..Midterm::default() }));
            }
            rows
        };
        assert_eq!(mid_target_only(carried(&again)), mid_target_only(carried(&doc)), "{}", file.display());
    }
}

/// The new names, and the old ones still working.
#[test]
fn format_names() {
    for (name, format) in [
        ("csv", Format::Csv),
        ("TSV", Format::Csv),
        ("xml", Format::Xlsx),
        ("xls", Format::Xlsx),
        ("mht", Format::Html),
        ("mhtml", Format::Html),
        ("htm", Format::Html),
        ("txt", Format::Text),
        ("wps", Format::Doc),
    ] {
        assert_eq!(Format::from_name(name), Some(format), "{name}");
    }
    assert_eq!(Format::Csv.as_str(), "csv");
    assert!(Format::NAMES.contains(&"csv"));
    let err = Format::parse_name("odt").unwrap_err().to_string();
    assert!(err.contains("csv") && err.contains("mht as html"), "{err}");
}

/// A CSV whose rows would make more cells than the limit is refused before they are made: a
/// row 100 000 fields wide over 100 rows of one field each.
#[test]
fn a_wide_csv_is_refused_within_the_limits() {
    let mut text = "一级指标,二级指标,三级指标,指标值\n".to_owned();
    text.push_str(&",".repeat(100_000));
    text.push_str("x\n");
    text.push_str(&"a\n".repeat(100));
    let err =
        parse_bytes(text.as_bytes(), &ReadOptions { limits: Limits { max_cells: 1_000_000, ..Limits::default() }, ..ReadOptions::default() }).unwrap_err();
    assert!(err.to_string().contains("max_cells"), "{err}");
}

/// Every prefix of a CSV (cut at 300 places, and a byte flipped at each) reads or is an error,
/// never a panic.
#[test]
fn csv_cut_short_or_damaged_never_panic() {
    for file in ["published/000_3e963503b18f6771-grid-sheet1-gbk.csv", "published/000_3e963503b18f6771-grid-sheet34-gbk.csv"] {
        let bytes = std::fs::read(common::data_dir().join(file)).unwrap();
        for k in 1..300 {
            let at = bytes.len() * k / 300;
            let _ = parse_bytes(&bytes[..at], &ReadOptions::default());
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x5A;
            let _ = parse_bytes(&flipped, &ReadOptions::default());
        }
    }
}
