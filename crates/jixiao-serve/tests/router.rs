//! The server driven in-process (tower's `oneshot`): pages, uploads, downloads, sessions, and
//! the security checks, with hostile uploads.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, Response, StatusCode, header};
use http_body_util::BodyExt;
use jixiao_serve::{App, Config, router};
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:8080";

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data").join(name)
}

fn app(config: Config) -> Arc<App> {
    App::new(config).unwrap()
}

async fn send(app: &Arc<App>, request: Request<Body>) -> Response<Body> {
    router(app.clone()).oneshot(request).await.unwrap()
}

async fn text(response: Response<Body>) -> String {
    String::from_utf8(bytes(response).await).unwrap()
}

async fn bytes(response: Response<Body>) -> Vec<u8> {
    response.into_body().collect().await.unwrap().to_bytes().to_vec()
}

fn get(path: &str, cookie: Option<&str>) -> Request<Body> {
    let mut r = Request::get(path).header(header::HOST, HOST);
    if let Some(c) = cookie {
        r = r.header(header::COOKIE, c);
    }
    r.body(Body::empty()).unwrap()
}

/// The session cookie a response sets (`name=value`).
fn session_cookie(response: &Response<Body>) -> String {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("jixiao_session="))
        .map(|v| v.split(';').next().unwrap().to_owned())
        .expect("a session cookie")
}

