"""The shape of a sample site's content, and the fixed words KTweb uses around it.

Content modules (``sample_sites/content/``) fill these dataclasses; the renderers turn them
into pages and PDFs. Document ids (KTweb "docid") are derived from the meeting id so that
adding an item to one meeting never renumbers another meeting's documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")

AGENDA = "agenda"
MINUTES = "minutes"
DOCUMENT_KINDS = (AGENDA, MINUTES)

# KTweb page-name prefix per document kind: epj_* pages are agendas, pk_* pages minutes.
KIND_PREFIX = {AGENDA: "epj", MINUTES: "pk"}

PLAIN_THEME = "plain"
BOOTSTRAP_THEME = "bootstrap"


@dataclass(frozen=True)
class Person:
    """An official acting in office (their name and work e-mail are public)."""

    title: str
    name: str
    email: str
    phone: str

    def contact_line(self) -> str:
        return f"{self.title} {self.name}, puh. {self.phone}, {self.email}"

    def contact_line_sv(self) -> str:
        return f"{self.title} {self.name}, tfn {self.phone}, {self.email}"


@dataclass(frozen=True)
class Attachment:
    name: str
    text: str = ""
    public: bool = True
    confidentiality_reason: str = ""
    scanned: bool = False  # a PDF without a text layer (sample_sites/attachment_files.py)


@dataclass(frozen=True)
class Item:
    """One numbered agenda item (§) with everything both its agenda and minutes show."""

    title: str
    presentation: str
    proposal: str
    decision: str
    register_id: str = ""
    summary: str = ""
    proceedings: str = ""
    preparers: tuple[Person, ...] = ()
    presenter: Person | None = None
    earlier_handling: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class Organ:
    id: int
    name: str
    language: str

    @property
    def option_value(self) -> str:
        # KTweb writes organ ids as floats in the search form.
        return f"{self.id}.000000"


@dataclass(frozen=True)
class Meeting:
    """One meeting; its agenda is always published, its minutes only when has_minutes."""

    bid: int
    organ: Organ
    number: str
    start: datetime
    end_time: str
    place: str
    first_article: int
    items: tuple[Item, ...]
    has_minutes: bool = True
    attendees: tuple[str, ...] = ()

    def kinds(self) -> tuple[str, ...]:
        return (AGENDA, MINUTES) if self.has_minutes else (AGENDA,)

    def published_at(self, kind: str) -> datetime:
        """When the document went online: agendas a week before, minutes two days after."""
        day = self.start.date() + (timedelta(days=-6) if kind == AGENDA else timedelta(days=2))
        return datetime.combine(day, time(10, 0), tzinfo=HELSINKI)


@dataclass(frozen=True)
class Site:
    municipality: str
    # {"fi": ..., "sv": ...}: printed in PDF page headers, in the document's language.
    town_name: dict[str, str]
    appeal_court: dict[str, str]
    register_prefix: str
    base_path: str
    theme: str
    ui_language: str
    encoding: str
    robots_txt: str
    organs: tuple[Organ, ...]
    meetings: tuple[Meeting, ...]
    # Pages served as UTF-16 (little-endian, no BOM), as some installs do: "path?query".
    utf16_pages: frozenset[str] = field(default_factory=frozenset)


def local_datetime(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=HELSINKI)


def fi_date(moment: datetime | date) -> str:
    """KTweb's date format, without leading zeros: 17.3.2025."""
    return f"{moment.day}.{moment.month}.{moment.year}"


def fi_datetime(moment: datetime) -> str:
    return f"{fi_date(moment)} {moment:%H:%M}"


