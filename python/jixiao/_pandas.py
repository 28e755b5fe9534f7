"""pandas frames: Document.to_pandas() (one row per indicator, the CSV columns, real types),
findings_frame() (one row per review finding) and ScoreReport.to_pandas() (one row per scored
indicator and execution rate)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

if TYPE_CHECKING:
    from jixiao._native import Document, ScoreReport

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


def _pandas(what: str) -> Any:
    try:
        import pandas as pd  # type: ignore[import-untyped]
    except ImportError as e:
        raise ImportError(
            f"{what} needs pandas, which is not installed: "
            "pip install pandas (or pip install 'jixiao[pandas]')"
        ) from e
    return pd


def to_pandas(doc: "Document") -> Any:
    pd = _pandas("Document.to_pandas()")
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


Documents = Union["Document", Mapping[str, "Document"], Iterable["Document"]]


def _named(docs: Documents) -> List[Tuple[Optional[str], "Document"]]:
    from jixiao._native import Document

    if isinstance(docs, Document):
        return [(None, docs)]
    if isinstance(docs, Mapping):
        return [(str(name), doc) for name, doc in docs.items()]
    return [(None, doc) for doc in docs]


def findings_frame(
    docs: Documents,
    *,
    allow: Sequence[str] = (),
    info: Sequence[str] = (),
    warn: Sequence[str] = (),
    deny: Sequence[str] = (),
) -> Any:
    """One row per review finding of one document, of many, or of a mapping file → document
    (the keys fill the ``file`` column); the columns of FINDING_COLUMNS. ``severity`` and
    ``rule`` are categoricals with every value known; a missing text or number is ``NA``."""
    pd = _pandas("jixiao.findings_frame()")
    from jixiao._native import FINDING_COLUMNS, enum_values

    rows: List[List[Any]] = []
    for name, doc in _named(docs):
        for f in doc.review(allow=list(allow), info=list(info), warn=list(warn), deny=list(deny)):
            rows.append([
                name, f.rule, f.severity, str(f.location), f.line, f.section_number, f.table_number,
                f.table_name, f.indicator, f.text, f.message, f.message_zh, f.suggestion, f.suggestion_zh,
            ])
    columns = {name: [row[k] for row in rows] for k, name in enumerate(FINDING_COLUMNS)}
    values = enum_values()
    frame = pd.DataFrame({name: pd.array(columns[name], dtype="string") for name in FINDING_COLUMNS})
    frame["rule"] = pd.Categorical(columns["rule"], categories=values["rule"])
    frame["severity"] = pd.Categorical(columns["severity"], categories=["info", "warning", "error"], ordered=True)
    frame["line"] = pd.array(columns["line"], dtype="int64")
    for column in ("section_number", "table_number"):
        frame[column] = pd.array(columns[column], dtype="Int64")
    return frame


def score_frame(report: "ScoreReport") -> Any:
    """One row per scored indicator, and one per table for the execution rate (``level1`` is
    ``"execution"``); the columns of SCORE_COLUMNS, numbers as floats with NA where missing."""
    pd = _pandas("ScoreReport.to_pandas()")
    from jixiao._native import SCORE_COLUMNS, enum_values

    rows: List[List[Any]] = []
    for t in report.tables:
        head = [None, t.section_number, t.table_number, t.name]
        tail = [t.total, t.grade]
        for i in t.indicators:
            rows.append(head + [i.level1, i.name, i.line, i.target, i.actual, i.weight, i.weight_given, i.score, i.rule, i.band,
                                i.reported_score, i.difference] + tail)
        if t.execution is not None:
            e = t.execution
            rows.append(head + ["execution", "预算执行率", e.line, None, None, e.weight, True, e.score, "execution", None,
                                e.reported_score, e.difference] + tail)
    columns = {name: [row[k] for row in rows] for k, name in enumerate(SCORE_COLUMNS)}
    values = enum_values()
    frame = pd.DataFrame({name: pd.array(columns[name], dtype="string") for name in SCORE_COLUMNS})
    frame["level1"] = pd.Categorical(columns["level1"], categories=values["level1"] + ["execution"])
    frame["rule"] = pd.Categorical(columns["rule"], categories=values["score_rule"] + ["execution"])
    frame["band"] = pd.Categorical(columns["band"], categories=values["band"])
    for column in ("weight", "score", "reported_score", "difference", "table_total"):
        frame[column] = pd.array(columns[column], dtype="Float64")
    for column in ("section_number", "table_number"):
        frame[column] = pd.array(columns[column], dtype="Int64")
    frame["line"] = pd.array(columns["line"], dtype="int64")
    frame["weight_given"] = pd.array(columns["weight_given"], dtype="boolean")
    return frame
