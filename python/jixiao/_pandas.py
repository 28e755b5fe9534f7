"""pandas frames: Document.to_pandas() and to_pandas(docs) (one row per indicator, the CSV
columns, real types), findings_frame() (one row per review finding) and ScoreReport.to_pandas()
(one row per scored indicator and execution rate). A missing value is ``pd.NA`` in every column
(nullable dtypes: ``string``, ``Float64``, ``Int64``, ``boolean``); in a categorical column it is
pandas' missing category, which ``isna()`` finds the same way."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

if TYPE_CHECKING:
    import pandas

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
    "unit_kind": "unit_kind",
    "direction": "direction",
}

# Numbers that may be missing: Float64 with NA.
_FLOAT = ("value", "upper", "value_yuan", "table_budget", "table_total_score", "actual_value", "weight", "reported_score")
_INT = ("section_number", "table_number", "table_year")
_BOOL = ("comparator_inferred", "sign_given")


def _pandas(what: str) -> Any:
    try:
        # Typed where pandas-stubs is installed, untyped elsewhere.
        import pandas as pd  # type: ignore[import-untyped,unused-ignore]
    except ImportError as e:
        raise ImportError(
            f"{what} needs pandas, which is not installed: "
            "pip install pandas (or pip install 'jixiao[pandas]')"
        ) from e
    return pd


def to_pandas(doc: "Document") -> "pandas.DataFrame":
    return _frame(_pandas("Document.to_pandas()"), doc._columns())


def _frame(pd: Any, columns: Dict[str, List[Any]]) -> "pandas.DataFrame":
    """The typed frame of CSV columns (lists with Python types and None for an empty text, as
    ``Document._columns`` gives). Built in one call from typed arrays: adding columns one by one
    costs pandas a copy each. A categorical is built from its codes, looked up here: pandas
    matching the values to the categories took a fifth of ``to_pandas``."""
    from jixiao._native import CSV_COLUMNS, enum_values

    values = enum_values()
    typed: Dict[str, Any] = {}
    for name in CSV_COLUMNS:
        data = columns[name]
        if name in _CATEGORICAL:
            categories = values[_CATEGORICAL[name]]
            code = {value: i for i, value in enumerate(categories)}
            typed[name] = pd.Categorical.from_codes([code.get(v, -1) for v in data], categories=categories)
        elif name in _FLOAT:
            typed[name] = pd.array(data, dtype="Float64")
        elif name in _INT:
            typed[name] = pd.array(data, dtype="Int64")
        elif name in _BOOL:
            typed[name] = pd.array(data, dtype="boolean")
        elif name == "line":
            typed[name] = pd.array(data, dtype="int64")
        else:
            typed[name] = pd.array(data, dtype="string")
    frame: "pandas.DataFrame" = pd.DataFrame(typed, index=pd.RangeIndex(len(columns["line"])), copy=False)
    return frame


# Documents as the frame builders take them: one, a mapping file → document (the keys fill the
# `file` column), or an iterable of documents and paths (a path is read, and fills `file`).
Documents = Union["Document", Mapping[str, "Document"], Iterable[Union["Document", str, "os.PathLike[str]"]]]


def _named(docs: Documents) -> Iterator[Tuple[Optional[str], "Document"]]:
    """Each document with its name, one at a time: the paths among ``docs`` are read ahead in
    parallel in Rust (``iter_many``), and each document can go once its rows are taken. A file
    that cannot be read raises what ``jixiao.read`` raises."""
    from jixiao._native import Document, iter_many

    if isinstance(docs, Document):
        yield None, docs
        return
    if isinstance(docs, Mapping):
        yield from ((str(name), doc) for name, doc in docs.items())
        return
    items = list(docs)
    read = iter_many([item for item in items if not isinstance(item, Document)])
    for item in items:
        if isinstance(item, Document):
            yield None, item
            continue
        doc = next(read)
        if isinstance(doc, BaseException):
            raise doc
        yield os.fspath(item), doc


def to_pandas_many(docs: Documents) -> "pandas.DataFrame":
    """One frame of every indicator of many documents, with a leading ``file`` column: the keys
    of a mapping, the paths of the files read (a path in ``docs`` is read as ``jixiao.read``
    reads it), or NA for a document given as such. Categoricals keep every value, as in
    ``Document.to_pandas()``. The columns of every document are gathered first and typed once:
    a frame per document would cost more than reading it."""
    pd = _pandas("jixiao.to_pandas()")
    from jixiao._native import CSV_COLUMNS

    files: List[Optional[str]] = []
    columns: Dict[str, List[Any]] = {name: [] for name in CSV_COLUMNS}
    for name, doc in _named(docs):
        own = doc._columns()
        files.extend([name] * len(own["line"]))
        for column, values in columns.items():
            values.extend(own[column])
    frame = _frame(pd, columns)
    frame.insert(0, "file", pd.array(files, dtype="string"))
    return frame


def findings_frame(
    docs: Documents,
    *,
    allow: Sequence[str] = (),
    info: Sequence[str] = (),
    warn: Sequence[str] = (),
    deny: Sequence[str] = (),
) -> "pandas.DataFrame":
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
    frame: "pandas.DataFrame" = pd.DataFrame({name: pd.array(columns[name], dtype="string") for name in FINDING_COLUMNS})
    frame["rule"] = pd.Categorical(columns["rule"], categories=values["rule"])
    frame["severity"] = pd.Categorical(columns["severity"], categories=["info", "warning", "error"], ordered=True)
    frame["line"] = pd.array(columns["line"], dtype="int64")
    for column in ("section_number", "table_number"):
        frame[column] = pd.array(columns[column], dtype="Int64")
    return frame


def score_frame(report: "ScoreReport") -> "pandas.DataFrame":
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
    frame: "pandas.DataFrame" = pd.DataFrame({name: pd.array(columns[name], dtype="string") for name in SCORE_COLUMNS})
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
