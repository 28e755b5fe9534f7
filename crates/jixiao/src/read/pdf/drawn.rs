//! What a page's content streams draw, counted before pdfplumber builds it: a glyph for each byte
//! of a string shown (at most: a two-byte font shows one glyph for two), four rulings for each
//! rectangle (`re`) and one for each line segment (`l`). A content stream of 2 M glyphs deflates
//! to a few kilobytes; pdfplumber would build every glyph (some 1.2 KB each with what is made of it) before any limit
//! it has is checked, so each page's count must fit in the read's budget first.

/// What a read holds for one glyph or ruling while its page is read: pdfplumber's `Char` (text,
/// font name, box, matrix, colours), its words and jixiao's items from them. A page of 10,000
/// one-glyph words peaks at 12.2 MB over the file (tests/amplification.rs), 1.2 KB a glyph;
/// strings of two-byte codes count two here for each glyph they show, so 1 KB a counted byte.
/// A page must fit in what is left of the budget at this cost; it is let go after the page.
pub const OBJECT_COST: u64 = 1024;
/// What a read keeps of a glyph or ruling after its page (its part of the page's items),
/// charged to the budget for good.
pub const KEPT_COST: u64 = 64;

/// The glyphs and rulings each page of `doc` draws, at most, in page order.
pub fn per_page(doc: &lopdf::Document, max_stream_bytes: usize) -> Vec<u64> {
    let pages = doc.get_pages();
    let mut out = Vec::with_capacity(pages.len());
    for (_, id) in pages {
        let mut n = 0u64;
        for content in doc.get_page_contents(id) {
            if let Ok(stream) = doc.get_object(content).and_then(|o| o.as_stream()) {
                // lopdf refuses a stream whose checksum is wrong; pdfplumber reads what it
                // inflates to, so that is what is counted.
                let plain = stream.get_plain_content_with_limit(max_stream_bytes).unwrap_or_else(|_| inflated_leniently(&stream.content, max_stream_bytes));
                n = n.saturating_add(count(&plain));
            }
        }
        out.push(n);
    }
    out
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

/// Glyphs and rulings a content stream draws, at most.
pub fn count(content: &[u8]) -> u64 {
    let mut n = 0u64;
    let mut i = 0;
    while i < content.len() {
        match content[i] {
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
                    n += 1;
                }
            }
            b'<' if content.get(i + 1) == Some(&b'<') => i += 2,
            b'<' => {
                let end = memchr::memchr(b'>', &content[i..]).map_or(content.len(), |e| i + e);
                n += (end - i) as u64 / 2;
                i = end + 1;
            }
            b'%' => i = memchr::memchr(b'\n', &content[i..]).map_or(content.len(), |e| i + e),
            b'r' | b'l' => {
                let start_ok = i == 0 || content[i - 1].is_ascii_whitespace();
                let op = if content[i] == b'r' { content.get(i + 1) == Some(&b'e') } else { true };
                let len = if content[i] == b'r' { 2 } else { 1 };
                let end_ok = content.get(i + len).is_none_or(|b| b.is_ascii_whitespace());
                if start_ok && op && end_ok {
                    n += if len == 2 { 4 } else { 1 };
                }
                i += len;
            }
            _ => i += 1,
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyphs_and_rulings_are_counted() {
        assert_eq!(count(b"BT /F1 12 Tf (abc) Tj [(d) -20 (e\\)f)] TJ <4E2D6587> Tj ET"), 3 + 1 + 3 + 4, "a byte each: abc, d, e)f and 4E 2D 65 87");
        assert_eq!(count(b"0 0 m 10 0 l S 0 0 10 10 re f % (comment)\n<< /Dict 1 >> BDC"), 1 + 4);
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
}
