//! Word's plain-text save, lexed into the block stream. Each table cell is a line that starts
//! with a TAB; a paragraph break inside a cell is a line without one (after a blank line, or
//! none for a line break); rows are separated by a blank line and a table ends at two; the
//! merged level-1 cell reads empty on continuation rows. What a text save cannot say (where a
//! table ends, which lines are one cell's) is inferred here, once, for the assembler.

use std::borrow::Cow;

use super::assemble::{Assembler, Lines as Places};
use super::blocks::{Block, BlockCell, BlockSink, Place, Role, TableBlock};
use super::{Format, ReadOptions, Reader, TableSink, decode_with};
use crate::error::{Error, Result};
use crate::grammar::form::{LITERAL_MARK, is_overview_heading, part_heading, table_title};
use crate::grammar::is_blank;
use crate::model::Document;

pub(crate) struct TextReader;

impl Reader for TextReader {
    fn format(&self) -> Format {
        Format::Text
    }

    fn sniff(&self, _bytes: &[u8]) -> bool {
        true
    }

    fn read(&self, bytes: &[u8], options: &ReadOptions) -> Result<Document> {
        read_text(bytes, options, None)
    }

    fn read_to(&self, bytes: &[u8], options: &ReadOptions, sink: &mut dyn TableSink) -> Result<Document> {
        read_text(bytes, options, Some(sink))
    }
}

fn read_text(bytes: &[u8], options: &ReadOptions, sink: Option<&mut dyn TableSink>) -> Result<Document> {
    let (mut text, replaced) = decode_with(bytes, options.encoding, options.encoding_errors, &options.origin())?;
    let folded = crate::grammar::fold::fold_ideographs_cow(&mut text);
    // Tables go out as read only when the head they follow is final by then.
    let sink = sink.filter(|_| !overview_may_follow_tables(&text));
    let head_final = sink.is_some();
    let mut assembler = Assembler::new(Places::Source, sink, head_final);
    lex(&text, &mut assembler);
    let mut doc = assembler.finish().map_err(|e| Error::Write(e.to_string()))?;
    (doc.replaced_bytes, doc.folded_chars) = (replaced, folded);
    require_structure(doc, options, is_blank(&text))
}

/// Whether the overview (a 整体 part) may be set only after the first table is read: tables
/// handed on as read would then go out before the head they follow. It is set before when the
/// first 整体 part comes before any table and ends at a part heading, or holds prose before the
/// first table (a table right under its heading makes it a part with tables); later 整体 parts
/// become notes. Errs towards yes.
fn overview_may_follow_tables(text: &str) -> bool {
    // Inside the first 整体 part: whether it holds prose so far.
    let mut overview: Option<bool> = None;
    let mut lines = split_lines(text);
    for line in lines.by_ref() {
        match classify(line) {
            Line::Part(line) => {
                if overview.is_some() {
                    return false;
                }
                if !part_heading(line).is_some_and(|(_, heading, _)| is_overview_heading(&heading)) {
                    break;
                }
                overview = Some(false);
            }
            Line::Title(_) => {
                if overview == Some(true) {
                    return false;
                }
                break;
            }
            Line::Plain(_) if overview.is_some() => overview = Some(true),
            Line::Literal(plain) if overview.is_some() && !is_blank(plain) => overview = Some(true),
            _ => {}
        }
    }
    // None was set before the first table: a 整体 part further on would be.
    lines.any(|line| part_heading(line).is_some_and(|(_, heading, _)| is_overview_heading(&heading)))
}

