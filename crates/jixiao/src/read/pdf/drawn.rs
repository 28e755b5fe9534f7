//! What reading a page costs pdfplumber, counted before it builds the page: a glyph for each
//! byte of a string shown (at most: a two-byte font shows one glyph for two), four rulings for
//! each rectangle (`re`), one object for each path segment, inline image and shading, each
//! token of the content (pdfplumber tokenizes a whole stream before it interprets it), and for
//! each XObject a page draws (`/Name Do`) an object for an image, or for a form what the form
//! costs, as many times as it is drawn. A content stream of 2 M glyphs deflates to a few
//! kilobytes, and a few forms that each draw the one below twice draw 2^n times the last one's
//! glyphs; pdfplumber builds all of it before any limit it has is checked, so each page's cost
//! must fit in the read's budget first.

use std::collections::{HashMap, HashSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

/// What a read holds for one glyph or ruling while its page is read: pdfplumber's `Char` (text,
/// font name, box, matrix, colours), its words and jixiao's items from them. A page of 10,000
/// one-glyph words peaks at 12.2 MB over the file (tests/amplification.rs), 1.2 KB a glyph;
/// strings of two-byte codes count two here for each glyph they show, so 1 KB a counted byte.
/// A path segment, an image and a shading count as much.
pub const OBJECT_COST: u64 = 1024;
/// What a read holds for one token of a content stream while its page is read: pdfplumber
/// tokenizes a whole stream before it interprets it (an operator with its operands, some 50
/// bytes a token where a page of 400,000 `0 0 m 1 1 2 2 3 3 c S` peaks at 395 MB).
pub const TOKEN_COST: u64 = 64;
/// What a read keeps of a glyph or ruling after its page (its part of the page's items),
/// charged to the budget for good.
pub const KEPT_COST: u64 = 64;

/// What reading a page costs pdfplumber, at most: the objects it builds and the tokens it
/// reads them from.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cost {
    pub objects: u64,
    pub tokens: u64,
}

impl Cost {
    /// Everything: what nothing may be read past.
    pub(crate) const UNBOUNDED: Cost = Cost { objects: u64::MAX, tokens: u64::MAX };

    fn plus(self, other: Cost) -> Cost {
        Cost { objects: self.objects.saturating_add(other.objects), tokens: self.tokens.saturating_add(other.tokens) }
    }

    /// The larger of each part.
    pub fn max(self, other: Cost) -> Cost {
        Cost { objects: self.objects.max(other.objects), tokens: self.tokens.max(other.tokens) }
    }

    fn times(self, n: u64) -> Cost {
        Cost { objects: self.objects.saturating_mul(n), tokens: self.tokens.saturating_mul(n) }
    }

    /// The bytes a page of this cost holds while it is read.
    pub fn while_read(self) -> u64 {
        self.objects.saturating_mul(OBJECT_COST).saturating_add(self.tokens.saturating_mul(TOKEN_COST))
    }

    /// The bytes a page of this cost leaves in what the read keeps.
    pub fn kept(self) -> u64 {
        self.objects.saturating_mul(KEPT_COST)
    }
}

/// What each page of `doc` costs to read, at most, in page order. Forms are followed as
/// pdfplumber follows them: through the resources of the page or the form that draws them (a
/// form without its own takes its caller's), at most `max_depth` deep.
pub fn per_page(doc: &Document, max_stream_bytes: usize, max_depth: usize) -> Vec<Cost> {
    let mut forms = Forms { doc, max_stream_bytes, max_depth, drawn: HashMap::new(), open: HashSet::new(), cycle: false };
    let pages = doc.get_pages();
    let mut out = Vec::with_capacity(pages.len());
    for (_, id) in pages {
        let resources = page_resources(doc, id);
        let mut cost = Cost::default();
        forms.cycle = false;
        for content in doc.get_page_contents(id) {
            if let Ok(stream) = doc.get_object(content).and_then(Object::as_stream) {
                cost = cost.plus(forms.stream(stream, resources, 0));
            }
        }
        // A form that draws itself is drawn again at every level until pdfplumber's depth limit
        // stops the page: up to that many times what one pass of it draws.
        if forms.cycle {
            cost = cost.times(max_depth as u64 + 1);
        }
        out.push(cost);
    }
    out
}