async fn new_session(app: &Arc<App>) -> String {
    let r = send(app, get("/", None)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let c = session_cookie(&r);
    assert!(r.headers().get_all(header::SET_COOKIE).iter().any(|v| v.to_str().unwrap().contains("HttpOnly; SameSite=Strict")));
    c
}

fn multipart(files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----jixiaoTestBoundary7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, content) in files {
        write!(body, "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .unwrap();
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    write!(body, "--{boundary}--\r\n").unwrap();
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(app: &Arc<App>, cookie: &str, files: &[(&str, &[u8])]) -> Response<Body> {
    let (content_type, body) = multipart(files);
    let r = Request::post("/upload")
        .header(header::HOST, HOST)
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    send(app, r).await
}

fn count(page: &str, id: &str) -> usize {
    let marker = format!("id=\"{id}\">");
    let start = page.find(&marker).unwrap_or_else(|| panic!("no {id} in the page")) + marker.len();
    page[start..].split('<').next().unwrap().parse().unwrap()
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in entries {
        w.start_file(*name, zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated)).unwrap();
        w.write_all(content).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[tokio::test]
async fn upload_the_sample_and_a_self_evaluation_see_counts_open_and_download() {
    let app = app(Config::default());
    let cookie = new_session(&app).await;
    let sample = std::fs::read(data("000_3e963503b18f6771.txt")).unwrap();
    let selfeval = std::fs::read(data("selfeval-sample.xlsx")).unwrap();
    let r = upload(&app, &cookie, &[("sample.txt", &sample), ("selfeval.xlsx", &selfeval)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = text(send(&app, get("/", Some(&cookie))).await).await;
    assert_eq!(count(&page, "count-docs"), 2);
    assert_eq!(count(&page, "count-failed"), 0);
    // The same counts as the library's review and score.
    let doc = jixiao::parse_bytes(&sample, &jixiao::ReadOptions::default()).unwrap();
    let (e, w, i) = jixiao::review::counts(&jixiao::review(&doc, &jixiao::ReviewConfig::new()));
    let se = jixiao::parse_bytes(&selfeval, &jixiao::ReadOptions::default()).unwrap();
    let (e2, w2, i2) = jixiao::review::counts(&jixiao::review(&se, &jixiao::ReviewConfig::new()));
    assert_eq!(count(&page, "count-errors"), e + e2);
    assert_eq!(count(&page, "count-warnings"), w + w2);
    assert_eq!(count(&page, "count-infos"), i + i2);
    let score = jixiao::score(&se, &jixiao::ScoringRules::default());
    assert_eq!(count(&page, "count-score"), score.findings.len());
    assert!(!score.findings.is_empty());
    let id = page.split("href=\"/doc/").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let doc_page = text(send(&app, get(&format!("/doc/{id}"), Some(&cookie))).await).await;
    assert_eq!(doc_page.matches("<table class=\"jx-form\">").count(), doc.tables().count());
    assert!(doc_page.contains("class=\"jx-f jx-f-"), "findings are marked on cells");
    assert!(doc_page.contains("class=\"f-rule\""), "the rule filters");
    let en = text(send(&app, get(&format!("/doc/{id}?lang=en"), Some(&cookie))).await).await;
    let findings = jixiao::review(&doc, &jixiao::ReviewConfig::new());
    assert!(en.contains(&jixiao::write::html::escape(&findings[0].message)));
    assert!(en.contains("<html lang=\"en\">"));
    // The self-evaluation: computed beside reported, differences marked.
    let se_id = page.split("href=\"/doc/").nth(2).unwrap().split('"').next().unwrap().to_owned();
    let se_page = text(send(&app, get(&format!("/doc/{se_id}"), Some(&cookie))).await).await;
    assert!(se_page.contains("jx-computed jx-diff"));
    // Downloads.
    let r = send(&app, get(&format!("/doc/{id}/findings.xlsx"), Some(&cookie))).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()[header::CONTENT_DISPOSITION].to_str().unwrap().contains("filename*=UTF-8''sample-%E5%AE%A1"));
    let xlsx = bytes(r).await;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(&mut z.by_name("xl/worksheets/sheet1.xml").unwrap(), &mut sheet).unwrap();
    assert_eq!(sheet.matches("<row ").count(), findings.len() + 1);
    let json = text(send(&app, get(&format!("/doc/{id}/model.json"), Some(&cookie))).await).await;
    let back: jixiao::Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back.indicator_count(), doc.indicator_count());
    let csv = text(send(&app, get(&format!("/doc/{id}/model.csv"), Some(&cookie))).await).await;
    assert!(csv.lines().count() > doc.indicator_count());
    let model = bytes(send(&app, get(&format!("/doc/{id}/model.xlsx"), Some(&cookie))).await).await;
    let again = jixiao::parse_bytes(&model, &jixiao::ReadOptions::default()).unwrap();
    assert_eq!(again.indicator_count(), doc.indicator_count());
    assert_eq!(send(&app, get(&format!("/doc/{id}/nothing"), Some(&cookie))).await.status(), StatusCode::NOT_FOUND);
    // The batch page: charts.
    let batch = text(send(&app, get("/batch", Some(&cookie))).await).await;
    assert!(batch.matches("<svg").count() >= 3);
    assert!(batch.contains("id=\"scores\""));
    let all = bytes(send(&app, get("/findings.xlsx", Some(&cookie))).await).await;
    assert!(all.starts_with(b"PK"));
}

#[tokio::test]
async fn settings_change_the_review_and_download_as_jixiao_toml() {
    let app = app(Config { paths: vec![data("000_3e963503b18f6771.txt")], ..Config::default() });
    let cookie = new_session(&app).await;
    let page = text(send(&app, get("/", Some(&cookie))).await).await;
    assert_eq!(count(&page, "count-docs"), 1, "the paths given at start");
    let before = count(&page, "count-errors") + count(&page, "count-warnings") + count(&page, "count-infos");
    let doc = jixiao::open(data("000_3e963503b18f6771.txt"), &jixiao::ReadOptions::default()).unwrap();
    let findings = jixiao::review(&doc, &jixiao::ReviewConfig::new());
    let rule = findings[0].rule.clone();
    let of_rule = findings.iter().filter(|f| f.rule == rule).count();
    let form = format!("rule.{rule}=allow&rule.missing-sign=warn");
    let r = Request::post("/settings")
        .header(header::HOST, HOST)
        .header(header::COOKIE, &cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .unwrap();
    assert_eq!(send(&app, r).await.status(), StatusCode::SEE_OTHER);
    let page = text(send(&app, get("/", Some(&cookie))).await).await;
    let mut config = jixiao::ReviewConfig::new();
    config.set(&rule, jixiao::review::Level::Allow).unwrap();
    config.set("missing-sign", jixiao::review::Level::Warn).unwrap();
    let after = jixiao::review(&doc, &config).len();
    assert_eq!(count(&page, "count-errors") + count(&page, "count-warnings") + count(&page, "count-infos"), after);
    assert_ne!(after, before);
    assert!(after >= before - of_rule);
    let toml_text = text(send(&app, get("/jixiao.toml", Some(&cookie))).await).await;
    assert!(toml_text.contains(&format!("allow = [\"{rule}\"]")), "{toml_text}");
    assert!(toml_text.contains("warn = [\"missing-sign\"]"), "{toml_text}");
    // It reads back as the CLI reads jixiao.toml.
    #[derive(serde::Deserialize)]
    struct File {
        review: jixiao::ReviewConfig,
    }
    let back: File = toml::from_str(&toml_text).unwrap();
    assert_eq!(back.review, config);
    let settings = text(send(&app, get("/settings", Some(&cookie))).await).await;
    assert!(settings.contains("<option value=\"allow\" selected>"));
    // An unknown rule is an error on the page.
    let r = Request::post("/settings")
        .header(header::HOST, HOST)
        .header(header::COOKIE, &cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("rule.no-such-rule=deny"))
        .unwrap();
    let r = send(&app, r).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(text(r).await.contains("unknown review rule"));
}

#[tokio::test]
async fn sessions_never_see_each_others_files_and_are_capped() {
    let app = app(Config { max_sessions: 2, ..Config::default() });
    let a = new_session(&app).await;
    let b = new_session(&app).await;
    assert_ne!(a, b);
    let sample = std::fs::read(data("000_3e963503b18f6771.txt")).unwrap();
    upload(&app, &a, &[("a-secret.txt", &sample)]).await;
    let page_b = text(send(&app, get("/", Some(&b))).await).await;
    assert!(!page_b.contains("a-secret"));
    assert_eq!(count(&page_b, "count-docs"), 0);
    let page_a = text(send(&app, get("/", Some(&a))).await).await;
    let id = page_a.split("href=\"/doc/").nth(1).unwrap().split('"').next().unwrap().to_owned();
    // B cannot open A's document by its id.
    assert_eq!(send(&app, get(&format!("/doc/{id}"), Some(&b))).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(send(&app, get(&format!("/doc/{id}/model.json"), Some(&b))).await.status(), StatusCode::NOT_FOUND);
    // A made-up session id gets a new, empty session.
    let r = send(&app, get("/", Some("jixiao_session=00000000000000000000000000000000"))).await;
    let fresh = session_cookie(&r);
    assert!(!text(r).await.contains("a-secret"));
    // Three sessions with a cap of two: the least recently used (a: b was used since) is gone,
    // and its documents with it.
    assert_eq!(app.sessions.len(), 2);
    let r = send(&app, get("/", Some(&a))).await;
    assert_ne!(session_cookie(&r), a, "a was dropped and starts again");
    assert!(!text(r).await.contains("a-secret"));
    assert_eq!(app.sessions.len(), 2);
    let _ = fresh;
}

#[tokio::test]
async fn the_host_header_must_name_this_server() {
    let app = app(Config::default());
    for host in ["evil.example", "evil.example:8080", "127.0.0.1.nip.io:8080", "localhost:9999"] {
        let r = Request::get("/").header(header::HOST, host).body(Body::empty()).unwrap();
        assert_eq!(send(&app, r).await.status(), StatusCode::FORBIDDEN, "{host}");
    }
    for host in ["localhost:8080", "127.0.0.1:8080", "[::1]:8080"] {
        let r = Request::get("/").header(header::HOST, host).body(Body::empty()).unwrap();
        assert_eq!(send(&app, r).await.status(), StatusCode::OK, "{host}");
    }
    let r = Request::get("/").body(Body::empty()).unwrap();
    assert_eq!(send(&app, r).await.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_form_from_another_origin_is_refused() {
    let app = app(Config::default());
    let cookie = new_session(&app).await;
    let r = Request::post("/clear")
        .header(header::HOST, HOST)
        .header(header::COOKIE, &cookie)
        .header(header::ORIGIN, "http://evil.example")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, r).await.status(), StatusCode::FORBIDDEN);
    let r = Request::post("/clear").header(header::HOST, HOST).header(header::COOKIE, &cookie).header(header::ORIGIN, "null").body(Body::empty()).unwrap();
    assert_eq!(send(&app, r).await.status(), StatusCode::FORBIDDEN, "a sandboxed page's form");
    let r = Request::post("/clear")
        .header(header::HOST, HOST)
        .header(header::COOKIE, &cookie)
        .header(header::ORIGIN, "http://127.0.0.1:8080")
        .body(Body::empty())
        .unwrap();
    let r = send(&app, r).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // The pages' own forms carry their origin: no-referrer would make a browser send `null`.
    assert_eq!(r.headers()["referrer-policy"], "same-origin");
}

#[tokio::test]
async fn off_loopback_every_request_carries_the_token() {
    let token = "s3cret-token-0123456789";
    let bare = Config { addr: "0.0.0.0:8080".parse().unwrap(), ..Config::default() };
    assert!(jixiao_serve::check(&bare).unwrap_err().contains("--token"));
    assert!(jixiao_serve::check(&Config { token: Some("short".into()), ..bare.clone() }).is_err());
    let config = Config { token: Some(token.into()), ..bare };
    jixiao_serve::check(&config).unwrap();
    let app = app(config);
    let host = "192.168.1.10:8080";
    let r = Request::get("/").header(header::HOST, host).body(Body::empty()).unwrap();
    assert_eq!(send(&app, r).await.status(), StatusCode::UNAUTHORIZED);
    let r = Request::get("/").header(header::HOST, host).header(header::COOKIE, "jixiao_token=wrong-token-0123456789").body(Body::empty()).unwrap();
    assert_eq!(send(&app, r).await.status(), StatusCode::UNAUTHORIZED);
    let r = Request::get("/batch").header(header::HOST, host).header(header::AUTHORIZATION, format!("Bearer {token}")).body(Body::empty()).unwrap();
    assert_eq!(send(&app, r).await.status(), StatusCode::OK);
    let r = Request::get("/assets/app.js").header(header::HOST, host).header("x-jixiao-token", token).body(Body::empty()).unwrap();
    assert_eq!(send(&app, r).await.status(), StatusCode::OK);
    // ?token= sets the cookie and leaves the token out of the address.
    let r = Request::get(format!("/batch?lang=en&token={token}")).header(header::HOST, host).body(Body::empty()).unwrap();
    let r = send(&app, r).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()[header::LOCATION], "/batch?lang=en");
    let set = r.headers()[header::SET_COOKIE].to_str().unwrap().to_owned();
    assert!(set.starts_with(&format!("jixiao_token={token};")) && set.contains("HttpOnly"));
    let r = Request::get("/batch").header(header::HOST, host).header(header::COOKIE, format!("jixiao_token={token}")).body(Body::empty()).unwrap();
    assert_eq!(send(&app, r).await.status(), StatusCode::OK);
    // A name that is not this server is refused even with the token (DNS rebinding).
    let r = Request::get("/").header(header::HOST, "rebind.example:8080").header(header::AUTHORIZATION, format!("Bearer {token}")).body(Body::empty()).unwrap();
    assert_eq!(send(&app, r).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn hostile_uploads_are_errors_on_the_page_never_a_crash() {
    let limits = jixiao::Limits { max_entries: 20, max_bytes: 1 << 20, ..jixiao::Limits::default() };
    let app = app(Config { max_upload: 4 << 20, read: jixiao::ReadOptions { limits, ..Default::default() }, ..Config::default() });
    let cookie = new_session(&app).await;
    let sample = std::fs::read(data("000_3e963503b18f6771.txt")).unwrap();
    let docx = std::fs::read(data("000_3e963503b18f6771.docx")).unwrap();
    let many: Vec<(String, Vec<u8>)> = (0..30).map(|i| (format!("f{i}.txt"), b"x".to_vec())).collect();
    let many_refs: Vec<(&str, &[u8])> = many.iter().map(|(n, c)| (n.as_str(), c.as_slice())).collect();
    let many_zip = zip_of(&many_refs);
    let bomb = zip_of(&[("big.txt", &vec![b'0'; 3 << 20])]);
    let folder = zip_of(&[("dir/sample.txt", &sample), ("dir/sample.docx", &docx), ("__MACOSX/._x", b"junk"), ("inner.zip", &zip_of(&[("a.txt", b"a")]))]);
    let files: Vec<(&str, &[u8])> = vec![
        ("<script>alert(1)</script>.txt", b"\x00\x01\x02 not a document \xff\xfe"),
        ("cut.docx", &docx[..docx.len() / 2]),
        ("empty.xlsx", b""),
        ("garbage.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF"),
        ("many.zip", &many_zip),
        ("bomb.zip", &bomb),
        ("folder.zip", &folder),
        ("not-a-zip.zip", b"PK\x03\x04 truncated"),
    ];
    let r = upload(&app, &cookie, &files).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = text(send(&app, get("/", Some(&cookie))).await).await;
    assert!(!page.contains("<script>alert"), "a file's name is escaped");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;.txt"));
    assert!(page.contains("more than the limit of 20"), "too many entries in a .zip");
    assert!(page.contains("inflates past the limit"), "a .zip that inflates too far");
    assert!(page.contains("folder.zip/dir/sample.txt") && page.contains("folder.zip/dir/sample.docx"), "a .zip's documents are read");
    assert!(!page.contains("__MACOSX"));
    assert!(page.contains("a ZIP archive inside a ZIP archive"));
    assert!(page.contains("class=\"failed\""));
    assert!(count(&page, "count-docs") >= 2);
    // Too large an upload is refused with a page, and the server still answers.
    let big = vec![b'a'; 5 << 20];
    let r = upload(&app, &cookie, &[("big.txt", &big)]).await;
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(text(r).await.contains("id=\"error\""));
    // No file, and a body that is no multipart.
    let r = upload(&app, &cookie, &[]).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let r = Request::post("/upload")
        .header(header::HOST, HOST)
        .header(header::COOKIE, &cookie)
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=x")
        .body(Body::from("garbage"))
        .unwrap();
    assert!(send(&app, r).await.status().is_client_error());
    assert_eq!(send(&app, get("/", Some(&cookie))).await.status(), StatusCode::OK);
    // Each failed entry's page says why.
    let failed = page.split("class=\"failed\" data-id=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let r = send(&app, get(&format!("/doc/{failed}"), Some(&cookie))).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(send(&app, get("/doc/not-a-number", Some(&cookie))).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_session_holds_a_bounded_amount() {
    let app = app(Config { session_bytes: 70_000, ..Config::default() });
    let cookie = new_session(&app).await;
    let sample = std::fs::read(data("000_3e963503b18f6771.txt")).unwrap();
    assert!(sample.len() < 70_000 && sample.len() * 2 > 70_000, "{}", sample.len());
    assert_eq!(upload(&app, &cookie, &[("one.txt", &sample)]).await.status(), StatusCode::SEE_OTHER);
    let r = upload(&app, &cookie, &[("two.txt", &sample)]).await;
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let r = Request::post("/clear").header(header::HOST, HOST).header(header::COOKIE, &cookie).body(Body::empty()).unwrap();
    send(&app, r).await;
    assert_eq!(upload(&app, &cookie, &[("two.txt", &sample)]).await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn pages_fetch_nothing_from_outside_and_forbid_it() {
    let app = app(Config { paths: vec![data("000_3e963503b18f6771.txt"), data("selfeval-sample.xlsx")], ..Config::default() });
    let cookie = new_session(&app).await;
    let index = text(send(&app, get("/", Some(&cookie))).await).await;
    let id = index.split("href=\"/doc/").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let doc = format!("/doc/{id}");
    for path in ["/", &doc, "/settings", "/batch", "/assets/app.js", "/assets/app.css"] {
        let r = send(&app, get(path, Some(&cookie))).await;
        let csp = r.headers().get("content-security-policy").map(|v| v.to_str().unwrap().to_owned());
        assert!(csp.is_some_and(|c| c.contains("default-src 'self'")));
        let page = text(r).await;
        for outside in ["http://", "https://", "//cdn", "@import", "url(", "fonts.g"] {
            assert!(!page.contains(outside), "{path}: {outside}");
        }
    }
}
