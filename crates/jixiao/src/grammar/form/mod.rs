//! The form's grammar: what part headings, table titles, TC fields, sheet names and the
//! department-wide part's subsections look like, and the conventions of Word's text save that
//! jixiao reads and writes. Shared by the readers and the writers, so that neither imports the
//! other.

pub mod cells;
pub mod columns;
pub mod either_or;
pub mod funds;
pub mod info;
pub mod overview;
pub mod records;
pub mod sheets;
pub mod text_save;
pub mod titles;

pub use sheets::{names_sheet, sheet_kind, sheet_safe, sheet_table_name};
pub use text_save::{LITERAL_MARK, cell_lines, needs_literal_mark};
pub use titles::{
    TableTitle, caption_title, is_overview_heading, numeral, part_heading, section_kind, split_toc, table_title, text_title, title_gives_name, toc_text,
    year_of,
};
