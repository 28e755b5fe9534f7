//! Nothing lost: over generated messy text saves (part headings, TC fields, titles, tables with
//! odd rows, prose, stray lines, form feeds, lines of spaces), every piece of text of every
//! non-blank input line is in the model — a field or `notes` — as a piece of a field of its own:
//! each occurrence of a piece takes an occurrence of its own in the model (a repeat dropped is a
//! piece lost), and the pieces of a line that share a field stand there in the line's order. A
//! text with a part heading or a table title must read; one with neither must be refused.

use jixiao::{ReadOptions, parse_str};
use proptest::prelude::*;

const WORDS: &[&str] = &["补助资金", "发放到位率", "群众满意度", "培训人次", "新区治安", "宣传教育", "考核办法", "村级组织", "老党员", "就业创业"];
const TARGETS: &[&str] = &["≥90%", "100%", "≥38000人", "明显提高", "根据实际", "2-3次", "≤5个工作日", "0新区环境稳定", "≥**个", "1.5万人参加"];
const LABELS: &[&str] =
    &["产出指标", "效益指标", "满意度指标", "数量指标", "质量指标", "社会效益指标", "服务对象满意度指标", "影响指标", "备注", "合计", "总分", "指标1"];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0..WORDS.len()).prop_map(|i| WORDS[i].to_owned()),
        1 => "[一-龥]{2,6}",
        1 => "[A-Za-z0-9]{2,5}",
    ]
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => word(),
        2 => (0..TARGETS.len()).prop_map(|i| TARGETS[i].to_owned()),
        2 => (0..LABELS.len()).prop_map(|i| LABELS[i].to_owned()),
        1 => Just(String::new()),
    ]
}

/// One element of a document, as lines of a Word text save, and whether it makes the text a
/// performance document (a part heading or a table title: with neither, the parser refuses it).
fn element() -> impl Strategy<Value = (Vec<String>, bool)> {
    // A part heading, maybe with a TC field.
    let heading = (1u32..5, prop_oneof![Just("专项资金绩效目标"), Just("预算项目绩效目标"), Just("部门整体绩效目标"), Just("其他事项")], any::<bool>())
        .prop_map(|(n, what, tc)| {
            vec![format!(
                "第{}部分  {what}{}",
                ["一", "二", "三", "四", "五"][n as usize - 1],
                if tc { format!(" TC {what} \\f A \\l 1 ") } else { String::new() }
            )]
        });
    // A table title, its TC field on the line or the next.
    let title = (1u32..30, word(), 0u8..4).prop_map(|(n, name, tc)| {
        let title = format!("{n}、{name}绩效目标表");
        match tc {
            0 => vec![title],
            1 => vec![format!("{title} TC {title} \\f B \\l 1 ")],
            2 => vec![title.clone(), format!(" TC {title} \\f C \\l 1 ")],
            _ => vec![format!("{title} TC \"{title}\" \\f B \\l x 附注")],
        }
    });
    let other = prop_oneof![
        // The objective row and the header row.
        word().prop_map(|w| vec!["\t绩效目标".into(), format!("\t{w}"), String::new()]),
        Just(
            ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"].iter().map(|h| format!("\t{h}")).chain([String::new()]).collect()
        ),
        // A row of cells; a cell may hold a second paragraph (a line without a tab).
        (proptest::collection::vec(cell(), 1..8), any::<bool>(), any::<bool>()).prop_map(|(cells, paragraph, feed)| {
            let mut lines: Vec<String> = cells.iter().map(|c| format!("\t{c}")).collect();
            if paragraph {
                lines.push("第二段文字".into());
            }
            if feed {
                lines[0] = format!("\u{c}{}", lines[0]);
            }
            lines.push(String::new());
            lines
        }),
        // Prose of part 1: goals, items, inline lists, subheadings.
        (1u32..9, word(), word()).prop_map(|(n, a, b)| vec![format!("{n}、{a}"), format!("（{n}）{b}"), format!("一是{a}；二是{b}。")]),
        prop_oneof![Just("（一）总体绩效目标"), Just("（二）分项绩效目标 TC 分项绩效目标 \\f A \\l 1 "), Just("（三）工作保障措施")]
            .prop_map(|h| vec![h.to_owned()]),
        // Stray lines: prose, spaces, a space before the tab, a lone TC field.
        word().prop_map(|w| vec![format!("说明：{w}")]),
        Just(vec!["   ".to_owned()]),
        word().prop_map(|w| vec![format!(" \t{w}")]),
        word().prop_map(|w| vec![format!(" TC {w} \\f B \\l 2 ")]),
    ];
    prop_oneof![1 => heading.prop_map(|l| (l, true)), 1 => title.prop_map(|l| (l, true)), 9 => other.prop_map(|l| (l, false))]
}