/// What a line of a text save is, decided in the reader's order.
enum Line<'a> {
    Blank,
    /// After [`LITERAL_MARK`]: plain text, whatever it says.
    Literal(&'a str),
    /// A table cell's first paragraph (after its TAB).
    Cell(&'a str),
    /// A part heading (`第二部分 …`).
    Part(&'a str),
    /// A table title (`1、…绩效目标表`).
    Title(&'a str),
    /// Anything else: the document's title, prose, a cell's further paragraph or a note.
    Plain(&'a str),
}

fn classify(text: &str) -> Line<'_> {
    match shape(text) {
        Line::Plain(text) if part_heading(text).is_some() => Line::Part(text),
        Line::Plain(text) if table_title(text).is_some() => Line::Title(text),
        line => line,
    }
}

/// [`classify`] up to telling headings and titles from other prose, which only a line that
/// does not continue a cell needs.
fn shape(text: &str) -> Line<'_> {
    // Word's page break is a form feed at the start of a line; spaces before a cell's TAB
    // come from hand edits. Neither makes the line something else.
    let text = text.trim_start_matches('\u{c}');
    let text = match text.trim_start_matches([' ', '\u{3000}']) {
        cell if cell.starts_with('\t') => cell,
        _ => text,
    };
    if is_blank(text) && !text.starts_with('\t') {
        Line::Blank
    } else if let Some(plain) = text.strip_prefix(LITERAL_MARK) {
        Line::Literal(plain)
    } else if let Some(cell) = text.strip_prefix('\t') {
        Line::Cell(cell)
    } else {
        Line::Plain(text)
    }
}

/// The document, or the error for an input in which no part heading and no table was found.
pub fn require_structure(doc: Document, options: &ReadOptions, empty: bool) -> Result<Document> {
    if doc.overview.is_none() && doc.sections.is_empty() {
        let reason = if empty {
            "empty input: not a performance document".to_owned()
        } else {
            "not a performance document: no part heading (第…部分) and no 绩效目标表 found".to_owned()
        };
        return Err(Error::Parse { origin: options.origin(), line: None, reason });
    }
    Ok(doc)
}

/// Splits on LF, CRLF and lone CR; drops a leading BOM. An iterator, so that reading a large
/// file never holds a second index of its lines.
pub fn split_lines(text: &str) -> Lines<'_> {
    Lines { rest: text.strip_prefix('\u{FEFF}').unwrap_or(text) }
}

/// The lines of a text, see [`split_lines`].
pub struct Lines<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let bytes = self.rest.as_bytes();
        let Some(end) = memchr::memchr2(b'\n', b'\r', bytes) else {
            return Some(std::mem::take(&mut self.rest));
        };
        let line = &self.rest[..end];
        let skip = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') { 2 } else { 1 };
        self.rest = &self.rest[end + skip..];
        Some(line)
    }
}

/// The lexer's state: the table block being gathered, its row, and what the lines since the
/// last cell were.
struct Lexer<'a> {
    table: Option<TableBlock<'a>>,
    row: Vec<BlockCell<'a>>,
    /// Blank lines since the last non-blank one.
    blanks: usize,
    /// Whether the last non-blank line was a cell (or its continuation).
    in_cell: bool,
    /// Blank lines before the row being gathered.
    row_blanks: usize,
}

impl<'a> Lexer<'a> {
    fn end_row(&mut self) {
        if self.row.is_empty() {
            return;
        }
        let Some(t) = &mut self.table else { return };
        let row = std::mem::take(&mut self.row);
        match t.rows.as_slice() {
            [.., before, last] if self.row_blanks == 1 && splits_a_cell(before.len(), last, &row) => {
                // A cell's further paragraph that starts with a TAB reads as a new row's first
                // cell: the two short rows are one, the paragraph (its TAB kept) in that cell.
                let mut row = row.into_iter();
                let last = t.rows.last_mut().expect("matched above");
                if let (Some(cell), Some(paragraph)) = (last.last_mut(), row.next()) {
                    let text = cell.text.to_mut();
                    text.push_str("\n\t");
                    text.push_str(&paragraph.text);
                }
                last.extend(row);
            }
            _ => t.rows.push(row),
        }
    }

