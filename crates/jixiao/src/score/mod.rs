//! Self-evaluation scoring (自评复核): every indicator scored by the rules from its target and
//! actual result, the execution rate from the funds block, totals and grades, and findings where
//! the table's own scores, weights or totals disagree.

mod actuals;
mod formula;
mod report;
mod rules;
mod weights;

pub use actuals::{ActualRow, apply as apply_actuals, parse as parse_actuals};
pub use formula::{at_least, at_most, band_of, banded, equal_zero, range};
pub use report::{Band, ExecutionScore, IndicatorScore, Level1Score, ScoreReport, ScoreRule, TableScore};
pub use rules::ScoringRules;

use crate::model::{Document, Indicator, Location, Section, Table, TableKind};
use crate::review::finding::Say;
use crate::review::{Finding, Severity};
use formula::Plan;

/// Scores every table that has actual results (a 自评表, or a table given actuals).
pub fn score(doc: &Document, rules: &ScoringRules) -> ScoreReport {
    let mut report = ScoreReport::default();
    for section in &doc.sections {
        for table in &section.tables {
            let has_actuals = table.indicators().any(|(_, _, i)| i.actual.as_ref().is_some_and(|a| !a.raw.trim().is_empty()));
            if table.kind == TableKind::SelfEvaluation || has_actuals {
                let mut scorer = TableScorer { section, table, rules, findings: Vec::new() };
                let scored = scorer.run();
                report.tables.push(scored);
                report.findings.extend(scorer.findings);
            }
        }
    }
    report
}

/// Scores a target table with actuals from a file (see [`parse_actuals`]); a row that matches
/// no indicator is an `unmatched-actual` finding, located at its line in the actuals file.
pub fn score_with_actuals(doc: &Document, rows: &[ActualRow], rules: &ScoringRules, actuals_file: Option<&str>) -> ScoreReport {
    let (filled, unmatched) = apply_actuals(doc, rows);
    let mut report = score(&filled, rules);
    for (row, why) in unmatched {
        report.findings.push(Finding {
            rule: "unmatched-actual".into(),
            severity: Severity::Error,
            message: format!("the actual `{}` for `{}` matches nothing: {why}", row.actual, row.indicator),
            message_zh: format!("实际完成值“{}”（{}）未能对应到任何指标：{why}", row.actual, row.indicator),
            suggestion: "write the table's number or name and the indicator's level-3 name as the document has them".into(),
            suggestion_zh: "按文档中的表序号或表名、三级指标名称填写".into(),
            line: row.line,
            location: crate::model::Location::line(row.line),
            section_number: row.section,
            table_number: row.table.trim().parse().ok(),
            table_name: None,
            indicator: Some(row.indicator.clone()),
            text: Some(row.actual.clone()),
            file: actuals_file.map(str::to_owned),
        });
    }
    report
}

struct TableScorer<'a> {
    section: &'a Section,
    table: &'a Table,
    rules: &'a ScoringRules,
    findings: Vec<Finding>,
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

