//! The 指标值 grammar against tests/data/targets.tsv (shared with the C and Python tests), and
//! its properties: any text reads without panicking, keeps its raw text, and reads the same
//! when folded to half width or spaced out.

mod common;

use jixiao::{Date, Target, TargetKind, UnitKind};
use proptest::prelude::*;

/// The expected reading of a case, in the TSV's own words, next to what the parser gave.
fn describe(t: &Target) -> Vec<String> {
    let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    vec![
        t.kind.as_str().to_owned(),
        t.comparator.map(|c| c.as_str().to_owned()).unwrap_or_default(),
        (t.sign_given as u8).to_string(),
        num(t.value),
        num(t.upper),
        t.unit.clone().unwrap_or_default(),
        t.unit_kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
        num(t.value_yuan),
        t.direction.map(|d| d.as_str().to_owned()).unwrap_or_default(),
        if t.parts.is_empty() { String::new() } else { t.parts.len().to_string() },
    ]
}

#[test]
fn every_case_in_targets_tsv() {
    let table = std::fs::read_to_string(common::data_dir().join("targets.tsv")).unwrap();
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut seen = std::collections::HashSet::new();
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let cells: Vec<&str> = line.split('\t').collect();
        assert_eq!(cells.len(), 11, "malformed case line {line:?}");
        assert!(seen.insert(cells[0]), "duplicate case {:?}", cells[0]);
        let expected: Vec<String> = cells[1..].iter().map(|c| c.to_string()).collect();
        let t = Target::parse(cells[0]);
        assert_eq!(t.raw, cells[0]);
        let got = describe(&t);
        if got != expected {
            failures.push(format!("{:?}\n   expected {expected:?}\n   got      {got:?}", cells[0]));
        }
        cases += 1;
    }
    assert!(cases >= 150, "only {cases} cases");
    assert!(failures.is_empty(), "{} of {cases} cases read wrong:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn compound_parts_keep_their_text() {
    let t = Target::parse("补助1007家庭户，补助1630名被征地农民");
    let parts: Vec<(&str, f64, Option<&str>)> = t.parts.iter().map(|p| (p.text.as_str(), p.value, p.unit.as_deref())).collect();
    assert_eq!(parts, [("补助1007家庭户", 1007.0, Some("家庭户")), ("补助1630名被征地农民", 1630.0, Some("名"))]);
    let t = Target::parse("新增就业1,200人， 培训500人次");
    assert_eq!(t.parts[0].value, 1200.0);
    assert_eq!(t.parts[1].text, "培训500人次");
    // A lead-in (its year is no quantity) and a closing clause frame the list: kept in the raw
    // text, not parts. A clause between two parts is no frame: the text is prose.
    let t = Target::parse("2023年预计在校生：小学600人，初中700人，高中1000人，最后以实际招生人数为准。");
    let parts: Vec<(&str, f64)> = t.parts.iter().map(|p| (p.text.as_str(), p.value)).collect();
    assert_eq!(parts, [("小学600人", 600.0), ("初中700人", 700.0), ("高中1000人", 1000.0)]);
    assert_eq!(Target::parse("小学600人，另行安排，高中1000人").kind, TargetKind::Qualitative);
    // One quantity and a hedge is not several quantities.
    assert_eq!(Target::parse("培训500人次，以实际为准").kind, TargetKind::Qualitative);
}

