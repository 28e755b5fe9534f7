//! A page's `/MediaBox` said once, by its parent in the page tree, when every page under that
//! parent gives the same one: in the copy pdfplumber reads, which holds every page's dictionary
//! until the last page is read (a box is four of lopdf's objects, about 600 bytes a page with
//! its entry), and which finds a page's box up the tree as the standard says (ISO 32000-1,
//! 7.7.3.4: MediaBox is inheritable).

use lopdf::{Document, Object, ObjectId};

/// Moves each shared `/MediaBox` to the parent; whether any was moved.
pub fn share_media_boxes(doc: &mut Document) -> bool {
    let parents: Vec<(ObjectId, Vec<ObjectId>)> = doc
        .objects
        .iter()
        .filter_map(|(&id, o)| {
            let d = o.as_dict().ok()?;
            if !d.get(b"Type").and_then(Object::as_name).is_ok_and(|t| t == b"Pages") {
                return None;
            }
            let kids = d.get(b"Kids").and_then(Object::as_array).ok()?;
            Some((id, kids.iter().filter_map(|k| k.as_reference().ok()).collect()))
        })
        .collect();
    let mut moved = false;
    for (parent, kids) in parents {
        let Some(shared) = shared_box(doc, parent, &kids) else { continue };
        for kid in &kids {
            if let Ok(d) = doc.get_dictionary_mut(*kid) {
                d.remove(b"MediaBox");
            }
        }
        if let Ok(d) = doc.get_dictionary_mut(parent) {
            d.set("MediaBox", shared);
        }
        moved = true;
    }
    moved
}

/// The box every kid of `parent` gives, when each is a page whose /Parent is `parent` and they
/// all give the same one, as the parent does if it gives one; more than one kid.
fn shared_box(doc: &Document, parent: ObjectId, kids: &[ObjectId]) -> Option<Object> {
    if kids.len() < 2 {
        return None;
    }
    let mut shared: Option<&Object> = doc.get_dictionary(parent).ok()?.get(b"MediaBox").ok();
    for kid in kids {
        let d = doc.get_dictionary(*kid).ok()?;
        let page = d.get(b"Type").and_then(Object::as_name).is_ok_and(|t| t == b"Page");
        if !page || d.get(b"Parent").and_then(Object::as_reference).ok() != Some(parent) {
            return None;
        }
        let own = d.get(b"MediaBox").ok()?;
        match shared {
            Some(s) if s != own => return None,
            _ => shared = Some(own),
        }
    }
    shared.cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn tree(boxes: &[Vec<i64>]) -> (Document, ObjectId, Vec<ObjectId>) {
        let mut doc = Document::with_version("1.7");
        let parent = doc.new_object_id();
        let kids: Vec<ObjectId> = boxes
            .iter()
            .map(|b| {
                doc.add_object(dictionary! { "Type" => "Page", "Parent" => parent, "MediaBox" => b.iter().map(|&n| Object::Integer(n)).collect::<Vec<_>>() })
            })
            .collect();
        doc.objects.insert(
            parent,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => kids.iter().map(|&k| k.into()).collect::<Vec<Object>>(), "Count" => kids.len() as i64 },
            ),
        );
        (doc, parent, kids)
    }

    #[test]
    fn a_box_every_page_gives_is_said_once_by_their_parent() {
        let a4 = vec![0, 0, 595, 842];
        let (mut doc, parent, kids) = tree(&[a4.clone(), a4.clone(), a4.clone()]);
        assert!(share_media_boxes(&mut doc));
        let expected: Vec<Object> = a4.iter().map(|&n| Object::Integer(n)).collect();
        assert_eq!(doc.get_dictionary(parent).unwrap().get(b"MediaBox").unwrap().as_array().unwrap(), &expected);
        assert!(kids.iter().all(|k| !doc.get_dictionary(*k).unwrap().has(b"MediaBox")));
    }

    #[test]
    fn pages_that_differ_keep_their_own() {
        let (mut doc, parent, kids) = tree(&[vec![0, 0, 595, 842], vec![0, 0, 842, 595]]);
        assert!(!share_media_boxes(&mut doc));
        assert!(!doc.get_dictionary(parent).unwrap().has(b"MediaBox"));
        assert!(kids.iter().all(|k| doc.get_dictionary(*k).unwrap().has(b"MediaBox")));
    }

    #[test]
    fn a_parent_with_another_box_or_a_page_of_another_parent_is_left_alone() {
        let a4 = vec![0, 0, 595, 842];
        let (mut doc, parent, _) = tree(&[a4.clone(), a4.clone()]);
        doc.get_dictionary_mut(parent).unwrap().set("MediaBox", vec![Object::Integer(0), Object::Integer(0), Object::Integer(1), Object::Integer(1)]);
        assert!(!share_media_boxes(&mut doc));
        let (mut doc, _, kids) = tree(&[a4.clone(), a4]);
        doc.get_dictionary_mut(kids[1]).unwrap().set("Parent", Object::Reference((999, 0)));
        assert!(!share_media_boxes(&mut doc));
    }
}
