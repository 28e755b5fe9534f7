#!/bin/sh
# Makes the published-format fixtures from the sample with real producers. Run by hand (it needs
# LibreOffice: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk);
# `make test` only reads what it made, which is committed.
#   000_3e963503b18f6771.html       LibreOffice Writer's HTML export of the sample's .docx
#   000_3e963503b18f6771-gbk.html   the same page in GBK, its <meta> saying so (iconv)
#   000_3e963503b18f6771-grid.html  LibreOffice Calc's HTML export of the sample's workbook
#   000_3e963503b18f6771.doc        LibreOffice Writer's Word 97 export of the sample's .docx
#   000_3e963503b18f6771-messy.doc  the same of the messy .docx (tracked insertions and deletions,
#                                   list-numbered titles, fields split over runs), its content
#                                   controls unwrapped first: LibreOffice turns those into form
#                                   fields that repeat the text, deleted words included
#   docx-features.doc               the same of docx-features.docx, with the empty paragraph Word
#                                   puts after a table that ends a cell (without it LibreOffice
#                                   joins the next cell to that one)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="$here/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$data/000_3e963503b18f6771.docx" "$work/000_3e963503b18f6771.docx"
cp "$data/000_3e963503b18f6771-grid.xlsx" "$work/000_3e963503b18f6771-grid.xlsx"
cp "$data/000_3e963503b18f6771-messy.docx" "$data/docx-features.docx" "$work/"
chmod u+w "$work"/*
python3 - "$work" <<'PY'
import re, sys, zipfile
work = sys.argv[1]
def rewrite(name, change):
    path = f"{work}/{name}"
    with zipfile.ZipFile(path) as z:
        parts = {i: z.read(i) for i in z.namelist()}
    parts["word/document.xml"] = change(parts["word/document.xml"].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in parts.items():
            z.writestr(k, v)
rewrite("000_3e963503b18f6771-messy.docx", lambda d: re.sub(r"<w:sdt><w:sdtPr>.*?</w:sdtPr><w:sdtContent>|</w:sdtContent></w:sdt>", "", d))
rewrite("docx-features.docx", lambda d: d.replace("</w:tbl></w:tc>", "</w:tbl><w:p/></w:tc>"))
PY
soffice --headless --convert-to html --outdir "$work" "$work/000_3e963503b18f6771.docx" >/dev/null
soffice --headless --convert-to html --outdir "$work" "$work/000_3e963503b18f6771-grid.xlsx" >/dev/null
for f in 000_3e963503b18f6771 000_3e963503b18f6771-messy docx-features; do
  soffice --headless --convert-to doc --outdir "$work/doc" "$work/$f.docx" >/dev/null
done
cp "$work/000_3e963503b18f6771.html" "$work/000_3e963503b18f6771-grid.html" "$work"/doc/*.doc "$here/"
sed 's/charset=utf-8/charset=gbk/' "$work/000_3e963503b18f6771.html" | iconv -f UTF-8 -t GBK > "$here/000_3e963503b18f6771-gbk.html"
echo "made: $(ls "$here"/*.html "$here"/*.doc | xargs -n1 basename | tr '\n' ' ')"
