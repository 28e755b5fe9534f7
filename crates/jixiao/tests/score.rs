//! Self-evaluation scoring held to scores computed by hand from the tables, to a generated
//! workbook with known wrong scores, and to properties of the formulas.

mod common;

use jixiao::score::{Band, ScoreReport, ScoreRule, ScoringRules, TableScore, score, score_with_actuals};
use jixiao::{Document, Severity};
use proptest::prelude::*;

fn open(name: &str) -> Document {
    jixiao::open(common::data_dir().join(name), &jixiao::ReadOptions::default()).expect("the fixture reads")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

fn rules(report: &ScoreReport) -> Vec<(&str, usize)> {
    report.findings.iter().map(|f| (f.rule.as_str(), f.line)).collect()
}

/// selfeval-sample.xlsx, scored by hand (w · a / t for ≥; the band for 达成年度指标; execution
/// w · 执行数 / 全年预算数):
/// 1. 47.73 (band, reported, inside 40–50) + 26.05 (band, inside 24–30) + 10 · 77.9 / 90 = 8.6556
///    + 10 · 173.19 / 200 = 8.6595 → 91.095, 优; the 满意度 row reports 10: off by 1.34.
/// 2. 50 · 33622 / 38000 = 44.2395 + 30 · 97.6 / 100 = 29.28 + 10 (92.7% ≥ 90%) + 9.7675 → 93.287, 优;
///    the 满意度 row reports 8.
/// 3. 50 · 48124 / 63000 = 38.1937 + 26.19 + 10 · 88 / 90 = 9.7778 + 9.5713 → 83.733, 良; reports 7.78.
/// 4. 50 · 8 / 10 = 40 + 26.87 (band) + 10 (93%) + 8.9545 → 85.8245, 良; reports 8.
///
/// Every stated 总分 is the sum of the reported scores; every shortfall has its 偏差原因.
#[test]
fn the_sample_workbook_is_rescored_as_by_hand() {
    let report = score(&open("selfeval-sample.xlsx"), &ScoringRules::default());
    let totals: Vec<(f64, Option<&str>)> = report.tables.iter().map(|t| (t.total, t.grade.as_deref())).collect();
    let expected = [(91.0951, "优"), (93.2870, "优"), (83.7328, "良"), (85.8245, "良")];
    assert_eq!(totals.len(), 4);
    for ((total, grade), (want, want_grade)) in totals.iter().zip(expected) {
        assert!((total - want).abs() < 1e-3, "{total} vs {want}");
        assert_eq!(*grade, Some(want_grade));
    }
    let t1 = &report.tables[0];
    assert_eq!(t1.reported_total, Some(92.44));
    let first = &t1.indicators[0];
    assert_eq!((first.rule, first.band, first.score, first.weight_given), (ScoreRule::Qualitative, Some(Band::Achieved), Some(47.73), true));
    let satisfaction = &t1.indicators[2];
    assert_eq!(satisfaction.rule, ScoreRule::AtLeast);
    assert!(close(satisfaction.score.unwrap(), 10.0 * 77.9 / 90.0));
    assert!(close(satisfaction.difference.unwrap(), 10.0 - 10.0 * 77.9 / 90.0));
    let execution = t1.execution.as_ref().unwrap();
    assert!(close(execution.rate.unwrap(), 173.19 / 200.0) && close(execution.score.unwrap(), 10.0 * 173.19 / 200.0));
    assert_eq!((execution.budget, execution.reported_score), (Some(2_000_000.0), Some(8.66)));
    let level1: Vec<(&str, f64)> = t1.level1.iter().map(|l| (l.label.as_str(), l.weight)).collect();
    assert_eq!(level1, vec![("产出指标", 50.0), ("效果指标", 30.0), ("满意度指标", 10.0)]);
    // Exactly the four 满意度 rows, one per sheet.
    assert_eq!(report.findings.len(), 4);
    for (f, sheet) in report.findings.iter().zip(1..) {
        assert_eq!((f.rule.as_str(), f.severity, f.table_number), ("score-mismatch", Severity::Error, Some(sheet)));
        assert_eq!(f.location.cell_name(), Some("A8"));
    }
}

/// The published 自评表 of 青神县发改局 has no 完成值 and no 得分 filled in: the execution rate is
/// 251.89 / 251.89 = 100 % of 10; both indicators lack an actual, so the table has no grade.
#[test]
fn the_published_self_evaluation_is_scored_as_far_as_it_goes() {
    let report = score(&open("real/qingshen-fgj-2023-ziping.wordtext.txt"), &ScoringRules::default());
    let t = &report.tables[0];
    let execution = t.execution.as_ref().unwrap();
    assert_eq!((execution.rate, execution.score, execution.weight), (Some(1.0), Some(10.0), 10.0));
    assert_eq!((t.total, t.grade.as_deref()), (10.0, None));
    assert_eq!(t.indicators.iter().map(|i| (i.weight, i.score)).collect::<Vec<_>>(), vec![(60.0, None), (30.0, None)]);
    assert_eq!(report.findings.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(), ["missing-actual", "missing-actual"]);
}

/// selfeval-2023.txt: 25 (1620 ≥ 1500) + 25 · 86 / 90 = 23.8889 + 30 + 10 + 10 · 91.67% → 98.06
/// as stated; nothing to report.
#[test]
fn a_consistent_self_evaluation_has_no_findings() {
    let report = score(&open("selfeval-2023.txt"), &ScoringRules::default());
    let t = &report.tables[0];
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert_eq!(t.grade.as_deref(), Some("优"));
    assert!((t.total - 98.06).abs() < 0.01, "{}", t.total);
    // The level-1 labels state their points (产出指标（50分）): the given weights agree.
    assert_eq!(t.level1.iter().map(|l| l.weight).collect::<Vec<_>>(), vec![50.0, 30.0, 10.0]);
}

/// A target table scored with actuals from a file, matched by table number or name.
#[test]
fn actuals_from_a_file_score_a_target_table() {
    let doc = common::sample();
    let csv = "section,table,indicator,actual\n\
               2,2,享受城乡养老保险人数情况,33622人\n\
               2,城乡居民基本养老保险区级补助资金,享受医疗补助人员的满意情况,92.7%\n\
               2,2,享受保险基金补助覆盖年,97.6%\n\
               2,2,没有这个指标,1\n\
               ,99,补助数量,1\n\
               ,1,补助数量,3\n";
    let rows = jixiao::score::parse_actuals(csv.as_bytes(), &jixiao::error::Origin(Some("actuals.csv".into()))).unwrap();
    let report = score_with_actuals(&doc, &rows, &ScoringRules::default(), Some("actuals.csv"));
    let t: &TableScore = report.tables.iter().find(|t| t.table_number == Some(2) && t.section_number == Some(2)).unwrap();
    // No 分值 in the table and no funds block: 产出 50, 效益 30, 满意度 10 scaled to 100 (÷ 0.9);
    // 效益 has two indicators (one unnamed, one with no target) sharing 33.33.
    let output = &t.indicators[0];
    assert!(close(output.weight, 50.0 / 0.9) && !output.weight_given);
    assert!(close(output.score.unwrap(), 50.0 / 0.9 * 33622.0 / 38000.0));
    assert!(t.execution.is_none());
    // The 满意度 row (92.7% against ≥90%) is met.
    assert_eq!(t.indicators[3].score, Some(10.0 / 0.9));
    let unmatched: Vec<usize> = report.findings.iter().filter(|f| f.rule == "unmatched-actual").map(|f| f.line).collect();
    // Line 4 names the unnamed row by its description (matching is by level-3 name), line 5 an
    // indicator table 2 does not have, line 6 a table 99, line 7 table 1, which parts 2 and 3
    // both have (no section given).
    assert_eq!(unmatched, vec![4, 5, 6, 7]);
    assert!(report.findings.iter().filter(|f| f.rule == "unmatched-actual").all(|f| f.file.as_deref() == Some("actuals.csv")));
}

fn table_doc(text: &str) -> Document {
    jixiao::parse_str(text, &jixiao::ReadOptions::default()).unwrap()
}

/// A self-evaluation table in Word's text layout: 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因.
fn self_evaluation(rows: &[[&str; 8]], total: Option<&str>) -> Document {
    let mut text = String::from("第二部分 专项资金绩效目标\n1、测试资金绩效自评表\n");
    for h in ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析"] {
        text.push_str(&format!("\t{h}\n"));
    }
    for row in rows {
        text.push('\n');
        for cell in row {
            text.push_str(&format!("\t{cell}\n"));
        }
    }
    if let Some(total) = total {
        text.push_str(&format!("\n\t总分\n\t\n\t\n\t\n\t\n\t100\n\t{total}\n\t\n"));
    }
    table_doc(&text)
}

