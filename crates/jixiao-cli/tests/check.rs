//! `jixiao check` as a reviewer runs it: compiler-style messages, JSON and CSV, exit codes,
//! flags and jixiao.toml.

mod common;

use common::*;

fn sample() -> String {
    data("000_3e963503b18f6771.txt")
}

#[test]
fn human_output_is_a_compilers_with_the_source_line_marked() {
    let o = jixiao(&["check", &sample()]);
    // The sample has error-level findings (≥0件, 根据实际, empty values): exit 1.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains('\u{1b}'), "no colour when stdout is not a terminal");
    let vacuous = "error[vacuous-target]: `≥0件` is met by any result, even none: it is not a target\n";
    let at = out.find(vacuous).expect(&out);
    let block = &out[at..at + out[at..].find("\n\n").unwrap()];
    assert!(block.contains("000_3e963503b18f6771.txt:2262:"), "{block}");
    assert!(block.contains("2262 |     ≥0件\n"), "{block}");
    assert!(block.contains("^^^^"), "{block}");
    assert!(block.contains("= note: in 6、司法业务经费 › 为群众提供法律援助"), "{block}");
    assert!(block.contains("= help: state the level"), "{block}");
    assert!(out.ends_with("1 file checked: 11 errors, 29 warnings, 6 infos\n     4  error    as-actual-target\n     9  warning  copied-text\n     3  error    empty-target\n     6  warning  percent-over-100\n    10  warning  satisfaction-not-percent\n     6  info     shared-objective\n     1  warning  stray-digit\n     2  warning  toc-mismatch\n     1  warning  unnamed-indicator\n     4  error    vacuous-target\n"), "{out}");
    // Chinese on request; colour on request.
    let o = jixiao(&["check", &sample(), "--lang", "zh", "--color", "always"]);
    let out = stdout(&o);
    assert!(out.contains("指标值“≥0件”任何结果（包括零）都能达到，不构成目标") && out.contains("所在") && out.contains('\u{1b}'));
}

