//! Remembered answers for labels: a document repeats its header and category labels in every
//! table, and folding a label to its key costs more than looking the answer up.

use std::cell::RefCell;
use std::collections::BTreeMap;

/// Labels longer than this are not remembered: they are prose, met once.
const LONGEST_REMEMBERED: usize = 128;

/// Answers remembered at most; then the memo starts again, so that memory stays bounded
/// whatever a batch of documents holds.
const MOST_REMEMBERED: usize = 4096;

/// One thread's memo of a pure function of a label (used through `thread_local!`).
/// A B-tree, not a hash map: no hashing of hostile labels, and allocations valgrind sees whole.
pub(crate) struct Memo<T: Copy>(RefCell<BTreeMap<Box<str>, T>>);

impl<T: Copy> Default for Memo<T> {
    fn default() -> Self {
        Memo(RefCell::new(BTreeMap::new()))
    }
}

impl<T: Copy> Memo<T> {
    /// `f(label)`, from memory when this thread has seen the label before.
    pub(crate) fn get(&self, label: &str, f: impl FnOnce(&str) -> T) -> T {
        if label.len() > LONGEST_REMEMBERED {
            return f(label);
        }
        if let Some(v) = self.0.borrow().get(label) {
            return *v;
        }
        let v = f(label);
        let mut map = self.0.borrow_mut();
        if map.len() >= MOST_REMEMBERED {
            map.clear();
        }
        map.insert(label.into(), v);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_and_stays_bounded() {
        let memo = Memo::default();
        let calls = std::cell::Cell::new(0);
        let len = |s: &str| {
            calls.set(calls.get() + 1);
            s.len()
        };
        assert_eq!(memo.get("一级指标", len), 12);
        assert_eq!(memo.get("一级指标", len), 12);
        assert_eq!(calls.get(), 1);
        for i in 0..MOST_REMEMBERED + 10 {
            memo.get(&i.to_string(), len);
        }
        assert!(memo.0.borrow().len() <= MOST_REMEMBERED);
        let long = "长".repeat(100);
        assert_eq!(memo.get(&long, len), 300);
        assert!(!memo.0.borrow().contains_key(long.as_str()));
    }
}
