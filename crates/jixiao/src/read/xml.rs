//! A small pull reader over quick-xml for the Office parts (document.xml, numbering.xml):
//! local names, attributes by local name, text with entity and character references resolved,
//! and a bound on nesting depth so that a hostile file cannot exhaust the stack or the memory.

use std::borrow::Cow;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

/// An element's local name: borrowed for the names Office parts are made of, so that a
/// document.xml of a million elements is not a million small allocations.
pub type Name = Cow<'static, str>;

/// One XML event, reduced to what the readers use.
#[derive(Debug, Clone, PartialEq)]
pub enum Xml {
    /// A start tag: its local name (`w:p` → `p`) and the attributes a reader asks for
    /// ([`KEPT_ATTRIBUTES`]), by local name.
    Start(Name, Vec<(String, String)>),
    /// The end of an element (also sent right after the start of an empty element).
    End(Name),
    /// Character data, references resolved.
    Text(String),
}

pub struct XmlReader<R> {
    reader: quick_xml::Reader<R>,
    /// The bytes of the event being read (a reader over a stream owns them).
    buf: Vec<u8>,
    /// Elements open now.
    depth: usize,
    max_depth: usize,
    /// The end of an empty element, sent on the next call.
    pending_end: Option<Name>,
}

/// Why an XML part could not be read.
#[derive(Debug)]
pub enum XmlError {
    Syntax(String),
    TooDeep(usize),
}

/// Expands to the `&'static str` among the literals equal to a name, if any.
macro_rules! static_name {
    ($name:expr; $($known:literal)*) => {
        match $name { $($known => Some($known),)* _ => None }
    };
}

/// `w:p` → `p`.
fn local_part(name: &str) -> &str {
    memchr::memrchr(b':', name.as_bytes()).map_or(name, |i| &name[i + 1..])
}

fn local(name: &str) -> Name {
    let name = local_part(name);
    let known = static_name!(name;
        "p" "r" "t" "pPr" "rPr" "tbl" "tr" "tc" "tcPr" "tcW" "tblPr" "tblGrid" "gridCol" "trPr" "gridSpan" "vMerge"
        "rFonts" "sz" "szCs" "b" "bCs" "i" "iCs" "color" "lang" "kern" "spacing" "jc" "ind" "rStyle" "pStyle" "br" "tab"
        "tabs" "fldChar" "instrText" "fldSimple" "numPr" "ilvl" "numId" "vAlign" "shd" "tcBorders" "top" "left" "bottom"
        "right" "insideH" "insideV" "tblW" "tblBorders" "tblLayout" "tblCellMar" "tblLook" "tblInd" "snapToGrid"
        "adjustRightInd" "widowControl" "textAlignment" "proofErr" "bookmarkStart" "bookmarkEnd" "lastRenderedPageBreak"
        "noProof" "w" "vertAlign" "u" "highlight" "cr" "noBreakHyphen" "trHeight" "cantSplit" "tblHeader" "hideMark"
        "lvl" "lvlText" "numFmt" "start" "abstractNum" "abstractNumId" "num"
        "table" "table-row" "table-cell" "covered-table-cell" "span" "s" "table-column");
    known.map_or_else(|| Cow::Owned(name.to_owned()), Cow::Borrowed)
}

/// The attributes some reader asks for: the others (Word's `rsid*` on every paragraph and run,
/// fonts, sizes) are not copied. [`attr`] checks in debug builds that it is asked for no other.
pub const KEPT_ATTRIBUTES: &[&str] = &[
    "val",
    "type",
    "fldCharType",
    "instr",
    "abstractNumId",
    "numId",
    "ilvl",
    "name",
    "number-rows-repeated",
    "number-columns-repeated",
    "value-type",
    "formula",
    "space",
    // SpreadsheetML (Excel 2003 XML): `ss:Index`, `ss:MergeAcross`, `ss:Type`, a style's `ss:ID`…
    "Index",
    "MergeAcross",
    "MergeDown",
    "Type",
    "StyleID",
    "ID",
    "Format",
    "Name",
    "Parent",
    "Span",
    // Word: a symbol's font and code (`w:sym`), a relationship's id (`r:id`) and target.
    "font",
    "char",
    "id",
    "Id",
    "Target",
    "TargetMode",
];