    /// Hands the table gathered so far on (a paragraph comes between its rows or after it).
    fn end_table(&mut self, out: &mut impl BlockSink<'a>) {
        self.end_row();
        if let Some(t) = self.table.take() {
            out.block(Block::Table(t));
        }
    }

    fn cell(&mut self, text: &'a str, line: usize) {
        if self.blanks > 0 || self.row.is_empty() {
            self.end_row();
            self.row_blanks = self.blanks;
            let width = self.table.as_ref().and_then(|t| t.rows.last()).map_or(0, Vec::len);
            // Rows of a table are alike: room for as many cells as the last one had.
            self.row.reserve(width);
        }
        // A text save writes every cell of a row, empty or not.
        self.table.get_or_insert_with(|| TableBlock { whole_rows: true, ..TableBlock::default() });
        self.row.push(BlockCell { text: Cow::Borrowed(text), place: Place::Line(line), span: 1 });
        self.in_cell = true;
    }

    /// A line without a TAB after a cell, with at most one blank line between: a further
    /// paragraph (or line) of that cell.
    fn continues_cell(&mut self, text: &str) -> bool {
        if !self.in_cell || self.blanks > 1 {
            return false;
        }
        let Some(cell) = self.row.last_mut() else { return false };
        let joined = cell.text.to_mut();
        joined.push('\n');
        joined.push_str(text);
        true
    }
}

/// Whether `last` and `next`, each short of the row `width` cells wide before them and one
/// blank line apart, are one row whose cell's further paragraph starts with a TAB: Word writes
/// that paragraph after a blank line with its TAB, where a row would start. Their cells then
/// add up to the width with one to spare, the one paragraph, and both hold text.
fn splits_a_cell(width: usize, last: &[BlockCell<'_>], next: &[BlockCell<'_>]) -> bool {
    // The cell and its paragraph both hold text: a row of empty cells is a row.
    let written = |c: Option<&BlockCell<'_>>| c.is_some_and(|c| !is_blank(&c.text));
    // An indicator header is a row of its own, whatever the widths add up to (`总体目标 | …` over
    // `绩效指标 | 一级指标 | … | 区域目标值`); so is a footer (`总分 | 100 | 96 | 优` under
    // `其他需要说明事项 | 无`), but not a paragraph that is a label with its text
    // (`联系电话：0731-…` under `项目负责人 | 张三`).
    last.len() < width
        && next.len() < width
        && last.len() + next.len() == width + 1
        && written(last.last())
        && written(next.first())
        && !crate::grammar::labels::is_header_row(next.iter().map(|c| c.text.as_ref()))
        && !next.first().is_some_and(|c| crate::grammar::labels::is_footer_label(&c.text) && !c.text.contains([':', '：']))
        // Nor is a field above the header with its value (`业务主管部门 | 某镇` under `专项资金名称 |
        // …`, below a wider `编制单位: | … | 单位:万元`; `年度绩效目标 | …` under `项目起止时间 | …`).
        && !(next.len() > 1 && next.first().is_some_and(|c| is_field_label(&c.text)))
}

/// Whether a cell is the label of a field above a table's header, the project's name and the
/// objective among them.
fn is_field_label(text: &str) -> bool {
    use crate::grammar::{form::info, labels};
    info::is_info_label(text) || labels::is_project_name_label(text) || info::is_objective_label(text)
}

