//! The predefined Unicode CMaps (`UniGB-UCS2-H`, `UniGB-UTF16-H`, `UniCNS-…`, `UniKS-…`,
//! `UniJIS-…`): a CID font that names one of them as its encoding draws each character by its
//! UTF-16 code. pdfplumber-parse 0.4.1 takes these CMaps for GBK, Big5 or EUC-KR: it splits the
//! codes at GBK's lead bytes and decodes them as GBK, so every PDF that reportlab, iText, FPDF or
//! TCPDF writes with a standard Chinese font comes out as garbage (`2023年` as `\02\00\02\03^t`).
//! The fix cannot live in a patched copy of that crate: `[patch.crates-io]` holds in this
//! workspace only, never for a program that depends on jixiao (docs/pdfplumber-parse-cmap.md).
//!
//! So jixiao gives pdfplumber a copy of the file in which each such font says what its codes are:
//! the encoding becomes `Identity-H` (or `-V`), so that every code is two bytes; the CID font's
//! character collection becomes `Adobe-Identity`, so that a font without a ToUnicode map reads
//! each code as the Unicode scalar it is; and its widths are restated by code (the ASCII codes
//! take the widths of CIDs 1–95, which those CMaps map them to; the others the default width;
//! each half of a surrogate pair half of it). A character outside the Basic Multilingual Plane
//! is then two codes that pdfplumber reports as `(cid:55362)(cid:57271)`; [`pair_surrogates`]
//! joins them. Only files that have such a font are copied.

use lopdf::{Dictionary, Document, Object, ObjectId};
use pdfplumber::{BBox, Char};

/// Whether a predefined CMap name is one of the UCS-2 / UTF-16 CMaps, and the Identity CMap of
/// its writing direction.
fn identity_for(name: &[u8]) -> Option<&'static [u8]> {
    let name = std::str::from_utf8(name).ok()?;
    let (base, vertical) = match (name.strip_suffix("-H"), name.strip_suffix("-V")) {
        (Some(b), _) => (b, false),
        (_, Some(b)) => (b, true),
        _ => return None,
    };
    let (collection, form) = base.split_once('-')?;
    let known = matches!(collection, "UniGB" | "UniCNS" | "UniKS" | "UniJIS" | "UniJIS2004" | "UniJISPro" | "UniJISX0213" | "UniJISX02132004")
        && matches!(form, "UCS2" | "UTF16");
    known.then_some(if vertical { b"Identity-V" } else { b"Identity-H" })
}

/// Whether the file may hold a font on a Unicode CMap: the CMap's name in the bytes, or object
/// streams (whose compressed dictionaries the bytes do not show).
fn may_have(bytes: &[u8]) -> bool {
    [&b"-UCS2-"[..], b"-UTF16-", b"/ObjStm"].iter().any(|n| memchr::memmem::find(bytes, n).is_some())
}

/// Whether the file may hold a composite font without a ToUnicode map: more `/Type0` than
/// `/ToUnicode` in the bytes, or object streams.
fn may_lack_maps(bytes: &[u8]) -> bool {
    let count = |n: &[u8]| memchr::memmem::find_iter(bytes, n).count();
    count(b"/Type0") > count(b"/ToUnicode") || memchr::memmem::find(bytes, b"/ObjStm").is_some()
}

/// What jixiao reads from a file's fonts before pdfplumber does.
#[derive(Default)]
pub struct Fonts {
    /// A copy of the file with every font on a Unicode CMap restated (see the module's note), or
    /// `None` when it has none.
    pub restated: Option<Vec<u8>>,
    /// The names (subset prefix left out) of the composite fonts whose codes no map turns into
    /// text: no ToUnicode map, no predefined CMap, and a collection pdfplumber has no table for
    /// (`Adobe-Identity`, as Word and WPS embed subsets). pdfplumber would read their codes,
    /// which name glyphs, as Unicode: a guess. Their text is refused (see `pages`).
    pub unmapped: Vec<String>,
}

/// The file's fonts, looked at only when its bytes say there may be something to find (nothing
/// when lopdf cannot read the file: pdfplumber then says what is wrong with it).
pub fn inspect(bytes: &[u8]) -> Fonts {
    let (restate, lacking) = (may_have(bytes), may_lack_maps(bytes));
    if !restate && !lacking {
        return Fonts::default();
    }
    let Ok(mut doc) = Document::load_mem(bytes) else { return Fonts::default() };
    if doc.is_encrypted() {
        return Fonts::default();
    }
    let unmapped = if lacking { unmapped(&doc) } else { Vec::new() };
    let restated = if restate { restated(&mut doc, bytes.len()) } else { None };
    Fonts { restated, unmapped }
}

