"""``avoin import``: a town's back catalogue of whole-meeting PDFs into the store.

Towns keep agendas and minutes online for a year or two; older ones exist as whole-meeting
PDFs in their own archives. Staff import a folder of them. Each file is read by
harvest/documents/meeting.py into a meeting and its items and merged like a harvested
page, with provenance ``imported file <name>`` and the file's sha256.

- Idempotent: a file already imported (same sha256) is skipped; ids come from the organ,
  the meeting date, the document kind and the §, so a re-exported copy of the same meeting
  updates the same records instead of adding new ones.
- Twins: when the store already has the meeting (same organ or its other-language twin,
  same date, same kind) the file's items join it; an item that already has its item-level
  document there (same §) is not added again, only what that document lacks is filled in,
  and the imported_files table keeps which file told about which action. The items and
  matters derived afterwards (transform/items.py) join any other documents of the item.
- A file that cannot be read is one counted error; the others go on.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from harvest.documents.meeting import MeetingDocument, MeetingItem, read_meeting_document
from harvest.documents.readers import DocumentReadError
from harvest.pdftext import PdfTextError
from harvest.platforms.sections import classify_organ, function_code_of
from transform.items import link_items
from transform.languages import organ_key
from transform.raw import save_snapshot
from transform.schema import PARSER_VERSION, RecordType, SchemaError, make_id
from transform.store import Store, utc_now

IMPORTED_FROM = "imported file {name}"
_SUFFIXES = {".pdf"}


@dataclass
class ImportReport:
    files: int = 0
    skipped: int = 0  # imported before (same sha256)
    meetings_added: int = 0
    items_added: int = 0
    items_merged: int = 0  # joined an item-level twin already in the store
    unreliable_pages: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"imported {self.files} files ({self.skipped} seen before): "
            f"{self.meetings_added} meetings and {self.items_added} items added, "
            f"{self.items_merged} merged with their item-level twins, "
            f"{self.unreliable_pages} pages flagged as unreliable text, "
            f"{len(self.errors)} errors"
        )


def files_to_import(paths: list[Path]) -> list[Path]:
    """The PDFs named, and those in the folders named (recursively), sorted."""
    found = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in path.rglob("*") if p.suffix.lower() in _SUFFIXES)
        else:
            found.append(path)
    return sorted(found)


def import_files(
    store: Store,
    paths: list[Path],
    municipality: str,
    organ: str | None = None,
    raw_dir: Path | None = None,
) -> ImportReport:
    report = ImportReport()
    for path in files_to_import(paths):
        report.files += 1
        try:
            import_file(store, path, municipality, organ, report, raw_dir)
        except (OSError, DocumentReadError, PdfTextError, SchemaError) as error:
            report.errors.append(f"{path.name}: {' '.join(str(error).split())}")
    link_items(store)  # items and matters follow the actions just merged
    return report


def import_file(
    store: Store,
    path: Path,
    municipality: str,
    organ: str | None,
    report: ImportReport,
    raw_dir: Path | None = None,
) -> None:
    body = path.read_bytes()
    sha256 = hashlib.sha256(body).hexdigest()
    if store.imported_file(sha256):
        report.skipped += 1
        return
    document = read_meeting_document(body, path.name)
    if raw_dir is not None:
        save_snapshot(raw_dir, body)  # a re-parse needs the bytes, as for harvested pages
    organization = _organization(store, municipality, organ, document)
    meeting = _meeting(store, municipality, organization, document)
    twins = _twins(store, meeting)
    actions, merged = [], []
    for ordering, item in enumerate(document.items):
        twin = twins.get(item.article_number)
        action = _action(municipality, meeting, item, ordering, document, twin)
        (merged if twin else actions).append(action)
    provenance = {
        "source_url": IMPORTED_FROM.format(name=path.name), "fetched_at": utc_now(),
        "raw_sha256": sha256, "parser_version": PARSER_VERSION,
    }  # fmt: skip
    new_meeting = not store.has_record(RecordType.MEETING, meeting["id"])
    page = {
        "page": "meeting",
        "organizations": [organization],
        "meetings": [meeting],
        "actions": [action for action in actions + merged if len(action) > 2],
    }
    store.merge_page(page, provenance)
    store.record_imported_file(
        sha256,
        path.name,
        municipality,
        meeting["id"],
        [a["id"] for a in actions],
        [a["id"] for a in merged],
    )
    report.meetings_added += new_meeting
    report.items_added += len(actions)
    report.items_merged += len(merged)
    report.unreliable_pages += len(document.unreliable_pages)


# --- The organ and the meeting -------------------------------------------------------------


def _organization(
    store: Store, municipality: str, organ: str | None, document: MeetingDocument
) -> dict:
    """--organ (an id, origin id or name), else the organ the cover or file name names:
    the store's organ of that name or its other-language twin, else a new one."""
    wanted = organ or document.cover.organ
    if not wanted:
        raise DocumentReadError("no organ on the cover nor in the file name: give --organ")
    known = store.organizations(municipality)
    for record in known:
        if wanted in (record["id"], record.get("origin_id")):
            return {"id": record["id"]}
    key = organ_key(wanted)
    for record in known:
        name = record.get("name") or ""
        if name.casefold() == wanted.casefold() or (key and organ_key(name) == key):
            return {"id": record["id"]}
    origin = "import-" + "-".join(wanted.casefold().split())
    return {
        "id": make_id(municipality, RecordType.ORGANIZATION, origin),
        "name": wanted,
        "classification": classify_organ(wanted),
        "origin_id": origin,
    }


