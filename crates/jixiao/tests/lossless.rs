//! Nothing lost: over generated messy text saves (part headings, TC fields, titles, tables with
//! odd rows, prose, stray lines, form feeds, lines of spaces), every piece of text of every
//! non-blank input line is somewhere in the model — a field or `notes`.

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

/// One element of a document, as lines of a Word text save.
fn element() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        // A part heading, maybe with a TC field.
        (1u32..5, prop_oneof![Just("专项资金绩效目标"), Just("预算项目绩效目标"), Just("部门整体绩效目标"), Just("其他事项")], any::<bool>()).prop_map(
            |(n, what, tc)| vec![format!(
                "第{}部分  {what}{}",
                ["一", "二", "三", "四", "五"][n as usize - 1],
                if tc { format!(" TC {what} \\f A \\l 1 ") } else { String::new() }
            )]
        ),
        // A table title, its TC field on the line or the next.
        (1u32..30, word(), 0u8..4).prop_map(|(n, name, tc)| {
            let title = format!("{n}、{name}绩效目标表");
            match tc {
                0 => vec![title],
                1 => vec![format!("{title} TC {title} \\f B \\l 1 ")],
                2 => vec![title.clone(), format!(" TC {title} \\f C \\l 1 ")],
                _ => vec![format!("{title} TC \"{title}\" \\f B \\l x 附注")],
            }
        }),
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
    ]
}

fn document() -> impl Strategy<Value = String> {
    proptest::collection::vec(element(), 1..40).prop_map(|elements| {
        let mut text = String::from("2023年部门预算绩效信息\n");
        for lines in elements {
            for line in lines {
                text.push_str(&line);
                text.push('\n');
            }
        }
        text
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

/// Every string of the model, joined.
fn model_text(doc: &jixiao::Document) -> String {
    fn walk(v: &serde_json::Value, out: &mut String) {
        match v {
            serde_json::Value::String(s) => {
                out.push_str(s);
                out.push('\u{1}');
            }
            serde_json::Value::Number(n) => {
                out.push_str(&n.to_string());
                out.push('\u{1}');
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(m) => m.iter().for_each(|(k, x)| {
                out.push_str(k);
                out.push('\u{1}');
                walk(x, out);
            }),
            _ => {}
        }
    }
    let mut out = String::new();
    walk(&serde_json::to_value(doc).unwrap(), &mut out);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_piece_of_every_line_is_kept(text in document()) {
        let Ok(doc) = parse_str(&text, &ReadOptions::default()) else { return Ok(()) };
        let kept = model_text(&doc);
        for (k, line) in text.lines().enumerate() {
            for piece in pieces(line) {
                prop_assert!(kept.contains(&piece), "line {}: `{}` lost from `{}`\n{}", k + 1, piece, line, text);
            }
        }
    }
}
