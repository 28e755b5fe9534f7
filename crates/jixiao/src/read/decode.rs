//! Bytes → text. Word saves plain text as UTF-8, as UTF-16 with a BOM ("Unicode"), or in the
//! system code page (GB2312/GBK, read as their superset GB18030).

use std::borrow::Cow;

use crate::error::{Error, Origin, Result};

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
        Encoding::from_name(name).ok_or_else(|| {
            Error::Usage(format!("unknown encoding '{name}': use one of {} (gbk and gb2312 read as gb18030)", Encoding::NAMES.join(", ")))
        })
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

fn strict(
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
    origin: &Origin,
    name: &str,
) -> Result<String> {
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
            } else if let Ok(s) = std::str::from_utf8(bytes) {
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
            match std::str::from_utf8(rest) {
                Ok(s) => Cow::Borrowed(s),
                Err(e) => {
                    return Err(Error::Encoding {
                        origin: origin.clone(),
                        line: Some(line_of(rest, e.valid_up_to())),
                        reason: format!("not valid UTF-8 (byte {})", e.valid_up_to()),
                    });
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
    if let Some(i) = text.find('\0') {
        return Err(Error::Encoding {
            origin: origin.clone(),
            line: Some(1 + text[..i].matches('\n').count()),
            reason: "binary data (NUL characters), not text".into(),
        });
    }
    Ok(text)
}

fn binary(bytes: &[u8], origin: &Origin) -> Error {
    let at = bytes.iter().position(|b| *b == 0).unwrap_or(0);
    Error::Encoding {
        origin: origin.clone(),
        line: Some(line_of(bytes, at)),
        reason: "binary data (NUL bytes), not text in UTF-8, UTF-16 or GB18030".into(),
    }
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
}
