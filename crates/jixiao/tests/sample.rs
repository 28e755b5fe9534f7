//! The sample document: structure, cell texts, encodings, round trips.

mod common;

use common::{sample, sample_bytes, without_lines};
use jixiao::{Comparator, Encoding, Level1, Level2, Location, ReadOptions, SectionKind, TargetKind};

#[test]
fn finds_every_part_table_and_indicator() {
    let doc = sample();
    assert_eq!(doc.schema_version, 2);
    assert_eq!(doc.title, "2020年部门预算绩效信息");
    assert_eq!(doc.year, Some(2020));
    assert_eq!(doc.sections.len(), 2);
    assert_eq!((doc.sections[0].number, doc.sections[0].kind), (Some(2), SectionKind::SpecialFund));
    assert_eq!(doc.sections[0].heading, "第二部分  专项资资金绩效目标", "the heading keeps its typo");
    assert_eq!((doc.sections[1].number, doc.sections[1].kind), (Some(3), SectionKind::BudgetProject));
    assert_eq!(doc.sections[0].tables.len(), 23);
    assert_eq!(doc.sections[1].tables.len(), 11);
    assert_eq!(doc.indicator_count(), 115);
    assert!(doc.notes.is_empty(), "nothing unplaced in the sample: {:?}", doc.notes);
}

#[test]
fn every_table_is_numbered_in_order_with_the_sample_columns() {
    let doc = sample();
    for s in &doc.sections {
        for (i, t) in s.tables.iter().enumerate() {
            assert_eq!(t.number, Some(i as u32 + 1), "{}", t.title);
            assert!(t.title.ends_with("绩效目标表"));
            assert!(!t.name.ends_with("绩效目标表") && !t.name.starts_with(char::is_numeric));
            assert_eq!(t.columns, ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]);
            assert!(t.objective.as_deref().is_some_and(|o| !o.is_empty()));
            // The classic form: 3 level-1 categories, 9 level-2 ones, empty ones kept as skeleton.
            let level1: Vec<Level1> = t.categories.iter().map(|c| c.level1).collect();
            assert_eq!(level1, [Level1::Output, Level1::Effect, Level1::Satisfaction], "{}", t.title);
            assert_eq!(t.categories.iter().map(|c| c.children.len()).sum::<usize>(), 9, "{}", t.title);
        }
    }
}

#[test]
fn tc_fields_on_the_title_line_and_on_the_next_line() {
    let doc = sample();
    let first = &doc.sections[0].tables[0];
    assert_eq!(first.title, "1、补助被征地农民支出(人社)绩效目标表");
    let toc = first.toc.as_ref().expect("table 1 has its TC field on the next line");
    // The stale entry is kept as written: it names another table, with identifier C.
    assert_eq!(toc.text, "1、办案业务、办案设备及科技强检经费绩效目标表");
    assert_eq!((toc.identifier.as_deref(), toc.level), (Some("C"), Some(1)));
    let second = &doc.sections[0].tables[1];
    assert_eq!(second.title, "2、城乡居民基本养老保险区级补助资金绩效目标表");
    assert_eq!(second.toc.as_ref().unwrap().identifier.as_deref(), Some("B"));
    assert!(doc.sections[0].tables[11].toc.is_none(), "table 12 has no TC field");
}

#[test]
fn first_table_rows_exactly() {
    let doc = sample();
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.location, Location::line(109));
    let (cat, sub, ind) = t.indicators().next().unwrap();
    assert_eq!((cat.level1, cat.label.as_str()), (Level1::Output, "产出指标"));
    assert_eq!((sub.level2, sub.label.as_str()), (Level2::Quantity, "数量指标"));
    assert_eq!(ind.name, "补助数量");
    assert_eq!(ind.description, "补助个人（家庭）数量（人/户）");
    assert_eq!(ind.target.raw, "补助1007家庭户，补助1630名被征地农民");
    assert_eq!(ind.target.kind, TargetKind::Compound);
    assert_eq!(ind.target.parts.len(), 2);
    assert_eq!(ind.basis, "补助个人及家庭数量");
    assert_eq!(ind.location, Location::line(122));
    let satisfaction = t.categories.last().unwrap();
    let s = &satisfaction.children[0].indicators[0];
    assert_eq!((s.target.comparator, s.target.value, s.target.unit.as_deref()), (Some(Comparator::Ge), Some(90.0), Some("%")));
}

