//! Paragraph and character properties ([MS-DOC] 2.8.25 PlcBtePapx, 2.9.175 PapxFkp, 2.9.34
//! ChpxFkp, 2.2.5.1 Sprm): a bin table in the table stream points to 512-byte pages of the
//! WordDocument stream, each holding the properties of runs of file offsets (FC). Only the few
//! properties the text layout needs are read: table marks, list membership and deleted text.

use crate::read::le::{u16_at, u32_at};

/// The sprm operands jixiao reads.
mod sprm {
    pub const P_ILVL: u16 = 0x260A;
    pub const P_ILFO: u16 = 0x460B;
    pub const P_F_IN_TABLE: u16 = 0x2416;
    pub const P_F_TTP: u16 = 0x2417;
    pub const P_F_INNER_TABLE_CELL: u16 = 0x244B;
    pub const P_F_INNER_TTP: u16 = 0x244C;
    pub const P_ITAP: u16 = 0x6649;
    pub const P_HUGE_PAPX: u16 = 0x6646;
    pub const P_DTAP: u16 = 0x664A;
    pub const C_F_RMARK_DEL: u16 = 0x0800;
    pub const T_DEF_TABLE: u16 = 0xD608;
    pub const T_DEF_TABLE10: u16 = 0xD606;
}

/// What a paragraph mark says about its paragraph.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// Table depth: 0 outside tables, 1 in a table, 2 in a table inside a cell, …
    pub depth: u32,
    /// The mark ends a table row (at depth 1).
    pub row_end: bool,
    /// At depth ≥ 2: the mark ends an inner cell, or an inner row.
    pub inner_cell_end: bool,
    pub inner_row_end: bool,
    /// List membership: the list override (1-based; 0 for none) and the level.
    pub list: u16,
    pub level: u8,
}

/// Each sprm of a grpprl with its operand. Stops at the first that does not fit.
pub fn sprms(grpprl: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let op = u16_at(grpprl, at)?;
        let rest = grpprl.get(at + 2..)?;
        let len = match op >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            // Variable: a byte of size first, but a 16-bit size (counting itself less one) for
            // the table definitions.
            _ if op == sprm::T_DEF_TABLE || op == sprm::T_DEF_TABLE10 => 2 + usize::from(u16_at(rest, 0)?).saturating_sub(1),
            _ => match *rest.first()? {
                255 => return None,
                n => 1 + usize::from(n),
            },
        };
        let operand = rest.get(..len)?;
        at += 2 + len;
        Some((op, operand))
    })
}

impl Paragraph {
    pub fn from_grpprl(grpprl: &[u8]) -> Paragraph {
        let mut p = Paragraph::default();
        let (mut in_table, mut depth) = (false, None::<i64>);
        for (op, v) in sprms(grpprl) {
            let flag = v.first().is_some_and(|b| *b != 0);
            match op {
                sprm::P_F_IN_TABLE => in_table = flag,
                sprm::P_F_TTP => p.row_end = flag,
                sprm::P_F_INNER_TABLE_CELL => p.inner_cell_end = flag,
                sprm::P_F_INNER_TTP => p.inner_row_end = flag,
                sprm::P_ITAP => depth = u32_at(v, 0).map(|d| i64::from(d as i32)),
                sprm::P_DTAP => depth = Some(depth.unwrap_or(i64::from(in_table)) + i64::from(u32_at(v, 0).unwrap_or(0) as i32)),
                sprm::P_ILFO => p.list = u16_at(v, 0).unwrap_or(0),
                sprm::P_ILVL => p.level = v.first().copied().unwrap_or(0),
                _ => {}
            }
        }
        // The depth counts only in a table; a table paragraph is at least at depth 1.
        p.depth = if in_table { depth.map_or(1, |d| u32::try_from(d.clamp(1, 64)).unwrap_or(1)) } else { 0 };
        p
    }
}

/// The properties of a paragraph too large for its page ([MS-DOC] 2.6.2, sprmPHugePapx): the
/// grpprl at the operand's offset in the Data stream, after its 16-bit size. A table row of
/// many cells gets one (LibreOffice writes seven cells with widths that way). None when the
/// paragraph has no such reference, or it points outside the stream.
pub fn huge_papx<'d>(grpprl: &[u8], data: &'d [u8]) -> Option<&'d [u8]> {
    let (_, operand) = sprms(grpprl).find(|(op, _)| *op == sprm::P_HUGE_PAPX)?;
    let at = usize::try_from(u32_at(operand, 0)?).ok()?;
    let size = usize::from(u16_at(data, at)?);
    data.get(at + 2..at.checked_add(2 + size)?)
}

