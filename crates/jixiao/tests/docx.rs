//! Word files: the sample's .docx (as shared, and rewritten the way real Word files are messy by
//! tests/fixtures/make_docx.py) reads to the same model as its text save, cell for cell; the
//! features the sample lacks read as a reader of the document would; hostile files are refused
//! within the limits.

mod common;

use std::io::Write;

use jixiao::*;

fn open(name: &str) -> Document {
    jixiao::open(common::data_dir().join(name), &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_sample_docx_reads_as_its_text_save() {
    let text = common::sample();
    for name in ["000_3e963503b18f6771.docx", "000_3e963503b18f6771-messy.docx"] {
        let doc = open(name);
        assert_eq!(common::without_lines(&doc), common::without_lines(&text), "{name}");
        // Every indicator says where it is in the Word file: a table cell.
        for (_, t) in doc.tables() {
            for (_, _, i) in t.indicators() {
                let at = i.location.clone();
                assert!(at.table().is_some() && at.row().is_some() && at.column().is_some(), "{name}: {} at {at}", i.name);
            }
            assert!(t.location.paragraph_number().is_some(), "{name}: the title is a paragraph");
        }
    }
}

#[test]
fn where_things_are_in_a_word_file() {
    let doc = open("000_3e963503b18f6771.docx");
    let (_, first) = doc.tables().next().unwrap();
    let (_, _, ind) = first.indicators().next().unwrap();
    // The first table's first indicator is its row 3 (after the objective and the header); a
    // node stands where its row begins.
    assert_eq!(ind.location.to_string(), "table 1, row 3, column 1");
}

#[test]
fn features_the_sample_lacks() {
    let doc = open("docx-features.docx");
    assert_eq!((doc.title.as_str(), doc.year), ("2023年部门预算绩效信息", Some(2023)));
    let s = &doc.sections[0];
    assert_eq!((s.number, s.heading.as_str()), (Some(2), "第二部分  专项资金绩效目标"), "numbered by a Chinese list");
    let t = &s.tables[0];
    assert_eq!((t.number, t.title.as_str()), (Some(1), "1、就业补助资金绩效目标表"), "the 1、 comes from numbering.xml");
    let toc = t.toc.as_ref().expect("a fldSimple TC field");
    assert_eq!((toc.text.as_str(), toc.identifier.as_deref(), toc.level), ("就业补助资金绩效目标表", Some("B"), Some(1)));
    assert_eq!(t.objective.as_deref(), Some("完成培训任务。"), "a cell over three grid columns");
    let got: Vec<(Level1, &str, Option<Comparator>, Option<f64>)> =
        t.indicators().map(|(c, _, i)| (c.level1, i.name.as_str(), i.target.comparator, i.target.value)).collect();
    assert_eq!(
        got,
        [
            (Level1::Output, "培训\n人次", Some(Comparator::Ge), Some(1500.0)),
            (Level1::Output, "合格率", Some(Comparator::Ge), Some(90.0)),
            (Level1::Satisfaction, "满意度", Some(Comparator::Ge), Some(90.0)),
        ],
        "a line break in a cell, a vertically merged 一级 cell, full-width signs, a tab"
    );
    // The nested table is kept (and reported) as a note at its cell; a page footer after the
    // table is body text that fits nowhere, also kept; the PAGE field's instruction never shows.
    let notes: Vec<(String, &str)> = doc.notes.iter().map(|n| (n.location.to_string(), n.text.as_str())).collect();
    assert_eq!(notes, [("table 1, row 4, column 3".to_owned(), "附表\t细目"), ("paragraph 4".to_owned(), "第3页")]);
}

/// A .docx from parts, stored without compression unless `deflate`.
fn docx(parts: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let method = if deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        for (name, data) in parts {
            z.start_file(*name, options).unwrap();
            z.write_all(data).unwrap();
        }
        z.finish().unwrap();
    }
    out.into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn document(body: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#).into_bytes()
}

fn limited(limits: Limits) -> ReadOptions {
    ReadOptions { limits, path: Some("hostile.docx".into()), ..ReadOptions::default() }
}

#[test]
fn hostile_word_files_are_refused_within_the_limits() {
    // A zip bomb: 20 MB of spaces inflate from a few kilobytes.
    let bomb = document(&format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", " ".repeat(20 << 20)));
    let bytes = docx(&[("word/document.xml", &bomb)], true);
    assert!(bytes.len() < 200_000);
    let err = parse_bytes(&bytes, &limited(Limits { max_bytes: 1 << 20, ..Limits::default() })).unwrap_err();
    assert!(err.to_string().contains("hostile.docx") && err.to_string().contains("max_bytes"), "{err}");
    // Nesting deeper than the limit.
    let deep = document(&("<w:sdt><w:sdtContent>".repeat(300) + &"</w:sdtContent></w:sdt>".repeat(300)));
    let err = parse_bytes(&docx(&[("word/document.xml", &deep)], false), &limited(Limits::default())).unwrap_err();
    assert!(err.to_string().contains("max_depth"), "{err}");
    // Too many entries.
    let names: Vec<String> = (0..40).map(|i| format!("word/media/{i}.bin")).collect();
    let mut parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    let body = document("<w:p/>");
    parts.push(("word/document.xml", &body));
    let err = parse_bytes(&docx(&parts, false), &limited(Limits { max_entries: 10, ..Limits::default() })).unwrap_err();
    assert!(err.to_string().contains("max_entries"), "{err}");
    // Too many cells.
    let row = "<w:tr>".to_owned() + &"<w:tc><w:p/></w:tc>".repeat(50) + "</w:tr>";
    let table = document(&format!("<w:tbl>{}</w:tbl>", row.repeat(50)));
    let err = parse_bytes(&docx(&[("word/document.xml", &table)], true), &limited(Limits { max_cells: 1000, ..Limits::default() })).unwrap_err();
    assert!(err.to_string().contains("max_cells"), "{err}");
    // Broken XML is a clear error, not a panic.
    let broken = docx(&[("word/document.xml", b"<w:document><w:body><w:p>")], false);
    assert!(parse_bytes(&broken, &limited(Limits::default())).is_err());
}

#[test]
fn formats_are_told_from_the_content_and_old_ones_named() {
    // An old binary Word file is read by its own reader (tests/doc.rs); one that only names a
    // WordDocument stream is a damaged one.
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.extend(std::iter::repeat_n(0u8, 504));
    doc.extend("WordDocument".bytes().flat_map(|b| [b, 0]));
    doc.extend([0, 0]); // a directory entry: at a multiple of 128, the name ended by a zero unit
    let err = parse_bytes(&doc, &ReadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("a damaged Word .doc file"), "{err}");
    let err = parse_bytes(&docx(&[("hello.txt", b"hi")], false), &ReadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("neither a Word .docx nor a spreadsheet"), "{err}");
    // A .docx named .txt still reads as Word: the name never decides.
    let dir = std::env::temp_dir().join(format!("jixiao-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("renamed.txt");
    std::fs::copy(common::data_dir().join("000_3e963503b18f6771.docx"), &path).unwrap();
    assert_eq!(jixiao::open(&path, &ReadOptions::default()).unwrap().indicator_count(), 115);
    std::fs::remove_dir_all(dir).ok();
}

// ---- issue 27, second probe: Word files ----

fn cell(text: &str) -> String {
    format!("<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
}

/// A 绩效目标表 titled `title` whose one indicator's value cell holds `value` (raw runs).
fn target_table(title: &str, value_runs: &str) -> String {
    let header = ["一级指标", "二级指标", "三级指标", "指标值"].map(cell).concat();
    let row = ["产出指标", "数量指标", "培训人次"].map(cell).concat() + &format!("<w:tc><w:p>{value_runs}</w:p></w:tc>");
    format!("<w:p><w:r><w:t>{title}</w:t></w:r></w:p><w:tbl><w:tr>{header}</w:tr><w:tr>{row}</w:tr></w:tbl>")
}

fn json(doc: &Document) -> String {
    serde_json::to_string(doc).unwrap()
}

fn read(parts: &[(&str, &[u8])]) -> Document {
    parse_bytes(&docx(parts, true), &limited(Limits::default())).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn empty_paragraphs_count_against_the_limits_and_cost_nothing() {
    // 3,000 empty paragraphs are 3,000 elements: past a limit of 1,000.
    let body = document(&"<w:p/>".repeat(3000));
    let err = parse_bytes(&docx(&[("word/document.xml", &body)], true), &limited(Limits { max_cells: 1000, ..Limits::default() })).unwrap_err();
    assert!(err.to_string().contains("paragraphs") && err.to_string().contains("max_cells"), "{err}");
    // 1 M of them (6 MB from a few kilobytes) read within a budget of 16 MiB: they build nothing.
    let body = document(&("<w:p/>".repeat(1_000_000) + &target_table("1、某项目绩效目标表", "<w:r><w:t>≥95%</w:t></w:r>")));
    let bytes = docx(&[("word/document.xml", &body)], true);
    assert!(bytes.len() < 50_000, "{}", bytes.len());
    let started = std::time::Instant::now();
    let doc = parse_bytes(&bytes, &limited(Limits { max_memory: Some(16 << 20), ..Limits::default() })).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.indicator_count(), 1);
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}

#[test]
fn a_list_level_past_words_nine_is_the_last() {
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let p = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="4294967295"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>某项目绩效目标表</w:t></w:r></w:p>"#;
    let body = document(&format!("<w:p><w:r><w:t>标题</w:t></w:r></w:p>{}", p.repeat(3)));
    let started = std::time::Instant::now();
    read(&[("word/document.xml", &body), ("word/numbering.xml", numbering.as_bytes())]);
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}

#[test]
fn a_symbol_font_sym_reads_as_the_sign_it_shows() {
    let runs = r#"<w:r><w:sym w:font="Symbol" w:char="F0B3"/><w:t>95%</w:t></w:r>"#;
    let body = document(&target_table("1、某项目绩效目标表", runs));
    let doc = read(&[("word/document.xml", &body)]);
    let (_, t) = doc.tables().next().expect("a table");
    let (_, _, i) = t.indicators().next().expect("an indicator");
    assert_eq!((i.target.raw.as_str(), i.target.comparator, i.target.value), ("≥95%", Some(Comparator::Ge), Some(95.0)));
}

#[test]
fn an_alt_chunk_is_read_where_it_stands() {
    let rels = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdHtml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk1.htm"/><Relationship Id="rIdGone" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="missing.htm"/></Relationships>"#;
    let page = "<html><body><p>1、某项目绩效目标表</p><table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr><tr><td>产出指标</td><td>数量指标</td><td>嵌入指标</td><td>≥3次</td></tr></table></body></html>";
    let body = document(r#"<w:p><w:r><w:t>标题</w:t></w:r></w:p><w:altChunk r:id="rIdHtml" xmlns:r="r"/><w:altChunk r:id="rIdGone" xmlns:r="r"/>"#);
    let doc = read(&[("word/document.xml", &body), ("word/_rels/document.xml.rels", rels), ("word/chunk1.htm", page.as_bytes())]);
    let names: Vec<&str> = doc.tables().flat_map(|(_, t)| t.indicators().map(|(_, _, i)| i.name.as_str())).collect();
    assert_eq!(names, ["嵌入指标"]);
    assert!(doc.notes.iter().any(|n| n.text.contains("missing.htm") && n.text.contains("not read")), "{:?}", doc.notes);
}

#[test]
fn text_box_text_is_read_once_where_its_anchor_stands() {
    let txbx = "<w:txbxContent><w:p><w:r><w:t>框中文字</w:t></w:r></w:p></w:txbxContent>";
    let anchored = format!(
        r#"<w:p><w:r><w:t>锚前</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="mc"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="wp"><a:graphic xmlns:a="a"><a:graphicData><wps:wsp xmlns:wps="wps"><wps:txbx>{txbx}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="v"><v:textbox>{txbx}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#
    );
    let body = document(&format!(
        "<w:p><w:r><w:t>标题</w:t></w:r></w:p><w:p><w:r><w:t>第一部分 部门整体绩效目标</w:t></w:r></w:p>{anchored}<w:p><w:r><w:t>其后</w:t></w:r></w:p>"
    ));
    let text = json(&read(&[("word/document.xml", &body)]));
    assert_eq!(text.matches("框中文字").count(), 1, "{text}");
    let (before, boxed, after) = (text.find("锚前").unwrap(), text.find("框中文字").unwrap(), text.find("其后").unwrap());
    assert!(before < boxed && boxed < after, "{text}");
}

#[test]
fn a_paragraph_nested_in_a_paragraph_ends_it() {
    let body = document(
        "<w:p><w:r><w:t>标题</w:t></w:r></w:p><w:p><w:r><w:t>第一部分 部门整体绩效目标</w:t></w:r></w:p><w:p><w:r><w:t>外前</w:t></w:r><w:p><w:r><w:t>内段</w:t></w:r></w:p><w:r><w:t>外后</w:t></w:r></w:p><w:p><w:r><w:t>下一段</w:t></w:r></w:p>",
    );
    let doc = read(&[("word/document.xml", &body)]);
    let text = json(&doc);
    for (a, b) in [("外前", "内段"), ("内段", "外后"), ("外后", "下一段")] {
        assert!(!text.contains(&format!("{a}{b}")), "{a} and {b} glued: {text}");
        assert!(text.find(a).unwrap() < text.find(b).unwrap(), "{text}");
    }
}

#[test]
fn the_main_part_is_the_one_the_package_names() {
    let rels = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document2.xml"/></Relationships>"#;
    let body = document(&target_table("1、某项目绩效目标表", "<w:r><w:t>≥95%</w:t></w:r>"));
    let doc = read(&[("_rels/.rels", rels), ("word/document2.xml", &body)]);
    assert_eq!(doc.indicator_count(), 1);
}

#[test]
fn a_utf16_document_part_is_decoded() {
    let body = String::from_utf8(document(&target_table("1、某项目绩效目标表", "<w:r><w:t>≥95%</w:t></w:r>"))).unwrap().replace("UTF-8", "UTF-16");
    for (bom, units) in [
        (&[0xFF, 0xFE][..], body.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>()),
        (&[0xFE, 0xFF][..], body.encode_utf16().flat_map(u16::to_be_bytes).collect()),
    ] {
        let part = [bom, &units].concat();
        let doc = read(&[("word/document.xml", &part)]);
        assert_eq!(doc.indicator_count(), 1);
    }
}

#[test]
fn restart_numbering_at_1_restarts_the_table_numbers() {
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>"#
    );
    let numbered = |num: u32, name: &str| {
        let table = target_table(name, "<w:r><w:t>≥95%</w:t></w:r>");
        table.replacen("<w:p>", &format!(r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>"#), 1)
    };
    let body = document(&format!(
        "<w:p><w:r><w:t>标题</w:t></w:r></w:p><w:p><w:r><w:t>第二部分 专项资金绩效目标</w:t></w:r></w:p>{}{}<w:p><w:r><w:t>第三部分 预算项目绩效目标</w:t></w:r></w:p>{}",
        numbered(1, "甲资金绩效目标表"),
        numbered(1, "乙资金绩效目标表"),
        numbered(2, "丙项目绩效目标表")
    ));
    let doc = read(&[("word/document.xml", &body), ("word/numbering.xml", numbering.as_bytes())]);
    let numbers: Vec<(Option<u32>, &str)> = doc.tables().map(|(_, t)| (t.number, t.title.as_str())).collect();
    assert_eq!(numbers, [(Some(1), "1、甲资金绩效目标表"), (Some(2), "2、乙资金绩效目标表"), (Some(1), "1、丙项目绩效目标表")]);
}
