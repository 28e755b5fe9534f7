//! The form as HTML: each table drawn as the form it is (一级 / 二级 / 三级 / 指标值 …, the 一级
//! and 二级 cells merged down over their rows), the title and the overview; given a review's
//! findings, each marked on the cell it is about (its message and suggestion on hover), and given
//! a score report, the computed score beside the reported one with every difference marked.
//! The parsed target of a value cell (comparator, value, unit) is on its hover and in `data-`
//! attributes. Self-contained: the style is inline, nothing is fetched. Every text is escaped.
//!
//! Used by `jixiao parse --format html`, `Document.to_html()` and the notebooks' `_repr_html_`
//! in Python, `jx_document_to_html` in C, and the pages of `jixiao serve`.

use std::fmt::Write as _;

use super::layout::{self, RowKind};
use crate::grammar::form::columns::column_keys;
use crate::grammar::form::titles::text_title;
use crate::grammar::labels::ColumnRole;
use crate::model::{Document, Indicator, Location, Overview, Section, Table, Target, TargetKind};
use crate::review::{Finding, Severity};
use crate::score::ScoreReport;
use crate::score::TableScore;

/// The language of the drawing's own words and of the findings' messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 中文 (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// `zh` or `en` (anything else is an error naming the two).
    pub fn parse(name: &str) -> crate::Result<Lang> {
        match name.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "cn" | "" => Ok(Lang::Zh),
            "en" | "en-us" | "en-gb" => Ok(Lang::En),
            other => Err(crate::Error::Usage(format!("unknown language '{other}': use zh or en"))),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// What to draw besides the document.
#[derive(Debug, Clone, Copy, Default)]
pub struct HtmlOptions<'a> {
    /// The review's findings to mark (each on its cell, or above its table, or above all).
    pub findings: &'a [Finding],
    /// A score report: the computed score beside the reported one, differences marked.
    pub score: Option<&'a ScoreReport>,
    /// The language of the words the drawing adds and of the messages.
    pub lang: Lang,
    /// A whole page (`<!DOCTYPE html>` … `</html>`) rather than a fragment (`<div class="jx">`).
    pub page: bool,
}

