"""The shape of a Dynasty sample site's content, and the fixed words Dynasty prints around it.

Content (``content.py``) fills these dataclasses; ``pages.py`` renders them in either
generation's URLs. Item ids are ``<meeting id>-<n>``, n counting from 1 in list order, as
Dynasty numbers them; the agenda and the minutes of one meeting have ids of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")
AGENDA, MINUTES = "agenda", "minutes"
STATIC, CGI = "static", "cgi"


@dataclass(frozen=True)
class Person:
    """An official acting in office (fictional; their work contacts are public)."""

    title: str
    name: str
    phone: str

    @property
    def signature(self) -> str:
        return f"{self.title} {self.name}"


@dataclass(frozen=True)
class Attachment:
    name: str
    public: bool = True
    reason: str = ""  # why a non-public one is withheld, as the source writes it


@dataclass(frozen=True)
class Item:
    """One agenda item / § with everything its agenda and minutes pages show."""

    title: str
    register_id: str  # "2771/10.03.01/2026"; the static export prints it split in two
    presentation: tuple[str, ...]  # paragraphs of "Selostus" / "Beskrivning"
    proposal: str
    decision: str  # minutes only
    proceedings: str = ""
    preparers: tuple[Person, ...] = ()
    history: tuple[tuple[str, int, date], ...] = ()  # earlier handlings: organ, §, day
    earlier: tuple[str, str] | None = None  # (proposal, decision) of the handling in history
    attachments: tuple[Attachment, ...] = ()
    for_information: tuple[str, ...] = ()  # "Tiedoksi" / "För kännedom"


@dataclass(frozen=True)
class Organ:
    id: int
    name: str
    language: str


@dataclass(frozen=True)
class Appeal:
    """An appeal-instruction PDF listed on a minutes page for a § range (as written)."""

    articles: str
    name: str


@dataclass(frozen=True)
class Meeting:
    organ: Organ
    start: datetime
    agenda_id: int | None
    minutes_id: int | None
    first_article: int  # the § of the first item in the minutes
    presenter: Person
    items: tuple[Item, ...]
    appeals: tuple[Appeal, ...] = ()

    def document_id(self, kind: str) -> int | None:
        return self.agenda_id if kind == AGENDA else self.minutes_id

    def kinds(self) -> list[str]:
        return [kind for kind in (AGENDA, MINUTES) if self.document_id(kind)]

    def number(self, kind: str, index: int) -> int:
        """§ in the minutes; the running item number ("Asianro") in the agenda."""
        return self.first_article + index if kind == MINUTES else index + 1

    def item_id(self, kind: str, index: int) -> str:
        return f"{self.document_id(kind)}-{index + 1}"

    def published_at(self, kind: str) -> datetime:
        """Agendas go online a week ahead, minutes three days after the meeting."""
        return self.start + (timedelta(days=3) if kind == MINUTES else -timedelta(days=7))


@dataclass(frozen=True)
class Office:
    """An officeholder whose decisions are published (viranhaltija / tjänsteinnehavare)."""

    id: int
    name: str


@dataclass(frozen=True)
class Decision:
    id: int
    office: Office
    maker: Person
    day: date
    article: int
    title: str
    register_id: str
    decision: str
    reasons: tuple[str, ...]
    preparers: tuple[Person, ...] = ()


@dataclass(frozen=True)
class Site:
    municipality: str
    town_name: str
    generation: str  # STATIC or CGI
    base_path: str  # "/kokous/" or "/djulkaisu/"
    email_domain: str
    organs: tuple[Organ, ...]
    meetings: tuple[Meeting, ...]
    offices: tuple[Office, ...] = ()
    decisions: tuple[Decision, ...] = ()
    robots_txt: str = "User-agent: *\nAllow: /\n"
    encoding: str = "windows-1252"


# Words Dynasty prints, per language of the organ.
WORDS = {
    "fi": {
        AGENDA: "Esityslista", MINUTES: "Pöytäkirja", "checked": "Tarkastettu",
        "at": "klo", "article": "Pykälä", "item_number": "Asianro", "title": "Otsikko",
        "organs": "Toimielimet", "latest": "Viimeisin kokous", "year": "Vuosi",
        "lists": "Kokouslistat", "preparers": "Valmistelijat / lisätiedot:",
        "proposal": "Päätösehdotus", "proceedings": "Käsittely", "decision": "Päätös",
        "presentation": "Selostus", "attachments": "Liitteet", "history": "Päätöshistoria",
        "for_information": "Tiedoksi", "appeals": "Muutoksenhakuohjeet",
        "item_pdf": "Kokousasia PDF-muodossa", "previous": "Edellinen asia",
        "next": "Seuraava asia", "search": "Avaa haku", "offices": "Viranhaltijat",
        "decisions": "Viranhaltijapäätökset", "officeholder": "Viranhaltijapäätös",
        "maker": "Päättäjä", "reasons": "Perustelut", "appeal": "Muutoksenhaku",
        "appeal_text": "Tähän päätökseen tyytymätön voi tehdä kirjallisen oikaisuvaatimuksen.",
        "date": "Päivämäärä", "whole_pdf": "PDF-muodossa",
    },
    "sv": {
        AGENDA: "Föredragningslista", MINUTES: "Protokoll", "checked": "Justerat",
        "at": "kl.", "article": "Paragraf", "item_number": "Ärende", "title": "Rubrik",
        "organs": "Organ", "latest": "Senaste möte", "year": "År",
        "lists": "Sammanträdeslistor", "preparers": "Beredare / mer information:",
        "proposal": "Beslutsförslag", "proceedings": "Behandling", "decision": "Beslut",
        "presentation": "Beskrivning", "attachments": "Bilagor", "history": "Beslutshistorik",
        "for_information": "För kännedom", "appeals": "Besvärsanvisningar",
        "item_pdf": "Ärendet i PDF-format", "previous": "Föregående ärende",
        "next": "Följande ärende", "search": "Öppna sökning", "offices": "Tjänsteinnehavare",
        "decisions": "Tjänsteinnehavarbeslut", "officeholder": "Tjänsteinnehavarbeslut",
        "maker": "Beslutsfattare", "reasons": "Motivering", "appeal": "Sökande av ändring",
        "appeal_text": "Den som är missnöjd med beslutet kan begära omprövning skriftligen.",
        "date": "Datum", "whole_pdf": "i PDF-format",
    },
}  # fmt: skip


def fi_date(moment: date | datetime) -> str:
    """Dynasty writes dates with leading zeros: 08.05.2017."""
    return f"{moment.day:02d}.{moment.month:02d}.{moment.year}"


def fi_time(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def short_date(moment: date | datetime) -> str:
    """History lines and texts write 8.5.2017."""
    return f"{moment.day}.{moment.month}.{moment.year}"
