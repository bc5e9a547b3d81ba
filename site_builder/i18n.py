"""The UI in Finnish, Swedish and English: gettext catalogues read with Babel.

Every string the site itself says is a message id (English) in ``_()`` in a template or
``N_()`` here. The translations live in ``site_builder/locale/<lang>/LC_MESSAGES/messages.po``,
the standard gettext format translators' tools (Poedit, Weblate) edit, and are read with
Babel at build time. No compiled ``.mo`` files are kept or made: reading the ``.po`` is a
few milliseconds, works from a fresh clone without a compile step, and the file a
translator edits is the file the build uses, so the two can never drift apart.

Placeholders are gettext's ``%(name)s`` (jinja2's "newstyle" gettext). A message id with
no (or a fuzzy) translation raises ``MissingMessageError``, so a missing translation fails
the build instead of leaking English into a Finnish page.

Updating the catalogues after changing UI strings: README, "Translations" (pybabel extract,
then pybabel update, then translate the new entries).

Harvested content is never translated: it stays in the language it was published in.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from transform.schema import Classification, ContentType, DocumentKind, Outcome
from transform.topics import Topic

DEFAULT_LANGUAGE = "fi"
UI_LANGUAGES = ("fi", "sv", "en")
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
CATALOGUE_DOMAIN = "messages"
# Finland's conventions in each language: 20.3.2017 / 20 mars 2017 / 20 Mar 2017, 24-hour time.
BABEL_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}


def N_(message_id: str) -> str:
    """Marks a message id for extraction where it is defined, not where it is shown."""
    return message_id


OUTCOME_LABELS = {
    Outcome.APPROVED_AS_PROPOSED: N_("Approved as proposed"),
    Outcome.AMENDED: N_("Amended"),
    Outcome.TABLED: N_("Tabled"),
    Outcome.RETURNED: N_("Returned for preparation"),
    Outcome.REJECTED: N_("Rejected"),
    Outcome.NOTED: N_("Noted"),
    Outcome.DECIDED: N_("Decided"),
    Outcome.PROCEDURAL: N_("Procedural"),
    Outcome.UNKNOWN: N_("Unknown"),
}
# What follows "<organ> decided on <date>:" at the top of an item page.
OUTCOME_PHRASES = {
    Outcome.APPROVED_AS_PROPOSED: N_("approved as proposed"),
    Outcome.AMENDED: N_("approved with amendments"),
    Outcome.TABLED: N_("tabled for a later meeting"),
    Outcome.RETURNED: N_("returned for further preparation"),
    Outcome.REJECTED: N_("rejected the proposal"),
    Outcome.NOTED: N_("noted for information"),
    Outcome.DECIDED: N_("decided as the decision text below says"),
    Outcome.PROCEDURAL: N_("a procedural item of the meeting"),
    Outcome.UNKNOWN: N_("see the decision text below"),
}
# The topic vocabulary's names (transform/topics.py holds the same in fi/sv/en for the
# dumps; tests/test_topic_pages.py checks the catalogues agree with it).
TOPIC_LABELS = {
    Topic.CHILDREN_YOUTH: N_("Children and young people"),
    Topic.EDUCATION: N_("Schools and early education"),
    Topic.ZONING_BUILDING: N_("Zoning and building"),
    Topic.TRAFFIC_STREETS: N_("Traffic and streets"),
    Topic.ENVIRONMENT: N_("Environment"),
    Topic.CULTURE_SPORT: N_("Culture and sport"),
    Topic.SOCIAL_HEALTH: N_("Social and health services"),
    Topic.ECONOMY_BUDGET: N_("Economy and budget"),
    Topic.PERSONNEL_GOVERNANCE: N_("Personnel and governance"),
    Topic.PARTICIPATION: N_("Participation"),
}
DUMP_FORMAT_LABELS = {
    "excel-csv": N_("CSV for Excel"),
    "csv": N_("CSV"),
    "parquet": N_("Parquet"),
    "jsonl": N_("JSON lines"),
    "sqlite": N_("SQLite database"),
    "datapackage": N_("Data package description"),
    "json": N_("JSON"),
}
DUMP_TABLE_LABELS = {
    "items": N_("Decisions, one row per item"),
    "matters": N_("Matters"),
    "actions": N_("Documents: agenda and minutes items"),
    "attachments": N_("Attachments"),
    "meetings": N_("Meetings"),
    "organizations": N_("Organs"),
    "municipalities": N_("Municipalities"),
    "changes": N_("Change log"),
}
CONTENT_TYPE_LABELS = {
    ContentType.SUMMARY: N_("Summary"),
    ContentType.PRESENTATION: N_("Presentation"),
    ContentType.PROPOSAL: N_("Proposal"),
    ContentType.PROCEEDINGS: N_("Proceedings"),
    ContentType.DECISION: N_("Decision"),
    ContentType.APPEAL: N_("Appeal instructions"),
    ContentType.OTHER: N_("Other"),
}
DOCUMENT_KIND_LABELS = {DocumentKind.AGENDA: N_("Agenda"), DocumentKind.MINUTES: N_("Minutes")}
CLASSIFICATION_LABELS = {
    Classification.COUNCIL: N_("Council"),
    Classification.BOARD: N_("Board"),
    Classification.COMMITTEE: N_("Committee"),
    Classification.SUBCOMMITTEE: N_("Subcommittee"),
    Classification.OFFICEHOLDER: N_("Officeholder"),
    Classification.OTHER: N_("Other"),
}
# The status page: a harvest error kind (harvest/spiders/base.py, harvest/run.py) in words.
# Kinds not named here (an exception's class name) are shown as they are; "http_503" is
# "HTTP error 503" (site_builder/status.py).
HARVEST_ERROR_LABELS = {
    "source_down": N_("Source could not be reached"),
    "timeout": N_("Request timed out"),
    "parse_error": N_("Page could not be read"),
    "empty_listing": N_("Listing was empty (layout changed?)"),
    "row_error": N_("Row of a listing skipped"),
    "snapshot_missing": N_("Stored copy of a page missing"),
    "robots_forbidden": N_("Forbidden by robots.txt"),
    "wrong_item": N_("Source sent the wrong document"),
    "wrong_item_retried": N_("Source sent the wrong document, asked again"),
}
# What the publishing rules did (transform/publishing.py, REDACTION_KEYS).
REDACTION_LABELS = {
    "hetu": N_("Personal identity codes removed"),
    "phone": N_("Phone numbers of private persons removed"),
    "email": N_("E-mail addresses of private persons removed"),
    "private_text": N_("Decisions about a private person shown without their text"),
    "takedown": N_("Records not published because of a takedown"),
}


class MissingMessageError(KeyError):
    """A UI string has no translation in a catalogue."""


class Catalogue:
    """One UI language's translations: ``gettext("Meeting %(number)s", number="5/2017")``."""

    def __init__(self, language: str, messages: dict[str, str | tuple[str, ...]], plural):
        self.language = language
        self.messages = messages
        self._plural_index = plural

    def gettext(self, message_id: str, **values) -> str:
        text = self._lookup(message_id)
        if not isinstance(text, str):
            raise MissingMessageError(f"{message_id!r} is a plural message; use ngettext")
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, count: int, **values) -> str:
        return self.template_ngettext(singular, plural, count) % {"num": count, **values}

    # jinja2's newstyle gettext formats the placeholders itself, escaping the values.
    def template_gettext(self, message_id: str) -> str:
        return self.gettext(message_id)

    def template_ngettext(self, singular: str, plural: str, count: int) -> str:
        forms = self._lookup(singular)
        if isinstance(forms, str):
            raise MissingMessageError(f"{singular!r} has no plural forms in {self.language}")
        return forms[self._plural_index(count)]

    def _lookup(self, message_id: str) -> str | tuple[str, ...]:
        try:
            return self.messages[message_id]
        except KeyError:
            raise MissingMessageError(
                f"no {self.language} translation for UI string {message_id!r}"
            ) from None


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{CATALOGUE_DOMAIN}.po"


