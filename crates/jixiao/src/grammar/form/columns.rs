//! Header rows → one role per column. Headers decide, never positions: a label left of 一级指标
//! is a group label (绩效指标(90分)), a second 二级|三级|指标值 block is the mid-term one, a
//! table without a 三级 column takes names from 指标内容, and a two-row header is combined into
//! one `上/下` label per column.

use crate::grammar::is_blank;
use crate::grammar::labels::{self, ColumnRole, column_role};

/// Whether a table's columns have no labels at all: a copy that lacked its header row, whose
/// columns were read by what their cells hold (a table built from JSON may have no columns).
pub fn unlabelled(columns: &[String]) -> bool {
    !columns.is_empty() && columns.iter().all(|c| is_blank(c))
}

/// Each column's role and, for extra columns, the key it has in [`crate::model::Indicator::extra`].
pub fn column_keys(columns: &[String]) -> Vec<(ColumnRole, String)> {
    use ColumnRole::*;
    let mut roles = labels::header_roles(columns);
    // A two-row header's `上/下` label whose lower part is unknown takes its upper part's role
    // (`年度指标值/…`), unless the upper is a group label over known ones: under 绩效指标 over
    // 一级指标 | … | 三级指标 | 评(扣分标准), the last is no second name column.
    let lower_known = |l: &str| column_role(l) != Extra;
    // Compared without white space: a PDF's narrow cell wraps the same upper label (`绩效指\n标`).
    let bare = |u: &str| u.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let groups: std::collections::BTreeSet<String> =
        columns.iter().filter_map(|c| c.rsplit_once('/')).filter(|(u, l)| !u.trim().is_empty() && lower_known(l)).map(|(u, _)| bare(u)).collect();
    for (role, label) in roles.iter_mut().zip(columns) {
        if let Some((u, l)) = label.rsplit_once('/')
            && !l.trim().is_empty()
            && !lower_known(l)
            && groups.contains(&bare(u))
        {
            *role = Extra;
        }
    }
    // 指标值类型 is the sign column only when no other is (`指标值类型 | 计算符号 | 指标值`: its
    // 定量 / 定性 are kept in extra).
    if roles.iter().filter(|r| **r == Sign).count() > 1 {
        for (role, label) in roles.iter_mut().zip(columns) {
            if *role == Sign && labels::key(label).ends_with("指标值类型") {
                *role = Extra;
            }
        }
    }
    // Value columns that name their year (`2021年实际实现值` beside `预期2022年实现值`): the
    // table reports the year its actual and a target both name, else its latest target's; a
    // target or result of another year is kept in extra (a baseline, or next year's target).
    let years: Vec<Option<i32>> = columns.iter().map(|c| one_year(c)).collect();
    let named = |want: ColumnRole| roles.iter().zip(&years).filter(move |(r, _)| **r == want).filter_map(|(_, y)| *y);
    let target_years: Vec<i32> = named(Target).collect();
    let year = named(Actual).find(|y| target_years.contains(y)).or_else(|| target_years.iter().max().copied());
    if let Some(year) = year {
        for (role, y) in roles.iter_mut().zip(&years) {
            if matches!(*role, Actual | Target) && y.is_some_and(|y| y != year) {
                *role = Extra;
            }
        }
    }
    // 绩效指标 merged down left of a column headed only 指标 (`绩效指标 | 指标 | 指标权重 …`,
    // Chongqing's 一般性项目 form, which has no level columns): the group label, and the names.
    // (Elsewhere a bare 指标 column holds the level words: `指标 | 指标内容 | 指标值`.)
    for i in 1..roles.len() {
        if roles[i] == Extra && labels::key(&columns[i]) == "指标" && roles[i - 1] == Name && labels::key(&columns[i - 1]) == "绩效指标" {
            (roles[i - 1], roles[i]) = (Extra, Name);
        }
    }
    // Left of 一级指标 stand the project's columns (a sheet of many projects) and merged group
    // labels (绩效指标, 年度绩效目标(90分)): the latter are not the name column.
    if let Some(l1) = roles.iter().position(|r| *r == Level1) {
        for r in &mut roles[..l1] {
            if !r.is_project() {
                *r = Extra;
            }
        }
    }
    // Side-by-side blocks: a second 二级/三级/指标值 starts another block. The one whose labels
    // say 中期 is the mid-term block; when none says, the first is (the form's order, as in
    // its 中期目标 | 年度目标 objective row).
    // A repeated target column with no repeated 二级 / 三级 is no block: the one that says 中期
    // (`中期目标/指标值`) is the mid-term target, another is kept in extra (`目标值 | 考核标准`).
    if let Some(split) = second_block(&roles)
        && !roles[split..].iter().any(|r| matches!(r, Level2 | Name) && roles[..split].contains(r))
    {
        for (role, label) in roles.iter_mut().zip(columns) {
            if *role == Target && bare(label).contains("中期") {
                *role = MidTarget;
            }
        }
    } else if let Some(split) = second_block(&roles) {
        let first_is_mid = !columns[split..].iter().any(|c| bare(c).contains("中期"));
        let mid = if first_is_mid { 0..split } else { split..roles.len() };
        for i in mid {
            roles[i] = match roles[i] {
                Level2 => MidLevel2,
                Name => MidName,
                Target => MidTarget,
                r => r,
            };
        }
    }
    // Four levels (一级 | 二级 | 三级 | 四级, evaluation frameworks): the deepest level is the
    // scored indicator and names it; the 三级 cell groups them and is kept in extra.
    if let Some(four) = columns.iter().position(|c| labels::key(c).starts_with("四级指标"))
        && roles[four] == Extra
        && let Some(three) = roles.iter().position(|r| *r == Name)
        && three < four
    {
        roles[three] = Extra;
        roles[four] = Name;
    }
    // No 三级 column: the indicator is named by 指标内容.
    if !roles.contains(&Name)
        && let Some(d) = roles.iter().position(|r| *r == Description)
    {
        roles[d] = Name;
    }
    // A 分值 after each level (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分, the old
    // scoring form): each weighs the level left of it, and the indicator's weight is the one
    // right of its name; the levels' weights are kept in extra.
    if let Some(name) = roles.iter().position(|r| *r == Name)
        && let Some(own) = roles[name..].iter().position(|r| *r == Weight).map(|k| name + k)
        && roles[..name].contains(&Weight)
    {
        for (i, role) in roles.iter_mut().enumerate() {
            if *role == Weight && i != own {
                *role = Extra;
            }
        }
    }
    // An indicator header with no target column: the first column right of the indicator's
    // name whose label says 目标 and nothing the rules above read (区域目标质, a typo of
    // 区域目标值; 绩效目标 over the values) holds the targets. The weakest evidence of the role:
    // any label they know wins, and a label that says 完成 or 实际 is the result.
    if !roles.iter().any(|r| matches!(r, Target | MidTarget))
        && let Some(name) = roles.iter().position(|r| matches!(r, Name | Description))
        && let Some(target) = (name + 1..roles.len()).find(|&i| roles[i] == Extra && says_target(&columns[i]))
    {
        roles[target] = Target;
    }
    // Weaker still: a standard's best grade (`评价标准/优`) where no column says 目标.
    labels::best_grade_as_target(columns, &mut roles);
    keys_of(columns, roles)
}

