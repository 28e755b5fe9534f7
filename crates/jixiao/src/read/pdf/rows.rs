//! A table's rows as they are held until the last page is read (see `flow`): every page's
//! tables are kept that long, so a table keeps its cells in one list, their text in one string
//! and the lines a join looks at in one more, not a list for each row and a string and two
//! boxes for each cell (the sample ×30 holds 67,200 cells: a few allocations for each table,
//! not one or more for each cell, which the allocator scattered among the page's passing ones).

use super::lines::{Reach, join_wrapped};

/// No line kept (see [`Cell`]).
const NONE: u32 = u32::MAX;

/// A cell of a table as found on one page: its text and lines are its table's (see [`Rows`]).
/// Its edges are `f32`: an edge moves by at most 1/16384 of a point (a page is narrower than
/// 2048 points), and one that close to a rule's threshold (2 or 4 points apart, half a point
/// of slack) may fall on its other side, which no reading of the rules drawn on a page could
/// tell.
#[derive(Debug, Clone)]
pub struct Cell {
    /// Its text: where it starts in the table's text, and its length in bytes.
    text: (u32, u32),
    /// Left and right edges (of the grid column, for a position a cell above covers).
    x0: f32,
    x1: f32,
    /// How far right its text may run.
    right: f32,
    /// The reach of its first and last line, in the table's lines (`NONE`: not kept): what
    /// joining a row split by a page break needs. Kept only where a join may look (see
    /// `page`): most cells are never at a break.
    first: u32,
    last: u32,
    /// A grid position that a cell above covers (merged down), not a cell of its own.
    pub covered: bool,
}

impl Cell {
    pub fn x0(&self) -> f64 {
        f64::from(self.x0)
    }

    pub fn x1(&self) -> f64 {
        f64::from(self.x1)
    }

    pub fn right(&self) -> f64 {
        f64::from(self.right)
    }
}

/// A new cell's edges, measure and lines, for [`Rows::push`].
pub struct NewCell {
    pub x0: f64,
    pub x1: f64,
    pub right: f64,
    pub first: Option<Reach>,
    pub last: Option<Reach>,
    pub covered: bool,
}

/// The rows of a table: its cells in order, where each row ends, their text and the lines kept.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    cells: Vec<Cell>,
    /// Where each row ends in `cells`.
    ends: Vec<u32>,
    text: String,
    lines: Vec<Reach>,
}

/// How much text and how many cells a table may hold: its places are `u32`.
const MOST: usize = u32::MAX as usize;

