"""Document.to_pandas() and jixiao.to_pandas(docs): one row per indicator, typed columns, NA
for every missing value; a clear error without pandas."""

import os
import sys
from pathlib import Path

import jixiao
import pytest


def test_frame(doc):
    pd = pytest.importorskip("pandas")
    df = doc.to_pandas()
    assert list(df.columns) == jixiao.CSV_COLUMNS
    assert len(df) == 115
    for column in ("value", "upper", "value_yuan", "weight", "table_budget"):
        assert df[column].dtype == "Float64", column
    for column in ("section_kind", "level1", "level2", "target_kind", "comparator", "unit_kind", "direction"):
        assert isinstance(df[column].dtype, pd.CategoricalDtype), column
    assert list(df["level1"].cat.categories) == jixiao.enum_values()["level1"]
    assert df["line"].dtype == "int64"
    first = df.iloc[2]
    assert (first["level1"], first["comparator"], first["value"], first["unit"]) == ("satisfaction", "ge", 90.0, "%")
    assert (first["unit_kind"], bool(first["sign_given"]), first["location"]) == ("percent", True, "line 178")
    # Missing is NA everywhere: a unit, a number, a text, a code; never "" or a float NaN.
    qualitative = df[df["target_kind"] == "qualitative"].iloc[0]
    for column in ("unit", "value", "value_yuan", "table_code", "actual_raw"):
        assert qualitative[column] is pd.NA, column
    assert df["unit"].isna().sum() == (df["unit_kind"].isna()).sum()
    assert not (df.select_dtypes("string") == "").any().any(), "no empty strings"
    # Money compares across 元, 万元 and 亿元 (the sample has none; a parsed table does).
    money = jixiao.parse("第二部分 专项\n1、甲绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n"
                         "\t成本指标\n\t经济成本指标\n\t补助\n\t≤10万元\n\n").to_pandas()
    assert (money["unit_kind"][0], money["value_yuan"][0], money["direction"].isna()[0]) == ("money", 100000.0, True)
    # Frames of several documents concatenate with their categories intact.
    both = pd.concat([df, df], ignore_index=True)
    assert isinstance(both["level1"].dtype, pd.CategoricalDtype) and len(both) == 230


def test_without_pandas(doc, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        doc.to_pandas()


def test_many_documents_with_their_files():
    pd = pytest.importorskip("pandas")
    root = Path(__file__).resolve().parents[2] / "tests" / "data"
    paths = sorted((root / "real").glob("*.wordtext.txt"))
    df = jixiao.to_pandas(paths)
    assert list(df.columns) == ["file"] + jixiao.CSV_COLUMNS
    # Every document with indicators gives its rows, named by its file.
    counts = {os.fspath(p): len(jixiao.read(p).to_pandas()) for p in paths}
    assert set(df["file"]) == {p for p, n in counts.items() if n > 0}
    assert len(df) == sum(counts.values()) > 40
    assert isinstance(df["level1"].dtype, pd.CategoricalDtype)
    # A mapping names the documents; a document on its own has no file.
    doc = jixiao.read(paths[0])
    named = jixiao.to_pandas({"a.txt": doc, "b.txt": doc})
    assert list(named["file"].unique()) == ["a.txt", "b.txt"]
    assert jixiao.to_pandas(doc)["file"].isna().all()
    # No documents: every column, no rows.
    empty = jixiao.to_pandas([])
    assert list(empty.columns) == list(df.columns) and len(empty) == 0
    # Documents and paths mixed keep their order; the frame is typed as one document's.
    mixed = jixiao.to_pandas([doc, paths[1], doc])
    one = doc.to_pandas()
    assert len(mixed) == 2 * len(one) + len(jixiao.read(paths[1]).to_pandas())
    assert list(mixed["file"].isna()) == [True] * len(one) + [False] * (len(mixed) - 2 * len(one)) + [True] * len(one)
    assert list(mixed.dtypes)[1:] == list(one.dtypes)
    pd.testing.assert_frame_equal(mixed.iloc[: len(one), 1:].reset_index(drop=True), one)
    # A path that cannot be read raises what jixiao.read raises.
    with pytest.raises(FileNotFoundError):
        jixiao.to_pandas([paths[0], root / "no-such-file.txt"])
    with pytest.raises(jixiao.ParseError, match="targets.tsv"):
        jixiao.to_pandas([root / "targets.tsv", paths[0]])
