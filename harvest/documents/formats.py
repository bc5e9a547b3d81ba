"""What format a document is, told by its bytes (never by its URL or file name)."""

from __future__ import annotations

import io
import re
import zipfile
from enum import StrEnum

# Magic numbers. An old Word file is an OLE2 compound file; DOCX is a zip with word/.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_RTF = b"{\\rtf"
_HTML_START = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?<(!doctype\s+html|html|head|body|div|p|table)\b", re.I
)
_SNIFF = 1024


class DocumentFormat(StrEnum):
    PDF = "pdf"
    DOC = "doc"
    DOCX = "docx"
    RTF = "rtf"
    HTML = "html"
    UNKNOWN = "unknown"


def detect_format(body: bytes) -> DocumentFormat:
    head = body[:_SNIFF].lstrip()
    if b"%PDF-" in body[:_SNIFF]:
        return DocumentFormat.PDF
    if head.startswith(_OLE2):
        return DocumentFormat.DOC
    if head.startswith(_ZIP):
        return DocumentFormat.DOCX if _is_word_zip(body) else DocumentFormat.UNKNOWN
    if head.startswith(_RTF):
        return DocumentFormat.RTF
    if _HTML_START.match(_as_ascii(head)):
        return DocumentFormat.HTML
    return DocumentFormat.UNKNOWN


def _is_word_zip(body: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _as_ascii(head: bytes) -> bytes:
    """UTF-16 HTML (some KTweb installs) sniffed as if it were ASCII: drop the NULs."""
    return head.replace(b"\x00", b"").removeprefix(b"\xff\xfe").removeprefix(b"\xfe\xff")
