//! The pages' items into one flow, laid out as Word's text save would have the document: page
//! headers, footers and page numbers left out; a table that goes on over a page break read as
//! one table (a repeated header row dropped, a row split by the break joined again); a
//! paragraph that goes on over a page break, or wraps within a page, read as one paragraph.

use super::lines::{Line, join_wrapped, wraps};
use super::page::{Item, Table};
use super::rows::{Cell, Rows};
use crate::grammar::form::{sheet_kind, sheet_table_name};
use crate::model::Location;
use crate::model::SectionKind;
use crate::read::blocks::{BlockSink, Layout, Role};

/// A page's items and its size; `scanned` when it has pictures and no text; the glyphs refused
/// on it, by font (see `page::items`).
pub struct Page {
    pub items: Vec<Item>,
    pub width: f64,
    pub height: f64,
    pub scanned: bool,
    pub refused: Vec<(String, usize)>,
}

/// What was not read on page `page`, and why.
pub fn refusal(page: usize, refused: &[(String, usize)]) -> String {
    let fonts: Vec<String> = refused.iter().map(|(font, n)| format!("{n} glyphs in font {font}")).collect();
    format!(
        "page {page}: text in a font with no ToUnicode map and no Unicode CMap is not read ({}): its codes name glyphs, not characters, and are not guessed; export the PDF again with the fonts' text kept (Word: Save as PDF, ISO 19005-1 compliant), or read the file it was made from",
        fonts.join(", ")
    )
}

/// The pages' items in one flow, tables that a page break splits joined, and what the layout of
/// its blocks needs to know of all the pages (where prose starts and the measure it may run to).
/// The items stay on their pages, each page's list let go once it is laid out: moved into one
/// list they would be held twice at the move's moment (the largest of a long PDF's read).
pub struct Flow {
    pages: Vec<FlowPage>,
    left: f64,
    right: f64,
}

/// A page's items in the flow, and what is said of the page where it starts.
struct FlowPage {
    number: usize,
    items: Vec<Item>,
    /// Whether its first item starts the page (not so when the first item it had, the rest of
    /// the table before, went to that table).
    starts_page: bool,
    /// A picture with no text, said where the page stands in the flow.
    scanned: bool,
    /// Text refused on the page, said there too.
    refusal: Option<String>,
}

/// The flow of the pages: every page is needed before the first block is known (where prose
/// starts and ends, the foot of the text area, tables that go on over a break).
pub fn arrange(mut pages: Vec<Page>) -> Flow {
    drop_furniture(&mut pages);
    let prose = || pages.iter().flat_map(|p| p.items.iter()).filter_map(|i| if let Item::Line(l) = i { Some(l) } else { None });
    let left = prose().map(|l| l.x0).fold(f64::INFINITY, f64::min);
    // The measure prose may run to: its longest line, a table's right edge (tables span the
    // measure), or as far from the right edge of the page as the text starts from the left
    // (exports keep the margins equal), whichever is furthest: in a document of little prose,
    // short lines must not look full.
    let tables_right = pages.iter().flat_map(|p| p.items.iter()).filter_map(|i| if let Item::Table(t) = i { t.columns.last().copied() } else { None });
    let margin = pages.iter().map(|p| p.width - left).filter(|r| r.is_finite());
    let right = prose().map(|l| l.x1).chain(tables_right).chain(margin).fold(f64::NEG_INFINITY, f64::max);
    // The foot of the text area: where the lowest item of any page ends. A table row that a
    // page break splits runs down to it.
    let foot = pages.iter().flat_map(|p| p.items.iter()).map(Item::bottom).fold(f64::NEG_INFINITY, f64::max);
    let mut flow: Vec<FlowPage> = Vec::with_capacity(pages.len());
    // The page whose last item is the flow's last so far (pages between may have none).
    let mut last: Option<usize> = None;
    for (number, page) in pages.into_iter().enumerate() {
        let Page { mut items, scanned, refused, .. } = page;
        let refusal = (!refused.is_empty()).then(|| refusal(number + 1, &refused));
        // The first item of a page may go on with the last of the page before.
        let mut starts_page = true;
        if let (Some(at), Some(Item::Table(next))) = (last, items.first())
            && let Some(Item::Table(t)) = flow[at].items.last_mut()
            && same_columns(t, next)
            && t.rows.can_take(&next.rows)
        {
            let Item::Table(next) = items.remove(0) else { unreachable!("the first item is a table") };
            continue_table(t, next, foot);
            starts_page = false;
        }
        if !items.is_empty() {
            last = Some(flow.len());
        }
        flow.push(FlowPage { number: number + 1, items, starts_page, scanned, refusal });
    }
    Flow { pages: flow, left, right }
}

