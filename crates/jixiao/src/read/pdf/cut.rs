//! Type 1 font programs cut out of a PDF as the read reads the file, before lopdf parses it. The
//! programs are most of a LibreOffice export with CJK fonts (6.6 MB of the sample ×30's 9.3 MB):
//! the file is read a window at a time and only what is kept is held, so the whole file never is
//! (held whole, then cut, it was the read's largest moment, and what the allocator kept of it
//! stayed under the rest of the read). A program's stream is recognised from its text (a
//! dictionary of its own with `/Length1` and `/Length2`, a direct `/Length`, no `/Type` or
//! `/Subtype`, and `endstream` where the length says), its content skipped and its length made
//! 0, and every offset the file gives (its cross-reference tables, `startxref`, a trailer's
//! `/Prev`) rewritten to the same width. Only a file with classic cross-reference tables whose
//! every entry points at its object is cut; an encrypted or linearized file, or one with
//! cross-reference streams, is read as it is. A reader that finds it needs what was cut reads
//! the file again (see `open` in `mod.rs`).

use std::io::{self, Read, Seek, SeekFrom};

use lopdf::ObjectId;
use memchr::memmem;

/// PDF white space (ISO 32000-1, 7.2.2).
fn is_space(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    is_space(b) || b"()<>[]{}/%".contains(&b)
}

/// A decimal number at `at` (no sign): its value and where it ends.
fn number(bytes: &[u8], at: usize) -> Option<(u64, usize)> {
    let len = bytes.get(at..)?.iter().take_while(|b| b.is_ascii_digit()).count();
    if len == 0 || len > 15 {
        return None;
    }
    let value = std::str::from_utf8(&bytes[at..at + len]).ok()?.parse().ok()?;
    Some((value, at + len))
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).copied().is_some_and(is_space) {
        at += 1;
    }
    at
}

/// A place in the file that holds an offset, written with `width` digits.
struct Field {
    at: usize,
    width: usize,
    value: u64,
}

/// A number field at `at` (after white space): the field and where it ends.
fn field(bytes: &[u8], at: usize) -> Option<(Field, usize)> {
    let start = skip_space(bytes, at);
    let (value, end) = number(bytes, start)?;
    Some((Field { at: start, width: end - start, value }, end))
}

/// Whether `N G obj` starts at `at`, with the number and generation given.
fn object_header_at(bytes: &[u8], at: usize, id: ObjectId) -> bool {
    let Some((n, end)) = number(bytes, at) else { return false };
    let Some((g, end)) = number(bytes, skip_space(bytes, end)) else { return false };
    let end = skip_space(bytes, end);
    n == u64::from(id.0) && g == u64::from(id.1) && bytes.get(end..end + 3) == Some(b"obj") && bytes.get(end + 3).is_none_or(|&b| is_delimiter(b))
}

