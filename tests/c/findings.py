"""The lines tests/c/review.c --list prints, made from `jixiao check --format json` instead."""
import json
import sys

for f in json.load(sys.stdin)["findings"]:
    print("\t".join([
        f["rule"], f["severity"], str(f["line"]), str(f["location"].get("line", 0)),
        str(f["section_number"] or 0), str(f["table_number"] or 0), f["indicator"] or "", f["text"] or "",
    ]))
