//! PDF with a text layer, as Word, WPS and LibreOffice export it and governments publish it.
//! pdfplumber (a Rust port of the Python library) gives the glyphs with their positions, the
//! fonts' ToUnicode maps and the standard Chinese CMaps applied (the Unicode ones restated first:
//! see `cmaps`), and finds tables from the
//! ruling lines; jixiao puts each cell's glyphs into its text, joins what a page break split,
//! and lays the document out as Word's text save would have it (see `flow`), so that its tables
//! go through the same pipeline as every other format. A PDF without a text layer (a scan) is
//! an error that says OCR is needed.

mod boxes;
mod cmaps;
mod cut;
mod drawn;
mod edges;
mod flow;
mod lines;
mod packed;
mod page;
mod programs;
mod repair;
mod rows;
mod runs;
mod shared;

use super::container::over_limit;
use super::source::{FileSource, UnreadFile};
use super::{Format, ReadOptions, Reader, Source, TableSink, assemble};
use crate::error::{Error, Origin, Result};
use crate::model::Document;
use lopdf::ObjectId;

pub struct PdfReader;

impl Reader for PdfReader {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn sniff(&self, bytes: &[u8]) -> bool {
        // `%PDF-1.7`: the header may follow some junk (a BOM, a mail header), within the first
        // kilobyte.
        let head = &bytes[..bytes.len().min(1024)];
        memchr::memmem::find_iter(head, b"%PDF-").any(|at| head.get(at + 5).is_some_and(u8::is_ascii_digit) && head.get(at + 6) == Some(&b'.'))
    }

    fn read(&self, bytes: &[u8], options: &ReadOptions) -> Result<Document> {
        read_pdf(Source::Bytes(bytes), None, options, None)
    }

    fn read_source(&self, source: Source<'_>, options: &ReadOptions, sink: Option<&mut dyn TableSink>) -> Result<Document> {
        read_pdf(source, None, options, sink)
    }
}

/// Reads a PDF file the read opened itself, its Type 1 font programs cut as it is read (see
/// `cut`), so that the file is never held whole; read whole when they cannot be cut.
pub(crate) fn read_file(file: UnreadFile, options: &ReadOptions, sink: Option<&mut dyn TableSink>) -> Result<Document> {
    let origin = options.origin();
    let io = |source| Error::Io { origin: origin.clone(), source };
    if file.len() > options.limits.max_bytes {
        return Err(over_limit(&origin, &format!("the PDF file's {} bytes", file.len()), options.limits.max_bytes, "max_bytes"));
    }
    let (source, cut) = read_cut_or_whole(file).map_err(io)?;
    read_pdf(Source::File(source), cut, options, sink)
}

/// The file with its Type 1 font programs cut as it is read, and the programs cut; or the file
/// read whole when none can be.
fn read_cut_or_whole(mut file: UnreadFile) -> std::io::Result<(FileSource, Option<Vec<ObjectId>>)> {
    let len = file.len();
    match cut::read_cut(file.file(), len)? {
        Some(cut::Cut { bytes, programs }) => Ok((file.read_as(bytes)?, Some(programs))),
        None => Ok((file.read_whole()?, None)),
    }
}

/// Reads a PDF; `cut` names the font programs cut from the file as it was read, if any.
fn read_pdf(source: Source<'_>, cut: Option<Vec<ObjectId>>, options: &ReadOptions, sink: Option<&mut dyn TableSink>) -> Result<Document> {
    {
        let origin = options.origin();
        // pdfplumber parses a third-party binary format: a panic in it on a malformed file is
        // that file's error, never a crash of the caller.
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pages(source, cut, options, &origin)));
        let pages = read.unwrap_or_else(|_| Err(damaged(&origin, "the PDF library failed on it")))?;
        let ruled = pages.iter().any(|p| p.items.iter().any(|i| matches!(i, page::Item::Table(_))));
        let flow = flow::arrange(pages);
        // A table handed on is written: tables go on as they are built only when all the flow's
        // tables can build fits the budget, and then each block goes to the assembler as it is
        // made, its items let go.
        let stream = crate::read::budget::fits(flow.build_bound());
        let mut feed = assemble::Feed::new(sink.filter(|_| stream), false);
        flow.blocks(&mut feed);
        match feed.document(options) {
            // Tables are found by their ruling lines: say so when there were none, since a
            // table printed without cell borders is the likely cause.
            Err(Error::Parse { origin, line, reason }) if !ruled => Err(Error::Parse {
                origin,
                line,
                reason: format!(
                    "{reason}, and no ruled table: tables are read from a PDF by their cell borders, so a table printed without them is not read (read the .docx or .xlsx it was printed from)"
                ),
            }),
            read => read,
        }
    }
}

