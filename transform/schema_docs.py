"""The open-data tables, documented once: every table and field of the dumps with its type,
meaning in English and Finnish, an example value and the Finnish / Swedish term.

Three things are generated from this one definition, so they cannot disagree:
``docs/schema.md`` (``python -m transform.schema_docs`` rewrites it, ``--check`` tells
whether it is current), the Table Schemas in ``datapackage.json`` (``table_schema``) and
the schema page of the site (``schema_tables``). transform/export.py writes the columns in
the order given here.

Types are Frictionless Table Schema types. Lists are flattened in the CSVs as the field
descriptions say: plain lists of names are joined with " | " (``LIST_SEPARATOR``), lists
of objects are JSON text (type ``array``).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from transform.schema import (
    AttachmentExtraction,
    Classification,
    ContentType,
    DocumentKind,
    ItemStatus,
    Outcome,
)
from transform.topics import Topic

LIST_SEPARATOR = " | "
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCHEMA_MARKDOWN = PROJECT_ROOT / "docs" / "schema.md"
LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


@dataclass(frozen=True)
class FieldDoc:
    name: str
    type: str  # Frictionless type: string, integer, boolean, date, datetime, array
    en: str
    fi: str
    example: str
    term: str = ""  # "Finnish / Swedish", the words the source documents use
    enum: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class ForeignKey:
    field: str
    table: str
    reference: str = "id"


@dataclass(frozen=True)
class TableDoc:
    name: str
    en: str
    fi: str
    term: str
    fields: tuple[FieldDoc, ...]
    primary_key: tuple[str, ...] = ("id",)
    foreign_keys: tuple[ForeignKey, ...] = ()
    csv: bool = True  # False: published as JSON lines only (the change log)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)

    def field(self, name: str) -> FieldDoc:
        for field in self.fields:
            if field.name == name:
                return field
        raise KeyError(f"{self.name} has no field {name!r}")


def _values(enum) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


# -- shared fields -------------------------------------------------------------------

MUNICIPALITY_REF = FieldDoc(
    "municipality",
    "string",
    "Id of the municipality (see municipalities.csv).",
    "Kunnan tunniste (ks. municipalities.csv).",
    "vaasa",
    "kunta / kommun",
    required=True,
)
ORIGIN_ID = FieldDoc(
    "origin_id",
    "string",
    "The publishing platform's own identifier, from which the id is made.",
    "Julkaisujärjestelmän oma tunniste, josta id muodostetaan.",
    "8852203",
    "",
)
SOURCE_URL = FieldDoc(
    "source_url",
    "string",
    "The page at the source this record was read from (or its own page there).",
    "Lähdesivu, jolta tietue luettiin (tai tietueen oma sivu lähteessä).",
    "https://tweb.vaasa.fi/ktwebscr/epj_asil_tweb.htm?+bid=88522",
    "lähde / källa",
)
PDF_URL = FieldDoc(
    "pdf_url",
    "string",
    "The document as PDF at the source, when there is one.",
    "Asiakirja PDF-muodossa lähteessä, jos sellainen on.",
    "https://tweb.vaasa.fi/ktwebbin/ktproxy2.dll?doctype=3&docid=8852203",
    "",
)
LANGUAGE = FieldDoc(
    "language",
    "string",
    "Language the text is published in (ISO 639-1), when known.",
    "Kieli, jolla teksti on julkaistu (ISO 639-1), jos tiedossa.",
    "fi",
    "kieli / språk",
)
PROVENANCE = (
    FieldDoc(
        "fetched_at",
        "datetime",
        "When the page that last changed this record was fetched (UTC).",
        "Milloin sivu, joka viimeksi muutti tietuetta, haettiin (UTC).",
        "2026-11-23T00:28:06+00:00",
    ),
    FieldDoc(
        "raw_sha256",
        "string",
        "SHA-256 of the fetched bytes the record was parsed from: proof of what the source said.",
        "Haettujen tavujen SHA-256-tiiviste, josta tietue jäsennettiin: todiste siitä, mitä "
        "lähde sanoi.",
        "2261093d27a0fd6453b2407672b813a1a8cd6249d9a135962ebc492f5d60fe90",
    ),
    FieldDoc(
        "parser_version",
        "string",
        "Version of the Avoin parser that read the page.",
        "Sivun lukeneen Avoimen jäsentimen versio.",
        "1",
    ),
    FieldDoc(
        "first_seen",
        "datetime",
        "When Avoin first saw the record at the source (UTC).",
        "Milloin Avoin näki tietueen ensimmäisen kerran lähteessä (UTC).",
        "2026-11-23T00:28:05+00:00",
    ),
    FieldDoc(
        "last_seen",
        "datetime",
        "When Avoin last saw the record at the source (UTC).",
        "Milloin Avoin näki tietueen viimeksi lähteessä (UTC).",
        "2026-11-24T00:28:05+00:00",
    ),
    FieldDoc(
        "withdrawn_at",
        "datetime",
        "Set when the source removed the record; the row then keeps only where the record "
        "stood, not its text. Empty for a live record.",
        "Asetetaan, kun lähde on poistanut tietueen; rivillä on silloin vain tietueen paikka, "
        "ei tekstiä. Tyhjä voimassa olevalla tietueella.",
        "",
        "poistettu lähteestä / borttagen från källan",
    ),
)
PAGE_PROVENANCE = (SOURCE_URL, *PROVENANCE)


# -- the tables ----------------------------------------------------------------------

MUNICIPALITIES = TableDoc(
    "municipalities",
    "The municipalities Avoin follows; from configuration, not from pages.",
    "Kunnat, joita Avoin seuraa; asetuksista, ei sivuilta.",
    "kunta / kommun",
    (
        FieldDoc(
            "id",
            "string",
            "Short id of the municipality.",
            "Kunnan lyhyt tunniste.",
            "vaasa",
            required=True,
        ),
        FieldDoc("name_fi", "string", "Name in Finnish.", "Nimi suomeksi.", "Vaasa", "nimi / namn"),
        FieldDoc("name_sv", "string", "Name in Swedish.", "Nimi ruotsiksi.", "Vasa", "nimi / namn"),
        FieldDoc(
            "code",
            "string",
            "Official municipality number.",
            "Virallinen kuntanumero.",
            "905",
            "kuntanumero / kommunnummer",
        ),
        FieldDoc(
            "languages",
            "string",
            "Official languages, majority first, joined with ' | '.",
            "Viralliset kielet, enemmistön kieli ensin, eroteltuna ' | '.",
            "fi | sv",
            "kielet / språk",
        ),
        FieldDoc(
            "platform",
            "string",
            "The publishing platform the municipality uses.",
            "Kunnan käyttämä julkaisujärjestelmä.",
            "ktweb",
            "julkaisujärjestelmä / publiceringssystem",
        ),
        FieldDoc(
            "base_url",
            "string",
            "Where the platform is published.",
            "Julkaisujärjestelmän osoite.",
            "https://tweb.vaasa.fi/ktwebscr/",
        ),
        FieldDoc(
            "kind",
            "string",
            "'municipality', or 'welfare_region' for a region that decides the social, health "
            "and rescue matters of the municipalities in 'serves' (since 1.1.2023).",
            "'municipality' (kunta) tai 'welfare_region' (hyvinvointialue, joka päättää "
            "'serves'-kentän kuntien sosiaali-, terveys- ja pelastusasioista 1.1.2023 alkaen).",
            "welfare_region",
            "kunta vai hyvinvointialue / kommun eller välfärdsområde",
            enum=("municipality", "welfare_region"),
        ),
        FieldDoc(
            "serves",
            "string",
            "For a welfare region: the ids of the municipalities it serves, joined with ' | '.",
            "Hyvinvointialueelle: kuntien tunnisteet, joita se palvelee, eroteltuna ' | '.",
            "riihimaki | hameenlinna",
        ),
    ),
)

ORGANIZATIONS = TableDoc(
    "organizations",
    "Organs that make decisions: council, board, committees, officeholders.",
    "Päättävät toimielimet: valtuusto, hallitus, lautakunnat, viranhaltijat.",
    "toimielin / organ",
    (
        FieldDoc(
            "id",
            "string",
            "Stable id: '<municipality>:org:<origin_id>'.",
            "Pysyvä tunniste: '<kunta>:org:<origin_id>'.",
            "vaasa:org:4105",
            required=True,
        ),
        MUNICIPALITY_REF,
        FieldDoc(
            "name",
            "string",
            "Name of the organ as the source writes it.",
            "Toimielimen nimi lähteen kirjoittamana.",
            "Kaupunginhallitus",
            "toimielin / organ",
        ),
        FieldDoc(
            "classification",
            "string",
            "Kind of organ, comparable across municipalities.",
            "Toimielimen laji, vertailukelpoinen kuntien välillä.",
            "board",
            "valtuusto, hallitus, lautakunta, jaosto, viranhaltija / fullmäktige, "
            "styrelse, nämnd, sektion, tjänsteinnehavare",
            enum=_values(Classification),
        ),
        ORIGIN_ID,
        *PAGE_PROVENANCE,
    ),
    foreign_keys=(ForeignKey("municipality", "municipalities"),),
)

MEETINGS = TableDoc(
    "meetings",
    "Meetings of an organ; an agenda and the minutes of one meeting are separate rows.",
    "Toimielimen kokoukset; saman kokouksen esityslista ja pöytäkirja ovat eri rivejä.",
    "kokous / sammanträde",
    (
        FieldDoc(
            "id",
            "string",
            "Stable id: '<municipality>:meeting:<origin_id>'.",
            "Pysyvä tunniste: '<kunta>:meeting:<origin_id>'.",
            "vaasa:meeting:88522",
            required=True,
        ),
        MUNICIPALITY_REF,
        FieldDoc(
            "organization",
            "string",
            "Id of the organ that met.",
            "Kokoontuneen toimielimen tunniste.",
            "vaasa:org:4122",
            "toimielin / organ",
        ),
        FieldDoc(
            "number",
            "string",
            "Meeting number as written.",
            "Kokouksen numero kirjoitetussa muodossa.",
            "9/2026",
            "kokousnumero / sammanträdesnummer",
        ),
        # Text, not datetime: some sources give only the date of a meeting.
        FieldDoc(
            "start",
            "string",
            "When the meeting began: ISO 8601 date and time with the Helsinki offset, "
            "or only the date when the source gives no time.",
            "Kokouksen alkamisaika: ISO 8601 -päivämäärä ja kellonaika Helsingin "
            "aikavyöhykkeellä, tai pelkkä päivämäärä, jos lähde ei kerro aikaa.",
            "2026-10-13T16:30:00+03:00",
            "kokousaika / sammanträdestid",
        ),
        FieldDoc(
            "document_kind",
            "string",
            "Whether the document is the agenda or the minutes.",
            "Onko asiakirja esityslista vai pöytäkirja.",
            "minutes",
            "esityslista, pöytäkirja / föredragningslista, protokoll",
            enum=_values(DocumentKind),
        ),
        LANGUAGE,
        ORIGIN_ID,
        *PAGE_PROVENANCE[:1],
        PDF_URL,
        FieldDoc(
            "place",
            "string",
            "Where the meeting was held, as the cover writes it.",
            "Kokouspaikka pöytäkirjan kannen mukaan.",
            "Kaupungintalo, valtuustosali",
            "paikka / plats",
        ),
        FieldDoc(
            "chair",
            "string",
            "Who chaired the meeting.",
            "Kokouksen puheenjohtaja.",
            "Maija Meikäläinen",
            "puheenjohtaja / ordförande",
        ),
        FieldDoc(
            "secretary",
            "string",
            "Who kept the minutes.",
            "Pöytäkirjanpitäjä.",
            "Matti Virtanen",
            "sihteeri / sekreterare",
        ),
        FieldDoc(
            "attendance",
            "array",
            "Who attended or was absent: JSON list of {name, role, group, present}.",
            "Läsnä ja poissa olleet: JSON-lista {name, role, group, present}.",
            '[{"name": "Maija Meikäläinen", "role": "puheenjohtaja", '
            '"group": "Saapuvilla olleet jäsenet", "present": true}]',
            "saapuvilla, poissa / närvarande, frånvarande",
        ),
        FieldDoc(
            "published",
            "date",
            "Day the minutes were made public.",
            "Päivä, jona pöytäkirja asetettiin nähtäville.",
            "2026-10-20",
            "nähtävänäolo / framläggande",
        ),
        *PROVENANCE,
    ),
    foreign_keys=(
        ForeignKey("municipality", "municipalities"),
        ForeignKey("organization", "organizations"),
    ),
)

MATTER_REF = FieldDoc(
    "matter_id",
    "string",
    "Id of the matter: every item of the same register number in the municipality "
    "(matters.csv); empty without a register number.",
    "Asian tunniste: kaikki kunnan saman diaarinumeron käsittelyt (matters.csv); tyhjä ilman "
    "diaarinumeroa.",
    "vaasa:matter:vaa-2233-08.01.00-2026",
    "asia / ärende",
)

ACTIONS = TableDoc(
    "actions",
    "Decisions: one agenda item (§) of a meeting, or one officeholder decision.",
    "Päätökset: kokouksen asia (§) tai viranhaltijapäätös.",
    "asia, pykälä, viranhaltijapäätös / ärende, paragraf, tjänsteinnehavarbeslut",
    (
        FieldDoc(
            "id",
            "string",
            "Stable id: '<municipality>:action:<origin_id>'. Cite it.",
            "Pysyvä tunniste: '<kunta>:action:<origin_id>'. Viittaa tällä.",
            "vaasa:action:8852203",
            required=True,
        ),
        MUNICIPALITY_REF,
        FieldDoc(
            "organization",
            "string",
            "Id of the organ that decided.",
            "Päättäneen toimielimen tunniste.",
            "vaasa:org:4122",
            "toimielin / organ",
        ),
        FieldDoc(
            "meeting",
            "string",
            "Id of the meeting; empty for an officeholder decision.",
            "Kokouksen tunniste; tyhjä viranhaltijapäätöksellä.",
            "vaasa:meeting:88522",
            "kokous / sammanträde",
        ),
        FieldDoc(
            "article_number",
            "string",
            "Section number (§) as written; empty for unnumbered items such as the cover page.",
            "Pykälänumero (§) kirjoitetussa muodossa; tyhjä numeroimattomilla kohdilla.",
            "85",
            "pykälä / paragraf",
        ),
        FieldDoc(
            "ordering",
            "integer",
            "Position of the item in its meeting, from 0.",
            "Kohdan järjestys kokouksessa, alkaen 0:sta.",
            "2",
            "järjestys / ordning",
        ),
        FieldDoc(
            "title",
            "string",
            "Title of the item.",
            "Asian otsikko.",
            "Pyöräilyn pääverkon toteutusohjelma 2027-2030",
            "otsikko / rubrik",
        ),
        FieldDoc(
            "register_id",
            "string",
            "Diary number of the case, as written (whitespace normalised).",
            "Asian diaarinumero kirjoitetussa muodossa (välilyönnit siivottu).",
            "VAA/2233/08.01.00/2026",
            "diaarinumero / diarienummer",
        ),
        MATTER_REF,
        FieldDoc(
            "function_code",
            "string",
            "Task classification read from the diary number, when it can be.",
            "Diaarinumerosta luettu tehtäväluokka, jos se voidaan lukea.",
            "08.01.00",
            "tehtäväluokka / uppgiftsklass",
        ),
        LANGUAGE,
        FieldDoc(
            "presenter",
            "string",
            "Who presented the item, as written.",
            "Asian esittelijä kirjoitetussa muodossa.",
            "tekninen johtaja Jari Kivioja",
            "esittelijä / föredragande",
        ),
        FieldDoc(
            "preparers",
            "string",
            "Who prepared the item, joined with ' | '.",
            "Asian valmistelijat, eroteltuna ' | '.",
            "liikenneinsinööri Noora Haapala | suunnittelija Aino Laine",
            "valmistelija / beredare",
        ),
        FieldDoc(
            "decision_maker",
            "string",
            "The officeholder who decided (officeholder decisions only).",
            "Päätöksen tehnyt viranhaltija (vain viranhaltijapäätökset).",
            "kaupungininsinööri Matti Virtanen",
            "päättäjä / beslutsfattare",
        ),
        FieldDoc(
            "history",
            "array",
            "Earlier handling of the case: JSON list of {organization, date, article_number}.",
            "Asian aiempi käsittely: JSON-lista {organization, date, article_number}.",
            '[{"organization": "Tekninen lautakunta", "date": "2026-10-13", '
            '"article_number": "85"}]',
            "päätöshistoria / beslutshistorik",
        ),
        FieldDoc(
            "contents",
            "array",
            "Sections of the item in order: JSON list of {type, label, text}; type is one "
            f"of {', '.join(_values(ContentType))}. Text complete; the sanitised HTML of "
            "a section is in actions.jsonl only.",
            "Asian osat järjestyksessä: JSON-lista {type, label, text}. Teksti "
            "kokonaisena; osan HTML on vain tiedostossa actions.jsonl.",
            '[{"type": "proposal", "label": "Päätösehdotus", "text": "Tekninen '
            'lautakunta hyväksyy ..."}]',
            "esittelyteksti, päätösehdotus, päätös / beskrivning, beslutsförslag, beslut",
        ),
        FieldDoc(
            "outcome",
            "string",
            "What was decided, comparable across municipalities.",
            "Päätöksen lopputulos, vertailukelpoinen kuntien välillä.",
            "approved_as_proposed",
            "hyväksyttiin, pöydälle, palautettiin, merkittiin tiedoksi / godkändes, "
            "bordlades, återremitterades, antecknades",
            enum=_values(Outcome),
        ),
        FieldDoc(
            "attachment_count",
            "integer",
            "Number of attachments; they are rows of attachments.csv.",
            "Liitteiden määrä; liitteet ovat attachments.csv:n rivejä.",
            "1",
            "liitteet / bilagor",
        ),
        FieldDoc(
            "date",
            "date",
            "Date of the meeting or of the officeholder decision.",
            "Kokouksen tai viranhaltijapäätöksen päivämäärä.",
            "2026-10-13",
            "päivämäärä / datum",
        ),
        ORIGIN_ID,
        SOURCE_URL,
        PDF_URL,
        FieldDoc(
            "translations",
            "array",
            "The same item published in another language: JSON list of {language, id}.",
            "Sama asia toisella kielellä julkaistuna: JSON-lista {language, id}.",
            '[{"language": "sv", "id": "vaasa:action:8852303"}]',
            "käännös / översättning",
        ),
        FieldDoc(
            "unreliable_pages",
            "array",
            "Pages of the source document whose text layer reads badly (or had none): "
            "their text may contain errors. JSON list of page numbers.",
            "Lähdeasiakirjan sivut, joiden tekstikerros on huono tai puuttuu: tekstissä "
            "voi olla virheitä. JSON-lista sivunumeroista.",
            "[3, 4]",
            "tekstin laatu / textens kvalitet",
        ),
        *PROVENANCE,
    ),
    foreign_keys=(
        ForeignKey("municipality", "municipalities"),
        ForeignKey("organization", "organizations"),
        ForeignKey("meeting", "meetings"),
    ),
)

ATTACHMENTS = TableDoc(
    "attachments",
    "Attachments of decisions, one row per attachment, in the order the item lists them.",
    "Päätösten liitteet, yksi rivi liitettä kohden, asian luettelemassa järjestyksessä.",
    "liite / bilaga",
    (
        FieldDoc(
            "action",
            "string",
            "Id of the decision the attachment belongs to.",
            "Päätöksen tunniste, johon liite kuuluu.",
            "vaasa:action:8852203",
            "asia / ärende",
            required=True,
        ),
        FieldDoc(
            "position",
            "integer",
            "Position of the attachment in the item's list, from 1.",
            "Liitteen järjestysnumero asian liiteluettelossa, alkaen 1:stä.",
            "1",
            required=True,
        ),
        MUNICIPALITY_REF,
        FieldDoc(
            "name",
            "string",
            "Name of the attachment as written.",
            "Liitteen nimi kirjoitetussa muodossa.",
            "1 Toteutusohjelma",
            "liitteen nimi / bilagans namn",
        ),
        FieldDoc(
            "url",
            "string",
            "Where the attachment is at the source.",
            "Liitteen osoite lähteessä.",
            "https://tweb.vaasa.fi/ktwebscr/epjattn_tweb.htm?8852203",
        ),
        FieldDoc(
            "public",
            "boolean",
            "Whether the attachment is public.",
            "Onko liite julkinen.",
            "true",
            "julkinen / offentlig",
        ),
        FieldDoc(
            "confidentiality_reason",
            "string",
            "Why the attachment is not public, as the source states it.",
            "Miksi liite ei ole julkinen, lähteen ilmoittamana.",
            "JulkL 24.1 § 25 k.",
            "salassapitoperuste / sekretessgrund",
        ),
        FieldDoc(
            "media_type",
            "string",
            "Media type of the file, when fetched.",
            "Tiedoston mediatyyppi, jos tiedosto on haettu.",
            "application/pdf",
        ),
        FieldDoc(
            "sha256",
            "string",
            "SHA-256 of the file, when fetched.",
            "Tiedoston SHA-256-tiiviste, jos tiedosto on haettu.",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        ),
        FieldDoc(
            "text",
            "string",
            "Text extracted from the file (public attachments only), after the "
            "publishing rules (identity codes, private persons' contacts, retention). "
            "A spreadsheet's rows are lines of tab-separated cells.",
            "Tiedostosta poimittu teksti (vain julkiset liitteet) julkaisusääntöjen "
            "jälkeen (henkilötunnukset, yksityishenkilöiden yhteystiedot, säilytysaika). "
            "Taulukon rivit ovat rivejä, solut sarkaimin erotettuja.",
            "Toteutusohjelma 2027-2030 ...",
        ),
        FieldDoc(
            "pages",
            "integer",
            "Pages of a fetched PDF (sheets of a spreadsheet).",
            "Haetun PDF:n sivumäärä (taulukkotiedoston välilehtien määrä).",
            "12",
        ),
        FieldDoc(
            "extraction",
            "string",
            "How reading the fetched file went: extracted; no_text_layer (a scanned PDF, "
            "not read: no OCR); image (not read); empty; failed (not a format we read, "
            "broken, or over the parse limits). Empty when the file was not fetched "
            "(not public, or not yet).",
            "Miten haetun tiedoston lukeminen onnistui: extracted (luettu); "
            "no_text_layer (skannattu PDF ilman tekstiä, ei tekstintunnistusta); image "
            "(kuva, ei luettu); empty (ei tekstiä); failed (muoto ei luettavissa, "
            "rikki tai yli jäsennysrajojen). Tyhjä, jos tiedostoa ei ole haettu.",
            "extracted",
            enum=_values(AttachmentExtraction),
        ),
        FieldDoc(
            "extraction_note",
            "string",
            "Why a fetched file has no text.",
            "Miksi haetusta tiedostosta ei ole tekstiä.",
            "a scanned PDF without a text layer (no OCR)",
        ),
        FieldDoc(
            "source_gone_at",
            "datetime",
            "When the source answered that the file is gone (404/410); its text is kept.",
            "Milloin lähde ilmoitti tiedoston poistuneen (404/410); teksti säilytetään.",
            "2028-05-02T01:12:40+00:00",
        ),
        FieldDoc(
            "source_url",
            "string",
            "The page at the source the attachment was listed on (its decision's page).",
            "Lähdesivu, jolla liite oli lueteltu (päätöksen sivu).",
            "https://tweb.vaasa.fi/ktwebscr/epj_asil_tweb.htm?+bid=88522",
            "lähde / källa",
        ),
        *PROVENANCE[:3],
    ),
    primary_key=("action", "position"),
    foreign_keys=(
        ForeignKey("action", "actions"),
        ForeignKey("municipality", "municipalities"),
    ),
)

CHANGES = TableDoc(
    "changes",
    "The change log, changes/YYYY-MM-DD.jsonl: one JSON object per line for each record a "
    "run added, amended or that the source withdrew. The date is the run's date in Finland.",
    "Muutosloki, changes/VVVV-KK-PP.jsonl: yksi JSON-olio riviä kohden jokaisesta "
    "tietueesta, jonka ajo lisäsi tai jota se muutti, tai jonka lähde poisti.",
    "muutokset / ändringar",
    (
        FieldDoc(
            "date",
            "date",
            "Date of the run (Helsinki time).",
            "Ajon päivämäärä (Suomen aikaa).",
            "2026-11-23",
            "päivämäärä / datum",
        ),
        FieldDoc(
            "run_id",
            "integer",
            "Number of the run that made the change; empty when the "
            "change came from outside a run (configuration).",
            "Muutoksen tehneen ajon numero; tyhjä, jos muutos tuli ajon ulkopuolelta.",
            "42",
        ),
        FieldDoc(
            "change",
            "string",
            "What happened to the record.",
            "Mitä tietueelle tapahtui.",
            "amended",
            "lisätty, muutettu, poistettu / tillagd, ändrad, borttagen",
            enum=("added", "amended", "withdrawn"),
        ),
        FieldDoc(
            "record_type",
            "string",
            "Which table the record is in.",
            "Missä taulussa tietue on.",
            "action",
            enum=("municipality", "organization", "meeting", "action"),
        ),
        FieldDoc("id", "string", "Id of the record.", "Tietueen tunniste.", "vaasa:action:8852203"),
        MUNICIPALITY_REF,
        FieldDoc(
            "fields",
            "array",
            "For 'amended': the names of the fields that changed (JSON list).",
            "Muutetuille: muuttuneiden kenttien nimet (JSON-lista).",
            '["contents", "outcome"]',
            "kentät / fält",
        ),
        FieldDoc(
            "changed_at",
            "datetime",
            "When the store recorded the (last) change (UTC).",
            "Milloin muutos (viimeisin) kirjattiin (UTC).",
            "2026-11-23T00:28:07+00:00",
        ),
    ),
    primary_key=(),
    csv=False,
)


def _text(name: str, en: str, fi: str, example: str, term: str = "") -> FieldDoc:
    return FieldDoc(name, "string", en, fi, example, term)


def _count(name: str, en: str, fi: str, example: str) -> FieldDoc:
    return FieldDoc(name, "integer", en, fi, example)


ITEMS = TableDoc(
    "items",
    "Items: one § of one meeting or one officeholder decision, its agenda, minutes and "
    "language versions (rows of actions.csv) taken together. Plain columns for a "
    "spreadsheet: the decision first, no JSON in any cell.",
    "Asiat: kokouksen pykälä tai viranhaltijapäätös; sen esityslista, pöytäkirja ja "
    "kieliversiot (actions.csv:n rivejä) yhdessä. Tavalliset sarakkeet taulukkolaskentaan.",
    "asia, pykälä / ärende, paragraf",
    (
        FieldDoc(
            "id",
            "string",
            "Stable id: '<municipality>:item:<organ>-<YYYYMMDD>-<§ of the agenda>', or "
            "'x<action origin id>' for an unnumbered page. Cite it.",
            "Pysyvä tunniste: '<kunta>:item:<toimielin>-<VVVVKKPP>-<esityslistan §>'.",
            "vaasa:item:4122-20261013-85",
            required=True,
        ),
        MUNICIPALITY_REF,
        _text(
            "municipality_name",
            "Name of the municipality (main language).",
            "Kunnan nimi (pääkieli).",
            "Vaasa",
        ),
        FieldDoc(
            "organization",
            "string",
            "Id of the organ that decided.",
            "Päättäneen toimielimen tunniste.",
            "vaasa:org:4122",
            "toimielin / organ",
        ),
        _text(
            "organization_name",
            "Name of the organ as the document writes it.",
            "Toimielimen nimi asiakirjan mukaan.",
            "Tekninen lautakunta",
        ),
        FieldDoc(
            "date",
            "date",
            "Date of the meeting or of the officeholder decision.",
            "Kokouksen tai viranhaltijapäätöksen päivämäärä.",
            "2026-10-13",
            "päivämäärä / datum",
        ),
        _text(
            "article_number",
            "Section number (§) in the minutes (the agenda's while only the agenda is in).",
            "Pykälänumero pöytäkirjassa.",
            "85",
            "pykälä / paragraf",
        ),
        _text(
            "title",
            "Title of the item.",
            "Asian otsikko.",
            "Pyöräilyn pääverkon toteutusohjelma 2027-2030",
            "otsikko / rubrik",
        ),
        FieldDoc(
            "status",
            "string",
            "decided: minutes or an officeholder decision hold the "
            "decision; pending: only the agenda is in.",
            "decided: päätetty; pending: vasta esityslistalla.",
            "decided",
            enum=_values(ItemStatus),
        ),
        FieldDoc(
            "outcome",
            "string",
            "What was decided (empty while pending).",
            "Päätöksen lopputulos (tyhjä, kun ei vielä päätetty).",
            "approved_as_proposed",
            enum=_values(Outcome),
        ),
        FieldDoc(
            "procedural",
            "boolean",
            "True for items that run the meeting (lawful "
            "meeting, minute checkers, cover and appeal pages).",
            "Tosi menettelyasioille (laillisuus, pöytäkirjantarkastajat, kansilehdet).",
            "false",
        ),
        _text(
            "topics",
            "Topics of the item from the shared vocabulary (docs/topics.md: "
            + ", ".join(_values(Topic))
            + "), joined with ' | '.",
            "Asian aiheet yhteisestä sanastosta (docs/topics.md), eroteltuna ' | '.",
            "children_youth | education",
            "aihe / ämne",
        ),
        _text(
            "topic_rules",
            "For each topic, the rule that tagged it: "
            "'function_code:<prefix>', 'title:<keyword>' or 'text:<keyword>', joined with "
            "' | ' in the order of topics.",
            "Kunkin aiheen tunnistanut sääntö (tehtäväluokka, otsikon tai tekstin sana).",
            "function_code:12.01 | title:koulu",
        ),
        _text(
            "proposal",
            "Text of the proposal (päätösehdotus / beslutsförslag).",
            "Päätösehdotuksen teksti.",
            "Tekninen lautakunta hyväksyy ...",
            "päätösehdotus / beslutsförslag",
        ),
        _text(
            "decision",
            "Text of the decision.",
            "Päätöksen teksti.",
            "Hyväksyttiin esityksen mukaisesti.",
            "päätös / beslut",
        ),
        _count(
            "votes_yes",
            "Yes votes (JAA / JA) of the first vote.",
            "Ensimmäisen äänestyksen JAA-äänet.",
            "23",
        ),
        _count(
            "votes_no",
            "No votes (EI / NEJ) of the first vote.",
            "Ensimmäisen äänestyksen EI-äänet.",
            "28",
        ),
        _count("votes_blank", "Blank votes.", "Tyhjät äänet.", "1"),
        _count("votes_absent", "Members absent from the vote.", "Poissa olleet.", "2"),
        _count(
            "vote_majority",
            "Votes of the winning side (also when only 'äänin 9-4' is written).",
            "Voittaneen kannan äänet.",
            "28",
        ),
        _count("vote_minority", "Votes of the losing side.", "Hävinneen kannan äänet.", "23"),
        _text(
            "yes_proposal",
            "What a yes vote stood for, as written.",
            "Mitä JAA-ääni kannatti.",
            "kaupunginhallituksen esitystä",
        ),
        _text(
            "no_proposal",
            "What a no vote stood for, as written.",
            "Mitä EI-ääni kannatti.",
            "valtuutettu Niemen muutosehdotusta",
        ),
        _text(
            "yes_names",
            "Who voted yes, where the minutes list names, joined with ' | '.",
            "JAA-äänestäjät, jos nimet on lueteltu, eroteltuna ' | '.",
            "Niemi | Kallio",
        ),
        _text(
            "no_names",
            "Who voted no, where listed, joined with ' | '.",
            "EI-äänestäjät, jos nimet on lueteltu.",
            "Laine | Virta",
        ),
        _text(
            "dissents",
            "Dissenting opinions as the minutes report them, joined with ' | '.",
            "Eriävät mielipiteet, eroteltuna ' | '.",
            "Valtuutettu Laine jätti eriävän mielipiteen.",
            "eriävä mielipide / reservation",
        ),
        FieldDoc(
            "register_id",
            "string",
            "Diary number of the case, as written.",
            "Asian diaarinumero.",
            "VAA/2233/08.01.00/2026",
            "diaarinumero / diarienummer",
        ),
        MATTER_REF,
        FieldDoc(
            "decision_document",
            "string",
            "Id of the document (actions.csv) the "
            "decision is read from: the minutes in the main language when there are "
            "minutes.",
            "Asiakirja (actions.csv), josta päätös luetaan.",
            "vaasa:action:8852253",
        ),
        _text(
            "documents",
            "Every document of the item (actions.csv ids), joined with ' | '.",
            "Asian kaikki asiakirjat, eroteltuna ' | '.",
            "vaasa:action:8852203 | vaasa:action:8852253",
        ),
        _text(
            "page_url",
            "The item's page on the site, from the site root (Finnish UI).",
            "Asian sivu sivustolla (suomenkielinen käyttöliittymä).",
            "/fi/vaasa/item/4122-20261013-85/",
        ),
    ),
    foreign_keys=(
        ForeignKey("municipality", "municipalities"),
        ForeignKey("organization", "organizations"),
    ),
)

MATTERS = TableDoc(
    "matters",
    "Matters: every item of one register number (diary number) in a municipality, across "
    "organs and years.",
    "Asiat diaarinumeroittain: kunnan saman diaarinumeron kaikki käsittelyt eri "
    "toimielimissä ja vuosina.",
    "asia, diaarinumero / ärende, diarienummer",
    (
        FieldDoc(
            "id",
            "string",
            "Stable id: '<municipality>:matter:<register number in lower case, / as ->'.",
            "Pysyvä tunniste: '<kunta>:matter:<diaarinumero>'.",
            "vaasa:matter:vaa-2233-08.01.00-2026",
            required=True,
        ),
        MUNICIPALITY_REF,
        FieldDoc(
            "register_id",
            "string",
            "Diary number as written.",
            "Diaarinumero.",
            "VAA/2233/08.01.00/2026",
            "diaarinumero / diarienummer",
        ),
        _text(
            "title",
            "Title of the latest handling.",
            "Viimeisimmän käsittelyn otsikko.",
            "Pyöräilyn pääverkon toteutusohjelma 2027-2030",
        ),
        _count("item_count", "Number of handlings (items).", "Käsittelyjen määrä.", "2"),
        FieldDoc(
            "first_date",
            "date",
            "Date of the first handling.",
            "Ensimmäisen käsittelyn päivämäärä.",
            "2026-10-13",
        ),
        FieldDoc(
            "last_date",
            "date",
            "Date of the latest handling.",
            "Viimeisimmän käsittelyn päivämäärä.",
            "2026-11-02",
        ),
        _text(
            "items",
            "The handlings (items.csv ids), oldest first, joined with ' | '.",
            "Käsittelyt (items.csv), vanhin ensin, eroteltuna ' | '.",
            "vaasa:item:4122-20261013-85 | vaasa:item:4105-20261102-512",
        ),
        _text(
            "page_url",
            "The matter's page on the site, from the site root (Finnish UI).",
            "Asian sivu sivustolla.",
            "/fi/vaasa/matter/vaa-2233-08.01.00-2026/",
        ),
    ),
    foreign_keys=(ForeignKey("municipality", "municipalities"),),
)

TABLES = (MUNICIPALITIES, ORGANIZATIONS, MEETINGS, ACTIONS, ATTACHMENTS, ITEMS, MATTERS, CHANGES)


def schema_tables() -> tuple[TableDoc, ...]:
    """Every published table with its fields, for the site's schema page and the docs."""
    return TABLES


