"""Document.to_pandas(): one row per indicator, the CSV columns, real types."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jixiao._native import Document

# Columns that take one of a fixed set of values: pandas categoricals with every value known,
# so that frames of different documents concatenate without losing the categories.
_CATEGORICAL = {
    "section_kind": "section_kind",
    "level1": "level1",
    "level2": "level2",
    "target_kind": "target_kind",
    "comparator": "comparator",
    "table_kind": "table_kind",
    "likelihood": "likelihood",
}

# Numbers that may be missing: float64 with NaN.
_FLOAT = ("value", "upper", "table_budget", "table_total_score", "actual_value", "weight", "reported_score")


def to_pandas(doc: "Document") -> Any:
    try:
        import pandas as pd  # type: ignore[import-untyped]
    except ImportError as e:
        raise ImportError(
            "Document.to_pandas() needs pandas, which is not installed: "
            "pip install pandas (or pip install 'jixiao[pandas]')"
        ) from e
    from jixiao._native import CSV_COLUMNS, enum_values

    values = enum_values()
    columns = doc._columns()
    frame = pd.DataFrame({name: columns[name] for name in CSV_COLUMNS})
    for column, enum in _CATEGORICAL.items():
        data = [None if v == "" else v for v in columns[column]]
        frame[column] = pd.Categorical(data, categories=values[enum])
    for column in _FLOAT:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    frame["comparator_inferred"] = frame["comparator_inferred"].astype("bool")
    for column in ("section_number", "table_number", "table_year"):
        frame[column] = pd.array(columns[column], dtype="Int64")
    frame["line"] = frame["line"].astype("int64")
    return frame
