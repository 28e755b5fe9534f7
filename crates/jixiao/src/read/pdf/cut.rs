//! Type 1 font programs cut out of a PDF the read holds in memory, before lopdf parses it. The
//! programs are most of a LibreOffice export with CJK fonts (6.6 MB of the sample ×30's 9.3 MB),
//! and the file is held whole while lopdf builds its copy of every object: the read's largest
//! moment. A program's stream is recognised from its text (a dictionary of its own with
//! `/Length1` and `/Length2`, a direct `/Length`, no `/Type` or `/Subtype`, and `endstream` where
//! the length says), its content cut and its length made 0, and every offset the file gives (its
//! cross-reference tables, `startxref`, a trailer's `/Prev`) rewritten in place to the same width.
//! Only a file with classic cross-reference tables whose every entry points at its object is cut;
//! an encrypted or linearized file, or one with cross-reference streams, is left as it is. A
//! reader that finds it needs what was cut reads the file again (see `open` in `mod.rs`).

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
/// and each `startxref` and `/Prev` at a table.
fn offsets(bytes: &[u8]) -> Option<Offsets> {
    let mut fields = Vec::new();
    let mut objects = std::collections::HashSet::new();
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
        let table = usize::try_from(table).ok()?;
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
                        if !object_header_at(bytes, usize::try_from(offset.value).ok()?, (number, generation)) {
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

/// The offsets the file gives, and where its objects start by its tables.
struct Offsets {
    fields: Vec<Field>,
    objects: std::collections::HashSet<u64>,
}

/// A Type 1 program's stream found in the file: its object, the digits of its `/Length`, and
/// its content.
struct Program {
    id: ObjectId,
    /// Where its object starts (`N G obj`).
    header: usize,
    length_digits: (usize, usize),
    content: (usize, usize),
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

/// The program whose dictionary holds the `/Length2` at `at`, when it is one for sure.
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
    // `>> stream` and its end of line, the content, then `endstream`.
    let keyword = skip_space(bytes, close + 2);
    if bytes.get(keyword..keyword + 6) != Some(b"stream") {
        return None;
    }
    let content = match bytes.get(keyword + 6..keyword + 8) {
        Some(b"\r\n") => keyword + 8,
        Some([b'\n', ..]) => keyword + 7,
        _ => return None,
    };
    let content_end = content.checked_add(usize::try_from(length).ok()?)?;
    let after = skip_space(bytes, content_end);
    if bytes.get(after..after + 9) != Some(b"endstream") {
        return None;
    }
    Some(Program { id, header, length_digits: (start, end), content: (content, content_end) })
}

/// Cuts the content of every Type 1 font program out of `bytes`, in place; the programs cut,
/// or None when nothing was (not such a file, or not one that can be cut for sure).
pub fn cut_programs(bytes: &mut Vec<u8>) -> Option<Vec<ObjectId>> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.starts_with(b"%PDF-") {
        return None;
    }
    let keys: Vec<usize> = memmem::find_iter(bytes, b"/Length2").take(MAX_CANDIDATES + 1).map(|k| k + 1).collect();
    if keys.is_empty() || keys.len() > MAX_CANDIDATES {
        return None;
    }
    for refused in [&b"/Encrypt"[..], b"/XRef", b"/Linearized"] {
        if memmem::find(bytes, refused).is_some() {
            return None;
        }
    }
    let Offsets { fields, objects } = offsets(bytes)?;
    // A program is an object the tables list (not text inside another stream that looks like
    // one), with content to cut.
    let programs: Vec<Program> =
        keys.into_iter().filter_map(|k| program_at(bytes, k)).filter(|p| objects.contains(&(p.header as u64)) && p.content.1 > p.content.0).collect();
    if programs.is_empty() {
        return None;
    }
    // The edits, in file order: each program's length digits become `0`, its content goes.
    let mut cuts: Vec<(usize, usize, &[u8])> = Vec::with_capacity(programs.len() * 2);
    for p in &programs {
        cuts.push((p.length_digits.0, p.length_digits.1, b"0"));
        cuts.push((p.content.0, p.content.1, b""));
    }
    cuts.sort_unstable_by_key(|c| c.0);
    if cuts.windows(2).any(|w| w[0].1 > w[1].0) {
        return None;
    }
    // An offset inside what is cut (an object the tables place inside a program) would have
    // nowhere to go: such a file is not cut.
    let inside = |offset: usize| cuts.partition_point(|c| c.0 < offset).checked_sub(1).is_some_and(|k| offset < cuts[k].1);
    if fields.iter().any(|f| usize::try_from(f.value).map_or(true, inside)) {
        return None;
    }
    // An offset moves back by what is cut before it, and is written with leading zeros in its
    // own width, so that nothing else moves.
    let mut removed = Vec::with_capacity(cuts.len());
    let mut total = 0usize;
    for c in &cuts {
        total += c.1 - c.0 - c.2.len();
        removed.push(total);
    }
    for f in &fields {
        let offset = usize::try_from(f.value).ok()?;
        let before = cuts.partition_point(|c| c.1 <= offset);
        let moved = offset - before.checked_sub(1).map_or(0, |k| removed[k]);
        let text = format!("{moved:0width$}", width = f.width);
        bytes[f.at..f.at + f.width].copy_from_slice(text.as_bytes());
    }
    // What is kept moves forward over what is cut.
    let mut write = cuts[0].0;
    for (k, &(_, end, with)) in cuts.iter().enumerate() {
        bytes[write..write + with.len()].copy_from_slice(with);
        write += with.len();
        let next = cuts.get(k + 1).map_or(bytes.len(), |c| c.0);
        bytes.copy_within(end..next, write);
        write += next - end;
    }
    bytes.truncate(write);
    bytes.shrink_to_fit();
    Some(programs.iter().map(|p| p.id).collect())
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use lopdf::{Dictionary, Document, Object, Stream, dictionary};

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
}
