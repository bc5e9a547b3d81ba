"""Small PDFs for everything a Dynasty sample page links: items, attachments, appeal
instructions, whole agendas and minutes. The parser reads the HTML pages, not these; they
exist so that no link is dead. Uncompressed and dated from the content: reruns are
byte-identical. The core font is latin-1 only; other characters are refused by name.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fpdf import FPDF


class UnsupportedCharacterError(ValueError):
    """Content holds a character the PDF core font cannot print (e.g. an en dash)."""


def simple_pdf(name: str, heading: str, paragraphs: list[str], dated: datetime) -> bytes:
    """A one-column A4 document: a bold heading, then the paragraphs."""
    for text in (heading, *paragraphs):
        _check_latin1(name, text)
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_compression(False)  # zlib builds differ; plain streams keep bytes stable
    pdf.set_creation_date(dated.astimezone(UTC))
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=12)
    pdf.multi_cell(0, 6, heading)
    pdf.ln(4)
    pdf.set_font("Helvetica", size=10)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 5, paragraph)
        pdf.ln(2)
    return bytes(pdf.output())


def _check_latin1(name: str, text: str) -> None:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError as error:
        bad = text[error.start]
        raise UnsupportedCharacterError(f"{name}: {bad!r} cannot be printed in a PDF") from None
