"""Document.score(): the sample workbook re-scored as computed by hand, actuals, rules, frames."""

import jixiao
import pytest

from conftest import DATA


def test_sample_workbook():
    report = jixiao.read(DATA / "selfeval-sample.xlsx").score()
    totals = [(round(t.total, 2), t.grade) for t in report.tables]
    # Computed by hand (crates/jixiao/tests/score.rs): 91.10 优, 93.29 优, 83.73 良, 85.82 良.
    assert totals == [(91.1, "优"), (93.29, "优"), (83.73, "良"), (85.82, "良")]
    t = report.tables[0]
    assert t.reported_total == 92.44
    first, _, satisfaction = t.indicators
    assert (first.rule, first.band, first.score) == ("qualitative", "achieved", 47.73)
    assert satisfaction.rule == "at_least" and satisfaction.score == pytest.approx(10 * 77.9 / 90)
    assert satisfaction.difference == pytest.approx(10 - 10 * 77.9 / 90)
    assert t.execution is not None and t.execution.rate == pytest.approx(173.19 / 200)
    assert [(l.level1, l.weight) for l in t.level1] == [("output", 50.0), ("effect", 30.0), ("satisfaction", 10.0)]
    assert [f.rule for f in report.findings] == ["score-mismatch"] * 4
    assert report.to_dict()["tables"][2]["grade"] == "良"
    assert report.to_csv().count("\r\n") == 17
    assert "tables=4" in repr(report)


def test_actuals_and_rules(doc, tmp_path):
    rows = [{"section": 3, "table": "11", "indicator": "参加培训的情况", "actual": "1800人"},
            {"section": 3, "table": "11", "indicator": "没有", "actual": "1"}]
    report = doc.score(actuals=rows)
    assert report.tables[0].indicators[0].score == pytest.approx(50.0)
    assert "unmatched-actual" in [f.rule for f in report.findings]
    assert [f.file for f in report.findings if f.rule == "unmatched-actual"] == [None]
    path = tmp_path / "actuals.csv"
    path.write_text("table,indicator,actual\n组织事务及干部培训经费,参加培训的情况,2000人\n", encoding="utf-8")
    report = doc.score(actuals=path)
    assert report.tables[0].indicators[0].score == pytest.approx(50 / 0.9)
    assert doc.score(actuals=path.read_bytes()).tables[0].indicators[0].score == pytest.approx(50 / 0.9)
    unmatched = tmp_path / "unmatched.csv"
    unmatched.write_text("table,indicator,actual\n组织事务及干部培训经费,没有,1\n", encoding="utf-8")
    assert [f.file for f in doc.score(actuals=unmatched).findings if f.rule == "unmatched-actual"] == [str(unmatched)]
    with pytest.raises(FileNotFoundError):
        doc.score(actuals=tmp_path / "missing.csv")
    with pytest.raises(jixiao.ParseError):
        doc.score(actuals=b"a,b\n1,2\n")
    strict = jixiao.read(DATA / "selfeval-sample.xlsx").score(rules={"tolerance": 2.5})
    assert strict.findings == []
    with pytest.raises(jixiao.UsageError, match="invalid scoring rules"):
        doc.score(rules={"tolerence": 1})


def test_score_frame():
    pd = pytest.importorskip("pandas")
    frame = jixiao.read(DATA / "selfeval-sample.xlsx").score().to_pandas()
    assert list(frame.columns) == jixiao.SCORE_COLUMNS
    assert len(frame) == 16
    assert str(frame["score"].dtype) == "Float64" and isinstance(frame["rule"].dtype, pd.CategoricalDtype)
    execution = frame[frame["level1"] == "execution"]
    assert len(execution) == 4 and execution["band"].isna().all()
    assert frame.groupby("table_number")["weight"].sum().tolist() == [100.0] * 4


def test_schema():
    schema = jixiao.score_schema()
    assert schema["title"] == "jixiao score"
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(jixiao.read(DATA / "selfeval-sample.xlsx").score().to_dict(), schema)