def csv_tables() -> tuple[TableDoc, ...]:
    return tuple(table for table in TABLES if table.csv)


def table_doc(name: str) -> TableDoc:
    for table in TABLES:
        if table.name == name:
            return table
    raise KeyError(f"no documented table {name!r}")


# -- Frictionless Table Schema ---------------------------------------------------------


def table_schema(table: TableDoc) -> dict:
    """The Frictionless Table Schema of one CSV, descriptions in English and Finnish."""
    schema = {
        "fields": [_field_descriptor(field) for field in table.fields],
        "missingValues": [""],
    }
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": key.field, "reference": {"resource": key.table, "fields": key.reference}}
            for key in table.foreign_keys
        ]
    return schema


def _field_descriptor(field: FieldDoc) -> dict:
    descriptor = {
        "name": field.name,
        "type": field.type,
        "description": f"{field.en} / fi: {field.fi}",
        "example": field.example,
    }
    if field.type == "boolean":
        descriptor["trueValues"] = ["true"]
        descriptor["falseValues"] = ["false"]
    if field.term:
        descriptor["term"] = field.term  # "Finnish / Swedish"; an extra property, tools ignore
    constraints = {}
    if field.enum:
        constraints["enum"] = list(field.enum)
    if field.required:
        constraints["required"] = True
    if constraints:
        descriptor["constraints"] = constraints
    return descriptor