/// The keys of columns whose roles are decided (by their labels, or by what their cells hold in
/// a table whose header a copy lacks): a role is the first column's that has it, the others are
/// kept in extra; a label's key is itself, numbered when it repeats (`备注#2`), `列N` when blank.
pub fn keys_of(columns: &[String], roles: Vec<ColumnRole>) -> Vec<(ColumnRole, String)> {
    use ColumnRole::*;
    // Sets, not lists: a header of 100 000 cells must not take quadratic time. B-trees, as for
    // the labels' memo: hashing the few labels of an ordinary header cost more than comparing
    // them. The roles taken are a list: there are only so many roles.
    let mut taken: Vec<ColumnRole> = Vec::new();
    let mut keys: Vec<(ColumnRole, String)> = Vec::with_capacity(columns.len());
    let mut used = std::collections::BTreeSet::new();
    // The next suffix to try for each label, so that 4000 repeated 备注 are numbered in linear time.
    let mut next: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for (i, (label, mut role)) in columns.iter().zip(roles).enumerate() {
        if role != Extra {
            if taken.contains(&role) {
                role = Extra;
            } else {
                taken.push(role);
            }
        }
        let base = match label.trim() {
            "" => format!("列{}", i + 1),
            l => l.to_owned(),
        };
        let mut key = base.clone();
        if used.contains(&key) {
            let n = next.entry(base.clone()).or_insert(2);
            loop {
                key = format!("{base}#{n}");
                *n += 1;
                if !used.contains(&key) {
                    break;
                }
            }
        }
        used.insert(key.clone());
        keys.push((role, key));
    }
    keys
}

/// Whether a header label names a target only by the word 目标 at its end (`区域目标`, `绩效目标`,
/// the typo `区域目标质`): not a label about the target (目标完成情况, 目标实现程度, 目标类型), a
/// result (实际) or one of the form's extra columns (评分标准, 备注).
fn says_target(label: &str) -> bool {
    let Ok(k) = labels::short_key(label) else { return false };
    (k.ends_with("目标") || k.ends_with("目标质"))
        && !["完成", "实际", "达成", "实现", "是否", "可能", "偏差", "原因"].iter().any(|w| k.contains(w))
        && !labels::is_form_extra(label)
}

/// The roles `t`'s columns were read in, found again from the model, for those that write or
/// check it: what the labels say, and the readings the cells decided. Indicators with names and
/// a header with no column for them: the table was read one level down (a form without the 产出
/// level), or its levels and names stand before the values its header names; a self-evaluation's
/// actuals with no 实际 column were read from its progress column.
pub fn table_keys(t: &crate::model::Table, columns: &[String]) -> Vec<(ColumnRole, String)> {
    let mut keys = column_keys(columns);
    if t.indicators().any(|(_, _, i)| !i.name.is_empty()) {
        let mut down = keys.clone();
        // With no level-2 labels the column before the names held the level-1s.
        let no_level2 = t.categories.iter().flat_map(|c| &c.children).all(|s| s.label.trim().is_empty());
        if one_level_down(&mut down) || levels_before_values(&mut down, no_level2) {
            keys = down;
        }
    }
    // A self-evaluation's progress column read as its actual (实施进度 with no 实际完成值).
    let has = |role| keys.iter().any(|(r, _)| *r == role);
    if t.kind == crate::model::TableKind::SelfEvaluation
        && !has(ColumnRole::Actual)
        && t.indicators().any(|(_, _, i)| i.actual.is_some())
        && !t.indicators().any(|(_, _, i)| i.progress.is_some())
        && let Some(progress) = keys.iter_mut().find(|(r, _)| *r == ColumnRole::Progress)
    {
        progress.0 = ColumnRole::Actual;
    }
    // Descriptions read from a column headed 分值 (or, beside a description column, its prose
    // kept in extra), the weights from a later one (权重占比).
    let described = !keys.iter().any(|(r, _)| *r == ColumnRole::Description) && t.indicators().any(|(_, _, i)| !i.description.is_empty());
    let prose_kept = |key: &str| {
        let mut kept = t.indicators().filter_map(|(_, _, i)| i.extra.get(key)).peekable();
        kept.peek().is_some() && kept.all(|v| super::cells::points(v).is_none())
    };
    let weighed = t.indicators().any(|(_, _, i)| i.weight.is_some());
    prose_weight_column(&mut keys, |_, key| described || prose_kept(key), |_| weighed);
    // The level-1 in a column headed otherwise (指標類型): read there, it is written there.
    let labelled = t.categories.iter().any(|c| !c.label.trim().is_empty());
    if labelled && let Some(c) = level1_column(&keys, |c| !t.indicators().any(|(_, _, i)| i.extra.contains_key(&keys[c].1))) {
        keys[c].0 = ColumnRole::Level1;
    }
    // The level-2 in a column headed otherwise (评价内容).
    let labelled = t.categories.iter().flat_map(|c| &c.children).any(|s| !s.label.trim().is_empty());
    if labelled && let Some(c) = level2_column(&keys, |c| !t.indicators().any(|(_, _, i)| i.extra.contains_key(&keys[c].1))) {
        keys[c].0 = ColumnRole::Level2;
    }
    keys
}