fn attributes(e: &BytesStart<'_>) -> Vec<(String, String)> {
    e.attributes()
        .flatten()
        .filter(|a| {
            let key: &str = a.key.as_ref();
            KEPT_ATTRIBUTES.contains(&local_part(key))
        })
        .map(|a| {
            let value = a.normalized_value(XmlVersion::Implicit1_0).map(|v| v.into_owned()).unwrap_or_else(|_| a.value.to_string());
            (local(a.key.as_ref()).into_owned(), value)
        })
        .collect()
}

/// The text a general reference stands for: the five XML entities and character references.
fn resolve(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0').map(String::from);
    }
    Some(
        match name {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            _ => return None,
        }
        .to_owned(),
    )
}

impl<'a> XmlReader<&'a [u8]> {
    /// A reader of a part held whole: its events borrow the text, which is UTF-8 already.
    pub fn new(xml: &'a str, max_depth: usize) -> Self {
        XmlReader { reader: quick_xml::Reader::from_str(xml), buf: Vec::new(), depth: 0, max_depth, pending_end: None }
    }
}

impl<R: std::io::BufRead> XmlReader<Streamed<R>> {
    /// A reader of UTF-8 XML as it streams in (see [`Utf8Lossy`] for bytes that may not be).
    pub fn from_reader(reader: R, max_depth: usize) -> Self {
        XmlReader { reader: quick_xml::Reader::from_reader(Streamed(reader)), buf: Vec::new(), depth: 0, max_depth, pending_end: None }
    }
}

/// A part as it streams in: each event is read into the reader's buffer.
pub struct Streamed<R>(R);

impl<R: std::io::Read> std::io::Read for Streamed<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(out)
    }
}

impl<R: std::io::BufRead> std::io::BufRead for Streamed<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.0.fill_buf()
    }
    fn consume(&mut self, n: usize) {
        self.0.consume(n)
    }
}

/// Where an [`XmlReader`] reads its events from: a part held whole (borrowed, as it is) or one
/// streaming in (copied into a buffer, one event at a time).
pub trait Source: Sized {
    fn event<'b>(reader: &'b mut quick_xml::Reader<Self>, buf: &'b mut Vec<u8>) -> quick_xml::Result<Event<'b>>;
}

impl Source for &[u8] {
    fn event<'b>(reader: &'b mut quick_xml::Reader<Self>, _buf: &'b mut Vec<u8>) -> quick_xml::Result<Event<'b>> {
        reader.read_event()
    }
}

impl<R: std::io::BufRead> Source for Streamed<R> {
    fn event<'b>(reader: &'b mut quick_xml::Reader<Self>, buf: &'b mut Vec<u8>) -> quick_xml::Result<Event<'b>> {
        buf.clear();
        reader.read_event_into(buf)
    }
}

impl<R: Source> XmlReader<R> {
    /// The byte offset reached in the part.
    pub fn position(&self) -> u64 {
        self.reader.buffer_position()
    }

    /// The byte offset in the part where the last syntax error was met.
    pub fn error_position(&self) -> u64 {
        self.reader.error_position()
    }

