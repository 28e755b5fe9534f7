//! The C ABI of jixiao. Thin: every function reads or converts what the core holds; no logic
//! lives here that the core should own. Conventions are in the header's preamble (cbindgen.toml).
#![allow(non_camel_case_types)]
#![allow(clippy::missing_safety_doc)] // the safety contract of every export is in jixiao.h

mod boundary;
mod codes;
mod document;
mod flat;
mod indicators;
mod names;
mod overview;
mod review;
mod score;
mod strings;
mod tables;
mod target;
mod tree;
mod types;

pub use boundary::{jx_last_error, jx_last_error_line, jx_status};
pub use document::*;
pub use indicators::*;
pub use overview::*;
pub use review::*;
pub use score::*;
pub use strings::*;
pub use tables::*;
pub use target::*;
pub use tree::*;
pub use types::*;
