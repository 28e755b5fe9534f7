//! What the two Word readers (.docx and old binary .doc) share beyond the block stream.

/// A TC field goes into the paragraph as Word's text save writes it (` TC 标题 \f B \l 1 `), so
/// that the title it follows keeps its table-of-contents entry; other fields leave only their
/// result.
pub fn tc_field(text: &mut String, instr: &str) {
    let trimmed = instr.trim_start();
    if trimmed.starts_with("TC ") || trimmed == "TC" {
        if !text.ends_with(' ') {
            text.push(' ');
        }
        text.push_str(trimmed.trim_end());
        text.push(' ');
    }
}
