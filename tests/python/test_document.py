"""The Python package: documents, views, writers, round trips."""

import copy
import json
import pathlib
import pickle

import jixiao
import pytest
from conftest import DATA, ROOT, SAMPLE


def test_sample_structure(doc):
    assert doc.schema_version == 2
    assert doc.title == "2020年部门预算绩效信息"
    assert doc.year == 2020
    assert [s.kind for s in doc.sections] == ["special_fund", "budget_project"]
    assert [s.number for s in doc.sections] == [2, 3]
    assert [len(s.tables) for s in doc.sections] == [23, 11]
    assert len(doc.tables) == 34
    assert sum(1 for _ in doc.indicators()) == 115
    assert doc.notes == []


def test_views_follow_the_json(doc):
    data = doc.to_dict()
    table = doc.tables[0]
    jt = data["sections"][0]["tables"][0]
    assert (table.number, table.name, table.title, table.objective, table.columns, table.line) == (
        jt["number"], jt["name"], jt["title"], jt["objective"], jt["columns"], jt["location"]["line"])
    assert (table.toc.text, table.toc.identifier, table.toc.level) == (jt["toc"]["text"], "C", 1)
    assert table.section.heading == "第二部分  专项资资金绩效目标"
    for cat, jc in zip(table.categories, jt["categories"]):
        assert (cat.level1, cat.label, cat.line) == (jc["level1"], jc["label"], jc["location"]["line"])
        for sub, js in zip(cat.children, jc["children"]):
            assert (sub.level2, sub.label, sub.line) == (js["level2"], js["label"], js["location"]["line"])
            for ind, ji in zip(sub.indicators, js["indicators"]):
                assert (ind.name, ind.description, ind.basis, ind.line, ind.extra) == (
                    ji["name"], ji["description"], ji["basis"], ji["location"]["line"], ji["extra"])
                assert ind.target.to_dict() == ji["target"]


def test_indicator_knows_where_it_is(doc):
    ind = next(doc.indicators())
    assert ind.table.name == "补助被征地农民支出(人社)"
    assert ind.section.kind == "special_fund"
    assert (ind.category.level1, ind.subcategory.level2) == ("output", "quantity")
    t = ind.target
    assert t.kind == "compound"
    assert [(p.text, p.value, p.unit) for p in t.parts] == [("补助1007家庭户", 1007.0, "家庭户"), ("补助1630名被征地农民", 1630.0, "名")]
    assert len(doc.tables[0].indicators()) == 3


def test_overview(doc):
    ov = doc.overview
    assert ov.heading == "第一部分  部门整体绩效目标"
    assert [len(g.items) for g in ov.goals] == [5, 5, 2, 3, 3, 2]
    assert ov.goals[3].items[0].text == "深入推进扫黑除恶专项斗争。"
    assert len(ov.responsibilities) == 12 and ov.responsibilities[6].name == "社会治安综合治理"
    assert [s.title for s in ov.safeguards] == ["推进和谐新区建设再创佳绩", "推进社会保障工作提质发展"]
    assert [(h.text, h.toc and h.toc.identifier, h.line) for h in ov.subheadings] == [
        ("（一）总体绩效目标", None, 3), ("（二）分项绩效目标", "A", 50), ("（三）工作保障措施", "A", 98)]


def test_parse_str_bytes_and_encodings(doc):
    text = SAMPLE.read_text(encoding="utf-8")
    assert jixiao.parse(text) == doc
    assert jixiao.parse(text.encode("gbk")) == doc
    assert jixiao.parse(text.encode("gbk"), encoding="gb18030") == doc
    assert jixiao.parse("\ufeff".encode("utf-16-le") + text.replace("\n", "\r\n").encode("utf-16-le")) == doc
    assert jixiao.parse(text, "text") == doc
    assert jixiao.read(pathlib.Path(SAMPLE)) == doc
    assert jixiao.read(str(SAMPLE), format="auto") == doc