/// The forms of one document, each counted once for the resources it is drawn with.
struct Forms<'a> {
    doc: &'a Document,
    max_stream_bytes: usize,
    max_depth: usize,
    /// What each form costs, by the form and the resources it resolves its names in.
    drawn: HashMap<(ObjectId, *const Dictionary), Cost>,
    /// The forms being counted, to tell a form that draws itself.
    open: HashSet<ObjectId>,
    cycle: bool,
}

impl<'a> Forms<'a> {
    /// What a content stream costs, with the XObjects it draws through `resources`.
    fn stream(&mut self, stream: &lopdf::Stream, resources: Option<&'a Dictionary>, depth: usize) -> Cost {
        // lopdf refuses a stream whose checksum is wrong; pdfplumber reads what it inflates
        // to, so that is what is counted.
        let plain = stream.get_plain_content_with_limit(self.max_stream_bytes).unwrap_or_else(|_| inflated_leniently(&stream.content, self.max_stream_bytes));
        let scan = scan(&plain);
        let mut cost = scan.cost;
        for (name, times) in scan.calls {
            let Some((id, form)) = resources.and_then(|r| self.form(r, &name)).filter(|_| depth < self.max_depth) else {
                // An image (or what pdfplumber will not find): one object each time.
                cost = cost.plus(Cost { objects: times, tokens: 0 });
                continue;
            };
            // A form's names resolve in its own resources, else in its caller's.
            let own = form.dict.get(b"Resources").ok().and_then(|r| self.doc.dereference(r).ok()).and_then(|(_, r)| r.as_dict().ok());
            let scope = own.or(resources);
            let key = (id, scope.map_or(std::ptr::null(), |d| d as *const Dictionary));
            let each = match self.drawn.get(&key) {
                Some(&each) => each,
                None if !self.open.insert(id) => {
                    self.cycle = true;
                    Cost::default()
                }
                None => {
                    let each = self.stream(form, scope, depth + 1);
                    self.open.remove(&id);
                    self.drawn.insert(key, each);
                    each
                }
            };
            cost = cost.plus(each.times(times));
        }
        cost
    }

    /// The form XObject `name` stands for in `resources`.
    fn form(&self, resources: &Dictionary, name: &[u8]) -> Option<(ObjectId, &'a lopdf::Stream)> {
        let xobjects = self.doc.dereference(resources.get(b"XObject").ok()?).ok()?.1.as_dict().ok()?;
        let id = xobjects.get(name).ok()?.as_reference().ok()?;
        let stream = self.doc.get_object(id).ok()?.as_stream().ok()?;
        stream.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|s| s == b"Form").then_some((id, stream))
    }
}

/// A page's resources as pdfplumber takes them: its own, else the nearest of its parents'.
fn page_resources(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    let mut node = doc.get_dictionary(page).ok()?;
    let mut seen = HashSet::new();
    loop {
        if let Ok(resources) = node.get(b"Resources") {
            return doc.dereference(resources).ok()?.1.as_dict().ok();
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        if !seen.insert(parent) {
            return None;
        }
        node = doc.get_dictionary(parent).ok()?;
    }
}

/// What the streams of a file that lopdf cannot read draw in all, found by their `stream` and
/// `endstream` keywords, as the bound of each of its pages; None when one of them draws an
/// XObject, which is bounded only through the objects it names.
pub fn whole_file(bytes: &[u8], max_stream_bytes: usize) -> Option<Cost> {
    let mut cost = Cost::default();
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&bytes[at..], b"stream") {
        let start = at + found + b"stream".len();
        // Only the keyword a line end follows opens a stream; `endstream` is not one.
        if (at + found).checked_sub(3).is_some_and(|e| &bytes[e..at + found] == b"end") {
            at = start;
            continue;
        }
        let body = match bytes.get(start..start + 2) {
            Some([b'\r', b'\n']) => start + 2,
            Some([b'\n' | b'\r', _]) => start + 1,
            _ => {
                at = start;
                continue;
            }
        };
        let end = memchr::memmem::find(&bytes[body..], b"endstream").map_or(bytes.len(), |e| body + e);
        let drawn = scan(&inflated_leniently(&bytes[body..end], max_stream_bytes));
        if !drawn.calls.is_empty() {
            return None;
        }
        cost = cost.plus(drawn.cost);
        at = (end + b"endstream".len()).min(bytes.len());
    }
    Some(cost)
}

