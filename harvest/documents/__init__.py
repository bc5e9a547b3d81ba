"""One reader for item documents in every format (PDF, DOC, DOCX, RTF, HTML).

``formats.detect_format`` tells the format by the bytes; ``readers.read_lines`` turns any of
them into the same visual lines (page, position, fragments with their x positions) that
``harvest/pdftext.py`` gives for a PDF; ``layout.read_document`` finds the label column,
the title and the labelled blocks in those lines. Platform parsers take the result's fields.
"""

from __future__ import annotations

import re

from harvest.decoding import decode_page
from harvest.documents.formats import DocumentFormat, detect_format
from harvest.documents.layout import DocumentReading, read_layout
from harvest.documents.ocr import read_textless_pages
from harvest.documents.quality import repair_lines
from harvest.documents.readers import DocumentReadError, read_lines


def read_document(body: bytes) -> DocumentReading:
    """Any item document's bytes -> its reading; DocumentReadError for what we cannot read.

    A PDF's text layer gets the repairs and the page measure of whole-meeting documents
    (quality.py), and its flagged pages OCR when Tesseract is installed (ocr.py): a single
    item's PDF is as often scanned or set in a damaged font as a whole meeting's."""
    read = read_lines(body)
    lines, unreliable = read.lines, []
    if read.format is DocumentFormat.PDF:
        lines, quality = read_textless_pages(body, *repair_lines(lines, body))
        unreliable = [page.page for page in quality if not page.reliable]
    reading = read_layout(lines, read.format)
    if read.format is DocumentFormat.HTML and not _reads_as_item_document(reading):
        raise DocumentReadError(html_error_page_message(body))
    reading.unreliable_pages = unreliable
    return reading


def _reads_as_item_document(reading: DocumentReading) -> bool:
    """An HTML answer is an item document only with labels or a register number: servers
    answer a failed document request with an HTML error page."""
    return bool(reading.register_id) or any(block.known and block.label for block in reading.blocks)


def html_error_page_message(body: bytes) -> str:
    title = re.search(r"<title[^>]*>([^<]*)", decode_page(body[:4096]), re.I)
    what = f" titled {' '.join(title.group(1).split())!r}" if title else ""
    return f"expected an item document but got an HTML page{what} without labels (an error page?)"


__all__ = [
    "DocumentFormat",
    "DocumentReadError",
    "DocumentReading",
    "detect_format",
    "read_document",
]
