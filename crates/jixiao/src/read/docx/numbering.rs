//! Automatic list numbering (numbering.xml): a title whose `1、` Word draws from a list is still
//! numbered 1. Counters run per abstract list and level, as Word counts them.

use std::collections::HashMap;

use crate::read::xml::{Xml, XmlError, XmlReader, attr};

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Numbering {
    /// numId → abstractNumId.
    nums: HashMap<String, String>,
    /// (abstractNumId, ilvl) → level.
    levels: HashMap<(String, u32), Level>,
    /// (abstractNumId, ilvl) → the last number given.
    counters: HashMap<(String, u32), u32>,
    /// numId → the levels it restarts and at what (`w:lvlOverride` / `w:startOverride`), applied
    /// when the list is first used: Word's "restart numbering at 1".
    overrides: HashMap<String, Vec<(u32, u32)>>,
    /// (abstractNumId, ilvl) → the number a restarted level starts at.
    starts: HashMap<(String, u32), u32>,
}

/// Word's list levels: 0 to 8.
const MAX_LEVEL: u32 = 8;

impl Numbering {
    pub fn parse(xml: &str, max_depth: usize) -> Result<Self, XmlError> {
        let mut n = Numbering::default();
        let mut r = XmlReader::new(xml, max_depth);
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<(u32, Level)> = None;
        let mut override_level: Option<u32> = None;
        while let Some(e) = r.next()? {
            match e {
                Xml::Start(name, a) => match &*name {
                    "abstractNum" => abstract_id = attr(&a, "abstractNumId").map(str::to_owned),
                    "num" => num_id = attr(&a, "numId").map(str::to_owned),
                    "abstractNumId" => {
                        if let (Some(num), Some(v)) = (&num_id, attr(&a, "val")) {
                            n.nums.insert(num.clone(), v.to_owned());
                        }
                    }
                    "lvlOverride" if num_id.is_some() => override_level = attr(&a, "ilvl").and_then(|v| v.parse::<u32>().ok()).filter(|l| *l <= MAX_LEVEL),
                    "startOverride" => {
                        if let (Some(num), Some(l), Some(v)) = (&num_id, override_level, attr(&a, "val").and_then(|v| v.parse().ok())) {
                            n.overrides.entry(num.clone()).or_default().push((l, v));
                        }
                    }
                    "lvl" if abstract_id.is_some() => {
                        let ilvl = attr(&a, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((ilvl, Level { start: 1, format: "decimal".into(), text: String::new() }));
                    }
                    "start" => {
                        if let Some((_, l)) = &mut level {
                            l.start = attr(&a, "val").and_then(|v| v.parse().ok()).unwrap_or(1);
                        }
                    }
                    "numFmt" => {
                        if let Some((_, l)) = &mut level {
                            l.format = attr(&a, "val").unwrap_or("decimal").to_owned();
                        }
                    }
                    "lvlText" => {
                        if let Some((_, l)) = &mut level {
                            l.text = level_text(attr(&a, "val").unwrap_or_default());
                        }
                    }
                    _ => {}
                },
                Xml::End(name) => match &*name {
                    "lvl" => {
                        if let (Some(id), Some((ilvl, l))) = (&abstract_id, level.take())
                            && ilvl <= MAX_LEVEL
                        {
                            n.levels.insert((id.clone(), ilvl), l);
                        }
                    }
                    "abstractNum" => abstract_id = None,
                    "num" => num_id = None,
                    "lvlOverride" => override_level = None,
                    _ => {}
                },
                Xml::Text(_) => {}
            }
        }
        Ok(n)
    }

    /// Makes list `num_id` an instance of `abstract_id` (for lists not read from numbering.xml:
    /// an old .doc's list overrides and lists).
    pub fn define_list(&mut self, num_id: String, abstract_id: String) {
        self.nums.insert(num_id, abstract_id);
    }

    /// Defines level `ilvl` of `abstract_id`: its first number, its format as numbering.xml names
    /// it (`decimal`, `chineseCounting`) and its text, `%1` standing for level 1's number.
    pub fn define_level(&mut self, abstract_id: String, ilvl: u32, start: u32, format: &str, text: String) {
        self.levels.insert((abstract_id, ilvl), Level { start, format: format.to_owned(), text: level_text(&text) });
    }

    /// The most bytes a label can take: its level's template, with each `%N` as a number in the
    /// longest format (a u32 in Chinese counting, 20 characters: 60 bytes; 64 counted).
    pub fn max_label_bytes(&self) -> u64 {
        self.levels.values().map(|l| (l.text.len() + 64 * l.text.matches('%').count()) as u64).max().unwrap_or(0)
    }

    /// The label Word draws before a paragraph of list `num_id` at level `ilvl` (`1、`, `（二）`),
    /// counting it; None for no list, a bullet, or a level with no text.
    pub fn label(&mut self, num_id: &str, ilvl: u32) -> Option<String> {
        let ilvl = ilvl.min(MAX_LEVEL);
        let abs = self.nums.get(num_id)?.clone();
        // A list that restarts levels does so when it is first used.
        for (l, start) in self.overrides.remove(num_id).unwrap_or_default() {
            self.counters.remove(&(abs.clone(), l));
            self.starts.insert((abs.clone(), l), start);
        }
        let level = self.levels.get(&(abs.clone(), ilvl))?.clone();
        let start = |s: &Self, l: u32, level: &Level| s.starts.get(&(abs.clone(), l)).copied().unwrap_or(level.start);
        let next = match self.counters.get(&(abs.clone(), ilvl)) {
            Some(n) => n.saturating_add(1),
            None => start(self, ilvl, &level),
        };
        self.counters.insert((abs.clone(), ilvl), next);
        // A deeper level starts again under a new item.
        self.counters.retain(|(a, l), _| *a != abs || *l <= ilvl);
        if level.format == "bullet" || level.format == "none" || level.text.is_empty() {
            return None;
        }
        let mut out = level.text.clone();
        for k in 0..=ilvl {
            let pattern = format!("%{}", k + 1);
            if !out.contains(&pattern) {
                continue;
            }
            let l = self.levels.get(&(abs.clone(), k)).cloned().unwrap_or_default();
            let value = self.counters.get(&(abs.clone(), k)).copied().unwrap_or_else(|| start(self, k, &l));
            out = out.replace(&pattern, &render(value, &l.format));
        }
        Some(out)
    }
}

/// A level's text as the label's template, at most 255 characters (Word's own bound): each
/// `%N` in it becomes a number, so a longer one would only multiply what a hostile file asks.
fn level_text(text: &str) -> String {
    text.chars().take(255).collect()
}

const CHINESE: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// A number in one of Word's list formats.
fn render(n: u32, format: &str) -> String {
    match format {
        "chineseCounting" | "chineseCountingThousand" | "chineseLegalSimplified" | "ideographTraditional" | "taiwaneseCounting" => chinese(n),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map(String::from).unwrap_or_else(|| n.to_string())
        }
        // A, …, Z, AA, …: a letter repeated once more for each 26, while that stays a label.
        "upperLetter" | "lowerLetter" if (1..=26 * 8).contains(&n) => {
            let c = (b'A' + ((n - 1) % 26) as u8) as char;
            let s = c.to_string().repeat(((n - 1) / 26 + 1) as usize);
            if format == "lowerLetter" { s.to_lowercase() } else { s }
        }
        "upperRoman" | "lowerRoman" if (1..4000).contains(&n) => {
            let s = roman(n);
            if format == "lowerRoman" { s.to_lowercase() } else { s }
        }
        "decimalZero" if n < 10 => format!("0{n}"),
        _ => n.to_string(),
    }
}

