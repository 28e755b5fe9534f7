//! Text → meaning: width folding, category labels, header labels and the 指标值 grammar.
//! Pure functions of their input, shared by every reader.

pub mod amount;
pub mod date;
pub mod fold;
pub mod form;
mod ideographs;
pub mod labels;
pub(crate) mod memo;
pub mod target;
pub(crate) mod units;

/// Whether a text is empty or white space only (`s.trim().is_empty()`), decided by the first
/// byte for the usual cell that starts with a letter, digit or CJK character.
pub fn is_blank(s: &str) -> bool {
    match s.as_bytes().first() {
        None => true,
        Some(b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') => s.chars().all(char::is_whitespace),
        Some(b) if b.is_ascii() => false,
        _ => s.chars().all(char::is_whitespace),
    }
}

/// Whether `word` stands in `s` at character index `at`.
pub(crate) fn starts_with_at(s: &[char], at: usize, word: &str) -> bool {
    let rest = s.get(at..).unwrap_or_default();
    word.chars().enumerate().all(|(k, w)| rest.get(k) == Some(&w))
}

/// The longest of `words` that stands in `s` at character index `at`, with its value.
pub(crate) fn longest_at<'w, T>(s: &[char], at: usize, words: impl IntoIterator<Item = (&'w str, T)>) -> Option<(&'w str, T)> {
    words.into_iter().filter(|(w, _)| starts_with_at(s, at, w)).max_by_key(|(w, _)| w.chars().count())
}

/// A word list indexed by first character, for lists scanned at many positions (units,
/// comparators): only the words that can start at a position are tried there. Built once, in
/// a `LazyLock` static.
pub(crate) struct Words<T: 'static> {
    /// Each first character with its words, sorted by the character.
    by_first: Vec<(char, Vec<(&'static str, T)>)>,
}

impl<T: Copy> Words<T> {
    pub(crate) fn new(words: &'static [(&'static str, T)]) -> Self {
        let mut by_first: Vec<(char, Vec<(&'static str, T)>)> = Vec::new();
        for &(w, v) in words {
            let Some(c) = w.chars().next() else { continue };
            match by_first.binary_search_by_key(&c, |(k, _)| *k) {
                Ok(i) => by_first[i].1.push((w, v)),
                Err(i) => by_first.insert(i, (c, vec![(w, v)])),
            }
        }
        Words { by_first }
    }

    /// The words that start with `c`.
    pub(crate) fn starting_with(&self, c: char) -> &[(&'static str, T)] {
        self.by_first.binary_search_by_key(&c, |(k, _)| *k).map_or(&[], |i| self.by_first[i].1.as_slice())
    }

    /// The longest word at `s[at..]`, as [`longest_at`] gives it.
    pub(crate) fn longest_at(&self, s: &[char], at: usize) -> Option<(&'static str, T)> {
        longest_at(s, at, self.starting_with(*s.get(at)?).iter().copied())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn blank_is_trimmed_empty() {
        for s in ["", " ", "\t\n", "\u{3000}", "\u{a0}\u{2003}", "a", " a", "中", "\u{3000}中", "\u{feff}", "\u{85}", "\u{b}"] {
            assert_eq!(super::is_blank(s), s.trim().is_empty(), "{s:?}");
        }
    }

    #[test]
    fn starts_with_at_needs_the_whole_word() {
        let s: Vec<char> = "≥90%以内".chars().collect();
        assert!(super::starts_with_at(&s, 4, "以内"));
        assert!(!super::starts_with_at(&s, 5, "内容"));
        assert!(!super::starts_with_at(&s, 9, "x"));
        assert!(super::starts_with_at(&s, 0, ""));
    }

    #[test]
    fn longest_at_prefers_the_longer_word() {
        let s: Vec<char> = "个工作日".chars().collect();
        let words = [("个", 1), ("个工作日", 2), ("工作日", 3)];
        assert_eq!(super::longest_at(&s, 0, words), Some(("个工作日", 2)));
        assert_eq!(super::longest_at(&s, 1, words), Some(("工作日", 3)));
        assert_eq!(super::longest_at(&s, 4, words), None);
    }
}
