//! PDFs made by hand for the tests: a one-page file around a content stream.

/// A one-page PDF whose deflated content stream is `content`.
pub fn deflated(content: &[u8]) -> Vec<u8> {
    with_objects(content, "", &[])
}

/// An object that is a stream: its dictionary's entries (besides /Length and /Filter) and its
/// content, deflated.
pub fn stream(entries: &str, content: &[u8]) -> Vec<u8> {
    let mut stream = lopdf::Stream::new(lopdf::Dictionary::new(), content.to_vec());
    stream.compress().unwrap();
    // lopdf leaves a stream that would not shrink as it is.
    let filter = if stream.dict.has(b"Filter") { " /Filter /FlateDecode" } else { "" };
    let mut data = stream.content.clone();
    data.push(b'\n');
    [format!("<< {entries} /Length {}{filter} >>\nstream\n", data.len()).into_bytes(), data, b"endstream".to_vec()].concat()
}

/// A one-page PDF whose deflated content stream is `content`, with the font F1 (object 5) and
/// `resources` (more entries of the page's resource dictionary) and `extra` objects, numbered
/// from 6.
pub fn with_objects(content: &[u8], resources: &str, extra: &[Vec<u8>]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> {resources} >> /Contents 4 0 R >>").into_bytes(),
        stream("", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    objects.extend(extra.iter().cloned());
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).bytes());
        out.extend(o);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    offsets.iter().for_each(|o| out.extend(format!("{o:010} 00000 n \n").bytes()));
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}
