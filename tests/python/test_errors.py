"""Exceptions: real classes with path, line and reason; never a PanicException."""

import random

import jixiao
import pytest

from conftest import ROOT, SAMPLE


def test_not_a_document(tmp_path):
    p = tmp_path / "letter.txt"
    p.write_text("Dear reader,\nthis is a letter.\n", encoding="utf-8")
    with pytest.raises(jixiao.ParseError) as info:
        jixiao.read(p)
    e = info.value
    assert isinstance(e, jixiao.JixiaoError) and isinstance(e, ValueError)
    assert e.path == str(p)
    assert e.line is None
    assert "not a performance document" in e.reason
    assert str(e).startswith(str(p))


def test_encoding_error_names_the_line():
    with pytest.raises(jixiao.EncodingError) as info:
        jixiao.parse(b"line one\nline two\n\x00\x9f\x92\x96")
    assert info.value.line == 3
    assert isinstance(info.value, jixiao.ParseError)
    text = "第二部分\n指标".encode("gbk")
    with pytest.raises(jixiao.EncodingError) as info:
        jixiao.parse(text, encoding="utf-8")
    assert info.value.line == 1


def test_json_error_names_the_line():
    with pytest.raises(jixiao.ParseError) as info:
        jixiao.Document.from_json('{"schema_version": 1,\n"title": }')
    assert info.value.line == 2


def test_unsupported_and_usage():
    with pytest.raises(jixiao.UnsupportedFormatError):
        jixiao.parse(b"PK\x03\x04rest")
    with pytest.raises(jixiao.UsageError):
        jixiao.parse("x", "rtf")
    with pytest.raises(ValueError):
        jixiao.parse("x", encoding="latin-9")
    with pytest.raises(TypeError):
        jixiao.parse(42)  # type: ignore[arg-type]


def test_missing_file_is_file_not_found():
    with pytest.raises(FileNotFoundError) as info:
        jixiao.read("/nonexistent/dept.txt")
    assert info.value.filename == "/nonexistent/dept.txt"


def test_random_input_raises_only_jixiao_errors():
    rng = random.Random(20261126)
    alphabet = list("\t\n\r 第二部分绩效目标表一级指标产出≥90%1、TC\\f") + ["\x00", "\xff"]
    for _ in range(2000):
        if rng.random() < 0.5:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(64)))
        else:
            data = "".join(rng.choice(alphabet) for _ in range(rng.randrange(200)))
        try:
            jixiao.parse(data)
        except jixiao.JixiaoError:
            pass
        jixiao.Target.parse(data if isinstance(data, str) else data.decode("latin-1"))


def test_hostile_arguments_raise_jixiao_errors():
    # A lone surrogate, JSON as bytes, a path with a NUL: each a clear jixiao error or a result.
    with pytest.raises(jixiao.EncodingError, match="surrogate"):
        jixiao.parse("第二部分 \ud800")
    doc = jixiao.read(SAMPLE)
    assert jixiao.Document.from_json(doc.to_json().encode("utf-8")) == doc
    with pytest.raises(jixiao.EncodingError):
        jixiao.Document.from_json(b"\xff\xfe")
    with pytest.raises(TypeError):
        jixiao.Document.from_json(3)  # type: ignore[arg-type]
    with pytest.raises(jixiao.UsageError, match="NUL"):
        jixiao.read("a\0b.txt")


def test_encoding_errors_replace_reads_a_damaged_file_and_lists_the_bytes(tmp_path):
    good = (ROOT / "tests" / "data" / "000_3e963503b18f6771.txt").read_bytes()
    lines = good.split(b"\n")
    lines[10] = b"\xc3" + lines[10]
    damaged = b"\n".join(lines)
    with pytest.raises(jixiao.EncodingError) as e:
        jixiao.parse(damaged)
    assert e.value.line == 11
    doc = jixiao.parse(damaged, encoding_errors="replace")
    assert [(r.line, r.offset, r.bytes) for r in doc.replaced_bytes] == [(11, len(b"\n".join(lines[:10])) + 1, "c3")]
    assert len(list(doc.indicators())) == 115
    assert jixiao.parse(good, encoding_errors="replace").replaced_bytes == []
    path = tmp_path / "damaged.txt"
    path.write_bytes(damaged)
    assert jixiao.read(path, encoding_errors="replace").replaced_bytes == doc.replaced_bytes
    with pytest.raises(jixiao.UsageError, match="strict, replace"):
        jixiao.parse(damaged, encoding_errors="ignore")


def test_a_read_past_its_memory_budget_names_the_reader_and_the_limit():
    workbook = ROOT / "tests" / "data" / "sheets-features.xlsx"
    with pytest.raises(jixiao.ParseError) as info:
        jixiao.read(workbook, max_memory=1000)
    assert info.value.path == str(workbook)
    assert "xlsx reader" in info.value.reason and "max_memory" in info.value.reason
    assert jixiao.read(workbook).tables
    with pytest.raises(jixiao.ParseError, match="max_memory"):
        jixiao.parse(workbook.read_bytes(), max_memory=1000)
    got = jixiao.read_many([workbook, workbook], max_memory=1000)
    assert all(isinstance(g, jixiao.ParseError) for g in got)
