#!/bin/sh
# Makes the published-format fixtures from the sample with real producers. Run by hand (it needs
# LibreOffice: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk);
# `make test` only reads what it made, which is committed.
#   000_3e963503b18f6771.html       LibreOffice Writer's HTML export of the sample's .docx
#   000_3e963503b18f6771-gbk.html   the same page in GBK, its <meta> saying so (iconv)
#   000_3e963503b18f6771.mht        the GBK page as a single-file web page, laid out as IE and Word
#                                   save one (multipart/related, quoted-printable, gb2312, an
#                                   image beside it): tests/fixtures/make_mht.py, Python's email
#   000_3e963503b18f6771-grid.html  LibreOffice Calc's HTML export of the sample's workbook
#   000_3e963503b18f6771.doc        LibreOffice Writer's Word 97 export of the sample's .docx
#   000_3e963503b18f6771-messy.doc  the same of the messy .docx (tracked insertions and deletions,
#                                   list-numbered titles, fields split over runs), its content
#                                   controls unwrapped first: LibreOffice turns those into form
#                                   fields that repeat the text, deleted words included
#   000_3e963503b18f6771.pdf        LibreOffice Writer's PDF export of the sample's .docx: 25 pages,
#                                   CID fonts with ToUnicode maps, tables over page breaks
#   000_3e963503b18f6771-headers.pdf the same with what published PDFs add: each table's first
#                                   two rows marked as header rows (repeated on every page the
#                                   table goes on to), a page header with the title and a
#                                   footer "第 N 页"
#   000_3e963503b18f6771-grid.pdf   LibreOffice Calc's PDF export of the sample's workbook, made
#                                   ready to print first (tests/fixtures/print_workbook.py:
#                                   borders, column widths, landscape one page wide, the sheet's
#                                   name in the page header, "第 N 页" in the footer)
#   scan.pdf                        a page that is only a picture, as a scanner makes one (the
#                                   picture is drawn by this script; LibreOffice makes the PDF)
#   spans.docx, .doc, .html, .pdf  tests/fixtures/make_spans.py --convert: a two-row header merged across
#                                   columns, cells whose second paragraph starts with a TAB or ends in
#                                   绩效目标表 (the .docx by the script, the rest by LibreOffice)
#   000_3e963503b18f6771-grid.xml  LibreOffice Calc's Excel 2003 XML (SpreadsheetML) export of the
#                                   sample's workbook, through a flat .fods whose 16,000-column
#                                   repeats of empty cells are cut to 16 first: LibreOffice's
#                                   export stylesheet recurses once per repeated column and
#                                   overflows on them (no cell with content is touched)
#   000_3e963503b18f6771-grid-sheet1-gbk.csv, -sheet34-gbk.csv  LibreOffice Calc's CSV export
#                                   (comma, quote ", character set 67 = GBK, cells as shown) of
#                                   the workbook's first and last sheets
#   docx-features.doc               the same of docx-features.docx, with the empty paragraph Word
#                                   puts after a table that ends a cell (without it LibreOffice
#                                   joins the next cell to that one)
#   000_3e963503b18f6771-chromium.pdf   the sample's web page (the .html above) printed by
#                                   Chromium (Skia): CID fonts whose ToUnicode maps give Kangxi
#                                   radicals (⽬ for 目), borders as thin filled rectangles, cells
#                                   a page break cuts left open
#   000_3e963503b18f6771-weasyprint.pdf the same page printed by WeasyPrint
#   real-{jinan-licheng,yinchuan,tongnan,xiangxi}-chromium.pdf  four real tables
#                                   (tests/data/real) as jixiao's page draws them, printed by
#                                   Chromium: rows a page break splits, one beside a 二级 cell
#                                   drawn with its own bottom (a background), the strip a
#                                   label merged down leaves at the top of the next page, a
#                                   dotted underline under narrow values (tongnan), a group
#                                   label wrapped in a narrow header cell (xiangxi)
# `make-fixtures.sh browsers` makes only the browsers' PDFs (apt-get install chromium weasyprint
# fonts-noto-cjk), from the committed .html and, for the real tables, the page a built jixiao
# draws (target/debug/jixiao).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
browsers() {
  page="$here/000_3e963503b18f6771.html"
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$here/000_3e963503b18f6771-chromium.pdf" "$page" 2>/dev/null
  weasyprint "$page" "$here/000_3e963503b18f6771-weasyprint.pdf" 2>/dev/null
  real_pages
}
real_pages() {
  pages=$(mktemp -d)
  for real in jinan-licheng:jinan-licheng-wenhuaguan-2019-ziping yinchuan:yinchuan-liuzhong-gongyongjingfei-2021-ziping \
    tongnan:chongqing-tongnan-wuguizhen-2023-mubiao xiangxi:xiangxi-tejiao-2023; do
    "$here/../../../target/debug/jixiao" parse "$here/../real/${real#*:}.wordtext.txt" --format html -q -o "$pages/${real%%:*}.html"
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --print-to-pdf="$here/real-${real%%:*}-chromium.pdf" "$pages/${real%%:*}.html" 2>/dev/null
  done
  rm -rf "$pages"
}
if [ "${1:-}" = browsers ]; then
  browsers
  exit
fi
# `make-fixtures.sh real` makes only the real tables' Chromium PDFs.
if [ "${1:-}" = real ]; then
  real_pages
  exit
fi
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

