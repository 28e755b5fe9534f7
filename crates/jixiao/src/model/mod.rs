//! The typed model: one tree for every layout and every reader. Every node keeps the 1-based
//! source `line` it came from (for Word files and spreadsheets, an index into
//! [`Document::locations`], which says the table cell, paragraph or `sheet!cell`); content no rule
//! could place is kept in [`Document::notes`].

mod category;
mod document;
mod funds;
mod location;
mod overview;
mod section;
mod sink;
mod table;
mod target;

pub use category::{Category, Indicator, Level1, Level2, Likelihood, Midterm, SubCategory};
pub use document::{Document, Note, ReplacedBytes, SCHEMA_VERSION};
pub use funds::{Amount, Funds, FundsRow};
pub use location::{Location, column_name};
pub use overview::{Goal, GoalItem, Overview, Responsibility, Safeguard, Subheading};
pub use section::{Section, SectionKind, Toc};
pub use sink::TableSink;
pub use table::{Duty, Remark, Subtotal, Table, TableKind};
pub use target::{Comparator, Date, Direction, Target, TargetKind, TargetPart, UnitKind};
