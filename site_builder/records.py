"""Store records made complete for templates: every schema field present, missing ones None.

Templates run with StrictUndefined so a misspelt field fails the build; records from the
store may legitimately lack optional fields, so each gets all of its type's keys first.
"""

from __future__ import annotations

from transform.schema import (
    ATTACHMENT_FIELDS,
    CONTENT_FIELDS,
    FIELDS_BY_TYPE,
    HISTORY_FIELDS,
    PROVENANCE_FIELDS,
    RecordType,
)

_LIST_FIELDS = {
    "contents": CONTENT_FIELDS,
    "attachments": ATTACHMENT_FIELDS,
    "history": HISTORY_FIELDS,
}


def complete(record_type: RecordType, record: dict) -> dict:
    """A copy of ``record`` with every field of its type (and provenance) present."""
    completed = _with_fields(record, FIELDS_BY_TYPE[record_type] + PROVENANCE_FIELDS)
    for name, item_fields in _LIST_FIELDS.items():
        if name in completed:
            completed[name] = [_with_fields(item, item_fields) for item in completed[name] or ()]
    if record_type is RecordType.ACTION:
        completed["preparers"] = list(completed["preparers"] or ())
        # The other-language versions of the same decision: [{language, id}], when known.
        completed["translations"] = [
            {"language": item.get("language"), "id": item.get("id")}
            for item in completed.get("translations") or ()
            if item.get("id")
        ]
    return completed


def complete_all(record_type: RecordType, records: list[dict]) -> list[dict]:
    return [complete(record_type, record) for record in records]


def _with_fields(record: dict, names: tuple[str, ...]) -> dict:
    return {**dict.fromkeys(names), **record}
