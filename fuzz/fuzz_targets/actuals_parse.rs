//! Any bytes as an actuals file (CSV or JSON), applied to a self-evaluation table: an error or
//! a report, never a panic; every row is either applied or reported.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

static DOC: LazyLock<jixiao::Document> =
    LazyLock::new(|| jixiao::parse_bytes(include_bytes!("../../tests/data/selfeval-2023.txt"), &jixiao::ReadOptions::default()).unwrap());

fuzz_target!(|bytes: &[u8]| {
    // The sample table is read once, before any input's budget.
    LazyLock::force(&DOC);
    jixiao_fuzz::within_budget(bytes, || {
        let Ok(rows) = jixiao::score::parse_actuals(bytes, &jixiao::error::Origin::default()) else { return };
        let (_, unmatched) = jixiao::score::apply_actuals(&DOC, &rows);
        assert!(unmatched.len() <= rows.len());
        let report = jixiao::score::score_with_actuals(&DOC, &rows, &jixiao::ScoringRules::default(), None);
        assert_eq!(report.findings.iter().filter(|f| f.rule == "unmatched-actual").count(), unmatched.len());
    });
});
