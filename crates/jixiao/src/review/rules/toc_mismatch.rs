//! `toc-mismatch`: a table's Word TC field whose text is not the table's title (a stale entry
//! copied from another table), or whose `\f` identifier differs from the other tables of its
//! part (the table would be listed in another part's table of contents).

use std::collections::HashMap;

use super::{Rule, Say, Scope, Sink};
use crate::grammar::fold::fold;
use crate::model::Document;
use crate::review::Severity;

pub static RULE: Rule = Rule {
    id: "toc-mismatch",
    default: Some(Severity::Warning),
    summary: "a TC field that names another table, or whose identifier differs from its part's",
    summary_zh: "目录域（TC）文字与表题不符，或其标识与同部分其他表不同",
    check,
};

/// A title as the table of contents shows it: folded, without spaces, and without the table's
/// number (an entry may leave the number to the list).
fn shown(title: &str) -> String {
    let squeezed: String = fold(title).chars().filter(|c| !c.is_whitespace()).collect();
    let digits = squeezed.chars().take_while(char::is_ascii_digit).count();
    match squeezed[digits..].strip_prefix(['、', '.']) {
        Some(rest) if digits > 0 => rest.to_owned(),
        _ => squeezed,
    }
}

fn check(doc: &Document, sink: &mut Sink) {
    for section in &doc.sections {
        // The part's identifier: the one most of its tables carry, if most carry one.
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for toc in section.tables.iter().filter_map(|t| t.toc.as_ref()) {
            if let Some(id) = toc.identifier.as_deref() {
                *counts.entry(id).or_default() += 1;
            }
        }
        let total: usize = counts.values().sum();
        let usual = counts.iter().max_by_key(|(id, n)| (**n, std::cmp::Reverse(**id))).filter(|(_, n)| **n * 2 > total).map(|(id, _)| *id);

        for scope in section.tables.iter().map(|table| Scope { section, table }) {
            let Some(toc) = &scope.table.toc else { continue };
            let title = scope.table.title.trim();
            if shown(&toc.text) != shown(title) {
                let entry = toc.text.trim();
                sink.table(
                    scope,
                    scope.start(),
                    Some(entry),
                    Say {
                        message: format!("the table of contents entry `{entry}` is not this table's title `{title}`"),
                        message_zh: format!("目录域文字“{entry}”与表题“{title}”不符"),
                        suggestion: "update the TC field to the title (in Word: Alt+F9 shows fields), or delete it".into(),
                        suggestion_zh: "将目录域改为本表标题（Word中按Alt+F9显示域代码），或删除该域".into(),
                    },
                );
            }
            if let (Some(id), Some(usual)) = (toc.identifier.as_deref(), usual)
                && id != usual
            {
                let switch = format!("\\f {id}");
                sink.table(
                    scope,
                    scope.start(),
                    Some(switch.as_str()),
                    Say {
                        message: format!("the TC field's identifier is `\\f {id}`, the other tables of this part use `\\f {usual}`"),
                        message_zh: format!("目录域标识为“\\f {id}”，本部分其他表为“\\f {usual}”"),
                        suggestion: format!("use `\\f {usual}`, so that the table is listed with its part"),
                        suggestion_zh: format!("改为“\\f {usual}”，使本表列入所属部分的目录"),
                    },
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use crate::model::Toc;

    fn toc(text: &str, id: &str) -> Option<Toc> {
        Some(Toc { text: text.into(), identifier: Some(id.into()), level: Some(1), switches: format!("\\f {id} \\l 1") })
    }

    #[test]
    fn a_stale_entry_with_another_identifier_is_found_twice() {
        let mut tables = vec![sound(1, "甲"), sound(2, "乙"), sound(3, "丙")];
        tables[0].toc = toc("1、办案业务经费绩效目标表", "C");
        tables[1].toc = toc("2、乙绩效目标表", "B");
        tables[2].toc = toc("3、 丙绩效目标表", "B");
        tables[1].toc = toc("乙绩效目标表", "B");
        let found = findings("toc-mismatch", &document(tables));
        let got: Vec<_> = found.iter().map(|f| (f.line, f.text.as_deref().unwrap_or(""))).collect();
        assert_eq!(got, vec![(100, "1、办案业务经费绩效目标表"), (100, "\\f C")]);
    }

    #[test]
    fn matching_entries_are_clean() {
        let mut tables = vec![sound(1, "甲"), sound(2, "乙")];
        tables[0].toc = toc("1、甲绩效目标表", "B");
        tables[1].toc = toc("2、乙绩效目标表", "B");
        assert!(lines("toc-mismatch", &document(tables)).is_empty());
    }
}