#[test]
fn word_files_and_workbooks_are_located_in_their_own_terms() {
    let o = jixiao(&["check", &data("000_3e963503b18f6771-grid.xlsx")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("--> ") && stdout(&o).contains("000_3e963503b18f6771-grid.xlsx:专项2-城乡居民基本养老保险区级补助资金!A10"), "{}", stdout(&o));
    let o = jixiao(&["check", &data("000_3e963503b18f6771.docx"), "--format", "csv"]);
    assert!(stdout(&o).contains(",vacuous-target,error,\"table 29, row 3, column 1\","), "{}", stdout(&o));
}

#[test]
fn json_and_csv_findings() {
    let o = jixiao(&["check", &sample(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 46);
    let first = &findings[0];
    assert_eq!(first["rule"], "toc-mismatch");
    assert_eq!(first["location"]["line"], 109);
    assert_eq!(first["file"], sample());
    let o = jixiao(&["check", &sample(), "--format", "csv", "--bom"]);
    let csv = stdout(&o);
    assert!(csv.starts_with("\u{FEFF}file,rule,severity,location,line,section_number,table_number,table_name,indicator,text,message,"));
    assert_eq!(csv.matches("\r\n").count(), 47);
}

#[test]
fn flags_change_rules_and_the_exit_code() {
    // Every error-level rule of the sample allowed: exit 0.
    let allow = ["--allow", "vacuous-target", "--allow", "as-actual-target", "--allow", "empty-target"];
    let o = jixiao(&[&["check", sample().as_str(), "--format", "json"][..], &allow].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // --deny warnings: the warnings become errors.
    let o = jixiao(&[&["check", sample().as_str(), "--format", "json", "--deny", "warnings"][..], &allow].concat());
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(json["findings"].as_array().unwrap().iter().all(|f| f["severity"] != "warning"));
    // The last flag for a rule wins.
    let o = jixiao(&["check", &sample(), "--format", "json", "--deny", "stray-digit", "--allow", "stray-digit"]);
    assert!(!stdout(&o).contains("stray-digit"));
    let o = jixiao(&["check", &sample(), "--format", "json", "--allow", "stray-digit", "--deny", "stray-digit"]);
    assert!(stdout(&o).contains("\"rule\": \"stray-digit\",\n      \"severity\": \"error\""));
    // An unknown rule is a usage error that lists the rules.
    let o = jixiao(&["check", &sample(), "--deny", "no-such-rule"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("jixiao: unknown review rule 'no-such-rule'; the rules are: missing-level1, "), "{}", stderr(&o));
    // --list-rules names every rule with its default.
    let o = jixiao(&["check", "--list-rules"]);
    assert!(stdout(&o).lines().any(|l| l.starts_with("missing-sign") && l.contains(" off ")));
    assert_eq!(stdout(&o).lines().count(), jixiao::review::RULES.len());
}

#[test]
fn jixiao_toml_is_picked_up_from_the_directory_and_its_parents() {
    let dir = temp_dir("check-toml");
    std::fs::write(dir.join("jixiao.toml"), "[review]\nallow = [\"vacuous-target\", \"as-actual-target\", \"empty-target\"]\n").unwrap();
    let inner = dir.join("inner");
    std::fs::create_dir_all(&inner).unwrap();
    let o = jixiao_in(&inner, &["check", &sample(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The command line overrides the file; --no-config ignores it.
    let o = jixiao_in(&inner, &["check", &sample(), "--format", "json", "--deny", "vacuous-target"]);
    assert_eq!(o.status.code(), Some(1));
    let o = jixiao_in(&inner, &["check", &sample(), "--format", "json", "--no-config"]);
    assert_eq!(o.status.code(), Some(1));
    // A broken file is named, with its line.
    std::fs::write(dir.join("jixiao.toml"), "[review]\ndeny = [\"vacuous-target\"\n").unwrap();
    let o = jixiao_in(&inner, &["check", &sample()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("jixiao.toml") && stderr(&o).contains("line 2"), "{}", stderr(&o));
    std::fs::write(dir.join("jixiao.toml"), "[review]\ndeny = [\"nope\"]\n").unwrap();
    let o = jixiao_in(&inner, &["check", &sample()]);
    assert!(stderr(&o).contains("unknown review rule 'nope'"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn directories_are_walked_and_unreadable_files_do_not_stop_the_others() {
    let dir = temp_dir("check-walk");
    std::fs::copy(sample(), dir.join("a.txt")).unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::copy(data("selfeval-2023.txt"), dir.join("sub/b.txt")).unwrap();
    std::fs::write(dir.join("notes.md"), "not a document").unwrap();
    std::fs::write(dir.join("broken.txt"), "just a line of prose").unwrap();
    let o = jixiao(&["check", dir.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("broken.txt"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("notes.md"));
    assert!(stdout(&o).contains("a.txt,vacuous-target"));
    let o = jixiao(&["check", dir.join("sub").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).ends_with("1 file checked: 0 errors, 0 warnings, 0 infos\n"), "{}", stdout(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_findings_schema_is_printed() {
    let o = jixiao(&["schema", "--findings"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), committed("jixiao.findings.schema.json"));
}

#[test]
fn a_batch_is_written_input_by_input_and_summed_up() {
    let dir = temp_dir("check-ndjson");
    let (a, b, c) = (dir.join("a.txt"), dir.join("b.txt"), dir.join("c.txt"));
    std::fs::copy(sample(), &a).unwrap();
    std::fs::write(&b, "just a line of prose").unwrap();
    std::fs::copy(data("selfeval-2023.txt"), &c).unwrap();
    let (a, b, c) = (a.to_str().unwrap(), b.to_str().unwrap(), c.to_str().unwrap());
    // NDJSON: a finding a line, the findings --format json gives, in the same order; the
    // unreadable input in the middle is an error line on stderr and exit 2.
    let o = jixiao(&["check", a, b, c, "--format", "ndjson", "-j", "2"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("b.txt"), "{}", stderr(&o));
    assert!(stderr(&o).contains("jixiao: 3 inputs: 2 documents, ") && stderr(&o).contains("; 1 could not be read"), "the batch's line: {}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let json: serde_json::Value = serde_json::from_str(&stdout(&jixiao(&["check", a, c, "--format", "json"]))).unwrap();
    assert_eq!(&lines, json["findings"].as_array().unwrap());
    assert_eq!(lines.iter().filter(|f| f["file"] == a).count(), 46);
    assert!(lines.iter().all(|f| f["file"] == a || f["file"] == c));
    // CSV: the header once, then each input's rows.
    let csv = stdout(&jixiao(&["check", a, b, c, "--format", "csv"]));
    assert_eq!(csv.matches("file,rule,severity").count(), 1);
    assert_eq!(csv.matches("\r\n").count(), 1 + lines.len());
    // Human: each input's messages, then one summary counted over all of them.
    let out = stdout(&jixiao(&["check", a, a]));
    assert!(out.ends_with("2 files checked: 22 errors, 58 warnings, 12 infos\n     8  error    as-actual-target\n    18  warning  copied-text\n     6  error    empty-target\n    12  warning  percent-over-100\n    20  warning  satisfaction-not-percent\n    12  info     shared-objective\n     2  warning  stray-digit\n     4  warning  toc-mismatch\n     2  warning  unnamed-indicator\n     8  error    vacuous-target\n"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}
