"""The publishing rules, applied to one record just before it is shown or exported.

Both the site builder and the dump exporter call ``publishable`` on every record, so the site
and the dumps never disagree about what is public. The law behind the rules is summarised in
../shared/design/publishing-rules.md; the rules themselves, and the reasons for each choice,
are in docs/publishing.md ("Publishing rules"). In short:

- a record on the takedown list (data/takedowns.toml) is not published at all;
- personal identity codes are removed from every text, always;
- after the retention period from the decision date: private persons' phone numbers and
  e-mail addresses are removed, and an action that concerns a private person keeps only its
  metadata and a notice instead of its text.
"""

from __future__ import annotations

import collections
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from transform import privacy
from transform.resources import shipped_defaults_directory
from transform.schema import ContentType, RecordType, split_id

DEFAULT_TAKEDOWNS = shipped_defaults_directory() / "takedowns.toml"
# Kuntalaki 140 §: 7 days to presumed notification + 30 days appeal period, with a margin
# for late checking of the minutes.
DEFAULT_RETENTION_DAYS = 60
REDACTION_KEYS = ("hetu", "phone", "email", "private_text", "takedown")

NAME_REPLACEMENT = {"fi": "[nimi poistettu]", "sv": "[namn borttaget]"}
NOTICE_LABEL = {"fi": "Henkilötietoja poistettu", "sv": "Personuppgifter borttagna"}
NOTICE_TEXT = {
    "fi": (
        "Asia koskee yksityishenkilöä. Sen teksti ja liitteet on poistettu arkistosta "
        "muutoksenhakuajan päätyttyä (kuntalaki 140 §). Päätöksen tiedot ja lähde ovat "
        "näkyvissä."
    ),
    "sv": (
        "Ärendet gäller en privatperson. Texten och bilagorna har tagits bort ur arkivet "
        "efter att besvärstiden gått ut (kommunallagen 140 §). Beslutets uppgifter och "
        "källa visas."
    ),
}
ATTACHMENT_PLACEHOLDER = {"fi": "Liite {number}", "sv": "Bilaga {number}"}

# E-mail domains of officials: the municipalities we harvest (under every name they use)
# and the public bodies whose staff prepare or are consulted on items. "<municipality>.fi"
# is added per record.
OFFICIAL_EMAIL_DOMAINS = frozenset(
    {
        "hameenlinna.fi",
        "vaasa.fi",
        "vasa.fi",
        "kristinestad.fi",
        "kristiinankaupunki.fi",
        "krs.fi",
        "riihimaki.fi",
        "pedersore.fi",
        "pedersora.fi",
        "gov.fi",
        "ely-keskus.fi",
        "avi.fi",
        "kuntaliitto.fi",
        "kela.fi",
        "hel.fi",
        "pohjanmaanhyvinvointi.fi",
        "ovph.fi",
        "omahame.fi",
        "khshp.fi",
    }
)


class TakedownsError(ValueError):
    """takedowns.toml is malformed; the message names file, line and field."""


@dataclass(frozen=True)
class PublishingPolicy:
    retention_days: int = DEFAULT_RETENTION_DAYS
    takedowns: frozenset[str] = frozenset()
    today: date = field(default_factory=date.today)

    @classmethod
    def load(
        cls,
        takedowns_path: Path | str = DEFAULT_TAKEDOWNS,
        *,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        today: date | None = None,
    ) -> PublishingPolicy:
        """The policy with the takedown list read from ``takedowns_path``."""
        if retention_days < 0:
            raise ValueError(f"retention_days must be >= 0, not {retention_days}")
        return cls(
            retention_days=retention_days,
            takedowns=load_takedowns(takedowns_path),
            today=today or date.today(),
        )

    def is_past_retention(self, decided: date | None) -> bool:
        # An action without a date is treated as old: we cannot show it is still within
        # the period in which personal data may be shown.
        return decided is None or (self.today - decided).days > self.retention_days


# --- the takedown list ---------------------------------------------------------------

_RECORD_ID = re.compile(r"^[a-z][a-z0-9_-]*:(org|meeting|action):\S+$")
_TAKEDOWN_HEADER = "[[takedown]]"


