"""The UI message catalogue: every string the site itself says goes through ``_()``.

Message ids are English; each UI language maps every id to its text. Only Finnish is
used for now; Swedish and English are kept complete so the language switch (a later
issue) needs no template changes. An unknown id raises, so a missing translation fails
the build instead of leaking English into a Finnish page.

Harvested content is never translated: it stays in the language it was published in.
"""

from __future__ import annotations

from collections.abc import Callable

from transform.schema import Classification, ContentType, DocumentKind, Outcome

DEFAULT_LANGUAGE = "fi"
UI_LANGUAGES = ("fi", "sv", "en")

# (id, fi, sv, en). One table keeps the three languages side by side for reviewers.
_MESSAGES: tuple[tuple[str, str, str, str], ...] = (
    ("Avoin", "Avoin", "Avoin", "Avoin"),
    ("Municipal decisions in one open archive",
     "Kuntien päätökset yhdessä avoimessa arkistossa",
     "Kommunernas beslut i ett öppet arkiv",
     "Municipal decisions in one open archive"),
    ("Skip to content", "Siirry sisältöön", "Hoppa till innehållet", "Skip to content"),
    ("Main menu", "Päävalikko", "Huvudmeny", "Main menu"),
    ("Breadcrumbs", "Murupolku", "Brödsmulor", "Breadcrumbs"),
    ("Home", "Etusivu", "Startsida", "Home"),
    ("Latest decisions", "Uusimmat päätökset", "Senaste besluten", "Latest decisions"),
    ("Municipalities", "Kunnat", "Kommuner", "Municipalities"),
    ("Data updated", "Tiedot päivitetty", "Uppgifterna uppdaterade", "Data updated"),
    ("No decisions yet.", "Ei vielä päätöksiä.", "Inga beslut ännu.", "No decisions yet."),
    ("No meetings yet.", "Ei vielä kokouksia.", "Inga sammanträden ännu.", "No meetings yet."),
    ("No items.", "Ei asioita.", "Inga ärenden.", "No items."),
    ("No organs yet.", "Ei vielä toimielimiä.", "Inga organ ännu.", "No organs yet."),
    ("Organs", "Toimielimet", "Organ", "Organs"),
    ("Latest meetings", "Viimeisimmät kokoukset", "Senaste sammanträden", "Latest meetings"),
    ("Meetings", "Kokoukset", "Sammanträden", "Meetings"),
    ("Officeholder decisions", "Viranhaltijapäätökset", "Tjänsteinnehavarbeslut",
     "Officeholder decisions"),
    ("Meeting", "Kokous", "Sammanträde", "Meeting"),
    ("Meeting {number}", "Kokous {number}", "Sammanträde {number}", "Meeting {number}"),
    ("Items", "Asiat", "Ärenden", "Items"),
    ("Untitled item", "Nimetön asia", "Ärende utan rubrik", "Untitled item"),
    ("Meeting of {date}", "Kokous {date}", "Sammanträde {date}", "Meeting of {date}"),
    ("Date", "Päivämäärä", "Datum", "Date"),
    ("Time", "Aika", "Tid", "Time"),
    ("Municipality", "Kunta", "Kommun", "Municipality"),
    ("Organ", "Toimielin", "Organ", "Organ"),
    ("Section", "Pykälä", "Paragraf", "Section"),
    ("Register number", "Diaarinumero", "Diarienummer", "Register number"),
    ("Function code", "Tehtäväluokka", "Uppgiftsklass", "Function code"),
    ("Presenter", "Esittelijä", "Föredragande", "Presenter"),
    ("Prepared by", "Valmistelijat", "Beredare", "Prepared by"),
    ("Decision maker", "Päättäjä", "Beslutsfattare", "Decision maker"),
    ("Outcome", "Päätöksen laatu", "Beslutets art", "Outcome"),
    ("Document", "Asiakirja", "Handling", "Document"),
    ("Earlier handling", "Aiempi käsittely", "Tidigare behandling", "Earlier handling"),
    ("Attachments", "Liitteet", "Bilagor", "Attachments"),
    ("Not public", "Ei julkinen", "Inte offentlig", "Not public"),
    ("no link", "ei linkkiä", "ingen länk", "no link"),
    ("Source", "Lähde", "Källa", "Source"),
    ("Original page", "Alkuperäinen sivu", "Ursprunglig sida", "Original page"),
    ("Original PDF", "Alkuperäinen PDF", "Ursprunglig PDF", "Original PDF"),
    ("First archived", "Arkistoitu ensimmäisen kerran", "Arkiverad första gången",
     "First archived"),
    ("Last updated", "Viimeksi päivitetty", "Senast uppdaterad", "Last updated"),
    ("Versions", "Versiot", "Versioner", "Versions"),
    ("This item has changed since it was first archived. Earlier versions:",
     "Asia on muuttunut ensimmäisen arkistoinnin jälkeen. Aiemmat versiot:",
     "Ärendet har ändrats sedan det arkiverades första gången. Tidigare versioner:",
     "This item has changed since it was first archived. Earlier versions:"),
    ("Version of {date}", "Versio {date}", "Version {date}", "Version of {date}"),
    ("current", "nykyinen", "aktuell", "current"),
    ("Removed by the source on {date}.", "Lähde poisti tämän {date}.",
     "Källan tog bort detta {date}.", "Removed by the source on {date}."),
    ("removed by the source", "lähde poistanut", "borttaget av källan",
     "removed by the source"),
    ("Page not found", "Sivua ei löytynyt", "Sidan hittades inte", "Page not found"),
    ("The page you were looking for does not exist or has moved.",
     "Etsimääsi sivua ei ole tai se on siirtynyt.",
     "Sidan du söker finns inte eller har flyttats.",
     "The page you were looking for does not exist or has moved."),
    ("Go to the home page", "Siirry etusivulle", "Gå till startsidan", "Go to the home page"),
    ("Decisions are published as the municipalities publish them. Compilation licensed CC BY 4.0.",
     "Päätökset julkaistaan sellaisina kuin kunnat ne julkaisevat. Kokoelman lisenssi CC BY 4.0.",
     "Besluten publiceras så som kommunerna publicerar dem. Sammanställningen är licensierad "
     "CC BY 4.0.",
     "Decisions are published as the municipalities publish them. Compilation licensed CC BY 4.0."),
    ("at {time}", "klo {time}", "kl. {time}", "at {time}"),
    # Schema enums, labelled (see the *_LABELS tables below).
    ("Approved as proposed", "Hyväksyttiin ehdotuksen mukaisesti", "Godkändes enligt förslaget",
     "Approved as proposed"),
    ("Amended", "Muutettiin", "Ändrades", "Amended"),
    ("Tabled", "Jätettiin pöydälle", "Bordlades", "Tabled"),
    ("Returned for preparation", "Palautettiin valmisteluun", "Återremitterades",
     "Returned for preparation"),
    ("Rejected", "Hylättiin", "Förkastades", "Rejected"),
    ("Noted", "Merkittiin tiedoksi", "Antecknades", "Noted"),
    ("Unknown", "Ei tiedossa", "Okänt", "Unknown"),
    ("Summary", "Tiivistelmä", "Sammandrag", "Summary"),
    ("Presentation", "Esittely", "Föredragning", "Presentation"),
    ("Proposal", "Päätösehdotus", "Beslutsförslag", "Proposal"),
    ("Proceedings", "Käsittely", "Behandling", "Proceedings"),
    ("Decision", "Päätös", "Beslut", "Decision"),
    ("Appeal instructions", "Muutoksenhakuohjeet", "Anvisningar för sökande av ändring",
     "Appeal instructions"),
    ("Other", "Muu", "Övrigt", "Other"),
    ("Agenda", "Esityslista", "Föredragningslista", "Agenda"),
    ("Minutes", "Pöytäkirja", "Protokoll", "Minutes"),
    ("Council", "Valtuusto", "Fullmäktige", "Council"),
    ("Board", "Hallitus", "Styrelse", "Board"),
    ("Committee", "Lautakunta", "Nämnd", "Committee"),
    ("Subcommittee", "Jaosto", "Sektion", "Subcommittee"),
    ("Officeholder", "Viranhaltija", "Tjänsteinnehavare", "Officeholder"),
)

