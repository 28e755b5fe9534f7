"""The pdfplumber baseline of `make compare` for PDFs: every page's tables (`extract_tables`),
written out as JSON: what an analyst gets from a published PDF with pdfplumber. Nothing more
(no titles, no grammar, no tables joined over a page break).

Usage: pdf_baseline.py FILE.pdf > out.json
"""

import json
import sys

import pdfplumber


def main():
    with pdfplumber.open(sys.argv[1]) as pdf:
        tables = [table for page in pdf.pages for table in page.extract_tables()]
    sys.stdout.write(json.dumps({"tables": tables}, ensure_ascii=False))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