/// What a deflated stream inflates to before it goes wrong (a bad checksum, a cut end), at
/// most `max` bytes; the raw bytes when they are not deflated at all.
fn inflated_leniently(raw: &[u8], max: usize) -> Vec<u8> {
    use std::io::Read;
    let mut best = Vec::new();
    // As zlib (its checksum checked only at the end), as the deflate data inside the zlib
    // header and checksum (the whole of it, whatever the checksum says), and as bare deflate.
    let body = raw.get(2..).unwrap_or_default();
    let readers: [Box<dyn Read>; 3] =
        [Box::new(flate2::read::ZlibDecoder::new(raw)), Box::new(flate2::read::DeflateDecoder::new(body)), Box::new(flate2::read::DeflateDecoder::new(raw))];
    for mut reader in readers {
        let mut out = Vec::new();
        let mut buf = [0u8; 16 * 1024];
        while out.len() < max {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => out.extend_from_slice(&buf[..n.min(max - out.len())]),
            }
        }
        if out.len() > best.len() {
            best = out;
        }
    }
    if best.is_empty() { raw[..raw.len().min(max)].to_vec() } else { best }
}

/// What a content stream costs by itself, and the XObjects it draws (`/Name Do`), each with
/// the number of times it is drawn.
#[derive(Debug, Default, PartialEq)]
pub struct Scan {
    pub cost: Cost,
    pub calls: Vec<(Vec<u8>, u64)>,
}

/// A byte that ends a name, a number or an operator.
fn delimiter(b: u8) -> bool {
    b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b)
}

/// Where the name, number or operator that starts at `start` ends.
fn token_end(content: &[u8], start: usize) -> usize {
    content[start..].iter().position(|&b| delimiter(b)).map_or(content.len(), |n| start + n)
}

