//! One naming rule for the header's accessors: `jx_<type>_<field>`, and `jx_<type>_get_<field>`
//! only where `jx_<type>_<field>` is itself a type's name (C has one namespace for both, so
//! `jx_table_kind` the enum forces `jx_table_get_kind`). List handles take `jx_<list>_get(i)`.
//! The deprecated `jx_indicator_get_likelihood` alias is the one exception, kept for 0.1 callers.

#[test]
fn accessors_follow_one_naming_rule() {
    let header = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../include/jixiao.h")).unwrap();
    let types: std::collections::BTreeSet<String> = header
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .zip(header.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).skip(1))
        .filter(|(kw, _)| matches!(*kw, "struct" | "enum"))
        .map(|(_, name)| name.to_owned())
        .chain(header.lines().filter_map(|l| l.strip_prefix("typedef uint32_t ").map(|t| t.trim_end_matches(';').to_owned())))
        .collect();
    // A function is a `jx_…` name right before `(`.
    let functions: Vec<&str> = header
        .match_indices("jx_")
        .filter_map(|(at, _)| {
            let rest = &header[at..];
            let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
            (rest[end..].starts_with('(') && (at == 0 || !header[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))).then(|| &rest[..end])
        })
        .collect();
    assert!(functions.len() > 100, "{} functions found", functions.len());
    let mut wrong = Vec::new();
    for f in &functions {
        if let Some((owner, field)) = f.split_once("_get_") {
            let plain = format!("{owner}_{field}");
            if !types.contains(&plain) && *f != "jx_indicator_get_likelihood" {
                wrong.push(format!("{f}: {plain} is no type, so the accessor is {plain}"));
            }
        } else if types.contains(*f) {
            wrong.push(format!("{f} is both a type and a function"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
