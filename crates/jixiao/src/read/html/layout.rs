//! An HTML page in document order → the block stream, each block with its place: a paragraph,
//! a table's rows of cells with their grid columns and spans, as the .docx reader lays out a
//! Word file.
//!
//! - A table whose cells hold tables is layout, not data: its cells are read as paragraphs and
//!   the tables inside them as tables (the real table inside a page's frame of layout tables).
//! - `rowspan`: the rows it covers get an empty cell in its place, as a vertically merged cell
//!   reads in Word; `colspan`: one cell spanning its grid columns.
//! - White space collapses as a browser shows it; a line break of the source between two CJK
//!   characters is dropped, as it shows (Word's pages wrap their source inside Chinese words).
//! - The title of a table is the text before it that reads as a title, a title row at its top,
//!   its `<caption>`, or else the heading or short paragraph right before it.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use crate::error::{Origin, Result};
use crate::grammar::form::table_title;
use crate::model::Location;
use crate::read::blocks::{Block, Layout, Role};
use crate::read::container::{Limits, count_cell, over_limit};

/// The page as blocks, and the pages it shows.
#[derive(Debug, Default)]
pub struct Page {
    pub layout: Layout<'static>,
    /// The pages its `<frame>`s and `<iframe>`s show (Excel saves a workbook as a frameset
    /// with a page per sheet, `book.files/sheet001.htm`).
    pub frames: Vec<String>,
}

/// Elements whose content never shows; `del` is a tracked deletion (Word's pages write one so),
/// left out as the .docx reader leaves deletions out.
const HIDDEN: &[&str] = &["head", "script", "style", "template", "noscript", "title", "comment", "xml", "del"];

/// Whether an element's content does not show: a hidden element, the `hidden` attribute, or a
/// style attribute saying `display:none`, `visibility:hidden` or Word's `mso-hide:all`.
fn hidden(e: &scraper::node::Element) -> bool {
    if HIDDEN.contains(&e.name()) || e.attr("hidden").is_some() || (e.name() == "input" && e.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("hidden"))) {
        return true;
    }
    e.attr("style").is_some_and(|style| {
        style.split(';').any(|decl| {
            let Some((key, value)) = decl.split_once(':') else { return false };
            let value = value.trim().trim_end_matches("!important").trim().to_ascii_lowercase();
            match key.trim().to_ascii_lowercase().as_str() {
                "display" => value == "none",
                "visibility" => value == "hidden" || value == "collapse",
                "mso-hide" => value == "all",
                _ => false,
            }
        })
    })
}

/// What a form control shows as text: an `<input>`'s value (not a check box's or a button's
/// image), a `<select>`'s selected option (or its first); None for other elements.
fn control_text(node: &NodeRef<'_, Node>) -> Option<String> {
    let Node::Element(e) = node.value() else { return None };
    match e.name() {
        "input" => {
            let kind = e.attr("type").unwrap_or("text").to_ascii_lowercase();
            if matches!(kind.as_str(), "checkbox" | "radio" | "image" | "file" | "password" | "hidden") {
                return Some(String::new());
            }
            Some(e.attr("value").unwrap_or_default().to_owned())
        }
        "select" => {
            let options: Vec<NodeRef<'_, Node>> = node.descendants().filter(|d| is_element(d, "option")).collect();
            let chosen = options.iter().find(|o| matches!(o.value(), Node::Element(e) if e.attr("selected").is_some())).or(options.first());
            Some(chosen.map(|o| o.descendants().filter_map(|d| d.value().as_text().map(|t| t.to_string())).collect()).unwrap_or_default())
        }
        _ => None,
    }
}

/// Elements that start and end a paragraph (a line of their own).
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "center",
    "form",
    "hr",
    "address",
    "figure",
    "figcaption",
    "body",
    "html",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "fieldset",
    "legend",
    "details",
    "summary",
];

/// What each grid column a cell spans costs in the table pipeline (a cell of its row there),
/// charged to the read's budget as the cell is laid out: `colspan=1000` over `rowspan=65534`
/// rows claims a grid a small page does not hold.
const SPAN_COST: u64 = 32;

/// The longest text taken as a table's title only because it stands right before the table.
const LONGEST_TITLE: usize = 150;

/// Text being gathered into one paragraph: its pieces between `<br>`s, as in the source.
#[derive(Default)]
struct Paragraph {
    pieces: Vec<String>,
}

impl Paragraph {
    fn text(&mut self, t: &str) {
        match self.pieces.last_mut() {
            Some(last) => last.push_str(t),
            None => self.pieces.push(t.to_owned()),
        }
    }

