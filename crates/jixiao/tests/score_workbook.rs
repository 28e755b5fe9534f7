//! A generated self-evaluation workbook, laid out as the provincial form is (项目名称, the funds
//! block, 年度总体目标, the indicator header, 总分), with reported scores of which some are
//! wrong: every wrong one is found, and no right one is flagged. The right scores come from an
//! oracle written here, apart from the library's formulas.

use std::collections::BTreeSet;

use jixiao::score::{ScoringRules, score};
use proptest::prelude::*;
use rust_xlsxwriter::Workbook;

/// One generated indicator.
#[derive(Debug, Clone)]
enum Row {
    /// ≥ t 人, actual a.
    AtLeast(u32, u32),
    /// ≤ t 天, actual a.
    AtMost(u32, u32),
    /// ≥ t %, actual a %.
    Percent(u32, u32),
    /// 明显提高, with the band's words; the reported share of the weight in percent.
    Words(usize, u32),
}

const BANDS: [(&str, f64, f64); 3] = [("达成年度指标", 80.0, 100.0), ("部分达成年度指标并具有一定效果", 60.0, 80.0), ("未达成年度指标且效果较差", 0.0, 60.0)];

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// The oracle: what a reviewer computes by hand (DOMAIN.md), and the cells the form shows.
fn oracle(row: &Row, w: f64) -> (String, String, f64) {
    match *row {
        Row::AtLeast(t, a) => (format!("≥{t}人"), format!("{a}人"), if a >= t { w } else { w * a as f64 / t as f64 }),
        Row::AtMost(t, a) => {
            let (t, a) = (t as f64, a as f64);
            let s = if a <= t {
                w
            } else if a >= 2.0 * t {
                0.0
            } else {
                w * (1.0 - (a - t) / t)
            };
            (format!("≤{t}天"), format!("{a}天"), s)
        }
        Row::Percent(t, a) => (format!("≥{t}%"), format!("{a}%"), if a >= t { w } else { w * a as f64 / t as f64 }),
        Row::Words(band, share) => {
            let (words, low, high) = BANDS[band];
            // The reported score stands when inside the band; here it is chosen inside.
            let share = low + (high - low) * share as f64 / 100.0;
            ("明显提高".into(), words.into(), w * share / 100.0)
        }
    }
}

fn row() -> impl Strategy<Value = Row> {
    prop_oneof![
        (1u32..5000, 0u32..8000).prop_map(|(t, a)| Row::AtLeast(t, a)),
        (1u32..30, 0u32..70).prop_map(|(t, a)| Row::AtMost(t, a)),
        (50u32..100, 0u32..100).prop_map(|(t, a)| Row::Percent(t, a)),
        (0usize..3, 0u32..=100).prop_map(|(b, s)| Row::Words(b, s)),
    ]
}

/// A table: its rows, which of them report a wrong score, the execution (budget, executed),
/// whether the execution score and the stated total are wrong.
type Table = (Vec<Row>, Vec<bool>, (u32, u32), bool, bool);

fn table() -> impl Strategy<Value = Table> {
    (proptest::collection::vec(row(), 3..7), any::<u64>(), (1u32..1000, 0u32..1200), any::<bool>(), any::<bool>()).prop_map(
        |(rows, seed, funds, exec_wrong, total_wrong)| {
            let wrong = (0..rows.len()).map(|k| (seed >> (k % 64)) & 3 == 0).collect();
            (rows, wrong, funds, exec_wrong && seed % 5 == 0, total_wrong && seed % 7 == 0)
        },
    )
}

