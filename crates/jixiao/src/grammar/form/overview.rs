//! The subsections of 第一部分 部门整体绩效目标 as the form names them: recognised by meaning
//! (总体 / 分项·职责 / 保障), shared by the reader and the text writer.

use super::titles::split_toc;
use crate::grammar::fold::squeeze;
use crate::grammar::fold::squeezed;

/// The label line that opens the responsibilities, as the form prints it.
pub const RESPONSIBILITY_LABEL: &str = "职责分类绩效目标：";

/// The three subsections of part 1, and any other.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Part {
    Goals,
    Responsibilities,
    Safeguards,
    Unknown,
}

/// `（一）总体绩效目标` → which subsection.
pub fn subsection(line: &str) -> Option<Part> {
    // Most lines are prose: only one that opens with a bracket is folded whole.
    if squeezed(line).next() != Some('(') {
        return None;
    }
    let key = squeeze(split_toc(line).0);
    let rest = key.strip_prefix('(')?;
    let close = rest.find(')')?;
    let inner = &rest[..close];
    if inner.is_empty() || !inner.chars().all(|c| "一二三四五六七八九十".contains(c)) {
        return None;
    }
    let title = &rest[close + 1..];
    Some(if title.contains("总体") {
        Part::Goals
    } else if title.contains("分项") || title.contains("职责") {
        Part::Responsibilities
    } else if title.contains("保障") || title.contains("措施") {
        Part::Safeguards
    } else {
        Part::Unknown
    })
}