/// A text save, and whether the generator meant it to be refused (nothing makes it a document).
fn document() -> impl Strategy<Value = (String, bool)> {
    proptest::collection::vec(element(), 1..40).prop_map(|elements| {
        let mut text = String::from("2023年部门预算绩效信息\n");
        let refused = !elements.iter().any(|(_, makes_it)| *makes_it);
        for (lines, _) in elements {
            for line in lines {
                text.push_str(&line);
                text.push('\n');
            }
        }
        (text, refused)
    })
}

/// The pieces of a line a reader must keep: runs of letters and digits, two characters or more
/// (numbering marks, punctuation, spaces and the `TC` keyword of a field are structure).
fn pieces(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in line.chars().chain([' ']) {
        if c.is_alphanumeric() && !matches!(c, '一' | '二' | '三' | '四' | '五' | '是') {
            run.push(c);
        } else {
            if run.chars().count() >= 2 && run != "TC" {
                out.push(std::mem::take(&mut run));
            }
            run.clear();
        }
    }
    out
}

/// One text field of the model, cut into pieces as [`pieces`] cuts a line.
struct Field {
    pieces: Vec<String>,
    /// A category's label: the rows of its group share it (a merged 一级 cell, or the same label
    /// written on each row), so any number of input pieces may take it.
    shared: bool,
}

impl Field {
    fn new(text: &str) -> Self {
        let pieces = pieces(text);
        Field { pieces, shared: false }
    }
}

