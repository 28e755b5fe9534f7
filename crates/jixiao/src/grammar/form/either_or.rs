//! 二者择其一: a pair of indicators of which only one is assessed (结转结余率 or 结转结余变动率,
//! in the budget-management 考核 sheets). The form merges the scoring standard that says so and
//! the weight over the pair, so the pair weighs the weight once, and a copy that lost the merge
//! (a CSV, a text save) writes both cells on the first row only. The reader gives the second row
//! the pair's weight; `weight-sum` counts it once.

use crate::grammar::is_blank;
use crate::model::Indicator;

/// Words that say only one of two rows is assessed. Only of two: `选择一批` holds 择一 and
/// `照片任选一项` (any one of the papers) 选一, and neither pairs rows.
const EITHER_OR: [&str; 8] = ["二者择其一", "两者择其一", "二者选其一", "两者选其一", "二者取其一", "两者取其一", "二选一", "两选一"];

pub fn says_either_or(text: &str) -> bool {
    EITHER_OR.iter().any(|w| text.contains(w))
}

/// Per indicator of one level-2, whether it is the second row of an either-or pair: a row right
/// after one whose cell says either-or, when its own cell there is empty or says the same (the
/// merged cell, written once or on each row), and its weight is none or the first's.
pub fn second_rows(indicators: &[Indicator]) -> Vec<bool> {
    let mut seconds = vec![false; indicators.len()];
    let mut k = 0;
    while let [first, next, ..] = &indicators[k..] {
        let merged = cells(first)
            .find(|(_, text)| says_either_or(text))
            .is_some_and(|(key, text)| cells(next).find(|(column, _)| *column == key).is_none_or(|(_, t)| is_blank(t) || t == text));
        if merged && first.weight.is_some() && !is_blank(&next.name) && next.weight.is_none_or(|w| Some(w) == first.weight) {
            seconds[k + 1] = true;
            k += 2;
        } else {
            k += 1;
        }
    }
    seconds
}

/// Which of a row's text cells: the description, the basis, or an extra column by its label.
#[derive(PartialEq)]
enum Column<'a> {
    Description,
    Basis,
    Extra(&'a str),
}

/// A row's text cells by their column.
fn cells(i: &Indicator) -> impl Iterator<Item = (Column<'_>, &str)> {
    [(Column::Description, i.description.as_str()), (Column::Basis, i.basis.as_str())]
        .into_iter()
        .chain(i.extra.iter().map(|(k, v)| (Column::Extra(k), v.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, standard: &str, weight: Option<f64>) -> Indicator {
        let mut i = Indicator { name: name.into(), weight, ..Indicator::default() };
        if !standard.is_empty() {
            i.extra.insert("评分标准".into(), standard.into());
        }
        i
    }

    #[test]
    fn the_row_after_an_either_or_standard_is_the_second_of_its_pair() {
        let rows = [
            row("一般公共预算支出实际完成率", "按完成比例计算得分", Some(20.0)),
            row("结转结余率", "二者择其一进行考核,按完成比例计算得分", Some(20.0)),
            row("结转结余变动率", "", None),
            row("应付账款率", "二者择其一进行考核", Some(10.0)),
            row("应付账款变动率", "二者择其一进行考核", Some(10.0)),
        ];
        assert_eq!(second_rows(&rows), [false, false, true, false, true]);
    }

    #[test]
    fn a_row_of_its_own_standard_or_weight_is_no_second() {
        // Its own standard, its own weight, or a first with no weight to share.
        let none = |rows: &[Indicator]| !second_rows(rows).contains(&true);
        assert!(none(&[row("a", "二选一", Some(5.0)), row("b", "按比例", None)]));
        assert!(none(&[row("a", "二选一", Some(5.0)), row("b", "", Some(3.0))]));
        assert!(none(&[row("a", "二选一", None), row("b", "", None)]));
        assert!(none(&[row("a", "二选一", Some(5.0))]));
        // Words that hold 择一 or 选一 but pair nothing.
        assert!(none(&[row("a", "在全县选择一批村开展示范", Some(20.0)), row("b", "", Some(20.0))]));
        assert!(none(&[row("a", "照片、台账任选一项即可得分", Some(5.0)), row("b", "", Some(5.0))]));
    }
}
