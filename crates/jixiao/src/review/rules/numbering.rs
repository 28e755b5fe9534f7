//! `numbering`: table numbers of a part that skip, repeat or go backwards.

use super::{Rule, Say, Scope, Sink, table_label};
use crate::model::Document;
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "numbering",
    default: Some(Severity::Warning),
    summary: "table numbers in a part that skip, repeat or go backwards",
    summary_zh: "同一部分内表序号跳号、重号或倒序",
    check,
};

fn check(doc: &Document, sink: &mut Sink) {
    for section in &doc.sections {
        let mut previous: Option<u32> = None;
        for scope in section.tables.iter().map(|table| Scope { section, table }) {
            let Some(number) = scope.table.number else { continue };
            let expected = previous.map_or(1, |p| p.saturating_add(1));
            let (what, what_zh) = match previous {
                Some(p) if number == p => (format!("repeats number {number}"), format!("序号{number}重复")),
                Some(p) if number < p => (format!("goes back to {number} after {p}"), format!("序号由{p}倒退为{number}")),
                _ if number > expected => (
                    format!(
                        "is number {number}: {} is missing",
                        if number - expected == 1 { expected.to_string() } else { format!("{expected}–{}", number - 1) }
                    ),
                    format!("序号为{number}，缺少{}", if number - expected == 1 { expected.to_string() } else { format!("{expected}至{}", number - 1) }),
                ),
                _ => {
                    previous = Some(number);
                    continue;
                }
            };
            previous = Some(previous.map_or(number, |p| p.max(number)));
            let title = table_label(scope.table);
            sink.table(
                scope,
                scope.start(),
                Some(title.as_str()),
                Say {
                    message: format!("this table {what}"),
                    message_zh: format!("本表{what_zh}"),
                    suggestion: "number the tables of a part 1, 2, 3 … in order; a missing table may have been left out".into(),
                    suggestion_zh: "同一部分的表应按1、2、3……顺序编号；缺号可能意味着漏报了表".into(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;

    #[test]
    fn skips_repeats_and_backward_steps_are_found() {
        let doc = document(vec![sound(1, "a"), sound(3, "b"), sound(3, "c"), sound(2, "d"), sound(4, "e")]);
        let found = findings("numbering", &doc);
        let got: Vec<_> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(got, vec!["this table is number 3: 2 is missing", "this table repeats number 3", "this table goes back to 2 after 3"]);
    }

    #[test]
    fn one_two_three_is_clean() {
        assert!(lines("numbering", &document(vec![sound(1, "a"), sound(2, "b"), sound(3, "c")])).is_empty());
    }
}
