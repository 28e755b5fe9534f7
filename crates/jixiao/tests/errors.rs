//! Bad input: a clear error naming the file, the line and what is wrong; nothing unplaced is lost.

use jixiao::{Error, ReadOptions};

fn named(path: &str) -> ReadOptions {
    ReadOptions { path: Some(path.into()), ..Default::default() }
}

#[test]
fn not_a_performance_document_is_an_error() {
    for input in ["", "\n\n  \n", "Dear reader,\nthis is a letter.\n", "{\"a\": 1}"] {
        let err = jixiao::parse_bytes(input.as_bytes(), &named("x.txt")).unwrap_err();
        assert!(matches!(err, Error::Parse { .. }), "{input:?}: {err:?}");
        assert!(err.to_string().starts_with("x.txt: "), "{err}");
        assert!(err.to_string().contains("performance document"), "{err}");
    }
}

#[test]
fn containers_are_named_not_misread() {
    let err = jixiao::parse_bytes(b"PK\x03\x04rest-of-zip", &named("a.docx")).unwrap_err();
    assert!(matches!(err, Error::UnsupportedFormat { .. }));
    assert!(err.to_string().contains("a.docx") && err.to_string().contains("ZIP"), "{err}");
}

#[test]
fn binary_garbage_names_the_line() {
    let err = jixiao::parse_bytes(b"line one\nline two\n\x00\x9f\x92\x96", &named("g.bin")).unwrap_err();
    assert_eq!(err.path(), Some("g.bin"));
    assert_eq!(err.line(), Some(3));
}

#[test]
fn broken_json_names_the_line() {
    let err = jixiao::parse_bytes(b"{\"schema_version\": 1,\n\"title\": }", &named("d.json")).unwrap_err();
    assert!(matches!(err, Error::Json { .. }));
    assert_eq!(err.line(), Some(2));
}

#[test]
fn missing_file_is_an_io_error_naming_it() {
    let err = jixiao::open("/nonexistent/dept.txt", &ReadOptions::default()).unwrap_err();
    assert!(err.to_string().starts_with("/nonexistent/dept.txt: "), "{err}");
}

#[test]
fn unplaced_content_is_kept_with_its_line() {
    let text = "2021年部门预算绩效信息\n\
                第二部分 专项资金绩效目标\n\
                stray paragraph\n\
                1、某资金绩效目标表\n\
                \t绩效目标\n\t目标\n\n\
                \t说明\n\t表头前的行\n\n\
                \t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\
                \t产出指标\n\t数量指标\n\t人数\n\t≥5人\n\t多出的格\n\n\n\
                after the table\n";
    let doc = jixiao::parse_str(text, &ReadOptions::default()).unwrap();
    let notes: Vec<(usize, &str)> = doc.notes.iter().map(|n| (n.location.line_number().unwrap_or(0), n.text.as_str())).collect();
    assert_eq!(notes, [(3, "stray paragraph"), (8, "说明"), (9, "表头前的行"), (20, "多出的格"), (23, "after the table")]);
    assert_eq!(doc.indicator_count(), 1);
}

#[test]
fn tables_without_a_part_heading_and_unknown_labels() {
    let text = "1、某项目绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\
                \t影响指标\n\t新型指标\n\t覆盖\n\t明显提高\n\n";
    let doc = jixiao::parse_str(text, &ReadOptions::default()).unwrap();
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(doc.sections[0].number, None);
    let c = &doc.sections[0].tables[0].categories[0];
    assert_eq!((c.level1, c.label.as_str()), (jixiao::Level1::Other, "影响指标"));
    assert_eq!((c.children[0].level2, c.children[0].label.as_str()), (jixiao::Level2::Other, "新型指标"));
}

