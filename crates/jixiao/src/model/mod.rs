//! The typed model: one tree for every layout and every reader. Every node keeps the 1-based
//! source `line` it came from; content no rule could place is kept in [`Document::notes`].

mod category;
mod document;
mod overview;
mod section;
mod target;

pub use category::{Category, Indicator, Level1, Level2, SubCategory};
pub use document::{Document, Note, SCHEMA_VERSION};
pub use overview::{Goal, GoalItem, Overview, Responsibility, Safeguard, Subheading};
pub use section::{Section, SectionKind, Table, Toc};
pub use target::{Comparator, Direction, Target, TargetKind, TargetPart, UnitKind};
