//! Generated variants of every layout seen in real tables read the same as their plain form.
//! One logical table (categories, indicators with sign, number, unit and weight) is rendered as
//! Word text in the plain layout (`一级 | 二级 | 三级 | 指标值 | 分值`, sign and unit in the value
//! cell) and in variants that combine: a merged group label column, sign and unit in columns of
//! their own (with the spellings real tables use), a two-row header, a 指标方向性 column instead of
//! a sign, rows in any order, label spellings (inner spaces, score brackets), a mid-term block
//! beside the annual one, footer and blank form rows, and many projects on one sheet. Header
//! words beyond the known labels (`指标值及单位`, `考核标准`, `指标权重` …) are drawn for the
//! target, unit and weight columns, self-evaluation columns (`实际完成数`, `自评得分`, `偏差原因…`)
//! are added, trap columns that hold the words of other roles (`指标值确定依据`, `评(扣)分标准`)
//! stand before the target column, and footers name people and dates (`项目负责人:张三`).

mod common;

use jixiao::*;
use proptest::prelude::*;

const TREE: &[(&str, &[&str])] = &[
    ("产出指标", &["数量指标", "质量指标", "时效指标", "成本指标"]),
    ("效益指标", &["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]),
    ("满意度指标", &["服务对象满意度指标"]),
];
const UNITS: &[&str] = &["%", "人", "个", "万元", "次", "天"];
/// A comparator and the spellings real tables give it.
const SIGNS: &[(Comparator, &[&str])] =
    &[(Comparator::Ge, &["≥", "≧", ">=", "＞＝"]), (Comparator::Le, &["≤", "<=", "≦"]), (Comparator::Eq, &["=", "═", "＝"]), (Comparator::Gt, &[">"])];

#[derive(Debug, Clone)]
struct Ind {
    l1: usize,
    l2: usize,
    name: String,
    sign: usize,
    spelling: usize,
    value: String,
    unit: usize,
    weight: u32,
}

/// Target column labels real forms use: every one must read as the target.
const TARGET_WORDS: &[&str] = &[
    "指标值",
    "目标值",
    "年度目标值",
    "计划值",
    "指标值(或计划水平)",
    "目标值(标准)",
    "考核标准",
    "指标值及单位",
    "年度指标值",
    "指标目标值",
    "年度计划值",
    "预期目标值",
    "计划完成值",
];
/// Unit column labels.
const UNIT_WORDS: &[&str] = &["度量单位", "计量单位", "单位", "指标单位", "计量 单位"];
/// Weight column labels.
const WEIGHT_WORDS: &[&str] = &["分值", "权重", "指标分值", "指标权重(%)", "分值(分)", "权重分值"];
/// Columns with other roles' words, set before the target column: the basis (指标值确定依据 has
/// 指标值 in it), scoring criteria (评分标准 has 标准) and remarks.
const BASIS_WORDS: &[&str] = &["指标值确定依据", "指标值设定依据", "确定依据", "指标值解释", "依据"];
const SCORING_WORDS: &[&str] = &["评(扣)分标准", "评分标准", "扣分标准", "评分细则"];
const REMARK_WORDS: &[&str] = &["备注", "备注说明", "指标值说明"];
/// Self-evaluation columns: actual, score, deviation.
const ACTUAL_WORDS: &[&str] = &["实际完成值", "实际完成数", "实际值", "完成值", "全年实际完成值", "实际完成值及单位", "年度实际完成情况"];
const SCORE_WORDS: &[&str] = &["得分", "自评得分", "得分(分)"];
const DEVIATION_WORDS: &[&str] = &["偏差原因分析及改进措施", "偏差原因及改进措施说明", "未完成原因", "偏差原因分析"];
/// Signature rows below a table: remarks, never indicators or categories.
const SIGNATURES: &[&[&str]] =
    &[&["项目负责人:张三"], &["填报人：李四", "联系电话：0833-1234567"], &["填报日期：2023年7月1日"], &["单位负责人（签章）：", "审核人 王五"]];

/// Which header words a layout uses: an index into each list.
#[derive(Debug, Clone, Copy, Default)]
struct Words {
    target: usize,
    unit: usize,
    weight: usize,
    basis: usize,
    scoring: usize,
    remark: usize,
    actual: usize,
    score: usize,
    deviation: usize,
}

#[derive(Debug, Clone)]
struct Layout {
    group_column: bool,
    split_sign: bool,
    two_row_header: bool,
    direction_column: bool,
    shuffled: bool,
    spaced_labels: bool,
    midterm_block: bool,
    footer: bool,
    projects: usize,
    words: Words,
    /// Basis, scoring and remark columns before the target column.
    traps: bool,
    /// Actual, score and deviation columns after the weight.
    self_evaluation: bool,
    /// A row holding only a level-2 word in the name column, one in the level-2 column, and one
    /// with a level-2 word and the marks of empty cells (`-`, `/`) in its other cells.
    skeleton: bool,
    /// The two-row header as a copy of a web page gives it: the lower row holds only the labels
    /// under 年度指标值 (no empty cells under the upper cells merged down).
    web_header: bool,
}

fn indicator() -> impl Strategy<Value = Ind> {
    (
        0..TREE.len(),
        0usize..4,
        "[培训补助覆盖发放人数率质量]{2,8}",
        0..SIGNS.len(),
        0usize..4,
        1u32..100_000,
        proptest::option::of(0u32..100),
        0..UNITS.len(),
        1u32..30,
    )
        .prop_map(|(l1, l2, name, sign, spelling, int, frac, unit, weight)| Ind {
            l1,
            l2: l2 % TREE[l1].1.len(),
            name,
            sign,
            spelling: spelling % SIGNS[sign].1.len(),
            value: match frac {
                Some(f) => format!("{int}.{f:02}"),
                None => int.to_string(),
            },
            unit,
            weight,
        })
}

fn words() -> impl Strategy<Value = Words> {
    (
        0..TARGET_WORDS.len(),
        0..UNIT_WORDS.len(),
        0..WEIGHT_WORDS.len(),
        0..BASIS_WORDS.len(),
        0..SCORING_WORDS.len(),
        0..REMARK_WORDS.len(),
        0..ACTUAL_WORDS.len(),
        0..SCORE_WORDS.len(),
        0..DEVIATION_WORDS.len(),
    )
        .prop_map(|(target, unit, weight, basis, scoring, remark, actual, score, deviation)| Words {
            target,
            unit,
            weight,
            basis,
            scoring,
            remark,
            actual,
            score,
            deviation,
        })
}

fn layout() -> impl Strategy<Value = Layout> {
    (any::<[bool; 12]>(), 1usize..3, words()).prop_map(|(b, projects, words)| Layout {
        group_column: b[0],
        split_sign: b[1],
        two_row_header: b[2] && b[1],
        // A direction column states ≥ (正向) or ≤ (反向) only; the generator keeps those signs then.
        direction_column: b[3],
        shuffled: b[4],
        spaced_labels: b[5],
        midterm_block: b[6],
        footer: b[7],
        projects,
        words,
        traps: b[8],
        self_evaluation: b[9],
        skeleton: b[10],
        web_header: b[11] && b[2] && b[1],
    })
}

/// The indicators in the plain form's order: grouped by level-1, then level-2.
fn grouped(inds: &[Ind]) -> Vec<Ind> {
    let mut v = inds.to_vec();
    v.sort_by_key(|i| (i.l1, i.l2));
    v
}

fn l1_label(i: &Ind, spaced: bool) -> String {
    let l = TREE[i.l1].0;
    if spaced { format!("{}（{}分）", l, 10 * (i.l1 + 3)) } else { l.to_owned() }
}

fn l2_label(i: &Ind, spaced: bool) -> String {
    let l = TREE[i.l1].1[i.l2];
    if spaced { l.replace("指标", " 指标") } else { l.to_owned() }
}

fn text_of(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for r in rows {
        for c in r {
            out.push('\t');
            out.push_str(c);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// Renders projects of indicators in `layout`; the plain form is `Layout` with every flag off.
fn render(projects: &[Vec<Ind>], lay: &Layout) -> String {
    let mut out = String::from("第三部分  预算项目绩效目标\n\n");
    let flat = lay.projects > 1;
    let mut header: Vec<String> = Vec::new();
    if flat {
        header.extend(["单位名称", "项目名称", "预算数", "年度目标"].map(String::from));
    }
    if lay.group_column {
        header.push("绩效指标(90分)".into());
    }
    header.extend(["一级指标", "二级指标", "三级指标"].map(String::from));
    if lay.midterm_block {
        header.push("中期指标值".into());
    }
    let w = lay.words;
    if lay.traps {
        header.extend([BASIS_WORDS[w.basis], SCORING_WORDS[w.scoring], REMARK_WORDS[w.remark]].map(String::from));
    }
    let mut lower: Vec<String> = vec![String::new(); header.len()];
    if lay.split_sign {
        if lay.two_row_header {
            // `年度指标值` over `指标性质 | 指标值 | 度量单位`: the lower labels decide.
            header.push("年度指标值".into());
            lower.extend(["指标性质", "指标值", "度量单位"].map(String::from));
        } else {
            header.extend(["指标性质", TARGET_WORDS[w.target], UNIT_WORDS[w.unit]].map(String::from));
        }
    } else {
        header.push(TARGET_WORDS[w.target].into());
    }
    if lay.direction_column {
        header.push("指标方向性".into());
        lower.push(String::new());
    }
    header.push(WEIGHT_WORDS[w.weight].into());
    lower.push(String::new());
    if lay.self_evaluation {
        header.extend([ACTUAL_WORDS[w.actual], SCORE_WORDS[w.score], DEVIATION_WORDS[w.deviation]].map(String::from));
        lower.extend([String::new(), String::new(), String::new()]);
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut titled = false;
    for (p, inds) in projects.iter().enumerate() {
        if !flat || !titled {
            out.push_str(&text_of(&rows));
            rows.clear();
            out.push_str(&format!("{}、测试{}项目绩效目标表\n", p + 1, if flat { "" } else { "一" }));
            if !flat {
                rows.push(vec!["绩效目标".into(), "完成全年任务。".into()]);
            }
            rows.push(header.clone());
            if lay.web_header {
                rows.push(lower.iter().filter(|l| !l.is_empty()).cloned().collect());
            } else if lay.two_row_header {
                rows.push(lower.clone());
            }
            titled = true;
        }
        let order: Vec<Ind> = if lay.shuffled {
            let mut v = inds.clone();
            v.reverse();
            v
        } else {
            grouped(inds)
        };
        let mut last_l1 = None;
        for (k, i) in order.iter().enumerate() {
            let mut r: Vec<String> = Vec::new();
            if flat {
                let first = k == 0;
                let pick = |s: String| if first { s } else { String::new() };
                r.push(pick(if p == 0 { "001-某单位".into() } else { String::new() }));
                r.push(pick(format!("项目{p}")));
                r.push(pick(format!("{},000.00", 100 + p)));
                r.push(pick(format!("目标{p}")));
            }
            if lay.group_column {
                r.push(String::new());
            }
            // A merged level-1 cell reads empty on continuation rows; shuffled rows write every label.
            let l1 = if lay.shuffled || last_l1 != Some(i.l1) { l1_label(i, lay.spaced_labels) } else { String::new() };
            last_l1 = Some(i.l1);
            r.push(l1);
            r.push(l2_label(i, lay.spaced_labels));
            r.push(i.name.clone());
            let (cmp, spellings) = SIGNS[i.sign];
            let sign = spellings[i.spelling];
            let unit = UNITS[i.unit];
            if lay.midterm_block {
                r.push(format!("{sign}{}{unit}", i.value));
            }
            if lay.traps {
                r.extend(["计划标准", "达到目标值得满分", "按年度计划"].map(String::from));
            }
            let written_sign = if lay.direction_column { "" } else { sign };
            if lay.split_sign {
                r.extend([written_sign.to_owned(), i.value.clone(), unit.to_owned()]);
            } else {
                r.push(format!("{written_sign}{}{unit}", i.value));
            }
            if lay.direction_column {
                r.push(if cmp == Comparator::Le { "反向指标" } else { "正向指标" }.into());
            }
            r.push(i.weight.to_string());
            if lay.self_evaluation {
                r.extend([format!("{}{unit}", i.value), i.weight.to_string(), "无偏差".into()]);
            }
            rows.push(r);
        }
        if lay.skeleton {
            // Only a level-2 word, in the name column and then in the level-2 column: the form's skeleton.
            let width = rows.last().map_or(0, Vec::len);
            let at = |col: usize, word: &str| {
                let mut r = vec![String::new(); width];
                r[col] = word.to_owned();
                r
            };
            let name_col = usize::from(lay.group_column) + if flat { 6 } else { 2 };
            rows.push(at(name_col, "质量"));
            rows.push(at(name_col - 1, "时效"));
            let mut marks = at(name_col - 1, "生态效益指标");
            let last = marks.len() - 1;
            marks[last] = "-".into();
            marks[name_col + 1] = "/".into();
            rows.push(marks);
        }
        if lay.footer && !flat {
            let total: u32 = inds.iter().map(|i| i.weight).sum();
            rows.push(vec!["合计".into(), total.to_string()]);
            rows.push(vec![String::new(), String::new(), "指标1".into(), String::new()]);
            rows.push(vec!["评价结论".into(), "较好完成。".into()]);
            for s in SIGNATURES {
                rows.push(s.iter().map(|c| (*c).to_owned()).collect());
            }
            rows.push(vec!["说明".into(), "无".into()]);
        }
    }
    out.push_str(&text_of(&rows));
    out
}

/// What a reviewer reads off a table: per indicator, the categories, name, comparison, number,
/// unit and weight; order-free when the rows were shuffled.
type Reading = Vec<(Level1, Level2, String, Option<Comparator>, Option<f64>, Option<String>, Option<f64>)>;

fn reading(t: &Table, sorted: bool) -> Reading {
    let mut r: Reading =
        t.indicators().map(|(c, s, i)| (c.level1, s.level2, i.name.clone(), i.target.comparator, i.target.value, i.target.unit.clone(), i.weight)).collect();
    if sorted {
        r.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    }
    r
}

/// A direction column can only say ≥ or ≤: keep the signs it can state.
fn fit(mut inds: Vec<Ind>, lay: &Layout) -> Vec<Ind> {
    if lay.direction_column {
        for i in &mut inds {
            if !matches!(SIGNS[i.sign].0, Comparator::Ge | Comparator::Le) {
                i.sign = 0;
                i.spelling = 0;
            }
        }
    }
    inds
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_layout_reads_as_the_plain_form(inds in proptest::collection::vec(indicator(), 1..10), lay in layout()) {
        let inds = fit(inds, &lay);
        let projects: Vec<Vec<Ind>> = (0..lay.projects).map(|p| inds.iter().skip(p).cloned().collect()).filter(|v: &Vec<Ind>| !v.is_empty()).collect();
        let lay = Layout { projects: projects.len(), ..lay };
        let plain = plain_layout();
        let text = render(&projects, &lay);
        let doc = parse_str(&text, &ReadOptions::default()).unwrap();
        prop_assert!(doc.notes.is_empty(), "unplaced {:?}\n{}", doc.notes, text);
        let tables = &doc.sections[0].tables;
        prop_assert_eq!(tables.len(), projects.len(), "{}", text);
        for (p, (inds, table)) in projects.iter().zip(tables).enumerate() {
            let plain_doc = parse_str(&render(std::slice::from_ref(inds), &plain), &ReadOptions::default()).unwrap();
            let expected = reading(&plain_doc.sections[0].tables[0], lay.shuffled);
            prop_assert_eq!(reading(table, lay.shuffled), expected, "{}", text);
            if lay.projects > 1 {
                prop_assert_eq!(&table.name, &format!("项目{p}"));
                prop_assert_eq!(table.budget.as_ref().and_then(|b| b.value), Some(1000.0 * (100 + p) as f64));
                prop_assert_eq!(table.unit.as_deref(), Some("001-某单位"));
            }
            let w = lay.words;
            for (_, _, ind) in table.indicators() {
                prop_assert_eq!(ind.target.comparator_inferred, lay.direction_column);
                prop_assert_eq!(ind.midterm.is_some(), lay.midterm_block);
                if lay.traps {
                    prop_assert_eq!(ind.basis.as_str(), "计划标准", "{}", text);
                    prop_assert_eq!(ind.extra.get(SCORING_WORDS[w.scoring]).map(String::as_str), Some("达到目标值得满分"));
                    prop_assert_eq!(ind.extra.get(REMARK_WORDS[w.remark]).map(String::as_str), Some("按年度计划"));
                }
                if lay.self_evaluation {
                    let actual = ind.actual.as_ref().map(|a| (a.value, a.unit.clone()));
                    prop_assert_eq!(actual, Some((ind.target.value, ind.target.unit.clone())), "{}", text);
                    prop_assert_eq!(ind.reported_score, ind.weight);
                    prop_assert_eq!(ind.deviation.as_str(), "无偏差");
                } else {
                    prop_assert!(ind.actual.is_none() && ind.reported_score.is_none());
                }
            }
            if lay.self_evaluation {
                prop_assert_eq!(table.kind, TableKind::SelfEvaluation);
            }
            if lay.skeleton {
                let empty: Vec<&str> = table.categories.iter().flat_map(|c| &c.children).filter(|s| s.indicators.is_empty()).map(|s| s.label.as_str()).collect();
                prop_assert!(empty.contains(&"质量") && empty.contains(&"时效"), "{:?}\n{}", empty, text);
            }
            if lay.footer && lay.projects == 1 {
                let labels: Vec<&str> = table.remarks.iter().map(|r| r.label.as_str()).collect();
                prop_assert_eq!(labels, ["合计", "指标1", "评价结论", "项目负责人:张三", "填报人：李四", "填报日期：2023年7月1日", "单位负责人（签章）：", "说明"]);
            }
        }
        // Whatever the layout, the text writer gives it back.
        let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
        prop_assert_eq!(again.sections[0].tables.len(), tables.len());
        for (a, b) in again.sections[0].tables.iter().zip(tables) {
            prop_assert_eq!(reading(a, false), reading(b, false));
        }
    }
}

#[test]
fn the_plain_form_reads_as_written() {
    let inds = vec![
        Ind { l1: 0, l2: 0, name: "培训人数".into(), sign: 0, spelling: 2, value: "1500".into(), unit: 1, weight: 20 },
        Ind { l1: 2, l2: 0, name: "满意度".into(), sign: 0, spelling: 0, value: "90".into(), unit: 0, weight: 10 },
    ];
    let plain = plain_layout();
    let doc = parse_str(&render(&[inds], &plain), &ReadOptions::default()).unwrap();
    let r = reading(&doc.sections[0].tables[0], false);
    assert_eq!(
        r,
        vec![
            (Level1::Output, Level2::Quantity, "培训人数".into(), Some(Comparator::Ge), Some(1500.0), Some("人".into()), Some(20.0)),
            (Level1::Satisfaction, Level2::ServiceSatisfaction, "满意度".into(), Some(Comparator::Ge), Some(90.0), Some("%".into()), Some(10.0)),
        ]
    );
}

#[test]
fn every_feature_at_once() {
    let inds = vec![
        Ind { l1: 1, l2: 1, name: "受益人数".into(), sign: 0, spelling: 3, value: "250".into(), unit: 1, weight: 30 },
        Ind { l1: 0, l2: 3, name: "成本控制".into(), sign: 1, spelling: 1, value: "12.50".into(), unit: 3, weight: 20 },
    ];
    // With the lower header row as Word saves it, and as a copy of a web page gives it.
    for web_header in [false, true] {
        let all = Layout {
            group_column: true,
            split_sign: true,
            two_row_header: true,
            direction_column: true,
            shuffled: true,
            spaced_labels: true,
            midterm_block: true,
            footer: true,
            projects: 1,
            words: Words { target: 7, unit: 1, weight: 3, basis: 0, scoring: 0, remark: 2, actual: 5, score: 1, deviation: 1 },
            traps: true,
            self_evaluation: true,
            skeleton: true,
            web_header,
        };
        let text = render(std::slice::from_ref(&inds), &all);
        assert!(text.contains("\t绩效指标(90分)\n") && text.contains("\t年度指标值\n") && text.contains("\t反向指标\n"), "{text}");
        let doc = parse_str(&text, &ReadOptions::default()).unwrap();
        let t = &doc.sections[0].tables[0];
        assert!(t.columns.contains(&"年度指标值/指标性质".to_owned()), "{:?}", t.columns);
        let names: Vec<(&str, Level1, Option<Comparator>, bool)> =
            t.indicators().map(|(c, _, i)| (i.name.as_str(), c.level1, i.target.comparator, i.target.comparator_inferred)).collect();
        // Rows in reverse order: the cost row first, so 产出 is the first category.
        assert_eq!(names, [("成本控制", Level1::Output, Some(Comparator::Le), true), ("受益人数", Level1::Effect, Some(Comparator::Ge), true)]);
        let (_, _, cost) = t.indicators().next().unwrap();
        assert_eq!((cost.target.raw.as_str(), cost.target.value_yuan), ("12.50万元", Some(125_000.0)));
        assert_eq!(cost.midterm.as_ref().map(|m| m.target.raw.as_str()), Some("<=12.50万元"));
        assert_eq!(t.categories[0].label, "产出指标（30分）");
        assert_eq!(t.categories[1].children[0].label, "社会效益 指标");
        assert_eq!(t.remarks.len(), 8);
        assert_eq!(t.kind, TableKind::SelfEvaluation);
        assert_eq!((cost.basis.as_str(), cost.reported_score, cost.deviation.as_str()), ("计划标准", Some(20.0), "无偏差"));
    }
}

/// Every header word of the lists above, each in a table of its own with the trap columns, the
/// self-evaluation columns, skeleton rows and signature footers: the same reading as the plain form.
#[test]
fn every_header_word_reads_right() {
    let inds = vec![
        Ind { l1: 0, l2: 0, name: "培训人数".into(), sign: 0, spelling: 0, value: "1500".into(), unit: 1, weight: 20 },
        Ind { l1: 1, l2: 1, name: "受益人数".into(), sign: 1, spelling: 0, value: "12.50".into(), unit: 3, weight: 30 },
        Ind { l1: 2, l2: 0, name: "满意度".into(), sign: 0, spelling: 0, value: "90".into(), unit: 0, weight: 10 },
    ];
    let plain = plain_layout();
    let expected = reading(&parse_str(&render(std::slice::from_ref(&inds), &plain), &ReadOptions::default()).unwrap().sections[0].tables[0], false);
    assert_eq!(expected.len(), 3);
    let longest = [TARGET_WORDS, UNIT_WORDS, WEIGHT_WORDS, BASIS_WORDS, SCORING_WORDS, REMARK_WORDS, ACTUAL_WORDS, SCORE_WORDS, DEVIATION_WORDS]
        .iter()
        .map(|l| l.len())
        .max()
        .unwrap();
    for k in 0..longest {
        for split_sign in [false, true] {
            let words = Words {
                target: k % TARGET_WORDS.len(),
                unit: k % UNIT_WORDS.len(),
                weight: k % WEIGHT_WORDS.len(),
                basis: k % BASIS_WORDS.len(),
                scoring: k % SCORING_WORDS.len(),
                remark: k % REMARK_WORDS.len(),
                actual: k % ACTUAL_WORDS.len(),
                score: k % SCORE_WORDS.len(),
                deviation: k % DEVIATION_WORDS.len(),
            };
            let lay = Layout { split_sign, footer: true, words, traps: true, self_evaluation: true, skeleton: true, ..plain.clone() };
            let text = render(std::slice::from_ref(&inds), &lay);
            let doc = parse_str(&text, &ReadOptions::default()).unwrap();
            assert!(doc.notes.is_empty(), "unplaced {:?}\n{text}", doc.notes);
            let t = &doc.sections[0].tables[0];
            assert_eq!(reading(t, false), expected, "{text}");
            for (_, _, ind) in t.indicators() {
                assert_eq!(ind.basis, "计划标准", "{text}");
                assert_eq!(ind.actual.as_ref().map(|a| (a.value, a.unit.clone())), Some((ind.target.value, ind.target.unit.clone())), "{text}");
                assert_eq!((ind.reported_score, ind.deviation.as_str()), (ind.weight, "无偏差"), "{text}");
                assert_eq!(ind.extra.get(SCORING_WORDS[words.scoring]).map(String::as_str), Some("达到目标值得满分"), "{text}");
            }
            let empty: Vec<&str> = t.categories.iter().flat_map(|c| &c.children).filter(|s| s.indicators.is_empty()).map(|s| s.label.as_str()).collect();
            assert_eq!(empty, ["质量", "时效", "生态效益指标"], "{text}");
            let labels: Vec<&str> = t.remarks.iter().map(|r| r.label.as_str()).collect();
            assert_eq!(
                labels,
                ["合计", "指标1", "评价结论", "项目负责人:张三", "填报人：李四", "填报日期：2023年7月1日", "单位负责人（签章）：", "说明"],
                "{text}"
            );
            // Every header word is one jixiao knows: no check finds an unknown column or a missing target column.
            let findings = review::review(&doc, &review::ReviewConfig::new());
            let header: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).filter(|r| matches!(*r, "unknown-column" | "no-target-column")).collect();
            assert!(header.is_empty(), "{header:?}\n{text}");
        }
    }
}

/// A table right under a short line with no 表 (a caption: `1、项目年度绩效目标(定量目标)`,
/// `财政专项资金绩效评价共性指标`) is titled by it when its first row is an indicator header; a
/// sentence above a table is no title, and four levels name the indicator by the deepest.
#[test]
fn captions_without_biao_title_the_table_under_them() {
    let table = |caption: &str, header: &[&str], row: &[&str]| {
        let mut text = format!("第二部分  项目支出绩效评价\n\n{caption}\n");
        for r in [header, row] {
            for c in r {
                text.push_str(&format!("\t{c}\n"));
            }
            text.push('\n');
        }
        parse_str(&text, &ReadOptions::default()).unwrap()
    };
    let header = ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值"];
    let row = ["产出指标", "数量指标", "培训人数", "≥10人", "12人"];
    for (caption, number, name) in
        [("1、某项目年度绩效目标(定量目标)", Some(1), "某项目年度绩效目标(定量目标)"), ("财政专项资金绩效评价共性指标", None, "财政专项资金绩效评价共性指标")]
    {
        let doc = table(caption, &header, &row);
        let t = &doc.sections[0].tables[0];
        assert_eq!((t.number, t.name.as_str(), t.kind), (number, name, TableKind::SelfEvaluation));
        assert_eq!(t.indicators().count(), 1);
        assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    }
    // A sentence is no caption: the cells are kept as notes, no table is made up.
    let doc = table("全年完成了各项工作任务，取得了良好效果。", &header, &row);
    assert!(doc.sections.iter().all(|s| s.tables.is_empty()));
    // Nor is a short line over cells that are no indicator header.
    let doc = table("1、项目基本情况", &["项目名称", "某项目"], &["主管部门", "某局"]);
    assert!(doc.sections.iter().all(|s| s.tables.is_empty()));
    // A form that is one table (Jiangsu's 项目绩效公开): the project's rows stand above the
    // indicator header, and a year line between the caption and the table gives its year.
    let form = |year_line: &str| {
        let mut text = format!("第三部分  项目绩效目标\n\n1、某馆运转经费项目绩效公开\n{year_line}\n");
        for r in [&["项目名称", "某馆运转经费", "实施部门", "某局"][..], &header, &row] {
            for c in r {
                text.push_str(&format!("\t{c}\n"));
            }
            text.push('\n');
        }
        parse_str(&text, &ReadOptions::default()).unwrap()
    };
    let doc = form("2024年度");
    let t = &doc.sections[0].tables[0];
    assert_eq!((t.name.as_str(), t.year, t.indicators().count()), ("某馆运转经费", Some(2024), 1));
    assert_eq!(t.info.iter().map(|r| (r.label.as_str(), r.text.as_str())).collect::<Vec<_>>(), [("实施部门", "某局")]);
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    assert_eq!(form("（2023年）").sections[0].tables[0].year, Some(2023));
    // A year line that is not the caption's year is kept as a note.
    let doc = {
        let mut text = "第三部分  项目绩效目标\n\n1、2024年度某馆运转经费项目绩效公开\n2023年\n".to_owned();
        for r in [&header[..], &row] {
            for c in r {
                text.push_str(&format!("\t{c}\n"));
            }
            text.push('\n');
        }
        parse_str(&text, &ReadOptions::default()).unwrap()
    };
    assert_eq!(doc.sections[0].tables[0].year, Some(2024));
    assert_eq!(doc.notes.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(), ["2023年"]);
    // Four levels: the 四级 cell names the indicator, the 三级 cell is kept in extra.
    let doc = table(
        "1、项目支出绩效评价共性指标体系",
        &["一级指标", "二级指标", "三级指标", "四级指标", "分值", "得分"],
        &["项目决策", "项目立项", "立项依据充分性", "与规划匹配性", "2", "2"],
    );
    let (c, _, i) = doc.sections[0].tables[0].indicators().next().unwrap();
    assert_eq!(
        (c.level1, i.name.as_str(), i.weight, i.extra.get("三级指标").map(String::as_str)),
        (Level1::Decision, "与规划匹配性", Some(2.0), Some("立项依据充分性"))
    );
}

/// A monitoring table with no 二级 column: a row holding only a category word (`质量`, `时效`) is
/// the form's skeleton, and the rows under it with values are not put under that word.
#[test]
fn skeleton_words_in_the_name_column_do_not_carry_down() {
    let mut text = String::from("第二部分  项目支出绩效监控\n\n1、某项目绩效监控表\n");
    for r in [
        &["一级指标", "指标名称", "指标值", "1-6月执行情况", "完成目标可能性"][..],
        &["产出指标", "质量", "", "", ""],
        &["", "时效", "", "", ""],
        &["", "培训人数", "≥10人", "6人", "确定能"],
    ] {
        for c in r {
            text.push_str(&format!("\t{c}\n"));
        }
        text.push('\n');
    }
    let doc = parse_str(&text, &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    let subs: Vec<(&str, usize)> = t.categories[0].children.iter().map(|s| (s.label.as_str(), s.indicators.len())).collect();
    assert_eq!(subs, [("质量", 0), ("时效", 0), ("", 1)]);
    let (_, _, i) = t.indicators().next().unwrap();
    assert_eq!(i.progress.as_ref().map(|p| p.raw.as_str()), Some("6人"));
}

/// A form without the 产出 level (no 三级 column; 一级 holds 数量指标 / 质量指标 / 成本指标, 二级
/// the names): read one level down, the level-1 the level-2 implies, the same as the plain form.
#[test]
fn a_level1_column_of_level2_words_is_read_one_level_down() {
    let inds = vec![
        Ind { l1: 0, l2: 0, name: "维修次数".into(), sign: 0, spelling: 0, value: "12".into(), unit: 4, weight: 10 },
        Ind { l1: 0, l2: 0, name: "巡察次数".into(), sign: 0, spelling: 0, value: "200".into(), unit: 4, weight: 10 },
        Ind { l1: 0, l2: 1, name: "验收合格率".into(), sign: 0, spelling: 1, value: "95".into(), unit: 0, weight: 10 },
        Ind { l1: 0, l2: 3, name: "成本控制率".into(), sign: 1, spelling: 0, value: "100".into(), unit: 0, weight: 10 },
        Ind { l1: 1, l2: 1, name: "群众受益".into(), sign: 0, spelling: 0, value: "90".into(), unit: 0, weight: 10 },
    ];
    let plain = parse_str(&render(std::slice::from_ref(&inds), &plain_layout()), &ReadOptions::default()).unwrap();
    let expected: Vec<_> = reading(&plain.sections[0].tables[0], false).into_iter().map(|r| (r.0, r.1, r.2, r.3, r.4, r.5)).collect();
    for header in [["一级指标", "二级指标", "绩效标准", "当年预期实现值"], ["一级指标", "二级指标", "指标值确定依据", "指标值"]]
    {
        let mut text = String::from("第三部分  预算项目绩效目标\n\n1、某大楼运行保障绩效目标表\n");
        let mut rows: Vec<Vec<String>> = vec![header.iter().map(|h| (*h).to_owned()).collect()];
        let mut last = None;
        for i in &inds {
            let l2 = TREE[i.l1].1[i.l2];
            let (_, spellings) = SIGNS[i.sign];
            rows.push(vec![
                if last == Some(l2) { String::new() } else { l2.to_owned() },
                i.name.clone(),
                "计划标准".into(),
                format!("{}{}{}", spellings[i.spelling], i.value, UNITS[i.unit]),
            ]);
            last = Some(l2);
        }
        for r in &rows {
            for c in r {
                text.push_str(&format!("\t{c}\n"));
            }
            text.push('\n');
        }
        let doc = parse_str(&text, &ReadOptions::default()).unwrap();
        let got: Vec<_> = reading(&doc.sections[0].tables[0], false).into_iter().map(|r| (r.0, r.1, r.2, r.3, r.4, r.5)).collect();
        assert_eq!(got, expected, "{text}");
    }
    // A 一级 column of level-1 words over a 二级 column of level-2 words is the ordinary form.
    let doc = parse_str(
        "第三部分  预算项目绩效目标\n\n1、某项目绩效目标表\n\t一级指标\n\t二级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t≥3次\n\n",
        &ReadOptions::default(),
    )
    .unwrap();
    let t = &doc.sections[0].tables[0];
    assert_eq!((t.categories[0].level1, t.categories[0].children[0].level2), (Level1::Output, Level2::Quantity));
}

fn plain_layout() -> Layout {
    Layout {
        group_column: false,
        split_sign: false,
        two_row_header: false,
        direction_column: false,
        shuffled: false,
        spaced_labels: false,
        midterm_block: false,
        footer: false,
        projects: 1,
        words: Words::default(),
        traps: false,
        self_evaluation: false,
        skeleton: false,
        web_header: false,
    }
}

/// A level-2 label merged across the 一级 and 二级 columns (`社会公众或服务对象满意度指标` over
/// both): the row is a cell short, or the text save ran a paragraph under the table into it; the
/// label is the level-2 and the level-1 the one it implies, as in the plain form.
#[test]
fn a_level2_label_spanning_level1_shifts_its_row_back() {
    let rows_of = |spanning: bool, tail: &[&str]| {
        let mut rows: Vec<Vec<&str>> = vec![
            vec!["一级指标", "二级指标", "三级指标", "指标值", "绩效标准"],
            vec!["产出指标", "数量指标", "车辆数", "10辆", "计划标准"],
            vec!["效益指标", "社会效益指标", "空气质量改善", "≥85%", "计划标准"],
        ];
        rows.push(if spanning {
            vec!["社会公众或服务对象满意度指标", "市民满意度", "≥90%", "计划标准"]
        } else {
            vec!["满意度指标", "社会公众或服务对象满意度指标", "市民满意度", "≥90%", "计划标准"]
        });
        rows.last_mut().unwrap().extend_from_slice(tail);
        let text = common::text_save("第三部分  预算项目绩效目标\n\n1、某项目绩效目标表\n", &rows);
        parse_str(&text, &ReadOptions::default()).unwrap()
    };
    let read = |doc: &Document| -> Vec<(Level1, Level2, String, Option<f64>)> {
        doc.sections[0].tables[0].indicators().map(|(c, s, i)| (c.level1, s.level2, i.name.clone(), i.target.value)).collect()
    };
    let plain = read(&rows_of(false, &[]));
    assert_eq!(plain.last().map(|r| (r.0, r.1)), Some((Level1::Satisfaction, Level2::ServiceSatisfaction)));
    assert_eq!(read(&rows_of(true, &[])), plain);
    // The text save ran a line under the table into the row as one more cell: kept as a note.
    let doc = rows_of(true, &["审核意见:同意"]);
    assert_eq!(read(&doc), plain);
    assert_eq!(doc.notes.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(), ["审核意见:同意"]);
}

/// A text save's rows, blank-line apart: two short rows whose cells add up to one more than
/// the widest row are one row whose cell's further paragraph starts with a TAB, unless the
/// second is an indicator header or a footer (`总体目标 | …` over `绩效指标 | 一级指标 | …`; `其他需要
/// 说明事项 | 无` over `总分 | 100 | 96 | 优`). Levels whose 一级 cells a copy lost each stand under the
/// level their 二级 implies, and a level-1 label printed lower in its merged cell joins the rows
/// above; a per-place target reads as each place's value.
#[test]
fn rows_that_add_up_to_one_more_than_the_widest_stay_rows_when_they_are_a_header_or_footer() {
    let rows: &[&[&str]] = &[
        &["资金情况(万元)", "资金总额", "30", "其中:财政拨款", "30", "其他资金", "0"],
        &["总体目标", "推进管理规范化"],
        &["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值"],
        &["", "", "数量指标", "培训人数", "≥10人", "12人"],
        &["", "", "社会效益指标", "群众知晓率", "≥90%", "95%"],
        &["", "满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "96%"],
        &["其他需要说明事项", "无"],
        &["总分", "100", "96", "优"],
    ];
    let text = common::text_save("第二部分  项目支出绩效自评\n\n1、某项目绩效自评表\n", rows);
    let doc = parse_str(&text, &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.columns, ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值"]);
    assert_eq!(t.objective.as_deref(), Some("推进管理规范化"));
    let read: Vec<(Level1, &str, &str)> = t.indicators().map(|(c, s, i)| (c.level1, s.label.as_str(), i.name.as_str())).collect();
    assert_eq!(
        read,
        [(Level1::Output, "数量指标", "培训人数"), (Level1::Effect, "社会效益指标", "群众知晓率"), (Level1::Satisfaction, "服务对象满意度指标", "学员满意度")]
    );
    let remarks: Vec<(&str, &str)> = t.remarks.iter().map(|r| (r.label.as_str(), r.text.as_str())).collect();
    assert_eq!(remarks, [("其他需要说明事项", "无"), ("总分", "100\n96\n优")]);
    // The level-1 label on the fifth 产出 row, as a copy of a PDF prints a merged cell's text.
    let rows: &[&[&str]] = &[
        &["一级指标", "二级指标", "三级指标", "指标值"],
        &["", "数量指标", "培训人数", "10人"],
        &["产出指标", "", "培训次数", "2次"],
        &["", "质量指标", "合格率", "100%"],
    ];
    let text = common::text_save("第二部分  项目支出绩效目标\n\n1、某项目绩效目标表\n", rows);
    let doc = parse_str(&text, &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.categories.len(), 1);
    assert_eq!((t.categories[0].level1, t.categories[0].label.as_str()), (Level1::Output, "产出指标"));
    let read: Vec<(&str, &str)> = t.indicators().map(|(_, s, i)| (s.label.as_str(), i.name.as_str())).collect();
    assert_eq!(read, [("数量指标", "培训人数"), ("数量指标", "培训次数"), ("质量指标", "合格率")]);
}

/// A target per place in a header of one row with no target column (`指标方向 | 笏石街道办 |
/// 埭头镇`): the places' columns hold the values, joined with the sign column's.
#[test]
fn values_per_place_with_no_target_column_read_as_each_places_value() {
    let rows: &[&[&str]] = &[
        &["一级指标", "二级指标", "三级指标", "指标方向", "笏石街道办", "埭头镇"],
        &["产出指标", "数量指标", "开展修复工程(个)", "≥", "1", "1"],
        &["", "时效指标", "项目开展率", "≥", "100%", "90%"],
    ];
    let text = common::text_save("第二部分  专项资金绩效目标\n\n1、某水利专项资金绩效目标表\n", rows);
    let doc = parse_str(&text, &ReadOptions::default()).unwrap();
    let inds: Vec<&Indicator> = doc.sections[0].tables[0].indicators().map(|(_, _, i)| i).collect();
    assert_eq!((inds[0].target.raw.as_str(), inds[0].target.comparator), ("≥1", Some(Comparator::Ge)));
    assert_eq!((inds[1].target.raw.as_str(), inds[1].target.kind), ("笏石街道办≥100%;埭头镇≥90%", TargetKind::Compound));
    assert!(jixiao::review::review(&doc, &Default::default()).iter().all(|f| f.rule != "no-target-column"));
}

/// The level-1 in a column headed otherwise (`指标类型`, which elsewhere holds 定量 / 定性) and no
/// 一级 column: the column holds level-1 words on every indicator's row, so it is the level-1's;
/// it is written back there.
#[test]
fn level1_words_in_a_column_headed_otherwise_are_the_level1() {
    let rows: &[&[&str]] = &[
        &["指标类型", "绩效指标", "绩效目标", "绩效标准"],
        &["产出指标", "物业管理面积", "6500平方米", "6500平方米以上"],
        &["", "用电量", "60万度", "60万度以上"],
        &["成效指标", "设备使用率", "80%以上", "80%以上"],
        &["注:以预算批复的绩效目标为准填列。"],
    ];
    let doc = parse_str(&common::text_save("第二部分  项目支出绩效目标\n\n1、项目绩效目标表\n", rows), &ReadOptions::default()).unwrap();
    let read = |doc: &Document| -> Vec<(Level1, String)> { doc.sections[0].tables[0].indicators().map(|(c, _, i)| (c.level1, i.name.clone())).collect() };
    let first = read(&doc);
    assert_eq!(first, [(Level1::Output, "物业管理面积".into()), (Level1::Output, "用电量".into()), (Level1::Effect, "设备使用率".into())]);
    let again = parse_str(&jixiao::write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    assert_eq!(read(&again), first);
    // A column that holds 定量 / 定性 stays a column of its own.
    let kinds: &[&[&str]] =
        &[&["指标类型", "绩效指标", "绩效目标", "绩效标准"], &["定量", "物业管理面积", "6500平方米", ""], &["定性", "设备状况", "良好", ""]];
    let doc = parse_str(&common::text_save("第二部分  项目支出绩效目标\n\n1、项目绩效目标表\n", kinds), &ReadOptions::default()).unwrap();
    assert!(doc.sections[0].tables[0].indicators().all(|(c, _, i)| c.level1 == Level1::Other && i.extra.contains_key("指标类型")));
}

/// A name's label and value in one cell above the header (`项目名称:某项目`, a form that merged
/// them) names the table as the two cells would.
#[test]
fn a_name_label_and_its_value_in_one_cell_name_the_table() {
    for cell in ["项目名称:某馆运行维护项目", "项目名称：某馆运行维护项目", "項目名稱: 某馆运行维护项目"] {
        let rows: &[&[&str]] = &[&[cell], &["一级指标", "二级指标", "三级指标", "指标值"], &["产出指标", "数量指标", "面积", "100平方米"]];
        let doc = parse_str(&common::text_save("第二部分  项目支出绩效目标\n\n1、项目绩效目标表\n", rows), &ReadOptions::default()).unwrap();
        assert_eq!(doc.sections[0].tables[0].name, "某馆运行维护项目", "{cell}");
        assert!(doc.notes.is_empty(), "{cell}: {:?}", doc.notes);
    }
}

/// Counties under one merged 区域目标值 cell: each row's target is the value every county shares,
/// or each county's (a compound), and every county's cell is kept.
#[test]
fn a_target_set_per_place_reads_as_each_places_value() {
    let rows: &[&[&str]] = &[
        &["绩效指标", "一级指标", "二级指标", "三级指标", "区域目标值"],
        &["", "", "", "", "甲县", "乙县", "丙县"],
        &["", "产出指标", "数量指标", "补助县数量", "2", "3", "1"],
        &["", "", "质量指标", "资金使用合规性", ">=95%", ">=95%", ">=95%"],
    ];
    let text = common::text_save("第二部分  专项资金绩效目标\n\n1、某专项转移支付绩效目标表\n", rows);
    let doc = parse_str(&text, &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    let inds: Vec<&Indicator> = t.indicators().map(|(_, _, i)| i).collect();
    assert_eq!((inds[0].target.raw.as_str(), inds[0].target.kind), ("甲县2;乙县3;丙县1", TargetKind::Compound));
    assert_eq!(inds[0].target.parts.iter().map(|p| p.value).collect::<Vec<_>>(), [2.0, 3.0, 1.0]);
    assert_eq!((inds[1].target.kind, inds[1].target.value), (TargetKind::Quantity, Some(95.0)));
    assert_eq!(inds[0].extra.len(), 3, "{:?}", inds[0].extra);
    // It writes back as read.
    let again = parse_str(&jixiao::write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    let back: Vec<&Indicator> = again.sections[0].tables[0].indicators().map(|(_, _, i)| i).collect();
    assert_eq!(back[0].target, inds[0].target);
    // With a sign column, a unit column and a place left empty: each place's value is signed
    // and counted, the empty place is no value, and it stays empty when written back.
    let rows: &[&[&str]] = &[
        &["一级指标", "二级指标", "三级指标", "指标性质", "区域目标值", "度量单位"],
        &["", "", "", "", "甲县", "乙县", "丙县", ""],
        &["产出指标", "数量指标", "补助村数", "≥", "", "3", "2", "个"],
    ];
    let doc = parse_str(&common::text_save("第二部分  专项资金绩效目标\n\n1、某专项转移支付绩效目标表\n", rows), &ReadOptions::default()).unwrap();
    let (_, _, i) = doc.sections[0].tables[0].indicators().next().unwrap();
    assert_eq!((i.target.raw.as_str(), i.target.kind), ("乙县≥3个;丙县≥2个", TargetKind::Compound));
    assert_eq!(i.target.parts.iter().map(|p| (p.value, p.unit.as_deref())).collect::<Vec<_>>(), [(3.0, Some("个")), (2.0, Some("个"))]);
    let again = parse_str(&jixiao::write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    let (_, _, back) = again.sections[0].tables[0].indicators().next().unwrap();
    assert_eq!(back.target, i.target);
}

/// A caption, its year line and its unit line above a table: the caption titles it, the unit
/// line stays a note; a unit line alone above a table titles nothing. A cell paragraph that is a
/// label with its text (`联系电话：…`) stays in its cell.
#[test]
fn unit_lines_and_labelled_paragraphs_keep_their_places() {
    let rows: &[&[&str]] = &[
        &["项目名称", "某项目", "主管部门", "某局"],
        // One row: 张三's cell goes on in a paragraph that starts with a TAB.
        &["项目负责人", "张三"],
        &["联系电话：0731-1234", "实施单位", "某中心"],
        &["一级指标", "二级指标", "三级指标", "指标值"],
        &["产出指标", "数量指标", "培训人数", "≥100人"],
    ];
    let doc = parse_str(&common::text_save("第三部分  项目绩效目标\n\n1、某项目绩效公开\n2024年度\n单位：万元\n", rows), &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    assert_eq!((t.title.as_str(), t.year), ("1、某项目绩效公开", Some(2024)));
    assert_eq!(doc.notes.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(), ["单位：万元"]);
    let info: Vec<(&str, &str)> = t.info.iter().map(|r| (r.label.as_str(), r.text.as_str())).collect();
    assert_eq!(info, [("主管部门", "某局"), ("项目负责人", "张三\n\t联系电话：0731-1234"), ("实施单位", "某中心")]);
    let doc = parse_str(&common::text_save("第三部分  项目绩效目标\n\n单位：万元\n", &rows[3..]), &ReadOptions::default()).unwrap();
    assert!(doc.sections.iter().all(|s| s.tables.is_empty()));
}

/// A header that names only its value columns (`评价内容 | 绩效内容 | 绩效目标值 | 实际完成值`,
/// a self-evaluation set in a report's prose): the levels and the names stand before the target,
/// and read as the plain form's. A text save writes a label merged over the level-1 and the
/// level-2 once, so its header is a cell short of its rows; a web page gives the merge its span.
/// Over rows that do not start with a level word, such a header is no table.
#[test]
fn a_header_naming_only_its_values_reads_the_levels_before_them() {
    let rows = [
        ["产出目标", "数量目标", "培训人数", "≥10人", "12人", "120%"],
        ["", "", "发放手册", "≥500份", "520份", "104%"],
        ["", "质量目标", "培训合格率", "≥95%", "98%", "103%"],
        ["效益目标", "社会效益目标", "群众知晓率", "≥90%", "93%", "103%"],
    ];
    let expect: Vec<(Level1, Level2, &str, &str, &str)> = vec![
        (Level1::Output, Level2::Quantity, "培训人数", "≥10人", "12人"),
        (Level1::Output, Level2::Quantity, "发放手册", "≥500份", "520份"),
        (Level1::Output, Level2::Quality, "培训合格率", "≥95%", "98%"),
        (Level1::Effect, Level2::SocialBenefit, "群众知晓率", "≥90%", "93%"),
    ];
    let read = |doc: &Document| -> Vec<(Level1, Level2, String, String, String)> {
        doc.sections[0].tables[0]
            .categories
            .iter()
            .flat_map(|c| c.children.iter().flat_map(move |s| s.indicators.iter().map(move |i| (c.level1, s.level2, i))))
            .map(|(l1, l2, i)| (l1, l2, i.name.clone(), i.target.raw.clone(), i.actual.as_ref().map(|a| a.raw.clone()).unwrap_or_default()))
            .collect()
    };
    let expect: Vec<_> = expect.into_iter().map(|(a, b, c, d, e)| (a, b, c.to_owned(), d.to_owned(), e.to_owned())).collect();
    let text_save = |header: &[&str], first: &[&str]| {
        let table: Vec<&[&str]> = [header, first].into_iter().chain(rows.iter().skip(1).map(|r| &r[..])).collect();
        common::text_save("第二部分  项目支出绩效自评\n\n1、项目年度绩效目标(定量目标)\n", &table)
    };
    for header in [
        &["评价内容", "绩效内容", "绩效目标值", "实际完成值", "累计完成率"][..],
        &["評價內容", "績效內容", "年度目標值", "實際完成值", "累計完成率"],
        &["评价内容", "评价要点", "绩效内容", "绩效目标值", "实际完成值", "累计完成率"],
    ] {
        let text = text_save(header, &rows[0]);
        let doc = parse_str(&text, &ReadOptions::default()).unwrap();
        assert_eq!(read(&doc), expect, "{text}");
        let t = &doc.sections[0].tables[0];
        assert_eq!((t.kind, t.columns.len()), (TableKind::SelfEvaluation, 6), "{text}");
        assert!(doc.notes.is_empty(), "{:?}", doc.notes);
        // The review names its labels, with what they were read as, and it writes back to the
        // same reading.
        let findings = review(&doc, &ReviewConfig::default());
        let unread: Vec<&str> =
            findings.iter().filter(|f| f.rule == "unknown-column" && f.message.ends_with("read as nothing else")).filter_map(|f| f.text.as_deref()).collect();
        assert!(unread.len() == 1 && unread[0].ends_with("完成率"), "{findings:?}");
        assert!(findings.iter().any(|f| f.rule == "unknown-column" && f.message.ends_with("read as the indicators' names by where it stands")));
        let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
        assert_eq!(read(&again), expect);
    }
    // A web page gives the merged label its span.
    let mut html = String::from("<html><body><h2>第二部分  项目支出绩效自评</h2><p>1、项目年度绩效目标(定量目标)</p><table>");
    html.push_str("<tr><td colspan=\"2\">评价内容</td><td>绩效内容</td><td>绩效目标值</td><td>实际完成值</td><td>累计完成率</td></tr>");
    for r in &rows {
        html.push_str(&format!("<tr>{}</tr>", r.iter().map(|c| format!("<td>{c}</td>")).collect::<String>()));
    }
    html.push_str("</table></body></html>");
    let doc = parse_bytes(html.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(read(&doc), expect);
    // Rows that start with no level word: the header is no table's, and every cell is kept.
    let text = text_save(&["评价内容", "绩效内容", "绩效目标值", "实际完成值", "累计完成率"], &["培训", "培训人数", "≥10人", "12人", "120%"]);
    let doc = parse_str(&text, &ReadOptions::default()).unwrap();
    assert!(doc.sections.iter().all(|s| s.tables.is_empty()));
    assert!(doc.notes.iter().any(|n| n.text.contains("培训人数")));
}

/// A self-evaluation whose only result column says how far the work got (`实施进度`,
/// `全年执行情况`): at the year's end that is the result, read as the actual, and written back to
/// that column. A monitoring table's progress stays progress.
#[test]
fn a_self_evaluations_progress_column_is_its_actual() {
    let text = |title: &str, progress: &str| {
        let rows = [
            &["一级指标", "二级指标", "三级指标", "指标值", progress][..],
            &["产出指标", "数量指标", "宣传次数", "≥2次", "已完成100%"],
            &["", "质量指标", "验收合格率", "≥95%", "98%"],
        ];
        parse_str(&common::text_save(&format!("第二部分  项目支出绩效自评\n\n1、{title}\n"), &rows), &ReadOptions::default()).unwrap()
    };
    let results = |doc: &Document| -> Vec<(Option<String>, Option<String>)> {
        doc.sections[0].tables[0].indicators().map(|(_, _, i)| (i.actual.as_ref().map(|a| a.raw.clone()), i.progress.as_ref().map(|p| p.raw.clone()))).collect()
    };
    let done = vec![(Some("已完成100%".to_owned()), None), (Some("98%".to_owned()), None)];
    for progress in ["实施进度", "全年执行情况", "执行进度"] {
        let doc = text("某项目绩效自评表", progress);
        assert_eq!(doc.sections[0].tables[0].kind, TableKind::SelfEvaluation);
        assert_eq!(results(&doc), done, "{progress}");
        let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
        assert_eq!(results(&again), done, "{progress} from its text");
        let sheet = write::xlsx::to_bytes_with(&doc, &write::xlsx::XlsxOptions { keep_columns: true }).unwrap();
        assert_eq!(results(&parse_bytes(&sheet, &ReadOptions::default()).unwrap()), done, "{progress} from its sheet");
    }
    let doc = text("某项目绩效监控表", "实施进度");
    assert_eq!(doc.sections[0].tables[0].kind, TableKind::Monitoring);
    assert_eq!(results(&doc), [(None, Some("已完成100%".to_owned())), (None, Some("98%".to_owned()))]);
    // A plan's progress is no result: kept in extra.
    let doc = text("某项目绩效自评表", "计划进度");
    assert!(results(&doc).iter().all(|r| *r == (None, None)));
}

/// A header a cell short of its rows because a copy lost the 一级指标 label under a group label
/// (the Hubei form's 年度绩效目标(80分) over 一级指标, garbled by a copy): the missing column is
/// found where the level columns then hold level words, and read empty; the garbled level-1
/// cells are kept in extra, and the level-1 is the one each level-2 implies. A header whose level
/// columns already line up with its rows takes no column.
#[test]
fn a_header_a_cell_short_of_its_rows_lines_up_its_levels() {
    let read = |header: &[&str], rows: &[&[&str]]| {
        let table: Vec<&[&str]> = std::iter::once(header).chain(rows.iter().copied()).collect();
        parse_str(&common::text_save("第二部分  项目支出绩效自评\n\n1、某项目绩效自评表\n", &table), &ReadOptions::default()).unwrap()
    };
    let doc = read(
        &["度效标O0B年绩目1分EB", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        &[
            &["", "出标产指", "数量指标", "补贴渔船数", "6", "6", "20"],
            &["", "", "质量指标", "发放率", "100%", "100%", "10"],
            &["", "益标效指意指斥满度打", "服务对象满意度", "抽样调查满意度", "90%", "92%", "40"],
            &["总分", "100"],
        ],
    );
    let t = &doc.sections[0].tables[0];
    let got: Vec<(Level1, Level2, &str, &str, Option<&str>)> =
        t.indicators().map(|(c, s, i)| (c.level1, s.level2, i.name.as_str(), i.target.raw.as_str(), i.actual.as_ref().map(|a| a.raw.as_str()))).collect();
    assert_eq!(
        got,
        [
            (Level1::Output, Level2::Quantity, "补贴渔船数", "6", Some("6")),
            (Level1::Output, Level2::Quality, "发放率", "100%", Some("100%")),
            (Level1::Satisfaction, Level2::ServiceSatisfaction, "抽样调查满意度", "90%", Some("92%")),
        ]
    );
    let (_, _, first) = t.indicators().next().unwrap();
    assert!(first.extra.values().any(|v| v == "出标产指"), "{:?}", first.extra);
    // Rows one cell wider than a header whose levels already line up (a last label a sheet left
    // unwritten): the columns stay as labelled, and the further cells are a column of their own,
    // kept in extra; one row's stray cell is a note.
    let doc =
        read(&["一级指标", "二级指标", "三级指标", "指标值"], &[&["产出指标", "数量指标", "培训人数", "≥10人", "x"], &["", "质量指标", "合格率", "≥95%", "y"]]);
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.columns, ["一级指标", "二级指标", "三级指标", "指标值", ""]);
    assert_eq!(t.indicators().map(|(_, _, i)| (i.target.raw.as_str(), i.extra["列5"].as_str())).collect::<Vec<_>>(), [("≥10人", "x"), ("≥95%", "y")]);
    let doc =
        read(&["一级指标", "二级指标", "三级指标", "指标值"], &[&["产出指标", "数量指标", "培训人数", "≥10人", "x"], &["", "质量指标", "合格率", "≥95%"]]);
    assert_eq!(doc.sections[0].tables[0].columns.len(), 4);
    assert!(doc.notes.iter().any(|n| n.text == "x"));
}

/// Rows above the header under a block's label merged down them (`专项基本情况 | 专项名称 | …`,
/// Hunan's 申报表): the 专项名称 names the table, the other fields are fields, and the label is
/// kept as a note. A title that says only 绩效目标表, over a form whose 实际完成值 column is still
/// blank, is a target table; one with a 得分 column, blank or not, is an evaluation's.
#[test]
fn a_block_label_over_the_name_row_and_a_blank_result_column() {
    let read =
        |rows: &[&[&str]]| parse_str(&common::text_save("第二部分  专项资金绩效目标\n\n1、雨露计划绩效目标申报表\n", rows), &ReadOptions::default()).unwrap();
    let doc = read(&[
        &["专项基本情况", "专项名称", "2023年雨露计划就学补助项目"],
        &["", "主管部门", "某局", "专项起止时间", "2023年1月至12月"],
        &["绩效指标", "一级目标", "二级指标", "三级指标", "指标值", "实际完成值"],
        &["", "产出指标", "数量指标", "补助人数", "≥100人", ""],
    ]);
    let t = &doc.sections[0].tables[0];
    assert_eq!((t.name.as_str(), t.kind), ("2023年雨露计划就学补助项目", TableKind::Target));
    assert_eq!(t.info.iter().map(|f| f.label.as_str()).collect::<Vec<_>>(), ["主管部门", "专项起止时间"]);
    assert!(doc.notes.iter().any(|n| n.text == "专项基本情况"));
    let got: Vec<(Level1, Level2, &str)> = t.indicators().map(|(c, s, i)| (c.level1, s.level2, i.name.as_str())).collect();
    assert_eq!(got, [(Level1::Output, Level2::Quantity, "补助人数")]);
    // The same form with a result filled in, or with a 得分 column: a self-evaluation.
    let doc = read(&[&["一级指标", "二级指标", "三级指标", "指标值", "实际完成值"], &["产出指标", "数量指标", "补助人数", "≥100人", "120人"]]);
    assert_eq!(doc.sections[0].tables[0].kind, TableKind::SelfEvaluation);
    let doc = read(&[&["一级指标", "二级指标", "三级指标", "指标值", "得分"], &["产出指标", "数量指标", "补助人数", "≥100人", ""]]);
    assert_eq!(doc.sections[0].tables[0].kind, TableKind::SelfEvaluation);
}

/// An evaluation's indicator table in the Hebei layout (`评价指标 | 评价内容 | 指标名称 |
/// 指标说明 | 目标值 | 分值`, under a caption `…绩效评价指标表`): the 评价内容 column holds the
/// level-2s (制度指标, 产出数量指标 …), each implying its level-1 (制度 a 过程 word), a 指标说明
/// that only says how the value compares (`达到目标值`) is a bare number's comparator, and the
/// caption names an evaluation without its 表. It writes back to the same reading.
#[test]
fn an_evaluation_table_with_its_level2_in_a_content_column() {
    let rows = [
        &["评价指标", "评价内容", "指标名称", "指标说明", "目标值", "分值", "备注"][..],
        &["项目年度绩效目标(定量指标)", "制度指标", "规章制度", "建立与否", "", "20", ""],
        &["", "产出数量指标", "享受资助人数", "达到预计值", "2100人", "10", ""],
        &["", "", "资金支出率", "达到目标值", "95%", "10", ""],
        &["", "质量指标", "建档立卡学生", "全面覆盖", "100%", "10", ""],
        &["", "成本指标", "资助标准达标率", "", "100%", "20", ""],
        &["总分", "", "", "", "", "100", ""],
    ];
    let text = common::text_save("第三部分  项目支出绩效评价\n\n1、2019年度某县高中助学金项目绩效评价指标表\n", &rows);
    let read = |doc: &Document| -> Vec<(Level1, String, String, Option<Comparator>, bool)> {
        doc.sections[0].tables[0]
            .indicators()
            .map(|(c, s, i)| (c.level1, s.label.clone(), i.name.clone(), i.target.comparator, i.target.comparator_inferred))
            .collect()
    };
    let doc = parse_str(&text, &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    assert_eq!((t.name.as_str(), t.kind), ("2019年度某县高中助学金项目绩效评价指标", TableKind::SelfEvaluation));
    let expected = vec![
        (Level1::Process, "制度指标".to_owned(), "规章制度".to_owned(), None, false),
        (Level1::Output, "产出数量指标".to_owned(), "享受资助人数".to_owned(), Some(Comparator::Ge), true),
        (Level1::Output, "产出数量指标".to_owned(), "资金支出率".to_owned(), Some(Comparator::Ge), true),
        (Level1::Output, "质量指标".to_owned(), "建档立卡学生".to_owned(), Some(Comparator::Eq), false),
        (Level1::Output, "成本指标".to_owned(), "资助标准达标率".to_owned(), Some(Comparator::Eq), false),
    ];
    assert_eq!(read(&doc), expected);
    assert_eq!(t.indicators().map(|(_, _, i)| i.weight.unwrap_or_default()).sum::<f64>(), 70.0);
    let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    assert_eq!(read(&again), expected, "{}", write::text::to_string(&doc));
    let sheet = write::xlsx::to_bytes_with(&doc, &write::xlsx::XlsxOptions { keep_columns: true }).unwrap();
    assert_eq!(read(&parse_bytes(&sheet, &ReadOptions::default()).unwrap()), expected);
}

/// What a hostile review found in this session's rules, each as it reads now.
#[test]
fn the_hostile_reviews_tables_read_as_a_reviewer_reads_them() {
    let read = |title: &str, rows: &[&[&str]]| {
        parse_str(&common::text_save(&format!("第二部分  项目支出绩效自评\n\n1、{title}\n"), rows), &ReadOptions::default()).unwrap()
    };
    type Got = Vec<(Level1, String, String, String, Option<String>)>;
    let got = |doc: &Document| -> Got {
        doc.sections[0].tables[0]
            .indicators()
            .map(|(c, s, i)| (c.level1, s.label.clone(), i.name.clone(), i.target.raw.clone(), i.actual.as_ref().map(|a| a.raw.clone())))
            .collect()
    };
    let row = |l1: Level1, l2: &str, name: &str, target: &str, actual: Option<&str>| {
        (l1, l2.to_owned(), name.to_owned(), target.to_owned(), actual.map(str::to_owned))
    };
    // A header that names only its values, over rows one cell wider, and a footer narrower.
    let doc = read(
        "某项目绩效自评表",
        &[
            &["评价内容", "绩效内容", "绩效目标值", "实际完成值", "得分"],
            &["产出目标", "数量目标", "培训人数", "≥10人", "12人", "20"],
            &["效益目标", "社会效益目标", "群众知晓率", "≥90%", "93%", "30"],
            &["总分", "90"],
        ],
    );
    assert_eq!(
        got(&doc),
        [row(Level1::Output, "数量目标", "培训人数", "≥10人", Some("12人")), row(Level1::Effect, "社会效益目标", "群众知晓率", "≥90%", Some("93%"))]
    );
    assert_eq!(doc.sections[0].tables[0].total_score, Some(90.0));
    // Two leading columns, the first of level-1 words: the level-1 and the name.
    let doc = read(
        "某项目绩效自评表",
        &[&["指标类别", "具体指标", "绩效目标值", "实际完成值"], &["产出指标", "培训人数", "≥10人", "12人"], &["效益指标", "知晓率", "≥90%", "93%"]],
    );
    assert_eq!(got(&doc), [row(Level1::Output, "", "培训人数", "≥10人", Some("12人")), row(Level1::Effect, "", "知晓率", "≥90%", Some("93%"))]);
    let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    assert_eq!(got(&again), got(&doc));
    // One leading column is no name column: no table, every cell a note.
    let doc = read("某项目绩效自评表", &[&["类别", "绩效目标值", "实际完成值"], &["产出指标", "≥10人", "12人"]]);
    assert!(doc.sections.iter().all(|s| s.tables.iter().all(|t| t.indicators().count() == 0)));
    assert!(doc.notes.iter().any(|n| n.text == "≥10人"));
    // A header a cell short under a group label column: the level columns line up with both levels.
    let doc = read(
        "某项目绩效目标表",
        &[
            &["一级指标", "二级指标", "三级指标", "指标值"],
            &["绩效指标", "产出指标", "数量指标", "培训人数", "≥10人"],
            &["", "效益指标", "社会效益指标", "知晓率", "≥90%"],
        ],
    );
    let labels: Vec<(Level1, &str)> = doc.sections[0].tables[0].categories.iter().map(|c| (c.level1, c.label.as_str())).collect();
    assert_eq!(labels, [(Level1::Output, "产出指标"), (Level1::Effect, "效益指标")]);
    // A monitoring form titled 自评 keeps its half-year figures as progress.
    let doc = read(
        "某项目绩效运行监控自评表",
        &[
            &["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "全年预计完成情况"],
            &["产出指标", "数量指标", "培训人数", "≥10人", "5人", "12人"],
        ],
    );
    let (_, _, i) = doc.sections[0].tables[0].indicators().next().unwrap();
    assert_eq!((i.actual.is_none(), i.progress.as_ref().map(|p| p.raw.as_str())), (true, Some("5人")));
    // 过程 holds its own 质量: not moved to 产出.
    let doc = read("某项目绩效自评表", &[&["一级指标", "二级指标", "三级指标", "指标值"], &["过程", "质量", "项目质量可控性", "有效"]]);
    assert_eq!(doc.sections[0].tables[0].categories[0].level1, Level1::Process);
    // A funds header under a 基本情况 label keeps its columns; 专项资金 is a value, not a label.
    let doc = read(
        "某项目绩效自评表",
        &[
            &["资金来源", "专项资金", "实施期", "2023年"],
            &["项目资金基本情况", "资金来源", "年初预算数", "全年预算数", "全年执行数", "执行率"],
            &["", "年度资金总额", "100", "100", "90", "90%"],
            &["一级指标", "二级指标", "三级指标", "指标值", "实际完成值"],
            &["产出指标", "数量指标", "培训人数", "≥10人", "12人"],
        ],
    );
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.info.iter().map(|f| (f.label.as_str(), f.text.as_str())).collect::<Vec<_>>(), [("资金来源", "专项资金"), ("实施期", "2023年")]);
    let funds = t.funds.as_ref().unwrap();
    assert_eq!((funds.rows[0].executed.as_ref().map(|a| a.raw.as_str()), funds.rows[0].rate.as_ref().map(|a| a.raw.as_str())), (Some("90"), Some("90%")));
}

/// The tail of a table whose header row is on a page the copy lacks: its columns are read by
/// what their cells hold (level words, the names, signs, targets, units, results beside their
/// targets, weights), their labels stay blank, `headless-table` says so, and a writer gives the
/// table the form's header, from which it reads back the same. Rows with no level words, or no
/// column of targets, stay notes as before.
#[test]
fn a_table_without_its_header_is_read_by_what_its_cells_hold() {
    let rows = [
        &["", "", "", "安全警示标志设置及时率", "=", "100", "%", "100", "5", ""][..],
        &["", "", "成本指标", "安全隐患排查成本", "=", "6", "万元", "6", "5", ""],
        &["", "效益指标", "社会效益指标", "环境治理亮化美化率", "≥", "90", "%", "93", "10", ""],
        &["", "", "可持续影响指标", "管理机制健全性", "定性", "优良中低差", "", "优", "10", ""],
        &["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "95", "%", "96", "10", ""],
        &["合计", "100"],
        &["评价结论", "总体评价良好。"],
    ];
    let text = common::text_save("第二部分  项目支出绩效自评表\n\n1、某项目绩效自评表\n", &rows);
    type Reading = Vec<(Level1, String, String, Option<String>, Option<f64>)>;
    let read = |doc: &Document| -> Reading {
        doc.sections[0].tables[0]
            .indicators()
            .map(|(c, _, i)| (c.level1, i.name.clone(), i.target.raw.clone(), i.actual.as_ref().map(|a| a.raw.clone()), i.weight))
            .collect()
    };
    let doc = parse_str(&text, &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    assert!(t.columns.iter().all(|c| c.is_empty()), "{:?}", t.columns);
    let expected: Reading = vec![
        (Level1::Output, "安全警示标志设置及时率".into(), "=100%".into(), Some("100%".into()), Some(5.0)),
        (Level1::Output, "安全隐患排查成本".into(), "=6万元".into(), Some("6万元".into()), Some(5.0)),
        (Level1::Effect, "环境治理亮化美化率".into(), "≥90%".into(), Some("93%".into()), Some(10.0)),
        (Level1::Effect, "管理机制健全性".into(), "优良中低差".into(), Some("优".into()), Some(10.0)),
        (Level1::Satisfaction, "群众满意度".into(), "≥95%".into(), Some("96%".into()), Some(10.0)),
    ];
    assert_eq!(read(&doc), expected);
    assert_eq!(t.remarks.first().map(|r| (r.label.as_str(), r.text.as_str())), Some(("合计", "100")));
    let findings = review(&doc, &ReviewConfig::default());
    assert_eq!(findings.iter().filter(|f| f.rule == "headless-table").count(), 1, "{findings:?}");
    assert!(!findings.iter().any(|f| f.rule == "no-target-column"), "{findings:?}");
    let written = write::text::to_string(&doc);
    assert!(written.contains("\t三级指标\n"), "{written}");
    assert_eq!(read(&parse_str(&written, &ReadOptions::default()).unwrap()), expected);

    // The sample form's columns with no header: the prose right of the names is the description,
    // the first column of values the target, a weight equal to its target a weight (never a
    // result), an objective row above still the objective, a full-width 合计 row a footer.
    let form = [
        &["年度绩效目标", "完成全年培训任务"][..],
        &["产出指标", "数量指标", "培训次数", "全年培训的次数", "≥10次", "计划标准", "10"],
        &["", "质量指标", "培训合格率", "考核合格人数占比", "≥90%", "行业标准", "20"],
        &["效益指标", "社会效益指标", "新增就业人数", "培训后就业的人数", "≥20人", "历史标准", "20"],
        &["合计", "", "", "", "", "", "50"],
    ];
    let doc = parse_str(&common::text_save("第二部分  项目支出绩效目标\n\n1、某项目绩效目标表\n", &form), &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.objective.as_deref(), Some("完成全年培训任务"));
    let read: Vec<(&str, &str, &str, Option<f64>, bool)> =
        t.indicators().map(|(_, _, i)| (i.name.as_str(), i.description.as_str(), i.target.raw.as_str(), i.weight, i.actual.is_some())).collect();
    assert_eq!(
        read,
        [
            ("培训次数", "全年培训的次数", "≥10次", Some(10.0), false),
            ("培训合格率", "考核合格人数占比", "≥90%", Some(20.0), false),
            ("新增就业人数", "培训后就业的人数", "≥20人", Some(20.0), false)
        ]
    );
    assert_eq!((t.kind, t.remarks.first().map(|r| r.label.as_str())), (TableKind::Target, Some("合计")));

    // No level words: no indicator table's shape, the cells stay notes.
    let plain: Vec<Vec<&str>> = rows[..5].iter().map(|r| r.iter().map(|c| if c.ends_with("指标") { "" } else { *c }).collect()).collect();
    let doc = parse_str(&common::text_save("第二部分  项目支出绩效自评表\n\n1、某项目绩效自评表\n", &plain), &ReadOptions::default()).unwrap();
    assert!(doc.sections[0].tables.iter().all(|t| t.indicators().next().is_none()), "{:?}", doc.sections[0].tables);
    assert!(doc.notes.iter().any(|n| n.text == "群众满意度"));
    // Names but no column of targets: notes too.
    let no_targets: Vec<Vec<&str>> = rows[..5].iter().map(|r| r[..4].to_vec()).collect();
    let doc = parse_str(&common::text_save("第二部分  项目支出绩效自评表\n\n1、某项目绩效自评表\n", &no_targets), &ReadOptions::default()).unwrap();
    assert!(doc.sections[0].tables.iter().all(|t| t.indicators().next().is_none()));
}

/// Hebei's 2018–2019 form grades a standard instead of setting a target (`绩效指标分类 | 绩效指标 |
/// 绩效指标描述 | 绩效指标评价标准 | 评价标准确定依据`, the standard over 优 | 良 | 中 | 差): the best
/// grade's value is the target and the other grades stay in extra. Beside a column that says 目标
/// (Hainan's 2018 form) the grades are only the scale. A mirror's pinyin (`績(jī)效目標(biāo)表`)
/// does not hide the title, and a header whose 一级指标 lost its 一 (`级指标`) still has its level-1.
#[test]
fn graded_standards_glossed_titles_and_a_level1_that_lost_its_numeral() {
    let graded = |head: &[&str], lower: &[&str]| -> Vec<(Level1, String, String, Vec<String>)> {
        let rows = [
            head,
            lower,
            &["产出指标", "救助覆盖率", "是否应救尽救", "100%", "90%", "85%", "80%", "按标准评价"][..],
            &["效果指标", "满意度(%)", "问卷调查", "85%", "80%", "70%", "60%", "按满意度评价"][..],
        ];
        let text = common::text_save("第二部分  项目支出绩效目标\n\n1、困難群眾救助補(bǔ)助績(jī)效目標(biāo)表\n", &rows);
        let doc = parse_str(&text, &ReadOptions::default()).unwrap();
        let t = &doc.sections[0].tables[0];
        assert_eq!(t.name, "困難群眾救助補(bǔ)助");
        t.indicators().map(|(c, _, i)| (c.level1, i.name.clone(), i.target.raw.clone(), i.extra.values().cloned().collect())).collect()
    };
    let lower = ["", "", "", "优", "良", "中", "差", ""];
    let read = graded(&["绩效指标分类", "绩效指标", "绩效指标描述", "绩效指标评价标准", "评价标准确定依据"], &lower);
    assert_eq!(read[0].0, Level1::Output);
    assert_eq!((read[0].2.as_str(), read[1].2.as_str()), ("100%", "85%"));
    assert!(["90%", "85%", "80%"].iter().all(|g| read[0].3.iter().any(|e| e == g)), "{read:?}");
    // The grades are no target where a column says 目标: that column is.
    let read = graded(&["指标类型", "绩效指标", "绩效目标", "绩效标准", "依据"], &lower);
    assert_eq!((read[0].2.as_str(), read[1].2.as_str()), ("是否应救尽救", "问卷调查"));
    // A scoring rule graded (`评(扣)分标准` over the points each grade earns) sets no target.
    let rows = [
        &["一级指标", "二级指标", "三级指标", "实际完成值", "评(扣)分标准", "得分"][..],
        &["", "", "", "", "优", "良", "中", "差", ""],
        &["产出指标", "数量指标", "培训人数", "520人", "20", "16", "12", "0", "20"],
    ];
    let doc = parse_str(&common::text_save("第二部分  项目支出绩效自评表\n\n1、某项目绩效自评表\n", &rows), &ReadOptions::default()).unwrap();
    let (_, _, i) = doc.sections[0].tables[0].indicators().next().unwrap();
    assert_eq!((i.target.raw.as_str(), i.actual.as_ref().map(|a| a.raw.as_str())), ("", Some("520人")));
    // Grades that are no scale from the best down are no lower header.
    assert!(!jixiao::grammar::labels::grades_best_first(&["良", "优"]));
    assert!(jixiao::grammar::labels::grades_best_first(&["优秀", "良好", "合格", "不合格"]));

    let rows = [
        &["", "级指标", "二级指标", "三级指标", "指标值"][..],
        &["", "实施效果指标", "产出指标", "劳务报酬占比", "≥30%"],
        &["", "过程管理指标", "资金管理指标", "投资支付率", "≥95%"],
    ];
    let doc = parse_str(&common::text_save("第二部分  项目支出绩效目标\n\n1、某工程绩效目标表\n", &rows), &ReadOptions::default()).unwrap();
    let levels: Vec<Level1> = doc.sections[0].tables[0].indicators().map(|(c, _, _)| c.level1).collect();
    assert_eq!(levels, [Level1::Output, Level1::Process]);
}

/// A score sheet whose copy lost every level word and kept the points (`(20分)` over `(10分)`,
/// dazhou): each group is filed by what its indicators' names say (必要性 决策, 资金… 过程,
/// 完成数量 产出, 经济效益 效益); a group whose level-2s say two levels is filed under each in
/// turn; names that say two levels, or none, leave their group unknown. It writes back to the
/// same reading.
#[test]
fn groups_that_kept_only_their_points_are_filed_by_their_names() {
    let rows = [
        &["一级指标", "二级指标", "三级指标", "分值", "得分"][..],
        &["(20分)", "(10分)", "必要性", "5", ""],
        &["", "", "可行性", "5", ""],
        &["", "(10)", "明确性", "5", ""],
        &["", "", "合理性", "5", ""],
        &["(10分)", "(7分)", "资金分配", "3", ""],
        &["", "", "资金使用", "4", ""],
        &["", "(3分)", "执行规范", "3", ""],
        &["(特性指标60分)", "(20)", "完成数量", "10", ""],
        &["", "", "完成时效", "10", ""],
        &["", "(40分)", "经济效益(可选项)", "40", ""],
        &["(4分)", "(4分)", "资金到位率", "2", ""],
        &["", "", "服务对象满意度", "2", ""],
        &["(6分)", "", "档案规范", "6", ""],
    ];
    let text = common::text_save("第三部分  项目支出绩效评价\n\n1、项目支出绩效评价得分表\n", &rows);
    let read = |doc: &Document| -> Vec<(Level1, String, String)> {
        doc.sections[0].tables[0].indicators().map(|(c, _, i)| (c.level1, c.label.clone(), i.name.clone())).collect()
    };
    let doc = parse_str(&text, &ReadOptions::default()).unwrap();
    let expected: Vec<(Level1, String, String)> = [
        (Level1::Decision, "(20分)", "必要性"),
        (Level1::Decision, "(20分)", "可行性"),
        (Level1::Decision, "(20分)", "明确性"),
        (Level1::Decision, "(20分)", "合理性"),
        (Level1::Process, "(10分)", "资金分配"),
        (Level1::Process, "(10分)", "资金使用"),
        (Level1::Process, "(10分)", "执行规范"),
        (Level1::Output, "(特性指标60分)", "完成数量"),
        (Level1::Output, "(特性指标60分)", "完成时效"),
        (Level1::Effect, "(特性指标60分)", "经济效益(可选项)"),
        // Funds and a satisfaction in one level-2: two levels, none taken.
        (Level1::Other, "(4分)", "资金到位率"),
        (Level1::Other, "(4分)", "服务对象满意度"),
        // A name of no level's words: its group stays unknown.
        (Level1::Other, "(6分)", "档案规范"),
    ]
    .into_iter()
    .map(|(l, c, n)| (l, c.to_owned(), n.to_owned()))
    .collect();
    assert_eq!(read(&doc), expected);
    // Two groups of the same points apart are two groups, each weighed by its own points.
    let apart = [
        &["一级指标", "二级指标", "三级指标", "分值", "得分"][..],
        &["(20分)", "(20分)", "必要性", "20", ""],
        &["(60分)", "(60分)", "完成数量", "60", ""],
        &["(20分)", "(20分)", "服务对象满意度", "20", ""],
    ];
    let two = parse_str(&common::text_save("第三部分  项目支出绩效评价\n\n1、项目支出绩效评价得分表\n", &apart), &ReadOptions::default()).unwrap();
    let levels: Vec<(Level1, &str)> = two.sections[0].tables[0].categories.iter().map(|c| (c.level1, c.label.as_str())).collect();
    assert_eq!(levels, [(Level1::Decision, "(20分)"), (Level1::Output, "(60分)"), (Level1::Satisfaction, "(20分)")]);
    assert!(!review(&two, &ReviewConfig::default()).iter().any(|f| f.rule == "weight-sum"));
    // One name of a level among names of none decides nothing; rows under no label at all (a
    // table with no level column) are not grouped by their names.
    let few = [
        &["一级指标", "二级指标", "三级指标", "分值", "得分"][..],
        &["(30分)", "(30分)", "培训人数", "10", ""],
        &["", "", "培训场次", "10", ""],
        &["", "", "服务对象满意度", "10", ""],
    ];
    let doc_few = parse_str(&common::text_save("第三部分  项目支出绩效评价\n\n1、项目支出绩效评价得分表\n", &few), &ReadOptions::default()).unwrap();
    assert_eq!(doc_few.sections[0].tables[0].categories[0].level1, Level1::Other);
    let unlabelled = [&["三级指标", "指标值"][..], &["完成数量", "≥10个"], &["完成时效", "100%"]];
    let doc_bare = parse_str(&common::text_save("第二部分  项目支出绩效目标\n\n1、某项目绩效目标表\n", &unlabelled), &ReadOptions::default()).unwrap();
    assert!(doc_bare.sections[0].tables[0].categories.iter().all(|c| c.level1 == Level1::Other));
    // A score sheet (分值 | 得分, no target, no result) is asked for no target column.
    assert!(!review(&doc, &ReviewConfig::default()).iter().any(|f| f.rule == "no-target-column" || f.rule == "missing-level1"));
    // One group under two levels is still one group with its points.
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.categories.iter().filter(|c| c.label == "(特性指标60分)").map(|c| c.level1).collect::<Vec<_>>(), [Level1::Output, Level1::Effect]);
    let findings = review(&doc, &ReviewConfig::default());
    assert!(!findings.iter().any(|f| f.rule == "weight-sum"), "{findings:?}");
    let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    assert_eq!(read(&again), expected, "{}", write::text::to_string(&doc));
    let sheet = write::xlsx::to_bytes_with(&doc, &write::xlsx::XlsxOptions { keep_columns: true }).unwrap();
    assert_eq!(read(&parse_bytes(&sheet, &ReadOptions::default()).unwrap()), expected);
}

/// An evaluation framework as regulations print it (`评价内容 | 评价指标(分值) | 指标说明 | 评分标准`,
/// fsou): no 一级 / 三级 column, the groups' words not the form's. 评价指标 names the indicators and
/// the column left of it groups them; a group's words give its level (立项 决策, 组织 过程, 效果
/// 效益; 实施 none: it may be either, and its indicator's name decides, 完成率 产出), and a group's points weigh its one indicator when the other
/// groups' weights add up to theirs. It writes back to the same reading.
#[test]
fn an_evaluation_framework_with_its_own_group_words() {
    let rows = [
        &["评价内容", "评价指标(分值)", "指标说明", "评分标准"][..],
        &["(一)立项决策(10分)", "1.立项依据充分性", "项目立项是否符合规划", "符合的得10分"],
        &["(二)项目组织(20分)", "2.组织机构(8分)", "项目单位的组织情况", "健全的得8分"],
        &["", "3.资金使用(12分)", "资金使用合规性", "合规的得12分"],
        &["(三)项目实施(30分)", "4.建设任务完成率", "计划任务完成情况", "完成100%的得30分"],
        &["(四)实施效果(40分)", "5.经济效益(25分)", "新增收入", "由各地自行制定"],
        &["", "6.社会效益(15分)", "带动就业", "由各地自行制定"],
    ];
    let text = common::text_save("第三部分  项目支出绩效评价\n\n1、某专项绩效评价指标表\n", &rows);
    let read = |doc: &Document| -> Vec<(Level1, String, Option<f64>)> {
        doc.sections[0].tables[0].indicators().map(|(c, _, i)| (c.level1, i.name.clone(), i.weight)).collect()
    };
    let doc = parse_str(&text, &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    assert_eq!((t.name.as_str(), t.kind), ("某专项绩效评价指标", TableKind::SelfEvaluation));
    let expected = vec![
        (Level1::Decision, "1.立项依据充分性".to_owned(), Some(10.0)),
        (Level1::Process, "2.组织机构(8分)".to_owned(), Some(8.0)),
        (Level1::Process, "3.资金使用(12分)".to_owned(), Some(12.0)),
        (Level1::Output, "4.建设任务完成率".to_owned(), Some(30.0)),
        (Level1::Effect, "5.经济效益(25分)".to_owned(), Some(25.0)),
        (Level1::Effect, "6.社会效益(15分)".to_owned(), Some(15.0)),
    ];
    assert_eq!(read(&doc), expected);
    assert_eq!(t.categories[2].label, "(三)项目实施(30分)");
    assert_eq!(t.indicators().next().map(|(_, _, i)| i.description.as_str()), Some("项目立项是否符合规划"));
    let findings = review(&doc, &ReviewConfig::default());
    assert!(!findings.iter().any(|f| f.rule == "unknown-column"), "{findings:?}");
    let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    assert_eq!(read(&again), expected, "{}", write::text::to_string(&doc));
    let sheet = write::xlsx::to_bytes_with(&doc, &write::xlsx::XlsxOptions { keep_columns: true }).unwrap();
    assert_eq!(read(&parse_bytes(&sheet, &ReadOptions::default()).unwrap()), expected);

    // A group's points over one indicator weigh it only where they are the framework's: not in
    // the last group (a copy cut inside it), not when the other groups' weights miss their points.
    let weights = |rows: &[&[&str]]| -> Vec<Option<f64>> {
        let doc = parse_str(&common::text_save("第三部分  项目支出绩效评价\n\n1、某专项绩效评价指标表\n", rows), &ReadOptions::default()).unwrap();
        doc.sections[0].tables[0].indicators().map(|(_, _, i)| i.weight).collect()
    };
    assert_eq!(weights(&rows[..5]), [Some(10.0), Some(8.0), Some(12.0), None]);
    let missing: &[&[&str]] = &[rows[0], rows[1], &["(二)项目组织(20分)", "2.组织机构(8分)", "", ""], rows[5], rows[6]];
    assert_eq!(weights(missing), [None, Some(8.0), Some(25.0), Some(15.0)]);
    // Nor a bonus (outside the table's 100), nor a level whose level-2 has points of its own.
    let bonus: &[&[&str]] = &[rows[0], rows[1], rows[2], rows[3], &["(三)加分项(5分)", "4.获得表彰", "", ""], rows[5], rows[6]];
    assert_eq!(weights(bonus), [Some(10.0), Some(8.0), Some(12.0), None, Some(25.0), Some(15.0)]);
    // 评价指标 first heads the level-1 words (评价指标 | 评价内容 | 指标名称): no framework header.
    assert!(!jixiao::grammar::labels::is_header_row(["评价指标", "评价内容", "指标说明"]));

    // 评价指标 right of the levels names the indicators (their cells went to notes), and a
    // 评价内容 column over the framework's own level-2s (项目立项) is the level-2's.
    let rows = [
        &["一级指标", "评价内容", "评价指标", "分值", "评分标准"][..],
        &["决策", "项目立项", "立项依据充分性", "5", "充分得5分"],
        &["", "", "立项程序规范性", "5", "规范得5分"],
        &["过程", "资金管理", "资金到位率", "10", "到位得10分"],
        &["产出", "产出数量", "实际完成率", "10", "完成得10分"],
    ];
    let text = common::text_save(
        "第三部分  项目支出绩效评价

1、某项目绩效评价指标表
",
        &rows,
    );
    let read = |doc: &Document| -> Vec<(Level1, String, String, Option<f64>)> {
        doc.sections[0].tables[0].indicators().map(|(c, s, i)| (c.level1, s.label.clone(), i.name.clone(), i.weight)).collect()
    };
    let doc = parse_str(&text, &ReadOptions::default()).unwrap();
    let expected = vec![
        (Level1::Decision, "项目立项".to_owned(), "立项依据充分性".to_owned(), Some(5.0)),
        (Level1::Decision, "项目立项".to_owned(), "立项程序规范性".to_owned(), Some(5.0)),
        (Level1::Process, "资金管理".to_owned(), "资金到位率".to_owned(), Some(10.0)),
        (Level1::Output, "产出数量".to_owned(), "实际完成率".to_owned(), Some(10.0)),
    ];
    assert_eq!(read(&doc), expected);
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    let again = parse_str(&write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    assert_eq!(read(&again), expected, "{}", write::text::to_string(&doc));
}

/// Frameworks of the 2009–2013 forms as published (real: haiyang, bumen-zhengti-pingjia-tixi,
/// guotu, bumen-yusuan). A group 业务指标 over the 2009 framework's level-2s (目标设定情况 决策,
/// 目标完成情况 产出); bare points in the names' brackets that add up to their levels'
/// (`绩效目标合理性(2)` under `目标设定(5)`); a caption under a 整体 part heading, with a
/// template's blank fields (`项目名称:`) between it and the grid, and a 权数 column.
#[test]
fn frameworks_of_the_older_forms_read_as_their_words_say() {
    let read = |text: &str| -> Vec<(Level1, String, Option<f64>)> {
        let doc = parse_str(text, &ReadOptions::default()).unwrap();
        doc.sections.iter().flat_map(|s| &s.tables).flat_map(|t| t.indicators()).map(|(c, _, i)| (c.level1, i.name.clone(), i.weight)).collect()
    };
    let rows: &[&[&str]] = &[
        &["一级指标", "二级指标", "三级指标", "评价标准"],
        &["业务指标(70分)", "目标设定情况(10分)", "依据的充分性(4分)", "充分:4分"],
        &["", "", "工作目标的明确度(6分)", "明确:6分"],
        &["", "目标完成情况(15分)", "投资计划完成率(15分)", "100%:15分"],
        &["", "组织管理水平(10分)", "管理制度健全性(10分)", "健全:10分"],
    ];
    let text = common::text_save("第三部分  项目支出绩效评价\n\n1、某引导资金项目绩效评价指标表\n", rows);
    assert_eq!(
        read(&text),
        [
            (Level1::Decision, "依据的充分性(4分)".to_owned(), Some(4.0)),
            (Level1::Decision, "工作目标的明确度(6分)".to_owned(), Some(6.0)),
            (Level1::Output, "投资计划完成率(15分)".to_owned(), Some(15.0)),
            (Level1::Process, "管理制度健全性(10分)".to_owned(), Some(10.0)),
        ]
    );

    let rows: &[&[&str]] = &[
        &["一级指标", "二级指标", "三级指标", "指标解释"],
        &["投 入\n(15)", "目标设定\n(5)", "绩效目标合理性(2)", "目标是否合理"],
        &["", "", "绩效指标明确性(3)", "指标是否明确"],
        &["", "预算配置\n(10)", "在职人员控制率(4)", "人员控制"],
        &["", "", "重点支出安排率(6)", "重点支出"],
    ];
    let weights = |rows: &[&[&str]]| -> Vec<Option<f64>> {
        read(&common::text_save("第二部分  部门整体支出绩效评价\n\n1、部门整体支出绩效评价指标体系表\n", rows)).into_iter().map(|(_, _, w)| w).collect()
    };
    assert_eq!(weights(rows), [Some(2.0), Some(3.0), Some(4.0), Some(6.0)]);
    // Numbers that do not add up to their level's points are no weights (a count, an item's number).
    let off: &[&[&str]] = &[rows[0], rows[1], rows[2], rows[3], &["", "", "重点支出安排率(5)", "重点支出"]];
    assert_eq!(weights(off), [None, None, None, None]);

    let text = "第二部分  部门整体支出绩效评价\n\n绩效考核指标表\n项目名称:\n评价单位:\n填报日期:\n".to_owned()
        + &common::text_save(
            "",
            &[
                &["项目", "考核内容", "考核指标", "年度工作目标", "权数"][..],
                &["预算支出管理(30分)", "预算执行", "预算执行率", "100%", "20"],
                &["", "结转结余", "结转结余率", "≤9%", "10"],
            ],
        );
    let doc = parse_str(&text, &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.name, "绩效考核指标");
    let got: Vec<(Level1, &str, &str, &str, Option<f64>)> =
        t.indicators().map(|(c, s, i)| (c.level1, s.label.as_str(), i.name.as_str(), i.target.raw.as_str(), i.weight)).collect();
    assert_eq!(got, [(Level1::Process, "预算执行", "预算执行率", "100%", Some(20.0)), (Level1::Process, "结转结余", "结转结余率", "≤9%", Some(10.0))]);
    let notes: Vec<&str> = doc.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(notes, ["项目名称:", "评价单位:", "填报日期:"]);
}

/// Anhui's 2023 department-wide evaluation (规划 / 执行 over their level-2s), Chongqing's
/// 一般性项目 form (`绩效指标 | 指标 | 指标权重 …`, no level columns) and Hunan's 满意度 row
/// whose label spans 一级 and 二级, each as a text save writes it.
#[test]
fn level2_labels_that_say_a_level_a_bare_indicator_column_and_a_spanned_satisfaction_row() {
    let rows = [
        &["一级指标", "二级指标", "三级指标", "指标分值", "自评得分"][..],
        &["规划(15分)", "基础信息(3分)", "基础信息完整性", "3", "3"],
        &["", "工作计划(6分)", "年度工作计划完整性", "3", "3"],
        &["执行(35分)", "预算执行(18分)", "预算执行率", "5", "5"],
    ];
    let doc =
        parse_str(&common::text_save("第三部分  部门整体支出绩效评价\n\n1、2023年度部门整体支出绩效评价自评表\n", &rows), &ReadOptions::default()).unwrap();
    let table = &doc.sections[0].tables[0];
    assert_eq!((table.name.as_str(), table.kind), ("2023年度部门整体支出", TableKind::SelfEvaluation));
    let levels: Vec<Level1> = table.indicators().map(|(c, _, _)| c.level1).collect();
    // 规划 is planning (决策); 执行 alone says none, its level-2 预算执行 says 过程.
    assert_eq!(levels, [Level1::Decision, Level1::Decision, Level1::Process]);

    let rows = [
        &["专项资金名称", "在职村村干部补助"][..],
        &["业务主管部门", "813-潼南区五桂镇"],
        &["绩效指标", "指标", "指标权重", "计量单位", "指标性质", "指标值"],
        &["", "按月发放", "20", "次", "=", "1"],
        &["", "促进经济发展", "20", "", "定性", ""],
    ];
    let head = "第三部分  预算项目绩效目标\n\n1、2023年一般性项目绩效目标表\n\t编制单位:\n\t813-潼南区五桂镇\n\t单位:万元\n\n";
    let doc = parse_str(&common::text_save(head, &rows), &ReadOptions::default()).unwrap();
    let table = &doc.sections[0].tables[0];
    // The 专项资金名称 names the table; the field rows under the wider 编制单位 row are rows.
    assert_eq!(table.name, "在职村村干部补助");
    let read: Vec<(&str, &str, Option<f64>)> = table.indicators().map(|(_, _, i)| (i.name.as_str(), i.target.raw.as_str(), i.weight)).collect();
    assert_eq!(read, [("按月发放", "=1次", Some(20.0)), ("促进经济发展", "", Some(20.0))]);

    let rows = [
        &["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "绩效标准"][..],
        &["", "产出指标", "数量指标", "配备车辆数", "10", "计划标准"],
        &["", "服务对象满意度指标", "满意度", "90%", "计划标准"],
        &["其他需说明的问题", "无"],
    ];
    let doc = parse_str(&common::text_save("第三部分  预算项目绩效目标\n\n1、2024年项目绩效目标表\n", &rows), &ReadOptions::default()).unwrap();
    let read: Vec<(Level1, &str, &str, &str)> =
        doc.sections[0].tables[0].indicators().map(|(c, s, i)| (c.level1, s.label.as_str(), i.name.as_str(), i.target.raw.as_str())).collect();
    assert_eq!(read, [(Level1::Output, "数量指标", "配备车辆数", "10"), (Level1::Satisfaction, "服务对象满意度指标", "满意度", "90%")]);
}

/// Hebei's 预算项目绩效自评表 as a text save writes it: 预期指标值 over 符号 | (the value, no label)
/// | 单位, 自评得分 over 单项指标得分 | 权重占比(%) | 单项指标折算得分, each merged cell written
/// once; and a 指标分值 column that holds each indicator's explanation, not its points.
#[test]
fn a_sub_column_with_no_label_and_a_weight_column_that_holds_prose() {
    let rows = [
        &["四、年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "指标分值", "预期指标值", "单项指标实际完成值", "单项指标完成情况", "自评得分"][..],
        &["", "", "", "", "", "符号", "", "单位(文字描述)", "", "", "单项指标得分", "权重占比(%)", "单项指标折算得分"],
        &["", "产出指标", "质量指标", "覆盖率", "享受补贴政策人数占总数的比例", ">=", "98", "%(百分比)", "100%", "完成", "25.00", "25.00", "6.25"],
        &["", "", "时效指标", "完成率", "按要求每月完成审批的比例", ">=", "99", "%(百分比)", "100%", "完成", "25.00", "25.00", "6.25"],
    ];
    let doc = parse_str(&common::text_save("第三部分  项目支出绩效自评\n\n1、2020年度预算项目绩效自评表\n", &rows), &ReadOptions::default()).unwrap();
    let read: Vec<(&str, &str, &str, Option<f64>, String)> = doc.sections[0].tables[0]
        .indicators()
        .map(|(_, _, i)| (i.name.as_str(), i.description.as_str(), i.target.raw.as_str(), i.weight, i.actual.as_ref().map_or(String::new(), |a| a.raw.clone())))
        .collect();
    assert_eq!(
        read,
        [
            ("覆盖率", "享受补贴政策人数占总数的比例", ">=98%(百分比)", Some(25.0), "100%".to_owned()),
            ("完成率", "按要求每月完成审批的比例", ">=99%(百分比)", Some(25.0), "100%".to_owned())
        ]
    );
}

/// An overall objective above the year's (`项目总体目标`, then `项目年度目标`): the year's is the
/// table's objective, as its indicators are the year's; the overall one is kept as a field.
#[test]
fn the_years_objective_is_the_tables_and_an_overall_one_a_field() {
    let rows = [
        &["项目名称", "绿化美化项目", "", ""][..],
        &["项目概况及立项依据", "公路绿化"],
        &["项目总体目标", "公路沿线绿化美化。"],
        &["项目年度目标", "3500米公路沿线绿化。"],
        &["一级指标", "二级指标", "三级指标", "指标值"],
        &["产出指标", "数量指标", "绿化长度", "≥3500米"],
    ];
    let doc = parse_str(&common::text_save("第三部分  预算项目绩效目标\n\n1、绿化美化项目绩效目标表\n", &rows), &ReadOptions::default()).unwrap();
    let table = &doc.sections[0].tables[0];
    assert_eq!(table.objective.as_deref(), Some("3500米公路沿线绿化。"));
    assert!(table.info.iter().any(|r| r.label == "项目总体目标" && r.text == "公路沿线绿化美化。"), "{:?}", table.info);
}

/// A page's copy that stops inside the table's last row, after the first characters of its
/// name: no indicator, its cells kept as notes. A blank template's last row, and a filled
/// table's last row with its cells written but its target empty, stay indicators.
#[test]
fn a_copy_cut_inside_its_last_row() {
    let head = "第三部分  预算项目绩效目标\n\n1、水利专项资金绩效目标表\n";
    let header = &["一级指标", "二级指标", "三级指标", "指标解释", "指标值"][..];
    let names = |rows: &[&[&str]]| -> (Vec<String>, Vec<String>) {
        let doc = parse_str(&common::text_save(head, rows), &ReadOptions::default()).unwrap();
        (doc.sections[0].tables[0].indicators().map(|(_, _, i)| i.name.clone()).collect(), doc.notes.iter().map(|n| n.text.clone()).collect())
    };
    let cut: [&[&str]; 4] = [
        header,
        &["产出指标", "数量指标", "修复工程", "开展情况", "≥1个"],
        &["", "质量指标", "质量问题", "是否发现", "否"],
        &["效益指标", "社会效益指标", "是"],
    ];
    let (read, notes) = names(&cut);
    assert_eq!(read, ["修复工程", "质量问题"]);
    assert!(notes.iter().any(|n| n == "是"), "{notes:?}");
    let template: [&[&str]; 3] = [header, &["产出指标", "数量指标", "修复工程", "", ""], &["效益指标", "社会效益指标", "受益人口"]];
    assert_eq!(names(&template).0, ["修复工程", "受益人口"]);
    let empty_target: [&[&str]; 4] = [
        header,
        &["产出指标", "数量指标", "修复工程", "开展情况", "≥1个"],
        &["", "质量指标", "质量问题", "是否发现", "否"],
        &["效益指标", "社会效益指标", "受益人口", "", ""],
    ];
    assert_eq!(names(&empty_target).0, ["修复工程", "质量问题", "受益人口"]);
}

/// The evaluation's result under its grid, its label merged down over two rows of scores
/// (`预算绩效评价结果 | 考核节点进度完成率 | 10分 …`, then `| 预算编制准确度 | 9分 | 绩效评价结果 |
/// 29分`): remarks, not indicators.
#[test]
fn an_evaluation_result_under_the_grid_over_two_rows() {
    let rows = [
        &["一级指标", "二级指标", "三级指标", "预算设定指标值", "项目完成指标值"][..],
        &["产出指标", "数量指标", "改造实验室", "2间", "2间"],
        &["预算绩效评价结果", "考核节点进度完成率", "10分", "项目采购节约率", "10分"],
        &["", "预算编制准确度", "9分", "绩效评价结果", "29分"],
    ];
    let doc = parse_str(&common::text_save("第二部分  项目支出绩效自评表\n\n1、某项目绩效自评表\n", &rows), &ReadOptions::default()).unwrap();
    let t = &doc.sections[0].tables[0];
    assert_eq!(t.indicators().map(|(_, _, i)| i.name.as_str()).collect::<Vec<_>>(), ["改造实验室"]);
    let remarks: Vec<(&str, &str)> = t.remarks.iter().map(|r| (r.label.as_str(), r.text.as_str())).collect();
    assert_eq!(
        remarks,
        [("预算绩效评价结果", "考核节点进度完成率\n10分\n项目采购节约率\n10分"), ("预算绩效评价结果", "预算编制准确度\n9分\n绩效评价结果\n29分")]
    );
}

/// A 指标分值 column of prose beside a description column: its prose stays in extra, the
/// weights are 权重占比's, and a written table reads back with them (text, xlsx, HTML).
#[test]
fn a_prose_weight_column_beside_a_description_writes_back_its_weights() {
    let rows = [
        &["一级指标", "二级指标", "三级指标", "指标解释", "指标分值", "评分标准", "权重占比(%)", "自评得分"][..],
        &["投入", "预算编制", "预算编制科学性", "预算编制是否科学", "考察预算编制的科学性", "科学得满分", "10", "10"],
        &["过程", "资金管理", "资金使用合规性", "资金使用是否合规", "考察资金使用合规情况", "合规得满分", "20", "20"],
    ];
    let doc = parse_str(&common::text_save("第三部分  部门整体支出绩效自评\n\n1、2023年度部门整体支出绩效自评表\n", &rows), &ReadOptions::default()).unwrap();
    let weights = |doc: &Document| doc.sections[0].tables[0].indicators().map(|(_, _, i)| i.weight).collect::<Vec<_>>();
    assert_eq!(weights(&doc), [Some(10.0), Some(20.0)]);
    let text = parse_str(&jixiao::write::text::to_string(&doc), &ReadOptions::default()).unwrap();
    assert_eq!(weights(&text), [Some(10.0), Some(20.0)]);
    let xlsx = parse_bytes(&jixiao::write::xlsx::to_bytes(&doc).unwrap(), &ReadOptions::default()).unwrap();
    assert_eq!(weights(&xlsx), [Some(10.0), Some(20.0)]);
    let html = parse_bytes(
        jixiao::write::html::to_string(&doc, &jixiao::write::html::HtmlOptions { page: true, ..Default::default() }).as_bytes(),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(weights(&html), [Some(10.0), Some(20.0)]);
}
