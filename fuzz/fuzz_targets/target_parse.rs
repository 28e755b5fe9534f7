//! Any text: `Target::parse` returns, keeps the raw text and gives finite numbers.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    jixiao_fuzz::within_budget(text.as_bytes(), || {
        let t = jixiao::Target::parse(text);
        assert_eq!(t.raw, text);
        assert!(t.value.is_none_or(f64::is_finite));
        assert!(t.upper.is_none_or(f64::is_finite));
    });
});
