use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Location, Overview, Section, Table};

/// The version of the JSON layout; it changes only when a field changes meaning or goes away.
/// Version 2 gives each node its own `location`; version 1 gave each a `line` that, for formats
/// other than text saves, indexed a document-wide `locations` list. Version-1 JSON still reads.
pub const SCHEMA_VERSION: u32 = 2;

fn schema_version() -> u32 {
    SCHEMA_VERSION
}

/// 部门预算绩效信息 — one department's budget performance document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "jixiao document")]
pub struct Document {
    /// 模式版本 — version of this JSON layout (2; version-1 JSON reads as before).
    #[serde(default = "schema_version")]
    pub schema_version: u32,
    /// 文件 — the input this document was read from, where several are written together: each
    /// line of `jixiao parse --format ndjson` (or of several inputs) names its file, so that a
    /// batch's lines are told apart. Absent otherwise: reading a file does not set it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// 标题 — the document title as written, e.g. "2020年部门预算绩效信息"; empty when absent.
    pub title: String,
    /// 年度 — budget year, read from the title; null when the title names none.
    pub year: Option<i32>,
    /// 第一部分 部门整体绩效目标 — the department-wide part (prose with structure); null when absent.
    pub overview: Option<Overview>,
    /// 部分 — the parts holding target tables (专项资金, 预算项目, …), in source order.
    pub sections: Vec<Section>,
    /// 未归类内容 — content the reader could not place, kept with its location; never dropped.
    pub notes: Vec<Note>,
    /// 已替换的无效字节 — read with encoding errors replaced (`--encoding-errors replace`): each
    /// malformed byte sequence that became U+FFFD in the text. Absent (empty) otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaced_bytes: Vec<ReplacedBytes>,
    /// 已归并的部首与兼容汉字 — how many Kangxi radicals (U+2F00–U+2FD5), CJK Radicals Supplement
    /// forms and CJK compatibility ideographs the reader folded to the unified ideograph they
    /// stand for (`⽬标` → `目标`, as PDFs from Chromium, Word and WPS map them), in the stored
    /// text too. Nothing else is normalised. Absent (0) when none.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub folded_chars: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// 无效字节 — a byte sequence that was not text in the file's encoding, replaced by U+FFFD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReplacedBytes {
    /// 行号 — the 1-based line it was on.
    pub line: usize,
    /// 字节偏移 — where it starts in the file, in bytes from 0.
    pub offset: usize,
    /// 字节 — the bytes in hex, space-separated (`e4 b8`).
    pub bytes: String,
}

impl Document {
    /// An empty document with the current schema version.
    pub fn new(title: impl Into<String>) -> Self {
        Document {
            schema_version: SCHEMA_VERSION,
            file: None,
            title: title.into(),
            year: None,
            overview: None,
            sections: Vec::new(),
            notes: Vec::new(),
            replaced_bytes: Vec::new(),
            folded_chars: 0,
        }
    }

    /// Every table of every section, in source order.
    pub fn tables(&self) -> impl Iterator<Item = (&Section, &Table)> {
        self.sections.iter().flat_map(|s| s.tables.iter().map(move |t| (s, t)))
    }

    /// How many indicators the document holds.
    pub fn indicator_count(&self) -> usize {
        self.tables().map(|(_, t)| t.indicators().count()).sum()
    }
}

/// 未归类内容 — a piece of the source that no rule could place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Note {
    /// 位置 — where it is in the source.
    #[serde(default)]
    pub location: Location,
    /// 原文 — the text exactly as it stands in the source.
    pub text: String,
}
