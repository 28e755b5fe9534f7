//! `shared-objective`: the same objective text on three or more tables: the objective was
//! copied, not written for the fund.

use std::collections::HashMap;

use super::{Rule, Say, Scope, Sink, normalized, table_label, tables};
use crate::model::Document;
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "shared-objective",
    default: Some(Severity::Info),
    summary: "the same objective on three or more tables",
    summary_zh: "三张及以上的表绩效目标文字相同",
    check,
};

const AT_LEAST: usize = 3;

/// How many of the other tables a finding names.
const NAMED: usize = 5;

fn check(doc: &Document, sink: &mut Sink) {
    let mut groups: HashMap<String, Vec<Scope<'_>>> = HashMap::new();
    for scope in tables(doc) {
        let text = scope.table.objective.as_deref().map(normalized).unwrap_or_default();
        if !text.is_empty() {
            groups.entry(text).or_default().push(scope);
        }
    }
    for scope in tables(doc) {
        let Some(objective) = scope.table.objective.as_deref() else { continue };
        let Some(group) = groups.get(&normalized(objective)).filter(|g| g.len() >= AT_LEAST) else { continue };
        // The first few others by name: a finding per table listing every other would grow with
        // the square of the group.
        let count = group.len() - 1;
        let others: Vec<String> = group.iter().filter(|s| !std::ptr::eq(s.table, scope.table)).take(NAMED).map(|s| table_label(s.table)).collect();
        let (more, more_zh) = if count > NAMED { (format!(" and {} more", count - NAMED), format!("等{count}张")) } else { (String::new(), String::new()) };
        let first_line = objective.lines().map(str::trim).find(|l| !l.is_empty());
        sink.table(
            scope,
            scope.start(),
            first_line,
            Say {
                message: format!("the same objective stands on {count} other tables: {}{more}", others.join("; ")),
                message_zh: format!("绩效目标与另外{count}张表相同：{}{more_zh}", others.join("；")),
                suggestion: "write what this fund will achieve this year, in numbers where possible".into(),
                suggestion_zh: "针对本项资金填写本年度要达到的目标，尽量量化".into(),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn an_objective_on_three_tables_is_found_on_each() {
        let mut tables = vec![sound(1, "a"), sound(2, "b"), sound(3, "c"), sound(4, "d")];
        for t in &mut tables[..3] {
            t.objective = Some("加强党组织建设和党员管理,不断提高执政能力和领导水平".into());
        }
        tables[2].objective = Some("加强党组织建设和党员管理, 不断提高执政能力和领导水平。".into());
        tables[3].objective = Some("另一个目标".into());
        assert_eq!(lines("shared-objective", &document(tables)), vec![100, 200, 300]);
    }

    #[test]
    fn a_large_group_names_a_few_and_counts_the_rest() {
        let mut tables: Vec<_> = (1..=9).map(|n| sound(n, "t")).collect();
        for t in &mut tables {
            t.objective = Some("同一目标".into());
        }
        let found = findings("shared-objective", &document(tables));
        assert_eq!(found.len(), 9);
        assert!(
            found[0].message.starts_with("the same objective stands on 8 other tables: 2、t绩效目标表; ") && found[0].message.ends_with(" and 3 more"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn an_objective_on_two_tables_is_clean() {
        let mut tables = vec![sound(1, "a"), sound(2, "b")];
        for t in &mut tables {
            t.objective = Some("同一目标".into());
        }
        assert!(lines("shared-objective", &document(tables)).is_empty());
    }
}