    fn line_break(&mut self) {
        if self.pieces.is_empty() {
            self.pieces.push(String::new());
        }
        self.pieces.push(String::new());
    }

    /// The paragraph as shown: each piece collapsed, empty ones left out, joined by line breaks.
    fn take(&mut self) -> Option<String> {
        let pieces: Vec<String> = self.pieces.drain(..).map(|p| collapse(&p)).filter(|p| !p.is_empty()).collect();
        (!pieces.is_empty()).then(|| pieces.join("\n"))
    }
}

/// Whether a character is wide (CJK ideographs, kana, hangul, full-width forms and CJK
/// punctuation): a source line break between two such characters shows as nothing.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// White space as a browser shows it: runs of spaces, TABs and line breaks become one space,
/// none at the ends; a run of line breaks only, between two wide characters, becomes nothing.
/// No-break spaces (`&nbsp;`) are spaces in the text.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run: Option<bool> = None; // in a white-space run: whether it is line breaks only
    for c in s.chars() {
        let c = if c == '\u{a0}' { ' ' } else { c };
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            let breaks_only = matches!(c, '\n' | '\r');
            run = Some(run.map_or(breaks_only, |b| b && breaks_only));
            continue;
        }
        if let Some(breaks_only) = run.take()
            && !out.is_empty()
            && !(breaks_only && out.chars().next_back().is_some_and(is_wide) && is_wide(c))
        {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

fn element_name<'a>(node: &NodeRef<'a, Node>) -> Option<&'a str> {
    match node.value() {
        Node::Element(e) => Some(e.name()),
        _ => None,
    }
}

fn is_element(node: &NodeRef<'_, Node>, name: &str) -> bool {
    element_name(node) == Some(name)
}

/// Whether a table holds another table: then it lays out the page, and is not read as data.
fn holds_table(table: &NodeRef<'_, Node>) -> bool {
    table.descendants().skip(1).any(|d| is_element(&d, "table"))
}

/// The value of a span attribute (`rowspan`, `colspan`): at least 1, at most `most`; `0` (to
/// the end of the table) as `most`.
fn span(node: &NodeRef<'_, Node>, name: &str, most: usize) -> usize {
    let Node::Element(e) = node.value() else { return 1 };
    match e.attr(name).map(|v| v.trim().parse::<usize>()) {
        Some(Ok(0)) => most,
        Some(Ok(n)) => n.clamp(1, most),
        _ => 1,
    }
}

/// LibreOffice's export of a workbook heads each sheet's table `Sheet 1: 名称`: the sheet's name.
fn sheet_name(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("Sheet ")?;
    let (n, name) = rest.split_once(": ")?;
    (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())).then(|| name.trim())
}

struct Walker<'a> {
    out: Page,
    origin: &'a Origin,
    limits: Limits,
    paragraphs: usize,
    tables: usize,
    cells: usize,
}

