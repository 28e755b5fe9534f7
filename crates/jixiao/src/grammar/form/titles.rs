//! The lines that give a Word-text document its structure: part headings, table titles and
//! Word TC (table of contents) fields.

use crate::grammar::fold::{fold, squeeze};
use crate::model::{SectionKind, Table, TableKind, Toc};

const NUMERALS: &[(char, u32)] = &[('一', 1), ('二', 2), ('三', 3), ('四', 4), ('五', 5), ('六', 6), ('七', 7), ('八', 8), ('九', 9), ('十', 10)];

/// `一`…`九十九` or ASCII digits → the number.
pub fn numeral(s: &str) -> Option<u32> {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let digit = |c: char| NUMERALS.iter().find(|(n, _)| *n == c).map(|(_, v)| *v);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [a] => digit(*a),
        ['十', b] => Some(10 + digit(*b)?),
        [a, '十'] => Some(digit(*a)? * 10),
        [a, '十', b] => Some(digit(*a)? * 10 + digit(*b)?),
        _ => None,
    }
}

/// A Word TC field in a line: the text before it and the field.
pub fn split_toc(line: &str) -> (&str, Option<Toc>) {
    let mut search = 0;
    // The first switch (`\f`, `\l`) at or after a position, found once and reused while it lies
    // ahead, so that a line of many `TC` words is read in linear time.
    let next_switch = |from: usize| -> Option<usize> {
        let rest = &line[from..];
        rest.find("\\f").into_iter().chain(rest.find("\\l")).min().map(|i| from + i)
    };
    let mut switch_ahead: Option<Option<usize>> = None;
    while let Some(found) = memchr::memmem::find(&line.as_bytes()[search..], b"TC ") {
        let at = search + found;
        search = at + 3;
        if at > 0 && !line[..at].ends_with(char::is_whitespace) {
            continue;
        }
        let rest = &line[at + 3..];
        let known = switch_ahead.filter(|s| s.is_none_or(|i| i >= at + 3));
        let absolute = match known {
            Some(s) => s,
            None => {
                let s = next_switch(at + 3);
                switch_ahead = Some(s);
                s
            }
        };
        let switch = absolute.map(|i| i - (at + 3));
        let quoted = rest.trim_start().starts_with('"');
        if switch.is_none() && !quoted {
            continue;
        }
        let text = rest[..switch.unwrap_or(rest.len())].trim();
        let text = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap_or(text);
        let switches = switch.map_or("", |i| &rest[i..]);
        let toc = Toc {
            text: text.to_owned(),
            identifier: switch_value(switches, "\\f").map(|v| v.trim_matches('"').to_owned()),
            level: switch_value(switches, "\\l").and_then(|v| v.trim_matches('"').parse().ok()),
            switches: switches.trim().to_owned(),
        };
        return (&line[..at], Some(toc));
    }
    (line, None)
}

fn switch_value<'a>(switches: &'a str, name: &str) -> Option<&'a str> {
    let at = switches.find(name)?;
    switches[at + name.len()..].split_whitespace().next()
}

/// `第二部分  专项资金绩效目标` → (2, heading as written, its TC field).
pub fn part_heading(line: &str) -> Option<(u32, String, Option<Toc>)> {
    // Most lines are prose or cells: only a line that starts with 第 can be a part heading.
    if !line.trim_start_matches(|c: char| c.is_whitespace()).starts_with('第') {
        return None;
    }
    let (before, toc) = split_toc(line);
    let key = squeeze(before);
    let rest = key.strip_prefix('第')?;
    let end = rest.find("部分")?;
    let number = numeral(&rest[..end])?;
    Some((number, before.trim().to_owned(), toc))
}

/// Whether a part holds the department-wide overview (第一部分 部门整体绩效目标).
pub fn is_overview_heading(heading: &str) -> bool {
    squeeze(heading).contains("整体")
}

/// What a part holds, by the meaning of its heading: the sample's `专项资资金` is a special fund.
pub fn section_kind(heading: &str) -> SectionKind {
    let key = squeeze(heading);
    if key.contains("整体") {
        SectionKind::DepartmentWide
    } else if key.contains("专项") || key.contains("资金") {
        SectionKind::SpecialFund
    } else if key.contains("项目") {
        SectionKind::BudgetProject
    } else {
        SectionKind::Other
    }
}

/// Whether a table's name says it is the department-wide one (部门整体…, …整体支出…).
fn is_department_wide(name: &str) -> bool {
    let key = squeeze(&crate::grammar::fold::simplified_text(name));
    // `…中心2023年度整体绩效目标表`: the unit's whole, named before 整体.
    key.contains("部门整体") || key.contains("整体支出") || key.ends_with("整体")
}

