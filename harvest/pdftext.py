"""Text of a PDF in reading order, as visual lines that keep their positions.

Decision PDFs put labels ("Päätösehdotus") in a left column beside the text, or on a line
of their own. pdfminer's own box ordering mixes such columns up, so we take its text lines
(``LTTextLine``), regroup them into visual lines by height on the page, and keep each
piece's x position so a caller can tell a label column from the text column.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from io import BytesIO
from statistics import median

from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine

# How far into the file the "%PDF-" header may start, and the "%%EOF" end from the end
# (the specification lets readers tolerate a little junk on either side).
_HEADER_WINDOW = 1024
_TRAILER_WINDOW = 2048
# A vertical gap larger than this share of the usual line height starts a paragraph.
_PARAGRAPH_GAP = 0.7
# A line narrower than this share of the page's widest line is the end of a paragraph.
_SHORT_LINE = 0.8
# Headers and footers live in these shares of the page height.
_MARGIN_BAND = 0.12
_PAGE_NUMBER = re.compile(
    r"^(?:(?:sivu|sida|page)\s*)?\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|/\s*\d{1,3})$", re.I
)
_BOLD_FONT = re.compile(r"bold|black|heavy|demi", re.I)
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\u00ad": "",
        "\u00a0": " ",
    }
)
# No box ordering (boxes_flow=None): we order lines ourselves, and it saves time.
_LAYOUT = LAParams(boxes_flow=None)


class PdfTextError(ValueError):
    """The bytes are not a readable PDF (message is one line)."""


@dataclass(frozen=True)
class Fragment:
    """One run of text on a visual line, as pdfminer saw it (columns make several)."""

    x0: float
    x1: float
    text: str
    bold: bool = False


@dataclass(frozen=True)
class VisualLine:
    """Text at one height of one page, its fragments ordered left to right."""

    page: int  # 1-based
    top: float  # distance from the top of the page, in points
    bottom: float
    fragments: tuple[Fragment, ...]
    paragraph_start: bool = False

    @property
    def text(self) -> str:
        return " ".join(fragment.text for fragment in self.fragments)

    @property
    def bold(self) -> bool:
        return self.fragments[0].bold

    @property
    def x0(self) -> float:
        return self.fragments[0].x0

    @property
    def height(self) -> float:
        return self.bottom - self.top


def extract_lines(data: bytes) -> list[VisualLine]:
    """Visual lines of the whole document in reading order, page furniture removed."""
    check_pdf_bytes(data)
    return _mark_paragraphs(_without_page_furniture(_read_pages(data)))


def extract_text(data: bytes) -> str:
    """Plain text in reading order: one visual line per line, a blank line between paragraphs."""
    parts = []
    for line in extract_lines(data):
        if line.paragraph_start and parts:
            parts.append("")
        parts.append(line.text)
    return "\n".join(parts)


def page_count(data: bytes) -> int | None:
    """The PDF's number of pages; None when pdfminer cannot walk them (the text reader
    reports that document's fault; a page count is only a fact about it)."""
    from pdfminer.pdfpage import PDFPage

    try:
        return sum(1 for _ in PDFPage.get_pages(BytesIO(data)))
    except Exception:  # noqa: BLE001 - pdfminer raises many types, none of them ours
        return None


def check_pdf_bytes(data: bytes) -> None:
    """Raise PdfTextError for bytes that cannot be a whole PDF (empty, HTML, truncated)."""
    if not data or not data.strip():
        raise PdfTextError("empty file where a PDF was expected")
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise PdfTextError(_not_a_pdf_message(data))
    if b"%%EOF" not in data.rstrip()[-_TRAILER_WINDOW:]:
        raise PdfTextError(f"truncated PDF: no %%EOF marker at the end ({len(data)} bytes)")


def _not_a_pdf_message(data: bytes) -> str:
    head = data[:_HEADER_WINDOW].decode("latin-1").lstrip()
    if re.match(r"<(!doctype|html|head|body|\?xml)", head, re.I):
        title = re.search(r"<title[^>]*>([^<]*)", head, re.I)
        what = f" titled {_one_line(title.group(1))!r}" if title else ""
        return f"expected a PDF but got an HTML page{what} (an error page?)"
    return f"not a PDF: no %PDF- header (starts with {data[:16]!r})"


def _read_pages(data: bytes) -> list[tuple[float, list[VisualLine]]]:
    """(page height, visual lines) per page."""
    # Imported here: pdfminer's high-level module is slow to import and HTML parsing never needs it.
    from pdfminer.high_level import extract_pages

    pages = []
    try:
        for number, layout in enumerate(extract_pages(BytesIO(data), laparams=_LAYOUT), 1):
            pages.append((layout.height, _visual_lines(number, layout.height, _text_lines(layout))))
    except Exception as error:
        # pdfminer signals a broken file with many exception types (PDFSyntaxError,
        # struct.error, KeyError, ...); callers need one, with the cause attached.
        raise PdfTextError(f"unreadable PDF: {type(error).__name__}: {_one_line(error)}") from error
    return pages


