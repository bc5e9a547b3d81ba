"""A whole meeting in one document (agenda or minutes as one PDF) -> its cover and items.

Tweb and CloudNC towns publish each meeting also as one file: a cover (organ, time, place,
the items handled, attendance, signatures, publication), often a table of contents, then
each item under a heading "§ 125 <title>" or "4§ <title>" (or "§ 125" with the title on
the next line), and appeal instructions at the end. We split at the § headings that stand
at the left margin; the table of contents lists the same headings, so a heading counts
only at its last occurrence, and never when another heading follows within two lines
(a list, not an item). Each item's lines go through the one layout reader
(harvest/documents/layout.py) for its register id and labelled sections; the cover is read
by harvest/documents/cover.py. Nothing here is keyed to a town: headings, labels and
running headers are the platforms' shared vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from harvest.documents.cover import MeetingCover, read_cover
from harvest.documents.formats import DocumentFormat
from harvest.documents.layout import DocumentReading, read_item_body
from harvest.documents.ocr import read_textless_pages
from harvest.documents.quality import PageQuality, repair_lines
from harvest.documents.readers import DocumentReadError, read_lines
from harvest.pdftext import VisualLine
from harvest.platforms.sections import (
    ATTACHMENTS,
    PREPARERS,
    PRESENTER,
    Section,
    appeal_coverage,
    covered_articles,
    label_as_written,
    label_key,
    label_kind,
    register_id_in,
)
from transform.schema import ContentType

# "§ 125 Title", "§ 125", "4§ Title", "4 § Title": the title, when given, starts with a letter.
_HEADING = re.compile(
    r"^(?:§\s*(?P<after>\d{1,4})|(?P<before>\d{1,4})\s*§)(?:\s+(?P<title>[^\W\d_].*))?$"
)
# Running headers of whole-meeting files: "Protokoll 2§ 30.01.2023 Sida 2", "Pöytäkirja
# 16.09.2025 Sivu 3 (15)". The page furniture filter misses them when the § in them varies.
_RUNNING_HEADER = re.compile(
    r"^(?:\S+\s+)?(protokoll|pöytäkirja|esityslista|föredragningslista|kallelse|kokouskutsu)"
    r"\b.*\b(sida|sivu|page|s\.)\s*\d+",
    re.I,
)
# Case-management ids beside the diary numbers: "LAPDno-2025-23", "KSTDno-2024-1203".
_CASE_ID = re.compile(r"\b[A-ZÅÄÖ]{2,8}(?:Dno|DNO|Dnr|DNR)-\d{4}-\d{1,7}\b")
_SAME_X = 3.0  # points: a heading stands at the left margin
_LIST_GAP = 2  # lines: headings closer than this are a table of contents
_MAX_TITLE_LINES = 3


@dataclass
class MeetingItem:
    article_number: str
    title: str | None
    register_id: str | None
    reading: DocumentReading
    pages: list[int]
    appeal: dict | None = None  # the appeal instructions that cover this item

    def fields(self) -> dict:
        fields = self.reading.fields()
        fields.update(title=self.title, register_id=self.register_id or fields["register_id"])
        if self.appeal:
            fields["contents"] = [*(fields["contents"] or []), self.appeal]
        return fields


@dataclass
class MeetingDocument:
    """What one whole-meeting document says."""

    cover: MeetingCover
    items: list[MeetingItem]
    appeal: list[dict]  # sections of the appeal instructions
    quality: list[PageQuality] = field(default_factory=list)
    listed: dict[str, str] = field(default_factory=dict)  # the cover's list: § -> title
    format: DocumentFormat = DocumentFormat.PDF

    @property
    def unreliable_pages(self) -> list[int]:
        return [page.page for page in self.quality if not page.reliable]


def read_meeting_document(body: bytes, file_name: str = "") -> MeetingDocument:
    """A whole-meeting file's bytes -> cover and items; DocumentReadError when it has none."""
    read = read_lines(body)
    lines, quality = repair_lines(read.lines, body)
    lines, quality = read_textless_pages(body, lines, quality)
    document = split_meeting(lines, file_name)
    document.quality, document.format = quality, read.format
    _add_unread_items(document)
    return document


