//! The committed schemas are what the model generates, and every document (and every review
//! finding) validates against them.

mod common;

use std::path::PathBuf;

fn committed_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../include").join(name)
}

fn assert_committed(name: &str, generated: &str) {
    let path = committed_path(name);
    if std::env::var_os("JIXIAO_BLESS").is_some() {
        std::fs::write(&path, generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "include/{name} differs from the model: run `make schema` and commit the result");
}

#[test]
fn committed_schema_has_not_drifted() {
    assert_committed("jixiao.schema.json", &jixiao::schema::schema_json());
}

#[test]
fn committed_findings_schema_has_not_drifted() {
    assert_committed("jixiao.findings.schema.json", &jixiao::schema::findings_schema_json());
}

#[test]
fn committed_score_schema_has_not_drifted() {
    assert_committed("jixiao.score.schema.json", &jixiao::schema::score_schema_json());
}

#[test]
fn every_score_report_of_the_corpus_validates() {
    let validator = jsonschema::validator_for(&jixiao::schema::score_schema()).expect("the schema is valid");
    let mut tables = 0;
    for (name, doc) in common::corpus() {
        let report = jixiao::score(&doc, &jixiao::ScoringRules::default());
        tables += report.tables.len();
        let json: serde_json::Value = serde_json::from_str(&jixiao::write::score::to_json(&report, false).unwrap()).unwrap();
        let errors: Vec<String> = validator.iter_errors(&json).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    assert!(tables >= 6, "{tables}");
    assert!(!validator.is_valid(&serde_json::json!({"tables": [{"total": "high"}], "findings": []})));
}

#[test]
fn every_finding_of_the_corpus_validates() {
    let schema = jixiao::schema::findings_schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let validator = jsonschema::validator_for(&schema).expect("the schema is valid");
    let mut config = jixiao::ReviewConfig::new();
    config.set("missing-sign", jixiao::review::Level::Info).unwrap();
    let mut findings = Vec::new();
    for (name, doc) in common::corpus() {
        findings.extend(jixiao::review(&doc, &config).into_iter().map(|mut f| {
            f.file = Some(name.clone());
            f
        }));
    }
    assert!(findings.len() > 100);
    let json: serde_json::Value = serde_json::from_str(&jixiao::write::findings::to_json(&findings, false).unwrap()).unwrap();
    let errors: Vec<String> = validator.iter_errors(&json).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let bad = serde_json::json!({"findings": [{"rule": "x", "severity": "fatal"}]});
    assert!(!validator.is_valid(&bad));
}

#[test]
fn schema_is_draft_2020_12_with_a_description_everywhere() {
    let schema = jixiao::schema::schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    fn walk(v: &serde_json::Value, path: &str, missing: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                    for (name, prop) in props {
                        if prop.get("description").is_none() {
                            missing.push(format!("{path}.{name}"));
                        }
                    }
                }
                if let Some(serde_json::Value::Array(variants)) = map.get("oneOf") {
                    for variant in variants {
                        if variant.get("const").is_some() && variant.get("description").is_none() {
                            missing.push(format!("{path}: {}", variant["const"]));
                        }
                    }
                }
                for (k, child) in map {
                    walk(child, &format!("{path}/{k}"), missing);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, path, missing)),
            _ => {}
        }
    }
    let mut missing = Vec::new();
    walk(&schema, "", &mut missing);
    assert!(missing.is_empty(), "fields without a description: {missing:?}");
    // Every target kind and comparator is in the schema.
    let text = schema.to_string();
    for name in ["quantity", "range", "compound", "qualitative", "as_actual", "empty", "ge", "gt", "eq", "le", "lt"] {
        assert!(text.contains(&format!("\"const\":\"{name}\"")), "{name}");
    }
}

#[test]
fn every_document_in_tests_data_validates() {
    let schema = jixiao::schema::schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema is valid");
    let corpus = common::corpus();
    assert!(!corpus.is_empty());
    for (name, doc) in corpus {
        let json: serde_json::Value = serde_json::from_str(&jixiao::write::json::to_string(&doc, false).unwrap()).unwrap();
        let errors: Vec<String> = validator.iter_errors(&json).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    // And the validator does reject what is wrong.
    let bad = serde_json::json!({"schema_version": 1, "title": 3, "year": null, "overview": null, "sections": [], "notes": []});
    assert!(!validator.is_valid(&bad));
}
