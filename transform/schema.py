"""The shared schema, defined once (see ../shared/design/schema.md).

Every stage speaks in plain dicts whose keys are listed here. Code uses these
constants, never a bare string such as "minutes".

Finnish and Swedish names of things, for readers of the code:
- register_id: diaarinumero / diarienummer (e.g. ``VD/1545/00.04.00/2017``)
- function_code: tehtäväluokka / uppgiftsklass (``00.04.00`` in the above)
- action: asia, pykälä (§) / ärende, paragraf; or an officeholder decision
- organization: toimielin / organ; meeting: kokous / sammanträde
- agenda: esityslista / föredragningslista; minutes: pöytäkirja / protokoll

Additions to the design's schema (shared/design/schema.md):
- attachment ``pages``, ``extraction`` (AttachmentExtraction) and ``extraction_note``: a
  public attachment's file is fetched once (PageKind.ATTACHMENT_FILE) and read by
  harvest/documents/attachments.py; the store keeps the result per url
  (``attachment_files``) and fills it into every action that lists that url.
- action ``translations``: the same item published in the other language(s), a list
  of ``{language, id}`` (TRANSLATION_FIELDS). A document published in Finnish and in
  Swedish is stored as two actions, each pointing to the other; transform/languages.py
  sets the links after every transform run (same municipality, meeting date, document
  kind and article number; organs of the same or translated names). Absent: none known.
- action ``outcome`` is derived by the store from the decision text
  (transform/derive.py, transform/outcome.py); ``decided`` (an officeholder's decision no
  outcome rule reads) and ``procedural`` (items that run the meeting) are added values.
- items and matters (DerivedType, ITEM_FIELDS, MATTER_FIELDS): derived from the actions
  after every transform run (transform/items.py), never parsed. An item is one § of one
  meeting or one officeholder decision, its documents (agenda, minutes, language
  versions) being actions; a matter (asia / ärende) is every item of one register id in a
  municipality. Ids ``<municipality>:item:<organ>-<YYYYMMDD>-<§>`` and
  ``<municipality>:matter:<register id, / as ->``.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

PARSER_VERSION = "1"


class Platform(StrEnum):
    KTWEB = "ktweb"
    DYNASTY = "dynasty"
    CLOUDNC = "cloudnc"


class PageKind(StrEnum):
    """What one harvested page or PDF is; chooses the parser."""

    ORGANIZATIONS = "organizations"  # organ list (KTweb: the search form)
    MEETINGS = "meetings"  # one organ's meeting list
    MEETING = "meeting"  # one meeting's item list
    ACTION = "action"  # one item document (KTweb: a PDF)
    ATTACHMENTS = "attachments"  # one item's attachment list
    ATTACHMENT_FILE = "attachment_file"  # one public attachment's file (any format)


class AttachmentExtraction(StrEnum):
    """How an attachment's text was read (harvest/documents/attachments.py)."""

    EXTRACTED = "extracted"
    NO_TEXT_LAYER = "no_text_layer"  # a scanned PDF: pages, no text (no OCR)
    IMAGE = "image"  # an image file: not read
    EMPTY = "empty"  # read, and there was no text
    FAILED = "failed"  # not a format we read, broken, or over the parse limits


class DocumentKind(StrEnum):
    AGENDA = "agenda"
    MINUTES = "minutes"


class Classification(StrEnum):
    COUNCIL = "council"
    BOARD = "board"
    COMMITTEE = "committee"
    SUBCOMMITTEE = "subcommittee"
    OFFICEHOLDER = "officeholder"
    OTHER = "other"


class ContentType(StrEnum):
    SUMMARY = "summary"
    PRESENTATION = "presentation"
    PROPOSAL = "proposal"
    PROCEEDINGS = "proceedings"
    DECISION = "decision"
    APPEAL = "appeal"
    OTHER = "other"


class Outcome(StrEnum):
    APPROVED_AS_PROPOSED = "approved_as_proposed"
    AMENDED = "amended"
    TABLED = "tabled"
    RETURNED = "returned"
    REJECTED = "rejected"
    NOTED = "noted"
    # An officeholder's decision ("Päätän...", "Hyväksyn...", "Myönnän..."): there is no
    # proposal to approve or amend, the person decided.
    DECIDED = "decided"
    # Opening, lawful meeting, minute checkers, agenda approval, cover, signature and
    # appeal pages (transform/procedural.py): runs the meeting, decides no matter.
    PROCEDURAL = "procedural"
    UNKNOWN = "unknown"