fn chinese(n: u32) -> String {
    match n {
        0..=9 => CHINESE[n as usize].to_owned(),
        10..=19 => format!("十{}", if n == 10 { "" } else { CHINESE[(n - 10) as usize] }),
        20..=99 => format!("{}十{}", CHINESE[(n / 10) as usize], if n % 10 == 0 { "" } else { CHINESE[(n % 10) as usize] }),
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    let table =
        [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_like_word() {
        let xml = r#"<w:numbering xmlns:w="x">
          <w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
        </w:numbering>"#;
        let mut n = Numbering::parse(xml, 50).unwrap();
        assert_eq!(n.label("5", 0).as_deref(), Some("1、"));
        assert_eq!(n.label("5", 1).as_deref(), Some("（一）"));
        assert_eq!(n.label("5", 1).as_deref(), Some("（二）"));
        assert_eq!(n.label("5", 0).as_deref(), Some("2、"));
        assert_eq!(n.label("5", 1).as_deref(), Some("（一）"), "a deeper level starts again");
        assert_eq!(n.label("9", 0), None);
        assert_eq!(n.label("5", u32::MAX).as_deref(), None, "a level past Word's nine is the last (level 8, none here), at once");
        assert_eq!(render(12, "chineseCounting"), "十二");
        assert_eq!(render(3, "decimalEnclosedCircle"), "③");
        assert_eq!((render(28, "upperLetter"), render(14, "lowerRoman")), ("BB".to_owned(), "xiv".to_owned()));
        // Numbers a hostile file starts a list at stay numbers, not millions of letters.
        assert_eq!(render(u32::MAX, "upperLetter"), u32::MAX.to_string());
        assert_eq!(render(u32::MAX, "upperRoman"), u32::MAX.to_string());
        let mut n = Numbering::default();
        n.define_list("1".into(), "a".into());
        n.define_level("a".into(), 0, u32::MAX - 1, "upperRoman", "%1".repeat(10_000));
        assert!(n.label("1", 0).is_some_and(|l| l.len() < 255 * 10), "the template is cut to 255 characters");
    }
}
