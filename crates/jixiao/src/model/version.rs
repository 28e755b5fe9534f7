//! jixiao's JSON of every schema version this build reads, as the current model.

use super::{Document, SCHEMA_VERSION};

/// A document from jixiao's JSON of version 1 or 2 (or of no stated version); the model is
/// the current version's, whatever the JSON's was. A version newer than this build knows is
/// read as far as serde can, with its number kept, for the caller to refuse.
pub fn document_from_json(bytes: &[u8]) -> serde_json::Result<Document> {
    let version: Version = serde_json::from_slice(bytes)?;
    match version.schema_version {
        Some(v) if v >= 2 => serde_json::from_slice(bytes),
        // Version 1 (or no version, as hand-written JSON of either may be): each node's `line`
        // becomes its location.
        _ => {
            let mut value: serde_json::Value = serde_json::from_slice(bytes)?;
            upgrade_v1(&mut value);
            let mut doc: Document = serde_json::from_value(value)?;
            doc.schema_version = doc.schema_version.max(SCHEMA_VERSION);
            Ok(doc)
        }
    }
}

/// The one field needed to know how to read the rest.
#[derive(serde::Deserialize)]
struct Version {
    schema_version: Option<u32>,
}

/// Version-1 JSON as version 2: a node's `line` N stood for `locations[N - 1]` when the document
/// had `locations` (Word files, workbooks, PDFs), and for line N of a text save when it had none;
/// each node now holds that place as its `location`. `replaced_bytes` keep their `line` (a line of
/// a text save, always), and an object that already has a `location` is left as it is, so that
/// version-2 JSON without a version reads unchanged.
fn upgrade_v1(doc: &mut serde_json::Value) {
    use serde_json::Value;
    fn walk(value: &mut Value, places: &[Value]) {
        match value {
            Value::Array(items) => items.iter_mut().for_each(|v| walk(v, places)),
            Value::Object(fields) => {
                if !fields.contains_key("location")
                    && let Some(line) = fields.get("line").and_then(Value::as_u64)
                {
                    fields.remove("line");
                    let place = match usize::try_from(line).ok().and_then(|n| n.checked_sub(1)) {
                        Some(i) if !places.is_empty() => places.get(i).cloned().unwrap_or_else(|| Value::Object(Default::default())),
                        Some(_) => serde_json::json!({ "line": line }),
                        None => Value::Object(Default::default()),
                    };
                    fields.insert("location".to_owned(), place);
                }
                for (key, v) in fields.iter_mut() {
                    if key != "location" && key != "replaced_bytes" {
                        walk(v, places);
                    }
                }
            }
            _ => {}
        }
    }
    let Value::Object(fields) = doc else { return };
    let places = match fields.remove("locations") {
        Some(Value::Array(places)) => places,
        _ => Vec::new(),
    };
    for (key, v) in fields.iter_mut() {
        if key != "replaced_bytes" {
            walk(v, &places);
        }
    }
}
