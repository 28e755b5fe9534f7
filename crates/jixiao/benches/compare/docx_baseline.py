"""The python-docx baseline of `make compare`: every table's cells out as JSON, the way an
analyst gets tables out of a Word file with python-docx. Nothing more (no titles, no grammar).

Usage: docx_baseline.py FILE.docx > out.json
"""

import json
import sys

import docx


def main():
    document = docx.Document(sys.argv[1])
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    sys.stdout.write(json.dumps({"tables": tables}, ensure_ascii=False))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
