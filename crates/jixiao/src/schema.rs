//! The JSON Schema of the document (draft 2020-12), generated from the model by schemars.

use crate::model::Document;

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
