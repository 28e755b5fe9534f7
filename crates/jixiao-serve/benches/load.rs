//! Load: 50 clients upload the sample at once to `jixiao serve` on loopback, each in a session
//! of its own; every answer is checked (the redirect, then the list with the library's own
//! counts). Prints the time and the server's peak memory (VmHWM). Not a timed test:
//! `make bench-serve` (release build), or `cargo bench -p jixiao-serve --bench load`.
//!
//! JIXIAO_BIN names the binary (default target/release/jixiao); CLIENTS the number of clients.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One HTTP/1.1 exchange on a fresh connection: the status, the headers, the body.
fn exchange(addr: &str, request: &[u8]) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    stream.write_all(request).expect("send");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("read");
    let split = answer.windows(4).position(|w| w == b"\r\n\r\n").expect("a header");
    let head = String::from_utf8_lossy(&answer[..split]).into_owned();
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, head, answer[split + 4..].to_vec())
}

fn cookie(head: &str) -> String {
    head.lines()
        .find_map(|l| l.strip_prefix("set-cookie: jixiao_session="))
        .map(|v| format!("jixiao_session={}", v.split(';').next().unwrap()))
        .expect("a session cookie")
}

fn count(page: &str, id: &str) -> usize {
    let marker = format!("id=\"{id}\">");
    let start = page.find(&marker).expect("the count") + marker.len();
    page[start..].split('<').next().unwrap().parse().unwrap()
}

/// A chunked body decoded (hyper answers pages chunked).
fn dechunk(head: &str, body: &[u8]) -> String {
    if !head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        return String::from_utf8_lossy(body).into_owned();
    }
    let mut out = Vec::new();
    let mut rest = body;
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n").unwrap();
        let size = usize::from_str_radix(std::str::from_utf8(&rest[..line_end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        out.extend_from_slice(&rest[line_end + 2..line_end + 2 + size]);
        rest = &rest[line_end + 2 + size + 2..];
    }
    String::from_utf8(out).unwrap()
}

fn main() {
    let bin = std::env::var_os("JIXIAO_BIN").map(PathBuf::from).unwrap_or_else(|| root().join("target/release/jixiao"));
    let clients: usize = std::env::var("CLIENTS").ok().and_then(|c| c.parse().ok()).unwrap_or(50);
    let sample_path = root().join("tests/data/000_3e963503b18f6771.txt");
    let sample = std::fs::read(&sample_path).unwrap();
    let doc = jixiao::parse_bytes(&sample, &jixiao::ReadOptions::default()).unwrap();
    let (errors, warnings, infos) = jixiao::review::counts(&jixiao::review(&doc, &jixiao::ReviewConfig::new()));
    let mut server = Command::new(&bin)
        .args(["serve", "--port", "0", "--no-config", "--max-sessions", &(clients + 8).to_string()])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e} (build it: cargo build --release -p jixiao-cli)", bin.display()));
    let mut url = String::new();
    BufReader::new(server.stdout.take().unwrap()).read_line(&mut url).unwrap();
    let addr = url.trim().trim_start_matches("http://").trim_end_matches('/').replace("localhost", "127.0.0.1");
    let host = url.trim().trim_start_matches("http://").trim_end_matches('/').to_owned();
    let boundary = "jixiaoLoadBoundary";
    let mut body =
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"sample.txt\"\r\nContent-Type: text/plain\r\n\r\n").into_bytes();
    body.extend_from_slice(&sample);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let body = Arc::new(body);
    let barrier = Arc::new(Barrier::new(clients));
    let start = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|_| {
            let (addr, host, body, barrier) = (addr.clone(), host.clone(), body.clone(), barrier.clone());
            std::thread::spawn(move || {
                let (status, head, _) = exchange(&addr, format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes());
                assert_eq!(status, 200);
                let cookie = cookie(&head);
                barrier.wait();
                let t = Instant::now();
                let mut request = format!(
                    "POST /upload HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\nOrigin: http://{host}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                )
                .into_bytes();
                request.extend_from_slice(&body);
                let (status, _, _) = exchange(&addr, &request);
                assert_eq!(status, 303, "the upload is answered with the list");
                let (status, head, page) = exchange(&addr, format!("GET / HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n").as_bytes());
                assert_eq!(status, 200);
                let page = dechunk(&head, &page);
                assert_eq!(count(&page, "count-docs"), 1, "each session sees its own upload only");
                assert_eq!((count(&page, "count-errors"), count(&page, "count-warnings"), count(&page, "count-infos")), (errors, warnings, infos));
                t.elapsed()
            })
        })
        .collect();
    let mut latencies: Vec<Duration> = threads.into_iter().map(|t| t.join().expect("a client failed")).collect();
    let wall = start.elapsed();
    latencies.sort();
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.id())).unwrap_or_default();
    let peak = status.lines().find(|l| l.starts_with("VmHWM:")).map_or("unknown".to_owned(), |l| l.trim_start_matches("VmHWM:").trim().to_owned());
    let _ = server.kill();
    let _ = server.wait();
    println!(
        "{clients} clients uploading the sample ({} bytes) at once: all {clients} answers right; wall {:.2} s; per client (upload + list) median {:.0} ms, max {:.0} ms; server peak memory (VmHWM) {peak}",
        sample.len(),
        wall.as_secs_f64(),
        latencies[latencies.len() / 2].as_secs_f64() * 1000.0,
        latencies[latencies.len() - 1].as_secs_f64() * 1000.0,
    );
}
