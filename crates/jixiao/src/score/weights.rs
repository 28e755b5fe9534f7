//! The weight of each indicator and of the execution rate: the table's 分值 where it gives them,
//! else the rules' defaults per level-1, passed on in proportion when a level-1 has no indicator,
//! and split evenly inside a level-1.

use super::ScoringRules;
use crate::grammar::form::either_or;
use crate::model::{Indicator, Level1, Table};

/// The weights of a table: one per indicator (in `Table::indicators` order), and the execution rate's.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    /// (weight, whether the table gave it).
    pub indicators: Vec<(f64, bool)>,
    pub execution: f64,
    /// Level-1s the rules have no default weight for (投入, 过程, 决策, unknown), when the table gives none.
    pub unweighted: Vec<String>,
}

/// The default group of a level-1: 产出 (with 成本), 效益, 满意度; None for the others.
fn group(level1: Level1) -> Option<usize> {
    match level1 {
        Level1::Output | Level1::Cost => Some(0),
        Level1::Effect => Some(1),
        Level1::Satisfaction => Some(2),
        Level1::Input | Level1::Process | Level1::Decision | Level1::Other => None,
    }
}

/// The funds block's own weight (分值 of its first row that gives one).
pub fn funds_weight(table: &Table) -> Option<f64> {
    table.funds.as_ref().and_then(|f| f.rows.iter().find_map(|r| r.weight.as_ref().and_then(|w| w.value)))
}

/// Per indicator (in `Table::indicators` order), whether it is the one of an either-or pair
/// (二者择其一) that is not assessed: the second, unless only the second has an actual. It weighs
/// nothing, so that the pair weighs its weight once. When both were scored (a 得分 on each), the
/// table says both were assessed: each keeps its weight.
fn unassessed(table: &Table) -> Vec<bool> {
    let done = |i: &Indicator| i.actual.as_ref().is_some_and(|a| !a.raw.trim().is_empty());
    let mut out = Vec::new();
    for sub in table.categories.iter().flat_map(|c| &c.children) {
        let seconds = either_or::second_rows(&sub.indicators);
        let mut flags = vec![false; sub.indicators.len()];
        for k in (1..seconds.len()).filter(|&k| seconds[k]) {
            let (first, second) = (&sub.indicators[k - 1], &sub.indicators[k]);
            if first.reported_score.is_some() && second.reported_score.is_some() {
                continue;
            }
            let only_second = !done(first) && done(second);
            flags[if only_second { k - 1 } else { k }] = true;
        }
        out.extend(flags);
    }
    out
}