def _text_lines(container) -> list[LTTextLine]:
    found = []
    for item in container:
        if isinstance(item, LTTextLine):
            found.append(item)
        elif isinstance(item, LTTextContainer):
            found.extend(_text_lines(item))
    return found


def _visual_lines(page: int, page_height: float, text_lines: list[LTTextLine]) -> list[VisualLine]:
    """Group pdfminer lines whose vertical centres are close into one visual line."""
    pieces = []
    for line in text_lines:
        text = _clean(line.get_text())
        if text:
            fragment = Fragment(line.x0, line.x1, text, _is_bold(line))
            pieces.append((page_height - line.y1, page_height - line.y0, fragment))
    pieces.sort(key=lambda piece: (piece[0] + piece[1]) / 2)
    groups: list[list[tuple]] = []
    for piece in pieces:
        if groups and _same_height(groups[-1], piece):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return [_as_visual_line(page, group) for group in groups]


def _is_bold(line: LTTextLine) -> bool:
    first_char = next((item for item in line if isinstance(item, LTChar)), None)
    return bool(first_char and _BOLD_FONT.search(first_char.fontname))


def _same_height(group: list[tuple], piece: tuple) -> bool:
    top = min(member[0] for member in group)
    bottom = max(member[1] for member in group)
    centre = (piece[0] + piece[1]) / 2
    tolerance = min(bottom - top, piece[1] - piece[0]) / 2
    return abs(centre - (top + bottom) / 2) <= tolerance


def _as_visual_line(page: int, group: list[tuple]) -> VisualLine:
    fragments = tuple(sorted((piece[2] for piece in group), key=lambda fragment: fragment.x0))
    top = min(piece[0] for piece in group)
    bottom = max(piece[1] for piece in group)
    return VisualLine(page=page, top=top, bottom=bottom, fragments=fragments)


def _clean(text: str) -> str:
    return " ".join(text.translate(_LIGATURES).split())


def _one_line(value) -> str:
    return " ".join(str(value).split())[:200]


def _without_page_furniture(pages: list[tuple[float, list[VisualLine]]]) -> list[VisualLine]:
    """Drop page numbers, and header/footer lines that repeat in the margins of every page."""
    repeated = _repeated_margin_texts(pages) if len(pages) > 1 else set()
    kept = []
    for height, page_lines in pages:
        for line in page_lines:
            furniture = _margin_key(line.text) in repeated and _in_margin(line, height)
            if not furniture and not _PAGE_NUMBER.match(line.text):
                kept.append(line)
    return kept


def _repeated_margin_texts(pages: list[tuple[float, list[VisualLine]]]) -> set[str]:
    counts: Counter[str] = Counter()
    for height, page_lines in pages:
        counts.update({_margin_key(line.text) for line in page_lines if _in_margin(line, height)})
    return {key for key, count in counts.items() if count == len(pages)}


def _margin_key(text: str) -> str:
    # Page headers repeat except for their numbers: "Pöytäkirja 4/2025 1 (2)" vs "... 2 (2)".
    return re.sub(r"\d+", "#", text)


def _in_margin(line: VisualLine, page_height: float) -> bool:
    band = page_height * _MARGIN_BAND
    return line.top < band or line.bottom > page_height - band


def _mark_paragraphs(lines: list[VisualLine]) -> list[VisualLine]:
    if not lines:
        return []
    usual_height = median(line.height for line in lines)
    widest = _widest_line_per_page(lines)
    marked = []
    previous = None
    for line in lines:
        if previous is None:
            starts = True
        elif line.page != previous.page:
            starts = _ends_paragraph(previous, widest[previous.page])
        else:
            starts = line.top - previous.bottom > usual_height * _PARAGRAPH_GAP
        marked.append(VisualLine(line.page, line.top, line.bottom, line.fragments, starts))
        previous = line
    return marked


def _widest_line_per_page(lines: list[VisualLine]) -> dict[int, float]:
    widest: dict[int, float] = {}
    for line in lines:
        widest[line.page] = max(widest.get(line.page, 0.0), _width(line))
    return widest


def _width(line: VisualLine) -> float:
    return line.fragments[-1].x1 - line.x0


def _ends_paragraph(last_line_of_page: VisualLine, widest: float) -> bool:
    """Across a page break there is no gap to measure: a short line ending a sentence
    ends its paragraph; a full line continues on the next page."""
    short = _width(last_line_of_page) < widest * _SHORT_LINE
    return short and last_line_of_page.text.endswith((".", "!", "?", ":"))


def column_starts(lines: list[VisualLine], tolerance: float = 1.5) -> list[float]:
    """x positions where at least two fragments start: the left edges of text columns."""
    starts = sorted(fragment.x0 for line in lines for fragment in line.fragments)
    columns: list[float] = []
    run: list[float] = []
    for x in starts:
        if run and x - run[0] > tolerance:
            if len(run) >= 2:
                columns.append(run[0])
            run = []
        run.append(x)
    if len(run) >= 2:
        columns.append(run[0])
    return columns
