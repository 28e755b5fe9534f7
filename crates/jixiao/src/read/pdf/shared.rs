//! Fonts that a file repeats, kept once in the copy pdfplumber reads. A file joined from several
//! exports (pypdf's append, a print server's batch, a bureau's volume of departments) carries
//! each part's fonts again: the sample ×30 holds 150 fonts and their descriptors, widths and
//! ToUnicode maps, of which 5 differ, and pdfplumber holds every object it parses until the last
//! page is read (a `/Widths` array of 200 numbers is about 10 kB in lopdf's objects). Only fonts
//! and what they refer to are merged, and never a page, a node of the page tree, an annotation,
//! an optional-content group or a structure element (two of those that are the same object are
//! not the same thing twice: two kids that are one object would be one page twice).

use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::hash_map::RandomState;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};

/// Rounds of merging: a round merges the objects whose parts are already merged, so a font is
/// merged in as many rounds as its references are deep (map, descriptor, font: three).
const MAX_ROUNDS: usize = 8;

/// Objects a font may refer to that are never merged.
const NEVER_MERGED: [&[u8]; 6] = [b"Page", b"Pages", b"Annot", b"OCG", b"OCMD", b"StructElem"];

/// Keeps each font, and each object a font refers to, once: every reference to a repeat is
/// pointed at the first of its kind, and the repeat taken out. Whether any was.
pub fn merge_repeated_fonts(doc: &mut Document) -> bool {
    let candidates = font_objects(doc);
    let mut same: HashMap<ObjectId, ObjectId> = HashMap::new();
    // Objects are told apart by a hash of what they are (a font program is hashed, not copied,
    // and once, not every round), and two with the same hash compared whole.
    let hashing = RandomState::new();
    let contents: HashMap<ObjectId, u64> =
        candidates.iter().filter_map(|id| Some((*id, hashing.hash_one(&doc.objects.get(id)?.as_stream().ok()?.content)))).collect();
    for _ in 0..MAX_ROUNDS {
        let mut first: HashMap<u64, Vec<ObjectId>> = HashMap::new();
        let mut merged = false;
        for &id in &candidates {
            if same.contains_key(&id) {
                continue;
            }
            let Some(object) = doc.objects.get(&id) else { continue };
            let mut hasher = hashing.build_hasher();
            fingerprint(object, &same, &mut hasher);
            if let Some(content) = contents.get(&id) {
                hasher.write_u64(*content);
            }
            let kinds = first.entry(hasher.finish()).or_default();
            match kinds.iter().find(|k| doc.objects.get(k).is_some_and(|kept| equal(kept, object, &same))) {
                Some(&kept) => {
                    same.insert(id, kept);
                    merged = true;
                }
                None => kinds.push(id),
            }
        }
        if !merged {
            break;
        }
    }
    if same.is_empty() {
        return false;
    }
    // An object kept in one round may be merged in a later one: each repeat points at the end
    // of its chain (which never loops: an object merged is never kept again).
    let ends: Vec<(ObjectId, ObjectId)> = same.keys().map(|&id| (id, end(&same, id))).collect();
    same.extend(ends);
    for object in doc.objects.values_mut() {
        repoint(object, &same);
    }
    for (_, value) in doc.trailer.iter_mut() {
        repoint(value, &same);
    }
    for id in same.keys() {
        doc.objects.remove(id);
    }
    true
}

/// The fonts (`/Type /Font`) and every object they refer to, in id order (so that the first of
/// a kind is the one kept); never one of [`NEVER_MERGED`], nor what only it refers to.
fn font_objects(doc: &Document) -> Vec<ObjectId> {
    let mut seen: HashSet<ObjectId> = HashSet::new();
    let mut todo: Vec<ObjectId> = doc.objects.iter().filter(|(_, o)| type_is(o, b"Font")).map(|(id, _)| *id).collect();
    while let Some(id) = todo.pop() {
        let Some(object) = doc.objects.get(&id) else { continue };
        if NEVER_MERGED.iter().any(|t| type_is(object, t)) || !seen.insert(id) {
            continue;
        }
        references(object, &mut todo);
    }
    let mut ids: Vec<ObjectId> = seen.into_iter().collect();
    ids.sort_unstable();
    ids
}

fn end(same: &HashMap<ObjectId, ObjectId>, mut id: ObjectId) -> ObjectId {
    for _ in 0..=same.len() {
        match same.get(&id) {
            Some(&next) => id = next,
            None => break,
        }
    }
    id
}

fn type_is(object: &Object, name: &[u8]) -> bool {
    let dict = match object {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        _ => return false,
    };
    dict.get(b"Type").and_then(Object::as_name).is_ok_and(|t| t == name)
}

fn references(object: &Object, out: &mut Vec<ObjectId>) {
    match object {
        Object::Reference(id) => out.push(*id),
        Object::Array(items) => items.iter().for_each(|o| references(o, out)),
        Object::Dictionary(d) => d.iter().for_each(|(_, o)| references(o, out)),
        Object::Stream(s) => s.dict.iter().for_each(|(_, o)| references(o, out)),
        _ => {}
    }
}

