"""Document.review(): the findings a reviewer wrote for the sample, the settings, the frame."""

import json
import pickle

import jixiao
import pytest

from conftest import DATA


def by_rule(findings):
    out = {}
    for f in findings:
        out.setdefault(f.rule, []).append(f.line)
    return out


def test_sample_findings(doc):
    findings = doc.review()
    got = by_rule(findings)
    # Written by reading the sample (the same reading as crates/jixiao/tests/review.rs).
    assert got["vacuous-target"] == [2258, 2293, 2308, 2315]
    assert got["as-actual-target"] == [1116, 1151, 1655, 1683]
    assert got["empty-target"] == [240, 786, 1248]
    assert got["toc-mismatch"] == [109, 109]
    assert got["stray-digit"] == [2488]
    assert "missing-sign" not in got and "numbering" not in got
    assert len(findings) == 46
    f = next(f for f in findings if f.rule == "vacuous-target")
    assert (f.severity, f.section_number, f.table_number, f.table_name) == ("error", 3, 6, "司法业务经费")
    assert (f.indicator, f.text, str(f.location)) == ("为群众提供法律援助", "≥0件", "line 2258")
    assert "≥0件" in f.message_zh and f.suggestion and f.suggestion_zh
    assert f.to_dict()["location"] == {"line": 2258}
    assert "vacuous-target" in repr(f)


def test_settings(doc):
    findings = doc.review(allow=["shared-objective"], info=["missing-sign"], deny=["warnings"])
    rules = {f.rule for f in findings}
    assert "shared-objective" not in rules and "missing-sign" in rules
    assert all(f.severity != "warning" for f in findings)
    with pytest.raises(jixiao.UsageError, match="unknown review rule 'nope'"):
        doc.review(deny=["nope"])
    with pytest.raises(ValueError):
        doc.review(allow=["nope"])
    with pytest.raises(TypeError):
        doc.review(allow="vacuous-target")


def test_findings_compare_and_pickle(doc):
    a, b = doc.review(), doc.review()
    assert a == b
    assert pickle.loads(pickle.dumps(a)) == a


def test_rules_and_schema():
    rules = jixiao.review_rules()
    assert len(rules) == 25 and rules[0]["id"] == "missing-level1" and rules[-1]["id"] == "headless-table"
    assert {"id": "missing-sign", "default": None} .items() <= next(r for r in rules if r["id"] == "missing-sign").items()
    assert jixiao.enum_values()["rule"] == [r["id"] for r in rules]
    schema = jixiao.findings_schema()
    assert schema["title"] == "jixiao findings"
    pytest.importorskip("jsonschema").validate({"findings": [f.to_dict() for f in jixiao.read(DATA / "000_3e963503b18f6771.docx").review()]}, schema)


def test_findings_frame(doc):
    pd = pytest.importorskip("pandas")
    frame = jixiao.findings_frame({"sample.txt": doc, "selfeval.txt": jixiao.read(DATA / "selfeval-2023.txt")})
    assert list(frame.columns) == jixiao.FINDING_COLUMNS
    assert len(frame) == 46
    assert set(frame["file"]) == {"sample.txt"}
    assert isinstance(frame["severity"].dtype, pd.CategoricalDtype) and frame["severity"].cat.ordered
    assert (frame["severity"] >= "warning").sum() == 40
    assert frame["line"].dtype == "int64" and str(frame["table_number"].dtype) == "Int64"
    # A table finding has no indicator: NA, not "" or None.
    toc = frame[frame["rule"] == "toc-mismatch"].iloc[0]
    assert toc["indicator"] is pd.NA and toc["location"] == "line 109"
    counts = frame.groupby("rule", observed=True).size()
    assert counts["copied-text"] == 9
    # One document, or a list of them (no file names).
    assert len(jixiao.findings_frame(doc)) == 46
    assert jixiao.findings_frame([doc, doc])["file"].isna().all()
    assert len(jixiao.findings_frame([])) == 0
