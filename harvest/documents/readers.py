"""Any item document's bytes -> visual lines (harvest/pdftext.py's shape), by format."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml import etree

from harvest import pdftext
from harvest.decoding import decode_page
from harvest.documents.formats import DocumentFormat, detect_format
from harvest.documents.lines import (
    Cell,
    CellLine,
    LineBuilder,
    lines_of_plain_text,
    tabbed_fragments,
)
from harvest.pdftext import VisualLine

# A converter that hangs on a hostile file must not hold the whole transform.
_CONVERTER_TIMEOUT = 60
_EMU_PER_POINT = 12700
_DEFAULT_CELL_WIDTH = 250.0


class DocumentReadError(ValueError):
    """The bytes are not a document we can read (message is one line)."""


@dataclass(frozen=True)
class ReadLines:
    format: DocumentFormat
    lines: list[VisualLine]


def read_lines(body: bytes) -> ReadLines:
    document_format = detect_format(body)
    reader = _READERS.get(document_format)
    if reader is None:
        raise DocumentReadError(_unknown_format_message(body))
    return ReadLines(document_format, reader(body))


def _unknown_format_message(body: bytes) -> str:
    if not body or not body.strip():
        return "empty file where an item document was expected"
    return f"not a document format we read (PDF, DOC, DOCX, RTF, HTML): starts with {body[:16]!r}"


# --- PDF ---------------------------------------------------------------------------------


def _pdf_lines(body: bytes) -> list[VisualLine]:
    try:
        return pdftext.extract_lines(body)
    except pdftext.PdfTextError as error:
        raise DocumentReadError(str(error)) from error


# --- DOCX (python-docx) ------------------------------------------------------------------


def _docx_lines(body: bytes) -> list[VisualLine]:
    try:
        return _read_docx(body)
    except Exception as error:
        # python-docx signals a malformed package with many exception types (KeyError,
        # AttributeError, XMLSyntaxError, PackageNotFoundError, ...); callers need one.
        message = " ".join(str(error).split())[:160]
        raise DocumentReadError(f"unreadable DOCX: {type(error).__name__}: {message}") from error


def _read_docx(body: bytes) -> list[VisualLine]:
    import docx  # imported here: only Word documents need it

    document = docx.Document(io.BytesIO(body))
    builder = LineBuilder()
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            _docx_paragraph(builder, docx.text.paragraph.Paragraph(block, document))
        elif block.tag.endswith("}tbl"):
            _docx_table(builder, docx.table.Table(block, document))
    return builder.lines


def _docx_paragraph(builder: LineBuilder, paragraph) -> None:
    indent = _points(paragraph.paragraph_format.left_indent)
    first = indent + _points(paragraph.paragraph_format.first_line_indent)
    bold = _docx_bold(paragraph)
    for index, text in enumerate(paragraph.text.split("\n")):
        builder.line(tabbed_fragments(text, first if index == 0 else indent, bold), index == 0)
    builder.gap()


def _docx_table(builder: LineBuilder, table) -> None:
    for row in table.rows:
        cells, x0, seen = [], 0.0, set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                continue
            seen.add(id(cell._tc))
            width = _points(cell.width) or _DEFAULT_CELL_WIDTH
            cells.append(Cell(x0, width, _docx_cell_lines(cell)))
            x0 += width
        builder.row(cells)


def _docx_cell_lines(cell) -> list[CellLine]:
    lines = []
    for paragraph in cell.paragraphs:
        bold = _docx_bold(paragraph)
        for index, text in enumerate(paragraph.text.split("\n")):
            lines.append(CellLine(text, bold, index == 0))
    return [line for line in lines if line.text.strip()]


def _docx_bold(paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return False
    style_font = paragraph.style.font if paragraph.style is not None else None
    return bool(runs[0].bold or (runs[0].bold is None and style_font and style_font.bold))


def _points(length) -> float:
    return (length or 0) / _EMU_PER_POINT


# --- DOC (antiword, else catdoc) ---------------------------------------------------------


# antiword keeps tables as a grid; catdoc reads the small files antiword refuses.
DOC_CONVERTERS = (
    ("antiword", "-w", "0", "-m", "UTF-8.txt"),
    ("catdoc", "-d", "utf-8", "-w"),
)


def _doc_lines(body: bytes) -> list[VisualLine]:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "document.doc"
        path.write_bytes(body)
        problems = []
        for converter in DOC_CONVERTERS:
            text, problem = _run_converter([*converter, str(path)])
            if text is not None and text.strip():
                return lines_of_plain_text(text)
            problems.append(problem or f"{converter[0]}: no text")
    raise DocumentReadError("unreadable DOC: " + "; ".join(problems))


def _run_converter(command: list[str]) -> tuple[str | None, str | None]:
    if shutil.which(command[0]) is None:
        return None, f"{command[0]} is not installed (Debian package {command[0]})"
    try:
        done = subprocess.run(command, capture_output=True, timeout=_CONVERTER_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return None, f"{command[0]} took over {_CONVERTER_TIMEOUT} s"
    if done.returncode != 0:
        message = " ".join(done.stderr.decode("utf-8", "replace").split())[:160]
        return None, f"{command[0]} failed: {message or 'exit ' + str(done.returncode)}"
    return done.stdout.decode("utf-8", "replace"), None


# --- RTF (striprtf) ----------------------------------------------------------------------


def _rtf_lines(body: bytes) -> list[VisualLine]:
    from striprtf.striprtf import rtf_to_text

    try:
        text = rtf_to_text(body.decode("latin-1"), errors="replace")
    except (ValueError, IndexError, UnicodeError) as error:
        raise DocumentReadError(f"unreadable RTF: {type(error).__name__}: {error}") from error
    return lines_of_plain_text(text)


# --- HTML --------------------------------------------------------------------------------

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "td", "th", "tr", "dt", "dd"}
_BOLD_TAGS = {"b", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "th"}


def _html_lines(body: bytes) -> list[VisualLine]:
    text = decode_page(body)
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise DocumentReadError(f"unreadable HTML: {' '.join(str(error).split())}") from error
    for unwanted in root.xpath("//script|//style|//head"):
        unwanted.drop_tree()
    builder = LineBuilder()
    _html_walk(builder, root.body if root.find("body") is not None else root)
    return builder.lines


def _html_walk(builder: LineBuilder, element) -> None:
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr" and not child.xpath(".//tr"):
            _html_row(builder, child)
        elif child.tag in _BLOCKS and not child.xpath(".//p|.//div|.//table|.//li|.//tr"):
            for index, line in enumerate(_html_cell_lines(child)):
                builder.line(tabbed_fragments(line.text, 0.0, line.bold), index == 0)
            builder.gap()
        else:
            _html_walk(builder, child)


def _html_row(builder: LineBuilder, row) -> None:
    cells = [
        Cell(index * _DEFAULT_CELL_WIDTH, _DEFAULT_CELL_WIDTH, _html_cell_lines(cell))
        for index, cell in enumerate(row.xpath("./td|./th"))
    ]
    builder.row([cell for cell in cells if cell.lines] or cells)


def _html_cell_lines(element) -> list[CellLine]:
    """Lines of a block: <br> and inner paragraphs break them."""
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = []
    blocks = element.xpath(".//p|.//li|.//div") or [element]
    for block in blocks:
        bold = _html_bold(block)
        for index, text in enumerate(block.text_content().split("\n")):
            if text.strip():
                lines.append(CellLine(text.strip(), bold, index == 0))
    return lines


def _html_bold(element) -> bool:
    """Bold when the block's first text sits in <b>, <strong>, <th> or a heading."""
    first = next((e for e in element.iter() if (e.text or "").strip()), element)
    chain = [first, *first.iterancestors()]
    inside = chain[: chain.index(element) + 1] if element in chain else [first]
    return any(node.tag in _BOLD_TAGS for node in inside)


_READERS = {
    DocumentFormat.PDF: _pdf_lines,
    DocumentFormat.DOCX: _docx_lines,
    DocumentFormat.DOC: _doc_lines,
    DocumentFormat.RTF: _rtf_lines,
    DocumentFormat.HTML: _html_lines,
}
