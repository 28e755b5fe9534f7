"""Every function jixiao.h exports is called with a NULL argument (or, taking no pointer, at all)
somewhere in tests/c: a new export without a hostile-argument test fails `make test-c`."""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parents[2]
header = (root / "include" / "jixiao.h").read_text(encoding="utf-8")
tests = "".join(p.read_text(encoding="utf-8") for p in (root / "tests" / "c").glob("*.c*"))
declarations = re.findall(r"\b(jx_[a-z0-9_]+)\(([^)]*)\);", header)
missing = []
for name, args in declarations:
    takes_pointer = "*" in args
    if takes_pointer and not re.search(rf"\b{name}\([^;]*\bNULL\b", tests):
        missing.append(name)
    elif not takes_pointer and not re.search(rf"\b{name}\(", tests):
        missing.append(name)
if missing:
    sys.exit("exports never called with hostile arguments in tests/c: " + ", ".join(missing))
print(f"exports: all {len(declarations)} exports of jixiao.h are called with hostile arguments")
