"""The plain-Python baseline of `make compare`: what an analyst would write in an afternoon to
get the tables of a Word text save out as JSON. Line scanning, nothing clever: a title line
starts a table, a TAB line is a cell, a blank line ends a row, a line without a TAB continues
the last cell. No target grammar, no categories: it does less than jixiao, on purpose.

Usage: baseline.py FILE... > out.ndjson   (one JSON object per file, like jixiao --compact)
"""

import json
import re
import sys

TITLE = re.compile(r"^\d+[、.．]\s*.*(绩效目标表|申报表|批复表|自评表)")


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", "replace")


def parse(text):
    tables, table, row, blanks = [], None, None, 0
    for line in text.splitlines():
        if not line.strip() and not line.startswith("\t"):
            blanks += 1
            continue
        if line.startswith("\t"):
            if table is None:
                continue
            if row is None or blanks > 0:
                row = []
                table["rows"].append(row)
            row.append(line[1:])
        elif TITLE.match(line):
            table, row = {"title": line.strip(), "rows": []}, None
            tables.append(table)
        elif row is not None and blanks <= 1:
            row[-1] += "\n" + line
        blanks = 0
    return {"tables": tables}


def main():
    out = sys.stdout
    for path in sys.argv[1:]:
        out.write(json.dumps(parse(read(path)), ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
