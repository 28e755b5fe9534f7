//! Bytes → text. Word saves plain text as UTF-8, as UTF-16 with a BOM ("Unicode"), or in the
//! system code page (GB2312/GBK, read as their superset GB18030).

use std::borrow::Cow;

use crate::error::{Error, Origin, Result};
pub use crate::model::ReplacedBytes;

/// A text encoding, or `Auto` to detect it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// BOM, then strict UTF-8, then UTF-16 without BOM if the NUL pattern says so, then GB18030.
    #[default]
    Auto,
    Utf8,
    Utf16Le,
    Utf16Be,
    /// GB18030, which also reads GB2312 and GBK.
    Gb18030,
}

impl Encoding {
    /// The names [`Encoding::from_name`] takes (it also takes `gbk`, `gb2312` and `cp936` for
    /// gb18030, and `utf-16` or `unicode` for utf-16le, as Word calls it).
    pub const NAMES: &[&str] = &["auto", "utf-8", "utf-16le", "utf-16be", "gb18030"];

    /// [`Encoding::from_name`], or a usage error that lists the names.
    pub fn parse_name(name: &str) -> Result<Encoding> {
        Encoding::from_name(name)
            .ok_or_else(|| Error::Usage(format!("unknown encoding '{name}': use one of {} (gbk and gb2312 read as gb18030)", Encoding::NAMES.join(", "))))
    }

    /// The name, as [`Encoding::NAMES`] spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Auto => "auto",
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
        }
    }

    pub fn from_name(name: &str) -> Option<Encoding> {
        match name.to_ascii_lowercase().replace(['-', '_'], "").as_str() {
            "auto" => Some(Encoding::Auto),
            "utf8" => Some(Encoding::Utf8),
            "utf16le" | "utf16" | "unicode" => Some(Encoding::Utf16Le),
            "utf16be" => Some(Encoding::Utf16Be),
            "gb18030" | "gbk" | "gb2312" | "cp936" => Some(Encoding::Gb18030),
            _ => None,
        }
    }
}

/// The 1-based line of a byte offset, counting LF and lone CR as line ends.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    let head = &bytes[..offset.min(bytes.len())];
    1 + head.iter().enumerate().filter(|&(i, &b)| b == b'\n' || (b == b'\r' && head.get(i + 1) != Some(&b'\n'))).count()
}

fn strict(encoding: &'static encoding_rs::Encoding, bytes: &[u8], origin: &Origin, name: &str) -> Result<String> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        // Find where it broke: decode growing prefixes would be quadratic, so locate the first
        // replacement character and count the lines before it in the decoded text.
        let line = text.find('\u{FFFD}').map(|i| 1 + text[..i].matches('\n').count());
        return Err(Error::Encoding { origin: origin.clone(), line, reason: format!("not valid {name} text") });
    }
    Ok(text.into_owned())
}

/// Whether the bytes look like UTF-16 without a BOM: many NULs, nearly all on one side.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    // A file cut off mid-character has an odd length: still UTF-16, read up to the cut.
    let bytes = &bytes[..bytes.len() & !1];
    if bytes.len() < 4 {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if odd * 10 >= pairs * 3 && even * 20 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= pairs * 3 && odd * 20 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Decodes bytes to text with the given or detected encoding. Text with NUL bytes is binary.
pub fn decode<'a>(bytes: &'a [u8], encoding: Encoding, origin: &Origin) -> Result<Cow<'a, str>> {
    let text: Cow<'a, str> = match encoding {
        Encoding::Auto => {
            if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
                Cow::Owned(strict(encoding_rs::UTF_8, rest, origin, "UTF-8")?)
            } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
                Cow::Owned(strict(encoding_rs::UTF_16LE, rest, origin, "UTF-16LE")?)
            } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
                Cow::Owned(strict(encoding_rs::UTF_16BE, rest, origin, "UTF-16BE")?)
            } else if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
                // SIMD validation: the plain one was a twentieth of a parse.
                Cow::Borrowed(s)
            } else if let Some(enc) = utf16_without_bom(bytes) {
                Cow::Owned(strict(enc, bytes, origin, enc.name())?)
            } else if bytes.contains(&0) {
                return Err(binary(bytes, origin));
            } else {
                match strict(encoding_rs::GB18030, bytes, origin, "GB18030") {
                    Ok(text) => Cow::Owned(text),
                    // Neither: name the place where it stops being UTF-8, which is where a UTF-8
                    // file (the usual case) is damaged, not the GB18030 reading's first error.
                    Err(_) => {
                        let bad = std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to());
                        return Err(Error::Encoding {
                            origin: origin.clone(),
                            line: Some(line_of(bytes, bad)),
                            reason: format!("neither UTF-8 (invalid byte at offset {bad}) nor GB18030 text"),
                        });
                    }
                }
            }
        }
        Encoding::Utf8 => {
            let rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match simdutf8::basic::from_utf8(rest) {
                Ok(s) => Cow::Borrowed(s),
                // The fast check says only whether; the standard one says where.
                Err(_) => {
                    let e = std::str::from_utf8(rest).err().map_or(0, |e| e.valid_up_to());
                    return Err(Error::Encoding { origin: origin.clone(), line: Some(line_of(rest, e)), reason: format!("not valid UTF-8 (byte {e})") });
                }
            }
        }
        Encoding::Utf16Le => {
            let rest = bytes.strip_prefix(b"\xFF\xFE").unwrap_or(bytes);
            Cow::Owned(strict(encoding_rs::UTF_16LE, rest, origin, "UTF-16LE")?)
        }
        Encoding::Utf16Be => {
            let rest = bytes.strip_prefix(b"\xFE\xFF").unwrap_or(bytes);
            Cow::Owned(strict(encoding_rs::UTF_16BE, rest, origin, "UTF-16BE")?)
        }
        Encoding::Gb18030 => Cow::Owned(strict(encoding_rs::GB18030, bytes, origin, "GB18030")?),
    };
    if let Some(i) = memchr::memchr(0, text.as_bytes()) {
        return Err(Error::Encoding {
            origin: origin.clone(),
            line: Some(1 + text[..i].matches('\n').count()),
            reason: "binary data (NUL characters), not text".into(),
        });
    }
    Ok(text)
}