impl Flow {
    /// The most the table pipeline can be charged for the flow's tables (see
    /// `assemble::build_bound`): each cell's text, twice (folding an ideograph variant can
    /// lengthen it, and a cell's text never grows more in the layout), and a cell cost for each
    /// grid position of each row, the wider of its cells and the table's columns.
    pub fn build_bound(&self) -> u64 {
        let cost = crate::read::tree::CELL_COST;
        self.pages
            .iter()
            .flat_map(|p| p.items.iter())
            .filter_map(|i| if let Item::Table(t) = i { Some(t) } else { None })
            .flat_map(|t| (0..t.rows.len()).map(move |r| (t, r)))
            .map(|(t, r)| {
                let text: u64 = t.rows.texts(r).map(|text| 2 * text.len() as u64).sum();
                text + (t.rows.row(r).len() + 1).max(t.columns.len()) as u64 * cost
            })
            .sum()
    }

    /// The flow's blocks, laid out as Word's text save would have the document, each handed to
    /// `sink` as it is made and its item let go.
    pub fn blocks(self, sink: &mut dyn BlockSink<'static>) {
        let Flow { pages, left, right } = self;
        layout(pages, left, right, sink);
    }
}

fn layout(pages: Vec<FlowPage>, left: f64, right: f64, sink: &mut dyn BlockSink<'static>) {
    let mut out = Layout::default();
    let scan_note = |page: usize| format!("page {page} is a picture with no text layer (a scan?): its content is not read; run OCR on the PDF to read it");
    let (mut paragraphs, mut tables) = (0usize, 0usize);
    // Notes of pages (a picture, refused text) not yet placed: each goes where the next block
    // stands, with the page it is about.
    let mut scans_pending: Vec<(usize, String)> = Vec::new();
    let mut paragraph: Option<Line> = None;
    let place_scans = |pending: &mut Vec<(usize, String)>, out: &mut Layout<'static>, place: &Location| {
        for (_, note) in pending.drain(..) {
            out.note(note, place.clone());
        }
    };
    let flush = |paragraph: &mut Option<Line>, out: &mut Layout<'static>, paragraphs: &mut usize, role: Role, pending: &mut Vec<(usize, String)>| {
        if let Some(p) = paragraph.take() {
            *paragraphs += 1;
            let place = Location::paragraph(*paragraphs).on_page(p.page);
            place_scans(pending, out, &place);
            out.titled(role, p.text.trim_end().to_owned(), place);
        }
    };
    // Pages said of (a picture, refused text) whose notes wait for the next item: pictures
    // first, then refusals, each in page order.
    let (mut due_scans, mut due_refusals): (Vec<usize>, Vec<(usize, String)>) = (Vec::new(), Vec::new());
    for page in pages {
        let FlowPage { number, items, starts_page, scanned, refusal } = page;
        if scanned {
            due_scans.push(number);
        }
        if let Some(note) = refusal {
            due_refusals.push((number, note));
        }
        for (k, item) in items.into_iter().enumerate() {
            let new_page = k == 0 && starts_page;
            out.flush_into(sink);
            if !due_scans.is_empty() || !due_refusals.is_empty() {
                flush(&mut paragraph, &mut out, &mut paragraphs, Role::Text, &mut scans_pending);
                scans_pending.extend(due_scans.drain(..).map(|page| (page, scan_note(page))));
                // Text refused on a page stands at the first block of that page.
                scans_pending.append(&mut due_refusals);
            }
            match item {
                Item::Line(l) => {
                    let goes_on = paragraph.as_ref().is_some_and(|p| {
                        let close = new_page || l.top - p.bottom < 1.2 * l.size.max(p.size);
                        close && wraps(p, &l, right) && l.x0 <= left + 2.0
                    });
                    match &mut paragraph {
                        Some(p) if goes_on => {
                            join_wrapped(&mut p.text, &l.text);
                            (p.x1, p.bottom) = (l.x1, l.bottom);
                        }
                        _ => {
                            flush(&mut paragraph, &mut out, &mut paragraphs, Role::Text, &mut scans_pending);
                            paragraph = Some(l);
                        }
                    }
                }
                Item::Table(t) => {
                    // A spreadsheet printed to PDF names each sheet in its page header: the name
                    // places the table that follows as the sheet's name does in the workbook.
                    let sheet = paragraph.as_ref().is_some_and(|p| names_sheet(&p.text));
                    flush(&mut paragraph, &mut out, &mut paragraphs, if sheet { Role::SheetTitle } else { Role::Text }, &mut scans_pending);
                    tables += 1;
                    // A cell's grid column is the boundary its left edge stands on; it spans to the
                    // one its right edge stands on (a merged cell of a two-row header).
                    let columns = t.columns;
                    let boundary = |x: f64| columns.iter().position(|b| (b - x).abs() < 2.0);
                    for (r, &page) in t.pages.iter().enumerate() {
                        for (c, cell) in t.rows.row(r).iter().enumerate() {
                            let (left, right) = (boundary(cell.x0()), boundary(cell.x1()));
                            let span = match (left, right) {
                                (Some(l), Some(r)) if r > l => r - l,
                                _ => 1,
                            };
                            let place = Location::table_cell(tables, r + 1, left.map_or(c + 1, |l| l + 1)).on_page(page);
                            if !scans_pending.is_empty() {
                                out.end_table();
                                place_scans(&mut scans_pending, &mut out, &place);
                            }
                            out.cell([t.rows.text(cell).to_owned()], place, span);
                        }
                        out.end_row();
                    }
                    out.end_table();
                }
            }
        }
    }
    flush(&mut paragraph, &mut out, &mut paragraphs, Role::Text, &mut scans_pending);
    scans_pending.extend(due_scans.into_iter().map(|page| (page, scan_note(page))));
    scans_pending.append(&mut due_refusals);
    for (page, note) in scans_pending {
        out.note(note, Location::page(page));
    }
    out.finish_into(sink);
}