/// Every offset the file's classic cross-reference tables, `startxref` lines and trailers give,
/// and where the tables say objects start; None unless each in-use entry points at its object
/// and each `startxref` and `/Prev` at a table. `bytes` is the file as cut: `locate` says where
/// an offset of the file is in it (None: in what was cut).
fn offsets(bytes: &[u8], locate: &dyn Fn(u64) -> Option<usize>) -> Option<Offsets> {
    let mut fields = Vec::new();
    let mut objects = std::collections::BTreeSet::new();
    // The tables `startxref` points at, and those their trailers' /Prev point at in turn.
    let mut tables: Vec<u64> = Vec::new();
    for at in memmem::find_iter(bytes, b"startxref") {
        let (f, _) = field(bytes, at + 9)?;
        tables.push(f.value);
        fields.push(f);
    }
    let mut seen = std::collections::HashSet::new();
    while let Some(table) = tables.pop() {
        if !seen.insert(table) {
            continue;
        }
        // Incremental updates: a file saved a few times has a table for each; many more is a
        // file made to be slow to look at (tables that share their entries).
        if seen.len() > MAX_TABLES {
            return None;
        }
        let table = locate(table)?;
        if bytes.get(table..table + 4) != Some(b"xref") {
            return None;
        }
        let mut at = table + 4;
        // Subsections, `start count` and that many entries, until the trailer.
        loop {
            at = skip_space(bytes, at);
            if bytes.get(at..at + 7) == Some(b"trailer") {
                break;
            }
            let (start, end) = number(bytes, at)?;
            let (count, end) = number(bytes, skip_space(bytes, end))?;
            at = end;
            for k in 0..count {
                let (offset, end) = field(bytes, at)?;
                let (generation, end) = field(bytes, end)?;
                let kind_at = skip_space(bytes, end);
                at = kind_at + 1;
                match bytes.get(kind_at) {
                    Some(b'n') => {
                        let number = u32::try_from(start + k).ok()?;
                        let generation = u16::try_from(generation.value).ok()?;
                        if !object_header_at(bytes, locate(offset.value)?, (number, generation)) {
                            return None;
                        }
                        objects.insert(offset.value);
                        fields.push(offset);
                    }
                    Some(b'f') => {}
                    _ => return None,
                }
            }
        }
        // The trailer's /Prev, the offset of the table before (a reference would be `N G R`).
        let trailer_end = memmem::find(&bytes[at..], b"startxref").map_or(bytes.len(), |e| at + e);
        for prev in memmem::find_iter(&bytes[at..trailer_end], b"/Prev").map(|p| at + p + 5) {
            if bytes.get(prev).is_some_and(|&b| !is_delimiter(b)) {
                continue;
            }
            let (f, end) = field(bytes, prev)?;
            let reference = number(bytes, skip_space(bytes, end)).is_some_and(|(_, e)| bytes.get(skip_space(bytes, e)) == Some(&b'R'));
            if !reference {
                tables.push(f.value);
                fields.push(f);
            }
        }
    }
    (!seen.is_empty()).then_some(Offsets { fields, objects })
}

/// How many cross-reference tables a file may have to be cut.
const MAX_TABLES: usize = 64;

/// How many `/Length2` keys a file may have to be cut: each is looked at within a few kilobytes
/// (the sample ×30 has 90 programs; a file of 8,192 made to be slow takes about 25 ms).
const MAX_CANDIDATES: usize = 1 << 13;

/// The offsets the file gives, and where its objects start by its tables (in order: the object
/// before a program is looked up).
struct Offsets {
    fields: Vec<Field>,
    objects: std::collections::BTreeSet<u64>,
}

/// A Type 1 program's stream found in the file, its content not yet seen to end where its length
/// says: its object, the digits of its `/Length`, where its content starts and how long it is
/// (all within the bytes looked at).
struct Program {
    id: ObjectId,
    /// Where its object starts (`N G obj`).
    header: usize,
    length_digits: (usize, usize),
    content: usize,
    length: u64,
}

/// The object header `N G obj` that ends right before `at`, within a kilobyte (see
/// `repair::header_before`): its id and where it starts.
fn header_ending_at(bytes: &[u8], at: usize) -> Option<(ObjectId, usize)> {
    let obj = memmem::rfind(&bytes[at.saturating_sub(1024)..at], b"obj")? + at.saturating_sub(1024);
    // Nothing but white space between `obj` and `at`.
    if !bytes[obj + 3..at].iter().all(|&b| is_space(b)) {
        return None;
    }
    let (number, generation, start) = super::repair::header_before(bytes, obj)?;
    Some(((number, generation), start))
}

/// How far before a `/Length2` key its program's object may start: its dictionary's `<<` within
/// 4 KB, the object's header within a kilobyte before that.
const REACH_BACK: usize = 4096 + 1024 + 64;

/// How far after the key its content starts: `>>` within 4 KB, then `stream` and its line end.
const REACH_AHEAD: usize = 4096 + 64;

/// How far after a content's end its `endstream` may be (white space between).
const END_REACH: usize = 1024;