def load_takedowns(path: Path | str = DEFAULT_TAKEDOWNS) -> frozenset[str]:
    """Record ids from ``[[takedown]]`` blocks; a bad file raises TakedownsError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TakedownsError(f"{path}: cannot read: {error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TakedownsError(f"{path}: {error}") from None
    unknown = set(data) - {"takedown"}
    if unknown:
        raise TakedownsError(
            f"{path}: unknown tables or keys {sorted(unknown)}; use {_TAKEDOWN_HEADER} blocks"
        )
    blocks = data.get("takedown", [])
    if not isinstance(blocks, list):
        raise TakedownsError(f"{path}: 'takedown' must be {_TAKEDOWN_HEADER} blocks")
    lines = text.splitlines()
    ids: set[str] = set()
    for index, block in enumerate(blocks):
        record_id = _check_takedown(block, index, path, lines)
        if record_id in ids:
            _fail(path, lines, index, "id", f"duplicate id {record_id!r}")
        ids.add(record_id)
    return frozenset(ids)


def _check_takedown(block: dict, index: int, path: Path, lines: list[str]) -> str:
    for name in ("id", "reason", "requested"):
        if name not in block:
            _fail(path, lines, index, name, f"missing field {name!r}")
    unknown = set(block) - {"id", "reason", "requested"}
    if unknown:
        _fail(path, lines, index, sorted(unknown)[0], "unknown field")
    if not isinstance(block["id"], str) or not _RECORD_ID.match(block["id"]):
        _fail(path, lines, index, "id", "must be a record id such as 'vaasa:action:123'")
    if not isinstance(block["reason"], str) or not block["reason"].strip():
        _fail(path, lines, index, "reason", "must be a non-empty string")
    # tomllib gives datetime for a date-time; both are dates, but the list wants a day.
    if type(block["requested"]) is not date:
        _fail(path, lines, index, "requested", "must be a date such as 2026-01-02 (no quotes)")
    return block["id"]


def _fail(path: Path, lines: list[str], index: int, field_name: str, why: str):
    line = _line_of_field(lines, index, field_name)
    raise TakedownsError(f"{path}: line {line}: takedown #{index + 1}, field {field_name!r}: {why}")


def _line_of_field(lines: list[str], index: int, field_name: str) -> int:
    headers = [n for n, line in enumerate(lines) if line.strip() == _TAKEDOWN_HEADER]
    if index >= len(headers):  # inline-table spelling; no header to point at
        return 1
    end = headers[index + 1] if index + 1 < len(headers) else len(lines)
    key = re.compile(rf"^\s*{re.escape(field_name)}\s*=")
    for number in range(headers[index], end):
        if key.match(lines[number]):
            return number + 1
    return headers[index] + 1


# --- which actions concern a private person ------------------------------------------
# Stems, matched in lower case anywhere in a word (Finnish and Swedish compound freely:
# "vahingonkorvausvaatimus", "avgiftsbefrielse"). Families and reasons: docs/publishing.md.

PRIVATE_MATTER_STEMS = {
    "damages": (
        "vahingonkorvau",
        "korvausvaatimu",
        "korvaushakemu",
        "skadestånd",
        "ersättningsyrkande",
        "ersättningsanspråk",
        "ersättningskrav",
    ),
    "rectification": (
        "oikaisuvaatimu",
        "omprövning",
        "rättelseyrkande",
        "hallintokantelu",
        "förvaltningsklagan",
    ),
    "social": (
        "toimeentulotu",
        "utkomststöd",
        "lastensuojel",
        "barnskydd",
        "huostaan",
        "omhändertag",
        "omaishoid",
        "närståendevård",
        "vammaispalvel",
        "handikappservice",
        "kuljetuspalvel",
        "färdtjänst",
        "asiakasmaksu",
        "klientavgift",
        "sosiaalihuollon asiak",
        "socialvårdens klient",
    ),
    "custody": (
        "huoltajuu",
        "lapsen huolto",
        "vårdnaden",
        "edunvalvo",
        "intressebevak",
        "kuolinpesä",
        "dödsbo",
    ),
    "personnel": (
        "henkilöstöasia",
        "personalärende",
        "irtisano",
        "uppsägning",
        "säga upp",
        "virantoimituksesta pidättä",
        "avstängning från tjänst",
        "lomautu",
        "permitter",
        "virkavapa",
        "tjänstledig",
        "kurinpi",
        "disciplin",
        "palvelussuhdeasia",
        "anställningsärende",
    ),
    "pupil": (
        "oppilaan koulukuljet",
        "koulukuljetusetu",
        "koulukuljetushakemu",
        "elevens skolskjuts",
        "skolskjutsförmån",
        "ansökan om skolskjuts",
        "erityiseen tukeen",
        "särskilt stöd för elev",
        "oppilaaksiott",
    ),
    "fees": (
        "maksuvapautu",
        "maksunalennu",
        "maksunlykkäy",
        "avgiftsbefrielse",
        "avgiftsnedsättning",
        "betalningsanstånd",
        "saatavan poisto",
        "avskrivning av fordran",
    ),
    "individual": ("yksityishenkilö", "privatperson", "enskild person"),
}
# Ambiguous in running text ("varoitusmerkein" = with warning signs; a zoning report mentions
# "rakennuslupia"), so only counted in the title, where they name the matter itself.
PRIVATE_MATTER_TITLE_STEMS = {
    "warning": ("varoitu", "varning"),
    "permits": (
        "poikkeamis",
        "poikkeaminen",
        "avvikelse",
        "undantag",
        "rakennuslup",
        "bygglov",
        "maa-aineslup",
        "marktäkt",
        "suunnittelutarve",
        "planeringsbehov",
        "maisematyölup",
        "åtgärdstillstånd",
        "toimenpidelup",
        "ympäristölup",
        "miljötillstånd",
        "vesilup",
        "vattentillstånd",
    ),
    "claims": ("hakemus /", "ansökan /", "vaatimus /", "anhållan /"),
}
_TITLE_SEPARATOR = " / "


def concerns_private_person(action: dict) -> bool:
    """True when the action is a private person's matter (its text is withheld after the
    retention period). Deliberately conservative: a false "yes" hides a public text after 60
    days, a false "no" keeps a private person's affairs on the web."""
    title = action.get("title") or ""
    if _title_names_a_person(title):
        return True
    if _has_stem(title.lower(), _TITLE_STEMS):
        return True
    body = " ".join(_searchable_texts(action)).lower()
    if _has_stem(f"{title.lower()} {body}", _TEXT_STEMS):
        return True
    return bool(privacy.find_hetus(f"{title} {body}"))


