"""A third-party validator (Python `jsonschema`) accepts the JSON of every document in tests/data
(and of the real tables in tests/data/real)."""

import json
import os
import pathlib
import subprocess

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SCHEMA = json.loads((ROOT / "include" / "jixiao.schema.json").read_text(encoding="utf-8"))
JIXIAO = os.environ.get("JIXIAO_BIN", str(ROOT / "target" / "debug" / "jixiao"))
DOCUMENTS = sorted(p for p in DATA.iterdir() if p.suffix in {".txt", ".json"}) + sorted((DATA / "real").glob("*.wordtext.txt"))


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_document_json_validates(path):
    out = subprocess.run([JIXIAO, "parse", "-q", str(path)], capture_output=True, check=True)
    doc = json.loads(out.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)


def test_validator_rejects_a_wrong_document():
    validator = jsonschema.Draft202012Validator(SCHEMA)
    bad = {"schema_version": 1, "title": "t", "year": "2020", "overview": None, "sections": [], "notes": []}
    assert not validator.is_valid(bad)