    /// The next event; None at the end of the part.
    pub fn next(&mut self) -> Result<Option<Xml>, XmlError> {
        if let Some(name) = self.pending_end.take() {
            return Ok(Some(Xml::End(name)));
        }
        loop {
            let event = R::event(&mut self.reader, &mut self.buf).map_err(|e| XmlError::Syntax(e.to_string()))?;
            return Ok(Some(match event {
                Event::Start(e) => {
                    self.depth += 1;
                    if self.depth > self.max_depth {
                        return Err(XmlError::TooDeep(self.max_depth));
                    }
                    Xml::Start(local(e.name().as_ref()), attributes(&e))
                }
                Event::Empty(e) => {
                    let name = local(e.name().as_ref());
                    self.pending_end = Some(name.clone());
                    Xml::Start(name, attributes(&e))
                }
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    Xml::End(local(e.name().as_ref()))
                }
                Event::Text(t) => Xml::Text(t.xml10_content().into_owned()),
                Event::CData(t) => Xml::Text(t.to_string()),
                Event::GeneralRef(r) => Xml::Text(resolve(&r).unwrap_or_else(|| format!("&{};", &*r))),
                Event::Eof => return Ok(None),
                _ => continue,
            }));
        }
    }
}

/// An XML part's text, in the encoding its BOM or declaration names (Word writes UTF-8, but a
/// part saved as UTF-16 is valid XML too); UTF-8 is validated with SIMD and repaired only when it
/// is not UTF-8.
pub fn decode_part(bytes: &[u8]) -> Cow<'_, str> {
    match part_encoding(bytes) {
        Some(e) if e != encoding_rs::UTF_8 => Cow::Owned(e.decode_with_bom_removal(bytes).0.into_owned()),
        _ => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match simdutf8::basic::from_utf8(bytes) {
                Ok(s) => Cow::Borrowed(s),
                Err(_) => String::from_utf8_lossy(bytes),
            }
        }
    }
}

/// Bytes that should be UTF-8, as UTF-8: what is not (a byte that starts no character, a
/// sequence cut short) becomes U+FFFD, as [`decode_part`] repairs a whole part, so that a part
/// read as it streams reads as the same part read whole. A character split across two reads is
/// carried over to the next.
pub struct Utf8Lossy<R> {
    inner: R,
    /// Bytes read and not yet handed on, from `start` to `end`; those before `good` are UTF-8.
    raw: Box<[u8]>,
    start: usize,
    good: usize,
    end: usize,
    /// Whether the inner reader is at its end.
    eof: bool,
    /// What is left to hand on of a replacement character.
    carry: &'static [u8],
}

impl<R: std::io::Read> Utf8Lossy<R> {
    pub fn new(inner: R) -> Self {
        Utf8Lossy { inner, raw: vec![0; 64 << 10].into_boxed_slice(), start: 0, good: 0, end: 0, eof: false, carry: &[] }
    }
}

impl<R: std::io::Read> std::io::Read for Utf8Lossy<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            // The rest of a replacement a short read could not take.
            if !self.carry.is_empty() {
                let n = self.carry.len().min(out.len());
                out[..n].copy_from_slice(&self.carry[..n]);
                self.carry = &self.carry[n..];
                return Ok(n);
            }
            // What is handed on is a byte stream: a read may end inside a character checked
            // whole.
            if self.start < self.good {
                let n = (self.good - self.start).min(out.len());
                out[..n].copy_from_slice(&self.raw[self.start..self.start + n]);
                self.start += n;
                return Ok(n);
            }
            let pending = &self.raw[self.start..self.end];
            if !pending.is_empty() {
                let (valid, bad) = match simdutf8::compat::from_utf8(pending) {
                    Ok(_) => (pending.len(), None),
                    Err(e) => (e.valid_up_to(), e.error_len()),
                };
                if valid > 0 {
                    self.good = self.start + valid;
                    continue;
                }
                match bad {
                    Some(len) => {
                        self.start += len;
                        self.carry = REPLACEMENT;
                        continue;
                    }
                    // A character cut short by the end of what was read: more is needed, or at
                    // the end it is a sequence cut short.
                    None if self.eof => {
                        self.start = self.end;
                        self.carry = REPLACEMENT;
                        continue;
                    }
                    None => {}
                }
            } else if self.eof {
                return Ok(0);
            }
            // Keep the cut character at the front, and read on after it.
            self.raw.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            (self.start, self.good) = (0, 0);
            let n = self.inner.read(&mut self.raw[self.end..])?;
            if n == 0 {
                self.eof = true;
            }
            self.end += n;
        }
    }
}