/// Why a file whose page tree loops is not read as it is (see `repair::cut_parent_loops`).
const PAGE_TREE_LOOPS: &str = "its page tree loops (a page's /Parent chain comes back to itself)";

fn damaged(origin: &Origin, what: &str) -> Error {
    Error::Parse { origin: origin.clone(), line: None, reason: format!("a damaged PDF file: {what}") }
}

/// Every page's items, within the limits. A file that pdfplumber cannot open, or in which it
/// finds no text and no picture, is read again with its cross-reference table rebuilt (see
/// `repair`), as viewers do; the repaired read counts when it finds text or pictures.
fn pages(mut source: Source<'_>, cut: Option<Vec<ObjectId>>, options: &ReadOptions, origin: &Origin) -> Result<Vec<flow::Page>> {
    let opened = open(&mut source, cut, options, origin);
    // pdfplumber keeps what it parsed, not the bytes: a file jixiao opened itself goes now, if
    // `open` did not let it go already (the largest thing the read would hold), and is read
    // again for a repair.
    let source = source.let_go();
    let first = opened.and_then(|pdf| read_pages(pdf, options, origin));
    let repairable = match &first {
        Ok(_) => false,
        Err(Error::Parse { reason, .. }) => reason.starts_with("a damaged PDF file") || reason == "a PDF with no text on any page",
        Err(_) => false,
    };
    if !repairable {
        return first;
    }
    let bytes = match source.bytes() {
        Ok(bytes) if bytes.len() as u64 <= options.limits.max_bytes => bytes,
        _ => return first,
    };
    match repair::rebuild(&bytes).map(|fixed| pages_of(&fixed, options, origin)) {
        Some(Ok(pages)) => Ok(pages),
        // A scan that reads once repaired says so (run OCR) rather than that it is damaged.
        Some(Err(e @ Error::Parse { .. })) if e.to_string().contains("a scanned PDF") => Err(e),
        _ => first,
    }
}

fn pages_of(bytes: &[u8], options: &ReadOptions, origin: &Origin) -> Result<Vec<flow::Page>> {
    read_pages(open(&mut Source::Bytes(bytes), None, options, origin)?, options, origin)
}

/// What pdfplumber parsed: the file, or the copy made for it, whole; or that copy in runs of
/// pages (see `runs`), the first parsed and the others written, each parsed when its turn comes.
enum Parsed {
    Whole(pdfplumber::Pdf),
    Runs { first: pdfplumber::Pdf, rest: Vec<runs::Run>, extract: pdfplumber::ExtractOptions },
}

impl Parsed {
    fn page_count(&self) -> usize {
        match self {
            Parsed::Whole(pdf) => pdf.page_count(),
            Parsed::Runs { first, rest, .. } => rest.iter().fold(first.page_count(), |n, r| n.saturating_add(r.pages)),
        }
    }
}

/// A PDF as pdfplumber parsed it, with what jixiao learned of it first.
struct Opened {
    pdf: Parsed,
    /// What each page draws (see `drawn`).
    drawn: Drawn,
    /// Fonts whose codes nothing maps to text (see `cmaps`).
    unmapped: Vec<String>,
    /// The read's memory budget, in bytes, for messages.
    budget: u64,
}

/// Opens the file with pdfplumber, within the limits; what is returned holds no part of its
/// bytes. A file read with its Type 1 font programs cut (`cut`, see `cut`) is let go before
/// pdfplumber reads the copy made for it; it is read again as it is when a font needs a program
/// that was cut.
fn open(file: &mut Source<'_>, cut: Option<Vec<ObjectId>>, options: &ReadOptions, origin: &Origin) -> Result<Opened> {
    if cut.is_some() {
        if let Some(opened) = open_as(file, cut, options, origin)? {
            return Ok(opened);
        }
        file.restore().map_err(|source| Error::Io { origin: origin.clone(), source })?;
    }
    open_as(file, None, options, origin)?.ok_or_else(|| damaged(origin, "its font programs cannot be read"))
}

