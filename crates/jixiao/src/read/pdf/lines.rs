//! Characters into lines of text, and lines into paragraphs: a PDF has no words or paragraphs,
//! only glyphs at positions. Glyphs are grouped into lines by their vertical centre and put in
//! reading order by x (content streams draw them in any order: LibreOffice draws quotes last);
//! a line that wraps (the next line's first glyph would not have fitted after its last) is
//! joined to the next without a space between Chinese characters.

use pdfplumber::{BBox, Char};

/// A line of text on a page, with what wrapping needs to know about it.
#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    pub bottom: f64,
    /// Font size of the line's glyphs (the largest).
    pub size: f64,
    /// Width of what cannot be parted from its first glyph (see [`leading_run`]): what would
    /// have had to fit at the end of the line before.
    pub first_width: f64,
    /// The 1-based page it is on (set by the page that reads it).
    pub page: usize,
}

/// The chars `inside` keeps, as lines from top to bottom.
pub fn lines<'a>(chars: impl Iterator<Item = &'a Char>) -> Vec<Line> {
    let mut chars: Vec<&Char> = chars.filter(|c| !c.text.is_empty()).collect();
    chars.sort_by(|a, b| centre(&a.bbox).total_cmp(&centre(&b.bbox)));
    // Lines by vertical centre: a glyph within half its size of a line's centre belongs to it.
    let mut groups: Vec<(f64, Vec<&Char>)> = Vec::new();
    for c in chars {
        let y = centre(&c.bbox);
        let tolerance = c.size.max(1.0) * 0.5;
        match groups.last_mut() {
            Some((cy, g)) if (y - *cy).abs() <= tolerance => g.push(c),
            _ => groups.push((y, vec![c])),
        }
    }
    groups.into_iter().map(|(_, g)| line(g)).collect()
}

fn centre(b: &BBox) -> f64 {
    (b.top + b.bottom) / 2.0
}

fn line(mut chars: Vec<&Char>) -> Line {
    chars.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
    // The line's extent counts every glyph drawn, a fake-bold copy too.
    let x0 = chars.iter().map(|c| c.bbox.x0).fold(f64::INFINITY, f64::min);
    let x1 = chars.iter().map(|c| c.bbox.x1).fold(f64::NEG_INFINITY, f64::max);
    let top = chars.iter().map(|c| c.bbox.top).fold(f64::INFINITY, f64::min);
    let bottom = chars.iter().map(|c| c.bbox.bottom).fold(f64::NEG_INFINITY, f64::max);
    let size = chars.iter().map(|c| c.size).fold(0.0, f64::max);
    // The same glyph drawn again over itself (fake bold) is one character.
    chars.dedup_by(|c, p| p.text == c.text && (p.bbox.x0 - c.bbox.x0).abs() < 0.5 && (p.bbox.top - c.bbox.top).abs() < 0.5);
    let mut text = String::new();
    for (i, c) in chars.iter().enumerate() {
        // A gap wider than half a glyph, with no space glyph, is a space.
        if let Some(p) = i.checked_sub(1).map(|j| chars[j])
            && c.bbox.x0 - p.bbox.x1 > 0.5 * c.size.max(p.size)
            && p.text != " "
            && c.text != " "
        {
            text.push(' ');
        }
        text.push_str(&c.text);
    }
    let run = leading_run(&chars);
    let first = run.last().zip(run.first()).map_or(0.0, |(l, f)| l.bbox.x1 - f.bbox.x0);
    Line { text, x0, x1, top, bottom, size, first_width: first, page: 0 }
}

/// Opening marks, which never end a line: they go down with the character after them.
const OPENING: &str = "（(［[｛{〔【《〈「『“‘";
/// Closing marks and sentence punctuation, which never begin a line: the character before them
/// goes down with them.
const CLOSING: &str = "）)］]｝}〕】》〉」』”’，,。.、；;：:？?！!…—～%％";

/// The glyphs at the start of a line that a line break cannot part (Chinese line-breaking rules
/// and Latin words): opening marks, then a Latin word or number or one character, then closing
/// marks. A line wrapped when all of them would not have fitted at the end of the line before.
fn leading_run<'a>(chars: &[&'a Char]) -> Vec<&'a Char> {
    let is = |c: &Char, set: &str| c.text.chars().next().is_some_and(|ch| set.contains(ch));
    let word = |c: &Char| c.text.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '.' || ch == ',');
    let mut i = 0;
    while i < chars.len() && is(chars[i], OPENING) {
        i += 1;
    }
    if i < chars.len() && word(chars[i]) {
        while i < chars.len() && word(chars[i]) {
            i += 1;
        }
    } else {
        i += 1;
    }
    while i < chars.len() && is(chars[i], CLOSING) {
        i += 1;
    }
    chars[..i.min(chars.len())].to_vec()
}

/// Whether `line` wraps into `next` when text may run up to `right`: the next line's first glyph
/// would not have fitted after the line's last.
pub fn wraps(line: &Line, next: &Line, right: f64) -> bool {
    line.reach().wraps(&next.reach(), right)
}

/// What a join over a page break needs of a line: where it ends, the width of its first run
/// (see [`Line::first_width`]) and its font size. A cell keeps this of its first and last
/// line, not the line, since pages are held until the last one is read.
#[derive(Debug, Clone, Copy)]
pub struct Reach {
    pub x1: f64,
    pub first_width: f64,
    pub size: f64,
}

impl Reach {
    /// Whether the line that `next` begins would not have fitted after this one (see [`wraps`]).
    pub fn wraps(&self, next: &Reach, right: f64) -> bool {
        self.x1 + next.first_width > right + 0.5
    }
}

impl Line {
    pub fn reach(&self) -> Reach {
        Reach { x1: self.x1, first_width: self.first_width, size: self.size }
    }
}

/// Appends the continuation of a wrapped line: directly after a Chinese character or
/// punctuation, with a space between two Latin words or numbers.
pub fn join_wrapped(text: &mut String, next: &str) {
    let before = text.trim_end().chars().next_back();
    let after = next.trim_start().chars().next();
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    if latin(before) && latin(after) {
        text.push(' ');
    }
    text.push_str(next.trim_start());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_join_without_spaces_in_chinese() {
        let mut t = "可持续性影".to_owned();
        join_wrapped(&mut t, "响指标");
        assert_eq!(t, "可持续性影响指标");
        let mut t = "补助1007".to_owned();
        join_wrapped(&mut t, "家庭户");
        assert_eq!(t, "补助1007家庭户");
        let mut t = "annual ".to_owned();
        join_wrapped(&mut t, "report");
        assert_eq!(t, "annual report");
    }
}
