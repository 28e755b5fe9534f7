//! Category labels (一级/二级指标) and header labels → their meaning.

use super::fold::squeeze;
use super::memo::Memo;
use crate::model::{Level1, Level2, Likelihood};

/// The label as compared: folded, without white space, without bracketed parts anywhere
/// (`产出指标（50分）`, `数量指标(或建筑规模指标)`, `实际完成值(B)`), without a score written
/// after them (`成本指标(0-20)分`, `效益指标30分)` with its opening bracket lost) and without a
/// trailing `等` or colon.
pub fn key(label: &str) -> Key {
    match build_key(label, false) {
        Ok(k) | Err(k) => k,
    }
}

/// The key of a cell that may be one of the labels jixiao knows, or `Err` with the key's first
/// [`KEY_INLINE`] bytes when it is longer than any of them (a cell of prose): found without
/// folding the rest of the cell. A key counts as long before its trailing colons are cut.
pub fn short_key(label: &str) -> Result<Key, Key> {
    build_key(label, true)
}

fn build_key(label: &str, bounded: bool) -> Result<Key, Key> {
    // One pass, no allocation for a label of ordinary length: fold, drop white space and bracketed parts.
    let mut out = Key::new();
    let mut depth = 0usize;
    let mut any_outside = false;
    for c in label.chars().map(super::fold::fold_char) {
        match c {
            c if c.is_whitespace() => {}
            '(' | '[' | '【' | '〔' => depth += 1,
            ')' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
            c if depth == 0 => {
                if bounded && !out.fits(c) {
                    return Err(out);
                }
                out.push(c);
                any_outside = true;
            }
            _ => {}
        }
    }
    if !any_outside {
        // A label that is all brackets keeps them: `(空)` stays `(空)`.
        return Ok(Key::Heap(squeeze(label)));
    }
    let mut k = out.as_str();
    loop {
        let before = k;
        k = k.trim_end_matches([':', '：', '等']);
        if k.ends_with("指标分") {
            k = &k[..k.len() - '分'.len_utf8()];
        }
        // A score whose opening bracket was lost (`效益指标` / `30分)`): `效益指标30分`.
        let unscored = k.strip_suffix('分').unwrap_or_default().trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '-');
        if unscored.len() + '分'.len_utf8() < k.len() && unscored.ends_with("指标") {
            k = unscored;
        }
        if k == before {
            break;
        }
    }
    let len = k.len();
    out.truncate(len);
    Ok(out)
}

/// Bytes a key keeps on the stack: more than any label jixiao knows (`偏差原因分析及改进措施`
/// is 33), so that the labels of a table's cells are compared without allocating.
const KEY_INLINE: usize = 94;

/// A label's key (see [`key`]): a string on the stack when short, on the heap otherwise.
pub enum Key {
    Inline { buf: [u8; KEY_INLINE], len: u8 },
    Heap(String),
}

impl Key {
    fn new() -> Self {
        Key::Inline { buf: [0; KEY_INLINE], len: 0 }
    }

    /// Whether `c` still fits on the stack.
    fn fits(&self, c: char) -> bool {
        match self {
            Key::Inline { len, .. } => usize::from(*len) + c.len_utf8() <= KEY_INLINE,
            Key::Heap(_) => false,
        }
    }

    fn push(&mut self, c: char) {
        match self {
            Key::Inline { buf, len } => {
                let at = usize::from(*len);
                if at + c.len_utf8() <= KEY_INLINE {
                    c.encode_utf8(&mut buf[at..]);
                    *len = (at + c.len_utf8()) as u8;
                } else {
                    let mut s = String::with_capacity(KEY_INLINE * 2);
                    s.push_str(std::str::from_utf8(&buf[..at]).unwrap_or_default());
                    s.push(c);
                    *self = Key::Heap(s);
                }
            }
            Key::Heap(s) => s.push(c),
        }
    }