/// A weight column whose cells are prose (a Hebei form heads its 指标解释 column 指标分值) is no
/// weight: it is the description (when no column is), and a later column whose label says
/// weight (`自评得分/权重占比(%)`) and whose cells are points is the weight. The reader decides
/// from the cells, the writer from the model (descriptions with no column of their own).
/// `holds_prose` is asked of the weight column only, by its index and key.
pub fn prose_weight_column(keys: &mut [(ColumnRole, String)], holds_prose: impl Fn(usize, &str) -> bool, holds_points: impl Fn(usize) -> bool) {
    use ColumnRole::*;
    let Some(weight) = keys.iter().position(|(r, _)| *r == Weight) else { return };
    if !holds_prose(weight, &keys[weight].1) {
        return;
    }
    let said = |c: usize| keys[c].0 == Extra && labels::column_role(&keys[c].1) == Weight;
    let Some(other) = (weight + 1..keys.len()).find(|&c| said(c) && holds_points(c)) else { return };
    keys[weight].0 = if keys.iter().any(|(r, _)| *r == Description) { Extra } else { Description };
    keys[other].0 = Weight;
}

/// Reads a header one level down (一级 holds the level-2, 二级 the name), for a form without the
/// 产出 level: whether it could, which needs 一级 and 二级 columns and no name column. The reader
/// decides from the cells (its 一级 cells are level-2 words), the writer from the model (its
/// indicators have names the header has no column for).
pub fn one_level_down(keys: &mut [(ColumnRole, String)]) -> bool {
    let col = |role| keys.iter().position(|(r, _)| *r == role);
    let (Some(l1), Some(l2), None) = (col(ColumnRole::Level1), col(ColumnRole::Level2), col(ColumnRole::Name)) else { return false };
    keys[l1].0 = ColumnRole::Level2;
    keys[l2].0 = ColumnRole::Name;
    true
}

/// The column that holds the level-1 in a header with no 一级 column (指標類型 over 產出指標 /
/// 成效指標): the first column left of the indicators' names that no rule gives a role and
/// `holds_level1` says holds the level-1. The reader decides from the cells (level-1 words and
/// nothing else), the writer from the model (its categories have labels, and no indicator keeps
/// a cell of that column).
pub fn level1_column(keys: &[(ColumnRole, String)], holds_level1: impl Fn(usize) -> bool) -> Option<usize> {
    if keys.iter().any(|(r, _)| *r == ColumnRole::Level1) {
        return None;
    }
    let name = keys.iter().position(|(r, _)| *r == ColumnRole::Name)?;
    (0..name).find(|&c| keys[c].0 == ColumnRole::Extra && holds_level1(c))
}

/// Whether a table's rows hold an indicator header: one that names its levels, or one that names
/// only its values over a row that starts with the levels. `texts` gives a row's cells' texts, in
/// whatever form a reader holds its rows.
pub fn has_indicator_header<R>(rows: &[R], texts: impl for<'r> Fn(&'r R) -> Vec<&'r str>) -> bool {
    rows.iter().any(|r| labels::is_header_row(texts(r))) || rows.windows(2).any(|w| is_values_header(&texts(&w[0]), &texts(&w[1])))
}

/// Whether `header` names only its value columns, over rows that start with the levels
/// (`評價內容 | 績效內容 | 績效目標值 | 實際完成值` over `產出目標 | 數量目標 | …`): no label gives a
/// level or a name, the first that gives a role gives the target (or its sign, as budget systems
/// set it right before), a later one a further role (the result, the unit, the weight …), labels
/// stand before them, and `below`, the row under it, starts with a level word.
pub fn is_values_header(header: &[&str], below: &[&str]) -> bool {
    use ColumnRole::*;
    let roles: Vec<ColumnRole> = header.iter().map(|c| column_role(c)).collect();
    let Some(lead) = roles.iter().position(|r| *r != Extra) else { return false };
    let leading = &header[..lead];
    let level_word = |c: &str| labels::level1(c) != crate::model::Level1::Other || labels::level2(c) != crate::model::Level2::Other;
    // A name column and a level's at least.
    lead >= 2
        && !roles.iter().any(|r| matches!(r, Level1 | Level2 | Name | Project))
        && matches!(roles[lead], Target | Sign)
        && roles.contains(&Target)
        && roles[lead..].iter().any(|r| !matches!(r, Extra | Target | Sign))
        && !is_blank(leading[0])
        // Labels, not prose: a few words, none of a remark's or a score's column.
        && leading.iter().all(|l| labels::short_key(l).is_ok_and(|k| k.chars().count() <= 12) && !labels::is_form_extra(l))
        && below.iter().position(|c| !is_blank(c)).is_some_and(|at| at <= lead && level_word(below[at]))
}

/// Reads a header that names only its value columns (see [`is_values_header`]): the columns
/// before the first it names hold, in the form's order, the level-1, the level-2 and the name,
/// the last of them the name, the level-1 right before it when `level1_before_name` (a form
/// with no level-2). Whether it could, which needs no level or name column, and the target's
/// (or its sign's) as the first column a label names, with a labelled column before it. The reader
/// decides after the rows confirmed the header, the writer from the model (its indicators have
/// names the header has no column for).
pub fn levels_before_values(keys: &mut [(ColumnRole, String)], level1_before_name: bool) -> bool {
    use ColumnRole::*;
    if keys.iter().any(|(r, _)| matches!(r, Level1 | Level2 | Name | Project)) {
        return false;
    }
    let lead = keys.iter().position(|(r, _)| *r != Extra).unwrap_or(0);
    if lead == 0 || !matches!(keys[lead].0, Target | Sign) || keys[..lead].iter().all(|(_, k)| is_blank(k)) {
        return false;
    }
    let levels: &[ColumnRole] = if level1_before_name { &[Name, Level1] } else { &[Name, Level2, Level1] };
    for (key, role) in keys[..lead].iter_mut().rev().zip(levels) {
        key.0 = *role;
    }
    true
}

/// The column that holds the level-2 in a header with no 二级 column (评价内容 over 制度指标 /
/// 产出数量指标 / 质量指标): the first column right of any level-1 column and left of the
/// indicators' names that no rule gives a role and `holds_level2` says holds the level-2. The
/// reader decides from the cells (category words and nothing else), the writer from the model
/// (its level-2s have labels, and no indicator keeps a cell of that column).
pub fn level2_column(keys: &[(ColumnRole, String)], holds_level2: impl Fn(usize) -> bool) -> Option<usize> {
    if keys.iter().any(|(r, _)| *r == ColumnRole::Level2) {
        return None;
    }
    let name = keys.iter().position(|(r, _)| *r == ColumnRole::Name)?;
    let start = keys.iter().position(|(r, _)| *r == ColumnRole::Level1).map_or(0, |l1| l1 + 1);
    (start..name).find(|&c| keys[c].0 == ColumnRole::Extra && holds_level2(c))
}

