//! Table rows → objective, blocks, header and the indicator category tree. Shared by every
//! reader that sees a table as rows of cells, so that the rules (headers decide the columns,
//! merged cells read empty, skeleton categories stay, footers are not indicators) live in one place.

mod blocks;
mod headless;
mod levels_by_names;

use crate::grammar::form::cells::{compose_target, is_sign, l_text, number_text, points};
use crate::grammar::form::columns::{self, column_keys, combine_header, is_lower_header, place_columns};
use crate::grammar::form::funds::funds_rows;
use crate::grammar::form::info;
use crate::grammar::is_blank;
use crate::grammar::target::is_empty_mark;
use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::grammar::fold::{join_wrapped, same_squeezed, squeezed};
use crate::grammar::labels::{self, ColumnRole, is_blank_form_name, is_footer_label, is_header_row};
use crate::model::{Amount, Category, Comparator, Duty, Funds, Indicator, Location, Midterm, Note, Remark, SubCategory, Subtotal, TableKind, TargetKind};
use blocks::{DutiesBlock, FundsBlock, is_duties_header, is_funds_header, is_funds_upper_header};

/// One cell: its text exactly as written (paragraphs joined by `\n`) and its first line. The
/// text is borrowed from the reader's input when it can be: most cells are read once and copied
/// only into the model, if at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell<'a> {
    pub text: Cow<'a, str>,
    pub line: usize,
}

/// One table row; never empty.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row<'a> {
    pub cells: Vec<Cell<'a>>,
    /// Whether its source writes every cell of a row, empty or not (a text save); a grid's row
    /// (a sheet, a web page) may end at its last filled cell.
    pub whole: bool,
}

impl Row<'_> {
    pub fn line(&self) -> usize {
        self.cells.first().map_or(0, |c| c.line)
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| is_blank(&c.text))
    }

    fn texts(&self) -> Vec<&str> {
        self.cells.iter().map(|c| c.text.as_ref()).collect()
    }
}

/// What a table's rows hold, ready to go into a [`crate::model::Table`]. A sheet of many
/// projects gives one body per project.
#[derive(Debug, Default)]
pub struct TableBody {
    pub objective: Option<String>,
    /// 基本信息: the fields above the header.
    pub info: Vec<Remark>,
    pub columns: Vec<String>,
    pub categories: Vec<Category>,
    pub funds: Option<Funds>,
    pub duties: Vec<Duty>,
    pub remarks: Vec<Remark>,
    pub subtotals: Vec<Subtotal>,
    pub total_score: Option<f64>,
    pub grade: Option<String>,
    /// 项目名称 / 单位名称 / 预算数 of a sheet of many projects.
    pub project: Option<String>,
    /// A 项目名称 row above the header: the table's name.
    pub name: Option<String>,
    pub unit: Option<String>,
    pub budget: Option<Amount>,
    /// What the columns say the table is (自评 when it has 实际完成值 or 得分 …); None: a target table.
    pub kind: Option<TableKind>,
}