/// Every text field of the model, in the order of its JSON. Left out: numbers (line and table
/// numbers, years: what they count is in a text field too) and the fields made from others (a
/// table's `name`, cut from its title; a target's `parts`, `unit` and `note`, cut from its `raw`),
/// which would stand in for a piece the reader lost.
fn fields(doc: &jixiao::Document) -> Vec<Field> {
    fn walk(v: &serde_json::Value, out: &mut Vec<Field>) {
        match v {
            serde_json::Value::String(s) => out.push(Field::new(s)),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(m) => {
                let table = m.contains_key("title") && m.contains_key("categories");
                let target = m.contains_key("raw") && m.contains_key("parts");
                let category = m.contains_key("children") || m.contains_key("indicators");
                for (k, x) in m {
                    let derived = (table && k == "name") || (target && matches!(k.as_str(), "parts" | "unit" | "note"));
                    if category && k == "label" {
                        let mut label = Field::new(x.as_str().unwrap_or_default());
                        label.shared = true;
                        out.push(label);
                    } else if !derived {
                        walk(x, out);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(doc).unwrap(), &mut out);
    out
}

/// What the model lost of a text: the first piece (with its line) that the model holds fewer
/// times than the text does — each occurrence needs one of its own, so a repeat dropped is a
/// piece lost (a category's label, shared by its rows, counts for any number) — or the first
/// line whose pieces no one field holds in the line's order (except the lines the reader splits
/// by design: a TC field's text is a field of its own, and `一是…；二是…` gives an item each).
fn lost(text: &str, fields: &[Field]) -> Option<(usize, String)> {
    use std::collections::HashMap;
    let mut held: HashMap<&str, usize> = HashMap::new();
    for f in fields {
        for p in &f.pieces {
            let n = held.entry(p).or_default();
            *n = if f.shared { usize::MAX } else { n.saturating_add(1) };
        }
    }
    let mut needed: HashMap<String, usize> = HashMap::new();
    for (k, line) in text.lines().enumerate() {
        // The objective row's label: the reader keeps what it labels, in `objective`.
        if line == "\t绩效目标" {
            continue;
        }
        let line_pieces = pieces(line);
        for piece in &line_pieces {
            let n = needed.entry(piece.clone()).or_default();
            *n += 1;
            if *n > held.get(piece.as_str()).copied().unwrap_or(0) {
                return Some((k + 1, piece.clone()));
            }
        }
        let in_order = |f: &Field| {
            let mut rest = f.pieces.iter();
            line_pieces.iter().all(|p| rest.any(|q| q == p))
        };
        let split_by_the_reader = line.contains(" TC ") || line.starts_with("一是");
        if line_pieces.len() > 1 && !split_by_the_reader && !fields.iter().any(in_order) {
            return Some((k + 1, line_pieces.join(" ")));
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_piece_of_every_line_is_kept((text, refused) in document()) {
        let doc = match parse_str(&text, &ReadOptions::default()) {
            Err(e) if refused => {
                prop_assert!(e.to_string().contains("not a performance document"), "refused for another reason: {e}\n{text}");
                return Ok(());
            }
            Err(e) => return Err(TestCaseError::fail(format!("a text with a part heading or a table title was refused: {e}\n{text}"))),
            Ok(_) if refused => return Err(TestCaseError::fail(format!("a text with no part heading and no table title was read\n{text}"))),
            Ok(doc) => doc,
        };
        if let Some((line, piece)) = lost(&text, &fields(&doc)) {
            let json = serde_json::to_string_pretty(&doc).unwrap();
            return Err(TestCaseError::fail(format!("line {line}: `{piece}` lost (this one or a repeat of it)\n{text}\n{json}")));
        }
    }
}

/// The check itself: a piece twice in the input needs it twice in the model, a line's pieces
/// stand in order in one field, and a piece inside a longer one is not kept.
#[test]
fn a_dropped_repeat_or_a_swapped_order_is_a_loss() {
    assert_eq!(lost("补助资金\n补助资金\n", &[Field::new("补助资金")]), Some((2, "补助资金".into())));
    assert_eq!(lost("补助资金\n补助资金\n", &[Field::new("补助资金"), Field::new("x 补助资金")]), None);
    assert_eq!(lost("甲乙 丙丁\n", &[Field::new("丙丁 甲乙")]), Some((1, "甲乙 丙丁".into())));
    assert_eq!(lost("甲乙 丙丁\n", &[Field::new("甲乙\n丙丁")]), None);
    assert_eq!(lost("甲乙 丙丁\n", &[Field::new("丙丁"), Field::new("甲乙")]), Some((1, "甲乙 丙丁".into())));
    assert_eq!(lost("补助资金\n", &[Field::new("1、补助资金绩效目标表")]), Some((1, "补助资金".into())));
    let mut label = Field::new("产出指标");
    label.shared = true;
    assert_eq!(lost("产出指标\n产出指标\n", &[label]), None);
}

/// A case the generator found: a level label whose second paragraph starts with a TAB (two short
/// rows a text save's lexer reads as one) keeps both paragraphs, not one word made of them.
#[test]
fn a_label_with_a_tab_led_paragraph_keeps_both() {
    let text = "2023年部门预算绩效信息\n1、补助资金绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n\t指标值确定依据\n\n\t补助资金\n\t补助资金\n\t补助资金\n\n\t绩效目标\n\t补助资金\n\n\t服务对象满意度指标\n\t补助资金\n\n第一部分  专项资金绩效目标\n";
    let doc = parse_str(text, &ReadOptions::default()).unwrap();
    assert_eq!(lost(text, &fields(&doc)), None);
}