/// U+FFFD, what a byte that is not UTF-8 reads as.
const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();

/// The encoding of an XML part that starts with `head` (its first 200 bytes or more), from its
/// BOM or declaration; None when it says none (UTF-8).
pub fn part_encoding(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    match encoding_rs::Encoding::for_bom(head) {
        Some((e, _)) => Some(e),
        None if head.starts_with(b"<\0?\0") => Some(encoding_rs::UTF_16LE),
        None if head.starts_with(b"\0<\0?") => Some(encoding_rs::UTF_16BE),
        None => declared_encoding(head),
    }
}

/// The encoding an XML declaration names (`<?xml version="1.0" encoding="GBK"?>`).
fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes.get(..bytes.len().min(200))?;
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = memchr::memmem::find(head, b"?>")?;
    let decl = &head[..end];
    let at = memchr::memmem::find(decl, b"encoding")? + b"encoding".len();
    let rest = decl[at..].trim_ascii_start().strip_prefix(b"=")?.trim_ascii_start();
    let quote = *rest.first()?;
    let rest = rest.get(1..)?;
    let close = memchr::memchr(quote, rest)?;
    encoding_rs::Encoding::for_label(&rest[..close])
}

/// The value of attribute `name` (local name).
pub fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    debug_assert!(KEPT_ATTRIBUTES.contains(&name), "attribute {name} is not kept by the XML reader");
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(xml: &str) -> Vec<Xml> {
        let mut r = XmlReader::new(xml, 10);
        let mut out = Vec::new();
        while let Some(e) = r.next().unwrap() {
            out.push(e);
        }
        out
    }

    #[test]
    fn references_and_empty_elements() {
        let events = all(r#"<w:p><w:t xml:space="preserve">a&amp;b&#x4E2D;</w:t><w:br/></w:p>"#);
        let text: String = events.iter().filter_map(|e| if let Xml::Text(t) = e { Some(t.as_str()) } else { None }).collect();
        assert_eq!(text, "a&b中");
        assert!(events.contains(&Xml::Start("br".into(), vec![])));
        assert!(events.contains(&Xml::End("br".into())));
        assert_eq!(attr(&[("space".into(), "preserve".into())], "space"), Some("preserve"));
    }

    #[test]
    fn a_stream_that_is_not_utf8_reads_as_the_part_read_whole() {
        use std::io::Read;
        // Characters cut by every read size, bytes that start no character, a sequence cut
        // short at the end.
        let mut bytes = "绩效目标表 ≥95% 𠀀".repeat(50).into_bytes();
        bytes.extend(b"\xFFok\xE7\xBB");
        bytes.extend("中".as_bytes());
        bytes.extend(b"\xE7\xBB");
        let whole = decode_part(&bytes).into_owned();
        for chunk in [1, 2, 3, 5, 7, 64] {
            struct Chunks<'a>(&'a [u8], usize);
            impl Read for Chunks<'_> {
                fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                    let n = self.1.min(self.0.len()).min(out.len());
                    out[..n].copy_from_slice(&self.0[..n]);
                    self.0 = &self.0[n..];
                    Ok(n)
                }
            }
            let mut s = Vec::new();
            std::io::BufReader::new(Utf8Lossy::new(Chunks(&bytes, chunk))).read_to_end(&mut s).unwrap();
            assert_eq!(String::from_utf8_lossy(&s), whole, "reads of {chunk} bytes");
            assert_eq!(s, whole.as_bytes(), "reads of {chunk} bytes");
        }
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "<a>".repeat(20) + &"</a>".repeat(20);
        let mut r = XmlReader::new(&deep, 10);
        let err = loop {
            match r.next() {
                Ok(Some(_)) => continue,
                Ok(None) => panic!("no error"),
                Err(e) => break e,
            }
        };
        assert!(matches!(err, XmlError::TooDeep(10)));
    }
}
