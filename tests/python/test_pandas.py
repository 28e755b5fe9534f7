"""Document.to_pandas(): one row per indicator, typed columns; a clear error without pandas."""

import sys

import jixiao
import pytest


def test_frame(doc):
    pd = pytest.importorskip("pandas")
    df = doc.to_pandas()
    assert list(df.columns) == jixiao.CSV_COLUMNS
    assert len(df) == 115
    assert df["value"].dtype == "float64" and df["upper"].dtype == "float64"
    for column in ("section_kind", "level1", "level2", "target_kind", "comparator"):
        assert isinstance(df[column].dtype, pd.CategoricalDtype), column
    assert list(df["level1"].cat.categories) == jixiao.enum_values()["level1"]
    assert df["line"].dtype == "int64"
    first = df.iloc[2]
    assert (first["level1"], first["comparator"], first["value"], first["unit"]) == ("satisfaction", "ge", 90.0, "%")
    # Frames of several documents concatenate with their categories intact.
    both = pd.concat([df, df], ignore_index=True)
    assert isinstance(both["level1"].dtype, pd.CategoricalDtype) and len(both) == 230


def test_without_pandas(doc, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        doc.to_pandas()
