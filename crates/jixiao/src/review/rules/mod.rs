//! The review rules: one file each, registered in [`RULES`]. A rule sees the whole document,
//! so rules across tables are as easy as rules on one cell.

pub(crate) use super::finding::Say;
use super::{Finding, Severity};
use crate::model::{Category, Document, Indicator, Location, Section, SubCategory, Table};

mod as_actual_target;
mod copied_text;
mod duplicate_indicator;
mod empty_target;
mod headless_table;
mod impossible_date;
mod misplaced_category;
mod missing_basis;
mod missing_level1;
mod missing_sign;
mod missing_unit;
mod no_target_column;
mod numbering;
mod percent_over_100;
mod qualitative_quantity;
mod satisfaction_not_percent;
mod shared_objective;
mod stray_digit;
mod template_placeholder;
mod toc_mismatch;
mod unknown_category;
mod unknown_column;
mod unnamed_indicator;
mod vacuous_target;
mod weight_sum;

/// Every rule, in the order their findings are listed for one place.
pub static RULES: &[&Rule] = &[
    &missing_level1::RULE,
    &empty_target::RULE,
    &unnamed_indicator::RULE,
    &vacuous_target::RULE,
    &percent_over_100::RULE,
    &qualitative_quantity::RULE,
    &as_actual_target::RULE,
    &copied_text::RULE,
    &duplicate_indicator::RULE,
    &misplaced_category::RULE,
    &unknown_category::RULE,
    &unknown_column::RULE,
    &toc_mismatch::RULE,
    &numbering::RULE,
    &stray_digit::RULE,
    &satisfaction_not_percent::RULE,
    &missing_basis::RULE,
    &missing_unit::RULE,
    &template_placeholder::RULE,
    &weight_sum::RULE,
    &shared_objective::RULE,
    &missing_sign::RULE,
    &no_target_column::RULE,
    &impossible_date::RULE,
    // Last, as each new rule: C callers may list rules by their index.
    &headless_table::RULE,
];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// 审核规则 — one check, with its stable id and default severity.
pub struct Rule {
    /// The id findings carry and configurations name (`vacuous-target`).
    pub id: &'static str,
    /// The severity its findings get when the configuration says nothing; None: off by default.
    pub default: Option<Severity>,
    /// What the rule looks for, in English.
    pub summary: &'static str,
    /// What the rule looks for, in Chinese.
    pub summary_zh: &'static str,
    pub(crate) check: fn(&Document, &mut Sink),
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).field("default", &self.default).finish()
    }
}

/// A table with the part that holds it.
#[derive(Clone, Copy)]
pub(crate) struct Scope<'a> {
    pub section: &'a Section,
    pub table: &'a Table,
}

impl Scope<'_> {
    /// Where a finding about the whole table points: the title, or, on a sheet of many
    /// projects where the tables share one title, the project's first row.
    pub fn start(&self) -> &Location {
        let shared = self.section.tables.iter().filter(|t| t.location == self.table.location).count() > 1;
        match self.table.categories.first() {
            Some(first) if shared => &first.location,
            _ => &self.table.location,
        }
    }
}

pub(crate) fn tables(doc: &Document) -> impl Iterator<Item = Scope<'_>> {
    doc.sections.iter().flat_map(|section| section.tables.iter().map(move |table| Scope { section, table }))
}

pub(crate) fn indicators(doc: &Document) -> impl Iterator<Item = (Scope<'_>, &Category, &SubCategory, &Indicator)> {
    tables(doc).flat_map(|scope| scope.table.indicators().map(move |(c, s, i)| (scope, c, s, i)))
}

/// Collects one rule's findings.
pub(crate) struct Sink {
    rule: &'static Rule,
    pub(crate) found: Vec<Finding>,
}

impl Sink {
    pub(crate) fn new(rule: &'static Rule) -> Self {
        Sink { rule, found: Vec::new() }
    }

    /// A finding about an indicator, pointing at `text` in its row.
    pub(crate) fn indicator(&mut self, scope: Scope<'_>, indicator: &Indicator, text: Option<&str>, say: Say) {
        let severity = self.rule.default.unwrap_or(Severity::Info);
        self.push(scope, severity, &indicator.location, Some(indicator.name.as_str()), text, say);
    }

    /// A finding about a table (or a line of it), pointing at `text`.
    pub(crate) fn table(&mut self, scope: Scope<'_>, at: &Location, text: Option<&str>, say: Say) {
        let severity = self.rule.default.unwrap_or(Severity::Info);
        self.push(scope, severity, at, None, text, say);
    }

    pub(crate) fn push(&mut self, scope: Scope<'_>, severity: Severity, at: &Location, indicator: Option<&str>, text: Option<&str>, say: Say) {
        self.found.push(Finding::about(self.rule.id, severity, scope.section, scope.table, at, indicator, text, say));
    }
}

/// Text compared as a reviewer reads it: no spaces or line breaks, no closing punctuation.
pub(crate) fn normalized(text: &str) -> String {
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed.trim_end_matches(['。', '；', ';', '，', ',', '.', '、']).to_owned()
}

/// Whether a table is an evaluation indicator system (评价指标体系: 决策 / 过程 / 产出 / 效益
/// with 权重 and 评分标准): it weighs and scores indicators and sets no targets.
pub(crate) fn is_evaluation_system(table: &Table) -> bool {
    use crate::grammar::labels::{self, ColumnRole};
    // 决策 said in the form's words (决策指标, 项目决策) or by a framework's own level-2 (项目立项,
    // 目标设定情况), not a group read as one by its words (重大项目前期), which a target table's
    // unit may have written.
    let decision = || {
        table.categories.iter().any(|c| {
            c.level1 == crate::model::Level1::Decision
                && (labels::level1(&c.label) == c.level1 || c.children.iter().any(|s| labels::level1_implied_by(&s.label) == c.level1))
        })
    };
    // A framework as regulations print it: weights and scoring criteria, no target column; or
    // a score sheet (`分值 | 得分`, 评价得分表): weights and scores, no target and no result.
    let framework = || {
        let keys = crate::grammar::form::columns::column_keys(&table.columns);
        let has = |role| keys.iter().any(|(r, _)| *r == role);
        has(ColumnRole::Weight)
            && !has(ColumnRole::Target)
            && (table.columns.iter().any(|c| labels::key(c).ends_with("标准") || labels::key(c).ends_with("要点"))
                || has(ColumnRole::Score) && !has(ColumnRole::Actual))
    };
    [&table.title, &table.name].iter().any(|t| t.contains("指标体系")) || decision() || framework()
}

/// How a table is named in messages: `2、城乡…绩效目标表` or its name.
pub(crate) fn table_label(table: &Table) -> String {
    if table.title.trim().is_empty() { table.name.clone() } else { table.title.trim().to_owned() }
}

#[cfg(test)]
pub(crate) mod fixture;