/// Whether a line reads as a sheet name as jixiao and budget systems write them (`专项1-…`,
/// `项目2-…`, `整体-…`): Excel's at most 31 characters, a known part and a number before the name.
fn names_sheet(text: &str) -> bool {
    let text = text.trim();
    let (kind, number) = sheet_kind(text);
    text.chars().count() <= 31 && kind != SectionKind::Other && number.is_some() && sheet_table_name(text) != text
}

/// How far apart two column edges on two pages may be and still be one edge: pdfplumber snaps
/// the rules within 3 points, and where cells are drawn apart (WeasyPrint's border spacing: two
/// rules 1.5 points apart between two cells) the snapped edge lands where the rules of that page
/// put it, up to 3 points from the other page's.
pub(super) const SAME_EDGE: f64 = 4.0;

/// Whether `b` (the first table of a page) can be the rest of `a` (the last of the page before):
/// the same outer edges, and the column edges of one all among the other's (a part holding only
/// merged cells has fewer).
fn same_columns(a: &Table, b: &Table) -> bool {
    let near = |x: f64, y: f64| (x - y).abs() < SAME_EDGE;
    let within = |p: &[f64], q: &[f64]| p.iter().all(|&x| q.iter().any(|&y| near(x, y)));
    match (a.columns.first(), a.columns.last(), b.columns.first(), b.columns.last()) {
        (Some(&a0), Some(&a1), Some(&b0), Some(&b1)) => near(a0, b0) && near(a1, b1) && (within(&b.columns, &a.columns) || within(&a.columns, &b.columns)),
        _ => false,
    }
}