def _meeting(
    store: Store, municipality: str, organization: dict, document: MeetingDocument
) -> dict:
    cover = document.cover
    if not cover.start:
        raise DocumentReadError("no meeting date on the cover nor in the file name")
    day, kind = cover.start[:10], cover.document_kind
    facts = {key: value for key, value in cover.meeting_fields().items() if value is not None}
    languages = Counter(item.reading.fields()["language"] for item in document.items)
    languages.pop(None, None)
    if languages:
        facts["language"] = languages.most_common(1)[0][0]
    for record in store.meetings(municipality, organization["id"]):
        same_kind = kind is None or record.get("document_kind") in (None, kind)
        if (record.get("start") or "")[:10] == day and same_kind:
            # The harvested meeting keeps its own start and kind; the cover adds its facts.
            known = {k: v for k, v in facts.items() if k != "language" or not record.get(k)}
            return {"id": record["id"], **known, "start": record.get("start") or cover.start}
    organ_origin = organization["id"].split(":", 2)[2].removeprefix("import-")
    origin = f"import-{organ_origin}-{day.replace('-', '')}-{kind or 'x'}"
    return {
        "id": make_id(municipality, RecordType.MEETING, origin),
        "organization": organization["id"],
        "origin_id": origin,
        **facts,
    }


def _twins(store: Store, meeting: dict) -> dict[str, dict]:
    """The store's actions of this meeting by §: the item-level documents already there."""
    return {
        action["article_number"]: action
        for action in store.actions(meeting=meeting["id"])
        if action.get("article_number") and "import-" not in action["id"]
    }


# --- Items ---------------------------------------------------------------------------------


def _action(
    municipality: str,
    meeting: dict,
    item: MeetingItem,
    ordering: int,
    document: MeetingDocument,
    twin: dict | None,
) -> dict:
    fields = item.fields()
    fields["function_code"] = function_code_of(fields["register_id"])
    unreliable = sorted(set(item.pages) & set(document.unreliable_pages))
    if twin:
        # Only what the item-level document lacks: it stays the authority for its text.
        missing = {k: v for k, v in fields.items() if v and not twin.get(k)}
        return {"id": twin["id"], "meeting": meeting["id"], **missing}
    origin = f"{meeting['id'].split(':', 2)[2]}-{item.article_number}"
    record = {
        "id": make_id(municipality, RecordType.ACTION, origin), "meeting": meeting["id"],
        "article_number": item.article_number, "ordering": ordering, "origin_id": origin,
        "unreliable_pages": unreliable or None,
    }  # fmt: skip
    record.update({key: value for key, value in fields.items() if value is not None})
    return {key: value for key, value in record.items() if value is not None}
