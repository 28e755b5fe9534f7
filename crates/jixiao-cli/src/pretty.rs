//! A pretty JSON object of arrays (`{"findings": [...]}`, `{"tables": [...], "findings": [...]}`)
//! written an item at a time, byte for byte as serde_json's pretty printer writes the whole: a
//! batch's report of every input need not be held to be written as one object.

use std::io::{self, Write};

use serde::Serialize;

/// Where the object stands: nothing written yet, or inside array `items` long.
#[derive(Default)]
pub struct PrettyArrays {
    keys: usize,
    items: usize,
}

impl PrettyArrays {
    /// Starts the array named `key` (plain ASCII), closing the one before it.
    pub fn key(&mut self, out: &mut dyn Write, key: &str) -> io::Result<()> {
        if self.keys == 0 {
            out.write_all(b"{\n")?;
        } else {
            self.close(out)?;
            out.write_all(b",\n")?;
        }
        write!(out, "  \"{key}\": ")?;
        self.keys += 1;
        self.items = 0;
        Ok(())
    }

    /// One item of the current array, indented as it stands in the object.
    pub fn item(&mut self, out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
        out.write_all(if self.items == 0 { b"[\n" } else { b",\n" })?;
        let text = serde_json::to_string_pretty(value)?;
        // A JSON string holds no raw line break, so every line of the text is a line of layout.
        for (k, line) in text.split('\n').enumerate() {
            if k > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(b"    ")?;
            out.write_all(line.as_bytes())?;
        }
        self.items += 1;
        Ok(())
    }

    fn close(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.items == 0 { b"[]" } else { b"\n  ]" })
    }

    /// Closes the last array and the object.
    pub fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        if self.keys == 0 {
            return out.write_all(b"{}");
        }
        self.close(out)?;
        out.write_all(b"\n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_item_by_item_it_is_serde_jsons_pretty_text() {
        let a = serde_json::json!({"name": "补助", "list": [1, {"x": null}], "empty": [], "map": {}});
        let b = serde_json::json!({"name": "a\nb \"q\""});
        for (tables, findings) in [(vec![], vec![]), (vec![&a], vec![]), (vec![&a, &b], vec![&b]), (vec![], vec![&a, &a])] {
            let mut out = Vec::new();
            let mut object = PrettyArrays::default();
            object.key(&mut out, "tables").unwrap();
            tables.iter().for_each(|t| object.item(&mut out, t).unwrap());
            object.key(&mut out, "findings").unwrap();
            findings.iter().for_each(|f| object.item(&mut out, f).unwrap());
            object.finish(&mut out).unwrap();
            #[derive(Serialize)]
            struct Whole<'a> {
                tables: &'a [&'a serde_json::Value],
                findings: &'a [&'a serde_json::Value],
            }
            let whole = serde_json::to_string_pretty(&Whole { tables: &tables, findings: &findings }).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole);
        }
    }
}
