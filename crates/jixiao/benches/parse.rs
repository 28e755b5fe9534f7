//! `make bench`: how fast the sample reads, is reviewed and is written, and how fast single
//! targets read.
//! Target: a province's year (hundreds of documents like the sample) in seconds, i.e. well under
//! 10 ms per document on one core.

use std::path::PathBuf;

use divan::{Bencher, black_box};

// The amplification tests' generators (they name each other as `super::`).
#[allow(dead_code)]
#[path = "../tests/common/hostile.rs"]
mod hostile;
#[allow(dead_code)]
#[path = "../tests/common/pdf.rs"]
mod pdf;
#[allow(dead_code)]
#[path = "../tests/common/sheets.rs"]
mod sheets;

fn main() {
    divan::main();
}

fn data(name: &str) -> Vec<u8> {
    std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data").join(name)).unwrap()
}

#[divan::bench]
fn parse_sample(b: Bencher) {
    let bytes = data("000_3e963503b18f6771.txt");
    b.counter(divan::counter::BytesCount::of_slice(&bytes)).bench(|| jixiao::parse_bytes(black_box(&bytes), &jixiao::ReadOptions::default()).unwrap());
}

/// What parsing is measured against (target 3 of the performance issue: parsing within 20× of
/// this): the same bytes' lines counted with memchr.
#[divan::bench]
fn count_lines_memchr(b: Bencher) {
    let bytes = data("000_3e963503b18f6771.txt");
    b.counter(divan::counter::BytesCount::of_slice(&bytes)).bench(|| memchr::memchr_iter(b'\n', black_box(&bytes)).count());
}

/// The sample in each format jixiao reads: its text save, .docx, .doc, web page, PDF and
/// workbook.
const FORMATS: &[&str] = &[
    "000_3e963503b18f6771.txt",
    "000_3e963503b18f6771.docx",
    "published/000_3e963503b18f6771.doc",
    "published/000_3e963503b18f6771.html",
    "published/000_3e963503b18f6771.pdf",
    "000_3e963503b18f6771-grid.xlsx",
];

/// The sample in each format, read into a whole model (the text save's figure is also
/// `parse_sample`).
#[divan::bench(args = FORMATS)]
fn parse_sample_as(b: Bencher, name: &str) {
    let bytes = data(name);
    b.counter(divan::counter::BytesCount::of_slice(&bytes)).bench(|| jixiao::parse_bytes(black_box(&bytes), &jixiao::ReadOptions::default()).unwrap());
}

/// The sample's PDF opened from its file (`jixiao::open`, as the CLI reads it): its font programs
/// are cut as the file is read, a window at a time (`read/pdf/cut.rs`), which reading the
/// caller's bytes (`parse_sample_as`) does not do.
#[divan::bench]
fn open_sample_pdf(b: Bencher) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/published/000_3e963503b18f6771.pdf");
    b.bench(|| jixiao::open(black_box(&path), &jixiao::ReadOptions::default()).unwrap());
}

/// n indicator rows under a header with one cell out in column XFD (a 73 KB workbook at 4,000):
/// the work per row follows the row's cells, not the 16,384 columns the header claims (it
/// looked each column role up across the whole header: 0.20 s for 4,000 rows, 0.08 s since).
#[divan::bench(args = [1000, 4000])]
fn parse_far_cell_sheet(b: Bencher, rows: usize) {
    let bytes = hostile::far_cell(rows);
    b.bench(|| jixiao::parse_bytes(black_box(&bytes), &jixiao::ReadOptions::default()).unwrap());
}

/// A text save whose header is a cell short of its n-cell rows: where the missing column goes
/// is decided from where the level columns stand, not by trying every place against the whole
/// header (30 s at 6,000 columns, found by a hostile review; 0.05 s since, release CLI).
#[divan::bench(args = [1500, 6000])]
fn parse_wide_short_header(b: Bencher, columns: usize) {
    let mut text = String::from("第二部分  项目支出绩效自评\n\n1、某项目绩效自评表\n");
    let header = ["一级指标", "二级指标", "三级指标", "指标值"].into_iter().map(str::to_owned).chain((4..columns - 1).map(|i| format!("列{i}")));
    let row = ["", "产出指标", "数量指标", "培训人数", "≥10人"].into_iter().map(str::to_owned).chain((5..columns).map(|i| i.to_string()));
    for cells in [header.collect::<Vec<_>>(), row.clone().collect(), row.collect()] {
        for c in cells {
            text.push('\t');
            text.push_str(&c);
            text.push('\n');
        }
        text.push('\n');
    }
    b.bench(|| jixiao::parse_str(black_box(&text), &jixiao::ReadOptions::default()).unwrap());
}

/// A header of n bands of a standard and its points that fails to be graded only at its last
/// label: the bands are checked once from the right, not from every start (found by a review:
/// 49.6 s for 40,004 CSV columns with a check from every start; 0.8 s for 50,004 since, release
/// CLI).
#[divan::bench(args = [2000, 20000])]
fn parse_wide_banded_header(b: Bencher, bands: usize) {
    let mut csv = String::from("一级指标,三级指标");
    for _ in 0..bands {
        csv.push_str(",评分标准,得分");
    }
    csv.push_str(",评分标准,分值\n产出指标,培训人数\n");
    b.bench(|| jixiao::parse_bytes(black_box(csv.as_bytes()), &jixiao::ReadOptions::default()).unwrap());
}