    /// Cuts the key to `at` bytes, a character boundary.
    fn truncate(&mut self, at: usize) {
        match self {
            Key::Inline { len, .. } => *len = (at.min(usize::from(*len))) as u8,
            Key::Heap(s) => s.truncate(at),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            // SAFETY: `push` writes whole characters and `truncate` cuts at the end of a `str`
            // prefix of them, so `buf[..len]` is always UTF-8. Checked again on every compare,
            // it was an eighth of a parse.
            Key::Inline { buf, len } => unsafe { std::str::from_utf8_unchecked(&buf[..usize::from(*len)]) },
            Key::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Key {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The unit a label gives in brackets: `年度预算数(万元)` → `万元`.
pub fn bracket_unit(label: &str) -> Option<&'static str> {
    let s = squeeze(label);
    ["(万元)", "(元)", "(亿元)", "(千元)", "(%)"].iter().find(|u| s.contains(*u)).map(|u| &u[1..u.len() - 1])
}

thread_local! {
    static LEVEL1: Memo<Level1> = Memo::default();
    static LEVEL2: Memo<Level2> = Memo::default();
    static ROLE: Memo<ColumnRole> = Memo::default();
    static FOOTER: Memo<bool> = Memo::default();
    static DATE: Memo<bool> = Memo::default();
}

pub fn level1(label: &str) -> Level1 {
    LEVEL1.with(|m| m.get(label, level1_of))
}

fn level1_of(label: &str) -> Level1 {
    let Ok(k) = short_key(label) else { return Level1::Other };
    level1_of_key(k.as_str())
}

fn level1_of_key(k: &str) -> Level1 {
    match k {
        "产出指标" | "产出" | "预期产出指标" | "预期产出" | "项目产出" => Level1::Output,
        // 成效 (what was achieved): Hainan's 2018 form heads its effects 成效指标.
        "效果指标" | "效益指标" | "效果" | "效益" | "预期效果指标" | "预期效益指标" | "项目效益" | "部门绩效" | "部门绩效情况" | "项目绩效" | "成效指标"
        | "成效" => Level1::Effect,
        "满意度指标" | "满意度" => Level1::Satisfaction,
        "成本指标" | "成本" => Level1::Cost,
        "投入指标" | "投入" => Level1::Input,
        // 部门整体支出 evaluation frameworks: 部门决策 / 综合管理 (部门管理) / 部门绩效 (履职效果).
        "过程指标" | "过程" | "管理指标" | "管理" | "综合管理" | "部门管理" | "项目管理" => Level1::Process,
        "决策指标" | "决策" | "部门决策" | "项目决策" => Level1::Decision,
        k => as_indicator(k).map_or(Level1::Other, |k| level1_of_key(&k)),
    }
}

/// The level-1 a level-2 stands under in the classic form: 数量 / 质量 / 时效 / 成本 under 产出,
/// 经济成本 … under 成本 (2021 form), the benefits under 效益, satisfaction under 满意度.
pub fn implied_level1(level2: Level2) -> Level1 {
    match level2 {
        Level2::Quantity | Level2::Quality | Level2::Timeliness | Level2::Cost => Level1::Output,
        Level2::EconomicCost | Level2::SocialCost | Level2::EcologicalCost => Level1::Cost,
        Level2::EconomicBenefit | Level2::SocialBenefit | Level2::EcologicalBenefit | Level2::Sustainability | Level2::Benefit => Level1::Effect,
        Level2::ServiceSatisfaction => Level1::Satisfaction,
        Level2::Other => Level1::Other,
    }
}

/// The level-1 a level-2 label implies where no level-1 stands over it: the classic form's (see
/// [`implied_level1`]), or for the evaluation frameworks' own level-2s: 财预〔2020〕10号's 决策
/// over 项目立项 / 绩效目标 / 资金投入, 过程 over 资金管理 / 组织实施 and a form's 制度 label; the
/// 2009 and 2011 frameworks' 业务指标 over 目标设定 (决策), 目标完成 (产出) and 组织管理 (过程),
/// and their 财务指标 over 资金落实 / 实际支出 / 财务管理 / 会计信息 (过程).
pub fn level1_implied_by(label: &str) -> Level1 {
    match implied_level1(level2(label)) {
        Level1::Other => {
            let Ok(k) = short_key(label) else { return Level1::Other };
            let k = k.strip_suffix("指标").unwrap_or(&k);
            let k = k.strip_suffix("情况").or_else(|| k.strip_suffix("水平")).or_else(|| k.strip_suffix("状况")).unwrap_or(k);
            match k {
                "项目立项" | "立项" | "绩效目标" | "资金投入" | "目标设定" => Level1::Decision,
                "目标完成" => Level1::Output,
                "资金管理" | "组织实施" | "财务管理" | "业务管理" | "制度" | "管理制度" | "制度建设" | "组织管理" | "资金落实" | "实际支出"
                | "会计信息质量" => Level1::Process,
                _ => Level1::Other,
            }
        }
        l => l,
    }
}

/// The level-1 a framework's own group label means by its words, when it is no label of the
/// forms (`项目前期工作`, `项目组织`, `资金使用`, `实施效果`, the older evaluation frameworks'
/// groups, as regulations print them): preparation, planning and approval (前期, 规划 alone: a
/// 村庄规划 is what a project makes, 立项) are 决策, organising
/// and managing (组织, 管理, 组织实施, 使用, 预算执行) 过程, effects 效益. Words that could mean
/// two levels (实施 alone: 组织实施 is 过程, a project's 实施 its output; 执行 alone: a budget's or
/// a plan's) give none.
pub fn level1_by_words(label: &str) -> Level1 {
    match level1(label) {
        Level1::Other => {}
        known => return known,
    }
    let Ok(k) = short_key(label) else { return Level1::Other };
    match level1_implied_by(label) {
        Level1::Other => {}
        implied => return implied,
    }
    // A group's label ends in its level's word, or in a word for its state (`预算执行情况`,
    // `前期工作`): not a sentence, an office's stamp (`财政绩效管理科室(盖章)`) or a subject that
    // merely starts with one (`决策咨询`).
    // A score run into the label (`投入20 分`) is no word of it.
    let k = k.strip_suffix('分').map_or(k.as_str(), |s| s.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.'));
    // As many of those words as follow (`项目管理情况评价`).
    let mut stem = k;
    while let Some(rest) = ["情况", "水平", "工作", "指标", "评价", "度"].iter().find_map(|w| stem.strip_suffix(w)) {
        stem = rest;
    }
    let ends = |words: &[&str]| words.iter().any(|w| stem.ends_with(w));
    if k.chars().count() > 12 {
        Level1::Other
    } else if ends(&["满意"]) {
        Level1::Satisfaction
    } else if ends(&["效果", "效益", "成效"]) {
        Level1::Effect
    } else if ends(&["决策", "立项", "前期"]) || stem == "规划" {
        Level1::Decision
    } else if ends(&["过程", "管理", "组织", "组织实施", "使用", "预算执行"]) {
        Level1::Process
    } else if ends(&["产出"]) {
        Level1::Output
    } else if ends(&["投入"]) {
        Level1::Input
    } else {
        Level1::Other
    }
}

/// The level-1 an indicator's name says by its own words, asked only for a group whose labels
/// say none (a copy that kept only their points, `(20分)` over `(10分)` over `必要性`; a group
/// word that may mean two levels, `项目实施` over `建设内容完成量`). A level-2's word
/// (`经济效益`, `产出数量`, and `完成数量` for 数量) or a done amount (`完成量`, `完成率`) is 产出
/// or what that level-2 stands under; a project's necessity and feasibility (`必要性`,
/// `可行性`, `立项…`) and its targets (`绩效目标合理性`) 决策; funds, budgets and rules (`资金…`, `预算执行率`, `…制度…`, `…管理`)
/// 过程; an effect (`…效益`, `…效果`, `…影响`) 效益; a satisfaction 满意度. A name longer than
/// a label of the frameworks (a sentence, a target written into the name) gives none.
pub fn level1_by_name(name: &str) -> Level1 {
    let k = key(name);
    let k = without_numbering(k.as_str());
    if k.is_empty() || k.chars().count() > 12 {
        return Level1::Other;
    }
    let stem = ["实际完成", "完成"].iter().find_map(|w| k.strip_prefix(w)).filter(|s| !s.is_empty()).unwrap_or(k);
    match level1_implied_by(stem) {
        Level1::Other => {}
        implied => return implied,
    }
    match level1_by_words(k) {
        Level1::Other => {}
        said => return said,
    }
    let ends = |words: &[&str]| words.iter().any(|w| k.ends_with(w));
    if k.contains("满意") {
        Level1::Satisfaction
    } else if ends(&["效益", "效果", "影响"]) {
        Level1::Effect
    } else if ends(&["完成量", "完成率"]) {
        Level1::Output
    } else if ["必要性", "可行性", "立项"].iter().any(|w| k.contains(w)) || k.starts_with("绩效目标") || k.starts_with("绩效指标") {
        Level1::Decision
    } else if k.starts_with("资金") || k.contains("预算执行") || k.contains("制度") {
        Level1::Process
    } else {
        Level1::Other
    }
}

/// A name without the number it is listed by (`4.`, `(三)` is already gone with its brackets,
/// `一、`, `2、`): a numeral counts only before a separator (`一般公共预算` keeps its 一).
fn without_numbering(k: &str) -> &str {
    let rest = k.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    match rest.strip_prefix(['.', '．', '、', '，', ',']) {
        Some(after) if rest.len() < k.len() => after,
        _ => k,
    }
}

/// A category said with 目标 or 值 for 指标, as some forms write their levels (`产出目标`,
/// `数量目标`; `产出值`, `数量值`): the same category with 指标. None for any other key.
fn as_indicator(k: &str) -> Option<String> {
    k.strip_suffix("目标").or_else(|| k.strip_suffix('值')).filter(|stem| !stem.is_empty()).map(|stem| format!("{stem}指标"))
}

pub fn level2(label: &str) -> Level2 {
    LEVEL2.with(|m| m.get(label, level2_of))
}

fn level2_of(label: &str) -> Level2 {
    let Ok(k) = short_key(label) else { return Level2::Other };
    level2_of_key(k.as_str())
}

fn level2_of_key(k: &str) -> Level2 {
    match k {
        "数量指标" | "数量" | "产出数量" | "产出数量指标" => Level2::Quantity,
        "质量指标" | "质量" | "产出质量" | "产出质量指标" => Level2::Quality,
        "时效指标" | "时效" | "产出时效" | "产出时效指标" => Level2::Timeliness,
        "成本指标" | "成本" | "产出成本" | "产出成本指标" | "预算控制指标" | "投资规模控制指标" => Level2::Cost,
        "经济成本指标" | "经济成本" => Level2::EconomicCost,
        "社会成本指标" | "社会成本" => Level2::SocialCost,
        "生态环境成本指标" | "生态环境成本" | "生态成本指标" | "环境成本指标" => Level2::EcologicalCost,
        "经济效益指标" | "经济效益" => Level2::EconomicBenefit,
        "社会效益指标" | "社会效益" => Level2::SocialBenefit,
        "生态效益指标" | "生态效益" | "生态环境效益指标" => Level2::EcologicalBenefit,
        "可持续性影响指标" | "可持续影响指标" | "可持续性影响" | "可持续影响" => Level2::Sustainability,
        "服务对象满意度指标" | "服务对象满意度" | "满意度指标" | "社会公众满意度指标" => Level2::ServiceSatisfaction,
        // `社会公众或服务对象满意度指标`: whoever is asked, a satisfaction level-2 (but `游客满意度`
        // without 指标 names an indicator).
        k if k.ends_with("满意度指标") => Level2::ServiceSatisfaction,
        "社会、经济、生态效益指标" | "经济、社会、生态效益指标" | "社会经济生态效益指标" | "效益指标" | "项目效益" => {
            Level2::Benefit
        }
        k => as_indicator(k).map_or(Level2::Other, |k| level2_of_key(&k)),
    }
}

/// What a table column holds, decided by its header label, never by its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnRole {
    Level1,
    Level2,
    Name,
    Description,
    Target,
    Basis,
    /// 计算符号 / 指标性质 — the comparison in a column of its own.
    Sign,
    /// 计量单位 / 度量单位 — the unit in a column of its own.
    Unit,
    /// 指标方向性 — 正向指标 / 反向指标: implies ≥ or ≤ when no sign is given.
    Direction,
    /// 完成时间 — a date column: the target of a row whose 指标值 is empty (a deadline).
    Due,
    /// 实际完成值 / 完成值 — a self-evaluation's actual result.
    Actual,
    /// 分值 / 权重.
    Weight,
    /// 得分.
    Score,
    /// 偏差原因分析 / 未完成原因分析 / 原因.
    Deviation,
    /// 1-6月执行数 / 执行值 — monitoring progress.
    Progress,
    /// 全年预计完成.
    Expected,
    /// 完成目标可能性.
    Likelihood,
    /// The mid-term block beside the annual one: its level-2, name and target.
    MidLevel2,
    MidName,
    MidTarget,
    /// 单位名称 — on a sheet of many projects.
    UnitName,
    /// 项目名称 — on a sheet of many projects: a new value starts a new table.
    Project,
    /// 预算数 — the project's budget, on a sheet of many projects.
    Budget,
    /// 年度目标 — the project's objective, on a sheet of many projects.
    Objective,
    /// Any other column: kept in `Indicator::extra` under its label.
    Extra,
}

impl ColumnRole {
    /// Roles whose cell is kept verbatim in `extra` as well, because the target is composed from it.
    pub fn kept_in_extra(self) -> bool {
        matches!(self, ColumnRole::Extra | ColumnRole::Sign | ColumnRole::Unit | ColumnRole::Direction | ColumnRole::Due)
    }

    /// Roles of a sheet of many projects: they describe the project, not the indicator.
    pub fn is_project(self) -> bool {
        matches!(self, ColumnRole::UnitName | ColumnRole::Project | ColumnRole::Budget | ColumnRole::Objective)
    }

    /// Roles whose cells place a row (its levels, its project's), not the indicator's own: a row
    /// that fills only these holds no indicator.
    pub fn places_the_row(self) -> bool {
        matches!(self, ColumnRole::Level1 | ColumnRole::Level2) || self.is_project()
    }
}

/// The role of one label (a two-row header's combined `上/下` label: the lower part decides,
/// the upper one when the lower is unknown).
pub fn column_role(label: &str) -> ColumnRole {
    ROLE.with(|m| m.get(label, column_role_of))
}

fn column_role_of(label: &str) -> ColumnRole {
    if let Some((upper, lower)) = label.rsplit_once('/')
        && !lower.trim().is_empty()
        && !upper.trim().is_empty()
    {
        return match single_role(lower) {
            ColumnRole::Extra => single_role(upper),
            role => role,
        };
    }
    single_role(label)
}

/// The grades of a graded standard, best first, each in the words forms write it.
const GRADES: &[&[&str]] = &[&["优", "优秀", "優", "優秀"], &["良", "良好"], &["中", "中等", "合格", "一般"], &["低", "较差"], &["差", "不合格"]];

/// Whether labels are grades from the best down (`优 | 良 | 中 | 差`, `优秀 | 良好 | 合格 | 不合格`):
/// two or more, the first the best, each worse than the one before.
pub fn grades_best_first<S: AsRef<str>>(labels: &[S]) -> bool {
    let ranks: Option<Vec<usize>> = labels.iter().map(|l| GRADES.iter().position(|g| g.contains(&key(l.as_ref()).as_str()))).collect();
    ranks.is_some_and(|r| r.len() >= 2 && r[0] == 0 && r.windows(2).all(|w| w[0] < w[1]))
}

fn single_role(label: &str) -> ColumnRole {
    use ColumnRole::*;
    // A leading * or ★ marks a required field on the form (`*指标值`): not part of the label.
    let label = label.trim_start().trim_start_matches(['*', '＊', '★']);
    // `单位(专项)名称` (budget-system exports): the unit on its own row, then each 专项 (project)
    // with its indicators; the bracket, which the key drops, says so.
    if squeeze(label).contains("(专项)名称") || squeeze(label).contains("（专项）名称") {
        return Project;
    }
    // A cell of prose is no label; only the prefix rules below could still take it.
    let k = match short_key(label) {
        Ok(k) => k,
        Err(prefix) if ["一级指标", "1-", "截至"].iter().any(|p| prefix.starts_with(p)) => key(label),
        Err(_) => return Extra,
    };
    // 指标值类型 says what kind the value is (定量 / 定性), and Hunan's export writes the sign
    // there on a quantity's row (`≤` | `70` | `万元`): a sign column, whose words state no sign.
    // Other types (项目类型, 指标类型) are not the value.
    if k == "指标值类型" {
        return Sign;
    }
    if k.ends_with("类型") {
        return Extra;
    }
    // Last year's target or result (`上年指标值`, `上年实际完成值`) beside this year's: a
    // baseline, not what this table sets or reports.
    if ["上年", "去年", "前年", "上一年"].iter().any(|w| k.starts_with(w)) {
        return Extra;
    }
    // `半年(程)指标值` beside `全年(程)指标值` (Jiangsu's form): the half-year milestone, which the
    // model has no field for, kept in extra and never taken for the year's target. What was
    // done by then (`半年执行数`) is progress, by its words.
    if k.starts_with("半年") && !k.contains("执行") && !k.contains("完成") {
        return Extra;
    }
    match k.as_str() {
        // `一级 | 二级 | 三级`: the form's levels without the word 指标; `一级目标` with 目标 for it,
        // as some forms say their levels (产出目标, 数量目标).
        "一级指标" | "一级" | "一级目标" => Level1,
        "二级指标" | "二级" | "二级目标" => Level2,
        "三级指标" | "指标名称" | "绩效指标" | "三级指标名称" | "绩效指标名称" | "三级" | "三级目标" => Name,
        "绩效指标描述" | "指标内容" | "指标描述" | "指标解释" | "指标说明" => Description,
        "指标值"
        | "指标目标值"
        | "目标值"
        | "年度指标值"
        | "当年预期实现值"
        | "预期目标值"
        | "年度目标值"
        | "绩效指标值"
        | "计划指标值"
        | "年初目标值"
        | "全年目标值"
        | "年度计划值"
        | "全年指标值"
        | "年度数值"
        | "指标数值"
        | "目标数值" => Target,
        "中期指标值" | "中期目标值" => MidTarget,
        "完成时间" | "计划完成时间" | "计划完成日期" | "完成期限" | "完成时限" | "完成日期" => Due,
        "指标值确定依据" | "确定依据" | "指标值设定依据" | "绩效标准" | "指标值依据" => Basis,
        "计算符号" | "符号" | "比较符号" | "指标性质" | "运算符号" | "计算方式" => Sign,
        "计量单位" | "单位" | "度量单位" | "指标单位" => Unit,
        "指标方向性" | "指标方向" => Direction,
        "实际完成值" | "全年实际值" | "完成值" | "实际值" | "全年实际完成值" | "年度实际完成值" | "实际完成" => Actual,
        // 权数: the weight as assessment (考核) sheets say it.
        "分值" | "权重" | "指标分值" | "指标权重" | "权数" => Weight,
        "得分" | "自评得分" | "评分" => Score,
        "偏差原因分析及改进措施" | "未完成原因分析" | "原因" | "偏差原因分析" | "偏差原因" | "原因分析" | "未完成原因" | "偏差原因及改进措施" => {
            Deviation
        }
        "执行值" | "全年预计完成" | "全年预计完成值" | "预计全年完成" | "全年预计完成情况" => {
            if k.contains("预计") {
                Expected
            } else {
                Progress
            }
        }
        "完成目标可能性" | "完成可能性" | "目标完成可能性" => Likelihood,
        "单位名称" | "预算单位" => UnitName,
        "项目名称" => Project,
        "预算数" | "项目预算数" | "预算金额" | "年度预算数" => Budget,
        "年度目标" | "项目年度目标" => Objective,
        _ if k.starts_with("一级指标") => Level1,
        _ if k.starts_with("1-") && k.contains('月') && (k.contains("执行") || k.contains("完成")) => Progress,
        _ if k.starts_with("截至") && (k.contains("执行") || k.contains("完成")) => Progress,
        _ => by_words(&k),
    }
}

/// Whether a label (a key) is the one of the project's name, which names the table: 项目名称,
/// 专项资金名称 (Chongqing's 一般性项目 form) and the forms' other words for it.
pub fn is_project_name_key(key: &str) -> bool {
    matches!(key, "项目名称" | "专项名称" | "资金名称" | "专项资金名称" | "项目支出名称")
}

/// Whether a cell is the label of the project's name (see [`is_project_name_key`]).
pub fn is_project_name_label(cell: &str) -> bool {
    is_project_name_key(&key(cell))
}

/// Words of the columns forms add for remarks, scoring and evidence (备注, 评(扣)分标准, 数据来源 …).
const EXTRA_WORDS: &[&str] = &["备注", "序号", "评分", "扣分", "评价标准", "细则", "来源", "公式", "计算方法", "佐证", "证明材料", "考核方式"];

/// Whether a label is one of the columns forms add beside the indicator columns, by its words
/// (`备注说明`, `评分标准(分)`, `指标值说明`): known, kept in `extra`, read as nothing else.
pub fn is_form_extra(label: &str) -> bool {
    let Ok(k) = short_key(label) else { return false };
    k.chars().count() <= WORDS_MAX && column_role(label) == ColumnRole::Extra && (EXTRA_WORDS.iter().any(|w| k.contains(w)) || k.contains("说明"))
}

/// Longest key (in characters) the word rules read: a header label, not a cell of prose.
const WORDS_MAX: usize = 16;

/// The role a label's words give it when it is none of the known labels: real forms say
/// `指标值及单位`, `考核标准`, `目标值(标准)`, `实际完成数` for the columns the known labels name.
/// The traps come first: `指标值确定依据` is the basis, `评分标准` scoring criteria, `完成时间` a
/// date, `完成可能性` a likelihood; a label that joins two roles (`指标值及单位`) takes the one
/// the row's meaning hangs on (the target, whose cell then holds its unit too).
fn by_words(k: &str) -> ColumnRole {
    use ColumnRole::*;
    if k.chars().count() > WORDS_MAX {
        return Extra;
    }
    let has = |words: &[&str]| words.iter().any(|w| k.contains(w));
    // Columns forms add for remarks, scoring and evidence: kept in extra, whatever else they say.
    if has(EXTRA_WORDS) {
        return Extra;
    }
    if has(&["可能性"]) {
        return Likelihood;
    }
    if has(&["依据", "解释"]) {
        return Basis;
    }
    if has(&["偏差", "原因"]) {
        return Deviation;
    }
    // `指标值说明` explains the value: a note on it, not the value.
    if has(&["说明"]) {
        return Extra;
    }
    if has(&["日期", "时间", "期限", "时限"]) {
        return if has(&["完成", "截止"]) { Due } else { Extra };
    }
    if has(&["得分"]) {
        return Score;
    }
    if has(&["分值", "权重", "权数"]) {
        return Weight;
    }
    if has(&["预计"]) {
        return Expected;
    }
    // `计划完成值` is the plan, not the result.
    if has(&["计划", "预期"]) && !has(&["实际"]) && has(&["值", "数", "量", "水平"]) {
        return if k.contains("中期") { MidTarget } else { Target };
    }
    if has(&["实际"]) || has(&["完成值", "完成数", "完成量", "完成指标值"]) {
        return Actual;
    }
    // `实施进度`, `执行进度`: how far the work got (a plan's `计划进度` is no result).
    if has(&["执行数", "执行值", "执行情况"]) || has(&["进度"]) && !has(&["计划", "预期", "目标"]) {
        return Progress;
    }
    if has(&["指标值", "目标值", "计划值", "预期值", "标准值", "计划水平"]) || k.ends_with("标准") {
        return if k.contains("中期") { MidTarget } else { Target };
    }
    if has(&["单位"]) && !has(&["名称", "预算单位", "主管", "实施", "责任"]) {
        return Unit;
    }
    if has(&["符号", "性质"]) {
        return Sign;
    }
    if has(&["方向"]) {
        return Direction;
    }
    if k.starts_with("二级指标") {
        return Level2;
    }
    if k.starts_with("三级指标") {
        return Name;
    }
    Extra
}

/// Whether a level-1 label is an umbrella over level-1 categories: the old scoring form's 项目绩效
/// holds 项目产出 and 项目效益 as its level-2, and the framework's 部门绩效 likewise.
pub fn is_umbrella_level1(label: &str) -> bool {
    // Asked of a category on most rows: every umbrella says 绩效, so the character is looked for
    // before the label is folded to its key.
    label.contains(['绩', '績']) && short_key(label).is_ok_and(|k| matches!(k.as_str(), "项目绩效" | "部门绩效" | "部门绩效情况"))
}

/// Whether a label is only a score (`(50分)`, `30分`): a category cell whose words were lost.
pub fn is_score_only(label: &str) -> bool {
    let s = squeeze(label);
    let s = s.strip_prefix('(').and_then(|s| s.strip_suffix(')')).unwrap_or(&s);
    s.strip_suffix('分').is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// Whether a row of cells is a table's header row: it names the level-1 or level-3 column and
/// at least one more column jixiao knows.
pub fn is_header_row<'a>(cells: impl IntoIterator<Item = &'a str>) -> bool {
    let cells: Vec<&str> = cells.into_iter().collect();
    let roles = header_roles(&cells);
    let known = roles.iter().filter(|r| **r != ColumnRole::Extra).count();
    known >= 2 && roles.iter().any(|r| matches!(r, ColumnRole::Level1 | ColumnRole::Name))
}

/// Each label's role as the header's labels give it together: each its own
/// ([`column_role`]), then a bare 指标 column ([`bare_level1_column`]) and a framework's
/// 评价指标 ([`framework_columns`]).
pub fn header_roles<S: AsRef<str>>(labels: &[S]) -> Vec<ColumnRole> {
    let mut roles: Vec<ColumnRole> = labels.iter().map(|l| column_role(l.as_ref())).collect();
    bare_level1_column(labels, &mut roles);
    level1_without_its_numeral(labels, &mut roles);
    graded_bands(labels, &mut roles);
    framework_columns(labels, &mut roles);
    scrambled_labels(labels, &mut roles);
    roles
}

/// A scoring framework graded in bands side by side: a standard and its points, two or more
/// times, to the last column (`评分标准 | 评价得分 | 评分标准 | 评价得分 …`, one band per grade,
/// 100% / 80-99% / …). The bands' cells are the grades' (kept in extra), not the indicator's
/// target or score. A two-row header flattened into one may write its upper label over the
/// bands (`评分指标`: a label ending 指标 that is no level or name) in the first band's standard.
/// With no level or name column, the names are the column just left of the bands that no label
/// gives a role, and the like columns left of it (at most two, but the form's extras: 序号,
/// 备注 …) its levels; columns with a role keep it.
fn graded_bands<S: AsRef<str>>(labels: &[S], roles: &mut [ColumnRole]) {
    use ColumnRole::*;
    let n = labels.len();
    if n < 5 {
        return;
    }
    let key_at = |k: usize| key(labels[k].as_ref()).to_string();
    let (points, standard) = (key_at(n - 1), key_at(n - 2));
    let is_points = |k: usize| matches!(roles[k], Score | Weight) && key_at(k) == points;
    if !is_points(n - 1) || !standard.ends_with("标准") {
        return;
    }
    // From the right, once: each band a standard then its points (linear in the header).
    let mut start = n - 2;
    while start >= 3 && is_points(start - 1) && key_at(start - 2) == standard {
        start -= 2;
    }
    if start >= 3 && is_points(start - 1) && roles[start - 2] == Extra && key_at(start - 2).ends_with("指标") {
        start -= 2;
    }
    if n - start < 4 {
        return;
    }
    for r in &mut roles[start..] {
        *r = Extra;
    }
    if roles.iter().any(|r| matches!(r, Name | Level1 | Level2)) {
        return;
    }
    let labelled: Vec<usize> =
        (0..start).filter(|&c| roles[c] == Extra && !super::is_blank(labels[c].as_ref()) && !is_form_extra(labels[c].as_ref())).collect();
    match labelled[..] {
        [name] => roles[name] = Name,
        [l1, name] => (roles[l1], roles[name]) = (Level1, Name),
        [l1, l2, name] => (roles[l1], roles[l2], roles[name]) = (Level1, Level2, Name),
        _ => {}
    }
}

/// Labels whose characters a text layer may give in another order: the ones each role's
/// columns are most often headed with.
const SCRAMBLE_CANDIDATES: &[&str] = &[
    "一级指标",
    "二级指标",
    "三级指标",
    "指标名称",
    "指标值",
    "目标值",
    "年度指标值",
    "年度目标值",
    "全年目标值",
    "实际完成值",
    "全年实际值",
    "全年完成值",
    "全年实际完成值",
    "实际值",
    "完成值",
    "参考分值",
    "指标分值",
    "指标权重",
    "自评得分",
    "指标得分",
    "计量单位",
    "偏差原因分析",
    "未完成原因分析",
    "指标值确定依据",
];

/// The known label a header cell is, its characters in another order (`考值参分` for 参考分值,
/// `年成值全完值` for 全年完成值): an OCR layer or a PDF's text layer reads a cell's two lines
/// across, or its glyphs out of order. The same set of at least three characters, and for a
/// role the header lacks (see [`header_roles`]); None for any other label.
pub fn unscrambled(label: &str) -> Option<&'static str> {
    type Chars = std::collections::BTreeSet<char>;
    static SETS: std::sync::LazyLock<Vec<(Chars, &'static str)>> =
        std::sync::LazyLock::new(|| SCRAMBLE_CANDIDATES.iter().map(|c| (key(c).chars().collect(), *c)).collect());
    // Most cells asked are values or prose: a character no candidate has rules them out at once.
    let k = key(label);
    if !(3..=WORDS_MAX).contains(&k.chars().count()) || !k.chars().all(|ch| SETS.iter().any(|(set, _)| set.contains(&ch))) {
        return None;
    }
    let own: Chars = k.chars().collect();
    SETS.iter().find(|(set, _)| *set == own).map(|(_, c)| *c)
}

/// A label no word gives a role whose characters are a known label's in another order takes
/// that label's role, when no other column of the header has it ([`unscrambled`]).
fn scrambled_labels<S: AsRef<str>>(labels: &[S], roles: &mut [ColumnRole]) {
    for at in 0..labels.len() {
        if roles[at] != ColumnRole::Extra || is_form_extra(labels[at].as_ref()) {
            continue;
        }
        if let Some(known) = unscrambled(labels[at].as_ref()).map(single_role)
            && known != ColumnRole::Extra
            && !roles.contains(&known)
        {
            roles[at] = known;
        }
    }
}

/// A standard graded 优 | 良 | 中 | 差 (`绩效指标评价标准/优`, the Hebei form of 2018–2019), in a
/// header with no target column: the best grade's value is the target; the other grades are
/// the scale, kept in extra. Beside a target column (`绩效目标 | 绩效标准/优 …`, Hainan's 2018
/// form) the grades are only the scale.
pub fn best_grade_as_target<S: AsRef<str>>(labels: &[S], roles: &mut [ColumnRole]) {
    if roles.contains(&ColumnRole::Target) {
        return;
    }
    let best =
        labels.iter().position(|l| l.as_ref().rsplit_once('/').is_some_and(|(upper, lower)| GRADES[0].contains(&key(lower).as_str()) && grades_a_value(upper)));
    if let Some(at) = best {
        roles[at] = ColumnRole::Target;
    }
}

/// Whether a label over grades is a standard of the value (`绩效指标评价标准`, `指标值`), not of
/// the points a grade earns (`评分标准`, `评(扣)分标准`: a scoring rule, kept in extra).
pub fn grades_a_value(upper: &str) -> bool {
    let k = key(upper);
    let k = k.as_str();
    (k.ends_with("标准") || single_role(upper) == ColumnRole::Target) && !["评分", "扣分", "计分", "得分"].iter().any(|w| k.contains(w))
}

/// A column headed `级指标` right before the 二级指标 column, in a header with no 一级指标: the
/// 一级指标 whose 一 a copy lost (a single stroke, which a PDF's text layer or a page's copy drops
/// as a rule of the table).
pub fn level1_without_its_numeral<S: AsRef<str>>(labels: &[S], roles: &mut [ColumnRole]) {
    if roles.contains(&ColumnRole::Level1) {
        return;
    }
    let Some(at) = labels.iter().position(|l| key(l.as_ref()) == "级指标") else { return };
    if roles[at] == ColumnRole::Extra && roles.get(at + 1) == Some(&ColumnRole::Level2) {
        roles[at] = ColumnRole::Level1;
    }
}

/// A column headed only `指标`, left of a 指标内容 / 指标名称 column, in a header with no 一级指标
/// (`指标 | 指标内容 | 指标值`, the older central 申报表): it holds 产出指标 / 效益指标, so it is the
/// level-1 column.
pub fn bare_level1_column<S: AsRef<str>>(labels: &[S], roles: &mut [ColumnRole]) {
    use ColumnRole::*;
    if roles.contains(&Level1) {
        return;
    }
    let Some(at) = labels.iter().position(|l| key(l.as_ref()) == "指标") else { return };
    if roles[at] == Extra && roles[at + 1..].iter().any(|r| matches!(r, Description | Name)) {
        roles[at] = Level1;
    }
}

/// An evaluation framework's header as regulations print it (`评价内容 | 评价指标(分值) | 指标说明
/// | 评分标准`, `考核内容 | 考核指标 | 分值 | 考核标准`, `一级指标 | 二级指标 | 评价指标 | 分值`): with
/// no 三级 / 指标名称 column, the column headed 评价指标 / 评分指标 / 考核指标 names the scored
/// indicators. Right of level columns, it is their names; with none, the one labelled column left
/// of it groups them: the level-1 (its words need not be the form's: 项目前期工作(7分)). Not first
/// (`评价指标 | 评价内容 | 指标名称`: it heads the level-1 words themselves), not left of the level
/// columns, and not with two labelled columns before it and no level column (the header may be a
/// flattened two-row one whose words do not stand over their cells).
pub fn framework_columns<S: AsRef<str>>(labels: &[S], roles: &mut [ColumnRole]) {
    use ColumnRole::*;
    // A label over several columns is a two-row header's upper row (`评价指标 | 评价指标 | 评价指标`
    // over 一级 | 二级 | 三级): the row below says what each column is.
    if roles.contains(&Name) || repeats(labels) {
        return;
    }
    let Some(name) = labels.iter().position(|l| short_key(l.as_ref()).is_ok_and(|k| matches!(k.as_str(), "评价指标" | "评分指标" | "考核指标")))
    else {
        return;
    };
    let is_level = |r: &ColumnRole| matches!(r, Level1 | Level2);
    if roles[name] != Extra || roles[name..].iter().any(is_level) {
        return;
    }
    // `评价内容 | 评价指标 | 评价要点 | 分值`: the points of each indicator are its names, 评价指标
    // the level over them.
    let points = (name + 1..labels.len()).find(|&c| roles[c] == Extra && short_key(labels[c].as_ref()).is_ok_and(|k| k.ends_with("要点")));
    if roles[..name].iter().any(is_level) {
        match points {
            Some(p) if !roles[..name].contains(&Level2) => (roles[name], roles[p]) = (Level2, Name),
            Some(_) => {}
            None => roles[name] = Name,
        }
        return;
    }
    // The labelled columns left of it, but for a row number (序号) or the form's extras.
    let left: Vec<usize> = (0..name).filter(|&c| !super::is_blank(labels[c].as_ref()) && !is_form_extra(labels[c].as_ref())).collect();
    if !left.iter().all(|&c| roles[c] == Extra) {
        return;
    }
    // With 评价要点 for the names, 评价指标 is one of the levels.
    let mut levels = left;
    let names = match points {
        Some(p) => {
            levels.push(name);
            p
        }
        None => name,
    };
    // One group, or a group and what it assesses (`项目 | 考核内容 | 考核指标`).
    match levels[..] {
        [l1] => roles[l1] = Level1,
        [l1, l2] => (roles[l1], roles[l2]) = (Level1, Level2),
        _ => return,
    }
    roles[names] = Name;
}

/// Whether two non-blank labels of a header are the same.
fn repeats<S: AsRef<str>>(labels: &[S]) -> bool {
    let mut seen = std::collections::BTreeSet::new();
    labels.iter().map(|l| squeeze(l.as_ref())).filter(|k| !k.is_empty()).any(|k| !seen.insert(k))
}

/// Whether a value column holds dates (完成时间, 计划完成日期, 截止期限): a plain number in it is a
/// spreadsheet's serial day, not a quantity.
pub fn is_date_label(label: &str) -> bool {
    DATE.with(|m| m.get(label, is_date_label_of))
}

fn is_date_label_of(label: &str) -> bool {
    let k = key(label.rsplit('/').next().unwrap_or(label));
    ["日期", "时间", "期限", "时限"].iter().any(|w| k.ends_with(w))
}

/// 正向指标 → `true` (more is better), 反向指标 → `false`; None for anything else.
pub fn positive_direction(cell: &str) -> Option<bool> {
    match short_key(cell).ok()?.as_str() {
        "正向指标" | "正向" => Some(true),
        "反向指标" | "反向" => Some(false),
        _ => None,
    }
}

pub fn likelihood(cell: &str) -> Option<Likelihood> {
    match short_key(cell).ok()?.as_str() {
        "确定能" | "确定能完成" | "能" => Some(Likelihood::Certain),
        "有可能" | "有可能完成" | "可能" => Some(Likelihood::Possible),
        "完全不可能" | "完全不可能完成" | "不可能" => Some(Likelihood::Impossible),
        _ => None,
    }
}

/// The first cells of rows that close a table (合计, 总分, 评价结论 …): never indicators.
const FOOTER_LABELS: &[&str] = &[
    // The form's footnote, as a remark reads back from a text save.
    "注",
    "合计",
    // A framework's points per group (`分项小计 | 小计 | …`): a sum, never an indicator. (On a
    // sheet of many projects a 小计 row is the unit's subtotal: see [`is_subtotal_label`].)
    "小计",
    "分项小计",
    "总计",
    "总分",
    "自评总分",
    "评价结论",
    "自评结论",
    "总体评价结论",
    "存在问题",
    "存在的问题",
    "改进措施",
    "改进意见",
    "其他需要说明事项",
    "其他需要说明的事项",
    "其他需说明事项",
    "其他说明事项",
    "负责人",
    "项目负责人",
    "财务负责人",
    "单位负责人",
    "填报人",
    "填表人",
    "联系电话",
    "填报日期",
    "填表日期",
    "审核意见",
    "审核人",
    // A form's explanations under the table (`说明 | 无`, `填表说明：…`).
    "说明",
    "填表说明",
];

/// Footer labels that name a person, a phone or a date: the form's signature lines. Written with
/// what they name after them (`项目负责人:张三`, `填报日期：2023年7月1日`, `联系电话 8888`).
const SIGNATURE_LABELS: &[&str] = &[
    "负责人",
    "项目负责人",
    "财务负责人",
    "单位负责人",
    "部门负责人",
    "填报人",
    "填表人",
    "制表人",
    "经办人",
    "联系人",
    "审核人",
    "复核人",
    "联系电话",
    "电话",
    "填报日期",
    "填表日期",
    "制表日期",
    "报送日期",
    "日期",
];

/// Whether a cell is a formula (`得分值=完成率×20`, `得分=权重×完成率`): words on both sides of
/// `=`. A scoring cell of a row, though a label may read like one; a label that lists signs
/// (`计算符号>、<、=`) has nothing after its `=`.
pub fn is_formula(cell: &str) -> bool {
    cell.split_once(['=', '＝']).is_some_and(|(left, right)| {
        let words = |t: &str| t.chars().any(|c| c.is_alphanumeric());
        words(left) && words(right)
    })
}

/// Whether a footer label is a subtotal's (小计, 分项小计): on a sheet of many projects the row
/// is the unit's [`crate::model::Subtotal`], elsewhere a group's points.
pub fn is_subtotal_label(cell: &str) -> bool {
    matches!(key(cell).as_str(), "小计" | "分项小计")
}

/// Whether a row's first non-empty cell labels a footer row.
pub fn is_footer_label(cell: &str) -> bool {
    FOOTER.with(|m| m.get(cell, is_footer_label_of))
}

fn is_footer_label_of(cell: &str) -> bool {
    let k = key(cell);
    !k.is_empty()
        && (FOOTER_LABELS.contains(&k.as_str())
            || k.ends_with("审核意见")
            || k.ends_with("初审意见")
            // The evaluation's result under its grid (`预算绩效评价结果 | 考核节点进度完成率 | 10分 …`).
            || k.ends_with("评价结果")
            // Why the targets were missed and what follows (偏差大或目标未完成原因分析,
            // 偏差或不能完成目标原因分析 | 相关建议或举措, the self-evaluation and monitoring forms'
            // closing rows).
            || k.ends_with("原因分析")
            || k.ends_with("建议或举措")
            || k.ends_with("负责人")
            // 其他需说明的问题, 其他需要说明的情况: whatever else the form asks to be said.
            || (k.starts_with("其他") && k.contains("说明"))
            || (k.starts_with("联系电话"))
            || is_signature_label(cell))
}

/// Whether a cell is a signature line: a person, phone or date label, alone or with what it
/// names after a colon or a space (`项目负责人:张三`, `填报人： 李四`, `审核人 王五`). Such a cell
/// is a footer wherever it stands in its row: no indicator is named so.
pub fn is_signature_label(cell: &str) -> bool {
    let t = cell.trim();
    // Asked of a cell of most rows: most start with none of the labels' first characters.
    if !t.chars().next().is_some_and(|c| SIGNATURE_LABELS.iter().any(|l| l.starts_with(c))) {
        return false;
    }
    // The label ends at the first colon, or at the first white space when there is none.
    let head = match t.find([':', '：']) {
        Some(at) => &t[..at],
        None => t.split(char::is_whitespace).next().unwrap_or(""),
    };
    let k = key(head);
    SIGNATURE_LABELS.contains(&k.as_str())
        // `项目负责人张三`, `填报日期2023.7.1`: the label with a short name or date glued on.
        || (t.chars().count() <= 24 && SIGNATURE_LABELS.iter().any(|l| l.chars().count() >= 3 && k.starts_with(l) && !k.contains("指标")))
}

/// A name cell that says the form's row does not apply (`本项目不适用此指标`, `不适用`): with
/// no value beside it, a row of the form left unused, not an indicator.
pub fn says_not_applicable(cell: &str) -> bool {
    cell.contains("不适用") && short_key(cell).is_ok_and(|k| k.contains("不适用"))
}

/// A blank indicator row of a form: `指标1`, `指标2`, `……`, and `指标L` or `指标l`, the 1 of
/// an OCR layer (one letter never names an indicator).
pub fn is_blank_form_name(cell: &str) -> bool {
    // Most cells are names: a first character that folds to itself, outside brackets, is the
    // key's first character, and when it can start neither form the answer is known.
    if let Some(c) = cell.trim_start().chars().next()
        && super::fold::fold_char(c) == c
        && !matches!(c, '(' | '[' | '【' | '〔' | ')' | ']' | '】' | '〕' | '指' | '…' | '.' | '。' | '·')
    {
        return false;
    }
    let k = key(cell);
    !k.is_empty() && k.chars().all(|c| matches!(c, '…' | '.' | '。' | '·'))
        || k.strip_prefix("指标")
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) || n.chars().count() == 1 && n.chars().all(|c| c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frameworks_own_group_words_give_a_level_where_they_mean_one() {
        assert_eq!(level1_by_words("(一)项目前期工作(7分)"), Level1::Decision);
        assert_eq!(level1_by_words("(二)\n项\n目\n组\n织\n(8分)"), Level1::Process);
        assert_eq!(level1_by_words("资金使用"), Level1::Process);
        // 规划 alone is the planning stage; 村庄规划 is what a project makes.
        assert_eq!(level1_by_words("规划 (15分)"), Level1::Decision);
        assert_eq!(level1_by_words("村庄规划(30分)"), Level1::Other);
        assert_eq!(level1_by_words("项目预算执行情况(20分)"), Level1::Process);
        assert_eq!(level1_by_words("一般公共预算支出管理(60分)"), Level1::Process);
        // 资金投入 is the 2020 framework's 决策 level-2, not a use of funds.
        assert_eq!(level1_by_words("资金投入"), Level1::Decision);
        assert_eq!(level1_by_words("(五)实施效果(35分)"), Level1::Effect);
        assert_eq!(level1_by_words("社会满意度"), Level1::Satisfaction);
        // Words of two levels, a score alone, and prose give none.
        assert_eq!(level1_by_words("(三)项目实施(20分)"), Level1::Other);
        assert_eq!(level1_by_words("执行情况评价(80分)"), Level1::Other);
        assert_eq!(level1_by_words("(20分)"), Level1::Other);
        assert_eq!(level1_by_words("项目单位对项目组织管理的情况说明"), Level1::Other);
        assert_eq!(level1_by_words("财政绩效管理科室(盖章) 年 月 日"), Level1::Other);
        assert_eq!(level1_by_words("决策咨询"), Level1::Other);
        assert_eq!(level1_by_words("投入20 分"), Level1::Input);
        assert_eq!(level1_by_words("(四)项目管理情况评价"), Level1::Process);
        assert_eq!(level1_by_words("(三)资金管理使用情况"), Level1::Process);
        assert_eq!(level1_by_words("(二)项目组织实施"), Level1::Process);
        assert_eq!(level1_by_words("项目立项审批"), Level1::Other);
        // The form's own words as ever.
        assert_eq!(level1_by_words("产出指标"), Level1::Output);
    }

    #[test]
    fn an_indicators_name_says_a_level_by_its_own_words() {
        for (name, level) in [
            ("完成数量", Level1::Output),
            ("完成成本", Level1::Output),
            ("4.建设内容完成量", Level1::Output),
            ("项目完成率", Level1::Output),
            ("绩效目标完成率", Level1::Output),
            ("经济效益(可选项)", Level1::Effect),
            ("9.社会效益(15分)", Level1::Effect),
            ("可持续影响", Level1::Effect),
            ("服务对象满意度", Level1::Satisfaction),
            ("必要性", Level1::Decision),
            ("1.可行性研究报告(项目申报书)", Level1::Decision),
            ("立项依据充分性", Level1::Decision),
            ("绩效目标合理性", Level1::Decision),
            ("资金分配", Level1::Process),
            ("资金到位率", Level1::Process),
            ("预算执行率", Level1::Process),
            ("7.财务管理制度执行(10分)", Level1::Process),
            ("2.组织管理", Level1::Process),
            // Words of no level, of two (执行 alone), a sentence, and 一 that is no number.
            ("明确性", Level1::Other),
            ("执行规范", Level1::Other),
            ("3.项目档案(2分)", Level1::Other),
            ("培训人数", Level1::Other),
            ("项目实施后带动周边农户增收的经济效益", Level1::Other),
            ("一般公共预算支出实际完成率", Level1::Other),
        ] {
            assert_eq!(level1_by_name(name), level, "{name}");
        }
        assert_eq!(without_numbering("一、资金分配"), "资金分配");
        assert_eq!(without_numbering("一般公共预算"), "一般公共预算");
        assert_eq!(without_numbering("12.完成数量"), "完成数量");
    }

    #[test]
    fn a_frameworks_header_names_its_indicators_evaluation_indicators() {
        use ColumnRole::*;
        let roles = |labels: &[&str]| {
            let mut roles: Vec<ColumnRole> = labels.iter().map(|l| column_role(l)).collect();
            framework_columns(labels, &mut roles);
            roles
        };
        assert_eq!(roles(&["评价内容", "评价指标(分值)", "指标说明", "评分标准"]), [Level1, Name, Description, Extra]);
        assert_eq!(roles(&["项目", "考核内容", "考核指标", "指标说明", "权数"])[..3], [Level1, Level2, Name]);
        // A row number is no group; an upper row's label over three columns is no name.
        assert_eq!(roles(&["序号", "考核指标", "分值", "考核标准"])[..2], [Extra, Extra]);
        assert_eq!(roles(&["序号", "评价指标", "评价指标", "评价指标", "分值", "得分"])[..4], [Extra, Extra, Extra, Extra]);
        // 评价要点 names the indicators, 评价指标 the level over them.
        assert_eq!(roles(&["评价内容", "评价指标", "评价要点", "分值"]), [Level1, Level2, Name, Weight]);
        assert_eq!(roles(&["一级指标", "评价指标", "评价要点", "分值"]), [Level1, Level2, Name, Weight]);
        // A banded header flattened from two rows is no framework's: its bands decide (graded_bands).
        assert_eq!(roles(&["项目", "内容", "评分指标", "评价得分", "评分标准", "评价得分"])[..3], [Extra, Extra, Extra]);
        assert_eq!(roles(&["类别", "项目", "考核内容", "考核指标", "分值"])[..4], [Extra, Extra, Extra, Extra]);
        assert_eq!(roles(&["考核内容", "考核指标", "分值", "评分标准"]), [Level1, Name, Weight, Extra]);
        // With a name column of its own, 评价指标 holds the level-1 words (ningjin).
        assert_eq!(roles(&["评价指标", "评价内容", "指标名称", "目标值"]), [Extra, Extra, Name, Target]);
        assert!(is_header_row(["评价内容", "评价指标(分值)", "指标说明", "评分标准"]));
        // Right of the level columns, the names of a framework that says its third level so.
        assert_eq!(roles(&["一级指标", "二级指标", "评价指标", "分值", "评分标准"]), [Level1, Level2, Name, Weight, Extra]);
        assert_eq!(roles(&["一级指标", "二级指标", "考核指标", "指标内容", "目标值"])[2..4], [Name, Description]);
        // Left of them it is no name column.
        assert_eq!(roles(&["考核指标", "一级指标", "二级指标"])[0], Extra);
    }

    #[test]
    fn a_header_graded_in_bands_names_by_the_column_left_of_them() {
        use ColumnRole::*;
        let bands = ["评价得分", "评分标准", "评价得分", "评分标准", "评价得分", "评分标准", "评价得分"];
        let with = |left: &[&'static str]| -> Vec<&'static str> { left.iter().copied().chain(bands).collect() };
        let flattened = with(&["项目", "内容", "评分指标"]);
        assert_eq!(header_roles(&flattened), [vec![Level1, Name], vec![Extra; 8]].concat());
        assert!(is_header_row(flattened.iter().copied()));
        assert_eq!(header_roles(&with(&["评价项目", "评价内容", "评分标准"])), [vec![Level1, Name], vec![Extra; 8]].concat());
        // A row number is no level; a name column alone is one role, too few for a header.
        let numbered = with(&["序号", "评价内容", "评分标准"]);
        assert_eq!(header_roles(&numbered), [vec![Extra, Name], vec![Extra; 8]].concat());
        assert!(!is_header_row(numbered.iter().copied()));
        // Columns with a role keep it: a weight is no name.
        assert_eq!(header_roles(&["评价内容", "分值", "评分标准", "得分", "评分标准", "得分"]), [Name, Weight, Extra, Extra, Extra, Extra]);
        // One standard and its points are no bands; a header with its own names keeps them, and
        // its 三级指标 is no upper label over the bands.
        assert_eq!(header_roles(&["项目", "内容", "评分标准", "得分"])[3], Score);
        assert_eq!(header_roles(&with(&["一级指标", "三级指标", "评分标准"]))[..3], [Level1, Name, Extra]);
        assert_eq!(header_roles(&["一级指标", "二级指标", "三级指标", "得分", "评分标准", "得分"])[..4], [Level1, Level2, Name, Score]);
    }

    #[test]
    fn a_formula_has_words_on_both_sides_of_its_equals_sign() {
        assert!(is_formula("得分值=年度建设任务完成率×20"));
        assert!(is_formula("得分=权重×完成率"));
        assert!(!is_formula("计算符号>、<、="));
        assert!(!is_formula("指标值"));
        // A label that reads like one keeps its role: the formula test is for rows, not labels.
        assert_eq!(column_role("计算符号>、<、="), ColumnRole::Sign);
        assert_eq!(column_role("得分=权重×完成率"), ColumnRole::Score);
    }

    #[test]
    fn both_effect_names_are_one_level() {
        assert_eq!(level1("效果指标"), Level1::Effect);
        assert_eq!(level1("效益指标"), Level1::Effect);
        assert_eq!(level1("成效指标"), Level1::Effect);
        assert_eq!(level1("产出指标（50分）"), Level1::Output);
        assert_eq!(level1("成本指标"), Level1::Cost);
        assert_eq!(level1("影响指标"), Level1::Other);
    }

    #[test]
    fn older_and_scored_level1_labels() {
        assert_eq!(level1("预期产出指标"), Level1::Output);
        assert_eq!(level1("投入指标"), Level1::Input);
        assert_eq!(level1("过程指标"), Level1::Process);
        assert_eq!(level1("决策指标(20分)"), Level1::Decision);
        assert_eq!(level1("决策"), Level1::Decision);
        assert_eq!(level1("部门决 策(25 分)"), Level1::Decision);
        assert_eq!(level1("综合管 理(30 分)"), Level1::Process);
        assert_eq!(level1("部门绩效情况(45分)"), Level1::Effect);
        assert_eq!(level1("成本指标(0-20)分"), Level1::Cost);
        assert_eq!(level1("产出指标\n(40-50)分"), Level1::Output);
        // The opening bracket lost in a copy (`效益指标` / `30分)`), or never written.
        assert_eq!(level1("效益指标\n30分)"), Level1::Effect);
        assert_eq!(level1("产出指标50分"), Level1::Output);
        assert_eq!(level2("经济效益指标6.5分"), Level2::EconomicBenefit);
        assert_eq!(key("指标1").as_str(), "指标1");
        assert_eq!(level1("效益30分"), Level1::Other, "only after 指标: a name may end in a score");
        assert_eq!(level1("一级 指标"), Level1::Other);
    }

    #[test]
    fn categories_said_with_target_for_indicator() {
        assert_eq!(level1("产出目标"), Level1::Output);
        assert_eq!(level1("產出目標"), Level1::Output);
        assert_eq!(level1("效益目标"), Level1::Effect);
        assert_eq!(level1("满意度目标"), Level1::Satisfaction);
        assert_eq!(level2("数量目标"), Level2::Quantity);
        assert_eq!(level2("社会效益目标"), Level2::SocialBenefit);
        // Words that are no category with 指标 are none with 目标 either.
        assert_eq!(level1("绩效目标"), Level1::Other);
        assert_eq!(level1("总体目标"), Level1::Other);
        assert_eq!(level1("目标"), Level1::Other);
        assert_eq!(level2("年度目标"), Level2::Other);
        assert_eq!(level1("产出值"), Level1::Output);
        assert_eq!(level2("经济效益值"), Level2::EconomicBenefit);
        assert_eq!(level1("目标值"), Level1::Other);
        assert_eq!(level1("指标值"), Level1::Other);
    }

    #[test]
    fn level2_accepts_both_sustainability_spellings() {
        assert_eq!(level2("可持续性影响指标"), Level2::Sustainability);
        assert_eq!(level2("可持续影响指标"), Level2::Sustainability);
        assert_eq!(level2("生态环境成本指标"), Level2::EcologicalCost);
        assert_eq!(level2("新指标"), Level2::Other);
        // An evaluation indicator system's level-2s under 产出 / 效益.
        assert_eq!(level2("产出数量"), Level2::Quantity);
        assert_eq!(level2("产出时效"), Level2::Timeliness);
        assert_eq!(level2("项目效益"), Level2::Benefit);
    }

    #[test]
    fn level2_labels_as_real_tables_write_them() {
        assert_eq!(level2("经济效益 指标"), Level2::EconomicBenefit);
        assert_eq!(level2("经济效益\n指标"), Level2::EconomicBenefit);
        assert_eq!(level2("服务对象满意度指标等"), Level2::ServiceSatisfaction);
        assert_eq!(level2("社会公众或服务对象满意度指标"), Level2::ServiceSatisfaction);
        assert_eq!(level2("游客满意度"), Level2::Other);
        assert_eq!(level2("社会、经济、生态效益 指标"), Level2::Benefit);
        assert_eq!(level2("预算(或投资规模)控制指标"), Level2::Cost);
        assert_eq!(level2("数量指标(或建筑规模指标)"), Level2::Quantity);
        assert_eq!(level2("时效指标(工期指标、形象进度指标)"), Level2::Timeliness);
    }

    #[test]
    fn headers_decide_roles() {
        assert!(is_header_row(["一级指标", "二级指标", "三级指标", "指标值"]));
        assert!(is_header_row(["项目绩效指标", "指标", "指标内容", "指标值"]));
        assert!(!is_header_row(["指标", "指标值"]));
        assert!(!is_header_row(["绩效目标", "保障项目正常运行"]));
        assert_eq!(column_role("一级指标(分值)"), ColumnRole::Level1);
        assert_eq!(column_role("一级 指标"), ColumnRole::Level1);
        assert_eq!(column_role("备注"), ColumnRole::Extra);
        assert_eq!(column_role("指标值(150字内)"), ColumnRole::Target);
        assert_eq!(column_role("计划指标值(或计划水平)"), ColumnRole::Target);
        assert_eq!(column_role("实际完成值(B)"), ColumnRole::Actual);
        assert_eq!(column_role("年初目标值(A)"), ColumnRole::Target);
        assert_eq!(column_role("指标性质"), ColumnRole::Sign);
        assert_eq!(column_role("1-6月执行数"), ColumnRole::Progress);
        assert_eq!(column_role("1-X月执行情况"), ColumnRole::Progress);
        assert_eq!(column_role("全年预计完成"), ColumnRole::Expected);
        assert_eq!(column_role("年度指标值/指标性质"), ColumnRole::Sign);
        assert_eq!(column_role("年度指标值/说明"), ColumnRole::Target);
        assert_eq!(column_role("半年(程) 指标值"), ColumnRole::Extra);
        assert_eq!(column_role("全年(程) 指标值"), ColumnRole::Target);
        assert_eq!(column_role("半年执行数"), ColumnRole::Progress);
    }

    #[test]
    fn header_words_give_roles() {
        use ColumnRole::*;
        let cases = [
            ("指标值及单位", Target),
            ("目标值(标准)", Target),
            ("考核标准", Target),
            ("计划值", Target),
            ("指标值(或计划水平)", Target),
            ("年度目标值及单位", Target),
            ("中期目标值及单位", MidTarget),
            ("实际完成数", Actual),
            ("计划完成值", Target),
            ("计划完成数量", Target),
            ("预期完成值", Target),
            ("实际完成值(与计划值比)", Actual),
            ("实际值及单位", Actual),
            ("年度实际完成情况", Actual),
            ("计量 单位", Unit),
            ("指标值单位", Target),
            ("指标权重(%)", Weight),
            ("分值权重", Weight),
            ("自评得分(分)", Score),
            ("偏差原因及改进措施说明", Deviation),
            ("未完成原因及措施", Deviation),
            ("备注说明", Extra),
            ("指标值说明", Extra),
            ("指标值设定依据及说明", Basis),
            ("指标值解释", Basis),
            ("评(扣)分标准", Extra),
            ("评分标准(分)", Extra),
            ("评价标准", Extra),
            ("完成可能性分析", Likelihood),
            ("计划完成时限", Due),
            ("二级指标名称", Level2),
            ("三级指标内容", Name),
            ("指标方向", Direction),
            ("年度指标值/指标性质", Sign),
            ("实施单位", Extra),
            ("完成情况", Extra),
        ];
        for (label, role) in cases {
            assert_eq!(column_role(label), role, "{label}");
        }
        // The known labels stay exact: 绩效标准 is layout C's basis, 指标内容 a description.
        assert_eq!(column_role("绩效标准"), Basis);
        assert_eq!(column_role("指标内容"), Description);
        assert_eq!(column_role("实际完成值"), Actual);
        assert_eq!(column_role("指标值确定依据"), Basis);
        assert_eq!(column_role("单位名称"), UnitName);
        assert_eq!(column_role("单位(专项)名称"), Project);
        // The framework's own level-2s imply 决策 and 过程; the classic form's imply theirs.
        use crate::model::Level1 as L;
        let implied: Vec<L> = ["产出数量指标", "社会效益", "项目立项", "资金管理", "制度指标", "培训"].iter().map(|l| level1_implied_by(l)).collect();
        assert_eq!(implied, [L::Output, L::Effect, L::Decision, L::Process, L::Process, L::Other]);
        // 目标 for 指标 in the level labels, in either script; 專 folds as 专 does.
        assert_eq!((column_role("一級目標(biāo)"), column_role("二级目标"), column_role("三級目標")), (Level1, Level2, Name));
        assert_eq!(key("專項名稱").as_str(), "专项名称");
        assert_eq!((column_role("实施进度"), column_role("执行进度"), column_role("计划进度")), (Progress, Progress, Extra));
        assert_eq!(column_role("*指标值"), Target);
        assert_eq!(column_role("指标值类型"), Sign, "定量 / 定性, or the sign (Hunan)");
        assert_eq!(column_role("指标类型"), Extra);
        for label in ["上年实际完成值", "去年完成值", "上年度实际值", "上年指标值"] {
            assert_eq!(column_role(label), Extra, "{label}: last year's, a baseline");
        }
        assert_eq!(column_role("指標(biāo)值類型"), Sign);
        // A cell of prose is no label, whatever words it holds.
        assert_eq!(column_role("根据实际完成情况确定本年度指标值的具体数值"), Extra);
    }

    #[test]
    fn keys_longer_than_the_stack_buffer_move_to_the_heap_whole() {
        let long = "很长的标签".repeat(10);
        assert!(long.len() > KEY_INLINE);
        assert_eq!(key(&format!("{long}（注）：")).as_str(), long);
        assert!(matches!(key("一级指标"), Key::Inline { .. }));
        assert_eq!(key("（空）").as_str(), "(空)");
        assert_eq!(key("  产出指标 等："), "产出指标");
        assert!(short_key(&long).is_err());
        assert_eq!(short_key("指标值（定性指标填写具体说明，定量指标填写数值和单位，例如：≥95%、≤30天、100万元）").unwrap().as_str(), "指标值");
        assert_eq!(column_role(&format!("一级指标{long}")), ColumnRole::Level1, "prefix rules still see a long label");
        assert_eq!(column_role(&long), ColumnRole::Extra);
        assert_eq!(level2(&format!("数量指标{long}")), Level2::Other);
    }

    #[test]
    fn footers_and_blank_rows() {
        assert!(is_footer_label("合计"));
        assert!(is_footer_label("分项小计"));
        assert!(is_footer_label("其他需说明的问题"));
        assert!(is_footer_label("预算绩效评价结果"));
        assert!(!is_footer_label("其他资金"));
        assert!(is_footer_label("项目负责人:"));
        assert!(is_footer_label("财政部门绩效评价股审核意见"));
        assert!(!is_footer_label("产出指标"));
        assert!(is_footer_label("偏差大或 目标未完成 原因分析"));
        assert!(is_footer_label("偏差或不能完成目标原因分析"));
        assert!(is_footer_label("相关建议或举措"));
        // A column of the header is no footer's label.
        assert!(!is_footer_label("偏差原因分析及改进措施"));
        for signature in [
            "项目负责人:张三",
            "填报人：",
            "填报人： 李四",
            "联系电话：0833-1234567",
            "填报日期：2023年7月1日",
            "单位负责人（签章）：王五",
            "审核人 赵六",
            "项目负责人张三",
        ] {
            assert!(is_footer_label(signature), "{signature}");
            assert!(is_signature_label(signature), "{signature}");
        }
        for name in ["联系群众次数", "培训人数", "日期指标完成率", "电话回访满意度"] {
            assert!(!is_signature_label(name), "{name}");
        }
        assert!(is_blank_form_name("指标1"));
        // An OCR layer's 1 (yinchuan's 指标L); a real name is never one letter.
        assert!(is_blank_form_name("指标L"));
        assert!(is_blank_form_name("指标l:"));
        assert!(!is_blank_form_name("指标AB"));
        assert!(is_blank_form_name("……"));
        assert!(!is_blank_form_name("指标名称"));
        assert!(is_blank_form_name("（备用）指标 2"));
        assert!(is_blank_form_name("　…… "));
        assert!(!is_blank_form_name("培训人次"));
        assert_eq!(bracket_unit("年度预算数(万元)"), Some("万元"));
        for score in ["(50分)", "（30分）", "20分", "(12.5分)"] {
            assert!(is_score_only(score), "{score}");
        }
        for label in ["产出指标(50分)", "(分)", "分", "50", "满意度"] {
            assert!(!is_score_only(label), "{label}");
        }
    }

    #[test]
    fn a_label_whose_characters_a_text_layer_scrambled_takes_the_known_labels_role() {
        assert_eq!(unscrambled("考值参分"), Some("参考分值"));
        // The two lines of 全年 / 完成值 read across, a character twice.
        assert_eq!(unscrambled("年成值全完值"), Some("全年完成值"));
        assert_eq!(unscrambled("分值"), None, "two characters are too few to tell");
        assert_eq!(unscrambled("参考资料"), None);
        let roles = header_roles(&["一级指标", "二级指标", "三级指标", "考值参分", "指标值", "年成值全完值", "得分"]);
        assert_eq!(roles[3], ColumnRole::Weight);
        assert_eq!(roles[5], ColumnRole::Actual);
        // Only for a role the header lacks: beside a 分值 column it stays unknown.
        let roles = header_roles(&["一级指标", "三级指标", "分值", "考值参分", "指标值"]);
        assert_eq!(roles[3], ColumnRole::Extra);
    }
}
