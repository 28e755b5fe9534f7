//! The File Information Block at the start of the WordDocument stream ([MS-DOC] 2.5.1): which
//! table stream holds the structures, how long the main text is, and where the piece table,
//! paragraph and character properties, section ends and lists are.

use std::ops::Range;

use crate::read::le::{u16_at, u32_at};

/// A (fc, lcb) pair of the FibRgFcLcb97 by its index there.
#[derive(Debug, Clone, Copy)]
enum Structure {
    PlcfSed = 6,
    PlcfBteChpx = 12,
    PlcfBtePapx = 13,
    Clx = 33,
    PlfLst = 73,
    PlfLfo = 74,
}

/// What the reader takes from the FIB.
#[derive(Debug)]
pub struct Fib {
    /// "1Table" or "0Table".
    pub table_stream: &'static str,
    /// Characters of the main document text (CP 0 to ccpText).
    pub ccp_text: u32,
    pub clx: Range<usize>,
    pub papx_bins: Range<usize>,
    pub chpx_bins: Range<usize>,
    pub section_ends: Range<usize>,
    pub lists: Range<usize>,
    pub list_overrides: Range<usize>,
}

/// Why a WordDocument stream cannot be read.
pub enum FibError {
    /// Not a Word 97–2003 file: too short or the wrong signature.
    Damaged(String),
    /// Word 6 or Word 95 (nFib below 0x00C1).
    TooOld(u16),
    Encrypted,
}

impl Fib {
    pub fn parse(word: &[u8]) -> Result<Fib, FibError> {
        let short = || FibError::Damaged("the WordDocument stream is too short for its File Information Block".into());
        let ident = u16_at(word, 0).ok_or_else(short)?;
        if ident != 0xA5EC {
            return Err(FibError::Damaged(format!("the WordDocument stream does not start with Word's signature (0x{ident:04X}, not 0xA5EC)")));
        }
        let n_fib = u16_at(word, 2).ok_or_else(short)?;
        let flags = u16_at(word, 0x0A).ok_or_else(short)?;
        // nFib of Word 97 and every later binary Word file; Word 6 and 95 files lay the FIB out otherwise.
        if n_fib < 0x00C1 && n_fib != 0 {
            return Err(FibError::TooOld(n_fib));
        }
        if flags & 0x0100 != 0 || flags & 0x8000 != 0 {
            return Err(FibError::Encrypted);
        }
        let table_stream = if flags & 0x0200 != 0 { "1Table" } else { "0Table" };
        // FibBase (32 bytes), then csw 16-bit words, cslw 32-bit words, then the fc/lcb pairs.
        let csw = usize::from(u16_at(word, 32).ok_or_else(short)?);
        let lw_count_at = 34 + 2 * csw;
        let cslw = usize::from(u16_at(word, lw_count_at).ok_or_else(short)?);
        let lw = lw_count_at + 2;
        let ccp_text = u32_at(word, lw + 12).ok_or_else(short)?;
        let pairs_count_at = lw + 4 * cslw;
        let pairs = usize::from(u16_at(word, pairs_count_at).ok_or_else(short)?);
        let blob = pairs_count_at + 2;
        let range = |s: Structure| -> Result<Range<usize>, FibError> {
            let i = s as usize;
            if i >= pairs {
                return Ok(0..0);
            }
            let fc = u32_at(word, blob + 8 * i).ok_or_else(short)? as usize;
            let lcb = u32_at(word, blob + 8 * i + 4).ok_or_else(short)? as usize;
            Ok(if lcb == 0 { 0..0 } else { fc..fc.saturating_add(lcb) })
        };
        Ok(Fib {
            table_stream,
            ccp_text,
            clx: range(Structure::Clx)?,
            papx_bins: range(Structure::PlcfBtePapx)?,
            chpx_bins: range(Structure::PlcfBteChpx)?,
            section_ends: range(Structure::PlcfSed)?,
            lists: range(Structure::PlfLst)?,
            list_overrides: range(Structure::PlfLfo)?,
        })
    }
}
