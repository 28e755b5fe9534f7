"""The real tables through Python: the same readings as the Rust tests, with the new fields
reachable as properties named as the JSON fields, and in the DataFrame."""

import pickle

import jixiao
import pytest

from conftest import DATA

REAL = DATA / "real"


def read(name: str) -> jixiao.Document:
    return jixiao.read(str(REAL / f"{name}.wordtext.txt"))


def test_self_evaluation_funds_and_footer():
    t = read("qingshen-fgj-2023-ziping").tables[0]
    assert (t.kind, t.name, t.code) == ("self_evaluation", "工资性支出", "51000021R000000019951")
    funds = t.funds
    assert funds is not None and funds.label == "预算执行情况(10分)"
    total = funds.rows[0]
    assert total.label == "总额"
    assert total.initial is not None and (total.initial.value, total.initial.unit) == (238.93, "万元")
    assert total.executed is not None and total.executed.value_yuan == pytest.approx(2_518_900.0)
    assert total.rate is not None and total.rate.value == 100.0
    assert [r.label for r in t.remarks] == ["合计", "评价结论", "存在问题", "改进措施", "项目负责人:"]
    assert [i.weight for i in t.indicators()] == [60.0, 30.0]
    assert all(i.actual is None and i.reported_score is None for i in t.indicators())


def test_fields_above_the_header():
    t = read("putian-xiuyu-shuili-2025-mubiao").tables[0]
    assert [(f.label, f.text) for f in t.info] == [
        ("主管部门(单位)名称", "秀屿区水利局"),
        ("资金情况(万元)", ""),
        ("资金总额", "35"),
        ("其中:财政拨款", "35"),
        ("其他资金", "0"),
    ]
    assert [f.line for f in t.info] == [6, 9, 10, 12, 14]


def test_many_projects_on_one_sheet():
    doc = read("jingyan-matazhen-2023")
    a, b = doc.tables
    assert (a.name, b.name) == ("村组干部报酬", "基层组织活动经费")
    assert a.budget is not None and a.budget.value == 3_309_840.0
    assert [(s.unit, s.amount.value if s.amount else None) for s in a.subtotals] == [("820-马踏镇部门", 8_827_620.53)]
    assert [c.level1 for c in a.categories] == ["effect", "output", "satisfaction"]
    assert sum(1 for _ in doc.indicators()) == 13


def test_midterm_tolerance_and_vocabulary():
    t = read("dongguan-2019-pifu").tables[0]
    inds = t.indicators()
    assert inds[1].target.kind == "range" and (inds[1].target.value, inds[1].target.upper) == (-3.0, 3.0)
    mid = inds[2].midterm
    assert mid is not None and (mid.level2_label, mid.name, mid.target.raw) == ("时效指标(工期指标)", "结算款支付及时性", "及时")
    assert t.categories[1].children[0].level2 == "benefit"
    assert [c.level1 for c in read("gxglmes-template-2021-sqb").tables[0].categories] == ["input", "process"]


def test_targets_read_deadlines_notes_and_placeholders():
    t = jixiao.Target.parse("2023年12月底前")
    assert (t.kind, t.comparator, t.sign_given) == ("deadline", "le", True)
    assert t.date is not None and (t.date.year, t.date.month, t.date.day) == (2023, 12, None)
    assert t.date.isoformat() == "2023-12"
    p = jixiao.Target.parse("2023.07-2024.01")
    assert p.date is not None and p.until is not None and p.until.isoformat() == "2024-01"
    n = jixiao.Target.parse("100%(计划标准)")
    assert (n.value, n.unit, n.note) == (100.0, "%", "计划标准")
    assert jixiao.Target.parse("( ≥**个 )").kind == "placeholder"
    assert pickle.loads(pickle.dumps(n)) == n


def test_frame_has_the_new_columns():
    pd = pytest.importorskip("pandas")
    df = read("qingshen-fgj-2023-ziping").to_pandas()
    assert list(df.columns) == jixiao.CSV_COLUMNS
    assert list(df["weight"]) == [60.0, 30.0] and df["weight"].dtype == "Float64"
    assert isinstance(df["table_kind"].dtype, pd.CategoricalDtype)
    assert list(df["table_kind"]) == ["self_evaluation", "self_evaluation"]
    assert df["comparator_inferred"].dtype == "boolean"
    assert df["table_year"].dtype == "Int64"
    jy = read("jingyan-matazhen-2023").to_pandas()
    assert list(jy["table_budget"].unique()) == [3_309_840.0, 660_000.0]
    assert set(jy["table_name"]) == {"村组干部报酬", "基层组织活动经费"}
