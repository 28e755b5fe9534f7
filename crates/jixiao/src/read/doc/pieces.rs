//! The piece table ([MS-DOC] 2.9.38 Clx, 2.9.177 PlcPcd): the main text is a list of pieces,
//! each a run of character positions (CP) stored at a file offset (FC) of the WordDocument
//! stream, either as 8-bit Windows-1252 ("compressed") or as UTF-16LE.

use crate::read::le::{u16_at, u32_at};

#[derive(Debug, Clone, Copy)]
pub struct Piece {
    /// First CP.
    pub cp: u32,
    /// One past the last CP.
    pub end: u32,
    /// Byte offset of the first character in the WordDocument stream.
    pub fc: u32,
    pub compressed: bool,
}

impl Piece {
    /// The bytes of this piece's characters up to CP `to`, within `word`.
    fn bytes<'a>(&self, word: &'a [u8], to: u32) -> Option<&'a [u8]> {
        let chars = to.min(self.end).checked_sub(self.cp)? as usize;
        let width = if self.compressed { 1 } else { 2 };
        let start = self.fc as usize;
        word.get(start..start.checked_add(chars * width)?)
    }
}

/// The pieces of the Clx at `clx` in the table stream that hold the text up to CP `ccp`, in CP
/// order, each checked to lie within `word`. Err says what is wrong.
pub fn parse(table: &[u8], clx: std::ops::Range<usize>, word: &[u8], ccp: u32) -> Result<Vec<Piece>, String> {
    let clx = table
        .get(clx.clone())
        .ok_or_else(|| format!("its piece table (bytes {}..{}) lies outside the table stream of {} bytes", clx.start, clx.end, table.len()))?;
    let mut at = 0usize;
    // Property modifiers (Prc) come first; the piece table (Pcdt) follows them.
    while clx.get(at) == Some(&0x01) {
        let cb = u16_at(clx, at + 1).ok_or("a property modifier of the piece table is cut short")? as i16;
        at += 3 + usize::try_from(cb).map_err(|_| "a property modifier of the piece table has a negative size")?;
    }
    if clx.get(at) != Some(&0x02) {
        return Err("no piece table where the FIB says it is".into());
    }
    let lcb = u32_at(clx, at + 1).ok_or("the piece table is cut short")? as usize;
    let plc = clx.get(at + 5..(at + 5).saturating_add(lcb)).ok_or("the piece table is longer than its stream")?;
    // n+1 CPs, then n piece descriptors of 8 bytes.
    if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
        return Err(format!("a piece table of {} bytes, which no count of pieces fills", plc.len()));
    }
    let n = (plc.len() - 4) / 12;
    let mut pieces = Vec::with_capacity(n);
    for i in 0..n {
        let (cp, end) = (u32_at(plc, 4 * i).unwrap_or(0), u32_at(plc, 4 * (i + 1)).unwrap_or(0));
        if end < cp || pieces.last().is_some_and(|p: &Piece| p.end > cp) {
            return Err(format!("piece {} runs backwards (CP {cp} to {end})", i + 1));
        }
        let raw = u32_at(plc, 4 * (n + 1) + 8 * i + 2).unwrap_or(0);
        let compressed = raw & 0x4000_0000 != 0;
        let fc = raw & 0x3FFF_FFFF;
        let piece = Piece { cp, end, fc: if compressed { fc / 2 } else { fc }, compressed };
        if cp >= ccp {
            break;
        }
        if piece.bytes(word, ccp).is_none() {
            return Err(format!("text piece {} (CP {cp} to {end}) lies outside the WordDocument stream of {} bytes", i + 1, word.len()));
        }
        pieces.push(piece);
    }
    if pieces.last().map_or(0, |p| p.end) < ccp {
        return Err(format!("the piece table holds fewer characters than the {ccp} of the main text"));
    }
    Ok(pieces)
}

/// Calls `f(cp, fc, c)` for every character of the text from CP 0 to `ccp` in order; `fc` is
/// the character's offset in the WordDocument stream (properties are found by it). A surrogate pair
/// is one character at its first unit's offset; a lone surrogate reads as U+FFFD.
pub fn for_each_char<E>(word: &[u8], pieces: &[Piece], ccp: u32, mut f: impl FnMut(u32, u32, char) -> Result<(), E>) -> Result<(), E> {
    for piece in pieces {
        let bytes = piece.bytes(word, ccp).unwrap_or_default();
        if piece.compressed {
            for (k, &b) in bytes.iter().enumerate() {
                f(piece.cp + k as u32, piece.fc + k as u32, windows_1252(b))?;
            }
        } else {
            let units = bytes.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]]));
            let (mut cp, mut at) = (piece.cp, piece.fc);
            for c in char::decode_utf16(units) {
                let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
                f(cp, at, c)?;
                let units = if c == char::REPLACEMENT_CHARACTER { 1 } else { c.len_utf16() as u32 };
                cp += units;
                at += 2 * units;
            }
        }
    }
    Ok(())
}

/// A compressed character: Windows-1252 ([MS-DOC] 2.4.1 lists the same mapping).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™',
        'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    if (0x80..0xA0).contains(&b) { HIGH[usize::from(b - 0x80)] } else { char::from(b) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Clx of one property modifier and two pieces: "Ab€" compressed at byte 100, then "表\r"
    /// in UTF-16 at byte 200.
    fn clx() -> (Vec<u8>, Vec<u8>) {
        let mut word = vec![0u8; 300];
        word[100..103].copy_from_slice(&[b'A', b'b', 0x80]);
        word[200..204].copy_from_slice(&[0x68, 0x88, b'\r', 0]);
        let mut plc = Vec::new();
        for cp in [0u32, 3, 5] {
            plc.extend(cp.to_le_bytes());
        }
        for (fc, compressed) in [(100u32, true), (200, false)] {
            let raw = if compressed { (fc * 2) | 0x4000_0000 } else { fc };
            plc.extend([0, 0]);
            plc.extend(raw.to_le_bytes());
            plc.extend([0, 0]);
        }
        let mut table = vec![0x01, 2, 0, 0xAA, 0xBB, 0x02];
        table.extend((plc.len() as u32).to_le_bytes());
        table.extend(plc);
        (word, table)
    }

    #[test]
    fn compressed_and_utf16_pieces_read_in_order_with_their_offsets() {
        let (word, table) = clx();
        let pieces = parse(&table, 0..table.len(), &word, 5).unwrap();
        let mut got = Vec::new();
        for_each_char::<()>(&word, &pieces, 5, |cp, fc, c| {
            got.push((cp, fc, c));
            Ok(())
        })
        .unwrap();
        assert_eq!(got, [(0, 100, 'A'), (1, 101, 'b'), (2, 102, '€'), (3, 200, '表'), (4, 202, '\r')]);
        // Only the text up to ccp is read.
        assert_eq!(parse(&table, 0..table.len(), &word, 2).unwrap().len(), 1);
    }

    #[test]
    fn pieces_outside_their_streams_are_named() {
        let (word, table) = clx();
        let err = parse(&table, 0..table.len(), &word[..201], 5).unwrap_err();
        assert!(err.contains("text piece 2") && err.contains("outside the WordDocument stream"), "{err}");
        assert!(parse(&table, 0..table.len(), &word, 9).unwrap_err().contains("fewer characters"));
        assert!(parse(&table, 5..table.len() + 10, &word, 5).unwrap_err().contains("outside the table stream"));
    }
}
