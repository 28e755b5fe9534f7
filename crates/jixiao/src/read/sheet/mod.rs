//! Spreadsheets (.xlsx, .xls, .ods) through calamine, one code path: each sheet becomes rows of
//! cells for the shared table pipeline; each cell's place is `sheet!cell`. A sheet holds one
//! table (a 项目名称 / 绩效目标 block above the header) or many projects (a 项目名称 column).
//! A sheet with no indicator header (a cover, instructions) is kept in notes, never guessed at.

mod cells;
pub(crate) mod names;
mod ods_percent;
mod xls;

pub use cells::number as cell_number;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::Reader as _;

use super::container::{Container, Limits, cfb_has_stream, over_limit, zip_has};
use super::text::table_title;
use super::tree::{self, Cell, Row};
use super::{Format, ReadOptions, Reader};
use crate::error::{Error, Origin, Result};
use crate::grammar::labels::is_header_row;
use crate::model::{Document, Location, Note, Section, Table};
use names::{names_sheet, sheet_kind, sheet_table_name};

pub(crate) struct SheetReader;

/// A sheet's non-empty cells by (row, column), 0-based.
struct Grid {
    name: String,
    cells: BTreeMap<(u32, u32), String>,
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
        zip_has(bytes, "xl/workbook.xml") || is_ods(bytes) || is_cfb_workbook(bytes)
    }

    fn read(&self, bytes: &[u8], options: &ReadOptions) -> Result<Document> {
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
        let mut grids = grids;
        let folded = grids.iter_mut().flat_map(|g| std::iter::once(&mut g.name).chain(g.cells.values_mut())).map(crate::grammar::fold::fold_ideographs).sum();
        Ok(Document { folded_chars: folded, ..document(grids) })
    }
}

/// The sheets of a workbook in any of the three formats.
fn grids(bytes: &[u8], limits: Limits, origin: &Origin) -> SheetResult<Vec<Grid>> {
    if zip_has(bytes, "xl/workbook.xml") {
        return xlsx(bytes, limits, origin);
    }
    let percent = if is_ods(bytes) {
        let content = Container::open(bytes, limits, origin, "spreadsheet").and_then(|mut c| c.read("content.xml")).map_err(Ok)?.unwrap_or_default();
        let scan = ods_percent::scan(&String::from_utf8_lossy(&content), limits.max_depth, limits.max_cells);
        // calamine expands repeated cells in memory: check what the repeats declare first.
        if scan.valued > limits.max_cells as u64 {
            return Err(Ok(over_limit(origin, &format!("the {} valued cells the sheets declare", scan.valued), limits.max_cells, "max_cells")));
        }
        scan.percent
    } else {
        // calamine's own compound-file reader panics on some damaged files, and it reserves
        // memory for the cells a sheet declares before reading one: check both first.
        let stream = xls::workbook_stream(bytes).ok_or_else(|| Err("its compound file or workbook stream cannot be read".to_owned()))?;
        let declared = xls::declared_cells(&stream);
        if declared > limits.max_cells as u64 {
            return Err(Ok(over_limit(origin, &format!("the {declared} cells a sheet declares"), limits.max_cells, "max_cells")));
        }
        let spanned = xls::spanned_cells(&stream);
        if spanned > limits.max_cells as u64 {
            return Err(Ok(over_limit(origin, &format!("the {spanned} cells a sheet spans from its first cell to its last"), limits.max_cells, "max_cells")));
        }
        xls::percent_cells(&stream, limits.max_cells)
    };
    others(bytes, limits, origin, &percent)
}

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
    let mut wb = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| Err(e.to_string()))?;
    let mut grids = Vec::new();
    let mut n = 0usize;
    for name in wb.sheet_names() {
        let styles = wb.worksheet_style(&name).unwrap_or_default();
        let mut cells = BTreeMap::new();
        let mut reader = wb.worksheet_cells_reader(&name).map_err(|e| Err(e.to_string()))?;
        while let Some(cell) = reader.next_cell().map_err(|e| Err(e.to_string()))? {
            let (r, c) = cell.get_position();
            let percent = styles.get((r, c)).and_then(|s| s.number_format.as_ref()).is_some_and(|f| f.format_code.contains('%'));
            let text = cells::text(cell.get_value(), percent);
            if !text.is_empty() {
                count(&mut n, limits, origin)?;
                cells.insert((r, c), text);
            }
        }
        grids.push(Grid { name, cells });
    }
    Ok(grids)
}