/// Appends the part of a table on the next page; `foot` is where the text area of a page ends.
fn continue_table(t: &mut Table, next: Table, foot: f64) {
    let Table { columns, rows: mut more, pages, bottom, .. } = next;
    // Header rows Word or WPS repeat on every page (the table's first rows, again) are not rows
    // of data.
    let mut k = 0;
    while k < 3 && k < t.rows.len() && k < more.len() && t.rows.texts(k).eq(more.texts(k)) && more.texts(k).any(|text| !text.is_empty()) {
        k += 1;
    }
    // A row the page break split. It runs down to the foot of the page, or to within a line of
    // it (a row that ends higher is whole, however full its last lines: a narrow 二级 cell is
    // full with one label); each cell of its part on the next page goes on from the cell above
    // with the same edges, whose last line wraps into it, or which was left empty (its text all
    // went to the next page); at least one of them wraps.
    let above = |row: &[Cell], f: &Cell| row.iter().position(|l| (l.x0() - f.x0()).abs() < SAME_EDGE && (l.x1() - f.x1()).abs() < SAME_EDGE);
    let line = |rows: &Rows, f: &Cell| rows.first(f).map_or(0.0, |l| 1.5 * l.size);
    if let Some(last) = t.rows.len().checked_sub(1)
        && k < more.len()
    {
        let rows = &t.rows;
        let goes_on = |f: &Cell, empty_too: bool| match (more.first(f), above(rows.row(last), f)) {
            (None, _) => empty_too,
            (Some(fl), Some(i)) => {
                let l = &rows.row(last)[i];
                match rows.last(l) {
                    Some(ll) => ll.wraps(fl, l.right()) && !(is_label(rows.text(l)) && is_label(more.text(f))),
                    None => empty_too,
                }
            }
            (Some(_), None) => false,
        };
        let first = more.row(k);
        if first.iter().any(|f| t.bottom + line(&more, f) >= foot) && first.iter().all(|f| goes_on(f, true)) && first.iter().any(|f| goes_on(f, false)) {
            for f in first {
                let text = more.text(f);
                if let Some(i) = above(t.rows.row(last), f).filter(|_| !text.is_empty()) {
                    t.rows.join(last, i, text, more.last(f).copied());
                }
            }
            k += 1;
        }
    }
    // A merged cell (an 一级 label down several rows) that the break cut: on the next page its
    // part is a cell merged down over the rows there too, under the cell above (or a position
    // the cell above covers), whose last line wraps into it (or that holds a character a line);
    // a whole label is not continued.
    // The rows it is merged over hold something: a band of empty positions (the 6-point strip
    // a label merged down from the page before leaves at the top) is no row it spans.
    if k + 1 < more.len() && more.texts(k + 1).any(|text| !text.is_empty()) {
        for j in 0..more.row(k).len() {
            let f = &more.row(k)[j];
            if t.bottom + line(&more, f) < foot || !above(more.row(k + 1), f).is_some_and(|i| more.row(k + 1)[i].covered) {
                continue;
            }
            let Some(fl) = more.first(f) else { continue };
            // Up from the last row through the positions the cell covers, to the cell itself.
            let mut origin = None;
            for r in (0..t.rows.len()).rev() {
                match above(t.rows.row(r), f) {
                    Some(i) if t.rows.row(r)[i].covered => continue,
                    Some(i) => origin = Some((r, i)),
                    None => {}
                }
                break;
            }
            let Some((r, i)) = origin else { continue };
            let o = &t.rows.row(r)[i];
            let text = t.rows.text(o);
            // A label written a character a line (a column one character wide) wraps at each.
            let stacked = text.lines().count() >= 2 && text.lines().all(|l| l.chars().count() == 1);
            // A label that ends in 指标 is whole (产出指标, or the header's 一级指标).
            let whole = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().ends_with("指标");
            if !whole && (stacked || t.rows.last(o).is_some_and(|ll| ll.wraps(fl, o.right() - 1.5))) {
                t.rows.join(r, i, more.text(f), more.last(f).copied());
                more.cover(k, j);
            }
        }
    }
    for (r, &page) in pages.iter().enumerate().skip(k) {
        t.rows.push_row(&more, r);
        t.pages.push(page);
    }
    if columns.len() > t.columns.len() {
        t.columns = columns;
    }
    t.bottom = bottom;
}

