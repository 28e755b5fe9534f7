//! Word files (.docx). The body is laid out as Word's own plain-text save would have it, and
//! read by the text reader, so that a document read from .docx and from its text save gives the
//! same model; each `line` of the result indexes [`crate::Document::locations`], which says the
//! table cell or paragraph it came from.

mod body;
pub(super) mod numbering;
mod symbol;

use super::blocks::{Block, BlockSink};
use super::container::{Container, zip_has};
use super::html::HtmlReader;
use super::xml::{Utf8Lossy, Xml, XmlReader, attr, decode_part, part_encoding};
use super::{Format, ReadOptions, Reader, TableSink, assemble, budget};
use crate::error::{Error, Result};
use crate::model::Document;

pub(crate) struct DocxReader;

impl Reader for DocxReader {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn sniff(&self, bytes: &[u8]) -> bool {
        // word/document.xml, or another main part _rels/.rels names (word/document2.xml).
        zip_has(bytes, "word/document")
    }

    fn read(&self, bytes: &[u8], options: &ReadOptions) -> Result<Document> {
        read_docx(bytes, options, None)
    }

    fn read_to(&self, bytes: &[u8], options: &ReadOptions, sink: &mut dyn TableSink) -> Result<Document> {
        read_docx(bytes, options, Some(sink))
    }
}

fn read_docx(bytes: &[u8], options: &ReadOptions, sink: Option<&mut dyn TableSink>) -> Result<Document> {
    let mut docx = Docx::open(bytes, options, 0)?;
    // A table handed on is written: tables go on as they are built only when the read cannot
    // pass its budget. What document.xml builds has no bound per inflated byte worth stating (a
    // 50-byte cell may span 1,000 grid columns, a 70-byte paragraph carry a list label of any
    // length from numbering.xml), so what the body builds is counted first: from a scan of its
    // bytes, else by walking it once, building nothing it keeps; then it is walked, each table
    // handed on as it is built.
    let stream = match sink {
        Some(_) => match docx.hold_small_body()?.scanned_bound()? {
            Some(bound) if budget::fits(bound) => true,
            _ => docx.fits_budget()?,
        },
        None => false,
    };
    let mut feed = assemble::Feed::new(sink.filter(|_| stream), false);
    let mut chunks = std::mem::take(&mut docx.chunks);
    docx.walk(&mut chunks, &mut feed)?;
    feed.document(options)
}

/// The largest body (inflated `document.xml`, as its entry declares it) held inflated between
/// the scan that bounds what it builds and the walk that builds it, so that it is inflated once.
const HELD_WHOLE: u64 = 4 << 20;

/// How deep Word files embedded in Word files (altChunk) are read.
const MAX_CHUNK_DEPTH: usize = 4;

/// A relationship: its id, type and target.
struct Rel {
    id: String,
    kind: String,
    target: String,
    external: bool,
}

/// The relationships of a `.rels` part.
fn rels(xml: &str, limits: &crate::read::Limits) -> Vec<Rel> {
    let mut out = Vec::new();
    let mut r = XmlReader::new(xml, limits.max_depth);
    while let Ok(Some(e)) = r.next() {
        if let Xml::Start(name, a) = e
            && name == "Relationship"
        {
            out.push(Rel {
                id: attr(&a, "Id").unwrap_or_default().to_owned(),
                kind: attr(&a, "Type").unwrap_or_default().to_owned(),
                target: attr(&a, "Target").unwrap_or_default().to_owned(),
                external: attr(&a, "TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("external")),
            });
        }
    }
    out
}

/// A relationship's target as a part name, relative to the folder of the part `from`.
fn resolve(from: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_owned();
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The `.rels` part of part `name` (`word/document.xml` → `word/_rels/document.xml.rels`).
fn rels_of(name: &str) -> String {
    match name.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{name}.rels"),
    }
}

/// A Word file opened: its container, main part, lists and embedded documents, its body not
/// yet read.
struct Docx<'b> {
    zip: Container<'b>,
    main: String,
    numbering: body::Numbering,
    chunks: body::Chunks,
    origin: crate::error::Origin,
    limits: crate::read::Limits,
    /// The main part's text, when it is small enough to keep for a second reading.
    held: Option<String>,
}