def split_meeting(lines: list[VisualLine], file_name: str = "") -> MeetingDocument:
    lines = [line for line in lines if not _RUNNING_HEADER.match(line.text)]
    starts = item_starts(lines)
    if not starts:
        raise DocumentReadError("no § headings found: not a whole-meeting document")
    cover = read_cover(lines[: starts[0]], file_name)
    listed = _listed_items(lines[: starts[0]])
    bounds = [*starts, len(lines)]
    items, appeal = [], []
    for start, stop in zip(bounds, bounds[1:], strict=False):
        item_lines = lines[start:stop]
        if stop == len(lines):
            item_lines, appeal = _split_off_appeal(item_lines)
        items.append(_read_item(item_lines))
    _mark_appeal(items, appeal)
    return MeetingDocument(cover, items, appeal, listed=listed)


# --- Where items start -------------------------------------------------------------------


def item_starts(lines: list[VisualLine]) -> list[int]:
    """Line indexes of the item headings, in document order, § numbers rising."""
    left = min((line.x0 for line in lines), default=0.0)
    candidates = [i for i, line in enumerate(lines) if _heading_number(line, left)]
    listed = {a for a, b in zip(candidates, candidates[1:], strict=False) if b - a <= _LIST_GAP}
    last_of_number = {_heading_number(lines[i], left): i for i in candidates if i not in listed}
    starts, previous = [], -1
    for index in sorted(last_of_number.values()):
        number = int(_heading_number(lines[index], left))
        if number > previous:
            starts.append(index)
            previous = number
    return starts


def _heading_number(line: VisualLine, left: float) -> str | None:
    if line.x0 > left + _SAME_X:
        return None
    match = _HEADING.match(line.text)
    return (match.group("after") or match.group("before")) if match else None


def _listed_items(cover: list[VisualLine]) -> dict[str, str]:
    """The cover's list of items ("§ 125 <title>"): § -> title."""
    listed = {}
    for line in cover:
        match = _HEADING.match(line.text)
        if match and match.group("title"):
            listed[match.group("after") or match.group("before")] = match.group("title")
    return listed


def _add_unread_items(document: MeetingDocument) -> None:
    """An item the cover lists whose pages have no text (a scan, no OCR): kept with its
    listed title and those pages, which are flagged, so the archive shows it exists."""
    textless = [page.page for page in document.quality if not page.has_text]
    ocr = {page.page for page in document.quality if page.ocr}
    for item in document.items:  # OCR runs a scanned heading into its text; the list does not
        if set(item.pages) <= ocr and item.article_number in document.listed:
            item.title = document.listed[item.article_number]
    read = {item.article_number for item in document.items}
    for number, title in document.listed.items():
        if number in read:
            continue
        before = [i.pages[-1] for i in document.items if int(i.article_number) < int(number)]
        after = [i.pages[0] for i in document.items if int(i.article_number) > int(number)]
        low, high = max(before, default=0), min(after, default=10**6)
        pages = [page for page in textless if low < page < high]
        if pages:
            empty = read_item_body([], DocumentFormat.PDF)
            document.items.append(MeetingItem(number, title, None, empty, pages))
    document.items.sort(key=lambda item: int(item.article_number))
    _mark_appeal(document.items, document.appeal)  # the appeal names unread items too


# --- One item ----------------------------------------------------------------------------


def _read_item(lines: list[VisualLine]) -> MeetingItem:
    heading = _HEADING.match(lines[0].text)
    number = heading.group("after") or heading.group("before")
    title_lines, rest = _title_lines(heading.group("title"), lines[1:])
    register_id = register_id_in(line.text for line in rest[:4]) or _case_id(rest[:4])
    body = [line for line in rest if not _is_id_line(line, register_id)]
    return MeetingItem(
        article_number=number,
        title=" ".join(title_lines) or None,
        register_id=register_id,
        reading=_text_after_people(read_item_body(body, DocumentFormat.PDF)),
        pages=sorted({line.page for line in lines}),
    )