/// What the object is (a stream's content aside), with each reference to a merged object read
/// as one to the object kept: two objects that are the same to a reader hash the same.
fn fingerprint(object: &Object, same: &HashMap<ObjectId, ObjectId>, out: &mut impl Hasher) {
    match object {
        Object::Null => out.write_u8(0),
        Object::Boolean(b) => out.write(&[1, u8::from(*b)]),
        Object::Integer(i) => {
            out.write_u8(2);
            out.write_i64(*i);
        }
        Object::Real(r) => {
            out.write_u8(3);
            out.write_u32(r.to_bits());
        }
        Object::Name(n) => {
            out.write_u8(4);
            out.write_usize(n.len());
            out.write(n);
        }
        Object::String(s, format) => {
            out.write_u8(if matches!(format, lopdf::StringFormat::Literal) { 5 } else { 6 });
            out.write_usize(s.len());
            out.write(s);
        }
        Object::Array(items) => {
            out.write_u8(7);
            out.write_usize(items.len());
            items.iter().for_each(|o| fingerprint(o, same, out));
        }
        Object::Dictionary(d) => {
            out.write_u8(8);
            dictionary(d, same, out);
        }
        // Its content is hashed apart, once (see `merge_repeated_fonts`).
        Object::Stream(s) => {
            out.write_u8(9);
            dictionary(&s.dict, same, out);
            out.write_usize(s.content.len());
        }
        Object::Reference(id) => {
            let (number, generation) = end(same, *id);
            out.write_u8(10);
            out.write_u32(number);
            out.write_u16(generation);
        }
    }
}

fn dictionary(d: &Dictionary, same: &HashMap<ObjectId, ObjectId>, out: &mut impl Hasher) {
    out.write_usize(d.len());
    for (name, value) in d.iter() {
        out.write_usize(name.len());
        out.write(name);
        fingerprint(value, same, out);
    }
}

/// Whether two objects are the same to a reader, references to merged objects read as ones to
/// the object kept.
fn equal(a: &Object, b: &Object, same: &HashMap<ObjectId, ObjectId>) -> bool {
    match (a, b) {
        (Object::Reference(x), Object::Reference(y)) => end(same, *x) == end(same, *y),
        (Object::Real(x), Object::Real(y)) => x.to_bits() == y.to_bits(),
        (Object::Array(x), Object::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| equal(x, y, same)),
        (Object::Dictionary(x), Object::Dictionary(y)) => equal_dictionaries(x, y, same),
        (Object::Stream(x), Object::Stream(y)) => equal_dictionaries(&x.dict, &y.dict, same) && x.content == y.content,
        (Object::Null | Object::Boolean(_) | Object::Integer(_) | Object::Name(_) | Object::String(..), _) => a == b,
        _ => false,
    }
}

fn equal_dictionaries(a: &Dictionary, b: &Dictionary, same: &HashMap<ObjectId, ObjectId>) -> bool {
    a.len() == b.len() && a.iter().zip(b.iter()).all(|((ka, va), (kb, vb))| ka == kb && equal(va, vb, same))
}

fn repoint(object: &mut Object, same: &HashMap<ObjectId, ObjectId>) {
    match object {
        Object::Reference(id) => {
            if let Some(kept) = same.get(id) {
                *id = *kept;
            }
        }
        Object::Array(items) => items.iter_mut().for_each(|o| repoint(o, same)),
        Object::Dictionary(d) => d.iter_mut().for_each(|(_, o)| repoint(o, same)),
        Object::Stream(s) => s.dict.iter_mut().for_each(|(_, o)| repoint(o, same)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, Stream, dictionary};

    /// A font with its own descriptor and ToUnicode map, the same as every other made here.
    fn font(doc: &mut Document) -> ObjectId {
        let map = doc.add_object(Stream::new(Dictionary::new(), b"begincmap endcmap".to_vec()));
        let descriptor = doc.add_object(dictionary! { "Type" => "FontDescriptor", "FontName" => "SimSun" });
        doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "SimSun",
            "FontDescriptor" => descriptor, "ToUnicode" => map, "Widths" => vec![Object::Integer(500); 3],
        })
    }

    fn page(doc: &mut Document, parent: ObjectId, font: ObjectId) -> ObjectId {
        let resources = dictionary! { "Font" => dictionary! { "F1" => font } };
        doc.add_object(dictionary! { "Type" => "Page", "Parent" => parent, "Resources" => resources })
    }

    #[test]
    fn a_repeated_font_and_what_it_refers_to_are_kept_once_and_pages_point_at_it() {
        let mut doc = Document::with_version("1.7");
        let pages = doc.new_object_id();
        let (a, b) = (font(&mut doc), font(&mut doc));
        let (one, two) = (page(&mut doc, pages, a), page(&mut doc, pages, b));
        // Two pages that are the same object twice would be one page: they are never merged.
        let three = page(&mut doc, pages, b);
        doc.objects.insert(pages, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![one.into(), two.into(), three.into()], "Count" => 3 }));
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        let before = doc.objects.len();
        assert!(merge_repeated_fonts(&mut doc));
        assert_eq!(doc.objects.len(), before - 3, "the second font, its descriptor and its map");
        let font_of = |page| {
            let resources = doc.get_dictionary(page).unwrap().get(b"Resources").unwrap().as_dict().unwrap();
            resources.get(b"Font").unwrap().as_dict().unwrap().get(b"F1").unwrap().as_reference().unwrap()
        };
        assert_eq!((font_of(one), font_of(two), font_of(three)), (a, a, a));
        assert!(doc.get_object(b).is_err());
        assert_eq!(doc.get_pages().len(), 3);
        assert!(!merge_repeated_fonts(&mut doc), "nothing more to merge");
    }

    #[test]
    fn fonts_that_differ_in_anything_stay_apart() {
        let mut doc = Document::with_version("1.7");
        let (a, b) = (font(&mut doc), font(&mut doc));
        doc.get_dictionary_mut(b).unwrap().set("Widths", vec![Object::Integer(500), Object::Integer(500), Object::Integer(501)]);
        let before = doc.objects.len();
        assert!(merge_repeated_fonts(&mut doc), "their descriptors and maps are the same");
        assert_eq!(doc.objects.len(), before - 2);
        assert!(doc.get_object(a).is_ok() && doc.get_object(b).is_ok(), "two fonts: their widths differ");
    }
}
