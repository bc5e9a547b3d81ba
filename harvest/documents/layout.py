"""Visual lines of an item document -> title, register number, history and labelled blocks.

Templates differ by install: labels in a left column with the text indented beside them
(wrapping over two or three lines in a narrow column), or labels on lines of their own,
or "Label: text". The label column is found from the layout: the left edge where short
pieces stand beside indented text that most lines share. Any piece in that column starts a
block, known or not: an unknown label starts a block of type ``other`` that keeps its label
and is never appended to the block above it. The vocabulary (fi/sv) is in
harvest/platforms/sections.py, shared with the HTML platforms.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from harvest.documents.formats import DocumentFormat
from harvest.pdftext import Fragment, VisualLine, column_starts
from harvest.platforms.sections import (
    COLON_LABEL,
    MAX_LABEL_CHARS,
    PREPARERS,
    PRESENTER,
    REGISTER,
    Section,
    attachments_in,
    contents_of,
    document_kind_in,
    fold_history,
    function_code_of,
    history_entry,
    is_register_line,
    label_as_written,
    label_kind,
    language_of,
    people_in,
    register_id_in,
)
from transform.schema import ContentType

# Preparers' initials under the register number, e.g. "KN/PM/PH/HY-L".
_INITIALS = re.compile(r"[A-ZÅÄÖ]{1,5}(-[A-ZÅÄÖ]{1,3})?(/[A-ZÅÄÖ]{1,5}(-[A-ZÅÄÖ]{1,3})?)+")
_DATE_LINE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}(\s+(klo\s+)?\d{1,2}[:.]\d{2})?", re.I)
# Beside "Pöytäkirja" in a page header: a date, the meeting number or "page (pages)".
_PAGE_HEADER_DETAIL = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}|\b\d{1,3}/\d{4}\b|\b\d+\s*\(\d+\)")
_ARTICLE_LINE = re.compile(r"§\s*\d{1,4}|\d{1,4}\s*§")
# The header line under the letterhead; the title stands below it.
_DATE_HEADER = re.compile(r"^(päivämäärä|pvm|datum|kokouspäivä|sammanträdesdatum)\b", re.I)
# A letterhead: "Oulun kaupunki", "Vasa stad", "Pedersöre kommun", "Esimerkkilän kunta".
_LETTERHEAD = re.compile(
    r"^[A-ZÅÄÖ][\w-]*(?:\s[\w-]+)?\s(kaupunki|kunta|stad|kommun|kuntayhtymä|samkommun"
    r"|hyvinvointialue|välfärdsområde)$"
)
_TITLE_SEARCH_PARAGRAPHS = 3
_MAX_TITLE_LINES = 6
_HEADER_SEARCH_LINES = 12
_SAME_X = 2.0  # points: fragments this close start in the same column
# Most lines start in the body column; labels stand left of it in at least this many rows.
_MIN_LABEL_ROWS = 2


@dataclass(frozen=True)
class LabelColumn:
    left: float  # where labels start
    body: float  # where the text beside them starts


@dataclass(frozen=True)
class _Layout:
    column: LabelColumn | None
    column_starts: list[float]  # left edges of text columns (pdftext.column_starts)


@dataclass
class DocumentReading:
    """What one item document says, and how it was read (for --explain and drift reports)."""

    format: DocumentFormat
    layout: str  # "label column" or "single column"
    title: str | None
    register_id: str | None
    history: list[dict]
    blocks: list[Section]
    line_count: int = 0
    # Pages whose text layer reads badly or is missing (harvest/documents/quality.py).
    unreliable_pages: list[int] = field(default_factory=list)

    @property
    def unknown_labels(self) -> list[str]:
        return [block.label for block in self.blocks if not block.known and block.label]

    @property
    def known_share(self) -> float:
        """Share of the text (characters) that landed in blocks of known type."""
        sizes = [(len(block.text), block.known) for block in self.blocks]
        total = sum(size for size, _ in sizes)
        return 1.0 if total == 0 else sum(size for size, known in sizes if known) / total

    def fields(self) -> dict:
        """Schema fields of the action (None where the document does not say)."""
        blocks = self.blocks
        return {
            "title": self.title,
            "register_id": self.register_id,
            "function_code": function_code_of(self.register_id),
            "presenter": next(iter(people_in(blocks, PRESENTER)), None),
            "preparers": people_in(blocks, PREPARERS) or None,
            "history": self.history or None,
            "contents": contents_of(blocks) or None,
            "attachments": attachments_in(blocks) or None,
            "language": language_of(blocks),
            "unreliable_pages": self.unreliable_pages or None,
        }

    def diagnostics(self) -> dict:
        return {
            "format": str(self.format),
            "layout": self.layout,
            "unknown_labels": self.unknown_labels,
            "known_share": round(self.known_share, 3),
        }


def read_layout(lines: list[VisualLine], document_format: DocumentFormat) -> DocumentReading:
    register_id = register_id_in(line.text for line in lines)
    column = find_label_column(lines)
    layout = _Layout(column, column_starts(lines))
    body = _without_register_lines(lines)
    title, body = _split_title(body, layout)
    blocks, history = _split_blocks(body, layout)
    return DocumentReading(
        format=document_format,
        layout="label column" if column else "single column",
        title=title,
        register_id=register_id,
        history=history,
        blocks=[block for block in fold_history(blocks, only_repeats=True) if block.lines],
        line_count=len(lines),
    )


def read_item_body(lines: list[VisualLine], document_format: DocumentFormat) -> DocumentReading:
    """An item whose title is already known (a whole-meeting document's "§ 4 <title>"):
    its register number and labelled blocks only, empty labelled blocks kept."""
    column = find_label_column(lines)
    layout = _Layout(column, column_starts(lines))
    blocks, history = _split_blocks(_without_register_lines(lines), layout)
    # The empty unlabelled block that opens every reading would count presentation as
    # "seen before" and fold a "Beredning" after a one-line "Tidigare behandling" into it.
    blocks = [block for block in blocks if block.lines or block.label]
    return DocumentReading(
        format=document_format,
        layout="label column" if column else "single column",
        title=None,
        register_id=register_id_in(line.text for line in lines),
        history=history,
        blocks=fold_history(blocks, only_repeats=True),  # empty ones too: see meeting.py
        line_count=len(lines),
    )


# --- The label column --------------------------------------------------------------------


def find_label_column(lines: list[VisualLine]) -> LabelColumn | None:
    """The label column, when the layout has one: rows with a short piece at the left edge
    and text beside it, and the body text indented to that text's x, not running from the
    left edge across it."""
    beside = Counter()
    for line in lines:
        if len(line.fragments) >= 2 and len(line.fragments[0].text) <= MAX_LABEL_CHARS:
            beside[(_round(line.fragments[0].x0), _round(line.fragments[1].x0))] += 1
    for (left, body), rows in beside.most_common():
        if rows < _MIN_LABEL_ROWS or body <= left:
            continue
        in_body = sum(1 for line in lines if abs(line.x0 - body) <= _SAME_X)
        # Text running from the left edge across the body column: a one-column document
        # (its bullets or "Label: text" lines only look like a column).
        full_width = sum(
            1 for line in lines
            if abs(line.x0 - left) <= _SAME_X and line.fragments[0].x1 > body + _SAME_X
        )  # fmt: skip
        if full_width <= rows + in_body:
            return LabelColumn(left, body)
    return None


def _round(x: float) -> float:
    return round(x / _SAME_X) * _SAME_X


def _label_piece(line: VisualLine, column: LabelColumn) -> Fragment | None:
    """The line's first fragment when it stands in the label column and ends before the
    body column (a title or a full-width paragraph at the left edge does not)."""
    first = line.fragments[0]
    in_column = abs(first.x0 - column.left) <= _SAME_X and first.x1 < column.body - 1
    fits = len(first.text) <= MAX_LABEL_CHARS and not history_entry(line.text)
    # Page-header rows share the layout: letterhead left, date or "Esityslista 5/2025" right.
    header = any(map(_is_header_matter, (line.text, first.text, _beside_text(line))))
    return first if in_column and fits and not header else None


def _beside(line: VisualLine) -> list[str]:
    rest = " ".join(fragment.text for fragment in line.fragments[1:])
    return [rest] if rest else []


# --- Header matter and the title ---------------------------------------------------------


def _without_register_lines(lines: list[VisualLine]) -> list[VisualLine]:
    """Drop the register-number line and the preparers' initials that follow it."""
    kept, previous_was_register = [], False
    for line in lines:
        is_register = is_register_line(line.text) or (
            is_register_line(_beside_text(line)) and label_kind(line.fragments[0].text)
        )
        if not is_register and not (previous_was_register and _INITIALS.fullmatch(line.text)):
            kept.append(line)
        previous_was_register = is_register
    return kept


def _beside_text(line: VisualLine) -> str:
    return " ".join(fragment.text for fragment in line.fragments[1:])


def _is_header_matter(text: str) -> bool:
    """Lines above the title: letterhead, dates, "§ 10", "Pöytäkirja 20.3.2017", history."""
    return bool(
        history_entry(text)
        or _DATE_LINE.fullmatch(text)
        or _ARTICLE_LINE.fullmatch(text)
        or _INITIALS.fullmatch(text)
        or _LETTERHEAD.match(text)
        or _DATE_HEADER.match(text)
        or (document_kind_in(text) and _PAGE_HEADER_DETAIL.search(text))
    )


def _is_header_line(line: VisualLine) -> bool:
    """Header matter as a whole, or piece by piece ("Oulun kaupunki   Päivämäärä 1.2.2025")."""
    return _is_header_matter(line.text) or all(
        _is_header_matter(fragment.text) for fragment in line.fragments
    )


def _is_page_header_line(line: VisualLine) -> bool:
    """A running header repeated in the text (formats without pages print it inline):
    letterhead or "Päivämäärä" pieces and nothing but header matter."""
    texts = [fragment.text for fragment in line.fragments]
    running = any(_LETTERHEAD.match(text) or _DATE_HEADER.match(text) for text in texts)
    return running and _is_header_line(line)


def _after_date_header(lines: list[VisualLine]) -> int:
    """Index after a "Päivämäärä" header line near the top (0 when there is none): the
    letterhead and page header above it are never the title."""
    for index, line in enumerate(lines[:_HEADER_SEARCH_LINES]):
        if any(_DATE_HEADER.match(fragment.text) for fragment in line.fragments):
            return index + 1
    return 0


def _split_title(lines: list, layout: _Layout) -> tuple[str | None, list]:
    """The title: the first bold paragraph near the top (else the first one) before any label.
    Lines above it are page header; only history lines among them are kept."""
    skip = _after_date_header(lines)
    paragraphs = [(a + skip, b + skip) for a, b in _title_candidates(lines[skip:], layout)]
    if not paragraphs:
        return None, lines
    bold = [paragraph for paragraph in paragraphs if lines[paragraph[0]].bold]
    start, stop = (bold or paragraphs)[0]
    if lines[start].bold:  # a bold title ends where plain text begins
        stop = next((i for i in range(start, stop) if not lines[i].bold), stop)
    title = " ".join(line.text for line in lines[start:stop])
    above = [line for line in lines[:start] if history_entry(line.text)]
    return title, above + lines[stop:]


def _title_candidates(lines: list, layout: _Layout) -> list[tuple[int, int]]:
    """(start, stop) index ranges of the first paragraphs that are not header matter."""
    paragraphs: list[tuple[int, int]] = []
    start = None
    for index, line in enumerate(lines):
        ends_here = _label_at(lines, index, layout) is not None
        header = _is_header_line(line)
        if ends_here or line.paragraph_start or header:
            if start is not None:
                paragraphs.append((start, index))
                start = None
            if ends_here or len(paragraphs) == _TITLE_SEARCH_PARAGRAPHS:
                break
        if start is None and not header:
            start = index
        elif start is not None and index - start >= _MAX_TITLE_LINES:
            paragraphs.append((start, index))
            start = None
    else:
        if start is not None:
            paragraphs.append((start, len(lines)))
    return paragraphs


# --- Labelled blocks ---------------------------------------------------------------------


@dataclass
class _LabelHit:
    label: str
    found: tuple | None  # (kind, language) when the label is in the vocabulary
    texts: list[str] = field(default_factory=list)  # text beside the label
    lines_used: int = 1

    def block(self, line: VisualLine) -> Section:
        kind, language = self.found or (ContentType.OTHER, None)
        section = Section(
            kind, language, self.label, known=self.found is not None, page=line.page,
            top=round(line.top, 1),
        )  # fmt: skip
        section.lines.extend((text, False) for text in self.texts)
        return section


def _split_blocks(lines: list, layout: _Layout) -> tuple[list[Section], list[dict]]:
    """Labelled blocks in document order; text before the first label is presentation.
    History lines ("Kaupunginhallitus 20.3.2017 § 10") are taken out as they come."""
    first = lines[0] if lines else None
    blocks = [Section(ContentType.PRESENTATION, None, None, page=first and first.page)]
    history = []
    index = 0
    while index < len(lines):
        line = lines[index]
        hit = _label_at(lines, index, layout)
        entry = history_entry(" ".join(hit.texts) if hit else line.text)
        if hit:
            blocks.append(hit.block(line))
            if entry:
                history.append(entry)
                blocks[-1].lines.clear()
        elif entry:
            history.append(entry)
        elif not _is_page_header_line(line):
            blocks[-1].lines.append((line.text, line.paragraph_start))
        index += hit.lines_used if hit else 1
    return [block for block in blocks if block.kind != REGISTER], history


def _label_at(lines: list, index: int, layout: _Layout) -> _LabelHit | None:
    hit = _column_label_at(lines, index, layout.column) if layout.column else None
    return hit or _inline_label_at(lines, index, layout.column_starts)


def _column_label_at(lines: list, index: int, column: LabelColumn) -> _LabelHit | None:
    """A label in the label column, its pieces on adjacent lines joined ("Täytäntöönpano-"
    / "tiedot", "Valmistelijat /" / "Lisätietojen" / "antaja"): the longest run of pieces
    that is a known label; else an unknown label up to a piece that is a label of its own."""
    run = _adjacent_pieces(lines, index, column)
    if not run:
        return None
    count = _known_prefix(run) or _unknown_prefix(run)
    label = " ".join(run[:count])
    texts = [text for line in lines[index : index + count] for text in _beside(line)]
    # An unknown piece needs text beside it: a short title or a lone line is not a label.
    if not label_kind(label) and (_is_header_matter(label) or not texts):
        return None
    return _LabelHit(label_as_written(label), label_kind(label), texts, count)


_MAX_LABEL_LINES = 4


def _adjacent_pieces(lines: list, index: int, column: LabelColumn) -> list[str]:
    pieces: list[str] = []
    stop = index
    while stop < len(lines) and len(pieces) < _MAX_LABEL_LINES:
        if pieces and not _adjacent(lines[stop - 1], lines[stop]):
            break
        piece = _label_piece(lines[stop], column)
        if piece is None or len(" ".join([*pieces, piece.text])) > MAX_LABEL_CHARS:
            break
        pieces.append(piece.text)
        stop += 1
    return pieces


def _known_prefix(run: list[str]) -> int:
    """Number of pieces in the longest known label the run starts with (0: none)."""
    return max((n for n in range(1, len(run) + 1) if label_kind(" ".join(run[:n]))), default=0)


def _unknown_prefix(run: list[str]) -> int:
    """An unknown label ends before a piece that is a known label of its own."""
    return next((n for n in range(1, len(run)) if label_kind(run[n])), len(run))


def _adjacent(above: VisualLine, below: VisualLine) -> bool:
    """Consecutive lines of one row: same page, no paragraph gap between them."""
    return above.page == below.page and below.top - above.bottom <= 0.7 * above.height


def _inline_label_at(lines: list, index: int, starts: list[float]) -> _LabelHit | None:
    """A known label alone on its line, left of its text, followed by a colon, or wrapped
    over two lines in one column."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following and abs(following.x0 - line.x0) < _SAME_X and _adjacent(line, following):
        for head, rest in _label_splits(line, starts):
            for head2, rest2 in _label_splits(following, starts):
                found = label_kind(f"{head} {head2}")
                if found and not label_kind(head):
                    return _LabelHit(label_as_written(f"{head} {head2}"), found, rest + rest2, 2)
    for head, rest in _label_splits(line, starts):
        found = label_kind(head)
        if found:
            return _LabelHit(label_as_written(head), found, rest)
    colon = COLON_LABEL.fullmatch(line.text)
    found = colon and label_kind(colon.group(1))
    if found:
        return _LabelHit(label_as_written(colon.group(1)), found, [colon.group(2)])
    return _unknown_heading_at(line)


_MAX_UNKNOWN_LABEL_WORDS = 4


def _unknown_heading_at(line: VisualLine) -> _LabelHit | None:
    """In one column, an unknown label looks like the known ones: a short bold heading
    ending in a colon, alone on its line. It starts an ``other`` block."""
    text = line.text
    short = len(text.split()) <= _MAX_UNKNOWN_LABEL_WORDS and len(text) <= MAX_LABEL_CHARS
    heading = len(line.fragments) == 1 and line.bold and text.endswith(":") and short
    if not heading or _is_header_matter(text) or history_entry(text):
        return None
    return _LabelHit(label_as_written(text), None)


def _label_splits(line: VisualLine, starts: list[float]):
    """(label candidate, text right of it): the whole line, then cuts where a fragment
    starts a text column (justified text splits lines into fragments anywhere)."""
    fragments = line.fragments
    yield line.text, []
    for cut in range(len(fragments) - 1, 0, -1):
        if not any(abs(fragments[cut].x0 - start) < 1.5 for start in starts):
            continue
        head = " ".join(fragment.text for fragment in fragments[:cut])
        if len(head) <= MAX_LABEL_CHARS:
            yield head, [" ".join(fragment.text for fragment in fragments[cut:])]


__all__ = [
    "DocumentReading",
    "LabelColumn",
    "find_label_column",
    "read_item_body",
    "read_layout",
]