/// Writes the workbook; returns the (sheet, row) of every wrong score, and the sheets whose total is wrong.
fn workbook(tables: &[Table]) -> (Vec<u8>, BTreeSet<(String, u32)>, BTreeSet<String>) {
    let mut book = Workbook::new();
    let mut wrong_cells = BTreeSet::new();
    let mut wrong_totals = BTreeSet::new();
    for (k, (rows, wrong, (budget, executed), exec_wrong, total_wrong)) in tables.iter().enumerate() {
        let sheet = format!("{}-测试项目{}", k + 1, k + 1);
        let ws = book.add_worksheet().set_name(&sheet).unwrap();
        ws.write(0, 0, "项目名称").unwrap();
        ws.write(0, 1, format!("测试项目{}", k + 1)).unwrap();
        for (c, h) in ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].iter().enumerate()
        {
            ws.write(1, c as u16, *h).unwrap();
        }
        let rate = *executed as f64 / *budget as f64;
        let mut execution = round2(10.0 * rate.min(1.0));
        if *exec_wrong {
            execution = round2(execution + 1.5);
            wrong_cells.insert((sheet.clone(), 3));
        }
        ws.write(2, 0, "年度资金总额").unwrap();
        ws.write(2, 1, *budget).unwrap();
        ws.write(2, 2, *budget).unwrap();
        ws.write(2, 3, *executed).unwrap();
        ws.write(2, 4, 10).unwrap();
        ws.write(2, 5, format!("{:.2}%", rate * 100.0)).unwrap();
        ws.write(2, 6, execution).unwrap();
        ws.write(3, 0, "年度总体目标").unwrap();
        ws.write(3, 1, "完成年度任务").unwrap();
        for (c, h) in ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"].iter().enumerate()
        {
            ws.write(4, c as u16, *h).unwrap();
        }
        // 90 points split: 产出 gets the first rows, 效益 the next, 满意度 the last.
        let n = rows.len();
        // 满意度 (the last row) 10; the others share 80, to the cent.
        let weights: Vec<f64> = (0..n).map(|i| if i + 1 == n { 10.0 } else { round2(80.0 / (n - 1) as f64) }).collect();
        let fix = 90.0 - weights.iter().sum::<f64>();
        let weights: Vec<f64> = weights.iter().enumerate().map(|(i, w)| if i == 0 { round2(w + fix) } else { *w }).collect();
        let mut reported_sum = execution;
        for (i, (row, w)) in rows.iter().zip(&weights).enumerate() {
            let r = 5 + i as u32;
            let (l1, l2) = if i + 1 == n {
                ("满意度指标", "服务对象满意度指标")
            } else if i < (n - 1) / 2 + 1 {
                ("产出指标", "数量指标")
            } else {
                ("效益指标", "社会效益指标")
            };
            let (target, actual, right) = oracle(row, *w);
            let mut reported = round2(right);
            if wrong[i] {
                reported = match row {
                    // Words: a score outside the band (inside it, any score stands).
                    Row::Words(band, _) => {
                        let (_, low, high) = BANDS[*band];
                        round2(w * if high < 100.0 { high + 10.0 } else { low - 10.0 } / 100.0)
                    }
                    // Numbers: off by at least half a point.
                    _ => round2(if right >= 1.0 { right - 0.5 - right / 4.0 } else { right + 0.5 }),
                };
                wrong_cells.insert((sheet.clone(), r + 1));
            }
            reported_sum += reported;
            for (c, text) in [l1, l2, &format!("指标{i}"), &target, &actual].iter().enumerate() {
                ws.write(r, c as u16, *text).unwrap();
            }
            ws.write(r, 5, *w).unwrap();
            ws.write(r, 6, reported).unwrap();
            ws.write(r, 7, "已分析原因").unwrap();
        }
        let total_row = 5 + n as u32;
        let mut stated = round2(reported_sum);
        if *total_wrong {
            stated = round2(stated + 3.0);
            wrong_totals.insert(sheet.clone());
        }
        ws.write(total_row, 0, "总分").unwrap();
        ws.write(total_row, 5, 100).unwrap();
        ws.write(total_row, 6, stated).unwrap();
    }
    (book.save_to_buffer().unwrap(), wrong_cells, wrong_totals)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_wrong_score_is_found_and_no_right_one(tables in proptest::collection::vec(table(), 1..4)) {
        let (bytes, wrong_cells, wrong_totals) = workbook(&tables);
        let doc = jixiao::parse_bytes(&bytes, &jixiao::ReadOptions::default()).unwrap();
        prop_assert!(doc.notes.is_empty(), "{:?}", doc.notes);
        let report = score(&doc, &ScoringRules::default());
        prop_assert_eq!(report.tables.len(), tables.len());
        let mut found = BTreeSet::new();
        let mut totals = BTreeSet::new();
        for f in &report.findings {
            let sheet = f.location.sheet().unwrap_or_default().to_owned();
            let row: u32 = f.location.cell_name().unwrap_or("").trim_start_matches(|c: char| c.is_ascii_alphabetic()).parse().unwrap_or(0);
            match f.rule.as_str() {
                "score-mismatch" => { found.insert((sheet, row)); }
                "total-mismatch" => { totals.insert(sheet); }
                other => prop_assert!(false, "unexpected {other}: {}", f.message),
            }
        }
        prop_assert_eq!(found, wrong_cells);
        prop_assert_eq!(totals, wrong_totals);
        for t in &report.tables {
            prop_assert!(t.grade.is_some() && t.total >= 0.0 && t.total <= 100.0 + 1e-9);
        }
    }
}