pub fn weights(table: &Table, rules: &ScoringRules, scores_execution: bool) -> Weights {
    let levels: Vec<(Level1, &str, Option<f64>)> = table.indicators().map(|(c, _, i)| (c.level1, c.label.as_str(), i.weight)).collect();
    let given_execution = funds_weight(table).filter(|w| w.is_finite() && *w >= 0.0);
    let execution = if scores_execution { given_execution.unwrap_or(rules.execution) } else { 0.0 };
    if levels.iter().any(|(_, _, w)| w.is_some()) {
        // A negative or endless 分值 weighs nothing (and the weights then miss their total).
        let usable = |w: f64| if w.is_finite() && w > 0.0 { w } else { 0.0 };
        let unassessed = unassessed(table);
        let indicators = levels.iter().zip(unassessed).map(|((_, _, w), out)| (if out { 0.0 } else { w.map_or(0.0, usable) }, w.is_some())).collect();
        return Weights { indicators, execution, unweighted: Vec::new() };
    }
    // Default weights of the groups present, scaled so that groups and execution make 100.
    let defaults = [rules.output, rules.effect, rules.satisfaction];
    let mut counts = [0usize; 3];
    let mut unweighted = Vec::new();
    for (level1, label, _) in &levels {
        match group(*level1) {
            Some(g) => counts[g] += 1,
            None if !unweighted.iter().any(|u: &String| u == label) => unweighted.push(label.to_string()),
            None => {}
        }
    }
    let present: f64 = (0..3).filter(|g| counts[*g] > 0).map(|g| defaults[g]).sum();
    let (execution, available) = match (scores_execution, given_execution) {
        (false, _) => (0.0, 100.0),
        (true, Some(w)) => (w, (100.0 - w).max(0.0)),
        // The default execution weight is passed on in proportion like a level-1's.
        (true, None) => {
            let whole = present + rules.execution;
            if whole > 0.0 { (100.0 * rules.execution / whole, 100.0 * present / whole) } else { (100.0, 0.0) }
        }
    };
    let indicators = levels
        .iter()
        .map(|(level1, _, _)| match group(*level1) {
            Some(g) if present > 0.0 => (available * defaults[g] / present / counts[g] as f64, false),
            _ => (0.0, false),
        })
        .collect();
    Weights { indicators, execution, unweighted }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::rules::fixture::{sound, table};

    #[test]
    fn defaults_split_evenly_and_pass_on_in_proportion() {
        let rules = ScoringRules::default();
        // 产出 50, 效益 30, 满意度 10, execution 10.
        let w = weights(&sound(1, "t"), &rules, true);
        assert_eq!(w.indicators, vec![(50.0, false), (30.0, false), (10.0, false)]);
        assert_eq!(w.execution, 10.0);
        // Two 产出 indicators split 50; no 满意度: its 10 goes to the others in proportion (90 → 100).
        let t = table(
            1,
            "t",
            &[("产出指标", "数量指标", "a", "", "≥1次", ""), ("产出指标", "质量指标", "b", "", "100%", ""), ("效益指标", "社会效益指标", "c", "", "提高", "")],
        );
        let w = weights(&t, &rules, true);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(close(w.indicators[0].0, 100.0 * 50.0 / 90.0 / 2.0));
        assert!(close(w.indicators[2].0, 100.0 * 30.0 / 90.0));
        assert!(close(w.execution, 100.0 * 10.0 / 90.0));
        // Without a funds block, the execution rate's 10 is passed on too.
        let w = weights(&sound(1, "t"), &rules, false);
        assert!(close(w.indicators[0].0, 100.0 * 50.0 / 90.0) && w.execution == 0.0);
    }

    #[test]
    fn an_either_or_pair_weighs_its_weight_once() {
        // 结转结余率 or 结转结余变动率 (二者择其一), 20 merged over both: the one assessed weighs it.
        let rows = [("过程指标", "结转结余", "率", "二者择其一进行考核", "≤9%", ""), ("过程指标", "结转结余", "变动率", "", "≤-30%", "")];
        let mut t = table(1, "t", &rows);
        for i in &mut t.categories[0].children[0].indicators {
            i.weight = Some(20.0);
        }
        let w = |t: &Table| weights(t, &ScoringRules::default(), false).indicators;
        assert_eq!(w(&t), vec![(20.0, true), (0.0, true)]);
        // Only the second was assessed: it weighs the pair's 20.
        t.categories[0].children[0].indicators[1].actual = Some(Box::new(crate::model::Target::parse("-35%")));
        assert_eq!(w(&t), vec![(0.0, true), (20.0, true)]);
        // Both scored: the table says both were assessed.
        for (i, score) in t.categories[0].children[0].indicators.iter_mut().zip([20.0, 15.0]) {
            i.reported_score = Some(score);
        }
        assert_eq!(w(&t), vec![(20.0, true), (20.0, true)]);
    }

    #[test]
    fn given_weights_are_used_as_they_are() {
        let mut t = sound(1, "t");
        let mut k = 0;
        for c in &mut t.categories {
            for s in &mut c.children {
                for i in &mut s.indicators {
                    i.weight = [Some(60.0), None, Some(10.0)][k];
                    k += 1;
                }
            }
        }
        let w = weights(&t, &ScoringRules::default(), true);
        assert_eq!(w.indicators, vec![(60.0, true), (0.0, false), (10.0, true)]);
        // A negative or endless 分值 weighs nothing.
        t.categories[0].children[0].indicators[0].weight = Some(-5.0);
        t.categories[2].children[0].indicators[0].weight = Some(f64::INFINITY);
        let w = weights(&t, &ScoringRules::default(), true);
        assert_eq!(w.indicators, vec![(0.0, true), (0.0, false), (0.0, true)]);
    }
}
