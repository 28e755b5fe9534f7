//! JSON of schema version 1, as the last version-1 release wrote it (tests/data/v1), reads as
//! the same model as the file it was written from, each node with its own location: a `line`
//! that indexed `locations` becomes the place it stood for, and a text save's stays its line.

mod common;

use jixiao::{Format, Location, ReadOptions};

fn read_v1(name: &str) -> jixiao::Document {
    let bytes = std::fs::read(common::data_dir().join("v1").join(name)).unwrap();
    let options = ReadOptions { format: Format::Json, ..ReadOptions::default() };
    jixiao::parse_bytes(&bytes, &options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn version_1_json_reads_as_the_file_it_was_written_from() {
    for (json, source) in [
        ("000_3e963503b18f6771.json", "000_3e963503b18f6771.docx"),
        ("sheets-features.json", "sheets-features.xlsx"),
        ("selfeval-2023.json", "selfeval-2023.txt"),
    ] {
        let old = read_v1(json);
        let now = jixiao::open(common::data_dir().join(source), &ReadOptions::default()).unwrap();
        assert_eq!(old.schema_version, jixiao::SCHEMA_VERSION, "{json}");
        assert_eq!(old, now, "{json} against {source}");
        // Not a vacuous equality: every node has a place, of the kind its format gives.
        let places = common::places(&old);
        assert!(places.len() > 10 && places.iter().all(|p| *p != Location::default()), "{json}: {places:?}");
    }
}

#[test]
fn places_are_those_of_the_format() {
    let docx = read_v1("000_3e963503b18f6771.json");
    let (_, first) = docx.tables().next().unwrap();
    let (_, _, indicator) = first.indicators().next().unwrap();
    assert_eq!((indicator.location.table(), indicator.location.column(), indicator.location.line_number()), (Some(1), Some(1), None));
    let book = read_v1("sheets-features.json");
    let (_, first) = book.tables().next().unwrap();
    assert!(first.indicators().all(|(_, _, i)| i.location.sheet().is_some() && i.location.cell_name().is_some()));
    let text = read_v1("selfeval-2023.json");
    assert!(common::places(&text).iter().all(|p| p.line_number().is_some() && p.sheet().is_none() && p.table().is_none()));
}

#[test]
fn version_2_json_reads_back_and_is_written_without_locations() {
    let doc = jixiao::open(common::data_dir().join("000_3e963503b18f6771.docx"), &ReadOptions::default()).unwrap();
    let json = jixiao::write::json::to_string(&doc, false).unwrap();
    assert!(json.starts_with("{\"schema_version\":2,") && !json.contains("\"locations\"") && !json.contains("\"line\":"), "{}", &json[..200]);
    assert_eq!(jixiao::write::json::from_str(&json).unwrap(), doc);
    // Without its version, version-2 JSON is still read as version 2: its locations stay.
    let unversioned = json.replacen("\"schema_version\":2,", "", 1);
    let options = ReadOptions { format: Format::Json, ..ReadOptions::default() };
    assert_eq!(jixiao::parse_str(&unversioned, &options).unwrap(), doc);
}
