//! A PDF whose cross-reference table is wrong (offsets shifted by bytes added or taken out in
//! front, as a mail gateway or an editor does) or gone (a cut tail) still opens in viewers: they
//! rebuild the table by scanning the file for `N G obj`. [`rebuild`] does the same: a copy of the
//! file with a new table and trailer appended, each object at the last place it is defined (a
//! later definition is an update), the trailer's /Root taken from the last trailer the file has,
//! else from the object that says `/Type /Catalog`. Objects inside object streams are found
//! through their stream, which the new table lists.

use memchr::memmem;

/// The objects defined in the file: (number, generation, offset), the last definition of each.
fn objects(bytes: &[u8]) -> Vec<(u32, u16, usize)> {
    let mut found: std::collections::BTreeMap<u32, (u16, usize)> = std::collections::BTreeMap::new();
    for at in memmem::find_iter(bytes, b"obj") {
        // Not `endobj`, and `obj` ends a token.
        if at > 0 && bytes[at - 1].is_ascii_alphabetic() {
            continue;
        }
        if bytes.get(at + 3).is_some_and(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        let Some((number, generation, start)) = header_before(bytes, at) else { continue };
        found.insert(number, (generation, start));
    }
    found.into_iter().map(|(n, (g, o))| (n, g, o)).collect()
}

/// `N G ` right before `obj` at `at`: the numbers and where N starts.
pub fn header_before(bytes: &[u8], at: usize) -> Option<(u32, u16, usize)> {
    let mut i = at;
    let skip_space = |i: &mut usize| {
        while *i > 0 && bytes[*i - 1].is_ascii_whitespace() {
            *i -= 1;
        }
    };
    let digits = |i: &mut usize| -> Option<&[u8]> {
        let end = *i;
        while *i > 0 && bytes[*i - 1].is_ascii_digit() && end - *i < 10 {
            *i -= 1;
        }
        (*i < end).then(|| &bytes[*i..end])
    };
    skip_space(&mut i);
    let generation = std::str::from_utf8(digits(&mut i)?).ok()?.parse().ok()?;
    let before = i;
    skip_space(&mut i);
    if i == before {
        return None;
    }
    let number = std::str::from_utf8(digits(&mut i)?).ok()?.parse().ok()?;
    // The number starts a line or follows white space or a delimiter.
    if i > 0 && !(bytes[i - 1].is_ascii_whitespace() || b">)]".contains(&bytes[i - 1])) {
        return None;
    }
    Some((number, generation, i))
}

/// `/Root N G R` in the last trailer, else the catalog's number.
fn root(bytes: &[u8], objects: &[(u32, u16, usize)]) -> Option<(u32, u16)> {
    if let Some(t) = memmem::rfind(bytes, b"/Root") {
        let rest = &bytes[t + 5..bytes.len().min(t + 40)];
        let text = String::from_utf8_lossy(rest);
        let mut words = text.split_ascii_whitespace();
        if let (Some(n), Some(g), Some(r)) = (words.next(), words.next(), words.next())
            && r.starts_with('R')
            && let (Ok(n), Ok(g)) = (n.parse(), g.parse())
        {
            return Some((n, g));
        }
    }
    objects.iter().rev().find_map(|&(n, g, at)| {
        let end = memmem::find(&bytes[at..], b"endobj").map_or(bytes.len(), |e| at + e).min(at + 4096);
        let body: Vec<u8> = bytes[at..end].iter().copied().filter(|b| !b.is_ascii_whitespace()).collect();
        memmem::find(&body, b"/Type/Catalog").map(|_| (n, g))
    })
}

/// The file with a rebuilt cross-reference table appended; None when it defines no object or
/// names no catalog.
pub fn rebuild(bytes: &[u8]) -> Option<Vec<u8>> {
    let objects = objects(bytes);
    let (root_n, root_g) = root(bytes, &objects)?;
    let size = objects.last()?.0.checked_add(1)?;
    if size as usize > objects.len().saturating_mul(4) + 1024 {
        // Numbers far past the objects there are: the table would be mostly empty rows.
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() + size as usize * 20 + 128);
    out.extend_from_slice(bytes);
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {size}\n").bytes());
    let mut next = objects.iter().peekable();
    for n in 0..size {
        match next.next_if(|(m, _, _)| *m == n) {
            Some(&(_, g, at)) => out.extend(format!("{at:010} {g:05} n\r\n").bytes()),
            None => out.extend(b"0000000000 65535 f\r\n"),
        }
    }
    out.extend(format!("trailer\n<< /Size {size} /Root {root_n} {root_g} R >>\nstartxref\n{xref}\n%%EOF\n").bytes());
    Some(out)
}

/// A document lopdf read, and the bytes it read it from when they are not the file's own.
pub struct Loaded {
    pub doc: lopdf::Document,
    pub rewritten: Option<Vec<u8>>,
}

/// The file as lopdf reads it (Type 1 font programs left out: see `programs::load`), as it is
/// or from its `%PDF-` header (whatever came before it cut off, as pdfplumber does when it opens
/// a file). A file whose table must be rebuilt is read again rebuilt (see `pages`), where the
/// rebuilt read counts only when it finds something.
pub fn load(bytes: &[u8]) -> Option<Loaded> {
    if let Ok(doc) = super::programs::load(bytes) {
        return Some(Loaded { doc, rewritten: None });
    }
    let start = memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").filter(|&at| at > 0)?;
    let body = &bytes[start..];
    let doc = super::programs::load(body).ok()?;
    Some(Loaded { doc, rewritten: Some(body.to_vec()) })
}

/// Cuts every /Parent chain of the page tree that comes back on itself (a page whose /Parent is
/// the page, two nodes that are each other's parent), at the last node before the repeat: a
/// page's inherited attributes are looked for up the chain, by pdfplumber without end (a 2.7 KB
/// file a fuzzer made hung it). Whether any was cut.
pub fn cut_parent_loops(doc: &mut lopdf::Document) -> bool {
    let mut cut = Vec::new();
    for page in doc.get_pages().into_values() {
        let mut seen = std::collections::HashSet::from([page]);
        let mut node = page;
        while let Ok(parent) = doc.get_dictionary(node).and_then(|d| d.get(b"Parent")).and_then(lopdf::Object::as_reference) {
            if !seen.insert(parent) {
                cut.push(node);
                break;
            }
            node = parent;
        }
    }
    for node in &cut {
        if let Ok(dict) = doc.get_dictionary_mut(*node) {
            dict.remove(b"Parent");
        }
    }
    !cut.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_are_found_where_they_stand() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj<< /Type /Pages >>endobj\n";
        let found = objects(pdf);
        assert_eq!(found.iter().map(|o| (o.0, o.1)).collect::<Vec<_>>(), [(1, 0), (2, 0)]);
        assert_eq!(&pdf[found[0].2..found[0].2 + 7], b"1 0 obj");
        assert_eq!(root(pdf, &found), Some((1, 0)));
        let fixed = rebuild(pdf).unwrap();
        assert!(fixed.ends_with(b"%%EOF\n") && memmem::find(&fixed, b"/Root 1 0 R").is_some());
    }

    #[test]
    fn parent_chains_that_loop_are_cut_before_the_repeat() {
        use lopdf::{Object, dictionary};
        let mut doc = lopdf::Document::with_version("1.4");
        let pages = doc.new_object_id();
        let (looping, fine, deep) = (doc.new_object_id(), doc.new_object_id(), doc.new_object_id());
        let inner = doc.new_object_id();
        doc.objects
            .insert(pages, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![looping.into(), fine.into(), inner.into()], "Count" => 3 }));
        doc.objects.insert(looping, Object::Dictionary(dictionary! { "Type" => "Page", "Parent" => looping }));
        doc.objects.insert(fine, Object::Dictionary(dictionary! { "Type" => "Page", "Parent" => pages }));
        // A page under a node whose parent is the page's parent's child: inner -> deep -> inner.
        doc.objects.insert(inner, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![deep.into()], "Count" => 1, "Parent" => deep }));
        doc.objects.insert(deep, Object::Dictionary(dictionary! { "Type" => "Page", "Parent" => inner }));
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        assert!(cut_parent_loops(&mut doc));
        assert!(doc.get_dictionary(looping).unwrap().get(b"Parent").is_err(), "a page that is its own parent");
        assert!(doc.get_dictionary(fine).unwrap().get(b"Parent").is_ok(), "a chain that ends stays");
        assert!(
            doc.get_dictionary(deep).unwrap().get(b"Parent").is_ok() && doc.get_dictionary(inner).unwrap().get(b"Parent").is_err(),
            "cut at the node before the repeat"
        );
        assert!(!cut_parent_loops(&mut doc));
    }
}
