//! Old binary Word files (.doc, Word 97–2003, and WPS Writer's .wps in the same format): the
//! compound file's WordDocument and table streams ([MS-DOC]) are read natively, the main text
//! through the piece table, and laid out as Word's text save would have it, as the .docx reader
//! lays out document.xml; so a .doc and its .docx read to the same model.

mod fib;
mod layout;
mod lists;
mod pieces;
mod props;

use std::io::{Cursor, Read};

use super::blocks::Layout;
use super::container::{CFB_MAGIC, Limits, cfb_has_stream, over_limit};
use super::le::u32_at;
use super::{Format, ReadOptions, Reader, TableSink, assemble};
use crate::error::{Error, Origin, Result};
use crate::model::Document;
use fib::{Fib, FibError};
use props::{Bins, Kind, Paragraph};

pub struct DocReader;

impl Reader for DocReader {
    fn format(&self) -> Format {
        Format::Doc
    }

    fn sniff(&self, bytes: &[u8]) -> bool {
        bytes.starts_with(CFB_MAGIC) && cfb_has_stream(bytes, "WordDocument")
    }

    fn read(&self, bytes: &[u8], options: &ReadOptions) -> Result<Document> {
        // The streams are let go once laid out: the model is built from the layout alone.
        assemble::document(layout(bytes, options)?, options, None)
    }

    fn read_to(&self, bytes: &[u8], options: &ReadOptions, sink: &mut dyn TableSink) -> Result<Document> {
        assemble::document(layout(bytes, options)?, options, Some(sink))
    }
}

/// The file's text laid out as Word's text save, with the place of each line.
fn layout(bytes: &[u8], options: &ReadOptions) -> Result<Layout<'static>> {
    let origin = options.origin();
    let damaged = |what: String| damaged(&origin, &what);
    // The compound-file library parses a third-party binary format: a panic in it on a
    // malformed file is that file's error, never a crash of the caller.
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| streams(bytes, options.limits, &origin)));
    let Streams { word, table, data, fib } = read.unwrap_or_else(|_| Err(damaged("the compound-file library failed on it".into())))?;
    let pieces = pieces::parse(&table, fib.clx.clone(), &word, fib.ccp_text).map_err(damaged)?;
    let mut paragraphs = Bins::parse(&word, &table, fib.papx_bins.clone(), Kind::Paragraph).map_err(damaged)?;
    let mut characters = Bins::parse(&word, &table, fib.chpx_bins.clone(), Kind::Character).map_err(damaged)?;
    let section_ends = section_ends(&table, fib.section_ends.clone());
    let mut numbering = lists::read(&table, fib.lists.clone(), fib.list_overrides.clone());
    let mut out = layout::Builder::new(&origin, options.limits);
    pieces::for_each_char(&word, &pieces, fib.ccp_text, |cp, fc, c| {
        let chpx = characters.at(fc).map_err(damaged)?;
        if props::deleted(chpx) {
            return Ok(());
        }
        if layout::Builder::ends_paragraph(c, section_ends.binary_search(&(cp + 1)).is_ok()) {
            let grpprl = paragraphs.at(fc).map_err(damaged)?;
            // A paragraph whose properties do not fit its page keeps them in the Data stream.
            let grpprl = props::huge_papx(grpprl, &data).unwrap_or(grpprl);
            let p = Paragraph::from_grpprl(grpprl);
            let edges = if p.row_end { props::cell_edges(grpprl) } else { None };
            let label = if p.list == 0 { None } else { numbering.label(&p.list.to_string(), u32::from(p.level)) };
            out.paragraph_end(c, p, label, edges)
        } else {
            out.char(c)
        }
    })?;
    out.finish()
}

fn damaged(origin: &Origin, what: &str) -> Error {
    Error::Parse { origin: origin.clone(), line: None, reason: format!("a damaged Word .doc file: {what}") }
}

