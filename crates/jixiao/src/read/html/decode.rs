//! A page's encoding: the one asked for, else a BOM, else what a `<meta>` in the first 1024
//! bytes declares (`charset=gb2312`, `content="text/html; charset=GBK"`), else the text
//! reader's detection (strict UTF-8, then GB18030).

use std::borrow::Cow;

use crate::error::Result;
use crate::model::ReplacedBytes;
use crate::read::ReadOptions;
use crate::read::decode::{Encoding, decode_with};

/// The encoding a `charset=` in the page's head names, when it is one jixiao reads. GB2312 and
/// GBK pages decode as GB18030, which contains both.
fn declared(bytes: &[u8]) -> Option<Encoding> {
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
            b"utf-8" | b"utf8" => Some(Encoding::Utf8),
            b"gb2312" | b"gbk" | b"gb18030" | b"x-gbk" | b"cp936" | b"euc-cn" | b"csgb2312" | b"windows-936" => Some(Encoding::Gb18030),
            _ => None,
        };
    }
    None
}

pub fn decode<'a>(bytes: &'a [u8], options: &ReadOptions) -> Result<(Cow<'a, str>, Vec<ReplacedBytes>)> {
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF") || bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let encoding = match options.encoding {
        Encoding::Auto if !has_bom => declared(bytes).unwrap_or(Encoding::Auto),
        asked => asked,
    };
    decode_with(bytes, encoding, options.encoding_errors, &options.origin())
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
        assert_eq!(declared(br#"<meta charset="gb2312">"#), Some(Encoding::Gb18030));
        assert_eq!(declared(b"<META http-equiv=Content-Type content='text/html; charset=GBK'>"), Some(Encoding::Gb18030));
        assert_eq!(declared(b"<meta charset = utf-8 />"), Some(Encoding::Utf8));
        assert_eq!(declared(b"<meta charset=big5>"), None);
        assert_eq!(declared(b"<p>no declaration</p>"), None);
        let late = [b" ".repeat(1100), b"<meta charset=gbk>".to_vec()].concat();
        assert_eq!(declared(&late), None, "only the first 1024 bytes are looked at");
    }
}
