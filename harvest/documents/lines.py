"""Visual lines for documents without a page layout of their own (DOCX, DOC, RTF, HTML).

A word-processor file has paragraphs, tab stops and table cells, not positions on a page.
We lay them out on a notional page so the one layout reader works for every format: a
table row's cells sit side by side at their column's x (a label cell left of its text
cell, each cell's lines zipped row by row), a tab moves text to the next tab column, and
rows and paragraphs are separated by a gap the layout reader reads as a paragraph break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from harvest.pdftext import Fragment, VisualLine

LINE_HEIGHT = 12.0  # points
PARAGRAPH_GAP = 10.0  # more than pdftext's paragraph threshold (0.7 of a line)
CHAR_WIDTH = 5.0  # notional width of a character, for text-only formats
TAB_COLUMN = 250.0  # where text after a tab starts when the file gives no tab stop
SHORT_LINE = 0.8  # share of a cell's width below which a line ending a sentence is short


@dataclass
class CellLine:
    text: str
    bold: bool = False
    paragraph_start: bool = True


@dataclass
class Cell:
    x0: float
    width: float
    lines: list[CellLine]


@dataclass
class LineBuilder:
    """Appends lines top to bottom on page 1 (these formats have no reliable pages)."""

    lines: list[VisualLine] = field(default_factory=list)
    top: float = 0.0
    gap_pending: bool = True

    def gap(self) -> None:
        self.gap_pending = True

    def line(self, fragments: list[Fragment], paragraph_start: bool) -> None:
        fragments = [fragment for fragment in fragments if fragment.text.strip()]
        if not fragments:
            return
        if self.gap_pending:
            self.top += PARAGRAPH_GAP
        starts = paragraph_start or self.gap_pending
        self.lines.append(VisualLine(1, self.top, self.top + LINE_HEIGHT, tuple(fragments), starts))
        self.top += LINE_HEIGHT
        self.gap_pending = False

    def row(self, cells: list[Cell]) -> None:
        """Cells side by side: line k holds each cell's k-th line."""
        self.gap()
        depth = max((len(cell.lines) for cell in cells), default=0)
        for k in range(depth):
            fragments, starts = [], False
            for position, cell in enumerate(cells):
                if k < len(cell.lines) and cell.lines[k].text.strip():
                    line = cell.lines[k]
                    fragments.append(_fragment(cell.x0, cell.width, line.text, line.bold))
                    # A new paragraph of the text, not of the label beside it, breaks.
                    starts = starts or (position > 0 and line.paragraph_start)
            self.line(fragments, starts)
        self.gap()


def _fragment(x0: float, width: float, text: str, bold: bool) -> Fragment:
    text = " ".join(text.split())
    return Fragment(x0, x0 + min(width, len(text) * CHAR_WIDTH), text, bold)


def text_fragment(x0: float, text: str, bold: bool = False) -> Fragment:
    text = " ".join(text.split())
    return Fragment(x0, x0 + len(text) * CHAR_WIDTH, text, bold)


def tabbed_fragments(text: str, indent: float = 0.0, bold: bool = False) -> list[Fragment]:
    """ "Päätös<TAB>Hyväksyttiin." -> the label at the indent, the text at the tab column."""
    fragments = []
    for index, part in enumerate(text.split("\t")):
        if not part.strip():
            continue
        x0 = indent if index == 0 else max(TAB_COLUMN * index, indent + TAB_COLUMN)
        fragments.append(text_fragment(x0, part, bold and index == 0))
    return fragments