#[test]
fn a_bare_number_takes_the_unit_its_name_states() {
    use jixiao::grammar::target::with_name_unit;
    let read = |raw: &str, name: &str| {
        let t = with_name_unit(Target::parse(raw), name);
        (t.raw.clone(), t.unit.clone(), t.unit_kind)
    };
    assert_eq!(read("132", "受益人数(人)"), ("132".into(), Some("人".into()), Some(UnitKind::Count)));
    assert_eq!(read("≥95", "覆盖率（%）"), ("≥95".into(), Some("%".into()), Some(UnitKind::Percent)));
    assert_eq!(read("1-2", "培训期数(期)"), ("1-2".into(), Some("期".into()), Some(UnitKind::Count)));
    let t = with_name_unit(Target::parse("220"), "年度预算(万元)");
    assert_eq!(t.value_yuan, Some(2_200_000.0));
    // In the characters the name writes them.
    let t = with_name_unit(Target::parse("63"), "成本控制數(萬元)");
    assert_eq!((t.unit.as_deref(), t.value_yuan), (Some("萬元"), Some(630_000.0)));
    assert_eq!(read("95", "覆盖率（％）").1, Some("%".into()));
    // A unit the value states stays; a bracket that is more than a unit, words and dates take none.
    assert_eq!(read("3个", "修复工程(处)").1, Some("个".into()));
    assert_eq!(read("6070", "项目总投入(≥**万元)").1, None);
    assert_eq!(read("85", "苗木成活率(≥**%)").1, None);
    assert_eq!(read("稳定", "覆盖率(%)").1, None);
    assert_eq!(read("2023年底", "完成时间(年)").1, None);
    assert_eq!(read("132", "受益人数").1, None);
}

#[test]
fn a_phrase_that_only_says_how_the_value_compares_gives_its_comparator() {
    use jixiao::Comparator;
    use jixiao::grammar::target::comparator_phrase;
    assert_eq!(comparator_phrase("达到目标值"), Some(Comparator::Ge));
    assert_eq!(comparator_phrase("不低于 预计值"), Some(Comparator::Ge));
    assert_eq!(comparator_phrase("不超過計劃值"), Some(Comparator::Le));
    // A phrase that says more, or no comparator, gives none.
    for text in ["全面覆盖", "建立与否", "达到目标值的90%", "目标值", "", "达到国家标准要求的程度"] {
        assert_eq!(comparator_phrase(text), None, "{text}");
    }
}

#[test]
fn every_kind_appears_in_the_cases() {
    for (raw, kind) in [
        ("≥1人", TargetKind::Quantity),
        ("1-2人", TargetKind::Range),
        ("1人，2户", TargetKind::Compound),
        ("稳定", TargetKind::Qualitative),
        ("据实", TargetKind::AsActual),
        ("", TargetKind::Empty),
    ] {
        assert_eq!(Target::parse(raw).kind, kind, "{raw}");
    }
}

/// Half-width ASCII to its full-width form, and `≥ ≤` to `≧ ≦`: what Word users type.
fn widen(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            ' ' => '\u{3000}',
            '≥' => '≧',
            '≤' => '≦',
            c => c,
        })
        .collect()
}

/// The interpretation without the texts that are copies of the input.
fn meaning(t: &Target) -> String {
    let mut t = t.clone();
    t.raw.clear();
    t.parts.iter_mut().for_each(|p| p.text.clear());
    serde_json::to_string(&t).unwrap()
}

fn target_like() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "(≥|≤|>|<|=|>=|不低于|不超过|达到)?[0-9]{1,5}(,[0-9]{3})?(\\.[0-9]{1,2})?(%|人|次|万元|个工作日|百分比|次/月)?(以上|以内)?((，|、)[补助]{0,2}[0-9]{1,3}(人|户))?|[提高稳定减少完成根据实际无/ -]{0,6}",
    )
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text_reads_and_keeps_its_raw(s in any::<String>()) {
        let t = Target::parse(&s);
        prop_assert_eq!(&t.raw, &s);
        if let Some(v) = t.value { prop_assert!(v.is_finite()); }
    }

    #[test]
    fn stable_under_width_folding_and_spaces(s in target_like(), gaps in proptest::collection::vec(0usize..40, 0..4)) {
        let base = meaning(&Target::parse(&s));
        prop_assert_eq!(&meaning(&Target::parse(&widen(&s))), &base, "full width: {}", widen(&s));
        let mut spaced: Vec<char> = s.chars().collect();
        for g in gaps {
            let at = g.min(spaced.len());
            spaced.insert(at, if g % 2 == 0 { ' ' } else { '\u{3000}' });
        }
        let spaced: String = spaced.into_iter().collect();
        prop_assert_eq!(&meaning(&Target::parse(&spaced)), &base, "spaced: {:?}", spaced);
    }
}

#[test]
fn a_huge_bare_multiplier_is_not_infinite() {
    let t = Target::parse(&format!("{}亿", "9".repeat(305)));
    assert!(t.value.is_none_or(f64::is_finite), "{:?}", t.value);
}