/// [`open`], with the file's bytes as they were read (its programs in `programs_cut` cut); None
/// when something that was cut is needed.
fn open_as(file: &mut Source<'_>, programs_cut: Option<Vec<ObjectId>>, options: &ReadOptions, origin: &Origin) -> Result<Option<Opened>> {
    let bytes = file.bytes();
    let limits = options.limits;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(over_limit(origin, &format!("the PDF file's {} bytes", bytes.len()), limits.max_bytes, "max_bytes"));
    }
    let budget = crate::read::budget::limit(&limits, bytes.len());
    // A stream is held whole once inflated, by the count here and by pdfplumber, which also
    // tokenizes it whole: one larger than the read's budget cannot be read within it.
    let max_stream = usize::try_from(limits.max_bytes.min(budget)).unwrap_or(usize::MAX);
    let extract = pdfplumber::ExtractOptions {
        // Form XObjects inside each other: pdfplumber's own bound is 10.
        max_recursion_depth: limits.max_depth.min(64),
        max_stream_bytes: max_stream,
        max_input_bytes: Some(usize::try_from(limits.max_bytes).unwrap_or(usize::MAX)),
        max_pages: Some(limits.max_entries),
        // Glyphs, lines and rectangles: several for each cell of a table, and no more than the
        // read's budget holds (pdfplumber checks this after each page; `drawn` before it).
        max_total_objects: Some(limits.max_cells.saturating_mul(64).min(usize::try_from(budget / drawn::KEPT_COST).unwrap_or(usize::MAX))),
        collect_warnings: false,
        ..pdfplumber::ExtractOptions::default()
    };
    // Fonts on the Unicode CMaps, which pdfplumber-parse 0.4 decodes as GBK, and fonts whose
    // codes nothing maps to text (see `cmaps`).
    let cmaps::Fonts { restated, unmapped } = cmaps::inspect(bytes);
    // Fonts to restate are restated in the file as it is.
    if programs_cut.is_some() && restated.is_some() {
        return Ok(None);
    }
    let read_from = restated.as_deref().unwrap_or(bytes);
    // What each page draws, charged before pdfplumber builds it, and the font programs it need
    // not read left out (see `programs`); done first, so that lopdf's copy of the file is let go
    // before pdfplumber makes its own. pdfplumber opens what was counted: the file as lopdf read
    // it here, or, when lopdf cannot, a file whose streams together fit.
    let loaded = repair::load(read_from);
    // A file cut of its programs (never encrypted) and read by lopdf as it is: lopdf's objects
    // are all the read needs of it from here on (its copy is made from them), so the file goes
    // before the pages are counted, not after.
    let released = programs_cut.is_some() && loaded.as_ref().is_some_and(|l| l.rewritten.is_none() && !programs::any_left_out(&l.doc));
    if released {
        file.release();
    }
    let read_from = restated.as_deref().unwrap_or(file.bytes());
    let (drawn, copy) = match loaded {
        // A stream cut for a program that no font names as one, or a file lopdf read whole (see
        // `programs::load`): the file is read as it is.
        Some(repair::Loaded { doc, .. }) if programs_cut.as_ref().is_some_and(|ids| !programs::cut_as_left_out(&doc, ids)) => return Ok(None),
        Some(repair::Loaded { mut doc, rewritten }) => {
            // An encrypted file opens with the empty password or not at all, as in pdfplumber;
            // it is counted decrypted and handed on as it is.
            let encrypted = doc.is_encrypted();
            if encrypted && doc.decrypt("").is_err() {
                (Drawn::Unknown, rewritten.map(Copy::Rewritten))
            } else {
                let drawn = Drawn::Pages(drawn::per_page(&doc, max_stream, extract.max_recursion_depth));
                // A loop in the page tree is cut in the copy pdfplumber reads; an encrypted file is
                // handed on as it is, so one with a loop is not read.
                let cut = repair::cut_parent_loops(&mut doc);
                if cut && encrypted {
                    return Err(damaged(origin, PAGE_TREE_LOOPS));
                }
                let lean = if encrypted {
                    None
                } else {
                    let lean = programs::leave_out_unread(&mut doc) | cut | shared::merge_repeated_fonts(&mut doc) | boxes::share_media_boxes(&mut doc);
                    // A font needs a program that was cut.
                    if programs_cut.is_some() && programs::any_left_out(&doc) {
                        return Ok(None);
                    }
                    (lean || released).then(|| lean_copy(doc, rewritten.as_deref().unwrap_or(read_from))).flatten().map(|doc| Copy::Lean(Box::new(doc)))
                };
                (drawn, lean.or(rewritten.map(Copy::Rewritten)))
            }
        }
        // What lopdf cannot read, pdfplumber may still open (it mends the pointer to the table and
        // strips a printer's page marks): every page is bounded by what all its streams draw.
        // lopdf cannot read the file with its programs cut: it is read as it is.
        None if programs_cut.is_some() => return Ok(None),
        None => {
            // Its page tree is looked at with its table rebuilt: a loop in it would hang
            // pdfplumber, and is cut when the file is read again rebuilt (see `pages`).
            if repair::rebuild(read_from).and_then(|fixed| lopdf::Document::load_mem(&fixed).ok()).is_some_and(|mut doc| repair::cut_parent_loops(&mut doc)) {
                return Err(damaged(origin, PAGE_TREE_LOOPS));
            }
            (drawn::whole_file(read_from, max_stream).map_or(Drawn::Unknown, Drawn::EachPage), None)
        }
    };
    // pdfplumber keeps what it parsed, not the bytes: when it reads a copy made for it, the file
    // and its restated copy go first (before the lean copy is written, the largest moment of the
    // read), and the copy once it is open.
    let pdf = match copy {
        Some(copy) => {
            drop(restated);
            file.release();
            match copy {
                Copy::Lean(mut doc) => match runs::split(&doc, runs::PAGES_PER_RUN) {
                    // A long document is read a run of pages at a time.
                    Some(runs) => {
                        drop(doc);
                        let mut runs = runs.into_iter();
                        let first = runs.next().ok_or_else(|| damaged(origin, "its copy in runs of pages has none"))?;
                        let pdf = pdfplumber::Pdf::open(&first.bytes, Some(extract.clone()));
                        let rest: Vec<runs::Run> = runs.collect();
                        pdf.map(|first| Parsed::Runs { first, rest, extract })
                    }
                    None => {
                        // Without its programs and repeats the file is smaller than it was:
                        // grown as it is written.
                        let mut out = Vec::new();
                        doc.save_to(&mut out).map_err(|e| damaged(origin, &format!("its copy without unread font programs cannot be written ({e})")))?;
                        drop(doc);
                        pdfplumber::Pdf::open(&out, Some(extract)).map(Parsed::Whole)
                    }
                },
                Copy::Rewritten(bytes) => pdfplumber::Pdf::open(&bytes, Some(extract)).map(Parsed::Whole),
            }
        }
        None => pdfplumber::Pdf::open(read_from, Some(extract)).map(Parsed::Whole),
    };
    let pdf = pdf.map_err(|e| pdf_error(origin, &e, options))?;
    if matches!(drawn, Drawn::Unknown) {
        return Err(damaged(
            origin,
            "what its pages draw cannot be counted before they are read (lopdf cannot read or decrypt its objects, and its streams draw forms)",
        ));
    }
    if pdf.page_count() > limits.max_entries {
        return Err(over_limit(origin, &format!("the PDF file's {} pages", pdf.page_count()), limits.max_entries, "max_entries"));
    }
    Ok(Some(Opened { pdf, drawn, unmapped, budget }))
}

