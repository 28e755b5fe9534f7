"""Word files and spreadsheets from Python: read by content, located in the user's terms, and
written back as .xlsx."""

import jixiao
import pytest

from conftest import DATA


def test_docx_reads_as_the_text_save(doc):
    word = jixiao.read(DATA / "000_3e963503b18f6771.docx")
    assert sum(1 for _ in word.indicators()) == 115
    assert [t.name for t in word.tables] == [t.name for t in doc.tables]
    table = word.tables[0]
    assert table.location.paragraph is not None
    ind = table.indicators()[0]
    assert str(ind.location) == "table 1, row 3, column 1"
    # Each node carries its own place; a Word file has no lines, so `line` is 0.
    assert (ind.line, table.line) == (0, 0)
    goal = word.overview.goals[0]
    assert goal.location.paragraph is not None and goal.line == 0
    # Bytes work as well as paths, and the format comes from the content.
    again = jixiao.parse((DATA / "000_3e963503b18f6771.docx").read_bytes())
    assert again == word
    # Text saves keep plain line numbers.
    assert str(doc.tables[0].location) == f"line {doc.tables[0].line}"
    assert doc.tables[0].location.sheet is None and doc.tables[0].location.table is None


@pytest.mark.parametrize("name", ["000_3e963503b18f6771.html", "000_3e963503b18f6771-gbk.html"])
def test_web_pages(doc, name):
    page = jixiao.read(DATA / "published" / name)
    assert [i.name for i in page.indicators()] == [i.name for i in doc.indicators()]
    assert [t.name for t in page.tables] == [t.name for t in doc.tables]
    assert str(page.tables[0].indicators()[0].location) == "table 1, row 3, column 1"
    # The format by name, as the CLI and C take it.
    again = jixiao.parse((DATA / "published" / name).read_bytes(), "htm")
    assert again == page


@pytest.mark.parametrize("name", ["000_3e963503b18f6771.doc", "000_3e963503b18f6771-messy.doc"])
def test_old_word_files(doc, name):
    old = jixiao.read(DATA / "published" / name)
    assert [i.name for i in old.indicators()] == [i.name for i in doc.indicators()]
    assert [t.title for t in old.tables] == [t.title for t in doc.tables]
    assert str(old.tables[0].indicators()[0].location) == "table 1, row 3, column 1"
    again = jixiao.parse((DATA / "published" / name).read_bytes(), "doc")
    assert again == old
    # Cut short before its directory, it can only be told as a compound file, and says so.
    with pytest.raises(jixiao.UnsupportedFormatError, match="cut short"):
        jixiao.parse((DATA / "published" / name).read_bytes()[:4096])


@pytest.mark.parametrize("name", ["000_3e963503b18f6771.pdf", "000_3e963503b18f6771-headers.pdf"])
def test_pdf(doc, name):
    pdf = jixiao.read(DATA / "published" / name)
    assert len(list(pdf.indicators())) == 115
    assert [t.title for t in pdf.tables] == [t.title for t in doc.tables]
    assert pdf.notes == []
    first = pdf.tables[0].indicators()[0].location
    assert (first.page, first.table, first.row) == (4, 1, 3)
    assert str(first) == "page 4, table 1, row 3, column 1"
    assert jixiao.parse((DATA / "published" / name).read_bytes(), "pdf") == pdf


def test_a_scanned_pdf_says_it_needs_ocr():
    with pytest.raises(jixiao.ParseError, match="OCR"):
        jixiao.read(DATA / "published" / "scan.pdf")


@pytest.mark.parametrize("ext", ["xlsx", "ods", "xls"])
def test_spreadsheets(ext):
    book = jixiao.read(DATA / f"sheets-features.{ext}")
    assert [n.text for n in book.notes] == ["填表说明", "1.本表由项目单位填报。", "2.指标值请填写数值。"]
    assert str(book.notes[0].location) == "说明!A1" and book.notes[0].line == 0
    first = book.tables[0]
    assert (first.number, first.name) == (1, "职业技能培训补贴")
    due = first.indicators()[2]
    assert due.target.kind == "deadline" and due.target.date is not None and due.target.date.isoformat() == "2023-12-31"
    loc = due.location
    assert (loc.sheet, loc.cell) == ("专项1-职业技能培训补贴", "A6")


def test_xlsx_out_reads_back(doc, tmp_path):
    data = doc.to_xlsx()
    assert isinstance(data, bytes) and data[:2] == b"PK"
    back = jixiao.parse(data)
    assert sum(1 for _ in back.indicators()) == 115
    assert [t.name for t in back.tables] == [t.name for t in doc.tables]
    path = tmp_path / "out.xlsx"
    assert doc.to_xlsx(path) is None
    assert jixiao.read(path, "xlsx") == back
    # The import layout splits ≥90% into 计算符号 | 指标值 | 计量单位; keep_columns does not.
    assert "计算符号" in back.tables[0].columns
    kept = jixiao.parse(doc.to_xlsx(keep_columns=True) or b"")
    assert kept.tables[0].columns == doc.tables[0].columns


def test_old_formats_are_named():
    # A compound file whose directory holds no Word or Excel stream (here: none at all).
    with pytest.raises(jixiao.UnsupportedFormatError, match="convert-to docx"):
        jixiao.parse(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + "WordDocument".encode("utf-16-le"))
    with pytest.raises(jixiao.UsageError, match="doc, xlsx, html, pdf"):
        jixiao.parse("x", "odt")


def test_more_inputs_by_content_and_by_name(doc):
    """Excel 2003 XML, LibreOffice's GBK CSV of a sheet, a single-file web page and jixiao's own
    CSV: told from the content, and read the same when their format is named."""
    workbook = jixiao.read(DATA / "000_3e963503b18f6771-grid.xlsx")
    xml = jixiao.read(DATA / "published" / "000_3e963503b18f6771-grid.xml")
    assert [i.name for i in xml.indicators()] == [i.name for i in workbook.indicators()]
    assert jixiao.parse((DATA / "published" / "000_3e963503b18f6771-grid.xml").read_bytes(), "xml") == xml
    sheet = jixiao.read(DATA / "published" / "000_3e963503b18f6771-grid-sheet1-gbk.csv")
    assert [i.name for i in sheet.indicators()] == [i.name for i in workbook.tables[0].indicators()]
    assert jixiao.parse((DATA / "published" / "000_3e963503b18f6771-grid-sheet1-gbk.csv").read_bytes(), "tsv") == sheet
    mht = jixiao.read(DATA / "published" / "000_3e963503b18f6771.mht")
    assert len(list(mht.indicators())) == 115
    assert jixiao.parse((DATA / "published" / "000_3e963503b18f6771.mht").read_bytes(), "mhtml") == mht
    again = jixiao.parse(doc.to_csv(), "csv")
    assert [i.name for i in again.indicators()] == [i.name for i in doc.indicators()]
