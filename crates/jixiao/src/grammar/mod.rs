//! Text → meaning: width folding, category labels, header labels and the 指标值 grammar.
//! Pure functions of their input, shared by every reader.

pub mod fold;
pub mod labels;
pub mod target;
mod units;