/// Every page's items, read from the file `open` parsed, within the limits.
fn read_pages(opened: Opened, options: &ReadOptions, origin: &Origin) -> Result<Vec<flow::Page>> {
    let Opened { pdf, drawn, unmapped, budget } = opened;
    let mut out = Vec::with_capacity(pdf.page_count());
    let (mut chars, mut images) = (0usize, 0usize);
    let mut total_drawn = 0u64;
    let (mut pdf, mut rest, extract) = match pdf {
        Parsed::Whole(pdf) => (pdf, Vec::new().into_iter(), None),
        Parsed::Runs { first, rest, extract } => (first, rest.into_iter(), Some(extract)),
    };
    // The page's number in the document: the pages of the runs before, and its own in its run.
    let mut before = 0usize;
    loop {
        if before + pdf.page_count() == out.len() {
            let Some(run) = rest.next() else { break };
            let Some(extract) = extract.clone() else { break };
            // The run read goes before the next is parsed.
            drop(pdf);
            pdf = pdfplumber::Pdf::open(&run.bytes, Some(extract)).map_err(|e| pdf_error(origin, &e, options))?;
            before = out.len();
            if pdf.page_count() != run.pages {
                return Err(damaged(origin, &format!("its pages {}–{} do not read as {} pages", before + 1, before + run.pages, run.pages)));
            }
            continue;
        }
        let index = out.len();
        let cost = drawn.page(index);
        total_drawn = total_drawn.saturating_add(cost.objects);
        if !crate::read::budget::fits(cost.while_read()) || !crate::read::budget::charge(drawn.kept(index).kept()) {
            return Err(over_limit(
                origin,
                &format!(
                    "the glyphs and rulings the PDF's pages draw ({} on page {}, {} bytes each while it is read, and {} tokens of its content at {} bytes; {total_drawn} up to it)",
                    cost.objects,
                    index + 1,
                    drawn::OBJECT_COST,
                    cost.tokens,
                    drawn::TOKEN_COST
                ),
                format!("{budget} bytes"),
                "max_memory",
            ));
        }
        let page = pdf.page(index - before).map_err(|e| pdf_error(origin, &e, options))?;
        images += page.images().len();
        let scanned = page.chars().is_empty() && !page.images().is_empty();
        let (items, refused) = page::items(&page, index + 1, &unmapped);
        chars += page.chars().len() - refused.iter().map(|r| r.1).sum::<usize>();
        out.push(flow::Page { items, width: page.width(), height: page.height(), scanned, refused });
    }
    let refused: Vec<String> = out.iter().enumerate().filter(|(_, p)| !p.refused.is_empty()).map(|(i, p)| flow::refusal(i + 1, &p.refused)).collect();
    if chars == 0 && !refused.is_empty() {
        return Err(Error::Parse { origin: origin.clone(), line: None, reason: format!("no text can be read from this PDF: {}", refused.join("; ")) });
    }
    if chars == 0 {
        let reason = if images > 0 {
            let pages = if out.len() == 1 { "its page is an image".to_owned() } else { format!("its {} pages are images", out.len()) };
            format!("a scanned PDF: {pages}, with no text layer; run OCR on it first (for example: ocrmypdf -l chi_sim in.pdf out.pdf), then read the result")
        } else {
            "a PDF with no text on any page".to_owned()
        };
        return Err(Error::Parse { origin: origin.clone(), line: None, reason });
    }
    Ok(out)
}