/// The objects a content stream builds, at most (a glyph for each byte of a string shown, four
/// for a rectangle, one for each path segment, inline image and shading), its tokens, and the
/// XObjects it draws.
pub fn scan(content: &[u8]) -> Scan {
    let (mut objects, mut tokens) = (0u64, 0u64);
    let mut calls: HashMap<&[u8], u64> = HashMap::new();
    let mut last_name: &[u8] = &[];
    let mut i = 0;
    while i < content.len() {
        let b = content[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        tokens += 1;
        match b {
            b'(' => {
                // A literal string: its bytes, escapes counted once, balanced parentheses.
                let mut depth = 1;
                i += 1;
                while i < content.len() {
                    match content[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => depth -= 1,
                        _ => {}
                    }
                    i += 1;
                    if depth == 0 {
                        break;
                    }
                    objects += 1;
                }
            }
            b'<' | b'>' if content.get(i + 1) == Some(&b) => i += 2,
            b'<' => {
                let end = memchr::memchr(b'>', &content[i..]).map_or(content.len(), |e| i + e);
                objects += (end - i) as u64 / 2;
                i = end + 1;
            }
            b'%' => {
                tokens -= 1;
                i = memchr::memchr(b'\n', &content[i..]).map_or(content.len(), |e| i + e);
            }
            b'/' => {
                let start = i + 1;
                i = token_end(content, start);
                last_name = &content[start..i];
            }
            b'[' | b']' | b'{' | b'}' | b')' | b'>' => i += 1,
            _ => {
                let start = i;
                i = token_end(content, start);
                match &content[start..i] {
                    b"re" => objects += 4,
                    b"m" | b"l" | b"c" | b"v" | b"y" | b"h" | b"sh" => objects += 1,
                    b"Do" => *calls.entry(last_name).or_default() += 1,
                    b"BI" => {
                        // An inline image: its data, up to `EI` on its own, is no tokens.
                        objects += 1;
                        let data = memchr::memmem::find(&content[i..], b"ID").map_or(content.len(), |at| i + at + 2);
                        let end = memchr::memmem::find_iter(&content[data..], b"EI")
                            .map(|at| data + at)
                            .find(|&at| content[at - 1].is_ascii_whitespace() && content.get(at + 2).is_none_or(|&b| delimiter(b)));
                        i = end.map_or(content.len(), |at| at + 2);
                    }
                    _ => {}
                }
            }
        }
    }
    let mut calls: Vec<(Vec<u8>, u64)> = calls.into_iter().map(|(name, times)| (name.to_vec(), times)).collect();
    calls.sort();
    Scan { cost: Cost { objects, tokens }, calls }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyphs_and_rulings_are_counted() {
        let text = scan(b"BT /F1 12 Tf (abc) Tj [(d) -20 (e\\)f)] TJ <4E2D6587> Tj ET").cost;
        assert_eq!(text, Cost { objects: 3 + 1 + 3 + 4, tokens: 15 }, "a byte each: abc, d, e)f and 4E 2D 65 87");
        let paths = scan(b"0 0 m 10 0 l S 0 0 10 10 re f % (comment)\n<< /Dict 1 >> BDC").cost;
        assert_eq!(paths, Cost { objects: 1 + 1 + 4, tokens: 13 + 5 }, "m, l and re's four; a comment is no token");
    }

    #[test]
    fn curves_inline_images_and_shadings_are_objects() {
        let drawn = scan(b"q BI /W 1 /H 1 ID \x00\xffEI( EI\nQ 0 0 m 1 1 2 2 3 3 c h S /Sh0 sh");
        assert_eq!(drawn.cost, Cost { objects: 1 + 1 + 1 + 1 + 1, tokens: 3 + 12 + 2 }, "the image's data is no tokens, up to EI on its own");
    }

    #[test]
    fn the_xobjects_drawn_are_counted_by_name() {
        let drawn = scan(b"q /Fm1 Do Q /Fm2 Do\n/Fm1 Do /Im0 Do /Flag l /Dolly re (/X Do) Tj");
        assert_eq!(drawn.calls, [(b"Fm1".to_vec(), 2), (b"Fm2".to_vec(), 1), (b"Im0".to_vec(), 1)]);
        assert_eq!(drawn.cost.objects, 1 + 4 + 5, "l, re, and the string's five bytes; a name is not an operator");
    }

    #[test]
    fn a_stream_with_a_wrong_checksum_is_counted_as_it_inflates() {
        use std::io::Write;
        let content = b"BT (abc) Tj ET".repeat(1000);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(&content).unwrap();
        let mut raw = z.finish().unwrap();
        let last = raw.len() - 1;
        raw[last] ^= 0xff;
        assert_eq!(inflated_leniently(&raw, usize::MAX), content);
        assert_eq!(inflated_leniently(&raw, 10).len(), 10);
        assert_eq!(inflated_leniently(b"BT (a) Tj ET", usize::MAX), b"BT (a) Tj ET");
    }

    #[test]
    fn a_file_lopdf_cannot_read_is_bounded_by_all_its_streams() {
        let file = b"%PDF-1.4\n4 0 obj\n<< /Length 12 >>\nstream\nBT (ab) Tj ET\nendstream\nendobj\n5 0 obj\n<< >>\nstream\r\n0 0 1 1 re\nendstream\n";
        assert_eq!(whole_file(file, usize::MAX), Some(Cost { objects: 2 + 4, tokens: 4 + 5 }));
        assert_eq!(whole_file(b"stream\n/Fm1 Do\nendstream", usize::MAX), None, "a form drawn is bounded only through the objects");
    }
}
