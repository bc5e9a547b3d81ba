"""Meetings expanded into the documents KTweb lists, each with its docid.

Docids come from the meeting id (bid): agenda documents are bid*100+1.., minutes documents
bid*100+51.., the whole-meeting PDF is +49 in each range, and attachments are docid*10+k.
So editing one meeting never renumbers another meeting's documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from sample_sites.model import AGENDA, DOCUMENT_WORDS, MINUTES, Attachment, Item, Meeting, Site

COVER = "cover"
ITEM = "item"
APPEAL = "appeal"
WHOLE_MEETING = "whole_meeting"

_RANGE_START = {AGENDA: 0, MINUTES: 50}
_WHOLE_MEETING_OFFSET = 49
_MAX_ATTACHMENTS = 9


@dataclass(frozen=True)
class AttachmentDocument:
    docid: int
    number: int
    attachment: Attachment


@dataclass(frozen=True)
class Document:
    """One ``ktproxy2.dll?doctype=3`` document: a row of a meeting page, or the whole meeting."""

    docid: int
    role: str
    title: str
    meeting: Meeting
    kind: str
    article: int | None = None
    item: Item | None = None
    attachments: tuple[AttachmentDocument, ...] = ()

    @property
    def language(self) -> str:
        return self.meeting.organ.language

    @property
    def words(self) -> dict[str, str]:
        return DOCUMENT_WORDS[self.language]


def meeting_rows(meeting: Meeting, kind: str) -> list[Document]:
    """The documents of one agenda or minutes page, in page order."""
    base = meeting.bid * 100 + _RANGE_START[kind]
    words = DOCUMENT_WORDS[meeting.organ.language]
    rows = [Document(base + 1, COVER, words["cover_" + kind], meeting, kind)]
    for index, item in enumerate(meeting.items):
        docid = base + 2 + index
        rows.append(
            Document(
                docid,
                ITEM,
                item.title,
                meeting,
                kind,
                article=meeting.first_article + index,
                item=item,
                attachments=_attachment_documents(docid, item),
            )
        )
    if kind == MINUTES:
        rows.append(Document(base + 2 + len(meeting.items), APPEAL, words["appeal"], meeting, kind))
    if rows[-1].docid >= base + _WHOLE_MEETING_OFFSET:
        raise ValueError(f"meeting {meeting.bid} has too many items for its docid range")
    return rows


def whole_meeting_document(meeting: Meeting, kind: str) -> Document:
    """The meeting's full agenda or minutes, listed under "Kokousmateriaali"."""
    words = DOCUMENT_WORDS[meeting.organ.language]
    title = f"{meeting.organ.name} {words[kind].lower()} {meeting.start:%d.%m.%Y %H:%M}"
    docid = meeting.bid * 100 + _RANGE_START[kind] + _WHOLE_MEETING_OFFSET
    return Document(docid, WHOLE_MEETING, title, meeting, kind)


def all_documents(site: Site) -> list[Document]:
    documents = []
    for meeting in site.meetings:
        for kind in meeting.kinds():
            documents.extend(meeting_rows(meeting, kind))
            documents.append(whole_meeting_document(meeting, kind))
    return documents


def _attachment_documents(docid: int, item: Item) -> tuple[AttachmentDocument, ...]:
    if len(item.attachments) > _MAX_ATTACHMENTS:
        raise ValueError(f"{item.title!r}: at most {_MAX_ATTACHMENTS} attachments")
    return tuple(
        AttachmentDocument(docid * 10 + number, number, attachment)
        for number, attachment in enumerate(item.attachments, start=1)
    )