# -- Markdown ----------------------------------------------------------------------------

FILES_GUIDE = """\
Everything Avoin holds is downloadable from `data/` on the site. Each table comes as:

- `<table>.csv`: UTF-8, comma-separated, a header row, one row per record, RFC 4180 quoting
  (text may contain line breaks inside quotes). Dates and times are ISO 8601; empty means
  no value. Text columns are complete, never truncated.
- `<table>.excel.csv`: the same rows for Excel with Finnish or Swedish regional settings:
  UTF-8 with a byte order mark, semicolon-separated, CRLF line ends; opens with a
  double-click. Elsewhere, import `<table>.csv` through Data → From Text/CSV and choose
  UTF-8 and comma. Excel holds at most 32,767 characters in a cell, so the longest texts
  are cut there: use the CSV, JSON lines or Parquet for analysis.
- `<table>.parquet`: typed columns for pandas, R (arrow) and DuckDB. Dates are dates,
  times are UTC timestamps (the CSV keeps the offset as published).
- `<table>.jsonl`: the full records as the store holds them, one JSON object per line;
  `actions.jsonl` keeps the nesting (preparers, history, contents with their HTML,
  attachments) that the CSVs flatten.
- `avoin.sqlite`: the store itself (open it with Datasette or `sqlite3`), with the
  records as JSON in `data`; operational logs are left out.
- `datapackage.json`: a Frictionless Data Package describing every CSV.
- `changes/YYYY-MM-DD.jsonl` and `changes/index.json`: what each run added, amended or saw
  withdrawn.
- `<municipality>/`: the same CSV, Excel CSV, JSON lines and Parquet files and a
  `datapackage.json` for one municipality.
- `index.json`: every file with its format, table, municipality, size and row count.

Flattened lists: a list of names (`preparers`, `languages`) is joined with `" | "`; a list
of objects (`history`, `contents`) is JSON text; an action's attachments are the rows of
`attachments.csv` with that `action`.

Records withheld under the publishing rules (takedowns, personal data after the appeal
period) are absent from every file, and personal identity codes are never published.
Every row says where it came from: `source_url`, `fetched_at`, `raw_sha256` (the hash of
the fetched bytes) and `parser_version`.

Licence: the compilation is © Avoin contributors, CC BY 4.0
(https://creativecommons.org/licenses/by/4.0/); the decisions are public documents of the
municipalities named in each row.
"""