#[test]
fn units_deviations_weights_and_totals_are_checked() {
    let doc = self_evaluation(
        &[
            ["产出指标", "数量指标", "培训人数", "≥100人", "90%", "50", "45", "原因"],
            ["产出指标", "质量指标", "合格率", "≥90%", "80%", "20", "17.78", ""],
            ["效益指标", "社会效益指标", "投诉", "≤5件", "6件", "20", "16", "原因"],
            ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "部分达成", "10", "9", "原因"],
        ],
        Some("90"),
    );
    let report = score(&doc, &ScoringRules::default());
    let found = rules(&report);
    let rule_names: Vec<&str> = found.iter().map(|f| f.0).collect();
    // % against 人: not scored, never a silent zero.
    assert!(rule_names.contains(&"unit-mismatch"));
    let t = &report.tables[0];
    assert_eq!((t.indicators[0].score, t.indicators[0].rule), (None, ScoreRule::NotScored));
    // 合格率 fell short with no 偏差原因.
    assert!(found.contains(&("deviation-unexplained", t.indicators[1].location.line_number().unwrap_or(0))));
    // ≤5件 with 6件: 20 · (1 − 1/5) = 16, as reported.
    assert!(close(t.indicators[2].score.unwrap(), 16.0));
    // 部分达成: 60–80 % of 10 is 6–8; the reported 9 is outside: the nearer edge, 8, and a mismatch.
    assert_eq!((t.indicators[3].band, t.indicators[3].score), (Some(Band::PartlyAchieved), Some(8.0)));
    assert!(found.contains(&("score-mismatch", t.indicators[3].location.line_number().unwrap_or(0))));
    // 50 + 20 + 20 + 10 = 100 with no funds block: the weights are fine. The stated 90 is not
    // 45 + 17.78 + 16 + 9 = 87.78.
    assert!(!rule_names.contains(&"weight-mismatch"));
    assert!(rule_names.contains(&"total-mismatch"));
    assert_eq!(t.grade, None, "an unscored indicator leaves the table without a grade");
}