def _title_names_a_person(title: str) -> bool:
    """ "Vahingonkorvausvaatimus / Aapo Kettunen": a person's name after the separator."""
    _, separator, tail = title.partition(_TITLE_SEPARATOR)
    return bool(separator) and bool(privacy.find_person_names(tail))


def _has_stem(text: str, stems: tuple[str, ...]) -> bool:
    # map() keeps the loop over stems in C: this runs on every text of every action.
    return any(map(text.__contains__, stems))


def _flattened(families: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(stem for group in families.values() for stem in group)


_TITLE_STEMS = _flattened(PRIVATE_MATTER_TITLE_STEMS)
_TEXT_STEMS = _flattened(PRIVATE_MATTER_STEMS)


def _searchable_texts(action: dict) -> list[str]:
    # Appeal instructions mention "oikaisuvaatimus" in every item; they say nothing about
    # whom the item concerns.
    return [
        content.get("text") or ""
        for content in action.get("contents") or ()
        if content.get("type") != ContentType.APPEAL
    ]


# --- applying the rules --------------------------------------------------------------

# Machine values that are never free text: redacting inside a hash or id would corrupt it.
# Top-level keys only: in a history entry "organization" is the organ's name, free text.
_MACHINE_KEYS = frozenset(
    {
        "id",
        "origin_id",
        "raw_sha256",
        "municipality",
        "organization",
        "meeting",
        "sha256",
        "translations",
    }
)
_NESTED_MACHINE_KEYS = frozenset({"sha256", "id"})  # attachments; translations' ids
# Links keep working: a number inside a URL is a document id, not a phone number. (An
# identity code inside a URL is still removed, at the cost of the link.)
_LINK_KEYS = frozenset({"source_url", "pdf_url", "base_url", "url"})


def publishable(
    record_type: RecordType,
    record: dict,
    policy: PublishingPolicy,
    counter: collections.Counter | None = None,
) -> dict | None:
    """The record as it may be published, or None when it must not be published at all.

    Never changes ``record``. ``counter``, when given, is increased by what was done, under
    the keys in REDACTION_KEYS (occurrences for hetu/phone/email, records otherwise).
    """
    counts: collections.Counter = collections.Counter()
    result = _apply_rules(RecordType(record_type), record, policy, counts)
    if counter is not None:
        counter.update(counts)
    return result


def _apply_rules(
    record_type: RecordType,
    record: dict,
    policy: PublishingPolicy,
    counts: collections.Counter,
) -> dict | None:
    if is_taken_down(record, policy):
        counts["takedown"] += 1
        return None
    published = _map_texts(record, lambda text: _redact_hetus(text, counts))
    if not past_retention(record_type, record, policy):
        return published
    language = _language(published)
    if concerns_private_person(record):
        published = _withhold_private_text(published, language)
        counts["private_text"] += 1
    officials = _official_contacts(published)
    return _map_texts(
        published,
        lambda text: _redact_contacts(text, officials, language, counts),
        also_skipped=_LINK_KEYS,
    )


def is_taken_down(record: dict, policy: PublishingPolicy) -> bool:
    # Taking down a meeting takes down its items too: they are its text.
    return record.get("id") in policy.takedowns or record.get("meeting") in policy.takedowns


def past_retention(record_type: RecordType, record: dict, policy: PublishingPolicy) -> bool:
    """Whether the rules for personal data past the retention period apply to the record."""
    return RecordType(record_type) is RecordType.ACTION and policy.is_past_retention(
        _decision_date(record)
    )


def _decision_date(action: dict) -> date | None:
    candidates = [action.get("date")] + [
        entry.get("date") for entry in action.get("history") or () if isinstance(entry, dict)
    ]
    for candidate in candidates:
        if candidate:
            try:
                return date.fromisoformat(str(candidate)[:10])
            except ValueError:
                continue  # a malformed date is no date; the next candidate or None decides
    return None


def _language(record: dict) -> str:
    return "sv" if record.get("language") == "sv" else "fi"


def _map_texts(record: dict, transform, also_skipped: frozenset[str] = frozenset()) -> dict:
    """A copy of the record with ``transform`` applied to every string in it, except machine
    values and ``also_skipped`` keys. Containers are rebuilt, so ``record`` never changes."""
    top_skipped = _MACHINE_KEYS | also_skipped
    nested_skipped = _NESTED_MACHINE_KEYS | also_skipped
    return {
        key: value if key in top_skipped else _map_nested(value, transform, nested_skipped)
        for key, value in record.items()
    }


def _map_nested(value, transform, skipped_keys: frozenset[str]):
    if isinstance(value, str):
        return transform(value)
    if isinstance(value, dict):
        return {
            key: item if key in skipped_keys else _map_nested(item, transform, skipped_keys)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return type(value)(_map_nested(item, transform, skipped_keys) for item in value)
    return value


def _redact_hetus(text: str, counts: collections.Counter) -> str:
    redacted, found = privacy.redact_hetus_counted(text)
    if found:  # no zero entries: run reports list only what happened
        counts["hetu"] += found
    return redacted


def _redact_contacts(
    text: str, officials: privacy.OfficialContacts, language: str, counts: collections.Counter
) -> str:
    redacted, found = privacy.redact_private_contacts(text, officials, language)
    counts.update(found)
    return redacted


def _official_contacts(action: dict) -> privacy.OfficialContacts:
    municipality = action.get("municipality") or split_id(action["id"])[0]
    people = [
        action.get("presenter"),
        action.get("decision_maker"),
        *(action.get("preparers") or ()),
    ]
    return privacy.OfficialContacts.from_people(
        OFFICIAL_EMAIL_DOMAINS | {f"{municipality}.fi"},
        [person for person in people if isinstance(person, str)],
    )


def _withhold_private_text(action: dict, language: str) -> dict:
    """Keep what identifies the decision (organ, date, §, register id, outcome, officials);
    drop what tells about the person."""
    notice = {
        "type": ContentType.OTHER.value,
        "label": NOTICE_LABEL[language],
        "text": NOTICE_TEXT[language],
        "html": f"<p>{NOTICE_TEXT[language]}</p>",
    }
    withheld = dict(action)
    if action.get("title"):
        withheld["title"] = _title_without_names(action["title"], language)
    # A tombstone (removed by the source) has no text to withhold and keeps saying so.
    if action.get("contents"):
        withheld["contents"] = [notice]
    if "attachments" in action:
        withheld["attachments"] = _attachments_without_names(action["attachments"], language)
    if "pdf_url" in action:
        withheld["pdf_url"] = None  # a direct link to the full document would undo this
    return withheld


def _title_without_names(title: str, language: str) -> str:
    placeholder = NAME_REPLACEMENT[language]
    head, separator, _tail = title.partition(_TITLE_SEPARATOR)
    if separator:  # "Vahingonkorvausvaatimus / Aapo Kettunen": the tail names the party
        title = f"{head}{separator}{placeholder}"
    for start, end in reversed(privacy.find_person_names(title)):
        title = title[:start] + placeholder + title[end:]
    return title


def _attachments_without_names(attachments: list, language: str) -> list:
    return [
        {
            "name": ATTACHMENT_PLACEHOLDER[language].format(number=number),
            "url": None,
            "public": attachment.get("public"),
            "confidentiality_reason": attachment.get("confidentiality_reason"),
            "media_type": attachment.get("media_type"),
            "sha256": None,
            "text": None,  # the attachment's text names the person as the item does
            "pages": attachment.get("pages"),
            "extraction": attachment.get("extraction"),
            "extraction_note": None,
            "source_gone_at": attachment.get("source_gone_at"),
        }
        for number, attachment in enumerate(attachments or (), start=1)
    ]
