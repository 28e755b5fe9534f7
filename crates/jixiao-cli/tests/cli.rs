//! The `jixiao` command as a user runs it: outputs, exit codes, one-line errors.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn sample() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/000_3e963503b18f6771.txt").display().to_string()
}

fn jixiao(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao")).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // Fed from a thread, so that a large input never waits on output nobody reads; a run that
    // stops before reading it all (a usage error) closes the pipe, which is no failure here.
    let mut input = child.stdin.take().unwrap();
    let data = stdin.unwrap_or_default().to_vec();
    let feeder = std::thread::spawn(move || match input.write_all(&data) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("writing stdin: {e}"),
        _ => {}
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn parse_prints_pretty_json() {
    let o = jixiao(&["parse", &sample()], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("{\n  \"schema_version\": 2,"));
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["year"], 2020);
    assert!(stderr(&o).is_empty());
}

#[test]
fn several_inputs_give_ndjson_and_one_csv() {
    let s = sample();
    let o = jixiao(&["parse", &s, "-"], Some(&std::fs::read(&s).unwrap()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let mut lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    // Each line names its input, and is otherwise the same document.
    let files: Vec<serde_json::Value> = lines.iter_mut().map(|l| l.as_object_mut().unwrap().remove("file").unwrap()).collect();
    assert_eq!(files, [serde_json::json!(s), serde_json::json!("<stdin>")]);
    assert_eq!(lines[0], lines[1]);
    let o = jixiao(&["parse", &s, &s, "--format", "csv", "--bom"], None);
    let csv = stdout(&o);
    assert!(csv.starts_with("\u{FEFF}file,section_kind,"));
    assert_eq!(csv.matches("\r\n").count(), 1 + 2 * 115);
}

#[test]
fn compact_json_text_and_output_file() {
    let dir = std::env::temp_dir().join(format!("jixiao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("out.txt");
    let o = jixiao(&["parse", &sample(), "--format", "text", "-o", out.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("2020年部门预算绩效信息\n"));
    // The text output parses again to the same model.
    let a = jixiao(&["parse", &sample(), "--compact"], None);
    let b = jixiao(&["parse", out.to_str().unwrap(), "--compact"], None);
    let strip = |s: String| s.lines().count();
    assert_eq!(strip(stdout(&a)), 1);
    assert_eq!(strip(stdout(&b)), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `-o -` is standard output, as `-` is standard input: no file named `-` is made.
#[test]
fn output_dash_is_standard_output() {
    let dir = std::env::temp_dir().join(format!("jixiao-cli-dash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_jixiao")).args(args).current_dir(&dir).output().unwrap();
    let sample = sample();
    let to_dash = run(&["parse", &sample, "--compact", "-o", "-"]);
    assert_eq!(to_dash.status.code(), Some(0), "{}", stderr(&to_dash));
    assert_eq!(stdout(&to_dash), stdout(&run(&["parse", &sample, "--compact"])));
    for verb in ["check", "score"] {
        let o = run(&[verb, &sample, "-o", "-"]);
        assert!(!stdout(&o).is_empty(), "{verb}: {}", stderr(&o));
    }
    let o = run(&["parse", &sample, "--format", "xlsx", "-o", "-"]);
    assert_eq!(o.status.code(), Some(2), "xlsx is a binary file: {}", stderr(&o));
    assert!(!dir.join("-").exists(), "a file named - was made");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn output_file_is_written_as_documents_are_read_and_not_made_when_nothing_is() {
    let dir = std::env::temp_dir().join(format!("jixiao-cli-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("out.json");
    let path = out.to_str().unwrap();
    // One input that cannot be read: an error, and no file left behind.
    let o = jixiao(&["parse", "/nonexistent/x.txt", "-o", path], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists(), "a failed run left {path}");
    // Nor one that is no document (one text input is written table by table as it is read).
    let o = jixiao(&["parse", "-", "-o", path], Some("just some words".as_bytes()));
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists(), "a failed run left {path}");
    // Several inputs, one bad: the good ones are written, one JSON line each, and exit 2.
    let o = jixiao(&["parse", &sample(), "/nonexistent/x.txt", &sample(), "-o", path], None);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().count(), 2);
    for line in written.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(doc["title"], "2020年部门预算绩效信息");
    }
    // The same through standard output.
    let piped = jixiao(&["parse", &sample(), "/nonexistent/x.txt", &sample()], None);
    assert_eq!(stdout(&piped), written);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_input_exits_2_with_one_line_naming_the_file() {
    let o = jixiao(&["parse", "/nonexistent/x.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("jixiao: /nonexistent/x.txt: "), "{err}");

    let o = jixiao(&["parse", "-"], Some(b"just some words\n"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("jixiao: <stdin>: not a performance document"), "{}", stderr(&o));

    let o = jixiao(&["parse", "-"], Some(b"\x00\x01\x02garbage\xff"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("<stdin>:1: binary data"), "{}", stderr(&o));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(jixiao(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(jixiao(&["parse", "--format", "xml"], None).status.code(), Some(2));
    assert_eq!(jixiao(&["parse", "--encoding", "latin9"], None).status.code(), Some(2));
    let s = sample();
    let o = jixiao(&["parse", &s, &s, "--format", "text"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("text, html and xlsx output take one input"));
    assert_eq!(jixiao(&["--version"], None).status.code(), Some(0));
}

#[test]
fn unplaced_content_is_reported_as_warnings() {
    let input = "第二部分 专项资金绩效目标\n1、某资金绩效目标表\n\t一级指标\n\t三级指标\n\n\t产出指标\n\t人数\n\n\n孤立的一行\n";
    let o = jixiao(&["parse", "-", "--format", "csv"], Some(input.as_bytes()));
    assert_eq!(o.status.code(), Some(0));
    // The table has no 指标值 column either: said after the unplaced content.
    assert_eq!(
        stderr(&o).trim(),
        "<stdin>:10: warning: content not placed in the model (kept in notes): 孤立的一行\n<stdin>:2: warning: table `1、某资金绩效目标表` has indicator rows but no target column (指标值) among its columns `一级指标 | 三级指标`: every target reads empty"
    );
    let quiet = jixiao(&["parse", "-", "-q"], Some(input.as_bytes()));
    assert!(stderr(&quiet).is_empty());
}

#[test]
fn schema_prints_the_committed_schema() {
    let o = jixiao(&["schema"], None);
    assert_eq!(o.status.code(), Some(0));
    let committed = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../include/jixiao.schema.json")).unwrap();
    assert_eq!(stdout(&o), committed);
}

#[test]
fn target_reads_single_values() {
    let o = jixiao(&["target", "≥1,500人", "不超过10万元"], None);
    assert_eq!(o.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["comparator"], "ge");
    assert_eq!(lines[0]["value"], 1500.0);
    assert_eq!(lines[1]["value_yuan"], 100000.0);
    let o = jixiao(&["target"], Some("明显提高\n根据实际\n".as_bytes()));
    let kinds: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["kind"].clone()).collect();
    assert_eq!(kinds, ["qualitative", "as_actual"]);
}

fn data(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data").join(name).display().to_string()
}

#[test]
fn word_and_excel_files_in_xlsx_out() {
    // .docx and .xlsx read by content; warnings name the place in the user's terms.
    let o = jixiao(&["parse", &data("docx-features.docx"), "--compact"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("docx-features.docx:table 1, row 4, column 3: warning:"), "{}", stderr(&o));
    let o = jixiao(&["parse", &data("sheets-features.xlsx"), "--format", "csv"], None);
    assert!(stderr(&o).contains("sheets-features.xlsx:说明!A1: warning:"), "{}", stderr(&o));
    // xlsx out needs a file, and reads back.
    let o = jixiao(&["parse", &sample(), "--format", "xlsx"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("-o FILE.xlsx"));
    let out = std::env::temp_dir().join(format!("jixiao-cli-{}.xlsx", std::process::id()));
    let o = jixiao(&["parse", &sample(), "--format", "xlsx", "-o", &out.display().to_string()], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = jixiao(&["parse", &out.display().to_string(), "--format", "csv"], None);
    assert_eq!(stdout(&o).matches("\r\n").count(), 116);
    std::fs::remove_file(out).ok();
    // Limits from the command line.
    let o = jixiao(&["parse", &data("sheets-features.xlsx"), "--max-cells", "10"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("max_cells") && stderr(&o).contains("--max-cells"), "{}", stderr(&o));
}

#[test]
fn one_bad_input_among_several_is_one_error_line() {
    let dir = std::env::temp_dir().join(format!("jixiao-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, "just some words").unwrap();
    let o = jixiao(&["parse", &sample(), &bad.display().to_string(), &sample(), "--compact", "-q"], None);
    assert_eq!(o.status.code(), Some(2), "the exit code says some failed");
    assert_eq!(stdout(&o).lines().count(), 2, "the good inputs are still written");
    let err = stderr(&o);
    assert!(err.contains("bad.txt") && err.contains("1 of 3 inputs"), "{err}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn ndjson_is_a_compact_document_a_line_for_one_input_or_many() {
    let one = stdout(&jixiao(&["parse", &sample(), "--format", "ndjson"], None));
    assert_eq!(one.lines().count(), 1);
    // The line is the document, naming its file; --compact alone leaves the name out.
    let mut named: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(named["file"], sample());
    named.as_object_mut().unwrap().remove("file");
    let compact = stdout(&jixiao(&["parse", &sample(), "--compact"], None));
    assert_eq!(named, serde_json::from_str::<serde_json::Value>(&compact).unwrap());
    assert!(!compact.contains("\"file\""));
    let two = stdout(&jixiao(&["parse", &sample(), &sample(), "--format", "ndjson", "-q"], None));
    assert_eq!(two, one.repeat(2));
    assert_eq!(two, stdout(&jixiao(&["parse", &sample(), &sample(), "--format", "json", "-q"], None)));
}

#[cfg(unix)]
#[test]
fn file_names_need_not_be_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("jixiao-cli-gbk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // 绩效.txt in GBK, as names come out of a Chinese zip.
    let name = dir.join(std::ffi::OsStr::from_bytes(b"\xbc\xa8\xd0\xa7.txt"));
    std::fs::copy(sample(), &name).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_jixiao")).arg("parse").arg(&name).arg("--compact").output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_panic_in_a_parser_library_is_an_error_line_not_exit_101() {
    let o = jixiao(&["parse", &data("regressions/xls-calamine-panic.bin"), "--input-format", "xlsx"], None);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(!err.contains("panicked") && err.lines().count() == 1 && err.contains("xls-calamine-panic.bin"), "{err}");
}

#[test]
fn an_unknown_encoding_or_format_lists_the_names() {
    let o = jixiao(&["parse", "--encoding", "big5", &sample()], None);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("invalid value 'big5' for '--encoding <ENCODING>'") && err.contains("[possible values: auto, utf-8, utf-16le, utf-16be, gb18030]"),
        "{err}"
    );
    let o = jixiao(&["parse", "--input-format", "pdf2", &sample()], None);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("invalid value 'pdf2' for '--input-format <INPUT_FORMAT>'"), "{err}");
    assert!(err.contains("[possible values: auto, text, json, docx, doc, xlsx, html, pdf, csv]"), "{err}");
    // Aliases and case are taken as the library's from_name takes them; the help lists the names.
    let json = stdout(&jixiao(&["parse", &sample(), "--compact"], None));
    for args in [["--encoding", "UTF8"], ["--encoding", "utf_8"], ["--input-format", "TXT"], ["--encoding-errors", "Replace"]] {
        let o = jixiao(&["parse", &sample(), "--compact", args[0], args[1]], None);
        assert_eq!((o.status.code(), stdout(&o)), (Some(0), json.clone()), "{args:?}: {}", stderr(&o));
    }
    for args in [["--encoding", "gbk"], ["--encoding", "Unicode"], ["--input-format", "wps"], ["--input-format", "htm"], ["--input-format", "ods"]] {
        let o = jixiao(&["parse", &sample(), "--compact", args[0], args[1]], None);
        assert!(!stderr(&o).contains("invalid value"), "{args:?}: {}", stderr(&o));
    }
    let help = stdout(&jixiao(&["parse", "--help"], None));
    assert!(help.contains("gb18030") && help.contains("utf-16le") && help.contains("replace") && help.contains("html"), "{help}");
}

#[test]
fn json_asked_of_a_text_file_says_it_is_not_jixiao_json() {
    let o = jixiao(&["parse", "--input-format", "json", &sample()], None);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("not jixiao JSON") && err.contains("this input is not JSON"), "{err}");
    assert!(!err.contains("expected struct"), "no serde message: {err}");
    // jixiao's own JSON still reads with the option.
    let json = stdout(&jixiao(&["parse", &sample(), "--compact"], None));
    let o = jixiao(&["parse", "--input-format", "json", "-", "--compact"], Some(json.as_bytes()));
    assert_eq!(stdout(&o), json);
}

#[test]
fn help_shows_examples_exit_codes_and_the_formats_read() {
    let help = stdout(&jixiao(&["--help"], None));
    for part in ["Examples:", "Exit codes:", ".docx", ".doc .wps", ".pdf", ".xlsx .xls .ods", "libreoffice --headless --convert-to docx", "completions"] {
        assert!(help.contains(part), "--help lacks {part}:\n{help}");
    }
    for verb in ["parse", "check", "score", "target", "schema", "completions"] {
        let help = stdout(&jixiao(&[verb, "--help"], None));
        assert!(help.contains("Examples:"), "{verb} --help has no examples:\n{help}");
    }
}

#[test]
fn completions_and_the_man_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = jixiao(&["completions", shell], None);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        assert!(stdout(&o).contains("check"), "{shell} completions know the verbs");
    }
    assert_eq!(jixiao(&["completions", "tcsh"], None).status.code(), Some(2));
    let man = stdout(&jixiao(&["man"], None));
    assert!(man.starts_with(".ie") || man.contains(".TH jixiao 1"), "{man}");
    assert!(man.contains("parse") && man.contains("Exit codes"), "{man}");
}

/// The text files in tests/data/real (what a directory walk reads there), and how many of them
/// are Word text saves.
fn real_texts() -> (usize, usize) {
    let names: Vec<String> = std::fs::read_dir(data("real")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    (names.iter().filter(|n| n.ends_with(".txt")).count(), names.iter().filter(|n| n.ends_with(".wordtext.txt")).count())
}

#[test]
fn parse_walks_a_directory_like_check() {
    let o = jixiao(&["parse", &data("real"), "--compact", "-q"], None);
    // Every text file is an input: the Word text saves all read, and most published sources
    // are transcriptions with no title a reader knows: their error lines, the others written.
    let (files, saves) = real_texts();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let refused = stderr(&o).matches("not a performance document").count();
    assert!(refused > 0 && refused + stdout(&o).lines().count() == files, "{}", stderr(&o));
    assert!(stdout(&o).lines().count() >= saves);
}

#[test]
fn an_unknown_header_label_is_a_warning_not_a_silent_change() {
    let table = "第二部分 专项资金绩效目标\n1、甲绩效目标表\n\t一级分类\n\t二级指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t培训人数\n\t≥100人\n\n";
    let o = jixiao(&["parse", "-", "--compact"], Some(table.as_bytes()));
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("<stdin>:2: warning: column `一级分类` is not a label jixiao knows"), "{}", stderr(&o));
    let o = jixiao(&["check", "-", "--format", "json", "--no-config"], Some(table.as_bytes()));
    let findings: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rules: Vec<&str> = findings["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert!(rules.contains(&"unknown-column"), "{rules:?}");
    // The sample's labels are all known: no such warning.
    assert!(!stderr(&jixiao(&["parse", &sample()], None)).contains("is not a label"));
}

#[test]
fn a_table_with_no_target_column_is_a_warning_naming_it_and_an_error_finding() {
    let table =
        "第二部分 专项资金绩效目标\n1、甲绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t考评等级\n\n\t产出指标\n\t数量指标\n\t培训人数\n\t≥100人\n\n";
    for format in ["json", "text"] {
        let o = jixiao(&["parse", "-", "--format", format], Some(table.as_bytes()));
        assert_eq!(o.status.code(), Some(0));
        assert!(stderr(&o).contains("<stdin>:2: warning: table `1、甲绩效目标表` has indicator rows but no target column"), "{}", stderr(&o));
    }
    let o = jixiao(&["check", "-", "--format", "json", "--no-config"], Some(table.as_bytes()));
    let findings: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let found: Vec<(&str, &str)> =
        findings["findings"].as_array().unwrap().iter().map(|f| (f["rule"].as_str().unwrap(), f["severity"].as_str().unwrap())).collect();
    assert!(found.contains(&("no-target-column", "error")), "{found:?}");
    // 指标值及单位 is the target column: no such warning.
    let joined = table.replace("考评等级", "指标值及单位");
    assert!(!stderr(&jixiao(&["parse", "-"], Some(joined.as_bytes()))).contains("no target column"));
    assert!(!stderr(&jixiao(&["parse", &sample()], None)).contains("no target column"));
}

#[test]
fn encoding_errors_replace_reads_a_damaged_file_and_reports_each_place() {
    let mut bytes = std::fs::read(sample()).unwrap();
    let at = bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').nth(9).unwrap().0 + 1;
    bytes.insert(at, 0xC3);
    let o = jixiao(&["parse", "-", "--compact"], Some(&bytes));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("<stdin>:11:"), "{}", stderr(&o));
    let o = jixiao(&["parse", "-", "--compact", "--encoding-errors", "replace"], Some(&bytes));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains(&format!("<stdin>:11: warning: bytes `c3` at offset {at} are not text in the encoding")), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(doc["replaced_bytes"], serde_json::json!([{"line": 11, "offset": at, "bytes": "c3"}]));
    let o = jixiao(&["parse", "-", "--encoding-errors", "ignore"], Some(&bytes));
    assert!(o.status.code() == Some(2) && stderr(&o).contains("[possible values: strict, replace]"), "{}", stderr(&o));
    // An intact file has no such field at all.
    assert!(!stdout(&jixiao(&["parse", &sample(), "--compact", "--encoding-errors", "replace"], None)).contains("replaced_bytes"));
}

#[test]
fn jobs_read_in_parallel_and_write_in_input_order() {
    let real = data("real");
    let one = jixiao(&["parse", &real, &sample(), &real, "--compact", "-q", "--jobs", "1"], None);
    let three = jixiao(&["parse", &real, &sample(), &real, "--compact", "-q", "--jobs", "3"], None);
    assert_eq!(stdout(&one), stdout(&three), "the same documents in the same order");
    let written = stdout(&jixiao(&["parse", &real, "--compact", "-q"], None)).lines().count();
    assert_eq!(stdout(&one).lines().count(), 2 * written + 1);
    assert_eq!(one.status.code(), Some(2));
    // Without -q, a one-line summary of the batch ends stderr: the inputs, the documents written,
    // their tables and indicators (the sample's 34 and 115 among them), and the inputs refused.
    let o = jixiao(&["parse", &real, &sample(), "--compact", "-j", "2"], None);
    let (files, _) = real_texts();
    let summary = format!("jixiao: {} inputs: {} documents, ", files + 1, written + 1);
    let err = stderr(&o);
    let last: Vec<&str> = err.lines().filter(|l| l.starts_with(&summary)).collect();
    assert_eq!(last.len(), 1, "{}", stderr(&o));
    assert!(last[0].ends_with(&format!("; {} could not be read", files - written)), "{}", last[0]);
    let counts: Vec<usize> = last[0][summary.len()..].split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).collect();
    assert!(counts.len() == 3 && counts[0] > 34 && counts[1] > 115, "{}", last[0]);
    // Check and score take --jobs too, with the same findings.
    let a = jixiao(&["check", &real, "--format", "json", "--no-config", "-j", "1"], None);
    let b = jixiao(&["check", &real, "--format", "json", "--no-config", "-j", "2"], None);
    assert_eq!(stdout(&a), stdout(&b));
}

#[test]
fn the_progress_bar_is_for_terminals_only() {
    let real = data("real");
    let o = jixiao(&["parse", &real, "--compact", "-q"], None);
    assert!(!stderr(&o).contains("files,") && !stderr(&o).contains('\u{1b}'), "no bar in a pipe: {}", stderr(&o));
    // On a terminal (script(1) gives one), the bar shows and is cleared at the end.
    let bin = env!("CARGO_BIN_EXE_jixiao");
    let Ok(o) = Command::new("script").args(["-q", "-c", &format!("'{bin}' parse '{real}' --compact -q > /dev/null"), "/dev/null"]).output() else {
        return; // no script(1) here
    };
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(shown.contains(&format!("/{} files", real_texts().0)), "{shown}");
}

#[test]
fn parse_draws_the_form_as_html() {
    let o = jixiao(&["parse", &sample(), "--format", "html"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<table class=\"jx-form\">"));
    assert!(page.trim_end().ends_with("</html>"));
    let two = jixiao(&["parse", &sample(), &sample(), "--format", "html"], None);
    assert_eq!(two.status.code(), Some(2));
    assert!(stderr(&two).contains("one input"), "{}", stderr(&two));
}

#[test]
fn serve_refuses_to_start_without_a_token_off_loopback_or_with_a_missing_path() {
    let o = jixiao(&["serve", "--no-config", "--listen", "0.0.0.0:0"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--token"), "{}", stderr(&o));
    let o = jixiao(&["serve", "--no-config", "--port", "0", "no/such/file.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/file.txt"), "{}", stderr(&o));
}

#[test]
fn serve_answers_on_loopback_with_the_paths_given() {
    use std::io::{BufRead, BufReader, Read};
    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["serve", "--no-config", "--port", "0", &sample()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut url = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut url).unwrap();
    let host = url.trim().trim_start_matches("http://").trim_end_matches('/').to_owned();
    let port = host.rsplit(':').next().unwrap();
    let mut stream = std::net::TcpStream::connect(format!("127.0.0.1:{port}")).unwrap();
    write!(stream, "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("id=\"count-docs\">1<"), "{answer}");
}
