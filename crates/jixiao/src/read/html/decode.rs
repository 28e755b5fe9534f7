//! A page's encoding: the one asked for, else a BOM, else what a `<meta>` in the first 1024
//! bytes declares (`charset=gb2312`, `content="text/html; charset=GBK"`), else the text
//! reader's detection (strict UTF-8, then GB18030). A charset the text reader does not know
//! (Big5, Shift_JIS, EUC-KR, windows-1252 …) is decoded by encoding_rs's label lookup, as a
//! browser would.

use std::borrow::Cow;

use crate::error::{Error, Result};
use crate::model::ReplacedBytes;
use crate::read::ReadOptions;
use crate::read::decode::{Encoding, decode_with};

/// What a page's `charset=` names.
#[derive(Debug, PartialEq)]
enum Declared {
    /// One the text reader reads.
    Known(Encoding),
    /// Another, by the WHATWG label lookup.
    Other(&'static encoding_rs::Encoding),
}

/// The encoding a `charset=` in the page's head names. GB2312 and GBK pages decode as GB18030,
/// which contains both; UTF-16 as the text reader reads it (by BOM or NULs).
fn declared_any(bytes: &[u8]) -> Option<Declared> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"charset") {
        let at = from + i + b"charset".len();
        from = at;
        let rest = lower[at..].trim_ascii_start();
        let Some(rest) = rest.strip_prefix(b"=") else { continue };
        let rest = rest.trim_ascii_start();
        let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
        let end = rest.iter().position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))).unwrap_or(rest.len());
        return match &rest[..end] {
            b"utf-8" | b"utf8" => Some(Declared::Known(Encoding::Utf8)),
            b"gb2312" | b"gbk" | b"gb18030" | b"x-gbk" | b"cp936" | b"euc-cn" | b"csgb2312" | b"windows-936" => Some(Declared::Known(Encoding::Gb18030)),
            label => match encoding_rs::Encoding::for_label(label) {
                None => None,
                Some(e) if e == encoding_rs::UTF_8 => Some(Declared::Known(Encoding::Utf8)),
                Some(e) if e == encoding_rs::GB18030 || e == encoding_rs::GBK => Some(Declared::Known(Encoding::Gb18030)),
                // A page that says UTF-16 is decoded by its BOM or NULs; "replacement" and
                // x-user-defined are no charsets a page is written in.
                Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE || e == encoding_rs::REPLACEMENT || e == encoding_rs::X_USER_DEFINED => {
                    None
                }
                Some(e) => Some(Declared::Other(e)),
            },
        };
    }
    None
}

pub fn decode<'a>(bytes: &'a [u8], options: &ReadOptions) -> Result<(Cow<'a, str>, Vec<ReplacedBytes>)> {
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF") || bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let encoding = match options.encoding {
        Encoding::Auto if !has_bom => match declared_any(bytes) {
            Some(Declared::Other(e)) => return decode_other(bytes, e, options),
            Some(Declared::Known(e)) => e,
            None => Encoding::Auto,
        },
        asked => asked,
    };
    decode_with(bytes, encoding, options.encoding_errors, &options.origin())
}

/// A page in a charset the text reader does not know (Big5, Shift_JIS …): strict unless the
/// caller asked for malformed bytes to be replaced (each then recorded).
fn decode_other<'a>(bytes: &'a [u8], e: &'static encoding_rs::Encoding, options: &ReadOptions) -> Result<(Cow<'a, str>, Vec<ReplacedBytes>)> {
    if let Some(text) = e.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok((text, Vec::new()));
    }
    match options.encoding_errors {
        crate::read::EncodingErrors::Replace => Ok(crate::read::decode::replacing(e, bytes, 0)),
        crate::read::EncodingErrors::Strict => Err(Error::Encoding {
            origin: options.origin(),
            line: None,
            reason: format!("the page declares {} but is not valid {} (read with --encoding-errors replace to read it anyway)", e.name(), e.name()),
        }),
    }
}

/// [`decode`] for a page whose container (a .mht part's Content-Type) names its charset: that
/// charset unless the caller asked for an encoding or the page has a BOM.
pub fn decode_declared<'a>(bytes: &'a [u8], charset: Option<Encoding>, options: &ReadOptions) -> Result<(Cow<'a, str>, Vec<ReplacedBytes>)> {
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF") || bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    match (options.encoding, charset) {
        (Encoding::Auto, Some(charset)) if !has_bom => decode_with(bytes, charset, options.encoding_errors, &options.origin()),
        _ => decode(bytes, options),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_declarations() {
        assert_eq!(declared_any(br#"<meta charset="gb2312">"#), Some(Declared::Known(Encoding::Gb18030)));
        assert_eq!(declared_any(b"<META http-equiv=Content-Type content='text/html; charset=GBK'>"), Some(Declared::Known(Encoding::Gb18030)));
        assert_eq!(declared_any(b"<meta charset = utf-8 />"), Some(Declared::Known(Encoding::Utf8)));
        assert_eq!(declared_any(b"<meta charset=big5>"), Some(Declared::Other(encoding_rs::BIG5)));
        assert_eq!(declared_any(b"<meta charset=shift_jis>"), Some(Declared::Other(encoding_rs::SHIFT_JIS)));
        assert_eq!(declared_any(b"<meta charset=iso-8859-1>"), Some(Declared::Other(encoding_rs::WINDOWS_1252)));
        assert_eq!(declared_any(b"<p>no declaration</p>"), None);
        let late = [b" ".repeat(1100), b"<meta charset=gbk>".to_vec()].concat();
        assert_eq!(declared_any(&late), None, "only the first 1024 bytes are looked at");
    }
}