/// Reads a row of fields above the header (主管部门 | 某局 | 实施单位 | 某局办公室) into `info`;
/// false, reading nothing, when its first non-empty cell is no field's label.
fn info_row(cells: &[Cell<'_>], info: &mut Vec<Remark>) -> bool {
    let texts: Vec<&str> = cells.iter().map(|c| c.text.as_ref()).collect();
    let Some(fields) = info::fields(&texts) else { return false };
    for (at, text) in fields {
        info.push(Remark { label: texts[at].trim().to_owned(), text, location: Location::line(cells[at].line) });
    }
    true
}

/// A cell the reader keeps as a note, when it holds anything.
fn note_cell(cell: &Cell<'_>, notes: &mut Vec<Note>) {
    if !is_blank(&cell.text) {
        notes.push(Note { location: Location::line(cell.line), text: cell.text.clone().into_owned() });
    }
}

const GRADES: &[&str] = &["优", "良", "中", "差", "优秀", "良好", "合格", "不合格", "较差"];

/// The tables a title and its bodies make: one per body (a sheet of many projects gives several,
/// each named by its 项目名称). The title's kind yields to what the columns say only when the
/// title says nothing (a plain 绩效目标表 with 实际完成值 columns is a self-evaluation).
pub fn into_tables(template: crate::model::Table, title_kind: Option<TableKind>, bodies: Vec<TableBody>) -> Vec<crate::model::Table> {
    // Every body of a table has its header's columns: their roles, found once and only if asked.
    let keys = std::cell::OnceCell::new();
    bodies
        .into_iter()
        .map(|mut b| {
            let mut t = template.clone();
            t.kind = title_kind
                .or_else(|| b.kind.filter(|k| *k != TableKind::SelfEvaluation || reports_results(&b, keys.get_or_init(|| column_keys(&b.columns)))))
                .unwrap_or_default();
            if t.kind == TableKind::SelfEvaluation {
                progress_as_actual(&b.columns, keys.get_or_init(|| column_keys(&b.columns)), &mut b.categories);
            }
            if let Some(name) = b.name {
                t.name = name;
            }
            if let Some(project) = b.project {
                // One of many projects on a sheet: the title's number and code are the sheet's.
                t.name = project;
                t.number = None;
                t.code = None;
            }
            t.objective = b.objective;
            t.info = b.info;
            t.columns = b.columns;
            t.categories = b.categories;
            t.funds = b.funds.map(Box::new);
            t.duties = b.duties;
            t.remarks = b.remarks;
            t.subtotals = b.subtotals;
            t.total_score = b.total_score;
            t.grade = b.grade;
            t.unit = b.unit;
            t.budget = b.budget.map(Box::new);
            shrink(&mut t);
            t
        })
        .collect()
}

/// Whether a table reports what was done, or is a sheet to score it: a result, a score or a
/// total in it, or a 得分 column (a blank evaluation framework). A form with only its 实际完成值
/// column still blank, under a title that says no kind, is a target table as published (a
/// province's target form that doubles as the later self-evaluation).
fn reports_results(b: &TableBody, keys: &[(ColumnRole, String)]) -> bool {
    b.total_score.is_some()
        || keys.iter().any(|(r, _)| *r == ColumnRole::Score)
        || b.categories
            .iter()
            .flat_map(|c| &c.children)
            .flat_map(|s| &s.indicators)
            .any(|i| i.actual.is_some() || i.reported_score.is_some() || !is_blank(&i.deviation))
}

/// A self-evaluation whose only result column says how far the work got (实施进度, 全年执行情况):
/// at the year's end that is the result, read as each indicator's actual (the writer puts it
/// back there: `columns::table_keys`). Not a monitoring form's, whatever its title says: one
/// whose progress is of part of the year (`1-6月执行情况`, `截至6月`) or that forecasts the year.
fn progress_as_actual(columns: &[String], keys: &[(ColumnRole, String)], categories: &mut [Category]) {
    let indicators = || categories.iter().flat_map(|c| &c.children).flat_map(|s| &s.indicators);
    if indicators().any(|i| i.actual.is_some() || i.expected.is_some()) || !indicators().any(|i| i.progress.is_some()) {
        return;
    }
    let part_of_year = |label: &str| {
        let k = labels::key(label);
        k.contains('月') || k.contains("截至") || k.contains("截止") || k.contains("半年") || k.contains("季度")
    };
    if keys.iter().any(|(r, _)| matches!(r, ColumnRole::Expected | ColumnRole::Likelihood))
        || columns.iter().zip(keys).any(|(label, (r, _))| *r == ColumnRole::Progress && part_of_year(label))
    {
        return;
    }
    for i in categories.iter_mut().flat_map(|c| &mut c.children).flat_map(|s| &mut s.indicators) {
        i.actual = i.progress.take();
    }
}

/// Gives back the spare capacity of a table's lists. A list grows by doubling from four, and
/// most level-2 cells hold one to three indicators: without this a table's indicators take
/// about three times the memory they need.
fn shrink(table: &mut crate::model::Table) {
    table.columns.shrink_to_fit();
    table.categories.shrink_to_fit();
    for category in &mut table.categories {
        category.children.shrink_to_fit();
        for sub in &mut category.children {
            sub.indicators.shrink_to_fit();
        }
    }
    table.remarks.shrink_to_fit();
    table.duties.shrink_to_fit();
    table.subtotals.shrink_to_fit();
}

/// What the pipeline holds of one cell beyond its text, charged to the read's memory budget
/// ([`crate::read::budget`]) as the rows enter: the cell in its row (32 bytes); what the model
/// keeps of it is its text, charged by its bytes. Small enough that a text save (a cell takes
/// at least two of its bytes) stays within the default budget whatever it holds, so that its
/// tables can be handed on as read (`read::parse_bytes_to`).
pub(crate) const CELL_COST: u64 = 32;

/// Whether a cell is the label of the table's name in a row above its header.
fn is_name_label(text: &str) -> bool {
    labels::is_project_name_label(text)
}

/// Whether a cell is the label of a block of fields above the header (专项基本情况, 项目基本信息).
fn is_block_label(text: &str) -> bool {
    labels::short_key(text).is_ok_and(|k| k.ends_with("基本情况") || k.ends_with("基本信息"))
}

/// Builds the table bodies from a table's rows; what fits nowhere becomes notes.
pub fn build(rows: Vec<Row<'_>>, notes: &mut Vec<Note>) -> Vec<TableBody> {
    // Past the budget nothing is built: the read ends in the budget's error.
    if !crate::read::budget::charge(rows.iter().flat_map(|r| &r.cells).map(|c| c.text.len() as u64 + CELL_COST).sum()) {
        return Vec::new();
    }
    let mut first = TableBody::default();
    let mut rows: Vec<Row<'_>> = rows.into_iter().filter(|r| !r.cells.is_empty()).collect();
    // A table with no header row at all (a copy that starts below it): its columns by what
    // their cells hold, when its rows show an indicator table's shape; their labels stay blank,
    // as the copy has none (`headless-table` says so).
    let (headless, data) = match (!has_header(&rows)).then(|| headless::roles(&rows)).flatten() {
        Some((start, roles)) => {
            first.columns = vec![String::new(); roles.len()];
            // The rows above the indicator rows (the objective, the funds) are read as above a header.
            let data = rows.split_off(start);
            (Some(roles), data)
        }
        None => (None, Vec::new()),
    };
    let mut rows = rows.into_iter().peekable();
    // Before the header: the objective row, the funds and duties blocks; anything else is kept
    // as notes.
    let mut block = Block::Nothing;
    // A header that names only its value columns: its levels and names are read by place.
    let mut values_header = false;
    // The objective's label and place, once read.
    let mut objective: Option<(String, Location)> = None;
    let says_annual = |label: &str| ["年度", "当年", "本年"].iter().any(|w| label.contains(w));
    while let Some(mut row) = rows.next() {
        // The two kinds exclude each other: the common one is looked for first.
        let named = is_header_row(row.texts());
        values_header = !named && rows.peek().is_some_and(|next| columns::is_values_header(&row.texts(), &next.texts()));
        if named || values_header {
            first.columns = row.cells.into_iter().map(|c| c.text.into_owned()).collect();
            if let Some(next) = rows.peek() {
                let upper: Vec<&str> = first.columns.iter().map(String::as_str).collect();
                if is_lower_header(&upper, &next.texts()) {
                    let lower: Vec<String> = rows.next().map(|r| r.cells.into_iter().map(|c| c.text.into_owned()).collect()).unwrap_or_default();
                    first.columns = combine_header(&first.columns, &lower);
                }
            }
            break;
        }
        // A block's label merged down the rows it heads (专项基本情况 over 专项名称, 主管部门 …):
        // kept as a note, and the row read from the label after it.
        if row.cells.len() > 2
            && is_block_label(&row.cells[0].text)
            && (is_name_label(&row.cells[1].text) || info::is_info_label(&row.cells[1].text))
            && !is_funds_header(&row)
            && !is_funds_upper_header(&row)
        {
            note_cell(&row.cells.remove(0), notes);
        }
        // A name's label and value in one cell (项目名称:海南省…项目, a form that merged them):
        // read as the two cells a form gives them.
        if first.name.is_none()
            && let Some((label, value)) = row.cells[0].text.split_once([':', '：']).filter(|(l, v)| is_name_label(l) && !is_blank(v))
        {
            let (label, value, line) = (label.to_owned(), value.trim().to_owned(), row.cells[0].line);
            row.cells[0].text = label.into();
            row.cells.insert(1, Cell { text: value.into(), line });
        }
        if is_funds_header(&row) {
            block.close(&mut first, notes);
            block = Block::Funds(FundsBlock::new(row));
        } else if is_funds_upper_header(&row) && rows.peek().is_some_and(is_funds_header) {
            block.close(&mut first, notes);
            let lower = rows.next().expect("peeked above");
            block = Block::Funds(FundsBlock::two_rows(row, lower));
        } else if is_duties_header(&row) {
            block.close(&mut first, notes);
            let (duties, rest) = DutiesBlock::new(&row);
            rest.into_iter().for_each(|c| note_cell(c, notes));
            block = Block::Duties(duties);
        } else if first.name.is_none() && is_name_label(&row.cells[0].text) && row.cells.len() > 1 {
            block.close(&mut first, notes);
            block = Block::Nothing;
            // The name is the first cell; fields after it (项目名称 | X | 项目负责人及电话 | 李宁) are
            // read as fields, and any other further cells are kept as notes.
            if let Some(at) = row.cells.iter().skip(2).position(|c| info::is_info_label(&c.text)).map(|i| i + 2) {
                info_row(&row.cells[at..], &mut first.info);
                row.cells.truncate(at);
            }
            let texts: Vec<&str> = row.cells[1..].iter().map(|c| c.text.as_ref()).filter(|t| !is_blank(t)).collect();
            if let Some((name, rest)) = texts.split_first() {
                // A cell that copies the table's title (`…经费支出绩效自评表`) names it as the
                // title does: without the form's words.
                let titled = crate::grammar::form::titles::table_title(name.trim()).filter(|t| !t.name.is_empty());
                first.name = Some(titled.map_or_else(|| (*name).to_owned(), |t| t.name));
                let line = row.line();
                rest.iter().skip_while(|t| *t == name).for_each(|t| notes.push(Note { location: Location::line(line), text: (*t).to_owned() }));
            }
        } else if info::is_objective_label(&row.cells[0].text) && row.cells[1..].iter().any(|c| !is_blank(&c.text)) {
            block.close(&mut first, notes);
            block = Block::Nothing;
            let texts: Vec<&str> = row.cells[1..].iter().map(|c| c.text.as_ref()).filter(|t| !is_blank(t)).collect();
            let (label, text, location) = (row.cells[0].text.trim().to_owned(), texts.join("\n"), Location::line(row.line()));
            // The year's objective is the table's (its indicators are the year's); another one
            // (项目总体目标, 中长期目标) is kept as a field.
            if objective.as_ref().is_none_or(|(before, _)| !says_annual(before) && says_annual(&label)) {
                if let (Some((label, location)), Some(text)) = (objective.take(), first.objective.take()) {
                    first.info.push(Remark { label, text, location });
                }
                objective = Some((label, location));
                first.objective = Some(text);
            } else {
                first.info.push(Remark { label, text, location });
            }
        } else if row.is_blank() {
            continue;
        } else {
            match &mut block {
                Block::Funds(funds) => funds.row(&row),
                Block::Duties(duties) => duties.row(&row, &mut first.duties).into_iter().for_each(|c| note_cell(c, notes)),
                Block::Nothing => {
                    if !info_row(&row.cells, &mut first.info) {
                        row.cells.iter().for_each(|c| note_cell(c, notes));
                    }
                }
            }
        }
    }
    block.close(&mut first, notes);
    let mut rows: Vec<Row<'_>> = if headless.is_some() { data } else { rows.collect() };
    // A last header cell with no label over a column no row fills (a copy's trailing empty
    // cell) is no column: a sheet written from the table would not have it.
    while first.columns.last().is_some_and(|l| is_blank(l)) {
        let at = first.columns.len() - 1;
        if rows.iter().any(|r| r.cells.get(at).is_some_and(|c| !is_blank(&c.text))) {
            break;
        }
        first.columns.pop();
    }
    span_header(&mut first.columns, &rows, values_header);
    let mut keys = match headless {
        Some(roles) => columns::keys_of(&first.columns, roles),
        None => column_keys(&first.columns),
    };
    if values_header {
        let level1 = level1_before_name(&keys, &rows);
        columns::levels_before_values(&mut keys, level1);
    }
    first.kind = kind_of(&keys, &first);
    shift_levels(&mut keys, &rows);
    level1_by_words(&mut keys, &rows);
    level2_by_words(&mut keys, &rows);
    weight_by_cells(&mut keys, &rows);
    let mut firsts: Vec<(ColumnRole, usize)> = Vec::new();
    for (i, (role, _)) in keys.iter().enumerate() {
        if !firsts.iter().any(|(r, _)| r == role) {
            firsts.push((*role, i));
        }
    }
    let places = place_columns(&keys);
    // A copy cut inside its last row is no indicator: its cells are kept as notes.
    if cut_inside_last_row(&keys, &places, &rows) {
        rows.pop().iter().flat_map(|r| &r.cells).for_each(|c| note_cell(c, notes));
    }
    let mut reader = IndicatorRows {
        keys,
        firsts,
        places,
        bodies: vec![first],
        pending: Vec::new(),
        current: (None, None),
        spans_level1: false,
        after_footer: None,
        labels: LabelIndex::default(),
    };
    for row in rows {
        reader.row(row, notes);
    }
    reader.finish()
}

/// Whether the table's last row is one a copy cut inside (a page's text that stops after the
/// first characters of a name): in a text save, which writes every cell of a row, empty or not
/// (a sheet's row may end at its last filled cell), it ends at the name cell, short of the
/// header (a merged-across cell makes a row at most one short, and never ends it at the name),
/// while every other named row has its target (so not a blank template, whose rows are all names).
fn cut_inside_last_row(keys: &[(ColumnRole, String)], places: &[(usize, String)], rows: &[Row<'_>]) -> bool {
    let col = |role| keys.iter().position(|(r, _)| *r == role);
    let (Some(name), Some(target)) = (col(ColumnRole::Name), col(ColumnRole::Target).or(places.first().map(|(c, _)| *c))) else { return false };
    let Some((last, before)) = rows.split_last() else { return false };
    let filled = |r: &Row<'_>, c: usize| r.cells.get(c).is_some_and(|c| !is_blank(&c.text));
    let footer = |r: &Row<'_>| r.cells.iter().find(|c| !is_blank(&c.text)).is_some_and(|c| is_footer_label(&c.text));
    if !last.whole || last.cells.len() != name + 1 || last.cells.len() + 1 >= keys.len() || !filled(last, name) || footer(last) {
        return false;
    }
    let named: Vec<&Row<'_>> = before.iter().filter(|r| filled(r, name) && !footer(r)).collect();
    named.len() >= 2 && named.iter().all(|r| filled(r, target))
}

/// A weight column whose cells hold prose and no points, beside a later one whose label says
/// weight and whose cells hold points (see [`columns::prose_weight_column`]).
fn weight_by_cells(keys: &mut [(ColumnRole, String)], rows: &[Row<'_>]) {
    // How many of a column's cells hold text, and how many of them points.
    let points_in = |c: usize| {
        let cells = rows.iter().filter_map(|r| r.cells.get(c)).map(|c| c.text.as_ref()).filter(|t| !is_blank(t));
        cells.fold((0, 0), |(n, p): (usize, usize), t| (n + 1, p + usize::from(points(t).is_some())))
    };
    columns::prose_weight_column(keys, |c, _| matches!(points_in(c), (n, 0) if n >= 2), |c| matches!(points_in(c), (n, p) if n >= 2 && p == n));
}

/// Whether any row is a header: one that names its columns, or the value labels of one that
/// names only those.
fn has_header(rows: &[Row<'_>]) -> bool {
    rows.iter().any(|r| is_header_row(r.texts())) || rows.windows(2).any(|w| columns::is_values_header(&w[0].texts(), &w[1].texts()))
}

/// Whether, in a header that names only its values, the column right before the names' holds
/// level-1 words and nothing else (`指标类别 | 具体指标 | 绩效目标值` over `产出指标 | 培训人数 | …`):
/// a form with no level-2.
fn level1_before_name(keys: &[(ColumnRole, String)], rows: &[Row<'_>]) -> bool {
    let Some(lead) = keys.iter().position(|(r, _)| *r != ColumnRole::Extra) else { return false };
    let Some(c) = lead.checked_sub(2) else { return false };
    only_level1_words(words_in(rows, c))
}

/// The non-blank cells of column `c` of `rows`.
fn words_in<'r, R: std::borrow::Borrow<Row<'r>>>(rows: &'r [R], c: usize) -> impl Iterator<Item = &'r str> {
    rows.iter().filter_map(move |r| r.borrow().cells.get(c)).map(|cell| cell.text.as_ref()).filter(|t| !is_blank(t))
}

/// Whether there are words, each a level-1's (产出指标, 效益指标).
fn only_level1_words<'w>(words: impl Iterator<Item = &'w str>) -> bool {
    let mut words = words.peekable();
    words.peek().is_some() && words.all(|w| labels::level1(w) != crate::model::Level1::Other)
}

/// The rows that name an indicator (a note under the table stands in the first column too).
fn indicator_rows<'r, 'a>(keys: &[(ColumnRole, String)], rows: &'r [Row<'a>]) -> Option<Vec<&'r Row<'a>>> {
    let name = keys.iter().position(|(r, _)| *r == ColumnRole::Name)?;
    Some(rows.iter().filter(|r| r.cells.get(name).is_some_and(|cell| !is_blank(&cell.text))).collect())
}

/// A header one or two cells shorter than the rows under it: a text save writes a label merged
/// across columns once (評價內容 over the level-1 and the level-2; a group label over a 一级 column
/// whose label a copy lost). The missing columns read empty, as a merged cell's further columns
/// do. Only the rows wider than the header count, all of one width (a footer, or a row whose
/// cells a merge spans, is narrower). A header that names only its values has its first label
/// spanned; any other has the columns where its level columns then hold the most level words,
/// when that is more than before (the first label spanning, on a tie), else after the last.
fn span_header(columns: &mut Vec<String>, rows: &[Row<'_>], values_header: bool) {
    let mut wider = rows.iter().filter(|r| !r.is_blank()).map(|r| r.cells.len()).filter(|w| *w > columns.len());
    let Some(width) = wider.next() else { return };
    let missing = width - columns.len();
    if columns.is_empty() || !(1..=2).contains(&missing) || !wider.all(|w| w == width) {
        return;
    }
    let at = if values_header {
        1
    } else {
        // Where the level columns stand once the missing columns are put at `at`: only whether
        // `at` is left of each matters, so a wide header costs no more than a narrow one.
        let keys = column_keys(columns);
        let col = |role| keys.iter().position(|(r, _)| *r == role);
        let (l1, l2) = (col(ColumnRole::Level1), col(ColumnRole::Level2));
        let moved = |c: Option<usize>, at: usize| c.map(|c| if c >= at { c + missing } else { c });
        let before = level_words(rows, l1, l2);
        let mut best = (before, None);
        for at in [1, 0].into_iter().chain([l1, l2].into_iter().flatten().map(|c| c + 1)).filter(|&at| at <= columns.len()) {
            let n = level_words(rows, moved(l1, at), moved(l2, at));
            if n > best.0 {
                best = (n, Some(at));
            }
        }
        // No place gives the levels more words: the rows' further cells stand after the
        // header's (a last label left blank, which a sheet's header row does not write), each
        // a column of its own rather than a note, when rows fill them (two at least: one row's
        // stray cell is a note).
        match best.1 {
            Some(at) => at,
            None if rows.iter().filter(|r| r.cells.get(columns.len()..).is_some_and(|rest| rest.iter().any(|c| !is_blank(&c.text)))).count() >= 2 => {
                columns.len()
            }
            None => return,
        }
    };
    columns.splice(at..at, std::iter::repeat_n(String::new(), missing));
}

/// How many of the rows' cells in the 一级 column `l1` hold a level-1 word, and in the 二级 column
/// `l2` a level-2 word.
fn level_words(rows: &[Row<'_>], l1: Option<usize>, l2: Option<usize>) -> usize {
    rows.iter()
        .map(|r| {
            let at = |c: Option<usize>| c.and_then(|c| r.cells.get(c)).map(|c| c.text.as_ref()).filter(|t| !is_blank(t));
            usize::from(at(l1).is_some_and(|t| labels::level1(t) != crate::model::Level1::Other))
                + usize::from(at(l2).is_some_and(|t| labels::level2(t) != crate::model::Level2::Other))
        })
        .sum()
}

/// A table with no 三级 column whose 一级 column holds only level-2 words (数量指标, 质量指标,
/// 成本指标) and its 二级 column the indicators' names (a form without the 产出 level): the
/// columns say one level more than their cells, so they are read by meaning, one level down.
/// The level-1 is then the one each row's level-2 implies (see [`implied_level1`]).
fn shift_levels(keys: &mut [(ColumnRole, String)], rows: &[Row<'_>]) {
    use ColumnRole::*;
    let col = |role| keys.iter().position(|(r, _)| *r == role);
    let (Some(l1), Some(l2), None) = (col(Level1), col(Level2), col(Name)) else { return };
    let words: Vec<&str> = rows.iter().filter_map(|r| r.cells.get(l1)).map(|c| c.text.as_ref()).filter(|t| !is_blank(t)).collect();
    let level2_words = !words.is_empty() && words.iter().all(|w| labels::level2(w) != crate::model::Level2::Other);
    let not_level1 = words.iter().any(|w| labels::level1(w) == crate::model::Level1::Other);
    let names = rows.iter().filter_map(|r| r.cells.get(l2)).any(|c| !is_blank(&c.text) && labels::level2(&c.text) == crate::model::Level2::Other);
    if level2_words && not_level1 && names {
        crate::grammar::form::columns::one_level_down(keys);
    }
}

/// A header with no 一级 column, whose column left of the indicators' names holds level-1 words
/// and nothing else on the indicators' rows (指標類型 over 產出指標 / 成效指標): that column is
/// the level-1's, whatever it is headed (see `columns::level1_column` for the writer's side).
fn level1_by_words(keys: &mut [(ColumnRole, String)], rows: &[Row<'_>]) {
    let Some(indicators) = indicator_rows(keys, rows) else { return };
    if let Some(column) = columns::level1_column(keys, |c| only_level1_words(words_in(&indicators, c))) {
        keys[column].0 = ColumnRole::Level1;
    }
}

/// A header with no 二级 column, whose column between the level-1's (if any) and the names holds
/// category words and nothing else on the indicators' rows (评价内容 over 制度指标 / 产出数量指标 /
/// 质量指标), one at least a level-2 the form knows: that column is the level-2's, whatever it is
/// headed (see `columns::level2_column` for the writer's side).
fn level2_by_words(keys: &mut [(ColumnRole, String)], rows: &[Row<'_>]) {
    let Some(indicators) = indicator_rows(keys, rows) else { return };
    let Some(column) = columns::level2_column(keys, |c| {
        let words: Vec<&str> = words_in(&indicators, c).collect();
        let known = |w: &str| labels::level2(w) != crate::model::Level2::Other;
        // A category's label, not a level-1's: `制度指标`, with a bracketed score at most, or
        // one of the evaluation framework's own level-2s (项目立项, 资金管理).
        let category = |w: &str| {
            labels::level1(w) == crate::model::Level1::Other
                && (labels::short_key(w).is_ok_and(|k| k.ends_with("指标") && k.chars().count() <= 8)
                    || labels::level1_implied_by(w) != crate::model::Level1::Other)
        };
        words.iter().any(|w| known(w)) && words.iter().all(|w| known(w) || category(w))
    }) else {
        return;
    };
    keys[column].0 = ColumnRole::Level2;
}

/// The block above the indicator header being read.
enum Block {
    Nothing,
    Funds(FundsBlock),
    Duties(DutiesBlock),
}

impl Block {
    /// Ends the block: the first funds block is the table's; a second one has no place in the
    /// model and is kept, cell by cell, as notes.
    fn close(&mut self, body: &mut TableBody, notes: &mut Vec<Note>) {
        if let Block::Funds(block) = std::mem::replace(self, Block::Nothing) {
            let funds = block.funds;
            if body.funds.is_none() {
                body.funds = Some(funds);
            } else {
                let places = std::iter::once(&funds.location).chain(funds.rows.iter().map(|r| &r.location));
                for (cells, place) in funds_rows(&funds).into_iter().zip(places) {
                    cells.into_iter().filter(|t| !is_blank(t)).for_each(|text| notes.push(Note { location: place.clone(), text }));
                }
            }
        }
    }
}

/// What the columns say a table is.
fn kind_of(keys: &[(ColumnRole, String)], body: &TableBody) -> Option<TableKind> {
    let has = |role| keys.iter().any(|(r, _)| *r == role);
    if has(ColumnRole::Progress) || has(ColumnRole::Expected) || has(ColumnRole::Likelihood) {
        Some(TableKind::Monitoring)
    } else if has(ColumnRole::Actual) || has(ColumnRole::Score) {
        Some(TableKind::SelfEvaluation)
    } else if !body.duties.is_empty() {
        Some(TableKind::DepartmentWide)
    } else {
        None
    }
}

/// The indicator rows below the header.
struct IndicatorRows {
    keys: Vec<(ColumnRole, String)>,
    /// Each role's first column, found once: a header that reaches out to column XFD made each
    /// look-up, a score of them for every row, walk 16,384 keys.
    firsts: Vec<(ColumnRole, usize)>,
    /// A target set per place: each place's column and name (see `place_columns`).
    places: Vec<(usize, String)>,
    bodies: Vec<TableBody>,
    /// Subtotal rows waiting for the project they precede.
    pending: Vec<Subtotal>,
    /// The level-1 and level-2 categories the last row went to, for merged (empty) cells below.
    current: (Option<usize>, Option<usize>),
    /// Whether the row being read has its level-2 label merged across the 一级 column.
    spans_level1: bool,
    /// The label of the row before when it was a footer whose label stood in the first cell.
    after_footer: Option<String>,
    /// The categories of the body being read, by label.
    labels: LabelIndex,
}

/// The categories of the body being read, by label: a table of many groups, or a group of many
/// level-2s, finds a label's category in constant time, not by walking every one before it
/// (100 000 rows of 33 000 groups took a minute). Each look-up answers as that walk would.
#[derive(Default)]
struct LabelIndex {
    /// The first category of each squeezed label.
    first: std::collections::HashMap<String, usize>,
    /// Every category of each label as written, in the order they were indexed (a relabelled one
    /// may come later): checked against the categories as they are now.
    exact: std::collections::HashMap<String, Vec<usize>>,
    indexed: usize,
    /// The first level-2 of each squeezed label, per category.
    children: std::collections::HashMap<(usize, String), usize>,
    children_indexed: Vec<usize>,
}

impl LabelIndex {
    fn sync(&mut self, categories: &[Category]) {
        for (i, c) in categories.iter().enumerate().skip(self.indexed) {
            self.first.entry(squeezed(&c.label).collect()).or_insert(i);
            self.exact.entry(c.label.clone()).or_default().push(i);
        }
        self.indexed = categories.len();
    }

    /// The first category whose label is `label` squeezed.
    fn find(&mut self, categories: &[Category], label: &str) -> Option<usize> {
        self.sync(categories);
        match self.first.get(&squeezed(label).collect::<String>()) {
            Some(&i) if same_squeezed(&categories[i].label, label) => Some(i),
            // The first such category's label changed since (a merged cell's label found
            // later): walk.
            Some(_) => categories.iter().position(|c| same_squeezed(&c.label, label)),
            None => None,
        }
    }

    /// The first category of level `level1` whose label is `label` as written.
    fn with_level(&mut self, categories: &[Category], label: &str, level1: crate::model::Level1) -> Option<usize> {
        self.sync(categories);
        self.exact.get(label)?.iter().copied().filter(|&k| categories[k].level1 == level1 && categories[k].label == label).min()
    }

    /// Category `c`, whose label was set after it was indexed.
    fn relabelled(&mut self, categories: &[Category], c: usize) {
        self.sync(categories);
        let first = self.first.entry(squeezed(&categories[c].label).collect()).or_insert(c);
        *first = (*first).min(c);
        self.exact.entry(categories[c].label.clone()).or_default().push(c);
    }

    /// The first level-2 of category `c` whose label is `label` squeezed (level-2 labels do not
    /// change once set).
    fn find_child(&mut self, c: usize, children: &[SubCategory], label: &str) -> Option<usize> {
        if self.children_indexed.len() <= c {
            self.children_indexed.resize(c + 1, 0);
        }
        for (j, s) in children.iter().enumerate().skip(self.children_indexed[c]) {
            self.children.entry((c, squeezed(&s.label).collect())).or_insert(j);
        }
        self.children_indexed[c] = children.len();
        self.children.get(&(c, squeezed(label).collect())).copied()
    }
}

impl IndicatorRows {
    fn col(&self, role: ColumnRole) -> Option<usize> {
        self.firsts.iter().find(|(r, _)| *r == role).map(|&(_, i)| i)
    }

    /// The level-1 a row's level-2 label implies (数量指标 → 产出) where no level-1 stands over
    /// it: the table has no 一级 column, the label spans it, or its cell is empty and no level-1
    /// label stood above; None otherwise, or with no level-2 label.
    fn implied(&self, l1: &str, l2: &str) -> Option<crate::model::Level1> {
        // Under a category no label has named (its level-1 cells empty from the table's start,
        // or its level implied), each level-2 stands under the level it implies: 经济效益指标
        // after 数量指标 is an effect, though no 效益指标 label survived.
        let unlabelled = self.current.0.and_then(|c| self.bodies.last()?.categories.get(c)).is_some_and(|c| is_blank(&c.label));
        let none_over = self.col(ColumnRole::Level1).is_none() || self.spans_level1 || self.current.0.is_none() || unlabelled;
        (none_over && is_blank(l1) && !is_blank(l2)).then(|| labels::level1_implied_by(l2)).filter(|l| *l != crate::model::Level1::Other)
    }

    fn body(&mut self) -> &mut TableBody {
        self.bodies.last_mut().expect("there is always a body")
    }

    fn row(&mut self, row: Row<'_>, notes: &mut Vec<Note>) {
        use ColumnRole::*;
        if row.is_blank() && row.cells.len() < 2 {
            return;
        }
        // The header again (a second block of the same form, a copy that repeats it on every
        // page): no indicator; its cells are kept as notes, as a line nothing places is.
        // One cell decides first: the 三级 (or 一级) column's label where the header has it.
        let texts = || row.cells.iter().map(|c| c.text.as_ref());
        let labelled = |role| self.col(role).and_then(|i| Some((row.cells.get(i)?, &self.keys[i].1))).is_some_and(|(c, k)| same_squeezed(&c.text, k));
        let repeats = || texts().zip(&self.keys).filter(|(c, (_, k))| !is_blank(c) && same_squeezed(c, k)).count();
        if labelled(Name) || labelled(Level1) {
            let n = repeats();
            if n >= 2 && 2 * n >= texts().filter(|c| !is_blank(c)).count() && is_header_row(texts()) {
                row.cells.iter().for_each(|c| note_cell(c, notes));
                return;
            }
        }
        let line = row.line();
        for extra in row.cells.iter().skip(self.keys.len()) {
            note_cell(extra, notes);
        }
        let mut cells: Vec<&str> = row.cells.iter().take(self.keys.len()).map(|c| c.text.as_ref()).collect();
        // A level-2 label merged across 一级 and 二级 (`社会公众或服务对象满意度指标` over both, a
        // word that is no level-1): the row is one cell short (or its name column holds the value
        // and the value column does not); the label is the level-2, and what follows moves one
        // column right.
        // Its rows below, in a Word save, are one cell short too: the merge goes on down as one
        // empty cell over both columns.
        let spanned_above = std::mem::replace(&mut self.spans_level1, false);
        let is_value = |c: &str| !is_blank(c) && matches!(crate::model::Target::parse(c).kind, TargetKind::Quantity | TargetKind::Range | TargetKind::Deadline);
        let shifted = |cells: &[&str]| {
            let at = |role| self.col(role).and_then(|i| cells.get(i)).copied().unwrap_or("");
            cells.len() + 1 == self.keys.len() || is_value(at(Name)) && !is_value(at(Target))
        };
        // The 一级 column when 二级 stands right of it (a label can be merged across both), and
        // what a row holds there and in the column after.
        let level1_beside_level2 = match (self.col(Level1), self.col(Level2)) {
            (Some(c1), Some(c2)) if c2 == c1 + 1 => Some(c1),
            _ => None,
        };
        if let Some(c1) = level1_beside_level2 {
            let at = |i: usize| cells.get(i).copied().unwrap_or("");
            let (first, second, third) = (at(c1), at(c1 + 1), at(c1 + 2));
            let level2_only = |l: &str| !is_blank(l) && labels::level2(l) != crate::model::Level2::Other && labels::level1(l) == crate::model::Level1::Other;
            let no_category = |n: &str| !is_blank(n) && labels::level2(n) == crate::model::Level2::Other && labels::level1(n) == crate::model::Level1::Other;
            // A row short for another reason (its value merged with the next cell) keeps its
            // value under the target.
            let value_kept = || self.col(Target).is_some_and(|t| is_value(at(t)) && !t.checked_sub(1).is_some_and(|s| is_value(at(s))));
            let label_first = level2_only(first);
            // The cell after the label names the indicator: no category word, or one with a
            // value right after it (`服务对象满意度指标 | 满意度 | 90%`: 满意度 is the name).
            if label_first && (no_category(second) || !is_blank(second) && is_value(third)) && shifted(&cells) {
                cells.insert(c1, "");
                self.spans_level1 = true;
                if cells.len() > self.keys.len() {
                    let over = row.cells.iter().skip(self.keys.len() - 1).take(cells.len() - self.keys.len());
                    over.for_each(|c| note_cell(c, notes));
                    cells.truncate(self.keys.len());
                }
            } else if label_first && is_blank(second) && !is_blank(third) {
                // The same merge in a grid (a workbook): the label, then the empty cell it covers.
                cells.swap(c1, c1 + 1);
                self.spans_level1 = true;
            } else if spanned_above && cells.len() + 1 == self.keys.len() && is_blank(first) && no_category(second) && !value_kept() {
                cells.insert(c1, "");
                self.spans_level1 = true;
            }
        }
        let cells = cells;
        let text = |c: Option<usize>| c.and_then(|i| cells.get(i)).copied().unwrap_or("");
        // Footer rows (合计, 总分, 评价结论 …) and a form's blank rows (指标1) are not indicators.
        let after_footer = self.after_footer.take();
        if let Some(first) = cells.iter().position(|c| !is_blank(c)) {
            let label = cells[first];
            // Under a footer whose label is merged down (`预算绩效评价结果` over two rows of
            // scores), a row with its first cell empty and a footer's label in it goes on with it.
            if let Some(above) = after_footer.filter(|_| first > 0 && cells[first..].iter().any(|c| is_footer_label(c))) {
                let rest: Vec<&str> = cells[first..].iter().copied().filter(|c| !is_blank(c)).collect();
                self.footer(&above, &rest, None, false, line);
                self.after_footer = Some(above);
                return;
            }
            // A footer's label stands in the row's first cell (its merged cell), never in a name;
            // a signature line (`填报人：李四`) is no name wherever it stands.
            let footer_place = first == 0 || self.keys[first].0 == Extra || labels::is_signature_label(label);
            let alone = cells.iter().filter(|c| !is_blank(c)).count() == 1;
            if alone && (is_blank_form_name(label) || labels::says_not_applicable(label)) {
                self.body().remarks.push(Remark { label: label.to_owned(), text: String::new(), location: Location::line(line) });
                return;
            }
            // A 小计 on a sheet of many projects is the unit's subtotal (below), not a footer.
            let subtotal = labels::is_subtotal_label(label) && self.col(Project).is_some();
            if footer_place && is_footer_label(label) && !subtotal {
                let rest: Vec<&str> = cells[first + 1..].iter().copied().filter(|c| !is_blank(c)).collect();
                // A 总分 row of a grid puts its score under 得分 (and the weights' total under 分值).
                let score_cell = self.col(Score).filter(|c| *c > first).and_then(|c| cells.get(c)).filter(|c| !is_blank(c));
                let score = score_cell.and_then(|c| points(c));
                // A 得分 that is not a number (`1e400`) is no total, and no other cell's number
                // (the 分值 total) stands in for it: the row is kept as a remark.
                self.footer(label, &rest, score, score_cell.is_some() && score.is_none(), line);
                self.after_footer = (first == 0).then(|| label.to_owned());
                return;
            }
        }
        // A sheet of many projects: a 项目名称 starts a table; a unit with an amount only is a subtotal.
        if let Some(p) = self.col(Project) {
            let (project, unit, budget, objective) = (text(Some(p)), text(self.col(UnitName)), text(self.col(Budget)), text(self.col(Objective)));
            let indicator_cells = self.keys.iter().zip(&cells).filter(|((r, _), _)| !r.is_project()).any(|(_, c)| !is_blank(c));
            // A project cell repeated on every row (a merge some exporters fill in) is the same project.
            let same = self.bodies.last().and_then(|b| b.project.as_deref()).is_some_and(|p| p.trim() == project.trim());
            // A `单位(专项)名称` column names the unit on a row with no indicator (its total, a
            // subtotal) and the project on the rows that have them.
            // (A 单位代码 column is no indicator cell: the category, name and target columns decide.)
            let names_indicator = [Level1, Level2, Name, Target].iter().any(|r| !is_blank(text(self.col(*r))));
            let unit_row = !names_indicator && self.keys[p].1.contains("单位");
            if unit_row && !is_blank(project) {
                let amount = (!is_blank(budget)).then(|| crate::grammar::amount::amount(budget, None));
                self.pending.push(Subtotal { unit: project.to_owned(), amount, location: Location::line(line) });
                if !is_blank(objective) {
                    notes.push(Note { location: Location::line(line), text: objective.to_owned() });
                }
                return;
            }
            if !is_blank(project) && !same {
                let carried = self.bodies.last().and_then(|b| b.unit.clone());
                if self.body().project.is_some() {
                    let b = TableBody { columns: self.bodies[0].columns.clone(), kind: self.bodies[0].kind, ..TableBody::default() };
                    self.bodies.push(b);
                    self.current = (None, None);
                    self.labels = LabelIndex::default();
                }
                let pending = std::mem::take(&mut self.pending);
                let body = self.body();
                body.project = Some(project.to_owned());
                body.unit = if is_blank(unit) { carried } else { Some(unit.to_owned()) };
                body.budget = (!is_blank(budget)).then(|| crate::grammar::amount::amount(budget, None));
                if !is_blank(objective) {
                    body.objective = Some(objective.to_owned());
                }
                body.subtotals.extend(pending);
            } else if !is_blank(unit) && !indicator_cells {
                let amount = (!is_blank(budget)).then(|| crate::grammar::amount::amount(budget, None));
                self.pending.push(Subtotal { unit: unit.to_owned(), amount, location: Location::line(line) });
                if !is_blank(objective) {
                    notes.push(Note { location: Location::line(line), text: objective.to_owned() });
                }
                return;
            }
        }
        self.indicator_row(&cells, line, notes);
    }

    fn footer(&mut self, label: &str, rest: &[&str], score: Option<f64>, score_unread: bool, line: usize) {
        let body = self.body();
        if matches!(labels::key(label).as_str(), "总分" | "自评总分") {
            let score = if score_unread { None } else { score.or_else(|| rest.iter().find_map(|c| points(c))) };
            let grade = rest.iter().find(|c| GRADES.contains(&labels::key(c).as_str()));
            body.total_score = body.total_score.or(score);
            if let Some(g) = grade {
                body.grade = Some(g.trim().to_owned());
            }
            let understood = rest.iter().all(|c| points(c).is_some() || GRADES.contains(&labels::key(c).as_str()));
            if understood && rest.iter().filter(|c| points(c).is_some()).count() <= 1 && score.is_some() {
                return;
            }
        }
        body.remarks.push(Remark { label: label.to_owned(), text: rest.join("\n"), location: Location::line(line) });
    }

    fn indicator_row(&mut self, cells: &[&str], line: usize, notes: &mut Vec<Note>) {
        use ColumnRole::*;
        let text = |c: Option<usize>| c.and_then(|i| cells.get(i)).copied().unwrap_or("");
        // Category labels wrapped over paragraphs in a narrow cell (`经济效益` / `指标`) read as one
        // line; names keep their paragraphs (`培训人数` / `含线上培训` is a name and its qualifier).
        let (l1_text, l2_text) = (wrapped_label(text(self.col(Level1))), wrapped_label(text(self.col(Level2))));
        let (mut l1, mut l2): (&str, &str) = (&l1_text, &l2_text);
        let mut name = text(self.col(Name));
        // A row holding only a category word in the name column (a monitoring table's `质量`,
        // `时效` rows) is the form's skeleton: the word is the category, not an indicator.
        if let Some(n) = self.col(Name)
            && !is_blank(name)
            && cells.iter().enumerate().all(|(i, c)| i == n || is_blank(c) || matches!(self.keys.get(i), Some((Level1 | Level2, _))))
        {
            if is_blank(l2) && labels::level2(name) != crate::model::Level2::Other {
                (l2, name) = (name, "");
            } else if is_blank(l1) && labels::key(name).ends_with("指标") && labels::level1(name) != crate::model::Level1::Other {
                // Only a whole level-1 label (产出指标): a bare `满意度` may name an indicator.
                (l1, name) = (name, "");
            }
            if is_blank(name) {
                let implied = self.implied(l1, l2);
                let body = self.bodies.last_mut().expect("there is always a body");
                let cat = place_category(&mut body.categories, &mut self.labels, l1, l2, implied, self.current.0, line);
                let current_sub = if Some(cat) == self.current.0 { self.current.1 } else { None };
                let sub = place_subcategory(&mut body.categories[cat].children, &mut self.labels, cat, l2, current_sub, false, line);
                // With no 二级 column the word stood in the name column: the rows below are not
                // under it (a monitoring table's `质量`, `时效`, then `成本` with its value).
                self.current = (Some(cat), sub.filter(|_| self.keys.iter().any(|(r, _)| *r == Level2)));
                return;
            }
        }
        // A form's blank row (`指标1:`), or one its writer marked as not applying.
        let blank_form = is_blank_form_name(name) || labels::says_not_applicable(name);
        let mut extra = BTreeMap::new();
        let mut ind = Indicator { location: Location::line(line), ..Indicator::default() };
        let unit = text(self.col(Unit));
        let mut holds = false;
        let mut midterm = Midterm::default();
        let mut has_midterm = false;
        // A row's cells stop at its last one: the columns past it hold nothing.
        for (i, (role, key)) in self.keys.iter().enumerate().take(cells.len()) {
            let t = cells[i];
            if t.is_empty() {
                continue;
            }
            // A place's cell is kept as written, the first place's too: the target joins them.
            let mut keep = role.kept_in_extra() || self.places.first().is_some_and(|(c, _)| *c == i);
            match role {
                Level1 | Level2 | Sign | Unit | Direction | Due | Extra => {}
                UnitName | Project | Budget | Objective => {}
                Name => ind.name = wrapped_name(t).into_owned(),
                Description => ind.description = t.to_owned(),
                Target => {}
                Basis => ind.basis = t.to_owned(),
                Actual => ind.actual = Some(Box::new(crate::model::Target::parse(&compose_target("", t, unit)))),
                Progress => ind.progress = Some(Box::new(crate::model::Target::parse(&compose_target("", t, unit)))),
                Expected => ind.expected = Some(Box::new(crate::model::Target::parse(&compose_target("", t, unit)))),
                // A number that does not print back as written (`10.00`, `10分`) keeps its text in extra too.
                Weight => {
                    ind.weight = points(t);
                    keep = ind.weight.is_none_or(|v| number_text(v) != t);
                }
                Score => {
                    ind.reported_score = points(t);
                    keep = ind.reported_score.is_none_or(|v| number_text(v) != t);
                }
                Deviation => ind.deviation = t.to_owned(),
                Likelihood => {
                    ind.likelihood = labels::likelihood(t);
                    keep = ind.likelihood.is_none_or(|l| l_text(l) != t);
                }
                MidLevel2 => (midterm.level2_label, has_midterm) = (t.to_owned(), true),
                MidName => (midterm.name, has_midterm) = (t.to_owned(), true),
                MidTarget => (midterm.target, has_midterm) = (crate::model::Target::parse(t), true),
            }
            if keep && !t.is_empty() {
                extra.insert(key.clone(), t.to_owned());
            }
            if !role.places_the_row() && !is_blank(t) {
                holds = true;
            }
        }
        // A 注: paragraph in the target cell is the form's footnote (the text save puts a paragraph
        // under the table into the last cell): a remark of the table, not part of the value.
        let (target_text, footnote) = split_footnote(text(self.col(Target)));
        if let Some(note) = footnote {
            self.body().remarks.push(Remark { label: "注".to_owned(), text: note.to_owned(), location: Location::line(line) });
        }
        // A row with no 指标值 takes its target from a 完成时间 column: a deadline.
        let (value, value_col) = match (target_text, self.col(Due)) {
            (v, Some(d)) if is_blank(v) && !is_blank(text(Some(d))) => (text(Some(d)), Some(d)),
            (v, _) => (v, self.col(Target)),
        };
        // The sign and the direction by what their cells hold, whichever of the two columns they
        // stand in: a form may head its 正向 column 指标性质 and its 大于等于 column 指标方向.
        let (sign, direction) = {
            let (s, d) = (text(self.col(Sign)), text(self.col(Direction)));
            if !is_sign(s) && is_sign(d) && labels::positive_direction(d).is_none() { (d, s) } else { (s, d) }
        };
        // Each place's value, read once for the target and its parts.
        let places = (!self.places.is_empty()).then(|| place_values(&self.places, cells, sign, unit));
        // Borrowed when there is nothing to compose: a huge cell is not copied once more.
        let raw: std::borrow::Cow<str> = if let Some(values) = &places {
            per_place(values, self.places.len()).into()
        } else if self.col(Sign).is_some() || self.col(Unit).is_some() || !sign.is_empty() {
            compose_target(sign, value, if value_col == self.col(Due) { "" } else { unit }).into()
        } else {
            value.into()
        };
        ind.target = crate::model::Target::parse(&raw);
        // Places given different values: a compound of each place's quantity, with no unit
        // where the value has none (`新罗区2;永定区3`).
        if let Some(values) = &places
            && ind.target.kind == TargetKind::Qualitative
            && let Some(parts) = place_parts(values)
        {
            ind.target = crate::model::Target { raw: ind.target.raw, kind: TargetKind::Compound, parts, ..crate::model::Target::default() };
        }
        // A date column exported from a spreadsheet holds serial days: `45291` is 2023-12-31. So
        // does the 指标值 of an indicator that names a time (`资金到位时间` | `=` | `44,561`), when
        // its bare number is a day of 2010–2040, the years of performance budgets: no count of
        // days or hours is that large. A sign before it (`=`, `≤`) is the form's, as for a date.
        let date_column = value_col.is_some_and(|c| labels::is_date_label(&self.keys[c].1));
        let serial_day = |v: f64| (40_179.0..=51_501.0).contains(&v);
        if ind.target.kind == TargetKind::Quantity
            && ind.target.unit.is_none()
            && (date_column && !ind.target.sign_given
                // The name last: it is looked up in the labels' memo, which need not hold every
                // indicator's name.
                || matches!(ind.target.comparator, Some(Comparator::Eq | Comparator::Le))
                    && ind.target.value.is_some_and(serial_day)
                    && labels::is_date_label(&ind.name))
            && let Some(date) = ind.target.value.and_then(crate::grammar::date::from_serial)
        {
            ind.target = crate::model::Target {
                raw: ind.target.raw.clone(),
                kind: TargetKind::Deadline,
                comparator: Some(Comparator::Le),
                date: Some(date),
                ..crate::model::Target::default()
            };
        }
        // A bare number takes the unit its name states (`受益人数(人)` | `132`), the actual too.
        let name_unit = |t: &mut crate::model::Target| *t = crate::grammar::target::with_name_unit(std::mem::take(t), &ind.name);
        name_unit(&mut ind.target);
        for t in [&mut ind.actual, &mut ind.progress, &mut ind.expected].into_iter().flatten() {
            name_unit(t);
        }
        if ind.target.kind == TargetKind::Quantity
            && !ind.target.sign_given
            && let Some(positive) = labels::positive_direction(direction)
        {
            ind.target.comparator = Some(if positive { Comparator::Ge } else { Comparator::Le });
            ind.target.comparator_inferred = true;
        }
        // A description that only says how the value compares (`达到目标值`, `不低于预计值`, as a
        // Hebei form's 指标说明 does): a bare number's comparator.
        if ind.target.kind == TargetKind::Quantity
            && !ind.target.sign_given
            && !ind.target.comparator_inferred
            && let Some(comparator) = crate::grammar::target::comparator_phrase(&ind.description)
        {
            ind.target.comparator = Some(comparator);
            ind.target.comparator_inferred = true;
        }
        if has_midterm {
            ind.midterm = Some(Box::new(midterm));
        }
        // With no 分值 of its own, a weight written inside the name (`相关性(5分)`) is the row's.
        if ind.weight.is_none() {
            ind.weight = crate::grammar::form::cells::weight_in_name(&ind.name);
        }
        ind.extra = extra;
        // A row with neither a name nor a value (nor a description, an actual, a date) names no
        // indicator, whatever else its cells hold (`-` under 计量单位, 定性 under 指标值类型, a
        // form's 评(扣)分标准 copied down every row): the form's skeleton; those cells are notes,
        // but for the marks of an empty cell (`-`, `/`, `无`).
        let names = |r: &ColumnRole| matches!(r, Name | Description | Target | Actual | Due | MidName | MidTarget | Progress | Expected);
        if holds && !self.keys.iter().zip(cells).any(|((r, _), c)| names(r) && !is_blank(c) && !is_empty_mark(c)) {
            holds = false;
            for ((r, _), c) in self.keys.iter().zip(cells) {
                if !matches!(r, Level1 | Level2) && !is_blank(c) && !is_empty_mark(c) {
                    notes.push(Note { location: Location::line(line), text: (*c).to_owned() });
                }
            }
        }
        // Such a row before any category, with no category word (a lower header row the header
        // did not take: 優 | 良 | 中 | 差 under 績效標準), starts none: an empty one would stand
        // before the first.
        if !holds && self.current.0.is_none() && is_blank(l1) && is_blank(l2) && is_blank(name) {
            return;
        }
        // A form's blank row (`指标1:`) whose other cells are empty or only marks of empty (`/`):
        // every cell but its levels' and its name's, so that a filled 依据, 分值 or 原因 keeps the
        // row an indicator and is never dropped with it.
        let empty = |s: &str| is_blank(s) || is_empty_mark(s);
        let only_name = blank_form
            && cells.iter().enumerate().all(|(i, c)| Some(i) == self.col(Name) || self.keys.get(i).is_some_and(|(r, _)| r.places_the_row()) || empty(c));
        let implied = self.implied(l1, l2);
        let body = self.bodies.last_mut().expect("there is always a body");
        let cat = place_category(&mut body.categories, &mut self.labels, l1, l2, implied, self.current.0, line);
        let current_sub = if Some(cat) == self.current.0 { self.current.1 } else { None };
        let category = &mut body.categories[cat];
        let sub = place_subcategory(&mut category.children, &mut self.labels, cat, l2, current_sub, holds && !only_name, line);
        self.current = (Some(cat), sub);
        if blank_form && only_name {
            body.remarks.push(Remark { label: name.to_owned(), text: String::new(), location: Location::line(line) });
            return;
        }
        if holds {
            match sub {
                Some(k) => category.children[k].indicators.push(ind),
                None => notes.push(Note { location: Location::line(line), text: name.to_owned() }),
            }
        }
    }

    fn finish(mut self) -> Vec<TableBody> {
        let pending = std::mem::take(&mut self.pending);
        self.body().subtotals.extend(pending);
        for body in &mut self.bodies {
            satisfaction_apart(&mut body.categories);
            either_or_pairs_share_their_weight(&mut body.categories);
            scores_that_are_weights(&mut body.categories);
            bare_points_in_names(&mut body.categories);
            sole_indicators_weigh_their_level(&mut body.categories);
            stray_points_by_their_level(&mut body.categories);
            // Last: the weights above read a group's points before it may be filed apart.
            levels_by_names::levels_by_names(&mut body.categories);
        }
        self.bodies
    }
}

/// The second row of an either-or pair (二者择其一) whose merged weight a copy wrote once weighs
/// what the first does.
fn either_or_pairs_share_their_weight(categories: &mut [Category]) {
    for sub in categories.iter_mut().flat_map(|c| &mut c.children) {
        let seconds = crate::grammar::form::either_or::second_rows(&sub.indicators);
        for k in (1..seconds.len()).filter(|&k| seconds[k]) {
            sub.indicators[k].weight = sub.indicators[k - 1].weight;
        }
    }
}

/// A blank framework's 得分 column that holds full marks (共性指标: 项目立项(15) over 5 + 5 + 5):
/// with nothing weighed, targeted or done (no 分值, no target, no actual), scores that add up
/// to the points of every bracketed level over them, and to at least one, are the weights.
fn scores_that_are_weights(categories: &mut [Category]) {
    let indicators = || categories.iter().flat_map(|c| &c.children).flat_map(|s| &s.indicators);
    if indicators().next().is_none() || indicators().any(|i| i.weight.is_some() || i.actual.is_some() || i.reported_score.is_none() || !is_blank(&i.target.raw))
    {
        return;
    }
    // Every indicator has its score here.
    if !adds_up_to_every_level(categories, |i| i.reported_score) {
        return;
    }
    for i in categories.iter_mut().flat_map(|c| &mut c.children).flat_map(|s| &mut s.indicators) {
        i.weight = i.reported_score.take();
    }
}

/// Whether the indicators' `points` add up to the points of every level over them that gives
/// some (`项目立项(15)`, `目标设定(5)`), and at least one does.
fn adds_up_to_every_level(categories: &[Category], points: impl Fn(&Indicator) -> Option<f64> + Copy) -> bool {
    let sum = move |s: &SubCategory| s.indicators.iter().filter_map(points).sum::<f64>();
    let adds_up = |label: &str, sum: f64| crate::grammar::form::cells::points_in_label(label).map(|p| (sum - p).abs() < 0.005);
    let checks = categories.iter().flat_map(|c| {
        let whole = adds_up(&c.label, c.children.iter().map(sum).sum());
        std::iter::once(whole).chain(c.children.iter().map(move |s| adds_up(&s.label, sum(s))))
    });
    let (mut checked, mut all) = (false, true);
    for ok in checks.flatten() {
        checked = true;
        all &= ok;
    }
    checked && all
}

/// Points written bare in the names' brackets (`绩效目标合理性(2)` under `目标设定(5)` under
/// `投入(15)`, the 2013 department-wide framework): with no weight in the table, every name ending
/// in such a bracket, and the numbers adding up to the points of every level over them that has
/// some (at least one), they are the weights. A bracketed number alone could be anything (a count,
/// an item's number); adding up to the levels' points is what makes it a weight.
fn bare_points_in_names(categories: &mut [Category]) {
    use crate::grammar::form::cells::points_in_label;
    let indicators = || categories.iter().flat_map(|c| &c.children).flat_map(|s| &s.indicators);
    if indicators().next().is_none() || indicators().any(|i| i.weight.is_some() || points_in_label(&i.name).is_none()) {
        return;
    }
    if !adds_up_to_every_level(categories, |i| points_in_label(&i.name)) {
        return;
    }
    for i in categories.iter_mut().flat_map(|c| &mut c.children).flat_map(|s| &mut s.indicators) {
        i.weight = points_in_label(&i.name);
    }
}

/// A level-1 whose label gives its points (`(一)项目前期工作(7分)`) over one indicator with no
/// weight of its own: the indicator weighs the level's points. Only where the table's other
/// levels with points over weighed indicators add up to them (so the points are the framework's
/// weights, not a total of what a copy lost), and never for the last level (a copy cut inside
/// it shows one of its indicators).
fn sole_indicators_weigh_their_level(categories: &mut [Category]) {
    use crate::grammar::form::cells::points_in_label;
    let Some((_, before_last)) = categories.split_last_mut() else { return };
    let indicators = |c: &Category| c.children.iter().flat_map(|s| &s.indicators).count();
    let weighed = |c: &Category| c.children.iter().flat_map(|s| &s.indicators).map(|i| i.weight).sum::<Option<f64>>();
    // Not a bonus or a deduction (加分项, 扣分项: outside the table's 100), nor a level whose
    // level-2s have points of their own (they weigh what is under them, and may miss some).
    let sole = |c: &Category| {
        indicators(c) == 1
            && weighed(c).is_none()
            && points_in_label(&c.label).is_some()
            && !["加分", "扣分", "附加"].iter().any(|w| c.label.contains(w))
            && !c.children.iter().any(|s| points_in_label(&s.label).is_some())
    };
    if !before_last.iter().any(sole) {
        return;
    }
    let mut checked = false;
    for c in before_last.iter().filter(|c| !sole(c)) {
        if let (Some(points), Some(sum)) = (points_in_label(&c.label), weighed(c)) {
            if (points - sum).abs() >= 0.005 {
                return;
            }
            checked = true;
        }
    }
    if !checked {
        return;
    }
    for c in before_last.iter_mut().filter(|c| sole(c)) {
        let points = points_in_label(&c.label);
        if let Some(i) = c.children.iter_mut().flat_map(|s| &mut s.indicators).next() {
            i.weight = points;
        }
    }
}

/// A weight cell a copy marked with a stray point before its number (`.2` among 2, 1, 2 under
/// `生产空间优化(10分)`; see [`crate::grammar::form::cells::stray_point_readings`]):
/// of its readings (2, 0.2), the one that makes its level's weights add up to the level's points
/// is the weight, when every other indicator of that level has one. Neither reading is taken
/// otherwise; the cell stays in extra as written either way.
fn stray_points_by_their_level(categories: &mut [Category]) {
    use crate::grammar::form::cells::{points_in_label, stray_point_readings};
    let stray = |i: &Indicator| -> Vec<f64> {
        if i.weight.is_some() {
            return Vec::new();
        }
        let cells = i.extra.iter().filter(|(k, _)| labels::column_role(k) == ColumnRole::Weight);
        cells.map(|(_, v)| stray_point_readings(v)).find(|r| !r.is_empty()).unwrap_or_default()
    };
    let settle = |label: &str, mut group: Vec<&mut Indicator>| {
        let Some(points) = points_in_label(label) else { return };
        let [k] = group.iter().enumerate().filter(|(_, i)| i.weight.is_none()).map(|(k, _)| k).collect::<Vec<_>>()[..] else { return };
        let rest: f64 = group.iter().filter_map(|i| i.weight).sum();
        let fits: Vec<f64> = stray(group[k]).into_iter().filter(|r| (rest + r - points).abs() < 0.005).collect();
        if let [w] = fits[..] {
            group[k].weight = Some(w);
        }
    };
    for c in categories.iter_mut() {
        for s in c.children.iter_mut() {
            let label = s.label.clone();
            settle(&label, s.indicators.iter_mut().collect());
        }
        let label = c.label.clone();
        settle(&label, c.children.iter_mut().flat_map(|s| &mut s.indicators).collect());
    }
}

/// A category label wrapped over paragraphs, as one line, when it is one: its words are a known
/// category (`经济效益` / `指标`, `产` / `出` / `指` / `标`) or its further paragraphs are only a
/// bracket (`预算配置` / `(15分)`), or it stands a character a line. Any other label keeps its paragraphs (`补助资金` / `第二段文字`
/// is two texts, and both are kept).
fn wrapped_label(cell: &str) -> Cow<'_, str> {
    // A paragraph that starts with a TAB (one a text save wrote after a blank line, as a row's
    // first cell would be) is one of its own, not a line a narrow cell wrapped.
    if cell.contains("\n\t") {
        return Cow::Borrowed(cell);
    }
    let joined = join_wrapped(cell);
    if matches!(joined, Cow::Borrowed(_)) {
        return joined;
    }
    let known = labels::level1(cell) != crate::model::Level1::Other || labels::level2(cell) != crate::model::Level2::Other;
    let bracket = |l: &str| l.starts_with(['(', '（']) && l.ends_with([')', '）']);
    let brackets_after = cell.lines().map(str::trim).filter(|l| !l.is_empty()).skip(1).all(bracket);
    // Vertical text, a character a line (a PDF's 指 / 标), is one word however it reads.
    let vertical = cell.lines().map(str::trim).filter(|l| !l.is_empty()).all(|l| l.chars().count() == 1);
    if known || brackets_after || vertical { joined } else { Cow::Borrowed(cell) }
}

/// A name a narrow cell wrapped over two paragraphs, as one line, when its last paragraph is
/// only the end of a noun (`财政供养人员` / `控制率`, `管理制度` / `健全性`): one to three Chinese
/// characters ending in a measure word (率 性 度 数 量 额 比 值), after a paragraph that ends no
/// sentence. Any other name keeps its paragraphs (`培训人数` / `含线上培训` is a name and its
/// qualifier).
fn wrapped_name(cell: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = cell.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let [first, last] = lines[..] else { return Cow::Borrowed(cell) };
    let cjk = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    let tail = (1..=3).contains(&last.chars().count()) && last.chars().all(cjk) && last.ends_with(['率', '性', '度', '数', '量', '额', '比', '值']);
    let open = first.chars().last().is_some_and(|c| cjk(c) || matches!(c, '”' | '"' | '）' | ')'));
    if tail && open { Cow::Owned(format!("{first}{last}")) } else { Cow::Borrowed(cell) }
}

/// A cell's text before a paragraph starting 注: (`≥95%` / `注:各地请根据实际情况…`), and
/// that paragraph with what follows it.
fn split_footnote(cell: &str) -> (&str, Option<&str>) {
    let mut at = 0;
    for line in cell.split_inclusive('\n') {
        let t = line.trim_start();
        if at > 0 && (t.starts_with("注:") || t.starts_with("注：")) {
            return (cell[..at].trim_end(), Some(cell[at..].trim()));
        }
        at += line.len();
    }
    (cell, None)
}

/// 满意度 written as a level-2 under 效益 (the 2015 transfer form, and evaluation frameworks'
/// 部门绩效 / 满意度) is the satisfaction level-1 a reviewer counts: those level-2s become a
/// category of their own right after it, with level-1 `satisfaction` and the 一级 label as
/// written (so the text save reads back the same, and `misplaced-category` still sees where it stood).
fn satisfaction_apart(categories: &mut Vec<Category>) {
    let mut i = 0;
    while i < categories.len() {
        let c = &mut categories[i];
        // A bare `满意度(10分)` in the level-2 column too (in the name column it names an indicator).
        let is_satisfaction =
            |s: &SubCategory| s.level2 == crate::model::Level2::ServiceSatisfaction || labels::short_key(&s.label).is_ok_and(|k| k.as_str() == "满意度");
        if c.level1 == crate::model::Level1::Effect && c.children.iter().any(is_satisfaction) {
            if c.children.iter().all(is_satisfaction) {
                c.level1 = crate::model::Level1::Satisfaction;
            } else {
                let (moved, kept): (Vec<SubCategory>, Vec<SubCategory>) = std::mem::take(&mut c.children).into_iter().partition(is_satisfaction);
                c.children = kept;
                let location = moved.first().map_or(&c.location, |s| &s.location).clone();
                let apart = Category { level1: crate::model::Level1::Satisfaction, label: c.label.clone(), children: moved, location };
                categories.insert(i + 1, apart);
                i += 1;
            }
        }
        i += 1;
    }
}

/// The level-1 category a row belongs to: the one its label names (anywhere in the table, so that
/// categories in any order gather in the order they first appear), or the current one when the
/// cell is merged (empty).
/// With no label and a level-1 `implied` by the row's level-2 (a table with no 一级 column), the
/// unlabelled category of that level-1.
/// A new label that is only a score (`(50分)`, its words lost) takes the level-1 the row's level-2
/// `l2` implies.
fn place_category(
    categories: &mut Vec<Category>,
    index: &mut LabelIndex,
    l1: &str,
    l2: &str,
    implied: Option<crate::model::Level1>,
    current: Option<usize>,
    line: usize,
) -> usize {
    if let Some(level1) = implied {
        // The rows above, whose labels were all lost, stood under the same merged level-1 cell.
        if let Some(c) = current.filter(|&c| lost_labels(&categories[c])) {
            categories[c].level1 = level1;
            return c;
        }
        if let Some(i) = categories.iter().position(|c| c.level1 == level1 && is_blank(&c.label)) {
            return i;
        }
        categories.push(Category { level1, label: String::new(), children: Vec::new(), location: Location::line(line) });
        return categories.len() - 1;
    }
    let c = labelled_category(categories, index, l1, l2, current, line);
    // An umbrella (项目绩效 over 项目产出 and 项目效益; the central investment form's 实施效果指标
    // over 产出指标 and 效益指标): a level-2 that names a level-1 files its rows under that
    // level-1, in a category of the umbrella's label. A level-1 label that names no level-1 of
    // its own is taken as one when the level-2 names a result's level (产出, 效益, 满意度; a 管理
    // word under 项目实施 is a level-2 of that group) and means it however it is read (not
    // 成本指标, a level-1 of the 2021 form and a level-2 of 产出 in the older one: a label that a
    // page break cut to `指标` stays over it).
    if is_blank(l2) {
        return c;
    }
    let label = &categories[c].label;
    // A level-2 that says a level-1's word (产出指标 under 实施效果指标) outweighs the group's own
    // words; one that only implies a level (资金投入水平 under 项目预算执行情况) does not.
    let says_level1 = labels::level1(l2) != crate::model::Level1::Other;
    let unnamed = || {
        !is_blank(label)
            && labels::level1(label) == crate::model::Level1::Other
            && (says_level1 || labels::level1_by_words(label) == crate::model::Level1::Other)
            && !labels::is_score_only(label)
    };
    // Under a label that names none, a level-2 that names no level-1 either stands for the one it
    // implies (社会效益指标 → 效益, after 数量指标 under `绩效指标`).
    let implied = labels::level1_implied_by(l2);
    // The evaluation framework's 决策 over a level-2 of the target form's results (数量指标 under
    // 项目决策: the unit took the other framework's word; 决策 holds 立项 and 目标, never what was
    // produced): the rows stand under the level the level-2 implies, as 满意度 under 效益 does;
    // `misplaced-category` names the label. A 过程 may hold its own 质量 or 时效.
    let misplaced = {
        use crate::model::Level1::{Decision, Effect, Other, Output, Satisfaction};
        labels::level1(label) == Decision && matches!(implied, Output | Effect | Satisfaction) && labels::level1(l2) == Other
    };
    let named = match labels::level1(l2) {
        crate::model::Level1::Other if unnamed() || misplaced => implied,
        named => named,
    };
    // Or an evaluation framework's own level-2 (目标设定情况, 组织管理水平 under 业务指标): the
    // level it implies, not a level-1 word it says (项目管理 under 项目实施 stays its group's).
    let result_level = || {
        use crate::model::Level1::{Cost, Decision, Effect, Other, Output, Process, Satisfaction};
        matches!(named, Output | Effect | Satisfaction | Cost) && (implied == Other || implied == named)
            || matches!(named, Decision | Process) && implied == named
    };
    if !(labels::is_umbrella_level1(label) || unnamed() && result_level() || misplaced) || named == crate::model::Level1::Other || named == categories[c].level1
    {
        return c;
    }
    let label = categories[c].label.clone();
    if let Some(i) = index.with_level(categories, &label, named) {
        return i;
    }
    if categories[c].children.is_empty() {
        categories[c].level1 = named;
        return c;
    }
    categories.push(Category { level1: named, label, children: Vec::new(), location: Location::line(line) });
    categories.len() - 1
}

/// Each place's value of a row, with the row's sign and unit (`≥` | `2` | `3` | `个`: 2个 and 3个
/// at least), for the places that have one: its name, its text and what the text reads as.
fn place_values<'c>(places: &'c [(usize, String)], cells: &[&str], sign: &str, unit: &str) -> Vec<(&'c str, String, crate::model::Target)> {
    places
        .iter()
        .filter_map(|(i, name)| Some((name.as_str(), cells.get(*i)?.trim())))
        .filter(|(_, v)| !v.is_empty())
        .map(|(name, v)| {
            let text = compose_target(sign, v, unit);
            let read = crate::model::Target::parse(&text);
            (name, text, read)
        })
        .collect()
}

/// A row's target set per place, of `places` places: the value when every place has the same
/// (read alike: `≥95%` and `>=95%`), else each place that has one with its value
/// (`新罗区2;永定区3`, a compound target). The cells stay in extra.
fn per_place(values: &[(&str, String, crate::model::Target)], places: usize) -> String {
    let same = |a: &crate::model::Target, b: &crate::model::Target| {
        (a.kind, a.comparator, a.value, &a.unit) == (b.kind, b.comparator, b.value, &b.unit) && (a.kind != TargetKind::Qualitative || a.raw == b.raw)
    };
    match values.first() {
        Some((_, text, first)) if values.len() == places && values.iter().all(|(_, _, t)| same(t, first)) => text.clone(),
        _ => values.iter().map(|(name, text, _)| format!("{name}{text}")).collect::<Vec<_>>().join(";"),
    }
}

/// Each place's value as a part of a compound target, when every value given is a quantity.
fn place_parts(values: &[(&str, String, crate::model::Target)]) -> Option<Vec<crate::model::TargetPart>> {
    values
        .iter()
        .map(|(name, text, t)| match (t.kind, t.value) {
            (TargetKind::Quantity, Some(value)) => Some(crate::model::TargetPart { text: format!("{name}{text}"), value, unit: t.unit.clone() }),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()
        .filter(|parts| parts.len() >= 2)
}

/// Whether a category holds only rows whose level-1 and level-2 cells were both empty from the
/// table's start (a copy that lost the merged labels): its level-1 is the first one a level-2
/// below implies.
fn lost_labels(c: &Category) -> bool {
    c.level1 == crate::model::Level1::Other && is_blank(&c.label) && c.children.iter().all(|s| is_blank(&s.label))
}

/// The category a row's level-1 cell names: the current one when merged, one of the same label,
/// or a new one.
fn labelled_category(categories: &mut Vec<Category>, index: &mut LabelIndex, l1: &str, l2: &str, current: Option<usize>, line: usize) -> usize {
    // The common cases first, without allocating: a merged (empty) cell, or the current label.
    if let Some(c) = current
        && (is_blank(l1) || categories[c].label == l1)
    {
        return c;
    }
    // A label under rows whose level-1 their level-2s implied, naming that level with no level-2
    // of its own: their merged cell's label, which a copy of a PDF prints at the cell's middle
    // row (`产出指标` on the fifth 产出 row), not a new category.
    if let Some(c) = current
        && is_blank(l2)
        && is_blank(&categories[c].label)
        && categories[c].level1 != crate::model::Level1::Other
        && labels::level1(l1) == categories[c].level1
    {
        categories[c].label = l1.to_owned();
        index.relabelled(categories, c);
        return c;
    }
    // A label found again further down is the same group (its rows in two runs), unless it is
    // only points (`(20分)`): two groups of the same points are two groups.
    if !labels::is_score_only(l1)
        && let Some(i) = index.find(categories, l1)
    {
        return i;
    }
    // A label that names no level-1 (only a score whose words were lost, `(50分)`; words a copy
    // garbled, `顼目产出(30分)`) takes the level-1 its first level-2 implies (数量指标 → 产出).
    // The form's word, else the group's own words (项目预算执行情况 over 资金投入水平 is 过程).
    let level1 = match labels::level1_by_words(l1) {
        crate::model::Level1::Other => labels::level1_implied_by(l2),
        level1 => level1,
    };
    categories.push(Category { level1, label: l1.to_owned(), children: Vec::new(), location: Location::line(line) });
    categories.len() - 1
}

/// The level-2 category of a row: by label as for level-1, the current one when merged; an
/// unlabelled one only when an indicator needs a home. None when the row adds nothing.
fn place_subcategory(
    children: &mut Vec<SubCategory>,
    index: &mut LabelIndex,
    category: usize,
    l2: &str,
    current: Option<usize>,
    needed: bool,
    line: usize,
) -> Option<usize> {
    if let Some(c) = current
        && !is_blank(l2)
        && children[c].label == l2
    {
        return current;
    }
    if squeezed(l2).next().is_none() {
        if current.is_some() {
            return current;
        }
        if needed {
            children.push(SubCategory { level2: labels::level2(l2), label: l2.to_owned(), indicators: Vec::new(), location: Location::line(line) });
            return Some(children.len() - 1);
        }
        return None;
    }
    if !labels::is_score_only(l2)
        && let Some(i) = index.find_child(category, children, l2)
    {
        return Some(i);
    }
    children.push(SubCategory { level2: labels::level2(l2), label: l2.to_owned(), indicators: Vec::new(), location: Location::line(line) });
    Some(children.len() - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::form::cells::value_cell;

    fn row<'a>(line: usize, cells: &[&'a str]) -> Row<'a> {
        Row { cells: cells.iter().map(|t| Cell { text: Cow::Borrowed(*t), line }).collect(), whole: true }
    }

    #[test]
    fn a_project_cell_filled_in_on_every_row_is_one_project() {
        let rows = vec![
            row(1, &["项目名称", "一级指标", "二级指标", "三级指标", "指标值"]),
            row(2, &["A项目", "产出指标", "数量指标", "人数", "≥10人"]),
            row(3, &["A项目", "产出指标", "质量指标", "合格率", "≥90%"]),
            row(4, &["B项目", "效益指标", "社会效益指标", "覆盖", "100%"]),
        ];
        let mut notes = Vec::new();
        let bodies = build(rows, &mut notes);
        assert_eq!(
            bodies.iter().map(|b| (b.project.as_deref(), b.categories.iter().map(|c| c.children.len()).sum::<usize>())).collect::<Vec<_>>(),
            [(Some("A项目"), 2), (Some("B项目"), 1)]
        );
    }

    #[test]
    fn a_project_name_cell_that_copies_the_title_names_the_table_as_the_title_does() {
        for (cell, name) in [("2020年某补助经费支出绩效自评表", "2020年某补助经费支出"), ("某项目绩效目标申报表(2023年度)", "某项目"), ("物业管理", "物业管理")]
        {
            let rows =
                vec![row(1, &["项目名称", cell]), row(2, &["一级指标", "二级指标", "三级指标", "指标值"]), row(3, &["产出指标", "数量指标", "人数", "≥10人"])];
            let mut notes = Vec::new();
            assert_eq!(build(rows, &mut notes).remove(0).name.as_deref(), Some(name), "{cell}");
        }
    }

    #[test]
    fn the_sign_and_the_direction_are_read_by_what_their_cells_hold() {
        // Inner Mongolia's form heads its 正向 column 指标性质 and its 大于等于 column 指标方向.
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "年度指标值", "计量单位"]),
            row(2, &["产出指标", "数量指标", "租车次数", "正向", "大于等于", "1", "次"]),
            row(3, &["", "数量指标", "宣传美工制作个数", "反向", "小于等于", "1", "个"]),
            row(4, &["", "质量指标", "合格率", "≥", "正向指标", "90", "%"]),
            row(5, &["", "时效指标", "完成率", "", "正向", "100", "%"]),
        ];
        let (body, _) = one_body(rows);
        let targets: Vec<_> = body
            .categories
            .iter()
            .flat_map(|c| &c.children)
            .flat_map(|s| &s.indicators)
            .map(|i| (i.target.raw.as_str(), i.target.comparator, i.target.comparator_inferred))
            .collect();
        assert_eq!(
            targets,
            [
                ("大于等于1次", Some(Comparator::Ge), false),
                ("小于等于1个", Some(Comparator::Le), false),
                ("≥90%", Some(Comparator::Ge), false),
                ("100%", Some(Comparator::Ge), true)
            ]
        );
    }

    #[test]
    fn a_level1_cell_empty_before_any_level1_is_implied_by_the_level2() {
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "指标值"]),
            row(2, &["", "数量指标", "人数", "≥10人"]),
            row(3, &["", "质量指标", "合格率", "≥90%"]),
            row(4, &["效益指标", "社会效益指标", "覆盖", "100%"]),
            row(5, &["", "经济效益指标", "增收", "≥5万元"]),
        ];
        let (body, _) = one_body(rows);
        let levels: Vec<_> = body.categories.iter().map(|c| (c.level1, c.children.iter().map(|s| s.indicators.len()).sum::<usize>())).collect();
        // A level-1 read stays over the rows below it, as a merged cell does.
        assert_eq!(levels, [(crate::model::Level1::Output, 2), (crate::model::Level1::Effect, 2)]);
    }

    #[test]
    fn rows_whose_labels_a_copy_lost_take_the_level1_the_first_level2_below_implies() {
        // A copy that dropped merged cells: the first rows have neither label; 时效指标 shows
        // which merged level-1 cell they stood under.
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "指标值"]),
            row(2, &["", "", "新增产业数量", "≥1个"]),
            row(3, &["", "", "验收合格率", "100%"]),
            row(4, &["", "时效指标", "竣工时限", "2021年9月"]),
            row(5, &["效益指标", "社会效益指标", "受益人数", "≥50人"]),
        ];
        let (body, _) = one_body(rows);
        let levels: Vec<_> = body.categories.iter().map(|c| (c.level1, c.children.iter().map(|s| s.indicators.len()).sum::<usize>())).collect();
        assert_eq!(levels, [(crate::model::Level1::Output, 3), (crate::model::Level1::Effect, 1)]);
    }

    #[test]
    fn a_level1_cell_that_is_only_a_score_takes_the_level_its_level2_implies() {
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "指标值"]),
            row(2, &["(50分)", "数量指标", "人数", "≥10人"]),
            row(3, &["", "质量指标", "合格率", "≥90%"]),
            row(4, &["(30分)", "社会效益指标", "覆盖", "100%"]),
            row(5, &["其他(20分)", "其他指标", "某项", "完成"]),
        ];
        let (body, _) = one_body(rows);
        let levels: Vec<_> = body.categories.iter().map(|c| (c.level1, c.label.as_str())).collect();
        use crate::model::Level1::*;
        // The label stays as written; a word that is no level stays other.
        assert_eq!(levels, [(Output, "(50分)"), (Effect, "(30分)"), (Other, "其他(20分)")]);
    }

    #[test]
    fn an_umbrella_level1_files_rows_by_the_level1_its_level2_names() {
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "分值"]),
            row(2, &["项目管理", "资金管理", "资金到位", "3"]),
            row(3, &["项目绩效", "项目产出", "产出数量", "5"]),
            row(4, &["", "", "产出质量", "4"]),
            row(5, &["", "项目效益", "经济效益", "10"]),
            row(6, &["", "", "社会效益", "10"]),
            row(7, &["部门绩效", "履职效果", "职责履行", "10"]),
        ];
        let (body, _) = one_body(rows);
        let levels: Vec<_> = body.categories.iter().map(|c| (c.level1, c.label.as_str(), c.children.len())).collect();
        use crate::model::Level1::*;
        // 项目绩效 holds both; a level-2 that names no level-1 leaves the umbrella's own.
        assert_eq!(levels, [(Process, "项目管理", 1), (Output, "项目绩效", 1), (Effect, "项目绩效", 1), (Effect, "部门绩效", 1)]);
        assert_eq!(names(&body), ["资金到位", "产出数量", "产出质量", "经济效益", "社会效益", "职责履行"]);
    }

    #[test]
    fn an_evaluation_level1_over_the_target_forms_level2s_files_them_by_the_level2() {
        // 项目决策 over 数量 / 质量 / 时效 / 成本 (the unit took the framework's word for 产出): the
        // rows are output's, under the label as written; the framework's own level-2s stay.
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "指标值"]),
            row(2, &["项目决策", "数量指标", "宣传次数", "≥2次"]),
            row(3, &["", "质量指标", "创建质量", "按质按量完成"]),
            row(4, &["项目效益", "社会效益指标", "维权意识", "不断提升"]),
            row(5, &["项目管理", "资金管理", "资金到位率", "100%"]),
            row(6, &["决策", "项目立项", "立项依据充分性", "充分"]),
        ];
        let (body, _) = one_body(rows);
        use crate::model::Level1::*;
        assert_eq!(
            body.categories.iter().map(|c| (c.level1, c.label.as_str(), c.children.len())).collect::<Vec<_>>(),
            [(Output, "项目决策", 2), (Effect, "项目效益", 1), (Process, "项目管理", 1), (Decision, "决策", 1)]
        );
    }

    #[test]
    fn a_level1_label_that_names_none_files_rows_by_the_level1_its_level2_names() {
        // The central investment form: 实施效果指标 over 产出指标 and 效益指标.
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "指标值"]),
            row(2, &["实施效果指标", "产出指标", "建设项目个数", "1"]),
            row(3, &["", "", "竣工验收合格率", "100%"]),
            row(4, &["", "效益指标", "综合利用率", "≥90%"]),
        ];
        let (body, _) = one_body(rows);
        let levels: Vec<_> =
            body.categories.iter().map(|c| (c.level1, c.label.as_str(), c.children.iter().map(|s| s.indicators.len()).sum::<usize>())).collect();
        use crate::model::Level1::*;
        assert_eq!(levels, [(Output, "实施效果指标", 2), (Effect, "实施效果指标", 1)]);
        // A label a page break cut (`指标` of 产出指标) is the level-1 its first level-2 implies,
        // and stays over 成本指标, a level-2 of 产出 in the older form and a level-1 in the 2021 one.
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "指标值"]),
            row(2, &["指标", "质量指标", "合格率", "≥90%"]),
            row(3, &["", "成本指标", "单价", "≤5元"]),
        ];
        let (body, _) = one_body(rows);
        assert_eq!(body.categories.iter().map(|c| (c.level1, c.children.len())).collect::<Vec<_>>(), [(Output, 2)]);
        // So is a label a copy garbled (`顼目产出` for 项目产出); one over words that imply no level
        // stays none.
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "指标值"]),
            row(2, &["顼目产出(30分)", "数量指标(10分)", "人数", "2370人"]),
            row(3, &["", "时效指标(5分)", "完成时间", "2021年12月"]),
            row(4, &["其他(5分)", "其他指标", "某项", "完成"]),
        ];
        let (body, _) = one_body(rows);
        assert_eq!(body.categories.iter().map(|c| (c.level1, c.children.len())).collect::<Vec<_>>(), [(Output, 2), (Other, 1)]);
        // One such label over several levels files each level-2 under the level it implies.
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "指标值"]),
            row(2, &["绩效指标", "数量指标", "人数", "≥10人"]),
            row(3, &["", "质量指标", "合格率", "≥90%"]),
            row(4, &["", "社会效益指标", "覆盖", "提高"]),
            row(5, &["", "服务对象满意度指标", "满意度", "≥90%"]),
        ];
        let (body, _) = one_body(rows);
        assert_eq!(
            body.categories.iter().map(|c| (c.level1, c.label.as_str(), c.children.len())).collect::<Vec<_>>(),
            [(Output, "绩效指标", 2), (Effect, "绩效指标", 1), (Satisfaction, "绩效指标", 1)]
        );
        // A group label over management words keeps them: 项目实施 takes the level its first
        // level-2 implies (资金管理: 过程), and a level-1 word a level-2 says (项目管理) stays in it.
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "分值"]),
            row(2, &["项目实施", "资金管理", "甲", "1"]),
            row(3, &["", "项目管理", "乙", "2"]),
            row(4, &["", "组织实施", "丙", "3"]),
        ];
        let (body, _) = one_body(rows);
        assert_eq!(body.categories.iter().map(|c| (c.level1, c.children.len())).collect::<Vec<_>>(), [(Process, 3)]);
    }

    #[test]
    fn the_rows_under_a_level2_label_merged_across_level1_are_one_cell_short_too() {
        // Word's save of a cell merged across 一级 and 二级 and down: one cell on its first row,
        // one empty cell on the rows below.
        let rows = vec![
            row(1, &["一级指标", "二级指标", "指标名称", "指标值"]),
            row(2, &["产出指标", "数量指标", "托位数", "4.5"]),
            row(3, &["社会效益", "覆盖率", "提高"]),
            row(4, &["", "健康管理率", "95%"]),
            row(5, &["", "普及率", "90%"]),
        ];
        // In a grid (a workbook), the merged cell is the label and the empty cell it covers.
        let grid = vec![
            row(1, &["一级指标", "二级指标", "指标名称", "指标值"]),
            row(2, &["产出指标", "数量指标", "托位数", "4.5"]),
            row(3, &["社会效益", "", "覆盖率", "提高"]),
            row(4, &["", "社会效益", "健康管理率", "95%"]),
            row(5, &["", "社会效益", "普及率", "90%"]),
        ];
        use crate::model::Level1::*;
        for rows in [rows, grid] {
            let (body, _) = one_body(rows);
            assert_eq!(body.categories.len(), 2);
            let read: Vec<_> = body
                .categories
                .iter()
                .flat_map(|c| {
                    c.children.iter().flat_map(move |s| s.indicators.iter().map(move |i| (c.level1, s.label.as_str(), i.name.as_str(), i.target.raw.as_str())))
                })
                .collect();
            assert_eq!(
                read,
                [
                    (Output, "数量指标", "托位数", "4.5"),
                    (Effect, "社会效益", "覆盖率", "提高"),
                    (Effect, "社会效益", "健康管理率", "95%"),
                    (Effect, "社会效益", "普及率", "90%")
                ]
            );
        }
    }

    #[test]
    fn a_short_row_below_a_merged_label_keeps_a_value_it_has_under_the_target() {
        // The third row is short because its value and basis cells are merged, not because the
        // label above goes on down.
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "指标值", "依据"]),
            row(2, &["产出指标", "数量指标", "托位数", "4.5", "计划标准"]),
            row(3, &["社会效益指标", "覆盖率", "提高", "计划标准"]),
            row(4, &["", "服务质量", "投诉率", "≤1%"]),
        ];
        let (body, _) = one_body(rows);
        let last = body
            .categories
            .iter()
            .flat_map(|c| &c.children)
            .flat_map(|s| s.indicators.iter().map(move |i| (s.label.as_str(), i.name.as_str(), i.target.raw.as_str())))
            .last();
        assert_eq!(last, Some(("服务质量", "投诉率", "≤1%")));
        // In a grid, the merged label's empty cell may stand before another column than the name.
        let grid = vec![
            row(1, &["一级指标", "二级指标", "指标内容", "三级指标", "指标值"]),
            row(2, &["产出指标", "数量指标", "说明一", "托位数", "4.5"]),
            row(3, &["社会效益", "", "说明二", "覆盖率", "≥95%"]),
        ];
        let (body, _) = one_body(grid);
        let read: Vec<_> = body.categories.iter().map(|c| (c.level1, c.children.iter().map(|s| s.label.as_str()).collect::<Vec<_>>())).collect();
        assert_eq!(read, [(crate::model::Level1::Output, vec!["数量指标"]), (crate::model::Level1::Effect, vec!["社会效益"])]);
    }

    #[test]
    fn a_blank_frameworks_scores_that_add_up_to_its_levels_are_weights() {
        let framework = |last: &'static str| {
            vec![
                row(1, &["一级指标", "二级指标", "三级指标", "指标说明", "得分"]),
                row(2, &["投入(20)", "项目立项(15)", "立项规范性", "评价要点", "5"]),
                row(3, &["", "", "目标合理性", "评价要点", "5"]),
                row(4, &["", "", "指标明确性", "评价要点", "5"]),
                row(5, &["", "资金落实(5)", "资金到位率", "公式", last]),
            ]
        };
        let weights = |rows| {
            let (body, _) = one_body(rows);
            body.categories.iter().flat_map(|c| &c.children).flat_map(|s| &s.indicators).map(|i| (i.weight, i.reported_score)).collect::<Vec<_>>()
        };
        assert_eq!(weights(framework("5")), [(Some(5.0), None); 4]);
        // 4 of 5 under 资金落实(5): scores given, not full marks.
        assert_eq!(weights(framework("4"))[3], (None, Some(4.0)));
    }

    #[test]
    fn a_stray_point_in_a_weight_is_read_as_its_level_adds_up() {
        let framework = |level: &'static str, stray: &'static str| {
            vec![
                row(1, &["一级指标", "二级指标", "三级指标", "分值"]),
                row(2, &["产出指标", level, "甲", "2"]),
                row(3, &["", "", "乙", stray]),
                row(4, &["", "", "丙", "1"]),
            ]
        };
        let weights = |rows| {
            let (body, _) = one_body(rows);
            body.categories.iter().flat_map(|c| &c.children).flat_map(|s| &s.indicators).map(|i| (i.weight, i.extra.get("分值").cloned())).collect::<Vec<_>>()
        };
        assert_eq!(weights(framework("数量指标(5分)", ".2"))[1], (Some(2.0), Some(".2".to_owned())));
        assert_eq!(weights(framework("数量指标(3.2分)", ".2"))[1], (Some(0.2), Some(".2".to_owned())));
        assert_eq!(weights(framework("数量指标(5分)", "、2"))[1].0, Some(2.0));
        assert_eq!(weights(framework("数量指标(3.5分)", "·5"))[1].0, Some(0.5));
        // Neither reading adds up, or no level states points: no weight, the cell kept as written.
        assert_eq!(weights(framework("数量指标(9分)", ".2"))[1], (None, Some(".2".to_owned())));
        assert_eq!(weights(framework("数量指标", ".2"))[1], (None, Some(".2".to_owned())));
    }

    #[test]
    fn a_subtotal_row_is_a_units_amount_on_a_sheet_of_projects_and_a_footer_elsewhere() {
        let sheet = vec![
            row(1, &["单位名称", "项目名称", "预算数", "一级指标", "二级指标", "三级指标", "指标值"]),
            row(2, &["小计", "", "100.00", "", "", "", ""]),
            row(3, &["某镇", "某项目", "100.00", "产出指标", "数量指标", "甲", "≥1个"]),
        ];
        let (body, _) = one_body(sheet);
        assert_eq!(body.subtotals.iter().map(|s| s.unit.as_str()).collect::<Vec<_>>(), ["小计"]);
        assert!(body.remarks.is_empty());
        let framework = vec![row(1, &["一级指标", "三级指标", "分值"]), row(2, &["产出指标", "甲", "5"]), row(3, &["分项小计", "小计", "5"])];
        let (body, _) = one_body(framework);
        assert_eq!(names(&body), ["甲"]);
        assert_eq!(body.remarks.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["分项小计"]);
    }

    /// The first table body `rows` build, and the notes they leave.
    /// Where rows go does not depend on the index that finds a label's category: each look-up
    /// answers as the walk over every category would (a reviewer's case: a blank category given
    /// its label later, then that label again).
    #[test]
    fn a_labels_category_is_the_first_of_that_label() {
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "指标值"]),
            row(2, &["效益指标", "经济效益指标", "甲", "≥1个"]),
            row(3, &["社会效益指标", "乙", "≥2个"]),
            row(4, &["效益指标", "", "丙", "≥3个"]),
            row(5, &["产出指标", "数量指标", "丁", "≥4个"]),
            row(6, &["效益指标", "生态效益指标", "戊", "≥5个"]),
        ];
        let (body, _) = one_body(rows);
        let walk = |label: &str| body.categories.iter().position(|c| same_squeezed(&c.label, label));
        let of = |name: &str| body.categories.iter().position(|c| c.children.iter().flat_map(|s| &s.indicators).any(|i| i.name == name));
        assert_eq!(of("戊"), walk("效益指标"));
        assert_eq!(of("甲"), walk("效益指标"));
    }

    fn one_body(rows: Vec<Row<'_>>) -> (TableBody, Vec<Note>) {
        let mut notes = Vec::new();
        let body = build(rows, &mut notes).remove(0);
        (body, notes)
    }

    fn names(body: &TableBody) -> Vec<&str> {
        body.categories.iter().flat_map(|c| &c.children).flat_map(|s| &s.indicators).map(|i| i.name.as_str()).collect()
    }

    #[test]
    fn the_header_again_below_is_no_indicator() {
        let rows = vec![
            row(1, &["年度绩效目标1(40分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"]),
            row(2, &["", "产出指标", "质量指标", "数据合格", "100%", "100%", "10"]),
            row(3, &["年度绩效目标2(40分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"]),
            row(4, &["", "产出指标", "质量指标", "资料整编", "100%", "100%", "10"]),
        ];
        let (body, notes) = one_body(rows);
        assert_eq!(names(&body), ["数据合格", "资料整编"]);
        // Its cells are kept, as notes.
        assert_eq!(notes.len(), 7);
        assert_eq!(notes[0].text, "年度绩效目标2(40分)");
    }

    #[test]
    fn a_blank_form_row_with_marks_of_empty_is_a_remark() {
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值"]),
            row(2, &["效益指标", "社会效益指标", "指标1:覆盖", "100%", "100%", "10"]),
            row(3, &["", "生态效益指标", "指标1:", "/", "/", "/"]),
        ];
        let (body, _) = one_body(rows);
        assert_eq!(names(&body), ["指标1:覆盖"]);
        assert_eq!(body.remarks.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["指标1:"]);
        // So is a row that says it does not apply; one with a value is an indicator.
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "指标值"]),
            row(2, &["效益指标", "生态效益指标", "本项目不适用此指标", "无"]),
            row(3, &["", "社会效益指标", "不适用人群覆盖率", "100%"]),
        ];
        let (body, _) = one_body(rows);
        assert_eq!(names(&body), ["不适用人群覆盖率"]);
        assert_eq!(body.remarks.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["本项目不适用此指标"]);
        // A blank row whose 依据 or 分值 is filled keeps it: an indicator, never dropped with the row
        // (a lossless proptest case).
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据", "分值"]),
            row(2, &["产出指标", "数量指标", "指标1", "", "依据文件", ""]),
            row(3, &["", "", "指标2", "", "", "5"]),
        ];
        let (body, _) = one_body(rows);
        assert_eq!(names(&body), ["指标1", "指标2"]);
        let inds: Vec<&Indicator> = body.categories.iter().flat_map(|c| &c.children).flat_map(|s| &s.indicators).collect();
        assert_eq!((inds[0].basis.as_str(), inds[1].weight), ("依据文件", Some(5.0)));
        assert!(body.remarks.is_empty());
    }

    #[test]
    fn rows_that_name_nothing_are_the_forms_skeleton() {
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标值类型", "评(扣)分标准"]),
            row(2, &["产出指标", "数量指标", "人数", "≥10", "人", "定量", "未达标扣分"]),
            row(3, &["", "质量指标", "", "", "-", "定性", "未达标扣分"]),
            row(4, &["", "时效指标", "", "/", "-", "", ""]),
        ];
        let (body, notes) = one_body(rows);
        let subs: Vec<(&str, usize)> = body.categories[0].children.iter().map(|s| (s.label.as_str(), s.indicators.len())).collect();
        assert_eq!(subs, [("数量指标", 1), ("质量指标", 0), ("时效指标", 0)]);
        let kept: Vec<&str> = notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(kept, ["定性", "未达标扣分"], "what the skeleton row says is kept, the marks of empty cells are not");
    }

    #[test]
    fn names_wrapped_at_a_measure_word_are_one_line() {
        for (cell, name) in [
            ("财政供养人员\n控制率", "财政供养人员控制率"),
            ("“三公经费”\n变动率", "“三公经费”变动率"),
            ("管理制度\n健全性", "管理制度健全性"),
            ("培训人数\n含线上培训", "培训人数\n含线上培训"),
            ("完成验收。\n合格率", "完成验收。\n合格率"),
            ("覆盖\n全县各乡镇比", "覆盖\n全县各乡镇比"),
        ] {
            assert_eq!(wrapped_name(cell), name, "{cell:?}");
        }
    }

    #[test]
    fn sign_codes_of_budget_systems() {
        assert_eq!(compose_target("1", "90", "%"), "≥90%");
        assert_eq!(compose_target("5", "3", "天"), "≤3天");
        assert_eq!(compose_target("6", "明显提高", ""), "明显提高");
        assert_eq!(compose_target("2", "1000", "人"), ">1000人");
        assert_eq!(value_cell("≥90%", "1", "%"), "90");
    }

    #[test]
    fn merged_level1_and_skeleton_rows() {
        let rows = vec![
            row(1, &["绩效目标", "保障运行"]),
            row(3, &["一级指标", "二级指标", "三级指标", "指标值"]),
            row(5, &["产出指标", "数量指标", "人数", "≥10人"]),
            row(7, &["", "质量指标", "", ""]),
            row(9, &["效益指标", "社会效益指标", "覆盖", "100%"]),
            row(11, &["", "社会效益指标", "覆盖2", "稳定"]),
        ];
        let (body, notes) = one_body(rows);
        assert_eq!(body.objective.as_deref(), Some("保障运行"));
        assert_eq!(body.categories.len(), 2);
        assert_eq!(body.categories[0].children.len(), 2);
        assert!(body.categories[0].children[1].indicators.is_empty());
        assert_eq!(body.categories[1].children.len(), 1, "a repeated level-2 label is one category");
        assert_eq!(body.categories[1].children[0].indicators.len(), 2);
        assert!(notes.is_empty());
    }

    #[test]
    fn wider_layout_keeps_every_column() {
        let rows = vec![
            row(1, &["一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位", "备注", ""]),
            row(2, &["产出指标", "数量指标", "培训", "≥", "12", "次", "按季度", "x"]),
            row(3, &["", "", "", "", "", "", "", "", "stray"]),
        ];
        let (body, notes) = one_body(rows);
        let ind = &body.categories[0].children[0].indicators[0];
        assert_eq!(ind.target.raw, "≥12次");
        assert_eq!(ind.target.value, Some(12.0));
        assert_eq!(ind.extra["计算符号"], "≥");
        assert_eq!(ind.extra["备注"], "按季度");
        assert_eq!(ind.extra["列8"], "x");
        assert_eq!(value_cell(&ind.target.raw, "≥", "次"), "12");
        assert_eq!(notes, vec![Note { location: Location::line(3), text: "stray".into() }]);
    }
}
