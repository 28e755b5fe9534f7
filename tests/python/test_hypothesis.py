"""Every entry point fed arbitrary bytes and text (hypothesis): only jixiao's own errors,
TypeError or FileNotFoundError come out, never a crash or a bare Python error."""

import pathlib

import jixiao
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA

ALLOWED = (jixiao.JixiaoError, TypeError, FileNotFoundError)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

SAMPLE_LINES = (DATA / "000_3e963503b18f6771.txt").read_text(encoding="utf-8").splitlines()[100:400]

# Text that looks like the documents: sample lines, cut and mixed with arbitrary characters.
document_text = st.lists(
    st.one_of(st.sampled_from(SAMPLE_LINES), st.text(max_size=40), st.sampled_from(["\t", " TC ", "\\f B", "\u000c", "第二部分", "1、表绩效目标表"])),
    max_size=60,
).map("\n".join)


def only_allowed(call):
    try:
        call()
    except ALLOWED:
        pass


@FAST
@given(st.binary(max_size=4000))
def test_parse_bytes(data):
    only_allowed(lambda: jixiao.parse(data))


@FAST
@given(st.one_of(st.text(max_size=2000), document_text))
def test_parse_text_and_everything_after(text):
    try:
        doc = jixiao.parse(text)
    except ALLOWED:
        return
    # A document that reads survives every writer, the review and the scoring.
    assert jixiao.Document.from_json(doc.to_json()) == doc
    doc.to_csv(bom=True)
    doc.to_text()
    doc.to_xlsx()
    for f in doc.review(info=["missing-sign"]):
        assert f.message and f.suggestion_zh
    for t in doc.score().tables:
        for i in t.indicators:
            assert i.score is None or 0 <= i.score <= i.weight + 1e-9


@FAST
@given(st.text(max_size=200))
def test_target_parse(text):
    only_allowed(lambda: jixiao.Target.parse(text))


@FAST
@given(st.one_of(st.binary(max_size=2000), st.text(max_size=2000)))
def test_from_json(data):
    only_allowed(lambda: jixiao.Document.from_json(data))


@FAST
@given(st.one_of(st.binary(max_size=2000), st.lists(st.dictionaries(st.sampled_from(["table", "indicator", "actual", "section", "weight", "x"]), st.one_of(st.text(max_size=20), st.integers(), st.floats(), st.none()), max_size=6), max_size=5)))
def test_score_actuals(actuals):
    doc = jixiao.read(DATA / "selfeval-2023.txt")
    only_allowed(lambda: doc.score(actuals=actuals))


@FAST
@given(st.dictionaries(st.text(max_size=15), st.one_of(st.floats(), st.integers(), st.text(max_size=5), st.lists(st.floats(), max_size=4), st.none()), max_size=4))
def test_score_rules(rules):
    doc = jixiao.read(DATA / "selfeval-2023.txt")
    only_allowed(lambda: doc.score(rules=rules))


@FAST
@given(st.lists(st.text(max_size=30), max_size=4), st.lists(st.text(max_size=30), max_size=4))
def test_review_settings(allow, deny):
    doc = jixiao.parse("第二部分 专项资金绩效目标\n1、甲绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t人数\n\t≥0人\n")
    only_allowed(lambda: doc.review(allow=allow, deny=deny))


@FAST
@given(st.text(max_size=30), st.text(max_size=30))
def test_format_and_encoding_names(fmt, encoding):
    only_allowed(lambda: jixiao.parse("x", fmt, encoding=encoding))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60).filter(lambda s: not s.startswith("/")))
def test_read_paths(name):
    # A path under a directory that does not exist, holding NUL or odd characters:
    # FileNotFoundError (or another OSError, as open() gives) or UsageError.
    try:
        jixiao.read(pathlib.Path("/nonexistent-jixiao-dir") / name)
    except (jixiao.JixiaoError, OSError):
        pass
