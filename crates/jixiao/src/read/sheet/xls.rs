//! What jixiao reads of an .xls's BIFF8 records itself, before calamine reads the values:
//! - which cells are percent-formatted: calamine gives their values (0.9) but not their number
//!   formats; a cell record names its XF, the XF its format, and a format is a percentage when
//!   it is built-in 9 or 10 (`0%`, `0.00%`) or a custom one with a `%` that scales (not a
//!   quoted or escaped one: `0"%"`, `0\%`);
//! - how many cells the sheets declare (DIMENSIONS records) and span (from their first to their
//!   last cell record), all sheets together, which calamine reserves memory for before reading
//!   a cell: a hostile file declaring billions, or with two cells at opposite corners, or many
//!   sheets each just within the limit, is refused first.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use super::cells::Percent;
use crate::read::le::{u16_at, u32_at};

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const BOUNDSHEET: u16 = 0x0085;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MULRK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;
const DIMENSIONS: u16 = 0x0200;
const LABELSST: u16 = 0x00FD;
const LABEL: u16 = 0x0204;
const BOOLERR: u16 = 0x0205;
const RSTRING: u16 = 0x00D6;
const CONTINUE: u16 = 0x003C;
const STRING: u16 = 0x0207;

/// The records of a BIFF stream from `at`: (type, data), until the end or a bad length.
fn records(stream: &[u8], mut at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        let kind = u16_at(stream, at)?;
        let len = u16_at(stream, at + 2)? as usize;
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((kind, data))
    })
}

/// A BIFF8 string of `cch` characters at `d[i..]` (flags byte first): compressed Latin-1 or UTF-16LE.
fn string(d: &[u8], i: usize, cch: usize) -> Option<String> {
    let high = d.get(i)? & 1 == 1;
    let body = &d[i + 1..];
    if high {
        let units: Vec<u16> = body.chunks_exact(2).take(cch).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(body.iter().take(cch).map(|b| *b as char).collect())
    }
}

/// The workbook stream of a compound file; None when it cannot be read.
pub fn workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
    let mut s = cf.open_stream("/Workbook").or_else(|_| cf.open_stream("/Book")).ok()?;
    let mut stream = Vec::new();
    s.read_to_end(&mut stream).ok()?;
    Some(stream)
}

/// The rows × columns a DIMENSIONS record makes calamine reserve, computed as calamine computes
/// them (its `parse_dimensions`): a first column past 255 or after the last is taken as 0, and
/// a last row before the first wraps round (u32) to about four billion rows, which calamine
/// then reserves (the one changed byte of `sheets-features.xls` that asked for 256 GiB).
fn dimensions_cells(d: &[u8]) -> u64 {
    let (rf, rl, mut cf, cl) = match d.len() {
        10 => (
            u32::from(u16_at(d, 0).unwrap_or(0)),
            u32::from(u16_at(d, 2).unwrap_or(0)),
            u32::from(u16_at(d, 4).unwrap_or(0)),
            u32::from(u16_at(d, 6).unwrap_or(0)),
        ),
        14 | 16 => (u32_at(d, 0).unwrap_or(0), u32_at(d, 4).unwrap_or(0), u32::from(u16_at(d, 8).unwrap_or(0)), u32::from(u16_at(d, 10).unwrap_or(0))),
        // calamine refuses the record.
        _ => return 0,
    };
    if cf > 0xFF || cl < cf {
        cf = 0;
    }
    let ((r0, c0), (r1, c1)) = if rl >= 1 && cl >= 1 { ((rf, cf), (rl - 1, cl - 1)) } else { ((rf, cf), (rf, cf)) };
    let rows = u64::from(r1.wrapping_sub(r0).wrapping_add(1));
    let cols = u64::from(c1.wrapping_sub(c0).wrapping_add(1));
    rows.saturating_mul(cols)
}

/// The cells the sheets' DIMENSIONS records declare, all together (rows × columns, as calamine
/// reads them): calamine reads every sheet when it opens the workbook.
pub fn declared_cells(stream: &[u8]) -> u64 {
    records(stream, 0).filter(|(kind, _)| *kind == DIMENSIONS).fold(0u64, |n, (_, d)| n.saturating_add(dimensions_cells(d)))
}

/// The cells calamine will lay out for the sheets, all together (it reads and keeps every sheet
/// when it opens the workbook): for each, the rectangle from its first to its last cell (values
/// and formulas each), or what a DIMENSIONS record makes it reserve. Read as
/// calamine reads a sheet: from the offset its BOUNDSHEET record gives, CONTINUE records joined
/// to the record before them, embedded substreams skipped, up to the sheet's EOF.
pub fn spanned_cells(stream: &[u8]) -> u64 {
    let mut starts: Vec<usize> = sheet_starts(stream);
    starts.push(0);
    starts.sort_unstable();
    starts.dedup();
    starts.into_iter().fold(0u64, |n, at| n.saturating_add(sheet_span(stream, at)))
}

/// Where each sheet's BOF is, by the BOUNDSHEET records of the workbook globals.
fn sheet_starts(stream: &[u8]) -> Vec<usize> {
    records(stream, 0)
        .take_while(|(kind, _)| *kind != EOF)
        .filter(|(kind, _)| *kind == BOUNDSHEET)
        .filter_map(|(_, d)| u32_at(d, 0).map(|p| p as usize))
        .collect()
}