class RecordType(StrEnum):
    MUNICIPALITY = "municipality"
    ORGANIZATION = "organization"
    MEETING = "meeting"
    ACTION = "action"


class DerivedType(StrEnum):
    """Records the store derives from actions after every transform run (transform/items.py),
    never parsed from a page."""

    ITEM = "item"
    MATTER = "matter"


class ItemStatus(StrEnum):
    DECIDED = "decided"  # minutes or an officeholder decision hold the decision
    PENDING = "pending"  # only the agenda is in: not decided yet


# Id infixes: "<municipality>:<infix>:<origin_id>".
ID_INFIX = {
    RecordType.ORGANIZATION: "org",
    RecordType.MEETING: "meeting",
    RecordType.ACTION: "action",
}
DERIVED_ID_INFIX = {DerivedType.ITEM: "item", DerivedType.MATTER: "matter"}


# Fields holding record ids; all are checked before a record reaches the store.
_ID_FIELDS = ("id", "municipality", "organization", "meeting")
_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def make_id(municipality: str, record_type: RecordType, origin_id: str) -> str:
    """Stable public id from the platform's own identifier (never a list position)."""
    return f"{municipality}:{ID_INFIX[record_type]}:{normalise_origin_id(origin_id)}"


def normalise_origin_id(origin_id) -> str:
    """NFC, so the composed and decomposed spellings of "café-1" are one record; control
    characters are refused (a NUL cut the id short in SQLite and on disk)."""
    text = unicodedata.normalize("NFC", str(origin_id))
    if _CONTROL_CHARACTER.search(text):
        raise SchemaError(f"id {text!r} contains control characters")
    return text


def split_id(record_id: str) -> tuple[str, str, str]:
    """``"vaasa:action:123"`` -> ``("vaasa", "action", "123")``."""
    municipality, infix, origin_id = record_id.split(":", 2)
    return municipality, infix, origin_id


# Fields per record type, in dump order. Parsers emit partial records: only the
# keys their page yields (plus id and origin_id); transform merges them by id.
# kind: "municipality" or "welfare_region"; serves: the municipality ids a region decides
# social, health and rescue matters for (since 1.1.2023).
MUNICIPALITY_FIELDS = (
    "id",
    "name",
    "code",
    "languages",
    "platform",
    "base_url",
    "kind",
    "serves",
)
ORGANIZATION_FIELDS = ("id", "municipality", "name", "classification", "origin_id")
MEETING_FIELDS = (
    "id",
    "municipality",
    "organization",
    "number",
    "start",
    "document_kind",
    "language",
    "origin_id",
    "source_url",
    "pdf_url",
    # From a whole-meeting document's cover (harvest/documents/cover.py).
    "place",
    "chair",
    "secretary",
    "attendance",
    "published",
)
# One person of a meeting's attendance as its cover lists them; ``present`` is false for
# the absent ("Poissa", "Frånvarande", an empty [ ] mark).
ATTENDANCE_FIELDS = ("name", "role", "group", "present")
ACTION_FIELDS = (
    "id",
    "municipality",
    "organization",
    "meeting",
    "article_number",
    "ordering",
    "title",
    "register_id",
    "function_code",
    "language",
    "presenter",
    "preparers",
    "decision_maker",
    "history",
    "contents",
    "outcome",
    "attachments",
    "date",
    "origin_id",
    "source_url",
    "pdf_url",
    "translations",
    # Pages whose text layer reads badly (harvest/documents/quality.py): shown with a notice.
    "unreliable_pages",
)
CONTENT_FIELDS = ("type", "label", "text", "html")
# ``pages``, ``extraction`` and ``extraction_note`` (why there is no text) are filled with
# ``media_type``, ``sha256`` and ``text`` once the file is fetched (issue 18);
# ``source_gone_at`` once the source answers 404/410 for a file whose text we keep.
ATTACHMENT_FIELDS = (
    "name",
    "url",
    "public",
    "confidentiality_reason",
    "media_type",
    "sha256",
    "text",
    "pages",
    "extraction",
    "extraction_note",
    "source_gone_at",
)
HISTORY_FIELDS = ("organization", "date", "article_number")
# An item: one § of one meeting, or one officeholder decision. Its documents (agenda,
# minutes, each language) are actions; ``decision_document`` is the one the item page
# shows (the minutes in the municipality's main language when there are minutes).
ITEM_FIELDS = (
    "id",
    "municipality",
    "organization",
    "meeting",
    "date",
    "article_number",
    "title",
    "register_id",
    "matter",
    "status",
    "outcome",
    "procedural",
    "decision_document",
    "documents",
    "votes",
    "dissents",
    "origin_id",
)
ITEM_DOCUMENT_FIELDS = ("action", "document_kind", "language")
# One vote as the proceedings report it: the counts (majority/minority when only
# "äänin 9-4" is written), the two proposals put to the vote, who voted how where the
# minutes list names ("JAA: Niemi, Kallio"), and the sentence itself.
VOTE_FIELDS = (
    "yes",
    "no",
    "blank",
    "absent",
    "majority",
    "minority",
    "yes_proposal",
    "no_proposal",
    "yes_names",
    "no_names",
    "blank_names",
    "absent_names",
    "text",
)
# A matter (asia / ärende): every item of one register id (diaarinumero) in a
# municipality, across organs and years, oldest first.
MATTER_FIELDS = (
    "id",
    "municipality",
    "register_id",
    "title",
    "items",
    "first_date",
    "last_date",
    "origin_id",
)
TRANSLATION_FIELDS = ("language", "id")
# Added by the store to every record.
PROVENANCE_FIELDS = (
    "source_url",
    "fetched_at",
    "raw_sha256",
    "parser_version",
    "first_seen",
    "last_seen",
    "withdrawn_at",
)

