//! One page: its tables (found by pdfplumber from the ruling lines) with the text of each cell,
//! and its other lines, in order from the top.

use pdfplumber::{BBox, Char, Page};

use super::lines::{Line, join_wrapped, lines, wraps};
use super::rows::{NewCell, Rows};

/// A table as found on one page.
#[derive(Debug, Clone)]
pub struct Table {
    /// Column boundaries, left to right.
    pub columns: Vec<f64>,
    pub rows: Rows,
    /// The 1-based page of each row.
    pub pages: Vec<usize>,
    pub top: f64,
    /// The foot of its last row on its last page.
    pub bottom: f64,
}

#[derive(Debug, Clone)]
pub enum Item {
    Line(Line),
    Table(Table),
}

impl Item {
    pub fn top(&self) -> f64 {
        match self {
            Item::Line(l) => l.top,
            Item::Table(t) => t.top,
        }
    }

    pub fn bottom(&self) -> f64 {
        match self {
            Item::Line(l) => l.bottom,
            Item::Table(t) => t.bottom,
        }
    }
}

fn inside(c: &Char, b: &BBox) -> bool {
    let (x, y) = ((c.bbox.x0 + c.bbox.x1) / 2.0, (c.bbox.top + c.bbox.bottom) / 2.0);
    x >= b.x0 && x <= b.x1 && y >= b.top && y <= b.bottom
}

/// The items of page `number` (1-based), from the top, and the glyphs refused on it, by font:
/// those in a font of `unmapped`, or that pdfplumber could not map (`(cid:N)`), whose codes
/// say which glyph and not which character (never guessed).
pub fn items(page: &Page, number: usize, unmapped: &[String]) -> (Vec<Item>, Vec<(String, usize)>) {
    let paired = super::cmaps::pair_surrogates(page.chars());
    let chars = paired.as_deref().unwrap_or(page.chars());
    let unreadable = |c: &Char| c.text.starts_with("(cid:") || unmapped.iter().any(|u| u == super::cmaps::base_name(&c.fontname));
    let mut refused: Vec<(String, usize)> = Vec::new();
    let kept: Vec<Char>;
    let chars = if chars.iter().any(unreadable) {
        for c in chars.iter().filter(|c| unreadable(c)) {
            let font = super::cmaps::base_name(&c.fontname);
            match refused.iter_mut().find(|r| r.0 == font) {
                Some(r) => r.1 += 1,
                None => refused.push((font.to_owned(), 1)),
            }
        }
        kept = chars.iter().filter(|c| !unreadable(c)).cloned().collect();
        &kept[..]
    } else {
        chars
    };
    let found = super::edges::tables(page, chars);
    let mut items: Vec<Item> = found.iter().map(|t| Item::Table(table(t, chars, number))).collect();
    // A glyph inside a table's frame but in none of its cells (a cell the finder could not
    // close) is kept as a line where it stands, never dropped with the frame.
    // A cell takes the glyphs inside its own box (`cell`): the rest is prose, exactly.
    let in_a_cell = |c: &Char| found.iter().any(|t| inside(c, &grown(&t.bbox)) && t.cells.iter().any(|cell| cell.text.is_some() && inside(c, &cell.bbox)));
    let prose = chars.iter().filter(|c| !in_a_cell(c));
    items.extend(lines(prose).into_iter().filter(|l| !l.text.trim().is_empty()).map(|l| Item::Line(Line { page: number, ..l })));
    items.sort_by(|a, b| a.top().total_cmp(&b.top()));
    // A join over a page break looks at the first lines of the page's first item and the last
    // lines of its last item (`flow`), once headers and footers are left out: the first table
    // keeps its first lines, the last its last ones, and the tables between neither.
    let tables: Vec<usize> = items.iter().enumerate().filter(|(_, i)| matches!(i, Item::Table(_))).map(|(k, _)| k).collect();
    for (n, &k) in tables.iter().enumerate() {
        let Item::Table(t) = &mut items[k] else { continue };
        if n > 0 {
            t.rows.forget_first_lines_from(0);
        }
        if n + 1 < tables.len() {
            t.rows.forget_last_lines();
        }
        t.rows.settle();
    }
    items.shrink_to_fit();
    (items, refused)
}

fn grown(b: &BBox) -> BBox {
    BBox { x0: b.x0 - 1.0, top: b.top - 1.0, x1: b.x1 + 1.0, bottom: b.bottom + 1.0 }
}

/// Column boundaries of a table: every cell edge, those within a point of each other as one.
fn boundaries(t: &pdfplumber::Table) -> Vec<f64> {
    let mut xs: Vec<f64> = t.cells.iter().filter(|c| c.text.is_some()).flat_map(|c| [c.bbox.x0, c.bbox.x1]).collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    // Two edges a cell were gathered; a few boundaries are kept until the last page is read.
    xs.shrink_to_fit();
    xs
}