/// The program whose dictionary holds the `/Length2` at `at`, when it is one for sure (its
/// content's end is looked at by the caller).
fn program_at(bytes: &[u8], at: usize) -> Option<Program> {
    // The dictionary is the object's own, flat (no dictionary or string inside), and holds the
    // key at `at`.
    let open = memmem::rfind(&bytes[at.saturating_sub(4096)..at], b"<<")? + at.saturating_sub(4096);
    let (id, header) = header_ending_at(bytes, open)?;
    let close = at + memmem::find(&bytes[at..bytes.len().min(at + 4096)], b">>")?;
    let dict = &bytes[open + 2..close];
    if memmem::find(dict, b"<<").is_some() || dict.contains(&b'(') {
        return None;
    }
    let key = |name: &[u8]| memmem::find_iter(dict, name).find(|&k| k > 0 && dict[k - 1] == b'/' && dict.get(k + name.len()).is_none_or(|&b| is_delimiter(b)));
    if key(b"Type").is_some() || key(b"Subtype").is_some() || key(b"Length1").is_none() || key(b"Length2").is_none() {
        return None;
    }
    let length_at = open + 2 + key(b"Length")? + 6;
    let start = skip_space(bytes, length_at);
    let (length, end) = number(bytes, start)?;
    // A direct length: not `N G R`.
    if number(bytes, skip_space(bytes, end)).is_some_and(|(_, e)| bytes.get(skip_space(bytes, e)) == Some(&b'R')) {
        return None;
    }
    // `>> stream` and its end of line, then the content.
    let keyword = skip_space(bytes, close + 2);
    if bytes.get(keyword..keyword + 6) != Some(b"stream") {
        return None;
    }
    let content = match bytes.get(keyword + 6..keyword + 8) {
        Some(b"\r\n") => keyword + 8,
        Some([b'\n', ..]) => keyword + 7,
        _ => return None,
    };
    Some(Program { id, header, length_digits: (start, end), content, length })
}

/// Whether `endstream` follows `bytes`'s start, after white space.
fn ends_stream(bytes: &[u8]) -> bool {
    let after = skip_space(bytes, 0);
    bytes.get(after..after + 9) == Some(b"endstream")
}

/// A file with its Type 1 programs' content cut, and the programs cut.
pub struct Cut {
    pub bytes: Vec<u8>,
    pub programs: Vec<ObjectId>,
}

/// The key a program's dictionary has and other streams' do not.
const KEY: &[u8] = b"/Length2";

/// How much of the file is read at a time.
const WINDOW: usize = 1 << 20;

/// Reads `file` (`len` bytes, from where it stands) with the content of every Type 1 font
/// program cut out; None when nothing was cut (not such a file, or not one that can be cut for
/// sure), and the file is then read as it is.
pub fn read_cut(file: &mut (impl Read + Seek), len: u64) -> io::Result<Option<Cut>> {
    read_cut_by(file, len, WINDOW)
}