def _title_lines(inline: str | None, lines: list[VisualLine]) -> tuple[list[str], list]:
    """The title: beside the §, or the bold lines under it ("§ 125" alone on its line)."""
    titles = [inline] if inline else []
    taken = 0
    for line in lines[:_MAX_TITLE_LINES]:
        # A wrapped title may end in a word that is also a label ("... framläggande"): only
        # a new paragraph or plain text ends it.
        if not line.bold or (titles and line.paragraph_start):
            break
        titles.append(line.text)
        taken += 1
    return titles, lines[taken:]


def _text_after_people(reading: DocumentReading) -> DocumentReading:
    """Inline labels without a column ("Esittelijä: Name", "Valmistelija / lisätiedot:"
    then names, "Liitteet" then a list) end where a new paragraph begins: the text after
    belongs to the block before them (a proposal), or is presentation text."""
    blocks = []
    for block in reading.blocks:
        keep, rest = _people_lines(block)
        block.lines = keep
        blocks.append(block)
        if rest:
            if block.kind == PRESENTER and len(blocks) > 1 and blocks[-2].kind != PREPARERS:
                blocks[-2].lines.extend(rest)
            else:
                blocks.append(Section(ContentType.PRESENTATION, None, None, rest, page=block.page))
    reading.blocks = [block for block in blocks if block.lines]
    return reading


def _people_lines(block: Section) -> tuple[list, list]:
    if block.kind not in (PRESENTER, PREPARERS, ATTACHMENTS):
        return block.lines, []
    cut = next((i for i, (_, starts) in enumerate(block.lines) if i and starts), len(block.lines))
    return block.lines[:cut], block.lines[cut:]


def _case_id(lines: list[VisualLine]) -> str | None:
    match = next((m for line in lines if (m := _CASE_ID.search(line.text))), None)
    return match.group() if match else None


def _is_id_line(line: VisualLine, register_id: str | None) -> bool:
    return bool(register_id) and line.text.strip() == register_id


# --- Appeal instructions -----------------------------------------------------------------

# Headings of appeal instructions; each names the § it covers on the next line.
_APPEAL_WORDS = (
    "muutoksenhaku", "oikaisuvaatimus", "valitusosoitus", "valitus", "besvär", "rättelseyrkande",
    "omprövning", "ändringssökande", "sökande av ändring",
)  # fmt: skip


def _is_appeal_heading(line: VisualLine, left: float) -> bool:
    found = label_kind(line.fragments[0].text)
    known = bool(found) and found[0] == ContentType.APPEAL
    named = label_key(line.text).startswith(_APPEAL_WORDS) and len(line.text) <= 60
    return line.x0 <= left + _SAME_X and (known or (named and line.bold))


def _split_off_appeal(lines: list[VisualLine]) -> tuple[list[VisualLine], list[dict]]:
    """The appeal instructions after the last item: from the first appeal heading at the
    left margin (the item's own sections stand indented beside or under it), one section
    per heading that names the § it covers."""
    left = lines[0].x0
    start = next((i for i in range(1, len(lines)) if _is_appeal_heading(lines[i], left)), None)
    if start is None:
        return lines, []
    region = lines[start:]
    heads = [i for i, line in enumerate(region) if i == 0 or _names_articles(region, i, left)]
    bounds = [*heads, len(region)]
    sections = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        label = label_as_written(region[a].text)
        text = "\n".join(line.text for line in region[a + 1 : b])
        sections.append({"type": ContentType.APPEAL.value, "label": label, "text": text})
    return lines[:start], sections


def _names_articles(region: list[VisualLine], index: int, left: float) -> bool:
    following = region[index + 1] if index + 1 < len(region) else None
    return (
        _is_appeal_heading(region[index], left)
        and following is not None
        and appeal_coverage(following.text, []) is not None
    )


def _mark_appeal(items: list[MeetingItem], sections: list[dict]) -> None:
    """Each item gets the appeal instructions that name it ("§19, §20, §21"); all items get
    a section that names none we can read."""
    known = [item.article_number for item in items]
    for section in sections:
        first_line = section["text"].split("\n", 1)[0]
        entries = appeal_coverage(first_line, known)
        covered = set(covered_articles(entries, known)) if entries else set(known)
        for item in items:
            if item.article_number in covered and item.appeal is None:
                item.appeal = section


__all__ = ["MeetingDocument", "MeetingItem", "item_starts", "read_meeting_document"]
