"""What editors and help() show: every public class, function and property has a docstring,
and the stubs' Literal types list exactly the values each enumeration takes."""

import ast
import inspect
from pathlib import Path

import jixiao

STUB = Path(jixiao.__file__).with_name("_native.pyi")


def test_every_public_name_has_a_docstring():
    missing = []
    for name in jixiao.__all__:
        obj = getattr(jixiao, name)
        if isinstance(obj, (list, str, dict)):
            continue
        if not (obj.__doc__ or "").strip():
            missing.append(name)
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if not attr.startswith("_") and not (getattr(member, "__doc__", None) or "").strip():
                    missing.append(f"{name}.{attr}")
    assert missing == []


def test_stub_literals_are_the_enumerations():
    literals = {}
    for node in ast.parse(STUB.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Subscript) and getattr(node.value.value, "id", "") == "Literal":
            values = node.value.slice.elts if isinstance(node.value.slice, ast.Tuple) else [node.value.slice]
            literals[node.targets[0].id] = sorted(v.value for v in values)
    enums = jixiao.enum_values()
    expected = {
        "_SectionKind": "section_kind", "_TableKind": "table_kind", "_Level1": "level1", "_Level2": "level2",
        "_TargetKind": "target_kind", "_Comparator": "comparator", "_UnitKind": "unit_kind", "_Direction": "direction",
        "_Likelihood": "likelihood", "_Rule": "rule", "_Severity": "severity", "_ScoreRule": "score_rule", "_Band": "band",
    }
    for alias, enum in expected.items():
        assert literals.get(alias) == sorted(enums[enum]), alias
