//! The ruling lines tables are found by, as producers other than LibreOffice draw them.
//! pdfplumber's own edges serve as they are for lines and stroked rectangles, and for borders
//! drawn as thin filled rectangles (Chromium, Word, WPS: the two long sides of such a rectangle
//! snap into one line, the short ones are too short to count). What they miss is a cell whose
//! edge is not drawn: a cell that a page break cuts (Chromium draws its sides to the foot of the
//! page and goes on at the top of the next one, with no rule at the cut), or a table whose
//! outer rule is left out. So the sides of cells that end with no rule across them are closed:
//! where two or more vertical rules end at the same height and no rule meets them there, a rule
//! is drawn across from the first to the last. A table ruled only between its rows gets its
//! columns from the text (see `tables`).

use pdfplumber::{Edge, EdgeSource, Orientation, Page, Table, TableFinder, TableSettings, WordOptions};

/// How far apart two coordinates may be and still meet (pdfplumber's snap tolerance).
const NEAR: f64 = 3.0;

/// The tables of a page, found from its edges with the open ends of cells closed.
pub fn tables(page: &Page, chars: &[pdfplumber::Char]) -> Vec<Table> {
    let settings = TableSettings::default();
    let mut edges = pieces_of_rules(page.edges(), settings.edge_min_length, settings.join_tolerance);
    let closing = closing_edges(&edges, settings.edge_min_length);
    edges.extend(closing);
    // A table ruled only between its rows: no vertical rule on the page, three or more rules
    // across. Its columns come from the text, where the left edges of three or more cells line
    // up (pdfplumber's text alignment), drawn from the first rule across to the last.
    let across: Vec<&Edge> = edges.iter().filter(|e| is(e, Orientation::Horizontal, settings.edge_min_length)).collect();
    if !edges.iter().any(|e| is(e, Orientation::Vertical, settings.edge_min_length)) && across.len() >= 3 {
        let top = across.iter().map(|e| e.top).fold(f64::INFINITY, f64::min);
        let bottom = across.iter().map(|e| e.bottom).fold(f64::NEG_INFINITY, f64::max);
        let words = page.extract_words(&WordOptions::default());
        let columns: Vec<Edge> = pdfplumber::words_to_edges_v(&words, settings.min_words_vertical).into_iter().map(|e| Edge { top, bottom, ..e }).collect();
        // Three columns at least: prose between rules lines up at the margin only.
        if columns.len() >= 4 {
            edges.extend(columns);
        }
    }
    let finder = TableFinder::new(edges, settings);
    let mut tables = finder.with_page_bbox(page.bbox()).find_tables();
    // Which grid positions are cells (`Some` text) and which another cell covers (`None`).
    for t in &mut tables {
        for c in &mut t.cells {
            c.text = Some(String::new());
        }
        for row in &mut t.rows {
            pdfplumber::extract_text_for_cells_with_options(row, chars, &WordOptions::default());
        }
    }
    tables
}

/// The edges that may be rules or pieces of one: an edge shorter than a rule is kept only when
/// another lies in line with it within the joining distance (a rule drawn in pieces, a dotted
/// border). The sides of a dotted underline's dots across its line (Chromium draws `underline
/// dotted` as rectangles 0.75 points apart) are none: snapped with the cells' sides they would
/// pull a column's edge, chained from dot to dot, across the text beside it.
fn pieces_of_rules(edges: Vec<Edge>, min: f64, join: f64) -> Vec<Edge> {
    // Along the edge's own line: where the line is, where the edge starts, where it ends.
    let span = |e: &Edge| match e.orientation {
        Orientation::Vertical => (e.x0, e.top, e.bottom),
        _ => (e.top, e.x0, e.x1),
    };
    let axis = |e: &Edge| e.orientation == Orientation::Vertical;
    let mut order: Vec<usize> = (0..edges.len()).filter(|&i| edges[i].orientation != Orientation::Diagonal).collect();
    order.sort_by(|&i, &j| axis(&edges[i]).cmp(&axis(&edges[j])).then(span(&edges[i]).0.total_cmp(&span(&edges[j]).0)));
    let mut keep = vec![true; edges.len()];
    // Lines: runs of positions each within a tenth of the one before, on one axis; within a
    // line, by where the edges start, an edge is in line with another when the furthest end
    // before it, or the next start after it, is within `join`.
    let mut a = 0;
    while a < order.len() {
        let mut b = a + 1;
        while b < order.len() && axis(&edges[order[b]]) == axis(&edges[order[a]]) && span(&edges[order[b]]).0 - span(&edges[order[b - 1]]).0 <= 0.1 {
            b += 1;
        }
        let line = &mut order[a..b];
        line.sort_by(|&i, &j| span(&edges[i]).1.total_cmp(&span(&edges[j]).1));
        let mut reach = f64::NEG_INFINITY;
        for k in 0..line.len() {
            let (_, start, end) = span(&edges[line[k]]);
            if end - start < min {
                let after = line.get(k + 1).is_some_and(|&j| span(&edges[j]).1 - end <= join);
                keep[line[k]] = start - reach <= join || after;
            }
            reach = reach.max(end);
        }
        a = b;
    }
    edges.into_iter().zip(keep).filter_map(|(e, k)| k.then_some(e)).collect()
}