fn table(t: &pdfplumber::Table, chars: &[Char], page: usize) -> Table {
    let columns = boundaries(t);
    // The cells first, then the rows sized once for them: they are held until the last page.
    let mut cells: Vec<Vec<(String, NewCell)>> = Vec::with_capacity(t.rows.len());
    for row in &t.rows {
        let mut out = Vec::with_capacity(row.len());
        for (j, c) in row.iter().enumerate() {
            if c.text.is_some() {
                out.push(cell(&c.bbox, chars));
                continue;
            }
            // A grid position another cell covers: part of a cell to its left (one cell, as in
            // Word's text save), or of one above (an empty cell, as Word's text save has it).
            let span = (columns.len() == row.len() + 1).then(|| (columns[j], columns[j + 1]));
            let across = span.is_some_and(|(x0, x1)| row.iter().any(|o| o.text.is_some() && o.bbox.x0 <= x0 + 1.0 && o.bbox.x1 >= x1 - 1.0));
            if !across {
                let (x0, x1) = span.unwrap_or((0.0, 0.0));
                out.push((String::new(), NewCell { x0, x1, right: x1, first: None, last: None, covered: true }));
            }
        }
        cells.push(out);
    }
    let all = || cells.iter().flatten();
    let mut rows = Rows::with_capacity(
        cells.len(),
        all().count(),
        all().map(|(text, _)| text.len()).sum(),
        all().map(|(_, c)| usize::from(c.first.is_some()) + usize::from(c.last.is_some())).sum(),
    );
    for row in &cells {
        for (text, new) in row {
            rows.push(text, new);
        }
        rows.end_row();
    }
    drop(cells);
    forget_lines(&mut rows);
    let pages = vec![page; rows.len()];
    Table { columns, rows, pages, top: t.bbox.top, bottom: t.bbox.bottom }
}

/// How many rows at the top of a page's table a join with the page before may look at: up to
/// three header rows repeated, the row a break split, and the one under it (`flow`).
const TOP_ROWS: usize = 5;

/// Drops the lines no join will look at: a cell's first line below the top rows, and its last
/// line unless it is in the last row or a cell merged down to it (every row below holds a
/// covered position at its edges: `flow` walks up through those to the cell that goes on over
/// the break). Edges are matched within twice the distance `flow` allows, so that every cell
/// it can find keeps its line.
fn forget_lines(rows: &mut Rows) {
    const NEAR: f64 = 2.0 * super::flow::SAME_EDGE;
    for r in 0..rows.len().saturating_sub(1) {
        for i in 0..rows.row(r).len() {
            let cell = &rows.row(r)[i];
            let merged_down =
                (r + 1..rows.len()).all(|b| rows.row(b).iter().any(|c| c.covered && (c.x0() - cell.x0()).abs() < NEAR && (c.x1() - cell.x1()).abs() < NEAR));
            if !merged_down {
                rows.forget_last_line(r, i);
            }
        }
    }
    rows.forget_first_lines_from(TOP_ROWS);
}

/// A cell's text from the glyphs inside it (lines that wrap joined, others kept as lines), and
/// its edges, measure and lines.
fn cell(b: &BBox, chars: &[Char]) -> (String, NewCell) {
    let ls = lines(chars.iter().filter(|c| inside(c, b)));
    // The padding is what the text leaves on the left of the cell at least; the text may run
    // as far on the right, unless the cell's lines show a narrower measure (an indent, centred
    // text): lines that wrap all end within a glyph of it, so the longest line marks it, when
    // it fills most of the cell.
    let pad = ls.iter().map(|l| l.x0 - b.x0).fold(f64::INFINITY, f64::min).max(0.0);
    let mut right = b.x1 - if pad.is_finite() { pad } else { 0.0 };
    let start = ls.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
    let longest = ls.iter().map(|l| l.x1).fold(f64::NEG_INFINITY, f64::max);
    if ls.len() >= 2 && longest - start >= 0.6 * (right - start) {
        right = right.min(longest);
    }
    let mut text = String::new();
    for (i, l) in ls.iter().enumerate() {
        if i > 0 {
            if wraps(&ls[i - 1], l, right) {
                join_wrapped(&mut text, &l.text);
                continue;
            }
            text.push('\n');
        }
        text.push_str(l.text.trim());
    }
    let new = NewCell { x0: b.x0, x1: b.x1, right, first: ls.first().map(Line::reach), last: ls.last().map(Line::reach), covered: false };
    (text, new)
}
