"""The pandas baseline of `make compare` for web pages: every table of the page as a DataFrame
(`pandas.read_html` with lxml), written out as JSON: what an analyst gets from a published page
with pandas. Nothing more (no titles, no grammar).

Usage: html_baseline.py PAGE.html > out.json
"""

import json
import sys

import pandas


def main():
    tables = pandas.read_html(sys.argv[1], flavor="lxml", encoding=sys.argv[2] if len(sys.argv) > 2 else None)
    sys.stdout.write(json.dumps({"tables": [t.astype(str).values.tolist() for t in tables]}, ensure_ascii=False))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
