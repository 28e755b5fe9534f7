//! Every real published table in tests/data/real held to its hand reading (`NAME.expected.tsv`,
//! format in tests/data/real/README.md), written before jixiao ran on it. Each file's Word text
//! save is read and compared table by table and indicator by indicator; every difference of
//! every file is reported before the test fails. What jixiao does not read right yet is listed in
//! `KNOWN` (per file, with the reason) and must match exactly: a regression fails, and so does a
//! listed difference that is now read right (then take it off the list).

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jixiao::*;

/// One indicator line of an expected reading, or of what jixiao read, as comparable text.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    level1: String,
    level2: String,
    name: String,
    target: String,
    kind: String,
    comparator: String,
    value: String,
    unit: String,
    weight: String,
    actual: String,
}

const FIELDS: [&str; 10] = ["level1", "level2", "name", "target", "kind", "comparator", "value", "unit", "weight", "actual"];

impl Line {
    fn fields(&self) -> [&str; 10] {
        [&self.level1, &self.level2, &self.name, &self.target, &self.kind, &self.comparator, &self.value, &self.unit, &self.weight, &self.actual]
    }
}

#[derive(Debug)]
struct Expected {
    name: String,
    kind: String,
    lines: Vec<Line>,
}

fn dash(s: &str) -> String {
    if s.is_empty() { "-".to_string() } else { s.to_string() }
}

/// A number as the readings write it: `95`, `2.61`.
fn number(v: Option<f64>) -> String {
    v.map_or("-".to_string(), |v| format!("{v}"))
}

fn json_name<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn parse_expected(name: &str, text: &str) -> Vec<Expected> {
    let mut tables: Vec<Expected> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f[0] == "table" {
            assert_eq!(f.len(), 3, "{name}.expected.tsv:{}: a table line has 3 fields", n + 1);
            tables.push(Expected { name: f[1].trim().to_string(), kind: f[2].trim().to_string(), lines: Vec::new() });
            continue;
        }
        assert_eq!(f.len(), 10, "{name}.expected.tsv:{}: an indicator line has 10 fields: {line:?}", n + 1);
        let t = tables.last_mut().unwrap_or_else(|| panic!("{name}.expected.tsv:{}: indicator before a table line", n + 1));
        let value = match f[6] {
            "-" => "-".to_string(),
            v => number(Some(v.parse().unwrap_or_else(|_| panic!("{name}.expected.tsv:{}: value {v:?}", n + 1)))),
        };
        let weight = match f[8] {
            "-" => "-".to_string(),
            v => number(Some(v.parse().unwrap_or_else(|_| panic!("{name}.expected.tsv:{}: weight {v:?}", n + 1)))),
        };
        t.lines.push(Line {
            level1: f[0].to_string(),
            level2: dash(f[1].trim()),
            name: f[2].trim().to_string(),
            target: f[3].to_string(),
            kind: f[4].to_string(),
            comparator: f[5].to_string(),
            value,
            unit: f[7].to_string(),
            weight,
            actual: dash(f[9]),
        });
    }
    tables
}

fn read_lines(t: &Table) -> Vec<Line> {
    t.indicators()
        .map(|(c, s, i)| Line {
            level1: json_name(c.level1),
            level2: dash(s.label.trim()),
            // A reading is one line per indicator: a name cell's paragraphs (a line wrap that a
            // copy kept) are read as one text.
            name: i.name.trim().replace('\n', ""),
            target: i.target.raw.clone(),
            kind: json_name(i.target.kind),
            comparator: i.target.comparator.map_or("-".to_string(), json_name),
            value: number(i.target.value),
            unit: i.target.unit.clone().unwrap_or_else(|| "-".to_string()),
            weight: number(i.weight),
            // A monitoring table's actual is its 执行情况 so far (Indicator.progress).
            actual: i.actual.as_ref().or(i.progress.as_ref()).map_or("-".to_string(), |a| dash(&a.raw)),
        })
        .collect()
}

