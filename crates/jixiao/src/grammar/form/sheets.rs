//! Sheet names as jixiao writes and reads them: `专项3-城乡居民…` is the third special fund,
//! `项目2-…` the second budget project; Excel allows 31 characters and none of `[]:*?/\`.

use crate::model::SectionKind;

/// The first sheet jixiao writes for a document's title and overview (第一部分), a line a
/// cell in column A: read back as the lines of a text save, not as notes.
pub const OVERVIEW_SHEET: &str = "概况";

/// `专项3-城乡居民…` → (special_fund, Some(3)); `2-…` → (other, Some(2)).
pub fn sheet_kind(name: &str) -> (SectionKind, Option<u32>) {
    let kind = if name.starts_with("整体") {
        SectionKind::DepartmentWide
    } else if name.starts_with("专项") {
        SectionKind::SpecialFund
    } else if name.starts_with("项目") {
        SectionKind::BudgetProject
    } else {
        SectionKind::Other
    };
    let rest = name.trim_start_matches(|c: char| !c.is_ascii_digit());
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (kind, digits.parse().ok())
}

/// The name after a sheet's leading number: `专项3-城乡居民…` → `城乡居民…`.
pub fn sheet_table_name(name: &str) -> &str {
    match name.find(['-', '、', '_']) {
        Some(i) if name[..i].chars().any(|c| c.is_ascii_digit()) => &name[i + name[i..].chars().next().map_or(1, char::len_utf8)..],
        _ => name,
    }
}

/// A text as a sheet name: the characters Excel refuses become `_`, and at most 31 are kept.
pub fn sheet_safe(text: &str) -> String {
    text.chars().map(|c| if "[]:*?/\\'".contains(c) { '_' } else { c }).take(31).collect()
}

/// Whether a lone cell above a table is the sheet's name, as the writer made it from a title:
/// the same text once made safe, cut to 31 characters, maybe with a `~2` that kept it unique.
pub fn names_sheet(text: &str, sheet: &str) -> bool {
    let base = match sheet.rsplit_once('~') {
        Some((base, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => base,
        _ => sheet,
    };
    let safe = sheet_safe(text);
    safe == sheet || (!base.is_empty() && safe.starts_with(base) && (safe == base || sheet.chars().count() == 31))
}

/// A number as Excel shows it in General format: at most 15 significant digits, no trailing zeros.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    if v == v.trunc() && v.abs() < 1e15 {
        return format!("{}", v as i64);
    }
    let rounded: f64 = format!("{v:.14e}").parse().unwrap_or(v);
    format!("{rounded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_names_the_sheet_made_from_it() {
        assert!(names_sheet("专项1-补助被征地农民支出(人社)", "专项1-补助被征地农民支出(人社)"));
        assert!(names_sheet("部门项目", "部门项目~2"));
        assert!(names_sheet("a/b", "a_b"));
        let long = "某某县某某镇人民政府2023年度村级组织运转经费及村干部报酬补助项目";
        assert!(names_sheet(long, &sheet_safe(long)));
        let cut: String = sheet_safe(long).chars().take(29).collect();
        assert!(names_sheet(long, &format!("{cut}~2")));
        assert!(!names_sheet("单位：万元", "专项1-补助"));
        assert!(!names_sheet("部门项目", "部门项目经费"));
    }

    #[test]
    fn kinds_and_numbers() {
        assert_eq!(sheet_kind("专项3-城乡居民"), (SectionKind::SpecialFund, Some(3)));
        assert_eq!(sheet_kind("部门项目"), (SectionKind::Other, None));
        assert_eq!(sheet_table_name("专项3-城乡居民"), "城乡居民");
    }
}