/// Where a second indicator block starts: the first 二级, 三级 or 指标值 column whose role
/// already appeared to its left.
fn second_block(roles: &[ColumnRole]) -> Option<usize> {
    use ColumnRole::*;
    let mut seen = std::collections::HashSet::new();
    (0..roles.len()).find(|&i| matches!(roles[i], Level2 | Name | Target) && !seen.insert(roles[i]))
}

/// Whether `lower` is the second row of a two-row header below `upper`: it holds labels jixiao
/// knows (指标性质 | 指标值 | 度量单位) and nothing that reads as a category or a value.
pub fn is_lower_header(upper: &[&str], lower: &[&str]) -> bool {
    if places_under_target(upper, lower) || grades_under_standard(upper, lower) {
        return true;
    }
    let filled: Vec<&str> = lower.iter().copied().filter(|c| !is_blank(c)).collect();
    if filled.len() < 2 || filled.len() == lower.len() && lower.len() <= upper.len() && upper.iter().zip(lower).all(|(u, l)| u == l) {
        return false;
    }
    // A formula (`得分值=完成率×20`) is a scoring row's cell, whatever label its words make.
    let known = filled.iter().filter(|c| column_role(c) != ColumnRole::Extra && !labels::is_formula(c)).count();
    let categories = filled.iter().any(|c| labels::level1(c) != crate::model::Level1::Other || labels::level2(c) != crate::model::Level2::Other);
    // A row that repeats the header's labels is the header again (a page break), not its lower half.
    // A B-tree, as in `column_keys`: hashing a header's few labels costs more than comparing them.
    let upper_labels: std::collections::BTreeSet<&str> = upper.iter().map(|u| u.trim()).collect();
    let repeated = filled.iter().filter(|c| upper_labels.contains(c.trim())).count();
    // In a Word save each upper cell stands over one empty lower cell or one run of labels: a
    // lower row with fewer such groups would leave upper cells (and their text) out.
    let fits = lower.len() <= upper.len() || word_groups(lower, upper.len()).len() == upper.len() || spanned(upper, lower).is_some();
    known >= 2 && known * 2 >= filled.len() && !categories && repeated * 2 < filled.len() && fits
}

/// The one year a label names (`2023年实际完成值`); none for a period (`(2021-2025年)`).
fn one_year(label: &str) -> Option<i32> {
    let folded = crate::grammar::fold::fold(label);
    let runs = folded.split(|c: char| !c.is_ascii_digit()).filter(|r| r.len() == 4).count();
    if runs == 1 { crate::grammar::form::titles::year_of(&folded) } else { None }
}

/// Whether `lower` names the places under one merged target cell (`区域目标值` over 新罗区 |
/// 永定区 | …, a transfer's target for each county it goes to), as a Word save lays it out: an
/// empty lower cell under each other upper cell, then two or more names that are no label, no
/// category and no value.
pub fn places_under_target(upper: &[&str], lower: &[&str]) -> bool {
    let Some((at, names)) = one_run_under(upper, lower) else { return false };
    column_role(upper[at]) == ColumnRole::Target
        && names_places(upper[at], names)
        && names.len() >= 2
        && names.iter().all(|c| {
            !is_blank(c)
                && column_role(c) == ColumnRole::Extra
                && labels::level1(c) == crate::model::Level1::Other
                && labels::level2(c) == crate::model::Level2::Other
                && !c.chars().any(|ch| crate::grammar::fold::fold_char(ch).is_ascii_digit())
        })
}

/// Whether `lower` grades one merged standard cell (`绩效指标评价标准` over 优 | 良 | 中 | 差, the
/// Hebei form of 2018–2019: the value that earns each grade), as a Word save lays it out: an
/// empty lower cell under each other upper cell, and the grades from the best down under a
/// label that says 标准 or names the target.
pub fn grades_under_standard(upper: &[&str], lower: &[&str]) -> bool {
    one_run_under(upper, lower).is_some_and(|(at, grades)| labels::grades_a_value(upper[at]) && labels::grades_best_first(grades))
}

/// The one upper cell of a Word save's two-row header that stands over a run of lower labels
/// (every other upper cell over one empty lower cell), with those labels; None for any other
/// shape.
fn one_run_under<'l, 'a>(upper: &[&str], lower: &'l [&'a str]) -> Option<(usize, &'l [&'a str])> {
    let groups = word_groups(lower, upper.len());
    if lower.len() <= upper.len() || groups.len() != upper.len() {
        return None;
    }
    let named: Vec<(usize, &std::ops::Range<usize>)> = groups.iter().enumerate().filter(|(_, g)| g.len() > 1 || !is_blank(lower[g.start])).collect();
    let [(at, run)] = named.as_slice() else { return None };
    Some((*at, &lower[run.start..run.end]))
}

/// Whether labels under `upper` name places, by their words: the upper label says so
/// (区域目标值), or every name ends in a place's word (…县, …区, …镇, …街道办); not quarters,
/// bounds or parts of the year.
fn names_places<S: AsRef<str>>(upper: &str, names: &[S]) -> bool {
    let k = labels::key(upper);
    k.contains("区域") || k.contains("地区") || names.iter().all(|c| PLACE_ENDS.iter().any(|e| c.as_ref().trim().ends_with(e)))
}

/// Words that end the name of a place a transfer goes to.
const PLACE_ENDS: &[&str] = &["省", "市", "州", "盟", "县", "旗", "区", "镇", "乡", "街道", "街道办", "村", "社区"];

/// The place columns of a target set per place (see [`places_under_target`]): each column
/// whose combined label is the target's upper label over a name, with that name; none unless
/// there are two or more.
pub fn place_columns(keys: &[(ColumnRole, String)]) -> Vec<(usize, String)> {
    let Some(target) = keys.iter().position(|(r, _)| *r == ColumnRole::Target) else { return named_places(keys) };
    let Some((upper, _)) = keys[target].1.rsplit_once('/') else { return Vec::new() };
    let places: Vec<(usize, String)> = keys
        .iter()
        .enumerate()
        .skip(target)
        .take_while(|(_, (_, k))| k.rsplit_once('/').is_some_and(|(u, l)| u == upper && column_role(l) == ColumnRole::Extra))
        .map(|(i, (_, k))| (i, k.rsplit_once('/').map_or("", |(_, l)| l).trim().to_owned()))
        .collect();
    if places.len() >= 2 && names_places(upper, &places.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>()) { places } else { Vec::new() }
}