impl Walker<'_> {
    fn paragraph(&mut self, p: &mut Paragraph) {
        if let Some(text) = p.take() {
            self.paragraphs += 1;
            self.out.layout.paragraph(text, Location::paragraph(self.paragraphs));
        }
    }

    /// The page, in document order. Iterative, so that nesting costs no stack.
    fn page(&mut self, html: &Html) -> Result<()> {
        let mut p = Paragraph::default();
        let mut depth = 0usize;
        // The element whose content is being skipped (hidden, or a data table already read).
        let mut skipping: Option<ego_tree::NodeId> = None;
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    depth += 1;
                    if depth > self.limits.max_depth {
                        return Err(over_limit(self.origin, "the HTML nesting", self.limits.max_depth, "max_depth"));
                    }
                    if skipping.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Text(t) => p.text(t),
                        Node::Element(e) => {
                            let name = e.name();
                            if hidden(e) {
                                skipping = Some(node.id());
                            } else if let Some(text) = control_text(&node) {
                                p.text(&text);
                                skipping = Some(node.id());
                            } else if name == "br" {
                                p.line_break();
                            } else if matches!(name, "frame" | "iframe") {
                                self.out.frames.extend(e.attr("src").map(str::to_owned));
                            } else if name == "table" && !holds_table(&node) {
                                self.paragraph(&mut p);
                                self.data_table(node)?;
                                skipping = Some(node.id());
                            } else if BLOCKS.contains(&name) {
                                self.paragraph(&mut p);
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    depth -= 1;
                    if skipping == Some(node.id()) {
                        skipping = None;
                    } else if skipping.is_none() && element_name(&node).is_some_and(|n| BLOCKS.contains(&n)) {
                        self.paragraph(&mut p);
                    }
                }
            }
        }
        self.paragraph(&mut p);
        Ok(())
    }

    fn count_cell(&mut self) -> Result<()> {
        count_cell(&mut self.cells, &self.limits, self.origin, "the page's table cells")
    }

    /// A cell's paragraphs (the cell holds no table).
    fn cell_paragraphs(&mut self, cell: NodeRef<'_, Node>) -> Vec<String> {
        let mut out = Vec::new();
        let mut p = Paragraph::default();
        let mut skipping: Option<ego_tree::NodeId> = None;
        for edge in cell.traverse() {
            match edge {
                Edge::Open(node) if node.id() != cell.id() && skipping.is_none() => match node.value() {
                    Node::Text(t) => p.text(t),
                    Node::Element(e) if hidden(e) => skipping = Some(node.id()),
                    Node::Element(_) if control_text(&node).is_some() => {
                        p.text(&control_text(&node).unwrap_or_default());
                        skipping = Some(node.id());
                    }
                    Node::Element(e) if e.name() == "br" => p.line_break(),
                    Node::Element(e) if BLOCKS.contains(&e.name()) => out.extend(p.take()),
                    _ => {}
                },
                Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
                Edge::Close(node) if node.id() != cell.id() && skipping.is_none() && element_name(&node).is_some_and(|n| BLOCKS.contains(&n)) => {
                    out.extend(p.take());
                }
                _ => {}
            }
        }
        out.extend(p.take());
        out
    }

    /// A data table (no table inside): its title, then its rows in Word's text layout.
    fn data_table(&mut self, table: NodeRef<'_, Node>) -> Result<()> {
        self.tables += 1;
        let t = self.tables;
        // Rows of this table, with their cells' paragraphs and spans.
        let mut rows: Vec<Vec<(Vec<String>, usize, usize)>> = Vec::new();
        let mut caption = None;
        for node in table.descendants() {
            // A hidden row or cell (or one inside a hidden element of the table) does not show.
            if matches!(element_name(&node), Some("tr" | "td" | "th" | "caption"))
                && node
                    .ancestors()
                    .take_while(|a| a.id() != table.id())
                    .chain(std::iter::once(node))
                    .any(|a| matches!(a.value(), Node::Element(e) if hidden(e)))
            {
                continue;
            }
            match element_name(&node) {
                Some("caption") => caption = caption.or_else(|| self.cell_paragraphs(node).into_iter().next()),
                Some("tr") => rows.push(Vec::new()),
                Some("td" | "th") => {
                    self.count_cell()?;
                    let paragraphs = self.cell_paragraphs(node);
                    let (rowspan, colspan) = (span(&node, "rowspan", 65_534), span(&node, "colspan", 1000));
                    if let Some(row) = rows.last_mut() {
                        row.push((paragraphs, rowspan, colspan));
                    }
                }
                _ => {}
            }
        }
        // A title row at the top: one cell with text that reads as a table title.
        let mut first_row = 0;
        let mut titled = false;
        while let Some(row) = rows.get(first_row) {
            let filled: Vec<&(Vec<String>, usize, usize)> = row.iter().filter(|(p, _, _)| !p.is_empty()).collect();
            let [(paragraphs, _, _)] = filled.as_slice() else { break };
            let text = paragraphs.join("");
            if table_title(&text).is_none() {
                break;
            }
            self.out.layout.paragraph(text, Location::table_cell(t, first_row + 1, 1));
            titled = true;
            first_row += 1;
        }
        if !titled {
            self.title_before(t, caption);
        }
        // Rows: a cell covered by a rowspan from above reads as an empty cell.
        // (column, width, rows still covered): only spans that still cover a row are kept.
        let mut covered: Vec<(usize, usize, usize)> = Vec::new();
        for (r, row) in rows.into_iter().enumerate().skip(first_row) {
            let row_number = r + 1;
            let mut column = 1usize;
            let mut cells = row.into_iter();
            let mut new_covers = Vec::new();
            loop {
                if let Some(&(_, width, _)) = covered.iter().find(|(c, _, _)| *c == column) {
                    // A covered cell is a cell of the layout too: counted, so that spans cannot
                    // make a small page into a huge one.
                    self.count_cell()?;
                    if !crate::read::budget::charge(width as u64 * SPAN_COST) {
                        // Past the budget: the read's error says so; nothing more is built.
                        self.out.layout.end_table();
                        return Ok(());
                    }
                    self.out.layout.cell_text(std::borrow::Cow::Borrowed(""), Location::table_cell(t, row_number, column), width);
                    column += width;
                    continue;
                }
                let Some((paragraphs, rowspan, colspan)) = cells.next() else {
                    // Covered cells right of the last one still stand in the row.
                    match covered.iter().map(|(c, _, _)| *c).filter(|c| *c > column).min() {
                        Some(next) => {
                            column = next;
                            continue;
                        }
                        None => break,
                    }
                };
                let place = Location::table_cell(t, row_number, column);
                if !crate::read::budget::charge(colspan as u64 * SPAN_COST + paragraphs.iter().map(|p| p.len() as u64).sum::<u64>()) {
                    self.out.layout.end_table();
                    return Ok(());
                }
                self.out.layout.cell(paragraphs, place, colspan);
                if rowspan > 1 {
                    new_covers.push((column, colspan, rowspan - 1));
                }
                column += colspan;
            }
            for c in &mut covered {
                c.2 = c.2.saturating_sub(1);
            }
            covered.retain(|c| c.2 > 0);
            covered.extend(new_covers);
            self.out.layout.end_row();
        }
        self.out.layout.end_table();
        Ok(())
    }

    /// Makes sure a table title stands before the table: a line there that reads as one, else
    /// its caption, else the heading or short paragraph right before it.
    fn title_before(&mut self, t: usize, caption: Option<String>) {
        let held = self.out.layout.held_mut();
        let last = held.iter().rposition(|b| matches!(b, Block::Paragraph { text, .. } if !text.trim().is_empty()));
        // The last line of the last paragraph since the previous table.
        let last_line = last.and_then(|i| match &held[i] {
            Block::Paragraph { text, .. } => text.split('\n').rev().find(|l| !l.trim().is_empty()).map(str::to_owned),
            _ => None,
        });
        if last_line.as_deref().is_some_and(|l| table_title(l).is_some()) {
            return;
        }
        if let Some(caption) = caption {
            self.out.layout.titled(Role::TableTitle, caption, Location::table_cell(t, 0, 0));
        } else if let (Some(i), Some(line)) = (last, last_line)
            && line.chars().count() <= LONGEST_TITLE
            && let Block::Paragraph { text, place, .. } = held.remove(i)
        {
            // The lines before the title stay a paragraph of their own.
            let before = text.trim_end().strip_suffix(line.as_str()).map(|b| b.trim_end_matches('\n').to_owned()).unwrap_or_default();
            if !before.trim().is_empty() {
                held.insert(i, Block::Paragraph { text: before.into(), place: place.clone(), role: Role::Text });
            }
            let (role, title) = match sheet_name(&line) {
                Some(name) => (Role::SheetTitle, name.to_owned()),
                None => (Role::TableTitle, line),
            };
            held.push(Block::Paragraph { text: title.into(), place, role });
        }
    }
}

