"""An attachment's bytes -> its text, media type, page count and how the extraction went.

Attachments are read by the same reader as item documents (PDF, DOC, DOCX, RTF:
``readers.read_lines``; an HTML answer is taken for the server's error page), plus
spreadsheets (XLSX, ODS: each row one tab-separated line, read with zipfile and lxml, no
extra dependency). Images are recorded, not read (no OCR), and a PDF without a text layer
is recorded as a scan. A file we cannot read is a result too (status ``failed`` with the
reason), never an exception: the attachment was fetched, and fetching it again would not
change the bytes.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from harvest import pdftext
from harvest.documents import html_error_page_message
from harvest.documents.formats import DocumentFormat, detect_format
from harvest.documents.readers import DocumentReadError, read_lines
from transform.schema import AttachmentExtraction

MEDIA_TYPES = {
    DocumentFormat.PDF: "application/pdf",
    DocumentFormat.DOC: "application/msword",
    DocumentFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    DocumentFormat.RTF: "application/rtf",
    DocumentFormat.HTML: "text/html",
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
# Magic numbers of the image formats a town attaches (maps, photos, scanned pages).
IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
_SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class AttachmentText:
    media_type: str | None
    extraction: AttachmentExtraction
    text: str | None = None
    pages: int | None = None  # PDF pages; sheets of a spreadsheet
    note: str | None = None  # why there is no text

    def as_record(self) -> dict:
        return {
            "media_type": self.media_type,
            "extraction": str(self.extraction),
            "text": self.text,
            "pages": self.pages,
            "note": self.note,
        }


def read_attachment(body: bytes) -> AttachmentText:
    image = _image_type(body)
    if image:
        return AttachmentText(image, AttachmentExtraction.IMAGE, note="an image: not read (no OCR)")
    spreadsheet = _spreadsheet_type(body)
    if spreadsheet:
        return _read_spreadsheet(body, spreadsheet)
    return _read_document(body)


def _image_type(body: bytes) -> str | None:
    return next((media for magic, media in IMAGES if body.startswith(magic)), None)


def _read_document(body: bytes) -> AttachmentText:
    document_format = detect_format(body)
    media_type = MEDIA_TYPES.get(document_format)
    if document_format is DocumentFormat.HTML:
        # Servers answer a lost session or a missing file with an HTML page; its text is not
        # the attachment's. (Towns attach files, not web pages.)
        note = html_error_page_message(body).replace("an item document", "a file")
        return AttachmentText(media_type, AttachmentExtraction.FAILED, note=note)
    pages = pdftext.page_count(body) if document_format is DocumentFormat.PDF else None
    try:
        lines = read_lines(body).lines
    except DocumentReadError as error:
        return AttachmentText(media_type, AttachmentExtraction.FAILED, pages=pages, note=str(error))
    text = "\n".join(line.text for line in lines).strip()
    if text:
        return AttachmentText(media_type, AttachmentExtraction.EXTRACTED, text, pages)
    if document_format is DocumentFormat.PDF:
        return AttachmentText(
            media_type,
            AttachmentExtraction.NO_TEXT_LAYER,
            pages=pages,
            note="a scanned PDF without a text layer (no OCR)",
        )
    return AttachmentText(media_type, AttachmentExtraction.EMPTY, pages=pages, note="no text")


# --- spreadsheets ------------------------------------------------------------------------


def _spreadsheet_type(body: bytes) -> str | None:
    if not body.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names:
                return XLSX
            if "mimetype" in names and archive.read("mimetype").strip() == ODS.encode():
                return ODS
    except zipfile.BadZipFile:
        return None
    return None


def _read_spreadsheet(body: bytes, media_type: str) -> AttachmentText:
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            sheets = _xlsx_sheets(archive) if media_type == XLSX else _ods_sheets(archive)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as error:
        note = f"unreadable spreadsheet: {type(error).__name__}: {error}"
        return AttachmentText(media_type, AttachmentExtraction.FAILED, note=note[:300])
    text = "\n\n".join("\n".join(rows) for rows in sheets if rows).strip()
    if not text:
        return AttachmentText(
            media_type, AttachmentExtraction.EMPTY, pages=len(sheets), note="no text"
        )
    return AttachmentText(media_type, AttachmentExtraction.EXTRACTED, text, len(sheets))


def _xml(archive: zipfile.ZipFile, name: str):
    return etree.fromstring(archive.read(name), _SAFE_XML)


def _xlsx_sheets(archive: zipfile.ZipFile) -> list[list[str]]:
    """Each worksheet's rows as tab-separated lines (cell values as the file stores them)."""
    ns = {"s": _SPREADSHEET_NS}
    shared = []
    if "xl/sharedStrings.xml" in archive.namelist():
        shared = [
            "".join(item.itertext())
            for item in _xml(archive, "xl/sharedStrings.xml").iterfind("s:si", ns)
        ]
    sheet_names = sorted(
        (name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")),
        key=lambda name: int("".join(filter(str.isdigit, name)) or 0),
    )
    sheets = []
    for name in sheet_names:
        rows = []
        for row in _xml(archive, name).iterfind(".//s:sheetData/s:row", ns):
            cells = [_xlsx_cell(cell, shared, ns) for cell in row.iterfind("s:c", ns)]
            line = "\t".join(cells).strip()
            if line:
                rows.append(line)
        sheets.append(rows)
    return sheets


def _xlsx_cell(cell, shared: list[str], ns: dict) -> str:
    kind = cell.get("t")
    if kind == "inlineStr":
        return "".join(cell.itertext()).strip()
    value = cell.findtext("s:v", default="", namespaces=ns)
    if kind == "s" and value.isdigit() and int(value) < len(shared):
        return shared[int(value)].strip()
    return value.strip()


def _ods_sheets(archive: zipfile.ZipFile) -> list[list[str]]:
    root = _xml(archive, "content.xml")
    sheets = []
    for table in root.iter(f"{{{_ODF_TABLE}}}table"):
        rows = []
        for row in table.iter(f"{{{_ODF_TABLE}}}table-row"):
            cells = [
                " ".join("".join(p.itertext()) for p in cell.iter(f"{{{_ODF_TEXT}}}p")).strip()
                for cell in row.iter(f"{{{_ODF_TABLE}}}table-cell")
            ]
            line = "\t".join(cells).strip()
            if line:
                rows.append(line)
        sheets.append(rows)
    return sheets
