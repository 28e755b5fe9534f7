//! Embedded font programs that reading text does not need, left out of the copy pdfplumber
//! reads. pdfplumber-parse 0.4 loads a page's fonts again on every page, and for a Type 1 font
//! with no `/Encoding` it inflates the whole embedded program to find the encoding built into
//! it: for a PDF that LibreOffice exports with CJK fonts, that was over a quarter of the time
//! (callgrind), and the programs are most of the file. A simple font that has a `/ToUnicode`
//! map and a `/Widths` array is read from those two (its text from the map, where the built-in
//! encoding would only be consulted for a code the map leaves out; its glyphs' advances from
//! the widths), so its program is left out. A font without either keeps its program.

use lopdf::{Document, Object, ObjectId};
use std::collections::HashSet;

/// Marks a stream whose content [`load`] left out.
const LEFT_OUT: &[u8] = b"JixiaoLeftOut";

/// The file as lopdf reads it, with the content of each Type 1 font program left out as it is
/// read and the stream marked: the programs are most of what LibreOffice's exports with CJK
/// fonts hold (7.0 MB of the sample ×30's 9.3 MB), and the copy held while the file is counted
/// need not hold them. A copy that keeps one must read the file whole ([`any_left_out`]). Long
/// arrays of numbers are held packed (see `packed`): a copy is written with them unpacked.
pub fn load(bytes: &[u8]) -> lopdf::Result<Document> {
    let doc = Document::load_mem_with_options(bytes, lopdf::LoadOptions::with_filter(leave_program_out))?;
    // Only a font descriptor's program may be left out: a stream that merely has a program's
    // lengths (a page's content, in a crafted file) would not be counted. Then the file is read whole.
    if left_out_not_programs(&doc) {
        return Document::load_mem(bytes);
    }
    Ok(doc)
}

fn leave_program_out(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(stream) = object {
        // A Type 1 program's dictionary gives the lengths of its clear and encrypted parts, and
        // neither a /Type (an object stream has one) nor a /Subtype.
        let d = &stream.dict;
        if d.has(b"Length1") && d.has(b"Length2") && !d.has(b"Type") && !d.has(b"Subtype") {
            stream.set_content(Vec::new());
            stream.dict.set(LEFT_OUT, true);
        }
        // lopdf keeps `object` for an object of the file's own, and takes what is returned for
        // one inside an object stream, which is never a stream: those others are copied, a cost
        // of lopdf's filter (their dictionaries are small beside the programs left out).
        super::packed::pack(object);
        return Some((id, Object::Null));
    }
    super::packed::pack(object);
    Some((id, object.clone()))
}

/// Whether a stream was left out that no font descriptor names as its /FontFile.
fn left_out_not_programs(doc: &Document) -> bool {
    let programs = font_programs(doc);
    doc.objects.iter().any(|(id, o)| is_left_out(o) && !programs.contains(id))
}

/// The streams font descriptors name as their /FontFile.
fn font_programs(doc: &Document) -> HashSet<ObjectId> {
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| if let Ok(Object::Reference(id)) = d.get(b"FontFile") { Some(*id) } else { None })
        .collect()
}

/// Whether every one of `ids` (what `cut` took for programs) is a font descriptor's /FontFile
/// that [`load`] left out as it read the file; not when `load` read the file whole, which gives
/// the cut programs as if they were empty.
pub fn cut_as_left_out(doc: &Document, ids: &[ObjectId]) -> bool {
    let programs = font_programs(doc);
    ids.iter().all(|id| programs.contains(id) && doc.objects.get(id).is_some_and(is_left_out))
}

/// Whether the document holds a stream whose content [`load`] left out.
pub fn any_left_out(doc: &Document) -> bool {
    doc.objects.values().any(is_left_out)
}

fn is_left_out(object: &Object) -> bool {
    matches!(object, Object::Stream(s) if s.dict.has(LEFT_OUT))
}