/// Lays out a page.
pub fn layout(page: &str, origin: &Origin, limits: Limits) -> Result<Page> {
    if page.len() as u64 > limits.max_bytes {
        return Err(over_limit(origin, "the page's size", limits.max_bytes, "max_bytes"));
    }
    let html = Html::parse_document(page);
    let mut w = Walker { out: Page::default(), origin, limits, paragraphs: 0, tables: 0, cells: 0 };
    w.page(&html)?;
    Ok(w.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks as the lines of a text save: a paragraph's lines, a cell a TAB line (its
    /// further paragraphs after a blank line), a blank line after each row and one more after
    /// each table; titles marked.
    fn lines(page: &str) -> Vec<String> {
        let mut out = Vec::new();
        for block in layout(page, &Origin(None), Limits::default()).unwrap().layout.into_blocks() {
            match block {
                Block::Paragraph { text, role, .. } => match role {
                    Role::TableTitle => out.push(format!("[title] {text}")),
                    Role::SheetTitle => out.push(format!("[sheet] {text}")),
                    _ => out.extend(text.split('\n').map(str::to_owned)),
                },
                Block::Table(t) => {
                    for row in t.rows {
                        for cell in row {
                            crate::grammar::form::cell_lines(cell.text.split('\n').map(str::to_owned), |l| out.push(l));
                        }
                        out.push(String::new());
                    }
                    out.push(String::new());
                }
                Block::Note { text, .. } => out.push(format!("[note] {text}")),
            }
        }
        out
    }

    #[test]
    fn white_space_shows_as_in_a_browser() {
        assert_eq!(collapse("  绩效\n  目标 "), "绩效 目标");
        assert_eq!(collapse("城乡居民\r\n基本养老"), "城乡居民基本养老");
        assert_eq!(collapse("第一部分\n 部门整体"), "第一部分 部门整体");
        assert_eq!(collapse("100\n%"), "100 %");
        assert_eq!(collapse("a&nbsp;b".replace("&nbsp;", "\u{a0}").as_str()), "a b");
    }

    #[test]
    fn spans_read_as_merged_cells_in_a_word_text_save() {
        let page = "<p>1、某项目绩效目标表</p><table><tr><td>一级指标</td><td>二级指标</td></tr>\
                    <tr><td rowspan=2>产出指标</td><td>数量指标</td></tr><tr><td>质量指标</td></tr>\
                    <tr><td colspan=2>合计</td></tr></table><p>说明</p>";
        assert_eq!(
            lines(page),
            ["1、某项目绩效目标表", "\t一级指标", "\t二级指标", "", "\t产出指标", "\t数量指标", "", "\t", "\t质量指标", "", "\t合计", "", "", "说明"]
        );
    }

    #[test]
    fn layout_tables_around_the_real_one_are_paragraphs() {
        let page = "<table><tr><td><h3>某项目绩效目标</h3><table><tr><td>一级指标</td></tr></table></td></tr></table>";
        assert_eq!(lines(page), ["[title] 某项目绩效目标", "\t一级指标", "", ""]);
    }

    #[test]
    fn titles_from_caption_title_row_and_sheet_heading() {
        assert_eq!(lines("<table><caption>某项目</caption><tr><td>a</td></tr></table>")[0], "[title] 某项目");
        assert_eq!(lines("<table><tr><td colspan=3>2、某项目绩效目标表</td></tr><tr><td>a</td></tr></table>")[0], "2、某项目绩效目标表");
        assert_eq!(lines("<h1>Sheet 1: <em>专项1-某项目</em></h1><table><tr><td>a</td></tr></table>")[0], "[sheet] 专项1-某项目");
    }

    #[test]
    fn cells_keep_their_paragraphs_and_breaks() {
        let page = "<p>1、某项目绩效目标表</p><table><tr><td><p>第一段<br>续行</p><p>第二段</p></td><td>&nbsp;</td></tr></table>";
        let blocks = layout(page, &Origin(None), Limits::default()).unwrap().layout.into_blocks();
        let Some(Block::Table(t)) = blocks.get(1) else { panic!("a table after the title: {blocks:?}") };
        let texts: Vec<&str> = t.rows[0].iter().map(|c| c.text.as_ref()).collect();
        assert_eq!(texts, ["第一段\n续行\n第二段", ""], "paragraphs and line breaks of one cell stay in it");
    }

    #[test]
    fn word_and_excel_web_page_idioms() {
        // Word: conditional comments around list numbers (the number is text), o:p elements,
        // the source wrapped inside Chinese words.
        let word = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body><div class=WordSection1>\
                    <p class=MsoNormal><![if !supportLists]><span style='mso-list:Ignore'>1、</span><![endif]>城乡居民基本养老保险区级补助资金绩效\r\n目标表<o:p></o:p></p>\
                    <table class=MsoTableGrid><tr><td><p class=MsoNormal>一级<span lang=EN-US><o:p>&nbsp;</o:p></span></p></td></tr></table></div></body></html>";
        assert_eq!(lines(word), ["1、城乡居民基本养老保险区级补助资金绩效目标表", "\t一级", "", ""]);
        // Excel: x:str and x:num cells show their text; a colspan that only lets text run over
        // empty cells (mso-ignore:colspan) is one cell as well.
        let excel = "<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><body><table x:str>\
                     <tr><td colspan=3 style='mso-ignore:colspan'>2、某项目绩效目标表</td></tr>\
                     <tr><td x:str=\"一级指标\">一级指标</td><td x:num=\"0.95\">95%</td></tr></table></body></html>";
        assert_eq!(lines(excel), ["2、某项目绩效目标表", "\t一级指标", "\t95%", "", ""]);
    }

    #[test]
    fn frames_are_listed() {
        let page =
            "<html><frameset rows=\"*,39\"><frame src=\"book.files/sheet001.htm\" name=\"frSheet\"><frame src=\"book.files/tabstrip.htm\"></frameset></html>";
        let layout = layout(page, &Origin(None), Limits::default()).unwrap();
        assert_eq!(layout.frames, ["book.files/sheet001.htm", "book.files/tabstrip.htm"]);
    }

    #[test]
    fn hidden_content_and_deep_nesting() {
        assert_eq!(lines("<head><title>t</title><style>p{}</style></head><script>x</script><p>可见</p>"), ["可见"]);
        let deep = "<div>".repeat(400) + "x";
        let err = layout(&deep, &Origin(None), Limits::default()).unwrap_err();
        assert!(err.to_string().contains("max_depth"), "{err}");
    }
}
