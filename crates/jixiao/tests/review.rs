//! The review held to findings written by reading the documents as a reviewer would: the
//! sample (in its three formats) and the real published tables.

mod common;

use std::collections::BTreeMap;

use jixiao::review::{Level, ReviewConfig, Severity, review};
use jixiao::{Document, Finding};

/// rule → the lines of its findings, in order.
fn by_rule(findings: &[Finding]) -> BTreeMap<&str, Vec<usize>> {
    let mut map: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for f in findings {
        map.entry(f.rule.as_str()).or_default().push(f.line);
    }
    map
}

fn open(name: &str) -> Document {
    jixiao::open(common::data_dir().join(name), &jixiao::ReadOptions::default()).expect("the fixture reads")
}

/// What a reviewer finds in the sample (line = the row's first line in the text save), by rule.
/// Every rule not listed must find nothing: the sample covers every level-1 in every table, its
/// level-2s stand where they belong, its tables are numbered 1–23 and 1–11, every value has its
/// basis and every number its unit, and no name repeats within a table.
const SAMPLE_EXPECTED: &[(&str, &[usize])] = &[
    // 2/14 见义勇为 (根据实际 twice) and 2/21 司法救助 (根据实际情况…, 根据实际工作…).
    ("as-actual-target", &[1116, 1151, 1655, 1683]),
    // Values copied from the basis: 2/6 村级办公 (twice: the second also equals its
    // description), 3/9 宣传工作 (seven rows whose value is their basis word for word).
    ("copied-text", &[516, 558, 2536, 2557, 2564, 2571, 2578, 2613, 2620]),
    // 2/2 享受保险补助覆盖情况, 2/9 按文件要求发放资金的效率, 2/15 资金全部发放到位: named, no value.
    ("empty-target", &[240, 786, 1248]),
    // ≥100%: 2/5 领取补贴, 2/13 three rows, 2/22 出台考核办法, 3/11 受训学员满意度.
    ("percent-over-100", &[461, 1047, 1075, 1096, 1731, 2772]),
    // 满意度 rows in words (2/6, 2/10 提高, 2/20 明显增强, 3/7 逐渐完善, 3/8 0新区环境稳定, 3/9 two
    // rows in words, 3/10 安全) or in counts (3/9 ≥100篇, ≥3次).
    ("satisfaction-not-percent", &[558, 862, 1628, 2412, 2488, 2599, 2606, 2613, 2620, 2696]),
    // 加强党组织建设和党员管理,不断提高执政能力和领导水平 on tables 2/5, 2/6, 2/7, 2/8, 2/9, 2/11.
    ("shared-objective", &[414, 490, 566, 642, 718, 874]),
    // 3/8: 0新区环境稳定.
    ("stray-digit", &[2488]),
    // 2/1's TC field names 办案业务…经费 and carries \f C where part 2 uses B: two findings.
    ("toc-mismatch", &[109, 109]),
    // 2/2: 享受保险基金补助覆盖年 with 100% and no level-3 name.
    ("unnamed-indicator", &[233]),
    // 3/6 司法业务经费: ≥0件, ≥0件, ≥0人, ≥0件.
    ("vacuous-target", &[2258, 2293, 2308, 2315]),
];

#[test]
fn the_sample_gets_the_findings_a_reviewer_writes() {
    let findings = review(&common::sample(), &ReviewConfig::new());
    let expected: BTreeMap<&str, Vec<usize>> = SAMPLE_EXPECTED.iter().map(|(r, l)| (*r, l.to_vec())).collect();
    assert_eq!(by_rule(&findings), expected);
    // Severities as the rules define them.
    let severity = |rule: &str| findings.iter().find(|f| f.rule == rule).map(|f| f.severity);
    assert_eq!(severity("vacuous-target"), Some(Severity::Error));
    assert_eq!(severity("copied-text"), Some(Severity::Warning));
    assert_eq!(severity("shared-objective"), Some(Severity::Info));
    assert_eq!(jixiao::review::counts(&findings), (11, 29, 6));
}

