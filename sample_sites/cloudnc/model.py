"""The shape of a CloudNC sample site: a node tree (sections, organs, folders, meetings)
whose meetings hold items. Node and content ids are fixed in the content, so adding an item
never renumbers another meeting's items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sample_sites.model import HELSINKI, Attachment, Person

# CloudNC LanguageId per language.
LANGUAGE_IDS = {"fi": 1, "en": 2, "sv": 3}
MEETING_WORD = {"fi": "Kokous", "sv": "Sammanträde"}

Names = tuple[tuple[str, str], ...]  # (language, name) in the order the API lists them


@dataclass(frozen=True)
class CaseItem:
    """One item (§). Text fields are paragraphs split by blank lines; a paragraph of
    "- " lines becomes a list, one of "a | b" lines a table, **x** bold."""

    title: str
    description: str
    proposal: str
    decision: str = ""  # empty: not decided yet (an agenda)
    register_id: str = ""  # CaseNativeId, as the source writes it
    presenter: Person | None = None
    draftsmen: tuple[Person, ...] = ()
    appeal: str = ""
    inform: str = ""
    attachments: tuple[Attachment, ...] = ()
    language: str | None = None  # when it differs from the meeting's


@dataclass(frozen=True)
class Meeting:
    node_id: int
    start: datetime
    language: str
    first_article: int
    items: tuple[CaseItem, ...]

    @property
    def name(self) -> str:
        """ "Sammanträde 28.9.2026": CloudNC names meeting nodes by date, without the time."""
        start = self.start
        return f"{MEETING_WORD[self.language]} {start.day}.{start.month}.{start.year}"

    @property
    def decided(self) -> bool:
        return any(item.decision for item in self.items)

    def content_id(self, ordering: int) -> int:
        """Item n of the meeting (0 is the meeting's cover)."""
        return self.node_id * 100 + ordering

    def published_at(self) -> datetime:
        """Agendas go online six days before the meeting, minutes two days after it."""
        day = self.start.date() + (timedelta(days=2) if self.decided else timedelta(days=-6))
        return datetime.combine(day, time(10, 0), tzinfo=HELSINKI)


@dataclass(frozen=True)
class Folder:
    node_id: int
    names: Names
    meetings: tuple[Meeting, ...]


@dataclass(frozen=True)
class Organ:
    node_id: int
    names: Names
    folders: tuple[Folder, ...] = ()
    meetings: tuple[Meeting, ...] = ()  # meetings right under the organ, without a folder

    def all_meetings(self) -> list[Meeting]:
        return [*self.meetings, *(m for folder in self.folders for m in folder.meetings)]


@dataclass(frozen=True)
class Section:
    node_id: int
    names: Names
    organs: tuple[Organ, ...] = ()


@dataclass(frozen=True)
class CloudncSite:
    municipality: str
    host: str  # "http://pedersore.sample.invalid/": where odata.metadata points
    root_parent: int  # ParentId of the top nodes
    sections: tuple[Section, ...]
    robots_txt: str
    installed: datetime  # node dates of sections and organs

    def organs(self) -> list[Organ]:
        return [organ for section in self.sections for organ in section.organs]

    def meetings(self) -> list[Meeting]:
        return [meeting for organ in self.organs() for meeting in organ.all_meetings()]