impl<'b> Docx<'b> {
    /// `depth` counts the Word files it is embedded in.
    fn open(bytes: &'b [u8], options: &ReadOptions, depth: usize) -> Result<Self> {
        let origin = options.origin();
        let mut zip = Container::open(bytes, options.limits, &origin, "Word file")?;
        // The main part is the one `_rels/.rels` names (Word may call it word/document2.xml).
        let package = zip.read("_rels/.rels")?.map(|x| rels(&decode_part(&x), &options.limits)).unwrap_or_default();
        let main = package
            .iter()
            .find(|r| r.kind.ends_with("/officeDocument") && !r.external)
            .map(|r| resolve("", &r.target))
            .filter(|name| zip.names().any(|n| n == *name))
            .unwrap_or_else(|| "word/document.xml".to_owned());
        let part_rels = zip.read(&rels_of(&main))?.map(|x| rels(&decode_part(&x), &options.limits)).unwrap_or_default();
        let numbering_part = part_rels
            .iter()
            .find(|r| r.kind.ends_with("/numbering") && !r.external)
            .map(|r| resolve(&main, &r.target))
            .unwrap_or_else(|| "word/numbering.xml".to_owned());
        let mut chunks = body::Chunks::new();
        for r in part_rels.iter().filter(|r| r.kind.ends_with("/aFChunk")) {
            let chunk = if r.external {
                Err(format!("an embedded document (w:altChunk {}) outside the file ({}): not read", r.id, r.target))
            } else {
                let name = resolve(&main, &r.target);
                match zip.read(&name)? {
                    Some(part) => chunk(&part, &name, options, depth),
                    None => Err(format!("an embedded document (w:altChunk {}) whose part {name} the file does not hold: not read", r.id)),
                }
            };
            chunks.insert(r.id.clone(), chunk);
        }
        let numbering = zip.read(&numbering_part)?;
        let numbering = body::numbering(numbering.as_deref().map(decode_part).as_deref(), &origin, options.limits)?;
        if zip.names().all(|n| n != main) {
            return Err(Error::Parse { origin, line: None, reason: format!("a ZIP file without {main}: not a Word .docx file") });
        }
        Ok(Docx { zip, main, numbering, chunks, origin, limits: options.limits, held: None })
    }

    /// Walks the body as it inflates, handing its blocks to `sink` as they are made (`chunks`:
    /// the embedded documents, taken as their altChunks are met). Only the XML of the element
    /// being read is held, never the part.
    fn walk(&mut self, chunks: &mut body::Chunks, sink: &mut dyn BlockSink<'static>) -> Result<()> {
        use std::io::{BufRead, BufReader, Read};
        let numbering = self.numbering.clone();
        let walked = (|| {
            if let Some(text) = &self.held {
                return body::walk(XmlReader::new(text, self.limits.max_depth), &self.main, numbering, chunks, &self.origin, self.limits, sink);
            }
            let entry = self.zip.stream(&self.main)?.ok_or_else(|| Error::Parse {
                origin: self.origin.clone(),
                line: None,
                reason: format!("a ZIP file without {}: not a Word .docx file", self.main),
            })?;
            let damaged =
                |e: std::io::Error| Error::Parse { origin: self.origin.clone(), line: None, reason: format!("a damaged Word file ({}: {e})", self.main) };
            let mut raw = BufReader::with_capacity(64 << 10, entry);
            let head = raw.fill_buf().map_err(damaged)?;
            match part_encoding(head) {
                // A part in UTF-16 or a declared legacy encoding (Word writes UTF-8) is read
                // whole and decoded, within the same inflate limit.
                Some(e) if e != encoding_rs::UTF_8 => {
                    let mut bytes = Vec::new();
                    raw.read_to_end(&mut bytes).map_err(damaged)?;
                    let text = decode_part(&bytes).into_owned();
                    drop(bytes);
                    body::walk(XmlReader::new(&text, self.limits.max_depth), &self.main, numbering, chunks, &self.origin, self.limits, sink)
                }
                _ => {
                    if head.starts_with(b"\xEF\xBB\xBF") {
                        raw.consume(3);
                    }
                    let text = BufReader::with_capacity(64 << 10, Utf8Lossy::new(raw));
                    body::walk(XmlReader::from_reader(text, self.limits.max_depth), &self.main, numbering, chunks, &self.origin, self.limits, sink)
                }
            }
        })();
        // Past the inflate limit, the read stopped there: that is the error, not what the XML
        // reader made of it.
        self.zip.within_limit()?;
        walked
    }

