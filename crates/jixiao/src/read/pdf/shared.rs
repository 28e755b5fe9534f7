//! Fonts that a file repeats, kept once in the copy pdfplumber reads. A file joined from several
//! exports (pypdf's append, a print server's batch, a bureau's volume of departments) carries
//! each part's fonts again: the sample ×30 holds 150 fonts and their descriptors, widths and
//! ToUnicode maps, of which 5 differ, and pdfplumber holds every object it parses until the last
//! page is read (a `/Widths` array of 200 numbers is about 10 kB in lopdf's objects). Only fonts
//! and what they refer to are merged: two pages, or two annotations, that are the same object
//! twice are not the same page twice.

use lopdf::{Document, Object, ObjectId};
use std::collections::{HashMap, HashSet};

/// Rounds of merging: a round merges the objects whose parts are already merged, so a font is
/// merged in as many rounds as its references are deep (map, descriptor, font: three).
const MAX_ROUNDS: usize = 8;

/// Keeps each font, and each object a font refers to, once: every reference to a repeat is
/// pointed at the first of its kind, and the repeat taken out. Whether any was.
pub fn merge_repeated_fonts(doc: &mut Document) -> bool {
    let candidates = font_objects(doc);
    let mut same: HashMap<ObjectId, ObjectId> = HashMap::new();
    for _ in 0..MAX_ROUNDS {
        let mut first: HashMap<Vec<u8>, ObjectId> = HashMap::new();
        let mut merged = false;
        let mut key = Vec::new();
        for &id in &candidates {
            if same.contains_key(&id) {
                continue;
            }
            let Some(object) = doc.objects.get(&id) else { continue };
            key.clear();
            fingerprint(object, &same, &mut key);
            match first.get(&key) {
                Some(&kept) => {
                    same.insert(id, kept);
                    merged = true;
                }
                None => {
                    first.insert(key.clone(), id);
                }
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
/// a kind is the one kept); never a page or the page tree.
fn font_objects(doc: &Document) -> Vec<ObjectId> {
    let mut seen: HashSet<ObjectId> = HashSet::new();
    let mut todo: Vec<ObjectId> = doc.objects.iter().filter(|(_, o)| type_is(o, b"Font")).map(|(id, _)| *id).collect();
    while let Some(id) = todo.pop() {
        let Some(object) = doc.objects.get(&id) else { continue };
        if type_is(object, b"Page") || type_is(object, b"Pages") || !seen.insert(id) {
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

/// What the object is, byte for byte, with each reference to a merged object read as one to
/// the object kept: two objects with the same fingerprint are the same to a reader.
fn fingerprint(object: &Object, same: &HashMap<ObjectId, ObjectId>, out: &mut Vec<u8>) {
    let bytes = |out: &mut Vec<u8>, b: &[u8]| {
        out.extend_from_slice(&(b.len() as u64).to_le_bytes());
        out.extend_from_slice(b);
    };
    match object {
        Object::Null => out.push(0),
        Object::Boolean(b) => out.extend_from_slice(&[1, u8::from(*b)]),
        Object::Integer(i) => {
            out.push(2);
            out.extend_from_slice(&i.to_le_bytes());
        }
        Object::Real(r) => {
            out.push(3);
            out.extend_from_slice(&r.to_bits().to_le_bytes());
        }
        Object::Name(n) => {
            out.push(4);
            bytes(out, n);
        }
        Object::String(s, format) => {
            out.push(if matches!(format, lopdf::StringFormat::Literal) { 5 } else { 6 });
            bytes(out, s);
        }
        Object::Array(items) => {
            out.push(7);
            out.extend_from_slice(&(items.len() as u64).to_le_bytes());
            items.iter().for_each(|o| fingerprint(o, same, out));
        }
        Object::Dictionary(d) => {
            out.push(8);
            dictionary(d, same, out);
        }
        Object::Stream(s) => {
            out.push(9);
            dictionary(&s.dict, same, out);
            bytes(out, &s.content);
        }
        Object::Reference(id) => {
            let (number, generation) = end(same, *id);
            out.push(10);
            out.extend_from_slice(&number.to_le_bytes());
            out.extend_from_slice(&generation.to_le_bytes());
        }
    }
}

fn dictionary(d: &lopdf::Dictionary, same: &HashMap<ObjectId, ObjectId>, out: &mut Vec<u8>) {
    out.extend_from_slice(&(d.len() as u64).to_le_bytes());
    for (name, value) in d.iter() {
        out.extend_from_slice(&(name.len() as u64).to_le_bytes());
        out.extend_from_slice(name);
        fingerprint(value, same, out);
    }
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