/// A row's cell edges, from the table definition in its row-end paragraph (sprmTDefTable: a
/// 16-bit size, the number of cells n, then n+1 edges in twips): cell k spans edges k to k+1.
/// None when the paragraph has no table definition, or one that does not fit.
pub fn cell_edges(grpprl: &[u8]) -> Option<Vec<i16>> {
    let (_, operand) = sprms(grpprl).filter(|(op, _)| *op == sprm::T_DEF_TABLE || *op == sprm::T_DEF_TABLE10).last()?;
    let cells = usize::from(*operand.get(2)?);
    let edges = operand.get(3..3 + 2 * (cells + 1))?;
    Some(edges.chunks_exact(2).map(|b| i16::from_le_bytes([b[0], b[1]])).collect())
}

/// Whether a character run's properties mark it deleted (a tracked deletion, which Word's text
/// save leaves out). 1 is on; 0x81 is "the opposite of the style", and no style deletes.
pub fn deleted(grpprl: &[u8]) -> bool {
    sprms(grpprl).filter(|(op, _)| *op == sprm::C_F_RMARK_DEL).last().is_some_and(|(_, v)| matches!(v.first(), Some(1 | 0x81)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Paragraph,
    Character,
}

/// A bin table and the pages it points to; remembers the page and the run it found last, since
/// the text is read in file order.
pub struct Bins<'a> {
    word: &'a [u8],
    kind: Kind,
    /// FC where each page's runs begin (n+1) and each page's number (n).
    starts: Vec<u32>,
    pages: Vec<u32>,
    current: Option<Page<'a>>,
}

struct Page<'a> {
    bytes: &'a [u8],
    /// FCs bounding the runs: crun+1.
    bounds: Vec<u32>,
    /// The run found last.
    run: usize,
}

impl<'a> Bins<'a> {
    /// The bin table at `bins` of the table stream. Err says what is wrong.
    pub fn parse(word: &'a [u8], table: &[u8], bins: std::ops::Range<usize>, kind: Kind) -> Result<Bins<'a>, String> {
        let plc = table
            .get(bins.clone())
            .ok_or_else(|| format!("its {} property bins (bytes {}..{}) lie outside the table stream", kind.name(), bins.start, bins.end))?;
        if plc.is_empty() {
            return Ok(Bins { word, kind, starts: Vec::new(), pages: Vec::new(), current: None });
        }
        if plc.len() < 4 || (plc.len() - 4) % 8 != 0 {
            return Err(format!("{} property bins of {} bytes, which no count of bins fills", kind.name(), plc.len()));
        }
        let n = (plc.len() - 4) / 8;
        let starts = (0..=n).map(|i| u32_at(plc, 4 * i).unwrap_or(0)).collect();
        let pages = (0..n).map(|i| u32_at(plc, 4 * (n + 1) + 4 * i).unwrap_or(0) & 0x003F_FFFF).collect();
        Ok(Bins { word, kind, starts, pages, current: None })
    }

    /// The grpprl of the run holding the byte at `fc`: empty when no run holds it (default
    /// properties). Err when a page the table names is not in the stream.
    pub fn at(&mut self, fc: u32) -> Result<&'a [u8], String> {
        if let Some(page) = &mut self.current {
            if let Some(run) = page.find(fc) {
                return Ok(grpprl(page.bytes, page.bounds.len() - 1, run, self.kind));
            }
        }
        // The bin whose page covers fc: the last whose start is at or before it.
        let bin = match self.starts.partition_point(|s| *s <= fc) {
            0 => return Ok(&[]),
            i if i > self.pages.len() => return Ok(&[]),
            i => i - 1,
        };
        let number = self.pages[bin];
        let at = number as usize * 512;
        let bytes = self.word.get(at..at + 512).ok_or_else(|| format!("{} property page {number} lies outside the WordDocument stream", self.kind.name()))?;
        let crun = usize::from(bytes[511]);
        if 4 * (crun + 1) > 511 {
            return Err(format!("{} property page {number} claims {crun} runs, more than a page holds", self.kind.name()));
        }
        let bounds = (0..=crun).map(|i| u32_at(bytes, 4 * i).unwrap_or(0)).collect();
        let mut page = Page { bytes, bounds, run: 0 };
        let found = page.find(fc);
        let out = found.map_or(&[][..], |run| grpprl(bytes, crun, run, self.kind));
        self.current = Some(page);
        Ok(out)
    }
}

