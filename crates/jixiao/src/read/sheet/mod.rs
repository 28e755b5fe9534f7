//! Spreadsheets (.xlsx, .xls, .ods) through calamine, and Excel 2003 XML (`spreadsheetml`), one code path: each sheet becomes rows of
//! cells for the shared table pipeline; each cell's place is `sheet!cell`. A sheet holds one
//! table (a 项目名称 / 绩效目标 block above the header) or many projects (a 项目名称 column).
//! A sheet with no indicator header (a cover, instructions) is kept in notes, never guessed at.

mod cells;
mod csv_in;
mod ods_percent;
mod spreadsheetml;
mod xls;

pub use cells::number as cell_number;
pub(crate) use csv_in::CsvReader;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::Reader as _;

use super::assemble;
use super::blocks::{Layout, Role};
use super::budget;
use super::container::{Container, Limits, cfb_has_stream, over_limit, zip_has};
use super::tree::Cell;
use super::{Format, ReadOptions, Reader, TableSink};
use crate::error::{Error, Origin, Result};
use crate::grammar::form::columns::has_indicator_header;
use crate::grammar::form::{names_sheet, part_heading, table_title};
use crate::grammar::labels::is_header_row;
use crate::model::{Document, Location};

pub(crate) struct SheetReader;

/// A sheet's non-empty cells by (row, column), 0-based.
#[derive(Debug)]
struct Grid {
    name: String,
    cells: BTreeMap<(u32, u32), String>,
    /// Formulas with no value computed (what openpyxl and most generators write): the cell
    /// reads empty, and the formula is kept as a note at its place.
    formulas: Vec<((u32, u32), String)>,
}

fn is_ods(bytes: &[u8]) -> bool {
    zip_has(bytes, "content.xml") && bytes.windows(46).take(200).any(|w| w == b"application/vnd.oasis.opendocument.spreadsheet")
}

fn is_cfb_workbook(bytes: &[u8]) -> bool {
    (cfb_has_stream(bytes, "Workbook") || cfb_has_stream(bytes, "Book")) && !cfb_has_stream(bytes, "WordDocument")
}

impl Reader for SheetReader {
    fn format(&self) -> Format {
        Format::Xlsx
    }

    fn sniff(&self, bytes: &[u8]) -> bool {
        zip_has(bytes, "xl/workbook.xml") || is_ods(bytes) || is_cfb_workbook(bytes) || spreadsheetml::sniff(bytes)
    }

    fn read(&self, bytes: &[u8], options: &ReadOptions) -> Result<Document> {
        read_sheets(bytes, options, None)
    }

    fn read_to(&self, bytes: &[u8], options: &ReadOptions, sink: &mut dyn TableSink) -> Result<Document> {
        read_sheets(bytes, options, Some(sink))
    }
}

fn read_sheets(bytes: &[u8], options: &ReadOptions, sink: Option<&mut dyn TableSink>) -> Result<Document> {
    {
        let origin = options.origin();
        let limits = options.limits;
        let damaged = |e: &dyn std::fmt::Display| {
            let reason = if is_cfb_workbook(bytes) {
                format!(
                    "an old binary workbook (.xls, or WPS Spreadsheets .et) that could not be read ({e}); \
                     open it in Excel, WPS or LibreOffice and save it as .xlsx (LibreOffice: soffice --headless --convert-to xlsx FILE)"
                )
            } else {
                format!("a damaged spreadsheet: {e}")
            };
            Error::Parse { origin: origin.clone(), line: None, reason }
        };
        // Excel 2003 XML, or an XML file read as a spreadsheet because the caller said so (which
        // then says why it is not one).
        if spreadsheetml::sniff(bytes) || !(bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(super::container::CFB_MAGIC)) {
            let (grids, replaced) = spreadsheetml::grids(bytes, options)?;
            let mut doc = document(grids, limits, &origin, sink)?;
            doc.replaced_bytes = replaced;
            return Ok(doc);
        }
        if bytes.starts_with(b"PK\x03\x04") {
            Container::open(bytes, limits, &origin, "spreadsheet")?.check_declared_size()?;
        }
        // calamine parses third-party binary formats: a panic in it on a malformed file is that
        // file's error, never a crash of the caller.
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| grids(bytes, limits, &origin)));
        let grids = match read {
            Ok(grids) => grids.map_err(|e| e.unwrap_or_else(|m| damaged(&m)))?,
            Err(_) => return Err(damaged(&"the spreadsheet library failed on it")),
        };
        document(grids, limits, &origin, sink)
    }
}