/// [`read_cut`], reading `window` bytes at a time (at least what a program's dictionary spans).
fn read_cut_by(file: &mut (impl Read + Seek), len: u64, window: usize) -> io::Result<Option<Cut>> {
    let window = window.max(2 * (REACH_BACK + REACH_AHEAD));
    let origin = file.stream_position()?;
    // What is read of the file now: its bytes from `start`.
    let mut start = 0u64;
    let mut held: Vec<u8> = Vec::new();
    read_at(file, origin, 0, window.min(usize::try_from(len).unwrap_or(usize::MAX)), &mut held)?;
    if !held.starts_with(b"%PDF-") {
        return Ok(None);
    }
    let mut out: Vec<u8> = Vec::new();
    // The file is in `out` up to `kept`; what is cut, as (start, end, what stands for it).
    let mut kept = 0u64;
    let mut cuts: Vec<(u64, u64, &'static [u8])> = Vec::new();
    let mut programs: Vec<(ObjectId, u64)> = Vec::new();
    let mut candidates = 0usize;
    // Where the next key is looked for, and where refused words were looked for up to.
    let mut scan = 0u64;
    let mut checked = 0u64;
    loop {
        let end = start + held.len() as u64;
        let last = end >= len;
        // A file that may not be cut, by a word anywhere in what is read (the words a window
        // boundary splits are looked at again with the next).
        let from = usize::try_from(checked.saturating_sub(16).saturating_sub(start)).unwrap_or(0).min(held.len());
        if [&b"/Encrypt"[..], b"/XRef", b"/Linearized"].iter().any(|w| memmem::find(&held[from..], w).is_some()) {
            return Ok(None);
        }
        checked = end;
        // Keys far enough from the window's end that their dictionary is all in it.
        let limit = if last { held.len() } else { held.len().saturating_sub(REACH_AHEAD) };
        let mut next = usize::try_from(scan - start).unwrap_or(usize::MAX).min(limit);
        while let Some(k) = memmem::find(&held[next..limit], KEY) {
            let key = next + k + 1;
            next = key;
            candidates += 1;
            if candidates > MAX_CANDIDATES {
                return Ok(None);
            }
            let Some(p) = program_at(&held, key) else { continue };
            // A program's object starts after what was already kept (a file whose dictionaries
            // overlap is not cut there).
            let (header, digits) = (start + p.header as u64, start + p.length_digits.0 as u64);
            let content = start + p.content as u64;
            let Some(content_end) = content.checked_add(p.length).filter(|&e| e <= len) else { continue };
            if header < kept || content_end <= content {
                continue;
            }
            // `endstream` where the length says: in what is read, or read for it.
            let ends = match usize::try_from(content_end - start).ok().filter(|&e| e + END_REACH <= held.len() || last) {
                Some(e) => ends_stream(held.get(e..).unwrap_or_default()),
                None => {
                    let mut tail = Vec::new();
                    read_at(file, origin, content_end, END_REACH.min(usize::try_from(len - content_end).unwrap_or(END_REACH)), &mut tail)?;
                    ends_stream(&tail)
                }
            };
            if !ends {
                continue;
            }
            // What stands before the program's length, `0` for it, what stands between it and
            // the content; the content is skipped.
            let length_end = start + p.length_digits.1 as u64;
            out.extend_from_slice(&held[usize::try_from(kept - start).unwrap_or(0)..p.length_digits.0]);
            out.push(b'0');
            out.extend_from_slice(&held[p.length_digits.1..p.content]);
            cuts.push((digits, length_end, b"0"));
            cuts.push((content, content_end, b""));
            programs.push((p.id, header));
            kept = content_end;
            scan = content_end;
            match usize::try_from(content_end - start) {
                Ok(at) if at <= limit => next = at,
                _ => break,
            }
        }
        if last {
            let from = usize::try_from(kept.saturating_sub(start)).unwrap_or(held.len()).min(held.len());
            out.extend_from_slice(&held[from..]);
            break;
        }
        // The next window keeps what a dictionary may reach back to before where keys are
        // looked for next, and starts no earlier than what is not yet kept (past a program cut,
        // where its content ends).
        // A key that runs past `limit` was not looked at here: the next window looks again from
        // where it may start (a key found here ends before `limit`, and is not found twice).
        let next_scan = scan.max((start + limit as u64).saturating_sub(KEY.len() as u64 - 1));
        let next_start = next_scan.saturating_sub(REACH_BACK as u64).max(kept);
        if kept < next_start {
            let from = usize::try_from(kept - start).unwrap_or(held.len());
            let to = usize::try_from(next_start - start).unwrap_or(held.len()).min(held.len());
            out.extend_from_slice(&held[from..to]);
            kept = next_start;
        }
        scan = next_scan;
        start = next_start;
        if start >= len {
            break;
        }
        read_at(file, origin, start, window.min(usize::try_from(len - start).unwrap_or(window)), &mut held)?;
    }
    drop(held);
    if programs.is_empty() {
        return Ok(None);
    }
    // An offset moves back by what is cut before it; one inside what is cut (an object the
    // tables place inside a program) has nowhere to go, and such a file is not cut.
    let mut removed = Vec::with_capacity(cuts.len());
    let mut total = 0u64;
    for c in &cuts {
        total += c.1 - c.0 - c.2.len() as u64;
        removed.push(total);
    }
    let locate = |offset: u64| -> Option<usize> {
        let inside = cuts.partition_point(|c| c.0 < offset).checked_sub(1).is_some_and(|k| offset < cuts[k].1);
        if inside {
            return None;
        }
        let before = cuts.partition_point(|c| c.1 <= offset);
        usize::try_from(offset - before.checked_sub(1).map_or(0, |k| removed[k])).ok()
    };
    let Some(Offsets { fields, objects }) = offsets(&out, &locate) else { return Ok(None) };
    // A program is an object the tables list (not text inside another stream that looks like one).
    if programs.iter().any(|(_, header)| !objects.contains(header)) {
        return Ok(None);
    }
    // Nor an object inside another's stream, which cutting would shorten under its /Length: the
    // object the tables place before a program ends (`endobj`) before the program starts.
    for &(_, header) in &programs {
        if let Some(&before) = objects.range(..header).next_back() {
            let (Some(from), Some(to)) = (locate(before), locate(header)) else { return Ok(None) };
            if out.get(from..to).is_none_or(|between| memmem::find(between, b"endobj").is_none()) {
                return Ok(None);
            }
        }
    }
    // Each offset written with leading zeros in its own width, so that nothing else moves.
    for f in &fields {
        let Some(moved) = locate(f.value) else { return Ok(None) };
        let text = format!("{moved:0width$}", width = f.width);
        out[f.at..f.at + f.width].copy_from_slice(text.as_bytes());
    }
    out.shrink_to_fit();
    Ok(Some(Cut { bytes: out, programs: programs.into_iter().map(|(id, _)| id).collect() }))
}

/// Reads `count` bytes at `at` (from `origin`) into `into`, in place of what it held.
fn read_at(file: &mut (impl Read + Seek), origin: u64, at: u64, count: usize, into: &mut Vec<u8>) -> io::Result<()> {
    file.seek(SeekFrom::Start(origin + at))?;
    into.clear();
    file.take(count as u64).read_to_end(into)?;
    if into.len() < count {
        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the file grew shorter while it was read"));
    }
    Ok(())
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use lopdf::{Dictionary, Document, Object, Stream, dictionary};

    /// `bytes` read with their programs cut, a window of `window` bytes at a time: the programs
    /// cut, `bytes` then being what was read; None (and `bytes` as they were) when none was.
    fn cut_by(bytes: &mut Vec<u8>, window: usize) -> Option<Vec<ObjectId>> {
        let len = bytes.len() as u64;
        let Cut { bytes: cut, programs } = read_cut_by(&mut std::io::Cursor::new(&bytes[..]), len, window).unwrap()?;
        *bytes = cut;
        Some(programs)
    }

    fn cut_programs(bytes: &mut Vec<u8>) -> Option<Vec<ObjectId>> {
        cut_by(bytes, WINDOW)
    }

    /// A PDF written by hand: the objects as given (numbered), a classic table, a trailer whose
    /// /Root is object 1; `place` says where each object is, by number (default: where it is
    /// written).
    pub(in crate::read::pdf) fn handmade(objects: &[(u32, Vec<u8>)], place: &dyn Fn(&[u8], u32) -> Option<usize>) -> Vec<u8> {
        let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let mut offsets = std::collections::BTreeMap::new();
        for (number, body) in objects {
            offsets.insert(*number, out.len());
            out.extend_from_slice(format!("{number} 0 obj\n").as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let size = offsets.keys().max().map_or(1, |n| n + 1);
        let table = out.len();
        out.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
        for number in 1..size {
            let at = place(&out, number).or_else(|| offsets.get(&number).copied());
            out.extend_from_slice(
                match at {
                    Some(at) => format!("{at:010} 00000 n \n"),
                    None => "0000000000 65535 f \n".to_owned(),
                }
                .as_bytes(),
            );
        }
        out.extend_from_slice(format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{table}\n%%EOF\n").as_bytes());
        out
    }

    /// A stream object's body.
    pub(in crate::read::pdf) fn stream(dict: &str, content: &[u8]) -> Vec<u8> {
        let mut out = format!("<< {dict} /Length {} >>\nstream\n", content.len()).into_bytes();
        out.extend_from_slice(content);
        out.extend_from_slice(b"\nendstream");
        out
    }

    #[test]
    fn an_object_the_table_places_inside_a_program_is_not_cut_away() {
        // Object 4 (the page's content) is written inside program 7's bytes, where the table
        // places it: cutting the program would leave it nowhere.
        let inner = [&b"4 0 obj\n"[..], &stream("", b"BT (Hello) Tj ET"), b"\nendobj\n"].concat();
        let program = [&b"%!PS-AdobeFont-1.0: Bar\n"[..], &inner, &[0x80; 64]].concat();
        let objects = [
            (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
            (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>".to_vec()),
            (3, b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".to_vec()),
            (6, b"<< /Type /FontDescriptor /FontName /Bar /FontFile 7 0 R >>".to_vec()),
            (7, stream("/Length1 10 /Length2 10 /Length3 0", &program)),
        ];
        let mut bytes = handmade(&objects, &|out, n| (n == 4).then(|| memmem::find(out, b"4 0 obj")).flatten());
        assert!(Document::load_mem(&bytes).unwrap().get_object((4, 0)).is_ok(), "lopdf finds it where the table says");
        assert!(cut_programs(&mut bytes).is_none());
    }

    /// A file with two Type 1 programs (their lengths given, as a Type 1 program's are), a page
    /// that draws text, and what lopdf reads of it.
    fn file() -> (Vec<u8>, ObjectId, ObjectId) {
        let mut doc = Document::with_version("1.7");
        // A classic table, as LibreOffice, Word and Chromium write one.
        doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
        let programs: Vec<ObjectId> = (0..2)
            .map(|k| {
                doc.add_object(Stream::new(
                    dictionary! { "Length1" => 4, "Length2" => 4, "Length3" => 0 },
                    format!("%!PS-AdobeFont-1.0 program {k} {}", "x".repeat(500)).into_bytes(),
                ))
            })
            .collect();
        for &program in &programs {
            let descriptor = doc.add_object(dictionary! { "Type" => "FontDescriptor", "FontFile" => program });
            doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "FontDescriptor" => descriptor });
        }
        let content = doc.add_object(Stream::new(Dictionary::new(), b"BT (text) Tj ET".to_vec()));
        let pages = doc.new_object_id();
        let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages, "Contents" => content });
        doc.objects.insert(pages, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }));
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        (bytes, programs[0], content)
    }

    #[test]
    fn programs_are_cut_and_every_object_is_where_the_table_says() {
        let (mut bytes, program, content) = file();
        let before = bytes.len();
        let cut = cut_programs(&mut bytes).expect("two programs");
        assert_eq!(cut.len(), 2);
        assert!(cut.contains(&program));
        assert!(bytes.len() < before - 1000, "{} of {before}", bytes.len());
        // lopdf reads the cut file by its table, with no repair: each object is where it says.
        let doc = Document::load_mem(&bytes).unwrap();
        assert!(doc.get_object(program).unwrap().as_stream().unwrap().content.is_empty());
        assert_eq!(doc.get_object(content).unwrap().as_stream().unwrap().content, b"BT (text) Tj ET");
        assert_eq!(doc.get_pages().len(), 1);
        assert!(cut_programs(&mut bytes).is_none(), "nothing left to cut");
    }

    #[test]
    fn an_incremental_update_keeps_its_chain_of_tables() {
        let (mut bytes, program, content) = file();
        // An update that adds an object: a second table, whose trailer points at the first.
        let first_table = {
            let at = memmem::rfind(&bytes, b"startxref").unwrap();
            field(&bytes, at + 9).unwrap().0.value
        };
        let size = Document::load_mem(&bytes).unwrap().max_id + 1;
        let object_at = bytes.len();
        bytes.extend_from_slice(format!("{size} 0 obj\n(added)\nendobj\n").as_bytes());
        let table_at = bytes.len();
        let root = Document::load_mem(&bytes).unwrap().trailer.get(b"Root").unwrap().as_reference().unwrap();
        bytes.extend_from_slice(
            format!(
                "xref\n{size} 1\n{object_at:010} 00000 n \ntrailer\n<< /Size {} /Root {} {} R /Prev {first_table} >>\nstartxref\n{table_at}\n%%EOF\n",
                size + 1,
                root.0,
                root.1
            )
            .as_bytes(),
        );
        assert!(cut_programs(&mut bytes).is_some());
        let doc = Document::load_mem(&bytes).unwrap();
        assert_eq!(doc.get_object((size, 0)).unwrap().as_str().unwrap(), b"added");
        assert!(doc.get_object(program).unwrap().as_stream().unwrap().content.is_empty());
        assert_eq!(doc.get_object(content).unwrap().as_stream().unwrap().content, b"BT (text) Tj ET");
    }

    #[test]
    fn a_file_whose_table_is_wrong_or_that_is_encrypted_is_left_as_it_is() {
        let (bytes, ..) = file();
        // Every offset one byte off: a table that does not point at its objects.
        let mut moved = bytes.clone();
        moved.insert(9, b' ');
        let original = moved.clone();
        assert!(cut_programs(&mut moved).is_none());
        assert_eq!(moved, original);
        let mut encrypted = bytes.clone();
        let at = memmem::rfind(&encrypted, b"/Root").unwrap();
        encrypted.splice(at..at, b"/Encrypt 99 0 R ".iter().copied());
        assert!(cut_programs(&mut encrypted).is_none());
    }

    #[test]
    fn a_file_changed_in_any_one_byte_is_cut_or_left_without_a_panic_and_reads_as_lopdf_reads_it() {
        let (bytes, ..) = file();
        for at in 0..bytes.len() {
            for change in [b'0', b' ', b'<', b'>', b'/'] {
                let mut changed = bytes.clone();
                changed[at] = change;
                let before = changed.clone();
                // (lopdf reads a sample of them: it is slow unoptimised.)
                if cut_programs(&mut changed).is_some() && at % 16 == 0 {
                    // What lopdf reads of the cut file is what it reads of the file, less the programs.
                    let (Ok(whole), Ok(cut)) = (Document::load_mem(&before), Document::load_mem(&changed)) else { continue };
                    assert_eq!(whole.objects.len(), cut.objects.len(), "a change at {at}");
                }
            }
        }
    }

    #[test]
    fn what_looks_like_a_program_inside_another_stream_is_not_cut() {
        let mut doc = Document::with_version("1.7");
        doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
        let inner = b"99 0 obj\n<</Length1 1/Length2 1/Length 3>>\nstream\nabc\nendstream\nendobj".to_vec();
        let outer = doc.add_object(Stream::new(Dictionary::new(), inner.clone()));
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        assert!(cut_programs(&mut bytes).is_none());
        assert_eq!(Document::load_mem(&bytes).unwrap().get_object(outer).unwrap().as_stream().unwrap().content, inner);
    }

    #[test]
    fn a_stream_whose_length_does_not_end_at_endstream_is_not_cut() {
        let (mut bytes, ..) = file();
        // A program whose /Length says more than it holds: not cut for sure, so not cut.
        let at = memmem::find(&bytes, b"/Length1").unwrap();
        let dict_start = memmem::rfind(&bytes[..at], b"<<").unwrap();
        let length = dict_start + memmem::find(&bytes[dict_start..], b"/Length ").unwrap() + 8;
        let (value, end) = number(&bytes, length).unwrap();
        let longer = format!("{:0width$}", value + 3, width = end - length);
        assert_eq!(longer.len(), end - length, "the same width");
        bytes[length..end].copy_from_slice(longer.as_bytes());
        let cut = cut_programs(&mut bytes).map_or(0, |c| c.len());
        assert_eq!(cut, 1, "only the other program");
    }

    #[test]
    fn a_file_read_a_small_window_at_a_time_is_cut_as_when_read_whole() {
        // Programs larger than a window, and many objects between them, so that windows end
        // inside dictionaries, inside programs and between them.
        let mut doc = Document::with_version("1.7");
        doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
        let mut programs = Vec::new();
        for k in 0..12 {
            let size = [100, 30_000, 7_000, 45_000][k % 4];
            let program = format!("%!PS-AdobeFont-1.0 program {k} {}", "x".repeat(size)).into_bytes();
            programs.push(doc.add_object(Stream::new(dictionary! { "Length1" => 4, "Length2" => 4, "Length3" => 0 }, program)));
            for n in 0..k * 40 {
                doc.add_object(dictionary! { "Type" => "Filler", "N" => n as i64, "Text" => Object::string_literal("y".repeat(n % 300)) });
            }
        }
        let content = doc.add_object(Stream::new(Dictionary::new(), b"BT (text) Tj ET".to_vec()));
        doc.trailer.set("Root", content);
        let mut whole = Vec::new();
        doc.save_to(&mut whole).unwrap();
        let mut expected = whole.clone();
        let cut = cut_by(&mut expected, usize::MAX).expect("cut whole");
        assert_eq!(cut.len(), 12);
        for window in [1, 20_000, 21_337, 65_536] {
            let mut bytes = whole.clone();
            assert_eq!(cut_by(&mut bytes, window).as_deref(), Some(&cut[..]), "window {window}");
            assert!(bytes == expected, "window {window}: the same bytes");
        }
        let read = Document::load_mem(&expected).unwrap();
        for id in programs {
            assert!(read.get_object(id).unwrap().as_stream().unwrap().content.is_empty());
        }
        assert_eq!(read.get_object(content).unwrap().as_stream().unwrap().content, b"BT (text) Tj ET");
    }

    /// A program after `filler` bytes of another stream, and a long stream after it.
    fn placed(filler: usize) -> Vec<u8> {
        let program = [&b"%!PS-AdobeFont-1.0: Bar\n"[..], &[0x80; 64]].concat();
        let objects = [
            (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
            (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>".to_vec()),
            (3, b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".to_vec()),
            (4, stream("", &vec![b'%'; filler])),
            (6, b"<< /Type /FontDescriptor /FontName /Bar /FontFile 7 0 R >>".to_vec()),
            (7, stream("/Length1 10 /Length2 10 /Length3 0", &program)),
            (8, stream("", &vec![b'%'; 30_000])),
        ];
        handmade(&objects, &|_, _| None)
    }

    #[test]
    fn a_key_across_where_a_window_stops_looking_is_found_by_the_next() {
        // Found by a hostile review: a key that ran past `limit` was looked at by no window.
        let base = placed(20_000);
        let mut whole = base.clone();
        cut_by(&mut whole, usize::MAX).expect("cut whole");
        let key = memmem::find(&base, KEY).unwrap();
        for window in key.saturating_sub(8) + REACH_AHEAD..=key + 16 + REACH_AHEAD {
            let mut bytes = base.clone();
            assert!(cut_by(&mut bytes, window).is_some() && bytes == whole, "window {window}");
        }
    }

    #[test]
    fn a_program_inside_another_objects_stream_is_not_cut_even_where_the_table_lists_it() {
        // Found by a hostile review: object 5's content holds object 7, a program, where the
        // table places 7 too; cutting it would shorten 5 under its /Length.
        let inner = [&b"7 0 obj\n"[..], &stream("/Length1 1 /Length2 1 /Length3 0", b"%!PS-AdobeFont-1.0 xxxxxxxxxxxxxxxxxxxxxxxx"), b"\nendobj\n"].concat();
        let objects = [
            (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
            (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>".to_vec()),
            (3, b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".to_vec()),
            (4, stream("", b"BT (Hello) Tj ET")),
            (5, stream("", &inner)),
            (6, b"<< /Type /FontDescriptor /FontName /Bar /FontFile 7 0 R >>".to_vec()),
            (8, b"null".to_vec()),
        ];
        let mut bytes = handmade(&objects, &|out, n| (n == 7).then(|| memmem::find(out, b"7 0 obj")).flatten());
        assert_eq!(Document::load_mem(&bytes).unwrap().get_object((5, 0)).unwrap().as_stream().unwrap().content, inner);
        assert!(cut_programs(&mut bytes).is_none());
    }
}
