//! The typed model: one tree for every layout and every reader. Every node keeps its own
//! [`Location`]: the line of a text save, the `sheet!cell` of a spreadsheet, the table cell or
//! paragraph of a Word file, with the page of a PDF; content no rule could place is kept in
//! [`Document::notes`].

mod category;
mod document;
mod funds;
mod location;
mod overview;
mod places;
mod section;
mod sink;
mod table;
mod target;
mod version;

pub use category::{Category, Indicator, Level1, Level2, Likelihood, Midterm, SubCategory};
pub use document::{Document, Note, ReplacedBytes, SCHEMA_VERSION};
pub use funds::{Amount, Funds, FundsRow};
pub use location::{Location, LocationParts, column_name};
pub use overview::{Goal, GoalItem, Overview, Responsibility, Safeguard, Subheading};
pub use places::Places;
pub use section::{Section, SectionKind, Toc};
pub use sink::TableSink;
pub use table::{Duty, Remark, Subtotal, Table, TableKind};
pub use target::{Comparator, Date, Direction, Target, TargetKind, TargetPart, UnitKind};
pub use version::document_from_json;
