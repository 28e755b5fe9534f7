//! The library's hostile files (for each reader a small file with a large claim, made by its
//! amplification tests' generators, at claims a debug build reads in seconds) uploaded to the
//! server, one by one and all in a .zip: each is an entry of the list (a document, or its
//! one-line reason), and the server keeps answering.

#[path = "../../jixiao/tests/common/hostile.rs"]
#[allow(dead_code)]
mod hostile;
#[path = "../../jixiao/tests/common/pdf.rs"]
mod pdf;
#[path = "../../jixiao/tests/common/sheets.rs"]
#[allow(dead_code)]
mod sheets;

use std::io::Write;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use jixiao_serve::{App, Config, router};
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:8080";

async fn text(app: &std::sync::Arc<App>, request: Request<Body>) -> (StatusCode, String, Option<String>) {
    let r = router(app.clone()).oneshot(request).await.unwrap();
    let status = r.status();
    let cookie = r.headers().get(header::SET_COOKIE).map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned());
    let body = r.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(body.to_vec()).unwrap(), cookie)
}

#[tokio::test]
async fn hostile_files_are_entries_and_the_server_keeps_answering() {
    use hostile::*;
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("far-cell.xlsx", far_cell(100)),
        ("far-cell-every-row.xlsx", far_cell_every_row(20)),
        ("wide-rows.xlsx", wide_rows(300)),
        ("shared-string.xlsx", repeated_shared_string(300)),
        ("shared-strings-declared.xlsx", shared_strings_declared()),
        ("repeated-rows.ods", ods_repeated_rows(2000)),
        ("repeated-cells.ods", ods_repeated_cells(300)),
        ("far-cell.ods", ods_far_cell(2000, 300)),
        ("dimensions-wrap.xls", xls_dimensions_wrap()),
        ("empty-paragraphs.docx", docx_empty_paragraphs(2000)),
        ("deep-nesting.docx", docx_deep_nesting(200)),
        ("tiny-runs.docx", docx_many_tiny_runs(2000)),
        ("spans.html", html_spans(10)),
        ("deep-nesting.html", html_deep_nesting(200)),
        ("tiny-glyphs.pdf", pdf_many_tiny_glyphs(300)),
        ("glyphs-bad-checksum.pdf", pdf_glyphs_behind_a_bad_checksum(300)),
        ("rulings.pdf", pdf_many_rulings(200)),
        ("one-character-pieces.doc", doc_one_character_pieces(1000)),
    ];
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in &files {
        archive.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        archive.write_all(bytes).unwrap();
    }
    let archive = archive.finish().unwrap().into_inner();
    let mut uploads: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    uploads.push(("hostile.zip", &archive));
    let total: usize = uploads.iter().map(|(_, b)| b.len()).sum();
    let app = App::new(Config { max_upload: total + (1 << 20), session_bytes: total * 2, ..Config::default() }).unwrap();
    let (_, _, cookie) = text(&app, Request::get("/").header(header::HOST, HOST).body(Body::empty()).unwrap()).await;
    let cookie = cookie.unwrap();
    let boundary = "hostileBoundary";
    let mut body = Vec::new();
    for (name, bytes) in &uploads {
        write!(body, "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n\r\n").unwrap();
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    write!(body, "--{boundary}--\r\n").unwrap();
    let request = Request::post("/upload")
        .header(header::HOST, HOST)
        .header(header::COOKIE, &cookie)
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
        .body(Body::from(body))
        .unwrap();
    let (status, _, _) = text(&app, request).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, page, _) = text(&app, Request::get("/").header(header::HOST, HOST).header(header::COOKIE, &cookie).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    // Every file twice (alone and from the .zip): a row each, read or failed with its reason.
    let rows = page.matches("<tr class=\"doc\"").count() + page.matches("<tr class=\"failed\"").count();
    assert_eq!(rows, files.len() * 2, "{page}");
    for (name, _) in &files {
        assert!(page.contains(&format!("hostile.zip/{name}")), "{name}");
    }
    // Each read one opens; the batch page draws them all.
    for id in page.split("href=\"/doc/").skip(1).map(|s| s.split('"').next().unwrap().to_owned()) {
        let (status, _, _) =
            text(&app, Request::get(format!("/doc/{id}")).header(header::HOST, HOST).header(header::COOKIE, &cookie).body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::OK, "/doc/{id}");
    }
    let (status, _, _) = text(&app, Request::get("/batch").header(header::HOST, HOST).header(header::COOKIE, &cookie).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
}