/// The sheets of a workbook in any of the three formats.
fn grids(bytes: &[u8], limits: Limits, origin: &Origin) -> SheetResult<Vec<Grid>> {
    if zip_has(bytes, "xl/workbook.xml") {
        return xlsx(bytes, limits, origin);
    }
    let ods = is_ods(bytes);
    let percent = if ods {
        let content = Container::open(bytes, limits, origin, "spreadsheet").and_then(|mut c| c.read("content.xml")).map_err(Ok)?.unwrap_or_default();
        let scan = ods_percent::scan(&String::from_utf8_lossy(&content), limits.max_depth, limits.max_cells);
        // calamine expands repeated cells in memory: check what the repeats declare first.
        if scan.valued > limits.max_cells as u64 {
            return Err(Ok(over_limit(origin, &format!("the {} valued cells the sheets declare", scan.valued), limits.max_cells, "max_cells")));
        }
        // And it lays out each sheet's rectangle from its first valued cell to its last.
        if scan.laid_out > limits.max_cells as u64 {
            return Err(Ok(over_limit(
                origin,
                &format!("the {} cells the sheets span from their first valued cell to their last, repeats expanded", scan.laid_out),
                limits.max_cells,
                "max_cells",
            )));
        }
        if !budget::charge(scan.laid_out.saturating_mul(LAID_OUT_COST)) {
            return Ok(Vec::new());
        }
        scan.percent.into_iter().map(|k| (k, cells::Percent::Scaled)).collect()
    } else {
        // calamine's own compound-file reader panics on some damaged files, and it reserves
        // memory for the cells a sheet declares before reading one: check both first.
        let stream = xls::workbook_stream(bytes).ok_or_else(|| Err("its compound file or workbook stream cannot be read".to_owned()))?;
        let declared = xls::declared_cells(&stream);
        if declared > limits.max_cells as u64 {
            return Err(Ok(over_limit(origin, &format!("the {declared} cells the sheets declare"), limits.max_cells, "max_cells")));
        }
        let spanned = xls::spanned_cells(&stream);
        if spanned > limits.max_cells as u64 {
            return Err(Ok(over_limit(
                origin,
                &format!("the {spanned} cells the sheets span from their first cell to their last"),
                limits.max_cells,
                "max_cells",
            )));
        }
        if !budget::charge(declared.max(spanned).saturating_mul(LAID_OUT_COST)) {
            return Ok(Vec::new());
        }
        xls::percent_cells(&stream, limits.max_cells)
    };
    others(bytes, ods, limits, origin, &percent)
}

/// What calamine holds per cell it lays out for an .xls or .ods (a value and a formula),
/// charged to the memory budget before it is called.
const LAID_OUT_COST: u64 = (std::mem::size_of::<calamine::Data>() + std::mem::size_of::<String>()) as u64;

/// An error that is either jixiao's own (a limit) or the spreadsheet library's message.
type SheetResult<T> = std::result::Result<T, std::result::Result<Error, String>>;

fn count(cells: &mut usize, limits: Limits, origin: &Origin) -> SheetResult<()> {
    *cells += 1;
    if *cells > limits.max_cells {
        return Err(Ok(over_limit(origin, "the spreadsheet's cells", limits.max_cells, "max_cells")));
    }
    Ok(())
}

