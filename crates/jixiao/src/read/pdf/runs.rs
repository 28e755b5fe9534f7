//! The copy pdfplumber reads, cut into runs of pages, each a file of its own: pdfplumber parses
//! every object of what it opens and holds them to its last page
//! (`docs/pdfplumber-parse-limits.md` §5), so a long document read as one file holds all its
//! pages' streams and dictionaries to the end; read run by run, it holds one run's.
//!
//! A run holds its pages, with what they inherit up the page tree written into them (ISO
//! 32000-1, 7.7.3.4: Resources, MediaBox, CropBox, Rotate), and every object they reach, but not
//! the tree itself, other pages, or what only the document holds (its outline, structure tree
//! and names): reading text needs none of them.

use std::collections::BTreeSet;

use lopdf::{Dictionary, Document, Object, ObjectId};

/// Pages in a run: long enough that the objects the runs share (fonts, a page's box) are
/// written a few times, not once a page; short enough that a run is a small part of a long
/// document.
pub const PAGES_PER_RUN: usize = 64;

/// A run of pages, written as a file.
pub struct Run {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// What a page inherits from its ancestors when it does not say it itself.
const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// Keys that lead out of a page to the rest of the document: the page tree (`Parent`), an
/// annotation's page (`P`), and the annotations themselves, which link to other pages and to
/// form fields spread over the document. Reading a page's text follows none of them.
const LEFT: [&[u8]; 3] = [b"Parent", b"P", b"Annots"];

/// `doc`'s pages, in page order, in runs of `per_run`; None when it has no more than one run of
/// pages (read whole, as it is), a run cannot be written, or the runs together would pass twice
/// the document: each run repeats what its pages share (a font, a picture), and 20,000 pages
/// sharing one large stream would hold it 313 times.
pub fn split(doc: &Document, per_run: usize) -> Option<Vec<Run>> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if pages.len() <= per_run.max(1) {
        return None;
    }
    // The document's size, about: its streams and a little for each other object.
    let whole: usize = doc.objects.values().map(|o| 64 + if let Object::Stream(s) = o { s.content.len() } else { 0 }).sum();
    let mut total = 0usize;
    let mut runs = Vec::new();
    for run in pages.chunks(per_run.max(1)) {
        let run = write_run(doc, run)?;
        total = total.saturating_add(run.bytes.len());
        if total > whole.saturating_mul(2) {
            return None;
        }
        runs.push(run);
    }
    Some(runs)
}

fn write_run(doc: &Document, pages: &[ObjectId]) -> Option<Run> {
    let mut out = Document::with_version(doc.version.clone());
    // Two numbers after the document's last for the run's page tree and catalog (none left: the
    // copy is read whole).
    let tree = (doc.max_id.checked_add(1)?, 0);
    let catalog = (doc.max_id.checked_add(2)?, 0);
    let own: BTreeSet<ObjectId> = pages.iter().copied().collect();
    let mut reached: Vec<ObjectId> = Vec::new();
    for &id in pages {
        let mut page = doc.get_dictionary(id).ok()?.clone();
        for key in INHERITED {
            if !page.has(key)
                && let Some(value) = inherited(doc, id, key)
            {
                page.set(key, value.clone());
            }
        }
        page.remove(b"Annots");
        page.set("Parent", Object::Reference(tree));
        references(&Object::Dictionary(page.clone()), &mut reached);
        out.objects.insert(id, Object::Dictionary(page));
    }
    while let Some(id) = reached.pop() {
        if out.objects.contains_key(&id) || id == tree || id == catalog {
            continue;
        }
        // A reference to nothing stays one, as it is in the document.
        let Ok(object) = doc.get_object(id) else { continue };
        // Another run's page, or the page tree, is not this run's.
        if !own.contains(&id) && object.as_dict().is_ok_and(|d| d.get(b"Type").and_then(Object::as_name).is_ok_and(|t| t == b"Page" || t == b"Pages")) {
            continue;
        }
        references(object, &mut reached);
        out.objects.insert(id, object.clone());
    }
    let mut kids = Dictionary::new();
    kids.set("Type", Object::Name(b"Pages".to_vec()));
    kids.set("Kids", Object::Array(pages.iter().map(|&p| Object::Reference(p)).collect()));
    kids.set("Count", Object::Integer(pages.len() as i64));
    out.objects.insert(tree, Object::Dictionary(kids));
    let mut root = Dictionary::new();
    root.set("Type", Object::Name(b"Catalog".to_vec()));
    root.set("Pages", Object::Reference(tree));
    out.objects.insert(catalog, Object::Dictionary(root));
    out.trailer.set("Root", Object::Reference(catalog));
    out.max_id = catalog.0;
    let mut bytes = Vec::new();
    out.save_to(&mut bytes).ok()?;
    Some(Run { bytes, pages: pages.len() })
}

/// `key` as the nearest ancestor of page `id` gives it, up a tree whose loops were cut (see
/// `repair::cut_parent_loops`); a chain longer than the document is taken for a loop.
fn inherited<'d>(doc: &'d Document, id: ObjectId, key: &[u8]) -> Option<&'d Object> {
    let mut at = doc.get_dictionary(id).ok()?.get(b"Parent").and_then(Object::as_reference).ok()?;
    for _ in 0..doc.objects.len() {
        let node = doc.get_dictionary(at).ok()?;
        if let Ok(value) = node.get(key) {
            return Some(value);
        }
        at = node.get(b"Parent").and_then(Object::as_reference).ok()?;
    }
    None
}

/// The objects `object` refers to, but not through the keys that lead out of a page (`LEFT`).
fn references(object: &Object, out: &mut Vec<ObjectId>) {
    let mut stack = vec![object];
    while let Some(o) = stack.pop() {
        match o {
            Object::Reference(id) => out.push(*id),
            Object::Array(items) => stack.extend(items),
            Object::Dictionary(d) => stack.extend(d.iter().filter(|(k, _)| !LEFT.contains(&k.as_slice())).map(|(_, v)| v)),
            Object::Stream(s) => stack.extend(s.dict.iter().filter(|(k, _)| !LEFT.contains(&k.as_slice())).map(|(_, v)| v)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn a_document_with_no_object_number_left_is_read_whole() {
        // Found by a hostile review: an update that adds object 4294967294 left no numbers for
        // a run's page tree and catalog (the sum overflowed).
        let mut doc = Document::with_version("1.7");
        let pages = doc.new_object_id();
        let kids: Vec<Object> = (0..65).map(|_| Object::Reference(doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages }))).collect();
        doc.objects.insert(pages, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 65 }));
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        assert_eq!(split(&doc, PAGES_PER_RUN).map(|runs| runs.len()), Some(2));
        doc.objects.insert((u32::MAX - 1, 0), Object::Null);
        doc.max_id = u32::MAX - 1;
        assert!(split(&doc, PAGES_PER_RUN).is_none());
    }

    #[test]
    fn pages_that_share_a_large_stream_are_read_whole_not_in_runs_that_repeat_it() {
        let mut doc = Document::with_version("1.7");
        let pages = doc.new_object_id();
        let shared = doc.add_object(lopdf::Stream::new(Dictionary::new(), vec![b'x'; 100_000]));
        let resources = dictionary! { "XObject" => dictionary! { "Im1" => shared } };
        let kids: Vec<Object> = (0..640)
            .map(|_| Object::Reference(doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages, "Resources" => resources.clone() })))
            .collect();
        doc.objects.insert(pages, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 640 }));
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        // Ten runs would hold the stream ten times.
        assert!(split(&doc, PAGES_PER_RUN).is_none());
    }
}