/// Pairs expected and read indicators in order by name (longest common subsequence), so that one
/// missing or extra indicator is one difference and not a shift of every line after it.
fn align(e: &[Line], g: &[Line]) -> Vec<(Option<usize>, Option<usize>)> {
    let (n, m) = (e.len(), g.len());
    let mut l = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            l[i][j] = if e[i].name == g[j].name { l[i + 1][j + 1] + 1 } else { l[i + 1][j].max(l[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && e[i].name == g[j].name {
            out.push((Some(i), Some(j)));
            i += 1;
            j += 1;
        } else if i < n && j < m && l[i + 1][j] == l[i][j + 1] && l[i + 1][j + 1] == l[i][j] {
            // neither name recurs later: the same row read with another name
            out.push((Some(i), Some(j)));
            i += 1;
            j += 1;
        } else if j < m && (i == n || l[i][j + 1] >= l[i + 1][j]) {
            out.push((None, Some(j)));
            j += 1;
        } else {
            out.push((Some(i), None));
            i += 1;
        }
    }
    out
}

/// Every difference between a file's reading and jixiao's, one line each, and how many of the
/// expected indicators were read right in every field.
fn differences(name: &str) -> (Vec<String>, usize) {
    let dir = common::data_dir().join("real");
    let text = std::fs::read_to_string(dir.join(format!("{name}.expected.tsv"))).expect("expected reading");
    let expected = parse_expected(name, &text);
    let doc = match jixiao::open(dir.join(format!("{name}.wordtext.txt")), &ReadOptions::default()) {
        Ok(d) => d,
        Err(e) => return (vec![format!("not read: {e}")], 0),
    };
    let tables: Vec<&Table> = doc.sections.iter().flat_map(|s| s.tables.iter()).collect();
    let (mut out, mut right) = (Vec::new(), 0);
    if tables.len() != expected.len() {
        out.push(format!("tables: expected {}, read {}", expected.len(), tables.len()));
    }
    for (k, (e, t)) in expected.iter().zip(&tables).enumerate() {
        let k = k + 1;
        if e.name != t.name.trim() {
            out.push(format!("t{k} name: expected {:?}, read {:?}", e.name, t.name));
        }
        if e.kind != json_name(t.kind) {
            out.push(format!("t{k} kind: expected {}, read {}", e.kind, json_name(t.kind)));
        }
        let got = read_lines(t);
        // The model gathers a category's rows under its first appearance (a table that lists its
        // categories out of order, as a sheet of many projects may): a row the order leaves
        // unpaired is paired by name with the one read, and compared field by field.
        let mut pairs = align(&e.lines, &got);
        let mut k2 = 0;
        while k2 < pairs.len() {
            if let (Some(a), None) = pairs[k2]
                && let Some(j) = pairs.iter().position(|p| matches!(p, (None, Some(b)) if got[*b].name == e.lines[a].name))
            {
                let b = pairs[j].1;
                pairs[k2] = (Some(a), b);
                pairs.remove(j);
                k2 = 0;
                continue;
            }
            k2 += 1;
        }
        for (a, b) in pairs {
            match (a, b) {
                (Some(a), None) => out.push(format!("t{k} i{} {:?}: missing", a + 1, e.lines[a].name)),
                (None, Some(b)) => out.push(format!("t{k} read {:?}: not expected", got[b].name)),
                (Some(a), Some(b)) => {
                    right += usize::from(e.lines[a] == got[b]);
                    for ((f, x), y) in FIELDS.iter().zip(e.lines[a].fields()).zip(got[b].fields()) {
                        if x != y {
                            out.push(format!("t{k} i{} {f}: expected {x:?}, read {y:?}", a + 1));
                        }
                    }
                }
                (None, None) => {}
            }
        }
    }
    (out, right)
}

/// Differences known and not fixed yet: file, why, and the exact difference lines.
#[rustfmt::skip]
const KNOWN: &[(&str, &str, &[&str])] = &[
    ("chongqing-kexuecheng-rongmeiti-2021-zhengti-ziping", "OCR left 到0次 (达到 without 达) and 第O份 (a letter O for a digit, with no digit left beside it), read as words", &[
        r#"t1 i16 kind: expected "quantity", read "qualitative""#,
        r#"t1 i16 comparator: expected "ge", read "-""#,
        r#"t1 i16 value: expected "0", read "-""#,
        r#"t1 i16 unit: expected "次", read "-""#,
        r#"t1 i17 kind: expected "placeholder", read "qualitative""#,
        r#"t1 i17 unit: expected "份", read "-""#,
    ]),
    ("guyuan-yuanzhou-malingshu-2022-ziping", "an OCR text layer: the 项目名称 cell is a wreck (碟令薯樽轴示施) taken as the name, signs are damaged (290$ for ≥90%, 工5%, 250% for ≥50%) and read as words or as written", &[
        r#"t1 name: expected "马铃薯冲薯繁育示范推广项目", read "碟令薯樽轴示施""#,
        r#"t1 i4 kind: expected "quantity", read "qualitative""#,
        r#"t1 i4 comparator: expected "ge", read "-""#,
        r#"t1 i4 value: expected "90", read "-""#,
        r#"t1 i4 unit: expected "%", read "-""#,
        r#"t1 i7 kind: expected "quantity", read "qualitative""#,
        r#"t1 i7 comparator: expected "ge", read "-""#,
        r#"t1 i7 value: expected "5", read "-""#,
        r#"t1 i7 unit: expected "%", read "-""#,
        r#"t1 i9 comparator: expected "ge", read "eq""#,
        r#"t1 i9 value: expected "50", read "250""#,
    ]),
    ("gzbly-sheshi-nongye-pingjia-fendang", "a graded scoring table read by its bands (names, weights and the 小计 footer right): its level-1 words (执行情况评价(80分), 技术服务(10分)) name no level, and the reader files them as output by what the rates measure; jixiao leaves a level it cannot read unknown", &[
        r#"t1 i1 level1: expected "output", read "other""#,
        r#"t1 i2 level1: expected "output", read "other""#,
        r#"t1 i3 level1: expected "output", read "other""#,
        r#"t1 i4 level1: expected "output", read "other""#,
        r#"t1 i5 level1: expected "output", read "other""#,
        r#"t1 i6 level1: expected "output", read "other""#,
        r#"t1 i7 level1: expected "output", read "other""#,
    ]),
];

#[test]
fn every_real_table_reads_as_its_hand_reading() {
    let dir = common::data_dir().join("real");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/data/real")
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".expected.tsv").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 74, "{} readings", names.len());
    let known: BTreeMap<&str, &[&str]> = KNOWN.iter().map(|(f, _, d)| (*f, *d)).collect();
    for f in known.keys() {
        assert!(names.iter().any(|n| n == f), "KNOWN lists {f}, which has no reading");
    }
    let (mut report, mut total, mut right) = (String::new(), 0, 0);
    for name in &names {
        let text = std::fs::read_to_string(dir.join(format!("{name}.expected.tsv"))).expect("reading");
        let count: usize = parse_expected(name, &text).iter().map(|t| t.lines.len()).sum();
        let (diffs, ok) = differences(name);
        total += count;
        right += ok;
        // REAL_CORPUS_LIST=1 prints every file's count and differences, to rewrite KNOWN from.
        if std::env::var_os("REAL_CORPUS_LIST").is_some() {
            eprintln!("== {name}: {ok} of {count}");
            diffs.iter().for_each(|d| eprintln!("  diff: {d}"));
        }
        let listed: Vec<&str> = known.get(name.as_str()).map(|d| d.to_vec()).unwrap_or_default();
        let got: Vec<&str> = diffs.iter().map(String::as_str).collect();
        if got != listed {
            let _ = writeln!(report, "{name}: {} differences, {} listed", got.len(), listed.len());
            for d in got.iter().filter(|d| !listed.contains(d)) {
                let _ = writeln!(report, "  new: {d}");
            }
            for d in listed.iter().filter(|d| !got.contains(d)) {
                let _ = writeln!(report, "  fixed (take off KNOWN): {d}");
            }
        }
    }
    eprintln!("real corpus: {right} of {total} indicators read right in {} files", names.len());
    assert!(report.is_empty(), "real corpus differs from its hand readings:\n{report}");
}