/// .xlsx, streamed cell by cell (a sheet is never held as a full rectangle), with percent
/// formats from the cell styles.
fn xlsx(bytes: &[u8], limits: Limits, origin: &Origin) -> SheetResult<Vec<Grid>> {
    if !shared_strings_count(bytes, limits, origin)? {
        return Ok(Vec::new());
    }
    let mut wb = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| Err(e.to_string()))?;
    let mut grids = Vec::new();
    let mut n = 0usize;
    for name in wb.sheet_names() {
        let styles = wb.worksheet_style(&name).unwrap_or_default();
        let (mut cells, mut formulas) = (BTreeMap::new(), Vec::new());
        let mut reader = wb.worksheet_cells_reader(&name).map_err(|e| Err(e.to_string()))?;
        while let Some(cell) = reader.next_cell_with_formula().map_err(|e| Err(e.to_string()))? {
            let (r, c) = cell.pos;
            let percent = styles.get((r, c)).and_then(|s| s.number_format.as_ref()).map_or(cells::Percent::No, |f| cells::Percent::of(&f.format_code));
            let text = cells::text(&cell.value, percent);
            if !text.is_empty() {
                count(&mut n, limits, origin)?;
                if !charge_grid_cell(&text) {
                    return Ok(grids);
                }
                cells.insert((r, c), text);
            } else if let Some(formula) = cell.formula.filter(|f| !f.trim().is_empty()) {
                count(&mut n, limits, origin)?;
                if !charge_grid_cell(&formula) {
                    return Ok(grids);
                }
                formulas.push(((r, c), formula));
            }
        }
        grids.push(Grid { name, cells, formulas });
    }
    Ok(grids)
}

/// Refuses a shared-strings table that declares or holds more strings than `max_cells`
/// (calamine reserves room for its `uniqueCount` before reading one, then holds every string,
/// 24 bytes each however short: half a GiB of `<si><t/></si>` inflates from a few hundred KB),
/// and charges what calamine will hold of it: false past the budget.
fn shared_strings_count(bytes: &[u8], limits: Limits, origin: &Origin) -> SheetResult<bool> {
    let mut zip = Container::open(bytes, limits, origin, "spreadsheet").map_err(Ok)?;
    let Some(part) = zip.names().find(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml")) else { return Ok(true) };
    let xml = zip.read(&part).map_err(Ok)?.unwrap_or_default();
    let head = String::from_utf8_lossy(&xml[..xml.len().min(4096)]);
    let declared = head
        .split_once("uniqueCount=")
        .and_then(|(_, v)| v.get(1..))
        .and_then(|v| v.split(['"', '\'']).next())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(0);
    if declared > limits.max_cells as u64 {
        return Err(Ok(over_limit(origin, &format!("the {declared} shared strings {part} declares"), limits.max_cells, "max_cells")));
    }
    // `<si>` or `<si ` (a prefixed `<x:si` is counted by its local name too).
    let held = memchr::memmem::find_iter(&xml, b"si")
        .filter(|&i| i > 0 && matches!(xml[i - 1], b'<' | b':') && matches!(xml.get(i + 2), Some(b'>' | b' ' | b'/')))
        .count() as u64;
    if held > limits.max_cells as u64 {
        return Err(Ok(over_limit(origin, &format!("the {held} shared strings {part} holds"), limits.max_cells, "max_cells")));
    }
    Ok(budget::charge(declared.max(held).saturating_mul(std::mem::size_of::<String>() as u64) + xml.len() as u64))
}

/// .xls and .ods, read whole by calamine.
fn others(
    bytes: &[u8],
    ods: bool,
    limits: Limits,
    origin: &Origin,
    percent: &std::collections::HashMap<(String, u32, u32), cells::Percent>,
) -> SheetResult<Vec<Grid>> {
    // The format is known: calamine's own error, not a "Cannot detect file format" of trying
    // each in turn.
    let mut wb = if ods {
        calamine::Sheets::Ods(calamine::Ods::new(Cursor::new(bytes)).map_err(|e| Err(e.to_string()))?)
    } else {
        calamine::Sheets::Xls(calamine::Xls::new(Cursor::new(bytes)).map_err(|e| Err(e.to_string()))?)
    };
    let mut grids = Vec::new();
    let mut n = 0usize;
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).map_err(|e| Err(e.to_string()))?;
        let mut cells = BTreeMap::new();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, value) in range.used_cells() {
            let (r, c) = (r0 + r as u32, c0 + c as u32);
            let text = cells::data_text(value, percent.get(&(name.clone(), r, c)).copied().unwrap_or(cells::Percent::No));
            if !text.is_empty() {
                count(&mut n, limits, origin)?;
                if !charge_grid_cell(&text) {
                    return Ok(grids);
                }
                cells.insert((r, c), text);
            }
        }
        grids.push(Grid { name, cells, formulas: Vec::new() });
    }
    Ok(grids)
}