#[test]
fn money_too_large_for_yuan_has_no_yuan_value() {
    let t = Target::parse(&format!("{}亿元", "9".repeat(305)));
    assert!(t.value_yuan.is_none_or(f64::is_finite), "{:?}", t.value_yuan);
}

#[test]
fn a_cell_of_prose_too_long_for_a_quantity_reads_as_short_prose_does() {
    // Past 4096 bytes the grammar skips its per-character index; what it says must not change.
    let long = |s: &str| s.repeat(4096 / s.len() + 1);
    let cases = [
        (long("进一步提高服务质量"), TargetKind::Qualitative),
        (format!("根据实际{}", long("情况确定")), TargetKind::AsActual),
        (long("**个"), TargetKind::Placeholder),
        (long("稳定运行，"), TargetKind::Qualitative),
    ];
    for (text, kind) in cases {
        let t = Target::parse(&text);
        assert_eq!(t.kind, kind, "{}…", &text[..30]);
        assert_eq!(t.raw, text, "the text is kept as written");
        let short = Target::parse(&text[..text.char_indices().nth(20).map_or(text.len(), |(i, _)| i)]);
        assert_eq!(t.direction, short.direction, "{}…: the same direction as its start states", &text[..30]);
    }
    // A list of quantities that long is prose too: kept whole, never half read.
    let list = long("补助1007家庭户，");
    assert_eq!(Target::parse(&list).kind, TargetKind::Qualitative);
    assert_eq!(Target::parse(&list[..60]).kind, TargetKind::Compound);
}

/// Ranges written with any dash real tables use, periods whose end leaves out the year, whole
/// years, and units as written (traditional characters kept, matched folded), with a dot between
/// two denominators, a bare 万, metres and ages.
#[test]
fn dashes_periods_and_units_as_written() {
    for dash in ["-", "—", "–", "－", "～", "~", "至"] {
        for (unit, kind) in [("周岁", UnitKind::Other), ("岁", UnitKind::Other), ("人", UnitKind::Count), ("m", UnitKind::Length)] {
            let raw = format!("18{dash}54{unit}");
            let t = Target::parse(&raw);
            assert_eq!(
                (t.kind, t.value, t.upper, t.unit.as_deref(), t.unit_kind),
                (TargetKind::Range, Some(18.0), Some(54.0), Some(unit), Some(kind)),
                "{raw}"
            );
        }
    }
    for (raw, year, from, to) in [
        ("2023年1月-12月", Some(2023), (1, None), (12, None)),
        ("2021.1.1-12.31", Some(2021), (1, Some(1)), (12, Some(31))),
        ("2021年全年", Some(2021), (1, None), (12, None)),
        ("2022年全年度", Some(2022), (1, None), (12, None)),
        ("全年", None, (1, None), (12, None)),
    ] {
        let t = Target::parse(raw);
        assert_eq!(t.kind, TargetKind::Deadline, "{raw}");
        assert_eq!(t.comparator, None, "{raw}: a period, not a deadline");
        assert_eq!(t.date, Some(Date { year, month: Some(from.0), day: from.1 }), "{raw}");
        assert_eq!(t.until, Some(Date { year, month: Some(to.0), day: to.1 }), "{raw}");
    }
    for (raw, value, unit, yuan) in [
        ("28.8萬元", 28.8, "萬元", Some(288_000.0)),
        ("≥3個", 3.0, "個", None),
        ("17元/人.每天", 17.0, "元/人.每天", Some(17.0)),
        ("2次/人·月", 2.0, "次/人·月", None),
        ("≥80M", 80.0, "M", None),
        ("250万", 250.0, "万", None),
        ("90％", 90.0, "%", None),
        ("=100百分比", 100.0, "%", None),
        ("每亩300", 300.0, "/亩", None),
        ("≥每人500元", 500.0, "元/人", Some(500.0)),
    ] {
        let t = Target::parse(raw);
        assert_eq!((t.kind, t.value, t.unit.as_deref(), t.value_yuan), (TargetKind::Quantity, Some(value), Some(unit), yuan), "{raw}");
    }
}
