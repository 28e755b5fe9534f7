//! Number cells of funds blocks, budgets and subtotals: `238.93` under a `(万元)` label,
//! `8,827,620.53`, `100.00%`, `/`.

use crate::model::{Amount, Target, TargetKind};

/// Reads a number cell; `unit` is the unit its column label gives, used when the cell has none.
pub fn amount(raw: &str, unit: Option<&str>) -> Amount {
    let t = Target::parse(raw);
    let mut a = Amount { raw: raw.to_owned(), ..Amount::default() };
    if t.kind != TargetKind::Quantity || t.sign_given {
        return a;
    }
    a.value = t.value;
    match (t.unit, unit) {
        (Some(u), _) => {
            a.unit = Some(u);
            a.value_yuan = t.value_yuan;
        }
        (None, Some(u)) => {
            let scale = Target::parse(&format!("1{u}")).value_yuan;
            a.unit = Some(u.to_owned());
            a.value_yuan = scale.zip(a.value).map(|(s, v)| s * v);
        }
        (None, None) => {}
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_take_the_label_unit() {
        let a = amount("238.93", Some("万元"));
        assert_eq!((a.value, a.unit.as_deref()), (Some(238.93), Some("万元")));
        assert!((a.value_yuan.unwrap() - 2_389_300.0).abs() < 1e-6);
        let a = amount("8,827,620.53", None);
        assert_eq!((a.value, a.unit), (Some(8_827_620.53), None));
        let a = amount("100.00%", Some("万元"));
        assert_eq!((a.value, a.unit.as_deref(), a.value_yuan), (Some(100.0), Some("%"), None));
        assert_eq!(amount("/", None).value, None);
        assert_eq!(amount("/", None).raw, "/");
    }
}
