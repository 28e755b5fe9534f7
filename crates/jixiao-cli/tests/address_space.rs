//! The smallest spreadsheets with the largest claims (the generators of the library's
//! amplification tests), read by the `jixiao` binary under a 2 GiB address-space limit
//! (`prlimit --as`): each answers with a result or a clear error naming the limit, never an
//! abort (an allocation failure is not a panic: nothing catches it). Skipped where prlimit is
//! missing.

mod common;
#[path = "../../jixiao/tests/common/sheets.rs"]
#[allow(dead_code)]
mod sheets;

use std::process::Command;

use common::{data, stderr, temp_dir};
use sheets::{indicator_rows, ods, ods_text, text_cell, xlsx};

fn files() -> Vec<(&'static str, Vec<u8>)> {
    let far_rows: String =
        (1..=1000).map(|r| format!(r#"<row r="{r}">{}{}</row>"#, text_cell(&format!("A{r}"), "a"), text_cell(&format!("XFD{r}"), "b"))).collect();
    let long = "指标".repeat(500);
    let strings = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="100000" uniqueCount="1"><si><t>{long}</t></si></sst>"#
    );
    let shared: String = (1..=100_000).map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#)).collect();
    let billions = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="4000000000"><si><t>x</t></si></sst>"#;
    let mut xls = std::fs::read(data("sheets-features.xls")).unwrap();
    // The second sheet's DIMENSIONS record: its first row past its last (rows wrap in calamine).
    let at = (0..xls.len() - 4).filter(|&i| xls[i..i + 4] == [0x00, 0x02, 0x0E, 0x00]).nth(1).unwrap();
    xls[at + 4] = 0x0B;
    let row4 = |n: usize| -> String {
        let cells: String = ["产出指标", "数量指标", "培训人次", "≥100人次"].iter().map(|t| ods_text(t)).collect();
        format!(r#"<table:table-row table:number-rows-repeated="{n}">{cells}</table:table-row>"#)
    };
    vec![
        ("far-cell.xlsx", xlsx("S", &indicator_rows(4000).replacen("</row>", &format!("{}</row>", text_cell("XFD1", "x")), 1), None, None)),
        ("far-cell-every-row.xlsx", xlsx("S", &far_rows, None, None)),
        ("shared-string.xlsx", xlsx("S", &shared, None, Some(&strings))),
        ("shared-strings-declared.xlsx", xlsx("S", r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#, None, Some(billions))),
        ("repeated-rows.ods", ods("S", &row4(1_000_000))),
        ("repeated-rows-within-cells.ods", ods("S", &row4(400_000))),
        (
            "repeated-cells.ods",
            ods(
                "S",
                r#"<table:table-row table:number-rows-repeated="100"><table:table-cell table:number-columns-repeated="16000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#,
            ),
        ),
        (
            "far-cell.ods",
            ods(
                "S",
                &format!(
                    r#"<table:table-row>{}</table:table-row><table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="16000"/>{}</table:table-row>"#,
                    ods_text("a"),
                    ods_text("b")
                ),
            ),
        ),
        ("dimensions-wrap.xls", xls),
    ]
}

#[test]
fn each_answers_within_two_gib_of_address_space() {
    if Command::new("prlimit").arg("--version").output().is_err() {
        eprintln!("prlimit is missing: skipped");
        return;
    }
    let dir = temp_dir("address-space");
    for (name, bytes) in files() {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let start = std::time::Instant::now();
        let o = Command::new("prlimit").arg("--as=2147483648").arg(env!("CARGO_BIN_EXE_jixiao")).arg("parse").arg(&path).output().unwrap();
        let (code, err) = (o.status.code(), stderr(&o));
        eprintln!("{name}: {} B, exit {code:?} in {:?}: {}", bytes.len(), start.elapsed(), err.lines().next().unwrap_or(""));
        // 0: read; 2: the input's error. A signal (an abort) has no code.
        assert!(matches!(code, Some(0) | Some(2)), "{name}: {:?} {err}", o.status);
        if code == Some(2) {
            assert!(err.contains(name) && err.contains("exceeds the limit") && err.contains("raise it with"), "{name}: {err}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
