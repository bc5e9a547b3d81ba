"""Attachment files of several kinds, byte-stable: a text PDF, a PDF without a text layer
(what a scan is to a text reader), a DOCX and an XLSX spreadsheet.

The DOCX and XLSX are the smallest packages Word and Excel open (content types, relations,
one part), zipped with a fixed date so reruns are byte-identical. The "scanned" PDF draws
its page as shapes only: a plan map with no text, so nothing can be read from it without
OCR, which is what the archive must record.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from xml.sax.saxutils import escape

from fpdf import FPDF

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_ZIP_DATE = (2026, 1, 1, 0, 0, 0)
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{part}" ContentType="{content_type}"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="{part}" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def attachment_file(name: str, text: str, created: datetime, scanned: bool = False):
    """(bytes, content type) of the file an attachment named ``name`` links to; ``text``
    is its content (for a spreadsheet: rows, one a line, cells separated by " | ")."""
    if name.lower().endswith(".xlsx"):
        return xlsx([row.split(" | ") for row in text.splitlines()]), XLSX
    if name.lower().endswith(".docx"):
        return docx(name, text), DOCX
    return (scanned_pdf(name, created) if scanned else text_pdf(name, text, created)), PDF


def _pdf(title: str, created: datetime) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_compression(False)  # zlib builds differ; plain streams keep bytes stable
    pdf.set_creation_date(created)
    pdf.set_title(title)
    pdf.set_creator("Avoin sample site generator")
    pdf.add_page()
    return pdf


def text_pdf(title: str, text: str, created: datetime) -> bytes:
    # The core font is latin-1: an en dash in a title ("2028–2029") is written as a hyphen.
    title, text = title.replace("–", "-"), text.replace("–", "-")
    pdf = _pdf(title, created)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 6, title.removesuffix(".pdf"))
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 10)
    for paragraph in text.split("\n\n"):
        pdf.multi_cell(0, 5, paragraph)
        pdf.ln(3)
    return bytes(pdf.output())


def scanned_pdf(title: str, created: datetime) -> bytes:
    """Two pages of plan-map shapes, no text at all (the title is metadata only)."""
    pdf = _pdf(title, created)
    for page in range(2):
        if page:
            pdf.add_page()
        pdf.set_draw_color(40, 40, 40)
        pdf.rect(20, 20, 170, 250)
        for n in range(8):
            pdf.set_fill_color(200 - 15 * n, 210, 180 + 8 * n)
            pdf.rect(30 + 19 * n, 40 + 11 * n, 16, 30 + 7 * n, style="DF")
        pdf.line(20, 150, 190, 120 + 10 * page)
    return bytes(pdf.output())


def docx(title: str, text: str) -> bytes:
    paragraphs = [title.removesuffix(".docx"), *text.split("\n\n")]
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{_WORD_NS}"><w:body>{body}</w:body></w:document>'
    )
    content_type = f"{DOCX}.main+xml"
    return _package("word/document.xml", content_type, {"word/document.xml": document})


def xlsx(rows: list[list[str]]) -> bytes:
    sheet_rows = "".join(
        f'<row r="{r}">' + "".join(_xlsx_cell(value) for value in row) + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{_SHEET_NS}"><sheetData>{sheet_rows}</sheetData></worksheet>'
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{_SHEET_NS}" xmlns:r="{_REL_NS}"><sheets>'
        '<sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>'
    )
    content_type = f"{XLSX}.main+xml"
    return _package(
        "xl/workbook.xml",
        content_type,
        {
            "xl/workbook.xml": workbook,
            "xl/_rels/workbook.xml.rels": workbook_rels,
            "xl/worksheets/sheet1.xml": sheet,
        },
    )


def _xlsx_cell(value: str) -> str:
    if value.replace(" ", "").isdigit():
        return f"<c><v>{value.replace(' ', '')}</v></c>"
    return f'<c t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def _package(main_part: str, content_type: str, parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        members = {
            "[Content_Types].xml": _CONTENT_TYPES.format(part=main_part, content_type=content_type),
            "_rels/.rels": _ROOT_RELS.format(part=main_part),
            **parts,
        }
        for name, text in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=_ZIP_DATE), text.encode("utf-8"))
    return buffer.getvalue()