/// What the reader holds per non-empty cell beyond its text while it reads (an entry of a
/// sheet's map: key, string, node share), charged to the read's memory budget.
const GRID_CELL_COST: u64 = 64;
/// What the reader builds per cell of a row beyond its text, an empty one up to the row's last
/// cell included: its place (a `Location` with the sheet's name and the cell's address) and the
/// cell the table pipeline takes. Charged to the memory budget, with the sheet name's bytes.
const ROW_CELL_COST: u64 = std::mem::size_of::<Location>() as u64 + std::mem::size_of::<Cell<'static>>() as u64 + 16;

/// Charges a cell held while reading against the budget: false once past it.
fn charge_grid_cell(text: &str) -> bool {
    budget::charge(text.len() as u64 + GRID_CELL_COST)
}

/// A row's one non-empty cell, if it has exactly one.
fn lone<'a>(row: Option<&Vec<(&'a str, u32, u32)>>) -> Option<(&'a str, u32, u32)> {
    let mut written = row?.iter().filter(|(t, _, _)| !t.trim().is_empty());
    match (written.next(), written.next()) {
        (Some(cell), None) => Some(*cell),
        _ => None,
    }
}

/// The grids as one document, through the block stream: each sheet is its name (which places
/// its table in a part of the kind the name gives: `专项…`, `项目…`), a title row if it has one,
/// and its rows of cells located `sheet!cell`; the assembler makes a table of each (or one per
/// project on a sheet of many). A row is laid out up to its own last cell, never to the widest
/// row of its sheet: a cell far out on one row does not widen the others. Every cell laid out,
/// empty ones included, counts against `max_cells` and the memory budget. A sheet with no
/// indicator header (a cover, instructions) is kept, cell by cell, as notes.
fn document(mut grids: Vec<Grid>, limits: Limits, origin: &Origin, sink: Option<&mut dyn TableSink>) -> Result<Document> {
    // Kangxi radicals and compatibility ideographs become the ideograph they stand for.
    let folded: usize =
        grids.iter_mut().flat_map(|g| std::iter::once(&mut g.name).chain(g.cells.values_mut())).map(crate::grammar::fold::fold_ideographs).sum();
    let mut layout = Layout::default();
    let mut built = 0usize;
    // The part heading the sheets before opened, while their part lasts.
    let mut part: Option<&str> = None;
    for grid in &grids {
        // Rows of the sheet. The map is ordered by (row, column): each row's cells come in
        // column order.
        let mut rows: Vec<Vec<(&str, u32, u32)>> = Vec::new();
        let mut cells = grid.cells.iter().peekable();
        while let Some(((r, _), _)) = cells.peek() {
            let r = *r;
            let mut row = Vec::new();
            while let Some(((_, c), text)) = cells.next_if(|((rr, _), _)| *rr == r) {
                let from = row.len() as u32;
                for col in from..=*c {
                    built += 1;
                    if built > limits.max_cells {
                        return Err(over_limit(
                            origin,
                            "the spreadsheet's cells laid out in rows (empty ones before a cell included)",
                            limits.max_cells,
                            "max_cells",
                        ));
                    }
                    let text = if col == *c { text.as_str() } else { "" };
                    if !budget::charge(ROW_CELL_COST + grid.name.len() as u64 + text.len() as u64) {
                        // Past the budget: the read ends in the budget's error.
                        return Ok(Document::new(""));
                    }
                    row.push((text, r, col));
                }
            }
            rows.push(row);
        }
        // A formula with no value: the cell reads empty in its row, the formula is a note at
        // its place.
        for ((r, c), formula) in &grid.formulas {
            if !budget::charge(ROW_CELL_COST + grid.name.len() as u64 + formula.len() as u64) {
                return Ok(Document::new(""));
            }
            let text = format!(
                "={}: a formula with no value computed (the file was saved without calculating it: open it in Excel, WPS or LibreOffice and save it again to have its value read)",
                formula.trim_start_matches('=')
            );
            layout.note(text, Location::cell(&grid.name, *r, *c));
        }
        let place = |(_, r, c): &(&str, u32, u32)| Location::cell(&grid.name, *r, *c);
        let is_header = |r: &Vec<(&str, u32, u32)>| is_header_row(r.iter().map(|(t, _, _)| *t));
        if std::ptr::eq(grid, &grids[0]) && grid.name == crate::grammar::form::sheets::OVERVIEW_SHEET && !rows.iter().any(is_header) {
            // jixiao's first sheet: the title and the overview, a line a cell in column A.
            for cell in rows.iter().flatten().filter(|(t, _, _)| !t.trim().is_empty()) {
                if cell.2 == 0 {
                    layout.paragraph((*cell.0).to_owned(), place(cell));
                } else {
                    layout.note((*cell.0).to_owned(), place(cell));
                }
            }
            continue;
        }
        // A part heading alone in the first row (`第二部分 …`, as jixiao writes each sheet of a
        // part that has one): the part opens, once for its sheets in a row, and holds the
        // sheet's table, whatever part the sheet's name would give.
        let heading = lone(rows.first()).filter(|cell| part_heading(cell.0).is_some());
        let mut body = rows.as_slice();
        if let Some(cell) = heading {
            if part != Some(cell.0) {
                layout.paragraph(cell.0, place(&cell));
            }
            part = Some(cell.0);
            body = &rows[1..];
        }
        // Under a part heading a title row opens a table, as in a text save, header or not.
        let titled = heading.is_some() && lone(body.first()).is_some_and(|cell| table_title(cell.0).is_some());
        if !titled && !has_indicator_header(body, |r| r.iter().map(|c| c.0).collect()) {
            // Not an indicator table: every cell is kept, as a note at its place.
            for cell in body.iter().flatten().filter(|(t, _, _)| !t.trim().is_empty()) {
                layout.note((*cell.0).to_owned(), place(cell));
            }
            continue;
        }
        let first = body.first().and_then(|r| r.first()).map(place).unwrap_or_else(|| Location::cell(&grid.name, 0, 0));
        let title_cell = lone(body.first());
        if heading.is_some() {
            // Under a part heading the title row opens the table (the sheet's name would open
            // a part of its own); with none, the sheet's name is the title.
            match title_cell {
                Some(cell) => {
                    layout.titled(Role::TableTitle, cell.0, place(&cell));
                    body = &body[1..];
                }
                None => layout.titled(Role::TableTitle, grid.name.clone(), first),
            }
        } else {
            part = None;
            // The sheet's name opens its table; a title row above it (`1、…绩效目标表`, maybe
            // with its TC field) names the table, and one that is the sheet's own name
            // (`专项1-…`, as jixiao writes a table from a sheet with no title row) is that name.
            match title_cell {
                Some(cell) if table_title(cell.0).is_some() => {
                    layout.titled(Role::SheetTitle, grid.name.clone(), first);
                    layout.titled(Role::TableTitle, cell.0.to_owned(), place(&cell));
                    body = &body[1..];
                }
                Some(cell) if names_sheet(cell.0.trim(), &grid.name) => {
                    layout.titled(Role::SheetTitle, cell.0.trim().to_owned(), place(&cell));
                    body = &body[1..];
                }
                _ => layout.titled(Role::SheetTitle, grid.name.clone(), first),
            }
        }
        for row in body {
            for cell in row {
                layout.cell_text(Cow::Borrowed(cell.0), place(cell), 1);
            }
            layout.end_row();
        }
        if let Some(t) = layout.table_mut() {
            // The rows are laid out to their cells' columns already.
            t.grid = false;
        }
        layout.end_table();
    }
    let (mut doc, _) = assemble::assemble(layout, sink, true)?;
    doc.folded_chars = folded;
    Ok(doc)
}
