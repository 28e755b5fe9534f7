//! jixiao's own page ends with the notes of the document it was drawn from, in a block
//! (`<details class="jx-notes">`) whose heading counts them and whose items each show the place
//! in the first file (`<span class="jx-at">`). Read back, each item is a note again, with neither
//! the heading nor the place as its text: otherwise every round trip through the page would add
//! a note and lengthen the others.
//!
//! Only what is exactly jixiao's is left out: a heading or a place that reads as anything else
//! is kept as text where it stands.

/// The classes of jixiao's page that mark its notes block and an item's place.
pub const NOTES_CLASS: &str = "jx-notes";
pub const PLACE_CLASS: &str = "jx-at";

/// Whether a `class` attribute's value lists `class`.
pub fn has_class(value: &str, class: &str) -> bool {
    value.split_ascii_whitespace().any(|c| c == class)
}

/// Whether a notes block's heading is the one jixiao's page gives it: its words in either
/// language, then the count in brackets (`未能归位的内容（附注） (5)`).
pub fn is_notes_heading(text: &str) -> bool {
    ["未能归位的内容（附注）", "Content not placed (notes)"].iter().any(|words| {
        text.trim()
            .strip_prefix(words)
            .and_then(|rest| rest.trim().strip_prefix('('))
            .and_then(|rest| rest.strip_suffix(')'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Whether text is a place as jixiao prints one (`Location`'s display): `line 12`,
/// `paragraph 17`, `专项1!C7`, `sheet 专项1`, `table 3, row 4, column 2`, any of them after
/// `page 5, `, or `unknown place`.
pub fn is_place(text: &str) -> bool {
    let text = text.trim();
    let rest = match numbered(text, "page ") {
        Some("") => return true,
        Some(rest) => match rest.strip_prefix(", ") {
            Some(rest) => rest,
            None => return false,
        },
        None => text,
    };
    if rest == "unknown place" || rest.strip_prefix("sheet ").is_some_and(|s| !s.is_empty()) {
        return true;
    }
    if let Some(tail) = numbered(rest, "line ").or_else(|| numbered(rest, "paragraph ")) {
        return tail.is_empty();
    }
    if let Some(tail) = numbered(rest, "table ") {
        let tail = match tail.strip_prefix(", ").and_then(|t| numbered(t, "row ")) {
            Some(after_row) => after_row,
            None => tail,
        };
        return match tail.strip_prefix(", ") {
            Some(t) => numbered(t, "column ") == Some(""),
            None => tail.is_empty(),
        };
    }
    rest.rsplit_once('!').is_some_and(|(sheet, cell)| !sheet.is_empty() && is_cell_address(cell))
}

/// What follows `word` and the digits after it, when `text` starts so.
fn numbered<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let rest = text.strip_prefix(word)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0).then(|| &rest[digits..])
}

/// `C7`, `AA1`: column letters, then a row number.
fn is_cell_address(cell: &str) -> bool {
    let letters = cell.bytes().take_while(u8::is_ascii_uppercase).count();
    letters > 0 && cell.len() > letters && cell.bytes().skip(letters).all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Location;

    #[test]
    fn every_place_jixiao_prints_is_a_place() {
        let places = [
            Location::line(12),
            Location::paragraph(17),
            Location::cell("专项1", 6, 2),
            Location::cell("S", 0, 26),
            Location::table_cell(3, 4, 2),
            Location::table_cell(3, 4, 2).on_page(5),
            Location::paragraph(17).on_page(2),
            Location::default(),
        ];
        for place in places {
            assert!(is_place(&place.to_string()), "{place}");
        }
    }

    #[test]
    fn words_are_no_place() {
        for text in ["line", "line 4 more", "第4行", "table 3, row", "Sheet1!c7", "!C7", "page 2 and", "2021年计划", "lines 4"] {
            assert!(!is_place(text), "{text}");
        }
    }

    #[test]
    fn only_jixiaos_heading_is_its_heading() {
        assert!(is_notes_heading("未能归位的内容（附注） (5)"));
        assert!(is_notes_heading("Content not placed (notes) (12)"));
        for text in ["未能归位的内容（附注）", "未能归位的内容（附注） (五)", "附注 (5)", "未能归位的内容（附注） (5) 另有说明"]
        {
            assert!(!is_notes_heading(text), "{text}");
        }
    }
}
