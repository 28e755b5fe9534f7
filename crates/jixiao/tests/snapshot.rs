//! The sample's JSON, reviewed once and kept: any change to what the reader produces shows up
//! as a diff to review (`cargo insta review`).

mod common;

#[test]
fn sample_json() {
    insta::assert_json_snapshot!("sample", common::sample());
}

#[test]
fn sample_csv_head() {
    let csv = jixiao::write::csv::to_string(&common::sample(), false);
    let head: Vec<&str> = csv.lines().take(4).collect();
    insta::assert_snapshot!("sample_csv_head", head.join("\n"));
    assert_eq!(csv.matches("\r\n").count(), 116, "a header and one row per indicator (cells keep their own LF)");
    assert!(jixiao::write::csv::to_string(&common::sample(), true).starts_with('\u{FEFF}'));
}
