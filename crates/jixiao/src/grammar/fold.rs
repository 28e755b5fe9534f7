//! Width folding with an explicit table. NFKC is not used: it would also turn `①` into `1`
//! and `㎡` into `m2`, which changes what the author wrote.

/// Folds one character: full-width ASCII forms to ASCII, the ideographic space to a space,
/// and the comparator and dash variants found in budget tables to one form each.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        '≧' | '⩾' => '≥',
        '≦' | '⩽' => '≤',
        '═' | '〓' => '=',
        '〜' | '∼' => '~',
        '—' | '–' | '‒' | '−' | '‐' | '﹣' | '─' => '-',
        '﹪' => '%',
        _ => c,
    }
}

/// Folds a string character by character (one character in, one out).
pub fn fold(s: &str) -> String {
    // No fold lengthens a character's UTF-8: one allocation, not one per doubling.
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().map(fold_char));
    out
}

/// Folds and removes every white-space character: the key labels are compared by.
pub fn squeeze(s: &str) -> String {
    // As in `fold`: one allocation.
    let mut out = String::with_capacity(s.len());
    out.extend(squeezed(s));
    out
}

/// [`squeeze`] as an iterator, to compare without allocating.
pub fn squeezed(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().map(fold_char).filter(|c| !c.is_whitespace())
}

/// Whether two labels are the same once squeezed.
pub fn same_squeezed(a: &str, b: &str) -> bool {
    a == b || squeezed(a).eq(squeezed(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_forms_and_keeps_circled_digits() {
        assert_eq!(fold("＞＝９０％"), ">=90%");
        assert_eq!(fold("≧１，５００人"), "≥1,500人");
        assert_eq!(fold("①"), "①");
        assert_eq!(squeeze(" 产出　指标 "), "产出指标");
    }
}
