//! Every file under tests/data against the model the previous release read from it: the
//! snapshots in `snapshots/differential__*.snap` were written by the code before the block
//! stream (issue 25), and a change of reader must leave them as they are, apart from fixes
//! listed one by one in the change's note (`INSTA_UPDATE=always` rewrites them; review the diff).
//! Lines and locations are left out: they say where a node came from, which the block stream
//! may say differently; everything else — texts, targets, notes in order — must be equal.

mod common;

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("tests/data is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("md" | "sh" | "tsv" | "snap" | "py"))
            && !path.to_string_lossy().ends_with(".source.txt")
        {
            out.push(path);
        }
    }
}

/// What a file reads as: the model without lines, or the error's message.
fn reading(path: &Path, name: &str) -> String {
    let bytes = std::fs::read(path).expect("a corpus file is readable");
    render(jixiao::parse_bytes(&bytes, &options(name)))
}

/// The name under tests/data, not the clone's absolute path, goes into messages.
fn options(name: &str) -> jixiao::ReadOptions {
    jixiao::ReadOptions { path: Some(name.to_owned()), ..Default::default() }
}

/// Whether the file is a PDF (the one reader that reads a file it opens otherwise than bytes).
fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

fn render(read: jixiao::Result<jixiao::Document>) -> String {
    match read {
        Ok(doc) => jixiao::write::json::to_string(&common::without_lines(&doc), true).expect("a model serialises"),
        Err(e) => format!("error: {e}"),
    }
}

#[test]
fn every_file_reads_as_the_previous_release_read_it() {
    let root = common::data_dir();
    let mut paths = Vec::new();
    files(&root, &mut paths);
    paths.sort();
    assert!(paths.len() >= 30, "the corpus is there");
    // Every file is compared, and every difference reported, before the test fails.
    let (mut differ, mut apart) = (Vec::new(), Vec::new());
    for path in paths {
        let relative = path.strip_prefix(&root).expect("under tests/data").to_string_lossy().into_owned();
        let name = relative.replace(['/', '.'], "_");
        let compared = std::panic::catch_unwind(|| {
            insta::with_settings!({ snapshot_path => "snapshots/differential", prepend_module_to_snapshot => false, omit_expression => true }, {
                insta::assert_snapshot!(name, reading(&path, &relative));
            });
        });
        if compared.is_err() {
            differ.push(relative.clone());
        }
        // A file the read opens itself may be read in other ways than the caller's bytes (a
        // PDF's font programs are cut before it is parsed, and read again when a font needs
        // them): the model is the same.
        // (`open` names the file by the path it opened.)
        let pdf = std::fs::read(&path).is_ok_and(|b| is_pdf(&b));
        let opened = || render(jixiao::open(&path, &options(&relative))).replace(&*path.to_string_lossy(), &relative);
        if pdf && opened() != reading(&path, &relative) {
            apart.push(relative);
        }
    }
    assert!(differ.is_empty(), "read differently from the previous release: {differ:?}");
    assert!(apart.is_empty(), "read differently from a path than from bytes: {apart:?}");
}