fn is(e: &Edge, o: Orientation, min: f64) -> bool {
    e.orientation == o && (e.x1 - e.x0).max(e.bottom - e.top) >= min
}

/// A horizontal rule at each height where vertical rules end with nothing across: from the
/// first to the last rule that ends there, the open ends with those a rule meets between them
/// (a cell drawn with a background has its own bottom, and the cell beside it none: the rule
/// runs on through both).
fn closing_edges(edges: &[Edge], min: f64) -> Vec<Edge> {
    let horizontal: Vec<&Edge> = edges.iter().filter(|e| is(e, Orientation::Horizontal, min)).collect();
    let met = |x: f64, y: f64| horizontal.iter().any(|h| (h.top - y).abs() <= NEAR && h.x0 - NEAR <= x && x <= h.x1 + NEAR);
    let vertical: Vec<&Edge> = edges.iter().filter(|e| is(e, Orientation::Vertical, min)).collect();
    // A side drawn in pieces, one per row it passes (Chromium's border of a cell merged down):
    // where one piece ends the next begins, and that end is no open one.
    let goes_on = |x: f64, y: f64, down: bool| vertical.iter().any(|o| (o.x0 - x).abs() <= NEAR && ((if down { o.top } else { o.bottom }) - y).abs() <= NEAR);
    // Ends: (height, x, whether open), tops and bottoms apart.
    let mut tops = Vec::new();
    let mut bottoms = Vec::new();
    for v in &vertical {
        tops.push((v.top, v.x0, !met(v.x0, v.top) && !goes_on(v.x0, v.top, false)));
        bottoms.push((v.bottom, v.x0, !met(v.x0, v.bottom) && !goes_on(v.x0, v.bottom, true)));
    }
    let mut out = Vec::new();
    for (mut ends, bottom) in [(tops, false), (bottoms, true)] {
        ends.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut i = 0;
        while i < ends.len() {
            let mut j = i + 1;
            while j < ends.len() && ends[j].0 - ends[j - 1].0 <= NEAR {
                j += 1;
            }
            let group = &ends[i..j];
            // Distinct rules: the two sides of one thin rectangle are one.
            let distinct = |xs: &mut dyn Iterator<Item = f64>| {
                let mut xs: Vec<f64> = xs.collect();
                xs.sort_by(f64::total_cmp);
                xs.dedup_by(|a, b| (*a - *b).abs() <= NEAR);
                xs
            };
            let xs = distinct(&mut group.iter().map(|e| e.1));
            // Two open rules at least.
            if xs.len() >= 2 && distinct(&mut group.iter().filter(|e| e.2).map(|e| e.1)).len() >= 2 {
                let y =
                    if bottom { group.iter().map(|e| e.0).fold(f64::NEG_INFINITY, f64::max) } else { group.iter().map(|e| e.0).fold(f64::INFINITY, f64::min) };
                let (x0, x1) = (xs[0], xs[xs.len() - 1]);
                out.push(Edge { x0, top: y, x1, bottom: y, orientation: Orientation::Horizontal, source: EdgeSource::Line });
            }
            i = j;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vertical(x: f64, top: f64, bottom: f64) -> Edge {
        Edge { x0: x, top, x1: x, bottom, orientation: Orientation::Vertical, source: EdgeSource::Line }
    }

    fn horizontal(x0: f64, x1: f64, y: f64) -> Edge {
        Edge { x0, top: y, x1, bottom: y, orientation: Orientation::Horizontal, source: EdgeSource::Line }
    }

    /// Chromium's dotted underline: dots 0.75 points wide, 1.05 tall, 0.75 apart. Their sides
    /// across the line are no rules (snapped with a cell's side they would drag it over the
    /// text); along it they join into a line. A dotted border's dots, one above the other, stay.
    #[test]
    fn a_dotted_underlines_dots_are_no_columns() {
        let dots: Vec<Edge> = (0..20)
            .flat_map(|k| {
                let x = 100.0 + 1.5 * f64::from(k);
                [vertical(x, 50.0, 51.05), vertical(x + 0.75, 50.0, 51.05), horizontal(x, x + 0.75, 50.0), horizontal(x, x + 0.75, 51.05)]
            })
            .collect();
        let border: Vec<Edge> = (0..20).map(|k| vertical(90.0, 10.0 + 1.5 * f64::from(k), 11.05 + 1.5 * f64::from(k))).collect();
        let side = vertical(96.0, 0.0, 60.0);
        let kept = pieces_of_rules(dots.iter().chain(&border).cloned().chain([side.clone()]).collect(), 3.0, 3.0);
        assert!(!kept.iter().any(|e| e.orientation == Orientation::Vertical && e.x0 >= 100.0), "{kept:?}");
        assert_eq!(kept.iter().filter(|e| e.orientation == Orientation::Horizontal).count(), 40);
        assert_eq!(kept.iter().filter(|e| e.x0 == 90.0).count(), 20);
        assert!(kept.contains(&side));
    }

    /// A dot is no piece of a rule far along its line, a few hundredths of a point beside it.
    #[test]
    fn a_dot_is_no_piece_of_a_rule_far_away() {
        let dots: Vec<Edge> = (0..20)
            .flat_map(|k| {
                let x = 100.0 + 1.5 * f64::from(k);
                [vertical(x, 50.0, 51.05), vertical(x + 0.75, 50.0, 51.05)]
            })
            .collect();
        // A column of another table lower on the page, 0.05 left of one dot's side.
        let far = vertical(104.45, 200.0, 300.0);
        let kept = pieces_of_rules(dots.into_iter().chain([far]).collect(), 3.0, 3.0);
        let near_text: Vec<&Edge> = kept.iter().filter(|e| e.top < 100.0).collect();
        assert!(near_text.is_empty(), "{near_text:?}");
    }

    /// A rule drawn in short pieces whose positions wander by a few hundredths (coordinates
    /// rounded per segment) is one rule to pdfplumber (snapped, then joined): its pieces are one
    /// line, and the table keeps its two cells.
    #[test]
    fn a_rule_in_pieces_that_wander_a_hundredth_stays() {
        let jitter = [0.0, 0.04, 0.02, 0.08, 0.06];
        let pieces: Vec<Edge> = (0..40)
            .map(|k| {
                let x = 2.5 * f64::from(k);
                horizontal(x, x + 2.0, 30.0 + jitter[k as usize % 5])
            })
            .collect();
        let frame = [horizontal(0.0, 100.0, 0.0), horizontal(0.0, 100.0, 60.0), vertical(0.0, 0.0, 60.0), vertical(100.0, 0.0, 60.0)];
        let all: Vec<Edge> = frame.iter().cloned().chain(pieces.iter().cloned()).collect();
        let kept = pieces_of_rules(all.clone(), 3.0, 3.0);
        let cells = |edges: Vec<Edge>| TableFinder::new(edges, TableSettings::default()).find_tables().iter().map(|t| t.cells.len()).sum::<usize>();
        // Without the filter pdfplumber reads two cells, one above the rule and one below.
        assert_eq!(cells(all), 2);
        let n = kept.len();
        assert_eq!(cells(kept), 2, "{} of 40 pieces kept", n - 4);
    }

    /// A short last piece of a side, 2 points after the piece above it, stays when a tick on the
    /// same line (the 0.5-long side of a thin filled rule, as Word and WPS draw them) lies
    /// between them.
    #[test]
    fn a_last_piece_behind_a_tick_stays() {
        let side = vertical(0.0, 0.0, 20.0);
        let tick = vertical(0.0, 5.0, 5.5);
        let last = vertical(0.0, 22.0, 24.9);
        let kept = pieces_of_rules(vec![side, tick, last.clone()], 3.0, 3.0);
        assert!(kept.contains(&last), "{kept:?}");
    }

    /// Chromium's row cut by a page break: the sides run to the foot with no rule across, but a
    /// cell with a background (the 二级 label) has its own bottom. The rule closes every cell of
    /// the row, the one beside the background cell too (its name was lost with its cell).
    #[test]
    fn a_cut_row_is_closed_across_a_cell_that_has_its_own_bottom() {
        let mut edges: Vec<Edge> = [0.0, 40.0, 80.0, 120.0, 160.0].iter().map(|&x| vertical(x, 0.0, 50.0)).collect();
        edges.push(horizontal(0.0, 160.0, 0.0));
        edges.push(horizontal(0.0, 40.0, 50.0));
        let closing = closing_edges(&edges, 3.0);
        assert_eq!(closing.len(), 1, "{closing:?}");
        assert_eq!((closing[0].x0, closing[0].x1, closing[0].top), (0.0, 160.0, 50.0));
        // One open end only (a single rule that goes on below) closes nothing.
        let mut edges: Vec<Edge> = [0.0, 40.0].iter().map(|&x| vertical(x, 0.0, 50.0)).collect();
        edges.push(horizontal(0.0, 40.0, 0.0));
        edges.push(horizontal(0.0, 20.0, 50.0));
        assert!(closing_edges(&edges, 3.0).is_empty());
        // A merged cell's sides drawn in pieces, a row each: the pieces go on, nothing closes.
        let mut edges: Vec<Edge> = [0.0, 40.0].iter().flat_map(|&x| [vertical(x, 0.0, 20.0), vertical(x, 20.0, 40.0)]).collect();
        edges.push(horizontal(0.0, 40.0, 0.0));
        edges.push(horizontal(0.0, 40.0, 40.0));
        assert!(closing_edges(&edges, 3.0).is_empty());
    }
}
