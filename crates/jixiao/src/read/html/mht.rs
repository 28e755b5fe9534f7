//! Single-file web pages (.mht, .mhtml), as Word, Internet Explorer and Chromium save a page: a
//! MIME message of type multipart/related whose parts are the page (text/html, in
//! quoted-printable or base64, in the charset its Content-Type names) and what it shows
//! (images, style sheets), which are not read. The page goes on through the HTML reader.

use crate::error::{Error, Origin, Result};
use crate::read::decode::Encoding;

/// The page of a single-file web page: its bytes, and the charset its part declares.
#[derive(Debug)]
pub struct Page {
    pub html: Vec<u8>,
    pub charset: Option<Encoding>,
}

/// Where a message's headers end (the first empty line) and its body starts.
fn split_headers(bytes: &[u8]) -> (&[u8], &[u8]) {
    let crlf = memchr::memmem::find(bytes, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = memchr::memmem::find(bytes, b"\n\n").map(|i| (i, i + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => {
            let (end, body) = if a.0 <= b.0 { a } else { b };
            (&bytes[..end], &bytes[body..])
        }
        (Some((end, body)), None) | (None, Some((end, body))) => (&bytes[..end], &bytes[body..]),
        (None, None) => (bytes, &[]),
    }
}

/// The headers, unfolded (a line starting with a space or TAB continues the one before), as
/// (lower-case name, value).
fn headers(block: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(block);
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = out.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            out.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    out
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// A parameter of a header value (`boundary="----=_NextPart"`, `charset=gb2312`).
fn parameter(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (key, v) = p.split_once('=')?;
        key.trim().eq_ignore_ascii_case(name).then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// Whether the bytes are a MIME multipart/related message (a single-file web page).
pub fn sniff(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let (block, _) = split_headers(head.trim_ascii_start());
    let lower = block.to_ascii_lowercase();
    let has = |s: &[u8]| memchr::memmem::find(&lower, s).is_some();
    lower.first().is_some_and(u8::is_ascii_alphabetic) && has(b"mime-version:") && has(b"multipart/related")
}

/// The encoding a MIME charset names, when jixiao reads it.
fn charset(name: &str) -> Option<Encoding> {
    match name.to_ascii_lowercase().as_str() {
        "gb2312" | "gbk" | "gb18030" | "x-gbk" | "cp936" | "euc-cn" | "csgb2312" | "windows-936" | "hz-gb-2312" => Some(Encoding::Gb18030),
        other => Encoding::from_name(other).filter(|e| *e != Encoding::Auto),
    }
}

/// Quoted-printable: `=XX` is a byte, `=` at a line's end joins it to the next.
fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        if b == b'=' {
            let rest = &body[i + 1..];
            let soft = rest.iter().take_while(|c| **c == b' ' || **c == b'\t').count();
            if rest[soft..].starts_with(b"\r\n") {
                i += 1 + soft + 2;
                continue;
            }
            if rest[soft..].starts_with(b"\n") {
                i += 1 + soft + 1;
                continue;
            }
            if let (Some(h), Some(l)) = (rest.first().copied().and_then(hex), rest.get(1).copied().and_then(hex)) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    out
}

/// Base64, white space ignored; None if a character is not base64.
fn base64(body: &[u8]) -> Option<Vec<u8>> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' | b'-' => Some(62),
        b'/' | b'_' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(body.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in body {
        if c.is_ascii_whitespace() {
            continue;
        }
        if c == b'=' {
            break;
        }
        acc = acc << 6 | u32::from(value(c)?);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// The page of a single-file web page: its first text/html part, decoded.
pub fn page(bytes: &[u8], origin: &Origin) -> Result<Page> {
    let error = |reason: String| Error::Parse { origin: origin.clone(), line: None, reason };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes).trim_ascii_start();
    let (block, body) = split_headers(bytes);
    let top = headers(block);
    let content_type = header(&top, "content-type").unwrap_or_default();
    let boundary = parameter(content_type, "boundary")
        .filter(|b| !b.is_empty())
        .ok_or_else(|| error("a single-file web page (.mht) whose Content-Type names no boundary between its parts".into()))?;
    let delimiter = format!("--{boundary}");
    let mut found = Vec::new();
    for (k, part) in body
        .split(|b| *b == b'\n')
        .fold(vec![Vec::new()], |mut parts: Vec<Vec<u8>>, line| {
            let trimmed = line.strip_suffix(b"\r").unwrap_or(line);
            if trimmed.starts_with(delimiter.as_bytes()) {
                parts.push(Vec::new());
            } else if let Some(last) = parts.last_mut() {
                last.extend_from_slice(line);
                last.push(b'\n');
            }
            parts
        })
        .into_iter()
        .enumerate()
        .skip(1)
    {
        if part.trim_ascii().is_empty() {
            continue;
        }
        let (block, body) = split_headers(&part);
        let h = headers(block);
        let kind = header(&h, "content-type").unwrap_or("text/plain");
        found.push(kind.split(';').next().unwrap_or("").trim().to_owned());
        if !kind.trim_start().to_ascii_lowercase().starts_with("text/html") {
            continue;
        }
        let encoding = header(&h, "content-transfer-encoding").unwrap_or("8bit").to_ascii_lowercase();
        let html = match encoding.as_str() {
            "quoted-printable" => quoted_printable(body),
            "base64" => base64(body).ok_or_else(|| error(format!("part {k} of the single-file web page (text/html) is not valid base64")))?,
            _ => body.to_vec(),
        };
        let charset = parameter(kind, "charset").and_then(|c| charset(&c));
        return Ok(Page { html, charset });
    }
    let seen = if found.is_empty() { "no parts".to_owned() } else { format!("parts of {}", found.join(", ")) };
    Err(error(format!("a single-file web page (.mht) with no text/html part ({seen} between its boundaries \"{boundary}\")")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_and_base64() {
        assert_eq!(quoted_printable(b"a=3D=C4=BF=\r\nb= \nc=ZZ"), b"a=\xC4\xBFbc=ZZ");
        assert_eq!(base64(b"5Lit\r\n5paH").unwrap(), "中文".as_bytes());
        assert_eq!(base64(b"YQ==").unwrap(), b"a");
        assert!(base64(b"a*b").is_none());
    }

    #[test]
    fn the_html_part_in_its_charset() {
        let mht = "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B\"\r\n\r\n\
                   ------B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0K\r\n\
                   ------B\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\nPHA+5Lit5paHPC9wPg==\r\n------B--\r\n";
        assert!(sniff(mht.as_bytes()));
        let got = page(mht.as_bytes(), &Origin(None)).unwrap();
        assert_eq!((got.html.as_slice(), got.charset), ("<p>中文</p>".as_bytes(), Some(Encoding::Utf8)));
        assert!(!sniff(b"<html><body>MIME-Version: 1.0 multipart/related</body></html>"));
        assert!(!sniff("2020年部门预算绩效信息\r\nMIME-Version: 1.0\r\n".as_bytes()));
        let err = page(
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\nContent-Type: image/gif\r\n\r\nGIF\r\n--x--\r\n",
            &Origin(Some("a.mht".into())),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("a.mht: a single-file web page (.mht) with no text/html part (parts of image/gif"), "{err}");
    }
}
