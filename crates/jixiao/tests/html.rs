//! Web pages: the sample as LibreOffice exports it to HTML (UTF-8, and the same page in GBK)
//! reads to the indicators of its text save, cell for cell; LibreOffice Calc's export of the
//! sample's workbook to those of the workbook; pages are told from their content; hostile pages
//! are refused within the limits. The fixtures are made by tests/data/published/make-fixtures.sh.

mod common;

use jixiao::*;

fn open(name: &str) -> Document {
    jixiao::open(common::data_dir().join("published").join(name), &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_sample_from_its_web_page_gives_the_indicators_of_its_text() {
    let text = common::sample();
    for name in ["000_3e963503b18f6771.html", "000_3e963503b18f6771-gbk.html", "000_3e963503b18f6771.mht"] {
        let page = open(name);
        let got = common::indicators(&page);
        assert_eq!(got.len(), 115, "{name}");
        assert_eq!(got, common::indicators(&text), "{name}");
        // Tables, titles and parts as in the text; only the TC fields are not in the page
        // (LibreOffice leaves them out of its HTML).
        let titles = |d: &Document| d.tables().map(|(s, t)| (s.number, s.kind, t.number, t.name.clone(), t.kind)).collect::<Vec<_>>();
        assert_eq!(titles(&page), titles(&text), "{name}");
        let overview = page.overview.as_ref().expect("part 1");
        assert_eq!(overview.goals.len(), text.overview.as_ref().unwrap().goals.len(), "{name}");
        assert!(page.notes.is_empty(), "{name}: {:?}", page.notes);
        // What is read from a page writes out as text and reads back the same.
        let again = jixiao::parse_str(&jixiao::write::text::to_string(&page), &ReadOptions::default()).unwrap();
        assert_eq!(common::without_lines(&again), common::without_lines(&page), "{name}");
        // Every indicator says where it is on the page: a table cell.
        for (_, t) in page.tables() {
            for (_, _, i) in t.indicators() {
                let at = i.location.clone();
                assert!(at.table().is_some() && at.row().is_some() && at.column().is_some(), "{name}: {} at {at}", i.name);
            }
        }
    }
}

#[test]
fn a_workbook_exported_by_calc_gives_the_workbook() {
    let page = open("000_3e963503b18f6771-grid.html");
    let book = jixiao::open(common::data_dir().join("000_3e963503b18f6771-grid.xlsx"), &ReadOptions::default()).unwrap();
    // Each sheet's heading (`Sheet 1: 专项1-…`) gives its table's part, number and name as the
    // sheet name gives them in the workbook: the same parts and tables, the same indicators.
    let mut page_model = common::without_lines(&page);
    let book_model = common::without_lines(&book);
    assert_eq!(page_model.sections, book_model.sections);
    // Calc's list of sheets at the top of the page (and its `Overview` heading) is kept.
    assert_eq!(page_model.title, "Overview");
    assert!(page.notes.iter().any(|n| n.text == "专项1-补助被征地农民支出(人社)"));
    page_model.title.clear();
    page_model.notes.clear();
    assert_eq!(page_model.notes, book_model.notes);
}

#[test]
fn pages_are_told_from_their_content() {
    let options = ReadOptions::default();
    for page in [
        &b"<!DOCTYPE html><html><body></body></html>"[..],
        b"\xEF\xBB\xBF  <html>",
        b"<!-- saved from url --> <HTML><HEAD>",
        b"<table><tr><td>x</td></tr></table>",
        b"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
    ] {
        assert_eq!(jixiao::read::detect(page, &options), Format::Html, "{}", String::from_utf8_lossy(page));
    }
    for not_page in [&b"1\xe3\x80\x81<table> in prose"[..], b"<?xml version=\"1.0\"?><root/>", b"<!-- unterminated"] {
        assert_ne!(jixiao::read::detect(not_page, &options), Format::Html, "{}", String::from_utf8_lossy(not_page));
    }
    assert_eq!(Format::from_name("htm"), Some(Format::Html));
}

#[test]
fn gbk_pages_say_so_and_a_wrong_declaration_is_an_error_not_garbage() {
    let utf8 = std::fs::read(common::data_dir().join("published/000_3e963503b18f6771.html")).unwrap();
    // A page that says GBK but is UTF-8 is not read as GBK silently: UTF-8 bytes are not GBK text.
    let lying = String::from_utf8(utf8).unwrap().replace("charset=utf-8", "charset=gbk");
    let err = jixiao::parse_bytes(lying.as_bytes(), &ReadOptions::default());
    match err {
        Ok(doc) => assert_eq!(common::indicators(&doc), common::indicators(&common::sample()), "read as declared, it must still be right"),
        Err(e) => assert!(e.to_string().contains("GB18030"), "{e}"),
    }
}

#[test]
fn a_frameset_names_the_pages_to_read() {
    let frames = b"<html><frameset rows=\"*,39\"><frame src=\"book.files/sheet001.htm\"></frameset></html>";
    let err = jixiao::parse_bytes(frames, &ReadOptions { path: Some("book.htm".into()), ..ReadOptions::default() }).unwrap_err();
    assert!(err.to_string().contains("book.htm") && err.to_string().contains("book.files/sheet001.htm"), "{err}");
}

#[test]
fn hostile_pages_are_refused_within_the_limits() {
    let deep = "<html><body>".to_owned() + &"<div>".repeat(5000) + "1、某项目绩效目标表";
    let err = jixiao::parse_bytes(deep.as_bytes(), &ReadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("max_depth"), "{err}");
    let many = "<html><table>".to_owned() + &"<tr><td>x</td></tr>".repeat(3000) + "</table>";
    let limits = Limits { max_cells: 1000, ..Limits::default() };
    let err = jixiao::parse_bytes(many.as_bytes(), &ReadOptions { limits, ..ReadOptions::default() }).unwrap_err();
    assert!(err.to_string().contains("max_cells"), "{err}");
    // Spans as large as a page can write them cost no more than the cells there are.
    let spans = "<html><p>1、某项目绩效目标表</p><table><tr><td rowspan=0 colspan=99999>一级指标</td><td>二级指标</td></tr><tr><td>x</td></tr></table>";
    jixiao::parse_bytes(spans.as_bytes(), &ReadOptions::default()).unwrap();
    // Cells that a rowspan covers count: a row of tall cells over many empty rows is refused.
    let tall = "<html><table><tr>".to_owned() + &"<td rowspan=60000>x</td>".repeat(100) + "</tr>" + &"<tr></tr>".repeat(60000) + "</table>";
    let err = jixiao::parse_bytes(tall.as_bytes(), &ReadOptions { limits, ..ReadOptions::default() }).unwrap_err();
    assert!(err.to_string().contains("max_cells"), "{err}");
}

/// The sample's page saved as a single-file web page (.mht, as IE and Word lay one out:
/// multipart/related, the page in quoted-printable gb2312, an image beside it): the model of
/// the page itself, told from the content; a page part in base64 and UTF-8 too.
#[test]
fn a_single_file_web_page_reads_as_its_page() {
    let (mht, page) = (open("000_3e963503b18f6771.mht"), open("000_3e963503b18f6771-gbk.html"));
    assert_eq!(common::without_lines(&mht), common::without_lines(&page));
    let bytes = std::fs::read(common::data_dir().join("published/000_3e963503b18f6771.mht")).unwrap();
    assert_eq!(read::detect(&bytes, &ReadOptions::default()), Format::Html);
    assert!(memchr_like(&bytes, b"quoted-printable") && memchr_like(&bytes, b"charset=\"gb2312\"") && memchr_like(&bytes, b"image/png"));
    // The same page as Chromium saves one: base64, UTF-8.
    let html = std::fs::read(common::data_dir().join("published/000_3e963503b18f6771.html")).unwrap();
    let b64 = base64(&html);
    let chromium = format!(
        "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--x----\"\r\n\r\n\
         ------MultipartBoundary--x----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64}\r\n------MultipartBoundary--x------\r\n"
    );
    let doc = parse_bytes(chromium.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(common::indicators(&doc), common::indicators(&page));
    // Named on every surface.
    assert_eq!((Format::from_name("mht"), Format::from_name("MHTML")), (Some(Format::Html), Some(Format::Html)));
}

fn memchr_like(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (k, c) in bytes.chunks(3).enumerate() {
        if k > 0 && k % 19 == 0 {
            out.push_str("\r\n");
        }
        let n = u32::from(c[0]) << 16 | u32::from(*c.get(1).unwrap_or(&0)) << 8 | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            out.push(if i <= c.len() { A[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    out
}

/// Every prefix of a single-file web page (cut at 24 places, and a byte flipped at each) reads or is an error,
/// never a panic.
#[test]
fn mht_cut_short_or_damaged_never_panic() {
    for file in ["published/000_3e963503b18f6771.mht"] {
        let bytes = std::fs::read(common::data_dir().join(file)).unwrap();
        for k in 1..24 {
            let at = bytes.len() * k / 24;
            let _ = parse_bytes(&bytes[..at], &ReadOptions::default());
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x5A;
            let _ = parse_bytes(&flipped, &ReadOptions::default());
        }
    }
}

// ---- issue 27, second probe: web pages ----

/// A page of one 绩效目标表 whose indicator rows are `rows` (each: name cell, value cell).
fn page(rows: &str) -> String {
    format!(
        "<html><head><meta charset=utf-8></head><body><p>1、某项目绩效目标表</p><table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>{rows}</table></body></html>"
    )
}

fn indicators(html: &[u8]) -> Vec<(String, String)> {
    let doc = jixiao::parse_bytes(html, &ReadOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    doc.tables().flat_map(|(_, t)| t.indicators().map(|(_, _, i)| (i.name.clone(), i.target.raw.clone())).collect::<Vec<_>>()).collect()
}

#[test]
fn hidden_text_and_deletions_are_left_out() {
    let rows = r#"<tr><td>产出指标</td><td>数量指标</td><td>培训<span style="display: none">隐藏</span>人次</td><td><span style='mso-hide:all'>≤1次</span>≥95<del>0</del>%</td></tr>
        <tr style="visibility:hidden"><td>产出指标</td><td>数量指标</td><td>藏行</td><td>1次</td></tr>
        <tr hidden><td>产出指标</td><td>数量指标</td><td>藏行二</td><td>1次</td></tr>
        <tr><td>产出指标</td><td>质量指标</td><td>合格率<s>旧</s></td><td>100%</td></tr>"#;
    assert_eq!(indicators(page(rows).as_bytes()), [("培训人次".to_owned(), "≥95%".to_owned()), ("合格率旧".to_owned(), "100%".to_owned())]);
}

#[test]
fn form_controls_read_as_what_they_show() {
    let rows = r#"<tr><td>产出指标</td><td>数量指标</td><td><input type=text value="培训人次"></td><td><select><option>≥90%</option><option selected>≥95%</option><option>≥99%</option></select></td></tr>
        <tr><td>产出指标</td><td>质量指标</td><td>合格率<input type=hidden value="内部"></td><td><select><option>100%</option><option>90%</option></select></td></tr>"#;
    assert_eq!(indicators(page(rows).as_bytes()), [("培训人次".to_owned(), "≥95%".to_owned()), ("合格率".to_owned(), "100%".to_owned())]);
}

#[test]
fn a_page_is_decoded_in_the_charset_it_declares() {
    let html = page("<tr><td>產出指標</td><td>數量指標</td><td>培訓人次</td><td>≥95%</td></tr>").replace("utf-8", "big5");
    // What Big5 lacks (the simplified title, ≥) goes as character references, as a browser
    // sends it; the indicator's name is Big5 bytes.
    let (big5, _, _) = encoding_rs::BIG5.encode(&html);
    assert!(memchr_like(&big5, &encoding_rs::BIG5.encode("培訓人次").0));
    let got = indicators(&big5);
    assert_eq!(got, [("培訓人次".to_owned(), "≥95%".to_owned())]);
    // A page that declares Big5 but is not: a clear error, not mojibake.
    let err = jixiao::parse_bytes(b"<html><meta charset=big5><p>\x81\x20</p>", &ReadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("Big5"), "{err}");
}

/// The project's name as a line between the title and the grid (`项目名称：X`, as pages print it,
/// and as jixiao's own page writes a name its title does not give): it names the table, in a
/// page as in a text save, and is never taken for a second table's caption.
#[test]
fn a_project_name_line_under_the_title_names_the_table() {
    let grid = "<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr><tr><td>产出指标</td><td>数量指标</td><td>学生人数</td><td>≥100人</td></tr></table>";
    let long = "安徽省2023年以工代赈示范工程舒城县舒茶镇清水河(余家河渡槽至346国道段)治理工程";
    for (under, name) in [("项目名称：初中公用经费", "初中公用经费"), (&format!("项目名称:{long}") as &str, long)] {
        let html = format!(
            "<html><meta charset=utf-8><body><h2>第二部分  项目支出绩效目标表</h2><h3>1、某部门项目支出绩效目标表(2023年)</h3><p>{under}</p>{grid}</body></html>"
        );
        let text = format!(
            "第二部分  项目支出绩效目标表\n1、某部门项目支出绩效目标表(2023年)\n{under}\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t学生人数\n\t≥100人\n\n"
        );
        for bytes in [html.as_bytes(), text.as_bytes()] {
            let doc = jixiao::parse_bytes(bytes, &ReadOptions::default()).unwrap();
            let tables: Vec<(&str, usize)> = doc.tables().map(|(_, t)| (t.name.as_str(), t.indicators().count())).collect();
            assert_eq!(tables, [(name, 1)], "{under}");
            assert!(doc.notes.is_empty(), "{:?}", doc.notes);
        }
    }
    // With no title, the line is the caption that names the table.
    let html = format!("<html><meta charset=utf-8><body><h2>第二部分  项目支出绩效目标表</h2><p>项目名称：初中公用经费</p>{grid}</body></html>");
    let doc = jixiao::parse_bytes(html.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(doc.tables().map(|(_, t)| t.name.as_str()).collect::<Vec<_>>(), ["初中公用经费"]);
}

/// Every real table of `tests/data/real` as jixiao draws it for the browser reads back to the
/// same tables and indicators (names with their line breaks, targets), but for the forms listed:
/// the page draws them as a reader reads them otherwise.
#[test]
fn every_real_tables_page_reads_back() {
    // A level-1 cell the copy lost (a row one cell short) draws as an empty cell, which a page's
    // reader takes as merged with the level-1 above; a form one level down (一级 holding the
    // level-2) is drawn with its names merged like level-2 cells.
    const DRAWN_OTHERWISE: &[&str] = &["cixi-tuoyu-2023-mubiao.wordtext.txt", "ezhou-jiguan-2022.wordtext.txt"];
    let dir = common::data_dir().join("real");
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).unwrap().filter_map(|e| Some(e.ok()?.path())).filter(|p| p.to_string_lossy().ends_with(".wordtext.txt")).collect();
    files.sort();
    let read = |d: &Document| {
        d.tables()
            .map(|(_, t)| (t.name.clone(), t.indicators().map(|(c, _, i)| (c.level1, i.name.clone(), i.target.raw.clone())).collect::<Vec<_>>()))
            .collect::<Vec<_>>()
    };
    // jixiao's notes block reads back as the notes it shows: no heading, no place as text (a page
    // shows a run of spaces as one).
    let notes = |d: &Document| d.notes.iter().map(|n| n.text.split_whitespace().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>();
    let (mut differ, mut notes_differ) = (Vec::new(), Vec::new());
    for file in &files {
        let doc = jixiao::open(file, &ReadOptions::default()).unwrap();
        let page = write::html::to_string(&doc, &write::html::HtmlOptions { page: true, ..write::html::HtmlOptions::default() });
        let again = jixiao::parse_bytes(page.as_bytes(), &ReadOptions::default()).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if (read(&again) != read(&doc)) != DRAWN_OTHERWISE.contains(&name.as_str()) {
            differ.push(name.clone());
        }
        if notes(&again) != notes(&doc) {
            notes_differ.push((name, notes(&doc), notes(&again)));
        }
    }
    assert!(differ.is_empty(), "read back otherwise than listed: {differ:?}");
    assert!(notes_differ.is_empty(), "notes read back otherwise: {notes_differ:?}");
}