@cache
def catalogue(language: str = DEFAULT_LANGUAGE) -> Catalogue:
    """The language's catalogue, read once per process."""
    if language not in UI_LANGUAGES:
        raise ValueError(f"unknown UI language {language!r}; known: {UI_LANGUAGES}")
    with catalogue_path(language).open("rb") as stream:
        po = read_po(stream, locale=BABEL_LOCALES[language])
    messages = {
        message.id[0] if isinstance(message.id, tuple) else message.id: _translation(message)
        for message in po
        if message.id and not message.fuzzy and _translation(message)
    }
    # The header's C expression ("(n != 1)"), made a function the way gettext itself does.
    return Catalogue(language, messages, gettext.c2py(po.plural_expr))


def _translation(message) -> str | tuple[str, ...] | None:
    """The translated text, or None when any form of it is still empty."""
    if isinstance(message.string, tuple):
        return message.string if all(message.string) else None
    return message.string or None


def translator(language: str = DEFAULT_LANGUAGE):
    """``_`` for Python code (feeds, JSON-LD): formats ``%(name)s`` placeholders."""
    return catalogue(language).gettext


_AUTONYMS = {"fi": "suomi", "sv": "svenska", "en": "English"}


def language_name(language: str) -> str:
    """The language's name in itself (``suomi``, ``svenska``, ``English``), for the switch."""
    return _AUTONYMS[language]


def enum_label(labels: dict, value: str | None) -> str | None:
    """The message id labelling a schema enum value; None for a missing or unknown value."""
    if value is None:
        return None
    return labels.get(value)
