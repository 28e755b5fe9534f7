//! Text → meaning: width folding, category labels, header labels and the 指标值 grammar.
//! Pure functions of their input, shared by every reader.

pub mod fold;
pub mod labels;
pub mod target;
mod units;

/// Whether `word` stands in `s` at character index `at`.
pub(crate) fn starts_with_at(s: &[char], at: usize, word: &str) -> bool {
    let rest = s.get(at..).unwrap_or_default();
    word.chars().enumerate().all(|(k, w)| rest.get(k) == Some(&w))
}

#[cfg(test)]
mod tests {
    #[test]
    fn starts_with_at_needs_the_whole_word() {
        let s: Vec<char> = "≥90%以内".chars().collect();
        assert!(super::starts_with_at(&s, 4, "以内"));
        assert!(!super::starts_with_at(&s, 5, "内容"));
        assert!(!super::starts_with_at(&s, 9, "x"));
        assert!(super::starts_with_at(&s, 0, ""));
    }
}
