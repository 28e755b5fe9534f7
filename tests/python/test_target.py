"""Target.parse reads every case of tests/data/targets.tsv as the Rust and C tests do."""

import jixiao
from conftest import DATA


def cases():
    for line in (DATA / "targets.tsv").read_text(encoding="utf-8").split("\n"):
        if line and not line.startswith("#"):
            yield line.split("\t")


def num(s):
    return float(s) if s else None


def test_every_case():
    n = 0
    for raw, kind, comparator, sign, value, upper, unit, unit_kind, yuan, direction, parts in cases():
        t = jixiao.Target.parse(raw)
        got = (t.raw, t.kind, t.comparator or "", t.sign_given, t.value, t.upper, t.unit or "", t.unit_kind or "",
               t.value_yuan, t.direction or "", len(t.parts) if t.parts else 0)
        want = (raw, kind, comparator, sign == "1", num(value), num(upper), unit, unit_kind, num(yuan), direction,
                int(parts) if parts else 0)
        assert got == want, raw
        n += 1
    assert n >= 150


def test_target_is_a_value():
    a, b = jixiao.Target.parse("不超过10万元"), jixiao.Target.parse("不超过10万元")
    assert a == b and a != jixiao.Target.parse("≤10万元")
    assert a.to_dict()["value_yuan"] == 100000.0