/// The records of one sheet from `at`, with CONTINUE data joined to the record before it.
fn joined_records(stream: &[u8], at: usize) -> impl Iterator<Item = (u16, std::borrow::Cow<'_, [u8]>)> {
    let mut inner = records(stream, at).peekable();
    std::iter::from_fn(move || {
        let (kind, data) = inner.next()?;
        if inner.peek().is_none_or(|(k, _)| *k != CONTINUE) {
            return Some((kind, std::borrow::Cow::Borrowed(data)));
        }
        let mut joined = data.to_vec();
        while let Some((_, more)) = inner.next_if(|(k, _)| *k == CONTINUE) {
            joined.extend_from_slice(more);
        }
        Some((kind, std::borrow::Cow::Owned(joined)))
    })
}

fn sheet_span(stream: &[u8], at: usize) -> u64 {
    type Span = Option<(u16, u16, u16, u16)>;
    let size = |s: Span| s.map_or(0, |(r0, r1, c0, c1)| (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1));
    let add = |span: &mut Span, r: u16, c0: u16, c1: u16| {
        *span = Some(match *span {
            None => (r, r, c0, c1),
            Some((r0, r1, a, b)) => (r0.min(r), r1.max(r), a.min(c0), b.max(c1)),
        });
    };
    let (mut values, mut formulas): (Span, Span) = (None, None);
    let (mut reserved, mut depth, mut seen_bof, mut formula_at) = (0u64, 0usize, false, (0u16, 0u16));
    for (kind, d) in joined_records(stream, at) {
        if depth > 0 {
            match kind {
                BOF => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        match kind {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            EOF => break,
            DIMENSIONS => reserved = reserved.max(dimensions_cells(&d)),
            NUMBER | RK | LABELSST | LABEL | BOOLERR | RSTRING => {
                if let Some((r, c)) = u16_at(&d, 0).zip(u16_at(&d, 2)) {
                    add(&mut values, r, c, c);
                }
            }
            MULRK => {
                if let Some(((r, c0), c1)) = u16_at(&d, 0).zip(u16_at(&d, 2)).zip(d.len().checked_sub(2).and_then(|i| u16_at(&d, i))) {
                    add(&mut values, r, c0.min(c1), c0.max(c1));
                }
            }
            FORMULA => {
                if let Some((r, c)) = u16_at(&d, 0).zip(u16_at(&d, 2)) {
                    formula_at = (r, c);
                    add(&mut formulas, r, c, c);
                    add(&mut values, r, c, c);
                }
            }
            STRING => add(&mut values, formula_at.0, formula_at.1, formula_at.1),
            _ => {}
        }
    }
    size(values).max(size(formulas)).max(reserved)
}

/// (sheet, row, column) of every number cell whose format has a percent sign, 0-based, with
/// what the sign does.
pub fn percent_cells(stream: &[u8], max_cells: usize) -> HashMap<(String, u32, u32), Percent> {
    let mut out = HashMap::new();
    let stream = stream.to_vec();
    let mut formats: HashMap<u16, Percent> = HashMap::new();
    let mut xfs: Vec<Percent> = Vec::new();
    let mut sheets: Vec<(usize, String)> = Vec::new();
    for (kind, d) in records(&stream, 0) {
        match kind {
            FORMAT => {
                if let (Some(ifmt), Some(cch)) = (u16_at(d, 0), u16_at(d, 2)) {
                    formats.insert(ifmt, string(d, 4, cch as usize).map_or(Percent::No, |f| Percent::of(&f)));
                }
            }
            XF => {
                let ifmt = u16_at(d, 2).unwrap_or(0);
                xfs.push(if matches!(ifmt, 9 | 10) { Percent::Scaled } else { formats.get(&ifmt).copied().unwrap_or(Percent::No) });
            }
            BOUNDSHEET => {
                if let (Some(pos), Some(cch)) = (u32_at(d, 0), d.get(6)) {
                    sheets.push((pos as usize, string(d, 7, *cch as usize).unwrap_or_default()));
                }
            }
            EOF => break,
            _ => {}
        }
    }
    for (pos, name) in sheets {
        if u16_at(&stream, pos) != Some(BOF) {
            continue;
        }
        for (kind, d) in records(&stream, pos).skip(1) {
            let mut mark = |row: u16, col: u16, ixfe: u16| {
                if let Some(p) = xfs.get(ixfe as usize).copied().filter(|p| *p != Percent::No)
                    && out.len() < max_cells
                {
                    out.insert((name.clone(), u32::from(row), u32::from(col)), p);
                }
            };
            match kind {
                NUMBER | RK | FORMULA => {
                    if let (Some(r), Some(c), Some(x)) = (u16_at(d, 0), u16_at(d, 2), u16_at(d, 4)) {
                        mark(r, c, x);
                    }
                }
                MULRK => {
                    if let (Some(r), Some(first)) = (u16_at(d, 0), u16_at(d, 2)) {
                        let n = d.len().saturating_sub(6) / 6;
                        for k in 0..n {
                            if let Some(x) = u16_at(d, 4 + 6 * k) {
                                mark(r, first.saturating_add(k as u16), x);
                            }
                        }
                    }
                }
                EOF | BOF => break,
                _ => {}
            }
        }
    }
    out
}
