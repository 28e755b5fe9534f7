//! `weight-sum`: the weights (分值 / 权重) of a table's indicators that do not add up to the
//! total the table states: the points a label states (`年度绩效目标(90分)`, `产出指标（50分）`),
//! or 100 less the funds block's weight (90 when it holds 10). A table that states neither and
//! has no funds block may total 100, or 90: the default weights give the budget execution rate
//! 10 points, which target tables often leave out (the Sichuan declaration form does).

use super::{Rule, Say, Sink, tables};
use crate::grammar::fold::fold;
use crate::grammar::form::either_or;
use crate::model::{Document, SubCategory, Table};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "weight-sum",
    default: Some(Severity::Error),
    summary: "indicator weights that do not add up to the table's total",
    summary_zh: "指标分值（权重）合计与表中规定的总分不符",
    check,
};

const TOLERANCE: f64 = 0.01;

/// The points a label states in brackets: `年度绩效目标(90分)` → 90; a range (`(0-20)分`) → None.
pub(crate) fn stated_points(label: &str) -> Option<f64> {
    let folded = fold(label);
    let open = folded.find('(')?;
    let inner = folded[open + 1..].split(')').next()?.trim();
    inner.strip_suffix('分')?.trim().parse::<f64>().ok().filter(|v| v.is_finite() && *v > 0.0)
}

/// The totals the indicators may have, and what they come from, in English and Chinese.
fn expected_totals(table: &Table) -> (Vec<f64>, String, String) {
    if let Some((label, points)) = table.columns.iter().find_map(|c| stated_points(c).map(|p| (c, p))) {
        return (vec![points], format!("as `{label}` states"), format!("“{label}”规定"));
    }
    let funds = table.funds.as_ref().and_then(|f| f.rows.iter().find_map(|r| r.weight.as_ref().and_then(|w| w.value)));
    match funds {
        Some(w) => (vec![100.0 - w], format!("100 less the funds block's {w}"), format!("100分减去预算执行的{w}分")),
        None => (vec![100.0, 90.0], "or 90 when the budget execution rate's 10 stand outside the table".into(), "预算执行率10分不在表内时为90分".into()),
    }
}

/// The weights of the indicators under these level-2s, an either-or pair's (二者择其一) once.
fn counted_weights<'a>(subs: impl Iterator<Item = &'a SubCategory>) -> Vec<Option<f64>> {
    subs.flat_map(|s| {
        let seconds = either_or::second_rows(&s.indicators);
        s.indicators.iter().zip(seconds).filter(|(_, second)| !second).map(|(i, _)| i.weight)
    })
    .collect()
}