impl Rows {
    /// Rows for `rows` rows of `cells` cells, `text` bytes of text and `lines` lines in all.
    pub fn with_capacity(rows: usize, cells: usize, text: usize, lines: usize) -> Rows {
        Rows { cells: Vec::with_capacity(cells), ends: Vec::with_capacity(rows), text: String::with_capacity(text), lines: Vec::with_capacity(lines) }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether these rows can take all of `more`'s text and cells (a table over a page break
    /// that could not is read as two).
    pub fn can_take(&self, more: &Rows) -> bool {
        // A join copies a cell's text with the part's added (at most all of both), then the part's
        // rows are added.
        self.text.len().saturating_mul(2).saturating_add(more.text.len().saturating_mul(2)) <= MOST
            && self.cells.len().saturating_add(more.cells.len()) <= MOST
            && self.lines.len().saturating_add(more.lines.len()) < MOST
    }

    pub fn row(&self, r: usize) -> &[Cell] {
        &self.cells[self.start(r)..self.ends[r] as usize]
    }

    pub fn text(&self, c: &Cell) -> &str {
        let (start, len) = (c.text.0 as usize, c.text.1 as usize);
        self.text.get(start..start + len).unwrap_or_default()
    }

    /// The texts of row `r`, in order.
    pub fn texts(&self, r: usize) -> impl Iterator<Item = &str> {
        self.row(r).iter().map(|c| self.text(c))
    }

    pub fn first(&self, c: &Cell) -> Option<&Reach> {
        self.lines.get(c.first as usize)
    }

    pub fn last(&self, c: &Cell) -> Option<&Reach> {
        self.lines.get(c.last as usize)
    }

    /// Adds a cell to the row being built (see [`Rows::end_row`]).
    pub fn push(&mut self, text: &str, cell: &NewCell) {
        let first = self.keep(cell.first);
        let last = self.keep(cell.last);
        let text = self.add_text(text);
        self.cells.push(Cell { text, x0: cell.x0 as f32, x1: cell.x1 as f32, right: cell.right as f32, first, last, covered: cell.covered });
    }

    /// Ends the row being built.
    pub fn end_row(&mut self) {
        self.ends.push(self.cells.len() as u32);
    }

    /// Adds row `r` of `from` (a table on the next page) as the last row.
    pub fn push_row(&mut self, from: &Rows, r: usize) {
        for c in from.row(r) {
            let first = self.keep(from.first(c).copied());
            let last = self.keep(from.last(c).copied());
            let text = self.add_text(from.text(c));
            self.cells.push(Cell { text, first, last, ..c.clone() });
        }
        self.end_row();
    }

    /// Adds the text of the same cell's part on the next page to cell `i` of row `r` (see
    /// [`join_wrapped`]), with the reach of that part's last line. The cell's text moves to the
    /// end of the table's: a join happens at a page break, to a cell or two.
    pub fn join(&mut self, r: usize, i: usize, more: &str, last: Option<Reach>) {
        let k = self.index(r, i);
        let mut text = self.text(&self.cells[k]).to_owned();
        join_wrapped(&mut text, more);
        let text = self.add_text(&text);
        let last = self.keep(last);
        let cell = &mut self.cells[k];
        (cell.text, cell.last) = (text, last);
    }

    /// Makes cell `i` of row `r` a position the cell above covers: its text went to that cell.
    pub fn cover(&mut self, r: usize, i: usize) {
        let k = self.index(r, i);
        let cell = &mut self.cells[k];
        (cell.text, cell.first, cell.last, cell.covered) = ((0, 0), NONE, NONE, true);
    }

    /// Forgets the first lines of the cells of row `r` and of every row below it: lines no join
    /// will look at.
    pub fn forget_first_lines_from(&mut self, r: usize) {
        let start = if r <= self.len() { self.start(r) } else { self.cells.len() };
        for cell in self.cells.iter_mut().skip(start) {
            cell.first = NONE;
        }
    }

    /// Forgets the last line of cell `i` of row `r`.
    pub fn forget_last_line(&mut self, r: usize, i: usize) {
        let k = self.index(r, i);
        self.cells[k].last = NONE;
    }

    /// Forgets every cell's last line.
    pub fn forget_last_lines(&mut self) {
        for cell in &mut self.cells {
            cell.last = NONE;
        }
    }

    /// Keeps only the lines a cell still refers to, and gives the lists their exact size: the
    /// rows are held until the last page is read.
    pub fn settle(&mut self) {
        let mut kept = Vec::with_capacity(self.cells.iter().map(|c| usize::from(c.first != NONE) + usize::from(c.last != NONE)).sum());
        for cell in &mut self.cells {
            for line in [&mut cell.first, &mut cell.last] {
                if let Some(reach) = self.lines.get(*line as usize) {
                    *line = kept.len() as u32;
                    kept.push(*reach);
                }
            }
        }
        self.lines = kept;
        self.cells.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.text.shrink_to_fit();
    }

    /// Where row `r` starts in `cells` (the end of the cells when `r` is the row after the last).
    fn start(&self, r: usize) -> usize {
        r.checked_sub(1).map_or(0, |p| self.ends[p] as usize)
    }

    fn index(&self, r: usize, i: usize) -> usize {
        self.start(r) + i
    }

    fn keep(&mut self, line: Option<Reach>) -> u32 {
        line.map_or(NONE, |reach| {
            self.lines.push(reach);
            (self.lines.len() - 1) as u32
        })
    }

    fn add_text(&mut self, text: &str) -> (u32, u32) {
        let start = self.text.len() as u32;
        self.text.push_str(text);
        (start, text.len() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(x0: f64, line: Option<Reach>) -> NewCell {
        NewCell { x0, x1: x0 + 10.0, right: x0 + 9.0, first: line, last: line, covered: false }
    }

    #[test]
    fn rows_hold_their_cells_text_and_lines() {
        let reach = Reach { x1: 5.0, first_width: 1.0, size: 10.0 };
        let mut rows = Rows::default();
        rows.push("一级指标", &cell(0.0, None));
        rows.push("", &cell(10.0, Some(reach)));
        rows.end_row();
        rows.push("产出", &cell(0.0, Some(reach)));
        rows.end_row();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows.texts(0).collect::<Vec<_>>(), ["一级指标", ""]);
        assert_eq!(rows.row(1)[0].x0(), 0.0);
        assert!(rows.last(&rows.row(0)[0]).is_none());
        assert_eq!(rows.last(&rows.row(0)[1]).map(|r| r.x1), Some(5.0));
        rows.join(1, 0, "指标", None);
        assert_eq!(rows.texts(1).collect::<Vec<_>>(), ["产出指标"]);
        assert!(rows.last(&rows.row(1)[0]).is_none());
        rows.forget_first_lines_from(1);
        assert!(rows.first(&rows.row(1)[0]).is_none());
        assert!(rows.first(&rows.row(0)[1]).is_some());
        rows.settle();
        assert_eq!(rows.lines.len(), 2, "the first and last line of row 0's second cell");
        assert_eq!(rows.first(&rows.row(0)[1]).map(|r| r.size), Some(10.0));
        let mut next = Rows::default();
        next.push("质量", &cell(0.0, Some(reach)));
        next.end_row();
        rows.push_row(&next, 0);
        assert_eq!(rows.texts(2).collect::<Vec<_>>(), ["质量"]);
        assert_eq!(rows.first(&rows.row(2)[0]).map(|r| r.x1), Some(5.0));
        rows.cover(2, 0);
        assert!(rows.row(2)[0].covered);
        assert_eq!(rows.texts(2).collect::<Vec<_>>(), [""]);
        assert!(rows.can_take(&next));
    }
}