def render_markdown() -> str:
    lines = [
        "# Avoin open data: tables and fields",
        "",
        "<!-- Generated by `python -m transform.schema_docs` from transform/schema_docs.py;"
        " do not edit by hand. -->",
        "",
        FILES_GUIDE,
    ]
    for table in TABLES:
        lines += _table_markdown(table)
    return "\n".join(lines).rstrip() + "\n"


def _table_markdown(table: TableDoc) -> list[str]:
    where = f"`{table.name}.csv`" if table.csv else "`changes/YYYY-MM-DD.jsonl`"
    lines = [
        f"## {table.name} ({where})",
        "",
        f"{table.en}",
        "",
        f"*fi:* {table.fi} *Term:* {table.term}.",
        "",
    ]
    if table.primary_key:
        lines.append(f"Primary key: `{', '.join(table.primary_key)}`.")
    for key in table.foreign_keys:
        lines.append(f"Foreign key: `{key.field}` → `{key.table}.{key.reference}`.")
    lines += [
        "",
        "| field | type | meaning | merkitys | example | fi / sv term |",
        "|---|---|---|---|---|---|",
    ]
    lines += [_field_row(field) for field in table.fields]
    lines.append("")
    return lines


def _field_row(field: FieldDoc) -> str:
    meaning = field.en + (
        f" One of: {', '.join(f'`{v}`' for v in field.enum)}." if field.enum else ""
    )
    cells = (
        f"`{field.name}`",
        field.type,
        meaning,
        field.fi,
        _example_cell(field.example),
        field.term,
    )
    return "| " + " | ".join(_escape_cell(cell) for cell in cells) + " |"


def _example_cell(example: str) -> str:
    return f"`{example}`" if example else ""


def _escape_cell(text: str) -> str:
    # A pipe would end the Markdown table cell; a newline would end the row.
    return text.replace("|", "\\|").replace("\n", "\\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m transform.schema_docs",
        description="Regenerate docs/schema.md from transform/schema_docs.py.",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="Only tell whether docs/schema.md is current (exit 1 if not).",
    )
    parser.add_argument("--out", type=Path, default=SCHEMA_MARKDOWN)
    args = parser.parse_args(argv)
    wanted = render_markdown()
    current = args.out.read_text(encoding="utf-8") if args.out.exists() else None
    if args.check:
        if current != wanted:
            print(
                f"{args.out} is out of date: run python -m transform.schema_docs", file=sys.stderr
            )
            return 1
        return 0
    if current != wanted:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(wanted, encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