/// What to do with bytes that are not text in the encoding: refuse the input (the default), or
/// replace them with U+FFFD and record where (`Document::replaced_bytes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EncodingErrors {
    #[default]
    Strict,
    Replace,
}

impl EncodingErrors {
    /// The names [`EncodingErrors::parse_name`] takes.
    pub const NAMES: &[&str] = &["strict", "replace"];

    pub fn as_str(self) -> &'static str {
        match self {
            EncodingErrors::Strict => "strict",
            EncodingErrors::Replace => "replace",
        }
    }

    /// `strict` or `replace`, or a usage error that lists them.
    pub fn parse_name(name: &str) -> Result<EncodingErrors> {
        match name.to_ascii_lowercase().as_str() {
            "strict" => Ok(EncodingErrors::Strict),
            "replace" => Ok(EncodingErrors::Replace),
            _ => Err(Error::Usage(format!("unknown encoding-errors mode '{name}': use one of {}", EncodingErrors::NAMES.join(", ")))),
        }
    }
}

/// [`decode`], or with [`EncodingErrors::Replace`] a damaged text read anyway: each malformed
/// byte sequence becomes U+FFFD and is listed with its line and byte offset. Binary data is
/// still refused. In auto mode a damaged file is repaired as the encoding its BOM or NUL
/// pattern names, else as UTF-8 (the usual case; GB18030 text that decodes is not damaged).
pub fn decode_with<'a>(bytes: &'a [u8], encoding: Encoding, errors: EncodingErrors, origin: &Origin) -> Result<(Cow<'a, str>, Vec<ReplacedBytes>)> {
    let strict_error = match decode(bytes, encoding, origin) {
        Ok(text) => return Ok((text, Vec::new())),
        Err(e) => e,
    };
    let binary_error = matches!(&strict_error, Error::Encoding { reason, .. } if reason.contains("binary"));
    if errors == EncodingErrors::Strict || binary_error {
        return Err(strict_error);
    }
    let (enc, skip) = match encoding {
        Encoding::Utf8 => (encoding_rs::UTF_8, if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 }),
        Encoding::Utf16Le => (encoding_rs::UTF_16LE, if bytes.starts_with(b"\xFF\xFE") { 2 } else { 0 }),
        Encoding::Utf16Be => (encoding_rs::UTF_16BE, if bytes.starts_with(b"\xFE\xFF") { 2 } else { 0 }),
        Encoding::Gb18030 => (encoding_rs::GB18030, 0),
        Encoding::Auto if bytes.starts_with(b"\xEF\xBB\xBF") => (encoding_rs::UTF_8, 3),
        Encoding::Auto if bytes.starts_with(b"\xFF\xFE") => (encoding_rs::UTF_16LE, 2),
        Encoding::Auto if bytes.starts_with(b"\xFE\xFF") => (encoding_rs::UTF_16BE, 2),
        Encoding::Auto => (utf16_without_bom(bytes).unwrap_or(encoding_rs::UTF_8), 0),
    };
    let (text, replaced) = replacing(enc, bytes, skip);
    if let Some(i) = memchr::memchr(0, text.as_bytes()) {
        return Err(Error::Encoding {
            origin: origin.clone(),
            line: Some(1 + text[..i].matches('\n').count()),
            reason: "binary data (NUL characters), not text".into(),
        });
    }
    Ok((text, replaced))
}