#[test]
fn the_130_percent_rule_is_optional() {
    let doc = self_evaluation(&[["产出指标", "数量指标", "培训人数", "≥100人", "140人", "100", "100", ""]], None);
    assert!(score(&doc, &ScoringRules::default()).findings.is_empty());
    let strict = ScoringRules { deviation_over: Some(130.0), ..ScoringRules::default() };
    assert_eq!(rules(&score(&doc, &strict)).iter().map(|f| f.0).collect::<Vec<_>>(), ["deviation-unexplained"]);
    // Weights that miss 100 (with no funds block and no execution weight): weight-mismatch.
    let doc = self_evaluation(&[["产出指标", "数量指标", "培训人数", "≥100人", "100人", "80", "80", ""]], None);
    assert_eq!(rules(&score(&doc, &ScoringRules::default())).iter().map(|f| f.0).collect::<Vec<_>>(), ["weight-mismatch"]);
}

#[test]
fn rules_come_from_toml_shaped_values() {
    let rules: ScoringRules = serde_json::from_str(r#"{"output": 60, "deviation_over": 130, "grades": [85, 75, 60]}"#).unwrap();
    assert_eq!((rules.output, rules.effect, rules.deviation_over), (60.0, 30.0, Some(130.0)));
    assert_eq!((rules.grade(86.0), rules.grade(84.9), rules.grade(59.0)), ("优", "良", "差"));
    assert!(serde_json::from_str::<ScoringRules>(r#"{"outptu": 60}"#).is_err());
}

proptest! {
    /// Every formula gives a score between 0 and the weight.
    #[test]
    fn scores_lie_between_zero_and_the_weight(w in 0.0f64..100.0, t in -10.0f64..1e6, a in -1e6f64..1e7, r in proptest::option::of(-10.0f64..200.0)) {
        use jixiao::score::*;
        for s in [at_least(w, t, a), at_most(w, t, a), equal_zero(w, a), range(w, t.min(a), t.max(a), a), range(w, t, t + 10.0, a), banded(w, [80.0, 100.0], r), banded(w, [0.0, 60.0], r)] {
            prop_assert!((0.0..=w + 1e-9).contains(&s), "{s} of {w}");
        }
    }

    /// With the default weights, a table's total lies between 0 and 100, whatever its targets
    /// and actuals.
    #[test]
    fn totals_lie_between_zero_and_100(rows in proptest::collection::vec((0usize..3, "(≥|≤|=)?[0-9]{1,4}(%|人|件)?|明显提高|部分达成", "[0-9]{1,5}(%|人|件)?|达成|未完成|部分达成|"), 1..8)) {
        let labels = [("产出指标", "数量指标"), ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")];
        let cells: Vec<[String; 8]> = rows.iter().enumerate().map(|(k, (g, t, a))| {
            let (l1, l2) = labels[*g];
            [l1.into(), l2.into(), format!("指标{k}"), t.clone(), a.clone(), String::new(), String::new(), String::new()]
        }).collect();
        let refs: Vec<[&str; 8]> = cells.iter().map(|c| std::array::from_fn(|i| c[i].as_str())).collect();
        let report = score(&self_evaluation(&refs, None), &ScoringRules::default());
        for t in &report.tables {
            prop_assert!(t.total >= -1e-9 && t.total <= 100.0 + 1e-6, "{}", t.total);
            let weights: f64 = t.indicators.iter().map(|i| i.weight).sum();
            prop_assert!((weights - 100.0).abs() < 1e-6, "weights {weights}");
        }
    }
}

/// One indicator of weight 100 with its target, actual and reported score, scored.
fn one(target: &str, actual: &str, reported: &str) -> ScoreReport {
    score(&self_evaluation(&[["产出指标", "数量指标", "培训人次", target, actual, "100", reported, ""]], None), &ScoringRules::default())
}

/// issue 27: an actual the rules cannot read got full marks in the 达成 band with no finding.
#[test]
fn actuals_the_rules_cannot_read_are_not_scored_as_met() {
    for (target, actual) in [("≥1500人次", "暂未开展"), ("≥1500人次", "1e400人次"), ("2023年6月底前", "2023年2月30日"), ("≥1500人次", "有所增加")]
    {
        let report = one(target, actual, "100");
        let i = &report.tables[0].indicators[0];
        assert_eq!((i.score, i.rule, i.band), (None, ScoreRule::NotScored, None), "{target} / {actual}");
        assert_eq!(rules(&report), vec![("unreadable-actual", i.location.line_number().unwrap_or(0))], "{target} / {actual}");
        assert_eq!(report.findings[0].severity, Severity::Error);
        assert_eq!(report.tables[0].grade, None);
    }
    let report = one("2023年6月底前", "2023年2月30日", "100");
    assert!(report.findings[0].message.contains("not a date: 2023年2月 has no day 30"), "{}", report.findings[0].message);
    // `约1620人次` is about 1620: met, as reported.
    let report = one("≥1500人次", "约1620人次", "100");
    assert_eq!((report.tables[0].indicators[0].score, report.tables[0].indicators[0].rule), (Some(100.0), ScoreRule::AtLeast));
    assert!(report.findings.is_empty(), "{:?}", rules(&report));
    // `完成率50%` against a percent target is 50 %: 100 · 50 / 90, short, with no reason given.
    let report = one("≥90%", "完成率50%", "55.56");
    assert!(close(report.tables[0].indicators[0].score.unwrap(), 100.0 * 50.0 / 90.0));
    assert_eq!(rules(&report).iter().map(|f| f.0).collect::<Vec<_>>(), ["deviation-unexplained"]);
    // Against a count it is a rate, not a count: a unit mismatch, not scored.
    let report = one("≥1500人次", "完成率50%", "100");
    assert_eq!(report.tables[0].indicators[0].score, None);
    assert_eq!(rules(&report).iter().map(|f| f.0).collect::<Vec<_>>(), ["unit-mismatch"]);
}

/// issue 27: `3000-1500人次` scored an actual inside it as short and raised a false error.
#[test]
fn a_range_written_high_to_low_is_met_inside() {
    let report = one("3000-1500人次", "2000人次", "100");
    let i = &report.tables[0].indicators[0];
    assert_eq!((i.score, i.rule), (Some(100.0), ScoreRule::Range));
    assert!(report.findings.is_empty(), "{:?}", rules(&report));
}

/// issue 27: a stated total of `1e308` was dropped (the 分值 total, 100, stood in for it) and no
/// `total-mismatch` was raised.
#[test]
fn a_total_in_exponent_notation_is_checked() {
    let doc = self_evaluation(&[["产出指标", "数量指标", "培训人数", "≥100人", "100人", "100", "100", ""]], Some("1e308"));
    let report = score(&doc, &ScoringRules::default());
    assert_eq!(report.tables[0].reported_total, Some(1e308));
    assert_eq!(rules(&report).iter().map(|f| f.0).collect::<Vec<_>>(), ["total-mismatch"]);
    // Past the range of a number: no total, and the row kept as written, not the 分值 total.
    let doc = self_evaluation(&[["产出指标", "数量指标", "培训人数", "≥100人", "100人", "100", "100", ""]], Some("1e400"));
    let table = &doc.sections[0].tables[0];
    assert_eq!(table.total_score, None);
    assert!(table.remarks.iter().any(|r| r.label == "总分" && r.text.contains("1e400")), "{:?}", table.remarks);
}