def test_json_round_trip_pickle_and_copy(doc):
    assert jixiao.Document.from_json(doc.to_json()) == doc
    # Reading a file does not name the document; a line of `jixiao parse --format ndjson` does.
    assert doc.file is None and "file" not in doc.to_dict()
    line = json.loads(doc.to_json())
    line["file"] = "dir/a.txt"
    named = jixiao.Document.from_json(json.dumps(line, ensure_ascii=False))
    assert named.file == "dir/a.txt" and named.to_dict() == line
    assert json.loads(doc.to_json(pretty=True)) == doc.to_dict()
    assert doc.to_json(pretty=True).startswith('{\n  "schema_version": 2,')
    assert jixiao.parse(doc.to_json()) == doc
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(doc, protocol)) == doc
    assert copy.copy(doc) == doc and copy.deepcopy(doc) == doc
    t = jixiao.Target.parse("≥90%")
    assert pickle.loads(pickle.dumps(t)) == t and copy.deepcopy(t) == t


def test_csv_and_text(doc):
    csv = doc.to_csv()
    assert csv.split("\r\n", 1)[0] == ",".join(jixiao.CSV_COLUMNS)
    assert csv.count("\r\n") == 116
    assert doc.to_csv(bom=True).startswith("\ufeffsection_kind,")
    again = jixiao.parse(doc.to_text())
    assert again.to_csv().count("\r\n") == 116
    assert [t.name for t in again.tables] == [t.name for t in doc.tables]


def test_equality_and_repr(doc):
    other = jixiao.parse("第二部分 专项资金绩效目标\n1、某资金绩效目标表\n\t一级指标\n\t三级指标\n\n\t产出指标\n\t人数\n")
    assert other != doc
    assert repr(doc) == '<jixiao.Document "2020年部门预算绩效信息" year=2020 sections=2 tables=34 indicators=115 notes=0>'
    assert "Target" in repr(jixiao.Target.parse("≥90%"))


def test_enums_are_json_strings(doc):
    values = jixiao.enum_values()
    assert "ge" in values["comparator"] and "output" in values["level1"]
    for ind in doc.indicators():
        assert ind.category.level1 in values["level1"]
        assert ind.subcategory.level2 in values["level2"]
        assert ind.target.kind in values["target_kind"]
        assert ind.target.comparator is None or ind.target.comparator in values["comparator"]


def test_json_schema_validates_documents(doc):
    jsonschema = pytest.importorskip("jsonschema")
    schema = jixiao.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema == json.loads((ROOT / "include" / "jixiao.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc.to_dict())


def test_version_is_cargo_version():
    cargo = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    assert f'version = "{jixiao.__version__}"' in cargo


def test_notes_keep_unplaced_content():
    text = "第二部分 专项资金绩效目标\n孤立的一行\n1、某资金绩效目标表\n\t一级指标\n\t三级指标\n\n\t产出指标\n\t人数\n"
    d = jixiao.parse(text)
    assert [(n.line, n.text) for n in d.notes] == [(2, "孤立的一行")]


def test_views_compare_by_content_and_pickle(doc):
    import pickle

    table = doc.tables[3]
    again = jixiao.read(SAMPLE).tables[3]
    assert table == again and table is not again
    assert table != doc.tables[4]
    for view in (doc.sections[0], table, table.categories[0], table.categories[0].children[0], table.indicators()[0]):
        loaded = pickle.loads(pickle.dumps(view))
        assert loaded == view and type(loaded) is type(view)
    with pytest.raises(IndexError):
        jixiao._native._view(doc, "Table", [0, 999])


def test_radicals_read_as_ideographs_and_are_counted():
    # ⽬ (U+2F6C) is how Chromium's PDFs map 目: read as 目, counted in folded_chars; ① stays.
    text = (
        "第二部分 专项资金绩效⽬标\n1、甲绩效⽬标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n"
        "\t产出指标\n\t数量指标\n\t培训人数①\n\t≥100人\n\n"
    )
    doc = jixiao.parse(text)
    assert doc.folded_chars == 2
    assert doc.tables[0].title == "1、甲绩效目标表"
    assert [i.name for i in doc.indicators()] == ["培训人数①"]
    assert jixiao.parse(text.replace("⽬", "目")).folded_chars == 0