#[test]
fn findings_name_their_table_indicator_and_text() {
    let findings = review(&common::sample(), &ReviewConfig::new());
    let vacuous = findings.iter().find(|f| f.rule == "vacuous-target").unwrap();
    assert_eq!(vacuous.section_number, Some(3));
    assert_eq!(vacuous.table_number, Some(6));
    assert_eq!(vacuous.table_name.as_deref(), Some("司法业务经费"));
    assert_eq!(vacuous.indicator.as_deref(), Some("为群众提供法律援助"));
    assert_eq!(vacuous.text.as_deref(), Some("≥0件"));
    assert_eq!(vacuous.location.to_string(), "line 2258");
    assert!(vacuous.message_zh.contains("≥0件") && !vacuous.suggestion.is_empty() && !vacuous.suggestion_zh.is_empty());
    // A table finding has no indicator.
    let toc = findings.iter().find(|f| f.rule == "toc-mismatch").unwrap();
    assert_eq!((toc.indicator.as_deref(), toc.text.as_deref()), (None, Some("1、办案业务、办案设备及科技强检经费绩效目标表")));
}

/// The same findings from the sample as a Word file and as a grid workbook, located in their
/// own terms (the workbook has no TC fields, so no toc-mismatch).
#[test]
fn the_sample_in_other_formats_gets_the_same_findings() {
    let key = |f: &Finding| (f.rule.clone(), f.section_number, f.table_number, f.indicator.clone(), f.text.clone());
    let text: Vec<_> = review(&common::sample(), &ReviewConfig::new()).iter().map(key).collect();
    let docx = review(&open("000_3e963503b18f6771.docx"), &ReviewConfig::new());
    assert_eq!(docx.iter().map(key).collect::<Vec<_>>(), text);
    let vacuous = docx.iter().find(|f| f.rule == "vacuous-target").unwrap();
    assert_eq!(vacuous.location.to_string(), "table 29, row 3, column 1");
    let grid = review(&open("000_3e963503b18f6771-grid.xlsx"), &ReviewConfig::new());
    let mut grid_keys: Vec<_> = grid.iter().map(key).collect();
    let mut without_toc: Vec<_> = text.into_iter().filter(|k| k.0 != "toc-mismatch").collect();
    // The workbook has a sheet per table and no part numbers, so compare without them.
    grid_keys.iter_mut().chain(without_toc.iter_mut()).for_each(|k| k.1 = None);
    grid_keys.sort();
    without_toc.sort();
    assert_eq!(grid_keys, without_toc);
    let empty = grid.iter().find(|f| f.rule == "empty-target").unwrap();
    assert_eq!(empty.location.to_string(), "专项2-城乡居民基本养老保险区级补助资金!A10");
}

/// The real tables, read as a reviewer reads the published pages (README in tests/data/real).
#[test]
fn the_real_tables_get_the_findings_a_reviewer_writes() {
    let check = |name: &str, expected: &[(&str, Option<&str>, Severity)]| {
        let doc = open(&format!("real/{name}.wordtext.txt"));
        let got: Vec<(String, Option<String>, Severity)> =
            review(&doc, &ReviewConfig::new()).into_iter().map(|f| (f.rule, f.indicator.or(f.text), f.severity)).collect();
        let want: Vec<(String, Option<String>, Severity)> = expected.iter().map(|(r, t, s)| (r.to_string(), t.map(str::to_owned), *s)).collect();
        assert_eq!(got, want, "{name}");
    };
    use Severity::{Error, Info, Warning};
    let _ = Info;
    // A 批复表 of 预期产出 and 效果 with no 满意度 block; 镇街补助款完成结算项目数 is a bare `3`.
    check("dongguan-2019-pifu", &[("missing-level1", None, Warning), ("missing-unit", Some("镇街补助款完成结算项目数"), Warning)]);
    // The stored copy stops after the 成本 rows: no 产出, 效益 or 满意度 indicator survives, and the
    // one weight (10) is far from the 90 that 年度绩效目标(90分) states.
    check(
        "fengjie-yunwu-2023-shenpi",
        &[("missing-level1", None, Error), ("missing-level1", None, Error), ("missing-level1", None, Warning), ("weight-sum", None, Error)],
    );
    // The 2021 form, cut off inside 过程指标: only 投入/过程 rows (weights 5 + 15 + 5); 资金到位率达100%
    // reads as ≥100%.
    check(
        "gxglmes-template-2021-sqb",
        &[
            ("missing-level1", None, Error),
            ("missing-level1", None, Error),
            ("missing-level1", None, Warning),
            ("weight-sum", None, Error),
            ("percent-over-100", Some("资金到位率=(实际到位资金/计划投入资金)×100%。"), Warning),
        ],
    );
    // 村组干部报酬 weighs 90 (the execution rate's 10 outside the table): fine. 基层组织活动经费 is
    // cut off after five rows weighing 60.
    check("jingyan-matazhen-2023", &[("weight-sum", None, Error)]);
    // Ten names still carry the indicator library's hint (`( ≥**个 )`, `(≥**%)`); the values are filled.
    let nanyue = open("real/nanyue-2018-fupin.wordtext.txt");
    let found = review(&nanyue, &ReviewConfig::new());
    assert_eq!(found.len(), 10);
    assert!(found.iter().all(|f| f.rule == "template-placeholder" && f.severity == Warning && f.text.as_deref().is_some_and(|t| t.contains("**"))));
    // A 自评表 of 产出 and 效益 (60 + 30 + the funds block's 10): only the missing 满意度.
    check("qingshen-fgj-2023-ziping", &[("missing-level1", None, Warning)]);
}