    /// The most the body can build, from one pass over its bytes as they inflate, without
    /// parsing them: what the walker charges and the table pipeline is charged, by element
    /// (see `body`: a cell 96 bytes and 32 per grid column it spans, again 32 per column in the
    /// table pipeline, a paragraph 160) and text (each byte outside a tag, and each tag whose
    /// attributes can become text, twice and by 4/3 for folding, with the longest list label for
    /// each numbered paragraph). None for a part read as it inflates that is not UTF-8 (its
    /// bytes are not its text); a held part is scanned as decoded.
    fn scanned_bound(&mut self) -> Result<Option<u64>> {
        use std::io::{BufRead, BufReader};
        let label = self.numbering.max_label_bytes();
        let max_cells = self.limits.max_cells as u64;
        let chunks: u64 = self.chunks.values().flatten().flatten().map(assemble::build_bound).sum();
        let counts = match &self.held {
            Some(text) => scan_held(text.as_bytes(), max_cells),
            None => {
                let inflated = self.zip.inflated();
                let scanned = (|| -> std::io::Result<Option<Counts>> {
                    let Some(entry) = self.zip.stream(&self.main).ok().flatten() else { return Ok(None) };
                    let mut raw = BufReader::with_capacity(64 << 10, entry);
                    if part_encoding(raw.fill_buf()?).is_some_and(|e| e != encoding_rs::UTF_8) {
                        return Ok(None);
                    }
                    scan(BufReader::with_capacity(64 << 10, Utf8Lossy::new(raw)), max_cells)
                })();
                self.zip.within_limit()?;
                self.zip.rewind(inflated);
                // A part the scan cannot read is for the walk to report.
                scanned.ok().flatten()
            }
        };
        Ok(counts.map(|c| {
            let elements = 96 * c.cells + 32 * (c.cells + c.spans) + 32 * (2 * c.cells + c.spans) + 160 * c.paragraphs;
            let text = c.text.saturating_add(c.numbered.saturating_mul(label));
            elements.saturating_add(text.saturating_mul(8) / 3).saturating_add(2 * chunks)
        }))
    }

    /// Inflates a body that declares itself small and holds it (its bytes count against the
    /// inflate limit as they come, once), so that the scan and the walk read it from memory.
    /// A body larger than it says stops being held at the limit and is inflated as it is read.
    fn hold_small_body(&mut self) -> Result<&mut Self> {
        use std::io::Read;
        if self.zip.declared_size(&self.main).is_none_or(|size| size > HELD_WHOLE) {
            return Ok(self);
        }
        let inflated = self.zip.inflated();
        let held = match self.zip.stream(&self.main)? {
            Some(entry) => {
                let mut bytes = Vec::new();
                let read = entry.take(HELD_WHOLE + 1).read_to_end(&mut bytes);
                (read.is_ok() && bytes.len() as u64 <= HELD_WHOLE).then(|| decode_part(&bytes).into_owned())
            }
            None => None,
        };
        // Not held (damaged, or larger than it said): read as it inflates, where the walk
        // reports what is wrong.
        if held.is_none() {
            self.zip.rewind(inflated);
        }
        self.held = held;
        Ok(self)
    }

    /// What the body builds, walked once (what the walker charged and its tables' bound).
    fn walked_bound(&mut self) -> Result<u64> {
        let inflated = self.zip.inflated();
        let mut chunks = self.chunks.clone();
        let mut bound = assemble::Bound::default();
        let (walked, charged) = budget::dry_run(|| self.walk(&mut chunks, &mut bound));
        walked?;
        self.zip.rewind(inflated);
        Ok(charged.saturating_add(bound.0))
    }

    /// Whether all the body builds fits the read's budget: walked once, each block dropped as
    /// it comes, what it charged and what its tables would be charged counted, then taken back.
    fn fits_budget(&mut self) -> Result<bool> {
        Ok(budget::fits(self.walked_bound()?))
    }
}