FIELDS_BY_TYPE = {
    RecordType.MUNICIPALITY: MUNICIPALITY_FIELDS,
    RecordType.ORGANIZATION: ORGANIZATION_FIELDS,
    RecordType.MEETING: MEETING_FIELDS,
    RecordType.ACTION: ACTION_FIELDS,
}


class SchemaError(ValueError):
    """A record does not fit the schema."""


def validate_record(record_type: RecordType, record: dict) -> None:
    """Raise SchemaError when a (possibly partial) record breaks the schema."""
    allowed = set(FIELDS_BY_TYPE[record_type]) | set(PROVENANCE_FIELDS)
    unknown = set(record) - allowed
    if unknown:
        raise SchemaError(f"{record_type}: unknown fields {sorted(unknown)}")
    if "id" not in record:
        raise SchemaError(f"{record_type}: record without id")
    for key in _ID_FIELDS:
        _check_id(record, record.get(key))
    _check_enum(record, "document_kind", DocumentKind)
    _check_enum(record, "classification", Classification)
    _check_enum(record, "outcome", Outcome)
    for content in record.get("contents") or ():
        _check_enum(content, "type", ContentType)
        if set(content) - set(CONTENT_FIELDS):
            raise SchemaError(f"{record['id']}: unknown content fields {sorted(content)}")
    for attachment in record.get("attachments") or ():
        if set(attachment) - set(ATTACHMENT_FIELDS):
            raise SchemaError(f"{record['id']}: unknown attachment fields {sorted(attachment)}")
    for translation in record.get("translations") or ():
        if set(translation) != set(TRANSLATION_FIELDS):
            raise SchemaError(f"{record['id']}: a translation has {TRANSLATION_FIELDS}")


def _check_id(record: dict, value) -> None:
    """Ids reach the store only normalised (see normalise_origin_id)."""
    if value is None:
        return
    if not isinstance(value, str) or normalise_origin_id(value) != value:
        raise SchemaError(f"{record.get('id', '?')!r}: id {value!r} is not in NFC")


def _check_enum(record: dict, field: str, enum: type[StrEnum]) -> None:
    value = record.get(field)
    if value is not None and value not in enum._value2member_map_:
        raise SchemaError(f"{record.get('id', '?')}: {field}={value!r} is not one of {list(enum)}")
