//! The `ALL` lists name every value the schema allows, in the JSON spelling.

use jixiao::*;

fn schema_values(def: &str) -> Vec<String> {
    let schema = jixiao::schema::schema();
    let mut v: Vec<String> = schema["$defs"][def]["oneOf"].as_array().unwrap().iter().map(|x| x["const"].as_str().unwrap().to_owned()).collect();
    v.sort();
    v
}

fn sorted(v: impl Iterator<Item = &'static str>) -> Vec<String> {
    let mut v: Vec<String> = v.map(String::from).collect();
    v.sort();
    v
}

#[test]
fn all_lists_match_the_schema() {
    assert_eq!(sorted(Level1::ALL.iter().map(|x| x.as_str())), schema_values("Level1"));
    assert_eq!(sorted(Level2::ALL.iter().map(|x| x.as_str())), schema_values("Level2"));
    assert_eq!(sorted(SectionKind::ALL.iter().map(|x| x.as_str())), schema_values("SectionKind"));
    assert_eq!(sorted(TargetKind::ALL.iter().map(|x| x.as_str())), schema_values("TargetKind"));
    assert_eq!(sorted(Comparator::ALL.iter().map(|x| x.as_str())), schema_values("Comparator"));
    assert_eq!(sorted(UnitKind::ALL.iter().map(|x| x.as_str())), schema_values("UnitKind"));
    assert_eq!(sorted(Direction::ALL.iter().map(|x| x.as_str())), schema_values("Direction"));
}

#[test]
fn review_and_score_lists_match_their_schemas() {
    let values = |schema: serde_json::Value, def: &str| {
        let mut v: Vec<String> = schema["$defs"][def]["oneOf"].as_array().unwrap().iter().map(|x| x["const"].as_str().unwrap().to_owned()).collect();
        v.sort();
        v
    };
    use jixiao::score::{Band, ScoreRule};
    assert_eq!(sorted(Severity::ALL.iter().map(|x| x.as_str())), values(jixiao::schema::findings_schema(), "Severity"));
    assert_eq!(sorted(ScoreRule::ALL.iter().map(|x| x.as_str())), values(jixiao::schema::score_schema(), "ScoreRule"));
    assert_eq!(sorted(Band::ALL.iter().map(|x| x.as_str())), values(jixiao::schema::score_schema(), "Band"));
}