/// What a .doc is read from.
struct Streams {
    word: Vec<u8>,
    /// The table stream its FIB names.
    table: Vec<u8>,
    data: Vec<u8>,
    fib: Fib,
}

/// The WordDocument stream, the table stream its FIB names, the Data stream, and the FIB.
fn streams(bytes: &[u8], limits: Limits, origin: &Origin) -> Result<Streams> {
    let damaged = |what: String| damaged(origin, &what);
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| damaged(format!("its compound-file structure cannot be read ({e})")))?;
    let mut used = 0u64;
    let word = stream(&mut file, bytes.len() as u64, "WordDocument", limits.max_bytes, &mut used, origin)?
        .ok_or_else(|| damaged("it has no WordDocument stream".into()))?;
    let fib = Fib::parse(&word).map_err(|e| match e {
        FibError::Damaged(what) => damaged(what),
        FibError::TooOld(n) => Error::UnsupportedFormat {
            origin: origin.clone(),
            reason: format!(
                "a Word 6 or Word 95 document (nFib 0x{n:04X}); jixiao reads Word 97–2003 .doc files: open it in Word, WPS or LibreOffice and save it as .docx"
            ),
        },
        FibError::Encrypted => Error::Parse {
            origin: origin.clone(),
            line: None,
            reason: "a password-protected (encrypted) Word .doc file: open it in Word and save it without a password".into(),
        },
    })?;
    let table = stream(&mut file, bytes.len() as u64, fib.table_stream, limits.max_bytes, &mut used, origin)?
        .ok_or_else(|| damaged(format!("it has no {} stream, which its FIB names", fib.table_stream)))?;
    // The Data stream holds, among others, the properties of paragraphs too large for their
    // page (sprmPHugePapx); a file without one has none of those.
    let data = stream(&mut file, bytes.len() as u64, "Data", limits.max_bytes, &mut used, origin)?.unwrap_or_default();
    Ok(Streams { word, table, data, fib })
}

/// A stream of the compound file, read within the size limit `max_bytes` for all streams
/// together (`used` counts them); None when there is none.
fn stream(file: &mut cfb::CompoundFile<Cursor<&[u8]>>, file_len: u64, name: &str, max_bytes: u64, used: &mut u64, origin: &Origin) -> Result<Option<Vec<u8>>> {
    let path = format!("/{name}");
    let Ok(entry) = file.entry(&path) else { return Ok(None) };
    *used = used.saturating_add(entry.len());
    if *used > max_bytes {
        return Err(over_limit(origin, &format!("the .doc file's streams, with its {name} stream of {} bytes,", entry.len()), max_bytes, "max_bytes"));
    }
    let mut s = file.open_stream(&path).map_err(|e| damaged(origin, &format!("its {name} stream cannot be opened ({e})")))?;
    // Reserved for what the stream says it holds, but never more than the file's own size: a
    // directory entry may claim any length (its chain then ends short and the read says so).
    let mut out = Vec::with_capacity(entry.len().min(64 << 20).min(file_len) as usize);
    (&mut s).take(entry.len()).read_to_end(&mut out).map_err(|e| damaged(origin, &format!("its {name} stream cannot be read ({e})")))?;
    Ok(Some(out))
}

/// The CPs where sections end ([MS-DOC] 2.8.26 PlcfSed: n+1 CPs, then 12-byte descriptors),
/// sorted; empty when the table has none or is damaged (a section mark then reads as a page
/// break, within its paragraph).
fn section_ends(table: &[u8], at: std::ops::Range<usize>) -> Vec<u32> {
    let Some(plc) = table.get(at) else { return Vec::new() };
    if plc.len() < 4 || (plc.len() - 4) % 16 != 0 {
        return Vec::new();
    }
    let n = (plc.len() - 4) / 16;
    let mut ends: Vec<u32> = (1..=n).filter_map(|i| u32_at(plc, 4 * i)).collect();
    ends.sort_unstable();
    ends
}