# The sample with repeated header rows, a page header and a page-number footer.
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
with zipfile.ZipFile(f"{work}/000_3e963503b18f6771.docx") as z:
    parts = {i: z.read(i) for i in z.namelist()}
doc = parts["word/document.xml"].decode()
def header_rows(table):
    rows = table.group(0).split("<w:tr>")
    return "<w:tr><w:trPr><w:tblHeader/></w:trPr>".join(rows[:2]) + "<w:tr>" + "<w:tr>".join(rows[2:]) if len(rows) > 2 else table.group(0)
doc = re.sub(r"<w:tbl>.*?</w:tbl>", header_rows, doc, flags=re.S)
doc = doc.replace("<w:pgSz ", '<w:headerReference w:type="default" r:id="rIdJxHeader"/><w:footerReference w:type="default" r:id="rIdJxFooter"/><w:pgSz ')
parts["word/document.xml"] = doc.encode()
parts["word/header1.xml"] = f'<w:hdr {W}><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>2020年部门预算绩效信息</w:t></w:r></w:p></w:hdr>'.encode()
parts["word/footer1.xml"] = f'<w:ftr {W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">第 </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p></w:ftr>'.encode()
rels = parts["word/_rels/document.xml.rels"].decode()
parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", '<Relationship Id="rIdJxHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdJxFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>').encode()
types = parts["[Content_Types].xml"].decode()
parts["[Content_Types].xml"] = types.replace("</Types>", '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>').encode()
with zipfile.ZipFile(f"{work}/000_3e963503b18f6771-headers.docx", "w", zipfile.ZIP_DEFLATED) as z:
    for k, v in parts.items():
        z.writestr(k, v)

# A scanned page: a picture of lines of "text", in a document of nothing else.
import base64, struct, zlib
w, h = 400, 560
rows = b"".join(b"\x00" + bytes(255 if (y // 14) % 3 or x < 40 or x > 360 else 60 for x in range(w)) for y in range(h))
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
with open(f"{work}/scan.fodt", "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text><text:p><draw:frame draw:name="scan" text:anchor-type="as-char" svg:width="16cm" svg:height="22cm"><draw:image><office:binary-data>' + base64.b64encode(png).decode() + "</office:binary-data></draw:image></draw:frame></text:p></office:text></office:body></office:document>")
PY
soffice --headless --convert-to html --outdir "$work" "$work/000_3e963503b18f6771.docx" >/dev/null
soffice --headless --convert-to html --outdir "$work" "$work/000_3e963503b18f6771-grid.xlsx" >/dev/null
python3 "$data/../fixtures/print_workbook.py" "$work/000_3e963503b18f6771-grid.xlsx" "$work/000_3e963503b18f6771-grid-print.xlsx"
soffice --headless --convert-to pdf --outdir "$work/print" "$work/000_3e963503b18f6771-grid-print.xlsx" >/dev/null
mkdir -p "$work/pdf" && mv "$work/print/000_3e963503b18f6771-grid-print.pdf" "$work/pdf/000_3e963503b18f6771-grid.pdf"
for f in 000_3e963503b18f6771 000_3e963503b18f6771-headers scan; do
  soffice --headless --convert-to pdf --outdir "$work/pdf" "$work/$f".*[xt] >/dev/null
done
for f in 000_3e963503b18f6771 000_3e963503b18f6771-messy docx-features; do
  soffice --headless --convert-to doc --outdir "$work/doc" "$work/$f.docx" >/dev/null
done
soffice --headless --convert-to fods --outdir "$work" "$work/000_3e963503b18f6771-grid.xlsx" >/dev/null
python3 - "$work/000_3e963503b18f6771-grid.fods" <<'PY'
import re, sys
path = sys.argv[1]
s = open(path, encoding="utf-8").read()
cut = lambda m: f'{m.group(1)}="{min(int(m.group(2)), 16)}"'
s = re.sub(r'(number-(?:columns|rows)-repeated)="(\d{4,})"', cut, s)
open(path, "w", encoding="utf-8").write(s)
PY
soffice --headless --convert-to 'xml:MS Excel 2003 XML' --outdir "$work/xml" "$work/000_3e963503b18f6771-grid.fods" >/dev/null
cp "$work/xml/000_3e963503b18f6771-grid.xml" "$here/"
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,67,1,,0,false,true,true,false,false,-1' --outdir "$work/csv" "$work/000_3e963503b18f6771-grid.xlsx" >/dev/null
cp "$work"/csv/*-专项1-*.csv "$here/000_3e963503b18f6771-grid-sheet1-gbk.csv"
cp "$work"/csv/*-项目11-*.csv "$here/000_3e963503b18f6771-grid-sheet34-gbk.csv"
cp "$work/000_3e963503b18f6771.html" "$work/000_3e963503b18f6771-grid.html" "$work"/doc/*.doc "$work"/pdf/*.pdf "$here/"
sed 's/charset=utf-8/charset=gbk/' "$work/000_3e963503b18f6771.html" | iconv -f UTF-8 -t GBK > "$here/000_3e963503b18f6771-gbk.html"
python3 "$data/../fixtures/make_mht.py"
echo "made: $(ls "$here"/*.html "$here"/*.mht "$here"/*.xml "$here"/*.csv "$here"/*.doc "$here"/*.pdf | xargs -n1 basename | tr '\n' ' ')"
browsers
echo "made: $(ls "$here"/*.html "$here"/*.doc "$here"/*.pdf | xargs -n1 basename | tr '\n' ' ')"
