//! Any bytes as a document: the review and the scoring of what the reader makes never panic,
//! every finding says something, and every score lies between 0 and its weight.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    jixiao_fuzz::within_budget(bytes, || {
        let Ok(doc) = jixiao::parse_bytes(bytes, &jixiao::ReadOptions::default()) else { return };
        let mut config = jixiao::ReviewConfig::new();
        config.set("missing-sign", jixiao::review::Level::Info).unwrap();
        for f in jixiao::review(&doc, &config) {
            assert!(!f.message.is_empty() && !f.suggestion_zh.is_empty(), "{f:?}");
        }
        let report = jixiao::score(&doc, &jixiao::ScoringRules::default());
        for t in &report.tables {
            assert!(t.total.is_finite(), "{t:?}");
            for i in &t.indicators {
                if let Some(s) = i.score {
                    assert!(s >= 0.0 && s <= i.weight.max(0.0) + 1e-9, "{i:?}");
                }
            }
        }
    });
});
