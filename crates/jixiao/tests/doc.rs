//! Old binary Word files: the sample as LibreOffice saves it in Word 97 format (.doc), and the
//! messy sample the same way (tracked insertions and deletions, list-numbered titles, fields over
//! several runs), read to the indicators of the text save, cell for cell; the Word features the
//! sample lacks read as from the .docx, every line placed as in the .docx; damaged, encrypted, too old and oversized files are clear
//! errors. The fixtures are made by tests/data/published/make-fixtures.sh.

mod common;

use std::io::{Cursor, Read, Write};

use jixiao::*;

fn path(name: &str) -> std::path::PathBuf {
    common::data_dir().join("published").join(name)
}

fn open(name: &str) -> Document {
    jixiao::open(path(name), &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn tocs(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> =
        doc.overview.iter().flat_map(|o| o.toc.iter().chain(o.subheadings.iter().filter_map(|h| h.toc.as_ref()))).map(|t| t.text.clone()).collect();
    for s in &doc.sections {
        out.extend(s.toc.iter().chain(s.tables.iter().filter_map(|t| t.toc.as_ref())).map(|t| t.text.clone()));
    }
    out
}

#[test]
fn the_sample_from_its_doc_reads_as_its_text_save() {
    let text = common::sample();
    for name in ["000_3e963503b18f6771.doc", "000_3e963503b18f6771-messy.doc"] {
        let doc = open(name);
        assert_eq!(common::indicators(&doc).len(), 115, "{name}");
        assert_eq!(common::indicators(&doc), common::indicators(&text), "{name}");
        // Titles, parts, the part-1 text and notes: the whole model but the TC switches
        // (LibreOffice rewrites a TC field when it saves a .doc: `TC "分项绩效目标" \l 2` for
        // `TC 分项绩效目标 \f A \l 1`), whose text [`tocs`] compares.
        assert_eq!(common::without_lines_or_tocs(&doc), common::without_lines_or_tocs(&text), "{name}");
        assert_eq!(tocs(&doc), tocs(&text), "{name}: every TC entry, with its text");
        assert!(!tocs(&doc).is_empty());
        // Every indicator says where it is in the file: a table cell; every title, a paragraph.
        for (_, t) in doc.tables() {
            for (_, _, i) in t.indicators() {
                let at = i.location.clone();
                assert!(at.table().is_some() && at.row().is_some() && at.column().is_some(), "{name}: {} at {at}", i.name);
            }
            assert!(t.location.paragraph_number().is_some(), "{name}: the title is a paragraph");
        }
    }
    let doc = open("000_3e963503b18f6771.doc");
    let (_, first) = doc.tables().next().unwrap();
    let (_, _, ind) = first.indicators().next().unwrap();
    assert_eq!(ind.location.to_string(), "table 1, row 3, column 1", "as in the .docx");
}

#[test]
fn features_the_sample_lacks_read_as_from_the_docx() {
    let doc = open("docx-features.doc");
    let docx = jixiao::open(common::data_dir().join("docx-features.docx"), &ReadOptions::default()).unwrap();
    assert_eq!((doc.title.as_str(), doc.year), ("2023年部门预算绩效信息", Some(2023)));
    let s = &doc.sections[0];
    assert_eq!((s.number, s.heading.as_str()), (Some(2), "第二部分  专项资金绩效目标"), "numbered by a Chinese list of the table stream");
    let t = &s.tables[0];
    assert_eq!((t.number, t.title.as_str()), (Some(1), "1、就业补助资金绩效目标表"), "the 1、 comes from the list");
    assert_eq!(t.toc.as_ref().map(|t| t.text.as_str()), Some("就业补助资金绩效目标表"));
    assert_eq!(t.objective.as_deref(), Some("完成培训任务。"));
    assert_eq!(common::indicators(&doc), common::indicators(&docx), "line breaks and tabs in cells, a vertically merged 一级 cell, full-width signs");
    // The nested table is kept as a note at its cell; the footer paragraph too, with the page
    // number LibreOffice gave the PAGE field when it saved (the .docx holds Word's 3).
    let notes: Vec<(String, &str)> = doc.notes.iter().map(|n| (n.location.to_string(), n.text.as_str())).collect();
    assert_eq!(notes, [("table 1, row 4, column 3".to_owned(), "附表\t细目"), ("paragraph 4".to_owned(), "第1页")]);
}

#[test]
fn every_line_is_placed_as_in_the_docx_in_grid_columns() {
    // A cell's column is the grid column its left edge opens, from the table definitions of the
    // rows (each sample table's 年度目标 row has a cell over five grid columns); the .docx counts
    // gridSpan. Every cell and paragraph of each file: the same place.
    for (doc, docx) in [("000_3e963503b18f6771.doc", "000_3e963503b18f6771.docx"), ("docx-features.doc", "docx-features.docx")] {
        let docx = jixiao::open(common::data_dir().join(docx), &ReadOptions::default()).unwrap();
        let doc = open(doc);
        let (doc_places, docx_places) = (common::places(&doc), common::places(&docx));
        assert!(docx_places.len() > 10, "{}", docx_places.len());
        assert_eq!(doc_places, docx_places);
    }
    // Each indicator row of the sample's first table starts at column 1 of its own row.
    let doc = open("000_3e963503b18f6771.doc");
    let (_, first) = doc.tables().next().unwrap();
    let rows: Vec<_> = first.indicators().map(|(_, _, i)| (i.location.table(), i.location.column())).collect();
    assert!(rows.len() >= 3 && rows.iter().all(|&r| r == (Some(1), Some(1))), "{rows:?}");
}

#[test]
fn word_files_are_told_from_their_content() {
    let bytes = std::fs::read(path("000_3e963503b18f6771.doc")).unwrap();
    assert_eq!(jixiao::read::detect(&bytes, &ReadOptions::default()), Format::Doc);
    assert_eq!(Format::from_name("doc"), Some(Format::Doc));
    assert_eq!(Format::from_name("WPS"), Some(Format::Doc));
    assert_eq!(Format::Doc.as_str(), "doc");
    // Asked for by name, it reads the same.
    let named = parse_bytes(&bytes, &ReadOptions { format: Format::Doc, ..Default::default() }).unwrap();
    assert_eq!(named.indicator_count(), 115);
}

/// The compound file of `name` with its WordDocument stream changed by `change`.
fn with_word_stream(name: &str, change: impl Fn(&mut Vec<u8>)) -> Vec<u8> {
    let bytes = std::fs::read(path(name)).unwrap();
    let mut from = cfb::CompoundFile::open(Cursor::new(bytes)).unwrap();
    let mut to = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    let entries: Vec<(String, bool)> = from.walk().filter(|e| !e.is_root()).map(|e| (e.path().to_string_lossy().into_owned(), e.is_stream())).collect();
    for (p, is_stream) in entries {
        if !is_stream {
            to.create_storage(&p).unwrap();
            continue;
        }
        let mut data = Vec::new();
        from.open_stream(&p).unwrap().read_to_end(&mut data).unwrap();
        if p == "/WordDocument" {
            change(&mut data);
        }
        to.create_stream(&p).unwrap().write_all(&data).unwrap();
    }
    to.flush().unwrap();
    to.into_inner().into_inner()
}

fn error(bytes: &[u8], limits: Limits) -> String {
    let options = ReadOptions { path: Some("budget.doc".into()), limits, ..Default::default() };
    parse_bytes(bytes, &options).map(|d| format!("read: {} indicators", d.indicator_count())).unwrap_or_else(|e| e.to_string())
}

#[test]
fn damaged_encrypted_old_and_oversized_files_are_clear_errors() {
    let defaults = Limits::default();
    // The copy itself still reads: the changes below are what the errors are about.
    assert_eq!(error(&with_word_stream("docx-features.doc", |_| {}), defaults), "read: 3 indicators");
    let encrypted = with_word_stream("docx-features.doc", |w| w[0x0B] |= 0x01);
    let e = error(&encrypted, defaults);
    assert!(e.contains("budget.doc") && e.contains("password-protected"), "{e}");
    let word95 = with_word_stream("docx-features.doc", |w| w[2..4].copy_from_slice(&0x0068u16.to_le_bytes()));
    let e = error(&word95, defaults);
    assert!(e.contains("Word 6 or Word 95") && e.contains(".docx"), "{e}");
    let not_word = with_word_stream("docx-features.doc", |w| w[0] = 0);
    assert!(error(&not_word, defaults).contains("signature"), "{}", error(&not_word, defaults));
    // The piece table pointing past the table stream, and text pieces past the WordDocument stream.
    let clx_away = with_word_stream("docx-features.doc", |w| w[0x1A2..0x1A6].copy_from_slice(&u32::MAX.to_le_bytes()));
    let e = error(&clx_away, defaults);
    assert!(e.contains("damaged Word .doc") && e.contains("piece table"), "{e}");
    let cut = with_word_stream("docx-features.doc", |w| w.truncate(1024));
    let e = error(&cut, defaults);
    assert!(e.contains("damaged Word .doc") && e.contains("outside the WordDocument stream"), "{e}");
    // Limits: the streams' size, and the cells.
    let e = error(&std::fs::read(path("000_3e963503b18f6771.doc")).unwrap(), Limits { max_bytes: 100_000, ..defaults });
    assert!(e.contains("max_bytes"), "{e}");
    let e = error(&std::fs::read(path("000_3e963503b18f6771.doc")).unwrap(), Limits { max_cells: 100, ..defaults });
    assert!(e.contains("max_cells"), "{e}");
    // A compound file that only names a WordDocument stream is a damaged .doc, never a panic.
    let mut fake = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    fake.extend(std::iter::repeat_n(0u8, 504));
    fake.extend("WordDocument".bytes().flat_map(|b| [b, 0]));
    fake.extend([0, 0]); // a directory entry: at a multiple of 128, the name ended by a zero unit
    let e = error(&fake, defaults);
    assert!(e.contains("damaged Word .doc"), "{e}");
}

#[test]
fn every_truncation_and_byte_flip_of_a_doc_is_an_answer_not_a_panic() {
    let bytes = std::fs::read(path("docx-features.doc")).unwrap();
    for cut in (0..bytes.len()).step_by(97) {
        let _ = parse_bytes(&bytes[..cut], &ReadOptions::default());
    }
    let word = with_word_stream("docx-features.doc", |_| {});
    for at in (0..word.len()).step_by(13) {
        let mut flipped = word.clone();
        flipped[at] ^= 0xFF;
        let _ = parse_bytes(&flipped, &ReadOptions::default());
    }
}

// ---- issue 27, second probe: compound files built by hand against the .doc reader ----

/// A compound file as its sectors: read and changed through the header's own fields.
struct Cfb(Vec<u8>);

const FREE: u32 = 0xFFFF_FFFF;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;

impl Cfb {
    fn u32(&self, at: usize) -> u32 {
        u32::from_le_bytes(self.0[at..at + 4].try_into().unwrap())
    }
    fn set(&mut self, at: usize, v: u32) {
        self.0[at..at + 4].copy_from_slice(&v.to_le_bytes());
    }
    fn sector_size(&self) -> usize {
        1 << u16::from_le_bytes([self.0[30], self.0[31]])
    }
    fn sector(&self, i: u32) -> usize {
        (i as usize + 1) * self.sector_size()
    }
    /// Where FAT entry `i` is (the FAT sectors the header's DIFAT names, in order).
    fn fat_entry(&self, i: u32) -> usize {
        let per = self.sector_size() / 4;
        let fat_sector = self.u32(76 + 4 * (i as usize / per));
        self.sector(fat_sector) + 4 * (i as usize % per)
    }
    /// Where directory entry `name` is (in the directory's first sector).
    fn entry(&self, name: &str) -> usize {
        let dir = self.sector(self.u32(48));
        let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        (0..self.sector_size() / 128).map(|k| dir + 128 * k).find(|&at| self.0[at..].starts_with(&utf16)).unwrap_or_else(|| panic!("no entry {name}"))
    }
}

/// What the reader answers: an error or a result, within seconds, never a panic.
fn answer_within(what: &str, bytes: &[u8]) -> String {
    let started = std::time::Instant::now();
    let answer = std::panic::catch_unwind(|| error(bytes, Limits::default())).unwrap_or_else(|_| panic!("{what}: a panic"));
    assert!(started.elapsed().as_secs() < 10, "{what}: {:?}", started.elapsed());
    answer
}

#[test]
fn compound_files_built_against_the_reader_answer_cleanly() {
    let base = Cfb(with_word_stream("docx-features.doc", |_| {}));
    assert_eq!(answer_within("as made", &base.0), "read: 3 indicators");
    let word = base.entry("WordDocument");
    let table = base.entry("1Table");
    let root = base.entry("Root Entry");
    let word_start = base.u32(word + 116);
    let dir_start = base.u32(48);
    let mut cases: Vec<(&str, Cfb)> = Vec::new();
    let mut case = |what: &'static str, change: &dyn Fn(&mut Cfb)| {
        let mut c = Cfb(base.0.clone());
        change(&mut c);
        cases.push((what, c));
    };
    case("a FAT loop in a stream", &|c| {
        let at = c.fat_entry(word_start);
        c.set(at, word_start)
    });
    case("a FAT loop in the directory", &|c| {
        let at = c.fat_entry(dir_start);
        c.set(at, dir_start)
    });
    case("a FAT entry past the file", &|c| {
        let at = c.fat_entry(word_start);
        c.set(at, 0x00FF_FFF0)
    });
    case("a stream starting past the file", &|c| c.set(word + 116, 0x00FF_FFF0));
    case("a stream longer than its chain", &|c| c.set(word + 120, 0x7FFF_FFF0));
    case("two streams on one chain (overlapping)", &|c| {
        let (s, n) = (c.u32(word + 116), c.u32(word + 120));
        c.set(table + 116, s);
        c.set(table + 120, n.min(4096));
    });
    case("a directory that names itself as its child", &|c| c.set(root + 76, 0));
    case("an entry that is its own sibling", &|c| {
        let me = ((word - c.sector(dir_start)) / 128) as u32;
        c.set(word + 68, me);
        c.set(word + 72, me);
    });
    case("a DIFAT sector that points to itself", &|c| {
        c.set(68, 0);
        c.set(72, 1);
    });
    case("a mini FAT that loops", &|c| {
        let mini = c.u32(60);
        if mini < END_OF_CHAIN {
            let at = c.sector(mini);
            c.set(at, 0);
        }
        // A small stream in the mini stream: the table stream cut to fit.
        c.set(table + 120, 64);
        c.set(table + 116, 0);
    });
    case("a mini FAT chain past the mini stream", &|c| {
        c.set(table + 120, 64);
        c.set(table + 116, 0x00FF_FFF0);
    });
    case("every FAT entry free", &|c| {
        for i in 0..64 {
            let at = c.fat_entry(i);
            c.set(at, FREE);
        }
    });
    for (what, c) in &cases {
        let answer = answer_within(what, &c.0);
        // Each of these is damaged past reading: a clear error naming the file.
        assert!(answer.starts_with("budget.doc: a damaged Word .doc file: ") || answer.contains("max_bytes"), "{what}: {answer}");
    }
}
