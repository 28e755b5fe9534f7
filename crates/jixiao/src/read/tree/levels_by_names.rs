//! Groups whose labels say no level, filed by what their indicators' names say.

use crate::grammar::labels;
use crate::model::{Category, Level1, Level2, SubCategory};

/// A level-1 group whose own label and level-2 labels name no level (a copy that kept only the
/// points, `(20分)` over `(10分)`; a group word that may mean two levels, `(三)项目实施`) takes
/// the level its indicators' names say (`完成数量`, `经济效益`: see [`labels::level1_by_name`]).
/// Each level-2 decides for itself, when every name in it that says a level says the same one
/// and at least half its names say it (one 满意度 among names of no level's words decides
/// nothing); a level-2 whose names say none goes with the one before it (the first with the one
/// after). Only a group with a label: rows under no label at all (a table with no level column)
/// are not grouped by their names.
/// When the level-2s decide differently (`(特性指标70分)` over `(20)` 完成数量… and `(50分)`
/// 经济效益), the group is filed under each level in turn with its label, as an umbrella is.
/// Names that disagree within a level-2 give it none: the group stays unknown.
pub fn levels_by_names(categories: &mut Vec<Category>) {
    // Rebuilt in one pass: removing and inserting in place would be quadratic in the groups.
    let mut out: Vec<Category> = Vec::with_capacity(categories.len());
    for c in std::mem::take(categories) {
        let unnamed = c.level1 == Level1::Other && !c.label.trim().is_empty() && labels::level1_by_words(&c.label) == Level1::Other;
        let levels = unnamed.then(|| children_levels(&c.children)).flatten();
        let Some(levels) = levels else {
            out.push(c);
            continue;
        };
        let (label, location) = (c.label, c.location);
        let first = out.len();
        for (child, level1) in c.children.into_iter().zip(levels) {
            let filed = out.len() > first;
            match out.last_mut() {
                Some(run) if filed && run.level1 == level1 => run.children.push(child),
                _ => {
                    let location = if filed { child.location.clone() } else { location.clone() };
                    out.push(Category { level1, label: label.clone(), children: vec![child], location });
                }
            }
        }
    }
    *categories = out;
}

/// The level each level-2 of a group stands for, by its label's words when they say one, else
/// by its names, with the undecided ones filled from their neighbours; None when no level-2
/// decides, when one's names disagree, or when a form's level-2 implies a level of its own.
fn children_levels(children: &[SubCategory]) -> Option<Vec<Level1>> {
    let mut levels = Vec::with_capacity(children.len());
    for s in children {
        // A form's level-2 that implies a level (成本指标) was placed by it already; a group
        // label in its own words that says one (`预算执行(18分)` under `执行(35分)`) is of that level.
        if labels::level2(&s.label) != Level2::Other {
            if labels::level1_implied_by(&s.label) != Level1::Other {
                return None;
            }
        } else {
            let by_label = labels::level1_by_words(&s.label);
            if by_label != Level1::Other {
                levels.push(Some(by_label));
                continue;
            }
        }
        let said: Vec<Level1> = s.indicators.iter().map(|i| labels::level1_by_name(&i.name)).filter(|&l| l != Level1::Other).collect();
        let first = said.first().copied();
        if said.iter().any(|&l| Some(l) != first) {
            return None;
        }
        levels.push(first.filter(|_| said.len() * 2 >= s.indicators.len()));
    }
    let first = levels.iter().flatten().next().copied()?;
    let mut last = first;
    Some(
        levels
            .into_iter()
            .map(|l| {
                last = l.unwrap_or(last);
                last
            })
            .collect(),
    )
}