#[test]
fn the_configuration_turns_rules_off_and_changes_severities() {
    let doc = common::sample();
    let mut config = ReviewConfig::new();
    config.set("shared-objective", Level::Allow).unwrap().set("copied-text", Level::Deny).unwrap().set("missing-sign", Level::Info).unwrap();
    let findings = review(&doc, &config);
    assert!(findings.iter().all(|f| f.rule != "shared-objective"));
    assert!(findings.iter().filter(|f| f.rule == "copied-text").all(|f| f.severity == Severity::Error));
    // missing-sign, off by default, runs when given a level: the sample has 39 bare `100%`, and
    // `2000人`, `8次`, `90%` (counted with a regex over the CSV's target_raw).
    assert_eq!(findings.iter().filter(|f| f.rule == "missing-sign").count(), 42);
    // `warnings` applies to every finding still a warning; later settings win.
    let mut config = ReviewConfig::new();
    config.set("warnings", Level::Deny).unwrap();
    assert!(review(&doc, &config).iter().all(|f| f.severity != Severity::Warning));
    config.set("vacuous-target", Level::Warn).unwrap().set("vacuous-target", Level::Allow).unwrap();
    assert!(review(&doc, &config).iter().all(|f| f.rule != "vacuous-target"));
    // Unknown names are refused with the list of rules.
    let err = ReviewConfig::new().set("no-such-rule", Level::Deny).unwrap_err().to_string();
    assert!(err.contains("unknown review rule 'no-such-rule'") && err.contains("vacuous-target"), "{err}");
    // The TOML/JSON shape: lists applied allow, info, warn, deny.
    let config: ReviewConfig = serde_json::from_str(r#"{"allow": ["numbering"], "deny": ["warnings"]}"#).unwrap();
    assert_eq!(config.settings().len(), 2);
    assert!(serde_json::from_str::<ReviewConfig>(r#"{"deny": ["nope"]}"#).is_err());
    assert!(serde_json::from_str::<ReviewConfig>(r#"{"forbid": []}"#).is_err());
}

/// Every document in the corpus is reviewed without a panic, and every finding is located.
#[test]
fn every_document_of_the_corpus_is_reviewed() {
    let mut config = ReviewConfig::new();
    config.set("missing-sign", Level::Info).unwrap();
    for (name, doc) in common::corpus() {
        for f in review(&doc, &config) {
            assert!(f.location != jixiao::Location::default() && f.location.line_number().is_some() == (f.line > 0), "{name}: {f:?}");
            assert!(!f.message.is_empty() && !f.message_zh.is_empty() && !f.suggestion.is_empty() && !f.suggestion_zh.is_empty());
        }
    }
}