/// A font's name without its subset prefix (`ABCDEF+SimSun` → `SimSun`).
pub fn base_name(name: &str) -> &str {
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

fn unmapped(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = doc
        .objects
        .iter()
        .filter_map(|(id, o)| {
            let d = o.as_dict().ok()?;
            let type0 = d.get(b"Subtype").and_then(Object::as_name).is_ok_and(|s| s == b"Type0");
            if !type0 || d.has(b"ToUnicode") {
                return None;
            }
            // A predefined CMap (GBK-EUC-H, UniGB-UCS2-H, …) maps the codes; Identity or an
            // embedded CMap maps them to CIDs only.
            if d.get(b"Encoding").and_then(Object::as_name).is_ok_and(|e| e != b"Identity-H" && e != b"Identity-V") {
                return None;
            }
            let cid_font = descendant(doc, *id);
            let dict = |d: &Dictionary, key: &[u8]| d.get(key).ok().and_then(|i| doc.dereference(i).ok()).and_then(|(_, i)| i.as_dict().ok().cloned());
            let ordering = cid_font
                .as_ref()
                .and_then(|c| dict(c, b"CIDSystemInfo"))
                .and_then(|i| i.get(b"Ordering").ok().and_then(|o| o.as_str().ok().map(<[u8]>::to_vec)));
            // pdfplumber maps these four collections' CIDs to Unicode by Adobe's tables.
            if ordering.as_deref().is_some_and(|o| matches!(o, b"GB1" | b"CNS1" | b"Japan1" | b"Korea1")) {
                return None;
            }
            // The names a glyph may report: the font's, its CID font's, its descriptor's.
            let descriptor = cid_font.as_ref().and_then(|c| dict(c, b"FontDescriptor"));
            let names = [
                d.get(b"BaseFont"),
                cid_font.as_ref().map_or(Err(lopdf::Error::DictKey(String::new())), |c| c.get(b"BaseFont")),
                descriptor.as_ref().map_or(Err(lopdf::Error::DictKey(String::new())), |f| f.get(b"FontName")),
            ];
            Some(
                names
                    .into_iter()
                    .filter_map(|n| n.and_then(Object::as_name).ok())
                    .map(|n| base_name(&String::from_utf8_lossy(n)).to_owned())
                    .collect::<Vec<_>>(),
            )
        })
        .flatten()
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The document saved with every font on a Unicode CMap restated as above, or `None` when it has
/// none.
fn restated(doc: &mut Document, size: usize) -> Option<Vec<u8>> {
    let fonts: Vec<(ObjectId, &'static [u8])> = doc
        .objects
        .iter()
        .filter_map(|(id, o)| {
            let d = o.as_dict().ok()?;
            let type0 = d.get(b"Subtype").and_then(Object::as_name).is_ok_and(|s| s == b"Type0");
            let identity = identity_for(d.get(b"Encoding").and_then(Object::as_name).ok()?)?;
            type0.then_some((*id, identity))
        })
        .collect();
    if fonts.is_empty() {
        return None;
    }
    for (id, identity) in fonts {
        let descendant = descendant(doc, id).map(|d| restated_cid_font(doc, &d));
        let descendant = descendant.map(|d| doc.add_object(d));
        let Ok(font) = doc.get_dictionary_mut(id) else { continue };
        font.set("Encoding", Object::Name(identity.to_vec()));
        if let Some(d) = descendant {
            font.set("DescendantFonts", Object::Array(vec![Object::Reference(d)]));
        }
    }
    let mut out = Vec::with_capacity(size);
    doc.save_to(&mut out).ok()?;
    Some(out)
}

/// The CID font under a Type0 font, as a dictionary of its own.
fn descendant(doc: &Document, font: ObjectId) -> Option<Dictionary> {
    let font = doc.get_dictionary(font).ok()?;
    let (_, list) = doc.dereference(font.get(b"DescendantFonts").ok()?).ok()?;
    let (_, first) = doc.dereference(list.as_array().ok()?.first()?).ok()?;
    first.as_dict().ok().cloned()
}

fn number(doc: &Document, o: &Object) -> Option<f64> {
    let (_, o) = doc.dereference(o).ok()?;
    o.as_float().map(f64::from).ok().or_else(|| o.as_i64().ok().map(|i| i as f64))
}

/// The CID font restated for codes that are UTF-16 units.
fn restated_cid_font(doc: &Document, cid_font: &Dictionary) -> Dictionary {
    let mut out = cid_font.clone();
    let default = cid_font.get(b"DW").ok().and_then(|o| number(doc, o)).unwrap_or(1000.0);
    let widths = cid_widths(doc, cid_font);
    // CIDs 1–95 are the ASCII characters U+0020–U+007E in each Adobe collection.
    let ascii: Vec<Object> = (1u32..=95).map(|cid| Object::Real(widths.iter().find(|w| w.0 == cid).map_or(default, |w| w.1) as f32)).collect();
    let half = Object::Real((default / 2.0) as f32);
    out.set("W", Object::Array(vec![Object::Integer(0x20), Object::Array(ascii), Object::Integer(0xD800), Object::Integer(0xDFFF), half]));
    let mut info = Dictionary::new();
    info.set("Registry", Object::string_literal("Adobe"));
    info.set("Ordering", Object::string_literal("Identity"));
    info.set("Supplement", Object::Integer(0));
    out.set("CIDSystemInfo", Object::Dictionary(info));
    out
}

/// The widths a CID font's `W` array gives to CIDs 1–95.
fn cid_widths(doc: &Document, cid_font: &Dictionary) -> Vec<(u32, f64)> {
    let mut out = Vec::new();
    let Some(list) = cid_font.get(b"W").ok().and_then(|w| doc.dereference(w).ok()).and_then(|(_, w)| w.as_array().ok()) else { return out };
    let mut i = 0;
    while i < list.len() {
        let Some(first) = number(doc, &list[i]) else { break };
        let first = first as u32;
        match list.get(i + 1).map(|o| doc.dereference(o).map(|(_, o)| o)) {
            Some(Ok(Object::Array(ws))) => {
                out.extend(ws.iter().enumerate().filter_map(|(k, w)| Some((first.checked_add(k as u32)?, number(doc, w)?))).filter(|w| w.0 <= 95));
                i += 2;
            }
            Some(Ok(last)) => {
                let (Some(last), Some(w)) = (number(doc, last), list.get(i + 2).and_then(|w| number(doc, w))) else { break };
                out.extend((first..=(last as u32).min(95)).map(|c| (c, w)));
                i += 3;
            }
            _ => break,
        }
    }
    out
}

/// The UTF-16 unit a glyph stands for when pdfplumber could not map it: `(cid:N)`.
fn unmapped_code(c: &Char) -> Option<u32> {
    c.text.strip_prefix("(cid:")?.strip_suffix(')')?.parse().ok()
}

/// Joins each high and low surrogate that follow each other in one font into the character they
/// encode (see the module's note). Nothing is copied when no glyph is unmapped.
pub fn pair_surrogates(chars: &[Char]) -> Option<Vec<Char>> {
    let high = |c: &Char| unmapped_code(c).filter(|u| (0xD800..0xDC00).contains(u));
    let low = |c: &Char| unmapped_code(c).filter(|u| (0xDC00..0xE000).contains(u));
    if !chars.iter().any(|c| high(c).is_some()) {
        return None;
    }
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = &chars[i];
        if let (Some(h), Some(next)) = (high(c), chars.get(i + 1))
            && let Some(l) = low(next).filter(|_| next.fontname == c.fontname)
            && let Some(joined) = char::from_u32(0x10000 + ((h - 0xD800) << 10) + (l - 0xDC00))
        {
            let bbox = BBox {
                x0: c.bbox.x0.min(next.bbox.x0),
                top: c.bbox.top.min(next.bbox.top),
                x1: c.bbox.x1.max(next.bbox.x1),
                bottom: c.bbox.bottom.max(next.bbox.bottom),
            };
            out.push(Char { text: joined.to_string(), bbox, advance: c.advance + next.advance, ..c.clone() });
            i += 2;
            continue;
        }
        out.push(c.clone());
        i += 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_unicode_cmaps_are_restated() {
        assert_eq!(identity_for(b"UniGB-UCS2-H"), Some(&b"Identity-H"[..]));
        assert_eq!(identity_for(b"UniCNS-UTF16-V"), Some(&b"Identity-V"[..]));
        assert_eq!(identity_for(b"GBK-EUC-H"), None);
        assert_eq!(identity_for(b"Identity-H"), None);
        assert_eq!(identity_for(b"UniGB-UTF8-H"), None);
    }
}
