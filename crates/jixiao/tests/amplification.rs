//! Amplification: the smallest files with the largest claims, read under a counting allocator:
//! spreadsheets (far cells, repeated rows and cells in an .ods, wide rows, one long shared
//! string in every cell), Word files (empty paragraphs, deep nesting, many tiny runs), web pages
//! (rowspan and colspan to the limits, deep nesting), PDF (many tiny glyphs and rulings in a
//! content stream) and .doc (a piece table of many one-character pieces). The peak memory of a read stays within a stated bound, linear in what
//! the file holds, whatever it claims:
//!
//!   peak ≤ PER_BYTE × (input + bytes its ZIP parts inflate to) + FIXED
//!
//! FIXED covers the memory budget's 16 MiB floor (a small file may still build that much) and
//! the libraries' fixed buffers; and as the claim doubles with the file, the peak at most about
//! doubles (never the square of it). Files past the budget end in its error, within the bound.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::sheets::{indicator_rows, ods, ods_text, text_cell, xlsx};
use jixiao::{Limits, ReadOptions, parse_bytes};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(size: usize) {
    let now = NOW.fetch_add(size, Ordering::Relaxed) + size;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call goes to the system allocator as it is; only sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            NOW.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One test at a time: the tests of this binary run on threads of one process, and the
/// allocator counts them all.
static ONE: Mutex<()> = Mutex::new(());

/// Bytes per byte of the file and of what its parts inflate to.
const PER_BYTE: usize = 64;
/// The budget's 16 MiB floor and the libraries' fixed buffers.
const FIXED: usize = 40 << 20;

/// The bytes a ZIP's entries inflate to, all together (none for a file that is no ZIP).
fn inflated(bytes: &[u8]) -> usize {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else { return 0 };
    (0..zip.len()).map(|i| zip.by_index(i).unwrap().size() as usize).sum()
}

/// The peak bytes allocated while reading `bytes`, and whether it read.
fn peak(bytes: &[u8]) -> (usize, Result<(), String>) {
    let base = NOW.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let read = parse_bytes(bytes, &ReadOptions::default()).map(drop).map_err(|e| e.to_string());
    (PEAK.load(Ordering::Relaxed).saturating_sub(base), read)
}

/// Reads the file `make` makes at each size, checks each peak against the bound and the growth
/// from one size to the next, twice its claim: at most 2.5 × (or within FIXED of the last).
fn check(what: &str, sizes: &[usize], make: impl Fn(usize) -> Vec<u8>) {
    check_with(what, sizes, make, false)
}

/// [`check`] for files that need not be documents (a PDF page of glyphs): any error is an answer.
fn check_any(what: &str, sizes: &[usize], make: impl Fn(usize) -> Vec<u8>) {
    check_with(what, sizes, make, true)
}

fn check_with(what: &str, sizes: &[usize], make: impl Fn(usize) -> Vec<u8>, any_error: bool) {
    // The whole test under the lock: another test's generator would count in this one's peak.
    let _one = ONE.lock().unwrap_or_else(|e| e.into_inner());
    let mut last: Option<usize> = None;
    for &n in sizes {
        let bytes = make(n);
        let input = bytes.len() + inflated(&bytes);
        let (peak, read) = peak(&bytes);
        eprintln!(
            "{what} n={n}: file {} B, inflated {} B, peak {} B, {:?}",
            bytes.len(),
            input - bytes.len(),
            peak,
            read.as_ref().map_err(|e| &e[..e.len().min(120)])
        );
        if let Err(e) = &read
            && !any_error
        {
            assert!(e.contains("exceeds the limit"), "{what} n={n}: not a limit's error: {e}");
        }
        assert!(peak <= PER_BYTE * input + FIXED, "{what} n={n}: peak {peak} B past {PER_BYTE} × {input} + {FIXED}");
        if let Some(last) = last {
            assert!(peak <= last * 5 / 2 || peak <= last + FIXED, "{what} n={n}: peak {peak} B after {last} B for half the claim");
        }
        last = Some(peak);
    }
}

/// n indicator rows and one cell in column XFD (the 72 KB file of issue 27 at n = 4,000).
#[test]
fn far_cell() {
    check("far cell", &[1000, 2000, 4000, 8000], |n| {
        let rows = indicator_rows(n).replacen("</row>", &format!("{}</row>", text_cell("XFD1", "x")), 1);
        xlsx("S", &rows, None, None)
    });
}

/// n rows, each a cell in A and one in XFD: every row is laid out 16,384 cells wide.
#[test]
fn far_cell_on_every_row() {
    check("far cell on every row", &[1, 10, 100, 1000], |n| {
        let rows: String =
            (1..=n).map(|r| format!(r#"<row r="{r}">{}{}</row>"#, text_cell(&format!("A{r}"), "a"), text_cell(&format!("XFD{r}"), "b"))).collect();
        xlsx("S", &rows, None, None)
    });
}

/// Rows of n cells.
#[test]
fn wide_rows() {
    check("wide rows", &[2048, 4096, 8192, 16_384], |n| {
        let rows: String = (1..=4)
            .map(|r| {
                let cells: String = (0..n as u32).map(|c| format!(r#"<c r="{}{r}"><v>{c}</v></c>"#, jixiao::column_name(c))).collect();
                format!(r#"<row r="{r}">{cells}</row>"#)
            })
            .collect();
        xlsx("S", &rows, None, None)
    });
}

/// One shared string of 1,000 characters in n cells.
#[test]
fn repeated_shared_strings() {
    let long = "指标".repeat(500);
    check("repeated shared string", &[1000, 10_000, 100_000], |n| {
        let strings = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{n}" uniqueCount="1"><si><t>{long}</t></si></sst>"#
        );
        let rows: String = (1..=n).map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#)).collect();
        xlsx("S", &rows, None, Some(&strings))
    });
}

/// An .ods row of 4 valued cells repeated n times: a file of constant size.
#[test]
fn ods_repeated_rows() {
    check("ods repeated rows", &[1000, 10_000, 100_000, 1_000_000], |n| {
        let cells: String = ["产出指标", "数量指标", "培训人次", "≥100人次"].iter().map(|t| ods_text(t)).collect();
        ods("S", &format!(r#"<table:table-row table:number-rows-repeated="{n}">{cells}</table:table-row>"#))
    });
}

/// An .ods of 100 rows of one valued cell repeated n times (the 3.4 KB file at n = 16,000).
#[test]
fn ods_repeated_cells() {
    check("ods repeated cells", &[1000, 4000, 16_000], |n| {
        ods(
            "S",
            &format!(
                r#"<table:table-row table:number-rows-repeated="100"><table:table-cell table:number-columns-repeated="{n}" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#
            ),
        )
    });
}

/// An .ods of repeated empty rows between two valued cells, the second n columns out.
#[test]
fn ods_far_cell() {
    check("ods far cell", &[1000, 10_000, 1_000_000], |n| {
        ods(
            "S",
            &format!(
                r#"<table:table-row>{}</table:table-row><table:table-row table:number-rows-repeated="{n}"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="100"/>{}</table:table-row>"#,
                ods_text("a"),
                ods_text("b")
            ),
        )
    });
}

/// With the budget raised past what a file claims, max_cells still bounds it.
#[test]
fn cells_bound_what_the_budget_lets_through() {
    let _one = ONE.lock().unwrap_or_else(|e| e.into_inner());
    let rows: String = (1..=200).map(|r| format!(r#"<row r="{r}">{}{}</row>"#, text_cell(&format!("A{r}"), "a"), text_cell(&format!("XFD{r}"), "b"))).collect();
    let bytes = xlsx("S", &rows, None, None);
    let options = ReadOptions { limits: Limits { max_memory: Some(u64::MAX), ..Limits::default() }, ..ReadOptions::default() };
    let err = parse_bytes(&bytes, &options).unwrap_err().to_string();
    assert!(err.contains("max_cells"), "{err}");
}

// ---- Word files, web pages and PDF (issue 27, second probe) ----

/// A .docx of `body` (deflated).
fn docx(body: &str) -> Vec<u8> {
    let xml = format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#);
    common::sheets::zip(&[("word/document.xml", xml.as_bytes())], false)
}

/// A 绩效目标表 in a Word body, so that the file reads as a document.
const DOCX_TABLE: &str = "<w:p><w:r><w:t>1、某项目绩效目标表</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>一级指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>二级指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>三级指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>指标值</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>产出指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>数量指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>培训人次</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>≥95%</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";

/// n empty paragraphs before a table (the 494 KB file of issue 27 holds 50 M).
#[test]
fn docx_empty_paragraphs() {
    check("docx empty paragraphs", &[250_000, 500_000, 1_000_000], |n| docx(&("<w:p/>".repeat(n) + DOCX_TABLE)));
}

/// The .docx of issue 27 (494 KB, a body of 300 MB of empty paragraphs), at 50 MB here (8 M
/// `<w:p/>`; compressing 300 MB takes a debug build minutes, and past the limit the size makes no
/// difference). document.xml is read as it inflates, so the read ends at the paragraph limit
/// (`max_cells`, 2 M) with a clear error, having inflated 12 MB of it and held no more than a
/// buffer of it: before, the whole part was inflated and held (612 MB for the 300 MB file).
#[test]
fn docx_50_mb_of_empty_paragraphs() {
    use std::io::Write;
    let _one = ONE.lock().unwrap_or_else(|e| e.into_inner());
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).compression_level(Some(9));
        z.start_file("word/document.xml", options).unwrap();
        z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body>"#).unwrap();
        let chunk = "<w:p/>".repeat(1 << 20);
        for _ in 0..8 {
            z.write_all(chunk.as_bytes()).unwrap();
        }
        z.write_all(DOCX_TABLE.as_bytes()).unwrap();
        z.write_all(b"</w:body></w:document>").unwrap();
        z.finish().unwrap();
    }
    let bytes = out.into_inner();
    let (peak, read) = peak(&bytes);
    eprintln!("docx 50 MB of empty paragraphs: file {} B, inflated {} B, peak {peak} B, {read:?}", bytes.len(), inflated(&bytes));
    let err = read.unwrap_err();
    assert!(err.contains("exceeds the limit") && err.contains("paragraphs") && err.contains("max_cells"), "{err}");
    assert!(peak < 8 << 20, "peak {peak} B: the part was held, not streamed");
}

/// A paragraph n content controls deep.
#[test]
fn docx_deep_nesting() {
    check("docx deep nesting", &[25, 50, 100, 200], |n| docx(&("<w:sdt><w:sdtContent>".repeat(n) + DOCX_TABLE + &"</w:sdtContent></w:sdt>".repeat(n))));
}

/// One paragraph of n one-character runs.
#[test]
fn docx_many_tiny_runs() {
    check("docx many tiny runs", &[50_000, 100_000, 200_000, 400_000], |n| docx(&(format!("<w:p>{}</w:p>", "<w:r><w:t>a</w:t></w:r>".repeat(n)) + DOCX_TABLE)));
}

/// A table of one row of n cells that each span down the rows below, and as many columns as the
/// page may write, over 100 empty rows.
#[test]
fn html_spans_to_the_limits() {
    check("html spans", &[10, 20, 40, 80], |n| {
        format!(
            "<html><body><p>1、某项目绩效目标表</p><table><tr>{}</tr>{}</table></body></html>",
            "<td rowspan=65534 colspan=1000>x</td>".repeat(n),
            "<tr></tr>".repeat(100)
        )
        .into_bytes()
    });
}

/// A table n elements deep.
#[test]
fn html_deep_nesting() {
    check("html deep nesting", &[25, 50, 100, 200], |n| {
        format!(
            "<html><body>{}<p>1、某项目绩效目标表</p><table><tr><td>一级指标</td><td>指标值</td></tr></table>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        )
        .into_bytes()
    });
}

/// n tiny glyphs, each placed on its own (the 6.8 KB file of issue 27 draws 2 M).
#[test]
fn pdf_many_tiny_glyphs() {
    check_any("pdf many tiny glyphs", &[10_000, 20_000, 40_000, 80_000, 160_000], |n| {
        let glyphs: String = (0..n).map(|i| format!("{} {} Td (a) Tj ", i % 50, i % 70)).collect();
        common::pdf::deflated(format!("BT /F1 1 Tf {glyphs} ET").as_bytes())
    });
}

/// n rulings (rectangles of four edges each).
#[test]
fn pdf_many_rulings() {
    check_any("pdf many rulings", &[2_500, 5_000, 10_000, 20_000, 40_000], |n| common::pdf::deflated(&b"0 0 1 1 re f\n".repeat(n)));
}

/// The Word 97 sample of Word features with its text made of n one-character pieces, all on the
/// first character of its text: a piece table of 12 bytes a character claiming n characters.
fn doc_of_one_character_pieces(n: usize) -> Vec<u8> {
    use std::io::{Read, Write};
    let bytes = std::fs::read(common::data_dir().join("published").join("docx-features.doc")).unwrap();
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

/// A .doc piece table of n one-character pieces.
#[test]
fn doc_one_character_pieces() {
    check_any("doc one-character pieces", &[25_000, 50_000, 100_000, 200_000], doc_of_one_character_pieces);
}
