"""The form as HTML: Document.to_html, Table.to_html, and the notebooks' _repr_html_ of a
document, a table and a review's findings."""

import html as html_module
import pickle

import jixiao
import pytest


def test_document_to_html_draws_every_table_with_merged_categories(doc):
    html = doc.to_html()
    assert html.startswith('<div class="jx"><style>')
    assert html.count('<table class="jx-form">') == len(doc.tables)
    assert 'rowspan="' in html and 'data-comparator="ge"' in html
    assert doc._repr_html_() == html
    page = doc.to_html(page=True)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")


def test_review_result_is_a_list_that_draws_its_findings_on_the_form(doc):
    findings = doc.review()
    assert isinstance(findings, list) and isinstance(findings, jixiao.Findings)
    assert findings.document == doc
    assert [f.rule for f in findings] == [f.rule for f in list(findings)]
    html = findings._repr_html_()
    assert 'class="jx-f jx-f-error' in html
    for k, f in enumerate(findings):
        assert f'data-f="{k}"' in html
    assert doc.to_html(findings) == html
    en = findings.to_html(lang="en")
    assert html_module.escape(findings[0].message).replace("&#x27;", "&#39;") in en
    assert '<html lang="en">' in findings.to_html(lang="en", page=True)
    again = pickle.loads(pickle.dumps(findings))
    assert again == findings and again.document == doc
    # Findings that know no document draw as the list alone.
    alone = jixiao.Findings(findings)
    assert alone._repr_html_().count('<li class="jx-finding') == len(findings)


def test_table_to_html_and_its_findings(doc):
    findings = doc.review()
    table = next(t for t in doc.tables if any(f.table_name == t.name and f.indicator for f in findings))
    html = table.to_html(findings)
    assert html.count('<table class="jx-form">') == 1
    assert "jx-f jx-f-" in html
    assert table._repr_html_().count('<table class="jx-form">') == 1


def test_bad_arguments_are_clear_errors(doc):
    with pytest.raises(jixiao.UsageError, match="zh or en"):
        doc.to_html(lang="fr")
    with pytest.raises(TypeError, match="Finding"):
        doc.to_html(["not a finding"])


def test_hostile_text_is_escaped():
    evil = "<script>alert(1)</script>"
    text = f"第二部分 专项资金绩效目标\n\n1、{evil}绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n\t指标值确定依据\n\n\t产出指标\n\t数量指标\n\t{evil}\n\t{evil}\n\t{evil}\n\t{evil}\n"
    doc = jixiao.parse(text)
    html = doc.review().to_html()
    assert "<script" not in html and "&lt;script&gt;" in html
