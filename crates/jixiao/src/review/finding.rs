use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Location, Section, Table};

/// 严重程度 — how much a finding matters; `error` blocks approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 提示 — worth a look; never blocks.
    Info,
    /// 警告 — a weak target the reviewer should send back or accept knowingly.
    Warning,
    /// 错误 — a defect: the table cannot be approved as it stands.
    Error,
}

impl Severity {
    pub const ALL: &[Severity] = &[Severity::Info, Severity::Warning, Severity::Error];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// 审核意见 — one finding of the review: what is wrong, where, and what to write instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "jixiao finding")]
pub struct Finding {
    /// 规则 — the rule's id (`vacuous-target`); the ids are a stable contract.
    pub rule: String,
    /// 严重程度 — after the configuration's changes.
    pub severity: Severity,
    /// 说明 — what is wrong, in English.
    pub message: String,
    /// 说明（中文） — what is wrong, in Chinese.
    pub message_zh: String,
    /// 建议 — what to write instead, in English.
    pub suggestion: String,
    /// 建议（中文） — what to write instead, in Chinese.
    pub suggestion_zh: String,
    /// 行号 — the 1-based line of a text source the finding is about; 0 when the source has no
    /// lines (a workbook, a Word file, a PDF): `location` says where it is then.
    pub line: usize,
    /// 位置 — where that is in the source, in the user's terms (line, `sheet!cell`, table/row/column).
    pub location: Location,
    /// 部分序号 — the number of the part holding the table; null outside numbered parts.
    pub section_number: Option<u32>,
    /// 表序号 — the table's number; null when its title has none.
    pub table_number: Option<u32>,
    /// 表名 — the table's name; null for findings about the document as a whole.
    pub table_name: Option<String>,
    /// 指标 — the level-3 name of the indicator the finding is about; null for table findings.
    pub indicator: Option<String>,
    /// 原文 — the text the finding points at (the target value, the TC field …); null when none.
    #[serde(default)]
    pub text: Option<String>,
    /// 文件 — the input file, when the finding came from a file (set by the CLI and the bindings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// What a finding says, in both languages.
pub(crate) struct Say {
    pub message: String,
    pub message_zh: String,
    pub suggestion: String,
    pub suggestion_zh: String,
}

impl Finding {
    /// A finding about `line` of `table` (in `section`), located through the document.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn about(
        rule: &str,
        severity: Severity,
        section: &Section,
        table: &Table,
        at: &Location,
        indicator: Option<&str>,
        text: Option<&str>,
        say: Say,
    ) -> Finding {
        Finding {
            rule: rule.to_owned(),
            severity,
            message: say.message,
            message_zh: say.message_zh,
            suggestion: say.suggestion,
            suggestion_zh: say.suggestion_zh,
            line: at.line_number().unwrap_or(0),
            location: at.clone(),
            section_number: section.number,
            table_number: table.number,
            table_name: Some(table.name.clone()),
            indicator: indicator.map(str::to_owned),
            text: text.filter(|t| !t.trim().is_empty()).map(str::to_owned),
            file: None,
        }
    }
}