/// A table of n level-1 groups, each its own label (a framework printed in full, or a sheet of
/// many projects' groups): a label's category is found through an index, not by walking every
/// category before it (100 000 rows of 33 000 groups took 62 s, found by a hostile review; 0.5 s
/// since, release CLI).
#[divan::bench(args = [2000, 20000])]
fn parse_many_groups(b: Bencher, groups: usize) {
    let text = many_groups(groups);
    b.bench(|| jixiao::parse_str(black_box(&text), &jixiao::ReadOptions::default()).unwrap());
}

/// The review of such a table: each group label no form uses is flagged once, with the levels it
/// was filed under found in one pass (a walk of every category per label took 13 s for 33 000
/// groups, release CLI `check`; 1.4 s since, the whole check).
#[divan::bench(args = [2000, 20000])]
fn review_many_groups(b: Bencher, groups: usize) {
    let doc = jixiao::parse_str(&many_groups(groups), &jixiao::ReadOptions::default()).unwrap();
    let config = jixiao::ReviewConfig::new();
    b.bench(|| jixiao::review(black_box(&doc), &config));
}

/// A framework's text save of `groups` level-1 groups of two indicators, each its own label.
fn many_groups(groups: usize) -> String {
    let mut rows: Vec<Vec<String>> = vec![["一级指标", "三级指标", "指标说明", "分值"].map(str::to_owned).to_vec()];
    for g in 0..groups {
        rows.push(vec![format!("(一)项目前期工作{g}(4分)"), format!("指标{g}甲(2分)"), "说明".to_owned(), "2".to_owned()]);
        rows.push(vec![String::new(), format!("指标{g}乙(2分)"), "说明".to_owned(), "2".to_owned()]);
    }
    let mut text = String::from("第三部分  项目支出绩效评价\n\n1、某项目绩效评价指标体系表\n");
    for cells in rows {
        for c in cells {
            text.push('\t');
            text.push_str(&c);
            text.push('\n');
        }
        text.push('\n');
    }
    text
}

#[divan::bench]
fn parse_sample_gbk(b: Bencher) {
    let text = String::from_utf8(data("000_3e963503b18f6771.txt")).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let gbk = gbk.into_owned();
    b.bench(|| jixiao::parse_bytes(black_box(&gbk), &jixiao::ReadOptions::default()).unwrap());
}

/// The review must cost less than the parse it follows (compare with parse_sample).
#[divan::bench]
fn review_sample(b: Bencher) {
    let doc = jixiao::parse_bytes(&data("000_3e963503b18f6771.txt"), &jixiao::ReadOptions::default()).unwrap();
    let config = jixiao::ReviewConfig::new();
    b.bench(|| jixiao::review(black_box(&doc), &config));
}

#[divan::bench]
fn write_json(b: Bencher) {
    let doc = jixiao::parse_bytes(&data("000_3e963503b18f6771.txt"), &jixiao::ReadOptions::default()).unwrap();
    b.bench(|| jixiao::write::json::to_string(black_box(&doc), false).unwrap());
}

/// One text to JSON table by table as it is read (`jixiao parse` of one input), against
/// `parse_sample` and `write_json` together.
#[divan::bench]
fn parse_to_json_streamed(b: Bencher) {
    let bytes = data("000_3e963503b18f6771.txt");
    b.counter(divan::counter::BytesCount::of_slice(&bytes)).bench(|| {
        let mut out = Vec::new();
        let mut stream = jixiao::write::json::JsonStream::new(&mut out, false, None);
        let rest = jixiao::parse_bytes_to(black_box(&bytes), &jixiao::ReadOptions::default(), &mut stream).unwrap();
        stream.finish(&rest).unwrap();
        out.len()
    });
}

/// The sample in each format to JSON, table by table as it is read (`jixiao parse FILE`).
#[divan::bench(args = FORMATS)]
fn parse_to_json_streamed_as(b: Bencher, name: &str) {
    let bytes = data(name);
    b.counter(divan::counter::BytesCount::of_slice(&bytes)).bench(|| {
        let mut out = Vec::new();
        let mut stream = jixiao::write::json::JsonStream::new(&mut out, false, None);
        let rest = jixiao::parse_bytes_to(black_box(&bytes), &jixiao::ReadOptions::default(), &mut stream).unwrap();
        stream.finish(&rest).unwrap();
        out.len()
    });
}

#[divan::bench]
fn read_json(b: Bencher) {
    let doc = jixiao::parse_bytes(&data("000_3e963503b18f6771.txt"), &jixiao::ReadOptions::default()).unwrap();
    let json = jixiao::write::json::to_string(&doc, false).unwrap();
    b.bench(|| jixiao::write::json::from_str(black_box(&json)).unwrap());
}

#[divan::bench]
fn target_parse_all_cases(b: Bencher) {
    let table = String::from_utf8(data("targets.tsv")).unwrap();
    let raws: Vec<&str> = table.lines().filter(|l| !l.starts_with('#')).map(|l| l.split('\t').next().unwrap()).collect();
    b.counter(divan::counter::ItemsCount::new(raws.len())).bench(|| {
        for r in &raws {
            black_box(jixiao::Target::parse(black_box(r)));
        }
    });
}