/// The style of the drawing: every rule under `.jx`, so a fragment does not restyle its host.
pub const STYLE: &str = r#".jx{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",SimSun,sans-serif;font-size:14px;color:#1b1b1b;line-height:1.45}
.jx h1{font-size:20px;margin:.4em 0}.jx h2{font-size:17px;margin:1em 0 .4em}.jx h3{font-size:15px;margin:1em 0 .3em}
.jx table.jx-form{border-collapse:collapse;margin:.3em 0 .6em;min-width:60%}
.jx table.jx-form td,.jx table.jx-form th{border:1px solid #8a8a8a;padding:3px 6px;vertical-align:top;text-align:left;white-space:pre-wrap}
.jx table.jx-form th{background:#eef1f5;font-weight:600}
.jx tr.jx-block td:first-child{background:#f6f6f6;font-weight:600}
.jx td.jx-l1,.jx td.jx-l2{background:#fafafa;font-weight:600;vertical-align:middle}
.jx tr.jx-footer td{background:#f6f6f6}
.jx .jx-target{cursor:help;text-decoration:underline dotted #999}
.jx .jx-f-info{background:#e8f1fd;box-shadow:inset 3px 0 #3b7dd8}
.jx .jx-f-warning{background:#fff4d6;box-shadow:inset 3px 0 #d89a00}
.jx .jx-f-error{background:#fde4e1;box-shadow:inset 3px 0 #d0342c}
.jx .jx-f-flash{outline:3px solid #6a4bd8;outline-offset:-2px}
.jx td.jx-computed{background:#f1f8ef;color:#225522}
.jx td.jx-diff{background:#fde4e1;color:#8b1a12;font-weight:600}
.jx ul.jx-findings{list-style:none;padding:0;margin:.2em 0 .8em}
.jx ul.jx-findings li{margin:.15em 0;padding:.2em .4em;border-left:3px solid #bbb}
.jx ul.jx-findings li.jx-error{border-color:#d0342c}.jx ul.jx-findings li.jx-warning{border-color:#d89a00}.jx ul.jx-findings li.jx-info{border-color:#3b7dd8}
.jx .jx-sev{display:inline-block;min-width:3em;font-size:12px;font-weight:600;border-radius:3px;padding:0 .3em;margin-right:.3em;color:#fff;text-align:center}
.jx .jx-sev-error{background:#d0342c}.jx .jx-sev-warning{background:#b07d00}.jx .jx-sev-info{background:#3b7dd8}
.jx .jx-rule{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:#555;margin-right:.4em}
.jx .jx-sugg{color:#225522}.jx .jx-at{color:#777;font-size:12px;margin-left:.4em}
.jx a.jx-go{color:inherit;text-decoration:none}.jx a.jx-go:hover{text-decoration:underline}
.jx .jx-overview p{margin:.3em 0}.jx .jx-meta{color:#555;font-size:12px}
.jx .jx-score{margin:.2em 0 .6em}.jx .jx-score b.jx-diff{color:#8b1a12}
"#;

/// Text made safe for HTML content and attribute values: `& < > " '` become entities, and
/// control characters other than tab and line ends are dropped (HTML has no way to write them).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// A cell's text: escaped, and each line break a `<br>`, which a page's readers keep as a break
/// (a line break in the source is only a space to them, whatever the style shows).
fn escape_cell_into(out: &mut String, text: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        escape_into(out, line.strip_suffix('\r').unwrap_or(line));
    }
}

/// A number as a form prints it: no trailing zeros, at most two decimals.
fn number(n: f64) -> String {
    if !n.is_finite() {
        return n.to_string();
    }
    let s = format!("{:.2}", n);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".to_owned() } else { s.to_owned() }
}

/// The document drawn as the form, with the findings and scores of `options`.
pub fn to_string(doc: &Document, options: &HtmlOptions) -> String {
    let mut out = String::new();
    let lang = options.lang;
    if options.page {
        out.push_str("<!DOCTYPE html>\n<html lang=\"");
        out.push_str(lang.pick("zh-CN", "en"));
        out.push_str("\"><head><meta charset=\"utf-8\"><title>");
        let title = if doc.title.trim().is_empty() { lang.pick("绩效目标表", "Performance targets") } else { doc.title.trim() };
        escape_into(&mut out, title);
        out.push_str("</title><style>");
        out.push_str(STYLE);
        out.push_str("</style></head><body>");
    }
    out.push_str("<div class=\"jx\">");
    if !options.page {
        out.push_str("<style>");
        out.push_str(STYLE);
        out.push_str("</style>");
    }
    let placed = place(doc, options.findings);
    if !doc.title.trim().is_empty() {
        out.push_str("<h1>");
        escape_into(&mut out, doc.title.trim());
        out.push_str("</h1>");
    }
    // Findings that belong to no table (the document's own), first.
    findings_list(&mut out, options.findings, &placed.loose, lang, &placed);
    if let Some(ov) = &doc.overview {
        overview(&mut out, ov);
    }
    for (s, section) in doc.sections.iter().enumerate() {
        if !section.heading.trim().is_empty() {
            out.push_str("<h2>");
            escape_into(&mut out, section.heading.trim());
            out.push_str("</h2>");
        }
        for (t, table) in section.tables.iter().enumerate() {
            let scores = options.score.and_then(|r| table_score(r, section, table));
            table_html(&mut out, (s, t), section, table, options, &placed, scores);
        }
    }
    if !doc.notes.is_empty() {
        out.push_str("<details class=\"jx-notes\"><summary>");
        out.push_str(lang.pick("未能归位的内容（附注）", "Content not placed (notes)"));
        let _ = write!(out, " ({})</summary><ul>", doc.notes.len());
        for note in &doc.notes {
            out.push_str("<li>");
            escape_cell_into(&mut out, &note.text);
            let at = note.location.to_string();
            if !at.is_empty() {
                out.push_str(" <span class=\"jx-at\">");
                escape_into(&mut out, &at);
                out.push_str("</span>");
            }
            out.push_str("</li>");
        }
        out.push_str("</ul></details>");
    }
    out.push_str("</div>");
    if options.page {
        out.push_str("</body></html>\n");
    }
    out
}

/// One table of `doc` (the `t`-th of its `s`-th part) drawn as the form, a fragment with its
/// style, with the findings and scores of `options` that are about it. None when there is no
/// such table.
pub fn table_to_string(doc: &Document, s: usize, t: usize, options: &HtmlOptions) -> Option<String> {
    let section = doc.sections.get(s)?;
    let table = section.tables.get(t)?;
    let placed = place(doc, options.findings);
    let mut out = String::from("<div class=\"jx\">");
    if !options.page {
        out.push_str("<style>");
        out.push_str(STYLE);
        out.push_str("</style>");
    }
    let scores = options.score.and_then(|r| table_score(r, section, table));
    table_html(&mut out, (s, t), section, table, options, &placed, scores);
    out.push_str("</div>");
    Some(out)
}

/// Findings alone, as the list the drawing puts under a table: a fragment with its style.
pub fn findings_to_string(findings: &[Finding], lang: Lang) -> String {
    let mut out = String::from("<div class=\"jx\"><style>");
    out.push_str(STYLE);
    out.push_str("</style>");
    let (e, w, i) = crate::review::counts(findings);
    let _ = write!(
        out,
        "<p class=\"jx-meta\">{} {e} · {} {w} · {} {i}</p>",
        lang.pick("错误", "errors"),
        lang.pick("警告", "warnings"),
        lang.pick("提示", "infos")
    );
    let all: Vec<usize> = (0..findings.len()).collect();
    findings_list(&mut out, findings, &all, lang, &Placed::default());
    out.push_str("</div>");
    out
}

/// Where each finding is drawn.
#[derive(Default)]
struct Placed {
    /// Per finding: the id of the cell it is marked on, when it is on one.
    cell: Vec<Option<String>>,
    /// Findings about no table of the document.
    loose: Vec<usize>,
    /// Per (part, table): its findings, in order.
    per_table: std::collections::HashMap<(usize, usize), Vec<usize>>,
    /// Per cell id: the findings marked on it.
    on_cell: std::collections::HashMap<String, Vec<usize>>,
}

fn cell_id(st: (usize, usize), row: usize, col: usize) -> String {
    format!("jx-t{}-{}-r{row}-c{col}", st.0, st.1)
}

fn table_id(st: (usize, usize)) -> String {
    format!("jx-t{}-{}", st.0, st.1)
}

/// The table a finding is about: the part's number, the table's number and name agree, and
/// where several do, the one holding its place.
fn finding_table(doc: &Document, f: &Finding) -> Option<(usize, usize)> {
    let name = f.table_name.as_deref()?;
    let mut candidates = doc.sections.iter().enumerate().flat_map(|(s, section)| {
        section
            .tables
            .iter()
            .enumerate()
            .filter(move |(_, t)| section.number == f.section_number && t.number == f.table_number && t.name == name)
            .map(move |(t, table)| ((s, t), table))
    });
    let first = candidates.next()?;
    let holds = |t: &Table| {
        t.location == f.location
            || t.categories.iter().any(|c| {
                c.location == f.location || c.children.iter().any(|s| s.location == f.location || s.indicators.iter().any(|i| i.location == f.location))
            })
    };
    if holds(first.1) {
        return Some(first.0);
    }
    Some(candidates.find(|(_, t)| holds(t)).map_or(first.0, |(st, _)| st))
}

/// An indicator row's place: its category, its sub-category (none for a category with no
/// sub-category) and its indicator (none for a skeleton row).
type RowOf<'a> = (usize, Option<usize>, Option<&'a Indicator>);

/// A laid-out table's rows with, for each indicator row, the indicator (or None for a
/// skeleton row) and its category and sub-category positions.
struct Drawn<'a> {
    rows: Vec<layout::LaidRow>,
    /// Per row: (category, sub-category, indicator) for indicator rows.
    meta: Vec<Option<RowOf<'a>>>,
    keys: Vec<(ColumnRole, String)>,
    width: usize,
}

fn draw(t: &Table) -> Drawn<'_> {
    // A row whose level-2 label was merged across 一级 and 二级 is drawn with its empty 一级 cell
    // (its category has no label), each cell under its column.
    let rows = layout::rows(t);
    // Indicator rows come in the order layout writes them: per category, per sub-category, its
    // indicators (or one skeleton row), then one row for a category with no sub-category.
    let mut order = Vec::new();
    for (c, cat) in t.categories.iter().enumerate() {
        for (s, sub) in cat.children.iter().enumerate() {
            if sub.indicators.is_empty() {
                order.push((c, Some(s), None));
            } else {
                order.extend(sub.indicators.iter().map(|i| (c, Some(s), Some(i))));
            }
        }
        if cat.children.is_empty() {
            order.push((c, None, None));
        }
    }
    let mut next = order.into_iter();
    let meta = rows.iter().map(|r| if matches!(r.kind, RowKind::Indicator { .. }) { next.next() } else { None }).collect();
    let header = rows.iter().find(|r| r.kind == RowKind::Header);
    let width = rows.iter().map(|r| r.width.max(r.cells.len())).max().unwrap_or(0);
    let columns: Vec<String> =
        header.map(|h| (0..h.width.max(h.cells.len())).map(|i| h.cells.get(i).cloned().unwrap_or_default()).collect()).unwrap_or_default();
    let keys = column_keys(&columns);
    Drawn { rows, meta, keys, width }
}

fn place(doc: &Document, findings: &[Finding]) -> Placed {
    let mut placed = Placed { cell: vec![None; findings.len()], ..Placed::default() };
    if findings.is_empty() {
        return placed;
    }
    let mut drawn: std::collections::HashMap<(usize, usize), Drawn<'_>> = std::collections::HashMap::new();
    for (k, f) in findings.iter().enumerate() {
        let Some(st) = finding_table(doc, f) else {
            placed.loose.push(k);
            continue;
        };
        placed.per_table.entry(st).or_default().push(k);
        let table = &doc.sections[st.0].tables[st.1];
        let d = drawn.entry(st).or_insert_with(|| draw(table));
        if let Some((row, col)) = finding_cell(table, d, f) {
            let id = cell_id(st, row, col);
            placed.on_cell.entry(id.clone()).or_default().push(k);
            placed.cell[k] = Some(id);
        }
    }
    placed
}

/// The row and column a finding is marked on, when one cell is its place.
fn finding_cell(table: &Table, d: &Drawn<'_>, f: &Finding) -> Option<(usize, usize)> {
    let text = f.text.as_deref().map(str::trim).filter(|t| !t.is_empty());
    fn cell_of(row: &layout::LaidRow, col: usize) -> &str {
        row.cells.get(col).map_or("", String::as_str)
    }
    let column_of = |role: ColumnRole| d.keys.iter().position(|(r, _)| *r == role);
    let text_column = |r: usize| -> Option<usize> {
        let row = &d.rows[r];
        let text = text?;
        (0..row.cells.len()).find(|&c| cell_of(row, c).trim() == text).or_else(|| (0..row.cells.len()).find(|&c| cell_of(row, c).contains(text)))
    };
    if let Some(name) = f.indicator.as_deref() {
        let row = d.meta.iter().position(|m| matches!(m, Some((_, _, Some(i))) if i.location == f.location && i.name == name));
        if let Some(r) = row {
            let Some((_, _, Some(ind))) = d.meta[r] else { return None };
            // The column the rule is about (a score's findings: 得分, 分值, 实际完成值, 偏差原因);
            // else the target's cell when the text is the target as written; else the cell
            // holding the text; else the name.
            let about = match f.rule.as_str() {
                "score-mismatch" => Some(ColumnRole::Score),
                "weight-mismatch" => Some(ColumnRole::Weight),
                "missing-actual" | "unreadable-actual" | "unit-mismatch" => Some(ColumnRole::Actual),
                "deviation-unexplained" => Some(ColumnRole::Deviation),
                _ => None,
            };
            let target = column_of(ColumnRole::Target).filter(|_| text.is_some_and(|t| t == ind.target.raw.trim()));
            let col = about.and_then(column_of).or(target).or_else(|| text_column(r)).or_else(|| column_of(ColumnRole::Name)).unwrap_or(0);
            return Some((r, col));
        }
    }
    // A finding about a category, its 一级 or 二级 cell; about a header label, that cell.
    for (r, m) in d.meta.iter().enumerate() {
        let Some((c, s, _)) = m else { continue };
        let cat = &table.categories[*c];
        let first_of_cat = d.meta[..r].iter().all(|m| !matches!(m, Some((c2, _, _)) if c2 == c));
        if first_of_cat && cat.location == f.location && f.location != Location::Unknown && f.location != table.location {
            if let Some(col) = column_of(ColumnRole::Level1) {
                return Some((r, col));
            }
        }
        if let Some(s) = s {
            let first_of_sub = d.meta[..r].iter().all(|m| !matches!(m, Some((c2, Some(s2), _)) if c2 == c && s2 == s));
            if first_of_sub && cat.children[*s].location == f.location && f.location != Location::Unknown && f.location != table.location {
                if let Some(col) = column_of(ColumnRole::Level2) {
                    return Some((r, col));
                }
            }
        }
    }
    // A header label, or a cell of the objective, funds or footer rows, that is the text.
    let text = text?;
    d.rows.iter().enumerate().filter(|(_, r)| !matches!(r.kind, RowKind::Indicator { .. } | RowKind::Subtotal)).find_map(|(r, row)| {
        let col = row.cells.iter().position(|c| c.trim() == text || (row.kind != RowKind::Header && c.trim_start().starts_with(text)))?;
        // The label cell of a block row is not what a finding is about: its value is.
        (row.kind == RowKind::Header || col > 0).then_some((r, col))
    })
}

fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "警告",
        (Severity::Info, Lang::Zh) => "提示",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Info, Lang::En) => "info",
    }
}

fn message(f: &Finding, lang: Lang) -> (&str, &str) {
    match lang {
        Lang::Zh => (&f.message_zh, &f.suggestion_zh),
        Lang::En => (&f.message, &f.suggestion),
    }
}

/// The list of findings `which`, each linked to its cell when it has one.
fn findings_list(out: &mut String, findings: &[Finding], which: &[usize], lang: Lang, placed: &Placed) {
    if which.is_empty() {
        return;
    }
    out.push_str("<ul class=\"jx-findings\">");
    for &k in which {
        let f = &findings[k];
        let (msg, sugg) = message(f, lang);
        let _ = write!(
            out,
            "<li class=\"jx-finding jx-{sev}\" data-f=\"{k}\" data-rule=\"{rule}\" data-severity=\"{sev}\">",
            sev = f.severity.as_str(),
            rule = escape(&f.rule)
        );
        let target = placed.cell.get(k).and_then(Option::as_ref);
        if let Some(id) = target {
            let _ = write!(out, "<a class=\"jx-go\" href=\"#{id}\" data-cell=\"{id}\">");
        }
        let _ = write!(out, "<span class=\"jx-sev jx-sev-{}\">{}</span>", f.severity.as_str(), severity_word(f.severity, lang));
        out.push_str("<span class=\"jx-rule\">");
        escape_into(out, &f.rule);
        out.push_str("</span><span class=\"jx-msg\">");
        escape_into(out, msg);
        out.push_str("</span>");
        if !sugg.is_empty() {
            out.push_str(" <span class=\"jx-sugg\">");
            out.push_str(lang.pick("建议：", "Suggestion: "));
            escape_into(out, sugg);
            out.push_str("</span>");
        }
        let at = f.location.to_string();
        if !at.is_empty() {
            out.push_str("<span class=\"jx-at\">");
            escape_into(out, &at);
            out.push_str("</span>");
        }
        if target.is_some() {
            out.push_str("</a>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

fn overview(out: &mut String, ov: &Overview) {
    out.push_str("<section class=\"jx-overview\">");
    if !ov.heading.trim().is_empty() {
        out.push_str("<h2>");
        escape_into(out, ov.heading.trim());
        out.push_str("</h2>");
    }
    let para = |out: &mut String, text: &str| {
        for line in text.split('\n').filter(|l| !l.trim().is_empty()) {
            out.push_str("<p>");
            escape_into(out, line.trim());
            out.push_str("</p>");
        }
    };
    para(out, &ov.intro);
    for goal in &ov.goals {
        let _ = write!(out, "<p><b>{}、", goal.number);
        escape_into(out, &goal.title);
        out.push_str("</b></p>");
        if !goal.items.is_empty() {
            out.push_str("<ol>");
            for item in &goal.items {
                out.push_str("<li>");
                escape_into(out, &item.text);
                out.push_str("</li>");
            }
            out.push_str("</ol>");
        }
    }
    for r in &ov.responsibilities {
        let _ = write!(out, "<p><b>{}、", r.number);
        escape_into(out, &r.name);
        out.push_str("</b></p>");
        para(out, &r.description);
    }
    for s in &ov.safeguards {
        if !s.title.trim().is_empty() {
            out.push_str("<p><b>");
            escape_into(out, s.title.trim());
            out.push_str("</b></p>");
        }
        para(out, &s.text);
    }
    out.push_str("</section>");
}

fn table_score<'r>(report: &'r ScoreReport, section: &Section, table: &Table) -> Option<&'r TableScore> {
    report.tables.iter().find(|s| s.section_number == section.number && s.table_number == table.number && s.name == table.name && s.location == table.location)
}

/// The parsed target as hover text and data attributes.
fn target_attrs(out: &mut String, t: &Target, lang: Lang) {
    let mut hover = String::new();
    hover.push_str(lang.pick("解析：", "Parsed: "));
    hover.push_str(t.kind.as_str());
    if let Some(c) = t.comparator {
        let _ = write!(out, " data-comparator=\"{}\"", c.as_str());
        hover.push(' ');
        hover.push_str(c.symbol());
    }
    if let Some(v) = t.value {
        let _ = write!(out, " data-value=\"{v}\"");
        hover.push(' ');
        hover.push_str(&number(v));
    }
    if let Some(u) = t.upper {
        let _ = write!(out, " data-upper=\"{u}\"");
        hover.push('–');
        hover.push_str(&number(u));
    }
    if let Some(unit) = &t.unit {
        out.push_str(" data-unit=\"");
        escape_into(out, unit);
        out.push('"');
        hover.push(' ');
        hover.push_str(unit);
    }
    if t.kind == TargetKind::Quantity && !t.sign_given && t.comparator.is_some() {
        hover.push_str(lang.pick("（未标明符号）", " (no sign given)"));
    }
    let _ = write!(out, " data-kind=\"{}\"", t.kind.as_str());
    out.push_str(" title=\"");
    escape_into(out, &hover);
    out.push('"');
}

fn table_html(out: &mut String, st: (usize, usize), section: &Section, table: &Table, options: &HtmlOptions, placed: &Placed, scores: Option<&TableScore>) {
    let lang = options.lang;
    let d = draw(table);
    let _ = write!(out, "<section class=\"jx-table\" id=\"{}\" data-kind=\"{}\">", table_id(st), table.kind.as_str());
    let title = text_title(table);
    out.push_str("<h3>");
    escape_into(out, if title.trim().is_empty() { &table.name } else { title.trim() });
    out.push_str("</h3>");
    // The name, when the title does not give it (a 项目名称 cell named the table), as the text
    // save writes it: a reader names the table by this line.
    if !table.name.is_empty() && !crate::grammar::form::titles::title_gives_name(&title, &table.name) {
        out.push_str("<p class=\"jx-meta\">");
        out.push_str(lang.pick("项目名称：", "Name: "));
        escape_into(out, &table.name);
        out.push_str("</p>");
    }
    let _ = section;
    // The computed score column: per indicator row, its computed score.
    let score_of = |ind: &Indicator| scores.and_then(|s| s.indicators.iter().find(|i| i.location == ind.location && i.name == ind.name));
    let score_column = scores.is_some();
    out.push_str("<table class=\"jx-form\">");
    let target_col = d.keys.iter().position(|(r, _)| *r == ColumnRole::Target);
    let actual_col = d.keys.iter().position(|(r, _)| *r == ColumnRole::Actual);
    let l1_col = d.keys.iter().position(|(r, _)| *r == ColumnRole::Level1);
    let l2_col = d.keys.iter().position(|(r, _)| *r == ColumnRole::Level2);
    // Rows spanned by each category's and sub-category's first row.
    let span = |r: usize, same: &dyn Fn(&RowOf<'_>) -> bool| -> usize { d.meta[r + 1..].iter().take_while(|m| m.as_ref().is_some_and(same)).count() + 1 };
    // The columns drawn: those with a cell anywhere (a header reaching far out over empty columns,
    // as a sheet with one far cell has, would otherwise draw rows × 16,384 cells), the first
    // column always (a block row's label stands there).
    let mut used = vec![false; d.width.max(1)];
    for row in &d.rows {
        for (c, cell) in row.cells.iter().enumerate() {
            if !cell.trim().is_empty() {
                used[c] = true;
            }
        }
    }
    let kept: Vec<usize> = (0..used.len()).filter(|&c| c == 0 || used[c] || Some(c) == l1_col || Some(c) == l2_col).collect();
    for (r, row) in d.rows.iter().enumerate() {
        let class = match row.kind {
            RowKind::Objective | RowKind::Info | RowKind::Funds | RowKind::Duties => "jx-block",
            RowKind::Header => "jx-header",
            RowKind::Subtotal => "jx-subtotal",
            RowKind::Indicator { .. } => "jx-indicator",
            RowKind::Footer => "jx-footer",
        };
        let _ = write!(out, "<tr class=\"{class}\">");
        let cells = row.cells.len();
        let last = if matches!(row.kind, RowKind::Indicator { .. } | RowKind::Header | RowKind::Subtotal) { usize::MAX } else { cells.max(1) };
        let drawn: Vec<usize> = kept.iter().copied().filter(|&c| c < last).collect();
        let meta = d.meta[r];
        for (i, &c) in drawn.iter().enumerate() {
            let text = row.cells.get(c).map_or("", String::as_str);
            let mut classes: Vec<String> = Vec::new();
            let mut rowspan = 1;
            if let Some((cat, sub, _)) = meta {
                if Some(c) == l1_col {
                    let first = r.checked_sub(1).and_then(|p| d.meta[p]).is_none_or(|(c2, _, _)| c2 != cat);
                    if !first {
                        continue;
                    }
                    rowspan = span(r, &|m| m.0 == cat);
                    classes.push("jx-l1".into());
                }
                if Some(c) == l2_col && sub.is_some() {
                    let first = r.checked_sub(1).and_then(|p| d.meta[p]).is_none_or(|(c2, s2, _)| c2 != cat || s2 != sub);
                    if !first {
                        continue;
                    }
                    rowspan = span(r, &|m| m.0 == cat && m.1 == sub);
                    classes.push("jx-l2".into());
                }
            }
            let id = cell_id(st, r, c);
            let on = placed.on_cell.get(&id);
            if let Some(ks) = on {
                let worst = ks.iter().map(|&k| options.findings[k].severity).max().unwrap_or(Severity::Info);
                classes.push("jx-f".into());
                classes.push(format!("jx-f-{}", worst.as_str()));
            }
            let tag = if row.kind == RowKind::Header { "th" } else { "td" };
            let _ = write!(out, "<{tag} id=\"{id}\"");
            if rowspan > 1 {
                let _ = write!(out, " rowspan=\"{rowspan}\"");
            }
            // The last cell of a block row reaches across the rest of the table.
            if i + 1 == drawn.len() && drawn.len() < kept.len() {
                let _ = write!(out, " colspan=\"{}\"", kept.len() - i + usize::from(score_column));
            }
            let target = match meta {
                Some((_, _, Some(ind))) if Some(c) == target_col => Some(&ind.target),
                Some((_, _, Some(ind))) if Some(c) == actual_col => ind.actual.as_deref(),
                _ => None,
            };
            if target.is_some() && on.is_none() {
                classes.push("jx-target".into());
            }
            if !classes.is_empty() {
                let _ = write!(out, " class=\"{}\"", classes.join(" "));
            }
            if let Some(ks) = on {
                let list: Vec<String> = ks.iter().map(|k| k.to_string()).collect();
                let _ = write!(out, " data-f=\"{}\"", list.join(" "));
                // Hover: the findings, then the parsed target.
                let mut hover = String::new();
                for &k in ks {
                    let f = &options.findings[k];
                    let (msg, sugg) = message(f, lang);
                    let _ = write!(hover, "[{}] {}: {}", severity_word(f.severity, lang), f.rule, msg);
                    if !sugg.is_empty() {
                        let _ = write!(hover, "\n{}{}", lang.pick("建议：", "Suggestion: "), sugg);
                    }
                    hover.push('\n');
                }
                if let Some(t) = target {
                    let mut attrs = String::new();
                    target_attrs(&mut attrs, t, lang);
                    // Keep the data attributes; the parsed reading goes on the hover's last line.
                    let (data, title) = attrs.split_once(" title=\"").unwrap_or((&attrs, "\""));
                    out.push_str(data);
                    hover.push_str(&html_unescape_title(title));
                }
                out.push_str(" title=\"");
                escape_into(out, hover.trim_end());
                out.push('"');
            } else if let Some(t) = target {
                target_attrs(out, t, lang);
            }
            out.push('>');
            escape_cell_into(out, text);
            let _ = write!(out, "</{tag}>");
        }
        if score_column && matches!(row.kind, RowKind::Indicator { .. } | RowKind::Header) {
            match (row.kind, meta) {
                (RowKind::Header, _) => {
                    let _ = write!(out, "<th class=\"jx-computed\">{}</th>", lang.pick("计算得分", "Computed score"));
                }
                (_, Some((_, _, Some(ind)))) => match score_of(ind) {
                    Some(s) => {
                        let diff = s.difference.filter(|d| d.abs() >= 0.005);
                        let class = if diff.is_some() { "jx-computed jx-diff" } else { "jx-computed" };
                        let _ = write!(out, "<td class=\"{class}\" title=\"");
                        let mut hover = format!("{}{}", lang.pick("评分规则：", "Rule: "), s.rule.as_str());
                        let _ = write!(hover, "\n{}{}", lang.pick("分值：", "Weight: "), number(s.weight));
                        if let Some(rep) = s.reported_score {
                            let _ = write!(hover, "\n{}{}", lang.pick("自评得分：", "Reported: "), number(rep));
                        }
                        if let Some(d) = diff {
                            let _ = write!(hover, "\n{}{}", lang.pick("差额（自评−计算）：", "Difference (reported − computed): "), number(d));
                        }
                        escape_into(out, &hover);
                        out.push_str("\">");
                        out.push_str(&s.score.map_or_else(|| "—".to_owned(), number));
                        out.push_str("</td>");
                    }
                    None => out.push_str("<td class=\"jx-computed\"></td>"),
                },
                _ => out.push_str("<td class=\"jx-computed\"></td>"),
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
    if let Some(s) = scores {
        score_summary(out, s, lang);
    }
    if let Some(ks) = placed.per_table.get(&st) {
        findings_list(out, options.findings, ks, lang, placed);
    }
    out.push_str("</section>");
}

/// The hover text `target_attrs` wrote (escaped, up to its closing quote) as plain text again.
fn html_unescape_title(title: &str) -> String {
    let title = title.strip_suffix('"').unwrap_or(title);
    title.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

fn score_summary(out: &mut String, s: &TableScore, lang: Lang) {
    out.push_str("<p class=\"jx-score\">");
    out.push_str(lang.pick("计算总分：", "Computed total: "));
    let _ = write!(out, "<b>{}</b>", number(s.total));
    if let Some(g) = &s.grade {
        out.push_str(" (");
        escape_into(out, g);
        out.push(')');
    }
    if let Some(rep) = s.reported_total {
        let differs = (rep - s.total).abs() >= 0.005;
        out.push_str(" · ");
        out.push_str(lang.pick("自评总分：", "Reported total: "));
        let _ = write!(out, "<b{}>{}</b>", if differs { " class=\"jx-diff\"" } else { "" }, number(rep));
    }
    if let Some(e) = &s.execution {
        out.push_str(" · ");
        out.push_str(lang.pick("预算执行率：", "Execution rate: "));
        match e.rate {
            Some(r) => out.push_str(&format!("{}%", number(r * 100.0))),
            None => out.push('—'),
        }
        out.push_str(&format!(" → {}", e.score.map_or_else(|| "—".to_owned(), number)));
        if let Some(rep) = e.reported_score {
            let differs = e.difference.is_some_and(|d| d.abs() >= 0.005);
            let _ = write!(out, " ({}<b{}>{}</b>)", lang.pick("自评 ", "reported "), if differs { " class=\"jx-diff\"" } else { "" }, number(rep));
        }
    }
    out.push_str("</p>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/000_3e963503b18f6771.txt")).unwrap();
        crate::parse_str(&text, &crate::ReadOptions::default()).unwrap()
    }

    #[test]
    fn the_sample_is_drawn_as_its_form_with_merged_categories() {
        let doc = sample();
        let html = to_string(&doc, &HtmlOptions { page: true, ..HtmlOptions::default() });
        assert!(html.starts_with("<!DOCTYPE html>"));
        let tables = doc.tables().count();
        assert_eq!(html.matches("<table class=\"jx-form\">").count(), tables);
        assert!(html.contains("rowspan=\""), "the 一级 cells are merged down");
        assert!(html.contains("<th id="), "the header row is drawn");
        assert!(html.contains("data-comparator=\"ge\""), "a target's reading is on its cell");
        // Nothing is fetched.
        for outside in ["http://", "https://", "src=", "@import", "url("] {
            assert!(!html.contains(outside), "{outside}");
        }
    }

    #[test]
    fn a_row_whose_level2_label_spans_level1_is_drawn_under_its_columns() {
        let text = "1、某项目绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t人数\n\t≥10人\n\n\t社会效益\n\t覆盖率\n\t提高\n\n\t\n\t管理率\n\t95%\n";
        let doc = crate::parse_str(text, &crate::ReadOptions::default()).unwrap();
        let html = to_string(&doc, &HtmlOptions::default());
        // The targets stand in the target column, marked as targets.
        for target in ["提高", "95%"] {
            assert!(html.contains(&format!(">{target}</td>")), "{target}");
            let cell = html.split("<td").find(|c| c.contains(&format!(">{target}</td>"))).unwrap();
            assert!(cell.contains("jx-target"), "{target}: {cell}");
        }
    }

    #[test]
    fn findings_are_marked_on_their_cells() {
        let doc = sample();
        let findings = crate::review(&doc, &crate::ReviewConfig::new());
        assert!(!findings.is_empty());
        let html = to_string(&doc, &HtmlOptions { findings: &findings, ..HtmlOptions::default() });
        let placed = place(&doc, &findings);
        let on_cells = placed.cell.iter().filter(|c| c.is_some()).count();
        let indicator_findings = findings.iter().filter(|f| f.indicator.is_some()).count();
        assert!(on_cells >= indicator_findings, "{on_cells} of {indicator_findings} indicator findings on a cell");
        for (k, f) in findings.iter().enumerate() {
            assert!(html.contains(&format!("data-f=\"{k}\"")), "finding {k} is listed");
            assert!(html.contains(&escape(&f.message_zh)), "its message is shown");
        }
        assert!(html.contains("class=\"jx-f jx-f-"));
        let en = to_string(&doc, &HtmlOptions { findings: &findings, lang: Lang::En, ..HtmlOptions::default() });
        assert!(en.contains(&escape(&findings[0].message)));
    }

    #[test]
    fn hostile_text_never_becomes_markup() {
        let evil = "<script>alert(1)</script>\"' onmouseover=x <img src=x onerror=y>&amp;";
        let mut text = String::from("第二部分 专项资金绩效目标\n\n1、");
        text.push_str(evil);
        text.push_str("绩效目标表\n\t绩效目标\n\t");
        text.push_str(evil);
        text.push_str("\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n\t指标值确定依据\n\n\t产出指标\n\t数量指标\n\t");
        text.push_str(evil);
        text.push_str("\n\t");
        text.push_str(evil);
        text.push_str("\n\t");
        text.push_str(evil);
        text.push_str("\n\t");
        text.push_str(evil);
        text.push('\n');
        let doc = crate::parse_str(&text, &crate::ReadOptions::default()).unwrap();
        let findings = crate::review(&doc, &crate::ReviewConfig::new());
        for options in [
            HtmlOptions { findings: &findings, page: true, ..HtmlOptions::default() },
            HtmlOptions { findings: &findings, lang: Lang::En, ..HtmlOptions::default() },
        ] {
            let html = to_string(&doc, &options);
            assert!(html.contains("&lt;script&gt;"), "the text is there, escaped");
            assert!(!html.contains("<script"), "{html}");
            assert!(!html.contains("<img"));
            assert!(!html.contains("' onmouseover"));
            assert!(!html.contains("\" onmouseover"));
            // Every attribute is closed where the drawing closes it: quotes only in pairs.
            for tag in html.split('<').skip(1) {
                let inside = tag.split('>').next().unwrap_or("");
                assert_eq!(inside.matches('"').count() % 2, 0, "{inside}");
            }
        }
    }

    #[test]
    fn a_self_evaluation_shows_the_computed_score_beside_the_reported_one() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/selfeval-2023.txt")).unwrap();
        let doc = crate::parse_str(&text, &crate::ReadOptions::default()).unwrap();
        let report = crate::score(&doc, &crate::ScoringRules::default());
        assert!(!report.tables.is_empty());
        let html = to_string(&doc, &HtmlOptions { score: Some(&report), ..HtmlOptions::default() });
        assert!(html.contains("计算得分"));
        assert!(html.contains("计算总分"));
        let scored = report.tables.iter().flat_map(|t| &t.indicators).filter(|i| i.score.is_some()).count();
        assert!(html.matches("class=\"jx-computed").count() > scored);
        let differs = report.tables.iter().flat_map(|t| &t.indicators).any(|i| i.difference.is_some_and(|d| d.abs() >= 0.005));
        assert_eq!(html.contains("jx-computed jx-diff"), differs);
    }

    #[test]
    fn a_score_finding_is_marked_on_the_column_it_is_about() {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/selfeval-sample.xlsx")).unwrap();
        let doc = crate::parse_bytes(&bytes, &crate::ReadOptions::default()).unwrap();
        let report = crate::score(&doc, &crate::ScoringRules::default());
        let mismatches: Vec<usize> = report.findings.iter().enumerate().filter(|(_, f)| f.rule == "score-mismatch").map(|(k, _)| k).collect();
        assert!(!mismatches.is_empty());
        let placed = place(&doc, &report.findings);
        for k in mismatches {
            let id = placed.cell[k].as_ref().expect("on a cell");
            let (st, col) = placed
                .per_table
                .iter()
                .find(|(_, ks)| ks.contains(&k))
                .map(|(st, _)| (*st, id.rsplit("-c").next().unwrap().parse::<usize>().unwrap()))
                .unwrap();
            let d = draw(&doc.sections[st.0].tables[st.1]);
            assert_eq!(d.keys[col].0, ColumnRole::Score, "{id}");
        }
    }

    #[test]
    fn empty_columns_out_to_a_far_cell_are_not_drawn() {
        let mut text =
            String::from("第二部分 专项资金绩效目标\n\n1、远处绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n\t指标值确定依据\n");
        text.push_str(&"\t\n".repeat(3000));
        text.push_str("\t远处\n\n\t产出指标\n\t数量指标\n\t指标\n\t描述\n\t≥1个\n\t依据\n");
        let doc = crate::parse_str(&text, &crate::ReadOptions::default()).unwrap();
        let table = doc.tables().next().unwrap().1;
        assert!(table.columns.len() > 3000, "{}", table.columns.len());
        let html = to_string(&doc, &HtmlOptions::default());
        assert!(html.contains("远处") && html.contains("≥1个"));
        assert!(html.matches("<td").count() + html.matches("<th").count() < 30, "{}", html.len());
    }

    #[test]
    fn a_table_and_findings_alone() {
        let doc = sample();
        let findings = crate::review(&doc, &crate::ReviewConfig::new());
        let (s, t) = doc.sections.iter().enumerate().find_map(|(s, sec)| (!sec.tables.is_empty()).then_some((s, 0))).unwrap();
        let one = table_to_string(&doc, s, t, &HtmlOptions { findings: &findings, ..HtmlOptions::default() }).unwrap();
        assert_eq!(one.matches("<table class=\"jx-form\">").count(), 1);
        assert!(table_to_string(&doc, 99, 0, &HtmlOptions::default()).is_none());
        let list = findings_to_string(&findings, Lang::Zh);
        assert_eq!(list.matches("<li class=\"jx-finding").count(), findings.len());
    }
}