/// The place columns of a header of one row with no target column, the values set per place
/// (`指标方向 | 笏石街道办 | 埭头镇`): the first run of two or more columns no rule gives a role,
/// each named by a place's word and by nothing the form's labels say.
fn named_places(keys: &[(ColumnRole, String)]) -> Vec<(usize, String)> {
    if keys.iter().any(|(r, _)| *r == ColumnRole::MidTarget) {
        return Vec::new();
    }
    let place = |(_, (role, label)): &(usize, &(ColumnRole, String))| {
        *role == ColumnRole::Extra
            && !label.contains('/')
            && names_places("", &[label.as_str()])
            && labels::level1(label) == crate::model::Level1::Other
            && labels::level2(label) == crate::model::Level2::Other
            && !label.chars().any(|ch| crate::grammar::fold::fold_char(ch).is_ascii_digit())
    };
    let mut columns = keys.iter().enumerate().skip_while(|c| !place(c));
    let run: Vec<(usize, String)> = columns.by_ref().take_while(place).map(|(i, (_, label))| (i, label.trim().to_owned())).collect();
    if run.len() >= 2 { run } else { Vec::new() }
}

/// Combines a two-row header into one label per lower column: `上/下`, or the label of the one
/// row that has it. In a Word save a merged upper cell is one cell over several lower ones (the
/// lower row is longer; its empty cells stand under upper cells merged down); in a grid the
/// upper row has empty cells right of a merged one.
pub fn combine_header(upper: &[String], lower: &[String]) -> Vec<String> {
    let join = |u: &str, l: &str| match (is_blank(u), is_blank(l)) {
        (_, true) => u.to_owned(),
        (true, false) => l.to_owned(),
        (false, false) => format!("{}/{}", u.trim(), l.trim()),
    };
    let upper_str: Vec<&str> = upper.iter().map(String::as_str).collect();
    let lower_str: Vec<&str> = lower.iter().map(String::as_str).collect();
    // Rows of labels only (a copy of a web page drops the cells a merge covers): when pairing
    // them cell by cell, or cutting the lower row under the upper one, contradicts their words,
    // the words decide which upper cells stand over the lower row.
    let contradicts =
        if lower.len() <= upper.len() { grid_contradicts(&upper_str, &lower_str) } else { word_groups(&lower_str, upper.len()).len() != upper.len() };
    if contradicts && let Some(out) = spanned(&upper_str, &lower_str) {
        return out;
    }
    if lower.len() <= upper.len() {
        // Same grid: an empty upper cell right of a group continues it while the lower row has labels.
        let mut out = Vec::with_capacity(upper.len());
        let mut group = String::new();
        for (i, u) in upper.iter().enumerate() {
            let l = lower.get(i).map_or("", String::as_str);
            if !is_blank(u) {
                group = if is_blank(l) { String::new() } else { u.clone() };
                out.push(join(u, l));
            } else {
                out.push(join(&group, l));
            }
        }
        return out;
    }
    // Word: an empty lower cell is one upper cell merged down, a run of labels sits under one
    // merged upper cell.
    let mut out = Vec::with_capacity(lower.len());
    for (u, group) in word_groups(&lower_str, upper.len()).into_iter().enumerate() {
        let upper_label = upper.get(u).map_or("", String::as_str);
        for l in &lower[group] {
            out.push(if is_blank(l) { upper_label.to_owned() } else { join(upper_label, l) });
        }
    }
    out
}

/// Which part of a header a column belongs to: a merged upper cell stands over the columns of
/// one part (绩效指标 over the indicator's names, 年度指标值 over sign, value and unit, 实际完成值
/// over the actual's, 分值 over the scores). None: a column of its own.
fn part_of(role: ColumnRole) -> Option<u8> {
    use ColumnRole::*;
    match role {
        Level1 | Level2 | Name | Description | MidLevel2 | MidName => Some(0),
        Sign | Target | Unit | Direction | MidTarget => Some(1),
        Actual | Progress | Expected | Likelihood => Some(2),
        Weight | Score => Some(3),
        _ => None,
    }
}

/// Whether pairing a header's rows cell by cell puts a known label over a known one of another
/// part of the header (年度指标值 over 二级指标, 单位名称 over 指标性质): then the rows are not
/// one grid.
fn grid_contradicts(upper: &[&str], lower: &[&str]) -> bool {
    upper.iter().zip(lower).any(|(u, l)| {
        let (a, b) = (column_role(u), column_role(l));
        a != ColumnRole::Extra && b != ColumnRole::Extra && a != b && (part_of(a).is_none() || part_of(a) != part_of(b))
    })
}

/// A two-row header whose rows hold only labels, as a copy of a web page gives it: the cells a
/// merge covers are dropped, so the lower row holds only the labels under the upper cells merged
/// across (績效指標 over 一級 | 二級 | 三級, 年度指標值 over 指標性質 | 指標值 | 度量單位), and the
/// upper cells merged down (實際完成值, 分值, 得分) have nothing below them. The lower row is cut
/// where its labels go from one part of the header to another; each run goes, in order, under
/// the next upper cell of its part, or of no known part (a group label, not a form's 序号 or
/// 备注); the upper cells passed
/// over stand alone. None when a run finds no upper cell, or a row has an empty cell.
fn spanned(upper: &[&str], lower: &[&str]) -> Option<Vec<String>> {
    if upper.iter().chain(lower).any(|c| is_blank(c)) || upper.len() < 2 {
        return None;
    }
    let part = |c: &str| part_of(column_role(c));
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for i in 0..lower.len() {
        match runs.last_mut() {
            Some(r) if part(lower[i]) == part(lower[i - 1]) && part(lower[i]).is_some() => r.end = i + 1,
            _ => runs.push(i..i + 1),
        }
    }
    if runs.len() >= upper.len() {
        return None;
    }
    let mut out = Vec::with_capacity(lower.len() + upper.len());
    let mut u = 0;
    for run in runs {
        let p = part(lower[run.start]);
        let heads = |c: &str| {
            // A mid-term column merged down stands beside the annual labels, not over them.
            let q = part(c).filter(|_| !matches!(column_role(c), ColumnRole::MidTarget | ColumnRole::MidName | ColumnRole::MidLevel2));
            q.is_none() && column_role(c) == ColumnRole::Extra && !labels::is_form_extra(c) || q.is_some() && q == p
        };
        let at = (u..upper.len()).find(|&j| heads(upper[j]))?;
        out.extend(upper[u..at].iter().map(|c| (*c).to_owned()));
        out.extend(lower[run].iter().map(|l| format!("{}/{}", upper[at].trim(), l.trim())));
        u = at + 1;
    }
    out.extend(upper[u..].iter().map(|c| (*c).to_owned()));
    Some(out)
}

