//! What only a format's own cells can say, read right from every format: a two-row header whose
//! upper row is merged across columns (绩效指标 over 一级 | 二级 | 三级, 年度指标值 over
//! 指标性质 | 指标值 | 度量单位, 分值 merged down), a cell whose second paragraph starts with a TAB,
//! and a cell whose second paragraph ends in 绩效目标表. The .docx is made by
//! tests/fixtures/make_spans.py, and the .doc, web page and PDF from it by LibreOffice; the Word
//! text save and the workbook are rendered here, as Word and Excel lay the same table out. The
//! reading below was written from the table, not from what jixiao prints.

mod common;

use jixiao::*;

/// One indicator: level-1, level-2 label, name (white space left out: a web page shows a TAB
/// as a space, a PDF none), comparator, value, unit, weight.
type Row = (Level1, &'static str, &'static str, Comparator, f64, &'static str, f64);

const EXPECTED: &[Row] = &[
    (Level1::Output, "数量指标", "培训人数含线上培训", Comparator::Ge, 500.0, "人", 20.0),
    (Level1::Output, "质量指标", "培训合格率", Comparator::Ge, 95.0, "%", 20.0),
    (Level1::Output, "时效指标", "完成时间分期完成情况见上年绩效目标表", Comparator::Le, 12.0, "月", 10.0),
    (Level1::Effect, "社会效益指标", "就业率提高", Comparator::Ge, 80.0, "%", 30.0),
    (Level1::Satisfaction, "服务对象满意度指标", "学员满意度", Comparator::Ge, 90.0, "%", 20.0),
];

/// An indicator as read.
type Read = (Level1, String, String, Option<Comparator>, Option<f64>, Option<String>, Option<f64>);

fn reading(doc: &Document) -> Vec<Read> {
    doc.tables()
        .flat_map(|(_, t)| t.indicators())
        .map(|(c, s, i)| {
            let name: String = i.name.chars().filter(|c| !c.is_whitespace()).collect();
            (c.level1, s.label.clone(), name, i.target.comparator, i.target.value, i.target.unit.clone(), i.weight)
        })
        .collect()
}

fn assert_reads_right(format: &str, doc: &Document) {
    let expected: Vec<_> = EXPECTED
        .iter()
        .map(|&(l1, l2, name, cmp, v, unit, w)| (l1, l2.to_owned(), name.to_owned(), Some(cmp), Some(v), Some(unit.to_owned()), Some(w)))
        .collect();
    assert_eq!(reading(doc), expected, "{format}");
    assert_eq!(doc.tables().count(), 1, "{format}: a cell's paragraph that reads as a title is not a table");
    let (_, t) = doc.tables().next().expect("one table");
    assert_eq!((t.number, t.name.as_str()), (Some(1), "职业技能培训项目"), "{format}");
    assert_eq!(t.objective.as_deref(), Some("完成年度培训任务。"), "{format}");
    assert!(doc.notes.is_empty(), "{format}: nothing left unplaced, {:?}", doc.notes);
    // The cell keeps its two paragraphs, the second after a line break.
    let (_, _, first) = t.indicators().next().expect("an indicator");
    assert!(first.name.starts_with("培训人数\n") && first.name.ends_with("含线上培训"), "{format}: {:?}", first.name);
}

fn published(name: &str) -> Document {
    jixiao::open(common::data_dir().join("published").join(name), &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn word_web_page_pdf_and_doc_read_their_own_cells() {
    for name in ["spans.docx", "spans.doc", "spans.html", "spans.pdf"] {
        assert_reads_right(name, &published(name));
    }
    // Word keeps the TAB that opens the paragraph; so does the .doc LibreOffice wrote.
    for name in ["spans.docx", "spans.doc"] {
        let doc = published(name);
        let (_, _, first) = doc.tables().next().unwrap().1.indicators().next().unwrap();
        assert_eq!(first.name, "培训人数\n\t含线上培训", "{name}");
    }
}

/// The table as Word saves it as plain text: a cell a TAB line, a cell's further paragraph
/// after a blank line as written (a TAB at its start included), a blank line between rows, two
/// after the table; the upper header's merged cells once each, the cell merged down empty.
fn word_text_save() -> String {
    let rows: &[&[&str]] = &[
        &["绩效目标", "完成年度培训任务。"],
        &["绩效指标", "年度指标值", "分值"],
        &["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", ""],
        &["产出指标", "数量指标", "培训人数\n\t含线上培训", "≥", "500", "人", "20"],
        &["", "质量指标", "培训合格率", "≥", "95", "%", "20"],
        &["", "时效指标", "完成时间\n分期完成情况见上年绩效目标表", "≤", "12", "月", "10"],
        &["效益指标", "社会效益指标", "就业率提高", "≥", "80", "%", "30"],
        &["满意度指标", "服务对象满意度指标", "学员满意度", "≥", "90", "%", "20"],
    ];
    let mut out = String::from("2024年部门预算绩效信息\n第三部分 预算项目绩效目标\n1、职业技能培训项目绩效目标表\n");
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for cell in *row {
            let mut paragraphs = cell.split('\n');
            out.push('\t');
            out.push_str(paragraphs.next().unwrap_or_default());
            out.push('\n');
            for p in paragraphs {
                out.push('\n');
                out.push_str(p);
                out.push('\n');
            }
        }
    }
    out.push_str("\n\n");
    out
}

#[test]
fn a_word_text_save_reads_the_same() {
    let text = word_text_save();
    let doc = parse_str(&text, &ReadOptions::default()).expect("the text save reads");
    assert_reads_right("text save", &doc);
    let (_, _, first) = doc.tables().next().unwrap().1.indicators().next().unwrap();
    assert_eq!(first.name, "培训人数\n\t含线上培训");
}

/// The table as a workbook lays it out: merged ranges for the upper header and the 一级 cell,
/// a cell's paragraphs as line breaks in it.
fn workbook() -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("项目1-职业技能培训项目").unwrap();
    let f = Format::new();
    ws.write_string(0, 0, "1、职业技能培训项目绩效目标表").unwrap();
    ws.write_string(1, 0, "绩效目标").unwrap();
    ws.merge_range(1, 1, 1, 6, "完成年度培训任务。", &f).unwrap();
    ws.merge_range(2, 0, 2, 2, "绩效指标", &f).unwrap();
    ws.merge_range(2, 3, 2, 5, "年度指标值", &f).unwrap();
    ws.merge_range(2, 6, 3, 6, "分值", &f).unwrap();
    for (c, label) in ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"].iter().enumerate() {
        ws.write_string(3, c as u16, *label).unwrap();
    }
    ws.merge_range(4, 0, 6, 0, "产出指标", &f).unwrap();
    for (r, row) in EXPECTED.iter().enumerate() {
        let r = 4 + r as u32;
        let (l1, l2, name, cmp, v, unit, w) = *row;
        if r > 6 {
            ws.write_string(r, 0, if l1 == Level1::Effect { "效益指标" } else { "满意度指标" }).unwrap();
        }
        let name = match name {
            "培训人数含线上培训" => "培训人数\n\t含线上培训",
            "完成时间分期完成情况见上年绩效目标表" => "完成时间\n分期完成情况见上年绩效目标表",
            n => n,
        };
        ws.write_string(r, 1, l2).unwrap();
        ws.write_string(r, 2, name).unwrap();
        ws.write_string(r, 3, if cmp == Comparator::Ge { "≥" } else { "≤" }).unwrap();
        ws.write_number(r, 4, v).unwrap();
        ws.write_string(r, 5, unit).unwrap();
        ws.write_number(r, 6, w).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_workbook_with_merged_ranges_reads_the_same() {
    let doc = parse_bytes(&workbook(), &ReadOptions::default()).expect("the workbook reads");
    assert_reads_right("workbook", &doc);
}
