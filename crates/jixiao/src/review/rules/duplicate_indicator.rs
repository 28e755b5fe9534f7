//! `duplicate-indicator`: the same level-3 name twice in one table.

use std::collections::HashMap;

use super::{Rule, Say, Sink, normalized, tables};
use crate::model::{Document, Location};
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "duplicate-indicator",
    default: Some(Severity::Warning),
    summary: "the same level-3 indicator name twice in one table",
    summary_zh: "同一张表中三级指标名称重复",
    check,
};

fn check(doc: &Document, sink: &mut Sink) {
    for scope in tables(doc) {
        let mut first: HashMap<String, &Location> = HashMap::new();
        for (_, _, indicator) in scope.table.indicators() {
            let name = normalized(&indicator.name);
            if name.is_empty() {
                continue;
            }
            match first.get(&name) {
                None => {
                    first.insert(name, &indicator.location);
                }
                Some(&place) => {
                    let shown = indicator.name.trim();
                    sink.indicator(
                        scope,
                        indicator,
                        Some(shown),
                        Say {
                            message: format!("`{shown}` is already an indicator of this table (at {place})"),
                            message_zh: format!("“{shown}”与本表已有指标重名（{place}）"),
                            suggestion: "merge the two rows, or name each for what it measures".into(),
                            suggestion_zh: "合并两行，或按各自衡量的内容分别命名".into(),
                        },
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn a_repeated_name_is_found_at_its_second_row() {
        let doc = document(vec![table(
            1,
            "t",
            &[("产出指标", "数量指标", "播发稿件", "", "≥300篇", "b"), ("满意度指标", "服务对象满意度指标", "播发 稿件", "", "≥100篇", "b")],
        )]);
        let found = findings("duplicate-indicator", &doc);
        assert_eq!(found.iter().map(|f| f.line).collect::<Vec<_>>(), vec![111]);
        assert!(found[0].message.contains("line 110"), "{}", found[0].message);
    }

    #[test]
    fn the_same_name_in_two_tables_is_clean() {
        assert!(lines("duplicate-indicator", &document(vec![sound(1, "t"), sound(2, "u")])).is_empty());
    }
}