/// What a scan of a body's bytes counts (see [`Docx::scanned_bound`]).
#[derive(Default)]
struct Counts {
    cells: u64,
    spans: u64,
    paragraphs: u64,
    numbered: u64,
    text: u64,
}

/// Counts a body's cells, spans, paragraphs, numbered paragraphs and text from its bytes as
/// they inflate, without parsing them; None past `max_cells` (the walk fails there and says so).
fn scan<R: std::io::BufRead>(mut r: R, max_cells: u64) -> std::io::Result<Option<Counts>> {
    use std::io::BufRead;
    let mut c = Counts::default();
    let mut tag = Vec::with_capacity(256);
    loop {
        // Text up to the next tag (a CDATA section or comment counts whole as text).
        c.text += r.skip_until(b'<')? as u64;
        tag.clear();
        let n = std::io::Read::take(&mut r, TAG_HEAD as u64).read_until(b'>', &mut tag)?;
        if n == 0 {
            break;
        }
        if tag.last() != Some(&b'>') && n == TAG_HEAD {
            c.text += r.skip_until(b'>')? as u64;
        }
        if !c.count(&tag, max_cells) {
            return Ok(None);
        }
    }
    Ok(Some(c))
}

/// [`scan`] of a body held in memory, to the same counts.
fn scan_held(bytes: &[u8], max_cells: u64) -> Option<Counts> {
    let mut c = Counts::default();
    let mut at = 0;
    while at < bytes.len() {
        let Some(lt) = memchr::memchr(b'<', &bytes[at..]) else {
            c.text += (bytes.len() - at) as u64;
            break;
        };
        c.text += lt as u64 + 1;
        at += lt + 1;
        let head = &bytes[at..bytes.len().min(at + TAG_HEAD)];
        let tag = match memchr::memchr(b'>', head) {
            Some(gt) => &head[..=gt],
            None => head,
        };
        at += tag.len();
        if tag.last() != Some(&b'>') && tag.len() == TAG_HEAD {
            let rest = memchr::memchr(b'>', &bytes[at..]).map_or(bytes.len() - at, |gt| gt + 1);
            c.text += rest as u64;
            at += rest;
        }
        if !c.count(tag, max_cells) {
            return None;
        }
    }
    Some(c)
}

/// A tag's first 4 KB hold its name and what is read of its attributes; the rest counts as text.
const TAG_HEAD: usize = 4096;

impl Counts {
    /// Counts one tag (its bytes after `<`); false past `max_cells`.
    fn count(&mut self, tag: &[u8], max_cells: u64) -> bool {
        // An end tag counts for nothing (about half of all tags).
        if tag.first() == Some(&b'/') {
            return true;
        }
        let name_end = tag.iter().position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>')).unwrap_or(tag.len());
        let name = &tag[..name_end];
        let local = name.rsplit(|b| *b == b':').next().unwrap_or(name);
        match local {
            b"p" | b"tc" if self.paragraphs.max(self.cells) >= max_cells => return false,
            b"p" => self.paragraphs += 1,
            b"tc" => self.cells += 1,
            b"numId" => self.numbered += 1,
            b"tab" | b"br" | b"cr" | b"noBreakHyphen" | b"sym" => self.text += 4,
            b"gridSpan" => {
                // Its value, or the most a span is read as (1,000) when it cannot be told here.
                let val = memchr::memmem::find(tag, b"val=").and_then(|at| {
                    // `val="12"`: past the quote; a tag cut after `val=` has no value.
                    let digits: Vec<u8> = tag.get(at + 5..).unwrap_or_default().iter().copied().take_while(u8::is_ascii_digit).collect();
                    std::str::from_utf8(&digits).ok()?.parse::<u64>().ok()
                });
                self.spans += val.unwrap_or(1000).min(1000);
            }
            // Attributes that become text (a field's instruction), and what is not an element:
            // all of it text.
            _ if local == b"fldSimple" || name.first().is_some_and(|b| matches!(b, b'!' | b'?')) => self.text += tag.len() as u64,
            _ => {}
        }
        true
    }
}

