//! 第一部分 部门整体绩效目标: prose with structure. Subsections are recognised by meaning
//! (总体 / 分项·职责 / 保障), goals by `1、`, items by `（1）` or an inline `一是…二是…`.

use crate::grammar::fold::{fold, fold_char, squeeze};
use crate::grammar::form::overview::{Part, RESPONSIBILITY_LABEL, subsection};
use crate::grammar::form::split_toc;
use crate::model::{Goal, GoalItem, Location, Note, Overview, Responsibility, Safeguard, Subheading};

/// `3、xxx` → (3, "xxx").
fn numbered(line: &str) -> Option<(u32, String)> {
    let t = line.trim();
    // The number and its mark are in the first five characters: only they are folded.
    let mut head = ['\0'; 6];
    for (slot, c) in head.iter_mut().zip(t.chars()) {
        *slot = fold_char(c);
    }
    let digits = head.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 3 || !matches!(head[digits], '、' | '.') {
        return None;
    }
    // `1.5万人参加…` is a decimal, not item 1.
    if head[digits] == '.' && head[digits + 1].is_ascii_digit() {
        return None;
    }
    let skip: usize = t.chars().take(digits + 1).map(char::len_utf8).sum();
    let rest = t[skip..].trim();
    let number = head[..digits].iter().fold(0u32, |n, c| n * 10 + c.to_digit(10).unwrap_or(0));
    (!rest.is_empty()).then(|| (number, rest.to_owned()))
}

/// `（2）xxx` → (2, "xxx").
fn bracketed(line: &str) -> Option<(u32, String)> {
    let t = line.trim();
    let folded = fold(t);
    let inner = folded.strip_prefix('(')?;
    let close = inner.find(')')?;
    let n: u32 = inner[..close].parse().ok()?;
    let skip: usize = t.chars().take(inner[..close].chars().count() + 2).map(char::len_utf8).sum();
    Some((n, t[skip..].trim().to_owned()))
}

const INLINE_MARKERS: &[&str] = &["一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是"];

/// `一是…。二是…。` → items; None unless the line starts with `一是`.
fn inline_items(line: &str, line_no: usize) -> Option<Vec<GoalItem>> {
    let t = line.trim();
    if !t.starts_with(INLINE_MARKERS[0]) {
        return None;
    }
    let mut cuts = Vec::new();
    let mut from = 0;
    for (i, marker) in INLINE_MARKERS.iter().enumerate() {
        match t[from..].find(marker) {
            Some(at) => {
                cuts.push((i as u32 + 1, from + at));
                from += at + marker.len();
            }
            None => break,
        }
    }
    let items = cuts
        .iter()
        .enumerate()
        .map(|(k, &(number, start))| {
            let end = cuts.get(k + 1).map_or(t.len(), |c| c.1);
            let text = t[start + INLINE_MARKERS[0].len()..end].trim().to_owned();
            GoalItem { number, text, location: Location::line(line_no), inline: true }
        })
        .collect();
    Some(items)
}

/// A safeguard title: a short line that does not end like a sentence.
fn is_safeguard_title(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 40 && !t.ends_with(['。', '；', ';', '，', ',', '：', ':', '.', '！', '？']) && !t.starts_with(INLINE_MARKERS[0])
}

fn append(text: &mut String, line: &str) {
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(line.trim_end());
}

/// Parses the lines of part 1 (blank lines already left out).
pub fn parse(heading: String, line: usize, lines: &[(usize, &str)], notes: &mut Vec<Note>) -> Overview {
    let mut ov = Overview {
        heading,
        intro: String::new(),
        goals: Vec::new(),
        responsibilities: Vec::new(),
        safeguards: Vec::new(),
        subheadings: Vec::new(),
        location: Location::line(line),
        toc: None,
    };
    let mut part = Part::Goals;
    for &(no, text) in lines {
        if let Some(p) = subsection(text) {
            part = p;
            let (before, toc) = split_toc(text);
            ov.subheadings.push(Subheading { text: before.trim().to_owned(), toc, location: Location::line(no) });
            continue;
        }
        match part {
            Part::Goals => {
                if let Some((number, title)) = numbered(text) {
                    ov.goals.push(Goal { number, title, items: Vec::new(), location: Location::line(no) });
                } else if let Some(goal) = ov.goals.last_mut() {
                    if let Some((number, item)) = bracketed(text) {
                        goal.items.push(GoalItem { number, text: item, location: Location::line(no), inline: false });
                    } else if let Some(items) = inline_items(text, no) {
                        goal.items.extend(items);
                    } else {
                        notes.push(Note { location: Location::line(no), text: text.to_owned() });
                    }
                } else {
                    append(&mut ov.intro, text);
                }
            }
            Part::Responsibilities => {
                if let Some((number, name)) = numbered(text) {
                    ov.responsibilities.push(Responsibility { number, name, description: String::new(), location: Location::line(no) });
                } else if let Some(r) = ov.responsibilities.last_mut() {
                    append(&mut r.description, text);
                } else if squeeze(text) != squeeze(RESPONSIBILITY_LABEL) {
                    notes.push(Note { location: Location::line(no), text: text.to_owned() });
                }
            }
            Part::Safeguards => {
                let open_block = ov.safeguards.last().is_some_and(|s| s.text.is_empty());
                if is_safeguard_title(text) && !open_block {
                    ov.safeguards.push(Safeguard { title: text.trim().to_owned(), text: String::new(), location: Location::line(no) });
                } else if let Some(s) = ov.safeguards.last_mut() {
                    append(&mut s.text, text);
                } else {
                    ov.safeguards.push(Safeguard { title: String::new(), text: text.trim_end().to_owned(), location: Location::line(no) });
                }
            }
            Part::Unknown => notes.push(Note { location: Location::line(no), text: text.to_owned() }),
        }
    }
    ov
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_items() {
        assert_eq!(numbered("12、统战工作"), Some((12, "统战工作".into())));
        assert_eq!(bracketed("（3）深化推进人事制度改革。"), Some((3, "深化推进人事制度改革。".into())));
        let items = inline_items("一是甲。二是乙；三是丙。", 7).unwrap();
        assert_eq!(items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["甲。", "乙；", "丙。"]);
        assert_eq!(items[2].number, 3);
    }
}
