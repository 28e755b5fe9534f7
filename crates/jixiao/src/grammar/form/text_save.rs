//! Word's plain-text save, as jixiao reads and writes it: each table cell is a line that starts
//! with a TAB, a cell's further paragraph is a line without one after a blank line, rows are
//! separated by blank lines.

use super::titles::{part_heading, table_title};

/// Marks a line to be read as the plain text it is (a note, or the title at the top), never as
/// a part heading, table title or cell: how the text writer keeps a note that says
/// `第五部分 …` or `1、…绩效目标表` a note. A zero-width no-break space, which Word does not
/// put at the start of a line; it is not part of the text read.
pub const LITERAL_MARK: char = '\u{FEFF}';

/// Whether a line written as is would be read as something other than plain text.
pub fn needs_literal_mark(line: &str) -> bool {
    line.starts_with(['\t', LITERAL_MARK, '\u{c}', ' ', '\u{3000}']) || part_heading(line).is_some() || table_title(line).is_some()
}

/// A table cell as Word's text save writes it, a line at a time: its first paragraph after a
/// TAB, each further paragraph after a blank line, a line for each of its line breaks.
pub fn cell_lines(paragraphs: impl IntoIterator<Item = String>, mut line: impl FnMut(String)) {
    let mut paragraphs = paragraphs.into_iter();
    line(format!("\t{}", paragraphs.next().unwrap_or_default()));
    for p in paragraphs {
        line(String::new());
        for l in p.split('\n') {
            line(l.to_owned());
        }
    }
}
