"""OCR for flagged pages (scans, text layers that read as noise), when Tesseract is installed.

Debian packages: ``tesseract-ocr`` with ``tesseract-ocr-fin`` and ``tesseract-ocr-swe``
(the language data), and ``poppler-utils`` (``pdftoppm`` renders the page to an image).
Without them nothing changes: the page stays without text and flagged. An OCR'd page is
still flagged (its text may contain errors); the quality record says it was OCR'd.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from harvest.documents.lines import lines_of_plain_text
from harvest.documents.quality import RELIABLE_SHARE, PageQuality, repair_page
from harvest.pdftext import VisualLine

OCR_LANGUAGES = "fin+swe"
# Tesseract reads a § at the start of a line as 8, S or $: "8 14 Lausunto ..." is "§ 14".
_MISREAD_SECTION_SIGN = re.compile(r"^[8S$]\s*(?=\d{1,4}\s+[^\W\d_])", re.M)
OCR_DPI = 300
_TIMEOUT = 120  # seconds per page: a hostile file must not hold the import


def ocr_available() -> bool:
    return bool(shutil.which("tesseract") and shutil.which("pdftoppm"))


def read_textless_pages(body: bytes, lines: list[VisualLine], quality: list[PageQuality]):
    """Lines and quality with every flagged page read by OCR (when installed): a page
    without text takes the OCR text; a page whose text layer reads badly (a font that maps
    letters wrongly) takes it only when OCR reads well and better by the vocabulary measure
    (OCR loses the layout: noise for noise is no gain)."""
    flagged = [page for page in quality if not page.reliable]
    if not flagged or not ocr_available() or not body.startswith(b"%PDF"):
        return lines, quality
    by_page = {page.page: page for page in quality}
    left = min((line.x0 for line in lines), default=0.0)
    replaced: dict[int, list[VisualLine]] = {}
    for page in flagged:
        text = ocr_page(body, page.page)
        if not text or not text.strip():
            continue
        page_lines = [_placed(line, page.page, left) for line in lines_of_plain_text(text)]
        page_lines, measured = repair_page(page.page, page_lines)
        if not page.has_text or measured.known_share >= max(RELIABLE_SHARE, page.known_share):
            replaced[page.page] = page_lines
            by_page[page.page] = replace(measured, ocr=True)
    kept = [line for line in lines if line.page not in replaced]
    added = [line for page_lines in replaced.values() for line in page_lines]
    merged = sorted([*kept, *added], key=lambda line: (line.page, line.top))
    return merged, [by_page[number] for number in sorted(by_page)]


def _placed(line: VisualLine, page: int, left: float) -> VisualLine:
    """An OCR line on its page, at the document's left margin (headings are found there)."""
    fragments = tuple(replace(f, x0=f.x0 + left, x1=f.x1 + left) for f in line.fragments)
    return replace(line, page=page, fragments=fragments)


def ocr_page(body: bytes, page: int) -> str | None:
    """The text Tesseract reads on one page (1-based), or None when a tool fails."""
    with tempfile.TemporaryDirectory() as scratch:
        pdf = Path(scratch) / "document.pdf"
        pdf.write_bytes(body)
        image = Path(scratch) / "page"
        render = ["pdftoppm", "-r", str(OCR_DPI), "-f", str(page), "-l", str(page), "-png",
                  "-singlefile", str(pdf), str(image)]  # fmt: skip
        if not _run(render):
            return None
        done = _run(["tesseract", f"{image}.png", "stdout", "-l", OCR_LANGUAGES])
        text = done.stdout.decode("utf-8", "replace") if done else None
        return _MISREAD_SECTION_SIGN.sub("§ ", text) if text else None


def _run(command: list[str]):
    try:
        done = subprocess.run(command, capture_output=True, timeout=_TIMEOUT, check=False)
    except (subprocess.TimeoutExpired, OSError):
        return None
    return done if done.returncode == 0 else None


__all__ = ["ocr_available", "ocr_page", "read_textless_pages"]