/// .xls and .ods, read whole by calamine.
fn others(bytes: &[u8], limits: Limits, origin: &Origin, percent: &std::collections::HashSet<(String, u32, u32)>) -> SheetResult<Vec<Grid>> {
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| Err(e.to_string()))?;
    let mut grids = Vec::new();
    let mut n = 0usize;
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).map_err(|e| Err(e.to_string()))?;
        let mut cells = BTreeMap::new();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, value) in range.used_cells() {
            let (r, c) = (r0 + r as u32, c0 + c as u32);
            let text = cells::data_text(value, percent.contains(&(name.clone(), r, c)));
            if !text.is_empty() {
                count(&mut n, limits, origin)?;
                cells.insert((r, c), text);
            }
        }
        grids.push(Grid { name, cells });
    }
    Ok(grids)
}

/// The grids as one document: a section per run of sheets of one kind, a table per sheet (or
/// per project on a sheet of many), cells located `sheet!cell`.
fn document(grids: Vec<Grid>) -> Document {
    let mut doc = Document::new("");
    for grid in grids {
        let (kind, number) = sheet_kind(&grid.name);
        // Rows of the sheet, each cell with a line that indexes the document's locations.
        let mut rows: Vec<Row> = Vec::new();
        let max_col = grid.cells.keys().map(|(_, c)| *c).max().unwrap_or(0);
        let mut by_row: BTreeMap<u32, Vec<(u32, &String)>> = BTreeMap::new();
        for ((r, c), text) in &grid.cells {
            by_row.entry(*r).or_default().push((*c, text));
        }
        for (r, cells) in &by_row {
            let mut row = Row::default();
            for c in 0..=max_col {
                let text = Cow::Borrowed(cells.iter().find(|(cc, _)| *cc == c).map_or("", |(_, t)| t.as_str()));
                doc.locations.push(Location::cell(&grid.name, *r, c));
                row.cells.push(Cell { text, line: doc.locations.len() });
            }
            // Trailing empty cells are the grid's, not the table's.
            while row.cells.len() > 1 && row.cells.last().is_some_and(|c| c.text.is_empty()) {
                row.cells.pop();
            }
            rows.push(row);
        }
        if !rows.iter().any(|r| is_header_row(r.cells.iter().map(|c| c.text.as_ref()))) {
            // Not an indicator table: every cell is kept, as a note at its place.
            for row in rows {
                for cell in row.cells.into_iter().filter(|c| !c.text.trim().is_empty()) {
                    doc.notes.push(Note { line: cell.line, text: cell.text.into_owned() });
                }
            }
            continue;
        }
        let line = rows.first().map_or(0, Row::line);
        let mut template = Table { number, name: sheet_table_name(&grid.name).to_owned(), title: grid.name.clone(), line, ..Table::default() };
        // A title row above the table (`1、…绩效目标表`, maybe with its TC field) names it.
        let mut title_kind = None;
        if let Some(first) = rows.first()
            && first.cells.iter().filter(|c| !c.text.trim().is_empty()).count() == 1
            && let Some(title) = first.cells.iter().find(|c| !c.text.trim().is_empty()).and_then(|c| table_title(&c.text))
        {
            template.number = title.number.or(template.number);
            template.name = title.name;
            template.title = title.title;
            template.toc = title.toc;
            template.year = title.year;
            template.code = title.code;
            title_kind = title.kind;
            rows.remove(0);
        } else if let Some(first) = rows.first()
            && let [cell] = first.cells.iter().filter(|c| !c.text.trim().is_empty()).collect::<Vec<_>>()[..]
            && names_sheet(cell.text.trim(), &grid.name)
        {
            // A title row that is the sheet's own name (`专项1-…`, as jixiao writes a table that
            // came from a sheet with no title row): the title, not a note.
            template.title = cell.text.trim().to_owned();
            template.name = sheet_table_name(&template.title).to_owned();
            template.number = sheet_kind(&template.title).1;
            rows.remove(0);
        }
        let mut notes = Vec::new();
        let bodies = tree::build(rows, &mut notes);
        doc.notes.extend(notes);
        let tables = tree::into_tables(template, title_kind, bodies);
        match doc.sections.last_mut() {
            Some(s) if s.kind == kind => s.tables.extend(tables),
            _ => doc.sections.push(Section { number: None, kind, heading: String::new(), tables, line, toc: None }),
        }
    }
    doc.notes.sort_by_key(|n| n.line);
    doc
}