/// What pdfplumber reads in place of the file.
enum Copy {
    /// The file as lopdf read it, with what reading text does not need left out (see `lean_copy`).
    Lean(Box<lopdf::Document>),
    /// The file with its header's junk cut (see `repair::load`).
    Rewritten(Vec<u8>),
}

/// The copy pdfplumber reads: `doc` (read from `bytes` by `repair::load`, its programs that are
/// not needed left out, its repeated fonts kept once, its pages' shared box said once, its page
/// tree's loops cut, its arrays unpacked); None when it cannot be made. A program the copy keeps was left out as lopdf read
/// the file (see `programs::load`): the file is read again whole for it.
fn lean_copy(mut doc: lopdf::Document, bytes: &[u8]) -> Option<lopdf::Document> {
    if programs::any_left_out(&doc) {
        doc = lopdf::Document::load_mem(bytes).ok()?;
        repair::cut_parent_loops(&mut doc);
        programs::leave_out_unread(&mut doc);
        shared::merge_repeated_fonts(&mut doc);
        boxes::share_media_boxes(&mut doc);
    }
    packed::unpack_all(&mut doc);
    Some(doc)
}

/// What the pages of a file cost to read, at most, known before pdfplumber builds them.
enum Drawn {
    /// Each page's cost, in page order.
    Pages(Vec<drawn::Cost>),
    /// One bound for every page: what all the file's streams cost.
    EachPage(drawn::Cost),
    /// Not known: the file is not read.
    Unknown,
}