/// Whether a cell's text is a whole category label in its full form (`数量指标`, `产出指标`, not
/// `产出`, which may be the first half of one): a narrow label column is full with one, so that
/// two labels on either side of a page break look like one wrapped label; they are two.
fn is_label(text: &str) -> bool {
    use crate::grammar::labels::{level1, level2};
    use crate::model::{Level1, Level2};
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    text.ends_with("指标") && (level1(&text) != Level1::Other || level2(&text) != Level2::Other)
}

/// Leaves out page headers, footers and page numbers: a line at the top or bottom of a page
/// (its first or last item, within an eighth of the page's height from the edge) that is a page
/// number, or that (numbers aside) stands in the same place on at least two pages and half of
/// them.
fn drop_furniture(pages: &mut [Page]) {
    let key = |l: &Line| l.text.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii_digit() { '#' } else { c }).collect::<String>();
    let mut seen: Vec<(String, bool)> = Vec::new();
    for p in pages.iter() {
        for l in ends(p) {
            if in_margin(l, p.height) {
                seen.push((key(l), l.top < p.height / 2.0));
            }
        }
    }
    let count = pages.len();
    let repeated = |k: &str, top: bool| {
        let n = seen.iter().filter(|(s, t)| s == k && *t == top).count();
        n >= 2 && 2 * n >= count
    };
    // A running header: the same line at the top of a page as at the top of the page before
    // (a spreadsheet prints its sheet's name on every page of it).
    let tops: Vec<Option<String>> = pages
        .iter()
        .map(|p| match p.items.first() {
            Some(Item::Line(l)) if in_top_margin(l, p.height) => Some(key(l)),
            _ => None,
        })
        .collect();
    for (i, p) in pages.iter_mut().enumerate().skip(1) {
        if tops[i].is_some() && tops[i] == tops[i - 1] {
            p.items.remove(0);
        }
    }
    for p in pages.iter_mut() {
        let height = p.height;
        let mut drop: Vec<usize> = [0, p.items.len().saturating_sub(1)]
            .into_iter()
            .filter(|&i| match p.items.get(i) {
                Some(Item::Line(l)) => in_margin(l, height) && (page_number(&l.text) || repeated(&key(l), l.top < height / 2.0)),
                _ => false,
            })
            .collect();
        // A page of one item lists it twice.
        drop.dedup();
        for i in drop.into_iter().rev() {
            p.items.remove(i);
        }
    }
}

/// Whether a line stands in a page's header zone (the top eighth of a page `height` high).
fn in_top_margin(l: &Line, height: f64) -> bool {
    l.bottom < height / 8.0
}

/// Whether a line stands in a page's header or footer zone (the top or bottom eighth).
fn in_margin(l: &Line, height: f64) -> bool {
    in_top_margin(l, height) || l.top > height * 7.0 / 8.0
}

/// The first and last line of a page.
fn ends(p: &Page) -> impl Iterator<Item = &Line> {
    let first = p.items.first();
    let last = if p.items.len() > 1 { p.items.last() } else { None };
    first.into_iter().chain(last).filter_map(|i| if let Item::Line(l) = i { Some(l) } else { None })
}