/// Lexes a text save into blocks: cells into tables, everything else into paragraphs.
pub(crate) fn lex<'a>(text: &'a str, out: &mut impl BlockSink<'a>) {
    let mut lx = Lexer { table: None, row: Vec::new(), blanks: 0, in_cell: false, row_blanks: 0 };
    // A heading or title one blank line under a cell, and the cells right under it, until it is
    // known whether that line is the cell's further paragraph or what follows the table.
    let mut pending: Option<Pending<'a>> = None;
    for (i, raw) in split_lines(text).enumerate() {
        let line = i + 1;
        let shape = shape(raw);
        if let Some(Pending { cells, .. }) = &mut pending {
            match shape {
                Line::Cell(cell) if lx.blanks == 0 => {
                    cells.push((cell, line));
                    continue;
                }
                _ => {
                    let p = pending.take().expect("matched above");
                    lx.settle(p, out);
                }
            }
        }
        let paragraph = |text: &'a str, role| Block::Paragraph { text: Cow::Borrowed(text), place: Place::Line(line), role };
        match shape {
            Line::Blank => {
                lx.blanks += 1;
                continue;
            }
            Line::Cell(cell) => lx.cell(cell, line),
            Line::Literal(plain) => {
                if !lx.continues_cell(plain) {
                    lx.in_cell = false;
                    lx.end_table(out);
                    out.block(paragraph(plain, Role::Literal));
                }
            }
            Line::Part(text) | Line::Title(text) | Line::Plain(text) => {
                let part = lx.in_cell && lx.blanks <= 1 && part_heading(text).is_some();
                let titled = if lx.in_cell && lx.blanks <= 1 && !part { table_title(text) } else { None };
                let title = titled.is_some();
                if titled.is_some_and(|t| t.number.is_none()) && lx.blanks == 1 {
                    // Word writes a cell's further paragraph after one blank line, and a cell
                    // may well say `…见上年绩效目标表`: the cells that follow decide (see
                    // `settle`). A numbered title (`2、…绩效目标表`) and a part heading
                    // (第二部分 …) are what follows a table.
                    pending = Some(Pending { title: text, line, cells: Vec::new() });
                } else if part || title || !lx.continues_cell(text) {
                    // Right under a cell, a title is one that follows the table with no blank line.
                    lx.in_cell = false;
                    lx.end_table(out);
                    out.block(paragraph(text, Role::Text));
                }
            }
        }
        lx.blanks = 0;
    }
    if let Some(p) = pending.take() {
        lx.settle(p, out);
    }
    lx.end_table(out);
}

/// A heading or title one blank line under a cell, and the cells right under it (text, line).
struct Pending<'a> {
    title: &'a str,
    line: usize,
    cells: Vec<(&'a str, usize)>,
}

impl<'a> Lexer<'a> {
    /// A heading or title one blank line under a cell, with the cells right under it: the
    /// cell's further paragraph when those cells complete the row to the width of the row
    /// before it (Word writes a paragraph break in a cell so); else what follows the table, and
    /// the cells begin the next.
    fn settle(&mut self, Pending { title, line: at, cells }: Pending<'a>, out: &mut impl BlockSink<'a>) {
        let width = self.table.as_ref().and_then(|t| t.rows.last()).map_or(0, Vec::len);
        let in_row = self.row.len() < width && self.row.len() + cells.len() == width;
        self.blanks = 1;
        if in_row && self.continues_cell(title) {
            for (text, line) in cells {
                self.row.push(BlockCell { text: Cow::Borrowed(text), place: Place::Line(line), span: 1 });
            }
        } else {
            self.in_cell = false;
            self.end_table(out);
            out.block(Block::Paragraph { text: Cow::Borrowed(title), place: Place::Line(at), role: Role::Text });
            self.blanks = 0;
            for (text, line) in cells {
                self.cell(text, line);
            }
        }
        self.blanks = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_of_every_kind() {
        let lines = |text| split_lines(text).collect::<Vec<_>>();
        assert_eq!(lines("a\r\nb\rc\nd"), ["a", "b", "c", "d"]);
        assert_eq!(lines("\u{FEFF}a\n\n"), ["a", ""]);
        assert_eq!(lines("a\r\r\nb\n"), ["a", "", "b"]);
        assert!(lines("").is_empty());
    }

    #[test]
    fn years() {
        use crate::grammar::form::year_of;
        assert_eq!(year_of("2020年部门预算绩效信息"), Some(2020));
        assert_eq!(year_of("２０２１年部门预算"), Some(2021));
        assert_eq!(year_of("部门预算绩效信息"), None);
    }
}
