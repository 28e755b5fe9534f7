//! `jixiao score` as a finance bureau runs it: tables re-scored, findings, exit codes, actuals
//! files and jixiao.toml.

mod common;

use common::*;

#[test]
fn the_sample_workbook_is_rescored() {
    let o = jixiao(&["score", &data("selfeval-sample.xlsx")]);
    // Four 满意度 rows report scores the rules do not give: exit 1.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("1、补助被征地农民支出(人社): total 91.10 (优), stated 92.44\n"), "{out}");
    assert!(out.contains("被征地农民对工作满意情况 | ≥90% → 77.9% | 8.66 of 10.00 by at_least | reported 10.00  Δ +1.34"), "{out}");
    assert!(out.contains("error[score-mismatch]: `受益满意度` reports 8 points; the rules give 10.00 (under by 2.00)"), "{out}");
    assert!(out.ends_with("1 file scored: 4 errors, 0 warnings, 0 infos\n     4  error    score-mismatch\n"), "{out}");
}

#[test]
fn json_and_csv_reports() {
    let o = jixiao(&["score", &data("selfeval-sample.xlsx"), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let tables = json["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 4);
    assert_eq!(tables[2]["grade"], "良");
    assert_eq!(tables[0]["indicators"][0]["band"], "achieved");
    assert_eq!(tables[0]["level1"][0]["level1"], "output");
    assert!(tables[0]["execution"]["rate"].as_f64().unwrap() > 0.86);
    assert_eq!(json["findings"].as_array().unwrap().len(), 4);
    let o = jixiao(&["score", &data("selfeval-sample.xlsx"), "--format", "csv", "--bom"]);
    let csv = stdout(&o);
    assert!(csv.starts_with("\u{FEFF}file,section_number,table_number,table_name,level1,name,"));
    // Three indicators and the execution rate per table.
    assert_eq!(csv.matches("\r\n").count(), 1 + 4 * 4);
    assert!(csv.contains(",execution,预算执行率,"));
}

#[test]
fn a_consistent_table_exits_0_and_a_target_table_asks_for_actuals() {
    let o = jixiao(&["score", &data("selfeval-2023.txt")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = jixiao(&["score", &data("000_3e963503b18f6771.txt")]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("no self-evaluation table (no actual results); give them with --actuals FILE"));
}

#[test]
fn actuals_files_score_target_tables_and_unmatched_rows_are_reported() {
    let dir = temp_dir("score-actuals");
    let actuals = dir.join("actuals.json");
    std::fs::write(
        &actuals,
        r#"[{"section": 3, "table": "11", "indicator": "参加培训的情况", "actual": "1800人"},
        {"section": 3, "table": "组织事务及干部培训经费", "indicator": "培训计划完成率", "actual": "95%"},
        {"section": 3, "table": "11", "indicator": "受训学员满意度", "actual": "98%"}]"#,
    )
    .unwrap();
    let o = jixiao(&["score", &data("000_3e963503b18f6771.txt"), "--actuals", actuals.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // The table's indicators have names 参加培训的情况, 培训计划完成情况, 参加培训的学员对培训的满意情况:
    // the second and third rows name none of them, and are reported with their lines.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let t = &json["tables"][0];
    assert_eq!((t["section_number"].as_u64(), t["table_number"].as_u64()), (Some(3), Some(11)));
    // 2000人 wanted (a bare number: =, scored as ≥), 1800 reached: 50/0.9 · 0.9 = 50.
    assert!((t["indicators"][0]["score"].as_f64().unwrap() - 50.0).abs() < 1e-9);
    let unmatched: Vec<u64> =
        json["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "unmatched-actual").map(|f| f["line"].as_u64().unwrap()).collect();
    assert_eq!(unmatched, vec![2, 3]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_130_percent_rule_from_the_flag_or_jixiao_toml() {
    let dir = temp_dir("score-toml");
    let doc = dir.join("over.txt");
    std::fs::write(&doc, "第二部分 专项资金绩效目标\n1、测试资金绩效自评表\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\n\t产出指标\n\t数量指标\n\t培训人数\n\t≥100人\n\t140人\n\t100\n\t100\n").unwrap();
    let o = jixiao_in(&dir, &["score", doc.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!stdout(&o).contains("deviation-unexplained"));
    let o = jixiao_in(&dir, &["score", doc.to_str().unwrap(), "--format", "json", "--deviation-over", "130"]);
    assert!(stdout(&o).contains("deviation-unexplained"));
    std::fs::write(dir.join("jixiao.toml"), "[score]\ndeviation_over = 130\n").unwrap();
    let o = jixiao_in(&dir, &["score", doc.to_str().unwrap(), "--format", "json"]);
    assert!(stdout(&o).contains("deviation-unexplained"), "{}", stderr(&o));
    std::fs::write(dir.join("jixiao.toml"), "[score]\ndeviation = 130\n").unwrap();
    let o = jixiao_in(&dir, &["score", doc.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("jixiao.toml") && stderr(&o).contains("deviation"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_score_schema_is_printed() {
    let o = jixiao(&["schema", "--score"]);
    assert_eq!(stdout(&o), committed("jixiao.score.schema.json"));
}

#[test]
fn ndjson_is_each_inputs_report_on_a_line() {
    let (workbook, text) = (data("selfeval-sample.xlsx"), data("selfeval-2023.txt"));
    let o = jixiao(&["score", &workbook, &text, "--format", "ndjson"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    for (line, input) in lines.iter().zip([&workbook, &text]) {
        let alone: serde_json::Value = serde_json::from_str(&stdout(&jixiao(&["score", input, "--format", "json"]))).unwrap();
        assert_eq!(line, &alone, "{input}");
        assert!(line["tables"].as_array().unwrap().iter().all(|t| t["file"] == input.as_str()));
    }
    assert_eq!(lines[0]["tables"].as_array().unwrap().len(), 4);
    // CSV: the header once, then each input's rows.
    let csv = stdout(&jixiao(&["score", &workbook, &workbook, "--format", "csv"]));
    assert_eq!(csv.matches("file,section_number").count(), 1);
    assert_eq!(csv.matches("\r\n").count(), 1 + 2 * 4 * 4);
}