# Words printed by KTweb around the content, by the language of the *document*.
DOCUMENT_WORDS = {
    "fi": {
        AGENDA: "Esityslista",
        MINUTES: "Pöytäkirja",
        "cover_" + AGENDA: "Esityslistan kansilehti",
        "cover_" + MINUTES: "Pöytäkirjan kansilehti",
        "appeal": "Muutoksenhakuohjeet",
        "summary": "Tiivistelmä",
        "presentation": "Esittelyteksti",
        "presenter": "Esittelijä",
        "proposal": "Päätösehdotus",
        "proceedings": "Käsittely",
        "decision": "Päätös",
        "attachments": "Liitteet",
        "preparers": "Valmistelijat / Lisätietojen antaja",
        "non_public": "Ei julkinen",
        "non_public_in_pdf": "ei julkinen",
        "time": "Aika",
        "place": "Paikka",
        "present": "Saapuvilla",
        "items_heading": "Käsitellyt asiat",
    },
    "sv": {
        AGENDA: "Föredragningslista",
        MINUTES: "Protokoll",
        "cover_" + AGENDA: "Föredragningslistans pärm",
        "cover_" + MINUTES: "Protokollets pärm",
        "appeal": "Besvärsanvisning",
        "summary": "Sammandrag",
        "presentation": "Beskrivning",
        "presenter": "Föredragande",
        "proposal": "Beslutsförslag",
        "proceedings": "Behandling",
        "decision": "Beslut",
        "attachments": "Bilagor",
        "preparers": "Beredare / Mer information",
        "non_public": "Ej offentlig",
        "non_public_in_pdf": "ej offentlig",
        "time": "Tid",
        "place": "Plats",
        "present": "Närvarande",
        "items_heading": "Behandlade ärenden",
    },
}

# Words of the KTweb user interface, by the site's UI language.
UI_WORDS = {
    "fi": {
        "search_title": "Tweb-kokoushaku",
        "search_header": "Tweb - kokousasioiden haku",
        "search_help_" + MINUTES: "Voit hakea pöytäkirjoja toimielimen ja kokouspäivän perusteella",
        "search_help_" + AGENDA: "Voit hakea esityslistoja toimielimen ja kokouspäivän perusteella",
        "organ": "Toimielin",
        "all_organs": "Kaikki toimielimet",
        "meeting_date": "Kokouspvm",
        "date_hint": "(pp.kk.vvvv)",
        "search_button": "Hae kokoukset",
        "list_title": "Valitse kokous",
        "list_header_" + MINUTES: "Kokoukset/pöytäkirjat:",
        "list_header_" + AGENDA: "Kokoukset/esityslistat:",
        "time": "Aika",
        "organ_meeting": "Elin: kokous",
        "meeting_title_" + MINUTES: "Kokouksen pöytäkirja",
        "meeting_title_" + AGENDA: "Kokouksen esityslista",
        "article": "§",
        "attachments": "Liitteet",
        "heading": "Otsikko",
        "material": "Kokousmateriaali:",
        "get_agenda": "Hae esityslista",
        "back": "«  Paluu edelliselle sivulle",
        "attachment_title": "Asian liitteet",
        "attachment_header": "Liitteet:",
        "pieces": "kpl",
        "nav_" + MINUTES: "Pöytäkirjat",
        "nav_" + AGENDA: "Esityslistat",
        "feed_kind_" + MINUTES: "pöytäkirjat",
        "feed_kind_" + AGENDA: "esityslistat",
    },
    "sv": {
        "search_title": "Tweb-mötessökning",
        "search_header": "Tweb - sökning av mötesärenden",
        "search_help_" + MINUTES: "Du kan söka protokoll enligt organ och mötesdatum",
        "search_help_" + AGENDA: "Du kan söka föredragningslistor enligt organ och mötesdatum",
        "organ": "Organ",
        "all_organs": "Alla organ",
        "meeting_date": "Mötesdatum",
        "date_hint": "(dd.mm.åååå)",
        "search_button": "Sök möten",
        "list_title": "Välj möte",
        "list_header_" + MINUTES: "Möten/protokoll:",
        "list_header_" + AGENDA: "Möten/föredragningslistor:",
        "time": "Tid",
        "organ_meeting": "Organ: möte",
        "meeting_title_" + MINUTES: "Mötets protokoll",
        "meeting_title_" + AGENDA: "Mötets föredragningslista",
        "article": "§",
        "attachments": "Bilagor",
        "heading": "Rubrik",
        "material": "Mötesmaterial:",
        "get_agenda": "Hämta föredragningslista",
        "back": "«  Tillbaka till föregående sida",
        "attachment_title": "Ärendets bilagor",
        "attachment_header": "Bilagor:",
        # KTweb prints the Finnish abbreviation in Swedish installs too.
        "pieces": "kpl",
        "nav_" + MINUTES: "Protokoll",
        "nav_" + AGENDA: "Föredragningslistor",
        "feed_kind_" + MINUTES: "protokoll",
        "feed_kind_" + AGENDA: "föredragningslistor",
    },
}