fn check(doc: &Document, sink: &mut Sink) {
    for scope in tables(doc) {
        let table = scope.table;
        let weights = counted_weights(table.categories.iter().flat_map(|c| &c.children));
        if weights.iter().all(Option::is_none) {
            continue;
        }
        let unweighted = weights.iter().filter(|w| w.is_none()).count();
        let sum: f64 = weights.iter().flatten().sum();
        let (totals, why, why_zh) = expected_totals(table);
        let total = totals[0];
        let note = if unweighted > 0 { format!("; {unweighted} indicators have no weight") } else { String::new() };
        let note_zh = if unweighted > 0 { format!("；{unweighted}项指标未填分值") } else { String::new() };
        // A table read without its header row is a copy's tail: its weights are some of the 100.
        if !crate::grammar::form::columns::unlabelled(&table.columns) && totals.iter().all(|t| (sum - t).abs() > TOLERANCE) {
            sink.table(
                scope,
                scope.start(),
                None,
                Say {
                    message: format!("the indicators' weights add up to {sum}, not {total} ({why}){note}"),
                    message_zh: format!("指标分值合计{sum}分，应为{total}分（{why_zh}）{note_zh}"),
                    suggestion: format!("adjust the weights so that they add up to {total}"),
                    suggestion_zh: format!("调整各项指标分值，使合计为{total}分"),
                },
            );
        }
        // A label's points weigh the categories of that label that follow one another: one merged
        // cell over rows the reader filed under several levels (业务指标(70分) over 目标设定 and
        // 目标完成). Apart, two labels of the same points (`(20分)`, `(20分)`) are two groups.
        for run in table.categories.chunk_by(|a, b| a.label == b.label) {
            let category = &run[0];
            let Some(points) = stated_points(&category.label) else { continue };
            let sum: f64 = counted_weights(run.iter().flat_map(|c| &c.children)).into_iter().flatten().sum();
            if (sum - points).abs() > TOLERANCE {
                let label = category.label.trim();
                sink.table(
                    scope,
                    &category.location,
                    Some(label),
                    Say {
                        message: format!("the weights under `{label}` add up to {sum}, not {points}"),
                        message_zh: format!("“{label}”下指标分值合计{sum}分，应为{points}分"),
                        suggestion: format!("adjust the weights under `{label}` to add up to {points}"),
                        suggestion_zh: format!("调整“{label}”下各项指标分值，使合计为{points}分"),
                    },
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::stated_points;
    use crate::model::{Amount, Funds, FundsRow};

    #[test]
    fn a_labels_points_weigh_every_category_of_that_label() {
        // 业务指标(30分) over 目标设定 (决策) and 目标完成 (产出): one merged cell, two categories.
        let mut t = table(1, "t", &[("业务指标(30分)", "目标设定情况", "a", "", "", ""), ("业务指标(30分)", "目标完成情况", "b", "", "", "")]);
        let mut second = t.categories[0].clone();
        second.children = vec![t.categories[0].children.remove(1)];
        (t.categories[0].level1, second.level1) = (crate::model::Level1::Decision, crate::model::Level1::Output);
        t.categories.push(second);
        for (c, w) in t.categories.iter_mut().zip([10.0, 20.0]) {
            c.children[0].indicators[0].weight = Some(w);
        }
        let doc = document(vec![t.clone()]);
        assert!(!crate::review::review(&doc, &Default::default()).iter().any(|f| f.rule == "weight-sum" && f.text.as_deref() == Some("业务指标(30分)")));
        t.categories[1].children[0].indicators[0].weight = Some(15.0);
        let doc = document(vec![t]);
        let under: Vec<String> = crate::review::review(&doc, &Default::default())
            .into_iter()
            .filter(|f| f.rule == "weight-sum" && f.text.as_deref() == Some("业务指标(30分)"))
            .map(|f| f.message)
            .collect();
        assert_eq!(under, ["the weights under `业务指标(30分)` add up to 25, not 30"]);
    }

    fn weighted(weights: &[f64]) -> crate::model::Table {
        let mut t = sound(1, "t");
        let mut k = 0;
        for c in &mut t.categories {
            for s in &mut c.children {
                for i in &mut s.indicators {
                    i.weight = weights.get(k).copied();
                    k += 1;
                }
            }
        }
        t
    }

    #[test]
    fn weights_off_the_total_are_found() {
        // 50 + 20 + 10 = 80 with no funds block: 100 (or 90) expected.
        assert_eq!(lines("weight-sum", &document(vec![weighted(&[50.0, 20.0, 10.0])])), vec![100]);
        // 90 for the indicators, but the funds block holds 20.
        let mut t = weighted(&[50.0, 30.0, 10.0]);
        let weight = Some(Amount { raw: "20".into(), value: Some(20.0), unit: None, value_yuan: None });
        t.funds = Some(Box::new(Funds { rows: vec![FundsRow { label: "总额".into(), weight, ..FundsRow::default() }], ..Funds::default() }));
        assert_eq!(lines("weight-sum", &document(vec![t])), vec![100]);
        // A level-1 stating its points, and weights under it that disagree.
        let mut t = weighted(&[50.0, 40.0, 10.0]);
        t.categories[1].label = "效益指标（30分）".into();
        assert_eq!(lines("weight-sum", &document(vec![t])), vec![111]);
        assert_eq!(stated_points("年度绩效目标(90分)"), Some(90.0));
        assert_eq!(stated_points("成本指标(0-20)分"), None);
    }

    #[test]
    fn an_either_or_pair_counts_its_weight_once() {
        // 60 + (20 for 结转结余率 or 结转结余变动率, 二者择其一) + 20 = 100.
        let rows = [
            ("产出指标", "数量指标", "a", "", "≥1次", ""),
            ("产出指标", "结转结余", "率", "二者择其一进行考核", "≤9%", ""),
            ("产出指标", "结转结余", "变动率", "", "≤-30%", ""),
            ("效益指标", "社会效益指标", "c", "", "提高", ""),
        ];
        let mut t = table(1, "t", &rows);
        for (i, w) in t.categories.iter_mut().flat_map(|c| &mut c.children).flat_map(|s| &mut s.indicators).zip([60.0, 20.0, 20.0, 20.0]) {
            i.weight = Some(w);
        }
        assert!(lines("weight-sum", &document(vec![t.clone()])).is_empty());
        // Without the words, the two rows are two indicators: 120.
        t.categories[0].children[1].indicators[0].description.clear();
        assert_eq!(lines("weight-sum", &document(vec![t])), vec![100]);
    }

    #[test]
    fn weights_that_add_up_are_clean() {
        assert!(lines("weight-sum", &document(vec![weighted(&[50.0, 40.0, 10.0])])).is_empty());
        assert!(lines("weight-sum", &document(vec![weighted(&[50.0, 30.0, 10.0])])).is_empty());
        // 90 for the indicators when the funds block holds 10.
        let mut t = weighted(&[50.0, 30.0, 10.0]);
        let weight = Some(Amount { raw: "10".into(), value: Some(10.0), unit: None, value_yuan: None });
        t.funds = Some(Box::new(Funds { rows: vec![FundsRow { label: "总额".into(), weight, ..FundsRow::default() }], ..Funds::default() }));
        assert!(lines("weight-sum", &document(vec![t])).is_empty());
        // No weights at all: nothing to add up.
        assert!(lines("weight-sum", &document(vec![sound(1, "t")])).is_empty());
    }
}
