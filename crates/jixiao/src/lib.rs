//! jixiao (绩效): Chinese budget performance-target documents (部门预算绩效信息, 绩效目标表)
//! as one typed model, read from Word files, spreadsheets and Word's text saves, written back as
//! JSON, CSV, text and .xlsx, and reviewed ([`review()`]) as a finance bureau does.
//!
//! ```
//! let bytes = std::fs::read("../../tests/data/000_3e963503b18f6771.txt").unwrap();
//! let doc = jixiao::parse_bytes(&bytes, &jixiao::ReadOptions::default()).unwrap();
//! assert_eq!(doc.year, Some(2020));
//! let json = jixiao::write::json::to_string(&doc, true).unwrap();
//! assert!(json.contains("\"schema_version\": 2"));
//! ```

pub mod error;
pub mod grammar;
pub mod model;
pub mod read;
pub mod review;
pub mod schema;
pub mod score;
pub mod write;

pub use error::{Error, Result};
pub use model::*;
pub use read::{Encoding, EncodingErrors, Format, Limits, ReadOptions, TableSink, open, open_to, parse_bytes, parse_bytes_to, parse_str};
pub use review::{Finding, ReviewConfig, Severity, review};
pub use score::{ScoreReport, ScoringRules, score};

/// The README's Rust examples, run as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeExamples;