/// Leaves out the programs of simple fonts that are read without them; whether any was.
pub fn leave_out_unread(doc: &mut Document) -> bool {
    let mut dropped: HashSet<ObjectId> = HashSet::new();
    let mut kept: HashSet<ObjectId> = HashSet::new();
    let mut descriptors: Vec<ObjectId> = Vec::new();
    for object in doc.objects.values() {
        let Ok(font) = object.as_dict() else { continue };
        if !font.get(b"Type").and_then(Object::as_name).is_ok_and(|t| t == b"Font") {
            continue;
        }
        let Ok(Object::Reference(descriptor)) = font.get(b"FontDescriptor") else { continue };
        let Some(Object::Reference(program)) = doc.get_dictionary(*descriptor).ok().and_then(|d| d.get(b"FontFile").ok()) else { continue };
        let simple = font.get(b"Subtype").and_then(Object::as_name).is_ok_and(|s| s == b"Type1" || s == b"MMType1");
        let mapped = matches!(font.get(b"ToUnicode"), Ok(Object::Reference(r)) if doc.get_object(*r).and_then(Object::as_stream).is_ok());
        let widths = font.get(b"Widths").is_ok();
        if simple && mapped && widths {
            dropped.insert(*program);
            descriptors.push(*descriptor);
        } else {
            // A program shared with a font that needs it stays.
            kept.insert(*program);
        }
    }
    let mut changed = false;
    for id in descriptors {
        if let Ok(descriptor) = doc.get_dictionary_mut(id)
            && let Ok(Object::Reference(program)) = descriptor.get(b"FontFile")
            && !kept.contains(program)
        {
            descriptor.remove(b"FontFile");
            changed = true;
        }
    }
    for id in dropped.difference(&kept) {
        doc.objects.remove(id);
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, Stream, dictionary};

    fn font(doc: &mut Document, subtype: &str, to_unicode: bool, widths: bool) -> (ObjectId, ObjectId) {
        let program = doc.add_object(Stream::new(Dictionary::new(), b"%!PS-AdobeFont-1.0".to_vec()));
        let descriptor = doc.add_object(dictionary! { "Type" => "FontDescriptor", "FontFile" => program });
        let mut font = dictionary! { "Type" => "Font", "Subtype" => subtype, "FontDescriptor" => descriptor };
        if to_unicode {
            font.set("ToUnicode", doc.add_object(Stream::new(Dictionary::new(), b"begincmap endcmap".to_vec())));
        }
        if widths {
            font.set("Widths", Object::Array(vec![Object::Integer(500)]));
        }
        doc.add_object(font);
        (descriptor, program)
    }

    #[test]
    fn only_programs_that_text_is_read_without_are_left_out() {
        let mut doc = Document::with_version("1.7");
        let (read_without, gone) = font(&mut doc, "Type1", true, true);
        let cases = [font(&mut doc, "Type1", false, true), font(&mut doc, "Type1", true, false), font(&mut doc, "TrueType", true, true)];
        assert!(leave_out_unread(&mut doc));
        assert!(doc.get_dictionary(read_without).unwrap().get(b"FontFile").is_err());
        assert!(doc.get_object(gone).is_err(), "the program itself is left out");
        for (descriptor, program) in cases {
            assert!(doc.get_dictionary(descriptor).unwrap().get(b"FontFile").is_ok());
            assert!(doc.get_object(program).is_ok());
        }
        assert!(!leave_out_unread(&mut doc), "nothing more to leave out");
    }

    fn saved(doc: &mut Document) -> Vec<u8> {
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    fn program(doc: &Document, descriptor: ObjectId) -> Option<&lopdf::Stream> {
        let Ok(Object::Reference(id)) = doc.get_dictionary(descriptor).unwrap().get(b"FontFile") else { return None };
        doc.get_object(*id).and_then(Object::as_stream).ok()
    }

    #[test]
    fn programs_are_left_out_as_the_file_is_read_and_a_kept_one_says_so() {
        let mut whole = Document::with_version("1.7");
        let (read_without, _) = font(&mut whole, "Type1", true, true);
        let (needed, _) = font(&mut whole, "Type1", false, true);
        // A Type 1 program's dictionary gives the lengths of its parts; other streams have none.
        for descriptor in [read_without, needed] {
            let Ok(Object::Reference(id)) = whole.get_dictionary(descriptor).unwrap().get(b"FontFile") else { panic!() };
            let stream = whole.get_object_mut(*id).and_then(Object::as_stream_mut).unwrap();
            stream.dict.set("Length1", 9);
            stream.dict.set("Length2", 9);
        }
        let bytes = saved(&mut whole);
        let mut doc = load(&bytes).unwrap();
        for descriptor in [read_without, needed] {
            assert!(program(&doc, descriptor).unwrap().content.is_empty(), "left out as it is read");
        }
        let to_unicode = doc.objects.values().filter_map(|o| o.as_stream().ok()).find(|s| s.content.starts_with(b"begincmap"));
        assert!(to_unicode.is_some(), "other streams are read as they are");
        assert!(leave_out_unread(&mut doc));
        assert!(any_left_out(&doc), "the font without a ToUnicode map keeps its program, which was left out");
        let mut lean = Document::with_version("1.7");
        font(&mut lean, "Type1", true, true);
        let mut doc = load(&saved(&mut lean)).unwrap();
        leave_out_unread(&mut doc);
        assert!(!any_left_out(&doc), "every program left out is one the copy leaves out");
    }

    #[test]
    fn a_program_shared_with_a_font_that_needs_it_stays() {
        let mut doc = Document::with_version("1.7");
        let (descriptor, program) = font(&mut doc, "Type1", true, true);
        let other = doc.add_object(dictionary! { "Type" => "FontDescriptor", "FontFile" => program });
        doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "FontDescriptor" => other });
        assert!(!leave_out_unread(&mut doc));
        assert!(doc.get_dictionary(descriptor).unwrap().get(b"FontFile").is_ok());
        assert!(doc.get_object(program).is_ok());
    }
}
