//! The model's enumerations as the C enums' fixed values: the one place each mapping is
//! written, used by the getters and by the `jx_*_name` functions (names.rs).

use jixiao::{Comparator, Direction, Level2, Likelihood, SectionKind, TableKind, TargetKind, UnitKind};

use crate::types::*;

pub(crate) fn target_kind_code(k: TargetKind) -> jx_target_kind {
    use jx_target_kind::*;
    match k {
        TargetKind::Empty => JX_TARGET_EMPTY,
        TargetKind::Quantity => JX_TARGET_QUANTITY,
        TargetKind::Range => JX_TARGET_RANGE,
        TargetKind::Compound => JX_TARGET_COMPOUND,
        TargetKind::Qualitative => JX_TARGET_QUALITATIVE,
        TargetKind::AsActual => JX_TARGET_AS_ACTUAL,
        TargetKind::Deadline => JX_TARGET_DEADLINE,
        TargetKind::Placeholder => JX_TARGET_PLACEHOLDER,
    }
}

pub(crate) fn comparator_code(c: Option<Comparator>) -> jx_comparator {
    use jx_comparator::*;
    match c {
        None => JX_COMPARATOR_NONE,
        Some(Comparator::Ge) => JX_COMPARATOR_GE,
        Some(Comparator::Gt) => JX_COMPARATOR_GT,
        Some(Comparator::Eq) => JX_COMPARATOR_EQ,
        Some(Comparator::Lt) => JX_COMPARATOR_LT,
        Some(Comparator::Le) => JX_COMPARATOR_LE,
    }
}

pub(crate) fn unit_kind_code(u: Option<UnitKind>) -> jx_unit_kind {
    use jx_unit_kind::*;
    match u {
        None => JX_UNIT_NONE,
        Some(UnitKind::Percent) => JX_UNIT_PERCENT,
        Some(UnitKind::Permille) => JX_UNIT_PERMILLE,
        Some(UnitKind::Count) => JX_UNIT_COUNT,
        Some(UnitKind::Money) => JX_UNIT_MONEY,
        Some(UnitKind::Duration) => JX_UNIT_DURATION,
        Some(UnitKind::Area) => JX_UNIT_AREA,
        Some(UnitKind::Length) => JX_UNIT_LENGTH,
        Some(UnitKind::Score) => JX_UNIT_SCORE,
        Some(UnitKind::Rate) => JX_UNIT_RATE,
        Some(UnitKind::Other) => JX_UNIT_OTHER,
    }
}

pub(crate) fn direction_code(d: Option<Direction>) -> jx_direction {
    use jx_direction::*;
    match d {
        None => JX_DIRECTION_NONE,
        Some(Direction::Increase) => JX_DIRECTION_INCREASE,
        Some(Direction::Decrease) => JX_DIRECTION_DECREASE,
        Some(Direction::Maintain) => JX_DIRECTION_MAINTAIN,
        Some(Direction::Complete) => JX_DIRECTION_COMPLETE,
    }
}

pub(crate) fn likelihood_code(l: Option<Likelihood>) -> jx_likelihood {
    use jx_likelihood::*;
    match l {
        None => JX_LIKELIHOOD_NONE,
        Some(Likelihood::Certain) => JX_LIKELIHOOD_CERTAIN,
        Some(Likelihood::Possible) => JX_LIKELIHOOD_POSSIBLE,
        Some(Likelihood::Impossible) => JX_LIKELIHOOD_IMPOSSIBLE,
    }
}

pub(crate) fn table_kind_code(k: TableKind) -> jx_table_kind {
    use jx_table_kind::*;
    match k {
        TableKind::Target => JX_TABLE_TARGET,
        TableKind::SelfEvaluation => JX_TABLE_SELF_EVALUATION,
        TableKind::Monitoring => JX_TABLE_MONITORING,
        TableKind::DepartmentWide => JX_TABLE_DEPARTMENT_WIDE,
    }
}

pub(crate) fn section_kind_code(k: SectionKind) -> jx_section_kind {
    use jx_section_kind::*;
    match k {
        SectionKind::Other => JX_SECTION_OTHER,
        SectionKind::SpecialFund => JX_SECTION_SPECIAL_FUND,
        SectionKind::BudgetProject => JX_SECTION_BUDGET_PROJECT,
        SectionKind::DepartmentWide => JX_SECTION_DEPARTMENT_WIDE,
    }
}

pub(crate) fn level2_code(l: Level2) -> jx_level2 {
    use jx_level2::*;
    match l {
        Level2::Other => JX_LEVEL2_OTHER,
        Level2::Quantity => JX_LEVEL2_QUANTITY,
        Level2::Quality => JX_LEVEL2_QUALITY,
        Level2::Timeliness => JX_LEVEL2_TIMELINESS,
        Level2::Cost => JX_LEVEL2_COST,
        Level2::EconomicCost => JX_LEVEL2_ECONOMIC_COST,
        Level2::SocialCost => JX_LEVEL2_SOCIAL_COST,
        Level2::EcologicalCost => JX_LEVEL2_ECOLOGICAL_COST,
        Level2::EconomicBenefit => JX_LEVEL2_ECONOMIC_BENEFIT,
        Level2::SocialBenefit => JX_LEVEL2_SOCIAL_BENEFIT,
        Level2::EcologicalBenefit => JX_LEVEL2_ECOLOGICAL_BENEFIT,
        Level2::Sustainability => JX_LEVEL2_SUSTAINABILITY,
        Level2::ServiceSatisfaction => JX_LEVEL2_SERVICE_SATISFACTION,
        Level2::Benefit => JX_LEVEL2_BENEFIT,
    }
}