/// A Word file's body as blocks; `depth` counts the Word files it is embedded in.
fn docx_blocks(bytes: &[u8], options: &ReadOptions, depth: usize) -> Result<Vec<Block<'static>>> {
    let mut docx = Docx::open(bytes, options, depth)?;
    let mut blocks = Vec::new();
    let mut chunks = std::mem::take(&mut docx.chunks);
    docx.walk(&mut chunks, &mut blocks)?;
    Ok(blocks)
}

/// An altChunk part's blocks: a web page through the HTML reader, a Word file through this one;
/// else why it was not read.
fn chunk(part: &[u8], name: &str, options: &ReadOptions, depth: usize) -> std::result::Result<Vec<Block<'static>>, String> {
    let lower = name.to_ascii_lowercase();
    let result = if part.starts_with(b"PK\x03\x04") {
        if depth >= MAX_CHUNK_DEPTH {
            return Err(format!("an embedded Word file ({name}) nested more than {MAX_CHUNK_DEPTH} deep: not read"));
        }
        docx_blocks(part, options, depth + 1)
    } else if lower.ends_with(".htm") || lower.ends_with(".html") || lower.ends_with(".mht") || lower.ends_with(".mhtml") || HtmlReader.sniff(part) {
        crate::read::html::blocks(part, options)
    } else {
        return Err(format!("an embedded document ({name}) that is neither a web page nor a Word file: not read"));
    };
    result.map_err(|e| format!("an embedded document ({name}) that could not be read: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A body held in memory is counted as the same body read as it inflates, whatever its
    /// bytes: a tag cut at the end, a tag past its 4 KB head, a span's value cut after `val=`.
    #[test]
    fn a_held_body_scans_as_a_streamed_one() {
        let long = format!("<w:p w:x=\"{}\"><w:gridSpan w:val=\"7\"/>", "a".repeat(5000));
        let cut = format!("<w:gridSpan w:val={}", "");
        let head = format!("<w:gridSpan {}val=", " ".repeat(TAG_HEAD - 16));
        for body in ["", "text", "<w:p>", "<w:p><w:r><w:t>字</w:t></w:r></w:p>", "<!-- x --><?xml?>", &long, &cut, &head, "<w:tc><w:tc>>>"] {
            let streamed = scan(body.as_bytes(), 1000).unwrap().unwrap();
            let held = scan_held(body.as_bytes(), 1000).unwrap();
            let fields = |c: &Counts| (c.cells, c.spans, c.paragraphs, c.numbered, c.text);
            assert_eq!(fields(&held), fields(&streamed), "{body:.40}");
        }
        assert!(scan_held(b"<w:p/><w:p/><w:p/>", 2).is_none(), "past max_cells");
    }

    /// The scan's bound is never below what a walk counts, for every Word file of the corpus
    /// and the generated ones (spans, list labels, text boxes, fields).
    #[test]
    fn the_scanned_bound_holds_what_the_walk_counts() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data");
        let mut files: Vec<_> = std::fs::read_dir(&data).unwrap().flatten().map(|e| e.path()).collect();
        files.extend(std::fs::read_dir(data.join("published")).unwrap().flatten().map(|e| e.path()));
        files.extend(std::fs::read_dir(data.join("regressions")).into_iter().flatten().flatten().map(|e| e.path()));
        let mut checked = 0;
        for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "docx")) {
            let bytes = std::fs::read(path).unwrap();
            let options = ReadOptions::default();
            let Ok(mut docx) = Docx::open(&bytes, &options, 0) else { continue };
            let origin = options.origin();
            let (scanned, walked) = budget::within(u64::MAX, &origin, "docx", || Ok((docx.scanned_bound()?, docx.walked_bound()?))).unwrap();
            let scanned = scanned.expect("a UTF-8 part");
            // Held, the body is scanned from memory, to the same count.
            let held = budget::within(u64::MAX, &origin, "docx", || docx.hold_small_body()?.scanned_bound()).unwrap();
            assert!(docx.held.is_some(), "{}: a corpus body is held", path.display());
            assert_eq!(held, Some(scanned), "{}", path.display());
            assert!(scanned >= walked, "{}: scanned {scanned} < walked {walked}", path.display());
            assert!(scanned <= 4 * walked.max(1 << 16), "{}: scanned {scanned}, walked {walked}: too loose to stream", path.display());
            checked += 1;
        }
        assert!(checked >= 4, "{checked} Word files");
    }
}