/// `3`, `- 3 -`, `—3—`, `第3页`, `第 3 页 共 25 页`, `3/25`, `Page 3 of 25`.
fn page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(|c| matches!(c, '-' | '—' | '–' | '·'));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if digits(t) {
        return true;
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b);
    }
    let lower = t.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("page") {
        return rest.split("of").all(digits);
    }
    let pages: Vec<&str> = t.split('页').filter(|s| !s.is_empty()).collect();
    !pages.is_empty() && t.ends_with('页') && pages.iter().all(|p| p.strip_prefix('第').or_else(|| p.strip_prefix('共')).is_some_and(digits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::blocks::Block;

    fn line(text: &str, top: f64, page: usize) -> Item {
        Item::Line(Line {
            text: text.into(),
            x0: 90.0,
            x1: 90.0 + 10.0 * text.chars().count() as f64,
            top,
            bottom: top + 10.0,
            size: 10.0,
            first_width: 10.0,
            page,
        })
    }

    fn texts(blocks: &[Block<'_>]) -> Vec<String> {
        blocks.iter().filter_map(|b| if let Block::Paragraph { text, .. } = b { Some(text.to_string()) } else { None }).collect()
    }

    fn blocks_of(pages: Vec<Page>) -> Vec<Block<'static>> {
        let mut blocks = Vec::new();
        arrange(pages).blocks(&mut blocks);
        blocks
    }

    #[test]
    fn a_page_that_is_a_picture_is_a_note_where_it_stands() {
        let pages = vec![
            Page { items: vec![line("第一部分 概况", 100.0, 1)], width: 600.0, height: 800.0, scanned: false, refused: vec![] },
            Page { items: vec![], width: 600.0, height: 800.0, scanned: true, refused: vec![] },
            Page { items: vec![line("第二部分 项目", 100.0, 3)], width: 600.0, height: 800.0, scanned: false, refused: vec![] },
        ];
        let blocks = blocks_of(pages);
        assert_eq!(texts(&blocks), ["第一部分 概况", "第二部分 项目"]);
        let notes: Vec<_> = blocks.iter().filter_map(|b| if let Block::Note { text, place } = b { Some((text, place)) } else { None }).collect();
        assert_eq!(notes.len(), 1);
        assert_eq!(*notes[0].1, Location::paragraph(2).on_page(3).into(), "at the paragraph that follows it");
        assert!(notes[0].0.starts_with("page 2 is a picture"), "{}", notes[0].0);
    }

    #[test]
    fn page_numbers_and_repeated_headers_are_left_out() {
        let page = |n: usize| Page {
            items: vec![line("某某局部门预算", 20.0, n), line(&format!("正文{n}"), 100.0, n), line(&format!("- {n} -"), 760.0, n)],
            width: 600.0,
            height: 800.0,
            scanned: false,
            refused: vec![],
        };
        let blocks = blocks_of((1..=3).map(page).collect());
        assert_eq!(texts(&blocks), ["正文1", "正文2", "正文3"]);
    }

    #[test]
    fn sheet_names_in_page_headers() {
        for t in ["专项1-补助被征地农民支出(人社)", "项目2-办公楼维修", " 专项12_培训 "] {
            assert!(names_sheet(t), "{t}");
        }
        for t in [
            "1、补助被征地农民支出(人社)绩效目标表",
            "第二部分  专项资金绩效目标",
            "专项资金绩效目标表",
            "专项1-这是一个远远超过三十一个字符的很长很长很长很长很长的名字啊",
        ] {
            assert!(!names_sheet(t), "{t}");
        }
    }

    #[test]
    fn page_numbers_in_their_usual_forms() {
        for t in ["3", "- 3 -", "—3—", "第3页", "第 3 页 共 25 页", "3/25", "Page 3 of 25", "page 3"] {
            assert!(page_number(t), "{t}");
        }
        for t in ["3、补助资金", "第三部分", "第3页说明", "100%", "2020年", ""] {
            assert!(!page_number(t), "{t}");
        }
    }
}