impl Drawn {
    fn page(&self, index: usize) -> drawn::Cost {
        match self {
            // A page lopdf did not list is bounded by the most any page costs.
            Drawn::Pages(pages) => pages.get(index).copied().unwrap_or_else(|| pages.iter().fold(drawn::Cost::default(), |a, &b| a.max(b))),
            Drawn::EachPage(cost) => *cost,
            Drawn::Unknown => drawn::Cost::UNBOUNDED,
        }
    }

    /// What page `index` adds to what the read keeps: its cost, or all of the file's with the
    /// first page when one bound stands for every page.
    fn kept(&self, index: usize) -> drawn::Cost {
        match self {
            Drawn::EachPage(_) if index > 0 => drawn::Cost::default(),
            _ => self.page(index),
        }
    }
}

fn pdf_error(origin: &Origin, e: &pdfplumber::PdfError, options: &ReadOptions) -> Error {
    use pdfplumber::PdfErrorKind as Kind;
    match e.kind() {
        Kind::PasswordRequired | Kind::InvalidPassword => {
            Error::Parse { origin: origin.clone(), line: None, reason: "a password-protected (encrypted) PDF: save a copy without a password first".into() }
        }
        Kind::ResourceLimit => {
            let limits = options.limits;
            Error::Parse {
                origin: origin.clone(),
                line: None,
                reason: format!(
                    "the PDF file passes a limit ({e}); raise it with ReadOptions::limits (max_bytes {}, max_entries {} pages, max_depth {}, max_cells {})",
                    limits.max_bytes, limits.max_entries, limits.max_depth, limits.max_cells
                ),
            }
        }
        _ => damaged(origin, &e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, Object, ObjectId, Stream, dictionary};

    /// A Type 1 font whose program (its lengths given, as a Type 1 program's are) is `program`;
    /// with a ToUnicode map or not. The descriptor's id and the program's.
    fn font(doc: &mut lopdf::Document, to_unicode: bool, program: &[u8]) -> (ObjectId, ObjectId) {
        let program = doc.add_object(Stream::new(dictionary! { "Length1" => 4, "Length2" => 4, "Length3" => 0 }, program.to_vec()));
        let descriptor = doc.add_object(dictionary! { "Type" => "FontDescriptor", "FontFile" => program });
        let mut font = dictionary! { "Type" => "Font", "Subtype" => "Type1", "FontDescriptor" => descriptor, "Widths" => vec![Object::Integer(500)] };
        if to_unicode {
            font.set("ToUnicode", doc.add_object(Stream::new(Dictionary::new(), b"begincmap endcmap".to_vec())));
        }
        doc.add_object(font);
        (descriptor, program)
    }

    #[test]
    fn the_copy_keeps_every_program_a_font_needs_whole() {
        let mut whole = lopdf::Document::with_version("1.7");
        let (_, unread) = font(&mut whole, true, b"%!PS-AdobeFont-1.0 read without");
        let (_, needed) = font(&mut whole, false, b"%!PS-AdobeFont-1.0 needed");
        let mut bytes = Vec::new();
        whole.save_to(&mut bytes).unwrap();
        let repair::Loaded { mut doc, rewritten } = repair::load(&bytes).unwrap();
        assert!(rewritten.is_none());
        assert!(programs::leave_out_unread(&mut doc));
        let mut copy = lean_copy(doc, &bytes).unwrap();
        let mut saved = Vec::new();
        copy.save_to(&mut saved).unwrap();
        let copy = lopdf::Document::load_mem(&saved).unwrap();
        assert!(copy.get_object(unread).is_err(), "the program read without is left out");
        let kept = copy.get_object(needed).and_then(Object::as_stream).unwrap();
        assert_eq!(kept.content, b"%!PS-AdobeFont-1.0 needed", "the one a font needs is whole");
    }

    /// `bytes` as a file the read opened itself (its name gone once it is open), read as
    /// `read_file` reads it: with its programs cut, which are named.
    fn opened_file(name: &str, bytes: &[u8]) -> (Source<'static>, Option<Vec<ObjectId>>) {
        let path = std::env::temp_dir().join(format!("jixiao-pdf-{name}-{}.pdf", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        let Ok(crate::read::source::Opened::Unread(file)) = crate::read::source::open(&path, &|_| true) else { panic!("a regular file") };
        std::fs::remove_file(&path).unwrap();
        let (source, cut) = read_cut_or_whole(file).unwrap();
        (Source::File(source), cut)
    }

    #[test]
    fn a_file_whose_font_needs_a_program_that_was_cut_is_read_again_as_it_is() {
        let mut whole = lopdf::Document::with_version("1.7");
        whole.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
        // A font with no ToUnicode map is read with its program.
        font(&mut whole, false, b"%!PS-AdobeFont-1.0 needed");
        let pages = whole.new_object_id();
        let page = whole.add_object(dictionary! { "Type" => "Page", "Parent" => pages, "MediaBox" => vec![0.into(), 0.into(), 100.into(), 100.into()] });
        whole.objects.insert(pages, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }));
        let catalog = whole.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        whole.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        whole.save_to(&mut bytes).unwrap();
        let (mut source, cut) = opened_file("cut", &bytes);
        assert!(cut.is_some() && source.bytes().len() < bytes.len(), "cut as it was read");
        let (options, origin) = (ReadOptions::default(), Origin::default());
        assert!(open_as(&mut source, cut.clone(), &options, &origin).unwrap().is_none(), "the program was cut, and the font needs it");
        assert!(open(&mut source, cut, &options, &origin).is_ok());
        assert_eq!(source.bytes(), &bytes[..], "read again as it is");
    }

    #[test]
    fn a_file_lopdf_reads_whole_for_a_stream_that_only_looks_like_a_program_is_read_again_as_it_is() {
        use super::cut::tests::{handmade, stream};
        // Font F1 needs its program (no ToUnicode map), which is cut; stream 8 has a program's
        // lengths but is none, and is not cut (its length is a reference), so lopdf reads the
        // cut file whole, where the cut program looks empty, not left out.
        let program = [&b"%!PS-AdobeFont-1.0: Foo\n/Encoding 256 array\ndup 65 /B put\nreadonly def\ncurrentfile eexec\n"[..], &[0x80; 200]].concat();
        let objects = [
            (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
            (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>".to_vec()),
            (3, b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec()),
            (4, stream("", b"BT /F1 12 Tf 72 700 Td (AABB) Tj ET")),
            (5, b"<< /Type /Font /Subtype /Type1 /BaseFont /Foo /FirstChar 65 /LastChar 66 /Widths [600 600] /FontDescriptor 6 0 R >>".to_vec()),
            (6, b"<< /Type /FontDescriptor /FontName /Foo /Flags 32 /FontFile 7 0 R >>".to_vec()),
            (7, stream(&format!("/Length1 {} /Length2 200 /Length3 0", program.len() - 200), &program)),
            (8, b"<< /Length 9 0 R /Length1 3 /Length2 0 /Length3 0 >>\nstream\nabc\nendstream".to_vec()),
            (9, b"3".to_vec()),
        ];
        let bytes = handmade(&objects, &|_, _| None);
        let (mut source, cut) = opened_file("orphan", &bytes);
        assert!(cut.is_some() && source.bytes().len() < bytes.len(), "the program was cut");
        let (options, origin) = (ReadOptions::default(), Origin::default());
        assert!(open_as(&mut source, cut, &options, &origin).unwrap().is_none(), "what was cut is needed");
    }

    #[test]
    fn a_stream_with_a_programs_lengths_that_no_font_names_is_read() {
        let mut whole = lopdf::Document::with_version("1.7");
        let content = whole.add_object(Stream::new(dictionary! { "Length1" => 1, "Length2" => 1 }, b"0 0 10 10 re f".to_vec()));
        let mut bytes = Vec::new();
        whole.save_to(&mut bytes).unwrap();
        let doc = programs::load(&bytes).unwrap();
        assert_eq!(doc.get_object(content).and_then(Object::as_stream).unwrap().content, b"0 0 10 10 re f");
    }
}
