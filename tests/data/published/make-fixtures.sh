#!/bin/sh
# Makes the published-format fixtures from the sample with real producers. Run by hand (it needs
# LibreOffice: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk);
# `make test` only reads what it made, which is committed.
#   000_3e963503b18f6771.html       LibreOffice Writer's HTML export of the sample's .docx
#   000_3e963503b18f6771-gbk.html   the same page in GBK, its <meta> saying so (iconv)
#   000_3e963503b18f6771-grid.html  LibreOffice Calc's HTML export of the sample's workbook
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="$here/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$data/000_3e963503b18f6771.docx" "$work/000_3e963503b18f6771.docx"
cp "$data/000_3e963503b18f6771-grid.xlsx" "$work/000_3e963503b18f6771-grid.xlsx"
chmod u+w "$work"/*
soffice --headless --convert-to html --outdir "$work" "$work/000_3e963503b18f6771.docx" >/dev/null
soffice --headless --convert-to html --outdir "$work" "$work/000_3e963503b18f6771-grid.xlsx" >/dev/null
cp "$work/000_3e963503b18f6771.html" "$work/000_3e963503b18f6771-grid.html" "$here/"
sed 's/charset=utf-8/charset=gbk/' "$work/000_3e963503b18f6771.html" | iconv -f UTF-8 -t GBK > "$here/000_3e963503b18f6771-gbk.html"
echo "made: $(ls "$here"/*.html | xargs -n1 basename | tr '\n' ' ')"