/// Decodes, replacing each malformed sequence with U+FFFD and recording it.
pub(crate) fn replacing<'a>(enc: &'static encoding_rs::Encoding, bytes: &[u8], skip: usize) -> (Cow<'a, str>, Vec<ReplacedBytes>) {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let src = &bytes[skip..];
    let mut text = String::with_capacity(decoder.max_utf8_buffer_length(src.len()).unwrap_or(src.len()));
    let mut replaced = Vec::new();
    let (mut at, mut lines, mut counted) = (0usize, 1usize, 0usize);
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(&src[at..], &mut text, true);
        at += read;
        match result {
            encoding_rs::DecoderResult::Malformed(bad, extra) => {
                let start = at - extra as usize - bad as usize;
                lines += text[counted..].matches('\n').count();
                counted = text.len();
                let hex: Vec<String> = src[start..start + bad as usize].iter().map(|b| format!("{b:02x}")).collect();
                replaced.push(ReplacedBytes { line: lines, offset: skip + start, bytes: hex.join(" ") });
                text.push('\u{FFFD}');
            }
            encoding_rs::DecoderResult::InputEmpty => break,
            encoding_rs::DecoderResult::OutputFull => text.reserve(src.len() - at + 16),
        }
    }
    (Cow::Owned(text), replaced)
}

fn binary(bytes: &[u8], origin: &Origin) -> Error {
    let at = bytes.iter().position(|b| *b == 0).unwrap_or(0);
    Error::Encoding { origin: origin.clone(), line: Some(line_of(bytes, at)), reason: "binary data (NUL bytes), not text in UTF-8, UTF-16 or GB18030".into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(bytes: &[u8]) -> Result<String> {
        decode(bytes, Encoding::Auto, &Origin(None)).map(|c| c.into_owned())
    }

    #[test]
    fn detects_every_encoding_word_saves() {
        let text = "2020年部门预算绩效信息\r\n≥90%";
        assert_eq!(auto(text.as_bytes()).unwrap(), text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(auto(&bom).unwrap(), text);
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(auto(&gbk).unwrap(), text);
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(auto(&le).unwrap(), text);
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(auto(&be).unwrap(), text);
        let bare: Vec<u8> = "abc 年度\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(auto(&bare).unwrap(), "abc 年度\n");
    }

    #[test]
    fn explicit_override_and_clear_errors() {
        let (gbk, _, _) = encoding_rs::GBK.encode("第二部分\n指标");
        let err = decode(&gbk, Encoding::Utf8, &Origin(Some("a.txt".into()))).unwrap_err();
        assert!(err.to_string().starts_with("a.txt:1: not valid UTF-8"), "{err}");
        assert_eq!(decode(&gbk, Encoding::Gb18030, &Origin(None)).unwrap(), "第二部分\n指标");
        let err = auto(b"abc\n\x00\x01\x02\xff\xfe").unwrap_err();
        assert!(err.to_string().contains("binary"), "{err}");
    }

    #[test]
    fn replacing_lists_each_bad_sequence_with_its_line_and_offset() {
        let origin = Origin(None);
        let replace = |bytes: &[u8], enc| decode_with(bytes, enc, EncodingErrors::Replace, &origin).map(|(t, r)| (t.into_owned(), r));
        // UTF-8 with a stray byte on line 2.
        let (text, r) = replace(b"ab\ncd\xffe\n", Encoding::Auto).unwrap();
        assert_eq!(text, "ab\ncd\u{FFFD}e\n");
        assert_eq!(r, vec![ReplacedBytes { line: 2, offset: 5, bytes: "ff".into() }]);
        // UTF-16LE with a BOM and a lone surrogate.
        let (text, r) = replace(b"\xff\xfea\x00\n\x00\x00\xd8b\x00", Encoding::Auto).unwrap();
        assert_eq!(text, "a\n\u{FFFD}b");
        assert_eq!((r[0].line, r[0].offset, r[0].bytes.as_str()), (2, 6, "00 d8"));
        // Strict refuses; binary is refused either way; intact text lists nothing.
        assert!(decode_with(b"cd\xffe", Encoding::Auto, EncodingErrors::Strict, &origin).is_err());
        assert!(replace(b"a\x00b\xff", Encoding::Utf8).is_err());
        assert!(replace("第一部分".as_bytes(), Encoding::Auto).unwrap().1.is_empty());
    }
}
