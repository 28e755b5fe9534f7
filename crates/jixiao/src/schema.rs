//! The JSON Schemas (draft 2020-12), generated from the model by schemars: the document's, the
//! review findings' (`{"findings": [...]}`, as `jixiao check --format json` writes) and the
//! score report's (`jixiao score --format json`).

use schemars::JsonSchema;

use crate::model::Document;
use crate::review::Finding;

/// The schema as a JSON value.
pub fn schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Document);
    serde_json::to_value(&schema).expect("a schema is plain JSON")
}

/// The schema as pretty JSON with a trailing newline: the text of `include/jixiao.schema.json`.
pub fn schema_json() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).expect("a schema is plain JSON");
    s.push('\n');
    s
}

/// The shape `jixiao check --format json` and `write::findings::to_json` write.
#[derive(JsonSchema)]
#[schemars(title = "jixiao findings")]
#[allow(dead_code)]
struct Findings {
    /// 审核意见 — every finding, in source order (file by file).
    findings: Vec<Finding>,
}

/// The findings' schema as a JSON value.
pub fn findings_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Findings);
    serde_json::to_value(&schema).expect("a schema is plain JSON")
}

/// The findings' schema as pretty JSON with a trailing newline: `include/jixiao.findings.schema.json`.
pub fn findings_schema_json() -> String {
    let mut s = serde_json::to_string_pretty(&findings_schema()).expect("a schema is plain JSON");
    s.push('\n');
    s
}

/// The score report's schema as a JSON value (`jixiao score --format json`).
pub fn score_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(crate::score::ScoreReport);
    serde_json::to_value(&schema).expect("a schema is plain JSON")
}

/// The score report's schema as pretty JSON with a trailing newline: `include/jixiao.score.schema.json`.
pub fn score_schema_json() -> String {
    let mut s = serde_json::to_string_pretty(&score_schema()).expect("a schema is plain JSON");
    s.push('\n');
    s
}
