//! List numbering of a .doc ([MS-DOC] 2.9.147 PlfLst with its LSTF and LVL records, 2.9.146
//! PlfLfo): the `1、` or `第二部分` Word draws before a list paragraph is not in the text, so it
//! is made here, counted as the .docx reader counts numbering.xml's lists.

use std::ops::Range;

use crate::read::docx::numbering::Numbering;
use crate::read::le::{u16_at, u32_at};

/// The numbering formats by their nfc code ([MS-DOC] 2.9.170 Nfc), named as numbering.xml names
/// them.
const FORMATS: &[&str] = &[
    "decimal",
    "upperRoman",
    "lowerRoman",
    "upperLetter",
    "lowerLetter",
    "ordinal",
    "cardinalText",
    "ordinalText",
    "hex",
    "chicago",
    "ideographDigital",
    "japaneseCounting",
    "aiueo",
    "iroha",
    "decimalFullWidth",
    "decimalHalfWidth",
    "japaneseLegal",
    "japaneseDigitalTenThousand",
    "decimalEnclosedCircle",
    "decimalFullWidth2",
    "aiueoFullWidth",
    "irohaFullWidth",
    "decimalZero",
    "bullet",
    "ganada",
    "chosung",
    "decimalEnclosedFullstop",
    "decimalEnclosedParen",
    "decimalEnclosedCircleChinese",
    "ideographEnclosedCircle",
    "ideographTraditional",
    "ideographZodiac",
    "ideographZodiacTraditional",
    "taiwaneseCounting",
    "ideographLegalTraditional",
    "taiwaneseCountingThousand",
    "taiwaneseDigital",
    "chineseCounting",
    "chineseLegalSimplified",
    "chineseCountingThousand",
];

/// Bytes of an LSTF and of an LVL's fixed part (LVLF).
const LSTF: usize = 28;
const LVLF: usize = 28;

/// The lists the table stream defines; what cannot be read is left out (its paragraphs then
/// show no number), never an error: the text is all there without them.
pub fn read(table: &[u8], lists: Range<usize>, overrides: Range<usize>) -> Numbering {
    let mut numbering = Numbering::default();
    let Some(count) = table.get(lists.clone()).and_then(|l| u16_at(l, 0)) else { return numbering };
    let count = usize::from(count).min(table.len() / LSTF);
    let first = lists.start + 2;
    // The LVL records follow the last LSTF, list by list: one level for a simple list, else nine.
    let mut at = first + LSTF * count;
    for i in 0..count {
        let lstf = first + LSTF * i;
        let (Some(id), Some(flags)) = (u32_at(table, lstf), table.get(lstf + 26)) else { return numbering };
        let levels = if flags & 1 != 0 { 1 } else { 9 };
        for ilvl in 0..levels {
            let Some((level, next)) = level(table, at) else { return numbering };
            numbering.define_level(id.to_string(), ilvl, level.0, level.1, level.2);
            at = next;
        }
    }
    // A paragraph names its list by a 1-based index into the overrides, each naming a list.
    if let Some(lfo) = table.get(overrides) {
        let n = u32_at(lfo, 0).unwrap_or(0) as usize;
        for i in 0..n.min(lfo.len() / 16) {
            if let Some(id) = u32_at(lfo, 4 + 16 * i) {
                numbering.define_list((i + 1).to_string(), id.to_string());
            }
        }
    }
    numbering
}

/// The level at `at`: its first number, format and text (`%1` for level 1's number), and where
/// the next level begins.
fn level(table: &[u8], at: usize) -> Option<((u32, &'static str, String), usize)> {
    let lvlf = table.get(at..at + LVLF)?;
    let start = u32_at(lvlf, 0)?;
    let format = FORMATS.get(usize::from(lvlf[4])).copied().unwrap_or(if lvlf[4] == 255 { "none" } else { "decimal" });
    let (chpx, papx) = (usize::from(lvlf[24]), usize::from(lvlf[25]));
    let xst = at + LVLF + papx + chpx;
    let cch = usize::from(u16_at(table, xst)?);
    let units = table.get(xst + 2..xst + 2 + 2 * cch)?.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]]));
    let mut text = String::new();
    for c in char::decode_utf16(units) {
        match c.unwrap_or(char::REPLACEMENT_CHARACTER) {
            // A placeholder: the number of the level it names.
            c if u32::from(c) < 9 => text.push_str(&format!("%{}", u32::from(c) + 1)),
            c => text.push(c),
        }
    }
    Some(((start, format, text), xst + 2 + 2 * cch))
}