MESSAGES: dict[str, dict[str, str]] = {
    language: {row[0]: row[1 + index] for row in _MESSAGES}
    for index, language in enumerate(UI_LANGUAGES)
}

OUTCOME_LABELS = {
    Outcome.APPROVED_AS_PROPOSED: "Approved as proposed",
    Outcome.AMENDED: "Amended",
    Outcome.TABLED: "Tabled",
    Outcome.RETURNED: "Returned for preparation",
    Outcome.REJECTED: "Rejected",
    Outcome.NOTED: "Noted",
    Outcome.UNKNOWN: "Unknown",
}
CONTENT_TYPE_LABELS = {
    ContentType.SUMMARY: "Summary",
    ContentType.PRESENTATION: "Presentation",
    ContentType.PROPOSAL: "Proposal",
    ContentType.PROCEEDINGS: "Proceedings",
    ContentType.DECISION: "Decision",
    ContentType.APPEAL: "Appeal instructions",
    ContentType.OTHER: "Other",
}
DOCUMENT_KIND_LABELS = {DocumentKind.AGENDA: "Agenda", DocumentKind.MINUTES: "Minutes"}
CLASSIFICATION_LABELS = {
    Classification.COUNCIL: "Council",
    Classification.BOARD: "Board",
    Classification.COMMITTEE: "Committee",
    Classification.SUBCOMMITTEE: "Subcommittee",
    Classification.OFFICEHOLDER: "Officeholder",
    Classification.OTHER: "Other",
}


class MissingMessageError(KeyError):
    """A UI string has no entry in the catalogue."""


def translator(language: str = DEFAULT_LANGUAGE) -> Callable[..., str]:
    """``_`` for one UI language: ``_("Meeting {number}", number="5/2017")``."""
    if language not in MESSAGES:
        raise ValueError(f"unknown UI language {language!r}; known: {UI_LANGUAGES}")
    catalogue = MESSAGES[language]

    def gettext(message_id: str, **values: str) -> str:
        try:
            text = catalogue[message_id]
        except KeyError:
            raise MissingMessageError(f"no {language} text for UI string {message_id!r}") from None
        return text.format(**values) if values else text

    return gettext


def enum_label(labels: dict, value: str | None) -> str | None:
    """The message id labelling a schema enum value; None for a missing or unknown value."""
    if value is None:
        return None
    return labels.get(value)
