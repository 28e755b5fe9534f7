//! jixiao's JSON of every schema version this build reads, as the current model.

use super::{Document, SCHEMA_VERSION};

/// A document from jixiao's JSON of version 1 or 2 (or of no stated version); the model is
/// the current version's, whatever the JSON's was. A version newer than this build knows is
/// read as far as serde can, with its number kept, for the caller to refuse.
pub fn document_from_json(bytes: &[u8]) -> serde_json::Result<Document> {
    // jixiao writes the version first: then the JSON is parsed once. Else its version is looked
    // up through the whole of it first.
    let version = match leading_version(bytes) {
        Some(v) => Some(v),
        None => serde_json::from_slice::<Version>(bytes)?.schema_version,
    };
    match version {
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

/// The version when it is the object's first field, as jixiao writes it (pretty or compact).
fn leading_version(bytes: &[u8]) -> Option<u32> {
    let rest = bytes.trim_ascii_start().strip_prefix(b"{")?.trim_ascii_start();
    let rest = rest.strip_prefix(b"\"schema_version\"")?.trim_ascii_start().strip_prefix(b":")?.trim_ascii_start();
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let after = rest.get(digits..)?.trim_ascii_start();
    if digits == 0 || !(after.starts_with(b",") || after.starts_with(b"}")) {
        return None;
    }
    std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()
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

#[cfg(test)]
mod tests {
    use super::leading_version;

    #[test]
    fn the_version_jixiao_writes_first_is_read_without_parsing_the_rest() {
        assert_eq!(leading_version(b"{\"schema_version\":2,\"title\":\"\"}"), Some(2));
        assert_eq!(leading_version(b"\n{\n  \"schema_version\": 1,\n  \"title\": \"\""), Some(1));
        assert_eq!(leading_version(b"{\"title\":\"\",\"schema_version\":2}"), None);
        assert_eq!(leading_version(b"{\"schema_version\":2.5,"), None);
        assert_eq!(leading_version(b"{\"schema_version\":\"2\","), None);
    }
}