impl Page<'_> {
    fn find(&mut self, fc: u32) -> Option<usize> {
        let b = &self.bounds;
        if self.run + 1 < b.len() && b[self.run] <= fc && fc < b[self.run + 1] {
            return Some(self.run);
        }
        let i = b.partition_point(|s| *s <= fc);
        if i == 0 || i >= b.len() {
            return None;
        }
        self.run = i - 1;
        Some(self.run)
    }
}

/// The properties of run `run` of a page of `crun` runs; empty where the page is damaged.
fn grpprl(page: &[u8], crun: usize, run: usize, kind: Kind) -> &[u8] {
    let table = 4 * (crun + 1);
    match kind {
        Kind::Character => {
            let offset = 2 * usize::from(page.get(table + run).copied().unwrap_or(0));
            if offset == 0 {
                return &[];
            }
            let cb = usize::from(page.get(offset).copied().unwrap_or(0));
            page.get(offset + 1..offset + 1 + cb).unwrap_or_default()
        }
        Kind::Paragraph => {
            // BxPap: a byte of offset (in 16-bit words) and 12 bytes of layout hints.
            let offset = 2 * usize::from(page.get(table + 13 * run).copied().unwrap_or(0));
            if offset == 0 {
                return &[];
            }
            let (start, len) = match page.get(offset).copied().unwrap_or(0) {
                0 => (offset + 2, 2 * usize::from(page.get(offset + 1).copied().unwrap_or(0))),
                cb => (offset + 1, 2 * usize::from(cb) - 1),
            };
            // An istd (the paragraph style) before the sprms.
            page.get(start + 2..start + len).unwrap_or_default()
        }
    }
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Paragraph => "paragraph",
            Kind::Character => "character",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_end_is_read_after_a_table_definition() {
        // sprmTDefTable with a 16-bit size (5: four bytes follow), then fInTable and fTtp.
        let grpprl = [0x08, 0xD6, 5, 0, 1, 2, 3, 4, 0x16, 0x24, 1, 0x17, 0x24, 1];
        let p = Paragraph::from_grpprl(&grpprl);
        assert_eq!((p.depth, p.row_end), (1, true));
        // Two cells, edges 0, 1440 and 4320 twips (and one 20-byte TC each after them).
        let mut def = vec![0x08, 0xD6];
        def.extend_from_slice(&(1u16 + 1 + 6 + 40).to_le_bytes());
        def.push(2);
        [0i16, 1440, 4320].iter().for_each(|e| def.extend_from_slice(&e.to_le_bytes()));
        def.extend_from_slice(&[0; 40]);
        def.extend_from_slice(&[0x16, 0x24, 1, 0x17, 0x24, 1]);
        assert_eq!(cell_edges(&def), Some(vec![0, 1440, 4320]));
        assert!(Paragraph::from_grpprl(&def).row_end);
        assert_eq!(cell_edges(&grpprl), None, "a definition too short for its edges");
        assert_eq!(cell_edges(&[0x16, 0x24, 1]), None);
        // A nested cell: fInTable, itap 2, fInnerTableCell.
        let grpprl = [0x16, 0x24, 1, 0x49, 0x66, 2, 0, 0, 0, 0x4B, 0x24, 1];
        let p = Paragraph::from_grpprl(&grpprl);
        assert_eq!((p.depth, p.inner_cell_end, p.row_end), (2, true, false));
        // itap without fInTable is not a table; a list paragraph names its list and level.
        let p = Paragraph::from_grpprl(&[0x49, 0x66, 1, 0, 0, 0, 0x0B, 0x46, 3, 0, 0x0A, 0x26, 1]);
        assert_eq!((p.depth, p.list, p.level), (0, 3, 1));
    }

    #[test]
    fn sprms_stop_at_what_does_not_fit() {
        assert_eq!(sprms(&[0x16, 0x24]).count(), 0, "an operand cut short");
        assert_eq!(sprms(&[0x16, 0x24, 1, 0x15, 0xC6, 255, 1]).count(), 1, "a tab change of the long form");
        assert!(deleted(&[0x00, 0x08, 0x81]) && !deleted(&[0x00, 0x08, 0x80]) && !deleted(&[]));
    }
}