def lines_of_plain_text(text: str) -> list[VisualLine]:
    """Text-only output of a converter (antiword, catdoc, striprtf): blank lines separate
    paragraphs, leading spaces indent, tabs and "|" table cells make columns."""
    builder = LineBuilder()
    open_cell = None  # striprtf: the cell a row's line breaks continue, until its "|" end
    ended: set[float] = set()  # antiword grid columns whose last line ended a paragraph
    last_cell = None  # catdoc: x of the last cell of the tabbed row just read
    raws = text.splitlines()
    for number, raw in enumerate(raws):
        if open_cell is not None or ("|" in raw and not raw.lstrip().startswith("|")):
            continued = open_cell is not None  # a line break inside a cell is a paragraph
            fragments, open_cell = _cell_fragments(raw, open_cell or 0)
            builder.line(fragments, paragraph_start=continued)
            if open_cell is None:
                builder.gap()
        elif not raw.strip() or set(raw.strip()) <= set("|-+"):
            builder.gap()
        elif raw.lstrip().startswith("|"):
            fragments = _grid_fragments(raw)
            builder.line(fragments, paragraph_start=_grid_paragraph_starts(fragments, ended))
            ended = _grid_paragraph_ends(raw)
        elif "\t" in raw:
            indent = (len(raw) - len(raw.lstrip(" "))) * CHAR_WIDTH
            fragments = tabbed_fragments(raw.strip(" "), indent)
            builder.line(fragments, paragraph_start=False)
            last_cell = fragments[-1].x0 if len(fragments) > 1 else None
            continue
        elif last_cell is not None and not _label_wraps_onto(raw, raws[number + 1 : number + 2]):
            # catdoc: a cell's further paragraphs follow its row on lines without a tab.
            builder.line([text_fragment(last_cell, raw.strip())], paragraph_start=True)
            continue
        else:
            builder.line(_spaced_fragments(raw), paragraph_start=False)
        last_cell = None
    return builder.lines


def _label_wraps_onto(raw: str, following: list[str]) -> bool:
    """catdoc: "Täytäntöönpano-" alone, then "tiedot<TAB>text": the start of a label."""
    short = len(raw.strip()) <= MAX_WRAPPED_LABEL_PIECE
    return short and raw.strip().endswith(("-", "/")) and bool(following) and "\t" in following[0]


MAX_WRAPPED_LABEL_PIECE = 30
_COLUMN_GAP = re.compile(r"\S+(?: {1,2}\S+)*")


def _spaced_fragments(raw: str) -> list[Fragment]:
    """Converters lay tab-aligned columns out with spaces: three or more split columns."""
    return [
        text_fragment(match.start() * CHAR_WIDTH, match.group())
        for match in _COLUMN_GAP.finditer(raw)
    ]


def _grid_paragraph_starts(fragments: list[Fragment], ended: set[float]) -> bool:
    return any(fragment.x0 in ended for fragment in fragments)


def _grid_paragraph_ends(raw: str) -> set[float]:
    """Columns of an antiword grid line that end a paragraph: antiword wraps text inside a
    cell and drops the paragraph breaks, so a short line ending a sentence is taken as the
    end of its paragraph (as pdftext does across a page break)."""
    ends, offset = set(), 0
    for cell in raw.split("|"):
        text = cell.strip()
        if text.endswith((".", "!", "?", ":")) and len(text) < len(cell) * SHORT_LINE:
            ends.add((offset + len(cell) - len(cell.lstrip())) * CHAR_WIDTH)
        offset += len(cell) + 1
    return ends


def _grid_fragments(raw: str) -> list[Fragment]:
    """antiword's tables: "|Label     |Text of the cell   |", cells at their character offset."""
    fragments, offset = [], 0
    for cell in raw.split("|"):
        if cell.strip():
            lead = len(cell) - len(cell.lstrip())
            fragments.append(text_fragment((offset + lead) * CHAR_WIDTH, cell))
        offset += len(cell) + 1
    return fragments


def _cell_fragments(raw: str, first_cell: int) -> tuple[list[Fragment], int | None]:
    """striprtf's tables: "Label|Text|" ("|" ends a cell, the row ends after the last);
    a cell's line breaks continue it on the next lines. Returns the fragments and the cell
    still open at the end of the line (None when the row ended)."""
    cells = raw.split("|")
    fragments = [
        text_fragment(TAB_COLUMN * (first_cell + index), cell)
        for index, cell in enumerate(cells)
        if cell.strip()
    ]
    ended = raw.rstrip().endswith("|")
    return fragments, None if ended else first_cell + len(cells) - 1
