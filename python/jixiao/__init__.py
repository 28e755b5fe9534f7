"""jixiao (绩效): Chinese budget performance-target documents as one typed model.

    >>> import jixiao
    >>> doc = jixiao.read("tests/data/000_3e963503b18f6771.txt")
    >>> doc.year
    2020
    >>> jixiao.Target.parse("≥90%").comparator
    'ge'
    >>> [f.rule for f in doc.review()][:2]
    ['toc-mismatch', 'toc-mismatch']
"""

from __future__ import annotations

import json as _json
from typing import Any, Dict

from jixiao._errors import (
    EncodingError,
    JixiaoError,
    ParseError,
    UnsupportedFormatError,
    UsageError,
)
from jixiao._native import (
    CSV_COLUMNS,
    FINDING_COLUMNS,
    SCORE_COLUMNS,
    Amount,
    Category,
    Date,
    Document,
    DocumentIterator,
    Duty,
    ExecutionScore,
    Finding,
    Funds,
    FundsRow,
    Goal,
    GoalItem,
    Indicator,
    IndicatorScore,
    Level1Score,
    Location,
    Midterm,
    Note,
    Overview,
    Remark,
    ReplacedBytes,
    Responsibility,
    Safeguard,
    ScoreReport,
    Section,
    SubCategory,
    Subheading,
    Subtotal,
    Table,
    TableScore,
    Target,
    TargetPart,
    Toc,
    __version__,
    enum_values,
    parse,
    read,
    iter_many,
    read_many,
    review_rules,
)
from jixiao._html import Findings
from jixiao._pandas import findings_frame
from jixiao._pandas import to_pandas_many as to_pandas


def json_schema() -> Dict[str, Any]:
    """The JSON Schema of the document (draft 2020-12), as a dict."""
    from jixiao._native import schema_json

    result: Dict[str, Any] = _json.loads(schema_json())
    return result


def score_schema() -> Dict[str, Any]:
    """The JSON Schema of a score report, ``{"tables": [...], "findings": [...]}`` (draft 2020-12)."""
    from jixiao._native import score_schema_json

    result: Dict[str, Any] = _json.loads(score_schema_json())
    return result


def findings_schema() -> Dict[str, Any]:
    """The JSON Schema of the review's findings, ``{"findings": [...]}`` (draft 2020-12)."""
    from jixiao._native import findings_schema_json

    result: Dict[str, Any] = _json.loads(findings_schema_json())
    return result


__all__ = [
    "CSV_COLUMNS",
    "Amount",
    "Category",
    "Date",
    "Document",
    "DocumentIterator",
    "Duty",
    "EncodingError",
    "ExecutionScore",
    "FINDING_COLUMNS",
    "Finding",
    "Findings",
    "Funds",
    "FundsRow",
    "Goal",
    "GoalItem",
    "Indicator",
    "IndicatorScore",
    "JixiaoError",
    "Level1Score",
    "Location",
    "Midterm",
    "Note",
    "Overview",
    "ParseError",
    "Remark",
    "ReplacedBytes",
    "Responsibility",
    "SCORE_COLUMNS",
    "Safeguard",
    "ScoreReport",
    "Section",
    "SubCategory",
    "Subheading",
    "Subtotal",
    "Table",
    "TableScore",
    "Target",
    "TargetPart",
    "Toc",
    "UnsupportedFormatError",
    "UsageError",
    "__version__",
    "enum_values",
    "findings_frame",
    "findings_schema",
    "json_schema",
    "parse",
    "read",
    "iter_many",
    "read_many",
    "review_rules",
    "to_pandas",
    "score_schema",
]