#[test]
fn paragraphs_inside_a_cell_after_a_blank_line() {
    // Table 10 of part 2: two cells hold a second paragraph after a blank line.
    let doc = sample();
    let t = &doc.sections[0].tables[9];
    let ind = &t.categories[2].children[0].indicators[0];
    assert_eq!(ind.name, "增强青少年学法、尊法\n守法、用法意识");
    assert_eq!(ind.description, "法律意识");
    assert_eq!(ind.basis, "青少年学法、尊法\n守法、用法意识提高");
}

#[test]
fn a_repeated_level2_label_adds_to_its_category() {
    // Table 6 of part 3 has four rows labelled 社会效益指标.
    let doc = sample();
    let t = &doc.sections[1].tables[5];
    let social = &t.categories[1].children[1];
    assert_eq!(social.level2, Level2::SocialBenefit);
    assert_eq!(social.indicators.len(), 4);
    assert_eq!(t.categories[1].children.len(), 4, "one category, not four");
}

#[test]
fn overview_goals_responsibilities_safeguards() {
    let doc = sample();
    let ov = doc.overview.as_ref().expect("part 1");
    assert_eq!(ov.heading, "第一部分  部门整体绩效目标");
    assert!(ov.intro.starts_with("在2019年各项工作的基础上"));
    assert_eq!(ov.goals.len(), 6);
    assert_eq!(ov.goals[0].title, "推动机构人事工作提质增效");
    assert_eq!(ov.goals.iter().map(|g| g.items.len()).collect::<Vec<_>>(), [5, 5, 2, 3, 3, 2]);
    let inline = &ov.goals[3].items;
    assert_eq!(inline[0].text, "深入推进扫黑除恶专项斗争。");
    assert_eq!(inline[2].number, 3);
    assert_eq!(ov.responsibilities.len(), 12);
    let r7 = &ov.responsibilities[6];
    assert_eq!(r7.name, "社会治安综合治理");
    assert!(r7.description.contains("（1）防范工作\n①了解掌握"), "{}", r7.description);
    assert_eq!(ov.safeguards.len(), 2);
    // The subsection headings keep their TC fields (identifier A: part 1 headings).
    let heads: Vec<(&str, Option<&str>, usize)> =
        ov.subheadings.iter().map(|h| (h.text.as_str(), h.toc.as_ref().map(|t| t.text.as_str()), h.location.line_number().unwrap_or(0))).collect();
    assert_eq!(heads, [("（一）总体绩效目标", None, 3), ("（二）分项绩效目标", Some("分项绩效目标"), 50), ("（三）工作保障措施", Some("工作保障措施"), 98)]);
    assert_eq!(ov.subheadings[1].toc.as_ref().unwrap().identifier.as_deref(), Some("A"));
    assert_eq!(ov.safeguards[0].title, "推进和谐新区建设再创佳绩");
    assert!(ov.safeguards[1].text.starts_with("一是加大政策法规宣传力度"));
}

