//! `misplaced-category`: a level-2 under a level-1 it does not belong to (服务对象满意度指标
//! under 产出指标).

use super::{Rule, Say, Sink, tables};
use crate::model::{Document, Level1, Level2};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "misplaced-category",
    default: Some(Severity::Warning),
    summary: "a level-2 category under the wrong level-1",
    summary_zh: "二级指标归属的一级指标不正确",
    check,
};

/// The level-1s a level-2 may stand under (both the classic form and the 2021 form); None
/// when any will do.
fn parents(level2: Level2) -> Option<&'static [Level1]> {
    Some(match level2 {
        Level2::Quantity | Level2::Quality | Level2::Timeliness => &[Level1::Output],
        Level2::Cost => &[Level1::Output, Level1::Cost],
        Level2::EconomicCost | Level2::SocialCost | Level2::EcologicalCost => &[Level1::Cost, Level1::Output],
        Level2::EconomicBenefit | Level2::SocialBenefit | Level2::EcologicalBenefit | Level2::Sustainability | Level2::Benefit => &[Level1::Effect],
        Level2::ServiceSatisfaction => &[Level1::Satisfaction],
        Level2::Other => return None,
    })
}

fn name(level1: Level1) -> &'static str {
    match level1 {
        Level1::Output => "产出指标",
        Level1::Effect => "效益指标",
        Level1::Satisfaction => "满意度指标",
        Level1::Cost => "成本指标",
        Level1::Input => "投入指标",
        Level1::Process => "过程指标",
        Level1::Decision => "决策指标",
        Level1::Other => "其他",
    }
}

fn check(doc: &Document, sink: &mut Sink) {
    for scope in tables(doc) {
        for category in &scope.table.categories {
            // Unknown level-1s are `unknown-category`'s to report.
            if category.level1 == Level1::Other {
                continue;
            }
            // Where the table put it: 满意度 under 效益 is read as satisfaction, yet stood under 效益.
            let written = match crate::grammar::labels::level1(&category.label) {
                Level1::Other => category.level1,
                l => l,
            };
            for sub in &category.children {
                let Some(allowed) = parents(sub.level2) else { continue };
                if allowed.contains(&written) {
                    continue;
                }
                let (label, parent, want) = (sub.label.trim(), category.label.trim(), name(allowed[0]));
                sink.table(
                    scope,
                    &sub.location,
                    Some(label),
                    Say {
                        message: format!("`{label}` belongs under {want}, not under `{parent}`"),
                        message_zh: format!("“{label}”应归入{want}，而非“{parent}”"),
                        suggestion: format!("move the rows to {want}, or choose the level-2 that fits {parent}"),
                        suggestion_zh: format!("将这些行移至{want}下，或改用{parent}下适当的二级指标"),
                    },
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn satisfaction_under_output_is_found() {
        let doc = document(vec![table(
            1,
            "t",
            &[
                ("产出指标", "数量指标", "a", "", "≥3次", "b"),
                ("产出指标", "服务对象满意度指标", "c", "", "≥90%", "d"),
                ("成本指标", "经济成本指标", "e", "", "≤10万元", "f"),
                ("效益指标", "数量指标", "g", "", "≥3次", "h"),
            ],
        )]);
        assert_eq!(lines("misplaced-category", &doc), vec![111, 113]);
    }

    #[test]
    fn the_classic_tree_is_clean() {
        assert!(lines("misplaced-category", &document(vec![sound(1, "t")])).is_empty());
    }
}