/// Words that end a table's name in its title; what follows them is the form's kind
/// (`表`, `申报表`, `批复表`, `审批表`, `自评表`, `监控表`).
const TITLE_ANCHORS: &[&str] = &[
    "绩效目标",
    "目标申报",
    "绩效自评",
    "目标自评",
    "项目自评",
    "绩效监控",
    "目标监控",
    "绩效运行监控",
    "绩效执行监控",
    "评价指标体系",
    "评价得分",
    "评价评分",
    // `…部门整体支出绩效评价自评表`: an evaluation's self-assessment.
    "评价自评",
];

/// A table title: `3、城乡居民基本医疗保险区级补助资金绩效目标表` → (Some(3), name).
pub struct TableTitle {
    pub number: Option<u32>,
    pub name: String,
    pub title: String,
    pub toc: Option<Toc>,
    /// What the title says the table is; None for a plain target table (the columns may say more).
    pub kind: Option<TableKind>,
    pub year: Option<i32>,
    /// A project code before the name: `820-`, `51000021R000000019951-`.
    pub code: Option<String>,
}

/// How many characters stand outside brackets: a mirror's pinyin (`目標(biāo)表`) is not part
/// of the form's kind after the anchor.
fn outside_brackets(s: &str) -> usize {
    let mut depth = 0usize;
    s.chars()
        .filter(|c| match c {
            '(' | '（' => {
                depth += 1;
                false
            }
            ')' | '）' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .count()
}

/// A line that gives the table's unit of money (`单位：万元`, `金额单位:元`), as forms print
/// between the title and the table.
pub fn unit_line(text: &str) -> bool {
    let folded = fold(text.trim());
    ["单位:", "金额单位:", "单位：", "金额单位："].iter().any(|p| folded.starts_with(p)) && folded.chars().count() <= 12
}

/// A line that says something of the table below it without naming it: its year or its unit
/// (see [`year_line`], [`unit_line`]).
pub fn year_or_unit_line(text: &str) -> bool {
    year_line(text).is_some() || unit_line(text)
}

/// A line under a caption that says something of the table below without naming it or starting
/// it: its year, its unit, or one of the form's fields written above the grid (`项目名称:`,
/// `评价单位:`, `填报日期:2021年3月10日`, left blank in a template).
pub fn under_caption_line(text: &str) -> bool {
    year_or_unit_line(text) || form_field_line(text)
}

/// `项目名称:`, `填报单位：某局`, `评价单位:`: a short label ending in a field's word, a colon, and a
/// short value or none.
fn form_field_line(text: &str) -> bool {
    let folded = fold(text.trim());
    let Some((label, value)) = folded.split_once(':') else { return false };
    let label = squeeze(label);
    let field = super::info::is_info_label(&label) || ["名称", "单位", "日期", "时间", "人", "电话"].iter().any(|w| label.ends_with(w));
    field && (1..=8).contains(&label.chars().count()) && value.chars().count() <= 30 && !value.contains(':')
}

/// The project's name a field line gives (`项目名称：乡村道路维护`, `专项名称:X`): None for another
/// field, a label with no value, or any other line.
pub fn project_name_line(text: &str) -> Option<&str> {
    let (label, value) = text.trim().split_once([':', '：'])?;
    let value = value.trim();
    // A name may be long (a works' full name runs to sixty characters); a second field on the
    // line (`项目名称：X  单位：万元`) is no name.
    let one_field = !value.is_empty() && value.chars().count() <= PROJECT_NAME_MAX && !value.contains([':', '：']);
    (one_field && crate::grammar::labels::is_project_name_key(&squeeze(&fold(label)))).then_some(value)
}

/// Longest project name a field line is read as (in characters).
const PROJECT_NAME_MAX: usize = 120;

/// A line that says only the year (`2024年度`, `（2024年）`), as a form prints under its title.
pub fn year_line(text: &str) -> Option<i32> {
    let folded = fold(text.trim());
    let inner = folded.strip_prefix('(').and_then(|t| t.strip_suffix(')')).unwrap_or(&folded).trim();
    let digits = inner.strip_suffix("年度").or_else(|| inner.strip_suffix('年'))?;
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    year_of(inner)
}

/// The title without trailing bracketed parts: `…绩效目标表(2023年度)` → `…绩效目标表`.
fn without_trailing_brackets(s: &str) -> &str {
    let mut t = s.trim_end();
    while t.ends_with([')', '）']) {
        match t.rfind(['(', '（']) {
            Some(i) => t = t[..i].trim_end(),
            None => break,
        }
    }
    t
}

impl TableTitle {
    /// The title of a table that a reader knows to be one, though it does not read as a title
    /// (`专项1-补助被征地农民支出`): the whole text is its name.
    pub fn named(text: &str) -> TableTitle {
        let (code, name) = split_code(text);
        TableTitle { number: None, name: name.to_owned(), title: text.to_owned(), toc: None, kind: None, year: year_of(text), code: code.map(str::to_owned) }
    }
}

/// The number a title or caption starts with (`3、…`, `3.…`) and the rest, trimmed; no number
/// when the digits are not followed by one of `separators`, or begin a decimal (`2.5亿元…`).
fn leading_number<'a>(text: &'a str, separators: &[char]) -> (Option<u32>, &'a str) {
    let folded = fold(text);
    let digits = folded.chars().take_while(char::is_ascii_digit).count();
    let after = folded.chars().nth(digits);
    let decimal = after == Some('.') && folded.chars().nth(digits + 1).is_some_and(|c| c.is_ascii_digit());
    // `2017 年…` (a PDF's space between digits and words) is a year, not table 2017; `1、年度…`
    // is table 1.
    let date =
        || after.is_some_and(char::is_whitespace) && folded.chars().skip(digits + 1).find(|c| !c.is_whitespace()).is_some_and(|c| matches!(c, '年' | '月'));
    if digits > 0 && !decimal && after.is_some_and(|c| separators.contains(&c)) && !date() {
        let skip: usize = text.chars().take(digits + 1).map(char::len_utf8).sum();
        (folded[..digits].parse().ok(), text[skip..].trim())
    } else {
        (None, text)
    }
}

/// A short line right above a table whose first row is an indicator header, though it has no
/// 表 (`1、項目年度績效目標(定量目標)`, `1、财政专项资金绩效评价共性指标`): the table's title. Its
/// number is read as a title's; the rest is the name. None for a line of prose: longer than a
/// title, ending a sentence, or with no Chinese in it.
pub fn caption_title(line: &str) -> Option<TableTitle> {
    let text = line.trim();
    // A year line or a unit line says something of the table under it; it does not name it. Nor
    // does a form's field (`主管部门：某局`), but for the project's name (`项目名称：乡村道路维护`).
    if year_or_unit_line(text) {
        return None;
    }
    if form_field_line(text) {
        return project_name_line(text).map(|value| TableTitle { title: text.to_owned(), ..TableTitle::named(value) });
    }
    if text.is_empty()
        || text.chars().count() > 60
        || text.ends_with(['。', '；', ';', '：', ':', '，', ','])
        || !text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
    {
        return None;
    }
    // `1.5亿元…` begins with a decimal, not caption 1; `1、3岁以下…` is caption 1.
    let (number, name) = leading_number(text, &['、', '.', ' ']);
    if name.is_empty() {
        return None;
    }
    // A caption that ends in the form's words (`3岁以下婴幼儿照护服务项目绩效目标`, a title
    // without its 表) is named as that title would be; one that goes on after them
    // (`項目年度績效目標(定量目標)`) keeps them.
    // A notice that publishes the form (`关于“某项目”预算绩效评价结果的公示`) is named by the
    // name it quotes; without a quote (`…绩效自评情况公示`), as the caption before its 公示.
    let simple = crate::grammar::fold::simplified_text(name);
    let notice = ["的公示", "公示", "的公告", "公告"].iter().find_map(|w| simple.strip_suffix(w)).map(str::len).filter(|&n| n > 0);
    if notice.is_some()
        && let Some(quoted) = name.strip_prefix("关于").and_then(|n| n.split_once('“')).and_then(|(_, q)| q.split_once('”')).map(|(q, _)| q.trim())
        && !quoted.is_empty()
    {
        return Some(TableTitle { number, title: text.to_owned(), year: year_of(text), ..TableTitle::named(quoted) });
    }
    // The simplified text has the name's offsets.
    let (name, simple) = match notice {
        Some(n) => (&name[..n], &simple[..n]),
        None => (name, &simple[..]),
    };
    // So is one that says it shows the result of that form (`…项目自评结果`, `…绩效自评情况`).
    let stem = ["结果", "情况"].iter().find_map(|w| simple.strip_suffix(w)).unwrap_or(simple);
    let name_stem = &name[..stem.len()];
    if TITLE_ANCHORS.iter().any(|a| stem.ends_with(a) && stem.len() > a.len())
        && let Some(t) = table_title(&format!("{name_stem}表"))
        && !t.name.is_empty()
    {
        return Some(TableTitle { number, name: t.name, title: text.to_owned(), toc: None, kind: t.kind, year: year_of(text), code: t.code });
    }
    // One that ends in 表 after words no anchor knows (`…绩效评价指标表`) is named without its
    // 表; one that says 绩效评价 is an evaluation's.
    let (code, name) = split_code(name);
    let name = name.strip_suffix('表').filter(|n| !n.trim().is_empty()).unwrap_or(name);
    let kind = simple.contains("绩效评价").then_some(TableKind::SelfEvaluation);
    Some(TableTitle { number, name: name.to_owned(), title: text.to_owned(), toc: None, kind, year: year_of(text), code: code.map(str::to_owned) })
}

pub fn table_title(line: &str) -> Option<TableTitle> {
    // Most lines are prose or cells: only a line with a 表 in it can be a title.
    if line.starts_with('\t') || memchr::memmem::find(line.as_bytes(), "表".as_bytes()).is_none() {
        return None;
    }
    let (before, toc) = split_toc(line);
    let title = before.trim();
    if title.chars().count() > 150 {
        return None;
    }
    let core = without_trailing_brackets(title);
    if !core.ends_with('表') {
        return None;
    }
    // Anchors are found in either script (績效目標表): the simplified text has the same offsets;
    // and past a mirror's pinyin (績(jī)效目標(biāo)表), through the offsets of the text without it.
    let glossless = crate::grammar::fold::without_glosses(core);
    let plain = glossless.as_ref().map_or(core, |(plain, _)| plain.as_str());
    let in_core = |i: usize| glossless.as_ref().map_or(i, |(_, offsets)| offsets[i]);
    let simple = crate::grammar::fold::simplified_text(plain);
    // The last anchor whose tail is a form's kind ends the name.
    let (at, anchor) = TITLE_ANCHORS
        .iter()
        .filter_map(|a| simple.rfind(a).map(|i| (i, *a)))
        .filter(|(i, a)| outside_brackets(&simple[i + a.len()..]) <= 5)
        .max_by_key(|(i, a)| (*i, a.len()))?;
    // `…经费项目自评表`: the project's 项目 is the name's; the form's words are 自评表.
    let at = if anchor == "项目自评" { at + "项目".len() } else { at };
    let tail = &simple[at..];
    // `…绩效评价指标体系表`, `…绩效目标自评表`: the 绩效 before the anchor is the form's, not the name's.
    let before = simple[..at].trim_end();
    let body = match before.strip_suffix("绩效") {
        Some(name) => core[..in_core(name.len())].trim(),
        None => core[..in_core(at)].trim(),
    };
    // A score sheet (`…评价得分表`, `…评价评分表`) scores what was done: a self-evaluation.
    // So does an evaluation's table (`…绩效评价指标体系表`).
    let kind = if tail.contains("自评") || tail.contains("得分") || tail.contains("评分") || tail.contains("评价") {
        Some(TableKind::SelfEvaluation)
    } else if tail.contains("监控") {
        Some(TableKind::Monitoring)
    } else if is_department_wide(body) {
        Some(TableKind::DepartmentWide)
    } else {
        None
    };
    // `2.5亿元…绩效目标表` begins with a decimal, not table 2.
    let (number, name) = leading_number(body, &['、', '.', ',', ' ']);
    let (code, name) = split_code(name);
    Some(TableTitle { number, name: name.to_owned(), title: title.to_owned(), toc, kind, year: year_of(title), code: code.map(str::to_owned) })
}

/// The title line a text save of `table` carries: one a reader takes for a table title giving
/// the table's number, code and year. The title as written when it reads so (with the number
/// put before it when only that is missing: `3、` as Word's numbering shows it); else one made
/// from the table's number, code, name, kind and year, as a form titles a table
/// (`1、职业技能培训补贴绩效目标表` for a table titled by its sheet, `专项1-职业技能培训补贴`).
/// The name the title gives may still differ from the table's (a 项目名称 cell named it): a
/// writer says the name in a 项目名称 row then (see [`title_gives_name`]).
pub fn text_title(table: &Table) -> String {
    // On a sheet of many projects each is named in its column, and the title's number and
    // code are the sheet's, not the project's.
    let projects = super::columns::column_keys(&table.columns).iter().any(|(role, _)| *role == crate::grammar::labels::ColumnRole::Project);
    let gives = |line: &str| {
        part_heading(line).is_none()
            && table_title(line).is_some_and(|read| read.year == table.year && (projects || (read.number == table.number && read.code == table.code)))
    };
    if gives(&table.title) {
        return table.title.clone();
    }
    if let Some(n) = table.number {
        let numbered = format!("{n}、{}", table.title.trim());
        if gives(&numbered) {
            return numbered;
        }
    }
    let mut made = String::new();
    if let Some(n) = table.number {
        made.push_str(&format!("{n}、"));
    }
    if let Some(code) = &table.code {
        made.push_str(code);
        made.push('-');
    }
    // A title is one line.
    made.extend(table.name.chars().filter(|c| !matches!(c, '\n' | '\r')));
    made.push_str(match table.kind {
        TableKind::SelfEvaluation => "绩效自评表",
        TableKind::Monitoring => "绩效监控表",
        TableKind::Target | TableKind::DepartmentWide => "绩效目标表",
    });
    if let Some(year) = table.year.filter(|y| year_of(&made) != Some(*y)) {
        made.push_str(&format!("({year}年度)"));
    }
    made
}

/// Whether a reader takes `title` for a table title naming the table `name`.
pub fn title_gives_name(title: &str, name: &str) -> bool {
    table_title(title).is_some_and(|read| read.name == name)
}

/// `51000021R000000019951-工资性支出` → (code, name): letters and digits, at least one digit and
/// three characters, then a hyphen.
fn split_code(name: &str) -> (Option<&str>, &str) {
    if let Some((code, rest)) = name.split_once('-')
        && code.len() >= 3
        && code.chars().all(|c| c.is_ascii_alphanumeric())
        && code.chars().any(|c| c.is_ascii_digit())
        && !rest.trim().is_empty()
    {
        return (Some(code), rest.trim());
    }
    (None, name)
}

/// The first `NNNN年` in a title, if it is a plausible budget year.
pub fn year_of(title: &str) -> Option<i32> {
    // Four digits and 年, folded, in one pass without allocating: the digits seen in a row so far.
    let (mut run, mut value) = (0u32, 0i32);
    for c in title.chars().map(crate::grammar::fold::fold_char) {
        if let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            run += 1;
            value = (value % 1000) * 10 + d as i32;
        } else if c.is_whitespace() && run > 0 {
            // `2017 年`: a PDF's space between the digits and 年.
        } else {
            if c == '年' && run >= 4 && (1949..=2200).contains(&value) {
                return Some(value);
            }
            (run, value) = (0, 0);
        }
    }
    None
}