/// The lower row of a two-row header as a Word save lays it out, cut into the groups that
/// stand under the upper row's cells: an empty cell alone (an upper cell merged down), a run of
/// labels under one merged cell. When the upper row has more cells than that gives, a run is
/// also cut where its labels go from one part of the header to another (三级指标 | 指标性质),
/// if that gives exactly one group per upper cell: a text save cannot say where a merged cell
/// ends, but its labels can. When it gives more, an empty cell between two labels of one part
/// joins them, likewise.
fn word_groups(lower: &[&str], upper: usize) -> Vec<std::ops::Range<usize>> {
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, c) in lower.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if !is_blank(c) && !is_blank(lower[i - 1]) => g.end = i + 1,
            _ => groups.push(i..i + 1),
        }
    }
    let part = |i: usize| part_of(column_role(lower[i]));
    if groups.len() > upper {
        // A sub-column with no label of its own between two of one part (预期指标值 over 符号 |
        // (the value) | 单位) is of their merged cell, if that gives one group per upper cell.
        let inner = |g: &std::ops::Range<usize>| {
            let i = g.start;
            g.len() == 1 && is_blank(lower[i]) && i > 0 && i + 1 < lower.len() && !is_blank(lower[i - 1]) && !is_blank(lower[i + 1]) && {
                let p = part(i - 1);
                p.is_some() && p == part(i + 1)
            }
        };
        if groups.len() - 2 * groups.iter().filter(|g| inner(g)).count() == upper {
            let mut joined: Vec<std::ops::Range<usize>> = Vec::with_capacity(upper);
            let mut k = 0;
            while k < groups.len() {
                if k + 2 < groups.len() && inner(&groups[k + 1]) {
                    joined.push(groups[k].start..groups[k + 2].end);
                    k += 3;
                } else {
                    joined.push(groups[k].clone());
                    k += 1;
                }
            }
            if joined.len() == upper {
                return joined;
            }
        }
    }
    if groups.len() >= upper {
        return groups;
    }
    let cuts: Vec<usize> = groups.iter().filter(|g| g.len() > 1).flat_map(|g| (g.start + 1..g.end).filter(|&i| part(i) != part(i - 1))).collect();
    if groups.len() + cuts.len() != upper {
        return groups;
    }
    let mut out = Vec::with_capacity(upper);
    for g in groups {
        let mut start = g.start;
        for &cut in cuts.iter().filter(|&&c| c > g.start && c < g.end) {
            out.push(start..cut);
            start = cut;
        }
        out.push(start..g.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_header_naming_only_its_values_needs_the_target_first_and_levels_below() {
        let below = ["产出目标", "数量目标", "培训人数", "≥10人", "12人"];
        assert!(is_values_header(&["评价内容", "绩效内容", "绩效目标值", "实际完成值"], &below));
        assert!(is_values_header(&["评价内容", "", "绩效内容", "绩效目标值", "计量单位"], &below));
        // The target alone, a role before it, a label of prose, a remark column, no label.
        assert!(!is_values_header(&["评价内容", "绩效内容", "绩效目标值"], &below));
        assert!(!is_values_header(&["评价内容", "指标内容", "绩效目标值", "实际完成值"], &below));
        assert!(!is_values_header(&["本项目全年完成了各项工作任务并取得了良好的社会效益", "绩效目标值", "实际完成值"], &below));
        assert!(!is_values_header(&["备注", "绩效目标值", "实际完成值"], &below));
        assert!(!is_values_header(&["", "绩效目标值", "实际完成值"], &below));
        // Rows that start with no level word, or with one past the leading columns.
        assert!(!is_values_header(&["评价内容", "绩效内容", "绩效目标值", "实际完成值"], &["培训", "培训人数", "≥10人", "12人"]));
        assert!(!is_values_header(&["评价内容", "绩效目标值", "实际完成值"], &["", "", "产出目标", "≥10人"]));
        let mut keys = column_keys(&labels(&["评价内容", "", "绩效内容", "绩效目标值", "实际完成值"]));
        assert!(levels_before_values(&mut keys, false));
        let roles: Vec<ColumnRole> = keys.iter().map(|(r, _)| *r).collect();
        use ColumnRole::*;
        assert_eq!(roles, [Level1, Level2, Name, Target, Actual]);
        assert!(!levels_before_values(&mut column_keys(&labels(&["一级指标", "三级指标", "指标值"])), false));
        let mut keys = column_keys(&labels(&["指标类别", "具体指标", "绩效目标值", "实际完成值"]));
        assert!(levels_before_values(&mut keys, true));
        assert_eq!(keys.iter().map(|(r, _)| *r).collect::<Vec<_>>(), [Level1, Name, Target, Actual]);
    }

    fn roles(v: &[&str]) -> Vec<ColumnRole> {
        column_keys(&labels(v)).into_iter().map(|(r, _)| r).collect()
    }

    #[test]
    fn a_header_of_one_row_with_a_column_for_each_place_and_no_target_column_sets_the_values_per_place() {
        let places = |v: &[&str]| place_columns(&column_keys(&labels(v)));
        let header = ["一级指标", "二级指标", "三级指标", "指标解释", "指标方向", "笏石街道办", "埭头镇"];
        assert_eq!(places(&header), [(5, "笏石街道办".to_owned()), (6, "埭头镇".to_owned())]);
        // A target column holds the values; one place is no set of places; a quarter, a number
        // or a label the form knows is no place.
        for header in [
            &["一级指标", "二级指标", "三级指标", "指标值", "笏石街道办", "埭头镇"][..],
            &["一级指标", "二级指标", "三级指标", "指标方向", "埭头镇"],
            &["一级指标", "二级指标", "三级指标", "1区", "2区"],
            &["一级指标", "二级指标", "三级指标", "第一季度", "第二季度"],
            &["一级指标", "二级指标", "三级指标", "备注", "说明"],
        ] {
            assert!(places(header).is_empty(), "{header:?}");
        }
    }

    #[test]
    fn places_under_a_merged_target_cell_are_the_targets_of_each_place() {
        let upper = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标解释", "区域目标值"];
        let lower = ["", "", "", "", "", "新罗区", "永定区", "上杭县"];
        assert!(places_under_target(&upper, &lower));
        assert!(is_lower_header(&upper, &lower));
        let combined = combine_header(&labels(&upper), &labels(&lower));
        assert_eq!(&combined[5..], ["区域目标值/新罗区", "区域目标值/永定区", "区域目标值/上杭县"]);
        let keys = column_keys(&combined);
        assert_eq!(keys[5].0, ColumnRole::Target);
        assert_eq!(place_columns(&keys), [(5, "新罗区".to_owned()), (6, "永定区".to_owned()), (7, "上杭县".to_owned())]);
        // One name is no set of places; nor are labels, categories or values.
        assert!(!places_under_target(&upper, &["", "", "", "", "", "新罗区"]));
        for lower in [["", "", "", "", "", "指标性质", "指标值"], ["", "", "", "", "", "数量指标", "质量指标"], ["", "", "", "", "", "2", "3"]] {
            assert!(!places_under_target(&upper, &lower), "{lower:?}");
        }
        // Quarters, bounds and parts of the year under 指标值 are not places; counties are,
        // by their words, under any target label.
        for lower in [["", "", "", "", "", "一季度", "二季度"], ["", "", "", "", "", "下限", "上限"], ["", "", "", "", "", "全年", "上半年"]] {
            let upper = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标解释", "指标值"];
            assert!(!places_under_target(&upper, &lower), "{lower:?}");
        }
        let upper = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标解释", "指标值"];
        assert!(places_under_target(&upper, &["", "", "", "", "", "笏石街道办", "埭头镇"]));
        // Under a column that is no target (指标解释), names are not places.
        assert!(!places_under_target(&upper[..5], &["", "", "", "", "甲", "乙"]));
        assert!(place_columns(&column_keys(&labels(&["三级指标", "指标值", "备注"]))).is_empty());
    }

    #[test]
    fn an_earlier_years_result_beside_a_later_years_target_is_a_baseline() {
        let r = roles(&["三级指标", "指标值/2021年实际实现值", "指标值/预期2022年实现值"]);
        assert_eq!(r[1], ColumnRole::Extra);
        assert_eq!(r[2], ColumnRole::Target);
        // A result of the year the table reports stays the actual: the year a target names
        // too, not a period's end (实施期 2021-2025年) or next year's target, which is kept aside.
        assert_eq!(roles(&["三级指标", "指标值", "2023年实际完成值"])[2], ColumnRole::Actual);
        let r = roles(&["三级指标", "实施期目标值(2021-2025年)", "2023年年度指标值", "2023年实际完成值"]);
        assert_eq!(r[3], ColumnRole::Actual);
        let r = roles(&["三级指标", "2023年指标值", "2023年实际完成值", "2024年指标值"]);
        assert_eq!((r[1], r[2], r[3]), (ColumnRole::Target, ColumnRole::Actual, ColumnRole::Extra));
        // With no actual, the latest target is this year's.
        let r = roles(&["三级指标", "2023年指标值", "2024年指标值"]);
        assert_eq!((r[1], r[2]), (ColumnRole::Extra, ColumnRole::Target));
    }

    #[test]
    fn a_sign_column_besides_indicator_value_type_is_the_sign_column() {
        let r = roles(&["三级指标", "指标值类型", "计算符号", "指标值", "计量单位"]);
        assert_eq!((r[1], r[2]), (ColumnRole::Extra, ColumnRole::Sign));
        assert_eq!(roles(&["三级指标", "指标值类型", "指标值"])[1], ColumnRole::Sign);
    }

    #[test]
    fn group_column_is_not_the_name() {
        use ColumnRole::*;
        assert_eq!(roles(&["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"]), [Extra, Level1, Level2, Name, Target]);
        assert_eq!(roles(&["绩效指标", "二级指标", "指标值"]), [Name, Level2, Target]);
        assert_eq!(roles(&["项目绩效指标", "指标", "指标内容", "指标值"]), [Extra, Level1, Name, Target]);
        assert_eq!(
            roles(&["绩效指标/一级指标", "绩效指标/二级指标", "绩效指标/三级指标", "绩效指标/指标值", "绩效指标/评(扣分标准)"]),
            [Level1, Level2, Name, Target, Extra]
        );
        // The same group label wrapped in a PDF's narrow cell is still the group, no name.
        assert_eq!(roles(&["绩效指标/一级指标", "绩效指标/三级指标", "绩效指标/指标值", "绩效指\n标/备注"]), [Level1, Name, Target, Extra]);
    }

    #[test]
    fn a_label_that_only_says_target_holds_the_targets_when_no_other_does() {
        use ColumnRole::*;
        // A typo of 区域目标值, and the traditional script.
        assert_eq!(roles(&["绩效目标", "一级指标", "二级指标", "三级指标", "指标解释", "区域目标质"]), [Extra, Level1, Level2, Name, Description, Target]);
        assert_eq!(roles(&["一级指标", "二级指标", "三级指标", "區域目標質"]), [Level1, Level2, Name, Target]);
        // A known target label wins; the group label left of the levels is not a target.
        assert_eq!(roles(&["绩效目标", "一级指标", "二级指标", "三级指标", "指标值", "区域目标"]), [Extra, Level1, Level2, Name, Target, Extra]);
        // The result, a remark and a column left of the name are not the target.
        assert_eq!(roles(&["一级指标", "二级指标", "三级指标", "目标完成情况"]), [Level1, Level2, Name, Extra]);
        for about in ["目标实现程度", "目标达成情况", "是否达成目标", "目标类型"] {
            assert_ne!(roles(&["一级指标", "二级指标", "三级指标", about])[3], Target, "{about}");
        }
        assert_eq!(roles(&["一级指标", "二级指标", "三级指标", "目标评分标准"]), [Level1, Level2, Name, Extra]);
        assert_eq!(roles(&["目标", "二级指标", "三级指标", "备注"]), [Extra, Level2, Name, Extra]);
    }

    #[test]
    fn a_weight_at_every_level_weighs_the_indicator_by_the_one_right_of_its_name() {
        use ColumnRole::*;
        let keys = column_keys(&labels(&["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"]));
        assert_eq!(keys.iter().map(|k| k.0).collect::<Vec<_>>(), [Level1, Extra, Level2, Extra, Name, Weight, Score]);
        assert_eq!(keys[1].1, "分值");
        assert_eq!(keys[3].1, "分值#2");
        // One 分值, left of the name: it is the indicator's.
        assert_eq!(roles(&["一级指标", "二级指标", "分值", "指标内容", "指标值"]), [Level1, Level2, Weight, Name, Target]);
    }

    #[test]
    fn four_levels_name_by_the_deepest() {
        use ColumnRole::*;
        assert_eq!(roles(&["一级指标", "二级指标", "三级指标", "四级指标", "分值", "得分"]), [Level1, Level2, Extra, Name, Weight, Score]);
        assert_eq!(roles(&["一級指標", "二級指標", "三級指標", "四級 指標", "指標解釋"]), [Level1, Level2, Extra, Name, Description]);
    }

    #[test]
    fn side_by_side_blocks() {
        use ColumnRole::*;
        let r = roles(&["绩效指标", "一级 指标", "二级 指标", "三级 指标", "指标值(或计划水平)", "二级 指标", "三级 指标", "计划指标值(或计划水平)"]);
        assert_eq!(r, [Extra, Level1, MidLevel2, MidName, MidTarget, Level2, Name, Target]);
        let r = roles(&["一级指标", "二级指标", "三级指标", "年度指标值", "中期指标值"]);
        assert_eq!(r, [Level1, Level2, Name, Target, MidTarget]);
    }

    #[test]
    fn no_level3_column_names_from_content() {
        use ColumnRole::*;
        let r = roles(&["项目年度绩效目标衡量指标", "一级指标", "二级指标", "分值", "指标内容(150字内)", "指标值(150字内)", "评分细则(150字内)"]);
        assert_eq!(r, [Extra, Level1, Level2, Weight, Name, Target, Extra]);
    }

    #[test]
    fn header_words_and_their_traps_in_one_header() {
        use ColumnRole::*;
        let r = roles(&[
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值确定依据",
            "评(扣)分标准",
            "指标值及单位",
            "计量单位",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
            "完成可能性",
            "备注",
        ]);
        assert_eq!(r, [Level1, Level2, Name, Basis, Extra, Target, Unit, Actual, Weight, Score, Deviation, Likelihood, Extra]);
        // No 三级 column: 指标内容 names the indicator; 考核标准 is the target, 评分标准 is not.
        assert_eq!(roles(&["一级指标", "二级指标", "指标内容", "评分标准", "考核标准"]), [Level1, Level2, Name, Extra, Target]);
        // A second target word is a second block only with its own 二级 / 三级; otherwise it is kept
        // in extra, or is the mid-term target when it says 中期.
        assert_eq!(roles(&["一级指标", "二级指标", "三级指标", "目标值", "考核标准"]), [Level1, Level2, Name, Target, Extra]);
        assert_eq!(roles(&["一级指标", "二级指标", "三级指标", "中期目标/指标值", "年度目标/指标值"]), [Level1, Level2, Name, MidTarget, Target]);
        // A PDF's narrow cell wraps the label: 中\n期 still says 中期.
        assert_eq!(roles(&["一级指标", "二级指标", "三级指标", "年度目标/指标值", "中\n期目标/指标值"]), [Level1, Level2, Name, Target, MidTarget]);
        assert_eq!(roles(&["一级指标", "二级指标", "三级指标", "年度指标值", "中\n期指标值"]), [Level1, Level2, Name, Target, MidTarget]);
    }

    #[test]
    fn wide_headers_take_linear_time() {
        // 100 000 empty cells and 4 000 repeated labels: quadratic, these took tens of seconds.
        let mut wide: Vec<String> = vec![String::new(); 100_000];
        wide.extend(std::iter::repeat_n("备注".to_owned(), 4000));
        let keys = column_keys(&wide);
        assert_eq!(keys.len(), 104_000);
        assert_eq!(keys[100_001].1, "备注#2");
    }

    #[test]
    fn two_row_headers_combine() {
        let upper = labels(&["一级指标", "二级指标", "三级指标", "年度指标值", "权重"]);
        let lower = labels(&["", "", "", "指标性质", "指标值", "度量单位", ""]);
        assert!(is_lower_header(&upper.iter().map(String::as_str).collect::<Vec<_>>(), &lower.iter().map(String::as_str).collect::<Vec<_>>()));
        let c = combine_header(&upper, &lower);
        assert_eq!(c, ["一级指标", "二级指标", "三级指标", "年度指标值/指标性质", "年度指标值/指标值", "年度指标值/度量单位", "权重"]);
        let grid_upper = labels(&["一级指标", "二级指标", "三级指标", "年度指标值", "", "", "权重"]);
        assert_eq!(combine_header(&grid_upper, &lower), c);
        assert!(!is_lower_header(&["一级指标", "二级指标"], &["产出指标", "数量指标"]));
    }

    #[test]
    fn two_row_headers_without_the_cells_merges_cover() {
        fn s(v: &[String]) -> Vec<&str> {
            v.iter().map(String::as_str).collect()
        }
        // A web page's copy: the upper cells merged down (实际完成值, 分值, 得分) have no cell
        // below them, the lower row holds only the labels under 绩效指标 and 年度指标值.
        let upper = labels(&["绩效指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
        let lower = labels(&["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"]);
        assert!(is_lower_header(&s(&upper), &s(&lower)));
        let c = combine_header(&upper, &lower);
        assert_eq!(
            c,
            [
                "绩效指标/一级指标",
                "绩效指标/二级指标",
                "绩效指标/三级指标",
                "年度指标值/指标性质",
                "年度指标值/指标值",
                "年度指标值/度量单位",
                "实际完成值",
                "分值",
                "得分",
                "偏差原因分析及改进措施"
            ]
        );
        use ColumnRole::*;
        assert_eq!(
            column_keys(&c).into_iter().map(|(r, _)| r).collect::<Vec<_>>(),
            [Level1, Level2, Name, Sign, Target, Unit, Actual, Weight, Score, Deviation]
        );
        // Fewer upper cells than lower ones, a column merged down in the middle, and a merged
        // column left of the groups.
        let upper = labels(&["序号", "指标", "权重", "目标", "实际完成值"]);
        let lower = labels(&["一级指标", "二级指标", "三级指标", "计算符号", "目标值", "计量单位"]);
        assert!(is_lower_header(&s(&upper), &s(&lower)));
        let c = combine_header(&upper, &lower);
        assert_eq!(c, ["序号", "指标/一级指标", "指标/二级指标", "指标/三级指标", "权重", "目标/计算符号", "目标/目标值", "目标/计量单位", "实际完成值"]);
        // Cells paired one to one that agree stay a grid.
        let c = combine_header(&labels(&["年度指标值", "实际完成值"]), &labels(&["指标值", "完成值"]));
        assert_eq!(c, ["年度指标值/指标值", "实际完成值/完成值"]);
    }
}
