//! Hostile files: for each reader, the smallest file with the largest claim (far cells, repeated
//! rows and cells, shared strings, empty paragraphs, deep nesting, tiny runs, spans to the
//! limits, tiny glyphs and rulings, one-character pieces). One generator per kind, sized by its
//! claim `n`; [`files`] gives each at the largest claim the amplification tests read. Used by
//! the amplification tests (a counting allocator), the CLI's address-space test, and the
//! `hostile` example, which writes them for the C and Python tests: generated, never committed.

use super::pdf;
use super::sheets::{indicator_rows, ods, ods_text, text_cell, xlsx, zip};

fn data_dir() -> std::path::PathBuf {
    // Every crate that includes this file lives in crates/NAME.
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data")
}

/// n indicator rows and one cell in column XFD (the 72 KB file of issue 27 at n = 4,000).
pub fn far_cell(n: usize) -> Vec<u8> {
    xlsx("S", &indicator_rows(n).replacen("</row>", &format!("{}</row>", text_cell("XFD1", "x")), 1), None, None)
}

/// n rows, each a cell in A and one in XFD: every row is laid out 16,384 cells wide.
pub fn far_cell_every_row(n: usize) -> Vec<u8> {
    let rows: String = (1..=n).map(|r| format!(r#"<row r="{r}">{}{}</row>"#, text_cell(&format!("A{r}"), "a"), text_cell(&format!("XFD{r}"), "b"))).collect();
    xlsx("S", &rows, None, None)
}

/// Four rows of n cells.
pub fn wide_rows(n: usize) -> Vec<u8> {
    let rows: String = (1..=4)
        .map(|r| {
            let cells: String = (0..n as u32).map(|c| format!(r#"<c r="{}{r}"><v>{c}</v></c>"#, jixiao::column_name(c))).collect();
            format!(r#"<row r="{r}">{cells}</row>"#)
        })
        .collect();
    xlsx("S", &rows, None, None)
}

/// One shared string of 1,000 characters in n cells.
pub fn repeated_shared_string(n: usize) -> Vec<u8> {
    let long = "指标".repeat(500);
    let strings = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{n}" uniqueCount="1"><si><t>{long}</t></si></sst>"#
    );
    let rows: String = (1..=n).map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#)).collect();
    xlsx("S", &rows, None, Some(&strings))
}

/// A shared-strings table that declares four billion strings and holds one.
pub fn shared_strings_declared() -> Vec<u8> {
    let billions = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="4000000000"><si><t>x</t></si></sst>"#;
    xlsx("S", r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#, None, Some(billions))
}

/// An .ods row of 4 valued cells repeated n times: a file of constant size.
pub fn ods_repeated_rows(n: usize) -> Vec<u8> {
    let cells: String = ["产出指标", "数量指标", "培训人次", "≥100人次"].iter().map(|t| ods_text(t)).collect();
    ods("S", &format!(r#"<table:table-row table:number-rows-repeated="{n}">{cells}</table:table-row>"#))
}

/// An .ods of 100 rows of one valued cell repeated n times (the 3.4 KB file at n = 16,000).
pub fn ods_repeated_cells(n: usize) -> Vec<u8> {
    ods(
        "S",
        &format!(
            r#"<table:table-row table:number-rows-repeated="100"><table:table-cell table:number-columns-repeated="{n}" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#
        ),
    )
}

/// An .ods of n repeated empty rows between two valued cells, the second `columns` out.
pub fn ods_far_cell(n: usize, columns: usize) -> Vec<u8> {
    ods(
        "S",
        &format!(
            r#"<table:table-row>{}</table:table-row><table:table-row table:number-rows-repeated="{n}"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="{columns}"/>{}</table:table-row>"#,
            ods_text("a"),
            ods_text("b")
        ),
    )
}

/// tests/data's sheets-features.xls with one byte changed: its second sheet's DIMENSIONS record
/// puts its first row past its last (rows wrap in calamine, which would reserve 268 GB).
pub fn xls_dimensions_wrap() -> Vec<u8> {
    let mut xls = std::fs::read(data_dir().join("sheets-features.xls")).unwrap();
    let at = (0..xls.len() - 4).filter(|&i| xls[i..i + 4] == [0x00, 0x02, 0x0E, 0x00]).nth(1).unwrap();
    xls[at + 4] = 0x0B;
    xls
}

/// A .docx of `body` (deflated).
pub fn docx(body: &str) -> Vec<u8> {
    let xml = format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#);
    zip(&[("word/document.xml", xml.as_bytes())], false)
}

/// A 绩效目标表 in a Word body, so that the file reads as a document.
pub const DOCX_TABLE: &str = "<w:p><w:r><w:t>1、某项目绩效目标表</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>一级指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>二级指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>三级指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>指标值</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>产出指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>数量指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>培训人次</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>≥95%</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";

/// n empty paragraphs before a table (the 494 KB file of issue 27 holds 50 M).
pub fn docx_empty_paragraphs(n: usize) -> Vec<u8> {
    docx(&("<w:p/>".repeat(n) + DOCX_TABLE))
}

/// A paragraph n content controls deep.
pub fn docx_deep_nesting(n: usize) -> Vec<u8> {
    docx(&("<w:sdt><w:sdtContent>".repeat(n) + DOCX_TABLE + &"</w:sdtContent></w:sdt>".repeat(n)))
}

/// One paragraph of n one-character runs.
pub fn docx_many_tiny_runs(n: usize) -> Vec<u8> {
    docx(&(format!("<w:p>{}</w:p>", "<w:r><w:t>a</w:t></w:r>".repeat(n)) + DOCX_TABLE))
}

/// A table of one row of n cells that each span down the rows below, and as many columns as the
/// page may write, over 100 empty rows.
pub fn html_spans(n: usize) -> Vec<u8> {
    format!(
        "<html><body><p>1、某项目绩效目标表</p><table><tr>{}</tr>{}</table></body></html>",
        "<td rowspan=65534 colspan=1000>x</td>".repeat(n),
        "<tr></tr>".repeat(100)
    )
    .into_bytes()
}

/// A table n elements deep.
pub fn html_deep_nesting(n: usize) -> Vec<u8> {
    format!(
        "<html><body>{}<p>1、某项目绩效目标表</p><table><tr><td>一级指标</td><td>指标值</td></tr></table>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    )
    .into_bytes()
}

/// n tiny glyphs, each placed on its own (the 6.8 KB file of issue 27 draws 2 M).
pub fn pdf_many_tiny_glyphs(n: usize) -> Vec<u8> {
    let glyphs: String = (0..n).map(|i| format!("{} {} Td (a) Tj ", i % 50, i % 70)).collect();
    pdf::deflated(format!("BT /F1 1 Tf {glyphs} ET").as_bytes())
}

/// [`pdf_many_tiny_glyphs`] with its stream's checksum broken, as a fuzzer found it: lopdf
/// refuses the stream, pdfplumber reads every glyph of it.
pub fn pdf_glyphs_behind_a_bad_checksum(n: usize) -> Vec<u8> {
    let mut bytes = pdf_many_tiny_glyphs(n);
    let end = bytes.windows(10).position(|w| w == b"\nendstream").expect("a stream");
    bytes[end - 1] ^= 0xff;
    bytes
}

/// [`pdf_many_tiny_glyphs`] with a byte put in before its first object, as a fuzzer found it:
/// every offset of its cross-reference table is one off, so lopdf refuses the file as it is,
/// and pdfplumber, which repairs it, reads every glyph.
pub fn pdf_glyphs_behind_a_shifted_table(n: usize) -> Vec<u8> {
    let mut bytes = pdf_many_tiny_glyphs(n);
    bytes.insert(b"%PDF-1.4\n".len(), b'\n');
    bytes
}

/// A page that draws a form of 100 glyphs through n forms, each drawing the one below twice:
/// 100 × 2^n glyphs from a file that grows by one small object for each doubling.
pub fn pdf_forms_drawn_twice(n: usize) -> Vec<u8> {
    let glyphs = "(a) Tj 1 0 Td ".repeat(100);
    let form = |resources: String, content: &str| {
        pdf::stream(&format!("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << {resources} >>"), content.as_bytes())
    };
    // Object 6 draws the glyphs; object 6 + k draws object 5 + k twice.
    let mut forms = vec![form("/Font << /F1 5 0 R >>".into(), &format!("BT /F1 1 Tf {glyphs}ET"))];
    forms.extend((1..=n).map(|k| form(format!("/XObject << /X {} 0 R >>", 5 + k), "/X Do /X Do")));
    pdf::with_objects(b"/X Do", &format!("/XObject << /X {} 0 R >>", 6 + n), &forms)
}

/// A page of n glyphs in a file encrypted with an empty user password, which pdfplumber opens
/// as it is (and lopdf only once decrypted).
pub fn pdf_glyphs_encrypted(n: usize) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(&pdf_many_tiny_glyphs(n)).unwrap();
    let version =
        lopdf::EncryptionVersion::V2 { document: &doc, owner_password: "owner", user_password: "", key_length: 128, permissions: lopdf::Permissions::all() };
    let state = lopdf::EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// n curves, each a path of its own: pdfplumber makes a curve of each, and its tokenizer
/// holds every operand of the stream first.
pub fn pdf_many_curves(n: usize) -> Vec<u8> {
    pdf::deflated(&b"0 0 m 1 1 2 2 3 3 c S\n".repeat(n))
}

/// One image of one pixel, drawn n times.
pub fn pdf_image_drawn_many_times(n: usize) -> Vec<u8> {
    let image = pdf::stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", b"x");
    pdf::with_objects(&b"q 1 0 0 1 0 0 cm /Im0 Do Q\n".repeat(n), "/XObject << /Im0 6 0 R >>", &[image])
}

/// n inline images of one pixel.
pub fn pdf_many_inline_images(n: usize) -> Vec<u8> {
    pdf::deflated(&b"BI /W 1 /H 1 /CS /G /BPC 8 ID x EI\n".repeat(n))
}

/// n rulings (rectangles of four edges each).
pub fn pdf_many_rulings(n: usize) -> Vec<u8> {
    pdf::deflated(&b"0 0 1 1 re f\n".repeat(n))
}

/// The Word 97 sample of Word features with its text made of n one-character pieces, all on the
/// first character of its text: a piece table of 12 bytes a character claiming n characters.
pub fn doc_one_character_pieces(n: usize) -> Vec<u8> {
    use std::io::{Read, Write};
    let bytes = std::fs::read(data_dir().join("published").join("docx-features.doc")).unwrap();
    let mut from = cfb::CompoundFile::open(std::io::Cursor::new(bytes)).unwrap();
    let read = |f: &mut cfb::CompoundFile<std::io::Cursor<Vec<u8>>>, p: &str| {
        let mut data = Vec::new();
        f.open_stream(p).unwrap().read_to_end(&mut data).unwrap();
        data
    };
    let mut word = read(&mut from, "/WordDocument");
    let u16_at = |b: &[u8], at: usize| u16::from_le_bytes([b[at], b[at + 1]]) as usize;
    let u32_at = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap());
    let table_name = if u16_at(&word, 0x0A) & 0x0200 != 0 { "/1Table" } else { "/0Table" };
    let mut table = read(&mut from, table_name);
    // FibBase, csw words, cslw longs (ccpText the fourth), then the fc/lcb pairs (Clx the 34th).
    let lw = 34 + 2 * u16_at(&word, 32) + 2;
    let pairs = lw + 4 * u16_at(&word, lw - 2) + 2;
    let clx_at = pairs + 8 * 33;
    // The first piece's first character, where every new piece stands.
    let (fc_clx, lcb_clx) = (u32_at(&word, clx_at) as usize, u32_at(&word, clx_at + 4) as usize);
    let clx = &table[fc_clx..fc_clx + lcb_clx];
    let mut at = 0;
    while clx[at] == 1 {
        at += 3 + u16_at(clx, at + 1);
    }
    let plc = &clx[at + 5..];
    let pieces = (u32_at(clx, at + 1) as usize - 4) / 12;
    let first_fc = u32_at(plc, 4 * (pieces + 1) + 2);
    let mut new_clx = vec![2u8];
    new_clx.extend((((n + 1) * 4 + n * 8) as u32).to_le_bytes());
    (0..=n as u32).for_each(|cp| new_clx.extend(cp.to_le_bytes()));
    (0..n).for_each(|_| new_clx.extend([&[0u8, 0][..], &first_fc.to_le_bytes(), &[0, 0]].concat()));
    let new_at = table.len() as u32;
    table.extend(&new_clx);
    word[clx_at..clx_at + 4].copy_from_slice(&new_at.to_le_bytes());
    word[clx_at + 4..clx_at + 8].copy_from_slice(&(new_clx.len() as u32).to_le_bytes());
    word[lw + 12..lw + 16].copy_from_slice(&(n as u32).to_le_bytes());
    let mut to = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    let entries: Vec<(String, bool)> = from.walk().filter(|e| !e.is_root()).map(|e| (e.path().to_string_lossy().into_owned(), e.is_stream())).collect();
    for (p, is_stream) in entries {
        if !is_stream {
            to.create_storage(&p).unwrap();
            continue;
        }
        let data = match p.as_str() {
            "/WordDocument" => word.clone(),
            p if p == table_name => table.clone(),
            p => read(&mut from, p),
        };
        to.create_stream(&p).unwrap().write_all(&data).unwrap();
    }
    to.flush().unwrap();
    to.into_inner().into_inner()
}

/// Every generated file, named by what it claims, each at the largest claim the amplification
/// tests read (and the address-space test's own: a far .ods cell 16,000 columns out, 400,000
/// repeated rows within the cell limit, a wrapped .xls DIMENSIONS record).
pub fn files() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("far-cell.xlsx", far_cell(4000)),
        ("far-cell-every-row.xlsx", far_cell_every_row(1000)),
        ("wide-rows.xlsx", wide_rows(16_384)),
        ("shared-string.xlsx", repeated_shared_string(100_000)),
        ("shared-strings-declared.xlsx", shared_strings_declared()),
        ("repeated-rows.ods", ods_repeated_rows(1_000_000)),
        ("repeated-rows-within-cells.ods", ods_repeated_rows(400_000)),
        ("repeated-cells.ods", ods_repeated_cells(16_000)),
        ("far-cell.ods", ods_far_cell(1_000_000, 16_000)),
        ("dimensions-wrap.xls", xls_dimensions_wrap()),
        ("empty-paragraphs.docx", docx_empty_paragraphs(1_000_000)),
        ("deep-nesting.docx", docx_deep_nesting(200)),
        ("tiny-runs.docx", docx_many_tiny_runs(400_000)),
        ("spans.html", html_spans(80)),
        ("deep-nesting.html", html_deep_nesting(200)),
        ("tiny-glyphs.pdf", pdf_many_tiny_glyphs(160_000)),
        ("glyphs-bad-checksum.pdf", pdf_glyphs_behind_a_bad_checksum(160_000)),
        ("rulings.pdf", pdf_many_rulings(40_000)),
        ("glyphs-shifted-table.pdf", pdf_glyphs_behind_a_shifted_table(160_000)),
        ("forms-drawn-twice.pdf", pdf_forms_drawn_twice(40)),
        ("glyphs-encrypted.pdf", pdf_glyphs_encrypted(160_000)),
        ("curves.pdf", pdf_many_curves(400_000)),
        ("image-drawn-many-times.pdf", pdf_image_drawn_many_times(400_000)),
        ("inline-images.pdf", pdf_many_inline_images(400_000)),
        ("one-character-pieces.doc", doc_one_character_pieces(200_000)),
    ]
}