/// ` TC text \f X \l N ` after a title, as Word writes it: the switches as they were read, or
/// made from the identifier and level. With no `\f` or `\l` the text is quoted, which is how
/// a reader tells the field from prose.
pub fn toc_text(toc: &Toc) -> String {
    let mut switches = toc.switches.trim().to_owned();
    if switches.is_empty() {
        let mut made = Vec::new();
        if let Some(id) = &toc.identifier {
            made.push(format!("\\f {id}"));
        }
        if let Some(level) = toc.level {
            made.push(format!("\\l {level}"));
        }
        switches = made.join(" ");
    }
    let readable = switches.contains("\\f") || switches.contains("\\l");
    let text = if readable { toc.text.clone() } else { format!("\"{}\"", toc.text) };
    if switches.is_empty() { format!(" TC {text} ") } else { format!(" TC {text} {switches} ") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_evaluations_title_or_caption_is_a_self_evaluations() {
        let caption = caption_title("1、2019年度某县高中助学金项目绩效评价指标表").unwrap();
        assert_eq!((caption.number, caption.name.as_str(), caption.kind), (Some(1), "2019年度某县高中助学金项目绩效评价指标", Some(TableKind::SelfEvaluation)));
        let caption = caption_title("某项目年度指标表").unwrap();
        assert_eq!((caption.name.as_str(), caption.kind), ("某项目年度指标", None));
        assert_eq!(table_title("1、项目支出绩效评价指标体系表").and_then(|t| t.kind), Some(TableKind::SelfEvaluation));
        assert_eq!(table_title("1、某项目绩效目标表").and_then(|t| t.kind), None);
    }

    #[test]
    fn a_forms_fields_under_its_caption_say_of_the_table() {
        for line in ["项目名称:", "评价单位：", "填报日期:2021年3月10日", "2024年度", "单位：万元", "填报人: 张三"] {
            assert!(under_caption_line(line), "{line}");
        }
        for line in ["项目名称:某项目评价单位:某局", "一、项目基本情况", "绩效目标:完成全年任务,确保资金安全使用,提高群众满意度并推进项目建设。", "注:"]
        {
            assert!(!under_caption_line(line), "{line}");
        }
    }

    #[test]
    fn a_field_line_names_a_table_only_by_the_projects_name() {
        assert_eq!(caption_title("项目名称：乡村道路维护").map(|t| t.name), Some("乡村道路维护".to_owned()));
        assert!(caption_title("主管部门：某某局").is_none());
        assert!(caption_title("项目名称:").is_none());
    }

    #[test]
    fn a_year_spaced_from_its_nian_is_no_tables_number() {
        let caption = caption_title("1、2017 年就业补助资金绩效评价指标体系").unwrap();
        assert_eq!((caption.number, caption.name.as_str(), caption.year), (Some(1), "2017 年就业补助资金", Some(2017)));
        let title = table_title("2017 年某项目绩效目标表").unwrap();
        assert_eq!((title.number, title.name.as_str(), title.year), (None, "2017 年某项目", Some(2017)));
        assert_eq!(table_title("3 某项目绩效目标表").map(|t| t.number), Some(Some(3)));
        let title = table_title("1、年度项目绩效目标表").unwrap();
        assert_eq!((title.number, title.name.as_str()), (Some(1), "年度项目"));
    }

    #[test]
    fn a_line_of_only_the_year_is_a_year_line() {
        for (line, year) in [("2024年度", 2024), ("（2023年）", 2023), (" 2025年 ", 2025), ("(２０２４年度)", 2024)] {
            assert_eq!(year_line(line), Some(year), "{line}");
        }
        for line in ["2024年度预算", "24年", "12345年", "第2024年", "2024", "年度"] {
            assert_eq!(year_line(line), None, "{line}");
        }
    }

    #[test]
    fn years_are_four_digits_before_nian() {
        assert_eq!(year_of("2023年某项目绩效目标表"), Some(2023));
        assert_eq!(year_of("某项目（２０２４年度）"), Some(2024));
        assert_eq!(year_of("第12023年"), Some(2023));
        assert_eq!(year_of("1234年与2025年"), Some(2025));
        assert_eq!(year_of("第3年"), None);
        // A PDF's space between the digits and 年.
        assert_eq!(year_of("2023 年"), Some(2023));
        assert_eq!(year_of("2023 项目 年"), None);
        assert_eq!(year_of("2023"), None);
    }

    #[test]
    fn a_target_declaration_without_the_word_jixiao() {
        let t = table_title("1、项目支出目标申报表(2025年度)").unwrap();
        assert_eq!((t.number, t.name.as_str(), t.year, t.kind), (Some(1), "项目支出", Some(2025), None));
        // With 绩效 the name is the same.
        assert_eq!(table_title("某项目绩效目标申报表").unwrap().name, "某项目");
    }

    #[test]
    fn toc_fields_on_title_and_alone() {
        let (before, toc) = split_toc("2、城乡居民绩效目标表 TC 2、城乡居民绩效目标表 \\f B \\l 1 ");
        assert_eq!(before.trim(), "2、城乡居民绩效目标表");
        let toc = toc.unwrap();
        assert_eq!((toc.text.as_str(), toc.identifier.as_deref(), toc.level), ("2、城乡居民绩效目标表", Some("B"), Some(1)));
        let (before, toc) = split_toc(" TC \"分项\" \\f A ");
        assert_eq!(before.trim(), "");
        assert_eq!(toc.unwrap().text, "分项");
        assert!(split_toc("ETC 绩效目标表").1.is_none());
    }

    #[test]
    fn many_tc_words_read_in_linear_time() {
        // 2 MB of `TC ` without a switch: quadratic, this took minutes.
        let line = "TC ".repeat(700_000);
        assert!(split_toc(&line).1.is_none());
        let line = "TC ".repeat(100_000) + "标题 \\f B \\l 1";
        let toc = split_toc(&line).1.expect("a field");
        assert!(toc.text.ends_with("标题") && toc.identifier.as_deref() == Some("B"));
    }

    #[test]
    fn tc_fields_keep_what_they_do_not_read() {
        let (before, toc) = split_toc("1、甲绩效目标表 TC \"1、甲绩效目标表\" \\f B \\l x 附注");
        let toc = toc.unwrap();
        assert_eq!((before, toc.text.as_str(), toc.identifier.as_deref(), toc.level), ("1、甲绩效目标表 ", "1、甲绩效目标表", Some("B"), None));
        assert_eq!(toc.switches, "\\f B \\l x 附注");
        let (_, _, toc) = part_heading("第二部分  专项资金绩效目标 TC 专项资金绩效目标 \\f A \\l 1 ").unwrap();
        assert_eq!(toc.map(|t| (t.text, t.switches)), Some(("专项资金绩效目标".into(), "\\f A \\l 1".into())));
    }

    #[test]
    fn part_headings_and_kinds() {
        assert_eq!(part_heading("第二部分  专项资资金绩效目标").map(|p| p.0), Some(2));
        assert_eq!(part_heading("第十二部分 x").map(|p| p.0), Some(12));
        assert_eq!(section_kind("第二部分  专项资资金绩效目标"), SectionKind::SpecialFund);
        assert_eq!(section_kind("第三部分  预算项目绩效目标"), SectionKind::BudgetProject);
        assert_eq!(section_kind("第一部分  部门整体支出绩效目标"), SectionKind::DepartmentWide);
        assert!(part_heading("第二节").is_none());
    }

    #[test]
    fn a_text_save_titles_each_table() {
        let table =
            |number, name: &str, title: &str, kind| Table { number, name: name.into(), title: title.into(), kind, year: year_of(title), ..Table::default() };
        // A title that reads so is kept; a missing number is put before it.
        assert_eq!(text_title(&table(Some(3), "城乡居民", "3、城乡居民绩效目标表", TableKind::Target)), "3、城乡居民绩效目标表");
        assert_eq!(text_title(&table(Some(3), "城乡居民", "城乡居民绩效目标表", TableKind::Target)), "3、城乡居民绩效目标表");
        // A sheet's name, an empty title: made from number, name and kind.
        let sheet = table(Some(1), "补助被征地农民支出(人社)", "1-补助被征地农民支出(人社)", TableKind::SelfEvaluation);
        assert_eq!(text_title(&sheet), "1、补助被征地农民支出(人社)绩效自评表");
        let mut empty = table(None, "培训\n补贴", "", TableKind::Monitoring);
        (empty.year, empty.code) = (Some(2023), Some("820".into()));
        let made = text_title(&empty);
        assert_eq!(made, "820-培训补贴绩效监控表(2023年度)");
        let read = table_title(&made).unwrap();
        assert_eq!((read.number, read.code.as_deref(), read.year, read.kind), (None, Some("820"), Some(2023), Some(TableKind::Monitoring)));
        assert!(!title_gives_name(&made, &empty.name), "the name with its line break needs a 项目名称 row");
        // On a sheet of many projects the title's number and code are the sheet's: kept.
        let mut projects = table(None, "村组干部报酬", "1、820-马踏镇部门绩效目标表", TableKind::Target);
        projects.columns = vec!["项目名称".into(), "一级指标".into(), "二级指标".into(), "三级指标".into(), "指标值".into()];
        assert_eq!(text_title(&projects), "1、820-马踏镇部门绩效目标表");
    }

    #[test]
    fn table_titles() {
        let t = table_title("12、公共文化服务体系建设(农村文化建设)资金绩效目标表").unwrap();
        assert_eq!(t.number, Some(12));
        assert_eq!(t.name, "公共文化服务体系建设(农村文化建设)资金");
        assert!(table_title("\t绩效目标表").is_none());
        assert_eq!(table_title("绩效目标表").unwrap().number, None);
        let t = table_title("1、51000021R000000019951-工资性支出绩效自评表").unwrap();
        assert_eq!(
            (t.number, t.name.as_str(), t.code.as_deref(), t.kind),
            (Some(1), "工资性支出", Some("51000021R000000019951"), Some(TableKind::SelfEvaluation))
        );
        let t = table_title("部门预算项目绩效目标申报表(2023年度)").unwrap();
        assert_eq!((t.name.as_str(), t.year, t.kind), ("部门预算项目", Some(2023), None));
        let t = table_title("2023年云雾土家族乡加工园配套设施建设项目支出绩效目标审批表").unwrap();
        assert_eq!((t.name.as_str(), t.year), ("2023年云雾土家族乡加工园配套设施建设项目支出", Some(2023)));
        assert_eq!(table_title("东莞市财政项目支出绩效目标批复表").unwrap().name, "东莞市财政项目支出");
        assert_eq!(table_title("某项目绩效监控表").unwrap().kind, Some(TableKind::Monitoring));
        assert_eq!(table_title("2023年部门整体支出绩效目标表").unwrap().kind, Some(TableKind::DepartmentWide));
        assert_eq!(table_title("某项目绩效目标表(基础设施建设类)").unwrap().name, "某项目");
        assert!(table_title("某项目绩效目标说明").is_none());
        // An evaluation's framework, filled in or blank: an evaluation's table, as its score sheet.
        let t = table_title("3、某项目绩效评价指标体系表").unwrap();
        assert_eq!((t.number, t.name.as_str(), t.kind), (Some(3), "某项目", Some(TableKind::SelfEvaluation)));
        assert!(table_title("某项目评价指标体系说明").is_none());
        // Evaluation score sheets: a table, scored after the year.
        let t = table_title("1、2017年部门整体支出绩效评价得分表").unwrap();
        assert_eq!((t.number, t.name.as_str(), t.kind), (Some(1), "2017年部门整体支出", Some(TableKind::SelfEvaluation)));
        assert_eq!(table_title("部门整体支出绩效评价评分表").unwrap().kind, Some(TableKind::SelfEvaluation));
        let t = table_title("2023年度部门整体支出绩效评价自评表").unwrap();
        assert_eq!((t.name.as_str(), t.kind), ("2023年度部门整体支出", Some(TableKind::SelfEvaluation)));
        assert!(table_title("部门整体支出绩效评价得分说明").is_none());
        // Traditional characters, and a mirror's pinyin in brackets: the name as written.
        let t = table_title("1、岳陽樓區(qū)2023年度整體績效目標(biāo)表").unwrap();
        assert_eq!((t.name.as_str(), t.kind), ("岳陽樓區(qū)2023年度整體", Some(TableKind::DepartmentWide)));
        let t = table_title("1、2020年省級補助經費支出績效自評表").unwrap();
        assert_eq!((t.number, t.name.as_str(), t.kind), (Some(1), "2020年省級補助經費支出", Some(TableKind::SelfEvaluation)));
        // 目标自评 is found after 绩效目标 begins: the 绩效 before it is the form's too.
        assert_eq!(table_title("1、县级储备粮绩效目标自评表").unwrap().name, "县级储备粮");
        assert_eq!(table_title("某资金绩效目标监控表").unwrap().name, "某资金");
        // `…经费项目自评表` (Hubei's form): 项目自评 is the form's words, 项目 stays in the name.
        let t = table_title("1、2022年度某申报工作经费项目自评表").unwrap();
        assert_eq!((t.name.as_str(), t.kind), ("2022年度某申报工作经费项目", Some(TableKind::SelfEvaluation)));
        // A caption with no 表 over a table's header (the reader decides that it stands there).
        let t = caption_title("1、項目年度績效目標(定量目標)").unwrap();
        assert_eq!((t.number, t.name.as_str()), (Some(1), "項目年度績效目標(定量目標)"));
        assert_eq!(caption_title("财政专项资金绩效评价共性指标").unwrap().number, None);
        // A caption that ends in the form's words is named without them; a number before a
        // name that starts with a digit is still the caption's.
        // A notice that publishes the form: the name it quotes, else the caption before 公示.
        let t = caption_title("1、关于“2018生物实验教学中心建设项目”预算绩效评价结果的公示").unwrap();
        assert_eq!((t.number, t.name.as_str()), (Some(1), "2018生物实验教学中心建设项目"));
        let t = caption_title("大英县民政局2022年度中央对地方转移支付项目绩效自评情况公示").unwrap();
        assert_eq!((t.name.as_str(), t.kind), ("大英县民政局2022年度中央对地方转移支付项目", Some(TableKind::SelfEvaluation)));
        let t = caption_title("1、3岁以下婴幼儿照护服务项目绩效目标").unwrap();
        assert_eq!((t.number, t.name.as_str(), t.kind), (Some(1), "3岁以下婴幼儿照护服务项目", None));
        let t = caption_title("某项目绩效自评").unwrap();
        assert_eq!((t.name.as_str(), t.kind), ("某项目", Some(TableKind::SelfEvaluation)));
        // Named as the title with 表 would be.
        for caption in ["某项目绩效目标自评", "某经费项目自评", "某项目绩效评价得分", "部门整体绩效目标"] {
            let (c, t) = (caption_title(caption).unwrap(), table_title(&format!("{caption}表")).unwrap());
            assert_eq!((c.name, c.kind), (t.name, t.kind), "{caption}");
        }
        assert_eq!(caption_title("绩效目标").unwrap().name, "绩效目标");
        let t = caption_title("2021年度本专科生奖助学金项目自评结果").unwrap();
        assert_eq!((t.name.as_str(), t.kind), ("2021年度本专科生奖助学金项目", Some(TableKind::SelfEvaluation)));
        assert_eq!(caption_title("某资金绩效目标完成情况").unwrap().name, "某资金绩效目标完成情况");
        assert_eq!(caption_title("1.5亿元补助资金绩效目标").unwrap().number, None);
        assert!(caption_title("全年完成了各项工作任务，取得了良好效果。").is_none());
        assert!(caption_title("2023").is_none());
        let t = table_title("2.5亿元基础设施项目绩效目标表").unwrap();
        assert_eq!((t.number, t.name.as_str()), (None, "2.5亿元基础设施项目"), "a decimal is not a table number");
    }
}

#[cfg(test)]
mod numeral_tests {
    #[test]
    fn chinese_numerals() {
        assert_eq!(super::numeral("二十三"), Some(23));
        assert_eq!(super::numeral("十"), Some(10));
        assert_eq!(super::numeral("12"), Some(12));
        assert_eq!(super::numeral("百"), None);
    }
}