/// The sample re-encoded as Word saves it: every encoding and line end gives the same model.
#[test]
fn every_encoding_and_line_end_gives_the_same_model() {
    let text = String::from_utf8(sample_bytes()).unwrap();
    let expected = sample();
    let crlf = text.replace('\n', "\r\n");
    let cr = text.replace('\n', "\r");
    let mut utf8_bom = b"\xEF\xBB\xBF".to_vec();
    utf8_bom.extend_from_slice(crlf.as_bytes());
    let mut utf16le = vec![0xFF, 0xFE];
    utf16le.extend(crlf.encode_utf16().flat_map(u16::to_le_bytes));
    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend(crlf.encode_utf16().flat_map(u16::to_be_bytes));
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&crlf);
    assert!(!unmappable);
    let gbk = gbk.into_owned();
    for (name, bytes) in
        [("crlf", crlf.into_bytes()), ("cr", cr.into_bytes()), ("utf8-bom", utf8_bom), ("utf16le", utf16le), ("utf16be", utf16be), ("gbk", gbk)]
    {
        let doc = jixiao::parse_bytes(&bytes, &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc, expected, "{name}");
    }
}

#[test]
fn json_round_trip_is_equal() {
    let doc = sample();
    for pretty in [true, false] {
        let json = jixiao::write::json::to_string(&doc, pretty).unwrap();
        assert!(json.starts_with(if pretty { "{\n  \"schema_version\": 2," } else { "{\"schema_version\":2," }));
        assert_eq!(jixiao::write::json::from_str(&json).unwrap(), doc);
        // JSON is also an input format, detected from the content.
        assert_eq!(jixiao::parse_bytes(json.as_bytes(), &ReadOptions::default()).unwrap(), doc);
    }
}

#[test]
fn text_round_trip_gives_an_equal_model() {
    let doc = sample();
    let text = jixiao::write::text::to_string(&doc);
    let again = jixiao::parse_str(&text, &ReadOptions::default()).unwrap();
    assert_eq!(without_lines(&again), without_lines(&doc));
    // And the writer is a fixed point from there on, lines included.
    let text2 = jixiao::write::text::to_string(&again);
    assert_eq!(text2, text);
    assert_eq!(jixiao::parse_str(&text2, &ReadOptions::default()).unwrap(), again);
}

/// The lines of each table from its first cell to its last, as they stand in a text.
fn table_blocks(text: &str) -> Vec<Vec<String>> {
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks: Vec<Vec<String>> = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in lines {
        if !line.starts_with('\t') && line.trim_end().ends_with("绩效目标表") || line.contains("绩效目标表 TC ") || line.starts_with("第") {
            blocks.extend(current.take());
            current = line.contains("绩效目标表").then(Vec::new);
            continue;
        }
        if let Some(block) = &mut current
            && (line.starts_with('\t') || !block.is_empty())
        {
            block.push(line.to_owned());
        }
    }
    blocks.extend(current);
    // Row separators are blank lines; the sample has one double one (table 6 of part 3), which
    // is layout, not a cell: compare with runs of blank lines counted as one.
    for b in &mut blocks {
        while b.last().is_some_and(|l| l.trim().is_empty()) {
            b.pop();
        }
        b.dedup_by(|x, y| x.is_empty() && y.is_empty());
    }
    blocks
}

#[test]
fn indicator_rows_come_out_cell_for_cell() {
    let source = String::from_utf8(sample_bytes()).unwrap();
    let written = jixiao::write::text::to_string(&sample());
    let (a, b) = (table_blocks(&source), table_blocks(&written));
    assert_eq!(a.len(), 34);
    assert_eq!(a.len(), b.len());
    for (i, (x, y)) in a.iter().zip(&b).enumerate() {
        assert_eq!(x, y, "table block {i}");
    }
}

#[test]
fn explicit_encoding_override() {
    let text = String::from_utf8(sample_bytes()).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let options = ReadOptions { encoding: Encoding::Gb18030, ..Default::default() };
    assert_eq!(jixiao::parse_bytes(&gbk, &options).unwrap(), sample());
    let wrong = ReadOptions { encoding: Encoding::Utf8, path: Some("dept.txt".into()), ..Default::default() };
    let err = jixiao::parse_bytes(&gbk, &wrong).unwrap_err();
    assert!(err.to_string().starts_with("dept.txt:1: not valid UTF-8"), "{err}");
}
