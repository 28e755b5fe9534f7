//! Review (审核): the first pass a finance-bureau reviewer makes over 绩效目标表 before a budget
//! is approved. Each rule is one file in `rules/`; [`review`] runs those the configuration keeps
//! and returns located findings with a suggestion each.

mod config;
pub(crate) mod finding;
pub mod rules;

pub use config::{Level, ReviewConfig, WARNINGS};
pub use finding::{Finding, Severity};
pub use rules::{RULES, Rule};

use crate::model::{Document, Places};

/// Reviews a document: every finding of every rule the configuration keeps, in source order.
pub fn review(doc: &Document, config: &ReviewConfig) -> Vec<Finding> {
    let mut findings = Vec::new();
    for &rule in RULES {
        if !config.runs(rule) {
            continue;
        }
        findings.extend(run_rule(doc, rule).into_iter().filter_map(|mut finding| {
            finding.severity = config.severity(rule, finding.severity)?;
            Some(finding)
        }));
    }
    // Source order; for one place, the rules' order (the sort is stable). A text save's places
    // are lines; any other format's are put in the order the document holds its nodes.
    if findings.iter().all(|f| f.location.line_number().is_some()) {
        findings.sort_by_key(|f| f.location.line_number());
        return findings;
    }
    let mut order = std::collections::HashMap::new();
    doc.places(&mut |place| {
        let next = order.len();
        order.entry(place.clone()).or_insert(next);
    });
    findings.sort_by_key(|f| (f.location.line_number().unwrap_or(0), order.get(&f.location).copied().unwrap_or(usize::MAX)));
    findings
}

/// How many findings of each severity: (errors, warnings, infos).
/// One rule's findings, at its default severity (info for a rule that is off by default): what
/// `jixiao parse` reports of `unknown-column` beside the unplaced content.
pub fn run_rule(doc: &Document, rule: &'static Rule) -> Vec<Finding> {
    let mut sink = rules::Sink::new(rule);
    (rule.check)(doc, &mut sink);
    sink.found
}

pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    (count(Severity::Error), count(Severity::Warning), count(Severity::Info))
}