impl TableScorer<'_> {
    fn find(&mut self, rule: &str, severity: Severity, at: &Location, indicator: Option<&str>, text: Option<&str>, say: Say) {
        self.findings.push(Finding::about(rule, severity, self.section, self.table, at, indicator, text, say));
    }

    fn run(&mut self) -> TableScore {
        let rules = self.rules;
        let execution_row = self.table.funds.as_ref().and_then(|f| f.rows.first());
        let weights = weights::weights(self.table, rules, execution_row.is_some());
        for label in &weights.unweighted {
            self.find(
                "weight-mismatch",
                Severity::Warning,
                &self.table.location,
                None,
                Some(label),
                Say {
                    message: format!("`{label}` has no default weight and the table gives no 分值: its indicators score 0"),
                    message_zh: format!("“{label}”没有默认分值，表中也未填分值，其指标按0分计"),
                    suggestion: "give every indicator its 分值".into(),
                    suggestion_zh: "为每项指标填写分值".into(),
                },
            );
        }
        let mut indicators = Vec::new();
        for (k, (category, _, indicator)) in self.table.indicators().enumerate() {
            let (weight, given) = weights.indicators[k];
            indicators.push(self.indicator(indicator, category.level1, weight, given));
        }
        let execution = execution_row.map(|row| self.execution(row, weights.execution));
        // Level-1 totals, in source order of the level-1s.
        let mut level1: Vec<Level1Score> = Vec::new();
        for (category, scored) in self.table.indicators().map(|(c, _, _)| c).zip(&indicators) {
            let at = match level1.iter().position(|l| l.label == category.label) {
                Some(at) => at,
                None => {
                    level1.push(Level1Score { level1: category.level1, label: category.label.clone(), weight: 0.0, score: 0.0 });
                    level1.len() - 1
                }
            };
            level1[at].weight += scored.weight;
            level1[at].score += scored.score.unwrap_or(0.0);
        }
        let complete = indicators.iter().all(|i| i.score.is_some()) && execution.as_ref().is_none_or(|e| e.score.is_some());
        let total = indicators.iter().filter_map(|i| i.score).sum::<f64>() + execution.as_ref().and_then(|e| e.score).unwrap_or(0.0);
        self.check_weights(&indicators, execution.as_ref());
        self.check_total(&indicators, execution.as_ref());
        TableScore {
            section_number: self.section.number,
            table_number: self.table.number,
            name: self.table.name.clone(),
            line: self.table.location.line_number().unwrap_or(0),
            location: self.table.location.clone(),
            total,
            grade: complete.then(|| rules.grade(round2(total)).to_owned()),
            reported_total: self.table.total_score,
            level1,
            indicators,
            execution,
            file: None,
        }
    }

    fn indicator(&mut self, indicator: &Indicator, level1: crate::model::Level1, weight: f64, weight_given: bool) -> IndicatorScore {
        let rules = self.rules;
        let target = &indicator.target;
        let actual = indicator.actual.as_deref();
        let name = indicator.name.trim();
        let shown = if name.is_empty() { indicator.description.trim() } else { name };
        let mut band = None;
        let (score, rule) = match formula::plan(target, actual) {
            Plan::Numbers { rule, target: t, upper, actual: a } => {
                let s = match rule {
                    ScoreRule::AtMost => at_most(weight, t, a),
                    ScoreRule::EqualZero => equal_zero(weight, a),
                    ScoreRule::Range => range(weight, t, upper, a),
                    _ => at_least(weight, t, a),
                };
                if let Some(over) = rules.deviation_over
                    && rule == ScoreRule::AtLeast
                    && t > 0.0
                    && a > t * over / 100.0
                    && indicator.deviation.trim().is_empty()
                {
                    let raw = actual.map_or("", |a| a.raw.trim());
                    self.find(
                        "deviation-unexplained",
                        Severity::Warning,
                        &indicator.location,
                        Some(name),
                        Some(raw),
                        Say {
                            message: format!("`{raw}` is past {over}% of the target `{}` with no 偏差原因", target.raw.trim()),
                            message_zh: format!("实际完成值“{raw}”超过目标“{}”的{over}%，未说明偏差原因", target.raw.trim()),
                            suggestion: "explain why the result went so far past the target (or why the target was set low)".into(),
                            suggestion_zh: "说明大幅超出目标的原因（或目标设定偏低的原因）".into(),
                        },
                    );
                }
                (Some(s), rule)
            }
            Plan::Parts { pairs } => {
                let n = pairs.len().max(1) as f64;
                (Some(pairs.iter().map(|(t, a)| at_least(weight, *t, *a)).sum::<f64>() / n), ScoreRule::Compound)
            }
            Plan::Deadline { met } => (Some(if met { weight } else { 0.0 }), ScoreRule::Deadline),
            Plan::Band(b) => {
                band = Some(b);
                (Some(banded(weight, rules.band(b), indicator.reported_score)), ScoreRule::Qualitative)
            }
            Plan::UnitMismatch(t, a) => {
                let raw = actual.map_or("", |a| a.raw.trim());
                self.find(
                    "unit-mismatch",
                    Severity::Error,
                    &indicator.location,
                    Some(name),
                    Some(raw),
                    Say {
                        message: format!("`{shown}`: the target is in {t} and the actual `{raw}` in {a}; it is not scored"),
                        message_zh: format!("“{shown}”：指标值单位为{t}，实际完成值“{raw}”单位为{a}，无法评分"),
                        suggestion: "give the actual in the target's unit".into(),
                        suggestion_zh: "按指标值的计量单位填写实际完成值".into(),
                    },
                );
                (None, ScoreRule::NotScored)
            }
            Plan::Unreadable(why, why_zh) => {
                let raw = actual.map_or("", |a| a.raw.trim());
                self.find(
                    "unreadable-actual",
                    Severity::Error,
                    &indicator.location,
                    Some(name),
                    Some(raw),
                    Say {
                        message: format!("`{shown}`: the actual `{raw}` cannot be read against `{}` ({why}); it is not scored", target.raw.trim()),
                        message_zh: format!("“{shown}”：实际完成值“{raw}”无法对照指标值“{}”评分（{why_zh}），未予评分", target.raw.trim()),
                        suggestion: "give the result in the target's terms: the number reached in its unit (0 if nothing was done), the date, or 达成 / 部分达成 / 未达成".into(),
                        suggestion_zh: "按指标值填写实际完成值：计量单位下的实际数值（未开展填0）、完成日期，或达成、部分达成、未达成".into(),
                    },
                );
                (None, ScoreRule::NotScored)
            }
            Plan::Missing => {
                self.find(
                    "missing-actual",
                    Severity::Warning,
                    &indicator.location,
                    Some(name),
                    Some(shown),
                    Say {
                        message: format!("`{shown}` has no actual result; it is not scored"),
                        message_zh: format!("“{shown}”未填实际完成值，无法评分"),
                        suggestion: "fill in 实际完成值 (the number reached, or 达成 / 部分达成 / 未达成 for words)".into(),
                        suggestion_zh: "填写实际完成值（数值，或定性指标的达成、部分达成、未达成）".into(),
                    },
                );
                (None, ScoreRule::NotScored)
            }
        };
        let short = match (score, band) {
            (_, Some(b)) => b != Band::Achieved,
            (Some(s), None) => s < weight - rules.tolerance,
            (None, None) => false,
        };
        if short && indicator.deviation.trim().is_empty() {
            let raw = actual.map_or("", |a| a.raw.trim());
            self.find(
                "deviation-unexplained",
                Severity::Warning,
                &indicator.location,
                Some(name),
                Some(raw),
                Say {
                    message: format!("`{shown}` fell short of `{}` (actual `{raw}`) with no 偏差原因", target.raw.trim()),
                    message_zh: format!("“{shown}”未达到“{}”（实际“{raw}”），未说明偏差原因", target.raw.trim()),
                    suggestion: "explain the shortfall and what will be done about it (偏差原因分析及改进措施)".into(),
                    suggestion_zh: "填写偏差原因分析及改进措施".into(),
                },
            );
        }
        let difference = match (indicator.reported_score, score) {
            (Some(r), Some(s)) => Some(r - s),
            _ => None,
        };
        if let Some(d) = difference.filter(|d| d.abs() > rules.tolerance) {
            let reported = indicator.reported_score.unwrap_or_default();
            let computed = score.unwrap_or_default();
            self.find(
                "score-mismatch",
                Severity::Error,
                &indicator.location,
                Some(name),
                Some(&format!("{reported}")),
                Say {
                    message: format!(
                        "`{shown}` reports {reported} points; the rules give {:.2} ({} by {:.2})",
                        computed,
                        if d > 0.0 { "over" } else { "under" },
                        d.abs()
                    ),
                    message_zh: format!("“{shown}”自评得分{reported}分，按规则应为{computed:.2}分（相差{:.2}分）", d.abs()),
                    suggestion: format!("correct the score to {computed:.2}, or correct the actual it was scored from"),
                    suggestion_zh: format!("将得分更正为{computed:.2}分，或更正据以评分的实际完成值"),
                },
            );
        }
        IndicatorScore {
            name: indicator.name.clone(),
            level1,
            line: indicator.location.line_number().unwrap_or(0),
            location: indicator.location.clone(),
            target: target.raw.clone(),
            actual: actual.map(|a| a.raw.clone()).filter(|r| !r.trim().is_empty()),
            weight,
            weight_given,
            score,
            rule,
            band,
            reported_score: indicator.reported_score,
            difference,
        }
    }

    fn execution(&mut self, row: &crate::model::FundsRow, weight: f64) -> ExecutionScore {
        let yuan = |a: &Option<crate::model::Amount>| a.as_ref().and_then(|a| a.value_yuan.or(a.value));
        let budget = yuan(&row.adjusted).or(yuan(&row.initial));
        let executed = yuan(&row.executed);
        let rate = match (budget, executed) {
            (Some(b), Some(e)) if b > 0.0 => Some(e.max(0.0) / b),
            _ => None,
        };
        let score = rate.map(|r| weight * r.min(1.0));
        let reported_score = row.score.as_ref().and_then(|s| s.value);
        let difference = match (reported_score, score) {
            (Some(r), Some(s)) => Some(r - s),
            _ => None,
        };
        if let (Some(d), Some(s), Some(r)) = (difference, score, reported_score)
            && d.abs() > self.rules.tolerance
        {
            self.find(
                "score-mismatch",
                Severity::Error,
                &row.location,
                None,
                Some(&format!("{r}")),
                Say {
                    message: format!(
                        "the budget execution rate reports {r} points; the rules give {s:.2} ({:.2}% of {weight})",
                        rate.unwrap_or(0.0).min(1.0) * 100.0
                    ),
                    message_zh: format!("预算执行率自评得分{r}分，按规则应为{s:.2}分（{weight}分×{:.2}%）", rate.unwrap_or(0.0).min(1.0) * 100.0),
                    suggestion: format!("correct the score to {s:.2}"),
                    suggestion_zh: format!("将得分更正为{s:.2}分"),
                },
            );
        }
        ExecutionScore {
            weight,
            budget,
            executed,
            rate,
            score,
            reported_score,
            difference,
            line: row.location.line_number().unwrap_or(0),
            location: row.location.clone(),
        }
    }

    /// `weight-mismatch`: given 分值 (and the execution rate's) that do not make 100.
    fn check_weights(&mut self, indicators: &[IndicatorScore], execution: Option<&ExecutionScore>) {
        if !indicators.iter().any(|i| i.weight_given) {
            return;
        }
        let missing: Vec<&str> = indicators.iter().filter(|i| !i.weight_given).map(|i| i.name.as_str()).collect();
        let sum: f64 = indicators.iter().map(|i| i.weight).sum::<f64>() + execution.map_or(0.0, |e| e.weight);
        if (sum - 100.0).abs() > self.rules.tolerance || !missing.is_empty() {
            let without = if missing.is_empty() { String::new() } else { format!("; without 分值: {}", missing.join(", ")) };
            let without_zh = if missing.is_empty() { String::new() } else { format!("；未填分值：{}", missing.join("、")) };
            self.find(
                "weight-mismatch",
                Severity::Warning,
                &self.table.location,
                None,
                None,
                Say {
                    message: format!("the weights add up to {}, not 100{without}", round2(sum)),
                    message_zh: format!("分值合计{}分，不等于100分{without_zh}", round2(sum)),
                    suggestion: "give every indicator its 分值 so that they and the execution rate make 100".into(),
                    suggestion_zh: "为每项指标填写分值，使其与预算执行率分值合计为100分".into(),
                },
            );
        }
    }

    /// `total-mismatch`: a stated 总分 that is not the sum of the reported scores.
    fn check_total(&mut self, indicators: &[IndicatorScore], execution: Option<&ExecutionScore>) {
        let Some(stated) = self.table.total_score else { return };
        let reported: Vec<f64> = indicators.iter().filter_map(|i| i.reported_score).chain(execution.and_then(|e| e.reported_score)).collect();
        if reported.is_empty() {
            return;
        }
        let sum: f64 = reported.iter().sum();
        if (sum - stated).abs() > self.rules.tolerance {
            let at =
                self.table.remarks.iter().find(|r| r.label.contains("总分") || r.label.contains("合计")).map_or(&self.table.location, |r| &r.location).clone();
            self.find(
                "total-mismatch",
                Severity::Error,
                &at,
                None,
                Some(&format!("{stated}")),
                Say {
                    message: format!("the stated total {stated} is not the sum of the reported scores, {}", round2(sum)),
                    message_zh: format!("自评总分{stated}分不等于各项得分之和{}分", round2(sum)),
                    suggestion: "correct the total, or the score that was left out of it".into(),
                    suggestion_zh: "更正总分，或更正漏计的得分".into(),
                },
            );
        }
    }
}