/// Defects from the reliability issue, each read as it should be.
#[test]
fn page_breaks_spaces_and_decimals_read_right() {
    // A form feed (Word's page break) and a space before the TAB still start cells: the value
    // 90% is not glued onto the previous cell.
    let text = "第二部分  专项资金绩效目标\n1、某资金绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t人数\n\u{c}\t≥10人\n\n\t\n\t质量指标\n \t合格率\n\t≥90%\n";
    let doc = jixiao::parse_str(text, &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    let got: Vec<(&str, &str)> = t.indicators().map(|(_, _, i)| (i.name.as_str(), i.target.raw.as_str())).collect();
    assert_eq!(got, [("人数", "≥10人"), ("合格率", "≥90%")]);
    assert!(doc.notes.is_empty());
    // A goal that starts with a decimal is not goal 1.
    let text = "第一部分  部门整体绩效目标\n（一）总体绩效目标\n1、推进就业\n1.5万人参加培训。\n";
    let doc = jixiao::parse_str(text, &ReadOptions::default()).unwrap();
    let goals = &doc.overview.as_ref().unwrap().goals;
    assert_eq!(goals.len(), 1);
    assert_eq!(goals[0].title, "推进就业");
}

#[test]
fn json_versions() {
    // Without the optional schema_version it is still jixiao JSON; a newer version is refused.
    let doc = jixiao::parse_str(r#"{"title": "t", "year": null, "overview": null, "sections": [], "notes": []}"#, &ReadOptions::default()).unwrap();
    assert_eq!(doc.schema_version, jixiao::SCHEMA_VERSION);
    let err = jixiao::parse_str(r#"{"schema_version": 999, "title": "t", "year": null, "overview": null, "sections": [], "notes": []}"#, &named("new.json"))
        .unwrap_err();
    assert!(err.to_string().contains("new.json") && err.to_string().contains("999"), "{err}");
}

#[test]
fn a_second_whole_department_part_is_kept() {
    let text = "第一部分  部门整体绩效目标\n（一）总体绩效目标\n1、推进就业\n第三部分  部门整体支出情况说明\n全年支出稳定。\n1、保障运转\n";
    let doc = jixiao::parse_str(text, &ReadOptions::default()).unwrap();
    let notes: Vec<&str> = doc.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(notes, ["第三部分  部门整体支出情况说明", "全年支出稳定。", "1、保障运转"]);
    // A lone label that ends in 目标 above the header is kept, not swallowed as an empty objective.
    let text = "第二部分  专项资金绩效目标\n1、某资金绩效目标表\n\t年度目标\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t人数\n\t≥10人\n";
    let doc = jixiao::parse_str(text, &ReadOptions::default()).unwrap();
    assert_eq!(doc.sections[0].tables[0].objective, None);
    assert_eq!(doc.notes.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(), ["年度目标"]);
}

#[test]
fn encoding_errors_name_the_real_line() {
    // A UTF-8 file damaged on line 2501: the error is there, not at line 1.
    let mut bytes = "第二部分  专项资金绩效目标\n".repeat(2500).into_bytes();
    bytes.extend_from_slice(b"\xff\xfe\xfd bad\n");
    let err = jixiao::parse_bytes(&bytes, &named("damaged.txt")).unwrap_err();
    assert_eq!(err.line(), Some(2501), "{err}");
    assert!(err.to_string().starts_with("damaged.txt:2501:"), "{err}");
    // UTF-16 without a BOM, cut off mid-character, is UTF-16, not binary.
    let mut utf16: Vec<u8> = "第二部分  专项资金绩效目标\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    utf16.push(0x41);
    let err = jixiao::parse_bytes(&utf16, &named("cut.txt")).unwrap_err();
    assert!(err.to_string().contains("UTF-16"), "{err}");
}

/// Every format's tables are charged to the read's memory budget where they enter the table
/// pipeline: past it, the read is an error naming the file, the reader and the limit, and no
/// document comes out; within it (the default) the same file reads.
#[test]
fn every_reader_is_held_to_the_memory_budget() {
    for (name, reader) in [("000_3e963503b18f6771.txt", "text"), ("000_3e963503b18f6771.docx", "docx"), ("sheets-features.ods", "xlsx")] {
        let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data").join(name);
        let tight = jixiao::ReadOptions { limits: jixiao::Limits { max_memory: Some(20_000), ..jixiao::Limits::default() }, ..jixiao::ReadOptions::default() };
        let err = jixiao::open(&path, &tight).unwrap_err().to_string();
        assert!(err.contains(name) && err.contains(&format!("the {reader} reader")) && err.contains("20000 bytes") && err.contains("max_memory"), "{err}");
        assert!(jixiao::open(&path, &jixiao::ReadOptions::default()).is_ok(), "{name}");
    }
}
